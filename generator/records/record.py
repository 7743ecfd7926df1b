"""A validated record, and the form in which the build cache keeps an honoree's.

A rebuild after one edit reads every record from the cache but needs the whole model of
only the few whose pages it remakes. Linking reads five fields of an honoree
(``HonoreeView``); the cache keeps those apart from the model (``StoredModel``), and the
model is read and unpickled when a page first asks for it.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, NamedTuple

from generator.domain.model import KIND_DIRS, HonoreeBase, Strict


class HonoreeView(NamedTuple):
    """Everything linking (generator.records.link) reads of an honoree record.

    The linker reads an honoree record only through this view, and
    tests/records/test_link.py holds it to that: a preview keeps its catalog while every
    view stays the same (generator.engine.text_edits).
    """

    name: str
    region: str | None
    status: str
    aliases: tuple[str, ...]
    organization_id: str | None
    photos: tuple[str, ...]  # files under content/attachments/, checked to exist when linking


def honoree_view(model: HonoreeBase) -> HonoreeView:
    return HonoreeView(model.name, model.region, model.status, tuple(model.aliases),
                       getattr(model, "organization_id", None), tuple(p.file for p in model.photos))


class StoredModel:
    """An honoree's validated model as the build cache holds it: its view, with the model
    kept apart and fetched on first use (``fetch``, set by whoever read it from the cache).

    The cache keeps the models in files of their own: a build after one edit links every
    honoree by its view, and reads the models of only the few whose pages it remakes."""

    __slots__ = ("view", "_model", "fetch")

    def __init__(self, view: HonoreeView, model: HonoreeBase | None = None):
        self.view, self._model = view, model
        self.fetch: Callable[[], HonoreeBase] | None = None

    @property
    def model(self) -> HonoreeBase:
        if self._model is None:
            self._model, self.fetch = self.fetch(), None
        return self._model

    @property
    def fetched(self) -> bool:
        return self._model is not None

    def blob(self) -> bytes:
        """The model pickled, for the cache's file of models (once fetched)."""
        return pickle.dumps(self._model, pickle.HIGHEST_PROTOCOL)

    def __reduce__(self):
        # Only the view goes where the records are listed; the model goes to its own file (blob).
        return StoredModel, (self.view,)


@dataclass
class Record:
    """A validated record with where it came from."""

    id: str          # path under content/records without .yaml, e.g. communities/zhejiang/cixi-yubo
    type: str        # first directory: communities, editions, statistics…
    held: Strict | StoredModel  # the model; for an honoree read from the build cache, its stored form
    file: str        # path shown to editors
    path: str | None = None    # a plain string: at tens of thousands of files, Path objects cost
    source: str | None = None  # the file's text; read on demand, since only a problem needs it
    _view: HonoreeView | None = field(default=None, repr=False, compare=False)  # worked out once

    @property
    def model(self) -> Strict:
        held = self.held
        return held.model if type(held) is StoredModel else held

    @property
    def is_honoree(self) -> bool:
        return self.type in KIND_DIRS

    @property
    def view(self) -> HonoreeView | None:
        """What linking reads of it; None for records that are not honorees."""
        held = self.held
        if type(held) is StoredModel:
            return held.view
        if self._view is None and self.is_honoree:
            # A record is not changed once validated: a preview links it again at every
            # edit, and reading five fields through pydantic each time added up.
            self._view = honoree_view(held)
        return self._view

    def stored(self) -> Strict | StoredModel:
        """The form the build cache keeps."""
        held = self.held
        if self.is_honoree and type(held) is not StoredModel:
            return StoredModel(honoree_view(held), held)
        return held

    @property
    def text(self) -> str:
        """Source text, to locate fields in later steps."""
        if self.source is None:
            self.source = Path(self.path).read_text(encoding="utf-8-sig") if self.path else ""
        return self.source
