"""Notices → the notices that count now, each procedure once; and the `--buyer`/date selection.

The rule (the README's "Hankintailmoitukset" section says it too):

1. **Versions.** Notices with the same notice id (BT-701) are versions of one notice: the
   highest version (BT-757, as a number) counts, the others are replaced; equal versions: the
   later dispatch date (BT-05), then the one read last.
2. **Changes.** A change notice (BT-758 names `<id>-<version>`) replaces the notice it names,
   and whatever that one replaced (changes of changes), when both are of the same procedure
   (BT-04). A change naming a notice of another procedure is a warning and replaces nothing;
   one naming a notice that was not read is simply the notice that counts.
3. **Selection** comes after: `since`/`until` on the dispatch date of the notice that counts,
   `buyers` on its buyers' business ids (BT-501), compared as Y-tunnus (`normalise`).

A procedure (BT-04; a notice without one is a procedure of its own) then has its notices that
count, in dispatch order: `Procedure.latest` is the newest, `Procedure.award` the newest with
results (an award, modification or VEAT notice).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import cast

from .business_id import normalise
from .model import Notice, Organisation, Problem
from .spool import Spool, Spooled


@dataclass(frozen=True)
class Selection:
    buyers: frozenset[str] = frozenset()  # Y-tunnus in `1234567-8` form; empty: every buyer
    since: dt.date | None = None
    until: dt.date | None = None

    def wants(self, notice: Notice) -> bool:
        if self.since and notice.dispatch_date < self.since:
            return False
        if self.until and notice.dispatch_date > self.until:
            return False
        return not self.buyers or any(normalise(b) in self.buyers for b in notice.buyer_ids)


@dataclass(frozen=True)
class Procedure:
    id: str  # BT-04, or `notice:<id>` for a notice without a procedure
    notices: tuple[Notice, ...]  # the notices that count, oldest first

    @property
    def latest(self) -> Notice:
        return self.notices[-1]

    @property
    def award(self) -> Notice | None:
        return next((n for n in reversed(self.notices) if n.results), None)

    @property
    def buyers(self) -> tuple[Organisation, ...]:
        seen: dict[str, Organisation] = {}
        for n in self.notices:
            for b in n.buyers:
                seen.setdefault(b.business_id or b.id, b)
        return tuple(seen.values())


@dataclass(frozen=True)
class NoticeSet:
    """`notices` and `procedures` are read back from a spool each time they are iterated
    (`spool.py`): iterate them as often as needed, but hold only what is wanted of them."""

    notices: Sequence[Notice]  # the ones that count and are selected, by dispatch date and id
    problems: tuple[Problem, ...]  # in reading order, then those of the replacement rule
    read: int  # notices read (every version)
    replaced: int  # notices replaced by a later version or a change
    files: int = 0  # files and archive members met
    skipped: int = 0  # read, counting, but not selected
    procedures: Sequence[Procedure] = field(default=())

    @property
    def unreadable(self) -> int:
        return sum(p.severity == "error" for p in self.problems)


@dataclass(frozen=True, slots=True)
class _Key:
    """What the rule needs of a notice, kept while its facts wait in the spool."""

    ref: int
    id: str
    version: tuple[int, dt.date]
    procedure_id: str | None
    changed_id: str | None
    dispatch_date: dt.date
    wanted: bool

    @property
    def procedure(self) -> str:
        return self.procedure_id or f"notice:{self.id}"  # as Notice.procedure


def _version(notice: Notice) -> tuple[int, dt.date]:
    digits = notice.version.strip()
    return (int(digits) if digits.isdigit() and len(digits) < 10 else -1, notice.dispatch_date)


def current(items: Iterable[Notice | Problem], selection: Selection = Selection()) -> NoticeSet:
    """The rule above, over notices and problems as `read.read_notices` yields them. Only the
    notice leading its id so far is spooled; memory holds a `_Key` per notice id."""
    spool = Spool()
    latest: dict[str, _Key] = {}
    problems: list[Problem] = []
    read = 0
    for item in items:
        if isinstance(item, Problem):
            problems.append(item)
            continue
        read += 1
        held, version = latest.get(item.id), _version(item)
        if held is None or version >= held.version:
            latest[item.id] = _Key(spool.put(item), item.id, version, item.procedure_id, item.changed_id,
                                   item.dispatch_date, selection.wants(item))
    replaced_ids: set[str] = set()
    for key in latest.values():
        target = latest.get(key.changed_id or "")
        if target is None or target is key:
            continue
        if target.procedure_id != key.procedure_id:
            notice = spool.get(key.ref)
            problems.append(Problem(notice.source, notice.member, "change_other_procedure", "warning",
                                    args={"changed": target.id, "procedure": key.procedure_id or "–",
                                          "other": target.procedure_id or "–"}))
            continue
        replaced_ids.add(target.id)
    counting = [k for k in latest.values() if k.id not in replaced_ids]
    selected = sorted((k for k in counting if k.wanted), key=lambda k: (k.dispatch_date, k.id))
    groups: dict[str, list[int]] = {}
    for k in selected:
        groups.setdefault(k.procedure, []).append(k.ref)

    def procedure(key: object) -> Procedure:
        name, refs = cast(tuple[str, list[int]], key)
        return Procedure(name, tuple(spool.get(r) for r in refs))

    return NoticeSet(Spooled([k.ref for k in selected], lambda ref: spool.get(cast(int, ref))), tuple(problems),
                     read, read - len(counting), skipped=len(counting) - len(selected),
                     procedures=Spooled(list(groups.items()), procedure))

