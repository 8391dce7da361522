"""Issue 12, item 4 (reading): what is coming up (`status --due-within`, the report's "Tulossa"),
`report --theme/--responsible`, a programme column over several programmes, tables that never split
a word in a narrow terminal, and unknown `--theme`/`--status` values refused with the valid ones."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest

from conftest import PROGRAMME_FILES, hankinta
from hankinta_cli.computing.measures import due_date
from hankinta_cli.model import Schedule

# as of 15.11.2024: "days" is how far each end date lies ahead (negative: late)
SCHEDULES = """\
schema_version: 1
id: aikataulut
name: Aikataulujen ohjelma
organisation: Esimerkkikunta
period: {start: 2024-01-01, end: 2026-12-31}
themes:
  - id: T1
    name: Ensimmäinen teema
    goals:
      - id: "1"
        title: Tavoite
        measures:
          - {id: "1.1", title: Vuoden loppuun, responsible: [hankintapalvelut], schedule: {year: 2024},
             status: käynnissä}                                               # 31.12.2024: 46 days
          - {id: "1.2", title: Kevään puolivuosi, responsible: [talous], schedule: {year: 2025, half: 1}}
          - {id: "1.3", title: Valmis jo, schedule: {year: 2024, quarter: 4}, status: valmis}
          - {id: "1.4", title: Määräpäivään, responsible: [hankintapalvelut], schedule: {due: 2024-12-01},
             status: ei aloitettu}                                            # 16 days
          - {id: "1.5", title: Jaksolla, schedule: {start: 2024-09-01, due: 2025-01-10}}  # 56 days
          - {id: "1.6", title: Sanallinen, schedule: {text: kevät 2025}}
          - {id: "1.7", title: Myöhässä jo, schedule: {due: 2024-10-31}}          # late: --overdue's
          - {id: "1.8", title: Keskeytetty, schedule: {year: 2024, quarter: 4}, status: keskeytetty}
          - {id: "1.9", title: Pysyvä käytäntö, schedule: {year: 2024}, status: jatkuva}
          - {id: "1.10", title: Vain alkupäivä, schedule: {start: 2024-01-01}}
  - id: T2
    name: Toinen teema
    measures:
      - {id: "2.1", title: Tänään, responsible: [Talous ja hallinto], schedule: {due: 2024-11-15}}  # 0 days
      - {id: "2.2", title: Ensi vuonna, responsible: [hankintapalvelut], schedule: {year: 2025, quarter: 1}}
