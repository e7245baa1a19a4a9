"""lfr-watch-rederive: read the archive again with the current code, fetching nothing.

When the passage reader or the PDF extractor improves, users want the
whole history read again (`lfrwatch rederive`):

- questions: every stored question page version is read again by the
  current page reader and compared with the answers first read from it
  (a difference is a `derivation_changed` finding; the answers stored are
  not rewritten);
- questions, news: every stored answer and release version is read by the
  current passage reader; what changed is stored with a
  `derivation_changed` finding for review (warehouse/rederive.py), the
  verdicts are evaluated again, and a contradiction found for the first
  time is a finding and an alert marked as coming from a re-derivation;
- met: every stored PDF version is read by the current extractor (in its
  worker, within its budget) and compared with what was loaded from it;
  a difference is a `derivation_changed` finding listing the deployments
  and figures that would change. The published history is not rewritten
  here: a misread figure is for a person to confirm.

One Prefect flow run, no task per page, one transaction per batch.
Proof: tests/test_rederive.py; speed: benchmarks/speed.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from prefect import flow, get_run_logger

from flows.alerts import emit_alert_events
from flows.isolation import extract_in_worker
from flows.progress import progress
from flows.settings import Settings
from notify.channels import notification_channels
from scrapers.claims import extract_claims, release_claims
from scrapers.errors import SourceFormatError
from scrapers.london_gov.question_page import parse_question
from scrapers.versions import claim_reader_version, met_parser_version, question_parser_version
from warehouse import alerts as ledger
from warehouse.contradictions import record_contradictions
from warehouse.db import connect
from warehouse.met_load import figures_sha256
from warehouse.questions_load import text_sha256
from warehouse.rederive import (RederiveReport, mark_contradictions, mark_pages_read, note_document_reading,
                                note_page_reading, replace_claims, statement_versions, stored_met_documents,
                                stored_question_pages)

BATCH = 500  # statement versions per transaction
REDERIVE_SOURCES = ("questions", "news", "met")


@dataclass
class RederiveRun:
    claims: RederiveReport = field(default_factory=RederiveReport)
    pages: int = 0
    pages_changed: int = 0
    documents: int = 0
    documents_changed: int = 0
    first_found: int = 0
    carried_over: int = 0
    alerts: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [self.claims.summary()]
        if self.pages:
            parts.append(f"re-read {self.pages} question page versions: {self.pages_changed} read differently")
        if self.documents:
            parts.append(f"re-read {self.documents} Met documents: {self.documents_changed} read differently")
        parts.append(f"{self.first_found} contradictions found for the first time, {self.carried_over} carried over, "
                     f"{self.alerts} new alerts")
        if self.errors:
            parts.append(f"{len(self.errors)} could not be read: " + "; ".join(self.errors[:5]))
        return "; ".join(parts)


@flow(name="lfr-watch-rederive", validate_parameters=False)
def rederive(settings: Settings, sources: tuple[str, ...] = REDERIVE_SOURCES) -> RederiveRun:
    logger = get_run_logger()
    at = datetime.now(timezone.utc)
    run = RederiveRun()
    con = connect(settings.db_path)
    try:
        if "questions" in sources:
            _pages(con, at, run, logger)
        if "questions" in sources or "news" in sources:
            _claims(con, sources, at, run, logger)
        if "met" in sources:
            _documents(con, settings, at, run, logger)
        record_contradictions(con, at=at)
        run.first_found, run.carried_over = mark_contradictions(con, at=at)
        new = ledger.alerts_from_findings(con, at=at, channels=[c.id for c in notification_channels(settings)])
        run.alerts = len(new)
    finally:
        con.close()
    emit_alert_events(new, settings.db_path)
    logger.info(run.summary())
    return run


def _claims(con, sources, at: datetime, run: RederiveRun, logger) -> None:
    versions = statement_versions(con, sources)
    version = claim_reader_version()
    logger.info("re-reading %d statement versions with %s", len(versions), version)
    with progress("statements", len(versions)) as advance:
        for start in range(0, len(versions), BATCH):
            readings = []
            for v in versions[start:start + BATCH]:
                try:
                    claims = [] if v.holding else release_claims(v.title, v.text, v.statement_date, at.date()) \
                        if v.source == "news" else extract_claims(v.text, v.statement_date, title=v.title,
                                                                  question=v.question, not_after=at.date())
                except Exception as exc:  # noqa: BLE001 - one statement's failure is its own; the rest go on
                    run.errors.append(f"{v.url} answer {v.position}: {type(exc).__name__}: {exc}")
                    logger.warning("could not re-read %s answer %d: %s", v.url, v.position, exc)
                    continue
                finally:
                    advance()
                readings.append((v, claims))
            replace_claims(con, readings, at=at, version=version, report=run.claims)


def _pages(con, at: datetime, run: RederiveRun, logger) -> None:
    """Each question page version loaded, read again by the current page reader and compared (not applied): a page
    whose answers now read differently is a derivation_changed finding for review."""
    version = question_parser_version()
    stored = stored_question_pages(con)
    with progress("question pages", len(stored)) as advance:
        for url, sha, content, before in stored:
            advance()
            run.pages += 1
            try:
                question = parse_question(content, url)
            except Exception as exc:  # noqa: BLE001 - one page's failure is its own; the rest go on
                run.errors.append(f"{url}: {type(exc).__name__}: {exc}")
                continue
            now = sorted(f"{a.position}:{text_sha256(a.text)}" for a in question.answers)
            if note_page_reading(con, url=url, sha=sha, before=before, now=now, version=version, at=at):
                run.pages_changed += 1
                logger.info("%s reads differently with %s", url, version)
    mark_pages_read(con, version)


def _documents(con, settings: Settings, at: datetime, run: RederiveRun, logger) -> None:
    version = met_parser_version()
    stored = stored_met_documents(con)
    with progress("Met documents", len(stored)) as advance:
        for url, sha, content in stored:
            advance()
            run.documents += 1
            try:
                document = extract_in_worker(content, url, max_pages=settings.pdf_max_pages,
                                             seconds=settings.document_seconds)
            except SourceFormatError as exc:
                run.errors.append(f"{url}: {exc}")
                continue
            now = {d.deployment_id: figures_sha256(d.__dict__) for d in document.deployments}
            if note_document_reading(con, url=url, sha=sha, now=now, version=version, at=at):
                run.documents_changed += 1
                logger.info("%s reads differently with %s", url, version)
