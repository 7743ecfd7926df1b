"""extract_article: page bytes (HTML or saved text, any encoding) → Article."""
from __future__ import annotations

import html.entities
import re

from generator.domain.model import UNPRINTABLE

from .article import Article
from .attachments import AttachmentError, read as read_attachment
from .decode import decode_html
from .html_extract import extract_html
from .lists import find_lists
from .profiles import profile_for
from .text_extract import extract_text

MAX_INPUT_BYTES = 8 * 1024 * 1024
_HTML_SIGN = re.compile(r"<(?:!doctype|html|head|body|div|p|table|meta|title|article|text)\b", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\ufffd]")


# “&#8203;”, “&shy;”: such a character written as a reference, which parsing would bring back.
_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,6})|(\d{1,7}));?|&([A-Za-z][A-Za-z0-9]{1,31};)")


def _printable_reference(m: re.Match) -> str:
    if m.group(3):
        char = html.entities.html5.get(m.group(3), "")
        return "" if len(char) == 1 and UNPRINTABLE.match(char) else m.group()
    code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
    return "" if code < 0x110000 and UNPRINTABLE.match(chr(code)) else m.group()


def looks_like_html(text: str) -> bool:
    """True if the text is markup rather than a saved plain-text page."""
    return bool(_HTML_SIGN.search(text[:5000]))


def extract_article(data: bytes, url: str | None = None, http_charset: str | None = None) -> Article:
    """Extract title, time, 来源, author, editor, body, images and honour lists from a page.

    Never raises on bad input: an empty or unusable page gives an empty Article
    whose ``reason`` says why.
    """
    if not data or not data.strip():
        return Article(url=url, reason="内容为空")
    truncated = len(data) > MAX_INPUT_BYTES
    decoded = decode_html(data[:MAX_INPUT_BYTES], http_charset)
    text = decoded.text
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > len(sample) * 0.05:
        return Article(url=url, encoding=decoded.encoding, reason="不是文本 (像是二进制文件)")
    # Bidi overrides and stray control characters hide or reverse text; a name read with one
    # inside would neither match its record nor pass check.
    text = UNPRINTABLE.sub("", text)
    if looks_like_html(text):
        article = extract_html(_CHARACTER_REFERENCE.sub(_printable_reference, text), url, profile_for(url))
    else:
        article = extract_text(text, url)
    article.encoding = decoded.encoding
    article.list_entries = find_lists(article.paragraphs, article.tables)
    if truncated and not article.reason:
        article.reason = f"页面超过 {MAX_INPUT_BYTES // 1024 // 1024} MB, 只读了前面部分"
    return article


def extract_attachment(data: bytes, name: str, url: str | None = None) -> Article:
    """An attached document (.docx, .xlsx, .xls, .ods, .pdf, .doc, .wps, .et) as an Article:
    its title, its lines as the body, its tables, and the honour lists in them. A file that
    cannot be read gives an empty Article whose ``reason`` says why."""
    try:
        doc = read_attachment(data, name)
    except AttachmentError as exc:
        return Article(url=url, attachment=name, reason=str(exc))
    lines = [UNPRINTABLE.sub("", line) for line in doc.lines]  # as in a page: a name reads whole
    tables = [[[UNPRINTABLE.sub("", cell) for cell in row] for row in table] for table in doc.tables]
    article = Article(title=UNPRINTABLE.sub("", doc.title), body="\n".join(lines), tables=tables, url=url, attachment=name)
    article.list_entries = find_lists(lines, tables)
    if not article.body and tables:
        article.body = "\n".join(" ".join(c for c in row if c) for t in tables for row in t)
    return article
