"""Incremental builds: after any edits, output/ is byte for byte what a clean build makes.

The property test drives random sequences of editor actions (text, names, regions, new and
deleted records, edition titles and dates, templates, news, site settings, touched files,
output files changed by hand) through incremental builds, then compares output/ with a
build that uses no cache at all. BANGYANG_HYPOTHESIS_EXAMPLES raises the number of
sequences for a deeper local run.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

import generator.site.pages as pages_module
from generator.site.pages import PER_HONOREE
import generator.render.groups as render_module
from generator.engine.build import BuildError, build
from generator.engine.state import BuildState, Values, unpack
from generator.cli import main
from generator.records.record import StoredModel
from helpers import copy_project, tree_digest

EXAMPLES = int(os.environ.get("BANGYANG_HYPOTHESIS_EXAMPLES", "8"))
HONOREE_DIRS = ("communities", "organizations", "projects", "volunteers", "centres")


def _honoree_files(project: Path) -> list[Path]:
    records = project / "content" / "records"
    return sorted(p for d in HONOREE_DIRS for p in (records / d).rglob("*.yaml"))


def _replace_line(path: Path, key: str, new_value: str) -> None:
    text = path.read_text(encoding="utf-8")
    text = re.sub(rf"^{key}: .*$", f"{key}: {new_value}", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")


def _set_first_figure(path: Path, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    figure = re.search(r"value: ['\"]?([0-9][^'\"\n]*)", text)
    assert figure, f"{path.name} has a figure"
    path.write_text(text.replace(figure[0], f"value: {value}", 1), encoding="utf-8")


def _open_data_rows_worked_out(monkeypatch) -> list[str]:
    """The ids of the honorees whose open-data share is worked out (not read from the cache) from now on."""
    rows: list[str] = []
    real_row = pages_module._open_data_row
    monkeypatch.setattr(pages_module, "_open_data_row", lambda h: rows.append(h.id) or real_row(h))
    return rows


class Editor:
    """The actions an editor (or a careless operator) takes between builds."""

    def __init__(self, project: Path):
        self.project = project
        self.records = project / "content" / "records"
        self.regions = sorted({re.search(r"^region: (.*)$", p.read_text(encoding="utf-8"), re.M)[1]
                               for p in _honoree_files(project)})
        self.added: list[Path] = []
        self.count = 0
        self.changes: list[Path] = []  # every file touched, as a file watcher would report it

    def take_changes(self) -> list[Path]:
        changes, self.changes = self.changes, []
        return changes

    def apply(self, action: str, n: int) -> None:
        self.count += 1
        files = _honoree_files(self.project)
        target = files[n % len(files)]
        if action == "body":
            text = target.read_text(encoding="utf-8").replace("body: |\n", f"body: |\n  第{self.count}次补充的一句话。\n", 1)
            target.write_text(text, encoding="utf-8")
            self.changes.append(target)
        elif action == "figure":  # links stay; the record's open-data row changes
            text = target.read_text(encoding="utf-8")
            changed = re.sub(r"value: ['\"]?[0-9][^'\"\n,}]*['\"]?", f"value: {self.count * 7 + 1}人", text, count=1)
            if changed == text:  # no figure in this record: give it one
                changed = text.replace("body: |\n", f"stats:\n  - {{metric: 服务人次, value: {self.count * 7 + 1}人次}}\nbody: |\n", 1)
            target.write_text(changed, encoding="utf-8")
            self.changes.append(target)
        elif action == "name":
            name = re.search(r"^name: (.*)$", target.read_text(encoding="utf-8"), re.M)[1]
            _replace_line(target, "name", f"{name}{self.count}")
            self.changes.append(target)
        elif action == "region":
            _replace_line(target, "region", self.regions[n % len(self.regions)])
            self.changes.append(target)
        elif action == "add":
            source = self.records / "projects" / "zhejiang" / "fuyang-weixiaogang.yaml"
            text = re.sub(r"^also_known_as: .*\n", "", source.read_text(encoding="utf-8"), flags=re.M)
            text = re.sub(r"^name: .*$", f"name: 新增测试项目{self.count}", text, flags=re.M)
            new = self.records / "projects" / "zhejiang" / f"test-new-{self.count}.yaml"
            new.write_text(text, encoding="utf-8")
            self.added.append(new)
            self.changes.append(new)
        elif action == "delete":
            if self.added:
                gone = self.added.pop(n % len(self.added))
                gone.unlink()
                self.changes.append(gone)
        elif action == "edition":
            editions = sorted((self.records / "editions").glob("*.yaml"))
            edition = editions[n % len(editions)]
            if n % 2:
                title = re.search(r"^title: (.*)$", edition.read_text(encoding="utf-8"), re.M)[1]
                _replace_line(edition, "title", f"{title}(修订{self.count})")
            else:
                _replace_line(edition, "announced", f"2026-{1 + n % 12:02d}")
            self.changes.append(edition)
        elif action == "template":
            names = ("honoree.html", "region.html", "base.html", "edition.html", "article.html")
            template = self.project / "templates" / names[n % len(names)]
            template.write_text(template.read_text(encoding="utf-8") + f"{{# edit {self.count} #}}<!-- {self.count} -->\n",
                                encoding="utf-8")
            self.changes.append(template)
        elif action == "news":
            news = sorted((self.project / "content" / "news").glob("*.md"))[n % 5]
            text = news.read_text(encoding="utf-8")
            news.write_text(re.sub(r"^Title: (.*)$", rf"Title: \g<1>{self.count}", text, count=1, flags=re.M),
                            encoding="utf-8")
            self.changes.append(news)
        elif action == "site":
            _replace_line(self.project / "content" / "site.yaml", "name", f"榜样{self.count}")
            self.changes.append(self.project / "content" / "site.yaml")
        elif action == "touch":
            target.write_bytes(target.read_bytes())  # same bytes, new mtime
            self.changes.append(target)
        elif action == "hand_edit_output":
            built = sorted((self.project / "output").rglob("index.html"))
            if built:
                victim = built[n % len(built)]
                if n % 2:
                    victim.write_text("an operator's stray edit", encoding="utf-8")
                else:
                    victim.unlink()
                self.changes.append(victim)


ACTIONS = ("body", "figure", "name", "region", "add", "delete", "edition", "template", "news", "site", "touch",
           "hand_edit_output")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """The sample project, built once with its cache, copied for every example."""
    project = copy_project(tmp_path_factory.mktemp("pristine") / "project")
    build(project, search=False)
    return project


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])
@given(edits=st.lists(st.tuples(st.sampled_from(ACTIONS), st.integers(0, 1000)), min_size=1, max_size=5),
       jobs=st.sampled_from([1, 2]), in_session=st.sampled_from(["no", "yes", "watched"]))
def test_incremental_output_equals_a_clean_build_after_any_edits(pristine, tmp_path_factory, monkeypatch,
                                                                  edits, jobs, in_session):
    """A "watched" preview is told each changed file, as `bangyang serve`'s watcher tells it."""
    monkeypatch.setattr(render_module, "_PARALLEL_MIN_GROUPS", 0)  # let the small sample use workers too
    work = tmp_path_factory.mktemp("edits")
    project = work / "project"
    shutil.copytree(pristine, project)
    editor = Editor(project)
    preview = BuildState(project, preview=True) if in_session != "no" else None
    if in_session == "watched":
        preview.watching()
        build(project, search=False, jobs=jobs, state=preview)  # looks at every file; later builds do not
        preview.prime()  # as serve does while nothing changes
    for action, n in edits:
        before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in (project / "output").rglob("*") if p.is_file()}
        editor.apply(action, n)
        if in_session == "watched":
            preview.changed(editor.take_changes())
        build(project, search=False, jobs=jobs, state=preview)
        # A file whose bytes did not change keeps its mtime (rsync sends only what changed),
        # unless the edit was to that very file in output/.
        for path, (mtime, data) in before.items():
            if action != "hand_edit_output" and path.is_file() and path.read_bytes() == data:
                assert path.stat().st_mtime_ns == mtime, path
    clean = build(project, output=work / "clean", search=False, cache=False)
    assert tree_digest(project / "output") == tree_digest(clean.output), edits


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])
@given(in_preview=st.lists(st.tuples(st.sampled_from(ACTIONS), st.integers(0, 1000)), min_size=1, max_size=3),
       after=st.lists(st.tuples(st.sampled_from(ACTIONS), st.integers(0, 1000)), min_size=1, max_size=3))
