"""Write the list corpus: each real list of lists.yaml in the layouts portals print lists in.

    python bench/lists/make_corpus.py        # writes bench/lists/corpus/*.html|.txt and truth.json

The names, roles and categories are the published facts of lists.yaml; the text around
them is ours. Each page's truth is its entries as (category, name, role), in order. The
held-out lists are written only in the layouts their sources used; the held-out layouts
(HELD_OUT_LAYOUTS) are held out whatever their list's split.
"""
from __future__ import annotations

import html
import io
import json
import re
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CN = "一二三四五六七八九十"


def _entries(cat: dict) -> list[tuple[str, str]]:
    return [(e, "") if isinstance(e, str) else (e["name"], e.get("role", "")) for e in cat["entries"]]


def _page(title: str, paragraphs: list[str], extra: str = "", date: str = "2024-06-18 09:30") -> str:
    """An article page as portals lay them out: headline, info bar, body."""
    body = "".join(p if p.startswith("<") else f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}_文明网</title>'
            f'</head><body><div class="nav"><a href="/">首页</a> &gt; <a href="/zyfw/">志愿服务</a></div>'
            f'<div class="article"><h1>{html.escape(title)}</h1><div class="info">发布时间：{date}　来源：市文明办</div>'
            f'<div class="content">{body}{extra}</div></div><div class="footer">主办单位：市文明办</div></body></html>')


INTRO = ["经过推荐申报、资格审核、专家评审等环节，评选工作已经完成。",
         "名单公布如下："]


def _saved(document) -> bytes:
    """The bytes of a Word document or Excel workbook, saved as a file would be."""
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _category_rows(lst, header: list[str], cells, across: str = "td", head: str | None = None) -> str:
    """A table's rows: its header (``head``, else a <th> for each of ``header``), then each
    category as a row spanning the table (a <td>, or ``across``) over its entries, a row each
    of ``cells(number, name, role)``."""
    rows = head if head is not None else "<tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr>"
    for cat in lst["categories"]:
        rows += f'<tr><{across} colspan="{len(header)}">{html.escape(cat["name"])}</{across}></tr>'
        rows += "".join(f"<tr>{cells(i, n, r)}</tr>" for i, (n, r) in enumerate(_entries(cat), 1))
    return rows


def numbered_headings(lst):
    paras = [*INTRO]
    for ci, cat in enumerate(lst["categories"]):
        items = _entries(cat)
        paras.append(f"{CN[ci]}、{cat['name']}({len(items)}个)")
        paras += [f"{i}、{n}" + (f"（{r}）" if r else "") for i, (n, r) in enumerate(items, 1)]
    return "html", _page(lst["title"], paras)


def table_category_rows(lst):
    rows = _category_rows(lst, ["序号", "单位名称"], lambda i, n, r: f"<td>{i}</td><td>{html.escape(n)}</td>")
    return "html", _page(lst["title"], INTRO, f"<table>{rows}</table>")


def two_tables(lst):
    """The list split into two tables, the second without a header (as a table continued on the next page)."""
    cats = lst["categories"]
    half = len(cats) // 2

    def rows(cs, header):
        out = "<tr><th>序号</th><th>名称</th><th>类别</th></tr>" if header else ""
        for cat in cs:
            out += "".join(f"<tr><td>{i}</td><td>{html.escape(n)}</td><td>{html.escape(cat['name'])}</td></tr>"
                           for i, (n, _) in enumerate(_entries(cat), 1))
        return f"<table>{out}</table>"
    return "html", _page(lst["title"], INTRO, rows(cats[:half], True) + "<p>（续表）</p>" + rows(cats[half:], False))


def inline(lst):
    paras = [*INTRO]
    for cat in lst["categories"]:
        items = _entries(cat)
        paras.append(f"{cat['name']}（{len(items)}个）：" + "、".join(n for n, _ in items))
    return "html", _page(lst["title"], paras)


def colon_lines(lst):
    lines = [lst["title"], "发布时间：2024-06-18  来源：市文明办", "", *INTRO, ""]
    for cat in lst["categories"]:
        lines += [f"{cat['name']}：", *[n for n, _ in _entries(cat)], ""]
    lines += ["", "责任编辑：王明"]
    return "txt", "\n".join(lines) + "\n"


def award_lines(lst):
    lines = [lst["title"], "发布时间：2024-06-18  来源：市文明办", "", *INTRO, ""]
    for cat in lst["categories"]:
        lines += [cat["name"], *[f"{i}. {n}" for i, (n, _) in enumerate(_entries(cat), 1)], ""]
    lines += ["", "责任编辑：王明"]
    return "txt", "\n".join(lines) + "\n"


def running_text(lst):
    sentences = []
    for cat in lst["categories"]:
        names = [n for n, _ in _entries(cat)]
        sentences.append(f"{'、'.join(names)}被评为“{cat['name']}”")
    return "html", _page(lst["title"], ["近日，评选结果揭晓。我市" + "；".join(sentences) + "。",
                                        "这些先进典型扎根基层，长期开展志愿服务。"])


def count_colon_lines(lst):
    paras = [*INTRO]
    for cat in lst["categories"]:
        items = _entries(cat)
        paras.append(f"{cat['name']}（{len(items)}个）：")
        paras += [n for n, _ in items]
    return "html", _page(lst["title"], paras)


def bracket_roles(lst):
    paras = [*INTRO]
    for ci, cat in enumerate(lst["categories"]):
        items = _entries(cat)
        unit = "人" if any(r for _, r in items) else "个"
        paras.append(f"{CN[ci]}、{cat['name']}：{len(items)}{unit}")
        paras += [f"{n}({r})" if r else n for n, r in items]
    return "html", _page(lst["title"], paras)


def fullwidth_roles(lst):
    lines = [lst["title"], "发布时间：2024-06-18  来源：市文明办", "", *INTRO, ""]
    for ci, cat in enumerate(lst["categories"]):
        lines.append(f"{CN[ci]}、{cat['name']}")
        lines += [f"{n}\u3000{r}" if r else n for n, r in _entries(cat)]
        lines.append("")
    return "txt", "\n".join(lines) + "\n"


def person_table(lst):
    out = ""
    for cat in lst["categories"]:
        rows = "".join(f"<tr><td>{i}</td><td>{html.escape(n)}</td><td>{html.escape(r)}</td></tr>"
                       for i, (n, r) in enumerate(_entries(cat), 1))
        out += (f"<p>{html.escape(cat['name'])}</p><table><tr><th>序号</th><th>姓名</th><th>工作单位及职务</th></tr>"
                f"{rows}</table>")
    return "html", _page(lst["title"], INTRO, out)


def respectively(lst):
    """Running text, each category with its count and “分别为”, people with their role before the name.
    A joint entry (“甲、乙”) cannot be told apart in such a sentence, so it is left out."""
    parts, kept = [], []
    for cat in lst["categories"]:
        items = [(n, r) for n, r in _entries(cat) if "、" not in n]
        kept.append({**cat, "entries": [{"name": n, "role": r} for n, r in items]})
        unit = "人" if any(r for _, r in items) else "个"
        parts.append(f"“{cat['name']}”{len(items)}{unit}，分别为" + "、".join(f"{r}{n}" for n, r in items) + "。")
    return "html", _page(lst["title"], ["日前，评选结果公布。其中，" + "".join(parts), "这些典型来自各行各业。"]), kept


def numbered_with_status(lst):
    """Numbered lines, each name followed by what it was named, after a comma."""
    paras = ["现将拟命名名单公示如下："]
    i = 0
    for cat in lst["categories"]:
        for n, _ in _entries(cat):
            i += 1
            paras.append(f"{i}、{n}，拟命名为{cat['name']}；")
    return "html", _page(lst["title"], paras), [{"name": "", "entries": [n for c in lst["categories"] for n, _ in _entries(c)]}]


# The held-out lists, each in the layout its source used.
def published_neimenggu(lst):
    parts = []
    for cat in lst["categories"]:
        items = _entries(cat)
        unit = "人" if any(r for _, r in items) else "个"
        parts.append(f"“{cat['name']}”{len(items)}{unit}，分别为" + "、".join(f"{r}{n}" for n, r in items) + "。")
    return "html", _page(lst["title"], ["日前，先进典型活动发布公示名单，我区有8个学雷锋典型上榜。其中，" + " ".join(parts),
                                        "据悉，这项评选活动已经连续举办多年。"])


def published_chongqing(lst):
    paras = ["近日，先进典型通报表彰，我市有12个典型入选。"]
    for i, cat in enumerate(lst["categories"]):
        items = _entries(cat)
        lead = "其中包括" if i == 0 else ""
        paras.append(f"{lead}{len(items)}个{cat['name']}，分别是" + "、".join(f"{r}{n}" for n, r in items) + "。")
    return "html", _page(lst["title"], paras)


def published_shenzhen(lst):
    paras = ["经过宣传发动、择优推荐、集中展示、专家评审等环节，名单现予以公示。", "其中，我市上榜情况如下："]
    for ci, cat in enumerate(lst["categories"]):
        items = _entries(cat)
        paras.append(f"{CN[ci]}、{cat['name']}({len(items)}个)")
        paras += [n for n, _ in items]
    paras.append("这项活动自2015年启动以来已连续举办多届。")
    return "html", _page(lst["title"], paras)


def published_nanping(lst):
    levels = ["五星级", "四星级", "四星级", "三星级", "三星级"]
    paras = ["经过申报、审核、实地走访等程序，拟认定以下志愿服务组织为首批星级志愿服务组织。具体名单如下："]
    paras += [f"{i}.{n}，拟认定为{levels[i - 1]}志愿服务组织；" for i, (n, _) in enumerate(_entries(lst["categories"][0]), 1)]
    paras.append("现对拟认定名单予以公示，公示时间为5个工作日。")
    return "html", _page(lst["title"], paras)


def published_neijiang(lst):
    community, people = lst["categories"]
    paras = ["12月5日是国际志愿者日。前一天，年度志愿服务先进典型展示交流活动举行。", "其中",
             _entries(community)[0][0], f"获评年度“{community['name']}”", f"{len(_entries(people))}名志愿者",
             f"获评年度“{people['name']}”", "他们分别是"]
    paras += [f"{r}{n}" for n, r in _entries(people)]
    paras.append("据了解，这次活动共评选出十佳志愿服务项目、组织、社区和最美志愿者。")
    return "html", _page(lst["title"], paras)


def published_sanming(lst):
    counts = [9, 11, 9, 11, 16]
    units = ["名", "个", "个", "个", "个"]
    parts = [f"{_entries(c)[0][0]}等{k}{u}“{c['name']}”" for c, k, u in zip(lst["categories"], counts, units)]
    return "html", _page(lst["title"], ["经过宣传发动、择优推荐、专家评审、网站公示等环节，推选出" + "，".join(parts) + "。"])


def _rows(lst):
    """(category, [序号, 名称, 单位及职务] rows) of a list, for the attachment layouts."""
    return [(cat["name"], [[str(i), n, r] for i, (n, r) in enumerate(_entries(cat), 1)]) for cat in lst["categories"]]


def docx_table(lst):
    """A Word attachment: a title, a table with its header and a merged row for each category."""
    return "docx", _docx_category_rows(lst, lambda category: category, lead=["附件1"])


def _docx_category_rows(lst, category_row, lead=(), header=("序号", "名称", "单位及职务")) -> bytes:
    """A Word table, ruled as official lists are printed: ``header``, and a merged row for each
    category saying ``category_row(name)``; ``lead``: paragraphs before the title."""
    from docx import Document

    doc = Document()
    for text in [*lead, lst["title"]]:
        doc.add_paragraph(text)
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
    for category, rows in _rows(lst):
        row = table.add_row().cells
        row[0].merge(row[2]).text = category_row(category)
        for values in rows:
            for cell, text in zip(table.add_row().cells, values):
                cell.text = text
    return _saved(doc)


def xlsx_sheet(lst):
    """An Excel attachment: a merged title row, a header, a merged row for each category."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([lst["title"]])
    sheet.merge_cells("A1:C1")
    sheet.append(["序号", "名称", "单位及职务"])
    for category, rows in _rows(lst):
        sheet.append([category])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=3)
        for values in rows:
            sheet.append([int(values[0]), values[1], values[2]])
    return "xlsx", _saved(book)


def xls_category_column(lst):
    """An old Excel attachment with a 类别 column instead of category rows."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    for col, text in enumerate(["序号", "类别", "名称"]):
        sheet.write(0, col, text)
    r = 1
    for category, rows in _rows(lst):
        for values in rows:
            sheet.write(r, 0, r)
            sheet.write(r, 1, category)
            sheet.write(r, 2, values[1])
            r += 1
    return "xls", _saved(book)


# Layouts written on 2026-12-05 after the extractor's work on this corpus, kept out of
# development: their pages are held out whatever the list's split, and were scored once.
def br_lines(lst):
    """Each category a paragraph: the award in bold, then its names parted by line breaks."""
    out = "".join("<p><strong>" + html.escape(cat["name"]) + "</strong><br>"
                  + "<br>".join(html.escape(n) for n, _ in _entries(cat)) + "</p>" for cat in lst["categories"])
    return "html", _page(lst["title"], ["经过层层推荐和综合评审，确定以下单位为示范中心。"], out)


def _numbered(lst) -> list[tuple[int, str, str, str]]:
    """Every entry of the list numbered straight through it: (number, category, name, role)."""
    entries = [(cat["name"], n, r) for cat in lst["categories"] for n, r in _entries(cat)]
    return [(i, category, n, r) for i, (category, n, r) in enumerate(entries, 1)]


def _one_table(lst, header: list[str], cells) -> str:
    """The whole list as one table: a number, then ``cells(category, name, role)`` a row."""
    rows = "<tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr>"
    for i, category, n, r in _numbered(lst):
        rows += f"<tr><td>{i}</td>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells(category, n, r)) + "</tr>"
    return f"<table>{rows}</table>"


def unit_first_table(lst):
    """One table for the whole list: the unit and role before the name, the category last."""
    table = _one_table(lst, ["序号", "单位及职务", "姓名（名称）", "类别"], lambda c, n, r: [r, n, c])
    return "html", _page(lst["title"], ["入选名单见下表。"], table)


def honoured_sentences(lst):
    """“荣获“C”称号的有：A、B。”, one sentence a category, in one paragraph."""
    parts = [f"荣获“{cat['name']}”称号的有：" + "、".join(n for n, _ in _entries(cat)) + "。" for cat in lst["categories"]]
    return "html", _page(lst["title"], ["日前，年度先进典型名单正式公布，我市多个典型榜上有名。" + "".join(parts),
                                        "市文明办表示，将进一步做好先进典型的宣传推广。"])


def docx_numbered(lst):
    """A Word attachment of paragraphs: numbered headings with counts, numbered names with their roles in brackets."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("附件")
    doc.add_paragraph(lst["title"])
    for ci, cat in enumerate(lst["categories"]):
        items = _entries(cat)
        doc.add_paragraph(f"{CN[ci]}、{cat['name']}（{len(items)}{'名' if any(r for _, r in items) else '个'}）")
        for i, (n, r) in enumerate(items, 1):
            doc.add_paragraph(f"{i}. {n}" + (f"（{r}）" if r else ""))
    return "docx", _saved(doc)


def _soffice(data: bytes, suffix: str, target: str) -> bytes | None:
    """``data`` converted by LibreOffice headless, or None when it is not installed."""
    import shutil
    import subprocess
    import tempfile

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"list.{suffix}"
        src.write_bytes(data)
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to", target,
                        "--outdir", tmp, str(src)], capture_output=True, timeout=180, check=False)
        out = Path(tmp) / f"list.{target.split(':')[0]}"
        return out.read_bytes() if out.exists() else None


def _saved_as(made: tuple, target: str) -> tuple | None:
    """A layout's file (``(ext, data, *truth)``) saved by LibreOffice as ``target``, with the same
    truth; None when LibreOffice is missing."""
    ext, data, *listed = made
    converted = _soffice(data, ext, target)
    return None if converted is None else (target, converted, *listed)


def pdf_table(lst):
    """A PDF attachment printed from a Word table (LibreOffice; left out when it is missing)."""
    return _saved_as(docx_table(lst), "pdf")


def ods_sheet(lst):
    """An OpenDocument spreadsheet saved from an Excel sheet (LibreOffice; left out when it is missing)."""
    return _saved_as(xlsx_sheet(lst), "ods")


def _names_only(lst) -> list[dict]:
    """The list as a page that prints no roles shows it: its truth has none either."""
    return [{"name": c["name"], "entries": [n for n, _ in _entries(c)]} for c in lst["categories"]]


# The second held-out round, written on 2026-12-05 after the first was scored and the
# extractor changed: scored once.
def dl_list(lst):
    """A definition list: each category a <dt>, each entry a <dd>, a role in brackets."""
    items = "".join(f"<dt>{html.escape(cat['name'])}</dt>" + "".join(
        f"<dd>{html.escape(n)}{'（' + html.escape(r) + '）' if r else ''}</dd>" for n, r in _entries(cat))
        for cat in lst["categories"])
    return "html", _page(lst["title"], ["名单如下："], f"<dl>{items}</dl>")


def spaced_names(lst):
    """People's names on one line, parted by full-width spaces, under numbered headings."""
    paras = [*INTRO]
    for ci, cat in enumerate(lst["categories"]):
        items = _entries(cat)
        paras.append(f"{CN[ci]}、{cat['name']}（{len(items)}名）")
        paras.append("\u3000".join(n for n, _ in items))
    return "html", _page(lst["title"], paras), _names_only(lst)


def region_first_table(lst):
    """A table whose columns are 序号, 所在区, 单位名称 and 类别."""
    table = _one_table(lst, ["序号", "所在区", "单位名称", "类别"], lambda c, n, r: [n[:3], n, c])
    return "html", _page(lst["title"], ["现将名单公布如下："], table), _names_only(lst)


def xlsx_sheet_per_category(lst):
    """An Excel attachment with a sheet for each category, each with its header row."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for category, rows in _rows(lst):
        sheet = book.create_sheet(category[:31])
        sheet.append(["序号", "名称"])
        for values in rows:
            sheet.append([int(values[0]), values[1]])
    return "xlsx", _saved(book), _names_only(lst)


def docx_merged_category_column(lst, written=lambda category: category):
    """A Word table whose 类别 column is one cell merged down over each category's rows, the
    category in it as ``written(category)`` prints it."""
    from docx import Document

    doc = Document()
    doc.add_paragraph(lst["title"])
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["类别", "序号", "名称"]):
        cell.text = text
    for category, rows in _rows(lst):
        first = len(table.rows)
        for values in rows:
            cells = table.add_row().cells
            cells[1].text, cells[2].text = values[0], values[1]
        merged = table.cell(first, 0).merge(table.cell(len(table.rows) - 1, 0))
        merged.text = written(category)
    return "docx", _saved(doc), _names_only(lst)


# The third held-out round, written on 2026-12-05 after the second was scored and the
# extractor changed: scored once.
def ordered_lists(lst):
    """Each category a heading over an <ol> of its entries."""
    out = "".join(f"<h3>{html.escape(cat['name'])}</h3><ol>"
                  + "".join(f"<li>{html.escape(n)}</li>" for n, _ in _entries(cat)) + "</ol>" for cat in lst["categories"])
    return "html", _page(lst["title"], ["名单如下："], out), _names_only(lst)


def rowspan_table(lst):
    """One table whose 类别 cell spans the rows of its entries."""
    rows = "<tr><th>类别</th><th>序号</th><th>名称</th></tr>"
    for cat in lst["categories"]:
        items = _entries(cat)
        for i, (n, _) in enumerate(items, 1):
            head = f'<td rowspan="{len(items)}">{html.escape(cat["name"])}</td>' if i == 1 else ""
            rows += f"<tr>{head}<td>{i}</td><td>{html.escape(n)}</td></tr>"
    return "html", _page(lst["title"], ["现将名单公布如下："], f"<table>{rows}</table>"), _names_only(lst)


def paren_headings_txt(lst):
    """Plain text: “（一）类别” headings over “1.名称” lines."""
    lines = [lst["title"], "发布时间：2024-06-18  来源：市文明办", "", "名单如下：", ""]
    for ci, cat in enumerate(lst["categories"]):
        lines.append(f"（{CN[ci]}）{cat['name']}")
        lines += [f"{i}.{n}" for i, (n, _) in enumerate(_entries(cat), 1)]
        lines.append("")
    return "txt", "\n".join(lines) + "\n", _names_only(lst)


def docx_table_per_category(lst):
    """A Word attachment with a heading paragraph and a table of its own for each category."""
    from docx import Document

    doc = Document()
    doc.add_paragraph(lst["title"])
    for ci, (category, rows) in enumerate(_rows(lst)):
        doc.add_paragraph(f"{CN[ci]}、{category}")
        table = doc.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = "序号", "名称"
        for values in rows:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = values[0], values[1]
    return "docx", _saved(doc), _names_only(lst)


def inline_roles_semicolons(lst):
    """One paragraph a category: “类别：甲（单位职务）；乙（单位职务）。”"""
    paras = [*INTRO]
    for cat in lst["categories"]:
        paras.append(f"{cat['name']}：" + "；".join(f"{n}（{r}）" if r else n for n, r in _entries(cat)) + "。")
    return "html", _page(lst["title"], paras)


# The fourth held-out round, written on 2026-12-05 (a new session) before the extractor saw
# them: scored once.
def two_per_row_table(lst):
    """A table that saves paper: two entries a row (序号 名称 序号 名称), categories in rows across it."""
    rows = "<tr><th>序号</th><th>名称</th><th>序号</th><th>名称</th></tr>"
    for cat in lst["categories"]:
        rows += f'<tr><td colspan="4">{html.escape(cat["name"])}</td></tr>'
        items = [n for n, _ in _entries(cat)]
        for i in range(0, len(items), 2):
            pair = items[i:i + 2]
            cells = "".join(f"<td>{i + k + 1}</td><td>{html.escape(n)}</td>" for k, n in enumerate(pair))
            rows += f"<tr>{cells}{'<td></td><td></td>' if len(pair) == 1 else ''}</tr>"
    return "html", _page(lst["title"], INTRO, f"<table>{rows}</table>"), _names_only(lst)


def name_grid(lst):
    """People's names in a grid of four a row with no header, each category a bold line above its grid."""
    out = ""
    for cat in lst["categories"]:
        names = [n for n, _ in _entries(cat)]
        grid = "".join("<tr>" + "".join(f"<td>{html.escape(n)}</td>" for n in names[i:i + 4]) + "</tr>"
                       for i in range(0, len(names), 4))
        out += f"<p><strong>{html.escape(cat['name'])}（{len(names)}名）</strong></p><table>{grid}</table>"
    return "html", _page(lst["title"], ["名单如下："], out), _names_only(lst)


def lenticular_headings(lst):
    """“【类别】” on a line of its own, the entries after it in one paragraph, parted by “、”."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        paras += [f"【{cat['name']}】", "、".join(n for n, _ in _entries(cat))]
    return "html", _page(lst["title"], paras), _names_only(lst)


def symbol_bullets(lst):
    """As WeChat articles print them: “■ 类别（N个）” over “● 名称” lines."""
    paras = ["近日，评选结果揭晓。", "入选名单如下："]
    for cat in lst["categories"]:
        items = _entries(cat)
        paras.append(f"■ {cat['name']}（{len(items)}个）")
        paras += [f"● {n}" for n, _ in items]
    return "html", _page(lst["title"], paras), _names_only(lst)


def pdf_numbered(lst):
    """A PDF printed (by LibreOffice) from a Word file of numbered paragraphs with roles in brackets."""
    return _saved_as(docx_numbered(lst), "pdf")


# The fifth held-out round, written on 2026-12-05 after the fourth was fixed: scored once.
def zero_padded_numbers(lst):
    """WeChat style: a heading per category, entries numbered “01 ”, “02 ”."""
    paras = ["入选名单如下："]
    for cat in lst["categories"]:
        paras.append(f"{cat['name']}")
        paras += [f"{i:02d} {n}" for i, (n, _) in enumerate(_entries(cat), 1)]
    return "html", _page(lst["title"], paras), _names_only(lst)


def table_with_remarks(lst):
    """A table with a 备注 column whose notes are no part of the name."""
    rows = _category_rows(lst, ["序号", "名称", "备注"], lambda i, n, r:
                          f"<td>{i}</td><td>{html.escape(n)}</td><td>{'连续两年入选' if i == 1 else ''}</td>")
    return "html", _page(lst["title"], INTRO, f"<table>{rows}</table>"), _names_only(lst)


def category_after_each_name(lst):
    """One numbered list; each entry carries its category in brackets after the name."""
    paras, k = ["拟表扬对象名单如下："], 0
    for cat in lst["categories"]:
        for n, _ in _entries(cat):
            k += 1
            paras.append(f"{k}. {n}（{cat['name']}）")
    return "html", _page(lst["title"], paras), _names_only(lst)


def nested_lists(lst):
    """A list of categories, each holding a list of its entries."""
    items = "".join(f"<li>{html.escape(cat['name'])}<ul>" + "".join(f"<li>{html.escape(n)}</li>" for n, _ in _entries(cat))
                    + "</ul></li>" for cat in lst["categories"])
    return "html", _page(lst["title"], ["名单如下："], f"<ul>{items}</ul>"), _names_only(lst)


def _text_columns(lst, header: str, row) -> tuple:
    """A plain-text table: the title, ``header``, then ``row(number, name, category)`` a line."""
    lines = [lst["title"], "", header]
    entries = [(n, cat["name"]) for cat in lst["categories"] for n, _ in _entries(cat)]
    lines += [row(k, n, c) for k, (n, c) in enumerate(entries, 1)]
    return "txt", "\n".join(lines) + "\n", _names_only(lst)


def tab_separated_txt(lst):
    """Plain text copied out of a spreadsheet: a header line, then “序号<tab>名称<tab>类别” lines."""
    return _text_columns(lst, "序号\t名称\t类别", lambda k, n, c: f"{k}\t{n}\t{c}")


# The sixth held-out round, attachments, written on 2026-12-05 after the fifth was fixed: scored once.
def xlsx_two_row_header(lst):
    """An Excel file with a title row, a two-row header (a merged group over 序号 and 名称), the
    categories in merged rows, and a note at the foot."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([lst["title"]])
    sheet.merge_cells("A1:C1")
    sheet.append(["基本信息", None, "备注"])
    sheet.merge_cells("A2:B2")
    sheet.append(["序号", "名称", None])
    for category, rows in _rows(lst):
        sheet.append([category])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=3)
        for values in rows:
            sheet.append([int(values[0]), values[1], None])
    sheet.append(["注：排名不分先后"])
    return "xlsx", _saved(book), _names_only(lst)


def docx_auto_numbered(lst):
    """A Word file whose entries are Word's own numbered list: the numbers are not in the text."""
    from docx import Document

    doc = Document()
    doc.add_paragraph(lst["title"])
    for cat in lst["categories"]:
        doc.add_paragraph().add_run(cat["name"]).bold = True
        for n, _ in _entries(cat):
            doc.add_paragraph(n, style="List Number")
    return "docx", _saved(doc), _names_only(lst)


