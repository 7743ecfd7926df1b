"""Bytes → text for pages in any encoding: BOM, HTTP charset, <meta>, then detection."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# GB2312 and GBK are subsets of GB18030; portals that declare them often send
# characters only GB18030 has, so decoding with the superset loses nothing.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
              "ascii": "utf-8", "us-ascii": "utf-8", "iso-8859-1": "cp1252", "latin-1": "cp1252"}

_BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]

# <meta charset>, http-equiv content="…; charset=…", an XML declaration, or the
# CleanEval header line some archived pages start with.
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)


@dataclass(frozen=True)
class Decoded:
    """Text of a page and how its encoding was chosen."""

    text: str
    encoding: str
    how: str  # bom | http | meta | utf-8 | detected | fallback


def normalize_encoding(name: str | None) -> str | None:
    """A codec name Python knows, widened to its superset (gbk → gb18030); None if unknown."""
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    name = _SUPERSETS.get(name, name)
    try:
        return _SUPERSETS.get(codecs.lookup(name).name, codecs.lookup(name).name)
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB, normalised, or None."""
    m = _DECLARED.search(data[:4096])
    return normalize_encoding(m.group(1).decode("ascii", "ignore")) if m else None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _is_utf8_text(data: bytes) -> bool:
    # Valid UTF-8 with multibyte sequences is almost never an accident, so it
    # beats a declaration that says otherwise (a wrong <meta> is common).
    return not data.isascii() and _strict(data, "utf-8") is not None


def decode_html(data: bytes, http_charset: str | None = None) -> Decoded:
    """Decode page bytes: BOM, then the HTTP charset, then the page's own declaration, then detection."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            # these codecs consume the BOM themselves
            return Decoded(data.decode(enc, errors="replace").lstrip("\ufeff"), enc, "bom")
    for how, enc in (("http", normalize_encoding(http_charset)), ("meta", declared_charset(data))):
        if not enc:
            continue
        if enc != "utf-8" and _is_utf8_text(data):
            return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
        text = _strict(data, enc)
        if text is not None:
            return Decoded(text, enc, how)
    if _is_utf8_text(data) or data.isascii():
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None:
        enc = normalize_encoding(best.encoding) or "utf-8"
        text = _strict(data, enc)
        if text is not None:
            return Decoded(text, enc, "detected")
    # Mostly-Chinese bytes that are not clean in any codec: GB18030 with
    # replacement keeps the most characters readable.
    return Decoded(data.decode("gb18030", errors="replace"), "gb18030", "fallback")
