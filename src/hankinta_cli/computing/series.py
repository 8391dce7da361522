"""An indicator's values by period as known at `as_of`; derived indicators computed from others.

An observation is known at `as_of` when its period has begun by then. A derived value is
None for a period where an input is missing or a denominator is zero: "ei tietoa", never 0.
An observation's value may be summed from its units (units.py); one summed without every expected
unit is partial, and so is every derived value computed from it (`Resolver.missing`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

from ..model import Indicator, Programme
from ..vocab import DerivedOp
from ..walk import indicators
from .periods import Span, span
from .units import expected_units, organisation_value

Value = float | int | bool | str
Entry = tuple[Span, Value | None]
#: period key → the units missing from the value of that period (only partial periods are listed)
Missing = dict[str, tuple[str, ...]]


def all_indicators(p: Programme) -> Iterable[Indicator]:
    """Every indicator defined in the programme, in the order of `walk.indicators`."""
    return (at.indicator for at in indicators(p))


def finite(x: float | None) -> float | None:
    """A computed number, or None where the arithmetic left the floats (a division by a
    subnormal value, a ratio of ratios): "ei laskettavissa", never inf or nan in a table or JSON."""
    return x if x is not None and math.isfinite(x) else None


def _number(v: Value | None) -> float | None:
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return None
    return float(v)


class Resolver:
    """Series of every indicator of one programme at one date, computed once each."""

    def __init__(self, programme: Programme, as_of: dt.date) -> None:
        self.as_of = as_of
        self.programme = programme
        self.by_id = {i.id: i for i in all_indicators(programme)}
        self._memo: dict[str, list[Entry]] = {}
        self._missing: dict[str, Missing] = {}
        self._active: set[str] = set()

    def missing(self, ind: Indicator) -> Missing:
        """The periods of `ind`'s series whose value is partial, and the units each lacks."""
        self.series(ind)
        return self._missing.get(ind.id, {})

    def series(self, ind: Indicator) -> list[Entry]:
        if ind.id in self._memo:
            return self._memo[ind.id]
        if ind.id in self._active:  # a cycle: the checker reports it (HK205); here it has no data
            return []
        self._active.add(ind.id)
        try:
            result = self._derived(ind) if ind.derived else self._observed(ind)
        finally:
            self._active.discard(ind.id)
        self._memo[ind.id] = result
        if ind.id in self._missing:  # a period with no value at all is not partial: it is missing
            known = {e[0].key for e in result if e[1] is not None}
            self._missing[ind.id] = {k: v for k, v in self._missing[ind.id].items() if k in known}
        return result

    def _observed(self, ind: Indicator) -> list[Entry]:
        out: dict[str, Entry] = {}
        missing: Missing = {}
        expected = expected_units(self.programme, ind)
        for obs in ind.observations:
            try:
                s = span(obs.period)
            except ValueError:
                continue
            if s.start <= self.as_of:
                whole = organisation_value(obs, ind.kind, expected)
                out[s.key] = (s, whole.value)
                missing.pop(s.key, None)
                if whole.partial:
                    missing[s.key] = whole.missing
        if missing:
            self._missing[ind.id] = missing
        return sorted(out.values(), key=lambda e: e[0])

    def _inherited(self, ind: Indicator, keys: list[tuple[str, ...]]) -> None:
        """A derived value is partial where an input's value is: the units missing from its inputs
        (`keys`: for each derived period, that period and the input periods it is computed from)."""
        assert ind.derived is not None
        sources = [self._missing.get(ref, {}) for ref in ind.derived.of]
        missing: Missing = {}
        for own, *used in keys:
            units = dict.fromkeys(u for src in sources for k in used for u in src.get(k, ()))
            if units:
                missing[own] = tuple(units)
        if missing:
            self._missing[ind.id] = missing

    def _inputs(self, ind: Indicator) -> list[dict[str, Entry]]:
        assert ind.derived is not None
        out = []
        for ref in ind.derived.of:
            source = self.by_id.get(ref)
            out.append({} if source is None else {e[0].key: e for e in self.series(source)})
        return out

    def _year_on_year(self, ind: Indicator, source: dict[str, Entry]) -> list[Entry]:
        """vuosimuutos: each period against the same period a year earlier (2025 against 2024,
        2025-Q1 against 2024-Q1), in percent. A period whose year-earlier period falls before the
        source's first value has none (the series has not begun); one whose year-earlier period
        is missing, or zero, has None: "ei tietoa", never a change over two years or from the
        quarter before."""
        out: list[Entry] = []
        used: list[tuple[str, ...]] = []
        entries = sorted(source.values(), key=lambda e: e[0])
        first = entries[0][0].start if entries else None
        for s, cur in entries:
            earlier_key = f"{s.start.year - 1}{s.key[4:]}"
            earlier = source.get(earlier_key)
            if earlier is None and (first is None or span(earlier_key).start < first):
                continue
            a, b = (_number(earlier[1]) if earlier else None), _number(cur)
            out.append((s, None if a is None or b is None or a == 0 else finite((b - a) / abs(a) * 100)))
            used.append((s.key, earlier_key, s.key))
        self._inherited(ind, used)
        return out

    def _derived(self, ind: Indicator) -> list[Entry]:
        assert ind.derived is not None
        op = ind.derived.op
        inputs = self._inputs(ind)
        if op is DerivedOp.GROWTH:
            return self._year_on_year(ind, inputs[0])
        keys = sorted({k for d in inputs for k in d}, key=span)
        out: list[Entry] = []
        for k in keys:
            values = [_number(d[k][1]) if k in d else None for d in inputs]
            value: float | None
            if any(v is None for v in values):
                value = None  # an input (a unit, a denominator) has no value for this period
            elif op is DerivedOp.SUM:
                value = finite(sum(v for v in values if v is not None))
            else:
                num, den = values[0], values[1] if len(values) > 1 else None
                if num is None or den is None or den == 0:
                    value = None
                else:
                    value = finite(num / den * (100 if op is DerivedOp.SHARE else 1))
            out.append((span(k), value))
        self._inherited(ind, [(k, k) for k in keys])
        return out
