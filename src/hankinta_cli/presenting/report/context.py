"""The report context: everything a template shows, computed here and nowhere else.

Templates only lay this structure out (and format numbers and dates with the filters in
render.py), so a programme repository can replace a template without re-implementing a number.
The structure, as plain dicts and lists (documented in the README, "Report templates"):

    lang, as_of, title, since (text or None), multi (several programmes)
    plan_notes: the plan files beside the programmes that could not be read, so have no plan section
        (`report` also warns of them)
    selection: None, or {theme, responsible, dimension (its label)} as given to `report --theme/--responsible/
        --dimension`: the report
        then shows only the measures selected (matched as `status` matches them), the indicators of
        their themes and goals, and counts, decisions, gaps, changes and coming_up of those alone;
        themes and goals left empty are left out
    rollup: None or [{id, name, measures, finished, share_finished, overdue, late, without_responsible,
                      without_schedule, indicators, without_data, undefined, by_on_track: [...]}]
    shared: (combined reports) catalogue indicators across the programmes:
        [{id, name, unit, summable, latest: [{programme, period, value, partial_label}], total, total_period,
          reporting, programmes, total_partial_label, targets: [value]}]
        partial_label: None, or the units missing from a programme's partial value; total_partial_label:
        None, or the programmes whose value in the total is partial
    programmes: [programme], each:
        id, name, organisation, period_start, period_end, follow_up, stage
        summary: {measures, finished, share_finished, overdue, late, indicators,
                  by_status: [part], by_on_track: [part], status_bar, on_track_bar (SVG)}
            part: {key, label, symbol, count}
        decisions: [{kind, id, title, label}]          (at most five, most urgent first)
        changes: None or [{kind (status, note: a status entry that keeps its status, new_measure, new_value,
                           changed_value), label, id, title, date, status, previous_status, note, period,
                           value, previous_value, unit (an indicator's, shown after its values),
                           difference (value − previous_value when both are numbers, else None),
                           missing, partial_label (a value summed from units that lacks some: "osittainen: Sote
                           puuttuu"; else None)}]
        changes_note: None, or why the changes could not be listed (the earlier version given to
                      --since is missing, too large or does not load); changes is then []
        coming_up: {days, until, measures: [{id, title, due, status, status_label, symbol, responsible}],
                    undated: [id]}
            the open measures (not done, ongoing or suspended) due from as_of to `until` (as_of + `days`,
            `report --horizon`, default 60), soonest first; `undated`: the open measures whose
            schedule names no date (free text, a start alone), which cannot be listed
        themes: [{id, name, description, measures: [measure], indicators: [indicator],
                  goals: [{id, title, measures, indicators}]}]
            measure: {id, title, objective (its own goal statement or None), status, status_label,
                      symbol, responsible, schedule, due, overdue, late, latest_note, last_update,
                      freshness, freshness_label}
            indicator: {id, name, unit, kind, periods: [{period, value, missing, partial_label}], latest, latest_period,
                        latest_source (the `source` of the latest value's observation, e.g. the notices read),
                        target, target_deadline, attainment, on_track, on_track_label, symbol,
                        reason_label, stale, chart, derived}
                periods[].missing: the units absent from a value summed from its breakdown (computing/units.py),
                    [] for a whole value; partial_label: "osittainen: Sote puuttuu" or None
                chart: SVG of the values shown (a line, or a bar for one value) against the target,
                       with its own <title> and <desc>; "" when no value is a number
        gaps: {no_responsible: [ref], no_schedule: [ref], undefined: [ref], no_data: [ref]}
            ref: {id, title}
        plan: None, or the procurement plans that name the programme (`programmes:` of a plan in the
              `plans/` folder beside the programme folder; plan.py); None too under a selection:
            {months (6), until (as_of + months), plans: [{id, name, organisation, unit, updated,
             coming: [item], late: [item], on_schedule: {due, on_time, share, undated},
             calendar: {current (True, False, or None for a gap), updated, update_months, falls_due,
                        missing: [field names]}}]}
            coming: the items not yet announced whose planned notice window meets as_of–until, soonest
                    first; late: the items whose planned notice date has passed without a notice;
            on_schedule: of the items due by as_of, those announced (by the plan's status history)
                         by the end of their planned window (computing/plan_indicators.py)
            item: {id, title, unit, notice (the planned date as written: 2026-Q2), status, status_label,
                   nature_label, procedure_label, priority, value (None unless value_public)}; never
                   the internal note or the contact
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from ... import walk
from ...computing.measures import HORIZON_DAYS, MeasureStatus, coming_up, undated
from ...computing.metrics import Counts, ProgrammeStatus
from ...computing.ontrack import IndicatorStatus
from ...computing.rollup import CatalogueRow, summarise
from ...computing.rollup import rollup as roll_up
from ...computing.selection import Selection
from ...i18n import fill, partial_text, schedule_label
from ...i18n import t as message
from ...model import Catalogue, Indicator
from ...plan_model import Plan
from ...vocab import FINISHED, UNREPORTED, Gap, IndicatorKind, OnTrack, Status, Vocab, colours
from .changes import Change
from .charts import indicator_chart, stacked_bar
from .plan import plan_section

DECISIONS = {
    "late": ("Myöhässä", "Late"), "far_behind": ("Mittari selvästi jäljessä", "Indicator far behind"),
    "behind": ("Mittari jäljessä", "Indicator behind"), "no_owner": ("Ei vastuutahoa", "No responsible party"),
    "no_owner_many": ("{n:measure} ilman vastuutahoa", "{n:measure} without a responsible party"),
}
CHANGE_LABELS = {
    "status": ("Tila muuttui", "Status changed"), "note": ("Tilamerkintä", "Status noted"),
    "new_measure": ("Uusi toimenpide", "New measure"),
    "new_value": ("Uusi arvo", "New value"), "changed_value": ("Arvo muuttui", "Value changed"),
}
#: Shown after values whose indicator names no unit of its own.
DEFAULT_UNITS: dict[str, str] = {IndicatorKind.PERCENT: "%", IndicatorKind.MONEY: "€"}
MAX_DECISIONS = 5
MAX_PERIODS = 6


#: The chart colour of each status, the gap and each on-track class (the vocabulary's own).
_COLOURS = colours()


def _colour(key: str) -> str:
    return _COLOURS.get(key, "#6e6e6e")


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def _shown(value: str | None) -> Status | Gap:
    """A measure's status as shown: a status, or the gap where none is reported."""
    return UNREPORTED if value is None else Status(value)


