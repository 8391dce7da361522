"""Issue 12's editing commands: entries go where they belong in order, a schedule is set as a
whole, a field can be removed, indicators get their baseline, targets and settings, and a new
measure can be added — all through the one safe edit path (minimal diff, re-checked, atomic)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import hankinta, unrecorded
from test_edit import FIXTURE, changed_lines


def _copy(tmp_path: Path, crlf: bool) -> Path:
    raw = FIXTURE.read_bytes()
    target = tmp_path / "hankala.yaml"
    target.write_bytes(raw.replace(b"\n", b"\r\n") if crlf else raw)
    return target


@pytest.fixture
def awkward(tmp_path: Path) -> Path:
    return _copy(tmp_path, crlf=False)


@pytest.fixture(params=["lf", "crlf"])
def awkward_both(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """The fixture with LF and with CRLF line ends, for the edits that write new lines or remove some."""
    return _copy(tmp_path, crlf=request.param == "crlf")


def data(path: Path) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(path.read_text(encoding="utf-8-sig"))


def measure(path: Path, measure_id: str) -> dict:  # type: ignore[type-arg]
    for theme in data(path)["themes"]:
        for goal in theme.get("goals", []):
            for m in goal.get("measures", []):
                if str(m["id"]) == measure_id:
                    return m  # type: ignore[no-any-return]
    raise KeyError(measure_id)


def indicator(path: Path, indicator_id: str) -> dict:  # type: ignore[type-arg]
    for theme in data(path)["themes"]:
        for goal in theme.get("goals", []):
            for m in goal.get("measures", []):
                for ind in m.get("indicators", []):
                    if ind["id"] == indicator_id:
                        return ind  # type: ignore[no-any-return]
    raise KeyError(indicator_id)


def ok(*args: str) -> str:
    run = hankinta(*args)
    assert run.code == 0, run.stdout + run.stderr
    return run.stdout + run.stderr


# --- entries in order ---------------------------------------------------------------------------

def test_an_earlier_period_goes_before_the_later_ones(awkward_both: Path) -> None:
    before = awkward_both.read_bytes()
    ok("record", str(awkward_both), "M1", "--period", "2022", "--value", "3")
    assert [o["period"] for o in indicator(awkward_both, "M1")["observations"]] == [2022, 2023, 2024]
    removed, added = changed_lines(before, unrecorded(awkward_both.read_bytes()))
    assert removed == [] and [a.strip() for a in added] == [b"- {period: 2022, value: 3}"]


def test_periods_of_a_flow_list_and_of_an_import_stay_in_order(awkward_both: Path) -> None:
    ok("record", str(awkward_both), "M2", "--period", "2022", "--value", "10")
    ok("record", str(awkward_both), "M2", "--period", "2024-H1", "--value", "11")
    ok("record", str(awkward_both), "M2", "--period", "2023-Q4", "--value", "11,5")
    assert [o["period"] for o in indicator(awkward_both, "M2")["observations"]] == [2022, 2023, "2023-Q4", "2024-H1"]
    assert hankinta("check", str(awkward_both)).code in (0, 1)  # still a programme (granularity may warn)


def test_a_back_dated_status_entry_goes_in_date_order(awkward_both: Path) -> None:
    ok("status", "set", str(awkward_both), "1.2", "valmis", "--date", "2024-06-01")
    ok("status", "set", str(awkward_both), "1.2", "käynnissä", "--date", "2023-12-01", "--note", "esiselvitys")
    dates = [str(e["date"]) for e in measure(awkward_both, "1.2")["history"]]
    assert dates == sorted(dates) == ["2023-12-01", "2024-01-15", "2024-06-01"]
    # the earlier status went into the history; the current one is still the latest entry's
    assert measure(awkward_both, "1.2")["status"] == "valmis"
    assert hankinta("check", str(awkward_both)).code == 0


def test_a_back_dated_status_row_of_an_import_keeps_the_current_status(awkward: Path) -> None:
    ok("status", "set", str(awkward), "1.2", "valmis", "--date", "2024-06-01")
    sheet = awkward.parent / "tila.csv"
    sheet.write_text("tunniste;tila;päivä;huomio\n1.2;käynnissä;2024-03-01;välivaihe\n", encoding="utf-8")
    ok("import", str(awkward), str(sheet))
    m = measure(awkward, "1.2")
    assert m["status"] == "valmis" and [str(e["date"]) for e in m["history"]][-2:] == ["2024-03-01", "2024-06-01"]


# --- a schedule as a whole ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("2026", {"year": 2026}),
    ("2026-H1", {"year": 2026, "half": 1}),
    ("2026-q3", {"year": 2026, "quarter": 3}),
    ("30.6.2026", {"due": "2026-06-30"}),
    ("2026-06-30", {"due": "2026-06-30"}),
    ("1.1.2026–30.6.2026", {"start": "2026-01-01", "due": "2026-06-30"}),
    ("1.1.2026 - 30.6.2026", {"start": "2026-01-01", "due": "2026-06-30"}),
    ("syksyllä 2026", {"text": "syksyllä 2026"}),
])
def test_set_schedule_replaces_the_whole_schedule(awkward: Path, text: str, expected: dict) -> None:  # type: ignore[type-arg]
    ok("set", str(awkward), "1.1", "schedule", text)  # was {year: 2024}
    got = {k: str(v) if k in ("due", "start") else v for k, v in measure(awkward, "1.1")["schedule"].items()}
    assert got == expected


def test_set_schedule_over_a_due_date_leaves_no_old_part(tmp_path: Path, awkward: Path) -> None:
    ok("set", str(awkward), "1.2", "schedule.due", "2025-06-30")
    ok("set", str(awkward), "1.2", "schedule", "2026")
    assert measure(awkward, "1.2")["schedule"] == {"year": 2026}


def test_a_block_schedule_stays_a_block(awkward_both: Path) -> None:
    ok("set", str(awkward_both), "1.2", "schedule", "1.1.2025–30.6.2025")
    ok("set", str(awkward_both), "1.2", "schedule", "2026-H2")
    text = awkward_both.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    assert measure(awkward_both, "1.2")["schedule"] == {"year": 2026, "half": 2}
    assert "schedule: {year: 2026, half: 2}" in text or "schedule:\n" in text


def test_a_reversed_range_is_refused_and_nothing_written(awkward: Path) -> None:
    before = awkward.read_bytes()
    run = hankinta("set", str(awkward), "1.1", "schedule", "30.6.2026–1.1.2026")
    assert run.code != 0 and awkward.read_bytes() == before
    assert "Traceback" not in run.stdout + run.stderr


# --- removing a field ---------------------------------------------------------------------------

def test_unset_removes_a_field_and_only_its_lines(awkward_both: Path) -> None:
    ok("set", str(awkward_both), "1.2", "responsible", "hankintapalvelut, talous")
    before = awkward_both.read_bytes()
    ok("unset", str(awkward_both), "1.2", "responsible")
    assert "responsible" not in measure(awkward_both, "1.2")
    removed, added = changed_lines(before, awkward_both.read_bytes())
    assert added == [] and len(removed) == 1 and b"responsible" in removed[0]


def test_unset_in_a_flow_mapping_and_a_part_of_the_schedule(awkward_both: Path) -> None:
    ok("unset", str(awkward_both), "1.1", "responsible")
    m = measure(awkward_both, "1.1")
    assert "responsible" not in m and m["schedule"] == {"year": 2024}
    ok("set", str(awkward_both), "1.1", "schedule.half", "2")
    ok("unset", str(awkward_both), "1.1", "schedule.half")
    assert measure(awkward_both, "1.1")["schedule"] == {"year": 2024}


def test_unset_of_a_required_field_says_it_cannot_be_removed(awkward: Path) -> None:
    run = hankinta("unset", str(awkward), "1.2", "title", "--lang", "en")
    assert run.code == 2 and "cannot be removed" in run.stderr and "Fields that can be removed" in run.stderr


def test_set_clear_is_unset(awkward: Path) -> None:
    ok("set", str(awkward), "1.1", "schedule", "--clear")
    assert "schedule" not in measure(awkward, "1.1")


def test_unset_of_a_missing_field_says_no_change(awkward: Path) -> None:
    before = awkward.read_bytes()
    out = ok("unset", str(awkward), "1.2", "priority")
    assert awkward.read_bytes() == before and ("ei muutoksia" in out.lower() or "no change" in out.lower())


def test_unset_that_leaves_an_invalid_schedule_is_refused(awkward: Path) -> None:
    ok("set", str(awkward), "1.1", "schedule.half", "1")
    before = awkward.read_bytes()
    run = hankinta("unset", str(awkward), "1.1", "schedule.year")  # a half needs a year
    assert run.code != 0 and awkward.read_bytes() == before and "Traceback" not in run.stderr


# --- an indicator's settings, baseline and targets ---------------------------------------------

def test_indicator_settings_are_set_by_their_vocabulary(awkward: Path) -> None:
    ok("set", str(awkward), "M1", "unit", "kpl")
    ok("set", str(awkward), "M1", "direction", "increase")  # English alias, stored in Finnish
    ok("set", str(awkward), "M1", "method", "kasvuvauhti")
    ind = indicator(awkward, "M1")
    assert (ind["unit"], ind["direction"], ind["method"]) == ("kpl", "kasvu", "kasvuvauhti")
    keys = list(ind)
    assert keys.index("unit") < keys.index("granularity") < keys.index("direction") < keys.index("observations")
    run = hankinta("set", str(awkward), "M1", "granularity", "viikko")
    assert run.code == 2 and "vuosi" in run.stderr and "Traceback" not in run.stderr


def test_baseline_needs_a_period_and_reads_the_value_by_kind(awkward: Path) -> None:
    before = awkward.read_bytes()
    run = hankinta("set", str(awkward), "M2", "baseline", "12,5 %")
    assert run.code == 2 and "--period" in run.stderr and awkward.read_bytes() == before
    ok("set", str(awkward), "M2", "baseline", "12,5 %", "--period", "2022", "--note", "lähtötaso 2022")
    assert indicator(awkward, "M2")["baseline"] == {"period": 2022, "value": 12.5, "note": "lähtötaso 2022"}


def test_targets_go_in_deadline_order_and_the_same_deadline_is_replaced(awkward: Path) -> None:
    ok("set", str(awkward), "M1", "target", "10", "--deadline", "31.12.2026")
    ok("set", str(awkward), "M1", "target", "8", "--deadline", "2025-12-31")
    out = ok("set", str(awkward), "M1", "target", "12", "--deadline", "2026-12-31")
    assert "määräpäivän 2026-12-31 tavoite 10 korvattiin arvolla 12" in out  # which target, not a "period"
    targets = indicator(awkward, "M1")["targets"]
    assert [(str(t["deadline"]), t["value"]) for t in targets] == [("2025-12-31", 8), ("2026-12-31", 12)]
    ok("unset", str(awkward), "M1", "targets")
    assert "targets" not in indicator(awkward, "M1")


def test_a_measure_field_on_an_indicator_is_refused_with_the_fields_it_has(awkward: Path) -> None:
    run = hankinta("set", str(awkward), "M1", "responsible", "talous")
    assert run.code == 2 and "unit" in run.stderr and "Traceback" not in run.stderr


# --- a new measure ------------------------------------------------------------------------------

def test_add_measure_under_a_goal_writes_a_block_entry(awkward_both: Path) -> None:
    before = awkward_both.read_bytes()
    ok("add", "measure", str(awkward_both), "1", "1.3", "Uusi toimenpide: pilotti",
       "--responsible", "talous, hankinnat", "--schedule", "2026-H1", "--priority", "2")
    m = measure(awkward_both, "1.3")
    assert m == {"id": "1.3", "title": "Uusi toimenpide: pilotti", "responsible": ["talous", "hankinnat"],
                 "schedule": {"year": 2026, "half": 1}, "priority": 2}
    removed, added = changed_lines(before, awkward_both.read_bytes())
    assert removed == [] and added[0].strip() == b'- id: "1.3"' and len(added) == 5
    assert hankinta("check", str(awkward_both)).code in (0, 1)


def test_add_measure_refuses_a_used_id_and_an_unknown_goal(awkward: Path) -> None:
    before = awkward.read_bytes()
    run = hankinta("add", "measure", str(awkward), "1", "M1", "Sama tunniste")
    assert run.code == 2 and "M1" in run.stderr
    run = hankinta("add", "measure", str(awkward), "9", "9.1", "Ei tavoitetta")
    assert run.code == 2 and "'9'" in run.stderr
    assert awkward.read_bytes() == before


# --- what --since DATE shows --------------------------------------------------------------------

def test_since_a_date_shows_values_recorded_then_and_notes_that_keep_the_status(awkward: Path) -> None:
    ok("record", str(awkward), "M1", "--period", "2025", "--value", "7")
    assert indicator(awkward, "M1")["observations"][-1]["recorded"] is not None  # the day it was recorded
    text = awkward.read_text(encoding="utf-8-sig")
    # pin the days: the value recorded on 2.2.2025, a note on 1.3.2025 that keeps 'käynnissä'
    text = unrecorded(text).replace("{period: 2025, value: 7}", "{period: 2025, value: 7, recorded: 2025-02-02}")
    awkward.write_text(text, encoding="utf-8")
    ok("status", "set", str(awkward), "1.2", "käynnissä", "--date", "2025-03-01", "--note", "vaihe 2 alkoi")
    md = ok("report", str(awkward), "--since", "2025-01-01", "--as-of", "2025-06-30", "-f", "md")
    changes = md.split("## Muutokset")[1].split("\n## ")[0]
    assert "Uusi arvo 2025: 7" in changes
    assert "Tilamerkintä: ▶ käynnissä" in changes or "Tilamerkintä: käynnissä" in changes
    assert "käynnissä → " not in changes and "vaihe 2 alkoi" in changes
    before = ok("report", str(awkward), "--since", "2025-02-03", "--as-of", "2025-06-30", "-f", "md")
    assert "Uusi arvo 2025" not in before.split("## Muutokset")[1].split("\n## ")[0]


# --- a value recorded again with a note --------------------------------------------------------

def test_a_note_or_source_for_a_recorded_value_is_written_not_dropped(awkward_both: Path) -> None:
    before = awkward_both.read_bytes()
    ok("record", str(awkward_both), "M1", "--period", "2023", "--value", "4", "--note", "tarkistettu")
    removed, added = changed_lines(before, awkward_both.read_bytes())
    assert len(removed) == len(added) == 1 and b"note: tarkistettu" in added[0]
    # another note for the same period is refused without --replace, and nothing is written
    middle = awkward_both.read_bytes()
    run = hankinta("record", str(awkward_both), "M1", "--period", "2023", "--value", "4", "--note", "toinen",
                   "--lang", "en")
    assert run.code == 1 and "already has the note" in run.stderr and awkward_both.read_bytes() == middle
    ok("record", str(awkward_both), "M1", "--period", "2023", "--value", "4", "--note", "toinen", "--replace")
    ok("record", str(awkward_both), "M1", "--period", "2024", "--value", "7", "--replace", "--source", "HILMA")
    obs = indicator(awkward_both, "M1")["observations"]
    assert obs[0]["note"] == "toinen" and obs[1]["value"] == 7 and obs[1]["source"] == "HILMA"


FIRST_KEY = """schema_version: 1
id: mini
name: Mini
organisation: Testi
themes:
  - id: T1
    name: Teema
    goals:
      - id: "1"
        title: Tavoite
        measures:
          - schedule: {year: 2025}
            id: "1.1"
            title: Toimenpide   # tärkeä kommentti
            # Mittarit sovittu johtoryhmässä
            indicators:
              - id: M1
                name: Mittari
                kind: lukumäärä
                observations:
                  - {period: 2024, value: 3}  # lähde: HILMA