def xlsx_category_per_column(lst):
    """An Excel sheet with one column per category: the header row names them, the names run down."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    cats = lst["categories"]
    sheet.append([c["name"] for c in cats])
    columns = [[n for n, _ in _entries(c)] for c in cats]
    for i in range(max(len(c) for c in columns)):
        sheet.append([c[i] if i < len(c) else None for c in columns])
    return "xlsx", _saved(book), _names_only(lst)


def pdf_two_row_header(lst):
    """The Excel file with a two-row header, printed to PDF by LibreOffice."""
    return _saved_as(xlsx_two_row_header(lst), "pdf")


def docx_people_table(lst):
    """A Word table of people: 序号, 姓名, 性别, 工作单位及职务, under a heading paragraph per category."""
    from docx import Document

    doc = Document()
    doc.add_paragraph(lst["title"])
    for ci, cat in enumerate(lst["categories"]):
        doc.add_paragraph(f"{CN[ci]}、{cat['name']}")
        table = doc.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ["序号", "姓名", "性别", "工作单位及职务"]):
            cell.text = text
        for i, (n, r) in enumerate(_entries(cat), 1):
            cells = table.add_row().cells
            cells[0].text, cells[1].text, cells[2].text, cells[3].text = str(i), n, "", r
    return "docx", _saved(doc)


def _cn_headings(lst, entry, heading=lambda ci, name: f"{CN[ci]}、{name}", lead=()) -> tuple:
    """Headings (“一、类别”, or as ``heading(index, name)`` prints them), each over its entries a
    line as ``entry(number, name, role)`` prints them; ``lead``: lines between the intro and the first."""
    paras = [*INTRO, *lead]
    for ci, cat in enumerate(lst["categories"]):
        paras.append(heading(ci, cat["name"]))
        paras += [entry(i, n, r) for i, (n, r) in enumerate(_entries(cat), 1)]
    return "html", _page(lst["title"], paras), _names_only(lst)


# The seventh held-out round, written on 2026-12-05 after the sixth was fixed: scored once.
FULLWIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def fullwidth_numbers(lst):
    """Numbers and points in full width, as official documents type them: “１．名称”."""
    return _cn_headings(lst, lambda i, n, r: f"{str(i).translate(FULLWIDTH)}．{n}")


def chinese_numeral_counts(lst):
    """Headings that give the count in Chinese numerals: “制度创新示范中心（十个）”."""
    words = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    paras = [*INTRO]
    for cat in lst["categories"]:
        items = _entries(cat)
        paras.append(f"{cat['name']}（{words[len(items)] if len(items) <= 10 else len(items)}个）")
        paras += [n for n, _ in items]
    return "html", _page(lst["title"], paras), _names_only(lst)


def row_header_cells(lst):
    """A table whose names are row headers (<th scope="row">), a category row across it."""
    rows = _category_rows(lst, ["序号", "名称"], lambda i, n, r: f'<td>{i}</td><th scope="row">{html.escape(n)}</th>',
                          across="th")
    return "html", _page(lst["title"], INTRO, f"<table>{rows}</table>"), _names_only(lst)


def docx_line_breaks(lst):
    """A Word file where each category is one paragraph: its name, then its entries after line breaks."""
    from docx import Document

    doc = Document()
    doc.add_paragraph(lst["title"])
    for cat in lst["categories"]:
        para = doc.add_paragraph()
        para.add_run(cat["name"]).bold = True
        for n, _ in _entries(cat):
            run = para.add_run()
            run.add_break()
            run.add_text(n)
    return "docx", _saved(doc), _names_only(lst)


def xlsx_sparse_category_column(lst):
    """An Excel export with the category in the first column of each block's first row only."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["类别", "序号", "名称"])
    for cat in lst["categories"]:
        for i, (n, _) in enumerate(_entries(cat), 1):
            sheet.append([cat["name"] if i == 1 else None, i, n])
    return "xlsx", _saved(book), _names_only(lst)


# The eighth held-out round, written on 2026-12-05 after the seventh was fixed: scored once.
def name_over_role_cells(lst):
    """A table of people whose name cell holds the name, a line break, then the unit and role."""
    rows = _category_rows(lst, ["序号", "姓名及单位"], lambda i, n, r:
                          f"<td>{i}</td><td>{html.escape(n)}" + (f"<br>{html.escape(r)}" if r else "") + "</td>")
    return "html", _page(lst["title"], INTRO, f"<table>{rows}</table>")


def count_before_colon(lst):
    """Inline lists with the count before the colon and no brackets: “最美志愿者3名：甲、乙、丙”."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        items = _entries(cat)
        unit = "名" if any(r for _, r in items) or "志愿者" in cat["name"] else "个"
        paras.append(f"{cat['name']}{len(items)}{unit}：" + "、".join(n for n, _ in items))
    return "html", _page(lst["title"], paras), _names_only(lst)


def district_after_name(lst):
    """Numbered entries with their district in brackets after the name: “1.某某中心（嘉定区）”."""
    return _cn_headings(lst, lambda i, n, r: f"{i}.{n}（{re.match(r'.+?(?:新区|区|县)', n).group(0)}）")


def heading_count_in_span(lst):
    """Each category an <h4> whose count sits in a span after a space: “制度创新示范中心 10个”."""
    out = "".join(f"<h4>{html.escape(cat['name'])} <span>{len(cat['entries'])}个</span></h4>"
                  + "".join(f"<p>{html.escape(n)}</p>" for n, _ in _entries(cat)) for cat in lst["categories"])
    return "html", _page(lst["title"], ["名单如下："], out), _names_only(lst)


def arabic_headings_paren_entries(lst):
    """Categories numbered “1.”, their entries numbered “(1)”: two kinds of number on one page."""
    paras = [*INTRO]
    for ci, cat in enumerate(lst["categories"], 1):
        items = _entries(cat)
        paras.append(f"{ci}.{cat['name']}（{len(items)}名）")
        paras += [f"({i}){n}" for i, (n, _) in enumerate(items, 1)]
    return "html", _page(lst["title"], paras), _names_only(lst)


# The ninth held-out round, written on 2026-12-05 after the eighth was fixed: scored once.
def award_clause_per_entry(lst):
    """One line an entry, each with its award and no quotation marks: “何素贞被评为最美志愿者；”."""
    paras = ["经评选，结果如下："]
    for cat in lst["categories"]:
        paras += [f"{n}被评为{cat['name']}；" for n, _ in _entries(cat)]
    return "html", _page(lst["title"], paras), _names_only(lst)


def single_column_tables(lst):
    """A one-column table per category, its header the category's name."""
    out = "".join(f"<table><tr><th>{html.escape(cat['name'])}</th></tr>"
                  + "".join(f"<tr><td>{html.escape(n)}</td></tr>" for n, _ in _entries(cat)) + "</table>"
                  for cat in lst["categories"])
    return "html", _page(lst["title"], ["名单如下："], out), _names_only(lst)


def spans_in_one_paragraph(lst):
    """Each category a bold line; its entries spans side by side in one paragraph, spaced by CSS alone."""
    out = "".join(f"<p><strong>{html.escape(cat['name'])}</strong></p><p>"
                  + "".join(f'<span class="name">{html.escape(n)}</span>' for n, _ in _entries(cat)) + "</p>"
                  for cat in lst["categories"])
    return "html", _page(lst["title"], ["名单如下："], out), _names_only(lst)


def semicolon_line_under_heading(lst):
    """A heading line ending in “：”, the entries on the next line parted by “；”."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        paras += [f"{cat['name']}：", "；".join(n for n, _ in _entries(cat)) + "。"]
    return "html", _page(lst["title"], paras), _names_only(lst)


def bold_inline(lst):
    """“<strong>类别</strong>：甲、乙、丙” in one paragraph a category."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        paras.append(f"<p><strong>{html.escape(cat['name'])}</strong>："
                     + html.escape("、".join(n for n, _ in _entries(cat))) + "</p>")
    return "html", _page(lst["title"], paras), _names_only(lst)


# The tenth held-out round, people and their units, written on 2026-12-05: scored once.
def role_line_under_name(lst):
    """Each person's name on a line, the unit and role on the next line, as WeChat posts set them."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        paras.append(f"{cat['name']}：")
        for n, r in _entries(cat):
            paras += [n] + ([r] if r else [])
    return "html", _page(lst["title"], paras)


def name_dash_role(lst):
    """“李峰威——北京市红十字……队长”: a dash between name and role."""
    paras = [*INTRO]
    for ci, cat in enumerate(lst["categories"]):
        paras.append(f"{CN[ci]}、{cat['name']}")
        paras += [f"{n}——{r}" if r else n for n, r in _entries(cat)]
    return "html", _page(lst["title"], paras)


def name_colon_role(lst):
    """“李峰威：北京市红十字……队长”, numbered."""
    paras = [*INTRO]
    for ci, cat in enumerate(lst["categories"]):
        paras.append(f"{CN[ci]}、{cat['name']}")
        paras += [f"{i}.{n}：{r}" if r else f"{i}.{n}" for i, (n, r) in enumerate(_entries(cat), 1)]
    return "html", _page(lst["title"], paras)


def comrade_suffix(lst):
    """Official documents write “李峰威同志（北京市……队长）”: the honorific is no part of the name."""
    paras = ["经研究，决定对以下同志和集体予以通报表扬："]
    for ci, cat in enumerate(lst["categories"]):
        paras.append(f"{CN[ci]}、{cat['name']}")
        person = any(r for _, r in _entries(cat))
        paras += [(f"{n}同志（{r}）" if r else f"{n}同志") if person else n for n, r in _entries(cat)]
    return "html", _page(lst["title"], paras)


def comma_bio(lst):
    """Numbered entries with a short biography after commas: “1.李峰威，男，北京市……队长。”"""
    paras = [*INTRO]
    for ci, cat in enumerate(lst["categories"]):
        paras.append(f"{CN[ci]}、{cat['name']}")
        paras += [f"{i}.{n}，{r}。" if r else f"{i}.{n}" for i, (n, r) in enumerate(_entries(cat), 1)]
    return "html", _page(lst["title"], paras), _names_only(lst)


# The eleventh held-out round, written on 2026-12-05 in a new session: scored once.
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def circled_numbers(lst):
    """Entries numbered with circled digits, “①名称”, under “一、类别” headings."""
    return _cn_headings(lst, lambda i, n, r: f"{CIRCLED[i - 1]}{n}")


def repeated_header_table(lst):
    """One long table pasted from Word, whose header row comes again every 12 rows, as it
    was printed at the top of each page; category rows span the table."""
    rows, count = ["<tr><th>序号</th><th>单位名称</th></tr>"], 0
    for cat in lst["categories"]:
        rows.append(f'<tr><td colspan="2">{html.escape(cat["name"])}</td></tr>')
        for i, (n, _) in enumerate(_entries(cat), 1):
            count += 1
            if count % 12 == 0:
                rows.append("<tr><td>序号</td><td>单位名称</td></tr>")
            rows.append(f"<tr><td>{i}</td><td>{html.escape(n)}</td></tr>")
    return "html", _page(lst["title"], ["名单如下："], "<table>" + "".join(rows) + "</table>"), _names_only(lst)


def caption_tables(lst):
    """A table for each category, the category in its <caption>, a 序号/名称 header."""
    out = "".join(f"<table><caption>{html.escape(cat['name'])}</caption><tr><th>序号</th><th>名称</th></tr>"
                  + "".join(f"<tr><td>{i}</td><td>{html.escape(n)}</td></tr>" for i, (n, _) in enumerate(_entries(cat), 1))
                  + "</table>" for cat in lst["categories"])
    return "html", _page(lst["title"], [*INTRO], out), _names_only(lst)


def space_aligned_txt(lst):
    """Plain text from a fixed-width document: columns lined up by runs of spaces."""
    return _text_columns(lst, "序号    单位名称                                  类别",
                         lambda k, n, c: f"{k:<8}{n}{' ' * max(2, 40 - 2 * len(n))}{c}")


def and_before_last(lst):
    """Running text that joins the last two entries with “和”: “甲、乙和丙被评为“类别”。”"""
    sentences = []
    for cat in lst["categories"]:
        names = [n for n, _ in _entries(cat)]
        joined = names[0] if len(names) == 1 else "、".join(names[:-1]) + "和" + names[-1]
        sentences.append(f"{joined}被评为“{cat['name']}”。")
    return "html", _page(lst["title"], ["日前，评选结果揭晓。" + "".join(sentences)]), _names_only(lst)


# The twelfth held-out round, written on 2026-12-05 after the eleventh was fixed: scored once.
def br_names_in_cell(lst):
    """A two-column table, 类别 and 名单: each category's names in one cell, parted by line breaks."""
    rows = "".join(f"<tr><td>{html.escape(cat['name'])}</td><td>"
                   + "<br>".join(html.escape(n) for n, _ in _entries(cat)) + "</td></tr>" for cat in lst["categories"])
    return "html", _page(lst["title"], [*INTRO], f"<table><tr><th>类别</th><th>名单</th></tr>{rows}</table>"), \
        _names_only(lst)


def label_per_line(lst):
    """Every line its own category label: “最美志愿者：何素贞”."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        paras += [f"{cat['name']}：{n}" for n, _ in _entries(cat)]
    return "html", _page(lst["title"], paras), _names_only(lst)


def linked_list_items(lst):
    """Each category a heading over a list of links, one to each honoree's story."""
    out, number = "", 0
    for cat in lst["categories"]:
        items = ""
        for n, _ in _entries(cat):
            number += 1
            items += f'<li><a href="/zyfw/2020/t2020{number:04d}.html" target="_blank">{html.escape(n)}</a></li>'
        out += f"<h3>{html.escape(cat['name'])}</h3><ul>{items}</ul>"
    return "html", _page(lst["title"], [*INTRO], out), _names_only(lst)


def xlsx_with_form_rows(lst):
    """A returned form: title, the filing unit and date, a header with a 类别 column, the rows,
    then who filled it in and a phone number."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([lst["title"]])
    sheet.append(["填报单位（盖章）：市文明办", None, "填报日期：2024年5月20日"])
    sheet.append(["序号", "类别", "姓名（名称）", "工作单位及职务"])
    for number, category, n, r in _numbered(lst):
        sheet.append([number, category, n, r or None])
    sheet.append(["填表人：王某某", None, "联系电话：0571-88888888"])
    return "xlsx", _saved(book)


def comma_inline(lst):
    """One line a category, its names parted by full-width commas: “最美志愿者：甲，乙。”"""
    paras = [*INTRO]
    for cat in lst["categories"]:
        paras.append(f"{cat['name']}：" + "，".join(n for n, _ in _entries(cat)) + "。")
    return "html", _page(lst["title"], paras), _names_only(lst)


# The thirteenth held-out round, written on 2026-12-05 after the twelfth was fixed: scored once.
def gender_brackets(lst):
    """People's entries with their sex and ethnicity in brackets, “何素贞（女，汉族）”: no part of the name."""
    # The people of this list are those printed with a role; the sexes are made up, alternating.
    return _cn_headings(lst, lambda i, n, r: f"{n}（{'男女'[(i - 1) % 2]}，汉族）" if r else n)


def _docx_under_headings(lst, cols: int, rows) -> bytes:
    """A Word file: a “一、类别” paragraph for each category over a ruled table of ``cols``
    columns with no header, its rows ``rows(category)``."""
    from docx import Document

    doc = Document()
    doc.add_paragraph(lst["title"])
    for ci, cat in enumerate(lst["categories"]):
        doc.add_paragraph(f"{CN[ci]}、{cat['name']}")
        table = doc.add_table(rows=0, cols=cols)
        table.style = "Table Grid"
        for values in rows(cat):
            for cell, text in zip(table.add_row().cells, values):
                cell.text = text
    return _saved(doc)


def docx_headerless_people_table(lst):
    """A Word file: a heading paragraph per category over a two-column table of name and unit, with no header row."""
    return "docx", _docx_under_headings(lst, 2, lambda cat: [(n, r or "") for n, r in _entries(cat)])


def many_categories_one_paragraph(lst):
    """A news paragraph naming every category in turn: “其中，最美志愿者2名：甲、乙；最佳志愿服务组织2个：丙、丁。”"""
    parts = []
    for cat in lst["categories"]:
        names = [n for n, _ in _entries(cat)]
        unit = "名" if any(r for _, r in _entries(cat)) else "个"
        parts.append(f"{cat['name']}{len(names)}{unit}：" + "、".join(names))
    line = "日前，名单揭晓，我区共有" + str(sum(len(c["entries"]) for c in lst["categories"])) + "个先进典型入选。其中，" \
        + "；".join(parts) + "。"
    return "html", _page(lst["title"], [line]), _names_only(lst)


def recommended_by_brackets(lst):
    """Numbered entries, each with the unit that put it forward: “1.名称（推荐单位：某区文明办）”."""
    return _cn_headings(lst, lambda i, n, r: f"{i}.{n}（推荐单位：市文明办）")


def pdf_name_grid(lst):
    """A PDF printed from a Word file: each category a heading over a ruled grid of names, three a row, no header."""
    def grid(cat):
        names = [n for n, _ in _entries(cat)]
        return [names[i:i + 3] for i in range(0, len(names), 3)]

    pdf = _soffice(_docx_under_headings(lst, 3, grid), "docx", "pdf")
    return ("pdf", pdf, _names_only(lst)) if pdf else None


# The fourteenth held-out round, written on 2026-12-05 after the thirteenth was fixed: scored once.
def span_number_name(lst):
    """A CMS template: each entry a <div> of two spans, its number and its name, with no space between."""
    out = ""
    for cat in lst["categories"]:
        out += f'<div class="cat">{html.escape(cat["name"])}</div>' + "".join(
            f'<div class="item"><span class="num">{i}</span><span class="name">{html.escape(n)}</span></div>'
            for i, (n, _) in enumerate(_entries(cat), 1))
    return "html", _page(lst["title"], [*INTRO], out), _names_only(lst)


def pre_block(lst):
    """An old portal's page: the list typed into a <pre> block, a heading and numbered lines."""
    lines = []
    for ci, cat in enumerate(lst["categories"]):
        lines.append(f"{CN[ci]}、{cat['name']}")
        lines += [f"  {i}．{n}" for i, (n, _) in enumerate(_entries(cat), 1)]
    return "html", _page(lst["title"], [*INTRO], "<pre>" + html.escape("\n".join(lines)) + "</pre>"), _names_only(lst)


def slash_separated(lst):
    """One line a category, its names parted by “ / ”: “最美志愿者：甲 / 乙 / 丙”."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        paras.append(f"{cat['name']}：" + " / ".join(n for n, _ in _entries(cat)))
    return "html", _page(lst["title"], paras), _names_only(lst)


def halfwidth_punctuation(lst):
    """Typed with half-width punctuation: “最美志愿者: 甲, 乙, 丙”; a joint entry keeps its “、”."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        paras.append(f"{cat['name']}: " + ", ".join(n for n, _ in _entries(cat)))
    return "html", _page(lst["title"], paras), _names_only(lst)


def list_suffix_headings(lst):
    """Each category headed “……名单”, as in “最美志愿者名单”, over its names a line."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        paras.append(f"<h4>{html.escape(cat['name'])}名单</h4>")
        paras += [n for n, _ in _entries(cat)]
    return "html", _page(lst["title"], paras), _names_only(lst)


# The fifteenth held-out round, written on 2026-12-05 after the fourteenth was fixed: scored once.
def status_brackets(lst):
    """A review's list: each entry followed by the outcome in brackets, “……中心（复核通过）”."""
    return _cn_headings(lst, lambda i, n, r: f"{i}.{n}（复核通过）")


def award_title_headings(lst):
    """A decision's wording: “一、授予以下4个集体“最佳志愿服务组织”称号：” over numbered entries."""
    paras = ["经研究，决定："]
    for ci, cat in enumerate(lst["categories"]):
        items = _entries(cat)
        who = "名同志" if any(r for _, r in items) else "个集体"
        paras.append(f"{CN[ci]}、授予以下{len(items)}{who}“{cat['name']}”称号：")
        paras += [f"{i}.{n}" for i, (n, _) in enumerate(items, 1)]
    return "html", _page(lst["title"], paras), _names_only(lst)


def footnote_markers(lst):
    """Entries marked “*” for those named this year, with a note under the list."""
    paras = _cn_headings(lst, lambda i, n, r: f"{i}.{n}{'*' if i % 3 == 1 else ''}")[1]
    return "html", paras.replace("</div></div>", "<p>注：带*的为本年度新增。</p></div></div>", 1), _names_only(lst)


def tbody_per_category(lst):
    """One table, a <tbody> for each category opening with a row whose <th> spans the table."""
    bodies = "".join(f'<tbody><tr><th colspan="2">{html.escape(cat["name"])}</th></tr>'
                     + "".join(f"<tr><td>{i}</td><td>{html.escape(n)}</td></tr>" for i, (n, _) in enumerate(_entries(cat), 1))
                     + "</tbody>" for cat in lst["categories"])
    table = f"<table><thead><tr><th>序号</th><th>名称</th></tr></thead>{bodies}</table>"
    return "html", _page(lst["title"], [*INTRO], table), _names_only(lst)


def names_cell_with_dunhao(lst):
    """A two-column table, 类别 and 名单: each category's names in one cell, parted by “、”."""
    rows = "".join(f"<tr><td>{html.escape(cat['name'])}</td><td>"
                   + html.escape("、".join(n for n, _ in _entries(cat))) + "</td></tr>" for cat in lst["categories"])
    return "html", _page(lst["title"], [*INTRO], f"<table><tr><th>类别</th><th>名单</th></tr>{rows}</table>"), \
        _names_only(lst)


# The sixteenth held-out round, written on 2026-12-05 after the fifteenth was fixed: scored once.
def nbsp_padding(lst):
    """Entries padded with &nbsp; as editors align them by hand, “1、&nbsp;&nbsp;李峰威”; a
    two-character name spaced with &nbsp; too."""
    paras = [*INTRO]
    for ci, cat in enumerate(lst["categories"]):
        paras.append(f"<p>{CN[ci]}、{html.escape(cat['name'])}</p>")
        paras += [f"<p>{i}、&nbsp;&nbsp;{html.escape(n).replace(' ', '&nbsp;')}</p>" for i, (n, _) in enumerate(_entries(cat), 1)]
    return "html", _page(lst["title"], paras), _names_only(lst)


def halfwidth_brackets_roles(lst):
    """People with their unit in half-width brackets: “1.何素贞(南岸区……志愿者)”."""
    return "html", _cn_headings(lst, lambda i, n, r: f"{i}.{n}({r})" if r else f"{i}.{n}")[1]


def ordinal_category_prefix(lst):
    """Categories written “第一类：制度创新示范中心”, entries numbered “（1）”."""
    return _cn_headings(lst, lambda i, n, r: f"（{i}）{n}", heading=lambda ci, name: f"第{CN[ci]}类：{name}")


def _word_lines(lst, entry) -> bytes:
    """A Word file of paragraphs: the title, then each category as “一、类别” over its entries, a
    paragraph each as ``entry(number, name, role)`` prints them."""
    from docx import Document

    doc = Document()
    doc.add_paragraph(lst["title"])
    for ci, cat in enumerate(lst["categories"]):
        doc.add_paragraph(f"{CN[ci]}、{cat['name']}")
        for i, (n, r) in enumerate(_entries(cat), 1):
            doc.add_paragraph(entry(i, n, r))
    return _saved(doc)


def docx_tab_roles(lst):
    """A Word file of paragraphs: “一、类别”, then each person's name, a tab, the unit and role."""
    return "docx", _word_lines(lst, lambda i, n, r: f"{n}\t{r}" if r else n)


def wrapped_names_txt(lst):
    """Text copied out of a PDF: long names wrapped onto a second line with no number of its own."""
    lines = [lst["title"], ""]
    for ci, cat in enumerate(lst["categories"]):
        lines.append(f"{CN[ci]}、{cat['name']}")
        for i, (n, _) in enumerate(_entries(cat), 1):
            text = f"{i}.{n}"
            lines += [text[:22], text[22:]] if len(text) > 22 else [text]
    return "txt", "\n".join(lines) + "\n", _names_only(lst)


# The seventeenth held-out round, written on 2026-12-05 after the sixteenth was fixed: scored once.
def numbered_prose_then_list(lst):
    """A notice whose numbered requirements come before the list: only the list holds entries."""
    paras = ["为进一步推动志愿服务制度化常态化，现将有关事项通知如下：", "一、工作要求",
             "1.各单位要高度重视，认真组织学习宣传活动。", "2.要广泛宣传先进典型的事迹，营造良好氛围。",
             "二、入选名单"]
    for cat in lst["categories"]:
        paras.append(f"{cat['name']}：")
        paras += [f"{i}.{n}" for i, (n, _) in enumerate(_entries(cat), 1)]
    return "html", _page(lst["title"], paras), _names_only(lst)


def quoted_category_headings(lst):
    """Headings that quote the award: “一、“最美志愿者”（3名）”."""
    paras = [*INTRO]
    for ci, cat in enumerate(lst["categories"]):
        items = _entries(cat)
        paras.append(f"{CN[ci]}、“{cat['name']}”（{len(items)}{'名' if any(r for _, r in items) else '个'}）")
        paras += [f"{i}.{n}" for i, (n, _) in enumerate(items, 1)]
    return "html", _page(lst["title"], paras), _names_only(lst)


def xlsx_total_row(lst):
    """An Excel sheet with 序号, 名称, 类别 columns and a 合计 row at the foot."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([lst["title"]])
    sheet.append(["序号", "名称", "类别"])
    entries = [(n, cat["name"]) for cat in lst["categories"] for n, _ in _entries(cat)]
    for k, (n, c) in enumerate(entries, 1):
        sheet.append([k, n, c])
    sheet.append(["合计", f"{len(entries)}个", None])
    return "xlsx", _saved(book), _names_only(lst)


def single_space_org_names(lst):
    """Each category a bold line, its honorees on one line parted by single spaces."""
    out = "".join(f"<p><strong>{html.escape(cat['name'])}</strong></p><p>"
                  + html.escape(" ".join(n for n, _ in _entries(cat))) + "</p>" for cat in lst["categories"])
    return "html", _page(lst["title"], [*INTRO], out), _names_only(lst)


def honorific_in_table(lst):
    """A table of people whose 姓名 cells read “李峰威同志”, with a 工作单位及职务 column."""
    rows = "".join(f"<tr><td>{i}</td><td>{html.escape(n)}{'同志' if r else ''}</td><td>{html.escape(r or '')}</td>"
                   f"<td>{html.escape(cat['name'])}</td></tr>"
                   for i, (cat, (n, r)) in enumerate(((c, e) for c in lst["categories"] for e in _entries(c)), 1))
    table = f"<table><tr><th>序号</th><th>姓名（名称）</th><th>工作单位及职务</th><th>类别</th></tr>{rows}</table>"
    return "html", _page(lst["title"], [*INTRO], table)


# The eighteenth held-out round, written on 2026-12-05 after the seventeenth was fixed: scored once.
def bold_first_entry(lst):
    """The category in bold opening the paragraph of its first entry, the others a paragraph each."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        names = [n for n, _ in _entries(cat)]
        paras.append(f"<p><b>{html.escape(cat['name'])}：</b>{html.escape(names[0])}</p>")
        paras += [f"<p>{html.escape(n)}</p>" for n in names[1:]]
    return "html", _page(lst["title"], paras), _names_only(lst)


def layout_table_wrapper(lst):
    """An old portal that lays out its whole article in a table: the list is paragraphs inside one cell."""
    inner = "".join(f"<p>{CN[ci]}、{html.escape(cat['name'])}</p>"
                    + "".join(f"<p>{i}.{html.escape(n)}</p>" for i, (n, _) in enumerate(_entries(cat), 1))
                    for ci, cat in enumerate(lst["categories"]))
    body = "".join(f"<p>{html.escape(p)}</p>" for p in INTRO)
    page = _page(lst["title"], [])
    wrapped = f'<table width="100%"><tr><td>{body}{inner}</td></tr><tr><td>【打印本页】【关闭窗口】</td></tr></table>'
    return "html", page.replace('<div class="content"></div>', f'<div class="content">{wrapped}</div>'), _names_only(lst)


def docx_blank_spacer_rows(lst):
    """A Word table with a 类别 column, and a blank row between one category and the next."""
    return "docx", _docx_category_column(lst, "姓名（名称）", spacers=True)


def _docx_category_column(lst, name_head: str, spacers: bool) -> bytes:
    """A Word table of 序号, 类别, ``name_head`` and 工作单位及职务, the category on every row;
    numbered afresh for each category after a blank row if ``spacers``, else straight through."""
    from docx import Document

    doc = Document()
    doc.add_paragraph(lst["title"])
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["序号", "类别", name_head, "工作单位及职务"]):
        cell.text = text
    number = 0
    for ci, cat in enumerate(lst["categories"]):
        if ci and spacers:
            table.add_row()
        for i, (n, r) in enumerate(_entries(cat), 1):
            number = i if spacers else number + 1
            for cell, text in zip(table.add_row().cells, [str(number), cat["name"], n, r or ""]):
                cell.text = text
    return _saved(doc)


