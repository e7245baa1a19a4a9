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
(tests/helpers/sites.py).
"""

from __future__ import annotations

import functools
import logging
import ssl
import threading
import time
import urllib.robotparser
from collections.abc import Callable
from datetime import datetime, timezone

import httpx

from scrapers.fetch_result import (DisallowAll, FetchError, FetchResult, host_down, retry_after, status_text,
                                   unreachable)

__all__ = ["FetchError", "FetchResult", "PoliteClient"]

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 10


@functools.lru_cache(maxsize=1)
def _tls_context() -> ssl.SSLContext:
    """httpx's own default verification (certifi's roots, SSL_CERT_FILE / SSL_CERT_DIR when set), built once per
    process: loading the roots costs about 25 ms, and a run makes a client per source."""
    return httpx.create_ssl_context()


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
        deadline: float = 300.0,
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
        self.deadline = deadline  # seconds for one fetch in all: redirects, retries, waits and the body
        self.backoff = backoff
        self.respect_robots = respect_robots
        self._sleep = sleep
        self._client = httpx.Client(
            headers={"User-Agent": user_agent},
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,  # each hop is checked against allowed_hosts and robots.txt
            transport=transport,
            verify=_tls_context(),
        )
        self._lock = threading.Lock()
        self._next_start: dict[str, float] = {}  # host:port -> monotonic time of the next allowed request
        self._robots: dict[str, urllib.robotparser.RobotFileParser | DisallowAll | None] = {}  # None: allow all
        self._robots_locks: dict[str, threading.Lock] = {}
        self._dead_hosts: dict[str, str] = {}  # host -> why it cannot be reached (no DNS): fail fast after once

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
        response, content = self._follow(url, headers, robots=self.respect_robots,
                                         deadline=time.monotonic() + self.deadline)
        code = response.status_code
        if code == 304 and not (etag or last_modified):
            raise FetchError(url, "server answered 304 Not Modified to a request that sent no validators", code,
                             final=True)
        if code != 304 and not 200 <= code < 300:
            raise FetchError(url, status_text(code), code)
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

    def _follow(self, url: str, headers: dict[str, str], robots: bool,
                deadline: float) -> tuple[httpx.Response, bytes | None]:
        """GET `url`, following redirects hop by hop; return the last response, whatever its status."""
        current = url
        self._check_allowed(current)
        for _ in range(MAX_REDIRECTS + 1):
            try:
                if robots and not (allowed := self._robots_allow(current))[0]:
                    raise FetchError(current, f"disallowed by robots.txt{allowed[1]}", final=True)
                response, content = self._get(current, headers, deadline)
            except FetchError as exc:
                if current == url:
                    raise
                raise FetchError(url, f"after redirect to {current}: {exc.reason}", exc.status, exc.final) from exc
            code = response.status_code
            if code not in REDIRECT_STATUSES or "location" not in response.headers:
                return response, content
            target = str(httpx.URL(current).join(response.headers["location"]))
            try:
                self._check_allowed(target)
            except FetchError as exc:
                raise FetchError(url, f"redirect from {current} to {target} refused: {exc.reason}", code,
                                 final=True) from None
            log.info("%s redirected (%s) to %s", current, code, target)
            current = target
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects", final=True)

    def _check_allowed(self, url: str) -> None:
        try:
            parsed = httpx.URL(url)
        except httpx.InvalidURL as exc:
            raise FetchError(url, f"invalid URL ({exc})", final=True) from None
        if parsed.scheme not in ("http", "https"):
            raise FetchError(url, f"scheme {parsed.scheme!r} not allowed, only http and https", final=True)
        host = parsed.host.lower()
        hostport = f"{host}:{parsed.port}" if parsed.port else host
        if host not in self.allowed_hosts and hostport not in self.allowed_hosts:
            raise FetchError(url, f"host {hostport} not in allowed_hosts {sorted(self.allowed_hosts)}", final=True)
        if host in self._dead_hosts:
            raise host_down(url, host, self._dead_hosts[host], earlier=True)

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

    def _get(self, url: str, headers: dict[str, str], deadline: float) -> tuple[httpx.Response, bytes | None]:
        """One GET with retries; return the final response (body already read) and its capped content."""
        for attempt in range(1, self.attempts + 1):
            last = attempt == self.attempts
            self._wait_turn(url)
            self._check_deadline(url, deadline)
            try:
                with self._client.stream("GET", url, headers=headers) as response:
                    code = response.status_code
                    if code not in RETRY_STATUSES:
                        ok = 200 <= code < 300
                        return response, self._read_capped(url, response, deadline) if ok else None
                    cause = status_text(code)
                    if last:
                        raise FetchError(url, f"{cause} after {attempt} attempts", code)
                    asked = retry_after(response.headers.get("retry-after"))
                    if asked is not None and asked > self.max_retry_after:
                        raise FetchError(
                            url,
                            f"{cause}: server asked to retry after {asked:.0f} s, "
                            f"more than max_retry_after ({self.max_retry_after:.0f} s)",
                            code,
                        )
                    delay = asked if asked is not None else self.backoff * 2 ** (attempt - 1)
            except httpx.TransportError as exc:  # timeouts, refused or dropped connections
                if gone := unreachable(exc):
                    # No name resolution or no route: retrying will not help, and neither will any other URL there.
                    host = httpx.URL(url).host.lower()
                    self._dead_hosts[host] = gone
                    raise host_down(url, host, gone) from exc
                if isinstance(exc, httpx.TimeoutException):
                    cause = f"timed out ({type(exc).__name__}, limit {self.timeout:g} s)"
                else:
                    cause = f"connection failed ({type(exc).__name__}: {exc})"
                if last:
                    raise FetchError(url, f"{cause} after {attempt} attempts") from exc
                delay = self.backoff * 2 ** (attempt - 1)
            except httpx.HTTPError as exc:  # e.g. a body that fails to decode: retrying won't help
                raise FetchError(url, f"{type(exc).__name__}: {exc}") from exc
            if time.monotonic() + delay > deadline:
                raise FetchError(url, f"{cause}; a retry in {delay:.0f} s would pass the request's deadline "
                                      f"({self.deadline:g} s in all)")
            log.warning("%s: %s, attempt %d of %d, retrying in %.1f s", url, cause, attempt, self.attempts, delay)
            self._sleep(delay)
        raise AssertionError("unreachable")

    def _check_deadline(self, url: str, deadline: float) -> None:
        if time.monotonic() > deadline:
            raise FetchError(url, f"took longer than the request's deadline ({self.deadline:g} s in all)")

    def _read_capped(self, url: str, response: httpx.Response, deadline: float) -> bytes:
        too_big = f"response larger than {self.max_bytes} bytes"
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(url, f"{too_big} (Content-Length {declared})", response.status_code)
        chunks, size = [], 0
        for chunk in response.iter_bytes():  # decoded bytes: a small gzip body can still blow the cap
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(url, too_big, response.status_code)
            if time.monotonic() > deadline:  # a body sent a byte at a time: each read is in time, the whole is not
                raise FetchError(url, f"body still arriving after the request's deadline ({self.deadline:g} s in "
                                      f"all; {size} bytes received)", response.status_code)
            chunks.append(chunk)
        return b"".join(chunks)

    def _robots_allow(self, url: str) -> tuple[bool, str]:
        """(allowed, why not) for `url` under its site's robots.txt."""
        parsed = httpx.URL(url)
        origin = f"{parsed.scheme}://{parsed.netloc.decode('ascii')}"
        with self._lock:
            origin_lock = self._robots_locks.setdefault(origin, threading.Lock())
        with origin_lock:  # one robots.txt fetch per origin, even with several threads
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin, url)
            rules = self._robots[origin]
        if rules is None:
            return True, ""
        return rules.can_fetch(self.user_agent, url), (f" ({rules.why})" if isinstance(rules, DisallowAll) else "")

    def _load_robots(self, origin: str, url: str) -> urllib.robotparser.RobotFileParser | DisallowAll | None:
        """The site's rules; None: everything allowed (no robots.txt, 4xx); DisallowAll when the site failed.

        A site that cannot be reached at all raises (for `url`), and is asked again next time.
        """
        robots_url = f"{origin}/robots.txt"
        try:
            response, content = self._follow(robots_url, {}, robots=False, deadline=time.monotonic() + self.deadline)
        except FetchError as exc:
            if exc.status is None:
                raise FetchError(url, f"while reading robots.txt: {exc.reason}", None, exc.final) from exc
            if exc.status < 500 and exc.status != 429:
                return None
            why = (f"robots.txt unreachable ({exc.reason}): RFC 9309 treats that as disallowing everything; "
                   "the next run asks again")
            log.warning("%s: %s", robots_url, why)
            return DisallowAll(why)
        code = response.status_code
        if 400 <= code < 500:  # RFC 9309 §2.3.1.3: no usable robots.txt, crawl as if none
            return None
        if not 200 <= code < 300:
            why = f"robots.txt answered {status_text(code)}: RFC 9309 treats that as disallowing everything"
            log.warning("%s: %s", robots_url, why)
            return DisallowAll(why)
        rules = urllib.robotparser.RobotFileParser(robots_url)
        rules.parse(content.decode("utf-8", errors="replace").splitlines())
        return rules
