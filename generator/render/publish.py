"""The site's two copies, and the one step that switches them.

A portal's web server (or rsync) may read output/ at any moment, and a build may be killed at
any moment: a visitor must never get half of one build and half of the next. So a build
writes into a spare copy of the site beside it, ``.output.previous/site``, and then swaps
the two folders in one atomic rename. The spare is the site as it was before the last build,
and it becomes that again after the swap: one rename puts the last version back.

Files the two copies share are hard links to the same bytes, so the spare costs only the
files that changed, and unchanged files keep their modification time for rsync. Every path
written or removed in either copy is noted first in ``.output.previous/differs``, so the next
build brings the spare level with output/ by redoing only those paths; without that note
(the first time, or after the spare was deleted) it compares the two trees file by file.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import stat
from pathlib import Path

from generator.render.files import clear_way, commit, existing_files, prune

_AT_FDCWD = -100          # <fcntl.h>: paths relative to the working directory
_RENAME_EXCHANGE = 2      # <linux/fs.h>: renameat2 swaps the two names


class Copies:
    """output/ and its spare copy.

    A build calls ``spare_ready`` for the folder to write into, ``commit`` once or more, then
    ``switch``. A preview, whose watcher follows output/ itself, commits into output/ in place.
    """

    def __init__(self, output: Path):
        self.live = output
        self.folder = output.parent / f".{output.name}.previous"
        self.spare = self.folder / "site"
        self.differs = self.folder / "differs"
        self.changed = False  # since the spare was made level

    def spare_ready(self) -> Path:
        """Make the spare copy the same as output/, and return it."""
        self.folder.mkdir(exist_ok=True)
        if not self.live.is_dir():  # a first build: its staging folder becomes the spare
            shutil.rmtree(self.spare, ignore_errors=True)
        elif not self.spare.is_dir():
            partial = self.folder / "site.partial"
            shutil.rmtree(partial, ignore_errors=True)  # a copy a killed build left half made
            _link_tree(self.live, partial)
            partial.rename(self.spare)
        else:
            try:
                paths = self._noted()
            except (OSError, UnicodeDecodeError):
                _level_all(self.live, self.spare)
            else:
                scratch = str(self.folder / "level.tmp")
                live, spare = str(self.live), str(self.spare)
                for rel in paths:
                    if not _relink(live, spare, rel, scratch):
                        _level(self.live, self.spare, rel)
        self.differs.write_bytes(b"")
        self.changed = False
        return self.spare

    def commit(self, staging: Path, into: Path, staged: list[str], deleted: list[str],
               remove_staging: bool = True) -> None:
        """Move ``staged`` files from ``staging`` into ``into`` (either copy, or a folder in it)
        and delete ``deleted`` ones, noting their paths first."""
        root = self.spare if into == self.spare or self.spare in into.parents else self.live
        if root is self.live and not self.live.exists():
            # output/ is made anew: the spare may differ from it anywhere, so level it whole next time.
            self.differs.unlink(missing_ok=True)
        elif staged or deleted:
            prefix = "" if into == root else into.relative_to(root).as_posix() + "/"
            self.folder.mkdir(exist_ok=True)
            with open(self.differs, "ab") as notes:
                notes.write(b"".join((prefix + rel).encode("utf-8") + b"\0" for rel in (*staged, *deleted)))
        self.changed = self.changed or bool(staged or deleted)
        commit(staging, into, staged, deleted, remove_staging)

    def switch(self) -> bool:
        """Put the spare in output/'s place, and output/ in the spare's: one step. Returns False
        when the file system cannot swap folders (a mount point, an old kernel) and the noted
        files were moved into output/ one by one instead."""
        if not self.changed:
            return True
        if not self.live.exists():
            os.rename(self.spare, self.live)
            return True
        try:
            _exchange(self.live, self.spare)
            return True
        except OSError:
            paths = self._noted()
            present = [p for p in paths if (self.spare / p).is_file()]
            gone = sorted(set(paths) - set(present))
            commit(self.spare, self.live, present, gone, remove_staging=False)
            return False

    def _noted(self) -> list[str]:
        """The paths where the two copies may differ; raises OSError or UnicodeDecodeError without a note."""
        return sorted(set(filter(None, self.differs.read_bytes().decode("utf-8").split("\0"))))


def _exchange(a: Path, b: Path) -> None:
    """Swap two folders' names atomically (Linux renameat2). Python's os module has no binding
    for it; ctypes calls glibc's, which has had it since 2.28."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available")
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(a), None, str(b))


