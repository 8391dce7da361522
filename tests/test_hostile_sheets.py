"""Spreadsheets from other people (issue 10, items 2-6): no live formulas out, no wrong values in,
no bombs, no tracebacks. Bombs are generated here into tmp_path; their timing is measured by
benchmarks, the tests assert the refusal and that nothing was written."""

from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from conftest import hankinta, unrecorded
from hankinta_cli.editing.updates import parse_value
from hankinta_cli.errors import UserError
from hankinta_cli.reading import sheets

FORMULAS = Path(__file__).parent / "hostile" / "sheets_formulas.yaml"
_PLAIN_NUMBER = re.compile(r"[-+]?\d+([.,]\d+)?")


@pytest.fixture
def programme(tmp_path: Path) -> Path:
    return Path(shutil.copy(FORMULAS, tmp_path / "kaava.yaml"))


def live_formulas(text: str) -> list[str]:
    """Cells a spreadsheet would evaluate: starting with = + - @ (or tab/CR) and not a plain number."""
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    return [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r") and not _PLAIN_NUMBER.fullmatch(c)]


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def rewrite_zip(path: Path, members: dict[str, bytes | Iterable[bytes]], target: Path | None = None,
                extra: int = 0) -> Path:
    """A copy of the .xlsx at `path` with some members replaced (bytes, or chunks streamed so a bomb
    never sits in memory) and `extra` tiny members added."""
    target = target or path
    with zipfile.ZipFile(path) as src:
        old = {i.filename: src.read(i) for i in src.infolist()}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for name, data in old.items():
            if name not in members:
                out.writestr(name, data)
        for name, new in members.items():
            if isinstance(new, bytes):
                out.writestr(name, new)
            else:
                with out.open(name, "w", force_zip64=True) as fh:
                    for chunk in new:
                        fh.write(chunk)
        for i in range(extra):
            out.writestr(f"customXml/item{i}.xml", b"<a/>")
    return target


# --- item 2: formula injection ----------------------------------------------------------------------------


def test_csv_exports_have_no_live_formula(programme: Path) -> None:
    out = {}
    for command in ("status", "indicators", "summary"):
        run = hankinta(command, str(programme), "--format", "csv")
        assert run.code in (0, 1), run.stderr
        assert live_formulas(run.stdout) == [], (command, run.stdout)
        out[command] = run.stdout
    assert "'=HYPERLINK(" in out["status"] and "''=jo valmiiksi lainattu" in out["status"]
    assert ",'=2+3," in out["indicators"] and ",'@kaava," in out["indicators"] and ",5," in out["indicators"]
    assert ",'@SUM(" in out["summary"]


def test_exported_csv_imports_back_unchanged(programme: Path, tmp_path: Path) -> None:
    before = programme.read_bytes()
    for command in ("status", "indicators"):
        exported = tmp_path / f"{command}.csv"
        exported.write_text(hankinta(command, str(programme), "--format", "csv").stdout, encoding="utf-8")
        run = hankinta("import", str(programme), str(exported))
        assert run.code == 0, (command, run.stderr)
        assert programme.read_bytes() == before, command


def test_xlsx_template_writes_text_never_formulas(programme: Path, tmp_path: Path) -> None:
    target = tmp_path / "malli.xlsx"
    assert hankinta("import", str(programme), "--template", str(target)).code == 0
    with zipfile.ZipFile(target) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet and b"<f " not in sheet
    ws = load_workbook(target).active
    assert ws is not None
    titles = [c.value for c in ws["C"]]
    assert '=HYPERLINK("http://evil.example","klikkaa")' in titles
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    before = programme.read_bytes()
    assert hankinta("import", str(programme), str(target)).code == 0
    assert programme.read_bytes() == before
    csv_template = tmp_path / "malli.csv"
    assert hankinta("import", str(programme), "--template", str(csv_template)).code == 0
    assert live_formulas(csv_template.read_text(encoding="utf-8")) == []


# --- item 3: wrong values written with exit 0 -------------------------------------------------------------


def test_unquoted_decimal_comma_is_refused(programme: Path, tmp_path: Path) -> None:
    before = programme.read_bytes()
    data = write_csv(tmp_path / "d.csv", "mittari,kausi,arvo\nN1,2025,1,5\n")
    run = hankinta("import", str(programme), str(data))
    assert run.code == 1 and "rivi 2" in run.stderr and ";" in run.stderr, run.stderr
    assert programme.read_bytes() == before


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
def test_thousands_separators_and_decimal_comma(programme: Path, tmp_path: Path, space: str) -> None:
    assert parse_value("raha", f"1{space}234,50") == 1234.5
    data = write_csv(tmp_path / "d.csv", f"mittari;kausi;arvo\nR1;2025;1{space}234,50 €\n")
    run = hankinta("import", str(programme), str(data))
    assert run.code == 0, run.stderr
    assert "{period: 2025, value: 1234.5}" in unrecorded(programme.read_text(encoding="utf-8"))


@pytest.mark.parametrize("value", ["nan", "inf", "-Infinity", "1e400", "1" + "0" * 400])
def test_values_that_are_not_numbers_are_a_clear_error(programme: Path, value: str) -> None:
    before = programme.read_bytes()
    run = hankinta("record", str(programme), "R1", "--period", "2025", "--value", value, "--lang", "en")
    assert run.code == 2, run.stderr
    assert "report" not in run.stderr and "finite" in run.stderr, run.stderr
    assert programme.read_bytes() == before


@pytest.mark.parametrize("header", ["mittari;kausi;arvo;arvo", "mittari;kausi;value;arvo"])
def test_duplicate_column_is_refused_naming_both(programme: Path, tmp_path: Path, header: str) -> None:
    before = programme.read_bytes()
    data = write_csv(tmp_path / "d.csv", f"{header}\nN1;2025;3;4\n")
    run = hankinta("import", str(programme), str(data))
    first, second = header.split(";")[2:]
    assert run.code == 2 and f"'{first}'" in run.stderr and f"'{second}'" in run.stderr, run.stderr
    assert programme.read_bytes() == before


def test_row_with_indicator_and_status_is_ambiguous(programme: Path, tmp_path: Path) -> None:
    before = programme.read_bytes()
    data = write_csv(tmp_path / "d.csv", "mittari;tunniste;kausi;arvo;tila\nN1;1.1;2025;3;valmis\n")
    run = hankinta("import", str(programme), str(data))
    assert run.code == 1 and "rivi 2" in run.stderr and "tila" in run.stderr, run.stderr
    assert programme.read_bytes() == before


@pytest.mark.parametrize("dimension", ["A1:C2", "A1"])
def test_xlsx_stale_dimension_is_not_trusted(programme: Path, tmp_path: Path, dimension: str) -> None:
    data = write_xlsx(tmp_path / "d.xlsx", [["mittari", "kausi", "arvo"], ["N1", 2025, 6], ["N1", 2026, 7],
                                            ["R1", 2025, 100]])
    with zipfile.ZipFile(data) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    assert b'ref="A1:C4"' in sheet
    rewrite_zip(data, {"xl/worksheets/sheet1.xml": sheet.replace(b'ref="A1:C4"', b'ref="%s"' % dimension.encode())})
    run = hankinta("import", str(programme), str(data))
    assert run.code == 0 and "tuotu 3 uutta arvoa" in run.stderr, run.stderr
    text = unrecorded(programme.read_text(encoding="utf-8"))
    assert "{period: 2026, value: 7}" in text and "{period: 2025, value: 100}" in text


def test_xlsx_percent_cell_reads_what_excel_shows(programme: Path, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["mittari", "kausi", "arvo"])
    ws.append(["P1", 2025, 0.125])
    ws.append(["P1", 2026, 0.07])
    ws["C2"].number_format = "0.0%"
    ws["C3"].number_format = "0%"
    wb.save(tmp_path / "p.xlsx")
    run = hankinta("import", str(programme), str(tmp_path / "p.xlsx"))
    assert run.code == 0, run.stderr
    text = unrecorded(programme.read_text(encoding="utf-8"))
    assert "{period: 2025, value: 12.5}" in text and "{period: 2026, value: 7}" in text


def test_xlsx_infinite_percent_is_a_bad_row(programme: Path, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["mittari", "kausi", "arvo"])
    ws.append(["P1", 2025, 123456])
    ws["C2"].number_format = "0%"  # a percent cell: its value is multiplied by 100 on reading
    data = tmp_path / "d.xlsx"
    wb.save(data)
    with zipfile.ZipFile(data) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    rewrite_zip(data, {"xl/worksheets/sheet1.xml": sheet.replace(b"<v>123456</v>", b"<v>1e400</v>")})
    before = programme.read_bytes()
    run = hankinta("import", str(programme), str(data))
    assert run.code == 1 and "rivi 2" in run.stderr and "äärellinen" in run.stderr, run.stderr
    assert programme.read_bytes() == before


def test_header_only_file_is_not_a_success(programme: Path, tmp_path: Path) -> None:
    data = write_csv(tmp_path / "d.csv", "mittari;kausi;arvo\n")
    run = hankinta("import", str(programme), str(data))
    assert run.code == 2 and "tuotu" not in run.stderr, run.stderr


# --- item 4: spreadsheet bombs ------------------------------------------------------------------------------


def _refused(programme: Path, data: Path, *words: str) -> None:
    before = programme.read_bytes()
    run = hankinta("import", str(programme), str(data), "--lang", "en")
    assert run.code == 2, run.stderr
    assert data.name in run.stderr, run.stderr
    for w in words:
        assert w in run.stderr, run.stderr
    assert programme.read_bytes() == before


def _small_xlsx(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "base.xlsx", [["mittari", "kausi", "arvo"], ["N1", 2025, 6]])


def test_xlsx_declaring_the_whole_grid_is_read_by_its_cells(programme: Path, tmp_path: Path) -> None:
    data = _small_xlsx(tmp_path)
    with zipfile.ZipFile(data) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    rewrite_zip(data, {"xl/worksheets/sheet1.xml": sheet.replace(b'ref="A1:C2"', b'ref="A1:XFD1048576"')})
    run = hankinta("import", str(programme), str(data))
    assert run.code == 0 and "tuotu 1 uusi arvo" in run.stderr, run.stderr


def test_xlsx_cell_far_to_the_right_or_down_is_refused(programme: Path, tmp_path: Path) -> None:
    data = _small_xlsx(tmp_path)
    with zipfile.ZipFile(data) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    far_right = sheet.replace(b"</row></sheetData>", b'<c r="XFD2" t="n"><v>1</v></c></row></sheetData>')
    rewrite_zip(data, {"xl/worksheets/sheet1.xml": far_right}, tmp_path / "right.xlsx")
    _refused(programme, tmp_path / "right.xlsx", "column")
    far_down = sheet.replace(b"</sheetData>", b'<row r="1048576"><c r="A1048576" t="n"><v>1</v></c></row></sheetData>')
    rewrite_zip(data, {"xl/worksheets/sheet1.xml": far_down}, tmp_path / "down.xlsx")
    _refused(programme, tmp_path / "down.xlsx", "rows")


def test_xlsx_compressed_whitespace_bomb_is_refused(programme: Path, tmp_path: Path) -> None:
    data = _small_xlsx(tmp_path)
    with zipfile.ZipFile(data) as z:
        head, tail = z.read("xl/worksheets/sheet1.xml").split(b"<sheetData>")
    mb = b" " * 2**20
    big = [head, b"<sheetData>", *([mb] * 12), tail]  # 12 MB of spaces, a few kB compressed
    rewrite_zip(data, {"xl/worksheets/sheet1.xml": big}, tmp_path / "big.xlsx")
    _refused(programme, tmp_path / "big.xlsx", "xl/worksheets/sheet1.xml")
    small = [head, b"<sheetData>", *([mb] * 4), tail]  # under the size limit, but 1000:1
    rewrite_zip(data, {"xl/worksheets/sheet1.xml": small}, tmp_path / "ratio.xlsx")
    _refused(programme, tmp_path / "ratio.xlsx", "compress")


def test_xlsx_shared_strings_bomb_is_refused(programme: Path, tmp_path: Path) -> None:
    data = _small_xlsx(tmp_path)
    strings = [b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
               *(b"<si><t>%d</t></si>" % i for i in range(101_000)), b"</sst>"]  # 202 000 elements
    rewrite_zip(data, {"xl/sharedStrings.xml": b"".join(strings)}, tmp_path / "sst.xlsx")
    _refused(programme, tmp_path / "sst.xlsx", "xl/sharedStrings.xml")


def test_xlsx_listing_one_sheet_many_times_is_refused(programme: Path, tmp_path: Path) -> None:
    data = _small_xlsx(tmp_path)
    with zipfile.ZipFile(data) as z:
        sheet, workbook = z.read("xl/worksheets/sheet1.xml"), z.read("xl/workbook.xml")
    rows = b"".join(b'<row r="%d"><c r="A%d" t="n"><v>%d</v></c></row>' % (i, i, i) for i in range(3, 5000))
    entries = b"".join(b'<sheet name="S%d" sheetId="%d" r:id="rId1"/>' % (i, i + 2) for i in range(90))
    rewrite_zip(data, {"xl/worksheets/sheet1.xml": sheet.replace(b"</sheetData>", rows + b"</sheetData>"),
                       "xl/workbook.xml": workbook.replace(b"</sheets>", entries + b"</sheets>")})
    _refused(programme, data, "sheets")


def test_xlsx_with_a_dtd_is_refused(programme: Path, tmp_path: Path) -> None:
    data = _small_xlsx(tmp_path)
    laughs = (b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">'
              + b"".join(b'<!ENTITY %c "%s">' % (98 + i, b"&%c;" % (97 + i) * 10) for i in range(8))
              + b']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&i;</t></si></sst>')
    rewrite_zip(data, {"xl/sharedStrings.xml": laughs})
    _refused(programme, data, "DTD")


def test_xlsx_with_thousands_of_members_is_refused(programme: Path, tmp_path: Path) -> None:
    rewrite_zip(_small_xlsx(tmp_path), {}, tmp_path / "many.xlsx", extra=1001)
    _refused(programme, tmp_path / "many.xlsx", "parts")


def test_xlsx_whose_zip_header_lies_about_size_is_refused(programme: Path, tmp_path: Path) -> None:
    data = _small_xlsx(tmp_path)
    raw = bytearray(data.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(data) as z:
        info = z.getinfo(name.decode())
    local = raw.index(b"PK\x03\x04" + raw[info.header_offset + 4: info.header_offset + 8], info.header_offset)
    raw[local + 22: local + 26] = (10).to_bytes(4, "little")  # the local header says 10 bytes
    central = raw.index(b"PK\x01\x02", raw.index(name, local + 30 + len(name)) - 46)
    raw[central + 24: central + 28] = (10).to_bytes(4, "little")  # and so does the central directory
    data.write_bytes(bytes(raw))
    _refused(programme, data, "damaged")


def test_csv_limits(programme: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheets, "MAX_ROWS", 1000)  # the real limit's file is in the benchmark
    rows = "".join(f"N1;{2000 + i % 100};{i}\n" for i in range(1001))
    _refused(programme, write_csv(tmp_path / "rows.csv", "mittari;kausi;arvo\n" + rows), "rows")
    _refused(programme, write_csv(tmp_path / "field.csv", "mittari;kausi;arvo;huomio\nN1;2025;1;\"" +
                                  "x" * 200_000 + "\"\n"), "cell")
    big = tmp_path / "big.csv"
    with big.open("wb") as fh:
        fh.write(b"mittari;kausi;arvo;huomio\n")
        fh.write(b"N1;2025;1;" + b"y" * 100 + b"\n")
        fh.truncate(60 * 2**20)  # a sparse 60 MB file
    _refused(programme, big, "MB")


# --- items 5/6: encodings and disguised files --------------------------------------------------------------


def test_csv_in_no_known_encoding_is_a_clear_error(programme: Path, tmp_path: Path) -> None:
    data = tmp_path / "d.csv"
    data.write_bytes(b"mittari;kausi;arvo;huomio\nN1;2025;3;\x81\x8d\n")
    _refused(programme, data, "UTF-8")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_csv_from_excel_unicode_text(programme: Path, tmp_path: Path, encoding: str) -> None:
    data = tmp_path / "d.txt"
    text = "mittari\tkausi\tarvo\thuomio\r\nN1\t2025\t8\tvähän\r\n"
    data.write_bytes(("\ufeff" + text).encode(encoding) if encoding == "utf-16-be" else text.encode(encoding))
    run = hankinta("import", str(programme), str(data))
    assert run.code == 0, run.stderr
    assert "{period: 2025, value: 8, note: vähän}" in unrecorded(programme.read_text(encoding="utf-8"))


def test_xlsx_renamed_csv_is_read_as_excel(programme: Path, tmp_path: Path) -> None:
    data = _small_xlsx(tmp_path).rename(tmp_path / "arvot.csv")
    run = hankinta("import", str(programme), str(data))
    assert run.code == 0 and "tuotu 1 uusi arvo" in run.stderr, run.stderr


def test_old_xls_and_binary_files_are_a_clear_error(programme: Path, tmp_path: Path) -> None:
    xls = tmp_path / "vanha.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    _refused(programme, xls, ".xlsx")
    fake = write_csv(tmp_path / "fake.xlsx", "mittari;kausi;arvo\nN1;2025;3\n")
    _refused(programme, fake, "Excel")


def test_parse_value_errors_are_value_errors() -> None:
    for text in ("nan", "inf", "1e400"):
        with pytest.raises(UserError) as e:
            parse_value("raha", text)
        assert e.value.key == "bad_number" and e.value.code == 2
