"""The rows of `hankinta plan`: a plan's items selected by unit, quarter, priority and status, each
with whether its notice is late on the day `as_of` (pure: the day is passed in)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..errors import UserError
from ..plan_model import Plan, PlannedDate
from ..vocab import PlanStatus


@dataclass(frozen=True)
class PlanRow:
    plan: str
    id: str
    title: str
    unit: str
    priority: int | None
    status: str
    notice: str
    nature: str
    value: float | None
    value_public: bool
    measures: str
    late: bool


@dataclass(frozen=True)
class PlanSelection:
    unit: str | None = None
    quarter: tuple[dt.date, dt.date] | None = None
    priority: int | None = None
    status: PlanStatus | None = None


def parse_quarter(text: str) -> tuple[dt.date, dt.date]:
    """`2026-Q2` (or `2026Q2`) → its first and last day."""
    m = re.fullmatch(r"\s*(\d{4})\s*-?\s*[Qq]([1-4])\s*", text)
    if m is None:
        raise UserError("bad_quarter", value=text)
    return PlannedDate.model_validate({"year": int(m.group(1)), "quarter": int(m.group(2))}).window()


def parse_plan_status(text: str) -> PlanStatus:
    found = PlanStatus.parse(text)
    if not isinstance(found, PlanStatus):
        raise UserError("bad_plan_status", value=text, allowed=", ".join(PlanStatus.choices()))
    return found


def plan_rows(plans: list[Plan], selection: PlanSelection, as_of: dt.date) -> list[PlanRow]:
    out = []
    for plan in plans:
        for item in plan.items:
            unit = item.unit or plan.unit or ""
            if selection.unit and selection.unit.casefold() not in unit.casefold():
                continue
            if selection.priority is not None and item.priority != selection.priority:
                continue
            if selection.status is not None and item.status != selection.status:
                continue
            if selection.quarter is not None:
                if item.notice is None:
                    continue
                first, last = item.notice.window()
                if last < selection.quarter[0] or first > selection.quarter[1]:
                    continue
            out.append(PlanRow(
                plan.id, item.id, item.title, unit, item.priority, item.status.value if item.status else "",
                item.notice.label() if item.notice else "", item.nature.value if item.nature else "",
                item.value, item.value_public, ", ".join(item.measure_refs),
                item.is_late(as_of)))
    return out
