"""The passage reader on constructions learned from verdicts 47 to 50 (tests/evidence/README.md).

Pure reader tests: scrapers/claims.py on our own sentences (invented
figures), one construction each (docs/claims.md names them).
"""

from __future__ import annotations

from scrapers.claims import extract_claims
from tests.helpers.passages import D, got


def test_rules_and_descriptions_state_no_figure():
    # "there is no match" (present tense) is how the system works, not a count of alerts
    assert got("If a person walks past the cameras and is not on the watchlist, there is no match and their "
               "biometric data is deleted immediately.", "2024-06-12") == []
    assert got("A maximum watchlist size of 16,000 images applies to each deployment.", "2024-07-30") == []
    # one of the arrested described, not a count of arrests
    assert got("One man arrested yesterday had been wanted since 2019 for a stabbing.", "2025-05-03") == []
    # but "One of those arrested … was …" is a part of the arrests (claim_subsets gives it its subset)
    assert [c[:2] for c in got("Nine people were arrested yesterday in Croydon. One of those arrested was a man wanted "
                               "on recall to prison.", "2025-05-03")] == [("arrests", 9), ("arrests", 1)]


def test_another_tools_paragraph_keeps_its_figures():
    text = ("That's operator-initiated facial recognition, OIFR. It's a separate tool from Live Facial Recognition. "
            "In the pilot in Hammersmith and Fulham, officers used it 93 times over six weeks and identified 61 people.")
    assert got(text, "2024-10-02") == []


def test_no_arrests_after_false_alerts_answers_nothing_the_records_count():
    text = ("Caroline Russell AM: How many of the people wrongly flagged were arrested?\n\n"
            "Detective Superintendent Claire Fenwick: None. No one has been arrested as a result of a false alert.")
    assert got(text, "2025-01-21") == []


def test_a_dash_that_spells_out_counts_gives_each_its_month():
    assert got("In 2022 we deployed six times – once in January, once in March, and four times in July.",
               "2024-03-15") == [("deployments", 6, "2022-01-01", "2022-12-31", ()),
                                 ("deployments", 1, "2022-01-01", "2022-01-31", ()),
                                 ("deployments", 1, "2022-03-01", "2022-03-31", ()),
                                 ("deployments", 4, "2022-07-01", "2022-07-31", ())]
    # a dash that spells out days and places (no counts) gives the count those days
    (count,) = got("LFR was deployed three times in Stratford this month – on Stratford Broadway on Thursday 3 April "
                   "and again on Tuesday 15 April, and outside Westfield on Friday 18 April.", "2025-04-20")
    assert count[:4] == ("deployments", 3, "2025-04-03", "2025-04-18")


def test_parts_of_a_whole_said_before():
    text = ("Nine people were arrested yesterday (Tuesday 11 June) after officers deployed Live Facial Recognition in "
            "Barking and in Dagenham. The deployment formed part of a wider day of action, during which officers carried "
            "out 14 stop and searches.\n\nSix of the arrests were made in Dagenham.")
    assert got(text, "2024-06-12")[-1] == ("arrests", 6, "2024-06-11", "2024-06-11", ("Dagenham",))
    text = ("The Mayor: There were 92 deployments in the first six months of the 2024/25 financial year, and they "
            "resulted in 281 arrests.\n\nOf the 92, 42 took place between July and September; the other 50 were in the "
            "first quarter.")
    assert got(text, "2024-10-10")[-2:] == [("deployments", 42, "2024-07-01", "2024-09-30", ()),
                                           ("deployments", 50, "2024-04-01", "2024-06-30", ())]
    assert got("There were 92 deployments in 2024, and 281 arrests. Of the 92, 42 were in July.", "2024-10-10")[-1] == (
        "deployments", 42, "2024-07-01", "2024-07-31", ())


def test_trials_count_as_deployments():
    assert got("The Metropolitan Police Service trialled live facial recognition on ten occasions between August 2016 "
               "and February 2019, beginning at Notting Hill Carnival.", "2024-09-10") == [
        ("deployments", 10, "2016-08-01", "2019-02-28", ())]


def test_financial_years_said_in_words():
    assert got("In the current financial year, up to the end of October, the Metropolitan Police has deployed the "
               "technology 110 times.", "2024-11-20") == [("deployments", 110, "2024-04-01", "2024-10-31", ())]
    assert got("In the financial year to date, the MPS has deployed LFR 164 times.", "2025-02-18") == [
        ("deployments", 164, "2024-04-01", "2025-02-18", ())]
    assert got("There were 92 deployments in the first six months of the 2024/25 financial year.", "2024-10-10") == [
        ("deployments", 92, "2024-04-01", "2024-09-30", ())]


