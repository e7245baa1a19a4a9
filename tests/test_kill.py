"""A run killed with -9 at the worst moments loses nothing and leaves nothing half done; runs never collide.

`lfrwatch run` is started against a local Met site (generated PDFs) with a
fault point armed (LFRWATCH_FAULT_POINT, warehouse/db.py): the process
stops there, announces itself, and is killed -9. Then the warehouse holds
no half-loaded document, the published snapshot is whole (the previous
one, or none), and the next run recovers: leftover staging files go, and
the notification cut off between send and mark is sent again (at least
once; README says so).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.helpers.cli import cli_environment
from tests.helpers.met_site import INDEX_PATH, LFR, index_html
from tests.helpers.pdf_factory import FLAT_HEADER, FLAT_WIDTHS, GridTable, data_row, render_pdf
from tests.helpers.sites import LocalSite
from tests.helpers.sites import Webhook
from warehouse.db import RunInProgress, connect, run_lock

ROWS = [data_row(f"Sample Street {i}, Testtown", f"{i + 1:02d}/05/25") for i in range(6)]


def _command(*args: str) -> list[str]:
    return [str(Path(sys.executable).with_name("lfrwatch")), *args]


@pytest.fixture(scope="module")
def env(tmp_path_factory, prefect_api_url) -> dict[str, str]:
    return cli_environment(tmp_path_factory.mktemp("prefect-home"), prefect_api_url, LFRWATCH_MET_DOCUMENTS="",
                           LFRWATCH_LOCK_WAIT="3")


@pytest.fixture()
def site():
    with LocalSite() as site:
        site.serve(INDEX_PATH, index_html([f"{LFR}/record.pdf"]))
        site.serve(f"{LFR}/record.pdf", render_pdf([GridTable([FLAT_HEADER, *ROWS], FLAT_WIDTHS, header_rows=1)]),
                   content_type="application/pdf")
        yield site


def run(db: Path, site, env, *, fault: str | None = None, extra: dict | None = None, wait: bool = True):
    args = _command("run", "--sources", "met", "--db", str(db), "--met-url", site.base_url)
    full = env | (extra or {}) | ({"LFRWATCH_FAULT_POINT": fault} if fault else {})
    if wait:
        return subprocess.run(args, env=full, capture_output=True, text=True, timeout=600)
    # Its own session, so the test can also stop what the killed run leaves behind (Prefect's temporary server).
    return subprocess.Popen(args, env=full, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def kill_at(db: Path, process: subprocess.Popen, fault: str) -> None:
    marker = Path(f"{db}.fault-{fault}")
    deadline = time.monotonic() + 300
    while not marker.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, f"the run never reached {fault}"
        time.sleep(0.2)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    marker.unlink()
    try:  # the killed run's temporary Prefect server outlives it (its parent is gone); stop it too
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def counts(db: Path) -> tuple[int, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return (con.execute("SELECT count(*) FROM deployments").fetchone()[0],
                con.execute("SELECT count(*) FROM met_document_versions").fetchone()[0])
    finally:
        con.close()


def test_killed_during_a_documents_load_leaves_none_of_it(tmp_path, site, env):
    db = tmp_path / "lfr.duckdb"
    kill_at(db, run(db, site, env, fault="load", wait=False), "load")
    assert counts(db) == (0, 0)  # the transaction never committed
    done = run(db, site, env)
    assert done.returncode == 0, done.stderr
    assert counts(db) == (len(ROWS), 1)


def test_killed_during_publish_leaves_the_old_snapshot_whole_and_the_next_run_cleans_up(tmp_path, site, env):
    db = tmp_path / "lfr.duckdb"
    assert run(db, site, env).returncode == 0
    snapshot = tmp_path / "published" / "lfr.duckdb"
    before = snapshot.read_bytes()
    kill_at(db, run(db, site, env, fault="publish", wait=False), "publish")
    assert snapshot.read_bytes() == before  # whole, and the old one
    duckdb.connect(str(snapshot), read_only=True).execute("SELECT count(*) FROM deployments_current").fetchall()
    assert list(snapshot.parent.glob(".lfr.duckdb.*.tmp"))  # the killed run's staging copy …
    assert run(db, site, env).returncode == 0
    assert not list(snapshot.parent.glob(".lfr.duckdb.*.tmp"))  # … removed by the next run


def test_killed_between_sending_and_marking_a_message_sends_it_again_later(tmp_path, site, env):
    db = tmp_path / "lfr.duckdb"
    with Webhook() as hook:
        notify = {"LFRWATCH_NOTIFY_URLS": hook.apprise_url}
        kill_at(db, run(db, site, env, fault="deliver", extra=notify, wait=False), "deliver")
        assert len(hook.wait_for(1, 10)) == 1  # it went out …
        con = connect(db)
        try:  # … but was not marked: the claim is still 'sending'. Let its lease lapse, as time would.
            assert con.execute("SELECT DISTINCT state FROM deliveries").fetchall() == [("sending",)]
            con.execute("UPDATE deliveries SET last_attempt_at = last_attempt_at - INTERVAL 1 DAY")
        finally:
            con.close()
        assert run(db, site, env, extra=notify).returncode == 0
        assert len(hook.wait_for(2, 10)) == 2  # at least once: sent again, never lost
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT DISTINCT state FROM deliveries").fetchall() == [("delivered",)]
    con.close()


def test_a_second_run_on_the_same_warehouse_stops_with_a_clear_message(tmp_path, site, env):
    db = tmp_path / "lfr.duckdb"
    with run_lock(db):
        done = run(db, site, env)
    assert done.returncode == 1
    assert "another LFR Watch run is using" in done.stderr and "Traceback" not in done.stderr
    with pytest.raises(RunInProgress):  # the same lock, in process
        with run_lock(db), run_lock(db):
            pass


def test_short_commands_wait_for_a_busy_warehouse_then_say_so(tmp_path, site, env):
    db = tmp_path / "lfr.duckdb"
    assert run(db, site, env).returncode == 0
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}); "
                               "print('held', flush=True); time.sleep(120)"], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    try:
        for args in (["alerts"], ["findings"], ["checks"]):
            started = time.monotonic()
            done = subprocess.run(_command(*args, "--db", str(db)), env=env, capture_output=True, text=True,
                                  timeout=120)
            assert done.returncode == 1 and "in use by another process" in done.stderr, done.stderr
            assert "Traceback" not in done.stderr and time.monotonic() - started >= 3
    finally:
        holder.kill()
        holder.wait()
    assert subprocess.run(_command("alerts", "--db", str(db)), env=env, capture_output=True, text=True,
                          timeout=120).returncode == 0  # free again
