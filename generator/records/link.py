"""Link step: names, ids and regions → one consistent Catalog, or located problems."""

from __future__ import annotations

import difflib

from generator.records.catalog import AwardRef, Catalog, Category, EditionInfo, Entry, Honoree, NewsInfo, StatSheetInfo
from generator.records.load import Loaded
from generator.records.record import Record
from generator.domain.model import Scheme, KIND_DIR, KIND_DIRS, KIND_LABELS, Edition
from generator.domain.problems import ContentError, Problem
from generator.domain.regions import Region, RegionError
from generator.domain.ids import name_key
from generator.domain.values import Unkept, Values
from generator.domain.slugs import cached_pinyin_words
from generator.records import yamlfile


class _Linker:
    def __init__(self, loaded: Loaded, include_drafts: bool, memo: Values):
        self.memo = memo
        self.loaded = loaded
        self.include_drafts = include_drafts
        self.problems: list[Problem] = list(loaded.problems)
        # The records that are not honorees, by type, in file order: a few hundred among a
        # hundred thousand honorees, looked for by three steps.
        self.others: dict[str, list[tuple[str, Record]]] = {}
        for rid, rec in loaded.records.items():
            if rec.type not in KIND_DIRS:
                self.others.setdefault(rec.type, []).append((rid, rec))
        self.honorees: dict[str, Honoree] = {}
        self.redirects: dict[str, str] = {}
        self.named: dict[tuple, str] = {}  # (name, region) → the record of that name there
        self.by_name: dict[str, str] = {}

    def problem(self, record: Record | None, file: str, loc: tuple, message: str, at_key: bool = False) -> None:
        text = record.text if record else ""
        line, col = yamlfile.locate(text, loc, want_key=at_key) if text else (0, 0)
        self.problems.append(Problem(file, line, col, ".".join(str(x) for x in loc), message))

    def region(self, text: str | None, record: Record, loc: tuple, within: Region | None = None) -> Region | None:
        if not text:
            return None
        try:
            return self.loaded.regions.normalise(text)
        except RegionError as first:
            if within is not None:
                try:
                    return self.loaded.regions.normalise(within.path + "/" + text)
                except RegionError:
                    pass
            self.problem(record, record.file, loc, str(first))
            return None

    def visible(self, status: str) -> bool:
        return self.include_drafts or status == "published"

    # -- honorees -------------------------------------------------------
    def link_honorees(self) -> None:
        # Only the records' views: a record read from the build cache unpickles its model
        # when a page needs it (generator.records.record).
        seen: dict[tuple, str] = {}  # (name, region) → the first record of it, whatever its kind
        viewed = []  # (id, record, view) of each honoree record, for the checks below
        for rid, rec in self.loaded.records.items():
            view = rec.view
            if view is None:
                continue
            viewed.append((rid, rec, view))
            region = self.region(view.region, rec, ("region",))
            key = (name_key(view.name), region.path if region else view.region)
            same = seen.setdefault(key, rid)
            if same != rid:  # named at the later id of the two, whatever order the files were read in
                first, copy = sorted((same, rid))
                seen[key] = first
                other = self.loaded.records[copy]
                self.problem(other, other.file, ("name",), f"与 {first} 同名、同地区, 像是同一份档案的副本; 是同一个就"
                                                           "合并成一个文件(删去的编号写进另一个的 aliases), 确是两个就在 name 里写全称以示区别")
            if not self.visible(view.status):
                continue
            self.honorees[rid] = Honoree(rid, KIND_DIRS[rec.type], view.name, region, rec, rec.file, photos=view.photos)
        self.named = seen
        for (key, _), rid in seen.items():  # the first id of a name, for entries that give no region
            if rid < self.by_name.get(key, "\uffff"):
                self.by_name[key] = rid
        for rid, rec, view in viewed:
            for i, old in enumerate(view.aliases):
                if old in self.loaded.records:
                    self.problem(rec, rec.file, ("aliases", i), f"旧编号 {old} 仍是一个现有记录的编号; 旧编号只能是已不存在的编号")
                elif old in self.redirects and self.redirects[old] != rid:
                    self.problem(rec, rec.file, ("aliases", i), f"旧编号 {old} 已被 {self.redirects[old]} 使用")
                else:
                    self.redirects[old] = rid
            if view.organization_id and view.organization_id not in self.loaded.records:
                self.problem(rec, rec.file, ("organization_id",), f"找不到记录 {view.organization_id}")
            for i, photo in enumerate(view.photos):
                if photo not in self.loaded.attachments:
                    self.problem(rec, rec.file, ("photos", i, "file"),
                                 f"找不到照片 content/attachments/{photo}; 把图片放到那里, 或删去这一项")
                elif not _looks_like_image(self.loaded.root / "attachments" / photo):
                    self.problem(rec, rec.file, ("photos", i, "file"),
                                 f"content/attachments/{photo} 不是 JPEG、PNG 或 WebP 图片; 换成照片原图")

    # -- editions -------------------------------------------------------
    def link_editions(self) -> dict[str, EditionInfo]:
        schemes = self.schemes()
        editions: dict[str, EditionInfo] = {}
        stub_names: dict[str, str] = {}
        for eid, rec in sorted(self.others.get("editions", []), key=lambda kv: kv[0]):
            ed: Edition = rec.model
            if ed.scheme not in schemes:
                self.problem(rec, rec.file, ("scheme",), f"找不到系列 {ed.scheme}; 系列记录放在 content/records/schemes/ 下")
            elif self.visible(ed.status) and not self.visible(schemes[ed.scheme].status):
                self.problem(rec, rec.file, ("scheme",), f"系列 {ed.scheme} 还是草稿 (status: draft); 先发布系列, 再发布榜单")
            scope = self.region(ed.region, rec, ("region",))
            for i, attached in enumerate(ed.attachments):
                if attached.file not in self.loaded.attachments:
                    self.problem(rec, rec.file, ("attachments", i, "file"),
                                 f"找不到附件 content/attachments/{attached.file}; 把原件放到那里, 或删去这一项")
            categories: list[Category] = []
            for ci, cat in enumerate(ed.categories):
                entries: list[Entry] = []
                for ei, entry in enumerate(cat.entries):
                    loc = ("categories", ci, "entries", ei)
                    region = self.region(entry.region, rec, loc + ("region",), within=scope)
                    target = entry.honoree or entry.stub
                    assert target is not None
                    if entry.honoree:
                        target_rec = self.loaded.records.get(entry.honoree)
                        if entry.honoree in self.loaded.failed:
                            continue  # its own file's problem is already reported
                        if target_rec is None or not target_rec.is_honoree:
                            guess = self._guess(entry.honoree)
                            self.problem(rec, rec.file, loc + ("honoree",),
                                         f"找不到入选者 {entry.honoree}{guess}; 没有档案的条目请改用 stub: 并写上 name")
                            continue
                        kind = KIND_DIRS[target_rec.type]
                        if kind != cat.kind:
                            self.problem(rec, rec.file, loc + ("honoree",),
                                         f"{entry.honoree} 是{KIND_LABELS[kind]}, 但类别 “{cat.name}” 收录的是{KIND_LABELS[cat.kind]}")
                        if entry.honoree not in self.honorees:  # a draft, hidden from the published site
                            self.honorees[entry.honoree] = Honoree(
                                entry.honoree, kind, entry.name or target_rec.view.name, region, None)
                        region = region or self.honorees[entry.honoree].region
                    else:
                        if target in self.loaded.records:
                            self.problem(rec, rec.file, loc + ("stub",),
                                         f"{target} 已有档案; 把 stub: 改为 honoree:")
                            continue
                        key = name_key(entry.name or "")
                        profile = self.named.get((key, region.path)) if region is not None else self.by_name.get(key)
                        if profile is not None:
                            self.problem(rec, rec.file, loc + ("stub",),
                                         f"“{entry.name}” 已有档案 {profile}; 把这一条改为 honoree: {profile}, "
                                         "不要另建简页")
                            continue
                        if stub_names.setdefault(target, entry.name or "") != (entry.name or ""):
                            self.problem(rec, rec.file, loc + ("stub",),
                                         f"简页编号 {target} 已用于 “{stub_names[target]}”; 换一个编号")
                            continue
                        if target.split("/")[0] != KIND_DIR[cat.kind]:
                            self.problem(rec, rec.file, loc + ("stub",),
                                         f"简页编号要以 {KIND_DIR[cat.kind]}/ 开头 (类别收录{KIND_LABELS[cat.kind]})")
                            continue
                        self.honorees.setdefault(target, Honoree(target, cat.kind, entry.name or "", region, None))
                    listed = entry.name or self.honorees[target].name
                    entries.append(Entry(ei + 1, self._rank(ed, cat, ei), target, listed, region, entry.role))
                self.check_ranks(rec, ed, ci)
                if cat.quota is not None and len(cat.entries) > cat.quota:
                    self.problem(rec, rec.file, ("categories", ci, "entries", cat.quota),
                                 f"类别 “{cat.name}” 名额 (quota) 是 {cat.quota}, 这里列了 {len(cat.entries)} 个; "
                                 "核对原文, 删去多出的条目或改正名额")
                slug = _category_slug(cat.name, ci, self.memo)
                if any(c.slug == slug for c in categories):  # two names with one reading
                    slug = f"{slug}-{ci + 1}"
                categories.append(Category(cat.name, slug, cat.kind, cat.quota, entries))
            if self.visible(ed.status):
                editions[eid] = EditionInfo(eid, ed, ed.scheme, scope, categories, rec.file)
                for category in categories:
                    for en in category.entries:
                        self.honorees[en.honoree_id].awards.append(AwardRef(
                            eid, ed.scheme, ed.title, ed.year, ed.level, ed.stage, category.name, en.position, en.rank,
                            ed.announced, ed.inferred.get("announced"), en.name))
        # Honorees on no published list and stubs of hidden lists stay; awards in year order.
        for h in self.honorees.values():
            if len(h.awards) > 1:  # most have one
                h.awards.sort(key=lambda a: (a.year, a.edition_id, a.position))
        return editions

    @staticmethod
    def _rank(ed: Edition, cat, index: int) -> int | None:
        """The printed rank, or the place in a ranked list the site holds whole; else none."""
        if not ed.ranked:
            return None
        entry = cat.entries[index]
        return entry.rank or (index + 1 if cat.quota == len(cat.entries) else None)

    def check_ranks(self, rec: Record, ed: Edition, ci: int) -> None:
        cat = ed.categories[ci]
        for ei, entry in enumerate(cat.entries):
            loc = ("categories", ci, "entries", ei, "rank")
            if entry.rank is not None and not ed.ranked:
                self.problem(rec, rec.file, loc, "这份榜单没写 ranked: true, 条目不能有名次; 原文按名次排列才写 ranked: true")
                return
            if ed.ranked and entry.rank is None and cat.quota != len(cat.entries):
                self.problem(rec, rec.file, loc[:-1],
                             f"按名次排列的榜单只收录了类别 “{cat.name}” 的一部分, 名次不能按顺序推算; "
                             "给每个条目写上原文的名次 rank, 或收全名单并写明名额 quota")
                return

    def _guess(self, wanted: str) -> str:
        ids = [i for i, r in self.loaded.records.items() if r.type in KIND_DIRS]
        close = difflib.get_close_matches(wanted, ids, n=1, cutoff=0.7)
        return f" (是否想写 {close[0]}?)" if close else ""

    def schemes(self) -> dict[str, Scheme]:
        return {i: r.model for i, r in self.others.get("schemes", [])}

    def statsheets(self) -> list[StatSheetInfo]:
        out = []
        for sid, rec in self.others.get("statistics", []):
            region = self.region(rec.model.region, rec, ("region",))
            if region is not None and self.visible(rec.model.status):
                out.append(StatSheetInfo(sid, rec.model, region))
        return sorted(out, key=lambda s: (s.region.path, s.model.date, s.id))

    def news(self) -> dict[str, NewsInfo]:
        out: dict[str, NewsInfo] = {}
        for nf in self.loaded.news:
            for key, ids, known in (("honorees", nf.meta.honorees, self.loaded.records),
                                    ("editions", nf.meta.editions, self.loaded.records)):
                for ref in ids:
                    if ref not in known and ref not in self.loaded.failed:
                        self.problems.append(Problem(nf.file, nf.lines.get(key, 1), 1, key, f"找不到记录 {ref}"))
            regions = []
            for text in nf.meta.regions:
                try:
                    regions.append(self.loaded.regions.normalise(text))
                except RegionError as exc:
                    self.problems.append(Problem(nf.file, nf.lines.get("regions", 1), 1, "regions", str(exc)))
            if self.visible(nf.meta.status):
                out[nf.slug] = NewsInfo(nf.slug, nf.meta, regions, nf.text)
        for slug, info in sorted(out.items(), key=lambda kv: kv[1].meta.date, reverse=True):
            for hid in info.meta.honorees:
                if hid in self.honorees:
                    self.honorees[hid].news.append(slug)
        return out


