"""One build: records → catalog → pages → render → write → index, redoing only what changed.

``build`` reads from top to bottom: load the records, link them into a catalog, plan the
groups of pages and find those whose inputs changed (generator.engine.plan), render those
into a staging folder, run Pelican for the news pages, commit the changed files into a
spare copy of output/, index it for search, and swap it with output/ in one step
(generator.render.publish). Everything it keeps for the next build belongs to
one ``BuildState`` (generator.engine.state). A failed build leaves output/ as it was.
"""

from __future__ import annotations

import gc
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator.domain.ids import content_hash
from generator.domain.problems import ContentError, Problem
from generator.engine import plan
from generator.engine.lock import output_lock
from generator.engine.settings import Settings, SettingsError, digest, files_digest, read_settings
from generator.engine.state import BuildState, GroupState, Manifest, Stamp, code_version
from generator.engine.text_edits import Linked, apply_text_edits
from generator.integrations.pagefind import Indexer, SearchIndexError
from generator.integrations.pelican import PelicanError, pelican_inputs, run_pelican
from generator.records.catalog import Catalog
from generator.records import yamlfile
from generator.records.link import link
from generator.records.load import Loaded, load
from generator.render.files import existing_files
from generator.render.groups import (Job, PageState, default_jobs, make_env, processes_for, refresh, render_groups,
                                     render_times, template_hashes, unchanged_output, untouched)
from generator.render.publish import Copies
from generator.site.pages import Group, PageBuilder, page_builder
from generator.site.sitemap import news_entries, sitemap_xml

STAGES = ("load", "link", "render", "write", "index")


class BuildError(Exception):
    """The build failed; ``problems`` says why, in editors' words. ``output_kept``: output/ is
    as the last build left it (False only when files were being moved in one by one)."""

    def __init__(self, problems: list[Problem], output_kept: bool = True):
        self.problems, self.output_kept = problems, output_kept
        super().__init__("\n".join(map(str, problems)))


@dataclass
class BuildResult:
    output: Path
    pages: int                       # HTML pages in the site
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)
    groups: int = 0                  # page groups in the site
    remade: int = 0                  # groups whose pages were made again
    rendered: int = 0                # pages rendered with Jinja
    written: int = 0                 # files moved into output/
    deleted: int = 0                 # files removed from output/
    indexed: bool = False            # the search index was rebuilt
    relinked: bool = True            # False when a preview's rebuild kept the last catalog
    unchanged: bool = False          # every input file and output file was as the last build left it
    switched: bool = True            # False when output/ could not be swapped whole, and was written file by file
    qr_script: bool = True           # False when npm has not installed the script pages draw their QR code with
    # The render stage in parts (generator.render.groups.render_times), with "plan" and
    # "pelican"; empty when nothing was rendered.
    render_parts: dict = field(default_factory=dict)


def load_catalog(project: Path, include_drafts: bool = False) -> Catalog:
    """Load and link content/; raises ContentError listing every problem."""
    return link(load(project / "content"), include_drafts=include_drafts)


def build(project: Path, output: Path | None = None, settings_file: Path | None = None,
          include_drafts: bool = False, search: bool = True, jobs: int | None = None,
          cache: bool = True, state: BuildState | None = None) -> BuildResult:
    """Build the site of ``project`` into ``output`` (default project/output), with its search index.

    ``jobs``: rendering processes (default one per core). ``cache=False`` reads and keeps
    no build state, so every page is made again. ``state``: the build state to use; a
    preview's (``state.preview``) is kept in memory from one build to the next and saved
    when the preview chooses. Any other is read from disk and saved before the build returns.
    """
    started = time.perf_counter()
    project = project.resolve()
    output = (output or project / "output").resolve()
    try:
        settings = read_settings(project, (settings_file or project / "pelicanconf.py").resolve())
    except SettingsError as exc:
        raise BuildError([Problem(str(settings_file or "pelicanconf.py"), 0, 0, "", str(exc))]) from None
    with output_lock(project), _collector_paused():
        _remove_leftovers(output)
        state = BuildState(project, cache) if state is None else state
        try:
            with plan.output_check(state, output) as check:
                result = _build(project, output, settings, state, include_drafts, search, jobs or default_jobs(), check)
        finally:
            if not state.preview:  # also after a failure: what was read and written stays known
                state.save()
    result.seconds = time.perf_counter() - started
    result.qr_script = bool(settings.script_files)
    return result