def _status_label(value: str | None, lang: str) -> str:
    return _shown(value).text(lang)


def _parts(counts: dict[str, int], vocab: Callable[[str], Vocab], lang: str) -> list[dict[str, Any]]:
    return [{"key": k, "label": vocab(k).text(lang), "symbol": vocab(k).symbol, "count": n} for k, n in counts.items()]


def summary_figures(c: Counts, lang: str) -> dict[str, Any]:
    """A programme's `summary` (see above): counts, parts by status and on-track class, their bars."""
    by_status = _parts(c.by_status, lambda k: UNREPORTED if k == UNREPORTED else Status(k), lang)
    by_on_track = _parts(c.by_on_track, OnTrack, lang)
    bar_label = ("Toimenpiteet tiloittain: " if lang == "fi" else "Measures by status: ") + ", ".join(
        f"{p['label']} {p['count']}" for p in by_status if p["count"])
    on_label = ("Mittarit tilanteen mukaan: " if lang == "fi" else "Indicators by status: ") + ", ".join(
        f"{p['label']} {p['count']}" for p in by_on_track if p["count"])
    return {
        "measures": c.measures, "finished": c.finished, "share_finished": c.share_finished, "overdue": c.overdue,
        "late": c.late, "indicators": c.indicators, "without_responsible": c.without_responsible,
        "without_schedule": c.without_schedule, "without_data": c.without_data, "undefined": c.undefined,
        "by_status": by_status, "by_on_track": by_on_track,
        "status_bar": stacked_bar([(_colour(p["key"]), p["label"], p["count"]) for p in by_status], bar_label),
        "on_track_bar": stacked_bar([(_colour(p["key"]), p["label"], p["count"]) for p in by_on_track], on_label),
    }


