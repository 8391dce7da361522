"""`hankinta calendar`: the public procurement calendar of one or more plans, as HTML, CSV or
iCalendar (the output file's suffix picks which)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import options as o
from .app import app, emit, failures, today_or
from .plans import PlanRoot


@app.command("calendar")
def calendar_command(
    output: Annotated[Path, o.opt("--output", "-o", text="Tiedosto: .html (verkkosivu), .csv (avoin data) tai "
                                  ".ics (kalenteritapahtumat); pääte valitsee muodon.")],
    plans: Annotated[list[str] | None, typer.Argument(
        help="Suunnitelmat: tiedostot, tunnisteet tai kansiot (oletus: kaikki plans/-kansiosta).",
        show_default=False)] = None,
    as_of: o.AsOf = None, root: PlanRoot = None, lang: o.LangOption = o.Lang.fi,
) -> None:
    """Julkinen hankintakalenteri: julkiset suunnitellut hankinnat neljänneksittäin liukuvalla aikajänteellä."""
    from ..computing.calendar import calendar
    from ..presenting.calendar import calendar_format, render_calendar
    from ..reading.plans import plans_named
    with failures(lang):
        fmt = calendar_format(output)
        content = render_calendar(calendar(plans_named(plans, root), today_or(as_of)), fmt, lang)
    emit(content, output, "calendar_written", lang)
