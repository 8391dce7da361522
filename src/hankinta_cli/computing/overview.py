"""`hankinta status`: one row per measure, filtered (`output/status.py` writes them as a table, JSON or CSV).

The CSV columns are the ones `hankinta import` will read back (issue 4), so an exported file
edited in a spreadsheet can be imported unchanged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..i18n import schedule_label
from ..model import Programme, Schedule
from ..vocab import FINISHED, Status
from ..walk import MeasureAt, measures
from .measures import due_date, due_soon, undated
from .selection import Selection


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
    """Every measure's row, unfiltered."""
    return [_row(p, at, as_of, lang) for at in measures(p)]


@dataclass
class Overview:
    """The rows asked for, from `programmes` programmes; with `--due-within`, the open measures
    among those asked for whose schedule names no end date and so cannot be listed (ids, with
    their programme's id first when there are several programmes)."""

    rows: list[Row]
    programmes: int
    undated: list[str] = field(default_factory=list)


def overview_rows(programme: Programme, as_of: dt.date, selection: Selection, status: Status | None,
                  overdue: bool, lang: str = "fi", due_within: int | None = None) -> tuple[list[Row], list[str]]:
    """One programme's rows that `selection`, `status`, `overdue` and `due_within` ask for, and the
    ids left out of `due_within` because their schedule has no end date."""
    rows, no_end = [], []
    for at in measures(programme):
        m = at.measure
        if not selection.keeps(at.theme.id, m.responsible or [], m.dimensions) or (status and m.status is not status):
            continue
        due = due_date(m.schedule)
        if due_within is not None and not due_soon(due, m.status, as_of, due_within):
            if undated(m.schedule is not None, due, m.status):
                no_end.append(m.id)
            continue
        row = _row(programme, at, as_of, lang)
        if overdue and not row.overdue:
            continue
        rows.append(row)
    return rows, no_end


def overview(programmes: list[Programme], as_of: dt.date, selection: Selection, status: Status | None,
             overdue: bool, lang: str = "fi", due_within: int | None = None) -> Overview:
    """`hankinta status` over `programmes`."""
    several = len(programmes) > 1
    view = Overview([], len(programmes))
    for p in programmes:
        rows, no_end = overview_rows(p, as_of, selection, status, overdue, lang, due_within)
        view.rows += rows
        view.undated += [f"{p.id}:{i}" if several else i for i in no_end]
    return view
