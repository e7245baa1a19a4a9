"""`lfrwatch report` and `lfrwatch export`: the dashboards' commands, registered by cli/__init__.py.

Both read the published snapshot (`published/<file name>` beside `--db`),
never the working file, so they run while the pipeline runs. Exit 1 when
nothing is published yet.

    from cli.dashboards import export, report
    app.command("report")(report)
    app.command("export")(export)
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from flows.settings import load_settings
from report.data import write_report
from warehouse.publish import export_snapshot, snapshot_path
from warehouse.views import EXPORT_FORMATS

DbOption = typer.Option(None, "--db", help="DuckDB warehouse file (default data/lfrwatch.duckdb or $LFRWATCH_DB); "
                                           "its published snapshot is read.")


def _snapshot(db: Optional[Path]) -> Path:
    return snapshot_path(load_settings().with_overrides(db_path=db).db_path)


def report(
    db: Optional[Path] = DbOption,
    out: Optional[Path] = typer.Option(
        None, "--out", help="Folder for lfrwatch-report.html (default: report/ beside the database)."),
) -> None:
    """Write the HTML report (charts, open alerts, answers against the records) from the published snapshot."""
    snapshot = _snapshot(db)
    try:
        path = write_report(snapshot, out or snapshot.parent.parent / "report")
    except FileNotFoundError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1)
    typer.echo(f"report written: {path}")


def export(
    db: Optional[Path] = DbOption,
    format: str = typer.Option(..., "--format", help="csv or parquet."),
    out: Path = typer.Option(..., "--out", help="Folder for one file per view."),
) -> None:
    """Write every dashboard view of the published snapshot as a CSV or Parquet file (docs/views.md)."""
    if format not in EXPORT_FORMATS:
        typer.echo(f"unknown format {format!r}: use {' or '.join(EXPORT_FORMATS)}", err=True)
        raise typer.Exit(2)
    try:
        files = export_snapshot(_snapshot(db), out, format)
    except FileNotFoundError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1)
    for path in files:
        typer.echo(str(path))
    typer.echo(f"{len(files)} views exported to {out}", err=True)


app = typer.Typer(add_completion=False, help="Dashboards: the HTML report and exports of the published snapshot.")
app.command("report")(report)
app.command("export")(export)
