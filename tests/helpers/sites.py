"""A real web server on 127.0.0.1 for fetcher and end-to-end flow tests.

Owns one threaded `http.server` on a random free port per `LocalSite`, with
routes the test declares: static documents (with automatic ETag and
Last-Modified, answering 304 to conditional requests), scripted sequences of
responses (a 500 then a 200; a 429 with Retry-After), callables for search
endpoints, delays (for timeouts) and removals (now 404). Every request is
recorded with the time the server received it, so tests assert on what the
server saw rather than on mocks.

Must not know about any scraper, parser or flow: it serves bytes the test
gives it, at the paths the real sites use.

It also takes POSTs where a test says so (`receive`): `Webhook` is a
notification receiver built on it (Apprise's `json://HOST:PORT/PATH` posts
`{"version", "title", "message", "type", ...}`).

Proof: tests/test_http.py uses every GET feature; tests/test_alerts_notify.py the webhook.

    with LocalSite() as site:
        site.serve("/lfr/grid.pdf", pdf_bytes, content_type="application/pdf")
        site.script("/flaky", [(500, {}, b"oops"), (200, {}, b"ok")])
        site.serve_handler("/search", lambda query: (200, {}, query["q"][0].encode()))
        url = site.url("/lfr/grid.pdf")          # http://127.0.0.1:PORT/lfr/grid.pdf
        ...
        assert site.count("/flaky") == 2

Paths: a route given with a query string (`/search?page=2`) matches only that
exact path and query; a route given without one matches its path whatever
the query. An exact match wins. Unknown paths, `/robots.txt` included, are 404.

Headers: `headers` passed to `serve`/`script` are added to (or replace) the
automatic ones; a value of None suppresses an automatic header, e.g.
`{"Content-Length": None}` sends a body of unannounced length (the
connection is HTTP/1.0 and closes after each response) and
`{"ETag": None, "Last-Modified": None}` turns off conditional answers.
"""

from __future__ import annotations

import hashlib
import json
import socket
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler
from typing import NamedTuple
from urllib.parse import parse_qs, urlsplit

from demo.loopback import Loopback

Handler = Callable[[dict[str, list[str]]], tuple[int, dict, bytes]]


class Request(NamedTuple):
    """One request as the server received it; header names are lower-case."""

    method: str
    path: str  # with the query string, as sent
    headers: dict[str, str]
    at: float  # time.monotonic() on receipt: comparable with the test's own clock


@dataclass
class _Static:
    body: bytes
    content_type: str
    status: int
    headers: dict
    etag: str
    modified: int  # Unix seconds, as Last-Modified carries no fractions


@dataclass
class _Script:
    responses: list[tuple[int, dict, bytes]]
    served: int = 0


@dataclass
class _Callable:
    fn: Handler


@dataclass
class _Drip:
    body: bytes
    interval: float  # seconds between two bytes


@dataclass
class _Receiver:
    bodies: list[bytes] = field(default_factory=list)
    failing: bool = False  # answer 500 and keep nothing


@dataclass
class _State:
    routes: dict[str, _Static | _Script | _Callable] = field(default_factory=dict)
    delays: dict[str, float] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _lookup(table: dict, path: str):
    """The entry for an exact path+query, else for the bare path; None when neither exists."""
    if path in table:
        return table[path]
    return table.get(urlsplit(path).path)


def _not_modified(route: _Static, headers: dict[str, str]) -> bool:
    if route.status != 200:
        return False
    if "if-none-match" in headers:  # takes precedence over If-Modified-Since (RFC 9110 13.2.2)
        tags = [t.strip() for t in headers["if-none-match"].split(",")]
        return "*" in tags or route.etag in tags or f"W/{route.etag}" in tags
    if "if-modified-since" in headers:
        try:
            since = parsedate_to_datetime(headers["if-modified-since"]).timestamp()
        except (TypeError, ValueError):
            return False
        return route.modified <= since
    return False


class _Handler(BaseHTTPRequestHandler):
    state: _State  # set on the per-site subclass

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with self.state.lock:
            self.state.requests.append(Request(self.command, self.path, dict(self.headers.items()), time.monotonic()))
            route = self.state.routes.get(self.path)
            ok = isinstance(route, _Receiver) and not route.failing
            if ok:
                route.bodies.append(body)
        self.send_response(200 if ok else 500)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def _answer(self, send_body: bool) -> None:
        headers = {k.lower(): v for k, v in self.headers.items()}
        state = self.state
        with state.lock:
            state.requests.append(Request(self.command, self.path, headers, time.monotonic()))
            delay = _lookup(state.delays, self.path) or 0.0
            route = _lookup(state.routes, self.path)
            if isinstance(route, _Script):
                status, extra, body = route.responses[min(route.served, len(route.responses) - 1)]
                route.served += 1
                auto = {"Content-Type": "text/plain"}
            elif isinstance(route, _Drip):
                status, extra, body, auto = 200, {}, route.body, {"Content-Type": "application/pdf"}
            elif isinstance(route, _Static):
                auto = {"Content-Type": route.content_type, "ETag": route.etag,
                        "Last-Modified": formatdate(route.modified, usegmt=True)}
                status, extra, body = route.status, route.headers, route.body
                if _not_modified(route, headers):
                    status, body = 304, b""
        if delay:
            time.sleep(delay)
        if isinstance(route, _Callable):
            query = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
            auto = {"Content-Type": "text/html"}
            try:
                status, extra, body = route.fn(query)
            except Exception:  # show the test's own bug in the response instead of a dropped connection
                status, extra, body = 500, {"Content-Type": "text/plain"}, traceback.format_exc().encode()
        elif route is None:
            status, extra, body, auto = 404, {}, b"not found", {"Content-Type": "text/plain"}
        merged = {**auto, "Content-Length": str(len(body)), **extra}
        if status == 304:
            merged.pop("Content-Length")
            body = b""
        self.send_response(status)
        for name, value in merged.items():
            if value is not None:
                self.send_header(name, str(value))
        self.end_headers()
        if send_body and isinstance(route, _Drip):
            for byte in body:  # one byte at a time: every read is in time, the whole is not
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(route.interval)
        elif send_body:
            self.wfile.write(body)


