"""Issue 12, items 5 and 8: charts a council member can read, and a changes table that keeps units.

A chart is inline SVG with period labels on the x axis, a labelled value axis (Babel's numbers in
the report's language), the target drawn dashed and named in a legend, values on the points, a bar
for an indicator with one value, and a <title> and <desc> that say the data in words. The changes
table shows values with the indicator's unit (the report's one formatter, i18n.value_text), and a
change of a percentage in percentage points.
Expected strings are written by hand.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import hankinta
from hankinta_cli.presenting.report.charts import indicator_chart

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "six_years.yaml"
SVG = "{http://www.w3.org/2000/svg}"
NBSP = "\u00a0"


def _svg(text: str) -> ET.Element:
    """The chart as an XML parser reads it (a chart that is not well-formed XML fails here)."""
    root = ET.fromstring(text)
    assert root.tag == SVG + "svg" and root.get("role") == "img"
    return root


def _texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(SVG + "text")]


def _one(root: ET.Element, tag: str) -> str:
    found = root.findall(SVG + tag)
    assert len(found) == 1, tag
    return "".join(found[0].itertext())


RISING = [("2020", 12.0), ("2021", 14.0), ("2022", 15.0), ("2023", 18.0), ("2024", 20.0), ("2025", 21.0)]


def test_line_chart_has_period_axis_value_axis_values_and_a_labelled_target() -> None:
    root = _svg(indicator_chart(RISING, unit=None, target=30.0, deadline=dt.date(2026, 12, 31),
                                name="Nouseva lukumäärä", lang="fi"))
    texts = _texts(root)
    for period, _ in RISING:
        assert period in texts, f"the x axis names the period {period}"
    assert {"12", "14", "15", "18", "20", "21"} <= set(texts), "each point carries its value"
    ticks = [t for t in texts if t in {"0", "5", "10", "15", "20", "25", "30", "35"}]
    assert "0" in ticks and "30" in ticks and len(ticks) >= 3, f"a value axis with a few ticks: {texts}"
    assert "Tavoite 2026: 30" in texts, "the dashed line is named the target"
    assert _one(root, "title") == "Nouseva lukumäärä: arvot kausittain"
    assert _one(root, "desc") == ("2020: 12; 2021: 14; 2022: 15; 2023: 18; 2024: 20; 2025: 21. "
                                  "Tavoite 2026: 30.")
    # black and white: the target differs from the values by its dash pattern, not by colour alone
    dashed = [e for e in root.iter() if e.get("stroke-dasharray")]
    assert dashed and all(e.get("class") == "target" for e in dashed)
    assert root.findall(f".//{SVG}polyline") and not root.find(f".//{SVG}polyline").get("stroke-dasharray")


def test_english_chart_and_a_target_dated_mid_year() -> None:
    root = _svg(indicator_chart([("2024-H1", 9.0), ("2024-H2", 11.0)], unit="kpl", target=16.0,
                                deadline=dt.date(2025, 6, 30), name="Half-yearly", lang="en"))
    texts = _texts(root)
    assert "Target 30 Jun 2025: 16 kpl".replace(" kpl", NBSP + "kpl") in texts
    assert "2024-H1" in texts and "2024-H2" in texts
    assert _one(root, "title") == "Half-yearly: values by period"


def test_value_axis_and_values_in_finnish_and_english_number_format() -> None:
    points = [("2023", 1234.5), ("2024", 120000.0)]
    fi = _texts(_svg(indicator_chart(points, unit="€", target=None, deadline=None, name="Rahaa", lang="fi")))
    assert f"1{NBSP}234,5" in fi and f"120{NBSP}000" in fi, fi
    assert any(t.endswith(NBSP + "€") and t[0].isdigit() for t in fi), "the value axis says its unit"
    en = _texts(_svg(indicator_chart(points, unit="€", target=None, deadline=None, name="Money", lang="en")))
    assert "1,234.5" in en and "120,000" in en, en
    desc = _one(_svg(indicator_chart(points, unit="%", target=80.0, deadline=dt.date(2025, 12, 31),
                                     name="Osuus", lang="fi")), "desc")
    assert desc == f"2023: 1{NBSP}234,5{NBSP}%; 2024: 120{NBSP}000{NBSP}%. Tavoite 2025: 80{NBSP}%."


def test_one_value_is_a_bar_against_the_target() -> None:
    root = _svg(indicator_chart([("2024", 5200.0)], unit="€", target=5000.0, deadline=dt.date(2026, 12, 31),
                                name="Saavutettu rahamäärä", lang="fi"))
    bars = [r for r in root.iter(SVG + "rect") if r.get("class") == "value"]
    assert len(bars) == 1 and float(bars[0].get("width", "0")) > 0, "the value is a bar"
    texts = _texts(root)
    assert f"Tavoite 2026: 5{NBSP}000{NBSP}€" in texts
    assert f"5{NBSP}200{NBSP}€" in texts and "2024" in texts
    assert [e.get("class") for e in root.iter() if e.get("stroke-dasharray")] == ["target", "target"]
    assert _one(root, "title") == "Saavutettu rahamäärä: arvo 2024"
    assert _one(root, "desc") == f"2024: 5{NBSP}200{NBSP}€. Tavoite 2026: 5{NBSP}000{NBSP}€."
    alone = _svg(indicator_chart([("2024", -3.0)], unit=None, target=None, deadline=None, name="x", lang="en"))
    assert [r.get("class") for r in alone.iter(SVG + "rect")].count("value") == 1
    assert not [e for e in alone.iter() if e.get("stroke-dasharray")], "no target, no dashed line"
    assert indicator_chart([], unit=None, target=None, deadline=None, name="x", lang="fi") == ""


HOSTILE = "</title><script>alert(1)</script>&amp; \x1b[31m\u202e\"'<desc>"


def test_hostile_labels_stay_text_and_the_svg_parses() -> None:
    for points in ([("2024", 1.0)], [("2023", 1.0), ("2024", 2.0)]):
        text = indicator_chart(points, unit=HOSTILE, target=3.0, deadline=dt.date(2025, 12, 31), name=HOSTILE,
                               lang="fi")
        root = _svg(text)
        assert "<script" not in text and "\x1b" not in text and "\u202e" not in text
        assert not list(root.iter(SVG + "script")) and len(root.findall(SVG + "desc")) == 1
        assert _one(root, "title").startswith("</title><script>alert(1)</script>&amp; [31m\"'<desc>")


finite = st.floats(min_value=-1e300, max_value=1e300, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(st.lists(finite, min_size=1, max_size=6), st.one_of(st.none(), finite),
       st.sampled_from([None, "€", "hankintaa vuodessa tuhatta asukasta kohden"]))
def test_any_values_give_a_well_formed_chart_or_none(values: list[float], target: float | None,
                                                     unit: str | None) -> None:
    """Equal values, zeros, 1e-300, −1e15, a long unit: a parsable chart with its coordinates in
    view; values too large to label (over 1e15) are left to the table."""
    points = [(str(2020 + i), v) for i, v in enumerate(values)]
    text = indicator_chart(points, unit=unit, target=target, deadline=None, name="x", lang="fi")
    if max(abs(v) for v in [*values, target or 0.0]) > 1e15:
        assert text == ""
        return
    root = _svg(text)
    numbers = [float(a) for e in root.iter() for k, a in e.attrib.items() if k in {"x", "y", "x1", "x2", "y1", "y2"}]
    assert numbers and all(math.isfinite(n) and -50 <= n <= 450 for n in numbers)


def _report_svgs(*args: str) -> tuple[str, list[str]]:
    run = hankinta("report", str(FIXTURE), "--as-of", "2025-06-30", *args)
    assert run.code == 0, run.stderr
    return run.stdout, re.findall(r"<svg class=\"chart.*?</svg>", run.stdout, re.S)


def test_report_charts_every_numeric_indicator_one_value_included() -> None:
    html, charts = _report_svgs("--lang", "fi")
    titles = [_one(_svg(c), "title") for c in charts]
    assert "Nouseva lukumäärä: arvot kausittain" in titles
    assert "Saavutettu rahamäärä: arvo 2024" in titles, "an indicator with one value gets a chart"
    assert not any(t.startswith("Tehty (K/E)") for t in titles), "yes/no values are not charted"
    assert f"Tavoite 2025: 20{NBSP}%" in html and "Tavoite 31.12.2026" not in html
    # the figures sit with their indicator table, captioned with the indicator's id and name
    assert re.search(r"<figure class=\"chart\">\s*<figcaption>A Nouseva lukumäärä</figcaption>\s*<svg", html)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})


PROGRAMME = """\
schema_version: 1
id: yksikot
name: Yksiköt
organisation: Esimerkkikunta
themes:
  - id: T1
    name: Teema
    measures:
      - id: "1"
        title: Toimenpide
        indicators:
          - {{id: P, name: Osuus, kind: prosentti, observations: [{{period: 2023, value: {p2023}}}{p2024}]}}
          - {{id: R, name: Rahaa, kind: raha, observations: [{{period: 2023, value: 100000}}{r2024}]}}
          - {{id: K, name: Tehty, kind: kyllä/ei, observations: [{{period: 2023, value: false}}{k2024}]}}
          - {{id: N, name: Määrä, kind: lukumäärä, unit: kpl, observations: [{{period: 2023, value: {n2023}}}]}}
