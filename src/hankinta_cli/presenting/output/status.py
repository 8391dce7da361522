"""Writers for `hankinta status`: the measures as a table, JSON or CSV.

The CSV columns are the ones `hankinta import` reads back, so an exported file edited in a
spreadsheet imports unchanged.
"""

from __future__ import annotations

import csv
import json
from dataclasses import asdict
from typing import TextIO

from ...computing.overview import Row
from ...escape import spreadsheet_cell
from ...vocab import UNREPORTED, Status

JSON_VERSION = 1


def write_rows(rows: list[Row], fmt: str, lang: str, out: TextIO) -> None:
    if fmt == "json":
        json.dump({"version": JSON_VERSION, "measures": [asdict(r) for r in rows]}, out,
                  ensure_ascii=False, indent=2)
        out.write("\n")
        return
    if fmt == "csv":
        w = csv.writer(out)
        w.writerow(["programme", "theme", "goal", "id", "title", "status", "responsible", "schedule",
                    "due", "overdue", "latest_note"])
        for r in rows:
            # every cell is text from the programme: inert in a spreadsheet, read back by `import`
            w.writerow([spreadsheet_cell(c) for c in (
                r.programme, r.theme, r.goal, r.id, r.title, r.status, r.responsible, r.schedule,
                r.due, "1" if r.overdue else "", r.latest_note)])
        return
    from .table import add_row, new_table, print_tables

    fi = lang != "en"
    heads = (("Tunniste", "Id"), ("Toimenpide", "Measure"), ("Tila", "Status"),
             ("Vastuutaho", "Responsible"), ("Aikataulu", "Schedule"), ("Viimeisin huomio", "Latest note"))
    table = new_table(None, [h[0] if fi else h[1] for h in heads])
    gap = UNREPORTED.fi if fi else UNREPORTED.en
    missing = "puuttuu" if fi else "missing"
    for r in rows:
        status = Status(r.status).text(lang) if r.status else f"({gap})"
        if r.overdue:
            status += " – myöhässä" if fi else " – overdue"
        add_row(table, r.id, r.title, status, r.responsible or f"({missing})", r.schedule_label or f"({missing})",
                r.latest_note)
    print_tables(out, table)
