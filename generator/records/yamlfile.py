"""Reading YAML with PyYAML's C loader, and finding where a field sits in its file.

Line numbers are only needed when something is wrong, so files are parsed once
with the fast CSafeLoader and re-composed (nodes carry marks) only on error.
"""

from __future__ import annotations

import re

from pathlib import Path

import yaml

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - libyaml missing; still correct, only slower
    from yaml import SafeLoader  # type: ignore[assignment]

from generator.domain.model import UNPRINTABLE, unprintable_message
from generator.domain.problems import Problem

_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_SCALARS = {f"tag:yaml.org,2002:{t}" for t in ("null", "bool", "int", "float", "binary", "timestamp")}


class _NotPlain(Exception):
    """The document uses something only PyYAML's own constructor handles."""


class _Refused(Exception):
    """Something a record must not hold, with where it is: (line, column, message)."""

    def __init__(self, mark, message: str):
        super().__init__(message)
        self.line, self.column, self.message = mark.line + 1, mark.column + 1, message


class TreeLoader(SafeLoader):
    """CSafeLoader, building plain trees of mappings, lists and scalars with less bookkeeping.

    libyaml parses in C, but PyYAML builds the Python objects in Python, node by node, with
    what anchors, merge keys, recursive structures and custom tags need: nearly a third of
    the time PyYAML took on our records. Records are plain trees, so this builds them
    directly and hands any document it does not cover (a merge key, a key that is not a
    string, an alias, an unknown tag) to PyYAML's constructor, which gives the same result
    it always did. Scalars other than strings (dates, numbers, booleans, null) go through
    PyYAML's own constructors.
    """

    def construct_document(self, node):
        try:
            return self._plain(node, set())
        except _NotPlain:
            return super().construct_document(node)

    def _plain(self, node, seen: set[int]):
        tag = node.tag
        if tag == _STR and type(node) is yaml.ScalarNode:
            if UNPRINTABLE.search(node.value):
                raise _Refused(node.start_mark, unprintable_message(node.value))
            return node.value
        if id(node) in seen:
            # An alias of a list or mapping: nested aliases of aliases (a “billion laughs”)
            # expand to more than any memory holds once validated. Records never need them.
            raise _Refused(node.start_mark, "记录里不能用 YAML 别名 (*名称) 引用列表或字段组; 请把内容直接写出来")
        if tag == _MAP and type(node) is yaml.MappingNode:
            seen.add(id(node))
            out, lines = {}, {}
            for key, value in node.value:
                if key.tag != _STR or type(key) is not yaml.ScalarNode:
                    raise _NotPlain
                if key.value in out:
                    raise _Refused(key.start_mark, f"字段 “{key.value}” 写了两次 (第 {lines[key.value]} 行和第 "
                                                   f"{key.start_mark.line + 1} 行); 删去其中一个")
                lines[key.value] = key.start_mark.line + 1
                out[key.value] = self._plain(value, seen)
            return out
        if tag == _SEQ and type(node) is yaml.SequenceNode:
            seen.add(id(node))
            return [self._plain(item, seen) for item in node.value]
        if tag not in _SCALARS or type(node) is not yaml.ScalarNode:
            raise _NotPlain
        try:
            return self.yaml_constructors[tag](self, node)
        except ValueError:  # PyYAML reads “2024-13-05” as a date and lets datetime refuse it
            if tag.endswith("timestamp"):
                raise _Refused(node.start_mark, f"“{node.value}” 不是存在的日期: 月份是 1–12, 日不超过当月天数; "
                                                "核对原文, 写成 2024-02-29 这样的日期") from None
            raise _Refused(node.start_mark, f"“{node.value}” 读不成数值; 核对这个值, 或加引号写成文字") from None


def read(path: Path, display: str) -> tuple[object, str, Problem | None]:
    """Parse ``path``; returns (data, text, problem). ``display`` is the path shown to editors."""
    return parse(path.read_bytes(), display)


def parse(raw: bytes, display: str) -> tuple[object, str, Problem | None]:
    """Parse a file's bytes; returns (data, text, problem)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, "", not_utf8(raw, exc, display)
    try:
        return yaml.load(text, Loader=TreeLoader), text, None
    except _Refused as exc:
        return None, text, Problem(display, exc.line, exc.column, "", exc.message)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        return None, text, Problem(display, line, col, "", syntax_message(exc))


def not_utf8(raw: bytes, exc: UnicodeDecodeError, display: str) -> Problem:
    """A file that is not UTF-8, at the line of its first such byte."""
    line = raw[:exc.start].count(b"\n") + 1
    return Problem(display, line, 1, "", "文件不是 UTF-8 编码：这一行有别的编码的字节（多半是按 GBK 保存的）；请用编辑器另存为 UTF-8")


# PyYAML's reasons, in editors' words: the parser's own text is English and names its grammar.
_SYNTAX_REASONS = (
    (r"found character '\\t'|found a tab character", "有制表符（Tab）；YAML 只能用空格缩进"),
    (r"mapping values are not allowed", "这里不能有 “字段: 值”：或是值里有 “: ”（给值加上引号，或改用全角冒号），或是这一行比上一行多缩进了"),
    (r"could not find expected ':'", "缺少 “字段: 值” 里的冒号，或上一行的引号没有闭合"),
    (r"did not find expected ',' or '\]'", "方括号 [ ] 没有配对，或列表项之间少了逗号；值若以 [ 开头，给它加上引号"),
    (r"did not find expected ',' or '\}'", "花括号 { } 没有配对，或项之间少了逗号；值若以 { 开头，给它加上引号"),
    (r"did not find expected key", "缩进和上下文对不上（多了或少了空格），或上一行的引号没有闭合"),
    (r"did not find expected '-' indicator", "列表项要以 “- ” 开头，并且彼此对齐"),
    (r"did not find expected node content", "这里少了值"),
    (r"expected '<document start>'", "缩进不对：顶层字段要从行首写起"),
    (r"another document|expected a single document", "文件里有 “---” 分出的第二份内容；一个记录文件只写一份"),
    (r"found unexpected end of stream", "引号或括号到文件末尾还没有闭合"),
    (r"found unknown escape character", "双引号里有认不出的反斜杠 “\\”；改用单引号，或写成 “\\\\”"),
    (r"expected alphabetic or numeric character", "值以 & 或 * 开头，YAML 把它当作引用；给这个值加上引号"),
    (r"found character .*that cannot start any token", "这个字符不能出现在值的开头（如 @、`、%）；给这个值加上引号"),
    (r"undefined tag handle|could not determine a constructor|while scanning a tag", "值以 ! 开头，YAML 把它当作类型标记；给这个值加上引号"),
)


def syntax_message(exc: yaml.YAMLError) -> str:
    """A YAML syntax error as an editor reads it: what is wrong and what to do, with where the
    unclosed bracket or quote began when that was on another line."""
    reason = f"{getattr(exc, 'problem', None) or exc} | {getattr(exc, 'context', None) or ''}"
    said = next((chinese for pattern, chinese in _SYNTAX_REASONS if re.search(pattern, reason)), None)
    if said is None:
        said = "写法无法解析；检查这一行和上一行的缩进、冒号、引号与括号"
    problem, context = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
    opened = re.search(r"flow|quoted|simple key", str(getattr(exc, "context", "")))  # a bracket, a quote, a key
    if opened and problem is not None and context is not None and context.line != problem.line:
        said += f"（从第 {context.line + 1} 行第 {context.column + 1} 列开始的那一段）"
    return f"YAML 语法错误：{said}"


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
