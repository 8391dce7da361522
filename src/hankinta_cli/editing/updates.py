"""Status updates, field updates and indicator values: what the writing commands do.

Each function takes the parsed user input and returns a change for `edit.edit_file`; the
CLI only turns options into these calls. User mistakes raise `EditError` with an i18n key.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..checking.validate import guessed
from ..model import Indicator, Measure, Observation
from ..reading.inputs import parse_status
from ..vocab import IndicatorKind
from ..walk import raw_indicators, raw_measures
from .edit import EditError, Session, ValueReplaced
from .yamlpatch import render

Path_ = tuple[Any, ...]

#: Where a new key goes in a measure or an indicator: after the last of the keys before it in the
#: model's field order (the order the schema shows and a person writes them).
MEASURE_ORDER = tuple(Measure.model_fields)
INDICATOR_ORDER = tuple(Indicator.model_fields)


def new_entry(**fields: Any) -> dict[str, Any]:
    """A new list entry with its optional fields left out when not given (in this key order)."""
    return {k: v for k, v in fields.items() if v is not None and v != ""}


def keys_before(order: tuple[str, ...], key: str) -> tuple[str, ...]:
    return order[: order.index(key)]


def history_entry(day: dt.date, status: str | None, note: str | None, by: str | None) -> dict[str, Any]:
    """A new entry of a measure's status history (`status set` and `import`)."""
    return new_entry(date=day, status=status, note=note, by=by)


def after_day(history: Any, day: dt.date) -> bool:
    """Does the history hold an entry dated after `day`? Then a status dated `day` is an earlier
    one put on record: it goes into the history in its place, and the current status (the latest
    entry's) stays."""
    return isinstance(history, list) and any(
        isinstance(e, dict) and str(e.get("date")) > day.isoformat() for e in history)


def add_history(s: Session, holder: Path_, entries: list[dict[str, Any]],
                order: tuple[str, ...] = MEASURE_ORDER) -> None:
    """New status entries of a measure (or of a plan item, `order` its field order) in date order,
    after entries of the same day: the history reads as it happened."""
    add_in_order(s, (*holder, "history"), entries, keys_before(order, "history"), lambda e: str(e.get("date")))


def _period_key(entry: Any) -> tuple[Any, ...]:
    from ..computing.periods import span

    try:
        found = span(entry.get("period"))
    except (ValueError, TypeError, AttributeError):  # not a period: the checker reports it; order is moot
        return (dt.date.max,)
    return (found.start, found.end)


def add_in_order(s: Session, path: Path_, entries: list[dict[str, Any]], after: tuple[str, ...],
                  key: Callable[[Any], Any]) -> None:
    """Insert each entry before the first existing one that sorts after it, so a list kept in
    order stays in order; entries of an unordered list go before the first later one, else last."""
    existing = s.current(path)
    items = existing if isinstance(existing, list) else []
    placements: dict[int, list[dict[str, Any]]] = {}
    for entry in sorted(entries, key=key):
        mine = key(entry)
        index = next((i for i, e in enumerate(items) if isinstance(e, dict) and key(e) > mine), len(items))
        placements.setdefault(index, []).append(entry)
    s.insert(path, list(placements.items()), after=after)


def observation_entry(period: int | str, value: Any, breakdown: dict[str, int | float] | None = None,
                      note: str | None = None, source: str | None = None,
                      recorded: dt.date | None = None) -> dict[str, Any]:
    """A new observation of an indicator (`record` and `import`), with the day it was recorded."""
    return new_entry(period=period, value=value, breakdown=breakdown, note=note, source=source, recorded=recorded)


OBSERVATION_ORDER = tuple(Observation.model_fields)


def replace_value(s: Session, observation: Path_, value: Any, recorded: dt.date | None) -> None:
    """A recorded value replaced (`--replace`), with the day it was replaced."""
    s.set((*observation, "value"), value)
    if recorded is not None:
        s.set((*observation, "recorded"), recorded, after=keys_before(OBSERVATION_ORDER, "recorded"))


def replace_observation(s: Session, where: Path_, value: Any, units: dict[str, int | float] | None,
                        recorded: dt.date | None) -> None:
    """A period's value, breakdown or both replaced (`record --replace`, `import --replace`). A
    value given by units alone drops the old value, so the value and its units never disagree."""
    if units is not None:
        s.set((*where, "breakdown"), units, after=keys_before(OBSERVATION_ORDER, "breakdown"))
    if value is None:
        if "value" in s.current(where):
            s.delete((*where, "value"))
        if recorded is not None:
            s.set((*where, "recorded"), recorded, after=keys_before(OBSERVATION_ORDER, "recorded"))
    else:
        replace_value(s, where, value, recorded)


