"""`hankinta plan import`: plan rows from a spreadsheet (CSV or .xlsx, Finnish column names), all
or nothing.

Plans live in Excel today, one row per procurement, so the columns are read by their Finnish
names (`Tunniste`, `Hankinta`, `Arvioitu arvo`, `Prioriteetti`, `Ilmoitus`, …; the YAML field
names work too). A row whose id is in the plan changes that item's fields (blank cells change
nothing); a row with a new id adds an item at the end (it needs a title). Every cell is read by the
parser `plan set` uses; the rows that cannot be read are all listed, and nothing is written. A cell
equal to what the item holds changes nothing, so a sheet exported from the plan (the public
calendar's CSV) imports back with an empty diff.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import UserError
from ..plan_model import Plan
from ..reading.sheets import blank, read_grid
from .edit import EditError, Session
from .importer import ImportProblems, Row, RowProblem
from .plans import ITEM_FIELDS, ITEM_ORDER, PLAN_ORDER, plan_items
from .updates import keys_before, new_entry

#: Column names (folded: lower case, single spaces) → item fields. The fields' own names count too.
COLUMNS: dict[str, str] = {
    "tunniste": "id", "hankinta": "title", "nimi": "title", "kuvaus": "description", "yksikkö": "unit",
    "toimiala": "unit", "yhteyshenkilö": "contact", "cpv": "cpv", "cpv-koodi": "cpv", "cpv-koodit": "cpv",
    "hankintalaji": "nature", "laji": "nature", "arvioitu arvo": "value", "arvioitu arvo €": "value",
    "arvo": "value", "arvo €": "value", "arvo julkinen": "value_public", "prioriteetti": "priority",
    "ilmoitus": "notice", "ilmoitusajankohta": "notice", "menettely": "procedure",
    "markkinavuoropuhelu": "market_dialogue", "strategiset tavoitteet": "aims", "tavoitteet": "aims",
    "toimenpiteet": "measure_refs", "ilmoitukset": "notice_ids", "sopimus alkaa": "contract.start",
    "sopimus päättyy": "contract.end", "optiot": "contract.options", "huomio": "note",
}
#: The template's columns, in the order a person fills them.
TEMPLATE = ("Tunniste", "Hankinta", "Kuvaus", "Yksikkö", "Yhteyshenkilö", "CPV", "Hankintalaji", "Arvioitu arvo",
            "Arvo julkinen", "Prioriteetti", "Ilmoitus", "Menettely", "Markkinavuoropuhelu",
            "Strategiset tavoitteet", "Toimenpiteet", "Sopimus alkaa", "Sopimus päättyy", "Optiot", "Ilmoitukset",
            "Huomio")


def _field(header: Any) -> str | None:
    name = " ".join(str(header or "").split()).casefold()
    if name in COLUMNS:
        return COLUMNS[name]
    return name if name in ITEM_FIELDS or name == "id" else None


def read_plan_rows(path: Path, sheet: str | None = None) -> list[Row]:
    """The data rows of the sheet, their cells under item field names; UserError for a sheet
    without a `Tunniste` column or with a column that names no field."""
    if not path.is_file():
        raise UserError("import_missing_file", file=path)
    grid = read_grid(path, sheet)
    if not grid.rows:
        raise EditError("import_empty", file=path)
    header = grid.rows[0][1]
    fields = [_field(h) for h in header]
    unknown = [str(h) for h, f in zip(header, fields, strict=True) if f is None and not blank(h)]
    if unknown or "id" not in fields:
        raise UserError("plan_import_columns", file=path, unknown=", ".join(unknown) or "–",
                        allowed=", ".join(TEMPLATE))
    rows = []
    for number, values in grid.rows[1:]:
        cells = {f: v for f, v in zip(fields, values, strict=False) if f is not None and not blank(v)}
        if cells:
            rows.append(Row(number, cells, {f: grid.ref(i, number) for i, f in enumerate(fields) if f}))
    return rows


def _parsed(rows: list[Row], source: Path) -> list[tuple[Row, str, dict[str, Any]]]:
    """Each row's id and its fields read; ImportProblems listing every cell that cannot be read."""
    out, problems = [], []
    for row in rows:
        item_id, values = row.text("id"), {}
        if not item_id:
            problems.append(RowProblem(row, "id", "tunniste puuttuu", "the id is missing"))
            continue
        for name in row.cells:
            if name == "id":
                continue
            try:
                values[name] = ITEM_FIELDS[name](name, row.text(name))
            except UserError as e:
                problems.append(RowProblem(row, name, e.message("fi"), e.message("en")))
        out.append((row, item_id, values))
    if problems:
        raise ImportProblems(problems, source)
    return out


