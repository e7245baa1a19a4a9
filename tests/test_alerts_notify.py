"""Notifications: Apprise to a real webhook on 127.0.0.1; digests, failures that stay pending, secrets kept out."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from flows.alerts import deliver, notify, raise_alerts
from notify.channels import Channel, notification_channels
from flows.settings import load_settings
from tests.helpers.findings_builders import T0, TO_DATE, dep, publish, rows
from tests.helpers.sites import Webhook, dead_apprise_url
from warehouse.alerts import channel_id
from warehouse.db import connect

pytestmark = pytest.mark.usefixtures("prefect_harness")

V1 = [dep("2025-01-08", "Croydon"), dep("2025-01-15", "Oxford Circus", faces_seen=8600)]
V2 = [dep("2025-01-08", "Croydon", faces_seen=9100), dep("2025-01-15", "Oxford Circus", faces_seen=8700),
      dep("2025-01-29", "Walthamstow")]


def channel(url: str) -> Channel:
    return Channel(channel_id(url), url)


@pytest.fixture()
def hook():
    with Webhook() as hook:
        yield hook


def warehouse_with_alerts(path, channels) -> list:
    """A to-date file published, then re-published with two revisions and one new deployment: 4 alerts."""
    con = connect(path)
    publish(con, TO_DATE, V1, T0)
    publish(con, TO_DATE, V2, T0 + timedelta(days=7))
    con.close()
    return raise_alerts(path, channels, at=T0 + timedelta(days=7))


def states(path) -> list[tuple]:
    con = connect(path)
    try:
        return rows(con, "SELECT channel, state, count(*) FROM deliveries GROUP BY ALL ORDER BY ALL")
    finally:
        con.close()


def test_many_alerts_go_out_as_one_digest_and_only_once(tmp_path, hook):
    db = tmp_path / "lfr.duckdb"
    ch = channel(hook.apprise_url)
    new = warehouse_with_alerts(db, [ch])
    assert len(new) == 4

    report = deliver(db, [ch])

    assert (report.messages_sent, report.delivered, report.failed_channels) == (1, 4, [])
    (message,) = hook.messages
    assert message["title"] == "LFR Watch: 4 new alerts (deployment_new, document_new, figure_revised)"
    body = message["message"]
    assert "faces_seen: 8600 → 8700" in body and "faces_seen: 9000 → 9100" in body
    assert f"before: {TO_DATE} (sha256 " in body and "page 1, row 2" in body
    assert all(f"#{a.alert_id} {a.summary}" in body for a in new)
    assert states(db) == [(ch.id, "delivered", 4)]

    assert deliver(db, [ch]).messages_sent == 0
    assert len(hook.messages) == 1


def test_a_single_alert_is_one_line_then_its_evidence(tmp_path, hook):
    db = tmp_path / "lfr.duckdb"
    con = connect(db)
    publish(con, TO_DATE, V1, T0)
    con.close()
    ch = channel(hook.apprise_url)
    (alert,) = raise_alerts(db, [ch], at=T0)

    deliver(db, [ch])

    (message,) = hook.messages
    assert message["title"] == f"LFR Watch: {alert.summary}"
    assert message["message"].splitlines()[0] == f"document: {TO_DATE} (sha256 {alert.evidence['document']['sha256'][:12]}…)"


def test_a_failing_channel_keeps_its_alerts_pending_until_it_works(tmp_path, hook, caplog):
    db = tmp_path / "lfr.duckdb"
    down = channel(dead_apprise_url())
    hook.failing = True
    flaky = channel(hook.apprise_url)
    warehouse_with_alerts(db, [down, flaky])
    caplog.set_level(logging.DEBUG)

    report = deliver(db, [down, flaky])

    assert report.messages_sent == 0 and sorted(report.failed_channels) == sorted([down.id, flaky.id])
    assert states(db) == sorted([(down.id, "pending", 4), (flaky.id, "pending", 4)])
    con = connect(db)
    assert rows(con, "SELECT DISTINCT attempts, last_error FROM deliveries") == [
        (1, "the channel did not accept the message")]
    con.close()

    hook.failing = False  # the webhook is back; the other channel is still down
    report = deliver(db, [down, flaky])

    assert (report.messages_sent, report.delivered, report.failed_channels) == (1, 4, [down.id])
    assert len(hook.messages) == 1 and "4 new alerts" in hook.messages[0]["title"]
    assert states(db) == sorted([(down.id, "pending", 4), (flaky.id, "delivered", 4)])
    # Channels appear in logs by id only: never the URL or its secret path.
    assert "s3cr3t" not in caplog.text and str(hook.port) not in caplog.text
    assert down.id in caplog.text


def test_notify_flow_reads_channels_from_the_environment_and_keeps_them_secret(tmp_path, hook, monkeypatch, capfd):
    db = tmp_path / "lfr.duckdb"
    monkeypatch.setenv("LFRWATCH_NOTIFY_URLS", f"{hook.apprise_url}  \n")
    channels = notification_channels(load_settings(), secret_block=None)
    assert [c.id for c in channels] == [channel_id(hook.apprise_url)] and "s3cr3t" not in repr(channels)
    assert "s3cr3t" not in repr(load_settings())
    warehouse_with_alerts(db, channels)

    report = notify(str(db))

    assert report.delivered == 4 and len(hook.messages) == 1
    out, err = capfd.readouterr()
    assert "s3cr3t" not in out + err
    con = connect(db)
    dump = str(rows(con, "SELECT * FROM deliveries")) + str(rows(con, "SELECT * FROM alerts"))
    con.close()
    assert "s3cr3t" not in dump and str(hook.port) not in dump


def test_a_secret_block_adds_channels(tmp_path, hook):
    from prefect.blocks.system import Secret

    Secret(value=[hook.apprise_url]).save("lfrwatch-test-urls", overwrite=True)

    assert [c.id for c in notification_channels(load_settings({}), secret_block="lfrwatch-test-urls")] == [
        channel_id(hook.apprise_url)]
    assert notification_channels(load_settings({}), secret_block="no-such-block") == []


def test_a_warehouse_locked_by_a_running_pipeline_is_left_to_that_run(tmp_path):
    import subprocess
    import sys

    db = tmp_path / "lfr.duckdb"
    connect(db).close()
    # DuckDB lets one process write a file: a pipeline run holds it while the trigger's notify starts.
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, time; con = duckdb.connect({str(db)!r}); "
                               "print('holding', flush=True); time.sleep(60)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        report = deliver(db, [channel("json://127.0.0.1:9/x")], wait_seconds=1.0)
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert report.busy and report.messages_sent == 0
