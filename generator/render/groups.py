"""Render step: page groups → files in a staging folder, redoing only what changed.

A page is rendered only when its input hash (the template it uses and its context)
differs from the last build's, and it is staged only when its bytes differ from the
file already in output/. Groups are shared out to worker processes, each rendering
one group at a time and writing its own files, so memory holds a group's pages, not
the site, and the bytes are the same whatever the number of workers.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import queue
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import orjson
from jinja2 import BytecodeCache, Environment, FileSystemLoader, meta
from jinja2.compiler import CodeGenerator
from markupsafe import escape

try:  # markupsafe's C routine behind escape(), which returns the escaped text as a plain str
    from markupsafe import _escape_inner
except ImportError:  # pragma: no cover - a markupsafe without it: the public function
    def _escape_inner(text: str) -> str:
        return str(escape(text))

from generator.domain.values import Values
from generator.domain.ids import content_hash
from generator.site.pages import EVERYTHING, Group, Page, url_of
from generator.render.files import render_page, write_file


@dataclass
class PageState:
    """What the manifest remembers of one output file."""

    input: str                 # hash of template and context (of the bytes, for files made without one)
    sha: str                   # hash of the bytes
    size: int
    mtime_ns: int = 0          # of output/<path> once written, to notice a file changed by hand
    sitemap: tuple[str, str | None] | None = None  # (url, lastmod) when sitemap.xml lists it
    searchable: bool = False


@dataclass
class GroupResult:
    key: str
    deps: frozenset[str]
    templates: frozenset[str]
    pages: dict[str, PageState] = field(default_factory=dict)
    staged: list[str] = field(default_factory=list)
    rendered: int = 0
    memo: dict | None = None           # the values a rendering process used, packed (Values.recorded)
    # Where the group's time went, for `build --profile`: making its page data, each
    # template's rendering, and the whole group (the rest is hashing, comparing and writing).
    data_s: float = 0.0
    template_s: dict[str, float] = field(default_factory=dict)
    total_s: float = 0.0


def escape_text(value: object) -> str:
    """``value`` as HTML text: escaped, unless it is markup already (``__html__``).

    markupsafe's ``escape`` does the same but wraps its result in a ``Markup``, built in
    Python, and pages print millions of values. Text that is printed is only joined into the
    page, so a plain str gives the same bytes.
    """
    if type(value) is str:
        return _escape_inner(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return _escape_inner(str(value))


class _EscapingCodeGenerator(CodeGenerator):
    """Compiles ``{{ value }}`` under autoescape to ``escape_text`` (above) rather than ``escape``.

    Only printed values change: a ``{% set %}`` block, a macro or ``super()`` still returns
    ``Markup`` (Jinja wraps the joined text), and filters still see what they saw. Templates
    that switch autoescape on and off inside (``volatile``) keep Jinja's own code.
    """

    def _output_child_pre(self, node, frame, finalize) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile:
            self.write("environment.escape_text(")
            if finalize.src is not None:
                self.write(finalize.src)
            return
        super()._output_child_pre(node, frame, finalize)


class _PlainDataEnvironment(Environment):
    """Looks a name up as a dict key first: page data is plain dicts; prints through ``escape_text``.

    Jinja tries an attribute before a key, so each ``{{ page.title }}`` on a dict raised and
    caught an AttributeError; looking the key up first saves about an eighth of template time.
    """

    code_generator_class = _EscapingCodeGenerator
    escape_text = staticmethod(escape_text)

    def getattr(self, obj, attribute):
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def make_env(template_dirs: list[str], options: dict, bytecode: BytecodeCache | None = None) -> Environment:
    """The Jinja environment of record pages: the project's templates, the settings' options.

    ``bytecode`` keeps compiled templates between processes, so a rebuild from the command
    line does not compile them again. `bangyang serve` keeps one environment from rebuild to
    rebuild (``refresh`` drops what it compiled when a template file changes).
    """
    # Jinja's auto_reload stats a template's file at every get_template: an extends and
    # an include or two per page. The files are checked once per build instead (refresh).
    return _PlainDataEnvironment(loader=FileSystemLoader(template_dirs), bytecode_cache=bytecode,
                                 **{"auto_reload": False, **options})


def refresh(env: Environment, seen: tuple | None) -> tuple:
    """Drop the templates ``env`` compiled if any template file changed since ``seen``
    (what the last call returned); returns what it saw now."""
    files = _template_files(env)
    if seen is not None and seen != files and env.cache is not None:
        env.cache.clear()
    return files


def template_hashes(env: Environment, memo: Values) -> dict[str, str]:
    """Each template's hash, covering the templates it extends or includes."""
    files = _template_files(env)
    # Finding what each template extends and includes means parsing them all: kept in the
    # build cache while their sizes and mtimes stay, like a record file's.
    return dict(memo.get(("templates", files), lambda: _template_hashes(files, env)))


