"""The `hankinta` command: parse arguments, call the library, pick an output, set the exit code.

Heavy modules (pydantic, ruamel, jinja2) are imported inside commands so that
`hankinta --help` and `hankinta --version` start fast.

Exit codes: 0 ok, 1 findings (validation errors), 2 usage or I/O error.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from . import __version__
from .i18n import check_summary, t

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

app = typer.Typer(
    name="hankinta",
    help="Hankintaohjelmat koodina: tarkista, päivitä ja raportoi ohjelmatiedostoja. "
    "(Procurement programmes as code: check, update and report programme files.)",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Lang(enum.StrEnum):
    fi = "fi"
    en = "en"


class CheckFormat(enum.StrEnum):
    text = "text"
    json = "json"
    github = "github"


LangOption = Annotated[
    Lang,
    typer.Option("--lang", help="Viestien kieli: fi tai en (myös HANKINTA_LANG).", envvar="HANKINTA_LANG"),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hankinta {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Näytä versio.")] = False,
) -> None:
    """Hankintaohjelmat koodina."""


@app.command()
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Tiedostot tai kansiot (oletus: programmes/).", show_default=False),
    ] = None,
    fmt: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="Tulosteen muoto: text, json tai github.")
    ] = CheckFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Varoitukset ovat virheitä.")] = False,
    show_all: Annotated[bool, typer.Option("--all", help="Näytä kaikki varoitukset tiivistämättä.")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Älä käytä tulosvälimuistia.")] = False,
    lang: LangOption = Lang.fi,
) -> None:
    """Tarkista ohjelmatiedostot: YAML, rakenne ja sisältösäännöt."""
    from .check import Cache, UsageError, check_paths, default_cache_dir
    from .output import findings as out

    lang_s = lang.value
    targets = paths or [Path("programmes")]
    try:
        cache = None if no_cache else Cache(default_cache_dir())
        if cache is not None and cache.unsafe is not None:
            _warn(t("cache_unsafe", lang_s, path=cache.unsafe), t("cache_unsafe_hint", lang_s, path=cache.unsafe),
                  lang_s)
        results = check_paths(targets, cache)
    except UsageError as e:
        _usage_error(t("missing_path", lang_s, path=str(e)), t("missing_path_hint", lang_s), lang_s)
    if not results:
        _usage_error(t("no_files", lang_s, path=", ".join(str(p) for p in targets)), "", lang_s)
    if fmt is CheckFormat.json:
        out.write_json(results, sys.stdout, lang_s, strict)
    elif fmt is CheckFormat.github:
        out.write_github(results, sys.stdout, lang_s, strict)
    else:
        out.write_text(results, sys.stdout, lang_s, strict, show_all)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file and (fmt is CheckFormat.github or os.environ.get("GITHUB_ACTIONS") == "true"):
        try:
            with open(summary_file, "a", encoding="utf-8") as fh:
                fh.write(out.step_summary(results, lang_s, strict))
        except OSError:
            pass  # the summary is a courtesy; the findings are already on stdout
    errors, warnings = out.counts(results, strict)
    line = check_summary(len(results), errors, warnings, lang_s)
    typer.echo(line + (t("strict", lang_s) if strict else ""), err=True)
    io_error = any(f.code == "HK001" for r in results for f in r.findings)
    raise typer.Exit(EXIT_USAGE if io_error else (EXIT_FINDINGS if errors else EXIT_OK))


@app.command()
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Kirjoita tiedostoon (oletus: tulosta).")
    ] = None,
    check_only: Annotated[
        bool, typer.Option("--check", help="Älä kirjoita; palauta 1, jos tiedosto on vanhentunut.")
    ] = False,
    catalogue: Annotated[
        bool, typer.Option("--catalogue", help="Yhteisen mittariston (mittaristo.yaml) skeema.")
    ] = False,
    lang: LangOption = Lang.fi,
) -> None:
    """Tulosta ohjelmatiedostojen JSON Schema (draft-07, VS Codea varten)."""
    from .schema import schema_text

    text = schema_text(catalogue)
    if output is None:
        sys.stdout.write(text)
        raise typer.Exit(EXIT_OK)
    if not check_only:
        _refuse_programme(output, lang.value)
    if check_only:
        try:
            current = output.read_text(encoding="utf-8")
        except OSError:
            current = ""
        if current != text:
            typer.echo(t("schema_stale", lang.value, path=output), err=True)
            raise typer.Exit(EXIT_FINDINGS)
        typer.echo(t("schema_fresh", lang.value, path=output), err=True)
        raise typer.Exit(EXIT_OK)
    _write_output(output, text.encode("utf-8"), lang.value)
    typer.echo(t("schema_written", lang.value, path=output), err=True)


RootOption = Annotated[
    Path, typer.Option("--root", help="Kansio, josta ohjelmia haetaan tunnisteella.", show_default=True)
]
DryRunOption = Annotated[bool, typer.Option("--dry-run", help="Näytä muutos diffinä; älä kirjoita mitään.")]


def _run_edit(programme: str, root: Path, make_change: Callable[[], Any], dry_run: bool, lang: str) -> None:
    """Shared shell of every writing command: resolve, edit, print the diff or the result."""
    from .edit import EditError, edit_file
    from .updates import find_programme

    try:
        path = find_programme(programme, root)
        result = edit_file(path, make_change(), dry_run=dry_run)
    except EditError as e:
        for problem in getattr(e, "problems", []):
            typer.echo(problem.message(lang), err=True)
        if e.findings:
            from .check import FileResult
            from .output.findings import write_text

            write_text(
                [FileResult(Path(str(e.params.get("path", programme))), e.findings)], sys.stderr, lang, False, True
            )
        _usage_error(e.message(lang), e.hint(lang), lang, e.code)
    for m in result.messages:
        kind, *parts = m.split(":", 3)
        if kind == "replaced":
            typer.echo(t("replaced", lang, period=parts[0], old=parts[1], new=parts[2]), err=True)
        elif kind == "imported":
            typer.echo(t("imported", lang, obs=parts[0], replaced=parts[1], history=parts[2]), err=True)
    if dry_run:
        sys.stdout.write(result.diff())
        typer.echo(t("dry_run", lang), err=True)
    elif result.changed:
        typer.echo(t("written", lang, path=result.path), err=True)
    else:
        typer.echo(t("unchanged", lang, path=result.path), err=True)


class _DefaultShow(TyperGroup):
    """`hankinta status PROGRAMME` shows; `hankinta status set …` sets."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h")):
            args = ["show", *args]
        return super().parse_args(ctx, args)


