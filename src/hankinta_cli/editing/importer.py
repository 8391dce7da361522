"""`hankinta import`: bulk observations and status updates from CSV or Excel (.xlsx).

One sheet, one header row, then one row per observation or status update. Headers may be
Finnish or English (see HEADERS). A row with an indicator id records an observation; a row
with a measure id updates the measure's status, latest note, responsible party or schedule
where they differ from the file. Columns that only describe a row (title, theme, due …) are
read and ignored, so the CSV written by `hankinta status --format csv` imports back unchanged.

Every row is checked before anything is written; one bad row means nothing is written, and
each bad row is reported with its row number (and sheet and cell for .xlsx).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..checking.findings import Finding, LoadError
from ..checking.rules.values import period_shape, value_problem
from ..checking.validate import guessed, suggest
from ..computing.periods import span
from ..computing.units import SUMMABLE, breakdown_sum
from ..errors import UserError
from ..escape import spreadsheet_cell, xlsx_text
from ..model_base import MAX_MAGNITUDE
from ..reading.inputs import parse_date, parse_status
from ..reading.sheets import blank, column_letter, read_grid
from ..vocab import Granularity, IndicatorKind, Status
from ..walk import raw_indicators, raw_measures
from .edit import EditError, Imported, Session
from .updates import (
    MEASURE_ORDER,
    add_history,
    add_observations,
    after_day,
    annotate,
    annotation_clash,
    history_entry,
    keys_before,
    observation_entry,
    observation_slot,
    parse_breakdown,
    parse_value,
    replace_observation,
)
from .yamlpatch import render

HEADERS: dict[str, tuple[str, ...]] = {
    "programme": ("programme", "ohjelma"),
    "measure": ("id", "measure", "tunniste", "toimenpiteen tunniste"),
    "indicator": ("indicator", "mittari", "mittarin tunniste"),
    "period": ("period", "kausi"),
    "value": ("value", "arvo"),
    "breakdown": ("breakdown", "erittely"),
    "status": ("status", "tila"),
    "date": ("date", "päivä", "pvm", "päivämäärä"),
    "note": ("note", "huomio", "latest note", "viimeisin huomio"),
    "by": ("by", "kirjaaja"),
    "source": ("source", "lähde"),
    "responsible": ("responsible", "vastuutaho"),
    "schedule": ("schedule", "aikataulu"),
}
#: Read and ignored: they describe the row for the person editing the sheet.
IGNORED = ("title", "toimenpide", "name", "nimi", "theme", "teema", "goal", "tavoite", "due",
           "määräpäivä", "overdue", "myöhässä", "unit", "yksikkö",
           # the other columns of `hankinta indicators --format csv`
           "kind", "previous", "change", "change pct", "baseline", "target", "deadline", "attainment",
           "expected", "on track", "stale")
TEMPLATE = {
    "fi": ("tunniste", "mittari", "nimi", "kausi", "arvo", "tila", "päivä", "huomio", "kirjaaja", "lähde", "erittely"),
    "en": ("measure", "indicator", "name", "period", "value", "status", "date", "note", "by", "source", "breakdown"),
}
_PERIOD = re.compile(r"(19|20|21)\d\d(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?\Z")
_GRANULARITY_SHAPE = {Granularity.YEAR: "", Granularity.HALF: "-H", Granularity.QUARTER: "-Q", Granularity.MONTH: "-"}


def _fold(text: str) -> str:
    return " ".join(str(text).replace("_", " ").split()).casefold()


_LOOKUP = {_fold(alias): name for name, aliases in HEADERS.items() for alias in aliases}


@dataclass
class Row:
    number: int  # 1-based row in the sheet (the header is row 1)
    cells: dict[str, Any]  # field → raw value
    refs: dict[str, str]  # field → "Taul1!C5" (xlsx) or "" (csv)
    stray: list[tuple[str, Any]] = field(default_factory=list)  # (column letter, value) under no header

    def where(self, name: str, lang: str) -> str:
        ref = self.refs.get(name, "")
        row = f"rivi {self.number}" if lang == "fi" else f"row {self.number}"
        return f"{row} ({ref})" if ref else row

    def text(self, name: str) -> str:
        v = self.cells.get(name)
        if v is None:
            return ""
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        if isinstance(v, dt.datetime):
            v = v.date()
        if isinstance(v, dt.date):
            return v.isoformat()
        return str(v).strip()


@dataclass
class RowProblem:
    row: Row
    column: str
    fi: str
    en: str

    def message(self, lang: str) -> str:
        return f"{self.row.where(self.column, lang)}: {self.en if lang == 'en' else self.fi}"


class ImportProblems(EditError):
    def __init__(self, problems: list[RowProblem], source: Path | None) -> None:
        super().__init__("import_bad_rows", code=1, count=len(problems), file=source)
        self.problems = problems

    def details(self, lang: str) -> list[str]:
        return [p.message(lang) for p in self.problems]


# --- reading ---------------------------------------------------------------------------------------------


def read_import(programme: str | None, path: Path | None, sheet: str | None = None) -> list[Row]:
    """`read_table` for the command: a missing argument, a missing or unreadable file is a UserError too."""
    if programme is None or path is None:
        raise UserError("import_usage")
    if not path.is_file():
        raise UserError("import_missing_file", file=path)
    try:
        return read_table(path, sheet)
    except OSError as e:
        raise UserError("io_error", path=e.filename, reason=e.strerror) from None


def read_table(path: Path, sheet: str | None = None) -> list[Row]:
    """The data rows of a CSV or .xlsx file (read safely and within limits by `sheets`)."""
    grid = read_grid(path, sheet)
    if not grid.rows:
        raise EditError("import_empty", file=path)
    header = _header(grid.rows[0][1], path)
    out = []
    for number, values in grid.rows[1:]:
        cells, refs, stray = {}, {}, []
        for col, v in enumerate(values):
            name = header[col] if col < len(header) else None
            if name is None:
                if not blank(v):
                    stray.append((column_letter(col), v))
            elif name:
                cells[name] = v
                refs[name] = grid.ref(col, number)
        row = Row(number, cells, refs, stray)
        if stray or any(row.text(k) for k in cells):
            out.append(row)
    if not out:
        raise EditError("import_no_rows", file=path)
    return out


def _header(names: list[Any], source: Path) -> list[str | None]:
    """Each column's field: a HEADERS name, "" for a column read and ignored, None for no header."""
    out: list[str | None] = []
    known = [a for aliases in HEADERS.values() for a in aliases] + list(IGNORED)
    seen: dict[str, int] = {}
    for col, raw in enumerate(names):
        name = _fold(raw or "")
        if not name:
            out.append(None)
        elif name in IGNORED:
            out.append("")
        elif name in _LOOKUP:
            field_name = _LOOKUP[name]
            if field_name in seen:
                first = seen[field_name]
                raise EditError("import_duplicate_column", file=source,
                                first=str(names[first])[:60], first_col=column_letter(first),
                                second=str(raw)[:60], second_col=column_letter(col))
            seen[field_name] = col
            out.append(field_name)
        else:
            raise EditError("import_bad_header", file=source, header=str(raw)[:60], **guessed(name, known),
                            allowed=", ".join(a for aliases in HEADERS.values() for a in aliases))
    if "indicator" not in out and "measure" not in out:
        raise EditError("import_no_key", file=source)
    return out