def _template_files(env: Environment) -> tuple:
    found = []
    for folder in getattr(env.loader, "searchpath", ()):
        for root, _dirs, files in os.walk(folder):
            for f in files:
                st = os.stat(os.path.join(root, f))
                found.append((root, f, st.st_size, st.st_mtime_ns))
    return (type(env.loader).__name__, tuple(getattr(env.loader, "searchpath", ())), tuple(sorted(found)))


# Keyed by the templates' sizes and mtimes: parsing every template to find its includes took
# a tenth of a second of each `bangyang serve` rebuild.
@lru_cache(maxsize=1)
def _template_hashes(_files: tuple, env: Environment) -> dict[str, str]:
    sources: dict[str, str] = {}
    refs: dict[str, set[str]] = {}
    for name in env.list_templates(filter_func=lambda n: n.endswith((".html", ".xml", ".txt"))):
        source = env.loader.get_source(env, name)[0]
        sources[name] = source
        try:
            refs[name] = {r for r in meta.find_referenced_templates(env.parse(source)) if r}
        except Exception:  # a syntax error shows when the template is used; hash the text alone
            refs[name] = set()

    def closure(name: str, seen: set[str]) -> None:
        for ref in refs.get(name, ()):
            if ref not in seen:
                seen.add(ref)
                closure(ref, seen)

    out = {}
    for name in sources:
        seen = {name}
        closure(name, seen)
        h = hashlib.blake2b(digest_size=16)
        for dep in sorted(seen):
            h.update(dep.encode() + b"\0" + sources.get(dep, "").encode() + b"\0")
        out[name] = h.hexdigest()
    return out


def input_hash(page: Page, templates: dict[str, str]) -> str:
    """The hash of everything a page's bytes depend on, besides the site-wide settings."""
    if page.body is not None:
        return page.body_digest()
    data = orjson.dumps([page.path, page.template, templates.get(page.template, ""), page.context],
                        option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS, default=str)
    return content_hash(data)


@dataclass
class Job:
    """Everything a worker needs; workers are forked with it, so it is never pickled."""

    builder: object
    groups: list[Group]
    site: dict
    templates: dict[str, str]
    env: Environment
    output: Path
    staging: Path
    old_pages: dict[str, PageState]
    has_output: bool = field(init=False)

    def __post_init__(self) -> None:
        # A first build has no output/ to compare with: no need to stat every file in vain.
        self.has_output = self.output.is_dir()


def unchanged_output(output: Path, rel: str, old: PageState | None, sha: str, data: bytes) -> PageState | None:
    """The file's state if output/<rel> already holds exactly ``data``, untouched since the last build."""
    target = output / rel
    try:
        st = target.stat()
    except OSError:
        return None
    if old is not None:
        ok = old.sha == sha and old.size == st.st_size and old.mtime_ns == st.st_mtime_ns
        return old if ok else None
    # No manifest (first build with a cache, or the cache was deleted): compare bytes.
    if st.st_size == len(data) and target.read_bytes() == data:
        return PageState(sha, sha, st.st_size, st.st_mtime_ns)
    return None


def untouched(output: Path, rel: str, old: PageState | None, ihash: str) -> PageState | None:
    """``old``, if the last build made output/<rel> from the same inputs and it is still as it left it."""
    if old is None or old.input != ihash:
        return None
    try:
        st = (output / rel).stat()
    except OSError:
        return None
    return old if (st.st_size, st.st_mtime_ns) == (old.size, old.mtime_ns) else None


def _render_group(job: Job, group: Group) -> GroupResult:
    started = time.perf_counter()
    result = GroupResult(group.key, group.deps, frozenset())
    used_templates = set()
    pages = job.builder.run(group)
    result.data_s = time.perf_counter() - started
    for page in pages:
        if page.template:
            used_templates.add(page.template)
        ihash = input_hash(page, job.templates)
        sitemap = (url_of(page.path), page.lastmod) if page.template and page.in_sitemap else None
        searchable = bool(page.template and page.context.get("page", {}).get("searchable"))
        kept = untouched(job.output, page.path, job.old_pages.get(page.path), ihash)
        if kept is None:
            t = time.perf_counter()
            data = render_page(job.env, page, job.site)
            if page.template:
                result.template_s[page.template] = result.template_s.get(page.template, 0.0) + time.perf_counter() - t
            result.rendered += 1
            sha = content_hash(data)
            kept = unchanged_output(job.output, page.path, job.old_pages.get(page.path), sha, data) if job.has_output else None
            if kept is None:
                mtime = write_file(job.staging, page.path, data)
                result.staged.append(page.path)
                kept = PageState(ihash, sha, len(data), mtime)
        result.pages[page.path] = PageState(ihash, kept.sha, kept.size, kept.mtime_ns, sitemap, searchable)
    result.templates = frozenset(used_templates)
    result.total_s = time.perf_counter() - started
    return result