def diamond_bullets(lst):
    """“◆ 类别” lines over “◇ 名称” lines."""
    return _cn_headings(lst, lambda i, n, r: f"◇ {n}", heading=lambda ci, name: f"◆ {name}")


def continuous_numbering(lst):
    """Entries numbered on from one category to the next (1–10, then 11–20, …)."""
    paras, k = [*INTRO], 0
    for ci, cat in enumerate(lst["categories"]):
        paras.append(f"{CN[ci]}、{cat['name']}")
        for n, _ in _entries(cat):
            k += 1
            paras.append(f"{k}.{n}")
    return "html", _page(lst["title"], paras), _names_only(lst)


# The nineteenth held-out round, written on 2026-12-05 after the eighteenth scored 1.000: scored once.
def paren_category_dunhao_entries(lst):
    """Categories “（一）类别”, entries “1、名称”."""
    return _cn_headings(lst, lambda i, n, r: f"{i}、{n}", heading=lambda ci, name: f"（{CN[ci]}）{name}")


def place_after_name_table(lst):
    """A table of 序号, 名称, 所在区: the district after the name, category rows across it."""
    rows = _category_rows(lst, ["序号", "名称", "所在区"], lambda i, n, r:
                          f"<td>{i}</td><td>{html.escape(n)}</td><td>{html.escape(n[:n.index('区') + 1])}</td>")
    return "html", _page(lst["title"], [*INTRO], f"<table>{rows}</table>"), _names_only(lst)


def checkmark_matrix(lst):
    """A table with a column for each category, the entry's category ticked “√”."""
    cats = [c["name"] for c in lst["categories"]]
    head = "<tr><th>序号</th><th>名称</th>" + "".join(f"<th>{html.escape(c)}</th>" for c in cats) + "</tr>"
    rows, k = "", 0
    for cat in lst["categories"]:
        for n, _ in _entries(cat):
            k += 1
            rows += f"<tr><td>{k}</td><td>{html.escape(n)}</td>" + "".join(
                f"<td>{'√' if c == cat['name'] else ''}</td>" for c in cats) + "</tr>"
    return "html", _page(lst["title"], [*INTRO], f"<table>{head}{rows}</table>"), _names_only(lst)


def blockquote_list(lst):
    """The list quoted in a <blockquote>, headings and numbered lines."""
    inner = "".join(f"<p>{CN[ci]}、{html.escape(cat['name'])}</p>"
                    + "".join(f"<p>{i}.{html.escape(n)}</p>" for i, (n, _) in enumerate(_entries(cat), 1))
                    for ci, cat in enumerate(lst["categories"]))
    return "html", _page(lst["title"], [*INTRO], f"<blockquote>{inner}</blockquote>"), _names_only(lst)


def profile_sections(lst):
    """A feature: each category a heading, each honoree a smaller heading over a paragraph on them."""
    out = ""
    for cat in lst["categories"]:
        out += f"<h3>{html.escape(cat['name'])}</h3>"
        for n, _ in _entries(cat):
            out += f"<h4>{html.escape(n)}</h4><p>（事迹介绍从略。）</p>"
    return "html", _page(lst["title"], ["本报讯 日前，评选结果揭晓，以下是入选者简介。"], out), _names_only(lst)


# The twentieth held-out round, written on 2026-12-05 after the nineteenth was fixed: scored once.
def org_dash_unit(lst):
    """Numbered entries, each with the body that put it forward after a dash: “1.名称——市文明办推荐”."""
    return _cn_headings(lst, lambda i, n, r: f"{i}.{n}——市文明办推荐")


def xlsx_merged_name_cells(lst):
    """An Excel sheet whose 名称 cell is merged over two columns, the category in the last."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "名称", None, "类别"])
    sheet.merge_cells("B1:C1")
    entries = [(n, cat["name"]) for cat in lst["categories"] for n, _ in _entries(cat)]
    for k, (n, c) in enumerate(entries, 1):
        sheet.append([k, n, None, c])
        sheet.merge_cells(start_row=sheet.max_row, start_column=2, end_row=sheet.max_row, end_column=3)
    return "xlsx", _saved(book), _names_only(lst)


def strong_in_li(lst):
    """An ordered list a category, each item the name in bold and its unit in brackets."""
    out = "".join(f"<h4>{html.escape(cat['name'])}</h4><ol>" + "".join(
        f"<li><strong>{html.escape(n)}</strong>{'（' + html.escape(r) + '）' if r else ''}</li>" for n, r in _entries(cat))
        + "</ol>" for cat in lst["categories"])
    return "html", _page(lst["title"], [*INTRO], out)


def docx_category_row_above_header(lst):
    """A Word table for each category: a merged first row naming it, then the header, then the entries."""
    from docx import Document

    doc = Document()
    doc.add_paragraph(lst["title"])
    for cat in lst["categories"]:
        table = doc.add_table(rows=2, cols=2)
        table.style = "Table Grid"
        table.rows[0].cells[0].merge(table.rows[0].cells[1]).text = cat["name"]
        table.rows[1].cells[0].text, table.rows[1].cells[1].text = "序号", "名称"
        for i, (n, _) in enumerate(_entries(cat), 1):
            cells = table.add_row().cells
            cells[0].text, cells[1].text = str(i), n
        doc.add_paragraph("")
    return "docx", _saved(doc), _names_only(lst)


def count_with_gong(lst):
    """Inline lists whose heading gives the count with 共: “最美志愿服务社区（共2个）：甲、乙”."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        items = _entries(cat)
        unit = "名" if any(r for _, r in items) else "个"
        paras.append(f"{cat['name']}（共{len(items)}{unit}）：" + "、".join(n for n, _ in items))
    return "html", _page(lst["title"], paras), _names_only(lst)


# The twenty-first held-out round, written on 2026-12-05 after the twentieth was fixed: scored once.
def people_table_with_attributes(lst):
    """A people's table with 性别 and 民族 columns beside 姓名 and 工作单位及职务 (the attributes left blank here)."""
    rows = _category_rows(lst, ["序号", "姓名（名称）", "性别", "民族", "工作单位及职务"], lambda i, n, r:
                          f"<td>{i}</td><td>{html.escape(n)}</td><td></td><td></td><td>{html.escape(r or '')}</td>")
    return "html", _page(lst["title"], [*INTRO], f"<table>{rows}</table>")


def middle_dot_bullets(lst):
    """“· 名称” lines under bold category lines."""
    return _cn_headings(lst, lambda i, n, r: f"· {n}",
                        heading=lambda ci, name: f"<p><strong>{html.escape(name)}</strong></p>")


def wechat_sections(lst):
    """WeChat markup: each entry a <section> of spans, the name, a line break, then the unit."""
    out = ""
    for cat in lst["categories"]:
        out += f'<section><span style="font-weight:bold">{html.escape(cat["name"])}</span></section>'
        out += "".join(f"<section><span>{html.escape(n)}</span>" + (f"<br><span>{html.escape(r)}</span>" if r else "")
                       + "</section>" for n, r in _entries(cat))
    return "html", _page(lst["title"], [*INTRO], out)


def nested_table(lst):
    """A data table inside the cell of a layout table."""
    rows = _category_rows(lst, ["序号", "名称"], lambda i, n, r: f"<td>{i}</td><td>{html.escape(n)}</td>")
    outer = f'<table width="100%"><tr><td><p>名单如下：</p><table border="1">{rows}</table></td></tr></table>'
    return "html", _page(lst["title"], [INTRO[0]], outer), _names_only(lst)


def thead_td_blank_numbers(lst):
    """A header in <thead> written with <td>, a number column left blank (&nbsp;), category rows across."""
    rows = _category_rows(lst, ["序号", "名称"], lambda i, n, r: f"<td>&nbsp;</td><td>{html.escape(n)}</td>",
                          head="<thead><tr><td>序号</td><td>名称</td></tr></thead><tbody>")
    return "html", _page(lst["title"], [*INTRO], f"<table>{rows}</tbody></table>"), _names_only(lst)


# The twenty-second held-out round, written on 2026-12-05 after the twenty-first scored 1.000: scored once.
def wrapped_inline_txt(lst):
    """Text copied out of a PDF: an inline list “类别：甲、乙、丙” wrapped over two lines."""
    lines = [lst["title"], ""]
    for cat in lst["categories"]:
        text = f"{cat['name']}：" + "、".join(n for n, _ in _entries(cat)) + "。"
        cut = text.find("、", len(text) // 2)
        lines += [text[:cut + 1], text[cut + 1:]] if cut > 0 else [text]
    return "txt", "\n".join(lines) + "\n", _names_only(lst)


def award_name_column(lst):
    """A table with 序号, 奖项名称 and 获奖对象 columns."""
    rows = "<tr><th>序号</th><th>奖项名称</th><th>获奖对象</th></tr>" + "".join(
        f"<tr><td>{k}</td><td>{html.escape(c)}</td><td>{html.escape(n)}</td></tr>"
        for k, (c, n) in enumerate(((c["name"], n) for c in lst["categories"] for n, _ in _entries(c)), 1))
    return "html", _page(lst["title"], [*INTRO], f"<table>{rows}</table>"), _names_only(lst)


def numbered_names_single_column(lst):
    """A one-column table under a 名单 header: each cell “1.名称”, category rows between."""
    rows = "<tr><th>名单</th></tr>"
    for cat in lst["categories"]:
        rows += f"<tr><td><strong>{html.escape(cat['name'])}</strong></td></tr>"
        rows += "".join(f"<tr><td>{i}.{html.escape(n)}</td></tr>" for i, (n, _) in enumerate(_entries(cat), 1))
    return "html", _page(lst["title"], [*INTRO], f"<table>{rows}</table>"), _names_only(lst)


def xlsx_sheet_titles_as_categories(lst):
    """An Excel workbook with a sheet for each category, each opening with a title row that names it."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for ci, cat in enumerate(lst["categories"], 1):
        sheet = book.create_sheet(f"附件{ci}")
        sheet.append([f"附件{ci}：{cat['name']}名单"])
        sheet.append(["序号", "名称"])
        for i, (n, _) in enumerate(_entries(cat), 1):
            sheet.append([i, n])
    return "xlsx", _saved(book), _names_only(lst)


def bold_count_br(lst):
    """One paragraph a category: the award and count in bold, then its names after line breaks."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        items = _entries(cat)
        paras.append(f"<p><b>{html.escape(cat['name'])}（{len(items)}名）</b><br>"
                     + "<br>".join(html.escape(n) for n, _ in items) + "</p>")
    return "html", _page(lst["title"], paras), _names_only(lst)


# The twenty-third held-out round, written on 2026-12-05 after the twenty-second was fixed: scored once.
def names_in_lenticular(lst):
    """Each entry “【名称】” followed by its unit, one a line, under “一、类别” headings."""
    return _cn_headings(lst, lambda i, n, r: f"【{n}】{r}" if r else f"【{n}】")


def photo_grid(lst):
    """A gallery: each category a heading over a table of cells, a photo and the name under it."""
    out = ""
    for cat in lst["categories"]:
        names = [n for n, _ in _entries(cat)]
        cells = [f'<td><img src="/photos/{k}.jpg" alt=""><p>{html.escape(n)}</p></td>' for k, n in enumerate(names, 1)]
        rows = "".join("<tr>" + "".join(cells[i:i + 3]) + "</tr>" for i in range(0, len(cells), 3))
        out += f"<h3>{html.escape(cat['name'])}</h3><table>{rows}</table>"
    return "html", _page(lst["title"], ["以下是入选者风采。"], out), _names_only(lst)


def comrade_inline(lst):
    """Inline lists naming people with “同志”: “最美志愿者：陈建钧同志、吕海英同志”."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        items = _entries(cat)
        person = any(r for _, r in items)
        paras.append(f"{cat['name']}：" + "、".join(f"{n}同志" if person else n for n, _ in items))
    return "html", _page(lst["title"], paras), _names_only(lst)


def keyvalue_blocks(lst):
    """A notice giving each person as lines of label and value: 姓名, 单位及职务, 推荐类别."""
    paras = ["现将拟推荐对象基本情况公示如下："]
    for cat in lst["categories"]:
        for n, r in _entries(cat):
            paras += [f"姓名（名称）：{n}"] + ([f"单位及职务：{r}"] if r else []) + [f"推荐类别：{cat['name']}"]
    return "html", _page(lst["title"], paras)


def inline_with_deng(lst):
    """Inline lists that close with “等N个” though every entry is given."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        items = _entries(cat)
        unit = "名" if any(r for _, r in items) else "个"
        paras.append(f"{cat['name']}：" + "、".join(n for n, _ in items) + f"等{len(items)}{unit}。")
    return "html", _page(lst["title"], paras), _names_only(lst)


# The twenty-fourth held-out round, written on 2026-12-05 after the twenty-third was fixed: scored once.
def wrapped_br_cells(lst):
    """A narrow table exported from Word: long names broken by <br> inside their cells."""
    def wrap(n):
        return html.escape(n[:9]) + "<br>" + html.escape(n[9:]) if len(n) > 12 else html.escape(n)
    rows = _category_rows(lst, ["序号", "名称"], lambda i, n, r: f"<td>{i}</td><td>{wrap(n)}</td>")
    return "html", _page(lst["title"], [*INTRO], f"<table>{rows}</table>"), _names_only(lst)


def docx_tab_names(lst):
    """A Word file: each category a paragraph, then one paragraph of its names parted by tabs."""
    from docx import Document

    doc = Document()
    doc.add_paragraph(lst["title"])
    for ci, cat in enumerate(lst["categories"]):
        doc.add_paragraph(f"{CN[ci]}、{cat['name']}")
        doc.add_paragraph("\t".join(n for n, _ in _entries(cat)))
    return "docx", _saved(doc), _names_only(lst)


def wei_inline(lst):
    """“最美志愿者为陈建钧、吕海英。”: the category joined to its names by 为."""
    paras = ["经评选，" + "；".join(f"{cat['name']}为" + "、".join(n for n, _ in _entries(cat))
                                  for cat in lst["categories"]) + "。"]
    return "html", _page(lst["title"], paras), _names_only(lst)


def xlsx_text_numbers(lst):
    """An Excel sheet whose 序号 cells are text such as “1.”, with category rows in the first column."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "名称"])
    for cat in lst["categories"]:
        sheet.append([cat["name"], None])
        for i, (n, _) in enumerate(_entries(cat), 1):
            sheet.append([f"{i}.", n])
    return "xlsx", _saved(book), _names_only(lst)


def docx_inline_paragraphs(lst):
    """A Word file of inline lists, the category in a bold run: “最美志愿者：何素贞、黎雅红”."""
    from docx import Document

    doc = Document()
    doc.add_paragraph(lst["title"])
    for cat in lst["categories"]:
        para = doc.add_paragraph()
        para.add_run(f"{cat['name']}：").bold = True
        para.add_run("、".join(n for n, _ in _entries(cat)))
    return "docx", _saved(doc), _names_only(lst)


# The twenty-fifth held-out round, written on 2026-12-05 after the twenty-fourth was scored and
# the extractor changed: scored once.
def inline_numbered_run(lst):
    """“一、最美志愿者：1.何素贞 2.黎雅红 3.谢彬蓉”: each category one paragraph, its entries numbered inline."""
    paras = [*INTRO] + [f"{CN[ci]}、{cat['name']}：" + " ".join(f"{i}.{n}" for i, (n, _) in enumerate(_entries(cat), 1))
                        for ci, cat in enumerate(lst["categories"])]
    return "html", _page(lst["title"], paras), _names_only(lst)


def indented_paragraphs(lst):
    """A government article's paragraphs, each indented by two ideographic spaces: the category
    bold, each entry a paragraph of its own, its unit after an ideographic space."""
    body = "".join(f'<p style="text-indent:2em">　　{html.escape(p)}</p>' for p in INTRO)
    for cat in lst["categories"]:
        body += f'<p style="text-indent:2em"><strong>　　{html.escape(cat["name"])}</strong></p>'
        body += "".join(f'<p style="text-indent:2em">　　{html.escape(n)}{"　" + html.escape(r) if r else ""}</p>'
                        for n, r in _entries(cat))
    return "html", _page(lst["title"], [body])


def pdf_merged_category_column(lst):
    """A PDF printed from a Word table whose 类别 column is one cell merged down over each category."""
    return _saved_as(docx_merged_category_column(lst), "pdf")


def xlsx_names_in_one_cell(lst):
    """An Excel sheet of two columns, 类别 and 名单: each category's names in one cell, parted by 、."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([lst["title"]])
    sheet.append(["类别", "名单"])
    for cat in lst["categories"]:
        sheet.append([cat["name"], "、".join(n for n, _ in _entries(cat))])
    return "xlsx", _saved(book), _names_only(lst)


def heading_with_two_notes(lst):
    """“一、最美志愿者（9名）（按姓氏笔画为序）”, then “1. 李峰威　北京市……队长” lines."""
    paras = [*INTRO]
    for ci, cat in enumerate(lst["categories"]):
        paras.append(f"{CN[ci]}、{cat['name']}（{len(cat['entries'])}{'名' if '志愿者' in cat['name'] else '个'}）（按姓氏笔画为序）")
        paras += [f"{i}. {n}{'　' + r if r else ''}" for i, (n, r) in enumerate(_entries(cat), 1)]
    return "html", _page(lst["title"], paras)


# The twenty-sixth held-out round, written on 2026-12-05 after the twenty-fifth was scored and
# the extractor changed: scored once.
def docx_name_grid(lst):
    """A Word file: each category a paragraph, then a table of its names four to a row, no header."""
    from docx import Document

    doc = Document()
    doc.add_paragraph(lst["title"])
    for ci, cat in enumerate(lst["categories"]):
        doc.add_paragraph(f"{CN[ci]}、{cat['name']}")
        names = [n for n, _ in _entries(cat)]
        table = doc.add_table(rows=0, cols=4)
        table.style = "Table Grid"
        for start in range(0, len(names), 4):
            cells = table.add_row().cells
            for cell, name in zip(cells, names[start:start + 4]):
                cell.text = name
    return "docx", _saved(doc), _names_only(lst)


def starred_headings(lst):
    """Text copied from a notice whose categories stand between stars: “★制度创新示范中心★”."""
    lines = [lst["title"], "发布时间：2024-06-18  来源：市文明办", "", *INTRO, ""]
    for cat in lst["categories"]:
        lines.append(f"★{cat['name']}★")
        lines += [f"{i}.{n}" for i, (n, _) in enumerate(_entries(cat), 1)]
        lines.append("")
    return "txt", "\n".join(lines) + "\n", _names_only(lst)


def count_after_space(lst):
    """“最美志愿者　共2名” headings, a count after a full-width space, over a name a paragraph."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        unit = "名" if "志愿者" in cat["name"] else "个"
        paras.append(f"{cat['name']}　共{len(cat['entries'])}{unit}")
        paras += [n for n, _ in _entries(cat)]
    return "html", _page(lst["title"], paras), _names_only(lst)


def inline_with_order_note(lst):
    """Inline lists closed by the order note: “最美志愿者：何素贞、黎雅红、谢彬蓉（排名不分先后）”."""
    paras = [*INTRO] + [f"{cat['name']}：" + "、".join(n for n, _ in _entries(cat)) + "（排名不分先后）"
                        for cat in lst["categories"]]
    return "html", _page(lst["title"], paras), _names_only(lst)


def docx_heading_styles_bullets(lst):
    """A Word file with each category in Heading 2 and its entries as bulleted paragraphs (List
    Bullet), a person's unit after a full-width space."""
    from docx import Document

    doc = Document()
    doc.add_heading(lst["title"], level=1)
    for cat in lst["categories"]:
        doc.add_heading(cat["name"], level=2)
        for n, r in _entries(cat):
            doc.add_paragraph(f"{n}　{r}" if r else n, style="List Bullet")
    return "docx", _saved(doc)


# The twenty-seventh held-out round, written on 2026-12-05 after the twenty-sixth was scored and
# the extractor changed: scored once.
def docx_labelled_category_rows(lst):
    """A Word table whose category rows are one merged cell labelled “类别：最美志愿者”."""
    return "docx", _docx_category_rows(lst, lambda category: f"类别：{category}")


def semicolon_entries(lst):
    """A notice's entries each closed by “；”, the last by “。”, under “（一）” headings."""
    paras = [*INTRO]
    for ci, cat in enumerate(lst["categories"]):
        paras.append(f"（{CN[ci]}）{cat['name']}")
        items = _entries(cat)
        paras += [f"{i}.{n}{'。' if i == len(items) else '；'}" for i, (n, _) in enumerate(items, 1)]
    return "html", _page(lst["title"], paras), _names_only(lst)


def xlsx_category_in_header(lst):
    """An Excel sheet in blocks, one a category, whose header row names the category in the
    name column: “序号 | 最美志愿者 | 工作单位及职务”, a blank row between blocks."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([lst["title"]])
    for category, rows in _rows(lst):
        sheet.append(["序号", category, "工作单位及职务"])
        for values in rows:
            sheet.append([int(values[0]), values[1], values[2] or None])
        sheet.append([])
    return "xlsx", _saved(book)


def text_with_page_marks(lst):
    """Text copied from a PDF: each “page” ends with its number (“— 2 —”), and the next opens
    with the running head, between the entries of a category."""
    lines = [lst["title"], "发布时间：2024-06-18  来源：市文明办", "", *INTRO, ""]
    count = 0
    for ci, cat in enumerate(lst["categories"]):
        lines.append(f"{CN[ci]}、{cat['name']}")
        for i, (n, _) in enumerate(_entries(cat), 1):
            lines.append(f"{i}.{n}")
            count += 1
            if count % 7 == 0:
                lines += [f"— {count // 7 + 1} —", "", lst["title"]]
        lines.append("")
    return "txt", "\n".join(lines) + "\n", _names_only(lst)


def two_level_headings(lst):
    """The award scheme as “一、” heading and the categories under it as “（一）”, “（二）”."""
    return _cn_headings(lst, lambda i, n, r: f"{i}. {n}", heading=lambda ci, name: f"（{CN[ci]}）{name}",
                        lead=["一、全国学雷锋志愿服务“四个100”先进典型"])


# The twenty-eighth held-out round, written on 2026-12-05 after the twenty-seventh was scored and
# the extractor changed: scored once.
def hyphen_units(lst):
    """“1. 李峰威 - 北京市……队长”: the unit after a spaced half-width hyphen."""
    return "html", _cn_headings(lst, lambda i, n, r: f"{i}. {n} - {r}" if r else f"{i}. {n}")[1]


def div_items(lst):
    """Each entry a <div> of spans (number, name, unit) styled as a row; each category an <h3>."""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in INTRO)
    for cat in lst["categories"]:
        body += f'<h3 class="cat">{html.escape(cat["name"])}</h3>'
        body += "".join(f'<div class="item"><span class="num">{i}</span><span class="name">{html.escape(n)}</span>'
                        f'<span class="unit">{html.escape(r)}</span></div>' for i, (n, r) in enumerate(_entries(cat), 1))
    return "html", _page(lst["title"], [body])


def xlsx_form_rows_above_header(lst):
    """A returned Excel form: the title, then “填报单位：……（盖章）” and “填报日期：……” rows, then the
    header and a merged row for each category."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([lst["title"]])
    sheet.append(["填报单位：市文明办（盖章）", None, "填报日期：2024年6月"])
    sheet.append(["序号", "名称", "备注"])
    for category, rows in _rows(lst):
        sheet.append([category])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=3)
        for values in rows:
            sheet.append([int(values[0]), values[1], None])
    return "xlsx", _saved(book), _names_only(lst)


def parenthesized_numerals(lst):
    """Plain text with “㈠” before each category and “⑴” before each entry, as some Word files print them."""
    lines = [lst["title"], "发布时间：2024-06-18  来源：市文明办", "", *INTRO, ""]
    for ci, cat in enumerate(lst["categories"]):
        lines.append(f"{chr(0x3220 + ci)}{cat['name']}")
        lines += [f"{chr(0x2474 + i)}{n}" for i, (n, _) in enumerate(_entries(cat))]
        lines.append("")
    return "txt", "\n".join(lines) + "\n", _names_only(lst)


def respectively_shi(lst):
    """“最美志愿者3名，分别是：何素贞、黎雅红、谢彬蓉；”: a clause a category, closed by “；”."""
    clauses = [f"{cat['name']}{len(cat['entries'])}{'名' if '志愿者' in cat['name'] else '个'}，分别是："
               + "、".join(n for n, _ in _entries(cat)) for cat in lst["categories"]]
    return "html", _page(lst["title"], ["日前，评选结果揭晓，我市入选情况如下：" + "；".join(clauses) + "。"]), _names_only(lst)


# The twenty-ninth held-out round, written on 2026-12-05 after the twenty-eighth was scored and
# the extractor changed: scored once.
def doc_table(lst):
    """A Word 97 .doc attachment, saved from the Word table by LibreOffice (left out when it is missing)."""
    # By way of ODT: LibreOffice writing .doc straight from this .docx drops the table.
    odt = _saved_as(docx_table(lst), "odt")
    return _saved_as(odt, "doc") if odt else None


def tfoot_note(lst):
    """A table whose <tfoot> closes it with “注：排名不分先后”, category rows in its body."""
    rows = _category_rows(lst, ["序号", "名称", "单位及职务"],
                          lambda i, n, r: f"<td>{i}</td><td>{html.escape(n)}</td><td>{html.escape(r)}</td>")
    head, body = rows.split("</tr>", 1)
    table = (f"<table><thead>{head}</tr></thead><tbody>{body}</tbody>"
             '<tfoot><tr><td colspan="3">注：排名不分先后，按姓氏笔画排序。</td></tr></tfoot></table>')
    return "html", _page(lst["title"], [*INTRO], table)


def inline_single_spaces(lst):
    """“最美志愿者： 何素贞 黎雅红 谢彬蓉”: people's names after the colon parted by single spaces."""
    paras = [*INTRO] + [f"{cat['name']}： " + " ".join(n for n, _ in _entries(cat)) for cat in lst["categories"]
                        if all("、" not in n for n, _ in _entries(cat))]
    kept = [c for c in _names_only(lst) if all("、" not in n for n in c["entries"])]
    return "html", _page(lst["title"], paras), kept


def subtotal_counts(lst):
    """“一、最美志愿者（小计9名）” headings over numbered entries with units in brackets."""
    paras = [*INTRO]
    for ci, cat in enumerate(lst["categories"]):
        paras.append(f"{CN[ci]}、{cat['name']}（小计{len(cat['entries'])}{'名' if '志愿者' in cat['name'] else '个'}）")
        paras += [f"{i}.{n}（{r}）" if r else f"{i}.{n}" for i, (n, r) in enumerate(_entries(cat), 1)]
    return "html", _page(lst["title"], paras)


def ol_continued(lst):
    """One <ol> a category, the next starting where the last stopped (<ol start="11">)."""
    body, start = "", 1
    for cat in lst["categories"]:
        items = _entries(cat)
        body += f"<h4>{html.escape(cat['name'])}</h4><ol start=\"{start}\">"
        body += "".join(f"<li>{html.escape(n)}</li>" for n, _ in items) + "</ol>"
        start += len(items)
    return "html", _page(lst["title"], [*INTRO], body), _names_only(lst)


