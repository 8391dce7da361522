"""How fast are the writing commands? Prints figures; asserts nothing.

    python benchmarks/edit_speed.py [--runs 5]

Times `hankinta status set` and `hankinta record` as whole commands (start-up included) on
one synthetic Hyvinkää-sized programme with six years of observations per indicator, with
bytecode caching on, as an installed package runs (see check_speed.py).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import generate, timed

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    hk = [sys.executable, "-m", "hankinta_cli"]
    with tempfile.TemporaryDirectory() as tmp:
        size = generate(Path(tmp), 1)
        target = Path(tmp) / "kunta-000.yaml"
        print(f"programme: {target.name}, {size / 1000:.0f} kB, six years of observations")

        statuses = ["valmis", "käynnissä"]
        t_status = [timed([*hk, "status", "set", str(target), "3.1", statuses[i % 2], "--date",
                           f"2025-01-{i + 1:02d}"], ENV) for i in range(args.runs)]
        t_record = [timed([*hk, "record", str(target), "M3.3", "--period", str(1990 + i), "--value", "12,5"], ENV)
                    for i in range(args.runs)]
        print(f"status set: median {statistics.median(t_status):.3f} s per edit (max {max(t_status):.3f})")
        print(f"record:     median {statistics.median(t_record):.3f} s per edit (max {max(t_record):.3f})")

        # 200 rows: 150 new observations spread over the indicators, 50 status updates
        import yaml

        data = yaml.safe_load(target.read_text(encoding="utf-8"))
        ids = [i["id"] for t in data["themes"] for g in t["goals"] for m in g["measures"]
               for i in m.get("indicators", []) if i["kind"] not in ("määrittelemätön", "kyllä/ei", "laadullinen")]
        measures = [m["id"] for t in data["themes"] for g in t["goals"] for m in g["measures"]]
        rows = [["mittari", "tunniste", "kausi", "arvo", "tila", "päivä", "huomio"]]
        rows += [[ids[i % len(ids)], "", str(1950 + i // len(ids)), "1", "", "", ""] for i in range(150)]
        rows += [["", measures[i % len(measures)], "", "", ["valmis", "keskeytetty"][i // len(measures)],
                  "2025-03-01", f"rivi {i}"] for i in range(50)]
        sheet = Path(tmp) / "rows.csv"
        with sheet.open("w", encoding="utf-8", newline="") as fh:
            import csv

            csv.writer(fh).writerows(rows)
        t_import = []
        for _ in range(max(1, args.runs // 2)):
            fresh = Path(tmp) / "import-target.yaml"
            fresh.write_bytes(target.read_bytes())
            t_import.append(timed([*hk, "import", str(fresh), str(sheet)], ENV))
        print(f"import of 200 rows (150 values, 50 status updates): median {statistics.median(t_import):.3f} s")


if __name__ == "__main__":
    main()
