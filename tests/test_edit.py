"""Writing commands change only the intended lines, never write an invalid file, and never lose
an update when two run at once."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROGRAMME_FILES, copy_programme, hankinta, unrecorded

FIXTURE = Path(__file__).parent / "fixtures" / "awkward.yaml"


def changed_lines(before: bytes, after: bytes) -> tuple[list[bytes], list[bytes]]:
    """Lines removed and added, as `git diff` would show them (byte-exact)."""
    import difflib

    a, b = before.splitlines(keepends=True), after.splitlines(keepends=True)
    removed, added = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            removed += a[i1:i2]
            added += b[j1:j2]
    return removed, added


@pytest.fixture(params=["lf", "crlf"])
def awkward(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    raw = FIXTURE.read_bytes()
    if request.param == "crlf":
        raw = raw.replace(b"\n", b"\r\n")
    target = tmp_path / "hankala.yaml"
    target.write_bytes(raw)
    target.chmod(0o640)
    return target


def test_fixture_is_valid(awkward: Path) -> None:
    assert hankinta("check", str(awkward)).code == 0


def test_status_set_touches_only_status_and_history(awkward: Path) -> None:
    before = awkward.read_bytes()
    run = hankinta("status", "set", str(awkward), "1.2", "done", "--note", "Valmis: 100 %", "--date",
                   "31.3.2025", "--by", "Maija")
    assert run.code == 0, run.stderr
    after = awkward.read_bytes()
    removed, added = changed_lines(before, after)
    nl = b"\r\n" if b"\r\n" in before else b"\n"
    assert removed == [b"              status: k\xc3\xa4ynniss\xc3\xa4" + nl]
    assert added == [b"              status: valmis" + nl,
                     b'                - {date: 2025-03-31, status: valmis, note: "Valmis: 100 %", by: Maija}' + nl]
    assert after.startswith(b"\xef\xbb\xbf")
    assert awkward.stat().st_mode & 0o777 == 0o640
    assert hankinta("check", str(awkward)).code == 0


def test_set_fills_a_gap_in_a_flow_mapping(awkward: Path) -> None:
    before = awkward.read_bytes()
    assert hankinta("set", str(awkward), "1.1", "schedule.due", "2024-06-30").code == 0
    removed, added = changed_lines(before, awkward.read_bytes())
    assert len(removed) == len(added) == 1
    assert b"schedule: {year: 2024, due: 2024-06-30}}" in added[0]


def test_set_responsible_on_block_measure(awkward: Path) -> None:
    before = awkward.read_bytes()
    assert hankinta("set", str(awkward), "1.2", "responsible", "hankintapalvelut; talous").code == 0
    removed, added = changed_lines(before, awkward.read_bytes())
    assert removed == [] and len(added) == 1
    assert added[0].strip() == b"responsible: [hankintapalvelut, talous]"


def test_record_appends_to_block_and_flow_lists(awkward: Path) -> None:
    before = awkward.read_bytes()
    assert hankinta("record", str(awkward), "M1", "--period", "2025", "--value", "7").code == 0
    assert hankinta("record", str(awkward), "M2", "--period", "2024", "--value", "13,5 %").code == 0
    removed, added = changed_lines(before, unrecorded(awkward.read_bytes()))
    assert len(added) == 2 and len(removed) == 1  # a new line, and the one-line flow list grows
    assert added[0].strip() == b"- {period: 2025, value: 7}"
    assert b"[{period: 2023, value: 12.5}, {period: 2024, value: 13.5}]" in added[1]


def test_record_refuses_a_different_value_without_replace(awkward: Path) -> None:
    before = awkward.read_bytes()
    run = hankinta("record", str(awkward), "M1", "--period", "2024", "--value", "9")
    assert run.code == 1 and "--replace" in run.stderr
    assert awkward.read_bytes() == before
    run = hankinta("record", str(awkward), "M1", "--period", "2024", "--value", "9", "--replace")
    assert run.code == 0 and "6" in run.stderr
    removed, added = changed_lines(before, unrecorded(awkward.read_bytes()))
    assert [r.strip() for r in removed] == [b"value: 6     # comment after a value"]
    assert [a.strip() for a in added] == [b"value: 9     # comment after a value"]


@pytest.mark.parametrize("args", [
    ["record", "{f}", "M2", "--period", "2024", "--value", "120"],       # percent out of range
    ["record", "{f}", "M1", "--period", "2024-H1", "--value", "1"],      # period vs granularity
    ["set", "{f}", "1.1", "schedule.due", "2031-01-01"],                  # outside period: warning only
    ["status", "set", "{f}", "1.2", "valmiss"],                            # unknown status
    ["status", "set", "{f}", "9.9", "valmis"],                             # unknown id
    ["set", "{f}", "1.2", "vastuutaho", "x"],                              # unknown field
    ["record", "{f}", "M1", "--period", "2025", "--value", "kolme"],     # not a number
])
def test_bad_input_writes_nothing(awkward: Path, args: list[str]) -> None:
    before = awkward.read_bytes()
    run = hankinta(*[a.replace("{f}", str(awkward)) for a in args])
    if args[3:4] == ["schedule.due"]:
        assert run.code == 0  # a warning does not block the edit
        return
    assert run.code in (1, 2), run.stderr
    assert "Traceback" not in run.stderr
    assert awkward.read_bytes() == before
    assert list(awkward.parent.glob(".*.tmp")) == []


def test_unknown_id_suggests(awkward: Path) -> None:
    run = hankinta("status", "set", str(awkward), "1.3", "valmis")
    assert run.code == 2 and ("'1.2'" in run.stderr or "'1.1'" in run.stderr)


def test_dry_run_prints_diff_and_writes_nothing(awkward: Path) -> None:
    before = awkward.read_bytes()
    run = hankinta("status", "set", str(awkward), "1.1", "käynnissä", "--date", "2024-02-01", "--dry-run")
    assert run.code == 0
    assert run.stdout.startswith("--- a/") and "+++ b/" in run.stdout
    assert "+            - {id: \"1.1\"" in run.stdout or "status: käynnissä" in run.stdout
    assert awkward.read_bytes() == before


@pytest.mark.parametrize("name", [p.name for p in PROGRAMME_FILES])
def test_edits_on_shipped_programmes_touch_only_their_lines(tmp_path: Path, name: str) -> None:
    target = copy_programme(name, tmp_path)
    before = target.read_bytes()
    listing = hankinta("status", str(target), "--format", "json").json()["measures"]
    first = listing[0]["id"]
    assert hankinta("status", "set", str(target), first, "käynnissä", "--date", "2024-05-02").code == 0
    assert hankinta("set", str(target), first, "priority", "2").code == 0
    removed, added = changed_lines(before, target.read_bytes())
    assert removed == []
    assert sorted(a.strip().split(b":")[0] for a in added) == [b"- {date", b"history", b"priority", b"status"]
    assert hankinta("check", str(target)).code == 0


def test_programme_by_id_under_root(tmp_path: Path) -> None:
    shutil.copy(FIXTURE, tmp_path / "ohjelma.yaml")
    run = hankinta("set", "hankala", "1.2", "priority", "1", "--root", str(tmp_path))
    assert run.code == 0, run.stderr
    assert hankinta("set", "eiole", "1.2", "priority", "1", "--root", str(tmp_path)).code == 2


WRITER = """
import sys
from typer.testing import CliRunner
from hankinta_cli.cli import app
path, ind, start = sys.argv[1], sys.argv[2], int(sys.argv[3])
for year in range(start, start + 8):
    r = CliRunner().invoke(app, ["record", path, ind, "--period", str(year), "--value", "1"])
    assert r.exit_code == 0, r.output
