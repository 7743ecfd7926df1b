"""The one ingester of a distributed crawl (`bangyang ingest --from-redis R`): each article
the workers pushed is written into the project by ingest's rules, and acknowledged only
once its files are written; started again, it reads what it had not acknowledged first."""
from __future__ import annotations

import hashlib
import json
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import redis

from .article import KeptFile, article_from_dict
from .fetch import Fetched, store_snapshot
from .redis_queue import (GROUP, INFLIGHT, QUEUE, SEEN, STREAM, UNREACHABLE, WORKER, RedisUnavailable, connect, now,
                          seen_entry)


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
            for entry_id, fields in entries:
                _ingest_entry(server, ingest, project / CACHE_DIR, entry_id, fields, report, structure)
            if entries:
                quiet_since = time.monotonic()
                continue
            if not pending:
                # Nothing new. Entries Redis handed over just as it went away never arrived here
                # (the client read again once it was back), yet are pending as this consumer's,
                # and no read for new entries brings them again: read the pending ones again.
                pending = True
                continue
            pending = False
            if crawl_idle(server):
                if time.monotonic() - quiet_since >= idle:
                    return report
            else:
                quiet_since = time.monotonic()
    except UNREACHABLE as exc:
        raise RedisUnavailable(f"{wait:.0f} 秒内连不上 Redis ({exc}); 已写入的文章都已确认, "
                               "其余仍在 Redis 里, 重新运行本命令即可接着导入") from None


def _ingest_entry(server, ingest, cache: Path, entry_id, fields: dict | None, report: StreamReport, structure) -> None:
    if not fields:  # deleted from the stream while pending here: nothing left to write
        _acknowledge(server, entry_id)
        return
    url = fields[b"url"].decode()
    if seen_entry(server, url).get("status") == "ingested":
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
        status.update(at=now(), profile=fields.get(b"profile", b"generic").decode())
        server.hset(SEEN, url, json.dumps(status, ensure_ascii=False))
    _acknowledge(server, entry_id)


def _acknowledge(server, entry_id) -> None:
    pipe = server.pipeline(transaction=True)
    pipe.xack(STREAM, GROUP, entry_id)
    pipe.xdel(STREAM, entry_id)
    pipe.execute()
