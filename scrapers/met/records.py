"""Met deployment-record PDF → normalised deployments and purpose legends.

Owns the assembly: header columns carried from page to page (the 2025
record prints its header on page 1 only; the 2023–24 record changes it
mid-document), cells cut by page breaks joined back, cells read into the
deployment columns of docs/architecture.md, totals derived from their printed
components, ids assigned. Pure: bytes and URL in, records out.

Proof: tests/test_met_extract_real.py, tests/test_met_extract_generated.py.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from schemas.records import COUNT_COLUMNS, Deployment, MetDocument, PurposeReference
from scrapers.errors import SourceFormatError, never_crash
from scrapers.met import cells
from scrapers.met.headers import map_header
from scrapers.met.locations import assign_ids
from scrapers.met.pdf_layout import DATE_CELL, PageLayout, Span, TooManyPages, is_continuation, read_pages

LEGEND_KINDS = {"purpose": "purpose", "use case": "use_case"}


@dataclass
class _PrintedRow:
    page: int
    values: dict[str, str] = field(default_factory=dict)


MAX_PAGES = 200  # the real records have 2 to 10 pages; a thousand-page "record" is an attack or an accident


@never_crash("document", "unreadable PDF")
def extract_document(pdf_bytes: bytes, url: str, max_pages: int = MAX_PAGES) -> MetDocument:
    """All deployments and legends of one PDF; raises SourceFormatError naming what broke.

    Whatever the PDF library raises on a malformed file (bad boxes, broken
    cross-references, nesting that recurses) is that document's
    SourceFormatError, never an error of the run (`never_crash`).
    """
    sha256 = hashlib.sha256(pdf_bytes).hexdigest()
    if not pdf_bytes.lstrip().startswith(b"%PDF"):
        start = pdf_bytes[:40].decode("latin-1", "replace").strip()
        raise SourceFormatError(url, "document", f"not a PDF (starts {start!r})")
    try:  # what the PDF library raises on a malformed file is "unreadable PDF (…)", by never_crash
        pages = read_pages(pdf_bytes, max_pages)
    except TooManyPages as exc:
        raise SourceFormatError(url, "document", str(exc)) from None
    printed = _printed_rows(pages, url)
    if not printed:
        raise SourceFormatError(
            url, "document", "no deployment rows found: no table row holds a DD/MM/YY date (is this a deployment record?)"
        )
    deployments = _normalise(printed, url, sha256)
    title = next((p.title for p in pages if p.title), None)
    return MetDocument(url, sha256, title, len(pages), deployments, _legends(pages))


def _printed_rows(pages: list[PageLayout], url: str) -> list[_PrintedRow]:
    rows: list[_PrintedRow] = []
    names: list[str] | None = None
    header_spans: list[Span] = []
    for page in pages:
        if not page.rows:
            continue
        if page.header is not None:
            names, header_spans = map_header(page.header, url, page.page_no), page.columns
            page_names = names
        elif names is None:
            raise SourceFormatError(url, f"page {page.page_no}", "deployment rows before any header")
        else:
            page_names = _carry_header(names, header_spans, page, url)
        for cells_ in page.rows:
            values = _assign(cells_, page.columns, page_names)
            if DATE_CELL.match(values.get("deployment_date", "")):
                rows.append(_PrintedRow(page.page_no, values))
            elif is_continuation(cells_, page.columns[0]):
                if not rows:
                    raise SourceFormatError(url, f"page {page.page_no}", f"text {cells_[0].text!r} before the first row")
                joined = f"{rows[-1].values.get('location', '')} {values.get('location', '')}"
                rows[-1].values["location"] = joined.strip()
            else:
                texts = [c.text for c in cells_ if c.text]
                raise SourceFormatError(url, f"page {page.page_no}", f"row without a DD/MM/YY date: {texts!r}")
    return rows


def _carry_header(names: list[str], spans: list[Span], page: PageLayout, url: str) -> list[str]:
    """Names for a page without a header, by lining its columns up with the last header's."""
    out = []
    for column in page.columns:
        best = max(range(len(spans)), key=lambda i: spans[i].overlap(column))
        if spans[best].overlap(column) < 0.5 * min(column.x1 - column.x0, spans[best].x1 - spans[best].x0):
            raise SourceFormatError(
                url, f"page {page.page_no}", f"a column at x={column.x0:.0f}–{column.x1:.0f} lines up with no header column"
            )
        out.append(names[best])
    if len(set(out)) != len(out):
        raise SourceFormatError(url, f"page {page.page_no}", "columns do not line up with the header of an earlier page")
    return out


def _assign(row, columns: list[Span], names: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for cell in row:
        for span, name in zip(columns, names):
            if span.x0 - 1 <= cell.span.centre <= span.x1 + 1:
                values[name] = f"{values.get(name, '')} {cell.text}".strip()
                break
    return values


def _normalise(printed: list[_PrintedRow], url: str, sha256: str) -> list[Deployment]:
    parsed = []
    for number, row in enumerate(printed, 1):
        try:
            parsed.append(_figures(row.values))
        except cells.CellError as exc:
            raise SourceFormatError(url, f"page {row.page}, row {number}", str(exc)) from None
    ids = assign_ids([(p["deployment_date"], p["location"]) for p in parsed])
    return [
        Deployment(
            deployment_id=ids[i],
            document_sha256=sha256,
            document_url=url,
            source_page=row.page,
            source_row=i + 1,
            **parsed[i],
        )
        for i, row in enumerate(printed)
    ]


def _figures(values: dict[str, str]) -> dict:
    location, note = cells.split_location(values.get("location", ""))
    out: dict = {
        "deployment_date": cells.parse_date(values["deployment_date"]),
        "location": location,
        "note": note,
        "duration_minutes": cells.parse_duration(values.get("duration")),
        "purpose": cells.parse_text(values.get("purpose")),
        "watchlist_size": cells.parse_count(values.get("watchlist_size")),
        "threshold": cells.parse_threshold(values.get("threshold")),
        "false_alert_rate_printed": cells.parse_text(values.get("false_alert_rate_printed")),
    }
    for column in COUNT_COLUMNS:
        out[column] = cells.parse_count(values.get(column))
    for total in ("true_alerts", "false_alerts"):
        if total not in values:
            out[total] = _sum_of_published(values, out, (f"{total}_confirmed", f"{total}_unconfirmed"))
    published_counts = [c for c in COUNT_COLUMNS if c in values]
    aborted = bool(published_counts) and all(out[c] is None for c in published_counts)
    out["status"] = "aborted" if aborted else "completed"
    return out


def _sum_of_published(values: dict[str, str], out: dict, parts: tuple[str, ...]) -> int | None:
    """A total from the components the era prints; None if none is printed or one is N/A."""
    printed = [p for p in parts if p in values]
    if not printed or any(out[p] is None for p in printed):
        return None
    return sum(out[p] for p in printed)


def _legends(pages: list[PageLayout]) -> list[PurposeReference]:
    out: list[PurposeReference] = []
    number = 0
    for page in pages:
        for table in page.legends:
            number += 1
            heading = " ".join(table[0][1:2]).lower() if table and len(table[0]) > 1 else "purpose"
            kind = LEGEND_KINDS.get(heading, "purpose")
            for row in table[1:]:
                if len(row) >= 2 and row[0].rstrip(".").isdigit():
                    policy = row[2] if len(row) > 2 else None
                    out.append(PurposeReference(number, kind, row[0].rstrip("."), row[1], policy, page.page_no))
    return out
