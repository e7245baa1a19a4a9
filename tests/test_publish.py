"""The published snapshot: a whole, read-only copy that readers in other processes never see half-written."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pytest
from prefect import flow

from flows.publish import publish_snapshot
from tests.helpers.dashboard_data import load_documents, real_documents
from tests.helpers.real_pages import REPO
from warehouse.db import connect
from warehouse.publish import open_snapshot, snapshot_path, write_snapshot
from warehouse.views import apply_views, view_names

pytestmark = pytest.mark.usefixtures("prefect_harness")

# A reader as a dashboard would be: `held` keeps one read-only connection open
# for the whole test; `reopen` opens the file afresh for every query, so it
# sees each new snapshot. Each query reads the same total three ways: a
# snapshot written half-way would disagree with itself or fail to open.
READER = r"""
import duckdb, json, os, sys, time
path, mode, final, stop = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
QUERY = '''SELECT (SELECT count(*) FROM deployments),
                  (SELECT coalesce(sum(deployment_rows), 0) FROM met_document_versions),
                  (SELECT coalesce(sum(deployments_completed + deployments_aborted), 0) FROM yearly_totals),
                  (SELECT count(*) FROM deployments_current)'''
def query(con):
    return list(con.execute(QUERY).fetchall()[0])
held = duckdb.connect(path, read_only=True)
print(json.dumps({"ready": query(held)}), flush=True)
if mode == "reopen":
    held.close()
states, errors, queries, deadline = [], [], 0, time.monotonic() + 120
while time.monotonic() < deadline and not os.path.exists(stop):
    try:
        if mode == "held":
            row = query(held)
        else:
            con = duckdb.connect(path, read_only=True)
            try:
                row = query(con)
            finally:
                con.close()
        queries += 1
        if not states or states[-1] != row:
            states.append(row)
        if mode == "reopen" and row[0] == final:
            break
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
print(json.dumps({"queries": queries, "states": states, "errors": errors[:5], "error_count": len(errors)}), flush=True)
"""


@pytest.fixture()
def warehouse(tmp_path: Path) -> Path:
    db = tmp_path / "data" / "lfrwatch.duckdb"
    con = connect(db)
    apply_views(con)
    con.close()
    return db


@flow(name="publish-test-run", validate_parameters=False)
def one_run(db: Path, name: str) -> Path:
    """What a run does, for this test: load a document, then publish."""
    _load(db, name)
    return publish_snapshot(db)


def _load(db: Path, name: str) -> None:
    con = connect(db)
    try:
        load_documents(con, real_documents(name))
    finally:
        con.close()


def test_snapshot_path_is_published_beside_the_database():
    assert snapshot_path(Path("data/lfrwatch.duckdb")) == Path("data/published/lfrwatch.duckdb")


def test_publishing_writes_a_whole_read_only_copy_with_the_views(warehouse: Path):
    published = one_run(warehouse, "2020-2022")

    assert published == warehouse.parent / "published" / "lfrwatch.duckdb"
    assert stat.S_IMODE(os.stat(published).st_mode) == 0o444
    assert sorted(p.name for p in published.parent.iterdir()) == ["lfrwatch.duckdb"]  # no staging file left
    con = open_snapshot(published)
    try:
        have = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
        assert have == set(view_names())
        assert con.execute("SELECT sum(faces_seen) FROM yearly_totals").fetchall() == [(157_566,)]
        with pytest.raises(duckdb.Error):
            con.execute("DELETE FROM deployments")
    finally:
        con.close()
    # The working file stays writable by the pipeline while a reader holds the snapshot.
    reader = open_snapshot(published)
    _load(warehouse, "2025")
    assert reader.execute("SELECT count(*) FROM deployments").fetchall() == [(9,)]
    reader.close()


def test_a_failed_publish_leaves_the_previous_snapshot_untouched(warehouse: Path):
    _load(warehouse, "2020-2022")
    published = write_snapshot(warehouse)
    before = published.read_bytes()
    warehouse.write_bytes(b"not a DuckDB file")  # the warehouse is unreadable now
    with pytest.raises(duckdb.Error):
        write_snapshot(warehouse)
    assert published.read_bytes() == before
    assert sorted(p.name for p in published.parent.iterdir()) == ["lfrwatch.duckdb"]
    with pytest.raises(FileNotFoundError):
        write_snapshot(warehouse.with_name("missing.duckdb"))
    with pytest.raises(FileNotFoundError):
        open_snapshot(warehouse.parent / "published" / "missing.duckdb")


def test_readers_in_another_process_see_whole_states_while_two_runs_publish(warehouse: Path, tmp_path: Path):
    first, second, third = (real_documents(n)[0] for n in ("2020-2022", "2023-2024", "2025"))
    published = one_run(warehouse, "2020-2022")
    final = len(first.deployments) + len(second.deployments) + len(third.deployments)
    script, stop = tmp_path / "reader.py", tmp_path / "stop"
    script.write_text(READER)
    readers = {
        mode: subprocess.Popen([sys.executable, str(script), str(published), mode, str(final), str(stop)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
        for mode in ("held", "reopen")
    }
    try:
        for mode, reader in readers.items():
            ready = json.loads(reader.stdout.readline() or "{}")
            assert ready.get("ready") == [9, 9, 9, 9], (mode, reader.stderr.read())
        timings = []
        for name in ("2023-2024", "2025"):
            started = time.perf_counter()
            one_run(warehouse, name)
            timings.append(time.perf_counter() - started)
        reopen_out, _ = readers["reopen"].communicate(timeout=120)
        stop.touch()
        held_out, _ = readers["held"].communicate(timeout=60)
    finally:
        for reader in readers.values():
            if reader.poll() is None:
                reader.kill()
                reader.communicate()
    reopened, held = (json.loads(out.strip().splitlines()[-1]) for out in (reopen_out, held_out))
    print(f"runs: {', '.join(f'{t:.3f} s' for t in timings)}; reopening reader: {reopened['queries']} queries, "
          f"states {reopened['states']}; held reader: {held['queries']} queries")
    assert reopened["error_count"] == 0, reopened["errors"]
    for state in reopened["states"]:
        assert len(set(state)) == 1, f"a half-written state: {state}"
    assert [s[0] for s in reopened["states"]][0] == 9 and reopened["states"][-1][0] == final
    assert {s[0] for s in reopened["states"]} <= {9, 9 + len(second.deployments), final}
    # A reader that kept its connection open kept reading its snapshot, undisturbed.
    assert held["error_count"] == 0, held["errors"]
    assert held["states"] == [[9, 9, 9, 9]] and held["queries"] > 0
