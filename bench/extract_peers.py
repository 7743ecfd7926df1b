"""Adapters that let eval_extract.py score the peer extractors, trafilatura and GNE.

Both get the page decoded by our own decoder first, as the issue's figures did
(“after decoding”): trafilatura's own guess garbles the GB18030-only pages.
"""
from __future__ import annotations

from scrapers.decode import decode_html


def trafilatura_extract(data: bytes, url: str | None = None) -> dict:
    """Score trafilatura 2.x with its metadata on."""
    import trafilatura

    text = decode_html(data).text
    doc = trafilatura.bare_extraction(text, url=url, with_metadata=True, favor_precision=False)
    if doc is None:
        return {}
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return {"title": d.get("title"), "publish_time": d.get("date"), "author": d.get("author"),
            "body": d.get("text") or ""}


def gne_extract(data: bytes, url: str | None = None) -> dict:
    """Score GNE's GeneralNewsExtractor."""
    from gne import GeneralNewsExtractor

    text = decode_html(data).text
    d = GeneralNewsExtractor().extract(text)
    return {"title": d.get("title"), "publish_time": d.get("publish_time"), "author": d.get("author"),
            "body": d.get("content") or ""}
