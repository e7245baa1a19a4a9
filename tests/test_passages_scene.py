"""The passage reader, on how a scene carries and where it stops (tenth session's rules): an event dated only by its
month, "all year" after a named year, a first year from a named start, a wider period that zooms out, the set counted
again in its own sentence, a place named as the one that stood out, a correction's bare number, and other tactics'
sentences that set no scene. Each wording is a paraphrase of a shape found in a blind evidence set."""

from __future__ import annotations

from scrapers.claims import extract_claims
from tests.helpers.passages import D, got


def test_an_event_dated_only_by_its_month_borrows_no_period():
    text = ("This year we have deployed 18 times so far. Since the July return, the system has generated 47 alerts "
            "in total.")
    assert got(text, "2023-11-22")[1][2] is None  # not "this year", which it is not about


def test_all_year_after_a_named_year_is_that_year():
    assert got("In 2022 we used this technology six times all year.", "2024-01-11") == [
        ("deployments", 6, "2022-01-01", "2022-12-31", ())]
    assert got("We have made five arrests all year.", "2024-06-11") == [("arrests", 5, "2024-01-01", "2024-06-11", ())]


def test_a_first_year_from_a_named_start_is_twelve_months():
    assert got("In its first year back on the streets, from July 2022, LFR was deployed 12 times.", "2025-04-15") == [
        ("deployments", 12, "2022-07-01", "2023-06-30", ())]
    assert got("In the first six months, from January 2024, officers made 200 arrests.", "2025-04-15") == [
        ("arrests", 200, "2024-01-01", "2024-06-30", ())]


def test_a_wider_period_zooms_out_of_the_days_places():
    text = ("Officers used LFR at King's Cross and Westfield on Friday (29 November). This week the cameras have been "
            "used four times, with 15 arrests.")
    assert got(text, "2024-11-30")[-2:] == [("deployments", 4, "2024-11-25", "2024-11-30", ()),
                                           ("arrests", 15, "2024-11-25", "2024-11-30", ())]
    # the week the scene was set in, said again, keeps its places
    text = ("Two more deployments in the East Area this week - South Street, Romford on Tuesday and Ilford High Street "
            "yesterday. That's 10 arrests this week.")
    assert got(text, "2024-11-22")[-1][4] == ("South Street, Romford", "Ilford High Street")


def test_those_deployments_in_the_sentence_that_counted_them():
    text = ("We have used LFR in Deptford and Lewisham three times this month, twice on Deptford High Street and once "
            "on Lewisham High Street, and those deployments generated 33 alerts and led to 12 arrests.")
    assert [c[4] for c in got(text, "2025-03-26")][-2:] == [("Deptford", "Lewisham")] * 2
    # the whole they are a share of is not theirs
    text = ("In 2024 the MPS deployed LFR in Croydon town centre 28 times; those deployments accounted for 122 of the "
            "572 arrests made following an LFR alert across London that year.")
    assert got(text, "2025-02-17")[-1][4] == ()


def test_there_is_the_place_the_sentence_named():
    text = ("On Tuesday the cameras were at Clapham Junction and on South Street in Romford. Romford has now seen LFR "
            "three times since November, and 13 people have been arrested there in that time.")
    assert got(text, "2025-02-07")[-2:] == [("deployments", 3, "2024-11-01", "2025-02-07", ("Romford",)),
                                           ("arrests", 13, "2024-11-01", "2025-02-07", ("Romford",))]


def test_a_place_named_as_the_busiest():
    text = "In January we deployed 19 times. The busiest was Stratford Broadway on the 16th, with 24 alerts."
    assert got(text, "2025-02-26")[-1] == ("alerts_total", 24, "2025-01-16", "2025-01-16", ("Stratford Broadway",))


def test_a_correct_figure_replaces_the_figure_withdrawn():
    text = ("On Wednesday (13 November) officers used LFR on North End in Croydon and in Wood Green. This release was "
            "updated on Friday (15 November). An earlier version said that 22 people had been arrested across the two "
            "deployments; the correct figure is 20.")
    assert got(text, "2024-11-15") == [("arrests", 20, "2024-11-13", "2024-11-13", ("North End", "Wood Green"))]


