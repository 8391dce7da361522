"""Paths → notices and problems, streamed: one file's bytes and tree at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .model import Notice, Problem
from .parse import parse_notice
from .select import NoticeSet, Selection, current
from .sources import Limits, notice_bytes


def read_notices(paths: Iterable[Path], limits: Limits = Limits()) -> Iterator[Notice | Problem]:
    """Every notice and problem in `paths`, in reading order (no replacement rule applied)."""
    for item in notice_bytes(paths, limits):
        if isinstance(item, Problem):
            yield item
            continue
        source, member, data = item
        notice, problems = parse_notice(data, source, member)
        yield from problems
        if notice is not None:
            yield notice


def load_notices(paths: Iterable[Path], selection: Selection = Selection(), limits: Limits = Limits()) -> NoticeSet:
    """The notices that count in `paths` (see `select.py` for the rule), selected."""
    return current(read_notices(paths, limits), selection)
