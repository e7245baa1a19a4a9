"""Alerts: raise them, emit one Prefect event each, and notify — the run's last steps.

Orchestration only: the rules are warehouse/rules/*.sql and
warehouse/contradictions.py, the ledger warehouse/alerts.py, the wording
flows/messages.py. Notification is one mechanism with two entry points
(ARCHITECTURE.md, "Events and notifications"): the pipeline calls
`deliver` at the end of a run, and prefect.yaml binds the `notify` flow to
`lfrwatch.*` events; both claim and mark the same `deliveries` rows.

Channels are Apprise URLs from LFRWATCH_NOTIFY_URLS and/or the Prefect
Secret block `lfrwatch-notify-urls` (a JSON list, or URLs separated by
whitespace). URLs are secrets: they are never logged, never stored, never
passed as flow parameters; a channel is named by `channel_id`.

Proof: tests/test_alerts.py, tests/test_alerts_notify.py, tests/test_prefect_deploy.py.
"""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE
from prefect.events import emit_event

from flows.messages import compose
from flows.settings import Settings, load_settings
from warehouse import alerts as ledger
from warehouse.rules import record_change_findings
from warehouse.contradictions import record_contradictions
from warehouse.db import WarehouseBusy, connect, fault_point

SECRET_BLOCK = "lfrwatch-notify-urls"
STALE_AFTER_DAYS = Settings.model_fields["stale_after_days"].default
LOCK_WAIT_SECONDS = 60.0  # DuckDB allows one writer process: wait this long for a running pipeline


@dataclass(frozen=True)
class Channel:
    """A notification channel; `url` is a secret and stays out of reprs."""

    id: str
    url: str = field(repr=False)


@dataclass
class DeliveryReport:
    messages_sent: int = 0
    delivered: int = 0  # (alert, channel) pairs
    failed_channels: list[str] = field(default_factory=list)
    busy: bool = False  # the warehouse stayed locked: the run's own last step delivers

    def summary(self) -> str:
        failed = f", channels failing: {', '.join(self.failed_channels)}" if self.failed_channels else ""
        return f"{self.messages_sent} messages sent, {self.delivered} alert deliveries{failed}"


def _now() -> datetime:
    return datetime.now(timezone.utc)


def notification_channels(settings: Settings | None = None, secret_block: str | None = SECRET_BLOCK) -> list[Channel]:
    """The configured channels: settings' notify_urls, then the Secret block's URLs (if the block exists)."""
    settings = settings or load_settings()
    urls = [u.get_secret_value() for u in settings.notify_urls] + _secret_urls(secret_block)
    return [Channel(ledger.channel_id(u), u) for u in dict.fromkeys(urls)]


def _secret_urls(name: str | None) -> list[str]:
    if not name:
        return []
    from prefect.blocks.system import Secret

    try:
        value = Secret.load(name, _sync=True).get()
    except ValueError:  # no such block: channels come from the environment only
        return []
    except Exception as exc:  # the API is unreachable: say so without the value
        logging.getLogger(__name__).warning("could not read Secret block %r (%s)", name, type(exc).__name__)
        return []
    if isinstance(value, str):
        return value.split()
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else []


def _open(db_path: str | Path, wait_seconds: float) -> duckdb.DuckDBPyConnection | None:
    """The warehouse, waiting up to `wait_seconds` while another process holds its lock; None if it stays locked."""
    try:
        return connect(db_path, wait=wait_seconds)
    except WarehouseBusy:
        return None


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
    at = at or _now()
    channels = notification_channels() if channels is None else channels
    con = connect(db_path)
    try:
        changes = record_change_findings(con, at=at, stale_after_days=stale_after_days)
        contradictions = record_contradictions(con, at=at)
        new = ledger.raise_alerts(con, at=at, channels=[c.id for c in channels])
    finally:
        con.close()
    where = str(Path(db_path).resolve())
    for alert in new:
        emit_event(
            event=alert.event,
            resource={"prefect.resource.id": alert.subject, "prefect.resource.name": alert.summary[:200],
                      "lfrwatch.alert.id": str(alert.alert_id)},
            payload={"alert_id": alert.alert_id, "kind": alert.kind, "summary": alert.summary, "db_path": where},
        )
    logger.info("%d new findings (%d from claims), %d new alerts, %d channels", changes + contradictions,
                contradictions, len(new), len(channels))
    return new


_LOUD = ("apprise", "urllib3", "requests")


@contextmanager
def _quiet_apprise():
    """Apprise's log lines, and those of the HTTP libraries under it (urllib3 logs every request line at
    DEBUG), can carry hosts, tokens or paths of a channel URL: keep them out of every log while sending."""
    names = set(_LOUD) | {n for n in logging.root.manager.loggerDict if n.startswith(tuple(f"{p}." for p in _LOUD))}
    loggers = [logging.getLogger(name) for name in sorted(names)]
    before = [(logger.disabled, logger.level) for logger in loggers]
    for logger in loggers:
        logger.disabled = True
        logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for logger, (disabled, level) in zip(loggers, before):
            logger.disabled = disabled
            logger.setLevel(level)


def _send(channel: Channel, title: str, body: str) -> bool:
    import apprise  # ~0.3 s to import: only when there is something to send

    with _quiet_apprise():
        sender = apprise.Apprise()
        if not sender.add(channel.url):
            return False
        return bool(sender.notify(title=title, body=body, body_format=apprise.NotifyFormat.TEXT))


@task(name="deliver-notifications", cache_policy=NONE)
def deliver(db_path: str | Path, channels: list[Channel], wait_seconds: float = LOCK_WAIT_SECONDS) -> DeliveryReport:
    """Send every pending delivery of these channels, one message (or digest) per channel; mark what went out.
    A channel that fails keeps its deliveries pending for the next attempt."""
    logger = get_run_logger()
    report = DeliveryReport()
    con = _open(db_path, wait_seconds)
    if con is None:
        report.busy = True
        logger.warning("warehouse %s is locked by another process; its run delivers pending notifications", db_path)
        return report
    try:
        claimed = ledger.claim_deliveries(con, [c.id for c in channels], at=_now())
        waiting = {ch for (ch, state) in ledger.count_deliveries(con) if state == "pending"}
        for orphan in sorted(waiting - {c.id for c in channels}):
            logger.warning("deliveries pending for channel %s, which is no longer configured", orphan)
        for channel in channels:
            batch = claimed.get(channel.id)
            if not batch:
                continue
            title, body = compose(batch)
            ids = [a.alert_id for a in batch]
            # Sent, then marked at once: a process killed between the two (milliseconds) leaves the claim to
            # lapse after warehouse.alerts.LEASE, and the message is sent again — at least once, never lost.
            if _send(channel, title, body):
                fault_point("deliver")
                ledger.mark_delivered(con, channel.id, ids, at=_now())
                report.messages_sent += 1
                report.delivered += len(batch)
                logger.info("channel %s: %d alerts delivered in one message", channel.id, len(batch))
            else:
                ledger.release_failed(con, channel.id, ids, error="the channel did not accept the message")
                report.failed_channels.append(channel.id)
                logger.warning("channel %s failed; %d alerts stay pending for the next attempt", channel.id, len(batch))
    finally:
        con.close()
    return report


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
