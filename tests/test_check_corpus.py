"""Every broken case in tests/broken/ yields its expected finding at the expected line.

A case's first line says what it expects: `# expect: CODE LINE [strict]` (`strict` runs
`check --strict`, so a warning counts). A case is a file `tests/broken/<name>.yaml`, or, when it
needs a file beside it (the shared catalogue `mittaristo.yaml`), a folder `tests/broken/<name>/`
holding the programme with the expect line and its companions without one. Codes that no file in
the repository can hold (unreadable, too large, …) are generated in tests/test_codes.py, which
also fails when a code of the catalogue has no case.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import BROKEN, hankinta

EXPECT = re.compile(r"# expect: (HK\d{3}) (\d+)( strict)?$")


def _first_line(path: Path) -> str:
    return path.read_bytes().split(b"\n", 1)[0].decode("ascii", "replace")


CASES = sorted(BROKEN.glob("*.yaml")) + sorted(
    p for p in BROKEN.glob("*/*.yaml") if _first_line(p).startswith("# expect:"))


def expectation(path: Path) -> tuple[str, int, bool]:
    m = EXPECT.match(_first_line(path))
    assert m, f"{path.name}: first line must be '# expect: CODE LINE [strict]'"
    return m.group(1), int(m.group(2)), bool(m.group(3))


def assert_finding(path: Path, code: str, line: int, strict: bool) -> None:
    """`check` on `path` reports `code` at `line` (first hit), through the real CLI."""
    args = ["check", "--no-cache", "--format", "json", str(path)] + (["--strict"] if strict else [])
    run = hankinta(*args)
    assert run.code in (1, 2)
    findings = [f for r in run.json()["files"] for f in r["findings"]]
    hits = [f for f in findings if f["code"] == code]
    assert hits, f"expected {code}, got {[(f['code'], f['line']) for f in findings]}"
    assert hits[0]["line"] == line
    assert hits[0]["column"] >= 1
    assert hits[0]["message"] and hits[0]["severity"] == "error"
    assert "Traceback" not in run.stdout + run.stderr


@pytest.mark.parametrize("path", CASES, ids=[p.relative_to(BROKEN).with_suffix("").as_posix() for p in CASES])
def test_broken_file_gives_expected_finding(path: Path) -> None:
    assert_finding(path, *expectation(path))


def test_every_case_folder_holds_a_case() -> None:
    for folder in (p for p in BROKEN.iterdir() if p.is_dir()):
        assert any(p.parent == folder for p in CASES), f"{folder.name}/ has no file with '# expect:'"


def test_python_tag_is_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    f = tmp_path / "evil.yaml"
    f.write_text(f'name: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    run = hankinta("check", str(f))
    assert run.code == 1 and not marker.exists()
