"""HILMA queries fit their indicator, and the programme names whose notices they count.

PASS::

    hilma_buyers: [0201256-6]
    ...
    - id: M18.2
      kind: prosentti
      source: hilma
      hilma: {count: menettelyt, notices: [jälki-ilmoitus], share: [ympäristö]}

FAIL: a query without `share` (a count) on a `prosentti` indicator, or one with `share` on a
`lukumäärä` indicator (HK211). WARN: queries but no `hilma_buyers` (HK403, a gap: the ids are
never invented; `hankinta hilma --buyer` may give them). Unknown words in a query are model
findings (HK210, validate.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Catalogue, Programme
from ...reading.load import Positions
from ...vocab import IndicatorKind
from ...walk import indicators
from ..findings import Finding
from ..validate import QUERY_KEY
from . import finding


def check(p: Programme, positions: Positions) -> Iterator[Finding]:
    queried = [at for at in indicators(p) if at.indicator.hilma is not None]
    for at in queried:
        query, kind = at.indicator.hilma, at.indicator.kind
        assert query is not None
        expected = IndicatorKind.PERCENT if query.share else IndicatorKind.COUNT
        if kind is not expected:
            gives = ("prosenttiosuuden", "a percentage") if query.share else ("lukumäärän", "a count")
            yield finding("HK211", positions, (*at.path, "kind"), gives=gives[0], gives_en=gives[1],
                          kind=kind.value)


def check_buyers(p: Programme, positions: Positions, catalogue: Catalogue | None) -> Iterator[Finding]:
    """HK403: indicators count notices (their own query or the catalogue's) but no buyer is named."""
    from ...computing.hilma import queried

    found = queried(p, catalogue)
    if found and not p.hilma_buyers:
        at, _ = found[0]
        where = QUERY_KEY if at.indicator.hilma is not None else "catalogue"
        yield finding("HK403", positions, (*at.path, where), count=len(found))