def _trimmed_same(current: Any, value: Any) -> bool:
    """The cell is the file's text without its surrounding spaces: a sheet's cells are read trimmed
    (`reading.sheets`), so an exported text with a leading or trailing space comes back without it,
    and that is no edit."""
    return isinstance(current, str) and isinstance(value, str) and current.strip() == value


def import_plan_rows(rows: list[Row], source: Path) -> Callable[[Session], None]:
    parsed = _parsed(rows, source)

    def change(s: Session) -> None:
        known = {str(item.get("id")): path for path, item in plan_items(s.data)}
        new: list[dict[str, Any]] = []
        problems, added = [], set()
        for row, item_id, values in parsed:
            if item_id in added:
                problems.append(RowProblem(row, "id", f"tunniste '{item_id}' toistuu taulukossa",
                                           f"the id '{item_id}' is repeated in the sheet"))
            elif item_id in known:
                for name, value in values.items():
                    parts = tuple(name.split("."))
                    if s.holds((*known[item_id], *parts), value) or _trimmed_same(s.current((*known[item_id], *parts)),
                                                                                   value):
                        continue  # a cell that says what the item holds keeps the file's own writing of it
                    s.set((*known[item_id], *parts), value, after=keys_before(ITEM_ORDER, parts[0]))
            elif "title" not in values:
                problems.append(RowProblem(row, "title", f"uudelta hankinnalta '{item_id}' puuttuu nimi",
                                           f"the new item '{item_id}' has no title"))
            else:
                contract = {k.split(".")[1]: v for k, v in values.items() if k.startswith("contract.")}
                new.append(new_entry(id=item_id, **{k: (contract or None) if k == "contract" else values.get(k)
                                                    for k in ITEM_ORDER if k != "id"}))
                added.add(item_id)
        if problems:
            raise ImportProblems(problems, source)
        if new:
            s.extend(("items",), new, after=keys_before(PLAN_ORDER, "items"), block=True)

    return change


def template_rows(plan: Plan | None) -> list[list[Any]]:
    """`plan import --template`: the header and a row per item of `plan`, each cell written the way
    `plan set` reads it back (2026-Q2, kyllä, comma-separated lists), so that importing the
    untouched sheet changes nothing; a coordinator edits the rows and adds new ones."""
    rows: list[list[Any]] = [list(TEMPLATE)]
    for i in plan.items if plan else []:
        contract = i.contract
        rows.append([
            i.id, i.title, i.description or "", i.unit or "", i.contact or "", ", ".join(i.cpv),
            i.nature.value if i.nature else "", "" if i.value is None else i.value,
            "kyllä" if i.value_public else "", "" if i.priority is None else i.priority,  # blank: not public
            i.notice.label() if i.notice else "", i.procedure.value if i.procedure else "",
            i.market_dialogue.label() if i.market_dialogue else "", ", ".join(a.value for a in i.aims),
            ", ".join(i.measure_refs), contract.start.isoformat() if contract and contract.start else "",
            contract.end.isoformat() if contract and contract.end else "",
            contract.options or "" if contract else "", ", ".join(i.notice_ids), i.note or ""])
    return rows


def template_file(target: Path, plan: Path) -> bytes:
    """The template's bytes for `target` (.xlsx, else CSV) with the items of the plan in `plan`;
    refused before any work when `target` is a programme or plan file."""
    from ..reading.plans import load_plan
    from .atomic import refuse_programme
    from .importer import template_bytes

    refuse_programme(target)
    return template_bytes(target.suffix, template_rows(load_plan(plan)))
