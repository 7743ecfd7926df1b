"""The Scrapy spider that walks a column: list pages, then each new article on them.

One spider for both kinds of crawl. What happens to what it finds belongs to a *sink*:
`scrapers.crawl.LocalSink` ingests each article into the project at once;
`scrapers.redis_worker.RedisSink` pushes it onto a Redis stream for the one ingester.
Imported only by a crawl: Scrapy and Twisted take a second to load.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Protocol
from urllib.parse import urljoin, urlsplit

import scrapy
from lxml import etree, html as lhtml
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError

from generator.domain.model import MAX_ATTACHMENT_BYTES

from .article import Article, KeptFile, article_data, article_from_dict
from .decode import decode_html
from .extract import extract_article
from .fetch import USER_AGENT, next_page
from .furniture import next_link
from .ingest import MAX_PAGES, add_attachment, append_page
from .profiles import Profile, profile_named

# On list pages, article links have a headline for text and a URL like an article's.
_ARTICLE_URL = re.compile(r"(?:\d{4}[-/]?\d{2}|content_\d+|t\d{8}_\d+|/\d{4,}|art_|article|detail|show|\.s?html?$)", re.I)


class Sink(Protocol):
    """Where a crawl's findings go."""

    dedupe_in_scheduler: bool  # True: article requests go through the scheduler's duplicate filter

    def known(self, url: str) -> bool: ...          # ingested before, or found empty: skip it
    def claim(self, url: str) -> bool: ...          # False: this crawl has requested it already
    def list_page(self, url: str) -> None: ...
    def article(self, url: str, article: Article, page: bytes, request) -> None: ...
    def empty(self, url: str, reason: str, request) -> None: ...
    def failed(self, url: str, reason: str, article: bool, request) -> None: ...
    def done(self, request) -> None: ...             # a list page's links are all handed on
    def note(self, text: str) -> None: ...           # an attachment left out, and why


@dataclass(frozen=True)
class WhenScheduled:
    """A callback's last output: ``then`` runs once Scrapy has scheduled every request the
    callback yielded before it. Scrapy runs a callback ahead of scheduling what it yielded
    (with the asyncio reactor, through a queue), so a task ended in the callback ended
    before its links were queued, and a worker killed in between lost them. Outputs are
    handled in the order yielded, and an item reaches the pipeline (RunWhenScheduled) after
    the requests before it are scheduled."""

    then: Callable[[], None]


class RunWhenScheduled:
    """The item pipeline that runs each WhenScheduled."""

    def process_item(self, item, spider=None):  # older Scrapy passes the spider too
        if isinstance(item, WhenScheduled):
            item.then()
        return item


def settings(*, delay: float, timeout: float, max_bytes: int, obey_robots: bool, log_level: str) -> dict:
    """The Scrapy settings every crawl shares: politeness, caps and retries."""
    return {
        "USER_AGENT": USER_AGENT,
        "ROBOTSTXT_OBEY": obey_robots,
        "DOWNLOAD_DELAY": delay,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1 if delay else 8,
        "DOWNLOAD_TIMEOUT": timeout,
        "DOWNLOAD_MAXSIZE": max_bytes,
        "DOWNLOAD_WARNSIZE": 0,
        "REDIRECT_MAX_TIMES": 5,
        "RETRY_TIMES": 2,
        "LOG_LEVEL": log_level,
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,  # it would open a port of its own
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
        "ITEM_PIPELINES": {"scrapers.column_spider.RunWhenScheduled": 100},
    }


def why(failure, max_bytes: int) -> str:
    """A failed request's reason, in editors' words."""
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


def select_links(profile: Profile | None, root, base: str) -> list[str]:
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


def charset_of(response) -> str | None:
    """The charset of a Scrapy response's Content-Type header, if it names one."""
    m = re.search(r"charset=([\w-]+)", response.headers.get("Content-Type", b"").decode("latin-1"), re.I)
    return m.group(1) if m else None


