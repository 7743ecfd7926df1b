"""sitemap.xml for search engines: every content page, with its last-modified date."""

from __future__ import annotations

from html import escape



def sitemap_xml(site_url: str, entries: list[tuple[str, str | None]]) -> bytes:
    """sitemap.xml of (site-relative url, lastmod) entries; URLs are absolute when site.yaml gives site_url."""
    base = site_url.rstrip("/") + "/" if site_url else "/"
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for url, lastmod in sorted(set(entries), key=lambda e: (e[0], e[1] or "")):
        lastmod_tag = f"<lastmod>{lastmod}</lastmod>" if lastmod and len(lastmod) == 10 else ""
        lines.append(f"<url><loc>{escape(base + url)}</loc>{lastmod_tag}</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def news_entries(catalog) -> list[tuple[str, str | None]]:
    """The news list and every published article (Pelican's pages), for the sitemap."""
    return [("news/", None)] + [(f"news/{n.slug}/", n.meta.date[:10]) for n in catalog.news.values()
                                if n.meta.status == "published"]


