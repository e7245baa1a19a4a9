"""`lfrwatch extract-pdf` and `lfrwatch parse-question`: read one saved document and print what it holds.

Nothing is fetched or stored: the same readers as a run, on a local file.
Exit 1 with the file and the cause when it cannot be read. Registered by
cli/__init__.py. Proof: tests/test_cli.py, tests/test_hostile_inputs.py.
"""

from __future__ import annotations

from datetime import date

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from flows.settings import load_settings


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
                     for position, claims in question_claims(question, on_error=failed, not_after=date.today()).items()
                     for claim in claims]
    sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
