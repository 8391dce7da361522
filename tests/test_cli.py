"""Output formats, languages, strictness, exit codes and start-up of the `hankinta` command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BROKEN, PROGRAMMES, hankinta

HYVINKAA = str(PROGRAMMES / "hyvinkaa.yaml")


def test_json_shape_is_versioned() -> None:
    data = hankinta("check", "-f", "json", str(BROKEN / "dup_key.yaml")).json()
    assert data["version"] == 1 and data["tool"] == "hankinta check"
    assert set(data["summary"]) == {"files", "errors", "warnings"}
    f = data["files"][0]["findings"][0]
    assert set(f) == {"code", "severity", "line", "column", "path", "message", "hint"}


def test_english_messages() -> None:
    run = hankinta("check", "--lang", "en", str(BROKEN / "unknown_key.yaml"))
    assert "unknown field 'organisaatio'" in run.stdout
    assert "Did you mean 'organisation'?" in run.stdout
    assert "1 error" in run.stderr


def test_finnish_did_you_mean_for_a_status() -> None:
    run = hankinta("check", str(BROKEN / "bad_status.yaml"))
    assert "Tarkoititko 'valmis'?" in run.stdout


def test_strict_turns_gap_warnings_into_errors() -> None:
    assert hankinta("check", HYVINKAA).code == 0
    run = hankinta("check", "--strict", "-f", "json", HYVINKAA)
    assert run.code == 1
    assert run.json()["summary"]["errors"] == 99  # 49 measures × (responsible, schedule), HILMA buyer ids (HK403)


def test_warnings_fold_in_text_but_not_with_all() -> None:
    folded = hankinta("check", HYVINKAA).stdout
    full = hankinta("check", "--all", HYVINKAA).stdout
    assert "--all" in folded
    assert full.count("HK401") == 49


def test_github_annotations_are_escaped(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    f = tmp_path / "a,b:c%.yaml"
    f.write_text("schema_version: 1\nid: x\nname: 50% valmis\nname: x\norganisation: K\n", encoding="utf-8")
    run = hankinta("check", "-f", "github", str(f), env={"GITHUB_STEP_SUMMARY": str(summary)})
    line = run.stdout.splitlines()[0]
    assert line.startswith("::error file=")
    assert "a%2Cb%3Ac%25.yaml" in line and ",line=4,col=1,title=HK011::" in line
    assert "\n" not in line and "%0A" in line  # the hint follows on an escaped new line
    assert "### hankinta check" in summary.read_text(encoding="utf-8")


def test_no_color_is_honoured() -> None:
    run = hankinta("check", str(BROKEN / "dup_key.yaml"), env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert "\x1b[" not in run.stdout
    run = hankinta("check", str(BROKEN / "dup_key.yaml"), env={"FORCE_COLOR": "1"})
    assert "\x1b[" in run.stdout


def test_data_on_stdout_messages_on_stderr() -> None:
    run = hankinta("check", "-f", "json", str(PROGRAMMES))
    assert run.stdout.lstrip().startswith("{")
    assert "tarkistettu" in run.stderr


def test_cache_never_hides_a_new_finding(tmp_path: Path) -> None:
    f = tmp_path / "p.yaml"
    f.write_text("schema_version: 1\nid: x\nname: N\norganisation: K\n", encoding="utf-8")
    assert hankinta("check", str(f)).code == 0
    assert hankinta("check", str(f)).code == 0  # served from the cache
    f.write_text("schema_version: 1\nid: x\nname: N\norganisation: K\nname: M\n", encoding="utf-8")
    assert hankinta("check", str(f)).code == 1


def test_help_and_version_do_not_import_heavy_modules() -> None:
    env = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1"}
    for args in (["--help"], ["--version"]):
        out = subprocess.run([sys.executable, "-m", "hankinta_cli", *args], capture_output=True,
                             text=True, env=env)
        assert out.returncode == 0
        imported = {line.split("|")[-1].strip().split(".")[0] for line in out.stderr.splitlines()
                    if line.startswith("import time:")}
        heavy = imported & {"pydantic", "jinja2", "ruamel", "rich", "yaml"}
        assert not heavy, heavy


def test_a_run_builds_only_the_command_it_names() -> None:
    from hankinta_cli.cli import app, only

    def names(a: object) -> tuple[list[str], list[str]]:
        commands = [c.name or c.callback.__name__.replace("_", "-") for c in a.registered_commands]  # type: ignore[attr-defined]
        return commands, [g.name for g in a.registered_groups]  # type: ignore[attr-defined]

    assert names(only(app, ["check", "-f", "json", "x.yaml"])) == (["check"], [])
    assert names(only(app, ["--version", "report"])) == (["report"], [])
    assert names(only(app, ["plan", "add", "--title", "T"])) == ([], ["plan"])
    for args in ([], ["--help"], ["chek"], ["--version"]):  # the whole tree: help and suggestions stay complete
        assert only(app, args) is app
    assert {"check", "report", "site"} <= set(names(app)[0])  # narrowing copies: the application keeps all


def test_every_command_runs_when_narrowed_to_itself(capsys: pytest.CaptureFixture[str]) -> None:
    import typer.main

    from hankinta_cli.cli import app, only

    tops = [c.name or c.callback.__name__.replace("_", "-") for c in app.registered_commands]  # type: ignore[union-attr]
    tops += [g.name for g in app.registered_groups if g.name]
    for name in tops:
        group = typer.main.get_command(only(app, [name, "--help"]))
        try:
            group.main([name, "--help"], prog_name="hankinta", standalone_mode=False)
        except SystemExit as e:  # pragma: no cover (a failure's message)
            raise AssertionError((name, e.code, capsys.readouterr())) from None
        assert f"hankinta {name}" in capsys.readouterr().out, name


def test_a_narrowed_run_through_the_real_entry_point() -> None:
    for args in (["check", "--help"], ["plan", "--help"], ["status", "--help"]):
        out = subprocess.run([sys.executable, "-m", "hankinta_cli", *args], capture_output=True, text=True)
        assert out.returncode == 0 and f" {args[0]} [VALITSIMET]" in out.stdout, out.stderr


def test_a_misspelt_command_is_suggested_from_every_command() -> None:
    run = hankinta("chek")
    assert run.code == 2 and "Tarkoititko 'check'" in run.stderr


def test_checking_a_plan_does_not_define_the_programme_model() -> None:
    # a plan's check is a short command with a speed target (benchmarks/plan_speed.py)
    env = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1"}
    plan = Path(__file__).parents[1] / "examples" / "plans" / "esimerkkila-hankintasuunnitelma.yaml"
    out = subprocess.run([sys.executable, "-m", "hankinta_cli", "check", str(plan)], capture_output=True,
                         text=True, env=env)
    assert out.returncode in (0, 1), out.stderr[-2000:]
    imported = {line.split("|")[-1].strip() for line in out.stderr.splitlines() if line.startswith("import time:")}
    assert "hankinta_cli.plan_model" in imported
    assert not imported & {"hankinta_cli.model", "hankinta_cli.computing.hilma", "hankinta_cli.notices.model"}


def test_status_overview_filters() -> None:
    six = str(Path(__file__).parent / "fixtures" / "six_years.yaml")
    rows = hankinta("status", six, "-f", "json", "--overdue", "--as-of", "2025-06-30").json()["measures"]
    assert [r["id"] for r in rows] == ["1.1"]
    rows = hankinta("status", six, "-f", "json", "--status", "done").json()["measures"]
    assert [r["id"] for r in rows] == ["1.3"]
    rows = hankinta("status", six, "-f", "json", "--responsible", "TALOUS").json()["measures"]
    assert [r["id"] for r in rows] == ["1.3"]
    table = hankinta("status", six, "--as-of", "2025-06-30", env={"COLUMNS": "200"}).stdout
    assert "(ei raportoitu)" in table and "myöhässä" in table and "(puuttuu)" in table
    english = hankinta("status", six, "--lang", "en", env={"COLUMNS": "200"}).stdout
    assert "(not reported)" in english and "(missing)" in english


def test_status_without_programme_lists_every_programme() -> None:
    rows = hankinta("status", "-f", "json").json()["measures"]
    expected = {"hyvinkaa", "kajaani-2021-2023", "valtio-innovatiiviset-hankinnat-2017-2019"}
    assert {r["programme"] for r in rows} == expected
    assert len(rows) == 49 + 54 + 14


def test_step_summary_under_github_actions_in_any_format(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    env = {"GITHUB_STEP_SUMMARY": str(summary), "GITHUB_ACTIONS": "true"}
    hankinta("check", "-f", "json", str(BROKEN / "dup_key.yaml"), env=env)
    assert "| `" in summary.read_text(encoding="utf-8") and "HK011" in summary.read_text(encoding="utf-8")
