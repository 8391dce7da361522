"""Values by organisation unit (`breakdown`, `reporting_units`) and Laurea's dimensions: the sums
and partial values against hand-computed cases, each unit's view, each dimension's measures, and
the commands that show them (`indicators`, `summary`, `report`, `record`, `units`, `dimensions`,
`status --dimension`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, hankinta
from hankinta_cli.computing.metrics import evaluate_programme
from hankinta_cli.model import Programme
from hankinta_cli.vocab import OnTrack, Reason

# Three units are expected to report. By hand:
#   K (lukumäärä): 2023 value 10 as given; 2024 only Sote 3 + Tekninen 1 = 4, Sivistys missing → partial;
#                  2025 Sote 5 + Tekninen 2 + Sivistys 1 = 8, whole.
#   E (raha, its own reporting_units [Sote]): 2024 Sote 1000 → 1000, whole (Tekninen is not expected).
#   S (summa K + L): 2024 4 + 6 = 10, partial (Sivistys, from K); 2025 8 + 2 = 10, whole.
#   O (osuus K / L): 2024 4 / 6 × 100 = 66.67, partial (Sivistys).
#   P (prosentti): per-unit values, never summed; 2024 value 40 as given.
PROGRAMME = """\
schema_version: 1
id: kaupunki
name: Kaupungin ohjelma
organisation: Kaupunki
reporting_units: [Sote, Tekninen, Sivistys]
themes:
  - id: T1
    name: Teema
    goals:
      - id: "1"
        title: Tavoite
        indicators:
          - id: K
            name: Kilpailutukset
            kind: lukumäärä
            unit: kpl
            catalogue: ymparistokriteerit-kpl
            baseline: {period: 2023, value: 10}
            targets: [{value: 20, deadline: 2026-12-31}]
            observations:
              - {period: 2023, value: 10}
              - {period: 2024, breakdown: {Sote: 3, Tekninen: 1}}
              - {period: 2025, breakdown: {Sote: 5, Tekninen: 2, Sivistys: 1}}
          - id: L
            name: Muut kilpailutukset
            kind: lukumäärä
            observations:
              - {period: 2024, value: 6}
              - {period: 2025, value: 2}
          - id: E
            name: Euroa
            kind: raha
            reporting_units: [Sote]
            observations:
              - {period: 2024, breakdown: {Sote: 1000}}
          - id: P
            name: Osuus
            kind: prosentti
            observations:
              - {period: 2024, value: 40, breakdown: {Sote: 30, Tekninen: 50}}
          - id: S
            name: Yhteensä
            kind: lukumäärä
            derived: {op: summa, of: [K, L]}
          - id: O
            name: Osuus muista
            kind: suhde
            numerator: K
            denominator: L
            derived: {op: osuus, of: [K, L]}
        measures:
          - id: "1.1"
            title: Ympäristökriteerit
            responsible: [hankintapalvelut]
            schedule: {year: 2025}
            status: käynnissä
            dimensions: [kestävä kehitys]
          - id: "1.2"
            title: Avoin data
            responsible: [tietohallinto]
            schedule: {year: 2024}
            status: valmis
            dimensions: [avoimuus, kestävä kehitys]
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    from conftest import CATALOGUE

    (tmp_path / "mittaristo.yaml").write_bytes(CATALOGUE.read_bytes())
    (tmp_path / "kaupunki.yaml").write_text(PROGRAMME, encoding="utf-8")
    return tmp_path


def _words(text: str, table: str) -> bool:
    """Every word of `text` is in the terminal table `table` (whose cells wrap anywhere between words)."""
    shown = set(table.replace("\u00a0", " ").replace("│", " ").split())
    return all(word in shown for word in text.split())


def _programme() -> Programme:
    return Programme.model_validate(yaml.safe_load(PROGRAMME))


def test_breakdown_is_summed_and_marked_partial_when_a_unit_is_missing() -> None:
    inds = {i.id: i for i in evaluate_programme(_programme(), dt.date(2025, 6, 30)).indicators}
    assert inds["K"].series == [("2023", 10), ("2024", 4), ("2025", 8)]
    assert inds["K"].partial == {"2024": ["Sivistys"]}
    assert inds["K"].latest_missing == [] and inds["K"].on_track is not OnTrack.NO_DATA  # 2025 is whole
    assert inds["E"].series == [("2024", 1000)] and inds["E"].partial == {}  # its own units: Sote alone
    assert inds["P"].series == [("2024", 40)] and inds["P"].partial == {}  # a percentage's units are not summed
    assert inds["S"].series == [("2023", None), ("2024", 10.0), ("2025", 10.0)]  # L has no 2023
    assert inds["S"].partial == {"2024": ["Sivistys"]}  # a derived value inherits its inputs' gaps
    assert inds["O"].series[1][0] == "2024" and round(inds["O"].series[1][1], 2) == 66.67  # type: ignore[arg-type]
    assert inds["O"].partial == {"2024": ["Sivistys"]}


