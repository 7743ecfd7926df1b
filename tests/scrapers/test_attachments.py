"""Lists that come as attachments: Word, Excel, ODS, PDF and WPS files, and the files that cannot be read."""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from scrapers.attachments import AttachmentError, read
from scrapers.extract import extract_attachment
from helpers import copy_project
from scrapers.ingest import Ingest

TITLE = "2019年度上海市社区志愿服务示范中心名单"
LIST = {  # from the published list (../shared/seeds/002)
    "制度创新示范中心": ["嘉定区菊园新区社区志愿服务中心", "长宁区虹桥街道社区志愿服务中心", "徐汇区斜土街道社区志愿服务中心"],
    "品牌创新示范中心": ["金山区廊下镇社区志愿服务中心", "徐汇区枫林街道社区志愿服务中心"],
}
PAIRS = [(c, n) for c, names in LIST.items() for n in names]


def _docx() -> bytes:
    from docx import Document

    doc = Document()
    doc.add_paragraph("附件")
    doc.add_paragraph(TITLE)
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"  # ruled, as official lists are printed
    for cell, text in zip(table.rows[0].cells, ["序号", "单位名称", "所在区"]):
        cell.text = text
    for category, names in LIST.items():
        row = table.add_row().cells
        merged = row[0].merge(row[2])  # a category row across the table
        merged.text = category
        for i, name in enumerate(names, 1):
            cells = table.add_row().cells
            cells[0].text, cells[1].text, cells[2].text = str(i), name, name[:3]
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _xlsx() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([TITLE])
    sheet.merge_cells("A1:C1")
    sheet.append(["序号", "名称", "所在区"])
    for category, names in LIST.items():
        sheet.append([category])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=3)
        for i, name in enumerate(names, 1):
            sheet.append([i, name, name[:3]])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _workbook(sheets: dict[str, list[list]]) -> bytes:
    """An .xlsx file of these sheets, each its rows."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _xls() -> bytes:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("名单")
    sheet.write_merge(0, 0, 0, 2, TITLE)
    for col, text in enumerate(["序号", "名称", "所在区"]):
        sheet.write(1, col, text)
    r = 2
    for category, names in LIST.items():
        sheet.write_merge(r, r, 0, 2, category)
        r += 1
        for i, name in enumerate(names, 1):
            sheet.write(r, 0, i)
            sheet.write(r, 1, name)
            sheet.write(r, 2, name[:3])
            r += 1
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _convert(data: bytes, suffix: str, to: str, tmp_path: Path) -> bytes:
    """A file converted by LibreOffice, as a portal's staff would save it (make test installs it)."""
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    assert binary, "LibreOffice is needed: make test installs it with apt-get"
    tmp_path.mkdir(parents=True, exist_ok=True)
    source = tmp_path / f"in{suffix}"
    source.write_bytes(data)
    subprocess.run([binary, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", to, "--outdir", str(tmp_path / "out"), str(source)],
                   capture_output=True, timeout=180, check=True)
    return (tmp_path / "out" / f"in.{to.split(':')[0]}").read_bytes()


def _pairs(data: bytes, name: str) -> list[tuple[str, str]]:
    article = extract_attachment(data, name)
    assert article.reason is None, article.reason
    return [(e.category, e.name) for e in article.list_entries]


def test_a_word_table_with_merged_category_rows_gives_every_entry_under_its_category():
    assert _pairs(_docx(), "附件1.docx") == PAIRS
    assert extract_attachment(_docx(), "附件1.docx").title == TITLE


def test_excel_sheets_with_a_title_row_and_merged_category_rows():
    assert _pairs(_xlsx(), "名单.xlsx") == PAIRS
    assert _pairs(_xls(), "名单.xls") == PAIRS
    assert extract_attachment(_xlsx(), "名单.xlsx").title == TITLE


def test_ods_pdf_and_wps_files(tmp_path):
    assert _pairs(_convert(_xlsx(), ".xlsx", "ods", tmp_path / "ods"), "名单.ods") == PAIRS
    assert _pairs(_convert(_docx(), ".docx", "pdf", tmp_path / "pdf"), "名单.pdf") == PAIRS
    # Through .odt: LibreOffice's .doc export drops the tables of a file python-docx wrote.
    odt = _convert(_docx(), ".docx", "odt", tmp_path / "odt")
    assert _pairs(_convert(odt, ".odt", "doc", tmp_path / "doc"), "名单.wps") == PAIRS
    assert _pairs(_convert(_xlsx(), ".xlsx", "xls", tmp_path / "et"), "名单.et") == PAIRS


def test_files_that_cannot_be_read_say_why(tmp_path, monkeypatch):
    import pypdf
    from msoffcrypto.format.ooxml import OOXMLFile
    from PIL import Image

    with pytest.raises(AttachmentError, match="损坏"):
        read(b"PK\x03\x04 not really a zip", "名单.docx")
    with pytest.raises(AttachmentError, match="损坏"):
        read(b"\x00\x01garbage" * 100, "名单.xlsx")

    locked = io.BytesIO()
    OOXMLFile(io.BytesIO(_docx())).encrypt("secret", locked)
    with pytest.raises(AttachmentError, match="密码"):
        read(locked.getvalue(), "名单.docx")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(_convert(_docx(), ".docx", "pdf", tmp_path)))
    writer.encrypt("secret")
    locked_pdf = io.BytesIO()
    writer.write(locked_pdf)
    with pytest.raises(AttachmentError, match="密码"):
        read(locked_pdf.getvalue(), "名单.pdf")

    scan = io.BytesIO()
    Image.new("RGB", (600, 800), "white").save(scan, "PDF")
    with pytest.raises(AttachmentError, match="OCR"):
        read(scan.getvalue(), "扫描件.pdf")

    monkeypatch.setattr("scrapers.attachments.MAX_BYTES", 1000)
    with pytest.raises(AttachmentError, match="上限"):
        read(_docx(), "名单.docx")
    monkeypatch.undo()

    monkeypatch.setattr("scrapers.attachments.soffice", lambda: None)
    with pytest.raises(AttachmentError, match="LibreOffice.*另存为 .docx"):
        read(b"\xd0\xcf\x11\xe0" + b"\x00" * 600, "名单.wps")