# --- checking and applying ---------------------------------------------------------------------------------


@dataclass
class Plan:
    observations: dict[tuple[Any, ...], list[dict[str, Any]]] = field(default_factory=dict)
    replacements: list[tuple[tuple[Any, ...], Any, Any]] = field(default_factory=list)  # path, value, units
    #: an observation's path, its period, and the note and source a row gives it (`updates.annotate`)
    annotations: list[tuple[tuple[Any, ...], Any, str | None, str | None]] = field(default_factory=list)
    measure_sets: list[tuple[tuple[Any, ...], Any, str]] = field(default_factory=list)
    history: dict[tuple[Any, ...], list[dict[str, Any]]] = field(default_factory=dict)


def _period_value(text: str) -> int | str | None:
    t = text.strip().upper()
    if not _PERIOD.match(t):
        return None
    return int(t) if len(t) == 4 else t


def _schedule(text: str) -> dict[str, Any] | None:
    """Read back the schedule text `hankinta status` writes: 2025, 2025-H1, 2025-Q3, dates."""
    t = text.strip()
    m = re.fullmatch(r"(\d{4})(?:-H([12])|-Q([1-4]))?", t)
    if m:
        out: dict[str, Any] = {"year": int(m.group(1))}
        if m.group(2):
            out["half"] = int(m.group(2))
        if m.group(3):
            out["quarter"] = int(m.group(3))
        return out
    m = re.fullmatch(r"(\d{4}-\d\d-\d\d)?\s*(?:[–-]\s*(\d{4}-\d\d-\d\d))?", t)
    if m and (m.group(1) or m.group(2)):
        try:
            out = {}
            if m.group(1):
                out["start" if m.group(2) else "due"] = dt.date.fromisoformat(m.group(1))
            if m.group(2):
                out["due"] = dt.date.fromisoformat(m.group(2))
            return out
        except ValueError:
            return None
    return None


