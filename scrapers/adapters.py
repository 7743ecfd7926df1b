"""Adapters for ../shared/tools/eval_extract.py."""
from __future__ import annotations

from .extract import extract_article


def eval_extract(data: bytes, url: str | None = None) -> dict:
    """extract_article as the scorer calls it: bytes and url in, a plain dict out."""
    return extract_article(data, url=url).as_dict()
