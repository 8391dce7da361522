"""Safe edits of programme files: locate, change, validate, then write atomically under a lock.

Every edit follows the same steps:

1. follow a symlink to the file it names (the link stays a link) and take an exclusive lock for
   that file (a lock file in a private folder of this user under the system temp folder, so two
   `hankinta` processes editing the same file run one after the other and both edits land);
2. refuse a read-only file (no write permission bit), as git and editors do;
3. read the bytes and load them with the checker's loader;
4. patch the text at the positions of the nodes concerned (`yamlpatch`), and apply the same
   change to a copy of the data;
5. load the patched text and require that it equals the expected data, and that
   `hankinta check` finds no errors in it: otherwise nothing is written;
6. write a temporary file in the same folder (same mode) and fsync it, removing temp files a
   killed process left; then refuse if the file on disk is no longer the bytes read in step 3
   (another program saved it), else rename the temp file over the file (`atomic.atomic_write`).
"""

from __future__ import annotations

import copy
import difflib
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..checking.findings import LoadError
from ..errors import UserError
from ..reading.load import Document, decode, load_text, read
from .atomic import ChangedOnDisk, atomic_write
from .yamlpatch import Patcher, PatchError

Step = Any


class EditError(UserError):
    """A refused edit: a `UserError` whose messages speak of editing."""


class InvalidEdit(EditError):
    """The edit would leave errors in the file: they are about the change, not about a place in
    a file that was never written."""

    findings_of_edit = True


@dataclass(frozen=True)
class ValueReplaced:
    """`record --replace` / `import --replace`: the value of `period` went from `old` to `new`."""

    where: tuple[Step, ...]  # the observation's value in the data
    period: int | str  # or a target's deadline (`target`)
    old: Any
    new: Any
    target: bool = False  # `set … target`: the target of that deadline


@dataclass(frozen=True)
class Imported:
    """What one `import` added: new observations, replaced values and new history entries."""

    observations: int
    replaced: int
    history: int


@dataclass(frozen=True)
class ValueKept:
    """`hilma` without `--replace`: indicator `id` keeps `old` for `period`, not the computed `new`."""

    id: str
    period: int | str
    old: Any
    new: Any


@dataclass(frozen=True)
class Linked:
    """`plan match --apply`: plan item `item` now names `notices` (and `procedure`), its status `status`."""

    item: str
    notices: tuple[str, ...]
    procedure: str | None
    status: str | None


#: What an edit reports besides its diff (rendered by output/edits.py).
Changed = ValueReplaced | Imported | ValueKept | Linked


@dataclass
class EditResult:
    path: Path
    before: str
    after: str
    changes: list[Changed]

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self) -> str:
        try:
            name = self.path.resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            name = self.path.as_posix().lstrip("/")
        return "".join(difflib.unified_diff(
            self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
            fromfile=f"a/{name}", tofile=f"b/{name}"))


class Session:
    """One file's text and data while edits are applied to both in step."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.patcher = Patcher(doc.text)
        self.expected = copy.deepcopy(doc.data)
        self.changes: list[Changed] = []

    @property
    def data(self) -> dict[str, Any]:
        return self.doc.data

    def set(self, path: tuple[Step, ...], value: Any, after: tuple[str, ...] = ()) -> None:
        self.patcher.set(path, value, after)
        _data_set(self.expected, path, value)

    def append(self, path: tuple[Step, ...], item: Any, after: tuple[str, ...] = ()) -> None:
        self.extend(path, [item], after)

    def extend(self, path: tuple[Step, ...], items: list[Any], after: tuple[str, ...] = (),
               block: bool = False) -> None:
        self.patcher.extend(path, items, after, block)
        for item in items:
            _data_append(self.expected, path, item)

    def insert(self, path: tuple[Step, ...], placements: list[tuple[int, list[Any]]],
               after: tuple[str, ...] = ()) -> None:
        """Put items into a list: each `(index, items)` before the item `index` of the list as it
        is now (at the end when there is none)."""
        self.patcher.insert(path, placements, after)
        if not isinstance(self.current(path), list):
            _data_set(self.expected, path, [])
        found = self.current(path)
        for index, items in sorted(placements, key=lambda p: p[0], reverse=True):  # later places first
            found[index:index] = [_plain(item) for item in items]

    def delete(self, path: tuple[Step, ...]) -> None:
        """Remove a mapping's key (nothing if it is not there)."""
        self.patcher.delete(path)
        parent = self.current(path[:-1])
        if isinstance(parent, dict):
            parent.pop(path[-1], None)

    def current(self, path: tuple[Step, ...]) -> Any:
        """The value at `path` with this session's edits so far (None where there is none)."""
        data: Any = self.expected
        for step in path:
            if isinstance(data, dict):
                data = data.get(step)
            elif isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data):
                data = data[step]
            else:
                return None
        return data

    def holds(self, path: tuple[Step, ...], value: Any) -> bool:
        """The value at `path` is already `value` as the loader reads it back (types too: 1 is not
        true): setting it would change no data, only how the file writes it."""
        return _same(self.current(path), _plain(value))


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def _data_set(data: Any, path: tuple[Step, ...], value: Any) -> None:
    for step in path[:-1]:
        data = data.setdefault(step, {}) if isinstance(data, dict) else data[step]
    data[path[-1]] = _plain(value)


def _data_append(data: Any, path: tuple[Step, ...], item: Any) -> None:
    for step in path[:-1]:
        data = data[step]
    data.setdefault(path[-1], []).append(_plain(item))


