"""A procurement plan's own indicators, pure (`as_of` passed in), per calendar year or the period asked.

The rules (the README's "Hankintasuunnitelman mittarit" section says them too):

- **In the plan vs others** (Kajaani's M1 = M1a / M1b). The procedures (`notices/select.py`: each
  once, versions and changes applied) whose notices name the plan's buyer (`business_id`, compared
  as Y-tunnus). A procedure is *in the plan* when an item links it: the item's `procedure_id` is
  its BT-04, or one of the item's `notice_ids` is one of its notices (a notice replaced by a later
  version or a change still links: `NoticeIndex` keeps every notice read). Plans of
  the same buyer given together (units of one organisation) link together. A procedure's day is
  the earliest dispatch date of its notices that announce a procurement: a prior information notice
  counts only as a call for competition (`pin-cfc…`), so a procedure of PINs alone is no
  procurement and is not counted. `ratio` = in / other (none when there are no others), `share` =
  in / (in + other) in per cent, one decimal. `other` is every procedure not linked; of those,
  `below_threshold` counts the ones whose notices give a value in euros (BT-27 of the procedure,
  else the sum of its lots' when every lot gives one, else the award's total BT-161, newest notice
  first) under the plan's `threshold`: procurements the plan did not have to hold. They stay in
  `other` (M1b counts all other procurements).
- **Announced on schedule.** Items with a planned notice date (`notice:`), not cancelled. An item's
  announcement day is the first day of its linked procedures when notices are given (as above, the
  earliest), else the day of the first history entry with status
  `kilpailutuksessa` or `kilpailutettu`; only days up to `as_of` count. An item is *due* when its
  planned window ended before `as_of`, or it was announced; it is on schedule when announced no later
  than the window's last day (earlier is on schedule too). Late: due and announced after the window
  or not at all. An item marked announced (status, `notice_ids`) with no day known is `undated`:
  neither on schedule nor late. Items go to the period in which their planned window ends.
- **Calendar kept current** (Hyvinkää's K/E): `updated` + `update_months` months ≥ `as_of`: yes,
  else no; `falls_due` is that day. A missing `updated` or `update_months` is a gap (`current` None,
  `missing` names the fields), not a no.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from ..notices.business_id import normalise
from ..notices.model import Amount, Notice
from ..notices.select import Procedure
from ..plan_model import Plan, PlanItem, add_months
from ..vocab import PlanStatus

#: History statuses that say the notice went out.
ANNOUNCING = frozenset({PlanStatus.TENDERING, PlanStatus.TENDERED})


@dataclass(frozen=True)
class Period:
    """A calendar year or the period asked: its label (`2026`, `2026-H1`) and its days."""

    label: str
    first: dt.date
    last: dt.date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(str(year), dt.date(year, 1, 1), dt.date(year, 12, 31))

    def holds(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


@dataclass(frozen=True)
class InPlan:
    """One period of the in-plan figure; `in_plan` and `other` are procedure ids (BT-04)."""

    period: str
    in_plan: tuple[str, ...]
    other: tuple[str, ...]
    below_threshold: tuple[str, ...]  # of `other`: valued under the plan's threshold

    @property
    def ratio(self) -> float | None:
        return round(len(self.in_plan) / len(self.other), 2) if self.other else None

    @property
    def share(self) -> float | None:
        total = len(self.in_plan) + len(self.other)
        return round(100 * len(self.in_plan) / total, 1) if total else None


@dataclass(frozen=True)
class ItemDate:
    """An item against its planned window: `announced` is None when not (yet) announced."""

    id: str
    title: str
    planned: str  # the planned date as written: 2026-Q2
    window_end: dt.date
    announced: dt.date | None


@dataclass(frozen=True)
class OnSchedule:
    period: str
    on_time: tuple[ItemDate, ...]
    late: tuple[ItemDate, ...]
    undated: tuple[str, ...]  # item ids marked announced with no day known

    @property
    def due(self) -> int:
        return len(self.on_time) + len(self.late)

    @property
    def share(self) -> float | None:
        return round(100 * len(self.on_time) / self.due, 1) if self.due else None


@dataclass(frozen=True)
class Currency:
    """Whether the calendar was updated within its interval on `as_of`."""

    current: bool | None  # None: a gap (see `missing`)
    updated: dt.date | None
    update_months: int | None
    falls_due: dt.date | None
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanIndicators:
    plan: str
    name: str
    as_of: dt.date
    business_id: str | None
    in_plan: tuple[InPlan, ...] | None  # None: not computable, `in_plan_gap` says why
    in_plan_gap: str | None  # "no_notices" (no --notices given) or "no_business_id"
    linked_plans: tuple[str, ...]  # the plans whose links counted (the same buyer)
    on_schedule: tuple[OnSchedule, ...]
    calendar: Currency


def announces(notice: Notice) -> bool:
    """A notice that announces a procurement: anything but a prior information notice that is not
    a call for competition."""
    return notice.form != "PriorInformationNotice" or notice.type.startswith("pin-cfc")


@dataclass
class NoticeIndex:
    """Every notice read, replaced ones too: which procedure each notice id belongs to, and the
    day each procedure was first announced (the earliest dispatch date of a notice of it that
    announces a procurement). A plan item may name a notice a later version or change replaced,
    and the original's day is the day the procurement was announced. Filled a notice at a time
    (`add`), so the notices can stream past it."""

    procedure_of: dict[str, str] = field(default_factory=dict)
    first_day: dict[str, dt.date] = field(default_factory=dict)

    def add(self, n: Notice) -> None:
        self.procedure_of[n.id] = n.procedure
        if announces(n) and (n.procedure not in self.first_day or n.dispatch_date < self.first_day[n.procedure]):
            self.first_day[n.procedure] = n.dispatch_date

    @classmethod
    def of(cls, notices: Iterable[Notice]) -> NoticeIndex:
        index = cls()
        for n in notices:
            index.add(n)
        return index


def _euros(amount: Amount | None) -> Decimal | None:
    return amount.value if amount is not None and amount.currency.upper() == "EUR" else None


def procedure_value(procedure: Procedure) -> Decimal | None:
    """The value the notices give in euros (the rule above), newest notice first; None when none does."""
    for n in reversed(procedure.notices):
        if (whole := _euros(n.estimated_value)) is not None:
            return whole
        lots = [_euros(lot.estimated_value) for lot in n.lots]
        if lots and all(v is not None for v in lots):
            return sum((v for v in lots if v is not None), Decimal(0))
        if (total := _euros(n.notice_value)) is not None:
            return total
    return None


def calendar_current(plan: Plan, as_of: dt.date) -> Currency:
    missing = tuple(name for name, value in (("updated", plan.updated), ("update_months", plan.update_months))
                    if value is None)
    if plan.updated is None or plan.update_months is None:
        return Currency(None, plan.updated, plan.update_months, None, missing)
    due = add_months(plan.updated, plan.update_months)
    return Currency(due >= as_of, plan.updated, plan.update_months, due)


def _links(item: PlanItem, index: NoticeIndex) -> set[str]:
    """The procedure keys an item links (`Notice.procedure` keys)."""
    found = {index.procedure_of[i] for i in item.notice_ids if i in index.procedure_of}
    if item.procedure_id:
        found.add(item.procedure_id)
    return found


def _announced(item: PlanItem, as_of: dt.date, index: NoticeIndex | None) -> dt.date | None:
    if index is not None:
        days = [d for key in _links(item, index) if (d := index.first_day.get(key)) is not None and d <= as_of]
        if days:
            return min(days)
    return next((h.date for h in item.history if h.status in ANNOUNCING and h.date <= as_of), None)


def item_dates(plan: Plan, as_of: dt.date, index: NoticeIndex | None = None) -> tuple[list[ItemDate], list[str]]:
    """The items that are due (the rule above) with their announcement day, and the ids of those
    marked announced with no day known. `index`: the notices read, None when none were given."""
    dated, undated = [], []
    for item in plan.items:
        if item.notice is None or item.status is PlanStatus.CANCELLED:
            continue
        end = item.notice.window()[1]
        day = _announced(item, as_of, index)
        if day is None and item.announced:
            undated.append(item.id)
        elif day is not None or end < as_of:
            dated.append(ItemDate(item.id, item.title, item.notice.label(), end, day))
    return dated, undated


def on_schedule(plan: Plan, as_of: dt.date, period: Period | None = None,
                index: NoticeIndex | None = None) -> OnSchedule:
    """The share announced on schedule among the items whose window ends in `period` (None: all)."""
    dated, undated = item_dates(plan, as_of, index)
    ends = {item.id: item.notice.window()[1] for item in plan.items if item.notice is not None}
    if period is not None:
        dated = [d for d in dated if period.holds(d.window_end)]
        undated = [i for i in undated if period.holds(ends[i])]
    on_time = tuple(d for d in dated if d.announced is not None and d.announced <= d.window_end)
    late = tuple(d for d in dated if d.announced is None or d.announced > d.window_end)
    return OnSchedule(period.label if period else "", on_time, late, tuple(undated))


def in_plan(plans: Iterable[Plan], buyer: str, procedures: Iterable[Procedure], index: NoticeIndex,
            periods: list[Period], threshold: float | None, as_of: dt.date) -> tuple[InPlan, ...]:
    """The in-plan figure of `buyer` (Y-tunnus) for each period, with the links of `plans`; only
    procedures announced by `as_of` count."""
    linked = {key for plan in plans for item in plan.items for key in _links(item, index)}
    mine = _of_buyer(procedures, buyer, index, as_of)
    out = []
    for period in periods:
        held = [p for p, day in mine if period.holds(day)]
        other = [p for p in held if p.id not in linked]
        below = [p.id for p in other if threshold is not None and (v := procedure_value(p)) is not None
                 and v < Decimal(str(threshold))]
        out.append(InPlan(period.label, tuple(p.id for p in held if p.id in linked), tuple(p.id for p in other),
                          tuple(below)))
    return tuple(out)


def _of_buyer(procedures: Iterable[Procedure], buyer: str, index: NoticeIndex,
              as_of: dt.date) -> list[tuple[Procedure, dt.date]]:
    return [(p, day) for p in procedures if any(normalise(b.business_id or "") == buyer for b in p.buyers)
            and (day := index.first_day.get(p.id)) is not None and day <= as_of]


def _years(years: Iterable[int], as_of: dt.date) -> list[Period]:
    """Each calendar year from the first of `years` to the last of them or `as_of`'s, whichever is later."""
    found = list(years)
    return [Period.year(y) for y in range(min(found, default=as_of.year), max([*found, as_of.year]) + 1)]


