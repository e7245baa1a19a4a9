"""The scenario of issue 4, end to end over real HTTP on 127.0.0.1: state 1 → run → state 2 → run → run.

A local site stands in for both www.met.police.uk (an index page and a
"to date" deployment record generated as a PDF) and www.london.gov.uk
(the find-an-answer search and question pages). The real Met and Mayor's
Questions flows fetch, parse and load them; then the alert step raises
and delivers. State 2 re-publishes the "to date" file with a deployment
added, one figure revised and one deployment withdrawn, and the Mayor's
answers bring one correction, one claim that contradicts the records and
one that agrees with them. Expected: exactly those alerts, each once, in
one digest message; a third run raises nothing. Places, figures and
answers are invented.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import duckdb
import pytest

from flows.pipeline import lfr_watch
from flows.settings import load_settings
from scrapers.london_gov.search_page import FIND_AN_ANSWER_PATH
from tests.helpers.gla_site import QuestionPage, search_handler
from tests.helpers.met_site import INDEX_PATH, LFR, index_html, site_settings
from tests.helpers.pdf_factory import FLAT_HEADER, FLAT_WIDTHS, GridTable, data_row, render_pdf
from tests.helpers.sites import LocalSite
from tests.helpers.sites import Webhook

pytestmark = pytest.mark.usefixtures("prefect_harness")

TO_DATE_PATH = f"{LFR}/deployment-records/lfr-deployment-grid.pdf"
TODAY = date.today()
SINCE = TODAY - timedelta(days=60)
CROYDON = "<p>At Croydon on 8 January 2025, 9,000 faces were scanned.</p>"


def record(rows: list[list[str]]) -> bytes:
    return render_pdf([GridTable([FLAT_HEADER, *rows], FLAT_WIDTHS, header_rows=1)], title="MPS LFR DEPLOYMENTS 2025")


# Outcome columns differ row by row: a column copying another throughout is itself a check failure (issue 5).
STATE_1 = [data_row("Croydon", "08/01/25", faces="9000", no_action="0"),
           data_row("Oxford Circus", "15/01/25", faces="8000"),
           data_row("Stratford", "22/01/25", faces="9000", no_action="0")]
STATE_2 = [data_row("Croydon", "08/01/25", faces="9000", no_action="0"),
           data_row("Oxford Circus", "15/01/25", faces="8500"),
           data_row("Walthamstow", "05/02/25", faces="9000", no_action="0")]


def question(slug: str, title: str, reference: str, answers: list[tuple[date, str]]) -> QuestionPage:
    return QuestionPage(slug, title, reference, TODAY - timedelta(days=20),
                        f"{title}: how many faces has live facial recognition scanned?", answers)


def pages(state: int) -> list[QuestionPage]:
    asked = TODAY - timedelta(days=12)
    croydon = [(asked, CROYDON)]
    if state == 1:
        return [question("lfr-croydon", "Live facial recognition in Croydon", "2025/0001", croydon)]
    return [
        question("lfr-croydon", "Live facial recognition in Croydon", "2025/0001", croydon + [
            (TODAY - timedelta(days=2), "<p>Correction: at Croydon on 8 January 2025, 9,000 faces were scanned "
                                        "and there were 5 alerts.</p>")]),
        question("lfr-january", "Live facial recognition in January", "2025/0002",
                 [(TODAY - timedelta(days=3), "<p>Between 1 and 31 January 2025, more than 20,000 faces were scanned.</p>")]),
        question("lfr-january-2", "Live facial recognition in January (2)", "2025/0003",
                 [(TODAY - timedelta(days=3), "<p>Between 1 and 31 January 2025, more than 17,000 faces were scanned.</p>")]),
    ]


def publish_state(site: LocalSite, state: int) -> None:
    site.serve(TO_DATE_PATH, record(STATE_1 if state == 1 else STATE_2), content_type="application/pdf")
    questions = pages(state)
    site.serve_handler(FIND_AN_ANSWER_PATH, search_handler(questions))
    for page in questions:
        site.serve(page.path, page.render())


def run(settings) -> list[tuple[str, str]]:
    """One pipeline run (its own alert and delivery steps); the (kind, subject) of every alert it raised."""
    report = lfr_watch(settings, ("met", "questions"), SINCE, TODAY)
    assert report.exit_status == 0, report.summary()
    with duckdb.connect(str(settings.db_path)) as con:
        stored = con.execute("SELECT count(*) FROM alerts WHERE alert_id IN (SELECT unnest(?))",
                             [[a.alert_id for a in report.alerts]]).fetchall()[0][0]
    assert stored == len(report.alerts)
    return sorted((a.kind, a.subject) for a in report.alerts)


def test_state_1_then_state_2_raises_exactly_the_expected_alerts_once(tmp_path, monkeypatch):
    db = tmp_path / "lfr.duckdb"
    with LocalSite() as site, Webhook() as hook:
        site.serve(INDEX_PATH, index_html([TO_DATE_PATH]))
        monkeypatch.setenv("LFRWATCH_NOTIFY_URLS", hook.apprise_url)
        settings = site_settings(site, db, question_search_terms=("facial recognition",), question_recheck_days=0,
                                 notify_urls=load_settings().notify_urls)
        to_date = site.url(TO_DATE_PATH)
        gla = "https://www.london.gov.uk" + FIND_AN_ANSWER_PATH

        publish_state(site, 1)
        assert run(settings) == [("answer_new", "question:2025/0001"), ("document_new", f"document:{to_date}")]

        publish_state(site, 2)
        second = run(settings)

        assert second == [
            ("answer_corrected", "question:2025/0001"),
            ("answer_new", "question:2025/0002"),
            ("answer_new", "question:2025/0003"),
            ("deployment_new", "deployment:2025-02-05-walthamstow-1"),
            ("deployment_withdrawn", "deployment:2025-01-22-stratford-1"),
            ("figure_contradicted", "question:2025/0002"),
            ("figure_revised", "deployment:2025-01-15-oxford-circus-1"),
        ]
        assert run(settings) == []

        with duckdb.connect(str(db)) as con:
            revised, = con.execute("SELECT evidence->>'field', evidence->>'old', evidence->>'new' FROM alerts "
                                   "WHERE kind = 'figure_revised'").fetchall()
            [(contradiction,)] = con.execute("SELECT evidence FROM alerts WHERE kind = 'figure_contradicted'").fetchall()
            undelivered = con.execute("SELECT count(*) FROM deliveries WHERE state <> 'delivered'").fetchall()[0][0]
        assert revised == ("faces_seen", "8000", "8500")
        # January as published now: Croydon 9,000 + Oxford Circus 8,500; Stratford was withdrawn.
        contradiction = json.loads(contradiction)
        assert (contradiction["computed"], contradiction["claim"]["low"]) == (17500, 20001)
        assert contradiction["deployment_ids"] == ["2025-01-08-croydon-1", "2025-01-15-oxford-circus-1"]
        assert contradiction["claim"]["question_url"] == f"{gla}/lfr-january"
        # One message per run that raised alerts: the second is one digest of all seven.
        assert undelivered == 0 and len(hook.messages) == 2
        assert hook.messages[1]["title"].startswith("LFR Watch: 7 new alerts")


def test_the_three_real_records_published_one_after_another_raise_one_alert_each(tmp_path):
    """The noise check of issue 4: 286 deployments arrive in three documents; a person gets three alerts."""
    from tests.helpers.met_site import PATHS
    from tests.helpers.real_pages import real_pdf

    db = tmp_path / "lfr.duckdb"
    raised = []
    with LocalSite() as site:
        settings = site_settings(site, db)
        for published, name in enumerate(("2020-2022", "2023-2024", "2025"), 1):
            site.serve(PATHS[name], real_pdf(name), content_type="application/pdf")
            site.serve(INDEX_PATH, index_html([PATHS[n] for n in list(PATHS)[:published]]))
            report = lfr_watch(settings, ("met",))
            assert report.exit_status == 0
            raised.append(sorted((a.kind, a.summary) for a in report.alerts))

    # One alert per new document, plus the real errors the checks find in it (issue 5): none in
    # 2020-22; four rows and one document-wide quirk in 2023-24; two rows in 2025.
    assert [[kind for kind, _ in run] for run in raised] == [
        ["document_new"], ["check_failed"] * 5 + ["document_new"], ["check_failed"] * 2 + ["document_new"]]
    assert [run[-1][1] for run in raised] == [
        "New Met deployment record lfr-deployment-grid-2020-2022.pdf: MPS LFR DEPLOYMENTS 2020 – 2022, "
        "9 deployments 2020-02-11 to 2022-07-28 (9 not seen before)",
        "New Met deployment record lfr-deployment-grid-2023-to-2024.pdf: MPS LFR DEPLOYMENTS 2023 –Date, "
        "203 deployments 2023-04-06 to 2024-12-20 (203 not seen before)",
        "New Met deployment record live-facial-recognition---deployment-record-2025-to-date.pdf: "
        "MPS LFR DEPLOYMENTS 2025, 74 deployments 2025-01-08 to 2025-05-10 (74 not seen before)",
    ]
    with duckdb.connect(str(db)) as con:
        assert con.execute("SELECT kind, state, count(*) FROM findings GROUP BY ALL ORDER BY ALL").fetchall() == [
            ("check_failed", "alert", 7), ("deployment_new", "noted", 286), ("document_new", "alert", 3)]
