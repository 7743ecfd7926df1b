"""HTML sanitizing for news bodies, which may come from scrapers: nh3 (Ammonia) removes
scripts, frames, event-handler attributes and javascript: links, and keeps ordinary markup."""
from __future__ import annotations

import nh3

# Ammonia's defaults plus the attributes our Markdown output uses.
_EXTRA = {"*": {"id", "class", "lang"}, "td": {"colspan", "rowspan", "align"}, "th": {"colspan", "rowspan", "align", "scope"}}
_ATTRIBUTES = {tag: frozenset(nh3.ALLOWED_ATTRIBUTES.get(tag, set()) | _EXTRA.get(tag, set()))
               for tag in {*nh3.ALLOWED_ATTRIBUTES, *_EXTRA}}


def clean_html(html: str) -> str:
    """HTML with everything that can run code removed."""
    return nh3.clean(html, attributes={t: set(a) for t, a in _ATTRIBUTES.items()}, link_rel=None, url_schemes={"http", "https", "mailto"})


def sanitize_article(instance) -> None:
    """Pelican content_object_init handler: sanitize a news article's rendered body and its
    Summary, which the Atom feed carries as HTML for feed readers to show."""
    content = getattr(instance, "_content", None)
    if content:
        instance._content = clean_html(content)
    summary = instance.metadata.get("summary")
    if summary:
        instance.metadata["summary"] = clean_html(str(summary))
        if hasattr(instance, "_summary"):
            instance._summary = instance.metadata["summary"]
