"""One eForms notice's bytes → a `Notice` and the `Problem`s met on the way.

The XML comes from anyone (a download, an e-mail, an archive), so lxml's parser is hardened:
no DTD loaded, no entity expanded, nothing fetched from the network, libxml2's own limits on
depth and text size kept (`huge_tree=False`). eForms notices never carry a DTD, so a document
with one (a "billion laughs" or an external entity) is refused outright, before anything is
read from it. One notice's tree lives only while its facts are copied out: memory follows the
largest file (capped in `sources.py`), not the number of notices.

What makes a notice unreadable (an `error`): an XML error (malformed, truncated, not UTF-8
as declared), a DTD, a root that is not an eForms procurement notice, or a missing notice id
(BT-701), version (BT-757), type (BT-02) or dispatch date (BT-05). What is read with a doubt (a
`warning`): empty elements (eForms forbids them), a code of a field read here that is not in
its code list, a count that is not a whole number. Non-procurement eForms notices (the
European company registrations X01, X02) are skipped with a warning.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from lxml import etree

from .labels import known
from .model import Amount, Lot, LotResult, Notice, Organisation, Problem

NS = {
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "ext": "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2",
    "efac": "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1",
    "efbc": "http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1",
    "efext": "http://data.europa.eu/p27/eforms-ubl-extensions/1",
}
_UBL = "urn:oasis:names:specification:ubl:schema:xsd:"
FORMS = ("ContractNotice", "ContractAwardNotice", "PriorInformationNotice")
OTHER_EFORMS = ("BusinessRegistrationInformationNotice",)
EXT = "ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/efext:EformsExtension"
#: Lots are `Lot` in notices, `Part` in prior information notices; `LotsGroup` is not a lot.
LOT_SCHEMES = ("Lot", "Part")
#: Strategic-procurement fields of a lot: the code list (`@listName`) → the `Lot` field.
STRATEGIC_LISTS = {"strategic-procurement": "strategic", "environmental-impact": "green",
                   "social-objective": "social", "innovative-acquisition": "innovation", "gpp-criteria": "gpp_criteria"}

_parser: etree.XMLParser | None = None


@functools.cache
def _q(path: str) -> str:
    """`cac:Lot/cbc:ID` as `{urn…}Lot/{urn…}ID`: lxml compiles a path with a namespace map anew
    for each call (sorting the map for its cache key), a Clark-notation path once."""
    return re.sub(r"(?<![\w'])([a-z]+):(?=[A-Za-z])", lambda m: "{" + NS[m.group(1)] + "}", path)


def parser() -> etree.XMLParser:
    global _parser
    if _parser is None:
        _parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                                  remove_comments=True, remove_pis=True, collect_ids=False, dtd_validation=False)
    return _parser


def parse_notice(data: bytes, source: str, member: str | None = None) -> tuple[Notice | None, list[Problem]]:
    """The notice in `data` (None if it cannot be read) and the problems found."""
    problems: list[Problem] = []

    def problem(reason: str, severity: Any = "error", line: int = 0, **args: Any) -> None:
        problems.append(Problem(source, member, reason, severity, line, args))

    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as e:
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:  # libxml2 stopped an entity bomb: say why
            problem("dtd", line=e.lineno or 0)
        else:
            problem("xml", line=e.lineno or 0, problem=(e.msg or str(e)).strip())
        return None, problems
    except ValueError as e:  # e.g. an unknown encoding
        problem("xml", problem=str(e))
        return None, problems
    info: Any = root.getroottree().docinfo
    if info.internalDTD is not None or info.doctype:
        problem("dtd")
        return None, problems
    if not isinstance(root.tag, str):
        problem("not_eforms", found="?")
        return None, problems
    qname = etree.QName(root)
    form = qname.localname
    if form in OTHER_EFORMS:
        problem("not_procurement", "warning", found=form)
        return None, problems
    if form not in FORMS or qname.namespace != f"{_UBL}{form}-2":
        problem("not_eforms", line=_line(root), found=f"{{{qname.namespace}}}{form}"
                if qname.namespace else form)
        return None, problems
    _empty_elements(root, problem)
    notice = _notice(root, form, source, member, problem)
    return notice, problems


def _empty_elements(root: Any, problem: Callable[..., None]) -> None:
    """eForms forbids empty elements; the SDK's invalid examples are full of them. One warning
    per file, at the first, with the count."""
    first, count = None, 0
    for element in root.iter("*"):
        if len(element) == 0 and not (element.text and element.text.strip()):
            count += 1
            first = first if first is not None else element
    if first is not None:
        problem("empty", "warning", first.sourceline or 0, element=etree.QName(first).localname, count=count)


def _text(node: Any, path: str) -> str | None:
    found = node.find(_q(path))
    if found is None or found.text is None:
        return None
    text = found.text.strip()
    return text or None


def _code(node: Any, path: str) -> str | None:
    text = _text(node, path)
    return sys.intern(text) if text else None


def _amount(node: Any, path: str, problem: Callable[..., None]) -> Amount | None:
    found = node.find(_q(path))
    if found is None or not (found.text or "").strip():
        return None
    try:
        value = Decimal(found.text.strip())
    except InvalidOperation:
        problem("bad_number", "warning", found.sourceline or 0, value=found.text.strip())
        return None
    if not value.is_finite():
        problem("bad_number", "warning", found.sourceline or 0, value=found.text.strip())
        return None
    return Amount(value, sys.intern(found.get("currencyID") or ""))


def _checked(code: str | None, codelist: str, line: int, problem: Callable[..., None]) -> str | None:
    if code is not None and not known(codelist, code):
        problem("unknown_code", "warning", line, code=code, codelist=codelist)
    return code


def _notice(root: Any, form: str, source: str, member: str | None, problem: Callable[..., None]) -> Notice | None:
    notice_id = _text(root, "cbc:ID[@schemeName='notice-id']")
    version = _text(root, "cbc:VersionID")
    notice_type = _code(root, "cbc:NoticeTypeCode")
    issued = _text(root, "cbc:IssueDate")
    missing = [bt for value, bt in ((notice_id, "BT-701"), (version, "BT-757"), (notice_type, "BT-02"),
                                    (issued, "BT-05")) if value is None]
    if notice_id is None or version is None or notice_type is None or issued is None:
        problem("missing", fields=", ".join(missing))
        return None
    try:
        dispatch = dt.date.fromisoformat(issued[:10])
    except ValueError:
        problem("bad_date", value=issued, field="BT-05")
        return None
    _checked(notice_type, "notice-type", 0, problem)
    ext = root.find(_q(EXT))
    organisations = _organisations(ext) if ext is not None else {}
    buyers = tuple(organisations.get(ref) or Organisation(ref, None, None, None, None)
                   for ref in _all_text(root, "cac:ContractingParty/cac:Party/cac:PartyIdentification/cbc:ID"))
    project = root.find(_q("cac:ProcurementProject"))
    lots = tuple(_lot(lot, problem) for lot in root.iterfind(_q("cac:ProcurementProjectLot"))
                 if lot.find(_q("cbc:ID")) is not None and lot.find(_q("cbc:ID")).get("schemeName") in LOT_SCHEMES)
    result = ext.find(_q("efac:NoticeResult")) if ext is not None else None
    return Notice(
        source=source, member=member, form=form, id=notice_id, version=version, type=notice_type,
        subtype=_code(ext, "efac:NoticeSubType/cbc:SubTypeCode") if ext is not None else None,
        dispatch_date=dispatch, procedure_id=_text(root, "cbc:ContractFolderID"),
        changes=_text(ext, "efac:Changes/efbc:ChangedNoticeIdentifier") if ext is not None else None,
        buyers=buyers,
        title=_text(project, "cbc:Name") if project is not None else None,
        nature=_code(project, "cbc:ProcurementTypeCode") if project is not None else None,
        cpv=_code(project, "cac:MainCommodityClassification/cbc:ItemClassificationCode") if project is not None
        else None,
        procedure_type=_code(root, "cac:TenderingProcess/cbc:ProcedureCode"),
        estimated_value=_amount(project, "cac:RequestedTenderTotal/cbc:EstimatedOverallContractAmount", problem)
        if project is not None else None,
        notice_value=_amount(result, "cbc:TotalAmount", problem) if result is not None else None,
        lots=lots, results=_results(result, organisations, problem) if result is not None else (),
        language=_code(root, "cbc:NoticeLanguageCode"),
    )


def _all_text(node: Any, path: str) -> list[str]:
    return [e.text.strip() for e in node.iterfind(_q(path)) if e.text and e.text.strip()]


def _organisations(ext: Any) -> dict[str, Organisation]:
    found: dict[str, Organisation] = {}
    for company in ext.iterfind(_q("efac:Organizations/efac:Organization/efac:Company")):
        org_id = _text(company, "cac:PartyIdentification/cbc:ID")
        if org_id is None:
            continue
        found[org_id] = Organisation(
            id=org_id, business_id=_text(company, "cac:PartyLegalEntity/cbc:CompanyID"),
            name=_text(company, "cac:PartyName/cbc:Name"), size=_code(company, "efbc:CompanySizeCode"),
            country=_code(company, "cac:PostalAddress/cac:Country/cbc:IdentificationCode"))
    return found


def _lot(lot: Any, problem: Callable[..., None]) -> Lot:
    project = lot.find(_q("cac:ProcurementProject"))
    codes: dict[str, list[str]] = {name: [] for name in STRATEGIC_LISTS.values()}
    if project is not None:
        for element in project.iterfind(_q("cac:ProcurementAdditionalType/cbc:ProcurementTypeCode")):
            codelist = element.get("listName") or ""
            value = (element.text or "").strip()
            if codelist in STRATEGIC_LISTS and value:
                codes[STRATEGIC_LISTS[codelist]].append(sys.intern(value))
                _checked(value, codelist, element.sourceline or 0, problem)
    return Lot(
        id=_text(lot, "cbc:ID") or "",
        title=_text(project, "cbc:Name") if project is not None else None,
        nature=_code(project, "cbc:ProcurementTypeCode") if project is not None else None,
        cpv=_code(project, "cac:MainCommodityClassification/cbc:ItemClassificationCode")
        if project is not None else None,
        estimated_value=_amount(project, "cac:RequestedTenderTotal/cbc:EstimatedOverallContractAmount", problem)
        if project is not None else None,
        **{name: tuple(values) for name, values in codes.items()})


def _results(result: Any, organisations: dict[str, Organisation],
             problem: Callable[..., None]) -> tuple[LotResult, ...]:
    """Each `LotResult`, with its winners found through tender → tendering party → organisation."""
    parties = {pid: _all_text(party, "efac:Tenderer/cbc:ID")
               for party in result.iterfind(_q("efac:TenderingParty"))
               if (pid := _text(party, "cbc:ID")) is not None}
    tenders = {tid: tender for tender in result.iterfind(_q("efac:LotTender"))
               if (tid := _text(tender, "cbc:ID")) is not None}
    contracts = {cid: _all_text(contract, "efac:LotTender/cbc:ID")
                 for contract in result.iterfind(_q("efac:SettledContract"))
                 if (cid := _text(contract, "cbc:ID")) is not None}
    out = []
    for lot_result in result.iterfind(_q("efac:LotResult")):
        counts: dict[str, int] = {}
        for stats in lot_result.iterfind(_q("efac:ReceivedSubmissionsStatistics")):
            kind, number = _code(stats, "efbc:StatisticsCode"), stats.find(_q("efbc:StatisticsNumeric"))
            if kind is None or number is None:
                continue
            _checked(kind, "received-submission-type", stats.sourceline or 0, problem)
            text = (number.text or "").strip()
            if text.isdigit() and text.isascii():
                counts[kind] = int(text)
            else:
                problem("bad_number", "warning", number.sourceline or 0, value=text)
        winners: list[Organisation] = []
        values: list[Amount] = []
        lot_id = _text(lot_result, "efac:TenderLot/cbc:ID")
        for ref in _winning_tenders(lot_result, contracts):
            tender = tenders.get(ref)
            if tender is None or _text(tender, "efac:TenderLot/cbc:ID") not in (None, lot_id):
                continue
            value = _amount(tender, "cac:LegalMonetaryTotal/cbc:PayableAmount", problem)
            if value is not None:
                values.append(value)
            for org_ref in parties.get(_text(tender, "efac:TenderingParty/cbc:ID") or "", []):
                org = organisations.get(org_ref) or Organisation(org_ref, None, None, None, None)
                _checked(org.size, "economic-operator-size", 0, problem)
                if org not in winners:
                    winners.append(org)
        chosen = lot_result.find(_q("cbc:TenderResultCode"))
        out.append(LotResult(
            id=_text(lot_result, "cbc:ID") or "", lot_id=lot_id,
            winner_chosen=_checked(_code(lot_result, "cbc:TenderResultCode"), "winner-selection-status",
                                   chosen.sourceline if chosen is not None else 0, problem),
            tenders=counts.get("tenders"), tenders_sme=counts.get("t-sme"),
            winners=tuple(winners), tender_values=tuple(values)))
    return tuple(out)


def _winning_tenders(lot_result: Any, contracts: dict[str, list[str]]) -> list[str]:
    """The tenders a lot result names (OPT-320); failing those, the tenders of the contracts it
    names (OPT-315 → OPT-310), as VEAT notices write it. `_results` keeps those of the same lot."""
    named = _all_text(lot_result, "efac:LotTender/cbc:ID")
    if named:
        return named
    return [t for c in _all_text(lot_result, "efac:SettledContract/cbc:ID") for t in contracts.get(c, [])]


def _line(element: Any) -> int:
    line = element.sourceline
    return line if isinstance(line, int) else 0
