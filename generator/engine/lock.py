"""One writer at a time: a build (or a preview's rebuild) holds the project's lock file."""

from __future__ import annotations

import fcntl
import os
import sys
from contextlib import contextmanager
from pathlib import Path

from generator.domain.ids import CACHE_ROOT

LOCK_FILE = CACHE_ROOT / "build.lock"


@contextmanager
def output_lock(project: Path):
    """Hold the project's build lock; wait, saying so, while another process holds it.

    One lock per project, not per output folder: every build of the project shares its
    build cache. The kernel releases a flock when its process ends, however it ends, so a
    killed build never leaves the lock held.
    """
    path = project / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"另一个构建或预览正在写入本项目（{path} 已加锁），等它完成……", file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
