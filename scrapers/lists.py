"""Honour lists inside an article: numbered lines under headings, tables, and award sentences."""
from __future__ import annotations

import re

from .article import ListEntry

_CN_NUM = "一二三四五六七八九十百零〇"
_HEADING = re.compile(rf"^\s*(?:[{_CN_NUM}]+\s*[、.．]|[（(][{_CN_NUM}]+[)）]|第[{_CN_NUM}\d]+[类部分批])\s*(?P<name>.+?)\s*$")
_COUNT = re.compile(r"\s*[（(]\s*(?:共\s*)?\d+\s*(?:个|名|人|项|家|支|所|处|篇|位)?\s*[)）]\s*$")
_NUMBERED = re.compile(r"^\s*(?:\d{1,3}\s*(?:[、．)）]|\.(?![A-Za-z0-9]))|[（(]\d{1,3}[)）]|[①-⑳])\s*(?P<name>\S.*?)\s*$")
_SENTENCE = re.compile(r"[。！？!?]|，.*，")
# Names on unnumbered lists end like this (社区, 中心, 项目, 服务队, …).
HONOREE_END = re.compile(r"(?:社区|村|中心|服务站|实践站|实践所|项目|行动|计划|工程|队|大队|团|组织|协会|联合会|"
                          r"志愿者协会|基金会|服务社|工作室|之家|学校|医院|公司|小组|联盟|驿站|书屋)$")
AWARD_WORDS = re.compile(r"最美|最佳|优秀|示范|先进|模范|标兵|十佳|百佳|典型|品牌|明星|好人")
# The verb and quoted award; the names are the clause before it. Searched verb-first
# because a lazy “names before the verb” pattern backtracks over every position.
_AWARD_VERB = re.compile(r"(?:分别)?(?:被评为|被授予|入选|获评|荣获|获得|当选|被命名为)了?(?:全国|全省|全市)?[“\"](?P<cat>[^”\"]{2,30})[”\"]")
_LEAD = re.compile(r"^.*?(?:其中|包括|分别是|名单如下|依次为|我区|我市|我县|全市|全区)[,，：:]?")
MAX_ENTRIES = 5000


def clean_category(text: str) -> str:
    """A heading without its enumerator (“一、”) and count (“(10个)”)."""
    text = text.strip().rstrip("：:")
    m = _HEADING.match(text)
    if m:
        text = m.group("name")
    text = _COUNT.sub("", text).strip().rstrip("：:")
    return text


def clean_name(text: str) -> str:
    """A list entry without edge punctuation."""
    return text.strip().strip("，,。;；、:：").strip()


def _is_heading(line: str) -> bool:
    if len(line) > 40 or _SENTENCE.search(line):
        return False
    return bool(_HEADING.match(line) or _COUNT.search(line))


def _entry_name(line: str) -> str | None:
    m = _NUMBERED.match(line)
    if not m or len(line) > 60 or _SENTENCE.search(line):
        return None
    return clean_name(m.group("name"))


def from_lines(lines: list[str]) -> list[ListEntry]:
    """Numbered entries, and runs of honoree-like names, grouped under the heading before them."""
    out: list[ListEntry] = []
    category = ""
    run: list[str] = []  # unnumbered names since the heading

    def close_run():
        if len(run) >= 3:
            out.extend(ListEntry(category, n) for n in run)
        run.clear()

    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if _is_heading(line):
            close_run()
            category = clean_category(line)
            continue
        name = _entry_name(line)
        if name:
            close_run()
            out.append(ListEntry(category, name))
            continue
        if len(line) <= 40 and not _SENTENCE.search(line) and HONOREE_END.search(line):
            run.append(clean_name(line))
            continue
        close_run()
        if len(line) > 60:
            category = "" if not out or out[-1].category != category else category
    close_run()
    return out[:MAX_ENTRIES]


_NAME_HEADER = re.compile(r"名称|名单|单位|项目|姓名|社区|组织|中心|集体|个人|志愿者|团队")
_CAT_HEADER = re.compile(r"类别|类型|奖项|荣誉|称号")


def from_tables(tables: list[list[list[str]]]) -> list[ListEntry]:
    """Entries from tables: the name column by its header, category rows that span the table."""
    out: list[ListEntry] = []
    for rows in tables:
        rows = [r for r in rows if any(c.strip() for c in r)]
        if len(rows) < 2:
            continue
        category = ""
        while len(rows) > 2 and len([c for c in rows[0] if c.strip()]) == 1:
            category = clean_category(next(c for c in rows[0] if c.strip()))  # a caption above the header
            rows = rows[1:]
        header = rows[0]
        name_col = next((i for i, c in enumerate(header) if _NAME_HEADER.search(c) and len(c) <= 12), None)
        cat_col = next((i for i, c in enumerate(header) if _CAT_HEADER.search(c) and len(c) <= 8), None)
        if name_col is None:
            continue
        for row in rows[1:]:
            cells = [c for c in row if c.strip()]
            if len(cells) == 1 and len(row) < len(header) or (len(cells) == 1 and _is_heading(cells[0])):
                category = clean_category(cells[0])
                continue
            if name_col >= len(row) or not row[name_col].strip():
                continue
            cat = clean_category(row[cat_col]) if cat_col is not None and cat_col < len(row) else category
            out.append(ListEntry(cat, clean_name(row[name_col])))
    return out[:MAX_ENTRIES]


def from_sentences(lines: list[str]) -> list[ListEntry]:
    """Entries from sentences such as “X、Y被评为“最佳志愿服务项目””."""
    out: list[ListEntry] = []
    for line in lines:
        clause_start = 0
        for m in _AWARD_VERB.finditer(line):
            cat = m.group("cat")
            begin = max(clause_start, *(line.rfind(c, 0, m.start()) + 1 for c in "。；;！？"))
            clause_start = m.end()
            if not AWARD_WORDS.search(cat):
                continue
            names = _LEAD.sub("", line[begin:m.start()][-400:])
            names = re.split(r"[;；]", names)[-1]
            for name in re.split(r"、|和(?=[^、]{4,}$)|及(?=[^、]{4,}$)", names):
                name = clean_name(name)
                if 3 <= len(name) <= 50 and not _SENTENCE.search(name):
                    out.append(ListEntry(cat, name))
    return out[:MAX_ENTRIES]


def find_lists(lines: list[str], tables: list[list[list[str]]]) -> list[ListEntry]:
    """The honour lists of an article in page order; award sentences only when nothing is listed."""
    # table cells also appear as body lines; the table reading knows their columns
    cells = {c for rows in tables for row in rows for c in row if len(row) > 1}
    found = from_lines([ln for ln in lines if ln.strip() not in cells])
    seen = {e.name for e in found}
    found += [e for e in from_tables(tables) if e.name not in seen]
    if len(found) >= 2:
        return found
    return from_sentences(lines)
