"""The checks over the three real Met deployment records: exactly the reviewed failures.

Each failure below was read off the rendered PDF page (benchmarks/checks_real.py
prints the list; docs/data-model.md "Checks on the real documents" gives the
verdict for each): all seven are mistakes in the Met's own documents, the
last one a quirk of the whole 2023–24 record, reported once. Skipped when
../shared/real-pages is absent.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from schemas.expectations import SUITES
from scrapers.met.records import extract_document
from tests.helpers.real_pages import real_pdf
from warehouse.check_frames import find_check_frame
from warehouse.checks import validate_frames
from warehouse.db import connect
from warehouse.met_load import load_met_document

BASE = "https://www.met.police.uk/SysSiteAssets/media/downloads/force-content/met/advice/lfr/"
URLS = {
    "2020-2022": BASE + "new/lfr-deployment-grid-2020-2022.pdf",
    "2023-2024": BASE + "deployment-records/lfr-deployment-grid-2023-to-2024.pdf",
    "2025": BASE + "deployment-records/lfr-deployment-grid.pdf",
}
DOCUMENT = {url: name for name, url in URLS.items()}

# (document, rule, level, page, row, date, location)
EXPECTED = {
    # 1 false alert in 3,940 faces is 0.025 %, printed 0.01 %
    ("2023-2024", "false_alert_rate_matches_counts", "row", 1, 18, date(2023, 12, 7), "Croydon, George St"),
    # total alerts 1, but 1 confirmed + 1 unconfirmed true alert
    ("2023-2024", "alerts_add_up", "row", 2, 24, date(2024, 1, 10), "Westminster"),
    # 2 confirmed true alerts, one outcome (arrest 1, other 0, no action 0)
    ("2023-2024", "outcomes_match_alerts", "row", 2, 46, date(2024, 3, 1), "London Bridge"),
    # 11/07/23 between 28/06/24 and 11/07/24 (and at the 0.62 threshold used in July 2024 only)
    ("2023-2024", "date_in_document_order", "row", 4, 113, date(2023, 7, 11), "Dalston"),
    # "No Action" repeats "Other Disposal" on all 203 rows
    ("2023-2024", "outcome_columns_distinct", "document", None, None, None, None),
    # 7 alerts, all confirmed true, but 1 + 2 + 5 = 8 outcomes
    ("2025", "outcomes_match_alerts", "row", 2, 36, date(2025, 3, 7), "High St, Hounslow"),
    # watchlist 19,199 beside 16,199 (same day) and 16,189
    ("2025", "watchlist_not_outlier", "row", 4, 68, date(2025, 5, 2), "Bond St Stn"),
}


@pytest.fixture(scope="module")
def run():
    pdfs = {name: real_pdf(name) for name in URLS}
    con = connect(":memory:")
    for name, content in pdfs.items():
        load_met_document(con, extract_document(content, URLS[name]), datetime(2025, 6, 1, tzinfo=timezone.utc))
    frames = {suite: find_check_frame(con, suite) for suite in SUITES}
    con.close()
    return frames, validate_frames(frames, today=date(2025, 6, 1))


def test_the_three_documents_fail_exactly_the_reviewed_rows(run):
    frames, result = run
    assert len(frames["deployments"]) == 9 + 203 + 74
    found = {
        (DOCUMENT[f.document_url], f.rule, f.level, f.source_page, f.source_row, f.deployment_date, f.location)
        for o in result.outcomes for f in o.failures
    }
    assert found == EXPECTED
    assert all(o.error is None for o in result.outcomes)


def test_the_copied_column_is_one_document_failure_naming_all_its_rows(run):
    _, result = run
    (outcome,) = [o for o in result.outcomes if o.rule == "outcome_columns_distinct"]
    (failure,) = outcome.failures
    assert failure.subject == f"document:{URLS['2023-2024']}"
    assert failure.observed["rows_failing"] == 203
    example = failure.observed["example_row"]
    assert example["other_disposals"] == example["no_action"] > 0


def test_the_2020_2022_record_and_its_aborted_row_raise_nothing(run):
    _, result = run
    assert not [f for o in result.outcomes for f in o.failures if f.document_url == URLS["2020-2022"]]
