"""Other people's spreadsheets, read safely: a CSV or .xlsx file → a grid of cell values.

Files for `hankinta import` come from other units by e-mail; they may be careless or hostile.
Everything here answers in seconds with a clear `UserError` (exit 2), whatever the file:

- CSV: at most `MAX_CSV_BYTES`; a cell at most `MAX_CELL_CHARS` characters (Excel's own limit).
- .xlsx: at most `MAX_XLSX_BYTES` on disk and `MAX_PARTS` zip parts; each part at most
  `MAX_PART_BYTES` and all together `MAX_TOTAL_BYTES` uncompressed, counting the bytes really
  inflated (a zip header can lie); parts over 1 MB compressed at most `MAX_RATIO`:1; at most
  `MAX_ELEMENTS` XML elements in a worksheet or the string table (`MAX_OTHER_ELEMENTS` in
  styles and the rest); at most `MAX_SHEETS` sheets, and sheets × the biggest sheet's elements
  at most 2 × `MAX_ELEMENTS` (openpyxl reads every sheet on opening); no DTD.
- Both: at most `MAX_ROWS` data rows and `MAX_COLUMNS` columns; empty rows and empty trailing
  cells do not count.

The zip is checked before openpyxl parses anything, from one in-memory copy of the file (so
the file cannot change between the check and the parse). openpyxl's cost is per XML element
(~5 µs, twice for a sheet without a `<dimension>`), which is why elements are capped, not rows.
The sheet's declared `<dimension>` is never trusted: cells are read as they are in the file.

What a cell holds is what the spreadsheet shows: a percent-formatted 0.125 is 12.5, and a text
cell written by `escape.spreadsheet_cell` (a leading `'` before `=`, `+`, `-`, `@`) reads back as
it was, so an exported CSV imports unchanged.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import math
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import UserError
from ..escape import unspreadsheet_cell
from .load import read_bounded

MB = 2**20
MAX_CSV_BYTES = 10 * MB  # the same as a programme file
MAX_CELL_CHARS = 32_767  # the most Excel holds in a cell
MAX_XLSX_BYTES = 20 * MB
MAX_PARTS = 1000
MAX_PART_BYTES = 10 * MB
MAX_TOTAL_BYTES = 50 * MB
MAX_RATIO = 100
MAX_ELEMENTS = 200_000
MAX_OTHER_ELEMENTS = 20_000
MAX_SHEETS = 100
MAX_ROWS = 50_000
MAX_COLUMNS = 200

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 .xls (and other old Office files)
_CHUNK = MB
_BIG_PARTS = re.compile(r"xl/(worksheets/[^/]+|sharedStrings)\.xml\Z")
#: Parts that are never a worksheet (any other XML part might be one, whatever its name).
_NOT_SHEETS = re.compile(r"(xl/(sharedStrings|styles|workbook)\.xml|xl/theme/.*|docProps/.*|.*\.rels"
                         r"|\[Content_Types\]\.xml)\Z")
_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet[\s/>]")


@dataclass
class Grid:
    """Rows of cell values as (row number, values) with the header first; values[0] is column A.

    `sheet` is the worksheet's title for cell references (None for CSV)."""

    rows: list[tuple[int, list[Any]]]
    sheet: str | None = None

    def ref(self, column: int, row: int) -> str:
        """"Taul1!C5" for .xlsx, "" for CSV (a CSV has rows, but nobody sees its columns' letters)."""
        return f"{self.sheet}!{column_letter(column)}{row}" if self.sheet is not None else ""


