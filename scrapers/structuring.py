"""Article → draft records: editions with their lists, honoree profiles, figures, regions, links.

Everything here is plain data; `drafts.py` turns it into YAML files.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from generator.domain.ids import name_key
from generator.domain.model import QUOTE_MAX
from generator.domain.quantity import Quantity, QuantityError, parse_quantity
from generator.domain.regions import Region, RegionError, RegionTable

from .article import Article
from .lists import AWARD_WORDS, HONOREE_END, clean_category, is_lead_in, order_note, stated_counts

_KIND_BY_WORD = [  # the first word found in a category or name decides the kind
    (re.compile(r"志愿者(?!协会|组织|服务队|队|联合会)$|志愿者[（(]|工作者|个人"), "volunteer"),
    (re.compile(r"社区|村(?!民)|小区"), "community"),
    (re.compile(r"中心|服务站|实践站|实践所|驿站|阵地"), "centre"),
    (re.compile(r"项目|行动|计划|工程"), "project"),
    (re.compile(r"组织|团队|队|协会|联合会|社团|基金会|联盟|服务社|工作室"), "organization"),
]
# “字段:值” labels on recommendation forms → model fields
_FORM_FIELDS = [
    (re.compile(r"^(?:社区|组织|项目|中心|单位)?名称$"), "name"),
    (re.compile(r"^姓名$"), "name"),
    (re.compile(r"负责人"), "leader"),
    (re.compile(r"注册志愿者人数占.*比例|志愿者.*占.*比例"), "volunteer_share"),
    (re.compile(r"注册志愿者人数|志愿者人数"), "registered_volunteers"),
    (re.compile(r"经常开展的志愿服务项目|主要服务项目"), "regular_projects"),
    (re.compile(r"每年组织志愿服务活动次数|年均活动次数"), "activities_per_year"),
    (re.compile(r"推荐单位"), "recommended_by"),
    (re.compile(r"所属单位|主管单位"), "host"),
    (re.compile(r"实施主体|实施单位"), "organization"),
    (re.compile(r"主要事迹|事迹简介|基本情况|项目简介"), "body"),
]
_FORM_LINE = re.compile(r"^(?P<label>[\u4e00-\u9fff（）()]{2,24}?)\s*(?:[（(][^）)]*[）)])?\s*[:：]\s*(?P<value>.*)$")
_NUMBER = r"\d+(?:\.\d+)?"
_STAT = re.compile(
    rf"(?P<metric>[\u4e00-\u9fff“”]{{2,14}}?)(?:达到|达|超过|突破|逾|共有|共|有|为|约|近)?"
    rf"(?P<value>(?:近|约|逾|超过|超)?{_NUMBER}\s*(?:万|亿|千|百)?\s*(?:余|多)?\s*(?:万|亿)?"
    rf"(?:名|人次|人|个|支|家|项|场|次|户|小时|座|所|元|万元|亿元|篇|条|天|[%％]))")
_METRIC_LEAD = re.compile(r"^(?:其中|目前|截至目前|如今|累计|全市|全区|全县|全省|现有|已|共|并|和|及|、)+")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")
_LEVEL_WORDS = [("全国", "全国"), ("中央", "全国"), ("省", "省"), ("自治区", "省"), ("市", "市"), ("区", "区县"), ("县", "区县")]
_ADMIN = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|区|县|旗|镇|乡|街道|新区)")
_ADMIN_RUN = re.compile(rf"(?:{_ADMIN.pattern})+")
# The places a name starts with, strictly: 社区 and 小区 are no 区.
_PLACE_RUN = re.compile(r"(?:[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|(?<![社小园景])区|县|旗|镇|乡|街道|新区))+")
MAX_BODY = 20_000


@dataclass
class Known:
    """What the project already has: its region table and honoree names → record ids."""

    regions: RegionTable | None = None
    names: dict[str, str] = field(default_factory=dict)       # name or alias → honoree id
    stubs: dict[str, str] = field(default_factory=dict)       # list name → stub id
    editions: dict[str, str] = field(default_factory=dict)    # edition title → edition id
    edition_of: dict[tuple, str] = field(default_factory=dict)  # (scheme id, year) → edition id
    schemes: dict[str, str] = field(default_factory=dict)     # scheme name / short name → scheme id
    statsheets: list[tuple[str, str, str]] = field(default_factory=list)  # (region path, date, id)
    news: list["KnownNews"] = field(default_factory=list)


@dataclass
class KnownNews:
    """A news article the project has, as ingest recognises it again."""

    when: str          # “YYYY-MM-DD HH:MM”
    source: str | None
    ids: set           # honorees and editions it mentions
    title: str = ""
    url: str | None = None


@dataclass
class DraftEntry:
    name: str
    region: str | None = None
    honoree: str | None = None   # an existing honoree this name links to
    stub: str | None = None      # an existing stub this name links to
    role: str = ""               # the unit or role printed with the name


@dataclass
class DraftCategory:
    name: str
    kind: str
    entries: list[DraftEntry] = field(default_factory=list)
    stated: int | None = None  # the count the text prints for it (“(10个)”), if any


@dataclass
class DraftEdition:
    title: str
    year: int | None
    level: str
    region: str | None
    categories: list[DraftCategory]
    scheme: str | None = None    # an existing scheme, when one matches
    existing: str | None = None  # an existing edition with this title
    inferred: dict[str, str] = field(default_factory=dict)  # fields the text does not print → why they were guessed
    quote: str = ""  # the line of the page the list starts at
    stage: str | None = None  # as the text words it (公示, 公布…); None when it does not say
    order_note: str | None = None  # what the text says of the order (“排名不分先后”), as printed


@dataclass
class DraftHonoree:
    kind: str
    name: str
    region: str | None
    region_as_written: str | None = None  # when the table lacks it, the text the article had
    fields: dict = field(default_factory=dict)
    body: str = ""
    award: str | None = None     # the category it is listed under in this article
    existing: str | None = None


@dataclass
class DraftStat:
    """A figure in the text: “222万余人” is value 2220000, unit 人, qualifier 余."""

    metric: str
    value: str        # as printed, which is what a record stores
    sentence: str
    quantity: Quantity | None = None


@dataclass
class Drafts:
    """What `structure` found in one article."""

    article: Article
    editions: list[DraftEdition] = field(default_factory=list)
    honorees: list[DraftHonoree] = field(default_factory=list)
    statistics: list[DraftStat] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)  # name in the article → existing record id
    main_region: str | None = None  # the city or province most of the article's places lie in
    unplaced: list[str] = field(default_factory=list)  # list entries whose place the region table lacks
    short: list[str] = field(default_factory=list)     # categories with fewer or more entries than the text says


def kind_of(text: str, default: str = "organization") -> str:
    """The honoree kind a category or name implies (社区 → community, 项目 → project, …)."""
    for pattern, kind in _KIND_BY_WORD:
        if pattern.search(text):
            return kind
    return default


def place(known: Known, text: str) -> tuple[Region | None, str | None]:
    """The longest leading part of text that the region table knows, and the unplaced rest of its admin prefix."""
    table = known.regions
    if table is None:
        m = re.match(rf"(?:{_ADMIN.pattern})+", text)
        return None, m.group(0) if m else None
    run = _PLACE_RUN.match(text)
    for end in range(min(len(text), 24), 1, -1):
        try:
            region = table.normalise(text[:end])
        except RegionError:
            continue
        # “宁波市海曙区白云街道…” with 白云街道 missing from the table: found as 宁波市, with the rest unplaced
        return region, (text[end:run.end()] if run and run.end() > end else None)
    m = re.match(rf"(?:{_ADMIN.pattern})+", text)
    return None, m.group(0) if m else None


def _link(known: Known, name: str) -> tuple[str | None, str | None]:
    """(honoree id, stub id) for a name the project already has, matched exactly or by a short form."""
    squash = name_key(name)
    if squash in known.names:
        return known.names[squash], None
    if squash in known.stubs:
        return None, known.stubs[squash]
    for known_name, rid in known.names.items():
        if len(known_name) >= 4 and (known_name.endswith(squash) or squash.endswith(known_name)) \
                and min(len(known_name), len(squash)) / max(len(known_name), len(squash)) > 0.6:
            return rid, None
    return None, None


def _similar(a: str, b: str) -> bool:
    a, b = re.sub(r"\s", "", a), re.sub(r"\s", "", b)
    if a in b or b in a:
        return min(len(a), len(b)) >= 4
    quoted = re.findall(r"“([^”]{2,})”", a)
    if quoted and any(q in b for q in quoted):
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() > 0.8


def _edition_title(article: Article) -> str:
    """The list's own heading (“2019年…名单”) if the article has one, else the article title."""
    lines = article.paragraphs
    first = next((i for i, ln in enumerate(lines) if clean_category(ln) == (article.list_entries[0].category or "\0")), None)
    if first:
        head = []
        for ln in reversed(lines[max(0, first - 3):first]):
            if len(ln) > 40 or re.search(r"[。，,]", ln) or is_lead_in(ln):
                break
            head.insert(0, ln)
        if head:
            return re.sub(r"名单$", "", "".join(head))
    # “2024年度全国志愿服务“四个100”先进典型名单揭晓”
    m = re.search(r"((?:19|20)\d{2}年度?[^。，,；;！？\s]{4,40}?)名单", article.body[:3000])
    return m.group(1) if m else article.title