def _build(project: Path, output: Path, settings: Settings, state: BuildState, include_drafts: bool,
           search: bool, jobs: int, check: plan.OutputCheck | None) -> BuildResult:
    timings = {s: 0.0 for s in STAGES}
    result = BuildResult(output, 0, 0.0, timings)
    hints = set(state.hints) if state.watched else None  # the files a preview's watcher saw change

    # 1. Read the records: only those whose files changed are parsed and validated again.
    with _stage(timings, "load"):
        stamped, files, modified = "", None, None
        if not state.preview and state.folder is not None:  # its stamp may say there is nothing to do
            stamped, files = plan.input_stamp(project, settings.theme_paths,
                                              (settings.digest, include_drafts, str(output)))
            if plan.nothing_changed(check, stamped, output, search):
                result.pages, result.groups, result.unchanged = check.stamp.pages, check.stamp.groups, True
                return result
        elif state.folder is not None:
            files, modified = plan.record_files_since(state, project / "content" / "records", hints)
        previous = state.linked.loaded if state.linked else None
        loaded = load(project / "content", state.parsed, jobs, files, previous, modified, state.values)

    # 2. Link them into one catalog; a preview keeps its catalog when only texts changed.
    with _stage(timings, "link"):
        last = state.linked
        texts_only = apply_text_edits(last, loaded, include_drafts)
        result.relinked = not texts_only
        catalog = last.catalog if texts_only else _link(state, loaded, include_drafts)

    # 3. Plan: the groups of pages, and those to make again.
    parts: dict[str, float] = {}
    with _stage(timings, "render"), _stage(parts, "plan"):
        work = _plan(state, settings, output, catalog, loaded, last, texts_only, include_drafts, hints, check)
        result.groups, result.remade = len(work.planned), len(work.dirty)

    # 4. Render the changed groups into a staging folder, with Pelican's pages and the sitemap.
    # The catalog lives for the whole build and holds no cycles: the collector would only
    # walk it again and again (and, in forked workers, copy its memory).
    gc.freeze()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=_scratch(output, "staging"), dir=output.parent))
    try:
        with _stage(timings, "render"):
            new, staged = _render(project, settings, state, output, staging, catalog, include_drafts, work, jobs, result)
            result.render_parts = {**parts, **result.render_parts}

        # 5. Write: move the changed files into the spare copy of output/, and remove the pages that went.
        with _stage(timings, "write"), _writing(output):
            copies, site, key = _commit(state, output, staging, catalog, work.old, new, staged, search, result)
    finally:
        shutil.rmtree(staging, ignore_errors=True)

    # 6. Index the site for search, when a searchable page changed; then switch the copies.
    try:
        if search and key is not None:
            with _stage(timings, "index"), _writing(output):
                _index(project, site, copies)
            new.search, result.indexed = key, True
    finally:
        if site != output:  # also when indexing failed: the pages are whole, as the manifest says
            with _writing(output, switching=True):
                result.switched = copies.switch()
        _records_read(state)
        state.values.end_build()
        stamp = Stamp(stamped, [(path, page.size, page.mtime_ns) for path, page in new.pages.items()],
                      sum(1 for p in new.pages if p.endswith(".html")), len(work.planned),
                      key is None or result.indexed) if stamped else None
        state.wrote(output, new, stamp)

    _keep_for_next_build(state, result, loaded, catalog, work, include_drafts, new, hints)
    result.pages = sum(1 for p in new.pages if p.endswith(".html"))
    return result


def _link(state: BuildState, loaded: Loaded, include_drafts: bool) -> Catalog:
    state.linked = None  # let the last catalog go before linking anew
    try:
        return link(loaded, include_drafts, state.values)
    except ContentError as exc:
        raise BuildError(exc.problems) from None


@dataclass
class Work:
    """What step 3 planned: the groups of pages, which to make again, and what that compares against."""

    builder: PageBuilder
    env: object                      # the Jinja environment
    templates: dict[str, str]        # template → hash with what it extends and includes
    settings_key: str                # hash of what every page depends on
    old: Manifest | None             # the last build into this output, when still comparable
    touched: set[str]                # groups whose files in output/ were changed by hand
    groups: list[Group] | None       # every group, when planned (see _groups_to_make)
    planned: set[str]                # the keys of every group
    dirty: list[Group]               # the groups to make again


