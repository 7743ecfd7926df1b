"""A crawl spread over several machines through one Redis: seed, workers, one ingester.

- ``seed`` (`bangyang crawl <profile> --start URL --redis R`) puts the column's first list
  page, and the articles that failed last time, on the shared queue.
- ``work`` (`bangyang crawl --worker --redis R`, on any machine) runs the column spider with
  scrapy-redis's scheduler: it takes requests from the queue, fetches and extracts, and
  pushes each article, with its page and the page's sha256, onto a Redis stream.
- ``ingest_stream`` (`bangyang ingest --from-redis R`, in the project folder) writes news and
  drafts from the stream as `bangyang ingest` does, and acknowledges each entry only once
  its files are written.

Nothing is lost when a process dies. A worker notes each request it takes (``inflight``)
until it is done, in the same Redis step that takes it, and keeps a lease (a key that
expires) while it lives; any worker puts a dead worker's requests back on the queue. An
entry of the stream stays pending until the ingester acknowledges it, and a restarted
ingester reads its pending entries first. The seen-list is the duplicate filter's set of
article fingerprints, shared by every machine: a re-crawl fetches only new articles, and
those that failed (kept in ``seen``) are queued again by the next seed. See docs/crawling.md.
"""
from __future__ import annotations

import hashlib
import json
import os
import socket
import sys
import time
import uuid
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

import redis
from redis.backoff import ConstantBackoff
from redis.retry import Retry
from scrapy_redis.queue import FifoQueue
from scrapy_redis.scheduler import Scheduler as RedisScheduler

from . import request_codec
from .article import KeptFile, article_data, article_from_dict
from .fetch import Fetched, store_snapshot

PREFIX = "bangyang"  # the spider's name: scrapy-redis names its keys after it
QUEUE = f"{PREFIX}:requests"
DUPEFILTER = f"{PREFIX}:dupefilter"
INFLIGHT = f"{PREFIX}:inflight"              # task → the worker that took it
INFLIGHT_REQUESTS = f"{PREFIX}:inflight:requests"  # task → the request, as queued
WORKER = f"{PREFIX}:worker:"                 # + worker id: its lease
SEEN = f"{PREFIX}:seen"                      # article URL → {"status", "at", …}: failures and ingests
STREAM = f"{PREFIX}:articles"
GROUP = "ingest"
HOST = f"{PREFIX}:host:"                     # + host: when its next request may go
RETRY_LIMIT = 5                              # a failed article is tried again by at most this many seeds

