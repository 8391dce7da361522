"""Several programmes side by side, and catalogue indicators summed across them.

A catalogue indicator of kind lukumäärä or raha is summed per period over the programmes that
reported it (the number reporting is kept next to the total, so a partial total is visible). A
programme's value summed from a breakdown missing some of its units (units.py) is partial, and so
is every total it is part of: `missing` and `partial` name them.
Percentages and ratios are not summed: they are compared, each against the catalogue's target.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..model import Catalogue, CatalogueEntry
from .metrics import Counts, ProgrammeStatus
from .ontrack import IndicatorStatus
from .periods import span
from .series import finite
from .units import SUMMABLE


@dataclass
class CatalogueRow:
    entry: CatalogueEntry
    #: programme id → its latest period and value (several indicators of one programme are summed)
    latest: dict[str, tuple[str, float | int | bool | str | None]] = field(default_factory=dict)
    #: period → (total over the programmes that reported it, how many reported)
    totals: dict[str, tuple[float, int]] = field(default_factory=dict)
    #: programme id → the units missing from its latest value (only programmes whose value is partial)
    missing: dict[str, list[str]] = field(default_factory=dict)
    #: period → the programmes whose value in that period's total is partial
    partial: dict[str, list[str]] = field(default_factory=dict)

    @property
    def summable(self) -> bool:
        return self.entry.kind in SUMMABLE

    @property
    def last_period(self) -> str | None:
        """The latest period with a total, by its dates: 2024-H2 is after 2024-Q1 (not as text)."""
        return max(self.totals, key=span, default=None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.entry.id, "name": self.entry.name, "kind": self.entry.kind.value, "unit": self.entry.unit,
            "targets": [t.model_dump(mode="json") for t in self.entry.targets],
            "latest": {k: {"period": p, "value": v, "missing": self.missing.get(k, [])}
                       for k, (p, v) in self.latest.items()},
            "totals": {p: {"total": t, "reporting": n, "partial": self.partial.get(p, [])}
                       for p, (t, n) in sorted(self.totals.items(), key=lambda kv: span(kv[0]))},
        }


@dataclass
class ProgrammeSummary:
    """What a roll-up needs of one programme: small enough to pass between processes."""

    id: str
    name: str
    organisation: str
    as_of: dt.date
    overall: Counts
    indicators: list[IndicatorStatus]  # only those linked to the shared catalogue


def summarise(st: ProgrammeStatus) -> ProgrammeSummary:
    p = st.programme
    return ProgrammeSummary(p.id, p.name, p.organisation, st.as_of, st.overall,
                            [i for i in st.indicators if i.catalogue])


_NEVER = span("1000")  # before any period a programme can have (model_base.PERIOD_PATTERN)


def rollup(statuses: list[ProgrammeSummary], catalogue: Catalogue | None) -> list[CatalogueRow]:
    if catalogue is None:
        return []
    rows = []
    for entry in catalogue.indicators:
        row = CatalogueRow(entry)
        for st in statuses:
            mine = [i for i in st.indicators if i.catalogue == entry.id]
            if not mine:
                continue
            per_period: dict[str, float] = {}
            lacking: dict[str, dict[str, None]] = {}  # period → the units missing from the programme's value
            for ind in mine:
                for period, value in ind.series:
                    if isinstance(value, (int, float)) and not isinstance(value, bool):
                        total = finite(per_period.get(period, 0.0) + value)
                        if total is not None:  # computed values near the float limit do not add up
                            per_period[period] = total
                            if ind.partial.get(period):
                                lacking.setdefault(period, {}).update(dict.fromkeys(ind.partial[period]))
            # by dates, not as text: "2024-Q1" > "2024-H2" as strings
            latest = max(mine, key=lambda i: span(i.latest_period) if i.latest_period else _NEVER)
            if row.summable and per_period:
                last = max(per_period, key=span)
                row.latest[st.id] = (last, per_period[last])
                if last in lacking:
                    row.missing[st.id] = list(lacking[last])
            else:
                row.latest[st.id] = (latest.latest_period or "", latest.latest)
                if latest.latest_missing:
                    row.missing[st.id] = list(latest.latest_missing)
            if row.summable:
                for period, value in per_period.items():
                    total, n = row.totals.get(period, (0.0, 0))
                    added = finite(total + value)
                    row.totals[period] = (total if added is None else added, n + 1)
                    if period in lacking:
                        row.partial.setdefault(period, []).append(st.id)
        rows.append(row)
    return rows
