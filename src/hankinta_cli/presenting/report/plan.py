"""The report's plan section: a procurement plan that names the programme, as the council may read it.

Public fields only: an item's value is given only when `value_public` is true, and its `note`,
`contact` and history notes never. Late items and the indicators are those computable without
notices (`computing/plan_indicators.py`): the share announced on schedule (by the plan's own
statuses and history) and whether the calendar was updated within its interval.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...computing.plan_indicators import calendar_current, on_schedule
from ...plan_model import Plan, PlanItem, add_months
from ..calendar import period_text

#: How far ahead the section lists coming procurements.
COMING_MONTHS = 6


def _item(item: PlanItem, lang: str) -> dict[str, Any]:
    return {"id": item.id, "title": item.title, "unit": item.unit,
            "notice": period_text(item.notice, lang) if item.notice else None,  # 15.3.2026, 2. neljännes 2026
            "status": item.status.value if item.status else None,
            "status_label": item.status.text(lang) if item.status else None,
            "nature_label": item.nature.text(lang) if item.nature else None,
            "procedure_label": item.procedure.text(lang) if item.procedure else None,
            "priority": item.priority, "value": item.value if item.value_public else None}


def _coming(plan: Plan, as_of: dt.date, until: dt.date) -> list[PlanItem]:
    """The items not yet announced whose planned notice window meets [as_of, until], soonest first."""
    found = [i for i in plan.items if i.notice is not None and not i.announced
             and i.notice.window()[0] <= until and i.notice.window()[1] >= as_of]
    return sorted(found, key=lambda i: (i.notice.window() if i.notice else (as_of, as_of), i.id))


def plan_section(plans: list[Plan], as_of: dt.date, lang: str) -> dict[str, Any] | None:
    """The `plan` of a programme's context (documented in context.py); None without plans."""
    if not plans:
        return None
    until = add_months(as_of, COMING_MONTHS)
    shown = []
    for plan in plans:
        schedule = on_schedule(plan, as_of)
        calendar = calendar_current(plan, as_of)
        shown.append({
            "id": plan.id, "name": plan.name, "organisation": plan.organisation, "unit": plan.unit,
            "updated": plan.updated,
            "coming": [_item(i, lang) for i in _coming(plan, as_of, until)],
            "late": [_item(i, lang) for i in plan.items if i.is_late(as_of)],
            "on_schedule": {"due": schedule.due, "on_time": len(schedule.on_time), "share": schedule.share,
                            "undated": len(schedule.undated)},
            "calendar": {"current": calendar.current, "updated": calendar.updated,
                         "update_months": calendar.update_months, "falls_due": calendar.falls_due,
                         "missing": list(calendar.missing)},
        })
    return {"months": COMING_MONTHS, "until": until, "plans": shown}