def test_ingesting_an_attachment_drafts_an_edition_and_writes_no_news(tmp_path):
    project = copy_project(tmp_path / "project")
    for edition in (project / "content/records/editions").glob("shanghai-*"):
        edition.unlink()  # as before the list was entered
    attachment = tmp_path / "附件1：2019年度上海市社区志愿服务示范中心名单.docx"
    attachment.write_bytes(_docx())
    news_before = sorted((project / "content/news").iterdir())
    report = Ingest(project).run([str(attachment)])
    assert sorted((project / "content/news").iterdir()) == news_before
    created = [line for line in report.created if line.startswith("content/records/editions/")]
    assert len(created) == 1, report.lines()
    data = yaml.safe_load((project / created[0]).read_text(encoding="utf-8"))
    assert data["title"] == "2019年度上海市社区志愿服务示范中心"
    assert [(c["name"], e["name"]) for c in data["categories"] for e in c["entries"]] == PAIRS

    # The same list again, now that the site has it: nothing is written, and the report says so.
    again = Ingest(project).run([str(attachment)])
    assert not again.created and not again.merged
    assert any("已有全部条目" in line for line in again.linked), again.lines()


def test_a_bad_attachment_writes_nothing(project, tmp_path):
    broken = tmp_path / "名单.xlsx"
    broken.write_bytes(b"not a spreadsheet at all" * 10)
    before = sorted(p for p in (project / "content").rglob("*"))
    report = Ingest(project).run([str(broken)])
    assert sorted(p for p in (project / "content").rglob("*")) == before
    assert any("损坏" in line for line in report.skipped + report.failed), report.lines()


