"""Build state: everything the engine keeps between builds, owned by one object.

``BuildState`` holds, for one project:
- the validated record of every record file (``ParsedFiles``), so an unchanged file is
  neither parsed nor validated again;
- values worked out from inputs (``Values``), each keyed by the hashes of everything it
  depends on, so that none is ever stale and none needs forgetting;
- for each output folder, the manifest of the last build into it (``Manifest``: what each
  group of pages read, each file's input hash and bytes), kept as a base file and the
  changes since (``_OnDisk``), and its input stamp;
- the compiled templates (Jinja's bytecode cache);
- in memory only, while `bangyang serve` runs: the last linked catalog with its page plan,
  the Jinja environment, and the files the watcher saw change.

On disk it all lives in <project>/.bangyang-cache/build/. Every file carries a checksum of
its bytes and the version of bangyang that wrote it: one that fails either is dropped,
with a warning, and what it held is made again. Deleting the folder is always safe.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import secrets
import shutil
import sys
import tempfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, Collection, Iterable

from jinja2 import BytecodeCache

from generator.domain.ids import CACHE_ROOT, content_hash
from generator.records.record import StoredModel
from generator.render.groups import PageState

CACHE_DIR = CACHE_ROOT / "build"


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of bangyang's own source and the libraries whose output ends up in pages:
    a cache written by other code is never trusted."""
    here = Path(__file__).resolve().parent.parent  # generator/
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(here.rglob("*.py")):
        h.update(str(path.relative_to(here)).encode() + b"\0" + path.read_bytes())
    for dist in ("jinja2", "markupsafe", "cmarkgfm", "pypinyin", "pelican", "markdown", "pydantic", "pyyaml"):
        try:
            h.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            pass
    return h.hexdigest()


# -- files with a checksum -------------------------------------------------------------

_MAGIC = b"BYS1"  # a sealed file of this format; a file without it is another version's, not damage
_SUM = 4  # bytes of CRC-32 after the magic: it catches damage, and is several times quicker than a hash
_HEAD = len(_MAGIC) + _SUM


def _seal(*parts: bytes) -> bytes:
    crc = 0
    for part in parts:
        crc = zlib.crc32(part, crc)
    return b"".join((_MAGIC, crc.to_bytes(_SUM, "big"), *parts))


