"""The domain: numbers as printed, regions, slugs, and the JSON Schema."""

from __future__ import annotations

import json

import pytest
import yaml

from generator.domain.quantity import QuantityError, parse_quantity
from generator.domain.regions import RegionError, build_table
from generator.domain.schema import SCHEMAS, schema_text
from generator.domain.slugs import pinyin_words, propose_slug
from helpers import REPO


@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("222万余人", 2_220_000, "人", "余"),
    ("1.7万余个", 17_000, "个", "余"),
    ("9600多万小时", 96_000_000, "小时", "多"),
    ("近6.2万人次", 62_000, "人次", "近"),
    ("突破38000人", 38_000, "人", "突破"),
    ("近千项", 1_000, "项", "近"),
    (2202, 2202, "", ""),
])
def test_published_numbers_keep_their_text_and_get_a_value(text, value, unit, qualifier):
    q = parse_quantity(text)
    assert (q.text, q.value, q.unit, q.qualifier) == (str(text), value, unit, qualifier)


def test_percent_becomes_a_ratio():
    q = parse_quantity("35.1%")
    assert q.is_ratio and q.value == pytest.approx(0.351) and q.text == "35.1%"


@pytest.mark.parametrize("bad", ["两千", "", "about 3", True])
def test_text_that_is_not_a_number_is_refused_in_plain_words(bad):
    with pytest.raises(QuantityError, match="需要一个数字"):
        parse_quantity(bad)


@pytest.fixture(scope="module")
def regions():
    table, problems = build_table(yaml.safe_load((REPO / "content/regions.yaml").read_text(encoding="utf-8")))
    assert problems == []
    return table


@pytest.mark.parametrize("short, full", [
    ("慈溪市浒山街道", "浙江省/宁波市/慈溪市/浒山街道"),
    ("浙江省宁波市慈溪市浒山街道", "浙江省/宁波市/慈溪市/浒山街道"),
    ("闵行区吴泾镇", "上海市/闵行区/吴泾镇"),
    ("慈溪", "浙江省/宁波市/慈溪市"),
    ("浙江慈溪", "浙江省/宁波市/慈溪市"),
])
def test_short_region_forms_become_full_paths(regions, short, full):
    assert regions.normalise(short).path == full


def test_region_levels(regions):
    assert regions.normalise("宁波市").level == "市"
    assert regions.normalise("闵行区").level == "区县"
    assert regions.normalise("闵行区吴泾镇").level == "街道/乡镇"
    assert regions.normalise("慈溪市浒山街道").level == "街道/乡镇"


def test_unknown_region_names_the_unknown_part(regions):
    with pytest.raises(RegionError, match="“虞波社区” 不在地区表"):
        regions.normalise("慈溪市浒山街道虞波社区")


def test_region_table_problems_are_reported():
    _, problems = build_table({"浙江省": "zhejiang", "浙江省/宁波市/慈溪市": "cixi", "上海市": "Shang Hai"})
    assert any("上一级地区" in p for _, p in problems)
    assert any("小写字母" in p for _, p in problems)


def test_slugs_read_polyphonic_characters_by_phrase():
    assert pinyin_words("长寿") == ["chang", "shou"]
    assert pinyin_words("重庆") == ["chong", "qing"]
    assert pinyin_words("长宁区") == ["chang", "ning", "qu"]
    assert propose_slug("慈溪市浒山街道虞波社区", "cixi", ["浙江省", "宁波市", "慈溪市", "慈溪", "浒山街道", "浒山"]) == "cixi-yubo"


def test_committed_json_schemas_are_up_to_date():
    """`bangyang schema` output is committed for editors' autocompletion; it must match the model."""
    for name, model in SCHEMAS.items():
        committed = (REPO / "schema" / f"{name}.json").read_text(encoding="utf-8")
        assert committed == schema_text(model), f"run `bangyang schema` to refresh schema/{name}.json"
    community = json.loads((REPO / "schema/community.json").read_text(encoding="utf-8"))
    assert community["properties"]["leader"]["title"] == "负责人"
    assert community["additionalProperties"] is False