def _plain(value: Any) -> Any:
    """The value as the loader will read it back (dates stay text)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value.isoformat()
    return value


def lock_folder() -> Path | None:
    """This user's lock folder in the system temp folder, or None if it cannot be trusted.

    The temp folder is shared: anyone can create `hankinta-locks-UID` there before us, as a
    symlink to elsewhere or as a folder they can write to (and fill with symlinks). So the name
    carries the user id, the folder is created private (0o700), and it is used only if it is a
    real folder (not a link) owned by this user that nobody else can write to.
    """
    base = Path(tempfile.gettempdir())
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # Windows: the temp folder is per user already
        folder = base / "hankinta-locks"
        try:
            folder.mkdir(exist_ok=True)
        except OSError:
            return None
        return folder if os.access(folder, os.W_OK) else None
    uid = getuid()
    folder = base / f"hankinta-locks-{uid}"
    try:
        with suppress(FileExistsError):
            os.mkdir(folder, 0o700)
        st = os.lstat(folder)
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != uid or st.st_mode & 0o022:
        return None
    return folder


def lock_path(path: Path) -> Path:
    """The lock file for `path`: in this user's lock folder (nothing left beside the programme),
    or, if there is no trustworthy one, a hidden file beside the programme."""
    digest = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:24]
    folder = lock_folder()
    if folder is not None:
        return folder / f"{digest}.lock"
    return path.parent / f".{path.name}.hankinta-lock"


@contextmanager
def locked(path: Path, timeout: float = 30.0) -> Iterator[None]:
    from filelock import FileLock, Timeout

    lock_file = lock_path(path)
    try:
        st = os.lstat(lock_file)
    except FileNotFoundError:
        pass
    except OSError as e:
        raise EditError("edit_lock_unusable", lock=lock_file, reason=e.strerror or str(e)) from None
    else:
        if not stat.S_ISREG(st.st_mode):
            # a folder or a symlink where the lock file should be: never follow it or remove it
            kind = "symlink" if stat.S_ISLNK(st.st_mode) else "folder" if stat.S_ISDIR(st.st_mode) else "special"
            raise EditError("edit_lock_unusable", lock=lock_file, reason=kind)
    lock = FileLock(str(lock_file), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise EditError("edit_locked", path=path) from None
    except OSError as e:
        raise EditError("edit_lock_unusable", lock=lock_file, reason=e.strerror or str(e)) from None
    try:
        yield
    finally:
        lock.release()


def edit_file(path: Path, change: Callable[[Session], None], dry_run: bool = False) -> EditResult:
    """Apply `change` to the file at `path` with every guarantee listed in the module docstring."""
    from ..checking.check import check_document, load_catalogue

    # Read and write the file a symlink names, so the link survives; the catalogue is still the
    # one beside `path`, as `check` of that folder finds it.
    target = path.resolve() if path.is_symlink() else path
    with locked(target):
        if not dry_run:
            try:
                read_only = target.stat().st_mode & 0o222 == 0
            except OSError:
                read_only = False  # reading it below gives the clear error
            if read_only:
                # the mode bits, not os.access: root may write anything, yet the user said "read-only"
                raise EditError("edit_read_only", path=path)
        try:
            raw = read(target)
            doc = load_text(decode(raw), path)
        except LoadError as e:
            raise EditError("edit_unreadable", code=1 if e.finding.code != "HK001" else 2,
                            findings=[e.finding], path=path) from None
        bom = raw.startswith(b"\xef\xbb\xbf")
        catalogue = load_catalogue(path.parent)[0]

        def unsafe(detail: str) -> EditError:
            # A file that was invalid before (`observations:` left empty, a list where a mapping
            # goes) can trip the patcher: its own findings, at their place, say what to fix first.
            before = [f for f in check_document(doc, catalogue) if f.severity == "error"]
            if before:
                return EditError("edit_unreadable", code=1, findings=before, path=path)
            return EditError("edit_unsafe", path=path, detail=detail)

        session = Session(doc)
        try:
            change(session)
        except (PatchError, yaml.YAMLError) as e:  # the patcher re-reads its own text: never a traceback
            raise unsafe(str(e).splitlines()[0] if str(e) else type(e).__name__) from None
        new_text = session.patcher.text
        new_raw = (b"\xef\xbb\xbf" if bom else b"") + new_text.encode("utf-8")
        try:
            reloaded = load_text(new_text, path)
        except LoadError as e:
            raise unsafe(e.finding.code) from None
        if reloaded.data != session.expected:
            raise unsafe("data mismatch")
        errors = [f for f in check_document(reloaded, catalogue) if f.severity == "error"]
        if errors:
            # Errors the file had before the edit are reported at their place in the file as it is
            # (they need fixing first); otherwise the edit itself is what is wrong.
            before = [f for f in check_document(doc, catalogue) if f.severity == "error"]
            if before:
                raise EditError("edit_unreadable", code=1, findings=before, path=path)
            raise InvalidEdit("edit_invalid", code=1, findings=errors, path=path)
        result = EditResult(path, doc.text, new_text, session.changes)
        if dry_run or not result.changed:
            return result
        if read(target) != raw:  # cheap early answer; atomic_write compares again at the end
            raise EditError("edit_changed", path=path)
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
            atomic_write(target, new_raw, mode=mode, expected=raw, locked=True)
        except ChangedOnDisk:
            raise EditError("edit_changed", path=path) from None
        except OSError as e:
            raise EditError("edit_write_failed", path=path, reason=e.strerror or str(e)) from None
        return result
