"""DuckDB connections, migrations and transactions: the warehouse's door.

Owns opening the database file, applying the numbered DDL in
schemas/sql/ once each, and the one-transaction-per-unit rule: a
failure inside `transaction()` leaves the warehouse as it was.
"""

from __future__ import annotations

from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Iterator

import duckdb

from warehouse.views import apply_views


def connect(path: str | Path) -> duckdb.DuckDBPyConnection:
    """Open (creating folders), migrate and (re)create the dashboard views of the warehouse at `path`."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    con.execute("SET TimeZone = 'UTC'")
    migrate(con)
    apply_views(con)
    return con


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
