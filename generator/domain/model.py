"""The domain model: what each YAML record may hold, as typed, plain data.

Field names are English so editors get autocompletion from the JSON Schema;
every field carries its Chinese title, which the schema and the error messages
show.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from generator.domain.ids import ID_PATTERN, KIND_DIR, KIND_DIRS  # noqa: F401 - the model's vocabulary
from generator.domain.quantity import Quantity, QuantityError, parse_quantity

Status = Literal["draft", "published"]
Level = Literal["全国", "省", "市", "区县"]
Stage = Literal["推荐", "候选", "公示", "公布"]
InferredField = Literal["year", "level", "region", "announced", "stage", "title", "issuers", "scheme"]
INFERRED_LABELS: dict[str, str] = {"year": "年度", "level": "级别", "region": "范围", "announced": "公布日期",
                                   "stage": "阶段", "title": "名称", "issuers": "发布单位", "scheme": "系列"}
Kind = Literal["community", "organization", "project", "volunteer", "centre"]

KIND_LABELS: dict[str, str] = {
    "community": "村（社区）",
    "organization": "志愿服务组织",
    "project": "志愿服务项目",
    "volunteer": "志愿者",
    "centre": "志愿服务中心/文明实践阵地",
}

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Control characters, bidirectional overrides and zero-width spaces: never in a record, whatever
# YAML escapes allow. They hide text or reverse it on a page (“\u202e”), or part a name that
# reads whole (“何\u200b素贞” matches no 何素贞); a copy from another program leaves them, and a
# page its soft hyphens (“\xad”, where a narrow screen may break a long name).
UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def unprintable_message(text: str) -> str:
    found = UNPRINTABLE.search(text)
    code = f"U+{ord(found.group()):04X}" if found else ""
    return f"含有看不见的字符 ({code}); 多半是从别处复制来的, 删去后重写这段文字"

# A web address a page may link to: http(s) only (never javascript: or data:), no spaces or quotes.
WebUrl = Annotated[str, Field(pattern=r"^https?://[^\s<>\"'\\]+$", max_length=2000,
                              description="以 http:// 或 https:// 开头的网址")]
ATTACHMENT_SUFFIXES = ("docx", "xlsx", "xls", "ods", "pdf", "doc", "wps", "et")
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024  # an attachment larger than this is refused, read or fetched
# Under content/attachments/: lower-case folders and names whose dots only part words (so no
# “..”), ending in one of the attachment types.
_SEGMENT = r"[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)*"
ATTACHMENT_FILE = rf"^(?:{_SEGMENT}/)*{_SEGMENT}\.(?:{'|'.join(ATTACHMENT_SUFFIXES)})$"


def _to_quantity(raw: object) -> Quantity:
    if isinstance(raw, Quantity):
        return raw
    try:
        return parse_quantity(raw)
    except QuantityError as exc:
        raise ValueError(str(exc)) from None


QuantityField = Annotated[
    Quantity,
    PlainValidator(_to_quantity),
    PlainSerializer(lambda q: q.text, return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": r"^(近|约|逾|超过|超|突破|达|共)?\d[\d,]*(\.\d+)?.*$"},
            ],
            "description": "数字, 按原文写: 2202、“222万余人”、“35.1%”",
        }
    ),
]


def _to_date_text(raw: object) -> object:
    # YAML reads 2018-01-04 as a date; editors may also write 2025-07 or 2019.
    if isinstance(raw, _dt.datetime):
        return raw.date().isoformat()
    if isinstance(raw, _dt.date):
        return raw.isoformat()
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, str) and not _DATE.match(raw.strip()):
        raise ValueError(f"日期要写成 2018-01-04、2025-07 或 2019 的形式, 实际是 “{raw}”")
    return raw


PartialDate = Annotated[
    str,
    BeforeValidator(_to_date_text),
    WithJsonSchema({"type": "string", "pattern": _DATE.pattern, "description": "日期: 2018-01-04、2025-07 或 2019"}),
]


def _not_after_today(text: str | None) -> str | None:
    """A publication date later than today is a typo (or a copied year): never shown as printed."""
    if text and text > _dt.date.today().isoformat()[:len(text)]:
        raise ValueError(f"日期 “{text}” 晚于今天; 核对原文的日期")
    return text


PublishedDate = Annotated[PartialDate, AfterValidator(_not_after_today)]
RecordId = Annotated[str, Field(pattern=ID_PATTERN, description="记录编号 = content/records/ 下的路径, 不含 .yaml")]


class Strict(BaseModel):
    """Base: unknown fields are errors (so typos are caught), strings are trimmed."""

    # defer_build: a model's validator is made when it is first used, not on import; a
    # rebuild after one edit validates one kind of record.
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


QUOTE_MAX = 50


class Source(Strict):
    """Where a fact was published, and the words of it that the record rests on."""

    publisher: str | None = Field(None, title="来源", description="刊发原文的媒体或网站 (稿源), 如 中国文明网; 原文没写就不填")
    informant: str | None = Field(None, title="消息提供方",
                                  description="“记者从……获悉”的单位; 它提供了消息, 但不是来源")
    quote: str | None = Field(None, max_length=QUOTE_MAX, title="原文摘句",
                              description=f"本记录所依据的原文句子或表格行, 照录, 不超过{QUOTE_MAX}字")
    title: str | None = Field(None, title="标题")
    url: WebUrl | None = Field(None, title="网址", description="以 http:// 或 https:// 开头的网址")
    date: PublishedDate | None = Field(None, title="发布时间")
    author: str | None = Field(None, title="作者")
    editor: str | None = Field(None, title="编辑", description="编辑/责任编辑")
    site: str | None = Field(None, title="转载网站", description="刊登本文的网站, 如 浙江文明网")


class EditionFile(Strict):
    """A file the notice attached (the list as Word, Excel or PDF), kept in content/attachments/
    and offered for download on the edition page, as published."""

    title: str = Field(min_length=1, max_length=200, title="名称", description="如 附件1：2024年度……名单")
    file: str = Field(pattern=ATTACHMENT_FILE, title="文件",
                      description="content/attachments/ 下的路径, 用小写字母、数字和连字符, 如 ningbo-2024/fujian-1.docx")
    url: WebUrl | None = Field(None, title="原网址", description="以 http:// 或 https:// 开头的网址")


PHOTO_FILE = rf"^(?:{_SEGMENT}/)*{_SEGMENT}\.(?:jpg|jpeg|png|webp)$"


class Photo(Strict):
    """A photo of an honoree, kept in content/attachments/ and published resized."""

    file: str = Field(pattern=PHOTO_FILE, title="文件",
                      description="content/attachments/ 下的图片, 如 photos/cixi-yubo-1.jpg (jpg、png、webp)")
    alt: str = Field(min_length=1, max_length=200, title="替代文字", description="给看不到图片的读者: 图上是什么")
    caption: str | None = Field(None, max_length=300, title="图片说明")
    credit: str = Field(min_length=1, max_length=100, title="来源或摄影", description="照录原文署名, 如 宁波市文明办 供图")


class Statistic(Strict):
    """One published figure about an honoree or a region."""

    metric: str = Field(title="指标", description="如 注册志愿者、服务时长")
    value: QuantityField = Field(title="数值")
    date: PublishedDate | None = Field(None, title="截至日期")
    note: str | None = Field(None, title="说明")
    quote: str | None = Field(None, max_length=QUOTE_MAX, title="原文摘句",
                              description=f"这个数字所在的原文句子, 照录, 不超过{QUOTE_MAX}字")
    source: int = Field(1, ge=1, title="来源序号", description="依据本记录的第几个来源, 从 1 数起")


class HonoreeBase(Strict):
    """Fields every honoree has, whatever its kind."""

    name: str = Field(min_length=1, title="名称")
    also_known_as: list[str] = Field(default_factory=list, title="别名", description="其他写法, 用于链接和搜索")
    aliases: list[RecordId] = Field(default_factory=list, title="旧编号", description="改名前的编号; 旧网址会跳转到这里")
    region: str = Field(min_length=1, title="地区", description="如 慈溪市浒山街道; 须能在 content/regions.yaml 中找到")
    summary: str | None = Field(None, title="简介", description="不写则从正文截取")
    body: str = Field("", title="主要事迹", description="Markdown")
    stats: list[Statistic] = Field(default_factory=list, title="统计数字")
    sources: list[Source] = Field(default_factory=list, title="来源")
    photos: list[Photo] = Field(default_factory=list, max_length=20, title="照片")
    tags: list[str] = Field(default_factory=list, title="标签")
    status: Status = Field("published", title="状态", description="draft 只在预览中显示")

    @model_validator(mode="after")
    def _figures_cite_a_source(self) -> "HonoreeBase":
        for s in self.stats:
            if s.source > len(self.sources):
                raise ValueError(f"数字 “{s.metric}” 写的是第 {s.source} 个来源, 但 sources 只有 {len(self.sources)} 个")
        return self


class Community(HonoreeBase):
    """村(社区)."""

    leader: str | None = Field(None, title="负责人")
    registered_volunteers: QuantityField | None = Field(None, title="注册志愿者人数")
    volunteer_share: QuantityField | None = Field(None, title="注册志愿者占常住人口比例")
    regular_projects: list[str] = Field(default_factory=list, title="经常开展的志愿服务项目")
    activities_per_year: QuantityField | None = Field(None, title="每年组织志愿服务活动次数")
    recommended_by: str | None = Field(None, title="推荐单位")

    @field_validator("volunteer_share")
    @classmethod
    def _share_is_ratio(cls, v: Quantity | None) -> Quantity | None:
        if v is not None and not v.is_ratio:
            raise ValueError(f"比例要写成百分数, 如 35.1%, 实际是 “{v.text}”")
        return v


class Organization(HonoreeBase):
    """志愿服务组织."""

    host: str | None = Field(None, title="所属单位")
    founded: PublishedDate | None = Field(None, title="成立时间")
    recommended_by: str | None = Field(None, title="推荐单位")


class Project(HonoreeBase):
    """志愿服务项目."""

    organization: str | None = Field(None, title="实施主体")
    organization_id: RecordId | None = Field(None, title="实施主体编号", description="实施主体有本站记录时填写")
    started: PublishedDate | None = Field(None, title="开始时间")
    recommended_by: str | None = Field(None, title="推荐单位")


class Volunteer(HonoreeBase):
    """志愿者; 可为联名条目, 如 “陶成诚、黄先红”."""

    people: list[str] = Field(default_factory=list, title="人员", description="联名条目逐一列出")
    occupation: str | None = Field(None, title="身份")
    recommended_by: str | None = Field(None, title="推荐单位")


class Centre(HonoreeBase):
    """志愿服务中心, 新时代文明实践中心、所、站."""

    centre_type: str | None = Field(None, title="阵地类型", description="如 社区志愿服务中心、新时代文明实践所")
    recommended_by: str | None = Field(None, title="推荐单位")


HONOREE_MODELS: dict[str, type[HonoreeBase]] = {
    "community": Community,
    "organization": Organization,
    "project": Project,
    "volunteer": Volunteer,
    "centre": Centre,
}
Honoree = Union[Community, Organization, Project, Volunteer, Centre]


class IssuerPeriod(Strict):
    """Who issued a scheme's editions over a span of years."""

    from_year: int | None = Field(None, title="起始年度")
    to_year: int | None = Field(None, title="截止年度")
    issuers: list[str] = Field(min_length=1, title="发布单位")


