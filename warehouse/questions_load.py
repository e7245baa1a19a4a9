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
from scrapers.versions import claim_reader_version, question_parser_version
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


def loaded_question_versions(con: duckdb.DuckDBPyConnection, source_urls: list[str]) -> set[tuple[str, str]]:
    """(source_url, page sha256) of each of these pages whose version last parsed is loaded, in one query."""
    return set(con.execute("SELECT source_url, document_sha256 FROM questions WHERE list_contains(?::VARCHAR[], "
                           "source_url)", [source_urls]).fetchall())


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


@dataclass(frozen=True)
class PageToLoad:
    """One parsed question page and its claims (by answer position), as fetched."""

    question: Question
    claims: dict[int, list[Claim]]
    source_url: str
    document_sha256: str
    observed_at: datetime


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
    with transaction(con):
        return load_questions(con, [PageToLoad(question, claims, source_url, document_sha256, observed_at)])[0]


_QUESTION_TYPES = ("question_url VARCHAR, source_url VARCHAR, reference VARCHAR, title VARCHAR, asked_by VARCHAR, "
                   "organisation VARCHAR, asked_of VARCHAR, meeting VARCHAR, meeting_date DATE, question_text VARCHAR, "
                   "layout VARCHAR, answer_state VARCHAR, document_sha256 VARCHAR, first_seen_at TIMESTAMPTZ, "
                   "last_parsed_at TIMESTAMPTZ, parser_version VARCHAR")
_VERSION_TYPES = ("question_url VARCHAR, position INTEGER, text_sha256 VARCHAR, answered_by VARCHAR, answer_date DATE, "
                  "text VARCHAR, holding BOOLEAN, attachments JSON, tables JSON, document_sha256 VARCHAR, "
                  "first_observed_at TIMESTAMPTZ, last_observed_at TIMESTAMPTZ")
_ANSWER_TYPES = ("question_url VARCHAR, position INTEGER, text_sha256 VARCHAR, answered_by VARCHAR, answer_date DATE, "
                 "text VARCHAR, holding BOOLEAN, document_sha256 VARCHAR, observed_at TIMESTAMPTZ")


def _rows(types: str) -> str:
    """A SELECT of the rows of one list-of-structs parameter."""
    return f"SELECT unnest(?::STRUCT({types})[], recursive := true)"


