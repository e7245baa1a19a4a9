"""Warehouses for the dashboard tests (views, snapshot, report), built with the real loaders.

The three real Met PDFs are extracted once per session (about 13 s) and
loaded with `warehouse.met_load.load_met_document`; questions, claims,
findings and alerts go through their own loaders, so the views see what a
run would leave. `HOSTILE` is text a page or PDF could carry to inject
markup or script into the report.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from datetime import date, datetime, timezone
from pathlib import Path

import duckdb

from schemas.questions import Answer, Question
from schemas.records import MetDocument
from scrapers.claims import question_claims
from scrapers.met.records import extract_document
from tests.helpers.real_pages import REAL_PDFS, real_pdf
from warehouse import fetch_state, findings, met_load
from warehouse.db import connect
from warehouse.publish import write_snapshot
from warehouse.questions_load import load_question
from warehouse.views import apply_views

LOADED_AT = datetime(2025, 6, 1, tzinfo=timezone.utc)
MET = "https://www.met.police.uk/SysSiteAssets/media/downloads/force-content/met/advice/lfr/deployment-records/"
GLA = "https://www.london.gov.uk/who-we-are/what-london-assembly-does/questions-mayor/find-an-answer/"
HOSTILE = "<script>alert(1)</script>"


@functools.cache
def _document(name: str) -> MetDocument:
    return extract_document(real_pdf(name), MET + REAL_PDFS[name].name)


def real_documents(*names: str) -> list[MetDocument]:
    """The real Met documents by REAL_PDFS key (all three by default); skips when they are absent."""
    return [_document(n) for n in (names or tuple(REAL_PDFS))]


def load_documents(con: duckdb.DuckDBPyConnection, documents: list[MetDocument], at: datetime = LOADED_AT) -> None:
    """Archive each document's URL state and load its deployments, as a run would."""
    for document in documents:
        met_load.load_met_document(con, document, at)
        fetch_state.record_fetch(con, url=document.url, source="met", role="document", at=at, status=200,
                          sha256=document.sha256)


def answer(text: str, answered: date, position: int = 1) -> Answer:
    return Answer("The Mayor", answered, text, text.split("\n\n"), [], [], False, position)


def question(slug: str, title: str, reference: str | None, answers: list[Answer]) -> Question:
    return Question(GLA + slug, title, reference, "Siân Berry", "Green", "The Mayor", None, None,
                    "How many people were misidentified?", answers, "new")


def load_questions(con: duckdb.DuckDBPyConnection, questions: list[Question], at: datetime = LOADED_AT) -> None:
    """Load questions with the claims their answers state (scrapers.claims), as the questions flow does."""
    for q in questions:
        claims = question_claims(q)
        load_question(con, q, claims, source_url=q.url, document_sha256="0" * 64, observed_at=at)


def founding_questions() -> list[Question]:
    """Claims that agree with the real records, contradict them, need review, and carry hostile text."""
    return [
        question("lfr-alerts-2023", "Live facial recognition alerts in 2023", "2024/0001",
                 [answer("In 2023 there were 68 alerts.", date(2024, 2, 1))]),
        question("lfr-alerts-2024", "Live facial recognition alerts in 2024", "2025/0002",
                 [answer("In 2024 the Met made 2,000 alerts across all deployments.", date(2025, 2, 1))]),
        question("lfr-injection", f"Facial recognition {HOSTILE} (1)", f"2025/{HOSTILE}",
                 [answer(f"At Oxford Circus {HOSTILE} there were 8 alerts this year.", date(2025, 3, 30))]),
    ]


def record_broken_source(con: duckdb.DuckDBPyConnection, url: str, at: datetime = LOADED_AT) -> None:
    """A document URL that answered before and now fails, with its source_broken finding."""
    fetch_state.record_fetch(con, url=url, source="met", role="document", at=at, status=200, sha256="1" * 64)
    error = f"HTTP 500 from {url} {HOSTILE}"
    fetch_state.record_fetch(con, url=url, source="met", role="document", at=at, status=500, error=error)
    findings.record_source_broken(con, subject=f"document:{url}", summary=f"Met deployment record failed: {error}",
                                  evidence={"url": url, "error": error}, at=at)


def hostile_document() -> MetDocument:
    """One deployment whose printed location and note carry markup, as a tampered PDF could."""
    base = real_documents("2025")[0].deployments[0]
    sha = "e" * 64
    row = replace(base, deployment_id="2025-06-01-hostile-1", deployment_date=date(2025, 6, 1),
                  location=f"Oxford Circus {HOSTILE}", note="<img src=x onerror=alert(2)>", document_sha256=sha,
                  document_url=MET + "hostile.pdf", source_page=1, source_row=1)
    return MetDocument(MET + "hostile.pdf", sha, f"MPS LFR {HOSTILE}", 1, [row], [])


def revised_document(document: MetDocument, index: int, **changes) -> MetDocument:
    """A re-publication of `document` (new sha256) with one deployment's figures changed."""
    sha = "d" * 64
    rows = [replace(d, document_sha256=sha, **(changes if i == index else {}))
            for i, d in enumerate(document.deployments)]
    return replace(document, sha256=sha, deployments=rows)


def build_report_warehouse(db: Path) -> Path:
    """A warehouse as runs would leave it (real records, claims, findings, alerts), published; returns the snapshot."""
    from warehouse.alerts import alerts_from_findings
    from warehouse.contradictions import record_contradictions

    con = connect(db)
    try:
        apply_views(con)
        load_documents(con, real_documents() + [hostile_document()])
        load_questions(con, founding_questions())
        record_contradictions(con, at=LOADED_AT)
        findings.record_finding(
            con, key="figure_revised:report-test", kind="figure_revised",
            subject="deployment:2020-02-27-oxford-circus-1",
            summary=f"faces_seen revised 8600 → 8700 {HOSTILE}",
            evidence={"field": "faces_seen", "old": 8600, "new": 8700,
                      "old_document": {"url": MET + "old.pdf", "sha256": "a" * 64, "page": 1, "row": 3},
                      "new_document": {"url": "javascript:alert(3)", "sha256": "b" * 64, "page": 1, "row": 3}},
            at=LOADED_AT)
        record_broken_source(con, MET + "broken.pdf")
        alerts_from_findings(con, at=LOADED_AT, channels=[])
    finally:
        con.close()
    return write_snapshot(db)