def test_when_a_request_was_received_is_no_period():
    question = ("Please provide the number of Live Facial Recognition deployments for the period 1 July 2024 to "
                "30 September 2024.")
    text = ("Thank you for your request for information, which was received by the Metropolitan Police Service (MPS) on "
            "14 October 2024.\n\nIn the period requested, the MPS deployed LFR on 42 occasions.")
    (claim,) = extract_claims(text, D("2024-11-08"), question=question)
    assert (claim.low, str(claim.period_start), str(claim.period_end)) == (42, "2024-07-01", "2024-09-30")


def test_a_month_in_a_row_under_its_quarter():
    text = ("The figures are set out below by financial quarter and month.\n\n"
            "| Quarter | Month | Deployments | False alerts |\n"
            "| Q3 2024/25 | December | 13 | 0 |\n"
            "| Q4 2024/25 | January | 16 | 1 |")
    assert [c[:4] for c in got(text, "2025-05-28")] == [
        ("deployments", 13, "2024-12-01", "2024-12-31"), ("false_alerts", 0, "2024-12-01", "2024-12-31"),
        ("deployments", 16, "2025-01-01", "2025-01-31"), ("false_alerts", 1, "2025-01-01", "2025-01-31")]


def test_an_example_after_where_and_a_comparison_after_after():
    question = "How many times has Live Facial Recognition been deployed since the start of this financial year?"
    text = ("The Mayor: Eighty-four times. Westminster has seen the most deployments (13), followed by Greenwich (8), "
            "where the vans have been used in Woolwich town centre and, in May, outside the O2.")
    assert [(c.low, str(c.period_start), c.locations) for c in extract_claims(text, D("2024-09-12"), question=question)] \
        == [(84, "2024-04-01", ()), (13, "2024-04-01", ("Westminster",)), (8, "2024-04-01", ("Greenwich",))]
    assert got("The Met deployed LFR 48 times during the first quarter of 2025. March was the busiest month, with 82 "
               "arrests, after 74 in January and 77 in February.", "2025-04-14")[1:] == [
        ("arrests", 82, "2025-03-01", "2025-03-31", ()), ("arrests", 74, "2025-01-01", "2025-01-31", ()),
        ("arrests", 77, "2025-02-01", "2025-02-28", ())]
    assert got("Between January and September this year the Met deployed LFR 131 times. Those deployments led to 389 "
               "arrests, more than ten times the number in the whole of 2023. Over the same nine months there were 27 "
               "false alerts.", "2024-10-10")[1:] == [("arrests", 389, "2024-01-01", "2024-09-30", ()),
                                                      ("false_alerts", 27, "2024-01-01", "2024-09-30", ())]


def test_days_counted_from_the_day_in_hand():
    text = ("Twelve people were arrested yesterday (Thursday 17 October) in Stratford.\n\n"
            "The day before, officers on East Ham High Street arrested seven people.")
    assert got(text, "2024-10-18")[1] == ("arrests", 7, "2024-10-16", "2024-10-16", ("East Ham High Street",))
    text = ("On Tuesday (11 June), the cameras were in Barking and in Dagenham, where they generated 17 alerts.\n\n"
            "Two days later, the vans moved to Enfield, where four more people were arrested.")
    assert got(text, "2024-06-14")[1] == ("arrests", 4, "2024-06-13", "2024-06-13", ("Enfield",))


def test_since_a_holiday_a_month_last_year_and_a_first_visit():
    assert got("Across London, LFR has led to 41 arrests since New Year's Day.", "2025-01-17") == [
        ("arrests", 41, "2025-01-01", "2025-01-17", ())]
    assert got("Romford has now seen eight deployments since the cameras first came to the town in March last year.",
               "2025-02-28") == [("deployments", 8, "2024-03-01", "2025-02-28", ("Romford",))]
    assert got("Romford has now seen eight deployments since March last year.", "2025-02-28")[0][2] == "2024-03-01"
    assert got("Croydon has seen 44 arrests since we first brought LFR here on 7 December.", "2024-01-31") == [
        ("arrests", 44, "2023-12-07", "2024-01-31", ("Croydon",))]


def test_a_dateline_with_its_weekday_is_when_it_was_written():
    assert got("STRATFORD, Friday 17 January – Thirteen people were arrested yesterday after officers used Live Facial "
               "Recognition technology on Stratford Broadway.", "2025-01-17") == [
        ("arrests", 13, "2025-01-16", "2025-01-16", ("Stratford Broadway",))]


