"""`bangyang crawl <profile>`: walk a portal column with Scrapy and ingest every new article.

Scrapy does the crawling (robots.txt, AutoThrottle, retries, HTTP cache, size cap,
redirect limits); each article page goes through the same extract → structure →
drafts path as `bangyang ingest`. Articles are written as they arrive and the
seen-list is saved after each one, so a crawl that dies part-way loses nothing.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .fetch import MAX_BYTES
from .ingest import CACHE_DIR, Ingest
from .profiles import profile_named

RETRY_LIMIT = 5  # a failed article is tried again by at most this many crawls


@dataclass
class CrawlReport:
    """What a crawl did: list pages walked, articles ingested, seen before, failed and why."""

    list_pages: list[str] = field(default_factory=list)
    ingested: list[str] = field(default_factory=list)
    seen_before: int = 0
    empty: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # attachments left out, and why

    def summary(self) -> str:
        return (f"列表页 {len(self.list_pages)} 个, 新文章 {len(self.ingested)} 篇, 以前抓过 {self.seen_before} 篇, "
                f"没有正文 {len(self.empty)} 篇, 失败 {len(self.failed)} 个")

    def lines(self) -> list[str]:
        out = [self.summary()]
        out += [f"  新建 {x}" for x in self.written]
        out += [f"  没有正文 {x}" for x in self.empty]
        out += [f"  失败 {x}" for x in self.failed]
        out += [f"  跳过 {x}" for x in self.notes]
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

    def to_retry(self) -> list[str]:
        """URLs that failed before, fewer than RETRY_LIMIT times: a re-crawl tries them again."""
        return sorted(u for u, v in self.data.items()
                      if v.get("status") == "failed" and v.get("attempts", 1) < RETRY_LIMIT)

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


class LocalSink:
    """A crawl on this machine: each article is ingested into the project as it arrives."""

    dedupe_in_scheduler = False  # Scrapy's filter would silently drop the second hop of a redirect loop

    def __init__(self, ingest: Ingest, seen: SeenStore, report: CrawlReport):
        self.ingest, self.seen, self.report = ingest, seen, report
        self.requested: set[str] = set()

    def known(self, url: str) -> bool:
        if url in self.seen:
            self.report.seen_before += 1
            return True
        return False

    def claim(self, url: str) -> bool:
        if url in self.requested:
            return False
        self.requested.add(url)
        return True

    def list_page(self, url: str) -> None:
        self.report.list_pages.append(url)

    def article(self, url: str, article, page: bytes, request) -> None:
        from .structuring import structure

        result = self.ingest.write(structure(article, self.ingest.known), url)
        self.report.written.extend(result.created)
        self.report.ingested.append(url)
        self.seen.add(url, "ingested")

    def empty(self, url: str, reason: str, request) -> None:
        self.report.empty.append(f"{url}: {reason}")
        self.seen.add(url, "empty")

    def failed(self, url: str, reason: str, article: bool, request) -> None:
        self.report.failed.append(f"{url}: {reason}")
        if article:
            self.seen.add(url, "failed", reason)

    def done(self, request) -> None:
        pass

    def note(self, text: str) -> None:
        self.report.notes.append(text)


def crawl(project: Path, profile_name: str, start: list[str] | None = None, *, max_pages: int = 50,
          full: bool = False, delay: float = 1.0, timeout: float = 20.0, max_bytes: int = MAX_BYTES,
          obey_robots: bool = True, http_cache: bool = True, extra_settings: dict | None = None) -> CrawlReport:
    """Crawl a column's list pages from `start` and ingest each new article into the project."""
    # imported here: Scrapy and Twisted take a second to load, which other commands should not pay
    from scrapy.crawler import CrawlerProcess

    from . import column_spider

    starts = start_urls(profile_name, start)
    cache = project / CACHE_DIR
    seen = SeenStore(cache / "crawl" / f"{profile_name}.json")
    report = CrawlReport()
    sink = LocalSink(Ingest(project), seen, report)
    settings = column_spider.settings(delay=delay, timeout=timeout, max_bytes=max_bytes, obey_robots=obey_robots,
                                      log_level=os.environ.get("BANGYANG_SCRAPY_LOG", "ERROR"))
    settings.update({
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": delay,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
        "HTTPCACHE_ENABLED": http_cache,
        "HTTPCACHE_DIR": str((cache / "scrapy-httpcache").resolve()),
        "HTTPCACHE_IGNORE_HTTP_CODES": [301, 302, 303, 307, 308, 404, 429, 500, 502, 503, 504],
    })
    settings.update(extra_settings or {})
    retries = seen.to_retry()
    for url in retries:
        sink.claim(url)
    process = CrawlerProcess(settings=settings)
    process.crawl(column_spider.ColumnSpider, sink=sink, profile=profile_name, lists=starts, retries=retries,
                  max_pages=max_pages, full=full, max_bytes=max_bytes)
    process.start()
    return report


def start_urls(profile_name: str, start: list[str] | None) -> list[str]:
    """The column pages to start from: given, or the profile's; ValueError when there are none."""
    profile = profile_named(profile_name)
    if profile is None:
        raise ValueError(f"没有名为 “{profile_name}” 的站点配置; 可用的见 scrapers/profiles.yaml")
    starts = start or profile.crawl.get("start") or []
    if not starts:
        raise ValueError(f"站点配置 {profile_name} 没有写栏目首页; 用 --start 指明栏目网址")
    return starts
