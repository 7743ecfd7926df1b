"""Bar charts drawn as inline SVG at build time: no script, no third-party library.

Each chart carries a <title> and a data table twin in the template, so screen
readers and printouts get the numbers too.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

# Each item is a label line with its bar and value below it: no column of labels to cut off,
# and a narrow drawing, so that at 375 px the text is still drawn at about 13 px.
_LINE = 20     # the label's line
_BAR_H = 18
_GAP = 12
_VALUE_W = 96
_WIDTH = 360


def bar_chart(chart_id: str, title: str, items: list[tuple[str, float, str]]) -> dict:
    """A horizontal bar chart; items are (label, value, value as printed)."""
    step = _LINE + _BAR_H + _GAP
    height = max(1, len(items)) * step + _GAP
    top = max((v for _, v, _ in items), default=0) or 1
    bar_space = _WIDTH - _VALUE_W
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-t" class="chart" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
    ]
    for i, (label, value, printed) in enumerate(items):
        y = _GAP + i * step
        w = max(2, round(bar_space * value / top))
        parts.append(
            f'<text x="0" y="{y + 15}" class="chart-label">{escape(label)}</text>'
            f'<rect x="0" y="{y + _LINE}" width="{w}" height="{_BAR_H}" class="chart-bar"/>'
            f'<text x="{w + 6}" y="{y + _LINE + 14}" class="chart-value">{escape(printed)}</text>'
        )
    parts.append("</svg>")
    return {"id": chart_id, "title": title, "svg": Markup("".join(parts)),
            "rows": [{"label": label, "value": printed} for label, _, printed in items]}
