"""The build cache in <project>/.bangyang-cache/build/: what the last build read and made.

Three stores, each keyed by content hash:
- validated records of every record file (``ParsedFiles``), so an unchanged file is neither parsed nor validated again;
- slow derived values, such as the pinyin search terms of a name (``Memo``);
- the last build's manifest (``generator.build.Manifest``), with each page's input hash.
The first two are split into buckets (``BucketStore``), so an edit rewrites a few small files.

All of it is an optimisation. Deleting the folder makes the next build a full one, with
the same output; a cache written by another version of bangyang is ignored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import zlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, Iterable

CACHE_DIR = Path(".bangyang-cache") / "build"


def content_hash(data: bytes) -> str:
    """A short, collision-safe digest of ``data``."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of bangyang's own source: a cache made by other code is never trusted."""
    here = Path(__file__).resolve().parent.parent  # generator/
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(here.rglob("*.py")):
        h.update(str(path.relative_to(here)).encode() + b"\0" + path.read_bytes())
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


class BucketStore:
    """A dict kept on disk as BUCKETS pickles, each key in the bucket a stable hash of it picks.

    ``save`` rewrites only the buckets holding a changed, new or dropped key, so one edit
    to a site of tens of thousands of records writes a few small files, not one large one.
    """

    BUCKETS = 32

    def __init__(self, folder: Path | None, stem: str):
        self.files = [folder / f"{stem}-{i:02d}.pickle" for i in range(self.BUCKETS)] if folder else []
        self.data: dict = {}
        self.home: dict = {}  # key → bucket, for keys read or saved: hashing each key again costs
        for i, file in enumerate(self.files):
            bucket = read_pickle(file) or {}
            self.data.update(bucket)
            self.home.update(dict.fromkeys(bucket, i))

    def bucket(self, key) -> int:
        i = self.home.get(key)
        if i is None:
            digest = hashlib.blake2b(repr(key).encode("utf-8"), digest_size=4).digest()
            i = self.home[key] = int.from_bytes(digest, "big") % self.BUCKETS
        return i

    def save(self, new: dict, changed: Iterable) -> None:
        """Make ``new`` the stored dict; ``changed`` names every key whose value is new or different."""
        dirty = {self.bucket(k) for k in changed}
        for k in self.data.keys() - new.keys():
            dirty.add(self.bucket(k))
            del self.home[k]
        if dirty and self.files:
            parts: dict[int, dict] = {i: {} for i in dirty}
            home, bucket = self.home, self.bucket
            for k, v in new.items():
                i = home.get(k)
                part = parts.get(bucket(k) if i is None else i)
                if part is not None:
                    part[k] = v
            for i, part in sorted(parts.items()):
                write_pickle(self.files[i], part)
        self.data = new


class ParsedFiles:
    """Validated records by file: checked by size and mtime first, then by content hash.

    Only files that parsed and validated are kept; a file with an error is read again next time.
    Within one process (``bangyang serve``) it also keeps each file's validated record,
    so an unchanged file is not even read or validated again.
    """

    def __init__(self, folder: Path | None):
        self.disk = BucketStore(folder, "parsed")
        self.old: dict[str, tuple[int, int, str, Any]] = self.disk.data
        self.new: dict[str, tuple[int, int, str, Any]] = {}
        self.stored: list[str] = []
        self.unwritten: list[str] = []  # stored by builds that did not write (see save)
        self.records: dict[tuple[str, str], Any] = {}  # (file, hash) → validated record, this process only

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
        self.stored.append(rel)

    def record(self, rel: str, sha: str) -> Any:
        """The record validated from this very content earlier in this process, if any."""
        return self.records.get((rel, sha))

    def keep_record(self, rel: str, sha: str, record: Any) -> None:
        self.records[(rel, sha)] = record

    def unchanged_record(self, rel: str, st: os.stat_result) -> tuple[str, Any] | None:
        """(hash, record) of a file whose size and mtime are those of a record validated in this process."""
        hit = self.old.get(rel)
        if hit and hit[0] == st.st_size and hit[1] == st.st_mtime_ns:
            record = self.records.get((rel, hit[2]))
            if record is not None:
                self.new[rel] = hit
                return hit[2], record
        return None

    def keep_unread(self) -> None:
        """Keep the files this build did not read as they were (it was told that they did not change)."""
        self.new = {**self.old, **self.new}

    def save(self, write: bool = True) -> None:
        """Keep the files this build read, and only those; ``write=False`` keeps them in memory until ``flush``."""
        # Forget the records of files that changed or went (a record is found by content
        # hash, so one left behind would never be wrong, only memory).
        gone = [(k, self.old[k][2]) for k in self.old.keys() - self.new.keys()]
        gone += [(k, self.old[k][2]) for k in self.stored if k in self.old and self.old[k][2] != self.new[k][2]]
        for key in gone:
            self.records.pop(key, None)
        self.unwritten += self.stored
        self.old, self.new, self.stored = self.new, {}, []
        if write:
            self.flush()

    def flush(self) -> None:
        """Write what earlier saves kept in memory."""
        self.disk.save(self.old, self.unwritten)
        self.old, self.unwritten = self.disk.data, []