"""


@pytest.mark.parametrize(("first", "removed", "added"), [
    ("          - schedule: {year: 2025}\n", [b'          - schedule: {year: 2025}\n', b'            id: "1.1"\n'],
     [b'          - id: "1.1"\n']),
    ("          - schedule:\n              year: 2025\n              half: 1\n",
     [b"          - schedule:\n", b"              year: 2025\n", b"              half: 1\n",
      b'            id: "1.1"\n'],
     [b'          - id: "1.1"\n']),
    ("          - schedule: {year: 2025}  # vanha\n            # selitys\n",
     [b"          - schedule: {year: 2025}  # vanha\n"], [b"          -\n"]),
], ids=["flow", "block", "comment-between"])
def test_unset_of_a_list_items_first_key_touches_only_its_lines(tmp_path: Path, first: str, removed: list[bytes],
                                                                added: list[bytes]) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(FIRST_KEY.replace("          - schedule: {year: 2025}\n", first), encoding="utf-8")
    before = path.read_bytes()
    ok("unset", str(path), "1.1", "schedule")
    assert changed_lines(before, path.read_bytes()) == (removed, added)
    assert "schedule" not in measure(path, "1.1") and measure(path, "1.1")["title"] == "Toimenpide"


def test_an_edit_of_an_invalid_file_shows_its_findings_not_an_internal_error(tmp_path: Path) -> None:
    """`observations:` and `history:` left empty: the edit cannot go in, and the file's own findings
    (HK105 at their lines) say what to fix, with exit 1; never "report this bug"."""
    path = tmp_path / "z.yaml"
    path.write_text(FIRST_KEY.replace("                observations:\n                  - {period: 2024, value: 3}"
                                      "  # lähde: HILMA\n", "                observations:\n")
                    .replace("            title: Toimenpide   # tärkeä kommentti\n",
                             "            title: Toimenpide   # tärkeä kommentti\n            history:\n"),
                    encoding="utf-8")
    before = path.read_bytes()
    for args in (["record", str(path), "M1", "--period", "2023", "--value", "1"],
                 ["status", "set", str(path), "1.1", "valmis"]):
        run = hankinta(*args, "--lang", "en")
        assert run.code == 1, run.stderr
        assert "HK105" in run.stderr and "z.yaml:" in run.stderr and "report" not in run.stderr, run.stderr
    assert path.read_bytes() == before


BLOCKS = FIRST_KEY.replace("""                observations:
                  - {period: 2024, value: 3}  # lähde: HILMA
