"""Info-bar text of Chinese articles: publish time, 来源, 作者 and 编辑.

Portals print these in one line under the title (“2019-12-04 10:22 来源: 中国文明网
作者: …”) or at the foot of the article (“责任编辑: 平彩娟”). These helpers read
either; the extractors decide which lines to feed them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_SEP = r"\s*[:：]?\s*"
_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:[-/.年]\s*)(\d{1,2})\s*(?:[-/.月]\s*)(\d{1,2})(?!\d)\s*日?"
    r"(?:\s*(?:T|\s|&nbsp;)?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?"
)
_COMPACT_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])([0-2]\d|3[01])(?!\d)")
_URL_DATE = [
    re.compile(r"/((?:19|20)\d{2})[-/_]?(0[1-9]|1[0-2])[-/_]?([0-2]\d|3[01])(?=[/_])"),
    re.compile(r"[/_t]((?:19|20)\d{2})(0[1-9]|1[0-2])([0-2]\d|3[01])(?=[_/.\d])"),
    re.compile(r"/((?:19|20)\d{2})-?(0[1-9]|1[0-2])/(?:[a-z]*)?([0-2]\d|3[01])(?=[/_])"),
]

# Longest labels first, so 责任编辑 is not read as 编辑 and 原稿源 not as 稿源.
_LABELS = {
    "editor": ["责任编辑", "责编", "编辑", "编审", "值班编辑", "审核"],
    "source": ["信息来源", "文章来源", "新闻来源", "稿件来源", "稿源", "来源", "出处", "来自"],
    "author": ["本报记者", "特约记者", "执笔人", "作者", "记者", "撰文", "撰稿", "文\\s*/"],
    "photo": ["摄影", "图片", "图文", "图/", "摄"],
    "other": ["记者博客", "联系记者", "记者热线", "记者信箱", "网友评论", "发表评论", "我要评论", "参与评论", "发布时间", "发稿时间", "发表时间", "时间", "日期", "浏览次数", "点击数", "阅读", "字号", "通讯员", "校对", "审核人", "访问量"],
}
_LABEL_RE = re.compile("|".join(
    f"(?P<{kind}{i}>{label})"
    for kind, i, label in sorted(((k, i, lb) for k, labels in _LABELS.items() for i, lb in enumerate(labels)),
                                 key=lambda t: -len(t[2].replace("\\s*", "")))))
# A value ends at a wide gap, a bar, a bracket or the next label; not at brackets around a
# short name, which belong to it (“中共宁波市委宣传部（市文明办）”).
_VALUE_END = re.compile(r"\s{2,}|[|｜【】\[\]<>《》;；]|[(（](?![\u4e00-\u9fff]{2,12}[)）])|(?<![\u4e00-\u9fff])[)）]|"
                        r"\u3000| (?=\d{4}[-/年])")
_NOT_A_NAME = re.compile(r"^(?:[\d\s:：\-/年月日]+|本网|本站|网络|原创|佚名|未知|admin|管理员)$", re.I)


@dataclass
class Byline:
    """What one run of info-bar text says."""

    date: str | None = None
    source: str | None = None
    author: str | None = None
    editor: str | None = None


def iso(y: str, mo: str, d: str, h: str | None = None, mi: str | None = None, s: str | None = None) -> str | None:
    """Y/M/D[/h/m/s] strings → ISO 8601, or None if the date is impossible."""
    yy, mm, dd = int(y), int(mo), int(d)
    if not (1 <= mm <= 12 and 1 <= dd <= 31 and 1990 <= yy <= 2100):
        return None
    out = f"{yy:04d}-{mm:02d}-{dd:02d}"
    if h is not None and mi is not None and int(h) < 24 and int(mi) < 60:
        out += f"T{int(h):02d}:{int(mi):02d}"
        if s is not None and int(s) < 60:
            out += f":{int(s):02d}"
    return out


def _first_date(pattern: re.Pattern, text: str) -> str | None:
    return next((found for m in pattern.finditer(text) if (found := iso(*m.groups()))), None)


def find_date(text: str) -> str | None:
    """The first full date (with time if printed) in text, as ISO 8601."""
    return _first_date(_DATE, text)


def find_compact_date(text: str) -> str | None:
    """A date written as 20200306, as ISO 8601."""
    return _first_date(_COMPACT_DATE, text)


def date_from_url(url: str | None) -> str | None:
    """The date in a URL path such as /2020-03/06/ or /t20200306_123.html."""
    if not url:
        return None
    for pattern in _URL_DATE:
        m = pattern.search(url)
        if m and (found := iso(*m.groups())):
            return found
    return None


def _clean_value(raw: str, kind: str) -> str | None:
    value = raw.strip(" \t:：,，、.。-—_/·")
    value = _VALUE_END.split(value, maxsplit=1)[0].strip(" \t:：,，、.。-—_/·")
    if value.endswith((")", "）")) and not re.search(r"[(（]", value):
        value = value.rstrip(")）")  # the end of a bracket the label stood in: “（记者 张三）”
    if kind == "source":
        value = re.sub(r"\s+", " ", value)
    if not value or len(value) > 40 or _NOT_A_NAME.match(value):
        return None
    return value


def _is_label(text: str, start: int, end: int, kind: str) -> bool:
    """A label word where it is a label: not inside another word (工作者, 澎湃号作者), and for
    来源 and 编辑 followed by a colon or a space, not running on into a sentence (来源于网络)."""
    before = text[start - 1] if start else ""
    after = text[end:end + 1]
    # “新华社记者” is a byline; “工作者”, “澎湃号作者” and “编辑部” hold the word inside another
    if before and "\u4e00" <= before <= "\u9fff" and not text[start:end].startswith("记者"):
        return after in (":", "：")
    if kind in ("source", "editor"):
        return after in (":", "：", " ", "\u3000", "\t", "\xa0") or end == len(text)
    return True


def parse_byline(text: str) -> Byline:
    """Read date, 来源, 作者 and 编辑 from one stretch of info-bar text."""
    out = Byline(date=find_date(text))
    marks = [(m.start(), m.end(), m.lastgroup.rstrip("0123456789")) for m in _LABEL_RE.finditer(text)
             if _is_label(text, m.start(), m.end(), m.lastgroup.rstrip("0123456789"))]
    for i, (start, end, kind) in enumerate(marks):
        if kind in ("other", "photo") or getattr(out, kind) is not None:
            continue
        # 编辑 inside a longer word (如 “编辑部”) is no label
        if kind == "editor" and text[end:end + 1] in ("部", "室"):
            continue
        stop = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        value = _clean_value(text[end:stop], kind)
        if value and kind == "author":
            value = re.sub(r"^(?:记者|通讯员)\s*", "", value)
        setattr(out, kind, value)
    return out


def merge(first: Byline, second: Byline) -> Byline:
    """Fields of first, filled in from second where first has none."""
    return Byline(*(a if a is not None else b for a, b in zip(
        (first.date, first.source, first.author, first.editor),
        (second.date, second.source, second.author, second.editor))))


def is_byline_line(line: str) -> bool:
    """True for a short line that is only info-bar text (so it is not body)."""
    if len(line) > 80:
        return False
    stripped = _LABEL_RE.sub("", _DATE.sub("", line))
    stripped = re.sub(r"[\s:：|｜()（）【】\[\]/·\-—_,，]", "", stripped)
    has_label = bool(_LABEL_RE.search(line))
    return has_label and len(stripped) <= 24 or (not stripped and bool(_DATE.search(line)))


_NAMES = r"[\u4e00-\u9fff·]{2,5}(?:[\s、,，]+[\u4e00-\u9fff·]{2,5}){0,5}"
# “光明日报记者 王建宏 张文攀” on a line of its own, or opening the first paragraph
_REPORTER_LINE = re.compile(rf"^[\u4e00-\u9fff·【】\[\]\s]{{0,18}}?(?:记者|通讯员)\s*(?P<n>{_NAMES})\s*(?:报道|/\s*文|摄)?\s*$")
_REPORTER_LEAD = re.compile(
    r"^[^（(]{0,30}[（(]\s*[^）)]{0,8}?记者\s*(?P<p>[^）)]{2,40})[）)]|"
    r"^.{0,20}?记者\s*(?P<n>[\u4e00-\u9fff·]{2,4}?)\s*(?:发自|报道|/\s*文)")
# “…完。（常书香 马丹阳）” or “（总台记者 张倩）” closing the last paragraph
_REPORTER_TAIL = re.compile(rf"[（(]\s*(?:[\u4e00-\u9fff]{{0,6}}(?:记者|评论员)\s*)?(?P<n>{_NAMES})\s*[)）]\s*$")
_ROLE_WORDS = re.compile(r"(?:本报|特约|实习|见习|总台)?(?:记者|通讯员|评论员)|文/|摄")
_BRACKETED = re.compile(r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s*[\[【]\s*(?P<n>[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4}){0,3})\s*[\]】]")
_NOT_PEOPLE = re.compile(r"博客|联系|热线|邮箱|信箱|荐稿|投稿|新华|日报|晚报|记者|编辑|图|摄影|来源|视频|专题|评论|转载|原创|责任|打印|关闭|网|报|社|台|电|讯")


def looks_like_people(text: str) -> bool:
    """Whether ``text`` names people (“王浩”, “张三 李四”), not an outlet or a site (“新华网”)."""
    return bool(re.fullmatch(_NAMES, text.strip())) and not _NOT_PEOPLE.search(text)


def _names(raw: str) -> str | None:
    names = " ".join(_ROLE_WORDS.sub(" ", raw).replace("、", " ").replace("，", " ").replace(",", " ").split())
    if not 2 <= len(names) <= 40 or any(_NOT_PEOPLE.search(n[:2]) for n in names.split()):
        return None
    return names


def reporter(lead: list[str], tail: list[str]) -> str | None:
    """Reporters named where the body opens (“本报讯（记者 张三）”) or closes (“（张三 李四）”)."""
    for line in lead:
        line = line.strip()
        m = _REPORTER_LINE.match(line) if len(line) <= 40 else None
        m = m or _REPORTER_LEAD.search(line[:120])
        if m:
            found = _names(next(g for g in m.groups() if g))
            if found:
                return found
    for line in reversed(tail):
        m = _REPORTER_TAIL.search(line.strip())
        if m and (found := _names(m.group("n"))):
            return found
    return None


def bracketed_name(info: str) -> str | None:
    """A name in brackets on the info bar, as sohu printed its authors: “[ 黄宇 ]”."""
    m = _BRACKETED.search(info)
    return _names(m.group("n")) if m else None
