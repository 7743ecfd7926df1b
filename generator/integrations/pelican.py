"""Pelican, behind one function: the news pages, the Atom feed and the theme's static files.

bangyang renders every record page itself (generator.engine.build) and runs Pelican for the
rest, with the catalog handed to the hooks in generator.integrations.pelican_hooks. Plain
`pelican` is not a second way to build the site: there is one pipeline.
"""

from __future__ import annotations

import logging
from pathlib import Path

from generator.records.catalog import Catalog
from generator.site.pages import latest_date, news_extras


class PelicanError(Exception):
    """Pelican reported errors in news files; ``messages`` lists them."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("\n".join(messages))


class _ErrorCounter(logging.Handler):
    """Collects the errors Pelican logs (it logs a bad article and carries on)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def run_pelican(project: Path, settings_file: Path, catalog: Catalog, include_drafts: bool, into: Path,
                scripts: list[str]) -> list[str]:
    """Run Pelican for the news pages, feeds and theme files, into the empty folder ``into``;
    returns the files it wrote, relative to it. Raises PelicanError.

    ``scripts``: files from npm, copied among the theme files under their own names."""
    from pelican import Pelican
    from pelican.log import console
    from pelican.settings import read_settings

    counter = _ErrorCounter()
    pelican_logger = logging.getLogger("pelican")
    pelican_logger.addHandler(counter)
    try:
        overrides = {
            "PATH": str(project / "content"),
            "OUTPUT_PATH": str(into),
            "PLUGINS": ["generator.integrations.pelican_hooks"],
            "BANGYANG_CATALOG": catalog,
            "FEED_DOMAIN": catalog.site.site_url,
            "SITENAME": catalog.site.name,
        }
        if include_drafts:
            overrides["DRAFT_SAVE_AS"] = "news/drafts/{slug}/index.html"
        with console.capture():  # its English summary line ("Done: Processed …"): the build reports in Chinese
            settings = read_settings(str(settings_file), override=overrides)
            settings["THEME_STATIC_PATHS"] = [*settings["THEME_STATIC_PATHS"], *scripts]
            Pelican(settings).run()
    finally:
        pelican_logger.removeHandler(counter)
    if counter.messages:
        raise PelicanError(counter.messages)
    return sorted(str(p.relative_to(into)) for p in into.rglob("*") if p.is_file())


def pelican_inputs(catalog: Catalog) -> list:
    """What Pelican's pages read besides the settings and theme files: the news files, the
    records news pages show, and the feed's date when there is no news."""
    extras = {slug: news_extras(catalog, slug, n.meta.honorees) for slug, n in catalog.news.items()}
    news_hashes = sorted((k, v) for k, v in catalog.hashes.items() if k.startswith("news/"))
    return [news_hashes, extras, "" if catalog.news else latest_date(catalog)]