class LocalSite(Loopback):
    """A threaded HTTP server on 127.0.0.1 at a random free port; use as a context manager."""

    def __init__(self) -> None:
        self._state = _State()
        handler = type("SiteHandler", (_Handler,), {"state": self._state})
        super().__init__(handler, poll_interval=0.02)  # self.host is for PoliteClient(allowed_hosts=...)

    @property
    def requests(self) -> list[Request]:
        """Every request received so far, in order: (method, path-with-query, headers, at)."""
        with self._state.lock:
            return list(self._state.requests)

    def url(self, path: str) -> str:
        return self.base_url + path

    def serve(self, path: str, body: bytes, content_type: str = "text/html", status: int = 200,
              headers: dict | None = None) -> None:
        """Serve `body` at `path` from now on; replacing it with different bytes changes ETag and Last-Modified."""
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        with self._state.lock:
            previous = self._state.routes.get(path)
            modified = int(time.time())
            if isinstance(previous, _Static):
                if previous.etag == etag:
                    modified = previous.modified
                else:  # changed within the same second must still look newer to If-Modified-Since
                    modified = max(modified, previous.modified + 1)
            self._state.routes[path] = _Static(body, content_type, status, dict(headers or {}), etag, modified)

    def script(self, path: str, responses: list[tuple[int, dict, bytes]]) -> None:
        """Answer requests to `path` with `responses` in order, then repeat the last one."""
        if not responses:
            raise ValueError("script needs at least one response")
        with self._state.lock:
            self._state.routes[path] = _Script(list(responses))

    def serve_handler(self, path: str, fn: Handler) -> None:
        """Answer `path` with fn(query) -> (status, headers, body); query as from urllib.parse.parse_qs."""
        with self._state.lock:
            self._state.routes[path] = _Callable(fn)

    def drip(self, path: str, body: bytes, interval: float) -> None:
        """Serve `body` at `path` one byte every `interval` seconds."""
        with self._state.lock:
            self._state.routes[path] = _Drip(body, interval)

    def delay(self, path: str, seconds: float) -> None:
        """Sleep `seconds` before answering `path` (whatever its route, 404 included)."""
        with self._state.lock:
            self._state.delays[path] = seconds

    def receive(self, path: str) -> _Receiver:
        """Take POSTs at exactly `path` (200, body kept) from now on; any other POST gets 500."""
        with self._state.lock:
            route = self._state.routes[path] = _Receiver()
        return route

    def remove(self, path: str) -> None:
        """Answer 404 at `path` from now on."""
        with self._state.lock:
            self._state.routes.pop(path, None)

    def count(self, path: str) -> int:
        """Requests received for `path`: exact path+query if `path` has a query, else any query."""
        if "?" in path:
            return sum(1 for r in self.requests if r.path == path)
        return sum(1 for r in self.requests if urlsplit(r.path).path == path)


class Webhook(LocalSite):
    """`with Webhook() as hook:` → `hook.apprise_url`; `hook.messages` (decoded JSON bodies); `hook.failing = True`."""

    def __init__(self, path: str = "/hooks/lfrwatch-s3cr3t-token") -> None:
        super().__init__()
        self.path = path
        self._receiver = self.receive(path)
        self.apprise_url = f"json://127.0.0.1:{self.port}{path}"

    @property
    def failing(self) -> bool:
        return self._receiver.failing

    @failing.setter
    def failing(self, value: bool) -> None:
        with self._state.lock:
            self._receiver.failing = value

    @property
    def messages(self) -> list[dict]:
        with self._state.lock:
            return [json.loads(b) for b in self._receiver.bodies]

    def wait_for(self, count: int, timeout: float) -> list[dict]:
        """The messages once `count` have arrived, or whatever arrived within `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and len(self.messages) < count:
            time.sleep(0.2)
        return self.messages


def dead_apprise_url() -> str:
    """A webhook URL where nothing listens (connection refused): a channel that is down."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"json://127.0.0.1:{port}/hooks/down-s3cr3t-token"