def _measure(m: MeasureStatus, latest_note: str | None, schedule: str | None, objective: str | None,
             lang: str) -> dict[str, Any]:
    value = m.status.value if m.status else None
    return {
        "id": m.id, "title": m.title, "objective": objective, "status": value,
        "status_label": _status_label(value, lang),
        "symbol": _shown(value).symbol, "responsible": "; ".join(m.responsible) or None,
        "schedule": schedule, "due": m.due, "overdue": m.overdue, "late": m.late, "latest_note": latest_note,
        "last_update": m.last_update, "freshness": m.freshness.value, "freshness_label": m.freshness.text(lang),
    }


def _number(value: object) -> float | None:
    """A value that can be charted or subtracted: a number, not a yes/no."""
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def indicator_context(i: IndicatorStatus, derived: bool, lang: str, shown: int = MAX_PERIODS) -> dict[str, Any]:
    """An `indicator` of the context (see above), its values and chart of the last `shown` periods."""
    periods = [{"period": p, "value": v, "missing": i.partial.get(p, []),
                "partial_label": partial_text(i.partial.get(p, []), lang) or None} for p, v in i.series][-shown:]
    numeric = [(str(p), n) for p, v in i.series[-shown:] if (n := _number(v)) is not None]
    unit = i.unit or DEFAULT_UNITS.get(i.kind)
    chart = indicator_chart(numeric, unit=unit, target=_number(i.target), deadline=i.target_deadline, name=i.name,
                            lang=lang)
    return {
        "id": i.id, "name": i.name, "unit": unit, "kind": i.kind, "periods": periods,
        "latest": i.latest, "latest_period": i.latest_period, "latest_source": i.latest_source,
        "target": i.target,
        "target_deadline": i.target_deadline, "attainment": i.attainment, "on_track": i.on_track.value,
        "on_track_label": i.on_track.text(lang), "symbol": i.on_track.symbol,
        "reason_label": i.reason.text(lang) if i.reason is not None else None,
        "stale": bool(i.stale), "derived": derived,
        "chart": chart,
    }


