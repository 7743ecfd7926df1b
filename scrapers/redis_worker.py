"""A worker of a distributed crawl (`bangyang crawl --worker --redis R`): the column spider
with scrapy-redis's scheduler, each request it takes noted in Redis until done, a lease
while it lives, and per-host politeness shared by all workers (docs/crawling.md)."""
from __future__ import annotations

import hashlib
import json
import os
import socket
import sys
import time
import uuid
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import redis
from scrapy_redis.scheduler import Scheduler as RedisScheduler

from .article import article_data
from .crawl import CrawlReport
from .redis_queue import (DUPEFILTER, HOST, INFLIGHT, INFLIGHT_REQUESTS, QUEUE, SEEN, STREAM, WORKER, ENQUEUE, REAP,
                          SLOT, TAKE, UNREACHABLE, RedisUnavailable, client_options, connect, now, seen_entry)


@dataclass
class WorkerReport(CrawlReport):
    """What one worker did: articles handed to the ingester (``pushed``) rather than ingested."""

    pushed: list[str] = field(default_factory=list)
    requeued: int = 0  # requests of workers that died, put back on the queue

    def summary(self) -> str:
        return (f"列表页 {len(self.list_pages)} 个, 交给导入的文章 {len(self.pushed)} 篇, 以前抓过 {self.seen_before} 篇, "
                f"没有正文 {len(self.empty)} 篇, 失败 {len(self.failed)} 个"
                + (f"; 接手了已停止的抓取进程的请求 {self.requeued} 个" if self.requeued else ""))


@contextmanager
def redis_needed(wait: float):
    """Calls into Redis. When Redis stays away longer than we wait, say so and stop at once:
    what this worker had taken stays noted in Redis, and another worker (or this one, started
    again) takes it up once Redis is back; nothing is dropped."""
    try:
        yield
    except UNREACHABLE as exc:
        _leave(exc, wait)


def _leave(exc: Exception, wait: float) -> None:
    print(f"抓取进程退出: {wait:.0f} 秒内连不上 Redis ({exc})。未完成的请求仍记在 Redis 里, "
          f"Redis 恢复后, 其他抓取进程或重新启动的本进程会接着做。", file=sys.stderr)
    sys.stderr.flush()
    sys.stdout.flush()
    # Twisted would go on calling into Redis from every pending callback; leaving now is
    # the same, for the queue, as a worker that dies, which the crawl is made to survive.
    os._exit(75)


class RedisSink:
    """What the spider finds, pushed into Redis for the ingester (see column_spider.Sink)."""

    dedupe_in_scheduler = True

    def __init__(self, server: redis.Redis, report: WorkerReport, wait: float):
        from scrapy import Request
        from scrapy_redis.dupefilter import RFPDupeFilter

        self.server, self.report, self.wait = server, report, wait
        self._filter = RFPDupeFilter(server, DUPEFILTER)
        self._request = Request

    def known(self, url: str) -> bool:
        fingerprint = self._filter.request_fingerprint(self._request(url))
        with redis_needed(self.wait):
            seen = self.server.sismember(DUPEFILTER, fingerprint)
        if seen:
            self.report.seen_before += 1
            return True
        return False

    def claim(self, url: str) -> bool:
        return True  # the scheduler's duplicate filter claims it, in the step that queues it

    def list_page(self, url: str) -> None:
        self.report.list_pages.append(url)

    def _finish(self, request, *, push: dict | None = None, seen: tuple[str, dict] | None = None) -> None:
        """End the request's task, in one transaction with what it found."""
        pipe = self.server.pipeline(transaction=True)
        if push is not None:
            pipe.xadd(STREAM, push)
        if seen is not None:
            pipe.hset(SEEN, seen[0], json.dumps(seen[1], ensure_ascii=False))
        task = request.meta.get("task")
        if task:
            pipe.hdel(INFLIGHT, task)
            pipe.hdel(INFLIGHT_REQUESTS, task)
        with redis_needed(self.wait):
            pipe.execute()

    def article(self, url: str, article, page: bytes, request) -> None:
        data = article_data(article)
        push = {"url": url, "profile": request.meta.get("profile", "generic"),
                "sha256": hashlib.sha256(page).hexdigest(), "fetched_at": now(),
                "article": zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8")),
                "page": zlib.compress(page),
                "files": json.dumps([{"title": f.title, "url": f.url, "suffix": f.suffix} for f in article.files],
                                    ensure_ascii=False)}
        push.update({f"file-{i}": zlib.compress(f.data) for i, f in enumerate(article.files)})
        self._finish(request, push=push)
        self.report.pushed.append(url)

    def empty(self, url: str, reason: str, request) -> None:
        self._finish(request, seen=(url, {"status": "empty", "reason": reason, "at": now()}))
        self.report.empty.append(f"{url}: {reason}")

    def failed(self, url: str, reason: str, article: bool, request) -> None:
        seen = None
        if article:
            with redis_needed(self.wait):
                before = seen_entry(self.server, url)
            seen = (url, {"status": "failed", "reason": reason, "at": now(), "profile": request.meta.get("profile"),
                          "attempts": before.get("attempts", 0) + 1})
        self._finish(request, seen=seen)
        self.report.failed.append(f"{url}: {reason}")

    def done(self, request) -> None:
        self._finish(request)

    def note(self, text: str) -> None:
        self.report.notes.append(text)


