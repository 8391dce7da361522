"""Check programme files: load → model → rules, over files and folders, with a result cache.

The cache maps a file's content hash to the findings it produced, under a fingerprint of
this package's own source. Findings depend only on the bytes of the file and on this code,
so a hit can never hide a finding: change either and the entry no longer matches.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .findings import Finding, LoadError

if TYPE_CHECKING:
    from .load import Document

SUFFIXES = (".yaml", ".yml")


@dataclass
class FileResult:
    path: Path
    findings: list[Finding] = field(default_factory=list)
    cached: bool = False


class UsageError(Exception):
    """A path that does not exist or is not a programme file: exit code 2, not a finding."""


def collect(paths: Iterable[Path]) -> list[Path]:
    """Programme files named by `paths`: files as given, folders searched for *.yaml/*.yml."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.suffix in SUFFIXES and f.is_file()
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            out += found
        elif p.exists():
            out.append(p)
        else:
            raise UsageError(str(p))
    return out


def check_bytes(raw: bytes, path: Path) -> list[Finding]:
    """All findings for one file's content (imports the model lazily: it is the slow part)."""
    from .load import load_bytes

    try:
        doc = load_bytes(raw, path)
    except LoadError as e:
        return [e.finding]
    return check_document(doc)


def check_document(doc: Document) -> list[Finding]:
    """Findings for a document that loaded: the model, then every content rule."""
    from .rules import all_rules
    from .validate import validate

    programme, findings = validate(doc.data, doc.positions)
    if programme is not None:
        for rule in all_rules():
            findings += rule(programme, doc.positions)
    findings.sort(key=lambda f: (f.line, f.column, f.code))
    return findings


def check_file(path: Path) -> list[Finding]:
    from .load import read

    try:
        raw = read(path)
    except LoadError as e:
        return [e.finding]
    return check_bytes(raw, path)


class Cache:
    """Content-hash → findings, stored as one JSON file in the user's cache folder."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.entries: dict[str, list[dict[str, Any]]] = {}
        self.dirty = False
        self.fingerprint = _fingerprint()
        if folder is not None:
            try:
                stored = json.loads((folder / "check.json").read_text(encoding="utf-8"))
                if stored.get("fingerprint") == self.fingerprint:
                    self.entries = stored["entries"]
            except (OSError, ValueError, KeyError, TypeError):
                self.entries = {}

    def get(self, digest: str) -> list[Finding] | None:
        hit = self.entries.get(digest)
        return None if hit is None else [Finding.from_dict(d) for d in hit]

    def put(self, digest: str, findings: list[Finding]) -> None:
        self.entries[digest] = [f.to_dict() for f in findings]
        self.dirty = True

    def save(self) -> None:
        if self.folder is None or not self.dirty:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            data = json.dumps({"fingerprint": self.fingerprint, "entries": self.entries})
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".check-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data)
            os.replace(tmp, self.folder / "check.json")
        except OSError:
            pass  # a cache that cannot be written only costs time next run


def default_cache_dir() -> Path:
    explicit = os.environ.get("HANKINTA_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "hankinta"


def _fingerprint() -> str:
    h = hashlib.sha256()
    root = Path(__file__).parent
    for f in sorted(root.rglob("*.py")):
        h.update(f.relative_to(root).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:32]


def check_paths(paths: Iterable[Path], cache: Cache | None) -> list[FileResult]:
    results: list[FileResult] = []
    from .load import read

    for path in collect(paths):
        try:
            raw = read(path)
        except LoadError as e:
            results.append(FileResult(path, [e.finding]))
            continue
        if cache is None:
            results.append(FileResult(path, check_bytes(raw, path)))
            continue
        digest = hashlib.sha256(raw).hexdigest()
        hit = cache.get(digest)
        if hit is not None:
            results.append(FileResult(path, hit, cached=True))
            continue
        findings = check_bytes(raw, path)
        cache.put(digest, findings)
        results.append(FileResult(path, findings))
    if cache is not None:
        cache.save()
    return results
