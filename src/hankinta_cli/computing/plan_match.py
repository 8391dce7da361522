"""Which notices carry which planned procurement (`hankinta plan match`): proposals for a person to
confirm, pure (the plan and the procedures read are passed in; nothing here reads the clock).

The rule (the README's "plan match" section says it too):

- **Candidates.** A procedure (BT-04, each once: `notices/select.py` has applied versions and change
  notices) of the plan's buyer: one of its notices names `business_id` among its buyers (BT-501);
  a plan without a business id compares every procedure read (the command warns). Only its
  competition notices (contract notices, calls for competition) and result notices (award, VEAT,
  modification) are linked: `STATUS_OF_TYPE` by the notice type (BT-02). A procedure already
  linked to an item (its id is the item's `procedure_id`, or one of its notices is in the item's
  `notice_ids`) is that item's and no other's.
- **Items.** An item with neither `notice_ids` nor `procedure_id`, and not cancelled, is open.
- **Score** (0–1) = 0.40 × CPV + 0.35 × date + 0.25 × title:
  CPV: the same code 1; one code within the other (45000000 holds 45214200) 0.9; else by the
  first digits in common: 5–7 digits 0.85, 4 (class) 0.75, 3 (group) 0.6, 2 (division) 0.4.
  Date: the dispatch date (BT-05) of the procedure's first competition notice (else its first
  notice) inside the item's planned `notice` window 1; later by d days 1 − d/365; earlier by d
  days 1 − d/120 (a notice months before the plan said is unlikely to be this item); no planned
  date 0. Title: the share of words the item's title and the notice's (or a lot's) title have
  in common (Finnish words lowercased, accents kept, stop words out; two words are the same
  when one begins with most of the other, "siivous"/"siivouksen").
  A candidate needs a CPV or a title in common (a date alone says nothing) and `min_score`.
- **Assignment.** Pairs best score first (ties: the item first in the plan, then the procedure
  dispatched first, then its id); a pair is taken when neither its item nor its procedure is
  taken yet. So each procedure goes to at most one item, and each item gets its best free one.
- **Follow-ups.** A linked item whose procedure has notices not yet in its `notice_ids` (the
  award after the contract notice) gets them proposed with score 1 ("same procedure").
- **What applying writes** (`editing/plans.py: apply_matches`): the new notice ids, the `procedure_id` when
  missing, and a dated history entry per status the new notices mean (kilpailutuksessa on the
  first competition notice's day, kilpailutettu on the first result notice's) unless the history
  has one of that status already; the status becomes the history's last.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import UserError
from ..notices.business_id import normalise
from ..notices.model import Notice
from ..notices.select import Procedure
from ..plan_model import Plan, PlanItem
from ..vocab import PlanStatus

WEIGHTS = {"cpv": 0.40, "date": 0.35, "title": 0.25}
DEFAULT_MIN_SCORE = 0.5
#: Days late, and days early, at which the date no longer counts at all.
LATE_DAYS, EARLY_DAYS = 365, 120

#: The status a notice type (BT-02) means for the planned item; other types (prior information
#: only, pre-market consultation, completion, subcontracting, company notices) are not linked.
STATUS_OF_TYPE = {
    **dict.fromkeys(("cn-standard", "cn-social", "cn-desg", "pin-cfc-standard", "pin-cfc-social", "qu-sy"),
                    PlanStatus.TENDERING),
    **dict.fromkeys(("can-standard", "can-social", "can-desg", "can-tran", "veat", "can-modif"),
                    PlanStatus.TENDERED),
}
#: The order statuses follow in time (cancelled is never written here).
STATUS_ORDER = (PlanStatus.PLANNED, PlanStatus.PREPARING, PlanStatus.TENDERING, PlanStatus.TENDERED)


@dataclass(frozen=True)
class CpvMatch:
    kind: str  # same, within, prefix, none (no digits in common), missing (the item or the notice has none)
    digits: int  # first digits in common
    item: str | None
    notice: str | None
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"match": self.kind, "digits": self.digits, "item": self.item, "notice": self.notice}


@dataclass(frozen=True)
class DateMatch:
    planned: str | None  # the item's planned notice date as written (2026-Q1), None when it has none
    days: int  # days after the window (negative: before it); 0 inside
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"planned": self.planned, "days": self.days if self.planned else None}


@dataclass(frozen=True)
class HistoryEntry:
    date: dt.date
    status: PlanStatus
    notice: str  # the notice id that says so


@dataclass(frozen=True)
class Proposal:
    index: int  # the item's place in the plan's items
    item: str
    item_title: str
    notice: Notice  # the notice scored (or, for a follow-up, the newest new one)
    notices: tuple[str, ...]  # the notice ids to add to the item's `notice_ids`, oldest first
    procedure_id: str | None  # BT-04 to write when the item has none (None: leave it)
    score: float
    cpv: CpvMatch | None  # None for a follow-up
    date: DateMatch | None
    title: float | None
    history: tuple[HistoryEntry, ...]  # the entries to add
    status: PlanStatus | None  # the item's status after them (None: unchanged)

    @property
    def same_procedure(self) -> bool:
        return self.cpv is None


@dataclass(frozen=True)
class Matching:
    proposals: tuple[Proposal, ...]  # in the plan's item order
    open_items: int  # items without notices or a procedure (not cancelled)
    procedures: int  # the buyer's procedures with a notice to link
    buyer_checked: bool  # False: the plan has no business id, every procedure was a candidate


# --- the signals ------------------------------------------------------------------------------------

def _digits(code: str | None) -> str | None:
    head = (code or "").strip()[:8]
    return head if len(head) == 8 and head.isdigit() else None


def _significant(code: str) -> str:
    """A CPV code without the zeros that only fill its level (45200000 → 452), at least the division."""
    return code.rstrip("0").ljust(2, "0")


@functools.lru_cache(maxsize=1 << 16)
def _cpv_pair(a: str, b: str) -> CpvMatch:
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y), 8)
    sa, sb = _significant(a), _significant(b)
    if common == 8:
        return CpvMatch("same", 8, a, b, 1.0)
    if common >= 2 and (sb.startswith(sa) or sa.startswith(sb)):
        return CpvMatch("within", common, a, b, 0.9)
    score = 0.85 if common >= 5 else {4: 0.75, 3: 0.6, 2: 0.4}.get(common, 0.0)
    return CpvMatch("prefix" if score else "none", common, a, b, score)


def cpv_match(item_codes: Iterable[str | None], notice_codes: Iterable[str | None]) -> CpvMatch:
    """The best match between the item's codes and the notice's (its own and its lots')."""
    return _best_cpv([d for c in item_codes if (d := _digits(c))], [d for c in notice_codes if (d := _digits(c))])


def _best_cpv(mine: Sequence[str], theirs: Sequence[str]) -> CpvMatch:
    if not mine or not theirs:
        return CpvMatch("missing", 0, mine[0] if mine else None, theirs[0] if theirs else None, 0.0)
    if len(mine) == 1 and len(theirs) == 1:
        return _cpv_pair(mine[0], theirs[0])
    return max((_cpv_pair(a, b) for a in mine for b in theirs), key=lambda m: m.score)


def date_match(item: PlanItem, day: dt.date) -> DateMatch:
    """How the dispatch `day` falls against the item's planned notice window."""
    if item.notice is None:
        return DateMatch(None, 0, 0.0)
    return _date(item.notice.window(), item.notice.label(), day)


def _date(window: tuple[dt.date, dt.date], planned: str, day: dt.date) -> DateMatch:
    first, last = window
    if day > last:
        days = (day - last).days
        return DateMatch(planned, days, max(0.0, 1 - days / LATE_DAYS))
    if day < first:
        days = (first - day).days
        return DateMatch(planned, -days, max(0.0, 1 - days / EARLY_DAYS))
    return DateMatch(planned, 0, 1.0)


#: Words that say nothing of what is bought (Finnish, Swedish and English function words, and the
#: procurement words every title may carry), matched as word beginnings after lowercasing.
STOP_WORDS = frozenset({
    "ja", "tai", "sekä", "eli", "tms", "yms", "mm", "ym", "och", "eller", "av", "för", "till", "med", "en", "ett",
    "the", "and", "of", "for", "to", "in", "on", "an", "et", "de", "la", "le", "les", "des", "du"})
STOP_STEMS = ("hankin", "kilpailut", "puitejärjestel", "puitesopim", "sopimu", "procurement", "contract",
              "upphandl", "kunna", "kaupungi")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def words(text: str | None) -> tuple[str, ...]:
    """A title's words that tell what is bought: NFC, casefolded (accents kept), no digits, no stop words."""
    found = _WORD.findall(unicodedata.normalize("NFC", text or "").casefold())
    return tuple(w for w in found if len(w) > 1 and w not in STOP_WORDS and not w.startswith(STOP_STEMS))


def _alike(a: str, b: str) -> bool:
    """The same word, inflected or compounded: one begins with most of the other (Finnish endings
    change the end of a word: siivous, siivouksen; koulukuljetus, koulukuljetukset)."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), shorter)
    return common >= max(4, -(-7 * shorter // 10))


def title_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """The share of the two titles' words (`words`) that have an alike word in the other."""
    if not a or not b:
        return 0.0
    matched = sum(any(_alike(x, y) for y in b) for x in a) + sum(any(_alike(y, x) for x in a) for y in b)
    return matched / (len(a) + len(b))


# --- candidates and the assignment --------------------------------------------------------------------

def _linkable(n: Notice) -> bool:
    """A competition or result notice whose ids a plan file can hold (one printable line)."""
    return n.type in STATUS_OF_TYPE and _storable(n.id) and (n.procedure_id is None or _storable(n.procedure_id))


def _storable(text: str) -> bool:
    return 0 < len(text) <= 200 and text.isprintable()


def _buyers(p: Procedure) -> set[str]:
    return {b for n in p.notices for raw in n.buyer_ids if (b := normalise(raw))}


def _is_open(item: PlanItem) -> bool:
    return not item.notice_ids and not item.procedure_id and item.status is not PlanStatus.CANCELLED


@dataclass(frozen=True)
class _Candidate:
    procedure: Procedure
    linkable: tuple[Notice, ...]
    key: Notice  # the notice whose date is compared
    cpvs: tuple[str, ...]  # the CPV codes of its notices and lots, eight digits
    titles: tuple[tuple[str, ...], ...]  # the words of its notices' and lots' titles


def _candidate(p: Procedure) -> _Candidate | None:
    linkable = tuple(n for n in p.notices if _linkable(n))
    if not linkable:
        return None
    key = next((n for n in linkable if STATUS_OF_TYPE[n.type] is PlanStatus.TENDERING), linkable[0])
    cpvs = tuple(dict.fromkeys(d for n in p.notices for c in (n.cpv, *(lot.cpv for lot in n.lots))
                               if (d := _digits(c))))
    titles = tuple(dict.fromkeys(w for n in p.notices for t in (n.title, *(lot.title for lot in n.lots))
                                 if (w := words(t))))
    return _Candidate(p, linkable, key, cpvs, titles)


class _Index:
    """The candidates by CPV division and by title word, and their words by their first four
    letters: an item is scored only against candidates sharing a division or an alike word (the
    others score no CPV and no title, so they are never proposed), and a word is compared only
    with the words it can be alike to (alike words share their first four letters, or are equal)."""

    def __init__(self, candidates: Sequence[_Candidate]) -> None:
        self.divisions: dict[str, set[int]] = {}
        self.words: dict[str, set[int]] = {}
        self.buckets: dict[str, set[str]] = {}
        for i, c in enumerate(candidates):
            for code in c.cpvs:
                self.divisions.setdefault(code[:2], set()).add(i)
            for title in c.titles:
                for w in title:
                    self.words.setdefault(w, set()).add(i)
                    self.buckets.setdefault(w[:4], set()).add(w)
        self._alike: dict[str, frozenset[str]] = {}

    def alike(self, word: str) -> frozenset[str]:
        if word not in self._alike:
            self._alike[word] = frozenset(w for w in self.buckets.get(word[:4], ()) if _alike(word, w))
        return self._alike[word]

    def near(self, codes: Sequence[str], alike: Iterable[str]) -> set[int]:
        found: set[int] = set()
        for code in codes:
            found |= self.divisions.get(code[:2], set())
        for w in alike:
            found |= self.words[w]
        return found


def _similarity(mine: Sequence[str], alike: Sequence[frozenset[str]], joined: frozenset[str],
                theirs: Sequence[str]) -> float:
    """`title_similarity(mine, theirs)`, with each of my words' alike words (`alike`, all: `joined`) known."""
    if not mine or not theirs:
        return 0.0
    words_there = set(theirs)
    matched = sum(not a.isdisjoint(words_there) for a in alike) + sum(w in joined for w in theirs)
    return matched / (len(mine) + len(theirs))


def _history(item: PlanItem, new: Sequence[Notice]) -> tuple[tuple[HistoryEntry, ...], PlanStatus | None]:
    """The entries the new notices add (one per status the history lacks, on its first notice's day)
    and the item's status after them: the history's last entry's (new entries after older ones of the
    same day); None when that is the status it has."""
    have = {e.status for e in item.history}
    entries: dict[PlanStatus, HistoryEntry] = {}
    for n in sorted(new, key=lambda n: (n.dispatch_date, n.id)):
        status = STATUS_OF_TYPE[n.type]
        if status not in have and status not in entries:
            entries[status] = HistoryEntry(n.dispatch_date, status, n.id)
    if not entries:
        return (), None
    dated = [(e.date, 0, e.status) for e in item.history] + [(e.date, 1, e.status) for e in entries.values()]
    last = max(dated, key=lambda d: (d[0], d[1]))[2]
    return tuple(sorted(entries.values(), key=lambda e: e.date)), (None if last is item.status else last)


def _proposal(index: int, item: PlanItem, c: _Candidate, new: Sequence[Notice], score: float,
              signals: tuple[CpvMatch, DateMatch, float] | None, key: Notice) -> Proposal:
    history, status = _history(item, new)
    procedure_id = c.procedure.notices[0].procedure_id if not item.procedure_id else None
    return Proposal(index, item.id, item.title, key, tuple(n.id for n in new), procedure_id, score,
                    signals[0] if signals else None, signals[1] if signals else None,
                    signals[2] if signals else None, history, status)


def _no_item(plan: Plan, item_id: str) -> UserError:
    from ..checking.validate import guessed

    ids = [i.id for i in plan.items]
    return UserError("no_item", kind="hankinta", kind_en="plan item", id=item_id, programme=plan.id,
                     known=", ".join(ids[:12]) + (", …" if len(ids) > 12 else "") or "–", **guessed(item_id, ids))


def match(plan: Plan, procedures: Iterable[Procedure], min_score: float = DEFAULT_MIN_SCORE,
          only_item: str | None = None) -> Matching:
    """The proposals (the rule above); `only_item`: just that item's, out of the same assignment."""
    if only_item is not None and all(i.id != only_item for i in plan.items):
        raise _no_item(plan, only_item)
    candidates = [c for p in procedures if (c := _candidate(p)) is not None
                  and (plan.business_id is None or plan.business_id in _buyers(p))]
    by_key = {c.procedure.id: c for c in candidates} | {n.id: c for c in candidates for n in c.procedure.notices}
    taken: set[str] = set()
    out: list[Proposal] = []
    for index, item in enumerate(plan.items):  # follow-ups: linked items keep their procedures
        linked = {id(c): c for key in (item.procedure_id, *item.notice_ids) if key and (c := by_key.get(key))}
        for c in linked.values():
            taken.add(c.procedure.id)
            new = [n for n in c.linkable if n.id not in item.notice_ids]
            if new and item.status is not PlanStatus.CANCELLED:
                out.append(_proposal(index, item, c, new, 1.0, None, new[-1]))
    index_ = _Index(candidates)
    pairs = []
    open_items = [(i, item) for i, item in enumerate(plan.items) if _is_open(item)]
    no_date = DateMatch(None, 0, 0.0)
    for index, item in open_items:
        mine = words(item.title)
        alike = [index_.alike(w) for w in mine]
        joined = frozenset().union(*alike)
        codes = [d for c in item.cpv if (d := _digits(c))]
        window = (item.notice.window(), item.notice.label()) if item.notice else None
        for i in index_.near(codes, joined):
            c = candidates[i]
            if c.procedure.id in taken:
                continue
            cpv = _best_cpv(codes, c.cpvs)
            date = _date(*window, c.key.dispatch_date) if window else no_date
            bound = WEIGHTS["cpv"] * cpv.score + WEIGHTS["date"] * date.score
            if bound + WEIGHTS["title"] < min_score:
                continue  # even the same title would not do
            title = max((_similarity(mine, alike, joined, theirs) for theirs in c.titles), default=0.0)
            if not cpv.score and not title:
                continue
            score = round(bound + WEIGHTS["title"] * title, 4)
            if score >= min_score:
                pairs.append((-score, index, c.key.dispatch_date, c.procedure.id, c, item, (cpv, date, title)))
    given: set[int] = {p.index for p in out}
    for negative, index, _, pid, c, item, signals in sorted(pairs, key=lambda p: p[:4]):
        if index in given or pid in taken:
            continue
        given.add(index)
        taken.add(pid)
        out.append(_proposal(index, item, c, c.linkable, -negative, signals, c.key))
    chosen = sorted((p for p in out if only_item is None or p.item == only_item), key=lambda p: (p.index, p.notices))
    return Matching(tuple(chosen), len(open_items), len(candidates), plan.business_id is not None)
