"""Inline SVG charts, generated in Python so the HTML needs no scripts, fonts or files.

Every chart is `role="img"` with a `<title>` and a `<desc>` that says its data in words, and the
same numbers stay in the report's tables, so nothing is told by a picture or a colour alone. An
indicator's chart reads without the table too: periods on the x axis, a value axis with a few
ticks, each value on its point, the target as a dashed line named in a legend, printable in black
and white (the target differs by its dash pattern and its label, and every colour has at least 3:1
contrast on white). Numbers go through the report's one formatter (i18n.value_text, Babel) and
every text through escape.xml_text: names and units come from programme files.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Sequence

from ...escape import xml_text
from ...i18n import day, value_text

INK = "#1f1f1f"  # values: line, points, labels (16:1 on white)
AXIS = "#444444"  # tick labels (9.7:1)
GRID = "#d4d4d4"  # decoration only: the tick labels carry the numbers
TARGET = "#1a7f37"  # the vocabulary's "achieved" green (5.1:1); dashed, so it is the target in grey too
BAR = "#c5d5ec"  # a light fill (3.4:1 against the target line drawn over it), outlined in INK
TARGET_DASH = "7 4"
WIDTH = 400  # user units; the page scales the chart (templates/report.css: svg.chart)
FONT = 13
CHAR = 7.6  # the rough width of a character at FONT px in the report's sans-serif, for layout
#: Values beyond ± this are not charted (the table still shows them): their axis labels would not
#: fit, and far beyond it the scale itself overflows. Ticks are never closer than MIN_STEP.
MAX_CHARTED = 1e15
MIN_STEP = 1e-6
DIGITS = 6  # decimals at most, on the value axis and on the points
SVG_FONT = 'font-family="DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif"'

_WORDS = {
    "target": ("Tavoite", "Target"),
    "values": ("Arvot kausittain", "Values by period"),
    "value": ("arvo", "value"),
}


def _word(key: str, lang: str) -> str:
    fi, en = _WORDS[key]
    return en if lang == "en" else fi


def stacked_bar(parts: Sequence[tuple[str, str, int]], label: str, width: int = 480, height: int = 18) -> str:
    """A horizontal bar split by count: parts are (fill colour, shown label, count); the colours
    are the vocabulary's (vocab.py)."""
    total = sum(c for _, _, c in parts)
    out = [f'<svg class="bar" role="img" aria-label="{xml_text(label)}" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">']
    if total == 0:
        out.append(f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff" stroke="#8c8c8c"/>')
    x = 0.0
    for colour, shown, count in parts:
        if not count:
            continue
        w = width * count / total
        out.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{height}" fill="{colour}" '
                   f'stroke="#ffffff" stroke-width="1"><title>{xml_text(shown)}: {count}</title></rect>')
        x += w
    out.append("</svg>")
    return "".join(out)


def target_label(target: float, deadline: dt.date | None, unit: str | None, lang: str, digits: int = 1) -> str:
    """"Tavoite 2025: 80 %" (a deadline at the end of a year is the year), "Target 30 Jun 2025: 16"."""
    when = ""
    if deadline is not None:
        when = " " + (str(deadline.year) if (deadline.month, deadline.day) == (12, 31) else day(deadline, lang))
    return f"{_word('target', lang)}{when}: {value_text(target, lang, unit, digits)}"


def indicator_chart(points: Sequence[tuple[str, float]], *, unit: str | None, target: float | None,
                    deadline: dt.date | None, name: str, lang: str) -> str:
    """An indicator's values by period: a line with labelled points over a value axis, or a bar when
    there is one value; the target dashed and named. "" when there is nothing to draw."""
    return _chart(tuple(points), unit, target, deadline, name, lang)