status_app = typer.Typer(cls=_DefaultShow, help="Toimenpiteiden tila: näytä tai aseta.", rich_markup_mode=None)
app.add_typer(status_app, name="status")


class TableFormat(enum.StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@status_app.command("show")
def status_show(
    programme: Annotated[
        str | None, typer.Argument(help="Ohjelmatiedosto tai ohjelman tunniste (oletus: kaikki --root-kansiosta).")
    ] = None,
    theme: Annotated[str | None, typer.Option("--theme", help="Vain tämä teema (tunniste).")] = None,
    status_filter: Annotated[str | None, typer.Option("--status", help="Vain tämä tila.")] = None,
    responsible: Annotated[str | None, typer.Option("--responsible", help="Vain tämä vastuutaho.")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Vain myöhässä olevat.")] = False,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Päivä, jolle myöhästyminen lasketaan.")] = None,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="table, json tai csv.")] = TableFormat.table,
    root: RootOption = Path("programmes"),
    lang: LangOption = Lang.fi,
) -> None:
    """Näytä toimenpiteiden tila taulukkona."""
    from .check import UsageError, collect
    from .edit import EditError
    from .overview import overview_rows, write_rows
    from .updates import find_programme, parse_date, parse_status

    try:
        if programme is not None:
            paths = [find_programme(programme, root)]
        else:
            paths = [f for f in collect([root]) if not _is_catalogue_file(f)]
            if not paths:
                _usage_error(t("no_files", lang.value, path=root), "", lang.value)
        day = parse_date(as_of) if as_of else dt.date.today()
        wanted = parse_status(status_filter) if status_filter else None
        rows = [r for p in paths for r in overview_rows(p, day, theme, wanted, responsible, overdue, lang.value)]
    except UsageError as e:
        _usage_error(t("missing_path", lang.value, path=str(e)), t("missing_path_hint", lang.value), lang.value)
    except EditError as e:
        _report_findings(e, str(programme), lang.value)
        _usage_error(e.message(lang.value), e.hint(lang.value), lang.value, e.code)
    write_rows(rows, fmt.value, lang.value, sys.stdout)


