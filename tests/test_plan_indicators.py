"""A procurement plan's own indicators (`computing/plan_indicators.py`, `hankinta plan indicators`) and
the plan section of a programme's report. Every figure below is counted by hand from the notices
and items written out here."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, hankinta
from hankinta_cli.computing.plan_indicators import Period, calendar_current, on_schedule, plan_indicators
from hankinta_cli.notices.model import Amount, Lot, Notice, Organisation
from hankinta_cli.notices.select import current
from hankinta_cli.plan_model import Plan

BUYER = "0201256-6"
D = dt.date


def notice(nid: str, proc: str, day: dt.date, *, buyer: str = BUYER, form: str = "ContractNotice",
           kind: str = "cn-standard", value: str | None = None, currency: str = "EUR",
           lots: tuple[str, ...] = (), changes: str | None = None) -> Notice:
    return Notice(source=f"{nid}.xml", member=None, form=form, id=nid, version="01", type=kind, subtype=None,
                  dispatch_date=day, procedure_id=proc, changes=changes,
                  buyers=(Organisation("ORG-0001", buyer, "Testikunta", None, "FIN"),), title=None, nature=None,
                  cpv=None, procedure_type=None,
                  estimated_value=Amount(Decimal(value), currency) if value else None, notice_value=None,
                  lots=tuple(Lot(f"LOT-{i}", None, None, None, Amount(Decimal(v), "EUR"))
                             for i, v in enumerate(lots, 1)))


def plan(**extra: Any) -> Plan:
    data = {"plan_version": 1, "id": "testi", "name": "Testisuunnitelma", "organisation": "Testikunta",
            "business_id": BUYER, "threshold": 60000, "update_months": 6, "updated": "2025-11-28",
            "items": [
                # linked by its procedure (BT-04); announced 1.2.2025 inside its Q1 window; its history
                # says 10.4.2025, which counts only when no notices are given (then it is late)
                {"id": "A", "title": "Siivous", "notice": {"year": 2025, "quarter": 1}, "procedure_id": "P1",
                 "status": "kilpailutuksessa", "history": [{"date": "2025-04-10", "status": "kilpailutuksessa"}]},
                # linked by a notice that a change replaced: announced on the original's day 1.5.2025
                {"id": "B", "title": "Kalusteet", "notice": {"year": 2025, "month": 5}, "notice_ids": ["N3"]},
                # window ended 30.9.2025, never announced: late
                {"id": "C", "title": "Leasing-autot", "notice": {"year": 2025, "quarter": 3}},
                # announced early (history 15.12.2025) for a 2026-H1 window: on schedule, in 2026
                {"id": "D", "title": "Ruokapalvelut", "notice": {"year": 2026, "half": 1}, "status": "kilpailutettu",
                 "history": [{"date": "2025-12-15", "status": "kilpailutuksessa"},
                             {"date": "2026-02-01", "status": "kilpailutettu"}]},
                # marked announced but no day is known: undated, neither on time nor late
                {"id": "E", "title": "Työterveys", "notice": {"year": 2025, "half": 2}, "status": "kilpailutettu"},
                # cancelled: not counted
                {"id": "F", "title": "Peruttu", "notice": {"year": 2025, "quarter": 2}, "status": "peruttu"},
                # window still open on as_of: not yet due
                {"id": "G", "title": "Peruskorjaus", "notice": {"year": 2026, "month": 9}},
                # no planned date: not counted
                {"id": "H", "title": "Ilman ajankohtaa"},
            ]}
    return Plan.model_validate({**data, **extra})


AS_OF = D(2026, 6, 30)
READ = [
    notice("N1", "P1", D(2025, 2, 1), value="100000"),                    # in the plan (A), 2025
    notice("N2", "P2", D(2025, 3, 1), value="30000"),                     # other, under the threshold
    notice("N3", "P3", D(2025, 5, 1)),                                    # B's notice …
    notice("N4", "P3", D(2025, 6, 1), changes="N3-01"),                   # … replaced by this change
    notice("N5", "P4", D(2025, 7, 1), lots=("20000", "50000")),           # other, 70 000 by its lots
    notice("N6", "P5", D(2025, 8, 1), form="PriorInformationNotice", kind="pin-only"),  # no procurement
    notice("N7", "P6", D(2025, 9, 1), buyer="0112038-9"),                 # another buyer
    notice("N8", "P7", D(2026, 1, 10), form="ContractAwardNotice", kind="veat"),  # other, no value
    notice("N9", "P8", D(2026, 2, 1), value="10000", currency="SEK"),     # other, no value in euros
    notice("N10", "P9", D(2026, 7, 15), value="10000"),                   # after as_of: not yet
]


def computed(p: Plan, period: Period | None = None) -> Any:
    notices = current(READ)
    return plan_indicators([p], AS_OF, period, notices.procedures, READ)[0]


def test_procurements_in_the_plan_and_others_per_year() -> None:
    result = computed(plan())
    y2025, y2026 = result.in_plan
    assert (y2025.period, y2025.in_plan, y2025.other, y2025.below_threshold) == ("2025", ("P1", "P3"),
                                                                                   ("P2", "P4"), ("P2",))
    assert (y2025.ratio, y2025.share) == (1.0, 50.0)
    assert (y2026.in_plan, y2026.other, y2026.below_threshold) == ((), ("P7", "P8"), ())
    assert (y2026.ratio, y2026.share) == (0.0, 0.0)
    assert result.in_plan_gap is None and result.linked_plans == ("testi",)


def test_announced_on_schedule_with_notices_and_from_history() -> None:
    with_notices = computed(plan())
    y2025, y2026 = with_notices.on_schedule
    assert [d.id for d in y2025.on_time] == ["A", "B"] and [d.id for d in y2025.late] == ["C"]
    assert y2025.late[0].announced is None and y2025.undated == ("E",)
    assert (y2025.due, y2025.share) == (3, 66.7)
    assert [d.id for d in y2026.on_time] == ["D"] and y2026.late == () and y2026.share == 100.0
    # without notices A is announced by its history (10.4.2025, after its Q1 window); B names a
    # notice, so it went out, but on a day not known
    alone = on_schedule(plan(), AS_OF, Period.year(2025))
    assert alone.on_time == () and [(d.id, d.announced) for d in alone.late] == [("A", D(2025, 4, 10)), ("C", None)]
    assert (alone.undated, alone.share) == (("B", "E"), 0.0)
    # the whole plan at once (the report's figure): D on time; A, C late
    whole = on_schedule(plan(), AS_OF)
    assert (len(whole.on_time), len(whole.late), whole.share) == (1, 2, 33.3)


def test_a_period_asked() -> None:
    result = computed(plan(), Period("2025-H2", D(2025, 7, 1), D(2025, 12, 31)))
    (figure,) = result.in_plan
    assert (figure.in_plan, figure.other, figure.ratio) == ((), ("P4",), 0.0)
    (schedule,) = result.on_schedule
    assert [d.id for d in schedule.late] == ["C"] and schedule.on_time == () and schedule.undated == ("E",)


def test_calendar_kept_current_and_its_gaps() -> None:
    assert calendar_current(plan(), D(2026, 5, 28)).current is True  # 28.11.2025 + 6 months
    late = calendar_current(plan(), D(2026, 5, 29))
    assert (late.current, late.falls_due) == (False, D(2026, 5, 28))
    gap = calendar_current(plan(updated=None, update_months=None), AS_OF)
    assert (gap.current, gap.missing) == (None, ("updated", "update_months"))
    # the last day of a shorter month: 31.8. + 6 months falls due on 28.2.
    assert calendar_current(plan(updated="2025-08-31"), AS_OF).falls_due == D(2026, 2, 28)


def test_without_notices_or_business_id_the_figure_is_a_gap_not_zero() -> None:
    assert plan_indicators([plan()], AS_OF)[0].in_plan is None
    assert plan_indicators([plan()], AS_OF)[0].in_plan_gap == "no_notices"
    nobody = plan_indicators([plan(business_id=None)], AS_OF, None, current(READ).procedures, READ)[0]
    assert (nobody.in_plan, nobody.in_plan_gap) == (None, "no_business_id")


def test_unit_plans_of_one_buyer_link_together() -> None:
    unit = plan(id="tekninen", items=[{"id": "T1", "title": "Katuvalot", "procedure_id": "P4"}])
    first = plan_indicators([plan(), unit], AS_OF, None, current(READ).procedures, READ)[0]
    assert first.in_plan is not None and first.in_plan[0].in_plan == ("P1", "P3", "P4")
    assert first.linked_plans == ("testi", "tekninen")


# --- the command -------------------------------------------------------------------------------------

SDK = ROOT / "tests" / "notices"
OLD_IDS = ("123 456 789", "998298", "ABE")
#: SDK examples (see test_hilma.py) with the buyer's business id set: cn_24_FRA_comments (2019,
#: procedure e3cdabf1…), can_24_minimal (2019, award 390 697,84 €), pin-buyer_24_published (2020,
#: a PIN: no procurement), can_25_ENG_Buyers (2020, award 9,99 €), cn_24_maximal (2023, notice
#: 14549263…), veat_81 (2023).
FILES = ["cn_24_FRA_comments", "can_24_minimal", "pin-buyer_24_published", "can_25_ENG_Buyers", "cn_24_maximal",
         "veat_81"]
PLAN = f"""\
plan_version: 1
id: testi
name: Testisuunnitelma
organisation: Testikunta
business_id: {BUYER}
threshold: 60000
items:
  - {{id: A, title: Siivous, notice: {{year: 2019, quarter: 2}}, procedure_id: e3cdabf1-e057-47a5-9210-b1f6fc757228}}
  - {{id: B, title: Peruskorjaus, notice: {{year: 2023, month: 2}}, notice_ids: [14549263-b47b-4e59-96a1-2d0d13e19343]}}
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "testi.yaml").write_text(PLAN, encoding="utf-8")
    folder = tmp_path / "ilmoitukset"
    folder.mkdir()
    for name in FILES:
        text = (SDK / f"{name}.xml").read_text(encoding="utf-8")
        for old in OLD_IDS:
            text = text.replace(f"<cbc:CompanyID>{old}</cbc:CompanyID>", f"<cbc:CompanyID>{BUYER}</cbc:CompanyID>")
        (folder / f"{name}.xml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_command_counts_in_plan_and_other_from_notices(repo: Path) -> None:
    run = hankinta("plan", "indicators", "--notices", "ilmoitukset", "--as-of", "2023-12-31", "-f", "json")
    assert run.code == 0, run.stderr
    (result,) = run.json()["plans"]
    figures = {f["period"]: (f["in_plan"], f["other"], f["ratio"], f["share"], f["below_threshold"])
               for f in result["in_plan"]}
    # 2019: A's procedure in, the award other; 2020: the PIN is no procurement, the 9,99 € award is
    # under the threshold; 2021–2022 nothing; 2023: B by its notice id, the VEAT other
    assert figures == {"2019": (1, 1, 1.0, 50.0, 0), "2020": (0, 1, 0.0, 0.0, 1), "2021": (0, 0, None, None, 0),
                       "2022": (0, 0, None, None, 0), "2023": (1, 1, 1.0, 50.0, 0)}
    schedule = {s["period"]: (s["due"], s["on_time"]) for s in result["on_schedule"]}
    assert schedule["2019"] == (1, 1)  # dispatched 10.5.2019 in Q2
    assert schedule["2023"] == (1, 0) and result["on_schedule"][-1]["late"][0]["announced"] == "2023-03-23"
    assert result["calendar"] == {"current": None, "updated": None, "update_months": None, "falls_due": None,
                                  "missing": ["updated", "update_months"]}


def test_command_without_notices_says_which_option_gives_the_figure(repo: Path) -> None:
    run = hankinta("plan", "indicators", "--as-of", "2023-12-31")
    assert run.code == 0, run.stderr
    assert "ei laskettavissa ilman hankintailmoituksia: anna ne valinnalla --notices" in run.stdout
    # without notices: A names only its procedure and no status, so its notice is late (as `plan`
    # and `check` say); B names a notice, so it went out on a day not known
    assert "Myöhässä: A Siivous (2019-Q2; ei ilmoitettu)" in run.stdout
    assert "ilmoituspäivää ei tiedetä (ei laskettu): B" in run.stdout
    assert "Hankintakalenteri ajan tasalla (K/E): ei tiedossa – suunnitelmasta puuttuu updated, update_months" \
        in run.stdout
    en = hankinta("plan", "indicators", "testi", "--as-of", "2023-12-31", "--lang", "en", "--year", "2023", "-f", "csv")
    assert en.code == 0, en.stderr
    assert en.stdout.splitlines() == ["plan,indicator,period,value,count,of",
                                      "testi,on_schedule_share,2023,,0,0",
                                      "testi,calendar_current,2023-12-31,,,"]


def test_command_refuses_a_bad_period_and_a_missing_notice_folder(repo: Path) -> None:
    bad = hankinta("plan", "indicators", "--year", "2026-H3", "--lang", "en")
    assert bad.code == 2 and "period '2026-H3' is not valid" in bad.stderr and "Traceback" not in bad.stderr
    missing = hankinta("plan", "indicators", "--notices", "ei-ole")
    assert missing.code == 2 and "ei-ole" in missing.stderr


# --- the report's plan section -----------------------------------------------------------------------

EXAMPLE_PROGRAMME = ROOT / "examples" / "programmes" / "esimerkkila.yaml"
EXAMPLE_PLAN = ROOT / "examples" / "plans" / "esimerkkila-hankintasuunnitelma.yaml"


def section(md: str) -> str:
    return md.split("## Hankintasuunnitelma: ")[1].split("\n## ")[0]


def test_report_of_the_example_programme_has_its_plan_section() -> None:
    assert "programmes: [esimerkkila]" in EXAMPLE_PLAN.read_text(encoding="utf-8")
    run = hankinta("report", str(EXAMPLE_PROGRAMME), "--as-of", "2026-06-30", "-f", "md")
    assert run.code == 0, run.stderr
    md = section(run.stdout.replace("\u00a0", " "))
    coming = md.split("### Tulossa seuraavan 6 kuukauden aikana (30.12.2026 mennessä)")[1].split("###")[0]
    # ES-2026-02 (2026-H1) still open on 30.6.; ES-2026-03 (9/2026) and ES-2026-04 (Q4) within six months;
    # ES-2027-01 (2027-H1) is not; a value is shown only when it is public
    assert [row.split(" | ")[0].strip("| ") for row in coming.splitlines() if row.startswith("| ES")] == [
        "ES-2026-02", "ES-2026-03", "ES-2026-04"]
    # planned dates as a reader says them, as in the calendar (Markdown escapes "4." at a cell's start)
    assert "| Keskuskoulun peruskorjaus | Tilapalvelut | syyskuu 2026 | rakennusurakka | 4 200 000 € | suunniteltu |" \
        in coming
    assert "| ES-2026-04 | Elintarvikkeet ruokapalveluille osiin jaettuna | Ruokapalvelut | 4\\. neljännes 2026 | " \
           "tavarahankinta | – |" in coming
    late = md.split("### Myöhässä")[1].split("###")[0]
    assert "| ES-2026-01 | Koulujen ja päiväkotien siivouspalvelut | Tilapalvelut | 1\\. neljännes 2026 | " \
           "valmistelussa |" in late
    # ES-2025-07 announced 14.4.2025 inside its Q2 window; ES-2026-01 not announced by 31.3.2026
    assert "- **Ilmoitettu ajallaan:** 1/2 (50 %)" in md
    assert "- **Hankintakalenteri ajan tasalla (K/E):** ei (päivitetty 28.11.2025, seuraava päivitys viimeistään " \
           "28.5.2026)" in md
    assert "Arvo ei julkinen" not in run.stdout and "Tilapalvelupäällikkö" not in run.stdout  # note, contact
    en = hankinta("report", str(EXAMPLE_PROGRAMME), "--as-of", "2026-06-30", "--lang", "en")
    assert en.code == 0, en.stderr
    assert ">Procurement plan: " in en.stdout and "Late: the planned notice date has passed" in en.stdout
    assert "no (updated 28 Nov 2025, next update due by 28 May 2026)" in en.stdout
    assert ">September 2026</td>" in en.stdout and "2026-09" not in en.stdout
    assert "Arvo ei julkinen" not in en.stdout


def test_shipped_programmes_have_no_plan_section() -> None:
    run = hankinta("report", "hyvinkaa", "-f", "md")
    assert run.code == 0 and "Hankintasuunnitelma" not in run.stdout


PROGRAMME = """\
schema_version: 1
id: testi
name: Testiohjelma
organisation: Testikunta
themes:
  - id: T1
    name: Suunnitelmallisuus
    measures:
      - {id: "1", title: Kalenteri julkaistaan, responsible: [Hankintapalvelut], status: käynnissä}
"""
ITEMS = """\
plan_version: 1
id: {id}
name: "{name}"
organisation: Testikunta
programmes: [{programme}]
items:
  - {{id: X1, title: "<script>alert(1)</script> | *kalusteet*", notice: {{year: 2026, quarter: 3}},
     value: 10000, note: SALAINEN}}
"""


def test_report_finds_plans_beside_its_programmes_and_warns_of_a_broken_one(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "programmes").mkdir()
    (tmp_path / "programmes" / "testi.yaml").write_text(PROGRAMME, encoding="utf-8")
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "oma.yaml").write_text(ITEMS.format(id="oma", name="Oma", programme="testi"),
                                                 encoding="utf-8")
    (tmp_path / "plans" / "muu.yaml").write_text(ITEMS.format(id="muu", name="Muu", programme="toinen"),
                                                 encoding="utf-8")
    (tmp_path / "plans" / "rikki.yaml").write_text("plan_version: 1\nid: rikki\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = hankinta("report", "testi", "--as-of", "2026-06-01", "-f", "md")
    assert run.code == 0, run.stderr
    assert "## Hankintasuunnitelma: Oma" in run.stdout and "Muu" not in run.stdout  # names another programme
    assert "rikki.yaml" in run.stderr and "hankinta check" in run.stderr
    assert "SALAINEN" not in run.stdout and "<script>" not in run.stdout
    assert "| 3\\. neljännes 2026 | – | – | – |" in run.stdout  # the value is not public
    html = hankinta("report", "testi", "--as-of", "2026-06-01")
    assert "&lt;script&gt;" in html.stdout and "<script>" not in html.stdout and "SALAINEN" not in html.stdout
    # the plan is the whole organisation's: a report narrowed to a theme or party leaves it out
    narrowed = hankinta("report", "testi", "--as-of", "2026-06-01", "-f", "md", "--responsible", "Hankinta")
    assert narrowed.code == 0 and "Hankintasuunnitelma" not in narrowed.stdout