def load_questions(con: duckdb.DuckDBPyConnection, pages: list[PageToLoad]) -> list[QuestionLoad]:
    """Load parsed pages in a few set-based statements (the caller holds the transaction); one result per page.

    A question URL must appear once: the caller splits a batch where one repeats.
    """
    urls = [p.question.url for p in pages]
    if len(set(urls)) != len(urls):
        raise ValueError("a batch of question pages names one question twice")
    if not pages:
        return []
    known_questions = {r[0] for r in con.execute(
        "SELECT question_url FROM questions WHERE list_contains(?::VARCHAR[], question_url)", [urls]).fetchall()}
    known_versions = {(r[0], r[1], r[2]) for r in con.execute(
        "SELECT question_url, position, text_sha256 FROM answer_versions WHERE list_contains(?::VARCHAR[], question_url)",
        [urls]).fetchall()}
    known_positions = {(u, p) for u, p, _ in known_versions}
    questions, seen, new_versions, current, claim_rows_ = [], [], [], [], []
    loads = []
    for page in pages:
        q, url, at = page.question, page.question.url, page.observed_at
        questions.append({
            "question_url": url, "source_url": page.source_url, "reference": q.reference, "title": q.title,
            "asked_by": q.asked_by, "organisation": q.organisation, "asked_of": q.asked_of, "meeting": q.meeting,
            "meeting_date": q.meeting_date, "question_text": q.question_text, "layout": q.layout,
            "answer_state": answer_state(q), "document_sha256": page.document_sha256, "first_seen_at": at,
            "last_parsed_at": at, "parser_version": question_parser_version()})
        new_answers = changed = 0
        claims_before = len(claim_rows_)
        for a in q.answers:
            sha = text_sha256(a.text)
            if (url, a.position, sha) in known_versions:
                seen.append({"question_url": url, "position": a.position, "text_sha256": sha, "seen_at": at})
            else:
                new_answers += (url, a.position) not in known_positions
                changed += (url, a.position) in known_positions
                new_versions.append({
                    "question_url": url, "position": a.position, "text_sha256": sha, "answered_by": a.answered_by,
                    "answer_date": a.answer_date, "text": a.text, "holding": a.holding,
                    "attachments": json.dumps(a.attachments), "tables": json.dumps(a.tables),
                    "document_sha256": page.document_sha256, "first_observed_at": at, "last_observed_at": at})
                claim_rows_ += claim_rows(url, a.position, sha, a.answer_date, page.claims.get(a.position, []), at)
            current.append({"question_url": url, "position": a.position, "text_sha256": sha,
                            "answered_by": a.answered_by, "answer_date": a.answer_date, "text": a.text,
                            "holding": a.holding, "document_sha256": page.document_sha256, "observed_at": at})
        loads.append([url, url not in known_questions, new_answers, changed, claims_before, answer_state(q)])
    con.execute(
        f"INSERT INTO questions BY NAME {_rows(_QUESTION_TYPES)} ON CONFLICT (question_url) DO UPDATE SET "
        "source_url = excluded.source_url, reference = excluded.reference, title = excluded.title, "
        "asked_by = excluded.asked_by, organisation = excluded.organisation, asked_of = excluded.asked_of, "
        "meeting = excluded.meeting, meeting_date = excluded.meeting_date, question_text = excluded.question_text, "
        "layout = excluded.layout, answer_state = excluded.answer_state, document_sha256 = excluded.document_sha256, "
        "last_parsed_at = excluded.last_parsed_at, parser_version = excluded.parser_version", [questions])
    if seen:
        con.execute(
            "UPDATE answer_versions v SET last_observed_at = s.seen_at FROM (SELECT unnest(?::STRUCT(question_url VARCHAR, "
            "position INTEGER, text_sha256 VARCHAR, seen_at TIMESTAMPTZ)[], recursive := true)) s "
            "WHERE v.question_url = s.question_url AND v.position = s.position AND v.text_sha256 = s.text_sha256",
            [seen])
    if new_versions:
        con.execute(f"INSERT INTO answer_versions BY NAME {_rows(_VERSION_TYPES)}", [new_versions])
    added = write_claim_rows(con, claim_rows_, returning=True)
    con.execute("DELETE FROM answers WHERE list_contains(?::VARCHAR[], question_url)", [urls])
    if current:
        con.execute(
            f"INSERT INTO answers BY NAME SELECT c.* EXCLUDE (observed_at), "
            "(SELECT count(*) FROM answer_versions v WHERE v.question_url = c.question_url AND v.position = c.position) "
            f"AS versions, c.observed_at FROM ({_rows(_ANSWER_TYPES)}) c", [current])
    return [QuestionLoad(url, new, n, c, sum(1 for u in added if u == url), state)
            for url, new, n, c, _, state in loads]


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


def write_claim_rows(con, rows: list[dict], returning: bool = False):
    """Insert claim rows in one statement (those already stored are kept); how many are new (`returning`: the
    statement URL of each new one)."""
    if not rows:
        return [] if returning else 0
    added = [r[0] for r in con.execute(
        f"INSERT INTO claims BY NAME SELECT unnest(?::STRUCT({_CLAIM_TYPES})[], recursive := true) "
        "ON CONFLICT (claim_id) DO NOTHING RETURNING question_url", [rows]).fetchall()]
    return added if returning else len(added)


def insert_claims(con, url: str, position: int, sha: str, answer_date, claims: list[Claim], at: datetime) -> int:
    """The claims of one statement version (an answer, or a release at position 0); returns how many are new."""
    return write_claim_rows(con, claim_rows(url, position, sha, answer_date, claims, at))
