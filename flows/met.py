"""met_records: discover Met deployment records → fetch → extract → load.

Orchestration only: every line is a call into scrapers/ or warehouse/.
A broken index page or document is reported (log + source_broken
finding) and the run goes on with what it can fetch; nothing loaded
before is touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE

from flows.fetching import (archive, content_of, fail, fetch, make_client, now, record_failure, record_success, report_broken,
                            report_unexpected)
from flows.isolation import extract_in_worker
from flows.settings import Settings
from schemas.records import MetDocument
from scrapers.errors import SourceFormatError
from scrapers.fetch_result import down_host
from scrapers.http import FetchError, PoliteClient
from scrapers.met.index_page import parse_index
from warehouse import fetch_state, findings, met_load
from warehouse.db import connect


@dataclass
class MetReport:
    documents_checked: int = 0
    new_versions: int = 0
    deployments_loaded: int = 0
    new_deployments: int = 0
    revised_deployments: int = 0
    unchanged: int = 0
    deployments_total: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def broken(self) -> bool:
        return bool(self.problems)

    def summary(self) -> str:
        plural = "s" if self.new_versions != 1 else ""
        return (
            f"{self.documents_checked} documents checked, {self.new_versions} new version{plural}, "
            f"{self.deployments_loaded} deployments loaded ({self.new_deployments} new, "
            f"{self.revised_deployments} revised); warehouse holds {self.deployments_total} deployments"
            + (f"; {len(self.problems)} source problem(s)" if self.problems else "")
        )


@task(name="extract-met-document", cache_policy=NONE)
def extract(content: bytes, url: str, settings: Settings) -> MetDocument:
    """The document read in a worker process that is stopped past its budget (flows/isolation.py)."""
    return extract_in_worker(content, url, max_pages=settings.pdf_max_pages, seconds=settings.document_seconds)


@flow(name="met-records", validate_parameters=False)
def met_records(settings: Settings) -> MetReport:
    logger = get_run_logger()
    report = MetReport()
    con = connect(settings.db_path)
    try:
        with make_client(settings) as client:
            linked = _discover(con, client, settings, report, logger)
            known = [settings.rebase(u) for u in settings.met_known_documents]
            urls = list(dict.fromkeys(linked + known))
            logger.info("%d deployment-record URLs to check (%d linked, %d configured)", len(urls), len(linked), len(known))
            for number, url in enumerate(urls, 1):
                logger.info("[%d/%d] %s", number, len(urls), url)
                try:
                    _refresh_document(con, client, url, url in linked, report, logger, settings)
                except Exception as exc:  # noqa: BLE001 - one document's failure is that document's, never the run's
                    report_unexpected(con, report.problems, url, "met", "document", "Met deployment record", exc, logger)
        report.deployments_total = met_load.count_deployments(con)
        findings.clear_source_broken(con, subject="source:met-timeout", at=now())  # it completed this time
    finally:
        con.close()
    logger.info(report.summary())
    return report


def _discover(con, client: PoliteClient, settings: Settings, report: MetReport, logger) -> list[str]:
    """Links from every index page that answers; a source_broken finding when none does."""
    links: list[str] = []
    failures: list[str] = []
    for page in settings.met_index_pages:
        url = settings.rebase(page)
        state = fetch_state.find_url_state(con, url)
        result, sha = None, None
        try:
            result = fetch(client, url, state)
            sha = archive(con, url, "met", result, state)
            found = [settings.rebase(link.url) for link in parse_index(content_of(con, url, result, state), url)]
        except (FetchError, SourceFormatError) as exc:
            failures.append(str(exc))
            record_failure(con, url, "met", "index", exc, result, sha)
            logger.warning("index page unusable: %s", exc)
            if state and state.last_ok_at:
                report_broken(con, report.problems, f"document:{url}", f"Met index page stopped working: {exc}", url, exc)
            continue
        record_success(con, url, "met", "index", result, sha)
        logger.info("index page %s links %d deployment records", url, len(found))
        links.extend(found)
    if links:
        findings.clear_source_broken(con, subject="source:met-index", at=now())
    else:
        summary = "no Met index page gave deployment-record links; fetching the configured documents only"
        logger.error("%s: %s", summary, "; ".join(failures))
        report.problems.append(f"{summary} ({failures[0]})" if failures else summary)
        findings.record_source_broken(con, subject="source:met-index", summary=summary, evidence={"errors": failures}, at=now())
    return list(dict.fromkeys(links))


def _refresh_document(con, client: PoliteClient, url: str, linked: bool, report: MetReport, logger,
                      settings: Settings) -> None:
    state = fetch_state.find_url_state(con, url)
    report.documents_checked += 1
    try:
        result = fetch(client, url, state)
    except FetchError as exc:
        record_failure(con, url, "met", "document", exc)
        if (state and state.last_ok_at) or linked:
            logger.error("document failed: %s", exc)
            report_broken(con, report.problems, f"document:{url}", f"Met deployment record failed: {exc}", url, exc)
        else:
            # A configured document that has never answered is not broken: it may not be published yet.
            report.documents_checked -= 1
            if exc.status in (404, 410):
                logger.info("not published (yet): %s", exc)
            else:
                logger.warning("never fetched, not counted as broken: %s", exc)
                if down_host(exc.reason):  # counted in the run's one line for that host
                    report.problems.append(str(exc))
        return
    sha = archive(con, url, "met", result, state)
    if met_load.is_met_version_loaded(con, sha):
        report.unchanged += 1
        logger.info("unchanged (%s)", "304 Not Modified" if result.not_modified else "same sha256")
    else:
        try:
            document = extract(content_of(con, url, result, state), url, settings)
        except SourceFormatError as exc:
            fail(con, report.problems, url, "met", "document", exc, f"Met deployment record unreadable: {exc}", logger,
                 result=result, sha=sha)
            return
        loaded = met_load.load_met_document(con, document, result.fetched_at)
        report.new_versions += 1
        report.deployments_loaded += loaded.deployments
        report.new_deployments += loaded.new
        report.revised_deployments += loaded.revised
        logger.info("new version %s…: %d deployments (%d new, %d revised), %d pages",
                    sha[:12], loaded.deployments, loaded.new, loaded.revised, document.pages)
    record_success(con, url, "met", "document", result, sha)
