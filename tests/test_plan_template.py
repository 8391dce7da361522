"""`plan import --template`: a plan's items as a spreadsheet a coordinator edits and imports back.
The untouched sheet imports with no change (also a plan of hostile text, whose formula-like cells
are made inert and restored); an edited cell changes that line only; mistakes are one message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, hankinta
from hankinta_cli.editing.plan_import import TEMPLATE
from hankinta_cli.reading.sheets import read_grid

EXAMPLE = ROOT / "examples" / "plans" / "esimerkkila-hankintasuunnitelma.yaml"
HOSTILE = ROOT / "tests" / "hostile" / "calendar_plan.yaml"


@pytest.mark.parametrize("source", [EXAMPLE, HOSTILE], ids=["example", "hostile"])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_untouched_template_imports_back_unchanged(tmp_path: Path, source: Path, suffix: str) -> None:
    plan = tmp_path / source.name
    shutil.copy(source, plan)
    sheet = tmp_path / f"hankinnat{suffix}"
    made = hankinta("plan", "import", str(plan), "--template", str(sheet))
    assert made.code == 0, made.stderr
    grid = read_grid(sheet, None).rows
    assert [str(c) for c in grid[0][1]] == list(TEMPLATE) and len(grid) > 2
    before = plan.read_bytes()
    dry = hankinta("plan", "import", str(plan), str(sheet), "--dry-run")
    assert dry.code == 0 and "+++" not in dry.stdout, dry.stdout
    assert hankinta("plan", "import", str(plan), str(sheet)).code == 0
    assert plan.read_bytes() == before


def test_an_edited_cell_changes_its_line_only(tmp_path: Path) -> None:
    plan = tmp_path / EXAMPLE.name
    shutil.copy(EXAMPLE, plan)
    sheet = tmp_path / "hankinnat.csv"
    assert hankinta("plan", "import", str(plan), "--template", str(sheet)).code == 0
    rows = sheet.read_text(encoding="utf-8").splitlines()
    at = next(n for n, r in enumerate(rows) if r.startswith("ES-2026-02,"))
    rows[at] = rows[at].replace(",tavara,350000,,2,", ",tavara,350000,,1,")
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    before = plan.read_text(encoding="utf-8").splitlines()
    assert hankinta("plan", "import", str(plan), str(sheet)).code == 0
    after = plan.read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [("    priority: 2", "    priority: 1")]


def test_mistakes_are_one_message_and_write_nothing(tmp_path: Path) -> None:
    plan = tmp_path / EXAMPLE.name
    shutil.copy(EXAMPLE, plan)
    neither = hankinta("plan", "import", str(plan))
    assert neither.code == 2 and "--template" in neither.stderr and "Traceback" not in neither.stderr
    over = hankinta("plan", "import", str(plan), "--template", str(tmp_path / "toinen.yaml"), "--lang", "en")
    assert over.code == 2 and not (tmp_path / "toinen.yaml").exists()


def test_no_plan_and_no_plans_folder_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for args in (["plan"], ["plan", "indicators"], ["plan", "--lang", "en"]):
        run = hankinta(*args)
        assert run.code == 2 and "Traceback" not in run.stderr, args
        assert "plans/" in run.stderr and "'–'" not in run.stderr and "--root" in run.stderr, run.stderr


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_texts_a_sheet_would_change_import_back_unchanged(tmp_path: Path, suffix: str) -> None:
    """A title that itself starts with the escape character, and texts with surrounding spaces or a
    tab (a sheet's cells are read trimmed), come back as the file has them: no edit."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    titles = [i for i, line in enumerate(lines) if line.startswith("    title: ")]
    lines[titles[0]] = "    title: \"'=jo lainattu\""
    lines.insert(titles[1] + 1, '    description: "\\t=sarkain"')
    lines.insert(titles[0] + 1, '    description: "  välilyönnit alussa ja lopussa  "')
    plan = tmp_path / "p.yaml"
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert hankinta("check", str(plan)).code in (0, 1)
    sheet = tmp_path / f"hankinnat{suffix}"
    assert hankinta("plan", "import", str(plan), "--template", str(sheet)).code == 0
    before = plan.read_bytes()
    dry = hankinta("plan", "import", str(plan), str(sheet), "--dry-run")
    assert dry.code == 0 and "+++" not in dry.stdout, dry.stdout
    assert hankinta("plan", "import", str(plan), str(sheet)).code == 0
    assert plan.read_bytes() == before
