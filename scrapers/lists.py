"""Honour lists inside an article, in every layout portals print them in.

- headings: “一、类别(10个)”, “（一）类别”, “第一类”, “最美志愿者（20名）：”, a line ending in
  “：”, or a bare award line (“最佳志愿服务项目”), followed by numbered or unnumbered lines;
- inline lists in one paragraph: “最美志愿者：张三、李四、王五等13名”, “称号（5人）：A；B；C”,
  “一、类别(1个):名称”;
- a name followed by its unit or role after a full-width space, a tab or in brackets
  (“张三　某某社区党委书记”, “张三（某某社区党委书记）”), or a role written before the name
  (“……负责人张三”): the entry's ``name`` is the name alone, the rest goes to ``role``, and
  a place to ``place``;
- tables, by their header row (序号, 姓名/名称, 单位, 职务, 地区, 类别), with category rows that
  span the table, over several tables or a table split across pages;
- running text: “X、Y被评为“最佳志愿服务项目””.

Names are kept exactly as printed: a space inside a two-character name (“张 三”), joint
entries (“甲、乙” on one line), quotation marks, brackets and digits. Only matching and
linking normalise them (scrapers.structuring).
"""
from __future__ import annotations

import re
from itertools import zip_longest

from .article import ListEntry

_CN_NUM = "一二三四五六七八九十百零〇"
# “一、”, “（一）”, “【一】”, “㈠” (one character, as Word prints it), “Ⅰ.”, “II. ” and “A. ” (in Latin
# letters, before Chinese), “第一类：”
_ENUM = (rf"(?:[{_CN_NUM}]+\s*[、.．]|[（(][{_CN_NUM}]+[)）]|[【〔\[][{_CN_NUM}]+[】〕\]]|[㈠-㈩]|[Ⅰ-Ⅻ]\s*[、.．]"
         rf"|(?:[A-HＡ-Ｈ]|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\s*[、.．]\s*(?=[\u4e00-\u9fff“])"
         rf"|第[{_CN_NUM}\d]+[类部分批项][：:]?)")
_HEADING = re.compile(rf"^\s*{_ENUM}\s*(?P<name>.+?)\s*$")
_UNIT = r"(?:个|名|人|项|家|支|所|处|篇|位|户|件|组|座)"
_TOTAL_WORD = r"(?:共计|总计|共|小计|合计)"  # “（共9名）”, “（小计9名）”, “（共计10个）”
_COUNT_CELL = re.compile(rf"^(?:{_TOTAL_WORD})?\s*[（(]?\s*(?:\d+|[一二三四五六七八九十百两]+)\s*{_UNIT}\s*[)）]?$")
_COUNT = re.compile(rf"\s*(?:[（(【〔]\s*(?:{_TOTAL_WORD}\s*)?\d+\s*{_UNIT}?\s*[)）】〕]"
                    rf"|\[\s*(?:{_TOTAL_WORD}\s*)?\d+\s*{_UNIT}\s*\]"  # (“[1]” bare is a note's reference)
                    rf"|[（(【〔\[]\s*(?:{_TOTAL_WORD}\s*)?[一二三四五六七八九十百两]+\s*{_UNIT}\s*[)）】〕\]]"
                    rf"|(?:[：:]|——|—|－)\s*(?:{_TOTAL_WORD}\s*)?\d+\s*{_UNIT})\s*$")  # “：10个”, “——3名”
_NUMBERED = re.compile(r"^\s*(?:\d{1,3}\s*(?:[、．)）]|\.(?![A-Za-z0-9])|：(?!\d)|\ufe0f?\u20e3)|\d{1,2}[.．]\d{1,3}\s+(?=[^\s\d])"
                       r"|[Nn][Oo]\.?\s*\d{1,3}\s*[.、:：]?"  # “No.1 李峰威”, as WeChat articles number them
                       r"|[（(]\d{1,3}[)）]|[【〔\[]\d{1,3}[】〕\]]|[①-⑳⑴-⒇]"
                       # “01 名称” and “1️⃣名称” as WeChat articles number them, “1 名称” from a spreadsheet, “1<tab>名称”
                       # from Word; not “12 月”, “30 支”
                       r"|\d{1,3}[ \u3000\t]+(?![年月日时个名人支家项余多%]))\s*(?P<name>\S.*?)\s*$")
_SENTENCE = re.compile(r"[。！？!?]|，.*，")
# Names on unnumbered lists end like this (社区, 中心, 项目, 服务队, …).
HONOREE_END = re.compile(r"(?:社区|村|中心|服务站|实践站|实践所|项目|行动|计划|工程|队|大队|团|组织|协会|联合会|"
                          r"志愿者协会|基金会|服务社|工作室|之家|学校|医院|公司|小组|联盟|驿站|书屋)$")
AWARD_WORDS = re.compile(r"最美|最佳|优秀|示范|先进|模范|标兵|十佳|百佳|典型|品牌|明星|好人")
# What a category names: a bare award line ends with one of these.
_CATEGORY_END = re.compile(r"(?:志愿者|工作者|个人|集体|单位|组织|项目|社区|村|家庭|团队|中心|站|所|阵地|品牌|典型|"
                           r"人物|标兵|之星|服务队|活动|案例|基地|学校)(?:[（(]\d+\s*" + _UNIT + r"?[)）])?$")
# A lead-in to a list, not a category: “具体名单如下：”; and the title again over a page's
# continuation (“……名单（续）”).
_LEAD_IN = re.compile(r"如下|名单[：:]?$|现将|予以公示|公示期|特此|附件|^附[：:]|^(?:他们|她们|分别)?(?:分别)?(?:是|为)[：:]?$"
                      r"|[（(]续表?[)）]$")
# A trailing “等13名” closes an inline list.
_ET_AL = re.compile(rf"\s*等\s*(?:\d+|[一二两三四五六七八九十百]+)\s*{_UNIT}(?:同志|先进典型)?\s*[。.]?$")  # “等13名”, “等十个”
# Words of a role or unit: what follows (or comes before) a person's name on a list.
_ROLE_WORDS = (r"书记|主任|副主任|负责人|队长|副队长|会长|副会长|理事长|秘书长|站长|所长|院长|校长|局长|处长|科长|部长|"
               r"主席|经理|总监|馆长|社长|组长|团长|委员|干部|职工|员工|教师|老师|医生|护士|民警|辅警|社工|党员|村民|居民|"
               r"退休|志愿者|学生|专家|律师|网格员|创始人|发起人|工作人员|队员|成员|骨干|工会|党委|党支部|支部|公司|医院|学校|大学|"
               r"中心|协会|街道|社区|村委会|居委会|管委会|委员会|办公室|集团|银行|工作室")
_ROLE = re.compile(_ROLE_WORDS)
_ONE_PERSON = r"[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff·]){1,3}"
_ROLE_BEFORE_NAME = re.compile(rf"^(?P<role>.{{2,}}?(?:{_ROLE_WORDS}))(?P<name>{_ONE_PERSON}(?:、{_ONE_PERSON})?)$")  # a couple too
_NOT_A_PERSON = re.compile(r"队|伍|组|团|会|社|站|所|部|室|中心|项目|家庭|集体")
_PERSON_CATEGORY = re.compile(r"志愿者(?!协会|组织|服务队|队|联合会)|工作者|个人|人物|好人|标兵|之星|模范|楷模")
_PERSON_NAME = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff·]{1,3}$|^[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff]$")
_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,20}?(?:省|自治区|市|州|盟|地区|区|县|旗|镇|乡|街道)$")
# Also dot leaders, as a printed roll sets a unit apart: “何素贞……………南岸区……”.
_STRONG_GAP = re.compile(r"\u3000+|\t+| {2,}|\s*(?:…{2,}|⋯{2,}|\.{4,}|·{4,}|．{3,})\s*")
_PADDED_NAME = re.compile(r"^(?P<name>[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff])(?:\u3000+|\t+| {2,})(?P<rest>\S.*)$")
_SPACE_SPLIT = re.compile(r"^(?P<name>\S{2,}?)(?:\u3000+|\t+| {2,}| )(?P<rest>\S.*)$")
# Between a person's name and the unit printed after it: a dash, a colon or a comma.
# “李峰威 - 北京市……”: a spaced hyphen too; “何素贞/南岸区……”, as an export writes them
_NAME_SEP = re.compile(r"\s*(?:——|—|–|－－|--|：|:|，|,|/|／)\s*|\s+[-－]\s+")
# “李峰威同志”, “李峰威 同志”: the honorific is no part of the name
_COMRADE = re.compile(r"^(?P<n>[\u4e00-\u9fff·、 \u3000]{2,12}?)[ \u3000]?同志$")
_BRACKETED = re.compile(r"^(?P<name>.+?)\s*[（(](?P<inner>[^（）()]+)[)）]$")
_TRAILING_CLAUSE = re.compile(r"\s*[，,]\s*(?:拟|被|获|荣获|入选|推荐|命名|认定|评为|授予|予以)[^，,]*[；;。]?\s*$")
# ““最美志愿者”2人，分别为A、B。” and “其中包括3个最美志愿者，分别是A、B、C。”
_RESPECTIVELY = re.compile(
    rf"(?:[“\"](?P<cat>[^”\"]{{2,30}})[”\"]\s*(?P<n>\d+)\s*{_UNIT}|(?P<n2>\d+)\s*{_UNIT}(?P<cat2>[^，,。；;“”\"]{{2,30}}?))"
    r"\s*[，,：:]?\s*(?:分别为|分别是|分别有|包括|是)[：:]?(?P<names>[^。；;]+)")
# “最美志愿者3名，分别是：A、B；”: the category bare before its count (looked for only where
# “分别” is: the pattern tries every place of a line).
_COUNTED_RESPECTIVELY = re.compile(
    rf"(?P<cat>[^，,。；;：:“”\"\d]{{2,30}}?)\s*(?P<n>\d+)\s*{_UNIT}\s*[，,]\s*分别(?:为|是|有)[：:]?(?P<names>[^。；;]+)")


def _respectively(line: str) -> list[re.Match]:
    """Every “…N名，分别为……” clause of ``line``, in either form."""
    found = list(_RESPECTIVELY.finditer(line))
    return found + list(_COUNTED_RESPECTIVELY.finditer(line)) if "分别" in line else found
# “获评年度“四川省十佳志愿服务社区”” on a line of its own, after the names or before them.
_AWARD_AFTER = re.compile(rf"^(?:(?:共|有)?(?P<n>\d+)\s*{_UNIT}[\u4e00-\u9fff]{{0,8}}?)?(?:分别)?(?:获评|荣获|被评为|入选|获得|当选|被授予)"
                          r"了?(?:\d{4}年度?)?(?:年度|全国|全省|全市)?[“\"‘](?P<cat>[^”\"’]{2,30})[”\"’](?:荣誉)?(?:称号)?[。，,]?$")
