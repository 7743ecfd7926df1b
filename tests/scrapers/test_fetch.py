"""Fetching from a local server: encodings, robots.txt, redirects, errors, limits, snapshots, 下一页."""
from __future__ import annotations

import hashlib
import json
import time

import pytest

from pageserver import PageServer, Route, article_html
from scrapers.fetch import Fetcher, FetchError, cached_snapshot
from scrapers.ingest import read_source

PARAS = ["香园社区秉承“最大的资源是人”的理念，以“了不起的邻居”治理品牌为切入点，形成以邻为伴的志愿服务格局。",
         "目前，社区共有志愿者4360人，占常住人口的62.2%，累计组建服务团队26支。"]


@pytest.fixture
def server():
    with PageServer() as s:
        s.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"})
        yield s


@pytest.fixture
def fetcher(tmp_path):
    with Fetcher(tmp_path / "cache", delay=0, timeout=1.0, retries=2, backoff=0.05, max_bytes=200_000) as f:
        yield f


def test_gbk_page_with_http_charset(server, fetcher, tmp_path):
    server.routes["/gbk.html"] = Route(article_html("香园社区入选最美志愿服务社区", PARAS, charset="gbk"),
                                       headers={"Content-Type": "text/html; charset=GBK"})
    article, _ = read_source(server.url("/gbk.html"), fetcher, tmp_path / "cache", False)
    assert article.title == "香园社区入选最美志愿服务社区"
    assert "了不起的邻居" in article.body


def test_wrong_charset_in_header_and_meta(server, fetcher, tmp_path):
    server.routes["/wrong.html"] = Route(article_html("编码声明错误的页面", PARAS, declared="gb2312"),
                                         headers={"Content-Type": "text/html; charset=gb2312"})
    article, _ = read_source(server.url("/wrong.html"), fetcher, tmp_path / "cache", False)
    assert article.title == "编码声明错误的页面"


def test_robots_disallow_is_obeyed(server, fetcher):
    server.routes["/private/a.html"] = Route(article_html("不该抓", PARAS))
    with pytest.raises(FetchError, match="robots.txt"):
        fetcher.fetch(server.url("/private/a.html"))
    assert server.hits.get("/private/a.html") is None


def test_redirect_is_followed_and_loop_is_stopped(server, fetcher):
    server.routes["/old.html"] = Route(status=301, location="/new.html")
    server.routes["/new.html"] = Route(article_html("新地址", PARAS))
    assert fetcher.fetch(server.url("/old.html")).final_url.endswith("/new.html")
    server.routes["/loop-a"] = Route(status=302, location="/loop-b")
    server.routes["/loop-b"] = Route(status=302, location="/loop-a")
    with pytest.raises(FetchError, match="重定向"):
        fetcher.fetch(server.url("/loop-a"))


def test_a_redirect_is_checked_against_robots_and_refused_to_anything_but_http_without_retrying(server, fetcher):
    server.routes["/moved.html"] = Route(status=302, location="/private/secret.html")
    server.routes["/private/secret.html"] = Route(article_html("不该抓", PARAS))
    with pytest.raises(FetchError, match="robots.txt"):
        fetcher.fetch(server.url("/moved.html"))
    assert server.hits.get("/private/secret.html") is None
    server.routes["/to-file"] = Route(status=302, location="file:///etc/passwd")
    with pytest.raises(FetchError, match="file:///etc/passwd"):
        fetcher.fetch(server.url("/to-file"))
    assert server.hits["/to-file"] == 1  # refused, not retried


def test_a_server_that_trickles_its_page_is_given_up_on_at_the_deadline(server, tmp_path):
    server.routes["/slow.html"] = Route(b"x" * 4000, trickle=0.1)
    started = time.monotonic()
    with Fetcher(tmp_path / "cache", delay=0, timeout=1.0, retries=2, backoff=0.05, deadline=1.0) as f:
        with pytest.raises(FetchError, match="秒内没有下载完"):
            f.fetch(server.url("/slow.html"))
    assert time.monotonic() - started < 5
    assert server.hits["/slow.html"] == 1


def test_404_is_reported_without_retrying(server, fetcher):
    with pytest.raises(FetchError, match="404"):
        fetcher.fetch(server.url("/missing.html"))
    assert server.hits["/missing.html"] == 1