def annotate(s: Session, where: Path_, period: Any, note: str | None, source: str | None, replace: bool) -> None:
    """A note or source given for a period that already has its value: written onto it (a
    value recorded again with `--note` must not lose the note). One the observation already has,
    different, is replaced only with `replace` (or when its value is being replaced)."""
    current = s.current(where)
    clash = None if replace else annotation_clash(current, note, source)
    if clash is not None:
        field, old, new = clash
        raise EditError("observation_field_taken", code=1, period=period, old=render(old), new=render(new),
                        field_fi="huomio" if field == "note" else "lähde", field_en=field)
    for name, given in (("note", note), ("source", source)):
        if given is not None and (current.get(name) if isinstance(current, dict) else None) != given:
            s.set((*where, name), given, after=keys_before(OBSERVATION_ORDER, name))


def annotation_clash(observation: Any, note: str | None, source: str | None) -> tuple[str, Any, str] | None:
    """(field, what the observation has, what was given) for a note or source given that differs
    from one it already has (replacing it needs --replace); None when there is none."""
    for name, given in (("note", note), ("source", source)):
        old = observation.get(name) if isinstance(observation, dict) else None
        if given is not None and old not in (None, "", given):
            return name, old, given
    return None


def add_observations(s: Session, indicator: Path_, entries: list[dict[str, Any]]) -> None:
    """New observations in period order (2024-H1 before 2024-H2 before 2025)."""
    add_in_order(s, (*indicator, "observations"), entries, keys_before(INDICATOR_ORDER, "observations"),
                  _period_key)


@dataclass(frozen=True)
class Slot:
    """Where a value for a period goes: a new observation (`index` None), or over `old` at `index`."""

    index: int | None
    old: Any = None


def observation_slot(ind: dict[str, Any], period: int | str, value: Any, replace: bool,
                     breakdown: dict[str, int | float] | None = None) -> Slot | None:
    """The one add-or-replace rule of `record` and `import`: None when the period already holds
    this very value (and breakdown, when one is given: nothing to do); EditError `period_taken`
    when it holds another and `replace` is not given."""
    for oi, obs in enumerate(ind.get("observations") or []):
        if str(obs.get("period")) == str(period):
            old = obs.get("value")
            if old == value and type(old) is type(value) and (breakdown is None or obs.get("breakdown") == breakdown):
                return None
            if not replace:
                raise EditError("period_taken", code=1, period=period, old=render(old), new=render(value))
            return Slot(oi, old)
    return Slot(None)


def find(items: Iterator[tuple[Path_, dict[str, Any]]], item_id: str, kind: tuple[str, str],
          programme: str) -> tuple[Path_, dict[str, Any]]:
    found = list(items)
    for path, item in found:
        if item.get("id") == item_id:
            return path, item
    ids = [str(i.get("id")) for _, i in found]
    shown = ", ".join(ids[:12]) + (", …" if len(ids) > 12 else "")
    raise EditError("no_item", kind=kind[0], kind_en=kind[1], id=item_id, programme=programme, known=shown or "–",
                    **guessed(item_id, ids))


def set_status(measure_id: str, status_text: str, day: dt.date, note: str | None,
               by: str | None) -> Callable[[Session], None]:
    status = parse_status(status_text)
    note, by = storable("--note", note), storable("--by", by)

    def change(s: Session) -> None:
        path, m = find(raw_measures(s.data), measure_id, ("toimenpide", "measure"), s.doc.path.name)
        history = m.get("history") or []
        last = history[-1] if history and isinstance(history[-1], dict) else {}
        if m.get("status") == status.value and last.get("status") == status.value and note in (None, last.get("note")):
            return  # the measure already has this status on record and there is nothing new to note
        if m.get("status") != status.value and not after_day(history, day):
            s.set((*path, "status"), status.value, after=keys_before(MEASURE_ORDER, "status"))
        add_history(s, path, [history_entry(day, status.value, note, by)])

    return change


