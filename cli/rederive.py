"""`lfrwatch rederive`: read every stored version again with the current code; nothing is fetched.

Exit 0 done, 2 some stored version could not be read (the rest were), 1
failed. What it writes is flows/rederive.py's. Registered by cli/__init__.py.
Proof: tests/test_rederive.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from cli.common import open_existing_or_exit
from flows.settings import load_settings, prepare_environment

_SOURCES = ("questions", "news", "met")


def rederive(
    db: Optional[Path] = typer.Option(None, "--db", help="The warehouse to re-read (default: settings)."),
    sources: str = typer.Option(",".join(_SOURCES), help="Comma-separated: questions, news, met."),
) -> None:
    """Re-read every stored answer, release and Met PDF with the current reader; changes are findings for review."""
    wanted = tuple(s.strip() for s in sources.split(",") if s.strip())
    unknown = [s for s in wanted if s not in _SOURCES]
    if unknown or not wanted:
        typer.echo(f"unknown source(s): {', '.join(unknown) or '(none)'} (known: {', '.join(_SOURCES)})", err=True)
        raise typer.Exit(1)
    settings = load_settings().with_overrides(db_path=db)
    con, _ = open_existing_or_exit(settings.db_path)  # never create an empty warehouse to re-read
    con.close()
    prepare_environment()
    from flows.rederive import rederive as rederive_flow

    try:
        run = rederive_flow(settings, wanted)
    except Exception as exc:  # the re-derivation failed: say why, exit 1
        typer.echo(f"rederive failed: {type(exc).__name__}: {exc}", err=True)
        raise typer.Exit(1)
    typer.echo(run.summary())
    raise typer.Exit(2 if run.errors else 0)
