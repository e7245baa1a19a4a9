"""Recording check runs: `check_results` and `check_failures`.

Owns the writes of a check run (one transaction) and the read behind
`lfrwatch checks`. Each failure carries a deterministic finding key
(suite, rule, and the deployment, record or document); the rule
warehouse/rules/95_check_failed.sql makes one `check_failed` finding per
key, so re-running the checks over the same rows raises nothing new.
The rows checked are never touched.

Proof: tests/test_checks_flow.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from typing import TYPE_CHECKING

import duckdb

from warehouse.db import transaction
from warehouse.rules import run_rules

if TYPE_CHECKING:
    from warehouse.checks import SuiteRun

_FAILURE_COLUMNS = (
    "deployment_id", "deployment_date", "location", "document_url", "document_sha256",
    "source_page", "source_row", "record_key",
)


@dataclass(frozen=True)
class RecordedChecks:
    rules: int
    rules_failed: int
    failures: int
    new_findings: int
    row_failures: int = 0
    document_failures: int = 0


def record_check_run(con: duckdb.DuckDBPyConnection, run: "SuiteRun", *, run_id: str, at: datetime,
                     input_sha256: str | None = None) -> RecordedChecks:
    """Store every rule outcome and failure of a run, and raise each failure's finding once."""
    import pandas as pd  # only a run that validated pays for it

    results = pd.DataFrame([
        {"run_id": run_id, "checked_at": at, "suite": o.suite, "rule": o.rule, "expectation_type": o.expectation_type,
         "success": o.success, "rows_checked": o.rows_checked, "rows_failed": o.rows_failed,
         "expected": o.expected, "error": o.error, "input_sha256": input_sha256}
        for o in run.outcomes
    ])
    failures = [f for o in run.outcomes for f in o.failures]
    rows = pd.DataFrame(
        [{"run_id": run_id, "suite": f.suite, "rule": f.rule, "level": f.level, "subject": f.subject,
          **{c: getattr(f, c) for c in _FAILURE_COLUMNS},
          "observed": json.dumps(f.observed, ensure_ascii=False), "expected": f.expected,
          "finding_key": f.finding_key} for f in failures],
        columns=["run_id", "suite", "rule", "level", "subject", *_FAILURE_COLUMNS, "observed", "expected", "finding_key"],
    )
    con.register("incoming_check_results", results)
    con.register("incoming_check_failures", rows)
    try:
        with transaction(con):
            if not results.empty:
                con.execute("INSERT INTO check_results BY NAME SELECT * FROM incoming_check_results")
            if not rows.empty:
                con.execute(
                    "INSERT INTO check_failures BY NAME SELECT * REPLACE "
                    "(CAST(deployment_date AS DATE) AS deployment_date, CAST(observed AS JSON) AS observed) "
                    "FROM incoming_check_failures"
                )
    finally:
        con.unregister("incoming_check_results")
        con.unregister("incoming_check_failures")
    new = run_rules(con, group="checks", at=at)
    failed = sum(not o.success for o in run.outcomes)
    return RecordedChecks(len(run.outcomes), failed, len(failures), new)


def carry_forward(con: duckdb.DuckDBPyConnection, *, input_sha256: str, run_id: str,
                  at: datetime) -> RecordedChecks | None:
    """When the latest run checked exactly these inputs, record its results again as this run's (carried_from
    names it) without validating anything; None when the inputs changed (or no run recorded them)."""
    latest = con.execute("SELECT run_id, any_value(input_sha256) FROM check_results GROUP BY run_id "
                         "ORDER BY max(checked_at) DESC, run_id DESC LIMIT 1").fetchall()
    if not latest or latest[0][1] != input_sha256:
        return None
    previous = latest[0][0]
    with transaction(con):
        con.execute("INSERT INTO check_results BY NAME SELECT * REPLACE (? AS run_id, ?::TIMESTAMPTZ AS checked_at, "
                    "coalesce(carried_from, run_id) AS carried_from) FROM check_results WHERE run_id = ?",
                    [run_id, at, previous])
        con.execute("INSERT INTO check_failures BY NAME SELECT * REPLACE (? AS run_id) FROM check_failures "
                    "WHERE run_id = ?", [run_id, previous])
    rules, failed = con.execute("SELECT count(*), count(*) FILTER (WHERE NOT success) FROM check_results "
                                "WHERE run_id = ?", [run_id]).fetchall()[0]
    rows, documents = con.execute("SELECT count(*) FILTER (WHERE level = 'row'), count(*) FILTER (WHERE level = "
                                  "'document') FROM check_failures WHERE run_id = ?", [run_id]).fetchall()[0]
    return RecordedChecks(rules, failed, rows + documents, run_rules(con, group="checks", at=at), rows, documents)


def find_latest_failures(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """The failures of the latest check run, in the `lfrwatch checks --json` shape (empty before any run)."""
    rows = con.execute(
        """
        WITH latest AS (SELECT run_id FROM check_results ORDER BY checked_at DESC, run_id DESC LIMIT 1)
        SELECT suite, rule, level, deployment_id, deployment_date, location, document_url,
               source_page, source_row, observed, expected
        FROM check_failures JOIN latest USING (run_id)
        ORDER BY suite, level DESC, document_url, source_row, rule, record_key
        """
    ).fetchall()
    keys = ("suite", "rule", "level", "deployment_id", "deployment_date", "location", "document_url",
            "source_page", "source_row", "observed", "expected")
    out = []
    for row in rows:
        item = dict(zip(keys, row))
        item["deployment_date"] = item["deployment_date"].isoformat() if item["deployment_date"] else None
        item["observed"] = json.loads(item["observed"]) if item["observed"] else None
        out.append(item)
    return out


def find_latest_check_run(con: duckdb.DuckDBPyConnection) -> dict | None:
    """When the latest run happened and how many rules it ran and failed (None before any run)."""
    rows = con.execute(
        """
        SELECT run_id, max(checked_at), count(*), count(*) FILTER (WHERE NOT success)
        FROM check_results GROUP BY run_id ORDER BY max(checked_at) DESC, run_id DESC LIMIT 1
        """
    ).fetchall()
    if not rows:
        return None
    run_id, at, rules, failed = rows[0]
    return {"run_id": run_id, "checked_at": at, "rules": rules, "rules_failed": failed}
