"""Procurement plans (issue 14): the model, its schema, `check` findings at their lines with the
day passed in, and which files are plans."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import ROOT, hankinta
from hankinta_cli.checking.check import check_bytes, check_paths, open_cache
from hankinta_cli.checking.schema import schema_text
from hankinta_cli.plan_model import PlannedDate
from hankinta_cli.reading.sniff import is_programme_file

PLAN_SCHEMA = ROOT / "schemas" / "plan.schema.json"

PLAN = """\
plan_version: 1
id: testi
name: Testisuunnitelma
organisation: Esimerkkilä
business_id: 1234567-1
threshold: 60000
horizon_months: 14
items:
  - id: H1
    title: Siivous
    priority: 1
    value: 250000
    cpv: [90910000-9]
    notice: {year: 2026, quarter: 2}
  - id: H2
    title: Kalusteet
    priority: 2
    value: 80000
    notice: {year: 2025, month: 3}
  - id: H3
    title: Rakennus
    priority: 1
    value: 900000
    notice: {year: 2027, half: 2}
"""


def codes(text: str, day: dt.date | None, name: str = "p.yaml") -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in check_bytes(text.encode(), Path(name), as_of=day)]


def test_committed_plan_schema_is_current() -> None:
    assert PLAN_SCHEMA.read_text(encoding="utf-8") == schema_text(plan=True), \
        "run: hankinta schema --plan -o schemas/plan.schema.json"
    assert hankinta("schema", "--plan", "--check", "-o", str(PLAN_SCHEMA)).code == 0
    assert '"Hankintasuunnitelma"' in PLAN_SCHEMA.read_text(encoding="utf-8")


def test_dated_rules_follow_the_day_given() -> None:
    # 1.6.2025: H2 (March 2025) is late; H3 (H2 of 2027) is beyond a 14-month horizon
    assert codes(PLAN, dt.date(2025, 6, 1)) == [("HK502", 19), ("HK501", 24)]
    # 15.2.2025: nothing late yet; H1 inside the horizon (to 15.4.2026), H3 beyond it
    assert codes(PLAN, dt.date(2025, 2, 15)) == [("HK501", 24)]
    # without a day (an edit's re-check) only the undated rules run
    assert codes(PLAN, None) == []


def test_an_announced_item_is_never_late() -> None:
    text = PLAN.replace("    notice: {year: 2025, month: 3}", "    notice: {year: 2025, month: 3}\n"
                        "    notice_ids: [2025-123456]")
    assert ("HK502", 19) not in codes(text, dt.date(2025, 6, 1))


@pytest.mark.parametrize("bad, code", [
    ("business_id: 1234567-1", "business_id: 1234567-2"),
    ("cpv: [90910000-9]", "cpv: [9091-9]"),
    ("notice: {year: 2026, quarter: 2}", "notice: {quarter: 2}"),
    ("notice: {year: 2026, quarter: 2}", "notice: {year: 2026, quarter: 2, month: 4}"),
])
def test_model_errors_name_the_line(bad: str, code: str) -> None:
    found = codes(PLAN.replace(bad, code), dt.date(2025, 1, 1))
    line = next(i for i, row in enumerate(PLAN.replace(bad, code).splitlines(), 1) if code.split(":")[0] in row)
    assert found == [("HK109", line)]


def test_repeated_item_id_and_unknown_field() -> None:
    assert ("HK201", 15) in codes(PLAN.replace("id: H2", "id: H1"), None)
    assert codes(PLAN.replace("    priority: 2\n", "    prioriteetti: 2\n"), None) == [("HK103", 17)]


def test_planned_date_windows() -> None:
    assert PlannedDate(year=2026, quarter=2).window() == (dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    assert PlannedDate(year=2024, month=2).window() == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert PlannedDate(year=2026, half=2).window() == (dt.date(2026, 7, 1), dt.date(2026, 12, 31))
    assert PlannedDate(year=2026).label() == "2026"


def test_a_file_in_plans_is_a_plan_even_without_its_version(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    body = PLAN.replace("plan_version: 1\n", "")
    assert ("HK102", 1) in codes(body, None, str(folder / "p.yaml"))
    (folder / "p.yaml").write_text(body, encoding="utf-8")
    assert is_programme_file(folder / "p.yaml", tmp_path)
    elsewhere = tmp_path / "x.yaml"
    elsewhere.write_text(PLAN, encoding="utf-8")
    assert is_programme_file(elsewhere, tmp_path)  # by its own key `plan_version`


def test_check_cli_takes_the_day_and_the_cache_keeps_days_apart(tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    early = hankinta("check", "--as-of", "15.2.2025", "--strict", "--format", "json", str(plan))
    late = hankinta("check", "--as-of", "1.6.2025", "--strict", "--format", "json", str(plan))
    assert [f["code"] for f in early.json()["files"][0]["findings"]] == ["HK501"]
    assert [f["code"] for f in late.json()["files"][0]["findings"]] == ["HK502", "HK501"]
    cache = open_cache(False)
    assert cache is not None
    again = check_paths([plan], cache, dt.date(2025, 6, 1))
    assert again[0].cached and [f.code for f in again[0].findings] == ["HK502", "HK501"]


EXAMPLE = ROOT / "examples" / "plans" / "esimerkkila-hankintasuunnitelma.yaml"
EXAMPLE_PROGRAMME = ROOT / "examples" / "programmes" / "esimerkkila.yaml"


def test_example_plan_checks_clean_and_links_the_example_programme() -> None:
    run = hankinta("check", "--strict", "--as-of", "2025-12-31", "--format", "json", str(EXAMPLE))
    assert run.code == 0 and run.json()["files"][0]["findings"] == [], run.stdout
    text = EXAMPLE.read_text(encoding="utf-8")
    assert "KUVITTEELLINEN ESIMERKKI" in text and "Kajaani" not in text and "Hyvinkää" not in text
    from hankinta_cli.reading.plans import load_plan
    from hankinta_cli.reading.read import load_programme
    from hankinta_cli.walk import measures

    plan, programme = load_plan(EXAMPLE), load_programme(EXAMPLE_PROGRAMME)
    assert programme is not None and plan.programmes == [programme.id]
    known = {at.measure.id for at in measures(programme)}
    linked = {ref for item in plan.items for ref in item.measure_refs}
    assert linked and linked <= known


def test_readme_plan_excerpt_is_verbatim_in_the_example() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Hankintasuunnitelma"):]
    excerpt = section[section.index("```yaml\n") + 8:section.index("```\n", section.index("```yaml\n"))]
    assert excerpt.count("\n") >= 10
    assert excerpt in EXAMPLE.read_text(encoding="utf-8")


def test_plan_schema_accepts_the_example_and_rejects_an_unknown_field(tmp_path: Path) -> None:
    import shutil
    import subprocess
    import sys

    exe = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    if not Path(exe).exists():
        pytest.skip("check-jsonschema is not installed (pip install '.[test]')")
    bad = tmp_path / "bad.yaml"
    bad.write_text(PLAN.replace("    priority: 2\n", "    prioriteetti: 2\n"), encoding="utf-8")
    good = subprocess.run([exe, "--schemafile", str(PLAN_SCHEMA), str(EXAMPLE)], capture_output=True, text=True)
    assert good.returncode == 0, good.stdout + good.stderr
    refused = subprocess.run([exe, "--schemafile", str(PLAN_SCHEMA), str(bad)], capture_output=True, text=True)
    assert refused.returncode == 1 and "prioriteetti" in refused.stdout


def test_check_without_arguments_also_checks_the_plans_beside_the_programmes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    examples = ROOT / "examples"
    shutil.copytree(examples / "programmes", tmp_path / "programmes")
    shutil.copytree(examples / "plans", tmp_path / "plans")
    monkeypatch.chdir(tmp_path / "programmes")  # from a subfolder, as every command works
    run = hankinta("check", "--as-of", "2025-12-31", "--format", "json")
    assert run.code == 0, run.stdout + run.stderr
    assert any(f["path"].endswith("plans/esimerkkila-hankintasuunnitelma.yaml") for f in run.json()["files"])
    plan = tmp_path / "plans" / "esimerkkila-hankintasuunnitelma.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "tuntematon: 1\n", encoding="utf-8")
    run = hankinta("check", "--as-of", "2025-12-31")
    assert run.code == 1 and "HK103" in run.stdout
