"""Absurdly large but well-formed files answer quickly with one clear finding, not minutes of work."""

from __future__ import annotations

from pathlib import Path

from conftest import copy_programme, hankinta
from hankinta_cli.checking.validate import MAX_FINDINGS
from hankinta_cli.reading.load import MAX_KEYS


def test_a_mapping_with_too_many_keys_is_refused_at_the_first_key_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "keys.yaml"
    path.write_text("schema_version: 1\n" + "".join(f"k{i}: {i}\n" for i in range(MAX_KEYS + 5)), encoding="utf-8")
    run = hankinta("check", "--no-cache", str(path))
    assert run.code == 1
    assert f"keys.yaml:{MAX_KEYS + 1}:1: virhe HK018" in run.stdout


def test_thousands_of_model_errors_are_listed_up_to_a_limit_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    extra = MAX_FINDINGS + 250
    path.write_text("schema_version: 1\nid: x\nname: x\norganisation: x\nthemes:\n"
                    + "".join(f"  - {{id: T{i}, name: t, colour: {i}}}\n" for i in range(extra)), encoding="utf-8")
    run = hankinta("check", "--no-cache", "--format", "json", str(path))
    assert run.code == 1
    findings = run.json()["files"][0]["findings"]
    assert len(findings) == MAX_FINDINGS + 1
    last = [f for f in findings if f["code"] == "HK111"]
    assert len(last) == 1 and "250" in last[0]["message"]
    assert last[0]["line"] == 6 + MAX_FINDINGS  # the first place not listed


def test_a_folder_scan_checks_a_linked_file_once_and_reports_a_broken_link_and_a_fifo(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "programmes"
    folder.mkdir()
    copy_programme("hyvinkaa.yaml", folder)
    (folder / "linkki.yaml").symlink_to("hyvinkaa.yaml")
    (folder / "rikki.yaml").symlink_to("ei-ole.yaml")
    os.mkfifo(folder / "putki.yaml")
    run = hankinta("check", str(folder), "--format", "json")
    files = {Path(r["path"]).name: [f["code"] for f in r["findings"]] for r in run.json()["files"]}
    assert "linkki.yaml" not in files and "hyvinkaa.yaml" in files  # the file once, not twice
    assert files["rikki.yaml"] == ["HK001"]  # by its own name, not the missing target's
    assert files["putki.yaml"] == ["HK004"]  # read at once (no writer), and said to be empty
    assert run.code == 2 and run.json()["summary"]["files"] == 4  # an unreadable file is an I/O error
