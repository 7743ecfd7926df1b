"""What a visitor sees on the sample site built from the five seed articles."""

from __future__ import annotations

import re

from helpers import page, text_of

SHANGHAI = "editions/shanghai-shequ-zhiyuan-shifan-2019/"
NATIONAL_2024 = "editions/quanguo-sige100-2024/"


def test_shanghai_edition_lists_40_centres_in_4_categories_in_published_order(site):
    soup = page(site, SHANGHAI)
    sections = soup.select("section.category")
    assert [s.h2.contents[0].strip() for s in sections] == [
        "制度创新示范中心", "品牌创新示范中心", "管理创优示范中心", "服务创优示范中心"]
    names = [[li.a.get_text(strip=True) for li in s.select(".entries > li")] for s in sections]
    assert [len(n) for n in names] == [10, 10, 10, 10]
    assert names[0][0] == "嘉定区菊园新区社区志愿服务中心"
    assert names[0][9] == "杨浦区江浦路街道社区志愿服务中心"
    assert names[1][8] == "闵行区吴泾镇社区志愿服务中心"
    assert names[2][3] == "闵行区浦江镇社区志愿服务中心"
    assert names[2][9] == "奉贤区金海社区志愿服务中心"
    assert names[3][7] == "闵行区莘庄镇社区志愿服务中心"
    assert names[3][9] == "青浦区徐泾镇社区志愿服务中心"
    ranks = [li["value"] for li in sections[3].select(".entries > li")]
    assert ranks == [str(i) for i in range(1, 11)]


def test_national_2024_lists_the_five_ningbo_winners_with_their_figures(site):
    soup = page(site, NATIONAL_2024)
    links = {a.get_text(strip=True): a["href"] for a in soup.select(".entries > li > a:first-child")}
    expected = {
        "市总工会职工悦读志愿服务大队": ["5000余家", "7.2万名", "400多万条"],
        "“暖暖的新家”困难家庭人居环境改善和社会融入项目": ["822户", "9400余人次", "878万元"],
        "“新光大道”社区矫正项目": ["936名", "18家"],
        "鄞州区潘火街道香园社区": ["4360人", "62.2%", "1220场"],
        "北仑区霞浦街道物流工业社区": ["950名", "362名", "1600余名"],
    }
    assert set(links) == set(expected)
    for name, figures in expected.items():
        target = (site / NATIONAL_2024 / links[name]).resolve() / "index.html"
        body = target.read_text(encoding="utf-8")
        for figure in figures:
            assert figure in body, (name, figure)


def test_yubo_community_page_shows_leader_volunteers_and_share(site):
    text = text_of(page(site, "communities/zhejiang/cixi-yubo/"))
    assert "严介军" in text
    assert "2202" in text
    assert "35.1%" in text
    assert "200余次" in text and "宁波市文明办" in text
    assert "公益红娘" in text  # one of the 13 regular services


def test_ningbo_region_page_lists_its_honorees_with_counts(site):
    soup = page(site, "regions/zhejiang/ningbo/")
    names = {a.get_text(strip=True) for a in soup.select(".card h3 a")}
    assert {"慈溪市浒山街道虞波社区", "鄞州区潘火街道香园社区", "北仑区霞浦街道物流工业社区",
            "宁波市总工会职工悦读志愿服务大队"} <= names
    assert "“暖暖的新家”困难家庭人居环境改善和社会融入支持项目" in names
    text = text_of(soup)
    assert "先进典型 6 个" in text
    assert "222万余人" in text  # the city statistics


def test_region_pages_exist_at_every_level_with_counts(site):
    assert "浙江省宁波市慈溪市浒山街道" in text_of(page(site, "regions/zhejiang/ningbo/cixi/hushan/"))
    shanghai = text_of(page(site, "regions/shanghai/"))
    assert "先进典型 40 个" in shanghai
    minhang = page(site, "regions/shanghai/minhang/")
    assert {"吴泾镇", "浦江镇", "莘庄镇"} <= {a.get_text(strip=True) for a in minhang.select(".region-list a")}


def test_stub_page_shows_award_and_region(site):
    text = text_of(page(site, "centres/shanghai/jiading-juyuan/"))
    assert "嘉定区菊园新区社区志愿服务中心" in text
    assert "制度创新示范中心" in text and "2019" in text
    assert "嘉定区" in text and "暂无详细档案" in text


def test_honoree_page_has_timeline_related_news_and_sources(site):
    soup = page(site, "centres/shanghai/minhang-xinzhuang/")
    assert "服务创优示范中心" in soup.select_one(".timeline").get_text()
    news = [a.get_text() for a in soup.select("#news-title ~ ul a")]
    assert news == ["喜报!wuli三家服务中心获评市级示范中心,你去过吗?"]  # the headline as printed
    assert "毛海萍" in text_of(soup)


