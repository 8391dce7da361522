"""The finding codes cannot drift: the README's table is the catalogue's, every code has a case.

- The table under "### Finding codes" in README.md is `findings.markdown_table()`; regenerate it
  with `python -m hankinta_cli.checking.findings --markdown README.md`.
- Every code of `findings.CATALOGUE` has a broken case: a file or folder in tests/broken/ (see
  tests/test_check_corpus.py for the `# expect: CODE LINE [strict]` convention), or, for the few
  codes no file kept in the repository can produce, a case generated below in GENERATED (a file
  that cannot be read, one over the size limit, a mapping over the key limit, a file with more
  model errors than are listed). Each runs through the same assertion as the corpus.
  A case proves its code is produced by the current code, so a dead code fails here too.
- Every code the source names (code and docstrings) is in the catalogue, and so is every code
  the README names; the README's JSON example is real output of `check programmes`.
"""

from __future__ import annotations

import json
import re
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, hankinta
from hankinta_cli.checking.findings import CATALOGUE, _main, markdown_table, replace_table
from hankinta_cli.checking.validate import MAX_FINDINGS
from hankinta_cli.reading.load import MAX_BYTES, MAX_KEYS
from test_check_corpus import CASES, assert_finding, expectation

README = ROOT / "README.md"
SRC = ROOT / "src" / "hankinta_cli"


# --- generated cases: (path, line, strict) written into a temporary folder -------------------

def _unreadable(folder: Path) -> tuple[Path, int, bool]:
    # A socket exists but cannot be opened (ENXIO), even for root, for whom permissions do not count.
    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no Unix sockets here")
    with socket.socket(socket.AF_UNIX) as s:
        s.bind("ohjelma.yaml")  # relative (the test runs in `folder`): socket paths are limited to ~100 bytes
    return folder / "ohjelma.yaml", 1, False


def _too_large(folder: Path) -> tuple[Path, int, bool]:
    path = folder / "ohjelma.yaml"
    with path.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: refused by its size, never written out or read
    return path, 1, False


def _too_many_keys(folder: Path) -> tuple[Path, int, bool]:
    path = folder / "ohjelma.yaml"
    path.write_text("schema_version: 1\n" + "".join(f"k{i}: {i}\n" for i in range(MAX_KEYS)), encoding="utf-8")
    return path, MAX_KEYS + 1, False  # the key past the limit (line 1 is schema_version)


def _too_many_model_errors(folder: Path) -> tuple[Path, int, bool]:
    path = folder / "ohjelma.yaml"
    path.write_text("schema_version: 1\nid: x\nname: x\norganisation: x\nthemes:\n"
                    + "".join(f"  - {{id: T{i}, name: t, colour: {i}}}\n" for i in range(MAX_FINDINGS + 1)),
                    encoding="utf-8")
    return path, 6 + MAX_FINDINGS, False  # the first theme not listed


def _same_id(folder: Path) -> tuple[Path, int, bool]:
    # two files checked together: a single case file cannot clash with another
    programmes = folder / "programmes"
    programmes.mkdir()
    for name in ("a.yaml", "b.yaml"):
        (programmes / name).write_text("schema_version: 1\nid: sama\nname: Ohjelma\norganisation: Kunta\n",
                                       encoding="utf-8")
    return programmes, 2, False  # b.yaml's id, the second file checked


GENERATED: dict[str, Callable[[Path], tuple[Path, int, bool]]] = {
    "HK212": _same_id,
    "HK001": _unreadable,
    "HK002": _too_large,
    "HK018": _too_many_keys,
    "HK111": _too_many_model_errors,
}


@pytest.mark.parametrize("code", sorted(GENERATED))
def test_generated_case_gives_its_code(code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path, line, strict = GENERATED[code](tmp_path)
    assert_finding(path, code, line, strict)


def test_every_code_has_a_broken_case() -> None:
    in_files = {expectation(p)[0] for p in CASES}
    assert not in_files & set(GENERATED), "a code with a case in tests/broken/ needs no generated one"
    missing = sorted(set(CATALOGUE) - in_files - set(GENERATED))
    assert not missing, f"no case in tests/broken/ for {missing}"
    assert not (in_files | set(GENERATED)) - set(CATALOGUE), "a case expects a code the catalogue lacks"


# --- the source and the catalogue agree ------------------------------------------------------

CODE = re.compile(r"\bHK\d{3}\b")


def _codes_in_source() -> set[str]:
    return {c for f in SRC.rglob("*.py") if f.name != "findings.py" for c in CODE.findall(f.read_text("utf-8"))}


def test_every_code_in_the_source_is_in_the_catalogue() -> None:
    assert not _codes_in_source() - set(CATALOGUE)


# --- the README ---------------------------------------------------------------------------------

def test_readme_table_is_the_catalogue() -> None:
    text = README.read_text(encoding="utf-8")
    assert replace_table(text, markdown_table()) == text, (
        "README.md's code table differs from the catalogue: run "
        "`python -m hankinta_cli.checking.findings --markdown README.md`")


def test_the_documented_command_rewrites_a_stale_table(tmp_path: Path) -> None:
    stale = tmp_path / "README.md"
    text = README.read_text(encoding="utf-8")
    stale.write_text(text.replace("| HK401 |", "| HK499 |").replace("| HK402 | varoitus", "| HK402 | virhe"),
                     encoding="utf-8")
    assert _main(["--markdown", str(stale)]) == 0
    assert stale.read_text(encoding="utf-8") == replace_table(text, markdown_table())


def test_markdown_table_lists_every_code_once_in_order() -> None:
    rows = markdown_table().splitlines()[2:]
    assert [r.split(" | ")[0].lstrip("| ") for r in rows] == sorted(CATALOGUE)


def test_codes_named_in_the_readme_exist() -> None:
    assert not set(CODE.findall(README.read_text(encoding="utf-8"))) - set(CATALOGUE)


def _readme_json_example() -> dict[str, object]:
    text = README.read_text(encoding="utf-8")
    block = text.split("JSON output (`--format json`)", 1)[1].split("```json\n", 1)[1].split("```", 1)[0]
    example: dict[str, object] = json.loads(block)
    return example


def _matches(shown: object, real: object) -> bool:
    """`shown` is `real`, or a text cut short with "…" that `real` begins with."""
    if isinstance(shown, str) and shown.endswith("…") and isinstance(real, str):
        return real.startswith(shown[:-1])
    return shown == real


def test_readme_json_example_is_real_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    real = hankinta("check", "--no-cache", "--format", "json", "programmes").json()
    example = _readme_json_example()
    files = example.pop("files")
    assert {k: real[k] for k in example} == example
    real_files = {f["path"]: f["findings"] for f in real["files"]}
    assert isinstance(files, list)
    for shown_file in files:
        shown_findings = shown_file["findings"]
        real_findings = real_files[shown_file["path"]][: len(shown_findings)]
        for shown, found in zip(shown_findings, real_findings, strict=True):
            assert shown.keys() == found.keys()
            assert all(_matches(shown[k], found[k]) for k in shown), (shown, found)
