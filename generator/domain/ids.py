"""Ids, slugs, the record kinds' folders, the project's cache folder and the key names are
matched by: each defined here once.

A record's id is its path under content/records/ without ``.yaml``
(``communities/zhejiang/cixi-yubo``); each part is a slug of lowercase ASCII and hyphens.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

CACHE_ROOT = Path(".bangyang-cache")  # in the project folder: everything Bangyang keeps that editors do not write

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ID_PATTERN = rf"^{SLUG}(?:/{SLUG})+$"  # for the JSON Schema and pydantic
_SLUG = re.compile(rf"^{SLUG}$")
_ID = re.compile(ID_PATTERN)

# The folder under content/records/ of each kind of honoree, and back.
KIND_DIRS: dict[str, str] = {
    "communities": "community",
    "organizations": "organization",
    "projects": "project",
    "volunteers": "volunteer",
    "centres": "centre",
}
KIND_DIR = {kind: folder for folder, kind in KIND_DIRS.items()}


def is_slug(text: str) -> bool:
    return bool(_SLUG.match(text))


def is_record_id(text: str) -> bool:
    return bool(_ID.match(text))


def content_hash(data: bytes) -> str:
    """A short, collision-safe digest of ``data``: how every input and output is compared."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def name_key(name: str) -> str:
    """A name as two records or entries are matched: without any spaces (never as written)."""
    return "".join(name.split())
