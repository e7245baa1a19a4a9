"""The rows each check suite validates, as DataFrames (the query side of the checks).

Owns the SQL that feeds `schemas/expectations`: one frame per suite, each
row keyed by `row_key` and carrying the provenance a failure reports
(`subject`, document URL, page, row) and the values its rules read.
Deployments are checked as each document prints them: every row of the
version published now of each document (published_documents; a
deployment in both a "to date" file and the full-year file is checked in both), with the period the
document's title names. Reads only; nothing here changes a row.

Proof: tests/test_checks_real.py, tests/test_checks_flow.py.
"""

from __future__ import annotations

import hashlib
from datetime import date
from importlib import resources

from typing import TYPE_CHECKING

import duckdb

from schemas.records import FIGURE_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

_FIGURES = ", ".join(f"v.{c}" for c in FIGURE_COLUMNS)

_DEPLOYMENTS = f"""
WITH documents AS (  -- each version published now, once (the same bytes may be published at two URLs)
    SELECT m.document_sha256, m.document_url, m.title,
           regexp_extract_all(coalesce(m.title, ''), '(?:19|20)[0-9][0-9]') AS years
    FROM met_document_versions m
    WHERE m.document_sha256 IN (SELECT document_sha256 FROM published_documents)
)
SELECT o.document_sha256 || ':' || o.source_row AS row_key,
       'deployment:' || o.deployment_id AS subject,
       o.deployment_id, o.document_sha256, d.document_url, d.title AS document_title,
       o.source_page, o.source_row, {_FIGURES},
       -- The period the title names ("2020 – 2022", "2023 –Date", "2025"), never
       -- after we fetched the document. No year in the title: from 2016, the
       -- Met's first LFR trials.
       make_date(coalesce(CAST(d.years[1] AS INTEGER), 2016), 1, 1) AS document_period_start,
       least(CASE WHEN len(d.years) > 0 AND d.title NOT ILIKE '%date%'
                  THEN make_date(CAST(d.years[len(d.years)] AS INTEGER), 12, 31) END,
             CAST(o.observed_at AS DATE)) AS document_period_end,
       -- the rows beside it, quoted when an order or outlier rule fails
       lag(v.deployment_date) OVER beside AS previous_row_date,
       lead(v.deployment_date) OVER beside AS next_row_date,
       lag(v.watchlist_size) OVER beside AS previous_row_watchlist_size,
       lead(v.watchlist_size) OVER beside AS next_row_watchlist_size,
       lag(v.threshold) OVER beside AS previous_row_threshold,
       lead(v.threshold) OVER beside AS next_row_threshold
FROM deployment_observations o
JOIN documents d USING (document_sha256)
JOIN deployment_versions v ON v.deployment_id = o.deployment_id AND v.figures_sha256 = o.figures_sha256
WINDOW beside AS (PARTITION BY o.document_sha256 ORDER BY o.source_row)
ORDER BY d.document_url, o.source_row
"""

_QUESTIONS = """
SELECT question_url AS row_key, 'question:' || coalesce(reference, question_url) AS subject,
       question_url AS document_url, question_url, reference, title, question_text, layout, answer_state,
       meeting, meeting_date
FROM questions ORDER BY question_url
"""

_ANSWERS = """
SELECT a.question_url || '#' || a.position AS row_key,
       'question:' || coalesce(q.reference, a.question_url) AS subject,
       a.question_url AS document_url, a.question_url, a.position, a.answered_by, a.answer_date, a.text,
       a.holding, a.versions
FROM answers a LEFT JOIN questions q USING (question_url)
ORDER BY a.question_url, a.position
"""

_CLAIMS = """
SELECT c.claim_id AS row_key,
       CASE WHEN c.position = 0 THEN 'release:' || c.question_url ELSE 'question:' || coalesce(q.reference, c.question_url) END AS subject,
       c.question_url AS document_url, c.claim_id, c.question_url, c.position, c.sentence_index, c.metric,
       c.low, c.high, c.qualifier, c.period_start, c.period_end, c.answer_date, c.sentence,
       coalesce(av.text, rv.text) AS answer_text
FROM claims c
LEFT JOIN answer_versions av
       ON av.question_url = c.question_url AND av.position = c.position AND av.text_sha256 = c.text_sha256
LEFT JOIN release_versions rv  -- a news release's claims (position 0)
       ON c.position = 0 AND rv.release_url = c.question_url AND rv.text_sha256 = c.text_sha256
LEFT JOIN questions q ON q.question_url = c.question_url
ORDER BY c.question_url, c.position, c.sentence_index, c.claim_id
"""

_FRAMES = {"deployments": _DEPLOYMENTS, "questions": _QUESTIONS, "answers": _ANSWERS, "claims": _CLAIMS}


def find_check_frame(con: duckdb.DuckDBPyConnection, suite: str) -> "pd.DataFrame":
    """The rows suite `suite` validates (index 0..n-1, unique `row_key`); KeyError for an unknown suite."""
    frame = con.execute(_FRAMES[suite]).df()
    return frame.reset_index(drop=True)


def check_inputs(con: duckdb.DuckDBPyConnection, today: date) -> tuple[str, dict[str, int]]:
    """What a check run depends on, as a hash of every suite's rows (hashed in DuckDB, no DataFrame built), the
    suites' code and the day (dates are judged against it), and how many rows each suite checks. The same hash
    means the same results, so the run can carry them forward."""
    h = hashlib.sha256(today.isoformat().encode())
    for f in sorted(resources.files("schemas.expectations").iterdir(), key=lambda f: f.name):
        if f.name.endswith(".py"):
            h.update(f.name.encode() + f.read_bytes())
    rows_checked = {}
    for suite in sorted(_FRAMES):
        rows, digest = con.execute(f"SELECT count(*), md5(string_agg(CAST(t AS VARCHAR), chr(10) ORDER BY row_key)) "
                                   f"FROM ({_FRAMES[suite]}) t").fetchall()[0]
        h.update(f"{suite}|{rows}|{digest}".encode())
        rows_checked[suite] = rows
    return h.hexdigest(), rows_checked
