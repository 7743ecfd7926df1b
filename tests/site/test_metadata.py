"""What portals and their readers take from the pages: an Atom feed and sitemap with absolute
addresses, canonical links, Open Graph tags and schema.org JSON-LD; each page's own 发布时间 and 来源."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from lxml import etree
from pyld import jsonld

from generator.site.pages import json_ld
from helpers import page, text_of

SITE_URL = "http://127.0.0.1:8000"  # content/site.yaml of the sample
ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_atom_feed_is_absolute_with_stable_tag_ids_and_authors(site):
    feed = etree.parse(str(site / "feeds/all.atom.xml")).getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id") == f"{SITE_URL}/feeds/all.atom.xml"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 5
    for entry in entries:
        link = entry.find(f"{ATOM}link").get("href")
        assert link.startswith(f"{SITE_URL}/news/"), link
        entry_id = entry.findtext(f"{ATOM}id")
        assert re.fullmatch(r"tag:bangyang\.example\.gov\.cn,\d{4}-\d{2}-\d{2}:news/[a-z0-9-]+/", entry_id), entry_id
        assert entry.findtext(f"{ATOM}author/{ATOM}name").strip()
        content = entry.findtext(f"{ATOM}content") or ""
        for href in re.findall(r'href="([^"]+)"', content):
            assert urlsplit(href).scheme in ("http", "https"), href  # a relative link leads nowhere in a reader
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids)


SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def test_the_feed_and_the_sitemap_are_valid_against_their_schemas(site):
    atom = etree.RelaxNG(etree.parse(str(SCHEMAS / "atom.rng")))
    sitemap = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap.xsd")))
    assert atom.validate(etree.parse(str(site / "feeds/all.atom.xml"))), atom.error_log
    assert sitemap.validate(etree.parse(str(site / "sitemap.xml"))), sitemap.error_log
    # The schemas are not a formality: what the feed and the sitemap had before they were made absolute fails.
    relative = etree.fromstring(b'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>/</id>'
                                b'<updated>2025-07-03T13:57:00+08:00</updated><link href="news/a/"/></feed>')
    assert not atom.validate(relative)
    assert not sitemap.validate(etree.fromstring(
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>news/a/</loc></url></urlset>'))


def test_the_sitemap_lists_every_page_absolutely_once(site):
    root = etree.parse(str(site / "sitemap.xml")).getroot()
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [u.findtext(f"{ns}loc") for u in root.findall(f"{ns}url")]
    assert len(locs) == len(set(locs)) > 100
    assert all(loc.startswith(SITE_URL + "/") for loc in locs)
    for u in root.findall(f"{ns}url"):
        lastmod = u.findtext(f"{ns}lastmod")
        assert lastmod is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", lastmod)
    assert f"{SITE_URL}/editions/shanghai-shequ-zhiyuan-shifan-2019/" in locs


def _structured(soup) -> dict:
    blocks = soup.select('script[type="application/ld+json"]')
    assert len(blocks) == 1
    return json.loads(blocks[0].string)


def _expand(doc: dict) -> list:
    """The JSON-LD expanded by a JSON-LD processor, with schema.org's context given offline."""
    def loader(url, options=None):
        assert url.rstrip("/") == "https://schema.org", url
        return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": "https://schema.org/"}}}
    return jsonld.expand(doc, {"documentLoader": loader})


def test_json_ld_text_cannot_close_its_script_element():
    hostile = {"name": "</script><script>alert(1)</script><!--", "note": "a & b 'c'", "title": "何媛"}
    html = f'<script type="application/ld+json">{json_ld(hostile)}</script><p>after</p>'
    scripts = BeautifulSoup(html, "html.parser").find_all("script")
    assert len(scripts) == 1 and json.loads(scripts[0].string) == hostile


def test_pages_have_canonical_links_open_graph_and_json_ld(site):
    soup = page(site, "editions/shanghai-shequ-zhiyuan-shifan-2019/")
    assert soup.select_one('link[rel="canonical"]')["href"] == f"{SITE_URL}/editions/shanghai-shequ-zhiyuan-shifan-2019/"
    assert soup.select_one('meta[property="og:title"]')["content"] == "2019年“创新、创优”上海市社区志愿服务示范中心"
    expanded = _expand(_structured(soup))[0]
    assert expanded["@type"] == ["https://schema.org/ItemList"]
    items = expanded["https://schema.org/itemListElement"]
    assert len(items) == 40
    assert expanded["https://schema.org/itemListOrder"][0]["@value"].endswith("ItemListUnordered")

    volunteer_free = _expand(_structured(page(site, "communities/zhejiang/cixi-yubo/")))[0]
    assert volunteer_free["@type"] == ["https://schema.org/Organization"]
    assert volunteer_free["https://schema.org/name"][0]["@value"] == "慈溪市浒山街道虞波社区"

    news = page(site, "news/2025-07-03-ningbo-sige100/")
    assert news.select_one('meta[property="og:type"]')["content"] == "article"
    article = _expand(_structured(news))[0]
    assert article["@type"] == ["https://schema.org/NewsArticle"]
    based_on = article["https://schema.org/isBasedOn"][0]
    assert based_on["https://schema.org/headline"][0]["@value"] == "全国志愿服务“四个100”,宁波5个先进典型上榜"
    assert "https://schema.org/publisher" not in based_on  # the seed names no outlet


