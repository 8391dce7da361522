"""Every broken file in tests/broken/ yields its expected finding at the expected line.

Each file's first line says what it expects: `# expect: CODE LINE [strict]`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import BROKEN, hankinta

CASES = sorted(BROKEN.glob("*.yaml"))


def expectation(path: Path) -> tuple[str, int, bool]:
    first = path.read_bytes().split(b"\n", 1)[0].decode("ascii")
    m = re.match(r"# expect: (HK\d{3}) (\d+)( strict)?$", first)
    assert m, f"{path.name}: first line must be '# expect: CODE LINE [strict]'"
    return m.group(1), int(m.group(2)), bool(m.group(3))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_broken_file_gives_expected_finding(path: Path) -> None:
    code, line, strict = expectation(path)
    args = ["check", "--format", "json", str(path)] + (["--strict"] if strict else [])
    run = hankinta(*args)
    assert run.code in (1, 2)
    findings = run.json()["files"][0]["findings"]
    hits = [f for f in findings if f["code"] == code]
    assert hits, f"expected {code}, got {[(f['code'], f['line']) for f in findings]}"
    assert hits[0]["line"] == line
    assert hits[0]["column"] >= 1
    assert hits[0]["message"] and hits[0]["severity"] == "error"
    assert "Traceback" not in run.stdout + run.stderr


def test_corpus_covers_every_loader_and_rule_code() -> None:
    seen = {expectation(p)[0] for p in CASES}
    must = {"HK003", "HK004", "HK010", "HK011", "HK012", "HK013", "HK014", "HK015", "HK016",
            "HK102", "HK103", "HK104", "HK105", "HK106", "HK108", "HK109", "HK110",
            "HK201", "HK202", "HK204", "HK205", "HK206", "HK208",
            "HK301", "HK302", "HK303", "HK304", "HK305", "HK306", "HK309",
            "HK311", "HK312", "HK401"}
    assert must <= seen, sorted(must - seen)


def test_python_tag_is_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    f = tmp_path / "evil.yaml"
    f.write_text(f'name: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    run = hankinta("check", str(f))
    assert run.code == 1 and not marker.exists()
