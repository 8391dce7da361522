"""How long and how much memory does each hostile input cost? Prints figures.

    python benchmarks/hostile.py [--only NAME] [--limit-s 10] [--limit-mb 1024]

Builds the hostile corpus of issue 10 in a temporary folder (spreadsheet bombs, absurd numbers,
injection attempts, /dev/zero, a huge old revision in git, hostile templates …), runs each as a
whole `hankinta` command and prints its exit code, wall time and peak memory (the child's own
maximum resident set, from wait4). It exits 1 if any case tracebacks, exits with an unexpected
code, or goes over the time or memory bound (10 s and 1 GB, as the issue asks).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROGRAMMES = ROOT / "programmes"
HK = [sys.executable, "-m", "hankinta_cli"]


@dataclass
class Case:
    name: str
    build: Callable[[Path], list[str]]  # makes the inputs in a folder, returns the arguments
    ok: tuple[int, ...] = (0, 1, 2)  # acceptable exit codes (a refusal is 1 or 2)


def _programme(folder: Path, name: str = "hyvinkaa.yaml") -> Path:
    shutil.copy(PROGRAMMES / "mittaristo.yaml", folder / "mittaristo.yaml")
    return Path(shutil.copy(PROGRAMMES / name, folder / name))


def _with_value(folder: Path, value: str, kind: str = "lukumäärä") -> Path:
    """A copy of Hyvinkää with the first indicator given one observation of `value` (raw YAML)."""
    path = _programme(folder)
    text = path.read_text(encoding="utf-8")
    marker = "            indicators:\n"
    at = text.index(marker) + len(marker)
    pad = " " * 14
    indicator = (f"{pad}- id: HX1\n{pad}  name: vihamielinen arvo\n{pad}  kind: {kind}\n"
                 f"{pad}  observations:\n{pad}    - {{period: 2024, value: {value}}}\n")
    path.write_text(text[:at] + indicator + text[at:], encoding="utf-8")
    return path


# --- spreadsheets ------------------------------------------------------------------------------------

_CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
       'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
       '+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
       'PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
       'spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/'
       'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
         '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WB = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
       '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
       '<sheet name="Taul1" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WB_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
            'Target="sharedStrings.xml"/></Relationships>')
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_HEADER_ROW = ('<row r="1"><c r="A1" t="inlineStr"><is><t>mittari</t></is></c><c r="B1" t="inlineStr"><is><t>kausi'
               '</t></is></c><c r="C1" t="inlineStr"><is><t>arvo</t></is></c></row>')


def _xlsx(target: Path, sheet: str | Callable[[zipfile.ZipFile], None], strings: str = "") -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WB)
        z.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        z.writestr("xl/sharedStrings.xml", strings or f'<sst {_NS} count="0" uniqueCount="0"></sst>')
        if callable(sheet):
            sheet(z)
        else:
            z.writestr("xl/worksheets/sheet1.xml", sheet)
    return target


def dimension_bomb(folder: Path) -> list[str]:
    prog = _programme(folder)
    sheet = (f'<worksheet {_NS}><dimension ref="A1:XFD1048576"/><sheetData>{_HEADER_ROW}'
             '<row r="2"><c r="A2" t="inlineStr"><is><t>M3.3</t></is></c><c r="B2"><v>2024</v></c>'
             '<c r="C2"><v>12</v></c></row></sheetData></worksheet>')
    return ["import", str(prog), str(_xlsx(folder / "dimension.xlsx", sheet)), "--dry-run"]


def shared_strings_bomb(folder: Path) -> list[str]:
    prog = _programme(folder)
    n = 400_000
    strings = f'<sst {_NS} count="{n}" uniqueCount="{n}">' + "<si><t>x</t></si>" * n + "</sst>"
    sheet = f'<worksheet {_NS}><sheetData>{_HEADER_ROW}</sheetData></worksheet>'
    return ["import", str(prog), str(_xlsx(folder / "strings.xlsx", sheet, strings)), "--dry-run"]


def whitespace_bomb(folder: Path) -> list[str]:
    prog = _programme(folder)

    def sheet(z: zipfile.ZipFile) -> None:
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(f'<worksheet {_NS}><sheetData>{_HEADER_ROW}'.encode())
            chunk = b" " * (1 << 20)
            for _ in range(1024):  # 1 GiB of whitespace, a few MB compressed
                fh.write(chunk)
            fh.write(b"</sheetData></worksheet>")

    return ["import", str(prog), str(_xlsx(folder / "whitespace.xlsx", sheet)), "--dry-run"]


def many_rows_csv(folder: Path) -> list[str]:
    prog = _programme(folder)
    target = folder / "rows.csv"
    with target.open("w", encoding="utf-8") as fh:
        fh.write("mittari,kausi,arvo\n")
        fh.writelines(f"M3.3,{2000 + i % 100},{i}\n" for i in range(2_000_000))
    return ["import", str(prog), str(target), "--dry-run"]


def binary_csv(folder: Path) -> list[str]:
    prog = _programme(folder)
    target = folder / "binary.csv"
    target.write_bytes(b"mittari,kausi,arvo\nM3.3,2024,\x81\x8d\x8f\x90\x9d\n")
    return ["import", str(prog), str(target), "--dry-run"]


# --- programme files ------------------------------------------------------------------------------------


def dev_zero(folder: Path) -> list[str]:
    return ["check", "--no-cache", "/dev/zero"]


def huge_integer(folder: Path) -> list[str]:
    return ["indicators", str(_with_value(folder, "9" * 100_000)), "--as-of", "2025-06-30", "--format", "json"]


def huge_money(folder: Path) -> list[str]:
    return ["report", str(_with_value(folder, "1.0e+27", "raha")), "--as-of", "2025-06-30", "--format", "md"]


def subnormal(folder: Path) -> list[str]:
    return ["indicators", str(_with_value(folder, "5e-324", "raha")), "--as-of", "2025-06-30", "--format", "json"]


def deep_nesting(folder: Path) -> list[str]:
    target = folder / "deep.yaml"
    target.write_text("schema_version: 1\nx: " + "[" * 200_000 + "]" * 200_000 + "\n", encoding="utf-8")
    return ["check", "--no-cache", str(target)]


def many_keys(folder: Path) -> list[str]:
    target = folder / "keys.yaml"
    with target.open("w", encoding="utf-8") as fh:
        fh.write("schema_version: 1\n")
        fh.writelines(f"k{i}: {i}\n" for i in range(600_000))  # just under the 10 MB cap
    return ["check", "--no-cache", str(target)]


_HOSTILE_TEXT = ('X\\n<!-- \\u202e <script>alert(1)</script> <img src=x onerror=alert(1)> | a | b |'
                 ' [link=http://evil]x[/link] [/] \\e[31m'
                 ' \\n} @import url(http://127.0.0.1:9/x.css); * {display:none} \\"')


def injected_report(fmt: str) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        path = _programme(folder)
        text = path.read_text(encoding="utf-8")
        text = text.replace("\nname: ", f'\nname: "{_HOSTILE_TEXT}"\nx_old_name: ', 1)
        text = text.replace("\nx_old_name: ", "\n# ", 1)
        path.write_text(text, encoding="utf-8")
        return ["report", str(path), "--as-of", "2025-06-30", "-o", str(folder / f"report.{fmt}")]

    return build


def sandbox_loop(folder: Path) -> list[str]:
    prog = _programme(folder)
    templates = folder / "templates"
    templates.mkdir()
    (templates / "report.md.j2").write_text(
        "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}\n", encoding="utf-8")
    return ["report", str(prog), "--templates", str(templates), "--format", "md"]


def sandbox_escape(folder: Path) -> list[str]:
    prog = _programme(folder)
    templates = folder / "templates"
    templates.mkdir()
    (templates / "report.md.j2").write_text(
        "{{ cycler.__init__.__globals__.os.system('touch " + str(folder / "pwned") + "') }}\n", encoding="utf-8")
    return ["report", str(prog), "--templates", str(templates), "--format", "md"]


def template_expression(body: str) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        prog = _programme(folder)
        templates = folder / "templates"
        templates.mkdir()
        (templates / "report.md.j2").write_text(body + "\n", encoding="utf-8")
        return ["report", str(prog), "--templates", str(templates), "--format", "md"]

    return build


def fifo(folder: Path) -> list[str]:
    target = folder / "putki.yaml"
    os.mkfifo(target)
    return ["check", "--no-cache", str(target)]


def markup_in_status(folder: Path) -> list[str]:
    path = _programme(folder)
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^( +title: ).*$", lambda m: m.group(1) + '"[link=http://evil]x[/link] [/] [/b] \\e[2J\\nz"',
                  text, count=1)
    path.write_text(text, encoding="utf-8")
    return ["status", str(path)]


def huge_old_revision(folder: Path) -> list[str]:
    repo = folder / "repo"
    (repo / "programmes").mkdir(parents=True)
    prog = _programme(repo / "programmes")
    git = ["git", "-C", str(repo), "-c", "user.name=b", "-c", "user.email=b@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    original = prog.read_bytes()
    with prog.open("ab") as fh:  # in chunks: a forked child would count this process's memory as its own
        fh.write(b"# ")
        for _ in range(200):
            fh.write(b"x" * (1 << 20))
        fh.write(b"\n")
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "huge"], check=True)
    prog.write_bytes(original)
    subprocess.run([*git, "commit", "-qam", "back"], check=True)
    return ["report", str(prog), "--since", "HEAD~1", "--as-of", "2025-06-30", "--format", "md"]


_LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
           + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
           + ']>\n<ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2">&lol9;'
           '</ContractNotice>\n')


def notice_bombs(folder: Path) -> list[str]:
    """A billion-laughs notice, one naming an external entity, and a zip of 256 MB of zeros."""
    (folder / "laughs.xml").write_text(_LAUGHS, encoding="utf-8")
    (folder / "external.xml").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
        '<ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2">&e;</ContractNotice>\n',
        encoding="utf-8")
    block = b"\0" * (1 << 20)
    with zipfile.ZipFile(folder / "zeros.zip", "w", zipfile.ZIP_DEFLATED) as z, z.open("zeros.xml", "w") as member:
        for _ in range(256):  # 256 MB that pack into 250 kB: far over the cap on one notice
            member.write(block)
    return ["notices", str(folder), "--format", "json"]


CASES = [
    Case("xlsx dimension A1:XFD1048576", dimension_bomb),
    Case("xlsx 400 000 shared strings", shared_strings_bomb),
    Case("xlsx 1 GiB of compressed whitespace", whitespace_bomb),
    Case("csv 2 000 000 rows", many_rows_csv),
    Case("csv with bytes invalid in UTF-8 and cp1252", binary_csv),
    Case("check /dev/zero", dev_zero),
    Case("100 000-digit value", huge_integer),
    Case("money 1.0e+27 in a report", huge_money),
    Case("subnormal 5e-324 to JSON", subnormal),
    Case("200 000 nested brackets", deep_nesting),
    Case("600 000 keys", many_keys),
    Case("injection into an HTML report", injected_report("html")),
    Case("injection into a Markdown report", injected_report("md")),
    Case("injection into a PDF report", injected_report("pdf")),
    Case("template with 10^10 loop iterations", sandbox_loop),
    Case("template escaping the sandbox", sandbox_escape),
    Case("template computing 10 ** (10 ** 10)", template_expression("{{ 10 ** (10 ** 10) }}")),
    Case("template making a 3 GB string", template_expression("{{ 'x' * 3000000000 }}")),
    Case("template centring in 3 GB", template_expression("{{ 'x'|center(3000000000) }}")),
    Case("check a FIFO", fifo),
    Case("Rich markup and escapes in a status table", markup_in_status),
    Case("--since a 200 MB old revision", huge_old_revision),
    Case("notices: billion laughs, external entity, zip bomb", notice_bombs, ok=(1,)),
]


def run(args: list[str], timeout: float) -> tuple[int | None, float, float, str]:
    """Exit code (None if killed at the timeout), seconds, peak MB, stderr tail."""
    env = {**os.environ, "HANKINTA_CACHE_DIR": tempfile.mkdtemp(prefix="hk-cache-")}
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen([*HK, *args], stdout=subprocess.DEVNULL, stderr=err, env=env)
        code: int | None = None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() - t0 > timeout:
                proc.kill()
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        took = time.perf_counter() - t0
        proc.returncode = 0  # reaped above
        err.seek(0)
        tail = err.read(1 << 20).decode("utf-8", "replace")
    return code, took, usage.ru_maxrss / 1024, tail


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", help="run only cases whose name contains this")
    ap.add_argument("--limit-s", type=float, default=10.0)
    ap.add_argument("--limit-mb", type=float, default=1024.0)
    args = ap.parse_args()
    worst_t, worst_m, failed = 0.0, 0.0, []
    print(f"{'case':45} {'exit':>4} {'s':>7} {'MB':>7}")
    for case in CASES:
        if args.only and args.only not in case.name:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            cmd = case.build(Path(tmp))
            code, took, mb, tail = run(cmd, timeout=max(60.0, args.limit_s * 3))
            if case.build is sandbox_escape and (Path(tmp) / "pwned").exists():
                failed.append(f"{case.name}: the template ran a shell command")
        worst_t, worst_m = max(worst_t, took), max(worst_m, mb)
        print(f"{case.name:45} {code if code is not None else 'kill':>4} {took:7.2f} {mb:7.0f}")
        if code is None or code not in case.ok:
            failed.append(f"{case.name}: exit {code}\n{tail[-2000:]}")
        elif "Traceback (most recent call last)" in tail:
            failed.append(f"{case.name}: traceback\n{tail[-2000:]}")
        elif took > args.limit_s or mb > args.limit_mb:
            failed.append(f"{case.name}: {took:.1f} s, {mb:.0f} MB over the bound")
    print(f"worst time {worst_t:.2f} s (bound {args.limit_s:g} s), peak memory {worst_m:.0f} MB "
          f"(bound {args.limit_mb:g} MB)")
    for f in failed:
        print("FAILED", f, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
