"""Words (issue 12, item 6): number agreement after a count, Click's own texts in Finnish,
libyaml's problems in Finnish, hints that fit where the input came from, "did you mean" of the
same shape, and one meaning of "ei tietoa"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import hankinta
from hankinta_cli.checking.findings import Finding
from hankinta_cli.i18n import t

COUNTS = (0, 1, 2, 21)


def programme(folder: Path, measures: int, indicators: int, name: str = "p.yaml") -> Path:
    """A programme with `measures` measures (no owner) and `indicators` indicators without values."""
    ms = "".join(f'          - {{id: "1.{i + 1}", title: Toimenpide {i + 1}}}\n' for i in range(measures))
    inds = "".join(f"          - {{id: M{i + 1}, name: Mittari {i + 1}, kind: lukumäärä}}\n"
                   for i in range(indicators))
    text = (f"schema_version: 1\nid: {Path(name).stem}\nname: Ohjelma\norganisation: Kunta\nthemes:\n"
            "  - id: T1\n    name: Teema\n    goals:\n      - id: \"1\"\n        title: Tavoite\n"
            + ("        measures:\n" + ms if measures else "")
            + ("        indicators:\n" + inds if indicators else ""))
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- a. number agreement: one mechanism (i18n.NOUNS and "{count:noun}") for every count ---

#: (message key, arguments, the count's argument, fi after 1, fi after others, en after 1, en after others)
FAMILIES = [
    ("summary", {"errors": 0, "warnings": 0}, "files", "1 tiedosto tarkistettu", "{n} tiedostoa tarkistettu",
     "1 file checked", "{n} files checked"),
    ("summary", {"files": 0, "warnings": 0}, "errors", ": 1 virhe,", ": {n} virhettä,", ": 1 error,",
     ": {n} errors,"),
    ("summary", {"files": 0, "errors": 0}, "warnings", ", 1 varoitus", ", {n} varoitusta", ", 1 warning",
     ", {n} warnings"),
    ("import_bad_rows", {"file": "a.csv"}, "count", "1 virheellinen rivi,", "{n} virheellistä riviä,",
     "1 bad row,", "{n} bad rows,"),
    ("imported", {"replaced": 0, "history": 0}, "obs", "tuotu 1 uusi arvo,", "tuotu {n} uutta arvoa,",
     "imported 1 new value,", "imported {n} new values,"),
    ("imported", {"obs": 0, "history": 0}, "replaced", "1 korvattu arvo ja", "{n} korvattua arvoa ja",
     "1 replaced value and", "{n} replaced values and"),
    ("imported", {"obs": 0, "replaced": 0}, "history", "ja 1 tilamerkintä", "ja {n} tilamerkintää",
     "and 1 status entry", "and {n} status entries"),
    ("more", {"code": "HK101"}, "n", "ja 1 muu HK101-löydös tässä", "ja {n} muuta HK101-löydöstä tässä",
     "and 1 more HK101 finding in", "and {n} more HK101 findings in"),
    ("import_xlsx_parts", {"file": "a.xlsx", "limit": 9}, "count", "on 1 osa (", "on {n} osaa (",
     "has 1 part (", "has {n} parts ("),
    ("import_xlsx_sheets", {"file": "a.xlsx", "elements": 5}, "sheets", "on 1 välilehti ja",
     "on {n} välilehteä ja", "has 1 sheet and", "has {n} sheets and"),
    ("import_xlsx_sheets", {"file": "a.xlsx", "sheets": 5}, "elements", "1 XML-elementti;",
     "{n} XML-elementtiä;", "1 XML element in", "{n} XML elements in"),
    ("several_programmes", {"name": "x", "names": "a, b"}, "count", "on 1 ohjelma (", "on {n} ohjelmaa (",
     "holds 1 programme (", "holds {n} programmes ("),
]


@pytest.mark.parametrize("n", COUNTS)
@pytest.mark.parametrize(("key", "args", "count", "fi_one", "fi_other", "en_one", "en_other"), FAMILIES,
                         ids=[f"{f[0]}-{f[2]}" for f in FAMILIES])
def test_messages_agree_with_their_count(key: str, args: dict[str, object], count: str, fi_one: str,
                                         fi_other: str, en_one: str, en_other: str, n: int) -> None:
    fi, en = t(key, "fi", **args, **{count: n}), t(key, "en", **args, **{count: n})
    assert (fi_one if n == 1 else fi_other.format(n=n)) in fi
    assert (en_one if n == 1 else en_other.format(n=n)) in en


@pytest.mark.parametrize("n", COUNTS)
def test_finding_texts_agree_with_their_count(n: int) -> None:
    more = Finding("HK111", 1, 1, "", {"count": n, "limit": 50})
    fi, en = more.message("fi"), more.message("en")
    assert ("vielä 1 muu rakennevirhe (" if n == 1 else f"vielä {n} muuta rakennevirhettä (") in fi
    assert ("has 1 more structure error (" if n == 1 else f"has {n} more structure errors (") in en
    assert more.texts("fi")[0] == fi


def test_too_short_list_says_how_many_items(tmp_path: Path) -> None:
    from hankinta_cli.checking.validate import _PROBLEMS
    from hankinta_cli.i18n import fill

    fi, en = _PROBLEMS["too_short"]
    assert fill(fi, "fi", {"min_length": 1}) == "pitää olla vähintään 1 kohta"
    assert fill(fi, "fi", {"min_length": 2}) == "pitää olla vähintään 2 kohtaa"
    assert fill(en, "en", {"min_length": 1}) == "needs at least 1 item"
    assert fill(en, "en", {"min_length": 21}) == "needs at least 21 items"


def test_check_summary_through_the_cli(tmp_path: Path) -> None:
    one = programme(tmp_path, 1, 1)
    run = hankinta("check", str(one))
    assert "1 tiedosto tarkistettu: 0 virhettä, 2 varoitusta" in run.stderr, run.stderr  # no period, follow-up
    programme(tmp_path, 1, 1, "q.yaml")
    assert "2 files checked: 0 errors, 4 warnings" in hankinta("check", str(tmp_path), "--lang", "en").stderr


@pytest.mark.parametrize("n", COUNTS)
def test_report_summary_agrees_with_its_counts(tmp_path: Path, n: int) -> None:
    path = programme(tmp_path, n, n)
    fi = hankinta("report", str(path), "-f", "md", "--as-of", "2025-01-01")
    en = hankinta("report", str(path), "-f", "md", "--as-of", "2025-01-01", "--lang", "en")
    assert fi.code == en.code == 0, fi.stderr
    html = hankinta("report", str(path), "-f", "html", "--as-of", "2025-01-01") if n in (1, 2) else None
    if n == 1:
        assert "**1** toimenpide, " in fi.stdout and "; **1** mittari." in fi.stdout
        assert "**1** measure, " in en.stdout and "; **1** indicator." in en.stdout
        assert html is not None and "<strong>1</strong>toimenpide</div>" in html.stdout
    else:
        assert f"**{n}** toimenpidettä, " in fi.stdout and f"; **{n}** mittaria." in fi.stdout
        assert f"**{n}** measures, " in en.stdout and f"; **{n}** indicators." in en.stdout
        assert html is None or f"<strong>{n}</strong>mittaria</div>" in html.stdout
    if n == 21:  # more owners missing than the decisions list has room for: counted in one line
        assert "21 toimenpidettä ilman vastuutahoa" in fi.stdout
        assert "21 measures without a responsible party" in en.stdout


# --- b. Click's own texts in the run's language, decided from the raw arguments ---

USAGE_ERRORS = [  # (arguments, Finnish, English)
    (["chek"], "Virhe: Komentoa 'chek' ei ole. Tarkoititko 'check'", "Error: No such command 'chek'. Did you mean"),
    (["check", "--nope"], "Virhe: Tuntematon valitsin: --nope", "Error: No such option: --nope"),
    (["check", "-f", "xml"], "Virhe: Virheellinen arvo kohdassa '--format' / '-f': 'xml' ei ole mikään näistä: "
     "'text', 'json', 'github'.", "Error: Invalid value for '--format' / '-f': 'xml' is not one of"),
    (["record"], "Virhe: Argumentti 'PROGRAMME' puuttuu.", "Error: Missing argument 'PROGRAMME'."),
    (["status", "set", "a", "b", "c", "d"], "Virhe: Ylimääräisiä argumentteja: d",
     "Error: Got unexpected extra argument(s) (d)"),
    (["check", "--format"], "Virhe: Valitsin '--format' tarvitsee arvon.",
     "Error: Option '--format' requires an argument."),
    (["status", "set", "p"], "Virhe: Argumentti 'MEASURE' puuttuu.", "Error: Missing argument 'MEASURE'."),
]


@pytest.mark.parametrize(("args", "fi", "en"), USAGE_ERRORS, ids=[" ".join(a[0]) for a in USAGE_ERRORS])
def test_usage_errors_speak_the_language_asked(args: list[str], fi: str, en: str) -> None:
    run = hankinta(*args)
    assert run.code == 2 and fi in run.stderr, run.stderr
    assert "Usage" not in run.stderr and "Error" not in run.stderr and "Try " not in run.stderr
    with_usage = run.stderr.startswith("Käyttö: ")  # Click knows no command for an option's missing value
    assert with_usage == ("--format" not in args) and with_usage == ("\nOhje: " in run.stderr)
    last = -1 if args[-1] == "--format" else len(args)  # after it, --lang would be the format
    for english in (hankinta(*args[:last], "--lang", "en", *args[last:]), hankinta(*args, env={"HANKINTA_LANG": "en"}),
                    hankinta(*args[:last], "--lang=en", *args[last:])):
        assert english.code == 2 and en in english.stderr, english.stderr
        assert english.stderr.startswith("Usage: ") == with_usage == ("Try '" in english.stderr)


def test_lang_given_after_the_mistake_still_decides() -> None:
    """--lang is read from the raw arguments before Click parses them: an unknown option that comes
    before --lang is already reported in English, and --lang wins over HANKINTA_LANG."""
    run = hankinta("check", "--nope", "--lang", "en", env={"HANKINTA_LANG": "fi"})
    assert run.code == 2 and "Error: No such option: --nope" in run.stderr, run.stderr
    run = hankinta("check", "--nope", "--lang", "fi", env={"HANKINTA_LANG": "en"})
    assert run.code == 2 and "Virhe: Tuntematon valitsin: --nope" in run.stderr, run.stderr


def test_help_in_finnish_by_default_and_english_on_request() -> None:
    fi = hankinta("check", "--help")
    assert fi.code == 0
    fi.stdout = " ".join(fi.stdout.split())
    for word in ("Käyttö: ", "[VALITSIMET]", "Argumentit:", "Valitsimet:", "Näytä tämä ohje ja lopeta.",
                 "[oletus: text]", "ympäristömuuttuja: HANKINTA_LANG"):
        assert word in fi.stdout, word
    assert "Show this message" not in fi.stdout and "Options:" not in fi.stdout
    top = hankinta("--help")
    assert "Komennot:" in top.stdout and "KOMENTO [ARGUMENTIT]..." in top.stdout
    assert "Näytä tämä ohje ja lopeta." in hankinta().stdout + hankinta().stderr  # no arguments: the help
    en = hankinta("check", "--help", "--lang", "en")
    for word in ("Usage: ", "Arguments:", "Options:", "Show this message and exit.", "[default: text]"):
        assert word in en.stdout, word
    assert "Commands:" in hankinta("--help", env={"HANKINTA_LANG": "en"}).stdout


# --- c. libyaml's common problems in Finnish (HK010), the rest as libyaml wrote them ---

YAML_CASES = [  # (a broken line, Finnish, English as libyaml says it)
    ("a: b: c", "avain–arvo-pari ei ole sallittu tässä kohdassa", "mapping values are not allowed in this context"),
    ("a: @x", "merkki, jolla mikään YAML-arvo ei voi alkaa", "found character that cannot start any token"),
    ("a:\n  b: 1\n c: 2", "avain–arvo-rakennetta luettaessa: odotettua avainta ei löytynyt",
     "while parsing a block mapping: did not find expected key"),
    ("a: !x!y 1", "tuntematon tagi", "found undefined tag handle"),
    ("a: 'abc", "lainausmerkeissä olevaa arvoa luettaessa: tiedosto päättyi kesken",
     "while scanning a quoted scalar: found unexpected end of stream"),
    ("a: [1, 2", "odotettua pilkkua ',' tai sulkua ']' ei löytynyt", "did not find expected ',' or ']'"),
    ("a: 1\x07", "merkki U+0007 ei ole sallittu: ohjausmerkit eivät ole sallittuja",
     "character U+0007 is not allowed: control characters are not allowed"),
]


@pytest.mark.parametrize(("line", "fi", "en"), YAML_CASES, ids=[c[2][:30] for c in YAML_CASES])
def test_yaml_problems_in_finnish(tmp_path: Path, line: str, fi: str, en: str) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(f"schema_version: 1\n{line}\n", encoding="utf-8")
    run = hankinta("check", str(path), "--no-cache")
    assert run.code == 1 and "HK010 YAML-syntaksivirhe: " in run.stdout and fi in run.stdout, run.stdout
    assert en not in run.stdout
    english = hankinta("check", str(path), "--no-cache", "--lang", "en")
    assert "HK010 YAML syntax error: " in english.stdout and en in english.stdout, english.stdout


def test_an_unknown_yaml_problem_is_shown_as_libyaml_wrote_it() -> None:
    from hankinta_cli.i18n import yaml_problem

    assert yaml_problem("while doing something new", "found something odd") == (
        "while doing something new: found something odd", "while doing something new: found something odd")
    fi, en = yaml_problem("while scanning for the next token", "found character that cannot start any token", True)
    assert fi.startswith("merkki, jolla") and fi.endswith("(sarkainmerkki: sisennä välilyönneillä)")
    assert en.endswith("token (tab character: indent with spaces)")


# --- d. a refused edit speaks of the value given, not of a file never written ---

def test_a_refused_record_names_no_line_and_no_yaml_advice(tmp_path: Path) -> None:
    from conftest import copy_programme

    path = copy_programme("hyvinkaa.yaml", tmp_path)
    before = path.read_bytes()
    run = hankinta("record", str(path), "M3.3", "--period", "2024", "--value", "150 %")
    assert run.code == 1 and path.read_bytes() == before
    assert "virhe HK311 prosenttiarvon pitää olla välillä 0–100, nyt 150" in run.stderr, run.stderr
    assert "vihje: Anna prosentti väliltä 0–100, esim. 12,5 tai 12,5 %." in run.stderr
    assert "ilman %" not in run.stderr and "value:" not in run.stderr
    assert "hyvinkaa.yaml:" not in run.stderr.replace(f"{path}: muutoksen", "")  # no file:line:column
    en = hankinta("record", str(path), "M3.3", "--period", "2024", "--value", "150", "--lang", "en")
    assert "error HK311 a percentage must be between 0 and 100, got 150" in en.stderr
    assert "hint: Give a percentage between 0 and 100, e.g. 12.5 or 12.5 %." in en.stderr
    assert "without %" not in en.stderr and ".yaml:" not in en.stderr.replace(f"{path}: the file", "")


def test_the_same_finding_in_a_file_keeps_its_place_and_file_hint(tmp_path: Path) -> None:
    path = programme(tmp_path, 1, 0)
    path.write_text(path.read_text(encoding="utf-8") + "        indicators:\n          - {id: P, name: Osuus, "
                    "kind: prosentti, observations: [{period: 2024, value: 150}]}\n", encoding="utf-8")
    run = hankinta("check", str(path))
    assert "p.yaml:12:" in run.stdout and "ilman %-merkkiä" in run.stdout, run.stdout


def test_a_value_that_is_not_a_number_says_so_in_one_language(tmp_path: Path) -> None:
    from conftest import copy_programme

    path = copy_programme("hyvinkaa.yaml", tmp_path)
    fi = hankinta("record", str(path), "M3.3", "--period", "2024", "--value", "kolme")
    assert fi.code == 2 and "arvo 'kolme' ei ole luku" in fi.stderr and "a number" not in fi.stderr
    en = hankinta("record", str(path), "M3.3", "--period", "2024", "--value", "kolme", "--lang", "en")
    assert "value 'kolme' is not a number" in en.stderr and "luku" not in en.stderr


# --- e. "did you mean" proposes ids of the same shape (checking/validate.py: suggest) ---

def test_did_you_mean_proposes_ids_of_the_same_shape() -> None:
    from hankinta_cli.checking.validate import suggest

    assert suggest("3.7", ["M3", "3.1", "3.2", "M7"]) in ("3.1", "3.2")
    assert suggest("3.7", ["M3", "M7", "3.1.1"]) == ""
    assert suggest("M16.3x", ["M13", "M16", "M16.3b", "M1.3"]) == "M16.3b"
    assert suggest("M16.3x", ["M13", "M16"]) == ""
    assert suggest("m3", ["M3", "3"]) == "M3"
    assert suggest("valmsi", ["valmis", "käynnissä"]) == "valmis"  # words: any close one


def test_an_unknown_indicator_suggests_one_of_its_shape(tmp_path: Path) -> None:
    from conftest import copy_programme

    path = copy_programme("kajaani-2021-2023.yaml", tmp_path)
    run = hankinta("record", str(path), "M16.3x", "--period", "2024", "--value", "1")
    assert run.code == 2 and "Tarkoititko" not in run.stderr, run.stderr  # not 'M13'
    path = copy_programme("hyvinkaa.yaml", tmp_path)
    run = hankinta("record", str(path), "M16.3x", "--period", "2024", "--value", "1", "--lang", "en")
    assert "Did you mean 'M16.3b'?" in run.stderr, run.stderr
    run = hankinta("status", "set", str(path), "3.7", "valmis")
    assert "Tarkoititko '3." in run.stderr, run.stderr


# --- f. "ei tietoa" means one thing: an indicator with no value at all as of the day ---

def test_summary_and_report_count_the_same_no_data(tmp_path: Path) -> None:
    import re

    fixture = Path(__file__).parent / "fixtures" / "six_years.yaml"
    summary = hankinta("summary", str(fixture), "--as-of", "2025-06-30", "-f", "json")
    assert summary.code == 0, summary.stderr
    no_data = summary.json()["programmes"][0]["metrics"]["without_data"]
    md = hankinta("report", str(fixture), "--as-of", "2025-06-30", "-f", "md").stdout
    shown = re.findall(r"### Ei tietoa: mittarit ilman arvoja \((\d+)\)", md)
    assert shown == [str(no_data)], md
    table = hankinta("summary", str(fixture), "--as-of", "2025-06-30", env={"COLUMNS": "200"}).stdout
    assert "Ei tietoa" in table and f"│ {no_data} " in table
    # the on-track class of indicators that cannot be assessed (values but no target, too) has its own
    # words, so no other count stands beside "ei tietoa"
    assert "| – ei arvioitavissa | " in md and "– ei tietoa |" not in md
    en = hankinta("report", str(fixture), "--as-of", "2025-06-30", "-f", "md", "--lang", "en").stdout
    assert f"### No data: indicators without values ({no_data})" in en and "| – not assessable | " in en


def test_an_indicator_with_only_empty_computed_values_has_no_data(tmp_path: Path) -> None:
    from hankinta_cli.computing.ontrack import IndicatorStatus
    from hankinta_cli.vocab import Method, OnTrack

    ind = IndicatorStatus("J", "J", "suhde", None, next(iter(Method)), series=[("2024", None)])
    assert ind.without_values
    ind.series = [("2024", 0)]
    assert not ind.without_values
    ind.series, ind.on_track = [], OnTrack.UNDEFINED
    assert not ind.without_values  # counted as määrittelemättä instead


def _command_paths() -> list[list[str]]:
    """Every command and group of the CLI, as the words that reach it."""
    import typer

    from hankinta_cli.cli import app

    out: list[list[str]] = []

    def walk(command: Any, path: list[str]) -> None:  # typer's own copy of Click: groups have `commands`
        out.append(path)
        if hasattr(command, "commands"):
            for name, sub in command.commands.items():
                walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return out


def test_every_commands_help_is_in_finnish_and_english_on_request() -> None:
    # a group added without the clicktexts classes would show Click's English to a Finnish user
    paths = _command_paths()
    assert ["add", "measure"] in paths and ["status", "set"] in paths
    for path in paths:
        fi = hankinta(*path, "--help")
        assert fi.code == 0 and "Käyttö:" in fi.stdout and "Näytä tämä ohje ja lopeta" in fi.stdout, path
        assert "Usage:" not in fi.stdout and "Show this message" not in fi.stdout, path
    for path in ([], ["add"], ["add", "measure"], ["status", "set"]):  # English on request
        en = hankinta(*path, "--help", env={"HANKINTA_LANG": "en"})
        assert "Usage:" in en.stdout and "Show this message and exit" in en.stdout, path
