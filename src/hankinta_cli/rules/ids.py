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
from typing import Any

from ..findings import Finding
from ..load import Positions
from ..model import Programme
from ..validate import suggest
from . import Path, finding, indicators, measures


def _owners(p: Programme) -> Iterator[tuple[Path, Any]]:
    """Every item that has an id, in file order."""
    for ti, theme in enumerate(p.themes):
        yield ("themes", ti), theme
        for gi, goal in enumerate(theme.goals):
            yield ("themes", ti, "goals", gi), goal
    yield from measures(p)
    yield from indicators(p)


def check(p: Programme, positions: Positions) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for path, item in sorted(_owners(p), key=lambda x: positions.locate(x[0])):
        first = seen.get(item.id)
        if first is not None:
            yield finding("HK201", positions, (*path, "id"), id=item.id, first=first)
        else:
            seen[item.id] = positions.locate((*path, "id"))[0]
    known = [ind.id for _, ind in indicators(p)]
    known_set = set(known)
    holders: list[tuple[Path, Any]] = [
        (("themes", ti, "goals", gi), g) for ti, t in enumerate(p.themes) for gi, g in enumerate(t.goals)
    ]
    holders += list(measures(p))
    for path, holder in holders:
        own = {ind.id for ind in holder.indicators}
        for ri, ref in enumerate(holder.indicator_refs):
            where = (*path, "indicator_refs", ri)
            if ref not in known_set:
                yield finding("HK202", positions, where, id=ref, did_you_mean=suggest(ref, known),
                              allowed=", ".join(known) or "–")
            elif ref in own:
                yield finding("HK203", positions, where, id=ref)
