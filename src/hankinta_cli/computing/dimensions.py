"""Laurea's three dimensions across programmes: each dimension's tagged measures with their status.

A measure carries a dimension only when its programme says so (`dimensions:`); nothing here infers
one. A dimension no measure is tagged with is listed all the same, empty (`tagged` 0), so a reader
sees "no measure is tagged" rather than a dimension silently missing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..vocab import FINISHED, UNREPORTED, Dimension, Status
from .measures import MeasureStatus
from .metrics import ProgrammeStatus


@dataclass
class TaggedMeasure:
    """A measure tagged with a dimension, with its programme and its status at the day evaluated."""

    programme: str
    programme_name: str
    measure: MeasureStatus

    def to_dict(self) -> dict[str, Any]:
        return {"programme": self.programme, "programme_name": self.programme_name, **self.measure.to_dict()}


@dataclass
class DimensionView:
    """One dimension: its tagged measures over the programmes, in the programmes' and outline order."""

    dimension: Dimension
    measures: list[TaggedMeasure] = field(default_factory=list)

    @property
    def tagged(self) -> int:
        """How many measures carry the dimension (0: "no measure is tagged")."""
        return len(self.measures)

    @property
    def by_status(self) -> dict[str, int]:
        """Measures by status value (UNREPORTED's value for those with none), every status listed."""
        counts = Counter(m.measure.status or UNREPORTED for m in self.measures)
        return {s.value: counts.get(s, 0) for s in (*Status, UNREPORTED)}

    @property
    def finished(self) -> int:
        return sum(m.measure.status in FINISHED for m in self.measures)

    def to_dict(self) -> dict[str, Any]:
        d = self.dimension
        return {"dimension": d.value, "label": {"fi": d.fi, "en": d.en}, "tagged": self.tagged,
                "finished": self.finished, "overdue": sum(m.measure.overdue for m in self.measures),
                "by_status": self.by_status, "programmes": list(dict.fromkeys(m.programme for m in self.measures)),
                "measures": [m.to_dict() for m in self.measures]}


def dimension_views(statuses: Sequence[ProgrammeStatus], only: Dimension | None = None) -> list[DimensionView]:
    """Every dimension (vocabulary order; `only`: that one) with the measures of `statuses` tagged
    with it. `statuses` may be narrowed (selection.narrow): only their measures are listed."""
    views = [DimensionView(d) for d in Dimension if only is None or d is only]
    for st in statuses:
        for m in st.measures:
            for view in views:
                if view.dimension in m.dimensions:
                    view.measures.append(TaggedMeasure(st.programme.id, st.programme.name, m))
    return views
