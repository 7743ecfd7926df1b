"""`bangyang crawl <profile>`: walk a portal column with Scrapy and ingest every new article.

Scrapy does the crawling (robots.txt, AutoThrottle, retries, HTTP cache, size cap,
redirect limits); each article page goes through the same extract → structure →
drafts path as `bangyang ingest`. Articles are written as they arrive and the
seen-list is saved after each one, so a crawl that dies part-way loses nothing.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .decode import decode_html
from .fetch import USER_AGENT, MAX_BYTES, next_page
from .furniture import next_link
from .ingest import CACHE_DIR, MAX_PAGES, Ingest, append_page
from .profiles import Profile, profile_named

# On list pages, article links have a headline for text and a URL like an article's.
_ARTICLE_URL = re.compile(r"(?:\d{4}[-/]?\d{2}|content_\d+|t\d{8}_\d+|/\d{4,}|art_|article|detail|show|\.s?html?$)", re.I)


@dataclass
class CrawlReport:
    """What a crawl did: list pages walked, articles ingested, seen before, failed and why."""

    list_pages: list[str] = field(default_factory=list)
    ingested: list[str] = field(default_factory=list)
    seen_before: int = 0
    empty: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"列表页 {len(self.list_pages)} 个, 新文章 {len(self.ingested)} 篇, 以前抓过 {self.seen_before} 篇, "
               f"没有正文 {len(self.empty)} 篇, 失败 {len(self.failed)} 个"]
        out += [f"  新建 {x}" for x in self.written]
        out += [f"  没有正文 {x}" for x in self.empty]
        out += [f"  失败 {x}" for x in self.failed]
        return out


class SeenStore:
    """URLs already ingested for one profile, kept in the project cache."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.data: dict = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.data = {}

    def __contains__(self, url: str) -> bool:
        return self.data.get(url, {}).get("status") in ("ingested", "empty")

    def to_retry(self, limit: int = 5) -> list[str]:
        """URLs that failed before, fewer than `limit` times: a re-crawl tries them again."""
        return sorted(u for u, v in self.data.items() if v.get("status") == "failed" and v.get("attempts", 1) < limit)

    def add(self, url: str, status: str, reason: str | None = None) -> None:
        attempts = self.data.get(url, {}).get("attempts", 0) + 1 if status == "failed" else None
        entry = {"status": status, "at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        if status == "failed":
            entry.update(reason=reason, attempts=attempts)
        self.data[url] = entry
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.data, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
        tmp.replace(self.path)


def _select_links(profile: Profile | None, root, base: str) -> list[str]:
    """Article links on a list page: the profile's selectors, else titled links that look like articles."""
    anchors = []
    if profile and profile.crawl.get("links"):
        from lxml.cssselect import CSSSelector

        for sel in profile.crawl["links"]:
            anchors = CSSSelector(sel)(root)
            if anchors:
                break
    if not anchors:
        anchors = [a for a in root.iter("a")
                   if len("".join(a.itertext()).strip()) >= 6 and _ARTICLE_URL.search(a.get("href") or "")]
    host = urlsplit(base).netloc
    out = []
    for a in anchors:
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "#", "mailto:")):
            continue
        url = urljoin(base, href).split("#", 1)[0]
        if urlsplit(url).netloc == host and url not in out:
            out.append(url)
    return out


def _charset(response) -> str | None:
    """The charset of a Scrapy response's Content-Type header, if it names one."""
    m = re.search(r"charset=([\w-]+)", response.headers.get("Content-Type", b"").decode("latin-1"), re.I)
    return m.group(1) if m else None


