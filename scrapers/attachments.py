"""The files 公示 and 公布 notices attach, read into lines and tables for the list extractor.

- .docx with python-docx: paragraphs and tables in document order; a merged row is one cell;
- .xlsx, .xls and .ods with python-calamine: every sheet, a merged cell's value in its first cell;
- text .pdf with pdfplumber (each page read by PDFium): its tables, and its text lines outside them;
- .doc, .wps and .et are converted to .docx or .xlsx by LibreOffice (``soffice --headless``).

A file that cannot be read raises AttachmentError with what is wrong and what to do.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.domain.model import ATTACHMENT_SUFFIXES, MAX_ATTACHMENT_BYTES

from .lists import clean_category, ends_as_a_name, header_columns, is_category_heading, is_header_row

MAX_BYTES = MAX_ATTACHMENT_BYTES
SUFFIXES = tuple(f".{suffix}" for suffix in ATTACHMENT_SUFFIXES)
_CONVERT = {".doc": "docx", ".wps": "docx", ".et": "xlsx"}


class AttachmentError(Exception):
    """A file that cannot be read; the message says why and what to do."""


@dataclass
class Document:
    """An attachment's text: its lines (paragraphs, in order) and its tables (rows of cell text)."""

    name: str
    lines: list[str] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The first short line that is not a numbering, else the file name without its extension."""
        for line in self.lines[:8]:
            text = line.strip()
            if 6 <= len(text) <= 60 and not re.match(r"^(?:附件\s*\d*[：:]?\s*$|\d{1,3}\s*[、.．)）])", text):
                return re.sub(r"^附件\s*\d*\s*[：:]?\s*", "", text)
        return re.sub(r"^附件\s*\d*\s*[：:]?\s*", "", Path(self.name).stem)


def read(data: bytes, name: str) -> Document:
    """The text of the attachment ``data``, named ``name`` (its extension says its format)."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise AttachmentError(f"{name}: 不认识的附件格式 {suffix or '(无扩展名)'}；能读 {'、'.join(SUFFIXES)}")
    if len(data) > MAX_BYTES:
        raise AttachmentError(f"{name}: 文件有 {len(data) // (1024 * 1024)} MB，超过 {MAX_BYTES // (1024 * 1024)} MB 的上限")
    if not data:
        raise AttachmentError(f"{name}: 文件是空的")
    if suffix in _CONVERT:
        return _converted(data, name, _CONVERT[suffix])
    try:
        if suffix == ".docx":
            return _docx(data, name)
        if suffix == ".pdf":
            return _pdf(data, name)
        return _sheets(data, name)
    except AttachmentError:
        raise
    except Exception as exc:  # noqa: BLE001 - each library raises its own errors for a damaged file
        if _encrypted(data, suffix):
            raise AttachmentError(f"{name}: 文件设有密码，读不了；请取得无密码的文件") from None
        raise AttachmentError(f"{name}: 文件已损坏或不是 {suffix} 文件，读不了（{type(exc).__name__}）") from None


def _encrypted(data: bytes, suffix: str) -> bool:
    """Office files with a password are OLE containers holding “EncryptedPackage”; PDFs have /Encrypt."""
    if suffix == ".pdf":
        return b"/Encrypt" in data[-4096:] or b"/Encrypt" in data[:4096]
    return data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" and "EncryptedPackage".encode("utf-16-le") in data[:65536]


def _docx(data: bytes, name: str) -> Document:
    from docx import Document as Word
    from docx.table import Table

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ValueError("not a zip")
    word = Word(io.BytesIO(data))
    doc = Document(name)
    heading = None  # a category heading just above the next table
    for block in _word_blocks(word.element.body):
        if block.tag.endswith("}p"):
            # A line break inside a paragraph (Shift+Enter) parts lines as a new paragraph does.
            for text in (t.strip() for t in _word_text(block).split("\n")):
                if text:
                    doc.lines.append(text)
                    heading = clean_category(text) if is_category_heading(text) else None
        else:
            rows = []
            for row in Table(block, word).rows:
                cells, seen = [], set()
                for cell in row.cells:  # a merged cell comes back once per grid column it spans
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    cells.append("\n".join(_word_text(p) for p in cell._tc.iterchildren(_W + "p")).strip())
                rows.append(cells)
            if all(len(row) == 1 for row in rows):  # one column: lines of text, as a sheet's
                doc.lines += [line.strip() for row in rows for c in row for line in c.split("\n") if line.strip()]
            else:
                doc.tables.append(_headed(rows, heading))
            heading = None
    return doc


