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

from generator.engine.build import build
from helpers import free_port, tree_digest


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
    port = free_port()
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
        cache = project / ".bangyang-cache" / "build"
        _wait_for(lambda: list(cache.glob("manifest-*")) and not list(cache.glob("writing-*")))
        meanwhile = build(project, search=False)
        assert (meanwhile.remade, meanwhile.rendered, meanwhile.written) == (0, 0, 0), meanwhile
        status, body = _get(f"http://127.0.0.1:{port}/no/such/page/")
        assert status == 404 and "页面不存在" in body
        status, body = _get(f"http://127.0.0.1:{port}/theme/")  # a folder without index.html: no listing
        assert status == 404 and "页面不存在" in body and "Directory listing" not in body
        proc.send_signal(signal.SIGTERM)  # as an IDE stops it; Ctrl+C takes the same way out
        assert proc.wait(timeout=30) == 0
        assert not list(project.glob(".pagefind.*")), "the preview's scratch index folders are gone"
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


def test_an_edit_made_before_the_watcher_starts_still_reaches_the_preview(project):
    """An edit saved while the preview starts up (after its first build, before it watches) is not lost.

    ``--no-build`` stretches that window to the whole start: the record is edited before
    the preview starts, and no change comes afterwards to wake the watcher.
    """
    build(project, search=False)
    record = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("leader: 严介军", "leader: 严介军(启动前改动)"),
                      encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/communities/zhejiang/cixi-yubo/"
    proc = subprocess.Popen([sys.executable, "-m", "generator.cli", "--project", str(project), "serve",
                             "--port", str(port), "--no-build", "--no-search"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        _wait_for(lambda: "严介军(启动前改动)" in _get(url)[1], timeout=30)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_an_edit_stops_the_search_index_and_leaves_the_old_one_whole(project):
    """serve stops Pagefind when an edit comes in; the index in output/ stays as it was."""
    from generator.integrations.pagefind import Indexer

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


def test_an_index_remade_after_an_edit_is_a_clean_builds_and_keeps_the_files_it_did_not_change(project, tmp_path):
    """Index files Pagefind names for their bytes are trusted by name: the result must still be whole."""
    build(project)
    index = project / "output" / "pagefind"
    before = {p.relative_to(index).as_posix(): p.stat().st_mtime_ns for p in index.rglob("*") if p.is_file()}
    record = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("leader: 严介军", "leader: 严介军 韩丽娟"),
                      encoding="utf-8")
    assert build(project).indexed
    clean = tmp_path / "clean"
    build(project, output=clean, cache=False)
    assert tree_digest(index) == tree_digest(clean / "pagefind")
    after = {p.relative_to(index).as_posix(): p.stat().st_mtime_ns for p in index.rglob("*") if p.is_file()}
    kept = [f for f in after if before.get(f) == after[f]]
    assert len(kept) > len(after) // 2, "most of the index did not change and was left as it was"
    assert set(after) != set(before), "the edited page's fragment and word chunks were replaced"


def test_a_failed_search_index_is_reported_and_leaves_nothing_behind(project, monkeypatch):
    from generator.integrations.pagefind import Indexer, SearchIndexError

    build(project, search=False)
    monkeypatch.setenv("BANGYANG_PAGEFIND", "/bin/false")
    indexer = Indexer(project, project / "output")
    indexer.start()
    indexer.process.wait()
    with pytest.raises(SearchIndexError) as failed:
        indexer.finish()
    assert "Pagefind" in str(failed.value)
    assert not list(project.glob(".pagefind.*"))


def _bangyang(project, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", "--project", str(project), *args],
                          capture_output=True, text=True, timeout=300)


def _start_preview(project, *args) -> subprocess.Popen:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "generator.cli", "--project", str(project), "serve",
                             "--port", str(port), *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    _wait_for(lambda: _get(f"http://127.0.0.1:{port}/")[0] == 200)
    return proc


def _stop(proc: subprocess.Popen) -> str:
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=60)
    return out


def test_a_build_while_the_preview_runs_waits_for_its_rebuild_and_matches_a_clean_build(project, tmp_path):
    preview = _start_preview(project)
    try:
        record = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
        record.write_text(record.read_text(encoding="utf-8").replace("leader: 严介军", "leader: 严介军(命令行)"),
                          encoding="utf-8")
        built = _bangyang(project, "build", "--no-search")
        assert built.returncode == 0, built.stderr
        # When the command returns, output/ holds the edit, whoever rebuilt first.
        page = project / "output/communities/zhejiang/cixi-yubo/index.html"
        assert "严介军(命令行)" in page.read_text(encoding="utf-8")
        # A broken record fails the same way as without a preview: file, line and field.
        broken = project / "content/records/communities/zhejiang/broken.yaml"
        broken.write_text("name: 坏记录\nregion: 浙江: 慈溪\n", encoding="utf-8")
        failed = _bangyang(project, "build", "--no-search")
        assert failed.returncode == 1
        assert "broken.yaml:2" in failed.stderr and "output/ 保持原样" in failed.stderr
        assert "严介军(命令行)" in page.read_text(encoding="utf-8")
        broken.unlink()
        time.sleep(1.5)  # the preview's rebuild after the deletion
    finally:
        _stop(preview)
    # No socket, no process left: the preview ended with the command that started it.
    assert not (project / ".bangyang-cache/serve.sock").exists()
    clean = build(project, tmp_path / "clean", search=False, cache=False).output
    made = tree_digest(project / "output")
    assert {p: h for p, h in made.items() if not p.startswith("pagefind/")} == tree_digest(clean)


def test_a_build_waits_while_another_holds_the_lock_and_says_so(project):
    import fcntl
    import os

    lock = project / ".bangyang-cache/build.lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        waiting = subprocess.Popen([sys.executable, "-m", "generator.cli", "--project", str(project), "build",
                                    "--no-search"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(2)
        assert waiting.poll() is None  # it waits, and writes nothing meanwhile
        assert not (project / "output").exists()
    finally:
        os.close(fd)  # as the other build ends
    out, err = waiting.communicate(timeout=300)
    assert waiting.returncode == 0, err
    assert "正在写入本项目" in err
    assert (project / "output/index.html").is_file()


def test_two_builds_at_once_give_a_clean_builds_site(project, tmp_path):
    first, second = (subprocess.Popen([sys.executable, "-m", "generator.cli", "--project", str(project), "build",
                                       "--no-search"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for _ in range(2))
    for proc in (first, second):
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    clean = build(project, tmp_path / "clean", search=False, cache=False).output
    assert tree_digest(project / "output") == tree_digest(clean)

