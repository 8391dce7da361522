"""Hostile text and numbers at the terminal (issue 10, items 5, 6 and 9).

Programme text reaches a terminal through findings, tables and error messages: none of it may
carry ANSI escapes, forge a line or be read as Rich markup. Numbers that check accepts must
compute, and the rest are findings at their line, never tracebacks. Unreadable or endless
files are clear errors.
"""

from __future__ import annotations

import errno
import json
import math
import os
import re
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import CATALOGUE, ROOT, Run, copy_programme, hankinta

HOSTILE = Path(__file__).resolve().parent / "hostile"
TERMINAL = HOSTILE / "terminal.yaml"
FINDINGS = HOSTILE / "terminal_findings.yaml"

ESC = "\x1b"
WIDE = {"COLUMNS": "1000"}  # Rich folds cells to the terminal's width: keep each on one line
FINDING_LINE = re.compile(r"^\S+:\d+:\d+: (virhe|varoitus|error|warning) HK\d{3} ")


def _no_control(text: str) -> None:
    assert ESC not in text and "\x07" not in text and "\x9b" not in text


# --- item 9: terminal injection -------------------------------------------------------------

def test_findings_quote_file_content_on_one_line_without_escapes() -> None:
    run = hankinta("check", "--no-cache", str(FINDINGS))
    assert run.code == 1
    _no_control(run.stdout)
    lines = [ln for ln in run.stdout.splitlines() if not ln.startswith("    ")]
    assert len(lines) == 2 and all(FINDING_LINE.match(ln) for ln in lines)  # nothing forged
    assert not any(ln.startswith("programmes/x.yaml") for ln in run.stdout.splitlines())
    assert "HK999" in lines[0]  # the text is still shown, flattened


