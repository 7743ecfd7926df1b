"""Polite HTTP fetching for `bangyang ingest URL`: robots.txt (at every redirect), one request
a second per host, time-outs and a deadline for each page, retries with backoff, a size cap,
bounded redirects to http(s) only, and a raw snapshot of every page."""
from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

USER_AGENT = "BangyangBot/0.1 (honour-roll site generator; polite crawler, obeys robots.txt)"
MAX_BYTES = 5 * 1024 * 1024
DEADLINE = 60.0  # seconds for one page, however slowly its server trickles it


class FetchError(Exception):
    """A page could not be fetched; the message says why in plain words."""


@dataclass
class Fetched:
    """A fetched page: the final URL after redirects, its bytes, charset and snapshot."""

    url: str
    final_url: str
    status: int
    data: bytes
    charset: str | None
    sha256: str
    fetched_at: str
    snapshot: Path | None = None


class Fetcher:
    """One polite client: robots.txt obeyed, at most one request per `delay` seconds per host."""

    def __init__(self, cache_dir: Path | None = None, *, user_agent: str = USER_AGENT, delay: float = 1.0,
                 timeout: float = 15.0, retries: int = 3, backoff: float = 1.0, max_bytes: int = MAX_BYTES,
                 max_redirects: int = 5, obey_robots: bool = True, transport: httpx.BaseTransport | None = None,
                 deadline: float = DEADLINE):
        self.cache_dir = cache_dir
        self.user_agent = user_agent
        self.delay = delay
        self.retries = retries
        self.backoff = backoff
        self.max_bytes = max_bytes
        self.obey_robots = obey_robots
        self.max_redirects = max_redirects
        self.deadline = deadline
        self._last: dict[str, float] = {}
        self._robots: dict[str, Protego | None] = {}
        self.client = httpx.Client(headers={"User-Agent": user_agent, "Accept-Language": "zh-CN,zh;q=0.9"},
                                   timeout=timeout, follow_redirects=False, transport=transport)

    def close(self) -> None:
        self.client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- politeness --------------------------------------------------------------
    def _wait_turn(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = self.delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        """What the site's robots.txt says about this URL for our user agent (allowed if it has none)."""
        if not self.obey_robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            rules = None
            try:
                self._wait_turn(parts.netloc)
                r = self.client.get(origin + "/robots.txt")
                if r.status_code == 200:
                    rules = Protego.parse(r.text[:500_000])
            except httpx.HTTPError:
                rules = None  # no robots.txt reachable: the usual reading is “allowed”
            self._robots[origin] = rules
        rules = self._robots[origin]
        return rules is None or rules.can_fetch(url, self.user_agent)

    # -- fetching ----------------------------------------------------------------
    def fetch(self, url: str, max_bytes: int | None = None) -> Fetched:
        """Fetch one page (or file, up to ``max_bytes`` when given), or raise FetchError saying why not."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"只能抓取 http(s) 网址: {url}")
        if not self.allowed(url):
            raise FetchError(f"robots.txt 不允许抓取 {url}")
        host = urlsplit(url).netloc
        last_error = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            self._wait_turn(host)
            try:
                return self._get(url, max_bytes or self.max_bytes)
            except httpx.TimeoutException:
                last_error = "超时"
            except httpx.TransportError as exc:
                last_error = f"连接失败 ({type(exc).__name__})"
            except _Retry as exc:
                last_error = str(exc)
        raise FetchError(f"{url}: {last_error}, 重试 {self.retries} 次后放弃")

    def _get(self, url: str, max_bytes: int) -> Fetched:
        """One fetch, following redirects by hand: each target must be http(s) and allowed by
        its robots.txt, and the whole fetch must end by the deadline. These refusals are not retried."""
        asked, deadline = url, time.monotonic() + self.deadline
        for _ in range(self.max_redirects + 1):
            with self.client.stream("GET", url) as r:
                if r.is_redirect:
                    target = urljoin(str(r.url), r.headers.get("location", ""))
                    if urlsplit(target).scheme not in ("http", "https"):
                        raise FetchError(f"{url} 重定向到不能抓取的地址 {target[:200]}")
                    if not self.allowed(target):
                        raise FetchError(f"robots.txt 不允许抓取 {target} ({url} 重定向到那里)")
                    url = target
                    self._wait_turn(urlsplit(url).netloc)
                    continue
                if r.status_code >= 500 or r.status_code == 429:
                    raise _Retry(f"HTTP {r.status_code}")
                if r.status_code >= 400:
                    raise FetchError(f"HTTP {r.status_code}: {url}")
                declared = r.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise FetchError(f"页面有 {int(declared) // 1024} KB, 超过上限 {max_bytes // 1024} KB: {url}")
                chunks, size = [], 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(f"页面超过上限 {max_bytes // 1024} KB, 已停止下载: {url}")
                    if time.monotonic() > deadline:
                        raise FetchError(f"{self.deadline:.0f} 秒内没有下载完, 已停止: {url}")
                    chunks.append(chunk)
                data = b"".join(chunks)
                charset = r.charset_encoding if "charset" in r.headers.get("content-type", "").lower() else None
                final = str(r.url)
                status = r.status_code
                break
        else:
            raise FetchError(f"重定向次数过多 (可能是循环): {asked}")
        url = asked
        digest = hashlib.sha256(data).hexdigest()
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        fetched = Fetched(url, final, status, data, charset, digest, now)
        fetched.snapshot = store_snapshot(self.cache_dir, fetched) if self.cache_dir is not None else None
        return fetched


def store_snapshot(cache_dir: Path, f: Fetched) -> Path:
    """Keep a fetched page's bytes under its sha256, and note its URL and time in the index."""
    snaps = cache_dir / "snapshots"
    snaps.mkdir(parents=True, exist_ok=True)
    path = snaps / f"{f.sha256}.raw"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(f.data)
        tmp.replace(path)
    entry = {"url": f.url, "final_url": f.final_url, "fetched_at": f.fetched_at, "sha256": f.sha256,
             "status": f.status, "charset": f.charset, "bytes": len(f.data)}
    with open(cache_dir / "snapshots.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return path


class _Retry(Exception):
    pass


def cached_snapshot(cache_dir: Path, url: str) -> Fetched | None:
    """The newest stored snapshot of a URL, to re-extract without fetching again."""
    index = cache_dir / "snapshots.jsonl"
    if not index.exists():
        return None
    found = None
    for line in index.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("url") == url:
            found = entry
    if not found:
        return None
    path = cache_dir / "snapshots" / f"{found['sha256']}.raw"
    if not path.exists():
        return None
    return Fetched(url, found["final_url"], found["status"], path.read_bytes(), found.get("charset"),
                   found["sha256"], found["fetched_at"], path)


def next_page(data_text: str, url: str) -> str | None:
    """The “下一页” link of a multi-page article, if it continues the same article."""
    from lxml import etree, html as lhtml

    from .furniture import next_link

    try:
        root = lhtml.document_fromstring(data_text)
    except (etree.ParserError, ValueError):
        return None
    target = next_link(root, url)
    # pages of one article share the path stem: a.html → a_2.html
    stem = urlsplit(url).path.rsplit(".", 1)[0].rsplit("_", 1)[0]
    if target and target != url and urlsplit(target).path.startswith(stem):
        return target
    return None
