"""Values by unit (`breakdown`) fit their indicator and the programme's reporting units.

PASS::

    reporting_units: [Sote, Tekninen]          # the programme's (or an indicator's own)
    ...
      kind: lukumäärä
      observations:
        - {period: 2024, breakdown: {Sote: 3, Tekninen: 1}}     # value 4, summed
        - {period: 2025, value: 5, breakdown: {Sote: 4, Tekninen: 1}}

FAIL: `value: 5` beside a breakdown adding up to 4 (HK316); only a breakdown on a percentage, ratio
or duration, which is never summed (HK317); a breakdown on a yes/no or qualitative indicator
(HK318); a unit not among the declared reporting units (HK319, with the closest name); a unit's
value that does not fit the kind (a count of 1.5: HK312, as for any value).
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from ...computing.units import PER_UNIT, SUMMABLE, breakdown_sum, expected_units
from ...model import Indicator, Programme
from ...reading.load import Positions
from ...vocab import IndicatorKind
from ...walk import indicators
from ..findings import Finding
from ..validate import suggest
from . import Path, finding
from .values import value_problem

_KIND_EN = {k: k.label.en for k in IndicatorKind}


def check(p: Programme, positions: Positions) -> Iterator[Finding]:
    for at in indicators(p):
        if at.indicator.kind is not IndicatorKind.UNDEFINED:  # its values are HK305 already
            yield from _check_indicator(p, at.path, at.indicator, positions)


def _check_indicator(p: Programme, path: Path, ind: Indicator, positions: Positions) -> Iterator[Finding]:
    kind = ind.kind
    names = {"kind": kind.value, "kind_en": _KIND_EN[kind]}
    expected = expected_units(p, ind)
    for oi, obs in enumerate(ind.observations):
        opath = (*path, "observations", oi)
        if not obs.breakdown:
            continue
        if kind not in SUMMABLE | PER_UNIT:
            yield finding("HK318", positions, (*opath, "breakdown"), **names)
            continue
        if obs.value is None and kind not in SUMMABLE:
            yield finding("HK317", positions, (*opath, "breakdown"), **names)
        for unit, value in obs.breakdown.items():
            where = (*opath, "breakdown", unit)
            if expected and unit not in expected:
                yield finding("HK319", positions, where, unit=unit, did_you_mean=suggest(unit, expected),
                              allowed=", ".join(expected))
            problem = value_problem(kind, value)
            if problem is not None:
                yield finding(problem[0], positions, where, **problem[1])
        total = breakdown_sum(obs.breakdown)
        if kind in SUMMABLE and isinstance(obs.value, (int, float)) and not isinstance(obs.value, bool) \
                and total is not None and not math.isclose(obs.value, total, rel_tol=1e-9, abs_tol=1e-9):
            yield finding("HK316", positions, (*opath, "value"), total=total, value=obs.value)
