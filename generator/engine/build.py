"""One build: load → link → pages → render → write → index, redoing only what changed.

The build cache (generator.engine.state) remembers each input's content hash, which inputs
every group of pages read, and each page's input hash. A rebuild remakes the groups
whose inputs changed, renders the pages whose input hash changed, and moves into
output/ only the files whose bytes changed. Everything is made in a staging folder
first: a failed build leaves output/ as it was.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import runpy
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from jinja2 import Environment

import orjson

from generator.engine import stamp
from generator.engine.state import CACHE_DIR, Memo, ParsedFiles, code_version, read_pickle, write_pickle
from generator.domain.ids import content_hash
from generator.records.catalog import Catalog
from generator.records.link import link
from generator.engine.lock import output_lock
from generator.records.load import RecordFile, load, record_files, sort_record_files
from generator.site.pages import latest_date, news_extras, page_builder
from generator.domain.problems import ContentError, Problem
from generator.records.record import StoredModel
from generator.engine.reuse import Linked, patch
from generator.render.groups import (GroupResult, Job, PageState, default_jobs, make_env, processes_for, refresh, render_groups,
                     render_times, template_hashes, unchanged_output, untouched)
from generator.integrations.pagefind import Indexer, SearchIndexError
from generator.site.sitemap import news_entries, sitemap_xml
from generator.render.files import changed_files, commit, existing_files

STAGES = ("load", "link", "render", "write", "index")


class BuildError(Exception):
    """The build failed; ``problems`` says why, in editors' words."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
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
    relinked: bool = True            # False when a rebuild in a session reused the last catalog
    unchanged: bool = False          # every input file and output file was as the last build left it
    # The render stage in parts (generator.render.render_times), with "plan": planning the
    # groups and finding those to remake, and "pelican": the news pages, feeds and theme
    # files; empty when nothing was rendered.
    render_parts: dict = field(default_factory=dict)


@dataclass
class GroupState:
    deps: frozenset[str]
    templates: frozenset[str]
    paths: tuple[str, ...]


@dataclass
class Manifest:
    """What the last build into an output folder read and wrote."""

    settings: str                    # hash of everything every page depends on
    inputs: dict[str, str]           # input → content hash
    templates: dict[str, str]        # template → hash with what it extends and includes
    groups: dict[str, GroupState]
    pages: dict[str, PageState]
    pelican: str = ""                # inputs of the last Pelican run (news, theme files)
    search: str = ""                 # searchable pages the index was made from
    # Each honoree's share of the summary pages (Memo.summary_parts), valid for this build:
    # the next drops those of the honorees whose pages it remakes.
    summaries: list = field(default_factory=list)

    # Pickled with its tens of thousands of group and page states as plain tuples: pickle
    # restores a dataclass instance attribute by attribute, three times slower to read.
    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["groups"] = {k: (g.deps, g.templates, g.paths) for k, g in self.groups.items()}
        state["pages"] = {k: (p.input, p.sha, p.size, p.mtime_ns, p.sitemap, p.searchable) for k, p in self.pages.items()}
        return state

    def __setstate__(self, state: dict) -> None:
        state["groups"] = {k: GroupState(*v) for k, v in state["groups"].items()}
        state["pages"] = {k: PageState(*v) for k, v in state["pages"].items()}
        self.__dict__.update(state)