# Queue a request; one whose fingerprint the duplicate filter holds is dropped. A request
# that carries on a task (a redirect, a retry, an article's next page) ends that task in
# the same step: it is never lost between the two.
_ENQUEUE = """
if ARGV[2] ~= '' and redis.call('SADD', KEYS[2], ARGV[2]) == 0 then return 0 end
redis.call('LPUSH', KEYS[1], ARGV[1])
if ARGV[3] ~= '' then
  redis.call('HDEL', KEYS[3], ARGV[3])
  redis.call('HDEL', KEYS[4], ARGV[3])
end
return 1
"""
# Take the next request and note it as this worker's, in one step.
_TAKE = """
local data = redis.call('RPOP', KEYS[1])
if not data then return false end
local task = redis.sha1hex(data)
redis.call('HSET', KEYS[2], task, ARGV[1])
redis.call('HSET', KEYS[3], task, data)
return {task, data}
"""
# Put back the requests of workers whose lease ran out (or of ARGV[2], a worker that knows
# it holds none), at the head of the queue.
_REAP = """
local n = 0
local all = redis.call('HGETALL', KEYS[1])
for i = 1, #all, 2 do
  local task, worker = all[i], all[i + 1]
  if worker == ARGV[2] or redis.call('EXISTS', ARGV[1] .. worker) == 0 then
    local data = redis.call('HGET', KEYS[2], task)
    redis.call('HDEL', KEYS[1], task)
    redis.call('HDEL', KEYS[2], task)
    if data then redis.call('RPUSH', KEYS[3], data) end
    n = n + 1
  end
end
return n
"""
# Per-host politeness for all workers together: reserve the host's next slot, on Redis's
# clock (the machines' clocks may differ); returns the milliseconds to wait for it.
_SLOT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local at = math.max(tonumber(redis.call('GET', KEYS[1]) or '0'), now)
redis.call('SET', KEYS[1], at + tonumber(ARGV[1]), 'PX', tonumber(ARGV[1]) + 60000)
return at - now
"""


class RedisUnavailable(Exception):
    """Redis could not be reached for as long as we wait for it."""


def connect(url: str, wait: float = 60.0) -> redis.Redis:
    """A client that waits up to ``wait`` seconds for an unreachable Redis, retrying, before it gives up."""
    scheme = urlsplit(url).scheme
    if scheme not in ("redis", "rediss", "unix"):
        raise ValueError(f"Redis 地址应以 redis:// 开头, 例如 redis://127.0.0.1:6379/0; 实际是 “{url[:80]}”")
    return redis.Redis.from_url(url, **client_options(wait))


def client_options(wait: float) -> dict:
    return {"socket_connect_timeout": 2, "socket_timeout": 10, "health_check_interval": 5,
            "retry": Retry(ConstantBackoff(0.5), max(1, int(wait * 2))),
            "retry_on_error": [redis.exceptions.ConnectionError, redis.exceptions.TimeoutError]}


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _seen(server: redis.Redis, url: str) -> dict:
    raw = server.hget(SEEN, url)
    return json.loads(raw) if raw else {}


def to_retry(server: redis.Redis) -> list[tuple[str, str]]:
    """(url, profile) of articles that failed, fewer than RETRY_LIMIT times."""
    out = []
    for url, raw in server.hscan_iter(SEEN):
        entry = json.loads(raw)
        if entry.get("status") == "failed" and entry.get("attempts", 1) < RETRY_LIMIT:
            out.append((url.decode(), entry.get("profile", "generic")))
    return sorted(out)


# -- the seed ----------------------------------------------------------------------------

def seed(redis_url: str, profile: str, starts: list[str], *, max_pages: int, full: bool) -> tuple[int, int]:
    """Queue the column's list pages and last time's failed articles: (list pages, articles)."""
    from .column_spider import ColumnSpider

    server = connect(redis_url)
    spider = ColumnSpider(profile=profile)
    queue = FifoQueue(server, spider, QUEUE, serializer=request_codec)
    enqueue = server.register_script(_ENQUEUE)
    retries = to_retry(server)
    requests = [spider.list_request(url, profile, max_pages=max_pages, full=full) for url in starts]
    requests += [spider.article_request(url, prof) for url, prof in retries]
    for request in requests:
        enqueue(keys=[QUEUE, DUPEFILTER, INFLIGHT, INFLIGHT_REQUESTS],
                args=[queue._encode_request(request), "", ""])  # noqa: SLF001 - scrapy-redis's own encoding
    return len(starts), len(retries)


# -- a worker ----------------------------------------------------------------------------

@dataclass
class WorkerReport:
    list_pages: list[str] = field(default_factory=list)
    pushed: list[str] = field(default_factory=list)
    seen_before: int = 0
    empty: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # attachments left out, and why
    requeued: int = 0  # requests of workers that died, put back on the queue

    def lines(self) -> list[str]:
        out = [f"列表页 {len(self.list_pages)} 个, 交给导入的文章 {len(self.pushed)} 篇, 以前抓过 {self.seen_before} 篇, "
               f"没有正文 {len(self.empty)} 篇, 失败 {len(self.failed)} 个"
               + (f"; 接手了已停止的抓取进程的请求 {self.requeued} 个" if self.requeued else "")]
        out += [f"  没有正文 {x}" for x in self.empty]
        out += [f"  失败 {x}" for x in self.failed]
        out += [f"  跳过 {x}" for x in self.notes]
        return out


def lost_redis(exc: Exception, wait: float) -> None:
    """Redis stayed away longer than we wait: say so and stop at once. What this worker had
    taken stays noted in Redis, and another worker (or this one, started again) takes it
    up once Redis is back; nothing is dropped."""
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

    def _guard(self, fn, *args):
        try:
            return fn(*args)
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as exc:
            lost_redis(exc, self.wait)

    def known(self, url: str) -> bool:
        fingerprint = self._filter.request_fingerprint(self._request(url))
        if self._guard(self.server.sismember, DUPEFILTER, fingerprint):
            self.report.seen_before += 1
            return True
        return False

    def claim(self, url: str) -> bool:
        return True  # the scheduler's duplicate filter claims it, in the step that queues it

    def list_page(self, url: str) -> None:
        self.report.list_pages.append(url)

    def _finish(self, request, *, push: dict | None = None, seen: tuple[str, dict] | None = None) -> None:
        def run():
            pipe = self.server.pipeline(transaction=True)
            if push is not None:
                pipe.xadd(STREAM, push)
            if seen is not None:
                pipe.hset(SEEN, seen[0], json.dumps(seen[1], ensure_ascii=False))
            task = request.meta.get("task")
            if task:
                pipe.hdel(INFLIGHT, task)
                pipe.hdel(INFLIGHT_REQUESTS, task)
            pipe.execute()
        self._guard(run)

    def article(self, url: str, article, page: bytes, request) -> None:
        data = article_data(article)
        push = {"url": url, "profile": request.meta.get("profile", "generic"),
                "sha256": hashlib.sha256(page).hexdigest(), "fetched_at": _now(),
                "article": zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8")),
                "page": zlib.compress(page),
                "files": json.dumps([{"title": f.title, "url": f.url, "suffix": f.suffix} for f in article.files],
                                    ensure_ascii=False)}
        push.update({f"file-{i}": zlib.compress(f.data) for i, f in enumerate(article.files)})
        self._finish(request, push=push)
        self.report.pushed.append(url)

    def empty(self, url: str, reason: str, request) -> None:
        self._finish(request, seen=(url, {"status": "empty", "reason": reason, "at": _now()}))
        self.report.empty.append(f"{url}: {reason}")

    def failed(self, url: str, reason: str, article: bool, request) -> None:
        seen = None
        if article:
            before = self._guard(_seen, self.server, url)
            seen = (url, {"status": "failed", "reason": reason, "at": _now(), "profile": request.meta.get("profile"),
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
    except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as exc:
        raise RedisUnavailable(f"连不上 Redis {redis_url}: {exc}") from None
    report = WorkerReport()
    settings = column_spider.settings(delay=0, timeout=timeout, max_bytes=max_bytes, obey_robots=obey_robots,
                                      log_level=os.environ.get("BANGYANG_SCRAPY_LOG", "ERROR"))
    settings.update({
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1 if delay else 8,
        "SCHEDULER": "scrapers.crawl_redis.Scheduler",
        "SCHEDULER_PERSIST": True,            # the queue and the seen-list outlive every worker
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.FifoQueue",
        "SCHEDULER_QUEUE_KEY": QUEUE,
        "SCHEDULER_SERIALIZER": "scrapers.request_codec",  # JSON: unpickling what Redis holds could run code
        "SCHEDULER_DUPEFILTER_KEY": DUPEFILTER,
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "REDIS_URL": redis_url,
        "REDIS_PARAMS": client_options(wait),
        "DOWNLOADER_MIDDLEWARES": {"scrapers.crawl_redis.HostPoliteness": 950},  # last before the download, after robots.txt
        "EXTENSIONS": {"scrapers.crawl_redis.Lease": 0},
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
        scheduler._enqueue = scheduler.server.register_script(_ENQUEUE)
        scheduler._take = scheduler.server.register_script(_TAKE)
        return scheduler

    def enqueue_request(self, request):
        carries_on = request.meta.get("task") or ""
        fingerprint = "" if request.dont_filter or carries_on else self.df.request_fingerprint(request)
        data = self.queue._encode_request(request)  # noqa: SLF001 - scrapy-redis's own encoding
        try:
            added = self._enqueue(keys=[self.queue.key, self.df.key, INFLIGHT, INFLIGHT_REQUESTS],
                                  args=[data, fingerprint, carries_on])
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as exc:
            lost_redis(exc, self.wait)
        if not added:
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis", spider=self.spider)
        return True

    def next_request(self):
        try:
            got = self._take(keys=[self.queue.key, INFLIGHT, INFLIGHT_REQUESTS], args=[self.worker])
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as exc:
            lost_redis(exc, self.wait)
        if not got:
            return None
        task, data = got
        request = self.queue._decode_request(data)  # noqa: SLF001
        request.meta["task"] = task.decode()
        return request

    def has_pending_requests(self):
        try:
            return len(self) > 0
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as exc:
            lost_redis(exc, self.wait)


class HostPoliteness:
    """At most one request per ``BANGYANG_DELAY`` seconds to each host, across all workers together."""

    def __init__(self, server: redis.Redis, delay: float, wait: float):
        self.delay_ms, self.wait = int(delay * 1000), wait
        self._slot = server.register_script(_SLOT)

    @classmethod
    def from_crawler(cls, crawler):
        s = crawler.settings
        return cls(redis.Redis.from_url(s["REDIS_URL"], **client_options(s.getfloat("BANGYANG_WAIT"))),
                   s.getfloat("BANGYANG_DELAY"), s.getfloat("BANGYANG_WAIT"))

    async def process_request(self, request, spider=None):
        import asyncio

        if not self.delay_ms:
            return None
        try:
            wait_ms = self._slot(keys=[HOST + urlsplit(request.url).netloc], args=[self.delay_ms])
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as exc:
            lost_redis(exc, self.wait)
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
        self._reap = self.server.register_script(_REAP)
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
        try:
            self.server.set(WORKER + self.worker, _now(), px=int(self.lease * 1000))
            self.report.requeued += self._reap(keys=[INFLIGHT, INFLIGHT_REQUESTS, QUEUE],
                                               args=[WORKER, self.worker if orphans else ""])
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as exc:
            lost_redis(exc, self.wait)

    def spider_idle(self, spider):
        from scrapy.exceptions import DontCloseSpider

        # Idle here means this worker holds no request: any noted as its own were lost
        # on the way (none should be) and go back on the queue.
        self.beat(orphans=True)
        try:
            busy = self.server.llen(QUEUE) or self.server.hlen(INFLIGHT)
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as exc:
            lost_redis(exc, self.wait)
        now = time.monotonic()
        if busy:
            self.idle_since = None
            raise DontCloseSpider
        if self.idle_since is None:
            self.idle_since = now
        if now - self.idle_since < self.idle:
            raise DontCloseSpider


# -- the ingester ------------------------------------------------------------------------

@dataclass
class StreamReport:
    ingested: list[str] = field(default_factory=list)
    duplicates: int = 0  # entries for articles already ingested (a worker died after pushing)
    failed: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # what ingest's rules left out (an article imported before…)

    def lines(self) -> list[str]:
        out = [f"导入文章 {len(self.ingested)} 篇, 重复的跳过 {self.duplicates} 篇, 失败 {len(self.failed)} 篇"]
        out += [f"  新建 {x}" for x in self.written]
        out += [f"  跳过 {x}" for x in self.skipped]
        out += [f"  失败 {x}" for x in self.failed]
        return out


def crawl_idle(server: redis.Redis) -> bool:
    """Nothing queued, nothing in flight, no worker alive."""
    return not (server.llen(QUEUE) or server.hlen(INFLIGHT) or next(server.scan_iter(WORKER + "*", count=100), None))


def ingest_stream(project: Path, redis_url: str, *, consumer: str = "ingest", idle: float = 30.0,
                  wait: float = 60.0, report: StreamReport | None = None) -> StreamReport:
    """Write each article of the stream into the project; return once the crawl has been over for ``idle`` seconds."""
    from .ingest import CACHE_DIR, Ingest
    from .structuring import structure

    server = connect(redis_url, wait)
    report = report or StreamReport()
    ingest = Ingest(project)
    try:
        try:
            server.xgroup_create(STREAM, GROUP, id="0", mkstream=True)
        except redis.exceptions.ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise
        pending = True  # first the entries this consumer read before and did not acknowledge
        quiet_since = time.monotonic()
        while True:
            got = server.xreadgroup(GROUP, consumer, {STREAM: "0" if pending else ">"}, count=20,
                                    block=None if pending else 1000)
            entries = got[0][1] if got else []
            if pending and not entries:
                pending = False
                continue
            for entry_id, fields in entries:
                _ingest_entry(server, ingest, project / CACHE_DIR, entry_id, fields, report, structure)
            if entries:
                quiet_since = time.monotonic()
            elif crawl_idle(server):
                if time.monotonic() - quiet_since >= idle:
                    return report
            else:
                quiet_since = time.monotonic()
    except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as exc:
        raise RedisUnavailable(f"{wait:.0f} 秒内连不上 Redis ({exc}); 已写入的文章都已确认, "
                               "其余仍在 Redis 里, 重新运行本命令即可接着导入") from None


def _ingest_entry(server, ingest, cache: Path, entry_id, fields: dict, report: StreamReport, structure) -> None:
    url = fields[b"url"].decode()
    if _seen(server, url).get("status") == "ingested":
        report.duplicates += 1
    else:
        page = zlib.decompress(fields[b"page"])
        sha = fields[b"sha256"].decode()
        if hashlib.sha256(page).hexdigest() != sha:
            status = {"status": "failed", "reason": "页面快照的 sha256 不符", "attempts": 1}
            report.failed.append(f"{url}: 页面快照的 sha256 不符")
        else:
            article = article_from_dict(json.loads(zlib.decompress(fields[b"article"])))
            article.files = [KeptFile(f["title"], f["url"], f["suffix"], zlib.decompress(fields[f"file-{i}".encode()]))
                             for i, f in enumerate(json.loads(fields.get(b"files", b"[]")))]
            fetched_at = fields[b"fetched_at"].decode()
            store_snapshot(cache, Fetched(url, url, 200, page, article.encoding, sha, fetched_at))
            try:
                result = ingest.write(structure(article, ingest.known), url)
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the stream; a re-crawl tries it again
                status = {"status": "failed", "reason": f"导入出错: {type(exc).__name__}: {exc}"[:300], "attempts": 1}
                report.failed.append(f"{url}: {status['reason']}")
            else:
                report.written.extend(result.created)
                report.skipped.extend(result.skipped)
                report.ingested.append(url)
                status = {"status": "ingested"}
        status.update(at=_now(), profile=fields.get(b"profile", b"generic").decode())
        server.hset(SEEN, url, json.dumps(status, ensure_ascii=False))
    pipe = server.pipeline(transaction=True)
    pipe.xack(STREAM, GROUP, entry_id)
    pipe.xdel(STREAM, entry_id)
    pipe.execute()
