"""Pages step: Catalog → list of Page(path, template, context).

Contexts are plain dicts of strings, numbers and lists, so templates only loop
and branch. Every URL here is site-relative; ``render`` prefixes each page's
relative root so the site works under any sub-path.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable
from urllib.parse import urlsplit

import orjson

from generator.site import opendata, svgcharts
from generator.site.photos import resized

from generator.site import textcut
from generator.domain.values import Values
from generator.domain.ids import content_hash
from generator.records.catalog import Catalog, EditionInfo, Honoree, NewsInfo
from generator.site.markup import markdown_text, render_markdown
from generator.domain.model import KIND_LABELS, HonoreeBase
from generator.domain.quantity import Quantity
from generator.domain.regions import Region, short_forms
from generator.site.search import filter_values, pinyin_terms, place_filters, t2s_pairs
from generator.domain.slugs import cached_pinyin_words

COLUMNS = {
    "search": "搜索", "home": "首页", "awards": "榜单", "honoree": "先进典型", "regions": "地区", "years": "年度",
    "news": "新闻", "stats": "统计", "data": "开放数据", "brands": "品牌与项目", "sitemap": "网站地图",
}
UNLISTED = "品牌与项目"  # what the site calls honorees that a report names but no list holds


def page_meta(title: str, column_key: str, pub_date: str, source: str, url: str | None = None,
              description: str = "", crumbs: list[tuple[str, str]] | None = None, searchable: bool = False,
              column: str | None = None, structured: dict | None = None) -> dict:
    """What a page's header, meta tags and breadcrumbs show (``page`` in every template): made here only.

    ``structured``: the page's schema.org object, written as JSON-LD."""
    meta = {
        "title": title, "column": column if column is not None else COLUMNS.get(column_key, ""),
        "column_key": column_key, "pub_date": pub_date, "searchable": searchable, "source": source,
        "description": description or title, "breadcrumbs": [{"title": t, "url": u} for t, u in (crumbs or [])],
        "og_type": "article" if column_key == "news" else "website",
    }
    if url is not None:
        meta["url"] = url
    if structured:
        meta["structured"] = json_ld({"@context": "https://schema.org", **structured})
    return meta


# Inside <script> nothing is read as HTML: written as JSON escapes, these characters keep any
# text from closing the element, as Jinja's tojson does. orjson rather than tojson: Chinese
# stays as characters, not \uXXXX escapes of twice the bytes.
def json_ld(data: dict) -> str:
    """``data`` as the text of a JSON-LD script element, keys sorted."""
    text = orjson.dumps(data, option=orjson.OPT_SORT_KEYS).decode()
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")


def absolute(site_url: str, url: str) -> str:
    """A site-relative URL made absolute with site.yaml's site_url; left relative without one."""
    return f"{site_url.rstrip('/')}/{url}" if site_url else url


SEARCH_FILTERS = {"year": "年度", "level": "级别", "scheme": "榜单系列", "category": "类别", "province": "省份", "city": "城市"}


@dataclass
class Page:
    """One output file: an HTML page rendered from a template, or raw bytes (data, sitemap)."""

    path: str                      # output path, e.g. communities/zhejiang/cixi-yubo/index.html
    template: str | None = None
    context: dict = field(default_factory=dict)
    body: bytes | None = None      # set for non-template files
    in_sitemap: bool = True
    lastmod: str | None = None
    body_hash: str | None = None   # of ``body``, once worked out (a reused data file keeps it)

    def body_digest(self) -> str:
        """The hash of ``body``, worked out once per Page."""
        if self.body_hash is None:
            self.body_hash = content_hash(self.body)
        return self.body_hash


EVERYTHING = frozenset({"*"})

# Each honoree's share of the summary pages (PageBuilder.per_honoree).
PER_HONOREE = ("filter-pairs", "open-data")


@dataclass
class Group:
    """Pages made together from the same inputs: the unit that a rebuild redoes or skips.

    ``deps`` names every input the pages read: record ids, ``news/<slug>``, or ``*`` for a
    page that summarises the whole catalog. A group is remade when one of its inputs
    changed, before or after the edit.
    """

    key: str
    deps: frozenset[str]
    make: Callable[["PageBuilder"], None]
    # Reads more of an honoree record than linking does (record.HonoreeView): its body, sources,
    # figures… The other groups see only names, regions, awards and whether a record
    # exists, and a test holds them to it: `bangyang serve` skips them when an edit left
    # every link as it was.
    texts: bool = False


def url_of(path: str) -> str:
    """Site-relative URL of an output path: a/b/index.html → a/b/."""
    return path[: -len("index.html")] if path.endswith("index.html") else path


def honoree_url(hid: str) -> str:
    return f"{hid}/"


def region_url(region: Region) -> str:
    return f"regions/{region.slug_path}/"


def edition_url(eid: str) -> str:
    return f"{eid}/"


# A region is referred to from every record and entry in it. Pages only read the dict, so
# one per region serves them all.
@lru_cache(maxsize=1 << 14)
def _region_ref(region: Region | None) -> dict | None:
    return {"name": region.display, "short": region.name, "url": region_url(region)} if region else None


def latest_date(catalog: Catalog) -> str:
    """The newest dated fact (YYYY, or YYYY-MM-DD), "" if none: the 发布时间 of index pages, so
    that rebuilds stay byte-identical."""
    dates = [printed_date(e.model) for e in catalog.editions.values()]
    dates += [n.meta.date[:10] for n in catalog.news.values()]
    dates += [s.model.date for s in catalog.statsheets]
    return max(dates) if dates else ""