def crawl(project: Path, profile_name: str, start: list[str] | None = None, *, max_pages: int = 50,
          full: bool = False, delay: float = 1.0, timeout: float = 20.0, max_bytes: int = MAX_BYTES,
          obey_robots: bool = True, http_cache: bool = True, extra_settings: dict | None = None) -> CrawlReport:
    """Crawl a column's list pages from `start` and ingest each new article into the project."""
    # imported here: Scrapy and Twisted take a second to load, which other commands should not pay
    import scrapy
    from lxml import etree, html as lhtml
    from scrapy.crawler import CrawlerProcess
    from scrapy.exceptions import IgnoreRequest
    from scrapy.spidermiddlewares.httperror import HttpError

    from .extract import extract_article
    from .structuring import structure

    profile = profile_named(profile_name)
    if profile is None:
        raise ValueError(f"没有名为 “{profile_name}” 的站点配置; 可用的见 scrapers/profiles.yaml")
    starts = start or profile.crawl.get("start") or []
    if not starts:
        raise ValueError(f"站点配置 {profile_name} 没有写栏目首页; 用 --start 指明栏目网址")
    cache = project / CACHE_DIR
    seen = SeenStore(cache / "crawl" / f"{profile_name}.json")
    report = CrawlReport()
    ingest = Ingest(project)
    requested: set[str] = set()

    def why(failure) -> str:
        if failure.check(HttpError):
            return f"HTTP {failure.value.response.status}"
        if failure.check(IgnoreRequest):
            text = str(failure.value) or "请求被忽略"
            if "robots" in text.lower():
                return "robots.txt 不允许抓取"
            if "redirection" in text.lower():
                return "重定向次数过多 (可能是循环)"
            return text
        name = type(failure.value).__name__
        text = str(failure.value)
        if "Timeout" in name or "timed out" in text.lower():
            return "超时"
        if "maxsize" in text.lower() or "Cancelled" in name or "exceeds" in text.lower():
            return f"页面超过上限 {max_bytes // 1024} KB"
        return f"{name}: {text[:200]}"

    class ColumnSpider(scrapy.Spider):
        name = f"bangyang-{profile_name}"

        async def start(self):
            for url in starts:
                yield scrapy.Request(url, callback=self.parse_list, errback=self.failed,
                                     meta={"dont_cache": True, "page": 1})
            for url in seen.to_retry():  # articles that failed last time, wherever their list page is
                requested.add(url)
                yield scrapy.Request(url, callback=self.parse_article, errback=self.failed, dont_filter=True,
                                     meta={"article": url})

        def failed(self, failure):
            url = failure.request.meta.get("article") or failure.request.url
            reason = why(failure)
            report.failed.append(f"{url}: {reason}")
            if failure.request.meta.get("article"):
                seen.add(url, "failed", reason)

        def parse_list(self, response):
            report.list_pages.append(response.url)
            text = decode_html(response.body, _charset(response)).text
            try:
                root = lhtml.document_fromstring(text)
            except (etree.ParserError, ValueError):  # an empty or broken list page: nothing to follow
                report.failed.append(f"{response.url}: 列表页无法解析")
                return
            new = 0
            for url in _select_links(profile, root, response.url):
                if url in seen:
                    report.seen_before += 1
                    continue
                new += 1
                if url in requested:
                    continue
                requested.add(url)
                # dont_filter: Scrapy's duplicate filter would silently drop the second hop
                # of a redirect loop; we keep our own set of requested URLs instead
                yield scrapy.Request(url, callback=self.parse_article, errback=self.failed, dont_filter=True,
                                     meta={"article": url})
            nxt = next_link(root, response.url)
            page = response.meta.get("page", 1)
            if nxt and page < max_pages and (new or full):
                yield scrapy.Request(nxt, callback=self.parse_list, errback=self.failed,
                                     meta={"dont_cache": True, "page": page + 1})

        def parse_article(self, response):
            charset = _charset(response)
            url = response.meta.get("article") or response.url
            article = extract_article(response.body, url=response.url, http_charset=charset)
            first = response.meta.get("first")
            if first is not None:  # a later page of a multi-page article
                append_page(first, article)
                article = first
            pages = response.meta.get("pages", 1)
            more = next_page(decode_html(response.body, charset).text, response.url) if not article.is_empty else None
            if more and pages < MAX_PAGES and more not in requested:
                requested.add(more)
                yield scrapy.Request(more, callback=self.parse_article, errback=self.failed, dont_filter=True,
                                     meta={"article": url, "first": article, "pages": pages + 1})
                return
            if article.is_empty:
                report.empty.append(f"{url}: {article.reason}")
                seen.add(url, "empty")
                return
            article.url = url
            result = ingest.write(structure(article, ingest.known), url)
            report.written.extend(result.created)
            report.ingested.append(url)
            seen.add(url, "ingested")

    settings = {
        "USER_AGENT": USER_AGENT,
        "ROBOTSTXT_OBEY": obey_robots,
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": delay,
        "DOWNLOAD_DELAY": delay,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
        "DOWNLOAD_TIMEOUT": timeout,
        "DOWNLOAD_MAXSIZE": max_bytes,
        "DOWNLOAD_WARNSIZE": 0,
        "REDIRECT_MAX_TIMES": 5,
        "RETRY_TIMES": 2,
        "HTTPCACHE_ENABLED": http_cache,
        "HTTPCACHE_DIR": str((cache / "scrapy-httpcache").resolve()),
        "HTTPCACHE_IGNORE_HTTP_CODES": [301, 302, 303, 307, 308, 404, 429, 500, 502, 503, 504],
        "LOG_LEVEL": os.environ.get("BANGYANG_SCRAPY_LOG", "ERROR"),
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,  # it would open a port of its own
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    }
    settings.update(extra_settings or {})  # e.g. scrapy-redis's SCHEDULER, DUPEFILTER_CLASS and REDIS_URL
    process = CrawlerProcess(settings=settings)
    process.crawl(ColumnSpider)
    process.start()
    return report