def plan_indicators(plans: list[Plan], as_of: dt.date, period: Period | None = None,
                    procedures: Sequence[Procedure] | None = None,
                    read: Iterable[Notice] | NoticeIndex | None = None) -> list[PlanIndicators]:
    """Each plan's indicators. `procedures` (None: no notices given) are those that count, each
    once; `read` every notice read, replaced ones too, or their `NoticeIndex` (default: the
    procedures' notices). Without
    `period`: each calendar year from the first that a due item's window or one of the buyer's
    procedures reaches to `as_of`'s year."""
    procs = procedures  # iterated more than once: a spooled sequence reads them back each time
    index = None if procs is None else read if isinstance(read, NoticeIndex) else NoticeIndex.of(
        read if read is not None else (n for p in procs for n in p.notices))
    out = []
    for plan in plans:
        buyer = normalise(plan.business_id) if plan.business_id else None
        figure: tuple[InPlan, ...] | None = None
        gap = "no_notices" if procs is None else "no_business_id" if buyer is None else None
        same: tuple[str, ...] = ()
        if procs is not None and index is not None and buyer is not None:
            same = tuple(other.id for other in plans if other.business_id and normalise(other.business_id) == buyer)
            years = [d.year for _, d in _of_buyer(procs, buyer, index, as_of)]
            figure = in_plan([p for p in plans if p.id in same], buyer, procs, index,
                             [period] if period else _years(years, as_of), plan.threshold, as_of)
        dated, undated = item_dates(plan, as_of, index)
        ends = {item.id: item.notice.window()[1].year for item in plan.items if item.notice is not None}
        due_years = [d.window_end.year for d in dated] + [ends[i] for i in undated]
        spans: list[Period | None] = [period] if period else [*_years(due_years, as_of)]
        schedule = tuple(on_schedule(plan, as_of, sp, index) for sp in spans)
        out.append(PlanIndicators(plan.id, plan.name, as_of, buyer, figure, gap, same, schedule,
                                  calendar_current(plan, as_of)))
    return out


def parse_period(text: str) -> Period:
    """`--year`: a year or a part of one (2026, 2026-H1, 2026-Q2, 2026-05) → its days."""
    from ..errors import UserError
    from ..plan_model import PlannedDate
    from ..reading.inputs import year_part

    try:
        parts = year_part(text, months=True)
    except ValueError:
        parts = None
    if parts is None:
        raise UserError("bad_plan_period", value=text)
    planned = PlannedDate.model_validate(parts)
    first, last = planned.window()
    return Period(planned.label(), first, last)