def test_places_named_with_their_days_and_a_place_in_an_aside():
    text = ("The cameras were on North End on Friday 19 January, on George Street and North End on Tuesday 23 January, "
            "and on Church Street and London Road on Thursday 25 January.\n\n"
            "The Church Street deployment generated 14 alerts.\n\n"
            "On 23 January, 18 alerts led to eight arrests, and one alert – on North End – was a false alert.\n\n"
            "The London Road deployment resulted in three arrests.")
    assert got(text, "2024-01-31")[1:] == [
        ("alerts_total", 18, "2024-01-23", "2024-01-23", ("George Street", "North End")),
        ("arrests", 8, "2024-01-23", "2024-01-23", ("George Street", "North End")),
        ("false_alerts", 1, "2024-01-23", "2024-01-23", ("North End",)),
        ("arrests", 3, "2024-01-25", "2024-01-25", ("London Road",))]
    assert got("The cameras were sited on Piccadilly, at Savoy Place and on Westminster Bridge Street on Saturday 6 "
               "May. Across the three locations, the system generated two alerts.", "2023-05-09") == [
        ("alerts_total", 2, "2023-05-06", "2023-05-06", ("Piccadilly", "Savoy Place", "Westminster Bridge Street"))]


def test_the_last_deployments_named_by_their_days_are_still_there():
    text = ("Since then the technology has been used in Walthamstow on five occasions.\n\n"
            "The last three deployments, on 22 January, 11 April and 22 April this year, generated 51 alerts.")
    assert got(text, "2025-05-12")[1] == ("alerts_total", 51, "2025-01-22", "2025-04-22", ("Walthamstow",))


def test_rolling_spans_and_their_comparisons():
    assert got("In the 12 months to the end of February this year, the Met made 661 arrests, compared with 97 arrests "
               "in the 12 months before that.", "2025-03-10") == [
        ("arrests", 661, "2024-03-01", "2025-02-28", ()), ("arrests", 97, "2023-03-01", "2024-02-29", ())]
    assert got("In Romford, the cameras have been out eight times since last March.", "2025-05-10") == [
        ("deployments", 8, "2025-03-01", "2025-05-10", ("Romford",))]
    assert got("Last year we deployed it 180 times, which compares with 24 times in 2023.", "2025-02-10") == [
        ("deployments", 180, "2024-01-01", "2024-12-31", ()), ("deployments", 24, "2023-01-01", "2023-12-31", ())]
    assert got("As at 30 April 2025, LFR had been deployed 66 times this year, with April alone accounting for 18.",
               "2025-05-10") == [("deployments", 66, "2025-01-01", "2025-04-30", ()),
                                 ("deployments", 18, "2025-04-01", "2025-04-30", ())]
    (count,) = got("The MPS has advised that since it resumed deployments of live facial recognition (LFR) in July 2022 "
                   "it has deployed the technology 18 times.", "2023-10-30")
    assert count[2:4] == ("2022-07-01", "2023-10-30")


def test_how_often_and_examples_state_no_count():
    assert got("Last year there were weeks when we were out six times.", "2025-02-10") == []
    assert [c[:2] for c in got("The Met used LFR 24 times in 2023, four times as often as in 2022.", "2025-02-10")] == [
        ("deployments", 24)]
    assert [c[:2] for c in got("Recent deployments include one in Islington on 24 September, where four alerts led to "
                               "three arrests.", "2023-10-30")] == [("alerts_total", 4), ("arrests", 3)]
    # a chain of counts keeps the first one's noun, not a noun named inside it
    assert got("The MPS records 36 arrests following a deployment in 2023 and 572 in 2024.", "2025-02-10")[-1][:2] == (
        "arrests", 572)


def test_a_corrected_answers_old_words_state_nothing():
    text = ("The correct answer should have been:\n\nIn January 2025 the MPS deployed LFR on 16 occasions, resulting in 74 "
            "arrests.\n\nThe answer previously given was:\n\nIn January 2025 the MPS deployed LFR on 16 occasions, "
            "resulting in 72 arrests.")
    assert [c[:2] for c in got(text, "2025-03-24")] == [("deployments", 16), ("arrests", 74)]


def test_whose_place_a_share_and_the_rest_have():
    text = ("In the 2024 calendar year alone the MPS deployed LFR in Croydon town centre 28 times; those deployments "
            "accounted for 122 of the 572 arrests made following an LFR alert across London that year.")
    assert [(c[1], c[4]) for c in got(text, "2025-02-17")] == [
        (28, ("Croydon town centre",)), (122, ("Croydon town centre",)), (572, ())]
    text = ("On Thursday officers were at Tooting Broadway and Clapham Junction. At Tooting Broadway, 13 alerts led to "
            "five arrests; the rest were made at Clapham Junction.")
    assert [c[4] for c in got(text, "2024-09-27")] == [("Tooting Broadway",), ("Tooting Broadway",)]
    assert got("Five people were arrested after LFR was used on Rushey Green in Catford and George Street in Croydon on "
               "Friday (20 December).", "2024-12-23") == [
        ("arrests", 5, "2024-12-20", "2024-12-20", ("Rushey Green, Catford", "George Street, Croydon"))]


