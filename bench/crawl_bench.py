"""Crawl throughput: the distributed crawl with 1, 2 and 4 workers against one process.

    python bench/crawl_bench.py [--columns 8] [--lists 10] [--per-list 20] [--runs 3] [--json bench/results/crawl.json]

A local page server (tests/pageserver.py) serves ``columns`` columns of ``lists`` list
pages with ``per-list`` articles each; per-host politeness is off (``--delay 0``), so the
figures are what the machine can do, not what a portal allows. Rows:

- ``one process``: `bangyang crawl` as on one machine, fetching and ingesting in turn (the peer);
- ``workers ×k``: k `bangyang crawl --worker` processes fetching and extracting into Redis;
  then
- ``ingester``: `bangyang ingest --from-redis` writing the articles those workers pushed.

Fetching is timed from the first request the server sees to the last article page it
serves (Scrapy's start-up, about a second a process, is left out); the ingester from its
start to its end. redis-server is started on a free port of 127.0.0.1 and stopped afterwards. Nothing here
runs in CI.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests")]

from helpers import copy_project  # noqa: E402
from pageserver import PageServer, Route, article_html  # noqa: E402
from redisserver import RedisServer  # noqa: E402


def serve_columns(server: PageServer, columns: int, lists: int, per_list: int) -> tuple[list[str], set[str]]:
    """Routes for the columns; (their first list pages, every article path)."""
    server.routes["/robots.txt"] = Route(b"User-agent: *\n", headers={"Content-Type": "text/plain"})
    starts, articles, n = [], set(), 0
    for c in range(columns):
        for page in range(lists):
            items = []
            for _ in range(per_list):
                path = f"/c{c}/2024/t2024_{n:05d}.html"
                minute = f"{8 + n // 60 % 12:02d}:{n % 60:02d}"
                server.routes[path] = Route(article_html(
                    f"第{n}号社区开展志愿服务活动", [f"第{n}号社区组织志愿者为居民理发、义诊、维修家电，全年服务群众三千余人次。",
                                            "社区建立积分兑换制度，激励居民参与志愿服务。" * 8],
                    date=f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d} {minute}"))
                items.append(f'<li><a href="{path}">第{n}号社区开展志愿服务活动的报道</a></li>')
                articles.add(path)
                n += 1
            more = f'<a href="/c{c}/index_{page + 1}.html">下一页</a>' if page + 1 < lists else ""
            path = f"/c{c}/index.html" if page == 0 else f"/c{c}/index_{page}.html"
            server.routes[path] = Route(f'<html><head><meta charset="utf-8"></head><body><ul>{"".join(items)}</ul>'
                                        f'{more}</body></html>'.encode())
        starts.append(server.url(f"/c{c}/index.html"))
    return starts, articles


def bangyang(project: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "generator.cli", "--project", str(project), *args]


def wait_for(condition, timeout: float = 1800) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        time.sleep(0.02)


def run(columns: int, lists: int, per_list: int) -> list[dict]:
    rows = []
    pages = columns * lists * (per_list + 1)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # The peer: one process fetching and ingesting in turn.
        with PageServer() as server:
            starts, articles = serve_columns(server, columns, lists, per_list)
            project = copy_project(tmp / "one")
            subprocess.run(bangyang(project, "crawl", "generic", *[a for s in starts for a in ("--start", s)],
                                    "--delay", "0", "--no-http-cache"), check=True, capture_output=True)
            seconds = server.times[-1] - server.times[0]
            assert articles <= set(server.hits), "the one-process crawl missed articles"
        rows.append({"tool": "bangyang crawl (one process)", "case": "fetch, extract and ingest", "count": pages,
                     "unit": "pages", "seconds": round(seconds, 2), "per_s": round(pages / seconds, 1)})
        for workers in (1, 2, 4):
            with PageServer() as server:
                starts, articles = serve_columns(server, columns, lists, per_list)
                redis_server = RedisServer(tmp / f"redis-{workers}")
                redis_server.start()
                try:
                    project = copy_project(tmp / f"w{workers}")
                    subprocess.run(bangyang(project, "crawl", "generic", *[a for s in starts for a in ("--start", s)],
                                            "--redis", redis_server.url), check=True, capture_output=True)
                    procs = [subprocess.Popen(bangyang(project, "crawl", "--worker", "--redis", redis_server.url,
                                                       "--delay", "0", "--idle", "1"),
                                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                             for _ in range(workers)]
                    wait_for(lambda: articles <= set(server.hits))
                    seconds = time.monotonic() - server.times[0]  # from the first request: not Scrapy's start-up
                    for proc in procs:
                        proc.wait(120)
                    rows.append({"tool": f"bangyang crawl --worker ×{workers}", "case": "fetch and extract",
                                 "count": pages, "unit": "pages", "seconds": round(seconds, 2),
                                 "per_s": round(pages / seconds, 1)})
                    t = time.perf_counter()
                    subprocess.run(bangyang(project, "ingest", "--from-redis", redis_server.url, "--idle", "0"),
                                   check=True, capture_output=True)
                    seconds = time.perf_counter() - t
                    written = len(list((project / "content" / "news").glob("2024-*.md")))
                    assert written == len(articles), (written, len(articles))
                    rows.append({"tool": "bangyang ingest --from-redis", "case": f"after ×{workers}",
                                 "count": len(articles), "unit": "articles", "seconds": round(seconds, 2),
                                 "per_s": round(len(articles) / seconds, 1)})
                finally:
                    redis_server.stop()
                    shutil.rmtree(tmp / f"redis-{workers}", ignore_errors=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--columns", type=int, default=8)
    ap.add_argument("--lists", type=int, default=10)
    ap.add_argument("--per-list", type=int, default=20)
    ap.add_argument("--runs", type=int, default=3, help="rounds; each row is the median")
    ap.add_argument("--json", default=str(ROOT / "bench" / "results" / "crawl.json"))
    args = ap.parse_args()
    rounds = [run(args.columns, args.lists, args.per_list) for _ in range(args.runs)]
    rows = []
    for i, row in enumerate(rounds[0]):
        seconds = statistics.median(r[i]["seconds"] for r in rounds)
        rows.append({**row, "seconds": seconds, "per_s": round(row["count"] / seconds, 1), "runs": args.runs})
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    for row in rows:
        row["version"] = commit
        print(f"{row['tool']:<34} {row['case']:<26} {row['count']:>5} {row['unit']:<8} {row['seconds']:>7.2f} s "
              f"{row['per_s']:>6.1f} /s")
    Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
