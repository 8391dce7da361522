"""HILMA queries computed from eForms notices: values per period, pure (`as_of` passed in).

The rule (the README's "Hankintailmoitukset" section says it too):

- **What counts.** Each procedure once (`notices/select.py`: the notices that count, versions and
  changes applied). Its *counted notice* is its newest notice of the kinds the query lists
  (`notices`; none listed: any kind); a procedure without one is not counted. `count: osat`
  counts the lots of that notice.
- **Facts.** A procedure's or lot's facts are gathered from all the procedure's notices that
  count: a lot is green, social or innovative by its strategic codes (BT-06, BT-774/775/776,
  BT-805) in any of them, has an SME winner or a single tender by the lot results (BT-165,
  BT-759) of its award notice. A procedure has a fact when one of its lots has it. `where`
  keeps those with every fact listed; `share` makes the value the percentage (one decimal) of the
  kept ones that also have every fact it lists.
- **Periods.** A value goes to the period of the indicator's granularity (a year when none, or
  once) in which its counted notice was dispatched (BT-05). Periods get a value from the first to
  the last period the buyer's notices read reach into (a count of 0 there means none; a share of
  nothing is no value), never one that has not begun on `as_of`, and within the programme period
  when there is one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Catalogue, HilmaQuery, Indicator, Programme
from ..model import Period as ProgrammePeriod
from ..notices.model import LotResult, Notice
from ..notices.select import Procedure
from ..vocab import Granularity, NoticeCount, NoticeFlag, NoticeKind, Source
from ..walk import IndicatorAt, indicators
from .periods import span

#: The eForms form (the root element) of each kind of notice.
FORM_KINDS = {"ContractNotice": NoticeKind.COMPETITION, "ContractAwardNotice": NoticeKind.AWARD,
              "PriorInformationNotice": NoticeKind.PRIOR}


@dataclass(frozen=True)
class Computed:
    """One period's value: `counted` procedures or lots were counted (after `where`), `matching`
    of them had the `share` facts; `notices` are the ids of the counted notices."""

    period: int | str  # as stored: a year as a number
    value: int | float
    counted: int
    matching: int
    notices: tuple[str, ...]


def queried(p: Programme, catalogue: Catalogue | None) -> list[tuple[IndicatorAt, HilmaQuery]]:
    """The programme's indicators that count notices, with their query: their own, or for an
    indicator that names a catalogue indicator (`catalogue: ID`) and has none, the catalogue's,
    so a municipality adopts a notice-based indicator by reference; unless the indicator says
    its values come from elsewhere (`source: manuaalinen`, …)."""
    shared = {e.id: e.hilma for e in catalogue.indicators if e.hilma is not None} if catalogue else {}

    def query_of(ind: Indicator) -> HilmaQuery | None:
        if ind.hilma is not None or ind.source not in (None, Source.HILMA):
            return ind.hilma
        return shared.get(ind.catalogue or "")

    return [(at, query) for at in indicators(p) if (query := query_of(at.indicator)) is not None]


def period_of(day: dt.date, granularity: Granularity) -> int | str:
    if granularity is Granularity.HALF:
        return f"{day.year}-H{1 if day.month <= 6 else 2}"
    if granularity is Granularity.QUARTER:
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if granularity is Granularity.MONTH:
        return f"{day.year}-{day.month:02d}"
    return day.year


def _periods(first: dt.date, last: dt.date, granularity: Granularity) -> list[int | str]:
    out: list[int | str] = []
    day = first
    while day <= last:
        period = period_of(day, granularity)
        out.append(period)
        day = span(period).end + dt.timedelta(days=1)
    return out


def _facts(lot_id: str | None, notices: Iterable[Notice]) -> set[NoticeFlag]:
    """The facts of one lot (`lot_id`), or of any lot (None), in these notices."""
    facts: set[NoticeFlag] = set()
    results: list[LotResult] = []
    for n in notices:
        for lot in n.lots:
            if lot_id is None or lot.id == lot_id:
                facts |= {f for f, has in ((NoticeFlag.GREEN, lot.is_green), (NoticeFlag.SOCIAL, lot.is_social),
                                           (NoticeFlag.INNOVATIVE, lot.is_innovative)) if has}
        results += [r for r in n.results if lot_id is None or r.lot_id == lot_id]
    if facts:
        facts.add(NoticeFlag.STRATEGIC)
    if any(r.sme_winner for r in results):
        facts.add(NoticeFlag.SME_WINNER)
    if any(r.single_tender for r in results):
        facts.add(NoticeFlag.SINGLE_TENDER)
    return facts


def counted_notice(procedure: Procedure, kinds: Iterable[NoticeKind]) -> Notice | None:
    wanted = set(kinds)
    return next((n for n in reversed(procedure.notices) if not wanted or FORM_KINDS.get(n.form) in wanted), None)


def compute(procedures: Iterable[Procedure], query: HilmaQuery, granularity: Granularity | None,
            as_of: dt.date, within: ProgrammePeriod | None = None) -> list[Computed]:
    """The query's value per period (the rule above), oldest first."""
    gran = granularity if granularity not in (None, Granularity.ONCE) else Granularity.YEAR
    assert gran is not None
    # one pass, holding a procedure at a time: the procedures may be read back from a spool
    first = last = None
    items: dict[int | str, list[tuple[set[NoticeFlag], str]]] = {}
    for proc in procedures:
        days = [n.dispatch_date for n in proc.notices]
        first = min(days) if first is None else min(first, *days)
        last = max(days) if last is None else max(last, *days)
        notice = counted_notice(proc, query.notices)
        if notice is None:
            continue
        if query.count is NoticeCount.LOTS:
            facts = [_facts(lot.id, proc.notices) for lot in notice.lots]
        else:
            facts = [_facts(None, proc.notices)]
        kept = [f for f in facts if set(query.where) <= f]
        items.setdefault(period_of(notice.dispatch_date, gran), []).extend((f, notice.id) for f in kept)
    if first is None or last is None:
        return []
    out = []
    for period in _periods(first, last, gran):
        dates = span(period)
        if dates.start > as_of or (within and (dates.end < within.start or dates.start > within.end)):
            continue
        found = items.get(period, [])
        matching = sum(set(query.share) <= f for f, _ in found)
        value: int | float = len(found)
        if query.share:
            if not found:
                continue
            share = round(100 * matching / len(found), 1)
            value = int(share) if share.is_integer() else share
        out.append(Computed(period, value, len(found), matching, tuple(dict.fromkeys(i for _, i in found))))
    return out
