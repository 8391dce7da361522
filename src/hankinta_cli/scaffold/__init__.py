"""`hankinta init`: a new programme repository, ready to check, edit, report and publish.

`plan` decides every file and its bytes (and checks the starter programme with the catalogue
it gets); `write` creates them, all or none, never over anything that exists. Templates are in
`files/` (package data), filled by `programme.fill`; the starter programme is in `programme.py`.
"""

from __future__ import annotations

import json
import os
import re
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..checking.findings import Finding
from ..editing.yamlpatch import render
from ..errors import UserError
from ..escape import markdown_inline
from ..model_base import ID_PATTERN
from .programme import NAME_SUFFIX, derived, fill, slug, starter

#: Where the workflow and pre-commit install hankinta from, until `--hankinta-repo` says (as the
#: README's examples: hankinta is not on PyPI).
DEFAULT_REPO = "https://github.com/<org>/hankinta"
#: The shipped programmes' short names for `--from`.
SHIPPED = {"hyvinkaa": "hyvinkaa", "kajaani": "kajaani-2021-2023",
           "valtio": "valtio-innovatiiviset-hankinnat-2017-2019"}
CATALOGUE = "mittaristo.yaml"


def data_folder(name: str) -> Path:
    """Installed: the package data hankinta_cli/NAME (pyproject maps the top-level folder there).
    From a checkout: the top-level NAME/."""
    here = Path(__file__).resolve().parents[1]  # hankinta_cli
    for candidate in (here / name, here.parent.parent / name):
        if candidate.is_dir():
            return candidate
    return here / name


@dataclass
class Scaffold:
    """What `init` makes in `target`: (path relative to it, content, what it is: an i18n key)."""

    target: Path
    programme_id: str
    #: the starter's first measure, for the examples (`status set`)
    measure: str = "1.1"
    files: list[tuple[str, bytes, str]] = field(default_factory=list)
    #: the starter programme's findings (warnings only: gaps the coordinator fills in)
    findings: list[Finding] = field(default_factory=list)


def plan(target: Path, organisation: str, source: str | None = None, programme_id: str | None = None,
         repo: str | None = None) -> Scaffold:
    """Every file of the new repository, checked; nothing is written. UserError for a bad name,
    id, source or a starter programme with errors."""
    organisation = organisation.strip()
    if not organisation:
        raise UserError("init_no_organisation")
    pid = programme_id if programme_id is not None else slug(organisation)
    if not re.match(ID_PATTERN, pid) or pid == CATALOGUE.removesuffix(".yaml"):
        raise UserError("init_bad_id", id=pid)
    repo = (repo or DEFAULT_REPO).strip()
    if not repo or re.search(r"\s", repo):
        raise UserError("init_bad_repo", repo=repo)
    shipped, schemas = data_folder("programmes"), data_folder("schemas")
    if source is None:
        text, catalogue = starter(organisation, pid), shipped / CATALOGUE
    else:
        path = _source_path(source, shipped)
        original = _valid(path)
        text = derived(original, organisation, pid)
        beside = path.parent / CATALOGUE  # the catalogue its references were written against
        catalogue = beside if beside.is_file() else shipped / CATALOGUE
    rel = f"programmes/{pid}.yaml"
    findings = _check(text, catalogue, target / rel)
    s = Scaffold(target, pid, _first_measure(text), findings=findings)
    rev = f"v{__version__}"
    install = f"git+{repo}@{rev}"
    s.files = [
        (rel, text.encode("utf-8"), "init_programme" if source is None else "init_programme_from"),
        (f"programmes/{CATALOGUE}", catalogue.read_bytes(), "init_catalogue"),
        *((f"schemas/{n}", (schemas / n).read_bytes(), "init_schema")
          for n in ("programme.schema.json", "catalogue.schema.json", "plan.schema.json")),
        (".vscode/settings.json", _json({"yaml.schemas": {
            "./schemas/programme.schema.json": ["programmes/*.yaml"],
            "./schemas/catalogue.schema.json": [f"programmes/{CATALOGUE}"],
            "./schemas/plan.schema.json": ["plans/*.yaml"]}}), "init_vscode"),
        (".vscode/extensions.json", _json({"recommendations": ["redhat.vscode-yaml"]}), "init_vscode"),
        (".pre-commit-config.yaml", fill("pre-commit-config.yaml", repo=render(repo), rev=render(rev)).encode(),
         "init_pre_commit"),
        (".github/workflows/hankinta.yml", fill("workflow.yml", install=render(install)).encode(), "init_workflow"),
        (".gitignore", fill("gitignore.txt").encode(), "init_gitignore"),
        ("README.md", fill("README.md", title=markdown_inline(organisation + NAME_SUFFIX), id=pid, measure=s.measure,
                           organisation=markdown_inline(organisation), repo=repo.replace(")", "%29"),
                           install=install.replace('"', "%22")).encode(), "init_readme"),
    ]
    return s


