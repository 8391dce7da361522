"""Values by organisation unit (an observation's `breakdown`): the organisation's value summed from
its units, and each unit's own values across indicators and periods (Helsinki's many units).

The rules (README "Yksiköittäin"):

* a lukumäärä or raha observation may give only a `breakdown`: its value is the sum of the units';
* the units expected to report are the indicator's `reporting_units`, else the programme's; a value
  summed from a breakdown that lacks one of them is **partial** and names the units missing. It is
  shown as partial everywhere and is never judged against a target (ei arvioitavissa: osittainen
  arvo), as a derived sum with a missing input has no value;
* a value given beside its breakdown is the organisation's value as given (`check` reports one the
  breakdown does not add up to, HK316); it is never partial;
* a breakdown of a percentage, ratio or duration holds each unit's own value and is never summed:
  such an observation needs its own value (HK317).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import Indicator, Observation, Programme
from ..vocab import IndicatorKind
from ..walk import indicators
from .periods import span

#: The kinds whose values add up: across units here, across programmes in the roll-up.
SUMMABLE = frozenset({IndicatorKind.COUNT, IndicatorKind.MONEY})
#: The kinds whose breakdown is each unit's own value, shown by unit but never summed.
PER_UNIT = frozenset({IndicatorKind.PERCENT, IndicatorKind.RATIO, IndicatorKind.DURATION})

Value = float | int | bool | str


@dataclass(frozen=True)
class OrganisationValue:
    """An observation's value for the whole organisation: as given, or summed from its breakdown
    (`summed`), then partial when `missing` names expected units absent from the breakdown."""

    value: Value | None
    missing: tuple[str, ...] = ()
    summed: bool = False

    @property
    def partial(self) -> bool:
        return bool(self.missing)


def expected_units(programme: Programme, indicator: Indicator) -> list[str]:
    """The units expected in `indicator`'s breakdowns: its own `reporting_units`, else the programme's."""
    return list(indicator.reporting_units) if indicator.reporting_units is not None else list(programme.reporting_units)


def breakdown_sum(breakdown: dict[str, int | float]) -> int | float | None:
    """The units' values added up (an int when all are; None past the float range, as `finite`)."""
    total = sum(breakdown.values())
    if isinstance(total, float) and not math.isfinite(total):
        return None
    return total


def organisation_value(obs: Observation, kind: IndicatorKind, expected: Sequence[str]) -> OrganisationValue:
    """`obs`'s value for the organisation (see the module's rules). None when it gives only a
    breakdown of a kind that does not add up (`check` reports it, HK317)."""
    if obs.value is not None:
        return OrganisationValue(obs.value)
    if kind not in SUMMABLE or not obs.breakdown:
        return OrganisationValue(None)
    missing = tuple(u for u in expected if u not in obs.breakdown)
    return OrganisationValue(breakdown_sum(obs.breakdown), missing, summed=True)


# --- a unit's view ----------------------------------------------------------------------------------------------


@dataclass
class UnitIndicator:
    """One indicator as one unit reported it: its values by period (`values`), the organisation's
    value beside them (`organisation`), and the periods whose breakdown left this expected unit out
    (`missing`)."""

    programme: str
    id: str
    name: str
    kind: str
    unit: str | None
    values: dict[str, int | float] = field(default_factory=dict)
    organisation: dict[str, Value | None] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    summable: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"programme": self.programme, "id": self.id, "name": self.name, "kind": self.kind, "unit": self.unit,
                "summable": self.summable,
                "values": [{"period": p, "value": v} for p, v in self.values.items()],
                "organisation": [{"period": p, "value": v} for p, v in self.organisation.items()],
                "missing": list(self.missing)}


@dataclass
class UnitView:
    """One organisation unit across the programmes: the indicators it reported by `breakdown` (or was
    expected to), in outline order; `declared_in`: the programmes naming it in `reporting_units`
    (empty for a unit met only in breakdowns)."""

    name: str
    declared_in: list[str] = field(default_factory=list)
    indicators: list[UnitIndicator] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"unit": self.name, "declared_in": list(self.declared_in),
                "indicators": [i.to_dict() for i in self.indicators]}


