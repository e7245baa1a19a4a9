"""lfr_watch: the scheduled run — each requested source, then the summary.

Orchestration only. Exit status (ARCHITECTURE.md, CLI contract): 0 every
source fine; 2 completed but a source was broken (what could be loaded
was loaded); 1 the run failed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from prefect import flow, get_run_logger

from flows.met import MetReport, met_records
from flows.questions import QuestionsReport, mayors_questions
from flows.settings import SOURCES, Settings


@dataclass
class RunReport:
    met: MetReport | None = None
    questions: QuestionsReport | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def exit_status(self) -> int:
        return 2 if self.problems else 0

    def summary(self) -> str:
        lines = []
        if self.met is not None:
            lines.append(f"met: {self.met.summary()}")
        if self.questions is not None:
            lines.append(f"questions: {self.questions.summary()}")
        lines.extend(f"problem: {p}" for p in self.problems)
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
    report = RunReport()
    if "met" in sources:
        report.met = met_records(settings)
        report.problems.extend(report.met.problems)
    if "questions" in sources:
        report.questions = mayors_questions(settings, since, until)
        report.problems.extend(report.questions.problems)
    logger.info("run finished with exit status %d\n%s", report.exit_status, report.summary())
    return report
