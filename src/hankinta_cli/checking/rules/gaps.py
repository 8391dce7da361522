"""Facts a programme should have but the source left out are reported as gaps (warnings).

PASS: a measure with `responsible: [hankintapalvelut]` and `schedule: {year: 2025}`.
WARN: a measure without `responsible` (HK401) or without `schedule` (HK402). The data
stays missing: the tool shows the gap, it never fills it in.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Programme
from ...reading.load import Positions
from ...walk import measures
from ..findings import Finding
from . import finding


def check(p: Programme, positions: Positions) -> Iterator[Finding]:
    for at in measures(p):
        path, m = at.path, at.measure
        if not m.responsible:
            yield finding("HK401", positions, (*path, "id"), id=m.id)
        if m.schedule is None:
            yield finding("HK402", positions, (*path, "id"), id=m.id)
