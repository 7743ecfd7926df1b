"""Change planning: from what changed since the last build, which groups of pages to make again.

Every input (record, news file, site.yaml, regions.yaml) has a content hash, every template
a hash that covers what it extends and includes, and the manifest of the last build says
which inputs and templates each group of pages read. A group is made again when one of
those changed, when it is new, or when one of its files in output/ was changed by hand.
"""

from __future__ import annotations

import multiprocessing
import os
from contextlib import contextmanager
from pathlib import Path

from generator.domain.ids import content_hash
from generator.engine.state import BuildState, GroupState, Manifest, ParsedFiles, Stamp, code_version
from generator.records.load import RecordFile, record_files, sort_record_files
from generator.records.record import StoredModel
from generator.render.files import changed_files
from generator.render.groups import GroupResult


def changed(before: dict[str, str], now: dict[str, str]) -> set[str]:
    """Keys added, removed or with another hash."""
    return {k for k, _ in before.items() ^ now.items()}  # compared in C: quick at 100,000 keys


def text_edits(old: Manifest | None, hashes: dict[str, str], records: dict, parsed: ParsedFiles) -> frozenset[str]:
    """The inputs changed since ``old`` that are honoree records whose links are as they were
    (the same ``HonoreeView``): edits to a body, a source or a figure, which only the groups
    that read texts show. The view before is the one the cache kept of the content ``old``
    was made from."""
    if old is None:
        return frozenset()
    found = []
    for key in changed(old.inputs, hashes):
        record, kept = records.get(key), parsed.last_read(key)
        if (record is not None and record.is_honoree and kept is not None and kept[0] == old.inputs.get(key)
                and type(kept[1]) is StoredModel and kept[1].view == record.view):
            found.append(key)
    return frozenset(found)


def only_texts_edited(old: Manifest | None, hashes: dict[str, str], templates: dict[str, str], touched: set[str],
                      edits: frozenset[str]) -> bool:
    """Whether the inputs changed since ``old`` are all ``edits`` (text_edits), with the same
    templates and no file changed by hand: then the plan is the one ``old`` was made from."""
    return (old is not None and not touched and old.templates == templates
            and changed(old.inputs, hashes) == edits)


def planned_keys(old: Manifest) -> set[str]:
    """The groups the build that wrote ``old`` planned."""
    return old.groups.keys() - {"pelican", "sitemap"}


def groups_to_remake(groups, old: Manifest | None, hashes: dict[str, str], templates: dict[str, str],
                     touched: set[str], texts_edited: frozenset[str] = frozenset()) -> list:
    """The groups to make again: all of them without a usable manifest. A group that does not
    read texts (``Group.texts``) is not made again for ``texts_edited`` (``text_edits``)."""
    if old is None:
        return list(groups)
    inputs = changed(old.inputs, hashes)
    links = inputs - texts_edited  # the changes a group that reads no texts sees
    changed_templates = changed(old.templates, templates)
    appeared_or_gone = {g.key for g in groups} != planned_keys(old)  # compared in C
    dirty = []
    for g in groups:
        before = old.groups.get(g.key)
        seen = inputs if g.texts else links
        if (before is None or g.key in touched or not g.deps.isdisjoint(seen)
                or not seen.isdisjoint(before.deps) or not changed_templates.isdisjoint(before.templates)
                or ("*" in g.deps and (seen or appeared_or_gone))):
            dirty.append(g)
    return dirty


def unchanged_summaries(dirty, old: Manifest | None, catalog, builder, templates: dict[str, str],
                        touched: set[str]) -> set[str]:
    """The keys of the groups to remake that sum up every honoree (search options, open
    data), when they would come out as the last build made them: only honoree records
    changed, and each still gives them what it gave before (``PageBuilder.same_shares``),
    as an edit to a body does. At 10,000 honorees summing them all up again is a good part
    of a rebuild from the command line."""
    summary = {g.key for g in dirty if g.texts and "*" in g.deps}
    if (not summary or old is None or summary & touched or old.templates != templates
            or not summary <= old.groups.keys()):
        return set()
    edited = changed(old.inputs, catalog.hashes)
    honorees = [catalog.honorees.get(k) for k in edited]
    if not edited or any(h is None or h.is_stub or k not in old.inputs for k, h in zip(edited, honorees)):
        return set()
    return summary if all(builder.same_shares(h, old.inputs) for h in honorees) else set()


def touched_groups(old: Manifest, output: Path, check: OutputCheck | None = None) -> set[str]:
    """Groups with an output file that is missing or was changed by hand since the last build
    (as ``check`` found, when there is one)."""
    pages, missing = old.pages, set()

    def listed():
        for state in old.groups.values():
            for path in state.paths:
                page = pages.get(path)
                if page is None:
                    missing.add(path)
                else:
                    yield path, page.size, page.mtime_ns

    found = (check.changed_since(old) if check is not None else set(changed_files(output, listed()))) | missing
    if not found:
        return set()
    return {key for key, state in old.groups.items() if not found.isdisjoint(state.paths)}


