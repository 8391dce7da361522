"""`hankinta status`: one row per measure, filtered, as a table, JSON or CSV.

The CSV columns are the ones `hankinta import` will read back (issue 4), so an exported file
edited in a spreadsheet can be imported unchanged.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TextIO

from .calc.measures import due_date
from .edit import EditError
from .escape import spreadsheet_cell
from .i18n import schedule_label
from .load import load_path
from .model import Programme, Schedule
from .vocab import FINISHED, UNREPORTED, Status
from .walk import MeasureAt, measures

JSON_VERSION = 1


@dataclass
class Row:
    programme: str
    theme: str
    goal: str
    id: str
    title: str
    status: str  # stored value, "" when not reported
    responsible: str
    schedule: str
    due: str
    overdue: bool
    latest_note: str
    schedule_label: str = ""  # the schedule as a reader writes it, in the output language (table only)


def schedule_text(s: Schedule | None) -> str:
    if s is None:
        return ""
    parts = []
    if s.start:
        parts.append(s.start.isoformat())
    if s.due:
        parts.append("– " + s.due.isoformat())
    if s.year:
        parts.append(f"{s.year}" + (f"-H{s.half}" if s.half else "") + (f"-Q{s.quarter}" if s.quarter else ""))
    if s.text:
        parts.append(s.text)
    return " ".join(parts)


def _row(p: Programme, at: MeasureAt, as_of: dt.date, lang: str) -> Row:
    m = at.measure
    due = due_date(m.schedule)
    finished = m.status in FINISHED
    note = next((h.note for h in reversed(m.history) if h.note), "") or ""
    return Row(p.id, at.theme.id, at.goal.id if at.goal else "", m.id, m.title, m.status.value if m.status else "",
               "; ".join(m.responsible or []), schedule_text(m.schedule),
               due.isoformat() if due else "", bool(due and due < as_of and not finished), note,
               schedule_label(m.schedule, lang) or "")


def _rows(p: Programme, as_of: dt.date, lang: str) -> list[Row]:
    return [_row(p, at, as_of, lang) for at in measures(p)]


def load_programme(path: Path) -> Programme:
    """A programme file as a model; EditError (exit 1, with the findings) if it does not validate,
    exit 2 if it cannot be read."""
    from .check import unreadable_reason
    from .findings import LoadError
    from .validate import validate

    try:
        doc = load_path(path)
    except LoadError as e:
        if e.finding.code == "HK001":  # not an invalid file: one that cannot be read (exit 2)
            raise EditError("file_unreadable", path=path, reason=unreadable_reason(e.finding)) from None
        raise EditError("edit_unreadable", code=1, findings=[e.finding], path=path) from None
    programme, findings = validate(doc.data, doc.positions)
    if programme is None:
        raise EditError("edit_unreadable", code=1, findings=findings, path=path)
    return programme


def overview_rows(path: Path, as_of: dt.date, theme: str | None, status: Status | None,
                  responsible: str | None, overdue: bool, lang: str = "fi") -> list[Row]:
    rows = _rows(load_programme(path), as_of, lang)
    if theme:
        rows = [r for r in rows if r.theme == theme]
    if status:
        rows = [r for r in rows if r.status == status.value]
    if responsible:
        rows = [r for r in rows if responsible.casefold() in r.responsible.casefold()]
    if overdue:
        rows = [r for r in rows if r.overdue]
    return rows


def write_rows(rows: list[Row], fmt: str, lang: str, out: TextIO) -> None:
    if fmt == "json":
        json.dump({"version": JSON_VERSION, "measures": [asdict(r) for r in rows]}, out,
                  ensure_ascii=False, indent=2)
        out.write("\n")
        return
    if fmt == "csv":
        w = csv.writer(out)
        w.writerow(["programme", "theme", "goal", "id", "title", "status", "responsible", "schedule",
                    "due", "overdue", "latest_note"])
        for r in rows:
            # every cell is text from the programme: inert in a spreadsheet, read back by `import`
            w.writerow([spreadsheet_cell(c) for c in (
                r.programme, r.theme, r.goal, r.id, r.title, r.status, r.responsible, r.schedule,
                r.due, "1" if r.overdue else "", r.latest_note)])
        return
    from .output.table import add_row, new_table, print_tables

    fi = lang != "en"
    heads = (("Tunniste", "Id"), ("Toimenpide", "Measure"), ("Tila", "Status"),
             ("Vastuutaho", "Responsible"), ("Aikataulu", "Schedule"), ("Viimeisin huomio", "Latest note"))
    table = new_table(None, [h[0] if fi else h[1] for h in heads])
    gap = UNREPORTED.fi if fi else UNREPORTED.en
    missing = "puuttuu" if fi else "missing"
    for r in rows:
        status = Status(r.status).text(lang) if r.status else f"({gap})"
        if r.overdue:
            status += " – myöhässä" if fi else " – overdue"
        add_row(table, r.id, r.title, status, r.responsible or f"({missing})", r.schedule_label or f"({missing})",
                r.latest_note)
    print_tables(out, table)