def _decisions(st: ProgrammeStatus, lang: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for m in st.measures:
        if m.late:
            out.append({"kind": "late", "id": m.id, "title": m.title, "label": _pick(DECISIONS["late"], lang)})
    for klass, kind in ((OnTrack.FAR_BEHIND, "far_behind"), (OnTrack.BEHIND, "behind")):
        for i in st.indicators:
            if i.on_track is klass:
                out.append({"kind": kind, "id": i.id, "title": i.name, "label": _pick(DECISIONS[kind], lang)})
    owners = [m for m in st.measures if not m.responsible]
    room = MAX_DECISIONS - len(out)
    if owners and room > 0:
        if len(owners) <= room:
            out += [{"kind": "no_owner", "id": m.id, "title": m.title, "label": _pick(DECISIONS["no_owner"], lang)}
                    for m in owners]
        else:
            text = fill(_pick(DECISIONS["no_owner_many"], lang), lang, {"n": len(owners)})
            out.append({"kind": "no_owner", "id": None, "title": text, "label": _pick(DECISIONS["no_owner"], lang)})
    return out[:MAX_DECISIONS]


def _change(c: Change, lang: str) -> dict[str, Any]:
    d = dict(c.__dict__)
    d.pop("indicator_kind")
    d["label"] = _pick(CHANGE_LABELS[c.kind], lang)
    d["unit"] = (c.unit or DEFAULT_UNITS.get(c.indicator_kind or "")) if c.kind.endswith("_value") else None
    new, old = _number(c.value), _number(c.previous_value)
    d["difference"] = new - old if new is not None and old is not None else None
    d["status_label"] = _status_label(c.status, lang) if c.kind in ("status", "note", "new_measure") else None
    # a change from no status at all is shown as coming from "not reported"
    d["previous_status_label"] = _status_label(c.previous_status, lang) if c.kind == "status" else None
    d["partial_label"] = partial_text(c.missing, lang) or None
    return d


def _coming_up(st: ProgrammeStatus, days: int, lang: str) -> dict[str, Any]:
    listed = []
    for m in coming_up(st.measures, st.as_of, days):
        value = m.status.value if m.status else None
        listed.append({"id": m.id, "title": m.title, "due": m.due, "status": value,
                       "status_label": _status_label(value, lang), "symbol": _shown(value).symbol,
                       "responsible": "; ".join(m.responsible) or None})
    return {"days": days, "until": st.as_of + dt.timedelta(days=days), "measures": listed,
            "undated": [m.id for m in st.measures if undated(m.has_schedule, m.due, m.status)]}


def programme_context(st: ProgrammeStatus, changes: list[Change] | None, lang: str,
                      changes_note: str | None = None, selected: bool = False,
                      horizon: int = HORIZON_DAYS, plans: list[Plan] | None = None) -> dict[str, Any]:
    """One programme's part of the context; `selected`: `st` is narrowed to a selection, and the
    themes and goals left without measures or indicators are left out (and the plan section, which
    is the whole organisation's); `plans`: the plans that name the programme."""
    p = st.programme
    by_measure = {m.id: m for m in st.measures}
    by_indicator = {i.id: i for i in st.indicators}
    derived_ids = {at.indicator.id for at in walk.indicators(p) if at.owner == "goal" and at.indicator.derived}
    # the indicators shown under a goal (its own and its measures') or a theme (its own measures'), by path
    shown_under: dict[tuple[Any, ...], list[Indicator]] = {}
    for at in walk.indicators(p):
        if at.theme is not None:
            shown_under.setdefault(at.path[:4] if at.goal else at.path[:2], []).append(at.indicator)

    def measures(items: list[Any]) -> list[dict[str, Any]]:
        out = []
        for m in items:
            if m.id not in by_measure:
                continue  # not selected
            note = next((h.note for h in reversed(m.history) if h.note and h.date <= st.as_of), None)
            out.append(_measure(by_measure[m.id], note, schedule_label(m.schedule, lang), m.objective, lang))
        return out

    def indicators(items: list[Any]) -> list[dict[str, Any]]:
        return [indicator_context(by_indicator[i.id], bool(i.derived) or i.id in derived_ids, lang) for i in items
                if i.id in by_indicator]

    def shown(part: dict[str, Any]) -> bool:
        return not selected or bool(part["measures"] or part["indicators"] or part.get("goals"))

    themes = []
    for ti, t in enumerate(p.themes):
        goals = [{"id": g.id, "title": g.title, "measures": measures(g.measures),
                  "indicators": indicators(shown_under.get(("themes", ti, "goals", gi), []))}
                 for gi, g in enumerate(t.goals)]
        theme = {"id": t.id, "name": t.name, "description": t.description, "measures": measures(t.measures),
                 "indicators": indicators(shown_under.get(("themes", ti), [])),
                 "goals": [g for g in goals if shown(g)]}
        if shown(theme):
            themes.append(theme)
    whole = {"id": "", "name": "Koko ohjelma" if lang == "fi" else "Whole programme",
             "description": None, "measures": [], "indicators": indicators(p.indicators), "goals": []}
    if p.indicators and shown(whole):
        themes.insert(0, whole)
    if selected and changes is not None:  # the changes of what is shown
        changes = [c for c in changes if c.id in by_measure or c.id in by_indicator]
    gaps = {
        "no_responsible": [{"id": m.id, "title": m.title} for m in st.measures if not m.responsible],
        "no_schedule": [{"id": m.id, "title": m.title} for m in st.measures if not m.has_schedule],
        "undefined": [{"id": i.id, "title": i.name} for i in st.indicators if i.on_track is OnTrack.UNDEFINED],
        "no_data": [{"id": i.id, "title": i.name} for i in st.indicators if i.without_values],
    }
    return {
        "id": p.id, "name": p.name, "organisation": p.organisation,
        "period_start": p.period.start if p.period else None, "period_end": p.period.end if p.period else None,
        "follow_up": p.follow_up, "stage": p.stage.text(lang) if p.stage else None,
        "summary": summary_figures(st.overall, lang), "decisions": _decisions(st, lang),
        "changes": None if changes is None else [_change(c, lang) for c in changes],
        "changes_note": changes_note, "coming_up": _coming_up(st, horizon, lang),
        "themes": themes, "gaps": gaps, "plan": None if selected else plan_section(plans or [], st.as_of, lang),
    }


def shared_indicators(rows: list[CatalogueRow], lang: str = "fi",
                      with_unreported: bool = False) -> list[dict[str, Any]]:
    """Catalogue indicators across the programmes of a combined report (calc/rollup.py); those no
    programme reports are left out unless `with_unreported` (the site lists every one)."""
    out = []
    for r in rows:
        if not r.latest and not with_unreported:
            continue
        last = r.last_period
        out.append({
            "id": r.entry.id, "name": r.entry.name, "unit": r.entry.unit or DEFAULT_UNITS.get(r.entry.kind),
            "summable": r.summable,
            "latest": [{"programme": pid, "period": period or None, "value": value,
                        "partial_label": partial_text(r.missing.get(pid, []), lang) or None}
                       for pid, (period, value) in r.latest.items()],
            "total": r.totals[last][0] if last else None, "total_period": last,
            "reporting": r.totals[last][1] if last else 0, "programmes": len(r.latest),
            "total_partial_label": message("partial_total", lang, programmes=", ".join(r.partial[last]))
            if last in r.partial else None,
            "targets": [t.value for t in r.entry.targets],
        })
    return out


def report_context(statuses: list[ProgrammeStatus], changes: list[list[Change] | None], as_of: dt.date,
                   since: str | None, lang: str, catalogue: Catalogue | None = None,
                   changes_notes: list[str | None] | None = None, selection: Selection | None = None,
                   horizon: int = HORIZON_DAYS, plans: list[list[Plan]] | None = None) -> dict[str, Any]:
    """The context of `statuses` (already narrowed to `selection`, if any: selection.narrow);
    `plans`: for each programme, the plans that name it."""
    notes = changes_notes or [None] * len(statuses)
    selected = bool(selection)
    named = plans or [[] for _ in statuses]
    programmes = [programme_context(st, ch, lang, note, selected, horizon, mine)
                  for st, ch, note, mine in zip(statuses, changes, notes, named, strict=True)]
    multi = len(programmes) > 1
    title = programmes[0]["name"] if not multi else ("Hankintaohjelmien tilanne" if lang == "fi"
                                                     else "Procurement programmes")
    rollup, shared = None, []
    if multi:
        rollup = [{"id": p["id"], "name": p["name"], **{k: v for k, v in p["summary"].items()
                                                       if not k.endswith("_bar")}} for p in programmes]
        shared = shared_indicators(roll_up([summarise(st) for st in statuses], catalogue), lang)
    chosen = {"theme": selection.theme, "responsible": selection.responsible,
              "dimension": selection.dimension.text(lang) if selection.dimension else None} if selection else None
    return {"lang": lang, "as_of": as_of, "title": title, "since": since, "multi": multi, "selection": chosen,
            "rollup": rollup,
            "shared": shared, "programmes": programmes, "finished_statuses": sorted(s.value for s in FINISHED),
            "plan_notes": []}
