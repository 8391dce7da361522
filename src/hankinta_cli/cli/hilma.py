"""`hankinta hilma`: the indicators with a HILMA query computed from eForms notices and recorded."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import UserError
from ..vocab import Source
from . import options as o
from .app import app, edit, failures, today_or


@app.command(Source.HILMA.value)  # the command is named after the source it reads
def hilma_command(
    programme: o.One,
    paths: Annotated[list[Path], typer.Argument(
        help="Ostajan ilmoitukset (eForms XML), kansiot tai arkistot (.zip, .tar.gz).", show_default=False)],
    buyer: Annotated[list[str] | None, o.opt("--buyer", metavar="Y-TUNNUS", show_default=False,
                                             text="Ostajan Y-tunnus (toistettava); oletus hilma_buyers.")] = None,
    replace: Annotated[bool, o.opt("--replace", text="Korvaa käsin kirjatut eri arvot.")] = False,
    dry_run: o.DryRun = False, root: o.RootOption = None, lang: o.LangOption = o.Lang.fi,
) -> None:
    """Laske HILMA-mittarit hankintailmoituksista ja kirjaa arvot kausittain (kuten record)."""
    from ..editing.hilma import record_computed, source_text
    from ..notices.read import load_notices
    from ..notices.select import Selection
    from ..presenting.output.notices import write_problems
    from ..reading.inputs import parse_buyers
    from ..reading.read import load_programme
    from ..reading.resolve import programme_path
    today = today_or(None)
    with failures(lang):
        given = parse_buyers(buyer)
        path = programme_path(programme, root)
        for notices in paths:
            if not notices.exists():
                raise UserError("no_notice_files", path=notices)
        found = load_programme(path)
        buyers = given or frozenset(found.hilma_buyers if found else ())
        if not buyers:
            raise UserError("hilma_no_buyers", path=path)
        read = load_notices(paths, Selection(buyers))
        write_problems(read.problems, lang, sys.stderr)
        if read.unreadable:
            raise UserError("hilma_unreadable", code=1, count=read.unreadable)
    source = source_text(paths, read, today)
    edit(str(path), None, lambda: record_computed(read.procedures, source, today, replace, bool(given)), dry_run, lang)
