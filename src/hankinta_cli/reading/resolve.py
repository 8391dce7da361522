"""Programme arguments → files, the same way for every command.

An argument is a file, a folder (its *.yaml/*.yml files, recursively) or a programme id (a file
name without its suffix, or the `id:` of a programme) under the programme folder. That folder is
`--root`, or else the nearest `programmes/` folder from the working directory upwards, as git
finds `.git`: so every command works from any subfolder of a programme repository.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import UserError

PROGRAMMES = "programmes"
#: Procurement plans live in `plans/`, beside `programmes/`.
PLANS = "plans"


def find_root(start: Path, root_option: Path | None) -> Path | None:
    """The programme folder: `root_option` if given, else the nearest `programmes/` folder in
    `start` or a folder above it; None when there is none."""
    if root_option is not None:
        return root_option
    for folder in (start, *start.parents):
        candidate = folder / PROGRAMMES
        if candidate.is_dir():
            return candidate
    return None


def resolve(args: Sequence[str], root: Path | None) -> list[Path]:
    """The files that `args` name, in order, each once; no arguments means every file under
    `root`. Shared catalogues are included (`check` checks them; `read.load_programmes` leaves
    them out). UserError (exit 2) for an argument that names nothing."""
    if not args:
        if root is None:
            raise UserError("no_root")
        if not root.is_dir():
            raise UserError("missing_path", path=root)
        args = [str(root)]
    out: list[Path] = []
    for arg in args:
        out += [p for p in _resolve_one_arg(arg, root) if p not in out]
    if not out:
        raise UserError("no_files", path=", ".join(args))
    return out


def resolve_one(arg: str, root: Path | None) -> Path:
    """The one programme file `arg` names, for a command that edits one programme."""
    paths = resolve([arg], root)
    if len(paths) > 1:
        paths = [p for p in paths if not _is_catalogue(p)]
    if len(paths) > 1:
        names = ", ".join(p.name for p in paths[:8]) + (", …" if len(paths) > 8 else "")
        raise UserError("several_programmes", name=arg, count=len(paths), names=names)
    if not paths:
        raise UserError("no_files", path=arg)
    return paths[0]


def _resolve_one_arg(arg: str, root: Path | None) -> list[Path]:

    path = Path(arg)
    if path.is_dir():
        return collect([path])
    if path.exists():
        return [path]
    if root is None:
        raise UserError("no_programme_no_root", name=arg)
    found, known = _by_id(arg, root)
    if found is None:
        raise UserError("no_programme", name=arg, root=root, known=", ".join(sorted(known)) or "–")
    return [found]


def _by_id(name: str, root: Path) -> tuple[Path | None, list[str]]:
    """The programme under `root` that `name` names: its file's name (without suffix) or its `id`;
    and, when none does, the programme ids seen, for the error that lists them. Two files that
    `name` could mean (one named so, another with that id; or two with that id) are refused: an
    edit must never land in the other one. Only files whose text holds `name` are loaded."""
    from ..checking.findings import LoadError
    from ..checking.validate import is_catalogue
    from .load import load_bytes, load_path, read

    files = collect([root]) if root.is_dir() else []
    found = [f for f in files if f.stem == name]
    token = name.encode()
    for f in files:
        try:
            if f in found:
                continue
            raw = read(f)
            if token not in raw:
                continue
            data = load_bytes(raw, f).data  # the bytes already read: one read a file
        except LoadError:
            continue  # a file that cannot be read cannot be the one meant; naming it by path says why
        if not is_catalogue(data) and str(data.get("id")) == name:
            found.append(f)
    if len(found) > 1:
        raise UserError("ambiguous_programme", name=name, names=", ".join(str(f) for f in found))
    if found:
        return found[0], []
    ids: list[str] = []
    for f in files:
        try:
            data = load_path(f).data
        except LoadError:
            continue
        if not is_catalogue(data):
            ids.append(str(data.get("id")))
    return None, ids


def _is_catalogue(path: Path) -> bool:
    from ..checking.findings import LoadError
    from ..checking.validate import is_catalogue
    from .load import load_path

    try:
        return is_catalogue(load_path(path).data)
    except LoadError:
        return False


def programme_paths(args: Sequence[str] | None, root_option: Path | None) -> list[Path]:
    """`resolve` from the working directory, as every command does."""
    return resolve(args or [], find_root(Path.cwd(), root_option))


def checked_paths(args: Sequence[str] | None, root_option: Path | None) -> list[Path]:
    """What `check` checks: `programme_paths`, and with no arguments also the procurement plans
    in `plans/` beside the programme folder, so one `hankinta check` in CI covers both."""
    files = programme_paths(args, root_option)
    root = find_root(Path.cwd(), root_option)
    if not args and root is not None and (root.parent / PLANS).is_dir():
        files += [f for f in collect([root.parent / PLANS]) if f not in files]
    return files


def programme_path(arg: str, root_option: Path | None) -> Path:
    """`resolve_one` from the working directory, as every editing command does."""
    return resolve_one(arg, find_root(Path.cwd(), root_option))


SUFFIXES = (".yaml", ".yml")


def collect(paths: Iterable[Path]) -> list[Path]:
    """Programme files named by `paths`: files as given, folders searched for *.yaml/*.yml."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = []
            # os.walk does not follow symlinked folders, so a link loop cannot make this endless
            for folder, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                # not only regular files: a dangling link or a FIFO named *.yaml is read and reported
                # (HK001), never passed over in silence
                found += [Path(folder) / f for f in files
                          if f.endswith(SUFFIXES) and not f.startswith(".") and not (Path(folder) / f).is_dir()]
            out += _once(sorted(found))
        elif p.exists() or p.is_symlink():  # a dangling link is there: reading it says why it fails
            out.append(p)
        else:
            raise UserError("missing_path", path=p)
    return out


def _once(paths: list[Path]) -> list[Path]:
    """`paths` without a symlink to a file that is itself among them (checked and counted once)."""
    real = {p.resolve() for p in paths if not p.is_symlink()}
    return [p for p in paths if not (p.is_symlink() and p.resolve() in real)]