def plan_rows(rows: list[Row], data: dict[str, Any], today: dt.date, replace: bool,
              lang: str, now: dt.date | None = None) -> tuple[Plan, list[RowProblem]]:
    """Check every row against the programme; return what to change and every problem found.
    `today` dates rows without a date; `now`, when given, refuses dates and periods after it."""
    from ..computing.overview import schedule_text
    from ..model import Schedule

    plan, problems = Plan(), []
    indicators = {str(i.get("id")): (p, i) for p, i in raw_indicators(data)}
    measures = {str(m.get("id")): (p, m) for p, m in raw_measures(data)}
    pending: dict[tuple[str, str], tuple[Any, int]] = {}  # (indicator, period) → (value, row)
    programme_id = str(data.get("id", ""))

    def bad(row: Row, column: str, fi: str, en: str) -> None:
        problems.append(RowProblem(row, column, fi, en))

    for row in rows:
        if row.stray:
            col, v = row.stray[0]
            bad(row, "", f"arvo '{_short(v)}' sarakkeessa {col}, jolla ei ole otsikkoa; onko desimaalipilkullinen "
                f"luku ilman lainausmerkkejä? Lainaa arvo (\"1,5\") tai käytä erottimena puolipistettä (;)",
                f"value '{_short(v)}' in column {col}, which has no header; is a number with a decimal comma "
                f"unquoted? Quote the value (\"1,5\") or separate the columns with semicolons (;)")
            continue
        if not any(row.text(k) for k in row.cells):
            continue
        if row.text("programme") and row.text("programme") != programme_id:
            bad(row, "programme", f"rivi kuuluu ohjelmaan '{row.text('programme')}', ei '{programme_id}'",
                f"the row belongs to programme '{row.text('programme')}', not '{programme_id}'")
            continue
        ind_id = row.text("indicator")
        measure_only = [name for name in _MEASURE_ONLY if row.text(name)]
        if ind_id and measure_only:
            fi = ", ".join(HEADERS[n][1] for n in measure_only)
            en = ", ".join(HEADERS[n][0] for n in measure_only)
            bad(row, measure_only[0], f"rivillä on sekä mittari '{ind_id}' että toimenpiteen tietoja ({fi}); "
                "kirjaa mittarin arvo ja toimenpiteen tila eri riveille",
                f"the row has both indicator '{ind_id}' and measure fields ({en}); "
                "put the indicator value and the measure status on separate rows")
            continue
        if ind_id:
            if ind_id not in indicators:
                guess = suggest(ind_id, list(indicators))
                bad(row, "indicator", f"mittaria '{ind_id}' ei ole" + (f" (tarkoititko '{guess}'?)" if guess else ""),
                    f"no indicator '{ind_id}'" + (f" (did you mean '{guess}'?)" if guess else ""))
                continue
            if indicators[ind_id][1].get("derived"):
                continue  # computed from other indicators: an exported value is not data to import
            _observation_row(row, ind_id, *indicators[ind_id], plan, pending, replace, bad, now)
            continue
        m_id = row.text("measure")
        if not m_id:
            bad(row, "measure", "rivillä ei ole mittaria eikä toimenpiteen tunnistetta",
                "the row has neither an indicator nor a measure id")
            continue
        if m_id not in measures:
            guess = suggest(m_id, list(measures))
            bad(row, "measure", f"toimenpidettä '{m_id}' ei ole" + (f" (tarkoititko '{guess}'?)" if guess else ""),
                f"no measure '{m_id}'" + (f" (did you mean '{guess}'?)" if guess else ""))
            continue
        path, measure = measures[m_id]
        _measure_row(row, path, measure, plan, today, bad, schedule_text, Schedule, now)
    return plan, problems


