"""The passage reader on shapes met in real police releases (tests/evidence/statements_otherforces.jsonl).

Pure reader tests: scrapers/claims.py on our own sentences (invented
figures) in the shapes those real releases use, one construction each
(docs/claims.md, "twelfth session").
"""

from __future__ import annotations

from datetime import date

from scrapers.claims import extract_claims
from tests.helpers.passages import got

NOT_AFTER = date(2026, 11, 30)


def undated(text: str) -> list[tuple]:
    """Each claim of an undated page collected on NOT_AFTER: (metric, low, first day, last day)."""
    return [(c.metric, c.low, c.period_start.isoformat() if c.period_start else None,
             c.period_end.isoformat() if c.period_end else None)
            for c in extract_claims(text, None, not_after=NOT_AFTER)]


def test_an_undated_range_of_weekdays_says_its_year():
    text = "Our two vans were in Romford between Thursday (19 September) and Sunday (22 September) and made 7 arrests."
    assert undated(text) == [("arrests", 7, "2024-09-19", "2024-09-22")]


def test_an_undated_lede_is_dated_by_the_days_the_next_paragraph_names():
    text = ("Seven people were arrested during a deployment in Romford last week.\n\n"
            "Our two vans were in the town between Thursday (19 September) and Sunday (22 September).")
    assert undated(text) == [("arrests", 7, "2024-09-19", "2024-09-22")]
    # not by a year, nor by a day that is not the weekday the lede names
    assert undated("Nine people were arrested in Walthamstow last week.\n\nIn 2024, LFR was used there twice.")[0] \
        == ("arrests", 9, None, None)
    assert undated("Officers arrested 12 people on Tuesday in Wood Green.\n\n"
                   "LFR was first used in Haringey on 3 October 2024.")[0] == ("arrests", 12, None, None)


def test_the_incident_a_deployment_answered_is_not_its_figure_or_its_day():
    text = ("Our vans were in the town between Thursday (19 September) and Sunday (22 September) as part of our response "
            "to incident of violence a week earlier (Sunday 15 September) where four people were arrested.\n\n"
            "Across the four days there were 14 alerts.")
    assert got(text, "2024-09-27") == [("alerts_total", 14, "2024-09-19", "2024-09-22", ())]


def test_an_undated_running_total_is_not_the_days_before_it():
    text = ("Across the four days, between Thursday (19 September) and Sunday (22 September), there were 14 alerts.\n\n"
            "It means that since our first deployment a month ago, 16 people have now been arrested.\n\n"
            "There have been 30 alerts and zero incorrect alerts.")
    assert undated(text)[1:] == [("arrests", 16, None, None), ("alerts_total", 30, None, None),
                                 ("false_alerts", 0, None, None)]


def test_since_it_was_relaunched_in_a_year():
    text = "Since the technology was relaunched in 2023, we have scanned more than 2.5 million faces."
    assert [c[2:4] for c in got(text, "2024-09-27")] == [("2023-01-01", "2024-09-27")]


def test_a_count_noun_in_quotation_marks():
    assert [c[:2] for c in got("During those operations, there were 11 ‘alerts’ created.", "2024-09-27")] \
        == [("alerts_total", 11)]


def test_identified_and_then_arrested():
    text = "I am pleased that two offenders were identified and subsequently arrested during this trial."
    assert [c[:2] for c in got(text, "2022-03-24")] == [("arrests", 2)]


def test_kinds_of_people_are_no_count():
    assert got("Our watch list here consists of two groups of people.", "2024-09-11") == []


def test_alerts_verified_by_officers_are_true_and_identifications_are_alerts():
    assert [c[:2] for c in got("The trial identified three positive matches which were verified by officers.",
                               "2022-03-24")] == [("true_alerts", 3)]
    assert [c[:2] for c in got("Three positive identifications were made during the trial.", "2022-03-24")] \
        == [("alerts_total", 3)]


def test_places_listed_after_a_count_are_the_next_figures_too():
    text = ("Between January and March 2025, LFR was deployed in Lewisham three times, on Deptford High Street and on "
            "Lewisham High Street, and 12 people were arrested.")
    places = ("Lewisham", "Deptford High Street", "Lewisham High Street")
    assert got(text, "2025-04-10") == [("deployments", 3, "2025-01-01", "2025-03-31", places),
                                       ("arrests", 12, "2025-01-01", "2025-03-31", places)]


def test_a_visit_to_a_place():
    text = ('Thirteen people were arrested in Barking and Ilford on Wednesday.\n\nThe inspector said: "Eight arrests on '
            'our first visit to Ilford is a strong start."')
    assert got(text, "2024-06-20")[1] == ("arrests", 8, "2024-06-19", "2024-06-19", ("Ilford",))


def test_the_whole_period_the_words_go_on_to_name_drops_the_set_named_before():
    text = ("Our first ten deployments of 2024 were all in Croydon, and between them they led to 34 arrests.\n\n"
            "Over the whole period since January 2024, the false alert rate has been around one in 59,000 faces.")
    rate = extract_claims(text, date(2025, 4, 29))[1]
    assert (rate.period_start, rate.period_end, rate.selection) == (date(2024, 1, 1), date(2025, 4, 29), None)


def test_none_deployed_at_a_place_in_a_period():
    assert got("The MPS did not deploy Live Facial Recognition in Hackney in 2024.", "2025-03-10") == [
        ("deployments", 0, "2024-01-01", "2024-12-31", ("Hackney",))]
    assert got("LFR has not been used in Hackney this year.", "2025-03-10") == [
        ("deployments", 0, "2025-01-01", "2025-03-10", ("Hackney",))]