@functools.lru_cache(maxsize=1024)
def _chart(points_in: tuple[tuple[str, float], ...], unit: str | None, target: float | None,
           deadline: dt.date | None, name: str, lang: str) -> str:
    # a pure function of its arguments, remembered: the site draws each indicator's chart on the
    # programme's page and again on the indicator's own (the same periods when it has few)
    points = [(p, v) for p, v in points_in if math.isfinite(v)]
    if target is not None and not math.isfinite(target):
        target = None
    largest = max((abs(v) for v in [*(v for _, v in points), target or 0.0]), default=0.0)
    if not points or largest > MAX_CHARTED:
        return ""
    # one decimal, as everywhere in the report, unless the values are all below 1 (0,012, 0,0023)
    digits = 1 if largest >= 1 or largest == 0 else min(1 - math.floor(math.log10(largest)), DIGITS)
    named = target_label(target, deadline, unit, lang, digits) if target is not None else None
    words = "; ".join(f"{p}: {value_text(v, lang, unit, digits)}" for p, v in points) + "."
    if named:
        words += f" {named}."
    if len(points) == 1:
        title = f"{name}: {_word('value', lang)} {points[0][0]}"
        body, height = _bar(points[0], unit, target, named, lang, digits)
    else:
        title = f"{name}: {_word('values', lang).lower()}"
        body, height = _line(points, unit, target, named, lang, digits)
    return (f'<svg class="chart" role="img" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
            f'xmlns="http://www.w3.org/2000/svg" {SVG_FONT} font-size="{FONT}">'
            f"<title>{xml_text(title)}</title><desc>{xml_text(words)}</desc>{body}</svg>")


def _ticks(low: float, high: float, intervals: int) -> tuple[list[float], int]:
    """Round tick values covering low…high in about `intervals` steps of 1, 2 or 5 × 10ⁿ, and the
    decimals their labels need."""
    if high <= low:
        pad = abs(high) * 0.1 or 1.0
        low, high = low - pad, high + pad
    raw = max((high - low) / intervals, MIN_STEP)
    magnitude = 10.0 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw * (1 - 1e-9))
    first = math.floor(low / step + 1e-9)
    last = max(math.ceil(high / step - 1e-9), first + 1)  # an axis of at least two ticks
    decimals = max(0, -math.floor(math.log10(step) + 1e-9))
    return [round(k * step, decimals + 2) for k in range(first, last + 1)], decimals


def _text(x: float, y: float, text: str, anchor: str = "middle", fill: str = INK, size: int = FONT,
          css: str = "") -> str:
    shown = f' class="{css}"' if css else ""
    return (f'<text{shown} x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}" font-size="{size}">'
            f"{xml_text(text)}</text>")


def _legend(entries: list[tuple[str, str]], left: float, y: float) -> tuple[list[str], float]:
    """Legend entries (sample, label) in a row, or one per row when the row would not fit; the
    samples are drawn at (0, 0) and moved in place. Returns the markup and the y below it."""
    widths = [30 + len(label) * CHAR for _, label in entries]
    one_row = left + sum(widths) + 16 * (len(widths) - 1) <= WIDTH - 4
    out, x = [], left
    for (sample, label), w in zip(entries, widths, strict=True):
        out.append(f'<g transform="translate({x:.1f} {y - 4:.1f})">{sample}</g>')
        out.append(_text(x + 30, y, label, anchor="start"))
        if one_row:
            x += w + 16
        else:
            y += FONT + 6
    return out, y + (FONT + 6 if one_row else 0)


def _target_sample() -> str:
    return (f'<line class="target" x1="0" x2="24" y1="0" y2="0" stroke="{TARGET}" stroke-width="2" '
            f'stroke-dasharray="{TARGET_DASH}"/>')


