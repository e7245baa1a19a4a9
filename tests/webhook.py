"""A webhook receiver on 127.0.0.1 for notification tests: records every POST, can be told to fail.

tests/sites.py serves GET/HEAD only (and is shared); notifications POST,
so they get this small server of their own. Apprise's `json://HOST:PORT/PATH`
posts `{"version", "title", "message", "type", ...}` here.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler

from demo.loopback import Loopback


class Webhook(Loopback):
    """`with Webhook() as hook:` → `hook.apprise_url`; `hook.messages` (decoded JSON bodies); `hook.failing = True`."""

    def __init__(self, path: str = "/hooks/lfrwatch-s3cr3t-token") -> None:
        self.path = path
        self.messages: list[dict] = []
        self.failing = False
        self._lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with owner._lock:
                    fail = owner.failing or self.path != owner.path
                    if not fail:
                        owner.messages.append(json.loads(body))
                self.send_response(500 if fail else 200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass

        super().__init__(Handler)
        self.apprise_url = f"json://127.0.0.1:{self.port}{path}"

    def wait_for(self, count: int, timeout: float) -> list[dict]:
        """The messages once `count` have arrived, or whatever arrived within `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.messages) >= count:
                    break
            time.sleep(0.2)
        with self._lock:
            return list(self.messages)


def dead_apprise_url() -> str:
    """A webhook URL where nothing listens (connection refused): a channel that is down."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"json://127.0.0.1:{port}/hooks/down-s3cr3t-token"
