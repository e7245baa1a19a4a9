"""PoliteClient against a real server on 127.0.0.1 (tests/helpers/sites.py): no mocks."""

from __future__ import annotations

import logging
import threading
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import httpx
import pytest
from tests.helpers.sites import LocalSite

from scrapers.http import FetchError, PoliteClient

UA = "LFRWatch/0.1 (+https://example.org/lfrwatch; tests)"
PDF = b"%PDF-1.4 deployment grid"


@pytest.fixture
def site():
    with LocalSite() as site:
        yield site


def client_for(site: LocalSite, **options) -> PoliteClient:
    settings = dict(user_agent=UA, allowed_hosts={site.host}, timeout=2.0, min_interval=0.0, backoff=0.01)
    return PoliteClient(**(settings | options))


def paths(site: LocalSite) -> list[str]:
    return [r.path for r in site.requests]


def test_200_returns_content_and_validators(site):
    site.serve("/lfr/grid.pdf", PDF, content_type="application/pdf")
    with client_for(site) as client:
        got = client.fetch(site.url("/lfr/grid.pdf"))
    assert got.url == site.url("/lfr/grid.pdf")
    assert (got.status, got.content, got.not_modified) == (200, PDF, False)
    assert got.content_type == "application/pdf"
    assert got.etag and got.etag.startswith('"')
    assert got.last_modified and got.last_modified.endswith("GMT")
    assert got.fetched_at.tzinfo is timezone.utc


def test_user_agent_sent_on_every_request_including_robots(site):
    site.serve("/page", b"hello")
    with client_for(site) as client:
        client.fetch(site.url("/page"))
    assert paths(site) == ["/robots.txt", "/page"]
    assert all(r.headers["user-agent"] == UA for r in site.requests)


def test_conditional_get_answers_304_until_content_changes(site):
    site.serve("/lfr/grid.pdf", PDF, content_type="application/pdf")
    with client_for(site) as client:
        first = client.fetch(site.url("/lfr/grid.pdf"))
        by_etag = client.fetch(site.url("/lfr/grid.pdf"), etag=first.etag)
        by_date = client.fetch(site.url("/lfr/grid.pdf"), last_modified=first.last_modified)
        site.serve("/lfr/grid.pdf", PDF + b" with a new row", content_type="application/pdf")
        changed = client.fetch(site.url("/lfr/grid.pdf"), etag=first.etag, last_modified=first.last_modified)
    assert (by_etag.status, by_etag.content, by_etag.not_modified) == (304, None, True)
    assert by_etag.etag == first.etag
    assert (by_date.status, by_date.content) == (304, None)
    assert site.requests[2].headers["if-none-match"] == first.etag
    assert site.requests[3].headers["if-modified-since"] == first.last_modified
    assert (changed.status, changed.content) == (200, PDF + b" with a new row")
    assert changed.etag != first.etag


def test_500_then_200_succeeds_on_second_attempt(site):
    site.script("/flaky", [(500, {}, b"oops"), (200, {"Content-Type": "text/html"}, b"ok")])
    with client_for(site) as client:
        got = client.fetch(site.url("/flaky"))
    assert got.content == b"ok"
    assert site.count("/flaky") == 2


def test_5xx_every_time_fails_after_all_attempts(site):
    site.script("/down", [(503, {}, b"")])
    with client_for(site, attempts=3) as client, pytest.raises(FetchError) as caught:
        client.fetch(site.url("/down"))
    assert str(caught.value) == f"{site.url('/down')}: HTTP 503 Service Unavailable after 3 attempts"
    assert caught.value.status == 503
    assert site.count("/down") == 3


def test_429_waits_for_retry_after_then_succeeds(site):
    site.script("/busy", [(429, {"Retry-After": "1"}, b""), (200, {}, b"ok")])
    with client_for(site, backoff=5.0) as client:  # a backoff this long would show if Retry-After were ignored
        got = client.fetch(site.url("/busy"))
    assert got.content == b"ok"
    first, second = [r for r in site.requests if r.path == "/busy"]
    assert second.at - first.at >= 1.0


@pytest.mark.parametrize("retry_after", ["300", "HTTP-date"])
def test_retry_after_beyond_the_cap_fails_without_waiting(site, retry_after):
    if retry_after == "HTTP-date":
        retry_after = format_datetime(datetime.now(timezone.utc) + timedelta(hours=1), usegmt=True)
    site.script("/busy", [(429, {"Retry-After": retry_after}, b"")])
    slept = []
    with client_for(site, max_retry_after=120, sleep=slept.append) as client, pytest.raises(FetchError) as caught:
        client.fetch(site.url("/busy"))
    message = str(caught.value)
    assert message.startswith(site.url("/busy") + ": HTTP 429 Too Many Requests: server asked to retry after ")
    assert "more than max_retry_after (120 s)" in message
    assert site.count("/busy") == 1
    assert slept == []