class PageBuilder:
    """Makes the pages of a catalog, group by group; `bangyang serve` keeps one across rebuilds (generator.engine.text_edits)."""

    def __init__(self, catalog: Catalog, memo: Values):
        self.c = catalog
        self.memo = memo  # values worked out before, keyed by their inputs (the engine's build cache)
        self.pages: list[Page] = []
        self.site_source = catalog.site.sponsor
        self._places: dict[str, dict[str, list[str]]] = {}
        # Summaries kept while `bangyang serve` reuses this builder (generator.engine.text_edits): the
        # catalog's links stay as they were, only the texts of some records change.
        self._filter_counts: Counter[tuple[str, str]] | None = None
        self._linked_chars: set[str] | None = None
        self._record_chars: dict[str, tuple[str, str]] = {}  # honoree id → (content hash, its characters)
        self._char_uses: Counter[str] = Counter()            # character → records holding it
        self._open_data: tuple[list, list[Page]] | None = None
        self._share_keys: dict[str, tuple[str, str]] = {}  # honoree id → (its record's hash, key of its share)
        self._honoree_deps: dict[str, frozenset[str]] = {}  # honoree id → what its page reads (plan)
        self.latest = latest_date(catalog)

    def add(self, path: str, template: str, title: str, column: str, pub_date: str, source: str,
            crumbs: list[tuple[str, str]] | None = None, description: str = "", searchable: bool = False,
            structured: dict | None = None, **data) -> None:
        """A page from a template."""
        page = page_meta(title, column, pub_date, source, url_of(path), description, crumbs, searchable,
                         structured=structured)
        self.pages.append(Page(path, template, {"page": page, **data}, lastmod=pub_date[:10] or None))

    # -- shared pieces ---------------------------------------------------
    def honoree_card(self, h: Honoree) -> dict:
        latest = h.awards[-1] if h.awards else None
        return {
            "name": h.name, "url": honoree_url(h.id), "kind": KIND_LABELS[h.kind],
            "region": _region_ref(h.region), "is_stub": h.is_stub,
            "award": f"{latest.year} {latest.edition_title} · {latest.category}" if latest else "",
        }

    def edition_ref(self, e: EditionInfo) -> dict:
        return {
            "title": e.model.title, "url": edition_url(e.id), "year": e.model.year, "level": e.model.level,
            "stage": e.model.stage, "announced": dated(e.model.announced, e.model.inferred.get("announced")),
            "count": e.entry_count,
            "quota": sum(c.quota or 0 for c in e.categories),
        }

    # -- pages -------------------------------------------------------------
    def run(self, group: Group) -> list[Page]:
        """The pages of one group."""
        self.pages = []
        group.make(self)
        pages, self.pages = self.pages, []
        return pages

    def let_go(self) -> None:
        """Drop what only a builder kept from one build to the next (a preview's) makes use of:
        the open-data files, megabytes a rendering process would otherwise hold to its end."""
        self._open_data = None

    def plan(self) -> list[Group]:
        """Every group of pages, in output order, with the inputs each reads."""
        c = self.c
        groups = [Group("home", EVERYTHING, PageBuilder.home)]
        for sid in sorted(c.schemes):
            eds = frozenset(e.id for e in c.editions.values() if e.scheme_id == sid)
            groups.append(Group(f"scheme:{sid}", eds | {sid}, lambda b, sid=sid: b.scheme(sid)))
        groups.append(Group("awards", EVERYTHING, PageBuilder.awards))
        for e in c.editions.values():
            deps = {e.id, e.scheme_id} | {en.honoree_id for cat in e.categories for en in cat.entries}
            deps |= {f"attachments/{f.file}" for f in e.model.attachments}  # the page gives each file's size
            groups.append(Group(f"edition:{e.id}", frozenset(deps), lambda b, e=e: b.edition(e)))
        groups += [self._honoree_group(h) for h in c.honorees.values()]
        groups.append(Group("regions", EVERYTHING, PageBuilder.regions_index))
        for region in c.regions.regions.values():
            groups.append(Group(f"region:{region.path}", self.region_deps(region),
                                lambda b, r=region: b.region(r)))
        if c.attachments:  # the files editions offer, published as they are; one group, since editions may share one
            deps = {f"attachments/{f}" for f in c.attachments} | {
                e.id for e in c.editions.values() if e.model.attachments}
            groups.append(Group("attachments", frozenset(deps), PageBuilder.attachments))
        groups.append(Group("years", EVERYTHING, PageBuilder.years_index))
        for y, eds in sorted(self.editions_by_year.items(), reverse=True):
            deps = {e.id for e in eds} | {en.honoree_id for e in eds for cat in e.categories for en in cat.entries}
            groups.append(Group(f"year:{y}", frozenset(deps), lambda b, y=y: b.year(y)))
        groups += self._summary_groups()
        return groups

    def text_readers(self, ids: Iterable[str]) -> list[Group]:
        """The groups of ``plan()`` that read the texts of the honoree records ``ids``, in its
        order, without planning the rest: each one's own page, and the summaries that read
        every record's texts (Group.texts). A build whose only changes since the last are
        edits to texts remakes at most these."""
        honorees = [self._honoree_group(self.c.honorees[i]) for i in sorted(ids) if i in self.c.honorees]
        return honorees + [g for g in self._summary_groups() if g.texts]

    def _honoree_group(self, h: Honoree) -> Group:
        deps = self._honoree_deps[h.id] = self.honoree_deps(h)
        return Group(f"honoree:{h.id}", deps, lambda b: b.honoree(h), texts=True)

    @staticmethod
    def _summary_groups() -> list[Group]:
        return [Group(key, EVERYTHING, make, texts=key in ("search", "data"))
                for key, make in (("stats", PageBuilder.stats), ("search", PageBuilder.search_page),
                                  ("data", PageBuilder.open_data), ("sitemap-page", PageBuilder.site_map),
                                  ("redirects", PageBuilder.redirects), ("404", PageBuilder.not_found))]

    def build(self) -> list[Page]:
        """Every page, in one go (plain Pelican runs, tests)."""
        return [page for group in self.plan() for page in self.run(group)]

    # -- what each group reads -------------------------------------------
    def honoree_deps(self, h: Honoree) -> frozenset[str]:
        deps = [h.id]  # one list, not generators: a hundred thousand honorees, most with one award
        for a in h.awards:
            deps += (a.edition_id, a.scheme_id)
        if h.news:
            deps += [f"news/{s}" for s in h.news]
        if h.photos:
            deps += [f"attachments/{p}" for p in h.photos]
        return frozenset(deps)

    def region_deps(self, region: Region) -> frozenset[str]:
        idx = self.region_index
        deps = set(idx.listed[region.path])
        deps.update(s.id for s in idx.sheets_of[region.path])
        deps.update(idx.member_deps[region.path])
        return frozenset(deps)

    @cached_property
    def region_index(self) -> "_RegionIndex":
        return _RegionIndex(self.c)

    @cached_property
    def editions_by_year(self) -> dict[int, list[EditionInfo]]:
        by_year: dict[int, list[EditionInfo]] = defaultdict(list)
        for e in self.c.editions.values():
            by_year[e.model.year].append(e)
        return by_year

    def home(self) -> None:
        editions = sorted(self.c.editions.values(), key=lambda e: (e.model.year, e.id), reverse=True)
        news = sorted(self.c.news.values(), key=lambda n: n.meta.date, reverse=True)[:5]
        headline = [
            {"label": "先进典型", "value": str(sum(1 for h in self.c.honorees.values() if h.awarded)), "url": "awards/"},
            {"label": "榜单", "value": str(len(self.c.editions)), "url": "awards/"},
            {"label": "地区", "value": str(len({h.region.path for h in self.c.honorees.values() if h.region})), "url": "regions/"},
        ]
        unlisted = sum(1 for h in self.c.honorees.values() if not h.awarded)
        if unlisted:
            headline.append({"label": UNLISTED, "value": str(unlisted), "url": "regions/"})
        figures = [
            {"region": s.region.display, "metric": item.metric, "value": item.value.text, "date": s.model.date,
             "url": region_url(s.region)}
            for s in self.c.statsheets for item in s.model.items if item.metric == "注册志愿者"
        ]
        self.add("index.html", "home.html", self.c.site.name, "home", self.latest, self.site_source,
                 description=self.c.site.description,
                 editions=[self.edition_ref(e) for e in editions[:6]],
                 headline=headline, figures=figures,
                 news=[{"title": n.meta.title, "url": f"news/{n.slug}/", "date": n.meta.date[:10]} for n in news])

    def scheme_ref(self, sid: str) -> dict:
        scheme = self.c.schemes[sid]
        eds = sorted((e for e in self.c.editions.values() if e.scheme_id == sid),
                     key=lambda e: e.model.year, reverse=True)
        return {"name": scheme.name, "url": f"{sid}/", "level": scheme.level,
                "editions": [self.edition_ref(e) for e in eds]}

    def scheme(self, sid: str) -> None:
        scheme = self.c.schemes[sid]
        ref = self.scheme_ref(sid)
        issuers = [{"years": _years_label(p.from_year, p.to_year), "issuers": "、".join(p.issuers)}
                   for p in scheme.issuers_history]
        self.add(f"{sid}/index.html", "scheme.html", scheme.name, "awards",
                 max((printed_date(e.model) for e in self.c.editions.values() if e.scheme_id == sid), default=self.latest),
                 "、".join(scheme.issuers_history[-1].issuers) if scheme.issuers_history else self.site_source,
                 crumbs=[("榜单", "awards/")], scheme=ref, issuers=issuers,
                 sources=[_source(s) for s in scheme.sources],
                 description_html=render_markdown(scheme.description))

    def awards(self) -> None:
        self.add("awards/index.html", "awards.html", "全部榜单", "awards", self.latest, self.site_source,
                 schemes=[self.scheme_ref(sid) for sid in sorted(self.c.schemes)])

    def edition(self, e: EditionInfo) -> None:
        m = e.model
        scheme = self.c.schemes.get(e.scheme_id)
        source = _publisher(m.sources) or "、".join(m.issuers) or self.site_source
        base = edition_url(e.id)
        cats_nav = [{"name": c.name, "slug": c.slug, "url": f"{base}category/{c.slug}/", "count": len(c.entries)} for c in e.categories]
        # Filter by the level just below the list's scope: provinces for a national list, districts for Shanghai.
        depth = (e.region.depth if e.region else 0) + 1
        by_region: dict[str, tuple[Region, int]] = {}
        for cat in e.categories:
            for entry in cat.entries:
                if entry.region and entry.region.depth >= depth:
                    top = self.c.regions.get("/".join(entry.region.parts[:depth]))
                    if top:
                        r, n = by_region.get(top.path, (top, 0))
                        by_region[top.path] = (r, n + 1)
        regions_nav = [{"name": r.name, "slug": r.slug_path.replace("/", "-"),
                        "url": f"{base}region/{r.slug_path.replace('/', '-')}/", "count": n}
                       for r, n in sorted(by_region.values(), key=lambda rn: rn[0].slug_path)]
        info = {
            "title": m.title, "year": m.year, "level": m.level, "stage": m.stage,
            "announced": dated(m.announced, m.inferred.get("announced")),
            "inferred": dict(m.inferred), "order": _order_text(m.ranked, m.order_note),
            "attachments": [{"title": f.title, "url": f"attachments/{f.file}", "type": f.file.rsplit(".", 1)[-1].upper(),
                             "size": _size(self.c.attachments[f.file][1])} for f in m.attachments],
            "issuers": "、".join(m.issuers), "document_number": m.document_number or "", "note": m.note or "",
            "publicity": m.publicity.model_dump() if m.publicity else None,
            "scheme": {"name": scheme.name, "url": f"{e.scheme_id}/"} if scheme else None,
            "region": _region_ref(e.region), "count": e.entry_count,
            "quota": sum(c.quota or 0 for c in e.categories),
            "sources": [_source(s) for s in m.sources],
            "data_json": f"data/{e.id}.json", "data_csv": f"data/{e.id}.csv",
        }

        def categories(keep_cat=None, keep_region: Region | None = None) -> list[dict]:
            out = []
            for cat in e.categories:
                if keep_cat is not None and cat is not keep_cat:
                    continue
                entries = [self._entry(en) for en in cat.entries
                           if keep_region is None or (en.region and (en.region.path + "/").startswith(keep_region.path + "/"))]
                if keep_region is not None and not entries:
                    continue
                out.append({"name": cat.name, "slug": cat.slug, "quota": cat.quota or "", "kind": KIND_LABELS[cat.kind],
                            "count": len(cat.entries), "entries": entries, "numbered": cat.complete or m.ranked})
            return out

        crumbs = [("榜单", "awards/")] + ([(scheme.name, f"{e.scheme_id}/")] if scheme else [])
        common = dict(edition=info, categories_nav=cats_nav, regions_nav=regions_nav, all_url=base)
        pub = printed_date(m)
        search = {
            "pinyin": "", "awards": "",
            "filters": self.edition_filters(e),
            "meta": [{"key": "kind", "value": "榜单"}, {"key": "region", "value": e.region.display if e.region else m.level},
                     {"key": "award", "value": m.title}, {"key": "year", "value": str(m.year)}],
        }
        site_url = self.c.site.site_url
        listed = [(en.name, en.honoree_id) for cat in e.categories for en in cat.entries]
        structured = {
            "@type": "ItemList", "name": m.title, "url": absolute(site_url, base), "numberOfItems": len(listed),
            # the published order, which is no ranking unless the list says so
            "itemListOrder": "https://schema.org/ItemListOrderAscending" if m.ranked else "https://schema.org/ItemListUnordered",
            "itemListElement": [{"@type": "ListItem", "position": i, "name": name,
                                 "url": absolute(site_url, honoree_url(hid))} for i, (name, hid) in enumerate(listed, 1)],
        }
        self.add(f"{e.id}/index.html", "edition.html", m.title, "awards", pub, source, crumbs=crumbs,
                 searchable=True, search=search, categories=categories(), filter_label="", structured=structured,
                 **common)
        for cat in e.categories:
            self.add(f"{e.id}/category/{cat.slug}/index.html", "edition.html", f"{m.title} · {cat.name}", "awards",
                     pub, source, crumbs=crumbs + [(m.title, base)], categories=categories(keep_cat=cat),
                     filter_label=cat.name, current_category=cat.slug, **common)
        for region, _ in by_region.values():
            slug = region.slug_path.replace("/", "-")
            self.add(f"{e.id}/region/{slug}/index.html", "edition.html", f"{m.title} · {region.name}", "awards",
                     pub, source, crumbs=crumbs + [(m.title, base)], categories=categories(keep_region=region),
                     filter_label=region.name, current_region=slug, **common)

        self.edition_data(e)

    def edition_filters(self, e: EditionInfo) -> list[dict]:
        m = e.model
        scheme = self.c.schemes.get(e.scheme_id)
        return filter_values(year=[str(m.year)], level=[m.level], scheme=[scheme.name] if scheme else [],
                             category=[c.name for c in e.categories],
                             **place_filters(self.c.regions.ancestors(e.region.path) if e.region else []))

    def _entry(self, en) -> dict:
        h = self.c.honorees.get(en.honoree_id)
        return {"position": en.position, "rank": en.rank, "name": en.name, "url": honoree_url(en.honoree_id),
                "region": _region_ref(en.region), "role": en.role or "",
                "profile_name": h.name if h and h.name != en.name else "",
                "is_stub": h.is_stub if h else True}

    def honoree(self, h: Honoree) -> None:
        r = h.record
        awards = [{"year": a.year, "title": a.edition_title, "url": edition_url(a.edition_id), "category": a.category,
                   "rank": a.rank, "stage": a.stage, "level": a.level, "announced": dated(a.announced, a.announced_basis),
                   "listed_name": a.listed_name if a.listed_name != h.name else ""}
                  for a in h.awards]
        news = [{"title": self.c.news[s].meta.title, "url": f"news/{s}/", "date": self.c.news[s].meta.date[:10],
                 "source": self.c.news[s].meta.source or "来源未注明"} for s in h.news]
        chain = self.c.regions.ancestors(h.region.path) if h.region else []
        data = {"name": h.name, "kind": KIND_LABELS[h.kind], "is_stub": r is None,
                "region_chain": [_region_ref(x) for x in chain], "awards": awards, "news": news,
                "profile": [], "stats": [], "summary": "", "body_html": "", "sources": [], "tags": [], "photos": [],
                "also_known_as": [], "draft": False, "search": self.honoree_search(h, chain)}
        if r is None:
            first = h.awards[0] if h.awards else None
            edition = self.c.editions.get(first.edition_id) if first else None
            source = (_publisher(edition.model.sources) if edition else "") or self.site_source
            pub = printed_date(edition.model) if edition else self.latest
            description = h.name
        else:
            pub = max((s.date for s in r.sources if s.date), default=self.latest)
            source = _publisher(r.sources) or self.site_source
            body_html = render_markdown(r.body)
            description = r.summary or textcut.cut(markdown_text(body_html), 120)
            data.update(profile=_profile(r), summary=description, body_html=body_html,
                        stats=[{"metric": s.metric, "value": s.value.text, "date": s.date or "", "note": s.note or "",
                                "quote": s.quote or "", "source": s.source} for s in r.stats],
                        sources=[_source(s) for s in r.sources], tags=list(r.tags),
                        photos=self.photos(h.id, r.photos),
                        also_known_as=list(r.also_known_as), draft=r.status == "draft")
        data["awarded"] = h.awarded
        if h.awarded:
            column, crumbs = "honoree", [("榜单", "awards/")]
        else:  # named in a report, on no list: not a 先进典型
            column, crumbs = "brands", [("地区", "regions/")] + [(x.name, region_url(x)) for x in chain[:-1]]
        structured = {
            "@type": "Person" if h.kind == "volunteer" else "Organization", "name": h.name,
            "url": absolute(self.c.site.site_url, honoree_url(h.id)), "description": description,
            "award": [f"{a.edition_title} · {a.category}" for a in h.awards],
        }
        if h.region:
            structured["address"] = {"@type": "PostalAddress", "addressCountry": "CN", "addressRegion": h.region.parts[0],
                                     "addressLocality": h.region.display}
        self.add(f"{h.id}/index.html", "honoree.html", h.name, column, pub, source, crumbs=crumbs,
                 description=description, searchable=True, structured=structured, honoree=data)

    def photos(self, hid: str, photos) -> list[dict]:
        """Each photo resized (photos/<honoree>/<n>-<width>.jpg), and what its <img> needs."""
        out = []
        for n, photo in enumerate(photos, 1):
            path = self.c.photos.get(photo.file)
            if path is None:
                continue
            sizes = []
            try:
                made = resized(path)
            except (OSError, ValueError):  # damaged past what linking checks (its first bytes): left out
                continue
            for width, height, data in made:
                url = f"photos/{hid}/{n}-{width}.jpg"
                self.pages.append(Page(url, body=data, in_sitemap=False))
                sizes.append((url, width, height))
            small = sizes[0]
            out.append({"src": small[0], "width": small[1], "height": small[2], "alt": photo.alt,
                        "caption": photo.caption or "", "credit": photo.credit,
                        "srcset": [{"url": u, "width": w} for u, w, _ in sizes]})
        return out

    def honoree_search(self, h: Honoree, chain: list[Region]) -> dict:
        """Filters, result-card metadata and pinyin terms for the search index."""
        region_names = tuple(n for x in chain for n in short_forms(x.name))
        names = (h.name, *(h.record.also_known_as if h.record else []))
        places = tuple(x.name for x in chain[1:])
        latest = h.awards[-1] if h.awards else None
        schemes = [self.c.schemes[a.scheme_id].name for a in h.awards if a.scheme_id in self.c.schemes]
        return {
            # Pinyin is the slowest part of a page; the build cache keeps it between builds.
            "pinyin": self.memo.get(("pinyin", names, region_names, places),
                                 lambda: pinyin_terms(list(names), region_names, places=places)),
            # The awards once each, instead of the whole timeline: fewer words, same matches.
            "awards": " ".join(dict.fromkeys([*schemes, *(a.category for a in h.awards)])),
            "filters": self.honoree_filters(h, chain),
            "meta": [{"key": "kind", "value": KIND_LABELS[h.kind]},
                     {"key": "region", "value": h.region.display if h.region else ""},
                     {"key": "award", "value": f"{latest.edition_title} · {latest.category}" if latest else ""},
                     {"key": "year", "value": str(latest.year) if latest else ""}],
        }

    def honoree_filters(self, h: Honoree, chain: list[Region]) -> list[dict]:
        schemes = [self.c.schemes[a.scheme_id].name for a in h.awards if a.scheme_id in self.c.schemes]
        return filter_values(year=[str(a.year) for a in h.awards], level=[a.level for a in h.awards],
                             scheme=schemes, category=[a.category for a in h.awards], **self.places(chain))

    def places(self, chain: list[Region]) -> dict[str, list[str]]:
        """place_filters of a region chain, worked out once per region."""
        key = chain[-1].path if chain else ""
        found = self._places.get(key)
        if found is None:
            found = self._places[key] = place_filters(chain)
        return {k: list(v) for k, v in found.items()}

    def child_refs(self, parent: str | None) -> list[dict]:
        members = self.region_index.members
        return [{"name": r.name, "url": region_url(r), "level": r.level,
                 "count": sum(1 for h in members[r.path] if h.awarded)}
                for r in sorted(self.c.regions.children(parent), key=lambda r: r.slug_path)]

    def regions_index(self) -> None:
        self.add("regions/index.html", "regions.html", "地区", "regions", self.latest, self.site_source,
                 children=self.child_refs(None))

    def region(self, region: Region) -> None:
        idx = self.region_index
        inside = idx.members[region.path]
        awarded = [h for h in inside if h.awarded]
        by_kind = Counter(h.kind for h in awarded)
        sheets = idx.sheets_of[region.path]
        editions = [self.c.editions[i] for i in sorted(idx.listed[region.path])]
        chain = self.c.regions.ancestors(region.path)
        crumbs = [("地区", "regions/")] + [(a.name, region_url(a)) for a in chain[:-1]]
        groups = []
        for kind, label in KIND_LABELS.items():
            group = sorted((h for h in awarded if h.kind == kind), key=lambda h: h.region.slug_path + h.id)
            if group:
                groups.append({"kind": label, "count": len(group),
                               "honorees": [self.honoree_card(h) for h in group]})
        unlisted = sorted((h for h in inside if not h.awarded), key=lambda h: h.region.slug_path + h.id)
        if unlisted:
            groups.append({"kind": UNLISTED, "count": len(unlisted), "unlisted": True,
                           "honorees": [self.honoree_card(h) for h in unlisted]})
        self.add(f"regions/{region.slug_path}/index.html", "region.html", region.display, "regions",
                 # its own figures' date and source; a region without figures has neither
                 max((s.model.date for s in sheets), default=""),
                 (sheets[0].model.source.publisher or "") if sheets else "", crumbs=crumbs,
                 region={"name": region.name, "display": region.display, "level": region.level,
                         "count": len(awarded), "unlisted": len(inside) - len(awarded),
                         "kind_counts": [{"kind": KIND_LABELS[k], "count": n} for k, n in sorted(by_kind.items())]},
                 children=self.child_refs(region.path), groups=groups,
                 editions=[self.edition_ref(e) for e in sorted(editions, key=lambda e: e.model.year, reverse=True)],
                 sheets=[{"title": s.model.title or "统计", "date": s.model.date,
                          "source": _source(s.model.source),
                          "rows": [{"metric": i.metric, "value": i.value.text, "note": i.note or "", "quote": i.quote or ""}
                                   for i in s.model.items]} for s in sheets])

    def years_index(self) -> None:
        by_year = self.editions_by_year
        self.add("years/index.html", "years.html", "按年度浏览", "years", self.latest, self.site_source,
                 years=[{"year": y, "url": f"years/{y}/", "count": sum(e.entry_count for e in by_year[y]),
                         "editions": len(by_year[y])} for y in sorted(by_year, reverse=True)])

    def year(self, y: int) -> None:
        eds = sorted(self.editions_by_year[y], key=lambda e: e.id)
        self.add(f"years/{y}/index.html", "year.html", f"{y}年度", "years",
                 max(printed_date(e.model) for e in eds), self.site_source,
                 crumbs=[("年度", "years/")], year=y,
                 editions=[{**self.edition_ref(e), "categories": [
                     {"name": c.name, "entries": [self._entry(en) for en in c.entries]} for c in e.categories]}
                     for e in eds])

    def stats(self) -> None:
        awarded = [h for h in self.c.honorees.values() if h.awarded]
        kinds = Counter(h.kind for h in awarded)
        by_year = Counter()
        for e in self.c.editions.values():
            by_year[e.model.year] += e.entry_count
        provinces = Counter(h.region.parts[0] for h in awarded if h.region)
        # Each place published its figure at its own date: listed with the date, never drawn as bars side by side.
        volunteers = [{"region": s.region.display, "url": region_url(s.region), "value": item.value.text,
                       "date": s.model.date, "source": _publisher([s.model.source]) or "原文未注明"}
                      for s in self.c.statsheets for item in s.model.items if item.metric == "注册志愿者"]
        charts = [
            svgcharts.bar_chart("chart-kind", "各类先进典型数量", [(KIND_LABELS[k], n, str(n)) for k, n in sorted(kinds.items())]),
            svgcharts.bar_chart("chart-year", "各年度上榜条目数", [(f"{y}年度", n, str(n)) for y, n in sorted(by_year.items())]),
            svgcharts.bar_chart("chart-province", "各省（直辖市）先进典型数量", sorted(((p, n, str(n)) for p, n in provinces.items()))),
        ]
        self.add("stats/index.html", "stats.html", "统计", "stats", self.latest, self.site_source, charts=charts,
                 volunteers=sorted(volunteers, key=lambda v: (v["date"], v["region"]), reverse=True))

    def per_honoree(self, what: str, h: Honoree, compute: Callable[[], Any]) -> Any:
        """A value worked out from one honoree and what it links to (its share of the summary
        pages), kept in the build cache under the hashes of all of those inputs: after an
        edit, only the honorees whose inputs changed work theirs out again."""
        record_hash = self.c.hashes.get(h.id, "")
        known = self._share_keys.get(h.id)
        if known is None or known[0] != record_hash:
            known = self._share_keys[h.id] = (record_hash, self._share_key(h, self.c.hashes))
        return self.memo.get((what, h.id, known[1]), compute)

    def inherit(self, previous: "PageBuilder", changed: set[str]) -> None:
        """Take over what ``previous`` (the builder of the last catalog, in a preview) worked
        out that still holds, none of it read from ``changed``: an edit to one edition need not
        hash again the inputs of every honoree, nor count again every record's characters."""
        # Each record's characters, kept by its content hash (indexed_chars drops those gone).
        self._record_chars, self._char_uses = dict(previous._record_chars), Counter(previous._char_uses)
        if "regions.yaml" in changed:
            return
        for hid, known in previous._share_keys.items():
            deps = self._honoree_deps.get(hid)
            if deps is not None and deps.isdisjoint(changed) and deps == previous._honoree_deps.get(hid):
                self._share_keys[hid] = known  # per_honoree still checks the record's own hash

    def _share_key(self, h: Honoree, hashes: dict[str, str]) -> str:
        inputs = sorted((self._honoree_deps.get(h.id) or self.honoree_deps(h)) | {"regions.yaml"})
        return content_hash("\0".join(f"{k}={hashes.get(k, '')}" for k in inputs).encode("utf-8"))

    def same_shares(self, h: Honoree, old_hashes: dict[str, str]) -> bool:
        """Whether ``h`` gives the summary pages (its filter values, open-data row and the
        characters it adds to the search index) what it gave the build whose inputs had
        ``old_hashes``; False when that build's share is not kept."""
        old_key = self._share_key(h, old_hashes)
        before = [self.memo.stored((what, h.id, old_key)) for what in PER_HONOREE]
        chars_before = self.memo.stored(("chars", old_hashes.get(h.id) or h.id))
        if None in before or chars_before is None:
            return False
        now = [self.per_honoree(PER_HONOREE[0], h, lambda: self._filter_pairs(h)), self.open_data_row(h)]
        chars = self.memo.get(("chars", self.c.hashes.get(h.id) or h.id), lambda: _chars_of_record(h))
        # As sets: a stored string is in the order of a set of the process that made it.
        return before == now and set(chars_before) == set(chars)

    def prime(self) -> None:
        """Work out the summaries of the whole catalog ahead of the first edit (``bangyang serve``, when idle)."""
        self.filter_counts()
        self.indexed_chars()
        # The files too, and their hashes: joining and hashing them is a good part of the
        # first rebuild of a large site.
        for page in self.open_data_files()[1]:
            page.body_digest()

    def filter_counts(self) -> Counter[tuple[str, str]]:
        """How many indexed pages carry each (filter, value), for the option lists of the search page.

        Filters come from links only (awards, regions, news), so one builder works them out once.
        """
        if self._filter_counts is None:
            self._filter_counts = self._count_filters()
        return self._filter_counts

    def _count_filters(self) -> Counter[tuple[str, str]]:
        counts: Counter[tuple[str, str]] = Counter()
        for e in self.c.editions.values():
            counts.update(_pairs(self.edition_filters(e)))
        # One update over every honoree's pairs: a Counter.update call per honoree cost more.
        counts.update(itertools.chain.from_iterable(
            self.per_honoree(PER_HONOREE[0], h, lambda h=h: self._filter_pairs(h)) for h in self.c.honorees.values()))
        for n in self.c.news.values():
            counts.update(_pairs(news_search(self.c, n)["filters"]))
        return counts

    def _filter_pairs(self, h: Honoree) -> tuple[tuple[str, str], ...]:
        return _pairs(self.honoree_filters(h, self.c.regions.ancestors(h.region.path) if h.region else []))

    def search_page(self) -> None:
        counts = self.filter_counts()
        # Options are written into the page, so the browser never downloads every filter index.
        filters = []
        for name, label in SEARCH_FILTERS.items():
            values = [v for (n, v) in counts if n == name]
            key = (lambda v: -int(v)) if name == "year" else (lambda v: ("".join(cached_pinyin_words(v, self.memo)), v))
            filters.append({"name": name, "label": label,
                            "options": [{"value": v, "count": counts[(name, v)]} for v in sorted(values, key=key)]})
        self.add("search/index.html", "search.html", "搜索", "search", "", "", filters=filters)  # a tool, not a report
        table = t2s_pairs(self.indexed_chars())
        self.pages.append(Page("search/t2s.js", body=f"window.BANGYANG_T2S = {json.dumps(table, ensure_ascii=False)};\n".encode("utf-8"),
                               in_sitemap=False))

    def indexed_chars(self) -> set[str]:
        """Every character the search index can hold (record bodies are not indexed)."""
        # Records are counted per character, so that a record edited in `bangyang serve`
        # updates the set without going over the others.
        hashes, known, uses = self.c.hashes, self._record_chars, self._char_uses
        added, dropped, counted = [], [], set()
        for h in self.c.honorees.values():
            if h.is_stub:  # not h.record: that would unpickle every record (generator.records.record)
                continue
            counted.add(h.id)
            sha = hashes.get(h.id) or h.id
            before = known.get(h.id)
            if before is not None and before[0] == sha:
                continue
            chars = self.memo.get(("chars", sha), lambda h=h: _chars_of_record(h))
            if before is not None:
                dropped.append(before[1])
            added.append(chars)
            known[h.id] = (sha, chars)
        for hid in known.keys() - counted:  # counted by the last catalog's builder (inherit): gone, or a stub now
            dropped.append(known.pop(hid)[1])
        # One count over all of them: a Counter.update call per record cost more than the counting.
        uses.subtract(itertools.chain.from_iterable(dropped))
        uses.update(itertools.chain.from_iterable(added))
        if self._linked_chars is None:
            self._linked_chars = self._chars_of_links()
        return self._linked_chars | {c for c, n in uses.items() if n > 0}

    def _chars_of_links(self) -> set[str]:
        chars: set[str] = set()
        chars.update(*(h.name for h in self.c.honorees.values()))
        for e in self.c.editions.values():
            chars.update(e.model.title + "".join(c.name for c in e.categories))
        for s in self.c.schemes.values():
            chars.update(s.name)
        for n in self.c.news.values():
            chars.update(n.text)
        for r in self.c.regions.regions.values():
            chars.update(r.path)
        return chars

    def open_data_row(self, h: Honoree) -> tuple[str, str, str, str]:
        return self.per_honoree(PER_HONOREE[1], h, lambda: _open_data_row(h))

    def open_data(self) -> None:
        rows, files_of_all = self.open_data_files()
        self.pages += files_of_all
        files = [{"title": e.model.title, "json": f"data/{e.id}.json", "csv": f"data/{e.id}.csv", "count": e.entry_count}
                 for e in self.c.editions.values()]
        self.add("data/index.html", "data.html", "开放数据", "data", self.latest, self.site_source,
                 files=files, honorees={"json": "data/honorees.json", "csv": "data/honorees.csv", "count": len(rows)},
                 license=self.c.site.data_license or "")

    def open_data_files(self) -> tuple[list, list[Page]]:
        """Every honoree's open-data rows, and the files made of them: honorees.json, honorees.csv,
        awards.csv, figures.csv and the data package that describes them."""
        rows = [self.open_data_row(h) for h in self.c.honorees.values()]
        # The files run to megabytes: when no row changed, the last ones (and their hashes) do.
        if self._open_data is None or self._open_data[0] != rows:
            # Each share is finished text, its JSON indented for its place in the list: joining
            # them gives the bytes orjson would write for the whole list.
            json_text = "[\n" + ",\n".join(r[0] for r in rows) + "\n]\n" if rows else "[]\n"
            tables = (("data/honorees.csv", opendata.HONOREE_FIELDS, 1), ("data/awards.csv", opendata.AWARD_FIELDS, 2),
                      ("data/figures.csv", opendata.FIGURE_FIELDS, 3))
            files = [("data/honorees.json", json_text)]
            files += [(path, opendata.csv_text(opendata.header(fields), "".join(r[i] for r in rows)))
                      for path, fields, i in tables]
            files.append(("data/datapackage.json",
                          opendata.datapackage(self.c.site, self.latest, list(self.c.editions.values()))))
            self._open_data = (rows, [Page(path, body=text.encode("utf-8"), in_sitemap=False) for path, text in files])
        return self._open_data

    def edition_data(self, e: EditionInfo) -> None:
        """data/<edition>.json and .csv."""
        rows = [{"category": c.name, "position": en.position, "rank": en.rank, "name": en.name, "honoree_id": en.honoree_id,
                 "region": en.region.path if en.region else "", "role": en.role or ""}
                for c in e.categories for en in c.entries]
        # position is the order the list prints; rank stays empty unless the list is a ranking.
        meta = {"id": e.id, "title": e.model.title, "year": e.model.year, "level": e.model.level,
                "ranked": e.model.ranked, "order_note": e.model.order_note, "inferred": dict(e.model.inferred),
                "stage": e.model.stage, "announced": e.model.announced, "issuers": e.model.issuers,
                "document_number": e.model.document_number, "entries": rows}
        self._data(f"data/{e.id}.json", _json(meta))
        self._data(f"data/{e.id}.csv", opendata.csv_text(opendata.header(opendata.EDITION_FIELDS),
                                                         opendata.csv_lines(opendata.edition_rows(e))))

    def _data(self, path: str, text: str) -> None:
        self.pages.append(Page(path, body=text.encode("utf-8"), in_sitemap=False))

    def attachments(self) -> None:
        for rel, (path, _) in sorted(self.c.attachments.items()):
            self.pages.append(Page(f"attachments/{rel}", body=Path(path).read_bytes(), in_sitemap=False))

    def redirects(self) -> None:
        for old, new in self.c.redirects.items():
            self.pages.append(Page(f"{old}/index.html", "redirect.html",
                                   {"target": honoree_url(new),
                                    "page": page_meta("页面已迁移", "", "", "", f"{old}/")},
                                   in_sitemap=False))

    def site_map(self) -> None:
        """网站地图: every column, and the lists, years and provinces under them."""
        news = sorted(self.c.news.values(), key=lambda n: n.meta.date, reverse=True)
        columns = [
            {"title": "首页", "url": "", "items": []},
            {"title": "榜单", "url": "awards/", "items": [
                {"title": e["title"], "url": e["url"]} for sid in sorted(self.c.schemes)
                for e in self.scheme_ref(sid)["editions"]]},
            {"title": "年度", "url": "years/", "items": [
                {"title": f"{y}年度", "url": f"years/{y}/"} for y in sorted(self.editions_by_year, reverse=True)]},
            {"title": "地区", "url": "regions/", "items": [
                {"title": r["name"], "url": r["url"]} for r in self.child_refs(None)]},
            {"title": "新闻", "url": "news/", "items": [
                {"title": n.meta.title, "url": f"news/{n.slug}/"} for n in news if n.meta.status == "published"]},
            {"title": "统计", "url": "stats/", "items": []},
            {"title": "搜索", "url": "search/", "items": []},
            {"title": "开放数据", "url": "data/", "items": []},
        ]
        self.add("sitemap/index.html", "site_map.html", "网站地图", "sitemap", self.latest, self.site_source,
                 columns=columns)

    def not_found(self) -> None:
        # Served by the web server for any missing address, at any depth: relative links would
        # point below that address, so they start from the path of site_url (“/” without one).
        root = urlsplit(self.c.site.site_url).path.rstrip("/") + "/"
        # No address of its own: no canonical link, no QR code.
        self.pages.append(Page("404.html", "404.html", {"root": root, "page": page_meta(
            "页面不存在", "", "", "", column="404")}, in_sitemap=False))


