"""The site as a portal serves it: through nginx, with `error_page 404 /404.html`, at the root
and under a sub-path. nginx (Debian's, installed by `make test`) runs in the foreground on
127.0.0.1 for these tests only."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from generator.engine.build import build
from helpers import REPO, copy_project, free_port

DEPLOY = REPO / "deploy" / "nginx"  # the configuration the README gives portals, tested as shipped

PAGES = ["", "editions/shanghai-shequ-zhiyuan-shifan-2019/", "communities/zhejiang/cixi-yubo/",
         "news/2025-07-03-ningbo-sige100/", "search/", "regions/zhejiang/ningbo/", "stats/"]
MISSING = "communities/zhejiang/no-such-place/deeper/"


def _nginx() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not found:
        pytest.fail("nginx is missing: run `make test`, which installs it with apt-get")
    return found


def _serve(tmp: Path, output: Path, prefix: str, port: int) -> subprocess.Popen:
    """nginx in the foreground, in one process, serving ``output`` at ``prefix`` (“/” or “/bangyang/”)."""
    (tmp / "logs").mkdir()
    served = f"root {output};" if prefix == "/" else f"alias {output}/;"
    location = f"location {prefix} {{ {served} include {DEPLOY / 'bangyang-server.conf'}; error_page 404 {prefix}404.html; }}"
    (tmp / "nginx.conf").write_text(f"""
daemon off;
master_process off;
pid {tmp}/nginx.pid;
error_log {tmp}/logs/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    include {DEPLOY / 'bangyang-http.conf'};
    access_log off;
    client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy; fastcgi_temp_path {tmp}/fcgi;
    uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        {location}
    }}
}}
""", encoding="utf-8")
    proc = subprocess.Popen([_nginx(), "-p", str(tmp), "-c", str(tmp / "nginx.conf")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return proc
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"nginx did not start: {proc.stderr.read().decode()}")
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("nginx did not start listening")


@pytest.fixture(scope="module", params=["/", "/bangyang/"], ids=["root", "sub-path"])
def served(request, tmp_path_factory):
    """(base URL, nginx) for the sample site built for that address."""
    prefix, port = request.param, free_port()
    project = copy_project(tmp_path_factory.mktemp("nginx-site"))
    site_yaml = project / "content/site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8").replace(
        "site_url: http://127.0.0.1:8000", f"site_url: http://127.0.0.1:{port}{prefix.rstrip('/')}"), encoding="utf-8")
    output = build(project).output
    os.chmod(output, 0o755)
    proc = _serve(tmp_path_factory.mktemp("nginx"), output, prefix, port)
    yield f"http://127.0.0.1:{port}{prefix}"
    proc.terminate()
    proc.wait(timeout=10)


def _failed_requests(page) -> list[str]:
    """Requests that failed, and anything the content security policy refused."""
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("requestfailed", lambda r: failed.append(f"failed {r.url}"))
    page.on("console", lambda m: failed.append(m.text) if "Content Security Policy" in m.text else None)
    return failed


def test_a_deep_missing_address_shows_the_styled_404_page_with_working_links(browser, served):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    response = page.goto(served + MISSING)
    assert response.status == 404
    assert "页面不存在" in page.title()
    # Styled: the site's stylesheet applied (the header is the site's red, not a browser default).
    header = page.locator("header.site-header").evaluate("e => getComputedStyle(e).backgroundColor")
    assert header not in ("rgba(0, 0, 0, 0)", "transparent"), header
    for text, expected in (("返回首页", served), ("浏览全部榜单", served + "awards/")):
        page.goto(served + MISSING)
        with page.expect_navigation():
            page.get_by_role("link", name=text).click()
        assert page.url == expected
        assert "页面不存在" not in page.title()
    context.close()


def test_every_page_loads_its_styles_and_scripts_through_nginx(browser, served):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    failed = _failed_requests(page)
    for path in PAGES:
        response = page.goto(served + path)
        assert response.status == 200, path
        assert "default-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
    # Search runs Pagefind's WebAssembly under that policy.
    page.goto(served + "search/?q=%E8%99%9E%E6%B3%A2")
    page.wait_for_selector("#search-results li a", timeout=10_000)
    assert "虞波" in page.locator("#search-results").inner_text()
    assert failed == []
    css = page.request.get(served + "theme/css/site.css", headers={"Accept-Encoding": "gzip"})
    assert css.headers.get("content-encoding") == "gzip" and "max-age=3600" in css.headers["cache-control"]
    context.close()