class Scheme(Strict):
    """An award series, e.g. 全国志愿服务“四个100”."""

    name: str = Field(min_length=1, title="名称")
    short_name: str | None = Field(None, title="简称")
    level: Level = Field(title="级别")
    description: str = Field("", title="说明", description="Markdown")
    issuers_history: list[IssuerPeriod] = Field(default_factory=list, title="历年发布单位")
    sources: list[Source] = Field(default_factory=list, title="来源")
    status: Status = Field("published", title="状态", description="draft 只在预览中显示")


class Entry(Strict):
    """One place on a list: a linked honoree, or a stub with name and region."""

    honoree: RecordId | None = Field(None, title="入选者编号", description="有档案时填写")
    stub: RecordId | None = Field(None, title="简页编号", description="暂无档案时, 为此条目生成简页的编号")
    name: str | None = Field(None, title="名称", description="无档案时必填; 有档案时可写榜单上的原文")
    region: str | None = Field(None, title="地区")
    role: str | None = Field(None, title="说明", description="如 推荐单位、身份")
    rank: int | None = Field(None, ge=1, title="名次", description="原文印有名次时照录; 只用于按名次排列的榜单 (ranked: true)")

    @model_validator(mode="after")
    def _one_target(self) -> "Entry":
        if self.honoree and self.stub:
            raise ValueError("honoree 和 stub 只能写一个: 有档案写 honoree, 没有档案写 stub")
        if not self.honoree and not self.stub:
            raise ValueError("每个条目要有 honoree (档案编号) 或 stub (简页编号) 之一")
        if self.stub and not self.name:
            raise ValueError("stub 条目必须写 name (榜单上的名称)")
        return self


