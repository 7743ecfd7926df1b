"""Markdown → HTML for record bodies, with raw HTML shown as text.

cmark-gfm (through cmarkgfm) does the conversion: it is C, about twenty times faster
than Python-Markdown on our bodies, which matters at tens of thousands of records.
Record text may come from scrapers, so an HTML tag written in it is shown as text
rather than passed through to the page.
"""

from __future__ import annotations

import html as html_lib
import re

import cmarkgfm
from lxml import html as lxml_html
from markupsafe import Markup

_CJK = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\u201c\u201d"
# A line break inside a Chinese paragraph is a soft wrap in the source; Markdown
# would turn it into a space between two characters, which Chinese text never has.
# The pattern starts at the line break and the character before it is checked apart:
# with a look-behind first, the engine tried every position of the body (17 µs a body
# against 6).
_BREAK_BEFORE_CJK = re.compile(rf"\n[ \t]*(?=[{_CJK}])")
_CJK_CHAR = re.compile(rf"[{_CJK}]")


def join_cjk_lines(text: str) -> str:
    """Remove soft line breaks between Chinese characters."""
    if "\n" not in text:
        return text

    def join(m: re.Match) -> str:
        start = m.start()
        return "" if start and _CJK_CHAR.match(text, start - 1) else m.group()

    return _BREAK_BEFORE_CJK.sub(join, text)


def render_markdown(text: str) -> Markup:
    """HTML for a Markdown fragment, marked safe for autoescaping templates."""
    if not text:
        return Markup("")
    # cmark's safe mode drops raw HTML silently; writing "<" as an entity shows it as typed.
    source = join_cjk_lines(text).replace("<", "&lt;")
    return Markup(cmarkgfm.markdown_to_html(source, cmarkgfm.Options.CMARK_OPT_DEFAULT))


def html_to_text(html: str) -> str:
    """The text of an HTML fragment, tags removed and entities decoded."""
    if not html or not html.strip():
        return ""
    return lxml_html.fragment_fromstring(html, create_parent="div").text_content().strip()


_TAG = re.compile(r"<[^>]*>")


def markdown_text(html: str) -> str:
    """The text of HTML that ``render_markdown`` made: what ``html_to_text`` gives, without a parser.

    cmark writes every ``<`` and ``>`` outside a tag as an entity (raw HTML is escaped before
    it), so removing the tags and decoding the entities is exact. Parsing each body with lxml
    only for its 120-character description was a quarter of an honoree page's data.
    """
    return html_lib.unescape(_TAG.sub("", html)).strip()
