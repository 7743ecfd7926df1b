"""Reading YAML with PyYAML's C loader, and finding where a field sits in its file.

Line numbers are only needed when something is wrong, so files are parsed once
with the fast CSafeLoader and re-composed (nodes carry marks) only on error.
"""

from __future__ import annotations

from pathlib import Path

import yaml

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - libyaml missing; still correct, only slower
    from yaml import SafeLoader  # type: ignore[assignment]

from .problems import Problem


def read(path: Path, display: str) -> tuple[object, str, Problem | None]:
    """Parse ``path``; returns (data, text, problem). ``display`` is the path shown to editors."""
    return parse(path.read_bytes(), display)


def parse(raw: bytes, display: str) -> tuple[object, str, Problem | None]:
    """Parse a file's bytes; returns (data, text, problem)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, "", Problem(display, 1, 1, "", f"文件不是 UTF-8 编码 ({exc.reason}); 请另存为 UTF-8")
    try:
        return yaml.load(text, Loader=SafeLoader), text, None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        reason = getattr(exc, "problem", None) or str(exc)
        return None, text, Problem(display, line, col, "", f"YAML 语法错误: {reason}; 检查这一行的缩进、冒号和引号")


def locate(text: str, loc: tuple, want_key: bool = False) -> tuple[int, int]:
    """1-based (line, column) of the node at ``loc`` (keys and list indexes) in ``text``.

    Falls back to the deepest node that exists, so a missing field points at its parent.
    """
    try:
        node = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError:
        return (0, 0)
    if node is None:
        return (1, 1)
    mark = node.start_mark
    for i, step in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == step:
                    mark = key_node.start_mark if (last and want_key) else value_node.start_mark
                    node = value_node
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            mark = node.start_mark
        else:
            break
    return (mark.line + 1, mark.column + 1)