def _level(title: str, region: Region | None) -> tuple[str, bool]:
    """(level, whether the title prints it): only “全国” says a level; a place in the title
    (“宁波市”) only suggests one, since a national list's regional article names its city."""
    if "全国" in title or "中央" in title[:12]:
        return "全国", True
    if region is not None:
        return {1: "省", 2: "市"}.get(region.depth, "区县"), False
    for word, level in _LEVEL_WORDS:
        if word in title[:12]:
            return level, False
    return "市", False


_PERSON = re.compile(r"^[\u4e00-\u9fff·]{2,4}(?:[、，,][\u4e00-\u9fff·]{2,4})*$")
_HONOUR_CONTEXT = re.compile(r"名单|表彰|命名|称号|评选|揭晓|公示|获评|入选|上榜")


def is_honour_list(article: Article, title: str) -> bool:
    """An honour list, not any numbered list: award words around it, and names that look like honorees."""
    cats = " ".join({e.category for e in article.list_entries})
    context = AWARD_WORDS.search(cats) or AWARD_WORDS.search(title) or _HONOUR_CONTEXT.search(title + cats)
    names = [e.name for e in article.list_entries]
    honoree_like = sum(1 for n in names if HONOREE_END.search(n) or _PERSON.match(n) or kind_of(n, "") != "")
    return bool(context) and honoree_like * 2 >= len(names)