# The thirtieth held-out round, written on 2026-12-05 after the twenty-ninth was scored and
# the extractor changed: scored once.
def xlsx_number_in_name_cell(lst):
    """An Excel sheet of one column: category rows, then entries numbered in their own cell (“1、名称”)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([lst["title"]])
    for ci, cat in enumerate(lst["categories"]):
        sheet.append([f"{CN[ci]}、{cat['name']}"])
        for i, (n, _) in enumerate(_entries(cat), 1):
            sheet.append([f"{i}、{n}"])
    return "xlsx", _saved(book), _names_only(lst)


def category_links(lst):
    """Each category a link to its own page, in a paragraph of its own; the names plain lines under it."""
    paras = [*INTRO]
    for ci, cat in enumerate(lst["categories"]):
        paras.append(f'<p><a href="/zyfw/{ci + 1}.html">{html.escape(cat["name"])}</a></p>')
        paras += [html.escape(n) for n, _ in _entries(cat)]
    return "html", _page(lst["title"], paras), _names_only(lst)


def roman_headings(lst):
    """“Ⅰ. 最美志愿者” headings, with Roman numerals, over “1. 名称” lines."""
    return _cn_headings(lst, lambda i, n, r: f"{i}. {n}", heading=lambda ci, name: f"{chr(0x2160 + ci)}. {name}")


def photo_column_table(lst):
    """A table of 序号, 照片 (an image), 姓名, 单位及职务, category rows across."""
    rows = _category_rows(lst, ["序号", "照片", "姓名", "单位及职务"], lambda i, n, r: (
        f'<td>{i}</td><td><img src="/photos/{i}.jpg" alt=""></td><td>{html.escape(n)}</td><td>{html.escape(r)}</td>'))
    return "html", _page(lst["title"], [*INTRO], f"<table>{rows}</table>")


def trailing_dunhao_lines(lst):
    """A name a line, each but the last of a category closed by “、”, the last by “。”."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        names = [n for n, _ in _entries(cat)]
        paras.append(f"{cat['name']}：")
        paras += [n + ("。" if i == len(names) - 1 else "、") for i, n in enumerate(names)]
    return "html", _page(lst["title"], paras), _names_only(lst)


# The thirty-first held-out round, written on 2026-12-05 after the thirtieth was scored and
# the extractor changed: scored once.
def en_dash_units(lst):
    """“1.李峰威–北京市……队长”: the unit after an en dash, with no spaces."""
    return "html", _cn_headings(lst, lambda i, n, r: f"{i}.{n}–{r}" if r else f"{i}.{n}")[1]


def bracket_category_inline(lst):
    """“【最美志愿者】何素贞、黎雅红、谢彬蓉”: the category in lenticular brackets opening its names."""
    paras = [*INTRO] + [f"【{cat['name']}】" + "、".join(n for n, _ in _entries(cat)) for cat in lst["categories"]]
    return "html", _page(lst["title"], paras), _names_only(lst)


def nbsp_separated_names(lst):
    """Each category in bold, then one paragraph of its names parted by runs of &nbsp;."""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in INTRO)
    for cat in lst["categories"]:
        body += f"<p><strong>{html.escape(cat['name'])}</strong></p>"
        body += "<p>" + "&nbsp;&nbsp;&nbsp;&nbsp;".join(html.escape(n) for n, _ in _entries(cat)) + "</p>"
    return "html", _page(lst["title"], [body]), _names_only(lst)


def numbered_colon(lst):
    """“1：嘉定区……中心”: each number followed by a full-width colon."""
    return _cn_headings(lst, lambda i, n, r: f"{i}：{n}")


def docx_vertical_category(lst):
    """A Word table whose category column is merged down and written one character a line,
    as a narrow column is set: “最\n美\n志\n愿\n者”."""
    return docx_merged_category_column(lst, written="\n".join)


# The thirty-second held-out round, written on 2026-12-05 after the thirty-first was scored and
# the extractor changed: scored once.
def hierarchical_numbers(lst):
    """“1. 制度创新示范中心” headings over entries numbered “1.1”, “1.2”."""
    paras = [*INTRO]
    for ci, cat in enumerate(lst["categories"], 1):
        paras.append(f"{ci}. {cat['name']}")
        paras += [f"{ci}.{i} {n}" for i, (n, _) in enumerate(_entries(cat), 1)]
    return "html", _page(lst["title"], paras), _names_only(lst)


def and_ji_inline(lst):
    """Inline lists joining the last name with “及”: “最美志愿者：何素贞、黎雅红及谢彬蓉”."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        names = [n for n, _ in _entries(cat)]
        joined = names[0] if len(names) == 1 else "、".join(names[:-1]) + "及" + names[-1]
        paras.append(f"{cat['name']}：{joined}")
    return "html", _page(lst["title"], paras), _names_only(lst)


def closing_count_lines(lst):
    """Each category's entries followed by a line “（以上共2名）”."""
    paras = [*INTRO]
    for ci, cat in enumerate(lst["categories"]):
        paras.append(f"{CN[ci]}、{cat['name']}")
        paras += [f"{i}.{n}" for i, (n, _) in enumerate(_entries(cat), 1)]
        paras.append(f"（以上共{len(cat['entries'])}{'名' if '志愿者' in cat['name'] else '个'}）")
    return "html", _page(lst["title"], paras), _names_only(lst)


def count_on_own_line(lst):
    """The category on one line and its count on the next (“（9名）”), then the entries with units."""
    paras = [*INTRO]
    for ci, cat in enumerate(lst["categories"]):
        paras.append(f"{CN[ci]}、{cat['name']}")
        paras.append(f"（{len(cat['entries'])}{'名' if '志愿者' in cat['name'] else '个'}）")
        paras += [f"{i}. {n}　{r}" if r else f"{i}. {n}" for i, (n, r) in enumerate(_entries(cat), 1)]
    return "html", _page(lst["title"], paras)


def pdf_inline_lists(lst):
    """A PDF printed from the Word file of inline lists, its category runs in bold."""
    return _saved_as(docx_inline_paragraphs(lst), "pdf")


# The thirty-third held-out round, written on 2026-12-05 after the thirty-second was scored and
# the extractor changed: scored once.
def xlsx_summary_sheet_first(lst):
    """A workbook whose first sheet, 汇总, counts each category, and whose second, 名单, lists them."""
    from openpyxl import Workbook

    book = Workbook()
    summary = book.active
    summary.title = "汇总"
    summary.append(["类别", "数量"])
    for cat in lst["categories"]:
        summary.append([cat["name"], len(cat["entries"])])
    sheet = book.create_sheet("名单")
    sheet.append(["序号", "名称"])
    for category, rows in _rows(lst):
        sheet.append([category])
        for values in rows:
            sheet.append([int(values[0]), values[1]])
    return "xlsx", _saved(book), _names_only(lst)


def gong_count_before_colon(lst):
    """“最美志愿者共3名：” lines over a name a line."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        paras.append(f"{cat['name']}共{len(cat['entries'])}{'名' if '志愿者' in cat['name'] else '个'}：")
        paras += [n for n, _ in _entries(cat)]
    return "html", _page(lst["title"], paras), _names_only(lst)


def docx_name_over_unit_cells(lst):
    """A Word table of 序号 and 姓名及单位: the name, then the unit as a second paragraph of the cell."""
    from docx import Document

    doc = Document()
    doc.add_paragraph(lst["title"])
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "序号", "姓名（名称）及单位"
    for cat in lst["categories"]:
        row = table.add_row().cells
        row[0].merge(row[1]).text = cat["name"]
        for i, (n, r) in enumerate(_entries(cat), 1):
            cells = table.add_row().cells
            cells[0].text = str(i)
            cells[1].text = n
            if r:
                cells[1].add_paragraph(r)
    return "docx", _saved(doc)


def keycap_numbers(lst):
    """A WeChat article numbering its entries with keycap emoji: “1️⃣陈建钧”."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        paras.append(f"🏅{cat['name']}")
        paras += [f"{i}\ufe0f\u20e3{n}" for i, (n, _) in enumerate(_entries(cat), 1)]
    return "html", _page(lst["title"], paras), _names_only(lst)


def li_inline_lists(lst):
    """A <ul> of inline lists: “<li><b>最美志愿者</b>：何素贞、黎雅红、谢彬蓉</li>”."""
    items = "".join(f"<li><b>{html.escape(cat['name'])}</b>：" + "、".join(html.escape(n) for n, _ in _entries(cat)) + "</li>"
                    for cat in lst["categories"])
    return "html", _page(lst["title"], [*INTRO], f"<ul>{items}</ul>"), _names_only(lst)


# The thirty-fourth held-out round, written on 2026-12-05 after the thirty-third was scored and
# the extractor changed: scored once.
def linked_inline_names(lst):
    """Inline lists whose every name links to its story: “最美志愿者：<a>何素贞</a>、<a>黎雅红</a>”."""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in INTRO)
    k = 0
    for cat in lst["categories"]:
        links = []
        for n, _ in _entries(cat):
            k += 1
            links.append(f'<a href="/zyfw/story{k}.html">{html.escape(n)}</a>')
        body += f"<p>{html.escape(cat['name'])}：" + "、".join(links) + "</p>"
    return "html", _page(lst["title"], [body]), _names_only(lst)


def count_sentence_lead(lst):
    """Each category, then a sentence giving its count (“共有2人入选：”), then a name a line."""
    paras = [*INTRO]
    for ci, cat in enumerate(lst["categories"]):
        paras.append(f"{CN[ci]}、{cat['name']}")
        paras.append(f"共有{len(cat['entries'])}{'人' if '志愿者' in cat['name'] else '个'}入选：")
        paras += [n for n, _ in _entries(cat)]
    return "html", _page(lst["title"], paras), _names_only(lst)


def small_roles(lst):
    """Each entry a paragraph, the unit after the name in <small>, the category an <h4>."""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in INTRO)
    for cat in lst["categories"]:
        body += f"<h4>{html.escape(cat['name'])}</h4>"
        body += "".join(f"<p>{html.escape(n)} <small>{html.escape(r)}</small></p>" if r else f"<p>{html.escape(n)}</p>"
                        for n, r in _entries(cat))
    return "html", _page(lst["title"], [body])


def fullwidth_paren_numbers(lst):
    """Plain text numbering entries “（１）” with full-width digits under “一、” headings."""
    lines = [lst["title"], "发布时间：2024-06-18  来源：市文明办", "", *INTRO, ""]
    for ci, cat in enumerate(lst["categories"]):
        lines.append(f"{CN[ci]}、{cat['name']}")
        lines += [f"（{str(i).translate(str.maketrans('0123456789', '０１２３４５６７８９'))}）{n}"
                  for i, (n, _) in enumerate(_entries(cat), 1)]
        lines.append("")
    return "txt", "\n".join(lines) + "\n", _names_only(lst)


def div_grid(lst):
    """Names in a CSS grid of <div>s, one a cell, under a <div> naming the category."""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in INTRO)
    for cat in lst["categories"]:
        body += f'<div class="cat-title">{html.escape(cat["name"])}</div><div class="grid">'
        body += "".join(f'<div class="cell">{html.escape(n)}</div>' for n, _ in _entries(cat)) + "</div>"
    return "html", _page(lst["title"], [body]), _names_only(lst)


# The thirty-fifth held-out round, written on 2026-12-05 after the thirty-fourth was scored and
# the extractor changed: scored once.
def circled_inline(lst):
    """“最美志愿者：①何素贞②黎雅红③谢彬蓉”: circled numbers with no space between the entries."""
    paras = [*INTRO] + [f"{cat['name']}：" + "".join(f"{chr(0x2460 + i)}{n}" for i, (n, _) in enumerate(_entries(cat)))
                        for cat in lst["categories"]]
    return "html", _page(lst["title"], paras), _names_only(lst)


def numbered_semicolon_line(lst):
    """Each category's entries numbered on one line, parted by “；”: “1.李峰威；2.刘嗣东；……”."""
    paras = [*INTRO]
    for ci, cat in enumerate(lst["categories"]):
        paras.append(f"{CN[ci]}、{cat['name']}")
        paras.append("；".join(f"{i}.{n}" for i, (n, _) in enumerate(_entries(cat), 1)) + "。")
    return "html", _page(lst["title"], paras), _names_only(lst)


def colspan_group_header(lst):
    """A table whose header takes two rows: “序号 | 示范中心（两列）”, then “类别 | 名称”."""
    head = ('<tr><th rowspan="2">序号</th><th colspan="2">示范中心</th></tr><tr><th>类别</th><th>名称</th></tr>')
    rows = head
    k = 0
    for cat in lst["categories"]:
        for n, _ in _entries(cat):
            k += 1
            rows += f"<tr><td>{k}</td><td>{html.escape(cat['name'])}</td><td>{html.escape(n)}</td></tr>"
    return "html", _page(lst["title"], [*INTRO], f"<table>{rows}</table>"), _names_only(lst)


def fullwidth_digit_headings(lst):
    """“１．最美志愿者” headings in full-width digits over “（１）陈建钧” entries."""
    wide = str.maketrans("0123456789", "０１２３４５６７８９")
    return _cn_headings(lst, lambda i, n, r: f"（{str(i).translate(wide)}）{n}",
                        heading=lambda ci, name: f"{str(ci + 1).translate(wide)}．{name}")


def docx_table_captions(lst):
    """A Word file with a caption paragraph “表1　最美志愿者名单” over each category's table."""
    from docx import Document

    doc = Document()
    doc.add_paragraph(lst["title"])
    for ci, cat in enumerate(lst["categories"], 1):
        doc.add_paragraph(f"表{ci}　{cat['name']}名单")
        table = doc.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = "序号", "名称"
        for i, (n, _) in enumerate(_entries(cat), 1):
            cells = table.add_row().cells
            cells[0].text, cells[1].text = str(i), n
    return "docx", _saved(doc), _names_only(lst)


# The thirty-sixth held-out round, written on 2026-12-05 in a new session: scored once.
def letter_headings(lst):
    """Categories lettered “A. 制度创新示范中心” over entries numbered “1）”."""
    return _cn_headings(lst, lambda i, n, r: f"{i}）{n}", heading=lambda ci, name: f"{'ABCDEFGH'[ci]}. {name}")


def notice_with_contacts(lst):
    """A 公示 notice: the list under “一、” headings, then the objection period, a telephone
    number to call, and a numbered list of the forms attached."""
    closing = ["公示时间为2018年11月20日至11月26日，共5个工作日。如有异议，请在公示期内向评选办公室反映。",
               "联系电话：0471-6600000", "附件：1. 推荐对象事迹简介", "2. 推荐对象汇总表",
               "评选活动办公室", "2018年11月20日"]
    paras = [*INTRO]
    for ci, cat in enumerate(lst["categories"]):
        paras.append(f"{CN[ci]}、{cat['name']}")
        paras += [f"{i}. {n}" + (f"（{r}）" if r else "") for i, (n, r) in enumerate(_entries(cat), 1)]
    return "html", _page(lst["title"], paras + closing)


def xlsx_merged_district_column(lst):
    """An Excel attachment: 序号 | 所在区 | 名称, the district merged down over its entries, a
    merged row for each category."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([lst["title"]])
    sheet.merge_cells("A1:C1")
    sheet.append(["序号", "所在区", "名称"])
    for cat in lst["categories"]:
        sheet.append([cat["name"]])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=3)
        names = sorted((n for n, _ in _entries(cat)), key=lambda n: n[:3])  # grouped by district, as such sheets are
        first = None
        for i, n in enumerate(names, 1):
            district = n[:n.index("区") + 1]
            sheet.append([i, district, n])
            row = sheet.max_row
            if first is None or sheet.cell(first, 2).value != district:
                first = row
            elif first < row:
                sheet.merge_cells(start_row=first, start_column=2, end_row=row, end_column=2)
    ordered = [{**cat, "entries": sorted(cat["entries"], key=lambda e: (e if isinstance(e, str) else e["name"])[:3])}
               for cat in lst["categories"]]
    return "xlsx", _saved(book), [{"name": c["name"], "entries": [e if isinstance(e, str) else e["name"] for e in c["entries"]]}
                                  for c in ordered]


def paren_close_numbers(lst):
    """“（一）最美志愿者” headings over entries numbered with a closing bracket alone: “1）何素贞，南岸区……”."""
    return _cn_headings(lst, lambda i, n, r: f"{i}）{n}" + (f"，{r}" if r else ""),
                        heading=lambda ci, name: f"（{CN[ci]}）{name}")[:2]  # the roles printed too


def docx_table_in_layout_table(lst):
    """A Word form: a one-cell layout table holding the title and, nested in it, the list's
    table of 序号, 姓名, 单位及职务 with a merged row for each category."""
    from docx import Document

    doc = Document()
    outer = doc.add_table(rows=1, cols=1)
    outer.style = "Table Grid"
    cell = outer.cell(0, 0)
    cell.paragraphs[0].text = lst["title"]
    inner = cell.add_table(rows=1, cols=3)
    inner.style = "Table Grid"
    for c, text in zip(inner.rows[0].cells, ["序号", "姓名", "单位及职务"]):
        c.text = text
    for cat in lst["categories"]:
        row = inner.add_row()
        row.cells[0].merge(row.cells[2]).text = cat["name"]
        for i, (n, r) in enumerate(_entries(cat), 1):
            cells = inner.add_row().cells
            cells[0].text, cells[1].text, cells[2].text = str(i), n, r
    return "docx", _saved(doc)


# The thirty-seventh held-out round, written on 2026-12-05: scored once.
def grid_with_category_rows(lst):
    """A table of four names a row with no header, each category a row spanning it."""
    rows = ""
    for cat in lst["categories"]:
        names = [html.escape(n) for n, _ in _entries(cat)]
        rows += f'<tr><td colspan="4"><b>{html.escape(cat["name"])}</b></td></tr>'
        for at in range(0, len(names), 4):
            cells = names[at:at + 4] + [""] * (4 - len(names[at:at + 4]))
            rows += "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
    return "html", _page(lst["title"], INTRO, f"<table border='1'>{rows}</table>"), _names_only(lst)


def xlsx_names_across_columns(lst):
    """An Excel summary sheet: the category in column A, its names across columns B to D, rows
    after the first of a category leaving A blank."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([lst["title"]])
    sheet.append(["类别", "名单"])
    for cat in lst["categories"]:
        names = [n for n, _ in _entries(cat)]
        for at in range(0, len(names), 3):
            sheet.append([cat["name"] if at == 0 else None, *names[at:at + 3]])
    return "xlsx", _saved(book), _names_only(lst)


def pdf_category_column(lst):
    """A PDF printed from a Word table of 序号, 类别, 名称 and 单位及职务, the category on every row."""
    return _saved_as(("docx", _docx_category_column(lst, "名称", spacers=False)), "pdf")


def markdown_txt(lst):
    """Text saved from a CMS that writes Markdown: “## 类别” headings over “- 名称（单位）” items."""
    lines = [f"# {lst['title']}", "", "发布时间：2020-12-05  来源：市文明办", "", *INTRO, ""]
    for cat in lst["categories"]:
        lines += [f"## {cat['name']}", ""]
        lines += [f"- {n}" + (f"（{r}）" if r else "") for n, r in _entries(cat)]
        lines.append("")
    return "txt", "\n".join(lines) + "\n"


def toc_then_sections(lst):
    """A long page that opens with a line of links to its sections (“目录：最美志愿者 | ……”),
    then each category as a heading over its numbered entries."""
    toc = "　|　".join(f'<a href="#c{ci}">{html.escape(cat["name"])}</a>' for ci, cat in enumerate(lst["categories"]))
    body = f"<p>目录：{toc}</p>"
    for ci, cat in enumerate(lst["categories"]):
        body += f'<h3 id="c{ci}">{html.escape(cat["name"])}</h3>'
        body += "".join(f"<p>{i}. {html.escape(n)}" + (f"（{html.escape(r)}）" if r else "") + "</p>"
                        for i, (n, r) in enumerate(_entries(cat), 1))
    return "html", _page(lst["title"], INTRO, body)


# The thirty-eighth held-out round, written on 2026-12-05: scored once.
def pdf_numbered_rows(lst):
    """A PDF printed from Word paragraphs that set three numbered entries a line, parted by
    runs of spaces, under each category's heading."""
    from docx import Document

    doc = Document()
    doc.add_paragraph(lst["title"])
    for ci, cat in enumerate(lst["categories"]):
        doc.add_paragraph(f"{CN[ci]}、{cat['name']}")
        names = [f"{i}.{n}" for i, (n, _) in enumerate(_entries(cat), 1)]
        for at in range(0, len(names), 3):
            doc.add_paragraph("    ".join(names[at:at + 3]))
    return _saved_as(("docx", _saved(doc), _names_only(lst)), "pdf")


def th_category_names_across(lst):
    """A table with no header: each row a category in its <th>, then its names a cell each."""
    width = max(len(cat["entries"]) for cat in lst["categories"])
    rows = "".join(f"<tr><th>{html.escape(cat['name'])}</th>"
                   + "".join(f"<td>{html.escape(n)}</td>" for n, _ in _entries(cat))
                   + "<td></td>" * (width - len(cat["entries"])) + "</tr>" for cat in lst["categories"])
    return "html", _page(lst["title"], INTRO, f"<table border='1'>{rows}</table>"), _names_only(lst)


def xlsx_instructions_sheet(lst):
    """A returned Excel form whose first sheet, 填表说明, numbers its instructions, and whose
    second holds the list: 序号, 姓名（名称）, 工作单位及职务, a merged row for each category."""
    from openpyxl import Workbook

    book = Workbook()
    notes = book.active
    notes.title = "填表说明"
    for line in ["填表说明", "1. 请按推荐类别分别填写，每类之间空一行。", "2. 个人填写工作单位及职务，集体只填名称。",
                 "3. 请于规定时间前报送电子版和盖章扫描件。"]:
        notes.append([line])
    sheet = book.create_sheet("推荐名单")
    sheet.append([lst["title"]])
    sheet.append(["序号", "姓名（名称）", "工作单位及职务"])
    for category, rows in _rows(lst):
        sheet.append([category])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=3)
        for values in rows:
            sheet.append([int(values[0]), values[1], values[2] or None])
    return "xlsx", _saved(book)


def duplicated_mobile_block(lst):
    """A page that carries its article twice, as some portals do: once for desktops and once
    for phones, the other hidden by the style sheet."""
    paras = [*INTRO]
    for ci, cat in enumerate(lst["categories"]):
        paras.append(f"{CN[ci]}、{cat['name']}")
        paras += [f"{i}.{n}" + (f"（{r}）" if r else "") for i, (n, r) in enumerate(_entries(cat), 1)]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
    page = _page(lst["title"], [])
    twice = f'<div class="pc">{body}</div><div class="mobile" style="display:none">{body}</div>'
    return "html", page.replace('<div class="content"></div>', f'<div class="content">{twice}</div>')


def gbk_crlf_txt(lst):
    """Text saved by an old Windows editor: GBK, lines ended by CR LF, headings “一、” over numbered names."""
    lines = [lst["title"], "发布时间：2018-11-20  来源：自治区文明办", "", *INTRO]
    for ci, cat in enumerate(lst["categories"]):
        lines.append(f"{CN[ci]}、{cat['name']}")
        lines += [f"{i}、{n}" + (f"（{r}）" if r else "") for i, (n, r) in enumerate(_entries(cat), 1)]
    return "txt", ("\r\n".join(lines) + "\r\n").encode("gbk")


# The thirty-ninth held-out round, written on 2026-12-05: scored once.
def xls_merged_category_rows(lst):
    """An old Excel (.xls) attachment: a merged title row, 序号 and 名称, a merged row for each category."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("名单")
    sheet.write_merge(0, 0, 0, 1, lst["title"])
    sheet.write(1, 0, "序号")
    sheet.write(1, 1, "名称")
    r = 2
    for category, rows in _rows(lst):
        sheet.write_merge(r, r, 0, 1, category)
        r += 1
        for values in rows:
            sheet.write(r, 0, int(values[0]))
            sheet.write(r, 1, values[1])
            r += 1
    return "xls", _saved(book), _names_only(lst)


def nbsp_inline_numbered(lst):
    """Inline lists numbered “1.&nbsp;甲&nbsp;&nbsp;2.&nbsp;乙”, as an editor pads them by hand."""
    body = "".join(f"<p>{CN[ci]}、{html.escape(cat['name'])}：" + "&nbsp;&nbsp;".join(
        f"{i}.&nbsp;{html.escape(n)}" for i, (n, _) in enumerate(_entries(cat), 1)) + "</p>"
        for ci, cat in enumerate(lst["categories"]))
    return "html", _page(lst["title"], INTRO, body), _names_only(lst)


def xlsx_numeral_category_rows(lst):
    """An Excel sheet whose category rows are not merged: “一” in the 序号 column, the category
    under 姓名（名称） and its count under 工作单位及职务."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([lst["title"]])
    sheet.append(["序号", "姓名（名称）", "工作单位及职务"])
    for ci, (category, rows) in enumerate(_rows(lst)):
        sheet.append([CN[ci], category, f"{len(rows)}名" if "志愿者" in category else f"{len(rows)}个"])
        for values in rows:
            sheet.append([int(values[0]), values[1], values[2] or None])
    return "xlsx", _saved(book)


def p_names_in_cell(lst):
    """A table of 类别 and 名单 whose 名单 cell holds a paragraph for each name."""
    rows = "".join(f"<tr><td>{html.escape(cat['name'])}</td><td>"
                   + "".join(f"<p>{html.escape(n)}</p>" for n, _ in _entries(cat)) + "</td></tr>" for cat in lst["categories"])
    return "html", _page(lst["title"], INTRO, f"<table><tr><th>类别</th><th>名单</th></tr>{rows}</table>"), _names_only(lst)


def arrow_bullets(lst):
    """“▷ 类别” headings over “→ 名称” lines."""
    return _cn_headings(lst, lambda i, n, r: f"→ {n}", heading=lambda ci, name: f"▷ {name}")


# The fortieth held-out round, written on 2026-12-05: scored once.
def inline_count_after_list(lst):
    """Inline lists closed by their count in brackets: “最美志愿者：陈建钧、吕海英（共2名）”."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        names = [n for n, _ in _entries(cat)]
        paras.append(f"{cat['name']}：{'、'.join(names)}（共{len(names)}{'名' if '志愿者' in cat['name'] else '个'}）")
    return "html", _page(lst["title"], paras), _names_only(lst)


def role_before_name_lines(lst):
    """Numbered lines that give a person's unit and role before the name, with nothing between:
    “1. 北京市红十字雷锋车队应急救援志愿服务队队长李峰威”."""
    return _cn_headings(lst, lambda i, n, r: f"{i}. {r}{n}")[:2]


def xlsx_offset_table(lst):
    """An Excel sheet laid out with a margin: the table starts in column B, row 3, a blank
    column A and blank rows above it."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet["B1"] = lst["title"]
    sheet.append([])
    sheet.append([None, "序号", "名称", "类别"])
    for number, category, n, _ in _numbered(lst):
        sheet.append([None, number, n, category])
    return "xlsx", _saved(book), _names_only(lst)


def category_items_in_one_list(lst):
    """One list of items in which each category is an item of its own, in bold."""
    items = "".join(f"<li><strong>{html.escape(cat['name'])}</strong></li>"
                    + "".join(f"<li>{html.escape(n)}</li>" for n, _ in _entries(cat)) for cat in lst["categories"])
    return "html", _page(lst["title"], INTRO, f"<ul>{items}</ul>"), _names_only(lst)


def zero_width_spaces(lst):
    """Text pasted from another page with zero-width spaces inside names and headings, which no
    reader sees: “最美&#8203;志愿者”, “何&#8203;素贞”."""
    def invisible(text: str) -> str:
        return html.escape(text[:1]) + "&#8203;" + html.escape(text[1:])
    body = "".join(f"<p>{CN[ci]}、{invisible(cat['name'])}</p>" + "".join(
        f"<p>{i}.{invisible(n)}</p>" for i, (n, _) in enumerate(_entries(cat), 1)) for ci, cat in enumerate(lst["categories"]))
    return "html", _page(lst["title"], INTRO, body), _names_only(lst)


