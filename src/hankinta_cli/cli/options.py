"""The command line's shared options and arguments, each defined once with its Finnish help, and
the `status` group that shows by default. Part of the CLI (it imports Typer); see cli.py."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated, Any, TypeAlias

import typer

from .clicktexts import Group

Lang = enum.StrEnum("Lang", {"fi": "fi", "en": "en"})
CheckFormat = enum.StrEnum("CheckFormat", {"text": "text", "json": "json", "github": "github"})
TableFormat = enum.StrEnum("TableFormat", {"table": "table", "json": "json", "csv": "csv"})
ReportFormat = enum.StrEnum("ReportFormat", {"html": "html", "md": "md", "pdf": "pdf"})


#: An optional text option or argument.
Str: TypeAlias = str | None


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"hankinta {__version__}")
        raise typer.Exit(0)


def opt(*names: str, text: str, **kw: Any) -> Any:
    """An option with its help text (`text`, so that a line holds the whole declaration)."""
    return typer.Option(*names, help=text, **kw)


Version = Annotated[bool, opt("--version", callback=_version, is_eager=True, text="Näytä versio.")]
CheckFormatOption = Annotated[CheckFormat, opt("--format", "-f", text="Tulosteen muoto: text, json tai github.")]
LangOption = Annotated[Lang, opt("--lang", text="Viestien kieli: fi tai en (myös HANKINTA_LANG).",
                                 envvar="HANKINTA_LANG")]
RootOption = Annotated[Path | None, opt("--root", show_default=False,
                                        text="Ohjelmakansio (oletus: lähin programmes/ tästä kansiosta ylöspäin).")]
DryRun = Annotated[bool, opt("--dry-run", text="Näytä muutos diffinä; älä kirjoita mitään.")]
AsOf = Annotated[str | None, opt("--as-of", text="Päivä, jolle tilanne lasketaan (oletus tänään), esim. 30.6.2025.")]
Table = Annotated[TableFormat, opt("--format", "-f", text="table, json tai csv.")]
Theme = Annotated[str | None, opt("--theme", text="Vain tämä teema (tunniste).")]
Dimension = Annotated[str | None, opt("--dimension", text="Vain tämän ulottuvuuden toimenpiteet: kestävä kehitys, "
                                     "avoimuus tai kumppanuus.")]
Responsible = Annotated[str | None, opt("--responsible", text="Vain tämä vastuutaho (osa nimestä riittää).")]
One = Annotated[str, typer.Argument(help="Ohjelma: tiedosto, tunniste tai kansio, jossa on yksi ohjelma.")]
Many = Annotated[list[str] | None, typer.Argument(
    help="Ohjelmat: tiedostot, tunnisteet tai kansiot (oletus: kaikki --root-kansiosta).", show_default=False)]


class DefaultShow(Group):
    """`hankinta status PROGRAMME` shows; `hankinta status set …` sets."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h")):
            args = ["show", *args]
        return super().parse_args(ctx, args)
