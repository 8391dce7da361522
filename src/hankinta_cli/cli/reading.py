"""The commands that read programmes: check, schema, status (show), indicators, summary, report."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..i18n import t
from ..presenting.output.messages import write_warning
from ..reading.inputs import parse_on_track, parse_status
from ..reading.read import programmes_named
from ..reading.resolve import checked_paths, programme_paths
from . import options as o
from .app import app, emit, failures, status_app, today_or


@app.command()
def check(
    paths: o.Many = None,
    fmt: o.CheckFormatOption = o.CheckFormat.text,
    strict: Annotated[bool, o.opt("--strict", text="Varoitukset ovat virheitä.")] = False,
    show_all: Annotated[bool, o.opt("--all", text="Näytä kaikki varoitukset tiivistämättä.")] = False,
    no_cache: Annotated[bool, o.opt("--no-cache", text="Älä käytä tulosvälimuistia.")] = False,
    only_programmes: Annotated[bool, o.opt("--only-programmes", text=(
        "Ohita YAML-tiedostot, jotka eivät ole ohjelmia tai mittaristoja (ei programmes/-kansiossa, "
        "ei skeemaa eikä ohjelman avaimia); pre-commit-koukku käyttää tätä."))] = False,
    as_of: Annotated[o.Str, o.opt("--as-of", text="Päivä, jolle hankintasuunnitelmien myöhästymiset lasketaan "
                                  "(oletus tänään).")] = None,
    root: o.RootOption = None, lang: o.LangOption = o.Lang.fi,
) -> None:
    """Tarkista ohjelmatiedostot: YAML, rakenne ja sisältösäännöt."""
    from ..checking.check import check_paths, open_cache
    from ..presenting.output.findings import write_check
    from ..reading.sniff import programmes_among
    with failures(lang):
        cache = open_cache(no_cache)
        files, skipped = checked_paths(paths, root), None
        if only_programmes:
            files, skipped = programmes_among(files)
        results = check_paths(files, cache, today_or(as_of))
    raise typer.Exit(write_check(results, fmt.value, lang, strict, show_all, sys.stdout, sys.stderr,
                                 cache.unsafe if cache else None, skipped))


@app.command()
def schema(
    output: Annotated[Path | None, o.opt("--output", "-o", text="Kirjoita tiedostoon (oletus: tulosta).")] = None,
    check_only: Annotated[bool, o.opt("--check", text="Älä kirjoita; palauta 1, jos tiedosto on vanhentunut.")] = False,
    catalogue: Annotated[bool, o.opt("--catalogue", text="Yhteisen mittariston (mittaristo.yaml) skeema.")] = False,
    plan: Annotated[bool, o.opt("--plan", text="Hankintasuunnitelman (plans/*.yaml) skeema.")] = False,
    lang: o.LangOption = o.Lang.fi,
) -> None:
    """Tulosta ohjelmatiedostojen JSON Schema (draft-07, VS Codea varten)."""
    from ..checking.schema import schema_is_current, schema_text
    text = schema_text(catalogue, plan)
    if check_only and output is not None:
        fresh = schema_is_current(output, text)
        typer.echo(t("schema_fresh" if fresh else "schema_stale", lang, path=output), err=True)
        raise typer.Exit(0 if fresh else 1)
    emit(text, output, "schema_written", lang)


@status_app.command("show")
def status_show(
    programme: Annotated[o.Str, typer.Argument(
        help="Ohjelma: tiedosto, tunniste tai kansio (oletus: kaikki --root-kansiosta).")] = None,
    theme: o.Theme = None,
    status: Annotated[o.Str, o.opt("--status", text="Vain tämä tila.")] = None,
    responsible: o.Responsible = None, dimension: o.Dimension = None,
    overdue: Annotated[bool, o.opt("--overdue", text="Vain myöhässä olevat.")] = False,
    due_within: Annotated[int | None, o.opt("--due-within", min=0, metavar="DAYS", show_default=False,
                                            text="Vain avoimet, joiden määräaika on DAYS päivän sisällä.")] = None,
    as_of: Annotated[o.Str, o.opt("--as-of", text="Päivä, jolle myöhästyminen lasketaan.")] = None,
    fmt: o.Table = o.TableFormat.table, root: o.RootOption = None, lang: o.LangOption = o.Lang.fi,
) -> None:
    """Näytä toimenpiteiden tila taulukkona."""
    from ..computing.overview import overview
    from ..computing.selection import Selection, check_theme, parse_dimension
    from ..presenting.output.status import write_overview
    with failures(lang):
        day, wanted = today_or(as_of), parse_status(status) if status else None
        selection = Selection(theme, responsible, parse_dimension(dimension))
        programmes = programmes_named([programme] if programme else [], root)
        check_theme(theme, programmes)
        view = overview(programmes, day, selection, wanted, overdue, lang, due_within)
    write_overview(view, fmt.value, lang, sys.stdout, sys.stderr)


@app.command("indicators")
def indicators_command(
    programme: o.One, as_of: o.AsOf = None,
    theme: Annotated[o.Str, o.opt("--theme", text="Vain tämän teeman mittarit (tunniste).")] = None,
    status: Annotated[o.Str, o.opt("--status", text="Vain tämä tila: saavutettu, aikataulussa, jäljessä, …")] = None,
    fmt: o.Table = o.TableFormat.table, root: o.RootOption = None, lang: o.LangOption = o.Lang.fi,
) -> None:
    """Laske mittareiden tilanne: viimeisin arvo, muutos, tavoite, toteuma ja tila."""
    from ..computing.metrics import evaluate_programme
    from ..computing.selection import check_theme
    from ..presenting.output.indicators import write_indicators
    with failures(lang):
        day, wanted = today_or(as_of), parse_on_track(status) if status else None
        programmes = programmes_named([programme], root)
        check_theme(theme, programmes)
        statuses = [evaluate_programme(p, day) for p in programmes]
    write_indicators(statuses, theme, wanted, fmt.value, lang, sys.stdout)


@app.command("summary")
def summary_command(programmes: o.Many = None, as_of: o.AsOf = None, fmt: o.Table = o.TableFormat.table,
                    root: o.RootOption = None, lang: o.LangOption = o.Lang.fi) -> None:
    """Vertaa ohjelmia rinnakkain ja laske yhteisen mittariston mittarit yhteen."""
    from ..computing.summary import summarise_paths
    from ..presenting.output.summary import write_summary
    with failures(lang):
        statuses, rows = summarise_paths(programme_paths(programmes, root), today_or(as_of))
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
    theme: o.Theme = None, responsible: o.Responsible = None, dimension: o.Dimension = None,
    horizon: Annotated[int | None, o.opt("--horizon", min=0, metavar="DAYS", show_default=False,
                                         text="Tulossa-kohdan aikaväli päivinä (oletus 60).")] = None,
    root: o.RootOption = None, lang: o.LangOption = o.Lang.fi,
) -> None:
    """Laadi tilannekatsaus valtuustolle tai johtoryhmälle: HTML, Markdown tai PDF."""
    from ..computing.selection import Selection, parse_dimension
    from ..presenting.report import build as b
    with failures(lang):
        kind = b.report_kind(fmt.value if fmt else None, output)
        b.check_report_options(kind, output, templates)
        selection = Selection(theme, responsible, parse_dimension(dimension))
        context = b.build_report(programme_paths(programmes, root), today_or(as_of), since, lang, selection, horizon,
                                 root)
        for note in b.report_notes(context):  # the report says it too, in its changes section
            write_warning(note, "", lang, sys.stderr)
        content = b.render_report(context, kind, lang, templates)
        if (too_big := b.size_note(context, content, lang)) is not None:
            write_warning(*too_big, lang, sys.stderr)
    emit(content, output, "report_written", lang)
