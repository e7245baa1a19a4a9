"""Loads of Mayor's Questions: questions, answers with history, claims.

Owns every write of parsed question pages. A question is keyed by its
canonical URL (the reference is missing on some supplementary questions).
An answer whose text changes becomes a new row of `answer_versions`; the
old one is kept. Claims belong to one answer version. One transaction per
question page.

Proof: tests/test_flow_questions.py, tests/test_findings_contradictions.py.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

import duckdb

from schemas.claims import Claim
from schemas.questions import Question
from scrapers.versions import claim_reader_version
from warehouse.db import transaction


@dataclass(frozen=True)
class QuestionLoad:
    """What loading one question page changed."""

    question_url: str
    new_question: bool
    new_answers: int  # answer positions seen for the first time
    changed_answers: int  # positions whose text changed
    new_claims: int
    answer_state: str


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def answer_state(question: Question) -> str:
    """'answered' once a non-holding answer exists; 'holding'; else 'unanswered'."""
    if any(not a.holding for a in question.answers):
        return "answered"
    return "holding" if question.answers else "unanswered"


def is_question_version_loaded(con: duckdb.DuckDBPyConnection, source_url: str, sha256: str) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM questions WHERE source_url = ? AND document_sha256 = ?", [source_url, sha256]
        ).fetchall()[0][0]
    )


def find_questions_due(con: duckdb.DuckDBPyConnection, now: datetime, recheck_days: int) -> list[str]:
    """Question URLs (as requested) to fetch again: not answered yet, or not checked for `recheck_days`."""
    rows = con.execute(
        """
        SELECT q.source_url FROM questions q LEFT JOIN source_urls s ON s.url = q.source_url
        WHERE q.answer_state <> 'answered'
           OR coalesce(s.last_fetched_at, q.last_parsed_at) < ?::TIMESTAMPTZ - to_days(?)
        ORDER BY q.meeting_date NULLS LAST, q.source_url
        """,
        [now, recheck_days],
    ).fetchall()
    return [r[0] for r in rows]


def find_fresh_answered(con: duckdb.DuckDBPyConnection, now: datetime, recheck_days: int) -> set[str]:
    """Answered question URLs checked within `recheck_days`: no need to fetch them now."""
    rows = con.execute(
        """
        SELECT q.source_url FROM questions q JOIN source_urls s ON s.url = q.source_url
        WHERE q.answer_state = 'answered' AND s.last_error IS NULL
          AND s.last_fetched_at >= ?::TIMESTAMPTZ - to_days(?)
        """,
        [now, recheck_days],
    ).fetchall()
    return {r[0] for r in rows}


def load_question(
    con: duckdb.DuckDBPyConnection,
    question: Question,
    claims: dict[int, list[Claim]],
    *,
    source_url: str,
    document_sha256: str,
    observed_at: datetime,
) -> QuestionLoad:
    """Load one parsed page (claims by answer position) in one transaction."""
    url = question.url
    state = answer_state(question)
    with transaction(con):
        new_question = not con.execute("SELECT count(*) FROM questions WHERE question_url = ?", [url]).fetchall()[0][0]
        con.execute(
            """
            INSERT INTO questions VALUES ($url, $source, $reference, $title, $asked_by, $organisation, $asked_of,
                                          $meeting, $meeting_date, $question_text, $layout, $state, $sha, $at, $at)
            ON CONFLICT (question_url) DO UPDATE SET
                source_url = $source, reference = $reference, title = $title, asked_by = $asked_by,
                organisation = $organisation, asked_of = $asked_of, meeting = $meeting,
                meeting_date = $meeting_date, question_text = $question_text, layout = $layout,
                answer_state = $state, document_sha256 = $sha, last_parsed_at = $at
            """,
            {
                "url": url, "source": source_url, "reference": question.reference, "title": question.title,
                "asked_by": question.asked_by, "organisation": question.organisation, "asked_of": question.asked_of,
                "meeting": question.meeting, "meeting_date": question.meeting_date,
                "question_text": question.question_text, "layout": question.layout, "state": state,
                "sha": document_sha256, "at": observed_at,
            },
        )
        new_answers = changed = new_claims = 0
        for answer in question.answers:
            sha = text_sha256(answer.text)
            known = {
                r[0]
                for r in con.execute(
                    "SELECT text_sha256 FROM answer_versions WHERE question_url = ? AND position = ?",
                    [url, answer.position],
                ).fetchall()
            }
            if sha in known:
                con.execute(
                    "UPDATE answer_versions SET last_observed_at = ? "
                    "WHERE question_url = ? AND position = ? AND text_sha256 = ?",
                    [observed_at, url, answer.position, sha],
                )
            else:
                new_answers += not known
                changed += bool(known)
                con.execute(
                    "INSERT INTO answer_versions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [url, answer.position, sha, answer.answered_by, answer.answer_date, answer.text, answer.holding,
                     json.dumps(answer.attachments), json.dumps(answer.tables), document_sha256,
                     observed_at, observed_at],
                )
                new_claims += insert_claims(con, url, answer.position, sha, answer.answer_date,
                                             claims.get(answer.position, []), observed_at)
        con.execute("DELETE FROM answers WHERE question_url = ?", [url])
        for answer in question.answers:
            con.execute(
                """
                INSERT INTO answers
                SELECT ?, ?, ?, ?, ?, ?, ?, count(*), ?, ? FROM answer_versions WHERE question_url = ? AND position = ?
                """,
                [url, answer.position, text_sha256(answer.text), answer.answered_by, answer.answer_date,
                 answer.text, answer.holding, document_sha256, observed_at, url, answer.position],
            )
    return QuestionLoad(url, new_question, new_answers, changed, new_claims, state)


_CLAIM_TYPES = ("claim_id VARCHAR, question_url VARCHAR, position INTEGER, text_sha256 VARCHAR, answer_date DATE, "
                "sentence_index INTEGER, metric VARCHAR, low DOUBLE, high DOUBLE, qualifier VARCHAR, period_start DATE, "
                "period_end DATE, locations JSON, scope_text VARCHAR, sentence VARCHAR, observed_at TIMESTAMPTZ, "
                "sentence_no INTEGER, period_words VARCHAR, period_source VARCHAR, place_words VARCHAR, "
                "places_source VARCHAR, selection_words VARCHAR, selection_count INTEGER, selection_ordinal VARCHAR, "
                "selection_source VARCHAR, cumulative BOOLEAN, subset VARCHAR, extractor_version VARCHAR")


def claim_rows(url: str, position: int, sha: str, answer_date, claims: list[Claim], at: datetime) -> list[dict]:
    """The `claims` rows of one statement version, keyed by version, order, metric and value."""
    rows = []
    for index, claim in enumerate(claims, 1):
        selection = claim.selection
        rows.append({
            "claim_id": hashlib.sha256(f"{url}|{position}|{sha}|{index}|{claim.metric}|{claim.low}|{claim.high}"
                                       .encode()).hexdigest(),
            "question_url": url, "position": position, "text_sha256": sha, "answer_date": answer_date,
            "sentence_index": index, "metric": claim.metric, "low": claim.low, "high": claim.high,
            "qualifier": claim.qualifier, "period_start": claim.period_start, "period_end": claim.period_end,
            "locations": json.dumps(list(claim.locations)), "scope_text": claim.scope_text, "sentence": claim.sentence,
            "observed_at": at, "sentence_no": claim.sentence_index, "period_words": claim.period_words,
            "period_source": claim.period_source, "place_words": claim.place_words,
            "places_source": claim.places_source, "selection_words": selection and selection.words,
            "selection_count": selection and selection.count, "selection_ordinal": selection and selection.ordinal,
            "selection_source": selection and selection.source, "cumulative": claim.cumulative,
            "subset": claim.subset, "extractor_version": claim_reader_version()})
    return rows


def write_claim_rows(con, rows: list[dict]) -> int:
    """Insert claim rows in one statement (those already stored are kept); returns how many are new."""
    if not rows:
        return 0
    return len(con.execute(
        f"INSERT INTO claims BY NAME SELECT unnest(?::STRUCT({_CLAIM_TYPES})[], recursive := true) "
        "ON CONFLICT (claim_id) DO NOTHING RETURNING 1", [rows]).fetchall())


def insert_claims(con, url: str, position: int, sha: str, answer_date, claims: list[Claim], at: datetime) -> int:
    """The claims of one statement version (an answer, or a release at position 0); returns how many are new."""
    return write_claim_rows(con, claim_rows(url, position, sha, answer_date, claims, at))
