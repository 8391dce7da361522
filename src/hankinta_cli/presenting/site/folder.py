"""The site's output folder: ours or refused, each page written only when its bytes changed.

A folder we made holds the marker file `.hankinta-site`. A folder that does not exist or is empty
becomes ours; any other folder without the marker is refused (it could be a repository, a home
folder or another site), and so is a folder that holds programmes, or that the programmes read
live in or under. Pages are written with `atomic.atomic_write` (a reader never sees half a page),
without fsync: the next build makes them again. Files under the language folders that this build
did not make (an indicator since removed) are removed.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from ...editing.atomic import OutputRefused, atomic_write
from ...errors import UserError
from .layout import MARKER

#: The folders whose every file the build makes (the root holds the marker, style.css and index.html,
#: and may hold a user's own files: CNAME, .nojekyll).
OWNED = ("fi", "en")
_YAML = (".yaml", ".yml")


def check_folder(out: Path, sources: Iterable[Path]) -> None:
    """Refuse an output folder the site may not be written into (UserError, exit 2); writes nothing."""
    try:
        st = os.stat(out)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise OutputRefused("output_write_failed", path=out, reason=e.strerror or str(e)) from None
    if st is not None and not stat.S_ISDIR(st.st_mode):
        raise UserError("site_not_folder", path=out)
    real = out.resolve()
    for source in sources:
        folder = source.resolve().parent
        if real == folder or real.is_relative_to(folder) or folder.is_relative_to(real):
            raise UserError("site_over_programmes", path=out, programme=source)
    if st is None:
        return
    names = os.listdir(out)
    if any(name.lower().endswith(_YAML) for name in names):
        raise UserError("site_over_programmes", path=out, programme=out / next(
            n for n in names if n.lower().endswith(_YAML)))
    if names and MARKER not in names:
        raise UserError("site_not_ours", path=out, marker=MARKER)


def current(out: Path, name: str) -> bytes | None:
    """The bytes of the site's file `name` now, or None."""
    try:
        return (out / name).read_bytes()
    except OSError:
        return None


def unchanged(out: Path, name: str, data: bytes) -> bool:
    """True if the site's file `name` already holds `data` (its size is compared first)."""
    try:
        if os.stat(out / name).st_size != len(data):
            return False
    except OSError:
        return False
    return current(out, name) == data


def write(out: Path, changed: dict[str, bytes], made: set[str]) -> int:
    """Write the `changed` files (names relative to `out`) and remove the files under the language
    folders that are not among `made`; the number removed. OutputRefused when a write fails."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        if not (out / MARKER).exists():
            atomic_write(out / MARKER, b"hankinta site\n", durable=False)
        safe: set[Path] = set()
        for name in sorted(changed):
            target = out / name
            _real_folder(out, target.parent, safe)
            atomic_write(target, changed[name], durable=False)
        return _remove_others(out, made)
    except OSError as e:
        raise OutputRefused("output_write_failed", path=getattr(e, "filename", None) or out,
                            reason=e.strerror or str(e)) from None


def _real_folder(out: Path, folder: Path, safe: set[Path]) -> None:
    """Make `folder` below `out`, refusing a symbolic link on the way: a link in the site (fi → the
    programme folder) must not lead a page outside it."""
    if folder in safe or folder == out:
        return
    _real_folder(out, folder.parent, safe)
    try:
        st = os.lstat(folder)
    except FileNotFoundError:
        folder.mkdir()
    else:
        if not stat.S_ISDIR(st.st_mode):
            raise UserError("site_not_folder", path=folder)
    safe.add(folder)


def _remove_others(out: Path, made: set[str]) -> int:
    removed = 0
    for owned in OWNED:
        top = out / owned
        if not top.is_dir() or top.is_symlink():
            continue
        for folder, dirs, files in os.walk(top, topdown=False):
            for name in files:
                path = Path(folder) / name
                if path.relative_to(out).as_posix() not in made:
                    path.unlink()
                    removed += 1
            for name in dirs:
                with_path = Path(folder) / name
                if not with_path.is_symlink() and not any(with_path.iterdir()):
                    with_path.rmdir()
    return removed
