"""Every `hankinta` command the README shows works as shown: run in a copy of the repository's
programmes, with its optional parts ([...]) left out and placeholders (…, PATH) skipped."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, hankinta


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.splitlines():
            line = re.sub(r"\s+#\s.*$", "", line.strip())  # a comment after the command
            if line.startswith("hankinta "):
                lines.append(line)
    return lines


def without_optional(line: str) -> str:
    while (m := re.search(r"\s*\[[^\[\]]*\]", line)) is not None:
        line = line[:m.start()] + line[m.end():]
    return line


def test_the_readme_shows_the_commands_this_test_runs() -> None:
    shown = readme_commands()
    assert len(shown) >= 15 and any(c.startswith("hankinta add measure") for c in shown)


def test_every_command_the_readme_shows_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "programmes", tmp_path / "programmes")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")  # the plan commands work on the example plan
    (tmp_path / "schemas").mkdir()
    monkeypatch.chdir(tmp_path)
    commands = [without_optional(c) for c in readme_commands()]
    # a template first, so that the import has its file; git revisions need a history of their own
    commands.sort(key=lambda c: "--template" not in c)
    ran = 0
    for command in commands:
        if "…" in command or "PATH" in command or "HEAD~" in command:
            continue
        run = hankinta(*shlex.split(command)[1:])
        assert run.code == 0, f"{command}\n{run.stdout[-2000:]}{run.stderr[-2000:]}"
        ran += 1
    assert ran >= 15
