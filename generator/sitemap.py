"""sitemap.xml for search engines: every content page, with its last-modified date."""

from __future__ import annotations

from html import escape

from .pages import Page


def sitemap_page(site_url: str, pages: list[Page], articles: list) -> Page:
    """A Page holding sitemap.xml; URLs are absolute when site.yaml gives site_url."""
    base = site_url.rstrip("/") + "/" if site_url else "/"
    entries = [(p.context["page"]["url"], p.lastmod) for p in pages if p.template and p.in_sitemap]
    entries += [("news/", None)]
    entries += [(a.url, a.date.strftime("%Y-%m-%d")) for a in articles]
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for url, lastmod in sorted(set(entries), key=lambda e: e[0]):
        lastmod_tag = f"<lastmod>{lastmod}</lastmod>" if lastmod and len(lastmod) == 10 else ""
        lines.append(f"<url><loc>{escape(base + url)}</loc>{lastmod_tag}</url>")
    lines.append("</urlset>")
    return Page("sitemap.xml", body=("\n".join(lines) + "\n").encode("utf-8"), in_sitemap=False)
