"""`hankinta hilma`: indicators with a HILMA query computed from eForms notices and recorded.

The notices are copies of the SDK examples in tests/notices/ whose buyers carry the Finnish
business id 0201256-6 (a valid check digit; the test sets it, the examples do not have it). The
values below are counted by hand from `hankinta notices` of these six files:

| file | dispatched | form | procedure facts |
|---|---|---|---|
| cn_24_FRA_comments | 2019-05-10 | contract notice | 2 lots, no strategic codes |
| can_24_minimal | 2019-10-23 | award | 1 lot, 3 tenders, a micro winner (SME) |
| pin-buyer_24_published | 2020-04-08 | prior information | no lots |
| can_25_ENG_Buyers | 2020-04-10 | award | 1 lot, 3 tenders, a large winner |
| cn_24_maximal | 2023-03-23 | contract notice | 2 lots, both env-imp (green) |
| veat_81 | 2023-05-26 | award (VEAT) | 2 lots, LOT-0002 green, no SME winner |
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from conftest import hankinta

NOTICES = Path(__file__).resolve().parent / "notices"
BUYER = "0201256-6"
FILES = ["cn_24_FRA_comments", "can_24_minimal", "pin-buyer_24_published", "can_25_ENG_Buyers", "cn_24_maximal",
         "veat_81"]
OLD_IDS = ("123 456 789", "998298", "ABE")

PROGRAMME = """\
schema_version: 1
id: testi
name: Testiohjelma
organisation: Testikunta
hilma_buyers: [0201256-6]
period: {start: 2019-01-01, end: 2023-12-31}
indicators:
  - id: H1
    name: Jälki-ilmoitetut hankinnat
    kind: lukumäärä
    granularity: vuosi
    source: hilma
    hilma: {count: menettelyt, notices: [jälki-ilmoitus]}
  - id: H2
    name: Pk-voittajien osuus osista
    kind: prosentti
    granularity: vuosi
    source: hilma
    hilma: {count: osat, notices: [jälki-ilmoitus], share: [pk-voittaja]}
  - id: H3
    name: Ympäristöhankinnat
    kind: lukumäärä
    source: hilma
    hilma: {count: menettelyt, notices: [kilpailutus], where: [ympäristö]}
