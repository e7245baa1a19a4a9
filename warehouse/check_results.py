"""Recording check runs: `check_results`, `check_failures`, and a finding per failure.

Owns the writes of a check run (one transaction) and the read behind
`lfrwatch checks`. Each failure becomes a `check_failed` finding under a
deterministic key (suite, rule, and the deployment, record or document),
so re-running the checks over the same rows raises nothing new; a
deployment failing the same rule in two documents (a "to date" file and
the full-year file) is one finding whose evidence lists both rows.
The rows checked are never touched.

Proof: tests/test_checks_flow.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

import duckdb
import pandas as pd

from warehouse.checks import CheckFailure, SuiteRun
from warehouse.db import transaction
from warehouse.findings import record_finding

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


def record_check_run(con: duckdb.DuckDBPyConnection, run: SuiteRun, *, run_id: str, at: datetime) -> RecordedChecks:
    """Store every rule outcome and failure of a run, and raise each failure's finding once."""
    results = pd.DataFrame([
        {"run_id": run_id, "checked_at": at, "suite": o.suite, "rule": o.rule, "expectation_type": o.expectation_type,
         "success": o.success, "rows_checked": o.rows_checked, "rows_failed": o.rows_failed,
         "expected": o.expected, "error": o.error}
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
    new = 0
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
            for key, same in _by_finding(failures).items():
                new += record_finding(
                    con, key=key, kind="check_failed", subject=same[0].subject, summary=_summary(same[0]),
                    evidence={"suite": same[0].suite, "rule": same[0].rule, "level": same[0].level,
                              "rows": [_evidence_row(f) for f in same]},
                    at=at,
                )
    finally:
        con.unregister("incoming_check_results")
        con.unregister("incoming_check_failures")
    failed = sum(not o.success for o in run.outcomes)
    return RecordedChecks(len(run.outcomes), failed, len(failures), new)


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


def _by_finding(failures: list[CheckFailure]) -> dict[str, list[CheckFailure]]:
    grouped: dict[str, list[CheckFailure]] = {}
    for f in failures:
        grouped.setdefault(f.finding_key, []).append(f)
    return grouped


def _evidence_row(f: CheckFailure) -> dict:
    return {
        "deployment_id": f.deployment_id, "deployment_date": f.deployment_date.isoformat() if f.deployment_date else None,
        "location": f.location, "document_url": f.document_url, "source_page": f.source_page,
        "source_row": f.source_row, "record_key": f.record_key, "observed": f.observed, "expected": f.expected,
    }


def _summary(f: CheckFailure) -> str:
    """One line for people: which rule, which row of which document, what it shows."""
    document = urlsplit(f.document_url or "").path.rsplit("/", 1)[-1] or f.document_url
    if f.level == "document":
        return f"{f.suite} check {f.rule} fails on every row ({f.observed.get('rows_failing')}) of {document}: {f.expected}"
    where = f"{document} p.{f.source_page} row {f.source_row}" if f.source_row else (f.record_key or "")
    what = " ".join(x for x in (f.location, f.deployment_date.isoformat() if f.deployment_date else None) if x)
    values = ", ".join(f"{k}={v}" for k, v in f.observed.items())
    return f"{f.suite} check {f.rule} fails: {what} ({where}): {values}; expected {f.expected}".replace("  ", " ")
