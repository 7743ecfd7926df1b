"""A PDF's pages for pdfplumber, their characters and rules read by PDFium.

pdfplumber reads a page's content through pdfminer, which parses it in Python: that parse is
most of the time a PDF attachment takes, and several times the time an HTML page does. PDFium,
which pdfplumber already installs (pypdfium2, for rendering), parses it in C. These pages hand
pdfplumber what PDFium read, so its table finder, text lines, crops and filters work unchanged.

A character's box is the one pdfminer gives fonts without a descent: its advance across, and its
size up from the baseline; so the characters of a line stand on one baseline, whatever the font.
A page turned by /Rotate is read by pdfminer as before (PDFium gives it unturned).
"""
from __future__ import annotations

import ctypes
import io
from contextlib import contextmanager
from typing import Iterator

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pdfplumber.page import Page

_LINE_BREAKS = {0x0D, 0x0A}
_PATH = raw.FPDF_PAGEOBJ_PATH
_FORM = raw.FPDF_PAGEOBJ_FORM
_MOVE = raw.FPDF_SEGMENT_MOVETO


class _PdfiumPage(Page):
    """A pdfplumber page whose objects PDFium read (the rest of pdfplumber reads them from here)."""

    def __init__(self, plain: Page, objects: dict[str, list[dict]]):
        super().__init__(plain.pdf, plain.page_obj, plain.page_number, plain.initial_doctop)
        self._read = objects

    def parse_objects(self) -> dict[str, list[dict]]:
        return self._read


@contextmanager
def open_pages(data: bytes) -> Iterator[list[Page]]:
    """pdfplumber's pages of the PDF ``data``, each read by PDFium unless it is turned."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        plain = pdf.pages
        document = pdfium.PdfDocument(data)
        try:
            if len(document) != len(plain):  # the two disagree on the file: let pdfminer read it all
                yield plain
                return
            pages = []
            for number, page in enumerate(plain):
                if page.rotation:
                    pages.append(page)
                    continue
                drawn = document[number]
                pages.append(_PdfiumPage(page, {"char": _chars(drawn, page), "curve": _rules(drawn, page)}))
            yield pages
        finally:
            document.close()


def _chars(drawn, page: Page) -> list[dict]:
    """The page's characters as pdfplumber describes them, in PDFium's reading order."""
    page_text = drawn.get_textpage()
    text = page_text.raw  # the handle: ctypes passes it without looking up the wrapper
    top_edge = page.height  # pdfplumber measures down from the page's height, as this does
    doctop = page.initial_doctop
    box = raw.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    chars = []
    unicode, generated, loose, origin, size_of, angle = (
        raw.FPDFText_GetUnicode, raw.FPDFText_IsGenerated, raw.FPDFText_GetLooseCharBox,
        raw.FPDFText_GetCharOrigin, raw.FPDFText_GetFontSize, raw.FPDFText_GetCharAngle)
    number = page.page_number
    try:
        for i in range(page_text.count_chars()):
            code = unicode(text, i)
            # PDFium adds spaces and line ends between words and lines that the page does not hold.
            if code in _LINE_BREAKS or code == 0 or (code == 0x20 and generated(text, i) == 1):
                continue
            loose(text, i, box)
            origin(text, i, x, y)
            size = size_of(text, i)
            bottom = top_edge - y.value
            top = bottom - size
            upright = abs(angle(text, i)) < 1e-3
            if not upright:  # turned text keeps PDFium's box
                top, bottom = top_edge - box.top, top_edge - box.bottom
            chars.append({
                "object_type": "char", "page_number": number, "text": chr(code),
                "x0": box.left, "x1": box.right, "top": top, "bottom": bottom,
                "doctop": doctop + top, "width": box.right - box.left, "height": bottom - top,
                "size": size, "upright": upright,
            })
    finally:
        page_text.close()
    return chars


def _rules(drawn, page: Page) -> list[dict]:
    """Each drawn path's pieces (from one move to the next) as pdfplumber's curves: the table
    finder makes its edges from their straight steps, across and down."""
    top_edge = page.height
    doctop = page.initial_doctop
    placed: dict[int, object] = {}  # each form's matrix on the page, by its handle
    curves = []
    point_x, point_y = ctypes.c_float(), ctypes.c_float()
    for obj in drawn.get_objects(filter=None):
        matrix = obj.get_matrix()
        if obj.container is not None:
            matrix = matrix.multiply(placed[ctypes.addressof(obj.container.raw.contents)])
        if obj.type == _FORM:
            placed[ctypes.addressof(obj.raw.contents)] = matrix
            continue
        if obj.type != _PATH:
            continue
        pieces: list[list[tuple[float, float]]] = []
        for i in range(raw.FPDFPath_CountSegments(obj)):
            segment = raw.FPDFPath_GetPathSegment(obj, i)
            raw.FPDFPathSegment_GetPoint(segment, point_x, point_y)
            px, py = matrix.on_point(point_x.value, point_y.value)
            point = (round(px, 3), round(top_edge - py, 3))
            if raw.FPDFPathSegment_GetType(segment) == _MOVE or not pieces:
                pieces.append([point])
            else:
                pieces[-1].append(point)
            if raw.FPDFPathSegment_GetClose(segment) and pieces[-1][-1] != pieces[-1][0]:
                pieces[-1].append(pieces[-1][0])
        for pts in pieces:
            if len(pts) < 2:
                continue
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            curves.append({
                "object_type": "curve", "page_number": page.page_number, "pts": pts,
                "x0": min(xs), "x1": max(xs), "top": min(ys), "bottom": max(ys),
                "doctop": doctop + min(ys), "width": max(xs) - min(xs), "height": max(ys) - min(ys),
            })
    return curves
