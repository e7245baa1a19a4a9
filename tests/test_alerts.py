"""Alerts: raised once per confident finding, review states, events, the CLI and the run artifact."""

from __future__ import annotations

import json
import time
from datetime import timedelta

import pytest
import typer
from typer.testing import CliRunner

from flows.alerts import raise_alerts
from notify.channels import Channel
from flows.artifacts import ARTIFACT_KEY, publish_run_artifact
from cli.alerts import alerts_app, findings
from tests.helpers.findings_builders import T0, TO_DATE, dep, publish, rows
from warehouse import alerts as ledger
from warehouse.db import connect
from warehouse.findings import record_finding

pytestmark = pytest.mark.usefixtures("prefect_harness")

DAY = timedelta(days=1)
V1 = [dep("2025-01-08", "Croydon"), dep("2025-01-15", "Oxford Circus", alerts_total=8, true_alerts=1, false_alerts=7),
      dep("2025-01-22", "Stratford")]
V2 = [dep("2025-01-08", "Croydon"), dep("2025-01-15", "Oxford Circus", alerts_total=9, true_alerts=2, false_alerts=7),
      dep("2025-01-29", "Walthamstow")]
CHANNELS = [Channel("json:aaaaaaaaaaaa", "json://127.0.0.1:9/a"), Channel("mailto:bbbbbbbbbbbb", "mailto://u:p@x")]


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "lfr.duckdb"
    con = connect(path)
    publish(con, TO_DATE, V1, T0)
    con.close()
    return path


def republish(db):
    con = connect(db)
    publish(con, TO_DATE, V2, T0 + 7 * DAY)
    record_finding(con, key="review-me", kind="figure_contradicted", subject="question:2025/1", summary="Review: x",
                   evidence={}, at=T0 + 7 * DAY, state="review")
    con.close()


def test_each_confident_finding_is_one_alert_once_with_a_delivery_per_channel(db):
    first = raise_alerts(db, CHANNELS, at=T0)
    assert [(a.kind, a.event, a.state) for a in first] == [("document_new", "lfrwatch.document.new", "open")]

    republish(db)
    second = raise_alerts(db, CHANNELS, at=T0 + 7 * DAY)

    assert sorted((a.kind, a.subject) for a in second) == [
        ("deployment_new", "deployment:2025-01-29-walthamstow-1"),
        ("deployment_withdrawn", "deployment:2025-01-22-stratford-1"),
        ("figure_revised", "deployment:2025-01-15-oxford-circus-1"),
        ("figure_revised", "deployment:2025-01-15-oxford-circus-1"),
    ]
    assert {a.event for a in second} == {"lfrwatch.deployment.new", "lfrwatch.deployment.withdrawn",
                                         "lfrwatch.figure.revised"}
    revised = next(a for a in second if a.evidence.get("field") == "alerts_total")
    assert {k: revised.evidence[k] for k in ("field", "old", "new")} == {"field": "alerts_total", "old": 8, "new": 9}
    assert set(revised.evidence) >= {"old_document", "new_document"}
    assert raise_alerts(db, CHANNELS, at=T0 + 8 * DAY) == []
    con = connect(db)
    assert rows(con, "SELECT count(*), count(DISTINCT alert_id), count(DISTINCT channel) FROM deliveries") == [(10, 5, 2)]
    # Noted and review findings are not alerts; no URL is stored anywhere.
    assert rows(con, "SELECT count(*) FROM alerts a JOIN findings f USING (finding_key) WHERE f.state <> 'alert'") == [(0,)]
    assert "127.0.0.1:9" not in json.dumps(rows(con, "SELECT * FROM deliveries"), default=str)
    con.close()


def test_raise_alerts_emits_one_event_per_alert_with_the_subject_as_resource(db):
    from prefect.client.orchestration import get_client
    from prefect.events.filters import EventFilter, EventNameFilter, EventResourceFilter

    new = raise_alerts(db, [], at=T0)
    (alert,) = new
    wanted = EventFilter(event=EventNameFilter(name=["lfrwatch.document.new"]),
                         resource=EventResourceFilter(id=[alert.subject]))
    deadline, events = time.monotonic() + 30, []
    with get_client(sync_client=True) as client:
        while time.monotonic() < deadline:
            events = [e for e in client.read_events(filter=wanted, limit=50).events
                      if e.payload.get("db_path") == str(db.resolve())]
            if events:
                break
            time.sleep(0.5)
    assert len(events) == 1
    assert events[0].resource.id == f"document:{TO_DATE}"
    assert events[0].payload["alert_id"] == alert.alert_id and events[0].payload["kind"] == "document_new"


