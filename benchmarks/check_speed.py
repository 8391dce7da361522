"""How fast is `hankinta check`? Prints figures; asserts nothing.

    python benchmarks/check_speed.py [--count 300] [--runs 3]

1. Generates the synthetic repository (300 Hyvinkää-sized programmes, six years of data).
2. Times `hankinta check` on it as a whole command: cold (empty cache) and re-run (warm cache).
3. Times `check-jsonschema` with the committed schema on the same files (if installed).
4. Measures the bare speed of libyaml on the same bytes (PyYAML's C parser composing nodes
   with their positions): the practical limit for any checker that parses YAML.
5. Times `hankinta check` on one ordinary programme file, start-up included.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import ROOT, generate, timed


def median_of(runs: int, fn: object) -> float:
    return statistics.median(fn() for _ in range(runs))  # type: ignore[operator]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    import os

    hk = [sys.executable, "-m", "hankinta_cli", "check", "--format", "json"]
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "programmes"
        size = generate(repo, args.count)
        files = sorted(f for f in repo.glob("*.yaml") if f.name != "mittaristo.yaml")
        mb = size / 1e6
        print(f"synthetic repository: {len(files)} files, {mb:.1f} MB")

        def cold() -> float:
            cache = Path(tempfile.mkdtemp(dir=tmp))
            return timed([*hk, str(repo)], {**os.environ, "HANKINTA_CACHE_DIR": str(cache)})

        warm_cache = Path(tmp) / "warm"
        warm_env = {**os.environ, "HANKINTA_CACHE_DIR": str(warm_cache)}
        timed([*hk, str(repo)], warm_env)
        t_cold = median_of(args.runs, cold)
        t_warm = median_of(args.runs, lambda: timed([*hk, str(repo)], warm_env))
        print(f"hankinta check, cold:   {t_cold:6.2f} s  ({mb / t_cold:5.1f} MB/s, start-up included)")
        print(f"hankinta check, re-run: {t_warm:6.2f} s  (unchanged files, content-hash cache)")

        exe = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
        if Path(exe).exists():
            schema = ROOT / "schemas" / "programme.schema.json"
            t_cj = timed([exe, "--schemafile", str(schema), *map(str, files)])
            print(f"check-jsonschema:       {t_cj:6.2f} s  -> hankinta cold is {t_cj / t_cold:4.1f}x faster")
        else:
            print("check-jsonschema:       not installed (pip install '.[test]')")

        texts = [f.read_text(encoding="utf-8") for f in files]
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

        def bare() -> float:
            t0 = time.perf_counter()
            for text in texts:
                yaml.compose(text, Loader=loader)
            return time.perf_counter() - t0

        t_bare = median_of(args.runs, bare)
        print(f"bare libyaml compose:   {t_bare:6.2f} s  ({mb / t_bare:5.1f} MB/s)"
              f" -> hankinta cold reaches {t_bare / t_cold:4.0%} of it")

    one = ROOT / "programmes" / "hyvinkaa.yaml"
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "HANKINTA_CACHE_DIR": cache}
        t_one = median_of(5, lambda: timed([*hk, "--no-cache", str(one)], env))
    print(f"one programme (hyvinkaa.yaml), cold, start-up included: {t_one:5.2f} s")


if __name__ == "__main__":
    main()
