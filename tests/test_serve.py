"""`bangyang serve`: a real preview server on 127.0.0.1 that rebuilds after an edit."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from generator.build import build


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def _wait_for(predicate, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            result = predicate()
            if result:
                return result
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.3)
    raise AssertionError("timed out waiting for the preview server")


def test_serve_rebuilds_after_a_record_is_edited(project):
    port = _free_port()
    url = f"http://127.0.0.1:{port}/communities/zhejiang/cixi-yubo/"
    proc = subprocess.Popen([sys.executable, "-m", "generator.cli", "--project", str(project), "serve",
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        _wait_for(lambda: _get(url)[0] == 200 and "严介军" in _get(url)[1])
        record = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
        record.write_text(record.read_text(encoding="utf-8").replace("leader: 严介军", "leader: 严介军(测试改动)"),
                          encoding="utf-8")
        edited = time.time_ns()
        _wait_for(lambda: "严介军(测试改动)" in _get(url)[1])
        # The search index is remade beside the preview, after the page shows.
        index = project / "output" / "pagefind"
        _wait_for(lambda: any(f.stat().st_mtime_ns > edited for f in index.rglob("*") if f.is_file()))
        # While idle, the preview writes its manifest: a build from another terminal remakes nothing.
        _wait_for(lambda: list((project / ".bangyang-cache" / "build").glob("manifest-*")))
        meanwhile = build(project, search=False)
        assert (meanwhile.remade, meanwhile.rendered, meanwhile.written) == (0, 0, 0), meanwhile
        status, body = _get(f"http://127.0.0.1:{port}/no/such/page/")
        assert status == 404 and "页面不存在" in body
        proc.send_signal(signal.SIGTERM)  # as an IDE stops it; Ctrl+C takes the same way out
        assert proc.wait(timeout=30) == 0
        # Its HTTP server (a process of its own) stopped with it: the port is free again.
        with socket.socket() as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # past closed connections, not a listener
            s.bind(("127.0.0.1", port))
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=10)
    # The preview left its build manifest behind on exit, so the next build remakes nothing,
    # search index included.
    after = build(project)
    assert (after.remade, after.rendered, after.written, after.indexed) == (0, 0, 0, False)


def test_an_edit_stops_the_search_index_and_leaves_the_old_one_whole(project):
    """serve stops Pagefind when an edit comes in; the index in output/ stays as it was."""
    from generator.build import Indexer

    build(project)
    index = project / "output" / "pagefind"
    before = {p: p.stat().st_mtime_ns for p in index.rglob("*") if p.is_file()}
    indexer = Indexer(project, project / "output")
    indexer.start()
    assert indexer.running
    indexer.stop()  # what serve does when the next edit arrives
    assert not indexer.running
    assert not list(project.glob(".pagefind.*"))
    assert {p: p.stat().st_mtime_ns for p in index.rglob("*") if p.is_file()} == before


def test_a_failed_search_index_is_reported_and_leaves_nothing_behind(project, monkeypatch):
    from generator.build import BuildError, Indexer

    build(project, search=False)
    monkeypatch.setenv("BANGYANG_PAGEFIND", "/bin/false")
    indexer = Indexer(project, project / "output")
    indexer.start()
    indexer.process.wait()
    with pytest.raises(BuildError) as failed:
        indexer.finish()
    assert "Pagefind" in str(failed.value)
    assert not list(project.glob(".pagefind.*"))
