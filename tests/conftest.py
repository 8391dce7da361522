from __future__ import annotations

import sys

# Bytecode caches even where the environment turns them off (PYTHONDONTWRITEBYTECODE=1 on the
# build machines): otherwise every worker compiles the package and pytest rewrites the asserts
# of every test module on every run, some 10 s of a 2-core run. Set before the package and the
# test modules are imported; only __pycache__ folders (git-ignored) are written.
sys.dont_write_bytecode = False

import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
import typer.testing  # noqa: E402
from hypothesis import settings  # noqa: E402
from markdown_it import MarkdownIt  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from hankinta_cli.cli import app  # noqa: E402

# CI runs the property tests on a fixed sequence of examples (HYPOTHESIS_PROFILE=ci in .ci/run), so
# a landing is never decided by a random draw; local runs explore new examples every time.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
PROGRAMMES = ROOT / "programmes"
BROKEN = Path(__file__).resolve().parent / "broken"
CATALOGUE = PROGRAMMES / "mittaristo.yaml"
PROGRAMME_FILES = sorted(p for p in PROGRAMMES.glob("*.yaml") if p != CATALOGUE)


def copy_programme(name: str, folder: Path) -> Path:
    """A shipped programme copied into `folder` with the shared catalogue it refers to."""
    shutil.copy(CATALOGUE, folder / CATALOGUE.name)
    return Path(shutil.copy(PROGRAMMES / name, folder / name))


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANKINTA_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("HANKINTA_LANG", raising=False)


class Run:
    def __init__(self, code: int, stdout: str, stderr: str) -> None:
        self.code, self.stdout, self.stderr = code, stdout, stderr

    def json(self) -> Any:
        return json.loads(self.stdout)


# typer.testing.CliRunner builds the Click command from the Typer app again for every run (~40 ms
# each, close to a minute of CPU over the suite); the command is the same each time, so it is
# built once per app here. Only the tests' runner is affected, never the installed command.
_build_command = typer.testing._get_command
_built: dict[int, Any] = {}


def _command_once(typer_app: Any) -> Any:
    if id(typer_app) not in _built:
        _built[id(typer_app)] = _build_command(typer_app)
    return _built[id(typer_app)]


typer.testing._get_command = _command_once


def hankinta(*args: str, env: dict[str, str] | None = None) -> Run:
    result = CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def markdown_tables(md: str) -> list[list[int]]:
    """Cell counts per row of every table, as a GFM parser sees them."""
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    tables, rows, cells = [], [], 0
    for tok in tokens:
        if tok.type == "table_open":
            rows = []
        elif tok.type == "tr_open":
            cells = 0
        elif tok.type in ("th_open", "td_open"):
            cells += 1
        elif tok.type == "tr_close":
            rows.append(cells)
        elif tok.type == "table_close":
            tables.append(rows)
    return tables


_RECORDED = re.compile(r", recorded: \d{4}-\d{2}-\d{2}|(?:\r\n|\r|\n) *recorded: \d{4}-\d{2}-\d{2}(?= *(?:\r|\n|$))")


def unrecorded(text: Any) -> Any:
    """A programme's text without the `recorded:` days that `record` and `import` add (they are
    today's date): for tests that compare the lines an edit wrote. Takes str or bytes."""
    if isinstance(text, bytes):
        return _RECORDED.sub("", text.decode("utf-8")).encode("utf-8")
    return _RECORDED.sub("", text)