def test_command_line_builds_after_a_preview_equal_a_clean_build(pristine, tmp_path_factory, in_preview, after):
    """Edits in a preview, which writes its build state and the summaries'
    values when it stops; then edits built from the command line, which trust those values."""
    work = tmp_path_factory.mktemp("handover")
    project = work / "project"
    shutil.copytree(pristine, project)
    editor = Editor(project)
    preview = BuildState(project, preview=True)
    preview.watching()
    build(project, search=False, state=preview)
    preview.prime()
    for action, n in in_preview:
        editor.apply(action, n)
        preview.changed(editor.take_changes())
        build(project, search=False, state=preview)
        preview.prime()  # idle between edits
    preview.save()
    for action, n in after:
        editor.apply(action, n)
        build(project, search=False)
    clean = build(project, output=work / "clean", search=False, cache=False)
    assert tree_digest(project / "output") == tree_digest(clean.output), (in_preview, after)


def test_serve_session_rebuilds_match_a_clean_build_after_renames(project, tmp_path):
    """`bangyang serve` keeps per-honoree search and open-data values in memory between rebuilds."""
    preview = BuildState(project, preview=True)
    build(project, search=False, state=preview, jobs=1)
    editor = Editor(project)
    for action, n in (("name", 3), ("region", 3), ("name", 3), ("edition", 1)):
        editor.apply(action, n)
        build(project, search=False, state=preview, jobs=1)
    clean = build(project, output=tmp_path / "clean", search=False, cache=False)
    for rel in ("data/honorees.json", "data/honorees.csv", "search/index.html"):
        assert (project / "output" / rel).read_bytes() == (clean.output / rel).read_bytes(), rel
    assert tree_digest(project / "output") == tree_digest(clean.output)