def test_a_pdf_table_row_broken_by_the_page_is_one_entry(tmp_path):
    """Rows of two lines, with the page break inside one of them (as LibreOffice prints them)."""
    from docx import Document
    from docx.shared import Cm

    names = [f"上海市某某区某某街道第{i}社区新时代文明实践志愿服务中心" for i in range(1, 61)]
    doc = Document()
    doc.add_paragraph(TITLE)
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "序号", "名称"
    for i, name in enumerate(names, 1):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = str(i), name
    for row in table.rows:
        row.cells[1].width = Cm(4)  # each name wraps onto a second line
    buf = io.BytesIO()
    doc.save(buf)
    pdf = _convert(buf.getvalue(), ".docx", "pdf", tmp_path)

    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        openings = [t.extract()[0] for page in opened.pages[1:] for t in page.find_tables()[:1]]
    assert any(not row[0] for row in openings), "no row was broken by a page: make the table longer"
    assert [e.name for e in extract_attachment(pdf, "名单.pdf").list_entries] == names


def test_an_article_that_links_its_list_as_a_file_gives_the_edition_with_the_file_to_download(tmp_path):
    from pageserver import PageServer, Route, article_html
    from scrapers.fetch import Fetcher

    from generator.engine.build import build
    from helpers import page, text_of

    project = copy_project(tmp_path / "project")
    original = _docx()
    links = ('<p>附件：<a href="/files/mingdan.docx">2019年度上海市社区志愿服务示范中心名单.docx</a></p>'
             '<p><a href="/private/neibu.xlsx">内部名单.xlsx</a></p><p><a href="/files/broken.docx">说明.docx</a></p>')
    with PageServer() as server:
        server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"})
        server.routes["/news/1.html"] = Route(article_html(
            "2019年度上海市社区志愿服务示范中心名单公布", ["经评审，40家社区志愿服务中心获评示范中心，名单见附件。"], extra=links))
        server.routes["/files/mingdan.docx"] = Route(original, headers={"Content-Type": "application/octet-stream"})
        server.routes["/files/broken.docx"] = Route(b"PK\x03\x04 not a word file", headers={"Content-Type": "application/octet-stream"})
        server.routes["/private/neibu.xlsx"] = Route(_xlsx(), headers={"Content-Type": "application/octet-stream"})
        with Fetcher(tmp_path / "cache", delay=0, timeout=2.0, retries=0) as fetcher:
            report = Ingest(project, fetcher=fetcher).run([server.url("/news/1.html")])
        assert "/private/neibu.xlsx" not in server.hits  # robots.txt says no

    assert any("内部名单" in line and "robots.txt" in line for line in report.failed), report.lines()
    assert any("说明" in line for line in report.skipped), report.lines()
    # The sample project has this edition: the file joins it, and its entries are all there already.
    path = project / "content/records/editions/shanghai-shequ-zhiyuan-shifan-2019.yaml"
    edition = yaml.safe_load(path.read_text(encoding="utf-8"))
    names = {e["name"] for c in edition["categories"] for e in c["entries"]}
    assert {name for _, name in PAIRS} <= names
    [attached] = edition["attachments"]
    assert attached["title"] == "2019年度上海市社区志愿服务示范中心名单.docx"
    assert (project / "content/attachments" / attached["file"]).read_bytes() == original

    site = build(project, search=False).output
    link = page(site, "editions/shanghai-shequ-zhiyuan-shifan-2019/").select_one("ul.downloads a")
    assert text_of(link) == "2019年度上海市社区志愿服务示范中心名单.docx"
    assert (site / link["href"].removeprefix("../../")).read_bytes() == original

    with PageServer() as server:  # the same notice again: nothing new, nothing written twice
        server.routes["/news/1.html"] = Route(article_html(
            "2019年度上海市社区志愿服务示范中心名单公布", ["经评审，40家社区志愿服务中心获评示范中心，名单见附件。"], extra=links))
        server.routes["/files/mingdan.docx"] = Route(original, headers={"Content-Type": "application/octet-stream"})
        with Fetcher(tmp_path / "cache2", delay=0, timeout=2.0, retries=0) as fetcher:
            Ingest(project, fetcher=fetcher).run([server.url("/news/1.html")])
    assert len(yaml.safe_load(path.read_text(encoding="utf-8"))["attachments"]) == 1
    assert len(list((project / "content/attachments").rglob("*.docx"))) == 1