# “4名志愿者” on a line of its own, before the award they won.
_COUNT_PHRASE = re.compile(rf"^(?:共|有)?(?P<n>\d+)\s*{_UNIT}[\u4e00-\u9fff]{{1,10}}$")
# “推选出陈根发等9名“最美志愿者”，三明市政协志愿服务队等11个“最佳志愿服务组织””: the names before 等.
_ET_AL_AWARD = re.compile(rf"(?P<names>[^，,。；;：:]+?)等\s*(?P<n>\d+)\s*{_UNIT}\s*[“\"‘](?P<cat>[^”\"’]{{2,30}})[”\"’]")
# “荣获“最美志愿者”称号的有：A、B。”, “2人获评“最美志愿者”，他们是：A、B。”
_HONOURED = re.compile(r"(?:荣获|获得|被评为|获评|被授予)[“\"‘](?P<cat>[^”\"’]{2,30})[”\"’](?:荣誉)?(?:称号)?"
                       r"(?:的(?:有|是|为)|[，,]\s*(?:他们|她们|它们|分别)分?别?(?:是|为))[：:]?(?P<names>[^。；;]+)")
# A count after a category with no brackets: “最美志愿者3名：”, “制度创新示范中心 10个”.
_BARE_COUNT = re.compile(rf"^(?P<cat>.+?[\u4e00-\u9fff）)])\s*(?:共\s*)?(?:\d+|[一二三四五六七八九十两]+)\s*{_UNIT}$")
# A heading numbered with Arabic digits: “1.最美志愿者（3名）” (its entries then numbered “(1)”).
_ARABIC_HEADING = re.compile(r"^\d{1,2}\s*[.．、]\s*(?P<name>\S.*)$")
# One entry and the award it won, with no quotation marks: “何素贞被评为最美志愿者；”.
_WON = re.compile(r"^(?P<names>[^，,。；;：:]{2,60}?)(?:被评为|荣获|获评|被授予|当选为?)(?P<cat>[^，,。；;“”\"]{2,30}?)"
                  r"(?:荣誉)?(?:称号)?[；;。]?$")
# What a sentence's subject says when it is no name: “我市3个项目被评为……”.
# (Not “本” or “全”: 本溪市 and 全椒县 are places.)
_NOT_NAMES = re.compile(rf"\d+\s*{_UNIT}|^(?:我|该|此|这|其|共有|他们|她们)")
# A note under a list (“注：排名不分先后”, “附：事迹简介”, or the one an entry's “[1]” refers to,
# “[1] ……”): never an entry, and the list ends there.
_NOTE = re.compile(r"^(?:注|备注|说明|附注)\s*\d*\s*[：:]|^附(?:件\d*)?[：:]?.{0,12}(?:事迹|简介|简历)|^\[\d{1,2}\]\s*\S")
# The year after a category, which the edition gives: “制度创新示范中心（2019年度）”.
_YEAR_NOTE = re.compile(r"\s*[（(]\s*\d{4}\s*年度?\s*[)）]\s*$")
# A symbol before a heading or a name, as WeChat articles print lists (“■ 类别”, “● 名称”,
# “▷ 类别”, “→ 名称”: any arrow or geometric shape). An emoji too, as WeChat articles set them
# (“🏅最美志愿者”), an icon font's glyph (a private-use character only that font draws), and a
# Markdown heading's “## ” in text saved from a CMS that writes Markdown.
_EMOJI = "\U0001F300-\U0001FAFF\u2600-\u27BF"  # pictographs and the symbols before them
_BULLET = re.compile(rf"^(?:[★☆•※✔✓√❖\u2190-\u21ff\u25a0-\u25ff{_EMOJI}\ue000-\uf8ff]+\ufe0f?"
                     r"|[·\-–—－*]\s|#{1,6}\s)\s*")
_MARKDOWN_BOLD = re.compile(r"^\*\*(.+?)\*\*$")
# A heading closed by a full stop, as a hurried notice types it: “一、制度创新示范中心。”.
_HEADING_STOP = re.compile(rf"^(\s*{_ENUM}\s*[^。，,；;：:、]{{2,30}})。$")
_EMOJI_AFTER = re.compile(rf"\s*[{_EMOJI}]\ufe0f?$")
_EMOJI_LAST = re.compile(rf"[{_EMOJI}\ufe0f]")
_RULE_CHARACTERS = "—-－─━=＝_＿~～"
_FRAMED = re.compile(rf"^[{re.escape(_RULE_CHARACTERS)}]{{2,}}\s*(?P<inner>[^{re.escape(_RULE_CHARACTERS)}\s].*?)\s*"
                     rf"[{re.escape(_RULE_CHARACTERS)}]{{2,}}$")
_RULE_AFTER = re.compile(rf"(?<=\S)\s*[{re.escape(_RULE_CHARACTERS)}]{{3,}}$")  # a dash is two: “——”
_SYMBOLS_AFTER = re.compile(r"\s*[■□●○◆◇▲△◀◄◂▪▫★☆•※❖◎◉]+$")


def _unbulleted(line: str) -> str:
    """``line`` without the symbol before it, and without the one after it when a symbol opened
    it: “★制度创新示范中心★”, as some notices set their headings; without Markdown's bold
    (“**最美志愿者**”), an emoji after it (“最美志愿者🌟”), and a rule drawn out after it
    (“最美志愿者————”)."""
    line = _MARKDOWN_BOLD.sub(r"\1", line)
    if line and line[:1] in _RULE_CHARACTERS:
        framed = _FRAMED.match(line)  # “——最美志愿者——”
        line = framed.group("inner") if framed else line
    if _EMOJI_LAST.match(line[-1:]):  # (looking at the last character first: most lines end in Chinese)
        line = _EMOJI_AFTER.sub("", line)
    if line[-1:] in _RULE_CHARACTERS:
        line = _RULE_AFTER.sub("", line)
    bare = _BULLET.sub("", line)
    return _SYMBOLS_AFTER.sub("", bare) if bare != line else bare
# A heading in lenticular or square brackets on a line of its own: “【最美志愿者】”.
_BRACKET_HEADING = re.compile(r"^[【〖\[](?P<name>[^【】〖〗\[\]]{2,30})[】〗\]]$")
_BRACKET_OPENING = re.compile(r"^[【〖\[（(](?P<cat>[^【】〖〗\[\]（）()]{2,30})[】〗\]）)]\s*(?P<rest>\S.*)$")
_FORM_FIELD = re.compile(r"^(?P<label>[^：:，。；;、]{2,20})[：:]\s*(?P<value>\S.*)$", re.S)
_INLINE = re.compile(r"^(?P<cat>[^：:，。；;]{2,40}?)\s*[：:]\s*(?P<rest>\S.*)$")
MAX_ENTRIES = 5000


_TABLE_NUMBER = re.compile(r"^附?表\s*[\d一二三四五六七八九十]{1,3}\s*[：:．.、]?\s*(?=\S)")  # a caption's “表1　”
_LABELLED_CATEGORY = re.compile(r"^(?:荣誉|表彰|推荐|申报)?(?:类别|类型|奖项)\s*[：:]\s*(?=\S)")  # “类别：最美志愿者”


def clean_category(text: str) -> str:
    """A heading without its enumerator (“一、”, “1.”), its count (“(10个)”, “ 10个”), its colon
    and its English (“最美志愿者 Most Beautiful Volunteers”)."""
    text = _LABELLED_CATEGORY.sub("", _TABLE_NUMBER.sub("", _unbulleted(_one_line(text)))).rstrip("：:。").strip()
    text = _untranslated(text)
    bare = _BARE_COUNT.match(text)
    if bare and _is_award_line(bare.group("cat")):
        text = bare.group("cat")
    arabic = _ARABIC_HEADING.match(text)
    if arabic and _is_award_line(_COUNT.sub("", arabic.group("name")).strip()):
        text = arabic.group("name")
    bracketed = _BRACKET_HEADING.match(text)
    if bracketed:
        text = bracketed.group("name").strip()
    m = _HEADING.match(text)
    if m:
        text = m.group("name")
    for _ in range(2):  # “（9名）（按姓氏笔画为序）”, in either order; order_note keeps what the note says
        text = _ORDER_IN_BRACKETS.sub("", _YEAR_NOTE.sub("", _COUNT.sub("", text)).strip().rstrip("：:").strip())
    listed = _LIST_OF.match(text)  # “最美志愿者名单”: the award's list
    if listed and _is_award_line(listed.group("cat")):
        return _undated(listed.group("cat"))
    text = _undated(text)
    conferred = _CONFERRED.match(text)  # “授予以下4个集体“最佳志愿服务组织”称号”: the title conferred
    return conferred.group("cat") if conferred and _is_award_line(conferred.group("cat")) else text


_TRANSLATED = re.compile(r"^(?P<cat>.*[\u4e00-\u9fff）)”])\s*[（(]?\s*[A-Za-z][A-Za-z'’&,. -]*[)）]?$")


def _untranslated(line: str) -> str:
    """An award heading without the English after it (“最美志愿者 Most Beautiful Volunteers”); any other line as it is."""
    m = _TRANSLATED.match(line) if line[-1:].isascii() else None  # (most lines end in Chinese: no need to look)
    return m.group("cat").strip() if m and _is_award_line(_COUNT.sub("", m.group("cat")).strip()) else line


_CONFERRED = re.compile(r"^(?:授予|命名|评为|表彰)[^“\"]{0,20}[“\"](?P<cat>[^”\"]{2,30})[”\"](?:荣誉)?(?:称号)?$")


_LIST_OF = re.compile(r"^(?P<cat>.{2,30}?)(?:拟表彰|拟推荐|推荐|入选)?(?:名单|名录)$")
_YEAR_BEFORE = re.compile(r"^(?:19|20)\d{2}\s*年度?\s*(?P<cat>\S.*)$")


def _undated(text: str) -> str:
    """An award without the edition's year before it: “2019年度制度创新示范中心” → “制度创新示范中心”."""
    dated = _YEAR_BEFORE.match(text)
    return dated.group("cat") if dated and _is_award_line(dated.group("cat")) else text


def _one_line(text: str) -> str:
    """A table cell's lines as one: a name or heading wrapped in its cell."""
    return re.sub(r"\s*\n\s*", "", text.strip())


def is_lead_in(line: str) -> bool:
    """“具体名单如下：”, “现将名单公示如下”: a line that leads into a list, never its title."""
    return bool(_LEAD_IN.search(line.strip()))


# A trailing “*”, “△” or superscript number points to a note under the list (“注：带*的为新增”):
# no part of the name.
_NOTE_MARK = re.compile(rf"[*＊△▲※⁰¹²³⁴⁵⁶⁷⁸⁹{_EMOJI}\ufe0f]+$")  # and an emoji: “陈建钧👍”


