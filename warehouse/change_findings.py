"""Change findings: what is new or different since the last publication, in SQL.

Owns the rules that compare what was published before with what is
published now, each recording findings under deterministic keys (so a
re-run or a backfill raises nothing twice):

- `document_new` — a Met document URL loaded for the first time (one
  finding for all its deployments: a first run over 286 deployments is
  three findings, not 286 alerts);
- `deployment_new` — a deployment seen for the first time; state `alert`
  when it arrives in a re-published version of a document we already
  had (the "to date" file grew), `noted` when its document is new;
- `figure_revised` — one per changed figure of a deployment, with both
  document versions (sha256, page, row);
- `deployment_withdrawn` — a deployment in the previous version of a
  document URL and missing from the new one; `noted` when it is still
  published in another document;
- `document_replaced` — a URL that now serves a different record (keeps
  fewer than half of the previous version's deployments): one alert
  instead of one per vanished deployment;
- `answer_new`, `answer_corrected` — in warehouse/answer_findings.py;
- `source_stale` — a source whose content has not changed for longer
  than configured while it keeps answering.

Must not: fetch, parse, or decide delivery (warehouse/alerts.py).
Proof: tests/test_findings_changes.py, tests/test_findings_scenario.py.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import duckdb

from schemas.records import FIGURE_COLUMNS
from warehouse.answer_findings import FRESH_DAYS, record_answer_findings
from warehouse.db import transaction
from warehouse.findings import record_finding


# Loaded versions of each Met document URL in publication order, and for each
# re-publication how many of the previous version's deployments it kept.
_LINEAGE = """
versions AS (
    SELECT r.url, r.sha256, r.fetched_at,
           row_number() OVER (PARTITION BY r.url ORDER BY r.fetched_at, r.sha256) AS n
    FROM raw_documents r JOIN met_document_versions m ON m.document_sha256 = r.sha256
    WHERE r.source = 'met'
),
pairs AS (
    SELECT url, lag(sha256) OVER (PARTITION BY url ORDER BY n) AS prev_sha, sha256 AS next_sha, fetched_at
    FROM versions
),
kept AS (
    SELECT p.url, p.prev_sha, p.next_sha, p.fetched_at,
           count(*) AS prev_rows, count(o2.deployment_id) AS kept_rows,
           count(o2.deployment_id) * 2 >= count(*) AS continuation
    FROM pairs p
    JOIN deployment_observations o1 ON o1.document_sha256 = p.prev_sha
    LEFT JOIN deployment_observations o2 ON o2.document_sha256 = p.next_sha AND o2.deployment_id = o1.deployment_id
    WHERE p.prev_sha IS NOT NULL
    GROUP BY ALL
),
first_obs AS (
    SELECT * FROM deployment_observations
    QUALIFY row_number() OVER (PARTITION BY deployment_id ORDER BY observed_at, document_sha256) = 1
)
"""


def record_change_findings(
    con: duckdb.DuckDBPyConnection, *, at: datetime, stale_after_days: int, fresh_days: int = FRESH_DAYS
) -> int:
    """Run every change rule in one transaction; returns how many findings are new."""
    with transaction(con):
        return (
            _documents(con, at)
            + _deployments_new(con, at)
            + _figures_revised(con, at)
            + _withdrawn(con, at)
            + record_answer_findings(con, at=at, fresh_days=fresh_days)
            + _sources_stale(con, at, stale_after_days)
        )


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _unseen(prefix_sql: str) -> str:
    return f"NOT EXISTS (SELECT 1 FROM findings f WHERE f.finding_key = {prefix_sql})"


def _doc(url: str, sha: str, page: int | None = None, row: int | None = None, at=None) -> dict:
    return {"url": url, "sha256": sha, "page": page, "row": row, "observed_at": at}


def _name(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def _documents(con, at: datetime) -> int:
    new = 0
    for r in _rows(con, f"""
        WITH {_LINEAGE}
        SELECT v.url, v.sha256, v.fetched_at, m.title, m.pages, m.deployment_rows,
               min(o.deployment_id) IS NOT NULL AS has_rows,
               min(dv.deployment_date) AS first_date, max(dv.deployment_date) AS last_date,
               count(f.deployment_id) AS new_deployments
        FROM versions v JOIN met_document_versions m ON m.document_sha256 = v.sha256
        LEFT JOIN deployment_observations o ON o.document_sha256 = v.sha256
        LEFT JOIN deployment_versions dv ON dv.deployment_id = o.deployment_id AND dv.figures_sha256 = o.figures_sha256
        LEFT JOIN first_obs f ON f.deployment_id = o.deployment_id AND f.document_sha256 = v.sha256
        WHERE v.n = 1 AND {_unseen("'document_new:' || v.url")}
        GROUP BY ALL ORDER BY v.fetched_at, v.url"""):
        summary = (f"New Met deployment record {_name(r['url'])}: {r['title'] or 'untitled'}, "
                   f"{r['deployment_rows']} deployments {r['first_date']} to {r['last_date']} "
                   f"({r['new_deployments']} not seen before)")
        evidence = {"document": _doc(r["url"], r["sha256"], at=r["fetched_at"]), "title": r["title"],
                    "pages": r["pages"], "deployment_rows": r["deployment_rows"], "first_date": r["first_date"],
                    "last_date": r["last_date"], "new_deployments": r["new_deployments"]}
        new += record_finding(con, key=f"document_new:{r['url']}", kind="document_new", subject=f"document:{r['url']}",
                              summary=summary, evidence=evidence, at=at)
    for r in _rows(con, f"""
        WITH {_LINEAGE}
        SELECT k.*, m.title, m.deployment_rows,
               (SELECT count(*) FROM deployment_observations o1 WHERE o1.document_sha256 = k.prev_sha
                  AND NOT EXISTS (SELECT 1 FROM deployment_observations o3
                                  JOIN source_urls s ON s.last_sha256 = o3.document_sha256
                                  WHERE o3.deployment_id = o1.deployment_id)) AS unpublished
        FROM kept k JOIN met_document_versions m ON m.document_sha256 = k.next_sha
        WHERE NOT k.continuation AND {_unseen("'document_replaced:' || k.url || ':' || k.next_sha")}"""):
        summary = (f"{_name(r['url'])} now serves a different record ({r['title'] or 'untitled'}, "
                   f"{r['deployment_rows']} deployments): {r['kept_rows']} of the previous {r['prev_rows']} kept, "
                   f"{r['unpublished']} no longer published anywhere")
        evidence = {"old_document": _doc(r["url"], r["prev_sha"]), "new_document": _doc(r["url"], r["next_sha"], at=r["fetched_at"]),
                    "kept": r["kept_rows"], "previous": r["prev_rows"], "no_longer_published": r["unpublished"],
                    "title": r["title"]}
        new += record_finding(con, key=f"document_replaced:{r['url']}:{r['next_sha']}", kind="document_replaced",
                              subject=f"document:{r['url']}", summary=summary, evidence=evidence, at=at)
    return new


def _deployments_new(con, at: datetime) -> int:
    new = 0
    for r in _rows(con, f"""
        WITH {_LINEAGE}
        SELECT f.deployment_id, f.document_sha256, f.document_url, f.source_page, f.source_row, f.observed_at,
               dv.deployment_date, dv.location, dv.status, dv.faces_seen, dv.alerts_total, dv.false_alerts, dv.arrests,
               EXISTS (SELECT 1 FROM kept k WHERE k.next_sha = f.document_sha256 AND k.continuation) AS republished
        FROM first_obs f JOIN deployment_versions dv USING (deployment_id, figures_sha256)
        WHERE {_unseen("'deployment_new:' || f.deployment_id")}
        ORDER BY dv.deployment_date, f.deployment_id"""):
        figures = {k: r[k] for k in ("status", "faces_seen", "alerts_total", "false_alerts", "arrests")}
        summary = (f"New deployment {r['deployment_date']} {r['location']} in {_name(r['document_url'])} "
                   f"({r['status']}; faces {r['faces_seen']}, alerts {r['alerts_total']}, false {r['false_alerts']})")
        evidence = {"deployment_id": r["deployment_id"], "deployment_date": r["deployment_date"], "location": r["location"],
                    "figures": figures,
                    "document": _doc(r["document_url"], r["document_sha256"], r["source_page"], r["source_row"], r["observed_at"])}
        new += record_finding(con, key=f"deployment_new:{r['deployment_id']}", kind="deployment_new",
                              subject=f"deployment:{r['deployment_id']}", summary=summary, evidence=evidence, at=at,
                              state="alert" if r["republished"] else "noted")
    return new


def _figures_revised(con, at: datetime) -> int:
    diffs = "\nUNION ALL\n".join(
        f"SELECT '{c}' AS field, CAST(to_json(a.{c}) AS VARCHAR) AS old, CAST(to_json(b.{c}) AS VARCHAR) AS new, "
        f"p.* FROM prev p JOIN deployment_versions a ON a.deployment_id = p.deployment_id AND a.figures_sha256 = p.old_sha "
        f"JOIN deployment_versions b ON b.deployment_id = p.deployment_id AND b.figures_sha256 = p.new_sha "
        f"WHERE a.{c} IS DISTINCT FROM b.{c}"
        for c in FIGURE_COLUMNS
    )
    new = 0
    for r in _rows(con, f"""
        WITH later AS (
            SELECT * FROM deployment_versions
            QUALIFY row_number() OVER (PARTITION BY deployment_id ORDER BY first_observed_at, figures_sha256) > 1
        ),
        prev AS (
            SELECT l.deployment_id, l.deployment_date, l.location, l.figures_sha256 AS new_sha,
                   l.first_document_url AS new_url, l.first_document_sha256 AS new_doc, l.first_source_page AS new_page,
                   l.first_source_row AS new_row, l.first_observed_at AS new_at,
                   o.figures_sha256 AS old_sha, o.document_url AS old_url, o.document_sha256 AS old_doc,
                   o.source_page AS old_page, o.source_row AS old_row, o.observed_at AS old_at
            FROM later l JOIN deployment_observations o
              ON o.deployment_id = l.deployment_id AND o.observed_at < l.first_observed_at
            QUALIFY row_number() OVER (PARTITION BY l.deployment_id, l.figures_sha256
                                       ORDER BY o.observed_at DESC, o.document_sha256 DESC) = 1
        ),
        diffs AS ({diffs})
        SELECT * FROM diffs
        WHERE {_unseen("'figure_revised:' || deployment_id || ':' || field || ':' || left(new_sha, 16)")}
        ORDER BY deployment_date, deployment_id, field"""):
        old, new_value = json.loads(r["old"]), json.loads(r["new"])
        summary = (f"Revised: {r['deployment_date']} {r['location']} {r['field']} {old} → {new_value} "
                   f"({_name(r['old_url'])} → {_name(r['new_url'])})")
        evidence = {"deployment_id": r["deployment_id"], "field": r["field"], "old": old, "new": new_value,
                    "old_document": _doc(r["old_url"], r["old_doc"], r["old_page"], r["old_row"], r["old_at"]),
                    "new_document": _doc(r["new_url"], r["new_doc"], r["new_page"], r["new_row"], r["new_at"])}
        new += record_finding(con, key=f"figure_revised:{r['deployment_id']}:{r['field']}:{r['new_sha'][:16]}",
                              kind="figure_revised", subject=f"deployment:{r['deployment_id']}", summary=summary,
                              evidence=evidence, at=at)
    return new


def _withdrawn(con, at: datetime) -> int:
    new = 0
    for r in _rows(con, f"""
        WITH {_LINEAGE},
        current_docs AS (
            SELECT s.url, s.last_sha256 AS sha256 FROM source_urls s
            JOIN met_document_versions m ON m.document_sha256 = s.last_sha256
        )
        SELECT k.url, k.prev_sha, k.next_sha, k.fetched_at, k.continuation, o1.deployment_id,
               o1.source_page, o1.source_row, o1.observed_at, dv.deployment_date, dv.location,
               (SELECT list(DISTINCT c.url ORDER BY c.url) FROM current_docs c
                  JOIN deployment_observations o3 ON o3.document_sha256 = c.sha256
                 WHERE o3.deployment_id = o1.deployment_id AND c.url <> k.url) AS elsewhere
        FROM kept k JOIN deployment_observations o1 ON o1.document_sha256 = k.prev_sha
        LEFT JOIN deployment_observations o2 ON o2.document_sha256 = k.next_sha AND o2.deployment_id = o1.deployment_id
        JOIN deployment_versions dv ON dv.deployment_id = o1.deployment_id AND dv.figures_sha256 = o1.figures_sha256
        WHERE o2.deployment_id IS NULL
          AND {_unseen("'deployment_withdrawn:' || o1.deployment_id || ':' || k.next_sha")}
        ORDER BY dv.deployment_date, o1.deployment_id"""):
        elsewhere = list(r["elsewhere"] or [])
        summary = (f"Withdrawn: {r['deployment_date']} {r['location']} is no longer in {_name(r['url'])} "
                   f"(was page {r['source_page']}, row {r['source_row']})")
        if elsewhere:
            summary += f"; still published in {', '.join(_name(u) for u in elsewhere)}"
        evidence = {"deployment_id": r["deployment_id"], "old_document": _doc(r["url"], r["prev_sha"], r["source_page"],
                    r["source_row"], r["observed_at"]), "new_document": _doc(r["url"], r["next_sha"], at=r["fetched_at"]),
                    "still_published_in": elsewhere}
        state = "alert" if r["continuation"] and not elsewhere else "noted"
        new += record_finding(con, key=f"deployment_withdrawn:{r['deployment_id']}:{r['next_sha']}",
                              kind="deployment_withdrawn", subject=f"deployment:{r['deployment_id']}", summary=summary,
                              evidence=evidence, at=at, state=state)
    return new


def _sources_stale(con, at: datetime, stale_after_days: int) -> int:
    """A source whose documents (Met) or question pages have not changed for too long, while it still answers."""
    new = 0
    stale_keys: dict[str, str] = {}
    for r in _rows(con, """
        SELECT source, max(last_changed_at) AS changed, max(last_ok_at) AS ok, count(*) AS urls
        FROM source_urls WHERE role IN ('document', 'question') GROUP BY source ORDER BY source"""):
        if r["changed"] is None or r["ok"] is None or r["ok"] <= r["changed"]:
            continue
        if r["changed"] >= at - timedelta(days=stale_after_days):
            continue
        key = f"source_stale:{r['source']}:{r['changed'].isoformat()}"
        stale_keys[r["source"]] = key
        days = (at - r["changed"]).days
        summary = (f"Source {r['source']} unchanged for {days} days (last change {r['changed']:%Y-%m-%d}, "
                   f"last checked {r['ok']:%Y-%m-%d})")
        evidence = {"source": r["source"], "last_changed_at": r["changed"], "last_ok_at": r["ok"],
                    "urls": r["urls"], "stale_after_days": stale_after_days}
        new += record_finding(con, key=key, kind="source_stale", subject=f"source:{r['source']}", summary=summary,
                              evidence=evidence, at=at)
    # A source that changed again is no longer stale.
    con.execute(
        "UPDATE findings SET state = 'cleared', cleared_at = ? WHERE kind = 'source_stale' AND state <> 'cleared' "
        "AND NOT list_contains(?::VARCHAR[], finding_key)",
        [at, list(stale_keys.values())],
    )
    return new
