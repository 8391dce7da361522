"""Dates in a programme fall inside its period.

PASS: period 2024-01-01..2026-12-31 and `schedule: {due: 2025-06-30}`.
WARN (HK301): `schedule: {year: 2028}` or a target deadline after the period ends.
Programmes without a period (the source gave none) are not checked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...model import Programme
from ...reading.load import Positions
from ...walk import indicators, measures
from ..findings import Finding
from . import finding


def check(p: Programme, positions: Positions) -> Iterator[Finding]:
    if p.period is None:
        return
    start, end = p.period.start, p.period.end
    span = {"start": _fi(start), "end": _fi(end), "start_en": start.isoformat(), "end_en": end.isoformat()}

    def outside(first: dt.date, last: dt.date) -> bool:
        return last < start or first > end

    for at in measures(p):
        path, s = at.path, at.measure.schedule
        if s is None:
            continue
        for name, what, what_en in (("start", "aloituspäivä", "start date"), ("due", "määräpäivä", "due date")):
            day = getattr(s, name)
            if day is not None and outside(day, day):
                yield finding("HK301", positions, (*path, "schedule", name), what=what, what_en=what_en,
                              date=_fi(day), date_en=day.isoformat(), **span)
        if s.year is not None and outside(dt.date(s.year, 1, 1), dt.date(s.year, 12, 31)):
            yield finding("HK301", positions, (*path, "schedule", "year"), what="vuosi", what_en="year",
                          date=str(s.year), date_en=str(s.year), **span)
    for ind_at in indicators(p):
        path, ind = ind_at.path, ind_at.indicator
        for ti, t in enumerate(ind.targets):
            if t.deadline is not None and outside(t.deadline, t.deadline):
                yield finding("HK301", positions, (*path, "targets", ti, "deadline"),
                              what="tavoitteen määräaika", what_en="target deadline",
                              date=_fi(t.deadline), date_en=t.deadline.isoformat(), **span)


def _fi(day: dt.date) -> str:
    return f"{day.day}.{day.month}.{day.year}"
