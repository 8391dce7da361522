"""Click's own texts (usage errors and --help) in Finnish under `--lang fi`, the default.

Typer 0.26 carries its own copy of Click (`typer._click`) whose messages are English f-strings,
not gettext calls, so they cannot be translated by installing a catalogue. They are translated
where they are shown instead, in two places that every command goes through:

- `--help` and the usage line are written by a `HelpFormatter`; our `Context` makes a `Formatter`
  that writes "Käyttö:", "Valitsimet", "Näytä tämä ohje ja lopeta." and "[oletus: …]".
- A usage error travels up to the root group as an exception; `Root` turns it into a `Translated`
  error whose `show()` writes the message through `MESSAGES` (exit code unchanged: 2).

The language must be known before Click has parsed `--lang` (a usage error may come first, and
`--help` is answered while parsing), so it is read from the raw arguments, then HANKINTA_LANG,
else Finnish (`language`). Every command and group gets these classes through `Typer` below.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO, Any

import typer
from typer import _click
from typer.core import TyperCommand, TyperGroup

#: Click's usage errors (typer/_click/*.py, typer/core.py), most specific first. A group named
#: `inner` is itself translated (e.g. the reason after "Invalid value for '--format':"); a message
#: that matches nothing is shown as Click wrote it.
MESSAGES: list[tuple[re.Pattern[str], str]] = [(re.compile(p, re.S), fi) for p, fi in [
    (r"Missing argument (?P<p>'[^']*'(?: / '[^']*')*)\.(?P<inner>.*)", "Argumentti {p} puuttuu.{inner}"),
    (r"Missing option (?P<p>'[^']*'(?: / '[^']*')*)\.(?P<inner>.*)", "Valitsin {p} puuttuu.{inner}"),
    (r"Missing parameter(?P<p>.*?)\.(?P<inner>.*)", "Parametri{p} puuttuu.{inner}"),
    (r"(?P<sp>\s*)Choose from:(?P<c>.*)", "{sp}Vaihtoehdot:{c}"),
    (r"Missing command\.", "Komento puuttuu."),
    (r"No such command (?P<c>'[^']*')\.(?P<inner>.*)", "Komentoa {c} ei ole.{inner}"),
    (r"(?P<sp>\s*)Did you mean (?P<m>.+)\?", "{sp}Tarkoititko {m}?"),
    (r"No such option: (?P<o>\S+)(?P<inner>.*)", "Tuntematon valitsin: {o}{inner}"),
    (r"(?P<sp>\s*)\(Possible options: (?P<o>.*)\)", "{sp}(tarkoititko: {o})"),
    (r"Option (?P<o>'[^']*') requires an argument\.", "Valitsin {o} tarvitsee arvon."),
    (r"Option (?P<o>'[^']*') requires (?P<n>\d+) arguments\.", "Valitsin {o} tarvitsee {n} arvoa."),
    (r"Option (?P<o>'[^']*') does not take a value\.", "Valitsin {o} ei ota arvoa."),
    (r"Got unexpected extra argument\(s\) \((?P<a>.*)\)", "Ylimääräisiä argumentteja: {a}"),
    (r"Invalid value for (?P<p>.+?): (?P<inner>.*)", "Virheellinen arvo kohdassa {p}: {inner}"),
    (r"Invalid value: (?P<inner>.*)", "Virheellinen arvo: {inner}"),
    (r"(?P<v>.+) is not one of (?P<c>.*)\.", "{v} ei ole mikään näistä: {c}."),
    (r"(?P<v>.+) is not a valid integer\.", "{v} ei ole kokonaisluku."),
    (r"(?P<v>.+) is not a valid float\.", "{v} ei ole luku."),
    (r"(?P<v>.+) is not a valid boolean\.(?P<c>.*)", "{v} ei ole totuusarvo.{c}"),
    (r"(?P<v>.+) is not in the range (?P<r>.*)\.", "{v} ei ole välillä {r}."),
    (r"(?P<v>.+) does not match the formats (?P<f>.*)\.", "{v} ei ole missään muodoista {f}."),
    (r"(?:File|Directory|Path) (?P<p>.+) does not exist\.", "Polkua {p} ei ole."),
    (r"(?:File|Directory|Path) (?P<p>.+) is a directory\.", "{p} on kansio."),
    (r"(?:File|Directory|Path) (?P<p>.+) is not readable\.", "{p}: ei lukuoikeutta."),
]]

#: --help: section headings, the usage prefix and the help option, and the bracketed extras.
HEADINGS = {"Options": "Valitsimet", "Arguments": "Argumentit", "Commands": "Komennot"}
USAGE = {"[OPTIONS]": "[VALITSIMET]", "COMMAND [ARGS]...": "KOMENTO [ARGUMENTIT]..."}
HELP = {"Show this message and exit.": "Näytä tämä ohje ja lopeta."}
EXTRAS = {"default: ": "oletus: ", "env var: ": "ympäristömuuttuja: ", "required": "pakollinen"}
_EXTRAS = re.compile(r"\[([^\[\]]*)\]$")

#: The language of Click's texts for this run: set by `Root` from the raw arguments.
_lang = ["fi"]


def language(args: Sequence[str], env: dict[str, str] | os._Environ[str] = os.environ) -> str:
    """`--lang X` or `--lang=X` among the arguments (before a lone `--`), else HANKINTA_LANG, else
    Finnish. An unknown value falls back to Finnish; Click then says so, in Finnish."""
    chosen: str | None = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            chosen = args[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg.split("=", 1)[1]
    chosen = chosen or env.get("HANKINTA_LANG") or "fi"
    return chosen if chosen in ("fi", "en") else "fi"


def translate(message: str, lang: str) -> str:
    """A Click usage error's message in `lang` (English as Click wrote it)."""
    if lang == "en":
        return message
    for pattern, fi in MESSAGES:
        m = pattern.fullmatch(message)
        if m:
            parts = {k: (translate(v, lang) if k == "inner" else v) for k, v in m.groupdict(default="").items()}
            return fi.format(**parts)
    return message