def _unseal(path: Path) -> memoryview | None:
    """The body of a sealed file; None if it is missing. A file whose checksum fails is
    removed, with a warning, so that it is made again."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(_MAGIC):
        return None  # written by another version of bangyang: made again, without a warning
    body = memoryview(data)[_HEAD:]  # a view: the cache's files are hundreds of megabytes at 100,000 honorees
    if zlib.crc32(body).to_bytes(_SUM, "big") != data[len(_MAGIC):_HEAD]:
        _drop(path)
        return None
    return body


def _drop(path: Path) -> None:
    print(f"警告：构建缓存文件 {path} 已损坏，已丢弃，其中的内容将重新生成。", file=sys.stderr)
    path.unlink(missing_ok=True)


def read_pickle(path: Path) -> Any:
    """The object kept at ``path`` by this version of bangyang, else None."""
    body = _unseal(path)
    if body is None:
        return None
    version = code_version().encode()
    if body[:len(version)] != version:
        return None  # another version's: its objects may not even load here, and it is not damage
    try:
        return pickle.loads(body[len(version):])
    except Exception:  # noqa: BLE001 - the checksum held, so the writer was another Python: make it again
        _drop(path)
        return None


def write_pickle(path: Path, payload: Any) -> None:
    """Write atomically: a reader never sees half a file."""
    _write_atomically(path, _seal(code_version().encode(), pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)))


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class SealedBytecodeCache(BytecodeCache):
    """Jinja's compiled templates, one sealed file each, keyed by the template's source.

    Jinja's own FileSystemBytecodeCache loads whatever bytes it finds: a damaged file broke
    every build until the cache was deleted.
    """

    def __init__(self, folder: Path):
        self.folder = folder

    def _file(self, bucket) -> Path:
        return self.folder / f"{bucket.key}.jinja"

    def load_bytecode(self, bucket) -> None:
        body = _unseal(self._file(bucket))
        if body is not None:
            try:
                bucket.bytecode_from_string(bytes(body))
            except Exception:  # noqa: BLE001 - compiled by another Python: compile again
                bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        _write_atomically(self._file(bucket), _seal(bucket.bytecode_to_string()))


# -- stores ---------------------------------------------------------------------------

class BucketStore:
    """A dict kept on disk as sealed files: each key goes to one of BUCKETS files of its kind
    (the first item of a tuple key), picked by a stable hash of the key.

    A file is read only when a key in it is asked for, so a build that uses a few values
    reads a few files; ``write`` rewrites only the files holding a changed or dropped key.
    Values handed over packed (``add_packed``) stay packed until their file is read or
    written.
    """

    # Many small files rather than a few large ones: an edit that remakes the pages of a few
    # dozen honorees reads and rewrites only the files that hold their values (bench/README.md).
    BUCKETS = 256
    _MISSING = object()

    def __init__(self, folder: Path | None, stem: str):
        self.folder, self.stem = folder, stem
        self.buckets: dict[str, dict] = {}   # file name → its dict, for the files read
        self.dirty: set[str] = set()
        self.packed: dict[str, list[bytes]] = {}  # file name → values handed over, not yet unpacked
        self.keeping: set | dict | None = None     # keep_only's keys, applied as each file is written
        self.arrived: set = set()                   # keys unpacked since the last write
        self._prefixes: dict[str, str] = {}  # kind of key → the start of its files' names

    def name(self, key) -> str:
        """The file that holds ``key``."""
        kind = key[0] if type(key) is tuple and key and type(key[0]) is str else ""
        prefix = self._prefixes.get(kind)
        if prefix is None:
            safe = re.sub(r"[^A-Za-z0-9_.-]", "_", kind)[:40]
            prefix = self._prefixes[kind] = f"{self.stem}-{safe + '-' if safe else ''}"
        # CRC-32 of the key's text: stable between processes, unlike hash(), and quick.
        return f"{prefix}{zlib.crc32(repr(key).encode('utf-8')) % self.BUCKETS:03d}.pickle"

    def _bucket(self, name: str) -> dict:
        bucket = self.buckets.get(name)
        if bucket is None:
            found = read_pickle(self.folder / name) if self.folder is not None else None
            if isinstance(found, list):  # packed parts, written as they were handed over (see write)
                found = {k: v for part in found for k, v in unpack(part).items()}
            bucket = self.buckets[name] = found if isinstance(found, dict) else {}
        if name in self.packed:
            for blob in self.packed.pop(name):
                for key, value in unpack(blob).items():
                    if key not in bucket:
                        bucket[key] = value
                        self.dirty.add(name)
                    self.arrived.add(key)
        return bucket

    def get(self, key, default=None):
        value = self._bucket(self.name(key)).get(key, self._MISSING)
        return default if value is self._MISSING else value

    def __contains__(self, key) -> bool:
        return key in self._bucket(self.name(key))

    def set(self, key, value) -> None:
        name = self.name(key)
        self._bucket(name)[key] = value
        self.dirty.add(name)

    def delete(self, key) -> None:
        name = self.name(key)
        if self._bucket(name).pop(key, self._MISSING) is not self._MISSING:
            self.dirty.add(name)

    def take(self, key, default=None):
        """The value of ``key``, let go of in memory (not on disk): for a store only read
        from, whose values are each wanted once."""
        return self._bucket(self.name(key)).pop(key, default)

    def add_packed(self, packs: dict[str, bytes]) -> None:
        """Values packed by file name (``pack_by_file``), kept packed until their file is needed."""
        for name, blob in packs.items():
            self.packed.setdefault(name, []).append(blob)

    def pack_by_file(self, values: dict) -> dict[str, bytes]:
        by_file: dict[str, dict] = {}
        for key, value in values.items():
            by_file.setdefault(self.name(key), {})[key] = value
        return {name: pack(part) for name, part in by_file.items()}

    def _names_on_disk(self) -> set[str]:
        if self.folder is None or not self.folder.is_dir():
            return set()
        return {path.name for path in self.folder.glob(f"{self.stem}-*.pickle")}

    def all(self) -> dict:
        """Every key and value, reading every file."""
        for name in self._names_on_disk() | self.packed.keys():
            self._bucket(name)
        return {k: v for bucket in self.buckets.values() for k, v in bucket.items()}

    def keep_only(self, keys) -> None:
        """Drop every key not in ``keys`` (a dict or set: looked up, never walked), nor
        handed over packed, when the files are next written."""
        self.keeping = keys

    def write(self, keep: bool = True) -> None:
        """Write the files that changed. ``keep=False``: let go of each file's values once
        written (a build that ends), so that only one file's values are unpacked at a time."""
        names = self.dirty | self.packed.keys()
        if self.keeping is not None:
            names |= self._names_on_disk() | self.buckets.keys()
        for name in sorted(names):
            if self.folder is not None and name not in self.buckets and not (self.folder / name).exists():
                # Only values handed over, for a file not yet made (a first build): written
                # packed as they came, neither unpacked nor pickled again. (All of them are
                # kept: keep_only never drops what was handed over.)
                write_pickle(self.folder / name, self.packed.pop(name))
                continue
            bucket = self._bucket(name)
            if self.keeping is not None:
                gone = [key for key in bucket if key not in self.keeping and key not in self.arrived]
                for key in gone:
                    del bucket[key]
                if gone:
                    self.dirty.add(name)
            if name in self.dirty and self.folder is not None:
                write_pickle(self.folder / name, bucket)
            if not keep:
                del self.buckets[name]
        self.dirty.clear()
        self.keeping, self.arrived = None, set()


