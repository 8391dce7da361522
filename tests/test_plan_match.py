"""`hankinta plan match`: which notices carry which planned item, on crafted notices.

The notices are copies of the SDK's examples in tests/notices/ (EUPL-1.2): `_finnish_copy` of
tests/test_notices.py gives their buyer a Finnish business id; `crafted` then sets the notice id,
procedure id, dispatch date, title and CPV code each test needs (said in the copy's comment).
A contract notice is cn_24_FRA_comments (cn-standard), an award notice can_24_minimal (can-standard).
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import re
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import yaml

from conftest import hankinta
from hankinta_cli.computing.plan_match import cpv_match, date_match, match, title_similarity, words
from hankinta_cli.notices.read import load_notices
from hankinta_cli.plan_model import Plan, PlanItem
from test_notices import _finnish_copy

BUYER, OTHER = "0201256-6", "1234567-1"
SDK = {"cn": ("cn_24_FRA_comments.xml", "77310000",
              "Service d'entretien de remise en état et de nettoyage des espaces verts"),
       "can": ("can_24_minimal.xml", "77310000",
               "Service d'entretien de remise en état et de nettoyage des espaces verts")}

PLAN = """\
plan_version: 1
id: testi
name: Testisuunnitelma
organisation: Testikunta
business_id: 0201256-6
items:
  - id: H1
    title: Viheralueiden hoito ja kunnossapito
    priority: 1
    cpv: ["77310000"]
    notice: {year: 2026, quarter: 1}
  - id: H2
    title: Koulujen siivouspalvelut
    priority: 1
    cpv: ["90910000"]
    notice: {year: 2026, quarter: 2}
    status: valmistelussa
    history:
      - {date: 2025-11-20, status: valmistelussa}
  - id: H3
    title: Päiväkotien kalusteet
    priority: 2
    cpv: ["39160000"]
    notice: {year: 2026, month: 9}