def test_a_preview_forgets_the_characters_of_a_deleted_honoree(project, tmp_path):
    """After an edit that links the catalog again, a preview keeps each record's characters
    counted by its last catalog; one whose record went no longer reaches the search page's
    traditional → simplified table."""
    preview = BuildState(project, preview=True)
    preview.watching()
    added = project / "content/records/communities/zhejiang/cixi-xueyu.yaml"
    added.write_text("name: 慈溪市鳕鱼社区\nregion: 浙江省/宁波市/慈溪市\n", encoding="utf-8")
    build(project, search=False, state=preview, jobs=1)
    preview.prime()  # as serve does while nothing changes: every record's characters counted
    t2s = project / "output/search/t2s.js"
    assert "鱈鳕" in t2s.read_text(encoding="utf-8")
    added.unlink()
    preview.changed([added])
    build(project, search=False, state=preview, jobs=1)
    assert "鱈鳕" not in t2s.read_text(encoding="utf-8")
    clean = build(project, output=tmp_path / "clean", search=False, cache=False)
    assert t2s.read_bytes() == (clean.output / "search/t2s.js").read_bytes()


def test_a_serve_session_writes_its_manifest_when_it_ends(project):
    preview = BuildState(project, preview=True)
    build(project, search=False, state=preview, jobs=1)
    editor = Editor(project)
    editor.apply("name", 2)
    build(project, search=False, state=preview, jobs=1)
    # While the preview runs, no manifest on disk describes output/: another process builds in full, correctly.
    assert BuildState(project).manifest((project / "output").resolve()) is None
    preview.save()
    after = build(project, search=False)
    assert (after.remade, after.rendered, after.written) == (0, 0, 0)


def test_parallel_rendering_writes_the_same_bytes_as_serial(project, tmp_path, monkeypatch):
    monkeypatch.setattr(render_module, "_PARALLEL_MIN_GROUPS", 0)
    serial = build(project, output=tmp_path / "serial", search=False, jobs=1, cache=False)
    parallel = build(project, output=tmp_path / "parallel", search=False, jobs=2, cache=False)
    assert serial.rendered == parallel.rendered > 150
    assert tree_digest(serial.output) == tree_digest(parallel.output)


def test_editing_one_honoree_remakes_only_the_pages_that_show_it(project):
    build(project, search=False)
    path = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("body: |\n", "body: |\n  新加的一句。\n", 1), encoding="utf-8")
    result = build(project, search=False)
    # A body shows on its own page (and in search and open data, whose share of it did not
    # change): its editions, regions and years list it by name, and are not made again.
    assert result.remade == 1 and result.rendered == 1 and result.written == 1, result
    assert "新加的一句" in (project / "output/communities/zhejiang/cixi-yubo/index.html").read_text(encoding="utf-8")
    nothing = build(project, search=False)
    assert (nothing.remade, nothing.rendered, nothing.written) == (0, 0, 0)
    assert result.groups == nothing.groups  # (the first planned only the groups that read texts)
    _replace_line(path, "name", "慈溪市浒山街道虞波社区（改名）")
    renamed = build(project, search=False)  # a name is on every page that lists it
    assert 5 < renamed.remade < renamed.groups / 4, renamed
    assert "虞波社区（改名）" in (project / "output/regions/zhejiang/ningbo/cixi/hushan/index.html").read_text(encoding="utf-8")


