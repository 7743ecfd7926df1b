"""Write step: render a page with Jinja2, and put finished files into the output directory.

Files are first written to a staging folder. Only when every page of a build has been
made does ``commit`` move the changed ones into a copy of the site (generator.render.publish
says which, and swaps it with output/), each with one rename, and remove the pages that no
longer exist. Files whose bytes did not change keep their modification time, so rsync to
the portal sends only what changed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

from jinja2 import Environment

from generator.site.pages import Page


def changed_files(output: Path, files: Iterable[tuple[str, int, int]]) -> Iterator[str]:
    """The paths, of (path in ``output``, size, mtime_ns), whose file is gone or not as the build left it."""
    try:
        # Paths relative to an open folder: the kernel walks only their own few steps.
        root = os.open(output, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        yield from (path for path, _, _ in files)
        return
    try:
        for path, size, mtime in files:
            try:
                st = os.stat(path, dir_fd=root)
            except OSError:
                yield path
                continue
            if st.st_size != size or st.st_mtime_ns != mtime:
                yield path
    finally:
        os.close(root)


def relative_root(path: str) -> str:
    """The prefix that leads from an output file back to the site root: a/b/index.html → ../../"""
    depth = path.count("/")
    return "../" * depth


def render_page(env: Environment, page: Page, site: dict) -> bytes:
    """The bytes of one output file."""
    if page.body is not None:
        return page.body
    template = env.get_template(page.template)
    # A page may fix its own root: 404.html is served at any depth, so its links start at the site's path.
    html = template.render(**{"site": site, "root": relative_root(page.path), **page.context})
    return html.encode("utf-8")


def write_file(output: Path, rel: str, data: bytes) -> int:
    """Write ``data`` to ``output/rel`` (a staging folder: see ``commit``); returns its mtime in ns.

    ``commit`` moves the file by renaming it, which keeps its mtime: the build notes it here,
    from the open file, rather than stat'ing every file in output/ once they are moved.
    """
    # os calls on strings, not pathlib and a buffered file object: a cold build writes tens of
    # thousands of files, and this takes fewer system calls a file. Most pages have a folder
    # of their own, so it is made first.
    target = os.path.join(output, rel)
    folder = os.path.dirname(target)
    try:
        os.mkdir(folder)
    except FileExistsError:
        pass
    except FileNotFoundError:
        os.makedirs(folder, exist_ok=True)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)  # as open() does: the umask decides
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        return os.fstat(fd).st_mtime_ns
    finally:
        os.close(fd)


def commit(staging: Path, output: Path, staged: list[str], deleted: list[str], remove_staging: bool = True) -> None:
    """Move ``staged`` files from ``staging`` into ``output`` and delete ``deleted`` ones.

    ``remove_staging=False`` leaves what was not moved for the caller to delete.
    """
    os.chmod(staging, 0o755)  # mkdtemp makes it 0700; a web server must read it
    if not output.exists():
        os.replace(staging, output)
        return
    for rel in staged:
        target = output / rel
        try:
            os.replace(staging / rel, target)
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            clear_way(output, rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / rel, target)
    for rel in deleted:
        target = output / rel
        target.unlink(missing_ok=True)
        prune(target.parent, output)
    if remove_staging:
        shutil.rmtree(staging, ignore_errors=True)


def clear_way(output: Path, rel: str) -> None:
    """Remove what stands where ``rel`` must go: a file named like one of its folders, or a folder named like it."""
    parts = Path(rel).parts
    for i in range(1, len(parts)):
        p = output.joinpath(*parts[:i])
        if p.is_file() or p.is_symlink():
            p.unlink()
    target = output / rel
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)


def prune(folder: Path, output: Path) -> None:
    """Remove empty folders left by deleted pages, up to output/."""
    while folder != output and output in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def existing_files(output: Path, skip: tuple[str, ...] = ("pagefind/",)) -> set[str]:
    """Every file under output/, as relative paths, except the search index."""
    out = set()
    for root, dirs, files in os.walk(output):
        rel_root = os.path.relpath(root, output)
        prefix = "" if rel_root == "." else rel_root.replace(os.sep, "/") + "/"
        if prefix.startswith(skip):
            dirs[:] = []
            continue
        out.update(prefix + f for f in files)
    return out
