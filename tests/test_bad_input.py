"""Bad content gives a located, plain-words message, and never touches the published output/."""

from __future__ import annotations

import pytest

from conftest import tree_digest
from generator.build import BuildError, build
from generator.cli import main

YUBO = "content/records/communities/zhejiang/cixi-yubo.yaml"
ED2024 = "content/records/editions/quanguo-sige100-2024.yaml"


def _line_of(path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def _replace(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(project) -> list[str]:
    with pytest.raises(BuildError) as info:
        build(project)
    return [str(p) for p in info.value.problems]


def _one(project, fragment: str) -> str:
    matches = [p for p in _problems(project) if fragment in p]
    assert len(matches) == 1, _problems(project)
    return matches[0]


def test_typo_in_field_name_names_line_and_suggests_the_field(project):
    f = project / YUBO
    _replace(f, "leader: 严介军", "leader: 严介军\nregistered_volunters: 2202")
    line = _line_of(f, "registered_volunters")
    msg = _one(project, "registered_volunters")
    assert msg.startswith(f"content/records/communities/zhejiang/cixi-yubo.yaml:{line}:1: ")
    assert "未知字段" in msg and "registered_volunteers" in msg


def test_text_where_a_number_belongs(project):
    f = project / YUBO
    _replace(f, "registered_volunteers: 2202", "registered_volunteers: 两千")
    line = _line_of(f, "两千")
    msg = _one(project, "registered_volunteers")
    assert f"cixi-yubo.yaml:{line}:" in msg and "“两千”" in msg and "阿拉伯数字" in msg


def test_missing_name(project):
    f = project / YUBO
    _replace(f, "name: 慈溪市浒山街道虞波社区\n", "")
    msg = _one(project, "name")
    assert "cixi-yubo.yaml:1:" in msg and "缺少必填字段" in msg and "名称" in msg


def test_duplicate_id(project):
    src = project / YUBO
    (src.with_suffix(".yml")).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    msg = _one(project, "重复")
    assert "communities/zhejiang/cixi-yubo" in msg


def test_entry_that_refers_to_an_unknown_honoree(project):
    f = project / ED2024
    _replace(f, "honoree: communities/zhejiang/yinzhou-xiangyuan", "honoree: communities/zhejiang/yinzhou-xiangyuen")
    line = _line_of(f, "yinzhou-xiangyuen")
    msg = _one(project, "找不到入选者")
    assert f"quanguo-sige100-2024.yaml:{line}:" in msg
    assert "communities/zhejiang/yinzhou-xiangyuan" in msg  # the suggestion


def test_unknown_region(project):
    f = project / YUBO
    _replace(f, "region: 慈溪市浒山街道", "region: 慈溪市浒山街道虞波社区")
    line = _line_of(f, "region: 慈溪市浒山街道虞波社区")
    msg = _one(project, "地区表")
    assert f"cixi-yubo.yaml:{line}:" in msg and "“虞波社区”" in msg


def test_award_year_in_the_future(project):
    f = project / ED2024
    _replace(f, "year: 2024", "year: 2999")
    line = _line_of(f, "year: 2999")
    msg = _one(project, "将来")
    assert f"quanguo-sige100-2024.yaml:{line}:" in msg and "2999" in msg


def test_broken_yaml_names_its_line(project):
    f = project / YUBO
    _replace(f, "leader: 严介军", "leader: 严介军: 负责人")
    line = _line_of(f, "leader: 严介军: 负责人")
    msg = _one(project, "YAML")
    assert f"cixi-yubo.yaml:{line}:" in msg


def test_check_lists_every_problem_at_once_and_exits_1(project, capsys):
    _replace(project / YUBO, "registered_volunteers: 2202", "registered_volunteers: 两千")
    _replace(project / ED2024, "year: 2024", "year: 2999")
    assert main(["--project", str(project), "check"]) == 1
    err = capsys.readouterr().err
    assert "两千" in err and "2999" in err and "发现 2 个问题" in err


def test_failed_build_leaves_previous_output_untouched(project, capsys):
    assert main(["--project", str(project), "build"]) == 0
    before = tree_digest(project / "output")
    _replace(project / YUBO, "name: 慈溪市浒山街道虞波社区\n", "")
    assert main(["--project", str(project), "build"]) == 1
    assert "output/ 保持原样" in capsys.readouterr().err
    assert tree_digest(project / "output") == before
    assert not list(project.glob(".output.*")), "staging directories must be cleaned up"
