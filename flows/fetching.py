"""Fetching steps shared by the source flows: the polite client, the fetch with its later retry, the archive.

Orchestration only: calls scrapers.http and warehouse.fetch_state. Every fetched
version is archived (by sha256) before anything parses it.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone

from flows.settings import Settings
from scrapers.errors import SourceFormatError
from scrapers.http import FetchError, FetchResult, PoliteClient
from warehouse import fetch_state, findings


def make_client(settings: Settings) -> PoliteClient:
    return PoliteClient(
        user_agent=settings.user_agent,
        allowed_hosts=settings.allowed_hosts,
        timeout=settings.timeout,
        min_interval=settings.min_interval,
        attempts=settings.attempts,
        max_bytes=settings.max_bytes,
        deadline=settings.request_deadline,
        respect_robots=settings.respect_robots,
    )


def transient(exc: Exception) -> bool:
    """Whether a failed fetch may pass later: timeouts, lost connections, 429 and 5xx."""
    status = getattr(exc, "status", None)
    if not isinstance(exc, FetchError) or exc.final:  # a refused redirect, robots.txt, an unknown host: final
        return False
    return status is None or status == 429 or status >= 500


RETRY_DELAY_SECONDS = 5.0


def fetch(client: PoliteClient, url: str, state: fetch_state.UrlState | None,
          retry_delay: float = RETRY_DELAY_SECONDS) -> FetchResult:
    """GET, conditional on the last good version when that version is archived.

    The client already retries within a request's budget (honouring Retry-After); a transient failure gets
    one more try, `retry_delay` later, for outages longer than that. A plain function, not a Prefect task:
    a backfill fetches hundreds of pages, several at once, and a task per page costs more than the page.
    """
    etag, last_modified = (state.etag, state.last_modified) if state and state.last_sha256 else (None, None)
    try:
        return client.fetch(url, etag=etag, last_modified=last_modified)
    except FetchError as exc:
        if not transient(exc):
            raise
        time.sleep(retry_delay)
        return client.fetch(url, etag=etag, last_modified=last_modified)


def _confirmed_sha(url: str, state: fetch_state.UrlState | None) -> str:
    """The archived version a 304 confirms; a 304 for a URL with no archived version is that URL's error."""
    if state is None or not state.last_sha256:
        raise SourceFormatError(url, "archive", "server answered 304 Not Modified but no version is archived")
    return state.last_sha256


def archive(con, url: str, source: str, result: FetchResult, state: fetch_state.UrlState | None) -> str:
    """Archive a 200's bytes (if new); the sha256 of the version the response stands for."""
    if result.not_modified:
        return _confirmed_sha(url, state)
    sha, _ = fetch_state.archive_raw(
        con, url=url, source=source, content=result.content, fetched_at=result.fetched_at,
        http_status=result.status, etag=result.etag, last_modified=result.last_modified,
        content_type=result.content_type,
    )
    return sha


def content_of(con, url: str, result: FetchResult, state: fetch_state.UrlState | None) -> bytes:
    """The bytes a response stands for: its body, or the archived version a 304 confirms."""
    if not result.not_modified:
        return result.content
    content = fetch_state.find_raw_content(con, url, _confirmed_sha(url, state))
    if content is None:
        raise SourceFormatError(url, "archive", "server answered 304 but no archived version exists")
    return content


def record_failure(con, url: str, source: str, role: str, exc: Exception, result: FetchResult | None = None,
                   sha: str | None = None) -> None:
    """Note a failed fetch or read of `url`; its last good version stays the one conditional GET asks for."""
    fetch_state.record_fetch(con, url=url, source=source, role=role, at=result.fetched_at if result else now(),
                      status=result.status if result else getattr(exc, "status", None), sha256=sha, error=str(exc))


def record_success(con, url: str, source: str, role: str, result: FetchResult, sha: str,
                   clears: str | None = "document") -> None:
    """Note a good fetch and read of `url`, and clear its open source_broken finding (`clears=None`: none kept)."""
    fetch_state.record_fetch(con, url=url, source=source, role=role, at=result.fetched_at, status=result.status,
                      sha256=sha, etag=result.etag, last_modified=result.last_modified)
    if clears:
        findings.clear_source_broken(con, subject=f"{clears}:{url}", at=now())


def now() -> datetime:
    return datetime.now(timezone.utc)


def record_source_timeout(db_path, name: str, problem: str) -> None:
    """A source_broken finding for a source whose flow was stopped by its timeout (cleared when it next completes)."""
    from warehouse.db import connect

    con = connect(db_path)
    try:
        findings.record_source_broken(con, subject=f"source:{name}-timeout", summary=problem, evidence={"problem": problem},
                                      at=now())
    finally:
        con.close()


def report_broken(con, problems: list[str], subject: str, summary: str, url: str, exc: Exception) -> None:
    """Say it (problems list) and record it (a source_broken finding, raised once)."""
    problems.append(summary)
    findings.record_source_broken(con, subject=subject, summary=summary, evidence={"url": url, "error": str(exc)}, at=now())


def fail(con, problems: list[str], url: str, source: str, role: str, exc: Exception, summary: str, logger, *,
         subject: str | None = None, result: FetchResult | None = None, sha: str | None = None) -> None:
    """A fetch or read of `url` that failed: noted on its fetch record (the last good version stays), logged,
    said (problems) and recorded (a source_broken finding on `subject`, the document by default)."""
    record_failure(con, url, source, role, exc, result, sha)
    logger.error("%s", summary)
    report_broken(con, problems, subject or f"document:{url}", summary, url, exc)


def report_unexpected(con, problems: list[str], url: str, source: str, role: str, what: str, exc: Exception,
                      logger) -> None:
    """A failure no reader foresaw, while reading one document or page: that document's error (its fetch record,
    a source_broken finding, a problem for the run's exit status), never the run's."""
    fail(con, problems, url, source, role, exc,
         f"{what} could not be read: {url}: {type(exc).__name__}: {exc}", logger)
