"""`lfrwatch compare FILE [--db PATH] [--record] [--json]`: a hand-transcribed spreadsheet checked against the records.

Reads FILE (CSV, XLSX or ODS: scrapers/transcription.py), matches each row
to a deployment published now and diagnoses each difference
(warehouse/transcription.py), and prints a table for people or, with
`--json`, the contract shape of docs/architecture.md: `{file, rows,
missing, summary}`. Nothing is written to the warehouse unless `--record`
is given: then the comparison is stored (`transcription_comparisons`) and
becomes `transcription_differs` findings for review, once per file.
Exit 0: every row matches and no deployment is missing; 2: differences
found; 1: the file cannot be read (an unknown or missing column named),
or there is no warehouse or nothing published in it.

Registered by cli/__init__.py: `app.command("compare")(compare)`.
Proof: tests/test_compare.py (test_report_*, test_record_*, test_without_record_*, test_unknown_header_*).
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from cli.common import DB_HELP, open_existing_or_exit
from scrapers.errors import SourceFormatError
from scrapers.transcription import parse_transcription
from warehouse.transcription import Comparison, RowReport, compare_transcription, record_comparison


def compare(
    file: Path = typer.Argument(..., help="The spreadsheet: .csv, .xlsx or .ods, one deployment per row."),
    db: Optional[Path] = typer.Option(None, "--db", help=DB_HELP),
    record: bool = typer.Option(False, "--record", help="Store the comparison and raise findings for review."),
    as_json: bool = typer.Option(False, "--json", help="Print the comparison as one JSON object."),
) -> None:
    """Check a spreadsheet transcribed from the Met's deployment records against the records."""
    try:
        transcription = parse_transcription(file.read_bytes(), file.name)
    except (OSError, SourceFormatError) as exc:
        typer.echo(f"cannot read {file}: {exc}", err=True)
        raise typer.Exit(1)
    con, path = open_existing_or_exit(db)
    try:
        comparison = compare_transcription(con, transcription)
        if not any(r.match for r in comparison.rows) and not con.execute(
                "SELECT count(*) FROM deployments_current WHERE published_now").fetchone()[0]:
            typer.echo(f"nothing is published in {path} to compare with: run `lfrwatch run` first", err=True)
            raise typer.Exit(1)
        new = record_comparison(con, comparison, datetime.now(timezone.utc)) if record else None
    finally:
        con.close()
    if as_json:
        typer.echo(json.dumps(comparison.to_json(), ensure_ascii=False, indent=2))
    else:
        _print(comparison, new)
    raise typer.Exit(0 if comparison.clean else 2)


def _document(ref: dict) -> str:
    return f"{ref['document_url'].rsplit('/', 1)[-1]} p.{ref['source_page']} row {ref['source_row']}"


def _result(r: RowReport) -> str:
    if r.status == "matches":
        return "[green]matches[/green]"
    if r.status == "no_match":
        return "[red]no match[/red]"
    lines = []
    for d in r.differences:
        if d.cause == "row_duplicated":
            lines.append(f"[yellow]duplicate of row {d.records}[/yellow]")
            continue
        cause = f" [dim]({d.cause})[/dim]" if d.cause else ""
        lines.append(f"{d.field}: {_value(d.file)} ≠ {_value(d.records)}{cause}")
    return "\n".join(lines)


def _value(value) -> str:
    if value is None:
        return "blank"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _print(comparison: Comparison, new: int | None) -> None:
    console = Console(highlight=False)
    if not console.is_terminal:  # piped or captured: wide enough that provenance is not folded
        console = Console(highlight=False, width=220)
    t = comparison.transcription
    table = Table(title=f"{t.file_name} against the records", show_lines=True)
    for name in ("row", "in the file", "deployment", "printed at"):
        table.add_column(name, no_wrap=True)
    table.add_column("result", overflow="fold", min_width=30)
    for r in comparison.rows:
        match = r.match.ref() if r.match else None
        table.add_row(str(r.row.row), f"{r.row.deployment_date:%d/%m/%Y} {r.row.location}",
                      f"{match['deployment_id']}\n{r.match.deployment_date:%d/%m/%Y} {r.match.location}" if match else "—",
                      _document(match) if match else "—", _result(r))
    console.print(table)
    if comparison.missing:
        missing = Table(title="published deployments with no row in the file", show_lines=False)
        for name in ("deployment", "date", "location", "printed at"):
            missing.add_column(name, overflow="fold")
        for m in comparison.missing:
            ref = m.ref()
            missing.add_row(m.deployment_id, f"{m.deployment_date:%d/%m/%Y}", m.location, _document(ref))
        console.print(missing)
    s = comparison.summary()
    console.print(f"{s['rows']} rows: {s['matches']} match, {s['differs']} differ ({s['differences']} differences), "
                  f"{s['no_match']} no match, {s['duplicates']} duplicated; {s['missing']} deployments missing"
                  + ("" if new is None else f"; recorded ({new} new findings for review)"))


if __name__ == "__main__":
    typer.run(compare)
