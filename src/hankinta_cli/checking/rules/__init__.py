"""Semantic checks over a validated Programme: one module per family, each a `check` function.

Every rule has the signature `check(programme, positions) -> Iterator[Finding]` and is pure:
it reads the model and the loader's positions, and yields findings. Rules meet measures and
indicators through `walk.py`, in its one order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from ..findings import Finding
from ..validate import path_text

if TYPE_CHECKING:  # a plan's rules import this package too, and never need the programme's model
    from ...model import Programme
    from ...reading.load import Positions

Path = tuple[Any, ...]
Rule = Callable[["Programme", "Positions"], Iterator[Finding]]


def finding(code: str, positions: Positions, path: Path, **args: Any) -> Finding:
    line, col = positions.locate(path)
    return Finding(code, line, col, path_text(path), args)


def all_rules() -> list[Rule]:
    from . import breakdown, dates, derived, gaps, hilma, history, ids, values

    return [ids.check, derived.check, dates.check, values.check, breakdown.check, history.check, gaps.check,
            hilma.check]
