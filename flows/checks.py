"""checks: validate what the warehouse holds with Great Expectations, after the loads.

Orchestration only: frames from `warehouse.check_frames`, suites from
`schemas/expectations`, the GX run in `warehouse.checks`, results and
findings through `warehouse.check_results`. One run checks every suite
(deployments, questions, answers, claims) over the rows as published,
records each expectation's result and each failing row or document, raises
a `check_failed` finding once per failure across runs, and rebuilds the
Data Docs folder. Failing rows are kept exactly as published. When nothing
checked changed since the last run (the same rows, suites and day:
`check_inputs`), its results are recorded again as this run's,
naming the run they come from, and Great Expectations is not even imported;
the pipeline calls `checks`, which then does that in the run's own flow and
starts the `checks` subflow only when there is something to validate (a
subflow costs about 0.25 s of API round trips on a warm run).

Proof: tests/test_checks_flow.py.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, get_run_logger

from schemas.expectations import SUITES
from warehouse.check_frames import check_inputs, find_check_frame
from warehouse.check_results import carry_forward, record_check_run
from warehouse.db import connect


@dataclass
class CheckReport:
    run_id: str
    rules: int = 0
    rules_failed: int = 0
    row_failures: int = 0
    document_failures: int = 0
    new_findings: int = 0
    rows_checked: dict[str, int] = field(default_factory=dict)
    data_docs_index: Path | None = None
    problems: list[str] = field(default_factory=list)
    carried_forward: bool = False  # nothing checked changed: the last run's results stand, not validated again

    def summary(self) -> str:
        rows = ", ".join(f"{n} {suite}" for suite, n in self.rows_checked.items() if n)
        if self.carried_forward:
            return (f"{self.rules} checks over {rows or 'no rows'}: nothing checked changed since the last run, "
                    f"its results stand ({self.rules_failed} failed)")
        return (
            f"{self.rules} checks over {rows or 'no rows'}: {self.rules_failed} failed "
            f"({self.row_failures} row{'s' if self.row_failures != 1 else ''}, {self.document_failures} whole "
            f"document{'s' if self.document_failures != 1 else ''}), "
            f"{self.new_findings} new finding{'s' if self.new_findings != 1 else ''}"
            + (f"; {len(self.problems)} check(s) could not run" if self.problems else "")
        )


def checks(db_path: Path, data_docs_dir: Path | None = None) -> CheckReport:
    """The run's checks: when nothing checked changed since the last run, its results are recorded again as
    this run's right here (no subflow, nothing imported); otherwise the `checks` subflow validates."""
    carried, inputs = carry_checks_forward(db_path, data_docs_dir)
    return carried if carried is not None else run_checks(db_path, data_docs_dir, inputs)


def carry_checks_forward(db_path: Path, data_docs_dir: Path | None = None) -> tuple[CheckReport | None, str]:
    """When nothing checked changed since the last check run (`check_inputs`), record its results again as
    this run's and say so. Returns that report (None when something changed, or nothing was ever checked) and
    the inputs' hash."""
    at = datetime.now(timezone.utc)
    report = CheckReport(run_id=str(uuid.uuid4()))
    con = connect(db_path)
    try:
        inputs, rows_checked = check_inputs(con, at.date())
        carried = carry_forward(con, input_sha256=inputs, run_id=report.run_id, at=at)
    finally:
        con.close()
    if carried is None:
        return None, inputs
    report.rows_checked = {suite: rows_checked[suite] for suite in SUITES}
    report.rules, report.rules_failed, report.new_findings = carried.rules, carried.rules_failed, carried.new_findings
    report.row_failures, report.document_failures = carried.row_failures, carried.document_failures
    report.carried_forward = True
    index = Path(data_docs_dir) / "index.html" if data_docs_dir else None
    report.data_docs_index = index if index and index.exists() else None
    get_run_logger().info("checks: %s", report.summary())
    return report, inputs


@flow(name="checks", validate_parameters=False)
def run_checks(db_path: Path, data_docs_dir: Path | None = None, inputs: str | None = None) -> CheckReport:
    """Run every suite over the warehouse at `db_path`; Data Docs into `data_docs_dir` (None: none). Without
    `inputs` (the hash `checks` found changed), carries the last run's results forward when nothing changed."""
    if inputs is None:
        carried, inputs = carry_checks_forward(db_path, data_docs_dir)
        if carried is not None:
            return carried
    from warehouse.checks import validate_frames  # pandas and Great Expectations: only when there is work

    logger = get_run_logger()
    at = datetime.now(timezone.utc)
    report = CheckReport(run_id=str(uuid.uuid4()))
    con = connect(db_path)
    try:
        frames = {suite: find_check_frame(con, suite) for suite in SUITES}
        report.rows_checked = {suite: len(frame) for suite, frame in frames.items()}
        run = validate_frames(frames, today=at.date(), data_docs_dir=data_docs_dir)
        recorded = record_check_run(con, run, run_id=report.run_id, at=at, input_sha256=inputs)
    finally:
        con.close()
    report.rules, report.rules_failed, report.new_findings = recorded.rules, recorded.rules_failed, recorded.new_findings
    report.data_docs_index = run.data_docs_index
    if run.data_docs_error:
        report.problems.append(run.data_docs_error)
    for outcome in run.outcomes:
        if outcome.error:
            report.problems.append(f"check {outcome.suite}.{outcome.rule} could not run: {outcome.error}")
        for failure in outcome.failures:
            if failure.level == "document":
                report.document_failures += 1
                logger.warning("%s.%s fails on every row of %s", failure.suite, failure.rule, failure.document_url)
            else:
                report.row_failures += 1
                logger.warning("%s.%s fails: %s (page %s, row %s) %s", failure.suite, failure.rule,
                               failure.subject, failure.source_page, failure.source_row, failure.observed)
    logger.info(report.summary())
    if report.data_docs_index:
        logger.info("Data Docs: %s", report.data_docs_index)
    return report
