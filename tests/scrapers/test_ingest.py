"""`bangyang ingest`: seeds become the records the foundation wrote by hand; editors' files are safe."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.engine.build import build
from generator.cli import main
from generator.records.link import link
from generator.records.load import load
from helpers import SHARED, copy_project, page, text_of, tree_digest
from pageserver import article_html
from scrapers.ingest import Ingest

SEEDS = SHARED / "seeds"


@pytest.fixture
def seeds() -> list[str]:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed pages are not at {SEEDS} (set BANGYANG_SHARED)")
    return [str(p) for p in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture
def bare(tmp_path) -> Path:
    """The sample project with no records but schemes, and no news: what a new portal starts from."""
    project = copy_project(tmp_path / "bare")
    records = project / "content" / "records"
    for sub in records.iterdir():
        if sub.name != "schemes":
            shutil.rmtree(sub)
    shutil.rmtree(project / "content" / "news")
    (project / "content" / "news").mkdir()
    return project


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_seeds_into_the_sample_project_create_nothing_and_touch_nothing(project, seeds):
    before = tree_digest(project / "content")
    report = Ingest(project).run(seeds)
    assert report.created == [] and report.incoming == [] and report.merged == [] and report.failed == []
    assert tree_digest(project / "content") == before
    linked = "\n".join(report.linked)
    for rid in ("communities/zhejiang/cixi-yubo", "projects/zhejiang/xiangshan-nuannuandexinjia",
                "organizations/zhejiang/ningbo-zhigong-yuedu", "centres/shanghai/minhang-xinzhuang",
                "editions/quanguo-sige100-2024", "editions/shanghai-shequ-zhiyuan-shifan-2019",
                "statistics/ningbo-2025-07", "statistics/xiuzhou-2019-12", "statistics/fuyang-2015-11"):
        assert rid in linked
    assert len([s for s in report.skipped if "已导入" in s]) == 5


def test_seeds_into_an_empty_project_reproduce_the_hand_written_records(bare, seeds):
    """What ingest writes, against content/ as the foundation issue wrote it by hand.

    Known differences, each because the page does not say more:
    - seed 000 names no list, so no 2017 edition is drafted; the profile is drafted alone;
    - seed 000's 2017 list is a recommendation the page does not name as a list: no edition is drafted;
    - record ids come from pinyin of the whole name (xiangshan-nuannuandexinjiakunnanjia…),
      where the hand-written ones were shortened;
    - statistics sheets are drafted per city (嘉兴市), the hand-written one is per district (秀洲区);
    - summaries, tags and also_known_as are an editor's work and are left empty;
    - figures are named by the words before them (“服务总时长”, not the hand-written “累计服务时长”),
      and a count written before its noun (“24家市直部门”) is not found.
    """
    report = Ingest(bare).run(seeds)
    assert report.failed == [] and report.skipped == []
    records = bare / "content" / "records"
    catalog = link(load(bare / "content"), include_drafts=True)  # every draft validates

    hand = _yaml(Path("content/records/editions/shanghai-shequ-zhiyuan-shifan-2019.yaml"))
    drafted = next(_yaml(p) for p in (records / "editions").glob("*.yaml") if "2019" in p.name)
    assert drafted["title"] == hand["title"] and drafted["year"] == 2019 and drafted["status"] == "draft"
    assert [c["name"] for c in drafted["categories"]] == [c["name"] for c in hand["categories"]]
    assert [e["name"] for c in drafted["categories"] for e in c["entries"]] == \
        [e["name"] for c in hand["categories"] for e in c["entries"]]
    assert [e.get("region") for e in drafted["categories"][0]["entries"]][:2] == ["上海市嘉定区菊园新区", "上海市长宁区虹桥街道"]

    ningbo = next(_yaml(p) for p in (records / "editions").glob("*2024.yaml"))
    assert ningbo["title"] == "2024年度全国志愿服务“四个100”先进典型"
    assert ningbo["scheme"] == "schemes/quanguo-sige100"
    assert sum(len(c["entries"]) for c in ningbo["categories"]) == 5
    # “记者今天从市委社会工作部获悉”: the informant, and no outlet the page does not name
    assert ningbo["sources"][0]["informant"] == "市委社会工作部" and "publisher" not in ningbo["sources"][0]

    yubo = _yaml(records / "communities/zhejiang/cixi-yubo.yaml")
    hand_yubo = _yaml(Path("content/records/communities/zhejiang/cixi-yubo.yaml"))
    for key in ("leader", "volunteer_share", "activities_per_year", "recommended_by", "regular_projects"):
        assert yubo[key] == hand_yubo[key], key
    assert str(yubo["registered_volunteers"]) == str(hand_yubo["registered_volunteers"])
    assert yubo["sources"][0] == {"publisher": "中国文明网", "title": "慈溪市浒山街道虞波社区", "date": "2018-01-04",
                                  "editor": "毛宁", "site": "浙江文明网"}

    centres = sorted(p.stem for p in (records / "centres" / "shanghai").glob("*.yaml"))
    assert len(centres) == 3
    stats = _yaml(next((records / "statistics").glob("ningbo-*.yaml")))
    hand_stats = _yaml(Path("content/records/statistics/ningbo-2025-07.yaml"))
    # “建立24家市直部门参与的…” puts the count before the noun; that one is not found
    assert {str(i["value"]) for i in stats["items"]} >= {str(i["value"]) for i in hand_stats["items"]} - {"24家"}
    assert len(list((bare / "content" / "news").glob("*.md"))) == 5
    assert len(catalog.honorees) >= 9


def test_ingesting_twice_creates_nothing_new(bare, seeds):
    Ingest(bare).run(seeds)
    before = tree_digest(bare / "content")
    again = Ingest(bare).run(seeds)
    assert again.created == [] and again.incoming == []
    assert tree_digest(bare / "content") == before


def test_drafts_show_only_in_preview(bare, seeds, tmp_path):
    Ingest(bare).run(seeds[2:3])
    published = build(bare, tmp_path / "pub", search=False).output
    assert not (published / "editions").exists() or not any((published / "editions").iterdir())
    preview = build(bare, tmp_path / "preview", include_drafts=True, search=False).output
    edition = next(p for p in (preview / "editions").iterdir() if p.is_dir())
    assert len(page(preview, f"editions/{edition.name}/").select("main li a[href*='centres/']")) >= 40


def test_existing_record_gets_only_missing_fields_and_keeps_comments(project, seeds):
    path = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    kept = [ln for ln in lines if not ln.startswith("leader:")]
    kept.insert(1, "# 编辑的注释: 2018 年材料")
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    report = Ingest(project).run(seeds[:1])
    text = path.read_text(encoding="utf-8")
    assert "# 编辑的注释: 2018 年材料" in text
    assert _yaml(path)["leader"] == "严介军"
    assert any("leader" in m for m in report.merged)
    link(load(project / "content"))  # still valid


def test_conflicting_record_gets_an_incoming_file_beside_it(project, seeds):
    path = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    original = path.read_text(encoding="utf-8").replace("leader: 严介军", "leader: 另一位负责人")
    path.write_text(original, encoding="utf-8")
    report = Ingest(project).run(seeds[:1])
    assert path.read_text(encoding="utf-8") == original
    incoming = path.with_name("cixi-yubo.incoming.yaml")
    assert _yaml(incoming)["leader"] == "严介军"
    assert any("leader" in x for x in report.incoming)
    build(project, search=False)  # the proposal beside it does not break the build


def test_script_in_a_scraped_article_never_reaches_the_page(project, tmp_path):
    paras = ["文明实践站组织志愿者开展义诊、理发和法律咨询服务，受到居民欢迎，全年服务群众三千余人次。",
             "页面里写着 &lt;script&gt;alert('xss')&lt;/script&gt; 和 &lt;img src=x onerror=alert(2)&gt; 这样的文字。"]
    extra = "<script>alert('real')</script><p onmouseover=\"alert(3)\">鼠标经过的段落也只是文字内容而已，没有别的。</p>"
    src = tmp_path / "evil.html"
    src.write_bytes(article_html("带恶意代码的报道", paras, extra=extra))
    assert main(["--project", str(project), "ingest", str(src)]) == 0
    out = build(project, tmp_path / "site", include_drafts=True, search=False).output
    news = next(p for p in (out / "news" / "drafts").iterdir() if p.is_dir() and "dai" in p.name)
    html = (news / "index.html").read_text(encoding="utf-8")
    assert "带恶意代码的报道" in html
    soup = BeautifulSoup(html, "html.parser")
    # no element runs anything: scripts are the site's own files or JSON-LD data, no on* handler anywhere
    for script in soup.find_all("script"):
        assert script.get("src", "").endswith(".js") or script.get("type") == "application/ld+json", script
        assert "alert" not in (script.get("src") or "")
    assert not [(t.name, a) for t in soup.find_all(True) for a in t.attrs if a.lower().startswith("on")]
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html or "&lt;script&gt;alert('xss')" in html
    shown = text_of(page(out, f"news/drafts/{news.name}/"))
    assert "鼠标经过的段落" in shown and "草稿" in shown


def test_cli_ingest_prints_what_it_did(bare, seeds, capsys):
    assert main(["--project", str(bare), "ingest", seeds[0], str(bare / "missing.html")]) == 0
    out = capsys.readouterr().out
    assert "新建" in out and "cixi-yubo.yaml" in out
    assert "找不到文件" in out


def test_every_corpus_page_ingests_into_drafts_that_build(project, tmp_path):
    """60 real pages of all kinds, none about honour rolls: news drafts that validate, no stray lists."""
    corpus = SHARED / "corpus" / "news-real"
    if not corpus.is_dir():
        pytest.skip(f"the corpus is not at {corpus}")
    report = Ingest(project).run([str(p) for p in sorted(corpus.glob("*.html"))])
    assert report.failed == [] and report.incoming == []
    news = [c for c in report.created if c.startswith("content/news/")]
    assert len(news) == 60 and len(report.created) == 60  # no editions from numbered paragraphs
    out = build(project, tmp_path / "site", include_drafts=True, search=False).output
    assert len(list((out / "news" / "drafts").iterdir())) == 60


def test_a_merge_that_would_make_the_record_invalid_is_not_written(project):
    from generator.domain.model import Community
    from scrapers.drafts import merge_missing

    path = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    text = "\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines()
                     if not ln.startswith("volunteer_share:")) + "\n"
    path.write_text(text, encoding="utf-8")
    added, differ = merge_missing(path, {"volunteer_share": "三成多"}, Community)  # not a percentage
    assert added == [] and differ == ["volunteer_share"]
    assert path.read_text(encoding="utf-8") == text
    link(load(project / "content"))


def _regional_article(region: str, lines: list[str]) -> bytes:
    return article_html(f"2024年度全国志愿服务“四个100”先进典型名单公示{region}入选情况",
                        ["经过宣传发动、择优推荐、专家评审等环节，名单现予以公示。", "其中，上榜情况如下：", *lines])


def test_a_regional_article_of_a_national_list_adds_its_entries_to_the_one_edition(project, tmp_path):
    """Each region's article of one national list gives its entries to the same edition,
    in published order, and the editor's file keeps its own lines as they were."""
    edition = project / "content/records/editions/quanguo-sige100-2024.yaml"
    before = edition.read_text(encoding="utf-8")
    page_file = tmp_path / "shenzhen.html"
    page_file.write_bytes(_regional_article("深圳", [
        "一、最佳志愿服务组织(1个)", "深圳市公益救援志愿者联合会", "二、最佳志愿服务项目(1个)",
        "深圳市“五分钟社会救援圈”志愿服务项目", "三、最美志愿服务村(社区)(1个)", "深圳市龙华区民治街道北站社区"]))
    report = Ingest(project).run([str(page_file)])
    assert any("quanguo-sige100-2024.yaml: 加入 3 条" in line for line in report.merged), report.lines()
    data = _yaml(edition)
    names = {c["name"]: [e["name"] for e in c["entries"]] for c in data["categories"]}
    assert names["最佳志愿服务组织"] == ["市总工会职工悦读志愿服务大队", "深圳市公益救援志愿者联合会"]
    assert names["最美志愿服务村(社区)"][-1] == "深圳市龙华区民治街道北站社区"
    assert [c["quota"] for c in data["categories"]] == [100, 100, 100, 100]  # the editor's quotas stay
    after = edition.read_text(encoding="utf-8")
    assert all(line in after for line in before.splitlines() if line.strip() and "entries: []" not in line)
    link(load(project / "content"), include_drafts=True)  # still valid

    again = Ingest(project).run([str(page_file)])
    assert not again.merged and edition.read_text(encoding="utf-8") == after