def pack(values: dict) -> bytes:
    """Values handed from a rendering process to the build, packed: as objects, every
    honoree's share of the summary pages would sit in the build's memory all at once."""
    return zlib.compress(pickle.dumps(values, pickle.HIGHEST_PROTOCOL), 1)


def unpack(blob: bytes) -> dict:
    return pickle.loads(zlib.decompress(blob))


class ParsedFiles:
    """Validated records by file: checked by size and mtime first, then by content hash.

    Only files that parsed and validated are kept; a file with an error is read again next
    time. While a preview runs it also keeps each file's validated record, so an unchanged
    file is not even read or validated again.

    An honoree's model is kept apart from the rest (``StoredModel``), in files of its own
    (``models``), read only when a page asks for it (``model_blob``).
    """

    def __init__(self, folder: Path | None, remember: bool = False):
        self.disk = BucketStore(folder, "parsed")
        self.models = BucketStore(folder, "models")        # written: file → (content hash, pickled model)
        self._models_read = BucketStore(folder, "models")  # read, each model once
        self.old: dict[str, tuple[int, int, str, Any]] = self.disk.all()
        self.on_disk = set(self.old)  # files whose records the store holds
        self.new: dict[str, tuple[int, int, str, Any]] = {}
        self.stored: list[str] = []
        self.unwritten: list[str] = []  # stored by builds since the last write
        # (file, hash) → validated record, kept only by a process that builds again (``remember``: a preview)
        self.records: dict[tuple[str, str], Any] | None = {} if remember else None

    def model_blob(self, rel: str, sha: str) -> bytes | None:
        """The pickled model of the honoree in ``rel`` with content ``sha``; None when the
        store does not have it (then the file is validated again)."""
        found = self._models_read.take(rel)
        return found[1] if found is not None and found[0] == sha else None

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

    def last_read(self, rel: str) -> tuple[str, Any] | None:
        """(hash, data) of the file as the last build that read it found it."""
        hit = self.old.get(rel)
        return (hit[2], hit[3]) if hit else None

    def store(self, rel: str, st: os.stat_result, sha: str, data: Any) -> None:
        self.new[rel] = (st.st_size, st.st_mtime_ns, sha, data)
        self.stored.append(rel)

    def record(self, rel: str, sha: str) -> Any:
        """The record validated from this very content earlier in this process, if any."""
        return self.records.get((rel, sha)) if self.records else None

    def keep_record(self, rel: str, sha: str, record: Any) -> None:
        if self.records is not None:
            self.records[(rel, sha)] = record

    def unchanged_record(self, rel: str, st: os.stat_result) -> tuple[str, Any] | None:
        """(hash, record) of a file whose size and mtime are those of a record validated in this process."""
        if not self.records:  # a build's first read
            return None
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

    def end_build(self) -> None:
        """Keep the files this build read, and only those."""
        # Forget the records of files that changed or went (a record is found by content
        # hash, so one left behind would never be wrong, only memory).
        gone = [(k, self.old[k][2]) for k in self.old.keys() - self.new.keys()]
        gone += [(k, self.old[k][2]) for k in self.stored if k in self.old and self.old[k][2] != self.new[k][2]]
        for key in gone if self.records else ():
            self.records.pop(key, None)
        self.unwritten += self.stored
        self.old, self.new, self.stored = self.new, {}, []

    def write(self) -> None:
        gone = self.on_disk - self.old.keys()
        if gone:  # else there is nothing to drop, and no need to look through every file's keys
            self.disk.keep_only(self.old)
        models: dict[str, list[str]] = {}  # file of models → the keys whose model goes into it
        for key in self.unwritten:
            entry = self.old.get(key)
            if entry is None:
                continue
            self.disk.set(key, entry)
            if type(entry[3]) is StoredModel and entry[3].fetched:  # one not fetched is in the store already
                models.setdefault(self.models.name(key), []).append(key)
        for key in gone:
            self.models.delete(key)
        self.on_disk = set(self.old)
        self.disk.write()
        # File by file: after a full build, every model pickled at once would be hundreds of megabytes.
        for keys in models.values():
            for key in keys:
                self.models.set(key, (self.old[key][2], self.old[key][3].blob()))
            self.models.write(keep=False)
        self.models.write(keep=False)  # the deletions
        self.unwritten = []


