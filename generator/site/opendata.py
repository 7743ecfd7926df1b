"""Open data: CSV files with Chinese column titles for the editors who open them in Excel, and a
Frictionless Data package (data/datapackage.json) that gives each column its type and meaning.

Each Table Schema is written once here; the CSV headers are its field names.
"""

from __future__ import annotations

import csv
import io

import orjson

from generator.domain.model import KIND_LABELS
from generator.records.catalog import EditionInfo, Honoree

YES_NO = {"trueValues": ["是"], "falseValues": ["否"]}

# (field name = CSV header, type, description, constraints or format)
HONOREE_FIELDS = [
    ("编号", "string", "记录编号, 也是本站网址中的路径", {"required": True, "unique": True}),
    ("名称", "string", "档案名称, 照录原文", {"required": True}),
    ("类型", "string", "入选者类型", {"enum": list(KIND_LABELS.values())}),
    ("地区", "string", "地区全路径, 省/市/区县/街道", {}),
    ("上榜", "boolean", "是: 在本站收录的榜单上 (先进典型); 否: 只在报道中出现的品牌与项目", YES_NO),
    ("简页", "boolean", "是: 只有榜单上的名称, 暂无档案", YES_NO),
    ("上榜次数", "integer", "本站收录的榜单中出现的次数; 各次见 awards.csv", {}),
    ("注册志愿者人数", "number", "档案所记注册志愿者人数 (社区); 原文写法见 figures.csv", {}),
    ("注册志愿者占常住人口比例", "number", "0 到 1 之间的比例 (社区)", {}),
    ("每年组织志愿服务活动次数", "number", "档案所记每年活动次数 (社区)", {}),
    ("网址", "string", "本站页面的相对地址", {}),
]
AWARD_FIELDS = [
    ("编号", "string", "入选者的记录编号, 见 honorees.csv", {"required": True}),
    ("榜单上的名称", "string", "榜单印出的名称, 照录", {"required": True}),
    ("榜单编号", "string", "榜单的记录编号; 名单见 editions/ 下同名 CSV", {"required": True}),
    ("榜单", "string", "榜单名称", {}),
    ("年度", "integer", "评选年度, 不是公布日期", {}),
    ("级别", "string", "全国、省、市或区县", {}),
    ("阶段", "string", "推荐、候选、公示或公布", {}),
    ("类别", "string", "榜单中的类别", {}),
    ("名次", "integer", "只有按名次排列的榜单才有; 其他榜单的顺序只是公布顺序", {}),
    ("公布日期", "string", "原文写的公布日期, 或推断的日期 (见下一列)", {}),
    ("公布日期为推断", "boolean", "是: 原文没有写公布日期, 这是推断 (如据报道日期)", YES_NO),
]
FIGURE_FIELDS = [
    ("编号", "string", "入选者的记录编号, 见 honorees.csv", {"required": True}),
    ("指标", "string", "如 注册志愿者、累计服务时长", {"required": True}),
    ("原文写法", "string", "照录原文, 如 222万余人", {"required": True}),
    ("数值", "number", "原文写法读出的数值, 如 2220000", {}),
    ("单位", "string", "如 人、小时、%", {}),
    ("限定", "string", "原文的“余”“近”“约”等", {}),
    ("截至", "string", "数字的截至日期", {}),
    ("原文摘句", "string", "数字所在的原文句子", {}),
]
EDITION_FIELDS = [
    ("类别", "string", "榜单中的类别", {"required": True}),
    ("序号", "integer", "本站所收条目在原文中的先后, 从 1 数起; 不是名次", {}),
    ("名次", "integer", "只有按名次排列的榜单才有", {}),
    ("名称", "string", "榜单上的名称, 照录", {"required": True}),
    ("编号", "string", "入选者的记录编号, 见 honorees.csv", {}),
    ("地区", "string", "地区全路径", {}),
    ("说明", "string", "榜单在名称旁印出的单位、职务等", {}),
]


def header(fields) -> list[str]:
    return [name for name, *_ in fields]


