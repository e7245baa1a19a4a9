"""mayors_questions: search → fetch question pages → parse → claims → load.

Orchestration only: calls scrapers.london_gov, scrapers.claims and
warehouse. Question pages are fetched and read by `fetch_concurrency`
threads (the polite client still starts one host's requests
`min_interval` apart) and written by the flow's own thread in page order,
a batch of pages per transaction (a failing batch is written again page by
page, so a failure is its page's alone); no Prefect task per page. Questions with only a holding reply (or none) are fetched
again every run until answered; answered ones only after the re-check
interval, and then conditionally (304 / same hash = nothing to do).
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from prefect import flow, get_run_logger

from flows.fetching import (
    archive, content_of, fail, fetch, make_client, now, record_success, report_unexpected,
)
from flows.progress import progress
from flows.settings import GLA_LIVE, Settings
from schemas.claims import Claim
from schemas.questions import Question
from scrapers.errors import SourceFormatError
from scrapers.http import FetchError, FetchResult
from scrapers.london_gov.question_page import parse_question
from scrapers.london_gov.search_page import RESULTS_PER_PAGE, parse_search, search_url
from warehouse import fetch_state, findings, questions_load
from warehouse.db import connect, transaction


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


def parse(content: bytes, url: str, logger) -> tuple[Question, dict[int, list[Claim]]]:
    question = parse_question(content, url)
    # A failure of the claim reader is ours, not the page's: the page still loads, that answer without claims.
    from scrapers.claims import question_claims  # dateparser: only when a page is read

    claims = question_claims(question, on_error=lambda position, exc: logger.error(
        "claim reader failed on answer %d of %s (%s: %s); loaded without its claims", position, url,
        type(exc).__name__, exc), not_after=datetime.now(timezone.utc).date())  # read today: made no later
    return question, claims


@dataclass
class PageRead:
    """What a worker made of one question page: fetched, hashed and (when not loaded yet) parsed."""

    url: str
    state: fetch_state.UrlState | None
    result: FetchResult | None = None
    sha: str | None = None
    parsed: tuple[Question, dict[int, list[Claim]]] | None = None
    loaded: bool = False  # this version is loaded already
    error: Exception | None = None


def _read_page(client, url: str, state, loaded: set[tuple[str, str]], logger) -> PageRead:
    """Fetch and read one page off the main thread (no warehouse here: the main thread writes)."""
    page = PageRead(url, state)
    try:
        page.result = fetch(client, url, state)
        if page.result.not_modified:
            page.sha = state.last_sha256 if state else None  # the archive holds the version a 304 confirms
        else:
            page.sha = hashlib.sha256(page.result.content).hexdigest()
        page.loaded = (url, page.sha) in loaded
        if not page.loaded and not page.result.not_modified:
            page.parsed = parse(page.result.content, url, logger)
    except Exception as exc:  # noqa: BLE001 - handed to the main thread, which says and records it
        page.error = exc
    return page


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
            todo = [u for u in urls if u not in fresh]
            report.skipped_fresh += len(urls) - len(todo)
            states = fetch_state.find_url_states(con, todo)
            loaded = questions_load.loaded_question_versions(con, todo)
            # Pages are fetched and read by a few threads (the client keeps each host's requests `min_interval`
            # apart); the warehouse is written here, in page order, a batch of pages per transaction.
            with progress("question pages", len(todo)) as advance, \
                    ThreadPoolExecutor(settings.fetch_concurrency, thread_name_prefix="question-page") as pool:
                pages = pool.map(lambda u: _read_page(client, u, states.get(u), loaded, logger), todo)
                _store_pages(con, pages, len(todo), report, logger, advance)
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


BATCH = 50  # question pages written per transaction


def _store_pages(con, pages, total: int, report: QuestionsReport, logger, advance) -> None:
    batch: list[PageRead] = []
    for number, page in enumerate(pages, 1):
        advance()
        logger.debug("[%d/%d] %s", number, total, page.url)
        try:
            ready = _ready(con, page, report, logger)
        except Exception as exc:  # noqa: BLE001 - one page's failure is that page's, never the run's
            report_unexpected(con, report.problems, page.url, "questions", "question", "question page", exc, logger)
            continue
        if ready is None:
            continue
        if ready.parsed and any(p.parsed and p.parsed[0].url == ready.parsed[0].url for p in batch):
            _flush(con, batch, report, logger)  # one question twice (two URLs for it): one load after the other
            batch = []
        batch.append(ready)
        if len(batch) >= BATCH:
            _flush(con, batch, report, logger)
            batch = []
    _flush(con, batch, report, logger)


def _ready(con, page: PageRead, report: QuestionsReport, logger) -> PageRead | None:
    """A page ready to be written with others, or None when it failed (said and recorded here)."""
    url, state, result = page.url, page.state, page.result
    report.questions_fetched += 1
    if isinstance(page.error, FetchError):
        fail(con, report.problems, url, "questions", "question", page.error, f"question page failed: {page.error}",
             logger)
        return None
    if page.error is not None and result is None:
        raise page.error
    if page.error is not None or (not page.loaded and page.parsed is None):
        sha = archive(con, url, "questions", result, state)
        try:
            if page.error is not None:
                raise page.error
            page.parsed = parse(content_of(con, url, result, state), url, logger)  # a 304 for a version not loaded
        except SourceFormatError as exc:
            fail(con, report.problems, url, "questions", "question", exc, f"question page unreadable: {exc}", logger,
                 result=result, sha=sha)
            return None
    return page


def _flush(con, batch: list[PageRead], report: QuestionsReport, logger) -> None:
    """Archive, load and note a batch of pages in one transaction; if that fails, each page on its own, so a
    failure is only its page's."""
    if not batch:
        return
    try:
        with transaction(con):
            loads = _write(con, batch)
    except Exception:  # noqa: BLE001 - found out page by page below
        loads = []
        for page in batch:
            try:
                with transaction(con):
                    loads += _write(con, [page])
            except Exception as exc:  # noqa: BLE001 - one page's failure is that page's, never the run's
                report_unexpected(con, report.problems, page.url, "questions", "question", "question page", exc,
                                  logger)
    report.unchanged += sum(p.loaded for p in batch)
    for loaded in loads:
        report.new_questions += loaded.new_question
        report.new_answers += loaded.new_answers
        report.changed_answers += loaded.changed_answers
        report.new_claims += loaded.new_claims
        report.awaiting_answer += loaded.answer_state != "answered"
        logger.debug("%s: %s, %d new answers, %d changed, %d claims", loaded.question_url, loaded.answer_state,
                     loaded.new_answers, loaded.changed_answers, loaded.new_claims)


def _write(con, pages: list[PageRead]) -> list[questions_load.QuestionLoad]:
    fresh = [p for p in pages if not p.result.not_modified]
    fetch_state.archive_many(con, [
        {"url": p.url, "sha256": p.sha, "source": "questions", "fetched_at": p.result.fetched_at,
         "http_status": p.result.status, "etag": p.result.etag, "last_modified": p.result.last_modified,
         "content_type": p.result.content_type, "size_bytes": len(p.result.content), "content": p.result.content}
        for p in fresh])
    loads = questions_load.load_questions(con, [
        questions_load.PageToLoad(p.parsed[0], p.parsed[1], p.url, p.sha, p.result.fetched_at)
        for p in pages if not p.loaded])
    fetch_state.record_fetches_ok(con, [
        {"url": p.url, "source": "questions", "role": "question", "fetched_at": p.result.fetched_at,
         "status": p.result.status, "sha": p.sha, "etag": p.result.etag, "lm": p.result.last_modified}
        for p in pages])
    findings.clear_source_broken_many(con, subjects=[f"document:{p.url}" for p in pages], at=now())
    return loads
