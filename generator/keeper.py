"""A kept build process: `bangyang build` leaves one behind, so the next build takes a fraction of a second.

A rebuild after one edit spends most of its time starting Python and reading the catalog
back from the build cache (2.5–2.8 s at 10,000 honorees, 18–20 s at 100,000), not on
the edit. After a build at a terminal, `bangyang build` leaves a process in
the background: a preview without the HTTP server that holds the catalog, notes
which files change, and builds only when a later `bangyang build` hands it the request
(generator.handoff), to the same bytes. A build that read the catalog forks it, with the
catalog in memory already; one that found nothing changed starts `bangyang serve
--keeper`, which reads the catalog once. It leaves after ``IDLE_MINUTES`` without a
request, when `bangyang serve` starts in the project, when its socket is removed (the
cache folder deleted), or when bangyang is updated.

The command line imports this module before anything heavy: the standard library only.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from .handoff import SOCKET, Listener

IDLE_MINUTES = 15.0
LOG = SOCKET.parent / "keeper.log"


def wanted() -> bool:
    """Whether a build leaves a kept process behind.

    BANGYANG_KEEP=1 or 0 decides; otherwise only a build typed at a terminal does, not
    one run by a script, a scheduler or CI, where nobody builds again soon.
    """
    setting = os.environ.get("BANGYANG_KEEP", "").strip()
    if setting in ("0", "1"):
        return setting == "1"
    return sys.stdin is not None and sys.stdin.isatty()


def idle_seconds() -> float:
    """How long a kept process waits for a request: BANGYANG_KEEP_MINUTES, or ``IDLE_MINUTES``."""
    try:
        minutes = float(os.environ.get("BANGYANG_KEEP_MINUTES", IDLE_MINUTES))
    except ValueError:
        minutes = IDLE_MINUTES
    return max(minutes, 0.0) * 60


def leave_behind(project: Path, include_drafts: bool, fork: bool = False) -> int | None:
    """Start a kept process for ``project`` in the background; its process id, or None where none can run.

    ``fork``: this process's build left what it read and made (generator.build.kept_session),
    and the process is about to exit: the kept process is forked from it, so it has no
    catalog to read.

    The socket is bound here, before this command returns, and handed to the process: a
    build that follows at once finds it, and waits until the process is ready, instead of
    building by itself beside it. The process outlives this command, in a session of its
    own, so neither Ctrl+C at the terminal nor a closed pipe stops it; what it prints goes
    to .bangyang-cache/keeper.log.
    """
    project = project.resolve()
    listener = Listener(project, kept=True)
    if listener.sock is None:
        return None  # no Unix socket here, or another process answers builds already
    fd = listener.hand_over()
    log_path = project / LOG
    # A thread of this process would not exist in the child, and might hold a lock it needs.
    if fork and threading.active_count() == 1:
        pid = _fork(project, include_drafts, fd, log_path)
        if pid is not None:
            os.close(fd)
            return pid
    try:
        with open(log_path, "wb") as log:
            process = subprocess.Popen(_command(project, include_drafts, fd), stdin=subprocess.DEVNULL,
                                       stdout=log, stderr=subprocess.STDOUT,
                                       start_new_session=True, pass_fds=(fd,))
    except OSError:
        os.close(fd)
        listener.path.unlink(missing_ok=True)
        return None
    os.close(fd)
    return process.pid


def _command(project: Path, include_drafts: bool, fd: int) -> list[str]:
    """The command line of a kept process started afresh; a forked one shows it too."""
    return [sys.executable, "-m", "generator.cli", "--project", str(project), "serve", "--keeper", str(fd),
            *(["--drafts"] if include_drafts else [])]


def _fork(project: Path, include_drafts: bool, fd: int, log_path: Path) -> int | None:
    """Fork the kept process; its process id, or None if it could not be (then one is started instead)."""
    try:
        null = os.open(os.devnull, os.O_RDONLY)
        log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    except OSError:
        return None
    sys.stdout.flush()  # or the child would print it again
    sys.stderr.flush()
    try:
        pid = os.fork()
    except OSError:
        pid = None
    if pid == 0:
        _forked(project, include_drafts, fd, null, log)  # never returns
    os.close(null)
    os.close(log)
    return pid


def _forked(project: Path, include_drafts: bool, fd: int, null: int, log: int) -> None:
    """The child of ``_fork``: the kept process, with the build's catalog; it exits here."""
    code = 1
    try:
        os.setsid()  # as start_new_session: Ctrl+C at the terminal is not for it
        os.dup2(null, 0)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.close(null)
        os.close(log)
        from setproctitle import setproctitle

        # In `ps` and `pkill -f`, as the process that `serve --keeper` would start, not as the build.
        setproctitle(" ".join(_command(project, include_drafts, fd)))
        from .build import kept_session
        from .serve import serve

        code = serve(project, include_drafts=include_drafts, kept_fd=fd,
                     session=kept_session(project, include_drafts))
    except BaseException:  # noqa: BLE001 - whatever it was, it goes to the log, and the process ends
        import traceback

        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


class Keep:
    """When a kept process's watch ends: asked to leave, idle too long, or its socket gone."""

    def __init__(self, idle_s: float):
        self.idle_s = idle_s
        self.leaving = threading.Event()
        # Its socket is gone: the cache folder was deleted, perhaps to force a full build.
        # Then it leaves without writing its manifest and caches back.
        self.abandoned = False

    def over(self, busy: float, listener) -> bool:
        """Whether to stop now; ``busy`` is the monotonic time of the last change or request."""
        if not listener.alive():
            self.abandoned = True
        return self.abandoned or self.leaving.is_set() or time.monotonic() - busy > self.idle_s
