"""What `set`, `unset` and `add measure` change: one field of a measure or an indicator, found by
its id, and a new measure under a goal or a theme.

Each field is read from the command line by its own parser (below); the value is written at the
place the model's field order gives it, and `edit.edit_file` re-checks the whole file before
anything is written, so a value the model refuses (a half without a year) is refused with its
finding. User mistakes raise `EditError` with an i18n key.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..model import Goal, Target, Theme
from ..reading.inputs import parse_date, parse_schedule
from ..vocab import Dimension, Direction, Granularity, Method, Vocab
from ..walk import raw_items
from .edit import EditError, Session, ValueReplaced
from .updates import (
    INDICATOR_ORDER,
    MEASURE_ORDER,
    Path_,
    add_in_order,
    find,
    keys_before,
    new_entry,
    parse_value,
    storable,
)

TARGET_ORDER = tuple(Target.model_fields)


def as_list(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"[;,]", text) if p.strip()]


def whole_in(low: int, high: int) -> Callable[[str, str], int]:
    def parse(field: str, text: str) -> int:
        if not text.strip().isdigit() or not low <= int(text) <= high:
            raise EditError("bad_value", code=2, value=text, field=field, reason=f"{low}–{high}")
        return int(text)
    return parse


def member_of(vocab: type[Vocab]) -> Callable[[str, str], str]:
    def parse(field: str, text: str) -> str:
        found = vocab.parse(text)
        if found is None:
            raise EditError("bad_value", code=2, value=text, field=field, reason=", ".join(vocab.choices()))
        return found.value
    return parse


def _dimensions(field: str, text: str) -> list[str]:
    return [member_of(Dimension)(field, part) for part in as_list(text)]


def text_value(field: str, text: str) -> str:
    stored = storable(field, text.strip())
    if not stored:
        raise EditError("bad_value", code=2, value=text, field=field, reason="teksti / text")
    return stored


#: A measure's fields that `set` writes, each with its parser (field name, typed text) → value.
MEASURE_FIELDS: dict[str, Callable[[str, str], Any]] = {
    "title": text_value, "description": text_value, "objective": text_value, "note": text_value,
    "responsible": lambda f, t: as_list(t), "tags": lambda f, t: as_list(t), "dimensions": _dimensions,
    "priority": whole_in(1, 3),
    "schedule": lambda f, t: parse_schedule(t),
    "schedule.start": lambda f, t: parse_date(t), "schedule.due": lambda f, t: parse_date(t),
    "schedule.year": whole_in(1900, 2199), "schedule.half": whole_in(1, 2), "schedule.quarter": whole_in(1, 4),
    "schedule.text": text_value,
}

#: An indicator's fields that `set` writes. `baseline` and `target` take a value read by the
#: indicator's kind, with `--period` (a baseline's) or `--deadline` and `--note`: see `set_field`.
INDICATOR_FIELDS: dict[str, Callable[[str, str], Any]] = {
    "name": text_value, "unit": text_value, "description": text_value, "numerator": text_value,
    "denominator": text_value, "source_note": text_value, "note": text_value,
    "direction": member_of(Direction), "granularity": member_of(Granularity), "method": member_of(Method),
    "baseline": text_value, "target": text_value,
}

#: What `unset` removes besides the fields above: all targets at once.
INDICATOR_UNSETTABLE = (*(f for f in INDICATOR_FIELDS if f not in ("name", "target")), "targets")
MEASURE_UNSETTABLE = tuple(f for f in MEASURE_FIELDS if f != "title")


def _item(s: Session, item_id: str) -> tuple[str, Path_, dict[str, Any]]:
    """The measure or indicator with this id (ids are unique across a programme)."""
    found = [(kind, path, item) for kind, path, item in raw_items(s.data) if kind in ("measure", "indicator")]
    path, item = find(((p, i) for _, p, i in found), item_id, ("toimenpide tai mittari", "measure or indicator"),
                      s.doc.path.name)
    kind = next(k for k, p, _ in found if p == path)
    return kind, path, item


def _allowed(fieldname: str, fields: tuple[str, ...] | dict[str, Any], removing: bool = False) -> None:
    if fieldname not in fields:
        raise EditError("bad_field_unset" if removing else "bad_field", field=fieldname, allowed=", ".join(fields))


def set_field(item_id: str, fieldname: str, text: str, period: str | None = None, deadline: str | None = None,
              note: str | None = None) -> Callable[[Session], None]:
    """`hankinta set`: a measure's or an indicator's field. The typed value is read when the item
    is found (an indicator's baseline and targets are read by its kind)."""
    note = storable("--note", note)

    def change(s: Session) -> None:
        kind, path, item = _item(s, item_id)
        fields = MEASURE_FIELDS if kind == "measure" else INDICATOR_FIELDS
        _allowed(fieldname, fields)
        if fieldname == "baseline":
            return _set_baseline(s, path, item, text, period, note)
        if fieldname == "target":
            return _set_target(s, path, item, text, deadline, note)
        value = fields[fieldname](fieldname, text)
        parts = tuple(fieldname.split("."))
        order = MEASURE_ORDER if kind == "measure" else INDICATOR_ORDER
        s.set((*path, *parts), value, after=keys_before(order, parts[0]))
        return None

    return change


def _set_baseline(s: Session, path: Path_, item: dict[str, Any], text: str, period: str | None,
                  note: str | None) -> None:
    from .updates import parse_period

    if not period:
        raise EditError("baseline_period")
    value = parse_value(str(item.get("kind")), text)
    s.set((*path, "baseline"), new_entry(period=parse_period(period), value=value, note=note),
          after=keys_before(INDICATOR_ORDER, "baseline"))


def _set_target(s: Session, path: Path_, item: dict[str, Any], text: str, deadline: str | None,
                note: str | None) -> None:
    """A target for its deadline: the one with the same deadline replaced, or a new one in
    deadline order (a target without a deadline last)."""
    value = parse_value(str(item.get("kind")), text)
    day = parse_date(deadline) if deadline else None
    entry = new_entry(value=value, deadline=day, note=note)
    targets = item.get("targets") if isinstance(item.get("targets"), list) else []
    for i, old in enumerate(targets or []):
        if isinstance(old, dict) and str(old.get("deadline")) == str(day):
            if old.get("value") == value and type(old.get("value")) is type(value) and note in (None, old.get("note")):
                return
            where = (*path, "targets", i, "value")
            s.set(where, value)
            if note is not None:
                s.set((*path, "targets", i, "note"), note, after=keys_before(TARGET_ORDER, "note"))
            s.changes.append(ValueReplaced(where, str(day.isoformat() if day else "–"), old.get("value"), value,
                                           target=True))
            return
    add_in_order(s, (*path, "targets"), [entry], keys_before(INDICATOR_ORDER, "targets"),
                  lambda e: str(e.get("deadline") or "9999"))


def unset_field(item_id: str, fieldname: str) -> Callable[[Session], None]:
    """`hankinta unset` (and `set --clear`): remove a field. Removing the last part of a schedule
    removes the schedule (an empty schedule says nothing)."""

    def change(s: Session) -> None:
        kind, path, item = _item(s, item_id)
        _allowed(fieldname, MEASURE_UNSETTABLE if kind == "measure" else INDICATOR_UNSETTABLE, removing=True)
        parts = tuple(fieldname.split("."))
        if len(parts) == 2:
            holder = item.get(parts[0])
            if not isinstance(holder, dict) or parts[1] not in holder:
                return
            if len(holder) == 1:
                parts = parts[:1]
        s.delete((*path, *parts))

    return change


def add_measure(parent_id: str, measure_id: str, title: str, responsible: str | None = None,
                schedule: str | None = None, priority: str | None = None,
                description: str | None = None) -> Callable[[Session], None]:
    """`hankinta add measure`: a new measure at the end of a goal's (or a theme's) measures."""
    entry = new_entry(id=text_value("id", measure_id), title=text_value("title", title),
                      description=text_value("description", description) if description else None,
                      responsible=as_list(responsible) if responsible else None,
                      schedule=parse_schedule(schedule) if schedule else None,
                      priority=whole_in(1, 3)("priority", priority) if priority else None)

    def change(s: Session) -> None:
        everything = list(raw_items(s.data))
        if any(str(item.get("id")) == measure_id for _, _, item in everything):
            raise EditError("id_taken", id=measure_id)
        holders = [(p, i) for kind, p, i in everything if kind in ("goal", "theme")]
        path, _ = find(iter(holders), parent_id, ("tavoite tai teema", "goal or theme"), s.doc.path.name)
        order = tuple(Goal.model_fields) if path[-2] == "goals" else tuple(Theme.model_fields)
        s.extend((*path, "measures"), [entry], after=keys_before(order, "measures"), block=True)

    return change