class Values:
    """Values that are slow to work out (pinyin, each honoree's share of the summary pages),
    each keyed by everything it depends on, so a kept value is never wrong.

    A full build keeps only the values it used; an incremental build adds what it worked
    out. So the store holds about one site's worth, and an edit reads only the few files
    that hold the values it needs.
    """

    def __init__(self, folder: Path | None, remember: bool = False):
        self.disk = BucketStore(folder, "values")
        self.used: dict[tuple, Any] = {}
        self.fresh: list[tuple] = []      # keys worked out by this build
        self.recent: dict[tuple, Any] | None = None  # see record()
        self._fresh_from = 0                          # where this process's own fresh keys start
        self.keep_unused = True                       # see start_build
        # ``remember`` (a preview): every value used, from one build to the next, found in one
        # lookup: a preview's edit to an edition looks up every honoree's share again, and
        # working out which file holds each one costs more than the lookup.
        self.remembered: dict[tuple, Any] | None = {} if remember else None

    def get(self, key: tuple, compute: Callable[[], Any]) -> Any:
        try:
            value = self.used[key]
        except KeyError:
            value = self.remembered.get(key, BucketStore._MISSING) if self.remembered is not None \
                else BucketStore._MISSING
            if value is BucketStore._MISSING:
                value = self.disk.get(key, BucketStore._MISSING)
                if value is BucketStore._MISSING:
                    value = compute()
                    self.fresh.append(key)
                if self.remembered is not None:
                    self.remembered[key] = value
            self.used[key] = value
        if self.recent is not None:
            self.recent[key] = value
        return value

    def stored(self, key: tuple) -> Any:
        """The value kept under ``key``, if any, without working it out."""
        value = self.used.get(key)
        if value is None and self.remembered is not None:
            value = self.remembered.get(key)
        return self.disk.get(key) if value is None else value

    def start_build(self, keep_unused: bool) -> None:
        """Before rendering: whether the build keeps the values it does not use (``end_build``)."""
        self.keep_unused = keep_unused

    def record(self) -> None:
        """Start noting the values used, for a rendering process to hand back to the build."""
        self.recent, self._fresh_from = {}, len(self.fresh)

    def recorded(self) -> dict[str, bytes]:
        """The values noted since record(), packed by the file that keeps them; stops noting.

        When the build keeps what it does not use, only the values worked out here: the others
        are in the store already, and packing every honoree's share of the summary pages only
        for the build to unpack and write them again was most of an edition edit's work. A
        preview too: the build's own process finds them where this process found them.
        """
        recent, self.recent = self.recent or {}, None
        fresh = self.fresh[self._fresh_from:]
        if self.keep_unused:
            recent = {key: recent[key] for key in fresh if key in recent}
        packed = self.disk.pack_by_file(recent)
        # Handed back, and let go of here (a rendering process's copy of the store): kept,
        # they would grow the process by every honoree's share of the summary pages.
        for key in fresh:
            self.used.pop(key, None)
            if self.remembered is not None:
                self.remembered.pop(key, None)
        del self.fresh[self._fresh_from:]
        return packed

    def merge(self, packs: dict[str, bytes]) -> None:
        """Keep what a rendering process used (``recorded``); unpacked when its file is needed."""
        self.disk.add_packed(packs)

    def end_build(self) -> None:
        """Keep the values this build worked out; unless it keeps the unused ones (it made
        every page), drop the others."""
        for key in self.fresh:
            self.disk.set(key, self.used[key])
        if not self.keep_unused:
            self.disk.keep_only(self.used)
            if self.remembered is not None:  # as the store does: one site's worth, not every edit's
                self.remembered = dict(self.used)
        self.used, self.fresh, self.keep_unused = {}, [], True

    @property
    def unwritten(self) -> bool:
        return bool(self.disk.dirty or self.disk.packed or self.disk.keeping is not None)

    def write(self, keep: bool = True) -> None:
        self.disk.write(keep)


