"""What `hankinta hilma` changes: the values of every indicator with a HILMA query, computed from
notices (`computing/hilma.py`) and recorded by `record`'s add-or-replace rule (`updates.py`).

A period that already holds the computed value is left as it is (so a second run changes
nothing); one holding another value keeps it unless `replace` (a `ValueKept` says so), else the
value, its `source`, `note` and `recorded` day are replaced. Values are computed inside the edit,
from the file as it is under the lock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..checking.validate import validate
from ..computing.hilma import Computed, compute, queried
from ..notices.select import NoticeSet, Procedure
from ..vocab import NoticeCount
from ..walk import raw_indicators
from .edit import EditError, Session, ValueKept, ValueReplaced
from .updates import OBSERVATION_ORDER, add_observations, keys_before, observation_entry, observation_slot


def _note(c: Computed, count: NoticeCount, share: bool) -> str | None:
    if not share:
        return None
    unit = "menettelystä" if count is NoticeCount.PROCEDURES else "osasta"
    return f"{c.matching}/{c.counted} {unit}"


#: The files a source names; the rest are counted.
SHOWN_FILES = 3


def source_text(paths: list[Path], read: NoticeSet, day: dt.date) -> str:
    """The observation's `source`: the notices read (files, how many) and the day."""
    from ..escape import one_line

    names = [one_line(p.name or str(p)) for p in paths]
    shown = ", ".join(names[:SHOWN_FILES]) + (f" (+{len(names) - SHOWN_FILES})" if len(names) > SHOWN_FILES else "")
    return (f"eForms-ilmoitukset {shown}, luettu {day.isoformat()}: {len(read.notices)} ilmoitusta, "
            f"{len(read.procedures)} hankintaa")


def record_computed(procedures: Sequence[Procedure], source: str, today: dt.date, replace: bool,
                    buyers_given: bool = False) -> Callable[[Session], None]:
    """`procedures` are the buyers' (the caller selected them by `--buyer` when `buyers_given`,
    else by the programme's `hilma_buyers`)."""

    def change(s: Session) -> None:
        programme, findings = validate(s.data, s.doc.positions)
        if programme is None:
            raise EditError("edit_unreadable", code=1, findings=findings, path=s.doc.path)
        from ..checking.check import load_catalogue

        found = queried(programme, load_catalogue(s.doc.path.parent)[0])
        if not found:
            raise EditError("hilma_no_queries", path=s.doc.path)
        if not (buyers_given or programme.hilma_buyers):
            raise EditError("hilma_no_buyers", path=s.doc.path)
        paths = {str(ind.get("id")): path for path, ind in raw_indicators(s.data)}
        for at, query in found:
            ind = at.indicator
            path = paths[ind.id]
            new: list[dict[str, Any]] = []
            for c in compute(procedures, query, ind.granularity, today, programme.period):
                raw = s.current(path)
                try:
                    slot = observation_slot(raw, c.period, c.value, replace)
                except EditError as e:
                    if e.key != "period_taken":
                        raise
                    old = next(o.get("value") for o in raw.get("observations") if str(o.get("period")) == str(c.period))
                    s.changes.append(ValueKept(ind.id, c.period, old, c.value))
                    continue
                note = _note(c, query.count, bool(query.share))
                if slot is None:
                    continue
                if slot.index is None:
                    new.append(observation_entry(c.period, c.value, note=note, source=source, recorded=today))
                    continue
                where = (*path, "observations", slot.index)
                s.set((*where, "value"), c.value)
                for key, value in (("note", note), ("source", source), ("recorded", today)):
                    if value is not None:
                        s.set((*where, key), value, after=keys_before(OBSERVATION_ORDER, key))
                    else:  # a note of the value replaced would describe another value
                        s.delete((*where, key))
                s.changes.append(ValueReplaced((*where, "value"), c.period, slot.old, c.value))
            if new:
                add_observations(s, path, new)

    return change
