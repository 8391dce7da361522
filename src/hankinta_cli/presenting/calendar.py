"""Writers for the public procurement calendar (`hankinta calendar`): HTML, CSV and iCalendar.

They get a `computing.calendar.Calendar`, whose items hold only what may be published, and lay it
out: HTML through the report's sandboxed Jinja environment (`templates/calendar.html.j2`), CSV in the
columns `hankinta plan import` reads (so the file imports back into its plan unchanged), and
iCalendar (RFC 5545) through the `icalendar` library, which escapes and folds the text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

from ..computing.calendar import Calendar, CalendarGroup, GroupKind, PublicItem
from ..escape import one_line, spreadsheet_cell
from ..i18n import day, t
from ..plan_model import PlannedDate

FORMATS = {".html": "html", ".csv": "csv", ".ics": "ics"}


def period_text(planned: PlannedDate, lang: str) -> str:
    """A planned date as a reader says it: 15.9.2026, syyskuu 2026, 3. neljännes 2026, 1. puolivuosi
    2026, 2026 (Babel's month names)."""
    if planned.date is not None:
        return day(planned.date, lang)
    year = planned.year or 1900
    if planned.month:
        from babel.dates import format_date

        return str(format_date(dt.date(year, planned.month, 1), "LLLL yyyy", locale="fi" if lang == "fi" else "en"))
    if planned.quarter:
        return t("cal_quarter", lang, part=planned.quarter, year=year)
    if planned.half:
        return t("cal_half", lang, part=planned.half, year=year)
    return str(year)


def group_label(group: CalendarGroup, lang: str) -> str:
    if group.kind is GroupKind.EARLIER:
        return t("cal_earlier", lang)
    if group.kind is GroupKind.OPEN or group.year is None:
        return t("cal_undated", lang)
    if group.kind is GroupKind.QUARTER:
        return t("cal_quarter", lang, part=group.part or 1, year=group.year)
    period = t("cal_half", lang, part=group.part or 1, year=group.year) if group.kind is GroupKind.HALF \
        else str(group.year)
    return t("cal_open_time", lang, period=period)


def _texts(lang: str) -> dict[str, str]:
    from ..i18n import _TEXT

    return {k[4:]: t(k, lang) for k, (fi, _) in _TEXT.items() if k.startswith("cal_") and "{" not in fi}


def _label(vocab: Any, lang: str) -> str:
    return str(vocab.text(lang)) if vocab is not None else ""


# --- HTML -----------------------------------------------------------------------------------------------


def html_context(cal: Calendar, lang: str) -> dict[str, Any]:
    """What `templates/calendar.html.j2` lays out (it computes nothing): texts ready to show, dates
    and values for the template's `date` and `value` filters."""
    single = cal.plans[0] if len(cal.plans) == 1 else None
    plans = [{"name": p.name, "organisation": p.organisation, "unit": p.unit, "business_id": p.business_id,
              "updated": p.updated,
              "horizon": t("cal_horizon_value", lang, start=day(cal.as_of, lang), end=day(p.horizon_end, lang),
                           months=p.horizon_months)} for p in cal.plans]
    groups = []
    for n, group in enumerate(cal.groups, 1):
        label = group_label(group, lang)
        groups.append({"id": f"g{n}", "label": label,
                       "caption": t("cal_count", lang, period=label, count=len(group.items)),
                       "rows": [_html_item(i, lang) for i in group.items]})
    return {"lang": lang, "title": single.name if single else t("cal_title", lang), "as_of": cal.as_of,
            "heading": t("cal_as_of", lang, date=day(cal.as_of, lang)), "covers": t("cal_covers", lang),
            "plans": plans, "several_organisations": len({p.organisation for p in cal.plans}) > 1,
            "groups": groups}


def _html_item(i: PublicItem, lang: str) -> dict[str, Any]:
    return {"id": i.id, "title": i.title, "description": i.description, "unit": i.shown_unit,
            "organisation": i.organisation, "cpv": ", ".join(i.cpv),
            "aims": ", ".join(a.text(lang) for a in i.aims), "measures": ", ".join(i.measure_refs),
            "notice": period_text(i.notice, lang) if i.notice else None,
            "dialogue": period_text(i.market_dialogue, lang) if i.market_dialogue else None,
            "nature": _label(i.nature, lang), "procedure": _label(i.procedure, lang), "value": i.value,
            "contract_start": i.contract_start, "contract_end": i.contract_end, "options": i.contract_options,
            "status": _label(i.status, lang), "notice_ids": ", ".join(i.notice_ids)}


def write_html(cal: Calendar, lang: str) -> str:
    from .report.render import fill_template

    return fill_template("calendar.html.j2", {**html_context(cal, lang), "t": _texts(lang)}, lang)


# --- CSV ------------------------------------------------------------------------------------------------

#: The open-data CSV: one row per public item, these columns (the names `hankinta plan import`
#: reads, editing/plan_import.py), each cell as `plan set` would take it back.
CSV_COLUMNS = ("Tunniste", "Hankinta", "Kuvaus", "Yksikkö", "CPV", "Hankintalaji", "Arvioitu arvo", "Ilmoitus",
               "Menettely", "Markkinavuoropuhelu", "Strategiset tavoitteet", "Sopimus alkaa", "Sopimus päättyy",
               "Optiot", "Toimenpiteet", "Ilmoitukset")


def _number(value: float | None) -> str:
    return "" if value is None else str(value)


def _csv_row(i: PublicItem) -> list[str]:
    # The item's own unit, not the plan's: a cell is a value `plan import` writes into the item.
    return [i.id, i.title, i.description or "", i.unit or "", ", ".join(i.cpv), i.nature.value if i.nature else "",
            _number(i.value), i.notice.label() if i.notice else "", i.procedure.value if i.procedure else "",
            i.market_dialogue.label() if i.market_dialogue else "", ", ".join(a.value for a in i.aims),
            i.contract_start.isoformat() if i.contract_start else "",
            i.contract_end.isoformat() if i.contract_end else "", i.contract_options or "",
            ", ".join(i.measure_refs), ", ".join(i.notice_ids)]


def write_csv(cal: Calendar) -> bytes:
    """UTF-8 with a byte-order mark (so that Excel reads ä and ö right; CSV readers that know UTF-8
    skip it), comma-separated, every cell quoted (a cell of semicolons cannot mislead a reader's
    delimiter sniffing), CRLF line ends (RFC 4180); cells that would start a formula escaped."""
    out = io.StringIO()
    w = csv.writer(out, quoting=csv.QUOTE_ALL)
    w.writerow(CSV_COLUMNS)
    for item in cal.items:
        w.writerow([spreadsheet_cell(cell) for cell in _csv_row(item)])
    return out.getvalue().encode("utf-8-sig")


# --- iCalendar ------------------------------------------------------------------------------------------

PRODID = "-//hankinta//hankintakalenteri//FI"
KINDS = (("notice", "cal_event_notice"), ("dialogue", "cal_event_dialogue"))


def event_uid(item: PublicItem, kind: str) -> str:
    """Stable across publications (plan, item and kind; `/` is in no id), so a calendar that
    subscribes to the file updates its events instead of adding new ones."""
    return f"{item.plan_id}/{item.id}/{kind}@hankinta"


def write_ics(cal: Calendar, lang: str) -> bytes:
    """An all-day event for each public item's planned notice and market dialogue.

    A date that is a month, quarter, half or year becomes one all-day event spanning the whole
    window, with the period in its summary: a single day on the 1st would claim a precision the
    plan does not have, while the span shows in any calendar as "some time in this period". The
    events are transparent (TRANSP), so they never block anyone's free time. DTSTAMP is the as-of
    day (the library reads no clock)."""
    from icalendar import Calendar as ICalendar
    from icalendar import Event, vText

    out = ICalendar()
    out.add("prodid", PRODID)
    out.add("version", "2.0")
    out.add("calscale", "GREGORIAN")
    out.add("method", "PUBLISH")
    name = cal.plans[0].name if len(cal.plans) == 1 else t("cal_title", lang)
    # NAME (RFC 7986) and the X- properties are TEXT, but icalendar escapes only what it knows as
    # vText: given a str, a plan named "a,b;c" would be written raw
    out.add("name", vText(one_line(name)))
    out.add("x-wr-calname", vText(one_line(name)))
    covers = t("cal_as_of", lang, date=day(cal.as_of, lang)) + ". " + t("cal_covers", lang)
    out.add("description", covers)
    out.add("x-wr-caldesc", vText(covers))
    stamp = dt.datetime.combine(cal.as_of, dt.time(), dt.UTC)
    for item in cal.items:
        for kind, key in KINDS:
            planned = item.notice if kind == "notice" else item.market_dialogue
            if planned is None:
                continue
            first, last = planned.window()
            summary = t(key, lang, title=item.title)
            if planned.date is None:
                summary = t("cal_event_period", lang, summary=summary, period=period_text(planned, lang))
            event = Event()
            event.add("uid", event_uid(item, kind))
            event.add("dtstamp", stamp)
            event.add("dtstart", first)
            event.add("dtend", last + dt.timedelta(days=1))  # exclusive (RFC 5545 3.6.1)
            event.add("summary", summary)
            event.add("description", _description(item, lang))
            event.add("transp", "TRANSPARENT")
            event.add("class", "PUBLIC")
            if item.cpv or item.aims:
                event.add("categories", [*item.cpv, *(a.text(lang) for a in item.aims)])
            out.add_component(event)
    return bytes(out.to_ical())


def _description(item: PublicItem, lang: str) -> str:
    from ..i18n import value_text

    lines = [(t("cal_item", lang), item.title), ("", item.description or ""),
             (t("cal_organisation", lang), item.organisation), (t("cal_unit", lang), item.shown_unit or ""),
             (t("cal_notice", lang), period_text(item.notice, lang) if item.notice else ""),
             (t("cal_market_dialogue", lang), period_text(item.market_dialogue, lang) if item.market_dialogue else ""),
             (t("cal_nature", lang), _label(item.nature, lang)),
             (t("cal_procedure", lang), _label(item.procedure, lang)),
             (t("cal_value", lang), value_text(item.value, lang, "€") if item.value is not None else ""),
             (t("cal_cpv", lang), ", ".join(item.cpv)), (t("cal_status", lang), _label(item.status, lang)),
             (t("cal_notice_ids", lang), ", ".join(item.notice_ids)), (t("cal_id", lang), item.id)]
    return "\n".join(f"{k}: {one_line(v)}" if k else one_line(v) for k, v in lines if v)


# --- the command's one writer ------------------------------------------------------------------------------


def calendar_format(output: Path) -> str:
    """html, csv or ics from the output file's suffix; refused (exit 2) before any plan is read when
    the suffix is another or the file is a programme or a plan."""
    from ..editing.atomic import refuse_programme
    from ..errors import UserError

    fmt = FORMATS.get(output.suffix.lower())
    if fmt is None:
        raise UserError("calendar_suffix", path=output)
    refuse_programme(output)
    return fmt


def render_calendar(cal: Calendar, fmt: str, lang: str) -> str | bytes:
    if fmt == "html":
        return write_html(cal, lang)
    if fmt == "ics":
        return write_ics(cal, lang)
    if len(cal.plans) != 1:
        from ..errors import UserError

        raise UserError("calendar_csv_one_plan", count=len(cal.plans))
    return write_csv(cal)