def news_extras(catalog: Catalog, slug: str, honoree_ids: list[str]) -> dict:
    """What a news page shows besides its article: the honorees it links and its search data."""
    news = catalog.news.get(slug)
    return {
        "related": [{"name": catalog.honorees[i].name, "url": honoree_url(i)} for i in honoree_ids if i in catalog.honorees],
        "search": news_search(catalog, news) if news else {"pinyin": "", "awards": "", "filters": [], "meta": []},
    }


def news_search(catalog: Catalog, news: NewsInfo) -> dict:
    """Filters and card metadata of a news article: the lists and places it is about."""
    editions = [catalog.editions[e] for e in news.meta.editions if e in catalog.editions]
    places: dict[str, list[str]] = {"province": [], "city": []}
    for region in news.regions:
        for key, values in place_filters(catalog.regions.ancestors(region.path)).items():
            places[key] += values
    return {
        "pinyin": "", "awards": "",
        "filters": filter_values(year=[str(e.model.year) for e in editions] or [news.meta.date[:4]],
                                 level=[e.model.level for e in editions],
                                 scheme=[catalog.schemes[e.scheme_id].name for e in editions if e.scheme_id in catalog.schemes],
                                 category=[], **places),
        "meta": [{"key": "kind", "value": "新闻"}, {"key": "region", "value": "、".join(r.display for r in news.regions)},
                 {"key": "award", "value": "、".join(e.model.title for e in editions)},
                 {"key": "year", "value": news.meta.date[:10]}],
    }


