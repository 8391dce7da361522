"""Observation periods: 2024 (year), 2024-H1, 2024-Q3, 2024-05 — their dates and order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from ..vocab import Granularity


@dataclass(frozen=True, order=True)
class Span:
    start: dt.date
    end: dt.date  # last day, inclusive
    key: str

    @property
    def years(self) -> float:
        """Midpoint of the period in fractional years (for growth rates)."""
        mid = self.start + (self.end - self.start) / 2
        return mid.year + (mid.timetuple().tm_yday - 1) / 365.25


def _month_end(year: int, month: int) -> dt.date:
    return (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)


@lru_cache(maxsize=4096)
def span(period: int | str) -> Span:
    """Dates of a period; ValueError for text that is not a period (the checker reports those)."""
    text = str(period).strip().upper()
    year = int(text[:4])
    if len(text) == 4:
        return Span(dt.date(year, 1, 1), dt.date(year, 12, 31), text)
    rest = text[5:]
    if rest.startswith("H"):
        h = int(rest[1:])
        return Span(dt.date(year, 6 * h - 5, 1), _month_end(year, 6 * h), text)
    if rest.startswith("Q"):
        q = int(rest[1:])
        return Span(dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), text)
    month = int(rest)
    return Span(dt.date(year, month, 1), _month_end(year, month), text)


def last_complete(granularity: Granularity, as_of: dt.date) -> str | None:
    """The latest period of this granularity that ended before `as_of`."""
    y, m = as_of.year, as_of.month
    if granularity is Granularity.YEAR:
        return str(y - 1)  # the current year ends on 31.12., never before a day inside it
    if granularity is Granularity.HALF:
        candidates = [f"{y - 1}-H2", f"{y}-H1", f"{y}-H2"]
    elif granularity is Granularity.QUARTER:
        candidates = [f"{y - 1}-Q4"] + [f"{y}-Q{q}" for q in range(1, 5)]
    elif granularity is Granularity.MONTH:
        candidates = [f"{y - 1}-12"] + [f"{y}-{mm:02d}" for mm in range(1, m + 1)]
    else:
        return None
    done = [c for c in candidates if span(c).end < as_of]
    return done[-1] if done else None
