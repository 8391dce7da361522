"""`hankinta calendar`: the public procurement calendar. Selection (public items only, grouped by
quarter over the rolling horizon), the three writers (HTML in Chromium with axe, iCalendar parsed
back by the `icalendar` library, CSV imported back into its plan with an empty diff), hostile text
in each, and the command's refusals."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from browser import HAVE_AXE, axe_violations
from conftest import hankinta
from hankinta_cli.computing.calendar import GroupKind, calendar
from hankinta_cli.reading.plans import load_plan

HOSTILE = Path(__file__).resolve().parent / "hostile" / "calendar_plan.yaml"
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "plans" / "esimerkkila-hankintasuunnitelma.yaml"
AS_OF = "2026-02-01"
#: What the hostile plan holds but must never publish: a non-public value (as typed and as Babel
#: writes it), the internal note, a history note, the contact person, left-out items.
SECRETS = ("987654", "987 654", "987\u00a0654", "987,654", "SISÄINEN-HUOMIO", "HISTORIA-SALAISUUS", "Salainen",
           "040-1234567", "PERUTTU-HANKINTA", "KILPAILUTETTU-HANKINTA", "HORISONTIN-TAKANA")


@pytest.fixture
def plan_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "plans").mkdir()
    shutil.copy(HOSTILE, tmp_path / "plans" / "vihamielinen.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "plans"


def make(suffix: str, *args: str) -> bytes:
    out = Path(f"kalenteri{suffix}")
    run = hankinta("calendar", "vihamielinen", "-o", str(out), "--as-of", AS_OF, *args)
    assert run.code == 0, run.stderr
    return out.read_bytes()


def test_selection_keeps_public_items_in_quarter_groups() -> None:
    cal = calendar([load_plan(HOSTILE)], dt.date(2026, 2, 1))
    shown = [(g.kind, g.year, g.part, [i.id for i in g.items]) for g in cal.groups]
    assert shown == [(GroupKind.EARLIER, None, None, ["V-5"]),  # planned 2025-Q4, still to come
                     (GroupKind.QUARTER, 2026, 1, ["V-1"]),  # a day goes under its quarter
                     (GroupKind.QUARTER, 2026, 2, ["V-9"]),  # a month too; tendering under way stays
                     (GroupKind.HALF, 2026, 2, ["V-2"]),  # after the quarters it spans
                     (GroupKind.YEAR, 2026, None, ["V-3"]),
                     (GroupKind.OPEN, None, None, ["V-4"])]
    # cancelled, tendered and beyond the 12-month horizon (V-8, 2027-Q2) are left out
    assert cal.plans[0].horizon_end == dt.date(2027, 2, 1)
    values = {i.id: i.value for i in cal.items}
    assert values["V-1"] == 123456 and values["V-2"] is None and values["V-3"] is None  # not public: never
    assert not hasattr(cal.items[0], "note") and not hasattr(cal.items[0], "contact")
    assert {i.shown_unit for i in cal.items} >= {"Tavarat"}


def test_nothing_internal_in_any_format(plan_dir: Path) -> None:
    for suffix in (".html", ".csv", ".ics"):
        for lang in ("fi", "en"):
            text = make(suffix, "--lang", lang).decode("utf-8")
            # iCalendar folds long lines: unfold before looking
            flat = text.replace("\r\n ", "").replace("\\,", ",")
            leaked = [s for s in SECRETS if s in flat]
            assert leaked == [], (suffix, lang, leaked)
            assert "123456" in flat or "123 456" in flat or "123\u00a0456" in flat or "123,456" in flat


def test_html_is_self_contained_escaped_and_in_both_languages(plan_dir: Path) -> None:
    html = make(".html").decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="fi">' in html
    assert "<script" not in html and "<img" not in html and "<b>" not in html  # plan text stays text
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "\u202e" not in html
    assert 'src="' not in html and 'href="' not in html and "@import" not in html and "url(" not in html
    assert "@media print" in html and "<caption>" in html and '<th scope="row">' in html
    assert "1. neljännes 2026" in html and "2026 (tarkempi ajankohta avoin)" in html
    assert "17.3.2026" in html and "helmikuu 2026" in html and "123\u00a0456\u00a0€" in html
    assert "1.2.2026–1.2.2027 (12 kk)" in html  # what the calendar covers
    en = make(".html", "--lang", "en").decode("utf-8")
    assert '<html lang="en">' in en and "Q1 2026" in en and "17 Mar 2026" in en and "February 2026" in en
    assert "123,456\u00a0€" in en and "Time not yet planned" in en and "Hankintailmoitus" not in en


@pytest.mark.skipif(not HAVE_AXE, reason="needs Chromium and axe-core (HANKINTA_AXE_JS; .ci/run installs both)")
def test_html_passes_wcag_checks_in_chromium(plan_dir: Path, tmp_path: Path) -> None:
    html = make(".html").decode("utf-8")
    example = tmp_path / "esimerkki.html"
    assert hankinta("calendar", str(EXAMPLE), "-o", str(example), "--as-of", "2026-01-15", "--lang", "en").code == 0
    both = html.replace("</main>", example.read_text(encoding="utf-8").split("<main>")[1].split("</main>")[0]
                        + "</main>")  # one browser run for both pages' tables
    assert axe_violations(both, tmp_path / "axe") == []


def test_ics_parses_back_with_stable_uids_and_escaped_text(plan_dir: Path) -> None:
    from icalendar import Calendar

    raw = make(".ics")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "long lines are folded at 75 octets"
    cal = Calendar.from_ical(raw)
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert sorted(events) == sorted([
        "vihamielinen/V-5/notice@hankinta", "vihamielinen/V-1/notice@hankinta",
        "vihamielinen/V-1/dialogue@hankinta", "vihamielinen/V-9/notice@hankinta",
        "vihamielinen/V-2/notice@hankinta", "vihamielinen/V-3/notice@hankinta",
        "vihamielinen/V-3/dialogue@hankinta"])
    day = events["vihamielinen/V-1/notice@hankinta"]
    assert day.decoded("DTSTART") == dt.date(2026, 3, 17) and day.decoded("DTEND") == dt.date(2026, 3, 18)
    assert str(day["SUMMARY"]) == "Hankintailmoitus: Siivous, ikkunat; \\ ja <img src=x onerror=alert(1)> evil"
    assert "Rivi yksi, rivi kaksi; <b>lihava</b>" in str(day["DESCRIPTION"])
    assert "Arvioitu arvo: 123\u00a0456\u00a0€" in str(day["DESCRIPTION"])
    assert day.decoded("DTSTAMP") == dt.datetime(2026, 2, 1, tzinfo=dt.UTC)  # the as-of day, not the clock
    month = events["vihamielinen/V-1/dialogue@hankinta"]  # a month spans the month
    assert (month.decoded("DTSTART"), month.decoded("DTEND")) == (dt.date(2026, 2, 1), dt.date(2026, 3, 1))
    assert str(month["SUMMARY"]).endswith("(helmikuu 2026)")
    year = events["vihamielinen/V-3/notice@hankinta"]
    assert (year.decoded("DTSTART"), year.decoded("DTEND")) == (dt.date(2026, 1, 1), dt.date(2027, 1, 1))
    assert "Arvioitu arvo" not in str(events["vihamielinen/V-2/notice@hankinta"]["DESCRIPTION"])
    again = make(".ics")
    assert again == raw, "the same plan and day give the same file (UIDs, stamps)"
    en = Calendar.from_ical(make(".ics", "--lang", "en"))
    assert str(next(iter(en.walk("VEVENT")))["SUMMARY"]).startswith("Contract notice: ")


def test_the_calendar_name_is_escaped_as_text(plan_dir: Path) -> None:
    """NAME and X-WR-CALNAME are TEXT (RFC 7986, 5545 3.3.11): a comma, a semicolon and a
    backslash in the plan's name are escaped in both."""
    path = plan_dir / "vihamielinen.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('name: "Kalenteri <script>', 'name: "Suunnitelma a,b;c\\\\d <script>'),
                    encoding="utf-8")
    raw = make(".ics").decode()
    assert "\r\nNAME:Suunnitelma a\\,b\\;c\\\\d" in raw, raw[:400]
    assert "\r\nX-WR-CALNAME:Suunnitelma a\\,b\\;c\\\\d" in raw