@dataclass
class GroupState:
    deps: Collection[str]       # inputs the group read: a frozenset, or a tuple once read back from disk
    templates: Collection[str]  # templates it used, likewise
    paths: tuple[str, ...]


@dataclass
class Manifest:
    """What the last build into an output folder read and wrote."""

    settings: str                    # hash of everything every page depends on
    inputs: dict[str, str]           # input → content hash
    templates: dict[str, str]        # template → hash with what it extends and includes
    groups: dict[str, GroupState]
    pages: dict[str, PageState]
    pelican: str = ""                # inputs of the last Pelican run (news, theme files)
    search: str = ""                 # searchable pages the index was made from

    # Pickled with its tens of thousands of group and page states as plain tuples: pickle
    # restores a dataclass instance attribute by attribute, three times slower to read, and
    # a frozenset more slowly than a tuple. Each name is one string object, which pickle
    # writes once and then refers to.
    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        names = {name: name for name in self.inputs}
        names.update((path, path) for path in self.pages)
        state["groups"] = {k: _group_tuple(g, names) for k, g in self.groups.items()}
        state["pages"] = {names[k]: _page_tuple(p) for k, p in self.pages.items()}
        return state

    def __setstate__(self, state: dict) -> None:
        state["groups"] = {k: GroupState(*v) for k, v in state["groups"].items()}
        state["pages"] = {k: PageState(*v) for k, v in state["pages"].items()}
        self.__dict__.update(state)


def _group_tuple(g: GroupState, names: dict[str, str] | None = None) -> tuple:
    if names is None:
        return tuple(g.deps), tuple(g.templates), g.paths
    return (tuple(names.get(d, d) for d in g.deps), tuple(g.templates),
            tuple(names.get(p, p) for p in g.paths))


def _page_tuple(p: PageState) -> tuple:
    return p.input, p.sha, p.size, p.mtime_ns, p.sitemap, p.searchable


@dataclass
class Stamp:
    """What a build read, by file stats, and left in output/: a build that would change
    nothing finds that out without reading a record."""

    inputs: str                               # hash of the inputs' stats, settings and options
    files: list[tuple[str, int, int]]         # (path in output/, size, mtime_ns) of every file
    pages: int                                # HTML pages, for the report
    groups: int
    index_fresh: bool                         # the search index was made from these pages


@dataclass
class _OnDisk:
    """A manifest as its files hold it: a base file, and a file of the changes since.

    An edit remakes a few groups of a hundred thousand: writing only what changed since the
    base saves rewriting the whole manifest each time. Once the changes reach a quarter of
    the number of files, the base is written whole again.
    """

    token: str                                 # names the base; the changes file names the base it applies to
    manifest: Manifest                         # what the two files hold together
    groups: dict[str, GroupState | None]       # groups changed since the base (None: gone)
    pages: dict[str, PageState | None]


