"""Rules for a procurement plan (plan_model.Plan), judged on the day `as_of` (never the clock).

PASS: an item of 250 000 € over a 60 000 € threshold with `notice: {year: 2026, quarter: 2}`, inside
an 18-month horizon, with `priority: 1`.
WARN (HK501): an item over the threshold with no `notice:`, or one planned beyond the horizon.
WARN (HK502): `notice: {year: 2025, quarter: 1}` on 1.6.2025 with no `notice_ids` and a status
before `kilpailutuksessa`: the notice is late.
WARN (HK503): an item without `priority:`.
Also, as in programmes: a repeated item id (HK201), a history out of date order (HK309) and a status
that is not the history's last (HK310). Without `as_of` (an edit's re-check) the dated rules
(the horizon, late notices) are skipped.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

from ...plan_model import Plan, PlanItem
from ...reading.load import Positions
from ..findings import Finding
from . import finding


def check(plan: Plan, positions: Positions, as_of: dt.date | None) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    horizon_end = add_months(as_of, plan.horizon_months) if as_of else None
    for i, item in enumerate(plan.items):
        path = ("items", i)
        line = positions.locate((*path, "id"))[0]
        if item.id in seen:
            yield finding("HK201", positions, (*path, "id"), id=item.id, first=seen[item.id])
        else:
            seen[item.id] = line
        yield from _history(item, path, positions)
        if item.priority is None:
            yield finding("HK503", positions, (*path, "id"), id=item.id)
        if item.announced:
            continue
        over = plan.threshold is not None and item.value is not None and item.value >= plan.threshold
        if over and plan.threshold is not None and item.value is not None:
            beyond = item.notice is not None and horizon_end is not None and item.notice.window()[0] > horizon_end
            if item.notice is None or beyond:
                yield finding("HK501", positions, (*path, "notice" if beyond else "value"), id=item.id,
                              value=money(item.value, "fi"), value_en=money(item.value, "en"),
                              threshold=money(plan.threshold, "fi"), threshold_en=money(plan.threshold, "en"),
                              months=plan.horizon_months)
        if as_of is not None and item.notice is not None and item.is_late(as_of):
            status = item.status.value if item.status else "–"
            yield finding("HK502", positions, (*path, "notice"), id=item.id, when=item.notice.label(),
                          status=status)


def _history(item: PlanItem, path: tuple[str, int], positions: Positions) -> Iterator[Finding]:
    for j in range(1, len(item.history)):
        before, entry = item.history[j - 1], item.history[j]
        if entry.date < before.date:
            yield finding("HK309", positions, (*path, "history", j, "date"), date=entry.date.isoformat(),
                          previous=before.date.isoformat())
    if item.history and item.status is not None and item.status != item.history[-1].status:
        yield finding("HK310", positions, (*path, "status"), status=item.status.value,
                      last=item.history[-1].status.value)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day when it is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def money(value: float, lang: str) -> str:
    """Whole euros grouped by thousands: 250 000 (fi), 250,000 (en)."""
    grouped = f"{round(value):,}"
    return grouped if lang == "en" else grouped.replace(",", "\u00a0")
