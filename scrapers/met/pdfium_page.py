"""A PDF page's characters and ruling lines read with pdfium, handed to pdfplumber's table finder.

pdfplumber's own reading of a page (pdfminer's content-stream parser, in
Python) is most of what a deployment record costs to extract. Here pdfium
(C) parses the page and this module rebuilds the objects pdfplumber's
`find_tables`, `Table.extract` and `extract_words` use, in pdfminer's
geometry: a char's box is its advance wide and its font size tall, from the
font's descent below the baseline (not pdfium's glyph or "loose" boxes);
paths become pdfminer's rects, lines and curves by pdfminer's own rules
(pdfium_paths.py).
pdf_layout.py then runs pdfplumber's algorithms unchanged.

pdfium's text layer differs from pdfminer's in ways that can change cell
text; where it does in a way that cannot be undone, `pages` hands back
pdfplumber's own page instead (`fallback_reason` says why):
  - a page whose MediaBox is inherited, not at the origin, or rotated,
  - a text object pdfium drops as a repeat of an earlier one (fake bold),
  - ActualText marked content (pdfium's text is the replacement),
  - a line-end hyphen pdfium rewrote, a glyph with no Unicode mapping.
Undone here: pdfium's text layer skips a text object of blank glyphs only
(Word writes most spaces so) and keeps one space of a run. A space only
ends a word, so each skipped object comes back as spaces from its start to
its end, and a run in a kept object keeps its first space. pdfium's
generated spaces and line breaks are dropped.

An unreadable PDF raises pypdfium2's PdfiumError; nothing is retried with
pdfminer. Proof: tests/test_met_pdfium_page.py (same tables as pdfplumber
on every real and generated page) and the tests of pdf_layout.py.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from functools import lru_cache

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pdfminer.fontmetrics import FONT_METRICS
from pdfplumber.page import Page

from scrapers.met.pdfium_paths import Fallback, bound, box, path_objects

BLANK = 0.01  # pdfium's kSizeEpsilon: a text object narrower than this is skipped by its text layer


class PdfiumPage(Page):
    """A pdfplumber Page whose objects (chars, rects, lines, curves) come from pdfium, not pdfminer."""

    def __init__(self, page_number: int, width: float, height: float, initial_doctop: float, objects: dict):
        # Page.__init__ reads pdfminer's page dictionary: set what it would, no more.
        self.pdf = None
        self.page_obj = None
        self.root_page = self
        self.page_number = page_number
        self.initial_doctop = initial_doctop
        self.rotation = 0
        self.mediabox = self.cropbox = self.bbox = (0, 0, width, height)
        self._objects = objects
        self.get_textmap = lru_cache()(self._get_textmap)


class Document:
    """A PDF opened by pdfium (PdfiumError when it cannot be), its pages read one at a time."""

    def __init__(self, pdf_bytes: bytes):
        self._bytes = pdf_bytes
        self._pdf = pdfium.PdfDocument(pdf_bytes)
        self._plumber = None

    def __len__(self) -> int:
        return len(self._pdf)

    def __enter__(self) -> "Document":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._plumber is not None:
            self._plumber.close()
        self._pdf.close()

    def pages(self) -> Iterator[Page]:
        """Each page as a PdfiumPage where pdfium reads it as pdfminer would, else as pdfplumber's own page
        (its `fallback_reason` says why)."""
        doctop = 0.0
        for index in range(len(self._pdf)):
            page = self._pdf[index]
            try:
                built = _page(page, index + 1, doctop)
            except Fallback as reason:
                built = self._pdfplumber().pages[index]
                built.fallback_reason = str(reason)
            finally:
                page.close()
            doctop += built.height
            yield built

    def _pdfplumber(self):
        if self._plumber is None:
            import io

            import pdfplumber

            self._plumber = pdfplumber.open(io.BytesIO(self._bytes))
        return self._plumber


def pages(pdf_bytes: bytes) -> list[Page]:
    """Every page of the PDF (see Document.pages)."""
    with Document(pdf_bytes) as pdf:
        return list(pdf.pages())


def _page(page: pdfium.PdfPage, page_number: int, doctop: float) -> PdfiumPage:
    box = [ctypes.c_float() for _ in range(4)]
    if not raw.FPDFPage_GetMediaBox(page, *box):
        raise Fallback("MediaBox inherited from the page tree")
    left, bottom, right, top = (b.value for b in box)
    if raw.FPDFPage_GetRotation(page) != 0 or (left, bottom) != (0, 0) or right <= 0 or top <= 0:
        raise Fallback("rotated page or page box off the origin")
    width, height = right, top
    textpage = page.get_textpage()
    try:
        used: set[int] = set()
        chars = _chars(textpage, height, doctop, used)
        rects: list[dict] = []
        lines: list[dict] = []
        curves: list[dict] = []
        blanks: list[dict] = []
        _walk(page, _IDENTITY, height, doctop, used, rects, lines, curves, blanks, nested=False)
    finally:
        textpage.close()
    objects = {"char": chars + blanks, "rect": rects, "line": lines, "curve": curves}
    return PdfiumPage(page_number, width, height, doctop, {k: v for k, v in objects.items() if v})


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _chars(textpage, height: float, doctop: float, used: set[int]) -> list[dict]:
    out = []
    count = raw.FPDFText_CountChars(textpage)
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    matrix = raw.FS_MATRIX()
    fonts: dict[int, tuple] = {}  # text object -> (font, its address)
    descents: dict[tuple[int, float], float] = {}  # (font address, size) -> descent
    advances: dict[tuple[int, int, float], float] = {}
    get_unicode, is_generated = raw.FPDFText_GetUnicode, raw.FPDFText_IsGenerated
    for i in range(count):
        if is_generated(textpage, i):
            continue
        code = get_unicode(textpage, i)
        if code in (0x2, 0xFFFE) or raw.FPDFText_IsHyphen(textpage, i):
            raise Fallback("line-end hyphen rewritten by pdfium")
        if raw.FPDFText_HasUnicodeMapError(textpage, i):
            raise Fallback("glyph without a Unicode mapping")
        obj = raw.FPDFText_GetTextObject(textpage, i)
        address = ctypes.cast(obj, ctypes.c_void_p).value
        known = fonts.get(address)
        if known is None:
            used.add(address)
            font = raw.FPDFTextObj_GetFont(obj)
            if not font:
                raise Fallback("text without a font")
            known = fonts[address] = (font, ctypes.cast(font, ctypes.c_void_p).value)
        font, key = known
        raw.FPDFText_GetCharOrigin(textpage, i, origin_x, origin_y)
        raw.FPDFText_GetMatrix(textpage, i, matrix)
        size = raw.FPDFText_GetFontSize(textpage, i)
        low = descents.get((key, size))
        if low is None:
            low = descents[(key, size)] = _descent(font, size)
        advance = advances.get((key, code, size))
        if advance is None:
            advance = advances[(key, code, size)] = _advance(font, code, size)
        out.append(_char(chr(code), origin_x.value, origin_y.value, matrix.a, matrix.b, matrix.c, matrix.d, advance,
                         low, size, height, doctop))
    return out


def _metrics(font) -> tuple[dict, dict] | None:
    """pdfminer's built-in metrics (Helvetica, Arial, Times...): it uses them, not the PDF's, for a font so named."""
    if raw.FPDFFont_GetIsEmbedded(font):
        return None
    size = raw.FPDFFont_GetBaseFontName(font, None, 0)
    name = ctypes.create_string_buffer(size)
    raw.FPDFFont_GetBaseFontName(font, name, size)
    return FONT_METRICS.get(name.value.decode("latin-1"))


def _descent(font, size: float) -> float:
    builtin = _metrics(font)
    if builtin is not None:
        low = float(builtin[0].get("Descent", 0)) * size / 1000
    else:
        value = ctypes.c_float()
        low = value.value if raw.FPDFFont_GetDescent(font, size, value) else 0.0
    return min(low, -low)  # pdfminer: a positive /Descent is a mistake, negated


def _advance(font, code: int, size: float) -> float:
    """The advance of the font's /Widths, as pdfminer's (pdfium's loose box measures the glyph program, or for a
    font not embedded, the substitute's)."""
    builtin = _metrics(font)
    if builtin is not None and chr(code) in builtin[1]:
        return builtin[1][chr(code)] * size / 1000
    value = ctypes.c_float()
    if not raw.FPDFFont_GetGlyphWidth(font, code, size, value):
        raise Fallback("no advance width for a glyph")
    return value.value


def _char(text, x, y, a, b, c, d, advance, low, size, height, doctop) -> dict:
    """pdfminer's LTChar box: (0, descent) to (advance, descent + size) in text space, through the matrix."""
    corners = [(x + a * u + c * v, y + b * u + d * v) for u in (0.0, advance) for v in (low, low + size)]
    char = box("char", bound(corners), height, doctop)
    char["text"] = text
    char["size"] = char["height"]
    char["upright"] = a * d > 0 and b * c <= 0
    return char


def _walk(holder, outer, height, doctop, used, rects, lines, curves, blanks, nested: bool) -> None:
    """Paths (and text objects pdfium's text layer skipped) of a page or form, in content order."""
    if nested:
        count, get = raw.FPDFFormObj_CountObjects(holder), raw.FPDFFormObj_GetObject
    else:
        count, get = raw.FPDFPage_CountObjects(holder), raw.FPDFPage_GetObject
    matrix = raw.FS_MATRIX()
    for k in range(count):
        obj = get(holder, k)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            raw.FPDFPageObj_GetMatrix(obj, matrix)
            path_objects(obj, _times(_tuple(matrix), outer), height, doctop, rects, lines, curves)
        elif kind == raw.FPDF_PAGEOBJ_TEXT:
            _check_marks(obj)
            if ctypes.cast(obj, ctypes.c_void_p).value not in used:
                raw.FPDFPageObj_GetMatrix(obj, matrix)
                blanks.extend(_blanks(obj, _times(_tuple(matrix), outer), height, doctop))
        elif kind == raw.FPDF_PAGEOBJ_FORM:
            raw.FPDFPageObj_GetMatrix(obj, matrix)
            _walk(obj, _times(_tuple(matrix), outer), height, doctop, used, rects, lines, curves, blanks, nested=True)


def _tuple(m) -> tuple[float, ...]:
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _times(m, n) -> tuple[float, ...]:
    """m then n (pdfminer's mult_matrix(m, n))."""
    a1, b1, c1, d1, e1, f1 = m
    a0, b0, c0, d0, e0, f0 = n
    return (a0 * a1 + c0 * b1, b0 * a1 + d0 * b1, a0 * c1 + c0 * d1, b0 * c1 + d0 * d1,
            a0 * e1 + c0 * f1 + e0, b0 * e1 + d0 * f1 + f0)


def _check_marks(obj) -> None:
    for n in range(raw.FPDFPageObj_CountMarks(obj)):
        mark = raw.FPDFPageObj_GetMark(obj, n)
        if mark and raw.FPDFPageObjMark_GetParamValueType(mark, b"ActualText") != raw.FPDF_OBJECT_UNKNOWN:
            raise Fallback("ActualText marked content")


def _blanks(obj, matrix, height, doctop) -> list[dict]:
    """The spaces of a text object pdfium's text layer left out: blank glyphs only (no glyph box is taller
    than nothing), one where the object starts and one a space's advance apart up to where it ends."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    if top.value - bottom.value >= BLANK:
        raise Fallback("text object dropped by pdfium as a repeat")
    size_c = ctypes.c_float()
    raw.FPDFTextObj_GetFontSize(obj, size_c)
    font = raw.FPDFTextObj_GetFont(obj)
    if not font:
        raise Fallback("text object without a font")
    size = size_c.value
    low = _descent(font, size)
    a, b, c, d, e, f = matrix
    advance = _advance(font, 0x20, size)
    extent = right.value - left.value
    step = abs(a) * advance
    count = 1 + (round(extent / step) if step > 0 and extent >= BLANK else 0)
    spacing = extent / (count - 1) / abs(a) if count > 1 else 0.0
    return [_char(" ", e + a * k * spacing, f + b * k * spacing, a, b, c, d, advance, low, size,
                  height, doctop) for k in range(count)]