def test_csv_imports_back_into_its_plan_unchanged(plan_dir: Path) -> None:
    raw = make(".csv")
    assert raw.startswith(b"\xef\xbb\xbf\"Tunniste\",\"Hankinta\",\"Kuvaus\",\"Yksikk\xc3\xb6\"")
    text = raw.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'@SUM" in text  # formulas stay text in a spreadsheet
    assert text.count("\r\n") >= 7
    before = (plan_dir / "vihamielinen.yaml").read_bytes()
    run = hankinta("plan", "import", "vihamielinen", "kalenteri.csv", "--dry-run")
    assert run.code == 0 and run.stdout == "", run.stdout  # an empty diff
    run = hankinta("plan", "import", "vihamielinen", "kalenteri.csv")
    assert run.code == 0 and "ei muutoksia" in run.stderr, run.stderr
    assert (plan_dir / "vihamielinen.yaml").read_bytes() == before


def test_csv_of_the_example_plan_round_trips(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "plans").mkdir()
    plan = Path(shutil.copy(EXAMPLE, tmp_path / "plans" / EXAMPLE.name))
    monkeypatch.chdir(tmp_path)
    assert hankinta("calendar", "-o", "k.csv", "--as-of", "2026-01-15").code == 0
    run = hankinta("plan", "import", "esimerkkila-hankintasuunnitelma", "k.csv", "--dry-run")
    assert run.code == 0 and run.stdout == ""
    assert plan.read_bytes() == EXAMPLE.read_bytes()


