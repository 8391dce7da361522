"""Writers for `hankinta indicators`: a table for people, JSON and CSV for programs.

The JSON shape is versioned (`"version": 1`); see the README. The CSV's `indicator`, `period`
and `value` columns are the latest value, so the file imports back unchanged with
`hankinta import`; the other columns are read and ignored there.
"""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from ...computing.metrics import ProgrammeStatus
from ...computing.ontrack import IndicatorStatus
from ...escape import for_terminal, spreadsheet_cell
from ...i18n import day, number, partial_text, value_text
from ...vocab import Freshness, OnTrack

JSON_VERSION = 1
CSV_COLUMNS = ["programme", "indicator", "name", "kind", "unit", "period", "value", "previous", "change",
               "change_pct", "baseline", "target", "deadline", "attainment", "expected", "on_track", "stale"]

def _csv_value(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(round(v, 6))
    if isinstance(v, int):
        return str(v)
    return spreadsheet_cell(str(v))  # names, units, qualitative values: never a live formula


def indicator_entry(status: ProgrammeStatus, i: IndicatorStatus) -> dict[str, Any]:
    """One indicator as `indicators --format json` lists it."""
    return i.to_dict() | {"owner": list(status.owner.get(i.id, (None, None)))}


def to_json(status: ProgrammeStatus) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "programme": status.programme.id,
        "as_of": status.as_of.isoformat(),
        "indicators": [indicator_entry(status, i) for i in status.indicators],
        "measures": [m.to_dict() for m in status.measures],
        "metrics": {
            "overall": status.overall.to_dict(),
            "by_theme": {k: v.to_dict() for k, v in status.by_theme.items()},
            "by_goal": {k: v.to_dict() for k, v in status.by_goal.items()},
        },
    }


def write_json(statuses: list[ProgrammeStatus], out: TextIO) -> None:
    data: Any = to_json(statuses[0]) if len(statuses) == 1 else {
        "version": JSON_VERSION, "programmes": [to_json(s) for s in statuses]}
    json.dump(data, out, ensure_ascii=False, indent=2,
              allow_nan=False)  # strict JSON: the calculations never produce inf or nan
    out.write("\n")


def programme_json(status: ProgrammeStatus) -> str:
    """A programme's data download (the site): the data `indicators PROGRAMME --format json` writes,
    without its indentation (a download is read by programs; the C encoder writes it at once)."""
    return json.dumps(to_json(status), ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"


SERIES_COLUMNS = ["programme", "indicator", "name", "kind", "unit", "period", "value"]


def values_csv(status: ProgrammeStatus) -> str:
    """Every value of a programme's indicators, a row per indicator and period (the site's download):
    the columns of `indicators --format csv` up to `value`, so the file imports back unchanged with
    `hankinta import`."""
    import io

    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(SERIES_COLUMNS)
    for i in status.indicators:
        for period, value in i.series:
            w.writerow([_csv_value(x) for x in (status.programme.id, i.id, i.name, i.kind, i.unit, period, value)])
    return out.getvalue()


def write_csv(statuses: list[ProgrammeStatus], indicators: list[list[IndicatorStatus]], out: TextIO) -> None:
    w = csv.writer(out)
    w.writerow(CSV_COLUMNS)
    for st, inds in zip(statuses, indicators, strict=True):
        for i in inds:
            w.writerow([_csv_value(x) for x in (
                st.programme.id, i.id, i.name, i.kind, i.unit, i.latest_period, i.latest, i.previous, i.change,
                i.change_pct, i.baseline, i.target, i.target_deadline.isoformat() if i.target_deadline else None,
                i.attainment, i.expected, i.on_track.value, "" if i.stale is None else i.stale)])


def on_track_text(i: IndicatorStatus, lang: str) -> str:
    text = i.on_track.text(lang)
    if i.on_track is OnTrack.NO_DATA and i.reason is not None:
        text += f" ({i.reason.text(lang)})"
    return text


def write_table(st: ProgrammeStatus, inds: list[IndicatorStatus], lang: str, out: TextIO) -> None:
    from .table import add_row, new_table, print_tables

    fi = lang != "en"
    head = (("Tunniste", "Id"), ("Mittari", "Indicator"), ("Viimeisin", "Latest"), ("Muutos", "Change"),
            ("Tavoite", "Target"), ("Toteuma", "Attainment"), ("Tila", "Status"))
    table = new_table(f"{st.programme.name} – {day(st.as_of, lang)}", [h[0] if fi else h[1] for h in head],
                      one_line=(0,))
    for i in inds:
        latest = value_text(i.latest, lang, i.unit)
        if i.latest_period:
            latest += f" ({i.latest_period}; {partial_text(i.latest_missing, lang)})" if i.latest_missing \
                else f" ({i.latest_period})"
        change = "–" if i.change is None else (("+" if i.change > 0 else "") + number(i.change, lang))
        target = value_text(i.target, lang, i.unit)
        if i.target_deadline:
            target += f" ({day(i.target_deadline, lang)})"
        attainment = "–" if i.attainment is None else number(i.attainment, lang, 0) + "\u00a0%"
        state = on_track_text(i, lang)
        if i.stale:
            state += " · " + Freshness.STALE.text(lang)
        add_row(table, i.id, i.name, latest, change, target, attainment, state)
    print_tables(out, table)


def write_indicators(statuses: list[ProgrammeStatus], theme: str | None, wanted: OnTrack | None, fmt: str,
                     lang: str, out: TextIO) -> None:
    """`hankinta indicators`: JSON (every indicator), or CSV or a table per programme of the
    indicators of `theme` in the state `wanted` (each filter when given)."""
    if fmt == "json":
        write_json(statuses, out)
        return
    chosen = [[i for i in st.indicators if (theme is None or st.owner.get(i.id, ("",))[0] == theme)
               and (wanted is None or i.on_track is wanted)] for st in statuses]
    if fmt == "csv":
        write_csv(statuses, chosen, for_terminal(out))
        return
    for st, inds in zip(statuses, chosen, strict=True):
        write_table(st, inds, lang, out)
