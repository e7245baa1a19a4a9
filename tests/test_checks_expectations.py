"""Every expectation of every suite, on generated rows that pass and rows that fail.

Generated Met documents go through the real loader into a real DuckDB
(`load_met_document`), the real frame queries (`warehouse.check_frames`)
and the real GX run (`warehouse.checks.validate_frames`); clean documents
of each era must raise nothing, and the broken ones exactly the failures
listed in EXPECTED. Questions, answers and claims are inserted as rows
(no flow loads them yet). GX runs once for the module (its import alone
takes seconds).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pandas as pd
import pytest

from schemas.expectations import SUITES, build_suite
from schemas.expectations.row_rules import found_in, printed_rate_matches
from schemas.records import Deployment, MetDocument
from warehouse.check_frames import find_check_frame
from warehouse.checks import validate_frames
from warehouse.db import connect
from warehouse.met_load import load_met_document

TODAY = date(2026, 6, 1)
LOADED_AT = datetime(2026, 6, 1, 9, tzinfo=timezone.utc)
BASE = "https://example.test/lfr/"


def era1(row: int, day: date, **figures) -> Deployment:
    """A 2020–22 row: engagements, arrests/disposals, no confirmed/unconfirmed split."""
    values = dict(alerts_total=8, true_alerts=1, false_alerts=7, false_alerts_confirmed=7, true_alert_engagements=1,
                  false_alert_engagements=5, arrests=1, faces_seen=8600, false_alert_rate_printed="0.08%",
                  watchlist_size=7292, purpose="1, 2")
    values.update(figures)
    return _deployment(row, day, **values)


def era23(row: int, day: date, **figures) -> Deployment:
    """A 2023-on row: confirmed/unconfirmed, outcomes = confirmed true alerts, rate consistent."""
    values = dict(alerts_total=10, true_alerts=9, true_alerts_confirmed=8, true_alerts_unconfirmed=1, false_alerts=1,
                  false_alerts_confirmed=1, false_alerts_unconfirmed=0, arrests=4, other_disposals=1, no_action=3,
                  faces_seen=1123, false_alert_rate_printed="0.08%", watchlist_size=16000, threshold=0.64,
                  duration_minutes=330, purpose="Crime Hotspot")
    values.update(figures)
    return _deployment(row, day, **values)


def _deployment(row: int, day: date, **figures) -> Deployment:
    blank = {f: None for f in Deployment.__dataclass_fields__}
    blank.update(deployment_id=f"{day.isoformat()}-place-{row}-1", deployment_date=day, location=f"Place {row}",
                 status="completed", document_sha256="", document_url="", source_page=1 + (row - 1) // 10,
                 source_row=row)
    blank.update(figures)
    return Deployment(**blank)


def document(name: str, title: str | None, rows: list[Deployment]) -> MetDocument:
    sha = (name * 64)[:64]
    url = BASE + name + ".pdf"
    return MetDocument(url, sha, title, 2, [replace(r, document_sha256=sha, document_url=url) for r in rows], [])


def days(start: date, n: int, step: int = 2) -> list[date]:
    return [start + timedelta(days=step * i) for i in range(n)]


def generated_documents() -> list[MetDocument]:
    d = days(date(2025, 2, 3), 20)
    clean_1 = document("era1clean", "MPS LFR DEPLOYMENTS 2020 – 2022", [
        era1(1, date(2020, 2, 11), alerts_total=0, true_alerts=0, false_alerts=0, false_alerts_confirmed=0,
             true_alert_engagements=0, false_alert_engagements=0, arrests=0, faces_seen=4600,
             false_alert_rate_printed="0.00%", watchlist_size=5816),
        era1(2, date(2020, 2, 21), status="aborted", note="technical fault stopped deployment",
             alerts_total=None, true_alerts=None, false_alerts=None, false_alerts_confirmed=None,
             true_alert_engagements=None, false_alert_engagements=None, arrests=None, faces_seen=None,
             false_alert_rate_printed=None, watchlist_size=7316),
        era1(3, date(2020, 2, 27)),
        era1(4, date(2022, 1, 28), alerts_total=11, true_alerts=10, false_alerts=1, false_alerts_confirmed=1,
             true_alert_engagements=7, false_alert_engagements=1, arrests=4, faces_seen=12120,
             false_alert_rate_printed="0.008%", watchlist_size=9756),
    ])
    clean_2 = document("era2clean", "MPS LFR DEPLOYMENTS 2023 –Date", [
        era23(1, date(2024, 1, 23), watchlist_size=12241, threshold=0.6),  # 1/1123 = 0.089 % printed 0.08 % (truncated)
        era23(2, date(2024, 1, 23), watchlist_size=12241, threshold=0.6, faces_seen=1446, false_alert_rate_printed="0.07%"),
        era23(3, date(2024, 1, 25), watchlist_size=12174, threshold=0.6, false_alerts=0, false_alerts_confirmed=0,
              alerts_total=9, false_alert_rate_printed="0%", arrests=3, other_disposals=2, no_action=3),
        era23(4, date(2024, 1, 30), watchlist_size=12273, threshold=0.6, duration_minutes=33),
        era23(5, date(2024, 2, 1), watchlist_size=12234, threshold=0.6, alerts_total=0, true_alerts=0,
              true_alerts_confirmed=0, true_alerts_unconfirmed=0, false_alerts=0, false_alerts_confirmed=0,
              arrests=0, other_disposals=0, no_action=0, false_alert_rate_printed="0%"),
        # outcomes may also count engaged false alerts: 8 ≤ 4 + 2 + 3 ≤ 10
        era23(6, date(2024, 2, 6), watchlist_size=13035, threshold=0.6, other_disposals=2),
    ])
    clean_3 = document("era3clean", "MPS LFR DEPLOYMENTS 2025", [
        era23(i + 1, d[i // 2], watchlist_size=16000 + 10 * (i // 2)) for i in range(8)
    ])
    broken_3 = document("era3broken", "MPS LFR DEPLOYMENTS 2025", [
        era23(1, d[0]),
        era23(2, d[1], alerts_total=9),                                    # alerts_add_up: 9 + 1 ≠ 9
        era23(3, d[2], arrests=5, other_disposals=1, no_action=3),         # outcomes 9, within 8..10: passes
        era23(4, d[3], arrests=6, other_disposals=2, no_action=3),         # outcomes 11 > 10 alerts
        era23(5, d[4], arrests=2, other_disposals=1, no_action=3),         # outcomes 6 < 8 confirmed true
        era23(6, d[5], faces_seen=3940, false_alert_rate_printed="0.01%"),  # 0.025 % printed 0.01 %
        era23(7, d[6], faces_seen=5000, false_alert_rate_printed="0%"),     # 0 % beside a false alert
        era23(8, d[7], false_alerts=0, false_alerts_confirmed=0, alerts_total=9, false_alert_rate_printed="0.02%"),
        era23(9, d[8], watchlist_size=19000),                               # jumps and falls back
        era23(10, d[9]),
        era23(11, d[10], threshold=0.6),                                    # setting jumps and falls back
        era23(12, d[11]),
        era23(13, d[12], threshold=6.4),                                    # implausible, and jumps
        era23(14, d[13], duration_minutes=800),
        era23(15, d[14], faces_seen=-5, false_alerts=0, false_alerts_confirmed=0, alerts_total=9,
              false_alert_rate_printed="0%"),
        era23(16, d[15], status="postponed"),
        era23(17, d[16], alerts_total=None),                               # completed, no total printed
        era23(18, d[17], false_alert_rate_printed="N/A"),                  # a rate that is not a number
        era23(19, d[2]),                                                    # dated back among later rows
        era23(20, date(2026, 1, 5)),                                        # after the year the title names
    ])
    broken_1 = document("era1broken", "MPS LFR DEPLOYMENTS 2020 – 2022", [
        era1(1, date(2022, 7, 7)),
        era1(2, date(2022, 7, 14), true_alert_engagements=2, arrests=1),   # 2 engaged of 1 true alert
        era1(3, date(2022, 7, 16), false_alert_engagements=8),             # 8 engaged of 7 false alerts
        era1(4, date(2022, 7, 21), true_alert_engagements=1, arrests=2),   # 2 arrests of 1 engagement
        era1(5, date(2022, 7, 28)),
    ])
    no_year = document("noyear", "MPS LFR DEPLOYMENTS", [
        era23(1, date(2015, 6, 1)), *[era23(i, d[i]) for i in range(2, 5)],  # before the Met used LFR
    ])
    copied = document("copied", "MPS LFR DEPLOYMENTS 2023 –Date", [
        # "No Action" repeats "Other Disposal" on every row; arrest + other = confirmed true alerts
        *[era23(i, d[i], arrests=8 - i, other_disposals=i, no_action=i) for i in range(1, 6)],
        era23(6, d[6], arrests=6, other_disposals=5, no_action=5),         # 11 > 10 even counted once
    ])
    systematic = document("systematic", "MPS LFR DEPLOYMENTS 2025", [
        # every rate per alert instead of per face: one failure, for the document
        *[era23(i, d[i], false_alert_rate_printed="10%") for i in range(1, 5)],
    ])
    return [clean_1, clean_2, clean_3, broken_3, broken_1, no_year, copied, systematic]


# (document, rule, level, source_row or None)
EXPECTED = {
    ("era3broken", "alerts_add_up", "row", 2),
    ("era3broken", "outcomes_match_alerts", "row", 4),
    ("era3broken", "outcomes_match_alerts", "row", 5),
    ("era3broken", "false_alert_rate_matches_counts", "row", 6),
    ("era3broken", "false_alert_rate_matches_counts", "row", 7),
    ("era3broken", "false_alert_rate_matches_counts", "row", 8),
    ("era3broken", "false_alert_rate_matches_counts", "row", 18),
    ("era3broken", "watchlist_not_outlier", "row", 9),
    ("era3broken", "threshold_not_outlier", "row", 11),
    ("era3broken", "threshold_not_outlier", "row", 13),
    ("era3broken", "threshold_plausible", "row", 13),
    ("era3broken", "duration_plausible", "row", 14),
    ("era3broken", "faces_seen_not_negative", "row", 15),
    ("era3broken", "status_known", "row", 16),
    ("era3broken", "completed_has_alerts", "row", 17),
    ("era3broken", "date_in_document_order", "row", 19),
    ("era3broken", "date_within_document_period", "row", 20),
    ("era1broken", "true_alert_engagements_within_true_alerts", "row", 2),
    ("era1broken", "false_alert_engagements_within_false_alerts", "row", 3),
    ("era1broken", "arrests_within_true_alert_engagements", "row", 4),
    ("noyear", "date_plausible", "row", 1),
    ("noyear", "date_within_document_period", "row", 1),
    ("copied", "outcome_columns_distinct", "document", None),
    ("copied", "outcomes_match_alerts", "row", 6),
    ("systematic", "false_alert_rate_matches_counts", "document", None),
}


def insert_question_rows(con) -> None:
    """Two questions (one broken), their answers, and claims that pass and fail."""
    good, bad = "https://www.london.gov.uk/questions/2020/1034", "https://www.london.gov.uk/questions/x"
    question = (
        "INSERT INTO questions (question_url, source_url, reference, title, meeting_date, question_text, layout, "
        "answer_state, document_sha256, first_seen_at, last_parsed_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'answered', 's', now(), now())"
    )
    con.execute(question, [good, good, "2020/1034", "Police use of live facial recognition (6)", "2020-03-19",
                           "How many faces?", "old"])
    con.execute(question, [bad, bad, "REF-1", "", "1999-01-01", "Q?", "older"])
    answer = "More than 13,000 faces were scanned. Eight people caused an alert."
    for table, extra in (("answer_versions", "first_observed_at, last_observed_at"), ("answers", "versions, observed_at")):
        values = "now(), now()" if table == "answer_versions" else "1, now()"
        con.execute(
            f"INSERT INTO {table} (question_url, position, text_sha256, answered_by, answer_date, text, holding, "
            f"document_sha256, {extra}) VALUES (?, 1, ?, 'The Mayor', ?, ?, false, 's', {values})",
            [good, "a1", "2020-03-30", answer],
        )
        con.execute(
            f"INSERT INTO {table} (question_url, position, text_sha256, answered_by, answer_date, text, holding, "
            f"document_sha256, {extra}) VALUES (?, 1, ?, 'The Mayor', ?, ?, false, 's', {values})",
            [bad, "b1", "2031-01-01", "Later."],
        )
    claim = (
        "INSERT INTO claims (claim_id, question_url, position, text_sha256, answer_date, sentence_index, metric, low, "
        "high, qualifier, period_start, period_end, locations, sentence, observed_at) "
        "VALUES (?, ?, 1, 'a1', DATE '2020-03-30', ?, ?, ?, ?, ?, ?, ?, '[]', ?, now())"
    )
    rows = [
        ("c-ok", 1, "faces_seen", 13001, None, "more_than", "2020-01-01", "2020-03-30", "More than 13,000 faces were scanned."),
        ("c-range", 2, "alerts_total", 9, 8, "exact", None, None, "Eight people caused an alert."),
        ("c-unknown", 3, "smiles", 1, 1, "exact", None, None, "Eight people caused an alert."),
        ("c-period", 4, "alerts_total", 8, 8, "exact", "2020-03-01", "2020-04-30", "Eight  people caused\nan alert."),
        ("c-sentence", 5, "alerts_total", 8, 8, "exact", None, None, "Nine people caused an alert."),
    ]
    for claim_id, index, metric, low, high, qualifier, start, end, sentence in rows:
        con.execute(claim, [claim_id, good, index, metric, low, high, qualifier, start, end, sentence])


EXPECTED_QUESTIONS = {
    ("questions", "title_not_empty", "https://www.london.gov.uk/questions/x"),
    ("questions", "layout_known", "https://www.london.gov.uk/questions/x"),
    ("questions", "reference_shaped", "https://www.london.gov.uk/questions/x"),
    ("questions", "meeting_date_plausible", "https://www.london.gov.uk/questions/x"),
    ("answers", "answer_date_plausible", "https://www.london.gov.uk/questions/x#1"),
    ("claims", "range_well_formed", "c-range"),
    ("claims", "metric_known", "c-unknown"),
    ("claims", "period_not_after_answer", "c-period"),
    ("claims", "sentence_in_answer", "c-sentence"),
}


@pytest.fixture(scope="module")
def checked():
    con = connect(":memory:")
    for doc in generated_documents():
        load_met_document(con, doc, LOADED_AT)
    insert_question_rows(con)
    frames = {suite: find_check_frame(con, suite) for suite in SUITES}
    run = validate_frames(frames, today=TODAY)
    con.close()
    return frames, run


def _found(run, suite: str) -> set:
    out = set()
    for outcome in run.outcomes:
        assert outcome.error is None, (outcome.rule, outcome.error)
        for f in outcome.failures:
            if suite == "deployments" and f.suite == suite:
                out.add((f.document_url.rsplit("/", 1)[-1][:-4], f.rule, f.level, f.source_row))
            elif suite != "deployments" and f.suite != "deployments":
                out.add((f.suite, f.rule, f.record_key))
    return out


def test_clean_documents_of_every_era_pass_and_broken_rows_fail_exactly(checked):
    _, run = checked
    assert _found(run, "deployments") == EXPECTED


def test_every_deployment_rule_is_exercised_by_a_failing_row_except_uniqueness(checked):
    rules = {e.meta["rule"] for e in build_suite("deployments", TODAY)}
    failing = {rule for _, rule, _, _ in EXPECTED}
    not_negative = {r for r in rules if r.endswith("_not_negative")}
    # ids are unique per document by construction of the loader: see the frame-level test below
    assert rules - failing - not_negative == {"deployment_id_unique"}


def test_questions_answers_and_claims_suites_on_inserted_rows(checked):
    _, run = checked
    assert _found(run, "questions") == EXPECTED_QUESTIONS


def test_claim_and_question_failures_name_the_question(checked):
    _, run = checked
    subjects = {f.subject for o in run.outcomes if o.suite == "claims" for f in o.failures}
    assert subjects == {"question:2020/1034"}


def test_failing_row_carries_its_provenance_and_the_values_as_published(checked):
    _, run = checked
    (failure,) = [f for o in run.outcomes if o.rule == "alerts_add_up" for f in o.failures]
    assert failure.subject == "deployment:2025-02-05-place-2-1"
    assert (failure.deployment_date, failure.location, failure.source_page, failure.source_row) == (date(2025, 2, 5), "Place 2", 1, 2)
    assert failure.document_url == BASE + "era3broken.pdf"
    assert failure.observed["alerts_total"] == 9 and failure.observed["true_alerts_unconfirmed"] == 1


def test_systematic_failure_is_one_document_failure_counting_its_rows(checked):
    _, run = checked
    (outcome,) = [o for o in run.outcomes if o.rule == "outcome_columns_distinct"]
    (failure,) = outcome.failures
    assert (failure.level, failure.subject) == ("document", f"document:{BASE}copied.pdf")
    assert failure.deployment_id is None and failure.source_row is None
    assert failure.observed["rows_failing"] == 6 and outcome.rows_failed == 6


def test_deployment_id_unique_within_a_document_on_a_frame(checked):
    frames, _ = checked
    frame = frames["deployments"]
    doubled = pd.concat([frame, frame.iloc[[0]].assign(row_key="dup")], ignore_index=True)
    run = validate_frames({"deployments": doubled}, today=TODAY)
    (outcome,) = [o for o in run.outcomes if o.rule == "deployment_id_unique"]
    assert not outcome.success
    assert {f.record_key for f in outcome.failures} == {frame.iloc[0]["row_key"], "dup"}


@pytest.mark.parametrize(
    ("false_alerts", "faces", "printed", "ok"),
    [
        (1, 1123, "0.08%", True),    # 0.089 % truncated (the Met's habit)
        (1, 1446, "0.07%", True),    # 0.069 % rounded
        (1, 34360, "0.003%", True),  # 0.0029 % rounded
        (7, 8600, "0.08%", True),
        (0, 4600, "0.00%", True),
        (0, 9780, "0%", True),
        (1, 3940, "0.01%", False),   # 0.025 %
        (1, 1123, "0.06%", False),
        (1, 5000, "0%", False),      # a zero beside a false alert
        (0, 5000, "0.01%", False),
        (1, 0, "0.1%", False),
        (1, 1000, "N/A", False),
        (None, 1000, "0%", True),    # not applicable
    ],
)
def test_printed_rate_rule(false_alerts, faces, printed, ok):
    assert printed_rate_matches(false_alerts, faces, printed) is ok


def test_sentence_found_ignoring_whitespace_runs_and_missing_answer_fails():
    assert found_in("Eight  people\ncaused", "So: Eight people caused an alert.")
    assert not found_in("Nine people", "Eight people caused an alert.")
    assert not found_in("Eight people", None)


def test_an_expectation_that_cannot_run_is_an_error_not_a_failure(checked):
    frames, _ = checked
    run = validate_frames({"deployments": frames["deployments"].drop(columns=["threshold"])}, today=TODAY)
    broken = {o.rule: o for o in run.outcomes if o.error}
    assert set(broken) == {"threshold_plausible", "threshold_not_outlier"}
    assert all(not o.success and not o.failures for o in broken.values())
    assert "threshold" in broken["threshold_plausible"].error
