"""The build cache in <project>/.bangyang-cache/build/: what the last build read and made.

Three stores, each keyed by content hash:
- parsed YAML of every record file (``ParsedFiles``), so an unchanged file is not parsed again;
- slow derived values, such as the pinyin search terms of a name (``Memo``);
- the last build's manifest (``generator.manifest``), with each page's input hash.

All of it is an optimisation. Deleting the folder makes the next build a full one, with
the same output; a cache written by another version of bangyang is ignored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Callable

CACHE_DIR = Path(".bangyang-cache") / "build"


def content_hash(data: bytes) -> str:
    """A short, collision-safe digest of ``data``."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of bangyang's own source: a cache made by other code is never trusted."""
    here = Path(__file__).resolve().parent
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(here.glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    # The libraries whose output ends up in pages: an upgrade may change it.
    for dist in ("jinja2", "markupsafe", "cmarkgfm", "pypinyin", "pelican", "markdown", "pydantic", "pyyaml"):
        try:
            h.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            pass
    return h.hexdigest()


def read_pickle(path: Path) -> Any:
    """The object pickled at ``path`` if it was written by this code, else None."""
    try:
        with path.open("rb") as fh:
            version, payload = pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
        return None
    return payload if version == code_version() else None


def write_pickle(path: Path, payload: Any) -> None:
    """Write atomically: a reader never sees half a cache file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((code_version(), payload), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class ParsedFiles:
    """Parsed YAML by file: checked by size and mtime first, then by content hash.

    Only files that parsed are kept; a file with an error is read again next time. The
    store is split into buckets by file name, so an edit rewrites one bucket, not all.
    Within one process (``bangyang serve``) it also keeps each file's validated record,
    so an unchanged file is not even validated again.
    """

    BUCKETS = 32

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.old: dict[str, tuple[int, int, str, Any]] = {}
        self.loaded: list[dict] = []
        if folder is not None:
            for i in range(self.BUCKETS):
                bucket = read_pickle(folder / f"parsed-{i:02d}.pickle") or {}
                self.loaded.append(bucket)
                self.old.update(bucket)
        self.new: dict[str, tuple[int, int, str, Any]] = {}
        self.models: dict[tuple[str, str], Any] = {}

    def by_stat(self, rel: str, st: os.stat_result) -> tuple[str, Any] | None:
        """(hash, data) when the file's size and mtime are what they were."""
        hit = self.old.get(rel)
        if hit and hit[0] == st.st_size and hit[1] == st.st_mtime_ns:
            self.new[rel] = hit
            return hit[2], hit[3]
        return None

    def by_hash(self, rel: str, sha: str) -> tuple[bool, Any]:
        """(found, data) for a file whose mtime changed but whose content may not have."""
        hit = self.old.get(rel)
        return (True, hit[3]) if hit and hit[2] == sha else (False, None)

    def store(self, rel: str, st: os.stat_result, sha: str, data: Any) -> None:
        self.new[rel] = (st.st_size, st.st_mtime_ns, sha, data)

    def model(self, rel: str, sha: str) -> Any:
        """The record validated from this very content earlier in this process, if any."""
        return self.models.get((rel, sha))

    def keep_model(self, rel: str, sha: str, model: Any) -> None:
        self.models[(rel, sha)] = model

    def save(self) -> None:
        """Keep the files this build read, and only those; write the buckets that changed."""
        if self.folder is None:
            return
        buckets: list[dict] = [{} for _ in range(self.BUCKETS)]
        for rel, entry in self.new.items():
            buckets[int(hashlib.blake2b(rel.encode(), digest_size=2).hexdigest(), 16) % self.BUCKETS][rel] = entry
        for i, bucket in enumerate(buckets):
            if i >= len(self.loaded) or bucket != self.loaded[i]:
                write_pickle(self.folder / f"parsed-{i:02d}.pickle", bucket)
        self.loaded, self.old, self.new = buckets, dict(self.new), {}
        self.models = {k: v for k, v in self.models.items() if k[0] in self.old and self.old[k[0]][2] == k[1]}


class Memo:
    """Values that are slow to derive from text, kept between builds.

    Entries not used by a build are dropped when it saves, so the store never grows
    beyond one site's worth.
    """

    def __init__(self, path: Path | None = None):
        self.path = path
        self.old: dict[tuple, Any] = (read_pickle(path) or {}) if path else {}
        self.used: dict[tuple, Any] = {}
        self.recent: dict[tuple, Any] | None = None  # see record()

    def get(self, key: tuple, compute: Callable[[], Any]) -> Any:
        try:
            value = self.used[key]
        except KeyError:
            value = self.old[key] if key in self.old else compute()
            self.used[key] = value
        if self.recent is not None:
            self.recent[key] = value
        return value

    def record(self) -> None:
        """Start noting every entry used, for a worker process to hand back to its parent."""
        self.recent = {}

    def recorded(self) -> dict[tuple, Any]:
        """The entries used since record(); stops noting."""
        recent, self.recent = self.recent or {}, None
        return recent

    def merge(self, entries: dict[tuple, Any]) -> None:
        self.used.update(entries)

    def save(self, keep_unused: bool = False) -> None:
        payload = {**self.old, **self.used} if keep_unused else self.used
        if self.path and payload != self.old:
            write_pickle(self.path, payload)
        self.old, self.used = payload, {}


_memo = Memo()


def memo() -> Memo:
    """The memo of the build in progress (an in-memory one outside a build)."""
    return _memo


def use_memo(m: Memo) -> None:
    global _memo
    _memo = m
