"""The extracted article: plain data, the same whatever page it came from."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Image:
    """A picture in the article body."""

    src: str
    alt: str = ""


@dataclass
class ListEntry:
    """One entry of an honour list, under its cleaned category heading.

    ``name`` is the name alone, exactly as printed; ``role`` the unit or role printed with
    it; ``place`` a place printed with it; ``source`` the line or table row it was read from.
    """

    category: str
    name: str
    role: str = ""
    place: str = ""
    source: str = ""


@dataclass
class Link:
    """A file the article links to (“附件：……名单.docx”), by its text and absolute address."""

    title: str
    url: str


@dataclass
class KeptFile:
    """An attachment fetched with its article, to be kept beside the edition it lists."""

    title: str
    url: str
    suffix: str      # "docx", "pdf", …
    data: bytes


@dataclass
class Article:
    """One news article as scraped: metadata, plain-text body, pictures and honour lists.

    ``reason`` says why an article is empty (no text, binary input, …);
    ``tables`` keeps the body's tables as rows of cell text for `structure`.
    """

    title: str = ""
    publish_time: str | None = None
    source: str | None = None
    author: str | None = None
    editor: str | None = None
    body: str = ""
    images: list[Image] = field(default_factory=list)
    list_entries: list[ListEntry] = field(default_factory=list)
    url: str | None = None
    site: str | None = None  # the portal that carried the article, when 来源 names another outlet
    encoding: str | None = None
    profile: str | None = None  # the site profile used, or None for the general algorithm
    reason: str | None = None
    tables: list[list[list[str]]] = field(default_factory=list)
    attachment: str | None = None  # the file name, when this is an attached document, not a web page
    links: list[Link] = field(default_factory=list)      # attachments the page links to
    files: list[KeptFile] = field(default_factory=list)  # those fetched, whose lists were read into this one

    @property
    def paragraphs(self) -> list[str]:
        """The body, one paragraph an item."""
        return [p for p in self.body.split("\n") if p.strip()]

    @property
    def is_empty(self) -> bool:
        return not self.body.strip()

    def as_dict(self) -> dict:
        """Plain dict for JSON and the scorer: title, publish_time, source, author, editor, body, images, list_entries, …"""
        d = asdict(self)
        for name in ("tables", "files"):
            d.pop(name)
        return d


def article_data(article: Article) -> dict:
    """The article as plain data, without fetched files: how a crawl carries an article
    between pages, and how a worker of a distributed crawl hands it to the ingester."""
    d = asdict(article)
    d.pop("files")
    return d


def article_from_dict(d: dict) -> Article:
    """The Article that ``article_data`` gave ``d``."""
    fields = {k: v for k, v in d.items() if k in Article.__dataclass_fields__ and k != "files"}
    fields["images"] = [Image(**i) for i in d.get("images", [])]
    fields["list_entries"] = [ListEntry(**e) for e in d.get("list_entries", [])]
    fields["links"] = [Link(**link) for link in d.get("links", [])]
    return Article(**fields)
