"""Extraction as an editor sees it: the right title, time, 来源, editor, body and lists from real pages."""
from __future__ import annotations


import pytest

from pageserver import article_html
from scrapers import extract_article
from scrapers.decode import decode_html

from helpers import SHARED

SEEDS = SHARED / "seeds"
PARAS = ["慈溪市虞波社区自2011年建立综合性志愿服务场所以来，通过加强阵地建设、创新服务项目，着力推进志愿服务制度化和常态化。",
         "社区先后建立阳光志愿服务站、“365馨之家”公益服务阵地，拥有30支志愿服务团队，吸引3000余志愿者开展常态化志愿服务。"]


def seed(prefix: str) -> bytes:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed pages are not at {SEEDS} (set BANGYANG_SHARED)")
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_bytes()


def test_gbk_page_decodes():
    data = article_html("虞波社区获评最美志愿服务社区", PARAS, charset="gbk")
    assert decode_html(data).encoding == "gb18030"
    a = extract_article(data)
    assert a.title == "虞波社区获评最美志愿服务社区"
    assert "365馨之家" in a.body


def test_characters_outside_gb2312_decode_as_gb18030():
    # 旸 is not in GB2312; portals that declare gb2312 still send it
    data = article_html("大旸公益慈善基金会项目", PARAS, charset="gb18030", declared="gb2312")
    assert extract_article(data).title == "大旸公益慈善基金会项目"


def test_wrong_charset_declaration_is_overruled():
    data = article_html("声明写错了编码的页面", PARAS, charset="utf-8", declared="gbk")
    a = extract_article(data)
    assert a.title == "声明写错了编码的页面"
    assert "虞波社区" in a.body


def test_http_charset_beats_meta():
    data = article_html("按响应头解码", PARAS, charset="gbk", declared="utf-8")
    decoded = decode_html(data, http_charset="GBK")
    assert decoded.how == "http" and "按响应头解码" in decoded.text


def test_publish_time_from_meta_when_the_page_prints_none():
    page = ("<html><head><meta charset='utf-8'><title>没有信息栏的文章</title>"
            "<meta property='article:published_time' content='2023-06-01T08:30:00+08:00'></head><body>"
            "<h1>没有信息栏的文章</h1><div class='content'>" + "".join(f"<p>{p}</p>" for p in PARAS) +
            "</div></body></html>").encode()
    assert extract_article(page).publish_time == "2023-06-01T08:30:00"


def test_info_bar_gives_time_source_editor_and_body_is_clean():
    a = extract_article(article_html("标题在这里", PARAS, date="2020-03-15 17:13", source="文明闵行", editor="毛海萍"),
                       url="http://example.test/a.html")
    assert (a.title, a.publish_time, a.source, a.editor) == ("标题在这里", "2020-03-15T17:13", "文明闵行", "毛海萍")
    assert a.author is None  # the 编辑 is never reported as the author
    assert a.paragraphs == PARAS  # no nav, info bar, trailer, related links or footer


@pytest.mark.parametrize("prefix,title,when,source,editor", [
    ("000", "慈溪市浒山街道虞波社区", "2018-01-04T17:53:06", "中国文明网", "毛宁"),
    ("001", "全国志愿服务“四个100”,宁波5个先进典型上榜", "2025-07-03T13:57:00", None, None),
    ("002", "喜报!wuli三家服务中心获评市级示范中心,你去过吗?", "2020-03-15T17:13", "文明闵行", "毛海萍"),
    ("003", "志愿服务添彩新时代文明实践风景线", "2019-12-04T10:22", None, "平彩娟"),
    ("004", "浙江富阳区以四化推动志愿服务进入城区时代", "2015-11-13T11:29:00", "中国青年网", "马云飞"),
])
def test_saved_seed_pages(prefix, title, when, source, editor):
    a = extract_article(seed(prefix))
    assert (a.title, a.publish_time, a.source, a.editor) == (title, when, source, editor)
    assert "ICP" not in a.body and "相关文章" not in a.body and "打印该页" not in a.body