def test_a_new_edition_from_a_linked_file_lists_the_file_it_came_from(tmp_path):
    from pageserver import PageServer, Route, article_html
    from scrapers.fetch import Fetcher

    project = copy_project(tmp_path / "project")
    links = '<p>附件：<a href="/f/2021.docx">2021年度名单.docx</a></p>'
    original = _docx()
    with PageServer() as server:
        server.routes["/n.html"] = Route(article_html("2021年度上海市社区志愿服务示范中心名单公布",
                                                      ["经评审，确定以下社区志愿服务中心为示范中心，名单见附件。"], extra=links))
        server.routes["/f/2021.docx"] = Route(original, headers={"Content-Type": "application/octet-stream"})
        with Fetcher(tmp_path / "cache", delay=0, timeout=2.0, retries=0) as fetcher:
            report = Ingest(project, fetcher=fetcher).run([server.url("/n.html")])
    path = next(project / c for c in report.created if c.startswith("content/records/editions/"))
    edition = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert edition["year"] == 2021 and [(c["name"], e["name"]) for c in edition["categories"] for e in c["entries"]] == PAIRS
    assert [a["title"] for a in edition["attachments"]] == ["2021年度名单.docx"]
    assert (project / "content/attachments" / edition["attachments"][0]["file"]).read_bytes() == original


def test_a_workbook_with_a_sheet_for_each_category_names_each_category_by_its_sheet():
    sheets = {category: [["序号", "名称"], *([i, name] for i, name in enumerate(names, 1))]
              for category, names in LIST.items()}
    assert _pairs(_workbook(sheets), "名单.xlsx") == PAIRS


def _word_table(parent, lists: dict[str, list[str]], category_rows: bool) -> None:
    """A table of 序号 and 名称 in ``parent`` (a Word document or a table's cell), the names of
    ``lists`` numbered, each category on a merged row above its names if ``category_rows``."""
    table = parent.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "序号", "名称"
    for category, names in lists.items():
        if category_rows:
            row = table.add_row()
            row.cells[0].merge(row.cells[1]).text = category
        for i, name in enumerate(names, 1):
            cells = table.add_row().cells
            cells[0].text, cells[1].text = str(i), name


def test_a_word_file_with_a_heading_and_a_table_for_each_category():
    from docx import Document

    doc = Document()
    doc.add_paragraph(TITLE)
    for n, (category, names) in enumerate(LIST.items()):
        doc.add_paragraph(f"{'一二'[n]}、{category}")
        _word_table(doc, {category: names}, category_rows=False)
    buf = io.BytesIO()
    doc.save(buf)
    assert _pairs(buf.getvalue(), "名单.docx") == PAIRS


def test_a_word_form_whose_list_table_sits_inside_a_layout_table():
    from docx import Document

    doc = Document()
    cell = doc.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].text = TITLE
    _word_table(cell, LIST, category_rows=True)
    buf = io.BytesIO()
    doc.save(buf)
    assert _pairs(buf.getvalue(), "名单.docx") == PAIRS


def test_a_word_paragraph_that_parts_its_entries_by_line_breaks_gives_each_entry():
    from docx import Document

    doc = Document()
    para = doc.add_paragraph()
    para.add_run("制度创新示范中心").bold = True
    for name in LIST["制度创新示范中心"]:
        run = para.add_run()
        run.add_break()
        run.add_text(name)
    buf = io.BytesIO()
    doc.save(buf)
    assert _pairs(buf.getvalue(), "名单.docx") == [("制度创新示范中心", n) for n in LIST["制度创新示范中心"]]


def test_a_returned_form_s_filing_and_contact_rows_are_no_entries():
    form = _workbook({"Sheet1": [
        ["2020年度最美志愿者推荐名单"],
        ["填报单位（盖章）：市文明办", None, "填报日期：2024年5月20日"],
        ["序号", "类别", "姓名（名称）", "工作单位及职务"],
        [1, "最美志愿者", "李峰威", "北京市红十字雷锋车队应急救援志愿服务队队长"],
        [2, "最佳志愿服务组织", "天津市宝坻区红十字蓝天救援队", None],
        ["填表人：王某某", None, "联系电话：0571-88888888"]]})
    assert _pairs(form, "名单.xlsx") == [("最美志愿者", "李峰威"), ("最佳志愿服务组织", "天津市宝坻区红十字蓝天救援队")]