"""


@pytest.fixture(scope="module")
def changed_programme(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path_factory.mktemp("repo")
    target = repo / "yksikot.yaml"
    target.write_text(PROGRAMME.format(p2023="10.8", p2024="", r2024="", k2024="", n2023="7"), encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "alku")
    target.write_text(PROGRAMME.format(
        p2023="12.5", p2024=", {period: 2024, value: 12.5}", r2024=", {period: 2024, value: 120000}",
        k2024=", {period: 2024, value: true}", n2023="4"), encoding="utf-8")
    return target


@pytest.mark.parametrize(("lang", "expected"), [
    ("fi", [f"| P | Osuus | Arvo muuttui 2023: 10,8{NBSP}% → 12,5{NBSP}% (+1,7{NBSP}%-yks.) |",
            f"| P | Osuus | Uusi arvo 2024: 12,5{NBSP}% |",
            f"| R | Rahaa | Uusi arvo 2024: 120{NBSP}000{NBSP}€ |",
            "| K | Tehty | Uusi arvo 2024: kyllä |",
            f"| N | Määrä | Arvo muuttui 2023: 7{NBSP}kpl → 4{NBSP}kpl (-3{NBSP}kpl) |"]),
    ("en", [f"| P | Osuus | Value changed 2023: 10.8{NBSP}% → 12.5{NBSP}% (+1.7{NBSP}pp) |",
            f"| P | Osuus | New value 2024: 12.5{NBSP}% |",
            f"| R | Rahaa | New value 2024: 120,000{NBSP}€ |",
            "| K | Tehty | New value 2024: yes |",
            f"| N | Määrä | Value changed 2023: 7{NBSP}kpl → 4{NBSP}kpl (-3{NBSP}kpl) |"]),
])
def test_changes_table_keeps_units(changed_programme: Path, lang: str, expected: list[str]) -> None:
    run = hankinta("report", str(changed_programme), "--since", "HEAD", "-f", "md", "--lang", lang,
                   "--as-of", "2025-06-30")
    assert run.code == 0, run.stderr
    rows = [line.replace(" |  |", " |") for line in run.stdout.splitlines() if line.startswith("| ")]
    for row in expected:
        assert row in rows, (row, rows)
    if lang == "fi":  # the HTML template says the same
        html = hankinta("report", str(changed_programme), "--since", "HEAD", "--as-of", "2025-06-30").stdout
        assert f"Arvo muuttui 2023: 10,8{NBSP}% → 12,5{NBSP}% (+1,7{NBSP}%-yks.)</td>" in html
        assert f"Uusi arvo 2024: 120{NBSP}000{NBSP}€</td>" in html
