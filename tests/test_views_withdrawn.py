"""A deployment withdrawn from a re-published document stays in the history but leaves the totals."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

from schemas.records import MetDocument
from tests.test_warehouse_load import deployment
from warehouse import met_load
from warehouse.db import connect

URL = "https://example.test/lfr-deployment-grid.pdf"  # one "to date" URL, re-published


def version(sha: str, rows) -> MetDocument:
    return MetDocument(URL, sha, "MPS LFR DEPLOYMENTS 2025", 1, [replace(r, document_sha256=sha, document_url=URL) for r in rows], [])


def test_withdrawn_deployment_is_flagged_and_left_out_of_totals():
    con = connect(":memory:")
    kept = deployment("2025-01-08-x-1", date(2025, 1, 8), "X", 9000, "a" * 64, 1)
    gone = deployment("2025-01-10-y-1", date(2025, 1, 10), "Y", 5000, "a" * 64, 2)
    met_load.load_met_document(con, version("a" * 64, [kept, gone]), datetime(2025, 2, 1, tzinfo=timezone.utc))
    assert con.execute("SELECT faces_seen FROM yearly_totals").fetchall() == [(14000,)]

    met_load.load_met_document(con, version("b" * 64, [kept]), datetime(2025, 3, 1, tzinfo=timezone.utc))

    assert con.execute("SELECT deployment_id, published_now FROM deployments_current ORDER BY 1").fetchall() == [
        ("2025-01-08-x-1", True), ("2025-01-10-y-1", False)]
    assert con.execute("SELECT deployments_completed, faces_seen FROM yearly_totals").fetchall() == [(1, 9000)]
    assert con.execute("SELECT faces_seen FROM monthly_totals").fetchall() == [(9000,)]
