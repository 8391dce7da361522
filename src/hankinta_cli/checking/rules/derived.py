"""Derived indicators refer to indicators that exist, without cycles, and hold no observations.

PASS::

    - {id: M1, name: Kilpailutetut ostot, kind: raha}
    - {id: M2, name: Suoraostot, kind: raha}
    - id: M3
      name: Kilpailutetut / suoraostot
      kind: suhde
      numerator: kilpailutettujen hankintojen ostot €
      denominator: suoraostot €
      derived: {op: suhde, of: [M1, M2]}

FAIL: `of: [M1, M9]` with no M9 (HK204); M3 derived from M4 and M4 from M3 (HK205);
`observations` on a derived indicator (HK206); a ratio or share without two inputs (HK207).
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Programme
from ...reading.load import Positions
from ...vocab import DerivedOp
from ...walk import indicators
from ..findings import Finding
from ..validate import suggest
from . import finding


def check(p: Programme, positions: Positions) -> Iterator[Finding]:
    all_inds = {at.path: at.indicator for at in indicators(p)}
    paths = {ind.id: path for path, ind in all_inds.items()}
    by_id = {ind.id: ind for ind in all_inds.values()}
    known = list(by_id)
    for path, ind in all_inds.items():
        if ind.derived is None:
            continue
        if ind.observations:
            yield finding("HK206", positions, (*path, "observations"), id=ind.id)
        if ind.derived.op in (DerivedOp.RATIO, DerivedOp.SHARE) and len(ind.derived.of) != 2:
            yield finding("HK207", positions, (*path, "derived", "of"), op=ind.derived.op.value)
        for ri, ref in enumerate(ind.derived.of):
            if ref not in by_id:
                yield finding("HK204", positions, (*path, "derived", "of", ri), id=ref,
                              did_you_mean=suggest(ref, known), allowed=", ".join(known))
    # cycles: depth-first over derived edges; report each cycle once, at its first member in file order
    reported: set[frozenset[str]] = set()
    for start in by_id:
        stack: list[tuple[str, list[str]]] = [(start, [start])]
        while stack:
            node, trail = stack.pop()
            derived = by_id[node].derived
            for ref in derived.of if derived else []:
                if ref == start:
                    members = frozenset(trail)
                    if members not in reported:
                        reported.add(members)
                        yield finding("HK205", positions, (*paths[start], "derived", "of"),
                                      cycle=" → ".join([*trail, start]))
                elif ref in by_id and ref not in trail:
                    stack.append((ref, [*trail, ref]))
