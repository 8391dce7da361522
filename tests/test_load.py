"""The loader: hostile input is refused quickly, data matches YAML 1.2, positions are right."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given, reject, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from conftest import hankinta
from hankinta_cli.checking.findings import LoadError
from hankinta_cli.reading.load import MAX_BYTES, load_bytes, load_text, resolve_plain


def code_of(text: str | bytes) -> str:
    raw = text.encode() if isinstance(text, str) else text
    with pytest.raises(LoadError) as e:
        load_bytes(raw, Path("x.yaml"))
    return e.value.finding.code


def test_large_file_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as fh:
        fh.write(b"a: " + b"x" * (50 * 1024 * 1024) + b"\n")
    t0 = time.perf_counter()
    run = hankinta("check", "--format", "json", str(big))
    assert run.code == 1
    assert run.json()["files"][0]["findings"][0]["code"] == "HK002"
    assert time.perf_counter() - t0 < 5  # refused from its size, never read into a parser
    assert big.stat().st_size > MAX_BYTES


def test_deep_nesting_is_refused_not_crashed() -> None:
    assert code_of("a: " + "[" * 100_000 + "]" * 100_000) == "HK015"


def test_alias_is_refused_without_expansion() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]" for i in range(8)]
    assert code_of("\n".join(lines)) == "HK013"


def test_bom_is_accepted_and_utf16_refused() -> None:
    assert load_bytes("\ufeffa: 1\n".encode(), Path("x")).data == {"a": 1}
    assert code_of("a: 1\n".encode("utf-16")) == "HK003"


def test_missing_path_and_empty_folder_are_usage_errors(tmp_path: Path) -> None:
    run = hankinta("check", str(tmp_path / "nope.yaml"))
    assert run.code == 2 and "nope.yaml" in run.stderr and "Traceback" not in run.stderr
    run = hankinta("check", str(tmp_path))
    assert run.code == 2


def test_unreadable_file_is_an_io_error(tmp_path: Path) -> None:
    folder = tmp_path / "dir.yaml"
    folder.mkdir()
    (folder / "inner.yml").write_text("x: [\n", encoding="utf-8")
    run = hankinta("check", "--format", "json", str(folder))
    assert run.code == 1  # a folder named *.yaml is searched, its broken file found
    assert run.json()["files"][0]["findings"][0]["code"] == "HK010"


def test_timestamps_stay_text_for_the_model() -> None:
    doc = load_text("d: 2024-13-01\ne: 2024-01-01\n", Path("x"))
    assert doc.data == {"d": "2024-13-01", "e": "2024-01-01"}


@pytest.mark.parametrize(("text", "value"), [
    ("1", 1), ("-2", -2), ("0x1f", 31), ("0o17", 15), ("1.5", 1.5), ("1e3", 1000.0),
    ("true", True), ("False", False), ("yes", "yes"), ("on", "on"), ("null", None), ("~", None),
    ("1_000", "1_000"), ("3.2.1", "3.2.1"), ("T1", "T1"), ("-", "-"),
])
def test_plain_scalars_follow_yaml_1_2_core(text: str, value: object) -> None:
    assert resolve_plain(text) == value
    assert type(resolve_plain(text)) is type(value)


keys = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäö_", min_size=1, max_size=8)
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=20))
trees = st.recursive(scalars, lambda kids: st.one_of(st.lists(kids, max_size=4),
                                                   st.dictionaries(keys, kids, max_size=4)), max_leaves=20)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(keys, trees, min_size=1, max_size=5), st.booleans())
def test_loader_agrees_with_a_reference_parser(data: dict[str, object], flow: bool) -> None:
    # ruamel.yaml implements YAML 1.2, the version the loader follows (PyYAML is YAML 1.1)
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, sort_keys=False)
    try:
        expected = YAML(typ="safe", pure=True).load(text)
    except ValueError:  # ruamel's float resolver fails on plain text such as '._' (text in YAML 1.2)
        reject()
    assert load_text(text, Path("x")).data == expected


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(keys, st.integers(), min_size=1, max_size=8))
def test_positions_point_at_keys(data: dict[str, int]) -> None:
    text = "# hääder\n" + yaml.safe_dump(data, sort_keys=False, default_flow_style=False, allow_unicode=True)
    doc = load_text(text, Path("x"))
    lines = text.splitlines()
    for k in data:
        line, col = doc.positions.locate((k,), key=True)
        assert lines[line - 1][col - 1:].lstrip("'\"").startswith(k)


def test_symlink_loop_in_a_folder_does_not_hang(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "a" / "p.yaml").write_text("x: [\n", encoding="utf-8")
    run = hankinta("check", "-f", "json", str(tmp_path))
    assert run.code == 1 and len(run.json()["files"]) == 1