"""

#: By hand from the table above: H1 awards per year (2021 and 2022: none, inside the notices' span);
#: H2 the SME-won share of award lots (1/1, 0/1, 0/2; no award lots in 2021–2022: no value);
#: H3 green contract notices (cn_24_maximal in 2023).
EXPECTED = {"H1": {2019: 1, 2020: 1, 2021: 0, 2022: 0, 2023: 1},
            "H2": {2019: 100, 2020: 0, 2023: 0},
            "H3": {2019: 0, 2020: 0, 2021: 0, 2022: 0, 2023: 1}}


def notices(folder: Path) -> Path:
    target = folder / "ilmoitukset"
    target.mkdir()
    for name in FILES:
        text = (NOTICES / f"{name}.xml").read_text(encoding="utf-8")
        for old in OLD_IDS:
            text = text.replace(f"<cbc:CompanyID>{old}</cbc:CompanyID>", f"<cbc:CompanyID>{BUYER}</cbc:CompanyID>")
        head, _, rest = text.partition("\n")
        (target / f"{name}.xml").write_text(
            f"{head}\n<!-- Test copy of the SDK's {name}.xml: buyer business id set to {BUYER}. -->\n{rest}",
            encoding="utf-8")
    return target


def setup(tmp_path: Path, text: str = PROGRAMME) -> tuple[Path, Path]:
    programme = tmp_path / "testi.yaml"
    programme.write_text(text, encoding="utf-8")
    return programme, notices(tmp_path)


def values(programme: Path) -> dict[str, dict[int, object]]:
    data = yaml.safe_load(programme.read_text(encoding="utf-8"))
    return {i["id"]: {o["period"]: o["value"] for o in i.get("observations", [])} for i in data["indicators"]}


def test_records_the_hand_counted_values_with_a_minimal_diff_and_is_idempotent(tmp_path: Path) -> None:
    programme, folder = setup(tmp_path)
    run = hankinta("hilma", str(programme), str(folder))
    assert run.code == 0, run.stderr
    assert values(programme) == EXPECTED
    after = programme.read_text(encoding="utf-8")
    # minimal diff: every original line is still there, in order; only observation lines were added
    lines = after.splitlines()
    assert [line for line in lines if line in PROGRAMME.splitlines()] == PROGRAMME.splitlines()
    added = [line for line in lines if line not in PROGRAMME.splitlines()]
    assert all(line.strip() == "observations:" or line.lstrip().startswith("- {period:") for line in added)
    data = yaml.safe_load(after)
    obs = data["indicators"][1]["observations"][0]
    today = dt.date.today()
    assert obs["recorded"] == today and obs["note"] == "1/1 osasta"
    assert obs["source"] == f"eForms-ilmoitukset ilmoitukset, luettu {today.isoformat()}: 6 ilmoitusta, 6 hankintaa"
    again = hankinta("hilma", str(programme), str(folder))
    assert again.code == 0 and programme.read_text(encoding="utf-8") == after


def test_dry_run_writes_nothing_and_shows_the_diff(tmp_path: Path) -> None:
    programme, folder = setup(tmp_path)
    run = hankinta("hilma", str(programme), str(folder), "--dry-run")
    assert run.code == 0 and "+    observations:" in run.stdout and "+      - {period: 2023, value: 1" in run.stdout
    assert programme.read_text(encoding="utf-8") == PROGRAMME


def test_hand_entered_values_are_kept_without_replace(tmp_path: Path) -> None:
    text = PROGRAMME.replace("    hilma: {count: osat, notices: [jälki-ilmoitus], share: [pk-voittaja]}\n",
                             "    hilma: {count: osat, notices: [jälki-ilmoitus], share: [pk-voittaja]}\n"
                             "    observations:\n      - {period: 2019, value: 40, source: käsin}\n")
    programme, folder = setup(tmp_path, text)
    run = hankinta("hilma", str(programme), str(folder))
    assert run.code == 0 and "H2 2019: kirjattu arvo 40 säilytettiin (laskettu 100" in run.stderr
    assert values(programme)["H2"] == {2019: 40, 2020: 0, 2023: 0}
    replaced = hankinta("hilma", str(programme), str(folder), "--replace", "--lang", "en")
    assert replaced.code == 0 and values(programme)["H2"][2019] == 100
    first = yaml.safe_load(programme.read_text(encoding="utf-8"))["indicators"][1]["observations"][0]
    assert first["source"].startswith("eForms-ilmoitukset") and first["note"] == "1/1 osasta"


def test_indicators_and_report_show_the_values_with_their_notice_source(tmp_path: Path) -> None:
    programme, folder = setup(tmp_path)
    assert hankinta("hilma", str(programme), str(folder)).code == 0
    run = hankinta("indicators", str(programme), "--format", "json")
    h1 = next(i for i in run.json()["indicators"] if i["id"] == "H1")
    assert h1["latest_period"] == "2023" and h1["latest"] == 1
    assert h1["latest_source"].startswith("eForms-ilmoitukset ilmoitukset, luettu")
    md = hankinta("report", str(programme), "-f", "md")
    assert md.code == 0 and "(lähde 2023: eForms-ilmoitukset ilmoitukset, luettu" in md.stdout


def test_buyers_come_from_the_programme_or_the_command_never_guessed(tmp_path: Path) -> None:
    programme, folder = setup(tmp_path, PROGRAMME.replace("hilma_buyers: [0201256-6]\n", ""))
    check = hankinta("check", "--no-cache", "--strict", str(programme))
    assert "HK403" in check.stdout + check.stderr
    refused = hankinta("hilma", str(programme), str(folder))
    assert refused.code == 2 and "--buyer" in refused.stderr and "Traceback" not in refused.stderr
    assert "observations" not in programme.read_text(encoding="utf-8")
    other = hankinta("hilma", str(programme), str(folder), "--buyer", "1234567-1")
    assert other.code == 0 and values(programme)["H1"] == {}  # no notice of that buyer: no value
    given = hankinta("hilma", str(programme), str(folder), "--buyer", BUYER)
    assert given.code == 0 and values(programme) == EXPECTED


def test_an_unreadable_notice_records_nothing(tmp_path: Path) -> None:
    programme, folder = setup(tmp_path)
    (folder / "rikki.xml").write_text("<ContractNotice", encoding="utf-8")
    run = hankinta("hilma", str(programme), str(folder))
    assert run.code == 1 and "rikki.xml" in run.stderr and programme.read_text(encoding="utf-8") == PROGRAMME


def test_unknown_query_words_are_findings_at_their_line(tmp_path: Path) -> None:
    programme = tmp_path / "testi.yaml"
    programme.write_text(PROGRAMME.replace("where: [ympäristö]", "where: [vihreä], laske: 1"), encoding="utf-8")
    run = hankinta("check", "--no-cache", str(programme))
    assert run.code == 1
    assert "testi.yaml:24:" in run.stdout and "HK210" in run.stdout and "'vihreä'" in run.stdout
    assert "kenttä 'laske'" in run.stdout and "Sallitut: count, notices, where, share" in run.stdout


def test_readme_worked_example_runs_as_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Hankintailmoitukset (HILMA/eForms)", 1)[1].split("\n## ", 1)[0]
    commands = [line[len("$ hankinta "):].split() for line in section.splitlines() if line.startswith("$ hankinta ")]
    assert len(commands) == 3
    query = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert query.split("  - id: H2\n", 1)[1] in PROGRAMME  # the example's indicator is the test's
    setup(tmp_path)
    monkeypatch.chdir(tmp_path)
    runs = [hankinta(*args) for args in commands]
    assert [r.code for r in runs] == [0, 0, 0], [r.stderr for r in runs]
    assert "2019" in runs[0].stdout and "+    observations:" in runs[1].stdout
    shown = section.split("```yaml\n")[2].split("```", 1)[0]
    day = dt.date.today().isoformat()
    for line in shown.replace("2025-03-01", day).splitlines()[1:]:
        assert line in (tmp_path / "testi.yaml").read_text(encoding="utf-8")


def test_a_catalogue_indicator_adopted_by_reference_counts_with_the_catalogues_query(tmp_path: Path) -> None:
    # the programme names the catalogue's indicator and writes no query: the catalogue's is used
    (tmp_path / "mittaristo.yaml").write_text("""\
