"""The Mayor's Questions parsers against pages of both site eras.

Fixtures under tests/fixtures/london_gov/ are reconstructed from
docs/sources.md §2 (the live sites can't be fetched), one per case they pin.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from schemas.questions import Answer, Question, SearchResult
from scrapers.errors import SourceFormatError
from scrapers.london_gov import (
    RESULTS_PER_PAGE,
    is_old_question_url,
    normalise_person,
    old_question_reference,
    parse_printed_date,
    parse_question,
    parse_search,
    search_url,
)

FIXTURES = Path(__file__).parent / "fixtures" / "london_gov"
SITE = "https://www.london.gov.uk"
FIND = f"{SITE}/who-we-are/what-london-assembly-does/questions-mayor/find-an-answer"
SEARCH = f"{FIND}?date_from=2019-01-01&date_to=2020-12-31&question_text=facial+recognition&sort_by=date&sort_order=ASC"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def question(name: str, url: str) -> Question:
    return parse_question(fixture(name), url)


def test_every_fixture_says_it_is_reconstructed():
    for path in sorted(FIXTURES.glob("*.html")):
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == "<!-- reconstructed from docs/sources.md §2, not captured from the live site -->", path.name


# --- new site ----------------------------------------------------------------


def test_new_page_with_correcting_answer_keeps_both_answers_in_order():
    q = question("new_question_with_correcting_answer.html", f"{FIND}/facial-recognition-and-private-companies-1")
    assert q.layout == "new"
    assert q.title == "Facial recognition and private companies (1)"
    assert q.reference == "2019/14214"
    assert q.asked_by == "Siân Berry"
    assert q.organisation == "Green"
    assert q.asked_of == "The Mayor"
    assert q.meeting == "Mayor's Question Time - 18 July 2019"
    assert q.meeting_date == date(2019, 7, 18)
    assert q.question_text.startswith("Has the Metropolitan Police Service (MPS) shared images with")
    assert q.question_text.endswith("including at the King’s Cross development?")  # apostrophe as printed
    assert [(a.position, a.answer_date, a.holding, a.answered_by) for a in q.answers] == [
        (1, date(2019, 8, 15), False, None),
        (2, date(2019, 9, 4), False, None),
    ]
    assert q.answers[0].paragraphs == [
        "The MPS has not worked with any private companies on the use of facial recognition technology.",
        "The MPS has not shared any images with the King’s Cross Estate or with any other private company for this purpose.",
    ]
    correction = q.answers[1]
    assert correction.paragraphs[0] == "Please note that this answer corrects the answer given on 15 August 2019."
    assert len(correction.paragraphs) == 3  # the &nbsp; paragraph is dropped
    assert correction.text == "\n\n".join(correction.paragraphs)
    assert correction.tables == [] and correction.attachments == []


def test_new_page_canonical_url_wins_over_the_requested_url():
    q = question("new_question_with_correcting_answer.html", "http://127.0.0.1:8765/some/redirected/path")
    assert q.url == f"{FIND}/facial-recognition-and-private-companies-1"


def test_without_canonical_link_the_given_url_is_kept():
    html = fixture("new_question_holding_reply.html").decode()
    html = html.replace(f'<link rel="canonical" href="{FIND}/live-facial-recognition-watchlists">', "")
    q = parse_question(html, "http://127.0.0.1:8765/find-an-answer/live-facial-recognition-watchlists")
    assert q.url == "http://127.0.0.1:8765/find-an-answer/live-facial-recognition-watchlists"


def test_new_holding_reply_is_marked_holding():
    q = question("new_question_holding_reply.html", f"{FIND}/live-facial-recognition-watchlists")
    assert (q.reference, q.asked_by, q.meeting_date) == ("2023/2718", "Caroline Russell", date(2023, 7, 20))
    assert q.answers == [
        Answer(
            answered_by=None,
            answer_date=date(2023, 7, 25),
            text="Officers are drafting a response which will be sent shortly.",
            paragraphs=["Officers are drafting a response which will be sent shortly."],
            tables=[],
            attachments=[],
            holding=True,
            position=1,
        )
    ]


def test_new_supplementary_without_reference_keeps_oral_text_as_printed():
    q = question("new_supplementary_question_without_reference.html", f"{FIND}/live-facial-recognition-supplementary-2")
    assert q.reference is None
    assert q.title == "Live facial recognition (Supplementary)"
    assert (q.asked_by, q.organisation, q.asked_of) == ("Caroline Russell", "Green", "The Mayor")
    assert q.meeting_date == date(2023, 3, 23)
    assert q.question_text.startswith("Caroline Russell AM: Mr Mayor, the Met has restarted")
    [answer] = q.answers
    assert answer.answer_date == date(2023, 3, 23)
    assert [p.split(":")[0] for p in answer.paragraphs] == [
        "Sadiq Khan (Mayor of London)",
        "Caroline Russell AM",
        "Sadiq Khan (Mayor of London)",
    ]
    assert answer.holding is False


def test_new_answer_table_is_kept_as_rows_and_as_tab_separated_text():
    q = question("new_answer_with_table.html", f"{FIND}/live-facial-recognition-deployment-locations")
    assert (q.asked_by, q.reference, q.meeting_date) == ("Zoë Garbett", "2024/2904", date(2024, 7, 18))
    [answer] = q.answers
    assert answer.answer_date == date(2024, 7, 24)
    assert answer.tables == [
        [
            ["Date", "Location", "Faces seen (estimate)", "Total alerts"],
            ["03/05/24", "Exampleton Broadway", "3,210", "8"],
            ["03/05/24", "Sampleford", "517", "6"],
            ["08/05/24", "Testbury Green", "1,005", "13"],
            ["08/05/24", "Testbury Green", "640", "6"],
            ["15/05/24", "Fixture Lane", "2,048", "8"],
            ["15/05/24", "Mockington", "1,999", "9"],
        ]
    ]
    assert "Date\tLocation\tFaces seen (estimate)\tTotal alerts\n03/05/24\tExampleton Broadway\t3,210\t8\n" in answer.text
    assert answer.text.index("The table below") < answer.text.index("03/05/24") < answer.text.index("The MPS publishes")
    assert len(answer.paragraphs) == 2  # table cells are not paragraphs; the empty <p> is dropped
    assert answer.attachments == [f"{SITE}/sites/default/files/2024-07/mqt_2024_2904_lfr_deployments.pdf"]


def test_new_answer_with_figures_in_words_keeps_the_sentences_whole():
    q = question("new_answer_with_figures_in_words.html", f"{FIND}/police-use-live-facial-recognition-6")
    assert (q.reference, q.asked_by, q.meeting_date) == ("2020/1034", "Siân Berry", date(2020, 2, 24))
    [answer] = q.answers
    assert answer.answer_date == date(2020, 3, 30)
    assert "the system scanned more than 13,000 faces." in answer.text
    assert "around 4,600 faces were scanned" in answer.text
    assert answer.paragraphs[2].startswith(
        "At Oxford Circus on 27 February, the system generated eight alerts, seven of which were false."
    )


def test_to_json_dict_follows_the_parse_question_contract():
    q = question("new_question_with_correcting_answer.html", f"{FIND}/facial-recognition-and-private-companies-1")
    out = q.to_json_dict()
    assert list(out) == [
        "title", "reference", "asked_by", "organisation", "asked_of",
        "meeting_date", "question_text", "url", "answers",
    ]
    assert out["meeting_date"] == "2019-07-18"
    assert out["answers"][1] == {
        "answered_by": None,
        "answer_date": "2019-09-04",
        "text": q.answers[1].text,
        "holding": False,
    }


def test_str_and_bytes_give_the_same_question():
    raw = fixture("new_answer_with_table.html")
    url = f"{FIND}/live-facial-recognition-deployment-locations"
    assert parse_question(raw, url) == parse_question(raw.decode("utf-8"), url)


# --- old site ----------------------------------------------------------------


def test_old_page_holding_reply_then_real_answer():
    q = question("old_question_with_holding_then_answer.html", f"{SITE}/questions/2020/1029")
    assert q.layout == "old"
    assert q.title == "Police use of live facial recognition (1)"
    assert (q.reference, q.asked_by, q.organisation, q.asked_of) == ("2020/1029", "Siân Berry", "Green Party", "Mayor of London")
    assert q.meeting == "MQT on 2020-02-24"
    assert q.meeting_date == date(2020, 2, 24)
    assert q.question_text == (
        "Please list every deployment of live facial recognition by the Metropolitan Police Service "
        "since 1 January 2020, with its date and location."
    )  # the empty and &nbsp; paragraphs are dropped
    holding, real = q.answers
    assert (holding.position, holding.holding, holding.answer_date, holding.answered_by) == (1, True, date(2020, 3, 2), "The Mayor")
    assert (real.position, real.holding, real.answer_date, real.answered_by) == (2, False, date(2020, 3, 30), "The Mayor")
    assert len(real.paragraphs) == 2
    assert real.attachments == [f"{SITE}/sites/default/files/mqt_2020_1029_lfr_deployments.pdf"]


def test_old_2017_page_without_meeting_reference_or_organisation():
    q = question("old_question_2017_without_meeting_labels.html", f"{SITE}/questions/2017/3368")
    assert q.title == "Automatic facial recognition - Notting Hill Carnival (1)"
    assert q.meeting is None
    assert q.organisation is None
    assert q.reference == "2017/3368"  # from the old URL, which carries it
    assert q.meeting_date == date(2017, 9, 14)  # from "Session date:"
    assert q.asked_by == "Siân Berry"
    [answer] = q.answers
    assert (answer.answer_date, answer.answered_by, answer.holding) == (date(2017, 10, 2), "The Mayor", False)


def test_old_page_asker_sian_berry_am_is_normalised():
    q = question("old_question_asker_sian_berry.html", f"{SITE}/questions/2019/14217")
    assert q.asked_by == "Siân Berry"
    assert (q.reference, q.meeting_date) == ("2019/14217", date(2019, 7, 18))
    assert q.answers[0].text == (
        "The MPS uses facial recognition software to compare still images from crime scenes with its custody image database."
    )


def test_old_page_with_no_answer_div_has_no_answers():
    q = question("old_question_no_answer.html", f"{SITE}/questions/2018/2871")
    assert q.answers == []
    assert q.asked_by == "Onkar Sahota"  # "Dr Onkar Sahota AM"
    assert q.meeting_date == date(2018, 10, 18)  # no "Session date:": from "MQT on 2018-10-18"


def test_old_page_awaiting_answer_is_one_holding_answer():
    q = question("old_question_awaiting_answer.html", f"{SITE}/questions/2018/4012")
    assert q.asked_by == "Steve O'Connell"  # typographic apostrophe normalised
    assert q.answers == [
        Answer(
            answered_by=None,
            answer_date=None,
            text="Answer awaited.",
            paragraphs=["Answer awaited."],
            tables=[],
            attachments=[],
            holding=True,
            position=1,
        )
    ]


# --- unreadable pages ---------------------------------------------------------


def test_page_without_title_raises_naming_url_and_selector():
    url = f"{FIND}/police-use-live-facial-recognition-7"
    with pytest.raises(SourceFormatError) as caught:
        question("new_question_missing_title.html", url)
    assert caught.value.url == url
    assert "h3.page-section" in caught.value.where
    assert "title" in caught.value.problem


def test_old_page_without_h1_raises():
    html = fixture("old_question_asker_sian_berry.html").decode()
    html = html.replace('<h1 class="page-header"><span>Facial recognition used on non-live images</span></h1>', "")
    with pytest.raises(SourceFormatError) as caught:
        parse_question(html, f"{SITE}/questions/2019/14217")
    assert "h1" in caught.value.where


def test_bot_check_page_raises_instead_of_an_empty_question():
    url = f"{FIND}/police-use-live-facial-recognition-6"
    with pytest.raises(SourceFormatError) as caught:
        question("bot_check_page.html", url)
    assert caught.value.url == url
    assert "neither question layout" in caught.value.problem
    assert "'Just a moment...'" in caught.value.problem
    assert "bot-check" in caught.value.problem


def test_new_answer_without_its_date_line_raises():
    html = fixture("new_question_holding_reply.html").decode().replace("Date:  Tuesday 25 July 2023", "")
    with pytest.raises(SourceFormatError) as caught:
        parse_question(html, f"{FIND}/live-facial-recognition-watchlists")
    assert "u-space-y-5 #1" in caught.value.where
    assert "Date:" in caught.value.problem


def test_new_meeting_without_a_date_raises():
    html = fixture("new_question_holding_reply.html").decode().replace(
        "Mayor's Question Time - 20 July 2023", "Mayor's Question Time"
    )
    with pytest.raises(SourceFormatError) as caught:
        parse_question(html, f"{FIND}/live-facial-recognition-watchlists")
    assert "Meeting" in caught.value.where


# --- search ---------------------------------------------------------------------


def test_search_first_page_has_ten_results_in_order_without_facets():
    page = parse_search(fixture("search_results_first_page.html"), f"{SEARCH}&page=0")
    assert page.page == 0
    assert len(page.results) == RESULTS_PER_PAGE
    assert [r.url.rsplit("/", 1)[1] for r in page.results] == [
        "facial-recognition-and-private-companies-1",
        "facial-recognition-and-private-companies-2",
        "facial-recognition-and-private-companies-3",
        "facial-recognition-used-non-live-images",
    ] + [f"police-use-live-facial-recognition-{n}" for n in range(1, 7)]
    assert all("?" not in r.url for r in page.results)
    assert page.results[3] == SearchResult(
        url=f"{FIND}/facial-recognition-used-non-live-images",
        title="Facial recognition used on non-live images",
        reference="2019/14217",
        asked_by="Siân Berry",
        meeting_date=date(2019, 7, 18),
    )
    assert page.results[2].asked_by == "Siân Berry"  # printed "Sian Berry AM"
    assert page.results[9].reference == "2020/1034"
    assert page.results[9].meeting_date == date(2020, 2, 24)


def test_search_links_resolve_against_the_page_url():
    local = "http://127.0.0.1:8765/who-we-are/what-london-assembly-does/questions-mayor/find-an-answer?page=0"
    page = parse_search(fixture("search_results_first_page.html"), local)
    assert page.results[0].url == (
        "http://127.0.0.1:8765/who-we-are/what-london-assembly-does/questions-mayor/find-an-answer/"
        "facial-recognition-and-private-companies-1"
    )


def test_search_last_page_has_fewer_than_ten_and_a_result_without_reference():
    page = parse_search(fixture("search_results_last_page.html"), f"{SEARCH}&page=1")
    assert page.page == 1
    assert [(r.title, r.reference, r.asked_by, r.meeting_date) for r in page.results] == [
        ("Live facial recognition (Supplementary)", None, "Caroline Russell", date(2020, 2, 24)),
        ("Live facial recognition at Stratford", "2020/1311", "Unmesh Desai", date(2020, 2, 24)),
        ("Facial recognition and face coverings", "2020/2201", "Siân Berry", date(2020, 5, 21)),
    ]


def test_search_with_no_results_message_is_an_empty_page():
    page = parse_search(fixture("search_results_empty.html"), f"{SEARCH}&page=0")
    assert page.results == []
    assert page.page == 0


def test_search_with_changed_layout_raises():
    url = f"{SEARCH}&page=0"
    with pytest.raises(SourceFormatError) as caught:
        parse_search(fixture("search_results_changed_layout.html"), url)
    assert caught.value.url == url
    assert "find-an-answer/" in caught.value.where
    assert "no result links" in caught.value.problem


def test_search_on_a_bot_check_page_raises():
    with pytest.raises(SourceFormatError):
        parse_search(fixture("bot_check_page.html"), f"{SEARCH}&page=3")


def test_search_url_builds_the_find_an_answer_query():
    assert search_url(SITE + "/", date(2020, 1, 1), date(2020, 3, 31), "facial recognition", 2) == (
        f"{FIND}?date_from=2020-01-01&date_to=2020-03-31&question_text=facial+recognition"
        "&sort_by=date&sort_order=ASC&page=2"
    )


@pytest.mark.parametrize(
    ("url", "reference"),
    [
        (f"{SITE}/questions/2020/1034", "2020/1034"),
        (f"{SITE}/questions/2019/14217/", "2019/14217"),
        ("http://127.0.0.1:8765/questions/2017/3368", "2017/3368"),
        (f"{SITE}/questions/meeting/mqt/2020/02/24", None),
        (f"{FIND}/police-use-live-facial-recognition-6", None),
        (f"{SITE}/questions/2020/12", None),
    ],
)
def test_old_question_urls(url, reference):
    assert old_question_reference(url) == reference
    assert is_old_question_url(url) is (reference is not None)


# --- names and dates ----------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "kept"),
    [
        ("Sian Berry AM", "Siân Berry"),
        ("Sian Berry", "Siân Berry"),
        ("Siân Berry", "Siân Berry"),
        ("Sia\u0302n Berry", "Siân Berry"),  # decomposed accent
        ("Steve O\u2019Connell AM", "Steve O'Connell"),
        ("Dr Onkar Sahota AM", "Onkar Sahota"),
        ("Andrew Boff AM (Chair)", "Andrew Boff"),
        ("Jennette Arnold OBE AM", "Jennette Arnold"),
        ("Sadiq Khan (Mayor of London)", "Sadiq Khan"),
        ("  Caroline   Russell AM ", "Caroline Russell"),
        ("The Mayor", "The Mayor"),
        ("Andrew Dismore AM", "Andrew Dismore"),
    ],
)
def test_normalise_person(printed, kept):
    assert normalise_person(printed) == kept


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("February 24, 2020", date(2020, 2, 24)),
        ("Monday, 30 March 2020", date(2020, 3, 30)),
        ("Tuesday 20 December 2022", date(2022, 12, 20)),
        ("23 March 2023", date(2023, 3, 23)),
        ("2020-02-24", date(2020, 2, 24)),
    ],
)
def test_parse_printed_date(printed, value):
    assert parse_printed_date(printed) == value


def test_parse_printed_date_rejects_other_text():
    with pytest.raises(ValueError):
        parse_printed_date("next Thursday")