def clean_name(text: str) -> str:
    """A list entry without edge punctuation, nor the link to its story after it (“[详情]”), nor
    a reference to a note under the list (“李峰威[1]”); what is inside stays as printed."""
    text = _NOTE_REFERENCE.sub("", _STORY_LINK.sub("", text.strip()))
    return _NOTE_MARK.sub("", text.strip("，,。;；、:：")).strip()


_NOTE_REFERENCE = re.compile(r"(?:\[\d{1,2}\])+$")


_STORY_LINK = re.compile(r"(?:\s+|(?=[\[【［(（<《]))[\[【［(（<《]?\s*(?:查看|点击查看|阅读)?(?:详情|详细|全文|事迹)\s*(?:>>|》|→)?"
                         r"\s*[\]】］)）>》]?$")


def is_person_category(category: str) -> bool:
    """Entries under this category are people (志愿者, 工作者, 个人…), not organisations."""
    return bool(_PERSON_CATEGORY.search(category or ""))


def split_entry(text: str, person: bool) -> tuple[str, str, str]:
    """(name, role or unit, place) of one printed entry. ``person``: the list is of people."""
    if "\n" in text:  # a table cell's lines: a name over its unit, or one name wrapped
        first, rest = (t.strip() for t in text.split("\n", 1))
        named = _PERSON_NAME.match(first) or person and not (_PLACE.match(first) or HONOREE_END.search(first))
        if named and (_ROLE.search(rest) or _PLACE.match(rest)):
            return _with(first, " ".join(rest.split()))
        text = "".join(text.split("\n"))
    text = clean_name(text)
    name, role, where = _split_entry(text, person)
    name = _NOTE_MARK.sub("", name).strip()  # “李峰威¹（……）”: the mark was before the brackets
    comrade = _COMRADE.match(name)
    return (comrade.group("n") if comrade and _people(comrade.group("n")) else name), role, where


# Brackets after a name that say who put it forward, the outcome of a review, or a person's sex
# and ethnicity.
_LABELLED_UNIT = re.compile(r"^(?:推荐|申报|报送|所在|工作)?单位[：:]\s*\S")
# (Only outcomes that leave the entry on the list: “（撤销）” or “（暂缓）” stays in the name, where
# the editor cannot miss it.)
_STATUS = re.compile(r"^(?:复核)?(?:通过复核|复核通过|新增|新命名|保留|递补|已命名)$")
_PERSONAL = re.compile(r"^(?:男|女)(?:[，,、 ].*)?$|^[\u4e00-\u9fff]{1,4}族(?:[，,、 ].*)?$")


def _people(text: str) -> bool:
    """A person's name (“李峰威”, “吴 衡”) or people's, parted by “、” (“陶成诚、黄先红”)."""
    return bool(_PERSON_NAME.match(text) or _PERSON_PART.match(text))


def _with(name: str, rest: str) -> tuple[str, str, str]:
    """(name, role, place): what follows the name is its place when it names a place alone, else its role or unit."""
    return (name, "", rest) if _PLACE.match(rest) and not _ROLE.search(rest) else (name, rest, "")


_LATIN_GLOSS = re.compile(r"^[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’ .,&-]*$")  # pinyin, or an English name


def _split_entry(text: str, person: bool) -> tuple[str, str, str]:
    opening = _OPENING_PLACE.match(text)
    if opening and _PLACE.match(opening.group("place")):
        # “【南岸区】何素贞”, “（南岸区）何素贞”: the place it is in
        name, role, _ = _split_entry(opening.group("rest"), person)
        return name, role, opening.group("place")
    marked = _MARKED_NAME.match(text)
    if marked:  # “【何素贞】南岸区……志愿者”: the brackets mark the name
        return marked.group("name").strip(), marked.group("rest").strip(), ""
    by = _PUT_FORWARD.match(text)
    if by:  # “名称——市文明办推荐”: who put it forward, kept beside the name
        return by.group("name"), by.group("by"), ""
    parts = _NAME_SEP.split(text, maxsplit=1)
    if len(parts) == 2 and _people(_COMRADE.sub(r"\g<n>", parts[0])) and (
            _ROLE.search(parts[1]) or _PLACE.match(parts[1])):
        return _with(parts[0], parts[1].strip())
    if (len(parts) == 2 and person and _people(_COMRADE.sub(r"\g<n>", parts[1])) and _ROLE.search(parts[0])
            and not _people(parts[0])):
        return _COMRADE.sub(r"\g<n>", parts[1]), parts[0].strip(), ""  # “……志愿者：何素贞”: the post, then the name
    m = _BRACKETED.match(text)
    if m:
        name, inner = m.group("name").strip(), m.group("inner").strip()
        if _PLACE.match(inner) and not _ROLE.search(inner):
            return name, "", inner
        if _ROLE.search(inner) and (person or _PERSON_NAME.match(_COMRADE.sub(r"\g<n>", name))):
            return name, inner, ""
        if _LABELLED_UNIT.match(inner) or _STATUS.match(inner) or _PERSONAL.match(inner) and _people(name):
            return name, inner, ""  # “（推荐单位：……）”, “（女，汉族）”: kept, but no part of the name
        if _LATIN_GLOSS.match(inner) and re.search(r"[\u4e00-\u9fff]", name):
            return name, "", ""  # “陈建钧（Chen Jianjun）”: the name spelt for other readers, no part of it
        return text, "", ""
    # A full-width space, a tab or two spaces part a name from its unit; one space may be
    # inside a two-character name (“张 三”, “吴　衡”), so it parts them only after a whole name.
    padded = _PADDED_NAME.match(text)
    if padded and (_ROLE.search(padded.group("rest")) or _PLACE.match(padded.group("rest"))):
        return _with(padded.group("name"), padded.group("rest"))
    parts = _STRONG_GAP.split(text, maxsplit=1)
    m = _SPACE_SPLIT.match(text)
    if len(parts) == 2 and len(re.sub(r"\s", "", parts[0])) >= 2:
        name, rest = parts[0].strip(), parts[1].strip()
    elif m and not _PERSON_NAME.match(text):
        name, rest = m.group("name"), m.group("rest").strip()
    else:
        name = rest = ""
    if name and (_PERSON_NAME.match(name) or person) and (_ROLE.search(rest) or _PLACE.match(rest)):
        return _with(name, rest)
    if person and len(text) > 5:
        m = _ROLE_BEFORE_NAME.match(text)
        if m and not _NOT_A_PERSON.search(m.group("name")) and not _ROLE.search(m.group("name")):
            return m.group("name"), m.group("role").strip(), ""  # (“……志愿者” ends in a role word, not a name)
    return text, "", ""


def _is_heading(line: str) -> bool:
    """An enumerated heading, a heading with a count, a category line ending in “：”, or an
    award's list (“最美志愿者名单”)."""
    line = _untranslated(line)
    listed = _LIST_OF.match(line.strip().rstrip("：: "))
    if listed and _is_award_line(listed.group("cat")):
        return True
    if len(line) > 40 or _SENTENCE.search(line) or _LEAD_IN.search(line):
        return False
    bracketed = _BRACKET_HEADING.match(line)
    inner = bracketed.group("name") if bracketed else ""
    if bracketed and not (AWARD_WORDS.search(inner) or len(inner) <= 8 and _CATEGORY_END.search(inner)):
        return False  # “【九龙坡区黄桷义工协会】”: a name the brackets mark, not a category
    if _HEADING.match(line) or bracketed or _COUNT.search(line.rstrip("：: ")):
        return True
    bare = _BARE_COUNT.match(line.rstrip("：: "))
    if bare and _is_award_line(bare.group("cat")):
        return True
    if line.endswith(("：", ":")) and len(line) <= 30:
        return True
    return _is_award_line(line)


def is_category_heading(line: str) -> bool:
    """A line that heads a category of a list: “一、最美志愿者(10个)”, “最佳志愿服务项目：”."""
    return _is_heading(line.strip())


def _is_award_line(line: str) -> bool:
    """A bare award line such as “最佳志愿服务项目” or “2024年度最美志愿者”."""
    text = line.strip()
    if len(text) > 24 or _SENTENCE.search(text) or not AWARD_WORDS.search(text[:12]):
        return False
    return bool(_CATEGORY_END.search(text))


def _entry_text(line: str) -> str | None:
    m = _NUMBERED.match(line)
    if not m or len(line) > 120:
        return None
    text = _TRAILING_CLAUSE.sub("", m.group("name")).rstrip("。")  # “1、某某中心，拟命名为……；”: the name before the comma
    return None if _SENTENCE.search(text) or len(text) > 80 else text


def ends_as_a_name(line: str) -> bool:
    """A line (numbered or not) that ends as an honoree's or a person's name does, or as a
    bracket or quotation closes."""
    name = re.sub(r"^\s*\d{1,3}\s*[.．、]\s*", "", line.strip())
    return bool(HONOREE_END.search(name) or _PERSON_NAME.match(name) or name.endswith(("）", ")", "”")))


def all_honoree_names(texts: list[str], heading: str = "") -> bool:
    """Whether ``texts`` are all honorees' names: names that end as honorees' do (“……社区”,
    “……志愿服务中心”), or people's names under an award ``heading``. Short words such as a
    menu's “首页 新闻中心” look like people's names, hence the heading."""
    if len(texts) < 2:
        return False
    if all(len(t) >= 6 and HONOREE_END.search(t) for t in texts):
        return True
    return _is_award_line(heading) and all(_PERSON_NAME.match(t) for t in texts)


# What parts an inline list's entries, by what the line holds: “A；B；C” and “A, B, C” (typed
# with half-width commas) keep a joint entry “甲、乙” whole; “A / B / C”; else 、 and ，.
_SEPARATORS = {r"[；;]": r"[；;]", r",\s": r"\s*,\s*", r"\s[/／|｜]\s|／": r"\s*[/／|｜]\s*",
               r"\s[·・•]\s": r"\s+[·・•]\s+", "": r"[、，,]"}  # (a dot between spaces: one in a name has none)


# The numbers of entries numbered inline, each at the start or after a space: “1.甲 2.乙”, “①甲 ②乙”.
_NUMBERED_RUN = re.compile(r"(?:^|\s+)(?:\d{1,3}\s*[.．、]|[（(]\d{1,3}[)）])\s*|\s*[①-⑳⑴-⒇]\s*")  # ① needs no space before it


def _mostly_honorees(parts: list[str]) -> list[str] | None:
    """Long words parted by spaces on a line of a list, most ending as honorees' names do (a
    project may not: “重庆科技馆“志愿者爱心科普活动””); None otherwise."""
    if len(parts) >= 2 and all(len(p) >= 6 and not _SENTENCE.search(p) for p in parts) and \
            2 * sum(bool(HONOREE_END.search(p)) for p in parts) >= len(parts):
        return parts
    return None