""", """                baseline:   # lähtötaso
                  period: 2023  # vuosi
                  value: 1      # arvo
                observations:
                  - period: 2024   # kausi
                    value: 3       # arvo
                    breakdown:     # yksiköt
                      Sote: 2      # sote
                      Tekninen: 1
                    note: hyvä     # huom
""").replace("organisation: Testi\n", "organisation: Testi\nreporting_units: [Sote, Tekninen]\n")


def test_a_block_mapping_given_new_values_keeps_its_other_lines_and_comments(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(BLOCKS, encoding="utf-8")
    before = path.read_bytes()
    ok("set", str(path), "M1", "baseline", "2", "--period", "2023")
    assert changed_lines(before, path.read_bytes()) == ([b"                  value: 1      # arvo\n"],
                                                        [b"                  value: 2      # arvo\n"])
    before = path.read_bytes()
    ok("record", str(path), "M1", "--period", "2024", "--value", "4", "--replace",
       "--unit-breakdown", "Sote=3", "--unit-breakdown", "Tekninen=1")
    removed, added = changed_lines(before, path.read_bytes())
    assert removed == [b"                    value: 3       # arvo\n", b"                      Sote: 2      # sote\n"]
    assert added[:2] == [b"                    value: 4       # arvo\n", b"                      Sote: 3      # sote\n"]
    assert all(b"recorded:" in line for line in added[2:])  # the day the value was recorded, a line of its own


@pytest.mark.parametrize(("old", "args", "removed", "added"), [
    ("            title: Toimenpide   # tärkeä kommentti\n", ["set", "1.1", "title", "Uusi otsikko"], None, None),
    ("            title: |\n              Toinen rivi\n", ["set", "1.1", "title", "Uusi otsikko"],
     [b"            title: |\n", b"              Toinen rivi\n"], [b"            title: Uusi otsikko\n"]),
    ("            title: >-\n              Taitettu\n              teksti\n", ["set", "1.1", "title", "Uusi"],
     [b"            title: >-\n", b"              Taitettu\n", b"              teksti\n"],
     [b"            title: Uusi\n"]),
], ids=["plain", "literal", "folded"])
def test_a_block_scalar_is_replaced_by_its_own_lines_only(tmp_path: Path, old: str, args: list[str],
                                                          removed: list[bytes] | None,
                                                          added: list[bytes] | None) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(FIRST_KEY.replace("            title: Toimenpide   # tärkeä kommentti\n", old), encoding="utf-8")
    before = path.read_bytes()
    ok(args[0], str(path), *args[1:])
    if removed is not None:
        assert changed_lines(before, path.read_bytes()) == (removed, added)
    assert measure(path, "1.1")["title"].startswith("Uusi")


def test_an_indentless_list_and_a_flow_list_with_a_trailing_comma_take_edits(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(FIRST_KEY.replace("          - schedule: {year: 2025}\n",
                                      "          - responsible:\n            - hankinta\n")
                    .replace("                observations:\n"
                             "                  - {period: 2024, value: 3}  # lähde: HILMA\n",
                             "                observations: [\n                  {period: 2024, value: 3},\n"
                             "                ]\n"), encoding="utf-8")
    before = path.read_bytes()
    ok("set", str(path), "1.1", "responsible", "talous, hankinta")
    assert changed_lines(before, path.read_bytes()) == (
        [b"          - responsible:\n", b"            - hankinta\n"],
        [b"          - responsible: [talous, hankinta]\n"])
    before = path.read_bytes()
    ok("record", str(path), "M1", "--period", "2025", "--value", "5")
    removed, added = changed_lines(before, path.read_bytes())
    assert removed == [] and len(added) == 1 and added[0].startswith(b"                  {period: 2025, value: 5")
    assert added[0].rstrip().endswith(b"},")


HEAD = FIRST_KEY.split("        measures:\n")[0]


@pytest.mark.parametrize(("body", "args"), [
    ('        measures:\n          - id: "1.1"\n            title: T\n            schedule:\n              year: 2024\n'
     "              half: 1\n            responsible: [a]\n", ["set", "1.1", "schedule", "30.6.2026"]),
    ('        measures:\n          - id: "1.1"\n            title: T\n            description: |+\n'
     "              Rivi yksi\n\n", ["set", "1.1", "responsible", "x"]),
    ("        indicators:\n          - id: M1\n            name: N\n            kind: lukumäärä\n"
     "            observations: [\n              {period: 2022, value: 1},  # eka\n"
     "              {period: 2023, value: 2},  # toka\n            ]\n", ["record", "M1", "--period", "2024",
                                                                      "--value", "5"]),
    ("        indicators:\n          - id: M1\n            name: N\n            kind: lukumäärä\n"
     "            observations:\n              - period: 2024\n                value: 3\n                breakdown:\n"
     "                  A: 3\n", ["record", "M1", "--period", "2024", "--replace", "--unit-breakdown", "B=3"]),
], ids=["one-key-block", "keep-chomping", "flow-comments", "breakdown-block"])
def test_edits_a_probe_found_refused_now_go_in(tmp_path: Path, body: str, args: list[str]) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    run = hankinta(args[0], str(path), *args[1:])
    assert run.code == 0, run.stderr
    assert hankinta("check", str(path)).code in (0, 1) and "Traceback" not in run.stderr
