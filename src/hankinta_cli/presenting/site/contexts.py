"""Each page's context: the report's and the roll-up's data, with the site's links.

Every page gets `page`: {lang, title, css, home, root, switch: [{lang, label, href}], canonical
(None without --base-url), crumbs: [{label, href}]} and `t` (the report's texts and the site's).
Then, by page:

    front:      programmes: [{id, name, organisation, href, summary (report context's summary), on_track
                (achieved or on track), behind (behind or far behind)}],
                catalogue: [shared indicator (report context's `shared`) + href], has_catalogue
    programme:  p (report context's programme, each indicator with its `href`), pn, multi, since,
                indicator_pages: [{id, name, href}]
    indicator:  programme: {id, name, href}; i (report context's indicator, its chart of the last
                CHART_PERIODS values); definition: {description, numerator, denominator, kind, unit,
                direction, granularity, method, source, source_note, note, derived_from: [{id, href}],
                baseline: {period, value, note} or None, targets: [{value, deadline, note}],
                catalogue: {id, name, href} or None, place: [text]}; values: [{period, value, note, source,
                breakdown: [{name, value}]}]; downloads: {csv, json} (the programme's data files)
    catalogue:  entry: {id, name, definition, calculation, kind, unit, direction, granularity, source, note,
                targets: [value]}; shared (as on the front page, or None); rows: [{programme, href, indicators:
                [{id, name, href}], period, value}]; totals: [{period, total, reporting}]; chart (SVG or "")
    front:      also nav: [{label, href}] (programmes, shared indicators, dimensions, units when any value
                is reported by unit, the calendar when there are plans)
    dimensions: dimensions: [{label, href, tagged, finished, overdue, programmes}] (the index)
    dimension:  dimension: {label, tagged, finished, overdue, by_status: [{key, label, symbol, count}]};
                programmes: [{name, href, measures: [{id, title, status_label, symbol, overdue, due}]}]
                ([] when no measure is tagged: the page says so)
    units:      units: [{name, href, indicators, programmes: [name], declared_in: [name]}] (the index)
    unit:       unit: {name, declared_in: [name]}; programmes: [{name, href, indicators: [{id, name, href,
                unit, rows: [(period, value (text; None: missing), organisation (text), partial_label)] (the latest
                UNIT_PERIODS)}]}]; periods (UNIT_PERIODS)
    calendar:   c (presenting/calendar.py html_context: public items only), ct (its texts),
                downloads: [{label, href}] (a CSV per plan, an iCalendar file per language)
    root:       langs: [{lang, label, href}]
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ... import walk
from ...computing.calendar import Calendar
from ...computing.dimensions import DimensionView
from ...computing.metrics import ProgrammeStatus
from ...computing.periods import span
from ...computing.rollup import CatalogueRow, ProgrammeSummary
from ...computing.units import UnitView
from ...i18n import partial_text, value_text
from ...model import Catalogue, CatalogueEntry, Indicator
from ...vocab import UNREPORTED, Direction, Granularity, IndicatorKind, OnTrack, Source
from ..report.charts import indicator_chart
from ..report.context import (
    DEFAULT_UNITS,
    _parts,
    _shown,
    _status_label,
    indicator_context,
    programme_context,
    shared_indicators,
    summary_figures,
)
from ..report.texts import TEXTS
from . import layout
from .texts import SITE_TEXTS

#: The indicator page's chart shows this many latest values (its table shows all).
CHART_PERIODS = 12
LANG_NAMES = {"fi": "Suomeksi", "en": "In English"}
#: A unit's page shows each indicator's latest this many periods (the indicator's page has every
#: value with its breakdown): a unit reporting in every programme of a large site stays one page
#: well under 2 MB.
UNIT_PERIODS = 3


def texts(lang: str) -> dict[str, str]:
    return {k: (en if lang == "en" else fi) for k, (fi, en) in (TEXTS | SITE_TEXTS).items()}


class Site:
    """What every page of one build shares: languages, day, canonical base and texts."""

    def __init__(self, langs: list[str], as_of: dt.date, base_url: str | None) -> None:
        self.langs, self.as_of, self.base_url = langs, as_of, base_url
        self.texts = {lang: texts(lang) for lang in langs}

    def page(self, lang: str, key: str, title: str, crumbs: list[tuple[str, str]]) -> dict[str, Any]:
        """`page` of the page `key` in `lang`; crumbs: (label, key) above it, the front page first."""
        here = layout.file_of(lang, key)
        return {
            "lang": lang, "title": title, "key": key,
            "css": layout.link(here, layout.STYLE), "root": layout.link(here, layout.ROOT_PAGE),
            "home": layout.link(here, layout.file_of(lang, layout.FRONT)),
            "switch": [{"lang": other, "label": LANG_NAMES[other], "href": _to(here, other, key)}
                       for other in self.langs if other != lang],
            "canonical": self.base_url + here if self.base_url else None,
            "crumbs": [{"label": label, "href": layout.link(here, layout.file_of(lang, to))} for label, to in crumbs],
        }

    def common(self, lang: str, key: str, title: str, crumbs: list[tuple[str, str]]) -> dict[str, Any]:
        return {"lang": lang, "as_of": self.as_of, "t": self.texts[lang], "page": self.page(lang, key, title, crumbs)}


def _to(here: str, lang: str, key: str) -> str:
    """The link from the file `here` to the page `key` in `lang`."""
    return layout.link(here, layout.file_of(lang, key))


def _label(vocab: Any, value: Any, lang: str) -> str | None:
    return None if value is None else str(vocab(value).text(lang))


def programme_page(site: Site, lang: str, st: ProgrammeStatus, pslug: str, islugs: dict[str, str]) -> dict[str, Any]:
    key = layout.programme_page(pslug)
    here = layout.file_of(lang, key)
    p = programme_context(st, None, lang)

    def href(indicator: str) -> str:
        return layout.link(here, layout.file_of(lang, layout.indicator_page(pslug, islugs[indicator])))

    for theme in p["themes"]:
        for group in [theme, *theme["goals"]]:
            for ind in group["indicators"]:
                ind["href"] = href(ind["id"])
    t = site.texts[lang]
    return {**site.common(lang, key, p["name"], [(t["front"], layout.FRONT)]),
            "p": p, "pn": 1, "multi": False, "since": None,
            "indicator_pages": [{"id": i.id, "name": i.name, "href": href(i.id)} for i in st.indicators]}


def _definitions(st: ProgrammeStatus) -> dict[str, tuple[Indicator, list[str]]]:
    """Each indicator's definition and its place in the programme (theme, goal, measure), by id."""
    out: dict[str, tuple[Indicator, list[str]]] = {}
    for at in walk.indicators(st.programme):
        place = [f"{at.theme.id} {at.theme.name}"] if at.theme else []
        if at.goal:
            place.append(f"{at.goal.id} {at.goal.title}")
        if at.measure:
            place.append(f"{at.measure.id} {at.measure.title}")
        out.setdefault(at.indicator.id, (at.indicator, place))
    return out