def test_an_article_that_puts_a_listed_name_in_another_category_is_written_beside_the_edition(project, tmp_path):
    edition = project / "content/records/editions/quanguo-sige100-2024.yaml"
    before = edition.read_text(encoding="utf-8")
    page_file = tmp_path / "wrong.html"
    page_file.write_bytes(_regional_article("宁波", ["一、最佳志愿服务组织(1个)", "鄞州区潘火街道香园社区"]))
    report = Ingest(project).run([str(page_file)])
    assert edition.read_text(encoding="utf-8") == before
    assert any("quanguo-sige100-2024.incoming.yaml: 1 条" in line for line in report.incoming), report.lines()


def test_an_entry_whose_place_the_region_table_lacks_is_reported_with_its_line(project, tmp_path):
    page_file = tmp_path / "list.html"
    page_file.write_bytes(article_html("2023年度宁波市最美志愿服务社区名单", [
        "经过推荐、评审，名单公布如下：", "最美志愿服务社区（1个）：", "宁波市海曙区白云街道某某社区"]))
    report = Ingest(project).run([str(page_file)])
    assert any("海曙区白云街道 不在 content/regions.yaml，只记到浙江省宁波市" in line and "某某社区" in line
               for line in report.check), report.lines()
    assert "请核对 1:" in report.lines()


