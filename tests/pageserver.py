"""A throw-away HTTP server on 127.0.0.1 serving pages a test defines, with the faults it asks for."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """One path: status, headers and body; `fail_first` 500s before succeeding; `delay` seconds before answering."""

    body: bytes = b""
    status: int = 200
    headers: dict = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0
    fail_first: int = 0
    location: str | None = None
    trickle: float = 0.0  # seconds between 8-byte pieces of the body, as a stalling server sends it


class PageServer:
    """Start with `with PageServer() as s:`; add routes with `s.routes[path] = Route(...)`; `s.url(path)`."""

    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}
        self.times: list[float] = []  # when each request came (time.monotonic)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's naming)
                path = self.path
                server.times.append(time.monotonic())
                server.hits[path] = server.hits.get(path, 0) + 1
                route = server.routes.get(path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Type", "text/plain")
                    self.end_headers()
                    self.wfile.write(b"not found")
                    return
                if route.delay:
                    time.sleep(route.delay)
                if server.hits[path] <= route.fail_first:
                    self.send_response(500)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(route.status)
                for k, v in route.headers.items():
                    self.send_header(k, v)
                if route.location:
                    self.send_header("Location", route.location)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                try:
                    if route.trickle:
                        for i in range(0, len(route.body), 8):
                            self.wfile.write(route.body[i:i + 8])
                            self.wfile.flush()
                            time.sleep(route.trickle)
                    else:
                        self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                pass  # clients that hang up early (time-outs, size caps) are what the tests provoke

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def __enter__(self) -> "PageServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def article_html(title: str, paragraphs: list[str], *, charset: str = "utf-8", date: str = "2024-05-06 10:00",
                 source: str = "测试日报", editor: str = "王编辑", extra: str = "", declared: str | None = None) -> bytes:
    """A portal-style article page: nav, headline, info bar, body, related links, footer."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = f"""<!DOCTYPE html><html><head><meta charset="{declared or charset}"><title>{title}_测试网</title></head>
<body><div class="nav"><a href="/">首页</a> | <a href="/a">新闻</a> | <a href="/b">榜样的力量</a> | <a href="/c">文明实践</a></div>
<div class="main"><h1>{title}</h1><div class="info">{date} 来源：{source}</div>
<div class="article">{body}{extra}<p>（责任编辑：{editor}）</p></div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/x1.html">另一篇新闻的标题一</a></li><li><a href="/x2.html">另一篇新闻的标题二</a></li></ul></div></div>
<div class="footer">版权所有 测试网 ICP备12345678号</div></body></html>"""
    return page.encode(charset)
