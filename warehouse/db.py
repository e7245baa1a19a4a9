"""DuckDB connections, migrations and transactions: the warehouse's door.

Owns opening the database file, applying the numbered DDL in
schemas/sql/ once each, and the one-transaction-per-unit rule: a
failure inside `transaction()` leaves the warehouse as it was.
"""

from __future__ import annotations

import os
import re
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Iterator

import duckdb
from filelock import FileLock, Timeout

from warehouse.views import apply_views


class WarehouseBusy(RuntimeError):
    """Another process holds the warehouse's DuckDB lock."""


class RunInProgress(RuntimeError):
    """Another run holds the warehouse's run lock."""


def connect(path: str | Path, *, wait: float = 0.0) -> duckdb.DuckDBPyConnection:
    """Open (creating folders), migrate and (re)create the dashboard views of the warehouse at `path`.

    While another process holds the file (DuckDB allows one writer), wait up to `wait` seconds, then raise
    WarehouseBusy saying so, never DuckDB's raw lock error.
    """
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    while True:
        try:
            con = duckdb.connect(str(path))
            break
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if time.monotonic() >= deadline:
                holder = re.search(r"\(PID (\d+)\)", str(exc))
                raise WarehouseBusy(f"{path} is in use by another process{f' (pid {holder[1]})' if holder else ''}"
                                    f"{f' after waiting {wait:g} s' if wait else ''}; try again when it has finished"
                                    ) from None
            time.sleep(0.5)
    con.execute("SET TimeZone = 'UTC'")
    if _HELD.get(_key(path)) is None:  # a held warehouse was migrated and given its views when it was opened
        migrate(con)
        apply_views(con)
    return con


# The warehouses this process holds open (`held_open`), by resolved path. DuckDB shares one database instance
# among the connections a process opens to a file, so while one is held, `connect` costs a fraction of a
# millisecond instead of opening the file and replaying its log (about 20 ms each, eight times a run).
_HELD: dict[str, duckdb.DuckDBPyConnection] = {}


def _key(path: str | Path) -> str:
    return str(path) if str(path) == ":memory:" else str(Path(path).resolve())


@contextmanager
def held_open(path: str | Path) -> Iterator[None]:
    """Keep the warehouse at `path` open (migrated, views applied) for the block, so that each step's own
    `connect` and `close` are cheap; the file is closed, and checkpointed, once at the end. When another
    process holds the file, nothing is held and each step waits or fails as it would have."""
    if str(path) == ":memory:" or _key(path) in _HELD:
        yield
        return
    try:
        con = connect(path)
    except WarehouseBusy:
        yield
        return
    _HELD[_key(path)] = con
    try:
        yield
    finally:
        del _HELD[_key(path)]
        con.close()


def connect_or_none(path: str | Path, wait: float) -> duckdb.DuckDBPyConnection | None:
    """The warehouse, waiting up to `wait` seconds while another process holds its lock; None if it stays locked."""
    try:
        return connect(path, wait=wait)
    except WarehouseBusy:
        return None


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply every schemas/sql/NNN_*.sql not applied yet, in order; returns their names."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ DEFAULT now())")
    done = {row[0] for row in con.execute("SELECT name FROM schema_migrations").fetchall()}
    sql_dir = resources.files("schemas").joinpath("sql")
    applied = []
    for entry in sorted(sql_dir.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".sql") or entry.name in done:
            continue
        with transaction(con):
            con.execute(entry.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_migrations (name) VALUES (?)", [entry.name])
        applied.append(entry.name)
    return applied


# Fault injection for the kill tests (tests/test_kill.py): a named point where the process announces itself
# (a marker file beside the database) and waits to be killed. Set from LFRWATCH_FAULT_POINT by the CLI only.
_FAULT: dict[str, str | None] = {"point": None, "marker": None}


def set_fault_point(point: str | None, db_path: str | Path) -> None:
    _FAULT.update(point=point, marker=f"{db_path}.fault-{point}" if point else None)


def fault_point(name: str) -> None:
    """Stop here, for a test to kill the process, when the fault point `name` is armed; else nothing."""
    if _FAULT["point"] == name and _FAULT["marker"]:
        Path(_FAULT["marker"]).write_text(str(os.getpid()), encoding="utf-8")
        time.sleep(600)


@contextmanager
def run_lock(path: str | Path) -> Iterator[None]:
    """Hold the warehouse's run lock (`<path>.run.lock`): one run at a time per warehouse.

    Raises RunInProgress at once when another run holds it, naming that run. The lock is the operating
    system's: a run killed with -9 releases it with its process.
    """
    if str(path) == ":memory:":
        yield
        return
    lock_path = Path(f"{path}.run.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    note = Path(f"{path}.run.lock.who")
    lock = FileLock(lock_path, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        who = note.read_text(encoding="utf-8").strip() if note.exists() else "another process"
        raise RunInProgress(f"another LFR Watch run is using {path} ({who}); this run did nothing") from None
    try:
        note.write_text(f"pid {os.getpid()}, started {datetime.now(timezone.utc):%Y-%m-%d %H:%M:%S} UTC\n",
                        encoding="utf-8")
        yield
    finally:
        lock.release()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN … COMMIT, or ROLLBACK on any exception (re-raised)."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        try:
            con.execute("ROLLBACK")
        except duckdb.ResourceInUseException:
            # DuckDB 2 keeps a failed statement's result open; drop it, then roll back.
            con.abort()
            con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
