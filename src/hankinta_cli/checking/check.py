"""Check programme files: load → model → rules, over files and folders, with a result cache.

The cache maps a file's content hash to the findings it produced, under a fingerprint of
this package's own source. Findings depend only on the bytes of the file and on this code,
so a hit can never hide a finding: change either and the entry no longer matches. Who can
write the cache decides what it says: see `Cache` for its trust model.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .findings import Finding, LoadError

if TYPE_CHECKING:
    from ..model import Catalogue
    from ..reading.load import Document
    from ..reading.plans import Programmes



@dataclass
class FileResult:
    path: Path
    findings: list[Finding] = field(default_factory=list)
    cached: bool = False


#: The shared indicator catalogue lives beside the programmes that refer to it.
CATALOGUE_NAME = "mittaristo.yaml"


def check_bytes(raw: bytes, path: Path, catalogue: Catalogue | None = None, refs: bool = True,
                as_of: dt.date | None = None, programmes: Programmes | None = None) -> list[Finding]:
    """All findings for one file's content (imports the model lazily: it is the slow part).

    The cycle collector stays off until the document is dropped: switched back on with the whole
    tree still alive, its next collections would walk every node of it (for a plan of 2 000
    items, twice the time of the model's validation)."""
    from ..reading.load import cycles_off, load_bytes

    with cycles_off():
        try:
            doc = load_bytes(raw, path)
        except LoadError as e:
            return [e.finding]
        findings = check_document(doc, catalogue, refs, as_of, programmes)
        del doc
    return findings


def check_document(doc: Document, catalogue: Catalogue | None = None, refs: bool = True,
                   as_of: dt.date | None = None, programmes: Programmes | None = None) -> list[Finding]:
    """Findings for a document that loaded: the model, then every content rule.

    `catalogue` is the shared indicator catalogue found beside the file (None if there is none);
    `refs=False` skips the references to it (the catalogue is there but unreadable: reported apart).
    `as_of` is the day a plan's dates are judged against (late notices, the horizon); without it
    those rules are skipped (an edit's re-check asks only for errors). `programmes` are those a
    plan's `programmes:` and `measure_refs:` must name (`reading.plans.programmes_beside`); without
    them those references are not checked.
    """
    # each kind of file imports only its own model and rules: a plan's check is a short command
    from .validate import is_catalogue, is_plan, validate, validate_catalogue, validate_plan

    if is_plan(doc.data, doc.path):
        from .rules import plans

        plan, findings = validate_plan(doc.data, doc.positions)
        if plan is not None:
            findings += plans.check(plan, doc.positions, as_of, programmes)
    elif is_catalogue(doc.data):
        from .rules import catalogue_rules

        cat, findings = validate_catalogue(doc.data, doc.positions)
        if cat is not None:
            findings += catalogue_rules.check_catalogue(cat, doc.positions)
    else:
        from .rules import all_rules, catalogue_rules, hilma

        programme, findings = validate(doc.data, doc.positions)
        if programme is not None:
            for rule in all_rules():
                findings += rule(programme, doc.positions)
            if refs:
                findings += catalogue_rules.check_refs(programme, doc.positions, catalogue)
            findings += hilma.check_buyers(programme, doc.positions, catalogue)
    findings.sort(key=lambda f: (f.line, f.column, f.code))
    return findings


def unreadable_reason(f: Finding) -> str:
    """Why a file could not be read (HK001's system message, or HK002's size), for one line."""
    if "reason" in f.args:
        return str(f.args["reason"])
    return f"{f.args.get('size')} B > {f.args.get('limit')} B"


def read_catalogue(folder: Path) -> bytes:
    """The bytes of the catalogue beside programmes in `folder` (b"" if there is none).

    A catalogue that is there but cannot be read raises LoadError (HK001/HK002): it must not
    pass for a missing one ("mittaristo.yaml ei ole kansiossa" when it is)."""
    from ..reading.load import read

    path = folder / CATALOGUE_NAME
    return read(path) if path.is_file() else b""


def load_catalogue(folder: Path) -> tuple[Catalogue | None, bytes]:
    """The catalogue beside programmes in `folder`, and its bytes (b"" if missing or invalid).

    Raises UserError (exit 2) when the catalogue is there but cannot be read."""
    from ..errors import UserError
    from ..reading.load import load_bytes
    from .validate import is_catalogue, validate_catalogue

    path = folder / CATALOGUE_NAME
    try:
        raw = read_catalogue(folder)
    except LoadError as e:
        raise UserError("file_unreadable", path=path, reason=unreadable_reason(e.finding)) from None
    if not raw:
        return None, b""
    try:
        doc = load_bytes(raw, path)
    except LoadError:
        return None, b""
    if not is_catalogue(doc.data):
        return None, b""
    cat, _ = validate_catalogue(doc.data, doc.positions)
    return cat, raw


class Cache:
    """Content-hash → findings, stored as one JSON file in the user's cache folder.

    Trust model: a hit is believed, so whoever can write the cache decides what `check` reports
    (an entry saying "no findings" for a broken file's hash makes it pass). Hence:

    - a key is the SHA-256 of the file's exact bytes and of the catalogue beside it, and the whole
      cache is tied to a fingerprint of this package's source: a stale entry never matches, and a
      forged one can matter only to someone who can write the cache folder;
    - the folder must belong to the current user and be writable by nobody else (group or
      others), and so must `check.json`: otherwise the cache is not used at all (`unsafe` says
      why, for one warning) and nothing is written there; a new folder is created private (0o700);
    - every entry is validated (its shape, known codes, arguments that fill the messages); anything
      odd is a miss, never a traceback;
    - a cache shared between CI runs of untrusted branches (pull requests from forks) lets those
      branches write entries that later runs believe: run `check --no-cache` there.
    """

    #: A cache file larger than this is not read (it would only be a memory bomb): a miss.
    MAX_BYTES = 64 * 1024 * 1024

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.unsafe: Path | None = None
        self.entries: dict[str, Any] = {}
        # entries already validated, or put, in this run: copies of a file (the same bytes beside
        # the same catalogue) are answered without checking the stored entry again
        self._known: dict[str, list[Finding]] = {}
        self.dirty = False
        self.fingerprint = source_fingerprint()
        if folder is None:
            return
        if not _private(folder, must_exist=False):
            self.unsafe, self.folder = folder, None
            return
        self.entries = self._read(folder / "check.json")

    def _read(self, file: Path) -> dict[str, Any]:
        try:
            if not _private(file, must_exist=True) or file.stat().st_size > self.MAX_BYTES:
                return {}
            stored = json.loads(file.read_bytes())
        except (OSError, ValueError, RecursionError):
            return {}
        if (not isinstance(stored, dict) or stored.get("fingerprint") != self.fingerprint
                or not isinstance(stored.get("entries"), dict)):
            return {}
        entries: dict[str, Any] = stored["entries"]
        return entries

    def get(self, digest: str) -> list[Finding] | None:
        hit = self._known.get(digest)
        if hit is None:
            hit = _findings(self.entries.get(digest))
            if hit is None:
                self.entries.pop(digest, None)  # odd: dropped, and replaced by the next put
                return None
            self._known[digest] = hit
        return list(hit)

    def put(self, digest: str, findings: list[Finding]) -> None:
        self.entries[digest] = [f.to_dict() for f in findings]
        self._known[digest] = list(findings)
        self.dirty = True

    def save(self) -> None:
        if self.folder is None or not self.dirty:
            return
        tmp = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not _private(self.folder, must_exist=True):
                return
            data = json.dumps({"fingerprint": self.fingerprint, "entries": self.entries})
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".check-", suffix=".json")  # mode 0o600
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data)
            os.replace(tmp, self.folder / "check.json")
            tmp = None
        except OSError:
            pass  # a cache that cannot be written only costs time next run
        finally:
            if tmp is not None:
                with suppress(OSError):
                    os.unlink(tmp)