def _plan(state: BuildState, settings: Settings, output: Path, catalog: Catalog, loaded: Loaded, last: Linked | None,
          texts_only: bool, include_drafts: bool, hints: set[str] | None, check: plan.OutputCheck | None) -> Work:
    builder = last.builder if texts_only else page_builder(catalog, state.values)
    env = _environment(state, settings)
    templates = template_hashes(env, state.values)
    settings_key = digest(code_version(), settings.digest, catalog.hashes.get("site.yaml"),
                          catalog.hashes.get("regions.yaml"), include_drafts, builder.latest)
    old = state.manifest(output)
    if old is not None and old.settings != settings_key:
        old = None  # settings, site.yaml, regions or bangyang itself changed: everything is remade
    state.values.start_build(keep_unused=old is not None)  # a build that remakes every page keeps only what it uses
    made_here = old is not None and last is not None and old is last.manifest
    touched = set()
    if old is not None:
        noted = plan.touched_noted(old, output, hints) if made_here and hints is not None else None
        touched = noted if noted is not None else plan.touched_groups(old, output, check)
    groups, planned, dirty = _groups_to_make(builder, last, texts_only, made_here, old, catalog, loaded,
                                             state, templates, touched)
    same = plan.unchanged_summaries(dirty, old, catalog, builder, templates, touched)
    dirty = [g for g in dirty if g.key not in same]
    return Work(builder, env, templates, settings_key, old, touched, groups, planned, dirty)


def _render(project: Path, settings: Settings, state: BuildState, output: Path, staging: Path, catalog: Catalog,
            include_drafts: bool, work: Work, jobs: int, result: BuildResult) -> tuple[Manifest, list[str]]:
    """Render ``work``'s groups, Pelican's files and the sitemap into ``staging``: the new
    manifest, and the files staged (those whose bytes changed)."""
    old = work.old
    old_pages = old.pages if old else {}
    job = Job(work.builder, work.dirty, catalog.site.model_dump(), work.templates, work.env, output, staging, old_pages)
    # The records are final once loaded: their cache is written while the workers render.
    results = render_groups(job, jobs, meanwhile=lambda: _records_read(state))
    result.render_parts = render_times(results, processes_for(len(work.dirty), jobs))
    result.rendered = sum(r.rendered for r in results)
    new = plan.new_manifest(work.planned, results, old, catalog.hashes, work.templates, work.settings_key)
    staged = [p for r in results for p in r.staged]
    pelican_key = digest(work.settings_key, files_digest(settings.theme_paths), pelican_inputs(catalog))
    if old is None or old.pelican != pelican_key or "pelican" not in old.groups or "pelican" in work.touched:
        with _stage(result.render_parts, "pelican"):
            staged += _pelican_pages(project, settings, catalog, include_drafts, output, staging, old_pages, new)
    else:
        plan.keep_group(new, old, "pelican")
    new.pelican = pelican_key
    staged += _sitemap(catalog, new, old_pages, output, staging)
    return new, staged


def _commit(state: BuildState, output: Path, staging: Path, catalog: Catalog, old: Manifest | None, new: Manifest,
            staged: list[str], search: bool, result: BuildResult) -> tuple[Copies, Path, str | None]:
    """Move the staged files into the spare copy of output/ (a preview: into output/ itself, which
    its watcher follows) and delete the pages that went: (the copies, the folder written, and
    what the search index should be made from when it is out of date)."""
    clashes = plan.claimed_twice(new)
    if clashes:  # one page would silently replace another
        raise BuildError([_clash(catalog, *clash) for clash in clashes])
    if old is None and output.exists():
        deleted = sorted(existing_files(output) - set(new.pages))
    else:
        deleted = sorted(set(old.pages) - set(new.pages)) if old else []
    new.search = old.search if old else ""
    key = plan.stale_index(new, output)
    copies = Copies(output)
    unchanged = not (staged or deleted or (search and key is not None))
    site = output if state.preview or unchanged else copies.spare_ready()
    state.forget_output(output)  # a build stopped before its state is saved must not trust the last manifest
    copies.commit(staging, site, staged, deleted)
    _note_mtimes(new, site, staged)
    result.written, result.deleted = len(staged), len(deleted)
    return copies, site, key


def _keep_for_next_build(state: BuildState, result: BuildResult, loaded: Loaded, catalog: Catalog, work: Work,
                         include_drafts: bool, new: Manifest, hints: set[str] | None) -> None:
    """What a preview keeps in memory for its next build: the catalog and plan, and what its watcher reported."""
    if state.folder is None:
        return
    if result.relinked:
        state.linked = Linked(loaded, catalog, work.builder, work.groups, include_drafts) if work.groups is not None else None
    if state.linked is not None:
        state.linked.manifest = new
    state.hints -= hints or set()
    state.same_files = True
    # Summaries worked out in rendering processes stayed there: work them out again when idle.
    state.primed = None
    if state.watch_started:  # every change from here on is reported
        state.watched, state.watch_started = True, False


