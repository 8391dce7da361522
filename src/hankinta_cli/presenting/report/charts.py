"""Inline SVG charts, generated in Python so the HTML needs no scripts, fonts or files.

Every chart has a text alternative (`role="img"` with an `aria-label`) and is accompanied by
the same numbers as text in the report, so nothing is told by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape


def stacked_bar(parts: Sequence[tuple[str, str, int]], label: str, width: int = 480, height: int = 18) -> str:
    """A horizontal bar split by count: parts are (fill colour, shown label, count); the colours
    are the vocabulary's (vocab.py)."""
    total = sum(c for _, _, c in parts)
    out = [f'<svg class="bar" role="img" aria-label="{escape(label)}" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">']
    if total == 0:
        out.append(f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff" stroke="#8c8c8c"/>')
    x = 0.0
    for colour, shown, count in parts:
        if not count:
            continue
        w = width * count / total
        out.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{height}" fill="{colour}" '
                   f'stroke="#ffffff" stroke-width="1"><title>{escape(shown)}: {count}</title></rect>')
        x += w
    out.append("</svg>")
    return "".join(out)


def sparkline(points: Sequence[tuple[str, float]], target: float | None, label: str,
              width: int = 140, height: int = 36) -> str:
    """Values by period as a line with dots; the target as a dashed line."""
    if not points:
        return ""
    values = [v for _, v in points] + ([target] if target is not None else [])
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    pad = 4

    def x(i: int) -> float:
        return pad + (width - 2 * pad) * (i / max(len(points) - 1, 1))

    def y(v: float) -> float:
        return height - pad - (height - 2 * pad) * ((v - low) / span)

    out = [f'<svg class="spark" role="img" aria-label="{escape(label)}" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">']
    if target is not None:
        out.append(f'<line x1="{pad}" x2="{width - pad}" y1="{y(target):.1f}" y2="{y(target):.1f}" '
                   f'stroke="#1a7f37" stroke-width="1" stroke-dasharray="3 2"/>')
    if len(points) > 1:
        path = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, (_, v) in enumerate(points))
        out.append(f'<polyline points="{path}" fill="none" stroke="#1f1f1f" stroke-width="1.5"/>')
    for i, (_, v) in enumerate(points):
        out.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="2" fill="#1f1f1f"/>')
    out.append("</svg>")
    return "".join(out)
