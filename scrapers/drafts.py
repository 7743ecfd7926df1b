"""Write drafts into content/: new files only, merges of missing fields, or <id>.incoming.yaml beside.

An editor's file is never replaced: new files are opened with "x", a merge only
adds what the file lacks (ruamel.yaml's round trip keeps the editor's comments, order,
quotes and indentation, and the merge is written only when every line of theirs is
still there unchanged), and a record that disagrees with the draft, or that the round
trip would reformat, gets its proposal written beside it.
"""
from __future__ import annotations

import difflib
import html
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.util import load_yaml_guess_indent

from generator.domain.model import UNPRINTABLE

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
    check: list[str] = field(default_factory=list)   # what an editor must check: places the region table lacks

    def extend(self, other: "Report") -> None:
        for name in ("created", "merged", "incoming", "linked", "skipped", "failed", "check"):
            getattr(self, name).extend(getattr(other, name))

    def lines(self) -> list[str]:
        out = []
        for label, items in (("新建", self.created), ("补全", self.merged), ("待核对 (写在旁边)", self.incoming),
                             ("链接到已有记录", self.linked), ("跳过", self.skipped), ("失败", self.failed),
                             ("请核对", self.check)):
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
    text = UNPRINTABLE.sub("", text or "")[:limit]
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


def _printable(value):
    """Scraped strings without control characters or bidi overrides, which check refuses."""
    if isinstance(value, str):
        return UNPRINTABLE.sub("", value)
    if isinstance(value, dict):
        return {k: _printable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_printable(v) for v in value]
    return value


def dump(data: dict, comments: dict[str, str] | None = None, header: str | None = None) -> str:
    """YAML text for a new record, with optional end-of-line comments on some keys."""
    cm = CommentedMap(_printable(data))
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
    text = path.read_text(encoding="utf-8")
    y, doc = _editors(text)
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
    if added and not _rewrite(path, y, doc, text):
        return [], differ + added
    return added, differ


def _editors(text: str) -> tuple[YAML, object]:
    """An editor's file, loaded for a round trip that writes it back in its own layout: with
    the first indentation that gives their text back unchanged (ruamel.yaml's guess covers
    lists, not mappings)."""
    y = _yaml()
    y.preserve_quotes = True
    doc, indent, dash = load_yaml_guess_indent(text, yaml=y)
    guessed = [(indent, dash or 0)] if indent is not None else []
    for mapping in (2, 4, 3):
        for sequence, offset in [*guessed, (4, 2), (2, 0), (mapping + 2, mapping)]:
            y.indent(mapping=mapping, sequence=sequence, offset=offset)
            if _dumps(doc, y) == text:
                return y, doc
    y.indent(mapping=2, sequence=4, offset=2)
    return y, doc


def _rewrite(path: Path, y: YAML, doc, original: str) -> bool:
    """Write ``doc`` over the editor's file at once, through a symlink rather than over it,
    if that only adds lines: False, and nothing written, when the round trip would change
    one of theirs (a layout ruamel.yaml cannot reproduce)."""
    text = _dumps(doc, y)
    ops = difflib.SequenceMatcher(None, original.splitlines(), text.splitlines(), autojunk=False).get_opcodes()
    if any(tag != "equal" and i1 != i2 for tag, i1, i2, _, _ in ops):
        return False
    target = path.resolve()
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)
    return True


def _key(name: str) -> str:
    """A name as entries are matched: without spaces and quotation marks (never as written)."""
    return re.sub(r"[\s“”\"'‘’]", "", name or "")


def merge_edition(path: Path, categories: list[dict], attachments: list[dict] = ()) -> tuple[int, list[str]]:
    """Add to the edition at ``path`` the draft's entries it lacks, each after the entry that
    comes before it in the draft (published order), or at the end of its category when the
    two share none; a category it lacks goes at the end. ``attachments`` it lacks (by file)
    are added too.

    Returns (entries added, entries that disagree: a name the edition has under another
    category). When any disagree, nothing is written: the caller writes the draft beside it.
    """
    text = path.read_text(encoding="utf-8")
    y, doc = _editors(text)
    if not isinstance(doc, dict) or not isinstance(doc.get("categories"), list):
        return 0, ["categories"]
    existing = {_key(c.get("name", "")): c for c in doc["categories"] if isinstance(c, dict)}
    where = {_key(e.get("name", "")): _key(c.get("name", "")) for c in existing.values()
             for e in (c.get("entries") or []) if isinstance(e, dict)}
    differ = [f"{e['name']}：已在“{where[_key(e['name'])]}”类别" for cat in categories for e in cat["entries"]
              if _key(e["name"]) in where and where[_key(e["name"])] != _key(cat["name"])]
    if differ:
        return 0, differ
    added = 0
    for cat in categories:
        mine = existing.get(_key(cat["name"]))
        if mine is None:
            doc["categories"].append(cat)
            added += len(cat["entries"])
            continue
        entries = mine.setdefault("entries", [])
        at = None  # after the last entry this draft shares with the edition; at the end before any
        for entry in cat["entries"]:
            found = next((i for i, e in enumerate(entries) if isinstance(e, dict) and _key(e.get("name", "")) == _key(entry["name"])), None)
            if found is not None:
                at = found + 1
                continue
            at = len(entries) if at is None else at
            entries.insert(at, entry)
            at += 1
            added += 1
    listed = {a.get("file") for a in doc.get("attachments") or [] if isinstance(a, dict)}
    new_files = [a for a in attachments if a["file"] not in listed]
    if new_files:
        doc.setdefault("attachments", []).extend(new_files)
    if (added or new_files) and not _rewrite(path, y, doc, text):
        return 0, ["合并会改动文件原有的排版"]
    return added, []


def _dumps(doc, y: YAML | None = None) -> str:
    buf = io.StringIO()
    (y or _yaml()).dump(doc, buf)
    return buf.getvalue()


def _norm(v) -> str:
    return re.sub(r"\s", "", str(v))

