"""`bangyang serve` in the browser: the open tab reloads after each rebuild, and shows the
problems of a build that failed."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

from helpers import free_port


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def _wait_until(predicate, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.3)
    raise AssertionError("timed out waiting for the preview server")


def test_the_open_tab_reloads_after_a_rebuild_and_shows_a_failed_builds_problems(project, browser):
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    # Ctrl+C as at a terminal: a job started in the background of a script inherits SIGINT
    # ignored (as CI's runner may be), which a terminal's foreground command never has.
    proc = subprocess.Popen([sys.executable, "-m", "generator.cli", "--project", str(project), "serve", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    record = project / "content/records/communities/zhejiang/cixi-yubo.yaml"
    original = record.read_text(encoding="utf-8")
    try:
        _wait_until(lambda: _status(base + "communities/zhejiang/cixi-yubo/") == 200)
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + "communities/zhejiang/cixi-yubo/")
        page.wait_for_timeout(500)  # the event stream is open
        record.write_text(original.replace("leader: 严介军", "leader: 严介军(自动刷新)"), encoding="utf-8")
        page.wait_for_function("document.body.innerText.includes('严介军(自动刷新)')", timeout=30_000)

        record.write_text(original.replace("leader: 严介军", "leader: 严介军: 坏了"), encoding="utf-8")
        page.wait_for_selector("#bangyang-problems", timeout=30_000)
        box = page.locator("#bangyang-problems").inner_text()
        assert "构建失败" in box and "cixi-yubo.yaml:" in box, box

        record.write_text(original, encoding="utf-8")
        page.wait_for_function("!document.getElementById('bangyang-problems') && "
                               "!document.body.innerText.includes('自动刷新')", timeout=30_000)
        context.close()
        # Only the preview adds the script: the built page has none.
        assert "__bangyang" not in (project / "output/communities/zhejiang/cixi-yubo/index.html").read_text(encoding="utf-8")
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            assert proc.wait(timeout=30) == 0
        finally:
            if proc.poll() is None:  # never leave a preview behind
                proc.kill()
                proc.wait()
