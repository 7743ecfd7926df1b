"""One build: validate content, run Pelican into a fresh directory, swap it into place.

The previous output/ is only replaced once the new site is complete, so a
failed build never leaves a half-written site behind.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .catalog import Catalog
from .link import link
from .load import load
from .problems import ContentError, Problem
from .search import SearchIndexError, run_pagefind


class BuildError(Exception):
    """The build failed; ``problems`` says why, in editors' words."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


@dataclass
class BuildResult:
    output: Path
    pages: int
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)


class _ErrorCounter(logging.Handler):
    """Collects errors Pelican logs (it logs bad articles and carries on)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def load_catalog(project: Path, include_drafts: bool = False) -> Catalog:
    """Load and link content/; raises ContentError listing every problem."""
    return link(load(project / "content"), include_drafts=include_drafts)


def build(project: Path, output: Path | None = None, settings_file: Path | None = None,
          include_drafts: bool = False, search: bool = True) -> BuildResult:
    """Build the site of ``project`` into ``output`` (default project/output), with its search index."""
    from pelican import Pelican
    from pelican.settings import read_settings

    started = time.perf_counter()
    project = project.resolve()
    output = (output or project / "output").resolve()
    settings_file = settings_file or project / "pelicanconf.py"
    timings: dict[str, float] = {}

    t = time.perf_counter()
    try:
        catalog = load_catalog(project, include_drafts)
    except ContentError as exc:
        raise BuildError(exc.problems) from None
    timings["load+link"] = time.perf_counter() - t

    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".output.", dir=output.parent))
    counter = _ErrorCounter()
    pelican_logger = logging.getLogger("pelican")
    pelican_logger.addHandler(counter)
    try:
        overrides = {
            "PATH": str(project / "content"),
            "OUTPUT_PATH": str(staging),
            "BANGYANG_CATALOG": catalog,
            "BANGYANG_DRAFTS": include_drafts,
            "FEED_DOMAIN": catalog.site.site_url,
        }
        if include_drafts:
            overrides["DRAFT_SAVE_AS"] = "news/drafts/{slug}/index.html"
        settings = read_settings(str(settings_file), override=overrides)
        t = time.perf_counter()
        Pelican(settings).run()
        timings["render+write"] = time.perf_counter() - t
        if counter.messages:
            raise BuildError([Problem("content/news", 0, 0, "", m) for m in counter.messages])
        pages = sum(1 for _ in staging.rglob("*.html"))
        if search:
            try:
                timings["index"] = run_pagefind(project, staging)
            except SearchIndexError as exc:
                raise BuildError([Problem("package.json", 0, 0, "pagefind", str(exc))]) from None
        _swap(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        pelican_logger.removeHandler(counter)
    return BuildResult(output, pages, time.perf_counter() - started, timings)


def _keep_mtimes(staging: Path, output: Path) -> None:
    """Give files that did not change their old modification time, so rsync to the portal skips them."""
    for new in staging.rglob("*"):
        if not new.is_file():
            continue
        old = output / new.relative_to(staging)
        try:
            st = old.stat()
            if st.st_size == new.stat().st_size and old.read_bytes() == new.read_bytes():
                os.utime(new, ns=(st.st_atime_ns, st.st_mtime_ns))
        except (FileNotFoundError, NotADirectoryError):
            continue


def _swap(staging: Path, output: Path) -> None:
    """Put ``staging`` where ``output`` is, keeping the old site until the new one is in place."""
    os.chmod(staging, 0o755)  # mkdtemp makes it 0700; a web server must read it
    if not output.exists():
        os.replace(staging, output)
        return
    _keep_mtimes(staging, output)
    retired = Path(tempfile.mkdtemp(prefix=".output.old.", dir=output.parent))
    os.replace(output, retired / "site")
    os.replace(staging, output)
    shutil.rmtree(retired, ignore_errors=True)
