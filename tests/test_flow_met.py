"""End to end: the Met flow over real HTTP on 127.0.0.1, real PDFs, a real DuckDB file.

The local site serves an index page written by us (docs/sources.md §1.1) and
the three real Met PDFs at their real paths. Faults are served by the
same site: truncated PDF, HTML served as a PDF, 403 index, 500 then 200,
429 with Retry-After, a timeout.
"""

from __future__ import annotations

import duckdb
import pytest

from flows.pipeline import lfr_watch
from tests.helpers.real_pages import real_pdf
from tests.helpers.met_site import INDEX_PATH, PATHS, index_html, site_settings
from tests.helpers.sites import LocalSite

pytestmark = pytest.mark.usefixtures("prefect_harness")

TABLES = ("raw_documents", "met_document_versions", "purpose_references", "deployment_observations",
          "deployment_versions", "deployments", "findings")


@pytest.fixture()
def met_site():
    pdfs = {name: real_pdf(name) for name in PATHS}
    with LocalSite() as site:
        site.serve(INDEX_PATH, index_html(list(PATHS.values())))
        for name, path in PATHS.items():
            site.serve(path, pdfs[name], content_type="application/pdf")
        site.pdfs = pdfs
        yield site


def counts(db_path) -> dict[str, int]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}


def query(db_path, sql: str, params=()):
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute(sql, params).fetchall()


def test_cold_run_loads_every_document_and_warm_run_adds_nothing(met_site, tmp_path):
    db = tmp_path / "lfr.duckdb"
    settings = site_settings(met_site, db)

    report = lfr_watch(settings, ("met",))

    assert report.exit_status == 0, report.summary()
    assert report.met.new_versions == 3
    assert report.met.new_deployments == 286
    per_document = query(db, """
        SELECT document_url, count(*), count(*) FILTER (WHERE status = 'aborted'),
               sum(faces_seen), sum(alerts_total), sum(arrests)
        FROM deployments GROUP BY document_url ORDER BY 1""")
    by_path = {url.split("/")[-1]: tuple(rest) for url, *rest in per_document}
    assert by_path == {
        "lfr-deployment-grid-2020-2022.pdf": (9, 1, 157566, 28, 9),
        "lfr-deployment-grid-2023-to-2024.pdf": (203, 0, 1229140, 1344, 609),
        "live-facial-recognition---deployment-record-2025-to-date.pdf": (74, 0, 1142325, 814, 342),
    }
    assert query(db, "SELECT count(*) FROM deployment_versions")[0][0] == 286
    # Provenance: document, page and row for every deployment, and the raw bytes behind it.
    assert query(db, """
        SELECT count(*) FROM deployments d JOIN raw_documents r
          ON r.sha256 = d.document_sha256 AND r.url = d.document_url
        WHERE d.source_page >= 1 AND d.source_row >= 1""")[0][0] == 286
    assert query(db, "SELECT count(DISTINCT document_sha256) FROM purpose_references")[0][0] == 3
    before = counts(db)
    pdf_requests = sum(met_site.count(p) for p in PATHS.values())

    warm = lfr_watch(settings, ("met",))

    assert warm.exit_status == 0
    assert warm.met.new_versions == 0 and warm.met.unchanged == 3
    assert counts(db) == before
    # Every PDF was asked for conditionally and answered 304: nothing re-downloaded or re-parsed.
    repeat = [r for r in met_site.requests if r.path in PATHS.values()][pdf_requests:]
    assert len(repeat) == 3 and all("if-none-match" in r.headers for r in repeat)


