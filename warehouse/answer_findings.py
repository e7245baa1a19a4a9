"""Answer findings: a question answered for the first time, and answers corrected, in SQL.

Owns two rules of the change findings (warehouse/change_findings.py runs
them with the others, in its transaction):

- `answer_new` — the first answer (not a holding reply) to a question;
- `answer_corrected` — a later answer on the same question, or an answer
  whose text changed (a new `answer_versions` row at the same position),
  with both texts, dates and page versions as evidence.

An answer first seen more than FRESH_DAYS after its own date (a backfill,
or the first run over years of questions) is recorded `noted`, not
alerted: it is history, not news. A changed text is always news: only a
re-fetch can see it.

Must not: fetch, parse, or raise alerts.
Proof: tests/test_findings_changes.py, tests/test_findings_scenario.py.
"""

from __future__ import annotations

from datetime import datetime

import duckdb

from warehouse.findings import record_finding

FRESH_DAYS = 60  # an answer first seen more than this long after its date is history, not news
EXCERPT = 400


def record_answer_findings(con: duckdb.DuckDBPyConnection, *, at: datetime, fresh_days: int = FRESH_DAYS) -> int:
    """answer_new and answer_corrected findings not recorded yet; returns how many are new."""
    return _answers_new(con, at, fresh_days) + _answers_corrected(con, at, fresh_days)


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _unseen(key_sql: str) -> str:
    return f"NOT EXISTS (SELECT 1 FROM findings f WHERE f.finding_key = {key_sql})"


_ANSWER_COLUMNS = """q.question_url, coalesce(q.reference, q.question_url) AS ref, q.title,
    v.position, v.text_sha256, v.answered_by, v.answer_date, v.text, v.document_sha256, v.first_observed_at,
    coalesce(date_diff('day', v.answer_date, v.first_observed_at::DATE) <= ?, TRUE) AS fresh"""


def _answer(r: dict, prefix: str = "") -> dict:
    return {"position": r[prefix + "position"], "answer_date": r[prefix + "answer_date"],
            "answered_by": r[prefix + "answered_by"], "text_sha256": r[prefix + "text_sha256"],
            "document_sha256": r[prefix + "document_sha256"], "excerpt": (r[prefix + "text"] or "")[:EXCERPT]}


def _answers_new(con, at: datetime, fresh_days: int) -> int:
    new = 0
    for r in _rows(con, f"""
        WITH firsts AS (
            SELECT * FROM answer_versions WHERE NOT holding
            QUALIFY row_number() OVER (PARTITION BY question_url ORDER BY first_observed_at, position) = 1
        )
        SELECT {_ANSWER_COLUMNS},
               (SELECT count(*) FROM claims c WHERE c.question_url = v.question_url AND c.position = v.position
                  AND c.text_sha256 = v.text_sha256) AS claims
        FROM firsts v JOIN questions q USING (question_url)
        WHERE {_unseen("'answer_new:' || v.question_url")}
        ORDER BY v.answer_date NULLS LAST, v.question_url""", [fresh_days]):
        summary = f"New answer to {r['ref']} “{r['title']}” ({r['answer_date']}, {r['claims']} figures stated)"
        evidence = {"question_url": r["question_url"], "reference": r["ref"], "title": r["title"],
                    "answer": _answer(r), "claims": r["claims"]}
        new += record_finding(con, key=f"answer_new:{r['question_url']}", kind="answer_new", subject=f"question:{r['ref']}",
                              summary=summary, evidence=evidence, at=at, state="alert" if r["fresh"] else "noted")
    return new


def _answers_corrected(con, at: datetime, fresh_days: int) -> int:
    old_columns = ", ".join(f"o.{c} AS old_{c}" for c in
                            ("position", "answer_date", "answered_by", "text_sha256", "document_sha256", "text"))
    new = 0
    for r in _rows(con, f"""
        WITH nh AS (
            SELECT question_url, position, text_sha256, first_observed_at,
                   row_number() OVER (PARTITION BY question_url, position ORDER BY first_observed_at, text_sha256) AS k
            FROM answer_versions WHERE NOT holding
        ),
        later_answer AS (  -- the first text at a position after an earlier answered position
            SELECT v.question_url, v.position, v.text_sha256, 'later_answer' AS how,
                   o.position AS o_position, o.text_sha256 AS o_sha
            FROM nh v JOIN nh o
              ON o.question_url = v.question_url AND o.position < v.position AND o.first_observed_at <= v.first_observed_at
            WHERE v.k = 1
            QUALIFY row_number() OVER (PARTITION BY v.question_url, v.position
                                       ORDER BY o.position DESC, o.first_observed_at DESC) = 1
        ),
        text_changed AS (  -- a later text at the same position
            SELECT v.question_url, v.position, v.text_sha256, 'text_changed' AS how,
                   o.position AS o_position, o.text_sha256 AS o_sha
            FROM nh v JOIN nh o ON o.question_url = v.question_url AND o.position = v.position AND o.k = v.k - 1
        ),
        changes AS (SELECT * FROM later_answer UNION ALL SELECT * FROM text_changed)
        SELECT {_ANSWER_COLUMNS}, c.how, {old_columns}
        FROM changes c
        JOIN answer_versions v USING (question_url, position, text_sha256)
        JOIN answer_versions o ON o.question_url = c.question_url AND o.position = c.o_position AND o.text_sha256 = c.o_sha
        JOIN questions q ON q.question_url = c.question_url
        WHERE {_unseen("'answer_corrected:' || c.question_url || ':' || c.position || ':' || left(c.text_sha256, 16)")}
        ORDER BY c.question_url, c.position""", [fresh_days]):
        what = "a later answer" if r["how"] == "later_answer" else f"answer {r['position']} changed its text"
        summary = f"Answer to {r['ref']} “{r['title']}” corrected: {what} ({r['answer_date']})"
        evidence = {"question_url": r["question_url"], "reference": r["ref"], "title": r["title"], "how": r["how"],
                    "old": _answer(r, "old_"), "new": _answer(r)}
        state = "alert" if r["how"] == "text_changed" or r["fresh"] else "noted"
        new += record_finding(con, key=f"answer_corrected:{r['question_url']}:{r['position']}:{r['text_sha256'][:16]}",
                              kind="answer_corrected", subject=f"question:{r['ref']}", summary=summary,
                              evidence=evidence, at=at, state=state)
    return new
