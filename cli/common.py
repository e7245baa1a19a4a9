"""What the command groups share: the --db option and opening the warehouse for a short command.

Proof: tests/test_alerts.py (test_cli_*), tests/test_checks_flow.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import duckdb
import typer

from flows.settings import load_settings

DB_HELP = "DuckDB warehouse file (default data/lfrwatch.duckdb or $LFRWATCH_DB)."


def connect_or_exit(db: Optional[Path]) -> duckdb.DuckDBPyConnection:
    """The warehouse, waiting a while (LFRWATCH_LOCK_WAIT) for a run that holds it; a clear message if it stays busy."""
    from warehouse.db import WarehouseBusy, connect

    settings = load_settings()
    path = db or settings.db_path
    try:
        return connect(path, wait=settings.lock_wait)
    except WarehouseBusy as exc:
        typer.echo(f"cannot open the warehouse: {exc}", err=True)
        raise typer.Exit(1)
    except duckdb.Error as exc:
        typer.echo(f"cannot open {path}: {exc}", err=True)
        raise typer.Exit(1)


def open_existing_or_exit(db: Optional[Path]) -> tuple[duckdb.DuckDBPyConnection, Path]:
    """The warehouse at `db` (or the configured one) and its path; a clear message and exit 1 when there is none."""
    path = db or load_settings().db_path
    if str(path) != ":memory:" and not Path(path).exists():
        typer.echo(f"no warehouse at {path}: run `lfrwatch run` first", err=True)
        raise typer.Exit(1)
    return connect_or_exit(path), Path(path)
