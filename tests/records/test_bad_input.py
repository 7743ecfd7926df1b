"""Bad content gives a located, plain-words message, and never touches the published output/."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from helpers import tree_digest
from generator.engine.build import BuildError, build
from generator.cli import main

YUBO = "content/records/communities/zhejiang/cixi-yubo.yaml"
ED2024 = "content/records/editions/quanguo-sige100-2024.yaml"


def _line_of(path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def _replace(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(project) -> list[str]:
    with pytest.raises(BuildError) as info:
        build(project)
    return [str(p) for p in info.value.problems]


def _one(project, fragment: str) -> str:
    matches = [p for p in _problems(project) if fragment in p]
    assert len(matches) == 1, _problems(project)
    return matches[0]


# (file, text replaced, replacement, words the one problem must contain)
LOCATED_CASES = {
    "typo in a field name, with a suggestion": (
        YUBO, "leader: 严介军", "leader: 严介军\nregistered_volunters: 2202",
        ["registered_volunters", "未知字段", "是否想写 registered_volunteers"]),
    "text where a number belongs": (
        YUBO, "registered_volunteers: 2202", "registered_volunteers: 两千",
        ["registered_volunteers", "“两千”", "阿拉伯数字"]),
    "entry that refers to an unknown honoree": (
        ED2024, "honoree: communities/zhejiang/yinzhou-xiangyuan", "honoree: communities/zhejiang/yinzhou-xiangyuen",
        ["找不到入选者", "是否想写 communities/zhejiang/yinzhou-xiangyuan"]),
    "unknown region": (
        YUBO, "region: 慈溪市浒山街道", "region: 慈溪市浒山街道虞波社区",
        ["地区表", "“虞波社区”"]),
    "a street put under the wrong district": (
        YUBO, "region: 慈溪市浒山街道", "region: 鄞州区浒山街道",
        ["“浒山街道” 不在 浙江省/宁波市/鄞州区 下", "属于 浙江省/宁波市/慈溪市", "写成 “慈溪市浒山街道”"]),
    "a misspelt street, with the places near it": (
        YUBO, "region: 慈溪市浒山街道", "region: 鄞州区潘火街到",
        ["“潘火街到” 不在地区表", "相近的有 潘火街道"]),
    "a district missing from the table, with what its city has": (
        YUBO, "region: 慈溪市浒山街道", "region: 宁波市海曙区",
        ["“海曙区” 不在地区表", "浙江省/宁波市 下已有 慈溪市、鄞州区"]),
    "an invisible control character in a name": (
        YUBO, "leader: 严介军", 'leader: "严介\\x00军"',
        ["看不见的字符", "U+0000"]),
    "a right-to-left override that would reverse a name on the page": (
        YUBO, "leader: 严介军", "leader: 严介\u202e军",
        ["看不见的字符", "U+202E"]),
    "a zero-width space that parts a name no reader sees parted": (
        YUBO, "leader: 严介军", "leader: 严介\u200b军",
        ["看不见的字符", "U+200B"]),
    "a soft hyphen pasted from a page that let a narrow screen break the name": (
        YUBO, "leader: 严介军", "leader: 严介\xad军",
        ["看不见的字符", "U+00AD"]),
    "an announcement dated after today": (
        ED2024, "announced: 2025-07", "announced: 2099-07",
        ["announced", "晚于今天"]),
    "award year in the future": (
        ED2024, "year: 2024", "year: 2999",
        ["将来", "2999"]),
    "a source address that would run a script": (
        YUBO, "  - publisher: 中国文明网\n", "  - publisher: 中国文明网\n    url: javascript:alert(document.cookie)\n",
        ["sources.0.url", "javascript:alert", "以 http:// 或 https:// 开头"]),
    "a field written twice": (
        YUBO, "leader: 严介军", "leader: 严介军\nleader: 严介军二",
        ["写了两次", "第 4 行和第 5 行"]),
    "broken YAML": (
        YUBO, "leader: 严介军", "leader: 严介军: 负责人",
        ["YAML"]),
}


@pytest.mark.parametrize("case", LOCATED_CASES, ids=list(LOCATED_CASES))
def test_bad_input_gives_its_message_at_the_right_line(project, case):
    rel, old, new, words = LOCATED_CASES[case]
    f = project / rel
    _replace(f, old, new)
    line = _line_of(f, new.splitlines()[-1])
    msg = _one(project, words[0])
    assert msg.startswith(f"{rel}:{line}:"), msg
    for word in words[1:]:
        assert word in msg, msg


def test_missing_name(project):
    _replace(project / YUBO, "name: 慈溪市浒山街道虞波社区\n", "")
    msg = _one(project, "name")
    assert msg.startswith(f"{YUBO}:1:") and "缺少必填字段" in msg and "名称" in msg


def test_duplicate_id(project):
    src = project / YUBO
    (src.with_suffix(".yml")).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    msg = _one(project, "重复")
    assert "communities/zhejiang/cixi-yubo" in msg


def test_check_lists_every_problem_at_once_and_exits_1(project, capsys):
    _replace(project / YUBO, "registered_volunteers: 2202", "registered_volunteers: 两千")
    _replace(project / ED2024, "year: 2024", "year: 2999")
    assert main(["--project", str(project), "check"]) == 1
    err = capsys.readouterr().err
    assert "两千" in err and "2999" in err and "发现 2 个问题" in err


def test_failed_build_leaves_previous_output_untouched(project, capsys):
    assert main(["--project", str(project), "build"]) == 0
    before = tree_digest(project / "output")
    _replace(project / YUBO, "name: 慈溪市浒山街道虞波社区\n", "")
    assert main(["--project", str(project), "build"]) == 1
    assert "output/ 保持原样" in capsys.readouterr().err
    assert tree_digest(project / "output") == before
    assert not _scratch(project), "staging directories must be cleaned up"


def test_files_parsed_in_parallel_give_the_same_records_and_problems(project, monkeypatch):
    """A cold build parses many files in worker processes; what they find must match a serial load."""
    import generator.records.load as load_module

    monkeypatch.setattr(load_module, "_PARALLEL_MIN_FILES", 1)  # the sample is small: force the workers
    content = project / "content"

    def loaded(jobs):
        result = load_module.load(content, jobs=jobs)
        return ({k: r.model.model_dump() for k, r in result.records.items()},
                [str(p) for p in result.problems])

    records, problems = loaded(2)
    assert records == loaded(1)[0] and len(records) > 20 and not problems
    _replace(project / YUBO, "leader: 严介军", "leader: 严介军: 负责人")
    _replace(project / ED2024, "year: 2024", "year: 二〇二四")
    twin = next((project / "content/records/centres").rglob("*.yaml"))
    twin.with_suffix(".yml").write_text(twin.read_text(encoding="utf-8"), encoding="utf-8")  # a duplicate id
    parallel, serial = loaded(2), loaded(1)
    assert parallel == serial
    assert any(p.startswith(f"{YUBO}:{_line_of(project / YUBO, '负责人')}:") and "YAML" in p for p in parallel[1])
    assert any(p.startswith(f"{ED2024}:") and "二〇二四" in p for p in parallel[1])
    assert any("重复" in p for p in parallel[1])


def test_a_region_without_its_parent_is_named_at_its_line(project):
    regions = project / "content/regions.yaml"
    assert not _problems_or_none(project)
    regions.write_text(regions.read_text(encoding="utf-8") + "火星省/某市: mars-city\n", encoding="utf-8")
    line = _line_of(regions, "火星省/某市")
    msg = _one(project, "火星省")
    assert msg.startswith(f"content/regions.yaml:{line}:") and "上一级地区" in msg, msg


def _problems_or_none(project):
    try:
        build(project, search=False)
    except BuildError as exc:
        return exc.problems
    return None


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_record_file_that_goes_while_the_build_reads_is_reported_not_a_crash(project, monkeypatch, jobs):
    """An editor's save may replace a file between the listing and the reading (or a file is deleted)."""
    import generator.records.load as load_module

    monkeypatch.setattr(load_module, "_PARALLEL_MIN_FILES", 1)
    records = project / "content" / "records"
    files = load_module.record_files(records)
    (project / YUBO).unlink()  # listed with its stat, gone when it is read
    result = load_module.load(project / "content", jobs=jobs, files=files)
    gone = [p for p in result.problems if str(p).startswith(str(Path(YUBO)))]
    assert len(gone) == 1 and "稍后再构建一次" in str(gone[0]), [str(p) for p in result.problems]
    assert len(result.records) == len(files) - 1