def test_index_forbidden_still_fetches_known_documents_and_reports_it(met_site, tmp_path):
    db = tmp_path / "lfr.duckdb"
    met_site.script(INDEX_PATH, [(403, {}, b"<html><body>Access denied</body></html>")])

    report = lfr_watch(site_settings(met_site, db), ("met",))

    assert report.exit_status == 2
    assert any("no Met index page" in p for p in report.problems)
    # All three served URLs are also configured known documents.
    assert query(db, "SELECT count(*) FROM deployments")[0][0] == 286
    broken = query(db, "SELECT subject, evidence FROM findings WHERE kind = 'source_broken' AND state = 'alert'")
    assert [s for s, _ in broken] == ["source:met-index"]
    assert "403" in broken[0][1]

    # Unchanged and still broken: the finding is not raised twice.
    lfr_watch(site_settings(met_site, db), ("met",))
    assert len(query(db, "SELECT * FROM findings WHERE kind = 'source_broken'")) == 1


@pytest.mark.parametrize(
    "bad_body, expected",
    [
        (lambda pdf: pdf[: len(pdf) // 3], "unreadable PDF"),
        (lambda pdf: b"<!doctype html><html><body><h1>Service unavailable</h1></body></html>", "not a PDF"),
    ],
    ids=["truncated-pdf", "html-error-page-as-pdf"],
)
def test_bad_document_is_reported_keeps_data_and_recovers(met_site, tmp_path, bad_body, expected):
    db = tmp_path / "lfr.duckdb"
    settings = site_settings(met_site, db)
    lfr_watch(settings, ("met",))
    before = counts(db)
    path = PATHS["2023-2024"]
    url = met_site.url(path)
    met_site.serve(path, bad_body(met_site.pdfs["2023-2024"]), content_type="application/pdf")

    broken = lfr_watch(settings, ("met",))

    assert broken.exit_status == 2
    assert any(url in p and expected in p for p in broken.problems), broken.problems
    after = counts(db)
    assert after["deployments"] == before["deployments"] == 286
    assert after["raw_documents"] == before["raw_documents"] + 1  # the bad bytes are archived too
    assert query(db, "SELECT sum(faces_seen) FROM deployments WHERE document_url = ?", [url])[0][0] == 1229140
    assert query(db, "SELECT last_error FROM source_urls WHERE url = ?", [url])[0][0].count(expected) == 1
    assert query(db, "SELECT subject, state FROM findings WHERE kind = 'source_broken'") == [(f"document:{url}", "alert")]

    met_site.serve(path, met_site.pdfs["2023-2024"], content_type="application/pdf")
    recovered = lfr_watch(settings, ("met",))

    assert recovered.exit_status == 0
    assert recovered.met.new_versions == 0  # the good version was loaded before: nothing to re-parse
    assert query(db, "SELECT state FROM findings WHERE kind = 'source_broken'") == [("cleared",)]
    assert query(db, "SELECT last_error FROM source_urls WHERE url = ?", [url])[0][0] is None


def test_transient_server_errors_are_retried(met_site, tmp_path):
    db = tmp_path / "lfr.duckdb"
    pdf = met_site.pdfs["2020-2022"]
    met_site.script(PATHS["2020-2022"], [(500, {}, b"oops"), (200, {"Content-Type": "application/pdf"}, pdf)])
    met_site.script(PATHS["2025"], [(429, {"Retry-After": "1"}, b"slow down"),
                                     (200, {"Content-Type": "application/pdf"}, met_site.pdfs["2025"])])

    report = lfr_watch(site_settings(met_site, db), ("met",))

    assert report.exit_status == 0, report.summary()
    assert met_site.count(PATHS["2020-2022"]) == 2
    assert met_site.count(PATHS["2025"]) == 2
    assert query(db, "SELECT count(*) FROM deployments")[0][0] == 286


def test_timeout_names_the_url_and_keeps_what_was_loaded(met_site, tmp_path):
    db = tmp_path / "lfr.duckdb"
    lfr_watch(site_settings(met_site, db), ("met",))
    met_site.delay(PATHS["2025"], 3.0)

    report = lfr_watch(site_settings(met_site, db, timeout=0.5, attempts=1), ("met",))

    assert report.exit_status == 2
    url = met_site.url(PATHS["2025"])
    assert any(url in p and "time" in p.lower() for p in report.problems), report.problems
    assert query(db, "SELECT count(*) FROM deployments")[0][0] == 286
