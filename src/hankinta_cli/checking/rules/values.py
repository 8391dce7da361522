"""Observed values, baselines and targets fit their indicator; periods are well-formed and unique.

PASS::

    kind: prosentti
    granularity: vuosi
    direction: kasvu
    baseline: {period: 2022, value: 2}
    targets: [{value: 5, deadline: 2025-12-31}]
    observations: [{period: 2023, value: 3.5}, {period: 2024, value: 4}]

FAIL: `value: 120` on a percentage (HK311), `value: K` on a yes/no indicator (HK304),
`period: 2024-H1` on a yearly indicator (HK302), the same period twice (HK303), a target
below the baseline of a rising indicator (HK306), values on an undefined indicator (HK305).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from typing import Any

from ...model import Indicator, Programme
from ...reading.load import Positions
from ...vocab import Direction, Granularity, IndicatorKind
from ...walk import indicators
from ..findings import Finding
from . import Path, finding

_SUFFIX = {
    Granularity.YEAR: ("", "2024"),
    Granularity.HALF: ("-H", "2024-H1"),
    Granularity.QUARTER: ("-Q", "2024-Q1"),
    Granularity.MONTH: ("-", "2024-05"),
}
_KIND_EN = {k: k.label.en for k in IndicatorKind}


def check(p: Programme, positions: Positions) -> Iterator[Finding]:
    for at in indicators(p):
        yield from _check_indicator(at.path, at.indicator, positions)


def period_shape(period: int | str) -> str:
    """'' for a year, '-H' for a half, '-Q' for a quarter, '-' for a month."""
    text = str(period)
    if len(text) == 4:
        return ""
    return text[4:6] if text[5] in "HQ" else "-"


def _check_indicator(path: Path, ind: Indicator, positions: Positions) -> Iterator[Finding]:
    if ind.kind is IndicatorKind.UNDEFINED:
        if ind.observations or ind.targets or ind.baseline:
            yield finding("HK305", positions, (*path, "kind"))
        return
    if ind.kind is IndicatorKind.RATIO:
        for part in ("numerator", "denominator"):
            if getattr(ind, part) is None:
                yield finding("HK308", positions, (*path, "kind"), missing=part)
    seen: dict[str, int] = {}
    for oi, obs in enumerate(ind.observations):
        opath = (*path, "observations", oi)
        if ind.granularity in _SUFFIX and period_shape(obs.period) != _SUFFIX[ind.granularity][0]:
            yield finding("HK302", positions, (*opath, "period"), period=str(obs.period),
                          granularity=ind.granularity.value, example=_SUFFIX[ind.granularity][1])
        key = str(obs.period)
        if key in seen:
            yield finding("HK303", positions, (*opath, "period"), period=key, first=seen[key])
        else:
            seen[key] = positions.locate((*opath, "period"))[0]
        if obs.value is not None:  # else it is summed from its breakdown (rules/breakdown.py)
            yield from _check_value(ind.kind, obs.value, (*opath, "value"), positions)
    if ind.baseline is not None:
        yield from _check_value(ind.kind, ind.baseline.value, (*path, "baseline", "value"), positions)
    for ti, t in enumerate(ind.targets):
        yield from _check_value(ind.kind, t.value, (*path, "targets", ti, "value"), positions)
    yield from _check_direction(path, ind, positions)


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def value_problem(kind: IndicatorKind, v: Any) -> tuple[str, dict[str, Any]] | None:
    """Why `v` cannot be a value of a `kind` indicator: a finding code and its arguments, or None.

    Shared with `hankinta import`, which reports the same problems by row instead of by line.
    """
    shown = str(v).lower() if isinstance(v, bool) else (repr(v) if isinstance(v, str) else str(v))
    kind_args = {"value": shown, "kind": kind.value, "kind_en": _KIND_EN[kind]}
    if kind is IndicatorKind.YES_NO:
        return None if isinstance(v, bool) else ("HK304", {"value": shown})
    if kind is IndicatorKind.QUALITATIVE:
        return None if isinstance(v, str) else ("HK315", {"value": shown})
    if kind is IndicatorKind.UNDEFINED:
        return ("HK305", {})
    if not _is_number(v):
        return ("HK313", kind_args)
    if kind is IndicatorKind.PERCENT and not 0 <= v <= 100:
        return ("HK311", {"value": shown})
    if kind is IndicatorKind.COUNT and (not isinstance(v, int) or v < 0):
        return ("HK312", {"value": shown})
    if kind in (IndicatorKind.RATIO, IndicatorKind.DURATION) and v < 0:
        return ("HK314", kind_args)
    return None


def _check_value(kind: IndicatorKind, v: Any, path: Path, positions: Positions) -> Iterator[Finding]:
    problem = value_problem(kind, v)
    if problem is not None:
        yield finding(problem[0], positions, path, **problem[1])


def _num(v: Any) -> float | None:
    return float(v) if _is_number(v) else None


def _check_direction(path: Path, ind: Indicator, positions: Positions) -> Iterator[Finding]:
    direction = ind.direction
    if direction not in (Direction.INCREASE, Direction.DECREASE):
        return
    rising = direction is Direction.INCREASE
    relation = ("suurempi kuin", "greater than") if rising else ("pienempi kuin", "less than")
    base = _num(ind.baseline.value) if ind.baseline else None
    for ti, t in enumerate(ind.targets):
        value = _num(t.value)
        if base is not None and value is not None and ((value <= base) if rising else (value >= base)):
            yield finding("HK306", positions, (*path, "targets", ti, "value"), target=t.value,
                          baseline=ind.baseline.value if ind.baseline else None, relation=relation[0],
                          relation_en=relation[1], direction=direction.value)
    dated = sorted((t.deadline, ti, v) for ti, t in enumerate(ind.targets)
                   if t.deadline is not None and (v := _num(t.value)) is not None)
    for (d1, t1, v1), (d2, t2, v2) in itertools.pairwise(dated):
        if (v2 < v1) if rising else (v2 > v1):
            yield finding("HK307", positions, (*path, "targets", t2, "value"), earlier=ind.targets[t1].value,
                          earlier_date=d1.isoformat(), later=ind.targets[t2].value, later_date=d2.isoformat())
