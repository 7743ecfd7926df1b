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
_FORM_DEPTH = 15  # forms drawn inside forms are followed this deep; deeper nesting is hostile

_NOT_CHARACTERS = range(0xD800, 0xE000)  # surrogates: half a character, never one


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
            # PDFium adds spaces and line ends between words and lines that the page does not hold;
            # a broken font may map a glyph to no character at all, or to half of one.
            if (code in _LINE_BREAKS or (code == 0x20 and generated(text, i) == 1) or code == 0 or code > 0x10FFFF
                    or code in _NOT_CHARACTERS):
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
    curves: list[dict] = []
    for handle, matrix in _paths(drawn.raw, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, (1, 0, 0, 1, 0, 0)):
        curves += _pieces(handle, matrix, page)
    return curves


def _paths(parent, count, get, outer: tuple, depth: int = 0) -> Iterator[tuple]:
    """(handle, matrix onto the page) of each path drawn in ``parent``, a page or a form inside one."""
    m = raw.FS_MATRIX()
    for i in range(count(parent)):
        handle = get(parent, i)
        kind = raw.FPDFPageObj_GetType(handle)
        if kind not in (_PATH, _FORM):
            continue  # text and images: most of a page's objects
        raw.FPDFPageObj_GetMatrix(handle, m)
        matrix = _then((m.a, m.b, m.c, m.d, m.e, m.f), outer)
        if kind == _PATH:
            yield handle, matrix
        elif depth < _FORM_DEPTH:
            yield from _paths(handle, raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject, matrix, depth + 1)


def _then(first: tuple, second: tuple) -> tuple:
    """The PDF matrix (a, b, c, d, e, f) that applies ``first`` and then ``second``."""
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = second
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


def _pieces(handle, matrix: tuple, page: Page) -> list[dict]:
    """The curves of one path, its points placed on the page by ``matrix``."""
    a, b, c, d, e, f = matrix
    top_edge, doctop = page.height, page.initial_doctop
    x, y = ctypes.c_float(), ctypes.c_float()
    pieces: list[list[tuple[float, float]]] = []
    for i in range(raw.FPDFPath_CountSegments(handle)):
        segment = raw.FPDFPath_GetPathSegment(handle, i)
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        px, py = x.value, y.value
        point = (round(a * px + c * py + e, 3), round(top_edge - (b * px + d * py + f), 3))
        if raw.FPDFPathSegment_GetType(segment) == _MOVE or not pieces:
            pieces.append([point])
        else:
            pieces[-1].append(point)
        if raw.FPDFPathSegment_GetClose(segment) and pieces[-1][-1] != pieces[-1][0]:
            pieces[-1].append(pieces[-1][0])
    curves = []
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