class ColumnSpider(scrapy.Spider):
    """Requests name their callbacks by method, so that one stored in Redis finds them again in any worker."""

    name = "bangyang"

    def __init__(self, sink: Sink | None = None, profile: str = "generic", lists: list[str] = (),
                 retries: list[str] = (), max_pages: int = 50, full: bool = False, max_bytes: int = 0, **kwargs):
        super().__init__(**kwargs)
        self.sink, self.profile, self.lists, self.retries = sink, profile, list(lists), list(retries)
        self.max_pages, self.full, self.max_bytes = max_pages, full, max_bytes

    async def start(self):
        for url in self.lists:
            yield self.list_request(url, self.profile, max_pages=self.max_pages, full=self.full)
        for url in self.retries:  # articles that failed last time, wherever their list page is
            yield self.article_request(url, self.profile)

    def list_request(self, url: str, profile: str, *, max_pages: int, full: bool, page: int = 1) -> scrapy.Request:
        """A column's list page. Never filtered as a duplicate: a re-crawl reads it again for new articles."""
        return scrapy.Request(url, callback=self.parse_list, errback=self.failed, dont_filter=True,
                              meta={"dont_cache": True, "page": page, "profile": profile, "max_pages": max_pages,
                                    "full": full})

    def article_request(self, url: str, profile: str, *, dont_filter: bool = True, **meta) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_article, errback=self.failed, dont_filter=dont_filter,
                              meta={"article": url, "profile": profile, **meta})

    def failed(self, failure):
        meta = failure.request.meta
        url = meta.get("article") or failure.request.url
        self.sink.failed(url, why(failure, self.max_bytes), bool(meta.get("article")), failure.request)

    def parse_list(self, response):
        meta = response.meta
        self.sink.list_page(response.url)
        profile = profile_named(meta["profile"])
        text = decode_html(response.body, charset_of(response)).text
        try:
            root = lhtml.document_fromstring(text)
        except (etree.ParserError, ValueError):  # an empty or broken list page: nothing to follow
            self.sink.failed(response.url, "列表页无法解析", False, response.request)
            return
        new = 0
        for url in select_links(profile, root, response.url):
            if self.sink.known(url):
                continue
            new += 1
            if self.sink.claim(url):
                yield self.article_request(url, meta["profile"], dont_filter=not self.sink.dedupe_in_scheduler)
        nxt = next_link(root, response.url)
        page = meta.get("page", 1)
        if nxt and page < meta["max_pages"] and (new or meta["full"]):
            yield self.list_request(nxt, meta["profile"], max_pages=meta["max_pages"], full=meta["full"], page=page + 1)
        yield WhenScheduled(lambda: self.sink.done(response.request))

    def parse_article(self, response):
        meta = response.meta
        charset = charset_of(response)
        url = meta.get("article") or response.url
        article = extract_article(response.body, url=response.url, http_charset=charset)
        first = meta.get("first")
        if first is not None:  # a later page of a multi-page article
            first = article_from_dict(first)
            append_page(first, article)
            article = first
        pages = meta.get("pages", 1)
        more = next_page(decode_html(response.body, charset).text, response.url) if not article.is_empty else None
        if more and pages < MAX_PAGES and more != response.url:
            # The same task goes on: the next page carries the article so far.
            yield self.article_request(more, meta["profile"], article=url, first=article_data(article),
                                       pages=pages + 1, page_bytes=meta.get("page_bytes", response.body),
                                       task=meta.get("task"))
            return
        if article.is_empty:
            self.sink.empty(url, article.reason or "没有正文", response.request)
            return
        article.url = url
        page = meta.get("page_bytes", response.body)
        links = [{"title": link.title, "url": link.url} for link in article.links]
        if links:  # the lists it attaches join the article's, as `bangyang ingest` reads them
            yield self._attachment_request(url, article, page, links, [], meta)
            return
        self.sink.article(url, article, page, response.request)

    def _attachment_request(self, url: str, article: Article, page: bytes, links: list[dict], files: list[dict],
                            meta: dict) -> scrapy.Request:
        """The next file the article links to; the same task, carrying the article and the files read so far."""
        link, rest = links[0], links[1:]
        return scrapy.Request(link["url"], callback=self.parse_attachment, errback=self.attachment_failed,
                              dont_filter=True, meta={
                                  "article": url, "profile": meta["profile"], "task": meta.get("task"),
                                  "first": article_data(article), "page_bytes": page, "link": link, "links": rest,
                                  "files": files, "download_maxsize": MAX_ATTACHMENT_BYTES, "dont_cache": True})

    def _after_attachment(self, request, meta: dict, files: list[dict]):
        """The next attachment, or, after the last, the article with its files to the sink."""
        article = article_from_dict(meta["first"])
        if meta["links"]:
            yield self._attachment_request(meta["article"], article, meta["page_bytes"], meta["links"], files, meta)
            return
        article.files = [KeptFile(f["title"], f["url"], f["suffix"], f["data"]) for f in files]
        self.sink.article(meta["article"], article, meta["page_bytes"], request)

    def parse_attachment(self, response):
        meta, link = response.meta, response.meta["link"]
        article = article_from_dict(meta["first"])
        skipped = add_attachment(article, link["title"], link["url"], response.url, response.body)
        files = list(meta["files"])
        if skipped:
            self.sink.note(skipped)
        else:
            kept = article.files[-1]
            files.append({"title": kept.title, "url": kept.url, "suffix": kept.suffix, "data": kept.data})
            meta = {**meta, "first": article_data(article)}  # with the attachment's entries
        yield from self._after_attachment(response.request, meta, files)

    def attachment_failed(self, failure):
        meta = failure.request.meta
        self.sink.note(f"附件 {meta['link']['title']}: {why(failure, MAX_ATTACHMENT_BYTES)}")
        yield from self._after_attachment(failure.request, meta, list(meta["files"]))
