"""End to end: the Met news-release source over real HTTP on 127.0.0.1, a real DuckDB file and real Prefect runs.

The newsroom's real markup has not been seen here (docs/sources.md §4), so
the release pages are written in three plausible newsroom layouts: an
<article> with a <time>, a <div> page whose date is only in its meta and
JSON-LD, and a press-release template with sidebars. The feed is RSS 2.0 at
the path the newsroom advertises. The contradiction is checked against the
real 2023–24 record (skipped without ../shared/real-pages).
"""

from __future__ import annotations

import duckdb
import pytest

from flows.pipeline import lfr_watch
from tests.helpers.cli import cli_environment
from tests.helpers.met_site import INDEX_PATH, PATHS, index_html, site_settings
from tests.helpers.sites import LocalSite

pytestmark = pytest.mark.usefixtures("prefect_harness")

FEED = "/rss/current_news/66871"
CROYDON = "/news/live-facial-recognition-croydon-arrests-474861"
WESTMINSTER = "/news/facial-recognition-west-end-operation-474902"
PILOT = "/news/lfr-fixed-cameras-pilot-update-475010"
BURGLARY = "/news/appeal-after-burglary-in-ealing-474870"

CROYDON_TEXT = ("Officers deployed Live Facial Recognition at two sites in Croydon town centre on Thursday, "
                "14 December. The technology generated 21 alerts and led to 10 arrests, including a man wanted "
                "for robbery and a woman who had failed to appear at court.")


def article_layout(title: str, day: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} | Metropolitan Police</title>
<link rel="alternate" type="application/rss+xml" href="{FEED}"></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/contact">Contact</a></nav></header>
<main><article><h1>{title}</h1><time datetime="{day}">{day}</time>{body}
<p>Anyone with information should call 101.</p></article></main>
<footer><p>Cookie settings</p><p>Follow us</p></footer></body></html>""".encode()


def meta_layout(title: str, day: str, paragraphs: list[str]) -> bytes:
    body = "".join(f'<div class="para">{p}</div>' for p in paragraphs)
    return f"""<!doctype html><html><head><meta charset="utf-8">
<meta property="og:title" content="{title}"><meta property="article:published_time" content="{day}T09:30:00+00:00">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}", "datePublished": "{day}"}}</script>
<title>{title}</title></head><body><div id="page"><div class="menu"><a href="/">Newsroom</a></div>
<div class="story"><h2 class="headline">{title}</h2><div class="story-body">{body}</div></div>
<div class="related"><a href="/news/other-1">Other news</a></div></div></body></html>""".encode()


def press_layout(title: str, day: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!doctype html><html><head><title>{title}</title><meta name="date" content="{day}"></head><body>
<div class="wrapper"><aside class="sidebar"><ul><li><a href="/a">Latest</a></li><li><a href="/b">Appeals</a></li></ul></aside>
<div class="content"><div class="press-release"><h1>{title}</h1><p class="meta">Published {day}</p>{body}
<p class="notes">Notes to editors: images available on request.</p></div></div></div></body></html>""".encode()


def feed(paths: list[str]) -> bytes:
    items = "".join(f"<item><title>Release {n}</title><link>{p}</link><pubDate>Fri, 15 Dec 2023 10:00:00 GMT</pubDate>"
                    f"<description>Release {n}</description></item>" for n, p in enumerate(paths, 1))
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Metropolitan Police news</title>'
            f"<link>/</link><description>Latest news</description>{items}</channel></rss>").encode()


def serve_newsroom(site: LocalSite) -> None:
    site.serve(FEED, feed([CROYDON, WESTMINSTER, PILOT, BURGLARY]), content_type="application/rss+xml")
    site.serve(CROYDON, article_layout("Live Facial Recognition leads to arrests in Croydon", "2023-12-15",
                                       [CROYDON_TEXT, "Chief Superintendent Andy Brittain said the technology "
                                        "is precise and helps officers find people wanted by the courts."]))
    site.serve(WESTMINSTER, meta_layout("Facial recognition supports West End operation", "2023-12-18",
                                        ["Officers used live facial recognition in the West End as part of a wider "
                                         "operation against shoplifting and robbery over the weekend.",
                                         "The Met will publish the results of every deployment on its website."]))
    site.serve(PILOT, press_layout("Update on the LFR pilot", "2023-12-20",
                                   ["The Met has answered questions about how Live Facial Recognition is used "
                                    "and how watchlists are put together before each deployment.",
                                    "Images of people who are not on a watchlist are deleted immediately."]))
    site.serve(BURGLARY, article_layout("Appeal after burglary in Ealing", "2023-12-16",
                                        ["Detectives are appealing for witnesses after a burglary in Ealing on "
                                         "Monday evening. A quantity of jewellery was taken from the address."]))


