"""Writers for `hankinta notices`: the notices that count as a table, JSON or CSV, and the
problems met while reading them (on stderr).

The JSON shape is versioned (`"version": 1`) and documented in the README ("Hankintailmoitukset"):
additions keep the version, removals or renames bump it. Codes are eForms codes as written in
the notices; the table shows their Finnish (or English) labels from the code lists.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from ...escape import for_terminal, one_line, spreadsheet_cell
from ...i18n import day, t
from ...notices.labels import label
from ...notices.model import Notice, Problem
from ...notices.select import NoticeSet
from .findings import json_text

JSON_VERSION = 1


def to_json_counts(result: NoticeSet) -> dict[str, Any]:
    return {"read": result.read, "replaced": result.replaced, "shown": len(result.notices),
            "not_selected": result.skipped, "procedures": len(result.procedures), "unreadable": result.unreadable}


def to_json(result: NoticeSet) -> dict[str, Any]:
    """The JSON document (version 1), as `write_json` writes it."""
    return {
        "version": JSON_VERSION,
        "counts": to_json_counts(result),
        "notices": [n.to_dict() for n in result.notices],
        "problems": [p.to_dict() for p in result.problems],
    }


def write_json(result: NoticeSet, out: TextIO) -> None:
    """`json.dumps(to_json(result), indent=2)` written a notice at a time: a year of notices is
    some 20 000, and the whole document need not be held beside them (tests compare the two)."""
    head = {"version": JSON_VERSION, "counts": to_json_counts(result)}
    out.write(json_text(head)[:-2])
    _write_list(out, "notices", (n.to_dict() for n in result.notices))
    _write_list(out, "problems", (p.to_dict() for p in result.problems))
    out.write("\n}\n")


def _write_list(out: TextIO, key: str, items: Iterable[dict[str, Any]]) -> None:
    out.write(f',\n  "{key}": ')
    opening = "["
    for item in items:
        out.write(opening + "\n    " + json_text(item).replace("\n", "\n    "))
        opening = ","
    out.write("[]" if opening == "[" else "\n  ]")


def write_problems(problems: tuple[Problem, ...], lang: str, out: TextIO) -> None:
    for p in problems:
        place = one_line(p.where) + (f":{p.line}" if p.line else "")
        out.write(f"{place}: {t(p.severity, lang)}: {t('notice_' + p.reason, lang, **p.args)}\n")


def _sum(values: list[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def _facts(n: Notice) -> dict[str, Any]:
    """What a row of the table or CSV says of a notice, summed over its lots and results."""
    winners = [w for r in n.results for w in r.winners]
    return {
        "green": sum(lot.is_green for lot in n.lots), "social": sum(lot.is_social for lot in n.lots),
        "innovative": sum(lot.is_innovative for lot in n.lots),
        "tenders": _sum([r.tenders for r in n.results]), "tenders_sme": _sum([r.tenders_sme for r in n.results]),
        "sizes": [w.size or "?" for w in winners], "sme_winners": sum(bool(w.is_sme) for w in winners),
    }


CSV_HEADS = ["id", "version", "type", "subtype", "dispatch_date", "procedure_id", "changes", "buyer_ids",
             "buyer_names", "title", "nature", "cpv", "procedure_type", "lots", "green_lots", "social_lots",
             "innovative_lots", "tenders", "tenders_sme", "winners", "sme_winners", "winner_sizes",
             "notice_value", "currency", "file"]


def write_csv(result: NoticeSet, out: TextIO) -> None:
    w = csv.writer(out)
    w.writerow(CSV_HEADS)
    for n in result.notices:
        f = _facts(n)
        value = n.notice_value
        w.writerow([spreadsheet_cell(x) if isinstance(x, str) else x for x in (
            n.id, n.version, n.type, n.subtype or "", n.dispatch_date.isoformat(), n.procedure_id or "",
            n.changes or "", ";".join(n.buyer_ids), ";".join(b.name or "" for b in n.buyers), n.title or "",
            n.nature or "", n.cpv or "", n.procedure_type or "", len(n.lots), f["green"], f["social"],
            f["innovative"], "" if f["tenders"] is None else f["tenders"],
            "" if f["tenders_sme"] is None else f["tenders_sme"], len(f["sizes"]), f["sme_winners"],
            ";".join(f["sizes"]), "" if value is None else str(value.value), value.currency if value else "",
            n.where)])


def write_table(result: NoticeSet, lang: str, out: TextIO) -> None:
    from .table import add_row, new_table, print_tables

    en = lang == "en"
    heads = (("Päivä", "Date"), ("Ilmoitus", "Notice"), ("Hankinta", "Procurement"), ("Ostaja", "Buyer"),
             ("Strategiset osat", "Strategic lots"), ("Tarjouksia (pk)", "Tenders (SME)"),
             ("Voittajat", "Winners"))
    table = new_table(t("notices_counted", lang, read=result.read, replaced=result.replaced,
                        shown=len(result.notices), procedures=len(result.procedures), unreadable=result.unreadable),
                      [h[1] if en else h[0] for h in heads], one_line=(0,))
    for n in result.notices:
        f = _facts(n)
        strategic = [f"{label('strategic-procurement', code, lang)}: {f[key]}/{len(n.lots)}"
                     for key, code in (("green", "env-imp"), ("social", "soc-obj"), ("innovative", "inn-pur"))
                     if f[key]]
        tenders = "" if f["tenders"] is None else str(f["tenders"])
        if f["tenders_sme"] is not None:
            tenders += f" ({f['tenders_sme']})"
        add_row(table, day(n.dispatch_date, lang),
                [label("notice-type", n.type, lang), f"{n.type} {n.subtype or ''} · v{n.version}".strip()],
                n.title or "", [f"{b.name or b.id} {b.business_id or ''}".strip() for b in n.buyers],
                strategic, tenders, [label("economic-operator-size", s, lang) for s in f["sizes"]])
    print_tables(out, table)


def write_notices(result: NoticeSet, fmt: str, lang: str, out: TextIO, err: TextIO) -> int:
    """Writes the notices to `out` and the problems to `err`; the exit code: 1 when a file could
    not be read, else 0 (warnings do not count)."""
    write_problems(result.problems, lang, err)
    if fmt == "json":
        write_json(result, out)
    elif fmt == "csv":
        write_csv(result, for_terminal(out))
    else:
        write_table(result, lang, out)
    if fmt != "table":
        err.write(t("notices_counted", lang, read=result.read, replaced=result.replaced, shown=len(result.notices),
                    procedures=len(result.procedures), unreadable=result.unreadable) + "\n")
    return 1 if result.unreadable else 0
