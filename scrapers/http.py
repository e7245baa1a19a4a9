"""The project's one HTTP client: polite, bounded, and explicit about failure.

Owns every request the pipeline makes: the identifying User-Agent, timeouts,
a per-host gap between requests, retries (429 and 5xx, timeouts, dropped
connections) that honour Retry-After, conditional GETs (ETag /
Last-Modified -> 304), a cap on response size, an allow-list of hosts that
also applies to redirects, and robots.txt. Every failure is a `FetchError`
naming the URL and the cause.

Must not parse documents, touch disk or SQL, or read the environment: the
caller passes configuration in and gets bytes and validators back.

Proof: tests/test_http.py, against a real server on 127.0.0.1
(tests/sites.py).
"""

from __future__ import annotations

import logging
import threading
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from http import HTTPStatus

import httpx

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 10


class FetchError(Exception):
    """A URL that could not be fetched; `reason` says why, `status` is the last HTTP status if any."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        self.url = url
        self.reason = reason
        self.status = status
        super().__init__(f"{url}: {reason}")


@dataclass(frozen=True)
class FetchResult:
    url: str  # as requested, before any redirect
    status: int  # 200 (or another 2xx), or 304
    content: bytes | None  # None on 304
    etag: str | None
    last_modified: str | None
    content_type: str | None
    fetched_at: datetime  # timezone-aware UTC

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _status_text(code: int) -> str:
    try:
        return f"HTTP {code} {HTTPStatus(code).phrase}"
    except ValueError:
        return f"HTTP {code}"


def _retry_after(value: str | None) -> float | None:
    """Seconds asked for by a Retry-After header (delta-seconds or HTTP-date), None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


