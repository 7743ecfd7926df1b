"""Settings for the sample site, read by `bangyang build` (which runs Pelican for the news pages).

Editors change content/, not this file. Build with `bangyang build`, not `pelican`: the
record pages and the catalog that news pages show come from bangyang's own pipeline.
"""

import os

_HERE = os.path.dirname(os.path.abspath(__file__))

SITENAME = "榜样"
SITEURL = ""
RELATIVE_URLS = True          # the site can live under any sub-path of a portal
PATH = "content"
OUTPUT_PATH = "output"
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh-CN"
DEFAULT_DATE_FORMAT = "%Y-%m-%d %H:%M"

# Theme: our templates override everything; static files are self-hosted.
THEME_TEMPLATES_OVERRIDES = [os.path.join(_HERE, "templates")]
THEME_STATIC_PATHS = [os.path.join(_HERE, "templates", "static")]
THEME_STATIC_DIR = "theme"

# News articles are Pelican articles; records are rendered by bangyang itself.
ARTICLE_PATHS = ["news"]
PAGE_PATHS = []
STATIC_PATHS = []
SLUGIFY_SOURCE = "basename"   # the URL comes from the file name, never the title
ARTICLE_URL = "news/{slug}/"
ARTICLE_SAVE_AS = "news/{slug}/index.html"
DRAFT_URL = "news/drafts/{slug}/"
DRAFT_SAVE_AS = ""            # drafts only appear with `bangyang serve --drafts`
INDEX_SAVE_AS = "news/index.html"
DIRECT_TEMPLATES = ["index"]
DEFAULT_PAGINATION = False
# Pelican's draft writer needs every article to have a category, even with
# category pages turned off.
DEFAULT_METADATA = {"category": "news"}
SUMMARY_MAX_LENGTH = None     # Chinese excerpts are cut by characters in generator.textcut

for _kind in ("TAG", "TAGS", "CATEGORY", "CATEGORIES", "AUTHOR", "AUTHORS", "ARCHIVES",
              "YEAR_ARCHIVE", "MONTH_ARCHIVE", "DAY_ARCHIVE", "PAGE", "PAGE_LANG", "ARTICLE_LANG",
              "DRAFT_LANG", "DRAFT_PAGE"):
    globals()[f"{_kind}_SAVE_AS"] = ""

FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None

# Autoescape everything: names and text may come from scraped pages.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
DELETE_OUTPUT_DIRECTORY = True
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}
