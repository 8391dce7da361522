"""The shared indicator catalogue: unique ids; programme indicators refer to entries that exist.

PASS: `catalogue: ymparistokriteerit` on a programme indicator, with that entry in
mittaristo.yaml beside the programme, both of kind lukumäärä.
FAIL: an id used twice in the catalogue (HK201); a reference to a missing entry or with no
catalogue beside the file (HK208). WARN: a kind that differs from the entry's (HK209).
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Catalogue, Programme
from ...reading.load import Positions
from ...walk import indicators
from ..findings import Finding
from ..validate import guessed
from . import finding


def check_catalogue(cat: Catalogue, positions: Positions) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for i, entry in enumerate(cat.indicators):
        where = ("indicators", i, "id")
        if entry.id in seen:
            yield finding("HK201", positions, where, id=entry.id, first=seen[entry.id])
        else:
            seen[entry.id] = positions.locate(where)[0]


def check_refs(p: Programme, positions: Positions, cat: Catalogue | None) -> Iterator[Finding]:
    entries = {e.id: e for e in cat.indicators} if cat else {}
    for at in indicators(p):
        path, ind = at.path, at.indicator
        if ind.catalogue is None:
            continue
        entry = entries.get(ind.catalogue)
        if entry is None:
            if cat is None:
                where, where_en = ("Yhteistä mittaristoa (mittaristo.yaml) ei ole ohjelman kansiossa.",
                                   "There is no shared catalogue (mittaristo.yaml) in the programme's folder.")
            else:
                guess = guessed(ind.catalogue, list(entries))
                where = guess["guess"] + "Mittariston mittarit: " + ", ".join(entries)
                where_en = guess["guess_en"] + "Catalogue: " + ", ".join(entries)
            yield finding("HK208", positions, (*path, "catalogue"), id=ind.catalogue, where=where,
                          where_en=where_en)
        elif entry.kind is not ind.kind and ind.derived is None:
            yield finding("HK209", positions, (*path, "kind"), kind=ind.kind.value, id=entry.id,
                          expected=entry.kind.value)