def test_seed_author_is_the_writer_not_the_label():
    assert extract_article(seed("003")).author == "陈曦 朱昱宁"


def test_shanghai_list_has_40_centres_in_four_categories():
    entries = extract_article(seed("002")).list_entries
    assert len(entries) == 40
    assert [e.category for e in entries[::10]] == ["制度创新示范中心", "品牌创新示范中心", "管理创优示范中心", "服务创优示范中心"]
    assert entries[0].name == "嘉定区菊园新区社区志愿服务中心"
    assert entries[-1].name == "青浦区徐泾镇社区志愿服务中心"


def test_award_sentences_give_the_ningbo_five():
    names = [(e.category, e.name) for e in extract_article(seed("001")).list_entries]
    assert ("最美志愿服务村(社区)", "鄞州区潘火街道香园社区") in names
    assert ("最佳志愿服务组织", "市总工会职工悦读志愿服务大队") in names
    assert len(names) == 5


def test_list_in_a_table():
    rows = "".join(f"<tr><td>{i}</td><td>{n}</td><td>{r}</td></tr>" for i, (n, r) in enumerate(
        [("虞波社区", "慈溪市"), ("香园社区", "鄞州区"), ("物流工业社区", "北仑区")], 1))
    extra = f"<p>一、最美志愿服务社区（3个）</p><table><tr><th>序号</th><th>社区名称</th><th>地区</th></tr>{rows}</table>"
    a = extract_article(article_html("名单公布", PARAS, extra=extra))
    assert [(e.category, e.name) for e in a.list_entries] == [
        ("最美志愿服务社区", "虞波社区"), ("最美志愿服务社区", "香园社区"), ("最美志愿服务社区", "物流工业社区")]


def test_table_with_a_category_column():
    rows = "".join(f"<tr><td>{n}</td><td>{c}</td></tr>" for n, c in
                   [("张三", "最美志愿者"), ("红蚂蚁志愿者队伍", "最佳志愿服务组织"), ("暖暖的新家项目", "最佳志愿服务项目")])
    extra = f"<table><tr><th>姓名/名称</th><th>荣誉称号</th></tr>{rows}</table>"
    a = extract_article(article_html("表彰名单", PARAS, extra=extra))
    assert [(e.category, e.name) for e in a.list_entries] == [
        ("最美志愿者", "张三"), ("最佳志愿服务组织", "红蚂蚁志愿者队伍"), ("最佳志愿服务项目", "暖暖的新家项目")]


def test_images_resolve_against_the_page_url():
    extra = '<p><img src="/img/a.jpg" alt="志愿者在服务"></p>'
    a = extract_article(article_html("有图的文章", PARAS, extra=extra), url="http://example.test/news/a.html")
    assert [(i.src, i.alt) for i in a.images] == [("http://example.test/img/a.jpg", "志愿者在服务")]


@pytest.mark.parametrize("data,reason", [
    (b"", "内容为空"),
    (b"   \n  ", "内容为空"),
    (bytes(range(256)) * 40, "不是文本"),
    ("<html><body><div class='nav'><a href='/'>首页</a></div></body></html>".encode(), "没有找到正文"),
])
def test_bad_input_gives_an_empty_article_with_a_reason(data, reason):
    a = extract_article(data)
    assert a.is_empty and reason in a.reason


