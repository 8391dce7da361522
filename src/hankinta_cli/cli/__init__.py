"""The `hankinta` command line: a thin shell over the library. `app.py` holds the application
and the helpers every command shares; each module beside it registers one family of commands."""

from __future__ import annotations

import copy
import os
import sys
from collections.abc import Sequence

# Importing a module registers its commands; `--help` lists them in this order, the way a
# coordinator meets them: make the repository, read and report, then edit, then notices and plans,
# and the public calendar of plans.
# isort: off
from . import init  # noqa: F401
from . import reading  # noqa: F401
from . import site  # noqa: F401
from . import views  # noqa: F401
from . import editing  # noqa: F401
from . import notices, hilma, plans, plan_indicators  # noqa: F401
from . import calendar  # noqa: F401
# isort: on
from .app import app
from .clicktexts import Typer

__all__ = ["app", "only", "run"]


def run() -> None:
    # hankinta uses no pydantic plugin; looking for one reads the metadata of every installed
    # package at the first validation (~20 ms of each short command). Whoever has one can say so.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    only(app, sys.argv[1:])()


def only(application: Typer, args: Sequence[str]) -> Typer:
    """The application with just the command (or group) the arguments name. Typer builds the
    whole tree before it parses anything, reading the signature of every command (about 50 of
    them, their annotations evaluated): ~50 ms at each start, for one command run. The root has
    one option, `--version`, a flag, so the first argument that is not an option is the name.
    Anything else (no name, a misspelt one, `--help`) gets the whole tree, so usage and the
    "did you mean" suggestions stay complete."""
    name = next((a for a in args if not a.startswith("-")), None)
    if name is None:
        return application
    commands = [c for c in application.registered_commands
                if (c.name or (c.callback.__name__.lower().replace("_", "-") if c.callback else None)) == name]
    groups = [g for g in application.registered_groups if g.name == name]
    if not commands and not groups:
        return application
    narrowed = copy.copy(application)
    narrowed.registered_commands = commands
    narrowed.registered_groups = groups
    return narrowed
