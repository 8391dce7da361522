"""Semantic checks over a validated Programme: one module per family, each a `check` function.

Every rule has the signature `check(programme, positions) -> Iterator[Finding]` and is pure:
it reads the model and the loader's positions, and yields findings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..findings import Finding
from ..load import Positions
from ..model import Indicator, Measure, Programme
from ..validate import path_text

Path = tuple[Any, ...]
Rule = Callable[[Programme, Positions], Iterator[Finding]]


def finding(code: str, positions: Positions, path: Path, **args: Any) -> Finding:
    line, col = positions.locate(path)
    return Finding(code, line, col, path_text(path), args)


def measures(p: Programme) -> Iterator[tuple[Path, Measure]]:
    for ti, theme in enumerate(p.themes):
        for mi, m in enumerate(theme.measures):
            yield ("themes", ti, "measures", mi), m
        for gi, goal in enumerate(theme.goals):
            for mi, m in enumerate(goal.measures):
                yield ("themes", ti, "goals", gi, "measures", mi), m


def indicators(p: Programme) -> Iterator[tuple[Path, Indicator]]:
    for ii, ind in enumerate(p.indicators):
        yield ("indicators", ii), ind
    for ti, theme in enumerate(p.themes):
        for gi, goal in enumerate(theme.goals):
            for ii, ind in enumerate(goal.indicators):
                yield ("themes", ti, "goals", gi, "indicators", ii), ind
    for path, m in measures(p):
        for ii, ind in enumerate(m.indicators):
            yield (*path, "indicators", ii), ind


def all_rules() -> list[Rule]:
    from . import dates, derived, gaps, history, ids, values

    return [ids.check, derived.check, dates.check, values.check, history.check, gaps.check]