def _word_blocks(parent):
    """The paragraphs and tables (``w:p``, ``w:tbl``) under ``parent``, in the order printed,
    those inside content controls (``w:sdt``, as forms made from templates hold them) too. A
    table whose cells hold tables lays a form out: its cells' own blocks come instead, in turn,
    since python-docx's cell text leaves nested tables out."""
    for block in parent.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag in ("sdt", "sdtContent"):
            yield from _word_blocks(block)
        elif tag == "p":
            yield block
        elif tag == "tbl" and next(block.iterdescendants(block.tag), None) is None:
            yield block
        elif tag == "tbl":
            for row in block.iterchildren(block.tag[:-3] + "tr"):
                for cell in row.iterchildren(block.tag[:-3] + "tc"):
                    yield from _word_blocks(cell)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WORD_TEXT = {_W + "t": None, _W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n"}
# Not read, as python-docx does not read them: deleted text, and the text boxes and pictures a
# run anchors (Word writes a text box twice, for new readers and old).
_WORD_SKIP = frozenset({_W + "del", _W + "drawing", _W + "pict",
                        "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"})


def _word_text(element) -> str:
    """A paragraph's text as Word shows it. Written here because python-docx's text leaves out
    what sits outside plain runs: a tracked insertion (``w:ins``, shown: a name typed in as a
    correction), inline content controls and fields."""
    return "".join(_word_pieces(element)).replace("\u00a0", " ")  # Word's non-breaking spaces pad like spaces


def _word_pieces(element):
    for child in element:
        if child.tag in _WORD_TEXT:
            yield _WORD_TEXT[child.tag] or child.text or ""
        elif child.tag not in _WORD_SKIP:
            yield from _word_pieces(child)


def _headed(rows: list[list[str]], heading: str | None) -> list[list[str]]:
    """A table with the category heading just above it (“一、最美志愿者”, a table of its own
    for each category) as a category row, under the header if it has one."""
    if heading and rows:
        at = 1 if is_header_row(rows[0]) else 0
        rows.insert(at, [heading] + [""] * (len(rows[0]) - 1))
    return rows


def _sheets(data: bytes, name: str) -> Document:
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    doc = Document(name)
    sheets = []
    shown = [m.name for m in book.sheets_metadata if m.visible == SheetVisibleEnum.Visible]  # no reader sees a hidden sheet
    for sheet_name in shown:
        rows = [[_cell(v) for v in row] for row in book.get_sheet_by_name(sheet_name).to_python(skip_empty_area=True)]
        rows = [r for r in rows if any(c for c in r)]
        if not rows:
            continue
        # A title row above the table (one cell across it) is the document's title line; one
        # that names a category's list (“附件1：最美志愿者名单”) names the sheet's category.
        titled = None
        while rows and len([c for c in rows[0] if c]) == 1 and len(rows) > 1 and len([c for c in rows[1] if c]) > 1:
            title = next(c for c in rows[0] if c)
            doc.lines.append(title)
            bare = _ANNEX.sub("", title)
            if is_category_heading(bare) and clean_category(bare) != bare:  # “……名单” names its category
                titled = clean_category(bare)
            rows = rows[1:]
        sheets.append((sheet_name, titled, rows))
    # A list with a sheet for each category names the category in the sheet's tab only:
    # it becomes a category row under the sheet's header.
    tabs = len(sheets) > 1 and not any(_DEFAULT_SHEET.match(sheet) for sheet, _, _ in sheets)
    for sheet_name, titled, rows in sheets:
        if all(len([c for c in row if c]) == 1 for row in rows):  # one column: lines of text, headings and all
            doc.lines += [next(c for c in row if c) for row in rows]
            continue
        doc.tables.append(_headed(rows, titled or (sheet_name if tabs else None)) if len(rows) > 1 else rows)
    return doc


_DEFAULT_SHEET = re.compile(r"^(?:sheet|工作表|表|附件)\s*\d*$", re.I)
_ANNEX = re.compile(r"^附件\s*\d*\s*[：:]?\s*")


def _cell(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() if value is not None else ""


def _pdf(data: bytes, name: str) -> Document:
    from .pdf_pages import open_pages

    doc = Document(name)
    chars = 0
    with open_pages(data) as pages:
        for page in pages:
            chars += len(page.chars)
            found = page.find_tables()
            boxes = [t.bbox for t in found]
            for i, table in enumerate(found):
                rows = [[re.sub(r"\s*\n\s*", "", c or "").strip() for c in row] for row in _cells(page, table)]
                if i == 0 and doc.tables and rows and _continues(doc.tables[-1], rows[0]):
                    # A row broken by the page: its rest opens the next page's table.
                    last = doc.tables[-1][-1]
                    doc.tables[-1][-1] = [a + b for a, b in zip(last, rows.pop(0))]
                if rows:
                    doc.tables.append(_headed(rows, _heading_above(page, table.bbox)))
            aligned = None if found else _aligned_table(page)
            if aligned is not None:  # a sheet printed without rules: the lines above its header, then it
                above, rows = aligned
                doc.lines += above
                doc.tables.append(rows)
                continue
            # The text outside the tables, line by line (inside them the tables have it).
            outside = page.filter(lambda obj: not any(_inside(obj, box) for box in boxes)) if boxes else page
            doc.lines += _pdf_lines(outside)
    if chars == 0:
        raise AttachmentError(f"{name}: PDF 没有文字层（是扫描件），需要先做文字识别（OCR）；或请发布单位提供 Word、Excel 版")
    return doc


def _aligned_table(page) -> tuple[list[str], list[list[str]]] | None:
    """(the lines above it, its rows) of a table printed without rules, as a spreadsheet prints:
    a header line of three columns or more (序号, 类别, 姓名…), each line under it a row. None
    when the page has no such header.

    A character belongs to the column whose start is at or left of it; a column starts where a
    gap that runs down every line under the header ends, next to its heading. (pdfplumber's text
    strategy parts columns by words, and a number printed against the category beside it is one
    word: “9最美志愿者（9名）”.)"""
    if not _COLUMN_LABEL.search("".join(c["text"] for c in page.chars)):
        return None  # no header anywhere on the page: not worth reading its lines twice
    lines = [ln for ln in page.extract_text_lines(x_tolerance=1.5, return_chars=True) if ln["text"].strip()]
    for at, line in enumerate(lines):
        heads = _runs([c for c in line["chars"] if c["text"].strip()], gap=line["bottom"] - line["top"])
        columns = header_columns([text for text, _ in heads]) if len(heads) >= 3 else None
        if columns is not None:
            break
    else:
        return None
    below = lines[at + 1:]
    spans = sorted((c["x0"], c["x1"]) for ln in below for c in ln["chars"] if c["text"].strip())
    if not spans:
        return None
    gaps = [b for a, b in _gaps(spans) if b - a > 0.5]  # where a gap down the whole table ends
    starts = [max((g for g in gaps if g <= x0 + 2), default=x0) for _, x0 in heads[1:]]
    rows = [[text for text, _ in heads]]
    for ln in below:
        cells: list[list[dict]] = [[] for _ in heads]
        for c in ln["chars"]:
            cells[sum(1 for s in starts if c["x0"] >= s - 0.5)].append(c)
        rows.append([_NUMBER_GAPS.sub(r"\1", " ".join(t for t, _ in _runs(cell, gap=1.5))) for cell in cells])
    category = columns.get("category")
    if category is not None:
        _fill_merged(rows[1:], category)
    return [ln["text"].strip() for ln in lines[:at]], rows


_COLUMN_LABEL = re.compile(r"序号|编号|姓名|类别|职务|所在")


def _runs(chars: list[dict], gap: float) -> list[tuple[str, float]]:
    """(text, x0) of each run of characters no wider apart than ``gap``, left to right."""
    runs: list[tuple[str, float]] = []
    last = None
    for c in sorted(chars, key=lambda c: c["x0"]):
        if not c["text"].strip():
            continue
        if last is not None and c["x0"] - last <= gap:
            runs[-1] = (runs[-1][0] + c["text"], runs[-1][1])
        else:
            runs.append((c["text"], c["x0"]))
        last = c["x1"]
    return runs


def _fill_merged(rows: list[list[str]], at: int) -> None:
    """Write the value of a merged cell of column ``at`` on every row it spans. A spreadsheet
    prints a merged cell's value once: at the top of its rows, in their middle, or at their foot
    (Excel's default). At the top it holds for the rows under it; at the foot (the last row has
    a value) for the rows from the last value's down to it; in the middle, for as many rows
    above it as below."""
    marked = [i for i, row in enumerate(rows) if at < len(row) and row[at]]
    if not marked or marked[0] == 0:
        return  # top-aligned, or none: the table's reading carries each value down
    foot = marked[-1] == len(rows) - 1
    start = 0
    for i in marked:
        end = i if foot else min(2 * i - start, len(rows) - 1)
        for row in rows[start:end + 1]:
            row[at] = rows[i][at]
        start = end + 1


def _pdf_lines(page) -> list[str]:
    """The lines of a page's text in reading order: a page set in two text columns, the left
    column's and then the right one's."""
    gutter = _gutter(page)
    if gutter is not None:
        x0, top, x1, bottom = page.bbox
        columns = [_text_lines(page.crop(box)) for box in ((x0, top, gutter, bottom), (gutter, top, x1, bottom))]
        if _read_down(*columns):
            return _column_lines(columns[0]) + _column_lines(columns[1])
    return _column_lines(_text_lines(page))


def _gutter(page) -> float | None:
    """Where a page may be set in two text columns: the middle of a gap of 12 pt or more in
    its middle third that no character crosses; None when there is none."""
    spans = sorted((c["x0"], c["x1"]) for c in page.chars if c["text"].strip())
    if len(spans) < 40:
        return None
    left, right = spans[0][0], max(x1 for _, x1 in spans)
    return next(((a + b) / 2 for a, b in _gaps(spans)
                 if b - a >= 12 and left + (right - left) / 3 < b < left + 2 * (right - left) / 3), None)


def _gaps(spans: list[tuple[float, float]]):
    """(start, end) of each gap between characters' spans (sorted by x0) that no character crosses."""
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 > reach:
            yield reach, x0
        reach = max(reach, x1)


def _read_down(left: list[dict], right: list[dict]) -> bool:
    """Whether the two sides of a gutter are columns read one after the other: entries or
    headings open lines on the right (a name's unit set at a tab stop is no column of its own),
    and numbers run down the left (“1.甲  2.乙” / “3.丙  4.丁” is a grid read across)."""
    if sum(1 for ln in right if _STARTS_ITEM.match(ln["text"].strip()) or is_category_heading(ln["text"].strip())) < 3:
        return False
    numbers = [int(m.group(1)) for ln in left for m in [_INLINE_NUMBER.match(ln["text"].strip())] if m]
    steps = [b - a for a, b in zip(numbers, numbers[1:]) if b > a]
    return not steps or 2 * steps.count(1) >= len(steps)


def _text_lines(page) -> list[dict]:
    """pdfplumber's lines of a page (or part of one) that hold text."""
    # A gap of 1.5 pt parts words: a spreadsheet printed without rules sets its number
    # column 2 pt from the name (pdfplumber's default of 3 ran them together: “1嘉定区…”).
    return [ln for ln in page.extract_text_lines(x_tolerance=1.5, return_chars=False) if ln["text"].strip()]


def _column_lines(found: list[dict]) -> list[str]:
    """The lines of a column of text, a paragraph that the page wrapped joined again.

    A line of running text (it holds “、” or “，”, or several numbered entries) that runs to the
    right edge of the text, or whose numbering the next carries on, goes on in the next unless
    that starts an entry or a heading: a long
    inline list wraps in the middle of a name (“……“1+1+6”志” / “愿服务项目、……”, “…… 3.徐汇区” /
    “斜土街道社区志愿服务中心”). So does a line of prose that fills the column and stops where no
    name or heading ends (a title wrapped in a narrow column). A list of a name a line is never
    joined."""
    right = max((ln["x1"] for ln in found), default=0)
    left = min((ln["x0"] for ln in found), default=0)
    lines: list[str] = []
    full = wrapped = False
    for ln in found:
        text = _NUMBER_GAPS.sub(r"\1", ln["text"].strip())
        size = ln["bottom"] - ln["top"]
        goes_on = bool(lines) and (full or _numbers_go_on(lines[-1], text)) and ln["x0"] <= left + size \
            and not lines[-1].endswith(("。", "：", ":")) and not _STARTS_ITEM.match(text)
        # A line of prose filling its column, cut where no name or heading ends (a title set in a
        # narrow column: “2020年度全国学雷锋志愿” / “服务……”), goes on in the next, however that reads.
        prose = goes_on and full and (wrapped or not (is_category_heading(lines[-1]) or ends_as_a_name(lines[-1])))
        if prose or goes_on and _RUNNING.search(lines[-1]) and not _bare_heading(lines[-1]) \
                and not is_category_heading(text):
            lines[-1] += text
        else:
            lines.append(text)
        wrapped = prose
        full = ln["x1"] >= right - 1.5 * size
    return lines


def _bare_heading(line: str) -> bool:
    """A category's heading and nothing after it (“一、最美志愿者”, whose “、” parts no names)."""
    return is_category_heading(line) and not _INLINE_NUMBER.search(line) and not re.search(r"[：:]\s*\S", line)


def _numbers_go_on(line: str, following: str) -> bool:
    """Whether ``following`` carries on the numbering of the entries ``line`` holds, after the
    rest of its last one (“…… 2.梁平癞子锣鼓传” / “承“1+1+6”志愿服务项目 3.重庆希望……”): a page
    may wrap such a line well short of its edge, where a number and quotation marks hold together."""
    numbers = _INLINE_NUMBER.findall(line)
    return bool(numbers) and re.search(rf"(?:^|\s){int(numbers[-1]) + 1}\s*[.．、]", following) is not None


_INLINE_NUMBER = re.compile(r"(?:^|[\s：:])(\d{1,3})\s*[.．、]")  # an entry's number, opening a line or inside it


# Word and LibreOffice set digits and Latin letters apart from Chinese characters by a gap that
# is no space in the text (“重庆希望 24 心理热线” on the page is “重庆希望24心理热线”).
_NUMBER_GAPS = re.compile(r"(?<=[\u4e00-\u9fff“”]) ([0-9A-Za-z+\-.]+) (?=[\u4e00-\u9fff“”])")
# Running text, which a page wraps: parted by “、” or “，”, or several numbered entries a line.
_RUNNING = re.compile(r"[、，,]|^\d{1,3}\s*[.．、].*\s\d{1,3}\s*[.．、]")
# What opens an entry or a heading of its own, not the rest of a wrapped line.
_STARTS_ITEM = re.compile(r"^(?:\d|[（(【]|[一二三四五六七八九十]+[、.．]|[①-⑳⑴-⒇㈠-㈩Ⅰ-Ⅻ]|[A-HＡ-Ｈ][、.．]|[■□●○◆◇▲△★☆•※]|附件|注)")


def _cells(page, table) -> list[list[str | None]]:
    """The text of each cell of a table found on ``page``. pdfplumber looks for each row's
    characters among all the page's, so the table is read from its own characters: the same
    cells, without reading a page of several tables once per row of each."""
    from pdfplumber.table import Table

    x0, top, x1, bottom = table.bbox
    own = page.filter(lambda obj: obj["object_type"] == "char" and x0 <= (obj["x0"] + obj["x1"]) / 2 < x1
                      and top <= (obj["top"] + obj["bottom"]) / 2 < bottom)
    return Table(own, table.cells).extract()


def _heading_above(page, bbox: tuple) -> str | None:
    """The category heading on the line just above a table of a PDF page, if there is one."""
    top = bbox[1]
    if top < 2:
        return None
    # Whole characters only: a cell's text may rise above its rule.
    band = page.filter(lambda obj: obj["object_type"] == "char" and obj["top"] >= top - 36 and obj["bottom"] <= top)
    lines = [ln.strip() for ln in (band.extract_text(x_tolerance=1.5) or "").splitlines() if ln.strip()]
    return clean_category(lines[-1]) if lines and is_category_heading(lines[-1]) else None


def _continues(table: list[list[str]], first: list[str]) -> bool:
    """Whether ``first``, the first row of a page's table, is the rest of the last row of the
    table before it: the same columns, no number of its own where that row has one."""
    last = table[-1] if table else []
    return len(last) == len(first) > 1 and not first[0] and bool(last[0]) and any(first[1:]) and not is_header_row(first)


def _inside(obj: dict, box: tuple) -> bool:
    x0, top, x1, bottom = box
    return obj["x0"] >= x0 - 1 and obj["x1"] <= x1 + 1 and obj["top"] >= top - 1 and obj["bottom"] <= bottom + 1


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _converted(data: bytes, name: str, to: str) -> Document:
    """A .doc, .wps or .et file converted by LibreOffice, then read as .docx or .xlsx."""
    binary = soffice()
    if binary is None:
        raise AttachmentError(f"{name}: 读 {Path(name).suffix} 文件需要 LibreOffice（apt-get install libreoffice-writer "
                              f"libreoffice-calc），或先在 WPS、Word 里另存为 .{to}")
    with tempfile.TemporaryDirectory(prefix="bangyang-convert-") as tmp:
        source = Path(tmp) / ("in" + Path(name).suffix.lower())
        source.write_bytes(data)
        try:
            subprocess.run([binary, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
                            "--convert-to", to, "--outdir", str(Path(tmp) / "out"), str(source)],
                           capture_output=True, timeout=120, check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise AttachmentError(f"{name}: LibreOffice 转换超时；请另存为 .{to} 后再导入") from None
        out = Path(tmp) / "out" / f"in.{to}"
        if not out.is_file():
            raise AttachmentError(f"{name}: LibreOffice 转换不了这个文件（可能已损坏或设有密码）；请另存为 .{to} 后再导入")
        return read(out.read_bytes(), str(Path(name).with_suffix("." + to)))
