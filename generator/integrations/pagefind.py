"""Pagefind, the search indexer: run it over the site and move its index in.

Pagefind (extended build, pinned in package.json) indexes the HTML pages; the data it
cannot know (pinyin, filters, the traditional → simplified table) is in the pages
already (generator.site.search).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from generator.domain.ids import KIND_DIRS
from generator.integrations.node import node_roots
from generator.render.files import existing_files
from generator.render.publish import Copies

# The pages the index holds: every honoree and news page, and the editions.
INDEXED_GLOB = "{{" + ",".join([*KIND_DIRS, "news"]) + "}/**/*.html,editions/*/index.html}"


class SearchIndexError(RuntimeError):
    """Pagefind is missing or failed; the message says how to fix it."""


def find_pagefind(project: Path) -> Path | None:
    """The pinned Pagefind extended binary: $BANGYANG_PAGEFIND, then node_modules, then PATH."""
    env = os.environ.get("BANGYANG_PAGEFIND")
    if env:
        return Path(env) if os.access(env, os.X_OK) else None
    for root in node_roots(project):
        for candidate in sorted((root / "@pagefind").glob("*/bin/pagefind_extended")):
            if os.access(candidate, os.X_OK):
                return candidate
    found = shutil.which("pagefind_extended")
    return Path(found) if found else None


def start_pagefind(project: Path, site: Path, bundle: Path, background: bool = False) -> subprocess.Popen:
    """Start Pagefind indexing ``site`` into ``bundle``; ``finish_pagefind`` waits for it.

    ``background``: at low priority, so that it leaves the cores to the preview's rebuilds.
    """
    binary = find_pagefind(project)
    if binary is None:
        raise SearchIndexError("找不到 Pagefind (extended); 在项目目录运行 npm ci 安装, 或用 --no-search 跳过搜索索引")
    command = [str(binary), "--site", str(site), "--glob", INDEXED_GLOB, "--silent", "--output-path", str(bundle)]
    nice = shutil.which("nice") if background else None
    if nice:  # a prefix, not os.setpriority after the start: Pagefind's threads inherit it from the first
        command = [nice, "-n", "10", *command]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


# Pagefind names these files for a hash of their contents, and itself skips writing one
# whose name already exists (its "immutable" files): the same name is the same bytes.
_HASHED_FOLDERS = ("fragment/", "index/", "filter/")


def named_for_content(rel: str) -> bool:
    """Whether the Pagefind bundle file ``rel`` (relative to pagefind/) is named for its bytes."""
    return rel.startswith(_HASHED_FOLDERS) or (rel.startswith("pagefind.") and rel.endswith(".pf_meta"))


def finish_pagefind(process: subprocess.Popen) -> None:
    """Wait for a started Pagefind; raise SearchIndexError if it failed."""
    out, err = process.communicate()
    if process.returncode != 0:
        raise SearchIndexError(f"Pagefind 建索引失败: {err.strip() or out.strip()}")


class Indexer:
    """Pagefind over the site, in a folder beside output/, then moved in file by file.

    ``bangyang serve`` starts it after a rebuild and goes on watching: an edit while it
    runs stops it, so the edit shows at once, and the next rebuild starts it again. It passes
    ``background=True``: Pagefind runs at low priority and scratch folders are deleted by a
    process of their own; ``close`` waits for them.
    """

    def __init__(self, project: Path, output: Path, background: bool = False, copies: Copies | None = None):
        """``output``: the site to index and to move the index into; ``copies``: the copies of
        the site it belongs to, when it is not output/ itself."""
        self.project, self.output, self.background = project, output, background
        self.copies = copies or Copies(output)
        self.bundle: Path | None = None
        self.process = None
        self.key = ""          # what it indexes (see stale_index), for the caller
        self.started = 0.0
        self._sweepers: list[subprocess.Popen] = []

    def start(self, key: str = "") -> None:
        self.stop()
        self.key, self.started = key, time.perf_counter()
        self.bundle = Path(tempfile.mkdtemp(prefix=".pagefind.", dir=self.copies.live.parent))
        try:
            self.process = start_pagefind(self.project, self.output, self.bundle / "pagefind", self.background)
        except SearchIndexError:
            self.stop()
            raise

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def finish(self) -> float:
        """Wait for Pagefind and move the index files whose bytes changed into output/pagefind/; seconds since start."""
        try:
            finish_pagefind(self.process)
        except SearchIndexError:
            self.process = None
            self.stop()
            raise
        self.process = None
        fresh, index = self.bundle / "pagefind", self.output / "pagefind"
        new_files = existing_files(fresh, skip=())
        old_files = existing_files(index, skip=()) if index.is_dir() else set()
        # Reading back every file (about 1.2 a honoree) held a preview up for a second at 10,000.
        changed = [f for f in sorted(new_files) if f not in old_files
                   or not (named_for_content(f) or _same_bytes(fresh / f, index / f))]
        index.mkdir(exist_ok=True)
        self.copies.commit(fresh, index, changed, sorted(old_files - new_files), remove_staging=False)  # stop() sweeps it
        self.stop()
        return time.perf_counter() - self.started

    def stop(self) -> None:
        """Stop Pagefind if it runs, and remove its folder."""
        if self.process is not None:
            self.process.kill()
            self.process.communicate()
            self.process = None
        if self.bundle is not None:
            self._sweep(self.bundle)
            self.bundle = None

    def _sweep(self, folder: Path) -> None:
        # A preview hands the deletion to `rm`: tens of thousands of scratch files (3 s at
        # 100,000 honorees) would hold up its next rebuild. A process, not a thread: the
        # rebuilds fork their workers.
        self._sweepers = [p for p in self._sweepers if p.poll() is None]
        rm = shutil.which("rm") if self.background else None
        if rm is None:
            shutil.rmtree(folder, ignore_errors=True)
            return
        self._sweepers.append(subprocess.Popen([rm, "-rf", "--", str(folder)], stdin=subprocess.DEVNULL))

    def close(self) -> None:
        """Stop Pagefind and wait until its scratch folders are gone."""
        self.stop()
        for sweeper in self._sweepers:
            sweeper.wait()
        self._sweepers = []


def _same_bytes(a: Path, b: Path) -> bool:
    return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
