"""`bangyang crawl`: a column on a local server, with every fault the crawl must survive and report."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml

from pageserver import PageServer, Route, article_html

BODY = ["社区志愿服务中心开展便民服务，组织志愿者为居民理发、义诊和维修家电，全年服务群众三千余人次。",
        "中心还建立积分兑换制度，激励更多居民参与志愿服务，注册志愿者达到1200余人。"]

# (path, headline on the list, route) — one article per case of the matrix
CASES = {
    "/2024/05/plain.html": ("普通的文章标题", lambda: Route(article_html("普通的文章", BODY, date="2024-05-01 09:00"))),
    "/2024/05/gbk.html": ("GBK 编码的文章标题", lambda: Route(article_html("GBK编码的文章", BODY, charset="gbk", date="2024-05-02 09:00"),
                                                            headers={"Content-Type": "text/html"})),
    "/2024/05/wrongcs.html": ("声明错了编码的文章", lambda: Route(article_html("声明错了编码的文章", BODY, declared="gbk", date="2024-05-03 09:00"),
                                                            headers={"Content-Type": "text/html; charset=gbk"})),
    "/2024/05/flaky.html": ("先出错后成功的文章", lambda: Route(article_html("先出错后成功", BODY, date="2024-05-04 09:00"), fail_first=1)),
    "/2024/05/long.html": ("分两页的长文章", lambda: Route(article_html("分两页的长文章", BODY, date="2024-05-07 09:00",
                                                                 extra='<p><a href="/2024/05/long_2.html">下一页</a></p>'))),
    "/2024/05/moved.html": ("搬了家的文章标题", lambda: Route(status=301, location="/2024/05/new-home.html")),
    "/2024/05/loop.html": ("重定向循环的文章", lambda: Route(status=302, location="/2024/05/loop-b.html")),
    "/2024/05/missing.html": ("已经删除的文章", None),
    "/2024/05/slow.html": ("很慢很慢的文章标题", lambda: Route(article_html("很慢", BODY), delay=2.5)),
    "/2024/05/huge.html": ("特别大的文章页面", lambda: Route(b"<p>" + "大".encode() * 300_000 + b"</p>")),
    "/private/2024/secret.html": ("不许机器抓的文章", lambda: Route(article_html("不许抓", BODY))),
}


def _list_page(links: list[str], next_page: str | None) -> bytes:
    items = "".join(f'<li><a href="{p}">{CASES[p][0]}</a><span>2024-05-0{i % 9 + 1}</span></li>' for i, p in enumerate(links))
    more = f'<div class="pages"><a href="/">首页</a> <a href="{next_page}">下一页</a></div>' if next_page else ""
    return (f'<html><head><meta charset="utf-8"><title>榜样的力量</title></head><body>'
            f'<div class="nav"><a href="/">首页</a></div><ul class="list">{items}</ul>{more}</body></html>').encode()


@pytest.fixture
def column():
    with PageServer() as s:
        s.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"})
        paths = list(CASES)
        s.routes["/col/index.html"] = Route(_list_page(paths[:6], "/col/index_1.html"))
        s.routes["/col/index_1.html"] = Route(_list_page(paths[6:], None))
        for path, (_, make) in CASES.items():
            if make:
                s.routes[path] = make()
        s.routes["/2024/05/long_2.html"] = Route(article_html("分两页的长文章", ["第二页写到了“红蚂蚁”志愿者队伍，以集卡司机党员为骨干，服务群众上千人次。"]))
        s.routes["/2024/05/new-home.html"] = Route(article_html("搬家后的文章", BODY, date="2024-05-05 09:00"))
        s.routes["/2024/05/loop-b.html"] = Route(status=302, location="/2024/05/loop.html")
        yield s


def crawl(project, server) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", "--project", str(project), "crawl", "generic",
         "--start", server.url("/col/index.html"), "--delay", "0", "--timeout", "1", "--max-kb", "400"],
        capture_output=True, text=True, timeout=180)


def test_crawl_ingests_the_good_pages_and_reports_every_failure(project, column):
    run = crawl(project, column)
    out = run.stdout
    assert run.returncode == 1, run.stderr  # it finished, with failures to report
    assert "列表页 2 个" in out  # followed 下一页
    assert "新文章 6 篇" in out
    for path, reason in [("/private/2024/secret.html", "robots.txt 不允许抓取"), ("/2024/05/missing.html", "HTTP 404"),
                         ("/2024/05/slow.html", "超时"), ("/2024/05/huge.html", "超过上限"),
                         ("/2024/05/loop", "重定向次数过多")]:
        line = next((ln for ln in out.splitlines() if path in ln), "")
        assert reason in line, (path, out)
    assert column.hits.get("/private/2024/secret.html") is None
    news = {p.read_text(encoding="utf-8").split("\n", 1)[0] for p in (project / "content" / "news").glob("2024-05-*.md")}
    assert news == {"Title: 普通的文章", "Title: GBK编码的文章", "Title: 声明错了编码的文章", "Title: 先出错后成功",
                    "Title: 搬家后的文章", "Title: 分两页的长文章"}
    long = next(p for p in (project / "content" / "news").glob("*.md") if "分两页" in p.read_text(encoding="utf-8"))
    assert "红蚂蚁" in long.read_text(encoding="utf-8")  # 下一页 was followed
    assert (project / ".bangyang-cache" / "scrapy-httpcache").is_dir()


def test_recrawl_fetches_only_what_is_new_or_failed(project, column):
    crawl(project, column)
    before = dict(column.hits)
    written = sorted(p.name for p in (project / "content" / "news").glob("*.md"))
    column.routes["/2024/05/missing.html"] = Route(article_html("恢复了的文章", BODY, date="2024-05-06 09:00"))
    run = crawl(project, column)
    assert "以前抓过 6 篇" in run.stdout and "新文章 1 篇" in run.stdout
    for path in ("/2024/05/plain.html", "/2024/05/gbk.html", "/2024/05/flaky.html", "/2024/05/new-home.html"):
        assert column.hits[path] == before[path], path  # not fetched again
    assert column.hits["/col/index.html"] == before["/col/index.html"] + 1  # list pages are always fresh
    now = sorted(p.name for p in (project / "content" / "news").glob("*.md"))
    assert set(written) < set(now) and len(now) == len(written) + 1  # nothing lost, one added


_ORDER_PROBE = """
import json, sys
from pathlib import Path
import scrapy.core.engine as engine
from scrapers import crawl
scheduled, done = [], {}
real = engine.ExecutionEngine._schedule_request
def schedule(self, request):
    real(self, request)
    scheduled.append(request.url)
