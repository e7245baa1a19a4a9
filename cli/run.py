"""`lfrwatch run` and `lfrwatch backfill`: options → Settings → the pipeline flow; a summary for people.

Exit 0 fine, 2 a source broken (the rest loaded), 1 failed. The contract is
docs/architecture.md's "Command-line contract". Registered by cli/__init__.py.
Proof: tests/test_cli.py, tests/test_offline_run.py.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Optional

import typer

from cli.common import DB_HELP
from flows.settings import SOURCES, load_settings, prepare_environment

DbOption = typer.Option(None, "--db", help=DB_HELP)
SourcesOption = typer.Option("met,questions,news", help="Comma-separated sources: met, questions, news.")
MetUrlOption = typer.Option(None, "--met-url", help="Replace https://www.met.police.uk in every requested URL, keeping paths.")
GlaUrlOption = typer.Option(None, "--gla-url", help="Replace https://www.london.gov.uk in every requested URL, keeping paths.")
NewsUrlOption = typer.Option(None, "--news-url", help="Replace https://news.met.police.uk in every requested URL, keeping paths.")


def run(
    db: Optional[Path] = DbOption,
    sources: str = SourcesOption,
    met_url: Optional[str] = MetUrlOption,
    gla_url: Optional[str] = GlaUrlOption,
    news_url: Optional[str] = NewsUrlOption,
) -> None:
    """The main job: fetch, extract and load each source; exit 0 fine, 2 a source broken, 1 failed."""
    _run(db, sources, met_url, gla_url, news_url, None, None)


def backfill(
    since: datetime = typer.Option(..., formats=["%Y-%m-%d"], help="First question date (YYYY-MM-DD)."),
    until: Optional[datetime] = typer.Option(None, formats=["%Y-%m-%d"], help="Last question date (default today)."),
    db: Optional[Path] = DbOption,
    sources: str = SourcesOption,
    met_url: Optional[str] = MetUrlOption,
    gla_url: Optional[str] = GlaUrlOption,
    news_url: Optional[str] = NewsUrlOption,
) -> None:
    """Questions from SINCE to UNTIL, every known Met document and news release; exit status as `run`."""
    _run(db, sources, met_url, gla_url, news_url, since.date(), until.date() if until else None)


def _run(db, sources: str, met_url, gla_url, news_url, since: date | None, until: date | None) -> None:
    wanted = tuple(s.strip() for s in sources.split(",") if s.strip())
    unknown = [s for s in wanted if s not in SOURCES]
    if unknown or not wanted:
        typer.echo(f"unknown source(s): {', '.join(unknown) or '(none)'} (known: {', '.join(SOURCES)})", err=True)
        raise typer.Exit(1)
    for option, value in (("--met-url", met_url), ("--gla-url", gla_url), ("--news-url", news_url)):
        if value is not None and not re.match(r"^https?://[^/\s]+/?$", value):
            typer.echo(f"{option} must be a scheme and host like http://127.0.0.1:8000, not {value!r}", err=True)
            raise typer.Exit(1)
    prepare_environment()
    from flows.pipeline import lfr_watch
    from warehouse.db import set_fault_point

    settings = load_settings().with_overrides(db_path=db, met_url=met_url, gla_url=gla_url, news_url=news_url)
    set_fault_point(settings.fault_point, settings.db_path)
    try:
        report = lfr_watch(settings, wanted, since, until)
    except Exception as exc:  # the run failed: say why, exit 1
        typer.echo(f"run failed: {type(exc).__name__}: {exc}", err=True)
        raise typer.Exit(1)
    typer.echo(report.summary(), err=bool(report.refused))
    raise typer.Exit(report.exit_status)
