"""An indicator's values by period as known at `as_of`; derived indicators computed from others.

An observation is known at `as_of` when its period has begun by then. A derived value is
None for a period where an input is missing or a denominator is zero: "ei tietoa", never 0.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Iterable

from ..model import Indicator, Programme
from ..vocab import DerivedOp
from ..walk import indicators
from .periods import Span, span

Value = float | int | bool | str
Entry = tuple[Span, Value | None]


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
        self.by_id = {i.id: i for i in all_indicators(programme)}
        self._memo: dict[str, list[Entry]] = {}
        self._active: set[str] = set()

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
        return result

    def _observed(self, ind: Indicator) -> list[Entry]:
        out: dict[str, Entry] = {}
        for obs in ind.observations:
            try:
                s = span(obs.period)
            except ValueError:
                continue
            if s.start <= self.as_of:
                out[s.key] = (s, obs.value)
        return sorted(out.values(), key=lambda e: e[0])

    def _inputs(self, ind: Indicator) -> list[dict[str, Entry]]:
        assert ind.derived is not None
        out = []
        for ref in ind.derived.of:
            source = self.by_id.get(ref)
            out.append({} if source is None else {e[0].key: e for e in self.series(source)})
        return out

    def _derived(self, ind: Indicator) -> list[Entry]:
        assert ind.derived is not None
        op = ind.derived.op
        inputs = self._inputs(ind)
        if op is DerivedOp.GROWTH:
            base = sorted(inputs[0].values(), key=lambda e: e[0])
            out: list[Entry] = []
            for (_, prev), (s, cur) in itertools.pairwise(base):
                a, b = _number(prev), _number(cur)
                out.append((s, None if a is None or b is None or a == 0 else finite((b - a) / abs(a) * 100)))
            return out
        keys = sorted({k for d in inputs for k in d}, key=span)
        out = []
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
        return out