def test_none_falsely_identified():
    text = "The trial on Saturday 19 March identified three matches and notably did not falsely identify anyone."
    assert [c[:2] for c in got(text, "2022-03-24")] == [("alerts_total", 3), ("false_alerts", 0)]


def test_since_the_cameras_first_came_to_a_place_is_a_running_total_there():
    text = ("Last year the Met deployed LFR in Ilford seven times.\n\n"
            "Since the cameras first came to Ilford, more than 35 people have been arrested.")
    assert got(text, "2025-01-09")[1] == ("arrests", 36, None, "2025-01-09", ("Ilford",))


def test_a_question_about_this_years_arrests_names_what_of_them_counts():
    text = ("Commander: Over the last three months it has been 47 deployments.\n\n"
            "The Chair: How many of this year's arrests were for violence against women and girls?\n\n"
            "Commander: Around 100 of them were for offences of that kind.")
    assert [c[:2] for c in got(text, "2024-10-15")] == [("deployments", 47), ("arrests", 95)]


def test_the_mets_second_share_of_a_national_whole():
    text = ("Data collected by the National Police Chiefs' Council shows that in 2024, police forces in England and Wales "
            "deployed live facial recognition 256 times, and the Metropolitan Police accounted for 180 of those "
            "deployments and for 572 of the 790 arrests that followed.")
    assert [c[:4] for c in got(text, "2025-03-03")] == [("deployments", 180, "2024-01-01", "2024-12-31"),
                                                        ("arrests", 572, "2024-01-01", "2024-12-31")]


def test_the_past_week_or_month_counts_back_from_the_statement():
    assert [c[2:4] for c in got("In the past week, officers made 12 arrests in Croydon.", "2024-04-12")] \
        == [("2024-04-05", "2024-04-12")]
    assert [c[2:4] for c in got("Over the past month, officers made 12 arrests in Croydon.", "2024-04-12")] \
        == [("2024-03-12", "2024-04-12")]
    # but "last week" is the calendar week before, and "the last week of March" is March's
    assert [c[2:4] for c in got("Last week, officers made 12 arrests in Croydon.", "2024-04-12")] \
        == [("2024-04-01", "2024-04-07")]
    assert [c[2:4] for c in got("In the last week of March, officers made 12 arrests.", "2024-04-12")] \
        == [("2024-03-25", "2024-03-31")]


def test_a_range_of_days_with_a_dash_and_no_spaces():
    for days in ("5-6 April", "5–6 April", "5th-6th April", "5th to 6th April"):
        assert [c[2:4] for c in got(f"Officers made 12 arrests in Croydon on {days}.", "2024-04-12")] \
            == [("2024-04-05", "2024-04-06")], days


def test_more_ways_to_say_a_span():
    cases = [("There were 12 arrests in the week ending 10 November.", ("2024-11-04", "2024-11-10")),
             ("Since Monday, officers have made 15 arrests.", ("2024-11-18", "2024-11-20")),
             ("Over the past 48 hours, officers made 15 arrests.", ("2024-11-18", "2024-11-20"))]
    for text, days in cases:
        assert [c[2:4] for c in got(text, "2024-11-20")] == [days], text


def test_more_ways_to_say_a_count():
    assert [c[:2] for c in got("The cameras identified 14 people on the watchlist, nine of whom were arrested.",
                               "2024-11-20")] == [("alerts_total", 14), ("arrests", 9)]
    assert [c[:4] for c in got("The number of deployments rose from 23 in 2023 to 180 in 2024.", "2025-01-20")] == [
        ("deployments", 23, "2023-01-01", "2023-12-31"), ("deployments", 180, "2024-01-01", "2024-12-31")]
    assert [c[:2] for c in got("The MPS carried out 12 LFR operations in October.", "2024-11-20")] \
        == [("deployments", 12)]


def test_places_each_with_a_count_in_brackets_share_the_period_said_after_them():
    text = "The MPS deployed LFR in Croydon (12), Lambeth (8) and Newham (6) in 2024."
    assert got(text, "2025-01-20") == [("deployments", n, "2024-01-01", "2024-12-31", (place,))
                                       for n, place in ((12, "Croydon"), (8, "Lambeth"), (6, "Newham"))]
    # not a period that only compares
    text = "In 2024 LFR was deployed in Croydon (97) and Lambeth (63), compared with 50 in 2023."
    assert [c[2:4] for c in got(text, "2025-01-20")][:2] == [("2024-01-01", "2024-12-31")] * 2


def test_dates_written_with_dots_and_ordinal_ranges_after_between():
    assert [c[2:4] for c in got("The deployment on 12.03.2025 led to six arrests.", "2025-03-14")] \
        == [("2025-03-12", "2025-03-12")]
    assert [c[2:4] for c in got("Between 10th and 12th March, 14 arrests were made.", "2025-03-14")] \
        == [("2025-03-10", "2025-03-12")]


def test_a_number_in_words_said_again_in_digits_is_one_figure():
    assert [c[:2] for c in got("Fourteen (14) people were arrested.", "2025-03-14")] == [("arrests", 14)]


def test_a_total_since_lfr_began():
    assert [c[2:4] for c in got("The total number of arrests since LFR began is 1,100.", "2025-03-14")] \
        == [(None, "2025-03-14")]
