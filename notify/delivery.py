"""Delivery: send every pending delivery of the configured channels, and mark what went out.

One message (or digest) per channel. Sent, then marked at once: a process
killed between the two (milliseconds) leaves the claim to lapse after
warehouse.alerts.LEASE, and the message is sent again — at least once,
never lost. A channel that fails keeps its deliveries pending for the next
attempt. Apprise's logs (and those of the HTTP libraries under it) are
silenced while sending: they can carry a channel URL's tokens.

Proof: tests/test_alerts_notify.py, tests/test_kill.py.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from notify.channels import Channel
from notify.messages import compose
from warehouse import alerts as ledger
from warehouse.db import connect_or_none, fault_point


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


def send(channel: Channel, title: str, body: str) -> bool:
    """One message to one channel; True when the channel accepted it."""
    import apprise  # ~0.3 s to import: only when there is something to send

    with _quiet_apprise():
        sender = apprise.Apprise()
        if not sender.add(channel.url):
            return False
        return bool(sender.notify(title=title, body=body, body_format=apprise.NotifyFormat.TEXT))


def deliver_pending(db_path: str | Path, channels: list[Channel], wait_seconds: float,
                    logger: logging.Logger | logging.LoggerAdapter) -> DeliveryReport:
    """Send every pending delivery of these channels (module docstring); the report says what went out."""
    report = DeliveryReport()
    con = connect_or_none(db_path, wait_seconds)
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
            if send(channel, title, body):
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
