"""Writers for `hankinta units` (each unit's values) and `hankinta dimensions` (each dimension's
measures): a table per unit or dimension for people, JSON (`"version": 1`) and CSV for programs.

A dimension no measure carries is written all the same: its table says so in words (JSON:
`"tagged": 0` and an empty list), never left out.
"""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from ...computing.dimensions import DimensionView
from ...computing.units import UnitIndicator, UnitView
from ...escape import for_terminal, spreadsheet_cell
from ...i18n import t, value_text
from ...vocab import UNREPORTED, Status

JSON_VERSION = 1


def _dump(data: dict[str, Any], out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2, allow_nan=False)
    out.write("\n")


def _cell(v: Any) -> str:
    return "" if v is None else spreadsheet_cell(str(v))


def _values(values: dict[str, Any], unit: str | None, lang: str) -> str:
    return "; ".join(f"{p}: {value_text(v, lang, unit)}" for p, v in values.items()) or "–"


def write_units(views: list[UnitView], fmt: str, lang: str, out: TextIO) -> None:
    if fmt == "json":
        _dump({"version": JSON_VERSION, "units": [v.to_dict() for v in views]}, out)
        return
    if fmt == "csv":
        w = csv.writer(for_terminal(out))
        w.writerow(["unit", "programme", "indicator", "name", "period", "value", "organisation_value"])
        for view in views:
            for i in view.indicators:
                for period in i.organisation:
                    w.writerow([_cell(x) for x in (view.name, i.programme, i.id, i.name, period,
                                                   i.values.get(period), i.organisation[period])])
        return
    from .table import add_row, new_table, print_tables

    fi = lang != "en"
    if not views:
        out.write(t("no_units", lang) + "\n")
        return
    several = len({i.programme for v in views for i in v.indicators}) > 1
    heads = [("Mittari", "Indicator"), ("Yksikön arvot", "The unit's values"),
             ("Koko organisaatio", "Whole organisation"), ("Ei raportoitu", "Not reported")]
    if several:
        heads.insert(0, ("Ohjelma", "Programme"))
    tables = []
    for view in views:
        title = view.name + (f" ({', '.join(view.declared_in)})" if view.declared_in else "")
        table = new_table(title, [h[0] if fi else h[1] for h in heads], one_line=(0,))
        for i in view.indicators:
            cells = _unit_cells(i, lang)
            add_row(table, *((i.programme, *cells) if several else cells))
        tables.append(table)
    print_tables(out, *tables)


def _unit_cells(i: UnitIndicator, lang: str) -> tuple[str, str, str, str]:
    whole = _values(i.organisation, i.unit, lang) if i.summable or any(i.organisation.values()) else "–"
    return f"{i.id} {i.name}", _values(dict(i.values), i.unit, lang), whole, ", ".join(i.missing)


def write_dimensions(views: list[DimensionView], fmt: str, lang: str, out: TextIO) -> None:
    if fmt == "json":
        _dump({"version": JSON_VERSION, "dimensions": [v.to_dict() for v in views]}, out)
        return
    if fmt == "csv":
        w = csv.writer(for_terminal(out))
        w.writerow(["dimension", "programme", "id", "title", "status", "responsible", "due", "overdue"])
        for view in views:
            for m in view.measures:
                s = m.measure
                w.writerow([_cell(x) for x in (view.dimension.value, m.programme, s.id, s.title,
                                               s.status.value if s.status else "", "; ".join(s.responsible),
                                               s.due.isoformat() if s.due else "", "1" if s.overdue else "")])
        return
    from .table import add_row, new_table, print_tables

    fi = lang != "en"
    heads = [("Ohjelma", "Programme"), ("Tunniste", "Id"), ("Toimenpide", "Measure"), ("Tila", "Status"),
             ("Vastuutaho", "Responsible")]
    gap = UNREPORTED.text(lang)
    for view in views:
        title = f"{view.dimension.text(lang)}: {t('dimension_count', lang, count=view.tagged)}"
        if not view.measures:
            out.write(f"{title}\n{t('dimension_untagged', lang)}\n\n")
            continue
        table = new_table(title, [h[0] if fi else h[1] for h in heads], one_line=(0, 1))
        for m in view.measures:
            s = m.measure
            status = Status(s.status).text(lang) if s.status else f"({gap})"
            if s.overdue:
                status += " – myöhässä" if fi else " – overdue"
            add_row(table, m.programme, s.id, s.title, status, "; ".join(s.responsible) or "–")
        print_tables(out, table)