def test_github_annotations_and_step_summary_cannot_be_forged(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    run = hankinta("check", "--no-cache", "-f", "github", str(FINDINGS), env={"GITHUB_STEP_SUMMARY": str(summary)})
    _no_control(run.stdout)
    lines = run.stdout.splitlines()
    assert len(lines) == 2 and all(ln.startswith("::error file=") for ln in lines)
    text = summary.read_text(encoding="utf-8")
    _no_control(text)
    assert "<img" not in text and "&lt;img" in text
    assert all(ln.count("|") - ln.count("\\|") in (0, 4) for ln in text.splitlines())


def test_json_findings_carry_no_control_characters() -> None:
    data = hankinta("check", "--no-cache", "-f", "json", str(FINDINGS)).json()
    for f in data["files"][0]["findings"]:
        _no_control(f["message"])
        assert "\n" not in f["message"]


@pytest.mark.parametrize("command", [["status"], ["indicators"], ["indicators", "--lang", "en"]])
def test_tables_show_markup_and_escapes_as_inert_text(command: list[str]) -> None:
    run = hankinta(*command, str(TERMINAL), "--as-of", "2025-06-30", env=WIDE)
    assert run.code == 0, run.stderr
    _no_control(run.stdout)
    flat = "".join(run.stdout.split())
    if command == ["status"]:
        assert "[link=https://evil.example]klik[/link]" in flat
        assert "huom[/]" in flat and "HK999" in flat
        assert not any(ln.startswith("programmes/x.yaml") for ln in run.stdout.splitlines())
    else:
        assert "Raha[/b]" in flat and "Ohjelma[/b]" in flat


def test_summary_table_shows_markup_as_text(tmp_path: Path) -> None:
    shutil.copy(TERMINAL, tmp_path / "terminaali.yaml")
    shutil.copy(ROOT / "programmes" / "kajaani-2021-2023.yaml", tmp_path / "kajaani.yaml")
    shutil.copy(CATALOGUE, tmp_path / CATALOGUE.name)
    run = hankinta("summary", str(tmp_path), "--as-of", "2025-06-30", env=WIDE)
    assert run.code == 0, run.stderr
    _no_control(run.stdout)
    assert "Ohjelma[/b]" in "".join(run.stdout.split())


def test_error_messages_quoting_user_input_are_one_clean_line(tmp_path: Path) -> None:
    path = copy_programme("hyvinkaa.yaml", tmp_path)
    run = hankinta("status", "set", str(path), "1.1", "valmis\x1b[31m\nhankinta: tallennettu")
    assert run.code == 2
    _no_control(run.stderr)
    assert not any(ln.startswith("hankinta: tallennettu") for ln in run.stderr.splitlines())
    run = hankinta("indicators", str(path), "--status", "x\x1b]8;;http://e\x07y")
    assert run.code == 2
    _no_control(run.stderr)


# --- item 5: numbers that check and the calculations both accept must compute ---------------

def _programme(values: list[Any], kind: str = "raha", target: Any = 100) -> str:
    obs = "\n".join(f"              - {{period: {2022 + i}, value: {v}}}" for i, v in enumerate(values))
    return f"""schema_version: 1
id: luvut
name: Luvut
organisation: Kunta
period: {{start: 2022-01-01, end: 2027-12-31}}
themes:
  - id: T1
    name: Teema
    measures:
      - id: "1.1"
        title: Toimenpide
        responsible: [a]
        schedule: {{year: 2025}}
        indicators:
          - id: M1
            name: Mittari
            kind: {kind}
            numerator: a
            denominator: b
            granularity: vuosi
            direction: kasvu
            targets: [{{value: {target}, deadline: 2027-12-31}}]
            observations:
{obs}
          - id: M2
            name: Suhde
            kind: suhde
            numerator: M1
            denominator: M1
            derived: {{op: suhde, of: [M1, M1]}}
          - id: M3
            name: Muutos
            kind: prosentti
            derived: {{op: vuosimuutos, of: [M1]}}
"""


def _strict_json(text: str) -> Any:
    def refuse(name: str) -> Any:
        raise ValueError(f"not JSON: {name}")

    return json.loads(text, parse_constant=refuse)


def _all_commands(path: Path) -> tuple[Run, Run | None, Run | None]:
    checked = hankinta("check", "--no-cache", "-f", "json", str(path))
    assert checked.code in (0, 1), checked.stderr
    if checked.code == 1:
        return checked, None, None
    data = hankinta("indicators", str(path), "-f", "json", "--as-of", "2025-06-30")
    assert data.code == 0, data.stderr
    _strict_json(data.stdout)
    assert hankinta("indicators", str(path), "--as-of", "2025-06-30").code == 0
    md = hankinta("report", str(path), "-f", "md", "--as-of", "2025-06-30")
    assert md.code == 0, md.stderr
    return checked, data, md


def test_huge_money_is_a_finding_and_indicators_refuse_it_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "luvut.yaml"
    path.write_text(_programme([10, "1.0e+27"]), encoding="utf-8")
    checked, _, _ = _all_commands(path)
    finding = checked.json()["files"][0]["findings"][0]
    assert finding["line"] == 25 and "10^15" in finding["message"]
    for args in (["indicators"], ["report", "-f", "md"]):
        run = hankinta(*args, str(path))
        assert run.code == 1 and "luvut.yaml:25:" in run.stderr and "Traceback" not in run.stderr


@pytest.mark.parametrize("literal", ["1" + "0" * 1000, "9" * 100_000, "-" + "9" * 5000, "0x" + "f" * 5000,
                                     "1e400", "-.inf", ".nan"])
def test_numbers_beyond_any_float_are_findings_at_their_line(tmp_path: Path, literal: str) -> None:
    path = tmp_path / "luvut.yaml"
    path.write_text(_programme([1, literal]), encoding="utf-8")
    checked, _, _ = _all_commands(path)
    assert checked.code == 1
    assert checked.json()["files"][0]["findings"][0]["line"] == 25
    assert len(checked.stdout) < 5000  # the value is not echoed back digit by digit
    assert hankinta("indicators", str(path)).code == 1


def test_a_subnormal_value_computes_to_valid_json(tmp_path: Path) -> None:
    path = tmp_path / "luvut.yaml"
    path.write_text(_programme(["5e-324", 1, 2]), encoding="utf-8")
    checked, data, _ = _all_commands(path)
    assert checked.code == 0 and data is not None
    m1 = next(i for i in _strict_json(data.stdout)["indicators"] if i["id"] == "M1")
    assert m1["latest"] == 2


def test_a_big_value_in_a_table_is_formatted_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "luvut.yaml"
    path.write_text(_programme([1e-9, 1e15, 1e15], target=1e15), encoding="utf-8")
    checked, _, md = _all_commands(path)
    assert checked.code == 0 and md is not None


_NUMBERS = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(allow_subnormal=True, min_value=-1e-300, max_value=1e-300),
    st.sampled_from([0.0, -0.0, 5e-324, -5e-324, 1e15, -1e15, 1e15 + 1, 1.7976931348623157e308, 1e-9]),
)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(_NUMBERS, min_size=1, max_size=3), target=_NUMBERS,
       kind=st.sampled_from(["raha", "suhde", "kesto", "prosentti"]))
