"""scheduled_run: the deployable entry point of the daily run, with JSON-able parameters.

`lfr_watch` takes a Settings object (not JSON); a Prefect deployment can
only carry plain values, so this flow builds the Settings from the
environment (flows/settings.py) and the parameters, then runs it.
prefect.yaml schedules it; `flows/backfill.py:backfill` is the backfill's
entry point. Orchestration only. Proof: tests/test_prefect_deploy.py.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow

from flows.pipeline import RunReport, lfr_watch
from flows.settings import SOURCES, load_settings


@flow(name="lfr-watch-scheduled")
def scheduled_run(db_path: str | None = None, sources: list[str] = list(SOURCES)) -> RunReport:
    """One scheduled run of `sources` into the warehouse at `db_path` (default: LFRWATCH_DB or data/)."""
    settings = load_settings().with_overrides(db_path=Path(db_path) if db_path else None)
    return lfr_watch(settings, tuple(sources))
