"""Alerts and deliveries: one alert per confident finding, one delivery per alert and channel.

Owns the `alerts` and `deliveries` tables: raising alerts from findings in
state `alert` that have none yet (so each is raised once, whichever run or
backfill sees it first), the review states open → acknowledged → resolved,
and the delivery ledger both notification entry points share: a delivery
is claimed (`sending`) before a message goes out and marked `delivered`
after, or released back to `pending` when the channel failed, so two
notifiers never send the same alert twice and a failure loses nothing.

Channels are named by `channel_id` (scheme + hash of the Apprise URL);
the URL itself never reaches the database.

Must not: send anything, emit events (flows/alerts.py does).
Proof: tests/test_alerts.py, tests/test_alerts_notify.py.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timedelta

import duckdb

from warehouse.db import transaction

_COLUMNS = ("alert_id, finding_key, kind, subject, summary, evidence, event, state, raised_at, "
            "acknowledged_at, resolved_at, resolution_note")
LEASE = timedelta(minutes=10)  # a 'sending' claim older than this was lost with its process: send again


class AlertStateError(ValueError):
    """An unknown alert, or a review step not allowed from its state."""


@dataclass(frozen=True)
class Alert:
    alert_id: int
    finding_key: str
    kind: str
    subject: str
    summary: str
    evidence: dict
    event: str
    state: str
    raised_at: datetime
    acknowledged_at: datetime | None = None
    resolved_at: datetime | None = None
    resolution_note: str | None = None

    def to_json_dict(self) -> dict:
        """The `lfrwatch alerts --json` object (docs/architecture.md, "Command-line contract")."""
        iso = lambda t: t.isoformat() if t else None  # noqa: E731
        return {
            "id": self.alert_id, "kind": self.kind, "subject": self.subject, "summary": self.summary,
            "evidence": self.evidence, "state": self.state, "raised_at": iso(self.raised_at),
            "event": self.event, "finding_key": self.finding_key, "acknowledged_at": iso(self.acknowledged_at),
            "resolved_at": iso(self.resolved_at), "resolution_note": self.resolution_note,
        }


def channel_id(url: str) -> str:
    """A stable name for a notification channel that does not reveal its URL: 'json:3f2a9c0d1e4b'."""
    scheme = url.split("://", 1)[0].lower() if "://" in url else "unknown"
    return f"{scheme}:{hashlib.sha256(url.encode()).hexdigest()[:12]}"


def _alerts(con, where: str, params: list) -> list[Alert]:
    rows = con.execute(f"SELECT {_COLUMNS} FROM alerts WHERE {where} ORDER BY alert_id", params).fetchall()
    return [Alert(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]) if r[5] else {}, *r[6:]) for r in rows]


def alerts_from_findings(con: duckdb.DuckDBPyConnection, *, at: datetime, channels: list[str]) -> list[Alert]:
    """An alert for every finding in state 'alert' without one, and a pending delivery per channel; the new alerts."""
    with transaction(con):
        ids = [r[0] for r in con.execute(
            """
            INSERT INTO alerts (finding_key, kind, subject, summary, evidence, event, state, raised_at)
            SELECT f.finding_key, f.kind, f.subject, f.summary, f.evidence,
                   'lfrwatch.' || replace(f.kind, '_', '.'), 'open', ?
            FROM findings f
            WHERE f.state = 'alert' AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.finding_key = f.finding_key)
              -- a contradiction the old reading already raised, found again by a re-derivation: not news
              AND coalesce((f.evidence->>'$.rederived'), '') <> 'carried_over'
            ORDER BY f.raised_at, f.kind, f.finding_key
            RETURNING alert_id
            """,
            [at],
        ).fetchall()]
        if ids and channels:
            con.execute(
                """
                INSERT INTO deliveries
                SELECT a, c, 'pending', 0, ?, NULL, NULL, NULL
                FROM unnest(?::INTEGER[]) AS t(a), unnest(?::VARCHAR[]) AS u(c)
                """,
                [at, ids, sorted(set(channels))],
            )
    return _alerts(con, "list_contains(?::INTEGER[], alert_id)", [ids]) if ids else []


def find_alerts(con: duckdb.DuckDBPyConnection, *, include_closed: bool = False,
                since: datetime | None = None) -> list[Alert]:
    """Open and acknowledged alerts (or all), oldest first; only those raised at or after `since` if given."""
    where, params = ["TRUE"], []
    if not include_closed:
        where.append("state <> 'resolved'")
    if since is not None:
        where.append("raised_at >= ?")
        params.append(since)
    return _alerts(con, " AND ".join(where), params)


def find_alert(con: duckdb.DuckDBPyConnection, alert_id: int) -> Alert:
    found = _alerts(con, "alert_id = ?", [alert_id])
    if not found:
        raise AlertStateError(f"no alert {alert_id}")
    return found[0]


def acknowledge(con: duckdb.DuckDBPyConnection, alert_id: int, *, at: datetime) -> Alert:
    """open → acknowledged; raises AlertStateError for an unknown or already acknowledged/resolved alert."""
    alert = find_alert(con, alert_id)
    if alert.state != "open":
        raise AlertStateError(f"alert {alert_id} is {alert.state}, not open")
    con.execute("UPDATE alerts SET state = 'acknowledged', acknowledged_at = ? WHERE alert_id = ?", [at, alert_id])
    return find_alert(con, alert_id)


def resolve(con: duckdb.DuckDBPyConnection, alert_id: int, *, at: datetime, note: str) -> Alert:
    """open or acknowledged → resolved with a note; raises AlertStateError if unknown, resolved, or the note is empty."""
    alert = find_alert(con, alert_id)
    if alert.state == "resolved":
        raise AlertStateError(f"alert {alert_id} is already resolved")
    if not note.strip():
        raise AlertStateError("a resolution needs a note saying why")
    con.execute("UPDATE alerts SET state = 'resolved', resolved_at = ?, resolution_note = ? WHERE alert_id = ?",
                [at, note.strip(), alert_id])
    return find_alert(con, alert_id)


def claim_deliveries(con: duckdb.DuckDBPyConnection, channels: list[str], *, at: datetime) -> dict[str, list[Alert]]:
    """Mark every pending delivery of these channels 'sending' (and lost claims older than LEASE); alerts by channel."""
    if not channels:
        return {}
    with transaction(con):
        rows = con.execute(
            """
            UPDATE deliveries SET state = 'sending', attempts = attempts + 1, last_attempt_at = ?
            WHERE list_contains(?::VARCHAR[], channel)
              AND (state = 'pending' OR (state = 'sending' AND last_attempt_at < ?))
            RETURNING alert_id, channel
            """,
            [at, channels, at - LEASE],
        ).fetchall()
    by_channel: dict[str, list[int]] = {}
    for alert_id, channel in rows:
        by_channel.setdefault(channel, []).append(alert_id)
    return {
        channel: _alerts(con, "list_contains(?::INTEGER[], alert_id)", [ids]) for channel, ids in sorted(by_channel.items())
    }


def mark_delivered(con: duckdb.DuckDBPyConnection, channel: str, alert_ids: list[int], *, at: datetime) -> None:
    con.execute(
        "UPDATE deliveries SET state = 'delivered', delivered_at = ?, last_error = NULL "
        "WHERE channel = ? AND list_contains(?::INTEGER[], alert_id)",
        [at, channel, alert_ids],
    )


def release_failed(con: duckdb.DuckDBPyConnection, channel: str, alert_ids: list[int], *, error: str) -> None:
    """Back to 'pending' after a failed send, with why (never the URL)."""
    con.execute(
        "UPDATE deliveries SET state = 'pending', last_error = ? WHERE channel = ? AND list_contains(?::INTEGER[], alert_id)",
        [error, channel, alert_ids],
    )


def count_deliveries(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], int]:
    """{(channel, state): deliveries}."""
    rows = con.execute("SELECT channel, state, count(*) FROM deliveries GROUP BY ALL ORDER BY ALL").fetchall()
    return {(channel, state): n for channel, state, n in rows}
