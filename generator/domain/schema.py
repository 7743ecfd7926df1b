"""JSON Schema for each record type, so editors' YAML editors can autocomplete and check."""

from __future__ import annotations

import json
from pathlib import Path

from generator.domain.model import HONOREE_MODELS, Edition, NewsMeta, Scheme, SiteInfo, StatSheet

SCHEMAS = {
    **HONOREE_MODELS,
    "scheme": Scheme,
    "edition": Edition,
    "statistics": StatSheet,
    "site": SiteInfo,
    "news": NewsMeta,
}


def schema_text(model) -> str:
    """The schema of one model as stable, pretty JSON."""
    return json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(out: Path) -> list[Path]:
    """Write <type>.json for every record type into ``out``; returns the paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = out / f"{name}.json"
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written
