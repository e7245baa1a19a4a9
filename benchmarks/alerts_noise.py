"""Benchmark: the alerts a person gets when the three real Met records are published one after another.

Prints figures, asserts nothing. Two ways the Met has published:

A. each record at its own URL (2020–22, then 2023–24, then 2025), the way
   the files are linked today;
B. one "to date" URL whose contents are replaced by the next record (the
   reused `lfr-deployment-grid.pdf` of docs/sources.md §1.1).

Each publication is loaded through the real loaders (warehouse/fetch_state.py, warehouse/met_load.py),
then the finding rules and the alert step run (warehouse/rules/,
warehouse/contradictions.py, warehouse/alerts.py) without Prefect; the
alerts raised after each publication are printed with the time the rules
took, then every finding kept in state `noted` (recorded, not alerted).
Needs the real PDFs in ../shared/real-pages.

    .venv/bin/python benchmarks/alerts_noise.py
"""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scrapers.met.records import extract_document  # noqa: E402
from tests.helpers.real_pages import REAL_PDFS  # noqa: E402
from warehouse import alerts, fetch_state, met_load  # noqa: E402
from warehouse.rules import record_change_findings  # noqa: E402
from warehouse.contradictions import record_contradictions  # noqa: E402
from warehouse.db import connect  # noqa: E402

BASE = "https://www.met.police.uk/SysSiteAssets/media/downloads/force-content/met/advice/lfr"
OWN_URLS = {
    "2020-2022": f"{BASE}/new/lfr-deployment-grid-2020-2022.pdf",
    "2023-2024": f"{BASE}/deployment-records/lfr-deployment-grid-2023-to-2024.pdf",
    "2025": f"{BASE}/deployment-records/live-facial-recognition---deployment-record-2025-to-date.pdf",
}
TO_DATE = f"{BASE}/deployment-records/lfr-deployment-grid.pdf"


def scenario(label: str, url_of) -> None:
    print(f"\n== {label}")
    con = connect(":memory:")
    t0 = datetime(2025, 6, 1, tzinfo=timezone.utc)
    total = 0
    for day, (name, path) in enumerate(REAL_PDFS.items()):
        content, url, at = path.read_bytes(), url_of(name), t0 + timedelta(days=30 * day)
        sha, _ = fetch_state.archive_raw(con, url=url, source="met", content=content, fetched_at=at, http_status=200,
                                  etag=None, last_modified=None, content_type="application/pdf")
        met_load.load_met_document(con, extract_document(content, url), at)
        fetch_state.record_fetch(con, url=url, source="met", role="document", at=at, status=200, sha256=sha)
        started = time.perf_counter()
        record_change_findings(con, at=at, stale_after_days=45)
        record_contradictions(con, at=at)
        raised = alerts.alerts_from_findings(con, at=at, channels=[])
        took = time.perf_counter() - started
        total += len(raised)
        print(f"{name}: {len(raised)} alerts ({took:.2f} s for the rules and the alert step)")
        for alert in raised:
            print(f"    [{alert.kind}] {alert.summary}")
    noted = con.execute("SELECT kind, count(*) FROM findings WHERE state = 'noted' GROUP BY ALL ORDER BY ALL").fetchall()
    print(f"total: {total} alerts for {con.execute('SELECT count(*) FROM deployments').fetchall()[0][0]} deployments; "
          f"recorded without an alert: {', '.join(f'{n} {k}' for k, n in noted) or 'none'}")
    con.close()


if __name__ == "__main__":
    if not all(p.exists() for p in REAL_PDFS.values()):
        sys.exit(f"real Met PDFs not found in {next(iter(REAL_PDFS.values())).parent}")
    scenario("A. each record at its own URL", OWN_URLS.__getitem__)
    scenario("B. one 'to date' URL re-published with the next record", lambda name: TO_DATE)