# The forty-first held-out round, written on 2026-12-05: scored once.
def card_tables(lst):
    """A small table for each honoree, as a 公示 page sets them: rows 类别, 姓名（名称） and 工作单位及职务."""
    cards = ""
    for cat in lst["categories"]:
        for n, r in _entries(cat):
            cards += (f"<table border='1'><tr><td>类别</td><td>{html.escape(cat['name'])}</td></tr>"
                      f"<tr><td>姓名（名称）</td><td>{html.escape(n)}</td></tr>"
                      + (f"<tr><td>工作单位及职务</td><td>{html.escape(r)}</td></tr>" if r else "") + "</table><p></p>")
    return "html", _page(lst["title"], INTRO, cards)


def pdf_with_running_header_footer(lst):
    """A PDF of a Word list whose every page carries a running header (the issuer and the date)
    and footer (the page's web address and its number), as a printed web page does."""
    from docx import Document

    doc = Document()
    section = doc.sections[0]
    section.header.paragraphs[0].text = "2020/12/5 10:32　重庆市精神文明建设委员会办公室"
    section.footer.paragraphs[0].text = "http://wmb.cq.gov.cn/zyfw/202012/t20201205_0000.html　1/1"
    doc.add_paragraph(lst["title"])
    for ci, cat in enumerate(lst["categories"]):
        doc.add_paragraph(f"{CN[ci]}、{cat['name']}")
        for i, (n, r) in enumerate(_entries(cat), 1):
            doc.add_paragraph(f"{i}. {n}" + (f"（{r}）" if r else ""))
    return _saved_as(("docx", _saved(doc)), "pdf")


def paren_category_prefix(lst):
    """Each category in brackets opening its names: “（最美志愿者）陈建钧、吕海英”."""
    paras = [*INTRO] + [f"（{cat['name']}）" + "、".join(n for n, _ in _entries(cat)) for cat in lst["categories"]]
    return "html", _page(lst["title"], paras), _names_only(lst)


def xlsx_side_by_side_blocks(lst):
    """An Excel sheet that sets two categories side by side, each a block of its name over
    序号 and 名称, a blank column between; the next two below them."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([lst["title"]])
    cats = lst["categories"]
    row = 2
    for at in range(0, len(cats), 2):
        pair = cats[at:at + 2]
        for k, cat in enumerate(pair):
            col = 1 + 3 * k
            sheet.cell(row, col, cat["name"])
            sheet.cell(row + 1, col, "序号")
            sheet.cell(row + 1, col + 1, "名称")
            for i, (n, _) in enumerate(_entries(cat), 1):
                sheet.cell(row + 1 + i, col, i)
                sheet.cell(row + 1 + i, col + 1, n)
        row += 3 + max(len(c["entries"]) for c in pair)
    return "xlsx", _saved(book), _names_only(lst)


def spaced_dunhao(lst):
    """Inline lists whose “、” an editor set between spaces: “何素贞 、 黎雅红 、 谢彬蓉”."""
    paras = [*INTRO] + [f"{cat['name']}： " + " 、 ".join(n for n, _ in _entries(cat)) for cat in lst["categories"]]
    return "html", _page(lst["title"], paras), _names_only(lst)


# The forty-second held-out round, written on 2026-12-05: scored once.
def pdf_two_text_columns(lst):
    """A PDF printed from a Word file set in two text columns: numbered names run down the
    left column and on down the right, under each category's heading."""
    return _pdf_text_columns(lst, 2)


def _pdf_text_columns(lst, columns: int):
    """A PDF printed by LibreOffice from a Word file set in ``columns`` text columns, numbered
    names under each category's heading."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = Document()
    cols = OxmlElement("w:cols")
    cols.set(qn("w:num"), str(columns))
    cols.set(qn("w:space"), "425")
    doc.sections[0]._sectPr.append(cols)
    doc.add_paragraph(lst["title"])
    for ci, cat in enumerate(lst["categories"]):
        doc.add_paragraph(f"{CN[ci]}、{cat['name']}")
        for i, (n, _) in enumerate(_entries(cat), 1):
            doc.add_paragraph(f"{i}.{n}")
    return _saved_as(("docx", _saved(doc), _names_only(lst)), "pdf")


def region_tags(lst):
    """Numbered entries tagged with their district in lenticular brackets, where the entry
    gives one: “1.【南岸区】何素贞”."""
    def tagged(n, r):
        district = next((t for t in (r, n) if "区" in t[:4]), "")
        return f"【{district[:district.index('区') + 1]}】{n}" if district else n
    return _cn_headings(lst, lambda i, n, r: f"{i}.{tagged(n, r)}")


def bold_label_span_names(lst):
    """“<strong>最美志愿者：</strong><span>陈建钧、吕海英</span>”, the label and its names in elements of their own."""
    body = "".join(f"<p><strong>{html.escape(cat['name'])}：</strong><span>"
                   + "、".join(html.escape(n) for n, _ in _entries(cat)) + "</span></p>" for cat in lst["categories"])
    return "html", _page(lst["title"], INTRO, body), _names_only(lst)


def xlsx_notes_above_header(lst):
    """An Excel sheet with notes above its header (“说明：1.排名不分先后；2.……”), 序号, 姓名（名称）,
    工作单位及职务 and 类别 columns."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([lst["title"]])
    sheet.append(["说明：1.排名不分先后；2.个人须填写工作单位及职务。"])
    sheet.append(["序号", "姓名（名称）", "工作单位及职务", "类别"])
    for number, category, n, r in _numbered(lst):
        sheet.append([number, n, r or None, category])
    return "xlsx", _saved(book)


def docx_unmerged_category_first_row(lst):
    """A Word table for each category whose first row names it in its first cell alone, the
    other cells of that row left empty, not merged."""
    from docx import Document

    doc = Document()
    doc.add_paragraph(lst["title"])
    for cat in lst["categories"]:
        table = doc.add_table(rows=2, cols=3)
        table.style = "Table Grid"
        table.rows[0].cells[0].text = cat["name"]
        for c, text in zip(table.rows[1].cells, ["序号", "姓名（名称）", "工作单位及职务"]):
            c.text = text
        for i, (n, r) in enumerate(_entries(cat), 1):
            cells = table.add_row().cells
            cells[0].text, cells[1].text, cells[2].text = str(i), n, r
        doc.add_paragraph("")
    return "docx", _saved(doc)


# The forty-third held-out round, written on 2026-12-05: scored once.
def docx_content_controls(lst):
    """A Word form made from a template: the list's table (序号, 姓名（名称）, 工作单位及职务, a
    merged row for each category) inside a content control (w:sdt)."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = Document(io.BytesIO(_docx_category_rows(lst, lambda category: category)))
    table = doc.element.body.find(qn("w:tbl"))
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    table.addprevious(sdt)
    sdt.append(OxmlElement("w:sdtPr"))
    sdt.append(content)
    content.append(table)
    return "docx", _saved(doc)


def xlsx_hidden_sheet(lst):
    """A workbook whose visible sheet holds the list (序号, 名称, 类别) and whose hidden sheet
    holds a working list of candidates, which no reader of the file sees."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append([lst["title"]])
    sheet.append(["序号", "名称", "类别"])
    for number, category, n, _ in _numbered(lst):
        sheet.append([number, n, category])
    hidden = book.create_sheet("初审")
    hidden.sheet_state = "hidden"
    hidden.append(["序号", "名称", "类别"])
    for i, n in enumerate(["深圳市公益救援志愿者联合会", "南平市闽北互动志愿者协会"], 1):  # names from other lists
        hidden.append([i, n, "最佳志愿服务组织"])
    return "xlsx", _saved(book), _names_only(lst)


def markdown_pipe_table(lst):
    """Text saved from a CMS that writes Markdown: a pipe table of 序号, 名称 and 类别."""
    lines = [lst["title"], "", "发布时间：2019-12-05  来源：市文明办", "", *INTRO, "",
             "| 序号 | 名称 | 类别 |", "| --- | --- | --- |"]
    lines += [f"| {number} | {n} | {category} |" for number, category, n, _ in _numbered(lst)]
    return "txt", "\n".join(lines) + "\n", _names_only(lst)


def docx_tracked_insertion(lst):
    """A Word list of numbered paragraphs under headings, circulated with a correction tracked:
    each category's last name typed in as a tracked insertion (w:ins), which Word shows."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = Document()
    doc.add_paragraph(lst["title"])
    for ci, cat in enumerate(lst["categories"]):
        doc.add_paragraph(f"{CN[ci]}、{cat['name']}")
        items = _entries(cat)
        for i, (n, r) in enumerate(items, 1):
            text = n + (f"（{r}）" if r else "")
            if i < len(items):
                doc.add_paragraph(f"{i}. {text}")
                continue
            para = doc.add_paragraph(f"{i}. ")
            ins = OxmlElement("w:ins")
            ins.set(qn("w:id"), str(ci + 1))
            ins.set(qn("w:author"), "市文明办")
            ins.set(qn("w:date"), "2018-11-20T09:00:00Z")
            run, t = OxmlElement("w:r"), OxmlElement("w:t")
            t.text = text
            run.append(t)
            ins.append(run)
            para._p.append(ins)
    return "docx", _saved(doc)


def colon_then_names_below(lst):
    """An award with its colon ending the line, its names parted by “、” on the next: “最美志愿者：” / “何素贞、黎雅红、谢彬蓉”."""
    body = "".join(f"<p>{html.escape(cat['name'])}：<br>" + "、".join(html.escape(n) for n, _ in _entries(cat)) + "</p>"
                   for cat in lst["categories"])
    return "html", _page(lst["title"], INTRO, body), _names_only(lst)


# The forty-fourth held-out round, written on 2026-12-05: scored once.
def spaced_enumerators(lst):
    """Enumerators typed with a space before their mark: “一 、制度创新示范中心” over “1 . 名称”."""
    return _cn_headings(lst, lambda i, n, r: f"{i} . {n}", heading=lambda ci, name: f"{CN[ci]} 、{name}")


def bracket_numeral_headings(lst):
    """Headings numbered in lenticular brackets, “【一】最美志愿者”, over “1. 名称”."""
    return _cn_headings(lst, lambda i, n, r: f"{i}. {n}", heading=lambda ci, name: f"【{CN[ci]}】{name}")


def mismatched_brackets_roles(lst):
    """Roles in brackets opened half-width and closed full-width, as a hurried typist leaves
    them: “1.李峰威(北京市红十字……队长）”."""
    return _cn_headings(lst, lambda i, n, r: f"{i}.{n}" + (f"({r}）" if r else ""))[:2]


def bold_heading_before_tables(lst):
    """A bold paragraph “一、最美志愿者” before a table of 序号, 姓名（名称） and 工作单位及职务 for each category."""
    body = ""
    for ci, cat in enumerate(lst["categories"]):
        body += f"<p><b>{CN[ci]}、{html.escape(cat['name'])}</b></p><table border='1'><tr><th>序号</th><th>姓名（名称）</th><th>工作单位及职务</th></tr>"
        body += "".join(f"<tr><td>{i}</td><td>{html.escape(n)}</td><td>{html.escape(r)}</td></tr>" for i, (n, r) in enumerate(_entries(cat), 1))
        body += "</table>"
    return "html", _page(lst["title"], INTRO, body)


def li_name_br_role(lst):
    """An ordered list for each category under its heading, each item a name, a line break and the unit."""
    body = ""
    for ci, cat in enumerate(lst["categories"]):
        body += f"<h4>{CN[ci]}、{html.escape(cat['name'])}</h4><ol>"
        body += "".join(f"<li>{html.escape(n)}" + (f"<br>{html.escape(r)}" if r else "") + "</li>" for n, r in _entries(cat))
        body += "</ol>"
    return "html", _page(lst["title"], INTRO, body)


# The forty-fifth held-out round, written on 2026-12-05: scored once.
def related_news_after_list(lst):
    """The list under “一、” headings, then the portal's “相关新闻” box of other articles' titles."""
    related = ("<div class='related'><h3>相关新闻</h3><ul>"
               "<li><a href='/a/1.html'>我市召开志愿服务工作推进会</a></li>"
               "<li><a href='/a/2.html'>2018年度志愿服务示范中心名单公布</a></li>"
               "<li><a href='/a/3.html'>社区志愿服务中心建设工作座谈会举行</a></li></ul></div>")
    made = _cn_headings(lst, lambda i, n, r: f"{i}. {n}")
    return made[0], made[1].replace('</div></div><div class="footer">', f'</div>{related}</div><div class="footer">'), made[2]


def pagination_after_list(lst):
    """An article paged by the portal: the list, then “上一页 1 2 下一页” links."""
    pages = ("<div class='page'><a href='?p=0'>上一页</a> <a href='?p=1'>1</a> <a href='?p=2'>2</a> "
             "<a href='?p=2'>下一页</a></div>")
    made = _cn_headings(lst, lambda i, n, r: f"{i}、{n}" + (f"（{r}）" if r else ""))
    return made[0], made[1].replace('</div></div><div class="footer">', f'{pages}</div></div><div class="footer">')


def th_numbers(lst):
    """A table whose 序号 cells are header cells (<th>), with 姓名 and 工作单位及职务, a row spanning it for each category."""
    rows = _category_rows(lst, ["序号", "姓名", "工作单位及职务"],
                          lambda i, n, r: f"<th>{i}</th><td>{html.escape(n)}</td><td>{html.escape(r)}</td>")
    return "html", _page(lst["title"], INTRO, f"<table border='1'>{rows}</table>")


def ascii_quoted_inline(lst):
    """Inline lists whose award stands in ASCII quotation marks: ‘"最美志愿者"：陈建钧、吕海英’."""
    paras = [*INTRO] + [f'"{cat["name"]}"：' + "、".join(n for n, _ in _entries(cat)) for cat in lst["categories"]]
    return "html", _page(lst["title"], paras), _names_only(lst)


def docx_number_tab_name_tab_unit(lst):
    """A Word file of paragraphs “1<tab>何素贞<tab>南岸区……志愿者” under “一、” headings."""
    return "docx", _word_lines(lst, lambda i, n, r: f"{i}\t{n}" + (f"\t{r}" if r else ""))


# The forty-sixth held-out round, written on 2026-12-05: scored once.
def spaced_out_headings(lst):
    """Headings spread with ideographic spaces between their characters, as official documents
    set short headings (“一、制　度　创　新　示　范　中　心”), over numbered names."""
    return _cn_headings(lst, lambda i, n, r: f"{i}. {n}", heading=lambda ci, name: f"{CN[ci]}、" + "\u3000".join(name))


def docx_title_repeated_per_page(lst):
    """A Word file with a page for each category, the title repeated at the top of each page
    after the first with “（续）”, numbered paragraphs with roles in brackets."""
    from docx import Document
    from docx.enum.text import WD_BREAK

    doc = Document()
    for ci, cat in enumerate(lst["categories"]):
        if ci:
            doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
        doc.add_paragraph(lst["title"] + ("（续）" if ci else ""))
        doc.add_paragraph(f"{CN[ci]}、{cat['name']}")
        for i, (n, r) in enumerate(_entries(cat), 1):
            doc.add_paragraph(f"{i}. {n}" + (f"（{r}）" if r else ""))
    return "docx", _saved(doc)


def parens_inline_numbers(lst):
    """Inline lists numbered in brackets and parted by “；”: “最美志愿者：（1）何素贞；（2）黎雅红”."""
    paras = [*INTRO] + [f"{cat['name']}：" + "；".join(f"（{i}）{n}" for i, (n, _) in enumerate(_entries(cat), 1)) + "。"
                        for cat in lst["categories"]]
    return "html", _page(lst["title"], paras), _names_only(lst)


def em_names_units(lst):
    """Each entry a paragraph with the name in <em> and the unit after an ideographic space, under “一、” headings."""
    body = ""
    for ci, cat in enumerate(lst["categories"]):
        body += f"<p>{CN[ci]}、{html.escape(cat['name'])}</p>"
        body += "".join(f"<p><em>{html.escape(n)}</em>" + (f"\u3000{html.escape(r)}" if r else "") + "</p>" for n, r in _entries(cat))
    return "html", _page(lst["title"], INTRO, body)


def fullwidth_digit_space(lst):
    """Entries numbered with a full-width digit and an ideographic space: “１　陈建钧”."""
    wide = str.maketrans("0123456789", "０１２３４５６７８９")
    return _cn_headings(lst, lambda i, n, r: f"{str(i).translate(wide)}\u3000{n}")



# The forty-seventh held-out round, written on 2026-12-05 (a fourth session): scored once.
def title_row_table(lst):
    """A table whose first row is the list's title spanning it, in bold, then 序号 and
    单位名称, then a row spanning it for each category."""
    title = f'<tr><td colspan="2"><b>{html.escape(lst["title"])}</b></td></tr>'
    rows = _category_rows(lst, ["序号", "单位名称"], lambda i, n, r: f"<td>{i}</td><td>{html.escape(n)}</td>")
    return "html", _page(lst["title"], ["现将名单公布如下："], f"<table border='1'>{title}{rows}</table>")


def sup_footnote_names(lst):
    """Numbered entries, some names carrying a footnote number in <sup>, the notes under the list."""
    body = ""
    for ci, cat in enumerate(lst["categories"]):
        body += f"<p>{CN[ci]}、{html.escape(cat['name'])}</p>"
        body += "".join(f"<p>{i}. {html.escape(n)}" + ("<sup>1</sup>" if i % 2 else "")
                        + (f"（{html.escape(r)}）" if r else "") + "</p>" for i, (n, r) in enumerate(_entries(cat), 1))
    body += "<p>注：1. 曾获省级表彰。</p>"
    return "html", _page(lst["title"], INTRO, body)


def dot_leaders(lst):
    """Numbered people with their units after dot leaders, as a printed roll sets them:
    “1. 何素贞……………南岸区……志愿者”."""
    return _cn_headings(lst, lambda i, n, r: f"{i}. {n}" + (f"……………{r}" if r else ""))[:2]


def rowspan_district_table(lst):
    """A table of 序号, 所在区 and 名称 whose district cell spans the rows of its entries,
    a row spanning the table for each category."""
    from itertools import groupby

    rows = "<tr><th>序号</th><th>所在区</th><th>名称</th></tr>"
    ordered = []
    for cat in lst["categories"]:
        names = sorted((n for n, _ in _entries(cat)), key=lambda n: n[:3])  # grouped by district
        ordered.append({"name": cat["name"], "entries": names})
        rows += f'<tr><td colspan="3">{html.escape(cat["name"])}</td></tr>'
        number = 0
        for district, group in groupby(names, key=lambda n: n[:n.index("区") + 1]):
            group = list(group)
            for k, n in enumerate(group):
                number += 1
                cell = f'<td rowspan="{len(group)}">{district}</td>' if k == 0 else ""
                rows += f"<tr><td>{number}</td>{cell}<td>{html.escape(n)}</td></tr>"
    return "html", _page(lst["title"], INTRO, f"<table border='1'>{rows}</table>"), ordered


def xlsx_name_newline_unit(lst):
    """An Excel attachment whose 姓名（名称）及单位 cells hold the name, a line break typed with
    Alt+Enter, then the unit; a merged title row and a merged row for each category."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    book = Workbook()
    sheet = book.active
    sheet.append([lst["title"]])
    sheet.merge_cells("A1:B1")
    sheet.append(["序号", "姓名（名称）及单位"])
    for cat in lst["categories"]:
        sheet.append([cat["name"]])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=2)
        for i, (n, r) in enumerate(_entries(cat), 1):
            sheet.append([i, f"{n}\n{r}" if r else n])
            sheet.cell(sheet.max_row, 2).alignment = Alignment(wrap_text=True)
    return "xlsx", _saved(book)


# The forty-eighth held-out round, written on 2026-12-05 (a fourth session): scored once.
def back_to_top_links(lst):
    """A long page whose every category ends with a “返回顶部” link, as portals set them."""
    body = ""
    for ci, cat in enumerate(lst["categories"]):
        body += f"<p><strong>{CN[ci]}、{html.escape(cat['name'])}</strong></p>"
        body += "".join(f"<p>{i}. {html.escape(n)}</p>" for i, (n, _) in enumerate(_entries(cat), 1))
        body += '<p style="text-align:right"><a href="#top">返回顶部</a></p>'
    return "html", _page(lst["title"], INTRO, body)


def pdf_narrow_columns(lst):
    """A PDF printed from a Word table whose columns are narrow, so that long names and units
    wrap inside their cells: 序号, 姓名（名称）, 工作单位及职务, a merged row for each category."""
    from docx import Document
    from docx.shared import Cm

    doc = Document()
    doc.add_paragraph(lst["title"])
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    table.autofit = False
    widths = (Cm(1.2), Cm(3.0), Cm(4.0))
    for cell, text in zip(table.rows[0].cells, ["序号", "姓名（名称）", "工作单位及职务"]):
        cell.text = text
    for cat in lst["categories"]:
        row = table.add_row().cells
        row[0].merge(row[2]).text = cat["name"]
        for i, (n, r) in enumerate(_entries(cat), 1):
            for cell, text in zip(table.add_row().cells, (str(i), n, r)):
                cell.text = text
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width
    return _saved_as(("docx", _saved(doc)), "pdf")


def inline_roles_dunhao(lst):
    """Inline lists of people with their units in brackets, parted by “、”:
    “最美志愿者：何素贞（南岸区……志愿者）、黎雅红（……）”."""
    paras = [*INTRO] + [f"{cat['name']}：" + "、".join(n + (f"（{r}）" if r else "") for n, r in _entries(cat)) + "。"
                        for cat in lst["categories"]]
    return "html", _page(lst["title"], paras)


def xlsx_category_column_with_counts(lst):
    """An Excel attachment of 序号, 类别, 姓名（名称） and 工作单位及职务, the 类别 cell merged
    down over each category's rows and giving its count: “最美志愿者（2名）”."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([lst["title"]])
    sheet.merge_cells("A1:D1")
    sheet.append(["序号", "类别", "姓名（名称）", "工作单位及职务"])
    number = 0
    for cat in lst["categories"]:
        items = _entries(cat)
        unit = "名" if any(r for _, r in items) else "个"
        first = sheet.max_row + 1
        for k, (n, r) in enumerate(items):
            number += 1
            sheet.append([number, f"{cat['name']}（{len(items)}{unit}）" if k == 0 else None, n, r or None])
        if len(items) > 1:
            sheet.merge_cells(start_row=first, start_column=2, end_row=sheet.max_row, end_column=2)
    return "xlsx", _saved(book)


def spaced_comrade(lst):
    """People written “陈建钧 同志”, a space before the honorific, then their unit in brackets."""
    return _cn_headings(lst, lambda i, n, r: f"{i}. {n}" + (f" 同志（{r}）" if r else ""))[:2]


# The forty-ninth held-out round, written on 2026-12-05 (a fourth session): scored once.
def word_pasted_html(lst):
    """A list pasted from Word into an old CMS: MsoNormal paragraphs in 仿宋 spans, Word's own
    list numbers in spans marked mso-list:Ignore, <o:p> tags and &nbsp; padding."""
    def para(text: str, number: str = "") -> str:
        mark = (f'<span style="mso-list:Ignore">{number}<span style="font:7.0pt &quot;Times New Roman&quot;">'
                "&nbsp;&nbsp;&nbsp; </span></span>") if number else ""
        return (f'<p class="MsoNormal" style="text-indent:21.0pt;mso-list:l0 level1 lfo1">{mark}'
                f'<span style="font-family:仿宋_GB2312;font-size:16.0pt">{html.escape(text)}</span><o:p></o:p></p>')
    body = "".join(para(t) for t in INTRO)
    for ci, cat in enumerate(lst["categories"]):
        body += para(f"{CN[ci]}、{cat['name']}")
        body += "".join(para(n, f"{i}.") for i, (n, _) in enumerate(_entries(cat), 1))
    return "html", _page(lst["title"], [], body)


def headerless_people_tables(lst):
    """Each category an <h3> over a two-column table of name and unit, with no header row."""
    body = ""
    for cat in lst["categories"]:
        body += f"<h3>{html.escape(cat['name'])}</h3><table border='1'>"
        body += "".join(f"<tr><td>{html.escape(n)}</td><td>{html.escape(r)}</td></tr>" for n, r in _entries(cat))
        body += "</table>"
    return "html", _page(lst["title"], INTRO, body)


def slash_units(lst):
    """Each entry a line of name and unit parted by a slash, as an export writes them: “何素贞/南岸区……志愿者”."""
    return _cn_headings(lst, lambda i, n, r: f"{i}. {n}" + (f"/{r}" if r else ""))[:2]


def dash_bullets(lst):
    """Bold categories over entries bulleted with a full-width dash: “－ 陈建钧（……）”."""
    body = ""
    for cat in lst["categories"]:
        body += f"<p><b>{html.escape(cat['name'])}</b></p>"
        body += "".join(f"<p>－ {html.escape(n)}" + (f"（{html.escape(r)}）" if r else "") + "</p>" for n, r in _entries(cat))
    return "html", _page(lst["title"], INTRO, body)


def gongji_counts(lst):
    """Headings giving the count with 共计: “一、制度创新示范中心（共计10个）”, over numbered names."""
    return _cn_headings(lst, lambda i, n, r: f"{i}. {n}",
                        heading=lambda ci, name: f"{CN[ci]}、{name}（共计{len(lst['categories'][ci]['entries'])}个）")


# The fiftieth held-out round, written on 2026-12-05 (a fourth session): scored once.
def numbered_grid_cells(lst):
    """A table of names three a row with no header, each cell numbered (“1.嘉定区……中心”), a
    row spanning it for each category."""
    rows = ""
    for cat in lst["categories"]:
        rows += f'<tr><td colspan="3"><b>{html.escape(cat["name"])}</b></td></tr>'
        cells = [f"<td>{i}.{html.escape(n)}</td>" for i, (n, _) in enumerate(_entries(cat), 1)]
        cells += ["<td></td>"] * (-len(cells) % 3)
        rows += "".join("<tr>" + "".join(cells[k:k + 3]) + "</tr>" for k in range(0, len(cells), 3))
    return "html", _page(lst["title"], INTRO, f"<table border='1'>{rows}</table>")


def halfwidth_semicolons(lst):
    """Inline lists typed with half-width punctuation and semicolons: “最美志愿者: 李峰威; 刘嗣东; 肖立文”."""
    paras = [*INTRO] + [f"{cat['name']}: " + "; ".join(n for n, _ in _entries(cat)) for cat in lst["categories"]]
    return "html", _page(lst["title"], paras), _names_only(lst)


def lenticular_numbers(lst):
    """Entries numbered in lenticular brackets, “【1】何素贞（南岸区……志愿者）”, under “一、” headings."""
    return _cn_headings(lst, lambda i, n, r: f"【{i}】{n}" + (f"（{r}）" if r else ""))[:2]


def docx_category_column_with_counts(lst):
    """A Word table of 序号, 类别, 姓名（名称） and 工作单位及职务 whose 类别 cell is merged down
    over each category's rows and gives its count: “最美志愿者（2名）”."""
    from docx import Document

    doc = Document()
    doc.add_paragraph(lst["title"])
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["序号", "类别", "姓名（名称）", "工作单位及职务"]):
        cell.text = text
    number = 0
    for cat in lst["categories"]:
        items = _entries(cat)
        unit = "名" if any(r for _, r in items) else "个"
        rows = []
        for n, r in items:
            number += 1
            row = table.add_row().cells
            for cell, text in zip((row[0], row[2], row[3]), (str(number), n, r)):
                cell.text = text
            rows.append(row)
        merged = rows[0][1].merge(rows[-1][1]) if len(rows) > 1 else rows[0][1]
        merged.text = f"{cat['name']}（{len(items)}{unit}）"
    return "docx", _saved(doc)


def docx_single_column_numbered(lst):
    """A Word table of one column headed 名单: a row for each category, then a row for each
    entry, numbered in its cell (“1. 李峰威（……）”)."""
    from docx import Document

    doc = Document()
    doc.add_paragraph(lst["title"])
    table = doc.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    table.rows[0].cells[0].text = "名单"
    for cat in lst["categories"]:
        table.add_row().cells[0].text = cat["name"]
        for i, (n, r) in enumerate(_entries(cat), 1):
            table.add_row().cells[0].text = f"{i}. {n}" + (f"（{r}）" if r else "")
    return "docx", _saved(doc)


