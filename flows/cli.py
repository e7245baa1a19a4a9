"""The `lfrwatch` command: options → Settings → flows; prints summaries for people.

The contract (names, options, output formats) is ARCHITECTURE.md's
"Command-line contract"; keep it stable.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Optional

import typer

from flows.settings import SOURCES, load_settings, prepare_environment

app = typer.Typer(add_completion=False, no_args_is_help=True, help="LFR Watch: Met LFR deployment records and Mayor's answers, versioned and checked.")

DbOption = typer.Option(None, "--db", help="DuckDB warehouse file (default data/lfrwatch.duckdb or $LFRWATCH_DB).")


SourcesOption = typer.Option("met,questions", help="Comma-separated sources: met, questions.")
MetUrlOption = typer.Option(None, "--met-url", help="Replace https://www.met.police.uk in every requested URL, keeping paths.")
GlaUrlOption = typer.Option(None, "--gla-url", help="Replace https://www.london.gov.uk in every requested URL, keeping paths.")


@app.command()
def run(
    db: Optional[Path] = DbOption,
    sources: str = SourcesOption,
    met_url: Optional[str] = MetUrlOption,
    gla_url: Optional[str] = GlaUrlOption,
) -> None:
    """The main job: fetch, extract and load each source; exit 0 fine, 2 a source broken, 1 failed."""
    _run(db, sources, met_url, gla_url, None, None)


@app.command()
def backfill(
    since: datetime = typer.Option(..., formats=["%Y-%m-%d"], help="First question date (YYYY-MM-DD)."),
    until: Optional[datetime] = typer.Option(None, formats=["%Y-%m-%d"], help="Last question date (default today)."),
    db: Optional[Path] = DbOption,
    sources: str = SourcesOption,
    met_url: Optional[str] = MetUrlOption,
    gla_url: Optional[str] = GlaUrlOption,
) -> None:
    """Questions from SINCE to UNTIL, and every known Met document; exit status as `run`."""
    _run(db, sources, met_url, gla_url, since.date(), until.date() if until else None)


def _run(db, sources: str, met_url, gla_url, since: date | None, until: date | None) -> None:
    wanted = tuple(s.strip() for s in sources.split(",") if s.strip())
    unknown = [s for s in wanted if s not in SOURCES]
    if unknown or not wanted:
        typer.echo(f"unknown source(s): {', '.join(unknown) or '(none)'} (known: {', '.join(SOURCES)})", err=True)
        raise typer.Exit(1)
    for option, value in (("--met-url", met_url), ("--gla-url", gla_url)):
        if value is not None and not re.match(r"^https?://[^/\s]+/?$", value):
            typer.echo(f"{option} must be a scheme and host like http://127.0.0.1:8000, not {value!r}", err=True)
            raise typer.Exit(1)
    prepare_environment()
    from flows.pipeline import lfr_watch
    from warehouse.db import set_fault_point

    settings = load_settings().with_overrides(db_path=db, met_url=met_url, gla_url=gla_url)
    set_fault_point(settings.fault_point, settings.db_path)
    try:
        report = lfr_watch(settings, wanted, since, until)
    except Exception as exc:  # the run failed: say why, exit 1
        typer.echo(f"run failed: {type(exc).__name__}: {exc}", err=True)
        raise typer.Exit(1)
    typer.echo(report.summary(), err=bool(report.refused))
    raise typer.Exit(report.exit_status)


@app.command("extract-pdf")
def extract_pdf(file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A Met deployment-record PDF.")) -> None:
    """Print the deployment rows of one PDF as JSON Lines."""
    from flows.isolation import extract_in_worker
    from scrapers.errors import SourceFormatError

    settings = load_settings()
    url = file.resolve().as_uri()
    try:  # in a worker process stopped past its budget, as in a run (flows/isolation.py)
        document = extract_in_worker(file.read_bytes(), url, max_pages=settings.pdf_max_pages,
                                     seconds=settings.document_seconds)
    except SourceFormatError as exc:
        typer.echo(f"cannot read {file}: {exc.where}: {exc.problem}", err=True)
        raise typer.Exit(1)
    out = sys.stdout
    for deployment in document.deployments:
        out.write(json.dumps(deployment.to_json_dict(), ensure_ascii=False) + "\n")
    typer.echo(f"{len(document.deployments)} deployments from {document.pages} pages of {file.name}", err=True)


@app.command("parse-question")
def parse_question_page(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A saved Mayor's Questions page."),
    url: Optional[str] = typer.Option(None, "--url", help="The page's URL (for provenance and links); default the file's URI."),
) -> None:
    """Print one question page as JSON: the question, its answers and the figures they state."""
    from scrapers.claims import question_claims
    from scrapers.errors import SourceFormatError
    from scrapers.london_gov.question_page import parse_question

    try:
        question = parse_question(file.read_bytes(), url or file.resolve().as_uri())
    except SourceFormatError as exc:
        typer.echo(f"cannot read {file}: {exc.where}: {exc.problem}", err=True)
        raise typer.Exit(1)
    out = question.to_json_dict()
    def failed(position: int, exc: Exception) -> None:
        typer.echo(f"claim reader failed on answer {position}: {type(exc).__name__}: {exc}", err=True)

    out["claims"] = [{**claim.to_json_dict(), "answer_position": position}
                     for position, claims in question_claims(question, on_error=failed).items() for claim in claims]
    sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")


from flows.cli_alerts import alerts_app, findings  # noqa: E402  (commands of the same app, in their own modules)
from flows.cli_checks import checks  # noqa: E402
from flows.cli_dashboards import export, report  # noqa: E402
from flows.cli_demo import demo  # noqa: E402

app.add_typer(alerts_app, name="alerts")
app.command("findings")(findings)
app.command("checks")(checks)
app.command("report")(report)
app.command("export")(export)
app.command("demo")(demo)

if __name__ == "__main__":
    app()