class Formatter(_click.HelpFormatter):
    """Click's help formatter, writing its fixed words in Finnish."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for en, fi in USAGE.items():
            args = args.replace(en, fi)
        super().write_usage(prog, args, prefix or "Käyttö: ")

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(HEADINGS.get(name, name)):
            yield

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, _help_text(text)) for term, text in rows], col_max, col_spacing)


def _help_text(text: str) -> str:
    for en, fi in HELP.items():
        text = text.replace(en, fi)

    def extras(m: re.Match[str]) -> str:
        inside = m.group(1)
        for en, fi in EXTRAS.items():
            inside = inside.replace(en, fi)
        return f"[{inside}]"
    return _EXTRAS.sub(extras, text)


class Context(typer.Context):
    def make_formatter(self) -> _click.HelpFormatter:
        if _lang[0] == "en":
            return super().make_formatter()
        return Formatter(width=self.terminal_width, max_width=self.max_content_width)


class Translated(_click.exceptions.UsageError):
    """A usage error shown in Finnish: usage line, where help is, the message."""

    def __init__(self, error: _click.exceptions.ClickException) -> None:
        super().__init__(error.format_message(), getattr(error, "ctx", None))
        self.exit_code = error.exit_code

    def show(self, file: IO[Any] | None = None) -> None:
        out = file or _click._compat.get_text_stderr()
        if self.ctx is not None:
            usage = self.ctx.get_usage()
            where = f"{self.ctx.command_path} {self.ctx.help_option_names[0]}"
            _click.echo(f"{usage}\nOhje: {where}\n", file=out, color=self.ctx.color)
        _click.echo(f"Virhe: {translate(self.message, 'fi')}", file=out, color=self.ctx.color if self.ctx else None)


@contextmanager
def _translated_errors() -> Iterator[None]:
    try:
        yield
    except _click.exceptions.NoArgsIsHelpError:
        raise  # the help, already written in the language
    except _click.exceptions.ClickException as e:
        if _lang[0] == "en":
            raise
        raise Translated(e) from None


class Command(TyperCommand):
    context_class = Context


class Group(TyperGroup):
    context_class = Context


class Root(Group):
    """The `hankinta` group: decides the language of Click's texts from the raw arguments before
    parsing them, and shows every usage error below it in that language."""

    def make_context(self, info_name: str | None, args: list[str], parent: _click.Context | None = None,
                     **extra: Any) -> _click.Context:
        _lang[0] = language(args)
        with _translated_errors():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: _click.Context) -> Any:
        with _translated_errors():
            return super().invoke(ctx)


class Typer(typer.Typer):
    """typer.Typer whose commands are `Command`s, so their help is in the run's language."""

    def command(self, name: str | None = None, *, cls: type[TyperCommand] | None = None,
                **kw: Any) -> Callable[[Any], Any]:
        return super().command(name, cls=cls or Command, **kw)