#: Fields that only a measure row uses: on an indicator row they would be dropped without a word.
_MEASURE_ONLY = ("status", "date", "by", "responsible", "schedule")


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:40] + "…"


def _observation_row(row: Row, ind_id: str, path: tuple[Any, ...], ind: dict[str, Any], plan: Plan,
                     pending: dict[tuple[str, str], tuple[Any, int]], replace: bool,
                     bad: Callable[[Row, str, str, str], None], now: dt.date | None = None) -> None:
    period_text, value_text, units_text = row.text("period"), row.text("value"), row.text("breakdown")
    if not period_text and not value_text and not units_text:
        return  # an unfilled template row
    period = _period_value(period_text)
    if period is None:
        bad(row, "period", f"kausi '{period_text}' ei kelpaa (2024, 2024-H1, 2024-Q3 tai 2024-05)",
            f"period '{period_text}' is not valid (2024, 2024-H1, 2024-Q3 or 2024-05)")
        return
    if now is not None and span(period).start > now:
        bad(row, "period", f"kausi {period} ei ole vielä alkanut", f"period {period} has not begun yet")
        return
    kind = IndicatorKind.parse(str(ind.get("kind"))) or IndicatorKind.UNDEFINED
    granularity = Granularity.parse(str(ind.get("granularity") or ""))
    if isinstance(granularity, Granularity) and granularity in _GRANULARITY_SHAPE and \
            period_shape(period) != _GRANULARITY_SHAPE[granularity]:
        bad(row, "period", f"kausi {period} ei sovi seurantajaksoon '{granularity.value}'",
            f"period {period} does not fit the granularity '{granularity.value}'")
        return
    try:
        units = parse_breakdown([units_text]) if units_text else None
    except UserError as e:
        bad(row, "breakdown", e.message("fi"), e.message("en"))
        return
    raw = row.cells.get("value")
    value: Any = None
    if units is not None and not value_text:  # a count or a sum of money given by unit: its sum
        if kind not in SUMMABLE:
            bad(row, "value", f"{kind.value}-mittarin erittelyä ei lasketa yhteen: anna myös arvo",
                f"a {kind.value} indicator's breakdown is not added up: give the value too")
            return
    else:
        try:
            if isinstance(raw, bool) or (isinstance(raw, (int, float)) and kind is not IndicatorKind.YES_NO):
                value = int(raw) if isinstance(raw, float) and raw.is_integer() else raw
            else:
                value = parse_value(kind.value, value_text)
        except UserError as e:
            bad(row, "value", e.message("fi"), e.message("en"))
            return
        if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) > MAX_MAGNITUDE:
            bad(row, "value", "luvun pitää olla itseisarvoltaan enintään 10^15 (1 000 000 000 000 000)",
                "a number must be at most 10^15 (1,000,000,000,000,000) in magnitude")
            return
        problem = value_problem(kind, value)  # type: ignore[arg-type]
        if problem is not None:
            f = Finding(problem[0], 0, 0, "", problem[1])
            bad(row, "value", f.message("fi"), f.message("en"))
            return
        total = breakdown_sum(units) if units is not None and kind in SUMMABLE else None
        if total is not None and total != value:
            bad(row, "breakdown", f"erittelyn summa {render(total)} ei ole arvo {render(value)}",
                f"the breakdown adds up to {render(total)}, not to the value {render(value)}")
            return
    key = (ind_id, str(period))
    if key in pending:
        earlier, first_row = pending[key]
        if earlier != value:
            bad(row, "value", f"kaudelle {period} on jo arvo {render(earlier)} rivillä {first_row}",
                f"period {period} already has the value {render(earlier)} on row {first_row}")
        return
    pending[key] = (value, row.number)
    try:
        slot = observation_slot(ind, period, value, replace, units)
    except UserError as e:  # period_taken, said the way a row says it
        bad(row, "value", f"kaudella {period} on jo arvo {e.params['old']} (korvaa: --replace)",
            f"period {period} already has the value {e.params['old']} (replace: --replace)")
        return
    note, source = row.text("note") or None, row.text("source") or None
    if slot is None or slot.index is not None:  # the period has an observation: its note and source
        index = next(i for i, o in enumerate(ind.get("observations") or []) if str(o.get("period")) == str(period))
        where = (*path, "observations", index)
        if slot is not None:
            plan.replacements.append((where, value, units))
        clash = None if replace or slot is not None else annotation_clash(
            (ind.get("observations") or [])[index], note, source)
        if clash is not None:
            name, old, _ = clash
            bad(row, name, f"kauden {period} arvolla on jo {'huomio' if name == 'note' else 'lähde'} "
                f"{render(old)} (korvaa: --replace)",
                f"the value of period {period} already has the {name} {render(old)} (replace: --replace)")
            return
        if note is not None or source is not None:
            plan.annotations.append((where, period, note, source))
        return
    entry = observation_entry(period, value, units, note=note, source=source, recorded=now)
    plan.observations.setdefault(path, []).append(entry)


