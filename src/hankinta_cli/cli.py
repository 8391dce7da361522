"""The `hankinta` command: parse arguments, call the library, pick an output, set the exit code.

Heavy modules (pydantic, ruamel, jinja2) are imported inside commands so that
`hankinta --help` and `hankinta --version` start fast.

Exit codes: 0 ok, 1 findings (validation errors), 2 usage or I/O error.
"""

from __future__ import annotations

import enum
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .i18n import t

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
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Näytä versio.")
    ] = False,
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
        results = check_paths(targets, cache)
    except UsageError as e:
        _usage_error(t("missing_path", lang_s, path=str(e)), t("missing_path_hint", lang_s), lang_s)
    if not results:
        _usage_error(t("no_files", lang_s, path=", ".join(str(p) for p in targets)), "", lang_s)
    if fmt is CheckFormat.json:
        out.write_json(results, sys.stdout, lang_s, strict)
    elif fmt is CheckFormat.github:
        out.write_github(results, sys.stdout, lang_s, strict)
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file:
            try:
                with open(summary_file, "a", encoding="utf-8") as fh:
                    fh.write(out.step_summary(results, lang_s, strict))
            except OSError:
                pass
    else:
        out.write_text(results, sys.stdout, lang_s, strict, show_all)
    errors, warnings = out.counts(results, strict)
    if errors or warnings:
        line = t("summary", lang_s, files=len(results), errors=errors, warnings=warnings)
    else:
        line = t("clean", lang_s, files=len(results))
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
    lang: LangOption = Lang.fi,
) -> None:
    """Tulosta ohjelmatiedostojen JSON Schema (draft-07, VS Codea varten)."""
    from .schema import schema_text

    text = schema_text()
    if output is None:
        sys.stdout.write(text)
        raise typer.Exit(EXIT_OK)
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
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as e:
        _usage_error(f"{output}: {e.strerror}", "", lang.value)
    typer.echo(t("schema_written", lang.value, path=output), err=True)


def _usage_error(message: str, hint: str, lang: str) -> typer.Exit:
    prefix = "virhe" if lang == "fi" else "error"
    typer.echo(f"hankinta: {prefix}: {message}", err=True)
    if hint:
        typer.echo(f"    {t('hint', lang)}: {hint}", err=True)
    raise typer.Exit(EXIT_USAGE)


def run() -> None:
    app()


if __name__ == "__main__":
    run()