def _years_label(start: int | None, end: int | None) -> str:
    if start and start == end:
        return f"{start}年度"
    if start and end:
        return f"{start}—{end}年度"
    if end:
        return f"{end}年度及以前"
    if start:
        return f"{start}年度起"
    return "历年"


def _source(s) -> dict:
    return {"publisher": s.publisher or "", "title": s.title or "", "url": s.url or "", "date": s.date or "",
            "author": s.author or "", "editor": s.editor or "", "site": s.site or "",
            "informant": s.informant or "", "quote": s.quote or ""}


def _publisher(sources) -> str:
    return next((s.publisher for s in sources if s.publisher), "")


def printed_date(m) -> str:
    """An edition's date for its pages' header: the announcement when printed, else its report's date."""
    if m.announced and "announced" not in m.inferred:
        return m.announced
    return next((s.date for s in m.sources if s.date), str(m.year))


def dated(text: str | None, basis: str | None) -> str:
    """A date as pages show it: as printed, or, when inferred, “约 2020年3月 (据报道日期)”."""
    if not text:
        return ""
    if basis is None:
        return text
    parts = [int(p) for p in text.split("-")]
    words = "".join(f"{n}{unit}" for n, unit in zip(parts, ("年", "月", "日")))
    return f"约 {words}（{basis}）"


