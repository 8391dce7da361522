"""Bytes → (data, positions): the one safe, fast way every command reads a programme file.

libyaml (through PyYAML's C parser) produces events; this module builds plain Python data
from them in a single loop, without recursion, and records where each key and value sits.
Working on events rather than PyYAML's composed nodes is deliberate:

* nothing is ever constructed from a tag, so `!!python/object` cannot run code (it is refused);
* aliases are refused outright, so an alias bomb ("billion laughs") costs nothing;
* nesting depth is checked as events arrive (libyaml's composer recurses in C and crashes
  on very deep input);
* duplicate keys are caught (YAML loaders usually keep the last one silently: data loss);
* plain scalars are resolved with the YAML 1.2 core schema, the one VS Code's YAML server
  and ruamel.yaml use, and timestamps stay text so the model can report a bad date at
  its line instead of the loader failing with a bare ValueError.
"""

from __future__ import annotations

import errno
import gc
import math
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..checking.findings import Finding, LoadError
from ..i18n import yaml_problem

MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 64
#: Keys in one mapping. The model's mappings have a few dozen fields (a unit breakdown perhaps
#: hundreds); past this a file is not a programme, and each unknown key would cost a finding.
MAX_KEYS = 10_000

Pos = tuple[int, int]  # (line, column), both 1-based

_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(nan|NaN|NAN)\Z")
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_TRUES = frozenset(("true", "True", "TRUE"))
_FALSES = frozenset(("false", "False", "FALSE"))
_NUMERIC_START = frozenset("0123456789-+.")

_CORE = "tag:yaml.org,2002:"
_STR_TAGS = frozenset(("!", _CORE + "str", _CORE + "timestamp"))
_SCALAR_TAGS = frozenset((_CORE + "int", _CORE + "float", _CORE + "bool", _CORE + "null")) | _STR_TAGS
_MAP_TAGS = frozenset((None, "!", _CORE + "map"))
_SEQ_TAGS = frozenset((None, "!", _CORE + "seq"))


#: An integer literal longer than this is read as a float (inf beyond 1.8e308). Python will not
#: turn an int of over 4300 digits into text (or a huge one into a float) and no programme value
#: is that long; as a float it is refused by the model's number range (model_base.MAX_MAGNITUDE).
MAX_INT_CHARS = 300


def resolve_plain(text: str) -> Any:
    """YAML 1.2 core schema for a plain (unquoted) scalar."""
    if text in _NULLS:
        return None
    c = text[0]
    if c in _NUMERIC_START:
        if _INT.match(text):
            return int(text) if len(text) <= MAX_INT_CHARS else float(text)
        if _FLOAT.match(text):
            return float(text)
        if _INF.match(text):
            return -math.inf if c == "-" else math.inf
        if _NAN.match(text):
            return math.nan
        if c == "0" and len(text) > 2:
            if len(text) > MAX_INT_CHARS and (_OCT.match(text) or _HEX.match(text)):
                return math.inf
            if text[1] == "o" and _OCT.match(text):
                return int(text[2:], 8)
            if text[1] == "x" and _HEX.match(text):
                return int(text[2:], 16)
        return text
    if c == "t" or c == "T":
        return True if text in _TRUES else text
    if c == "f" or c == "F":
        return False if text in _FALSES else text
    return text