def test_a_yes_or_no_part_of_the_question_scopes_nothing():
    question = ("To ask His Majesty's Government how many times the Metropolitan Police used live facial recognition "
                "over the summer; and whether it was used at this year's Notting Hill Carnival.")
    text = "The MPS deployed LFR on 44 occasions between June and August 2024, resulting in 139 arrests."
    assert [c.locations for c in extract_claims(text, D("2024-09-16"), question=question)] == [(), ()]


def test_a_reprint_counts_the_statements_words_from_the_day_it_was_made():
    # a local paper's copy, printed days later: "yesterday", weekdays and "this month" are the statement's
    text = ("The Met said on Friday (8 November):\n\n"
            "Seven people were arrested yesterday after officers used Live Facial Recognition in Ilford.")
    assert got(text, "2024-11-14") == [("arrests", 7, "2024-11-07", "2024-11-07", ("Ilford",))]
    text = ("In a statement on Thursday (20 June), the Met said:\n\n"
            "Officers arrested 13 people yesterday in Barking and Ilford.")
    assert got(text, "2024-06-26")[0][2:4] == ("2024-06-19", "2024-06-19")
    # "yesterday (Friday 10 May)" printed on 16 May: the date in brackets, and the words written on 11 May
    assert got("Three people were arrested in Kingston town centre yesterday (Friday 10 May) after officers used Live "
               "Facial Recognition technology.", "2024-05-16") == [
        ("arrests", 3, "2024-05-10", "2024-05-10", ("Kingston town centre",))]
    # "said on Monday (1 July)" is when it was said, not the figures' period
    assert got('The Metropolitan Police said on Monday (1 July) that Live Facial Recognition had been deployed "89 times '
               'in the first six months of 2024".', "2024-07-05") == [("deployments", 89, "2024-01-01", "2024-06-30", ())]


def test_a_record_this_month_is_no_period():
    text = ("Eleven people were arrested on Friday (11 April) at Walthamstow Central station and King's Cross. "
            "Walthamstow Central's 20 alerts were the most at any deployment this month.")
    assert got(text, "2025-04-17")[-1] == ("alerts_total", 20, "2025-04-11", "2025-04-11", ("Walthamstow Central",))


def test_the_first_weeks_of_this_year_and_since_where_we_first_went():
    assert got("In the first seven weeks of this year alone, officers made 109 arrests.", "2025-02-20") == [
        ("arrests", 109, "2025-01-01", "2025-02-18", ())]
    assert got("In Ilford, where we first went in June last year, officers have now been out seven times.",
               "2025-02-20") == [("deployments", 7, "2024-06-01", "2025-02-20", ("Ilford",))]
    # a reprint's second paragraph may name the release's day
    text = ("The Metropolitan Police says it has made more than 500 arrests this year.\n\n"
            "In a release dated Friday 22 November, the force said officers in Ilford made six arrests on Thursday.")
    assert got(text, "2024-12-02")[-1] == ("arrests", 6, "2024-11-21", "2024-11-21", ("Ilford",))


def test_an_undated_copy_and_a_copy_that_names_the_day_the_met_spoke_at_its_end():
    # no page date: "yesterday (Thursday 9 November)" dates the words (the weekday fixes the year)
    (claim,) = extract_claims("Six people were arrested yesterday (Thursday 9 November) in Westminster.", None,
                              not_after=D("2026-11-30"))
    assert (str(claim.period_start), claim.locations) == ("2023-11-09", ("Westminster",))
    text = ("Three people were arrested after Live Facial Recognition was used in Dalston on Tuesday, the Met said on "
            "Wednesday (12 July).")
    assert got(text, "2023-07-14")[0][2:4] == ("2023-07-11", "2023-07-11")
    # figures released on a named day are no period either
    assert got("The Metropolitan Police used Live Facial Recognition 23 times in 2023, according to figures published "
               "by the force on Friday (5 January).", "2024-01-08") == [("deployments", 23, "2023-01-01", "2023-12-31", ())]


def test_arrests_by_other_means_are_not_lfrs():
    assert got("The Met said 32 other arrests were made by officers around the stadium that evening.", "2023-11-10") == []
    assert got("The Met said the LFR arrest was separate from the 64 arrests made during the wider Coronation "
               "operation.", "2023-05-09") == []


def test_this_quarter_in_a_quarterly_paper_and_figures_published_today():
    text = ("Between April and June there were 300 alerts. Fifteen of this quarter's alerts were false alerts, 12 of "
            "them in June.")
    assert got(text, "2024-07-20")[1:] == [("false_alerts", 15, "2024-04-01", "2024-06-30", ()),
                                          ("false_alerts", 12, "2024-06-01", "2024-06-30", ())]
    assert got("The Met deployed LFR 179 times last year, according to figures published today (Tuesday, 21 "
               "January).", "2025-01-21") == [("deployments", 179, "2024-01-01", "2024-12-31", ())]