def unit_names(programmes: Iterable[Programme]) -> list[str]:
    """Every unit the programmes name: declared ones first (in their order), then those met only in
    breakdowns (in outline order)."""
    names: dict[str, None] = {}
    programmes = list(programmes)
    for p in programmes:
        names.update(dict.fromkeys(p.reporting_units))
    for p in programmes:
        for at in indicators(p):
            names.update(dict.fromkeys(at.indicator.reporting_units or []))
            for obs in at.indicator.observations:
                names.update(dict.fromkeys(obs.breakdown or {}))
    return list(names)


def check_unit(unit: str | None, programmes: Iterable[Programme]) -> None:
    """UserError (exit 2) when `unit` is given and no programme names it: the message lists the
    units there are and proposes the closest."""
    if not unit:
        return
    known = unit_names(programmes)
    if unit in known:
        return
    from ..checking.validate import guessed
    from ..errors import UserError

    if not known:  # nothing to choose from: say why, not "units: –"
        raise UserError("bad_unit_none", value=unit)
    raise UserError("bad_unit", value=unit, allowed=", ".join(known), **guessed(unit, known))


def unit_views(programmes: Sequence[Programme], as_of: dt.date, only: str | None = None) -> list[UnitView]:
    """Each unit's values (unit → indicator → period → value) over `programmes`, as known at `as_of`
    (an observation whose period has begun by then); `only`: that unit alone. A unit with nothing
    reported and nothing expected of it is still listed (an empty `indicators`)."""
    views = {name: UnitView(name) for name in unit_names(programmes) if only is None or name == only}
    for p in programmes:
        for name in p.reporting_units:
            if name in views:
                views[name].declared_in.append(p.id)
        for at in indicators(p):
            _add_indicator(views, p, at.indicator, as_of)
    return list(views.values())


def _add_indicator(views: dict[str, UnitView], p: Programme, ind: Indicator, as_of: dt.date) -> None:
    expected = expected_units(p, ind)
    rows: dict[str, UnitIndicator] = {}

    def row(name: str) -> UnitIndicator:
        if name not in rows:
            rows[name] = UnitIndicator(p.id, ind.id, ind.name, ind.kind.value, ind.unit, summable=ind.kind in SUMMABLE)
        return rows[name]

    known = []
    for obs in ind.observations:
        try:
            s = span(obs.period)
        except ValueError:
            continue
        if s.start <= as_of and obs.breakdown:
            known.append((s, obs))
    for s, obs in sorted(known, key=lambda e: e[0]):
        assert obs.breakdown is not None
        whole = organisation_value(obs, ind.kind, expected).value
        for name, value in obs.breakdown.items():
            if name in views:
                row(name).values[s.key] = value
                rows[name].organisation[s.key] = whole
        for name in expected:
            if name in views and name not in obs.breakdown:
                row(name).missing.append(s.key)
                rows[name].organisation[s.key] = whole
    for name, r in rows.items():
        r.organisation = dict(sorted(r.organisation.items(), key=lambda kv: span(kv[0])))
        views[name].indicators.append(r)


def merge_unit_views(parts: Iterable[Sequence[UnitView]]) -> list[UnitView]:
    """The views of several programmes made one at a time (`unit_views([p], …)` each, in a worker)
    joined as `unit_views` of them all makes them: units declared by a programme first (in the
    programmes' order), then those met only in breakdowns; each unit's indicators in programme order."""
    parts = [list(p) for p in parts]
    order: dict[str, None] = {}
    for part in parts:
        order.update(dict.fromkeys(v.name for v in part if v.declared_in))
    for part in parts:
        order.update(dict.fromkeys(v.name for v in part))
    merged = {name: UnitView(name) for name in order}
    for part in parts:
        for v in part:
            merged[v.name].declared_in += v.declared_in
            merged[v.name].indicators += v.indicators
    return list(merged.values())
