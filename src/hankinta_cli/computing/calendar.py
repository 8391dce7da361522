"""The public procurement calendar (`hankinta calendar`): which planned procurements a plan publishes,
grouped by when their notice is planned, on the day `as_of` (pure: the day is passed in).

What is public is decided here, once, so that no writer (HTML, CSV, iCalendar) can leak what is not:
a `PublicItem` has no field for what stays inside the organisation.

- `value` only when the plan says `value_public: true`.
- never `note` (internal by definition), the status history (its notes are internal) or `priority`
  (the organisation's own urgency ranking, 1–3, which tells a supplier nothing it can act on).
- never `contact`: the field names a person (Yhteyshenkilö). A calendar that is published and
  re-published as open data would spread a named official's details to every scraper and archive
  for as long as it exists; the data-minimisation principle (GDPR art. 5(1)(c)) asks for the unit
  instead, which every item shows and which answers "whom do I ask" through the organisation's own
  channels. A plan that wants a public contact can put the unit's shared address in `description`.

Which items: not cancelled (peruttu) or already tendered (kilpailutettu); planned notice window
reaching into [as_of, as_of + plan.horizon_months] (the same horizon the plan's HK501 rule uses);
items whose planned time has passed but which are still to come (their notice is late, or out with
the tendering under way) in a group of their own first; items without a planned date in a group at
the end.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass

from ..plan_model import Plan, PlanItem, PlannedDate, add_months
from ..vocab import Aim, Nature, PlanStatus, Procedure

#: Statuses a public calendar leaves out: nothing is coming any more.
LEFT_OUT = frozenset({PlanStatus.TENDERED, PlanStatus.CANCELLED})


GroupKey = tuple["GroupKind", int | None, int | None]


class GroupKind(enum.Enum):
    """How precise the planned notice dates of a group are. A day or a month goes under its quarter;
    a half-year or a year-only date forms its own group ("2027 (tarkempi ajankohta avoin)") after
    the quarters it spans, so no reader takes "2027" for "January 2027"."""

    EARLIER = "earlier"  # planned before as_of, still to come
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    OPEN = "open"  # no planned notice date


@dataclass(frozen=True)
class PublicItem:
    """The public face of a planned procurement: only what may be published."""

    plan_id: str
    id: str
    title: str
    description: str | None
    unit: str | None  # the item's own unit, as the plan holds it (the CSV round trip needs it)
    shown_unit: str | None  # the item's unit, else the plan's (what a reader sees)
    organisation: str
    cpv: tuple[str, ...]
    nature: Nature | None
    value: float | None  # None unless the plan marks the value public
    notice: PlannedDate | None
    market_dialogue: PlannedDate | None
    procedure: Procedure | None
    contract_start: dt.date | None
    contract_end: dt.date | None
    contract_options: str | None
    aims: tuple[Aim, ...]
    measure_refs: tuple[str, ...]
    status: PlanStatus | None
    notice_ids: tuple[str, ...]


@dataclass(frozen=True)
class CalendarGroup:
    kind: GroupKind
    year: int | None  # QUARTER, HALF, YEAR
    part: int | None  # the quarter 1–4 or half 1–2
    items: tuple[PublicItem, ...]


@dataclass(frozen=True)
class PlanScope:
    """What the calendar covers of one plan."""

    id: str
    name: str
    organisation: str
    unit: str | None
    business_id: str | None
    horizon_months: int
    horizon_end: dt.date
    updated: dt.date | None


@dataclass(frozen=True)
class Calendar:
    as_of: dt.date
    plans: tuple[PlanScope, ...]
    groups: tuple[CalendarGroup, ...]

    @property
    def items(self) -> list[PublicItem]:
        return [item for group in self.groups for item in group.items]


def public_item(plan: Plan, item: PlanItem) -> PublicItem:
    contract = item.contract
    return PublicItem(
        plan.id, item.id, item.title, item.description, item.unit, item.unit or plan.unit, plan.organisation,
        tuple(item.cpv), item.nature, item.value if item.value_public is True else None, item.notice,
        item.market_dialogue, item.procedure, contract.start if contract else None,
        contract.end if contract else None, contract.options if contract else None, tuple(item.aims),
        tuple(item.measure_refs), item.status, tuple(item.notice_ids))


def _group_key(notice: PlannedDate, as_of: dt.date) -> GroupKey:
    first, last = notice.window()
    if last < as_of:
        return GroupKind.EARLIER, None, None
    if notice.date is not None or notice.month is not None or notice.quarter is not None:
        return GroupKind.QUARTER, first.year, (first.month - 1) // 3 + 1
    if notice.half is not None:
        return GroupKind.HALF, first.year, notice.half
    return GroupKind.YEAR, first.year, None


def _order(key: GroupKey) -> tuple[int, dt.date, int]:
    """Earlier first and undated last; between them by the group's last day, and of groups ending on
    the same day the narrower first: Q1, Q2, H1, Q3, Q4, H2, the year."""
    kind, year, part = key
    if kind is GroupKind.EARLIER:
        return 0, dt.date.min, 0
    if kind is GroupKind.OPEN or year is None:
        return 2, dt.date.max, 0
    months = {GroupKind.QUARTER: 3, GroupKind.HALF: 6, GroupKind.YEAR: 12}[kind]
    last_month = (part or 1) * months
    return 1, dt.date(year, last_month, 1), months


def calendar(plans: Iterable[Plan], as_of: dt.date) -> Calendar:
    """The public calendar of `plans` on the day `as_of`."""
    scopes: list[PlanScope] = []
    grouped: dict[GroupKey, list[PublicItem]] = {}
    for plan in plans:
        horizon_end = add_months(as_of, plan.horizon_months)
        scopes.append(PlanScope(plan.id, plan.name, plan.organisation, plan.unit, plan.business_id,
                                plan.horizon_months, horizon_end, plan.updated))
        for item in plan.items:
            if item.status in LEFT_OUT:
                continue
            key: GroupKey
            if item.notice is None:
                key = (GroupKind.OPEN, None, None)
            elif item.notice.window()[0] > horizon_end:
                continue  # beyond the rolling horizon: not in this calendar yet
            else:
                key = _group_key(item.notice, as_of)
            grouped.setdefault(key, []).append(public_item(plan, item))
    groups = []
    for key in sorted(grouped, key=_order):
        items = sorted(grouped[key], key=lambda i: i.notice.window()[0] if i.notice else dt.date.max)  # stable
        groups.append(CalendarGroup(key[0], key[1], key[2], tuple(items)))
    return Calendar(as_of, tuple(scopes), tuple(groups))