class Category(Strict):
    """A category of an edition, with its quota and ordered entries."""

    name: str = Field(min_length=1, title="类别")
    kind: Kind = Field(title="入选者类型")
    quota: int | None = Field(None, ge=1, title="名额")
    entries: list[Entry] = Field(default_factory=list, title="名单", description="按公布顺序")


class Publicity(Strict):
    """A 公示: how long the list is open to objections, and where to send them."""

    start: PartialDate = Field(title="公示开始")
    end: PartialDate = Field(title="公示截止")
    phone: str | None = Field(None, max_length=100, title="反馈电话")
    email: str | None = Field(None, pattern=r"^[^@\s<>\"']+@[^@\s<>\"']+$", max_length=200, title="反馈邮箱")
    address: str | None = Field(None, max_length=300, title="来信地址")

    @model_validator(mode="after")
    def _ends_after_it_starts(self) -> "Publicity":
        if self.end < self.start:
            raise ValueError(f"公示截止 {self.end} 早于开始 {self.start}; 核对原文的日期")
        return self


def _inferred_map(raw: object) -> object:
    # Older drafts list the fields only: [year, level]. Their basis is then the import.
    if isinstance(raw, list) and all(isinstance(k, str) for k in raw):
        return {k: "导入时推断" for k in raw}
    return raw


