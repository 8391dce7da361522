"""A measure's status history is in date order and agrees with its current status.

PASS::

    status: valmis
    history:
      - {date: 2024-03-01, status: käynnissä}
      - {date: 2024-11-20, status: valmis}

FAIL: entries out of date order (HK309). WARN: `status` differs from the last entry (HK310).
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
        for i in range(1, len(m.history)):
            prev, cur = m.history[i - 1], m.history[i]
            if cur.date < prev.date:
                yield finding("HK309", positions, (*path, "history", i, "date"),
                              date=cur.date.isoformat(), previous=prev.date.isoformat())
        if m.history and m.status is not None and m.history[-1].status != m.status:
            yield finding("HK310", positions, (*path, "status"),
                          status=m.status.value, last=m.history[-1].status.value)
