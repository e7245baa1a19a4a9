"""End to end: the Mayor's Questions flow over real HTTP on 127.0.0.1 and a real DuckDB file.

A local site implements the find-an-answer search (its query parameters and
pagination) over generated question pages at the real paths (tests/helpers/gla_site.py).
"""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from flows.pipeline import lfr_watch
from tests.helpers.gla_site import QuestionPage, search_handler
from tests.helpers.met_site import site_settings
from tests.helpers.sites import LocalSite
from scrapers.london_gov.search_page import FIND_AN_ANSWER_PATH

pytestmark = pytest.mark.usefixtures("prefect_harness")

SINCE, UNTIL = date(2020, 1, 1), date(2020, 12, 31)
HOLDING = "<p>Officers are drafting a response which will be sent shortly.</p>"
LETTER = (
    "<p>In the first two deployments this year, at Stratford and at Oxford Circus, more than 13,000 faces were "
    "scanned.</p><p>There were eight alerts, seven of which were false.</p>"
)


def pages() -> list[QuestionPage]:
    out = [
        QuestionPage(f"facial-recognition-question-{n}", f"Facial recognition question ({n})", f"2020/{1000 + n}",
                     date(2020, 1 + n % 12, 10), f"How is live facial recognition used ({n})?",
                     [(date(2020, 1 + n % 12, 20), f"<p>The MPS used live facial recognition on {n} occasions.</p>")])
        for n in range(1, 12)
    ]
    out.append(QuestionPage("police-use-live-facial-recognition-6", "Police use of live facial recognition (6)",
                            "2020/1034", date(2020, 2, 24), "How many faces were scanned by facial recognition?",
                            [(date(2020, 3, 30), LETTER)]))
    out.append(QuestionPage("facial-recognition-watchlists", "Facial recognition watchlists", None,
                            date(2020, 7, 16), "How large is each facial recognition watchlist?",
                            [(date(2020, 7, 20), HOLDING)]))
    out.append(QuestionPage("bus-lanes", "Bus lanes", "2020/2000", date(2020, 5, 1), "Where are bus lanes?",
                            [(date(2020, 5, 5), "<p>Everywhere.</p>")]))
    return out


@pytest.fixture()
def gla_site():
    questions = pages()
    with LocalSite() as site:
        site.serve_handler(FIND_AN_ANSWER_PATH, search_handler(questions))
        for page in questions:
            site.serve(page.path, page.render())
        site.questions = {p.slug: p for p in questions}
        yield site


def settings_for(site, db, **changes):
    return site_settings(site, db, question_search_terms=("facial recognition", "watchlist"), **changes)


def count(db, table: str, where: str = "TRUE") -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchall()[0][0]


def backfill(site, db, **changes):
    return lfr_watch(settings_for(site, db, **changes), ("questions",), SINCE, UNTIL)


def test_backfill_loads_questions_then_a_second_run_adds_nothing(gla_site, tmp_path):
    db = tmp_path / "lfr.duckdb"

    report = backfill(gla_site, db)

    assert report.exit_status == 0, report.summary()
    q = report.questions
    # "facial recognition": 13 hits → pages 0 (10) and 1 (3); "watchlist": 1 hit → page 0.
    assert q.search_pages == 3
    assert q.questions_found == 13 and q.new_questions == 13
    assert count(db, "questions") == 13
    assert count(db, "questions", "answer_state = 'holding'") == 1
    assert count(db, "questions", "reference IS NULL") == 1
    assert count(db, "questions", "asked_by = 'Siân Berry'") == 13
    assert count(db, "answers") == 13
    assert count(db, "claims", "metric = 'faces_seen' AND low = 13001 AND high IS NULL") == 1
    assert count(db, "claims", "metric = 'false_alerts' AND low = 7 AND high = 7") == 1
    assert "bus-lanes" not in str(report.summary())
    before = {t: count(db, t) for t in ("questions", "answers", "answer_versions", "claims", "findings")}
    answered_path = gla_site.questions["facial-recognition-question-3"].path
    holding_path = gla_site.questions["facial-recognition-watchlists"].path
    fetched = (gla_site.count(answered_path), gla_site.count(holding_path))

    again = backfill(gla_site, db)

    assert again.exit_status == 0
    assert {t: count(db, t) for t in before} == before
    assert again.questions.new_answers == again.questions.new_claims == 0
    # Answered questions are not fetched again within the re-check interval; the holding one is.
    assert gla_site.count(answered_path) == fetched[0]
    assert gla_site.count(holding_path) == fetched[1] + 1
    assert again.questions.skipped_fresh == 12


