"""The kept build process: `bangyang build` at a terminal leaves one behind, and the next build goes to it."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

import pytest

from generator import render
from generator.build import build, kept_session
from generator.handoff import ask
from helpers import tree_digest

RECORD = "content/records/communities/zhejiang/cixi-yubo.yaml"
PAGE = "output/communities/zhejiang/cixi-yubo/index.html"
KEPT = "由留在后台的构建进程生成"


def _bangyang(project, *args, keep: str = "1", minutes: str = "5") -> subprocess.CompletedProcess:
    env = {**os.environ, "BANGYANG_KEEP": keep, "BANGYANG_KEEP_MINUTES": minutes}
    return subprocess.run([sys.executable, "-m", "generator.cli", "--project", str(project), *args],
                          capture_output=True, text=True, timeout=300, env=env, stdin=subprocess.DEVNULL)


def _kept_pid(result: subprocess.CompletedProcess) -> int:
    found = re.search(r"构建进程留在后台 \(进程 (\d+)\)", result.stdout)
    assert found, result.stdout
    return int(found.group(1))


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # Our own child when started from this process's tests: reap it, or it stays a zombie.
    try:
        return os.waitpid(pid, os.WNOHANG) == (0, 0)
    except ChildProcessError:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().split(") ")[-1][:1] != "Z"


def _wait_gone(pid: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while _running(pid):
        assert time.monotonic() < deadline, f"process {pid} is still running"
        time.sleep(0.2)


def _edit(project, old: str, new: str) -> None:
    record = project / RECORD
    record.write_text(record.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


@pytest.fixture
def kept(project):
    """A built project with a kept process ready for requests; stops it afterwards."""
    first = _bangyang(project, "build", "--no-search")
    assert first.returncode == 0, first.stderr
    pid = _kept_pid(first)
    assert ask(project, {"ping": True}) == {"status": "here", "kept": True}  # answers once it has read the catalog
    yield project, pid
    if _running(pid):
        ask(project, {"leave": True})
        try:
            _wait_gone(pid, 30)
        except AssertionError:
            os.kill(pid, signal.SIGKILL)


def test_the_build_after_an_edit_is_made_by_the_kept_process_as_a_clean_build_would(kept, tmp_path):
    project, pid = kept
    _edit(project, "leader: 严介军", "leader: 严介军(后台构建)")
    second = _bangyang(project, "build", "--no-search")
    assert second.returncode == 0, second.stderr
    assert KEPT in second.stdout and f"进程 {pid}" in second.stdout
    assert "构建进程留在后台" not in second.stdout, "no second kept process"
    # When the command returns, output/ holds the edit.
    assert "严介军(后台构建)" in (project / PAGE).read_text(encoding="utf-8")

    # A broken record fails as it would without the kept process: file, line, field.
    broken = project / "content/records/communities/zhejiang/broken.yaml"
    broken.write_text("name: 坏记录\nregion: 浙江: 慈溪\n", encoding="utf-8")
    failed = _bangyang(project, "build", "--no-search")
    assert failed.returncode == 1 and "broken.yaml:2" in failed.stderr
    broken.unlink()

    # A build that asks for the search index gets it from the kept process too.
    searched = _bangyang(project, "build")
    assert searched.returncode == 0 and KEPT in searched.stdout, searched.stdout + searched.stderr
    assert (project / "output/pagefind/pagefind.js").is_file()

    # Asked to leave, it writes its manifest first: the next build remakes nothing.
    assert ask(project, {"leave": True})["status"] == "left"
    _wait_gone(pid)
    assert not (project / ".bangyang-cache/serve.sock").exists()
    after = build(project)
    assert (after.remade, after.rendered, after.written, after.indexed) == (0, 0, 0, False)
    clean = build(project, tmp_path / "clean", cache=False).output
    assert tree_digest(project / "output") == tree_digest(clean)


def test_the_kept_process_carries_on_with_what_the_build_read_and_needs_no_cache(project, tmp_path):
    """Forked from the build, it holds the catalog and the manifest: a build at once after is
    incremental, and waits for no catalog to be read, even with the build cache gone."""
    import shutil

    first = _bangyang(project, "build", "--no-search")
    assert first.returncode == 0, first.stderr
    pid = _kept_pid(first)
    try:
        shutil.rmtree(project / ".bangyang-cache/build")  # what a process started afresh would read
        _edit(project, "leader: 严介军", "leader: 严介军(接着构建)")
        second = _bangyang(project, "build", "--no-search")
        assert second.returncode == 0 and KEPT in second.stdout and f"进程 {pid}" in second.stdout, second.stdout
        assert "严介军(接着构建)" in (project / PAGE).read_text(encoding="utf-8")
        with open(f"/proc/{pid}/cmdline", "rb") as f:  # what `ps` shows: not the build's command
            shown = f.read().replace(b"\0", b" ").decode()
        assert "serve --keeper" in shown and " build" not in shown, shown
    finally:
        ask(project, {"leave": True})
        _wait_gone(pid)
    # It made the edit's pages, at its first look or when asked (whichever came first), and no others.
    log = (project / ".bangyang-cache/keeper.log").read_text(encoding="utf-8")
    rendered = sum(map(int, re.findall(r"重新生成 (\d+) 个页面", log)))
    pages = int(re.search(r"已生成 (\d+) 个页面", first.stdout).group(1))
    assert 0 < rendered < pages / 2, log
    clean = build(project, tmp_path / "clean", cache=False, search=False).output
    assert tree_digest(project / "output") == tree_digest(clean)


def test_a_session_made_from_a_finished_build_rebuilds_as_a_clean_build_would(project, tmp_path, monkeypatch):
    monkeypatch.setattr(render, "_PARALLEL_MIN_GROUPS", 1)  # pages in worker processes, as on a large site
    build(project, search=False, jobs=2, exiting=True)
    session = kept_session(project, include_drafts=False)
    _edit(project, "leader: 严介军", "leader: 严介军(同一进程)")
    again = build(project, search=False, session=session)
    assert not again.relinked, "the catalog the build linked was patched, not read and linked again"
    assert 0 < again.remade < again.groups / 2
    clean = build(project, tmp_path / "clean", cache=False, search=False).output
    assert tree_digest(project / "output") == tree_digest(clean)


def test_a_body_edit_at_once_after_the_build_leaves_the_pages_that_sum_up_the_catalog(project, tmp_path, monkeypatch):
    """The kept process has not summed up the catalog yet when asked at once: an edit that
    leaves the honoree's share of the search page and the open data as it was remakes its
    page only, as from the command line."""
    monkeypatch.setattr(render, "_PARALLEL_MIN_GROUPS", 1)
    build(project, search=False, jobs=2, exiting=True)
    session = kept_session(project, include_drafts=False)
    _edit(project, "各有特色, 每月活动", "各有特色, 每周活动")  # characters the site has already
    again = build(project, search=False, session=session)
    assert (again.relinked, again.remade, again.rendered, again.written) == (False, 1, 1, 1)
    clean = build(project, tmp_path / "clean", cache=False, search=False).output
    assert tree_digest(project / "output") == tree_digest(clean)


class _AskedOnceTheEditIsOut:
    """The kept process's socket, as seen from inside: a build is asked for once the edit is in output/."""

    kept = True

    def __init__(self, page, keep):
        self.page, self.keep, self.replies = page, keep, []

    def waiting(self, timeout: float | None = 0.0) -> bool:
        return not self.replies and "严介军(首次查看)" in self.page.read_text(encoding="utf-8")

    def answer(self, handle) -> None:
        self.replies.append(handle({"drafts": False}))
        self.keep.leaving.set()

    def alive(self) -> bool:
        return True


