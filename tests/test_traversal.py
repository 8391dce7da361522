"""One traversal (walk.py) and one vocabulary: every consumer meets the items in the same order,
and code compares vocabulary members, never the Finnish strings they stand for."""

from __future__ import annotations

import ast
import datetime as dt
import functools
from pathlib import Path
from typing import Any, get_args

import pytest

from conftest import PROGRAMME_FILES, ROOT
from hankinta_cli import vocab, walk
from hankinta_cli.checking.validate import validate
from hankinta_cli.computing.measures import evaluate_measures
from hankinta_cli.computing.metrics import evaluate_programme
from hankinta_cli.computing.overview import _rows
from hankinta_cli.computing.series import all_indicators
from hankinta_cli.editing import updates
from hankinta_cli.model import Indicator, Measure, Programme
from hankinta_cli.presenting.report.changes import since_version
from hankinta_cli.reading.load import load_path

FILES = [*PROGRAMME_FILES, *sorted((ROOT / "tests" / "fixtures").glob("*.yaml"))]
AS_OF = dt.date(2025, 6, 30)


def _load(path: Path) -> tuple[dict[str, Any], Programme]:
    doc = load_path(path)
    programme, _ = validate(doc.data, doc.positions)
    assert programme is not None, path
    return doc.data, programme


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_walker_agrees(path: Path) -> None:
    """Rules, calc, report changes, the status rows and the edits meet the same measures and
    indicators, in the same order, under the same paths."""
    data, p = _load(path)
    measures = list(walk.measures(p))
    ids = [at.measure.id for at in measures]
    assert ids, path
    # edits walk the loaded data: same paths, and each path leads to the same item
    raw = list(walk.raw_measures(data))
    assert [path for path, _ in raw] == [at.path for at in measures]
    assert [m["id"] for _, m in raw] == [str(i) for i in ids]
    assert all(_at(data, at.path)["id"] == at.measure.id for at in measures)
    assert all(_at(p.model_dump(), at.path)["id"] == at.measure.id for at in measures)
    # calc, the status rows, report changes (every measure is new against an empty programme)
    assert [m.id for m in evaluate_measures(p, AS_OF, {})] == ids
    assert [r.id for r in _rows(p, AS_OF, "fi")] == ids
    empty = p.model_copy(update={"themes": [], "indicators": []})
    new = [c.id for c in since_version(empty, p) if c.kind == "new_measure"]
    assert new == ids
    # the theme and goal each measure is reported under are the ones holding it
    for at, row in zip(measures, _rows(p, AS_OF, "fi"), strict=True):
        assert row.theme == at.theme.id and row.goal == (at.goal.id if at.goal else "")
        assert at.measure in (at.goal or at.theme).measures

    inds = list(walk.indicators(p))
    ind_ids = [at.indicator.id for at in inds]
    raw_inds = list(walk.raw_indicators(data))
    assert [path for path, _ in raw_inds] == [at.path for at in inds]
    assert [str(i["id"]) for _, i in raw_inds] == ind_ids
    assert [i.id for i in all_indicators(p)] == ind_ids
    status = evaluate_programme(p, AS_OF)
    assert [i.id for i in status.indicators] == ind_ids
    for at in inds:
        assert status.owner.get(at.indicator.id) == (
            None if at.theme is None else (at.theme.id, at.goal.id if at.goal else None))
        holder = {"programme": p, "goal": at.goal, "measure": at.measure}[at.owner]
        assert at.indicator in holder.indicators  # type: ignore[union-attr]
    # references are the indicator_refs entries, pointing at their own place in the data
    for ref in walk.references(p):
        assert _at(data, ref.path) == ref.id


MIXED = """\
schema_version: 1
id: mixed
name: Sekaohjelma
organisation: Testikunta
indicators:
  - {id: P1, name: ohjelman mittari, kind: lukumäärä}
themes:
  - id: T1
    name: Teema
    goals:
      - id: G1
        title: Tavoite
        measures:
          - id: G1.1
            title: Tavoitteen toimenpide
            indicators: [{id: GM1, name: tavoitteen toimenpiteen mittari, kind: lukumäärä}]
            indicator_refs: [P1]
        indicators: [{id: G1I, name: tavoitteen mittari, kind: lukumäärä}]
        indicator_refs: [P1]
    measures:
      - id: T1.1
        title: Teeman oma toimenpide
        indicators: [{id: TM1, name: teeman toimenpiteen mittari, kind: lukumäärä}]
  - id: T2
    name: Toinen
    measures:
      - {id: T2.1, title: Toinen toimenpide}
"""