_FINDING_KEYS = {"code", "line", "column", "path", "args"}


def _findings(entry: Any) -> list[Finding] | None:
    """A cache entry as findings, or None unless it is exactly what `Cache.put` stores."""
    from .findings import CATALOGUE

    if not isinstance(entry, list):
        return None
    out = []
    for d in entry:
        if not isinstance(d, dict) or d.keys() != _FINDING_KEYS:
            return None
        code, line, column, path, args = d["code"], d["line"], d["column"], d["path"], d["args"]
        if not (isinstance(code, str) and code in CATALOGUE and type(line) is int and type(column) is int
                and isinstance(path, str) and isinstance(args, dict)):
            return None
        finding = Finding(code, line, column, path, args)
        try:
            for lang in ("fi", "en"):
                finding.texts(lang)
        except (KeyError, IndexError, ValueError, TypeError, AttributeError):
            return None
        out.append(finding)
    return out


def _private(path: Path, must_exist: bool) -> bool:
    """True if `path` belongs to this user and nobody else may write to it (POSIX owner and mode
    bits; elsewhere the per-user cache folder is trusted). A missing path is fine unless
    `must_exist`: it will be created private."""
    if not hasattr(os, "geteuid"):
        return True
    try:
        st = path.stat()
    except FileNotFoundError:
        return not must_exist
    except OSError:
        return False
    return st.st_uid == os.geteuid() and not st.st_mode & 0o022


def open_cache(no_cache: bool) -> Cache | None:
    """The result cache for `check`, None with `--no-cache` (one not safe to use says `unsafe`)."""
    return None if no_cache else Cache(default_cache_dir())


