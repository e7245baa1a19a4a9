"""Settings: the only reader of environment variables, by pydantic-settings.

Every value has a default that points at the live sites. Precedence is
the CLI's options over `LFRWATCH_*` environment variables over the
defaults: `load_settings()` reads the environment, `with_overrides()`
applies the options. Base URLs are configuration (`--met-url`,
`LFRWATCH_MET_URL`) so a local server serving the real paths stands in
for a site: `rebase()` swaps scheme and host, keeping the path.

The README's configuration table is generated from this class
(`python -m flows.settings`) and checked against it by tests/test_docs.py.
"""

from __future__ import annotations

import os
from contextvars import ContextVar
from pathlib import Path
from typing import Annotated, Any, Mapping
from urllib.parse import urlsplit, urlunsplit

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, EnvSettingsSource, NoDecode, SettingsConfigDict
from pydantic_settings.sources.utils import parse_env_vars

MET_LIVE = "https://www.met.police.uk"
GLA_LIVE = "https://www.london.gov.uk"
NEWS_LIVE = "https://news.met.police.uk"
_LFR = "/SysSiteAssets/media/downloads/force-content/met/advice/lfr"

# docs/sources.md §1.1: the index page moved over time; each is tried.
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
# The newsroom's RSS feed, as its pages advertise it (docs/sources.md §4).
NEWS_FEEDS = (f"{NEWS_LIVE}/rss/current_news/66871",)
SOURCES = ("met", "questions", "news")
QUESTION_SEARCH_TERMS = ("facial recognition", "LFR", "biometric", "watchlist")
USER_AGENT = "LFRWatch/0.1 (accountability research on police live facial recognition; set LFRWATCH_USER_AGENT to add your contact)"
PREFIX = "LFRWATCH_"

# A list given in one environment variable: comma-separated (no JSON).
CsvList = Annotated[tuple[str, ...], NoDecode]


def _setting(default: Any, meaning: str, *, env: str | None = None, shown: str | None = None, **kw) -> Any:
    """A field with its README row: the meaning, and the default as people read it."""
    extra = {"meaning": meaning, "shown_default": shown if shown is not None else f"`{default}`"}
    alias = {"validation_alias": AliasChoices(env)} if env else {}
    return Field(default, json_schema_extra=extra, **alias, **kw)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix=PREFIX, env_ignore_empty=True, frozen=True, validate_by_name=True, validate_by_alias=True,
        extra="ignore",
    )

    db_path: Path = _setting(Path("data/lfrwatch.duckdb"), "the DuckDB warehouse", env="LFRWATCH_DB")
    met_url: str = _setting(MET_LIVE, "replaces the Met's scheme and host in every requested URL (`--met-url`)")
    gla_url: str = _setting(GLA_LIVE, "the same for london.gov.uk (`--gla-url`)")
    news_url: str = _setting(NEWS_LIVE, "the same for the Met's newsroom, news.met.police.uk (`--news-url`)")
    met_index_pages: CsvList = _setting(
        MET_INDEX_PAGES, "comma-separated index pages to search for PDF links",
        shown="the three LFR pages of docs/sources.md §1.1")
    met_known_documents: CsvList = _setting(
        MET_KNOWN_DOCUMENTS, "comma-separated documents fetched even when no index page answers",
        env="LFRWATCH_MET_DOCUMENTS", shown="the five known PDF URLs")
    user_agent: str = _setting(USER_AGENT, "put your contact details here for live runs", shown="`LFRWatch/0.1 (…)`")
    timeout: float = _setting(30.0, "seconds per request", shown="`30`")
    min_interval: float = _setting(1.0, "seconds between two requests to one host", shown="`1`")
    attempts: int = _setting(3, "attempts per request for timeouts, 429 and 5xx")
    fetch_concurrency: int = _setting(
        4, "question pages fetched and read at once; requests to one host still start `min_interval` apart",
        shown="`4`", ge=1)
    max_bytes: int = _setting(50 * 1024 * 1024, "largest response body accepted, in bytes", shown="`52428800` (50 MiB)")
    request_deadline: float = _setting(
        300.0, "seconds for a whole request, retries and a slow body included", shown="`300`")
    pdf_max_pages: int = _setting(200, "a PDF with more pages is refused (the records have 2–10)")
    document_seconds: float = _setting(
        120.0, "budget for reading one document; its worker process is stopped past it", shown="`120`")
    source_timeout: float = _setting(
        3600.0, "seconds a source's flow may run before Prefect stops it (the run goes on)", shown="`3600`")
    lock_wait: float = _setting(
        30.0, "seconds `alerts`, `findings` and `checks` wait for a run that holds the warehouse", shown="`30`")
    respect_robots: bool = _setting(True, "obey robots.txt", shown="`true`")
    extra_hosts: CsvList = _setting((), "comma-separated hosts a request may be redirected to, besides the two sites",
                                    shown="none")
    # Mayor's Questions (docs/sources.md §2)
    question_search_terms: CsvList = _setting(
        QUESTION_SEARCH_TERMS, "search terms for Mayor's Questions", env="LFRWATCH_QUESTION_TERMS",
        shown="`facial recognition,LFR,biometric,watchlist`")
    question_urls: CsvList = _setting((), "extra question URLs (e.g. old-site `/questions/2017/3368`)", shown="none")
    question_lookback_days: int = _setting(90, "how far back a scheduled run searches")
    question_recheck_days: int = _setting(
        30, "answered questions are fetched again after this long (to catch corrections)")
    question_max_search_pages: int = _setting(100, "search result pages read per term at most (a runaway guard)")
    # Apprise URLs (Slack, e-mail, webhooks, ...) to notify. They hold tokens and passwords: SecretStr keeps
    # them out of reprs, logs and the flow-run parameters Prefect stores (they serialise as '**********').
    # Met news releases (docs/sources.md §4)
    news_feeds: CsvList = _setting(NEWS_FEEDS, "comma-separated RSS feeds of the Met's newsroom that list releases",
                                   shown="the newsroom's feed, `/rss/current_news/66871`")
    news_release_urls: CsvList = _setting(
        (), "comma-separated release URLs to read as well (older releases the feed no longer lists, for a backfill)",
        shown="none")
    notify_urls: Annotated[tuple[SecretStr, ...], NoDecode] = _setting(
        (), "Apprise URLs to notify, separated by spaces (e.g. `slack://…`, `mailtos://…`, `json://host/path`); "
        "never logged. Or store them in the Prefect Secret block `lfrwatch-notify-urls`", shown="none")
    notify: bool = _setting(True, "`false` delivers to no channel (the demo does this)", shown="`true`")
    stale_after_days: int = _setting(45, "a source unchanged for longer raises `source_stale`", env="LFRWATCH_STALE_DAYS")
    data_docs_dir: Path | None = _setting(
        None, "where Great Expectations writes its Data Docs: a new or empty folder, or one an earlier build made",
        env="LFRWATCH_DATA_DOCS", shown="`data-docs/` beside the database")
    fault_point: str | None = _setting(
        None, "tests only: `load`, `publish` or `deliver` makes a run stop there for 10 minutes, to be killed",
        shown="none")

    @field_validator("met_index_pages", "met_known_documents", "extra_hosts", "question_search_terms",
                     "question_urls", "news_feeds", "news_release_urls", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        return tuple(v.strip() for v in value.split(",") if v.strip()) if isinstance(value, str) else value

    @field_validator("notify_urls", mode="before")
    @classmethod
    def _space_separated(cls, value: Any) -> Any:
        # Whitespace-separated: an Apprise URL may itself contain commas (mailto://…?to=a@x,b@y).
        return tuple(value.split()) if isinstance(value, str) else value

    @classmethod
    def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings,
                                   file_secret_settings):
        environ = _ENVIRON.get()
        return (init_settings, env_settings if environ is None else _MappingEnv(settings_cls, environ))

    def rebase(self, url: str) -> str:
        """The URL to request: a live-site URL moved onto the configured base, path kept."""
        for live, base in ((MET_LIVE, self.met_url), (GLA_LIVE, self.gla_url), (NEWS_LIVE, self.news_url)):
            if base != live and _same_origin(url, live):
                parts, target = urlsplit(url), urlsplit(base)
                return urlunsplit((target.scheme, target.netloc, parts.path, parts.query, parts.fragment))
        return url

    @property
    def allowed_hosts(self) -> set[str]:
        hosts = {urlsplit(u).netloc for u in (self.met_url, self.gla_url, self.news_url)}
        return hosts | set(self.extra_hosts)

    @property
    def data_docs_path(self) -> Path:
        return self.data_docs_dir or Path(self.db_path).parent / "data-docs"

    def with_overrides(self, **changes) -> "Settings":
        """A copy with the given non-None values replaced (CLI options), validated like the rest."""
        given = {k: v for k, v in changes.items() if v is not None}
        return self.replace(**given) if given else self

    def replace(self, **changes) -> "Settings":
        """A copy with these values (None included), validated like the rest."""
        token = _ENVIRON.set({})  # the copy's other values are this one's, not the environment's again
        try:
            return type(self)(**{**dict(self), **changes})
        finally:
            _ENVIRON.reset(token)


