"""The commands that change a programme file, all through `app.edit`: status set, set, record, import."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..reading.inputs import entry_date
from ..reading.resolve import programme_path
from . import options as o
from .app import app, edit, emit, failures, status_app, today_or


@status_app.command("set")
def status_set(
    programme: o.One,
    measure: Annotated[str, typer.Argument(help="Toimenpiteen tunniste, esim. 3.2.")],
    status: Annotated[str, typer.Argument(help="Uusi tila (suomeksi tai englanniksi).")],
    note: Annotated[o.Str, o.opt("--note", text="Huomio tilamerkintään.")] = None,
    date: Annotated[o.Str, o.opt("--date", text="Merkinnän päivä (oletus tänään).")] = None,
    by: Annotated[o.Str, o.opt("--by", text="Kirjaaja.")] = None,
    dry_run: o.DryRun = False, root: o.RootOption = None, lang: o.LangOption = o.Lang.fi,
) -> None:
    """Aseta toimenpiteen tila ja lisää päivätty merkintä sen tilahistoriaan."""
    from ..editing.updates import set_status
    edit(programme, root, lambda: set_status(measure, status, entry_date(date, today_or(None)), note, by),
         dry_run, lang)


@app.command("set")
def set_command(
    programme: o.One,
    measure: Annotated[str, typer.Argument(help="Toimenpiteen tunniste.")],
    field: Annotated[str, typer.Argument(metavar="FIELD", help="responsible, priority, tags, dimensions, schedule."
                                         "start, schedule.due, schedule.year, schedule.half, schedule.quarter tai "
                                         "schedule.text.")],
    value: Annotated[str, typer.Argument(help="Uusi arvo; listat pilkuilla eroteltuina.")],
    dry_run: o.DryRun = False, root: o.RootOption = None, lang: o.LangOption = o.Lang.fi,
) -> None:
    """Täytä toimenpiteen kenttä: vastuutaho, aikataulu, prioriteetti, tunnisteet."""
    from ..editing.updates import set_field
    edit(programme, root, lambda: set_field(measure, field, value), dry_run, lang)


@app.command("record")
def record_command(
    programme: o.One,
    indicator: Annotated[str, typer.Argument(help="Mittarin tunniste.")],
    period: Annotated[str, o.opt("--period", text="Kausi: 2024, 2024-H1, 2024-Q3 tai 2024-05.")],
    value: Annotated[str, o.opt("--value", text="Arvo: K/E, 12,5, 40 %, 1 200 € …")],
    note: Annotated[o.Str, o.opt("--note", text="Huomio arvolle.")] = None,
    source: Annotated[o.Str, o.opt("--source", text="Arvon lähde.")] = None,
    units: Annotated[list[str] | None, o.opt("--unit-breakdown", text="yksikkö=arvo (toistettava).")] = None,
    replace: Annotated[bool, o.opt("--replace", text="Korvaa kauden aiempi arvo.")] = False,
    dry_run: o.DryRun = False, root: o.RootOption = None, lang: o.LangOption = o.Lang.fi,
) -> None:
    """Kirjaa mittarille arvo kaudelta."""
    from ..editing.updates import record
    today = today_or(None)
    edit(programme, root, lambda: record(indicator, period, value, note, source, replace, units, today), dry_run, lang)


@app.command("import")
def import_command(
    programme: Annotated[o.Str, typer.Argument(help="Ohjelma: tiedosto, tunniste tai kansio.")] = None,
    source: Annotated[Path | None, typer.Argument(help="Tuotava .csv- tai .xlsx-tiedosto.")] = None,
    template: Annotated[Path | None, o.opt("--template", text="Kirjoita tyhjä malli (.csv tai .xlsx); ohjelman "
                                          "kanssa esitäytetty.")] = None,
    sheet: Annotated[o.Str, o.opt("--sheet", text="Excel-välilehti (oletus: ensimmäinen).")] = None,
    replace: Annotated[bool, o.opt("--replace", text="Korvaa kausien aiemmat arvot.")] = False,
    date: Annotated[o.Str, o.opt("--date", text="Tilamerkintöjen päivä, kun rivillä ei ole (oletus tänään).")] = None,
    dry_run: o.DryRun = False, root: o.RootOption = None, lang: o.LangOption = o.Lang.fi,
) -> None:
    """Tuo mittareiden arvot ja tilapäivitykset CSV- tai Excel-tiedostosta (kaikki tai ei mitään)."""
    from ..editing.importer import import_change, read_import, template_file
    with failures(lang):
        if template is not None:
            found = programme_path(programme, root) if programme else None
            return emit(template_file(template, found, lang, today_or(None)), template, "template_written", lang)
        rows, today = read_import(programme, source, sheet), entry_date(date, today_or(None))
    edit(str(programme), root, lambda: import_change(rows, source, today, replace, lang, today_or(None)), dry_run, lang)