def test_refusals_write_nothing(plan_dir: Path) -> None:
    run = hankinta("calendar", "vihamielinen", "-o", "kalenteri.pdf", "--lang", "en")
    assert run.code == 2 and "must end in .html, .csv or .ics" in run.stderr and not Path("kalenteri.pdf").exists()
    # a plan under a calendar's name is never written over (nor is a programme)
    disguised = Path("vanha.ics")
    disguised.write_text("plan_version: 1\nid: x\n", encoding="utf-8")
    run = hankinta("calendar", "vihamielinen", "-o", str(disguised))
    assert run.code == 2 and disguised.read_text(encoding="utf-8") == "plan_version: 1\nid: x\n", run.stderr
    run = hankinta("calendar", "vihamielinen", "-o", str(plan_dir / "vihamielinen.yaml"))
    assert run.code == 2
    shutil.copy(HOSTILE, plan_dir / "toinen.yaml")
    (plan_dir / "toinen.yaml").write_text(HOSTILE.read_text(encoding="utf-8").replace("id: vihamielinen", "id: toinen"),
                                          encoding="utf-8")
    run = hankinta("calendar", "-o", "kaksi.csv", "--lang", "en")
    assert run.code == 2 and "one plan" in run.stderr and not Path("kaksi.csv").exists()
    assert hankinta("calendar", "-o", "kaksi.html").code == 0  # HTML and .ics take several plans
    run = hankinta("calendar", "ei-ole", "-o", "x.html")
    assert run.code == 2 and not Path("x.html").exists()
    (plan_dir / "rikki.yaml").write_text("plan_version: 1\nid: rikki\nname: R\n", encoding="utf-8")
    run = hankinta("calendar", "rikki", "-o", "x.html")
    assert run.code == 1 and "Traceback" not in run.stderr and not Path("x.html").exists()
    assert hankinta("calendar", "vihamielinen").code == 2  # -o is required


def test_two_plans_with_one_id_are_refused(plan_dir: Path) -> None:
    """Their events would share UIDs (a calendar application keeps one) and the site would write
    one plan's open data over the other's."""
    text = HOSTILE.read_text(encoding="utf-8")
    (plan_dir / "kopio.yaml").write_text(text.replace("id: vihamielinen", "id: VIHAMIELINEN"), encoding="utf-8")
    for out in ("kaksi.ics", "kaksi.html"):
        run = hankinta("calendar", "-o", out, "--as-of", AS_OF)
        assert run.code == 2 and "sama tunniste" in run.stderr and "kopio.yaml" in run.stderr, run.stderr
        assert "Traceback" not in run.stderr and not Path(out).exists()
    run = hankinta("plan", "--lang", "en")
    assert run.code == 2 and "two plans have the id" in run.stderr


def test_a_contract_with_one_end_shows_one_dash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "plans").mkdir()
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("contract: {start: 2026-08-01, end: 2029-07-31, options: 2 × 1 vuosi}",
                        "contract: {start: 2026-08-01, options: 2 × 1 vuosi}")
    text = text.replace("contract: {start: 2027-01-15, end: 2028-06-30}", "contract: {end: 2028-06-30}")
    (tmp_path / "plans" / "p.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert hankinta("calendar", "-o", "k.html", "--as-of", "2026-01-15").code == 0
    html = Path("k.html").read_text(encoding="utf-8")
    assert "<td>1.8.2026–, optiot 2 × 1 vuosi</td>" in html and "<td>–30.6.2028</td>" in html
    assert "––" not in html
