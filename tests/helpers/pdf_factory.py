"""Deployment-record-like PDFs for layouts the real files lack (the tests' side of demo/typeset.py).

Owns the generated PDFs of tests/test_met_extract_generated.py: the
typesetting (grid tables on landscape A4, a display-type title, two-level
headers, tables running over a page break) is demo/typeset.py, shared with
`lfrwatch demo`. Every place name and figure here is invented; nothing is
copied from the real documents in ../shared/real-pages.
"""

from __future__ import annotations

from demo.typeset import FLAT_HEADER, FLAT_WIDTHS, GridTable, Span, data_row, render_pdf

__all__ = ["FLAT_HEADER", "FLAT_WIDTHS", "GridTable", "Span", "data_row", "render_pdf"]