def _line(points: Sequence[tuple[str, float]], unit: str | None, target: float | None, named: str | None,
          lang: str, digits: int) -> tuple[str, int]:
    values = [v for _, v in points] + ([target] if target is not None else [])
    low, high = min(values), max(values)
    if 0 <= low <= high - low:
        low = 0.0  # an axis from zero, unless that would flatten the line
    ticks, decimals = _ticks(low, high, 4)
    labels = [value_text(t, lang, unit, decimals) for t in ticks]
    left = min(max(len(s) for s in labels) * CHAR + 12, 140)
    right, top, plot_h = 20.0, 22.0, 140.0
    bottom = top + plot_h
    lo, hi = ticks[0], ticks[-1]

    def y(v: float) -> float:
        return bottom - plot_h * (v - lo) / (hi - lo)

    inner = WIDTH - left - right - 32

    def x(i: int) -> float:
        return left + 16 + inner * i / (len(points) - 1)

    out = []
    for t, label in zip(ticks, labels, strict=True):
        out.append(f'<line x1="{left:.1f}" x2="{WIDTH - right:.1f}" y1="{y(t):.1f}" y2="{y(t):.1f}" '
                   f'stroke="{GRID}" stroke-width="1"/>')
        out.append(_text(left - 6, y(t) + 4, label, anchor="end", fill=AXIS, css="tick"))
    out.append(f'<path d="M{left:.1f} {top - 6:.1f}V{bottom:.1f}H{WIDTH - right:.1f}" fill="none" '
               f'stroke="{AXIS}" stroke-width="1"/>')
    for i, (period, _) in enumerate(points):
        out.append(_text(x(i), bottom + 16, period, fill=AXIS, css="period"))
    target_y = y(target) if target is not None else None
    if target_y is not None:
        out.append(f'<line class="target" x1="{left:.1f}" x2="{WIDTH - right:.1f}" y1="{target_y:.1f}" '
                   f'y2="{target_y:.1f}" stroke="{TARGET}" stroke-width="2" stroke-dasharray="{TARGET_DASH}"/>')
    path = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, (_, v) in enumerate(points))
    out.append(f'<polyline points="{path}" fill="none" stroke="{INK}" stroke-width="2"/>')
    for i, (_, v) in enumerate(points):
        out.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3.5" fill="{INK}" stroke="#ffffff"/>')
        above = y(v) - 8
        # a value label is never written over the target line: below the point instead
        if target_y is not None and abs(above - 4 - target_y) < 9 and y(v) + 18 < bottom:
            above = y(v) + 17
        out.append(_text(x(i), above, value_text(v, lang, None, digits), size=FONT - 1, css="value"))
    line_sample = (f'<line x1="0" x2="24" y1="0" y2="0" stroke="{INK}" stroke-width="2"/>'
                   f'<circle cx="12" cy="0" r="3.5" fill="{INK}"/>')
    entries = [(line_sample, _word("values", lang))] + ([(_target_sample(), named)] if named else [])
    legend, end = _legend(entries, left, bottom + 38)
    return "".join(out + legend), math.ceil(end - 4)


def _bar(point: tuple[str, float], unit: str | None, target: float | None, named: str | None,
         lang: str, digits: int) -> tuple[str, int]:
    period, value = point
    shown = value_text(value, lang, unit, digits)
    ends = [0.0, value] + ([target] if target is not None else [])
    left = min(len(period) * CHAR + 14, 100)
    right = min(16 + len(shown) * CHAR, 160)  # room for the value written after the bar
    top, bar_h = 12.0, 24.0
    plot_w = WIDTH - left - right
    for intervals in (4, 2, 1):
        ticks, decimals = _ticks(min(ends), max(ends), intervals)
        labels = [value_text(t, lang, unit, decimals) for t in ticks]
        if max(len(s) for s in labels) * CHAR + 10 <= plot_w / max(len(ticks) - 1, 1):
            break
    lo, hi = ticks[0], ticks[-1]

    def x(v: float) -> float:
        return left + plot_w * (v - lo) / (hi - lo)

    axis = top + bar_h + 10
    out = [f'<line x1="{x(t):.1f}" x2="{x(t):.1f}" y1="{top - 4:.1f}" y2="{axis:.1f}" stroke="{GRID}"/>'
           for t in ticks]
    start, end = sorted((x(0.0), x(value)))
    out.append(f'<rect class="value" x="{start:.1f}" y="{top:.1f}" width="{max(end - start, 1.0):.1f}" '
               f'height="{bar_h:.1f}" fill="{BAR}" stroke="{INK}" stroke-width="1"/>')
    out.append(_text(left - 6, top + bar_h / 2 + 4, period, anchor="end", fill=AXIS, css="period"))
    out.append(_text(max(end, x(0.0)) + 6, top + bar_h / 2 + 4, shown, anchor="start", css="value"))
    out.append(f'<path d="M{left:.1f} {axis:.1f}H{left + plot_w:.1f}" stroke="{AXIS}" stroke-width="1"/>')
    for t, label in zip(ticks, labels, strict=True):
        out.append(_text(x(t), axis + 16, label, fill=AXIS, css="tick"))
    bottom = axis + 22
    if target is not None and named is not None:
        out.append(f'<line class="target" x1="{x(target):.1f}" x2="{x(target):.1f}" y1="{top - 8:.1f}" '
                   f'y2="{top + bar_h + 8:.1f}" stroke="{TARGET}" stroke-width="2" '
                   f'stroke-dasharray="{TARGET_DASH}"/>')
        legend, bottom = _legend([(_target_sample(), named)], left, axis + 40)
        out += legend
    return "".join(out), math.ceil(bottom - 4)
