"""Writers for `hankinta plan match`: the proposals as a table, JSON or CSV, each with its reasons.

The JSON shape is versioned (`"version": 1`): `plan`, `business_id`, `counts` {proposals,
open_items, procedures}, `proposals` [{item, item_title, notice, notices, procedure_id,
dispatch_date, notice_type, notice_title, status, score, same_procedure, reasons {cpv {match,
digits, item, notice}, date {planned, days}, title}, reasons_text}]. Notice titles are other
people's text: the table escapes them (`table.py`), CSV cells pass `spreadsheet_cell`.
"""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from ...computing.plan_match import Matching, Proposal
from ...escape import for_terminal, one_line, spreadsheet_cell
from ...i18n import day, number, t

JSON_VERSION = 1
CSV_COLUMNS = ("item", "item_title", "notice", "procedure_id", "dispatch_date", "score", "status", "notices",
               "notice_title", "reasons")


def reasons(p: Proposal, lang: str) -> list[str]:
    """Why the notice is proposed, one reason a line, in `lang`."""
    if p.same_procedure:
        return [t("match_same_procedure", lang)]
    out = []
    if p.cpv is not None:
        out.append(t(f"match_cpv_{p.cpv.kind}", lang, item=p.cpv.item or "–", notice=p.cpv.notice or "–",
                     digits=p.cpv.digits))
    if p.date is not None:
        key = ("match_date_none" if p.date.planned is None else "match_date_in" if p.date.days == 0
               else "match_date_late" if p.date.days > 0 else "match_date_early")
        out.append(t(key, lang, planned=p.date.planned or "", days=abs(p.date.days)))
    if p.title is not None:
        out.append(t("match_title", lang, percent=round(100 * p.title)))
    return out


def _row(p: Proposal, lang: str) -> dict[str, Any]:
    n = p.notice
    return {
        "item": p.item, "item_title": p.item_title, "notice": n.id, "notices": list(p.notices),
        "procedure_id": n.procedure_id, "dispatch_date": n.dispatch_date.isoformat(), "notice_type": n.type,
        "notice_title": n.title, "status": p.status.value if p.status else None, "score": p.score,
        "same_procedure": p.same_procedure,
        "reasons": {"cpv": p.cpv.to_dict() if p.cpv else None, "date": p.date.to_dict() if p.date else None,
                    "title": None if p.title is None else round(p.title, 4)},
        "reasons_text": reasons(p, lang),
    }


def write_matches(found: Matching, plan_id: str, business_id: str | None, fmt: str, lang: str, out: TextIO,
                  err: TextIO) -> None:
    counted = t("match_counted", lang, count=len(found.proposals), open=found.open_items,
                procedures=found.procedures)
    if fmt == "json":
        json.dump({"version": JSON_VERSION, "plan": plan_id, "business_id": business_id,
                   "counts": {"proposals": len(found.proposals), "open_items": found.open_items,
                              "procedures": found.procedures},
                   "proposals": [_row(p, lang) for p in found.proposals]}, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        w = csv.writer(for_terminal(out))
        w.writerow(CSV_COLUMNS)
        for p in found.proposals:
            row = _row(p, lang)
            row.update(notices=";".join(p.notices), status=row["status"] or "", score=f"{p.score:.2f}",
                       procedure_id=row["procedure_id"] or "", notice_title=one_line(row["notice_title"] or ""),
                       reasons="; ".join(row["reasons_text"]))
            w.writerow([spreadsheet_cell(str(row[c])) for c in CSV_COLUMNS])
    else:
        _table(found, counted, lang, out)
        return
    err.write(counted + "\n")


def _table(found: Matching, counted: str, lang: str, out: TextIO) -> None:
    from ...vocab import PlanStatus
    from .table import add_row, new_table, print_tables

    en = lang == "en"
    heads = [("Hankinta", "Item"), ("Ilmoitus", "Notice"), ("Pisteet", "Score"), ("Perusteet", "Reasons")]
    table = new_table(counted, [h[1] if en else h[0] for h in heads])
    for p in found.proposals:
        n = p.notice
        status = PlanStatus(p.status).text(lang) if p.status else "–"
        notice = [n.title or "–", f"{day(n.dispatch_date, lang)} · {n.type}", *p.notices]  # procedure: JSON, CSV
        add_row(table, [p.item, p.item_title], notice, [number(p.score, lang, 2), status], reasons(p, lang))
    print_tables(out, table)
