"""How fast is `hankinta report`? Prints figures; asserts nothing.

    python benchmarks/report_speed.py [--count 300] [--runs 3]

Times, as whole commands: the HTML report of one Hyvinkää-sized programme with six years of
observations, and a combined HTML report over the synthetic 300-programme repository.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import generate, timed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    hk = [sys.executable, "-m", "hankinta_cli", "report", "--as-of", "2025-06-30"]
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "programmes"
        size = generate(repo, args.count)
        one = repo / "kunta-000.yaml"
        out = Path(tmp) / "out.html"
        t_one = statistics.median(timed([*hk, str(one), "-o", str(out)]) for _ in range(args.runs))
        print(f"report, one programme ({one.stat().st_size / 1000:.0f} kB, six years): {t_one:.2f} s, "
              f"{out.stat().st_size / 1000:.0f} kB of HTML")
        t_all = statistics.median(timed([*hk, str(repo), "-o", str(out)]) for _ in range(max(1, args.runs - 1)))
        print(f"combined report, {args.count} programmes ({size / 1e6:.1f} MB): {t_all:.2f} s, "
              f"{out.stat().st_size / 1e6:.1f} MB of HTML")


if __name__ == "__main__":
    main()
