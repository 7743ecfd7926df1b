"""The sample site says only what its sources say: no invented ranks, inferred values shown as
inferred, the informant kept apart from the source, and 先进典型 counted from lists only."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from generator.engine.build import BuildError, build
from generator.records.load import read_front_matter
from helpers import REPO, SHARED, page, text_of

SHANGHAI = "editions/shanghai-shequ-zhiyuan-shifan-2019/"
NATIONAL_2024 = "editions/quanguo-sige100-2024/"
LIST_2017 = "editions/quanguo-sige100-2017/"
RECORDS = REPO / "content" / "records"


def test_no_page_gives_a_rank_that_no_source_prints(site):
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert not re.search(r"第 ?\d+ ?[位名]", text), html
    data = json.loads((site / "data" / "editions" / "quanguo-sige100-2024.json").read_text(encoding="utf-8"))
    assert data["ranked"] is False and all(e["rank"] is None for e in data["entries"])
    assert [e["position"] for e in data["entries"]] == [1, 1, 2, 1, 2]
    header = (site / "data" / "editions" / "shanghai-shequ-zhiyuan-shifan-2019.csv").read_text(encoding="utf-8-sig")
    assert header.splitlines()[1].split(",")[1:3] == ["1", ""]  # position 1, no rank


def test_a_list_held_only_in_part_is_not_numbered(site):
    soup = page(site, NATIONAL_2024)
    projects = soup.select("section.category")[2]
    assert projects.select_one("ul.entries") and not projects.select_one("ol.entries")
    assert "按原文公布顺序，不表示名次" in text_of(soup.select_one("dl.facts"))


def test_what_a_notice_says_about_order_is_repeated_as_printed(project):
    path = project / "content/records/editions/quanguo-sige100-2024.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("stage: 公布\n", "stage: 公布\norder_note: 排名不分先后\n"),
                    encoding="utf-8")
    build(project, search=False)
    assert "排名不分先后（原文）" in text_of(page(project / "output", NATIONAL_2024).select_one("dl.facts"))


def test_a_ranked_list_shows_ranks_and_a_partial_ranked_list_must_print_them(project):
    path = project / "content/records/editions/shanghai-shequ-zhiyuan-shifan-2019.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("stage: 公布\n", "stage: 公布\nranked: true\n"),
                    encoding="utf-8")
    build(project, search=False)
    timeline = text_of(page(project / "output", "centres/shanghai/minhang-wujing/").select_one(".timeline"))
    assert "第 9 名" in timeline  # ninth of the ten 品牌创新示范中心, the whole category held

    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index("        name: 杨浦区江浦路街道社区志愿服务中心")
    del lines[at - 1:at + 2]  # nine of ten held: their places are no longer ranks
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(BuildError) as err:
        build(project, search=False)
    problem = str(err.value)
    assert "shanghai-shequ-zhiyuan-shifan-2019.yaml:" in problem and "名次不能按顺序推算" in problem, problem


def test_a_rank_on_a_list_that_is_no_ranking_is_refused(project):
    path = project / "content/records/editions/quanguo-sige100-2024.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "        name: 鄞州区潘火街道香园社区\n", "        name: 鄞州区潘火街道香园社区\n        rank: 1\n")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BuildError) as err:
        build(project, search=False)
    line = text.splitlines().index("        rank: 1") + 1
    assert f"quanguo-sige100-2024.yaml:{line}:" in str(err.value) and "ranked: true" in str(err.value)


def test_inferred_dates_are_shown_as_inferred_and_flagged_in_open_data(site):
    facts = text_of(page(site, SHANGHAI).select_one("dl.facts"))
    assert "约 2020年3月（据报道日期 2020-03-15；报道只说“日前”公布）" in facts
    timeline = text_of(page(site, "centres/shanghai/minhang-pujiang/").select_one(".timeline"))
    assert "公布 约 2020年3月" in timeline
    rows = json.loads((site / "data" / "honorees.json").read_text(encoding="utf-8"))
    pujiang = next(r for r in rows if r["id"] == "centres/shanghai/minhang-pujiang")
    assert pujiang["awards"][0]["announced_inferred"] is True
    edition = json.loads((site / "data" / "editions" / "shanghai-shequ-zhiyuan-shifan-2019.json").read_text(encoding="utf-8"))
    assert set(edition["inferred"]) == {"announced", "issuers"}


def test_the_informant_is_not_shown_as_the_source(site):
    for path in (NATIONAL_2024, "communities/zhejiang/yinzhou-xiangyuan/", "news/2025-07-03-ningbo-sige100/"):
        text = text_of(page(site, path))
        assert "来源：宁波市委社会工作部" not in text and "据转载报道" not in text, path
        assert "来源：原文未注明" in text and "消息提供方" in text, path


def test_the_2017_recommendation_claims_no_issuer_quota_or_printed_year(site):
    soup = page(site, LIST_2017)
    facts = text_of(soup.select_one("dl.facts"))
    assert "发布单位" not in facts and "名额" not in facts
    assert "名额" not in text_of(soup.select_one("section.category h2"))
    for field in ("年度 2017 推断", "阶段 推荐 推断", "系列 全国志愿服务“四个100”先进典型 推断"):
        assert field in facts, facts
    assert "中国文明网 2018-01-04" not in text_of(soup)  # that date is 浙江文明网's


def test_honorees_on_no_list_are_not_counted_as_awarded(site):
    headline = {li.select_one("span").get_text(): li.select_one("strong").get_text()
                for li in page(site, "").select(".headline li")}
    assert headline["先进典型"] == "46" and headline["品牌与项目"] == "12"
    xiuzhou = page(site, "regions/zhejiang/jiaxing/xiuzhou/")
    assert "先进典型 0 个" in text_of(xiuzhou.select_one("dl.facts"))
    groups = [h2.contents[0].strip() for h2 in xiuzhou.select("section h2")]
    assert "品牌与项目" in groups and "志愿服务项目" not in groups
    brand = page(site, "projects/zhejiang/xiuzhou-diandangjia/")
    assert [a.get_text() for a in brand.select("nav.breadcrumb a")][:2] != ["首页", "榜单"]
    assert "不计为先进典型" in text_of(brand)
    chart = page(site, "stats/").select_one("section[aria-labelledby=chart-kind-h] svg")
    bars = dict(zip([t.get_text() for t in chart.select(".chart-label")], [t.get_text() for t in chart.select(".chart-value")]))
    assert bars == {"志愿服务中心/文明实践阵地": "40", "村（社区）": "3", "志愿服务组织": "1", "志愿服务项目": "2"}


def test_list_and_profile_give_both_printed_names(site):
    entry = next(li for li in page(site, NATIONAL_2024).select(".entries > li")
                 if li.a.get_text() == "市总工会职工悦读志愿服务大队")
    assert "档案名称：宁波市总工会职工悦读志愿服务大队" in text_of(entry)
    timeline = text_of(page(site, "organizations/zhejiang/ningbo-zhigong-yuedu/").select_one(".timeline"))
    assert "榜单上写作“市总工会职工悦读志愿服务大队”" in timeline


def test_every_figure_links_to_its_source_and_quotes_it(site):
    soup = page(site, "communities/zhejiang/yinzhou-xiangyuan/")
    row = next(tr for tr in soup.select("#stats-title ~ table tbody tr") if tr.th.get_text() == "志愿者")
    assert row.q.get_text() == "目前,社区共有志愿者4360人,占常住人口的62.2%"  # as printed, in <q>
    assert row.select_one('a[href="#source-1"]') and soup.select_one("#source-1")
    assert "注册志愿者人数" not in text_of(soup)  # the seed says 志愿者, never 注册志愿者
    assert text_of(soup.select_one("#body-title")) == "事迹摘要"


def test_news_headlines_are_printed_ones_and_a_shortened_one_names_its_original(project):
    titles = {p.stem: read_front_matter(p.read_text(encoding="utf-8"))[0]["title"]
              for p in (project / "content/news").glob("*.md")}
    assert titles["2019-12-04-xiuzhou-wenming-shijian"] == "志愿服务添彩新时代文明实践风景线"
    news = project / "content/news/2020-03-15-minhang-shifan.md"
    news.write_text(news.read_text(encoding="utf-8").replace(
        "Title: 喜报!wuli三家服务中心获评市级示范中心,你去过吗?\n",
        "Title: 闵行三家中心获评上海市示范中心\nOriginal_Title: 喜报!wuli三家服务中心获评市级示范中心,你去过吗?\n"
        "Source_URL: https://www.thepaper.cn/newsDetail_forward_1\n"), encoding="utf-8")
    build(project, search=False)
    origin = text_of(page(project / "output", "news/2020-03-15-minhang-shifan/").select_one(".article-origin"))
    assert "原标题：《喜报!wuli三家服务中心获评市级示范中心,你去过吗?》" in origin and "阅读原文" in origin


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _seed_text() -> str:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"the seed pages are not at {seeds} (set BANGYANG_SHARED)")
    return _normal(" ".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))))


def _walk(node, key=None):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _walk(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from _walk(v, key)
    else:
        yield key, node


def test_every_quote_and_listed_name_in_the_sample_content_is_printed_in_a_seed():
    seeds = _seed_text()
    checked = 0
    for path in sorted(RECORDS.rglob("*.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, value in _walk(record):
            if key == "quote" or (key == "name" and "editions" in path.parts):
                assert _normal(str(value)) in seeds, f"{path.relative_to(REPO)}: {key} “{value}” is not in any seed"
                checked += 1
        if path.parts[-3] in ("centres", "communities", "organizations", "projects", "volunteers"):
            assert _normal(record["name"]) in seeds, f"{path.relative_to(REPO)}: the name is not printed in any seed"
    assert checked > 150


def test_every_news_headline_is_printed_in_its_seed():
    seeds = _seed_text()
    for path in (REPO / "content/news").glob("*.md"):
        meta = read_front_matter(path.read_text(encoding="utf-8"))[0]
        assert _normal(meta.get("original_title") or meta["title"]) in seeds, path


def test_a_publicity_notice_shows_its_period_feedback_channels_and_document_number(project):
    path = project / "content/records/editions/shanghai-shequ-zhiyuan-shifan-2019.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("stage: 公布\n", (
        "stage: 公示\ndocument_number: 沪文明办〔2020〕2号\npublicity:\n  start: 2020-03-01\n  end: 2020-03-07\n"
        "  phone: 021-0000 0000\n  email: jiandu@example.gov.cn\n")), encoding="utf-8")
    build(project, search=False)
    soup = page(project / "output", SHANGHAI)
    box = text_of(soup.select_one(".publicity"))
    assert "公示期：2020-03-01 至 2020-03-07" in box and "021-0000 0000" in box
    assert soup.select_one('.publicity a[href="mailto:jiandu@example.gov.cn"]')
    assert "文号 沪文明办〔2020〕2号" in text_of(soup.select_one("dl.facts")).replace("：", " ")

    path.write_text(path.read_text(encoding="utf-8").replace("  end: 2020-03-07\n", "  end: 2020-02-07\n"), encoding="utf-8")
    with pytest.raises(BuildError) as err:
        build(project, search=False)
    assert "早于开始" in str(err.value) and "shanghai-shequ-zhiyuan-shifan-2019.yaml:" in str(err.value)


def test_photos_are_published_resized_lazy_with_alt_and_credit_and_without_camera_data(project):
    from PIL import Image

    photo = project / "content/attachments/photos/cixi-yubo-1.jpg"
    photo.parent.mkdir(parents=True)
    exif = Image.Exif()
    exif[0x013B] = "拍摄者"  # Artist; a camera writes its GPS position the same way
    Image.new("RGB", (1600, 1200), (180, 40, 40)).save(photo, "JPEG", exif=exif)
    record = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("tags:", (
        "photos:\n  - file: photos/cixi-yubo-1.jpg\n    alt: 虞波社区志愿服务站外景\n    caption: 社区志愿服务站\n"
        "    credit: 宁波市文明办 供图\ntags:")), encoding="utf-8")
    out = build(project, search=False).output
    img = page(out, "communities/zhejiang/cixi-yubo/").select_one(".photos img")
    assert img["alt"] == "虞波社区志愿服务站外景" and img["loading"] == "lazy"
    assert [s.split()[1] for s in img["srcset"].split(", ")] == ["480w", "960w"]
    for width, height in ((480, 360), (960, 720)):
        published = out / f"photos/communities/zhejiang/cixi-yubo/1-{width}.jpg"
        with Image.open(published) as shown:
            assert shown.size == (width, height) and not shown.getexif()
    assert not list(out.rglob("cixi-yubo-1.jpg"))  # never the original
    assert "宁波市文明办 供图" in text_of(page(out, "communities/zhejiang/cixi-yubo/").select_one(".photos"))

    photo.write_bytes(b"%PDF-1.4 not a photo")
    with pytest.raises(BuildError) as err:
        build(project, search=False)
    assert "不是 JPEG、PNG 或 WebP 图片" in str(err.value)
    photo.unlink()
    with pytest.raises(BuildError) as err:
        build(project, search=False)
    line = record.read_text(encoding="utf-8").splitlines().index("  - file: photos/cixi-yubo-1.jpg") + 1
    assert f"cixi-yubo.yaml:{line}:" in str(err.value) and "找不到照片" in str(err.value)


def test_a_source_s_title_is_cited_in_title_marks(site):
    """GB/T 15834: a title named in Chinese text stands in 《》, outside its link."""
    for path in ("communities/zhejiang/cixi-yubo/", "centres/shanghai/minhang-pujiang/"):
        cited = page(site, path).select("cite.source-title")
        assert cited, path
        for c in cited:
            assert text_of(c).startswith("《") and text_of(c).endswith("》"), text_of(c)
            if c.a is not None:  # the marks stand outside the link
                assert "《" not in text_of(c.a) and "》" not in text_of(c.a), text_of(c)