def column_letter(column: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_grid(path: Path, sheet: str | None = None) -> Grid:
    """The cells of a CSV or .xlsx file, chosen by content (an .xlsx renamed .csv is read as Excel)."""
    limit = MAX_XLSX_BYTES if path.suffix.lower() in (".xlsx", ".xlsm") else MAX_CSV_BYTES
    raw = read_bounded(path, max(limit, MAX_XLSX_BYTES))
    if raw.startswith(_ZIP_MAGIC):
        if len(raw) > MAX_XLSX_BYTES:
            raise _too_big(path, len(raw), MAX_XLSX_BYTES)
        return _read_xlsx(path, raw, sheet)
    if raw.startswith(_OLE_MAGIC):
        raise UserError("import_xls", file=path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise UserError("import_not_xlsx", file=path)
    if len(raw) > MAX_CSV_BYTES:
        raise _too_big(path, len(raw), MAX_CSV_BYTES)
    return _read_csv(path, raw)


def _too_big(path: Path, size: int, limit: int) -> UserError:
    with contextlib.suppress(OSError):
        size = max(size, path.stat().st_size)  # only the start of a big file was read
    return UserError("import_too_big", file=path, size=f"{size / MB:.1f}", limit=limit // MB)


# --- CSV ----------------------------------------------------------------------------------------------------


def _decode(path: Path, raw: bytes) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode text" (UTF-16 with a BOM, tab-separated)
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as e:
            raise _bad_encoding(path, raw, e.start) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        try:
            # what Excel writes for "CSV (semicolon delimited)" on Finnish Windows
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise _bad_encoding(path, raw, utf8_error.start) from None
    nul = text.find("\x00")
    if nul >= 0:  # UTF-16 without a BOM, or not text at all
        raise UserError("import_binary", file=path, offset=nul)
    return text


def _bad_encoding(path: Path, raw: bytes, at: int) -> UserError:
    return UserError("import_bad_encoding", file=path, byte=f"{raw[at]:02X}", line=raw.count(b"\n", 0, at) + 1)


def _read_csv(path: Path, raw: bytes) -> Grid:
    text = _decode(path, raw)
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows: list[tuple[int, list[Any]]] = []
    old_limit = csv.field_size_limit(MAX_CELL_CHARS)
    try:
        for values in reader:
            number = len(rows) + 1
            if number > MAX_ROWS + 1:
                raise UserError("import_too_many_rows", file=path, limit=MAX_ROWS, row=reader.line_num)
            rows.append((number, _trimmed(path, [unspreadsheet_cell(v) for v in values], number)))
    except csv.Error as e:
        number = len(rows) + 1
        if "field larger than field limit" in str(e):
            raise UserError("import_cell_too_long", file=path, row=number, limit=MAX_CELL_CHARS) from None
        raise UserError("import_csv_broken", file=path, row=number, reason=str(e)) from None
    finally:
        csv.field_size_limit(old_limit)
    return Grid(rows)


def _trimmed(path: Path, values: list[Any], row: int) -> list[Any]:
    """Values without empty trailing cells; a value beyond MAX_COLUMNS is an error."""
    end = len(values)
    while end and blank(values[end - 1]):
        end -= 1
    if end > MAX_COLUMNS:
        raise UserError("import_too_many_columns", file=path, row=row, column=column_letter(end - 1),
                        limit=MAX_COLUMNS)
    return values[:end]


# --- XLSX ---------------------------------------------------------------------------------------------------


def _check_zip(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a zip bomb before any XML parser sees it: inflate every part once, counting."""
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise UserError("import_xlsx_parts", file=path, count=len(infos), limit=MAX_PARTS)
    total = sheets = biggest = 0
    for info in infos:
        part = info.filename
        if info.file_size > MAX_PART_BYTES:
            raise UserError("import_xlsx_part_size", file=path, part=part, limit=MAX_PART_BYTES // MB)
        if info.file_size > MB and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise UserError("import_xlsx_ratio", file=path, part=part, limit=MAX_RATIO,
                            ratio=info.file_size // max(info.compress_size, 1))
        size, elements, sheet_tags = _check_part(path, archive, info)
        total += size
        if total > MAX_TOTAL_BYTES:
            raise UserError("import_xlsx_total_size", file=path, limit=MAX_TOTAL_BYTES // MB)
        sheets += sheet_tags
        if not _NOT_SHEETS.match(part):
            biggest = max(biggest, elements)
    # openpyxl parses every listed sheet when it opens the workbook (all of it when the sheet
    # declares no <dimension>), and a workbook may list one big sheet part many times.
    if sheets > MAX_SHEETS or sheets * biggest > 2 * MAX_ELEMENTS:
        raise UserError("import_xlsx_sheets", file=path, sheets=sheets, elements=biggest)


def _check_part(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[int, int, int]:
    """The bytes a part really inflates to (read with a cap: a zip header can lie), its XML
    elements and its <sheet> tags; a DTD is refused."""
    part = info.filename
    is_xml = part.endswith((".xml", ".rels", ".vml"))
    max_elements = MAX_ELEMENTS if _BIG_PARTS.match(part) else MAX_OTHER_ELEMENTS
    size = elements = sheet_tags = 0
    tail = b""
    try:
        with archive.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                size += len(chunk)
                if size > min(info.file_size, MAX_PART_BYTES):
                    raise UserError("import_xlsx_damaged", file=path, reason=f"{part}: size")
                if not is_xml:
                    continue
                # an element is an opening tag: every "<" that does not start a closing tag
                elements += chunk.count(b"<") - chunk.count(b"</")
                if elements > max_elements:
                    raise UserError("import_xlsx_elements", file=path, part=part, limit=max_elements)
                window = (tail + chunk).upper()
                if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                    raise UserError("import_xlsx_dtd", file=path, part=part)
                sheet_tags += len(_SHEET_TAG.findall(chunk))
                tail = chunk[-16:]
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as e:
        raise UserError("import_xlsx_damaged", file=path, reason=f"{part}: {e}") from None
    except (NotImplementedError, RuntimeError) as e:  # an unsupported compression method, encryption
        raise UserError("import_xlsx_damaged", file=path, reason=f"{part}: {e}") from None
    return size, elements, sheet_tags


def _read_xlsx(path: Path, raw: bytes, sheet: str | None) -> Grid:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, EOFError) as e:
        raise UserError("import_xlsx_damaged", file=path, reason=str(e)) from None
    with archive:
        _check_zip(path, archive)
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many types for a damaged or non-xlsx file
        raise UserError("import_unreadable", file=path, reason=type(e).__name__) from None
    try:
        if sheet is not None and sheet not in wb.sheetnames:
            raise UserError("import_no_sheet", file=path, sheet=sheet, sheets=", ".join(wb.sheetnames))
        if not wb.worksheets:
            raise UserError("import_empty", file=path)
        ws = wb[sheet] if sheet else wb.worksheets[0]
        try:
            rows = list(_xlsx_rows(path, wb, ws))
        except UserError:
            raise
        except Exception as e:  # a damaged sheet: openpyxl raises what its XML layer raises
            raise UserError("import_unreadable", file=path, reason=type(e).__name__) from None
        return Grid(rows, ws.title)
    finally:
        wb.close()


def _xlsx_rows(path: Path, wb: Any, ws: Any) -> Iterator[tuple[int, list[Any]]]:
    """The non-empty rows of a read-only worksheet, cells as they are in the file.

    openpyxl's own `iter_rows` pads every row to its last cell (a styled empty cell in column
    XFD makes a 16 384-cell row) and fills every missing row; its sheet parser, which
    `iter_rows` is built on, yields only the cells that exist."""
    from openpyxl.cell.read_only import ReadOnlyCell
    from openpyxl.worksheet._reader import WorkSheetParser

    with ws._get_source() as src:
        parser = WorkSheetParser(src, ws._shared_strings, data_only=True, epoch=wb.epoch,
                                 date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
        for number, cells in parser.parse():
            values: dict[int, Any] = {}
            for cell in cells:
                value = cell["value"]
                if blank(value):
                    continue
                column = cell["column"] - 1
                if column >= MAX_COLUMNS:
                    raise UserError("import_too_many_columns", file=path, row=number,
                                    column=column_letter(column), limit=MAX_COLUMNS)
                values[column] = _shown(ReadOnlyCell(ws, **cell), value)
            if not values:
                continue
            if number > MAX_ROWS + 1:
                raise UserError("import_too_many_rows", file=path, limit=MAX_ROWS, row=number)
            row: list[Any] = [None] * (max(values) + 1)
            for column, value in values.items():
                row[column] = value
            yield number, row


_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def _shown(cell: Any, value: Any) -> Any:
    """The value as the spreadsheet shows it: 12.5 for 0.125 formatted as a percentage."""
    if isinstance(value, str):
        return unspreadsheet_cell(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)  # <v>1e400</v>: as text, so the value check refuses it like a typed "inf"
    try:
        number_format = str(cell.number_format or "")
    except (IndexError, KeyError, AttributeError):  # a style id the file does not define
        return value
    if "%" not in _QUOTED.sub("", number_format):
        return value
    shown = Decimal(repr(value)) * 100  # decimal: 0.07 × 100 is 7, not 7.000000000000001
    return int(shown) if shown == shown.to_integral_value() else float(shown)