"""


def crafted(folder: Path, name: str, kind: str, *, buyer: str = BUYER, title: str, cpv: str, date: str,
            procedure: str | None = None) -> Path:
    """A notice of `kind` (cn, can) with these facts; its id is `name`-based, its procedure `procedure`."""
    sdk, old_cpv, old_title = SDK[kind]
    copy = _finnish_copy(folder, sdk, buyer)
    text = copy.read_text(encoding="utf-8")
    copy.unlink()
    notice_id = f"{name}-0000-4000-8000-000000000000"
    text = re.sub(r'(schemeName="notice-id">)[^<]*', rf"\g<1>{notice_id}", text, count=1)
    text = re.sub(r"(<cbc:ContractFolderID>)[^<]*", rf"\g<1>{procedure or 'p-' + name}", text, count=1)
    at = text.index('schemeName="notice-id"')
    text = text[:at] + re.sub(r"(<cbc:IssueDate>)[^<]*", rf"\g<1>{date}+02:00", text[at:], count=1)
    text = text.replace(f">{old_title}<", f">{escape(title)}<").replace(f'cpv">{old_cpv}<', f'cpv">{cpv}<')
    head, _, rest = text.partition("\n")
    target = folder / f"{name}.xml"
    target.write_text(f"{head}\n<!-- Further changed for tests/test_plan_match.py: notice id, procedure id, "
                      f"dispatch date, title and CPV code. -->\n{rest}", encoding="utf-8")
    return target


def nid(name: str) -> str:
    return f"{name}-0000-4000-8000-000000000000"


@pytest.fixture
def scene(tmp_path: Path) -> tuple[Path, Path]:
    """The plan, and notices: `a` H1's (buyer, CPV, date, title), `b` only H1's title, `c` another
    buyer's perfect H2, `d` the buyer's H2 award (CPV within, 20 days late, title alike)."""
    plan = tmp_path / "testi.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    folder = tmp_path / "ilmoitukset"
    folder.mkdir()
    crafted(folder, "aaaaaaaa", "cn", title="Viheralueiden hoito", cpv="77310000", date="2026-02-10")
    crafted(folder, "bbbbbbbb", "cn", title="Viheralueiden hoito ja kunnossapito", cpv="45000000", date="2024-01-01")
    crafted(folder, "cccccccc", "cn", buyer=OTHER, title="Koulujen siivouspalvelut", cpv="90910000",
            date="2026-04-15")
    crafted(folder, "dddddddd", "can", title="Koulujen siivous", cpv="90911200", date="2026-07-20")
    return plan, folder


def proposals(*args: str) -> list[dict[str, object]]:
    run = hankinta("plan", "match", *args, "--format", "json")
    assert run.code == 0, run.stderr
    return list(run.json()["proposals"])


def test_right_buyer_cpv_and_date_win_over_a_title_only_match(scene: tuple[Path, Path]) -> None:
    plan, folder = scene
    got = proposals(str(plan), str(folder), "--min-score", "0")
    assert [(p["item"], p["notice"]) for p in got] == [("H1", nid("aaaaaaaa")), ("H2", nid("dddddddd"))]
    h1 = got[0]["reasons"]
    assert h1 == {"cpv": {"match": "same", "digits": 8, "item": "77310000", "notice": "77310000"},
                  "date": {"planned": "2026-Q1", "days": 0}, "title": pytest.approx(0.8)}
    # the title-only notice is a candidate (alone it is H1's, far below the default minimum)…
    only_b = load_notices([folder / "bbbbbbbb.xml"])
    (weak,) = match(Plan.model_validate(yaml.safe_load(PLAN)), only_b.procedures, 0).proposals
    assert weak.item == "H1" and weak.cpv is not None and weak.cpv.kind == "none" and weak.score < 0.3
    # …and by default only proposals from 0.5 up are shown
    assert [p["item"] for p in proposals(str(plan), str(folder))] == ["H1", "H2"]


def test_other_buyers_notices_are_never_proposed(scene: tuple[Path, Path]) -> None:
    plan, folder = scene
    got = proposals(str(plan), str(folder), "--min-score", "0")
    assert nid("cccccccc") not in {n for p in got for n in p["notices"]}  # type: ignore[attr-defined]
    h2 = got[1]
    assert h2["status"] == "kilpailutettu" and h2["reasons"]["date"] == {"planned": "2026-Q2", "days": 20}  # type: ignore[index]
    assert h2["reasons"]["cpv"]["match"] == "within"  # type: ignore[index]
    # without a business id every buyer's notice is compared, with a warning saying so
    plan.write_text(PLAN.replace("business_id: 0201256-6\n", ""), encoding="utf-8")
    run = hankinta("plan", "match", str(plan), str(folder), "--format", "json")
    assert run.code == 0 and "Y-tunnusta" in run.stderr and "varoitus" in run.stderr
    assert [(p["item"], p["notice"]) for p in run.json()["proposals"]] == [("H1", nid("aaaaaaaa")),
                                                                          ("H2", nid("cccccccc"))]


def test_a_notice_is_claimed_once_by_the_best_item_ties_to_the_first(tmp_path: Path) -> None:
    folder = tmp_path / "n"
    folder.mkdir()
    crafted(folder, "aaaaaaaa", "cn", title="Viheralueiden hoito", cpv="77310000", date="2026-02-10")
    twin = PLAN + """\
  - id: H4
    title: Viheralueiden hoito, lisäalueet ja leikkipuistot
    priority: 2
    cpv: ["77310000"]
    notice: {year: 2026, quarter: 1}
  - id: H5
    title: Viheralueiden hoito ja kunnossapito
    priority: 1
    cpv: ["77310000"]
    notice: {year: 2026, quarter: 1}