def _headed_tables(people: bool) -> bytes:
    """A Word file with a heading paragraph over a headerless table for each category:
    people's names and units, or a grid of names three a row."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("2020年度名单")
    if people:
        doc.add_paragraph("一、最美志愿者")
        table = doc.add_table(rows=0, cols=2)
        for name, unit in (("李峰威", "北京市红十字雷锋车队应急救援志愿服务队队长"), ("吴 衡", "上海市金山区造血干细胞捐献志愿者团队骨干志愿者")):
            cells = table.add_row().cells
            cells[0].text, cells[1].text = name, unit
    else:
        for i, (category, names) in enumerate(LIST.items()):
            doc.add_paragraph(f"{'一二'[i]}、{category}")
            table = doc.add_table(rows=0, cols=3)
            table.style = "Table Grid"
            for j in range(0, len(names), 3):
                for cell, name in zip(table.add_row().cells, names[j:j + 3]):
                    cell.text = name
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_headerless_tables_under_headings_in_word_and_in_pdf(tmp_path):
    article = extract_attachment(_headed_tables(people=True), "名单.docx")
    assert [(e.category, e.name, e.role) for e in article.list_entries] == [
        ("最美志愿者", "李峰威", "北京市红十字雷锋车队应急救援志愿服务队队长"),
        ("最美志愿者", "吴 衡", "上海市金山区造血干细胞捐献志愿者团队骨干志愿者")]
    # Printed to PDF the heading is a line of the page above each table, not part of it.
    assert _pairs(_convert(_headed_tables(people=False), ".docx", "pdf", tmp_path / "pdf"), "名单.pdf") == PAIRS


def test_sheets_named_附件_take_their_category_from_the_title_row():
    sheets = {f"附件{i}": [[f"附件{i}：{category}名单"], ["序号", "名称"], *([j, name] for j, name in enumerate(names, 1))]
              for i, (category, names) in enumerate(LIST.items(), 1)}
    assert _pairs(_workbook(sheets), "名单.xlsx") == PAIRS


def test_a_pdf_s_inline_list_wrapped_mid_name_and_digits_set_apart_keep_every_name_whole(tmp_path):
    from docx import Document

    doc = Document()
    doc.add_paragraph("2020年度全国学雷锋志愿服务“四个100”先进典型重庆入选名单")
    para = doc.add_paragraph()
    para.add_run("最佳志愿服务项目：").bold = True
    projects = ["重庆科技馆“志愿者爱心科普活动”", "梁平癞子锣鼓传承“1+1+6”志愿服务项目", "重庆希望24心理热线和生命教育志愿服务项目"]
    para.add_run("、".join(projects))
    buf = io.BytesIO()
    doc.save(buf)
    pdf = _convert(buf.getvalue(), ".docx", "pdf", tmp_path)
    assert _pairs(pdf, "名单.pdf") == [("最佳志愿服务项目", p) for p in projects]


def test_a_pdf_that_sets_three_numbered_entries_a_line_and_wraps_them_keeps_every_name_whole(tmp_path):
    from docx import Document

    doc = Document()
    doc.add_paragraph(TITLE)
    doc.add_paragraph("一、制度创新示范中心")
    names = ["嘉定区菊园新区社区志愿服务中心", "长宁区虹桥街道社区志愿服务中心", "徐汇区斜土街道社区志愿服务中心",
             "黄浦区南京东路街道社区志愿服务中心", "宝山区友谊路街道社区志愿服务中心", "静安区天目西路街道社区志愿服务中心"]
    for at in (0, 3):
        doc.add_paragraph("    ".join(f"{i}.{n}" for i, n in enumerate(names[at:at + 3], at + 1)))
    buf = io.BytesIO()
    doc.save(buf)
    pdf = _convert(buf.getvalue(), ".docx", "pdf", tmp_path)
    assert _pairs(pdf, "名单.pdf") == [("制度创新示范中心", n) for n in names]


def test_a_form_s_numbered_instructions_sheet_gives_no_entries():
    rows = [["填表说明"], ["1. 请按推荐类别分别填写，每类之间空一行。"], ["2. 请于规定时间前报送电子版和盖章扫描件。"]]
    listing = [["序号", "名称"], ["最美志愿者"], [1, "何素贞"]]
    assert _pairs(_workbook({"填表说明": rows, "推荐名单": listing}), "名单.xlsx") == [("最美志愿者", "何素贞")]


def _two_column_pdf(tmp_path, paragraphs: list[str], columns: int) -> bytes:
    """A PDF that LibreOffice prints from a Word file of ``paragraphs`` set in ``columns`` text columns."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = Document()
    cols = OxmlElement("w:cols")
    cols.set(qn("w:num"), str(columns))
    doc.sections[0]._sectPr.append(cols)
    for text in paragraphs:
        doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    return _convert(buf.getvalue(), ".docx", "pdf", tmp_path)


