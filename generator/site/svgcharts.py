"""Bar charts drawn as inline SVG at build time: no script, no third-party library.

Each chart carries a <title> and a data table twin in the template, so screen
readers and printouts get the numbers too.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

_BAR_H = 26
_GAP = 10
_LABEL_W = 190
_VALUE_W = 110
_WIDTH = 720


def bar_chart(chart_id: str, title: str, items: list[tuple[str, float, str]]) -> dict:
    """A horizontal bar chart; items are (label, value, value as printed)."""
    height = max(1, len(items)) * (_BAR_H + _GAP) + _GAP
    top = max((v for _, v, _ in items), default=0) or 1
    bar_space = _WIDTH - _LABEL_W - _VALUE_W
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-t" class="chart" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
    ]
    for i, (label, value, printed) in enumerate(items):
        y = _GAP + i * (_BAR_H + _GAP)
        w = max(2, round(bar_space * value / top))
        parts.append(
            f'<text x="{_LABEL_W - 8}" y="{y + _BAR_H * 0.7:.0f}" text-anchor="end" class="chart-label">{escape(label)}</text>'
            f'<rect x="{_LABEL_W}" y="{y}" width="{w}" height="{_BAR_H}" class="chart-bar"/>'
            f'<text x="{_LABEL_W + w + 6}" y="{y + _BAR_H * 0.7:.0f}" class="chart-value">{escape(printed)}</text>'
        )
    parts.append("</svg>")
    return {"id": chart_id, "title": title, "svg": Markup("".join(parts)),
            "rows": [{"label": label, "value": printed} for label, _, printed in items]}
