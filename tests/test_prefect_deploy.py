"""prefect.yaml against a real Prefect server on 127.0.0.1: registration, and the event path end to end.

One server for the module (started with `prefect server start`, its own
PREFECT_HOME and port, analytics off), one `prefect deploy --all` from the
repository. Then: the schedule, parameters and trigger read back through
the API client are the ones prefect.yaml states; and an alert event makes
the trigger start the notification deployment on a real process worker,
which delivers to a webhook on 127.0.0.1. Slow (about a minute in all):
every wait is bounded.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from datetime import timedelta

import httpx
import pytest
import yaml

from tests.helpers.findings_builders import T0, TO_DATE, dep, publish
from tests.helpers.real_pages import REPO
from tests.helpers.sites import Webhook
from warehouse.db import connect

PREFECT = [sys.executable, "-m", "prefect"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(args: list[str], env: dict, timeout: float) -> subprocess.CompletedProcess:
    done = subprocess.run(args, env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(args[2:])} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def _stop(process: subprocess.Popen) -> None:
    """End a process we started, and its children (its own session), by its id."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    home = tmp_path_factory.mktemp("prefect-server-home")
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_API_URL": api,
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1", "PREFECT_LOGGING_LEVEL": "INFO"}
    log = open(home / "server.log", "w")
    process = subprocess.Popen([*PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)], env=env,
                               cwd=home, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, (home / "server.log").read_text()[-3000:]
            time.sleep(0.5)
        _run([*PREFECT, "work-pool", "create", "lfrwatch", "--type", "process"], env, 120)
        deployed = _run([*PREFECT, "--no-prompt", "deploy", "--all"], env, 300)
        yield {"env": env, "api": api, "home": home, "deploy_output": deployed.stdout}
    finally:
        _stop(process)
        log.close()


def client(server):
    from prefect.client.orchestration import SyncPrefectClient

    return SyncPrefectClient(api=server["api"])


def _finished_notify_runs(server, timeout: float) -> list:
    """The flow runs of the notification deployment, once all are final (or `timeout` seconds passed)."""
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId

    deadline = time.monotonic() + timeout
    with client(server) as api:
        deployment = api.read_deployment_by_name("lfr-watch-notify/on-alert")
        while True:
            runs = api.read_flow_runs(deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment.id])))
            if (runs and all(r.state.is_final() for r in runs)) or time.monotonic() > deadline:
                return runs
            time.sleep(1)


def written() -> dict:
    return {d["name"]: d for d in yaml.safe_load((REPO / "prefect.yaml").read_text())["deployments"]}


def test_deploy_registers_schedule_parameters_and_trigger_as_written(server):
    spec = written()
    with client(server) as api:
        deployments = {d.name: d for d in api.read_deployments()}
        automations = api.read_automations()
        pool = api.read_work_pool("lfrwatch")
    assert set(deployments) == set(spec) == {"daily", "backfill", "on-alert"}
    assert pool.type == "process"
    for name, d in deployments.items():
        assert d.entrypoint == spec[name]["entrypoint"]
        assert d.work_pool_name == "lfrwatch"
        assert d.parameters == spec[name].get("parameters", {})
        # The worker runs the flows from the repository itself.
        assert d.pull_steps == [{"prefect.deployments.steps.set_working_directory": {"directory": str(REPO)}}]

    (schedule,) = deployments["daily"].schedules
    assert (schedule.schedule.cron, schedule.schedule.timezone, schedule.active) == ("0 7 * * *", "Europe/London", True)
    assert spec["daily"]["schedules"][0]["cron"] == "0 7 * * *"
    assert deployments["backfill"].parameters == {"since": "2017-01-01", "until": None, "sources": ["met", "questions", "news"]}
    assert deployments["backfill"].schedules == []

    (automation,) = [a for a in automations if a.actions and getattr(a.actions[0], "deployment_id", None)
                     == deployments["on-alert"].id]
    trigger, (action,) = automation.trigger, automation.actions
    wanted = spec["on-alert"]["triggers"][0]
    assert trigger.expect == {"lfrwatch.*"} == set(wanted["expect"])
    assert (trigger.posture.value, trigger.threshold, trigger.within) == ("Reactive", 1, timedelta(seconds=60))
    assert action.parameters == {"db_path": "{{ event.payload.db_path }}"} == wanted["parameters"]
    assert automation.enabled


def test_an_alert_event_runs_the_notification_deployment_which_delivers(server, tmp_path):
    env = server["env"]
    db = tmp_path / "lfr.duckdb"
    con = connect(db)
    publish(con, TO_DATE, [dep("2025-01-08", "Croydon"), dep("2025-01-15", "Oxford Circus")], T0)
    con.close()
    with Webhook() as hook:
        worker_log = open(tmp_path / "worker.log", "w")
        worker = subprocess.Popen([*PREFECT, "worker", "start", "--pool", "lfrwatch"], env=env, cwd=REPO,
                                  stdout=worker_log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            # Another process, as a pipeline run would: the channel is in the Secret block, the alert is
            # raised, its event emitted, and the process ends. Nothing is delivered by it.
            _run([sys.executable, "-c", (
                "from prefect.blocks.system import Secret\n"
                f"Secret(value=[{hook.apprise_url!r}]).save('lfrwatch-notify-urls', overwrite=True)\n"
                "from flows.alerts import raise_alerts\n"
                f"assert len(raise_alerts({str(db)!r})) == 1\n")], env, 120)
            assert hook.messages == []

            messages = hook.wait_for(1, timeout=150)
            assert len(messages) == 1, (tmp_path / "worker.log").read_text()[-4000:]
            # The message goes out before the flow run marks it delivered and finishes: wait for the run.
            runs = _finished_notify_runs(server, timeout=90)
        finally:
            _stop(worker)
            worker_log.close()
    (message,) = messages
    assert message["title"].startswith("LFR Watch: New Met deployment record lfr-deployment-grid.pdf")
    assert f"document: {TO_DATE} (sha256 " in message["message"]
    con = connect(db)
    assert con.execute("SELECT state, count(*) FROM deliveries GROUP BY ALL").fetchall() == [("delivered", 1)]
    con.close()
    assert [(r.parameters, r.state.type.value) for r in runs] == [({"db_path": str(db.resolve())}, "COMPLETED")]