def test_the_build_asked_for_reports_the_files_the_kept_process_wrote_before_it_was_asked(project):
    """An edit saved while the kept process starts is made at its first look, before the
    request: the command's report still counts the pages and files that edit changed, not 0."""
    import functools

    from generator import serve
    from generator.build import Indexer
    from generator.cache import code_version
    from generator.keeper import Keep

    build(project, search=False, exiting=True)
    session = kept_session(project, include_drafts=False)
    _edit(project, "leader: 严介军", "leader: 严介军(首次查看)")  # before its watcher starts
    output = project / "output"
    keep = Keep(idle_s=30)
    listener = _AskedOnceTheEditIsOut(project / PAGE, keep)
    indexer = Indexer(project, output, background=True)
    answer = functools.partial(serve._answer, project=project, include_drafts=False, session=session,
                               indexer=indexer, search=False, version=code_version(), leaving=keep.leaving)
    serve._watch(project, output, False, session, indexer, False, listener, answer, keep)
    session.close()
    assert [r["status"] for r in listener.replies] == ["built"], "asked after the first look made the edit"
    result = listener.replies[0]["result"]
    assert result["written"] >= 1 and result["rendered"] >= 1, result
    assert result["remade"] < result["groups"] / 2


def test_a_kept_process_leaves_when_idle_and_the_next_build_is_incremental(project):
    first = _bangyang(project, "build", "--no-search", minutes="0.02")  # 1.2 s
    assert first.returncode == 0, first.stderr
    pid = _kept_pid(first)
    _wait_gone(pid)
    assert not (project / ".bangyang-cache/serve.sock").exists()
    _edit(project, "leader: 严介军", "leader: 严介军(空闲之后)")
    again = _bangyang(project, "build", "--no-search", keep="0")
    assert again.returncode == 0 and KEPT not in again.stdout
    remade, groups = map(int, re.search(r"重新生成 (\d+)/(\d+) 组", again.stdout).groups())
    assert remade < groups / 2, "it left its manifest: the edit remakes a few page groups, not the site"
    assert "严介军(空闲之后)" in (project / PAGE).read_text(encoding="utf-8")


