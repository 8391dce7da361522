"""How fast, and in how much memory, does `hankinta notices` read a year of Finnish notices?

    python benchmarks/notices_speed.py [--counts 2000 20000] [--sdk ../shared/data/eforms/notices]

HILMA publishes about 1 700 notices a month. From the eForms SDK's valid examples (not the
INVALID_* ones, not the 1.7 MB 100-lot one, which is added once) this generates COUNT notices
with their own notice ids, procedure ids, dispatch dates (through one year) and buyers (a Finnish
business id, one of 40), every tenth a version 02 of the one before; writes them as a folder
and as a .tar.gz (TED's package form), then runs `hankinta notices --format json` on each as a
whole command and the library alone (`load_notices` and a count per procedure), each in a
child process, printing wall time and the child's peak resident memory (wait4). Memory should
stay flat: compare the figures at 2 000 and 20 000. The target is < 30 s on 2 cores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
SDK = ROOT.parent / "shared" / "data" / "eforms" / "notices"
NS = {"cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
      "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
      "efac": "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1"}


def business_id(n: int) -> str:
    """The n-th valid Y-tunnus from 2000000 up (the check digit computed, remainder 1 skipped)."""
    from hankinta_cli.notices.business_id import check_digit

    body = 2_000_000 + n
    while check_digit(str(body)) is None:
        body += 1
    return f"{body}-{check_digit(str(body))}"


def templates(sdk: Path) -> list[bytes]:
    """Each valid example with placeholders where the generated notices differ."""
    out = []
    for path in sorted(sdk.glob("*.xml")):
        if path.name.startswith(("INVALID", "X0")) or "100_lots" in path.name:
            continue
        root = etree.parse(str(path)).getroot()
        for xpath, token in (("cbc:ID[@schemeName='notice-id']", "@@ID@@"), ("cbc:VersionID", "@@VERSION@@"),
                             ("cbc:IssueDate", "@@DATE@@"), ("cbc:ContractFolderID", "@@FOLDER@@")):
            for e in root.xpath(xpath, namespaces=NS):
                e.text = token
        buyer = root.xpath("cac:ContractingParty/cac:Party/cac:PartyIdentification/cbc:ID/text()", namespaces=NS)
        for company in root.xpath("//efac:Company", namespaces=NS):
            if buyer and company.xpath("cac:PartyIdentification/cbc:ID/text()", namespaces=NS)[:1] == buyer[:1]:
                for e in company.xpath("cac:PartyLegalEntity/cbc:CompanyID", namespaces=NS):
                    e.text = "@@BUYER@@"
        out.append(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    return out


def notices(sdk: Path, count: int) -> list[tuple[str, bytes]]:
    forms, buyers = templates(sdk), [business_id(i * 37).encode() for i in range(40)]
    start = dt.date(2025, 1, 1)
    made = [("big.xml", (sdk / "cn_24_maximal_100_lots.xml").read_bytes())]
    for i in range(count - 1):
        n = i - 1 if i % 10 == 9 else i  # every tenth: a new version of the one before
        text = (forms[n % len(forms)].replace(b"@@ID@@", f"00000000-0000-4000-8000-{n:012d}".encode())
                .replace(b"@@VERSION@@", b"02" if n != i else b"01")
                .replace(b"@@DATE@@", (start + dt.timedelta(days=i * 365 // count)).isoformat().encode())
                .replace(b"@@FOLDER@@", f"11111111-0000-4000-8000-{n:012d}".encode())
                .replace(b"@@BUYER@@", buyers[n % len(buyers)]))
        made.append((f"notice-{i:06d}.xml", text))
    return made


def write(sdk: Path, count: int, folder: Path, archive: Path) -> float:
    """Writes the notices as a folder and a .tar.gz; their size in MB."""
    folder.mkdir()
    made = notices(sdk, count)
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        for name, data in made:
            (folder / name).write_bytes(data)
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return sum(len(d) for _, d in made) / 1e6


def run(args: list[str]) -> tuple[int, float, float]:
    """Exit code, wall seconds and peak memory (MB) of a child process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, time.perf_counter() - t0, usage.ru_maxrss / 1024


LIBRARY = ("import sys; from pathlib import Path; from collections import Counter; "
           "from hankinta_cli.notices.read import load_notices; r = load_notices([Path(sys.argv[1])]); "
           "c = Counter(n.type for p in r.procedures for n in p.notices[-1:]); "
           "assert r.read > 0 and not r.unreadable, (r.read, r.problems[:3])")


def main() -> None:
    if sys.argv[1:2] == ["--generate"]:
        count, sdk, tmp = int(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
        sys.path.insert(0, str(ROOT / "src"))
        print(write(sdk, count, tmp / "notices", tmp / "notices.tar.gz"))
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--counts", type=int, nargs="+", default=[2000, 20000])
    ap.add_argument("--sdk", type=Path, default=SDK)
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    for count in a.counts:
        with tempfile.TemporaryDirectory() as tmp:
            folder, archive = Path(tmp, "notices"), Path(tmp, "notices.tar.gz")
            # generated in a child of its own: a child forked from a parent that had held the notices
            # would count the parent's pages in its peak memory (ru_maxrss counts from the fork)
            size = float(subprocess.run([sys.executable, __file__, "--generate", str(count), str(a.sdk), tmp],
                                        check=True, capture_output=True, text=True,
                                        env=dict(os.environ, PYTHONPATH=str(ROOT / "src"))).stdout)
            print(f"{count} notices, {size:.0f} MB of XML ({archive.stat().st_size / 1e6:.0f} MB as .tar.gz)")
            for what, path in (("folder", folder), (".tar.gz", archive)):
                code, took, peak = run([sys.executable, "-m", "hankinta_cli", "notices", str(path), "--format", "json"])
                print(f"  hankinta notices {what} --format json: exit {code}, {took:.1f} s, peak {peak:.0f} MB")
            code, took, peak = run([sys.executable, "-c", LIBRARY, str(folder)])
            print(f"  library (load_notices + per-procedure count), folder: exit {code}, {took:.1f} s, "
                  f"peak {peak:.0f} MB")


if __name__ == "__main__":
    main()
