"""How a distributed crawl's requests are stored in Redis: JSON, never pickle.

scrapy-redis pickles requests by default, and unpickling runs whatever the bytes say: anyone
who can write to the Redis could run code on every worker. JSON carries only data. Bytes
(bodies, headers, a page in meta) and dicts with non-string keys (headers) are tagged, since
JSON has neither. Passed to scrapy-redis as ``SCHEDULER_SERIALIZER``, a module with
``dumps`` and ``loads``.
"""
from __future__ import annotations

import base64
import json


def _encode(value):
    if isinstance(value, bytes):
        return {"__bytes__": base64.b64encode(value).decode("ascii")}
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value):
            return {k: _encode(v) for k, v in value.items()}
        return {"__pairs__": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"a request for Redis may hold only data, not {type(value).__name__}")


def _decode(value):
    if isinstance(value, dict):
        if set(value) == {"__bytes__"}:
            return base64.b64decode(value["__bytes__"])
        if set(value) == {"__pairs__"}:
            return {_decode(k): _decode(v) for k, v in value["__pairs__"]}
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def dumps(obj) -> bytes:
    return json.dumps(_encode(obj), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(data: bytes):
    return _decode(json.loads(data))
