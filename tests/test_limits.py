"""Absurdly large but well-formed files answer quickly with one clear finding, not minutes of work."""

from __future__ import annotations

from pathlib import Path

from conftest import hankinta
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