@status_app.command("set")
def status_set(
    programme: Annotated[str, typer.Argument(help="Ohjelmatiedosto tai ohjelman tunniste.")],
    measure: Annotated[str, typer.Argument(help="Toimenpiteen tunniste, esim. 3.2.")],
    status: Annotated[str, typer.Argument(help="Uusi tila (suomeksi tai englanniksi).")],
    note: Annotated[str | None, typer.Option("--note", help="Huomio tilamerkintään.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Merkinnän päivä (oletus tänään).")] = None,
    by: Annotated[str | None, typer.Option("--by", help="Kirjaaja.")] = None,
    dry_run: DryRunOption = False,
    root: RootOption = Path("programmes"),
    lang: LangOption = Lang.fi,
) -> None:
    """Aseta toimenpiteen tila ja lisää päivätty merkintä sen tilahistoriaan."""
    import datetime as dt

    from .updates import parse_date, set_status

    def make() -> object:
        day = parse_date(date) if date else dt.date.today()
        return set_status(measure, status, day, note, by)

    _run_edit(programme, root, make, dry_run, lang.value)


@app.command("set")
def set_command(
    programme: Annotated[str, typer.Argument(help="Ohjelmatiedosto tai ohjelman tunniste.")],
    measure: Annotated[str, typer.Argument(help="Toimenpiteen tunniste.")],
    field_name: Annotated[
        str,
        typer.Argument(
            metavar="FIELD",
            help="responsible, priority, tags, dimensions, schedule.start, schedule.due, "
            "schedule.year, schedule.half, schedule.quarter tai schedule.text.",
        ),
    ],
    value: Annotated[str, typer.Argument(help="Uusi arvo; listat pilkuilla eroteltuina.")],
    dry_run: DryRunOption = False,
    root: RootOption = Path("programmes"),
    lang: LangOption = Lang.fi,
) -> None:
    """Täytä toimenpiteen kenttä: vastuutaho, aikataulu, prioriteetti, tunnisteet."""
    from .updates import set_field

    _run_edit(programme, root, lambda: set_field(measure, field_name, value), dry_run, lang.value)


@app.command("record")
def record_command(
    programme: Annotated[str, typer.Argument(help="Ohjelmatiedosto tai ohjelman tunniste.")],
    indicator: Annotated[str, typer.Argument(help="Mittarin tunniste.")],
    period: Annotated[str, typer.Option("--period", help="Kausi: 2024, 2024-H1, 2024-Q3 tai 2024-05.")],
    value: Annotated[str, typer.Option("--value", help="Arvo: K/E, 12,5, 40 %, 1 200 € …")],
    note: Annotated[str | None, typer.Option("--note", help="Huomio arvolle.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Arvon lähde.")] = None,
    unit_breakdown: Annotated[
        list[str] | None,
        typer.Option("--unit-breakdown", help="Arvo yksiköittäin: yksikkö=arvo (toistettava)."),
    ] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Korvaa kauden aiempi arvo.")] = False,
    dry_run: DryRunOption = False,
    root: RootOption = Path("programmes"),
    lang: LangOption = Lang.fi,
) -> None:
    """Kirjaa mittarille arvo kaudelta."""
    from .updates import record

    _run_edit(programme, root, lambda: record(indicator, period, value, note, source, replace, unit_breakdown),
              dry_run, lang.value)


def _as_of(text: str | None, lang: str) -> dt.date:
    from .edit import EditError
    from .updates import parse_date

    try:
        return parse_date(text) if text else dt.date.today()
    except EditError as e:
        _usage_error(e.message(lang), e.hint(lang), lang, e.code)


AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help="Päivä, jolle tilanne lasketaan (oletus tänään), esim. 30.6.2025.")
]


@app.command("indicators")
def indicators_command(
    programme: Annotated[str, typer.Argument(help="Ohjelmatiedosto tai ohjelman tunniste.")],
    as_of: AsOfOption = None,
    theme: Annotated[str | None, typer.Option("--theme", help="Vain tämän teeman mittarit (tunniste).")] = None,
    status: Annotated[
        str | None, typer.Option("--status", help="Vain tämä tila: saavutettu, aikataulussa, jäljessä, …")
    ] = None,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="table, json tai csv.")] = TableFormat.table,
    root: RootOption = Path("programmes"),
    lang: LangOption = Lang.fi,
) -> None:
    """Laske mittareiden tilanne: viimeisin arvo, muutos, tavoite, toteuma ja tila."""
    from .calc.metrics import evaluate_programme
    from .edit import EditError
    from .output import indicators as out
    from .overview import load_programme
    from .updates import find_programme
    from .vocab import OnTrack

    lang_s = lang.value
    day = _as_of(as_of, lang_s)
    wanted = None
    if status:
        wanted = OnTrack.parse(status)
        if wanted is None:
            _usage_error(t("bad_on_track", lang_s, value=status), ", ".join(OnTrack.choices()), lang_s)
    try:
        st = evaluate_programme(load_programme(find_programme(programme, root)), day)
    except EditError as e:
        _report_findings(e, programme, lang_s)
        _usage_error(e.message(lang_s), e.hint(lang_s), lang_s, e.code)
    inds = [i for i in st.indicators if (theme is None or st.owner.get(i.id, ("",))[0] == theme)
            and (wanted is None or i.on_track is wanted)]
    if fmt is TableFormat.json:
        out.write_json([st], sys.stdout)
    elif fmt is TableFormat.csv:
        out.write_csv([st], [inds], sys.stdout)
    else:
        out.write_table(st, inds, lang_s, sys.stdout)


@app.command("summary")
def summary_command(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Ohjelmat tai kansiot (oletus: programmes/).", show_default=False)
    ] = None,
    as_of: AsOfOption = None,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="table, json tai csv.")] = TableFormat.table,
    lang: LangOption = Lang.fi,
) -> None:
    """Vertaa ohjelmia rinnakkain ja laske yhteisen mittariston mittarit yhteen."""
    from .calc.rollup import rollup
    from .check import UsageError, collect, load_catalogue
    from .edit import EditError
    from .output import summary as out
    from .summary import summarise_files

    lang_s = lang.value
    day = _as_of(as_of, lang_s)
    targets = paths or [Path("programmes")]
    try:
        files = collect(targets)
    except UsageError as e:
        _usage_error(t("missing_path", lang_s, path=str(e)), t("missing_path_hint", lang_s), lang_s)
    programmes = [f for f in files if not _is_catalogue_file(f)]
    if not programmes:
        _usage_error(t("no_files", lang_s, path=", ".join(map(str, targets))), "", lang_s)
    statuses = []
    for outcome in summarise_files(programmes, day):
        if isinstance(outcome, EditError):
            _report_findings(outcome, "", lang_s)
            _usage_error(outcome.message(lang_s), outcome.hint(lang_s), lang_s, outcome.code)
        statuses.append(outcome)
    try:
        catalogue = load_catalogue(programmes[0].parent)[0]
    except EditError as e:
        _usage_error(e.message(lang_s), e.hint(lang_s), lang_s, e.code)
    rows = rollup(statuses, catalogue)
    if fmt is TableFormat.json:
        out.write_json(statuses, rows, sys.stdout)
    elif fmt is TableFormat.csv:
        out.write_csv(statuses, rows, sys.stdout)
    else:
        out.write_table(statuses, rows, lang_s, sys.stdout)


