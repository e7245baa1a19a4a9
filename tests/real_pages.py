"""Where the real Met PDFs are: ../shared/real-pages beside the repository (data, never copied in)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
REAL_PAGES = REPO.parent / "shared" / "real-pages"
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
