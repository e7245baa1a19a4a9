"""Geometry of a Met deployment-record PDF page: header columns, data rows, legends.

Owns everything that touches pdfplumber's tables; the pages it lays out are
read by pdfium (pdfium_page.py: the same chars and rules, a third of the
time). It reassembles what
`extract_tables()` gives in pieces (docs/sources.md §1.2): header fragments
spread over several tables (2020–22 page 1 returns eleven), two-level
headers whose group cell spans sub-columns, a header cell holding two
sub-headers at once (`Confirmed Unconfirmed`, 2023–24 page 1), and header
tables whose grid does not line up with the data table's. It does not
know what a header *means* (headers.py) nor how to read a cell (cells.py).

Proof: tests/test_met_extract_real.py over ../shared/real-pages and
tests/test_met_extract_generated.py over generated layouts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrapers.met import pdfium_page

DATE_CELL = re.compile(r"^\s*\d{1,2}/\d{1,2}/\d{2,4}\s*$")
LEGEND_HEADER = re.compile(r"^\s*reference\s*$", re.I)
# Gap (points) between two words on one header line that starts a new phrase:
# wider than a space, narrower than the gap between two sub-header cells.
PHRASE_GAP = 6.0
EDGE_TOLERANCE = 1.5
TITLE_SIZE = 12.0


@dataclass(frozen=True)
class Span:
    x0: float
    x1: float

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2

    def overlap(self, other: "Span") -> float:
        return max(0.0, min(self.x1, other.x1) - max(self.x0, other.x0))

    def holds(self, other: "Span") -> bool:
        return other.x0 >= self.x0 - EDGE_TOLERANCE and other.x1 <= self.x1 + EDGE_TOLERANCE


@dataclass(frozen=True)
class Cell:
    span: Span
    text: str


@dataclass(frozen=True)
class PageLayout:
    page_no: int
    title: str | None
    header: list[str] | None  # header text per data column, None when the page has no header
    columns: list[Span]  # the data columns of this page, left to right
    rows: list[list[Cell]]  # data rows (incl. continuation lines), top to bottom
    legends: list[list[list[str]]]  # legend tables, rows of non-empty cell texts


class TooManyPages(ValueError):
    """A PDF with more pages than a deployment record can have."""


def read_pages(pdf_bytes: bytes, max_pages: int | None = None) -> list[PageLayout]:
    """Lay out every page. Raises pdfium's error for unreadable PDFs, TooManyPages over `max_pages`.

    Pages are read by pdfium (pdfium_page.py) and laid out by pdfplumber's table finder."""
    with pdfium_page.Document(pdf_bytes) as pdf:
        if max_pages is not None and len(pdf) > max_pages:
            raise TooManyPages(f"{len(pdf)} pages, more than the {max_pages} a deployment record may have")
        return [_read_page(page, number) for number, page in enumerate(pdf.pages(), 1)]


def _read_page(page, page_no: int) -> PageLayout:
    tables = page.find_tables()
    legends: list[list[list[str]]] = []
    data: list[tuple[float, list[Cell]]] = []  # (top, cells) of rows below the header
    for table in tables:
        texts = table.extract()
        if _is_legend(texts):
            # Meanings wrap over lines inside their cell: one line each, like data cells.
            legends.append([[_clean(c) for c in row if c and c.strip()] for row in texts])
            continue
        rows = []
        for row, row_texts in zip(table.rows, texts):
            cells = [
                Cell(Span(bbox[0], bbox[2]), _clean(text))
                for bbox, text in zip(row.cells, row_texts)
                if bbox is not None and text is not None
            ]
            if any(c.text for c in cells):
                rows.append((row.bbox[1], cells))
        # Header fragments come back as tables of their own: only tables
        # holding dated rows hold data.
        if any(_has_date(cells) for _, cells in rows):
            data.extend(rows)
    data.sort(key=lambda item: item[0])
    first = next((i for i, (_, cells) in enumerate(data) if _has_date(cells)), None)
    if first is None:
        return PageLayout(page_no, _title(page.extract_words()), None, [], [], legends)
    # A cell split by the page break leaves its last lines above the first
    # dated row ("Rd, Waterloo" opens page 7 of the 2023-24 record).
    left = data[first][1][0].span
    while first > 0 and is_continuation(data[first - 1][1], left):
        first -= 1
    data_top = data[first][0]
    rows = [cells for top, cells in data[first:]]
    columns = _columns(rows)
    # The title and the header are above the data: words are read once, and only there (a page's words cost
    # as much again as its tables).
    words = page.crop((0, 0, page.width, min(page.height, data_top + 2))).extract_words()
    header = _header(words, tables, columns, data_top)
    return PageLayout(page_no, _title(words), header, columns, rows, legends)


def _clean(text: str) -> str:
    return " ".join(text.split())


def _has_date(cells: list[Cell]) -> bool:
    return any(DATE_CELL.match(c.text) for c in cells)


def _is_legend(texts: list[list[str | None]]) -> bool:
    first = [c for c in (texts[0] if texts else []) if c and c.strip()]
    return bool(first) and bool(LEGEND_HEADER.match(first[0]))