def _inline(line: str) -> tuple[str, list[str]] | None:
    """(category, printed entries) of an inline list in one paragraph, if the line is one."""
    m = _INLINE.match(line.strip())
    if not m:
        return None
    rest = _ORDER_IN_BRACKETS.sub("", m.group("rest").strip().rstrip("。.；;"))  # “……（排名不分先后）”: order_note keeps it
    cat, rest = m.group("cat").strip(), _COUNT.sub("", _ET_AL.sub("", rest)).rstrip("。.；;")  # “……（共2名）”
    if re.fullmatch(rf"(?:共\s*)?\d+\s*{_UNIT}", rest):
        return None  # “一、最美志愿者：10人” is a heading with its count
    stated = _COUNT.search(cat) or _ET_AL.search(m.group("rest"))
    # An award, a count or an enumerator makes it a list; “经常开展的志愿服务项目:义诊、理发” is a form's field.
    if not (_HEADING.match(cat) or stated or AWARD_WORDS.search(cat)):
        return None
    if _LEAD_IN.search(cat) or _SENTENCE.search(rest.replace("，", "、")):
        return None
    spaced = None if re.search(r"[、，,；;/／|｜]", rest) else _spaced_names(rest, is_person_category(cat))
    bracketed = [p for p in re.split(r"(?<=[）)])[\u3000 ]+", rest) if p]
    if _NUMBERED_RUN.match(rest) and len(_NUMBERED_RUN.findall(rest)) >= 2:
        parts = _NUMBERED_RUN.split(rest)  # “1.甲 2.乙 3.丙”: the numbers part them
    elif len(bracketed) >= 2 and all(_BRACKETED.match(p) for p in bracketed):
        parts = bracketed  # “甲（单位）　陶成诚、黄先红（单位）”: spaces after the brackets part them
    elif spaced:
        parts = spaced  # “何素贞 黎雅红 谢彬蓉”
    else:
        separator = next((k for k in _SEPARATORS if re.search(k, rest)), "")
        # (“、” and “，”: the last two names may be joined by “和” or “及”.)
        parts = _joined_names(rest, is_person_category(cat)) if separator == "" else re.split(_SEPARATORS[separator], rest)
    if len(parts) >= 2 and all(_PART_NUMBER.match(p) for p in parts):
        parts = [_PART_NUMBER.sub("", p) for p in parts]  # “（1）何素贞；（2）黎雅红”
    names = [clean_name(p) for p in parts if clean_name(p)]
    if not names or any(len(n) > 60 for n in names):
        return None
    return clean_category(cat), names


_PART_NUMBER = re.compile(r"^\s*(?:[（(]\d{1,3}[)）]|\d{1,3}\s*[.．、](?!\d))\s*")


def _inline_clauses(line: str) -> list[tuple[str, list[str]]] | None:
    """Several inline lists in one paragraph, parted by “；”, after the sentence that opens
    it: “……入选。其中，最美志愿者2名：甲、乙；最佳志愿服务组织2个：丙、丁。”"""
    clauses = [_colon_clause(c) for c in re.split(r"[；;]", line.strip().rstrip("。.")) if c.strip()]
    if len(clauses) < 2 or "：" not in clauses[0] and ":" not in clauses[0]:
        return None
    head, colon, names = re.split(r"([：:])", clauses[0], maxsplit=1)
    clauses[0] = re.split(r"[。，,]|其中", head)[-1] + colon + names  # the category after the opening sentence
    found = [_inline(c) for c in clauses]
    return found if all(found) else None


def _colon_clause(clause: str) -> str:
    """“最美志愿者为甲、乙” written as “最美志愿者：甲、乙”; any other clause as it is."""
    if "：" in clause or ":" in clause or not ("为" in clause or "有" in clause):
        return clause
    m = _CLAUSE.search(clause)
    return f"{m.group('cat')}：{m.group('names')}" if m and _is_award_line(m.group("cat")) else clause


# “最美志愿者为甲、乙”, “最美志愿者有甲、乙2人”
_CLAUSE = re.compile(rf"(?P<cat>[^，,。]{{2,30}}?)(?:为|有)(?P<names>[^，,。]+?)(?:共?\d+\s*{_UNIT})?$")


# A line that only counts the entries, under a heading or after them: “（9名）”, “（以上共2名）”,
# “共有2人入选：”.
_COUNT_LINE = re.compile(rf"^[（(]?\s*(?:以上)?\s*(?:{_TOTAL_WORD}有?|计)?\s*\d+\s*{_UNIT}\s*(?:入选|获评|获奖|上榜)?\s*[)）]?[。.：:]?$")
# A page's number in text copied from a PDF: “— 2 —”, “－2－”, “第2页 共5页”.
_PAGE_MARK = re.compile(r"^[—－\-–]+\s*\d{1,3}\s*[—－\-–]+$|^第\s*\d{1,3}\s*页(?:\s*[，,/、]?\s*共\s*\d{1,3}\s*页)?$")
# A notice's closing “附件：1. 推荐对象事迹简介” / “2. 推荐对象汇总表”: numbered, but the titles of
# the files it attaches, not entries.
_ATTACHMENTS_LABEL = re.compile(r"^附件\s*[：:]")
# A form's “填表说明” over its numbered instructions (“1. 请按推荐类别分别填写”).
_INSTRUCTIONS = re.compile(r"^(?:填表|填报|报送|申报)?(?:说明|须知|注意事项)[：:]?$")
_FILE_TITLE = re.compile(r"(?:名单|表|简介|事迹|材料|情况|说明|办法|方案|\.(?:docx?|xlsx?|pdf|wps|et))$")


def from_lines(lines: list[str]) -> list[ListEntry]:
    """Entries in paragraphs: under headings, category lines and award lines, numbered or not,
    and inline lists; in printed order."""
    out: list[ListEntry] = []
    category, explicit = "", False   # explicit: a heading or category line introduced what follows
    paused = resumed = ""             # a category whose entries each come with a paragraph about them
    run: list[str] = []               # unnumbered honoree-like names with no category line before them
    attached = instructions = False   # just after “附件：” (numbered lines are files' titles) or “填表说明”

    def add(text: str, source: str, under: str | None = None) -> None:
        under = category if under is None else under
        own = _BRACKETED.match(clean_name(text))
        if own and _is_award_line(own.group("inner")):  # “1. 李峰威（最美志愿者）”: its own category
            text, under = own.group("name"), clean_category(own.group("inner"))
        name, role, where = split_entry(text, is_person_category(under))
        if name:
            out.append(ListEntry(under, name, role, where, source))

    def close_run() -> None:
        if len(run) >= 3:  # without a category line, a run of three names is a list; fewer may be prose
            for text in run:
                add(text, text)
        run.clear()

    current = ""
    for raw in _unwrapped(_unsigned([part for line in lines for part in _numbered_parts(line)])):
        line = _HEADING_STOP.sub(r"\1", _unbulleted(raw.strip()))
        if not line or _PAGE_MARK.match(raw.strip()) or _COUNT_LINE.match(line):
            continue
        before, current = current, line
        numbered = _entry_text(line)
        if numbered and (instructions or attached and _FILE_TITLE.search(numbered)):
            continue
        attached, instructions = bool(_ATTACHMENTS_LABEL.match(line)), bool(_INSTRUCTIONS.match(line))
        opening = _BRACKET_OPENING.match(line)
        if opening and _is_award_line(opening.group("cat")):  # “【最美志愿者】甲、乙”, “（最美志愿者）甲、乙”: as “最美志愿者：甲、乙”
            line = f"{opening.group('cat')}：{opening.group('rest')}"
        counted = _COUNTED_NAMES.match(line) if "、" in line else None
        if counted and _is_award_line(counted.group("cat")):  # “最美志愿者（3名）甲、乙、丙”: as “最美志愿者：甲、乙、丙”
            line = f"{counted.group('cat')}：{counted.group('rest')}"
        clauses = _inline_clauses(line)
        if clauses:
            close_run()
            for category, texts in clauses:
                for text in texts:
                    add(text, line, category)
            explicit = True
            continue
        grouped = _INLINE.match(line) if category and explicit else None
        if (grouped and _PLACE.match(grouped.group("cat").strip()) and not _is_award_line(grouped.group("cat").strip())
                and not _SENTENCE.search(grouped.group("rest"))):
            # “南岸区：何素贞、……” under a category: its people in that district
            close_run()
            for text in re.split(r"[、，,]", grouped.group("rest").strip().rstrip("。；;")):
                name, role, _ = split_entry(text, is_person_category(category))
                if name:
                    out.append(ListEntry(category, name, role, grouped.group("cat").strip(), line))
            continue
        inline = _inline(line)
        if inline:
            close_run()
            category, explicit = inline[0], True
            for text in inline[1]:
                add(text, line)
            continue
        won = _WON.match(line)
        if won and _is_award_line(won.group("cat")) and not _NOT_NAMES.search(won.group("names")):
            # “何素贞被评为最美志愿者；”: one entry, its own award
            close_run()
            for name in won.group("names").split("、"):
                add(name, line, clean_category(won.group("cat")))
            continue
        after = _AWARD_AFTER.match(line)
        if after:
            award = clean_category(after.group("cat"))
            if run:  # “X” then “获评“C””: the names just above won it
                for text in run:
                    add(text, text, award)
                run.clear()
                category, explicit = "", False
            else:  # “4名志愿者” “获评“C”” “他们分别是”: the names follow
                category, explicit = award, True
            continue
        if _COUNT_PHRASE.match(line):
            close_run()
            continue
        if _NOTE.match(line):
            close_run()
            category, explicit = "", False
            continue
        if _is_heading(line):
            close_run()
            category, explicit = clean_category(line), True
            continue
        text = _entry_text(line)
        if text and "，" in text and not (AWARD_WORDS.search(category) or _CATEGORY_END.search(category)):
            close_run()  # “1.各单位要高度重视，……” under “一、工作要求”: a notice's numbered points
            continue
        if text:
            close_run()
            add(text, line)
            continue
        if _FORM_FIELD.match(line):  # “负责人姓名:严介军”: a form's field, never an entry
            close_run()
            explicit = False
            continue
        spaced = _spaced_names(line, is_person_category(category)) if explicit else None
        if spaced:
            for text in spaced:
                add(text, line)
            continue
        short = len(line) <= 60 and not _SENTENCE.search(line) and not _LEAD_IN.search(line)
        last = out[-1] if out else None
        if (short and explicit and last is not None and last.category == category and not last.role
                and is_person_category(category) and _people(last.name)
                and (last.source == last.name or _entry_text(last.source) == last.name)
                and _ROLE.search(line) and not _PERSON_NAME.match(line)):
            last.role = line  # the unit and role on the line under the name, as WeChat posts set them
            continue
        if short and explicit and last is not None and last.category == category and _wrapped(last, line):
            last.name, last.source = last.name + line, last.source + line  # a long name wrapped onto the next line
            continue
        if short and not explicit and paused and last is not None and last.category == paused and _alike(last.name, line):
            category, explicit, resumed = paused, True, paused  # the next honoree, after the paragraphs about the last one
        if short and explicit:
            add(line, line)
            continue
        if short and HONOREE_END.search(line):
            run.append(line)
            continue
        close_run()
        if _LEAD_IN.search(line):
            continue  # “具体名单如下：” leads into the list
        if len(line) > 60 or _SENTENCE.search(line):
            # Prose: a later list starts afresh, unless the prose follows an entry: a feature
            # may set each honoree's name over a paragraph about them.
            if explicit:  # the name line just above, the first of its category or itself resumed so
                named = last is not None and last.source == before == last.name and last.category == category
                paused = category if named and (resumed == category or sum(e.category == category for e in out) == 1) else ""
            category, explicit = "", False
    close_run()
    return out[:MAX_ENTRIES]


