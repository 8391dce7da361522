"""`hankinta status`: one row per measure, filtered (`output/status.py` writes them as a table, JSON or CSV).

The CSV columns are the ones `hankinta import` will read back (issue 4), so an exported file
edited in a spreadsheet can be imported unchanged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..i18n import schedule_label
from ..model import Programme, Schedule
from ..vocab import FINISHED, Status
from ..walk import MeasureAt, measures
from .measures import due_date


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


def overview_rows(programme: Programme, as_of: dt.date, theme: str | None, status: Status | None,
                  responsible: str | None, overdue: bool, lang: str = "fi") -> list[Row]:
    rows = _rows(programme, as_of, lang)
    if theme:
        rows = [r for r in rows if r.theme == theme]
    if status:
        rows = [r for r in rows if r.status == status.value]
    if responsible:
        rows = [r for r in rows if responsible.casefold() in r.responsible.casefold()]
    if overdue:
        rows = [r for r in rows if r.overdue]
    return rows
