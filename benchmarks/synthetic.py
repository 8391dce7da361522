"""Generate a synthetic national-scale programme repository for benchmarks.

Each programme is a copy of Hyvinkää's (20 goals, 49 measures, 57 indicators) with the gaps
filled and six years of observations per indicator, each broken down by organisational unit.
The generator is deterministic (seeded), so figures are comparable between runs.
"""

from __future__ import annotations

import random
import subprocess
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
UNITS = ["Sote", "Kasvatus", "Tekninen", "Kulttuuri", "Konserni"]
YEARS = range(2019, 2025)


def _value(kind: str, rnd: random.Random) -> Any:
    if kind == "kyllä/ei":
        return rnd.random() < 0.5
    if kind == "prosentti":
        return round(rnd.uniform(0, 100), 1)
    if kind == "lukumäärä":
        return rnd.randint(0, 40)
    if kind == "laadullinen":
        return rnd.choice(["hyvä", "tyydyttävä", "heikko"])
    return round(rnd.uniform(0, 50000), 2)


def programme(n: int, base: dict[str, Any]) -> dict[str, Any]:
    rnd = random.Random(n)
    p = {**base, "id": f"kunta-{n:03d}", "name": f"Kunta {n:03d}: hankintaohjelma",
         "organisation": f"Kunta {n:03d}", "period": {"start": "2019-01-01", "end": "2026-12-31"}}
    p.pop("notes", None)
    themes = []
    for theme in base["themes"]:
        goals = []
        for goal in theme["goals"]:
            measures = []
            for m in goal["measures"]:
                m = dict(m)
                m["responsible"] = [rnd.choice(["hankintapalvelut", "talous", "elinvoima"])]
                m["schedule"] = {"year": rnd.choice(list(YEARS)), "half": rnd.choice([1, 2])}
                m["status"] = rnd.choice(["käynnissä", "valmis", "ei aloitettu"])
                m["history"] = [{"date": "2019-03-01", "status": "ei aloitettu", "by": "koordinaattori"},
                                {"date": "2020-05-04", "status": m["status"], "note": "Tilanne johtoryhmässä"}]
                indicators = []
                for ind in m.get("indicators", []):
                    ind = dict(ind)
                    if ind["kind"] != "määrittelemätön":
                        ind["granularity"] = "vuosi"
                        ind["observations"] = [_observation(ind["kind"], y, rnd) for y in YEARS]
                    indicators.append(ind)
                m["indicators"] = indicators
                measures.append(m)
            goals.append({**goal, "measures": measures})
        themes.append({**theme, "goals": goals})
    p["themes"] = themes
    return p


def _observation(kind: str, year: int, rnd: random.Random) -> dict[str, object]:
    """A year's value; counts and money by unit too, the value their sum (as `check` requires)."""
    if kind in ("lukumäärä", "raha"):
        parts = {u: rnd.randint(0, 9) for u in UNITS}
        return {"period": year, "value": sum(parts.values()), "source": "vuosiraportti", "breakdown": parts}
    return {"period": year, "value": _value(kind, rnd), "source": "vuosiraportti"}


def generate(target: Path, count: int = 300) -> int:
    """Write `count` programmes into `target`, with the shared catalogue they refer to; return the
    total bytes of the programmes."""
    base = yaml.safe_load((ROOT / "programmes" / "hyvinkaa.yaml").read_text(encoding="utf-8"))
    target.mkdir(parents=True, exist_ok=True)
    (target / "mittaristo.yaml").write_bytes((ROOT / "programmes" / "mittaristo.yaml").read_bytes())
    total = 0
    header = "# yaml-language-server: $schema=../../schemas/programme.schema.json\n"
    for n in range(count):
        text = header + yaml.safe_dump(programme(n, base), allow_unicode=True, sort_keys=False, width=100)
        (target / f"kunta-{n:03d}.yaml").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def timed(cmd: list[str], env: dict[str, str] | None = None, ok: tuple[int, ...] = (0,)) -> float:
    """Wall time of one whole command; stops the benchmark if it exits with a code not in `ok`."""
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    took = time.perf_counter() - t0
    if out.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd)} exited {out.returncode}: {out.stderr[-2000:]}")
    return took
