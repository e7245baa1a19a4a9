"""backfill: the same run over a date range of questions, every known Met document and the news releases.

The deployable entry point (prefect.yaml) and `lfrwatch backfill` both call
it; its parameters are plain JSON values so a Prefect deployment can carry
them.
"""

from __future__ import annotations

from datetime import date

from prefect import flow

from flows.pipeline import RunReport, lfr_watch
from flows.settings import SOURCES, load_settings


@flow(name="lfr-watch-backfill")
def backfill(
    since: date,
    until: date | None = None,
    sources: list[str] = list(SOURCES),
    db_path: str | None = None,
) -> RunReport:
    """Questions asked from `since` to `until` (default today) and every known Met document."""
    settings = load_settings().with_overrides(db_path=db_path)
    return lfr_watch(settings, tuple(sources), since, until)
