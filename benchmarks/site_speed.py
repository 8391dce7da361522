"""How fast is `hankinta site`? Prints figures; asserts nothing.

    python benchmarks/site_speed.py [--count 300]

Builds the site (both languages) of the synthetic repository (synthetic.py) into an empty folder,
then again with one programme changed (`status set`), then again with nothing changed, and prints
each run's time and what it wrote, the largest page and the site's total size. Targets (issue 15):
under 30 s on 2 cores, no page over 2 MB, and a rebuild rewrites only the pages that depend on the
changed programme.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import generate


def run(cmd: list[str]) -> tuple[float, str]:
    """Wall time and what the command said; the CPU time it used (all its processes) goes into
    the message, as a figure a busy machine does not inflate."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    took = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {out.returncode}: {out.stderr[-2000:]}")
    return took, f"{out.stderr.strip()} [CPU {cpu:.1f} s]"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=300)
    args = ap.parse_args()
    hk = [sys.executable, "-m", "hankinta_cli"]
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "programmes"
        size = generate(repo, args.count)
        site = Path(tmp) / "site"
        build = [*hk, "site", str(repo), "-o", str(site), "--as-of", "2025-06-30"]
        took, said = run(build)
        files = [p for p in site.rglob("*") if p.is_file()]
        pages = [p for p in files if p.suffix == ".html"]
        largest = max(pages, key=lambda p: p.stat().st_size)
        total = sum(p.stat().st_size for p in files)
        print(f"site of {args.count} programmes ({size / 1e6:.1f} MB of YAML), {os.cpu_count()} cores: {took:.1f} s")
        print(f"  {said}")
        print(f"  {len(pages)} pages, {len(files)} files, {total / 1e6:.0f} MB; largest page "
              f"{largest.relative_to(site)} {largest.stat().st_size / 1e3:.0f} kB")
        run([*hk, "status", "set", str(repo / "kunta-007.yaml"), "1.1", "valmis", "--date", "2025-03-01"])
        took, said = run(build)
        print(f"rebuild with one programme changed: {took:.1f} s\n  {said}")
        took, said = run(build)
        print(f"rebuild with nothing changed: {took:.1f} s\n  {said}")


if __name__ == "__main__":
    main()