def _order_text(ranked: bool, note: str | None) -> str:
    if ranked:
        return "按名次排列"
    if note:
        return f"{note}（原文）"
    return "按原文公布顺序，不表示名次"


def _profile(record: HonoreeBase) -> list[dict]:
    """Kind-specific fields as (label, value) rows, in the model's field order."""
    rows = []
    base = set(HonoreeBase.model_fields)
    for name, info in type(record).model_fields.items():
        if name in base:
            continue
        value = getattr(record, name)
        if value in (None, "", []):
            continue
        if isinstance(value, Quantity):
            text = value.text
        elif isinstance(value, list):
            text = "、".join(map(str, value))
        else:
            text = str(value)
        rows.append({"label": info.title or name, "value": text, "field": name})
    return rows


def _chars_of_record(h: Honoree) -> str:
    """The characters an honoree's record adds to the search index: every field but the body."""
    # pydantic writes the JSON itself: half the time of model_dump and json.dumps, and the same
    # characters but the space after each separator, which no traditional form maps to.
    return "".join(set(h.record.model_dump_json(exclude={"body"})))


def _open_data_row(h: Honoree) -> tuple[str, str, str, str]:
    """One honoree's share of the open data, as finished text: its item of data/honorees.json,
    its line of honorees.csv, and its lines of awards.csv and figures.csv.

    Text, not rows: the build cache keeps a share for every honoree, and a rebuild of the
    data files reads them all, which strings make quicker than lists of values."""
    row = {
        "id": h.id, "name": h.name, "kind": h.kind, "region": h.region.path if h.region else "",
        "is_stub": h.is_stub, "awarded": h.awarded, "url": honoree_url(h.id),
        "awards": [{"edition": a.edition_id, "year": a.year, "category": a.category, "rank": a.rank,
                    "announced": a.announced, "announced_inferred": a.announced_basis is not None} for a in h.awards],
        "stats": [{"metric": s.metric, **s.value.as_dict(), "date": s.date or ""} for s in (h.record.stats if h.record else [])],
    }
    item = "  " + _json(row).rstrip("\n").replace("\n", "\n  ")  # JSON strings hold no raw newline
    honoree, awards, figures = opendata.honoree_rows(h, honoree_url(h.id))
    return item, opendata.csv_lines([honoree]), opendata.csv_lines(awards), opendata.csv_lines(figures)