def _follow(site, from_url: str, href: str):
    from bs4 import BeautifulSoup
    target = (site / from_url / href).resolve() / "index.html"
    return BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")


def test_edition_filters_are_plain_links_that_work_without_javascript(site):
    soup = page(site, SHANGHAI)
    filters = {a.get_text(" ", strip=True).split(" ")[0]: a["href"] for a in soup.select(".filters a")}
    by_region = _follow(site, SHANGHAI, filters["闵行区"])
    names = [li.a.get_text(strip=True) for li in by_region.select(".entries > li")]
    assert sorted(names) == sorted(["闵行区吴泾镇社区志愿服务中心", "闵行区浦江镇社区志愿服务中心", "闵行区莘庄镇社区志愿服务中心"])
    assert by_region.select_one('.filters a[aria-current="page"]').get_text().startswith("闵行区")
    by_category = _follow(site, SHANGHAI, filters["管理创优示范中心"])
    sections = by_category.select("section.category")
    assert len(sections) == 1 and len(sections[0].select(".entries > li")) == 10
    assert "管理创优示范中心" in sections[0].h2.get_text()


def test_every_content_page_shows_publish_time_and_source_and_gov_meta(site):
    for html in site.rglob("index.html"):
        text = html.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:
            continue  # redirect stubs
        for name in ("SiteName", "SiteDomain", "SiteIDCode", "ColumnName", "ArticleTitle"):
            assert f'<meta name="{name}"' in text, (html, name)
        rel = html.relative_to(site).as_posix()
        if rel == "search/index.html" or (rel.startswith("regions/") and '<meta name="PubDate"' not in text):
            # a tool, or a region with no figures of its own: no date or source rather than another page's
            assert "发布时间：" not in text, html
            continue
        assert '<meta name="PubDate"' in text and "发布时间：" in text, html
        # 来源 where the page's records name one (the Ningbo figures' report names no outlet)
        assert ('<meta name="ContentSource"' in text) == ("<span>来源：" in text), html
        assert "<span>来源：" in text or rel.startswith("regions/"), html
        assert "主办单位" in text and "ICP备案号" in text and "公安备案号" in text and "网站标识码" in text, html


def test_news_articles_are_pelican_pages_with_date_source_and_editor(site):
    text = text_of(page(site, "news/2020-03-15-minhang-shifan/"))
    assert "2020-03-15 17:13" in text and "文明闵行" in text and "毛海萍" in text
    ningbo = text_of(page(site, "news/2025-07-03-ningbo-sige100/"))
    assert "2025-07-03" in ningbo and "222 万余人" in ningbo
    listing = page(site, "news/")
    assert len(listing.select(".news-list > li")) == 5


def test_statistics_page_draws_svg_charts_at_build_time(site):
    soup = page(site, "stats/")
    charts = soup.select("svg.chart")
    assert len(charts) == 3
    assert all(c.find("title") for c in charts)
    # Registered volunteers were published at different dates: a table with the dates, not bars side by side
    rows = [[td.get_text(strip=True) for td in tr.find_all(["th", "td"])] for tr in soup.select("#volunteers-h ~ table tbody tr")]
    assert rows[0][:3] == ["浙江省宁波市", "222万余人", "2025-07-03"] and len(rows) == 3


def test_machine_readable_exports(site):
    import csv
    import io
    import json
    data = json.loads((site / "data/editions/shanghai-shequ-zhiyuan-shifan-2019.json").read_text(encoding="utf-8"))
    assert len(data["entries"]) == 40 and data["year"] == 2019
    rows = list(csv.DictReader(io.StringIO((site / "data/honorees.csv").read_text(encoding="utf-8-sig"))))
    assert any(r["名称"] == "慈溪市浒山街道虞波社区" for r in rows)
    honorees = json.loads((site / "data/honorees.json").read_text(encoding="utf-8"))
    yubo = next(h for h in honorees if h["id"] == "communities/zhejiang/cixi-yubo")
    assert yubo["awards"][0]["year"] == 2017
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "communities/zhejiang/cixi-yubo/</loc>" in sitemap
    feed = (site / "feeds/all.atom.xml").read_text(encoding="utf-8")
    assert feed.count("<entry>") == 5
    assert "页面不存在" in (site / "404.html").read_text(encoding="utf-8")


def test_site_works_under_a_sub_path(site):
    """Every internal URL is relative, so the site can be copied under any portal folder."""
    for html in site.rglob("*.html"):
        if html.name == "404.html":
            continue  # served at any depth: its links start at site_url's path (tests/browser/test_behind_nginx.py)
        text = html.read_text(encoding="utf-8")
        assert not re.search(r'(?:href|src)="/(?!/)', text), html
