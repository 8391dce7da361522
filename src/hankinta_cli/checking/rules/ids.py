"""Ids are unique within a programme and every indicator reference resolves.

PASS::

    themes:
      - id: T1
        goals:
          - id: "1"
            indicators: [{id: M1, name: ..., kind: lukumäärä}]
          - id: "2"
            indicator_refs: [M1]

FAIL: two items with id "1" (HK201); `indicator_refs: [M9]` with no indicator M9 (HK202).
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Programme
from ...reading.load import Positions
from ...walk import indicators, items, references
from ..findings import Finding
from ..validate import suggest
from . import finding


def check(p: Programme, positions: Positions) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for path, item in sorted(items(p), key=lambda x: positions.locate(x[0])):
        first = seen.get(item.id)
        if first is not None:
            yield finding("HK201", positions, (*path, "id"), id=item.id, first=first)
        else:
            seen[item.id] = positions.locate((*path, "id"))[0]
    known = [at.indicator.id for at in indicators(p)]
    known_set = set(known)
    for ref in references(p):
        if ref.id not in known_set:
            yield finding("HK202", positions, ref.path, id=ref.id, did_you_mean=suggest(ref.id, known),
                          allowed=", ".join(known) or "–")
        elif ref.id in {ind.id for ind in ref.holder.indicators}:
            yield finding("HK203", positions, ref.path, id=ref.id)
