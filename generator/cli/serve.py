"""Live preview: serve output/ on 127.0.0.1 and rebuild when content or templates change."""

from __future__ import annotations

import ctypes
import functools
import http.server
import multiprocessing
import os
import signal
import sys
import threading
import time
from pathlib import Path

from generator.engine.build import BuildError, BuildResult, build, index_made, stale_index
from generator.engine.state import BuildState
from generator.engine.lock import output_lock
from generator.integrations.pagefind import Indexer, SearchIndexError

# How often the watcher looks up from waiting for changes, to see whether the search index is ready.
_STEP_MS = 25
# The idle work waits this long after the last change or request: an editor often saves twice.
_IDLE_S = 0.5


def _rebuild(project: Path, include_drafts: bool, state: BuildState, indexer: Indexer, search: bool,
             first_look: bool = False) -> BuildResult | None:
    """Build the pages, then start the search index beside the preview (unless not ``search``),
    so an edit shows at once.

    A rebuild that remakes many pages (a template edit) renders them in worker processes, as
    `bangyang build` does: the HTTP server runs in a process of its own (``_serve_http``), so
    this one has no thread that forking could catch holding a lock.

    ``first_look``: the build at a watcher's first look, for what changed before it started
    (it reports only what changes after). An editor who saves while the preview starts up
    would otherwise see the old page until the next save. When nothing changed, it writes
    nothing, says nothing, and leaves the search index under way. Returns the build's
    result, or None when it failed.
    """
    if not first_look:
        indexer.stop()  # it read the pages this rebuild replaces
    try:
        result = build(project, include_drafts=include_drafts, state=state, search=False)
        if not first_look or result.rendered or result.written:
            print(f"已重新生成 {result.rendered} 个页面, 写入 {result.written} 个文件 ({result.seconds:.2f} 秒)",
                  flush=True)
        key = stale_index(state, project / "output") if search else None
        if key is not None:
            _index(indexer, key)
        return result
    except BuildError as exc:
        _report(exc.problems)
    except SearchIndexError as exc:
        _report([str(exc)])
    return None


def _index(indexer: Indexer, key: str) -> None:
    """Make the search index of ``key``, unless Pagefind already makes (or made) it."""
    if not (indexer.process is not None and indexer.key == key):
        indexer.start(key)


def _index_ready(project: Path, state: BuildState, indexer: Indexer) -> None:
    """Move a finished search index into output/."""
    if indexer.process is None or indexer.running:
        return
    try:
        with output_lock(project):  # it moves files into output/, as a build does
            key, seconds = indexer.key, indexer.finish()
        index_made(state, key, project / "output")
        print(f"搜索索引已更新（{seconds:.2f} 秒）", flush=True)
    except SearchIndexError as exc:
        _report([str(exc)])


def _save(project: Path, state: BuildState) -> None:
    """Write the build state kept in memory, for the next build from the command line."""
    if state.unsaved:
        with output_lock(project):
            state.save()


def _report(problems: list) -> None:
    print("构建失败，预览保持上一版：", file=sys.stderr)
    for p in problems:
        print(f"  {p}", file=sys.stderr, flush=True)


def _watch(project: Path, output: Path, include_drafts: bool, state: BuildState, indexer: Indexer,
           search: bool) -> None:
    """Rebuild on every change to content/ or templates/; tell the build state each file that changed.

    output/ is watched too, for files an operator changes by hand, but a change there
    alone waits for the next rebuild (which repairs it): our own writes land there.
    """
    from watchfiles import watch as watch_files

    busy = time.monotonic()
    while True:
        state.watching()
        folder = _inode(output)
        paths = [p for p in (project / "content", project / "templates", output) if p.exists()]
        caught_up = False  # set once a build has looked at every file since the watcher started
        for changes in watch_files(*paths, debounce=300, step=_STEP_MS, rust_timeout=_STEP_MS,
                                   yield_on_timeout=True):
            if caught_up and not changes and time.monotonic() - busy > _IDLE_S:
                # While the editor reads the preview (changes meanwhile wait): sum up the
                # catalog for the next edit, and write the manifest for other builds.
                state.prime()
                _save(project, state)
            state.changed(path for _, path in changes)
            if any(not _inside(path, output) for _, path in changes):
                _rebuild(project, include_drafts, state, indexer, search)
            elif not caught_up:  # the watcher is live now: this build misses nothing
                _rebuild(project, include_drafts, state, indexer, search, first_look=True)
            caught_up = True
            if changes:
                busy = time.monotonic()
            _index_ready(project, state, indexer)
            if _inode(output) != folder:
                break  # output/ was made anew: watch the new folder


def _inode(path: Path) -> int | None:
    try:
        return os.stat(path).st_ino
    except OSError:
        return None


def _inside(path: str, folder: Path) -> bool:
    return path == str(folder) or path.startswith(str(folder) + os.sep)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # quiet: editors want build messages, not hits
        pass

    def list_directory(self, path):
        # Files only, as a portal's web server serves the site: a folder without index.html is not found.
        self.send_error(404)
        return None

    def send_error(self, code, message=None, explain=None):
        # Serve the site's own 404 page, as the portal would.
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def serve(project: Path, host: str = "127.0.0.1", port: int = 8000, build_first: bool = True,
          include_drafts: bool = False, watch: bool = True, search: bool = True) -> int:
    """Serve until interrupted; returns the exit status. ``search``: keep the search index up to date."""
    project = project.resolve()
    output = project / "output"
    # The handler looks the directory up per request, so a rebuild's swap is picked up at once.
    handler = functools.partial(_Handler, directory=str(output))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    # Forked before the first build, while this process is small: a child shares its
    # parent's memory as it was at the fork, and keeps it alive.
    http_process = multiprocessing.get_context("fork").Process(target=_serve_http, args=(server, os.getpid()),
                                                               daemon=True)
    http_process.start()
    server.server_close()  # the child serves on it
    state = BuildState(project, preview=True)
    indexer = Indexer(project, output, background=True)
    if threading.current_thread() is threading.main_thread():
        # An editor's IDE or a service manager stops the preview with SIGTERM, not Ctrl+C:
        # stop the same way, so the build state is saved for the next build.
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        if build_first or not output.exists():
            _rebuild(project, include_drafts, state, indexer, search)
        print(f"预览地址 http://{host}:{port}/  (Ctrl+C 退出)", flush=True)
        if watch:
            _watch(project, output, include_drafts, state, indexer, search)
        else:
            if indexer.process is not None:
                indexer.process.wait()
                _index_ready(project, state, indexer)
            threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        http_process.terminate()
        http_process.join(timeout=10)
        indexer.close()
        _save(project, state)
    return 0


_PR_SET_PDEATHSIG = 1  # prctl option: a signal for this process when its parent ends


def _serve_http(server: http.server.ThreadingHTTPServer, parent: int) -> None:
    """The preview's HTTP server, in a process of its own; it stops when the preview does."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches the whole group: the parent stops it
    try:  # Linux: end with the parent even if it is killed outright
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass
    if os.getppid() != parent:
        return  # the parent was gone before the line above
    server.serve_forever()