def existing(s: Scaffold) -> list[str]:
    """The files (or anything in their place, a link included) that are already there."""
    return [rel for rel, _, _ in s.files if _occupied(s.target / rel)]


def _occupied(path: Path) -> bool:
    """Anything at `path`, or a parent that is not a folder (a file named `programmes`)."""
    for p in (path, *path.parents):
        if os.path.lexists(p):
            return p == path or not p.is_dir()
    return False


def write(s: Scaffold) -> None:
    """Create every file of `s`, or none: refused if any is there (checked first, and again by
    each create, so a file that appears meanwhile is not overwritten either); on a failure the
    files and folders made so far are removed."""
    from ..editing.atomic import create_new

    taken = existing(s)
    if taken:
        raise UserError("init_exists", dir=s.target, paths=", ".join(taken))
    made_dirs: list[Path] = []
    made_files: list[Path] = []
    try:
        for rel, content, _ in s.files:
            path = s.target / rel
            for folder in reversed([p for p in path.parents if not os.path.lexists(p)]):
                folder.mkdir()
                made_dirs.append(folder)
            create_new(path, content)
            made_files.append(path)
    except OSError as e:
        for path in reversed(made_files):
            path.unlink(missing_ok=True)
        for folder in reversed(made_dirs):
            with suppress(OSError):
                folder.rmdir()  # only if empty: never a folder with anything but ours
        if isinstance(e, FileExistsError):
            raise UserError("init_exists", dir=s.target, paths=e.filename or "") from None
        raise UserError("init_write_failed", path=e.filename or s.target, reason=e.strerror or str(e)) from None


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _source_path(source: str, shipped: Path) -> Path:
    """`--from`: a file, else a shipped programme by its short name, id or file name."""
    path = Path(source)
    if path.is_file():
        return path
    name = SHIPPED.get(source, source)
    candidate = shipped / f"{name}.yaml"
    if name != CATALOGUE.removesuffix(".yaml") and candidate.is_file():
        return candidate
    raise UserError("init_no_source", name=source, known=", ".join(SHIPPED))


def _valid(path: Path) -> dict[str, Any]:
    """The loaded data of a programme with no errors (a template with errors would make a new
    programme with errors)."""
    from ..checking.check import check_document, load_catalogue
    from ..checking.findings import LoadError
    from ..checking.validate import is_catalogue, is_plan
    from ..reading.load import load_path

    try:
        doc = load_path(path)
    except LoadError as e:
        raise UserError("init_bad_source", 2, [e.finding], path=path) from None
    if is_catalogue(doc.data) or is_plan(doc.data, path):
        raise UserError("init_not_programme", path=path)
    catalogue, _ = load_catalogue(path.parent)
    errors = [f for f in check_document(doc, catalogue) if f.severity == "error"]
    if errors:
        raise UserError("init_bad_source", 2, errors, path=path)
    return doc.data


def _check(text: str, catalogue: Path, path: Path) -> list[Finding]:
    """The starter programme's findings, checked against the catalogue it will sit beside; an error
    is a bug here (or a source that only passed with its own catalogue): nothing is written."""
    from ..checking.check import check_document
    from ..checking.findings import LoadError
    from ..checking.validate import validate_catalogue
    from ..reading.load import load_path, load_text

    cat_doc = load_path(catalogue)
    cat, _ = validate_catalogue(cat_doc.data, cat_doc.positions)
    try:
        findings = check_document(load_text(text, path), cat)
    except LoadError as e:
        raise UserError("init_invalid", 2, [e.finding], path=path) from None
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        raise UserError("init_invalid", 2, errors, path=path)
    return findings


def _first_measure(text: str) -> str:
    """The id of the starter's first measure, for the README's examples (`status set`)."""
    from ..reading.load import load_text
    from ..walk import raw_measures

    data = load_text(text, Path("x.yaml")).data
    return next((str(m["id"]) for _, m in raw_measures(data)), "1.1")
