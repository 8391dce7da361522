"""Writers for `hankinta status`: the measures as a table, JSON or CSV.

The CSV columns are the ones `hankinta import` reads back, so an exported file edited in a
spreadsheet imports unchanged.
"""

from __future__ import annotations

import csv
import json
from dataclasses import asdict
from typing import TextIO

from ...computing.overview import Overview, Row
from ...escape import for_terminal, spreadsheet_cell
from ...i18n import t
from ...vocab import UNREPORTED, Status

JSON_VERSION = 1


def write_overview(view: Overview, fmt: str, lang: str, out: TextIO, err: TextIO) -> None:
    """The rows on `out`; on `err`, what `--due-within` had to leave out for want of a date."""
    if view.undated:
        from .messages import write_warning

        write_warning(t("undated_left_out", lang, ids=", ".join(view.undated)), t("undated_left_out_hint", lang),
                      lang, err)
    write_rows(view.rows, fmt, lang, out, several=view.programmes > 1)


def write_rows(rows: list[Row], fmt: str, lang: str, out: TextIO, several: bool = False) -> None:
    """JSON and CSV always name each row's programme; the table does when there are `several`."""
    if fmt == "json":
        json.dump({"version": JSON_VERSION, "measures": [asdict(r) for r in rows]}, out,
                  ensure_ascii=False, indent=2)
        out.write("\n")
        return
    if fmt == "csv":
        w = csv.writer(for_terminal(out))
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
    heads = [("Tunniste", "Id"), ("Toimenpide", "Measure"), ("Tila", "Status"),
             ("Vastuutaho", "Responsible"), ("Aikataulu", "Schedule"), ("Viimeisin huomio", "Latest note")]
    if several:
        heads.insert(0, ("Ohjelma", "Programme"))
    table = new_table(None, [h[0] if fi else h[1] for h in heads], one_line=(0, 1) if several else (0,))
    gap = UNREPORTED.fi if fi else UNREPORTED.en
    missing = "puuttuu" if fi else "missing"
    for r in rows:
        status = Status(r.status).text(lang) if r.status else f"({gap})"
        if r.overdue:
            status += " – myöhässä" if fi else " – overdue"
        cells = (r.id, r.title, status, r.responsible or f"({missing})", r.schedule_label or f"({missing})",
                 r.latest_note)
        add_row(table, *((r.programme, *cells) if several else cells))
    print_tables(out, table)
