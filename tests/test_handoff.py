"""generator.handoff: how `bangyang build` asks a running preview, without the preview."""

from __future__ import annotations

import threading
import time

from generator.handoff import Listener, ask, socket_path


def _serve_once(listener: Listener, handle) -> threading.Thread:
    def run():
        if listener.waiting(timeout=10):
            listener.answer(handle)
    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_a_request_gets_the_reply_the_preview_makes(tmp_path):
    listener = Listener(tmp_path)
    try:
        thread = _serve_once(listener, lambda request: {"status": "built", "result": {"drafts": request["drafts"]}})
        assert ask(tmp_path, {"drafts": True}) == {"status": "built", "result": {"drafts": True}}
        thread.join()
    finally:
        listener.close()
    assert not socket_path(tmp_path).exists()


def test_a_second_preview_leaves_the_requests_to_the_first(tmp_path):
    first = Listener(tmp_path)
    try:
        thread = _serve_once(first, lambda request: {})  # answers the second one's ping
        second = Listener(tmp_path)
        thread.join()
        assert second.sock is None and first.sock is not None
        second.close()
        assert socket_path(tmp_path).exists()  # the first one's socket stays
    finally:
        first.close()


def test_a_preview_that_ends_mid_build_leaves_the_build_to_the_command(tmp_path):
    listener = Listener(tmp_path)


    def run():
        assert listener.waiting(timeout=10)
        conn, _ = listener.sock.accept()
        conn.recv(1 << 16)
        conn.close()  # as a preview killed while building: no reply comes

    thread = threading.Thread(target=run)
    thread.start()
    try:
        assert ask(tmp_path, {"drafts": False}) is None
    finally:
        thread.join()
        listener.close()


def test_the_command_says_so_when_the_preview_is_slow_to_answer(tmp_path):
    listener = Listener(tmp_path)
    said = []

    def busy(request):
        time.sleep(2.5)  # a long rebuild under way
        return {"status": "built", "result": {}}

    try:
        thread = _serve_once(listener, busy)
        assert ask(tmp_path, {}, slow=lambda: said.append(True))["status"] == "built"
        thread.join()
    finally:
        listener.close()
    assert said == [True]
