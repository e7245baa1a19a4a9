"""Alerts: raise them, emit one Prefect event each, and notify — the run's last steps.

Orchestration only: the rules are warehouse/rules/*.sql and
warehouse/contradictions.py (verdicts), the ledger warehouse/alerts.py,
the channels, wording and sending notify/. Notification is one mechanism
with two entry points (docs/architecture.md, "Events and notifications"):
the pipeline calls `deliver` at the end of a run, and prefect.yaml binds
the `notify` flow to `lfrwatch.*` events; both claim and mark the same
`deliveries` rows.

Proof: tests/test_alerts.py, tests/test_alerts_notify.py, tests/test_prefect_deploy.py.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE
from prefect.events import emit_event

from flows.settings import Settings, load_settings
from notify.channels import Channel, notification_channels
from notify.delivery import DeliveryReport, deliver_pending
from warehouse import alerts as ledger
from warehouse.contradictions import record_contradictions
from warehouse.db import connect
from warehouse.rules import record_change_findings

STALE_AFTER_DAYS = Settings.model_fields["stale_after_days"].default
LOCK_WAIT_SECONDS = 60.0  # DuckDB allows one writer process: wait this long for a running pipeline


@task(name="raise-alerts", cache_policy=NONE)
def raise_alerts(
    db_path: str | Path,
    channels: list[Channel] | None = None,
    stale_after_days: int = STALE_AFTER_DAYS,
    at: datetime | None = None,
) -> list[ledger.Alert]:
    """Record findings, raise an alert per new confident finding with a pending delivery per channel,
    then emit one Prefect event per new alert. Returns the new alerts."""
    logger = get_run_logger()
    at = at or datetime.now(timezone.utc)
    channels = notification_channels() if channels is None else channels
    con = connect(db_path)
    try:
        changes = record_change_findings(con, at=at, stale_after_days=stale_after_days)
        contradictions = record_contradictions(con, at=at)
        new = ledger.alerts_from_findings(con, at=at, channels=[c.id for c in channels])
    finally:
        con.close()
    emit_alert_events(new, db_path)
    logger.info("%d new findings (%d from claims), %d new alerts, %d channels", changes + contradictions,
                contradictions, len(new), len(channels))
    return new


def emit_alert_events(new: list[ledger.Alert], db_path: str | Path) -> None:
    """One Prefect event per new alert (prefect.yaml's notify trigger listens for them)."""
    where = str(Path(db_path).resolve())
    for alert in new:
        emit_event(
            event=alert.event,
            resource={"prefect.resource.id": alert.subject, "prefect.resource.name": alert.summary[:200],
                      "lfrwatch.alert.id": str(alert.alert_id)},
            payload={"alert_id": alert.alert_id, "kind": alert.kind, "summary": alert.summary, "db_path": where},
        )


@task(name="deliver-notifications", cache_policy=NONE)
def deliver(db_path: str | Path, channels: list[Channel], wait_seconds: float = LOCK_WAIT_SECONDS) -> DeliveryReport:
    """Send every pending delivery of these channels (notify/delivery.py), one message or digest per channel."""
    return deliver_pending(db_path, channels, wait_seconds, get_run_logger())


@flow(name="lfr-watch-notify")
def notify(db_path: str | None = None) -> DeliveryReport:
    """Deliver every pending notification of the warehouse at `db_path` (default: settings) to the configured channels."""
    logger = get_run_logger()
    settings = load_settings()
    path = Path(db_path) if db_path else settings.db_path
    if not path.exists():  # e.g. an event from a run on another machine: never create an empty warehouse here
        logger.warning("no warehouse at %s: nothing to deliver from this machine", path)
        return DeliveryReport()
    report = deliver(path, notification_channels(settings))
    logger.info(report.summary())
    return report