def test_a_partial_latest_value_is_shown_but_not_judged() -> None:
    k = next(i for i in evaluate_programme(_programme(), dt.date(2024, 12, 31)).indicators if i.id == "K")
    assert (k.latest, k.latest_period, k.latest_missing) == (4, "2024", ["Sivistys"])
    assert k.on_track is OnTrack.NO_DATA and k.reason is Reason.PARTIAL
    assert k.attainment is None and k.change is None and not k.missed_target


def test_indicators_table_and_json_show_partial_values(folder: Path) -> None:
    table = hankinta("indicators", str(folder / "kaupunki.yaml"), "--as-of", "2024-12-31")
    assert table.code == 0, table.stderr
    assert _words("4 kpl (2024; osittainen: Sivistys puuttuu)", table.stdout)
    assert _words("ei arvioitavissa (osittainen arvo: yksiköitä puuttuu)", table.stdout)
    en = hankinta("indicators", str(folder / "kaupunki.yaml"), "--as-of", "2024-12-31", "--lang", "en")
    assert _words("(2024; partial: Sivistys missing)", en.stdout)
    data = hankinta("indicators", str(folder / "kaupunki.yaml"), "--as-of", "2025-06-30", "-f", "json").json()
    assert data["version"] == 1
    k = next(i for i in data["indicators"] if i["id"] == "K")
    assert k["partial"] == {"2024": ["Sivistys"]} and k["series"][1] == {"period": "2024", "value": 4}


def test_summary_and_report_show_a_partial_total(folder: Path) -> None:
    other = PROGRAMME.replace("id: kaupunki", "id: naapuri").replace(
        "{period: 2024, breakdown: {Sote: 3, Tekninen: 1}}", "{period: 2024, value: 5}")
    (folder / "naapuri.yaml").write_text(other, encoding="utf-8")
    assert hankinta("check", str(folder)).code == 0
    data = hankinta("summary", str(folder), "-f", "json", "--as-of", "2024-12-31").json()
    env = next(c for c in data["catalogue"] if c["id"] == "ymparistokriteerit-kpl")
    assert env["totals"]["2024"] == {"total": 9.0, "reporting": 2, "partial": ["kaupunki"]}
    assert env["latest"]["kaupunki"]["missing"] == ["Sivistys"] and env["latest"]["naapuri"]["missing"] == []
    table = hankinta("summary", str(folder), "--as-of", "2024-12-31")
    assert _words("kaupunki: 4 kpl (2024; osittainen: Sivistys puuttuu)", table.stdout)
    assert _words("9 kpl (2024, 2/2; osittainen: kaupunki)", table.stdout)
    md = hankinta("report", str(folder / "kaupunki.yaml"), str(folder / "naapuri.yaml"), "-f", "md",
                  "--as-of", "2024-12-31").stdout
    assert "kaupunki: 4\u00a0kpl (2024; osittainen: Sivistys puuttuu)" in md
    assert "(2024, 2/2 ilmoittanut; osittainen: kaupunki)" in md
    assert "2024: 4\u00a0kpl (osittainen: Sivistys puuttuu)" in md  # the programme's own indicator table


def test_record_a_breakdown_alone_and_replace_it(folder: Path) -> None:
    path = str(folder / "kaupunki.yaml")
    run = hankinta("record", path, "L", "--period", "2023", "--unit-breakdown", "Sote=2", "--unit-breakdown",
                   "Tekninen=1")
    assert run.code == 0, run.stderr
    assert "{period: 2023, breakdown: {Sote: 2, Tekninen: 1}, recorded:" in (folder / "kaupunki.yaml").read_text()
    data = hankinta("indicators", path, "--as-of", "2025-06-30", "-f", "json").json()
    assert next(i for i in data["indicators"] if i["id"] == "L")["partial"] == {"2023": ["Sivistys"]}
    again = hankinta("record", path, "L", "--period", "2023", "--unit-breakdown", "Sote=2", "--unit-breakdown",
                     "Tekninen=1", "--unit-breakdown", "Sivistys=4", "--replace")
    assert again.code == 0, again.stderr
    assert "breakdown: {Sote: 2, Tekninen: 1, Sivistys: 4}" in (folder / "kaupunki.yaml").read_text()
    neither = hankinta("record", path, "L", "--period", "2022")
    assert neither.code == 2 and "anna arvo (--value) tai erittely (--unit-breakdown)" in neither.stderr
    # a value that its breakdown does not add up to is refused, and nothing is written
    before = (folder / "kaupunki.yaml").read_bytes()
    bad = hankinta("record", path, "K", "--period", "2022", "--value", "5", "--unit-breakdown", "Sote=3")
    assert bad.code != 0 and "HK316" in bad.stderr and (folder / "kaupunki.yaml").read_bytes() == before


