"""The `hankinta` command line: a thin shell over the library. `app.py` holds the application
and the helpers every command shares; each module beside it registers one family of commands."""

from __future__ import annotations

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

__all__ = ["app", "run"]


def run() -> None:
    app()