class Positions:
    """Where the keys and values of one loaded document sit in its file.

    A shadow entry is kept per container (keyed by the container's id; the document keeps
    the containers alive): for a mapping, key → (key mark, value mark); for a sequence, one
    mark per item. libyaml's marks are 0-based; `locate` answers 1-based.

    `locate` is called once per finding (thousands of times on a real programme, mostly for
    siblings under the same parent), so the container reached by each path prefix is
    remembered: a lookup is one dictionary hit for the parent and one step, not a walk from
    the root. The index is filled lazily, only along paths asked for: building it for every
    node at load time would cost more than all the lookups of a typical check.
    """

    def __init__(self, root: Any, root_pos: Pos) -> None:
        self.root = root
        self.root_pos = root_pos
        self.maps: dict[int, dict[Any, tuple[Any, Any]]] = {}  # key → (key mark, value mark)
        self.seqs: dict[int, list[Any]] = {}  # item marks
        # path → (node at the path, its position); _MISSING as the node when the path leaves
        # the data, with the position of the deepest part that exists
        self._index: dict[tuple[Any, ...], tuple[Any, Pos]] = {(): (root, root_pos)}

    def locate(self, path: tuple[Any, ...], key: bool = False) -> Pos:
        """Position of the value at `path` (or of its key), or of the deepest existing parent."""
        if not path:
            return self.root_pos
        parent = path[:-1]
        node, pos = self._index.get(parent) or self._reach(parent)
        step = path[-1]
        if isinstance(node, dict):  # the usual last step, inlined: a check makes thousands
            entry = self.maps[id(node)].get(step)
            if entry is None or step not in node:
                return pos
            mark = entry[0] if key else entry[1]
        else:
            mark = self._step(node, step, key)
            if mark is None:
                return pos
        return (mark.line + 1, mark.column + 1)

    def _step(self, node: Any, step: Any, key: bool) -> Any:
        """The mark of `step` inside `node` (its key's mark if `key`), or None if it is not there."""
        if isinstance(node, dict):
            entry = self.maps[id(node)].get(step)
            if entry is None or step not in node:
                return None
            return entry[0] if key else entry[1]
        if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            return self.seqs[id(node)][step]
        return None

    def _reach(self, path: tuple[Any, ...]) -> tuple[Any, Pos]:
        """The node at `path` and its position, indexing every prefix on the way."""
        n = len(path) - 1
        while path[:n] not in self._index:  # the longest prefix already indexed (() always is)
            n -= 1
        node, pos = self._index[path[:n]]
        for i in range(n, len(path)):
            if node is not _MISSING:
                mark = self._step(node, path[i], False)
                if mark is None:
                    node = _MISSING
                else:
                    node, pos = node[path[i]], (mark.line + 1, mark.column + 1)
            self._index[path[: i + 1]] = (node, pos)
        return node, pos


_MISSING = object()  # a path that leaves the data (the position stays at its last existing part)


@dataclass
class Document:
    path: Path
    text: str
    data: dict[str, Any]
    positions: Positions


def _fail(code: str, pos: Pos = (1, 1), **args: Any) -> LoadError:
    return LoadError(Finding(code, pos[0], pos[1], "", args))


def decode(raw: bytes) -> str:
    """Strict UTF-8 (a BOM is allowed and dropped); the error says where the bad byte is."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail("HK003", byte="0x" + raw[:2].hex())
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        start = e.start
        line = raw.count(b"\n", 0, start) + 1
        col = start - (raw.rfind(b"\n", 0, start) + 1) + 1
        raise _fail("HK003", (line, col), byte=f"0x{raw[start]:02x}") from None


def open_for_reading(path: Path) -> int:
    """A descriptor for reading `path` that never waits for a writer: a FIFO opened without
    O_NONBLOCK blocks until someone opens it for writing. Blocking reads are turned back on,
    so a pipe with a writer (`hankinta check <(…)`) is read to its end."""
    nonblock = getattr(os, "O_NONBLOCK", 0)  # POSIX only; Windows has no FIFOs to wait on
    fd = os.open(path, os.O_RDONLY | nonblock | getattr(os, "O_BINARY", 0))
    if nonblock:
        os.set_blocking(fd, True)
    return fd


def read_bounded(path: Path, limit: int = MAX_BYTES) -> bytes:
    """At most `limit` + 1 bytes of `path` (the + 1 tells a file that is too large). Never a
    whole-file read: /dev/zero or a growing pipe has no end. Raises OSError; a folder is
    refused here with EISDIR, as open() would."""
    fd = open_for_reading(path)
    try:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        chunks: list[bytes] = []
        got = 0
        while got <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read(path: Path) -> bytes:
    """A programme or catalogue file's bytes; LoadError HK001 (cannot read) or HK002 (too large)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _fail("HK002", size=size, limit=MAX_BYTES)
        raw = read_bounded(path)
    except OSError as e:
        raise _fail("HK001", reason=e.strerror or str(e)) from None
    if len(raw) > MAX_BYTES:  # a device or pipe with no size (or a file that grew): stopped at the limit
        raise _fail("HK002", size=f"> {MAX_BYTES}", limit=MAX_BYTES)
    return raw