def test_breakdown_findings_in_english(tmp_path: Path) -> None:
    from conftest import BROKEN

    run = hankinta("check", "--no-cache", "--lang", "en", str(BROKEN / "breakdown_unknown_unit.yaml"))
    assert run.code == 1
    assert "unit 'Teknine' is not among the reporting units" in run.stdout
    assert "Did you mean 'Tekninen'? Reporting units (reporting_units): Sote, Tekninen." in run.stdout
    empty = tmp_path / "tyhja.yaml"
    empty.write_text(PROGRAMME.replace("{period: 2024, value: 6}", "{period: 2024, note: unohtui}"), encoding="utf-8")
    run = hankinta("check", "--no-cache", str(empty))
    assert run.code == 1 and "havainnolta puuttuu arvo: anna arvo (value) tai erittely (breakdown)" in run.stdout


# --- a unit's view -----------------------------------------------------------------------------------------------


def test_unit_view_by_hand() -> None:
    from hankinta_cli.computing.units import unit_views

    views = {v.name: v for v in unit_views([_programme()], dt.date(2025, 6, 30))}
    assert list(views) == ["Sote", "Tekninen", "Sivistys"]  # declared, in the programme's order
    sote = {i.id: i for i in views["Sote"].indicators}
    assert list(sote) == ["K", "E", "P"] and views["Sote"].declared_in == ["kaupunki"]
    assert sote["K"].values == {"2024": 3, "2025": 5} and sote["K"].organisation == {"2024": 4, "2025": 8}
    assert sote["E"].values == {"2024": 1000} and sote["P"].values == {"2024": 30}
    assert sote["P"].organisation == {"2024": 40} and not sote["P"].summable
    sivistys = {i.id: i for i in views["Sivistys"].indicators}
    assert list(sivistys) == ["K", "P"]  # E expects Sote alone; P the programme's three, Sivistys among them
    assert sivistys["K"].values == {"2025": 1} and sivistys["K"].missing == ["2024"]
    assert sivistys["P"].values == {} and sivistys["P"].missing == ["2024"]
    assert [i.id for i in views["Tekninen"].indicators] == ["K", "P"]
    early = unit_views([_programme()], dt.date(2024, 6, 30), only="Sote")  # 2025 has not begun
    assert [v.name for v in early] == ["Sote"] and early[0].indicators[0].values == {"2024": 3}


def test_units_command(folder: Path) -> None:
    path = str(folder / "kaupunki.yaml")
    data = hankinta("units", path, "--unit", "Sivistys", "--as-of", "2025-06-30", "-f", "json").json()
    assert data["version"] == 1 and [u["unit"] for u in data["units"]] == ["Sivistys"]
    k = data["units"][0]["indicators"][0]
    assert (k["id"], k["values"], k["missing"]) == ("K", [{"period": "2025", "value": 1}], ["2024"])
    table = hankinta("units", path, "--unit", "Sote", "--as-of", "2025-06-30")
    assert table.code == 0 and _words("Sote (kaupunki) 2024: 3 kpl 2025: 5 kpl", table.stdout)
    rows = hankinta("units", path, "--as-of", "2025-06-30", "-f", "csv").stdout.splitlines()
    assert rows[0] == "unit,programme,indicator,name,period,value,organisation_value"
    assert "Sivistys,kaupunki,K,Kilpailutukset,2024,,4" in rows
    bad = hankinta("units", path, "--unit", "Sivistus")
    assert bad.code == 2 and "Tarkoititko 'Sivistys'? Yksiköt: Sote, Tekninen, Sivistys." in bad.stderr


# --- Laurea's dimensions ------------------------------------------------------------------------------------------


def test_dimension_views_list_every_dimension() -> None:
    from hankinta_cli.computing.dimensions import dimension_views
    from hankinta_cli.vocab import Dimension

    views = dimension_views([evaluate_programme(_programme(), dt.date(2025, 6, 30))])
    assert [v.dimension for v in views] == list(Dimension)
    tagged = {v.dimension: [m.measure.id for m in v.measures] for v in views}
    assert tagged == {Dimension.SUSTAINABILITY: ["1.1", "1.2"], Dimension.OPENNESS: ["1.2"],
                      Dimension.PARTNERSHIP: []}
    d = views[0].to_dict()
    assert (d["dimension"], d["tagged"], d["finished"], d["by_status"]["käynnissä"]) == ("kestävä kehitys", 2, 1, 1)
    assert views[2].to_dict()["tagged"] == 0 and views[2].to_dict()["measures"] == []


