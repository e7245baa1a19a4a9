"""Loading Met documents: history kept, revisions counted, one transaction per document."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

import duckdb
import pytest

from schemas.records import Deployment, MetDocument, PurposeReference
from warehouse import fetch_state, met_load
from warehouse.db import connect

T1 = datetime(2025, 3, 1, tzinfo=timezone.utc)
T2 = datetime(2025, 6, 1, tzinfo=timezone.utc)


def deployment(deployment_id: str, day: date, location: str, faces: int, sha: str, row: int) -> Deployment:
    return Deployment(
        deployment_id=deployment_id, deployment_date=day, location=location, note=None, status="completed",
        duration_minutes=300, purpose="Crime Hotspot", watchlist_size=16000, threshold=0.64, alerts_total=3,
        true_alerts=3, true_alerts_confirmed=3, true_alerts_unconfirmed=0, false_alerts=0, false_alerts_confirmed=0,
        false_alerts_unconfirmed=0, true_alert_engagements=None, false_alert_engagements=None, arrests=1,
        other_disposals=1, no_action=1, faces_seen=faces, false_alert_rate_printed="0%",
        document_sha256=sha, document_url=f"https://example.test/{sha}.pdf", source_page=1, source_row=row,
    )


def document(sha: str, rows: list[Deployment]) -> MetDocument:
    legend = [PurposeReference(1, "use_case", "1", "Use of LFR to support the policing of hotspots", "§1", 2)]
    return MetDocument(f"https://example.test/{sha}.pdf", sha, "TITLE", 2, rows, legend)


@pytest.fixture()
def con():
    connection = connect(":memory:")
    yield connection
    connection.close()


def count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]


def test_republished_deployment_with_a_changed_figure_is_a_revision_with_history(con):
    first = document("a" * 64, [deployment("2025-01-08-x-1", date(2025, 1, 8), "X", 9780, "a" * 64, 1),
                                deployment("2025-01-08-y-1", date(2025, 1, 8), "Y", 8480, "a" * 64, 2)])
    loaded = met_load.load_met_document(con, first, T1)
    assert (loaded.deployments, loaded.new, loaded.revised) == (2, 2, 0)

    rows = [deployment("2025-01-08-x-1", date(2025, 1, 8), "X", 9780, "b" * 64, 1),
            deployment("2025-01-08-y-1", date(2025, 1, 8), "Y", 8481, "b" * 64, 2),
            deployment("2025-01-10-z-1", date(2025, 1, 10), "Z", 100, "b" * 64, 3)]
    again = met_load.load_met_document(con, document("b" * 64, rows), T2)

    assert (again.deployments, again.new, again.revised) == (3, 1, 1)
    assert count(con, "deployments") == 3
    assert count(con, "deployment_observations") == 5
    assert con.execute(
        "SELECT faces_seen, first_document_sha256, first_observed_at, last_observed_at FROM deployment_versions "
        "WHERE deployment_id = '2025-01-08-y-1' ORDER BY first_observed_at"
    ).fetchall() == [(8480, "a" * 64, T1, T1), (8481, "b" * 64, T2, T2)]
    # The unchanged deployment keeps one version, now last seen in the later publication.
    assert con.execute(
        "SELECT first_document_sha256, last_observed_at FROM deployment_versions WHERE deployment_id = '2025-01-08-x-1'"
    ).fetchall() == [("a" * 64, T2)]
    assert con.execute("SELECT faces_seen, document_sha256 FROM deployments WHERE deployment_id = '2025-01-08-y-1'"
                       ).fetchall()[0] == (8481, "b" * 64)
    assert met_load.is_met_version_loaded(con, "a" * 64) and met_load.is_met_version_loaded(con, "b" * 64)
    assert count(con, "purpose_references") == 2


def test_a_failing_load_leaves_the_warehouse_as_it_was(con):
    met_load.load_met_document(con, document("a" * 64, [deployment("d-1", date(2025, 1, 8), "X", 1, "a" * 64, 1)]), T1)
    before = {t: count(con, t) for t in ("deployments", "deployment_versions", "deployment_observations",
                                          "purpose_references", "met_document_versions")}
    good = deployment("d-2", date(2025, 1, 9), "Y", 2, "c" * 64, 1)
    broken = replace(good, deployment_id="d-3", location=None, source_row=2)  # violates NOT NULL

    with pytest.raises(duckdb.ConstraintException):
        met_load.load_met_document(con, document("c" * 64, [good, broken]), T2)

    assert {t: count(con, t) for t in before} == before
    assert not met_load.is_met_version_loaded(con, "c" * 64)


def test_fetch_state_keeps_the_last_good_version_when_a_fetch_fails(con):
    url = "https://example.test/doc.pdf"
    fetch_state.record_fetch(con, url=url, source="met", role="document", at=T1, status=200, sha256="a" * 64,
                      etag='"v1"', last_modified="Sat, 01 Mar 2025 00:00:00 GMT")
    fetch_state.record_fetch(con, url=url, source="met", role="document", at=T2, status=200, sha256="b" * 64,
                      etag='"v2"', error="unreadable PDF")

    state = fetch_state.find_url_state(con, url)
    assert (state.last_sha256, state.etag, state.last_ok_at) == ("a" * 64, '"v1"', T1)
    assert con.execute("SELECT last_error, last_status FROM source_urls").fetchall()[0] == ("unreadable PDF", 200)