class _ErrorCounter(logging.Handler):
    """Collects errors Pelican logs (it logs bad articles and carries on)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def load_catalog(project: Path, include_drafts: bool = False) -> Catalog:
    """Load and link content/; raises ContentError listing every problem."""
    return link(load(project / "content"), include_drafts=include_drafts)


def _digest(*parts: object) -> str:
    return content_hash(orjson.dumps(parts, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS, default=str))


def _files_digest(folders: list[str]) -> str:
    """Hash of every file under the template and theme folders (Pelican copies the static files)."""
    h = hashlib.blake2b(digest_size=16)
    for folder in folders:
        root = Path(folder)
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


@dataclass
class _Settings:
    file: Path
    digest: str
    template_dirs: list[str]
    jinja: dict
    theme_dirs: list[str]            # the templates, and the theme files Pelican copies into output/


def _read_settings(project: Path, settings_file: Path) -> _Settings:
    """The few settings record pages need, without importing Pelican (a rebuild may never need it)."""
    if not settings_file.is_file():
        raise BuildError([Problem(str(settings_file), 0, 0, "", "找不到设置文件; 从示例项目复制 pelicanconf.py")])
    # A settings file may import another (publishconf.py imports pelicanconf.py): read those
    # afresh too, or a long-running process (serve, tests) would keep the first version.
    for sibling in settings_file.parent.glob("*.py"):
        sys.modules.pop(sibling.stem, None)
    values = runpy.run_path(str(settings_file))
    dirs = [str(Path(d)) for d in values.get("THEME_TEMPLATES_OVERRIDES", [])] or [str(project / "templates")]
    jinja = dict(values.get("JINJA_ENVIRONMENT", {}))
    # The values, not the file: publishconf.py takes most of its settings from pelicanconf.py.
    digest = _digest({k: v for k, v in values.items() if k.isupper()})
    # Pelican takes a relative THEME from beside the settings, or else as one of its own
    # themes (which change only with Pelican, part of the cache's version).
    theme = [str(Path(d)) for d in values.get("THEME_STATIC_PATHS", []) if Path(d).is_absolute()]
    own_theme = settings_file.parent / str(values.get("THEME") or "")
    if values.get("THEME") and own_theme.is_dir():
        theme.append(str(own_theme))  # its relative THEME_STATIC_PATHS are inside it
    # A folder inside another (templates/static) is read with it: not twice a build.
    folders = sorted(set(dirs) | set(theme))
    outer = [f for f in folders if not any(f.startswith(o + os.sep) for o in folders if o != f)]
    return _Settings(settings_file, digest, dirs, jinja, outer)


@contextmanager
def _stage(timings: dict[str, float], name: str):
    t = time.perf_counter()
    try:
        yield
    finally:
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - t


class Session:
    """Build caches held in memory between the builds of one process (``bangyang serve``).

    A rebuild then reads no cache file and validates only the records that changed.
    Once ``watching`` is called, the session is told of every file that changes
    (``changed``), as serve's file watcher sees them: a rebuild then looks only at those,
    not at every file of content/ and output/. At 100,000 honorees a look at every file
    takes seconds.
    """

    def __init__(self, project: Path, parsed: ParsedFiles | None = None, memo: Memo | None = None):
        """Reads the build caches, unless given what a build of this process read from them (``parsed``, ``memo``)."""
        self.project = project.resolve()
        folder = self.project / CACHE_DIR
        self.parsed = ParsedFiles(folder) if parsed is None else parsed
        self.memo = Memo(folder) if memo is None else memo
        self.manifests: dict[Path, Manifest | None] = {}
        self.unsaved: set[Path] = set()
        self.linked: Linked | None = None  # the last build's catalog, to patch (generator.engine.reuse)
        self.watched = False               # every change is noted, from a build on (see watching)
        self.hints: set[str] = set()       # absolute paths changed since the last build
        self.files: tuple[Path, list[RecordFile]] | None = None  # the record files the last build read
        self.same_files = False  # no record file added or removed since the last build that succeeded
        self._watch_started = False
        self._primed = None  # the builder prime() last worked for
        self._env: tuple[str, Environment, tuple] | None = None  # (settings, Jinja environment, template files seen)

    def watching(self) -> None:
        """A watcher starts now: the next build looks at every file, later ones at the noted ones."""
        self.watched = False
        self.hints.clear()
        self._watch_started = True

    def changed(self, paths: Iterable[str | Path]) -> None:
        """Note files (or folders) added, changed or deleted since the last build, by anyone."""
        self.hints.update(os.path.abspath(p) for p in paths)

    def record_files(self, base: Path, hints: set[str] | None) -> tuple[list[RecordFile], list[RecordFile] | None]:
        """The files under records/, from the last build's list and the changes noted since;
        with the files modified since the last build that succeeded, when none was added or removed."""
        if hints is None or self.files is None or self.files[0] != base:
            files, modified = record_files(base), None
        else:
            files, modified = _updated_files(base, self.files[1], hints)
        self.same_files = self.same_files and modified is not None
        self.files = (base, files)
        return files, modified if self.same_files else None

    def environment(self, settings: _Settings, bytecode: Path | None) -> Environment:
        """The Jinja environment of the last build, with the templates it compiled, unless a
        template file or the settings changed since."""
        key = repr((settings.template_dirs, sorted(settings.jinja.items()), str(bytecode)))
        if self._env is None or self._env[0] != key:
            env = make_env(settings.template_dirs, settings.jinja, bytecode)
            self._env = (key, env, refresh(env, None))
        else:
            self._env = (key, self._env[1], refresh(self._env[1], self._env[2]))
        return self._env[1]

    def prime(self) -> None:
        """Work out now what the first rebuild after an edit would: at 100,000 honorees,
        summing up every honoree for the search and data pages takes seconds. Once per catalog."""
        if self.linked is not None and self._primed is not self.linked.builder:
            self._primed = self.linked.builder
            self.linked.builder.prime()
            self.linked.text_readers

    def save(self) -> None:
        """Write what the builds since the last save left in memory; nothing if there were none.

        `bangyang serve` calls it while idle, so that a build from another terminal, or after
        a crash, finds the manifest and is incremental too. Rebuilds do not write it: at
        10,000 honorees that was a fifth of each rebuild.
        """
        if self.unsaved:
            self.close()

    def close(self) -> None:
        """Write the manifests and caches kept in memory, for the next build from the command line."""
        with output_lock(self.project):
            self._write()

    def _write(self) -> None:
        for file in sorted(self.unsaved):
            manifest = self.manifests.get(file)
            if manifest is not None:
                if self.linked is not None and manifest is self.linked.manifest:  # the memo's values go with it
                    manifest.summaries = self.memo.all_in_memory()
                write_pickle(file, manifest)
        self.unsaved.clear()
        self.parsed.flush()
        self.memo.flush()


def _noted_under(folder: Path, hints: set[str]) -> list[tuple[str, str]]:
    """(path, path relative to ``folder`` with "/") of each noted path inside ``folder``."""
    prefix = str(folder) + os.sep
    return [(path, path[len(prefix):].replace(os.sep, "/")) for path in hints if path.startswith(prefix)]


def _updated_files(base: Path, files: list[RecordFile],
                   hints: set[str]) -> tuple[list[RecordFile], list[RecordFile] | None]:
    """The list with the noted files looked at again, and those of them that were there and still are
    (None when a file was added or removed)."""
    mine = _noted_under(base, hints)
    if not mine:
        return files, []
    if any(not path.endswith((".yaml", ".yml")) or os.path.isdir(path) for path, _ in mine):
        return record_files(base), None  # a folder moved in or out: its files were not each noted
    index = {rel: i for i, (rel, _) in enumerate(files)}
    files, added, gone, modified = list(files), False, set(), []
    for path, rel in mine:
        try:
            st = os.stat(path)
        except OSError:
            st = None
        if rel in index:
            if st is None:
                gone.add(rel)
            else:
                files[index[rel]] = (rel, st)
                modified.append((rel, st))
        elif st is not None:
            files.append((rel, st))
            added = True
    if added or gone:
        return sort_record_files([f for f in files if f[0] not in gone]), None
    return files, modified


def build(project: Path, output: Path | None = None, settings_file: Path | None = None,
          include_drafts: bool = False, search: bool = True, jobs: int | None = None,
          cache: bool = True, session: Session | None = None) -> BuildResult:
    """Build the site of ``project`` into ``output`` (default project/output), with its search index.

    ``jobs`` is the number of rendering processes (default: one per core); ``cache=False``
    ignores and keeps no build cache, so every page is made again. A ``session`` keeps
    the caches in memory from one build to the next (``bangyang serve``).
    """
    started = time.perf_counter()
    project = project.resolve()
    output = (output or project / "output").resolve()
    settings = _read_settings(project, (settings_file or project / "pelicanconf.py").resolve())

    # The catalog is hundreds of thousands of objects that live for the whole build: the
    # cyclic collector only slows loading down, and after linking it should leave them
    # alone (in forked workers, touching them would copy their memory).
    gc.disable()
    try:
        with output_lock(project):
            return _build(project, output, settings, include_drafts, search, jobs, cache, started, session)
    finally:
        gc.unfreeze()
        gc.enable()


def _build(project: Path, output: Path, settings: _Settings, include_drafts: bool, search: bool,
           jobs: int | None, cache: bool, started: float, session: Session | None) -> BuildResult:
    cache_dir = project / CACHE_DIR
    timings = {s: 0.0 for s in STAGES}
    result = BuildResult(output, 0, 0.0, timings)

    # The files a watcher saw change since the last build; None: any file may have changed.
    hints = set(session.hints) if session is not None and session.watched and cache else None
    stamp_file = _manifest_file(project, output, "stamp")
    with _stage(timings, "load"):
        files = modified = previous = None
        stamped = ""
        if session is None and cache:
            stamped, files = stamp.inputs(project, settings.theme_dirs, (settings.digest, include_drafts, str(output)))
            if _nothing_changed(stamp.read(stamp_file), stamped, output, search, result):
                result.seconds = time.perf_counter() - started
                return result
        if session is not None and cache:
            parsed, memo = session.parsed, session.memo
            files, modified = session.record_files(project / "content" / "records", hints)
            previous = session.linked.loaded if session.linked else None
        else:
            parsed = ParsedFiles(cache_dir if cache else None)
            memo = Memo(cache_dir if cache else None)
        loaded = load(project / "content", parsed, jobs or default_jobs(), files, previous, modified, memo)
    with _stage(timings, "link"):
        last = session.linked if session is not None and cache else None
        patched = patch(last, loaded, include_drafts)
        if patched:
            catalog, builder, groups = last.catalog, last.builder, last.groups
            result.relinked = False
        else:
            if session is not None:
                session.linked = None  # let it go before linking anew
            try:
                catalog = link(loaded, include_drafts, memo)
            except ContentError as exc:
                raise BuildError(exc.problems) from None

    saved = []

    def save_parsed() -> None:  # once: a second save would take the first for the files read
        if cache and not saved:
            parsed.save(write=session is None)
            saved.append(True)

    plan: dict[str, float] = {}
    with _stage(timings, "render"), _stage(plan, "plan"):
        if result.relinked:
            builder = page_builder(catalog, memo)
            groups = builder.plan()
        bytecode = cache_dir / "jinja" if cache else None
        env = session.environment(settings, bytecode) if session is not None else \
            make_env(settings.template_dirs, settings.jinja, bytecode)
        templates = template_hashes(env, memo)
        settings_key = _digest(code_version(), settings.digest, catalog.hashes.get("site.yaml"),
                               catalog.hashes.get("regions.yaml"), include_drafts, builder.latest)
        manifest_file = _manifest_file(project, output)
        in_memory = session is not None and manifest_file in session.manifests
        if in_memory:
            old = session.manifests[manifest_file]
        else:
            old = read_pickle(manifest_file) if cache else None
        old = old if output.exists() else None
        if old is not None and old.settings != settings_key:
            old = None  # settings, site.yaml, regions or bangyang itself changed: everything is remade
        if old is not None and not in_memory:
            memo.keep_in_memory(old.summaries)
        touched = set()
        if old is not None:
            # Made in this session, whose watcher names every file changed since: look at those only.
            noted = _touched_noted(old, output, hints) if in_memory and hints is not None else None
            touched = noted if noted is not None else _touched_groups(old, output)
        dirty = None
        if patched and old is not None and old is last.manifest and old.templates == templates:
            # Since that manifest only texts changed (a build in between may have failed after
            # patching): remake the groups that read them, and those changed by hand.
            changed = _changed(old.inputs, catalog.hashes)
            remake = (last.text_groups(changed) if changed else set()) | touched
            dirty = [g for g in groups if g.key in remake]
        if dirty is None:
            dirty = _dirty_groups(groups, old, catalog.hashes, templates, touched)
        # Also in a session that has not summed up the catalog yet (a kept process asked at once
        # after the build it was forked from): it would sum up every honoree to remake them.
        kept_summaries = _unchanged_summaries(dirty, old, catalog, parsed, templates, touched, builder,
                                              linked_as_before=session is not None) \
            if old is not None and (session is None or (patched and session._primed is not builder)) else set()
        if kept_summaries:
            # The dirty honorees give them what they gave before (so their shares stay too).
            dirty = [g for g in dirty if g.key not in kept_summaries]
        else:
            # An honoree's share of the summary pages changes only when its own page must be remade.
            builder.forget_honorees({g.key.split(":", 1)[1] for g in dirty if g.key.startswith("honoree:")})
        result.groups, result.remade = len(groups), len(dirty)

    # The last manifest and the summaries joined the catalog's objects, which live for the
    # whole build. The collector stays off in this process, which makes long-lived objects
    # and no cycles: with it on, each full pass walked everything read or made so far, 5 s of
    # a rebuild at 100,000 honorees. Rendering turns it on (render_groups).
    gc.freeze()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".output.", dir=output.parent))
    try:
        with _stage(timings, "render"):
            old_pages = old.pages if old else {}
            job = Job(builder, dirty, catalog.site.model_dump(), templates, env, output, staging, old_pages)
            # The records are final once loaded: their cache is written while the workers render
            # (a second at 10,000 honorees that came after everything else).
            results = render_groups(job, jobs or default_jobs(), meanwhile=save_parsed)
            result.render_parts = {**plan, **render_times(results, processes_for(len(dirty), jobs or default_jobs()))}
            new = _carry_over(groups, results, old, catalog.hashes, templates, settings_key)
            pelican_key = _pelican_key(catalog, settings, settings_key)
            staged = [p for r in results for p in r.staged]
            if old is None or old.pelican != pelican_key or "pelican" not in old.groups or "pelican" in touched:
                with _stage(result.render_parts, "pelican"):
                    staged += _run_pelican(project, settings.file, catalog, include_drafts, output, staging,
                                           old_pages, new)
            else:
                _keep_group(new, old, "pelican")
            new.pelican = pelican_key
            staged += _sitemap(catalog, new, old_pages, output, staging)
            result.rendered = sum(r.rendered for r in results)

        with _stage(timings, "write"):
            if old is None and output.exists():
                deleted = sorted(existing_files(output) - set(new.pages))
            else:
                deleted = sorted(set(old.pages) - set(new.pages)) if old else []
            manifest_file.unlink(missing_ok=True)  # a build stopped while writing must not trust it
            stamp_file.unlink(missing_ok=True)
            if session is not None:
                session.manifests.pop(manifest_file, None)
            commit(staging, output, staged, deleted)
            _note_mtimes(new, output, staged)
            result.written, result.deleted = len(staged), len(deleted)
    finally:
        shutil.rmtree(staging, ignore_errors=True)

    new.search = old.search if old else ""
    try:
        key = _stale_index(new, output) if search else None
        if key is not None:
            with _stage(timings, "index"):
                _index(project, output)
            new.search, result.indexed = key, True
    finally:
        if cache:
            memo.save(keep_unused=old is not None, write=session is None)
            # serve writes its values when it writes the manifest, while idle (Session.close).
            new.summaries = memo.summary_parts() if session is None else []
            if session is not None:
                session.manifests[manifest_file] = new
                session.unsaved.add(manifest_file)
            else:
                write_pickle(manifest_file, new)
                stamp.write(stamp_file, stamp.Stamp(
                    stamped, [(path, page.size, page.mtime_ns) for path, page in new.pages.items()],
                    sum(1 for p in new.pages if p.endswith(".html")), len(groups), _stale_index(new, output) is None))
            save_parsed()
    if session is not None and cache:
        if result.relinked:
            session.linked = Linked(loaded, catalog, builder, groups, include_drafts)
        session.linked.manifest = new
        session.hints -= hints or set()
        session.same_files = True
        # Pages rendered in worker processes leave the builder's sums (filter counts, the
        # search characters) in those processes: prime again when idle. Each honoree's share
        # of them came back (Memo.recorded), so that is quick.
        session._primed = None
        if session._watch_started:  # every change from here on is noted
            session.watched, session._watch_started = True, False
    result.pages = sum(1 for p in new.pages if p.endswith(".html"))
    result.seconds = time.perf_counter() - started
    return result


def _manifest_file(project: Path, output: Path, kind: str = "manifest") -> Path:
    # One manifest per output folder: a build with other settings (or --drafts) into the
    # same folder replaces it, and its settings key makes the next build a full one.
    return project / CACHE_DIR / f"{kind}-{_digest(str(output))[:16]}.pickle"


def _nothing_changed(last: stamp.Stamp | None, stamped: str, output: Path, search: bool, result: BuildResult) -> bool:
    """True, with ``result`` filled in, when the last build read the same files and left output/ as it is."""
    if last is None or last.inputs != stamped:
        return False
    if search and not (last.index_fresh and (output / "pagefind").is_dir()):
        return False
    if not stamp.output_unchanged(output, last.files):
        return False
    result.pages, result.groups, result.unchanged = last.pages, last.groups, True
    return True


def _changed(before: dict[str, str], now: dict[str, str]) -> set[str]:
    """Keys added, removed or with another hash."""
    # The pairs in one dict and not the other, compared in C: 8 ms at 100,000 records, against
    # 80–100 ms looking each key up in both.
    return {k for k, _ in before.items() ^ now.items()}


def _dirty_groups(groups, old: Manifest | None, hashes: dict[str, str], templates: dict[str, str], touched: set[str]):
    """The groups to make again: all of them without a usable manifest."""
    if old is None:
        return list(groups)
    changed = _changed(old.inputs, hashes)
    changed_templates = _changed(old.templates, templates)
    keys = {g.key for g in groups}
    appeared_or_gone = any(k not in old.groups for k in keys) or any(
        k not in keys for k in old.groups if k not in ("pelican", "sitemap"))
    dirty = []
    for g in groups:
        before = old.groups.get(g.key)
        if (before is None or g.key in touched or not g.deps.isdisjoint(changed)
                or not before.deps.isdisjoint(changed) or not before.templates.isdisjoint(changed_templates)
                or ("*" in g.deps and (changed or appeared_or_gone))):
            dirty.append(g)
    return dirty


def _unchanged_summaries(dirty, old: Manifest, catalog: Catalog, parsed: ParsedFiles, templates: dict[str, str],
                         touched: set[str], builder, linked_as_before: bool = False) -> set[str]:
    """The keys of the dirty groups that sum up every honoree's record (search options, open
    data), if they would come out as the last build made them; an empty set if they might not.

    They would when only honoree records changed, each linked as before (the same
    HonoreeView: names, regions, aliases…), and each gives them the same share
    (PageBuilder.same_summary_shares), as an edit to a body does. Worked out from the few
    records that changed, this spares a rebuild from the command line the pages that read
    all of them: 4.5–5.1 s of page data at 100,000 honorees. (``bangyang serve`` holds
    every share in memory and remakes those pages from them, once it has summed them up.)
    ``linked_as_before``: the catalog was patched (generator.engine.reuse), so every link is as it
    was, and only the shares need comparing.
    """
    summary = {g.key for g in dirty if g.texts and "*" in g.deps}
    if not summary or summary & touched or old.templates != templates or not summary <= old.groups.keys():
        return set()
    changed = _changed(old.inputs, catalog.hashes)
    if not changed:
        return set()
    for key in changed:
        h = catalog.honorees.get(key)
        if h is None or h.source is None or key not in old.inputs:
            return set()
        if linked_as_before:
            continue
        before = parsed.old.get(key)  # the build cache's entry for the file, as the last build read it
        if before is None or before[2] != old.inputs[key]:
            return set()
        if type(before[3]) is not StoredModel or before[3].view != h.source.view:
            return set()
    return summary if builder.same_summary_shares({key: old.inputs[key] for key in changed}) else set()


def _touched_groups(old: Manifest, output: Path) -> set[str]:
    """Groups with an output file that is missing or was changed by hand since the last build."""
    pages, missing = old.pages, set()

    def listed():
        for state in old.groups.values():
            for path in state.paths:
                page = pages.get(path)
                if page is None:
                    missing.add(path)
                else:
                    yield path, page.size, page.mtime_ns

    changed = set(changed_files(output, listed())) | missing
    if not changed:  # as usual: no need to go over the groups again
        return set()
    return {key for key, state in old.groups.items() if not changed.isdisjoint(state.paths)}


def _touched_noted(old: Manifest, output: Path, hints: set[str]) -> set[str] | None:
    """_touched_groups, looking only at the noted paths under output/; None when that cannot tell."""
    touched, owners, folders = set(), None, None
    for path, rel in _noted_under(output, hints):
        if rel == "pagefind" or rel.startswith("pagefind/"):
            continue  # the search index: not in the manifest, remade when searchable pages change
        page = old.pages.get(rel)
        if page is None:
            # A file the last build removed or never made; or a folder of pages that moved
            # or went, whose files were not each noted.
            if folders is None:
                folders = {folder for p in old.pages for folder in _folders(p)}
            if rel in folders or os.path.isdir(path):
                return None
            continue
        try:
            st = os.stat(path)
        except OSError:
            st = None
        if st is None or st.st_size != page.size or st.st_mtime_ns != page.mtime_ns:
            if owners is None:
                owners = {p: key for key, g in old.groups.items() for p in g.paths}
            if rel not in owners:
                return None
            touched.add(owners[rel])
    return touched


def _folders(rel: str):
    """a/b/c.html → a/b, a"""
    while "/" in rel:
        rel = rel.rsplit("/", 1)[0]
        yield rel


def _carry_over(groups, results: list[GroupResult], old: Manifest | None, hashes, templates, settings_key) -> Manifest:
    """The new manifest: remade groups from ``results``, the others as they were."""
    remade = {r.key: r for r in results}
    if old is None:
        new = Manifest(settings_key, dict(hashes), templates, {}, {})
    else:
        # Start from the old one and take out what goes: an edit remakes a few groups of thousands.
        new = Manifest(settings_key, dict(hashes), templates, dict(old.groups), dict(old.pages))
        planned = {g.key for g in groups}
        for key in [k for k in new.groups if k not in planned or k in remade]:
            paths, made = new.groups[key].paths, remade[key].pages if key in remade else None
            if made is not None and len(made) == len(paths) and all(p in made for p in paths):
                # The same files: their states are replaced where they stand. Moved to the end,
                # they changed the order of the sitemap's entries, and so its key: sitemap.xml
                # was written out again to find the same bytes (1.1 s at 100,000 honorees).
                continue
            del new.groups[key]
            for path in paths:
                new.pages.pop(path, None)
    for r in results:
        new.groups[r.key] = GroupState(r.deps, r.templates, tuple(r.pages))
        new.pages.update(r.pages)
    return new


def _keep_group(new: Manifest, old: Manifest, key: str) -> None:
    state = old.groups[key]
    new.groups[key] = state
    for path in state.paths:
        new.pages[path] = old.pages[path]


def _pelican_key(catalog: Catalog, settings: _Settings, settings_key: str) -> str:
    """Everything Pelican's pages read: news files, every theme file, and the records news pages show."""
    extras = {slug: news_extras(catalog, slug, n.meta.honorees) for slug, n in catalog.news.items()}
    news_hashes = sorted((k, v) for k, v in catalog.hashes.items() if k.startswith("news/"))
    # The date of the feed, when there is no news (plugin.steady_empty_feed).
    latest = "" if catalog.news else latest_date(catalog)
    return _digest(settings_key, _files_digest(settings.theme_dirs), news_hashes, extras, latest)