def _editions(article: Article, known: Known, drafts: Drafts) -> None:
    if not article.list_entries:
        return
    title = _edition_title(article) or article.title
    if not title or not is_honour_list(article, title):
        return
    years = _YEAR.findall(title) or _YEAR.findall(article.body[:2000])
    year = int(years[0]) if years else (int(article.publish_time[:4]) if article.publish_time else None)
    # a year taken from the publication date is a guess
    inferred = {} if years else {"year": "原文没有写年度, 据刊发时间推定"}
    scope, _ = place(known, title.split("年", 1)[-1].lstrip("度“\""))
    if scope is not None and scope.depth > 2:
        scope = None
    categories: list[DraftCategory] = []
    for entry in article.list_entries:
        if not categories or categories[-1].name != entry.category:
            categories.append(DraftCategory(entry.category or "名单", kind_of(entry.category or entry.name)))
        cat = categories[-1]
        where, rest = place(known, entry.place or entry.name)
        if where is None and scope is not None:
            where, rest = place(known, scope.display + (entry.place or entry.name))
        if rest:
            kept = f"，只记到{where.display}" if where else ""
            line = f"（{entry.source}）" if entry.source and entry.source != entry.name else ""
            drafts.unplaced.append(f"“{entry.name}”{line}：{rest} 不在 content/regions.yaml{kept}；在地区表中补上后再导入")
        honoree, stub = _link(known, entry.name)
        if honoree:
            drafts.links[entry.name] = honoree
        cat.entries.append(DraftEntry(entry.name, where.display if where else None, honoree, stub, entry.role))
        if not (honoree or stub) and len(cat.entries) == 1:
            cat.kind = kind_of(entry.category or "", kind_of(entry.name, cat.kind))
    _check_counts(title, categories, stated_counts(article.paragraphs), drafts)
    scheme = next((sid for name, sid in sorted(known.schemes.items(), key=lambda kv: -len(kv[0]))
                   if name and name in title), None)
    # Regional articles of one national list name it differently: the scheme and year identify it.
    existing = known.editions.get(title) or (known.edition_of.get((scheme, year)) if scheme and year else None)
    level, printed = _level(title, scope)
    if not printed:
        inferred["level"] = "原文没有写级别, 据名称和地区推定"
    stage = _stage(title + " " + article.body[:300])
    first = article.list_entries[0]
    quote = (first.source or first.name).strip()[:QUOTE_MAX]
    drafts.editions.append(DraftEdition(title, year, level, scope.display if scope else None,
                                        categories, scheme, existing, inferred, quote, stage,
                                        order_note(article.paragraphs)))