def _link_tree(source: Path, target: Path) -> None:
    """Make ``target`` a copy of the tree ``source`` whose files are hard links to its files.

    By hand rather than shutil.copytree(copy_function=os.link): copytree stats every file and
    copies each folder's metadata, and at 100,000 pages that copy is most of the first edit
    after a cold build (bench/README.md). Made as site.partial and renamed when whole, so a
    build killed meanwhile never leaves a half copy taken for the spare.
    Raises OSError naming the first file that could not be linked."""
    os.mkdir(target)
    src = os.open(source, os.O_RDONLY | os.O_DIRECTORY)
    dst = os.open(target, os.O_RDONLY | os.O_DIRECTORY)
    try:
        _link_into(src, dst, str(source))
    finally:
        os.close(src)
        os.close(dst)


def _link_into(src: int, dst: int, shown: str) -> None:
    with os.scandir(src) as listing:
        entries = [(e.name, e.is_dir(follow_symlinks=False)) for e in listing]
    for name, is_dir in entries:
        if not is_dir:
            try:
                os.link(name, name, src_dir_fd=src, dst_dir_fd=dst, follow_symlinks=False)
            except OSError as exc:
                raise OSError(exc.errno, exc.strerror, f"{shown}/{name}") from None
            continue
        os.mkdir(name, dir_fd=dst)
        inner_src = os.open(name, os.O_RDONLY | os.O_DIRECTORY, dir_fd=src)
        try:
            inner_dst = os.open(name, os.O_RDONLY | os.O_DIRECTORY, dir_fd=dst)
            try:
                _link_into(inner_src, inner_dst, f"{shown}/{name}")
            finally:
                os.close(inner_dst)
        finally:
            os.close(inner_src)


def _relink(live: str, spare: str, rel: str, scratch: str) -> bool:
    """The common case of levelling, in four system calls: ``rel`` is a file in both copies
    (a page the last build wrote). Makes the spare's a link to the live one, through
    ``scratch`` (outside the site, so a build killed here leaves nothing in it). False when
    the case is another (a file added or gone, a folder in the way): ``_level`` does those.
    After a build that rewrote every page, this is most of the next build's time."""
    source, target = f"{live}/{rel}", f"{spare}/{rel}"
    try:
        s, t = os.lstat(source), os.lstat(target)
    except FileNotFoundError:
        return False
    if stat.S_ISDIR(s.st_mode) or stat.S_ISDIR(t.st_mode):
        return False
    if (s.st_ino, s.st_dev) != (t.st_ino, t.st_dev):
        try:
            os.link(source, scratch, follow_symlinks=False)
        except FileExistsError:  # left by a build that was killed
            os.unlink(scratch)
            os.link(source, scratch, follow_symlinks=False)
        os.replace(scratch, target)
    return True


def _level(live: Path, spare: Path, rel: str) -> None:
    """Make ``spare/rel`` what ``live/rel`` is: the same file, or none."""
    source, target = live / rel, spare / rel
    if source.is_symlink() or source.is_file():
        if not _same_file(source, target):
            clear_way(spare, rel)
            target.unlink(missing_ok=True)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(source, target, follow_symlinks=False)
    elif not target.is_dir() or target.is_symlink():
        target.unlink(missing_ok=True)
        prune(target.parent, spare)


def _same_file(a: Path, b: Path) -> bool:
    try:
        sa, sb = a.lstat(), b.lstat()
    except OSError:
        return False
    return (sa.st_ino, sa.st_dev) == (sb.st_ino, sb.st_dev)


def _level_all(live: Path, spare: Path) -> None:
    """Make the whole spare copy what output/ is, file by file."""
    for rel in sorted(existing_files(live, skip=()) | existing_files(spare, skip=())):
        _level(live, spare, rel)
