"""mayors_questions: search → fetch question pages → parse → claims → load.

Orchestration only: calls scrapers.london_gov, scrapers.claims and
warehouse. Questions with only a holding reply (or none) are fetched
again every run until answered; answered ones only after the re-check
interval, and then conditionally (304 / same hash = nothing to do).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE

from flows.fetching import (
    archive, content_of, fail, fetch, make_client, now, record_success, report_unexpected,
)
from flows.progress import progress
from flows.settings import GLA_LIVE, Settings
from schemas.claims import Claim
from schemas.questions import Question
from scrapers.claims import question_claims
from scrapers.errors import SourceFormatError
from scrapers.http import FetchError
from scrapers.london_gov.question_page import parse_question
from scrapers.london_gov.search_page import RESULTS_PER_PAGE, parse_search, search_url
from warehouse import fetch_state, findings, questions_load
from warehouse.db import connect


@dataclass
class QuestionsReport:
    search_pages: int = 0
    questions_found: int = 0
    questions_fetched: int = 0
    unchanged: int = 0
    skipped_fresh: int = 0
    new_questions: int = 0
    new_answers: int = 0
    changed_answers: int = 0
    new_claims: int = 0
    awaiting_answer: int = 0
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.search_pages} search pages, {self.questions_found} questions found, "
            f"{self.questions_fetched} fetched ({self.unchanged} unchanged, {self.skipped_fresh} recently checked), "
            f"{self.new_questions} new questions, {self.new_answers} new answers, "
            f"{self.changed_answers} changed answers, {self.new_claims} new claims, "
            f"{self.awaiting_answer} awaiting an answer"
            + (f"; {len(self.problems)} source problem(s)" if self.problems else "")
        )


@task(name="parse-question", cache_policy=NONE)
def parse(content: bytes, url: str) -> tuple[Question, dict[int, list[Claim]]]:
    question = parse_question(content, url)
    logger = get_run_logger()
    # A failure of the claim reader is ours, not the page's: the page still loads, that answer without claims.
    claims = question_claims(question, on_error=lambda position, exc: logger.error(
        "claim reader failed on answer %d of %s (%s: %s); loaded without its claims", position, url,
        type(exc).__name__, exc))
    return question, claims


@flow(name="mayors-questions", validate_parameters=False)
def mayors_questions(settings: Settings, since: date | None = None, until: date | None = None) -> QuestionsReport:
    """Questions asked between `since` and `until` (default: the look-back window up to today)."""
    logger = get_run_logger()
    until = until or date.today()
    since = since or until - timedelta(days=settings.question_lookback_days)
    report = QuestionsReport()
    con = connect(settings.db_path)
    try:
        with make_client(settings) as client:
            found = _search(con, client, settings, since, until, report, logger)
            found += [settings.rebase(u) for u in settings.question_urls]
            at = now()
            due = questions_load.find_questions_due(con, at, settings.question_recheck_days)
            fresh = questions_load.find_fresh_answered(con, at, settings.question_recheck_days)
            urls = list(dict.fromkeys(found + due))
            report.questions_found = len(dict.fromkeys(found))
            logger.info("%d question pages to consider (%d found, %d due again)", len(urls), len(found), len(due))
            with progress("question pages", len(urls)) as advance:
                for number, url in enumerate(urls, 1):
                    advance()
                    if url in fresh:
                        report.skipped_fresh += 1
                        continue
                    logger.debug("[%d/%d] %s", number, len(urls), url)
                    try:
                        _refresh_question(con, client, url, report, logger)
                    except Exception as exc:  # noqa: BLE001 - one page's failure is that page's, never the run's
                        report_unexpected(con, report.problems, url, "questions", "question", "question page", exc,
                                          logger)
            findings.clear_source_broken(con, subject="source:questions-timeout", at=now())  # it completed this time
    finally:
        con.close()
    logger.info(report.summary())
    return report


def _search(con, client, settings: Settings, since: date, until: date, report: QuestionsReport, logger) -> list[str]:
    """Question URLs from every search term's result pages, following pages until one has fewer than 10."""
    base = settings.rebase(GLA_LIVE)
    urls: list[str] = []
    for term in settings.question_search_terms:
        for page in range(settings.question_max_search_pages):
            url = search_url(base, since, until, term, page)
            try:
                result = fetch(client, url, None)
                sha = archive(con, url, "questions", result, None)
                results = parse_search(result.content, url).results
            except Exception as exc:  # noqa: BLE001 - FetchError, SourceFormatError, or anything a hostile page causes
                fail(con, report.problems, url, "questions", "search", exc, f"Mayor's Questions search failed: {exc}",
                     logger, subject="source:gla-search")
                break
            record_success(con, url, "questions", "search", result, sha, clears=None)  # search breakage is source:gla-search
            report.search_pages += 1
            urls.extend(settings.rebase(r.url) for r in results)
            if len(results) < RESULTS_PER_PAGE:
                break
        else:
            logger.warning("search for %r stopped at the %d-page guard", term, settings.question_max_search_pages)
    if not report.problems:
        findings.clear_source_broken(con, subject="source:gla-search", at=now())
    return list(dict.fromkeys(urls))


def _refresh_question(con, client, url: str, report: QuestionsReport, logger) -> None:
    state = fetch_state.find_url_state(con, url)
    report.questions_fetched += 1
    try:
        result = fetch(client, url, state)
    except FetchError as exc:
        fail(con, report.problems, url, "questions", "question", exc, f"question page failed: {exc}", logger)
        return
    sha = archive(con, url, "questions", result, state)
    if questions_load.is_question_version_loaded(con, url, sha):
        report.unchanged += 1
    else:
        try:
            question, claims = parse(content_of(con, url, result, state), url)
        except SourceFormatError as exc:
            fail(con, report.problems, url, "questions", "question", exc, f"question page unreadable: {exc}", logger,
                 result=result, sha=sha)
            return
        loaded = questions_load.load_question(con, question, claims, source_url=url, document_sha256=sha,
                                              observed_at=result.fetched_at)
        report.new_questions += loaded.new_question
        report.new_answers += loaded.new_answers
        report.changed_answers += loaded.changed_answers
        report.new_claims += loaded.new_claims
        report.awaiting_answer += loaded.answer_state != "answered"
        logger.info("%s: %s, %d new answers, %d changed, %d claims", question.reference or question.title,
                    loaded.answer_state, loaded.new_answers, loaded.changed_answers, loaded.new_claims)
    record_success(con, url, "questions", "question", result, sha)
