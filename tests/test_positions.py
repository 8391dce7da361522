"""Speed without new answers: positions are found without walking from the root each time, and the
faster writers of findings produce exactly what the slower ones did."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from hankinta_cli.checking.check import FileResult, check_paths
from hankinta_cli.escape import _BREAKS, _CONTROL, clean, one_line
from hankinta_cli.presenting.output.findings import json_text, to_json, write_json
from hankinta_cli.reading.load import Positions, load_text


def walk(positions: Positions, path: tuple[Any, ...], key: bool = False) -> tuple[int, int]:
    """The specification: from the root, step by step; a step that is not there stops the walk
    at the deepest part that exists."""
    node, pos = positions.root, positions.root_pos
    for i, step in enumerate(path):
        last = i == len(path) - 1
        if isinstance(node, dict):
            entry = positions.maps.get(id(node), {}).get(step)
            if entry is None or step not in node:
                return pos
            mark = entry[0] if (key and last) else entry[1]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            mark = positions.seqs[id(node)][step]
        else:
            return pos
        pos = (mark.line + 1, mark.column + 1)
        node = node[step]
    return pos


def paths_in(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            out += paths_in(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += paths_in(v, (*prefix, i))
    return out


keys = st.sampled_from(["a", "b", "id", "x", "1"])
scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.sampled_from(["a", "b", "teksti"]))
trees = st.recursive(scalars, lambda kids: st.one_of(st.lists(kids, max_size=4),
                                                   st.dictionaries(keys, kids, max_size=4)), max_leaves=25)
# steps that may or may not be there: missing keys, indexes out of range, a bool (an int to Python)
odd_steps = st.sampled_from(["nope", "a", "id", 0, 1, 3, -1, 99, True, False, None])


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(keys, trees, min_size=1, max_size=4), st.booleans(), st.data())
def test_locate_answers_as_a_walk_from_the_root(data: dict[str, Any], flow: bool, draw: st.DataObject) -> None:
    text = "# otsikko\n" + yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, sort_keys=False)
    doc = load_text(text, Path("x.yaml"))
    existing = paths_in(doc.data)
    # asked in any order, with detours off the data and back, so remembered prefixes are reused
    asked = draw.draw(st.lists(st.tuples(
        st.sampled_from(existing), st.lists(odd_steps, max_size=3), st.booleans()), min_size=1, max_size=40))
    for base, extra, key in asked:
        path = (*base, *extra)
        assert doc.positions.locate(path, key=key) == walk(doc.positions, path, key=key), (path, key)


def test_a_missing_path_stays_at_its_deepest_existing_part() -> None:
    doc = load_text("a:\n  b:\n    - x\n    - {c: 1}\n", Path("x.yaml"))
    p = doc.positions
    assert p.locate(("a", "b", 1, "c")) == (4, 11)
    assert p.locate(("a", "b", 1, "c"), key=True) == (4, 8)
    assert p.locate(("a", "b", 1, "nope")) == (4, 7)  # the mapping that lacks the key
    assert p.locate(("a", "b", 5, "c")) == (3, 5)  # the list: index 5 is not there
    assert p.locate(("a", "b", 0, "c")) == (3, 7)  # a scalar has no keys
    assert p.locate(("a", "b", 1, "c")) == (4, 11)  # unchanged after the detours
    assert p.locate(()) == (1, 1)


class CountingDict(dict[Any, Any]):
    """The shadow mappings, counting each visit to one."""

    visits = 0

    def __getitem__(self, key: Any) -> Any:
        CountingDict.visits += 1
        return super().__getitem__(key)

    def get(self, key: Any, default: Any = None) -> Any:
        CountingDict.visits += 1
        return super().get(key, default)


def test_lookups_do_not_walk_from_the_root_each_time() -> None:
    # Findings are looked up by path, thousands per programme, mostly siblings under one parent:
    # a lookup 60 levels deep visits about one mapping, not the 60 on its way down.
    depth, siblings = 60, 1000
    text = "".join("  " * i + f"k{i}:\n" for i in range(depth))
    text += "".join("  " * depth + f"s{j}: {j}\n" for j in range(siblings))
    doc = load_text(text, Path("deep.yaml"))
    doc.positions.maps = CountingDict(doc.positions.maps)
    parent = tuple(f"k{i}" for i in range(depth))
    CountingDict.visits = 0
    found = [doc.positions.locate((*parent, f"s{j}")) for j in range(siblings)]
    assert found[7] == (depth + 8, 2 * depth + 5)
    assert CountingDict.visits <= siblings + 2 * depth


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text()),
    lambda kids: st.one_of(st.lists(kids, max_size=4), st.dictionaries(st.text(max_size=5), kids, max_size=4)),
    max_leaves=30)


@settings(max_examples=150, deadline=None)
@given(json_values)
def test_json_text_is_what_the_standard_library_writes(value: Any) -> None:
    assert json_text(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_printable_text_needs_no_cleaning() -> None:
    # `clean` and `one_line` return printable text as it is (str.isprintable, in C): no printable
    # character is one they remove or replace
    printable = "".join(c for c in map(chr, range(0x110000)) if c.isprintable())
    assert _CONTROL.search(printable) is None and _BREAKS.search(printable) is None and "\r" not in printable
    for text in ("a\u202eb", "a\r\nb", "a\tb\x1b[31m", "a\u2028b", "a\x85b"):
        assert not text.isprintable() and one_line(text) != text and clean(text) != text


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize("lang", ["fi", "en"])
def test_check_json_is_what_the_standard_library_writes(lang: str, strict: bool) -> None:
    # write_json streams findings through the C encoder; the document must be the same as
    # the plain `json.dumps(..., indent=2)` of the documented shape, for clean, broken and no files
    root = Path(__file__).resolve().parents[1]
    paths = [*sorted((root / "programmes").glob("*.yaml")), *sorted((root / "tests" / "broken").glob("*.yaml"))]
    for results in (check_paths(paths, None), [], [FileResult(paths[0])]):
        out = io.StringIO()
        write_json(results, out, lang, strict)
        assert out.getvalue() == json.dumps(to_json(results, lang, strict), ensure_ascii=False, indent=2) + "\n"
        assert json.loads(out.getvalue())["summary"]["files"] == len(results)