def test_files_that_must_not_be_read_are_named_and_nothing_of_them_is_published(project, tmp_path):
    """A record linked to a file outside the project, a news file linked to /dev/zero, a news
    file in GBK, and a record of megabytes: each a named problem, never a traceback or a page."""
    secret = tmp_path / "outside.yaml"
    secret.write_text((project / YUBO).read_text(encoding="utf-8").replace("虞波社区", "外部社区"), encoding="utf-8")
    (project / "content/records/communities/zhejiang/outside.yaml").symlink_to(secret)
    (project / "content/news/2024-01-01-zero.md").symlink_to("/dev/zero")
    (project / "content/news/2024-01-02-gbk.md").write_bytes("Title: 编码\nDate: 2024-01-02\n\n正文".encode("gbk"))
    big = project / "content/records/communities/zhejiang/big.yaml"
    big.write_text("name: 大\nregion: 慈溪市\nbody: |\n" + "  很长的正文。\n" * 300_000, encoding="utf-8")
    problems = _problems(project)
    for fragment in ("outside.yaml: 是指向项目以外的符号链接", "2024-01-01-zero.md: 不是普通文件",
                     "2024-01-02-gbk.md:1:1: 文件不是 UTF-8 编码", "big.yaml: 文件有"):
        assert any(fragment in p for p in problems), (fragment, problems)