def indicator_pages(site: Site, lang: str, st: ProgrammeStatus, pslug: str, islugs: dict[str, str],
                    entries: dict[str, CatalogueEntry]) -> list[tuple[str, dict[str, Any]]]:
    """(key, context) of each indicator page of the programme."""
    t = site.texts[lang]
    definitions = _definitions(st)
    derived_ids = {i for i, (d, _) in definitions.items() if d.derived}
    entry_slugs = layout.slugs(entries)  # the same in every worker: it depends on the catalogue alone
    out = []
    for i in st.indicators:
        key = layout.indicator_page(pslug, islugs[i.id])
        here = layout.file_of(lang, key)
        d, place = definitions.get(i.id, (None, []))
        shown = indicator_context(i, i.id in derived_ids, lang, CHART_PERIODS)
        observed = {str(o.period): o for o in d.observations} if d else {}
        values = []
        for period, value in i.series:
            o = observed.get(period)
            values.append({"period": period, "value": value, "note": o.note if o else None,
                           "source": o.source if o else None,
                           "breakdown": [{"name": k, "value": v} for k, v in (o.breakdown or {}).items()] if o else []})
        entry = entries.get(i.catalogue) if i.catalogue else None
        entry_href = _to(here, lang, layout.catalogue_page(entry_slugs[entry.id])) if entry else ""
        definition = {
            "description": d.description if d else None, "numerator": d.numerator if d else None,
            "denominator": d.denominator if d else None, "kind": _label(IndicatorKind, i.kind, lang),
            "unit": shown["unit"], "direction": _label(Direction, d.direction if d else None, lang),
            "granularity": _label(Granularity, d.granularity if d else None, lang),
            "method": i.method.text(lang),
            "source": _label(Source, d.source if d else None, lang),
            "source_note": d.source_note if d else None, "note": d.note if d else None,
            "derived_from": [{"id": of, "href": layout.link(here, layout.file_of(lang, layout.indicator_page(
                pslug, islugs[of]))) if of in islugs else None} for of in (d.derived.of if d and d.derived else [])],
            "baseline": ({"period": str(d.baseline.period), "value": d.baseline.value, "note": d.baseline.note}
                         if d and d.baseline else None),
            "targets": [{"value": x.value, "deadline": x.deadline, "note": x.note} for x in (d.targets if d else [])],
            "catalogue": {"id": entry.id, "name": entry.name, "href": entry_href} if entry else None,
            "place": place,
        }
        crumbs = [(t["front"], layout.FRONT), (st.programme.name, layout.programme_page(pslug))]
        out.append((key, {**site.common(lang, key, f"{i.id} {i.name}", crumbs),
                          "programme": {"id": st.programme.id, "name": st.programme.name,
                                        "href": layout.link(here, layout.file_of(lang, layout.programme_page(pslug)))},
                          "i": shown, "definition": definition, "values": values,
                          "downloads": {"csv": layout.link(here, layout.data_file(pslug, "csv")),
                                        "json": layout.link(here, layout.data_file(pslug, "json"))}}))
    return out


