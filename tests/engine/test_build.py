"""Whole-site properties: links, third-party resources, determinism, scaffolding, redirects, drafts."""

from __future__ import annotations

from helpers import page, text_of, tree_digest
from generator.engine.build import build
from generator.cli import main
from generator.site.linkcheck import check_site


def test_every_internal_link_resolves_and_nothing_loads_from_another_host(site):
    checked, problems = check_site(site)
    assert checked > 1000
    assert [str(p) for p in problems] == []


def test_link_check_catches_a_broken_link_and_a_third_party_script(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<a href="../missing/">x</a><script src="https://cdn.example.com/x.js"></script><a href="../a/">ok</a>')
    checked, problems = check_site(tmp_path)
    reasons = sorted(p.reason for p in problems)
    assert len(problems) == 2 and any("不存在" in r for r in reasons) and any("第三方" in r for r in reasons)


def test_rebuild_is_byte_identical(project):
    first = tree_digest(build(project).output)
    second = tree_digest(build(project).output)
    assert first == second


def test_a_site_without_news_gets_the_same_feed_every_build(project, tmp_path):
    """An empty Atom feed is dated by the newest edition, not by the clock of the build."""
    for article in (project / "content" / "news").glob("*.md"):
        article.unlink()
    first = (build(project, search=False).output / "feeds/all.atom.xml").read_bytes()
    again = build(project, output=tmp_path / "again", search=False, cache=False)
    feed = (again.output / "feeds/all.atom.xml").read_bytes()
    assert b"<entry>" not in feed and feed == first
    assert b"<updated>2025-" in feed  # the newest list in the sample was announced in 2025


def test_new_record_validates_and_appears_in_the_site(project, capsys):
    assert main(["--project", str(project), "new", "volunteer", "陶成诚、黄先红", "--region", "慈溪市"]) == 0
    out = capsys.readouterr().out
    created = next(line.split(" ", 1)[1] for line in out.splitlines() if line.startswith("已创建"))
    assert created.endswith("content/records/volunteers/zhejiang/cixi-taochengchenghuangxianhong.yaml")
    site = build(project).output
    assert "陶成诚、黄先红" in text_of(page(site, "volunteers/zhejiang/cixi-taochengchenghuangxianhong/"))
    # Asking again never overwrites the editor's file.
    assert main(["--project", str(project), "new", "volunteer", "陶成诚、黄先红", "--region", "慈溪市"]) == 1
    assert "已有档案" in capsys.readouterr().err


def test_new_guesses_the_region_from_the_name_and_a_slug_override_is_kept(project, capsys):
    assert main(["--project", str(project), "new", "centre", "闵行区吴泾镇新时代文明实践所", "--slug", "minhang-wujing-suo"]) == 0
    path = project / "content/records/centres/shanghai/minhang-wujing-suo.yaml"
    assert "region: 上海市闵行区吴泾镇" in path.read_text(encoding="utf-8")
    assert main(["--project", str(project), "new", "community", "某地某社区"]) == 1
    assert "--region" in capsys.readouterr().err


def test_alias_of_an_old_id_produces_a_redirect(project):
    f = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace(
        "also_known_as:", "aliases: [communities/zhejiang/yubo]\nalso_known_as:", 1), encoding="utf-8")
    site = build(project).output
    html = (site / "communities/zhejiang/yubo/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=../../../communities/zhejiang/cixi-yubo/"' in html
    checked, problems = check_site(site)
    assert problems == []


def test_markup_typed_into_a_record_shows_as_text_in_the_page_and_its_meta_fields(project):
    f = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    hostile = """<script>alert("虞波")</script> & 'x'"""
    text = f.read_text(encoding="utf-8").replace("leader: 严介军", f"leader: '{hostile.replace(chr(39), chr(39) * 2)}'", 1)
    f.write_text(text.replace("summary: 2011年", "summary: <b onmouseover=x>2011年", 1), encoding="utf-8")
    site = build(project, search=False).output
    html = (site / "communities/zhejiang/cixi-yubo/index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<b onmouseover" not in html
    assert "&lt;script&gt;alert(&#34;虞波&#34;)&lt;/script&gt; &amp; &#39;x&#39;" in html
    assert 'content="&lt;b onmouseover=x&gt;2011年' in html  # the description meta field
    assert "<script>alert(\"虞波\")</script> & 'x'" in text_of(page(site, "communities/zhejiang/cixi-yubo/"))


def test_a_project_template_with_a_macro_and_a_set_block_prints_their_markup_once(project):
    templates = project / "templates"
    base = (templates / "honoree.html").read_text(encoding="utf-8")
    (templates / "honoree.html").write_text(base.replace("{% block content %}", (
        "{% block content %}{% macro tag(t) %}<em class=\"m\">{{ t }}</em>{% endmacro %}"
        "{% set head %}<strong>{{ page.title }} & {{ '<i>' }}</strong>{% endset %}"
        "<p id=\"probe\">{{ tag('<u>') }}{{ head }}{{ head|upper }}</p>"), 1), encoding="utf-8")
    html = (build(project, search=False).output / "communities/zhejiang/cixi-yubo/index.html").read_text(encoding="utf-8")
    probe = html.split('<p id="probe">', 1)[1].split("</p>", 1)[0]
    name = "慈溪市浒山街道虞波社区"
    assert probe == (f'<em class="m">&lt;u&gt;</em><strong>{name} & &lt;i&gt;</strong>'
                     f'<STRONG>{name} & &LT;I&GT;</STRONG>')


def test_drafts_are_hidden_unless_previewing(project):
    f = project / "content/records/projects/zhejiang/fuyang-weixiaogang.yaml"
    f.write_text(f.read_text(encoding="utf-8") + "status: draft\n", encoding="utf-8")
    site = build(project).output
    assert not (site / "projects/zhejiang/fuyang-weixiaogang").exists()
    preview = build(project, output=project / "preview", include_drafts=True).output
    assert "草稿" in text_of(page(preview, "projects/zhejiang/fuyang-weixiaogang/"))


def test_a_missing_search_tool_fails_the_build_with_a_fix(project, monkeypatch):
    import pytest
    from generator.engine.build import BuildError

    monkeypatch.setenv("BANGYANG_PAGEFIND", str(project / "no-such-pagefind"))
    with pytest.raises(BuildError, match="npm ci"):
        build(project)
    assert build(project, search=False).pages > 100


def test_without_the_qr_script_the_build_says_how_to_install_it(project, monkeypatch, capsys):
    monkeypatch.setattr("generator.engine.settings.qr_script", lambda project: None)
    assert main(["--project", str(project), "build", "--no-search"]) == 0
    assert "找不到二维码脚本" in capsys.readouterr().out and not (project / "output/theme/qrcode.js").exists()
    monkeypatch.undo()
    assert main(["--project", str(project), "build", "--no-search"]) == 0
    assert "二维码" not in capsys.readouterr().out and (project / "output/theme/qrcode.js").is_file()


def test_unchanged_files_keep_their_mtime_so_rsync_sends_only_changes(project):
    import os
    import time

    site = build(project).output
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    time.sleep(0.05)
    f = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("leader: 严介军", "leader: 严介军(改)"), encoding="utf-8")
    build(project)
    changed = sorted(str(p.relative_to(site)) for p, m in before.items() if p.exists() and p.stat().st_mtime_ns != m)
    assert "communities/zhejiang/cixi-yubo/index.html" in changed
    assert "regions/shanghai/index.html" not in changed and "theme/css/site.css" not in changed
    assert len(changed) < len(before) / 4, changed
    assert os.path.exists(site / "index.html")
