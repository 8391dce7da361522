"""`hankinta notices`: the eForms procurement notices (HILMA, TED) in files, folders and archives."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import UserError
from . import options as o
from .app import app, failures


@app.command("notices")
def notices_command(
    paths: Annotated[list[Path], typer.Argument(
        help="Ilmoitustiedostot (eForms XML), kansiot tai arkistot (.zip, .tar.gz).", show_default=False)],
    buyer: Annotated[list[str] | None, o.opt("--buyer", metavar="Y-TUNNUS", show_default=False,
                                             text="Vain tämän ostajan ilmoitukset (Y-tunnus; voi toistaa).")] = None,
    since: Annotated[o.Str, o.opt("--since", text="Vain tänä päivänä tai myöhemmin lähetetyt, esim. 1.1.2025.")] = None,
    until: Annotated[o.Str, o.opt("--until", text="Vain tänä päivänä tai aiemmin lähetetyt, esim. 31.12.2025.")] = None,
    fmt: o.Table = o.TableFormat.table, lang: o.LangOption = o.Lang.fi,
) -> None:
    """Näytä hankintailmoitukset (eForms): kukin hankinta kerran, uusimman version mukaan."""
    from ..notices.read import load_notices
    from ..notices.select import Selection
    from ..presenting.output.notices import write_notices
    from ..reading.inputs import parse_buyers, parse_date
    with failures(lang):
        wanted = parse_buyers(buyer)
        first, last = parse_date(since) if since else None, parse_date(until) if until else None
        if first and last and first > last:
            raise UserError("bad_date_range", since=since, until=until)
        for path in paths:
            if not path.exists():
                raise UserError("no_notice_files", path=path)
        result = load_notices(paths, Selection(wanted, first, last))
    raise typer.Exit(write_notices(result, fmt.value, lang.value, sys.stdout, sys.stderr))
