"""Markdown → HTML for record bodies, with raw HTML turned off.

Record text may come from scrapers, so an HTML tag written in it is shown as
text rather than passed through to the page.
"""

from __future__ import annotations

import threading

import markdown
from markupsafe import Markup

_local = threading.local()


def _converter() -> markdown.Markdown:
    md = getattr(_local, "md", None)
    if md is None:
        md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
        # Dropping these two makes Markdown escape <tags> instead of copying them.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        _local.md = md
    return md


def render_markdown(text: str) -> Markup:
    """HTML for a Markdown fragment, marked safe for autoescaping templates."""
    if not text:
        return Markup("")
    md = _converter()
    try:
        return Markup(md.convert(text))
    finally:
        md.reset()
