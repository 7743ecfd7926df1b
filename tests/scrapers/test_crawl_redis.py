"""The distributed crawl: a Redis server started here, two workers, one ingester, and a
column of 200 articles over 20 list pages on a local server. Processes are killed and
Redis stopped on the way; every article must be ingested exactly once."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis

from pageserver import PageServer, Route, article_html
from redisserver import REDIS, RedisServer
from test_crawl import assert_notice_list_ingested, notice_column  # noqa: F401 - a fixture

pytestmark = pytest.mark.skipif(REDIS is None, reason="redis-server is not installed (make test installs it)")

LISTS, PER_LIST = 20, 10
SPLIT, MOVED, FLAKY = 7, 13, 21  # an article over two pages, one moved (301), one that fails once
NAMES = ["社区", "街道", "服务队", "服务站", "实践所"]


def _article_path(i: int) -> str:
    return f"/2024/{i // 28 + 1:02d}/t2024_{i:04d}.html"


def _list_path(page: int) -> str:
    return "/col/index.html" if page == 0 else f"/col/index_{page}.html"


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path / "redis")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def column():
    with PageServer() as s:
        s.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"})
        for page in range(LISTS):
            items = "".join(
                f'<li><a href="{_article_path(i)}">第{i}号志愿服务{NAMES[i % 5]}的好故事</a><span>2024-05-01</span></li>'
                for i in range(page * PER_LIST, (page + 1) * PER_LIST))
            more = f'<div class="pages"><a href="{_list_path(page + 1)}">下一页</a></div>' if page + 1 < LISTS else ""
            s.routes[_list_path(page)] = Route(
                f'<html><head><meta charset="utf-8"><title>志愿服务</title></head><body><ul>{items}</ul>{more}</body></html>'.encode())
        for i in range(LISTS * PER_LIST):
            day = f"2024-{i % 12 + 1:02d}-{i % 27 + 1:02d} {8 + i // 60:02d}:{i % 60:02d}"  # one article a minute
            path = _article_path(i)
            extra = f'<p><a href="{path.removesuffix(".html")}_2.html">下一页</a></p>' if i == SPLIT else ""
            s.routes[path] = Route(article_html(
                f"第{i}号{NAMES[i % 5]}开展志愿服务", [f"第{i}号{NAMES[i % 5]}组织志愿者开展便民服务，为居民理发、义诊，全年服务群众三千余人次。",
                                              "中心建立积分兑换制度，激励更多居民参与志愿服务。"], date=day, extra=extra),
                fail_first=1 if i == FLAKY else 0)
        # Tasks that go on in another request: a second page, a redirect, a retry after a 500.
        s.routes[_article_path(SPLIT).removesuffix(".html") + "_2.html"] = Route(
            article_html("第二页", ["第二页写到了“红蚂蚁”志愿者队伍，服务群众上千人次。"]))
        s.routes["/moved/home.html"] = s.routes[_article_path(MOVED)]
        s.routes[_article_path(MOVED)] = Route(status=301, location="/moved/home.html")
        yield s


def _bangyang(project: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "generator.cli", "--project", str(project), *args]


def _seed(project, redis_server, column) -> subprocess.CompletedProcess:
    return subprocess.run(_bangyang(project, "crawl", "generic", "--start", column.url(_list_path(0)),
                                    "--redis", redis_server.url, "--max-pages", "50"),
                          capture_output=True, text=True, timeout=60)


def _worker(project, redis_server, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(_bangyang(project, "crawl", "--worker", "--redis", redis_server.url, "--delay", "0",
                                      "--idle", "3", "--lease", "3", "--timeout", "5", *extra),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _ingester(project, redis_server) -> subprocess.Popen:
    return subprocess.Popen(_bangyang(project, "ingest", "--from-redis", redis_server.url, "--idle", "4"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _crawled_news(project: Path) -> list[str]:
    """The article numbers of the news files written from the column (one each, if nothing doubled)."""
    out = []
    for path in (project / "content" / "news").glob("2024-*.md"):
        title = path.read_text(encoding="utf-8").split("\n", 1)[0]
        if title.startswith("Title: 第") and "开展志愿服务" in title:
            out.append(title.removeprefix("Title: 第").split("号", 1)[0])
    return sorted(out, key=int)


def _wait(*procs: subprocess.Popen, timeout: float = 240) -> list[tuple[int, str, str]]:
    out = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=timeout)
        out.append((proc.returncode, stdout, stderr))
    return out


def _until(condition, timeout: float = 120, why=lambda: "") -> None:
    """Wait for ``condition``; on a time-out, ``why()`` says what the crawl was doing."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out: {why()}"
        time.sleep(0.1)


