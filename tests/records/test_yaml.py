"""Reading record files: YAML read exactly as PyYAML reads it, in folder order."""

from __future__ import annotations


import pytest
import yaml
from hypothesis import given, settings, strategies as st

from generator.records.load import sort_record_files
from generator.records.yamlfile import TreeLoader, parse
from helpers import REPO


_YAML_CASES = [
    "name: 虞波社区\nyear: 2023\nannounced: 2023-12-05\nok: yes\noff: off\nnothing: ~\nratio: 35.1\n",
    "when: 2001-12-14t21:59:43.10-05:00\nhex: 0x1F\noct: 0o17\nsep: 1_000\ninf: .inf\nraw: !!binary aGk=\n",
    "quoted: '2023'\nforced: !!str 12\nblock: |\n  第一行\n  第二行\nfolded: >\n  a\n  b\n",
    "list:\n  - a\n  - {k: v, n: 1}\n  - [1, 2]\nempty: []\nnone: {}\n",
    "base: &b {x: 1, y: 2}\nmerged:\n  <<: *b\n  y: 3\n",            # a merge key
    "a: &s 共享\nb: *s\n",                                               # an alias of a text
    "2023: 年份作键\ntrue: 布尔作键\n",                                     # keys that are not strings
    "",
    "plain",
]


@pytest.mark.parametrize("text, line, says", [
    ("dup: 1\ndup: 2\n", 2, "“dup” 写了两次 (第 1 行和第 2 行)"),   # PyYAML keeps the last silently
    ("c: &l [1]\nd: *l\n", 1, "别名"),                               # aliases of lists and mappings
    ("- &x {a: 1}\n- *x\n", 1, "别名"),
])
def test_what_pyyaml_accepts_silently_but_a_record_must_not_hold_is_a_located_problem(text, line, says):
    data, _, problem = parse(text.encode("utf-8"), "x.yaml")
    assert data is None and problem.line == line and says in problem.message, problem


def _same(text: str) -> None:
    """TreeLoader reads ``text`` as PyYAML does: repr tells True from 1 and 1 from 1.0, which == does not."""
    assert repr(yaml.load(text, Loader=TreeLoader)) == repr(yaml.load(text, Loader=yaml.CSafeLoader)), text


@pytest.mark.parametrize("text", _YAML_CASES)
def test_records_read_exactly_as_pyyaml_reads_them(text):
    """generator.records.yamlfile builds plain trees itself, for speed: the result must be PyYAML's."""
    _same(text)


_PLAIN_SCALARS = st.sampled_from([
    "虞波社区", "yes", "No", "on", "~", "null", "2023", "2023-12-05", "2023-12-05 10:00:00", "1e3", "0x1F", "0o7",
    "1_000", ".nan", "-.inf", "35.1%", "3.0", "+12", "<<", "=", "'引号'", '"双引号"', "a: b", "[1, 2]", "{a: 1}",
    "!!str 1", "!!int '3'", "&a x", "", "- 项", "# 注释", "222万余人",
])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["name", "year", "2023", "yes", "<<", "键", "a b"]),
                       st.one_of(_PLAIN_SCALARS, st.lists(_PLAIN_SCALARS, max_size=3)), max_size=6))
def test_plain_written_values_read_exactly_as_pyyaml_reads_them(fields):
    """Values written without quotes, as editors write them: dates, booleans, numbers, tags, anchors."""
    lines = []
    for key, value in fields.items():
        lines.append(f"{key}: {value}" if isinstance(value, str) else f"{key}:" + "".join(f"\n  - {v}" for v in value))
    text = "\n".join(lines) + "\n"
    try:
        yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        with pytest.raises(yaml.YAMLError):
            yaml.load(text, Loader=TreeLoader)
        return
    _same(text)


def test_a_recursive_alias_is_a_located_problem_not_an_endless_structure():
    data, _, problem = parse("name: 甲\na: &x [1, *x]\n".encode("utf-8"), "x.yaml")
    assert data is None and problem.line == 2 and "别名" in problem.message


def test_every_sample_record_reads_as_pyyaml_reads_it():
    files = sorted((REPO / "content").rglob("*.yaml"))
    assert len(files) > 25
    for path in files:
        _same(path.read_text(encoding="utf-8"))


def test_a_tag_pyyaml_does_not_know_is_still_an_error():
    data, _, problem = parse("name: !!python/object:os.system x\n".encode(), "content/records/x.yaml")
    assert data is None and problem is not None and "YAML" in problem.message


def test_records_are_read_folder_by_folder():
    """A folder's records come before those of a sibling folder whose name extends it
    (zhejiang before zhejiang-2), as in a file manager; a plain sort of the paths would
    put zhejiang-2/ first, since "-" sorts before "/"."""
    paths = ["communities/zhejiang-2/a.yaml", "communities/zhejiang/sub/c.yaml", "communities/zhejiang/b.yaml",
             "communities/zhejiang.yaml", "communities/zhejiang/a-b.yaml", "centers/x.yaml"]
    assert [p for p, _ in sort_record_files([(p, None) for p in paths])] == [
        "centers/x.yaml", "communities/zhejiang/a-b.yaml", "communities/zhejiang/b.yaml",
        "communities/zhejiang/sub/c.yaml", "communities/zhejiang-2/a.yaml", "communities/zhejiang.yaml"]


@pytest.mark.parametrize("text, line, says", [
    ("name: [虞波社区\nregion: 慈溪市\n", 2, "方括号 [ ] 没有配对"),
    ("name: 虞波社区\n\tregion: 慈溪市\n", 2, "制表符"),
    ("name: 虞波社区: 慈溪\n", 1, "给值加上引号"),
    ("name: '虞波社区\nregion: 慈溪市\n", 3, "引号或括号到文件末尾还没有闭合"),
    ("name: @虞波\n", 1, "给这个值加上引号"),
    ("name: 虞波\n---\nname: 香园\n", 2, "只写一份"),
])
def test_a_yaml_syntax_error_says_what_to_do_in_chinese_at_its_line(text, line, says):
    _, _, problem = parse(text.encode("utf-8"), "x.yaml")
    assert problem.line == line and says in problem.message, problem
    assert not any(word in problem.message for word in ("found", "expected", "while", "allowed")), problem
    if "[" in text:  # where the bracket that was never closed opened
        assert "从第 1 行第 7 列开始" in problem.message, problem


def test_a_file_saved_as_gbk_is_named_at_the_line_of_its_first_such_byte():
    _, _, problem = parse("name: 虞波社区\n".encode("utf-8") + "body: 正文\n".encode("gbk"), "x.yaml")
    assert problem.line == 2 and "不是 UTF-8" in problem.message and "GBK" in problem.message, problem
