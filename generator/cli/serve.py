"""Live preview: serve output/ on 127.0.0.1 and rebuild when content or templates change."""

from __future__ import annotations

import ctypes
import functools
import http.server
import json
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
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
             first_look: bool = False, status: Path | None = None) -> BuildResult | None:
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
        if status is not None and (not first_look or result.written):
            _tell_browsers(status, [])
        key = stale_index(state, project / "output") if search else None
        if key is not None:
            _index(indexer, key)
        return result
    except BuildError as exc:
        _report(exc.problems)
        problems = [str(p) for p in exc.problems]
    except SearchIndexError as exc:
        _report([str(exc)])
        problems = [str(exc)]
    if status is not None:
        _tell_browsers(status, problems)
    return None


def _tell_browsers(status: Path, problems: list[str]) -> None:
    """Note a rebuild for the open tabs (see _Handler.events): reload, or show these problems."""
    tmp = status.with_suffix(".tmp")
    tmp.write_text(json.dumps({"problems": problems}, ensure_ascii=False), encoding="utf-8")
    tmp.replace(status)


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
           search: bool, status: Path) -> None:
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
                _rebuild(project, include_drafts, state, indexer, search, status=status)
            elif not caught_up:  # the watcher is live now: this build misses nothing
                _rebuild(project, include_drafts, state, indexer, search, first_look=True, status=status)
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


_LIVE = "/__bangyang/"  # the preview's own addresses; the built site never has this folder
_LIVE_SCRIPT = (Path(__file__).with_name("live.js")).read_bytes()


class _Handler(http.server.SimpleHTTPRequestHandler):
    status: Path | None = None  # the rebuilds' note (_tell_browsers), set by serve()

    def log_message(self, format: str, *args) -> None:  # quiet: editors want build messages, not hits
        pass

    def do_GET(self) -> None:
        if self.path == _LIVE + "live.js":
            self._send(200, "text/javascript; charset=utf-8", _LIVE_SCRIPT)
        elif self.path == _LIVE + "events":
            self.events()
        elif self.path.split("?")[0].endswith(("/", ".html")):
            self.page()
        else:
            super().do_GET()

    def _send(self, code: int, kind: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def page(self) -> None:
        """An HTML page with the live-reload script added, as only the preview serves it."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        try:
            body = path.read_bytes()
        except OSError:
            self.send_error(404)
            return
        tag = f'<script src="{_LIVE}live.js"></script>'.encode()
        at = body.rfind(b"</body>")
        body = body[:at] + tag + body[at:] if at >= 0 else body + tag
        self._send(200, "text/html; charset=utf-8", body)

    def events(self) -> None:
        """Server-sent events: “reload” after each good rebuild, “failed” with the problems of a bad one."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = _stamp(self.status)
        try:
            if seen and json.loads(self.status.read_text(encoding="utf-8"))["problems"]:
                self._event(self.status)  # a tab opened while the build is broken sees why at once
            quiet = 0.0
            while True:
                time.sleep(0.25)
                now = _stamp(self.status)
                if now != seen:
                    seen = now
                    self._event(self.status)
                    quiet = 0.0
                elif (quiet := quiet + 0.25) >= 15:
                    self.wfile.write(b": still here\n\n")  # keeps proxies from closing the stream
                    self.wfile.flush()
                    quiet = 0.0
        except (OSError, ValueError):
            return  # the tab was closed

    def _event(self, status: Path) -> None:
        problems = json.loads(status.read_text(encoding="utf-8"))["problems"]
        kind, data = ("failed", json.dumps(problems, ensure_ascii=False)) if problems else ("reload", "{}")
        self.wfile.write(f"event: {kind}\ndata: {data}\n\n".encode())
        self.wfile.flush()

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
    # Rebuilds note themselves here for the open tabs; gone when the preview ends.
    live = Path(tempfile.mkdtemp(prefix="bangyang-preview-"))
    status = live / "status.json"
    # The handler looks the directory up per request, so a rebuild's swap is picked up at once.
    handler = functools.partial(type("Handler", (_Handler,), {"status": status}), directory=str(output))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True  # an open tab's event stream never holds the server up
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
            _rebuild(project, include_drafts, state, indexer, search, status=status)
        print(f"预览地址 http://{host}:{port}/  (Ctrl+C 退出)", flush=True)
        if watch:
            _watch(project, output, include_drafts, state, indexer, search, status)
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
        shutil.rmtree(live, ignore_errors=True)
    return 0


_PR_SET_PDEATHSIG = 1  # prctl option: a signal for this process when its parent ends


def _stamp(path: Path | None) -> int:
    try:
        return path.stat().st_mtime_ns if path is not None else 0
    except OSError:
        return 0


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