def news_settings(site, db, **changes):
    return site_settings(site, db, news_url=site.base_url, **changes)


def rows(db, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_feed_releases_in_three_layouts_load_and_a_contradiction_is_one_alert(tmp_path):
    from tests.helpers.real_pages import real_pdf

    db = tmp_path / "lfr.duckdb"
    with LocalSite() as site:
        site.serve(INDEX_PATH, index_html([PATHS["2023-2024"]]))
        site.serve(PATHS["2023-2024"], real_pdf("2023-2024"), content_type="application/pdf")
        serve_newsroom(site)
        settings = news_settings(site, db)

        first = lfr_watch(settings, ("met", "news"))

        assert first.exit_status == 0, first.problems
        assert first.news.releases_listed == 4 and first.news.new_releases == 3 and first.news.not_about_lfr == 1
        releases = rows(db, "SELECT r.release_url, r.title, r.published_date, v.extractor FROM releases r "
                          "JOIN release_versions v USING (release_url, text_sha256) ORDER BY r.release_url")
        assert [(r[0].removeprefix(site.base_url), str(r[2])) for r in releases] == [
            (WESTMINSTER, "2023-12-18"), (PILOT, "2023-12-20"), (CROYDON, "2023-12-15")]
        assert all(r[3].startswith("trafilatura ") for r in releases)
        verdicts = rows(db, "SELECT metric, low, verdict, computed FROM claims_vs_records WHERE source = 'news' "
                            "ORDER BY metric")
        assert verdicts == [("alerts_total", 21.0, "agrees", 21.0), ("arrests", 10.0, "contradicts", 8.0)]
        contradictions = [a for a in first.alerts if a.kind == "figure_contradicted"]
        assert len(contradictions) == 1
        assert contradictions[0].subject == f"release:{site.base_url}{CROYDON}"
        assert "states arrests = 10" in contradictions[0].summary and "records 8" in contradictions[0].summary
        # Releases published long before they were first seen are history: noted, not alerted.
        assert rows(db, "SELECT count(*) FROM findings WHERE kind = 'release_new' AND state = 'noted'") == [(3,)]

        counts = rows(db, "SELECT (SELECT count(*) FROM release_versions), (SELECT count(*) FROM claims), "
                          "(SELECT count(*) FROM findings)")
        again = lfr_watch(settings, ("met", "news"))

        assert again.exit_status == 0 and again.alerts == []
        assert again.news.unchanged == 4 and again.news.new_releases == 0
        assert rows(db, "SELECT (SELECT count(*) FROM release_versions), (SELECT count(*) FROM claims), "
                        "(SELECT count(*) FROM findings)") == counts

        site.serve(CROYDON, article_layout("Live Facial Recognition leads to arrests in Croydon", "2023-12-15",
                                           [CROYDON_TEXT.replace("10 arrests", "eight arrests")]))
        corrected = lfr_watch(settings, ("met", "news"))

        assert [a.kind for a in corrected.alerts] == ["release_changed"]
        assert rows(db, f"SELECT count(*) FROM release_versions WHERE release_url = '{site.base_url}{CROYDON}'") \
            == [(2,)]  # the old text is kept
        # The corrected text agrees; the contradiction the first text made stays on record (raised once).
        assert rows(db, "SELECT metric, low, verdict FROM claims_vs_records WHERE source = 'news' ORDER BY metric") \
            == [("alerts_total", 21.0, "agrees"), ("arrests", 8.0, "agrees")]
        assert rows(db, "SELECT count(*) FROM findings WHERE kind = 'figure_contradicted'") == [(1,)]


def test_a_broken_release_or_feed_is_its_own_error_and_loses_nothing(tmp_path):
    db = tmp_path / "lfr.duckdb"
    with LocalSite() as site:
        serve_newsroom(site)
        settings = news_settings(site, db)
        assert lfr_watch(settings, ("news",)).exit_status == 0
        before = rows(db, "SELECT release_url, text_sha256, text FROM release_versions ORDER BY release_url")

        site.serve(CROYDON, b"Forbidden", status=403)
        site.serve(WESTMINSTER, b"<html><body><div id='app'></div><script>load()</script></body></html>")
        site.serve(PILOT, press_layout("Update on the LFR pilot", "2023-12-20", ["A longer text " * 20]),
                   headers={"Content-Length": "100000"})  # the body stops short of what was announced
        broken = lfr_watch(settings, ("news",))

        assert broken.exit_status == 2
        assert len(broken.problems) == 3
        for path, why in ((CROYDON, "403"), (WESTMINSTER, "no title found"), (PILOT, "")):
            assert any(site.base_url + path in p and why in p for p in broken.problems), (path, broken.problems)
        assert {s for (s,) in rows(db, "SELECT subject FROM findings WHERE kind = 'source_broken' "
                                       "AND state <> 'cleared'")} == {f"document:{site.base_url}{p}"
                                                                     for p in (CROYDON, WESTMINSTER, PILOT)}
        assert rows(db, "SELECT release_url, text_sha256, text FROM release_versions ORDER BY release_url") == before

        site.serve(FEED, b"<html><body>Service unavailable</body></html>")
        no_feed = lfr_watch(news_settings(site, db, news_release_urls=(site.url(BURGLARY),)), ("news",))

        assert no_feed.exit_status == 2 and any("feed" in p for p in no_feed.problems)
        assert no_feed.news.releases_listed == 1  # the configured release is still read

        serve_newsroom(site)
        recovered = lfr_watch(settings, ("news",))

        assert recovered.exit_status == 0, recovered.problems
        assert rows(db, "SELECT count(*) FROM findings WHERE kind = 'source_broken' AND state <> 'cleared'") == [(0,)]


def test_a_backfill_from_the_command_line_reads_every_source_news_included(tmp_path, prefect_api_url):
    """`lfrwatch backfill` with every source over the local server: the news source runs with the others."""
    import subprocess
    import sys
    from pathlib import Path

    from scrapers.london_gov.search_page import FIND_AN_ANSWER_PATH
    from tests.helpers.gla_site import search_handler
    from tests.helpers.pdf_factory import FLAT_HEADER, FLAT_WIDTHS, GridTable, data_row, render_pdf

    db = tmp_path / "lfr.duckdb"
    env = cli_environment(tmp_path / "prefect", prefect_api_url, LFRWATCH_MET_DOCUMENTS="")
    script = Path(sys.executable).with_name("lfrwatch")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "cli"]
    with LocalSite() as site:
        site.serve(INDEX_PATH, index_html([PATHS["2025"]]))
        site.serve(PATHS["2025"], render_pdf([GridTable([FLAT_HEADER, data_row("Croydon", "08/01/25", faces="9000")],
                                                        FLAT_WIDTHS, header_rows=1)], title="MPS LFR DEPLOYMENTS 2025"),
                   content_type="application/pdf")
        site.serve_handler(FIND_AN_ANSWER_PATH, search_handler([]))
        serve_newsroom(site)
        done = subprocess.run([*command, "backfill", "--since", "2023-01-01", "--until", "2023-12-31", "--db", str(db),
                               "--met-url", site.base_url, "--gla-url", site.base_url, "--news-url", site.base_url],
                              env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600)

    assert done.returncode == 0, done.stderr[-3000:]
    assert "news: 1 feeds read, 4 releases listed, 4 fetched (0 unchanged, 1 not about LFR), 3 new LFR releases" \
        in done.stdout
    assert rows(db, "SELECT (SELECT count(*) FROM releases), (SELECT count(*) FROM deployments)") == [(3, 1)]