def test_a_fronted_whole_said_before_keeps_its_scope():
    text = ("Ten people were arrested in Peckham on Thursday after officers used LFR. During the operation, officers "
            "carried out 22 stop and searches, and a dispersal order was authorised for Friday and Saturday evenings. "
            "Of the ten people arrested following an alert, three were wanted on recall to prison.")
    assert [c[2:] for c in got(text, "2024-06-07")] == [("2024-06-06", "2024-06-06", ("Peckham",))] * 3


def test_an_operations_arrests_plans_and_offences_are_not_lfrs():
    assert got("It deployed LFR three times in Westminster on 6 May, as part of a policing operation involving more "
               "than 11,500 officers, which made 64 arrests for a range of offences.", "2023-06-05") == [
        ("deployments", 3, "2023-05-06", "2023-05-06", ("Westminster",))]
    assert got("The MPS has told MOPAC it plans up to six further deployments in the borough before the end of "
               "September.", "2025-04-10") == []
    # an offence named in a passage is no other tactic: the arrests are still LFR's
    text = ("Officers used LFR on Kingsland High Street yesterday. Twelve people were arrested. Those arrested include "
            "a woman wanted for breaching a Criminal Behaviour Order.")
    assert [c[:2] for c in got(text, "2024-12-19")] == [("arrests", 12)]


def test_figures_in_new_words():
    assert got("Dalston has now seen LFR three times.", "2024-12-19") == [
        ("deployments", 3, None, "2024-12-19", ("Dalston",))]
    assert got("In 2024, 27 of the alerts its cameras generated were false alerts.", "2025-02-10") == [
        ("false_alerts", 27, "2024-01-01", "2024-12-31", ())]
    text = "On Thursday the cameras on Stratford Broadway generated 24 alerts, and an estimated 25,000 people walked past them."
    assert got(text, "2025-01-17")[-1][:2] == ("faces_seen", 23750)


def test_spans_counted_from_an_end_or_a_day_named_before():
    assert got("There have been no false alerts at all since the end of July.", "2024-11-12") == [
        ("false_alerts", 0, "2024-08-01", "2024-11-12", ())]
    assert got("This year we have made 231 arrests - no, I tell a lie, 231 was the figure at the end of March.",
               "2025-04-02") == [("arrests", 231, "2025-01-01", "2025-03-31", ())]
    text = ("LFR was first used in Croydon town centre on 7 December 2023. Between then and the end of March 2024, the "
            "MPS deployed it in the town centre on 19 occasions. Arrests were made on North End (40) and Church Street (24).")
    assert [c[2:4] for c in got(text, "2024-04-23")] == [("2023-12-07", "2024-03-31")] * 3
    # an undated start stays unknown
    assert got("Since the Met reintroduced the technology, more than 300 people have been arrested.", "2024-07-04") == [
        ("arrests", 301, None, "2024-07-04", ())]


def test_the_year_and_the_quarter_in_hand():
    text = ("This report considers the use of LFR between January and December 2023. No deployments took place in the "
            "first three months of the year.")
    assert got(text, "2024-02-27") == [("deployments", 0, "2023-01-01", "2023-03-31", ())]
    text = ("The table compares activity in Quarter 3 2024/25 (October to December 2024) with the previous quarter. In "
            "the same quarter last year there were 10 deployments.")
    assert got(text, "2025-02-10")[-1] == ("deployments", 10, "2023-10-01", "2023-12-31", ())
    # "findings from 2023" are about 2023, not since it
    assert got("Findings from 2023. Across the year, the Met deployed LFR 24 times.", "2024-02-27")[0][2:4] != (
        "2023-01-01", "2024-02-27")


def test_a_road_named_after_london_is_that_road():
    from schemas.places import place_parts

    assert place_parts("London Road") == [frozenset({"london", "road"})]
    assert place_parts("Croydon, London Rd") == [frozenset({"croydon"}), frozenset({"london", "road"})]
    assert place_parts("Kingston town centre") == [frozenset({"kingston"})]


