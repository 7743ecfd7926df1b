"""Hooks into the Pelican run of generator.integrations.pelican: they give Pelican's pages
the catalog's plain data, sanitize news bodies, and date an empty feed steadily.

Pelican loads this module as a plugin, only when `bangyang build` runs it.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from pelican import signals
from pelican.generators import Generator

from generator.records.catalog import Catalog
from generator.site.markup import html_to_text
from generator.site.pages import absolute, latest_date, news_extras, page_meta
from generator.site.sanitize import sanitize_article
from generator.site.textcut import cut


def site_context(catalog: Catalog) -> dict:
    """content/site.yaml as the plain dict every template receives as ``site``."""
    return catalog.site.model_dump()


class CatalogContext(Generator):
    """Gives Pelican's templates the catalog's data: ``site``, and each article's related records."""

    def generate_context(self) -> None:
        catalog = self.settings["BANGYANG_CATALOG"]
        self.context["site"] = site_context(catalog)
        self.context["BANGYANG_LATEST"] = latest_date(catalog)
        latest = max((a.date.strftime("%Y-%m-%d %H:%M") for a in self.context.get("articles", [])), default="")
        self.context["news_page"] = page_meta("新闻", "news", latest, catalog.site.sponsor, url="news/",
                                              description="志愿服务先进典型相关新闻")
        for article in [*self.context.get("articles", []), *self.context.get("drafts", [])]:
            self._decorate(article, catalog)
        # 上一篇/下一篇: neighbours by date, newest first as the news list shows them
        ordered = sorted(self.context.get("articles", []), key=lambda a: (a.date, a.url), reverse=True)
        for i, article in enumerate(ordered):
            article.newer = _neighbour(ordered[i - 1]) if i > 0 else None
            article.older = _neighbour(ordered[i + 1]) if i + 1 < len(ordered) else None

    def _decorate(self, article, catalog: Catalog) -> None:
        """Give a Pelican article the plain data our templates show: excerpt, meta bar, linked honorees."""
        # Pelican has already turned both the Summary field and the body into HTML.
        summary = article.metadata.get("summary") or getattr(article, "_content", "") or ""
        article.excerpt = cut(html_to_text(summary), 120)
        extras = news_extras(catalog, Path(article.source_path).stem, _ids(article.metadata.get("honorees")))
        article.related, article.search = extras["related"], extras["search"]
        md = article.metadata
        article.origin = {"publisher": md.get("source", ""), "original_title": md.get("original_title", ""),
                          "url": md.get("source_url", ""), "informant": md.get("informant", "")}
        url = f"news/{Path(article.source_path).stem}/"
        structured = {"@type": "NewsArticle", "headline": article.title[:110], "url": absolute(catalog.site.site_url, url),
                      "datePublished": article.date.isoformat(), "description": article.excerpt,
                      # The page is the site's summary of an article: the site wrote it, the article is its basis.
                      "author": {"@type": "Organization", "name": catalog.site.sponsor}}
        based_on = {"@type": "NewsArticle", "headline": md.get("original_title") or article.title}
        if md.get("source"):
            based_on["publisher"] = {"@type": "Organization", "name": md["source"]}
        if md.get("author"):
            based_on["author"] = {"@type": "Person", "name": str(md["author"])}  # Pelican's Author object
        if md.get("source_url"):
            based_on["url"] = md["source_url"]
        structured["isBasedOn"] = based_on
        article.page_meta = page_meta(article.title, "news", article.date.strftime("%Y-%m-%d %H:%M"),
                                      md.get("source") or "原文未注明", url=url, description=article.excerpt,
                                      crumbs=[("新闻", "news/")], searchable=True, structured=structured)

def _neighbour(article) -> dict:
    return {"title": article.title, "url": article.url, "date": article.date.strftime("%Y-%m-%d")}


def _ids(value) -> list[str]:
    """A comma-separated metadata value as a list."""
    return [x.strip() for x in str(value or "").split(",") if x.strip()]


def steady_empty_feed(context: dict, feed) -> None:
    """An Atom feed with no news is dated by the newest fact of the catalog, not the clock.

    feedgenerator dates an empty feed "now", so every build of a site without news
    rewrote feeds/all.atom.xml: output that is not the same twice, and one more file for
    rsync to send.
    """
    if feed.items:
        return
    latest = context.get("BANGYANG_LATEST") or "1970"
    parts = [int(x) for x in re.findall(r"\d+", latest)[:3]] + [1, 1]
    try:
        when = datetime(*parts[:3], tzinfo=timezone.utc)
    except ValueError:
        when = datetime(1970, 1, 1, tzinfo=timezone.utc)
    feed.latest_post_date = lambda: when


def absolute_feed(context: dict, feed) -> None:
    """The Atom feed as feed readers need it: absolute links (to the site_url in site.yaml),
    stable ``tag:`` ids, and an author for every entry.

    Pelican builds the site with relative links so that it works under any sub-path; a feed is
    read away from the site, where a relative link leads nowhere."""
    catalog: Catalog = context["BANGYANG_CATALOG"]
    base = catalog.site.site_url.rstrip("/") + "/" if catalog.site.site_url else ""
    if not base:
        return  # check asks for site_url; without it, nothing absolute can be written
    feed.feed["link"] = base
    feed.feed["id"] = base + "feeds/all.atom.xml"
    for item in feed.items:
        path = urlsplit(item["link"]).path.lstrip("/")
        url = urljoin(base, path)
        item["link"] = url
        # Stable: the authority's domain, the day it was published, the page's path (RFC 4151).
        item["unique_id"] = f"tag:{catalog.site.domain},{item['pubdate'].date().isoformat()}:{path}"
        item["author_name"] = catalog.site.sponsor  # each entry is the site's summary of an article
        for key in ("content", "description"):
            if item.get(key):
                item[key] = _ABSOLUTE_LINK.sub(lambda m: f'{m[1]}="{urljoin(url, m[2])}"', item[key])


_ABSOLUTE_LINK = re.compile(r'\b(href|src)="(?![a-z][a-z0-9+.-]*:|#)([^"]*)"', re.IGNORECASE)


def get_generators(pelican) -> type[Generator]:
    return CatalogContext


def register() -> None:
    """Pelican's plugin entry point, named in the settings `bangyang build` gives Pelican."""
    signals.get_generators.connect(get_generators)
    signals.content_object_init.connect(sanitize_article)
    signals.feed_generated.connect(steady_empty_feed)
    signals.feed_generated.connect(absolute_feed)
