"""lfr_watch: the scheduled run — each requested source, then the summary.

Orchestration only. Exit status (docs/architecture.md, CLI contract): 0 every
source fine; 2 completed but a source was broken (what could be loaded
was loaded); 1 the run failed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.flow_engine import FlowRunTimeoutError
from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

from flows.alerts import deliver, raise_alerts
from notify.channels import notification_channels
from flows.artifacts import publish_run_artifact
from flows.checks import CheckReport, checks
from flows.fetching import record_source_timeout
from flows.met import MetReport, met_records
from flows.news import NewsReport, met_news
from flows.publish import publish_snapshot
from flows.questions import QuestionsReport, mayors_questions
from flows.settings import SOURCES, Settings
from scrapers.fetch_result import down_host
from warehouse.db import RunInProgress, held_open, run_lock


@dataclass
class RunReport:
    met: MetReport | None = None
    questions: QuestionsReport | None = None
    news: NewsReport | None = None
    checks: CheckReport | None = None
    alerts: list = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    snapshot: Path | None = None
    refused: str | None = None  # another run holds the warehouse: this one did nothing

    @property
    def exit_status(self) -> int:
        if self.refused:
            return 1
        return 2 if self.problems else 0

    def summary(self) -> str:
        if self.refused:
            return f"run refused: {self.refused}"
        lines = []
        if self.met is not None:
            lines.append(f"met: {self.met.summary()}")
        if self.questions is not None:
            lines.append(f"questions: {self.questions.summary()}")
        if self.news is not None:
            lines.append(f"news: {self.news.summary()}")
        if self.checks is not None:
            lines.append(f"checks: {self.checks.summary()}")
        lines.append(f"alerts: {len(self.alerts)} new" + "".join(f"\n  - {a.summary}" for a in self.alerts[:20])
                     + (f"\n  … and {len(self.alerts) - 20} more (lfrwatch alerts)" if len(self.alerts) > 20 else ""))
        lines.extend(_problem_lines(self.problems))
        if self.snapshot is not None:
            lines.append(f"published read-only snapshot: {self.snapshot}")
        return "\n".join(lines)


def _problem_lines(problems: list[str]) -> list[str]:
    """One line per problem, except hosts that could not be reached at all: one line each, and a hint."""
    hosts: dict[str, list] = {}
    lines = []
    for problem in problems:
        if down := down_host(problem):
            hosts.setdefault(down[0], [down[1], 0])[1] += 1
        else:
            lines.append(f"problem: {problem}")
    for host, (why, n) in hosts.items():
        lines.append(f"problem: {host} unreachable ({why}); {n} source(s) not read")
    if hosts:
        lines.append("hint: this machine may have no network; `lfrwatch demo` runs the whole job on a bundled sample")
    return lines


def _bounded(source_flow, name: str, settings: Settings, report: RunReport, logger, *args):
    """A source's flow under Prefect's timeout: one that overruns is stopped, said and recorded (source_broken),
    and the run goes on with what was loaded; the next run starts it again."""
    try:
        return source_flow.with_options(timeout_seconds=settings.source_timeout)(*args)
    except FlowRunTimeoutError as exc:
        problem = f"the {name} source ran longer than {settings.source_timeout:g} s and was stopped ({exc})"
        logger.error(problem)
        report.problems.append(problem)
        record_source_timeout(settings.db_path, name, problem)
        return None


def _no_subflow_heartbeats():
    """The sources' and checks' subflows run in this flow's process, whose own heartbeat already says it is
    alive; each subflow's heartbeat thread would cost up to a second to stop (Prefect sleeps it in 1 s steps)."""
    return temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})


@flow(name="lfr-watch", validate_parameters=False)
def lfr_watch(
    settings: Settings,
    sources: tuple[str, ...] = SOURCES,
    since: date | None = None,
    until: date | None = None,
) -> RunReport:
    """One run of the requested sources; `since`/`until` bound the question search (backfills)."""
    logger = get_run_logger()
    try:
        # one run at a time per warehouse, which stays open for the whole run
        with run_lock(settings.db_path), held_open(settings.db_path), _no_subflow_heartbeats():
            return _run(settings, sources, since, until, logger)
    except RunInProgress as exc:
        logger.error("%s", exc)
        return RunReport(refused=str(exc))


def _run(settings: Settings, sources: tuple[str, ...], since: date | None, until: date | None, logger) -> RunReport:
    started = datetime.now(timezone.utc)
    report = RunReport()
    if "met" in sources:
        report.met = _bounded(met_records, "met", settings, report, logger, settings)
        report.problems.extend(report.met.problems if report.met else [])
    if "questions" in sources:
        report.questions = _bounded(mayors_questions, "questions", settings, report, logger, settings, since, until)
        report.problems.extend(report.questions.problems if report.questions else [])
    if "news" in sources:
        report.news = _bounded(met_news, "news", settings, report, logger, settings)
        report.problems.extend(report.news.problems if report.news else [])
    # A check that cannot run is a bug of ours, not a broken source: logged, not exit 2.
    report.checks = checks(settings.db_path, settings.data_docs_path)
    channels = notification_channels(settings) if settings.notify else []
    report.alerts = raise_alerts(settings.db_path, channels, stale_after_days=settings.stale_after_days)
    # Reached only by runs that exit 0 or 2: a failed run raised before here and publishes nothing.
    report.snapshot = publish_snapshot(settings.db_path)
    deliver(settings.db_path, channels)  # a failing channel stays pending for the next run; never raises
    publish_run_artifact(settings.db_path, since=started, run_summary=report.summary())
    logger.info("run finished with exit status %d (summary in the run's artifact)", report.exit_status)
    return report