class PoliteClient:
    """Fetches allowed URLs one document at a time; safe to share between threads."""

    def __init__(
        self,
        *,
        user_agent: str,
        allowed_hosts: set[str],
        timeout: float = 30.0,
        min_interval: float = 1.0,
        max_bytes: int = 50 * 1024 * 1024,
        attempts: int = 3,
        max_retry_after: float = 120.0,
        backoff: float = 1.0,
        respect_robots: bool = True,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if not user_agent.strip():
            raise ValueError("user_agent must identify the project and a contact")
        if attempts < 1:
            raise ValueError("attempts must be at least 1")
        self.user_agent = user_agent
        # "host" allows any port on that host; "host:port" only that port.
        self.allowed_hosts = {h.lower() for h in allowed_hosts}
        self.timeout = timeout
        self.min_interval = min_interval
        self.max_bytes = max_bytes
        self.attempts = attempts
        self.max_retry_after = max_retry_after
        self.backoff = backoff
        self.respect_robots = respect_robots
        self._sleep = sleep
        self._client = httpx.Client(
            headers={"User-Agent": user_agent},
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,  # each hop is checked against allowed_hosts and robots.txt
            transport=transport,
        )
        self._lock = threading.Lock()
        self._next_start: dict[str, float] = {}  # host:port -> monotonic time of the next allowed request
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}  # origin -> rules (None: allow all)
        self._robots_locks: dict[str, threading.Lock] = {}

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None, accept: str | None = None
    ) -> FetchResult:
        """Return the document at `url` (or a 304 result when the validators still match); raise FetchError."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        if accept:
            headers["Accept"] = accept
        response, content = self._follow(url, headers, robots=self.respect_robots)
        code = response.status_code
        if code != 304 and not 200 <= code < 300:
            raise FetchError(url, _status_text(code), code)
        return FetchResult(
            url=url,
            status=code,
            content=content if code != 304 else None,
            # A 304 may omit validators; the ones sent are still the current ones.
            etag=response.headers.get("etag") or (etag if code == 304 else None),
            last_modified=response.headers.get("last-modified") or (last_modified if code == 304 else None),
            content_type=response.headers.get("content-type"),
            fetched_at=datetime.now(timezone.utc),
        )

    def _follow(self, url: str, headers: dict[str, str], robots: bool) -> tuple[httpx.Response, bytes | None]:
        """GET `url`, following redirects hop by hop; return the last response, whatever its status."""
        current = url
        self._check_allowed(current)
        for _ in range(MAX_REDIRECTS + 1):
            try:
                if robots and not self._robots_allow(current):
                    raise FetchError(current, "disallowed by robots.txt")
                response, content = self._get(current, headers)
            except FetchError as exc:
                if current == url:
                    raise
                raise FetchError(url, f"after redirect to {current}: {exc.reason}", exc.status) from exc
            code = response.status_code
            if code not in REDIRECT_STATUSES or "location" not in response.headers:
                return response, content
            target = str(httpx.URL(current).join(response.headers["location"]))
            try:
                self._check_allowed(target)
            except FetchError as exc:
                raise FetchError(url, f"redirect from {current} to {target} refused: {exc.reason}", code) from None
            log.info("%s redirected (%s) to %s", current, code, target)
            current = target
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")

    def _check_allowed(self, url: str) -> None:
        try:
            parsed = httpx.URL(url)
        except httpx.InvalidURL as exc:
            raise FetchError(url, f"invalid URL ({exc})") from None
        if parsed.scheme not in ("http", "https"):
            raise FetchError(url, f"scheme {parsed.scheme!r} not allowed, only http and https")
        host = parsed.host.lower()
        hostport = f"{host}:{parsed.port}" if parsed.port else host
        if host not in self.allowed_hosts and hostport not in self.allowed_hosts:
            raise FetchError(url, f"host {hostport} not in allowed_hosts {sorted(self.allowed_hosts)}")

    def _wait_turn(self, url: str) -> None:
        """Reserve the next start slot for this host, then sleep until it comes (the lock is not held while sleeping)."""
        parsed = httpx.URL(url)
        key = f"{parsed.host}:{parsed.port or (443 if parsed.scheme == 'https' else 80)}"
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_start.get(key, now))
            self._next_start[key] = start + self.min_interval
        if start > now:
            log.debug("rate limit: waiting %.2f s before %s", start - now, url)
            self._sleep(start - now)

    def _get(self, url: str, headers: dict[str, str]) -> tuple[httpx.Response, bytes | None]:
        """One GET with retries; return the final response (body already read) and its capped content."""
        for attempt in range(1, self.attempts + 1):
            last = attempt == self.attempts
            self._wait_turn(url)
            try:
                with self._client.stream("GET", url, headers=headers) as response:
                    code = response.status_code
                    if code not in RETRY_STATUSES:
                        ok = 200 <= code < 300
                        return response, self._read_capped(url, response) if ok else None
                    cause = _status_text(code)
                    if last:
                        raise FetchError(url, f"{cause} after {attempt} attempts", code)
                    asked = _retry_after(response.headers.get("retry-after"))
                    if asked is not None and asked > self.max_retry_after:
                        raise FetchError(
                            url,
                            f"{cause}: server asked to retry after {asked:.0f} s, "
                            f"more than max_retry_after ({self.max_retry_after:.0f} s)",
                            code,
                        )
                    delay = asked if asked is not None else self.backoff * 2 ** (attempt - 1)
            except httpx.TransportError as exc:  # timeouts, refused or dropped connections
                if isinstance(exc, httpx.TimeoutException):
                    cause = f"timed out ({type(exc).__name__}, limit {self.timeout:g} s)"
                else:
                    cause = f"connection failed ({type(exc).__name__}: {exc})"
                if last:
                    raise FetchError(url, f"{cause} after {attempt} attempts") from exc
                delay = self.backoff * 2 ** (attempt - 1)
            except httpx.HTTPError as exc:  # e.g. a body that fails to decode: retrying won't help
                raise FetchError(url, f"{type(exc).__name__}: {exc}") from exc
            log.warning("%s: %s, attempt %d of %d, retrying in %.1f s", url, cause, attempt, self.attempts, delay)
            self._sleep(delay)
        raise AssertionError("unreachable")

    def _read_capped(self, url: str, response: httpx.Response) -> bytes:
        too_big = f"response larger than {self.max_bytes} bytes"
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(url, f"{too_big} (Content-Length {declared})", response.status_code)
        chunks, size = [], 0
        for chunk in response.iter_bytes():  # decoded bytes: a small gzip body can still blow the cap
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(url, too_big, response.status_code)
            chunks.append(chunk)
        return b"".join(chunks)

    def _robots_allow(self, url: str) -> bool:
        parsed = httpx.URL(url)
        origin = f"{parsed.scheme}://{parsed.netloc.decode('ascii')}"
        with self._lock:
            origin_lock = self._robots_locks.setdefault(origin, threading.Lock())
        with origin_lock:  # one robots.txt fetch per origin, even with several threads
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin)
            rules = self._robots[origin]
        return rules is None or rules.can_fetch(self.user_agent, url)

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        robots_url = f"{origin}/robots.txt"
        try:
            response, content = self._follow(robots_url, {}, robots=False)
        except FetchError as exc:
            log.warning("robots.txt unreadable, treating everything as allowed: %s", exc)
            return None
        code = response.status_code
        if code in (404, 410):
            return None
        if not 200 <= code < 300:
            log.warning("%s: %s, treating everything as allowed", robots_url, _status_text(code))
            return None
        rules = urllib.robotparser.RobotFileParser(robots_url)
        rules.parse(content.decode("utf-8", errors="replace").splitlines())
        return rules