def _groups_to_make(builder: PageBuilder, last: Linked | None, texts_only: bool, made_here: bool, old: Manifest | None,
                    catalog: Catalog, loaded: Loaded, state: BuildState, templates: dict[str, str],
                    touched: set[str]) -> tuple[list[Group] | None, set[str], list[Group]]:
    """(every group of the site, or None when it was not planned; the keys of every group;
    the groups to make again, in the plan's order).

    When only the texts of honoree records changed since ``old`` (and no template), the
    plan is the one ``old`` was made from, and only the groups that read those texts are
    made again: a preview takes them from its last plan (``texts_only``), a build from the
    command line plans them alone. Otherwise the whole site is planned, and compared with
    ``old``; so is it by a preview's first build, whose plan its next edit reuses.
    """
    if texts_only and made_here and old.templates == templates:  # a preview's last plan, the edited records in place
        edited = plan.changed(old.inputs, catalog.hashes)
        remake = {g.key for g in builder.text_readers(edited)} if edited else set()
        remake |= touched
        return last.groups, {g.key for g in last.groups}, [g for g in last.groups if g.key in remake]
    edits = plan.text_edits(old, catalog.hashes, loaded.records, state.parsed)
    if texts_only:
        groups = last.groups
    else:
        if not state.preview and plan.only_texts_edited(old, catalog.hashes, templates, touched, edits):
            readers = builder.text_readers(edits) if edits else []
            if all(g.key in old.groups for g in readers):
                return None, plan.planned_keys(old), readers
        groups = builder.plan()
        if last is not None:  # a preview's last catalog: what its builder worked out that still holds
            builder.inherit(last.builder, plan.changed(last.catalog.hashes, catalog.hashes))
    return groups, {g.key for g in groups}, plan.groups_to_remake(groups, old, catalog.hashes, templates, touched, edits)


def _scratch(output: Path, what: str) -> str:
    """The prefix of a build's scratch folders beside ``output``: named after it, so that a
    build removes only its own output's leftovers."""
    return f".{output.name}.{what}."


def _remove_leftovers(output: Path) -> None:
    """Scratch folders of a build that was killed (the lock is held: none is in use)."""
    if output.parent.is_dir():
        for what in ("staging", "pelican"):
            for folder in output.parent.glob(_scratch(output, what) + "*"):
                shutil.rmtree(folder, ignore_errors=True)


def _clash(catalog: Catalog, path: str, group: str, other: str) -> Problem:
    """Two groups write ``path``: the problem, at the old id (aliases) that caused it when one did."""
    message = (f"网址 {path.removesuffix('index.html')} 已是{_page_of(group if other == 'redirects' else other)}的网址; "
               if "redirects" in (group, other) else f"两个页面的网址相同: {_page_of(group)} 和 {_page_of(other)}; ")
    old = path.removesuffix("/index.html")
    owner = catalog.honorees.get(catalog.redirects.get(old, ""))
    if "redirects" in (group, other) and owner is not None and owner.source is not None:
        aliases = list(owner.source.view.aliases)
        loc = ("aliases", aliases.index(old)) if old in aliases else ("aliases",)
        line, column = yamlfile.locate(owner.source.text, loc)
        return Problem(owner.file, line, column, ".".join(map(str, loc)), message + "换一个旧编号, 或删去它")
    return Problem(path, 0, 0, "", message + "改掉其中一个的编号 (旧编号 aliases、简页 stub 或新闻文件名)")


def _page_of(group: str) -> str:
    """A group key in editors' words: “honoree:communities/x” → “入选者 communities/x”."""
    kind, _, what = group.partition(":")
    names = {"honoree": "入选者", "region": "地区", "edition": "榜单", "scheme": "系列", "year": "年度",
             "redirects": "旧编号的跳转页", "pelican": "新闻页", "attachments": "附件"}
    return f"{names.get(kind, kind)} {what}".strip()


def _records_read(state: BuildState) -> None:
    """The load's records are final: keep them (once a build), and write them at once unless a preview waits."""
    if state.parsed.new or state.parsed.stored:
        state.parsed.end_build()
        if not state.preview:
            state.parsed.write()


def _environment(state: BuildState, settings: Settings):
    """The Jinja environment: a preview keeps its own, with the templates it compiled, until a template changes."""
    key = repr((settings.template_dirs, sorted(settings.jinja.items())))
    if state.environment is None or state.environment[0] != key:
        env = make_env(settings.template_dirs, settings.jinja, state.bytecode)
        state.environment = (key, env, refresh(env, None))
    else:
        _, env, seen = state.environment
        state.environment = (key, env, refresh(env, seen))
    return state.environment[1]