_STAGES = [("公示", re.compile(r"公示")), ("候选", re.compile(r"候选")), ("推荐", re.compile(r"推荐(?:名单|对象|人选)")),
           ("公布", re.compile(r"公布|揭晓|命名|表彰|授予|名单的(?:通知|决定)"))]


def _stage(text: str) -> str | None:
    """The stage a notice's own words give: a 公示 is not yet a 公布."""
    return next((stage for stage, words in _STAGES if words.search(text)), None)


def _check_counts(title: str, categories: list[DraftCategory], stated: dict[str, int], drafts: Drafts) -> None:
    """Tell the editor of each category whose entries are not as many as the text says:
    a list printed as “陈根发等9名” names one of nine, and the rest must come from elsewhere."""
    for cat in categories:
        want = cat.stated = stated.get(cat.name)
        if want is not None and want != len(cat.entries):
            drafts.short.append(f"《{title}》“{cat.name}”：原文写明 {want} 个，找到 {len(cat.entries)} 个；"
                                "请对照原文或附件补齐，不要凭推测补写")


def _form(lines: list[str]) -> tuple[dict, int, int]:
    """Fields of a “字段:值” recommendation form; returns (fields, first line, last line)."""
    fields: dict = {}
    first = last = -1
    for i, line in enumerate(lines):
        m = _FORM_LINE.match(line.strip())
        if not m:
            if fields.get("body") is not None:
                fields["body"].append(line.strip())
            continue
        label, value = m.group("label"), m.group("value").strip()
        target = next((f for pattern, f in _FORM_FIELDS if pattern.search(label)), None)
        if target is None or target in fields:
            if fields.get("body") is not None:
                fields["body"].append(line.strip())
            continue
        if first < 0:
            first = i
        last = i
        fields[target] = [value] if target == "body" and value else ([] if target == "body" else value)
    if "body" in fields:
        # the form's last fields (推荐单位) often follow the 事迹 text
        fields["body"] = [p for p in fields["body"] if p and not _FORM_LINE.match(p)]
    return (fields if "name" in fields else {}), first, last


def _profile_from_form(article: Article, known: Known, drafts: Drafts) -> None:
    fields, first, _ = _form(article.paragraphs)
    if not fields:
        return
    name = re.sub(r"\s", "", fields.pop("name"))
    award = article.paragraphs[0] if first > 0 and len(article.paragraphs[0]) <= 20 else None
    kind = kind_of(award or name, kind_of(name))
    body = fields.pop("body", [])
    out: dict = {}
    for key, value in fields.items():
        if key == "regular_projects":
            out[key] = [v for v in re.split(r"[、，,]", value.rstrip("。等 ")) if v.strip()]
        elif key in ("registered_volunteers", "activities_per_year", "volunteer_share"):
            try:
                parse_quantity(value)
                out[key] = value.rstrip("。")
            except QuantityError:
                continue
        else:
            out[key] = value.rstrip("。")
    where, rest = place(known, name)
    honoree, _ = _link(known, name)
    if honoree:
        drafts.links[name] = honoree
    drafts.honorees.append(DraftHonoree(kind, name, where.display if where else None, rest if where is None else None,
                                        out, "\n\n".join(body)[:MAX_BODY], award, honoree))


