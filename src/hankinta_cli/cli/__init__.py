"""The `hankinta` command line: a thin shell over the library. `app.py` holds the application
and the helpers every command shares; each module beside it registers one family of commands."""

from __future__ import annotations

from . import editing, hilma, notices, plans, reading  # noqa: F401  (importing registers the commands)
from .app import app

__all__ = ["app", "run"]


def run() -> None:
    app()