class Edition(Strict):
    """One year's list of a scheme."""

    scheme: RecordId = Field(title="系列编号", description="如 schemes/quanguo-sige100")
    year: int = Field(ge=1949, title="年度", description="评选年度, 不是公布日期")
    title: str = Field(min_length=1, title="名称")
    level: Level = Field(title="级别")
    region: str | None = Field(None, title="范围", description="省、市级榜单的地区")
    announced: PublishedDate | None = Field(None, title="公布日期")
    stage: Stage = Field("公布", title="阶段")
    issuers: list[str] = Field(default_factory=list, title="发布单位")
    document_number: str | None = Field(None, title="文号", description="照录, 如 沪文明办〔2023〕2号")
    publicity: Publicity | None = Field(None, title="公示", description="公示期和意见反馈方式 (阶段为公示时)")
    sources: list[Source] = Field(default_factory=list, title="来源")
    note: str | None = Field(None, title="说明")
    status: Status = Field("published", title="状态")
    attachments: list[EditionFile] = Field(default_factory=list, title="附件", description="公告所附的名单原件")
    ranked: bool = Field(False, title="按名次排列",
                         description="原文按名次排列 (第一名、第二名……) 才写 true; 默认 false: 顺序只是公布顺序, 页面不显示名次")
    order_note: str | None = Field(None, title="原文对顺序的说明", description="原文写了才填, 照录, 如 排名不分先后")
    inferred: Annotated[dict[InferredField, str], BeforeValidator(_inferred_map)] = Field(
        default_factory=dict, title="推断的字段",
        description="原文没有写明、由编辑或导入推断的字段, 及推断依据, 如 announced: 据报道日期; "
                    "页面上标出“推断”和依据。核对原文后删去")
    categories: list[Category] = Field(min_length=1, title="类别")

    @field_validator("year")
    @classmethod
    def _not_future(cls, year: int) -> int:
        this_year = _dt.date.today().year
        if year > this_year:
            raise ValueError(f"年度 {year} 在将来 (今年是 {this_year}); 年度是评选年度, 请检查")
        return year


