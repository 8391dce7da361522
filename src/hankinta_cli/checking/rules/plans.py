"""Rules for a procurement plan (plan_model.Plan), judged on the day `as_of` (never the clock).

PASS: an item of 250 000 € over a 60 000 € threshold with `notice: {year: 2026, quarter: 2}`, inside
an 18-month horizon, with `priority: 1`.
WARN (HK501): an item over the threshold with no `notice:`, or one planned beyond the horizon.
WARN (HK502): `notice: {year: 2025, quarter: 1}` on 1.6.2025 with no `notice_ids` and a status
before `kilpailutuksessa`: the notice is late.
WARN (HK503): an item without `priority:`.
ERROR (HK504): `cpv: ["45000000-8"]`: the code exists, its check digit is 7. ERROR (HK505):
`cpv: ["45999999"]`: no such code in CPV 2008 (with or without a check digit; see notices/cpv.py).
ERROR (HK506): `measure_refs: ["9.9"]` when none of the plan's programmes has a measure 9.9.
ERROR (HK507): `programmes: [esimerkila]` when the programme folder has no programme of that id.
The programmes are those of the folder `check` finds from the plan's own place (the nearest
`programmes/` in its folder or above, `Programmes`); with none there, or without `programmes`
given (an edit's re-check), the references are not checked. A plan that names no programme has its
measure references checked against every programme of the folder; when a programme it names is
not there, its measure references are not checked (HK507 says why).
Also, as in programmes: a repeated item id (HK201), a history out of date order (HK309) and a status
that is not the history's last (HK310). Without `as_of` (an edit's re-check) the dated rules
(the horizon, late notices) are skipped.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator

from ...notices import cpv
from ...plan_model import Plan, PlanItem, add_months
from ...reading.load import Positions
from ...reading.plans import Programmes
from ..findings import Finding
from ..validate import suggest
from . import finding


def check(plan: Plan, positions: Positions, as_of: dt.date | None,
          programmes: Programmes | None = None) -> Iterator[Finding]:
    seen: dict[str, int] = {}  # item id → index of its first item (its line is looked up for a repeat only)
    horizon_end = add_months(as_of, plan.horizon_months) if as_of else None
    known, missing = _measures(plan, positions, programmes)
    yield from missing
    for i, item in enumerate(plan.items):
        path = ("items", i)
        first = seen.get(item.id)
        if first is not None:
            yield finding("HK201", positions, (*path, "id"), id=item.id,
                          first=positions.locate(("items", first, "id"))[0])
        else:
            seen[item.id] = i
        yield from _cpv_codes(item, path, positions)
        if known is not None:
            yield from _measure_refs(item, path, positions, *known)
        yield from _history(item, path, positions)
        if item.priority is None:
            yield finding("HK503", positions, (*path, "id"), id=item.id)
        if item.announced:
            continue
        over = plan.threshold is not None and item.value is not None and item.value >= plan.threshold
        if over and plan.threshold is not None and item.value is not None:
            beyond = item.notice is not None and horizon_end is not None and item.notice.window()[0] > horizon_end
            if item.notice is None or beyond:
                yield finding("HK501", positions, (*path, "notice" if beyond else "value"), id=item.id,
                              value=money(item.value, "fi"), value_en=money(item.value, "en"),
                              threshold=money(plan.threshold, "fi"), threshold_en=money(plan.threshold, "en"),
                              months=plan.horizon_months)
        if as_of is not None and item.notice is not None and item.is_late(as_of):
            status = item.status.value if item.status else "–"
            yield finding("HK502", positions, (*path, "notice"), id=item.id, when=item.notice.label(),
                          status=status)


def _cpv_codes(item: PlanItem, path: tuple[str, int], positions: Positions) -> Iterator[Finding]:
    for j, code in enumerate(item.cpv):
        digits, _, given = code.partition("-")
        right = cpv.check_digit(digits)
        if right is None:
            yield finding("HK505", positions, (*path, "cpv", j), cpv=code, broader=cpv.nearest(digits) or "–")
        elif given and given != right:
            yield finding("HK504", positions, (*path, "cpv", j), cpv=code, digit=right, right=f"{digits}-{right}")


Known = tuple[frozenset[str], list[str], str]  # measure ids, the same sorted, the programmes' names


def _measures(plan: Plan, positions: Positions, programmes: Programmes | None
              ) -> tuple[Known | None, list[Finding]]:
    """The measures the plan's items may refer to (None when the references cannot be checked: no
    programme folder, no programme in it, or a programme named that is not there), and a finding
    for each programme named that is not there."""
    if programmes is None:
        return None, []
    index = programmes.measures()
    if not index:
        return None, []
    missing = [finding("HK507", positions, ("programmes", k), id=name, folder=str(programmes.folder),
                       did_you_mean=suggest(name, sorted(index)), known=", ".join(sorted(index)))
               for k, name in enumerate(plan.programmes) if name not in index]
    named = [name for name in plan.programmes if name in index]
    if missing:
        return None, missing  # references into a programme that is not there would say nothing new
    names = named or sorted(index)
    ids = frozenset().union(*(index[n] for n in names))
    return (ids, sorted(ids), ", ".join(names)), missing


def _measure_refs(item: PlanItem, path: tuple[str, int], positions: Positions, ids: frozenset[str],
                  ordered: list[str], names: str) -> Iterator[Finding]:
    for j, ref in enumerate(item.measure_refs):
        if ref not in ids:
            close = sorted(difflib.get_close_matches(ref, ordered, n=5, cutoff=0.5))
            yield finding("HK506", positions, (*path, "measure_refs", j), id=item.id, ref=ref, programmes=names,
                          close=", ".join(close) or ", ".join(ordered[:10]) + (", …" if len(ordered) > 10 else ""))


def _history(item: PlanItem, path: tuple[str, int], positions: Positions) -> Iterator[Finding]:
    for j in range(1, len(item.history)):
        before, entry = item.history[j - 1], item.history[j]
        if entry.date < before.date:
            yield finding("HK309", positions, (*path, "history", j, "date"), date=entry.date.isoformat(),
                          previous=before.date.isoformat())
    if item.history and item.status is not None and item.status != item.history[-1].status:
        yield finding("HK310", positions, (*path, "status"), status=item.status.value,
                      last=item.history[-1].status.value)


def money(value: float, lang: str) -> str:
    """Whole euros grouped by thousands: 250 000 (fi), 250,000 (en)."""
    grouped = f"{round(value):,}"
    return grouped if lang == "en" else grouped.replace(",", "\u00a0")