def _run_pelican(project: Path, settings_file: Path, catalog: Catalog, include_drafts: bool, output: Path,
                 staging: Path, old_pages: dict[str, PageState], new: Manifest) -> list[str]:
    """Run Pelican for the news pages, feeds and theme files; stage the files that changed."""
    from pelican import Pelican
    from pelican.settings import read_settings

    folder = Path(tempfile.mkdtemp(prefix=".pelican.", dir=staging.parent))
    counter = _ErrorCounter()
    pelican_logger = logging.getLogger("pelican")
    pelican_logger.addHandler(counter)
    try:
        overrides = {
            "PATH": str(project / "content"),
            "OUTPUT_PATH": str(folder),
            "BANGYANG_CATALOG": catalog,
            "PLUGINS": ["generator.integrations.pelican"],
            "FEED_DOMAIN": catalog.site.site_url,
        }
        if include_drafts:
            overrides["DRAFT_SAVE_AS"] = "news/drafts/{slug}/index.html"
        Pelican(read_settings(str(settings_file), override=overrides)).run()
        if counter.messages:
            raise BuildError([Problem("content/news", 0, 0, "", m) for m in counter.messages])
        staged, paths = [], []
        for rel in sorted(existing_files(folder, skip=())):
            data = (folder / rel).read_bytes()
            sha = content_hash(data)
            searchable = rel.startswith("news/") and rel.endswith(".html")
            old = old_pages.get(rel)
            state = unchanged_output(output, rel, old, sha, data)
            if state is None:
                target = staging / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                (folder / rel).replace(target)
                staged.append(rel)
                state = PageState(sha, sha, len(data))
            new.pages[rel] = PageState(sha, sha, state.size, state.mtime_ns, None, searchable)
            paths.append(rel)
        new.groups["pelican"] = GroupState(frozenset({"*"}), frozenset(), tuple(paths))
        return staged
    finally:
        pelican_logger.removeHandler(counter)
        shutil.rmtree(folder, ignore_errors=True)