def test_nested_aliases_that_would_expand_past_any_memory_are_refused_at_the_first_list_they_repeat(project):
    bomb = "".join(f"x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(2, 10))
    _replace(project / YUBO, "leader: 严介军\n", "leader: 严介军\nx1: &a1 [哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈]\n" + bomb)
    msg = _one(project, "别名")
    assert msg.startswith(f"{YUBO}:5:"), msg  # the list the aliases repeat


@pytest.mark.parametrize("alias, page", [("regions/zhejiang", "地区"), ("news/2025-07-03-ningbo-sige100", "新闻页")])
def test_an_old_id_that_would_replace_another_page_is_named_and_output_is_untouched(project, alias, page):
    build(project, search=False)
    before = tree_digest(project / "output")
    _replace(project / YUBO, "leader: 严介军\n", f"leader: 严介军\naliases: [{alias}]\n")
    problems = _problems(project)
    assert any(p.startswith(f"{YUBO}:") and "aliases.0" in p and f"已是{page}" in p for p in problems), problems
    assert tree_digest(project / "output") == before


@pytest.mark.parametrize("after", [0.0, 0.1, 0.2, 0.3, 0.45, 0.6])
def test_a_build_killed_at_any_moment_leaves_one_whole_site_and_the_next_build_matches_a_clean_one(
        project, tmp_path, after):
    """Killed ``after`` seconds into writing pages (its staging folder made), as a power cut would:
    output/ is the whole site before the build or the whole site after it, never a mix."""
    import signal
    import subprocess
    import sys
    import time

    build(project, search=False)
    build(project, search=False)  # the copy beside output/ exists from the second build on
    before = tree_digest(project / "output")
    record = project / YUBO
    record.write_text(record.read_text(encoding="utf-8").replace("leader: 严介军", "leader: 严介军(改)"), encoding="utf-8")
    template = project / "templates/honoree.html"  # every honoree's page is made again
    _replace(template, "</article>", "<p>改</p></article>")
    after_build = tree_digest(build(project, output=tmp_path / "clean", search=False, cache=False).output)
    assert after_build != before
    killed = subprocess.Popen([sys.executable, "-m", "generator.cli", "--project", str(project), "build", "--no-search",
                               "--jobs", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(project.glob(".output.staging.*")) and killed.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    time.sleep(after)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    assert tree_digest(project / "output") in (before, after_build), "output/ mixes two builds"
    build(project, search=False)
    assert not _scratch(project), "a killed build's scratch folders stay"
    assert tree_digest(project / "output") == after_build


class _PowerCut(BaseException):
    """Stands for the end of the process: nothing catches it."""


@pytest.mark.parametrize("moved", [1, 20, 57])
def test_a_build_stopped_while_it_moves_pages_in_leaves_output_as_it_was(project, tmp_path, monkeypatch, moved):
    """Stopped after ``moved`` of 58 changed pages were moved from its staging folder: a visitor
    still gets the whole site as it was, and the next build puts the whole new one in place."""
    import os

    from generator.render import files

    build(project, search=False)
    build(project, search=False)
    before = tree_digest(project / "output")
    template = project / "templates/honoree.html"
    _replace(template, "</article>", "<p>改</p></article>")  # 58 honoree pages change
    clean = tree_digest(build(project, output=tmp_path / "clean", search=False, cache=False).output)
    replace, calls = os.replace, []

    def cut_after_some(src, dst, *args, **kwargs):
        if ".output.staging." in str(src):
            calls.append(dst)
            if len(calls) > moved:
                raise _PowerCut
        return replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(files.os, "replace", cut_after_some)
    with pytest.raises(_PowerCut):
        build(project, search=False, jobs=1)
    monkeypatch.undo()
    assert tree_digest(project / "output") == before
    build(project, search=False)
    assert tree_digest(project / "output") == clean


def _scratch(project: Path) -> list[Path]:
    return [*project.glob(".output.staging.*"), *project.glob(".output.pelican.*"), *project.glob(".pagefind.*")]


def test_scripts_in_a_news_summary_and_body_reach_no_page_and_no_feed(project):
    news = project / "content/news/2018-01-04-cixi-yubo.md"
    text = news.read_text(encoding="utf-8")
    text = re.sub(r"^Summary: .*$", "Summary: 摘要<script>alert(1)</script><img src=x onerror=alert(2)>", text, count=1,
                  flags=re.M)
    news.write_text(text + "\n<script>alert(3)</script><a href=\"javascript:alert(4)\">链接</a>\n", encoding="utf-8")
    site = build(project, search=False).output
    for path in [site / "feeds/all.atom.xml", site / "news/index.html", site / "news/2018-01-04-cixi-yubo/index.html"]:
        body = html.unescape(path.read_text(encoding="utf-8"))
        assert not re.search(r"<script>alert|onerror|javascript:alert", body), path


@pytest.mark.parametrize("line, field, says", [
    ("Date: not a date", "date", "不是日期"),
    ("Source_url: javascript:alert(1)", "source_url", "以 http:// 或 https:// 开头"),
])
def test_a_news_field_that_is_not_a_date_or_a_web_address_is_named_at_its_line(project, line, field, says):
    news = project / "content/news/2018-01-04-cixi-yubo.md"
    text = news.read_text(encoding="utf-8")
    text = re.sub(r"^Date: .*$", line, text, count=1, flags=re.M) if field == "date" else line + "\n" + text
    news.write_text(text, encoding="utf-8")
    msg = _one(project, field)
    assert msg.startswith("content/news/2018-01-04-cixi-yubo.md:") and says in msg, msg


@pytest.mark.parametrize("date", ["2024-13-05", "2024-02-30"])
def test_a_date_that_does_not_exist_is_named_at_its_line_not_a_traceback(project, capsys, date):
    _replace(project / ED2024, "date: 2025-07-03", f"date: {date}")
    line = _line_of(project / ED2024, date)
    assert main(["--project", str(project), "check"]) == 1
    err = capsys.readouterr().err
    assert f"{ED2024}:{line}:" in err and f"“{date}” 不是存在的日期" in err and "Traceback" not in err, err


def test_a_copied_record_with_the_same_name_and_region_is_named(project):
    copy = project / "content/records/communities/zhejiang/cixi-yubo-2.yaml"
    copy.write_text((project / YUBO).read_text(encoding="utf-8").replace(
        "name: 慈溪市浒山街道虞波社区", "name: 慈溪市浒山街道 虞波社区"), encoding="utf-8")
    msg = _one(project, "同名、同地区")
    assert msg.startswith("content/records/communities/zhejiang/cixi-yubo-2.yaml:1:") and "communities/zhejiang/cixi-yubo " in msg, msg


def test_the_same_name_and_region_in_another_kind_is_named_as_a_copy(project):
    copy = project / "content/records/organizations/zhejiang/cixi-yubo.yaml"
    copy.write_text("name: 慈溪市浒山街道虞波社区\nregion: 慈溪市浒山街道\n", encoding="utf-8")
    msg = _one(project, "同名、同地区")
    assert msg.startswith("content/records/organizations/zhejiang/cixi-yubo.yaml:1:"), msg


def test_a_list_entry_made_a_stub_for_a_place_that_has_a_record_points_to_it(project):
    shanghai = project / "content/records/editions/shanghai-shequ-zhiyuan-shifan-2019.yaml"
    _replace(shanghai, "      - honoree: centres/shanghai/minhang-wujing\n        name: 闵行区吴泾镇社区志愿服务中心\n",
             "      - stub: centres/shanghai/wujing-copy\n        name: 闵行区吴泾镇社区志愿服务中心\n")
    msg = _one(project, "已有档案")
    line = _line_of(shanghai, "centres/shanghai/wujing-copy")
    assert msg.startswith(f"content/records/editions/shanghai-shequ-zhiyuan-shifan-2019.yaml:{line}:"), msg
    assert "改为 honoree: centres/shanghai/minhang-wujing" in msg, msg


def test_more_entries_than_the_category_quota_are_named_at_the_first_one_over(project):
    _replace(project / ED2024, "    kind: project\n    quota: 100\n", "    kind: project\n    quota: 1\n")
    msg = _one(project, "名额")
    line = _line_of(project / ED2024, "projects/zhejiang/beilun-xinguangdadao")
    assert msg.startswith(f"{ED2024}:{line}:") and "名额 (quota) 是 1, 这里列了 2 个" in msg, msg


def test_a_source_dated_after_today_is_named(project):
    _replace(project / ED2024, "    date: 2025-07-03", "    date: 2099-07-03")
    msg = _one(project, "晚于今天")
    assert msg.startswith(f"{ED2024}:{_line_of(project / ED2024, '2099-07-03')}:"), msg


def test_new_refuses_a_name_that_already_has_a_record_and_writes_nothing(project, capsys):
    before = tree_digest(project / "content")
    assert main(["--project", str(project), "new", "community", "慈溪市浒山街道虞波社区"]) == 1
    assert main(["--project", str(project), "new", "community", "虞波社区", "--region", "慈溪市浒山街道"]) == 1
    err = capsys.readouterr().err
    assert err.count("已有档案 content/records/communities/zhejiang/cixi-yubo.yaml") == 2 and "--slug" not in err, err
    assert tree_digest(project / "content") == before
