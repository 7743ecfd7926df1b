"""Site profiles: declarative CSS selectors for the portals we know, read from profiles.yaml."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from lxml.cssselect import CSSSelector

PROFILES_FILE = Path(__file__).with_name("profiles.yaml")
FIELDS = ("title", "time", "info", "body")


@dataclass(frozen=True)
class Profile:
    """Selectors for one family of sites; each field lists CSS selectors tried in order."""

    name: str
    hosts: tuple[str, ...]
    selectors: dict = field(default_factory=dict)
    crawl: dict = field(default_factory=dict)  # list-page settings for `bangyang crawl`

    def select(self, root, what: str) -> list:
        """Elements matched by the first selector of this field that matches anything."""
        for sel in self.selectors.get(what, ()):
            found = sel(root)
            if found:
                # a selector matching nested elements: keep only the outermost
                keep = [e for e in found if not any(a in found for a in e.iterancestors())]
                return keep
        return []

    def matches(self, host: str) -> bool:
        return any(host == h or host.endswith("." + h) for h in self.hosts)


@lru_cache(maxsize=4)
def load_profiles(path: Path = PROFILES_FILE) -> tuple[Profile, ...]:
    """All profiles in the YAML file, with selectors compiled."""
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or []
    out = []
    for item in raw:
        sels = {f: tuple(CSSSelector(s) for s in item.get(f, [])) for f in FIELDS}
        out.append(Profile(item["name"], tuple(item["hosts"]), sels, item.get("crawl") or {}))
    return tuple(out)


def profile_for(url: str | None) -> Profile | None:
    """The profile whose hosts match the URL's host, or None."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return next((p for p in load_profiles() if p.matches(host)), None)


def profile_named(name: str) -> Profile | None:
    """The profile of that name, or None."""
    return next((p for p in load_profiles() if p.name == name), None)