SHANGHAI_CENTRES = ["嘉定区菊园新区社区志愿服务中心", "长宁区虹桥街道社区志愿服务中心", "徐汇区斜土街道社区志愿服务中心",
                    "黄浦区南京东路街道社区志愿服务中心", "宝山区友谊路街道社区志愿服务中心", "静安区天目西路街道社区志愿服务中心",
                    "普陀区石泉路街道社区志愿服务中心", "浦东新区塘桥街道社区志愿服务中心"]


def test_a_pdf_in_two_text_columns_reads_down_the_left_one_then_the_right(tmp_path):
    lines = ["一、制度创新示范中心"] + [f"{i}.{n}" for i, n in enumerate(SHANGHAI_CENTRES, 1)] * 6
    pdf = _two_column_pdf(tmp_path, lines, columns=2)
    assert [n for _, n in _pairs(pdf, "名单.pdf")] == SHANGHAI_CENTRES * 6


def test_a_pdf_grid_numbered_across_its_rows_is_read_across(tmp_path):
    rows = [f"{a + 1}.{SHANGHAI_CENTRES[a]}\t\t{a + 2}.{SHANGHAI_CENTRES[a + 1]}" for a in range(0, 8, 2)]
    pdf = _two_column_pdf(tmp_path, ["一、制度创新示范中心", *rows], columns=1)
    assert [n for _, n in _pairs(pdf, "名单.pdf")] == SHANGHAI_CENTRES


def test_a_word_list_in_a_content_control_with_a_name_typed_in_as_a_tracked_insertion():
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = Document()
    doc.add_paragraph(TITLE)
    _word_table(doc, LIST, category_rows=True)
    table = doc.element.body.find(qn("w:tbl"))
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    table.addprevious(sdt)
    sdt.append(content)
    content.append(table)
    last = table.findall(qn("w:tr"))[-1].findall(qn("w:tc"))[1].find(qn("w:p"))
    for run in last.findall(qn("w:r")):  # the last name typed in with changes tracked
        ins = OxmlElement("w:ins")
        ins.set(qn("w:id"), "1")
        ins.set(qn("w:author"), "市文明办")
        run.addprevious(ins)
        ins.append(run)
    deleted = OxmlElement("w:del")  # and a name struck out, which Word shows no more
    deleted.set(qn("w:id"), "2")
    deleted.set(qn("w:author"), "市文明办")
    run, text = OxmlElement("w:r"), OxmlElement("w:delText")
    text.text = "（已删）"
    run.append(text)
    deleted.append(run)
    last.append(deleted)
    buf = io.BytesIO()
    doc.save(buf)
    assert _pairs(buf.getvalue(), "名单.docx") == PAIRS