catalogue_version: 1
id: yhteinen
name: Yhteinen mittaristo
indicators:
  - id: jalki-kpl
    name: Jälki-ilmoitetut hankinnat
    kind: lukumäärä
    definition: Hankinnat, joista on julkaistu jälki-ilmoitus, kalenterivuoden aikana.
    source: hilma
    hilma: {count: menettelyt, notices: [jälki-ilmoitus]}
""", encoding="utf-8")
    text = PROGRAMME.split("indicators:\n")[0] + """indicators:
  - id: K1
    name: Jälki-ilmoitetut hankinnat
    kind: lukumäärä
    granularity: vuosi
    source: hilma
    catalogue: jalki-kpl
"""
    programme, folder = setup(tmp_path, text)
    checked = hankinta("check", str(programme))
    assert checked.code == 0, checked.stdout + checked.stderr
    run = hankinta("hilma", str(programme), str(folder))
    assert run.code == 0, run.stderr
    assert values(programme) == {"K1": EXPECTED["H1"]}
    # without buyer ids the adopted query is a gap like an own one (HK403 at the catalogue reference)
    programme.write_text(programme.read_text(encoding="utf-8").replace("hilma_buyers: [0201256-6]\n", ""),
                         encoding="utf-8")
    checked = hankinta("check", str(programme))
    assert checked.code == 0 and "HK403" in checked.stdout, checked.stdout
    line = int(checked.stdout.split(".yaml:")[1].split(":")[0])
    assert "catalogue: jalki-kpl" in programme.read_text(encoding="utf-8").splitlines()[line - 1]
