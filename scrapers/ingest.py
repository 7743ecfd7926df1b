"""`bangyang ingest URL|FILE...`: an article in, news and draft records out, nothing overwritten."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from generator.domain.ids import CACHE_ROOT, name_key
from generator.domain.problems import ContentError
from generator.records.load import load
from generator.domain.model import HONOREE_MODELS, KIND_DIR, KIND_DIRS, MAX_ATTACHMENT_BYTES
from generator.domain.regions import RegionError
from generator.records.scaffold import propose_record_id
from generator.domain.slugs import pinyin_words

from . import drafts as D
from .article import Article, KeptFile
from .decode import decode_html
from .attachments import SUFFIXES as ATTACHMENT_SUFFIXES
from .extract import extract_article, extract_attachment
from .fetch import Fetcher, FetchError, cached_snapshot, next_page
from .structuring import DraftEdition, DraftHonoree, Drafts, Known, KnownNews, structure

MAX_PAGES = 10
CACHE_DIR = CACHE_ROOT


def known_from(content: Path) -> Known:
    """Names, editions and schemes the project already has, for linking.

    Raises ContentError when a file cannot be read or does not validate: ingest would not
    know the names it holds, and would make a second record of one it has.
    """
    loaded = load(content)
    if loaded.problems:
        raise ContentError(loaded.problems)
    known = Known(regions=loaded.regions)
    for rid, rec in loaded.records.items():
        model = rec.model
        kind = rid.split("/", 1)[0]
        if kind in KIND_DIR.values() and hasattr(model, "also_known_as"):
            for name in [model.name, *model.also_known_as]:
                known.names[name_key(name)] = rid
        elif kind == "editions":
            known.editions[model.title] = rid
            known.edition_of[(model.scheme, model.year)] = rid
            for cat in model.categories:
                for e in cat.entries:
                    if e.stub and e.name:
                        known.stubs[name_key(e.name)] = e.stub
        elif kind == "statistics":
            try:
                known.statsheets.append((loaded.regions.normalise(model.region).path, str(model.date), rid))
            except RegionError:
                pass
        elif kind == "schemes":
            for name in (model.name, model.short_name):
                if name:
                    known.schemes[name] = rid
    for nf in loaded.news:
        meta = nf.meta
        known.news.append(KnownNews(meta.date[:16], meta.source, set(meta.honorees) | set(meta.editions),
                                    meta.title, meta.source_url))
    return known


def read_source(source: str, fetcher: Fetcher | None, cache: Path, use_cache: bool) -> tuple[Article, str | None]:
    """Extract an article from a file or URL (following “下一页”); returns it and the URL, if any."""
    if not re.match(r"^https?://", source):
        path = Path(source)
        if not path.is_file():
            return Article(reason=f"找不到文件 {source}"), None
        if path.suffix.lower() in ATTACHMENT_SUFFIXES:
            return extract_attachment(path.read_bytes(), path.name), None
        return extract_article(path.read_bytes()), None
    fetched = cached_snapshot(cache, source) if use_cache else None
    if fetched is None:
        if fetcher is None:
            raise FetchError("没有可用的抓取器")
        fetched = fetcher.fetch(source)
    article = extract_article(fetched.data, url=fetched.final_url, http_charset=fetched.charset)
    seen = {fetched.final_url}
    page_url = next_page(decode_html(fetched.data, fetched.charset).text, fetched.final_url)
    while page_url and page_url not in seen and len(seen) < MAX_PAGES and fetcher is not None:
        seen.add(page_url)
        more = fetcher.fetch(page_url)
        append_page(article, extract_article(more.data, url=more.final_url, http_charset=more.charset))
        page_url = next_page(decode_html(more.data, more.charset).text, more.final_url)
    article.url = source
    return article, source


def append_page(article: Article, part: Article) -> None:
    """Add the next page of a multi-page article to the first, lists found again over the whole."""
    from .lists import find_lists

    if part.body:
        article.body = article.body + "\n" + part.body
        article.images += [i for i in part.images if i not in article.images]
        article.tables += part.tables
        article.list_entries = find_lists(article.paragraphs, article.tables)


def _source(article: Article, url: str | None) -> dict:
    """The page as a source. No outlet printed means none written: never the informant, never a host name."""
    src = {"publisher": article.source or article.site, "title": article.title or None,
           "url": url, "date": (article.publish_time or "")[:10] or None, "author": article.author,
           "editor": article.editor, "site": article.site if article.site != article.source else None,
           "informant": informant(article.paragraphs[:3])}
    return {k: v for k, v in src.items() if v}


# “记者今天从市委社会工作部获悉”: who told the reporter. It is not the outlet that printed the article.
_INFORMANT = re.compile(r"(?:记者|笔者)?(?:今天|今日|近日|日前|昨天|昨日)?从([^，。,；;“”]{2,24}?)(?:获悉|了解到|得知)")


def informant(paragraphs: list[str]) -> str | None:
    for text in paragraphs:
        m = _INFORMANT.search(text)
        if m:
            return m[1]
    return None


def _one_line(text: str) -> str:
    return re.sub(r"[\r\n]+", " ", text)


def _slug(text: str, limit: int = 6) -> str:
    words = [w for w in pinyin_words(re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", text))[:limit]]
    return "-".join(words).lower()[:60].strip("-") or "wenzhang"


def add_attachment(article: Article, title: str, asked: str, final_url: str, data: bytes) -> str | None:
    """Read a file the article links to into it: its list joins the article's, and the file is
    kept for the edition it gives. What was left out, and why, when nothing was read."""
    suffix = urlsplit(final_url).path.rsplit(".", 1)[-1].lower()
    if f".{suffix}" not in ATTACHMENT_SUFFIXES:
        suffix = urlsplit(asked).path.rsplit(".", 1)[-1].lower()
    doc = extract_attachment(data, f"{title}.{suffix}", url=final_url)
    if doc.reason or not doc.list_entries:
        return f"附件 {title}: {doc.reason or '没有找到名单'}"
    seen = {(e.category, e.name) for e in article.list_entries}
    article.list_entries += [e for e in doc.list_entries if (e.category, e.name) not in seen]
    article.files.append(KeptFile(title, final_url, suffix, data))
    return None


class Ingest:
    """One ingest run over a project: remembers ids it creates so drafts link to each other."""

    def __init__(self, project: Path, fetcher: Fetcher | None = None, use_cache: bool = False):
        self.project = project
        self.content = project / "content"
        self.cache = project / CACHE_DIR
        self.fetcher = fetcher
        self.use_cache = use_cache
        self.known = known_from(self.content)

    def run(self, sources: list[str]) -> D.Report:
        """Ingest each source; a failure in one never stops the others."""
        report = D.Report()
        for source in sources:
            try:
                article, url = read_source(source, self.fetcher, self.cache, self.use_cache)
            except FetchError as exc:
                report.failed.append(f"{source}: {exc}")
                continue
            if article.is_empty:
                report.skipped.append(f"{source}: {article.reason or '没有正文'}")
                continue
            if article.links and self.fetcher is not None:
                self._fetch_attachments(article, report)
            report.extend(self.write(structure(article, self.known), url or source))
        return report

    def _fetch_attachments(self, article: Article, report: D.Report) -> None:
        """The files the article links to, fetched as politely as its pages: the lists in them
        are read into the article's, and the files kept for the edition they give."""
        for link in article.links:
            try:
                got = self.fetcher.fetch(link.url, max_bytes=MAX_ATTACHMENT_BYTES)
            except FetchError as exc:
                report.failed.append(f"附件 {link.title}: {exc}")
                continue
            skipped = add_attachment(article, link.title, link.url, got.final_url, got.data)
            if skipped:
                report.skipped.append(skipped)

    def _keep_files(self, rid: str, files: list[KeptFile], report: D.Report) -> list[dict]:
        """Save the attachments of edition ``rid`` under content/attachments/, never over a
        different file; the edition's ``attachments`` entries for them."""
        folder = self.content / "attachments" / rid.removeprefix("editions/")
        out = []
        for file in files:
            n = 1
            while True:
                path = folder / f"fujian-{n}.{file.suffix}"
                if path.exists() and path.read_bytes() == file.data:
                    break  # kept by an earlier ingest
                if not path.exists():
                    path.parent.mkdir(parents=True, exist_ok=True)
                    with open(path, "xb") as fh:
                        fh.write(file.data)
                    report.created.append(self._rel(path))
                    break
                n += 1
            out.append({"title": file.title, "file": path.relative_to(self.content / "attachments").as_posix(),
                        "url": file.url})
        return out

    # -- writing -----------------------------------------------------------------
    def write(self, d: Drafts, origin: str) -> D.Report:
        """Write one article's news file and draft records."""
        report = D.Report()
        a = d.article
        if not a.title.strip() and a.paragraphs:
            # a page without a headline still gets a readable one, which the editor can change
            a.title = re.sub(r"\s+", " ", a.paragraphs[0])[:40]
        src = _source(a, origin if origin.startswith("http") else None)
        ids: dict[str, str] = {}
        for h in d.honorees:
            rid = self._honoree(h, src, report)
            if rid:
                ids[h.name] = rid
        # The attachments a page links to give its (first) edition.
        edition_ids = [eid for i, e in enumerate(d.editions)
                       if (eid := self._edition(e, ids, src, report, a.files if i == 0 else []))]
        report.check += d.unplaced + d.short
        if a.attachment:  # an attached list is no news article
            if not d.editions:
                report.skipped.append(f"{a.attachment}: 没有找到名单")
            return report
        self._statistics(d, src, report)
        self._news(d, src, ids, edition_ids, report)
        return report

    def _region_or_none(self, text: str | None):
        if not text or self.known.regions is None:
            return None
        try:
            return self.known.regions.normalise(text)
        except RegionError:
            return None

    def _honoree(self, h: DraftHonoree, src: dict, report: D.Report) -> str | None:
        data = {"name": h.name}
        region = self._region_or_none(h.region)
        if region is not None:
            data["region"] = region.display
        kind = KIND_DIRS[h.existing.split("/", 1)[0]] if h.existing else h.kind
        allowed = HONOREE_MODELS[kind].model_fields
        # a form's field that this kind of record does not have is left out, never written invalid
        data.update({k: v for k, v in h.fields.items() if v not in (None, "", []) and k in allowed})
        if h.body:
            data["body"] = D.markdown_paragraphs(h.body.split("\n\n"))
        data["sources"] = [src]
        data["status"] = "draft"
        if h.existing:
            path = self._record_path(h.existing)
            added, differ = D.merge_missing(path, data, HONOREE_MODELS[kind]) if path else ([], [])
            report.linked.append(f"{h.name} → {h.existing}")
            if added:
                report.merged.append(f"{self._rel(path)}: 补上 {', '.join(added)}")
            if differ:
                incoming = path.with_name(path.stem + ".incoming.yaml")
                if D.write_new(incoming, D.dump(data, header="bangyang ingest 的提议, 与现有记录不同的字段: "
                                                           + ", ".join(differ) + "\n核对后把需要的内容并入旁边的记录, 再删掉本文件")):
                    report.incoming.append(f"{self._rel(incoming)}: {', '.join(differ)} 与现有记录不同")
            return h.existing
        if region is None:
            report.skipped.append(f"{h.name}: 地区 “{h.region_as_written or h.region or '?'}” 不在地区表 "
                                  "content/regions.yaml 中; 加上后重新导入")
            return None
        rid = self._free_id(propose_record_id(self.known.regions, h.kind, h.name, region))
        path = self.content / "records" / f"{rid}.yaml"
        schema = "../" * (rid.count("/") + 2) + f"schema/{h.kind}.json"
        if D.write_new(path, D.dump(data, header=f"yaml-language-server: $schema={schema}\n由 bangyang ingest 生成的草稿; 核对后把 status 改为 published")):
            report.created.append(self._rel(path))
            self.known.names[name_key(h.name)] = rid
        else:
            report.skipped.append(f"{self._rel(path)}: 已存在")
        return rid

    def _edition(self, e: DraftEdition, ids: dict[str, str], src: dict, report: D.Report,
                 files: list[KeptFile]) -> str | None:
        scheme = e.scheme or (None if e.existing else self._scheme(e, src, report))
        categories = []
        used: set[str] = set()
        for cat in e.categories:
            entries = []
            for entry in cat.entries:
                target = entry.honoree or ids.get(entry.name)
                if target:
                    entries.append({"honoree": target, "name": entry.name})
                    continue
                stub = entry.stub
                region = self._region_or_none(entry.region)
                if not stub:
                    base = propose_record_id(self.known.regions, cat.kind, entry.name, region) if region else \
                        f"{KIND_DIR[cat.kind]}/{_slug(e.title, 3)}/{_slug(entry.name)}"
                    stub = self._free_id(base, used)
                used.add(stub)
                item = {"stub": stub, "name": entry.name}
                if region is not None:
                    item["region"] = region.display
                if entry.role:
                    item["role"] = entry.role
                entries.append(item)
            # 名额 only as printed: a count of what was found would state a quota the text never gave
            categories.append({"name": cat.name, "kind": cat.kind, **({"quota": cat.stated} if cat.stated else {}),
                               "entries": entries})
        if e.existing:
            return self._merge_edition(e, categories, report, self._keep_files(e.existing, files, report))
        # Without a year printed or a publication date, the year is this one, marked as a guess.
        data = {"scheme": scheme, "year": e.year or date.today().year, "title": e.title, "level": e.level}
        if e.region:
            data["region"] = e.region
        inferred = dict(e.inferred)
        if not e.stage:
            inferred["stage"] = "原文没有写明, 导入时默认为“公布”; 按原文核对是推荐、候选、公示还是公布"
        if not e.year:
            inferred["year"] = "原文没有写年度, 也没有刊发时间: 暂填今年"
        if src.get("date"):  # the report's date, not a printed announcement date
            data["announced"] = src["date"]
            inferred["announced"] = f"据报道日期 {src['date']}"
        if inferred:
            data["inferred"] = inferred
        rid = self._free_id(f"editions/{_slug(re.sub(r'(?:19|20)[0-9]{2}年度?', '', e.title))}-{data['year']}")
        if files:
            data["attachments"] = self._keep_files(rid, files, report)
        if e.order_note:
            data["order_note"] = e.order_note
        data.update({"stage": e.stage or "公布", "sources": [{**src, "quote": e.quote} if e.quote else src],
                     "status": "draft", "categories": categories})
        path = self.content / "records" / f"{rid}.yaml"
        if D.write_new(path, D.dump(data, header="由 bangyang ingest 生成的草稿; 核对阶段、名额和地区后把 status 改为 published")):
            report.created.append(self._rel(path))
            self.known.editions[e.title] = rid
            self.known.edition_of[(scheme, data["year"])] = rid
        else:
            report.skipped.append(f"{self._rel(path)}: 已存在")
        return rid

    def _merge_edition(self, e: DraftEdition, categories: list[dict], report: D.Report, attachments: list[dict]) -> str:
        """Add the entries and attachments the existing edition lacks, or write the draft beside it when they disagree."""
        path = self.content / "records" / f"{e.existing}.yaml"
        for cat in categories:
            cat.pop("quota", None)  # the list's own quota stays as the editor wrote it
        try:
            added, differ = D.merge_edition(path, categories, attachments)
        except Exception as exc:  # noqa: BLE001 - a file the editor broke: say so, write nothing over it
            report.failed.append(f"{self._rel(path)}: 读不了已有的榜单 ({exc}); 修好后再导入")
            return e.existing
        if differ:
            beside = path.with_name(path.stem + ".incoming.yaml")
            D.write_new(beside, D.dump({"title": e.title, "categories": categories},
                                       header="与已有榜单不一致的导入结果; 核对后手工合并, 再删除本文件"))
            report.incoming.append(f"{self._rel(beside)}: {len(differ)} 条与 {self._rel(path)} 不一致 ({differ[0]}…)")
        elif added:
            report.merged.append(f"{self._rel(path)}: 加入 {added} 条")
        else:
            report.linked.append(f"{e.title} → {e.existing} (已有全部条目)")
        return e.existing

    def _scheme(self, e: DraftEdition, src: dict, report: D.Report) -> str:
        name = re.sub(r"^(?:19|20)\d{2}\s*年度?", "", e.title).strip() or e.title
        rid = f"schemes/{_slug(name)}"
        data = {"name": name, "level": e.level, "sources": [src], "status": "draft"}
        path = self.content / "records" / f"{rid}.yaml"
        if D.write_new(path, D.dump(data, header="由 bangyang ingest 生成的系列草稿; 核对名称和级别后把 status 改为 published")):
            report.created.append(self._rel(path))
            self.known.schemes[name] = rid
        return rid

    def _statistics(self, d: Drafts, src: dict, report: D.Report) -> None:
        in_profiles = "".join(h.body for h in d.honorees)
        items = [{"metric": s.metric, "value": s.value} for s in d.statistics if s.sentence[:40] not in in_profiles]
        city = self._region_or_none(d.main_region)
        if not items or city is None or not src.get("date"):
            return
        same = next((sid for path, when, sid in self.known.statsheets
                     if when == src["date"] and (path + "/").startswith(city.path + "/")), None)
        if same:
            report.linked.append(f"{d.article.title} 的数字 → {same}")
            return
        rid = f"statistics/{city.slug_path.rsplit('/', 1)[-1]}-{src['date'][:7]}-{_slug(d.article.title, 3)}"
        data = {"region": city.display, "date": src["date"], "title": d.article.title, "source": src,
                "items": items, "status": "draft"}
        path = self.content / "records" / f"{rid}.yaml"
        if D.write_new(path, D.dump(data, header="由 bangyang ingest 从正文中找到的数字; 删去不需要的, 核对后把 status 改为 published")):
            report.created.append(self._rel(path))
        else:
            report.skipped.append(f"{self._rel(path)}: 已存在")

    def _news(self, d: Drafts, src: dict, ids: dict[str, str], editions: list[str], report: D.Report) -> None:
        a = d.article
        title = _one_line(D.plain_text(a.title, 300))  # as the front matter stores it
        when = (a.publish_time or date.today().isoformat()).replace("T", " ")[:16]
        if not a.publish_time:
            report.check.append(f"{a.title}: 页面上没有完整的发布日期（年月日）；新闻稿暂记为今天 {when[:10]}，"
                                f"请按原文改正 Date")
        mentioned = set(ids.values()) | set(d.links.values()) | set(editions)
        timed = len(when) == 16 and not when.endswith("00:00")
        for n in self.known.news:
            # the same URL or title; or the same minute from the same outlet, or with the same honorees.
            # A date without a time says too little, so those articles are matched by title only.
            if (src.get("url") and n.url == src["url"]) or n.title == title or (
                    timed and n.when == when and (n.source and n.source == src.get("publisher") or n.ids & mentioned)):
                report.skipped.append(f"{a.title}: 这篇文章已导入 ({n.when} {n.source})")
                return
        meta = [("Title", a.title), ("Date", when), ("Source", src.get("publisher")), ("Informant", src.get("informant")),
                ("Author", a.author), ("Editor", a.editor), ("Site", src.get("site")), ("Source_url", src.get("url")),
                ("Honorees", ", ".join(dict.fromkeys(list(ids.values()) + list(d.links.values())))),
                ("Editions", ", ".join(editions)), ("Regions", ", ".join(d.regions[:5])), ("Status", "draft")]
        lines = [f"{k}: {_one_line(D.plain_text(v, 300))}" for k, v in meta if v]
        news_dir = self.content / "news"
        text = "\n".join(lines) + "\n\n" + D.markdown_paragraphs(a.paragraphs) + "\n"
        # Another article of the same day with a similar title (checked above to be another
        # article) gets the next free name, never nothing.
        stem = f"{when[:10]}-{_slug(a.title)}"
        for n in range(1, 100):
            path = news_dir / (f"{stem}.md" if n == 1 else f"{stem}-{n}.md")
            if D.write_new(path, text):
                report.created.append(self._rel(path))
                self.known.news.append(KnownNews(when, src.get("publisher"), mentioned, title, src.get("url")))
                return
        report.skipped.append(f"{self._rel(news_dir / stem)}: 同名新闻稿太多")

    def _free_id(self, base: str, also_taken: set[str] = frozenset()) -> str:
        """base, or base-2, base-3…: an id no record, stub or earlier draft of this run uses."""
        taken = set(self.known.names.values()) | set(self.known.stubs.values()) | set(self.known.editions.values())
        rid, n = base, 2
        while rid in taken or rid in also_taken or self._record_path(rid) is not None:
            rid, n = f"{base}-{n}", n + 1
        return rid

    def _record_path(self, rid: str) -> Path | None:
        for ext in (".yaml", ".yml"):
            p = self.content / "records" / f"{rid}{ext}"
            if p.exists():
                return p
        return None

    def _rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.project))
        except ValueError:
            return str(path)