# The environment a load reads: None is the process's own (os.environ).
_ENVIRON: ContextVar[Mapping[str, str] | None] = ContextVar("lfrwatch_environ", default=None)


class _MappingEnv(EnvSettingsSource):
    """The environment source, reading a given mapping instead of os.environ."""

    def __init__(self, settings_cls, environ: Mapping[str, str]):
        self._mapping = environ
        super().__init__(settings_cls)

    def _load_env_vars(self):
        return parse_env_vars(self._mapping, self.case_sensitive, self.env_ignore_empty, self.env_parse_none_str)


class SettingsInvalid(ValueError):
    """An environment variable that does not parse: names the variable and the cause."""


def _same_origin(url: str, base: str) -> bool:
    """True for a URL on the live site's host, over http or https on a default port."""
    a, b = urlsplit(url), urlsplit(base)
    try:
        port = a.port
    except ValueError:
        return False
    return a.scheme in ("http", "https") and a.hostname == b.hostname and port in (None, 80, 443)


def env_name(field: str) -> str:
    """The environment variable a setting is read from."""
    alias = Settings.model_fields[field].validation_alias
    return alias.choices[0] if isinstance(alias, AliasChoices) else PREFIX + field.upper()


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Settings from LFRWATCH_* environment variables (os.environ, or the mapping given) over the defaults."""
    token = _ENVIRON.set(environ)
    try:
        return Settings()
    except ValidationError as e:
        problems = "; ".join(
            f"{env_name(str(err['loc'][0])) if err['loc'] and str(err['loc'][0]) in Settings.model_fields else err['loc']}: "
            f"{err['msg']}" for err in e.errors())
        raise SettingsInvalid(f"invalid setting: {problems}") from None
    finally:
        _ENVIRON.reset(token)


def settings_table() -> str:
    """The README's configuration table, one row per setting, in the class's order."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    for name, field in Settings.model_fields.items():
        extra = field.json_schema_extra or {}
        rows.append(f"| `{env_name(name)}` | {extra['shown_default']} | {extra['meaning']} |")
    return "\n".join(rows)


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


if __name__ == "__main__":
    import sys

    sys.stdout.write(settings_table() + "\n")
