"""What a reader asks to see with `--theme`, `--responsible` and `--dimension`: one matching for
`status`, `indicators` and `report`, so the same words pick the same measures everywhere.

A theme is named by its id, exactly as written; a responsible party by any part of its name, in
any case; a dimension (Laurea's) by its value or English name (`parse_dimension`), and it keeps the
measures tagged with it. A theme no programme has is a user error (listing the ones there are),
never an empty table; a dimension no measure carries gives an empty table, which is the answer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import UserError
from ..model import Programme
from ..vocab import Dimension
from .metrics import ProgrammeStatus, counted


@dataclass(frozen=True)
class Selection:
    theme: str | None = None
    responsible: str | None = None
    dimension: Dimension | None = None

    def __bool__(self) -> bool:
        return bool(self.theme or self.responsible or self.dimension)

    def keeps(self, theme: str, responsible: Sequence[str], dimensions: Sequence[Dimension] = ()) -> bool:
        """Whether a measure in `theme` with these responsible parties and dimensions is selected."""
        if self.theme and theme != self.theme:
            return False
        if self.dimension and self.dimension not in dimensions:
            return False
        # matched against the parties as `status` shows them ("a; b"), as it always has been
        return not self.responsible or self.responsible.casefold() in "; ".join(responsible).casefold()

    def keeps_theme(self, theme: str | None) -> bool:
        return not self.theme or theme == self.theme


def check_theme(theme: str | None, programmes: Iterable[Programme]) -> None:
    """UserError (exit 2) when `theme` is given and none of `programmes` has it: the message lists
    the theme ids there are and proposes the closest."""
    if not theme:
        return
    known = list(dict.fromkeys(t.id for p in programmes for t in p.themes))
    if theme in known:
        return
    from ..checking.validate import guessed

    raise UserError("bad_theme", value=theme, allowed=", ".join(known) or "–", **guessed(theme, known))


def parse_dimension(text: str | None) -> Dimension | None:
    """`--dimension`: a dimension by its value or a label (kestävä kehitys, avoimuus, openness …);
    UserError (exit 2) for another word, listing the three and proposing the closest."""
    if not text:
        return None
    found = Dimension.parse(text)
    if isinstance(found, Dimension):
        return found
    from ..checking.validate import guessed

    known = Dimension.choices()
    names = known + [d.en for d in Dimension]  # "openess" proposes "openness"
    raise UserError("bad_dimension", value=text, allowed=", ".join(known), **guessed(text, names))


def narrow(st: ProgrammeStatus, selection: Selection) -> ProgrammeStatus:
    """The programme's status as far as `selection` reaches, counts included: the measures it keeps,
    and the indicators of the themes (--theme) or the goals and themes holding a kept measure
    (--responsible, --dimension). Programme-level indicators belong to no theme and are left out."""
    if not selection:
        return st
    measures = [m for m in st.measures if selection.keeps(m.theme, m.responsible, m.dimensions)]
    places = {(m.theme, m.goal) for m in measures}

    def shown(indicator_id: str) -> bool:
        owner = st.owner.get(indicator_id)
        if owner is None or not selection.keeps_theme(owner[0]):
            return False
        return not (selection.responsible or selection.dimension) or owner in places

    indicators = [i for i in st.indicators if shown(i.id)]
    return counted(dataclasses.replace(st, measures=measures, indicators=indicators))