def default_cache_dir() -> Path:
    explicit = os.environ.get("HANKINTA_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "hankinta"


def source_fingerprint() -> str:
    """A digest of this package's Python source: what the code makes from the same input changes with it."""
    h = hashlib.sha256()
    root = Path(__file__).resolve().parent.parent  # all of hankinta_cli
    for f in sorted(root.rglob("*.py")):
        h.update(f.relative_to(root).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:32]


class _Catalogues:
    """Catalogue bytes per folder (for cache keys) and, only when a file is checked, its model.
    A catalogue that cannot be read is remembered with the finding that says why."""

    def __init__(self) -> None:
        self._raw: dict[Path, bytes] = {}
        self._model: dict[Path, Catalogue | None] = {}
        self.unreadable: dict[Path, Finding] = {}

    def raw(self, folder: Path) -> bytes:
        if folder not in self._raw:
            try:
                self._raw[folder] = read_catalogue(folder)
            except LoadError as e:
                self._raw[folder] = b""
                self.unreadable[folder] = e.finding
        return self._raw[folder]

    def model(self, folder: Path) -> Catalogue | None:
        if folder not in self._model:
            self._model[folder] = load_catalogue(folder)[0] if self.raw(folder) else None
        return self._model[folder]


def check_paths(paths: Iterable[Path], cache: Cache | None, as_of: dt.date | None = None) -> list[FileResult]:
    """Every file's findings; `as_of` is the day plans are judged against (see check_document)."""
    results: list[FileResult] = []
    from ..reading.load import read

    catalogues = _Catalogues()
    unreadable: set[Path] = set()  # files already reported as unreadable (a catalogue once per folder)
    from ..reading.plans import programmes_beside
    from ..reading.resolve import collect

    beside: dict[Path, Programmes | None] = {}  # a plan's folder → the programmes its references name

    def programmes_of(path: Path) -> Programmes | None:
        if path.parent not in beside:
            beside[path.parent] = programmes_beside(path)
        return beside[path.parent]

    ids: dict[tuple[Path, bool, str], Path] = {}  # (folder, is a plan, id) → the first file with it
    for path in collect(paths):
        try:
            raw = read(path)
        except LoadError as e:
            if path not in unreadable:
                unreadable.add(path)
                results.append(FileResult(path, [e.finding]))
            continue
        folder = path.parent
        catalogues.raw(folder)
        if folder in catalogues.unreadable:
            # the catalogue's own error stands for every reference to it; nothing is cached
            catalogue_path = folder / CATALOGUE_NAME
            if catalogue_path not in unreadable:
                unreadable.add(catalogue_path)
                results.append(FileResult(catalogue_path, [catalogues.unreadable[folder]]))
        plan = b"plan_version" in raw or _in_plans(path)  # may be a plan (else refused by the model)
        programmes = programmes_of(path) if plan else None
        taken = _id_taken(ids, path, raw, plan)  # another file's id: no file's own finding (never cached)
        if folder in catalogues.unreadable:
            results.append(FileResult(path, _with(check_bytes(raw, path, None, refs=False, as_of=as_of,
                                                              programmes=programmes), taken)))
            continue
        if cache is None:
            results.append(FileResult(path, _with(check_bytes(raw, path, catalogues.model(folder), as_of=as_of,
                                                              programmes=programmes), taken)))
            continue
        # findings depend on the file and on the catalogue beside it: both are in the key;
        # a plan's also on the day it is judged against and on the programmes it refers to
        key = raw + b"\0catalogue\0" + catalogues.raw(folder)
        if plan:
            key += (b"\0as_of\0" + (as_of.isoformat().encode() if as_of else b"")
                    + b"\0programmes\0" + (programmes.digest() if programmes else b""))
        digest = hashlib.sha256(key).hexdigest()
        hit = cache.get(digest)
        if hit is not None:
            results.append(FileResult(path, _with(hit, taken), cached=True))
            continue
        findings = check_bytes(raw, path, catalogues.model(folder), as_of=as_of, programmes=programmes)
        cache.put(digest, findings)
        results.append(FileResult(path, _with(findings, taken)))
    if cache is not None:
        cache.save()
    return results


def _id_taken(ids: dict[tuple[Path, bool, str], Path], path: Path, raw: bytes, plan: bool) -> Finding | None:
    """HK212 when another programme (or plan) checked in the same folder has this file's id (or
    one differing only in case): the commands that take an id would refuse it, and the site and
    the calendar name files after it. The catalogue has no id of its own to clash."""
    from ..reading.sniff import top_level_id

    if path.name == CATALOGUE_NAME or b"id" not in raw:
        return None
    try:
        found = top_level_id(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return None  # the file's own check says so
    if found is None:
        return None
    value, line, column = found
    first = ids.setdefault((path.parent.resolve(), plan, value.casefold()), path)
    if first == path:
        return None
    return Finding("HK212", line, column, "id", {"id": value, "first": str(first)})


def _with(findings: list[Finding], taken: Finding | None) -> list[Finding]:
    """The file's own findings and HK212 in line order, as a new list (the cache keeps the own ones)."""
    if taken is None:
        return findings
    return sorted([*findings, taken], key=lambda f: (f.line, f.column, f.code))


def _in_plans(path: Path) -> bool:
    from ..reading.resolve import PLANS

    return PLANS in path.parent.parts
