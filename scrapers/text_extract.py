"""Articles saved as plain text (a browser's “save as text”, like the seeds)."""
from __future__ import annotations

import re

from . import bylines
from .article import Article
from .furniture import FILE_NAME as _FILE, FOOTER as _FOOTER, NAV as _NAV, REPOST_NOTE

_TRAILER = re.compile(r"^(?:来源|稿源|编辑|责任编辑|责编|作者|标签)\s*[:：]")
_COPYRIGHT = re.compile(r"^(?P<site>[^\s©|]{2,30}?)\s*(?:-\s*)?(?:copyright|©|版权所有|主办)", re.I)
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")


def _title_block(lines: list[str], info: int) -> tuple[str, str | None]:
    """Headline (and a subtitle line) above the info line, stopping at navigation."""
    found = []
    for line in reversed(lines[max(0, info - 6):info]):
        s = _MARKDOWN_HEADING.sub("", line.strip())  # “# 标题” in text saved from a CMS that writes Markdown
        if not s:
            if found:
                break
            continue
        if _NAV.search(s) or len(s) < 3 or not re.search(r"[\u4e00-\u9fff A-Za-z]{2}", s):
            break
        found.append(s)
        if len(found) == 2:
            break
    found.reverse()
    if not found:
        return "", None
    if len(found) == 2 and len(found[1]) <= 12:
        return found[0], found[1]
    return found[-1], None


def _body_lines(lines: list[str]) -> list[str]:
    """The lines of the body, stripped; a row of cells parted by tabs keeps the tabs that open
    it, each a blank cell (a category given once, on the first of its rows), and so does a
    line opened by a tab among such rows (its cells after the name left blank)."""
    out: list[str] = []
    for line in lines:
        text = line.strip()
        if text and line.startswith("\t") and ("\t" in text or out and "\t" in out[-1]):
            text = "\t" * (len(line) - len(line.lstrip("\t"))) + text
        out.append(text)
    return out


def extract_text(text: str, url: str | None = None) -> Article:
    """Extract an article from the text of a saved page: the info line finds the title and body."""
    lines = [ln.rstrip() for ln in text.splitlines()]
    info = next((i for i, ln in enumerate(lines)
                 if len(ln.strip()) <= 100 and not _NAV.search(ln) and bylines.find_date(ln)), None)
    if info is None:
        body = _body_lines([ln for ln in lines if ln.strip() and not _NAV.search(ln)])
        return Article(body="\n".join(body), url=url,
                       reason=None if body else "文本里没有正文",
                       title=body[0] if body else "")
    title, subtitle = _title_block(lines, info)
    # the info bar may run over several short lines (稿源: …, 编辑: …)
    end = info + 1
    while end < len(lines) and (not lines[end].strip() or bylines.is_byline_line(lines[end].strip())):
        if not lines[end].strip() and end + 1 < len(lines) and not bylines.is_byline_line(lines[end + 1].strip()):
            break
        end += 1
    info_text = "  ".join(ln.strip() for ln in lines[info:end])
    head = bylines.parse_byline(info_text)
    site_match = re.match(r"^\s*(?P<site>[^\d:：|]{2,20}?)\s{2,}\d{4}", lines[info])
    site = site_match.group("site").strip() if site_match else None

    body, trailer = [], []
    for ln in lines[end:]:
        s = ln.strip()
        if not s or _FILE.match(s):
            continue
        if _TRAILER.match(s) or re.search(r"责任编辑\s*[:：]", s) and len(s) < 60:
            trailer.append(s)
            continue
        if _FOOTER.match(s) or REPOST_NOTE.match(s):
            break
        if trailer and body:
            break  # text after the trailer is the page footer
        body.append(ln)
    body = _body_lines(body)
    if subtitle:
        body.insert(0, subtitle)
    if not site:
        for ln in lines[end:]:
            m = _COPYRIGHT.match(ln.strip())
            if m:
                site = m.group("site").strip(" -")
                break
    foot = bylines.parse_byline("  ".join(trailer))
    source = foot.source or head.source
    carrier = head.source if foot.source and head.source and foot.source != head.source else site
    return Article(title=title, publish_time=head.date, source=source, author=head.author or foot.author,
                   editor=foot.editor or head.editor, body="\n".join(body), url=url,
                   site=carrier if carrier != source else None,
                   reason=None if body else "文本里没有正文")