"""


def test_concurrent_writers_lose_no_update(awkward: Path) -> None:
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(awkward), ind, "2010"])
             for ind in ("M1", "M2")]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    data = hankinta("status", str(awkward), "--format", "json")  # still loads
    assert data.code == 0
    import yaml

    doc = yaml.safe_load(awkward.read_bytes().decode("utf-8-sig"))
    inds = doc["themes"][0]["goals"][0]["measures"][1]["indicators"]
    for ind in inds:
        periods = {o["period"] for o in ind["observations"]}
        assert set(range(2010, 2018)) <= periods, (ind["id"], periods)


def test_file_changed_underneath_is_not_overwritten(awkward: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hankinta_cli.editing import edit
    from hankinta_cli.editing.fields import set_field

    real_read = edit.read
    calls = {"n": 0}

    def read_then_someone_saves(path: Path) -> bytes:
        calls["n"] += 1
        if calls["n"] == 2:  # after the edit was prepared, an editor saves the file
            path.write_bytes(path.read_bytes() + b"# saved in an editor\n")
        return real_read(path)

    monkeypatch.setattr(edit, "read", read_then_someone_saves)
    with pytest.raises(edit.EditError) as e:
        edit.edit_file(awkward, set_field("1.2", "priority", "1"))
    assert e.value.key == "edit_changed"
    assert awkward.read_bytes().endswith(b"# saved in an editor\n")
    assert b"priority" not in awkward.read_bytes()


def test_record_with_unit_breakdown(awkward: Path) -> None:
    # a count's units are whole numbers adding up to its value (HK312, HK316: tests/test_units.py)
    run = hankinta("record", str(awkward), "M1", "--period", "2025", "--value", "4",
                   "--unit-breakdown", "Sote=3", "--unit-breakdown", "Tekninen=1")
    assert run.code == 0, run.stderr
    assert b"- {period: 2025, value: 4, breakdown: {Sote: 3, Tekninen: 1}}" in unrecorded(awkward.read_bytes())
    bad = hankinta("record", str(awkward), "M1", "--period", "2026", "--value", "4", "--unit-breakdown", "Sote")
    assert bad.code == 2 and "yksikkö=arvo" in bad.stderr


def test_unknown_status_suggests_a_name(awkward: Path) -> None:
    run = hankinta("status", "set", str(awkward), "1.2", "donee")
    assert run.code == 2 and "Tarkoititko 'done'?" in run.stderr


def test_write_failure_is_reported_and_the_file_kept(awkward: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hankinta_cli.editing import edit

    def disk_full(path: Path, data: bytes, **options: object) -> None:
        raise OSError(28, "No space left on device")

    before = awkward.read_bytes()
    monkeypatch.setattr(edit, "atomic_write", disk_full)
    run = hankinta("set", str(awkward), "1.2", "priority", "1")
    assert run.code == 2 and "No space left on device" in run.stderr and "Traceback" not in run.stderr
    assert awkward.read_bytes() == before


def test_errors_already_in_the_file_are_shown_where_they_are(tmp_path: Path) -> None:
    target = tmp_path / "p.yaml"
    kind = "                  kind: prosentti\n"
    text = FIXTURE.read_bytes().decode("utf-8-sig").replace(kind, kind + "                  catalogue: ei-ole\n")
    target.write_text(text, encoding="utf-8")
    before = target.read_bytes()
    run = hankinta("record", str(target), "M1", "--period", "2025", "--value", "7")
    assert run.code == 1 and "HK208" in run.stderr and "hankinta check" in run.stderr
    line = int(run.stderr.split(f"{target.name}:")[1].split(":")[0])
    assert "catalogue: ei-ole" in before.decode().splitlines()[line - 1]
    assert target.read_bytes() == before


def test_derived_indicator_takes_no_values(tmp_path: Path) -> None:
    target = tmp_path / "six.yaml"
    target.write_bytes((Path(__file__).parent / "fixtures" / "six_years.yaml").read_bytes())
    run = hankinta("record", str(target), "J", "--period", "2025", "--value", "3")
    assert run.code == 2 and "K1, K2" in run.stderr


def test_setting_the_status_a_measure_already_has_changes_nothing(awkward: Path) -> None:
    first = hankinta("status", "set", str(awkward), "1.2", "valmis", "--date", "31.3.2025")
    assert first.code == 0, first.stderr
    after_first = awkward.read_bytes()
    again = hankinta("status", "set", str(awkward), "1.2", "done", "--date", "1.4.2025")
    assert again.code == 0 and "ei muutoksia" in again.stderr, again.stderr
    assert awkward.read_bytes() == after_first  # no duplicate history entry
    # a note is news: the same status with a note is a dated progress entry
    noted = hankinta("status", "set", str(awkward), "1.2", "valmis", "--date", "2.4.2025", "--note", "Raportoitu")
    assert noted.code == 0
    _, added = changed_lines(after_first, awkward.read_bytes())
    assert len(added) == 1 and b"2025-04-02, status: valmis, note: Raportoitu" in added[0]


def test_entries_dated_in_the_future_are_refused(awkward: Path) -> None:
    import datetime as dt

    before = awkward.read_bytes()
    future = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    run = hankinta("status", "set", str(awkward), "1.2", "valmis", "--date", future)
    assert run.code == 2 and "tulevaisuudessa" in run.stderr, run.stderr
    next_year = str(dt.date.today().year + 1)
    run = hankinta("record", str(awkward), "M2", "--period", next_year, "--value", "3", "--lang", "en")
    assert run.code == 2 and "has not begun" in run.stderr, run.stderr
    csv = awkward.parent / "rivit.csv"
    csv.write_text("tunniste,tila\n1.2,valmis\n", encoding="utf-8")
    run = hankinta("import", str(awkward), str(csv), "--date", future)
    assert run.code == 2 and "tulevaisuudessa" in run.stderr, run.stderr
    assert awkward.read_bytes() == before
    # today and the current period are fine
    assert hankinta("record", str(awkward), "M2", "--period", str(dt.date.today().year), "--value", "3").code == 0
    assert hankinta("status", "set", str(awkward), "1.2", "valmis", "--date", dt.date.today().isoformat()).code == 0