"""
    plan = Plan.model_validate(yaml.safe_load(twin))
    read = load_notices([folder])
    assert [p.item for p in match(plan, read.procedures, 0).proposals] == ["H1"]  # H5 ties with H1: first wins
    without_h1 = plan.model_copy(update={"items": plan.items[1:]})
    assert [p.item for p in match(without_h1, read.procedures, 0).proposals] == ["H5"]  # better title than H4


def test_apply_writes_a_minimal_diff_and_is_idempotent(scene: tuple[Path, Path]) -> None:
    plan, folder = scene
    dry = hankinta("plan", "match", str(plan), str(folder), "--apply", "--dry-run")
    assert dry.code == 0 and plan.read_text(encoding="utf-8") == PLAN and "+    notice_ids:" in dry.stdout
    run = hankinta("plan", "match", str(plan), str(folder), "--apply")
    assert run.code == 0, run.stderr
    assert "H1: liitetty ilmoitus " + nid("aaaaaaaa") in run.stderr and "tila kilpailutettu" in run.stderr
    after = plan.read_text(encoding="utf-8")
    items = yaml.safe_load(after)["items"]
    assert items[0]["notice_ids"] == [nid("aaaaaaaa")] and items[0]["procedure_id"] == "p-aaaaaaaa"
    assert list(items[0])[-4:] == ["status", "history", "notice_ids", "procedure_id"]  # the model's order
    assert items[0]["status"] == "kilpailutuksessa"
    assert items[0]["history"] == [{"date": dt.date(2026, 2, 10), "status": "kilpailutuksessa",
                                    "note": f"ilmoitus {nid('aaaaaaaa')}"}]
    assert items[1]["status"] == "kilpailutettu" and [h["status"] for h in items[1]["history"]] == [
        "valmistelussa", "kilpailutettu"]
    assert items[2] == yaml.safe_load(PLAN)["items"][2]
    # only lines inside H1 and H2 change, all added but H2's status: H3 and the plan's head are untouched
    lines = PLAN.splitlines()
    h1, h3 = lines.index("  - id: H1"), lines.index("  - id: H3")
    changes = [op for op in difflib.SequenceMatcher(None, lines, after.splitlines()).get_opcodes() if op[0] != "equal"]
    assert changes and all(h1 < i1 <= h3 and i2 <= h3 for _, i1, i2, _, _ in changes)
    assert [lines[i] for _, i1, i2, _, _ in changes for i in range(i1, i2)] == ["    status: valmistelussa"]
    again = hankinta("plan", "match", str(plan), str(folder), "--format", "json")
    assert again.code == 0 and again.json()["proposals"] == [] and again.json()["counts"]["open_items"] == 1
    rerun = hankinta("plan", "match", str(plan), str(folder), "--apply")
    assert rerun.code == 0 and plan.read_text(encoding="utf-8") == after


def test_a_linked_items_award_notice_follows_it(scene: tuple[Path, Path]) -> None:
    plan, folder = scene
    assert hankinta("plan", "match", str(plan), str(folder), "--apply", "--item", "H1").code == 0
    crafted(folder, "eeeeeeee", "can", title="Espaces verts", cpv="77310000", date="2026-06-01",
            procedure="p-aaaaaaaa")
    (follow,) = proposals(str(plan), str(folder), "--item", "H1")
    assert follow["same_procedure"] and follow["notices"] == [nid("eeeeeeee")] and follow["score"] == 1.0
    assert hankinta("plan", "match", str(plan), str(folder), "--apply", "--item", "H1").code == 0
    h1 = yaml.safe_load(plan.read_text(encoding="utf-8"))["items"][0]
    assert h1["notice_ids"] == [nid("aaaaaaaa"), nid("eeeeeeee")] and h1["status"] == "kilpailutettu"
    assert [(str(h["date"]), h["status"]) for h in h1["history"]] == [("2026-02-10", "kilpailutuksessa"),
                                                                     ("2026-06-01", "kilpailutettu")]


def test_item_restricts_listing_and_apply(scene: tuple[Path, Path]) -> None:
    plan, folder = scene
    assert [p["item"] for p in proposals(str(plan), str(folder), "--item", "H2")] == ["H2"]
    run = hankinta("plan", "match", str(plan), str(folder), "--apply", "--item", "H2")
    assert run.code == 0 and "H1" not in run.stderr
    items = yaml.safe_load(plan.read_text(encoding="utf-8"))["items"]
    assert "notice_ids" not in items[0] and items[1]["notice_ids"] == [nid("dddddddd")]
    assert [p["item"] for p in proposals(str(plan), str(folder))] == ["H1"]
    wrong = hankinta("plan", "match", str(plan), str(folder), "--item", "H9", "--apply", "--lang", "en")
    assert wrong.code == 2 and "plan item 'H9' not found" in wrong.stderr and "Traceback" not in wrong.stderr
    missing = hankinta("plan", "match", str(plan), str(folder / "nothing"))
    assert missing.code == 2 and "Polkua ei ole" in missing.stderr and not missing.stdout


def test_json_csv_and_table_shapes(scene: tuple[Path, Path]) -> None:
    plan, folder = scene
    run = hankinta("plan", "match", str(plan), str(folder), "--format", "json", "--lang", "en")
    doc = run.json()
    assert set(doc) == {"version", "plan", "business_id", "counts", "proposals"} and doc["version"] == 1
    assert doc["counts"] == {"proposals": 2, "open_items": 3, "procedures": 3}
    first = doc["proposals"][0]
    assert set(first) == {"item", "item_title", "notice", "notices", "procedure_id", "dispatch_date", "notice_type",
                          "notice_title", "status", "score", "same_procedure", "reasons", "reasons_text"}
    assert (first["dispatch_date"], first["notice_type"], first["status"]) == ("2026-02-10", "cn-standard",
                                                                              "kilpailutuksessa")
    assert first["reasons_text"] == ["same CPV: 77310000", "sent within the planned 2026-Q1", "title 80\u00a0% alike"]
    csv_run = hankinta("plan", "match", str(plan), str(folder), "--format", "csv")
    head, *rows = csv_run.stdout.splitlines()
    assert head == "item,item_title,notice,procedure_id,dispatch_date,score,status,notices,notice_title,reasons"
    assert len(rows) == 2 and rows[0].startswith(f"H1,Viheralueiden hoito ja kunnossapito,{nid('aaaaaaaa')},")
    table = hankinta("plan", "match", str(plan), str(folder), "--lang", "en", env={"COLUMNS": "200"})
    assert table.code == 0 and "sent 20\u00a0days after the planned 2026-Q2" in table.stdout
    assert "title 100\u00a0% alike" in table.stdout and "20 Jul 2026 · can-standard" in table.stdout


def test_hostile_titles_are_inert_on_the_terminal_and_in_csv(tmp_path: Path) -> None:
    plan = tmp_path / "testi.yaml"
    plan.write_text(PLAN.replace("title: Viheralueiden hoito ja kunnossapito", "title: '[bold]H1[/bold]'"),
                    encoding="utf-8")
    folder = tmp_path / "n"
    folder.mkdir()
    hostile = "=HYPERLINK(\"x\") [link=https://x.invalid]klik[/link] \u202eevil\u0085\nFAKE: forged line"
    crafted(folder, "aaaaaaaa", "cn", title=hostile, cpv="77310000", date="2026-02-10")
    run = hankinta("plan", "match", str(plan), str(folder), env={"COLUMNS": "250"})
    assert run.code == 0, run.stderr
    assert "[link=https://x.invalid]klik[/link] evil FAKE: forged line" in run.stdout
    assert "[bold]H1[/bold]" in run.stdout
    assert not {"\u202e", "\u0085", "\x1b"} & set(run.stdout)
    assert not any(line.startswith("FAKE") for line in run.stdout.splitlines())
    csv_run = hankinta("plan", "match", str(plan), str(folder), "--format", "csv")
    (row,) = list(csv.reader(io.StringIO(csv_run.stdout)))[1:]
    assert row[8].startswith("'=HYPERLINK") and "\u202e" not in row[8] and "\n" not in row[8]


# --- the signals, by hand ----------------------------------------------------------------------------

def test_cpv_levels() -> None:
    assert cpv_match(["90910000-9"], ["90910000"]).kind == "same"
    assert (cpv_match(["90910000"], ["90911200"]).kind, cpv_match(["90910000"], ["90911200"]).score) == ("within", 0.9)
    assert cpv_match(["45000000"], ["45214200"]).kind == "within"
    assert (cpv_match(["45214100"], ["45214200"]).digits, cpv_match(["45214100"], ["45214200"]).score) == (5, 0.85)
    assert (cpv_match(["45310000"], ["45210000"]).score, cpv_match(["90000000"], ["45000000"]).kind) == (0.4, "none")
    assert cpv_match([], ["45000000"]).kind == "missing"


def test_dates_late_early_and_none() -> None:
    item = PlanItem.model_validate({"id": "H1", "title": "x", "notice": {"year": 2026, "quarter": 1}})
    assert date_match(item, dt.date(2026, 3, 31)).score == 1
    late, early = date_match(item, dt.date(2026, 4, 30)), date_match(item, dt.date(2025, 11, 2))
    assert (late.days, early.days) == (30, -60) and early.score < late.score
    assert date_match(item, dt.date(2024, 1, 1)).score == 0
    assert date_match(PlanItem.model_validate({"id": "H1", "title": "x"}), dt.date(2026, 1, 1)).planned is None


def test_finnish_words_alike_across_endings() -> None:
    assert words("Koulujen ja päiväkotien SIIVOUSPALVELUT 2026–2028 (hankinta)") == (
        "koulujen", "päiväkotien", "siivouspalvelut")
    assert title_similarity(words("Koulujen siivouspalvelut"), words("Koulun siivouspalveluiden hankinta")) == 1
    assert title_similarity(words("Päiväkotien kalusteet"), words("Koulujen siivous")) == 0


#: The README's worked example ("plan match"), run as shown in a folder holding `testi.yaml` (PLAN)
#: and `ilmoitukset/` (the scene's four notices).
README_COMMANDS = [
    "hankinta plan match testi.yaml ilmoitukset",
    "hankinta plan match testi.yaml ilmoitukset --apply --dry-run",
    "hankinta plan match testi.yaml ilmoitukset --apply --item H1",
    "hankinta plan match testi.yaml ilmoitukset --format json",
]


def test_readme_worked_example_runs_as_shown(scene: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    import shlex
    monkeypatch.chdir(scene[0].parent)
    listing, dry, apply, after = (hankinta(*shlex.split(c)[1:], env={"COLUMNS": "120"}) for c in README_COMMANDS)
    assert all(r.code == 0 for r in (listing, dry, apply, after))
    assert "ehdotuksia 2; avoimia hankintoja 3, ostajan hankintamenettelyjä 3" in listing.stdout
    assert "0,95" in listing.stdout and "0,94" in listing.stdout and "CPV sama: 77310000" in listing.stdout
    assert "+    status: kilpailutuksessa" in dry.stdout and "kuivaharjoitus" in dry.stderr
    assert "H1: liitetty ilmoitus aaaaaaaa-0000-4000-8000-000000000000, menettely p-aaaaaaaa, tila " \
           "kilpailutuksessa" in apply.stderr
    assert [p["item"] for p in after.json()["proposals"]] == ["H2"]


def test_an_unreadable_notice_is_reported_and_links_nothing(scene: tuple[Path, Path]) -> None:
    plan, folder = scene
    (folder / "rikki.xml").write_text("<ContractNotice", encoding="utf-8")
    listing = hankinta("plan", "match", str(plan), str(folder), "--format", "json")
    assert listing.code == 1 and "rikki.xml" in listing.stderr and len(listing.json()["proposals"]) == 2
    run = hankinta("plan", "match", str(plan), str(folder), "--apply")
    assert run.code == 1 and "mitään ei liitetty" in run.stderr and plan.read_text(encoding="utf-8") == PLAN
