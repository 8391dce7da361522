"""How fast is `hankinta check` on a procurement plan of 2 000 items? Prints figures; asserts nothing.

    python benchmarks/plan_speed.py [--items 2000] [--runs 3]

The plan is generated (every field an item can have, a few items late or without a priority, so
that every rule has work), then checked as a whole command (start-up included) with `--no-cache`,
and in-process (`check_bytes`: load, model and rules only). Target: the command under 0.5 s. Then the
public calendar of the same plan to HTML as a whole command. Target: under 1 s.

The floor is timed in turn with the check (one of each, again and again, so that both meet the
machine at the same speed): a Python process that only imports what a check cannot do without
(typer, pydantic's model classes, PyYAML) and reads libyaml's events for the same file, building
nothing. No check of this file in this stack can be faster than that.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import UNITS, timed

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
AS_OF = "2026-06-30"

FLOOR = """
import gc, sys
import typer, yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
text = open(sys.argv[1], encoding="utf-8").read()
parser = yaml.CSafeLoader(text)
gc.disable()
while type(parser.get_event()) is not yaml.StreamEndEvent:
    pass
"""


def plan_text(items: int, seed: int = 14) -> str:
    from hankinta_cli.notices.cpv import codes

    rnd = random.Random(seed)
    vocabulary = codes()  # real codes: a random number is not one, and would be a finding each
    lines = ["plan_version: 1", "id: bench", "name: Suunnitelma", "organisation: Esimerkkilä",
             "business_id: 1234567-1", "threshold: 60000", "horizon_months: 18", "items:"]
    for i in range(items):
        year, quarter = rnd.choice((2026, 2027)), rnd.randint(1, 4)
        lines += [f"  - id: H{i:05d}", f"    title: Hankinta {i}", f"    description: Kuvaus hankinnasta {i}.",
                  f"    unit: {rnd.choice(UNITS)}", "    contact: Yhteyshenkilö",
                  f"    cpv: [\"{rnd.choice(vocabulary)}\"]",
                  f"    nature: {rnd.choice(('rakennusurakka', 'tavara', 'palvelu'))}",
                  f"    value: {rnd.randint(5, 2000) * 1000}", f"    value_public: {rnd.random() < 0.5}".lower()]
        if i % 50:
            lines.append(f"    priority: {rnd.randint(1, 3)}")
        lines += [f"    notice: {{year: {year}, quarter: {quarter}}}",
                  "    contract: {start: 2027-01-01, end: 2029-12-31, options: 2 × 1 vuosi}",
                  "    procedure: avoin", "    aims: [ympäristö, pk-yritykset]", "    measure_refs: [\"1.1\"]",
                  "    status: suunniteltu", "    history:", "      - {date: 2025-11-01, status: suunniteltu}"]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from hankinta_cli.checking.check import check_bytes
    from hankinta_cli.reading.load import load_bytes

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plans" / "bench.yaml"
        path.parent.mkdir()
        text = plan_text(args.items)
        path.write_text(text, encoding="utf-8")
        cmd = [sys.executable, "-m", "hankinta_cli", "check", "--no-cache", "--as-of", AS_OF, "--format", "json",
               str(path)]
        floor_cmd = [sys.executable, "-c", FLOOR, str(path)]
        pairs = [(timed(cmd, ENV, ok=(0, 1)), timed(floor_cmd, ENV)) for _ in range(args.runs)]
        whole = statistics.median(p[0] for p in pairs)
        floor = statistics.median(p[1] for p in pairs)
        ratio = statistics.median(p[0] / p[1] for p in pairs)
        html = Path(tmp) / "hankintakalenteri.html"
        cal_cmd = [sys.executable, "-m", "hankinta_cli", "calendar", str(path), "-o", str(html), "--as-of", AS_OF]
        calendar_time = statistics.median(timed(cal_cmd, ENV) for _ in range(args.runs))
        html_size = html.stat().st_size
        raw = text.encode()
        check_bytes(raw, path)  # imports and pydantic's first validation out of the figures
        t0 = time.perf_counter()
        findings = check_bytes(raw, path, as_of=dt.date.fromisoformat(AS_OF))
        inner = time.perf_counter() - t0
        t0 = time.perf_counter()
        load_bytes(raw, path)
        loading = time.perf_counter() - t0
    print(f"plan of {args.items} items, {len(raw) / 1024:.0f} KiB, {len(findings)} findings")
    print(f"hankinta check (whole command, median of {args.runs}): {whole:.3f} s (target < 0.5 s)")
    print(f"  the floor, in turn with it (Python, typer, pydantic, PyYAML, libyaml's events): {floor:.3f} s; "
          f"check / floor {ratio:.2f}")
    print(f"hankinta calendar -o .html (whole command, median of {args.runs}): {calendar_time:.3f} s "
          f"(target < 1 s; {html_size / 1024:.0f} KiB of HTML)")
    print(f"check_bytes in-process: {inner:.3f} s, of which the shared loader (YAML with positions): {loading:.3f} s")


if __name__ == "__main__":
    main()