def test_truncated_page_still_extracts():
    data = article_html("被截断的页面", PARAS * 3)
    a = extract_article(data[: len(data) * 2 // 3])
    assert a.title == "被截断的页面" and "虞波社区" in a.body


def test_script_iframe_and_handlers_are_not_text():
    extra = ('<p onclick="steal()">点击这里的段落，内容是正常的文字，说明活动情况。</p>'
             '<script>alert("x")</script><iframe src="http://evil.test/"></iframe>')
    a = extract_article(article_html("带脚本的页面", PARAS, extra=extra))
    assert "alert" not in a.body and "steal" not in a.body and "evil" not in a.body
    assert "点击这里的段落" in a.body


def test_site_profile_selectors_win_on_a_known_portal():
    page = ("<html><head><meta charset='utf-8'><title>青年志愿者服务社区_中国青年网</title></head><body>"
            "<div class='page_title'><h1>青年志愿者服务社区</h1></div>"
            "<span id='pubtime_baidu'>2017-03-10 08:42:00</span><span id='source_baidu'>来源：中国青年网</span>"
            "<div class='sidebar'>" + "<p>侧栏里很长的一段推荐文字，句子很多，标点也很多，，，，。。。</p>" * 8 + "</div>"
            "<div class='TRS_Editor'><p>团委组织青年志愿者走进社区，开展义诊和法律咨询。</p></div>"
            "<span id='editor_baidu'>责任编辑：崔宁宁</span></body></html>").encode()
    a = extract_article(page, url="http://news.youth.cn/gn/201703/t20170310_1.htm")
    assert a.profile == "youth"
    assert (a.title, a.publish_time, a.source) == ("青年志愿者服务社区", "2017-03-10T08:42:00", "中国青年网")
    assert a.paragraphs == ["团委组织青年志愿者走进社区，开展义诊和法律咨询。"]


def test_every_profile_loads():
    from scrapers.profiles import load_profiles

    names = [p.name for p in load_profiles()]
    assert {"wenming", "thepaper", "gov-county", "youth", "generic"} <= set(names)


def test_numbered_list_under_headings_in_html_from_our_own_records():
    """The same 40-centre list, built from content/ so it runs where the seeds are not present."""
    import yaml

    from helpers import REPO

    ed = yaml.safe_load((REPO / "content/records/editions/shanghai-shequ-zhiyuan-shifan-2019.yaml").read_text("utf-8"))
    cn = "一二三四"
    extra = "".join(f"<p>{cn[i]}、{c['name']}({len(c['entries'])}个)</p>" +
                    "".join(f"<p>{j}、{e['name']}</p>" for j, e in enumerate(c["entries"], 1))
                    for i, c in enumerate(ed["categories"]))
    a = extract_article(article_html("示范中心名单公布", PARAS[:1], extra=extra))
    assert [(e.category, e.name) for e in a.list_entries] == [
        (c["name"], e["name"]) for c in ed["categories"] for e in c["entries"]]
    assert len(a.list_entries) == 40


def test_structure_reads_figures_with_unit_and_qualifier():
    from scrapers import structure

    a = extract_article(article_html("宁波志愿服务数据", ["截至目前，全市注册志愿者222万余人，注册志愿服务组织1.7万余个，累计服务总时长9600多万小时。"]))
    stats = {s.metric: s.quantity for s in structure(a).statistics}
    assert (stats["注册志愿者"].value, stats["注册志愿者"].unit, stats["注册志愿者"].qualifier) == (2_220_000, "人", "余")
    assert stats["服务总时长"].value == 96_000_000 and stats["服务总时长"].unit == "小时"


def test_a_page_hidden_until_its_scripts_run_keeps_its_article_and_a_twice_hidden_element_is_dropped_once():
    article = ("<p>经过推荐申报、资格审核、专家评审等环节，评选工作已经完成。</p>"
               "<p>这些先进典型扎根基层，长期开展志愿服务。</p>")
    page = (f"<html hidden><body style='display:none'><h1>2018年内蒙古入选名单</h1>"
            f"<div class='content' style='display: none'>{article}</div></body></html>")
    assert "长期开展志愿服务" in extract_article(page.encode("utf-8")).body
    page = (f"<html><body><h1>2018年内蒙古入选名单</h1><div class='content'>{article}"
            f"<div style='display:none' hidden>分享到微信</div></div></body></html>")
    body = extract_article(page.encode("utf-8")).body
    assert "长期开展志愿服务" in body and "分享到微信" not in body
