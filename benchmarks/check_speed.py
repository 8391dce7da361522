"""How fast is `hankinta check`? Prints figures; asserts nothing.

    python benchmarks/check_speed.py [--count 300] [--runs 3] [--shape both|synthetic|shipped]
                                     [--no-jsonschema]

Two shapes of repository, each checked as a whole command (start-up included):

* synthetic: 300 Hyvinkää-sized programmes with the gaps filled and six years of data (few findings);
* shipped: the programmes in programmes/ copied 34 times (102 files) with the catalogue beside
  them: real text, with the ~7 500 gap warnings real programmes have.

For each: `hankinta check` cold (empty cache) and re-run (warm cache); `check-jsonschema` with the
committed schema on the same files (if installed; slow: `--no-jsonschema` skips it); and the bare
speed of libyaml on the same bytes (PyYAML's C parser composing nodes with their positions), the
practical limit for any checker that parses YAML. Last, one ordinary programme file.

The commands run with bytecode caching on, as an installed package does (a PYTHONDONTWRITEBYTECODE
in the environment would make every run compile the package's sources again).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import ROOT, generate, timed

HK = [sys.executable, "-m", "hankinta_cli", "check", "--format", "json"]
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
COPIES = 34


def median_of(runs: int, fn: Callable[[], float]) -> float:
    return statistics.median(fn() for _ in range(runs))


def shipped(target: Path) -> int:
    """The shipped programmes copied COPIES times into `target`, the catalogue beside them."""
    target.mkdir(parents=True)
    catalogue = ROOT / "programmes" / "mittaristo.yaml"
    shutil.copy(catalogue, target / catalogue.name)
    total = 0
    for source in sorted((ROOT / "programmes").glob("*.yaml")):
        if source != catalogue:
            for n in range(COPIES):
                total += (target / f"{source.stem}-{n:02d}.yaml").write_bytes(source.read_bytes())
    return total


def measure(repo: Path, size: int, runs: int, jsonschema: bool, tmp: Path) -> None:
    files = sorted(f for f in repo.glob("*.yaml") if f.name != "mittaristo.yaml")
    mb = size / 1e6

    def cold() -> float:
        cache = Path(tempfile.mkdtemp(dir=tmp))
        return timed([*HK, str(repo)], {**ENV, "HANKINTA_CACHE_DIR": str(cache)})

    warm_env = {**ENV, "HANKINTA_CACHE_DIR": str(tmp / f"warm-{repo.name}")}
    timed([*HK, str(repo)], warm_env)
    t_cold = median_of(runs, cold)
    t_warm = median_of(runs, lambda: timed([*HK, str(repo)], warm_env))
    text = [h for h in HK if h not in ("--format", "json")]
    t_warm_text = median_of(runs, lambda: timed([*text, str(repo)], warm_env, ok=(0, 1)))
    print(f"  hankinta check, cold:   {t_cold:6.2f} s  ({mb / t_cold:5.1f} MB/s, start-up included)")
    print(f"  hankinta check, re-run: {t_warm:6.2f} s  (unchanged files, content-hash cache; JSON output)")
    print(f"  hankinta check, re-run: {t_warm_text:6.2f} s  (the same, text output as a person runs it)")

    exe = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    if not jsonschema:
        print("  check-jsonschema:       skipped (--no-jsonschema)")
    elif Path(exe).exists():
        schema = ROOT / "schemas" / "programme.schema.json"
        t_cj = timed([exe, "--schemafile", str(schema), *map(str, files)], ENV, ok=(0, 1))
        print(f"  check-jsonschema:       {t_cj:6.2f} s  -> hankinta cold is {t_cj / t_cold:4.1f}x faster")
    else:
        print("  check-jsonschema:       not installed (pip install '.[test]')")

    texts = [f.read_text(encoding="utf-8") for f in files]
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def bare() -> float:
        t0 = time.perf_counter()
        for text in texts:
            yaml.compose(text, Loader=loader)
        return time.perf_counter() - t0

    t_bare = median_of(runs, bare)
    print(f"  bare libyaml compose:   {t_bare:6.2f} s  ({mb / t_bare:5.1f} MB/s)"
          f" -> hankinta cold reaches {t_bare / t_cold:4.0%} of it")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=300, help="programmes in the synthetic repository")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--shape", choices=("both", "synthetic", "shipped"), default="both")
    ap.add_argument("--no-jsonschema", action="store_true", help="do not time check-jsonschema")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.shape in ("both", "synthetic"):
            repo = Path(tmp) / "synthetic"
            size = generate(repo, args.count)
            print(f"synthetic repository: {args.count} files, {size / 1e6:.1f} MB")
            measure(repo, size, args.runs, not args.no_jsonschema, Path(tmp))
        if args.shape in ("both", "shipped"):
            repo = Path(tmp) / "shipped"
            size = shipped(repo)
            print(f"shipped programmes x{COPIES}: {len(list(repo.glob('*.yaml'))) - 1} files,"
                  f" {size / 1e6:.1f} MB, with the catalogue")
            measure(repo, size, args.runs, not args.no_jsonschema, Path(tmp))

    one = ROOT / "programmes" / "hyvinkaa.yaml"
    with tempfile.TemporaryDirectory() as cache:
        env = {**ENV, "HANKINTA_CACHE_DIR": cache}
        t_one = median_of(5, lambda: timed([*HK, "--no-cache", str(one)], env))
    print(f"one programme (hyvinkaa.yaml), cold, start-up included: {t_one:5.2f} s")


if __name__ == "__main__":
    main()
