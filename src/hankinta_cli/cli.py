"""The `hankinta` command: arguments in, one library call, one writer; every failure a `UserError`
(`_failures`). Exit codes: 0 ok, 1 findings, 2 usage or I/O. Heavy modules are imported inside
commands so that `hankinta --help` starts fast."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import options as o
from .errors import UserError
from .i18n import t
from .presenting.output.documents import emit
from .presenting.output.messages import write_error, write_warning
from .reading.inputs import entry_date, parse_date, parse_on_track, parse_status
from .reading.read import programmes_named
from .reading.resolve import programme_path, programme_paths

if TYPE_CHECKING:
    from .editing.edit import Session

app = typer.Typer(name="hankinta", no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  rich_markup_mode=None, help="Hankintaohjelmat koodina: tarkista, päivitä ja raportoi "
                  "ohjelmatiedostoja. (Procurement programmes as code: check, update and report programme files.)")


@contextmanager
def _failures(lang: str) -> Iterator[None]:
    """The one way a command fails: what explains it, one line of message, one of hint, exit code."""
    try:
        yield
    except UserError as e:
        write_error(e, lang, sys.stderr)
        raise typer.Exit(e.code) from None


def _emit(content: str | bytes, output: Path | None, written: str, lang: str) -> None:
    with _failures(lang):
        if emit(content, output, sys.stdout):
            typer.echo(t(written, lang, path=output), err=True)


def _day(text: str | None) -> dt.date:
    return parse_date(text) if text else dt.date.today()


@app.callback()
def main(version: o.Version = False) -> None:
    """Hankintaohjelmat koodina."""


@app.command()
def check(
    paths: o.Many = None,
    fmt: o.CheckFormatOption = o.CheckFormat.text,
    strict: Annotated[bool, o.opt("--strict", text="Varoitukset ovat virheitä.")] = False,
    show_all: Annotated[bool, o.opt("--all", text="Näytä kaikki varoitukset tiivistämättä.")] = False,
    no_cache: Annotated[bool, o.opt("--no-cache", text="Älä käytä tulosvälimuistia.")] = False,
    root: o.RootOption = None, lang: o.LangOption = o.Lang.fi,
) -> None:
    """Tarkista ohjelmatiedostot: YAML, rakenne ja sisältösäännöt."""
    from .checking.check import check_paths, open_cache
    from .presenting.output.findings import write_check
    with _failures(lang):
        cache = open_cache(no_cache)
        results = check_paths(programme_paths(paths, root), cache)
    raise typer.Exit(write_check(results, fmt.value, lang, strict, show_all, sys.stdout, sys.stderr,
                                 cache.unsafe if cache else None))


@app.command()
def schema(
    output: Annotated[Path | None, o.opt("--output", "-o", text="Kirjoita tiedostoon (oletus: tulosta).")] = None,
    check_only: Annotated[bool, o.opt("--check", text="Älä kirjoita; palauta 1, jos tiedosto on vanhentunut.")] = False,
    catalogue: Annotated[bool, o.opt("--catalogue", text="Yhteisen mittariston (mittaristo.yaml) skeema.")] = False,
    lang: o.LangOption = o.Lang.fi,
) -> None:
    """Tulosta ohjelmatiedostojen JSON Schema (draft-07, VS Codea varten)."""
    from .checking.schema import schema_is_current, schema_text
    text = schema_text(catalogue)
    if check_only and output is not None:
        fresh = schema_is_current(output, text)
        typer.echo(t("schema_fresh" if fresh else "schema_stale", lang, path=output), err=True)
        raise typer.Exit(0 if fresh else 1)
    _emit(text, output, "schema_written", lang)


status_app = typer.Typer(cls=o.DefaultShow, help="Toimenpiteiden tila: näytä tai aseta.", rich_markup_mode=None)
app.add_typer(status_app, name="status")


@status_app.command("show")
def status_show(
    programme: Annotated[o.Str, typer.Argument(
        help="Ohjelma: tiedosto, tunniste tai kansio (oletus: kaikki --root-kansiosta).")] = None,
    theme: Annotated[o.Str, o.opt("--theme", text="Vain tämä teema (tunniste).")] = None,
    status: Annotated[o.Str, o.opt("--status", text="Vain tämä tila.")] = None,
    responsible: Annotated[o.Str, o.opt("--responsible", text="Vain tämä vastuutaho.")] = None,
    overdue: Annotated[bool, o.opt("--overdue", text="Vain myöhässä olevat.")] = False,
    as_of: Annotated[o.Str, o.opt("--as-of", text="Päivä, jolle myöhästyminen lasketaan.")] = None,
    fmt: o.Table = o.TableFormat.table, root: o.RootOption = None, lang: o.LangOption = o.Lang.fi,
) -> None:
    """Näytä toimenpiteiden tila taulukkona."""
    from .computing.overview import overview_rows
    from .presenting.output.status import write_rows
    with _failures(lang):
        day, wanted = _day(as_of), parse_status(status) if status else None
        rows = [r for p in programmes_named([programme] if programme else [], root)
                for r in overview_rows(p, day, theme, wanted, responsible, overdue, lang)]
    write_rows(rows, fmt.value, lang, sys.stdout)


def _edit(programme: str, root: Path | None, change: Callable[[], Callable[[Session], None]], dry_run: bool,
          lang: str) -> None:
    """Every writing command: resolve one programme, edit it, say what changed."""
    from .editing.edit import edit_file
    from .presenting.output.edits import write_edit
    with _failures(lang):
        result = edit_file(programme_path(programme, root), change(), dry_run=dry_run)
    write_edit(result, dry_run, lang, sys.stdout, sys.stderr)


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
    from .editing.updates import set_status
    _edit(programme, root, lambda: set_status(measure, status, entry_date(date, _day(None)), note, by), dry_run, lang)


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
    from .editing.updates import set_field
    _edit(programme, root, lambda: set_field(measure, field, value), dry_run, lang)


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
    from .editing.updates import record
    _edit(programme, root, lambda: record(indicator, period, value, note, source, replace, units, _day(None)), dry_run,
          lang)


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
    from .editing.importer import import_change, read_import, template_file
    with _failures(lang):
        if template is not None:
            found = programme_path(programme, root) if programme else None
            return _emit(template_file(template, found, lang, dt.date.today()), template, "template_written", lang)
        rows, today = read_import(programme, source, sheet), entry_date(date, _day(None))
    _edit(str(programme), root, lambda: import_change(rows, source, today, replace, lang, _day(None)), dry_run, lang)


@app.command("indicators")
def indicators_command(
    programme: o.One, as_of: o.AsOf = None,
    theme: Annotated[o.Str, o.opt("--theme", text="Vain tämän teeman mittarit (tunniste).")] = None,
    status: Annotated[o.Str, o.opt("--status", text="Vain tämä tila: saavutettu, aikataulussa, jäljessä, …")] = None,
    fmt: o.Table = o.TableFormat.table, root: o.RootOption = None, lang: o.LangOption = o.Lang.fi,
) -> None:
    """Laske mittareiden tilanne: viimeisin arvo, muutos, tavoite, toteuma ja tila."""
    from .computing.metrics import evaluate_programme
    from .presenting.output.indicators import write_indicators
    with _failures(lang):
        day, wanted = _day(as_of), parse_on_track(status) if status else None
        statuses = [evaluate_programme(p, day) for p in programmes_named([programme], root)]
    write_indicators(statuses, theme, wanted, fmt.value, lang, sys.stdout)


@app.command("summary")
def summary_command(programmes: o.Many = None, as_of: o.AsOf = None, fmt: o.Table = o.TableFormat.table,
                    root: o.RootOption = None, lang: o.LangOption = o.Lang.fi) -> None:
    """Vertaa ohjelmia rinnakkain ja laske yhteisen mittariston mittarit yhteen."""
    from .computing.summary import summarise_paths
    from .presenting.output.summary import write_summary
    with _failures(lang):
        statuses, rows = summarise_paths(programme_paths(programmes, root), _day(as_of))
    write_summary(statuses, rows, fmt.value, lang, sys.stdout)


@app.command("report")
def report_command(
    programmes: Annotated[list[str], typer.Argument(
        help="Ohjelmat (tiedostot, tunnisteet tai kansiot); useampi = koosteraportti.")],
    fmt: Annotated[o.ReportFormat | None, o.opt("--format", "-f", text="html, md tai pdf.")] = None,
    output: Annotated[Path | None, o.opt("--output", "-o", text="Tiedosto (oletus: tulosta).")] = None,
    as_of: o.AsOf = None,
    since: Annotated[o.Str, o.opt("--since", text="Muutokset tästä päivästä tai git-versiosta (esim. HEAD~3).")] = None,
    templates: Annotated[Path | None, o.opt("--templates", text="Kansio, jonka pohjat korvaavat oletuspohjat.")] = None,
    root: o.RootOption = None, lang: o.LangOption = o.Lang.fi,
) -> None:
    """Laadi tilannekatsaus valtuustolle tai johtoryhmälle: HTML, Markdown tai PDF."""
    from .presenting.report.build import build_report, check_report_options, render_report, report_kind, report_notes
    with _failures(lang):
        kind = report_kind(fmt.value if fmt else None, output)
        check_report_options(kind, output, templates)
        context = build_report(programme_paths(programmes, root), _day(as_of), since, lang)
        for note in report_notes(context):  # the report says it too, in its changes section
            write_warning(note, "", lang, sys.stderr)
        content = render_report(context, kind, lang, templates)
    _emit(content, output, "report_written", lang)


def run() -> None:
    app()
