"""The shipped programmes are complete transcriptions of the seed documents and check clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import CATALOGUE, PROGRAMME_FILES, PROGRAMMES, ROOT, hankinta
from hankinta_cli.computing.series import all_indicators
from hankinta_cli.model import Programme
from hankinta_cli.vocab import IndicatorKind

SHARED_TOOL = ROOT.parent / "shared" / "tools" / "seed_coverage.py"


def load(name: str) -> Programme:
    return Programme.model_validate(yaml.safe_load((PROGRAMMES / name).read_text(encoding="utf-8")))


def test_check_of_shipped_programmes_is_clean() -> None:
    run = hankinta("check", str(PROGRAMMES), "--format", "json")
    assert run.code == 0, run.stdout
    data = run.json()
    assert data["summary"]["files"] == 4  # three programmes and the shared catalogue
    assert data["summary"]["errors"] == 0


def test_every_file_points_vscode_at_the_schema() -> None:
    for f in PROGRAMME_FILES:
        first = f.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schemas/programme.schema.json", f.name
    first = CATALOGUE.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/catalogue.schema.json"


def test_catalogue_is_used_by_at_least_two_programmes() -> None:
    users: dict[str, set[str]] = {}
    for f in PROGRAMME_FILES:
        p = load(f.name)
        for ind in all_indicators(p):
            if ind.catalogue:
                users.setdefault(ind.catalogue, set()).add(p.id)
    shared = {k: v for k, v in users.items() if len(v) >= 2}
    assert {"ymparistokriteerit-kpl", "markkinavuoropuhelut-kpl"} <= set(shared)


def test_kajaani_counts() -> None:
    p = load("kajaani-2021-2023.yaml")
    assert len(p.themes) == 4
    goals = [g for t in p.themes for g in t.goals]
    assert len(goals) == 17
    assert sum(len(g.measures) for g in goals) == 54
    # 20 indicator entries on goals: defined ones plus references; one goal has none. The
    # numerators and denominators added for the two derived ratios (M1, M7) are not entries.
    inputs = {ref for g in goals for i in g.indicators if i.derived for ref in i.derived.of}
    assert inputs == {"M1a", "M1b", "M7a", "M7b"}
    assert sum(len([i for i in g.indicators if i.id not in inputs]) + len(g.indicator_refs) for g in goals) == 20
    assert sum(1 for g in goals if not g.indicators and not g.indicator_refs) == 1
    assert [s.stage.value for s in p.process][:4] == ["luonnos", "lausuntokierros", "lopullinen", "hyväksytty"]
    assert p.values and p.vision


def test_hyvinkaa_counts_and_gaps_kept_missing() -> None:
    p = load("hyvinkaa.yaml")
    assert len(p.themes) == 8
    goals = [g for t in p.themes for g in t.goals]
    assert len(goals) == 20
    measures = [m for g in goals for m in g.measures]
    assert len(measures) == 49
    # the Vastuutaho and Aikataulu columns are empty in the source: never invented
    assert all(m.responsible is None and m.schedule is None and m.status is None for m in measures)
    undefined = [i for m in measures for i in m.indicators if i.kind is IndicatorKind.UNDEFINED]
    assert len(undefined) == 3
    assert p.follow_up and "johtoryhmä" in p.follow_up


def test_state_roadmap_counts() -> None:
    p = load("valtio-innovatiiviset-hankinnat-2017-2019.yaml")
    assert [t.name for t in p.themes] == ["Johtaminen", "Tiedon jakaminen", "Osaamisen kehittäminen", "Työkalut"]
    assert [len(t.measures) for t in p.themes] == [6, 3, 2, 3]
    assert all(m.responsible for t in p.themes for m in t.measures)
    five = p.indicators[0]
    assert five.kind is IndicatorKind.PERCENT and five.targets[0].value == 5
    assert len(p.implementation) >= 5


def test_no_status_invented_anywhere() -> None:
    for f in PROGRAMME_FILES:
        assert "\nstatus:" not in f.read_text(encoding="utf-8").replace(" ", ""), f.name


@pytest.mark.skipif(not SHARED_TOOL.exists(), reason="seed coverage tool (../shared) not present here")
def test_seed_coverage_is_complete() -> None:
    out = subprocess.run([sys.executable, str(SHARED_TOOL), str(PROGRAMMES), "--min", "1.0"],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout


def test_pre_commit_hook_is_declared() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["id"] == "hankinta-check" and hooks[0]["entry"].startswith("hankinta check")


def test_rendered_check_names_the_gaps_in_finnish(tmp_path: Path) -> None:
    run = hankinta("check", str(PROGRAMMES / "hyvinkaa.yaml"))
    assert "puuttuu vastuutaho" in run.stdout and "puuttuu aikataulu" in run.stdout
    assert "0 virhe" in run.stderr
