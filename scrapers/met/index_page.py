"""Met LFR index page → links to deployment-record PDFs.

The Met publishes no HTML table: its facial-recognition page is only an
index of PDFs (docs/sources.md §1.1), and it links other PDFs too (policy,
equitability study). A deployment record is a PDF link whose file name or
link text says deployment grid/record. A page with no such link raises
SourceFormatError: a scrape that finds nothing fails loudly.

Proof: tests/test_met_index.py.
"""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup

from schemas.records import DocumentLink
from scrapers.errors import SourceFormatError, never_crash

_RECORD_NAME = re.compile(r"deployment[-_ ]*(grid|record)", re.I)
_RECORD_TEXT = re.compile(r"deployment\s*(grid|record|data)|lfr\s+deployments", re.I)


@never_crash("index page")
def parse_index(html: str | bytes, url: str) -> list[DocumentLink]:
    """Deployment-record PDF links in page order, absolute, de-duplicated."""
    soup = BeautifulSoup(html, "lxml")
    if soup.body is None or not soup.find("a", href=True):
        raise SourceFormatError(url, "page", "no links at all (empty page or not the LFR index)")
    links: list[DocumentLink] = []
    seen: set[str] = set()
    for anchor in soup.find_all("a", href=True):
        href = urldefrag(urljoin(url, anchor["href"].strip())).url
        path = urlsplit(href).path
        text = " ".join(anchor.get_text(" ").split())
        if not path.lower().endswith(".pdf"):
            continue
        name = path.rsplit("/", 1)[-1]
        if not (_RECORD_NAME.search(name) or _RECORD_TEXT.search(text)):
            continue
        if href not in seen:
            seen.add(href)
            links.append(DocumentLink(href, text or None, url))
    if not links:
        raise SourceFormatError(url, "a[href$=.pdf]", "no deployment-record PDF links found (layout changed?)")
    return links