def test_dimensions_command_says_when_none_is_tagged(folder: Path) -> None:
    table = hankinta("dimensions", str(folder / "kaupunki.yaml"), "--as-of", "2025-06-30")
    assert table.code == 0
    assert "kumppanuus: 0 toimenpidettä\nYhtäkään toimenpidettä ei ole merkitty tälle ulottuvuudelle." in table.stdout
    # the shipped programmes' sources tag no measure: every dimension is said to be empty, none guessed
    from conftest import PROGRAMMES

    shipped = hankinta("dimensions", "--root", str(PROGRAMMES), "-f", "json", "--as-of", "2025-06-30").json()
    assert [(d["dimension"], d["tagged"]) for d in shipped["dimensions"]] == [
        ("kestävä kehitys", 0), ("avoimuus", 0), ("kumppanuus", 0)]
    en = hankinta("dimensions", str(folder / "kaupunki.yaml"), "--dimension", "openness", "--lang", "en")
    assert en.code == 0 and "openness: 1 measure" in en.stdout and "partnership" not in en.stdout


def test_dimension_selects_measures_in_status_and_report(folder: Path) -> None:
    path = str(folder / "kaupunki.yaml")
    rows = hankinta("status", path, "--dimension", "avoimuus", "-f", "json").json()["measures"]
    assert [r["id"] for r in rows] == ["1.2"]
    rows = hankinta("status", path, "--dimension", "sustainability", "-f", "json").json()["measures"]
    assert [r["id"] for r in rows] == ["1.1", "1.2"]
    assert hankinta("status", path, "--dimension", "kumppanuus", "-f", "json").json()["measures"] == []
    md = hankinta("report", path, "-f", "md", "--dimension", "avoimuus", "--as-of", "2025-06-30").stdout
    assert "ulottuvuus avoimuus" in md and "Avoin data" in md and "Ympäristökriteerit" not in md
    bad = hankinta("status", path, "--dimension", "openess", "--lang", "en")
    assert bad.code == 2 and "Did you mean 'openness'?" in bad.stderr


def test_report_changes_show_a_value_given_by_unit_as_its_sum(folder: Path) -> None:
    path = str(folder / "kaupunki.yaml")
    assert hankinta("record", path, "L", "--period", "2023", "--unit-breakdown", "Sote=2",
                    "--unit-breakdown", "Tekninen=5").code == 0
    md = hankinta("report", path, "-f", "md", "--since", "2000-01-01", "--as-of", "2099-12-31").stdout
    # the changes section: 2 + 5 (not "–"), and partial: Sivistys is expected and missing
    (line,) = [row for row in md.splitlines() if row.startswith("| L | Muut kilpailutukset | Uusi arvo 2023")]
    assert line.replace("\u00a0", " ").startswith("| L | Muut kilpailutukset | Uusi arvo 2023: 7 "
                                                   "(osittainen: Sivistys puuttuu) |")


def test_an_unknown_unit_where_there_are_none_says_where_units_come_from() -> None:
    run = hankinta("units", "--root", str(ROOT / "programmes"), "--unit", "Sote")
    assert run.code == 2 and "Traceback" not in run.stderr
    assert "ohjelmissa ei ole yksiköittäin eriteltyjä arvoja" in run.stderr and "--unit-breakdown" in run.stderr


def test_import_reads_a_breakdown_column(folder: Path) -> None:
    """`import` takes `erittely` like `record --unit-breakdown`: a count by unit alone becomes its
    sum; a value its units do not add up to is refused at its row (nothing written); `--replace`
    with units alone drops the old value, so value and units never disagree."""
    path = folder / "kaupunki.yaml"
    sheet = folder / "arvot.csv"
    sheet.write_text("mittari,kausi,arvo,erittely\nL,2023,9,Sote=2; Tekninen=3\n", encoding="utf-8")
    before = path.read_bytes()
    bad = hankinta("import", str(path), str(sheet))
    assert bad.code == 1 and "erittelyn summa 5 ei ole arvo 9" in bad.stdout + bad.stderr
    assert path.read_bytes() == before
    sheet.write_text("mittari,kausi,arvo,erittely\nL,2023,,Sote=2; Tekninen=3\nL,2024,,Sote=4; Tekninen=1\n",
                     encoding="utf-8")
    taken = hankinta("import", str(path), str(sheet))
    assert taken.code == 1 and path.read_bytes() == before  # 2024 holds 6: --replace needed
    done = hankinta("import", str(path), str(sheet), "--replace")
    assert done.code == 0, done.stdout + done.stderr
    data = hankinta("indicators", str(path), "-f", "json", "--as-of", "2025-06-30").json()
    series = {s["period"]: s["value"] for s in next(i for i in data["indicators"] if i["id"] == "L")["series"]}
    assert series["2023"] == 5 and series["2024"] == 5
    text = path.read_text(encoding="utf-8")
    assert "{period: 2024, value: 6}" not in text and "Tekninen: 1" in text