def test_a_holding_reply_that_becomes_an_answer_is_picked_up(gla_site, tmp_path):
    db = tmp_path / "lfr.duckdb"
    backfill(gla_site, db)
    page = gla_site.questions["facial-recognition-watchlists"]
    page.answers = [(date(2020, 8, 3), "<p>The watchlist for each deployment held around 6,000 images.</p>")]
    gla_site.serve(page.path, page.render())

    report = lfr_watch(settings_for(gla_site, db), ("questions",), date(2020, 12, 1), date(2020, 12, 31))

    assert report.questions.changed_answers == 1
    assert count(db, "questions", "answer_state = 'holding'") == 0
    assert count(db, "answer_versions", "question_url LIKE '%facial-recognition-watchlists'") == 2
    assert count(db, "claims", "metric = 'watchlist_size' AND low = 5700 AND high = 6300") == 1


def test_search_layout_change_is_reported_and_loses_nothing(gla_site, tmp_path):
    db = tmp_path / "lfr.duckdb"
    backfill(gla_site, db)
    gla_site.serve(FIND_AN_ANSWER_PATH, b"<html><body><main><h1>Find an answer</h1><div class='new-app'></div></main></body></html>")

    report = backfill(gla_site, db)

    assert report.exit_status == 2
    assert any("search failed" in p and FIND_AN_ANSWER_PATH in p for p in report.problems), report.problems
    assert count(db, "questions") == 13
    assert count(db, "findings", "subject = 'source:gla-search' AND state = 'alert'") == 1


@pytest.mark.parametrize("fault", ["no-title", "404", "login-redirect"])
def test_bad_question_pages_are_reported_by_url_and_lose_nothing(gla_site, tmp_path, fault):
    db = tmp_path / "lfr.duckdb"
    page = gla_site.questions["facial-recognition-watchlists"]  # holding: fetched again every run
    backfill(gla_site, db)
    if fault == "no-title":
        gla_site.serve(page.path, page.render().replace(b'<h3 class="page-section">Facial recognition watchlists</h3>', b""))
    elif fault == "404":
        gla_site.remove(page.path)
    else:
        gla_site.script(page.path, [(302, {"Location": "/user/login?destination=/questions"}, b"")])
        gla_site.serve("/user/login", b"<html><head><title>Log in | London City Hall</title></head>"
                                      b"<body><form id='user-login'><input name='name'></form></body></html>")

    report = backfill(gla_site, db)

    assert report.exit_status == 2
    url = gla_site.url(page.path)
    assert any(url in p for p in report.problems), report.problems
    assert count(db, "questions") == 13
    assert count(db, "answers", "question_url LIKE '%facial-recognition-watchlists'") == 1
    assert count(db, "findings", f"subject = 'document:{url}' AND state = 'alert'") == 1


def test_old_site_question_urls_from_configuration_and_from_links(gla_site, tmp_path):
    from pathlib import Path

    from scrapers.london_gov.search_page import parse_search

    fixtures = Path(__file__).parent / "fixtures" / "london_gov"
    gla_site.serve("/questions/2017/3368", (fixtures / "old_question_2017_without_meeting_labels.html").read_bytes())
    db = tmp_path / "lfr.duckdb"

    report = backfill(gla_site, db, question_urls=("https://www.london.gov.uk/questions/2017/3368",))

    assert report.exit_status == 0, report.summary()
    assert count(db, "questions", "layout = 'old' AND question_url = 'https://www.london.gov.uk/questions/2017/3368'") == 1
    assert count(db, "questions", f"source_url = '{gla_site.url('/questions/2017/3368')}'") == 1
    # A results page may link old-site question URLs too; facet links (with '?') never count.
    linked = parse_search(
        b'<html><body><ul><li><a href="/questions/2019/14217">Facial recognition used on non-live images</a></li>'
        b'<li><a href="/questions/2019?page=2">more</a></li></ul></body></html>',
        "https://www.london.gov.uk" + FIND_AN_ANSWER_PATH + "?page=0",
    )
    assert [r.url for r in linked.results] == ["https://www.london.gov.uk/questions/2019/14217"]
