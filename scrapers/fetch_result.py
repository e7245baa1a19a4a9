"""What a fetch gives back, and how its failures read: `FetchResult`, `FetchError` and their helpers.

Owns the words of every fetch failure (status phrases, unreachable hosts)
and reading Retry-After. No I/O. Used by scrapers/http.py (the client),
which re-exports `FetchError` and `FetchResult`. Proof: tests/test_http.py.
"""

from __future__ import annotations

import errno
import re
import socket
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from http import HTTPStatus

import httpx


class FetchError(Exception):
    """A URL that could not be fetched; `reason` says why, `status` is the last HTTP status if any.

    `final`: trying again will not help (a refused redirect, robots.txt, a host that does not resolve).
    """

    def __init__(self, url: str, reason: str, status: int | None = None, final: bool = False) -> None:
        self.url = url
        self.reason = reason
        self.status = status
        self.final = final
        super().__init__(f"{url}: {reason}")

    def __reduce__(self):
        return (FetchError, (self.url, self.reason, self.status, self.final))


class DisallowAll:
    """robots.txt that could not be read because the site failed (RFC 9309 §2.3.1.4: assume complete disallow)."""

    def __init__(self, why: str) -> None:
        self.why = why

    def can_fetch(self, agent: str, url: str) -> bool:
        return False


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


def status_text(code: int) -> str:
    try:
        return f"HTTP {code} {HTTPStatus(code).phrase}"
    except ValueError:
        return f"HTTP {code}"


def unreachable(exc: httpx.TransportError) -> str | None:
    """Why a host cannot be reached at all (its name does not resolve, no route to it), or None."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, socket.gaierror):
            return f"DNS lookup failed: {cause.strerror or cause}"
        if isinstance(cause, OSError) and cause.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
            return f"no route to host: {cause.strerror}"
        cause = cause.__cause__ or cause.__context__
    text = str(exc)
    if "Name or service not known" in text or "Temporary failure in name resolution" in text or \
            "nodename nor servname" in text:
        return f"DNS lookup failed: {text}"
    return None


def retry_after(value: str | None) -> float | None:
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


_HOST_DOWN = re.compile(r"host (\S+) unreachable(?: earlier in this run)? \(([^)]*)\)")


def host_down(url: str, host: str, why: str, *, earlier: bool = False) -> FetchError:
    """The final error for a URL whose host cannot be reached at all (first found now, or `earlier` in this run).
    Its words are read back by `down_host`."""
    if earlier:
        return FetchError(url, f"host {host} unreachable earlier in this run ({why}); not tried again", final=True)
    return FetchError(url, f"host {host} unreachable ({why}); no further requests to it in this run", final=True)


def down_host(text: str) -> tuple[str, str] | None:
    """(host, why) when `text` (a `host_down` error, or a message quoting one) says a host could not be reached."""
    m = _HOST_DOWN.search(text)
    return (m[1], m[2]) if m else None