def _pairs(filters: list[dict]) -> tuple[tuple[str, str], ...]:
    """(filter, value) for each value of each filter."""
    return tuple((f["name"], v) for f in filters for v in f["options"])


def _size(n: int) -> str:
    """A file's size as a download link gives it: 35 KB, 1.2 MB."""
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{max(1, round(n / 1024))} KB"


def _json(data) -> str:
    """Indented UTF-8 JSON; orjson, since the standard library's indenting encoder is pure Python."""
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"


class _RegionIndex:
    """One pass over honorees, entries and statistics, adding each to every region above it."""

    def __init__(self, c: Catalog):
        table = c.regions
        self.members: dict[str, list[Honoree]] = defaultdict(list)
        # What a region page reads of its members: each one, and the edition of its latest
        # award, which its card shows.
        self.member_deps: dict[str, set[str]] = defaultdict(set)
        # Gathered by region first, then added to the regions above: most regions hold many.
        # (A region page sorts its members: the order they are gathered in does not show.)
        placed: dict[str, list[Honoree]] = defaultdict(list)
        for h in c.honorees.values():
            if h.region:
                placed[h.region.path].append(h)
        for path, inside in placed.items():
            reads = {h.id for h in inside} | {h.awards[-1].edition_id for h in inside if h.awards}
            for a in table.ancestors(path):
                self.members[a.path] += inside
                self.member_deps[a.path] |= reads
        listed_at: dict[str, set[str]] = defaultdict(set)
        for e in c.editions.values():
            for cat in e.categories:
                for en in cat.entries:
                    if en.region:
                        listed_at[en.region.path].add(e.id)
        self.listed: dict[str, set[str]] = defaultdict(set)
        for path, eids in listed_at.items():
            for a in table.ancestors(path):
                self.listed[a.path] |= eids
        self.sheets_of: dict[str, list] = defaultdict(list)
        for s in c.statsheets:
            self.sheets_of[s.region.path].append(s)


def page_builder(catalog: Catalog, memo: Values) -> "PageBuilder":
    """The builder whose ``plan()`` lists the site's page groups and ``run()`` makes one."""
    return PageBuilder(catalog, memo)