def _is_catalogue_file(path: Path) -> bool:
    """A shared catalogue, not a programme: its top level has `catalogue_version` (read cheaply).
    An unreadable file is taken for a programme, whose loading then says why it cannot be read."""
    from .load import read_bounded

    try:
        head = read_bounded(path, 4096).decode("utf-8", errors="replace")
    except OSError:
        return False
    return "\ncatalogue_version:" in head or head.lstrip("\ufeff").startswith("catalogue_version:")


def _report_findings(e: Any, name: str, lang: str) -> None:
    if getattr(e, "findings", None):
        from .check import FileResult
        from .output.findings import write_text

        write_text([FileResult(Path(str(e.params.get("path", name))), e.findings)], sys.stderr, lang, False, True)


class ReportFormat(enum.StrEnum):
    html = "html"
    md = "md"
    pdf = "pdf"


@app.command("report")
def report_command(
    programmes: Annotated[
        list[str], typer.Argument(help="Ohjelmat (tiedostot, tunnisteet tai kansiot); useampi = koosteraportti.")
    ],
    fmt: Annotated[ReportFormat | None, typer.Option("--format", "-f", help="html, md tai pdf.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Tiedosto (oletus: tulosta).")] = None,
    as_of: AsOfOption = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Muutokset tästä päivästä tai git-versiosta (esim. HEAD~3).")
    ] = None,
    templates: Annotated[
        Path | None, typer.Option("--templates", help="Kansio, jonka pohjat korvaavat oletuspohjat.")
    ] = None,
    root: RootOption = Path("programmes"),
    lang: LangOption = Lang.fi,
) -> None:
    """Laadi tilannekatsaus valtuustolle tai johtoryhmälle: HTML, Markdown tai PDF."""
    from .check import collect
    from .edit import EditError
    from .escape import one_line
    from .report.build import build_report
    from .report.render import PdfUnavailable, TemplateProblem, pdf_bytes, render
    from .updates import find_programme

    lang_s = lang.value
    day = _as_of(as_of, lang_s)
    kind = fmt or _format_from_name(output)
    if output is not None:
        _refuse_programme(output, lang_s)
    if templates is not None and not templates.is_dir():
        _usage_error(t("missing_path", lang_s, path=templates), "", lang_s)
    if kind is ReportFormat.pdf and output is None:
        _usage_error(t("pdf_needs_output", lang_s), "", lang_s)
    try:
        paths: list[Path] = []
        for name in programmes:
            candidate = Path(name)
            if candidate.is_dir():
                paths += [f for f in collect([candidate]) if not _is_catalogue_file(f)]
            else:
                paths.append(find_programme(name, root))
        context = build_report(paths, day, since, lang_s)
        for shown in context["programmes"]:
            if shown["changes_note"]:  # the report says it too, in its changes section
                typer.echo(f"hankinta: {t('warning', lang_s)}: {one_line(shown['id'])}: "
                           f"{one_line(shown['changes_note'])}", err=True)
    except EditError as e:
        _report_findings(e, programmes[0], lang_s)
        _usage_error(e.message(lang_s), e.hint(lang_s), lang_s, e.code)
    try:
        html_or_md = render(context, "md" if kind is ReportFormat.md else "html", lang_s, templates)
    except TemplateProblem as e:
        _usage_error(t("template_problem", lang_s, where=e.where, message=e.message),
                     t("template_problem_hint", lang_s), lang_s)
    if kind is ReportFormat.pdf:
        assert output is not None
        try:
            data = pdf_bytes(html_or_md)
        except PdfUnavailable:
            _usage_error(t("pdf_missing", lang_s), "", lang_s)
    elif output is None:
        sys.stdout.write(html_or_md)
        return
    else:
        data = html_or_md.encode("utf-8")
    _write_output(output, data, lang_s)
    typer.echo(t("report_written", lang_s, path=output), err=True)


def _format_from_name(output: Path | None) -> ReportFormat:
    suffix = output.suffix.lower().lstrip(".") if output else ""
    return {"md": ReportFormat.md, "markdown": ReportFormat.md, "pdf": ReportFormat.pdf}.get(suffix, ReportFormat.html)


