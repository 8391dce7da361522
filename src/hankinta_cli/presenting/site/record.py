"""What the last build made from each programme, so that a programme whose inputs did not change is
not rendered again: its pages are read back and compared instead (a tenth of the work).

`.hankinta-build.json` in the site folder holds the digest of everything a programme's pages depend
on besides the programme itself (this package's code, the templates, the languages, the day, the
base URL) and, per programme (by the digest of its bytes and of the catalogue beside it), every
file it made with its size and SHA-256. A programme is skipped only when each of its files is still
there with exactly those bytes, so a page edited or deleted by hand is made again. Anything odd in
the record (not JSON, too large, another shape, other inputs) makes it count as empty: a full build.
Trust: whoever can write the site folder decides what its pages say anyway; the record lets them
decide no more than that.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

RECORD = ".hankinta-build.json"
MAX_BYTES = 64 * 1024 * 1024  # some 35 000 files take 4 MB; a larger record is not read
VERSION = 1

Files = dict[str, tuple[int, str]]  # file name (below the site folder) → (size, SHA-256)


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def inputs_digest(langs: Sequence[str], as_of: dt.date, base_url: str | None, templates: Path | None) -> str:
    """The digest of what every programme's pages depend on besides the programme and its catalogue."""
    from ...checking.check import source_fingerprint
    from ..report.render import DEFAULT_TEMPLATES

    h = hashlib.sha256()
    h.update(json.dumps([VERSION, source_fingerprint(), list(langs), as_of.isoformat(), base_url]).encode())
    for folder in (DEFAULT_TEMPLATES, templates):
        h.update(b"\0folder")
        if folder is None:
            continue
        for f in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
            h.update(f.relative_to(folder).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


def programme_digest(raw: bytes, catalogue: bytes) -> str:
    return hashlib.sha256(hashlib.sha256(raw).digest() + hashlib.sha256(catalogue).digest()).hexdigest()


def read(out: Path, inputs: str) -> dict[str, Files]:
    """The record's files per programme digest; {} for no record, another build's inputs, or anything odd."""
    path = out / RECORD
    try:
        if os.path.islink(path) or path.stat().st_size > MAX_BYTES:
            return {}
        stored = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(stored, dict) or stored.get("version") != VERSION or stored.get("inputs") != inputs:
        return {}
    programmes = stored.get("programmes")
    if not isinstance(programmes, dict):
        return {}
    out_entries: dict[str, Files] = {}
    for digest, files in programmes.items():
        entry = _files(files)
        if entry is not None:
            out_entries[str(digest)] = entry
    return out_entries


def _files(value: Any) -> Files | None:
    if not isinstance(value, dict) or not value:
        return None
    files: Files = {}
    for name, pair in value.items():
        if (not isinstance(name, str) or not isinstance(pair, list) or len(pair) != 2
                or type(pair[0]) is not int or not isinstance(pair[1], str)):
            return None
        parts = name.split("/")
        if name.startswith("/") or any(p in ("", ".", "..") for p in parts):  # only names below the site
            return None
        files[name] = (pair[0], pair[1])
    return files


def still_there(out: Path, files: Files) -> bool:
    """True if every one of `files` is in the site with its recorded bytes (size first, then SHA-256)."""
    for name, (size, digest) in files.items():
        path = out / name
        try:
            if os.path.islink(path) or os.stat(path).st_size != size:
                return False
            if file_hash(path.read_bytes()) != digest:
                return False
        except OSError:
            return False
    return True


def write(out: Path, inputs: str, programmes: Mapping[str, Files]) -> None:
    """Replace the record (atomically; a record that cannot be written only costs time next build),
    unless it already says this."""
    from ...editing.atomic import atomic_write

    data = json.dumps({"version": VERSION, "inputs": inputs,
                       "programmes": {d: {n: list(p) for n, p in f.items()} for d, f in programmes.items()}},
                      separators=(",", ":"), sort_keys=True)
    raw = data.encode("utf-8")
    with contextlib.suppress(OSError):
        if (out / RECORD).read_bytes() == raw:  # a build that changed nothing changes no file
            return
    with contextlib.suppress(OSError):
        atomic_write(out / RECORD, raw, durable=False)