def _measure_row(row: Row, path: tuple[Any, ...], m: dict[str, Any], plan: Plan, today: dt.date,
                 bad: Callable[[Row, str, str, str], None], schedule_text: Callable[[Any], str],
                 schedule_model: Any, now: dt.date | None = None) -> None:
    current = m.get("status")
    status_text, note = row.text("status"), row.text("note")
    history = m.get("history") or []
    latest_note = next((h.get("note") for h in reversed(history) if h.get("note")), "") or ""
    try:
        status = parse_status(status_text).value if status_text else None
        day = parse_date(row.text("date")) if row.text("date") else today
    except UserError as e:
        bad(row, "status" if e.key == "bad_status" else "date", e.message("fi"), e.message("en"))
        return
    if now is not None and day > now:
        bad(row, "date", f"päivä {day.isoformat()} on tulevaisuudessa", f"the date {day.isoformat()} is in the future")
        return
    new_status = status is not None and status != current
    new_note = bool(note) and note != latest_note
    if new_note and status is None and current is None:
        bad(row, "note", "huomio vaatii tilan: anna myös tila", "a note needs a status: give the status too")
        return
    if new_status and not after_day(history, day):  # an earlier status goes into the history only
        plan.measure_sets.append((path, status, "status"))
    if new_status or new_note:
        # the note column of an exported status table is the latest note: only a changed one is new
        entry = history_entry(day, status or current, note if new_note else None, row.text("by") or None)
        plan.history.setdefault(path, []).append(entry)
    responsible = row.text("responsible")
    if responsible:
        names = [p.strip() for p in re.split(r"[;,]", responsible) if p.strip()]
        if names != (m.get("responsible") or []):
            plan.measure_sets.append((path, names, "responsible"))
    sched = row.text("schedule")
    if sched:
        try:
            current_text = schedule_text(schedule_model.model_validate(m["schedule"])) if m.get("schedule") else ""
        except Exception:  # an invalid schedule in the file: check reports it; compare as changed
            current_text = ""
        if sched != current_text:
            parsed = _schedule(sched)
            if parsed is None:
                bad(row, "schedule", f"aikataulu '{sched}' ei kelpaa (2025, 2025-H1, 2025-Q3 tai 2025-06-30)",
                    f"schedule '{sched}' is not valid (2025, 2025-H1, 2025-Q3 or 2025-06-30)")
                return
            plan.measure_sets.append((path, parsed, "schedule"))