def test_a_rebuild_after_one_edit_works_out_only_the_edited_honorees_share(project, monkeypatch):
    """The other honorees' records and summary values come from the build cache as they are:
    at 10,000 honorees, unpickling and summing them all up again was most of a rebuild."""
    monkeypatch.setattr(render_module, "_PARALLEL_MIN_GROUPS", 0)  # worked out in workers, handed back
    build(project, search=False, jobs=2)
    rows, stored, unpickled = _open_data_rows_worked_out(monkeypatch), [], []
    real_init, real_model = StoredModel.__init__, StoredModel.model  # how the cache's records are read back
    monkeypatch.setattr(StoredModel, "__init__", lambda self, *a: stored.append(a[0].name) or real_init(self, *a))
    monkeypatch.setattr(StoredModel, "model", property(lambda self: unpickled.append(self.view.name) or real_model.fget(self)))
    path = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("body: |\n", "body: |\n  新加的一句。\n", 1), encoding="utf-8")
    build(project, search=False, jobs=1)
    assert rows == ["communities/zhejiang/cixi-yubo"]
    assert len(set(stored)) == len(_honoree_files(project))  # every honoree read back in its stored form…
    assert unpickled == []  # …and unpickled by no page: the edited one's page has its new record
    assert "新加的一句" in (project / "output/communities/zhejiang/cixi-yubo/index.html").read_text(encoding="utf-8")


def test_shares_worked_out_by_rendering_processes_in_a_rebuild_are_kept(project, monkeypatch):
    """A rebuild's rendering processes hand back the shares they worked out, though not those
    they read from the build cache: a later edit to one honoree works out only that one's."""
    monkeypatch.setattr(render_module, "_PARALLEL_MIN_GROUPS", 0)
    build(project, search=False, jobs=2)
    # A new title: the 40 centres it lists have new shares, worked out in rendering processes.
    _replace_line(project / "content/records/editions/shanghai-shequ-zhiyuan-shifan-2019.yaml", "title",
                  "2019年“创新、创优”上海市社区志愿服务示范中心（测试）")
    build(project, search=False, jobs=2)
    rows = _open_data_rows_worked_out(monkeypatch)
    _set_first_figure(project / "content/records/communities/zhejiang/cixi-yubo.yaml", "123458人")
    build(project, search=False, jobs=1)
    assert rows == ["communities/zhejiang/cixi-yubo"]
    assert "123458" in (project / "output/data/honorees.json").read_text(encoding="utf-8")


def test_a_previews_rendering_processes_hand_back_only_the_shares_they_worked_out(project, monkeypatch):
    """What a preview's rendering processes find in the build cache stays where it is. Handed
    back after every edit, every honoree's share made an edition edit at 100,000 honorees
    seconds slower, and each edit slower than the last until the preview saved."""
    monkeypatch.setattr(render_module, "_PARALLEL_MIN_GROUPS", 0)
    preview = BuildState(project, preview=True)
    build(project, search=False, jobs=2, state=preview)
    handed: list[tuple] = []
    real_merge = Values.merge
    monkeypatch.setattr(Values, "merge", lambda self, packs: handed.extend(
        key for blob in packs.values() for key in unpack(blob)) or real_merge(self, packs))
    edition = project / "content/records/editions/shanghai-shequ-zhiyuan-shifan-2019.yaml"
    listed = {e.get("honoree") or e.get("stub") for c in yaml.safe_load(edition.read_text(encoding="utf-8"))["categories"]
              for e in c["entries"]}
    _replace_line(edition, "title", "2019年“创新、创优”上海市社区志愿服务示范中心（测试）")
    build(project, search=False, jobs=2, state=preview)
    shares = {key[1] for key in handed if key[0] in PER_HONOREE}
    assert len(listed) == 40 and shares == listed  # the 40 centres' new shares, no other honoree's
    rows = _open_data_rows_worked_out(monkeypatch)
    _set_first_figure(project / "content/records/communities/zhejiang/cixi-yubo.yaml", "123458人")
    build(project, search=False, jobs=2, state=preview)
    assert rows == ["communities/zhejiang/cixi-yubo"]
    assert "测试" in (project / "output/data/awards.csv").read_text(encoding="utf-8")
    assert "123458" in (project / "output/data/honorees.json").read_text(encoding="utf-8")


def _mtimes(project: Path, *paths: str) -> dict[str, int]:
    return {p: (project / "output" / p).stat().st_mtime_ns for p in paths}


