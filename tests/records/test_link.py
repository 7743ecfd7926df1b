"""Linking: what it reads of each record."""

from __future__ import annotations

from generator.records.link import link
from generator.records.load import load
from generator.records.record import StoredModel
from helpers import REPO


def _linking_must_not_ask():
    raise AssertionError("linking asked for a whole honoree model")


def test_linking_reads_an_honoree_record_only_through_its_view():
    """A preview keeps its catalog after an edit that leaves every honoree's view (name,
    region, status, aliases, organization) as it was: that is safe only if linking reads
    nothing else of an honoree record."""
    loaded = load(REPO / "content")
    expected = link(loaded)
    for record in loaded.records.values():
        if record.is_honoree:
            record.held = StoredModel(record.view)
            record.held.fetch = _linking_must_not_ask
    catalog = link(loaded)
    assert {i: (h.name, h.region, h.kind) for i, h in catalog.honorees.items()} == \
        {i: (h.name, h.region, h.kind) for i, h in expected.honorees.items()}
    assert catalog.redirects == expected.redirects
    assert [(e.id, [[en.name for en in c.entries] for c in e.categories]) for e in catalog.editions.values()] == \
        [(e.id, [[en.name for en in c.entries] for c in e.categories]) for e in expected.editions.values()]
