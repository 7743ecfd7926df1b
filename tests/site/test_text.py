"""Text on pages: summaries, Markdown, and what the search index holds."""

from __future__ import annotations


import re

from bs4 import BeautifulSoup
from hypothesis import given, settings, strategies as st

from generator.site.markup import html_to_text, markdown_text, render_markdown
from generator.site.textcut import cut
from helpers import REPO


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




# GB/T 15834: in Chinese prose, a comma, semicolon, colon or bracket is full-width, and takes no
# space after it. Printed words keep their own punctuation: quotes (<q>), titles (<cite>, <h1>),
# the names that links carry, and the names and categories of the lists as the records hold them
# (“最美志愿服务村(社区)” is how the 2024 list prints it).
_HALF_WIDTH_IN_PROSE = re.compile(
    r"[\u4e00-\u9fff][,;:](?=\s|[\u4e00-\u9fff])|[0-9\u201d\uff09][,;] ?(?=[\u4e00-\u9fff])|[\u4e00-\u9fff][()]")


def _printed_words() -> list[str]:
    """What the sample records hold as printed: list titles, categories, entry and honoree names."""
    from generator.engine.build import load_catalog

    catalog = load_catalog(REPO)
    words = {h.name for h in catalog.honorees.values()}
    for e in catalog.editions.values():
        words.add(e.model.title)
        for category in e.categories:
            words.add(category.name)
            words.update(entry.name for entry in category.entries if entry.name)
    return sorted((w for w in words if re.search(r"[,;:()]", w)), key=len, reverse=True)


def test_page_prose_uses_full_width_punctuation(site):
    printed = re.compile("|".join(map(re.escape, _printed_words())) or "(?!)")
    slips = []
    for html in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(html.read_bytes(), "html.parser")
        for tag in soup.find_all(["q", "cite", "a", "h1", "title", "script", "style", "code", "pre"]):
            tag.decompose()
        for tag in soup.select('[aria-current="page"]'):  # the breadcrumb's last item: the title again
            tag.decompose()
        text = printed.sub("", soup.get_text(" "))
        for m in _HALF_WIDTH_IN_PROSE.finditer(text):
            slips.append(f"{html.relative_to(site)}: …{text[max(0, m.start() - 12):m.end() + 8]}…")
    assert slips == [], "\n".join(slips[:30])