@pytest.mark.parametrize("in_session", [False, True])
def test_an_edit_that_moves_no_page_writes_out_neither_the_sitemap_nor_the_open_data_again(project, in_session):
    """An edit to a body changes no URL, date or open-data row: rsync to the portal sends only
    the pages that show the text. A new date on a source changes the sitemap."""
    state = BuildState(project, preview=True) if in_session else None
    build(project, search=False, jobs=1, state=state)
    summaries = ("sitemap.xml", "data/honorees.json", "data/honorees.csv", "search/index.html")
    before = _mtimes(project, *summaries)
    path = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    for line in ("新加的一句。", "又加的一句。"):
        path.write_text(path.read_text(encoding="utf-8").replace("body: |\n", f"body: |\n  {line}\n", 1), encoding="utf-8")
        if state:
            state.prime()
        result = build(project, search=False, jobs=1, state=state)
        assert result.remade > 0 and result.written > 0
        assert _mtimes(project, *summaries) == before
    assert "又加的一句" in (project / "output/communities/zhejiang/cixi-yubo/index.html").read_text(encoding="utf-8")

    text = path.read_text(encoding="utf-8")
    dates = sorted(set(re.findall(r"date: ['\"]?(\d{4}-\d{2}-\d{2})", text)))
    path.write_text(text.replace(dates[-1], "2026-01-02"), encoding="utf-8")
    build(project, search=False, jobs=1, state=state)
    assert _mtimes(project, "sitemap.xml") != {"sitemap.xml": before["sitemap.xml"]}
    assert "2026-01-02" in (project / "output/sitemap.xml").read_text(encoding="utf-8")


def test_after_an_edit_only_the_edited_honorees_share_of_the_summaries_is_worked_out_again(project, monkeypatch):
    """The search page and open data sum up every honoree. Each honoree's share is kept under
    the hashes of everything it was worked out from, so an edit works out only the edited
    honoree's again, and a figure or a name edit reaches the open data."""
    build(project, search=False)
    rows = _open_data_rows_worked_out(monkeypatch)
    path = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    _set_first_figure(path, "123457人")
    build(project, search=False)
    assert rows == ["communities/zhejiang/cixi-yubo"]
    assert "123457" in (project / "output/data/honorees.json").read_text(encoding="utf-8")

    rows.clear()
    _replace_line(path, "name", "虞波社区测试改名")
    build(project, search=False)
    assert rows == ["communities/zhejiang/cixi-yubo"]
    assert "虞波社区测试改名" in (project / "output/data/honorees.csv").read_text(encoding="utf-8")


def test_a_build_with_nothing_changed_reads_no_record(project, monkeypatch):
    """The file stats alone show that nothing changed; any change, or a missing index, builds as usual."""
    import generator.engine.build as build_module

    first = build(project, search=False)
    loads = []
    real_load = build_module.load
    monkeypatch.setattr(build_module, "load", lambda *a, **k: loads.append(1) or real_load(*a, **k))
    again = build(project, search=False)
    assert loads == [] and (again.remade, again.written, again.pages, again.groups) == (0, 0, first.pages, first.groups)
    assert again.unchanged and not first.unchanged
    # A search build after one without: the index must be made.
    assert build(project).indexed and len(loads) == 1
    assert not build(project).indexed and len(loads) == 1
    record = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    record.write_bytes(record.read_bytes())  # same bytes, new mtime: looked at, nothing remade
    assert build(project).remade == 0 and len(loads) == 2
    template = project / "templates/honoree.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert build(project).rendered > 0 and len(loads) == 3
    (project / "output/404.html").write_text("an operator's stray edit", encoding="utf-8")
    assert build(project).written == 1 and len(loads) == 4


def test_an_edit_to_a_theme_file_outside_the_templates_reaches_output(project):
    """Pelican copies THEME_STATIC_PATHS into output/theme/; those folders are inputs too."""
    conf = project / "pelicanconf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + '\nTHEME_STATIC_PATHS = THEME_STATIC_PATHS + '
                    '[os.path.join(_HERE, "assets")]\n', encoding="utf-8")
    css = project / "assets" / "css" / "portal.css"
    css.parent.mkdir(parents=True)
    css.write_text("body { color: #111; }\n", encoding="utf-8")
    build(project, search=False)
    copied = project / "output" / "theme" / "css" / "portal.css"
    assert copied.read_text(encoding="utf-8") == "body { color: #111; }\n"
    css.write_text("body { color: #000; }\n", encoding="utf-8")
    build(project, search=False)
    assert copied.read_text(encoding="utf-8") == "body { color: #000; }\n"


def test_a_page_changed_by_hand_in_output_is_made_again(project):
    build(project, search=False)
    page = project / "output/regions/zhejiang/index.html"
    good = page.read_bytes()
    page.write_text("broken", encoding="utf-8")
    (project / "output/404.html").unlink()
    news = project / "output/news/2025-07-03-ningbo-sige100/index.html"  # a page Pelican writes
    news.unlink()
    result = build(project, search=False)
    assert page.read_bytes() == good and (project / "output/404.html").is_file() and news.is_file()
    assert result.written == 3


