"""The `hankinta` Typer application and its `status` group, on which the command modules
(`reading.py`, `editing.py`) register their commands, and the helpers every command shares:
`failures` (the one way a command fails: a `UserError` printed with its findings and its exit
code), `emit` (a document to stdout or a file), `today_or` and `edit` (every writing command).
Exit codes: 0 ok, 1 findings, 2 usage or I/O. Heavy modules are imported inside commands so
that `hankinta --help` starts fast."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..errors import UserError
from ..i18n import t
from ..presenting.output.documents import emit as emit_document
from ..presenting.output.messages import write_error
from ..reading.inputs import parse_date
from ..reading.resolve import programme_path
from . import options as o
from .clicktexts import Group, Root, Typer

if TYPE_CHECKING:
    from ..editing.edit import Session

app = Typer(name="hankinta", cls=Root, no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  rich_markup_mode=None, help="Hankintaohjelmat koodina: tarkista, päivitä ja raportoi "
                  "ohjelmatiedostoja. (Procurement programmes as code: check, update and report programme files.)")

status_app = Typer(cls=o.DefaultShow, help="Toimenpiteiden tila: näytä tai aseta.", rich_markup_mode=None)
app.add_typer(status_app, name="status")


def command_group(name: str, text: str) -> Typer:
    """A group of commands, `hankinta NAME …`, whose help and usage errors are in the run's
    language like every other command's (clicktexts)."""
    group = Typer(cls=Group, help=text, rich_markup_mode=None, no_args_is_help=True)
    app.add_typer(group, name=name)
    return group


@app.callback()
def main(version: o.Version = False) -> None:
    """Hankintaohjelmat koodina."""


@contextmanager
def failures(lang: str) -> Iterator[None]:
    """The one way a command fails: what explains it, one line of message, one of hint, exit code."""
    try:
        yield
    except UserError as e:
        write_error(e, lang, sys.stderr)
        raise typer.Exit(e.code) from None


def emit(content: str | bytes, output: Path | None, written: str, lang: str) -> None:
    with failures(lang):
        if emit_document(content, output, sys.stdout):
            typer.echo(t(written, lang, path=output), err=True)


def today_or(text: str | None) -> dt.date:
    """The day a command was given, or today: the one place the CLI reads the clock."""
    return parse_date(text) if text else dt.date.today()


def edit(programme: str, root: Path | None, change: Callable[[], Callable[[Session], None]], dry_run: bool,
         lang: str, resolve: Callable[[str, Path | None], Path] = programme_path) -> None:
    """Every writing command: resolve one programme (or, with `resolve`, a plan), edit it, say what changed."""
    from ..editing.edit import edit_file
    from ..presenting.output.edits import write_edit
    with failures(lang):
        result = edit_file(resolve(programme, root), change(), dry_run=dry_run)
    write_edit(result, dry_run, lang, sys.stdout, sys.stderr)