def _numbered_parts(line: str) -> list[str]:
    """A line of numbered entries parted by “；” (“1.李峰威；2.刘嗣东；3.肖立文。”) or by spaces
    with the numbers running on one by one (“1.甲    2.乙    3.丙”, as a PDF sets several a
    line), an entry a line; any other line as it is."""
    if not _NUMBERED.match(line):
        return [line]
    if _NEXT_NUMBER.search(line):
        return [p.rstrip("。.") for p in _NEXT_NUMBER.split(line.strip()) if p.strip()]
    first = _FIRST_NUMBER.match(line)
    cuts = list(_SPACED_NUMBER.finditer(line))
    if not first or not cuts:
        return [line]
    start = int(first.group(1))
    if [int(m.group(1)) for m in cuts] != list(range(start + 1, start + 1 + len(cuts))):
        return [line]  # “1. 某某 2.5 ……”: numbers that do not run on are no entries' numbers
    ends = [m.start() for m in cuts] + [len(line)]
    starts = [0] + [m.end() for m in cuts]
    return [line[a:b].strip() for a, b in zip(starts, ends)]


_NEXT_NUMBER = re.compile(r"[；;]\s*(?=\d{1,3}\s*[.．、](?!\d))")
_FIRST_NUMBER = re.compile(r"\s*(\d{1,3})\s*[.．、](?!\d)")
_SPACED_NUMBER = re.compile(r"\s+(?=(\d{1,3})\s*[.．、](?!\d))")


# A notice's date on a line of its own, under the offices that issue it: “2019年12月5日”.
_DATE_LINE = re.compile(r"^\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
                        r"\s*[\d一二三四五六七八九十]{1,3}\s*日\s*$")


# An office that issues a notice, as its signature names it. (Not “委员会”: a 居民委员会 may be on a list.)
_ISSUER = re.compile(r"(?:办公室|文明办|宣传部|组织部|社会工作部|人民政府|局|厅|团委|总工会|妇联|残联)$")


def _unsigned(lines: list[str]) -> list[str]:
    """``lines`` without a notice's signature: the offices that issue it, a line each, and the
    date under them (“……10.杨浦区……中心” / “中共上海市委宣传部” / “2019年12月5日”). They are no
    entries of the list above. After a numbered list, any lines between its last entry and the
    date are the signature; else only lines that name an office (“……办公室”), above the date or
    closing the text (its date went to the page's information)."""
    out = list(lines)
    ends = [i for i, line in enumerate(out) if _DATE_LINE.match(line)] + [len(out)]
    for at in sorted(set(ends), reverse=True):
        start = at
        while (start > 0 and at - start < 3 and out[start - 1].strip() and not _entry_text(out[start - 1])
               and not _is_heading(out[start - 1])):
            start -= 1
        if not (start > 0 and _entry_text(out[start - 1]) and at < len(out)):
            while start < at and not all(_ISSUER.search(line.strip()) for line in out[start:at]):
                start += 1  # only the offices at the foot of the run sign it
        del out[start:at]
    return [line for line in out if not _DATE_LINE.match(line)]  # a date is never an entry


_CLOSING_FIRST = re.compile(r"^[^（）]*）")  # a line whose first bracket closes one
NUMBER_ALONE = re.compile(r"^\s*(\d{1,3})\s*[.．、]?\s*$")  # “01”, “1.”: an entry's number and nothing else
_COUNTED_NAMES = re.compile(rf"^(?P<cat>[^：:（(]{{2,30}}?)[（(]\s*(?:{_TOTAL_WORD}\s*)?\d+\s*{_UNIT}\s*[)）](?P<rest>[^：:]+、.+)$")


def _unwrapped(lines: list[str]) -> list[str]:
    """Lines with those that end in “、” joined to the next: an inline list wrapped, as text
    copied out of a PDF wraps it (“最美志愿者：何素贞、” / “黎雅红、谢彬蓉。”). A line that is one
    name and its “、” is not joined: the list prints a name a line (“陈建钧、” / “吕海英。”). So
    is a line that closes the bracket the line above opened (“1. 何素贞（南岸区……志愿” / “者）”),
    and a line that is a number alone (“01”, set large over each entry) numbers the next."""
    out: list[str] = []
    for line in lines:
        last = out[-1].rstrip() if out else ""
        number = NUMBER_ALONE.match(last) if len(last) <= 6 else None
        if number and line.strip() and not NUMBER_ALONE.match(line) and not _entry_text(line.strip()) \
                and not _is_heading(line.strip()):
            out[-1] = f"{number.group(1)}、{line.strip()}"
        elif last.count("（") > last.count("）") and _CLOSING_FIRST.match(line.strip()) and not _entry_text(line.strip()):
            out[-1] = last + line.strip()
        elif last.endswith("、") and line.strip() and re.search(r"[、：:]", last[:-1]):
            out[-1] = last + line.strip()
        elif last.endswith("、") and line.strip().endswith("。") and not _SENTENCE.search(line.strip()[:-1]):
            out.append(line.strip()[:-1])  # a name a line, each closed by “、”, the last by “。”
        else:
            out.append(line)
    return out


def _alike(name: str, line: str) -> bool:
    """Whether ``line`` is a name of the same kind as ``name``: two people's (of two or three
    characters: a line such as “市文明办” under a story is a signature), or two honorees'."""
    if _people(name):
        return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,3}|[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff]", line)
                    or _PERSON_PART.match(line) and "、" in line)
    return len(line) >= 6 and bool(HONOREE_END.search(line)) and bool(HONOREE_END.search(name))


def _wrapped(last: ListEntry, line: str) -> bool:
    """Whether ``line``, with no number of its own, is the rest of the numbered entry above
    it, wrapped as text copied out of a PDF wraps: that entry opens a quotation mark it does
    not close, or ends as no name ends where the two together end as honorees' names do."""
    if last.role or _people(last.name) or not _entry_text(last.source) or _entry_text(line) or _is_heading(line):
        return False  # (a person's name is short: a line under it is a unit, not its rest)
    if len(line) >= len(last.source):
        return False  # a wrapped line's rest is shorter than the full line above it
    opened = last.name.count("“") > last.name.count("”") or last.name.count("（") > last.name.count("）")
    return opened or not HONOREE_END.search(last.name) and bool(HONOREE_END.search(last.name + line))


_PERSON_PART = re.compile(r"^[\u4e00-\u9fff·]{1,4}(?:、[\u4e00-\u9fff·]{1,4})*$")


def _spaced_names(line: str, person: bool) -> list[str] | None:
    """The names of a line that prints several parted by spaces (“李峰威　刘嗣东　吴　衡”), when
    every part is a name: a person's (three or more), or an honoree's (“……社区”, “……协会”). A name of
    two characters padded with a space to the width of three (“吴　衡”) stays one name."""
    listed = _enumerated(line)
    if listed:
        return listed
    tabbed = [p.strip() for p in line.strip().split("\t") if p.strip()]
    if (len(tabbed) >= 3 or len(tabbed) == 2 and not _people(tabbed[0])) and all(
            2 <= len(p) <= 60 and not _SENTENCE.search(p) for p in tabbed):
        return tabbed  # tabs part names on purpose, each part whole (“张三<tab>单位” is a name and its unit)
    parts = [p for p in re.split(r"[ \u3000\t]+", line.strip()) if p]
    if len(parts) < (3 if person else 2):  # “张三　某某社区书记”: a name and its role
        return None
    if person and all(_PERSON_PART.match(p) for p in parts):
        names: list[str] = []
        gaps = re.findall(r"[ \u3000\t]+", line.strip())
        i = 0
        while i < len(parts):
            if len(parts[i]) == 1 and i + 1 < len(parts) and len(parts[i + 1]) == 1:
                names.append(parts[i] + gaps[i] + parts[i + 1])  # the gap as printed
                i += 2
            else:
                names.append(parts[i])
                i += 1
        return names if all(len(re.sub(r"\s", "", n)) >= 2 for n in names) else None
    if all(len(p) >= 4 and HONOREE_END.search(p) for p in parts):
        return parts
    return _mostly_honorees(parts)


def _enumerated(line: str) -> list[str] | None:
    """The names of a line that prints them parted by “、” under a heading (“甲、乙、丙”): three
    people or more, or honorees. Two people parted by “、” with nothing else are one joint
    entry (“陶成诚、黄先红”), as lists print couples."""
    text = clean_name(line)
    if "；" in text:  # “；” parts entries and keeps a joint “甲、乙” whole
        parts = [p.strip() for p in text.split("；")]
        if len(parts) >= 2 and all(_PERSON_PART.match(p) or 4 <= len(p) <= 60 and not _SENTENCE.search(p)
                                   for p in parts):
            return parts
        return None
    if "，" in text and "、" not in text:  # “甲，乙，丙”: only names, each ending as honorees' names do (else prose)
        parts = [p.strip() for p in text.split("，")]
        people = len(parts) >= 3 and all(_PERSON_NAME.match(p) for p in parts)
        honorees = len(parts) >= 2 and all(4 <= len(p) <= 60 and HONOREE_END.search(p.rstrip("”’\"'）)")) for p in parts)
        return parts if people or honorees else None
    parts = [p.strip() for p in text.split("、")]
    if len(parts) < 2 or not all(parts):
        return None
    if all(_PERSON_NAME.match(p) for p in parts):
        return parts if len(parts) >= 3 else None
    if _SENTENCE.search(text) or not all(4 <= len(p) <= 60 for p in parts):
        return None
    if any("，" in p and not all(_PERSON_NAME.match(x) for x in p.split("，")) for p in parts):
        return None  # “经过推荐申报、资格审核、专家评审等环节，评选……”: a sentence, whose clause a comma begins
    # Three or more long parts under a heading are a list; two, only when each ends as an honoree's name does.
    if len(parts) >= 3 or all(HONOREE_END.search(p.rstrip("”’\"'）)")) for p in parts):
        return parts
    return None


