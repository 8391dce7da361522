"""`hankinta import`: CSV and XLSX, Finnish and English headers, all rows checked before writing."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from conftest import copy_programme, hankinta, unrecorded
from test_edit import FIXTURE, changed_lines


@pytest.fixture
def programme(tmp_path: Path) -> Path:
    target = tmp_path / "hankala.yaml"
    shutil.copy(FIXTURE, target)
    return target


def write_csv(path: Path, rows: list[list[object]], delimiter: str = ";") -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[object]], title: str = "Taul1") -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_csv_observations_and_status_in_one_file(programme: Path, tmp_path: Path) -> None:
    before = programme.read_bytes()
    data = write_csv(tmp_path / "d.csv", [
        ["mittari", "tunniste", "kausi", "arvo", "tila", "päivä", "huomio"],
        ["M1", "", "2025", "7", "", "", "hyvä vuosi"],
        ["M2", "", "2024", "13,5 %", "", "", ""],
        ["", "1.2", "", "", "valmis", "31.3.2025", "Valmis"],
    ])
    dry = hankinta("import", str(programme), str(data), "--dry-run")
    assert dry.code == 0, dry.stderr
    assert programme.read_bytes() == before
    run = hankinta("import", str(programme), str(data))
    assert run.code == 0, run.stderr
    removed, added = changed_lines(before, unrecorded(programme.read_bytes()))
    assert [a.strip() for a in added] == [
        b"status: valmis",
        b"- {date: 2025-03-31, status: valmis, note: Valmis}",
        b"- {period: 2025, value: 7, note: hyv\xc3\xa4 vuosi}",
        b"observations: [{period: 2023, value: 12.5}, {period: 2024, value: 13.5}]",
    ]
    assert len(removed) == 2  # the old status line and the one-line flow list
    assert "+                    - {period: 2025, value: 7, note: hyvä vuosi}" in unrecorded(dry.stdout)


def test_every_bad_row_is_reported_and_nothing_written(programme: Path, tmp_path: Path) -> None:
    before = programme.read_bytes()
    data = write_csv(tmp_path / "bad.csv", [
        ["indicator", "period", "value"],
        ["M1", "2025", "5"],        # fine
        ["M2", "2024", "120"],      # percent out of range
        ["M9", "2024", "1"],        # unknown indicator
        ["M1", "2024-H3", "1"],     # malformed period
        ["M1", "2024", "9"],        # 2024 already has 6
        ["M1", "2025", "6"],        # the same period twice in the file, different value
        ["M1", "2023", "99999999999999999999"],  # beyond 10^15: no indicator holds it
    ], delimiter=",")
    run = hankinta("import", str(programme), str(data))
    assert run.code == 1
    for n in (3, 4, 5, 6, 7, 8):
        assert f"rivi {n}" in run.stderr, run.stderr
    assert "rivi 2" not in run.stderr
    assert programme.read_bytes() == before


def test_xlsx_reports_sheet_and_cell(programme: Path, tmp_path: Path) -> None:
    data = write_xlsx(tmp_path / "d.xlsx", [["Mittari", "Kausi", "Arvo"], ["M1", 2025, -2]], title="Arvot")
    run = hankinta("import", "--lang", "en", str(programme), str(data))
    assert run.code == 1
    assert "row 2 (Arvot!C2)" in run.stderr


def test_xlsx_numbers_and_booleans(tmp_path: Path) -> None:
    target = copy_programme("hyvinkaa.yaml", tmp_path)
    data = write_xlsx(tmp_path / "d.xlsx", [["indicator", "period", "value"], ["M3.3", 2024.0, 12.5],
                                            ["M1.1", 2024, "K"], ["M2.1b", "2024", 3]])
    assert hankinta("import", str(target), str(data)).code == 0
    text = unrecorded(target.read_text(encoding="utf-8"))
    assert "{period: 2024, value: 12.5}" in text and "{period: 2024, value: true}" in text
    assert "{period: 2024, value: 3}" in text
    assert hankinta("check", str(target)).code == 0


def test_status_csv_round_trip(programme: Path, tmp_path: Path) -> None:
    exported = tmp_path / "st.csv"
    exported.write_text(hankinta("status", str(programme), "-f", "csv").stdout, encoding="utf-8")
    before = programme.read_bytes()
    unchanged = hankinta("import", str(programme), str(exported))
    assert unchanged.code == 0 and programme.read_bytes() == before
    rows = list(csv.reader(exported.open(encoding="utf-8")))
    for r in rows:
        if r[3] == "1.1":
            r[5], r[10] = "käynnissä", "Aloitettu"
        if r[3] == "1.2":
            r[6], r[7] = "talous", "2025-H2"
    write_csv(exported, rows, delimiter=",")
    run = hankinta("import", str(programme), str(exported), "--date", "2025-01-15")
    assert run.code == 0, run.stderr
    text = programme.read_text(encoding="utf-8-sig")
    assert "status: käynnissä, history: [{date: 2025-01-15, status: käynnissä, note: Aloitettu}]" in text
    assert "responsible: [talous]" in text and "schedule: {year: 2025, half: 2}" in text


def test_template_is_prefilled_and_imports_as_no_op(programme: Path, tmp_path: Path) -> None:
    for name in ("malli.csv", "malli.xlsx"):
        target = tmp_path / name
        assert hankinta("import", str(programme), "--template", str(target)).code == 0
        before = programme.read_bytes()
        assert hankinta("import", str(programme), str(target)).code == 0
        assert programme.read_bytes() == before
    ws = load_workbook(tmp_path / "malli.xlsx").active
    assert ws is not None
    assert [c.value for c in ws[1]][:5] == ["tunniste", "mittari", "nimi", "kausi", "arvo"]
    assert any(row[1] == "M1" for row in ws.iter_rows(values_only=True))


def test_unknown_column_and_missing_file(programme: Path, tmp_path: Path) -> None:
    data = write_csv(tmp_path / "d.csv", [["mittari", "kasui", "arvo"], ["M1", "2025", "1"]])
    run = hankinta("import", str(programme), str(data))
    assert run.code == 2 and "kasui" in run.stderr and "kausi" in run.stderr
    assert hankinta("import", str(programme), str(tmp_path / "nope.csv")).code == 2


def test_cp1252_semicolon_csv_from_finnish_excel(programme: Path, tmp_path: Path) -> None:
    data = tmp_path / "excel.csv"
    data.write_bytes("mittari;kausi;arvo;huomio\r\nM1;2025;8;Ennakkotieto, tarkentuu myöhemmin\r\n".encode("cp1252"))
    assert hankinta("import", str(programme), str(data)).code == 0
    assert "note: \"Ennakkotieto, tarkentuu myöhemmin\"" in programme.read_text(encoding="utf-8-sig")


def test_status_csv_round_trip_changing_only_the_status_copies_no_note(programme: Path, tmp_path: Path) -> None:
    assert hankinta("status", "set", str(programme), "1.1", "käynnissä", "--date", "2025-01-10",
                    "--note", "Aloitettu").code == 0
    exported = tmp_path / "st.csv"
    exported.write_text(hankinta("status", str(programme), "-f", "csv").stdout, encoding="utf-8")
    rows = list(csv.reader(exported.open(encoding="utf-8")))
    for r in rows:
        if r[3] == "1.1":
            assert r[10] == "Aloitettu"  # the latest note is in the export
            r[5] = "valmis"
    write_csv(exported, rows, delimiter=",")
    run = hankinta("import", str(programme), str(exported), "--date", "2025-02-01")
    assert run.code == 0, run.stderr
    text = programme.read_text(encoding="utf-8-sig")
    assert "{date: 2025-02-01, status: valmis}" in text, text[:2000]
    assert text.count("Aloitettu") == 1


def test_rows_dated_in_the_future_are_refused(programme: Path, tmp_path: Path) -> None:
    import datetime as dt

    before = programme.read_bytes()
    today = dt.date.today()
    data = write_csv(tmp_path / "d.csv", [
        ["mittari", "tunniste", "kausi", "arvo", "tila", "päivä"],
        ["M1", "", str(today.year + 1), "7", "", ""],
        ["", "1.2", "", "", "valmis", (today + dt.timedelta(days=3)).isoformat()],
        ["M1", "", str(today.year), "8", "", ""],
    ])
    run = hankinta("import", str(programme), str(data), "--lang", "en")
    assert run.code == 1, run.stderr
    assert f"row 2: period {today.year + 1} has not begun yet" in run.stderr
    assert "row 3: the date" in run.stderr and "is in the future" in run.stderr
    assert "row 4" not in run.stderr  # the current period has begun
    assert programme.read_bytes() == before


def test_a_row_with_a_recorded_value_and_a_note_writes_the_note(programme: Path, tmp_path: Path) -> None:
    """As `record`: a note or source for a value already recorded is written onto it; a different
    note already there is a bad row unless --replace."""
    data = write_csv(tmp_path / "huomiot.csv", [
        ["indicator", "period", "value", "note", "source"],
        ["M1", "2023", "4", "tarkistettu", "HILMA"],
    ])
    before = programme.read_bytes()
    assert hankinta("import", str(programme), str(data)).code == 0
    removed, added = changed_lines(before, programme.read_bytes())
    assert len(removed) == len(added) == 1 and b"note: tarkistettu" in added[0] and b"source: HILMA" in added[0]
    again = write_csv(tmp_path / "toinen.csv", [["indicator", "period", "value", "note"],
                                                ["M1", "2023", "4", "toinen"]])
    middle = programme.read_bytes()
    run = hankinta("import", str(programme), str(again))
    assert run.code == 1 and "rivi 2" in run.stderr and programme.read_bytes() == middle
    assert hankinta("import", str(programme), str(again), "--replace").code == 0
    assert b"note: toinen" in programme.read_bytes()