def _profiles_from_sections(article: Article, known: Known, drafts: Drafts) -> None:
    """A short line naming a listed honoree, then paragraphs about it, is that honoree's profile."""
    names = [e.name for e in article.list_entries]
    if not names or not drafts.editions:
        return
    lines = article.paragraphs
    starts = []
    for i, line in enumerate(lines):
        if len(line) > 40 or re.search(r"[。，,；;！？]", line):
            continue
        match = next((n for n in names if _similar(n, line)), None)
        if match and any(len(x) > 40 for x in lines[i + 1:i + 3]):
            starts.append((i, match, line))
    for k, (i, name, heading) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        body = []
        for para in lines[i + 1:end]:
            if len(para) <= 40 and not re.search(r"[。，,]", para) and HONOREE_END.search(para):
                break  # the next honoree's heading, not a listed one
            body.append(para)
        if any(h.name == name for h in drafts.honorees):
            continue
        category = next((e.category for e in article.list_entries if e.name == name), None)
        kind = kind_of(category or "", kind_of(name))
        where, rest = place(known, name)
        if where is None:
            where = _first_place(known, "".join(body), _main_region(known, drafts))
        honoree, _ = _link(known, name)
        if honoree:
            drafts.links[name] = honoree
        drafts.honorees.append(DraftHonoree(kind, name, where.display if where else None,
                                            rest if where is None else None, {},
                                            "\n\n".join(body)[:MAX_BODY], category, honoree))


def _main_region(known: Known, drafts: Drafts) -> Region | None:
    """The city (or province) most of the article's places lie in."""
    if known.regions is None or not drafts.regions:
        return None
    counts: dict[str, int] = {}
    for display in drafts.regions:
        chain = known.regions.ancestors(known.regions.normalise(display).path)
        key = chain[min(1, len(chain) - 1)].path
        counts[key] = counts.get(key, 0) + 1
    return known.regions.get(max(counts, key=counts.get))


def _first_place(known: Known, text: str, within: Region | None) -> Region | None:
    """The first place named in text that lies within the given region; else that region."""
    for m in _ADMIN_RUN.finditer(text[:2000]):
        for start in range(0, len(m.group(0)) - 1):
            where, _ = place(known, m.group(0)[start:])
            if where is not None:
                break
        else:
            continue
        if within is None or where.path.startswith(within.path):
            return where
    return within


def _statistics(article: Article, drafts: Drafts) -> None:
    seen = set()
    for para in article.paragraphs:
        for sentence in re.split(r"(?<=[。；;！？])", para):
            for m in _STAT.finditer(sentence):
                metric = _METRIC_LEAD.sub("", re.split(r"[，,、。；;：:“”]", m.group("metric"))[-1])
                metric = re.sub(r"(?:已|达|共|为|有|均)+$", "", metric)
                value = re.sub(r"\s", "", m.group("value"))
                if len(metric) < 2 or not re.search(r"[万亿余多近约逾超%％]", value) and not metric.endswith(("人数", "志愿者")):
                    continue
                try:
                    quantity = parse_quantity(value)
                except QuantityError:
                    continue
                if (metric, value) not in seen:
                    seen.add((metric, value))
                    drafts.statistics.append(DraftStat(metric, value, sentence.strip()[:300], quantity))


def _regions(article: Article, known: Known, drafts: Drafts) -> None:
    if known.regions is None:
        return
    found = []
    text = article.title + "\n" + article.body[:5000]
    for m in _ADMIN.finditer(text):
        where, _ = place(known, m.group(0))
        if where is not None and where.display not in found and where.depth >= 2:
            found.append(where.display)
    drafts.regions = found[:20]


def structure(article: Article, known: Known | None = None) -> Drafts:
    """Draft records found in an article. Pass `known` to place regions and link existing honorees."""
    known = known or Known()
    drafts = Drafts(article)
    if article.is_empty:
        return drafts
    _regions(article, known, drafts)
    main = _main_region(known, drafts)
    drafts.main_region = main.display if main else None
    _editions(article, known, drafts)
    _profile_from_form(article, known, drafts)
    _profiles_from_sections(article, known, drafts)
    _statistics(article, drafts)
    return drafts