@contextmanager
def _collector_paused():
    """The catalog is hundreds of thousands of long-lived objects: the cyclic collector only slows the build."""
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.enable()


@contextmanager
def _writing(output: Path, switching: bool = False):
    """A file that cannot be written (permissions, a full disk, a read-only output/): a
    message naming it, not a traceback."""
    try:
        yield
    except OSError as exc:
        where = exc.filename or output
        fix = ("output/ 可能只更新了一部分, 修好后重新构建即可补全" if switching
               else "output/ 未改动")
        raise BuildError([Problem(str(where), 0, 0, "", f"无法写入 ({exc.strerror or exc}); 检查 {output} 和它旁边的 "
                                                        f".{output.name}.previous/ 是否可写、磁盘是否已满; {fix}")],
                         output_kept=not switching) from None


@contextmanager
def _stage(timings: dict[str, float], name: str):
    t = time.perf_counter()
    try:
        yield
    finally:
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - t


def _pelican_pages(project: Path, settings: Settings, catalog: Catalog, include_drafts: bool, output: Path,
                   staging: Path, old_pages: dict[str, PageState], new: Manifest) -> list[str]:
    """Pelican's files (news pages, feeds, theme files) into the manifest; stages those that changed."""
    folder = Path(tempfile.mkdtemp(prefix=_scratch(output, "pelican"), dir=staging.parent))
    try:
        try:
            made = run_pelican(project, settings.file, catalog, include_drafts, folder, settings.script_files)
        except PelicanError as exc:
            raise BuildError([Problem("content/news", 0, 0, "", m) for m in exc.messages]) from None
        staged = []
        for rel in made:
            data = (folder / rel).read_bytes()
            sha = content_hash(data)
            searchable = rel.startswith("news/") and rel.endswith(".html")
            kept = unchanged_output(output, rel, old_pages.get(rel), sha, data)
            if kept is None:
                target = staging / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                (folder / rel).replace(target)
                staged.append(rel)
                kept = PageState(sha, sha, len(data))
            new.pages[rel] = PageState(sha, sha, kept.size, kept.mtime_ns, None, searchable)
        new.groups["pelican"] = GroupState(frozenset({"*"}), frozenset(), tuple(made))
        return staged
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _sitemap(catalog: Catalog, new: Manifest, old_pages: dict[str, PageState], output: Path, staging: Path) -> list[str]:
    """sitemap.xml from every listed page; staged only when it changed."""
    entries = [s.sitemap for s in new.pages.values() if s.sitemap] + news_entries(catalog)
    new.groups["sitemap"] = GroupState(frozenset({"*"}), frozenset(), ("sitemap.xml",))
    key = digest(catalog.site.site_url, entries)  # the same entries make the same file
    old = old_pages.get("sitemap.xml")
    if untouched(output, "sitemap.xml", old, key) is not None:
        new.pages["sitemap.xml"] = old
        return []
    data = sitemap_xml(catalog.site.site_url, entries)
    sha = content_hash(data)
    kept = unchanged_output(output, "sitemap.xml", old, sha, data)
    new.pages["sitemap.xml"] = PageState(key, sha, len(data), kept.mtime_ns if kept else 0)
    if kept is not None:
        return []
    (staging / "sitemap.xml").write_bytes(data)
    return ["sitemap.xml"]


def _note_mtimes(new: Manifest, output: Path, staged: list[str]) -> None:
    """Remember the modification time of each file just written, to notice later edits by hand."""
    for rel in staged:
        if new.pages[rel].mtime_ns:
            continue  # noted when it was written (write_file)
        st = (output / rel).stat()
        new.pages[rel].size, new.pages[rel].mtime_ns = st.st_size, st.st_mtime_ns


def _index(project: Path, site: Path, copies: Copies) -> None:
    """Rebuild the Pagefind index of ``site`` (a copy of output/); files whose bytes did not change keep their mtime."""
    indexer = Indexer(project, site, copies=copies)
    try:
        indexer.start()
        indexer.finish()
    except SearchIndexError as exc:
        raise BuildError([Problem("package.json", 0, 0, "pagefind", str(exc))]) from None
    finally:
        indexer.stop()


def stale_index(state: BuildState, output: Path) -> str | None:
    """The search key of the last build into ``output`` when its index is out of date."""
    manifest = state.manifest(output.resolve())
    return plan.stale_index(manifest, output) if manifest is not None else None


def index_made(state: BuildState, key: str, output: Path) -> None:
    """Note that the index of ``output`` was made from ``key``."""
    manifest = state.manifest(output.resolve())
    if manifest is not None:
        manifest.search = key
        state.outputs[output.resolve()].unsaved = True