def test_each_page_shows_its_own_date_and_source_or_none(site):
    search = page(site, "search/")
    assert search.select_one(".page-info") is None and not search.select('meta[name="PubDate"]')
    # Shanghai has no figures of its own: no date or source, rather than the home page's
    assert page(site, "regions/shanghai/").select_one(".page-info") is None
    ningbo = text_of(page(site, "regions/zhejiang/ningbo/").select_one(".page-info"))
    assert "2025-07-03" in ningbo  # its own figures, as the Ningbo report gave them
    missing = (site / "404.html").read_text(encoding="utf-8")
    assert 'href="/theme/css/site.css"' in missing and "发布时间" not in missing


def test_the_site_map_page_lists_every_column_and_the_footer_links_it(site):
    soup = page(site, "sitemap/")
    columns = [h2.get_text(strip=True) for h2 in soup.select(".site-map h2")]
    assert columns == ["首页", "榜单", "年度", "地区", "新闻", "统计", "搜索", "开放数据"]
    links = {a.get_text(strip=True) for a in soup.select(".site-map a")}
    assert "2019年“创新、创优”上海市社区志愿服务示范中心" in links and "浙江省" in links and "2017年度" in links
    home = page(site, "")
    assert home.find("a", string="网站地图")["href"] == "sitemap/"


def test_open_data_is_a_valid_data_package_with_chinese_columns(site):
    import csv
    import io

    from frictionless import Package

    report = Package(str(site / "data/datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    descriptor = json.loads((site / "data/datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"] == [{"name": "CC-BY-4.0"}] and descriptor["created"].startswith("2025-07-03")
    assert {r["path"] for r in descriptor["resources"]} >= {"honorees.csv", "awards.csv", "figures.csv",
                                                           "editions/shanghai-shequ-zhiyuan-shifan-2019.csv"}

    def rows(name):
        raw = (site / "data" / name).read_bytes()
        assert raw.startswith("\ufeff".encode()), name  # Excel opens it as UTF-8
        return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))

    yubo = next(r for r in rows("honorees.csv") if r["编号"] == "communities/zhejiang/cixi-yubo")
    assert (yubo["注册志愿者人数"], yubo["注册志愿者占常住人口比例"], yubo["每年组织志愿服务活动次数"]) == ("2202", "0.351", "200")
    assert yubo["上榜"] == "是" and yubo["类型"] == "村（社区）"
    brand = next(r for r in rows("honorees.csv") if r["编号"] == "projects/zhejiang/xiuzhou-diandangjia")
    assert brand["上榜"] == "否" and brand["上榜次数"] == "0"
    pujiang = [r for r in rows("awards.csv") if r["编号"] == "centres/shanghai/minhang-pujiang"]
    assert len(pujiang) == 1 and pujiang[0]["名次"] == "" and pujiang[0]["公布日期为推断"] == "是"
    figures = [r for r in rows("figures.csv") if r["编号"] == "communities/zhejiang/yinzhou-xiangyuan"]
    assert {"原文写法": "4360人", "数值": "4360"}.items() <= next(f for f in figures if f["指标"] == "志愿者").items()
    shanghai = rows("editions/shanghai-shequ-zhiyuan-shifan-2019.csv")
    assert len(shanghai) == 40 and shanghai[0]["名称"] == "嘉定区菊园新区社区志愿服务中心" and shanghai[0]["序号"] == "1"


def test_news_pages_link_their_neighbours_and_every_page_offers_correction_and_print(site):
    middle = page(site, "news/2019-12-04-xiuzhou-wenming-shijian/")
    links = {p.get_text(strip=True)[:3]: p.a["href"] for p in middle.select(".prev-next p")}
    assert links == {"上一篇": "../../news/2020-03-15-minhang-shifan/", "下一篇": "../../news/2018-01-04-cixi-yubo/"}
    newest = page(site, "news/2025-07-03-ningbo-sige100/")
    assert [p.get_text(strip=True)[:3] for p in newest.select(".prev-next p")] == ["下一篇"]
    footer = page(site, "regions/zhejiang/").select_one("footer")
    assert footer.find("a", string="纠错")["href"] == "mailto:jiucuo@bangyang.example.gov.cn"
    assert footer.select_one("button[data-print]").get_text() == "打印本页"


def test_every_page_with_an_address_carries_a_qr_code(site):
    """Each page with a canonical address has the figure its script draws the code into, and the
    script; what the code says is read back in a browser (tests/browser/test_site_ui.py)."""
    assert (site / "theme" / "qrcode.js").is_file()  # from npm (package.json)
    missing = []
    for file in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        figure = soup.select_one("footer figure.share-qr[data-share-qr]")
        scripts = [s["src"].rsplit("theme/", 1)[-1] for s in soup.select("script[src]")]
        drawn_by = {"qrcode.js", "js/share.js"}
        if soup.select_one('link[rel="canonical"]') is None:
            assert figure is None and not drawn_by & set(scripts), file  # 404.html, served at any address, has none
            continue
        if figure is None or scripts[1:3] != ["qrcode.js", "js/share.js"]:
            missing.append(str(file.relative_to(site)))
            continue
        # Hidden until drawn: a reader without scripts sees no empty frame.
        assert figure.has_attr("hidden") and figure.select("svg") == []
    assert missing == []
