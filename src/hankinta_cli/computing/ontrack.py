"""Where an indicator stands at `as_of`: latest value, change, target, attainment, on-track class.

The rules (documented with worked examples in the README):

* baseline b: the indicator's `baseline`, else its earliest value known at `as_of`;
* target t: the first target whose deadline is on or after `as_of`; if all have passed, the
  last one; an undated target is due at the end of the programme period;
* attainment = (latest − b) / (t − b) × 100 (progress from baseline toward the target);
* straight path (default): expected = b + (t − b) × elapsed, where elapsed is the share of
  the time from the end of the baseline period to the deadline that has passed at `as_of`;
  r = (latest − b) / (expected − b);
* growth (`method: kasvuvauhti`, as Open SDG): r = observed compound annual growth from b to
  latest / growth required from b to t (years measured between period midpoints and the deadline);
* classes: the target met → saavutettu; r ≥ 0.95 → aikataulussa; r ≥ 0.6 → jäljessä;
  otherwise selvästi jäljessä; no value, no target or nothing to compare → ei arvioitavissa
  (stored as "ei tietoa"; "ei tietoa" in reports means no value at all: `without_values`); an
  indicator still to be defined → määrittelemättä;
* a partial latest value (summed from a breakdown that lacks an expected unit, units.py) is shown
  but not judged: ei arvioitavissa (osittainen arvo), with no change, attainment or missed target;
* yes/no: true → saavutettu; false → aikataulussa before the deadline, selvästi jäljessä
  after it, jäljessä without one.

Direction: `kasvu` means higher is better and `lasku` lower; for `saavutus` or none it
follows from the target: above the baseline means rising.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..model import Indicator, Target
from ..vocab import Direction, Granularity, IndicatorKind, Method, OnTrack, Reason
from .periods import Span, last_complete, span
from .series import Entry, Resolver, Value, finite

ON_TRACK_AT = 0.95
BEHIND_AT = 0.6


@dataclass
class IndicatorStatus:
    id: str
    name: str
    kind: str
    unit: str | None
    method: Method
    series: list[tuple[str, Value | None]] = field(default_factory=list)
    latest_period: str | None = None
    latest_source: str | None = None  # the `source` of the observation holding the latest value
    latest: Value | None = None
    previous_period: str | None = None
    previous: Value | None = None
    change: float | None = None
    change_pct: float | None = None
    baseline_period: str | None = None
    baseline: Value | None = None
    target: Value | None = None
    target_deadline: dt.date | None = None
    attainment: float | None = None
    expected: float | None = None
    ratio: float | None = None
    on_track: OnTrack = OnTrack.NO_DATA
    reason: Reason | None = None  # why there is no class to show
    stale: bool | None = None
    last_complete_period: str | None = None
    missed_target: bool = False  # the nearest target dated before as_of is not met
    catalogue: str | None = None
    #: period → the units missing from its value, for the partial values of `series` (units.py)
    partial: dict[str, list[str]] = field(default_factory=dict)

    @property
    def latest_missing(self) -> list[str]:
        """The units missing from the latest value ([] when it is whole or there is none)."""
        return self.partial.get(self.latest_period or "", [])

    @property
    def without_values(self) -> bool:
        """"Ei tietoa" / "no data", the one meaning everywhere (summary, report, gaps): an indicator,
        defined, with no value at all as of the day. Not the on-track class NO_DATA ("ei
        arvioitavissa"), which also holds indicators with values but no target or baseline."""
        return self.on_track is not OnTrack.UNDEFINED and all(v is None for _, v in self.series)

    def to_dict(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["on_track"] = self.on_track.value
        out["method"] = self.method.value
        out["reason"] = self.reason.value if self.reason else ""
        out["series"] = [{"period": p, "value": v} for p, v in self.series]
        out["target_deadline"] = self.target_deadline.isoformat() if self.target_deadline else None
        return out


def _num(v: Value | None) -> float | None:
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return None
    return float(v)


def _years(day: dt.date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 365.25


def _pick_target(
    targets: list[Target], as_of: dt.date, period_end: dt.date | None
) -> tuple[Target | None, dt.date | None]:
    dated = sorted(
        ((t.deadline or period_end, i, t) for i, t in enumerate(targets)),
        key=lambda x: (x[0] is None, x[0] or dt.date.max, x[1]),
    )
    for deadline, _, t in dated:
        if deadline is not None and deadline >= as_of:
            return t, deadline
    with_date = [(d, t) for d, _, t in dated if d is not None]
    if with_date:
        return with_date[-1][1], with_date[-1][0]
    return (dated[0][2], None) if dated else (None, None)


def _meets(value: float, target: float, rising: bool) -> bool:
    return value >= target if rising else value <= target


def _classify(r: float) -> OnTrack:
    if r >= ON_TRACK_AT:
        return OnTrack.ON_TRACK
    if r >= BEHIND_AT:
        return OnTrack.BEHIND
    return OnTrack.FAR_BEHIND


def evaluate(ind: Indicator, resolver: Resolver, period_end: dt.date | None = None) -> IndicatorStatus:
    as_of = resolver.as_of
    st = IndicatorStatus(ind.id, ind.name, ind.kind.value, ind.unit, ind.method_name, catalogue=ind.catalogue)
    if ind.kind is IndicatorKind.UNDEFINED:
        st.on_track, st.reason = OnTrack.UNDEFINED, Reason.UNDEFINED
        return st
    entries: list[Entry] = resolver.series(ind)
    st.series = [(s.key, v) for s, v in entries]
    st.partial = {k: list(units) for k, units in resolver.missing(ind).items()}
    if ind.granularity is not None and ind.granularity is not Granularity.ONCE:
        st.last_complete_period = last_complete(ind.granularity, as_of)
        st.stale = not any(s.key == st.last_complete_period and v is not None for s, v in entries)
    target, deadline = _pick_target(ind.targets, as_of, period_end)
    st.target, st.target_deadline = (target.value if target else None), deadline
    if not entries:
        st.reason = Reason.NO_DATA
        _missed(st, ind, as_of, period_end)
        return st
    latest_span, st.latest = entries[-1]
    st.latest_period = latest_span.key
    st.latest_source = next((o.source for o in ind.observations if str(o.period) == latest_span.key), None)
    if st.latest_missing:  # a sum without some units says nothing of progress: shown, not judged
        st.reason = Reason.PARTIAL
        return st
    if len(entries) > 1:
        st.previous_period, st.previous = entries[-2][0].key, entries[-2][1]
        a, b = _num(st.previous), _num(st.latest)
        if a is not None and b is not None:
            st.change = finite(b - a)
            st.change_pct = finite((b - a) / abs(a) * 100) if a != 0 else None
    if ind.kind is IndicatorKind.YES_NO:
        _yes_no(st, as_of)
        _missed(st, ind, as_of, period_end)
        return st
    latest = _num(st.latest)
    base_span: Span | None
    if ind.baseline is not None:
        base_span, st.baseline_period, st.baseline = (
            span(ind.baseline.period),
            str(ind.baseline.period),
            ind.baseline.value,
        )
    else:
        first = next(((s, v) for s, v in entries if _num(v) is not None), None)
        base_span = first[0] if first else None
        st.baseline_period, st.baseline = (first[0].key, first[1]) if first else (None, None)
    _missed(st, ind, as_of, period_end)
    if latest is None:
        st.reason = Reason.NOT_COMPUTABLE
        return st
    t = _num(st.target)
    if t is None:
        st.reason = Reason.NO_TARGET
        return st
    b = _num(st.baseline)
    rising = _rising(ind.direction, b, t, latest)
    met = _meets(latest, t, rising)
    overflow = False
    if b is not None and base_span is not None and not (base_span.key == latest_span.key and ind.baseline is None):
        st.attainment = finite((latest - b) / (t - b) * 100) if t != b else (100.0 if met else 0.0)
        overflow = st.attainment is None
    if met:
        st.on_track = OnTrack.ACHIEVED
        return st
    if overflow:
        st.reason = Reason.NOT_COMPUTABLE
        return st
    if b is None or base_span is None or st.attainment is None:
        # one value and no baseline: no path to compare with, only the deadline tells
        if deadline is not None and deadline < as_of:
            st.on_track = OnTrack.FAR_BEHIND
        else:
            st.reason = Reason.NO_BASELINE
        return st
    if ind.method_name is Method.GROWTH:
        _growth(st, b, t, latest, base_span, latest_span, deadline)
    else:
        _straight(st, b, t, latest, base_span, deadline, as_of, rising)
    return st


def _rising(direction: Direction | None, b: float | None, t: float, latest: float) -> bool:
    if direction is Direction.INCREASE:
        return True
    if direction is Direction.DECREASE:
        return False
    ref = b if b is not None else latest
    return t >= ref


def _yes_no(st: IndicatorStatus, as_of: dt.date) -> None:
    # the answer wanted is the target's (true unless a target says false: "no open complaints")
    wanted = st.target if isinstance(st.target, bool) else True
    if not isinstance(st.latest, bool):
        st.reason = Reason.NOT_COMPUTABLE
    elif st.latest is wanted:
        st.on_track = OnTrack.ACHIEVED
    else:
        deadline = st.target_deadline
        if deadline is None:
            st.on_track = OnTrack.BEHIND
        else:
            st.on_track = OnTrack.FAR_BEHIND if deadline < as_of else OnTrack.ON_TRACK


def _straight(
    st: IndicatorStatus, b: float, t: float, latest: float, base: Span, deadline: dt.date | None, as_of: dt.date,
    rising: bool,
) -> None:
    if deadline is None:
        # no date to draw the path to: judge by how much of the way has been covered
        assert st.attainment is not None
        st.ratio = st.attainment / 100
        st.on_track = _classify(st.ratio)
        return
    total = (deadline - base.end).days
    elapsed = 1.0 if total <= 0 else min(max((as_of - base.end).days / total, 0.0), 1.0)
    st.expected = finite(b + (t - b) * elapsed)
    if st.expected == b:
        # Nothing was expected yet (the date is not past the baseline period, or the target is the
        # baseline): r's denominator is 0. A value no worse than the baseline is on track; one gone
        # the wrong way is far behind, the limit of r as the progress expected tends to nothing.
        worse = latest < b if rising else latest > b
        st.on_track = OnTrack.FAR_BEHIND if worse else OnTrack.ON_TRACK
        return
    st.ratio = None if st.expected is None else finite((latest - b) / (st.expected - b))
    if st.ratio is None:
        st.reason = Reason.NOT_COMPUTABLE
        return
    st.on_track = _classify(st.ratio)


def _growth(
    st: IndicatorStatus, b: float, t: float, latest: float, base: Span, latest_span: Span, deadline: dt.date | None
) -> None:
    if deadline is None or b <= 0 or latest <= 0 or t <= 0:
        st.reason = Reason.GROWTH_NOT_COMPUTABLE
        return
    observed_years = latest_span.years - base.years
    required_years = _years(deadline) - base.years
    if observed_years <= 0 or required_years <= 0:
        st.reason = Reason.GROWTH_NOT_COMPUTABLE
        return
    try:
        observed = (latest / b) ** (1 / observed_years) - 1
        required = (t / b) ** (1 / required_years) - 1
        st.ratio = finite(observed / required) if required != 0 else None
    except OverflowError:  # a growth factor beyond any float (tiny baseline, short time)
        st.ratio = None
    if st.ratio is None:
        st.reason = Reason.GROWTH_NOT_COMPUTABLE
        return
    st.on_track = _classify(st.ratio)


def _missed(st: IndicatorStatus, ind: Indicator, as_of: dt.date, period_end: dt.date | None) -> None:
    """Is the latest value below the nearest target whose deadline is before `as_of`?"""
    passed: list[tuple[dt.date, Target]] = []
    for candidate in ind.targets:
        d = candidate.deadline or period_end
        if d is not None and d < as_of:
            passed.append((d, candidate))
    if not passed:
        return
    _, target = max(passed, key=lambda x: x[0])
    if isinstance(target.value, bool):
        st.missed_target = st.latest is not target.value and st.latest is not None
        return
    latest, t = _num(st.latest), _num(target.value)
    if latest is None or t is None:
        return
    rising = _rising(ind.direction, _num(st.baseline), t, latest)
    st.missed_target = not _meets(latest, t, rising)
