"""The cross-cutting views of programmes: `units` (each organisation unit's values, Helsinki's
many units) and `dimensions` (each of Laurea's dimensions with its tagged measures)."""

from __future__ import annotations

import sys
from typing import Annotated

from ..reading.read import programmes_named
from . import options as o
from .app import app, failures, today_or


@app.command("units")
def units_command(
    programmes: o.Many = None,
    unit: Annotated[o.Str, o.opt("--unit", text="Vain tämä yksikkö (nimi kuten erittelyssä, esim. Sote).")] = None,
    as_of: o.AsOf = None, fmt: o.Table = o.TableFormat.table, root: o.RootOption = None,
    lang: o.LangOption = o.Lang.fi,
) -> None:
    """Näytä yksiköiden arvot mittareittain ja kausittain (erittely, breakdown)."""
    from ..computing.units import check_unit, unit_views
    from ..presenting.output.views import write_units
    with failures(lang):
        read = programmes_named(programmes, root)
        check_unit(unit, read)
        views = unit_views(read, today_or(as_of), unit)
    write_units(views, fmt.value, lang, sys.stdout)


@app.command("dimensions")
def dimensions_command(
    programmes: o.Many = None, dimension: o.Dimension = None, as_of: o.AsOf = None,
    fmt: o.Table = o.TableFormat.table, root: o.RootOption = None, lang: o.LangOption = o.Lang.fi,
) -> None:
    """Näytä kestävien hankintojen ulottuvuudet (Laurea) ja niille merkityt toimenpiteet tiloineen."""
    from ..computing.dimensions import dimension_views
    from ..computing.metrics import evaluate_programme
    from ..computing.selection import parse_dimension
    from ..presenting.output.views import write_dimensions
    with failures(lang):
        only, day = parse_dimension(dimension), today_or(as_of)
        views = dimension_views([evaluate_programme(p, day) for p in programmes_named(programmes, root)], only)
    write_dimensions(views, fmt.value, lang, sys.stdout)