def load_path(path: Path) -> Document:
    return load_bytes(read(path), path)


def load_bytes(raw: bytes, path: Path) -> Document:
    if len(raw) > MAX_BYTES:
        raise _fail("HK002", size=len(raw), limit=MAX_BYTES)
    return load_text(decode(raw), path)


def load_text(text: str, path: Path) -> Document:
    data, positions = parse(text)
    return Document(path, text, data, positions)


def _mark(ev: Any) -> Pos:
    m = ev.start_mark
    return (m.line + 1, m.column + 1)


@contextmanager
def cycles_off() -> Iterator[None]:
    """The cycle collector off for a while (back as it was after): a loaded document is acyclic
    dicts and lists, so the collector has nothing to find in it, yet each collection would walk
    the whole tree again and again. Whoever holds a document should drop it before this ends, so
    the collector never meets it (`check.check_bytes`); cyclic garbage made meanwhile is collected
    after."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def parse(text: str) -> tuple[dict[str, Any], Positions]:
    """Build data from libyaml events; raise LoadError with a positioned finding."""
    parser = yaml.CSafeLoader(text) if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader(text)
    try:
        with cycles_off():  # building alone: half of the load time would go to the collector
            return _build(parser)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        if e.context_mark is not None and "end of stream" in (e.problem or ""):
            mark = e.context_mark  # an unclosed quote or bracket: point at where it opened
        pos = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        fi, en = _problem(e, text, pos)
        raise _fail("HK010", pos, problem=fi, problem_en=en) from None
    except yaml.YAMLError as e:  # reader errors (control characters) carry a position too
        pos = (1, 1)
        if isinstance(e, yaml.reader.ReaderError):
            line = text.count("\n", 0, e.position) + 1
            pos = (line, e.position - (text.rfind("\n", 0, e.position) + 1) + 1)
        fi, en = reader_problem(e)
        raise _fail("HK010", pos, problem=fi, problem_en=en) from None
    finally:
        parser.dispose()


def _problem(e: yaml.MarkedYAMLError, text: str, pos: Pos) -> tuple[str, str]:
    lines = text.splitlines()
    line = lines[pos[0] - 1] if 0 < pos[0] <= len(lines) else ""
    return yaml_problem(e.context, e.problem, tab="\t" in line[: pos[1]])


def reader_problem(e: yaml.YAMLError) -> tuple[str, str]:
    """A reader error (a character YAML does not allow) in Finnish and English."""
    first = str(e).splitlines()[0]
    if isinstance(e, yaml.reader.ReaderError) and isinstance(e.character, int):
        char = f"U+{e.character:04X}"
        fi, en = yaml_problem(None, e.reason)
        return f"merkki {char} ei ole sallittu: {fi}", f"character {char} is not allowed: {en}"
    return first, first


def _build(parser: Any) -> tuple[dict[str, Any], Positions]:
    """One loop over the events. Marks are kept as libyaml gives them and turned into
    (line, column) only when a finding needs one: this loop is the checker's hot path, so the
    open collection lives in local variables (its parents on `stack`) and a plain scalar met
    again (every item's keys, a status word) is resolved once."""
    get = parser.get_event
    ev = get()  # StreamStart
    ev = get()
    if isinstance(ev, yaml.StreamEndEvent):
        raise _fail("HK004")
    doc_mark = ev.start_mark  # DocumentStart
    maps: dict[int, dict[Any, tuple[Any, Any]]] = {}  # id(mapping) → key → (key mark, value mark)
    seqs: dict[int, list[Any]] = {}  # id(sequence) → item marks
    # The innermost open collection, its shadow (maps/seqs) and kind; the enclosing ones on `stack`
    stack: list[tuple[Any, Any, bool]] = []
    depth = 0
    node: Any = None  # None until the document's first collection opens
    shadow: Any = None
    is_map = False
    key: Any = None  # in a mapping: the key waiting for its value, and its mark (None: none waits)
    key_mark: Any = None
    root: Any = None
    root_mark: Any = doc_mark
    memo: dict[str, Any] = {}
    ScalarEvent = yaml.ScalarEvent
    MappingStartEvent = yaml.MappingStartEvent
    SequenceStartEvent = yaml.SequenceStartEvent
    MappingEndEvent = yaml.MappingEndEvent
    SequenceEndEvent = yaml.SequenceEndEvent
    AliasEvent = yaml.AliasEvent
    while True:
        ev = get()
        cls = type(ev)
        if cls is ScalarEvent:
            tag = ev.tag
            if tag is None and ev.implicit[0]:
                text = ev.value
                value: Any = memo.get(text, memo)
                if value is memo:
                    value = memo[text] = resolve_plain(text)
            elif tag is None or tag in _STR_TAGS:
                value = ev.value
            elif tag in _SCALAR_TAGS:
                value = resolve_plain(ev.value)
            else:
                raise _fail("HK012", _mark(ev), tag=tag)
            if is_map:
                if key_mark is None:
                    if value in shadow:
                        raise _fail("HK011", _mark(ev), key=str(value), first=shadow[value][0].line + 1)
                    if len(shadow) >= MAX_KEYS:
                        raise _fail("HK018", _mark(ev), limit=MAX_KEYS)
                    key, key_mark = value, ev.start_mark
                else:
                    node[key] = value
                    shadow[key] = (key_mark, ev.start_mark)
                    key_mark = None
            elif node is not None:
                node.append(value)
                shadow.append(ev.start_mark)
            else:  # the whole document is one scalar
                root, root_mark = value, ev.start_mark
                break
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            opens_map = cls is MappingStartEvent
            if ev.tag not in (_MAP_TAGS if opens_map else _SEQ_TAGS):
                raise _fail("HK012", _mark(ev), tag=ev.tag)
            if depth >= MAX_DEPTH:
                raise _fail("HK015", _mark(ev), limit=MAX_DEPTH)
            value = {} if opens_map else []
            inner: Any = {} if opens_map else []
            (maps if opens_map else seqs)[id(value)] = inner
            if is_map:  # put the new collection into its parent (it cannot be a key)
                if key_mark is None:
                    raise _fail("HK017", _mark(ev))
                node[key] = value
                shadow[key] = (key_mark, ev.start_mark)
                key_mark = None
                stack.append((node, shadow, True))
            elif node is not None:
                node.append(value)
                shadow.append(ev.start_mark)
                stack.append((node, shadow, False))
            else:
                root, root_mark = value, ev.start_mark
            node, shadow, is_map = value, inner, opens_map
            depth += 1
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            if not stack:
                break
            node, shadow, is_map = stack.pop()
            depth -= 1
        elif cls is AliasEvent:
            raise _fail("HK013", _mark(ev), alias=ev.anchor)
        else:  # DocumentEnd after an empty document, or an unexpected event
            break
    _expect_single_document(parser)
    root_pos = (root_mark.line + 1, root_mark.column + 1)
    if not isinstance(root, dict):
        found = "lista" if isinstance(root, list) else ("tyhjä" if root is None else "yksittäinen arvo")
        raise _fail("HK014", root_pos, found=found)
    positions = Positions(root, root_pos)
    positions.maps = maps
    positions.seqs = seqs
    return root, positions


def _expect_single_document(parser: Any) -> None:
    ev = parser.get_event()  # DocumentEnd (or already consumed)
    if isinstance(ev, yaml.DocumentEndEvent):
        ev = parser.get_event()
    if isinstance(ev, yaml.DocumentStartEvent):
        raise _fail("HK016", _mark(ev))