# The fifty-first held-out round, written on 2026-12-05 (a fourth session): scored once.
def tab_panels(lst):
    """A 专题 page setting each category in a tab: the tabs a list of links, each panel a list
    of its names, every panel but the first hidden until its tab is clicked."""
    tabs = "".join(f'<li><a href="#tab{ci}">{html.escape(cat["name"])}</a></li>' for ci, cat in enumerate(lst["categories"]))
    panels = "".join(
        f'<div class="tab-pane" id="tab{ci}"' + ("" if ci == 0 else ' style="display:none"') + "><ul>"
        + "".join(f"<li>{html.escape(n)}</li>" for n, _ in _entries(cat)) + "</ul></div>"
        for ci, cat in enumerate(lst["categories"]))
    return "html", _page(lst["title"], INTRO, f'<ul class="tabs">{tabs}</ul><div class="tab-content">{panels}</div>')


def details_sections(lst):
    """Each category a <details> whose <summary> names it, its entries paragraphs inside."""
    body = "".join(f"<details open><summary>{html.escape(cat['name'])}</summary>"
                   + "".join(f"<p>{i}. {html.escape(n)}" + (f"（{html.escape(r)}）" if r else "") + "</p>"
                             for i, (n, r) in enumerate(_entries(cat), 1)) + "</details>"
                   for cat in lst["categories"])
    return "html", _page(lst["title"], INTRO, body)


def li_spans(lst):
    """Each category an <h4> over a <ul> whose items are spans of number, name and unit."""
    body = ""
    for cat in lst["categories"]:
        body += f"<h4>{html.escape(cat['name'])}</h4><ul>"
        body += "".join(f'<li><span class="num">{i:02d}</span><span class="name">{html.escape(n)}</span>'
                        + (f'<span class="unit">{html.escape(r)}</span>' if r else "") + "</li>"
                        for i, (n, r) in enumerate(_entries(cat), 1))
        body += "</ul>"
    return "html", _page(lst["title"], INTRO, body)


def caption_with_count(lst):
    """A table for each category, its <caption> giving the count (“最美志愿者（2名）”), with
    序号, 姓名（名称） and 工作单位及职务."""
    body = ""
    for cat in lst["categories"]:
        items = _entries(cat)
        unit = "名" if any(r for _, r in items) else "个"
        body += (f"<table border='1'><caption>{html.escape(cat['name'])}（{len(items)}{unit}）</caption>"
                 "<tr><th>序号</th><th>姓名（名称）</th><th>工作单位及职务</th></tr>"
                 + "".join(f"<tr><td>{i}</td><td>{html.escape(n)}</td><td>{html.escape(r)}</td></tr>"
                           for i, (n, r) in enumerate(items, 1)) + "</table>")
    return "html", _page(lst["title"], INTRO, body)


def pdf_sheet_category_column(lst):
    """The Excel sheet whose 类别 cell is merged down and gives each count, its columns widened to
    show every cell whole, printed to PDF by LibreOffice."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(xlsx_category_column_with_counts(lst)[1]))
    sheet = book.active
    for column, width in zip("ABCD", (5, 20, 36, 48)):
        sheet.column_dimensions[column].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True  # one page wide, as a list is printed
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    return _saved_as(("xlsx", _saved(book)), "pdf")


# The fifty-second held-out round, written on 2026-12-05 (a fourth session): scored once.
def name_cards(lst):
    """A 专题 page of cards, each an honoree: the name in an <h5>, the unit in a paragraph
    under it, the cards of each category under its <h3>."""
    body = ""
    for cat in lst["categories"]:
        body += f"<h3>{html.escape(cat['name'])}</h3><div class='cards'>"
        body += "".join(f"<div class='card'><h5>{html.escape(n)}</h5>" + (f"<p>{html.escape(r)}</p>" if r else "") + "</div>"
                        for n, r in _entries(cat))
        body += "</div>"
    return "html", _page(lst["title"], INTRO, body)


def they_are_inline(lst):
    """News wording: “我区2人获评“最美志愿者”，他们是：陈建钧、吕海英。”, a sentence a category."""
    paras = []
    for cat in lst["categories"]:
        names = [n for n, _ in _entries(cat)]
        people = any(r for _, r in _entries(cat))
        paras.append(f"我区{len(names)}{'人' if people else '个'}获评“{cat['name']}”，"
                     f"{'他们是' if people else '分别是'}：{'、'.join(names)}。")
    return "html", _page(lst["title"], ["近日，评选结果揭晓。", *paras]), _names_only(lst)


def no_numbering(lst):
    """Entries numbered “No.1 李峰威”, as some WeChat articles number them, under bold categories."""
    body = ""
    for cat in lst["categories"]:
        body += f"<p><strong>{html.escape(cat['name'])}</strong></p>"
        body += "".join(f"<p>No.{i} {html.escape(n)}</p>" for i, (n, _) in enumerate(_entries(cat), 1))
    return "html", _page(lst["title"], INTRO, body), _names_only(lst)


def font_br_lines(lst):
    """An old portal's page: the whole list one paragraph in a <font> tag, lines parted by <br>,
    indented by &nbsp;."""
    lines = []
    for ci, cat in enumerate(lst["categories"]):
        lines.append(f"&nbsp;&nbsp;&nbsp;&nbsp;{CN[ci]}、{html.escape(cat['name'])}")
        lines += [f"&nbsp;&nbsp;&nbsp;&nbsp;{i}.{html.escape(n)}" for i, (n, _) in enumerate(_entries(cat), 1)]
    return "html", _page(lst["title"], INTRO, '<p><font size="3" face="仿宋_GB2312">' + "<br>".join(lines) + "</font></p>")


def name_unit_one_cell(lst):
    """A table of 序号 and 姓名及单位, each cell the name, an ideographic space and the unit,
    a row spanning the table for each category."""
    rows = _category_rows(lst, ["序号", "姓名及单位"], lambda i, n, r:
                          f"<td>{i}</td><td>{html.escape(n)}" + (f"\u3000{html.escape(r)}" if r else "") + "</td>")
    return "html", _page(lst["title"], INTRO, f"<table border='1'>{rows}</table>")


# The fifty-third held-out round, written on 2026-12-05 (a fourth session): scored once.
def semicolon_roles_numbered_inline(lst):
    """One paragraph a category with its people numbered inline and their units after a colon:
    “最美志愿者：1.陈建钧：兴安盟……负责人；2.吕海英：……”."""
    paras = [*INTRO] + [f"{cat['name']}：" + "；".join(f"{i}.{n}" + (f"：{r}" if r else "") for i, (n, r) in enumerate(_entries(cat), 1)) + "。"
                        for cat in lst["categories"]]
    return "html", _page(lst["title"], paras)


def ruby_pinyin_names(lst):
    """A page for readers learning characters: each name set in <ruby> with its pinyin in <rt>,
    under bold categories."""
    from pypinyin import lazy_pinyin

    body = ""
    for cat in lst["categories"]:
        body += f"<p><b>{html.escape(cat['name'])}</b></p>"
        for n, _ in _entries(cat):
            ruby = "".join(f"<ruby>{ch}<rt>{py}</rt></ruby>" if "\u4e00" <= ch <= "\u9fff" else html.escape(ch)
                           for ch, py in zip(n, lazy_pinyin(list(n))))
            body += f"<p>{ruby}</p>"
    return "html", _page(lst["title"], INTRO, body), _names_only(lst)


def xlsx_numbered_blocks_per_category(lst):
    """An Excel sheet with a block for each category: a merged title row “一、最美志愿者”, its
    own header row, its rows numbered from 1, and a blank row before the next block."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([lst["title"]])
    sheet.merge_cells("A1:C1")
    for ci, cat in enumerate(lst["categories"]):
        if ci:
            sheet.append([])
        sheet.append([f"{CN[ci]}、{cat['name']}"])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=3)
        sheet.append(["序号", "姓名（名称）", "工作单位及职务"])
        for i, (n, r) in enumerate(_entries(cat), 1):
            sheet.append([i, n, r or None])
    return "xlsx", _saved(book)


def bracket_count_suffix_lines(lst):
    """Plain text: “最美志愿者【2名】” headings with the count in lenticular brackets, a name a line."""
    lines = [lst["title"], "发布时间：2020-12-05  来源：市文明办", "", *INTRO, ""]
    for cat in lst["categories"]:
        items = _entries(cat)
        unit = "名" if any(r for _, r in items) else "个"
        lines += [f"{cat['name']}【{len(items)}{unit}】", *[n for n, _ in items], ""]
    return "txt", "\n".join(lines) + "\n", _names_only(lst)


def table_with_empty_trailing_rows(lst):
    """A table copied from a form with blank rows left at its foot, and a 备注 column, category rows across it."""
    rows = _category_rows(lst, ["序号", "名称", "备注"], lambda i, n, r: f"<td>{i}</td><td>{html.escape(n)}</td><td></td>")
    rows += "<tr><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>" * 3
    return "html", _page(lst["title"], INTRO, f"<table border='1'>{rows}</table>")


# The fifty-fourth held-out round, written on 2026-12-05 (a fourth session): scored once.
def units_in_names_cell(lst):
    """A table of 类别 and 名单 whose 名单 cell gives each person with the unit in brackets, a
    line each: “何素贞（南岸区……志愿者）<br>黎雅红（……）”."""
    rows = "<tr><th>类别</th><th>名单</th></tr>" + "".join(
        f"<tr><td>{html.escape(cat['name'])}</td><td>"
        + "<br>".join(html.escape(n) + (f"（{html.escape(r)}）" if r else "") for n, r in _entries(cat)) + "</td></tr>"
        for cat in lst["categories"])
    return "html", _page(lst["title"], INTRO, f"<table border='1'>{rows}</table>")


def paren_district_prefix(lst):
    """Numbered entries opening with the district in round brackets, where the entry names one:
    “1.（南岸区）何素贞”."""
    def tagged(n, r):
        district = next((t for t in (r, n) if "区" in t[:4]), "")
        return f"（{district[:district.index('区') + 1]}）{n}" if district else n
    return _cn_headings(lst, lambda i, n, r: f"{i}.{tagged(n, r)}")


def docx_numbered_category_rows(lst):
    """A Word table of 序号, 名称 and 单位及职务 whose merged category rows are numbered and
    counted: “一、最美志愿者（2名）”."""
    labels = {}
    for ci, cat in enumerate(lst["categories"]):
        items = _entries(cat)
        labels[cat["name"]] = f"{CN[ci]}、{cat['name']}（{len(items)}{'名' if any(r for _, r in items) else '个'}）"
    return "docx", _docx_category_rows(lst, labels.get)


def xlsx_one_column_indented(lst):
    """An Excel sheet of one column: each category in a cell of its own, its names under it
    indented by spaces, as a clerk types them."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([lst["title"]])
    for cat in lst["categories"]:
        sheet.append([cat["name"]])
        for n, _ in _entries(cat):
            sheet.append([f"    {n}"])
    return "xlsx", _saved(book), _names_only(lst)


def count_in_em(lst):
    """Each category an <h4> whose count follows in an <em>: “制度创新示范中心<em>（10个）</em>”, over an <ol>."""
    body = ""
    for cat in lst["categories"]:
        body += f"<h4>{html.escape(cat['name'])}<em>（{len(cat['entries'])}个）</em></h4><ol>"
        body += "".join(f"<li>{html.escape(n)}</li>" for n, _ in _entries(cat)) + "</ol>"
    return "html", _page(lst["title"], INTRO, body)


# The fifty-fifth held-out round (attachments), written on 2026-12-05 (a fourth session): scored once.
def xlsx_subtotal_rows(lst):
    """An Excel sheet of 序号, 名称 and 类别 whose every category's rows end with a “小计” row
    giving their count, and the sheet with a “合计” row."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "名称", "类别"])
    number = 0
    for cat in lst["categories"]:
        for n, _ in _entries(cat):
            number += 1
            sheet.append([number, n, cat["name"]])
        sheet.append(["小计", f"{len(cat['entries'])}个", None])
    sheet.append(["合计", f"{number}个", None])
    return "xlsx", _saved(book), _names_only(lst)


def docx_numbered_grid(lst):
    """A Word file: each category a paragraph over a ruled table of its names three a row, each
    cell numbered (“1.嘉定区……中心”), no header."""
    def rows(cat):
        cells = [f"{i}.{n}" for i, (n, _) in enumerate(_entries(cat), 1)]
        cells += [""] * (-len(cells) % 3)
        return [cells[k:k + 3] for k in range(0, len(cells), 3)]
    return "docx", _docx_under_headings(lst, 3, rows), _names_only(lst)


def pdf_inline_numbered(lst):
    """A PDF printed from Word paragraphs, a category each, its entries numbered inline:
    “一、最美志愿者：1.何素贞 2.黎雅红 3.谢彬蓉”."""
    from docx import Document

    doc = Document()
    doc.add_paragraph(lst["title"])
    for ci, cat in enumerate(lst["categories"]):
        doc.add_paragraph(f"{CN[ci]}、{cat['name']}：" + " ".join(f"{i}.{n}" for i, (n, _) in enumerate(_entries(cat), 1)))
    return _saved_as(("docx", _saved(doc), _names_only(lst)), "pdf")


def xls_unmerged_category_rows(lst):
    """An old Excel (.xls) sheet of 序号, 名称 and 工作单位及职务 whose category rows are not
    merged: the category in the first cell, the rest of the row blank."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    for col, text in enumerate(["序号", "名称", "工作单位及职务"]):
        sheet.write(0, col, text)
    r = 1
    for category, rows in _rows(lst):
        sheet.write(r, 0, category)
        r += 1
        for values in rows:
            for col, text in enumerate(values):
                if text:
                    sheet.write(r, col, int(text) if col == 0 else text)
            r += 1
    return "xls", _saved(book)


def docx_photo_column(lst):
    """A Word table of 序号, 照片, 姓名 and 工作单位及职务 with a small photo in each 照片 cell, a
    merged row for each category."""
    from docx import Document
    from docx.shared import Cm
    from PIL import Image

    photo = io.BytesIO()
    Image.new("RGB", (30, 40), (200, 200, 200)).save(photo, "PNG")
    doc = Document()
    doc.add_paragraph(lst["title"])
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["序号", "照片", "姓名", "工作单位及职务"]):
        cell.text = text
    for category, rows in _rows(lst):
        row = table.add_row().cells
        row[0].merge(row[3]).text = category
        for number, n, r in rows:
            cells = table.add_row().cells
            cells[0].text, cells[2].text, cells[3].text = number, n, r
            photo.seek(0)
            cells[1].paragraphs[0].add_run().add_picture(photo, width=Cm(1))
    return "docx", _saved(doc)


# The fifty-sixth held-out round, written on 2026-12-05 (a fourth session): scored once.
def issuer_after_list(lst):
    """A notice closed, after its list, by the issuing office and the date, each a line of its own."""
    page = _cn_headings(lst, lambda i, n, r: f"{i}.{n}")[1]
    closing = "<p>中共上海市委宣传部</p><p>上海市精神文明建设委员会办公室</p><p>2019年12月5日</p>"
    return "html", page.replace("</div></div>", closing + "</div></div>", 1), _names_only(lst)


def rowspan_category_last(lst):
    """A table of 序号, 姓名（名称）, 工作单位及职务 and 类别, the 类别 cell in the last column spanning
    its entries' rows."""
    rows = "<tr><th>序号</th><th>姓名（名称）</th><th>工作单位及职务</th><th>类别</th></tr>"
    number = 0
    for cat in lst["categories"]:
        items = _entries(cat)
        for k, (n, r) in enumerate(items):
            number += 1
            cell = f'<td rowspan="{len(items)}">{html.escape(cat["name"])}</td>' if k == 0 else ""
            rows += f"<tr><td>{number}</td><td>{html.escape(n)}</td><td>{html.escape(r)}</td>{cell}</tr>"
    return "html", _page(lst["title"], INTRO, f"<table border='1'>{rows}</table>")


def indented_continuations_txt(lst):
    """Text copied from a PDF whose long entries wrap onto a second line indented under the name."""
    lines = [lst["title"], "发布时间：2020-12-05  来源：市文明办", "", *INTRO, ""]
    for ci, cat in enumerate(lst["categories"]):
        lines.append(f"{CN[ci]}、{cat['name']}")
        for i, (n, r) in enumerate(_entries(cat), 1):
            text = f"{i}. {n}" + (f"（{r}）" if r else "")
            lines += [text[:22], "   " + text[22:]] if len(text) > 22 else [text]
        lines.append("")
    return "txt", "\n".join(lines) + "\n"


def tag_per_line(lst):
    """Every entry a line tagged with its award in lenticular brackets: “【最美志愿者】陈建钧”."""
    paras = [*INTRO] + [f"【{cat['name']}】{n}" for cat in lst["categories"] for n, _ in _entries(cat)]
    return "html", _page(lst["title"], paras), _names_only(lst)


def ol_in_names_cell(lst):
    """A table of 类别 and 名单 whose 名单 cell holds an ordered list of the category's names."""
    rows = "<tr><th>类别</th><th>名单</th></tr>" + "".join(
        f"<tr><td>{html.escape(cat['name'])}</td><td><ol>"
        + "".join(f"<li>{html.escape(n)}</li>" for n, _ in _entries(cat)) + "</ol></td></tr>" for cat in lst["categories"])
    return "html", _page(lst["title"], INTRO, f"<table border='1'>{rows}</table>"), _names_only(lst)


# The fifty-seventh held-out round, written on 2026-12-05 (a fourth session): scored once.
def list_then_bios(lst):
    """A 公示 notice: the numbered list under “一、” headings, then “附：事迹简介” with each
    person's name as a heading over a sentence about them."""
    page = _cn_headings(lst, lambda i, n, r: f"{i}.{n}")[1]
    bios = "<p>附：事迹简介</p>" + "".join(
        f"<p><strong>{html.escape(n)}</strong></p><p>{html.escape(r or '长期组织志愿服务')}，热心公益，事迹突出。</p>"
        for cat in lst["categories"] for n, r in _entries(cat))
    return "html", page.replace("</div></div>", bios + "</div></div>", 1), _names_only(lst)


def have_names_count(lst):
    """News wording: “其中，最美志愿者有陈建钧、吕海英2人；最佳志愿服务组织有……2个。”"""
    parts = []
    for cat in lst["categories"]:
        names = [n for n, _ in _entries(cat)]
        people = any(r for _, r in _entries(cat))
        parts.append(f"{cat['name']}有{'、'.join(names)}{len(names)}{'人' if people else '个'}")
    line = "近日，评选结果揭晓，我区多个先进典型入选。其中，" + "；".join(parts) + "。"
    return "html", _page(lst["title"], [line]), _names_only(lst)


def docx_nbsp_units(lst):
    """A Word file of numbered paragraphs whose units are set apart by non-breaking spaces, as
    Word users pad a name: “1.何素贞\u00a0\u00a0\u00a0南岸区……志愿者”."""
    return "docx", _word_lines(lst, lambda i, n, r: f"{i}.{n}" + (f"\u00a0\u00a0\u00a0{r}" if r else ""))


def category_year_note(lst):
    """Headings that note the year after the category: “一、制度创新示范中心（2019年度）”."""
    return _cn_headings(lst, lambda i, n, r: f"{i}.{n}", heading=lambda ci, name: f"{CN[ci]}、{name}（2019年度）")


# The fifty-eighth held-out round, written on 2026-12-05 (a fourth session): scored once.
def inline_count_no_colon(lst):
    """Inline lists whose count in brackets runs straight into the names, no colon between:
    “最美志愿者（3名）何素贞、黎雅红、谢彬蓉”."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        items = _entries(cat)
        unit = "名" if any(r for _, r in items) else "个"
        paras.append(f"{cat['name']}（{len(items)}{unit}）" + "、".join(n for n, _ in items))
    return "html", _page(lst["title"], paras), _names_only(lst)


def emoji_after_names(lst):
    """A WeChat article closing each name with an emoji: “陈建钧👍”, under bold categories."""
    body = ""
    for cat in lst["categories"]:
        body += f"<p><strong>{html.escape(cat['name'])}</strong></p>"
        body += "".join(f"<p>{html.escape(n)}👍</p>" for n, _ in _entries(cat))
    return "html", _page(lst["title"], INTRO, body), _names_only(lst)


def spaced_names_in_cell(lst):
    """A table of 类别 and 名单 whose 名单 cell holds the people's names parted by spaces."""
    rows = "<tr><th>类别</th><th>名单</th></tr>" + "".join(
        f"<tr><td>{html.escape(cat['name'])}</td><td>" + "　".join(html.escape(n) for n, _ in _entries(cat)) + "</td></tr>"
        for cat in lst["categories"])
    return "html", _page(lst["title"], INTRO, f"<table border='1'>{rows}</table>"), _names_only(lst)


def joint_entry_rows(lst):
    """A table of 序号, 姓名 and 工作单位及职务 that prints a joint entry (“陶成诚、黄先红”) as a
    row for each person, its number and unit cells spanning both rows; category rows across."""
    rows = "<tr><th>序号</th><th>姓名</th><th>工作单位及职务</th></tr>"
    for cat in lst["categories"]:
        rows += f'<tr><td colspan="3">{html.escape(cat["name"])}</td></tr>'
        for i, (n, r) in enumerate(_entries(cat), 1):
            people = n.split("、")
            if len(people) > 1:
                rows += (f'<tr><td rowspan="{len(people)}">{i}</td><td>{html.escape(people[0])}</td>'
                         f'<td rowspan="{len(people)}">{html.escape(r)}</td></tr>')
                rows += "".join(f"<tr><td>{html.escape(p)}</td></tr>" for p in people[1:])
            else:
                rows += f"<tr><td>{i}</td><td>{html.escape(n)}</td><td>{html.escape(r)}</td></tr>"
    return "html", _page(lst["title"], INTRO, f"<table border='1'>{rows}</table>")


def strong_category_br_roles(lst):
    """One paragraph a category: the award in bold, then each person and unit after a line
    break, parted by an ideographic space."""
    body = "".join("<p><strong>" + html.escape(cat["name"]) + "</strong><br>" + "<br>".join(
        html.escape(n) + (f"　{html.escape(r)}" if r else "") for n, r in _entries(cat)) + "</p>" for cat in lst["categories"])
    return "html", _page(lst["title"], INTRO, body)


# The fifty-ninth held-out round, written on 2026-12-05 (a fourth session): scored once.
def heading_full_stop(lst):
    """Headings closed by a full stop, as a hurried notice types them: “一、制度创新示范中心。”."""
    return _cn_headings(lst, lambda i, n, r: f"{i}.{n}", heading=lambda ci, name: f"{CN[ci]}、{name}。")


def numeral_count_before_colon(lst):
    """Inline lists whose count, in Chinese numerals and no brackets, comes before the colon:
    “最美志愿者三名：何素贞、黎雅红、谢彬蓉”."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        items = _entries(cat)
        paras.append(f"{cat['name']}{CN[len(items) - 1]}{'名' if any(r for _, r in items) else '个'}："
                     + "、".join(n for n, _ in items) + "。")
    return "html", _page(lst["title"], paras), _names_only(lst)


def markdown_bold_txt(lst):
    """Text saved from a Markdown editor: categories in bold (“**最美志愿者**”), entries as list items."""
    lines = [lst["title"], "", "发布时间：2018-12-05  来源：区文明办", "", *INTRO, ""]
    for cat in lst["categories"]:
        lines += [f"**{cat['name']}**", ""] + [f"* {n}" for n, _ in _entries(cat)] + [""]
    return "txt", "\n".join(lines) + "\n", _names_only(lst)


def halfwidth_roles_inline(lst):
    """Inline lists typed in half-width punctuation with roles in brackets:
    “最美志愿者: 李峰威(北京市……队长), 刘嗣东(……)”."""
    paras = [*INTRO] + [f"{cat['name']}: " + ", ".join(n + (f"({r})" if r else "") for n, r in _entries(cat))
                        for cat in lst["categories"]]
    return "html", _page(lst["title"], paras)


def xlsx_blocks_with_blank_rows(lst):
    """An Excel sheet of 序号, 名称 and 类别 whose categories are blocks parted by a blank row,
    the 类别 cell merged down over each block."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "名称", "类别"])
    for ci, cat in enumerate(lst["categories"]):
        if ci:
            sheet.append([])
        for i, (n, _) in enumerate(_entries(cat), 1):
            sheet.append([i, n, cat["name"] if i == 1 else None])
            first = sheet.max_row if i == 1 else first  # (an appended blank row has no cells to count)
        sheet.merge_cells(start_row=first, start_column=3, end_row=sheet.max_row, end_column=3)
    return "xlsx", _saved(book), _names_only(lst)


# The sixtieth held-out round, written on 2026-12-05 (a fourth session): scored once.
def headerless_category_name_rows(lst):
    """A table with no header: each row the category, then the name, then the unit."""
    rows = "".join(f"<tr><td>{html.escape(cat['name'])}</td><td>{html.escape(n)}</td><td>{html.escape(r)}</td></tr>"
                   for cat in lst["categories"] for n, r in _entries(cat))
    return "html", _page(lst["title"], INTRO, f"<table border='1'>{rows}</table>")


def district_groups_inline(lst):
    """People grouped by district, a line a district (“南岸区：何素贞”), under “一、” headings;
    the other categories a numbered line an entry. (Every district of this list's people is
    theirs alone, so the grouping keeps the printed order.)"""
    paras = [*INTRO]
    for ci, cat in enumerate(lst["categories"]):
        paras.append(f"{CN[ci]}、{cat['name']}")
        items = _entries(cat)
        if all(r and "区" in r for _, r in items):
            paras += [f"{r[:r.index('区') + 1]}：{n}" for n, r in items]
        else:
            paras += [f"{i}.{n}" for i, (n, _) in enumerate(items, 1)]
    return "html", _page(lst["title"], paras), _names_only(lst)


def spaced_roles_inline(lst):
    """Inline lists of people with units in brackets, parted by ideographic spaces:
    “最美志愿者：李峰威（……）　刘嗣东（……）”."""
    paras = [*INTRO] + [f"{cat['name']}：" + "　".join(n + (f"（{r}）" if r else "") for n, r in _entries(cat))
                        for cat in lst["categories"]]
    return "html", _page(lst["title"], paras)


def aria_heading_divs(lst):
    """Headings marked up as <div role="heading" aria-level="3">, each over a <div> a name."""
    body = "".join(f'<div role="heading" aria-level="3">{html.escape(cat["name"])}</div>'
                   + "".join(f"<div>{html.escape(n)}</div>" for n, _ in _entries(cat)) for cat in lst["categories"])
    return "html", _page(lst["title"], INTRO, body)


# The sixty-first held-out round, written on 2026-12-05 (a fourth session): scored once.
def numbered_semicolon_roles_lines(lst):
    """A line an entry, numbered, the unit after a full-width comma, closed by “；”, the last by “。”:
    “1.何素贞，南岸区……志愿者；”."""
    paras = [*INTRO]
    for ci, cat in enumerate(lst["categories"]):
        items = _entries(cat)
        paras.append(f"{CN[ci]}、{cat['name']}")
        paras += [f"{i}.{n}" + (f"，{r}" if r else "") + ("。" if i == len(items) else "；") for i, (n, r) in enumerate(items, 1)]
    return "html", _page(lst["title"], paras)


