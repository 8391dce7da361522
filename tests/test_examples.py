"""The fictional example programme (examples/programmes/esimerkkila.yaml) shows a full report.

The shipped programmes carry no statuses or values, as their sources, so their reports are
gaps. The example holds two years of statuses and values: it must check clean, say at the top
and in its name that it is fictional, and give a report with every status and every on-track
class when evaluated as the README's command does. The README's YAML excerpt of it is checked
against the file, so the two cannot drift.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import CATALOGUE, ROOT, hankinta, markdown_tables
from hankinta_cli.vocab import OnTrack, Status

EXAMPLES = ROOT / "examples" / "programmes"
EXAMPLE = EXAMPLES / "esimerkkila.yaml"
README = ROOT / "README.md"
#: The date the README's command evaluates the example at: the end of its programme period.
AS_OF = "2025-12-31"


def _readme_command() -> list[str]:
    """The README's command that reports the example, as words (`.venv/bin/hankinta` dropped)."""
    lines = [line for line in README.read_text(encoding="utf-8").splitlines()
             if line.startswith(".venv/bin/hankinta report esimerkkila")]
    assert len(lines) == 1, "README.md should show one command that reports the example"
    return shlex.split(lines[0])[1:]


def _load(text: str) -> Any:
    return yaml.load(text, Loader=yaml.CSafeLoader)  # as YAML 1.1 reads it: dates become dates