def test_a_list_shorter_than_the_text_says_is_reported_and_nothing_is_made_up(project, tmp_path):
    page_file = tmp_path / "list.html"
    page_file.write_bytes(article_html("2023年度宁波市最美志愿服务社区名单", [
        "名单公布如下：", "最美志愿服务社区（3个）：", "鄞州区潘火街道香园社区", "海曙区鼓楼街道中山社区"]))
    report = Ingest(project).run([str(page_file)])
    assert any("“最美志愿服务社区”：原文写明 3 个，找到 2 个" in line for line in report.check), report.lines()
    edition = next(project / c for c in report.created if c.startswith("content/records/editions/"))
    entries = yaml.safe_load(edition.read_text(encoding="utf-8"))["categories"][0]["entries"]
    assert [e["name"] for e in entries] == ["鄞州区潘火街道香园社区", "海曙区鼓楼街道中山社区"]


def test_a_year_and_level_the_list_does_not_print_are_marked_as_inferred_on_the_record_and_the_page(project, tmp_path):
    guessed = tmp_path / "guessed.html"
    guessed.write_bytes(article_html("宁波市最美志愿服务社区名单公布", [
        "名单公布如下：", "最美志愿服务社区（1个）：", "鄞州区潘火街道香园社区"], date="2024-05-06 10:00"))
    printed = tmp_path / "printed.html"
    printed.write_bytes(article_html("2023年度全国最美志愿服务社区名单", [
        "名单公布如下：", "最美志愿服务社区（1个）：", "北仑区霞浦街道物流工业社区"]))
    report = Ingest(project).run([str(guessed), str(printed)])
    made = {yaml.safe_load((project / c).read_text(encoding="utf-8"))["title"]: project / c
            for c in report.created if c.startswith("content/records/editions/")}
    guess = yaml.safe_load(made["宁波市最美志愿服务社区名单公布"].read_text(encoding="utf-8"))
    assert (guess["year"], guess["level"], guess["stage"]) == (2024, "市", "公布")
    # Each guess says what it rests on; the report's date is no printed announcement date.
    assert guess["inferred"] == {"year": "原文没有写年度, 据刊发时间推定", "level": "原文没有写级别, 据名称和地区推定",
                                 "announced": "据报道日期 2024-05-06"}
    assert guess["announced"] == "2024-05-06"
    assert "year" not in yaml.safe_load(made["2023年度全国最美志愿服务社区名单"].read_text(encoding="utf-8")).get("inferred", {})

    build(project, include_drafts=True, search=False)
    rid = made["宁波市最美志愿服务社区名单公布"].relative_to(project / "content/records").with_suffix("")
    facts = text_of(page(project / "output", f"{rid}/").select_one("dl.facts"))
    assert "2024 推断 原文没有写年度, 据刊发时间推定" in facts and "市 推断" in facts, facts
    assert "约 2024年5月6日（据报道日期 2024-05-06）" in facts, facts
    rid = made["2023年度全国最美志愿服务社区名单"].relative_to(project / "content/records").with_suffix("")
    facts = text_of(page(project / "output", f"{rid}/").select_one("dl.facts"))
    assert "2023 推断" not in facts and "全国 推断" not in facts, facts


