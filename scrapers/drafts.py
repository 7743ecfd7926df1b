"""Write drafts into content/: new files only, merges of missing fields, or <id>.incoming.yaml beside.

An editor's file is never replaced: new files are opened with "x", a merge only
adds keys the file lacks (ruamel.yaml keeps the editor's comments and order),
and a record that disagrees with the draft gets its proposal written beside it.
"""
from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

MAX_FIELD = 20_000


@dataclass
class Report:
    """What an ingest did, for the summary it prints."""

    created: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    incoming: list[str] = field(default_factory=list)
    linked: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def extend(self, other: "Report") -> None:
        for name in ("created", "merged", "incoming", "linked", "skipped", "failed"):
            getattr(self, name).extend(getattr(other, name))

    def lines(self) -> list[str]:
        out = []
        for label, items in (("新建", self.created), ("补全", self.merged), ("待核对 (写在旁边)", self.incoming),
                             ("链接到已有记录", self.linked), ("跳过", self.skipped), ("失败", self.failed)):
            if items:
                out.append(f"{label} {len(items)}:")
                out += [f"  {x}" for x in items]
        return out or ["没有可写的内容"]


def _yaml() -> YAML:
    y = YAML()
    y.allow_unicode = True
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def plain_text(text: str | None, limit: int = MAX_FIELD) -> str:
    """Scraped text made safe for Markdown: capped, control characters gone, HTML escaped."""
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text or "")[:limit]
    return html.escape(text, quote=False)


def markdown_paragraphs(paragraphs: list[str]) -> str:
    """Paragraphs as Markdown text: escaped, one blank line apart, no accidental list or heading syntax."""
    out = []
    for p in paragraphs:
        p = plain_text(p.strip())
        # a line starting with “1.” or “#” would become a list or heading
        p = re.sub(r"^(\d+)\.", r"\1\\.", p)
        p = re.sub(r"^([#>*+\-=|])", r"\\\1", p)
        if p:
            out.append(p)
    return "\n\n".join(out)


def dump(data: dict, comments: dict[str, str] | None = None, header: str | None = None) -> str:
    """YAML text for a new record, with optional end-of-line comments on some keys."""
    cm = CommentedMap(data)
    for key, text in (comments or {}).items():
        if key in cm:
            cm.yaml_add_eol_comment(text, key)
    buf = io.StringIO()
    if header:
        buf.write("".join(f"# {line}\n" for line in header.splitlines()))
    _yaml().dump(cm, buf)
    return buf.getvalue()


def write_new(path: Path, text: str) -> bool:
    """Create a file; False (and nothing written) if it exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8") as fh:
            fh.write(text)
    except FileExistsError:
        return False
    return True


def merge_missing(path: Path, draft: dict, model=None) -> tuple[list[str], list[str]]:
    """Add the draft's keys that the record lacks; returns (added keys, keys whose values differ).

    With a pydantic `model`, the merged record must still validate, or nothing is written
    and the added keys are reported as differing instead.
    """
    y = _yaml()
    doc = y.load(path.read_text(encoding="utf-8"))
    if not isinstance(doc, dict):
        return [], list(draft)
    added, differ = [], []
    for key, value in draft.items():
        if key in ("status", "sources"):
            continue  # a record's sources grow by editing, not by a conflict report
        if key not in doc or doc[key] in (None, "", []):
            if value not in (None, "", []):
                doc[key] = value
                added.append(key)
        elif _norm(doc[key]) != _norm(value) and key not in ("body", "summary", "region", "name"):
            differ.append(key)
    if added and model is not None:
        try:
            model.model_validate(yaml.load(_dumps(doc), Loader=yaml.CSafeLoader))
        except Exception:  # pydantic.ValidationError, or YAML the model cannot read
            return [], differ + added
    if added:
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            y.dump(doc, fh)
        tmp.replace(path)
    return added, differ


def _dumps(doc) -> str:
    buf = io.StringIO()
    _yaml().dump(doc, buf)
    return buf.getvalue()


def _norm(v) -> str:
    return re.sub(r"\s", "", str(v))