def _looks_like_image(path) -> bool:
    """The first bytes of a JPEG, PNG or WebP file: a renamed document is caught here, at its record's line."""
    try:
        with open(path, "rb") as f:
            head = f.read(12)
    except OSError:
        return False
    return head.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")


def _category_slug(name: str, index: int, memo: Values) -> str:
    words = cached_pinyin_words(name, memo)
    return "".join(words)[:40] or f"c{index + 1}"


def link(loaded: Loaded, include_drafts: bool = False, memo: Values | None = None) -> Catalog:
    """Resolve every reference; raise ContentError listing all problems if any remain.

    ``memo``: the build cache's worked-out values (pinyin of category names), if any."""
    linker = _Linker(loaded, include_drafts, memo if memo is not None else Unkept())
    linker.link_honorees()
    editions = linker.link_editions()
    statsheets = linker.statsheets()
    news = linker.news()
    if linker.problems or loaded.site is None:
        raise ContentError(linker.problems)
    return Catalog(
        site=loaded.site,
        regions=loaded.regions,
        honorees=dict(sorted(linker.honorees.items())),
        schemes={i: s for i, s in linker.schemes().items() if linker.visible(s.status)},
        editions=editions,
        statsheets=statsheets,
        news=news,
        redirects=dict(sorted(linker.redirects.items())),
        hashes=loaded.hashes,
        attachments={f.file: (str(loaded.root / "attachments" / f.file), loaded.attachments[f.file])
                     for e in editions.values() for f in e.model.attachments},
        photos={p: str(loaded.root / "attachments" / p) for h in linker.honorees.values() for p in h.photos},
    )