def test_a_preview_takes_over_from_a_kept_process(kept):
    project, pid = kept
    preview = subprocess.Popen([sys.executable, "-m", "generator.cli", "--project", str(project), "serve",
                                "--port", "0", "--no-search", "--no-build"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        _wait_gone(pid)  # the preview asked it to leave
        deadline = time.monotonic() + 60
        while (reply := ask(project, {"ping": True})) is None:
            assert time.monotonic() < deadline and preview.poll() is None, "the preview did not take the socket"
            time.sleep(0.2)
        assert reply == {"status": "here", "kept": False}
        _edit(project, "leader: 严介军", "leader: 严介军(预览接手)")
        handed = _bangyang(project, "build", "--no-search")
        assert "由正在运行的 bangyang serve 生成" in handed.stdout, handed.stdout
        assert "构建进程留在后台" not in handed.stdout
    finally:
        preview.send_signal(signal.SIGTERM)
        said, _ = preview.communicate(timeout=60)
    assert "留在后台的构建进程" in said, said  # the preview said why its start waited


def test_a_build_from_a_script_leaves_nothing_behind(project):
    """Without BANGYANG_KEEP and without a terminal (a script, cron, CI), nothing stays running."""
    env = {k: v for k, v in os.environ.items() if k != "BANGYANG_KEEP"}
    done = subprocess.run([sys.executable, "-m", "generator.cli", "--project", str(project), "build", "--no-search"],
                          capture_output=True, text=True, timeout=300, env=env, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    assert "构建进程留在后台" not in done.stdout
    time.sleep(1)
    assert ask(project, {"ping": True}) is None


def test_deleting_the_cache_folder_sends_a_kept_process_away_without_writing_it_back(kept):
    """An editor deletes .bangyang-cache/ to force a full build: the kept process must not undo that."""
    import shutil

    project, pid = kept
    shutil.rmtree(project / ".bangyang-cache")
    _wait_gone(pid)
    assert not (project / ".bangyang-cache/build").exists(), "it wrote its caches back"
    full = _bangyang(project, "build", "--no-search", keep="0")
    remade, groups = map(int, re.search(r"重新生成 (\d+)/(\d+) 组", full.stdout).groups())
    assert remade == groups, full.stdout


def test_only_a_build_at_a_terminal_leaves_one_unless_told(monkeypatch):
    import io

    from generator import keeper

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("BANGYANG_KEEP", raising=False)
    monkeypatch.setattr(sys, "stdin", Terminal())
    assert keeper.wanted()
    monkeypatch.setenv("BANGYANG_KEEP", "0")
    assert not keeper.wanted()
    monkeypatch.setattr(sys, "stdin", io.StringIO())  # a script's, a scheduler's or CI's
    monkeypatch.delenv("BANGYANG_KEEP")
    assert not keeper.wanted()
    monkeypatch.setenv("BANGYANG_KEEP", "1")
    assert keeper.wanted()
