"""Writers for `hankinta plan`: a plan's items as a table, JSON or CSV.

This is the plan's own, internal view (for the people who keep it): it shows every value, with
whether it may be published. The public calendar is another writer, which leaves those out.
"""

from __future__ import annotations

import csv
import json
from dataclasses import asdict
from typing import TextIO

from ...checking.rules.plans import money
from ...computing.plans import PlanRow
from ...escape import for_terminal, spreadsheet_cell
from ...vocab import Nature, PlanStatus

JSON_VERSION = 1
CSV_COLUMNS = ("plan", "id", "title", "unit", "priority", "status", "notice", "nature", "value", "value_public",
               "measures", "late")


def write_plan_rows(rows: list[PlanRow], fmt: str, lang: str, out: TextIO) -> None:
    if fmt == "json":
        json.dump({"version": JSON_VERSION, "items": [asdict(r) for r in rows]}, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    if fmt == "csv":
        w = csv.writer(for_terminal(out))
        w.writerow(CSV_COLUMNS)
        for r in rows:
            cells = asdict(r)
            cells.update(priority=r.priority or "", value="" if r.value is None else r.value,
                         value_public="1" if r.value_public else "", late="1" if r.late else "")
            w.writerow([spreadsheet_cell(str(cells[c])) for c in CSV_COLUMNS])
        return
    from .table import add_row, new_table, print_tables

    fi = lang != "en"
    heads = [("Tunniste", "Id"), ("Hankinta", "Item"), ("Yksikkö", "Unit"), ("Pri.", "Pri."), ("Tila", "Status"),
             ("Ilmoitus", "Notice"), ("Laji", "Nature"), ("Arvo €", "Value €")]
    table = new_table(None, [h[0] if fi else h[1] for h in heads], one_line=(0, 5))
    for r in rows:
        status = PlanStatus(r.status).text(lang) if r.status else "–"
        notice = r.notice or "–"
        if r.late:
            notice += " – myöhässä" if fi else " – late"
        value = money(r.value, lang) if r.value is not None else "–"
        if r.value is not None and not r.value_public:
            value += " (ei julkinen)" if fi else " (not public)"
        add_row(table, r.id, r.title, r.unit or "–", str(r.priority or "–"), status, notice,
                Nature(r.nature).text(lang) if r.nature else "–", value)
    print_tables(out, table)
