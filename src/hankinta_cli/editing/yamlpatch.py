"""Edit YAML text in place: change only the bytes an edit is about.

A round-trip dump (ruamel.yaml) re-emits the whole document and can reflow long lines,
flow mappings, quoting and indentation. Patching the text at the positions libyaml reports
keeps every untouched byte as it was: comments, blank lines, key order, quoting, CRLF (and old
Mac CR-only) line ends. The caller re-parses the result and compares it with the data it expected, so a
patch that would change anything else is caught before it is written.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..reading.load import parse, resolve_plain


@dataclass
class Node:
    kind: str  # "map", "seq" or "scalar"
    start: int  # character offsets into the text
    end: int
    flow: bool = False
    keys: dict[Any, tuple[int, Node]] = field(default_factory=dict)  # map: key → (key start, value)
    items: list[Node] = field(default_factory=list)

    def last_end(self) -> int:
        """Offset just after the last content character (block collections end at their last leaf)."""
        if self.flow or self.kind == "scalar":
            return self.end
        if self.kind == "map":
            return max(v.last_end() for _, v in self.keys.values()) if self.keys else self.end
        return self.items[-1].last_end() if self.items else self.end


class PatchError(Exception):
    pass


_BREAK = re.compile(r"\r\n|\r|\n")


def newline_of(text: str) -> str:
    """The file's own line end, used for every line an edit adds: CRLF if it has any, else LF,
    else a lone CR (old Mac files, which YAML reads as line ends too)."""
    if "\r\n" in text:
        return "\r\n"
    return "\r" if "\r" in text and "\n" not in text else "\n"


def span_tree(text: str) -> Node:
    """Parse `text` into a tree of spans (the loader has already validated it)."""
    # libyaml's marks count lines the way YAML does: LF, CRLF and a lone CR each end one
    starts = [0]
    for m in _BREAK.finditer(text):
        starts.append(m.end())

    def off(mark: Any) -> int:
        return int(starts[mark.line] + mark.column)

    parser = yaml.CSafeLoader(text) if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader(text)
    stack: list[tuple[Node, list[Any]]] = []  # (node, [pending key, key start])
    root: Node | None = None
    try:
        while True:
            ev = parser.get_event()
            if isinstance(ev, yaml.StreamEndEvent):
                break
            node: Node | None = None
            key_value: Any = None
            if isinstance(ev, yaml.ScalarEvent):
                end = off(ev.end_mark)
                header = text[off(ev.start_mark):off(ev.start_mark) + 4] if ev.style in ("|", ">") else ""
                if header and "+" not in header.split("\n")[0]:  # "|+" keeps its blank lines: they are its text
                    # a block scalar's end mark is past its line break (at the next line's start): a
                    # value written over it must leave that break, or the next key joins its line
                    while end > 0 and text[end - 1] in " \t\r\n":
                        end -= 1
                node = Node("scalar", off(ev.start_mark), end)
                key_value = resolve_plain(ev.value) if (ev.tag is None and ev.implicit[0]) else ev.value
            elif isinstance(ev, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                kind = "map" if isinstance(ev, yaml.MappingStartEvent) else "seq"
                new = Node(kind, off(ev.start_mark), off(ev.end_mark), flow=bool(ev.flow_style))
                _attach(stack, new, None)
                stack.append((new, [None, None]))
                root = root or new
                continue
            elif isinstance(ev, yaml.CollectionEndEvent):
                done, _ = stack.pop()
                if done.flow:
                    done.end = off(ev.end_mark)
                continue
            else:
                continue
            if stack:
                _attach(stack, node, key_value)
    finally:
        parser.dispose()
    if root is None:
        raise PatchError("document has no mapping")
    return root


def _attach(stack: list[tuple[Node, list[Any]]], node: Node, key_value: Any) -> None:
    if not stack:
        return
    parent, pending = stack[-1]
    if parent.kind == "seq":
        parent.items.append(node)
    elif pending[1] is None:  # a key
        pending[0], pending[1] = key_value, node.start
    else:
        parent.keys[pending[0]] = (pending[1], node)
        pending[0] = pending[1] = None


_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#,\[\]{}\n\r\t]*\Z")
#: What JSON leaves as it is but YAML must not meet raw in a double-quoted scalar: DEL and the C1
#: controls (libyaml refuses them), NEL and the line and paragraph separators (line breaks to
#: libyaml, folded into a space), the BOM and noncharacters. Written as YAML escapes instead.
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_NOT_PLAIN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def render(value: Any) -> str:
    """One-line YAML for a value; flow style for collections."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return "{" + ", ".join(f"{render(k)}: {render(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(render(v) for v in value) + "]"
    text = str(value)
    if (_PLAIN.match(text) and not _NOT_PLAIN.search(text) and text == text.strip() and resolve_plain(text) == text
            and ": " not in text):
        return text
    # a JSON string is a valid YAML double-quoted scalar; YAML's \uXXXX escapes cover the rest
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


class Patcher:
    """Accumulates edits on one text.

    Edits are computed against one parse of the text and kept as splices (offset ranges of the
    original text and their replacements), applied together when the text is read. Several
    edits therefore cost one parse. An edit that touches a place an earlier pending edit
    created or changed (the same new key, the same list, the same value) first applies the
    pending splices and parses again, so edits always see the text as it is.
    """

    def __init__(self, text: str) -> None:
        self._base = text
        self.newline = newline_of(text)
        self._tree: Node | None = None
        self._splices: list[tuple[int, int, int, int, str]] = []  # (start, end, depth, order, new text)
        self._touched: set[tuple[Any, ...]] = set()
        self._replaced: set[int] = set()  # starts of nodes whose text a pending edit replaces

    @property
    def text(self) -> str:
        out = self._base
        # Applied from the end backwards. At one offset, text for a deeper container must come first
        # (it continues that container; a shallower one's new key follows it), and among edits of one
        # container the earlier edit comes first.
        for start, end, _, _, new in sorted(self._splices, key=lambda x: (x[0], -x[2], x[3]), reverse=True):
            out = out[:start] + new + out[end:]
        return out

    def _flush(self) -> None:
        self._base = self.text
        self._splices, self._touched, self._replaced, self._tree = [], set(), set(), None

    def _claim(self, mark: tuple[Any, ...]) -> bool:
        """Record that an edit changes `mark`; False if a pending edit already did."""
        if mark in self._touched:
            return False
        self._touched.add(mark)
        return True

    def _find(self, path: tuple[Any, ...]) -> tuple[Node, int]:
        """Deepest existing node along `path` and how many steps it covers.

        When the answer depends on a pending edit (the path runs through a replaced value, or
        needs a key or list item that a pending edit adds), the pending edits are applied first.
        """
        node, depth, stale = self._walk(path)
        if stale and self._splices:
            self._flush()
            node, depth, stale = self._walk(path)
        return node, depth

    def _walk(self, path: tuple[Any, ...]) -> tuple[Node, int, bool]:
        if self._tree is None:
            self._tree = span_tree(self._base)
        node = self._tree
        for i, step in enumerate(path):
            if node.start in self._replaced:
                return node, i, True
            if node.kind == "map" and step in node.keys:
                node = node.keys[step][1]
            elif node.kind == "seq" and isinstance(step, int) and 0 <= step < len(node.items):
                if ("inserted", node.start) in self._touched:  # the items after an insertion moved
                    return node, i, True
                node = node.items[step]
            else:
                pending = ("key", node.start, step) in self._touched or ("seq", node.start) in self._touched
                return node, i, pending
        return node, len(path), node.start in self._replaced

    def _line_start(self, offset: int) -> int:
        text = self._base
        return max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1

    def _splice(self, start: int, end: int, new: str, depth: int = 0) -> None:
        self._splices.append((start, end, depth, len(self._splices), new))

    def _insertion_point(self, offset: int) -> tuple[int, str]:
        """Start of the line after `offset`, and a newline to put first if the file lacks a final one."""
        text = self._base
        before = text[offset - 1] if offset > 0 else ""
        if before == "\n" or (before == "\r" and text[offset:offset + 1] != "\n"):
            return offset, ""
        m = _BREAK.search(text, offset)
        if m is None:
            return len(text), self.newline
        return m.end(), ""

    def set(self, path: tuple[Any, ...], value: Any, after: tuple[str, ...] = ()) -> None:
        """Set the value at `path`, creating missing mapping keys; `after` orders a new key."""
        node, depth = self._find(path)
        if depth == len(path):
            if self._by_keys(node, path, value):
                return None
            node, depth = self._find(path)  # as the text is now: `_by_keys` may have applied pending edits
            if self._pending_within(node) or not self._claim(("value", node.start)):  # replace what the text says now
                self._flush()
                return self.set(path, value, after)
            self._replaced.add(node.start)
            start, text = node.start, self._render_in_place(node, value)
            if node.kind != "scalar" and not node.flow and path and not isinstance(value, dict) \
                    and "\n" not in text and "\r" not in text:
                # a block collection on the lines below its key ("responsible:" then "- a"): a
                # one-line value goes after the key's colon, not at the items' indent (where an
                # indentless list's "- " stood, a flow value would start a new key)
                colon = self._colon_before(node.start)
                if colon is not None:
                    start, text = colon + 1, " " + text
            self._splice(start, node.last_end(), text, depth)
            return None
        if node.kind != "map":
            raise PatchError(f"cannot create {path[depth]!r} inside a {node.kind}")
        if not self._claim(("key", node.start, path[depth])):
            self._flush()
            return self.set(path, value, after)
        rest = value
        for step in reversed(path[depth + 1:]):
            rest = {step: rest}
        self._insert_key(node, path[depth], rest, after, depth)
        return None

    def _colon_before(self, offset: int) -> int | None:
        """The `:` ending the key line above a block collection starting at `offset` (a comment
        after it allowed), or None when the collection starts on its key's line."""
        line = self._line_start(offset)
        if self._base[line:offset].strip():  # on its key's line, or a list item's ("- key: …")
            return None
        end = line
        while end > 0:
            above = self._line_start(end - 1)
            text = self._base[above:end].rstrip("\r\n")
            content = text.split(" #")[0].rstrip() if not text.lstrip().startswith("#") else ""
            if content:
                return above + len(content) - 1 if content.endswith(":") else None
            end = above
        return None

    def _by_keys(self, node: Node, path: tuple[Any, ...], value: Any) -> bool:
        """A block mapping set to a mapping of the same keys in the same order (a baseline's new
        value, a breakdown's new numbers) is changed value by value: the lines of the keys that keep
        their value, and their comments, are not touched. True when done so; False when the mapping
        is written as a whole (flow style, other keys)."""
        if node.kind != "map" or node.flow or not isinstance(value, dict) or list(node.keys) != list(value):
            return False
        if self._splices:
            self._flush()
            node, _ = self._find(path)
        current: Any = parse(self._base)[0]
        for step in path:
            current = current[step]
        if not isinstance(current, dict) or list(current) != list(value):
            return False
        for key, new in value.items():
            old = current[key]
            if type(old) is not type(new) or old != new:
                self.set((*path, key), new)
        return True

    def _pending_within(self, node: Node) -> bool:
        """Whether a pending edit changes `node`'s text or adds to its end."""
        end = self._insertion_point(node.last_end())[0]
        return any(node.start <= start <= end for start, *_ in self._splices)

    def _render_in_place(self, node: Node, value: Any) -> str:
        """A new value for `node`'s place. A block mapping replaced by a mapping stays a block
        (`schedule:` then its keys one per line, at the old indent), as a person would write it;
        anything else is written on one line."""
        if node.kind == "map" and not node.flow and node.keys and isinstance(value, dict) and value:
            indent = self.newline + " " * (node.start - self._line_start(node.start))
            return indent.join(f"{render(k)}: {render(v)}" for k, v in value.items())
        return render(value)

    def delete(self, path: tuple[Any, ...]) -> None:
        """Remove the key `path[-1]` from the mapping at `path[:-1]` (nothing if it is not there).
        A key on lines of its own goes with its lines (and a comment on them); otherwise (a flow
        mapping, the only key, or the first key on a list item's line) the mapping is written
        again without it. Pending edits are applied first: a deletion is rare and must see them."""
        if self._splices:
            self._flush()
        parent, depth = self._find(path[:-1])
        if depth < len(path) - 1 or parent.kind != "map" or path[-1] not in parent.keys:
            return None
        self._claim(("value", parent.start))
        self._replaced.add(parent.start)
        key_start, value = parent.keys[path[-1]]
        line = self._line_start(key_start)
        if not parent.flow and len(parent.keys) > 1 and self._base[line:key_start].strip() == "-":
            # the first key of a list item ("- schedule: …"): the next key moves up onto the dash
            # line, or, with a comment or blank line between, the dash stays alone on its line;
            # the other keys' lines and their comments are not touched
            at, _ = self._insertion_point(value.last_end())
            after_keys = [k for k, _ in parent.keys.values() if k > key_start]
            following = min(after_keys) if after_keys else None
            if following is not None and self._line_start(following) == at:
                self._splice(key_start, following, "", depth)
                return None
            end = at
            while end > key_start and self._base[end - 1] in "\r\n":
                end -= 1
            self._splice(key_start - 1 if self._base[key_start - 1] == " " else key_start, end, "", depth)
            return None
        if parent.flow or len(parent.keys) == 1 or self._base[line:key_start].strip():
            data: Any = parse(self._base)[0]
            for step in path[:-1]:
                data = data[step]
            rest = {k: v for k, v in data.items() if k != path[-1]}
            self._splice(parent.start, parent.last_end(), self._render_in_place(parent, rest), depth)
            return None
        at, _ = self._insertion_point(value.last_end())
        self._splice(line, at, "", depth)
        return None

    def insert(self, path: tuple[Any, ...], placements: list[tuple[int, list[Any]]],
               after: tuple[str, ...] = ()) -> None:
        """Insert items into the sequence at `path`: each `(index, items)` goes before the item
        `index` of the list as it is now; past its end, they are appended (the list is created if
        missing). All places are found in one parse, so a hundred values cost one."""
        placements = sorted(((i, items) for i, items in placements if items), key=lambda p: p[0])
        if not placements:
            return None
        node, depth = self._find(path)
        if depth == len(path) and (("seq", node.start) in self._touched or self._pending_within(node)):
            self._flush()  # the items as the text has them now
            node, depth = self._find(path)
        if depth < len(path) or node.kind != "seq":
            return self.extend(path, [x for _, items in placements for x in items], after)
        self._claim(("seq", node.start))
        self._claim(("inserted", node.start))
        dash_col = node.start - self._line_start(node.start)
        tail = [x for i, items in placements if i >= len(node.items) for x in items]
        for index, items in placements:
            if index >= len(node.items):
                continue
            target = node.items[index]
            if node.flow:
                self._splice(target.start, target.start, "".join(render(i) + ", " for i in items), depth)
                continue
            if index == 0:
                at = self._line_start(target.start)
            else:  # just after the item before, so a comment above the next item stays with it
                at, _ = self._insertion_point(node.items[index - 1].last_end())
            self._splice(at, at, "".join(" " * dash_col + "- " + render(i) + self.newline for i in items), depth)
        if tail:
            self._append_splice(node, tail, depth, block=False)
        return None

    def append(self, path: tuple[Any, ...], item: Any, after: tuple[str, ...] = ()) -> None:
        self.extend(path, [item], after)

    def extend(self, path: tuple[Any, ...], items: list[Any], after: tuple[str, ...] = (),
               block: bool = False) -> None:
        """Append `items` to the sequence at `path`, creating it if missing. With `block`, a
        mapping item in a block list is written a key per line (a new measure), not on one line."""
        if not items:
            return
        node, depth = self._find(path)
        if depth < len(path):
            if depth != len(path) - 1 or node.kind != "map":
                raise PatchError(f"no place for {path}")
            if not self._claim(("key", node.start, path[-1])):
                self._flush()
                return self.extend(path, items, after, block)
            self._insert_key(node, path[-1], items, after, depth, block_list=True, block_items=block)
            return None
        if node.kind != "seq":
            raise PatchError(f"{path} is not a list")
        if not self._claim(("seq", node.start)):
            self._flush()
            return self.extend(path, items, after, block)
        self._append_splice(node, items, depth, block)
        return None

    def _append_splice(self, node: Node, items: list[Any], depth: int, block: bool) -> None:
        if node.flow or not node.items:
            close = self._base.rfind("]", node.start, node.end)
            # what the list says before "]", its comments left out ("a, # note," has no trailing comma)
            before = "\n".join(re.sub(r"(^|\s)#.*$", "", line) for line in
                               self._base[node.start + 1:close].splitlines()).rstrip()
            if node.items and before.endswith(","):  # a trailing comma: "[a, b,]", or one item a line
                line = self._line_start(close)
                if self._base[line:close].strip():
                    self._splice(close, close, " " + ", ".join(render(i) for i in items) + ",", depth)
                else:
                    indent = self._base[line:close] + "  "
                    self._splice(line, line, "".join(indent + render(i) + "," + self.newline for i in items),
                                 depth)
                return
            sep = ", " if node.items else ""
            self._splice(close, close, sep + ", ".join(render(i) for i in items), depth)
            return
        dash_col = node.start - self._line_start(node.start)
        at, lead = self._insertion_point(node.items[-1].last_end())
        self._splice(at, at, lead + "".join(self._item_lines(i, dash_col, block) for i in items), depth)

    def _item_lines(self, item: Any, dash_col: int, block: bool) -> str:
        """A list item's line(s) at `dash_col`: `- value`, or with `block` a mapping's keys one per line."""
        nl = self.newline
        if block and isinstance(item, dict) and item:
            inner = nl + " " * (dash_col + 2)
            return " " * dash_col + "- " + inner.join(f"{render(k)}: {render(v)}" for k, v in item.items()) + nl
        return " " * dash_col + "- " + render(item) + nl

    def _insert_key(self, node: Node, key: Any, value: Any, after: tuple[str, ...], depth: int,
                    block_list: bool = False, block_items: bool = False) -> None:
        if node.flow:
            close = self._base.rfind("}", node.start, node.end)
            sep = ", " if node.keys else ""
            self._splice(close, close, f"{sep}{render(key)}: {render(value)}", depth)
            return
        first_key = min(k for k, _ in node.keys.values())
        indent = first_key - self._line_start(first_key)
        prev = [k for k in after if k in node.keys]
        anchor = node.keys[prev[-1]][1] if prev else max(
            (v for _, v in node.keys.values()), key=lambda v: v.last_end())
        at, lead = self._insertion_point(anchor.last_end())
        nl = self.newline
        if block_list and isinstance(value, list):
            lines = f"{' ' * indent}{render(key)}:{nl}" + "".join(
                self._item_lines(v, indent + 2, block_items) for v in value)
        else:
            lines = f"{' ' * indent}{render(key)}: {render(value)}{nl}"
        self._splice(at, at, lead + lines, depth)