def test_500_is_retried_until_it_succeeds(server, fetcher):
    server.routes["/flaky.html"] = Route(article_html("第三次才成功", PARAS), fail_first=2)
    assert fetcher.fetch(server.url("/flaky.html")).status == 200
    assert server.hits["/flaky.html"] == 3


def test_slow_page_times_out(server, fetcher):
    server.routes["/slow.html"] = Route(article_html("很慢", PARAS), delay=1.5)
    with pytest.raises(FetchError, match="超时"):
        fetcher.fetch(server.url("/slow.html"))


def test_huge_page_is_cut_off(server, fetcher):
    server.routes["/huge.html"] = Route(b"<p>" + "很长的内容".encode() * 100_000 + b"</p>")
    with pytest.raises(FetchError, match="上限"):
        fetcher.fetch(server.url("/huge.html"))


def test_one_request_a_second_per_host(server, tmp_path):
    server.routes["/a.html"] = Route(article_html("甲", PARAS))
    with Fetcher(delay=0.5) as f:
        f.fetch(server.url("/a.html"))  # also reads robots.txt
        start = time.monotonic()
        f.fetch(server.url("/a.html"))
        assert time.monotonic() - start >= 0.45


def test_snapshot_is_kept_and_reused(server, fetcher, tmp_path):
    data = article_html("快照", PARAS)
    server.routes["/snap.html"] = Route(data)
    got = fetcher.fetch(server.url("/snap.html"))
    assert got.sha256 == hashlib.sha256(data).hexdigest()
    assert got.snapshot.read_bytes() == data
    entry = json.loads((tmp_path / "cache" / "snapshots.jsonl").read_text().splitlines()[-1])
    assert entry["url"] == server.url("/snap.html") and entry["sha256"] == got.sha256
    server.routes.clear()  # the site goes away; the snapshot still extracts
    article, _ = read_source(server.url("/snap.html"), None, tmp_path / "cache", True)
    assert article.title == "快照"
    assert cached_snapshot(tmp_path / "cache", server.url("/nope.html")) is None


def test_multi_page_article_follows_next_page(server, fetcher, tmp_path):
    more = ["第二页的内容：社区还组建了“红蚂蚁”志愿者队伍，以集卡司机党员、骨干为主要力量，开展多种服务。"]
    server.routes["/story.html"] = Route(article_html("分页的文章", PARAS, extra='<p><a href="/story_2.html">下一页</a></p>'))
    server.routes["/story_2.html"] = Route(article_html("分页的文章", more))
    article, _ = read_source(server.url("/story.html"), fetcher, tmp_path / "cache", False)
    assert "了不起的邻居" in article.body and "红蚂蚁" in article.body


def test_cli_ingest_from_a_url_writes_drafts_and_keeps_a_snapshot(server, project, capsys):
    from generator.cli import main

    lines = "".join(f"<p>{i}、{n}</p>" for i, n in enumerate(["嘉定区菊园新区社区志愿服务中心", "长宁区虹桥街道社区志愿服务中心",
                                                            "徐汇区斜土街道社区志愿服务中心"], 1))
    page = article_html("2021年上海市社区志愿服务示范中心名单公布", PARAS,
                        extra=f"<p>一、制度创新示范中心(3个)</p>{lines}", date="2021-04-01 09:30")
    server.routes["/news/2021/list.html"] = Route(page)
    url = server.url("/news/2021/list.html")
    assert main(["--project", str(project), "ingest", "--delay", "0", url]) == 0
    out = capsys.readouterr().out
    assert "content/records/editions/" in out and "content/news/2021-04-01-" in out
    edition = next((project / "content/records/editions").glob("*2021.yaml")).read_text(encoding="utf-8")
    assert "status: draft" in edition and "长宁区虹桥街道社区志愿服务中心" in edition and url in edition
    assert list((project / ".bangyang-cache" / "snapshots").glob("*.raw"))
    hits = server.hits["/news/2021/list.html"]
    assert main(["--project", str(project), "ingest", "--from-cache", url]) == 0
    assert "新建" not in capsys.readouterr().out  # nothing new
    assert server.hits["/news/2021/list.html"] == hits  # and not fetched again