def touched_noted(old: Manifest, output: Path, hints: set[str]) -> set[str] | None:
    """``touched_groups``, looking only at the paths a watcher reported; None when that cannot tell."""
    touched, owners, folders = set(), None, None
    for path, rel in _noted_under(output, hints):
        if rel == "pagefind" or rel.startswith("pagefind/"):
            continue  # the search index: not in the manifest, remade when searchable pages change
        page = old.pages.get(rel)
        if page is None:
            # A file the last build removed or never made; or a folder of pages that moved
            # or went, whose files were not each reported.
            if folders is None:
                folders = {folder for p in old.pages for folder in _folders(p)}
            if rel in folders or os.path.isdir(path):
                return None
            continue
        try:
            st = os.stat(path)
        except OSError:
            st = None
        if st is None or st.st_size != page.size or st.st_mtime_ns != page.mtime_ns:
            if owners is None:
                owners = {p: key for key, g in old.groups.items() for p in g.paths}
            if rel not in owners:
                return None
            touched.add(owners[rel])
    return touched


def _folders(rel: str):
    """a/b/c.html → a/b, a"""
    while "/" in rel:
        rel = rel.rsplit("/", 1)[0]
        yield rel


def _noted_under(folder: Path, hints: set[str]) -> list[tuple[str, str]]:
    """(path, path relative to ``folder`` with "/") of each reported path inside ``folder``."""
    prefix = str(folder) + os.sep
    return [(path, path[len(prefix):].replace(os.sep, "/")) for path in hints if path.startswith(prefix)]


def new_manifest(planned: set[str], results: list[GroupResult], old: Manifest | None, hashes, templates,
                 settings_key) -> Manifest:
    """The manifest after a build: the groups it made from ``results``, the others of those
    ``planned`` as they were."""
    remade = {r.key: r for r in results}
    if old is None:
        new = Manifest(settings_key, dict(hashes), templates, {}, {})
    else:
        # Start from the old one and take out what goes: an edit remakes a few groups of thousands.
        new = Manifest(settings_key, dict(hashes), templates, dict(old.groups), dict(old.pages))
        for key in [k for k in new.groups if k not in planned or k in remade]:
            paths, made = new.groups[key].paths, remade[key].pages if key in remade else None
            if made is not None and len(made) == len(paths) and all(p in made for p in paths):
                # The same files: their states are replaced where they stand, so the
                # sitemap's entries keep their order.
                continue
            del new.groups[key]
            for path in paths:
                new.pages.pop(path, None)
    for r in results:
        new.groups[r.key] = GroupState(r.deps, r.templates, tuple(r.pages))
        new.pages.update(r.pages)
    return new


def claimed_twice(manifest: Manifest) -> list[tuple[str, str, str]]:
    """(path, group, other group) for each output file two groups would write: an old id
    (aliases) or a stub named like a region's, a news article's or another page's address."""
    owner: dict[str, str] = {}
    clashes = []
    for key, group in manifest.groups.items():
        for path in group.paths:
            first = owner.setdefault(path, key)
            if first != key:
                clashes.append((path, first, key))
    return clashes


def keep_group(new: Manifest, old: Manifest, key: str) -> None:
    state = old.groups[key]
    new.groups[key] = state
    for path in state.paths:
        new.pages[path] = old.pages[path]


def stale_index(manifest: Manifest, output: Path) -> str | None:
    """What the search index of ``output`` should be made from (its searchable pages' bytes), if it is not."""
    lines = sorted(f"{path}\0{page.sha}" for path, page in manifest.pages.items() if page.searchable)
    key = content_hash("\n".join(lines).encode("utf-8", "surrogateescape"))
    return key if key != manifest.search or not (output / "pagefind").is_dir() else None


# -- a build with nothing to do ---------------------------------------------------------

def input_stamp(project: Path, theme_paths: list[str], options: tuple) -> tuple[str, list[RecordFile]]:
    """(a hash of every input file's size and mtime, with ``options`` and bangyang's version;
    the record files with their stats, for the load to read exactly the files stamped)."""
    content = project / "content"
    records = record_files(content / "records")
    # A line a file, "\0" between its fields (no path holds one): joined strings are quicker
    # to hash than a list of tuples' repr, and a stamp is taken at every build.
    lines = [repr((code_version(), options))]
    lines += [f"records\0{rel}\0{st.st_size}\0{st.st_mtime_ns}" for rel, st in records if st is not None]
    lines += _walk(str(content), "content", skip="records")
    for i, folder in enumerate(theme_paths):  # templates and theme files
        lines += _walk(folder, f"theme{i}")
    # surrogateescape: a file name that is not UTF-8 comes from the walk with its bytes escaped.
    return content_hash("\n".join(lines).encode("utf-8", "surrogateescape")), records


