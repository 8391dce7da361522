"""One programme at `as_of`: every indicator and measure evaluated, and counts per goal, theme
and programme. This is the structure the `indicators` command and the reports consume."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .. import walk
from ..model import Programme
from ..vocab import FINISHED, UNREPORTED, OnTrack, Status
from .measures import MeasureStatus, evaluate_measures
from .ontrack import IndicatorStatus, evaluate
from .series import Resolver, all_indicators


@dataclass
class Counts:
    measures: int = 0
    by_status: dict[str, int] = field(default_factory=dict)  # status value, or UNREPORTED's
    finished: int = 0
    overdue: int = 0
    late: int = 0
    without_responsible: int = 0
    without_schedule: int = 0
    indicators: int = 0
    by_on_track: dict[str, int] = field(default_factory=dict)
    without_data: int = 0
    undefined: int = 0
    stale: int = 0

    @property
    def share_finished(self) -> float | None:
        return self.finished / self.measures * 100 if self.measures else None

    def to_dict(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["share_finished"] = self.share_finished
        return out


def count(measures: list[MeasureStatus], indicators: list[IndicatorStatus]) -> Counts:
    c = Counts(measures=len(measures), indicators=len(indicators))
    statuses = Counter(m.status or UNREPORTED for m in measures)
    c.by_status = {s.value: statuses.get(s, 0) for s in (*Status, UNREPORTED)}
    c.finished = sum(m.status in FINISHED for m in measures)
    c.overdue = sum(m.overdue for m in measures)
    c.late = sum(m.late for m in measures)
    c.without_responsible = sum(not m.responsible for m in measures)
    c.without_schedule = sum(not m.has_schedule for m in measures)
    classes = Counter(i.on_track for i in indicators)
    c.by_on_track = {o.value: classes.get(o, 0) for o in OnTrack}
    c.without_data = sum(i.without_values for i in indicators)
    c.undefined = classes.get(OnTrack.UNDEFINED, 0)
    c.stale = sum(bool(i.stale) for i in indicators)
    return c


@dataclass
class ProgrammeStatus:
    programme: Programme
    as_of: dt.date
    indicators: list[IndicatorStatus]
    measures: list[MeasureStatus]
    overall: Counts
    by_theme: dict[str, Counts]
    by_goal: dict[str, Counts]
    owner: dict[str, tuple[str, str | None]]  # indicator id → (theme id, goal id or None)


def evaluate_programme(p: Programme, as_of: dt.date) -> ProgrammeStatus:
    resolver = Resolver(p, as_of)
    period_end = p.period.end if p.period else None
    indicators = [evaluate(i, resolver, period_end) for i in all_indicators(p)]
    by_id = {i.id: i for i in indicators}
    measures = evaluate_measures(p, as_of, by_id)
    owner = {at.indicator.id: (at.theme.id, at.goal.id if at.goal else None)
             for at in walk.indicators(p) if at.theme is not None}
    return counted(ProgrammeStatus(p, as_of, indicators, measures, Counts(), {}, {}, owner))


def counted(st: ProgrammeStatus) -> ProgrammeStatus:
    """`st` with its counts (overall, per theme, per goal) made from its measures and indicators."""
    p, measures, owner = st.programme, st.measures, st.owner
    by_id = {i.id: i for i in st.indicators}
    by_theme, by_goal = {}, {}
    for t in p.themes:
        t_inds = [by_id[i] for i, (th, _) in owner.items() if th == t.id and i in by_id]
        by_theme[t.id] = count([m for m in measures if m.theme == t.id], t_inds)
        for g in t.goals:
            g_inds = [by_id[i] for i, (_, go) in owner.items() if go == g.id and owner[i][0] == t.id and i in by_id]
            by_goal[g.id] = count([m for m in measures if m.goal == g.id and m.theme == t.id], g_inds)
    return dataclasses.replace(st, overall=count(measures, st.indicators), by_theme=by_theme, by_goal=by_goal)
