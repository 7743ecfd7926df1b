"""HTML sanitizing for news bodies, which may come from scrapers: nh3 (Ammonia) removes
scripts, frames, event-handler attributes and javascript: links, and keeps ordinary markup."""
from __future__ import annotations

import nh3

# Ammonia's defaults plus the attributes our Markdown output uses.
_ATTRIBUTES = {tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()}
_ATTRIBUTES.setdefault("*", set()).update({"id", "class", "lang"})
_ATTRIBUTES.setdefault("td", set()).update({"colspan", "rowspan", "align"})
_ATTRIBUTES.setdefault("th", set()).update({"colspan", "rowspan", "align", "scope"})


def clean_html(html: str) -> str:
    """HTML with everything that can run code removed."""
    return nh3.clean(html, attributes=_ATTRIBUTES, link_rel=None, url_schemes={"http", "https", "mailto"})


def sanitize_article(instance) -> None:
    """Pelican content_object_init handler: sanitize a news article's rendered body."""
    content = getattr(instance, "_content", None)
    if content:
        instance._content = clean_html(content)
