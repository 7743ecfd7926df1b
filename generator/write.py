"""Write step: render pages with Jinja2 and put the files under the output directory."""

from __future__ import annotations

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
    """Write ``data`` to ``output/rel``. Output always goes to a fresh staging directory;
    build._keep_mtimes gives unchanged files their old timestamps afterwards."""
    target = output / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def write_pages(env: Environment, pages: list[Page], output: Path, site: dict) -> int:
    """Render and write every page; returns how many files were written."""
    for page in pages:
        write_file(output, page.path, render_page(env, page, site))
    return len(pages)