def _as_an_editor_writes_it(path: Path) -> str:
    """The Yubo record as an editor might lay it out: four-space indents, quotes, blank lines,
    and no leader, which the seed article gives."""
    text = path.read_text(encoding="utf-8").replace("leader: 严介军\n", "")
    text = text.replace("name: 慈溪市浒山街道虞波社区", "name: '慈溪市浒山街道虞波社区'   # 按文件原文")
    text = text.replace("region: 慈溪市浒山街道\n", "\n# 地区按民政部区划\nregion: \"慈溪市浒山街道\"\n\n")
    text = re.sub(r"^    (?=\S)", "        ", text, flags=re.MULTILINE)
    return re.sub(r"^  - ", "    -   ", text, flags=re.MULTILINE)


def test_a_merge_into_an_editors_file_adds_lines_and_changes_none_of_theirs(project, seeds):
    import difflib

    path = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    original = _as_an_editor_writes_it(path)
    path.write_text(original, encoding="utf-8")
    link(load(project / "content"))  # the editor's layout is valid as it is
    report = Ingest(project).run(seeds[:1])
    assert any("leader" in m for m in report.merged), report.lines()
    merged = path.read_text(encoding="utf-8")
    ops = difflib.SequenceMatcher(None, original.splitlines(), merged.splitlines(), autojunk=False).get_opcodes()
    assert [tag for tag, *_ in ops if tag != "equal"] == ["insert"], merged
    assert _yaml(path)["leader"] == "严介军"


