"""Writers for `hankinta summary`: programmes side by side and the catalogue roll-up."""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from ...computing.rollup import CatalogueRow, ProgrammeSummary
from ...escape import for_terminal, spreadsheet_cell
from ...i18n import day, number, partial_text, t, value_text
from ...vocab import OnTrack

JSON_VERSION = 1


def to_json(statuses: list[ProgrammeSummary], rows: list[CatalogueRow]) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "as_of": statuses[0].as_of.isoformat() if statuses else None,
        "programmes": [{"id": s.id, "name": s.name, "organisation": s.organisation,
                        "metrics": s.overall.to_dict()} for s in statuses],
        "catalogue": [r.to_dict() for r in rows],
    }


def write_json(statuses: list[ProgrammeSummary], rows: list[CatalogueRow], out: TextIO) -> None:
    json.dump(to_json(statuses, rows), out, ensure_ascii=False, indent=2,
              allow_nan=False)  # strict JSON: the calculations never produce inf or nan
    out.write("\n")


def write_csv(statuses: list[ProgrammeSummary], rows: list[CatalogueRow], out: TextIO) -> None:
    w = csv.writer(out)
    w.writerow(["programme", "organisation", "measures", "finished", "overdue", "without_responsible",
                "without_schedule", "indicators", "without_data", "undefined", "achieved", "on_track", "behind",
                "far_behind"])
    for s in statuses:
        c = s.overall
        w.writerow([spreadsheet_cell(s.id), spreadsheet_cell(s.organisation), c.measures, c.finished, c.overdue,
                    c.without_responsible, c.without_schedule, c.indicators, c.without_data, c.undefined,
                    c.by_on_track[OnTrack.ACHIEVED], c.by_on_track[OnTrack.ON_TRACK], c.by_on_track[OnTrack.BEHIND],
                    c.by_on_track[OnTrack.FAR_BEHIND]])


def write_table(statuses: list[ProgrammeSummary], rows: list[CatalogueRow], lang: str, out: TextIO) -> None:
    from .table import add_row, new_table, print_tables

    fi = lang != "en"
    when = day(statuses[0].as_of, lang) if statuses else ""
    heads = (("Ohjelma", "Programme"), ("Toimenpiteitä", "Measures"), ("Valmiina", "Finished"),
             ("Myöhässä", "Overdue"), ("Ei vastuutahoa", "No owner"), ("Ei aikataulua", "No schedule"),
             ("Mittareita", "Indicators"))
    # the indicators by on-track class, as in the JSON and CSV (`Counts.by_on_track`)
    classes = (OnTrack.ACHIEVED, OnTrack.ON_TRACK, OnTrack.BEHIND, OnTrack.FAR_BEHIND)
    names = [h[0] if fi else h[1] for h in heads] + [_capital(k.text(lang)) for k in classes] + [
        "Ei tietoa" if fi else "No data", "Määrittelemättä" if fi else "Undefined"]
    table = new_table(("Ohjelmat " if fi else "Programmes ") + when, names)
    for s in statuses:
        c = s.overall
        share = "–" if c.share_finished is None else number(c.share_finished, lang, 0) + "\u00a0%"
        add_row(table, s.name, str(c.measures), f"{c.finished} ({share})", str(c.overdue),
                      str(c.without_responsible), str(c.without_schedule), str(c.indicators),
                      *(str(c.by_on_track.get(k, 0)) for k in classes), str(c.without_data), str(c.undefined))
    if not rows:
        print_tables(out, table)
        return
    cat = new_table("Yhteiset mittarit" if fi else "Shared indicators",
                    [h[0] if fi else h[1] for h in (("Mittari", "Indicator"), ("Ohjelmittain (viimeisin)",
                     "By programme (latest)"), ("Yhteensä", "Total"), ("Tavoite", "Target"))])
    for r in rows:
        per = [f"{pid}: {value_text(v, lang, r.entry.unit)} ({p}{_partial(r.missing.get(pid), lang)})" if p
               else f"{pid}: –" for pid, (p, v) in r.latest.items()] or "–"
        last = r.last_period
        if r.summable and last is not None:
            total, n = r.totals[last]
            partial = ("; " + t("partial_total", lang, programmes=", ".join(r.partial[last]))
                       if last in r.partial else "")
            total_text = f"{value_text(total, lang, r.entry.unit)} ({last}, {n}/{len(r.latest)}{partial})"
        else:
            total_text = "–"
        target = ", ".join(value_text(t.value, lang, r.entry.unit) for t in r.entry.targets) or "–"
        add_row(cat, r.entry.name, per, total_text, target)
    print_tables(out, table, cat)


def _partial(missing: list[str] | None, lang: str) -> str:
    return "; " + partial_text(missing, lang) if missing else ""


def write_summary(statuses: list[ProgrammeSummary], rows: list[CatalogueRow], fmt: str, lang: str,
                  out: TextIO) -> None:
    if fmt == "json":
        write_json(statuses, rows, out)
    elif fmt == "csv":
        write_csv(statuses, rows, for_terminal(out))
    else:
        write_table(statuses, rows, lang, out)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
