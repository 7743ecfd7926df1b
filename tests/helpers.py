"""Helpers shared by the tests: copying the sample project, reading built pages."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
# The workplace's read-only shared folder (seeds, corpus, scorer), beside the repository.
SHARED = next((p for p in (Path(os.environ.get("BANGYANG_SHARED", REPO.parent / "shared")), Path("/work/shared"))
               if (p / "seeds").is_dir()), REPO.parent / "shared")
PROJECT_FILES = ("content", "templates", "pelicanconf.py", "publishconf.py")


def copy_project(dest: Path) -> Path:
    """Copy what a build reads into ``dest``, so tests never touch the real output/."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        else:
            shutil.copy2(src, dest / name)
    return dest


def tree_digest(root: Path) -> dict[str, str]:
    """sha256 of every file under ``root``, by relative path."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def page(site: Path, url: str) -> BeautifulSoup:
    """Parse the page a visitor gets at ``url`` (site-relative, e.g. 'regions/zhejiang/')."""
    path = site / url
    if url == "" or url.endswith("/"):
        path = path / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text_of(soup: BeautifulSoup) -> str:
    return soup.get_text(" ", strip=True)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
