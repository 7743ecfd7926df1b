"""Bylines: 来源, 作者 and 编辑 read only where they are labels; dates never made up."""

from __future__ import annotations

from pageserver import article_html
from scrapers import extract_article
from scrapers.bylines import parse_byline
from scrapers.ingest import Ingest


def test_labels_inside_other_words_are_not_labels():
    assert parse_byline("社区工作者张三带领志愿者开展活动").author is None
    assert parse_byline("本文为澎湃号作者或机构在澎湃新闻上传并发布").author is None
    assert parse_byline("来源于网络，如有侵权请联系删除").source is None
    bar = parse_byline("2024-05-06 10:00  来源：宁波日报  作者：王明  责任编辑：李华")
    assert (bar.source, bar.author, bar.editor) == ("宁波日报", "王明", "李华")
    assert parse_byline("新华社记者 张三").author == "张三"


def test_a_footer_disclaimer_does_not_replace_the_info_bar_source():
    page = article_html("某某社区志愿服务队获评优秀志愿服务组织", ["某某社区志愿服务队扎根社区多年，开展助老服务。",
                                                   "（部分图片来源于网络，如有侵权请联系删除）"], source="宁波日报")
    assert extract_article(page).source == "宁波日报"


def test_a_page_without_a_full_date_is_reported_and_same_day_titles_get_their_own_files(project, tmp_path):
    undated = tmp_path / "undated.txt"
    undated.write_text("某某社区举办志愿服务活动\n\n来源：宁波日报\n\n某某社区志愿者开展助老服务，居民纷纷点赞。\n", encoding="utf-8")
    report = Ingest(project).run([str(undated)])
    assert any("没有完整的发布日期" in line for line in report.check), report.lines()

    first, second = tmp_path / "a.html", tmp_path / "b.html"
    first.write_bytes(article_html("宁波市志愿服务先进典型名单公布（一）", ["第一篇文章的正文，讲述志愿服务。"]))
    second.write_bytes(article_html("宁波市志愿服务先进典型名单公布（二）", ["第二篇文章的正文，讲述另一件事。"],
                                    source="另一家报纸"))
    report = Ingest(project).run([str(first), str(second)])
    news = [line for line in report.created if line.startswith("content/news/")]
    assert len(news) == 2 and news[0] != news[1], report.lines()


def _page(info: str, body_first: bool = False) -> bytes:
    text = "某某社区志愿者开展助老服务，居民纷纷点赞。" * 20
    info_html = f'<div class="info">{info}</div>'
    if body_first:  # the info bar inside the body block, right under the headline
        return (f'<html><head><title>某市表彰最美志愿者_某某网</title></head><body><div class="content">'
                f'<h1>某市表彰最美志愿者</h1><p>{info}</p><p>{text}</p></div></body></html>').encode("utf-8")
    return (f'<html><head><title>某市表彰最美志愿者</title></head><body><h1>某市表彰最美志愿者</h1>{info_html}'
            f'<div class="content"><p>{text}</p><p>{text}</p></div></body></html>').encode("utf-8")


def test_a_value_stops_where_a_link_begins_and_a_linked_value_is_read_whole():
    a = extract_article(_page('2024-05-06 10:00 来源：市文明办<a href="/share">分享到微信</a> 编辑：<a href="/u/1">张三</a>'))
    assert (a.source, a.editor) == ("市文明办", "张三")


def test_a_bracketed_office_belongs_to_the_source_and_a_reporter_bracket_does_not():
    assert parse_byline("信息来源：中共宁波市委宣传部（市文明办）　作者：王明").source == "中共宁波市委宣传部（市文明办）"
    bar = parse_byline("来源：新华社（记者 张三）")
    assert (bar.source, bar.author) == ("新华社", "张三")
    assert parse_byline("来源：中国文明网(www.wenming.cn)").source == "中国文明网"


def test_a_one_line_info_bar_longer_than_30_characters_is_still_an_info_bar():
    info = "发布时间：2024-05-06 10:00:00　信息来源：中共宁波市委宣传部（市文明办）　作者：王明　浏览次数：123"
    a = extract_article(_page(info, body_first=True))
    assert (a.source, a.author, a.publish_time) == ("中共宁波市委宣传部（市文明办）", "王明", "2024-05-06T10:00:00")
    assert not a.body.startswith(("发布时间", "某市表彰")), a.body[:40]


def _plain_page(top: str, head: str = "", foot: str = "") -> bytes:
    body = "<p>近日，社区志愿服务中心组织志愿者走进小区，为居民提供理发、义诊、家电维修等便民服务。</p>" * 2
    return (f'<html><head><meta charset="utf-8"><title>社区开展便民服务</title>{head}</head><body>'
            f'<h1>社区开展便民服务</h1>{top}<div class="content">{body}</div>{foot}</body></html>').encode()


def test_an_info_bar_the_body_begins_with_is_read_not_dropped():
    a = extract_article(_plain_page('<p class="info">2018年01月04日 17:53 | 来源：浙江文明网 | 作者：张晓燕 | 编辑：毛宁</p>'))
    assert (a.source, a.author, a.editor, a.publish_time) == ("浙江文明网", "张晓燕", "毛宁", "2018-01-04T17:53")
    assert "来源" not in a.body


def test_source_and_author_given_only_in_meta_tags_are_read_and_an_outlet_is_no_author():
    head = '<meta name="PubDate" content="2020-03-15 17:13"><meta name="ContentSource" content="文明闵行">'
    a = extract_article(_plain_page("", head + '<meta name="Author" content="王浩">', "<p>【责任编辑：毛海萍】</p>"))
    assert (a.source, a.author, a.editor, a.publish_time[:10]) == ("文明闵行", "王浩", "毛海萍", "2020-03-15")
    assert extract_article(_plain_page("", head + '<meta name="author" content="新华网">')).author is None
