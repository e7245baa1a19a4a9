"""The Met LFR index page → deployment-record links, and `--met-url` rebasing of live-site URLs.

Index pages are reconstructed from docs/sources.md §1.1 (each fixture in
tests/fixtures/met/ says so and what it pins): the live pages sit behind
a bot check and were never captured. The last test runs the Met flow
over a local site whose index links the PDFs by absolute live-site URLs.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows.settings import MET_LIVE, Settings
from scrapers.errors import SourceFormatError
from scrapers.met.index_page import parse_index
from tests.helpers.met_site import INDEX_PATH, PATHS, index_html, site_settings
from tests.helpers.real_pages import real_pdf
from tests.helpers.sites import LocalSite

FIXTURES = Path(__file__).parent / "fixtures" / "met"
LIVE_INDEX = f"{MET_LIVE}{INDEX_PATH}"
LOCAL = "http://127.0.0.1:8000"


def page(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_records_in_page_order_relative_and_absolute_without_duplicates_or_other_pdfs():
    links = parse_index(page("index_relative_and_absolute_links.html"), LIVE_INDEX)

    assert [link.url for link in links] == [
        f"{MET_LIVE}{PATHS['2025']}",  # root-relative
        f"{MET_LIVE}{PATHS['2023-2024']}",  # absolute; linked again, relative, further down
        f"{MET_LIVE}{PATHS['2020-2022']}",  # root-relative, href wrapped in whitespace
    ]
    assert links[1].label == "LFR Deployment Record 2023 to 2024 (PDF)"  # the first link's text, not the repeat's
    assert {link.found_on for link in links} == {LIVE_INDEX}


def test_relative_links_resolve_against_the_page_as_requested():
    links = parse_index(page("index_relative_and_absolute_links.html"), f"{LOCAL}{INDEX_PATH}")

    # Relative links land on the host that served the page; the absolute one keeps the live host
    # (the flow rebases it: see the last test). Before rebasing they are two URLs.
    assert [link.url for link in links] == [
        f"{LOCAL}{PATHS['2025']}",
        f"{MET_LIVE}{PATHS['2023-2024']}",
        f"{LOCAL}{PATHS['2020-2022']}",
        f"{LOCAL}{PATHS['2023-2024']}",
    ]


def test_a_record_is_recognised_by_file_name_or_by_link_text():
    links = parse_index(page("index_record_named_by_file_or_by_text.html"), LIVE_INDEX)

    assert [(link.url.rsplit("/", 1)[-1], link.label) for link in links] == [
        ("live-facial-recognition-deployment-record-2026.pdf", "Download (PDF, 310KB)"),
        ("lfr-2025-full-year.pdf", "LFR deployment record 2025 (PDF)"),
    ]


def test_a_fragment_does_not_make_a_second_document():
    html = (f'<body><a href="{PATHS["2025"]}">LFR deployment record 2025</a>'
            f'<a href="{PATHS["2025"]}#page=3">the latest deployments</a></body>').encode()

    assert [link.url for link in parse_index(html, LIVE_INDEX)] == [f"{MET_LIVE}{PATHS['2025']}"]


def test_links_but_no_deployment_records_is_an_error_naming_the_page():
    with pytest.raises(SourceFormatError) as caught:
        parse_index(page("index_only_other_pdfs.html"), LIVE_INDEX)

    assert caught.value.url == LIVE_INDEX
    assert LIVE_INDEX in str(caught.value)
    assert "no deployment-record PDF links" in caught.value.problem


@pytest.mark.parametrize("body", [b"", page("index_empty_body.html")], ids=["no-bytes", "empty-body"])
def test_empty_page_is_an_error_naming_the_page(body):
    with pytest.raises(SourceFormatError) as caught:
        parse_index(body, LIVE_INDEX)

    assert caught.value.url == LIVE_INDEX
    assert "no links" in caught.value.problem


# ------------------------------------------------------------------- rebase

LOCAL_SETTINGS = Settings(met_url=LOCAL, gla_url="http://127.0.0.1:9000")


@pytest.mark.parametrize(
    "url, expected",
    [
        (f"{MET_LIVE}{PATHS['2025']}", f"{LOCAL}{PATHS['2025']}"),
        (f"{MET_LIVE}/advice/x.pdf?version=2", f"{LOCAL}/advice/x.pdf?version=2"),
        ("https://WWW.MET.POLICE.UK/advice/", f"{LOCAL}/advice/"),
        (
            "https://www.london.gov.uk/who-we-are/what-london-assembly-does/questions-mayor/find-an-answer"
            "?question_text=facial&page=1",
            "http://127.0.0.1:9000/who-we-are/what-london-assembly-does/questions-mayor/find-an-answer"
            "?question_text=facial&page=1",
        ),
    ],
    ids=["met-path", "query-kept", "host-case", "gla-search"],
)
def test_rebase_replaces_scheme_and_host_of_live_sites_keeping_path_and_query(url, expected):
    assert LOCAL_SETTINGS.rebase(url) == expected


def test_rebase_accepts_a_base_with_a_trailing_slash():
    assert Settings(met_url=f"{LOCAL}/").rebase(f"{MET_LIVE}/a/b.pdf") == f"{LOCAL}/a/b.pdf"


@pytest.mark.parametrize(
    "url",
    [
        "https://news.met.police.uk/news/lfr-deployment-croydon-123456",  # another Met host
        "https://www.met.police.uk.example.org/x.pdf",  # a look-alike host
        "https://example.org/lfr-deployment-grid.pdf",
        f"{LOCAL}/already/local.pdf",
    ],
)
def test_rebase_leaves_other_hosts_alone(url):
    assert LOCAL_SETTINGS.rebase(url) == url


def test_rebase_is_the_identity_on_the_live_sites():
    assert Settings().rebase(f"{MET_LIVE}{PATHS['2025']}") == f"{MET_LIVE}{PATHS['2025']}"


def test_rebase_also_moves_plain_http_links_to_the_live_host():
    assert LOCAL_SETTINGS.rebase(f"http://www.met.police.uk{PATHS['2025']}") == f"{LOCAL}{PATHS['2025']}"


# ------------------------------------------------------------- flow, end to end

@pytest.mark.usefixtures("prefect_harness")
def test_met_flow_follows_absolute_live_links_to_the_local_site(tmp_path):
    from flows.pipeline import lfr_watch

    pdfs = {name: real_pdf(name) for name in PATHS}
    html = index_html(list(PATHS.values()), absolute=True)
    assert all(f'href="{MET_LIVE}{path}"'.encode() in html for path in PATHS.values())
    db = tmp_path / "lfr.duckdb"
    with LocalSite() as site:
        site.serve(INDEX_PATH, html)
        for name, path in PATHS.items():
            site.serve(path, pdfs[name], content_type="application/pdf")
        # No configured documents: the PDFs can only be reached through the index page's links.
        settings = site_settings(site, db).with_overrides(met_known_documents=())

        report = lfr_watch(settings, ("met",))

        assert [site.count(path) for path in PATHS.values()] == [1, 1, 1]
        local_urls = {site.url(path) for path in PATHS.values()}

    assert report.exit_status == 0, report.summary()
    assert report.met.new_deployments == 286
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM deployments").fetchall() == [(286,)]
        # Provenance keeps the URL as requested: the local one.
        assert {url for (url,) in con.execute("SELECT DISTINCT document_url FROM deployments").fetchall()} == local_urls