def table_schema(fields, primary_key: str | None = None) -> dict:
    schema: dict = {"fields": []}
    for name, kind, description, extra in fields:
        field = {"name": name, "title": name, "type": kind, "description": description}
        constraints = {k: v for k, v in extra.items() if k in ("required", "unique", "enum")}
        if constraints:
            field["constraints"] = constraints
        field.update({k: v for k, v in extra.items() if k in ("trueValues", "falseValues")})
        schema["fields"].append(field)
    if primary_key:
        schema["primaryKey"] = primary_key
    schema["missingValues"] = [""]
    return schema


def _yes(flag: bool) -> str:
    return "是" if flag else "否"


def _number(quantity) -> object:
    return quantity.as_dict()["value"] if quantity is not None else ""


def honoree_rows(h: Honoree, url: str) -> tuple[list, list[list], list[list]]:
    """One honoree's row of honorees.csv, its rows of awards.csv, and of figures.csv."""
    record = h.record
    share = getattr(record, "volunteer_share", None)
    row = [h.id, h.name, KIND_LABELS[h.kind], h.region.path if h.region else "", _yes(h.awarded), _yes(h.is_stub),
           len(h.awards), _number(getattr(record, "registered_volunteers", None)),
           (round(share.value, 6) if share is not None else ""),
           _number(getattr(record, "activities_per_year", None)), url]
    awards = [[h.id, a.listed_name, a.edition_id, a.edition_title, a.year, a.level, a.stage, a.category,
               a.rank if a.rank is not None else "", a.announced or "", _yes(a.announced_basis is not None)]
              for a in h.awards]
    figures = []
    if record is not None:
        for field, label in (("registered_volunteers", "注册志愿者人数"), ("volunteer_share", "注册志愿者占常住人口比例"),
                             ("activities_per_year", "每年组织志愿服务活动次数")):
            q = getattr(record, field, None)
            if q is not None:
                figures.append([h.id, label, q.text, _number(q), q.unit, q.qualifier, "", ""])
        for s in record.stats:
            figures.append([h.id, s.metric, s.value.text, _number(s.value), s.value.unit, s.value.qualifier,
                            s.date or "", s.quote or ""])
    return row, awards, figures


def edition_rows(e: EditionInfo) -> list[list]:
    return [[c.name, en.position, en.rank if en.rank is not None else "", en.name, en.honoree_id,
             en.region.path if en.region else "", en.role or ""] for c in e.categories for en in c.entries]


def csv_lines(rows) -> str:
    """``rows`` as CSV lines, to be joined under a header by ``csv_text``."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def csv_text(header_row: list[str], lines: str) -> str:
    """A CSV file: the header, then ``lines`` (``csv_lines``)."""
    # A BOM so that Excel, which most editors use, opens the Chinese text correctly.
    return "\ufeff" + csv_lines([header_row]) + lines


def datapackage(site, updated: str, editions: list[EditionInfo]) -> str:
    """data/datapackage.json: every CSV, its Table Schema, the licence and the update date."""
    def resource(name: str, path: str, title: str, fields, key: str | None = None) -> dict:
        return {"name": name, "profile": "tabular-data-resource", "path": path, "title": title, "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig", "schema": table_schema(fields, key)}

    resources = [
        resource("honorees", "honorees.csv", "先进典型与品牌项目", HONOREE_FIELDS, "编号"),
        resource("awards", "awards.csv", "上榜记录, 每次上榜一行", AWARD_FIELDS),
        resource("figures", "figures.csv", "档案中的数字, 照录原文并读出数值", FIGURE_FIELDS),
    ]
    for e in sorted(editions, key=lambda e: e.id):
        resources.append(resource(e.id.split("/", 1)[1], f"{e.id}.csv", e.model.title, EDITION_FIELDS))
    package = {
        "profile": "tabular-data-package",
        "name": "bangyang-open-data",
        "title": f"{site.name} 开放数据",
        "description": "志愿服务先进典型榜单、入选者和档案数字。名称照录原文; 推断的值另有标注。",
        "created": f"{updated}T00:00:00Z" if len(updated) == 10 else None,
        "resources": resources,
    }
    if site.data_license:
        package["licenses"] = [{"name": site.data_license}]
    if site.site_url:
        package["homepage"] = f"{site.site_url.rstrip('/')}/data/"
    return orjson.dumps({k: v for k, v in package.items() if v is not None}, option=orjson.OPT_INDENT_2).decode() + "\n"
