"""A plan's CPV codes and its references to programmes, as `check` reports them.

- CPV codes are checked against the CPV 2008 vocabulary (notices/cpv.py): a wrong check digit is
  HK504 with the right one in the hint, a code that does not exist HK505; eight digits without the
  check digit are accepted when they are a code.
- `programmes:` must name programmes of the repository (HK507) and `measure_refs:` their measures
  (HK506, the closest ids in the hint), found from the plan's own place (the nearest
  `programmes/` folder), whether the plan is checked alone or with the whole repository; with no
  programme folder the references are not checked. A cached result of a plan is not reused once a
  programme it refers to has changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import hankinta
from hankinta_cli.notices import cpv

PLAN = """\
plan_version: 1
id: suunnitelma
name: Hankintasuunnitelma
organisation: Esimerkkilä
{programmes}items:
  - id: H1
    title: Koulun peruskorjaus
    priority: 1
    cpv: [{cpv}]
    measure_refs: [{refs}]
"""

PROGRAMME = """\
schema_version: 1
id: {id}
name: Ohjelma
organisation: Kunta
themes:
  - id: T1
    name: Teema
    goals:
      - id: "1"
        title: Tavoite
        measures:
{measures}"""


def _measure(mid: str) -> str:
    return f'          - id: "{mid}"\n            title: Toimenpide\n'


def _repo(root: Path, programmes: dict[str, list[str]], named: list[str] | None, refs: list[str],
          cpv_codes: tuple[str, ...] = ('"45000000-7"',)) -> Path:
    """A programme repository: programmes/<id>.yaml with those measures, plans/suunnitelma.yaml."""
    (root / "programmes").mkdir(parents=True)
    (root / "plans").mkdir()
    for pid, measures in programmes.items():
        (root / "programmes" / f"{pid}.yaml").write_text(
            PROGRAMME.format(id=pid, measures="".join(_measure(m) for m in measures)), encoding="utf-8")
    plan = root / "plans" / "suunnitelma.yaml"
    plan.write_text(PLAN.format(programmes=f"programmes: [{', '.join(named)}]\n" if named is not None else "",
                                cpv=", ".join(cpv_codes), refs=", ".join(f'"{r}"' for r in refs)), encoding="utf-8")
    return plan


def _findings(*args: str, env: dict[str, str] | None = None) -> list[dict[str, Any]]:
    run = hankinta("check", "--format", "json", "--lang", "en", *args, env=env)
    assert run.code in (0, 1), run.stderr
    return [f for r in run.json()["files"] for f in r["findings"]]


def _codes(findings: list[dict[str, Any]]) -> list[tuple[str, int]]:
    return [(f["code"], f["line"]) for f in findings]


# --- CPV ---------------------------------------------------------------------------------------

#: Codes as other sources print them (EU regulation examples, TED and procurement portals), among
#: them some whose check digit follows no formula (03300000-2, 42100000-0, 72212100-0).
REAL = ["45000000-7", "03113100-7", "18451000-5", "71355200-3", "48217100-3", "79000000-4", "98500000-8",
        "03300000-2", "42100000-0", "42124290-3", "72212100-0", "90910000-9", "34144900-7"]


def test_the_vocabulary_holds_the_cpv_2008_codes() -> None:
    codes = cpv.codes()
    assert len(codes) == 9454 and codes == sorted(codes)
    assert all(code in codes for code in REAL)
    assert cpv.check_digit("45000000") == "7" and cpv.check_digit("45999999") is None
    assert cpv.nearest("45214299") == "45214200-2" and cpv.nearest("02000000") == ""


@pytest.mark.parametrize("code", REAL)
def test_a_real_code_passes_with_or_without_its_check_digit(tmp_path: Path, code: str) -> None:
    plan = _repo(tmp_path, {}, None, [], (f'"{code}"', f'"{code[:8]}"'))
    assert _findings("--no-cache", str(plan)) == []


@pytest.mark.parametrize("code", ["45000000-7", "03300000-2", "72212100-0"])
def test_a_wrong_check_digit_is_an_error_that_gives_the_right_one(tmp_path: Path, code: str) -> None:
    wrong = f"{code[:8]}-{(int(code[9]) + 3) % 10}"
    plan = _repo(tmp_path, {}, None, [], ('"45000000-7"', f'"{wrong}"'))
    findings = _findings("--no-cache", str(plan))
    assert _codes(findings) == [("HK504", 9)]
    assert findings[0]["severity"] == "error" and findings[0]["column"] == 25
    assert findings[0]["hint"] == f"The right check digit is {code[9]}: '{code}'."


def test_a_code_that_does_not_exist_is_an_error_that_names_the_nearest_broader_one(tmp_path: Path) -> None:
    plan = _repo(tmp_path, {}, None, [], ('"45214299-1"', '"12345678"'))
    findings = _findings("--no-cache", str(plan))
    assert _codes(findings) == [("HK505", 9), ("HK505", 9)]
    assert "45214200-2" in findings[0]["hint"] and findings[1]["hint"].endswith("–.")


# --- references to programmes ------------------------------------------------------------------

def test_an_unknown_measure_is_reported_at_its_ref_with_the_closest_ids(tmp_path: Path) -> None:
    plan = _repo(tmp_path, {"ohjelma": ["1.1", "1.2", "2.1"], "muu": ["1.4"]}, ["ohjelma"], ["1.1", "1.4", "9"])
    findings = _findings("--no-cache", str(plan))  # checked alone: the programmes are found from the plan
    assert _codes(findings) == [("HK506", 11), ("HK506", 11)]
    first, second = findings
    assert first["column"] == 27 and "'1.4'" in first["message"] and "ohjelma" in first["message"]
    assert first["hint"] == "The closest measures: 1.1, 1.2."  # 1.4 is in a programme the plan does not name
    assert second["hint"] == "The closest measures: 1.1, 1.2, 2.1."  # nothing close: the ids there are


def test_the_whole_repository_check_reports_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _repo(tmp_path, {"ohjelma": ["1.1"]}, ["ohjelma"], ["1.2"])
    monkeypatch.chdir(tmp_path)
    assert [c for c in _codes(_findings("--no-cache")) if c[0].startswith("HK5")] == [("HK506", 11)]


def test_a_plan_naming_no_programme_is_checked_against_every_programme(tmp_path: Path) -> None:
    plan = _repo(tmp_path, {"a": ["1.1"], "b": ["2.1"]}, None, ["1.1", "2.1", "3.1"])
    findings = _findings("--no-cache", str(plan))
    assert _codes(findings) == [("HK506", 10)] and "a, b" in findings[0]["message"]


def test_an_unknown_programme_is_reported_and_its_refs_are_not(tmp_path: Path) -> None:
    plan = _repo(tmp_path, {"ohjelma": ["1.1"]}, ["ohjelma", "ohjelmaa"], ["9.9"])
    findings = _findings("--no-cache", str(plan))
    assert _codes(findings) == [("HK507", 5)]
    assert findings[0]["column"] == 23
    assert findings[0]["hint"] == "Did you mean 'ohjelma'? Programmes in the folder: ohjelma."


def test_a_programme_is_known_by_its_file_name_too(tmp_path: Path) -> None:
    plan = _repo(tmp_path, {"ohjelma": ["1.1"]}, ["ohjelma"], ["1.1"])
    (tmp_path / "programmes" / "ohjelma.yaml").rename(tmp_path / "programmes" / "ohjelma-2026.yaml")
    plan.write_text(plan.read_text(encoding="utf-8").replace("[ohjelma]", "[ohjelma-2026]"), encoding="utf-8")
    assert _findings("--no-cache", str(plan)) == []


def test_without_a_programme_folder_the_references_are_not_checked(tmp_path: Path) -> None:
    plan = _repo(tmp_path, {}, ["ohjelma"], ["9.9"])
    (tmp_path / "programmes").rmdir()
    assert _findings("--no-cache", str(plan)) == []


def test_a_cached_plan_is_checked_again_when_a_programme_changes(tmp_path: Path) -> None:
    plan = _repo(tmp_path / "repo", {"ohjelma": ["1.1", "1.2"]}, ["ohjelma"], ["1.2"])
    env = {"HANKINTA_CACHE_DIR": str(tmp_path / "cache")}
    assert _findings(str(plan), env=env) == []
    assert _findings(str(plan), env=env) == []  # from the cache
    programme = tmp_path / "repo" / "programmes" / "ohjelma.yaml"
    programme.write_text(programme.read_text(encoding="utf-8").replace('"1.2"', '"1.3"'), encoding="utf-8")
    assert _codes(_findings(str(plan), env=env)) == [("HK506", 11)]


def test_checking_leaves_the_cycle_collector_as_it_was() -> None:
    import gc

    from hankinta_cli.checking.check import check_bytes

    raw = PLAN.format(programmes="", cpv='"45000000-7"', refs="").encode()
    assert gc.isenabled()
    assert check_bytes(raw, Path("suunnitelma.yaml")) == [] and gc.isenabled()
    gc.disable()
    try:
        assert check_bytes(b"a: [", Path("x.yaml"))[0].code == "HK010" and not gc.isenabled()
    finally:
        gc.enable()