def _sitemap(catalog: Catalog, new: Manifest, old_pages: dict[str, PageState], output: Path, staging: Path) -> list[str]:
    """sitemap.xml from every listed page; staged only when it changed."""
    entries = tuple([s.sitemap for s in new.pages.values() if s.sitemap] + news_entries(catalog))
    new.groups["sitemap"] = GroupState(frozenset({"*"}), frozenset(), ("sitemap.xml",))
    # The same entries make the same file: writing out 20,000 URLs to find that out took 0.1 s.
    key = _digest(catalog.site.site_url, entries)
    old = old_pages.get("sitemap.xml")
    if untouched(output, "sitemap.xml", old, key) is not None:
        new.pages["sitemap.xml"] = old
        return []
    data, sha = _sitemap_file(catalog.site.site_url, entries)
    state = unchanged_output(output, "sitemap.xml", old, sha, data)
    new.pages["sitemap.xml"] = PageState(key, sha, len(data), state.mtime_ns if state else 0)
    if state is not None:
        return []
    (staging / "sitemap.xml").write_bytes(data)
    return ["sitemap.xml"]


@lru_cache(maxsize=1)  # `bangyang serve`: most edits change no page's URL or date
def _sitemap_file(site_url: str, entries: tuple[tuple[str, str | None], ...]) -> tuple[bytes, str]:
    data = sitemap_xml(site_url, list(entries))
    return data, content_hash(data)


