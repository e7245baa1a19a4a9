"""Where the real Met PDFs are: ../shared/real-pages beside the repository (data, never copied in)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# LFRWATCH_REAL_PAGES points elsewhere (tests/test_loud_skip.py uses it to show what an absent folder does).
REAL_PAGES = Path(os.environ.get("LFRWATCH_REAL_PAGES") or REPO.parent / "shared" / "real-pages")
REAL_PDFS = {
    "2020-2022": REAL_PAGES / "met-lfr-deployment-grid-2020-2022.pdf",
    "2023-2024": REAL_PAGES / "met-lfr-deployment-grid-2023-to-2024.pdf",
    "2025": REAL_PAGES / "met-lfr-deployment-grid-2025-08jan-to-10may.pdf",
}


def real_pdf(name: str) -> bytes:
    """The bytes of a real Met PDF, or skip the test when ../shared/real-pages is absent."""
    path = REAL_PDFS[name]
    if not path.exists():
        pytest.skip(f"real Met PDFs not available ({REAL_PAGES})")
    return path.read_bytes()

BASE_URL = "https://www.met.police.uk/SysSiteAssets/media/downloads/force-content/met/advice/lfr/"
REAL_URLS = {  # where the Met published each document (the 2025 URL is one of several)
    "2020-2022": BASE_URL + "new/lfr-deployment-grid-2020-2022.pdf",
    "2023-2024": BASE_URL + "deployment-records/lfr-deployment-grid-2023-to-2024.pdf",
    "2025": BASE_URL + "deployment-records/lfr-deployment-grid.pdf",
}


def extract_real_documents() -> list:
    """(name, bytes, MetDocument) for each real PDF, read by the real extractor (skips when absent)."""
    from scrapers.met.records import extract_document

    return [(name, real_pdf(name), extract_document(real_pdf(name), REAL_URLS[name])) for name in REAL_PDFS]


def load_real_documents(con, documents: list, at) -> None:
    """Load extracted real documents into `con` as the Met flow does: archive, load, fetch state."""
    from warehouse import fetch_state, met_load

    for name, content, document in documents:
        fetch_state.archive_raw(con, url=REAL_URLS[name], source="met", content=content, fetched_at=at, http_status=200,
                         etag=None, last_modified=None, content_type="application/pdf")
        met_load.load_met_document(con, document, at)
        fetch_state.record_fetch(con, url=REAL_URLS[name], source="met", role="document", at=at, status=200,
                          sha256=document.sha256)