_HEADER_WORDS = {
    "seq": re.compile(r"^(?:序号|编号|序|排序|No\.?)$", re.I),
    "name": re.compile(r"姓名|名称|名单|集体|个人|志愿者|团队|项目|组织|社区|中心|单位名称|先进典型|获奖者|对象|候选"),
    "unit": re.compile(r"工作单位|所在单位|单位|推荐单位|申报单位|所属"),
    "role": re.compile(r"职务|职称|身份|岗位|简介|事迹"),
    "place": re.compile(r"地区|所在地|地市|省份|市州|区县|县区|属地|城市|省市"),
    "category": re.compile(r"类别|类型|奖项|荣誉|称号|组别"),
}


def is_header_row(row: list[str]) -> bool:
    """A table's header row (序号, 名称, 单位…), not an entry or a caption."""
    return _header(row) is not None


def header_columns(row: list[str]) -> dict[str, int] | None:
    """What each column of a header row holds (seq, name, unit, role, place, category), or None."""
    return _header(row)


def _chinese_label(cell: str) -> str:
    """A header cell without the English beside its Chinese (“姓名（名称）Name”, “序号 No.”)."""
    if cell.isascii() or not _ENGLISH_WORDS.search(cell):
        return cell  # all English (“No.”), or no English
    return re.sub(r"[（(]\s*[)）]", "", _ENGLISH_WORDS.sub("", cell)).strip()


_ENGLISH_WORDS = re.compile(r"[A-Za-z][A-Za-z.,&'/ -]*")


def _header(row: list[str]) -> dict[str, int] | None:
    """Column roles of a header row, or None when the row is not a header."""
    # Labels spaced out to fill their cells (“姓　　名”, “工 作 单 位”) read as one word.
    row = [re.sub(r"\s", "", _chinese_label(cell)) for cell in row]
    roles: dict[str, int] = {}
    for i, cell in enumerate(row):
        if not cell or len(cell) > 12:
            continue
        for role in ("seq", "category", "place", "role", "name", "unit"):  # the specific before the general
            if role not in roles and _HEADER_WORDS[role].search(cell):
                if role == "name" and _HEADER_WORDS["unit"].search(cell) and "名称" not in cell:
                    continue
                roles[role] = i
                break
    if "name" not in roles:
        if "unit" in roles and len(roles) >= 2:  # “单位” alone names the entries of a list of units
            roles["name"] = roles.pop("unit")
        else:
            return None
    if len(roles) == 1 and not re.search(r"名称|姓名|名单", row[roles["name"]]):
        return None  # “新闻中心” beside “首页”: a portal's layout, not a list's header
    # A header has two columns or more, each a short label: a caption row is one cell.
    labels = [c for c in row if c]
    if len(labels) < 2 or any(len(c) > 12 or re.search(r"[，。；：:]|^\d+$", c) for c in labels):
        return None
    return roles


def from_tables(tables: list[list[list[str]]]) -> list[ListEntry]:
    """Entries from tables: columns by the header row, category rows that span the table.

    A table without a header that has as many columns as the last list's continues it (a
    table split across pages, or a list in several tables). A header printed twice across
    one row (序号 名称 序号 名称) gives two entries a row, left then right. A table with no
    header whose every cell is a name is a grid of names, read row by row."""
    out: list[ListEntry] = []
    columns: dict[str, int] | None = None
    width, block, category, last_number, district = 0, 0, "", "", ""
    for rows in (band for table in tables for band in _side_by_side(table)):
        rows = _upright([r for r in rows if any(c.strip() for c in r)])
        start = None
        for i, row in enumerate(rows[:6]):
            found = _header(row)
            below = _header(rows[i + 1]) if found and i + 1 < len(rows) else None
            if below and len(below) > len(found):  # a header in two rows (“示范中心” over “类别 | 名称”): the lower says more
                i, row, found = i + 1, rows[i + 1], below
            if found:
                start, columns, width, block, district = i + 1, found, len(row), _repeat(row), ""
                for above in rows[:i]:  # a caption above the header names the category
                    cells = [c for c in above if c.strip()]
                    if len(cells) == 1 and len(cells[0]) <= 40 and not _LEAD_IN.search(cells[0]):
                        category = clean_category(cells[0])
                category = _header_category(row, found) or category
                break
        lead = next((i for i, r in enumerate(rows) if sum(1 for c in r if c.strip()) > 1), len(rows))  # “名单如下：” above
        if start is None and _category_first(rows[lead:]):  # “最美志愿者 | 何素贞 | 南岸区……”, no header
            columns, width, block, start = {"category": 0, "name": 1, "unit": 2}, max(len(r) for r in rows), 0, lead
        led = next((i for i, row in enumerate(rows) if len(row) > 1 or not _LEAD_IN.search(row[0])), len(rows))
        # (“名单如下：” above it left out)
        across = rows[led:] if start is None and _categories_across(rows[led:]) else None
        if start is None and across is None and any(sum(1 for c in row[1:] if c.strip()) >= 2 for row in rows):
            turned = [list(col) for col in zip_longest(*rows[led:], fillvalue="")]
            across = turned if _categories_across(turned) else None  # a category heading each row, its names across
        if across is not None:
            out += [ListEntry(clean_category(head), _one_line(row[col]), "", "", _one_line(row[col]))
                    for col, head in enumerate(across[0]) for row in across[1:] if col < len(row) and row[col].strip()]
            continue
        if start is None:
            grid = _name_grid(rows)
            if grid is not None:
                out += grid
                continue
            if columns is None or not rows or max(len(r) for r in rows) != width:
                continue
            start = 0
        for row in rows[start:]:
            cells = [c.strip() for c in row if c.strip()]
            # A name alone in its own column, the cells before it blank (a category given on a row
            # above, the unit left out), is an entry; a category's row opens the table's width.
            named = 0 < columns.get("name", 0) < len(row) and not row[0].strip() \
                and row[columns["name"]].strip() == cells[0] and not _is_heading(cells[0]) if len(cells) == 1 else False
            if len(cells) == 2 and _COUNT_CELL.match(cells[1]) and _is_heading(cells[0]):
                category, district = clean_category(cells[0]), ""  # “最美志愿者 | 共9名”: a category's row with its count
                continue
            if len(cells) == 1 and not named and (len(row) < width or _is_heading(cells[0]) or columns.get("name", 0) >= len(row)
                                                  or row[columns["name"]].strip() != cells[0]):
                if category and _PLACE.match(cells[0]) and not _is_award_line(cells[0]):
                    district = cells[0]  # a district's row over its people, under their category
                else:
                    category, district = clean_category(cells[0]), ""  # a row spanning the table
                continue
            if _header(row) == columns:
                category = _header_category(row, columns) or category
                continue  # the header repeated on a new page, or a block's own
            if start and row is rows[start] and _in_english(row, rows[start - 1]):
                continue  # the header's words in English, on a row under it
            if _numeral_category_row(row, columns):
                category = clean_category(row[columns["name"]])
                continue
            at = columns.get("category")
            if at is not None and at < len(row) and row[at].strip():
                category = clean_category(row[at])  # blank below: the cell above still holds (an export's blocks)
            found = [e for part in ([row[i:i + block] for i in range(0, len(row), block)] if block else [row])
                     for e in _table_entries(part, columns, category, rows[start - 1] if start else [])]
            for entry in found:
                entry.place = entry.place or district
            number = row[columns["seq"]].strip() if "seq" in columns and columns["seq"] < len(row) and not block else ""
            if number.isdigit() and number == last_number and len(found) == 1 and out and out[-1].category == category \
                    and _people(out[-1].name) and _PERSON_NAME.match(found[0].name):
                # A joint entry printed a row a person, its number spanning them (“6 | 陶成诚” / “| 黄先红”)
                out[-1].name += "、" + found[0].name
            else:
                out += found
            last_number = number
    return out[:MAX_ENTRIES]


def _in_english(row: list[str], header: list[str]) -> bool:
    """Whether ``row`` gives a Chinese ``header``'s labels in English (“No. | Name | …”)."""
    filled = [c.strip() for c in row if c.strip()]
    return len(filled) >= 2 and all(c.isascii() and re.search(r"[A-Za-z]{2}", c) for c in filled) \
        and any(re.search(r"[\u4e00-\u9fff]", c) for c in header)


def _category_first(rows: list[list[str]]) -> bool:
    """A table with no header whose every row opens with a category (an award's name), one
    category over several rows, and then names an entry. (A category a row, its names across,
    is another layout: ``_categories_across``.)"""
    return (len(rows) >= 2 and len({r[0].strip() for r in rows}) < len(rows)
            and all(len(r) >= 2 and _is_award_line(r[0].strip()) and r[1].strip() and not _is_award_line(r[1].strip())
                    for r in rows))


def _numeral_category_row(row: list[str], columns: dict[str, int]) -> bool:
    """A category row not merged across the table: “一 | 最美志愿者 | 9名”, a Chinese numeral
    under 序号 and the category under the name."""
    seq, name = columns.get("seq"), columns["name"]
    if seq is None or seq >= len(row) or name >= len(row):
        return False
    return bool(_CN_ENUM_CELL.fullmatch(row[seq].strip())) and _is_heading(row[name].strip())


_CN_ENUM_CELL = re.compile(rf"[{_CN_NUM}]+[、.．]?|[（(][{_CN_NUM}]+[)）]")


def _side_by_side(rows: list[list[str]]) -> list[list[list[str]]]:
    """The blocks of a table that sets them abreast, parted by a column blank in every row and
    each with a header of its own (a sheet with two categories side by side), in reading
    order: left then right, then the blocks below them; else the table itself."""
    width = max((len(r) for r in rows), default=0)
    filled = [any(j < len(r) and r[j].strip() for r in rows) for j in range(width)]
    spans, start = [], None
    for j, used in enumerate([*filled, False]):
        if used and start is None:
            start = j
        elif not used and start is not None:
            spans.append((start, j))
            start = None
    bands = [[r[a:b] for r in rows if any(c.strip() for c in r[a:b])] for a, b in spans]
    if len(bands) < 2 or not all(any(is_header_row(r) for r in band[:6]) for band in bands):
        return [rows]
    stacked = [_header_blocks(band) for band in bands]
    return [blocks[k] for k in range(max(map(len, stacked))) for blocks in stacked if k < len(blocks)]


def _header_blocks(rows: list[list[str]]) -> list[list[list[str]]]:
    """``rows`` cut before each header after the first, with the caption rows just above it."""
    headers = [i for i, row in enumerate(rows) if is_header_row(row)]
    starts = [0]
    for i in headers[1:]:
        at = i
        while at - 1 > starts[-1] and sum(1 for c in rows[at - 1] if c.strip()) == 1:
            at -= 1
        starts.append(at)
    return [rows[a:b] for a, b in zip(starts, [*starts[1:], len(rows)])]


