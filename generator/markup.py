"""Markdown → HTML for record bodies, with raw HTML turned off.

Record text may come from scrapers, so an HTML tag written in it is shown as
text rather than passed through to the page.
"""

from __future__ import annotations

import re
import threading

import markdown
from markupsafe import Markup

_local = threading.local()

_CJK = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\u201c\u201d"
# A line break inside a Chinese paragraph is a soft wrap in the source; Markdown
# would turn it into a space between two characters, which Chinese text never has.
_SOFT_WRAP = re.compile(rf"(?<=[{_CJK}])\n[ \t]*(?=[{_CJK}])")


def join_cjk_lines(text: str) -> str:
    """Remove soft line breaks between Chinese characters."""
    return _SOFT_WRAP.sub("", text)


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
        return Markup(md.convert(join_cjk_lines(text)))
    finally:
        md.reset()
