"""Settings: the only reader of environment variables, parsed once into types.

Every value has a default that points at the live sites; the CLI's
options override them. Base URLs are configuration (`--met-url`,
`LFRWATCH_MET_URL`) so a local server serving the real paths stands in
for a site: `rebase()` swaps scheme and host, keeping the path.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from pydantic import SecretStr

MET_LIVE = "https://www.met.police.uk"
GLA_LIVE = "https://www.london.gov.uk"
_LFR = "/SysSiteAssets/media/downloads/force-content/met/advice/lfr"

# SOURCES.md §1.1: the index page moved over time; each is tried.
MET_INDEX_PAGES = (
    f"{MET_LIVE}/advice/advice-and-information/fr/facial-recognition-technology/",
    f"{MET_LIVE}/advice/advice-and-information/fr/facial-recognition",
    f"{MET_LIVE}/police-forces/metropolitan-police/areas/about-us/about-the-met/facial-recognition-technology/",
)
# Documents fetched even when the index page is unreachable (bot check, 403).
MET_KNOWN_DOCUMENTS = (
    f"{MET_LIVE}{_LFR}/new/lfr-deployment-grid-2020-2022.pdf",
    f"{MET_LIVE}{_LFR}/deployment-records/lfr-deployment-grid-2023-to-2024.pdf",
    f"{MET_LIVE}{_LFR}/deployment-records/lfr-deployment-grid.pdf",
    f"{MET_LIVE}{_LFR}/deployment-records/live-facial-recognition---deployment-record-2025-to-date.pdf",
    f"{MET_LIVE}{_LFR}/deployment-records/live-facial-recognition-deployment-record-2025.pdf",
)
SOURCES = ("met", "questions")
QUESTION_SEARCH_TERMS = ("facial recognition", "LFR", "biometric", "watchlist")
USER_AGENT = "LFRWatch/0.1 (accountability research on police live facial recognition; set LFRWATCH_USER_AGENT to add your contact)"


@dataclass(frozen=True)
class Settings:
    db_path: Path = Path("data/lfrwatch.duckdb")
    stale_after_days: int = 45  # a source unchanged for longer raises source_stale
    data_docs_dir: Path | None = None  # Great Expectations Data Docs (HTML); None: data-docs/ beside the database
    met_url: str = MET_LIVE
    gla_url: str = GLA_LIVE
    met_index_pages: tuple[str, ...] = MET_INDEX_PAGES
    met_known_documents: tuple[str, ...] = MET_KNOWN_DOCUMENTS
    user_agent: str = USER_AGENT
    timeout: float = 30.0
    min_interval: float = 1.0
    attempts: int = 3
    max_bytes: int = 50 * 1024 * 1024
    request_deadline: float = 300.0  # seconds for a whole request, retries and a slow body included
    pdf_max_pages: int = 200  # a deployment record has 2 to 10 pages
    document_seconds: float = 120.0  # budget for reading one document (a killable worker process)
    source_timeout: float = 3600.0  # Prefect timeout_seconds of each source's flow
    lock_wait: float = 30.0  # seconds a short command (alerts, findings, checks) waits for a run to let go
    fault_point: str | None = None  # tests only: a point where the run stops to be killed (warehouse/db.py)
    notify: bool = True  # False: deliver to no channel (the demo)
    respect_robots: bool = True
    extra_hosts: tuple[str, ...] = field(default_factory=tuple)
    # Mayor's Questions (SOURCES.md §2)
    question_search_terms: tuple[str, ...] = QUESTION_SEARCH_TERMS
    question_urls: tuple[str, ...] = ()  # extra question URLs, e.g. old-site /questions/YYYY/NNNN
    question_lookback_days: int = 90  # a scheduled run searches this far back
    question_recheck_days: int = 30  # answered questions are fetched again after this long
    question_max_search_pages: int = 100  # per term: a runaway-pagination guard
    # Apprise URLs (Slack, e-mail, webhooks, ...) to notify. They hold tokens and passwords: SecretStr keeps
    # them out of reprs, logs and the flow-run parameters Prefect stores (they serialise as '**********').
    notify_urls: tuple[SecretStr, ...] = ()

    def rebase(self, url: str) -> str:
        """The URL to request: a live-site URL moved onto the configured base, path kept."""
        for live, base in ((MET_LIVE, self.met_url), (GLA_LIVE, self.gla_url)):
            if base != live and _same_origin(url, live):
                parts, target = urlsplit(url), urlsplit(base)
                return urlunsplit((target.scheme, target.netloc, parts.path, parts.query, parts.fragment))
        return url

    @property
    def allowed_hosts(self) -> set[str]:
        hosts = {urlsplit(u).netloc for u in (self.met_url, self.gla_url)}
        return hosts | set(self.extra_hosts)

    @property
    def data_docs_path(self) -> Path:
        return self.data_docs_dir or Path(self.db_path).parent / "data-docs"

    def with_overrides(self, **changes) -> "Settings":
        """A copy with the given non-None values replaced (CLI options)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _same_origin(url: str, base: str) -> bool:
    """True for a URL on the live site's host, over http or https on a default port."""
    a, b = urlsplit(url), urlsplit(base)
    try:
        port = a.port
    except ValueError:
        return False
    return a.scheme in ("http", "https") and a.hostname == b.hostname and port in (None, 80, 443)