def parse_value(kind: str, text: str) -> Any:
    """A value typed on the command line, read per indicator kind (Finnish or English)."""
    raw = text.strip()
    if kind == IndicatorKind.YES_NO.value:
        folded = raw.casefold()
        if folded in ("k", "kyllä", "kylla", "true", "yes", "y", "1"):
            return True
        if folded in ("e", "ei", "false", "no", "n", "0"):
            return False
        raise EditError("bad_value", value=text, field="value", reason="K/E, kyllä/ei, true/false")
    if kind in (IndicatorKind.QUALITATIVE.value,):
        return raw
    # Thousands separators as Finnish (and Excel) write them: space, no-break space, narrow
    # no-break space (CLDR's fi), thin space; and a decimal comma: "1 234,50" is 1234.5.
    cleaned = "".join(raw.split()).rstrip("%€").strip()
    cleaned = cleaned.replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        raise EditError("not_a_number", value=text) from None
    if not math.isfinite(number):  # nan, inf, 1e400: float() reads them, no indicator holds them
        raise EditError("bad_number", value=text[:40])
    if number.is_integer() and (kind == IndicatorKind.COUNT.value or "." not in cleaned):
        return int(number)
    return number


def parse_period(text: str) -> int | str:
    """A period as stored: a year as a number, the others as text; refused here with what a period
    is (the model's PERIOD_PATTERN), not later as a YAML quoting problem of the edited file."""
    from ..model_base import PERIOD_PATTERN

    t = text.strip().upper()
    if not re.match(PERIOD_PATTERN, t):
        raise EditError("bad_period", value=text)
    return int(t) if re.fullmatch(r"\d{4}", t) else t


#: Characters a YAML file cannot hold even quoted (YAML 1.1 "printable", which libyaml enforces):
#: C0 controls but tab and line breaks, DEL, C1 controls, surrogates and U+FFFE/U+FFFF.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def storable(option: str, text: str | None) -> str | None:
    """Free text from an option (--note, --by, --source), refused with the character and its
    place if the file could not hold it."""
    if text is not None and (bad := _UNSTORABLE.search(text)):
        raise EditError("bad_text", option=option, char=f"U+{ord(bad.group()):04X}", position=bad.start() + 1)
    return text


def parse_breakdown(parts: list[str]) -> dict[str, int | float] | None:
    """`Sote=3`, `Tekninen=1,5` (repeatable; `;` also separates) → {"Sote": 3, "Tekninen": 1.5}."""
    out: dict[str, int | float] = {}
    for part in (p for chunk in parts for p in chunk.split(";")):
        if not part.strip():
            continue
        name, sep, number = part.partition("=")
        value = parse_value(IndicatorKind.MONEY.value, number) if sep and name.strip() else None
        if not isinstance(value, (int, float)):
            raise EditError("bad_breakdown", value=part)
        out[name.strip()] = value
    return out or None


def record(indicator_id: str, period_text: str, value_text: str | None, note: str | None, source: str | None,
           replace: bool, breakdown: list[str] | None = None,
           today: dt.date | None = None) -> Callable[[Session], None]:
    """`today`, when given, refuses a period that has not begun yet (a value cannot be known).
    Without `value_text`, the breakdown alone is recorded: a count's or money value is then its sum
    (computing/units.py), and `check` refuses it for other kinds (HK317). With `replace`, a breakdown
    given replaces the period's old one, so the value and its units never disagree (HK316)."""
    period = parse_period(period_text)
    if today is not None:
        from ..computing.periods import span

        if span(period).start > today:
            raise EditError("period_in_future", period=period, today=today.isoformat())
    note, source = storable("--note", note), storable("--source", source)
    units = parse_breakdown(breakdown or [])
    if value_text is None and units is None:
        raise EditError("record_needs_value")

    def change(s: Session) -> None:
        path, ind = find(raw_indicators(s.data), indicator_id, ("mittari", "indicator"), s.doc.path.name)
        if isinstance(ind.get("derived"), dict):
            inputs = ", ".join(str(i) for i in ind["derived"].get("of") or [])
            raise EditError("derived_no_values", code=2, id=indicator_id, inputs=inputs)
        value = None if value_text is None else parse_value(str(ind.get("kind")), value_text)
        slot = observation_slot(ind, period, value, replace, units)
        if slot is not None and slot.index is None:
            add_observations(s, path, [observation_entry(period, value, units, note, source, today)])
            return
        index = next(i for i, obs in enumerate(ind.get("observations") or []) if str(obs.get("period")) == str(period))
        where = (*path, "observations", index)
        if slot is not None:
            replace_observation(s, where, value, units, today)
            s.changes.append(ValueReplaced((*where, "value"), period, slot.old, value if value is not None else units))
        annotate(s, where, period, note, source, replace or slot is not None)

    return change
