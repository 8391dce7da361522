"""Writing files so that a failure never leaves half a file: a temp file beside the target, fsync,
rename. Also: no report, template or schema is ever written over a programme, and temp files left
by a killed process are cleaned up.

Temp files are named `.NAME.PID.XXXXXXXX.tmp` (hidden, so `check` of a folder skips them; the
process id tells whether their writer is still alive).
"""

from __future__ import annotations

import errno
import functools
import os
import re
import secrets
import stat
import sys
from contextlib import suppress
from pathlib import Path
from typing import Any

from ..errors import UserError

#: A temp file older than this has been abandoned: writing one takes milliseconds.
STALE_SECONDS = 60.0



class ChangedOnDisk(Exception):
    """The file is no longer the bytes the caller based its new content on."""


class OutputRefused(UserError):
    """A user-facing refusal to write an output file: an i18n key and its arguments (exit code 2)."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key, 2, None, **params)


def atomic_write(path: Path, data: bytes, mode: int | None = None, expected: bytes | None = None,
                 locked: bool = False, durable: bool = True) -> None:
    """Replace `path` by `data` in one rename: the file holds either its old or its new content.

    `mode`: the new file's permission bits (default: as a new file, after the umask).
    `expected`: the bytes `path` must still hold, compared once more after the temp file is on
    disk, just before the rename; anything else raises `ChangedOnDisk` and writes nothing.
    `locked`: the caller holds the edit lock of `path`, so no other hankinta process can be
    writing a temp file for it: stale ones are removed.
    `durable=False`: a file made again by the next run (a page of a site, thousands per run) is
    not synced to disk and its folder is not searched for stale temp files; the rename still
    means a reader never sees half a page.
    """
    fd, tmp = _create_temp(path)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        if mode is not None:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
            else:
                os.chmod(tmp, mode)
        if durable:
            os.fsync(fd)
            now = os.fstat(fd).st_mtime  # the file system's clock, which also stamps the stale files
        os.close(fd)
        fd = -1
        if durable:
            clean_stale_temps(path, now, locked, keep=tmp)
        if expected is not None:
            if _current(path) != expected:
                raise ChangedOnDisk(str(path))
            # Another program can still save between that compare and the rename. Where Linux can
            # swap two names atomically, swap instead and look at what was swapped out: if it is not
            # the expected file, swap it back. What remains is a program writing into the old file
            # through a handle opened before the swap, or saving twice within microseconds; no
            # portable call closes that (it would need the OS to compare-and-swap a file).
            if _exchange(tmp, str(path)):
                if _current(Path(tmp)) != expected:
                    try:
                        _exchange(tmp, str(path))
                    except (OSError, ChangedOnDisk):
                        os.replace(tmp, path)  # their file back at its place; ours is dropped
                    raise ChangedOnDisk(str(path))
                with suppress(OSError):
                    os.unlink(tmp)  # the file as it was before the edit (else cleaned as stale later)
                return
        os.replace(tmp, path)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        with suppress(OSError):
            os.unlink(tmp)
        raise


def _exchange(a: str, b: str) -> bool:
    """Swap the files named `a` and `b` in one step (Linux renameat2 RENAME_EXCHANGE).

    False where that is not available (other systems, old kernels, some file systems); an error
    if `b` has gone (ChangedOnDisk) or the swap fails otherwise.
    """
    call = _renameat2()
    if call is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if call(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    import ctypes

    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.EPERM):  # unsupported here: rename instead
        return False
    if err == errno.ENOENT:
        raise ChangedOnDisk(b)
    raise OSError(err, os.strerror(err), b)


@functools.cache
def _renameat2() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        call = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    call.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    call.restype = ctypes.c_int
    return call


def _create_temp(path: Path) -> tuple[int, str]:
    """An exclusive new file beside `path`; O_EXCL and O_NOFOLLOW: never someone else's file."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = str(path.parent / f".{path.name}.{os.getpid()}.{_random8()}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp  # 0o666: the umask decides, as for any new file
        except FileExistsError:
            continue
    raise FileExistsError(f"{path.parent}: no free temp file name")


def _random8() -> str:
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_"
    return "".join(secrets.choice(alphabet) for _ in range(8))