def test_a_merge_that_would_change_an_editors_line_is_written_beside_the_record(project, seeds):
    path = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    original = _as_an_editor_writes_it(path).replace("region: ", "region:      ")  # spaces no round trip keeps
    path.write_text(original, encoding="utf-8")
    report = Ingest(project).run(seeds[:1])
    assert path.read_text(encoding="utf-8") == original
    assert _yaml(path.with_name("cixi-yubo.incoming.yaml"))["leader"] == "严介军"
    assert any("leader" in x for x in report.incoming), report.lines()


def test_a_merge_through_a_symlinked_record_keeps_the_link(project, seeds):
    path = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    real = project / "content/records/communities/zhejiang/real/cixi-yubo.yaml.txt"
    real.parent.mkdir()
    real.write_text(path.read_text(encoding="utf-8").replace("leader: 严介军\n", ""), encoding="utf-8")
    path.unlink()
    path.symlink_to(real)
    Ingest(project).run(seeds[:1])
    assert path.is_symlink()
    assert "leader: 严介军" in real.read_text(encoding="utf-8")


def test_ingest_onto_a_record_with_a_key_written_twice_names_both_lines_and_writes_nothing(project, seeds, capsys):
    path = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    original = path.read_text(encoding="utf-8").replace("leader: 严介军\n", "").replace(
        "recommended_by: 宁波市文明办\n", "recommended_by: 宁波市文明办\nrecommended_by: 慈溪市文明办\n")
    path.write_text(original, encoding="utf-8")
    first = original.splitlines().index("recommended_by: 宁波市文明办") + 1
    before = tree_digest(project / "content")
    assert main(["--project", str(project), "ingest", seeds[0]]) == 1
    err = capsys.readouterr().err
    assert f"cixi-yubo.yaml:{first + 1}:" in err and f"第 {first} 行和第 {first + 1} 行" in err, err
    assert "先修好" in err
    assert tree_digest(project / "content") == before  # no second record of Yubo, nothing rewritten


def test_control_characters_and_bidi_overrides_in_a_page_never_reach_a_draft(project, tmp_path):
    hostile = tmp_path / "hostile.html"
    hostile.write_bytes(article_html("2023年度宁波市最美志愿服务社区名单公布", [
        "名单公布如下：", "最美志愿服务社区（1个）：", "鄞州区潘火街道\u202e香园\u200e社区\x07"]))
    report = Ingest(project).run([str(hostile)])
    assert report.failed == []
    link(load(project / "content"), include_drafts=True)  # every draft passes check
    written = "".join((project / c).read_text(encoding="utf-8") for c in report.created)
    assert "\u202e" not in written and "\x07" not in written and "香园社区" in written


def test_what_a_notice_says_of_its_order_goes_into_the_edition_as_printed(bare, tmp_path):
    page_file = tmp_path / "notice.html"
    page_file.write_bytes(article_html("2023年度某市最美志愿者名单公布", [
        "经评选，确定以下同志为2023年度某市最美志愿者（排名不分先后）：", "1.陈建钧", "2.吕海英", "3.何素贞"],
        date="2024-01-10 09:00"))
    Ingest(bare).run([str(page_file)])
    [edition] = (bare / "content/records/editions").glob("*.yaml")
    data = _yaml(edition)
    assert data["order_note"] == "排名不分先后"
    assert not data.get("ranked")  # no 名次 shown: the notice says there is none
