"""The committed JSON Schema is current, draft-07, documented in Finnish, and agrees with the model."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import BROKEN, CATALOGUE, PROGRAMME_FILES, ROOT, hankinta
from hankinta_cli.checking.schema import schema_text

SCHEMA = ROOT / "schemas" / "programme.schema.json"
CATALOGUE_SCHEMA = ROOT / "schemas" / "catalogue.schema.json"


def test_committed_schema_is_not_stale() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == schema_text(), "run: hankinta schema -o schemas/programme.schema.json"
    assert hankinta("schema", "--check", "-o", str(SCHEMA)).code == 0
    assert CATALOGUE_SCHEMA.read_text(encoding="utf-8") == schema_text(catalogue=True)
    assert hankinta("schema", "--catalogue", "--check", "-o", str(CATALOGUE_SCHEMA)).code == 0


def test_schema_check_flags_a_stale_file(tmp_path: Path) -> None:
    stale = tmp_path / "s.json"
    stale.write_text("{}", encoding="utf-8")
    assert hankinta("schema", "--check", "-o", str(stale)).code == 1


def _properties(node: Any) -> list[tuple[str, dict[str, Any]]]:
    out = []
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            out.append((name, sub))
        for v in node.values():
            out += _properties(v)
    elif isinstance(node, list):
        for v in node:
            out += _properties(v)
    return out


def test_schema_is_draft07_with_title_and_description_on_every_field() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["$id"] and schema["title"] and schema["description"]
    assert "$defs" not in SCHEMA.read_text(encoding="utf-8")
    props = _properties(schema)
    assert len(props) > 80
    for name, sub in props:
        assert sub.get("title") and sub.get("description"), name
        # draft-07 ignores keywords beside $ref: descriptions must not sit next to one
        assert not ("$ref" in sub and len(sub) > 1), name
    for d in schema["definitions"].values():
        assert d.get("additionalProperties") is False or "enum" in d


def _check_jsonschema(*files: Path | str, schema: Path = SCHEMA) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    if not Path(exe).exists():
        pytest.skip("check-jsonschema is not installed (pip install '.[test]')")
    return subprocess.run([exe, "--schemafile", str(schema), *map(str, files)],
                          capture_output=True, text=True)


def test_schema_accepts_every_shipped_programme() -> None:
    out = _check_jsonschema(*PROGRAMME_FILES)
    assert out.returncode == 0, out.stdout + out.stderr
    out = _check_jsonschema(CATALOGUE, schema=CATALOGUE_SCHEMA)
    assert out.returncode == 0, out.stdout + out.stderr


# Broken files whose fault JSON Schema can express: the schema must reject them as the model does.
SCHEMA_EXPRESSIBLE = ["unknown_key", "missing_field", "bad_status", "numeric_id", "wrong_type",
                      "bad_date", "period_malformed", "value_mapping"]


def test_schema_rejects_what_the_model_rejects() -> None:
    # one run over all of them (check-jsonschema starts in ~0.4 s): each file must have its error
    files = [BROKEN / f"{name}.yaml" for name in SCHEMA_EXPRESSIBLE]
    out = _check_jsonschema(*files, "-o", "json")
    assert out.returncode == 1, out.stdout + out.stderr
    rejected = {Path(e["filename"]).name for e in json.loads(out.stdout)["errors"]}
    assert rejected == {f.name for f in files}


def _models() -> list[type[Any]]:
    import hankinta_cli.model as programme_model
    import hankinta_cli.plan_model as plan_model
    from hankinta_cli.model_base import Model

    return [obj for module in (programme_model, plan_model) for obj in vars(module).values()
            if isinstance(obj, type) and issubclass(obj, Model) and obj is not Model]


def test_no_model_field_takes_a_builtin_as_its_default_factory() -> None:
    """pydantic reads a default factory's signature; for a builtin such as `list` that means
    tokenizing its text signature, whose patterns are compiled at the first model built (2 % of
    a short command's instructions). `model_base.field` swaps `list` for a plain function."""
    import types

    models = _models()
    assert len(models) > 20
    builtin = [f"{m.__name__}.{name}" for m in models for name, f in m.model_fields.items()
               if isinstance(f.default_factory, (type, types.BuiltinFunctionType))]
    assert builtin == []
    # the swapped factory still gives each instance its own list
    from hankinta_cli.plan_model import PlanItem

    factory = PlanItem.model_fields["cpv"].default_factory
    assert factory is not None and factory() == [] and factory() is not factory()
