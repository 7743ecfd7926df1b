"""The small pieces editors rely on: numbers, regions, slugs, summaries, schemas."""

from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from generator.records.load import sort_record_files
from generator.site.markup import html_to_text, markdown_text, render_markdown
from generator.domain.quantity import QuantityError, parse_quantity
from generator.domain.regions import RegionError, build_table
from generator.domain.schema import SCHEMAS, schema_text
from generator.domain.slugs import pinyin_words, propose_slug
from generator.site.textcut import cut
from generator.records.yamlfile import TreeLoader, parse
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


def test_summaries_are_cut_by_characters_at_sentence_ends():
    text = "第一句话说完了。" * 5 + "最后一句很长很长很长很长很长很长很长很长。"
    out = cut(text, 30)
    assert len(out) <= 30 and out.endswith("。")
    assert cut("短句。", 30) == "短句。"
    assert cut("没有标点的一段很长的文字" * 10, 20).endswith("…")
    # Every kind of whitespace goes, the ideographic space and line breaks too.
    assert cut("虞波\u3000社区\n  志愿\t服务\xa0队", 30) == "虞波社区志愿服务队"


def test_a_line_break_inside_a_chinese_paragraph_joins_the_two_lines():
    html = render_markdown("虞波社区志愿\n  服务队成立于2008年。\nThe team\n服务“一老一小”\n\n第二段")
    # Only between two Chinese characters: after “年。” comes English, so that break stays.
    assert "<p>虞波社区志愿服务队成立于2008年。\nThe team\n服务“一老一小”</p>" in html
    assert "<p>第二段</p>" in html  # a blank line still starts a paragraph


# Markdown syntax, HTML look-alikes and entities, mixed with Chinese text.
_BODY_PIECES = st.sampled_from([
    "虞波社区", "志愿服务", "\n\n", "\n", "**", "_", "`", "[链接](http://a.cn/?q=1&b=<2> \"t>i\")", "<b>", "</p>",
    "<!-- 注释 -->", "&amp;", "&lt;", "&#20013;", "&nbsp;", "&bogus;", ">", "<", "\"", "'", "# ", "- ", "1. ",
    "> ", "    code <x>", "| a | b |\n|---|---|\n| 1 | 2 |", "<http://x.cn/a>", "\\", "---", "   ",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_BODY_PIECES, max_size=30).map("".join))
def test_the_description_text_of_a_body_is_what_an_html_parser_reads(body):
    """markdown_text skips the HTML parser; for anything render_markdown writes it must agree with one."""
    html = render_markdown(body)
    assert markdown_text(html) == html_to_text(html)


def test_committed_json_schemas_are_up_to_date():
    """`bangyang schema` output is committed for editors' autocompletion; it must match the model."""
    for name, model in SCHEMAS.items():
        committed = (REPO / "schema" / f"{name}.json").read_text(encoding="utf-8")
        assert committed == schema_text(model), f"run `bangyang schema` to refresh schema/{name}.json"
    community = json.loads((REPO / "schema/community.json").read_text(encoding="utf-8"))
    assert community["properties"]["leader"]["title"] == "负责人"
    assert community["additionalProperties"] is False


def test_names_are_indexed_by_full_pinyin_initials_and_every_reading():
    from generator.site.search import pinyin_terms

    terms = pinyin_terms(["慈溪市浒山街道虞波社区", "虞波社区"], ("慈溪市", "慈溪", "浒山街道", "浒山"), places=("慈溪市",)).split()
    assert {"yubo", "yuboshequ", "ybsq", "cixishi"} <= set(terms)
    assert {"changshou", "zhangshou"} <= set(pinyin_terms(["长寿"]).split())


def test_traditional_to_simplified_table_covers_common_characters():
    from generator.site.search import t2s_pairs

    table = dict(zip(t2s_pairs()[::2], t2s_pairs()[1::2]))
    assert [table[c] for c in "志願服務"[1:2] + "務"] == ["愿", "务"]


def test_traditional_table_keeps_only_characters_the_index_can_match():
    from generator.site.search import t2s_pairs

    assert "務务" in t2s_pairs(set("志愿服务"))
    assert "東" not in t2s_pairs(set("志愿服务"))


_YAML_CASES = [
    "name: 虞波社区\nyear: 2023\nannounced: 2023-12-05\nok: yes\noff: off\nnothing: ~\nratio: 35.1\n",
    "when: 2001-12-14t21:59:43.10-05:00\nhex: 0x1F\noct: 0o17\nsep: 1_000\ninf: .inf\nraw: !!binary aGk=\n",
    "quoted: '2023'\nforced: !!str 12\nblock: |\n  第一行\n  第二行\nfolded: >\n  a\n  b\n",
    "list:\n  - a\n  - {k: v, n: 1}\n  - [1, 2]\nempty: []\nnone: {}\n",
    "base: &b {x: 1, y: 2}\nmerged:\n  <<: *b\n  y: 3\n",            # a merge key
    "a: &s 共享\nb: *s\nc: &l [1]\nd: *l\n",                             # aliases
    "2023: 年份作键\ntrue: 布尔作键\n",                                     # keys that are not strings
    "dup: 1\ndup: 2\n",                                                  # a repeated key: the last wins
    "- &x [1]\n- *x\n",
    "",
    "plain",
]


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


def test_a_recursive_alias_still_reads_as_pyyaml_makes_it():
    data = yaml.load("a: &x [1, *x]\n", Loader=TreeLoader)
    assert data["a"][1] is data["a"]


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
