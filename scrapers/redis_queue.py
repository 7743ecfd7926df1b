"""A crawl spread over several machines through one Redis: what they share there, and the seed.

- ``seed`` (`bangyang crawl <profile> --start URL --redis R`) puts the column's first list
  page, and the articles that failed last time, on the shared queue;
- workers (`bangyang crawl --worker`, scrapers.redis_worker) fetch and extract, and push
  each article onto a stream;
- one ingester (`bangyang ingest --from-redis`, scrapers.redis_ingest) writes them into the
  project, acknowledging each entry once its files are written.

This module holds the keys, the Lua scripts that make each step atomic, and the client
settings all three use. Nothing is lost when a process dies: docs/crawling.md explains how.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from urllib.parse import urlsplit

import redis
from redis.backoff import ConstantBackoff
from redis.retry import Retry
from scrapy_redis.queue import FifoQueue

from . import request_codec
from .crawl import RETRY_LIMIT

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

# Queue a request; one whose fingerprint the duplicate filter holds is dropped. A request
# that carries on a task (a redirect, a retry, an article's next page) ends that task in
# the same step: it is never lost between the two.
ENQUEUE = """
if ARGV[2] ~= '' and redis.call('SADD', KEYS[2], ARGV[2]) == 0 then return 0 end
redis.call('LPUSH', KEYS[1], ARGV[1])
if ARGV[3] ~= '' then
  redis.call('HDEL', KEYS[3], ARGV[3])
  redis.call('HDEL', KEYS[4], ARGV[3])
end
return 1
"""
# Take the next request and note it as this worker's, in one step.
TAKE = """
local data = redis.call('RPOP', KEYS[1])
if not data then return false end
local task = redis.sha1hex(data)
redis.call('HSET', KEYS[2], task, ARGV[1])
redis.call('HSET', KEYS[3], task, data)
return {task, data}
"""
# Put back the requests of workers whose lease ran out (or of ARGV[2], a worker that knows
# it holds none), at the head of the queue.
REAP = """
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
SLOT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local at = math.max(tonumber(redis.call('GET', KEYS[1]) or '0'), now)
redis.call('SET', KEYS[1], at + tonumber(ARGV[1]), 'PX', tonumber(ARGV[1]) + 60000)
return at - now
"""


UNREACHABLE = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)  # what waiting for Redis may end in


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
            "retry_on_error": list(UNREACHABLE)}


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def seen_entry(server: redis.Redis, url: str) -> dict:
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


def seed(redis_url: str, profile: str, starts: list[str], *, max_pages: int, full: bool) -> tuple[int, int]:
    """Queue the column's list pages and last time's failed articles: (list pages, articles)."""
    from .column_spider import ColumnSpider

    server = connect(redis_url)
    spider = ColumnSpider(profile=profile)
    queue = FifoQueue(server, spider, QUEUE, serializer=request_codec)
    enqueue = server.register_script(ENQUEUE)
    retries = to_retry(server)
    requests = [spider.list_request(url, profile, max_pages=max_pages, full=full) for url in starts]
    requests += [spider.article_request(url, prof) for url, prof in retries]
    for request in requests:
        enqueue(keys=[QUEUE, DUPEFILTER, INFLIGHT, INFLIGHT_REQUESTS],
                args=[queue._encode_request(request), "", ""])  # noqa: SLF001 - scrapy-redis's own encoding
    return len(starts), len(retries)