@dataclass
class _Output:
    """The state of one output folder: its manifest and stamp, as kept and as last written."""

    manifest: Manifest | None = None
    stamp: Stamp | None = None
    read: bool = False               # the manifest on disk was read (or there was none)
    unsaved: bool = False
    on_disk: _OnDisk | None = None


def _changes(before: dict, after: dict) -> dict:
    """What ``after`` changed of ``before``, None for a key gone. A build keeps the very
    objects of the groups and files it did not remake, so identity tells."""
    changed = {k: v for k, v in after.items() if before.get(k) is not v}
    changed.update((k, None) for k in before.keys() - after.keys())
    return changed


def _apply(values: dict, changes: dict) -> None:
    for key, value in changes.items():
        if value is None:
            values.pop(key, None)
        else:
            values[key] = value


class BuildState:
    """What the engine keeps between the builds of one project.

    `bangyang build` makes one, builds, and saves it. `bangyang serve` keeps one for its
    whole run (``preview``), so a rebuild reads nothing from disk, and saves it while the
    editor reads. ``cache=False``: nothing is read or written.
    """

    def __init__(self, project: Path, cache: bool = True, preview: bool = False):
        self.project = project.resolve()
        self.preview = preview
        self.folder = self.project / CACHE_DIR if cache else None
        self._parsed: ParsedFiles | None = None
        self._values: Values | None = None
        self.outputs: dict[Path, _Output] = {}
        # In memory only (a preview's later builds):
        self.linked = None                 # the last catalog with its plan (generator.engine.text_edits)
        self.primed = None                 # the page builder whose summaries were worked out while idle
        self.environment = None            # (settings key, Jinja environment, template files seen)
        self.watched = False               # a watcher reports every change (see watching)
        self.watch_started = False
        self.hints: set[str] = set()       # absolute paths changed since the last build
        self.files = None                  # (records folder, the record files the last build read)
        self.same_files = False            # no record file added or removed since the last build that succeeded

    # Read when first needed: a build that finds nothing changed reads only its stamp.
    @property
    def parsed(self) -> ParsedFiles:
        if self._parsed is None:
            self._parsed = ParsedFiles(self.folder, remember=self.preview)
        return self._parsed

    @property
    def values(self) -> Values:
        if self._values is None:
            self._values = Values(self.folder, remember=self.preview)
        return self._values

    @property
    def bytecode(self) -> BytecodeCache | None:
        """Compiled templates, kept per version of bangyang: its code generator makes them."""
        if self.folder is None:
            return None
        folder = self.folder / "jinja" / code_version()[:16]
        if not folder.is_dir():
            shutil.rmtree(folder.parent, ignore_errors=True)  # another version's
            folder.mkdir(parents=True, exist_ok=True)
        return SealedBytecodeCache(folder)

    def _output(self, output: Path) -> _Output:
        found = self.outputs.get(output)
        if found is None:
            found = self.outputs[output] = _Output()
        return found

    def manifest(self, output: Path) -> Manifest | None:
        kept = self._output(output)
        if kept.manifest is None and not kept.read and self.folder is not None:
            kept.on_disk, kept.read = self._read_manifest(output), True
            kept.manifest = kept.on_disk.manifest if kept.on_disk else None
        return kept.manifest if output.exists() else None

    def _read_manifest(self, output: Path) -> _OnDisk | None:
        if self._file(output, "writing", ".marker").exists():
            return None  # a build stopped while it changed output/: no manifest describes it
        found = read_pickle(self._file(output, "manifest"))
        if not (isinstance(found, tuple) and len(found) == 2 and isinstance(found[1], Manifest)):
            return None
        token, manifest = found
        groups, pages = {}, {}
        changes = read_pickle(self._file(output, "changes"))
        if isinstance(changes, tuple) and len(changes) == 4 and changes[0] == token:
            _, head, groups, pages = changes
            manifest.settings, manifest.inputs, manifest.templates, manifest.pelican, manifest.search = head
            groups = {k: GroupState(*v) if v else None for k, v in groups.items()}
            pages = {k: PageState(*v) if v else None for k, v in pages.items()}
            _apply(manifest.groups, groups)
            _apply(manifest.pages, pages)
        return _OnDisk(token, manifest, groups, pages)

    def _write_manifest(self, output: Path, manifest: Manifest) -> None:
        """Write the changes since the base file when they are few, else the base."""
        kept, base = self._output(output), self._file(output, "manifest")
        last = kept.on_disk
        if last is not None and base.exists():
            groups = {**last.groups, **_changes(last.manifest.groups, manifest.groups)}
            pages = {**last.pages, **_changes(last.manifest.pages, manifest.pages)}
            if len(groups) + len(pages) <= len(manifest.pages) // 4:
                head = (manifest.settings, manifest.inputs, manifest.templates, manifest.pelican, manifest.search)
                write_pickle(self._file(output, "changes"), (
                    last.token, head, {k: _group_tuple(v) if v else None for k, v in groups.items()},
                    {k: _page_tuple(v) if v else None for k, v in pages.items()}))
                kept.on_disk = _OnDisk(last.token, manifest, groups, pages)
                return
        token = secrets.token_hex(8)
        self._file(output, "changes").unlink(missing_ok=True)
        write_pickle(base, (token, manifest))
        kept.on_disk = _OnDisk(token, manifest, {}, {})

    def stamp(self, output: Path) -> Stamp | None:
        if self.folder is None:
            return None
        found = read_pickle(self._file(output, "stamp"))
        return found if isinstance(found, Stamp) else None

    def wrote(self, output: Path, manifest: Manifest, stamp: Stamp | None) -> None:
        """A build wrote ``output`` as ``manifest`` says (and as ``stamp`` says, if it took one)."""
        kept = self._output(output)
        kept.manifest, kept.stamp, kept.read, kept.unsaved = manifest, stamp, True, True

    def forget_output(self, output: Path) -> None:
        """A build is about to change ``output``: until its manifest is saved, none on disk describes it."""
        kept = self._output(output)
        kept.manifest, kept.stamp, kept.read = None, None, True
        if self.folder is not None:
            self._file(output, "stamp").unlink(missing_ok=True)
            _write_atomically(self._file(output, "writing", ".marker"), b"")

    def save(self) -> None:
        """Write what the builds since the last save kept in memory."""
        if self.folder is None:
            return
        # Values first, let go of file by file when the process ends after this save: the
        # manifest is pickled after them, with less in memory.
        if self._values is not None:
            self._values.write(keep=self.preview)
        if self._parsed is not None:
            self._parsed.write()
        for output, kept in self.outputs.items():
            if kept.unsaved:
                self._write_manifest(output, kept.manifest)
                if kept.stamp is not None:
                    write_pickle(self._file(output, "stamp"), kept.stamp)
                else:
                    self._file(output, "stamp").unlink(missing_ok=True)
                self._file(output, "writing", ".marker").unlink(missing_ok=True)
                kept.unsaved = False

    @property
    def unsaved(self) -> bool:
        return (any(k.unsaved for k in self.outputs.values()) or bool(self._parsed and self._parsed.unwritten)
                or bool(self._values and self._values.unwritten))

    def _file(self, output: Path, kind: str, suffix: str = ".pickle") -> Path:
        # One manifest per output folder: a build with other settings (or --drafts) into the
        # same folder replaces it, and its settings key makes the next build a full one.
        return self.folder / f"{kind}-{content_hash(str(output).encode())[:16]}{suffix}"

    # -- what a preview's watcher reports ---------------------------------------------
    def watching(self) -> None:
        """A watcher starts now: the next build looks at every file, later ones at the files reported."""
        self.watched = False
        self.hints.clear()
        self.watch_started = True

    def changed(self, paths: Iterable[str | Path]) -> None:
        """Note files (or folders) added, changed or deleted since the last build, by anyone."""
        self.hints.update(os.path.abspath(p) for p in paths)

    def prime(self) -> None:
        """Work out now what the first rebuild after an edit would (the summary pages' sums), once per catalog."""
        if self.linked is not None and self.primed is not self.linked.builder:
            self.primed = self.linked.builder
            self.linked.builder.prime()
