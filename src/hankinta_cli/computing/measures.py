"""Measures at `as_of`: status then, freshness of the last update, due date, lateness."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .. import walk
from ..model import Measure, Programme, Schedule, UpdateInterval
from ..vocab import CLOSED, FINISHED, Dimension, Freshness, Status
from .ontrack import IndicatorStatus

#: Used when a programme sets no `update_interval`: a quarter is current, half a year acceptable.
DEFAULT_INTERVAL = UpdateInterval(target_days=92, acceptable_days=183)


#: How far ahead the report's "coming up" looks unless told (`report --horizon`).
HORIZON_DAYS = 60


def due_date(s: Schedule | None) -> dt.date | None:
    """The last day a schedule allows: its due date (also the end of a start–end range), or the end
    of its year, half or quarter. None for a schedule with no end: free text, or a start alone.
    The one place a schedule's end is computed: lateness, `--due-within` and "coming up" use it."""
    if s is None:
        return None
    if s.due:
        return s.due
    if s.year is None:
        return None
    month = s.quarter * 3 if s.quarter else (s.half * 6 if s.half else 12)
    return dt.date(s.year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def due_soon(due: dt.date | None, status: Status | None, as_of: dt.date, days: int) -> bool:
    """Due within `days` days of `as_of` (`as_of` itself included) and still open. One already late
    is not: it is overdue."""
    return due is not None and status not in CLOSED and as_of <= due <= as_of + dt.timedelta(days=days)


def undated(has_schedule: bool, due: dt.date | None, status: Status | None) -> bool:
    """Open, with a schedule that names no end date (free text, a start alone): it can never be
    listed as coming up, and the lists that leave it out say so."""
    return has_schedule and due is None and status not in CLOSED


@dataclass
class MeasureStatus:
    id: str
    title: str
    theme: str
    goal: str | None
    status: Status | None
    last_update: dt.date | None
    freshness: Freshness
    due: dt.date | None
    overdue: bool
    late: bool
    late_reasons: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    has_schedule: bool = False
    indicators: list[str] = field(default_factory=list)
    #: Laurea's dimensions the measure is tagged with (`dimensions`), as written
    dimensions: list[Dimension] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["status"] = self.status.value if self.status else None
        out["dimensions"] = [d.value for d in self.dimensions]
        out["freshness"] = self.freshness.value
        out["last_update"] = self.last_update.isoformat() if self.last_update else None
        out["due"] = self.due.isoformat() if self.due else None
        return out


def status_at(m: Measure, as_of: dt.date) -> tuple[Status | None, dt.date | None]:
    """The status reported on or before `as_of` and its date (the current status if no history)."""
    known = [h for h in m.history if h.date <= as_of]
    if known:
        return known[-1].status, known[-1].date
    if m.history:
        return None, None  # every entry is later than as_of: nothing was reported yet
    return m.status, None


def freshness(last: dt.date | None, as_of: dt.date, interval: UpdateInterval) -> Freshness:
    if last is None:
        return Freshness.NONE
    age = (as_of - last).days
    if age <= interval.target_days:
        return Freshness.CURRENT
    if age <= interval.acceptable_days:
        return Freshness.ACCEPTABLE
    return Freshness.STALE


def evaluate_measure(
    m: Measure,
    theme: str,
    goal: str | None,
    as_of: dt.date,
    interval: UpdateInterval,
    indicators: dict[str, IndicatorStatus],
) -> MeasureStatus:
    status, last = status_at(m, as_of)
    fresh = freshness(last, as_of, interval)
    if status in FINISHED and last is not None:
        fresh = Freshness.CURRENT  # a finished measure needs no further updates to stay current
    due = due_date(m.schedule)
    overdue = bool(due and due < as_of and status not in FINISHED)
    linked = [i.id for i in m.indicators] + list(m.indicator_refs)
    reasons = ["due"] if overdue else []
    reasons += [f"indicator:{i}" for i in linked if i in indicators and indicators[i].missed_target]
    return MeasureStatus(
        m.id,
        m.title,
        theme,
        goal,
        status,
        last,
        fresh,
        due,
        overdue,
        bool(reasons),
        reasons,
        list(m.responsible or []),
        m.schedule is not None,
        linked,
        list(m.dimensions),
    )


def evaluate_measures(p: Programme, as_of: dt.date, indicators: dict[str, IndicatorStatus]) -> list[MeasureStatus]:
    interval = p.update_interval or DEFAULT_INTERVAL
    return [evaluate_measure(at.measure, at.theme.id, at.goal.id if at.goal else None, as_of, interval, indicators)
            for at in walk.measures(p)]


def coming_up(measures: list[MeasureStatus], as_of: dt.date, days: int) -> list[MeasureStatus]:
    """The open measures due within `days` days of `as_of`, soonest first (then in outline order)."""
    soon = [m for m in measures if due_soon(m.due, m.status, as_of, days)]
    return sorted(soon, key=lambda m: m.due or as_of)  # stable: outline order among equal dates