def test_timeout_fails_after_all_attempts_naming_the_url(site):
    site.serve("/slow", b"too late")
    site.delay("/slow", 1.0)
    with client_for(site, timeout=0.2, attempts=2) as client, pytest.raises(FetchError) as caught:
        client.fetch(site.url("/slow"))
    assert str(caught.value).startswith(f"{site.url('/slow')}: timed out (ReadTimeout")
    assert str(caught.value).endswith("after 2 attempts")
    assert caught.value.status is None
    assert site.count("/slow") == 2


def test_connection_refused_fails_after_all_attempts():
    with LocalSite() as gone:
        pass  # closed: nothing listens on its port any more
    with client_for(gone, attempts=2) as client, pytest.raises(FetchError) as caught:
        client.fetch(gone.url("/lfr/grid.pdf"))
    assert "connection failed (ConnectError" in str(caught.value)
    assert str(caught.value).endswith("after 2 attempts")


@pytest.mark.parametrize("status, text", [(403, "HTTP 403 Forbidden"), (404, "HTTP 404 Not Found"), (410, "HTTP 410 Gone")])
def test_client_errors_are_not_retried(site, status, text):
    site.script("/index", [(status, {}, b"no")])
    with client_for(site) as client, pytest.raises(FetchError) as caught:
        client.fetch(site.url("/index"))
    assert str(caught.value) == f"{site.url('/index')}: {text}"
    assert caught.value.status == status
    assert site.count("/index") == 1


def test_query_string_reaches_the_server(site):
    site.serve_handler("/search", lambda query: (200, {"Content-Type": "application/json"}, repr(query).encode()))
    with client_for(site) as client:
        got = client.fetch(site.url("/search?q=facial+recognition&page=2"), accept="application/json")
    assert got.content == repr({"q": ["facial recognition"], "page": ["2"]}).encode()
    assert site.requests[-1].headers["accept"] == "application/json"
    assert site.count("/search") == 1 and site.count("/search?q=facial+recognition&page=2") == 1


def test_document_removed_from_the_site_is_a_404(site):
    site.serve("/lfr/grid.pdf", PDF)
    with client_for(site) as client:
        client.fetch(site.url("/lfr/grid.pdf"))
        site.remove("/lfr/grid.pdf")
        with pytest.raises(FetchError, match="HTTP 404 Not Found"):
            client.fetch(site.url("/lfr/grid.pdf"))


def test_size_cap_uses_content_length_first(site):
    site.serve("/big.pdf", b"x" * 2000)
    with client_for(site, max_bytes=1000) as client, pytest.raises(FetchError) as caught:
        client.fetch(site.url("/big.pdf"))
    assert "response larger than 1000 bytes (Content-Length 2000)" in str(caught.value)


def test_size_cap_counts_bytes_when_length_is_not_announced(site):
    site.script("/big.pdf", [(200, {"Content-Length": None}, b"x" * 5000)])
    site.script("/small.pdf", [(200, {"Content-Length": None}, b"x" * 1000)])
    with client_for(site, max_bytes=1000) as client:
        assert client.fetch(site.url("/small.pdf")).content == b"x" * 1000
        with pytest.raises(FetchError) as caught:
            client.fetch(site.url("/big.pdf"))
    assert str(caught.value) == f"{site.url('/big.pdf')}: response larger than 1000 bytes"


def test_host_not_allowed_is_refused_before_any_request(site):
    site.serve("/page", b"hello")
    with client_for(site, allowed_hosts={"www.met.police.uk"}) as client, pytest.raises(FetchError) as caught:
        client.fetch(site.url("/page"))
    assert "not in allowed_hosts" in str(caught.value)
    assert site.requests == []


def test_redirect_within_allowed_hosts_is_followed(site):
    site.script("/old.pdf", [(301, {"Location": "/new.pdf"}, b"")])
    site.serve("/new.pdf", PDF, content_type="application/pdf")
    with client_for(site) as client:
        got = client.fetch(site.url("/old.pdf"))
    assert (got.url, got.content) == (site.url("/old.pdf"), PDF)
    assert paths(site) == ["/robots.txt", "/old.pdf", "/new.pdf"]


def test_redirect_to_a_host_not_allowed_is_refused(site):
    with LocalSite() as elsewhere:
        elsewhere.serve("/grid.pdf", PDF)
        site.script("/grid.pdf", [(302, {"Location": elsewhere.url("/grid.pdf")}, b"")])
        with client_for(site) as client, pytest.raises(FetchError) as caught:
            client.fetch(site.url("/grid.pdf"))
        assert elsewhere.requests == []
    message = str(caught.value)
    assert site.url("/grid.pdf") in message and elsewhere.url("/grid.pdf") in message
    assert "refused" in message


