"""Findings: everything noticed, each raised once under a deterministic key.

Owns the `findings` table. A broken source stays one open finding while
it stays broken (re-runs add nothing); when it works again the finding is
cleared, and a later breakage is a new finding.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

import duckdb


@dataclass(frozen=True)
class Finding:
    finding_key: str
    kind: str
    subject: str
    state: str
    summary: str
    evidence: dict
    raised_at: datetime


def record_finding(
    con: duckdb.DuckDBPyConnection,
    *,
    key: str,
    kind: str,
    subject: str,
    summary: str,
    evidence: dict,
    at: datetime,
    state: str = "alert",
) -> bool:
    """Insert a finding under its deterministic key unless it exists; True when newly raised."""
    return bool(
        con.execute(
            "INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, NULL) ON CONFLICT (finding_key) DO NOTHING RETURNING 1",
            [key, kind, subject, state, summary, json.dumps(evidence, default=str, sort_keys=True), at],
        ).fetchall()
    )


def record_source_broken(
    con: duckdb.DuckDBPyConnection, *, subject: str, summary: str, evidence: dict, at: datetime
) -> bool:
    """Open a source_broken finding for `subject` unless one is open; True when newly raised."""
    open_ = con.execute(
        "SELECT count(*) FROM findings WHERE kind = 'source_broken' AND subject = ? AND state <> 'cleared'", [subject]
    ).fetchall()[0][0]
    if open_:
        return False
    key = "source_broken:" + hashlib.sha256(f"{subject}|{at.isoformat()}".encode()).hexdigest()[:16]
    return record_finding(con, key=key, kind="source_broken", subject=subject, summary=summary, evidence=evidence, at=at)


def clear_source_broken(con: duckdb.DuckDBPyConnection, *, subject: str, at: datetime) -> int:
    """Clear the open source_broken finding of a subject that works again; returns how many."""
    return len(con.execute(
        "UPDATE findings SET state = 'cleared', cleared_at = ? "
        "WHERE kind = 'source_broken' AND subject = ? AND state <> 'cleared' RETURNING finding_key",
        [at, subject],
    ).fetchall())


def clear_source_broken_many(con: duckdb.DuckDBPyConnection, *, subjects: list[str], at: datetime) -> int:
    """clear_source_broken for many subjects in one statement; returns how many were cleared."""
    if not subjects:
        return 0
    return len(con.execute(
        "UPDATE findings SET state = 'cleared', cleared_at = ? WHERE kind = 'source_broken' AND state <> 'cleared' "
        "AND list_contains(?::VARCHAR[], subject) RETURNING finding_key", [at, subjects]).fetchall())


def find_findings(con: duckdb.DuckDBPyConnection, *, kind: str | None = None, open_only: bool = False) -> list[Finding]:
    sql = "SELECT finding_key, kind, subject, state, summary, evidence, raised_at FROM findings WHERE 1=1"
    params: list = []
    if kind:
        sql += " AND kind = ?"
        params.append(kind)
    if open_only:
        sql += " AND state <> 'cleared'"
    rows = con.execute(sql + " ORDER BY raised_at, finding_key", params).fetchall()
    return [Finding(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]) if r[5] else {}, r[6]) for r in rows]