def test_a_deleted_cache_gives_the_same_site_and_keeps_mtimes(project):
    site = build(project, search=False).output
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    shutil.rmtree(project / ".bangyang-cache")
    result = build(project, search=False)
    assert result.remade == result.groups and result.written == 0
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()} == before


def test_profile_names_each_stage(project, capsys):
    assert main(["--project", str(project), "build", "--no-search", "--profile"]) == 0
    out = capsys.readouterr().out
    for stage in ("load", "link", "render", "write", "index"):
        assert re.search(rf"^\s+{stage}\b.*\d+\.\d{{3}}", out, re.M), out
    assert "重新生成" in out
    # The render stage in parts, naming the templates, so a slow custom template shows.
    for part in ("plan", "page data", "templates", "files", "pelican"):
        assert re.search(rf"^\s+{part}\s+\d+\.\d{{3}}", out, re.M), out
    templates = re.search(r"^\s+templates .*$", out, re.M).group()
    assert re.search(r"honoree\.html \d+\.\d{3}", templates) and re.search(r"edition\.html \d+\.\d{3}", templates), out

    # After one edit, the parts show the one honoree page rendered, and no news page.
    record = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("leader: 严介军", "leader: 严介军(改)"), encoding="utf-8")
    assert main(["--project", str(project), "build", "--no-search", "--profile"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^\s+templates\s+\d+\.\d{3}  模板 \(Jinja\): honoree\.html \d+\.\d{3}$", out, re.M), out
    assert not re.search(r"^\s+pelican\s", out, re.M), out


def test_switching_drafts_off_removes_their_pages(project, tmp_path):
    draft = project / "content/records/projects/zhejiang/test-draft.yaml"
    source = (project / "content/records/projects/zhejiang/fuyang-weixiaogang.yaml").read_text(encoding="utf-8")
    source = re.sub(r"^also_known_as: .*\n", "", source, flags=re.M).replace("name: ", "name: 草稿项目", 1)
    draft.write_text(source + "status: draft\n", encoding="utf-8")
    build(project, search=False)
    build(project, search=False, include_drafts=True)
    assert (project / "output/projects/zhejiang/test-draft/index.html").is_file()
    build(project, search=False)
    assert not (project / "output/projects/zhejiang/test-draft/index.html").exists()
    clean = build(project, output=tmp_path / "clean", search=False, cache=False)
    assert tree_digest(project / "output") == tree_digest(clean.output)


def test_a_change_to_pelicanconf_reaches_a_publishconf_build(project):
    publish = project / "publishconf.py"
    build(project, settings_file=publish, search=False)
    assert build(project, settings_file=publish, search=False).remade == 0
    conf = project / "pelicanconf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + '\nJINJA_ENVIRONMENT["keep_trailing_newline"] = True\n',
                    encoding="utf-8")
    result = build(project, settings_file=publish, search=False)
    assert result.remade == result.groups


def test_check_leaves_no_manifest_behind(project):
    assert main(["--project", str(project), "check"]) == 0
    assert not list((project / ".bangyang-cache").rglob("manifest-*"))


def test_a_watched_session_looks_only_at_the_files_it_is_told_of(project):
    """What lets `bangyang serve` skip a look at every file: its watcher names each change."""
    preview = BuildState(project, preview=True)
    preview.watching()
    build(project, search=False, state=preview, jobs=1)
    record = project / "content" / "records" / "communities" / "zhejiang" / "cixi-yubo.yaml"
    page = project / "output" / "communities" / "zhejiang" / "cixi-yubo" / "index.html"
    record.write_text(record.read_text(encoding="utf-8").replace("body: |\n", "body: |\n  新补充的一句话。\n", 1),
                      encoding="utf-8")
    page.write_text("stray", encoding="utf-8")
    assert build(project, search=False, state=preview, jobs=1).remade == 0  # not told: not seen
    preview.changed([record, page])
    result = build(project, search=False, state=preview, jobs=1)
    assert not result.relinked and result.remade > 0
    assert "新补充的一句话" in page.read_text(encoding="utf-8")


def test_a_watched_session_recovers_from_a_broken_record(project, tmp_path):
    preview = BuildState(project, preview=True)
    preview.watching()
    build(project, search=False, state=preview, jobs=1)
    record = project / "content" / "records" / "communities" / "zhejiang" / "cixi-yubo.yaml"
    good = record.read_text(encoding="utf-8")
    record.write_text(good.replace("name: ", "name: [", 1), encoding="utf-8")
    preview.changed([record])
    with pytest.raises(BuildError) as failed:
        build(project, search=False, state=preview, jobs=1)
    assert "cixi-yubo.yaml" in str(failed.value)
    record.write_text(good.replace("body: |\n", "body: |\n  改好以后补充的一句话。\n", 1), encoding="utf-8")
    preview.changed([record])
    build(project, search=False, state=preview, jobs=1)
    clean = build(project, output=tmp_path / "clean", search=False, cache=False)
    assert tree_digest(project / "output") == tree_digest(clean.output)
    assert "改好以后补充的一句话" in (project / "output/communities/zhejiang/cixi-yubo/index.html").read_text(encoding="utf-8")


class _RecordText:
    """An honoree record whose every field is out of bounds."""

    def __init__(self, hid: str):
        self.hid = hid

    def __getattr__(self, name: str):
        raise AssertionError(f"reads {name} of {self.hid}")


def test_only_the_groups_marked_texts_read_more_of_a_record_than_its_links(project):
    """What lets `bangyang serve` skip the other groups after an edit that leaves every link as it was."""
    from generator.engine.build import load_catalog
    from generator.domain.values import Unkept
    from generator.site.pages import page_builder

    catalog = load_catalog(project)
    texts = set()
    for h in catalog.honorees.values():
        if h.source is not None:
            h.source = SimpleNamespace(model=_RecordText(h.id))
    builder = page_builder(catalog, Unkept())
    for group in builder.plan():
        if group.texts:
            texts.add(group.key.split(":")[0])
        else:
            builder.run(group)  # raises if it reads a record's field
    assert texts == {"honoree", "search", "data"}


def test_a_build_after_edits_to_texts_alone_plans_only_the_groups_that_read_them(project, monkeypatch):
    """From the command line, as a preview does: at 100,000 honorees planning the whole site
    was a sixth of such a build. The groups it plans are those the whole plan gives."""
    from generator.engine.build import load_catalog
    from generator.domain.values import Unkept
    from generator.site.pages import PageBuilder, page_builder

    builder = page_builder(load_catalog(project), Unkept())
    groups = builder.plan()
    for hid in ("communities/zhejiang/cixi-yubo", "centres/shanghai/minhang-pujiang", "no/such-record"):
        readers = [g.key for g in groups if g.texts and (hid in g.deps or "*" in g.deps)]
        assert [g.key for g in builder.text_readers([hid])] == readers
    build(project, search=False)
    planned = []
    monkeypatch.setattr(PageBuilder, "plan", lambda self: planned.append(1) or groups)
    path = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    _set_first_figure(path, "4321")
    result = build(project, search=False)
    assert planned == [] and result.remade == 3, result  # its page, and the open data and search page it adds to
    assert "4321" in (project / "output/communities/zhejiang/cixi-yubo/index.html").read_text(encoding="utf-8")
    assert "4321" in (project / "output/data/figures.csv").read_text(encoding="utf-8")
    _replace_line(path, "name", "慈溪市浒山街道虞波社区（改名）")  # a link: the whole site is planned
    build(project, search=False)
    assert planned == [1]


def test_a_preview_started_after_a_command_line_build_keeps_its_catalog_between_text_edits(project):
    """A preview plans the whole site once, even when the build before was another's and
    nothing changed since: the plan is what lets its next text edit skip linking again."""
    build(project, search=False)
    preview = BuildState(project, preview=True)
    assert build(project, search=False, state=preview).remade == 0
    path = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    for n in range(2):
        _set_first_figure(path, f"432{n}")
        result = build(project, search=False, state=preview)
        assert not result.relinked and result.remade == 3, result
        assert f"432{n}" in (project / "output/communities/zhejiang/cixi-yubo/index.html").read_text(encoding="utf-8")


def test_a_session_build_that_fails_after_an_edit_leaves_the_edit_for_the_next(project, monkeypatch):
    import generator.engine.build as build_module

    preview = BuildState(project, preview=True)
    build(project, search=False, state=preview, jobs=1)
    record = project / "content" / "records" / "communities" / "zhejiang" / "cixi-yubo.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("body: |\n", "body: |\n  第一次补充。\n", 1),
                      encoding="utf-8")
    real = build_module.render_groups

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build_module, "render_groups", disk_full)
    with pytest.raises(OSError):
        build(project, search=False, state=preview, jobs=1)
    monkeypatch.setattr(build_module, "render_groups", real)
    result = build(project, search=False, state=preview, jobs=1)  # nothing changed since the failure
    assert not result.relinked
    assert "第一次补充" in (project / "output/communities/zhejiang/cixi-yubo/index.html").read_text(encoding="utf-8")


