"""`hankinta init`: a new programme repository (the library: `scaffold/`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from . import options as o
from .app import app, failures


@app.command("init")
def init_command(
    organisation: Annotated[str, o.opt("--organisation", metavar="NAME",
                                       text="Organisaation nimi, esim. \"Esimerkkilän kunta\".")],
    directory: Annotated[Path, typer.Argument(help="Kansio, johon repositorio tehdään (oletus: tämä kansio).",
                                              show_default=False)] = Path("."),
    source: Annotated[o.Str, o.opt("--from", metavar="PROGRAMME", text=(
        "Ohjelma, jonka rakenne kopioidaan ilman tiloja ja arvoja: kajaani, hyvinkaa, valtio tai tiedosto "
        "(oletus: tyhjä pohja)."))] = None,
    programme_id: Annotated[o.Str, o.opt("--id", metavar="ID",
                                         text="Ohjelman tunniste (oletus: organisaation nimestä).")] = None,
    repo: Annotated[o.Str, o.opt("--hankinta-repo", metavar="URL", text=(
        "hankinnan git-repositorio, josta työnkulku ja pre-commit asentavat sen "
        "(oletus: https://github.com/<org>/hankinta)."))] = None,
    lang: o.LangOption = o.Lang.fi,
) -> None:
    """Tee uusi ohjelmarepositorio: ohjelman pohja, mittaristo, skeemat, VS Code, pre-commit ja GitHub Actions."""
    from ..presenting.output.scaffold import write_scaffold
    from ..scaffold import plan, write
    with failures(lang):
        made = plan(directory, organisation, source, programme_id, repo)
        write(made)
    write_scaffold(made, source, lang, sys.stdout)