def import_change(rows: list[Row], source: Path | None, today: dt.date, replace: bool,
                  lang: str, now: dt.date | None = None) -> Callable[[Session], None]:
    def change(s: Session) -> None:
        plan, problems = plan_rows(rows, s.data, today, replace, lang, now)
        if problems:
            raise ImportProblems(problems, source)
        # in the model's key order, so new keys land in the order a person would write them
        for path, value, name in sorted(plan.measure_sets, key=lambda x: MEASURE_ORDER.index(x[2])):
            s.set((*path, name), value, after=keys_before(MEASURE_ORDER, name))
        for path, entries in plan.history.items():
            add_history(s, path, entries)
        for opath, value, units in plan.replacements:
            replace_observation(s, opath, value, units, now or today)
        for opath, period, note, given in plan.annotations:  # conflicts were refused row by row
            annotate(s, opath, period, note, given, True)
        for path, entries in plan.observations.items():
            add_observations(s, path, entries)
        s.changes.append(Imported(sum(len(e) for e in plan.observations.values()), len(plan.replacements),
                                  sum(len(e) for e in plan.history.values())))

    return change


# --- template --------------------------------------------------------------------------------------------


def template_rows(data: dict[str, Any] | None, lang: str, today: dt.date) -> list[list[Any]]:
    header = list(TEMPLATE[lang])
    rows: list[list[Any]] = [header]
    if data is None:
        rows.append(["", "M1", "(esimerkki)" if lang == "fi" else "(example)", 2025, 12, "", "", "", "", "",
                     "Sote=7; Tekninen=5"])
        rows.append(["1.1", "", "(esimerkki)" if lang == "fi" else "(example)", "", "", Status.IN_PROGRESS.value,
                     today.isoformat(), "", "", "", ""])
        return rows
    for _, m in raw_measures(data):
        rows.append([m.get("id"), "", m.get("title"), "", "", "", "", "", "", "", ""])
    for _, ind in raw_indicators(data):
        if ind.get("kind") != IndicatorKind.UNDEFINED.value:
            rows.append(["", ind.get("id"), ind.get("name"), "", "", "", "", "", "", "", ""])
    return rows


def template_file(target: Path, programme: Path | None, lang: str, today: dt.date) -> bytes:
    """`import --template`: the template's bytes for `target` (.xlsx or CSV), with the measures and
    indicators of `programme` when given. Refused before any work when `target` is a programme."""
    from ..reading.load import load_path
    from .atomic import refuse_programme

    refuse_programme(target)
    try:
        data = load_path(programme).data if programme else None
    except LoadError as e:
        raise UserError("read_invalid", code=1, findings=[e.finding], path=programme) from None
    return template_bytes(target.suffix, template_rows(data, lang, today))


def template_bytes(suffix: str, rows: list[list[Any]]) -> bytes:
    """The template file's content (.xlsx for that suffix, else CSV); every text cell is inert:
    an .xlsx cell is stored as a string, never a formula, and a CSV cell goes through
    `escape.spreadsheet_cell` (which the import reverses)."""
    if suffix.lower() == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Font

        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = "tiedot"
        for r in rows:
            ws.append([xlsx_text(v) if isinstance(v, str) else v for v in r])
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # openpyxl makes any text starting with "=" a formula
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()
    text = io.StringIO(newline="")
    csv.writer(text).writerows([[spreadsheet_cell(v) if isinstance(v, str) else v for v in r] for r in rows])
    return text.getvalue().encode("utf-8")