def _state(redis_server, column, project, *procs: subprocess.Popen) -> str:
    """What Redis holds, what was fetched and written, and the output of any process that ended."""
    client = redis.Redis.from_url(redis_server.url)
    keys = {k.decode(): client.type(k).decode() for k in client.scan_iter("bangyang:*")}
    sizes = {k: {"list": client.llen, "hash": client.hlen, "stream": client.xlen, "set": client.scard}.get(t, lambda _: t)(k)
             for k, t in sorted(keys.items()) if not k.startswith("bangyang:host:")}
    ended = []
    for proc in procs:
        if proc.poll() is not None:
            out, err = proc.communicate()
            ended.append(f"pid {proc.pid} ended {proc.returncode}: {out[-2000:]} {err[-2000:]}")
    return (f"redis {sizes}; article pages fetched {len(_article_hits(column))}; "
            f"news written {len(_crawled_news(project))}; {' '.join(ended) or 'no process ended'}")


def _article_hits(column) -> dict[str, int]:
    return {p: n for p, n in list(column.hits.items()) if p.startswith("/2024/")}


ALL = [str(i) for i in range(LISTS * PER_LIST)]


def test_two_workers_and_an_ingester_take_every_article_once_and_a_recrawl_fetches_none_again(
        project, redis_server, column):
    seeded = _seed(project, redis_server, column)
    assert seeded.returncode == 0, seeded.stderr
    assert "栏目列表页 1 个" in seeded.stdout
    workers = [_worker(project, redis_server), _worker(project, redis_server)]
    ingester = _ingester(project, redis_server)
    results = _wait(*workers, ingester)
    for code, out, err in results:
        assert code == 0, (out, err)
    assert _crawled_news(project) == ALL
    split = next(p for p in (project / "content" / "news").glob("*.md") if f"第{SPLIT}号" in p.read_text(encoding="utf-8"))
    assert "红蚂蚁" in split.read_text(encoding="utf-8")  # its second page was read into it
    first = _article_hits(column)
    hits = dict(first)
    assert len(hits) == 201 and hits.pop(_article_path(FLAKY)) == 2, hits  # with the second page; the 500, then again
    assert set(hits.values()) == {1}, hits  # every other article fetched once, by one of the two
    pushed = [int(out.split("交给导入的文章 ")[1].split(" ")[0]) for _, out, _ in results[:2]]
    assert sum(pushed) == 200, pushed  # between them; a worker takes what it can while the other parses
    assert "导入文章 200 篇" in results[2][1]

    # Again, from the start of the column: the list page is read, no article is fetched again.
    lists_before = column.hits[_list_path(0)]
    assert _seed(project, redis_server, column).returncode == 0
    results = _wait(_worker(project, redis_server), _ingester(project, redis_server))
    assert all(code == 0 for code, _, _ in results), results
    assert _article_hits(column) == first
    assert column.hits[_list_path(0)] == lists_before + 1
    assert "以前抓过 10 篇" in results[0][1]
    assert _crawled_news(project) == ALL


def test_a_worker_killed_midway_and_an_ingester_killed_and_restarted_lose_and_double_nothing(
        project, redis_server, column):
    assert _seed(project, redis_server, column).returncode == 0
    workers = [_worker(project, redis_server), _worker(project, redis_server)]
    ingester = _ingester(project, redis_server)
    _until(lambda: len(_article_hits(column)) >= 50)
    # Kill the worker that holds requests at that moment (its id carries its process id).
    client = redis.Redis.from_url(redis_server.url)
    holders: set[int] = set()
    _until(lambda: holders.update(int(w.split(b"-")[-2]) for w in client.hvals("bangyang:inflight")) or holders)
    doomed = next(w for w in workers if w.pid in holders)
    survivor = next(w for w in workers if w is not doomed)
    doomed.send_signal(signal.SIGKILL)
    _until(lambda: len(_crawled_news(project)) >= 70,
           why=lambda: _state(redis_server, column, project, survivor, ingester))
    ingester.send_signal(signal.SIGKILL)
    doomed.wait(10)
    ingester.wait(10)
    restarted = _ingester(project, redis_server)
    (code, out, err), (icode, iout, ierr) = _wait(survivor, restarted)
    assert code == 0, (out, err)
    assert "接手了已停止的抓取进程的请求" in out  # the dead worker's requests were put back and done
    assert icode == 0, (iout, ierr)
    assert _crawled_news(project) == ALL  # nothing missing, nothing written twice
    assert len(_article_hits(column)) == 201