def _note_mtimes(new: Manifest, output: Path, staged: list[str]) -> None:
    """Remember the modification time of each file just written, to notice later edits by hand."""
    for rel in staged:
        if new.pages[rel].mtime_ns:
            continue  # noted when it was written (write_file)
        st = (output / rel).stat()
        new.pages[rel].size, new.pages[rel].mtime_ns = st.st_size, st.st_mtime_ns


def _index(project: Path, output: Path) -> None:
    """Rebuild the Pagefind index of output/; files whose bytes did not change keep their mtime."""
    indexer = Indexer(project, output)
    try:
        indexer.start()
        indexer.finish()
    except SearchIndexError as exc:
        raise BuildError([Problem("package.json", 0, 0, "pagefind", str(exc))]) from None
    finally:
        indexer.stop()


def _stale_index(manifest: Manifest, output: Path) -> str | None:
    """What the search index of ``output`` should be made from (its searchable pages' bytes), if it is not."""
    key = _digest(sorted((p, s.sha) for p, s in manifest.pages.items() if s.searchable))
    return key if key != manifest.search or not (output / "pagefind").is_dir() else None


def _session_manifest(project: Path, session: Session, output: Path | None) -> tuple[Path, Path, Manifest | None]:
    output = (output or project / "output").resolve()
    file = _manifest_file(project.resolve(), output)
    return output, file, session.manifests.get(file)


def stale_index(project: Path, session: Session, output: Path | None = None) -> str | None:
    """The search key of the session's last build into ``output`` when its index is out of date."""
    output, _, manifest = _session_manifest(project, session, output)
    return _stale_index(manifest, output) if manifest is not None else None


def index_made(project: Path, session: Session, key: str, output: Path | None = None) -> None:
    """Note in the session's manifest that the index of ``output`` was made from ``key``."""
    _, file, manifest = _session_manifest(project, session, output)
    if manifest is not None:
        manifest.search = key
        session.unsaved.add(file)