def test_outline_order_is_the_documented_one(tmp_path: Path) -> None:
    """A theme with its own measures and goals (keys in any order in the file): the programme's
    indicators, then per theme its own measures, then per goal its indicators and then its measures."""
    path = tmp_path / "mixed.yaml"
    path.write_text(MIXED, encoding="utf-8")
    data, p = _load(path)
    assert [at.measure.id for at in walk.measures(p)] == ["T1.1", "G1.1", "T2.1"]
    assert [(at.indicator.id, at.owner) for at in walk.indicators(p)] == [
        ("P1", "programme"), ("TM1", "measure"), ("G1I", "goal"), ("GM1", "measure")]
    assert [(path, i["id"]) for path, i in walk.raw_indicators(data)] == [
        (("indicators", 0), "P1"),
        (("themes", 0, "measures", 0, "indicators", 0), "TM1"),
        (("themes", 0, "goals", 0, "indicators", 0), "G1I"),
        (("themes", 0, "goals", 0, "measures", 0, "indicators", 0), "GM1"),
    ]
    assert [(r.path, r.id) for r in walk.references(p)] == [
        (("themes", 0, "goals", 0, "indicator_refs", 0), "P1"),
        (("themes", 0, "goals", 0, "measures", 0, "indicator_refs", 0), "P1"),
    ]
    assert [r.id for r in _rows(p, AS_OF, "fi")] == ["T1.1", "G1.1", "T2.1"]
    # the model walkers write the outline's order out for speed: they follow the one walk
    outline = walk._outline
    assert [s[1] for s in outline(p, walk._model_children, walk.MEASURES)] == [at.path for at in walk.measures(p)]
    assert [s[1] for s in outline(p, walk._model_children, walk.INDICATORS)] == [
        at.path for at in walk.indicators(p)]
    assert [i.id for i in evaluate_programme(p, AS_OF).indicators] == ["P1", "TM1", "G1I", "GM1"]


def test_raw_walk_skips_entries_that_are_not_mappings() -> None:
    """Edits walk data that is not validated yet: a stray scalar keeps the other items' indices."""
    data = {"themes": ["oops", {"id": "T", "measures": [None, {"id": "1"}], "goals": "x"}]}
    assert list(walk.raw_measures(data)) == [(("themes", 1, "measures", 1), {"id": "1"})]
    assert list(walk.raw_indicators({"indicators": {"id": "M"}})) == []


def test_field_orders_are_the_models() -> None:
    """New keys land in the model's field order; the orders are derived, never copied."""
    assert tuple(Measure.model_fields) == updates.MEASURE_ORDER
    assert tuple(Indicator.model_fields) == updates.INDICATOR_ORDER
    assert {"derived", "method", "catalogue"} <= set(updates.INDICATOR_ORDER)


def _walks_outline(node: ast.AST) -> bool:
    """A loop or comprehension over `.goals` (or `.get("goals")`): a hand-written walk."""
    def over_goals(it: ast.expr) -> bool:
        if isinstance(it, ast.Attribute) and it.attr == "goals":
            return True
        if isinstance(it, ast.Call) and isinstance(it.func, ast.Attribute) and it.func.attr == "get":
            return any(isinstance(a, ast.Constant) and a.value == "goals" for a in it.args)
        return isinstance(it, ast.Call) and any(over_goals(a) for a in it.args)  # enumerate(t.goals)

    if isinstance(node, ast.For):
        return over_goals(node.iter)
    if isinstance(node, ast.comprehension):
        return over_goals(node.iter)
    return False


#: Modules that lay the outline out (a nested report structure; counts per goal), not walk it.
OUTLINE_LAYOUT = {"presenting/report/context.py", "computing/metrics.py"}


@functools.cache
def _sources() -> list[tuple[str, str, list[ast.AST]]]:
    """Every module of the package: its path under src/hankinta_cli, its text and its nodes."""
    src = ROOT / "src" / "hankinta_cli"
    out = []
    for f in sorted(src.rglob("*.py")):
        text = f.read_text(encoding="utf-8")
        out.append((f.relative_to(src).as_posix(), text, list(ast.walk(ast.parse(text)))))
    return out


