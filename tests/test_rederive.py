"""Re-deriving history from the archive (flows/rederive.py, warehouse/rederive.py, `lfrwatch rederive`).

Each test stores statements as an older reader would have read them (its
claims rewritten or removed, as if that reader had missed or misread
them), then re-reads the archive with the current reader: a change of code
is a `derivation_changed` finding for review, never an answer_corrected or
a repeated contradiction alert; a contradiction found for the first time
is a finding marked as coming from the re-derivation; a second re-read
changes nothing.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from flows.settings import load_settings
from scrapers.versions import claim_reader_version, met_parser_version
from tests.helpers.findings_builders import T0, TO_DATE, answer_page, dep, publish, rows
from tests.helpers.real_pages import real_pdf
from warehouse import fetch_state, met_load
from warehouse.contradictions import record_contradictions
from warehouse.db import connect

DAY = date(2025, 5, 20)
SAID = "On 20 May 2025 LFR was deployed in Croydon. The deployment led to {arrests} arrests."


def findings(con, kind: str) -> list[tuple]:
    return rows(con, "SELECT state, evidence FROM findings WHERE kind = ? ORDER BY finding_key", [kind])


def a_warehouse(path, arrests: int):
    con = connect(path)
    publish(con, TO_DATE, [dep("2025-05-20", "Croydon", arrests=5)], T0)
    answer_page(con, "lfr-croydon", "2025/0101", [(date(2025, 5, 28), SAID.format(arrests=arrests))], T0)
    return con


def rederive(path, sources=("questions", "news")):
    from flows.rederive import rederive as flow

    return flow(load_settings().with_overrides(db_path=path), sources)


@pytest.mark.usefixtures("prefect_harness")
def test_claims_an_older_reader_missed_are_found_noted_and_checked_once(tmp_path):
    db = tmp_path / "w.duckdb"
    con = a_warehouse(db, arrests=9)
    con.execute("DELETE FROM claims")  # the older reader found no figure in the answer
    con.close()

    run = rederive(db)

    con = connect(db)
    assert (run.claims.versions, run.claims.changed, run.claims.added) == (1, 1, 1)
    assert rows(con, "SELECT metric, low, period_start, extractor_version FROM claims") == [
        ("arrests", 9.0, DAY, claim_reader_version())]
    (state, evidence), = findings(con, "derivation_changed")
    evidence = json.loads(evidence)
    assert state == "review" and evidence["added"] == ["arrests 9 2025-05-20..2025-05-20 [\"Croydon\"]"]
    assert evidence["previous_versions"] == [] and evidence["version"] == claim_reader_version()
    # the contradiction (9 stated, 5 recorded) is found for the first time: a finding, marked, and one alert
    (state, evidence), = findings(con, "figure_contradicted")
    assert state == "alert" and json.loads(evidence)["rederived"] == "first_found"
    assert rows(con, "SELECT kind FROM alerts") == [("figure_contradicted",)]
    # no change of source is claimed
    assert findings(con, "answer_corrected") == []
    before = rows(con, "SELECT count(*) FROM findings")[0][0]
    con.close()

    again = rederive(db)

    con = connect(db)
    assert (again.claims.versions, again.claims.changed, again.alerts) == (1, 0, 0)
    assert rows(con, "SELECT count(*) FROM findings")[0][0] == before
    assert rows(con, "SELECT count(*) FROM alerts")[0][0] == 1


@pytest.mark.usefixtures("prefect_harness")
def test_a_contradiction_the_old_reading_raised_is_not_raised_again(tmp_path):
    db = tmp_path / "w.duckdb"
    con = a_warehouse(db, arrests=9)
    # the older reader also took a figure that is not one, before the real one: the real claim's id shifts
    con.execute("UPDATE claims SET sentence_index = 2, claim_id = 'old-' || claim_id, extractor_version = 'claims-old'")
    con.execute("INSERT INTO claims BY NAME SELECT * REPLACE ('bogus' AS claim_id, 1 AS sentence_index, "
                "'deployments' AS metric, 2020.0 AS low, 2020.0 AS high) FROM claims")
    record_contradictions(con, at=T0)
    from warehouse.alerts import alerts_from_findings
    alerts_from_findings(con, at=T0, channels=[])
    assert rows(con, "SELECT count(*) FROM alerts")[0][0] == 1
    con.close()

    run = rederive(db)

    con = connect(db)
    assert (run.claims.added, run.claims.removed, run.first_found, run.carried_over, run.alerts) == (1, 2, 0, 1, 0)
    open_ = rows(con, "SELECT evidence->>'$.claim.claim_id', evidence->>'$.rederived' FROM findings "
                      "WHERE kind = 'figure_contradicted' AND state <> 'cleared'")
    current = rows(con, "SELECT claim_id FROM claims")[0][0]
    assert open_ == [(current, "carried_over")]  # the old claim's finding is cleared, the new one is not news
    assert rows(con, "SELECT count(*) FROM alerts")[0][0] == 1
    (_, evidence), = findings(con, "derivation_changed")
    assert json.loads(evidence)["previous_versions"] == ["claims-old"]


def test_a_rescoped_claim_is_listed_with_what_it_was(tmp_path):
    from warehouse.rederive import RederiveReport, replace_claims, statement_versions
    from scrapers.claims import extract_claims

    con = a_warehouse(tmp_path / "w.duckdb", arrests=5)
    con.execute("UPDATE claims SET period_start = NULL, period_end = NULL")  # the old reader lost the day
    versions = statement_versions(con, ("questions",))
    report = RederiveReport()
    readings = [(v, extract_claims(v.text, v.statement_date, title=v.title, question=v.question)) for v in versions]
    replace_claims(con, readings, at=T0, version=claim_reader_version(), report=report)
    (_, evidence), = findings(con, "derivation_changed")
    assert json.loads(evidence)["rescoped"] == [{"was": 'arrests 5 ?..? ["Croydon"]',
                                                 "now": 'arrests 5 2025-05-20..2025-05-20 ["Croydon"]'}]
    assert (report.changed, report.rescoped, report.added, report.removed) == (1, 1, 0, 0)


@pytest.mark.usefixtures("prefect_harness")
def test_met_documents_are_read_again_and_compared_without_rewriting_history(tmp_path):
    from scrapers.met.records import extract_document

    content = real_pdf("2020-2022")
    url = "https://www.met.police.uk/lfr/lfr-deployment-grid-2020-2022.pdf"
    db = tmp_path / "w.duckdb"
    con = connect(db)
    document = extract_document(content, url)
    fetch_state.archive_raw(con, url=url, source="met", content=content, fetched_at=T0, http_status=200, etag=None,
                            last_modified=None, content_type="application/pdf")
    met_load.load_met_document(con, document, T0)
    con.execute("UPDATE met_document_versions SET parser_version = NULL")
    # as if an older extractor had misread one row's figures
    con.execute("UPDATE deployment_observations SET figures_sha256 = 'misread' WHERE source_row = 1 AND source_page = 1")
    history = rows(con, "SELECT * FROM deployment_versions ORDER BY ALL")
    con.close()

    run = rederive(db, ("met",))

    con = connect(db)
    assert (run.documents, run.documents_changed, run.errors) == (1, 1, [])
    assert rows(con, "SELECT parser_version FROM met_document_versions") == [(met_parser_version(),)]
    (state, evidence), = findings(con, "derivation_changed")
    evidence = json.loads(evidence)
    assert state == "review" and len(evidence["refigured"]) == 1 and evidence["added"] == evidence["removed"] == []
    assert rows(con, "SELECT * FROM deployment_versions ORDER BY ALL") == history
    assert findings(con, "figure_revised") == []


@pytest.mark.usefixtures("prefect_harness")
def test_question_pages_are_read_again_and_a_different_reading_is_noted_not_applied(tmp_path):
    from pathlib import Path

    from scrapers.claims import question_claims
    from scrapers.london_gov.question_page import parse_question
    from scrapers.versions import question_parser_version
    from warehouse.questions_load import load_question

    html = (Path(__file__).parent / "fixtures" / "london_gov" / "new_answer_with_figures_in_words.html").read_bytes()
    url = "https://www.london.gov.uk/who-we-are/what-london-assembly-does/questions-mayor/find-an-answer/lfr-page"
    db = tmp_path / "w.duckdb"
    con = connect(db)
    sha, _ = fetch_state.archive_raw(con, url=url, source="questions", content=html, fetched_at=T0, http_status=200,
                                     etag=None, last_modified=None, content_type="text/html")
    question = parse_question(html, url)
    load_question(con, question, question_claims(question), source_url=url, document_sha256=sha, observed_at=T0)
    con.close()

    same = rederive(db, ("questions",))
    assert (same.pages, same.pages_changed, same.claims.changed) == (1, 0, 0)

    con = connect(db)
    # as if an older page reader had read the answer's text differently
    con.execute("UPDATE answer_versions SET text_sha256 = 'older-reading'")
    con.execute("UPDATE claims SET text_sha256 = 'older-reading'")
    answers = rows(con, "SELECT text FROM answer_versions")
    con.close()

    run = rederive(db, ("questions",))

    con = connect(db)
    assert (run.pages, run.pages_changed) == (1, 1)
    (state, evidence), = rows(con, "SELECT state, evidence FROM findings WHERE kind = 'derivation_changed' "
                                   "AND subject = ?", [f"document:{url}"])
    assert state == "review" and json.loads(evidence)["removed"] == ["1:older-reading"]
    assert rows(con, "SELECT text FROM answer_versions") == answers  # noted, not applied
    assert rows(con, "SELECT DISTINCT parser_version FROM questions") == [(question_parser_version(),)]


def test_the_reader_version_covers_every_module_the_reader_imports():
    import subprocess
    import sys

    # In a fresh interpreter: which of our modules does reading claims load?
    loaded = subprocess.run([sys.executable, "-c", "import sys, scrapers.claims; print(' '.join(sorted(m for m in "
                             "sys.modules if m.startswith('scrapers.'))))"], capture_output=True, text=True,
                            check=True).stdout.split()
    from scrapers.versions import claim_reader_files

    assert {m.removeprefix("scrapers.") + ".py" for m in loaded} <= {f.name for f in claim_reader_files()}