def _shared(rows: list[CatalogueRow], lang: str) -> list[dict[str, Any]]:
    return shared_indicators(rows, lang, with_unreported=True)


def front_page(site: Site, lang: str, summaries: list[ProgrammeSummary], pslugs: list[str],
               rows: list[CatalogueRow], catalogue: Catalogue | None, units: bool = False,
               calendar: bool = False) -> dict[str, Any]:
    key = layout.FRONT
    here = layout.file_of(lang, key)
    t = site.texts[lang]
    entry_slugs = layout.slugs(e.id for e in catalogue.indicators) if catalogue else {}
    programmes = [{"id": s.id, "name": s.name, "organisation": s.organisation,
                   "href": layout.link(here, layout.file_of(lang, layout.programme_page(slug))),
                   "summary": summary_figures(s.overall, lang),
                   "on_track": sum(s.overall.by_on_track[k] for k in (OnTrack.ACHIEVED, OnTrack.ON_TRACK)),
                   "behind": sum(s.overall.by_on_track[k] for k in (OnTrack.BEHIND, OnTrack.FAR_BEHIND))}
                  for s, slug in zip(summaries, pslugs, strict=True)]
    shared = _shared(rows, lang)
    for c in shared:
        c["href"] = layout.link(here, layout.file_of(lang, layout.catalogue_page(entry_slugs[c["id"]])))
    nav = [(t["programmes"], "#programmes-h"), (t["catalogue"], "#catalogue-h"),
           (t["dimensions"], _to(here, lang, layout.DIMENSIONS))]
    nav += [(t["units_title"], _to(here, lang, layout.UNITS))] if units else []
    nav += [(t["calendar"], _to(here, lang, layout.CALENDAR))] if calendar else []
    return {**site.common(lang, key, t["site_title"], []), "programmes": programmes, "catalogue": shared,
            "has_catalogue": catalogue is not None, "nav": [{"label": label, "href": href} for label, href in nav]}


