"""The facts read from eForms notices, as plain frozen data (no XML library needed to use them).

One `Notice` per notice file (or archive member); every field is a business term (BT) of the
eForms standard, named in its comment, so that a reader of this file needs no XML. Codes are
kept as eForms writes them (`env-imp`, `t-sme`, `small`): labels come from `labels.py`.
Text is other people's: it is made safe by the writer for its destination, never here.

`Problem`s are what could not be read, or what was read with a doubt; `select.py` turns
notices into the current version of each notice and each procedure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

#: The strategic-procurement codes (BT-06) that mark a lot as green, social or innovative.
GREEN, SOCIAL, INNOVATIVE, NO_STRATEGY = "env-imp", "soc-obj", "inn-pur", "none"
#: Winner sizes (BT-165) that count as small and medium-sized enterprises.
SME_SIZES = frozenset({"micro", "small", "medium", "sme"})  # "sme": one of them, unsaid which


@dataclass(frozen=True, slots=True)
class Amount:
    """A money amount with its currency (`@currencyID`)."""

    value: Decimal
    currency: str

    def to_dict(self) -> dict[str, Any]:
        return {"value": str(self.value), "currency": self.currency}


@dataclass(frozen=True, slots=True)
class Organisation:
    """An `efac:Organization`: `id` is its technical id in the notice (OPT-200, `ORG-0001`)."""

    id: str
    business_id: str | None  # BT-501, a Y-tunnus in HILMA's Finnish notices (as written)
    name: str | None  # BT-500
    size: str | None  # BT-165: micro, small, medium, large, … (winners only, usually)
    country: str | None  # BT-514, ISO 3166-1 alpha-3

    @property
    def is_sme(self) -> bool | None:
        """None when the notice does not say."""
        return None if self.size is None else self.size in SME_SIZES

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "business_id": self.business_id, "name": self.name, "size": self.size,
                "country": self.country}


@dataclass(frozen=True, slots=True)
class Lot:
    """A lot (BT-137) with its strategic-procurement codes. `strategic` holds BT-06 (`env-imp`,
    `soc-obj`, `inn-pur`, `none`); the others the detailed codes of BT-774 (green), BT-775
    (social), BT-776 (innovation) and BT-805 (green criteria: EU GPP, national, other)."""

    id: str
    title: str | None  # BT-21 of the lot
    nature: str | None  # BT-23: works, supplies, services
    cpv: str | None  # BT-262
    estimated_value: Amount | None  # BT-27
    strategic: tuple[str, ...] = ()
    green: tuple[str, ...] = ()
    social: tuple[str, ...] = ()
    innovation: tuple[str, ...] = ()
    gpp_criteria: tuple[str, ...] = ()

    @property
    def is_green(self) -> bool:
        return GREEN in self.strategic or bool(self.green) or bool(self.gpp_criteria)

    @property
    def is_social(self) -> bool:
        return SOCIAL in self.strategic or bool(self.social)

    @property
    def is_innovative(self) -> bool:
        return INNOVATIVE in self.strategic or bool(self.innovation)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "nature": self.nature, "cpv": self.cpv,
                "estimated_value": self.estimated_value.to_dict() if self.estimated_value else None,
                "strategic": list(self.strategic), "green": list(self.green), "social": list(self.social),
                "innovation": list(self.innovation), "gpp_criteria": list(self.gpp_criteria)}


@dataclass(frozen=True, slots=True)
class LotResult:
    """The result of one lot in an award notice (`efac:LotResult`). `winners` are the tenderers
    of the tenders the result names, or else of the tenders of the contracts it names (of this
    lot): each tender's tendering party → its organisations, in notice order; `tender_values`
    those tenders' values (BT-720)."""

    id: str
    lot_id: str | None  # BT-13713, the lot this result is for
    winner_chosen: str | None  # BT-142: selec-w (a winner), open-nw (still open), clos-nw (none)
    tenders: int | None  # BT-759 with BT-760 = tenders: all tenders received
    tenders_sme: int | None  # BT-759 with BT-760 = t-sme: tenders from SMEs
    winners: tuple[Organisation, ...] = ()
    tender_values: tuple[Amount, ...] = ()

    @property
    def single_tender(self) -> bool:
        return self.tenders == 1

    @property
    def sme_winner(self) -> bool:
        return any(w.is_sme for w in self.winners)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "lot": self.lot_id, "winner_chosen": self.winner_chosen, "tenders": self.tenders,
                "tenders_sme": self.tenders_sme, "winners": [w.to_dict() for w in self.winners],
                "tender_values": [v.to_dict() for v in self.tender_values]}


