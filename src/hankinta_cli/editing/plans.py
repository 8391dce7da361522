"""What `plan add`, `plan set`, `plan status` and `plan match --apply` change in a plan file: an item
found by its id.

Each field is read from the command line by its own parser; the value is written where the model's
field order puts it, and `edit.edit_file` re-checks the whole plan before anything is written (a
CPV code of the wrong form is refused there, with its finding). User mistakes raise `EditError`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..notices import select
from ..plan_model import Contract, Plan, PlanItem
from ..reading.inputs import parse_date, year_part
from ..vocab import Aim, IndicatorKind, Nature, PlanStatus, Procedure
from .edit import EditError, Linked, Session
from .fields import as_list, member_of, text_value, whole_in
from .updates import Path_, add_history, after_day, find, history_entry, keys_before, new_entry, parse_value, storable

ITEM_ORDER = tuple(PlanItem.model_fields)
CONTRACT_ORDER = tuple(Contract.model_fields)
PLAN_ORDER = tuple(Plan.model_fields)


def parse_planned(field: str, text: str) -> dict[str, Any]:
    """A planned date as typed: 2026, 2026-H1, 2026-Q3, 2026-05, or a day (30.6.2026, 2026-06-30)."""
    raw = text.strip()
    try:
        if (part := year_part(raw, months=True)) is not None:
            return dict(part)
    except ValueError:
        pass
    else:
        if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}", raw):
            return {"date": parse_date(raw)}
    raise EditError("bad_value", code=2, value=text, field=field, reason="2026, 2026-H1, 2026-Q3, 2026-05, 30.6.2026")


def _money(field: str, text: str) -> int | float:
    value = parse_value(IndicatorKind.MONEY.value, text)
    if not isinstance(value, (int, float)) or value < 0:
        raise EditError("bad_value", code=2, value=text, field=field, reason="≥ 0 €")
    return value


def _yes_no(field: str, text: str) -> bool:
    value = parse_value(IndicatorKind.YES_NO.value, text)
    return bool(value)


def _aims(field: str, text: str) -> list[str]:
    return [member_of(Aim)(field, part) for part in as_list(text)]


#: An item's fields that `plan set` writes, each with its parser (field name, typed text) → value.
ITEM_FIELDS: dict[str, Callable[[str, str], Any]] = {
    "title": text_value, "description": text_value, "unit": text_value, "contact": text_value,
    "note": text_value, "procedure_id": text_value,
    "cpv": lambda f, t: as_list(t), "measure_refs": lambda f, t: as_list(t), "notice_ids": lambda f, t: as_list(t),
    "nature": member_of(Nature), "procedure": member_of(Procedure), "aims": _aims,
    "value": _money, "value_public": _yes_no, "priority": whole_in(1, 3),
    "notice": parse_planned, "market_dialogue": parse_planned,
    "contract.start": lambda f, t: parse_date(t), "contract.end": lambda f, t: parse_date(t),
    "contract.options": text_value,
}


def plan_items(data: dict[str, Any]) -> Iterator[tuple[Path_, dict[str, Any]]]:
    """The plan's items (mappings) with their paths, as the file holds them."""
    items = data.get("items")
    for i, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict):
            yield ("items", i), item


def _item(s: Session, item_id: str) -> tuple[Path_, dict[str, Any]]:
    return find(plan_items(s.data), item_id, ("hankinta", "plan item"), s.doc.path.name)


def set_item_field(item_id: str, fieldname: str, text: str) -> Callable[[Session], None]:
    """`plan set`: one field of an item."""
    if fieldname not in ITEM_FIELDS:
        raise EditError("bad_field", field=fieldname, allowed=", ".join(ITEM_FIELDS))
    value = ITEM_FIELDS[fieldname](fieldname, text)

    def change(s: Session) -> None:
        path, _ = _item(s, item_id)
        parts = tuple(fieldname.split("."))
        s.set((*path, *parts), value, after=keys_before(ITEM_ORDER, parts[0]))

    return change


def add_item(item_id: str, title: str, fields: dict[str, str | None]) -> Callable[[Session], None]:
    """`plan add`: a new item at the end of the plan's items, its fields read as `plan set` reads them."""
    given = {name: ITEM_FIELDS[name](name, text) for name, text in fields.items() if text is not None}
    entry = new_entry(id=text_value("id", item_id), title=text_value("title", title),
                      **{k: given.get(k) for k in ITEM_ORDER if k not in ("id", "title")})

    def change(s: Session) -> None:
        if any(str(item.get("id")) == item_id for _, item in plan_items(s.data)):
            raise EditError("id_taken", id=item_id)
        s.extend(("items",), [entry], after=keys_before(PLAN_ORDER, "items"), block=True)

    return change


def set_item_status(item_id: str, status_text: str, day: dt.date, note: str | None) -> Callable[[Session], None]:
    """`plan status`: the item's status, and a dated entry in its history (as `status set` does)."""
    status = PlanStatus.parse(status_text)
    if not isinstance(status, PlanStatus):
        raise EditError("bad_value", code=2, value=status_text, field="status", reason=", ".join(PlanStatus.choices()))
    note = storable("--note", note)

    def change(s: Session) -> None:
        path, item = _item(s, item_id)
        if item.get("status") != status.value and not after_day(item.get("history"), day):
            s.set((*path, "status"), status.value, after=keys_before(ITEM_ORDER, "status"))
        add_history(s, path, [history_entry(day, status.value, note, None)], ITEM_ORDER)

    return change


def apply_matches(procedures: Iterable[select.Procedure], min_score: float,
                  only_item: str | None = None) -> Callable[[Session], None]:
    """`plan match --apply`: every proposal of `computing/plan_match.py` (or only `only_item`'s) at
    or above `min_score`, computed inside the edit from the plan as it is under the lock, written as
    `plan set` and `plan status` write (new notice ids, the procedure id when missing, dated status
    entries through `add_history`)."""
    from ..checking.validate import validate_plan
    from ..computing.plan_match import match

    found = tuple(procedures)

    def change(s: Session) -> None:
        plan, findings = validate_plan(s.data, s.doc.positions)
        if plan is None:
            raise EditError("edit_unreadable", code=1, findings=findings, path=s.doc.path)
        for p in match(plan, found, min_score, only_item).proposals:
            path = ("items", p.index)  # written in the model's field order, so new keys follow it
            if p.status is not None:
                s.set((*path, "status"), p.status.value, after=keys_before(ITEM_ORDER, "status"))
            if p.history:
                entries = [history_entry(e.date, e.status.value, f"ilmoitus {e.notice}", None) for e in p.history]
                add_history(s, path, entries, ITEM_ORDER)
            if isinstance(s.current((*path, "notice_ids")), list):
                s.extend((*path, "notice_ids"), list(p.notices))
            else:
                s.set((*path, "notice_ids"), list(p.notices), after=keys_before(ITEM_ORDER, "notice_ids"))
            if p.procedure_id:
                s.set((*path, "procedure_id"), p.procedure_id, after=keys_before(ITEM_ORDER, "procedure_id"))
            s.changes.append(Linked(p.item, p.notices, p.procedure_id, p.status.value if p.status else None))

    return change