def test_workers_wait_for_redis_to_come_back(project, redis_server, column):
    assert _seed(project, redis_server, column).returncode == 0
    workers = [_worker(project, redis_server), _worker(project, redis_server)]
    ingester = _ingester(project, redis_server)
    _until(lambda: len(_article_hits(column)) >= 40)
    redis_server.stop()
    time.sleep(3)
    assert all(p.poll() is None for p in [*workers, ingester])  # waiting, not gone
    redis_server.start()
    results = _wait(*workers, ingester)
    for code, out, err in results:
        assert code == 0, (out, err)
    assert _crawled_news(project) == ALL


def test_entries_redis_handed_to_the_ingester_as_it_went_away_are_still_ingested(project, redis_server, monkeypatch):
    """The reply to a read for new entries lost with the connection: Redis counts them as the
    ingester's, pending, and no later read for new entries brings them again."""
    from types import SimpleNamespace

    from scrapers import extract_article
    from scrapers.redis_ingest import ingest_stream
    from scrapers.redis_worker import RedisSink, WorkerReport

    sink = RedisSink(redis.Redis.from_url(redis_server.url), WorkerReport(), wait=5)
    for i in range(3):
        url = f"http://127.0.0.1:9/2024/01/t2024_{i:04d}.html"
        page = article_html(f"第{i}号社区开展志愿服务", [f"第{i}号社区组织志愿者开展便民服务，全年服务群众三千余人次。"],
                            date=f"2024-01-{i + 1:02d} 09:00")
        sink.article(url, extract_article(page, url), page, SimpleNamespace(meta={}))
    real = redis.Redis.xreadgroup
    lost = []

    def read(self, group, consumer, streams, *args, **kwargs):
        got = real(self, group, consumer, streams, *args, **kwargs)
        if not lost and ">" in streams.values() and got:
            lost.append(got)  # delivered, but the answer never came back
            return []
        return got
    monkeypatch.setattr(redis.Redis, "xreadgroup", read)
    report = ingest_stream(project, redis_server.url, idle=0.5, wait=5)
    assert lost, "no read for new entries delivered anything"
    assert _crawled_news(project) == ["0", "1", "2"], report.lines()


def test_workers_that_cannot_reach_redis_say_so(project, redis_server):
    redis_server.stop()
    run = subprocess.run(_bangyang(project, "crawl", "--worker", "--redis", redis_server.url, "--redis-wait", "1"),
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert "连不上 Redis" in run.stderr
    bad = subprocess.run(_bangyang(project, "crawl", "generic", "--start", "http://127.0.0.1:9/", "--redis", "http://x"),
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "redis://" in bad.stderr


def test_politeness_holds_across_workers(project, redis_server):
    with PageServer() as s:
        s.routes["/robots.txt"] = Route(b"User-agent: *\n", headers={"Content-Type": "text/plain"})
        s.routes["/col/index.html"] = Route(
            ('<html><head><meta charset="utf-8"></head><body><ul>' + "".join(
                f'<li><a href="{_article_path(i)}">第{i}号志愿服务社区的好故事</a></li>' for i in range(5))
             + "</ul></body></html>").encode())
        for i in range(5):
            s.routes[_article_path(i)] = Route(article_html(f"第{i}号社区开展志愿服务", ["组织志愿者开展便民服务，为居民理发、义诊。"]))
        assert _seed(project, redis_server, s).returncode == 0
        workers = [_worker(project, redis_server, "--delay", "1"), _worker(project, redis_server, "--delay", "1")]
        _wait(*workers)
        times = sorted(s.times)
    assert len(times) >= 7  # robots.txt (once per worker, or shared), the list, five articles
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert min(gaps) >= 0.9, gaps


def test_a_notice_crawled_by_a_worker_brings_its_attached_list_to_the_ingester(project, redis_server, notice_column):
    seeded = subprocess.run(_bangyang(project, "crawl", "generic", "--start", notice_column.url("/col/index.html"),
                                      "--redis", redis_server.url), capture_output=True, text=True, timeout=60)
    assert seeded.returncode == 0, seeded.stderr
    (wcode, wout, werr), (icode, iout, ierr) = _wait(_worker(project, redis_server), _ingester(project, redis_server))
    assert "交给导入的文章 1 篇" in wout and "跳过 附件 说明.docx: HTTP 404" in wout, (wout, werr)
    assert icode == 0, (iout, ierr)
    assert_notice_list_ingested(project, notice_column.docx)  # the file went through Redis whole