def xlsx_category_rows_with_counts_merged(lst):
    """An Excel sheet whose merged category rows give each count and the total so far:
    “最美志愿者（3名）” over 序号, 名称 and 工作单位及职务 rows."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([lst["title"]])
    sheet.merge_cells("A1:C1")
    sheet.append(["序号", "名称", "工作单位及职务"])
    for cat in lst["categories"]:
        items = _entries(cat)
        sheet.append([f"{cat['name']}（{len(items)}{'名' if any(r for _, r in items) else '个'}）"])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=3)
        for i, (n, r) in enumerate(items, 1):
            sheet.append([i, n, r or None])
    return "xlsx", _saved(book)


def p_per_category_names_in_spans_with_commas(lst):
    """Each category a bold paragraph, its names in one paragraph of <span>s parted by “，”."""
    body = "".join(f"<p><b>{html.escape(cat['name'])}</b></p><p>" + "，".join(
        f"<span>{html.escape(n)}</span>" for n, _ in _entries(cat)) + "</p>" for cat in lst["categories"])
    return "html", _page(lst["title"], INTRO, body), _names_only(lst)


def docx_heading_count_line_under(lst):
    """A Word file: each category a heading paragraph, its count on the line under it (“共2名”),
    then a paragraph a name."""
    from docx import Document

    doc = Document()
    doc.add_paragraph(lst["title"])
    for ci, cat in enumerate(lst["categories"]):
        items = _entries(cat)
        doc.add_paragraph(f"{CN[ci]}、{cat['name']}")
        doc.add_paragraph(f"共{len(items)}{'名' if any(r for _, r in items) else '个'}")
        for n, _ in items:
            doc.add_paragraph(n)
    return "docx", _saved(doc), _names_only(lst)


# The sixty-second held-out round, written on 2026-12-05 (a fourth session): scored once.
def table_district_subrows(lst):
    """A table of 序号, 姓名（名称） and 工作单位及职务 with a row spanning it for each category and,
    under a category of people, a row spanning it for each district before its people."""
    rows = "<tr><th>序号</th><th>姓名（名称）</th><th>工作单位及职务</th></tr>"
    for cat in lst["categories"]:
        rows += f'<tr><td colspan="3"><b>{html.escape(cat["name"])}</b></td></tr>'
        items = _entries(cat)
        people = all(r and "区" in r for _, r in items)
        for i, (n, r) in enumerate(items, 1):
            if people:
                rows += f'<tr><td colspan="3">{html.escape(r[:r.index("区") + 1])}</td></tr>'
            rows += f"<tr><td>{i}</td><td>{html.escape(n)}</td><td>{html.escape(r)}</td></tr>"
    return "html", _page(lst["title"], INTRO, f"<table border='1'>{rows}</table>")


def bold_name_space_unit(lst):
    """Each entry a paragraph: the name in bold, a space, the unit; categories as “一、” headings."""
    body = ""
    for ci, cat in enumerate(lst["categories"]):
        body += f"<p>{CN[ci]}、{html.escape(cat['name'])}</p>"
        body += "".join(f"<p><b>{html.escape(n)}</b>" + (f" {html.escape(r)}" if r else "") + "</p>" for n, r in _entries(cat))
    return "html", _page(lst["title"], INTRO, body)


def xlsx_unit_before_name(lst):
    """An Excel sheet of 序号, 工作单位及职务, 姓名（名称） and 类别: the unit before the name."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "工作单位及职务", "姓名（名称）", "类别"])
    for i, category, n, r in _numbered(lst):
        sheet.append([i, r or None, n, category])
    return "xlsx", _saved(book)


def count_after_colon_in_words(lst):
    """Category lines closed by a colon and the count in words in brackets, “最美志愿者：（共三名）”,
    over a name a line."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        items = _entries(cat)
        paras.append(f"{cat['name']}：（共{CN[len(items) - 1]}{'名' if any(r for _, r in items) else '个'}）")
        paras += [n for n, _ in items]
    return "html", _page(lst["title"], paras), _names_only(lst)


def txt_running_title_repeated(lst):
    """Text copied from a PDF whose every page opened with the list's title again: the title
    repeated before each category after the first."""
    lines = [lst["title"], "发布时间：2020-12-05  来源：市文明办", "", *INTRO, ""]
    for ci, cat in enumerate(lst["categories"]):
        if ci:
            lines += [lst["title"], ""]
        lines += [f"{CN[ci]}、{cat['name']}"] + [f"{i}.{n}" for i, (n, _) in enumerate(_entries(cat), 1)] + [""]
    return "txt", "\n".join(lines) + "\n", _names_only(lst)


# The sixty-third held-out round, written on 2026-12-05 (a fourth session): scored once.
def side_by_side_layout_cells(lst):
    """An old portal's layout table setting two categories abreast: each cell a bold category
    over its names, a paragraph each."""
    cells = ["<td valign='top'><p><b>" + html.escape(cat["name"]) + "</b></p>"
             + "".join(f"<p>{html.escape(n)}</p>" for n, _ in _entries(cat)) + "</td>" for cat in lst["categories"]]
    cells += ["<td></td>"] * (len(cells) % 2)
    rows = "".join("<tr>" + "".join(cells[k:k + 2]) + "</tr>" for k in range(0, len(cells), 2))
    return "html", _page(lst["title"], INTRO, f"<table width='100%'>{rows}</table>"), _names_only(lst)


def note_row_in_table(lst):
    """A table pasted from Word whose last row, merged across it, is a note: “备注：排名不分先后”."""
    rows = _category_rows(lst, ["序号", "单位名称"], lambda i, n, r: f"<td>{i}</td><td>{html.escape(n)}</td>")
    rows += '<tr><td colspan="2">备注：排名不分先后</td></tr>'
    return "html", _page(lst["title"], INTRO, f"<table border='1'>{rows}</table>")


def xlsx_note_row_at_bottom(lst):
    """An Excel sheet of 序号, 姓名（名称）, 工作单位及职务 and 类别 closed by a merged note row:
    “注：以上名单排名不分先后”."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "姓名（名称）", "工作单位及职务", "类别"])
    for i, category, n, r in _numbered(lst):
        sheet.append([i, n, r or None, category])
    sheet.append(["注：以上名单排名不分先后"])
    sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=4)
    return "xlsx", _saved(book)


def dash_count_headings(lst):
    """Headings giving the count after a dash: “一、最美志愿者——3名”, over numbered people with units."""
    def heading(ci, name):
        items = _entries(lst["categories"][ci])
        return f"{CN[ci]}、{name}——{len(items)}{'名' if any(r for _, r in items) else '个'}"
    return _cn_headings(lst, lambda i, n, r: f"{i}.{n}" + (f"（{r}）" if r else ""), heading=heading)[:2]

# The sixty-fourth held-out round, written on 2026-12-05 (a fifth session): scored once.
def _sections(lst, heading, entry) -> str:
    """HTML of each category as ``heading(index, name)`` over its entries, each as
    ``entry(category index, number, name, role)``; the texts come escaped."""
    return "".join(heading(ci, html.escape(cat["name"])) + "".join(
        entry(ci, i, html.escape(n), html.escape(r)) for i, (n, r) in enumerate(_entries(cat), 1))
        for ci, cat in enumerate(lst["categories"]))


def _in_brackets(role: str) -> str:
    return f"（{role}）" if role else ""


def img_alt_headings(lst):
    """Each category's heading a banner image whose words are only in its alt text, over
    numbered names."""
    body = _sections(lst, lambda ci, c: f'<p style="text-align:center"><img src="/images/banner{ci + 1}.png" width="600" '
                                        f'alt="{c}"></p>', lambda ci, i, n, r: f"<p>{i}.{n}</p>")
    return "html", _page(lst["title"], INTRO, body), _names_only(lst)


def unit_colon_name_lines(lst):
    """A person as their unit and post, a colon, then the name: “某某社区党委书记：张三”."""
    return _cn_headings(lst, lambda i, n, r: f"{i}.{r}：{n}" if r else f"{i}.{n}")[:2]


def number_badges(lst):
    """A WeChat article: each entry a section of its number in large type, its name and its
    unit, each a paragraph of its own, under a bold category."""
    body = _sections(lst, lambda ci, c: f"<section><p><strong>{c}</strong></p></section>",
                     lambda ci, i, n, r: f'<section><p><span style="font-size:24px;color:#c00">{i:02d}</span></p>'
                                         f"<p>{n}</p>" + (f"<p>{r}</p>" if r else "") + "</section>")
    return "html", _page(lst["title"], INTRO, body)


ENGLISH = {"最美志愿者": "Most Beautiful Volunteers", "最佳志愿服务组织": "Best Volunteer Service Organizations",
           "最佳志愿服务项目": "Best Volunteer Service Projects", "最佳志愿服务社区": "Best Volunteer Service Communities",
           "最美志愿服务社区": "Most Beautiful Volunteer Service Communities"}


def bilingual_headings(lst):
    """Headings in Chinese and English, “最美志愿者 Most Beautiful Volunteers”, over a name a
    line with the unit in brackets."""
    body = _sections(lst, lambda ci, c: f"<h3>{c} {ENGLISH[html.unescape(c)]}</h3>",
                     lambda ci, i, n, r: f"<p>{n}{_in_brackets(r)}</p>")
    return "html", _page(lst["title"], INTRO, body)


def pipe_separated_inline(lst):
    """Each category in one paragraph, its names parted by “ | ”: “制度创新示范中心：甲 | 乙”."""
    paras = [*INTRO] + [f"{c['name']}：" + " | ".join(n for n, _ in _entries(c)) for c in lst["categories"]]
    return "html", _page(lst["title"], paras), _names_only(lst)


# The sixty-fifth held-out round, written on 2026-12-05 (a fifth session): scored once.
CN_COUNT = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"]


def et_al_count_in_words(lst):
    """Inline lists closed by “等” and the count in words: “制度创新示范中心：甲、乙……等十个”."""
    paras = [*INTRO]
    for cat in lst["categories"]:
        items = _entries(cat)
        paras.append(f"{cat['name']}：" + "、".join(n for n, _ in items)
                     + f"等{CN_COUNT[len(items)]}{'名' if any(r for _, r in items) else '个'}。")
    return "html", _page(lst["title"], paras), _names_only(lst)


def table_with_code_column(lst):
    """One table of 编号 (a code such as “CQ2020-01”), 类别, 姓名（名称） and 工作单位及职务."""
    rows = "<tr><th>编号</th><th>类别</th><th>姓名（名称）</th><th>工作单位及职务</th></tr>"
    for i, category, n, r in _numbered(lst):
        rows += (f"<tr><td>CQ2020-{i:02d}</td><td>{html.escape(category)}</td><td>{html.escape(n)}</td>"
                 f"<td>{html.escape(r)}</td></tr>")
    return "html", _page(lst["title"], INTRO, f"<table border='1'>{rows}</table>")


def icon_font_headings(lst):
    """Headings opening with an icon font's glyph, a character of the private use area that only
    the font draws (“\ue601最美志愿者”), over numbered entries."""
    body = _sections(lst, lambda ci, c: f'<h2><i class="iconfont">&#xe6{ci:02d};</i>{c}</h2>',
                     lambda ci, i, n, r: f"<p>{i}.{n}{_in_brackets(r)}</p>")
    return "html", _page(lst["title"], INTRO, body)


def bilingual_table_header(lst):
    """A table whose header gives each column in Chinese and English (“姓名（名称）Name”), with a
    row spanning it for each category."""
    head = ("<tr><th>序号 No.</th><th>姓名（名称）Name</th><th>工作单位及职务 Organization and Post</th></tr>")
    rows = _category_rows(lst, ["序号", "姓名", "单位"], lambda i, n, r: f"<td>{i}</td><td>{html.escape(n)}</td>"
                          f"<td>{html.escape(r)}</td>", head=head)
    return "html", _page(lst["title"], INTRO, f"<table border='1'>{rows}</table>")


def float_right_roles(lst):
    """Each entry a paragraph of the name and, floated right by CSS with nothing between, its
    unit: “<p>李峰威<span style="float:right">北京市……队长</span></p>”."""
    body = _sections(lst, lambda ci, c: f"<p><strong>{CN[ci]}、{c}</strong></p>",
                     lambda ci, i, n, r: f"<p>{n}" + (f'<span style="float:right">{r}</span>' if r else "") + "</p>")
    return "html", _page(lst["title"], INTRO, body)


# The sixty-sixth held-out round, written on 2026-12-05 (a fifth session): scored once.
def detail_links_after_entries(lst):
    """Numbered entries under “一、” headings, each followed by a link to its story: “[详情]”."""
    body = _sections(lst, lambda ci, c: f"<p>{CN[ci]}、{c}</p>",
                     lambda ci, i, n, r: f'<p>{i}.{n} <a href="/zyfw/detail_{ci}_{i}.html">[详情]</a></p>')
    return "html", _page(lst["title"], INTRO, body), _names_only(lst)


def tab_txt_category_once(lst):
    """Text of tab-separated columns copied from a sheet: 类别, 姓名（名称） and 工作单位及职务,
    the category given on its first row only, the rows under it opening with a tab."""
    lines = [lst["title"], "", *INTRO, "", "类别\t姓名（名称）\t工作单位及职务"]
    for cat in lst["categories"]:
        for k, (n, r) in enumerate(_entries(cat)):
            lines.append(f"{cat['name'] if k == 0 else ''}\t{n}\t{r}".rstrip("\t"))
    return "txt", "\n".join(lines) + "\n"


def rule_after_headings(lst):
    """Headings drawn out with a rule of dashes after them, “最美志愿者——————”, over a name a line
    with the unit in brackets."""
    body = _sections(lst, lambda ci, c: f"<p><b>{c}</b>————————————</p>", lambda ci, i, n, r: f"<p>{n}{_in_brackets(r)}</p>")
    return "html", _page(lst["title"], INTRO, body)


def carousel_with_duplicate_slides(lst):
    """A mobile page setting each category's entries as the slides of a carousel, which (as the
    Swiper library does for looping) repeats the last slide before the first and the first after
    the last, marked “swiper-slide-duplicate”."""
    def slide(n, r, duplicate=False):
        extra = " swiper-slide-duplicate" if duplicate else ""
        return (f'<div class="swiper-slide{extra}"><p class="name">{html.escape(n)}</p>'
                + (f'<p class="unit">{html.escape(r)}</p>' if r else "") + "</div>")
    body = ""
    for cat in lst["categories"]:
        items = _entries(cat)
        slides = [slide(*items[-1], True)] + [slide(n, r) for n, r in items] + [slide(*items[0], True)]
        body += (f"<h3>{html.escape(cat['name'])}</h3><div class='swiper'><div class='swiper-wrapper'>"
                 + "".join(slides) + "</div></div>")
    return "html", _page(lst["title"], INTRO, body)


def summary_table_before_lists(lst):
    """A notice opening with a table of how many each category holds (类别 | 数量), then each
    category under a “一、” heading, numbered, the unit in brackets."""
    rows = "<tr><th>类别</th><th>数量</th></tr>" + "".join(
        f"<tr><td>{html.escape(c['name'])}</td><td>{len(c['entries'])}</td></tr>" for c in lst["categories"])
    paras = [*INTRO, f"<table border='1'>{rows}</table>"]
    for ci, cat in enumerate(lst["categories"]):
        paras.append(f"{CN[ci]}、{cat['name']}")
        paras += [f"{i}.{n}" + (f"（{r}）" if r else "") for i, (n, r) in enumerate(_entries(cat), 1)]
    return "html", _page(lst["title"], paras)


# The sixty-seventh held-out round, written on 2026-12-05 (a fifth session): scored once.
def bracket_footnote_refs(lst):
    """Text with endnote references after some names, “李峰威[1]”, the notes under the list
    (“[1] 追授”-style notes, here saying where each entry was put forward)."""
    paras, notes, k = [*INTRO], [], 0
    for ci, cat in enumerate(lst["categories"]):
        paras.append(f"{CN[ci]}、{cat['name']}")
        for i, (n, _) in enumerate(_entries(cat), 1):
            if i == 1:
                k += 1
                notes.append(f"[{k}] 本类别第一位由评审委员会提名。")
                paras.append(f"{i}.{n}[{k}]")
            else:
                paras.append(f"{i}.{n}")
    return "html", _page(lst["title"], paras + notes), _names_only(lst)


def entries_as_headings(lst):
    """Each category an <h3>, each entry an <h4> of its name over a paragraph of its unit."""
    body = _sections(lst, lambda ci, c: f"<h3>{c}</h3>",
                     lambda ci, i, n, r: f"<h4>{n}</h4>" + (f"<p>{r}</p>" if r else ""))
    return "html", _page(lst["title"], INTRO, body)


def middle_dot_separated_inline(lst):
    """Each category in one paragraph, its names parted by middle dots: “最美志愿者：甲 · 乙 · 丙”."""
    paras = [*INTRO] + [f"{c['name']}：" + " · ".join(n for n, _ in _entries(c)) for c in lst["categories"]]
    return "html", _page(lst["title"], paras), _names_only(lst)


def xlsx_english_second_header_row(lst):
    """An Excel sheet whose header is in two rows, the Chinese over the English (“No. | Name |
    Organization and Post | Category”)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "姓名（名称）", "工作单位及职务", "类别"])
    sheet.append(["No.", "Name", "Organization and Post", "Category"])
    for i, category, n, r in _numbered(lst):
        sheet.append([i, n, r or None, category])
    return "xlsx", _saved(book)


def txt_form_feeds(lst):
    """Text from a PDF converter that marks each new page with a form feed opening its first
    line, between the entries of a category."""
    lines = [lst["title"], "发布时间：2024-06-18  来源：市文明办", "", *INTRO, ""]
    count = 0
    for ci, cat in enumerate(lst["categories"]):
        lines.append(f"{CN[ci]}、{cat['name']}")
        for i, (n, _) in enumerate(_entries(cat), 1):
            count += 1
            lines.append(("\f" if count % 6 == 0 else "") + f"{i}.{n}")
    return "txt", "\n".join(lines) + "\n", _names_only(lst)


# The sixty-eighth held-out round, written on 2026-12-05 (a fifth session): scored once.
def spacer_columns_table(lst):
    """A table saved from a spreadsheet with narrow empty columns between its columns: 序号 | |
    姓名（名称） | | 工作单位及职务, a row spanning it for each category."""
    head = "<tr><th>序号</th><th></th><th>姓名（名称）</th><th></th><th>工作单位及职务</th></tr>"
    rows = _category_rows(lst, ["序号", "", "姓名", "", "单位"], lambda i, n, r: f"<td>{i}</td><td></td>"
                          f"<td>{html.escape(n)}</td><td></td><td>{html.escape(r)}</td>", head=head)
    return "html", _page(lst["title"], INTRO, f"<table border='1'>{rows}</table>")


def emoji_after_headings(lst):
    """Headings closed by an emoji, as WeChat articles set them: “最美志愿者🌟”, over numbered names."""
    body = _sections(lst, lambda ci, c: f"<p><strong>{c}🌟</strong></p>", lambda ci, i, n, r: f"<p>{i}.{n}</p>")
    return "html", _page(lst["title"], INTRO, body), _names_only(lst)


def fullwidth_padded_names(lst):
    """Names of two characters padded to the width of three with a full-width space, as official
    documents set them (“吴　衡”), a full-width space before the unit; the names as printed."""
    def printed(n):
        return n.replace(" ", "\u3000") if len(n) == 3 and n[1] == " " else n
    categories = [{"name": c["name"], "entries": [{"name": printed(n), "role": r} if r else printed(n)
                                                  for n, r in _entries(c)]} for c in lst["categories"]]
    paras = [*INTRO]
    for ci, cat in enumerate(categories):
        paras.append(f"{CN[ci]}、{cat['name']}")
        paras += [n + (f"\u3000{r}" if r else "") for n, r in _entries(cat)]
    return "html", _page(lst["title"], paras), categories


def captions_below_tables(lst):
    """A table for each category with its caption under it, as Word places a table's caption:
    “表1　最美志愿者”."""
    body = ""
    for ci, cat in enumerate(lst["categories"]):
        rows = "<tr><th>序号</th><th>姓名（名称）</th></tr>" + "".join(
            f"<tr><td>{i}</td><td>{html.escape(n)}</td></tr>" for i, (n, _) in enumerate(_entries(cat), 1))
        body += f"<table border='1'>{rows}</table><p style='text-align:center'>表{ci + 1}　{html.escape(cat['name'])}</p>"
    return "html", _page(lst["title"], INTRO, body), _names_only(lst)


# The sixty-ninth held-out round, written on 2026-12-05 (a fifth session): scored once.
def year_prefixed_list_headings(lst):
    """Each category headed as its own list, with the year: “2019年度制度创新示范中心名单”, over
    numbered names."""
    year = re.search(r"(19|20)\d{2}", lst["title"]).group(0)
    body = _sections(lst, lambda ci, c: f"<p><strong>{year}年度{c}名单</strong></p>", lambda ci, i, n, r: f"<p>{i}.{n}</p>")
    return "html", _page(lst["title"], INTRO, body), _names_only(lst)


def dash_framed_headings(lst):
    """Headings set between dashes, “——最美志愿者——”, over a name a line with its unit in brackets."""
    body = _sections(lst, lambda ci, c: f"<p style='text-align:center'>——{c}——</p>",
                     lambda ci, i, n, r: f"<p>{n}{_in_brackets(r)}</p>")
    return "html", _page(lst["title"], INTRO, body)


def bracket_heading_count_after(lst):
    """Headings in lenticular brackets with the count after them, “【最美志愿者】（2名）”, over
    numbered entries with their units in brackets."""
    body = _sections(lst, lambda ci, c: f"<p>【{c}】（{len(lst['categories'][ci]['entries'])}"
                                        f"{'名' if any(r for _, r in _entries(lst['categories'][ci])) else '个'}）</p>",
                     lambda ci, i, n, r: f"<p>{i}.{n}{_in_brackets(r)}</p>")
    return "html", _page(lst["title"], INTRO, body)


def links_with_role_in_title(lst):
    """Each name a link whose unit shows only as its tooltip (``title``), a paragraph each,
    under bold categories."""
    body = _sections(lst, lambda ci, c: f"<p><b>{c}</b></p>",
                     lambda ci, i, n, r: f'<p><a href="/zyfw/p{ci}_{i}.html" title="{r}">{n}</a></p>')
    return "html", _page(lst["title"], INTRO, body), _names_only(lst)



# The seventieth held-out round, written on 2026-12-05 (a sixth session): scored once.
def spaced_header_labels_table(lst):
    """A table whose header labels are spaced out to fill their cells, as Word tables set them
    (“序　号”, “姓　　名”, “工 作 单 位 及 职 务”), a row spanning it for each category."""
    head = "<tr><th>序　号</th><th>姓　　名</th><th>工 作 单 位 及 职 务</th></tr>"
    rows = _category_rows(lst, ["序号", "姓名", "单位"], lambda i, n, r: f"<td>{i}</td><td>{html.escape(n)}</td>"
                          f"<td>{html.escape(r)}</td>", head=head)
    return "html", _page(lst["title"], INTRO, f"<table border='1'>{rows}</table>")


def docx_spaced_header_table(lst):
    """A Word table with spaced-out header labels (“序  号”, “姓  名”, “单 位 及 职 务”) and a
    merged row for each category."""
    return "docx", _docx_category_rows(lst, lambda category: category, header=("序  号", "姓  名", "单 位 及 职 务"))


def ascii_roman_headings(lst):
    """Headings numbered with Roman numerals typed in Latin letters, “II. 最佳志愿服务组织”, over
    numbered entries with their units in brackets."""
    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    body = _sections(lst, lambda ci, c: f"<p><strong>{roman[ci]}. {c}</strong></p>",
                     lambda ci, i, n, r: f"<p>{i}.{n}{_in_brackets(r)}</p>")
    return "html", _page(lst["title"], INTRO, body)


def asterisk_marked_names(lst):
    """The first entry of each category marked by an asterisk after its name (“陈建钧*”), the
    mark explained in a note under the list; the names without it."""
    body = _sections(lst, lambda ci, c: f"<p>{CN[ci]}、{c}</p>",
                     lambda ci, i, n, r: f"<p>{i}.{n}{'*' if i == 1 else ''}{_in_brackets(r)}</p>")
    return "html", _page(lst["title"], INTRO, body + "<p>注：名字后标“*”者为首次入选。</p>")


def category_per_column_table(lst):
    """A table with a column for each category: the header row names them, the names run down
    beneath, a shorter column ending in empty cells."""
    cats = lst["categories"]
    columns = [[html.escape(n) for n, _ in _entries(c)] for c in cats]
    rows = "<tr>" + "".join(f"<th>{html.escape(c['name'])}</th>" for c in cats) + "</tr>"
    for i in range(max(len(c) for c in columns)):
        rows += "<tr>" + "".join(f"<td>{c[i] if i < len(c) else ''}</td>" for c in columns) + "</tr>"
    return "html", _page(lst["title"], INTRO, f"<table border='1'>{rows}</table>"), _names_only(lst)



# The seventy-first held-out round, written on 2026-12-05 (a sixth session): scored once.
def zero_width_in_names(lst):
    """A page pasted through an editor that left zero-width spaces in some names and after
    others (“何素\u200b贞”, “黎雅红\u200b”), numbered entries with their units in brackets;
    the names as a reader sees them."""
    def pasted(i, n):
        return (n[:2] + "\u200b" + n[2:]) if i % 2 else n + "\u200b"
    body = _sections(lst, lambda ci, c: f"<p>{CN[ci]}、{c}</p>",
                     lambda ci, i, n, r: f"<p>{i}.{pasted(i, n)}{_in_brackets(r)}</p>")
    return "html", _page(lst["title"], INTRO, body)


def svg_icon_items(lst):
    """Each entry an <li> opening with an inline SVG icon that has its own <title> (“荣誉”),
    the name in a <span>, under <h3> categories."""
    icon = ('<svg class="icon" width="16" height="16" viewBox="0 0 16 16"><title>荣誉</title>'
            '<path d="M8 1l2 5h5l-4 3 2 6-5-4-5 4 2-6-4-3h5z"/></svg>')
    body = _sections(lst, lambda ci, c: f"<h3>{c}</h3>", lambda ci, i, n, r: f"<ul><li>{icon}<span>{n}</span></li></ul>")
    return "html", _page(lst["title"], INTRO, body), _names_only(lst)


def category_rows_with_count_cell(lst):
    """A table of 序号, 姓名（名称）, 工作单位及职务 whose category rows span two columns and
    give the count in the third: “最美志愿者 | 共9名”."""
    rows = "<tr><th>序号</th><th>姓名（名称）</th><th>工作单位及职务</th></tr>"
    for cat in lst["categories"]:
        people = any(r for _, r in _entries(cat))
        rows += (f"<tr><td colspan='2'><b>{html.escape(cat['name'])}</b></td>"
                 f"<td>共{len(cat['entries'])}{'名' if people else '个'}</td></tr>")
        rows += "".join(f"<tr><td>{i}</td><td>{html.escape(n)}</td><td>{html.escape(r)}</td></tr>"
                        for i, (n, r) in enumerate(_entries(cat), 1))
    return "html", _page(lst["title"], INTRO, f"<table border='1'>{rows}</table>")


def utf16_tab_txt(lst):
    """Text saved by Windows Notepad as “Unicode”: UTF-16 with its byte order mark, CR LF line
    ends, a tab-parted table of 序号, 名称 and 类别."""
    lines = [lst["title"], "", *INTRO, "", "序号\t名称\t类别"]
    lines += [f"{number}\t{n}\t{category}" for number, category, n, _ in _numbered(lst)]
    return "txt", ("\r\n".join(lines) + "\r\n").encode("utf-16"), _names_only(lst)


def soft_hyphens_in_long_names(lst):
    """Long names broken for narrow screens with soft hyphens and <wbr> (“重庆科技馆&shy;“志愿者
    爱心科普活动”” and “…<wbr>…”), numbered under “一、” headings; the names as printed."""
    def breakable(n):
        if len(n) < 10:
            return html.escape(n)
        half = len(n) // 2
        return html.escape(n[:half]) + ("&shy;" if half % 2 else "<wbr>") + html.escape(n[half:])
    body = "".join(f"<p>{CN[ci]}、{html.escape(cat['name'])}</p>" + "".join(
        f"<p>{i}.{breakable(n)}</p>" for i, (n, _) in enumerate(_entries(cat), 1)) for ci, cat in enumerate(lst["categories"]))
    return "html", _page(lst["title"], INTRO, body), _names_only(lst)



# The seventy-second held-out round, written on 2026-12-05 (a sixth session): scored once.
def photo_cards_alt_names(lst):
    """Cards under <h3> categories, each a photo whose alt text is the name, then the name and
    the unit in paragraphs of their own."""
    body = _sections(lst, lambda ci, c: f"<h3>{c}</h3>",
                     lambda ci, i, n, r: f"<div class='card'><img src='/photos/{ci}-{i}.jpg' alt='{n}' width='120'>"
                                         f"<p class='name'>{n}</p>" + (f"<p class='unit'>{r}</p>" if r else "") + "</div>")
    return "html", _page(lst["title"], INTRO, body)


def per_character_spans(lst):
    """A page saved from Word as HTML with every character in a span of its own (“<span>陈</span>
    <span>建</span>…”), numbered entries with their units in brackets under “一、” headings."""
    def spans(text):
        return "".join(f"<span style='font-family:仿宋_GB2312'>{html.escape(ch)}</span>" for ch in text)
    body = "".join(f"<p class=MsoNormal>{spans(f'{CN[ci]}、' + cat['name'])}</p>" + "".join(
        f"<p class=MsoNormal>{spans(f'{i}.{n}' + _in_brackets(r))}</p>" for i, (n, r) in enumerate(_entries(cat), 1))
        for ci, cat in enumerate(lst["categories"]))
    return "html", _page(lst["title"], INTRO, body)


def truncated_names_with_titles(lst):
    """A column page listing each entry as a link whose text is cut short at fourteen characters
    with “…”, the whole name in its ``title``, under bold categories; the whole names."""
    def link(ci, i, n):
        shown = n if len(n) <= 14 else n[:13] + "…"
        return f'<li><a href="/zyfw/{ci}-{i}.html" title="{n}">{shown}</a></li>'
    body = _sections(lst, lambda ci, c: f"<p><b>{c}</b></p>", lambda ci, i, n, r: f"<ul>{link(ci, i, n)}</ul>")
    return "html", _page(lst["title"], INTRO, body), _names_only(lst)


def pdf_landscape_table(lst):
    """A Word table of 序号, 姓名（名称）, 工作单位及职务 and 类别 on landscape pages, printed
    to PDF by LibreOffice."""
    from docx import Document
    from docx.enum.section import WD_ORIENT

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    doc.add_paragraph(lst["title"])
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["序号", "姓名（名称）", "工作单位及职务", "类别"]):
        cell.text = text
    for number, category, n, r in _numbered(lst):
        for cell, text in zip(table.add_row().cells, [str(number), n, r, category]):
            cell.text = text
    return _saved_as(("docx", _saved(doc)), "pdf")



# The seventy-third held-out round, written on 2026-12-05 (a sixth session): scored once.
def pinyin_after_names(lst):
    """A bilingual portal's list: each person's name followed by its pinyin in brackets,
    “1.陈建钧（Chen Jianjun）”, organisations' names alone, under “一、” headings."""
    from pypinyin import lazy_pinyin

    def spelt(name):
        syllables = lazy_pinyin(name)
        return f"{syllables[0].capitalize()} {''.join(syllables[1:]).capitalize()}"
    return _cn_headings(lst, lambda i, n, r: f"{i}.{n}（{spelt(n)}）" if r else f"{i}.{n}")


