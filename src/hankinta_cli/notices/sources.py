"""Paths → the bytes of each notice in them, one at a time, within limits.

A path is a notice file (XML), a folder (searched recursively for `*.xml`, `*.zip`, `*.tar.gz`,
`*.tgz`, in name order), or an archive: a `.zip` or a `.tar.gz` (TED's daily packages), told
by its first bytes, not its name. Archive members are read in memory, never extracted, so their
names (`../../etc/passwd`) are only labels; only members named `*.xml` are notices (others,
folders and links are passed over). Every limit counts bytes really inflated, not what a
header claims:

- a notice (file or member) at most `Limits.file_bytes`;
- an archive at most `Limits.members` members and `Limits.archive_bytes` inflated in all
  (beyond which the rest of the archive is not read: a zip or tar bomb costs seconds at most).

Anything that goes wrong is a `Problem` for that file or member, and the next one is read.
"""

from __future__ import annotations

import lzma
import os
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from ..reading.load import read_bounded
from .model import Problem

MB = 2**20
NOTICE_SUFFIXES = (".xml", ".zip", ".tar.gz", ".tgz")


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 20 * MB  # the biggest SDK example (100 lots) is 1.7 MB
    members: int = 200_000  # a year of Finnish notices is ~20 000, a TED daily package ~5 000
    archive_bytes: int = 4096 * MB


#: One notice's bytes: (the path given or found, the archive member or None, the bytes).
Item = tuple[str, str | None, bytes]


def notice_bytes(paths: Iterable[Path], limits: Limits = Limits()) -> Iterator[Item | Problem]:
    for path in paths:
        if path.is_dir():
            for found in _walk(path):
                yield from _file(found, limits)
        else:
            yield from _file(path, limits)


def _walk(folder: Path) -> Iterator[Path]:
    for top, dirs, files in os.walk(folder, onerror=None):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(NOTICE_SUFFIXES):
                yield Path(top, name)


def _file(path: Path, limits: Limits) -> Iterator[Item | Problem]:
    source = str(path)
    try:
        with path.open("rb") as f:
            magic = f.read(4)
    except OSError as e:
        yield Problem(source, None, "unreadable", args={"reason": e.strerror or str(e)})
        return
    if magic.startswith(b"PK\x03\x04") or magic.startswith(b"PK\x05\x06"):
        yield from _zip(path, limits)
    elif magic.startswith(b"\x1f\x8b") or magic.startswith(b"\xfd7zX") or magic.startswith(b"BZh"):
        yield from _tar(path, limits)
    else:
        try:
            data = read_bounded(path, limits.file_bytes)
        except OSError as e:
            yield Problem(source, None, "unreadable", args={"reason": e.strerror or str(e)})
            return
        if len(data) > limits.file_bytes:
            yield Problem(source, None, "too_large", args={"limit": limits.file_bytes})
        else:
            yield source, None, data


def _zip(path: Path, limits: Limits) -> Iterator[Item | Problem]:
    source = str(path)
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile, ValueError, EOFError) as e:
        yield Problem(source, None, "archive", args={"reason": str(e)})
        return
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.members:
            yield Problem(source, None, "archive_limit", args={"what": "members", "limit": limits.members})
            return
        inflated = 0
        for info in infos:
            if info.is_dir() or not info.filename.lower().endswith(".xml"):
                continue
            try:
                with archive.open(info) as member:
                    data = member.read(limits.file_bytes + 1)
            except (OSError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
                    ValueError) as e:
                yield Problem(source, info.filename, "archive", args={"reason": str(e)})
                continue
            inflated += len(data)
            if len(data) > limits.file_bytes:
                yield Problem(source, info.filename, "too_large", args={"limit": limits.file_bytes})
            else:
                yield source, info.filename, data
            if inflated > limits.archive_bytes:
                yield Problem(source, None, "archive_limit", args={"what": "bytes", "limit": limits.archive_bytes})
                return


def _tar(path: Path, limits: Limits) -> Iterator[Item | Problem]:
    """A streamed read: each member in turn, the stream inflated once."""
    source = str(path)
    count = inflated = 0
    try:
        with tarfile.open(path, mode="r|*") as archive:
            for member in archive:
                # TarFile keeps every member's header it has met (`archive.members`), even when
                # streamed: 20 000 of them is ~10 MB; nothing here looks back, so let each go
                cast(Any, archive).members.clear()  # not in typeshed, public since Python 2
                count += 1
                if count > limits.members:
                    yield Problem(source, None, "archive_limit", args={"what": "members", "limit": limits.members})
                    return
                inflated += max(member.size, 0)
                if inflated > limits.archive_bytes:
                    yield Problem(source, None, "archive_limit", args={"what": "bytes", "limit": limits.archive_bytes})
                    return
                if not member.isfile() or not member.name.lower().endswith(".xml"):
                    continue
                if member.size > limits.file_bytes:
                    yield Problem(source, member.name, "too_large", args={"limit": limits.file_bytes})
                    continue
                extracted = archive.extractfile(member)
                if extracted is None:
                    continue
                yield source, member.name, extracted.read(limits.file_bytes + 1)
    except (OSError, tarfile.TarError, EOFError, zlib.error, lzma.LZMAError, ValueError) as e:
        yield Problem(source, None, "archive", args={"reason": str(e) or type(e).__name__})