@example(values=[5e-324, 1.0, 2.0], target=100, kind="raha")  # Infinity in JSON before
@example(values=[10, 1e27], target=1e27, kind="raha")  # decimal.InvalidOperation before
def test_values_check_accepts_compute_everywhere(tmp_path: Path, values: list[float], target: float,
                                                 kind: str) -> None:
    path = tmp_path / "luvut.yaml"
    path.write_text(_programme([repr(v) for v in values], kind, repr(target)), encoding="utf-8")
    checked, _, _ = _all_commands(path)
    accepted = all(math.isfinite(v) and abs(v) <= 1e15 for v in [*values, target])
    if not accepted:
        assert checked.code == 1


# --- item 5: unreadable, endless and odd files ---------------------------------------------

def _deny(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Reading `name` fails as under chmod 000 (tests may run as root, where chmod does not)."""
    from hankinta_cli.reading import load

    real = load.open_for_reading

    def fake(path: Path) -> int:
        if Path(path).name == name:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real(path)

    monkeypatch.setattr(load, "open_for_reading", fake)


def test_an_unreadable_programme_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = copy_programme("hyvinkaa.yaml", tmp_path)
    _deny(monkeypatch, path.name)
    for args in (["check", "--no-cache", str(path)], ["check", "--no-cache", str(tmp_path)],
                 ["status", str(path)], ["indicators", str(path)], ["status", "hyvinkaa", "--root", str(tmp_path)],
                 ["summary", str(tmp_path)], ["report", str(path), "-f", "md"]):
        run = hankinta(*args)
        assert run.code == 2, (args, run.stderr)
        assert os.strerror(errno.EACCES) in run.stdout + run.stderr, args


def test_an_unreadable_catalogue_is_named_not_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = copy_programme("kajaani-2021-2023.yaml", tmp_path)
    _deny(monkeypatch, CATALOGUE.name)
    for args in (["check", "--no-cache", str(path)], ["summary", str(tmp_path)],
                 ["record", str(path), "M2", "--period", "2023", "--value", "1", "--dry-run"]):
        run = hankinta(*args)
        out = run.stdout + run.stderr
        assert run.code == 2, (args, out)
        assert "mittaristo.yaml" in out and os.strerror(errno.EACCES) in out, args
        assert "ei ole ohjelman kansiossa" not in out


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_an_endless_file_is_too_large_not_out_of_memory() -> None:
    run = hankinta("check", "--no-cache", "-f", "json", "/dev/zero")
    assert run.code == 1
    assert run.json()["files"][0]["findings"][0]["code"] == "HK002"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_a_fifo_or_a_folder_named_yaml_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "putki.yaml"
    os.mkfifo(fifo)
    (tmp_path / "kansio.yaml").mkdir()
    runs: list[Run] = []
    # in a thread, so that a hang fails the test instead of stopping the suite
    worker = threading.Thread(target=lambda: runs.append(
        hankinta("check", "--no-cache", "-f", "json", str(fifo), str(tmp_path / "kansio.yaml"))), daemon=True)
    worker.start()
    worker.join(10)
    assert runs, "check waited for a writer on the FIFO"
    assert runs[0].code == 1
    assert [f["code"] for f in runs[0].json()["files"][0]["findings"]] == ["HK004"]  # empty: no writer


# --- item 6: clear errors for record's note and period -------------------------------------

def test_a_control_character_in_a_note_is_named(tmp_path: Path) -> None:
    path = copy_programme("kajaani-2021-2023.yaml", tmp_path)
    before = path.read_bytes()
    run = hankinta("record", str(path), "M2", "--period", "2023", "--value", "1", "--note", "ok\x01")
    assert run.code == 2
    assert "U+0001" in run.stderr and "kohdassa 3" in run.stderr and "--note" in run.stderr
    assert "HK010" not in run.stderr
    run = hankinta("record", str(path), "M2", "--period", "2023", "--value", "1", "--note", "a\x01",
                   "--lang", "en")
    assert "control character" in run.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize("period", ["1899", "2200", "2024-H3", "24"])
def test_a_period_out_of_range_says_what_a_period_is(tmp_path: Path, period: str) -> None:
    path = copy_programme("kajaani-2021-2023.yaml", tmp_path)
    run = hankinta("record", str(path), "M2", "--period", period, "--value", "1")
    assert run.code == 2
    assert "1900–2199" in run.stderr and "2024-H1" in run.stderr
    assert "lainausmerk" not in run.stderr


ESCAPES = "\x1b[2J\x1b]0;otsikko\x07\u202e"


def _in_a_terminal(args: list[str], cwd: Path) -> str:
    """What the real command prints to a terminal (a pseudo-terminal as its standard output)."""
    import pty
    import subprocess
    import sys

    main, child = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "hankinta_cli", *args], stdout=child, stderr=subprocess.PIPE,
                            cwd=cwd, env={**os.environ, "COLUMNS": "200"})
    os.close(child)
    out = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=60)
    os.close(main)
    assert proc.returncode in (0, 1), proc.stderr.read() if proc.stderr else ""
    return out.decode("utf-8", "replace")


@pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals are POSIX")
def test_csv_to_a_terminal_carries_no_escapes_but_a_file_keeps_the_data(tmp_path: Path) -> None:
    folder = tmp_path / "programmes"
    folder.mkdir()
    path = copy_programme("hyvinkaa.yaml", folder)
    text = path.read_text(encoding="utf-8")
    title = json.dumps("Otsikko" + ESCAPES)  # a double-quoted YAML string holds the escapes as \\u…
    text = re.sub(r"(?m)^name: .*$", lambda _: "name: " + title, text, count=1)
    text = re.sub(r"(?m)^organisation: .*$", lambda _: "organisation: " + title, text, count=1)
    path.write_text(text, encoding="utf-8")
    for args in (["status", "hyvinkaa", "--format", "csv"], ["summary", "--format", "csv"],
                 ["indicators", "hyvinkaa", "--format", "csv"]):
        shown = _in_a_terminal(args, tmp_path)
        assert "Otsikko" in shown or args[0] != "summary", shown[:300]
        assert not any(c in shown for c in "\x1b\x07\u202e"), (args, shown[:300])
    piped = hankinta("summary", "--format", "csv", "--root", str(folder))
    assert "Otsikko" + ESCAPES in piped.stdout  # a file or a pipe gets the data as it is


def test_import_error_rows_quote_cells_without_escapes(tmp_path: Path) -> None:
    path = copy_programme("hyvinkaa.yaml", tmp_path)
    sheet = tmp_path / "rivit.csv"
    sheet.write_text("tunniste;tila\n1.\x1b[2J1;valmis\n", encoding="utf-8")
    run = hankinta("import", str(path), str(sheet))
    assert run.code in (1, 2) and "rivi 2" in run.stderr, run.stderr
    assert "\x1b" not in run.stderr, run.stderr
