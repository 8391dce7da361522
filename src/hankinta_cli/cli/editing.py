"""The commands that change a programme file, all through `app.edit`: status set, set, record, import."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import UserError
from ..reading.inputs import entry_date
from ..reading.resolve import programme_path
from . import options as o
from .app import app, command_group, edit, emit, failures, status_app, today_or


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


ItemId = Annotated[str, typer.Argument(help="Toimenpiteen tai mittarin tunniste, esim. 3.2 tai M16.3b.")]


SET_FIELDS = ("Toimenpiteen: responsible, priority, tags, dimensions, schedule (koko aikataulu: 2026, 2026-H1, "
              "2026-Q3, 30.6.2026, 1.1.2026–30.6.2026 tai teksti), schedule.due …, title, description, objective, "
              "note. Mittarin: unit, direction, granularity, method, baseline (--period), target (--deadline), name, "
              "description, note …")


@app.command("set")
def set_command(
    programme: o.One, item: ItemId,
    field: Annotated[str, typer.Argument(metavar="FIELD", help=SET_FIELDS)],
    value: Annotated[o.Str, typer.Argument(help="Uusi arvo; listat pilkuilla eroteltuina.")] = None,
    period: Annotated[o.Str, o.opt("--period", text="Lähtötason kausi (baseline), esim. 2023.")] = None,
    deadline: Annotated[o.Str, o.opt("--deadline", text="Tavoitteen määräaika (target), esim. 31.12.2025.")] = None,
    note: Annotated[o.Str, o.opt("--note", text="Huomio lähtötasoon tai tavoitteeseen.")] = None,
    clear: Annotated[bool, o.opt("--clear", text="Poista kenttä (kuten unset).")] = False,
    dry_run: o.DryRun = False, root: o.RootOption = None, lang: o.LangOption = o.Lang.fi,
) -> None:
    """Aseta toimenpiteen tai mittarin kenttä: vastuutaho, aikataulu, lähtötaso, tavoite, yksikkö …"""
    from ..editing.fields import set_field, unset_field
    with failures(lang):
        if clear == (value is not None):
            raise UserError("set_value_or_clear")
    edit(programme, root, lambda: unset_field(item, field) if clear else
         set_field(item, field, str(value), period, deadline, note), dry_run, lang)


@app.command("unset")
def unset_command(
    programme: o.One, item: ItemId,
    field: Annotated[str, typer.Argument(metavar="FIELD", help="Poistettava kenttä, esim. responsible, schedule, "
                                         "schedule.half, baseline tai targets.")],
    dry_run: o.DryRun = False, root: o.RootOption = None, lang: o.LangOption = o.Lang.fi,
) -> None:
    """Poista toimenpiteen tai mittarin kenttä (puuttuva kenttä näkyy puutteena)."""
    from ..editing.fields import unset_field
    edit(programme, root, lambda: unset_field(item, field), dry_run, lang)


add_app = command_group("add", "Lisää ohjelmaan uusi kohta.")


@add_app.command("measure")
def add_measure_command(
    programme: o.One,
    parent: Annotated[str, typer.Argument(help="Tavoitteen (tai teeman) tunniste, jonka alle toimenpide tulee.")],
    measure: Annotated[str, typer.Argument(help="Uuden toimenpiteen tunniste, esim. 3.4.")],
    title: Annotated[str, typer.Argument(help="Toimenpiteen nimi.")],
    responsible: Annotated[o.Str, o.opt("--responsible", text="Vastuutahot pilkuilla eroteltuina.")] = None,
    schedule: Annotated[o.Str, o.opt("--schedule", text="Aikataulu: 2026, 2026-H1, 30.6.2026, … tai teksti.")] = None,
    priority: Annotated[o.Str, o.opt("--priority", text="Prioriteetti 1–3.")] = None,
    description: Annotated[o.Str, o.opt("--description", text="Tarkempi sisältö.")] = None,
    dry_run: o.DryRun = False, root: o.RootOption = None, lang: o.LangOption = o.Lang.fi,
) -> None:
    """Lisää toimenpide tavoitteen (tai teeman) toimenpiteiden loppuun."""
    from ..editing.fields import add_measure
    edit(programme, root, lambda: add_measure(parent, measure, title, responsible, schedule, priority, description),
         dry_run, lang)


@app.command("record")
def record_command(
    programme: o.One,
    indicator: Annotated[str, typer.Argument(help="Mittarin tunniste.")],
    period: Annotated[str, o.opt("--period", text="Kausi: 2024, 2024-H1, 2024-Q3 tai 2024-05.")],
    value: Annotated[o.Str, o.opt("--value", text="Arvo: K/E, 12,5, 40 %, 1 200 € … (lukumäärän ja rahan voi "
                                  "jättää pois, kun --unit-breakdown on annettu: arvo on erittelyn summa)")] = None,
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