def _columns(rows: list[list[Cell]]) -> list[Span]:
    """The data columns: the cells of the fullest dated row (merged cells stay merged)."""
    widest = max((r for r in rows if _has_date(r)), key=len)
    return [c.span for c in widest]


def is_continuation(cells: list[Cell], first_column: Span) -> bool:
    """A row with text only under the first column: the rest of a cell cut by a page break."""
    texts = [c for c in cells if c.text]
    return len(texts) == 1 and first_column.x0 - 10 <= texts[0].span.centre <= first_column.x1


def _title(words: list[dict]) -> str | None:
    """The line set in display type (12 pt or more), e.g. `MPS LFR DEPLOYMENTS 2025`."""
    big = [w for w in words if w["bottom"] - w["top"] >= TITLE_SIZE]
    if not big:
        return None
    top = min(w["top"] for w in big)
    line = [w for w in big if w["top"] - top < 4]
    return " ".join(w["text"] for w in sorted(line, key=lambda w: w["x0"]))


def _header(page_words: list[dict], tables, columns: list[Span], data_top: float) -> list[str] | None:
    """Header text per data column from the words above the first data row, or None."""
    cells = [c for t in tables for c in t.cells if c[3] <= data_top + 1]
    if not cells:
        return None
    band_top = min(c[1] for c in cells)
    left, right = columns[0].x0 - EDGE_TOLERANCE, columns[-1].x1 + EDGE_TOLERANCE
    words = [
        w
        for w in page_words
        if w["top"] >= band_top - 1 and w["bottom"] <= data_top + 1 and w["x0"] >= left and w["x1"] <= right
    ]
    if not words:
        return None
    parts: list[list[tuple[float, float, str]]] = [[] for _ in columns]
    phrases = _phrases(words, cells)
    for top, span, text in phrases:
        for index in _phrase_columns(top, span, columns, cells, phrases):
            parts[index].append((top, span.x0, text))
    return [" ".join(text for _, _, text in sorted(p)) for p in parts]


def _phrases(words, cells) -> list[tuple[float, Span, str]]:
    """Words grouped into phrases: one line, one header cell, less than PHRASE_GAP apart."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: w["top"]):
        if lines and word["top"] - lines[-1][0]["top"] < 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    phrases: list[tuple[float, Span, str]] = []
    for line in lines:
        previous = None
        for word in sorted(line, key=lambda w: w["x0"]):
            span, holder = Span(word["x0"], word["x1"]), _holder(word, cells)
            if previous is not None:
                top, last, text, last_holder = previous
                if 0 <= span.x0 - last.x1 < PHRASE_GAP and holder == last_holder:
                    previous = (top, Span(last.x0, span.x1), f"{text} {word['text']}", holder)
                    continue
                phrases.append(previous[:3])
            previous = (word["top"], span, word["text"], holder)
        if previous is not None:
            phrases.append(previous[:3])
    return phrases


def _group_columns(top: float, span: Span, columns: list[Span], cells, phrases) -> list[int]:
    """The columns under a group header that fits inside its first column, or [].

    A left-aligned group cell (Word's default alignment) puts `True Alerts`
    wholly above `Confirmed`. It is a group header when the smallest header
    cell holding it spans several data columns and every one of them has a
    sub-header below that cell. A wide cell holding sub-headers side by side
    (`Confirmed Unconfirmed`, 2023-24 page 1) has nothing below it: not a group.
    """
    holding = [c for c in cells if Span(c[0], c[2]).holds(span) and c[1] - 1 <= top <= c[3]]
    if not holding:
        return []
    cell = min(holding, key=lambda c: (c[2] - c[0]) * (c[3] - c[1]))
    covered = [i for i, col in enumerate(columns) if cell[0] <= col.centre <= cell[2]]
    if len(covered) < 2:
        return []
    below = [s for t, s, _ in phrases if t >= cell[3] - 1]
    if all(any(columns[i].holds(s) for s in below) for i in covered):
        return covered
    return []


def _holder(word, cells):
    """The smallest header cell holding the word's centre, or None."""
    x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    holding = [c for c in cells if c[0] <= x <= c[2] and c[1] <= y <= c[3]]
    return min(holding, key=lambda c: (c[2] - c[0]) * (c[3] - c[1])) if holding else None


def _phrase_columns(top: float, span: Span, columns: list[Span], cells, phrases) -> list[int]:
    """The data columns a header phrase names.

    A phrase inside one data column names that column, unless it is a group
    header set flush left (see _group_columns). A phrase straddling column
    edges is a group header (`True Alerts` centred over Confirmed |
    Unconfirmed): it names every column under the header cell that holds it.
    """
    inside = [i for i, col in enumerate(columns) if col.holds(span)]
    if inside:
        return _group_columns(top, span, columns, cells, phrases) or inside[:1]
    holders = [Span(c[0], c[2]) for c in cells if Span(c[0], c[2]).holds(span)]
    if holders:
        cell = min(holders, key=lambda s: s.x1 - s.x0)
        covered = [i for i, col in enumerate(columns) if cell.x0 <= col.centre <= cell.x1]
        if covered:
            return covered
    best = max(range(len(columns)), key=lambda i: columns[i].overlap(span))
    overlapping = [i for i, col in enumerate(columns) if col.overlap(span) > 0]
    return overlapping or [best]