def test_no_hand_written_walks() -> None:
    offenders = []
    for rel, _, nodes in _sources():
        if rel in ("walk.py", *OUTLINE_LAYOUT):
            continue
        offenders += [f"{rel}:{n.iter.lineno if isinstance(n, ast.comprehension) else n.lineno}"  # type: ignore[attr-defined]
                      for n in nodes if _walks_outline(n)]
    assert offenders == []


# --- vocabulary members, not strings ---------------------------------------------------------------------------

#: Where the vocabularies' values and their texts live.
VOCAB_HOMES = {"vocab.py", "i18n.py", "checking/findings.py", "presenting/report/texts.py"}
#: User-facing words that happen to equal a vocabulary value: (module, text) and why.
WORDS = {("checking/rules/dates.py", "vuosi"): "the word 'year' in HK301's message, not a granularity"}


def _vocabularies() -> list[type[vocab.Vocab]]:
    return [v for v in vars(vocab).values()
            if isinstance(v, type) and issubclass(v, vocab.Vocab) and v is not vocab.Vocab]


def _docstrings(nodes: list[ast.AST]) -> set[int]:
    out = set()
    for node in nodes:
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def vocabulary_literals(nodes: list[ast.AST], finnish: set[str]) -> list[tuple[int, str]]:
    """String constants equal to a Finnish vocabulary value (docstrings aside), and dict displays
    keyed by three or more values of one vocabulary (a table kept beside the vocabulary's own)."""
    docs = _docstrings(nodes)
    tables = [(v.__name__, set(v.choices())) for v in _vocabularies()]
    out = []
    for n in nodes:
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value in finnish and id(n) not in docs:
            out.append((n.lineno, n.value))
        elif isinstance(n, ast.Dict):
            keys = {k.value for k in n.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
            out += [(n.lineno, f"table of {name}") for name, values in tables if len(keys & values) >= 3]
    return sorted(out)


def test_scanner_finds_vocabulary_strings_and_spares_text() -> None:
    finnish = {"valmis", "ei raportoitu"}
    code = '''"""A docstring may say valmis."""
x = status == "valmis"
y = counts.get("ei raportoitu", 0)
note = "valmis on valmis"
t = {"no_data": 1, "no_target": 2, "undefined": 3}
'''
    found = vocabulary_literals(list(ast.walk(ast.parse(code))), finnish)
    assert found == [(2, "valmis"), (3, "ei raportoitu"), (5, "table of Reason")]


def test_code_uses_vocabulary_members_not_their_strings() -> None:
    finnish = {m.value for v in _vocabularies() if v is not vocab.Reason for m in v}
    found = []
    for rel, _, nodes in _sources():
        if rel in VOCAB_HOMES:
            continue
        found += [f"{rel}:{line}: {text!r}" for line, text in vocabulary_literals(nodes, finnish)
                  if (rel, text) not in WORDS]
    assert found == []


def test_charted_values_carry_their_symbol_and_colour() -> None:
    """Statuses, the unreported gap and on-track classes: one label, symbol and colour each, in vocab.py."""
    for v in (vocab.Status, vocab.Gap, vocab.OnTrack):
        for m in v:
            assert m.symbol and m.colour.startswith("#") and m.fi and m.en, m
    assert set(vocab.colours()) == {m.value for v in (vocab.Status, vocab.Gap, vocab.OnTrack) for m in v}
    assert all(m.fi and m.en for m in vocab.Reason)


def test_one_list_of_methods() -> None:
    from hankinta_cli.model import MethodName

    assert get_args(MethodName) == vocab.Method.spellings() == ("suora", "kasvuvauhti", "linear", "growth")
    assert [vocab.Method.named(n) for n in vocab.Method.spellings()] == [
        vocab.Method.STRAIGHT, vocab.Method.GROWTH, vocab.Method.STRAIGHT, vocab.Method.GROWTH]
    ind = Indicator(id="M", name="m", kind=vocab.IndicatorKind.COUNT, method="growth")
    assert ind.method_name is vocab.Method.GROWTH
    assert Indicator(id="M", name="m", kind=vocab.IndicatorKind.COUNT).method_name is vocab.Method.STRAIGHT
