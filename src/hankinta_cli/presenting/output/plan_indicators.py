"""Writers for `hankinta plan indicators`: a table for people, JSON and CSV for programs.

JSON (`"version": 1`): `{version, as_of, plans: [{plan, name, business_id, in_plan: null |
[{period, in_plan, other, ratio, share, below_threshold, in_plan_ids, other_ids,
below_threshold_ids}], in_plan_gap, linked_plans, on_schedule: [{period, due, on_time, share,
late: [{id, title, planned, window_end, announced}], undated}], calendar: {current, updated,
update_months, falls_due, missing}}]}`. CSV: one row per plan, indicator and period with the
columns below; `value` is the figure, `count` and `of` its numerator and denominator.
"""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from ...computing.plan_indicators import Currency, InPlan, ItemDate, OnSchedule, PlanIndicators
from ...escape import for_terminal, one_line, spreadsheet_cell
from ...i18n import day, number, t, value_text

JSON_VERSION = 1
CSV_COLUMNS = ("plan", "indicator", "period", "value", "count", "of")


def _item(d: ItemDate) -> dict[str, Any]:
    return {"id": d.id, "title": d.title, "planned": d.planned, "window_end": d.window_end.isoformat(),
            "announced": d.announced.isoformat() if d.announced else None}


def _in_plan(f: InPlan) -> dict[str, Any]:
    return {"period": f.period, "in_plan": len(f.in_plan), "other": len(f.other), "ratio": f.ratio, "share": f.share,
            "below_threshold": len(f.below_threshold), "in_plan_ids": list(f.in_plan), "other_ids": list(f.other),
            "below_threshold_ids": list(f.below_threshold)}


def _schedule(s: OnSchedule) -> dict[str, Any]:
    return {"period": s.period, "due": s.due, "on_time": len(s.on_time), "share": s.share,
            "late": [_item(d) for d in s.late], "undated": list(s.undated)}


def _calendar(c: Currency) -> dict[str, Any]:
    return {"current": c.current, "updated": c.updated.isoformat() if c.updated else None,
            "update_months": c.update_months, "falls_due": c.falls_due.isoformat() if c.falls_due else None,
            "missing": list(c.missing)}


def to_json(results: list[PlanIndicators]) -> dict[str, Any]:
    return {"version": JSON_VERSION, "as_of": results[0].as_of.isoformat() if results else None, "plans": [
        {"plan": r.plan, "name": r.name, "business_id": r.business_id,
         "in_plan": None if r.in_plan is None else [_in_plan(f) for f in r.in_plan], "in_plan_gap": r.in_plan_gap,
         "linked_plans": list(r.linked_plans), "on_schedule": [_schedule(s) for s in r.on_schedule],
         "calendar": _calendar(r.calendar)} for r in results]}


def _csv_rows(r: PlanIndicators) -> list[tuple[str, str, object, object, object]]:
    rows: list[tuple[str, str, object, object, object]] = []
    for f in r.in_plan or ():
        total = len(f.in_plan) + len(f.other)
        rows += [("in_plan_ratio", f.period, f.ratio, len(f.in_plan), len(f.other)),
                 ("in_plan_share", f.period, f.share, len(f.in_plan), total),
                 ("below_threshold", f.period, len(f.below_threshold), len(f.below_threshold), len(f.other))]
    for s in r.on_schedule:
        rows.append(("on_schedule_share", s.period, s.share, len(s.on_time), s.due))
    c = r.calendar
    current = None if c.current is None else ("true" if c.current else "false")
    rows.append(("calendar_current", r.as_of.isoformat(), current, None, None))
    return rows


def write_plan_indicators(results: list[PlanIndicators], fmt: str, lang: str, out: TextIO) -> None:
    if fmt == "json":
        json.dump(to_json(results), out, ensure_ascii=False, indent=2, allow_nan=False)
        out.write("\n")
        return
    if fmt == "csv":
        w = csv.writer(for_terminal(out))
        w.writerow(CSV_COLUMNS)
        for r in results:
            for row in _csv_rows(r):
                w.writerow([spreadsheet_cell(r.plan), *("" if v is None else str(v) for v in row)])
        return
    for r in results:
        _write_table(r, lang, out)


def _write_table(r: PlanIndicators, lang: str, out: TextIO) -> None:
    from .table import add_row, new_table, print_tables

    fi = lang != "en"
    counted = r.in_plan is not None
    heads = [("Kausi", "Period")] + ([("Suunnitelmassa", "In plan"), ("Muut", "Other"), ("Suhde", "Ratio"),
                                      ("Osuus", "Share"), ("Muista alle kynnysarvon", "Other under threshold")]
                                     if counted else []) + [("Ilmoitettu ajallaan", "Announced on time")]
    out.write(one_line(f"{r.plan} – {r.name}") + "\n")
    table = new_table(None, [h[0] if fi else h[1] for h in heads], one_line=(0,))
    figures = {f.period: f for f in r.in_plan or ()}
    schedule = {s.period: s for s in r.on_schedule}
    for period in sorted(set(figures) | set(schedule)):
        f, s = figures.get(period), schedule.get(period)
        counts = [] if not counted else ["–"] * 5 if f is None else [
            str(len(f.in_plan)), str(len(f.other)), number(f.ratio, lang, 2),
            number(f.share, lang) + ("\u00a0%" if f.share is not None else ""), str(len(f.below_threshold))]
        on_time = "–" if s is None or not s.due else (
            f"{len(s.on_time)}/{s.due} ({number(s.share, lang)}\u00a0%)")
        add_row(table, period or "–", *counts, on_time)
    print_tables(out, table)
    lines = []
    if r.in_plan is None:
        lines.append(t(f"plan_indicators_{r.in_plan_gap}", lang))
    elif len(r.linked_plans) > 1:
        lines.append(t("plan_indicators_linked", lang, plans=", ".join(r.linked_plans)))
    late = [d for s in r.on_schedule for d in s.late]
    for d in late:
        when = day(d.announced, lang) if d.announced else ("ei ilmoitettu" if fi else "not announced")
        lines.append(f"{'Myöhässä' if fi else 'Late'}: {d.id} {d.title} ({d.planned}; {when})")
    undated = [i for s in r.on_schedule for i in s.undated]
    if undated:
        lines.append(t("plan_indicators_undated", lang, items=", ".join(undated)))
    lines.append(calendar_line(r.calendar, lang))
    for line in lines:
        out.write(one_line(line) + "\n")
    out.write("\n")


def calendar_line(c: Currency, lang: str) -> str:
    """Hyvinkää's K/E in words: yes or no with the day it falls due, or the gap."""
    if c.current is None:
        return t("plan_calendar_gap", lang, missing=", ".join(c.missing))
    return t("plan_calendar_current", lang, answer=value_text(c.current, lang), updated=day(c.updated, lang),
             due=day(c.falls_due, lang))
