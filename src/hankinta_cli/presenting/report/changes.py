"""What changed in a programme since the last report.

Two sources, both pure: the status histories (entries dated after a day), and a comparison
with an earlier version of the file (from git, read by the caller): new measures, status
changes, new and changed indicator values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ... import walk
from ...computing.series import all_indicators
from ...computing.units import Value, expected_units, organisation_value
from ...model import Indicator, Measure, Observation, Programme


@dataclass
class Change:
    kind: str  # "status" | "note" | "new_measure" | "new_value" | "changed_value"
    id: str
    title: str
    date: dt.date | None = None
    status: str | None = None
    previous_status: str | None = None
    note: str | None = None
    period: str | None = None
    value: object = None
    previous_value: object = None
    unit: str | None = None  # an indicator's own unit, as written in the programme
    indicator_kind: str | None = None  # an indicator's kind (vocab.IndicatorKind), for its default unit
    missing: tuple[str, ...] = ()  # a value summed from units: the expected units it lacks (partial)


def _measures(p: Programme) -> list[Measure]:
    return [at.measure for at in walk.measures(p)]


def since_date(p: Programme, since: dt.date, as_of: dt.date) -> list[Change]:
    """Status history entries dated after `since` (up to `as_of`), and indicator values recorded
    then (`recorded`, which `record` and `import` write). An entry that keeps the status it
    follows is a note on the status ("note"), not a change of it."""
    out = []
    for m in _measures(p):
        previous = None
        for h in m.history:
            if since < h.date <= as_of:
                kind = "note" if previous == h.status else "status"
                out.append(Change(kind, m.id, m.title, h.date, h.status.value,
                                  previous.value if previous and kind == "status" else None, h.note))
            if h.date <= as_of:
                previous = h.status
    for ind in all_indicators(p):
        for o in ind.observations:
            if o.recorded is not None and since < o.recorded <= as_of:
                whole = organisation_value(o, ind.kind, expected_units(p, ind))
                out.append(Change("new_value", ind.id, ind.name, o.recorded, period=str(o.period), value=whole.value,
                                  note=o.note, unit=ind.unit, indicator_kind=ind.kind, missing=whole.missing))
    out.sort(key=lambda c: (c.date or dt.date.min, c.id))
    return out


def _value(o: Observation, ind: Indicator) -> Value | None:
    """The observation's value for the organisation: as given, or summed from its units (units.py)."""
    return organisation_value(o, ind.kind, ()).value


def since_version(old: Programme, new: Programme) -> list[Change]:
    """Differences between an earlier version of the file and the current one."""
    out: list[Change] = []
    before = {m.id: m for m in _measures(old)}
    for m in _measures(new):
        was = before.get(m.id)
        if was is None:
            out.append(Change("new_measure", m.id, m.title, status=m.status.value if m.status else None))
            continue
        if was.status != m.status:
            last = m.history[-1] if m.history else None
            out.append(Change("status", m.id, m.title, last.date if last else None,
                              m.status.value if m.status else None, was.status.value if was.status else None,
                              last.note if last else None))
    old_inds = {i.id: i for i in all_indicators(old)}
    for ind in all_indicators(new):
        was_ind = old_inds.get(ind.id)
        prior = {str(o.period): _value(o, was_ind) for o in was_ind.observations} if was_ind else {}
        for o in ind.observations:
            key, whole = str(o.period), organisation_value(o, ind.kind, expected_units(new, ind))
            if key not in prior:
                out.append(Change("new_value", ind.id, ind.name, period=key, value=whole.value, unit=ind.unit,
                                  indicator_kind=ind.kind, missing=whole.missing))
            elif prior[key] != whole.value:
                out.append(Change("changed_value", ind.id, ind.name, period=key, value=whole.value,
                                  previous_value=prior[key], unit=ind.unit, indicator_kind=ind.kind,
                                  missing=whole.missing))
    return out
