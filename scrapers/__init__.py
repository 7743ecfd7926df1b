"""Scrapers: turn news articles (URL, saved HTML or text) into clean articles and draft records."""
from .article import Article, Image, ListEntry
from .extract import extract_article

__all__ = ["Article", "Image", "ListEntry", "extract_article", "structure"]


def structure(article: Article, known=None):
    """Draft records (editions, profiles, statistics, regions, links) found in an article.

    Pass a `structuring.Known` (see `ingest.known_from`) to place regions and link existing honorees.
    """
    from .structuring import structure as _structure

    return _structure(article, known)
