"""Internal link check of a built site, and a guard against third-party resources."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

# Attributes that make a browser fetch something, as opposed to a link a person follows.
_RESOURCE_ATTRS = {("script", "src"), ("img", "src"), ("link", "href"), ("iframe", "src"), ("source", "src"),
                   ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data"), ("input", "src")}


@dataclass(frozen=True)
class LinkProblem:
    page: str
    target: str
    reason: str

    def __str__(self) -> str:
        return f"output/{self.page}: {self.target}: {self.reason}"


def _resolves(root: Path, page: str, href: str) -> bool:
    path = unquote(urlsplit(href).path)
    if not path:
        return True  # a fragment or query on the same page
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if joined.startswith(".."):
        return False
    target = root / joined
    if href.split("#")[0].split("?")[0].endswith("/") or target.is_dir():
        return (target / "index.html").is_file()
    return target.is_file()


def check_site(root: Path, base_path: str = "/") -> tuple[int, list[LinkProblem]]:
    """Check every href/src in every HTML page under ``root``; returns (links checked, problems).

    ``base_path``: the path the site is published at (site_url's), where 404.html's links start."""
    problems: list[LinkProblem] = []
    checked = 0
    for html in sorted(root.rglob("*.html")):
        page = html.relative_to(root).as_posix()
        soup = BeautifulSoup(html.read_bytes(), "html.parser")
        for tag in soup.find_all(True):
            for attr in ("href", "src", "data"):
                value = tag.get(attr)
                if not value or not isinstance(value, str):
                    continue
                parts = urlsplit(value)
                if parts.scheme in ("mailto", "tel", "javascript", "data"):
                    continue
                external = bool(parts.scheme or parts.netloc)
                if external:
                    # canonical and alternate links name an address; the browser loads nothing from them
                    named_only = tag.name == "link" and {"alternate", "canonical"} & set(tag.get("rel") or [])
                    if (tag.name, attr) in _RESOURCE_ATTRS and not named_only:
                        problems.append(LinkProblem(page, value, "页面从外站加载资源; 政府网站不得引用第三方资源"))
                    continue
                if value.startswith(base_path) and page == "404.html":
                    # served at any missing address, so its links start at site_url's path; checked from the root
                    value = value[len(base_path):]
                elif value.startswith("/"):
                    problems.append(LinkProblem(page, value, "以 / 开头的地址在子目录部署时会失效; 请用相对地址"))
                    continue
                checked += 1
                if not _resolves(root, page, value):
                    problems.append(LinkProblem(page, value, "链接指向的页面不存在"))
    return checked, problems
