"""A threaded HTTP server on 127.0.0.1, started and stopped as a context manager.

Owns only the serving: a handler class in, `port` and `base_url` out. Shared
by the demo's sample site and the tests' local sites and webhook receiver.
"""

from __future__ import annotations

import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True  # a handler still sleeping or streaming must not hold up shutdown

    def handle_error(self, request, client_address) -> None:
        # A client that gave up has closed its end; writing to it fails, and that is no error of ours.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class Loopback:
    """`with Loopback(Handler) as server:` serves on `server.base_url` until the block ends.

    `port` 0 takes any free port; a port that is taken falls back to any
    free one when `fallback` is set (and raises OSError otherwise).
    """

    def __init__(self, handler: type[BaseHTTPRequestHandler], port: int = 0, *, fallback: bool = False,
                 poll_interval: float = 0.05) -> None:
        try:
            self._server = QuietServer(("127.0.0.1", port), handler)
        except OSError:
            if not fallback:
                raise
            self._server = QuietServer(("127.0.0.1", 0), handler)
        self.port = self._server.server_address[1]
        self.host = f"127.0.0.1:{self.port}"
        self.base_url = f"http://{self.host}"
        # serve_forever polls for shutdown; its default 0.5 s poll would add half a second to every stop.
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": poll_interval},
                                        name=f"Loopback {self.host}", daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