def render_times(results: list[GroupResult], processes: int) -> dict:
    """Where rendering went, in seconds summed over the ``processes`` that rendered (``build --profile``):
    page data (records → the plain dicts templates receive), each template, and files
    (input hashes, comparing with output/, writing to staging). Plain data: it crosses to
    ``bangyang build`` from a preview as JSON."""
    data = files = 0.0
    templates: dict[str, float] = {}
    for r in results:
        data += r.data_s
        for name, seconds in r.template_s.items():
            templates[name] = templates.get(name, 0.0) + seconds
        files += max(0.0, r.total_s - r.data_s - sum(r.template_s.values()))
    return {"processes": processes, "data": data, "templates": templates, "files": files}


def _work(job: Job, indexes: list[int]) -> list[GroupResult]:
    memo = job.builder.memo
    memo.record()
    results = [_render_group(job, job.groups[i]) for i in indexes]
    # What this worker used or worked out (pinyin, each honoree's share of the summary
    # pages), for the parent to keep.
    results[-1].memo = memo.recorded()
    job.builder.let_go()
    return results


def _worker(job: Job, tasks, done) -> None:
    """A forked rendering process: takes chunks of group indexes until told to stop."""
    gc.enable()  # forked from a build that keeps it off (generator.engine.build)
    while (task := tasks.get()) is not None:
        number, indexes = task
        try:
            done.put((number, _work(job, indexes), None))
        except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
            done.put((number, None, f"{type(exc).__name__}: {exc}"))


# Below this many groups, starting workers costs more than it saves.
_PARALLEL_MIN_GROUPS = 200
_CHUNK = 64


def processes_for(groups: int, jobs: int) -> int:
    """How many processes render ``groups`` groups when ``jobs`` may."""
    return 1 if jobs <= 1 or groups < _PARALLEL_MIN_GROUPS else jobs


def render_groups(job: Job, jobs: int, meanwhile: Callable[[], None] = lambda: None) -> list[GroupResult]:
    """Render every group of ``job``; results come back in group order.

    ``meanwhile`` is work of this process's own, done while the workers render.
    """
    if processes_for(len(job.groups), jobs) == 1:
        meanwhile()
        with _collecting():
            return [_render_group(job, g) for g in job.groups]
    # The groups that sum up the whole catalog (search options, open data, statistics) take
    # up to a second each: sent first, each alone, so that no worker is left with one at
    # the end while the other waits.
    whole = [i for i, g in enumerate(job.groups) if g.deps == EVERYTHING]
    rest = [i for i, g in enumerate(job.groups) if g.deps != EVERYTHING]
    chunks = [[i] for i in whole] + [rest[i:i + _CHUNK] for i in range(0, len(rest), _CHUNK)]
    done = [r for batch in _in_workers(job, chunks, jobs, meanwhile) for r in batch]
    order = {g.key: i for i, g in enumerate(job.groups)}
    results = sorted(done, key=lambda r: order[r.key])
    for r in results:
        if r.memo:
            job.builder.memo.merge(r.memo)
            r.memo = None
    return results


def _in_workers(job: Job, chunks: list[list[int]], jobs: int, meanwhile: Callable[[], None]) -> list:
    """Each chunk's results, rendered by ``jobs`` forked processes.

    Written out rather than with ProcessPoolExecutor: its workers can reach the job (the
    catalog, which must not be pickled) only through a module global; a forked Process gets
    it as an argument, shared copy-on-write.
    """
    ctx = multiprocessing.get_context("fork")
    tasks, done = ctx.Queue(), ctx.Queue()
    for number, chunk in enumerate(chunks):
        tasks.put((number, chunk))
    for _ in range(jobs):
        tasks.put(None)
    workers = [ctx.Process(target=_worker, args=(job, tasks, done), daemon=True) for _ in range(jobs)]
    for w in workers:
        w.start()
    try:
        meanwhile()
        results: dict[int, list] = {}
        while len(results) < len(chunks):
            try:
                number, batch, error = done.get(timeout=1.0)
            except queue.Empty:
                if not any(w.is_alive() for w in workers) and done.empty():
                    raise RuntimeError("渲染进程意外退出") from None
                continue
            if error is not None:
                raise RuntimeError(error)
            results[number] = batch
        return [results[i] for i in range(len(chunks))]
    finally:
        for w in workers:
            if w.is_alive():
                w.terminate()
            w.join()


@contextmanager
def _collecting() -> Iterator[None]:
    """The cyclic collector on: Jinja leaves cycles behind, and a build keeps it off otherwise."""
    was = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was:
            gc.disable()


def default_jobs() -> int:
    """One worker per core the process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1
