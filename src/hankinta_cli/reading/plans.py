"""Plan arguments → files → validated plans, for the `plan` commands.

A plan argument is a file, a folder or a plan id, as for programmes (`resolve.py`), under the plan
folder: `--root`, else the nearest `plans/` folder from the working directory upwards (beside
`programmes/` in a programme repository).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..checking.findings import LoadError
from ..errors import UserError
from .resolve import PLANS, resolve, resolve_one

if TYPE_CHECKING:
    from ..notices.model import Notice, Problem
    from ..notices.select import NoticeSet
    from ..plan_model import Plan


def plan_root(start: Path, root_option: Path | None) -> Path | None:
    """`--root`, else the nearest `plans/` folder in `start` or above it; None when there is none."""
    if root_option is not None:
        return root_option
    return next((f / PLANS for f in (start, *start.parents) if (f / PLANS).is_dir()), None)


def _root_for(args: Sequence[str], root_option: Path | None) -> Path | None:
    root = plan_root(Path.cwd(), root_option)
    if root is None and (not args or any(not Path(a).exists() for a in args)):
        if not args:  # nothing named, and nowhere to look
            raise UserError("plan_no_folder")
        raise UserError("plan_no_root", name=", ".join(args))
    return root


def plan_paths(args: Sequence[str] | None, root_option: Path | None) -> list[Path]:
    args = list(args or [])
    return resolve(args, _root_for(args, root_option))


def plan_path(arg: str, root_option: Path | None) -> Path:
    return resolve_one(arg, _root_for([arg], root_option))


def load_plan(path: Path) -> Plan:
    """The plan in `path`; UserError exit 1 with the findings if it is not a valid plan, exit 2 if
    it cannot be read."""
    from ..checking.check import unreadable_reason
    from ..checking.validate import is_plan, validate_plan
    from .load import cycles_off, load_path

    with cycles_off():  # the loaded tree is acyclic: collections while it is alive only walk it
        try:
            doc = load_path(path)
        except LoadError as e:
            if e.finding.code == "HK001":
                raise UserError("file_unreadable", path=path, reason=unreadable_reason(e.finding)) from None
            raise UserError("read_invalid", code=1, findings=[e.finding], path=path) from None
        if not is_plan(doc.data, path):
            raise UserError("not_a_plan", path=path)
        plan, findings = validate_plan(doc.data, doc.positions)
        del doc
    if plan is None:
        raise UserError("read_invalid", code=1, findings=findings, path=path)
    return plan


def plans_named(args: Sequence[str] | None, root_option: Path | None) -> list[Plan]:
    paths = plan_paths(args, root_option)
    plans = [load_plan(p) for p in paths]
    unique_ids(plans, paths)
    return plans


def unique_ids(plans: Sequence[Plan], paths: Sequence[Path]) -> None:
    """UserError (exit 2) when two plans have one id: their calendar events would share UIDs and
    the site would write one plan's open data over the other's (`calendar/<id>.csv`). Ids that
    differ only in case count as one, as they do on a case-insensitive file system."""
    seen: dict[str, Path] = {}
    for plan, path in zip(plans, paths, strict=True):
        first = seen.setdefault(plan.id.casefold(), path)
        if first != path:
            raise UserError("plan_same_id", id=plan.id, first=first, second=path)


def plan_notices(paths: Sequence[Path], seen: Callable[[Notice], None]) -> NoticeSet:
    """The notices in `paths` that count (`notices/select.py`); every notice read, replaced ones
    too, also goes to `seen` as it streams past (a plan item may name a notice that a later version
    or a change replaced). UserError (exit 2) for a path that does not exist."""
    from ..notices.model import Notice
    from ..notices.read import read_notices
    from ..notices.select import current

    for path in paths:
        if not path.exists():
            raise UserError("no_notice_files", path=path)

    def shown() -> Iterator[Notice | Problem]:
        for item in read_notices(paths):
            if isinstance(item, Notice):
                seen(item)
            yield item

    return current(shown())


def plans_beside(paths: Sequence[Path], root_option: Path | None) -> tuple[list[Plan], list[Path]]:
    """The plans in the `plans/` folder beside the programme folder, as `check` finds them: beside
    `--root` or the nearest `programmes/` upwards, and beside the `programmes/` folder each of
    `paths` lies in. Also the plan files there that could not be read (the report says so)."""
    from .resolve import PROGRAMMES, collect, find_root

    folders: list[Path] = []
    root = find_root(Path.cwd(), root_option)
    for programmes in ([root] if root is not None else []) + [
            next((f for f in p.resolve().parents if f.name == PROGRAMMES), None) for p in paths]:
        folder = programmes.parent / PLANS if programmes is not None else None
        if folder is not None and folder.is_dir() and folder.resolve() not in folders:
            folders.append(folder.resolve())
    plans, read, unreadable = [], [], []
    for path in collect(folders):
        try:
            plans.append(load_plan(path))
            read.append(path)
        except UserError:
            unreadable.append(path)
    unique_ids(plans, read)
    return plans, unreadable


class Programmes:
    """The programmes a plan's `programmes:` and `measure_refs:` point into: the files of one
    programme folder, read only when a plan is checked (their bytes are part of a plan's cache key,
    their measures are what its references must name)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._files: list[tuple[Path, bytes]] | None = None
        self._measures: dict[str, frozenset[str]] | None = None

    def files(self) -> list[tuple[Path, bytes]]:
        """Every readable YAML file under the folder, with its bytes (an unreadable one is left out:
        `check` reports it when it checks the programmes)."""
        from .load import read
        from .resolve import collect

        if self._files is None:
            self._files = []
            for path in collect([self.folder]):
                try:
                    self._files.append((path, read(path)))
                except LoadError:
                    continue
        return self._files

    def digest(self) -> bytes:
        import hashlib

        h = hashlib.sha256()
        for path, raw in self.files():
            h.update(path.name.encode() + b"\0" + hashlib.sha256(raw).digest())
        return h.digest()

    def measures(self) -> dict[str, frozenset[str]]:
        """Programme id → the ids of its measures; a programme is also known by its file name
        (without suffix), as commands accept it. Catalogues and files that do not load are left out."""
        from ..checking.validate import is_catalogue
        from ..walk import raw_measures
        from .load import load_bytes

        if self._measures is None:
            self._measures = {}
            for path, raw in self.files():
                try:
                    data = load_bytes(raw, path).data
                except LoadError:
                    continue
                if is_catalogue(data) or "plan_version" in data:
                    continue
                ids = frozenset(str(m["id"]) for _, m in raw_measures(data) if m.get("id") is not None)
                for name in (data.get("id"), path.stem):
                    if name is not None:
                        self._measures.setdefault(str(name), ids)
        return self._measures


def programmes_beside(plan: Path) -> Programmes | None:
    """The programmes of the repository that holds `plan`: the nearest `programmes/` folder in the
    plan's folder or above it (beside `plans/` in a programme repository); None when there is none."""
    from .resolve import find_root

    folder = find_root(plan.absolute().parent, None)
    return Programmes(folder) if folder is not None else None
