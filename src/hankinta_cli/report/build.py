"""`hankinta report`: programmes → calculation → changes → context → Markdown, HTML or PDF.

The only I/O besides reading programmes is `git show`, for `--since GIT-REF`: the earlier
version of each file is read here and compared by the pure functions in changes.py.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

from ..calc.metrics import evaluate_programme
from ..edit import EditError
from ..model import Programme
from ..overview import load_programme
from .changes import Change, since_date, since_version
from .context import report_context


def git_version(path: Path, ref: str) -> Programme | None:
    """The programme as it was at git revision `ref`; None if the file did not exist then."""
    from ..load import load_text
    from ..validate import validate

    folder = path.resolve().parent
    try:
        top = subprocess.run(["git", "-C", str(folder), "rev-parse", "--show-toplevel"], capture_output=True,
                             text=True, check=True).stdout.strip()
        subprocess.run(["git", "-C", top, "rev-parse", "--verify", "--quiet", ref + "^{commit}"],
                       capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        raise EditError("bad_since", value=ref) from None
    rel = path.resolve().relative_to(Path(top).resolve()).as_posix()
    shown = subprocess.run(["git", "-C", top, "show", f"{ref}:{rel}"], capture_output=True, check=False)
    if shown.returncode != 0:
        return None  # the file is newer than the revision: everything in it is new
    try:
        doc = load_text(shown.stdout.decode("utf-8-sig"), path)
    except Exception:  # an old version that no longer loads: compare with nothing rather than fail
        return None
    old, _ = validate(doc.data, doc.positions)
    return old


def parse_since(text: str) -> dt.date | None:
    from ..updates import parse_date

    try:
        return parse_date(text)
    except EditError:
        return None


def build_report(paths: list[Path], as_of: dt.date, since: str | None, lang: str) -> dict[str, Any]:
    statuses, changes = [], []
    since_day = parse_since(since) if since else None
    for path in paths:
        programme = load_programme(path)
        statuses.append(evaluate_programme(programme, as_of))
        found: list[Change] | None = None
        if since_day is not None:
            found = since_date(programme, since_day, as_of)
        elif since:
            old = git_version(path, since)
            empty = Programme.model_validate({"schema_version": 1, "id": programme.id, "name": programme.name,
                                              "organisation": programme.organisation})
            found = since_version(old or empty, programme)
        changes.append(found)
    since_text = None
    if since:
        from ..i18n import day

        since_text = day(since_day, lang) if since_day else since
    from ..check import load_catalogue

    catalogue = load_catalogue(paths[0].parent)[0] if len(paths) > 1 else None
    return report_context(statuses, changes, as_of, since_text, lang, catalogue)