engine.ExecutionEngine._schedule_request = schedule
crawl.LocalSink.done = lambda self, request: done.setdefault(request.url, list(scheduled))
crawl.crawl(Path(sys.argv[1]), "generic", [sys.argv[2]], delay=0, timeout=1, max_bytes=400 * 1024, http_cache=False)
print(json.dumps(done))
"""


def test_a_list_page_is_done_only_once_every_link_on_it_is_queued(project, column):
    """The distributed crawl ends a list page's task when the page is done: a worker killed
    after that must have queued every link on it already, or those articles are lost."""
    run = subprocess.run([sys.executable, "-c", _ORDER_PROBE, str(project), column.url("/col/index.html")],
                         capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    done = json.loads(run.stdout.strip().splitlines()[-1])
    queued_then = done[column.url("/col/index.html")]
    on_page = [column.url(p) for p in list(CASES)[:6]] + [column.url("/col/index_1.html")]
    assert set(on_page) <= set(queued_then), queued_then


def test_unknown_profile_says_what_to_do(project):
    run = subprocess.run([sys.executable, "-m", "generator.cli", "--project", str(project), "crawl", "nosuch"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "profiles.yaml" in run.stderr


def test_requests_for_redis_are_stored_as_data_never_as_pickles():
    import pickle

    from scrapers import request_codec

    request = {"url": "http://127.0.0.1/a.html", "headers": {b"Referer": [b"http://127.0.0.1/"]},
               "body": b"", "meta": {"page_bytes": "页".encode(), "redirect_urls": ("a", "b")}}
    data = request_codec.dumps(request)
    assert data.startswith(b"{")  # JSON
    back = request_codec.loads(data)
    assert back["headers"] == {b"Referer": [b"http://127.0.0.1/"]} and back["meta"]["page_bytes"] == "页".encode()
    with pytest.raises(TypeError):
        request_codec.dumps({"meta": {"first": object()}})
    with pytest.raises(ValueError):  # what an attacker with access to Redis would plant
        request_codec.loads(pickle.dumps({"url": "x"}))


NOTICE = "2019年度上海市社区志愿服务示范中心名单公布"


@pytest.fixture
def notice_column():
    """A column whose one notice prints no list and links it as a Word file, beside a file that is gone."""
    from test_attachments import _docx

    with PageServer() as s:
        s.routes["/robots.txt"] = Route(b"User-agent: *\n", headers={"Content-Type": "text/plain"})
        s.routes["/col/index.html"] = Route(_list_page_of([("/2019/12/t1.html", NOTICE)]))
        s.routes["/2019/12/t1.html"] = Route(article_html(
            NOTICE, ["经评审，一批社区志愿服务中心获评示范中心，名单见附件。"], date="2019-12-20 10:00",
            extra='<p>附件：<a href="/files/mingdan.docx">示范中心名单.docx</a></p><p><a href="/files/gone.docx">说明.docx</a></p>'))
        s.routes["/files/mingdan.docx"] = Route(_docx(), headers={"Content-Type": "application/octet-stream"})
        s.docx = s.routes["/files/mingdan.docx"].body
        yield s


def _list_page_of(items: list[tuple[str, str]]) -> bytes:
    lis = "".join(f'<li><a href="{p}">{t}</a></li>' for p, t in items)
    return f'<html><head><meta charset="utf-8"></head><body><ul>{lis}</ul></body></html>'.encode()


def assert_notice_list_ingested(project, docx: bytes) -> None:
    """The notice's list, read from its Word file, is in the edition, with the file kept for download."""
    from test_attachments import PAIRS

    path = project / "content/records/editions/shanghai-shequ-zhiyuan-shifan-2019.yaml"
    edition = yaml.safe_load(path.read_text(encoding="utf-8"))
    names = {e["name"] for c in edition["categories"] for e in c["entries"]}
    assert {name for _, name in PAIRS} <= names
    [attached] = edition["attachments"]
    assert (project / "content/attachments" / attached["file"]).read_bytes() == docx


def test_a_crawled_notice_brings_the_list_it_attaches(project, notice_column):
    run = subprocess.run(
        [sys.executable, "-m", "generator.cli", "--project", str(project), "crawl", "generic",
         "--start", notice_column.url("/col/index.html"), "--delay", "0", "--timeout", "2"],
        capture_output=True, text=True, timeout=120)
    assert "新文章 1 篇" in run.stdout, (run.stdout, run.stderr)
    assert "跳过 附件 说明.docx: HTTP 404" in run.stdout
    assert_notice_list_ingested(project, notice_column.docx)
