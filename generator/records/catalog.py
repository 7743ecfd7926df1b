"""The linked catalog: plain data that every page is made from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from generator.domain.model import Edition, HonoreeBase, NewsMeta, Scheme, SiteInfo, StatSheet
from generator.records.record import Record
from generator.domain.regions import Region, RegionTable


# AwardRef and Entry are named tuples, not frozen dataclasses: as immutable, and quicker to make
# (a frozen dataclass sets each field through object.__setattr__), at one of each for every
# entry of every list.
class AwardRef(NamedTuple):
    """One honour an honoree received: which list, which category, and its rank only where the
    list is a ranking."""

    edition_id: str
    scheme_id: str
    edition_title: str
    year: int
    level: str
    stage: str
    category: str
    position: int  # place in the list as the site holds it; orders the timeline, never shown as a rank
    rank: int | None
    announced: str | None
    announced_basis: str | None  # why the date is believed, when the source does not print it
    listed_name: str  # the name as the list prints it


@dataclass
class Honoree:
    """A profile record, or a stub made for a list entry that has no profile yet."""

    id: str
    kind: str
    name: str
    region: Region | None
    source: Record | None = None  # None for a stub
    file: str | None = None
    awards: list[AwardRef] = field(default_factory=list)
    news: list[str] = field(default_factory=list)  # news slugs, newest first
    photos: tuple[str, ...] = ()  # its photos' files under content/attachments/

    @property
    def awarded(self) -> bool:
        """On a published list: a 先进典型. The others are brands and projects a report names."""
        return bool(self.awards)

    @property
    def record(self) -> HonoreeBase | None:
        """The validated record; None for a stub."""
        return self.source.model if self.source is not None else None

    @property
    def is_stub(self) -> bool:
        return self.source is None


class Entry(NamedTuple):
    """A list entry after linking."""

    position: int  # 1-based, in the order the list prints them
    rank: int | None  # the published rank, for a ranked list only
    honoree_id: str
    name: str
    region: Region | None
    role: str | None


@dataclass(frozen=True)
class Category:
    name: str
    slug: str
    kind: str
    quota: int | None
    entries: list[Entry]

    @property
    def complete(self) -> bool:
        """The site holds the whole category: its positions are the list's own."""
        return self.quota is not None and len(self.entries) == self.quota


@dataclass
class EditionInfo:
    """An edition with its entries resolved to honoree ids."""

    id: str
    model: Edition
    scheme_id: str
    region: Region | None
    categories: list[Category]
    file: str

    @property
    def entry_count(self) -> int:
        return sum(len(c.entries) for c in self.categories)


@dataclass
class StatSheetInfo:
    id: str
    model: StatSheet
    region: Region


@dataclass
class NewsInfo:
    slug: str
    meta: NewsMeta
    regions: list[Region]
    text: str = ""  # the Markdown file as written


@dataclass
class Catalog:
    """Everything the pages need, linked both ways."""

    site: SiteInfo
    regions: RegionTable
    honorees: dict[str, Honoree]
    schemes: dict[str, Scheme]
    editions: dict[str, EditionInfo]
    statsheets: list[StatSheetInfo]
    news: dict[str, NewsInfo]
    redirects: dict[str, str]  # old id → current id
    hashes: dict[str, str] = field(default_factory=dict)  # input → content hash (see load.Loaded)
    # Files editions offer for download: path under content/attachments/ → (absolute path, bytes).
    attachments: dict[str, tuple[str, int]] = field(default_factory=dict)
    # Photos honorees show, under content/attachments/: path there → absolute path. Published
    # only resized, never as the original (which may carry the camera's GPS position).
    photos: dict[str, str] = field(default_factory=dict)