def catalogue_pages(site: Site, lang: str, summaries: list[ProgrammeSummary], pslugs: list[str],
                    islugs: list[dict[str, str]], rows: list[CatalogueRow],
                    catalogue: Catalogue | None) -> list[tuple[str, dict[str, Any]]]:
    """(key, context) of each catalogue indicator's page: every programme's values and the totals."""
    if catalogue is None:
        return []
    t = site.texts[lang]
    entry_slugs = layout.slugs(e.id for e in catalogue.indicators)
    by_id = {s.id: (s, slug, links) for s, slug, links in zip(summaries, pslugs, islugs, strict=True)}
    out = []
    for row, shared in zip(rows, _shared(rows, lang), strict=True):
        e = row.entry
        key = layout.catalogue_page(entry_slugs[e.id])
        here = layout.file_of(lang, key)
        unit = e.unit or DEFAULT_UNITS.get(e.kind)
        listed = []
        for pid, (period, value) in row.latest.items():
            s, slug, links = by_id[pid]
            listed.append({
                "programme": s.name, "href": layout.link(here, layout.file_of(lang, layout.programme_page(slug))),
                "indicators": [{"id": i.id, "name": i.name, "href": layout.link(
                    here, layout.file_of(lang, layout.indicator_page(slug, links[i.id])))}
                    for i in s.indicators if i.catalogue == e.id],
                "period": period or None, "value": value})
        by_period = sorted(row.totals.items(), key=lambda kv: span(kv[0]))  # by dates, not as text
        totals = [{"period": p, "total": total, "reporting": n} for p, (total, n) in by_period]
        chart = indicator_chart([(p, total) for p, (total, _) in by_period][-CHART_PERIODS:], unit=unit, target=None,
                                deadline=None, name=f"{e.name} ({t['total'].lower()})", lang=lang) if totals else ""
        entry = {"id": e.id, "name": e.name, "definition": e.definition, "calculation": e.calculation,
                 "kind": e.kind.text(lang), "unit": unit, "direction": _label(Direction, e.direction, lang),
                 "granularity": _label(Granularity, e.granularity, lang), "source": _label(Source, e.source, lang),
                 "note": e.note, "targets": [x.value for x in e.targets]}
        out.append((key, {**site.common(lang, key, e.name, [(t["front"], layout.FRONT + "#catalogue-h")]),
                          "entry": entry, "shared": shared, "rows": listed, "totals": totals, "chart": chart}))
    return out


def root_page(site: Site) -> dict[str, Any]:
    first = site.langs[0]
    return {"lang": first, "as_of": site.as_of, "t": site.texts[first],
            "page": {"lang": first, "title": site.texts[first]["site_title"], "css": layout.STYLE,
                     "canonical": site.base_url + layout.ROOT_PAGE if site.base_url else None},
            "langs": [{"lang": lang, "label": LANG_NAMES[lang], "title": site.texts[lang]["site_title"],
                       "href": layout.file_of(lang, layout.FRONT)} for lang in site.langs]}


Page = tuple[str, str, dict[str, Any]]  # template, key, context


def dimension_pages(site: Site, lang: str, views: list[DimensionView], pslugs: dict[str, str]) -> list[Page]:
    """The dimensions' index and a page per dimension: its tagged measures by programme, each
    linked to its programme's page (nothing is tagged on a guess: an empty page says so)."""
    t = site.texts[lang]
    names = layout.name_slugs(v.dimension.value for v in views)
    index_here = layout.file_of(lang, layout.DIMENSIONS)
    listed, out = [], []
    for v in views:
        key = layout.dimension_page(names[v.dimension.value])
        here = layout.file_of(lang, key)
        label = v.dimension.text(lang)
        figures = {"label": label, "tagged": v.tagged, "finished": v.finished,
                   "overdue": sum(m.measure.overdue for m in v.measures)}
        listed.append({**figures, "href": layout.link(index_here, here),
                       "programmes": len({m.programme for m in v.measures})})
        programmes: dict[str, dict[str, Any]] = {}
        for m in v.measures:
            group = programmes.setdefault(m.programme, {"name": m.programme_name, "measures": [], "href": _to(
                here, lang, layout.programme_page(pslugs[m.programme]))})
            ms = m.measure
            status = ms.status.value if ms.status else None
            group["measures"].append({"id": ms.id, "title": ms.title, "status_label": _status_label(status, lang),
                                      "symbol": _shown(status).symbol, "overdue": ms.overdue, "due": ms.due})
        crumbs = [(t["front"], layout.FRONT), (t["dimensions"], layout.DIMENSIONS)]
        out.append(("site/dimension.html.j2", key, {
            **site.common(lang, key, label[:1].upper() + label[1:], crumbs),
            "dimension": {**figures, "by_status": _parts(v.by_status, lambda k: _shown(
                None if k == UNREPORTED else k), lang)}, "programmes": list(programmes.values())}))
    index = ("site/dimensions.html.j2", layout.DIMENSIONS, {
        **site.common(lang, layout.DIMENSIONS, t["dimensions"], [(t["front"], layout.FRONT)]), "dimensions": listed})
    return [index, *out]


