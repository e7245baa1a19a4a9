"""A stand-in for www.met.police.uk on 127.0.0.1: the LFR index page and PDFs at their real paths.

The index page is written by us following docs/sources.md §1.1 (reconstructed,
not captured); the PDFs are the real ones from ../shared/real-pages.
"""

from __future__ import annotations

from flows.settings import MET_KNOWN_DOCUMENTS, MET_LIVE, Settings

INDEX_PATH = "/advice/advice-and-information/fr/facial-recognition-technology/"
LFR = "/SysSiteAssets/media/downloads/force-content/met/advice/lfr"
PATHS = {
    "2020-2022": f"{LFR}/new/lfr-deployment-grid-2020-2022.pdf",
    "2023-2024": f"{LFR}/deployment-records/lfr-deployment-grid-2023-to-2024.pdf",
    "2025": f"{LFR}/deployment-records/live-facial-recognition---deployment-record-2025-to-date.pdf",
}


def index_html(paths: list[str], absolute: bool = False) -> bytes:
    """An LFR page in the Met's style: prose, other PDFs, and the deployment records."""
    base = MET_LIVE if absolute else ""
    items = "\n".join(
        f'<li><a href="{base}{p}">LFR deployment record {i} (PDF)</a></li>' for i, p in enumerate(paths, 1)
    )
    return f"""<!doctype html>
<!-- reconstructed from docs/sources.md §1.1, not captured from the live site -->
<html lang="en"><head><title>Facial Recognition Technology | Metropolitan Police</title></head>
<body><main>
<h1>Facial Recognition Technology</h1>
<p>Live Facial Recognition is used to locate people on a watchlist.</p>
<h2>Documents</h2>
<ul>
<li><a href="{LFR}/mps-lfr-policy-document.pdf">MPS LFR policy document (PDF)</a></li>
<li><a href="{LFR}/equitability-study-test-strategy.pdf">Equitability study test strategy (PDF)</a></li>
</ul>
<h2>Deployment records</h2>
<ul>
{items}
</ul>
<p><a href="/contact">Contact us</a></p>
</main></body></html>""".encode()


def site_settings(site, db_path, **changes) -> Settings:
    """Settings pointing every Met URL at the local site, with no waiting between requests."""
    return Settings(
        db_path=db_path,
        met_url=site.base_url,
        gla_url=site.base_url,
        min_interval=0.0,
        timeout=5.0,
        attempts=2,
    ).with_overrides(met_known_documents=MET_KNOWN_DOCUMENTS, **changes)