def test_a_bare_answer_after_a_speaker_with_a_role():
    text = ("Chair: And how many deployments is that?\n\nLindsey Chiswick (Director of Intelligence, MPS): Fifty.\n\n"
            "Chair: Were there any false alerts?\n\nLindsey Chiswick (Director of Intelligence, MPS): Five, and every one "
            "of them was checked by an officer.")
    assert [c[:2] for c in got(text, "2025-04-02")] == [("deployments", 50), ("false_alerts", 5)]


def test_the_busiest_month_for_a_metric_with_its_count():
    assert got("June was the busiest month for arrests, with 68.", "2024-07-10") == [
        ("arrests", 68, "2024-06-01", "2024-06-30", ())]


def test_what_an_earlier_answer_omitted_is_no_count():
    text = ("In my answer I said LFR was deployed once in Barking in June. That answer omitted two deployments. The "
            "correct number of arrests across the three deployments is 14.")
    assert [c[:2] for c in got(text, "2024-07-10")] == [("arrests", 14)]


def test_a_place_in_several_towns_named_with_one_town():
    text = ("Since October, LFR has been deployed five times in Stratford: on the Broadway on 9 and 17 October, at "
            "Westfield on 17 October, and on the Broadway again on 16 and 30 January.")
    assert got(text, "2025-02-05")[0][4] == ("Stratford", "Broadway, Stratford", "Westfield, Stratford")
    # a table's cell, as the records print it, is one place
    text = "Date | Location | Alerts | Arrests\n17 October 2024 | Westfield, Stratford | 10 | 7"
    assert {c[4] for c in got(text, "2024-11-21")} == {("Westfield, Stratford",)}


def test_the_same_quarter_of_a_financial_year():
    text = ("In Quarter 3 2024/25 (October to December 2024), the MPS deployed LFR on 48 occasions, compared with 10 "
            "in the same quarter of 2023/24.")
    assert got(text, "2025-02-27")[-1] == ("deployments", 10, "2023-10-01", "2023-12-31", ())


def test_a_short_question_that_names_what_it_asks_for():
    text = ("Member AM: In 2023, how many deployments were there?\n\nRuth Calloway (Director of Intelligence, MPS): In "
            "2023 it was 24 deployments, and 37 arrests.\n\nMember AM: And false alerts?\n\nRuth Calloway (Director of "
            "Intelligence, MPS): Two in 2023.")
    assert got(text, "2025-01-29")[-1] == ("false_alerts", 2, "2023-01-01", "2023-12-31", ())
    # arrests after a mistaken alert are not a count the records keep: a bare "None" answers nothing
    text = ("Lord B (CB): Will the noble Baroness say how many of those arrests followed a mistaken alert?\n\n"
            "Baroness A (Lab): None, my Lords.")
    assert got(text, "2025-10-20") == []


def test_the_same_quarter_of_a_year_in_a_paper_dated_by_its_title():
    (claim,) = [c for c in extract_claims(
        "In Quarter 3 2024/25 (October to December 2024), the MPS deployed LFR on 48 occasions, compared with 10 in "
        "the same quarter of 2023/24.", D("2025-02-27"), title="London Policing Board, 27 February 2025: LFR update")
        if c.low == 10]
    assert (str(claim.period_start), str(claim.period_end)) == ("2023-10-01", "2023-12-31")


def test_a_weekday_dates_an_undated_days_this_year_and_a_month_as_subject():
    (alerts, arrests) = extract_claims("On Thursday 13 March this year we were on Lewisham High Street, where the system "
                                       "generated 18 alerts and ten people were arrested.", None,
                                       not_after=D("2026-11-01"))
    assert str(alerts.period_start) == str(arrests.period_end) == "2025-03-13"
    text = "The first half of this year showed 633 alerts. June accounted for ten of the false alerts."
    assert got(text, "2024-07-04")[-1] == ("false_alerts", 10, "2024-06-01", "2024-06-30", ())


def test_a_small_share_of_faces_is_no_count_of_faces():
    text = ("Over the summer the system generated 266 alerts, 14 of which were false. Measured against faces, that is "
            "about 0.01 per cent of the roughly 141,000 faces seen. June alone accounted for twelve of them.")
    assert not any(c[0] == "faces_seen" and c[1] == 12 for c in got(text, "2024-09-10"))