def test_review_states_open_acknowledged_resolved(db):
    raise_alerts(db, [], at=T0)
    con = connect(db)
    try:
        assert ledger.acknowledge(con, 1, at=T0 + DAY).state == "acknowledged"
        with pytest.raises(ledger.AlertStateError):
            ledger.acknowledge(con, 1, at=T0 + DAY)
        with pytest.raises(ledger.AlertStateError, match="note"):
            ledger.resolve(con, 1, at=T0 + DAY, note="  ")
        done = ledger.resolve(con, 1, at=T0 + 2 * DAY, note="checked against the PDF")
        assert (done.state, done.resolution_note) == ("resolved", "checked against the PDF")
        with pytest.raises(ledger.AlertStateError):
            ledger.resolve(con, 1, at=T0 + 2 * DAY, note="again")
        with pytest.raises(ledger.AlertStateError, match="no alert 99"):
            ledger.acknowledge(con, 99, at=T0)
        assert ledger.find_alerts(con) == [] and len(ledger.find_alerts(con, include_closed=True)) == 1
    finally:
        con.close()


@pytest.fixture()
def cli():
    app = typer.Typer()
    app.add_typer(alerts_app, name="alerts")
    app.command("findings")(findings)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


def test_cli_lists_acknowledges_and_resolves(db, cli):
    republish(db)
    raise_alerts(db, [], at=T0 + 7 * DAY)

    listed = cli("alerts", "--db", db, "--json")
    assert listed.exit_code == 0, listed.output
    objects = json.loads(listed.stdout)
    assert len(objects) == 5
    assert set(objects[0]) >= {"id", "kind", "subject", "summary", "evidence", "state", "raised_at"}
    revised = next(o for o in objects if o["kind"] == "figure_revised")
    assert set(revised["evidence"]) >= {"field", "old", "new", "old_document", "new_document"}

    assert cli("alerts", "ack", revised["id"], "--db", db).exit_code == 0
    resolved = cli("alerts", "resolve", revised["id"], "--note", "the Met corrected a typo", "--db", db)
    assert resolved.exit_code == 0 and "resolved" in resolved.stdout
    assert len(json.loads(cli("alerts", "--db", db, "--json").stdout)) == 4
    everything = json.loads(cli("alerts", "--db", db, "--json", "--all").stdout)
    assert [o["resolution_note"] for o in everything if o["id"] == revised["id"]] == ["the Met corrected a typo"]
    again = cli("alerts", "ack", revised["id"], "--db", db)
    assert again.exit_code == 1 and "resolved" in again.output
    assert cli("alerts", "resolve", 1, "--db", db).exit_code != 0  # --note is required

    text = cli("alerts", "--db", db)
    assert text.exit_code == 0 and "deployment_new" in text.stdout

    review = json.loads(cli("findings", "--db", db, "--json", "--review").stdout)
    assert [(f["kind"], f["state"], f["summary"]) for f in review] == [("figure_contradicted", "review", "Review: x")]
    assert len(json.loads(cli("findings", "--db", db, "--json").stdout)) > len(review)


def test_run_artifact_summarises_what_changed(db):
    from prefect import flow
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    raise_alerts(db, [], at=T0)
    republish(db)
    raise_alerts(db, CHANNELS[:1], at=T0 + 7 * DAY)

    @flow
    def run_end():
        return publish_run_artifact(db, since=T0 + 7 * DAY, run_summary="met: 1 new version")

    markdown = run_end()

    assert "## 4 new alerts" in markdown and "figure_revised" in markdown and "document_new" not in markdown
    assert "met: 1 new version" in markdown and "Review: x" in markdown and "4 pending" in markdown
    with get_client(sync_client=True) as client:
        stored = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[ARTIFACT_KEY])))
    assert any(a.data == markdown for a in stored)
