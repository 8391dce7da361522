"""Values typed on the command line that reading and editing commands share: dates and statuses.

A value that cannot be read raises `UserError` with the accepted forms in its hint.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..errors import UserError
from ..vocab import OnTrack, Status, Vocab


def parse_date(text: str) -> dt.date:
    """ISO 2025-03-31 or Finnish 31.3.2025."""
    try:
        m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text.strip())
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError("bad_date", value=text) from None


#: Between the two dates of a range: an en or em dash (spaces around it or not), " - ", "--" or "..".
_RANGE = re.compile(r"\s*[–—]\s*|\s+-\s+|\s*--\s*|\s*\.\.\s*")


def year_part(text: str, months: bool = False) -> dict[str, int] | None:
    """A year or a part of one as typed: 2026 → {year}, 2026-H1 → {year, half}, 2026-Q3 →
    {year, quarter}, and with `months` 2026-05 → {year, month}; None for text of another shape,
    ValueError for a part out of range (2026-H3). Schedules and planned notice dates share it."""
    m = re.fullmatch(r"(\d{4})(?:-([HhQq])(\d)|-(\d{2}))?", text.strip())
    if m is None or (m.group(4) and not months):
        return None
    year, part, number = int(m.group(1)), (m.group(2) or "").upper(), int(m.group(3) or 0)
    if m.group(4):
        if not 1 <= int(m.group(4)) <= 12:
            raise ValueError(text)
        return {"year": year, "month": int(m.group(4))}
    if not part:
        return {"year": year}
    if (part == "H" and number in (1, 2)) or (part == "Q" and 1 <= number <= 4):
        return {"year": year, "half" if part == "H" else "quarter": number}
    raise ValueError(text)


def parse_schedule(text: str) -> dict[str, Any]:
    """A whole schedule as typed: 2026, 2026-H1, 2026-Q3, a date (30.6.2026 or 2026-06-30), a
    range of two dates (1.1.2026–30.6.2026), or anything else as text, as the source says it."""
    raw = text.strip()
    try:
        if (whole := year_part(raw)) is not None:
            return whole
    except ValueError:
        raise UserError("bad_schedule", value=text) from None
    parts = _RANGE.split(raw)
    if len(parts) == 2 and all(_DATE.fullmatch(p) for p in parts):
        start, due = parse_date(parts[0]), parse_date(parts[1])
        if due < start:
            raise UserError("schedule_reversed", value=text)
        return {"start": start, "due": due}
    if _DATE.fullmatch(raw):
        return {"due": parse_date(raw)}
    if not raw:
        raise UserError("bad_schedule", value=text)
    return {"text": raw}


_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}")


def entry_date(text: str | None, today: dt.date) -> dt.date:
    """The date of a new history entry: `text`, or `today` when not given. A date after today is
    refused: once recorded, it would put every correct later entry out of date order (HK309)."""
    day = parse_date(text) if text else today
    if day > today:
        raise UserError("date_in_future", value=text, today=today.isoformat())
    return day


def parse_status(text: str) -> Status:
    """A measure's status as typed: its value, either label or an alias (valmis, done, …)."""
    status = Status.parse(text)
    if status is None:
        raise _unknown("bad_status", text, Status)
    assert isinstance(status, Status)
    return status


def parse_on_track(text: str) -> OnTrack:
    """An on-track class for `indicators --status` (saavutettu, aikataulussa, jäljessä, …)."""
    wanted = OnTrack.parse(text)
    if wanted is None:
        raise _unknown("bad_on_track", text, OnTrack)
    assert isinstance(wanted, OnTrack)
    return wanted


def _unknown(key: str, text: str, vocab: type[Vocab]) -> UserError:
    """A value of `vocab` that cannot be read: the values listed in the message's language (the
    stored ones in Finnish, the English names in English), and the closest spelling, if one is close."""
    from ..checking.validate import guessed

    spellings = vocab.choices() + [m.label.en for m in vocab]  # as the user spells: valmis or done
    return UserError(key, value=text, allowed=", ".join(vocab.choices()),
                     allowed_en=", ".join(m.label.en for m in vocab), **guessed(text, spellings))


def parse_buyers(texts: list[str] | None) -> frozenset[str]:
    """`--buyer` values as Y-tunnus (`1234567-8`); one that is not a valid business id is refused."""
    from ..notices.business_id import normalise

    out = set()
    for text in texts or []:
        business_id = normalise(text)
        if business_id is None:
            raise UserError("bad_business_id", value=text)
        out.add(business_id)
    return frozenset(out)
