"""How fast is `hankinta summary` over a national-scale repository? Prints figures; asserts nothing.

    python benchmarks/summary_speed.py [--count 300] [--runs 3]

Generates the synthetic repository (300 Hyvinkää-sized programmes with six years of
observations and the shared catalogue) and times `hankinta summary` on it as a whole command.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import generate


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "programmes"
        size = generate(repo, args.count)
        print(f"synthetic repository: {args.count} programmes, {size / 1e6:.1f} MB")
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            out = subprocess.run([sys.executable, "-m", "hankinta_cli", "summary", str(repo), "--format", "json",
                                  "--as-of", "2025-06-30"], capture_output=True, text=True, check=False)
            times.append(time.perf_counter() - t0)
            if out.returncode != 0:
                raise SystemExit(out.stderr)
        print(f"hankinta summary: median {statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f})")


if __name__ == "__main__":
    main()