def test_a_damaged_cache_file_is_dropped_with_a_warning_and_the_site_is_right(project, tmp_path, capfd):
    """Flipped bytes in any file of the build state (records, values, manifest, compiled
    templates) never reach a page and never stop a build: the file is made again."""
    build(project, search=False)
    path = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    files = sorted(p for p in (project / ".bangyang-cache/build").rglob("*") if p.is_file())
    assert any(p.suffix == ".jinja" for p in files) and any(p.name.startswith("parsed-") for p in files)
    for file in files:
        data = bytearray(file.read_bytes())
        data[len(data) // 2] ^= 0xFF
        file.write_bytes(bytes(data))
    capfd.readouterr()
    path.write_text(path.read_text(encoding="utf-8").replace("leader: 严介军", "leader: 严介军(改)"), encoding="utf-8")
    build(project, search=False)
    assert "已损坏" in capfd.readouterr().err
    clean = build(project, output=tmp_path / "clean", search=False, cache=False)
    assert tree_digest(project / "output") == tree_digest(clean.output)
    assert "严介军(改)" in (project / "output/communities/zhejiang/cixi-yubo/index.html").read_text(encoding="utf-8")
    capfd.readouterr()
    build(project, search=False)  # made again: no warning now
    assert "已损坏" not in capfd.readouterr().err


def test_a_cache_written_by_another_version_is_made_again_without_calling_it_damaged(project, tmp_path, capfd):
    """After an upgrade the old cache may hold objects of classes that are gone: that is not
    damage, and an editor must not be told it is."""
    from generator.engine import state

    build(project, search=False)
    kept = sorted((project / ".bangyang-cache/build").glob("*.pickle"))
    assert kept
    gone_class = b"\x80\x04\x95\x18\x00\x00\x00\x00\x00\x00\x00\x8c\x0cno_such_code\x94\x8c\x05Thing\x94\x93\x94."
    for file in kept:
        file.write_bytes(state._seal(b"0" * len(state.code_version()), gone_class))
    capfd.readouterr()
    build(project, search=False)
    assert "已损坏" not in capfd.readouterr().err
    clean = build(project, output=tmp_path / "clean", search=False, cache=False)
    assert tree_digest(project / "output") == tree_digest(clean.output)


def test_an_edit_saves_only_what_changed_of_the_manifest_and_the_next_build_trusts_it(project, tmp_path):
    build(project, search=False)
    folder = project / ".bangyang-cache/build"
    base = next(folder.glob("manifest-*"))
    kept = base.read_bytes()
    record = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    for n in (1, 2):
        record.write_text(re.sub(r"leader: 严介军\d*", f"leader: 严介军{n}", record.read_text(encoding="utf-8")),
                          encoding="utf-8")
        build(project, search=False)
    assert base.read_bytes() == kept and list(folder.glob("changes-*"))
    # A page changed by hand makes the next build read the manifest: it remakes that page alone.
    page = project / "output/communities/zhejiang/cixi-yubo/index.html"
    page.write_text("broken", encoding="utf-8")
    again = build(project, search=False)
    assert (again.remade, again.written) == (1, 1) and "严介军2" in page.read_text(encoding="utf-8")
    clean = build(project, output=tmp_path / "clean", search=False, cache=False)
    assert tree_digest(project / "output") == tree_digest(clean.output)


def test_a_build_stopped_while_it_writes_output_leaves_no_manifest_to_trust(project, monkeypatch):
    build(project, search=False)
    record = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("leader: 严介军", "leader: 严介军(改)"), encoding="utf-8")

    def stopped(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr("generator.render.publish.commit", stopped)
    with pytest.raises(KeyboardInterrupt):
        build(project, search=False)
    monkeypatch.undo()
    result = build(project, search=False)
    assert result.remade == result.groups
    assert "严介军(改)" in (project / "output/communities/zhejiang/cixi-yubo/index.html").read_text(encoding="utf-8")


def test_a_lost_file_of_models_gives_the_same_site(project, tmp_path):
    """The cache lists records by their views and keeps the honorees' models in files of
    their own: with those files gone, a build that remakes every honoree page validates the
    record files again and makes the same site."""
    build(project, search=False)
    models = list((project / ".bangyang-cache/build").glob("models-*"))
    assert models
    for file in models:
        file.unlink()
    template = project / "templates/honoree.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n<!-- 改 -->\n", encoding="utf-8")
    result = build(project, search=False)
    assert result.rendered > 10
    clean = build(project, output=tmp_path / "clean", search=False, cache=False)
    assert tree_digest(project / "output") == tree_digest(clean.output)
