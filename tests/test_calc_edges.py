"""Indicator calculations at their edges, each against a value worked out by hand: the
year-on-year change, the straight path before any progress is expected, yes/no targets that
say "false", and which period is the latest when granularities differ."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from conftest import CATALOGUE, hankinta
from hankinta_cli.computing.metrics import evaluate_programme
from hankinta_cli.computing.ontrack import IndicatorStatus
from hankinta_cli.model import Programme
from hankinta_cli.vocab import OnTrack


def _evaluate(indicators: list[dict[str, Any]], as_of: dt.date,
              refs: list[str] | None = None) -> tuple[dict[str, IndicatorStatus], Any]:
    goal: dict[str, Any] = {"id": "1", "title": "t", "indicators": indicators}
    if refs is not None:
        goal["measures"] = [{"id": "1.1", "title": "m", "indicator_refs": refs}]
    p = Programme.model_validate({"schema_version": 1, "id": "p", "name": "p", "organisation": "o",
                                  "period": {"start": "2022-01-01", "end": "2026-12-31"},
                                  "themes": [{"id": "T", "name": "T", "goals": [goal]}]})
    st = evaluate_programme(p, as_of)
    return {i.id: i for i in st.indicators}, st


def test_year_on_year_compares_the_same_period_a_year_earlier() -> None:
    r, _ = _evaluate([
        {"id": "N", "name": "n", "kind": "lukumäärä", "granularity": "vuosi",
         "observations": [{"period": 2022, "value": 10}, {"period": 2024, "value": 20}]},  # 2023 missing
        {"id": "VM", "name": "vm", "kind": "prosentti", "derived": {"op": "vuosimuutos", "of": ["N"]}},
        {"id": "NQ", "name": "nq", "kind": "lukumäärä", "granularity": "neljännes",
         "observations": [{"period": "2024-Q1", "value": 10}, {"period": "2024-Q2", "value": 20},
                          {"period": "2025-Q1", "value": 12}]},
        {"id": "VQ", "name": "vq", "kind": "prosentti", "derived": {"op": "vuosimuutos", "of": ["NQ"]}},
    ], dt.date(2025, 6, 30))
    # 2024 against 2023, which is missing: no value (not the two-year change 100 %)
    assert r["VM"].series == [("2024", None)]
    assert r["VM"].latest is None and r["VM"].on_track is OnTrack.NO_DATA
    # 2025-Q1 against 2024-Q1: (12 − 10) / 10 = +20 % (not −40 % from 2024-Q2); 2024's quarters
    # have no year-earlier quarter, so the series begins in 2025
    assert r["VQ"].series == [("2025-Q1", pytest.approx(20.0))]


def test_year_on_year_over_whole_years_and_a_zero_year() -> None:
    r, _ = _evaluate([
        {"id": "N", "name": "n", "kind": "lukumäärä",
         "observations": [{"period": 2022, "value": 0}, {"period": 2023, "value": 8}, {"period": 2024, "value": 6}]},
        {"id": "V", "name": "v", "kind": "prosentti", "derived": {"op": "vuosimuutos", "of": ["N"]}},
    ], dt.date(2025, 6, 30))
    # 2023 against 0: no value (never a division by zero); 2024: (6 − 8) / 8 = −25 %
    assert r["V"].series == [("2023", None), ("2024", pytest.approx(-25.0))]


@pytest.mark.parametrize(("value", "klass"), [(5, OnTrack.FAR_BEHIND), (10, OnTrack.ON_TRACK),
                                              (12, OnTrack.ON_TRACK)])
def test_straight_path_before_any_progress_is_expected(value: int, klass: OnTrack) -> None:
    """Baseline 10 (2025), target 20 by 31.12.2026, judged on 31.12.2025: no time has passed since
    the baseline period, so the expected value is still 10 and r = (x − 10) / 0. A value gone
    down in a rising indicator is far behind (the limit of r), one not worse is on track."""
    r, _ = _evaluate([{"id": "BL", "name": "bl", "kind": "lukumäärä", "granularity": "vuosi", "direction": "kasvu",
                       "baseline": {"period": 2025, "value": 10}, "targets": [{"value": 20, "deadline": "2026-12-31"}],
                       "observations": [{"period": 2025, "value": value}]}], dt.date(2025, 12, 31))
    assert r["BL"].expected == 10.0 and r["BL"].ratio is None
    assert r["BL"].on_track is klass


def test_a_falling_indicator_before_any_progress_is_expected() -> None:
    r, _ = _evaluate([{"id": "D", "name": "d", "kind": "lukumäärä", "direction": "lasku",
                       "baseline": {"period": 2025, "value": 10}, "targets": [{"value": 4, "deadline": "2026-12-31"}],
                       "observations": [{"period": 2025, "value": 11}]}], dt.date(2025, 12, 1))
    assert r["D"].on_track is OnTrack.FAR_BEHIND  # 11 > 10: gone the wrong way


def test_a_yes_no_target_of_false() -> None:
    """A target `false` ("no open complaints") is met by a false value, and missed by a true one."""
    r, st = _evaluate([
        {"id": "F", "name": "f", "kind": "kyllä/ei", "targets": [{"value": False, "deadline": "2024-12-31"}],
         "observations": [{"period": 2025, "value": False}]},
        {"id": "T", "name": "t", "kind": "kyllä/ei", "targets": [{"value": False, "deadline": "2024-12-31"}],
         "observations": [{"period": 2025, "value": True}]},
        {"id": "U", "name": "u", "kind": "kyllä/ei", "targets": [{"value": False, "deadline": "2026-12-31"}],
         "observations": [{"period": 2025, "value": True}]},
    ], dt.date(2025, 6, 30), refs=["F", "T"])
    assert r["F"].on_track is OnTrack.ACHIEVED and not r["F"].missed_target
    assert r["T"].on_track is OnTrack.FAR_BEHIND and r["T"].missed_target  # its deadline has passed
    assert r["U"].on_track is OnTrack.ON_TRACK  # not yet false, but its deadline is ahead
    measure = st.measures[0]
    assert measure.late and measure.late_reasons == ["indicator:T"]


def test_the_latest_total_is_the_latest_by_date(tmp_path: Path) -> None:
    """2024-H2 (1.7.–31.12.2024) is after 2024-Q1, though "2024-Q1" > "2024-H2" as text."""
    (tmp_path / "mittaristo.yaml").write_bytes(CATALOGUE.read_bytes())
    for name, granularity, obs in (("x", "puolivuosi", "{period: 2024-H2, value: 100}"),
                                   ("y", "neljännes", "{period: 2024-Q1, value: 5}")):
        (tmp_path / f"{name}.yaml").write_text(
            f"schema_version: 1\nid: {name}\nname: Kunta {name}\norganisation: {name}\nindicators:\n"
            f"  - {{id: E, name: Ympäristökriteerit, kind: lukumäärä, catalogue: ymparistokriteerit-kpl,"
            f" granularity: {granularity}, observations: [{obs}]}}\n", encoding="utf-8")
    assert hankinta("check", str(tmp_path)).code == 0
    data = hankinta("summary", str(tmp_path), "-f", "json", "--as-of", "2025-03-01").json()
    env = next(c for c in data["catalogue"] if c["id"] == "ymparistokriteerit-kpl")
    assert list(env["totals"]) == ["2024-Q1", "2024-H2"]  # in date order
    table = hankinta("summary", str(tmp_path), "--as-of", "2025-03-01", env={"COLUMNS": "300"}).stdout
    assert "100\u00a0kpl (2024-H2, 1/2)" in table and "(2024-Q1, 1/2)" not in table
    md = hankinta("report", str(tmp_path / "x.yaml"), str(tmp_path / "y.yaml"), "-f", "md", "--as-of", "2025-03-01")
    assert "100\u00a0kpl (2024-H2, 1/2" in md.stdout


def test_summary_table_counts_the_indicators_by_class() -> None:
    from conftest import ROOT

    out = hankinta("summary", "--root", str(ROOT / "examples" / "programmes"), "--as-of", "2025-12-31").stdout
    csv_out = hankinta("summary", "--root", str(ROOT / "examples" / "programmes"), "--as-of", "2025-12-31",
                       "-f", "csv").stdout.splitlines()
    row = dict(zip(csv_out[0].split(","), csv_out[1].split(","), strict=True))
    for label, column in (("Saavutettu", "achieved"), ("Aikataulussa", "on_track"), ("Jäljessä", "behind"),
                          ("Selvästi jäljessä", "far_behind")):
        line = next(line for line in out.splitlines() if f"│ {label} " in line)
        assert f"│ {row[column]} " in line, (label, line)