"""
AS_OF = "2024-11-15"


@pytest.fixture
def schedules(tmp_path: Path) -> str:
    path = tmp_path / "aikataulut.yaml"
    path.write_text(SCHEDULES, encoding="utf-8")
    return str(path)


def ids(*args: str) -> list[str]:
    run = hankinta("status", *args, "-f", "json")
    assert run.code == 0, run.stderr
    return [r["id"] for r in run.json()["measures"]]


# --- a. what is coming up --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("schedule", "end"), [
    ({"year": 2024}, dt.date(2024, 12, 31)),
    ({"year": 2025, "half": 1}, dt.date(2025, 6, 30)),
    ({"year": 2025, "half": 2}, dt.date(2025, 12, 31)),
    ({"year": 2025, "quarter": 1}, dt.date(2025, 3, 31)),
    ({"year": 2024, "quarter": 3}, dt.date(2024, 9, 30)),
    ({"due": dt.date(2025, 2, 28)}, dt.date(2025, 2, 28)),
    ({"start": dt.date(2024, 1, 1), "due": dt.date(2024, 6, 30)}, dt.date(2024, 6, 30)),
    ({"start": dt.date(2024, 1, 1)}, None),
    ({"text": "kevät 2025"}, None),
])
def test_the_end_of_every_schedule_shape(schedule: dict[str, object], end: dt.date | None) -> None:
    assert due_date(Schedule.model_validate(schedule)) == end


def test_due_within_lists_open_measures_ending_in_the_window(schedules: str) -> None:
    assert ids(schedules, "--due-within", "60", "--as-of", AS_OF) == ["1.1", "1.4", "1.5", "2.1"]
    assert ids(schedules, "--due-within", "20", "--as-of", AS_OF) == ["1.4", "2.1"]
    assert ids(schedules, "--due-within", "0", "--as-of", AS_OF) == ["2.1"]
    # combines with the other filters; the late one stays --overdue's
    assert ids(schedules, "--due-within", "60", "--as-of", AS_OF, "--responsible", "hankinta") == ["1.1", "1.4"]
    assert ids(schedules, "--overdue", "--as-of", AS_OF) == ["1.7"]


def test_due_within_says_which_schedules_have_no_date(schedules: str) -> None:
    run = hankinta("status", schedules, "--due-within", "60", "--as-of", AS_OF, env={"COLUMNS": "200"})
    assert run.code == 0
    assert "1.6, 1.10" in run.stderr and "päivämäärää" in run.stderr
    assert "1.6" not in run.stdout
    quiet = hankinta("status", schedules, "--due-within", "60", "--as-of", AS_OF, "--theme", "T2")
    assert quiet.stderr == ""  # nothing without a date among what was asked for


def test_due_within_refuses_a_negative_window(schedules: str) -> None:
    run = hankinta("status", schedules, "--due-within", "-5")
    assert run.code == 2 and "Traceback" not in run.stderr


def coming_up(md: str, heading: str = "## Tulossa") -> str:
    """The "coming up" section of a Markdown report: from its heading to the next of its level."""
    start = md.index(heading)
    rest = md[start + len(heading):]
    end = re.search(r"^#{1,2} ", rest, re.M)
    return rest[: end.start()] if end else rest


def test_report_lists_what_is_coming_up_soonest_first(schedules: str) -> None:
    md = hankinta("report", schedules, "-f", "md", "--as-of", AS_OF).stdout
    section = coming_up(md)
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert [r.split("|")[1].strip() for r in rows] == ["2.1", "1.4", "1.1", "1.5"]
    assert "| 1.4 | Määräpäivään | 1.12.2024 | ○ ei aloitettu | hankintapalvelut |" in section
    assert "31.12.2024" in section and "_puuttuu_" in section  # 1.5 has no responsible party
    assert "60 päivän" in section and "1.6, 1.10" in section  # the window, and what has no date
    html = hankinta("report", schedules, "--as-of", AS_OF).stdout
    assert '<td class="nowrap">1.12.2024</td>' in html and "1.6, 1.10" in html
    wider = coming_up(hankinta("report", schedules, "-f", "md", "--as-of", AS_OF, "--horizon", "250").stdout)
    assert "| 1.2 |" in wider and "| 2.2 |" in wider and "250 päivän" in wider


def test_report_says_plainly_when_nothing_is_coming_up(schedules: str) -> None:
    md = hankinta("report", schedules, "-f", "md", "--as-of", "2026-01-01", "--lang", "en").stdout
    assert "Nothing is due in the next 60 days." in coming_up(md, "## Coming up")
    html = hankinta("report", schedules, "--as-of", "2026-01-01").stdout
    assert "Tulossa" in html and "Seuraavan 60 päivän aikana ei ole määräaikoja." in html


# --- b. report --theme / --responsible -------------------------------------------------------------------------

def test_report_theme_and_responsible_filter_like_status(schedules: str) -> None:
    md = hankinta("report", schedules, "-f", "md", "--as-of", AS_OF, "--theme", "T2").stdout
    assert "| 2.1 |" in md and "| 1.1 |" not in md and "Ensimmäinen teema" not in md
    assert re.search(r"\*\*2\*\* toimenpi", md)  # the summary counts what is shown
    # the same matching as status: part of a name, any case
    md = hankinta("report", schedules, "-f", "md", "--as-of", AS_OF, "--responsible", "TALOUS").stdout
    shown = sorted(set(re.findall(r"^\| (\d\.\d+) \|", md, re.M)))
    assert shown == sorted(ids(schedules, "--responsible", "TALOUS")) == ["1.2", "2.1"]
    assert "Rajaus" in md and "TALOUS" in md  # the report says it is a selection


# --- c. a programme column over several programmes -------------------------------------------------------------

def test_status_over_several_programmes_names_the_programme() -> None:
    wide = {"COLUMNS": "400"}
    table = hankinta("status", env=wide).stdout
    head = table.splitlines()[1]
    assert "Ohjelma" in head and "kajaani-2021-2023" in table and "hyvinkaa" in table
    one = hankinta("status", "hyvinkaa", env=wide).stdout
    assert "Ohjelma" not in one.splitlines()[1]
    # JSON and CSV name each row's programme already (test_cli; `import` checks the CSV's)


# --- d. no word split across lines in a narrow terminal --------------------------------------------------------

BOX = re.compile(r"[\u2500-\u257f\s]+")


def words(text: str) -> set[str]:
    return {w for line in text.splitlines() for w in BOX.split(line) if w}


@pytest.mark.parametrize("path", PROGRAMME_FILES, ids=[p.stem for p in PROGRAMME_FILES])
def test_no_word_is_split_in_a_narrow_terminal(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hankinta_cli.computing.metrics import evaluate_programme
    from hankinta_cli.computing.overview import overview
    from hankinta_cli.computing.selection import Selection
    from hankinta_cli.presenting.output.indicators import write_indicators
    from hankinta_cli.presenting.output.status import write_rows
    from hankinta_cli.reading.read import load_programme

    programme = load_programme(path)
    assert programme is not None
    as_of = dt.date(2025, 1, 1)
    rows = overview([programme], as_of, Selection(), None, False).rows
    status = evaluate_programme(programme, as_of)

    def shown(columns: int, indicators: bool = True) -> list[str]:
        monkeypatch.setenv("COLUMNS", str(columns))
        out = [io.StringIO(), io.StringIO()]
        write_rows(rows, "table", "fi", out[0])
        if indicators:
            write_indicators([status], None, None, "table", "fi", out[1])
        return [o.getvalue() for o in out if o.getvalue()]

    wide = shown(2000)
    for columns in (60, 80, 100):  # one record per row; a table with a light frame; a table whose columns fit
        for narrow, whole in zip(shown(columns, columns == 60), wide, strict=False):  # status, then indicators
            assert max(len(line) for line in narrow.splitlines()) <= columns
            # a word cut in two would show as two words that the wide table never has
            assert words(narrow) <= words(whole), sorted(words(narrow) - words(whole))[:10]
            # and nothing is lost but the head of a column empty in every row (a record leaves it out)
            assert words(whole) - words(narrow) <= {"Viimeisin", "huomio"}


# --- e. unknown --theme and --status values --------------------------------------------------------------------

@pytest.mark.parametrize("command", ["status", "indicators", "report"])
def test_an_unknown_theme_is_an_error_listing_the_themes(command: str, schedules: str) -> None:
    run = hankinta(command, schedules, "--theme", "T3")
    assert run.code == 2 and run.stdout == ""
    assert "T3" in run.stderr and "T1, T2" in run.stderr and "Traceback" not in run.stderr
    close = hankinta(command, schedules, "--theme", "t2", "--lang", "en")
    assert close.code == 2 and "Did you mean 'T2'?" in close.stderr


def test_a_theme_of_any_programme_read_is_known() -> None:
    # kajaani's theme ids, asked over every programme: the others simply have none of them
    theme = hankinta("status", "kajaani-2021-2023", "-f", "json").json()["measures"][0]["theme"]
    assert hankinta("status", "--theme", theme, "-f", "json").code == 0


def test_an_unknown_status_lists_the_statuses_in_the_language(schedules: str) -> None:
    fi = hankinta("status", schedules, "--status", "valmiz")
    assert fi.code == 2 and "Tarkoititko 'valmis'?" in fi.stderr and "ei aloitettu, käynnissä" in fi.stderr
    en = hankinta("status", schedules, "--status", "donne", "--lang", "en")
    assert en.code == 2 and "Did you mean 'done'?" in en.stderr and "not started, in progress" in en.stderr
    ind = hankinta("indicators", schedules, "--status", "jälessä")
    assert ind.code == 2 and "Tarkoititko 'jäljessä'?" in ind.stderr and "saavutettu, aikataulussa" in ind.stderr
    ind_en = hankinta("indicators", schedules, "--status", "behnd", "--lang", "en")
    assert ind_en.code == 2 and "Did you mean 'behind'?" in ind_en.stderr and "achieved, on track" in ind_en.stderr



def test_a_column_empty_in_every_row_gives_way_before_the_table_does(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from hankinta_cli.presenting.output.table import add_row, new_table, print_tables

    monkeypatch.setenv("COLUMNS", "80")
    table = new_table(None, ["Tunniste", "Nimi", "Tyhjä"], one_line=(0,))
    long_word = "hankinta" * 7 + "ohjelma"  # 63 characters: fits beside the id, not beside both
    add_row(table, "1.1", f"{long_word} ja muuta", "")
    add_row(table, "1.2", "lyhyt", "")
    out = io.StringIO()
    print_tables(out, table)
    text = out.getvalue()
    assert "Tyhjä" not in text and long_word in text
    assert any("Tunniste" in line and "Nimi" in line for line in text.splitlines())  # a table: one header row
    assert all(len(line) <= 80 for line in text.splitlines())


def test_a_default_terminal_shows_the_status_of_a_shipped_programme_as_a_table(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # 80 columns: the empty note column gives way and the frame gets lighter before rows become records
    monkeypatch.setenv("COLUMNS", "80")
    out = hankinta("status", "hyvinkaa").stdout
    assert any("Tunniste" in line and "Toimenpide" in line and "Aikataulu" in line for line in out.splitlines())
    assert max(len(line) for line in out.splitlines()) <= 80
