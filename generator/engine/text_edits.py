"""A preview's rebuild after edits to honoree texts only: the last catalog, with the new records in place.

Linking reads a few fields of each honoree record (``record.HonoreeView``). When a rebuild's
inputs differ from the last build's only in honoree records whose view did not change,
linking again would give the same catalog holding the new records. Putting them in
place is enough, and the page plan and the builder's indexes of the catalog stay valid:
a preview shows a text edit without linking or planning the whole site again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.records.catalog import Catalog
from generator.records.load import Loaded
from generator.site.pages import Group, PageBuilder


@dataclass
class Linked:
    """The last successful build's catalog, with the builder and the plan made from it."""

    loaded: Loaded
    catalog: Catalog
    builder: PageBuilder
    groups: list[Group]
    include_drafts: bool
    manifest: Any = None  # what the last build with this plan wrote (state.Manifest)


def apply_text_edits(last: Linked | None, loaded: Loaded, include_drafts: bool) -> bool:
    """Put the changed records of ``loaded`` into ``last``'s catalog; False when it must be linked again."""
    if last is None or last.include_drafts != include_drafts or loaded.problems or loaded.failed:
        return False
    before = last.loaded
    if before.hashes.keys() != loaded.hashes.keys():
        return False  # a file was added or removed
    changed = [key for key, sha in loaded.hashes.items() if before.hashes[key] != sha]
    for key in changed:
        old, new = before.records.get(key), loaded.records.get(key)
        # site.yaml, regions.yaml and news are not records: any change to them links again.
        if old is None or new is None or not new.is_honoree or (old.type, old.view) != (new.type, new.view):
            return False
    for key in changed:
        honoree = last.catalog.honorees.get(key)
        if honoree is not None and honoree.source is before.records[key]:
            honoree.source = loaded.records[key]  # hidden drafts have no record here
    last.catalog.hashes = loaded.hashes
    last.loaded = loaded
    return True