def _plain(text: str) -> str:
    """`text` with no-break spaces as spaces (numbers are formatted with them)."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the README's commands run in a clone's top folder


def test_example_checks_clean_without_warnings() -> None:
    run = hankinta("check", str(EXAMPLES), "--strict", "--format", "json")
    assert run.code == 0, run.stdout
    assert run.json()["summary"] == {"files": 2, "errors": 0, "warnings": 0}


def test_example_says_it_is_fictional_at_the_top_and_in_its_name() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    comments = text.split("\nschema_version:", 1)[0]
    assert "KUVITTEELLINEN ESIMERKKI – EI TODELLINEN OHJELMA" in comments
    data = _load(text)
    assert "kuvitteellinen esimerkki" in data["name"]
    assert "(kuvitteellinen)" in data["organisation"]
    assert data["description"].startswith("Kuvitteellinen esimerkki, ei todellinen ohjelma")


def test_example_dates_are_all_on_or_before_the_readme_date() -> None:
    """Nothing in the example lies after the date the README evaluates it at (so nothing is in
    the future today either, and `record`/`status set` would have accepted every entry)."""
    data = _load(EXAMPLE.read_text(encoding="utf-8"))
    last = dt.date.fromisoformat(AS_OF)
    dates: list[dt.date] = []
    years: list[int] = []

    def visit(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "period" and isinstance(value, (int, str)):  # an observation's or baseline's
                    years.append(int(str(value)[:4]))
                visit(value)
        elif isinstance(node, list):
            for item in node:
                visit(item)
        elif isinstance(node, dt.date):
            dates.append(node)

    visit(data)
    assert len(dates) > 40 and len(years) > 20
    assert max(dates) <= last < dt.date(2026, 11, 24)
    assert max(years) <= last.year
    assert {d.year for d in dates} >= {2024, 2025}


def test_example_catalogue_is_the_shared_one() -> None:
    """The catalogue beside the example is programmes/mittaristo.yaml; only the modeline's
    relative path to the schema differs. Both modelines name a schema that exists."""
    copy = EXAMPLES / CATALOGUE.name
    first, _, rest = copy.read_text(encoding="utf-8").partition("\n")
    assert rest == CATALOGUE.read_text(encoding="utf-8").partition("\n")[2], (
        "examples/programmes/mittaristo.yaml differs from programmes/mittaristo.yaml: copy it "
        "(keeping the first line, which points at ../../schemas/)")
    for path, line in ((copy, first), (EXAMPLE, EXAMPLE.read_text(encoding="utf-8").partition("\n")[0])):
        schema = line.removeprefix("# yaml-language-server: $schema=")
        assert schema != line and (path.parent / schema).is_file(), path


def test_readme_command_reports_the_example_with_statuses_and_values(in_repo: None, tmp_path: Path) -> None:
    args = _readme_command()
    assert args[args.index("--as-of") + 1] == AS_OF
    out = tmp_path / "esimerkkila.html"
    args[args.index("-o") + 1] = str(out)
    run = hankinta(*args)
    assert run.code == 0, run.stdout + run.stderr
    html = _plain(out.read_text(encoding="utf-8"))
    assert "kuvitteellinen esimerkki" in html
    for state in (*Status, *OnTrack):  # each in a table cell, in words after its symbol
        assert f">{state.symbol} {state.fi}" in html, state
    # values by period, formatted; attainment; a derived share; a half-year series; lateness
    for shown in ("2024: 21 kpl", "2025: 31 kpl", "21 900 000 €", "39,9 %", "106 %", "2025-H2: 70 %", "myöhässä"):
        assert shown in html, shown
    assert "<svg" in html  # charts drawn from the values


def test_markdown_report_of_the_example_has_statuses_values_and_no_gaps() -> None:
    run = hankinta("report", "esimerkkila", "--root", str(EXAMPLES), "--as-of", AS_OF, "--format", "md")
    assert run.code == 0, run.stderr
    md = _plain(run.stdout)
    rows: dict[str, str] = {}  # each measure's and indicator's row in its goal's table (the first)
    section = ""
    for line in md.splitlines():
        if line.startswith("## "):
            section = line
        if line.startswith("| ") and section.startswith("## Teema"):
            rows.setdefault(line.split(" | ")[0].strip("| "), line)
    assert "✓ valmis" in rows["1.1"] and "! viivästynyt" in rows["1.2"] and "myöhässä" in rows["1.2"]
    assert "○ ei aloitettu" in rows["5.2"] and "‖ keskeytetty" in rows["2.2"] and "∞ jatkuva" in rows["2.1"]
    assert "(vanhentunut)" in rows["1.3"] and "(hyväksyttävä)" in rows["3.3"] and "(ajantasainen)" in rows["3.2"]
    assert "2024: 21 kpl; 2025: 31 kpl" in rows["M1"] and "saavutettu" in rows["M1"]
    assert "(laskettu)" in rows["M3"] and "2025: 39,9 %" in rows["M3"] and "aikataulussa" in rows["M3"]
    assert "selvästi jäljessä" in rows["M1.3"] and "▲ jäljessä" in rows["M3.2"]
    assert "määrittelemättä" in rows["M2"] and "ei arvioitavissa" in rows["OSTOT"]
    assert md.count("Ei puutteita.") == 3  # owners, schedules and values: only the undefined M2 is a gap
    assert all(len(set(table)) == 1 for table in markdown_tables(md))


def test_indicators_of_the_example_show_every_on_track_class() -> None:
    run = hankinta("indicators", "esimerkkila", "--root", str(EXAMPLES), "--as-of", AS_OF, "--format", "json")
    assert run.code == 0, run.stderr
    by_id = {i["id"]: i for i in run.json()["indicators"]}
    classes = {i: v["on_track"] for i, v in by_id.items()}
    assert set(classes.values()) == {c.value for c in OnTrack}
    assert classes["M1"] == "saavutettu" and classes["M5.1"] == "aikataulussa"
    assert classes["M3.2"] == "jäljessä" and classes["M1.3"] == "selvästi jäljessä"
    assert classes["OSTOT"] == "ei tietoa" and classes["M2"] == "määrittelemättä"
    # the derived share is computed from its inputs: 21 900 000 / 54 900 000
    assert by_id["M3"]["latest"] == pytest.approx(100 * 21_900_000 / 54_900_000)
    assert by_id["M1.3"]["missed_target"]  # 14 % in 2025 against 15 % due 31.12.2024


def _excerpts() -> list[tuple[Path, str]]:
    """README blocks marked `<!-- excerpt: PATH … -->`: (the file, the block's text)."""
    text = README.read_text(encoding="utf-8")
    found = re.findall(r"<!-- excerpt: (\S+)[^\n]*-->\n```yaml\n(.*?)```", text, flags=re.S)
    return [(ROOT / path, block) for path, block in found]


def test_readme_yaml_excerpt_is_in_the_example_verbatim() -> None:
    excerpts = _excerpts()
    assert [path for path, _ in excerpts] == [EXAMPLE]
    for path, block in excerpts:
        assert "baseline:" in block and "targets:" in block and "observations:" in block
        want = block.splitlines()
        lines = path.read_text(encoding="utf-8").splitlines()
        windows = (textwrap.dedent("\n".join(lines[i:i + len(want)])).splitlines()
                   for i in range(len(lines) - len(want) + 1))
        assert want in windows, f"README.md's excerpt is no longer in {path.relative_to(ROOT)}: copy it again"
