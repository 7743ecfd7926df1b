"""`bangyang build` hands its build to the preview (`bangyang serve`) running in the same project.

From the command line, a rebuild after one edit spends most of its time starting Python and
reading the whole catalog back from the build cache: about 2 s at 10,000 honorees, 16 s at
100,000. The preview holds the catalog in memory and its watcher knows which files changed,
so it makes the same rebuild, to the same bytes, in a tenth of that.

A kept process (generator.keeper), which `bangyang build` leaves behind at a terminal,
answers on the same socket when no preview runs, and gives way to a preview that starts.

The preview listens on a Unix socket in the project's cache folder, readable by its owner
only. One request and one reply, each a line of JSON. The command line imports this module
before anything heavy, so it uses the standard library only.
"""

from __future__ import annotations

import json
import os
import select
import socket
from pathlib import Path
from typing import Callable

SOCKET = Path(".bangyang-cache") / "serve.sock"
CODE = str(Path(__file__).resolve().parent)  # which bangyang: a preview run from another copy declines
_MAX_PATH = 100   # sun_path holds 108 bytes on Linux; a longer project path goes without handoff
_MAX_LINE = 4 << 20  # a reply lists every problem of a failed build: generous, but bounded
_SLOW_S = 2.0


def socket_path(project: Path) -> Path | None:
    """Where the preview of ``project`` listens, or None where a Unix socket cannot be had."""
    path = project.resolve() / SOCKET
    if not hasattr(socket, "AF_UNIX") or len(os.fsencode(path)) > _MAX_PATH:
        return None
    return path


def ask(project: Path, request: dict, slow: Callable[[], None] | None = None) -> dict | None:
    """The preview's reply to ``request``; None when no preview of ``project`` answers.

    A reply's "status" is "built" (with "result"), "failed" (with "problems") or
    "declined" (with "reason": the caller builds by itself). ``slow`` is called once if
    the reply takes more than two seconds: the preview may be busy with a long rebuild.
    """
    path = socket_path(project)
    if path is None or not path.is_socket():
        return None
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        try:
            conn.connect(str(path))
            _send(conn, {**request, "code": CODE})
            if slow is not None and not select.select([conn], [], [], _SLOW_S)[0]:
                slow()
            return _receive(conn)
        except (OSError, ValueError):
            # Left behind by a preview that was killed, or one that stopped while building:
            # nothing was promised, so the caller builds.
            return None


class Listener:
    """The preview's end: build requests from `bangyang build` in the same project."""

    def __init__(self, project: Path, kept: bool = False, fd: int | None = None,
                 evicting: Callable[[], None] | None = None):
        """``kept``: for a kept build process (generator.keeper), which gives way to a preview.
        ``fd``: listen on the socket the command that started it bound (see generator.keeper).
        ``evicting``: called when a preview asks a kept process to leave (which can take seconds)."""
        self.path = socket_path(project)
        self.kept = kept
        self.sock: socket.socket | None = None
        self._inode = None
        if self.path is None:
            return
        if fd is not None:
            self.sock = socket.socket(fileno=fd)
            try:
                self._inode = os.stat(self.path).st_ino
            except OSError:
                self.close()  # removed already: no request can reach it
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        there = ask(project, {"ping": True})
        if there is not None and there.get("kept") and not kept:
            # A preview starts where a kept process waits: it writes its manifest and leaves.
            if evicting is not None:
                evicting()
            ask(project, {"leave": True})
            there = None
        if there is not None:
            self.path = None  # another preview of this project answers them
            return
        self.path.unlink(missing_ok=True)  # left by a preview that was killed
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        mask = os.umask(0o177)  # the owner only; no other thread runs here yet
        try:
            sock.bind(str(self.path))
        except OSError:
            sock.close()
            self.path = None
            return
        finally:
            os.umask(mask)
        sock.listen(8)
        self.sock, self._inode = sock, os.stat(self.path).st_ino

    def waiting(self, timeout: float | None = 0.0) -> bool:
        """Whether a request waits (within ``timeout`` seconds; None: until one comes)."""
        if self.sock is None:
            if timeout is None:
                select.select([], [], [])  # nothing can come: sleep until a signal stops the preview
            return False
        return bool(select.select([self.sock], [], [], timeout)[0])

    def answer(self, handle: Callable[[dict], dict]) -> None:
        """Take one waiting request and send back what ``handle`` makes of it."""
        conn, _ = self.sock.accept()
        with conn:
            conn.settimeout(10)  # the request is written at once; a client that stalls is dropped
            try:
                request = _receive(conn)
            except (OSError, ValueError):
                return
            conn.settimeout(None)
            if request.get("ping"):
                reply = {"status": "here", "kept": self.kept}
            elif request.get("code") != CODE:
                reply = {"status": "declined", "reason": f"预览运行的是另一份 bangyang ({CODE})"}
            else:
                reply = handle(request)
            try:
                _send(conn, reply)
            except OSError:
                pass  # the client gave up (Ctrl+C); the build stands

    def alive(self) -> bool:
        """Whether requests can still reach this listener: its socket file is still there, and its own."""
        try:
            return self.sock is not None and os.stat(self.path).st_ino == self._inode
        except OSError:
            return False

    def hand_over(self) -> int:
        """The listening socket's file descriptor, for a process this one starts; this end stops listening."""
        fd = self.sock.detach()
        self.sock = None
        return fd

    def close(self) -> None:
        """Stop listening; remove the socket unless another preview has taken its place."""
        if self.sock is None:
            return
        self.sock.close()
        self.sock = None
        try:
            if os.stat(self.path).st_ino == self._inode:
                self.path.unlink()
        except OSError:
            pass


def _send(conn: socket.socket, message: dict) -> None:
    conn.sendall(json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n")


def _receive(conn: socket.socket) -> dict:
    with conn.makefile("rb") as stream:
        line = stream.readline(_MAX_LINE)
    if not line.endswith(b"\n"):
        raise ValueError("no complete message")
    message = json.loads(line)
    if not isinstance(message, dict):
        raise ValueError("not a message")
    return message