def _header_category(header: list[str], columns: dict[str, int]) -> str | None:
    """The category a header names over its name column (“序号 | 最美志愿者 | 工作单位及职务”)."""
    cell = header[columns["name"]].strip() if columns["name"] < len(header) else ""
    return clean_category(cell) if _is_award_line(cell) else None


def _repeat(header: list[str]) -> int:
    """The width of a header printed more than once across its row (序号 名称 序号 名称 → 2), else 0."""
    cells = [re.sub(r"\s", "", c) for c in header]
    for k in range(2, len(cells) // 2 + 1):
        if len(cells) % k == 0 and all(cells[i] == cells[i % k] for i in range(len(cells))):
            return k
    return 0


def _table_entries(row: list[str], columns: dict[str, int], category: str, header: list[str]) -> list[ListEntry]:
    """The entry of a row; or the entries of a name cell that lists several, one a line."""
    ticked = [clean_category(head) for i, head in enumerate(header) if i < len(row) and i not in columns.values()
              and _TICK.match(row[i].strip()) and _is_award_line(head.strip())]
    if len(ticked) == 1:  # a column for each category, the entry's own ticked “√”
        category = ticked[0]
    cell = row[columns["name"]] if columns["name"] < len(row) else ""
    listing = columns["name"] < len(header) and bool(_LISTING.match(re.sub(r"\s", "", header[columns["name"]])))
    names = _names_a_line(cell, listing)
    if names is None and listing and "\n" not in cell.strip() and re.search(r"[、，,]|\u3000| {2,}", cell):
        # “甲、乙、丙” under 名单; or “甲　乙　陶成诚、黄先红”: then the spaces part the entries
        parts = re.split(r"\u3000+| {2,}", cell.strip()) if re.search(r"\u3000| {2,}", cell.strip()) else re.split(r"[、，,]", cell)
        names = [n for n in (clean_name(p) for p in parts) if n]
    beyond = _beyond(row, columns["name"], header) if listing else []
    if names is None and beyond and cell.strip():
        names = [clean_name(cell)]
    if names is None:
        entry = _table_entry(row, columns, category, header)
        return [entry] if entry is not None else []
    person = is_person_category(category)
    return [ListEntry(category, *split_entry(name, person), cell) for name in names] + [
        ListEntry(category, clean_name(c), "", "", c) for c in beyond]


def _beyond(row: list[str], at: int, header: list[str]) -> list[str]:
    """The cells right of column ``at`` that have no heading of their own: more of its names,
    a 名单 spread across a sheet's columns (“类别 | 名单” over “最美志愿者 | 甲 | 乙 | 丙”)."""
    out = []
    for i in range(at + 1, len(row)):
        if i < len(header) and header[i].strip():
            break
        if row[i].strip():
            out.append(row[i].strip())
    return out


_MARKED_NAME = re.compile(r"^【(?P<name>[^【】]{2,60})】\s*(?P<rest>.*)$")
_OPENING_PLACE = re.compile(r"^[（(【]\s*(?P<place>[^（）()【】\s]{2,12})\s*[)）】]\s*(?P<rest>\S.*)$")
_PUT_FORWARD = re.compile(r"^(?P<name>\S.*?)\s*(?:——|--|－－)\s*(?P<by>\S.{1,30}?(?:推荐|申报|报送|提名))$")
_TICK = re.compile(r"^[√✓✔☑●■是]$")
_TOTAL = re.compile(r"^(?:合\s*计|总\s*计|小\s*计|共\s*计)[:：]?$")
_LISTING = re.compile(r"^(?:入选|获奖|表彰|推荐)?(?:名单|名录)$")  # a column holding each category's names together


def _names_a_line(cell: str, listing: bool) -> list[str] | None:
    """The lines of a cell that holds several names, one a line: each a person's name (or
    joint names, “陶成诚、黄先红”), or, under a 名单 column (``listing``), each a name ending as
    honorees' do. None for one name, a name with its unit on the next line, or a long name
    wrapped in a narrow column (“嘉定区菊园新区社区” / “志愿服务中心”)."""
    lines = [ln.strip() for ln in cell.split("\n") if ln.strip()]
    if len(lines) < 2:
        return None
    people = all(_person_line(ln) for ln in lines)
    # Honorees' names, though a project's may end as no honoree's does (“重庆科技馆“志愿者爱心科普活动””)
    # when two others do.
    ending = sum(1 for ln in lines if HONOREE_END.search(ln))
    honorees = listing and all(len(ln) >= 6 and not _SENTENCE.search(ln) for ln in lines) and (
        ending == len(lines) or ending >= 2)
    return lines if people or honorees else None


def _person_line(line: str) -> bool:
    """A person's name (or people's, “陶成诚、黄先红”), alone or with the unit in brackets
    (“何素贞（南岸区……志愿者）”)."""
    def named(text: str) -> bool:
        return all(_PERSON_NAME.match(p) for p in text.split("、"))
    m = _BRACKETED.match(line)
    return named(line) or bool(m and named(m.group("name").strip()) and _ROLE.search(m.group("inner")))


def _table_entry(row: list[str], columns: dict[str, int], category: str, header: list[str]) -> ListEntry | None:
    def get(role: str) -> str:  # a unit or role over two lines of its cell reads as one line
        return " ".join(row[columns[role]].split()) if role in columns and columns[role] < len(row) else ""

    name = row[columns["name"]].strip() if columns["name"] < len(row) else ""
    if not name or _FORM_FIELD.match(name):  # “联系电话：0571-…” under a returned form's rows
        return None
    if _TOTAL.match(next((c.strip() for c in row if c.strip()), "")) or re.fullmatch(rf"\d+\s*{_UNIT}", name):
        return None  # “合计 | 8个”: the sum at the foot of the table
    cat = category
    role = " ".join(x for x in (get("unit"), get("role")) if x)
    header_cell = header[columns["name"]] if columns["name"] < len(header) else ""
    person = is_person_category(cat) or re.sub(r"\s", "", header_cell) == "姓名"
    split_name, split_role, where = split_entry(name, person)
    return ListEntry(cat, split_name, " ".join(x for x in (split_role, role) if x), get("place") or where,
                     " | ".join(c.strip() for c in row if c.strip()))


def _upright(rows: list[list[str]]) -> list[list[str]]:
    """A table turned on its side, its labels down its first column (序号, 姓名, 单位) and an
    entry a column, set upright; any other table as it is. Caption rows above it stay."""
    top = next((i for i, row in enumerate(rows) if len(row) > 1), len(rows))
    body = rows[top:]
    if len(body) < 2 or any(len(_header(row) or ()) >= 2 for row in body[:2]):
        return rows
    labels = [row[0] for row in body]
    roles = _header(labels) or {}
    # Its names labelled as such: a table of categories and their counts has a column of award names.
    if len(roles) < 2 or not re.search(r"姓名|名称|名单", labels[roles["name"]]):
        return rows
    return rows[:top] + [list(column) for column in zip_longest(*body, fillvalue="")]


def _categories_across(rows: list[list[str]]) -> bool:
    """A table whose first row names a category in each column, each column listing its entries
    below (or, turned, a table whose rows each open with a category)."""
    if len(rows) < 2 or len(rows[0]) < 2:
        return False
    heads = [c.strip() for c in rows[0]]
    names = [c.strip() for row in rows[1:] for c in row if c.strip()]
    return all(h and _is_award_line(h) for h in heads) and bool(names) and not any(_is_award_line(n) for n in names)


def _name_grid(rows: list[list[str]]) -> list[ListEntry] | None:
    """A headerless table of names (people's, or honorees' ending in 社区, 协会…) under
    one-cell rows that head its categories: a caption over it, or rows spanning it. None when
    no such row comes first (after lead-ins) or a cell is not a name (short words such as
    “首页 网站地图” look like people's names)."""
    blocks: list[tuple[str, list[list[str]]]] = []
    for row in rows:
        cells = [c.strip() for c in row if c.strip()]
        if len(cells) == 1 and _is_heading(cells[0]):
            blocks.append((clean_category(cells[0]), []))
        elif blocks:
            blocks[-1][1].append(row)
        elif not (len(cells) == 1 and _LEAD_IN.search(cells[0])):
            return None
    if all(len(row) < 2 for _, block in blocks for row in block):
        return None  # one column: lines, which the lines' reading takes with their numbers
    out: list[ListEntry] = []
    for category, block in blocks:
        found = _grid_block(category, block)
        if found is None:
            return None
        out += found
    return out or None


def _grid_block(category: str, rows: list[list[str]]) -> list[ListEntry] | None:
    """The entries of one category's rows of a grid of names; None if they are not all names."""
    people = _names_and_units(rows)
    if people is not None:
        return [ListEntry(category, name, unit, "", f"{name} | {unit}" if unit else name) for name, unit in people]
    printed = [_one_line(c) for row in rows for c in row if c.strip()]
    names = [_unnumbered(c) for c in printed]  # “1.嘉定区……中心”: a grid whose cells are numbered
    named = [_people(n) or (len(n) >= 6 and HONOREE_END.search(n)) for n in names]
    # Under an award's heading a project may end as no honoree's name does (“重庆科技馆“志愿者爱心
    # 科普活动””): a long cell that is no sentence is one too, beside others that read as names.
    others = all(len(n) >= 6 and not _SENTENCE.search(n) for n, ok in zip(names, named) if not ok)
    if len(names) < 2 or not (all(named) or _is_award_line(category) and any(named) and others):
        return None
    return [ListEntry(category, n, "", "", c) for n, c in zip(names, printed)]


def _unnumbered(text: str) -> str:
    """``text`` without the number before it, if it has one."""
    m = _NUMBERED.match(text)
    return m.group("name") if m else text


def _names_and_units(rows: list[list[str]]) -> list[tuple[str, str]] | None:
    """(name, unit) of a headerless table of two columns, a person's name then the unit or
    role; None unless every first cell is a person's name and some second cell a unit or
    role. (Two organisations a row are a grid: their names read as units.)"""
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows or any(len(r) != 2 or not r[0].strip() for r in rows):
        return None
    names = [_one_line(r[0]) for r in rows]
    units = [" ".join(r[1].split()) for r in rows]
    if not all(_people(n) for n in names):
        return None
    if not any(_ROLE.search(u) for u in units) or any(u and _people(u) for u in units):
        return None  # two names a row, or no unit at all: a grid of names
    return list(zip(names, units))


def from_sentences(lines: list[str]) -> list[ListEntry]:
    """Entries from sentences such as “X、Y被评为“最佳志愿服务项目”” and ““最美志愿者”2人，分别为A、B”."""
    out: list[ListEntry] = []
    for line in lines:
        for m in sorted([*_respectively(line), *_HONOURED.finditer(line)], key=lambda m: m.start()):
            cat = clean_category(m.group("cat") or m.groupdict().get("cat2") or "")
            if not (AWARD_WORDS.search(cat) or _CATEGORY_END.search(cat)):
                continue
            out += _named(cat, _joined_names(m.group("names"), is_person_category(cat)), line)
        if out and out[-1].source == line:
            continue
        for m in _ET_AL_AWARD.finditer(line):
            cat = clean_category(m.group("cat"))
            if AWARD_WORDS.search(cat):
                out += _named(cat, re.split(r"、", _LEAD.sub("", m.group("names"))), line)
        if out and out[-1].source == line:
            continue
        clause_start = 0
        for m in _AWARD_VERB.finditer(line):
            cat = m.group("cat")
            begin = max(clause_start, *(line.rfind(c, 0, m.start()) + 1 for c in "。；;！？"))
            clause_start = m.end()
            if not AWARD_WORDS.search(cat):
                continue
            names = _LEAD.sub("", line[begin:m.start()][-400:])
            names = re.split(r"[;；]", names)[-1]
            for name in _joined_names(names, is_person_category(cat)):
                name = clean_name(name)
                if 3 <= len(name) <= 50 and not _SENTENCE.search(name) and not _NOT_NAMES.search(name):
                    out.append(ListEntry(cat, name, "", "", line))
    return out[:MAX_ENTRIES]


def _joined_names(text: str, person: bool) -> list[str]:
    """The names of “甲、乙和丙”: parted by “、”, the last two joined by “和”, “及” or “以及”. A name
    may hold “和” itself (“重庆希望24心理热线和生命教育志愿服务项目”): the joining one is
    the first with a whole name before it, a person's name of two to four characters
    between two such names, or a name that ends as honorees' names do."""
    parts = re.split(r"[、，,]", text)
    last = parts.pop()
    for m in re.finditer(r"以及|[和及]", last):
        left, right = last[:m.start()].strip(), last[m.end():].strip()
        if person and 2 <= len(left) <= 4 and 2 <= len(right) <= 4 or (
                not person and HONOREE_END.search(left) and len(right) >= 4):
            return [*parts, left, right]
    return [*parts, last]


def _named(category: str, texts: list[str], line: str) -> list[ListEntry]:
    """The entries a sentence names under ``category``, each split from its role."""
    person = is_person_category(category)
    out = []
    for text in texts:
        name, role, where = split_entry(text, person)
        if 2 <= len(name) <= 60 and not _SENTENCE.search(name):
            out.append(ListEntry(category, name, role, where, line))
    return out


# The verb and quoted award; the names are the clause before it. Searched verb-first
# because a lazy “names before the verb” pattern backtracks over every position.
_AWARD_VERB = re.compile(r"(?:分别)?(?:被评为|被授予|入选|获评|荣获|获得|当选|被命名为)了?(?:全国|全省|全市)?[“\"'‘](?P<cat>[^”\"'’]{2,30})[”\"'’]")
_LEAD = re.compile(r"^.*?(?:其中|包括|分别是|名单如下|依次为|我区|我市|我县|全市|全区|推选出|评选出|选出|产生)[,，：:]?")


def stated_counts(lines: list[str]) -> dict[str, int]:
    """How many entries the text says each category has (“最美志愿者（20名）”, “陈根发等9名
    “最美志愿者””, “4名志愿者获评……”), to tell the editor when a list is shorter."""
    counts: dict[str, int] = {}
    pending = None
    for raw in lines:
        line = raw.strip()
        heading = _COUNT.search(line.rstrip("：: ")) if _is_heading(line) else None
        if heading:
            counts[clean_category(line)] = int(re.search(r"\d+", heading.group()).group())
        for m in _ET_AL_AWARD.finditer(line):
            counts[clean_category(m.group("cat"))] = int(m.group("n"))
        for m in _respectively(line):
            cat = m.group("cat") or m.groupdict().get("cat2") or ""
            n = m.group("n") or m.groupdict().get("n2")
            counts[clean_category(cat)] = int(n)
        phrase, after = _COUNT_PHRASE.match(line), _AWARD_AFTER.match(line)
        number = after and (after.group("n") or pending)  # “4名志愿者获评…”, or “4名志愿者” the line before
        if number:
            counts[clean_category(after.group("cat"))] = int(number)
        pending = phrase.group("n") if phrase else None
    return counts


_ORDER_NOTE = re.compile(r"排名不分先后(?:顺序)?|排名不分前后|(?:按|以)姓氏笔画(?:为序|排序|排列|顺序排列)|"
                         r"(?:按|以)(?:姓氏)?拼音(?:字母)?(?:为序|排序|排列|顺序排列)")


_ORDER_IN_BRACKETS = re.compile(rf"\s*[（(][^（）()]*?(?:{_ORDER_NOTE.pattern})[^（）()]*[)）]\s*$")


def order_note(lines: list[str]) -> str | None:
    """What the text says of the list's order (“排名不分先后”, “按姓氏笔画排序”), as printed."""
    for line in lines:
        m = _ORDER_NOTE.search(line)
        if m:
            return m.group(0)
    return None


# Cells of a table written out as text: parted by tabs (a spreadsheet's rows copied), or by
# runs of spaces lining up columns (a fixed-width document). One space, or one full-width
# space, stays inside a cell: lists print “张　三” and “吴 衡”.
_CELL_GAP = re.compile(r"\t+| {2,}|\u3000{2,}")


def _text_tables(lines: list[str]) -> tuple[list[str], list[list[list[str]]]]:
    """Runs of lines whose cells are parted by tabs, lined up by spaces or set between “|” (a
    Markdown table), beginning with a header row: the lines without them, and those runs as tables."""
    rest: list[str] = []
    tables: list[list[list[str]]] = []
    i = 0
    while i < len(lines):
        cells = _text_cells(lines[i])
        if len(cells) >= 2 and is_header_row(cells):
            j = i + 1
            while j < len(lines) and (len(_text_cells(lines[j])) >= 2 or _RULE_ROW.match(lines[j])):
                j += 1
            if j - i >= 2:
                tables.append([_text_cells(ln) for ln in lines[i:j] if not _RULE_ROW.match(ln)])
                i = j
                continue
        rest.append(lines[i])
        i += 1
    return rest, tables


def _text_cells(line: str) -> list[str]:
    text = line.strip()
    if text.startswith("|") and text.endswith("|") and len(text) > 1:
        return [c.strip() for c in text[1:-1].split("|")]
    blank = len(line) - len(line.lstrip("\t")) if text and line[:1] == "\t" else 0  # “\t刘嗣东\t……”: the category on a row above
    return [""] * blank + _CELL_GAP.split(text)


_RULE_ROW = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?$")  # “| --- | --- |” under a Markdown header


def find_lists(lines: list[str], tables: list[list[list[str]]]) -> list[ListEntry]:
    """The honour lists of an article in page order; award sentences only when nothing is listed."""
    # Table cells also appear as body lines; the table reading knows their columns.
    lines, written = _text_tables(lines)
    tables = [*tables, *written]
    # A layout table setting categories abreast, a category and its names in each cell, is read
    # as lines, cell by cell (a page's lines hold them so already; an attachment's do not).
    boxed = [t for t in tables if _boxes(t)]
    tables = [t for t in tables if not any(t is b for b in boxed)]
    held = set(lines)
    lines = lines + [ln for t in boxed for row in t for c in row for ln in c.split("\n") if ln.strip() and ln not in held]
    # (A table of several columns has all its text read there, its rows of one cell too: a
    # category's, or a district's over its people.)
    cells = {line.strip() for rows in tables if any(len(row) > 1 for row in rows)
             for row in rows for c in row for line in c.split("\n")}
    found = from_lines([ln for ln in lines if ln.strip() not in cells])
    seen = {(e.category, e.name) for e in found}
    cards = [_card(rows) for rows in tables]  # a small table for each honoree: their fields
    found += [e for e in from_tables([t for t, card in zip(tables, cards) if card is None]) if (e.category, e.name) not in seen]
    found += [e for e in from_fields([line for card in cards if card for line in card]) if (e.category, e.name) not in seen]
    return found or from_fields(lines) or from_sentences(lines)


def _boxes(rows: list[list[str]]) -> bool:
    """Whether a table's every filled cell, two or more, holds a category over its names."""
    filled = [c for row in rows if not (len(row) == 1 and _LEAD_IN.search(row[0])) for c in row if c.strip()]
    return len(filled) >= 2 and all(
        len(lines) >= 2 and _is_award_line(lines[0]) for lines in ([ln.strip() for ln in c.split("\n") if ln.strip()]
                                                                    for c in filled))


def from_fields(lines: list[str]) -> list[ListEntry]:
    """Entries from a notice that gives each honoree as lines of label and value (“姓名：……”,
    “单位及职务：……”, “推荐类别：……”); none unless it gives two or more. One such block is a
    profile's form, not a list."""
    records: list[dict[str, str]] = []
    last = -2  # the line of the last field read
    for at, raw in enumerate(lines):
        m = _FORM_FIELD.match(raw.strip())
        if not m:
            continue
        label, value = re.sub(r"\s", "", m.group("label")), m.group("value").strip()
        key = ("name" if _NAME_LABEL.match(label) else "category" if _CATEGORY_LABEL.search(label)
               else "role" if _UNIT_LABEL.search(label) else None)
        if key is None:
            continue
        # A label again, or a field apart from the last (“主办单位：……” in the page's foot): the
        # next honoree's fields, in whatever order they come.
        if not records or key in records[-1] or at != last + 1:
            records.append({})
        last = at
        records[-1][key] = clean_category(value) if key == "category" else value
        if key == "name":
            records[-1]["source"] = raw.strip()
    records = [r for r in records if "name" in r]
    if len(records) < 2:
        return []
    return [ListEntry(r.get("category", ""), r["name"], r.get("role", ""), "", r["source"]) for r in records][:MAX_ENTRIES]


def _card(rows: list[list[str]]) -> list[str] | None:
    """A table of label and value, a row each, that gives one honoree (类别 | 最美志愿者, 姓名 |
    何素贞): its rows as field lines (“姓名：何素贞”); None for any other table."""
    rows = [r for r in rows if any(c.strip() for c in r)]
    while rows and len(rows[0]) == 1 and _LEAD_IN.search(rows[0][0]):
        rows = rows[1:]  # “名单如下：” above it
    labels = [re.sub(r"\s", "", r[0]) for r in rows if len(r) == 2]
    if not rows or len(labels) != len(rows) or not any(_NAME_LABEL.match(x) for x in labels):
        return None
    if not all(_NAME_LABEL.match(x) or _CATEGORY_LABEL.search(x) or _UNIT_LABEL.search(x) for x in labels):
        return None
    return [f"{label}：{r[1].strip()}" for label, r in zip(labels, rows)]


_NAME_LABEL = re.compile(r"^(?:姓名|名称|姓名[（(]名称[)）]|单位名称|集体名称|项目名称|社区名称|推荐对象)$")
_CATEGORY_LABEL = re.compile(r"类别|奖项|称号")
_UNIT_LABEL = re.compile(r"单位|职务")
