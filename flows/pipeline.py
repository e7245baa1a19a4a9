"""lfr_watch: the scheduled run — each requested source, then the summary.

Orchestration only. Exit status (ARCHITECTURE.md, CLI contract): 0 every
source fine; 2 completed but a source was broken (what could be loaded
was loaded); 1 the run failed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from prefect import flow, get_run_logger

from flows.alerts import deliver, notification_channels, raise_alerts
from flows.artifacts import publish_run_artifact
from flows.checks import CheckReport, run_checks
from flows.met import MetReport, met_records
from flows.publish import publish_snapshot
from flows.questions import QuestionsReport, mayors_questions
from flows.settings import SOURCES, Settings


@dataclass
class RunReport:
    met: MetReport | None = None
    questions: QuestionsReport | None = None
    checks: CheckReport | None = None
    alerts: list = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    snapshot: Path | None = None

    @property
    def exit_status(self) -> int:
        return 2 if self.problems else 0

    def summary(self) -> str:
        lines = []
        if self.met is not None:
            lines.append(f"met: {self.met.summary()}")
        if self.questions is not None:
            lines.append(f"questions: {self.questions.summary()}")
        if self.checks is not None:
            lines.append(f"checks: {self.checks.summary()}")
        lines.append(f"alerts: {len(self.alerts)} new" + "".join(f"\n  - {a.summary}" for a in self.alerts[:20])
                     + (f"\n  … and {len(self.alerts) - 20} more (lfrwatch alerts)" if len(self.alerts) > 20 else ""))
        lines.extend(f"problem: {p}" for p in self.problems)
        if self.snapshot is not None:
            lines.append(f"published read-only snapshot: {self.snapshot}")
        return "\n".join(lines)


@flow(name="lfr-watch", validate_parameters=False)
def lfr_watch(
    settings: Settings,
    sources: tuple[str, ...] = SOURCES,
    since: date | None = None,
    until: date | None = None,
) -> RunReport:
    """One run of the requested sources; `since`/`until` bound the question search (backfills)."""
    logger = get_run_logger()
    started = datetime.now(timezone.utc)
    report = RunReport()
    if "met" in sources:
        report.met = met_records(settings)
        report.problems.extend(report.met.problems)
    if "questions" in sources:
        report.questions = mayors_questions(settings, since, until)
        report.problems.extend(report.questions.problems)
    # A check that cannot run is a bug of ours, not a broken source: logged, not exit 2.
    report.checks = run_checks(settings.db_path, settings.data_docs_path)
    channels = notification_channels(settings)
    report.alerts = raise_alerts(settings.db_path, channels, stale_after_days=settings.stale_after_days)
    # Reached only by runs that exit 0 or 2: a failed run raised before here and publishes nothing.
    report.snapshot = publish_snapshot(settings.db_path)
    deliver(settings.db_path, channels)  # a failing channel stays pending for the next run; never raises
    publish_run_artifact(settings.db_path, since=started, run_summary=report.summary())
    logger.info("run finished with exit status %d\n%s", report.exit_status, report.summary())
    return report
