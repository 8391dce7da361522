"""Indicator calculations against hand-computed values (tests/fixtures/six_years.yaml), and
properties that must hold for any data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import hankinta
from hankinta_cli.computing.metrics import evaluate_programme
from hankinta_cli.computing.ontrack import IndicatorStatus, evaluate
from hankinta_cli.computing.series import Resolver
from hankinta_cli.model import Indicator, Programme
from hankinta_cli.vocab import Freshness, OnTrack

FIXTURE = Path(__file__).parent / "fixtures" / "six_years.yaml"
AS_OF = dt.date(2025, 6, 30)


@pytest.fixture(scope="module")
def result() -> dict[str, IndicatorStatus]:
    p = Programme.model_validate(yaml.safe_load(FIXTURE.read_text(encoding="utf-8")))
    return {i.id: i for i in evaluate_programme(p, AS_OF).indicators}


# (id, latest, attainment %, expected, class) — computed by hand, see the comments in the fixture
HAND = [
    ("A", 21, 55.0, 25.7059, OnTrack.BEHIND),
    ("B", 22, 90.0, 22.0153, OnTrack.ON_TRACK),
    ("C", 5200, 105.0, None, OnTrack.ACHIEVED),
    ("D", 20, 20.0, 100.0, OnTrack.FAR_BEHIND),
    ("E", 29, 30.0, 34.9726, OnTrack.BEHIND),
    ("F", 12, 66.6667, 13.9854, OnTrack.BEHIND),
    ("Q", 140, 40.0, None, OnTrack.BEHIND),
]


@pytest.mark.parametrize(("ind", "latest", "attainment", "expected", "klass"), HAND, ids=[h[0] for h in HAND])
def test_hand_computed_values(result: dict[str, IndicatorStatus], ind: str, latest: float,
                              attainment: float, expected: float | None, klass: OnTrack) -> None:
    r = result[ind]
    assert r.latest == latest
    assert r.attainment == pytest.approx(attainment, abs=1e-4)
    if expected is None:
        assert r.expected is None
    else:
        assert r.expected == pytest.approx(expected, abs=1e-4)
    assert r.on_track is klass


def test_ratios_behind_the_classes(result: dict[str, IndicatorStatus]) -> None:
    assert result["A"].ratio == pytest.approx(11 / 15.705905, abs=1e-5)  # 0.7004
    assert result["B"].ratio == pytest.approx(1.000853, abs=1e-5)
    assert result["Q"].ratio == pytest.approx(0.087757 / 0.112563, abs=1e-4)  # growth method, 0.7796


def test_change_from_previous_period(result: dict[str, IndicatorStatus]) -> None:
    assert (result["A"].change, result["A"].change_pct) == (1, 5.0)
    assert result["B"].change == -4 and result["B"].change_pct == pytest.approx(-15.384615)
    assert result["F"].previous_period == "2024-H2" and result["F"].latest_period == "2025-H1"


def test_observation_after_as_of_is_ignored(result: dict[str, IndicatorStatus]) -> None:
    assert result["A"].latest_period == "2025" and ("2026", 99) not in result["A"].series


def test_yes_no(result: dict[str, IndicatorStatus]) -> None:
    assert result["G"].on_track is OnTrack.ACHIEVED
    assert result["H"].on_track is OnTrack.FAR_BEHIND and result["H"].missed_target
    assert result["I"].on_track is OnTrack.ON_TRACK


def test_derived_ratio_with_zero_denominator_is_no_data(result: dict[str, IndicatorStatus]) -> None:
    assert result["J"].series == [("2023", 3.0), ("2024", None)]
    assert result["J"].on_track is OnTrack.NO_DATA and result["J"].latest is None


def test_unit_sum_with_a_missing_unit_is_no_data(result: dict[str, IndicatorStatus]) -> None:
    assert result["L"].series == [("2023", 10.0), ("2024", None)]
    assert result["L"].on_track is OnTrack.NO_DATA


def test_share_and_growth(result: dict[str, IndicatorStatus]) -> None:
    assert result["S"].latest == 5.0 and result["S"].on_track is OnTrack.ACHIEVED
    assert result["S"].target_deadline == dt.date(2026, 12, 31)  # undated target: end of the programme
    assert result["Y"].latest == pytest.approx(5.0) and result["Y"].series[0] == ("2021", pytest.approx(16.666667))


def test_undefined_and_no_data(result: dict[str, IndicatorStatus]) -> None:
    assert result["Z"].on_track is OnTrack.UNDEFINED
    assert result["X"].on_track is OnTrack.NO_DATA and result["X"].stale is True
    assert result["A"].stale is False and result["F"].stale is False


def test_measures_late_and_freshness() -> None:
    p = Programme.model_validate(yaml.safe_load(FIXTURE.read_text(encoding="utf-8")))
    ms = {m.id: m for m in evaluate_programme(p, AS_OF).measures}
    assert ms["1.1"].overdue and ms["1.1"].late and ms["1.1"].freshness is Freshness.ACCEPTABLE  # 171 days
    assert not ms["1.2"].overdue and ms["1.2"].late and ms["1.2"].late_reasons == ["indicator:D"]
    assert ms["1.2"].freshness is Freshness.CURRENT  # 60 days
    # 532 days since its last update, but it is finished: nothing more to report
    assert not ms["1.3"].late and ms["1.3"].freshness is Freshness.CURRENT
    assert ms["1.4"].status is None and ms["1.4"].freshness is Freshness.NONE


def test_programme_metrics() -> None:
    p = Programme.model_validate(yaml.safe_load(FIXTURE.read_text(encoding="utf-8")))
    c = evaluate_programme(p, AS_OF).overall
    assert (c.measures, c.finished, c.overdue, c.late, c.without_responsible, c.without_schedule) == (4, 1, 1, 2, 1, 1)
    assert c.by_status["käynnissä"] == 2 and c.by_status["ei raportoitu"] == 1
    assert c.undefined == 1 and c.without_data == 1
    assert c.share_finished == 25.0


def test_indicators_command_formats(tmp_path: Path) -> None:
    run = hankinta("indicators", str(FIXTURE), "--as-of", "30.6.2025", "-f", "json")
    data = run.json()
    assert data["version"] == 1 and data["as_of"] == "2025-06-30"
    a = next(i for i in data["indicators"] if i["id"] == "A")
    assert a["on_track"] == "jäljessä" and a["owner"] == ["T1", "1"]
    wide = {"COLUMNS": "250"}
    table = hankinta("indicators", str(FIXTURE), "--as-of", "2025-06-30", "--status", "saavutettu", env=wide).stdout
    assert "Saavutettu rahamäärä" in table and "Nouseva" not in table
    english = hankinta("indicators", str(FIXTURE), "--as-of", "2025-06-30", "--lang", "en", env=wide).stdout
    assert "far behind" in english and "5,200" in english
    finnish = hankinta("indicators", str(FIXTURE), "--as-of", "2025-06-30", env=wide).stdout
    assert "5\u00a0200\u00a0€" in finnish and "30.6.2025" in finnish


def test_indicators_csv_imports_back_unchanged(tmp_path: Path) -> None:
    target = tmp_path / "six.yaml"
    target.write_bytes(FIXTURE.read_bytes())
    csv_file = tmp_path / "ind.csv"
    csv_file.write_text(hankinta("indicators", str(target), "--as-of", "2025-06-30", "-f", "csv").stdout,
                        encoding="utf-8")
    before = target.read_bytes()
    run = hankinta("import", str(target), str(csv_file))
    assert run.code == 0, run.stderr
    assert target.read_bytes() == before


def test_shipped_programmes_have_no_data_yet() -> None:
    for name in ("hyvinkaa", "kajaani-2021-2023", "valtio-innovatiiviset-hankinnat-2017-2019"):
        data = hankinta("indicators", name, "-f", "json", "--as-of", "2025-01-01").json()
        classes = {i["on_track"] for i in data["indicators"]}
        assert classes <= {"ei tietoa", "määrittelemättä"}, classes
    hyvinkaa = hankinta("indicators", "hyvinkaa", "-f", "json").json()["indicators"]
    assert "määrittelemättä" in {i["on_track"] for i in hyvinkaa}


def test_summary_rolls_up_catalogue_indicators(tmp_path: Path) -> None:
    data = hankinta("summary", "-f", "json").json()
    assert len(data["programmes"]) == 3
    by_id = {c["id"]: c for c in data["catalogue"]}
    assert set(by_id["ymparistokriteerit-kpl"]["latest"]) == {"hyvinkaa", "kajaani-2021-2023"}
    assert by_id["innovatiiviset-osuus"]["targets"][0]["value"] == 5


# ---- properties ------------------------------------------------------------------------------------------


def _indicator(direction: str, values: list[int], target: int) -> Indicator:
    return Indicator.model_validate({
        "id": "P", "name": "P", "kind": "lukumäärä", "direction": direction,
        "baseline": {"period": 2019, "value": 50}, "targets": [{"value": target, "deadline": "2026-12-31"}],
        "observations": [{"period": 2020 + i, "value": v} for i, v in enumerate(values)],
    })


def _status(ind: Indicator, as_of: dt.date) -> IndicatorStatus:
    p = Programme.model_validate({"schema_version": 1, "id": "p", "name": "p", "organisation": "o", "themes": [
        {"id": "T", "name": "T", "goals": [{"id": "1", "title": "t", "indicators": [ind.model_dump(mode="json")]}]}]})
    return evaluate(p.themes[0].goals[0].indicators[0], Resolver(p, as_of))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 200), min_size=1, max_size=5), st.integers(0, 200), st.integers(0, 200))
def test_attainment_is_monotonic_in_the_value(history: list[int], a: int, b: int) -> None:
    as_of = dt.date(2025, 6, 30)
    low, high = sorted((a, b))
    for direction, target, sign in (("kasvu", 120, 1), ("lasku", 10, -1)):
        r_low = _status(_indicator(direction, [*history[:4], low], target), as_of).attainment
        r_high = _status(_indicator(direction, [*history[:4], high], target), as_of).attainment
        assert r_low is not None and r_high is not None
        assert sign * (r_high - r_low) >= 0


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 200), min_size=0, max_size=4), st.integers(0, 200),
       st.dates(dt.date(2020, 1, 1), dt.date(2026, 12, 31)))
def test_observation_after_as_of_changes_nothing(history: list[int], late: int, as_of: dt.date) -> None:
    ind = _indicator("kasvu", history, 120)
    data = ind.model_dump(mode="json")
    data["observations"] = [o for o in data["observations"] if o["period"] != as_of.year + 1]
    without = Indicator.model_validate(data)
    data["observations"].append({"period": as_of.year + 1, "value": late})  # its period starts after as_of
    with_later = Indicator.model_validate(data)
    assert _status(without, as_of).to_dict() == _status(with_later, as_of).to_dict()


def test_summary_in_parallel_matches_serial(tmp_path: Path) -> None:
    import shutil

    from hankinta_cli.computing.summary import PARALLEL_FROM

    for n in range(PARALLEL_FROM):
        text = FIXTURE.read_text(encoding="utf-8").replace("id: laskenta", f"id: kunta-{n:02d}")
        (tmp_path / f"kunta-{n:02d}.yaml").write_text(text, encoding="utf-8")
    many = hankinta("summary", str(tmp_path), "-f", "json", "--as-of", "2025-06-30").json()
    assert len(many["programmes"]) == PARALLEL_FROM
    one = hankinta("summary", str(tmp_path / "kunta-00.yaml"), "-f", "json", "--as-of", "2025-06-30").json()
    assert many["programmes"][0] == one["programmes"][0]
    assert many["programmes"][0]["metrics"]["late"] == 2
    shutil.copy(Path(__file__).parent / "broken" / "dup_key.yaml", tmp_path / "zz-rikki.yaml")
    broken = hankinta("summary", str(tmp_path))
    assert broken.code == 1 and "HK011" in broken.stderr


def test_catalogue_totals_across_programmes(tmp_path: Path) -> None:
    from conftest import CATALOGUE

    (tmp_path / "mittaristo.yaml").write_bytes(CATALOGUE.read_bytes())
    series = {"a": "[{period: 2023, value: 3}, {period: 2024, value: 4}]", "b": "[{period: 2024, value: 5}]"}
    for name, obs in series.items():
        (tmp_path / f"{name}.yaml").write_text(
            f"schema_version: 1\nid: {name}\nname: Kunta {name}\norganisation: {name}\nindicators:\n"
            f"  - {{id: Y, name: Ympäristökriteerit, kind: lukumäärä, catalogue: ymparistokriteerit-kpl,"
            f" observations: {obs}}}\n", encoding="utf-8")
    assert hankinta("check", str(tmp_path)).code == 0
    data = hankinta("summary", str(tmp_path), "-f", "json", "--as-of", "2025-01-01").json()
    env = next(c for c in data["catalogue"] if c["id"] == "ymparistokriteerit-kpl")
    # whole values: no programme's value is partial (tests/test_units.py has partial ones)
    assert env["totals"] == {"2023": {"total": 3.0, "reporting": 1, "partial": []},
                             "2024": {"total": 9.0, "reporting": 2, "partial": []}}
    assert env["latest"] == {"a": {"period": "2024", "value": 4.0, "missing": []},
                             "b": {"period": "2024", "value": 5.0, "missing": []}}
    md = hankinta("report", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"), "-f", "md", "--as-of", "2025-01-01")
    row = "| a: 4 kpl (2024); b: 5 kpl (2024) | 9 kpl (2024, 2/2 ilmoittanut) |".replace(" kpl", "\u00a0kpl")
    assert row in md.stdout