def unit_pages(site: Site, lang: str, views: list[UnitView], built: dict[str, Any]) -> list[Page]:
    """The units' index and a page per unit: its values by programme, indicator and period beside
    the organisation's (a partial one marked). `built`: programme id → its `build.Built`."""
    if not views:
        return []
    t = site.texts[lang]
    names = layout.name_slugs(v.name for v in views)
    index_here = layout.file_of(lang, layout.UNITS)
    shown: dict[tuple[type, Any, str | None], str] = {}  # a large site repeats few values: each formatted once

    def text(value: Any, unit: str | None) -> str:
        key = (type(value), value, unit)  # the type: True == 1, but K is not 1
        if key not in shown:
            shown[key] = value_text(value, lang, unit)
        return shown[key]

    listed, out = [], []
    for v in views:
        key = layout.unit_page(names[v.name])
        here = layout.file_of(lang, key)
        programmes: dict[str, dict[str, Any]] = {}
        for i in v.indicators:
            b = built[i.programme]
            group = programmes.setdefault(i.programme, {"name": b.summary.name, "indicators": [], "href": _to(
                here, lang, layout.programme_page(b.slug))})
            unit = i.unit or DEFAULT_UNITS.get(IndicatorKind(i.kind))
            partial = b.partial.get(i.id, {})
            periods = list(i.organisation.items())
            rows = [(p, text(i.values[p], unit) if p in i.values else None, text(whole, unit),
                     partial_text(partial.get(p, []), lang) or None) for p, whole in periods[-UNIT_PERIODS:]]
            group["indicators"].append({"id": i.id, "name": i.name, "unit": unit, "rows": rows, "href": _to(
                here, lang, layout.indicator_page(b.slug, b.indicator_slugs[i.id]))})
        declared = [built[p].summary.name for p in v.declared_in]
        listed.append({"name": v.name, "href": layout.link(index_here, here), "indicators": len(v.indicators),
                       "programmes": [g["name"] for g in programmes.values()], "declared_in": declared})
        crumbs = [(t["front"], layout.FRONT), (t["units_title"], layout.UNITS)]
        out.append(("site/unit.html.j2", key, {**site.common(lang, key, v.name, crumbs),
                                               "unit": {"name": v.name, "declared_in": declared},
                                               "periods": UNIT_PERIODS,
                                               "programmes": list(programmes.values())}))
    index = ("site/units.html.j2", layout.UNITS, {
        **site.common(lang, layout.UNITS, t["units_title"], [(t["front"], layout.FRONT)]), "units": listed})
    return [index, *out]


def calendar_page(site: Site, lang: str, cal: Calendar, files: list[tuple[str, str]]) -> dict[str, Any]:
    """The public calendar in the site's frame; `files`: (what it holds, name) of its downloads,
    where what an iCalendar file holds is its language."""
    from ..calendar import _texts as calendar_texts
    from ..calendar import html_context

    t = site.texts[lang]
    here = layout.file_of(lang, layout.CALENDAR)
    downloads = []
    for holds, name in files:
        label = (t["calendar_ics"].replace("{language}", t["language_" + holds]) if name.endswith(".ics")
                 else t["calendar_csv"].replace("{plan}", holds))
        downloads.append({"label": label, "href": layout.link(here, name)})
    return {**site.common(lang, layout.CALENDAR, t["calendar"], [(t["front"], layout.FRONT)]),
            "c": html_context(cal, lang), "ct": calendar_texts(lang), "downloads": downloads}