def _current(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def clean_stale_temps(path: Path, now: float, locked: bool, keep: str = "") -> None:
    """Remove temp files of ours for `path` that a killed process left behind.

    Ours: the name pattern above, a regular file (not a link), owned by this user. Stale: older
    than a minute, or, when the caller holds the edit lock (so no hankinta process on this machine
    is writing one), written by a process that no longer exists.
    """
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    ours = re.compile(rf"\.{re.escape(path.name)}\.(?:(?P<pid>\d+)\.)?[a-z0-9_]{{8}}\.tmp\Z")
    for name in names:
        m = ours.match(name)
        if m is None:
            continue
        candidate = path.parent / name
        if str(candidate) == keep:
            continue
        try:
            st = os.lstat(candidate)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode) or (uid is not None and st.st_uid != uid):
            continue
        old = now - st.st_mtime > STALE_SECONDS
        orphan = locked and m["pid"] is not None and not _alive(int(m["pid"]))
        if old or orphan:
            with suppress(OSError):
                os.unlink(candidate)


def _alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # os.kill(pid, 0) would end the process on Windows: rely on the age instead
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


#: Our outputs are HTML, Markdown, PDF, CSV, XLSX and JSON, never YAML.
_YAML = (".yaml", ".yml")
_PROGRAMME_HEAD = re.compile(
    r"^(?:\ufeff)?(?:schema_version|catalogue_version|plan_version)\s*:|yaml-language-server:\s*\$schema",
    re.MULTILINE)


def refuse_programme(path: Path) -> None:
    """Refuse an output path that is or looks like a programme, catalogue or procurement plan file.

    Any .yaml/.yml name is refused, existing or not: none of our outputs is YAML, and a broken
    programme is as precious as a valid one, so the name is the safest test. A file under another
    name is refused when its first 4 kB look like one (a backup `hyvinkaa.bak`, say).
    """
    if path.suffix.lower() in _YAML:
        raise OutputRefused("output_is_programme", path=path)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return  # a device or pipe (/dev/stdout): reading it could block or consume input
        with path.open("rb") as fh:
            head = fh.read(4096).decode("utf-8", errors="replace")
    except OSError:
        return
    if _PROGRAMME_HEAD.search(head):
        raise OutputRefused("output_is_programme", path=path)


def write_output(path: Path, data: bytes) -> None:
    """Write a report, template or schema: never over a programme, atomically, errors as refusals.

    A symlink is followed (its target is replaced, the link kept); a device or pipe such as
    /dev/stdout is written directly, as it cannot be renamed over.
    """
    refuse_programme(path)
    try:
        try:
            st = os.stat(path)  # through symlinks
        except FileNotFoundError:
            st = None
        if st is not None and stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, os.strerror(21))
        if st is not None and not stat.S_ISREG(st.st_mode):
            with open(path, "wb") as fh:
                fh.write(data)
            return
        target = path.resolve() if st is not None else path
        refuse_programme(target)
        atomic_write(target, data, mode=None if st is None else stat.S_IMODE(st.st_mode))
    except OSError as e:
        raise OutputRefused("output_write_failed", path=path, reason=e.strerror or str(e)) from None


def create_new(path: Path, data: bytes) -> None:
    """Write a new file at `path` whole, never replacing one: FileExistsError if anything is
    there, even if it appeared a moment ago (`init`, which must overwrite nothing).

    The content goes to a temp file first and is hard-linked to its name (a link, like O_EXCL,
    fails on an existing name), so the file is never seen half written; where the file system
    has no hard links, the file is created with O_EXCL and written in place (removed if that fails)."""
    fd, tmp = _create_temp(path)
    try:
        _write_all(fd, data)
    finally:
        os.close(fd)
    try:
        os.link(tmp, path, follow_symlinks=False)
    except FileExistsError:
        raise
    except OSError:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags, 0o666)
        try:
            _write_all(fd, data)
        except BaseException:
            with suppress(OSError):
                os.unlink(path)
            raise
        finally:
            os.close(fd)
    finally:
        with suppress(OSError):
            os.unlink(tmp)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    os.fsync(fd)
