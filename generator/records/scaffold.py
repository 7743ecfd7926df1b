"""`bangyang new`: a valid skeleton record at the right path, never over an existing file."""

from __future__ import annotations

from pathlib import Path

from generator.domain.ids import is_slug, name_key
from generator.records.load import load
from generator.domain.model import HONOREE_MODELS, KIND_DIR, HonoreeBase
from generator.domain.regions import RegionError
from generator.domain.slugs import propose_slug



class ScaffoldError(ValueError):
    """Why no record was written."""


def _skeleton(kind: str, name: str, region: str, schema_rel: str) -> str:
    model = HONOREE_MODELS[kind]
    extra = [(n, f) for n, f in model.model_fields.items() if n not in HonoreeBase.model_fields]
    lines = [
        f"# yaml-language-server: $schema={schema_rel}",
        f"name: {name}",
        f"region: {region}",
        "summary: # 一两句话的简介; 不写则从正文截取",
        "body: |",
        "  主要事迹写在这里, 可用 Markdown。",
    ]
    for field_name, info in extra:
        lines.append(f"# {field_name}:  # {info.title}")
    lines += [
        "stats: []  # 例: - {metric: 注册志愿者, value: 2202人}",
        "sources: []  # 例: - {publisher: 中国文明网, date: 2018-01-04, editor: 毛宁}",
        "status: published  # draft 只在预览中显示",
    ]
    return "\n".join(lines) + "\n"


def new_record(project: Path, kind: str, name: str, region_text: str | None, slug: str | None) -> tuple[Path, str]:
    """Write a skeleton for a new honoree; returns (file path, site URL)."""
    content = project / "content"
    loaded = load(content)
    table = loaded.regions
    region = None
    candidates = [region_text] if region_text else [name[:i] for i in range(len(name), 1, -1)]
    for text in candidates:
        try:
            region = table.normalise(text)
            break
        except RegionError as exc:
            if region_text:
                raise ScaffoldError(f"地区 “{region_text}”: {exc}") from None
    if region is None:
        raise ScaffoldError("没能从名称中识别地区; 请用 --region 指明, 如 --region 慈溪市浒山街道")
    if slug and not is_slug(slug):
        raise ScaffoldError(f"网址名 “{slug}” 只能用小写拼音、数字和连字符")
    for rec in loaded.records.values():
        if rec.view is not None and _same_honoree(table, name, region, rec):
            raise ScaffoldError(f"“{name}” 已有档案 {rec.file}; 在那里补充内容, 不要再建一份")
    record_id = propose_record_id(table, kind, name, region, slug)
    path = content / "records" / f"{record_id}.yaml"
    if path.exists():
        raise ScaffoldError(f"{path} 已存在, 没有改动它; 若确是另一个, 用 --slug 给它另起网址名")
    if record_id in loaded.records or any(record_id in getattr(r.model, "aliases", []) for r in loaded.records.values()):
        raise ScaffoldError(f"编号 {record_id} 已被使用; 换一个 --slug")
    schema_rel = "../" * (record_id.count("/") + 2) + f"schema/{kind}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as fh:  # "x": never replace a file that appeared meanwhile
        fh.write(_skeleton(kind, name, region.display, schema_rel))
    return path, f"{record_id}/"


def _same_honoree(table, name: str, region, rec) -> bool:
    """``rec`` is ``name``: by its full name, or by a short one in the same place."""
    if name_key(rec.view.name) == name_key(name):
        return True
    if name_key(name) not in {name_key(n) for n in getattr(rec.model, "also_known_as", [])}:
        return False
    try:
        return table.normalise(rec.view.region).path == region.path
    except RegionError:
        return False


def propose_record_id(table, kind: str, name: str, region, slug: str | None = None) -> str:
    """The id a new honoree gets: kind folder / province / pinyin of the name without its places."""
    chain = table.ancestors(region.path)
    province = chain[0].slug_path
    place = chain[min(2, len(chain) - 1)].slug_path.rsplit("/", 1)[-1] if len(chain) > 1 else ""
    slug = slug or propose_slug(name, place, [r.name for r in chain] + [f for r in chain for f in _shorts(r.name)])
    return f"{KIND_DIR[kind]}/{province}/{slug}"


def _shorts(name: str) -> list[str]:
    from generator.domain.regions import short_forms

    return short_forms(name)[1:]
