"""Write step: render pages with Jinja2 and put the files under the output directory."""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import Environment

from .pages import Page


def relative_root(path: str) -> str:
    """The prefix that leads from an output file back to the site root: a/b/index.html → ../../"""
    depth = path.count("/")
    return "../" * depth


def render_page(env: Environment, page: Page, site: dict) -> bytes:
    """The bytes of one output file."""
    if page.body is not None:
        return page.body
    template = env.get_template(page.template)
    html = template.render(site=site, root=relative_root(page.path), **page.context)
    return html.encode("utf-8")


def write_file(output: Path, rel: str, data: bytes) -> None:
    """Write ``data`` to ``output/rel``; unchanged files are left alone so their mtime stays."""
    target = output / rel
    try:
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return
    except FileNotFoundError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)


def write_pages(env: Environment, pages: list[Page], output: Path, site: dict) -> int:
    """Render and write every page; returns how many files were written or checked."""
    for page in pages:
        write_file(output, page.path, render_page(env, page, site))
    return len(pages)
