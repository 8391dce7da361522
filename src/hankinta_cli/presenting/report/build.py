"""`hankinta report`: programmes → calculation → changes → context → Markdown, HTML or PDF.

The only I/O besides reading programmes is `git cat-file`, for `--since GIT-REF`: the earlier
version of each file is read here (within the loader's limits) and compared by the pure
functions in changes.py. An earlier version that cannot be used is said in the report.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

from ...checking.findings import Finding, LoadError
from ...computing.measures import HORIZON_DAYS
from ...computing.metrics import evaluate_programme
from ...computing.selection import Selection, check_theme, narrow
from ...errors import UserError
from ...model import Programme
from ...reading.plans import plans_beside
from ...reading.read import load_programmes
from .changes import Change, since_date, since_version
from .context import report_context


class OldVersionUnusable(Exception):
    """The earlier version of a programme cannot be compared with: missing at the revision, over
    the loader's size limit, or not a loadable programme. The report says so instead of calling
    every measure new."""

    def __init__(self, key: str, finding: Finding | None = None, **args: object) -> None:
        super().__init__(key)
        self.key, self.finding, self.params = key, finding, args

    def reason(self, lang: str) -> str:
        from ...i18n import t

        args = dict(self.params)
        if self.finding is not None:
            f = self.finding
            args.update(line=f.line, column=f.column, problem=f.message(lang))
        return t(self.key, lang, **args)


def git_version(path: Path, ref: str) -> Programme:
    """The programme as it was at git revision `ref`, read through the loader's limits: the size is
    asked from git first and at most MAX_BYTES are read, so an old 200 MB file costs nothing.
    UserError for a revision git does not know; OldVersionUnusable when that version cannot be used."""
    from ...checking.validate import validate
    from ...reading.load import MAX_BYTES, load_bytes

    folder = path.resolve().parent
    try:
        top = subprocess.run(["git", "-C", str(folder), "rev-parse", "--show-toplevel"], capture_output=True,
                             text=True, check=True).stdout.strip()
        commit = subprocess.run(["git", "-C", top, "rev-parse", "--verify", "--quiet", ref + "^{commit}"],
                                capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        raise UserError("bad_since", value=ref) from None
    rel = path.resolve().relative_to(Path(top).resolve()).as_posix()
    # "<object> <type> <size>", or "<name> missing"; the name goes on stdin, never as an option
    found = subprocess.run(["git", "-C", top, "cat-file", "--batch-check"], input=f"{commit}:{rel}\n",
                           capture_output=True, text=True, check=False).stdout.split()
    if len(found) != 3 or found[1] != "blob":
        raise OldVersionUnusable("since_missing", path=rel, revision=ref)
    size = int(found[2])
    if size > MAX_BYTES:
        raise OldVersionUnusable("since_too_big", revision=ref, size=size, limit=MAX_BYTES)
    with subprocess.Popen(["git", "-C", top, "cat-file", "blob", found[0]], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL) as git:
        assert git.stdout is not None
        raw = git.stdout.read(MAX_BYTES + 1)  # never more, whatever git sends
        git.kill()
    try:
        doc = load_bytes(raw, path)
    except LoadError as e:
        raise OldVersionUnusable("since_unreadable", e.finding) from None
    old, findings = validate(doc.data, doc.positions)
    if old is None:
        raise OldVersionUnusable("since_unreadable", findings[0] if findings else None, line=1, column=1,
                                 problem="")
    return old


def parse_since(text: str) -> dt.date | None:
    from ...reading.inputs import parse_date

    try:
        return parse_date(text)
    except UserError:
        return None


def build_report(paths: list[Path], as_of: dt.date, since: str | None, lang: str,
                 selection: Selection | None = None, horizon: int | None = None,
                 root: Path | None = None) -> dict[str, Any]:
    """The report context of the programmes in `paths`, as far as `selection` reaches (`--theme`,
    `--responsible`), with what falls due within `horizon` days (default HORIZON_DAYS) and the
    procurement plans that name each programme (`plans/` beside the programme folder; `root` is
    `--root`)."""
    statuses, changes, notes = [], [], []
    since_day = parse_since(since) if since else None
    selection = selection or Selection()
    programmes = load_programmes(paths)  # the catalogue among them is left out
    check_theme(selection.theme, (programme for _, programme in programmes))
    for path, programme in programmes:
        statuses.append(narrow(evaluate_programme(programme, as_of), selection))
        found: list[Change] | None = None
        note: str | None = None  # why the changes could not be listed
        if since_day is not None:
            found = since_date(programme, since_day, as_of)
        elif since:
            try:
                found = since_version(git_version(path, since), programme)
            except OldVersionUnusable as e:
                from ...i18n import t

                found = []
                note = t("since_unusable", lang, revision=since, reason=e.reason(lang))
        changes.append(found)
        notes.append(note)
    since_text = None
    if since:
        from ...i18n import day

        since_text = day(since_day, lang) if since_day else since
    from ...checking.check import load_catalogue

    catalogue = load_catalogue(programmes[0][0].parent)[0] if len(programmes) > 1 else None
    plans, unreadable = plans_beside([path for path, _ in programmes], root)
    context = report_context(statuses, changes, as_of, since_text, lang, catalogue, notes, selection,
                             HORIZON_DAYS if horizon is None else horizon,
                             [[plan for plan in plans if programme.id in plan.programmes]
                              for _, programme in programmes])
    from ...i18n import t

    context["plan_notes"] = [t("plan_unreadable", lang, path=path) for path in unreadable]
    return context


def report_kind(fmt: str | None, output: Path | None) -> str:
    """html, md or pdf: as asked, else from the output file's suffix, else html."""
    if fmt:
        return fmt
    suffix = output.suffix.lower().lstrip(".") if output else ""
    return {"md": "md", "markdown": "md", "pdf": "pdf"}.get(suffix, "html")


def check_report_options(kind: str, output: Path | None, templates: Path | None) -> None:
    """Refuse what cannot work before any programme is read (UserError, exit 2)."""
    from ...editing.atomic import refuse_programme

    if output is not None:
        refuse_programme(output)
    if templates is not None and not templates.is_dir():
        raise UserError("no_templates", path=templates)
    if kind == "pdf" and output is None:
        raise UserError("pdf_needs_output")


def report_notes(context: dict[str, Any]) -> list[str]:
    """What the report says in its changes section and the command says as warnings too."""
    return [f"{shown['id']}: {shown['changes_note']}" for shown in context["programmes"]
            if shown["changes_note"]] + list(context.get("plan_notes", []))


#: Past these a combined report is too heavy for a browser or a council meeting: the command
#: says to publish with `hankinta site` instead (it still writes the report asked for).
COMBINED_PROGRAMMES = 12
COMBINED_BYTES = 5_000_000


def size_note(context: dict[str, Any], content: str | bytes, lang: str) -> tuple[str, str] | None:
    """The warning and its hint when the report is past the sizes above, else None."""
    from ...i18n import t

    count, size = len(context["programmes"]), len(content)
    if count <= COMBINED_PROGRAMMES and size <= COMBINED_BYTES:
        return None
    return (t("report_too_big", lang, count=count, mb=round(size / 1e6, 1)),
            t("report_too_big_hint", lang))


def render_report(context: dict[str, Any], kind: str, lang: str, templates: Path | None) -> str | bytes:
    """Markdown or HTML text, or PDF bytes."""
    from .render import pdf_bytes, render

    text = render(context, "md" if kind == "md" else "html", lang, templates)
    return pdf_bytes(text) if kind == "pdf" else text