def test_a_hidden_sheet_is_not_read():
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["序号", "名称", "类别"])
    for i, (category, name) in enumerate(PAIRS, 1):
        book.active.append([i, name, category])
    hidden = book.create_sheet("初审")
    hidden.sheet_state = "hidden"
    hidden.append(["序号", "名称", "类别"])
    hidden.append([1, "深圳市公益救援志愿者联合会", "最佳志愿服务组织"])
    buf = io.BytesIO()
    book.save(buf)
    assert _pairs(buf.getvalue(), "名单.xlsx") == PAIRS


def test_a_word_table_of_one_column_reads_as_its_lines():
    from docx import Document

    doc = Document()
    doc.add_paragraph(TITLE)
    table = doc.add_table(rows=1, cols=1)
    table.rows[0].cells[0].text = "名单"
    for category, names in LIST.items():
        table.add_row().cells[0].text = category
        for i, name in enumerate(names, 1):
            table.add_row().cells[0].text = f"{i}. {name}"
    buf = io.BytesIO()
    doc.save(buf)
    assert _pairs(buf.getvalue(), "名单.docx") == PAIRS


@pytest.mark.parametrize("vertical", [None, "center"])
def test_a_sheet_printed_without_rules_whose_category_cell_is_merged_down(tmp_path, vertical):
    """Excel prints a merged cell's value at the foot of its rows unless it is set in their middle."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    book = Workbook()
    sheet = book.active
    sheet.append([TITLE])
    sheet.append(["序号", "类别", "单位名称", "所在区"])
    number = 0
    for category, names in LIST.items():
        first = sheet.max_row + 1
        for k, name in enumerate(names):
            number += 1
            sheet.append([number, f"{category}（{len(names)}个）" if k == 0 else None, name, name[:3]])
        sheet.merge_cells(start_row=first, start_column=2, end_row=sheet.max_row, end_column=2)
        if vertical:
            sheet.cell(first, 2).alignment = Alignment(vertical=vertical)
    for column, width in zip("ABCD", (5, 24, 36, 10)):
        sheet.column_dimensions[column].width = width
    buf = io.BytesIO()
    book.save(buf)
    pdf = _convert(buf.getvalue(), ".xlsx", "pdf", tmp_path)
    assert _pairs(pdf, "名单.pdf") == PAIRS


def test_a_pdf_line_of_numbered_entries_wrapped_short_of_its_edge_keeps_the_name_it_broke(tmp_path):
    from docx import Document

    doc = Document()
    doc.add_paragraph("2020年度全国学雷锋志愿服务“四个100”先进典型重庆入选名单")
    groups = ["南岸区“周幺妹”青年志愿者服务队", "沙坪坝区文联文艺志愿服务队", "九龙坡区黄桷义工协会", "涪陵区红十字社区志愿服务队"]
    projects = ["重庆科技馆“志愿者爱心科普活动”", "梁平癞子锣鼓传承“1+1+6”志愿服务项目", "重庆希望24心理热线和生命教育志愿服务项目"]
    # The first paragraph wraps at the edge of the text; the second well short of it, before “承“1+1+6””.
    doc.add_paragraph("二、最佳志愿服务组织：" + " ".join(f"{i}.{g}" for i, g in enumerate(groups, 1)))
    doc.add_paragraph("三、最佳志愿服务项目：" + " ".join(f"{i}.{p}" for i, p in enumerate(projects, 1)))
    buf = io.BytesIO()
    doc.save(buf)
    pdf = _convert(buf.getvalue(), ".docx", "pdf", tmp_path)
    assert _pairs(pdf, "名单.pdf") == [("最佳志愿服务组织", g) for g in groups] + [("最佳志愿服务项目", p) for p in projects]


def test_units_set_apart_by_non_breaking_spaces_in_a_word_file():
    from docx import Document

    doc = Document()
    doc.add_paragraph("一、最美志愿者")
    doc.add_paragraph("1.何素贞\u00a0\u00a0\u00a0南岸区龙门浩街道上新街社区志愿者")
    buf = io.BytesIO()
    doc.save(buf)
    entries = extract_attachment(buf.getvalue(), "名单.docx").list_entries
    assert [(e.name, e.role) for e in entries] == [("何素贞", "南岸区龙门浩街道上新街社区志愿者")]


CORPUS_PDFS = sorted((Path(__file__).parents[2] / "bench" / "lists" / "corpus").glob("*.pdf"))


@contextlib.contextmanager
def _pdfminer_pages(data: bytes):
    """Each page as pdfplumber reads it by itself, through pdfminer."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        yield pdf.pages


