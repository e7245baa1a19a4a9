"""Bar charts as inline SVG strings for the HTML report: no script, no library, no network.

Owns drawing only: labels and values in, an <svg> element out, every value
it interpolates escaped here (labels can come from the sources), which is
why what it returns is `Markup` that the template inserts as it is. Each
bar carries a <title> (the browser's own tooltip) and a `data-value`, so
the report needs no script to be read and tests can find what was drawn.

Must not: read the warehouse or decide what is shown (report/render.py).
Proof: tests/test_report.py (test_the_report_shows_the_charts_rates_and_evidence),
tests/test_report_browser.py (rendered in Chromium).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from html import escape
from typing import Callable, Sequence

from markupsafe import Markup

WIDTH, HEIGHT = 960, 300
LEFT, RIGHT, TOP, BOTTOM = 72, 16, 16, 48


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | int | None]
    css: str  # a class of the report's stylesheet: the bar's colour
    hatched: frozenset[int] = field(default_factory=frozenset)  # indexes drawn hatched (a different definition)


def count(value: float) -> str:
    return f"{value:,.0f}"


def percent(decimals: int) -> Callable[[float], str]:
    return lambda value: f"{value * 100:.{decimals}f}%"


def bar_chart(
    chart_id: str,
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    fmt: Callable[[float], str] = count,
    label_every: int = 1,
) -> Markup:
    """An SVG bar chart, the series stacked; a None value draws nothing and says 'not published'."""
    totals = [sum(s.values[i] or 0 for s in series) for i in range(len(labels))]
    top, steps = _scale(max(totals, default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(labels), 1)
    bar_w = max(step * 0.72, 1.0)
    out = [
        f'<svg class="chart" id="{escape(chart_id)}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{escape(chart_id)}-title" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        '<defs><pattern id="hatch-' + escape(chart_id) + '" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" class="hatch-bg"/>'
        '<line x1="0" y1="0" x2="0" y2="6" class="hatch-line"/></pattern></defs>',
    ]
    for tick in range(steps + 1):
        value = top * tick / steps
        y = TOP + plot_h - plot_h * tick / steps
        out.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>')
        out.append(f'<text class="tick" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{escape(fmt(value))}</text>')
    for i, label in enumerate(labels):
        x = LEFT + step * i + (step - bar_w) / 2
        base = TOP + plot_h
        for s in series:
            value = s.values[i]
            tip = f"{label} · {s.name}: " + ("not published" if value is None else fmt(value))
            if not value:
                out.append(f'<rect class="bar empty" x="{x:.1f}" y="{base:.1f}" width="{bar_w:.1f}" height="0" '
                           f'data-value="{"" if value is None else 0}"><title>{escape(tip)}</title></rect>')
                continue
            h = plot_h * value / top if top else 0
            base -= h
            fill = f' fill="url(#hatch-{escape(chart_id)})"' if i in s.hatched else ""
            out.append(f'<rect class="bar {escape(s.css)}"{fill} x="{x:.1f}" y="{base:.1f}" width="{bar_w:.1f}" '
                       f'height="{h:.1f}" data-value="{escape(str(value))}"><title>{escape(tip)}</title></rect>')
        if i % label_every == 0:
            out.append(f'<text class="label" x="{x + bar_w / 2:.1f}" y="{HEIGHT - BOTTOM + 16}" '
                       f'text-anchor="middle">{escape(label)}</text>')
    out.append(f'<line class="axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}"/>')
    out.append("</svg>")
    return Markup("".join(out))  # every value above went through escape()


def legend(series: Sequence[Series], hatched_note: str | None = None) -> Markup:
    """The key under a chart: one swatch per series, and the hatching's meaning when any bar is hatched."""
    items = [f'<li><span class="swatch {escape(s.css)}"></span>{escape(s.name)}</li>' for s in series]
    if hatched_note:
        items.append(f'<li><span class="swatch hatched"></span>{escape(hatched_note)}</li>')
    return Markup('<ul class="legend">' + "".join(items) + "</ul>")  # every value above went through escape()


def _scale(value: float) -> tuple[float, int]:
    """(top of the axis, number of grid steps): steps of 1, 2, 2.5 or 5 × 10^k, at most four of them."""
    if value <= 0:
        return 1, 4
    raw = value / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(f * power for f in (1, 2, 2.5, 5, 10) if f * power >= raw)
    steps = max(1, math.ceil(value / step - 1e-9))
    return step * steps, steps