def _csv(value: str | None) -> tuple[str, ...] | None:
    return tuple(v.strip() for v in value.split(",") if v.strip()) if value else None


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Settings from LFRWATCH_* environment variables over the defaults."""
    env = os.environ if environ is None else environ
    defaults = Settings()
    return defaults.with_overrides(
        db_path=Path(env["LFRWATCH_DB"]) if env.get("LFRWATCH_DB") else None,
        data_docs_dir=Path(env["LFRWATCH_DATA_DOCS"]) if env.get("LFRWATCH_DATA_DOCS") else None,
        stale_after_days=int(env["LFRWATCH_STALE_DAYS"]) if env.get("LFRWATCH_STALE_DAYS") else None,
        met_url=env.get("LFRWATCH_MET_URL") or None,
        gla_url=env.get("LFRWATCH_GLA_URL") or None,
        met_index_pages=_csv(env.get("LFRWATCH_MET_INDEX_PAGES")),
        met_known_documents=_csv(env.get("LFRWATCH_MET_DOCUMENTS")),
        user_agent=env.get("LFRWATCH_USER_AGENT") or None,
        timeout=float(env["LFRWATCH_TIMEOUT"]) if env.get("LFRWATCH_TIMEOUT") else None,
        min_interval=float(env["LFRWATCH_MIN_INTERVAL"]) if env.get("LFRWATCH_MIN_INTERVAL") else None,
        attempts=int(env["LFRWATCH_ATTEMPTS"]) if env.get("LFRWATCH_ATTEMPTS") else None,
        request_deadline=float(env["LFRWATCH_REQUEST_DEADLINE"]) if env.get("LFRWATCH_REQUEST_DEADLINE") else None,
        pdf_max_pages=int(env["LFRWATCH_PDF_MAX_PAGES"]) if env.get("LFRWATCH_PDF_MAX_PAGES") else None,
        document_seconds=float(env["LFRWATCH_DOCUMENT_SECONDS"]) if env.get("LFRWATCH_DOCUMENT_SECONDS") else None,
        source_timeout=float(env["LFRWATCH_SOURCE_TIMEOUT"]) if env.get("LFRWATCH_SOURCE_TIMEOUT") else None,
        lock_wait=float(env["LFRWATCH_LOCK_WAIT"]) if env.get("LFRWATCH_LOCK_WAIT") else None,
        fault_point=env.get("LFRWATCH_FAULT_POINT") or None,
        respect_robots=(env["LFRWATCH_RESPECT_ROBOTS"].lower() not in ("0", "false", "no"))
        if env.get("LFRWATCH_RESPECT_ROBOTS")
        else None,
        question_search_terms=_csv(env.get("LFRWATCH_QUESTION_TERMS")),
        question_urls=_csv(env.get("LFRWATCH_QUESTION_URLS")),
        question_lookback_days=int(env["LFRWATCH_QUESTION_LOOKBACK_DAYS"]) if env.get("LFRWATCH_QUESTION_LOOKBACK_DAYS") else None,
        question_recheck_days=int(env["LFRWATCH_QUESTION_RECHECK_DAYS"]) if env.get("LFRWATCH_QUESTION_RECHECK_DAYS") else None,
        # Whitespace-separated: an Apprise URL may itself contain commas (mailto://…?to=a@x,b@y).
        notify_urls=tuple(SecretStr(u) for u in env["LFRWATCH_NOTIFY_URLS"].split())
        if env.get("LFRWATCH_NOTIFY_URLS", "").strip()
        else None,
    )


def prepare_environment(project_dir: Path | None = None) -> None:
    """Defaults for the libraries' own variables, set before Prefect is imported.

    PREFECT_HOME inside the project (not ~/.prefect); analytics off, since
    this network reaches no analytics host and Prefect logs an ERROR otherwise;
    Prefect's task-run logger quiet (see below). Each can be overridden.
    """
    home = (project_dir or Path.cwd()) / ".prefect"
    os.environ.setdefault("PREFECT_HOME", str(home))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    # The temporary API server's first start was measured at 16-25 s on a busy
    # 2-core machine; Prefect's default limit (20 s) made cold runs fail.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    # A failed fetch is reported once, by the flow, in one line naming the URL and
    # the cause; Prefect's own task-run log would add a traceback per attempt.
    os.environ.setdefault("PREFECT_LOGGING_LOGGERS_PREFECT_TASK_RUNS_LEVEL", "CRITICAL")
