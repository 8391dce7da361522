"""One traversal of a programme: every measure and indicator with its place, in one order.

Rules, calculations, report changes, the status rows and the edits all walk a programme
through this module, so they meet the items in the same order and name them by the same path.

The order is the programme's outline: an item's own entries come before those of the items it
contains.

1. the programme's own indicators;
2. then each theme in turn: its own measures (each followed by its indicators), then each
   of its goals: the goal's own indicators, then its measures (each followed by its indicators).

The paths are the data's (`("themes", 0, "goals", 1, "measures", 2)`), as the loader's positions
and the edits use them. `measures`/`indicators` walk a validated `Programme`; `raw_measures`/
`raw_indicators` walk the same shape in loaded data (plain dicts and lists, not yet validated),
which is what the edits change; entries that are not mappings are skipped, keeping the indices.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:  # the model imports pydantic; the raw walkers run before any validation
    from .model import Goal, Indicator, Measure, Programme, Theme

Path = tuple[Any, ...]
Owner = Literal["programme", "goal", "measure"]
#: The entries of `key` in a node, with their index in the data: `(index, child)`.
Children = Callable[[Any, str], Iterable[tuple[int, Any]]]


class MeasureAt(NamedTuple):
    """A measure, where it is in the data and which theme (and goal, if any) holds it."""

    path: Path
    measure: Measure
    theme: Theme
    goal: Goal | None


class IndicatorAt(NamedTuple):
    """An indicator defined in the programme (not a reference to one), with its owner."""

    path: Path
    indicator: Indicator
    theme: Theme | None  # None for a programme-level indicator
    goal: Goal | None
    measure: Measure | None

    @property
    def owner(self) -> Owner:
        return "measure" if self.measure is not None else "goal" if self.goal is not None else "programme"


class ReferenceAt(NamedTuple):
    """An entry of a goal's or a measure's `indicator_refs`: an indicator defined elsewhere."""

    path: Path  # of the entry itself, e.g. (..., "indicator_refs", 0)
    id: str
    holder: Goal | Measure


# --- the one walk --------------------------------------------------------------------------------------------

#: What `_outline` yields (flags): measures; indicators; themes, goals and measures (whatever holds
#: something). It descends only as far as needed.
MEASURES, INDICATORS, CONTAINERS = 1, 2, 4
Step = tuple[str, Path, Any, Any, Any, Any]


def _outline(root: Any, children: Children, want: int) -> Iterator[Step]:
    """(kind, path, item, theme, goal, measure) for the items `want`ed, in outline order; kind is
    "theme", "goal", "measure" or "indicator". Checks walk every programme several times: keep
    this loop lean."""
    inds = bool(want & INDICATORS)
    if inds:
        for ii, ind in children(root, "indicators"):
            yield "indicator", ("indicators", ii), ind, None, None, None
    for ti, theme in children(root, "themes"):
        tpath: Path = ("themes", ti)
        if want & CONTAINERS:
            yield "theme", tpath, theme, theme, None, None
        yield from _measures_of(tpath, children(theme, "measures"), children, theme, None, want)
        for gi, goal in children(theme, "goals"):
            gpath = (*tpath, "goals", gi)
            if want & CONTAINERS:
                yield "goal", gpath, goal, theme, goal, None
            if inds:
                for ii, ind in children(goal, "indicators"):
                    yield "indicator", (*gpath, "indicators", ii), ind, theme, goal, None
            yield from _measures_of(gpath, children(goal, "measures"), children, theme, goal, want)


def _measures_of(holder: Path, measures: Iterable[tuple[int, Any]], children: Children, theme: Any, goal: Any,
                 want: int) -> Iterator[Step]:
    for mi, m in measures:
        mpath = (*holder, "measures", mi)
        if want & (MEASURES | CONTAINERS):
            yield "measure", mpath, m, theme, goal, None
        if want & INDICATORS:
            for ii, ind in children(m, "indicators"):
                yield "indicator", (*mpath, "indicators", ii), ind, theme, goal, m


def _model_children(node: Any, key: str) -> Iterable[tuple[int, Any]]:
    return enumerate(getattr(node, key))


def _raw_children(node: Any, key: str) -> Iterable[tuple[int, Any]]:
    items = node.get(key) if isinstance(node, dict) else None
    if not isinstance(items, list):
        return ()
    return ((i, item) for i, item in enumerate(items) if isinstance(item, dict))


# --- validated programmes ------------------------------------------------------------------------------------


def measures(p: Programme) -> Iterator[MeasureAt]:
    """Every measure of the programme, in outline order."""
    for _, path, m, theme, goal, _ in _outline(p, _model_children, MEASURES):
        yield MeasureAt(path, m, theme, goal)


def indicators(p: Programme) -> Iterator[IndicatorAt]:
    """Every indicator defined in the programme (programme, goal or measure level), in outline order."""
    for _, path, ind, theme, goal, measure in _outline(p, _model_children, INDICATORS):
        yield IndicatorAt(path, ind, theme, goal, measure)


def references(p: Programme) -> Iterator[ReferenceAt]:
    """Every `indicator_refs` entry of the goals and measures, in outline order."""
    for kind, path, item, _, _, _ in _outline(p, _model_children, CONTAINERS):
        if kind != "theme":
            for ri, ref in enumerate(item.indicator_refs):
                yield ReferenceAt((*path, "indicator_refs", ri), ref, item)


def items(p: Programme) -> Iterator[tuple[Path, Theme | Goal | Measure | Indicator]]:
    """Every theme, goal, measure and indicator (everything that has an id), in outline order."""
    for _, path, item, _, _, _ in _outline(p, _model_children, CONTAINERS | INDICATORS):
        yield path, item


# --- loaded data, for edits ------------------------------------------------------------------------------------


def raw_measures(data: dict[str, Any]) -> Iterator[tuple[Path, dict[str, Any]]]:
    """The measures of loaded (not yet validated) data with their paths, in outline order."""
    for _, path, item, _, _, _ in _outline(data, _raw_children, MEASURES):
        yield path, item


def raw_indicators(data: dict[str, Any]) -> Iterator[tuple[Path, dict[str, Any]]]:
    """The indicators of loaded data with their paths, in outline order."""
    for _, path, item, _, _, _ in _outline(data, _raw_children, INDICATORS):
        yield path, item


def raw_items(data: dict[str, Any]) -> Iterator[tuple[str, Path, dict[str, Any]]]:
    """Every theme, goal, measure and indicator of loaded data: (kind, path, item), in outline order."""
    for kind, path, item, _, _, _ in _outline(data, _raw_children, CONTAINERS | INDICATORS):
        yield kind, path, item
