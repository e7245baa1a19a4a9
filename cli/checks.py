"""`lfrwatch checks [--db PATH] [--json]`: the latest failed checks, with their provenance.

The JSON shape is docs/architecture.md's command-line contract: a list of
`{suite, rule, level, deployment_id, deployment_date, location,
document_url, source_page, source_row, observed, expected}`, `level`
`row` or `document` (a rule failing on every row of a document: row
fields null). Without `--json`, one line per failure for people.

Registered by cli/__init__.py: `app.command("checks")(checks)`. Also runs
alone: `python -m cli.checks --db data/lfrwatch.duckdb`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from cli.common import open_existing_or_exit
from warehouse.check_results import find_latest_check_run, find_latest_failures


def checks(
    db: Optional[Path] = typer.Option(None, "--db", help="DuckDB warehouse file (default data/lfrwatch.duckdb or $LFRWATCH_DB)."),
    as_json: bool = typer.Option(False, "--json", help="Print the failures as a JSON list."),
) -> None:
    """The latest failed checks: which rule, which row of which document, what it shows."""
    con, path = open_existing_or_exit(db)
    try:
        failures = find_latest_failures(con)
        run = find_latest_check_run(con)
    finally:
        con.close()
    if as_json:
        typer.echo(json.dumps(failures, ensure_ascii=False, indent=2))
        return
    if run is None:
        typer.echo("no checks have run yet")
        return
    typer.echo(f"checks of {run['checked_at']:%Y-%m-%d %H:%M} UTC: {run['rules_failed']} of {run['rules']} rules failed, "
               f"{len(failures)} failure(s)")
    for f in failures:
        document = (f["document_url"] or "").rsplit("/", 1)[-1]
        if f["level"] == "document":
            typer.echo(f"- {f['suite']}.{f['rule']}: every row of {document} — {f['expected']}; {_values(f['observed'])}")
            continue
        where = f"{document} p.{f['source_page']} row {f['source_row']}" if f["source_row"] else document
        what = " ".join(str(x) for x in (f["deployment_date"], f["location"]) if x)
        typer.echo(f"- {f['suite']}.{f['rule']}: {what} ({where}): {_values(f['observed'])} — expected {f['expected']}")


def _values(observed: dict | None) -> str:
    return ", ".join(f"{k}={v}" for k, v in (observed or {}).items())


if __name__ == "__main__":
    typer.run(checks)
