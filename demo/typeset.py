"""Typesetting deployment records as PDFs: the project's own generator, for the demo and the tests.

Owns laying out a deployment grid the way the Met's records are laid out
(a display-type title, ruled tables on landscape A4, a shaded header row,
group cells spanning sub-columns, tables running over page breaks), with
header wordings the extractor knows (schemas/met_header_wordings.csv).
It prints whatever rows it is given; the demo's rows are in
demo/sample.py, the tests' in tests/helpers/pdf_factory.py.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

Span = tuple[tuple[int, int], tuple[int, int]]  # ((col0, row0), (col1, row1)), reportlab's SPAN corners

# Era-3 style header (one level), in the wordings of schemas/met_header_wordings.csv.
FLAT_HEADER = [
    "Deployment\nLocation",
    "Date",
    "Duration",
    "LFR Use\nCase",
    "Watchlist\nSize",
    "Min\nThreshold\nSetting",
    "Total\nAlerts",
    "True Alerts\nConfirmed",
    "True Alerts\nUnconfirmed",
    "False Alerts\nConfirmed",
    "False Alerts\nUnconfirmed",
    "False Alert\nRate",
    "Outcome -\nArrest",
    "Outcome -\nOther",
    "No\naction",
    "Faces seen\n(estimate)",
]
FLAT_WIDTHS = [92, 44, 44, 62, 48, 50, 38, 52, 58, 52, 58, 46, 44, 44, 34, 56]


def data_row(
    location: str,
    printed_date: str,
    *,
    duration: str = "5h03m",
    purpose: str = "Crime Hotspot",
    watchlist: str = "15000",
    threshold: str = "0.64",
    true_confirmed: str = "3",
    true_unconfirmed: str = "1",
    false_confirmed: str = "1",
    false_unconfirmed: str = "0",
    rate: str = "0.01%",
    arrests: str = "2",
    other: str = "1",
    no_action: str = "1",
    faces: str = "9000",
    total: str | None = None,
) -> list[str]:
    """One row in FLAT_HEADER order; the total defaults to the sum of its four parts."""
    if total is None:
        parts = (true_confirmed, true_unconfirmed, false_confirmed, false_unconfirmed)
        total = str(sum(int(p) for p in parts)) if all(p.isdigit() for p in parts) else "N/A"
    return [
        location,
        printed_date,
        duration,
        purpose,
        watchlist,
        threshold,
        total,
        true_confirmed,
        true_unconfirmed,
        false_confirmed,
        false_unconfirmed,
        rate,
        arrests,
        other,
        no_action,
        faces,
    ]


@dataclass
class GridTable:
    """One ruled table; `header_rows` leading rows are shaded like the Met's headers."""

    rows: list[list[str]]
    widths: list[float] | None = None
    header_rows: int = 0
    spans: list[Span] = field(default_factory=list)
    new_page: bool = False  # start this table on a new page
    caption: str | None = None  # a line of body text above the table (legend headings)
    extra_style: list[tuple] = field(default_factory=list)  # more TableStyle commands, e.g. ALIGN


def render_pdf(tables: list[GridTable], *, title: str | None = "MPS LFR DEPLOYMENTS TEST", blank_pages: int = 0) -> bytes:
    """The tables as one landscape-A4 PDF; `title` in 16 pt above the first table."""
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=landscape(A4), leftMargin=10 * mm, rightMargin=10 * mm, topMargin=15 * mm, bottomMargin=15 * mm,
        invariant=True,  # no creation date or random id: the same tables give the same bytes, so one version
    )
    story: list = []
    if title:
        story += [Paragraph(title, ParagraphStyle("title", fontName="Helvetica", fontSize=16, leading=20)), Spacer(1, 12)]
    for table in tables:
        if table.new_page and story:
            story.append(PageBreak())
        if table.caption:
            story += [Paragraph(table.caption, ParagraphStyle("caption", fontName="Helvetica", fontSize=9)), Spacer(1, 6)]
        story += [_table(table), Spacer(1, 12)]
    for _ in range(blank_pages):
        story += [PageBreak(), Spacer(1, 1)]
    doc.build(story)
    return out.getvalue()


def _table(spec: GridTable) -> Table:
    table = Table(spec.rows, colWidths=spec.widths, repeatRows=0)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONT", (0, 0), (-1, -1), "Helvetica", 7),
        ("LEADING", (0, 0), (-1, -1), 8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if spec.header_rows:
        style.append(("BACKGROUND", (0, 0), (-1, spec.header_rows - 1), colors.lightgrey))
    for start, end in spec.spans:
        style.append(("SPAN", start, end))
    style += spec.extra_style
    table.setStyle(TableStyle(style))
    return table