class StatSheet(Strict):
    """Figures published about a region at one date."""

    region: str = Field(min_length=1, title="地区")
    date: PublishedDate = Field(title="截至日期")
    title: str | None = Field(None, title="标题")
    source: Source = Field(title="来源")
    items: list[Statistic] = Field(min_length=1, title="统计数字")
    status: Status = Field("published", title="状态")

    @model_validator(mode="after")
    def _one_source(self) -> "StatSheet":
        for s in self.items:
            if s.source != 1:
                raise ValueError(f"数字 “{s.metric}” 写的是第 {s.source} 个来源, 但统计表只有一个 source")
        return self


class NewsMeta(Strict):
    """Front matter of a news article in content/news/."""

    title: str = Field(min_length=1, title="标题")
    date: str = Field(title="发布时间", description="如 2025-07-03 13:57")
    original_title: str | None = Field(None, title="原标题", description="标题改短或改写时, 照录原文标题")
    source: str | None = Field(None, title="来源", description="刊发原文的媒体或网站; 原文没写就不填")
    informant: str | None = Field(None, title="消息提供方", description="“记者从……获悉”的单位; 不是来源")
    author: str | None = Field(None, title="作者")
    editor: str | None = Field(None, title="编辑")
    source_url: WebUrl | None = Field(None, title="原文网址", description="以 http:// 或 https:// 开头的网址")
    site: str | None = Field(None, title="转载网站")
    honorees: list[RecordId] = Field(default_factory=list, title="提及的入选者")
    regions: list[str] = Field(default_factory=list, title="涉及地区")
    editions: list[RecordId] = Field(default_factory=list, title="涉及榜单")
    status: Status = Field("published", title="状态")
    summary: str | None = Field(None, title="摘要")

    @field_validator("date")
    @classmethod
    def _a_real_date(cls, value: str) -> str:
        try:
            text = value.strip().replace("T", " ")[:16]
            _dt.datetime.strptime(text, "%Y-%m-%d %H:%M" if len(text) > 10 else "%Y-%m-%d")
        except ValueError:
            raise ValueError(f"“{value}” 不是日期; 写成 2025-07-03 或 2025-07-03 13:57") from None
        _not_after_today(text[:10])
        return value


class SiteInfo(Strict):
    """content/site.yaml: the portal's name and the fields government-site rules require."""

    name: str = Field(title="网站名称")
    domain: str = Field(title="网站域名", description="SiteDomain")
    site_url: str = Field("", title="网站地址", description="站点地图和订阅用的绝对地址, 不含末尾斜杠")
    site_id_code: str = Field(title="网站标识码", description="SiteIDCode")
    sponsor: str = Field(title="主办单位")
    organizer: str | None = Field(None, title="承办单位")
    icp: str = Field(title="ICP备案号")
    police_record: str | None = Field(None, title="公安备案号")
    police_record_code: str | None = Field(None, title="公安备案编码", description="备案号中的数字, 用于链接")
    party_gov_badge: bool = Field(True, title="显示党政机关标识")
    party_gov_badge_url: WebUrl | None = Field(None, title="党政机关标识链接", description="标识注册后给出的核验网址")
    correction_url: Annotated[str, Field(pattern=r"^(?:https?://[^\s<>\"'\\]+|mailto:[^\s<>\"'\\]+)$", max_length=2000)] | None = Field(
        None, title="纠错网址", description="读者报告错误的网址或 mailto: 邮箱地址; 每页页脚有“纠错”链接")
    contact: str | None = Field(None, title="联系方式")
    description: str = Field("", title="网站说明")
    data_license: str | None = Field(None, title="开放数据许可",
                                     description="开放数据的许可协议, 如 CC-BY-4.0; 不写则不声明")


RECORD_MODELS: dict[str, type[Strict]] = {
    **{d: HONOREE_MODELS[k] for d, k in KIND_DIRS.items()},
    "schemes": Scheme,
    "editions": Edition,
    "statistics": StatSheet,
}