def _walk(folder: str, label: str, skip: str = "") -> list[str]:
    if os.path.isfile(folder):  # a theme file of its own (the QR-code script)
        st = os.stat(folder)
        return [f"{label}\0{folder}\0{st.st_size}\0{st.st_mtime_ns}"]
    out = []
    for root, dirs, files, fd in os.fwalk(folder):
        if root == folder and skip in dirs:
            dirs.remove(skip)
        rel = os.path.relpath(root, folder)
        for f in files:
            try:
                st = os.stat(f, dir_fd=fd)
            except OSError:
                continue
            out.append(f"{label}\0{rel}/{f}\0{st.st_size}\0{st.st_mtime_ns}")
    out.sort()
    return out


def nothing_changed(check: OutputCheck | None, stamped: str, output: Path, search: bool) -> bool:
    """The last build read the same files and left output/ as it is now: the same trust the
    record cache puts in a file's size and mtime."""
    last = check.stamp if check is not None else None
    if last is None or last.inputs != stamped:
        return False
    if search and not (last.index_fresh and (output / "pagefind").is_dir()):
        return False
    return not check.changed()


class OutputCheck:
    """The files of output/ that are gone or not as the last build left them (by its stamp),
    looked for by a forked process while the build reads its inputs: at 100,000 pages that
    is half a second of stat calls, for the other core. The process ends with the check
    (``close``), and a build never outlives it."""

    def __init__(self, output: Path, stamp: Stamp):
        self.output, self.stamp = output, stamp
        self._found: set[str] | None = None
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_send_changed, args=(output, stamp.files, send), daemon=True)
        self._process.start()
        send.close()

    def changed(self) -> set[str]:
        """The paths, of those the stamp lists, whose file changed."""
        if self._found is None:
            try:
                self._found = set(self._receive.recv())
            except (EOFError, OSError):  # the process died: look here
                self._found = set(changed_files(self.output, self.stamp.files))
            self.close()
        return self._found

    def changed_since(self, old: Manifest) -> set[str]:
        """The files of ``old`` that changed: those the stamp saw change, and any whose state
        the stamp and the manifest do not agree on (then the file is remade, to be sure)."""
        found = set(self.changed())
        stamped = {path: (size, mtime) for path, size, mtime in self.stamp.files}
        for path, page in old.pages.items():
            if stamped.get(path) != (page.size, page.mtime_ns):
                found.add(path)
        return found

    def close(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receive.close()


@contextmanager
def output_check(state: BuildState, output: Path):
    """An ``OutputCheck`` from the stamp of the last build into ``output``, when there is one."""
    stamp = state.stamp(output) if not state.preview else None
    check = OutputCheck(output, stamp) if stamp is not None else None
    try:
        yield check
    finally:
        if check is not None:
            check.close()


def _send_changed(output: Path, files: list[tuple[str, int, int]], send) -> None:
    send.send(list(changed_files(output, files)))
    send.close()


# -- the record files a preview's rebuild reads -----------------------------------------

def record_files_since(state: BuildState, base: Path, hints: set[str] | None
                       ) -> tuple[list[RecordFile], list[RecordFile] | None]:
    """The files under records/, and those modified since the last build that succeeded
    (None when a file was added or removed, or when that is not known).

    A preview's watcher reports every change (``hints``): then only those files are looked
    at, not every file of content/."""
    if hints is None or state.files is None or state.files[0] != base:
        files, modified = record_files(base), None
    else:
        files, modified = _updated_files(base, state.files[1], hints)
    state.same_files = state.same_files and modified is not None
    state.files = (base, files)
    return files, modified if state.same_files else None


def _updated_files(base: Path, files: list[RecordFile],
                   hints: set[str]) -> tuple[list[RecordFile], list[RecordFile] | None]:
    mine = _noted_under(base, hints)
    if not mine:
        return files, []
    if any(not path.endswith((".yaml", ".yml")) or os.path.isdir(path) for path, _ in mine):
        return record_files(base), None  # a folder moved in or out: its files were not each reported
    index = {rel: i for i, (rel, _) in enumerate(files)}
    files, added, gone, modified = list(files), False, set(), []
    for path, rel in mine:
        try:
            st = os.stat(path)
        except OSError:
            st = None
        if rel in index:
            if st is None:
                gone.add(rel)
            else:
                files[index[rel]] = (rel, st)
                modified.append((rel, st))
        elif st is not None:
            files.append((rel, st))
            added = True
    if added or gone:
        return sort_record_files([f for f in files if f[0] not in gone]), None
    return files, modified