def test_robots_disallow_is_obeyed_and_robots_fetched_once(site):
    site.serve("/robots.txt", b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.serve("/private/grid.pdf", PDF)
    site.serve("/public/grid.pdf", PDF)
    with client_for(site) as client:
        with pytest.raises(FetchError) as caught:
            client.fetch(site.url("/private/grid.pdf"))
        assert client.fetch(site.url("/public/grid.pdf")).content == PDF
    assert str(caught.value) == f"{site.url('/private/grid.pdf')}: disallowed by robots.txt"
    assert paths(site) == ["/robots.txt", "/public/grid.pdf"]


def test_robots_rules_for_our_user_agent_apply(site):
    site.serve("/robots.txt", b"User-agent: LFRWatch\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    site.serve("/page", b"hello")
    with client_for(site) as client, pytest.raises(FetchError, match="disallowed by robots.txt"):
        client.fetch(site.url("/page"))


def test_robots_answering_5xx_disallows_everything_and_says_so(site, caplog):
    # RFC 9309 §2.3.1.4: a robots.txt the server fails to serve means "disallow all", not "allow all".
    site.script("/robots.txt", [(500, {}, b"")])
    site.serve("/page", b"hello")
    with caplog.at_level(logging.WARNING, logger="scrapers.http"), client_for(site, attempts=1) as client, \
            pytest.raises(FetchError) as caught:
        client.fetch(site.url("/page"))
    assert "disallowed by robots.txt" in str(caught.value) and "RFC 9309" in str(caught.value)
    assert caught.value.final and site.count("/page") == 0
    assert any("RFC 9309" in r.getMessage() for r in caplog.records)


def test_robots_answering_4xx_allows_everything(site):
    site.script("/robots.txt", [(403, {}, b"")])
    site.serve("/page", b"hello")
    with client_for(site, attempts=1) as client:
        assert client.fetch(site.url("/page")).content == b"hello"


def test_respect_robots_false_skips_robots(site):
    site.serve("/robots.txt", b"User-agent: *\nDisallow: /\n")
    site.serve("/page", b"hello")
    with client_for(site, respect_robots=False) as client:
        assert client.fetch(site.url("/page")).content == b"hello"
    assert paths(site) == ["/page"]


# The server stamps each request when its handler thread runs; thread scheduling on a busy machine
# shifts those stamps by a few tens of milliseconds either way.
JITTER = 0.05


def gaps(times: list[float]) -> list[float]:
    return [round(later - earlier, 3) for earlier, later in zip(times, times[1:])]


def test_requests_to_one_host_are_spaced_by_min_interval(site):
    site.serve("/a", b"a")
    site.serve("/b", b"b")
    with client_for(site, min_interval=0.3) as client:
        client.fetch(site.url("/a"))
        client.fetch(site.url("/b"))
    times = [r.at for r in site.requests]
    assert paths(site) == ["/robots.txt", "/a", "/b"]
    assert min(gaps(times)) >= 0.3 - JITTER, gaps(times)


def test_rate_limit_holds_across_threads(site):
    for name in "abcd":
        site.serve(f"/{name}", name.encode())
    with client_for(site, min_interval=0.2, respect_robots=False) as client:
        threads = [threading.Thread(target=client.fetch, args=(site.url(f"/{name}"),)) for name in "abcd"]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    times = sorted(r.at for r in site.requests)
    assert len(times) == 4
    assert min(gaps(times)) >= 0.2 - JITTER, gaps(times)


# ------------------------------------------------------------------ budgets and final errors (issue 10)

def test_a_body_sent_a_byte_at_a_time_is_stopped_at_the_requests_deadline(site):
    site.drip("/slow.pdf", b"%PDF" + b"x" * 200, interval=0.05)
    started = time.monotonic()
    with client_for(site, timeout=2.0, deadline=1.0) as client, pytest.raises(FetchError) as caught:
        client.fetch(site.url("/slow.pdf"))
    assert time.monotonic() - started < 2.5  # each read was in time; the whole was not
    assert "deadline" in str(caught.value) and site.url("/slow.pdf") in str(caught.value)


def test_304_to_an_unconditional_request_is_a_final_fetch_error(site):
    site.script("/index", [(304, {}, b"")])
    with client_for(site) as client, pytest.raises(FetchError) as caught:
        client.fetch(site.url("/index"))
    assert "304" in str(caught.value) and "no validators" in str(caught.value) and caught.value.final


@pytest.mark.parametrize("location", ["http://elsewhere.example/x", "file:///etc/passwd", "http://169.254.169.254/"])
def test_a_refused_redirect_is_final(site, location):
    site.script("/r", [(302, {"Location": location}, b"")])
    with client_for(site) as client, pytest.raises(FetchError) as caught:
        client.fetch(site.url("/r"))
    assert "refused" in str(caught.value) and caught.value.final
    assert site.count("/r") == 1


def test_a_host_that_does_not_resolve_fails_fast_and_once():
    # A DNS failure cannot be staged by a local server; the transport raises what httpx raises for it.
    calls = []

    def no_dns(request):
        calls.append(str(request.url))
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    client = PoliteClient(user_agent=UA, allowed_hosts={"www.met.police.uk"}, min_interval=0.0, backoff=0.01,
                          attempts=3, respect_robots=False, transport=httpx.MockTransport(no_dns))
    with client, pytest.raises(FetchError) as first:
        client.fetch("https://www.met.police.uk/a.pdf")
    assert "unreachable" in str(first.value) and "DNS" in str(first.value) and first.value.final
    assert len(calls) == 1  # not retried
    with pytest.raises(FetchError) as second:
        client.fetch("https://www.met.police.uk/b.pdf")
    assert "not tried again" in str(second.value) and len(calls) == 1
