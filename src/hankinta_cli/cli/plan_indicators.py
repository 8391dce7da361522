"""`hankinta plan indicators`: a procurement plan's own indicators (in the plan vs others, announced
on schedule, calendar kept current), registered on the `plan` commands."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import UserError
from . import options as o
from .app import failures, today_or
from .plans import PlanRoot, plan_app


@plan_app.command("indicators")
def plan_indicators_command(
    plans: Annotated[list[str] | None, typer.Argument(
        help="Suunnitelmat: tiedostot, tunnisteet tai kansiot (oletus: kaikki plans/-kansiosta).",
        show_default=False)] = None,
    notices: Annotated[list[Path] | None, o.opt(
        "--notices", show_default=False, metavar="POLKU",
        text="Ostajan hankintailmoitukset (eForms XML, kansiot, .zip, .tar.gz; voi toistaa): "
             "suunnitelmassa olevat / muut hankinnat lasketaan niistä.")] = None,
    year: Annotated[o.Str, o.opt("--year", text="Vain tämä vuosi tai sen osa, esim. 2026 tai 2026-H1 "
                                 "(oletus: kukin kalenterivuosi).")] = None,
    as_of: o.AsOf = None, fmt: o.Table = o.TableFormat.table, root: PlanRoot = None,
    lang: o.LangOption = o.Lang.fi,
) -> None:
    """Laske suunnitelman mittarit: suunnitelmassa olevat / muut, ajallaan ilmoitetut, ajantasaisuus (K/E)."""
    from ..computing.plan_indicators import NoticeIndex, parse_period, plan_indicators
    from ..presenting.output.notices import write_problems
    from ..presenting.output.plan_indicators import write_plan_indicators
    from ..reading.plans import plan_notices, plans_named
    with failures(lang):
        period = parse_period(year) if year else None
        found = plans_named(plans, root)
        procedures, every = None, None
        if notices:
            every = NoticeIndex()
            read = plan_notices(notices, every.add)
            write_problems(read.problems, lang, sys.stderr)
            if read.unreadable:
                raise UserError("plan_notices_unreadable", code=1, count=read.unreadable)
            procedures = read.procedures
        results = plan_indicators(found, today_or(as_of), period, procedures, every)
    write_plan_indicators(results, fmt.value, lang, sys.stdout)