@dataclass(frozen=True, slots=True)
class Notice:
    """One eForms notice. `source` is the file given, `member` the archive member it came from."""

    source: str
    member: str | None
    form: str  # the root element: ContractNotice, ContractAwardNotice, PriorInformationNotice
    id: str  # BT-701
    version: str  # BT-757, "01", "02", …
    type: str  # BT-02: cn-standard, can-standard, pin-only, veat, can-modif, …
    subtype: str | None  # OPP-070: 1–40, E1–E6, T01, T02, CEI, X01, X02
    dispatch_date: dt.date  # BT-05(a), the date without its zone
    procedure_id: str | None  # BT-04 (PINs without a procedure have none)
    changes: str | None  # BT-758: "<notice id>-<version>" of the notice this one changes
    buyers: tuple[Organisation, ...]  # OPT-300 → the organisations, in notice order
    title: str | None  # BT-21
    nature: str | None  # BT-23
    cpv: str | None  # BT-262
    procedure_type: str | None  # BT-105
    estimated_value: Amount | None  # BT-27
    notice_value: Amount | None  # BT-161
    lots: tuple[Lot, ...] = ()
    results: tuple[LotResult, ...] = ()
    language: str | None = None  # BT-702

    @property
    def where(self) -> str:
        """The file, or `archive!member`, as findings and the JSON name it."""
        return f"{self.source}!{self.member}" if self.member else self.source

    @property
    def changed_id(self) -> str | None:
        """The id (BT-701) of the notice this change notice changes (its version stripped)."""
        if not self.changes:
            return None
        base, sep, version = self.changes.rpartition("-")
        return base if sep and version.isdigit() and base else self.changes

    @property
    def procedure(self) -> str:
        """The key a procedure is counted by: BT-04, or the notice id for notices without one."""
        return self.procedure_id or f"notice:{self.id}"

    @property
    def buyer_ids(self) -> tuple[str, ...]:
        return tuple(b.business_id for b in self.buyers if b.business_id)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "version": self.version, "type": self.type, "subtype": self.subtype,
                "form": self.form, "dispatch_date": self.dispatch_date.isoformat(),
                "procedure_id": self.procedure_id, "changes": self.changes,
                "buyers": [b.to_dict() for b in self.buyers], "title": self.title, "nature": self.nature,
                "cpv": self.cpv, "procedure_type": self.procedure_type,
                "estimated_value": self.estimated_value.to_dict() if self.estimated_value else None,
                "notice_value": self.notice_value.to_dict() if self.notice_value else None,
                "lots": [lot.to_dict() for lot in self.lots], "results": [r.to_dict() for r in self.results],
                "language": self.language, "file": self.source, "member": self.member}


ProblemSeverity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a file (or archive member) was not read (`error`), or was read with a doubt
    (`warning`). `reason` is a stable code (the JSON's and the tests'); its text is the i18n key
    `notice_<reason>` with `args`. `line` is 0 when there is no place in the file."""

    source: str
    member: str | None
    reason: str
    severity: ProblemSeverity = "error"
    line: int = 0
    args: dict[str, Any] = field(default_factory=dict)

    @property
    def where(self) -> str:
        return f"{self.source}!{self.member}" if self.member else self.source

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.source, "member": self.member, "reason": self.reason, "severity": self.severity,
                "line": self.line or None, "args": {k: str(v) for k, v in self.args.items()}}