@pytest.mark.parametrize("path", CORPUS_PDFS, ids=lambda p: p.stem.split(".")[-1])
def test_a_pdf_read_by_pdfium_gives_the_lines_and_tables_pdfminer_gives(path, monkeypatch):
    """PDFium reads the pages for speed; what the list extractor gets must not change with it."""
    data = path.read_bytes()
    fast = read(data, path.name)
    monkeypatch.setattr("scrapers.pdf_pages.open_pages", _pdfminer_pages)
    slow = read(data, path.name)
    assert fast.lines or fast.tables, "the file gave nothing"
    assert (fast.lines, fast.tables) == (slow.lines, slow.tables)


def test_a_turned_pdf_page_reads_as_pdfminer_reads_it(monkeypatch):
    """PDFium gives a page turned by /Rotate unturned; such a page is read by pdfminer."""
    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(CORPUS_PDFS[0].read_bytes()))
    for page in writer.pages:
        page.rotate(90)
    turned = io.BytesIO()
    writer.write(turned)
    fast = read(turned.getvalue(), "名单.pdf")
    monkeypatch.setattr("scrapers.pdf_pages.open_pages", _pdfminer_pages)
    slow = read(turned.getvalue(), "名单.pdf")
    assert (fast.lines, fast.tables) == (slow.lines, slow.tables)


def _pdf_with_a_form(content: bytes, form: bytes) -> bytes:
    """A one-page PDF drawing ``form`` as a form XObject (moved 10, 20 by its own matrix) from
    ``content``, on a page whose box does not start at 0, 0."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [40 90 640 890] /Resources << /XObject << /Fm1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 500 500] /Matrix [1 0 0 1 10 20] /Length %d >>\nstream\n%s\nendstream"
        % (len(form), form),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_a_table_s_rules_drawn_inside_a_form_are_where_pdfminer_puts_them():
    """A table's rules drawn in a form XObject, placed by two matrices, a rectangle and lines."""
    import pdfplumber

    from scrapers.pdf_pages import open_pages

    grid = b"0.5 w 0 0 m 300 0 l 300 60 l 0 60 l h S 0 30 m 300 30 l S 100 0 m 100 60 l S 200 0 200 60 re S"
    data = _pdf_with_a_form(b"q 1 0 0 1 50 100 cm /Fm1 Do Q", grid)

    def edges(page):
        return sorted((round(e["x0"], 2), round(e["top"], 2), round(e["x1"], 2), round(e["bottom"], 2), e["orientation"])
                      for e in page.edges if e["orientation"])

    with pdfplumber.open(io.BytesIO(data)) as pdf, open_pages(data) as pages:
        expected = edges(pdf.pages[0])
        assert len(expected) >= 8
        assert edges(pages[0]) == expected
        assert [len(t.rows) for t in pages[0].find_tables()] == [len(t.rows) for t in pdf.pages[0].find_tables()] == [2]


def test_a_title_wrapped_in_a_narrow_text_column_is_one_line_not_a_heading_and_an_entry(tmp_path):
    people = ["李峰威", "刘嗣东", "肖立文", "陈爱萍", "胡敏华", "张银珠", "鲁子玮"]
    title = "2020年度全国学雷锋志愿服务“四个100”先进典型红十字系统入选名单（部分）"
    pdf = _two_column_pdf(tmp_path, [title, "一、最美志愿者", *[f"{i}.{n}" for i, n in enumerate(people, 1)]], columns=3)
    assert _pairs(pdf, "名单.pdf") == [("最美志愿者", n) for n in people]
    # Unnumbered under a heading that fills the column, the widest line: each name a line of its own.
    pdf = _two_column_pdf(tmp_path / "unnumbered", ["一、最美志愿者", *people], columns=3)
    assert _pairs(pdf, "名单.pdf") == [("最美志愿者", n) for n in people]
