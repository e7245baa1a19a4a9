"""The bundled sample served on 127.0.0.1 at the two sites' real paths, for `lfrwatch demo`.

Owns one small threaded HTTP server: the Met's LFR page and its PDFs, and
london.gov.uk's find-an-answer search and question pages, from
demo/sample.py. It answers GET and HEAD, gives an ETag so a second demo run
is a warm one, and listens on loopback only.
"""

from __future__ import annotations

import hashlib
from datetime import date
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

from demo import sample
from demo.loopback import Loopback


class SampleSite(Loopback):
    """`with SampleSite(port) as site:` → `site.base_url` (http://127.0.0.1:PORT) serving the sample.

    The Met's documents are kept under the URL they were fetched from, so a
    demo warehouse asks for the same port each time (`port`); when that port
    is taken, any free one (and the sample's records then look new).
    """

    def __init__(self, port: int = 0) -> None:
        documents = {sample.INDEX_PATH: (sample.index_page(), "text/html; charset=utf-8")}
        documents |= {path: (pdf, "application/pdf") for path, pdf in sample.records().items()}
        documents |= {a.path: (sample.question_page(a), "text/html; charset=utf-8") for a in sample.ANSWERS}

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self._answer(body=True)

            def do_HEAD(self) -> None:
                self._answer(body=False)

            def _answer(self, body: bool) -> None:
                parts = urlsplit(self.path)
                if parts.path == sample.FIND:
                    query = parse_qs(parts.query)
                    content, kind = sample.search_page(
                        query.get("question_text", [""])[0], date.fromisoformat(query["date_from"][0]),
                        date.fromisoformat(query["date_to"][0]), int(query.get("page", ["0"])[0])), "text/html"
                elif parts.path in documents:
                    content, kind = documents[parts.path]
                else:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                etag = '"' + hashlib.sha256(content).hexdigest()[:24] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(content)))
                self.send_header("ETag", etag)
                self.end_headers()
                if body:
                    self.wfile.write(content)

            def log_message(self, format: str, *args: object) -> None:
                pass

        super().__init__(Handler, port, fallback=True)
