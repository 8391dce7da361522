"""JSON Schema for programme files, generated from the model in draft-07.

draft-07 because the YAML language server behind VS Code supports it fully (2020-12 only
in part). pydantic emits 2020-12 shapes, so three things are rewritten: `$defs` becomes
`definitions`; a `$ref` with sibling keywords (ignored in draft-07) is wrapped in `allOf`
so a field's own title and description still show on hover; and the vocabularies get
Finnish descriptions with one line per value (`markdownEnumDescriptions`, a VS Code extension).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..model import SCHEMA_VERSION, Catalogue, Programme
from ..plan_model import PLAN_VERSION, Plan
from ..vocab import (
    Aim,
    DerivedOp,
    Dimension,
    Direction,
    Granularity,
    IndicatorKind,
    Nature,
    PlanStatus,
    Procedure,
    Source,
    Stage,
    Status,
    Vocab,
)

SCHEMA_ID = f"urn:hankinta:schema:programme:{SCHEMA_VERSION}"
CATALOGUE_ID = "urn:hankinta:schema:catalogue:1"
PLAN_ID = f"urn:hankinta:schema:plan:{PLAN_VERSION}"
DRAFT = "http://json-schema.org/draft-07/schema#"

_TITLES = {
    "Programme": "Hankintaohjelma",
    "Period": "Ohjelmakausi",
    "Adoption": "Hyväksyminen",
    "NamedText": "Nimetty tekstikohta",
    "StageStep": "Hyväksymisprosessin vaihe",
    "Schedule": "Aikataulu",
    "StatusEntry": "Tilamerkintä",
    "Target": "Tavoitearvo",
    "Baseline": "Lähtötaso",
    "Observation": "Havainto",
    "Indicator": "Mittari",
    "Measure": "Toimenpide",
    "Goal": "Tavoite",
    "Theme": "Teema",
    "SourceDocument": "Lähdeasiakirja",
    "Derived": "Johdettu mittari",
    "UpdateInterval": "Päivitysväli",
    "CatalogueEntry": "Yhteinen mittari",
    "Catalogue": "Yhteinen mittaristo",
    "Plan": "Hankintasuunnitelma",
    "PlanItem": "Suunniteltu hankinta",
    "PlannedDate": "Suunniteltu ajankohta",
    "Contract": "Sopimuskausi",
    "PlanStatusEntry": "Hankinnan tilamerkintä",
}

_VOCABS: dict[str, tuple[type[Vocab], str]] = {
    "Status": (Status, "Toimenpiteen tila."),
    "Stage": (Stage, "Ohjelman elinkaaren vaihe."),
    "IndicatorKind": (IndicatorKind, "Mittarin laji: millaisia arvoja mittarilla on."),
    "Direction": (Direction, "Mihin suuntaan mittarin arvon pitäisi kehittyä."),
    "Granularity": (Granularity, "Seurantajakso: kuinka usein mittari mitataan."),
    "Source": (Source, "Mittarin tietolähde."),
    "Dimension": (Dimension, "Kestävien hankintojen ulottuvuus (Laurean toimintamalli)."),
    "DerivedOp": (DerivedOp, "Johdetun mittarin laskutapa."),
    "Nature": (Nature, "Hankintalaji: rakennusurakka, tavara tai palvelu."),
    "PlanStatus": (PlanStatus, "Suunnitellun hankinnan tila."),
    "Aim": (Aim, "Hankinnan strateginen tavoite."),
    "Procedure": (Procedure, "Suunniteltu hankintamenettely."),
}


def build_schema(catalogue: bool = False, plan: bool = False) -> dict[str, Any]:
    model: type[BaseModel] = Plan if plan else Catalogue if catalogue else Programme
    raw = model.model_json_schema(ref_template="#/definitions/{model}")
    definitions = raw.pop("$defs", {})
    for name, (vocab, text) in _VOCABS.items():
        if name in definitions:
            definitions[name]["title"] = text.rstrip(".")
            definitions[name]["description"] = text + " Sallitut arvot: " + ", ".join(vocab.choices()) + "."
            definitions[name]["markdownEnumDescriptions"] = [f"**{m.value}**: {m.label.fi}" for m in vocab]
    for name, title in _TITLES.items():
        if name in definitions:
            definitions[name]["title"] = title
    raw["title"] = _TITLES[model.__name__]
    schema: dict[str, Any] = {"$schema": DRAFT, "$id": PLAN_ID if plan else CATALOGUE_ID if catalogue else SCHEMA_ID}
    schema.update(raw)
    schema["definitions"] = definitions
    result: dict[str, Any] = _draft07(schema)
    return result


def _draft07(node: Any) -> Any:
    if isinstance(node, dict):
        out = {k: _draft07(v) for k, v in node.items()}
        if "$ref" in out and len(out) > 1:
            ref = out.pop("$ref")
            out["allOf"] = [{"$ref": ref}]
        return out
    if isinstance(node, list):
        return [_draft07(v) for v in node]
    return node


def schema_text(catalogue: bool = False, plan: bool = False) -> str:
    return json.dumps(build_schema(catalogue, plan), ensure_ascii=False, indent=2) + "\n"


def schema_is_current(path: Path, text: str) -> bool:
    """`schema --check`: the file at `path` holds exactly `text` (a missing file does not)."""
    try:
        return path.read_text(encoding="utf-8") == text
    except OSError:
        return False