def inline_he_before_last(lst):
    """Each category in one sentence, its last name joined by “和”: “最美志愿者：何素贞、黎雅红和谢彬蓉。”
    (a name may hold “和” itself: “重庆希望24心理热线和生命教育志愿服务项目”)."""
    def joined(names):
        return names[0] if len(names) == 1 else "、".join(names[:-1]) + "和" + names[-1]
    paras = [*INTRO] + [f"{c['name']}：{joined([n for n, _ in _entries(c)])}。" for c in lst["categories"]]
    return "html", _page(lst["title"], paras), _names_only(lst)


def pdf_sheet_gridlines(lst):
    """An Excel sheet of 序号, 姓名（名称）, 工作单位及职务 and 类别 with no cell borders,
    printed to PDF by LibreOffice with its gridlines."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([lst["title"]])
    sheet.append(["序号", "姓名（名称）", "工作单位及职务", "类别"])
    for number, category, n, r in _numbered(lst):
        sheet.append([number, n, r or None, category])
    for column, width in zip("ABCD", (6, 30, 46, 20)):
        sheet.column_dimensions[column].width = width
    sheet.print_options.gridLines = True
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    return _saved_as(("xlsx", _saved(book)), "pdf")


def docx_framed_in_one_cell(lst):
    """A Word file made from a template that frames the whole notice in a table of one cell:
    the title, “一、” headings and numbered names, all inside it."""
    from docx import Document

    doc = Document()
    frame = doc.add_table(rows=1, cols=1)
    frame.style = "Table Grid"
    cell = frame.rows[0].cells[0]
    cell.text = lst["title"]
    for ci, cat in enumerate(lst["categories"]):
        cell.add_paragraph(f"{CN[ci]}、{cat['name']}")
        for i, (n, _) in enumerate(_entries(cat), 1):
            cell.add_paragraph(f"{i}.{n}")
    return "docx", _saved(doc), _names_only(lst)



# The seventy-fourth held-out round, written on 2026-12-05 (a sixth session): scored once.
def checkbox_column_table(lst):
    """A table copied from a back-office system: a first column of checkboxes, then 序号 and
    单位名称, a row spanning it for each category."""
    box = '<input type="checkbox">'
    rows = _category_rows(lst, ["", "序号", "单位名称"], lambda i, n, r: f"<td>{box}</td><td>{i}</td><td>{html.escape(n)}</td>",
                          head=f"<tr><th>{box}</th><th>序号</th><th>单位名称</th></tr>")
    return "html", _page(lst["title"], INTRO, f"<table border='1'>{rows}</table>")


def transposed_tables(lst):
    """A table for each category under its heading, turned on its side: a row of numbers, a row
    of names (姓名（名称）), and for people a row of their units, each entry a column."""
    body = ""
    for ci, cat in enumerate(lst["categories"]):
        entries = _entries(cat)
        rows = "<tr><th>序号</th>" + "".join(f"<td>{i}</td>" for i in range(1, len(entries) + 1)) + "</tr>"
        rows += "<tr><th>姓名（名称）</th>" + "".join(f"<td>{html.escape(n)}</td>" for n, _ in entries) + "</tr>"
        if any(r for _, r in entries):
            rows += "<tr><th>工作单位及职务</th>" + "".join(f"<td>{html.escape(r)}</td>" for _, r in entries) + "</tr>"
        body += f"<p>{CN[ci]}、{html.escape(cat['name'])}</p><table border='1'>{rows}</table>"
    return "html", _page(lst["title"], INTRO, body)


def pdf_three_text_columns(lst):
    """A PDF printed from a Word file set in three text columns, numbered names running down
    each column in turn under each category's heading."""
    return _pdf_text_columns(lst, 3)


HELD_OUT_LAYOUTS = {
    "shanghai-2019": [br_lines, region_first_table, docx_merged_category_column, paren_headings_txt,
                      table_with_remarks, xlsx_two_row_header, docx_auto_numbered,
                      fullwidth_numbers, row_header_cells, district_after_name,
        repeated_header_table,  # eleventh round
        single_space_org_names,  # seventeenth round
        layout_table_wrapper, continuous_numbering,  # eighteenth round
        paren_category_dunhao_entries, place_after_name_table,  # nineteenth round
        xlsx_merged_name_cells,  # twentieth round
        nested_table,  # twenty-first round
        numbered_names_single_column,  # twenty-second round
        xlsx_text_numbers,  # twenty-fourth round
        pdf_merged_category_column,  # twenty-fifth round
        xlsx_form_rows_above_header,  # twenty-eighth round
        ol_continued,  # twenty-ninth round
        xlsx_summary_sheet_first,  # thirty-third round
        fullwidth_paren_numbers,  # thirty-fourth round
        xlsx_merged_district_column,  # thirty-sixth round
        xls_merged_category_rows,  # thirty-ninth round
        category_items_in_one_list,  # fortieth round
        spaced_enumerators,  # forty-fourth round
        related_news_after_list,  # forty-fifth round
        spaced_out_headings,  # forty-sixth round
        title_row_table, rowspan_district_table,  # forty-seventh round
        back_to_top_links,  # forty-eighth round
        word_pasted_html,  # forty-ninth round
        font_br_lines,  # fifty-second round
        table_with_empty_trailing_rows,  # fifty-third round
        xlsx_one_column_indented, count_in_em,  # fifty-fourth round
        xlsx_subtotal_rows, docx_numbered_grid,  # fifty-fifth round
        xlsx_blocks_with_blank_rows,  # fifty-ninth round
        aria_heading_divs,  # sixtieth round
        count_after_colon_in_words,  # sixty-second round
        note_row_in_table,  # sixty-third round
        pipe_separated_inline,  # sixty-fourth round
        txt_form_feeds,  # sixty-seventh round
        utf16_tab_txt,  # seventy-first round
        docx_framed_in_one_cell,  # seventy-third round
        checkbox_column_table],  # seventy-fourth round
    "redcross-2020": [unit_first_table, ods_sheet, dl_list, inline_roles_semicolons,
        nbsp_padding, docx_tab_roles,  # sixteenth round
        honorific_in_table,  # seventeenth round
        docx_blank_spacer_rows,  # eighteenth round
        strong_in_li,  # twentieth round
        people_table_with_attributes,  # twenty-first round
        bold_count_br,  # twenty-second round
        docx_heading_styles_bullets,  # twenty-sixth round
        doc_table, tfoot_note,  # twenty-ninth round
        photo_column_table,  # thirtieth round
        docx_name_over_unit_cells,  # thirty-third round
        xlsx_notes_above_header,  # forty-second round
        mismatched_brackets_roles,  # forty-fourth round
        th_numbers,  # forty-fifth round
        pdf_narrow_columns,  # forty-eighth round
        headerless_people_tables,  # forty-ninth round
        halfwidth_semicolons,  # fiftieth round
        details_sections,  # fifty-first round
        name_unit_one_cell,  # fifty-second round
        docx_photo_column,  # fifty-fifth round
        rowspan_category_last,  # fifty-sixth round
        halfwidth_roles_inline,  # fifty-ninth round
        xlsx_category_rows_with_counts_merged,  # sixty-first round
        xlsx_note_row_at_bottom,  # sixty-third round
        summary_table_before_lists,  # sixty-sixth round
        entries_as_headings,  # sixty-seventh round
        docx_spaced_header_table,  # seventieth round
        pdf_landscape_table,  # seventy-second round
        pdf_sheet_gridlines],  # seventy-third round
    "chongqing-2020": [docx_numbered, ordered_lists, nested_lists, docx_people_table, bold_inline,
        circled_numbers,  # eleventh round
        label_per_line,  # twelfth round
        halfwidth_brackets_roles,  # sixteenth round
        quoted_category_headings,  # seventeenth round
        bold_first_entry,  # eighteenth round
        count_with_gong,  # twentieth round
        middle_dot_bullets, thead_td_blank_numbers,  # twenty-first round
        inline_with_deng,  # twenty-third round
        docx_inline_paragraphs,  # twenty-fourth round
        xlsx_names_in_one_cell,  # twenty-fifth round
        semicolon_entries,  # twenty-seventh round
        gong_count_before_colon, li_inline_lists,  # thirty-third round
        div_grid,  # thirty-fourth round
        paren_close_numbers,  # thirty-sixth round
        toc_then_sections,  # thirty-seventh round
        nbsp_inline_numbered,  # thirty-ninth round
        xlsx_offset_table,  # fortieth round
        pdf_with_running_header_footer, spaced_dunhao,  # forty-first round
        colon_then_names_below,  # forty-third round
        li_name_br_role,  # forty-fourth round
        pagination_after_list,  # forty-fifth round
        em_names_units,  # forty-sixth round
        inline_roles_dunhao,  # forty-eighth round
        li_spans,  # fifty-first round
        name_cards,  # fifty-second round
        semicolon_roles_numbered_inline, xlsx_numbered_blocks_per_category,  # fifty-third round
        strong_category_br_roles,  # fifty-eighth round
        numbered_semicolon_roles_lines,  # sixty-first round
        txt_running_title_repeated,  # sixty-second round
        table_with_code_column,  # sixty-fifth round
        spacer_columns_table,  # sixty-eighth round
        zero_width_in_names,  # seventy-first round
        photo_cards_alt_names,  # seventy-second round
        inline_he_before_last],  # seventy-third round
    "neimenggu-2018": [pdf_numbered, caption_tables,
        comma_inline,  # twelfth round
        tbody_per_category,  # fifteenth round
        diamond_bullets,  # eighteenth round
        blockquote_list,  # nineteenth round
        docx_category_row_above_header,  # twentieth round
        wechat_sections,  # twenty-first round
        comrade_inline,  # twenty-third round
        indented_paragraphs,  # twenty-fifth round
        count_after_space,  # twenty-sixth round
        two_level_headings,  # twenty-seventh round
        docx_vertical_category,  # thirty-first round
        fullwidth_digit_headings,  # thirty-fifth round
        pdf_category_column,  # thirty-seventh round
        gbk_crlf_txt,  # thirty-eighth round
        bold_label_span_names, docx_unmerged_category_first_row,  # forty-second round
        bold_heading_before_tables,  # forty-fourth round
        ascii_quoted_inline,  # forty-fifth round
        fullwidth_digit_space,  # forty-sixth round
        xlsx_name_newline_unit,  # forty-seventh round
        xlsx_category_column_with_counts,  # forty-eighth round
        docx_category_column_with_counts,  # fiftieth round
        caption_with_count,  # fifty-first round
        docx_numbered_category_rows,  # fifty-fourth round
        xls_unmerged_category_rows,  # fifty-fifth round
        tag_per_line,  # fifty-sixth round
        docx_heading_count_line_under,  # sixty-first round
        xlsx_unit_before_name,  # sixty-second round
        bracket_heading_count_after,  # sixty-ninth round
        asterisk_marked_names,  # seventieth round
        svg_icon_items,  # seventy-first round
        per_character_spans],  # seventy-second round
}


# Held-out layouts that failed when scored, and that the extractor then learnt: development
# pages now, whatever their list's split. Their scores when held out are in bench/README.md.
TUNED_LAYOUTS = {
    "ningbo-2024": [honoured_sentences],          # first round: 0.000
    "shanghai-2019": [pdf_table, rowspan_table,   # first round: 0.963; third round: 0.182
                      two_per_row_table, symbol_bullets,  # fourth round: 0.667, 0.000
                      zero_padded_numbers, tab_separated_txt,  # fifth round: 0.000, 0.000
                      pdf_two_row_header,         # sixth round: 0.000
                      chinese_numeral_counts,     # seventh round: 0.000
                      heading_count_in_span,      # eighth round: 0.000
                      single_column_tables,       # ninth round: 0.400
                      space_aligned_txt,          # eleventh round: 0.000
                      linked_list_items,          # twelfth round: 0.000
                      pdf_name_grid,              # thirteenth round: 0.000
                      span_number_name,           # fourteenth round: 0.000
                      status_brackets, footnote_markers,  # fifteenth round: 0.000, 0.600
                      ordinal_category_prefix,    # sixteenth round: 0.000
                      numbered_prose_then_list,   # seventeenth round: 0.976
                      wrapped_br_cells,           # twenty-fourth round: 0.667
                      starred_headings,           # twenty-sixth round: 0.000
                      text_with_page_marks,       # twenty-seventh round: 0.941
                      xlsx_number_in_name_cell,   # thirtieth round: 0.000
                      numbered_colon,             # thirty-first round: 0.000
                      hierarchical_numbers,       # thirty-second round: 0.000
                      colspan_group_header,       # thirty-fifth round: 0.000
                      letter_headings,            # thirty-sixth round: 0.000
                      grid_with_category_rows,    # thirty-seventh round: 0.000
                      pdf_numbered_rows,          # thirty-eighth round: 0.143
                      arrow_bullets,              # thirty-ninth round: 0.000
                      xlsx_side_by_side_blocks,   # forty-first round: 0.000
                      pdf_two_text_columns,       # forty-second round: 0.557
                      markdown_pipe_table,        # forty-third round: 0.000
                      gongji_counts,              # forty-ninth round: 0.000
                      numbered_grid_cells,        # fiftieth round: 0.000
                      tab_panels,                 # fifty-first round: 0.000
                      issuer_after_list,          # fifty-sixth round: 0.976
                      category_year_note,         # fifty-seventh round: 0.000
                      heading_full_stop,          # fifty-ninth round: 0.000
                      p_per_category_names_in_spans_with_commas,  # sixty-first round: 0.000
                      img_alt_headings,           # sixty-fourth round: 0.000
                      et_al_count_in_words,       # sixty-fifth round: 0.900
                      detail_links_after_entries,  # sixty-sixth round: 0.000
                      bracket_footnote_refs,      # sixty-seventh round: 0.000
                      captions_below_tables,      # sixty-eighth round: 0.000
                      year_prefixed_list_headings,  # sixty-ninth round: 0.000
                      category_per_column_table,  # seventieth round: 0.000
                      truncated_names_with_titles],  # seventy-second round: 0.000
    "redcross-2020": [spaced_names,               # second round: 0.000
                      name_over_role_cells,       # eighth round: 0.600
                      role_line_under_name, name_dash_role, name_colon_role,  # tenth round: 0.727, 0.250, 0.250
                      comrade_suffix, comma_bio,  # tenth round: 0.250, 0.400
                      br_names_in_cell, xlsx_with_form_rows,  # twelfth round: 0.000, 0.960
                      docx_headerless_people_table,  # thirteenth round: 0.400
                      halfwidth_punctuation,      # fourteenth round: 0.880
                      profile_sections,           # nineteenth round: 0.286
                      photo_grid, keyvalue_blocks,  # twenty-third round: 0.400, 0.000
                      heading_with_two_notes,     # twenty-fifth round: 0.000
                      docx_labelled_category_rows, xlsx_category_in_header,  # twenty-seventh round: 0.000, 0.000
                      hyphen_units,               # twenty-eighth round: 0.917
                      en_dash_units,              # thirty-first round: 0.250
                      count_on_own_line,          # thirty-second round: 0.000
                      small_roles,                # thirty-fourth round: 0.917
                      numbered_semicolon_line,    # thirty-fifth round: 0.000
                      subtotal_counts,            # twenty-ninth round: 0.000
                      docx_table_in_layout_table,  # thirty-sixth round: 0.000
                      markdown_txt,               # thirty-seventh round: 0.000
                      xlsx_instructions_sheet,    # thirty-eighth round: 0.960
                      xlsx_numeral_category_rows,  # thirty-ninth round: 0.000
                      role_before_name_lines,     # fortieth round: 0.917
                      card_tables,                # forty-first round: 0.000
                      docx_content_controls,      # forty-third round: 0.000
                      docx_title_repeated_per_page,  # forty-sixth round: 0.960
                      sup_footnote_names,         # forty-seventh round: 0.417
                      docx_single_column_numbered,  # fiftieth round: 0.000
                      no_numbering,               # fifty-second round: 0.000
                      ruby_pinyin_names,          # fifty-third round: 0.000
                      pdf_sheet_category_column,  # fifty-first round: 0.000
                      units_in_names_cell,        # fifty-fourth round: 0.375
                      list_then_bios,             # fifty-seventh round: 0.960
                      spaced_names_in_cell, joint_entry_rows,  # fifty-eighth round: 0.000, 0.880
                      headerless_category_name_rows, spaced_roles_inline,  # sixtieth round: 0.727, 0.400
                      bold_name_space_unit,       # sixty-second round: 0.917
                      unit_colon_name_lines,      # sixty-fourth round: 0.250
                      float_right_roles,          # sixty-fifth round: 0.250
                      tab_txt_category_once,      # sixty-sixth round: 0.182
                      fullwidth_padded_names,     # sixty-eighth round: 0.917
                      links_with_role_in_title,   # sixty-ninth round: 0.800
                      category_rows_with_count_cell,  # seventy-first round: 0.000
                      pdf_three_text_columns],    # seventy-fourth round: 0.960
    "chongqing-2020": [xlsx_sheet_per_category, docx_table_per_category,  # second round: 0.000; third: 0.000
                       lenticular_headings,       # fourth round: 0.000
                       xlsx_category_per_column,  # sixth round: 0.000
                       docx_line_breaks, xlsx_sparse_category_column,  # seventh round: 0.000, 0.333
                       count_before_colon, arabic_headings_paren_entries,  # eighth round: 0.000, 0.000
                       award_clause_per_entry, spans_in_one_paragraph,  # ninth round: 0.000 each
                       semicolon_line_under_heading,  # ninth round: 0.000
                       and_before_last,           # eleventh round: 0.750
                       gender_brackets, recommended_by_brackets,  # thirteenth round: 0.750, 0.000
                       slash_separated,           # fourteenth round: 0.000
                       award_title_headings, names_cell_with_dunhao,  # fifteenth round: 0.000, 0.000
                       checkmark_matrix,          # nineteenth round: 0.000
                       org_dash_unit,             # twentieth round: 0.000
                       wrapped_inline_txt, xlsx_sheet_titles_as_categories,  # twenty-second round: 0.800, 0.000
                       names_in_lenticular,       # twenty-third round: 0.000
                       docx_tab_names,            # twenty-fourth round: 0.818
                       inline_numbered_run,       # twenty-fifth round: 0.000
                       docx_name_grid, inline_with_order_note,  # twenty-sixth round: 0.857, 0.667
                       div_items, respectively_shi,  # twenty-eighth round: 0.000, 0.000
                       inline_single_spaces,      # twenty-ninth round: 0.000
                       roman_headings,            # thirtieth round: 0.000
                       bracket_category_inline, nbsp_separated_names,  # thirty-first round: 0.000, 0.818
                       and_ji_inline, pdf_inline_lists,  # thirty-second round: 0.400, 0.800
                       circled_inline, docx_table_captions,  # thirty-fifth round: 0.000, 0.000
                       xlsx_names_across_columns,  # thirty-seventh round: 0.588
                       th_category_names_across,  # thirty-eighth round: 0.000
                       zero_width_spaces,         # fortieth round: 0.000
                       linked_inline_names,       # thirty-fourth round: 0.400
                       region_tags,               # forty-second round: 0.250
                       xlsx_hidden_sheet,         # forty-third round: 0.923
                       bracket_numeral_headings,  # forty-fourth round: 0.000
                       docx_number_tab_name_tab_unit,  # forty-fifth round: 0.000
                       parens_inline_numbers,     # forty-sixth round: 0.000
                       dot_leaders,               # forty-seventh round: 0.750
                       slash_units,               # forty-ninth round: 0.750
                       lenticular_numbers,        # fiftieth round: 0.000
                       paren_district_prefix,     # fifty-fourth round: 0.250
                       pdf_inline_numbered,       # fifty-fifth round: 0.800
                       indented_continuations_txt, ol_in_names_cell,  # fifty-sixth round: 0.692, 0.818
                       docx_nbsp_units,           # fifty-seventh round: 0.750
                       inline_count_no_colon,     # fifty-eighth round: 0.000
                       numeral_count_before_colon,  # fifty-ninth round: 0.000
                       district_groups_inline,    # sixtieth round: 0.857
                       table_district_subrows,    # sixty-second round: 0.667
                       dash_count_headings,       # sixty-third round: 0.000
                       number_badges,             # sixty-fourth round: 0.667
                       bilingual_table_header,    # sixty-fifth round: 0.000
                       carousel_with_duplicate_slides,  # sixty-sixth round: 0.750
                       middle_dot_separated_inline,  # sixty-seventh round: 0.000
                       dash_framed_headings,      # sixty-ninth round: 0.000
                       spaced_header_labels_table, ascii_roman_headings,  # seventieth round: 0.000, 0.000
                       soft_hyphens_in_long_names,  # seventy-first round: 0.833
                       transposed_tables],        # seventy-fourth round: 0.000
    "neimenggu-2018": [name_grid,                 # fourth round: 0.000
                       category_after_each_name,  # fifth round: 0.000
                       many_categories_one_paragraph,  # thirteenth round: 0.000
                       pre_block, list_suffix_headings,  # fourteenth round: 0.000, 0.000
                       wrapped_names_txt,         # sixteenth round: 0.667
                       xlsx_total_row,            # seventeenth round: 0.941
                       award_name_column,         # twenty-second round: 0.000
                       wei_inline,                # twenty-fourth round: 0.000
                       parenthesized_numerals,    # twenty-eighth round: 0.000
                       category_links, trailing_dunhao_lines,  # thirtieth round: 0.000, 0.857
                       closing_count_lines,       # thirty-second round: 0.800
                       keycap_numbers,            # thirty-third round: 0.000
                       count_sentence_lead,       # thirty-fourth round: 0.000
                       notice_with_contacts,      # thirty-sixth round: 0.941
                       duplicated_mobile_block,   # thirty-eighth round: 0.593
                       p_names_in_cell,           # thirty-ninth round: 0.000
                       inline_count_after_list,   # fortieth round: 0.500
                       paren_category_prefix,     # forty-first round: 0.000
                       docx_tracked_insertion,    # forty-third round: 0.500
                       spaced_comrade,            # forty-eighth round: 0.750
                       dash_bullets,              # forty-ninth round: 0.000
                       they_are_inline,           # fifty-second round: 0.000
                       bracket_count_suffix_lines,  # fifty-third round: 0.000
                       have_names_count,          # fifty-seventh round: 0.000
                       emoji_after_names,         # fifty-eighth round: 0.000
                       markdown_bold_txt,         # fifty-ninth round: 0.000
                       side_by_side_layout_cells,  # sixty-third round: 0.000
                       bilingual_headings,        # sixty-fourth round: 0.000
                       icon_font_headings,        # sixty-fifth round: 0.000
                       rule_after_headings,       # sixty-sixth round: 0.000
                       xlsx_english_second_header_row,  # sixty-seventh round: 0.941
                       emoji_after_headings,      # sixty-eighth round: 0.000
                       pinyin_after_names],       # seventy-third round: 0.750
}

LAYOUTS = {
    "shanghai-2019": [numbered_headings, table_category_rows, two_tables, inline, colon_lines, award_lines,
                      numbered_with_status, docx_table, xlsx_sheet, xls_category_column],
    "ningbo-2024": [running_text, count_colon_lines, respectively],
    "redcross-2020": [bracket_roles, fullwidth_roles, person_table, respectively, docx_table],
    "neimenggu-2018": [published_neimenggu],
    "chongqing-2020": [published_chongqing, xlsx_sheet],
    "shenzhen-2024": [published_shenzhen],
    "nanping-2021": [published_nanping],
    "neijiang-sichuan": [published_neijiang],
    "sanming-2023": [published_sanming],
}


def main() -> None:
    lists = yaml.safe_load((HERE / "lists.yaml").read_text(encoding="utf-8"))
    out = HERE / "corpus"
    out.mkdir(exist_ok=True)
    truth = {}
    pages = [(list_id, layout, lists[list_id]["split"]) for list_id, layouts in LAYOUTS.items() for layout in layouts]
    pages += [(list_id, layout, "held_out") for list_id, layouts in HELD_OUT_LAYOUTS.items() for layout in layouts]
    pages += [(list_id, layout, "dev") for list_id, layouts in TUNED_LAYOUTS.items() for layout in layouts]
    for list_id, layout, split in pages:
        lst = lists[list_id]
        made = layout(lst)
        if made is None:
            print(f"{list_id}.{layout.__name__}: left out (LibreOffice is not installed)")
            continue
        ext, text, *listed = made
        categories = listed[0] if listed else lst["categories"]  # what the page prints, when not all of it
        name = f"{list_id}.{layout.__name__}.{ext}"
        if isinstance(text, bytes):
            (out / name).write_bytes(text)
        else:
            (out / name).write_text(text, encoding="utf-8")
        truth[name] = {"split": split, "layout": layout.__name__,
                       "entries": [[c["name"], n, r] for c in categories for n, r in _entries(c)]}
    (HERE / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(truth)} pages in {out}")


if __name__ == "__main__":
    main()
