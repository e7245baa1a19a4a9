"""met_news: the newsroom's feed → release pages → LFR ones read and loaded, with their claims.

Orchestration only: calls scrapers.met_news, scrapers.claims and
warehouse. Every feed item and configured release URL is fetched with the
polite client, conditionally, and archived; a release whose page changed is
read again (the main text by trafilatura), kept only when it is about live
facial recognition, and loaded like an answer: a version history, and its
figures through the same passage reader and contradiction engine, with the
publication date as the statement's date. One release's failure is that
release's (a source_broken finding, exit 2); the rest go on.
"""

from __future__ import annotations

from datetime import datetime, timezone

from dataclasses import dataclass, field

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE

from flows.fetching import (
    archive, content_of, fail, fetch, make_client, now, record_success, report_unexpected,
)
from flows.progress import progress
from flows.settings import Settings
from schemas.claims import Claim
from schemas.releases import Release
from scrapers.errors import SourceFormatError
from scrapers.http import FetchError
from scrapers.met_news.feed import parse_feed
from scrapers.met_news.release import is_about_lfr, parse_release
from warehouse import fetch_state, findings, releases_load
from warehouse.db import connect


@dataclass
class NewsReport:
    feeds_read: int = 0
    releases_listed: int = 0
    releases_fetched: int = 0
    unchanged: int = 0
    not_about_lfr: int = 0
    new_releases: int = 0
    changed_releases: int = 0
    new_claims: int = 0
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.feeds_read} feeds read, {self.releases_listed} releases listed, {self.releases_fetched} fetched "
            f"({self.unchanged} unchanged, {self.not_about_lfr} not about LFR), {self.new_releases} new LFR releases, "
            f"{self.changed_releases} changed, {self.new_claims} new claims"
            + (f"; {len(self.problems)} source problem(s)" if self.problems else "")
        )


@task(name="read-release", cache_policy=NONE)
def read(content: bytes, url: str) -> tuple[Release, list[Claim]]:
    release = parse_release(content, url)
    logger = get_run_logger()
    try:  # a failure of the claim reader is ours, not the page's: the release still loads, without claims
        from scrapers.claims import release_claims  # dateparser: only when a release is read

        claims = release_claims(release.title, release.text, release.published,
                                not_after=datetime.now(timezone.utc).date())  # read today: made no later
    except Exception as exc:  # noqa: BLE001
        logger.error("claim reader failed on %s (%s: %s); loaded without its claims", url, type(exc).__name__, exc)
        claims = []
    return release, claims


@flow(name="met-news", validate_parameters=False)
def met_news(settings: Settings) -> NewsReport:
    """The releases the feeds list, and the configured ones; LFR ones loaded with their claims."""
    logger = get_run_logger()
    report = NewsReport()
    con = connect(settings.db_path)
    try:
        with make_client(settings) as client:
            listed = _feeds(con, client, settings, report, logger)
            urls = list(dict.fromkeys(listed + [settings.rebase(u) for u in settings.news_release_urls]))
            report.releases_listed = len(urls)
            logger.info("%d news releases to consider", len(urls))
            with progress("news releases", len(urls)) as advance:
                for number, url in enumerate(urls, 1):
                    advance()
                    logger.debug("[%d/%d] %s", number, len(urls), url)
                    try:
                        _refresh_release(con, client, url, report, logger)
                    except Exception as exc:  # noqa: BLE001 - one page's failure is that page's, never the run's
                        report_unexpected(con, report.problems, url, "news", "release", "news release", exc, logger)
            findings.clear_source_broken(con, subject="source:news-timeout", at=now())  # it completed this time
    finally:
        con.close()
    logger.info(report.summary())
    return report


def _feeds(con, client, settings: Settings, report: NewsReport, logger) -> list[str]:
    """Release URLs listed by every configured feed; a feed that fails is `source:met-news-feed`'s problem."""
    urls: list[str] = []
    failed = False
    for feed in settings.news_feeds:
        url = settings.rebase(feed)
        state = fetch_state.find_url_state(con, url)
        try:
            result = fetch(client, url, state)
            sha = archive(con, url, "news", result, state)
            items = parse_feed(content_of(con, url, result, state), url)
        except Exception as exc:  # noqa: BLE001 - FetchError, SourceFormatError, or anything a hostile feed causes
            fail(con, report.problems, url, "news", "feed", exc, f"Met newsroom feed failed: {exc}", logger,
                 subject="source:met-news-feed")
            failed = True
            continue
        record_success(con, url, "news", "feed", result, sha, clears=None)
        report.feeds_read += 1
        urls.extend(settings.rebase(i.url) for i in items)
    if not failed:
        findings.clear_source_broken(con, subject="source:met-news-feed", at=now())
    return urls


def _refresh_release(con, client, url: str, report: NewsReport, logger) -> None:
    state = fetch_state.find_url_state(con, url)
    report.releases_fetched += 1
    try:
        result = fetch(client, url, state)
    except FetchError as exc:
        fail(con, report.problems, url, "news", "release", exc, f"news release failed: {exc}", logger)
        return
    sha = archive(con, url, "news", result, state)
    if (state is not None and state.last_sha256 == sha) or releases_load.is_release_page_loaded(con, url, sha):
        report.unchanged += 1  # the same page as last time: read (or found not about LFR) already
    else:
        try:
            release, claims = read(content_of(con, url, result, state), url)
        except SourceFormatError as exc:
            fail(con, report.problems, url, "news", "release", exc, f"news release unreadable: {exc}", logger,
                 result=result, sha=sha)
            return
        if not is_about_lfr(release.title, release.text):
            report.not_about_lfr += 1
        else:
            loaded = releases_load.load_release(con, release, claims, document_sha256=sha, observed_at=result.fetched_at)
            report.new_releases += loaded.new_release
            report.changed_releases += loaded.changed
            report.new_claims += loaded.new_claims
            logger.info("%s (%s): %s, %d new claims", release.title, release.published,
                        "new" if loaded.new_release else "changed" if loaded.changed else "same text", loaded.new_claims)
    record_success(con, url, "news", "release", result, sha)
