"""`hankinta plan`, `plan add`, `plan set` and `plan status`: listing with its selections, and edits
through the safe edit path (minimal diff, --dry-run writes nothing, a refused value writes nothing)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from conftest import hankinta

PLAN = """\
# yaml-language-server: $schema=../schemas/plan.schema.json
plan_version: 1
id: testi
name: Testisuunnitelma
organisation: Esimerkkilä
threshold: 60000
items:
  - id: H1
    title: Siivouspalvelut
    unit: Tilapalvelut
    priority: 1
    value: 250000
    value_public: true
    notice: {year: 2026, quarter: 2}
  - id: H2
    title: Kalusteet
    unit: Sivistyspalvelut
    priority: 2
    value: 80000
    notice: {year: 2025, month: 3}
    status: valmistelussa
"""


@pytest.fixture
def plan_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "testi.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")  # the nearest plans/ upwards is found
    return tmp_path / "plans"


def ids(*args: str) -> list[str]:
    run = hankinta("plan", *args, "--format", "json")
    assert run.code == 0, run.stderr
    return [row["id"] for row in run.json()["items"]]


def test_listing_selects_by_unit_quarter_priority_and_status(plan_dir: Path) -> None:
    assert ids() == ["H1", "H2"]
    assert ids("testi", "--unit", "tila") == ["H1"]
    assert ids("--quarter", "2026-Q2") == ["H1"]
    assert ids("--priority", "2") == ["H2"]
    assert ids("--status", "in preparation") == ["H2"]
    rows = hankinta("plan", "--as-of", "1.6.2025", "--format", "json").json()["items"]
    assert [r["late"] for r in rows] == [False, True]


def test_csv_and_table(plan_dir: Path) -> None:
    out = hankinta("plan", "--format", "csv", "--as-of", "1.6.2025").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[1]["id"] == "H2" and rows[1]["late"] == "1" and rows[1]["value"] == "80000"
    table = hankinta("plan", "--as-of", "1.6.2025", "--lang", "en").stdout
    assert "Kalusteet" in table and "late" in table and "not public" in table


@pytest.mark.parametrize("args, key", [
    (["--quarter", "2026-5"], "quarter '2026-5' is not valid"),
    (["--status", "valmis"], "plan status 'valmis' is not known"),
    (["nowhere"], "nowhere"),
])
def test_listing_mistakes_are_one_message(plan_dir: Path, args: list[str], key: str) -> None:
    run = hankinta("plan", *args, "--lang", "en")
    assert run.code == 2 and key in run.stderr and "Traceback" not in run.stderr


def test_add_set_and_status_are_minimal_edits(plan_dir: Path) -> None:
    path = plan_dir / "testi.yaml"
    run = hankinta("plan", "add", "testi", "H3", "Kopiopaperi", "--value", "12 000 €", "--priority", "3",
                   "--notice", "2026-H1", "--nature", "supplies", "--cpv", "30197630-1")
    assert run.code == 0, run.stderr
    assert path.read_text(encoding="utf-8") == PLAN + (
        "  - id: H3\n    title: Kopiopaperi\n    cpv: [30197630-1]\n    nature: tavara\n    value: 12000\n"
        "    priority: 3\n    notice: {year: 2026, half: 1}\n")
    assert hankinta("plan", "set", "testi", "H1", "notice", "15.5.2026").code == 0
    assert hankinta("plan", "status", "testi", "H2", "kilpailutuksessa", "--date", "1.4.2025",
                    "--note", "ilmoitus julkaistu").code == 0
    after = path.read_text(encoding="utf-8")
    assert "    notice: {date: 2026-05-15}\n" in after
    assert ("    status: kilpailutuksessa\n    history:\n"
            "      - {date: 2025-04-01, status: kilpailutuksessa, note: ilmoitus julkaistu}\n") in after
    assert len(after.splitlines()) == len(PLAN.splitlines()) + 7 + 2  # the new item; history and its entry
    check = hankinta("check", "--strict", "--as-of", "1.6.2025", str(path))
    assert check.code == 0, check.stdout
    # an earlier status put on record afterwards goes into the history; the current one stays
    assert hankinta("plan", "status", "testi", "H2", "valmistelussa", "--date", "1.2.2025").code == 0
    after = path.read_text(encoding="utf-8")
    assert ("    status: kilpailutuksessa\n    history:\n      - {date: 2025-02-01, status: valmistelussa}\n"
            "      - {date: 2025-04-01, status: kilpailutuksessa, note: ilmoitus julkaistu}\n") in after
    assert hankinta("check", "--strict", "--as-of", "1.6.2025", str(path)).code == 0


def test_refused_edits_write_nothing(plan_dir: Path) -> None:
    path = plan_dir / "testi.yaml"
    for args in (["set", "testi", "H1", "cpv", "123"],           # the model refuses it (HK109)
                 ["set", "testi", "H1", "priority", "4"],        # the parser refuses it
                 ["set", "testi", "H1", "colour", "red"],        # not a field
                 ["set", "testi", "H9", "priority", "1"],        # no such item
                 ["add", "testi", "H1", "Again"],                # id taken
                 ["status", "testi", "H1", "valmis"]):           # not a plan status
        run = hankinta("plan", *args)
        assert run.code in (1, 2) and "Traceback" not in run.stderr, args
    assert path.read_text(encoding="utf-8") == PLAN
    dry = hankinta("plan", "set", "testi", "H1", "priority", "2", "--dry-run")
    assert dry.code == 0 and "-    priority: 1\n+    priority: 2" in dry.stdout
    assert path.read_text(encoding="utf-8") == PLAN


def test_plan_file_given_by_path_needs_no_plans_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.yaml").write_text(PLAN, encoding="utf-8")
    assert ids("p.yaml") == ["H1", "H2"]
    run = hankinta("plan", "--lang", "en")
    assert run.code == 2 and "no plans/ folder" in run.stderr


def test_import_finnish_columns_from_excel_adds_and_updates(plan_dir: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Tunniste", "Hankinta", "Yksikkö", "Arvioitu arvo", "Prioriteetti", "Ilmoitus", "Hankintalaji",
               "Sopimus alkaa"])
    ws.append(["H1", None, None, 260000, None, "2026-Q3", None, None])  # blank cells change nothing
    ws.append(["H3", "Kopiopaperi", "Konsernipalvelut", 12000, 3, "2027", "tavara", "1.1.2027"])
    sheet = plan_dir.parent / "suunnitelma.xlsx"
    wb.save(sheet)
    run = hankinta("plan", "import", "testi", str(sheet))
    assert run.code == 0, run.stderr
    after = (plan_dir / "testi.yaml").read_text(encoding="utf-8")
    assert after == PLAN.replace("    value: 250000\n", "    value: 260000\n").replace(
        "{year: 2026, quarter: 2}", "{year: 2026, quarter: 3}") + (
        "  - id: H3\n    title: Kopiopaperi\n    unit: Konsernipalvelut\n    nature: tavara\n    value: 12000\n"
        "    priority: 3\n    notice: {year: 2027}\n    contract: {start: 2027-01-01}\n")


def test_import_lists_every_bad_row_and_writes_nothing(plan_dir: Path) -> None:
    sheet = plan_dir.parent / "rivit.csv"
    sheet.write_text("Tunniste,Hankinta,Prioriteetti,Ilmoitus\nH1,,5,\nH4,,,2026-Q2\nH5,Uusi,1,ensi vuonna\n",
                     encoding="utf-8")
    run = hankinta("plan", "import", "testi", str(sheet), "--lang", "en")
    assert run.code in (1, 2) and "Traceback" not in run.stderr
    assert "row 2" in run.stderr and "row 4" in run.stderr, run.stderr
    assert (plan_dir / "testi.yaml").read_text(encoding="utf-8") == PLAN
    sheet.write_text("Tunniste,Väri\nH1,punainen\n", encoding="utf-8")
    run = hankinta("plan", "import", "testi", str(sheet), "--lang", "en")
    assert run.code == 2 and "Väri" in run.stderr