def work(redis_url: str, *, delay: float = 1.0, timeout: float = 20.0, max_bytes: int, obey_robots: bool = True,
         idle: float = 30.0, lease: float = 15.0, wait: float = 60.0) -> WorkerReport:
    """Crawl from the shared queue until it has been empty, with nothing in flight anywhere, for ``idle`` seconds."""
    from scrapy.crawler import CrawlerProcess

    from . import column_spider

    server = connect(redis_url, wait)
    try:
        server.ping()
    except UNREACHABLE as exc:
        raise RedisUnavailable(f"连不上 Redis {redis_url}: {exc}") from None
    report = WorkerReport()
    settings = column_spider.settings(delay=0, timeout=timeout, max_bytes=max_bytes, obey_robots=obey_robots,
                                      log_level=os.environ.get("BANGYANG_SCRAPY_LOG", "ERROR"))
    settings.update({
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1 if delay else 8,
        "SCHEDULER": "scrapers.redis_worker.Scheduler",
        "SCHEDULER_PERSIST": True,            # the queue and the seen-list outlive every worker
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.FifoQueue",
        "SCHEDULER_QUEUE_KEY": QUEUE,
        "SCHEDULER_SERIALIZER": "scrapers.request_codec",  # JSON: unpickling what Redis holds could run code
        "SCHEDULER_DUPEFILTER_KEY": DUPEFILTER,
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "REDIS_URL": redis_url,
        "REDIS_PARAMS": client_options(wait),
        "DOWNLOADER_MIDDLEWARES": {"scrapers.redis_worker.HostPoliteness": 950},  # last before the download, after robots.txt
        "EXTENSIONS": {"scrapers.redis_worker.Lease": 0},
        "BANGYANG_WORKER": f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}",
        "BANGYANG_DELAY": delay,
        "BANGYANG_IDLE": idle,
        "BANGYANG_LEASE": lease,
        "BANGYANG_WAIT": wait,
    })
    process = CrawlerProcess(settings=settings)
    process.crawl(column_spider.ColumnSpider, sink=RedisSink(server, report, wait), max_bytes=max_bytes)
    process.start()
    return report


