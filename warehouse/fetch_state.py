"""Fetch state and the raw archive, shared by every source: what each URL served, and its bytes.

Owns `source_urls` (per URL: the validators for conditional GETs, the last
good version, when it last changed, the current error) and `raw_documents`
(every version of every fetched document, archived before anything parses
it, so a fixed parser can replay history offline).

Proof: tests/test_warehouse_load.py, tests/test_flow_met.py, tests/test_flow_questions.py.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

import duckdb


@dataclass(frozen=True)
class UrlState:
    url: str
    etag: str | None
    last_modified: str | None
    last_sha256: str | None
    last_ok_at: datetime | None


def find_url_state(con: duckdb.DuckDBPyConnection, url: str) -> UrlState | None:
    rows = con.execute(
        "SELECT url, etag, last_modified, last_sha256, last_ok_at FROM source_urls WHERE url = ?", [url]
    ).fetchall()
    return UrlState(*rows[0]) if rows else None


def find_url_states(con: duckdb.DuckDBPyConnection, urls: list[str]) -> dict[str, UrlState]:
    """The fetch state of each of `urls` that has one, in one query."""
    rows = con.execute("SELECT url, etag, last_modified, last_sha256, last_ok_at FROM source_urls "
                       "WHERE list_contains(?::VARCHAR[], url)", [urls]).fetchall()
    return {r[0]: UrlState(*r) for r in rows}


def record_fetch(
    con: duckdb.DuckDBPyConnection,
    *,
    url: str,
    source: str,
    role: str,
    at: datetime,
    status: int | None,
    sha256: str | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    error: str | None = None,
) -> None:
    """Upsert the fetch state of a URL. An error keeps the last good sha256, ETag and Last-Modified."""
    con.execute(
        """
        INSERT INTO source_urls AS s (url, source, role, first_seen_at, last_fetched_at, last_status,
                                      last_ok_at, last_changed_at, last_sha256, etag, last_modified,
                                      last_error, last_error_at)
        VALUES ($url, $source, $role, $at, $at, $status,
                CASE WHEN $error IS NULL THEN $at END,
                CASE WHEN $sha IS NOT NULL THEN $at END,
                CASE WHEN $error IS NULL THEN $sha END,
                CASE WHEN $error IS NULL THEN $etag END,
                CASE WHEN $error IS NULL THEN $lm END,
                $error, CASE WHEN $error IS NOT NULL THEN $at END)
        ON CONFLICT (url) DO UPDATE SET
            last_fetched_at = $at,
            last_status = $status,
            last_ok_at = CASE WHEN $error IS NULL THEN $at ELSE s.last_ok_at END,
            last_changed_at = CASE WHEN $sha IS NOT NULL AND $sha IS DISTINCT FROM s.last_sha256
                                   THEN $at ELSE s.last_changed_at END,
            -- last_sha256, etag and last_modified always describe the same, good
            -- version: conditional GET must never answer 304 for a version that failed.
            last_sha256 = CASE WHEN $error IS NULL THEN coalesce($sha, s.last_sha256) ELSE s.last_sha256 END,
            etag = CASE WHEN $error IS NULL AND $status = 200 THEN $etag ELSE s.etag END,
            last_modified = CASE WHEN $error IS NULL AND $status = 200 THEN $lm ELSE s.last_modified END,
            last_error = $error,
            last_error_at = CASE WHEN $error IS NOT NULL THEN $at ELSE s.last_error_at END
        """,
        {
            "url": url,
            "source": source,
            "role": role,
            "at": at,
            "status": status,
            "sha": sha256,
            "etag": etag,
            "lm": last_modified,
            "error": error,
        },
    )


def archive_raw(
    con: duckdb.DuckDBPyConnection,
    *,
    url: str,
    source: str,
    content: bytes,
    fetched_at: datetime,
    http_status: int,
    etag: str | None,
    last_modified: str | None,
    content_type: str | None,
) -> tuple[str, bool]:
    """Archive one version of a fetched document; returns (sha256, newly archived)."""
    sha = hashlib.sha256(content).hexdigest()
    before = con.execute("SELECT count(*) FROM raw_documents WHERE url = ? AND sha256 = ?", [url, sha]).fetchall()[0][0]
    if before:
        return sha, False
    con.execute(
        "INSERT INTO raw_documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [url, sha, source, fetched_at, http_status, etag, last_modified, content_type, len(content), content],
    )
    return sha, True


def find_raw_content(con: duckdb.DuckDBPyConnection, url: str, sha256: str) -> bytes | None:
    rows = con.execute("SELECT content FROM raw_documents WHERE url = ? AND sha256 = ?", [url, sha256]).fetchall()
    return bytes(rows[0][0]) if rows else None


_RAW_TYPES = ("url VARCHAR, sha256 VARCHAR, source VARCHAR, fetched_at TIMESTAMPTZ, http_status INTEGER, etag VARCHAR, "
              "last_modified VARCHAR, content_type VARCHAR, size_bytes BIGINT, content BLOB")
_OK_TYPES = ("url VARCHAR, source VARCHAR, role VARCHAR, fetched_at TIMESTAMPTZ, status INTEGER, sha VARCHAR, etag VARCHAR, "
             "lm VARCHAR")


def archive_many(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> int:
    """archive_raw for many fetched versions in one statement (keys of _RAW_TYPES; sha256 computed by the
    caller from the bytes); versions already archived are left as they are. Returns how many are new."""
    if not rows:
        return 0
    return len(con.execute(f"INSERT INTO raw_documents BY NAME SELECT unnest(?::STRUCT({_RAW_TYPES})[], "
                           "recursive := true) ON CONFLICT (url, sha256) DO NOTHING RETURNING 1", [rows]).fetchall())


def record_fetches_ok(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> None:
    """record_fetch for many good fetches in one statement (keys of _OK_TYPES), with record_fetch's rules."""
    if not rows:
        return
    con.execute(
        f"""
        INSERT INTO source_urls AS s (url, source, role, first_seen_at, last_fetched_at, last_status, last_ok_at,
                                      last_changed_at, last_sha256, etag, last_modified, last_error, last_error_at)
        SELECT url, source, role, fetched_at, fetched_at, status, fetched_at,
               CASE WHEN sha IS NOT NULL THEN fetched_at END, sha, etag, lm, NULL, NULL
        FROM (SELECT unnest(?::STRUCT({_OK_TYPES})[], recursive := true))
        ON CONFLICT (url) DO UPDATE SET
            last_fetched_at = excluded.last_fetched_at,
            last_status = excluded.last_status,
            last_ok_at = excluded.last_ok_at,
            last_changed_at = CASE WHEN excluded.last_sha256 IS NOT NULL AND excluded.last_sha256 IS DISTINCT FROM
                                        s.last_sha256 THEN excluded.last_fetched_at ELSE s.last_changed_at END,
            last_sha256 = coalesce(excluded.last_sha256, s.last_sha256),
            etag = CASE WHEN excluded.last_status = 200 THEN excluded.etag ELSE s.etag END,
            last_modified = CASE WHEN excluded.last_status = 200 THEN excluded.last_modified ELSE s.last_modified END,
            last_error = NULL
        """,
        [rows],
    )
