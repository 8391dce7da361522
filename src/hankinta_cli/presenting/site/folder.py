"""The site's output folder: ours or refused, each page written only when its bytes changed.

A folder we made holds the marker file `.hankinta-site`. A folder that does not exist or is empty
becomes ours; any other folder without the marker is refused (it could be a repository, a home
folder or another site), and so is a folder that holds programmes, or that the programmes read
live in or under. Each worker writes the pages of its programme that changed into the staging
folder `.hankinta-staging` inside the site (in parallel, no bytes sent between processes); once
every programme has built, each staged page is renamed into its place (a reader never sees half a
page; no fsync: the next build makes them again), and a failed build removes the staging folder,
so it writes nothing. Files under the language folders that this build did not make (an
indicator since removed) are removed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from collections.abc import Iterable
from pathlib import Path

from ...editing.atomic import OutputRefused, atomic_write
from ...errors import UserError
from .layout import MARKER

#: The folders whose every file the build makes (the root holds the marker, style.css and index.html,
#: and may hold a user's own files: CNAME, .nojekyll).
OWNED = ("fi", "en", "data")
STAGING = ".hankinta-staging"
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
    names = [n for n in os.listdir(out) if n != STAGING]  # STAGING: left by a build that was killed
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


def open_staging(out: Path) -> bool:
    """Make the site folder (if need be) and an empty staging folder in it; True if the site folder
    was made now (a failed build removes it again)."""
    made = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
        staging = out / STAGING
        if os.path.lexists(staging):  # a build that was killed: its pages were never published
            if staging.is_symlink() or not staging.is_dir():
                staging.unlink()
            else:
                shutil.rmtree(staging)
        staging.mkdir()
    except OSError as e:
        raise OutputRefused("output_write_failed", path=getattr(e, "filename", None) or out,
                            reason=e.strerror or str(e)) from None
    return made


def stage(out: Path, name: str, data: bytes) -> None:
    """Write `data` as the staged copy of the site's file `name` (a worker; `publish` moves it)."""
    target = out / STAGING / name
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # the staging folder is this build's own; two programmes making one name (one id) are
        # refused after they have built, and their staging discarded
        target.write_bytes(data)
    except OSError as e:
        raise OutputRefused("output_write_failed", path=getattr(e, "filename", None) or target,
                            reason=e.strerror or str(e)) from None


def discard(out: Path, made: bool) -> None:
    """A build failed: remove what it staged (and the site folder if it made it)."""
    shutil.rmtree(out / STAGING, ignore_errors=True)
    if made:
        with contextlib.suppress(OSError):
            out.rmdir()


def publish(out: Path, staged: Iterable[str], made: set[str]) -> int:
    """Move the `staged` files (names relative to `out`) into place and remove the files under the
    language folders that are not among `made`; the number removed. OutputRefused when a move fails.
    A language or data folder the site does not have yet (a first build) moves in one rename, not
    a rename per page: the pages of 300 programmes are some 35 000 files."""
    try:
        if not (out / MARKER).exists():
            atomic_write(out / MARKER, b"hankinta site\n", durable=False)
        whole = set()
        for top in OWNED:
            if os.path.isdir(out / STAGING / top) and not os.path.lexists(out / top):
                os.rename(out / STAGING / top, out / top)
                whole.add(top)
        safe: set[Path] = set()
        for name in sorted(staged):
            if name.split("/", 1)[0] in whole:
                continue
            target = out / name
            _real_folder(out, target.parent, safe)
            os.replace(out / STAGING / name, target)
        shutil.rmtree(out / STAGING)
        return _remove_others(out, made, whole)
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


def _remove_others(out: Path, made: set[str], whole: set[str]) -> int:
    """Remove the files under the owned folders that this build did not make, and the folders left
    empty; not in the folders of `whole` (moved in by this build: every file in them is its own).
    Names are joined as text, not as Path objects: this walks every file of the site."""
    removed = 0
    for owned in OWNED:
        top = out / owned
        if owned in whole or not top.is_dir() or top.is_symlink():
            continue
        start = len(str(out)) + 1
        for folder, dirs, files in os.walk(top, topdown=False):
            rel = folder[start:].replace(os.sep, "/")
            for name in files:
                if f"{rel}/{name}" not in made:
                    os.unlink(os.path.join(folder, name))
                    removed += 1
            for name in dirs:
                inner = os.path.join(folder, name)
                if not os.path.islink(inner):
                    with contextlib.suppress(OSError):  # not empty: it still holds pages
                        os.rmdir(inner)
    return removed