class Scheduler(RedisScheduler):
    """scrapy-redis's scheduler and duplicate filter, with each request a worker takes noted
    as its task in Redis until it is done (RedisSink ends it)."""

    @classmethod
    def from_crawler(cls, crawler):
        scheduler = super().from_crawler(crawler)
        scheduler.worker = crawler.settings["BANGYANG_WORKER"]
        scheduler.wait = crawler.settings.getfloat("BANGYANG_WAIT")
        scheduler._enqueue = scheduler.server.register_script(ENQUEUE)
        scheduler._take = scheduler.server.register_script(TAKE)
        return scheduler

    def enqueue_request(self, request):
        carries_on = request.meta.get("task") or ""
        fingerprint = "" if request.dont_filter or carries_on else self.df.request_fingerprint(request)
        data = self.queue._encode_request(request)  # noqa: SLF001 - scrapy-redis's own encoding
        with redis_needed(self.wait):
            added = self._enqueue(keys=[self.queue.key, self.df.key, INFLIGHT, INFLIGHT_REQUESTS],
                                  args=[data, fingerprint, carries_on])
        if not added:
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis", spider=self.spider)
        return True

    def next_request(self):
        with redis_needed(self.wait):
            got = self._take(keys=[self.queue.key, INFLIGHT, INFLIGHT_REQUESTS], args=[self.worker])
        if not got:
            return None
        task, data = got
        request = self.queue._decode_request(data)  # noqa: SLF001
        request.meta["task"] = task.decode()
        return request

    def has_pending_requests(self):
        with redis_needed(self.wait):
            return len(self) > 0


class HostPoliteness:
    """At most one request per ``BANGYANG_DELAY`` seconds to each host, across all workers together."""

    def __init__(self, server: redis.Redis, delay: float, wait: float):
        self.delay_ms, self.wait = int(delay * 1000), wait
        self._slot = server.register_script(SLOT)

    @classmethod
    def from_crawler(cls, crawler):
        s = crawler.settings
        return cls(redis.Redis.from_url(s["REDIS_URL"], **client_options(s.getfloat("BANGYANG_WAIT"))),
                   s.getfloat("BANGYANG_DELAY"), s.getfloat("BANGYANG_WAIT"))

    async def process_request(self, request, spider=None):
        import asyncio

        if not self.delay_ms:
            return None
        with redis_needed(self.wait):
            wait_ms = self._slot(keys=[HOST + urlsplit(request.url).netloc], args=[self.delay_ms])
        if wait_ms > 0:
            await asyncio.sleep(wait_ms / 1000)
        return None


class Lease:
    """Keeps this worker's lease while it lives, puts dead workers' requests back, and lets
    the worker stop once the crawl has been idle everywhere for ``BANGYANG_IDLE`` seconds."""

    def __init__(self, crawler):
        from scrapy import signals

        s = crawler.settings
        self.crawler, self.worker = crawler, s["BANGYANG_WORKER"]
        self.idle, self.lease, self.wait = s.getfloat("BANGYANG_IDLE"), s.getfloat("BANGYANG_LEASE"), s.getfloat("BANGYANG_WAIT")
        self.report: WorkerReport | None = None  # the spider's, once it opens (settings are copied deep)
        self.server = redis.Redis.from_url(s["REDIS_URL"], **client_options(self.wait))
        self._reap = self.server.register_script(REAP)
        self.idle_since: float | None = None
        self.loop = None
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def opened(self, spider):
        from twisted.internet import task

        self.report = spider.sink.report
        # The engine asks the scheduler for work every 5 s when it has none; a worker
        # waiting for others' list pages would idle that long each time.
        self.crawler.engine._SLOT_HEARTBEAT_INTERVAL = 0.5  # noqa: SLF001 - this engine only
        self.beat()
        self.loop = task.LoopingCall(self.beat)
        self.loop.start(max(0.5, self.lease / 5), now=False)

    def closed(self, spider):
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        self.server.delete(WORKER + self.worker)

    def beat(self, orphans: bool = False) -> None:
        with redis_needed(self.wait):
            self.server.set(WORKER + self.worker, now(), px=int(self.lease * 1000))
            self.report.requeued += self._reap(keys=[INFLIGHT, INFLIGHT_REQUESTS, QUEUE],
                                               args=[WORKER, self.worker if orphans else ""])

    def spider_idle(self, spider):
        from scrapy.exceptions import DontCloseSpider

        # Idle here means this worker holds no request: any noted as its own were lost
        # on the way (none should be) and go back on the queue.
        self.beat(orphans=True)
        with redis_needed(self.wait):
            busy = self.server.llen(QUEUE) or self.server.hlen(INFLIGHT)
        if busy:
            self.idle_since = None
            raise DontCloseSpider
        if self.idle_since is None:
            self.idle_since = time.monotonic()
        if time.monotonic() - self.idle_since < self.idle:
            raise DontCloseSpider
