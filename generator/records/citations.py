"""Which published records do not yet quote the words of their source they rest on.

Not an error: a record without a quote is still true to its source, only harder for a reader
to check. `bangyang check` lists them as hints, each at its file and line.
"""

from __future__ import annotations

from pathlib import Path

from generator.domain.problems import Problem
from generator.records import yamlfile
from generator.records.catalog import Catalog
from generator.records.record import Record


def uncited(catalog: Catalog, project: Path) -> list[Problem]:
    """Published honorees and editions none of whose sources carries a quote; ``project`` is
    the folder the records' shown paths are relative to."""
    hints = []
    records: list[tuple[Record, object]] = [(h.source, h.record) for h in catalog.honorees.values() if h.source]
    hints += [_hint(r, m) for r, m in records if m.status == "published" and not any(s.quote for s in m.sources)]
    for e in catalog.editions.values():
        m = e.model
        if m.status == "published" and not any(s.quote for s in m.sources):
            line, col = yamlfile.locate(_text(project / e.file), ("sources",), want_key=True)
            hints.append(Problem(e.file, line, col, "sources", "没有原文摘句 (quote): 摘录名单所在的原文句子, 读者才能核对"))
    return sorted(hints)


def _hint(record: Record, model) -> Problem:
    where = ("sources",) if model.sources else ("name",)
    line, col = yamlfile.locate(record.text, where, want_key=True)
    message = ("没有原文摘句 (quote): 摘录本条所依据的原文句子, 读者才能核对" if model.sources
               else "没有来源 (sources): 写明出处和原文摘句")
    return Problem(record.file, line, col, where[0], message)


def _text(file: Path) -> str:
    try:
        with open(file, encoding="utf-8-sig") as f:
            return f.read()
    except OSError:
        return ""