class Memo:
    """Values that are slow to derive from text, kept between builds.

    Every stored key holds all the inputs of its value, so a value never changes. Entries not
    used by a build are dropped when it saves, so the store never grows beyond one
    site's worth.
    """

    def __init__(self, folder: Path | None = None):
        self.disk = BucketStore(folder, "memo")
        if folder is not None:
            (folder / "memo.pickle").unlink(missing_ok=True)  # the one-file memo of earlier versions
        self.old: dict[tuple, Any] = self.disk.data
        self.used: dict[tuple, Any] = {}
        self.fresh: list[tuple] = []  # keys worked out by this build, not read from the store
        self.unwritten: list[tuple] = []  # fresh keys of builds that did not write (see save)
        self.recent: dict[tuple, Any] | None = None  # see record()
        # Values kept in memory only, from one build of a process to the next (see get).
        self.transient: dict[tuple, Any] = {}
        self.transient_kept: dict[tuple, Any] = {}
        self.recent_transient: dict[tuple, Any] | None = None  # see record()
        self.packed: list[bytes] = []  # in-memory values workers handed back this build, packed
        # For a build that writes them with its manifest (summary_parts): the parts it read,
        # and what it worked out or dropped since.
        self.parts: list[bytes] = []
        self.transient_new: dict[tuple, Any] = {}
        self.transient_dropped: set[tuple] = set()

    def get(self, key: tuple, compute: Callable[[], Any], persist: bool = True) -> Any:
        """The value stored under ``key``, or ``compute()`` kept under it.

        ``persist=False`` is for values whose key does not hold all their inputs: the
        caller drops them (``forget``) when an input changes. They are kept in memory
        (``bangyang serve``) and written with the manifest they go with (``summary_parts``),
        never in the memo's store.
        """
        if not persist:
            value = self.transient.get(key)
            if value is None:
                value = self.transient_kept.get(key)
                if value is None:
                    value = compute()
                    self.transient_new[key] = value
                self.transient[key] = value
                if self.recent_transient is not None:
                    self.recent_transient[key] = value
            return value
        try:
            value = self.used[key]
        except KeyError:
            if key in self.old:
                value = self.old[key]
            else:
                value = compute()
                self.fresh.append(key)
            self.used[key] = value
        if self.recent is not None:
            self.recent[key] = value
        return value

    def kept(self, key: tuple) -> Any:
        """The in-memory value (``persist=False``) under ``key`` as the last build left it; None if there is none."""
        value = self.transient.get(key)
        return self.transient_kept.get(key) if value is None else value

    def stored(self, key: tuple) -> Any:
        """The value under ``key`` that a build stored or used; None if there is none."""
        value = self.used.get(key)
        return self.old.get(key) if value is None else value

    def forget(self, keys: Iterable[tuple]) -> None:
        """Drop these in-memory values (``persist=False``)."""
        for key in keys:
            self.transient_kept.pop(key, None)
            self.transient.pop(key, None)
            self.transient_dropped.add(key)

    def record(self) -> None:
        """Start noting every entry and in-memory value used, for a worker process to hand back to its parent."""
        self.recent = {}
        self.recent_transient = {}

    def recorded(self) -> tuple[dict[tuple, Any], bytes]:
        """The entries and the in-memory values (packed) used since record(); stops noting."""
        recent, self.recent = self.recent or {}, None
        transient, self.recent_transient = self.recent_transient or {}, None
        # Packed: each honoree's share of the summary pages runs to megabytes of JSON text.
        # As objects in the parent, then pickled into the manifest, they added a sixth to the
        # peak memory of a cold build at 10,000 honorees.
        return recent, _pack(transient) if transient else b""

    def merge(self, entries: tuple[dict[tuple, Any], bytes]) -> None:
        """Keep what a worker process handed back (``recorded``)."""
        used, packed = entries
        self.fresh.extend(k for k in used if k not in self.old and k not in self.used)
        self.used.update(used)
        if packed:
            self.packed.append(packed)

    def summary_parts(self) -> list[bytes]:
        """The in-memory values (``persist=False``) as the last build left them, to write with its manifest.

        The parts read (``keep_in_memory``) go back as they were, with one more for what this
        build worked out or dropped: at 100,000 honorees, writing every value again was a
        fifth of a rebuild after one edit. Past _MAX_PARTS, they are packed into one.
        """
        if self.packed:
            # The summary pages were made in workers, and each used every honoree's value:
            # what they handed back is all there is.
            return [*self.packed, *([_pack(self.transient_kept)] if self.transient_kept else [])]
        parts = list(self.parts)
        if self.transient_new or self.transient_dropped:
            parts.append(_pack(self.transient_new, self.transient_dropped - self.transient_new.keys()))
        if len(parts) > _MAX_PARTS:
            return [_pack(self._current(parts))]
        return parts

    def all_in_memory(self) -> list[bytes]:
        """The in-memory values as one part (``bangyang serve``, when it writes its manifest)."""
        values = {**self.transient_kept, **self.transient}
        return [_pack(values)] if values else []

    def keep_in_memory(self, parts: list[bytes]) -> None:
        """Take back what ``summary_parts`` gave a build of another process; values held already win."""
        if not self.transient and not self.transient_kept:
            self.parts = list(parts)
            self.transient_kept = self._current(parts)

    @staticmethod
    def _current(parts: list[bytes]) -> dict[tuple, Any]:
        values: dict[tuple, Any] = {}
        for part in parts:
            more, dropped = _unpacked(part)
            values.update(more)
            for key in dropped:
                values.pop(key, None)
        return values

    def save(self, keep_unused: bool = False, write: bool = True) -> None:
        """End a build: keep the entries it used (``keep_unused``: all of them); ``write=False`` defers the disk."""
        self.unwritten += self.fresh
        self.old = {**self.old, **self.used} if keep_unused else self.used
        self.used, self.fresh = {}, []
        # A build that remade no summary page keeps the last one's values.
        if self.transient or self.packed:
            if write:
                self.transient_kept, self.transient = self.transient, {}
            else:
                # A process that builds again (serve) keeps the values this build did not use
                # as well: one that kept its catalog (generator.engine.reuse) reuses its filter
                # counts without reading them. A changed input drops them (forget).
                self.transient_kept.update(self.transient)
                self.transient = {}
        if write:
            self.flush()
        else:
            self.hold_in_memory()

    def hold_in_memory(self) -> None:
        """Hold the in-memory values as a process that builds again does (``bangyang serve``):
        as values, with nothing left to write with a manifest."""
        for part in self.packed:
            self.transient_kept.update(_unpacked(part)[0])
        self.packed, self.parts, self.transient_new, self.transient_dropped = [], [], {}, set()

    def flush(self) -> None:
        """Write what earlier saves kept in memory."""
        self.disk.save(self.old, self.unwritten)
        self.old, self.unwritten = self.disk.data, []


_MAX_PARTS = 16


def _pack(values: dict[tuple, Any], dropped: Iterable[tuple] = ()) -> bytes:
    """In-memory values and keys dropped, packed: megabytes of JSON text, pickled and compressed."""
    return zlib.compress(pickle.dumps((values, tuple(dropped)), pickle.HIGHEST_PROTOCOL), 1)


def _unpacked(packed: bytes) -> tuple[dict[tuple, Any], tuple[tuple, ...]]:
    return pickle.loads(zlib.decompress(packed))
