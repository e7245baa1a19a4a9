"""scrapers/met/pdfium_page.py: pdfium's reading of a page gives pdfplumber's table finder what pdfminer's does.

Every page of the three real records (skipped when ../shared/real-pages is
absent) and of generated layouts is read both ways and compared: the same
tables (cells to 1e-3 pt, float32 against float64), the same cell texts,
the same words; and no real page needs pdfplumber's own reading.
"""

from __future__ import annotations

import io

import pdfplumber
import pypdfium2
import pytest

from scrapers.met import pdf_layout, pdfium_page
from tests.helpers.pdf_factory import FLAT_HEADER, FLAT_WIDTHS, GridTable, Span, data_row, render_pdf
from tests.helpers.real_pages import REAL_PDFS, real_pdf


def _same_reading(pdf_bytes: bytes) -> list[pdfium_page.PdfiumPage]:
    ours = list(pdfium_page.pages(pdf_bytes))
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        assert len(ours) == len(pdf.pages)
        for page, theirs in zip(ours, pdf.pages):
            assert (page.width, page.height) == pytest.approx((theirs.width, theirs.height))
            tables, expected = page.find_tables(), theirs.find_tables()
            assert len(tables) == len(expected), page.page_number
            for table, other in zip(tables, expected):
                assert len(table.cells) == len(other.cells)
                for cell, cell_expected in zip(table.cells, other.cells):
                    assert cell == pytest.approx(cell_expected, abs=1e-3)
                assert table.extract() == other.extract(), page.page_number
            assert [w["text"] for w in page.extract_words()] == [w["text"] for w in theirs.extract_words()]
    return ours


@pytest.mark.parametrize("name", list(REAL_PDFS))
def test_real_pages_read_by_pdfium_give_pdfplumbers_tables(name):
    pages = _same_reading(real_pdf(name))
    assert all(isinstance(p, pdfium_page.PdfiumPage) for p in pages), [getattr(p, "fallback_reason", None)
                                                                         for p in pages]


def test_generated_layouts_read_by_pdfium_give_pdfplumbers_tables():
    rows = [data_row(f"{n} Sample Street, Testtown", f"{n + 1:02d}/05/25") for n in range(40)]
    spans: list[Span] = [((0, 0), (0, 1)), ((1, 0), (1, 1)), ((2, 0), (3, 0))]
    two_level = GridTable([["Place", "Date", "True Alerts", ""], ["", "", "Confirmed", "Unconfirmed"],
                           ["Sample Road", "03/05/25", "1", "0"]], [200, 80, 90, 90], header_rows=2, spans=spans)
    pdf = render_pdf([GridTable([FLAT_HEADER, *rows], FLAT_WIDTHS, header_rows=1), two_level])
    pages = _same_reading(pdf)
    assert len(pages) > 1 and all(isinstance(p, pdfium_page.PdfiumPage) for p in pages)


def test_a_rotated_page_is_read_by_pdfplumber_itself():
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    sheet = canvas.Canvas(out)
    sheet.setPageRotation(90)
    sheet.drawString(72, 720, "Sample text 01/02/25")
    sheet.rect(60, 700, 200, 40)
    sheet.save()
    (page,) = _same_reading(out.getvalue())
    assert not isinstance(page, pdfium_page.PdfiumPage)
    assert "rotated" in page.fallback_reason


def test_an_unreadable_pdf_raises_pdfiums_error_and_is_not_retried():
    with pytest.raises(pypdfium2.PdfiumError):
        pdf_layout.read_pages(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
