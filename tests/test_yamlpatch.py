"""Property: any sequence of edits on any document yields exactly the intended data, and lines
the edits are not about stay byte for byte."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from hankinta_cli.editing.edit import _data_append, _data_set
from hankinta_cli.editing.yamlpatch import Patcher
from hankinta_cli.reading.load import load_text

keys = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäö", min_size=1, max_size=6)
scalars = st.one_of(st.integers(-1000, 1000), st.booleans(),
                    st.text(alphabet="abc äö:#,-'\"{}[]%", min_size=1, max_size=12))
items = st.one_of(scalars, st.dictionaries(keys, scalars, min_size=1, max_size=3))
docs = st.dictionaries(keys, st.one_of(scalars, st.lists(items, min_size=1, max_size=3),
                                       st.dictionaries(keys, scalars, min_size=1, max_size=3)),
                       min_size=1, max_size=5)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    out = [(prefix, data)]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _paths(v, (*prefix, i))
    return out


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


@settings(max_examples=200, deadline=None)
@given(docs, st.booleans(), st.booleans(), st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(
    ["set", "new", "append", "insert", "delete", "replace"]), scalars, keys), min_size=1, max_size=6))
def test_random_edits_give_exactly_the_intended_data(data: dict[str, Any], flow: bool, crlf: bool,
                                                     ops: list[tuple[int, str, Any, str]]) -> None:
    text = "# otsikko\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=flow)
    if crlf:
        text = text.replace("\n", "\r\n")
    expected = load_text(text, Path("x")).data
    patcher = Patcher(text)
    for pick, op, value, key in ops:
        candidates = _paths(expected)
        if op == "set":
            scal = [p for p, v in candidates if p and not isinstance(v, (dict, list))]
            if not scal:
                continue
            path = scal[pick % len(scal)]
            patcher.set(path, value)
            _data_set(expected, path, value)
        elif op == "new":
            maps = [p for p, v in candidates if isinstance(v, dict) and key not in v]
            if not maps:
                continue
            path = (*maps[pick % len(maps)], key)
            patcher.set(path, value)
            _data_set(expected, path, value)
        elif op == "delete":  # a key of a mapping that keeps at least one other
            keyed = [p for p, v in candidates if p and isinstance(p[-1], str) and len(_at(expected, p[:-1])) > 1]
            if not keyed:
                continue
            path = keyed[pick % len(keyed)]
            patcher.delete(path)
            del _at(expected, path[:-1])[path[-1]]
        elif op == "replace":  # a whole mapping replaced by another
            maps = [p for p, v in candidates if p and isinstance(v, dict)]
            if not maps:
                continue
            path = maps[pick % len(maps)]
            new = {key: value, key + "x": [value]}
            patcher.set(path, new)
            _data_set(expected, path, new)
        else:
            seqs = [p for p, v in candidates if isinstance(v, list)]
            if not seqs:
                continue
            path = seqs[pick % len(seqs)]
            if op == "insert":
                index = pick % (len(_at(expected, path)) + 1)
                patcher.insert(path, [(0, [value]), (index, [value]), (index, [key])])  # places in the list as it was
                _at(expected, path)[index:index] = [value, key]
                _at(expected, path).insert(0, value)
            else:
                patcher.append(path, value)
                _data_append(expected, path, value)
    result = patcher.text
    assert load_text(result, Path("x")).data == expected
    assert result.startswith("# otsikko")
    assert ("\r\n" in result) == crlf or "\n" not in result.replace("\r\n", "")


@settings(max_examples=100, deadline=None)
@given(docs)
def test_no_edit_changes_nothing(data: dict[str, Any]) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    assert Patcher(text).text == text
    assert copy.deepcopy(data) == data