@app.command("import")
def import_command(
    programme: Annotated[str | None, typer.Argument(help="Ohjelmatiedosto tai ohjelman tunniste.")] = None,
    source: Annotated[Path | None, typer.Argument(help="Tuotava .csv- tai .xlsx-tiedosto.")] = None,
    template: Annotated[
        Path | None,
        typer.Option("--template", help="Kirjoita tyhjä malli (.csv tai .xlsx); ohjelman kanssa esitäytetty."),
    ] = None,
    sheet: Annotated[str | None, typer.Option("--sheet", help="Excel-välilehti (oletus: ensimmäinen).")] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Korvaa kausien aiemmat arvot.")] = False,
    date: Annotated[
        str | None, typer.Option("--date", help="Tilamerkintöjen päivä, kun rivillä ei ole (oletus tänään).")
    ] = None,
    dry_run: DryRunOption = False,
    root: RootOption = Path("programmes"),
    lang: LangOption = Lang.fi,
) -> None:
    """Tuo mittareiden arvot ja tilapäivitykset CSV- tai Excel-tiedostosta (kaikki tai ei mitään)."""
    import datetime as dt

    from .edit import EditError
    from .importer import import_change, read_table, template_rows, write_template
    from .updates import find_programme, parse_date

    lang_s = lang.value
    try:
        if template is not None:
            _refuse_programme(template, lang_s)
            data = None
            if programme:
                from .load import load_path

                data = load_path(find_programme(programme, root)).data
            template_table = template_rows(data, lang_s, dt.date.today())
            # The workbook is built in a private temp folder and then written like every output
            # (atomically, never over a programme), so a full disk leaves no half template.
            import tempfile

            with tempfile.TemporaryDirectory(prefix="hankinta-") as scratch:
                built = Path(scratch) / template.name
                write_template(built, template_table)
                content = built.read_bytes()
            _write_output(template, content, lang_s)
            typer.echo(t("template_written", lang_s, path=template), err=True)
            raise typer.Exit(EXIT_OK)
        if programme is None or source is None:
            _usage_error("hankinta import PROGRAMME FILE  |  hankinta import --template FILE", "", lang_s)
        if not source.is_file():
            raise EditError("import_missing_file", file=source)
        rows = read_table(source, sheet)
        today = parse_date(date) if date else dt.date.today()
    except EditError as e:
        _usage_error(e.message(lang_s), e.hint(lang_s), lang_s, e.code)
    except OSError as e:
        _usage_error(f"{e.filename}: {e.strerror}", "", lang_s)
    _run_edit(programme, root, lambda: import_change(rows, source, today, replace, lang_s), dry_run, lang_s)


def _refuse_programme(path: Path, lang: str) -> None:
    """Refuse an output path that is a programme before any work is done (exit 2)."""
    from .atomic import OutputRefused, refuse_programme

    try:
        refuse_programme(path)
    except OutputRefused as e:
        _usage_error(t(e.key, lang, **e.params), t(e.key + "_hint", lang, **e.params), lang)


def _write_output(path: Path, data: bytes, lang: str) -> None:
    """Every report, template and schema file is written here (see atomic.write_output)."""
    from .atomic import OutputRefused, write_output

    try:
        write_output(path, data)
    except OutputRefused as e:
        _usage_error(t(e.key, lang, **e.params), t(e.key + "_hint", lang, **e.params), lang)


def _warn(message: str, hint: str, lang: str) -> None:
    typer.echo(f"hankinta: {t('warning', lang)}: {message}", err=True)
    if hint:
        typer.echo(f"    {t('hint', lang)}: {hint}", err=True)


def _usage_error(message: str, hint: str, lang: str, code: int = EXIT_USAGE) -> NoReturn:
    """The one way a command fails: one line of message (and one of hint), exit `code`.
    Messages quote user input, so both are flattened to one line without control characters."""
    from .escape import one_line

    prefix = "virhe" if lang == "fi" else "error"
    typer.echo(f"hankinta: {prefix}: {one_line(message)}", err=True)
    if hint:
        typer.echo(f"    {t('hint', lang)}: {one_line(hint)}", err=True)
    raise typer.Exit(code)


def run() -> None:
    app()


if __name__ == "__main__":
    run()
