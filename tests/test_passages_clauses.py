"""The passage reader on clauses that scope one figure of a sentence, and parts that keep the whole's scope.

Pure reader tests: scrapers/claims.py on our own sentences (invented
figures), one construction each (docs/claims.md names them).
"""

from __future__ import annotations

from scrapers.claims import extract_claims
from tests.helpers.passages import D, got


def test_a_when_clause_after_a_day_is_that_days():
    text = ("LFR has been deployed in Sutton town centre four times since it was first used there in April last year, "
            "most recently on the High Street on Tuesday 11 February, when two people were arrested.")
    assert got(text, "2025-03-04") == [
        ("deployments", 4, "2024-04-01", "2025-03-04", ("Sutton town centre",)),
        ("arrests", 2, "2025-02-11", "2025-02-11", ("Sutton town centre",))]
    # the narrowest of the words that name the day
    (claim,) = got("Officers were back on North End on Tuesday this week, when four people were arrested.", "2025-03-14")
    assert claim[2:4] == ("2025-03-11", "2025-03-11")


def test_a_where_clause_after_a_split_place_is_that_places():
    text = ("Five people were arrested yesterday (Friday 20 December) after officers used LFR on George Street in Croydon "
            "and on Rushey Green in Catford.\n\nFour of those arrests were made in Croydon, where the cameras generated "
            "seven alerts.")
    assert got(text, "2024-12-21")[1:] == [("arrests", 4, "2024-12-20", "2024-12-20", ("Croydon",)),
                                           ("alerts_total", 7, "2024-12-20", "2024-12-20", ("Croydon",))]


def test_places_named_after_with_colleagues_are_some_of_the_count():
    text = ("Across the capital, LFR was out four times this week, with colleagues at Oxford Circus on Tuesday and on "
            "South Street in Romford yesterday.")
    assert got(text, "2025-02-28") == [("deployments", 4, "2025-02-24", "2025-02-28", ())]


def test_the_same_quarter_last_year_after_a_month_is_that_months_quarter():
    text = ("In Quarter 2 of 2024/25 (July to September 2024), the MPS deployed LFR 42 times. In September alone there "
            "were 14 deployments.\n\nIn the same quarter last year, LFR was used on six occasions.")
    assert got(text, "2024-10-10")[-1] == ("deployments", 6, "2023-07-01", "2023-09-30", ())


def test_a_days_alerts_none_of_them_false():
    """ "None of yesterday's 21 alerts was false": the 21 are the day's alerts (all its places), none false."""
    text = ("Ten people were arrested yesterday (Tuesday 3 December) after officers deployed LFR on Kingsland High "
            "Street in Dalston and on Powis Street in Woolwich.\n\nIn Dalston, the cameras generated 12 alerts.\n\n"
            "None of yesterday's 21 alerts was false.")
    both = ("Kingsland High Street", "Powis Street")
    assert got(text, "2024-12-04")[-2:] == [("false_alerts", 0, "2024-12-03", "2024-12-03", both),
                                            ("alerts_total", 21, "2024-12-03", "2024-12-03", both)]


def test_a_part_in_its_own_period_leaves_the_whole_as_the_scene():
    text = ("The MPS has advised that it deployed LFR on 179 occasions in 2024. These deployments resulted in 572 "
            "arrests, 183 of which were made in the final quarter of the year.\n\nOver the same period, the MPS "
            "recorded 26 false alerts.")
    assert got(text, "2025-01-21")[1:] == [("arrests", 572, "2024-01-01", "2024-12-31", ()),
                                           ("arrests", 183, "2024-10-01", "2024-12-31", ()),
                                           ("false_alerts", 26, "2024-01-01", "2024-12-31", ())]


def test_people_wanted_by_police_or_the_courts_were_arrested():
    (claim,) = got("Seventeen people wanted by police or the courts were arrested last week after officers used LFR in "
                   "Croydon and Tooting.", "2024-03-26")
    assert claim == ("arrests", 17, "2024-03-18", "2024-03-24", ("Croydon", "Tooting"))


def test_another_tactic_set_apart_leaves_the_rest_lfrs():
    """A release that ends "a separate knife arch operation … led to two further arrests" still states LFR's
    arrests before it; a passage that mixes tactics without setting them apart does not."""
    lfr = ("Officers used LFR in Croydon yesterday. In Croydon, 14 people were arrested.\n\n")
    apart = "A separate knife arch operation outside West Croydon station led to two further arrests."
    mixed = "Officers also used a knife arch outside West Croydon station."
    assert [c[:2] for c in got(lfr + apart, "2024-03-26")] == [("arrests", 14)]
    assert got(lfr + mixed, "2024-03-26") == []


def test_a_whole_said_again_is_no_second_claim():
    text = "Seven people were arrested in Camden yesterday. Four of the seven were wanted on recall to prison."
    assert [c[:2] for c in got(text, "2024-07-15")] == [("arrests", 7), ("arrests", 4)]
    # … but a whole first named as the part's is a claim
    first = "Those arrested were wanted for offences including robbery. Eleven of the 31 were wanted for violent offences."
    assert ("arrests", 31) in [c[:2] for c in got(first, "2024-07-15")]


def test_a_street_named_again_keeps_its_town():
    text = ("Seventeen people were arrested last week after officers used LFR in Croydon and Tooting.\n\n"
            "The technology was deployed four times during the week: on Church Street and North End in Croydon town "
            "centre on Tuesday, and on North End again and outside Tooting Broadway station on Thursday.\n\n"
            "In Croydon, 14 people were arrested.")
    assert got(text, "2024-03-26")[-1] == ("arrests", 14, "2024-03-19", "2024-03-21", ("Croydon",))


def test_each_month_of_the_question_keeps_the_place_it_asked_about():
    question = ("Please provide the number of live facial recognition deployments, alerts and arrests in Croydon town "
                "centre for October and November.")
    text = "October: 1 deployment, 9 alerts, 4 arrests\nNovember: 2 deployments, 34 alerts, 14 arrests"
    got_ = [(c.low, c.period_start.isoformat(), c.locations)
            for c in extract_claims(text, D("2025-01-13"), question=question)]
    assert got_[3:] == [(2, "2024-11-01", ("Croydon town centre",)), (34, "2024-11-01", ("Croydon town centre",)),
                        (14, "2024-11-01", ("Croydon town centre",))]


def test_the_first_two_of_a_set_stay_at_its_place():
    text = ("LFR has been deployed in Sutton town centre four times since it was first used there in April last year. "
            "In total, the four deployments in Sutton have led to nine arrests. The first two, both in April, accounted "
            "for six of them.")
    assert got(text, "2025-03-04")[-1] == ("arrests", 6, "2024-04-01", "2024-04-30", ("Sutton",))


def test_days_each_with_its_place_in_brackets():
    text = ("The MPS deployed LFR in the London Borough of Lewisham eight times in 2024. Further deployments followed on "
            "5 April (Lewisham), 23 April and 20 August (both Catford), 6 September (Lewisham), 5 December (Lewisham "
            "High Street) and 20 December (Rushey Green, Catford).\n\nThe busiest single deployment was on 5 December, "
            "when 14 alerts resulted in five arrests.")
    assert got(text, "2025-06-19")[-2:] == [("alerts_total", 14, "2024-12-05", "2024-12-05", ("Lewisham High Street",)),
                                            ("arrests", 5, "2024-12-05", "2024-12-05", ("Lewisham High Street",))]


def test_places_listed_after_a_colon_with_an_item_that_has_none_are_examples():
    text = ("In 2022 LFR was used six times: at Oxford Circus in January, in Leicester Square in March and, following "
            "the publication of a revised policy, again in July.")
    assert got(text, "2024-12-01") == [("deployments", 6, "2022-01-01", "2022-12-31", ())]
    # every item with its place: the places are the count's
    text = "In May LFR was used three times: at Oxford Circus on 3 and 10 May, and at Stratford on 12 May."
    assert got(text, "2024-12-01")[0][4] == ("Oxford Circus", "Stratford")


def test_since_we_first_did_something_somewhere_in_a_month():
    for text, first in [
            ("Since we started using Live Facial Recognition (LFR) in Romford town centre in March, the vans have been "
             "out six times.", "2024-03-01"),
            ("Since we first went there in December 2023 we have deployed 34 times.", "2023-12-01"),
            ("Since we first brought the vans to Kingston in May 2024 they have led to 6 arrests.", "2024-05-01")]:
        assert got(text, "2024-12-02")[0][2:4] == (first, "2024-12-02")


def test_the_place_of_a_part_is_not_the_scene_for_what_follows():
    text = ("Seven people were arrested in Croydon yesterday (Thursday, 7 December) after officers used LFR on North "
            "End and George Street.\n\nThree of those arrests were made on North End.\n\nOne alert was confirmed as a "
            "false alert.")
    assert got(text, "2023-12-08")[-1] == ("false_alerts", 1, "2023-12-07", "2023-12-07",
                                          ("Croydon", "North End", "George Street"))


def test_the_lines_of_a_breakdown_keep_the_place_of_the_sentence_that_introduced_them():
    text = ("The MPS has advised that, up to the end of April, LFR was deployed in Croydon town centre 17 times this year, "
            "resulting in 68 arrests. By month:\n\nJanuary: 6 deployments, 29 arrests\nFebruary: 4 deployments, 18 "
            "arrests")
    assert [c[4] for c in got(text, "2024-05-16")] == [("Croydon town centre",)] * 6


def test_a_correction_that_says_what_the_figure_should_have_read():
    question = "How many arrests followed live facial recognition deployments in Stratford between 1 January and 30 April 2025?"
    text = ("My answer to this question, published on 22 May 2025, stated that there had been 35 arrests. The MPS has "
            "since advised that this figure omitted the deployment at Westfield Stratford City on 30 April. The figure "
            "given previously, 35, should have read 40.\n\nOver the period, LFR was deployed in Stratford seven times.")
    assert [(c.metric, c.low, c.period_start.isoformat(), c.period_end.isoformat(), c.locations)
            for c in extract_claims(text, D("2025-06-12"), question=question)] == [
        ("arrests", 40, "2025-01-01", "2025-04-30", ("Stratford",)),
        ("deployments", 7, "2025-01-01", "2025-04-30", ("Stratford",))]
    assert got("We should have made 40 arrests.", "2025-06-12") == []  # what should have happened: no figure


def test_the_whole_a_part_is_of_keeps_its_own_scope():
    text = ("The MPS has advised that LFR was deployed six times across Barking and Dagenham, Havering and Redbridge in "
            "February, leading to 33 arrests.\n\nOne of the 81 alerts generated across the month, at Dagenham Heathway "
            "on 6 February, was a false alert.")
    alerts = next(c for c in got(text, "2025-03-06") if c[1] == 81)
    assert alerts[2:] == ("2025-02-01", "2025-02-28", ("Barking and Dagenham", "Havering", "Redbridge"))


def test_a_round_estimate_under_an_estimate_label_is_approximate():
    (claim,) = extract_claims("Faces seen (estimated): 73,500", D("2024-07-25"))
    assert (claim.qualifier, claim.low, claim.high) == ("approximately", 69825, 77175)


def test_the_set_named_again_in_its_own_sentence_is_every_place_and_day_of_it():
    text = ("Live facial recognition was used in Croydon town centre twice in March, outside West Croydon station on 5 "
            "March and on North End on 22 March, and the two deployments led to 12 arrests from 35 alerts.")
    assert [c[:4] for c in got(text, "2025-04-10")] == [("deployments", 2, "2025-03-05", "2025-03-22"),
                                                        ("arrests", 12, "2025-03-05", "2025-03-22"),
                                                        ("alerts_total", 35, "2025-03-05", "2025-03-22")]


def test_the_corrected_figure_takes_the_scope_of_the_one_it_replaces():
    text = ("Of those arrests, 84 were made in April.\n\nIn my answer to question 2025/1187 I gave the number of "
            "deployments in March as 15; the correct figure is 16.")
    assert got(text, "2025-05-22")[-1][:4] == ("deployments", 16, "2025-03-01", "2025-03-31")


def test_since_first_used_in_the_borough_of_a_two_part_name():
    text = "Since LFR was first used in the borough of Barking and Dagenham, on 11 June, 14 arrests have followed."
    assert got(text, "2024-06-20") == [("arrests", 14, "2024-06-11", "2024-06-20", ("Barking and Dagenham",))]


def test_a_count_spelled_out_by_month_after_a_colon():
    text = "The MPS deployed LFR on six occasions in 2022: once in January, once in March and four times in July."
    assert [c[1:4] for c in got(text, "2023-02-14")] == [
        (6, "2022-01-01", "2022-12-31"), (1, "2022-01-01", "2022-01-31"), (1, "2022-03-01", "2022-03-31"),
        (4, "2022-07-01", "2022-07-31")]


def test_taken_to_a_borough_and_the_borough_again():
    text = ("In the past 12 months we've taken Live Facial Recognition to Barking and Dagenham nine times. Last month "
            "alone, the cameras led to 13 arrests in the borough, ten of them in Barking.")
    assert [c[:2] + c[4:] for c in got(text, "2025-03-03")] == [
        ("deployments", 9, ("Barking and Dagenham",)), ("arrests", 13, ("Barking and Dagenham",)),
        ("arrests", 10, ("Barking",))]


def test_the_same_day_after_a_span_is_the_day_the_story_is_about():
    text = ("Seven people were arrested in Croydon yesterday (Tuesday, 30 January) after officers deployed LFR on Church "
            "Street.\n\nLFR has been deployed in Croydon town centre ten times since it was first used there on 7 "
            "December, taking the total number of arrests to 46.\n\nOn the same day, officers using LFR in Westminster "
            "made one arrest.")
    assert got(text, "2024-01-31")[-1] == ("arrests", 1, "2024-01-30", "2024-01-30", ("Westminster",))


def test_a_bare_figure_about_it_counts_what_it_led_to():
    text = ("So far this year it's led to just over 300 arrests. We've been out about 60 times since January. In the "
            "past 12 months it's north of 700.")
    assert [c[:2] for c in got(text, "2025-04-25")] == [("arrests", 301), ("deployments", 57), ("arrests", 701)]


def test_a_name_no_area_has_is_the_fuller_place_said_before():
    text = ("Over the period, LFR was deployed in Stratford seven times: four times on Stratford Broadway and three times "
            "at Westfield Stratford City. The Westfield deployments accounted for 17 of the arrests.")
    assert got(text, "2025-06-12")[-1][4] == ("Westfield Stratford City",)


def test_arrests_after_lfr_used_as_part_of_a_wider_operation_are_lfrs():
    text = ("Eight people were arrested in Croydon town centre yesterday (Thursday, 14 December) after officers used Live "
            "Facial Recognition (LFR) as part of a wider operation to keep Christmas shoppers safe.\n\nAlongside the "
            "cameras, officers carried out 14 stop and searches.")
    assert [c[:2] for c in got(text, "2023-12-15")] == [("arrests", 8)]


def test_a_month_last_year():
    text = "Compare that with February last year, when we deployed 12 times and made 29 arrests."
    assert [c[:4] for c in got(text, "2025-02-26")] == [("deployments", 12, "2024-02-01", "2024-02-29"),
                                                        ("arrests", 29, "2024-02-01", "2024-02-29")]
    (claim,) = got("On 13 November last year, 11 people were arrested on North End.", "2025-03-01")
    assert claim[2:4] == ("2024-11-13", "2024-11-13")


def test_a_whole_and_its_months_after_a_comma_and_the_figure_after_them():
    text = ("So far this year we have deployed it 32 times, 16 in January and 16 in February, and those deployments have "
            "led to 149 arrests.")
    assert [c[:4] for c in got(text, "2025-03-04")] == [
        ("deployments", 32, "2025-01-01", "2025-03-04"), ("deployments", 16, "2025-01-01", "2025-01-31"),
        ("deployments", 16, "2025-02-01", "2025-02-28"), ("arrests", 149, "2025-01-01", "2025-03-04")]


def test_parts_of_those_arrests_leave_the_same_period_to_the_whole():
    text = ("As of 8 May 2025, 333 people had been arrested following an LFR alert this year.\n\nOf those arrests, 74 "
            "were made in January and 86 in April.\n\nBy comparison, in the same period of 2024 there were 170 arrests.")
    assert got(text, "2025-05-09")[-1][:4] == ("arrests", 170, "2024-01-01", "2024-05-08")


def test_compares_with_the_same_quarter_last_year():
    text = ("LFR was deployed 48 times between January and March 2025. The MPS compares this with the same quarter last "
            "year, when LFR was deployed 39 times.")
    assert got(text, "2025-04-15")[-1][:4] == ("deployments", 39, "2024-01-01", "2024-03-31")


def test_the_second_months_part_with_its_verb_left_out():
    text = "Of those arrests, 74 were made in January and 86 in April."
    before = "As of 8 May 2025, 333 people had been arrested following an LFR alert this year. "
    assert [c[:4] for c in got(before + text, "2025-05-09")][1:] == [("arrests", 74, "2025-01-01", "2025-01-31"),
                                                                   ("arrests", 86, "2025-04-01", "2025-04-30")]


def test_another_tactics_place_and_the_same_two_streets():
    text = ("The MPS has advised that LFR was deployed four times in June 2024 as part of the weeks of action, which also "
            "included additional patrols and knife arches at Barking and Ilford stations.")
    assert got(text, "2024-07-18") == [("deployments", 4, "2024-06-01", "2024-06-30", ())]
    text = ("Eight people were arrested yesterday (Thursday, 14 December) after officers used LFR on George Street and on "
            "North End.\n\nOn North End, 11 alerts led to six arrests.\n\nLast Thursday (7 December), seven people were "
            "arrested following alerts on the same two streets.")
    assert got(text, "2023-12-15")[-1] == ("arrests", 7, "2023-12-07", "2023-12-07", ("George Street", "North End"))


def test_a_day_labelled_line_is_that_days():
    text = ("Between January and June 2024 LFR was deployed in Woolwich five times, resulting in 34 arrests:\n\n"
            "28 March 2024: 6 arrests\n9 April 2024: 6 arrests\n18 April 2024: 7 arrests")
    assert [c[1:4] for c in got(text, "2025-04-24")][2:] == [(6, "2024-03-28", "2024-03-28"), (6, "2024-04-09", "2024-04-09"),
                                                            (7, "2024-04-18", "2024-04-18")]


def test_a_kind_of_alert_split_by_month_after_a_comma():
    text = ("Between January and March 2024 the deployments generated 171 alerts. Two of the alerts in that period were "
            "false alerts, one in January and one in February.")
    assert [c[:4] for c in got(text, "2024-05-16")][1:] == [
        ("false_alerts", 2, "2024-01-01", "2024-03-31"), ("false_alerts", 1, "2024-01-01", "2024-01-31"),
        ("false_alerts", 1, "2024-02-01", "2024-02-29")]


def test_a_part_in_its_month_and_a_part_of_it_on_its_own_day_and_place():
    text = ("Fifteen of the alerts in that period were false alerts. Ten of these occurred in June, including three at a "
            "single deployment in Brent on 28 June.")
    assert got(text, "2024-09-11")[1:] == [("false_alerts", 10, "2024-06-01", "2024-06-30", ()),
                                           ("false_alerts", 3, "2024-06-28", "2024-06-28", ("Brent",))]
    (whole, part) = got("Live facial recognition was deployed 231 times in 2025, including 38 in Croydon.", "2026-03-10")
    assert part == ("deployments", 38, "2025-01-01", "2025-12-31", ("Croydon",))


def test_a_total_taken_to_a_figure_has_the_totals_period():
    (claim,) = got("This week's deployments take the number of arrests made following an LFR alert so far this year to "
                   "541.", "2024-06-14")
    assert claim[:4] == ("arrests", 541, "2024-01-01", "2024-06-14")


def test_a_command_units_area_is_kept_so_the_count_is_not_read_for_all_london():
    (claim,) = got("Two LFR deployments in the South East this week.", "2025-03-28")
    assert claim[4] == ("South East",)


def test_a_pilots_start_named_after_its_figures_dates_them():
    text = ("More than 80 wanted people have been arrested within the first three months of a new LFR pilot in "
            "Harrow.\n\nThe cameras are fixed to street furniture, so no van is needed.\n\nThe pilot, which ran from "
            "March, has also cut robbery in the town centre by 9%.")
    (claim,) = extract_claims(text, D("2026-06-20"))
    # any day of March: its first three months end on 30 June at the latest, and never after the statement
    assert (claim.low, claim.period_start, claim.period_end) == (81, D("2026-03-01"), D("2026-06-20"))
    assert (claim.period_words, claim.period_source) == ("from March; within the first three months", "later_sentence")
    # a pilot said to have begun in a month: from then on, and its first months from that month
    text = "The trial began in May 2026. Since it began, 40 people have been arrested."
    assert got(text, "2026-09-01") == [("arrests", 40, "2026-05-01", "2026-09-01", ())]
    text = "The Harrow pilot started on 2 March 2026. In the first three months, 70 arrests were made."
    assert got(text, "2026-09-01") == [("arrests", 70, "2026-03-02", "2026-06-01", ())]
    # two starts named: which one a figure is about is not known
    text = ("More than 80 people have been arrested during the pilot. The pilot began in March in Harrow, and a "
            "second pilot started in June in Ealing.")
    assert got(text, "2026-09-01")[0][2] is None


def test_a_part_of_the_whole_in_its_own_period_keeps_the_wholes_places():
    text = ("Between 1 January and 31 March 2026 LFR was deployed three times in Harrow, leading to 20 arrests. Eight of "
            "those arrests were made on 14 January.")
    assert got(text, "2026-04-10")[2] == ("arrests", 8, "2026-01-14", "2026-01-14", ("Harrow",))
    # "In Harrow town centre there were 9 … and 7 …": the sentence's place for both, and where the second stopped
    text = "In Harrow town centre there were 9 deployments in 2024/25 and 7 in 2025/26 up to the end of January."
    assert got(text, "2026-02-20") == [("deployments", 9, "2024-04-01", "2025-03-31", ("Harrow town centre",)),
                                       ("deployments", 7, "2025-04-01", "2026-01-31", ("Harrow town centre",))]


def test_spans_ending_at_a_named_point():
    assert got("In the financial year to March 2026, LFR was deployed 90 times.", "2026-05-01") == [
        ("deployments", 90, "2025-04-01", "2026-03-31", ())]
    assert got("There were 150 deployments in the two years to the end of 2025.", "2026-03-01") == [
        ("deployments", 150, "2024-01-01", "2025-12-31", ())]
    assert got("That is double the 40 arrests made in the first three months of last year.", "2026-04-14") == [
        ("arrests", 40, "2025-01-01", "2025-03-31", ())]


def test_counts_for_periods_listed_in_order():
    assert got("The MPS deployed LFR 30 and 90 times in 2024 and 2025 respectively.", "2026-03-01") == [
        ("deployments", 30, "2024-01-01", "2024-12-31", ()), ("deployments", 90, "2025-01-01", "2025-12-31", ())]
    assert got("The MPS says 120 arrests followed an LFR alert in 2024-25 and 300 in 2025-26.", "2026-06-01") == [
        ("arrests", 120, "2024-04-01", "2025-03-31", ()), ("arrests", 300, "2025-04-01", "2026-03-31", ())]
    assert got("There were 30 deployments in 2024 and 90 in 2025.", "2026-03-01") == [
        ("deployments", 30, "2024-01-01", "2024-12-31", ()), ("deployments", 90, "2025-01-01", "2025-12-31", ())]
    text = "February brought 40 arrests from the same number of deployments, and March was the busiest month, with 52 arrests."
    assert [c[1:4] for c in got(text, "2026-04-10")] == [(40, "2026-02-01", "2026-02-28"), (52, "2026-03-01", "2026-03-31")]


def test_an_example_with_its_own_day_is_that_days():
    text = "Last year the MPS used LFR on 30 occasions, including two deployments in Westminster on 6 May."
    assert got(text, "2026-02-15") == [("deployments", 30, "2025-01-01", "2025-12-31", ()),
                                       ("deployments", 2, "2025-05-06", "2025-05-06", ("Westminster",))]
    text = ("Before this, the MPS last used LFR in January and March of this year, and before that in February 2024, "
            "when it deployed the technology four times.")
    assert got(text, "2026-08-10") == [("deployments", 4, "2024-02-01", "2024-02-29", ())]


def test_words_that_are_no_count():
    for text, expected in (
            ("There were 9 false alerts over the summer, and none of those wrongly flagged was arrested.",
             [("false_alerts", 9)]),
            ("No deployment lasted more than six hours.", []),
            # (while "around 15,000" for each is a figure for review: what each held, as officials say it)
            ("The watchlist for each deployment contained around 15,000 images.", [("watchlist_size", 14250)]),
            ("Two deployments planned for 23 and 24 December were stood down because of officer abstractions.", [])):
        assert [c[:2] for c in got(text, "2026-01-20")] == expected, text
    text = "In July, two of the eight alerts generated over three deployments at Oxford Circus were false."
    assert ("deployments", 3) in [c[:2] for c in got(text, "2026-08-05")]  # "over" is across, not more than


def test_the_mets_share_and_a_change_from_the_year_before():
    text = ("Over the whole of 2025, forces in England and Wales made more than 900 arrests following LFR alerts, of "
            "which the Metropolitan Police made 800.")
    assert got(text, "2026-03-01") == [("arrests", 800, "2025-01-01", "2025-12-31", ())]
    text = "Arrests following an LFR alert rose to 800 in 2025, from 570 the year before."
    assert got(text, "2026-03-01") == [("arrests", 800, "2025-01-01", "2025-12-31", ()),
                                       ("arrests", 570, "2024-01-01", "2024-12-31", ())]
    (claim,) = extract_claims("In 2025 the deployments led to 800 arrests of people who were wanted by the police or the "
                              "courts, or who were in breach of their conditions.", D("2026-03-01"))
    assert claim.subset is None  # who LFR's arrests are, not a part of them


def test_a_corrected_figure_replaces_the_one_said_before():
    text = ("In my evidence I said that LFR had been deployed 117 times in 2025 up to the end of September. The correct "
            "figure is 131.")
    assert got(text, "2025-11-20") == [("deployments", 131, "2025-01-01", "2025-09-30", ())]


def test_a_period_inside_the_one_pointed_back_to_keeps_its_places():
    text = ("Since the Met started using LFR in Romford town centre in March last year, the vans have been deployed "
            "there eight times. There had been one false alert in that time, in April last year.")
    assert got(text, "2026-03-04")[1] == ("false_alerts", 1, "2025-04-01", "2025-04-30", ("Romford town centre",))


def test_a_record_so_far_this_year_is_no_period_and_london_road_is_a_street():
    text = ("Eleven people were arrested on Friday (2 May) after LFR deployments outside Bond Street station and on "
            "London Road in Croydon.\n\nThe London Road deployment generated 22 alerts, the highest number at a single "
            "Croydon deployment so far this year.")
    assert got(text, "2025-05-06")[1] == ("alerts_total", 22, "2025-05-02", "2025-05-02", ("London Road",))
    # a street with its town, in a table's cell or a day's line, is one place
    text = "Officers were at the following sites:\n\n12 December 2024: North End, Croydon, 11 alerts, 8 arrests"
    assert got(text, "2025-01-09")[0] == ("alerts_total", 11, "2024-12-12", "2024-12-12", ("North End, Croydon",))
    text = "| Date | Location | Alerts |\n|---|---|---|\n| 09/02/2024 | Croydon, George St | 5 |"
    assert got(text, "2024-05-02") == [("alerts_total", 5, "2024-02-09", "2024-02-09", ("George St, Croydon",))]


def test_rows_pasted_from_a_pdf_take_their_own_days_and_months():
    text = ("Week 49 summary (2 – 8 December 2024)\n\nDate     Location                       Alerts    Arrests\n"
            "03/12    Kingsland High St, Dalston     12        5\n05/12    High St, Lewisham              14        6")
    assert [c[:4] for c in got(text, "2024-12-09")] == [
        ("alerts_total", 12, "2024-12-03", "2024-12-03"), ("arrests", 5, "2024-12-03", "2024-12-03"),
        ("alerts_total", 14, "2024-12-05", "2024-12-05"), ("arrests", 6, "2024-12-05", "2024-12-05")]
    text = ("Table 3: LFR deployments and arrests by quarter, 2024\nQuarter      Deployments    Arrests\n"
            "Jan – Mar    39             118\nApr – Jun    50             145")
    assert [c[:4] for c in got(text, "2025-03-20")] == [
        ("deployments", 39, "2024-01-01", "2024-03-31"), ("arrests", 118, "2024-01-01", "2024-03-31"),
        ("deployments", 50, "2024-04-01", "2024-06-30"), ("arrests", 145, "2024-04-01", "2024-06-30")]


def test_a_numbered_paragraph_ending_in_a_colon_scopes_the_bullets_under_it():
    text = ("3. The MPS deployed LFR 66 times between 1 January and 30 April 2025.\n\n4. The locations used most often "
            "in the first four months of 2025 were:\n\n• Wembley Central – 4 deployments, 24 arrests")
    assert got(text, "2025-06-12")[1:] == [("deployments", 4, "2025-01-01", "2025-04-30", ("Wembley Central",)),
                                           ("arrests", 24, "2025-01-01", "2025-04-30", ("Wembley Central",))]
    # when a report was made is not what its figures cover
    text = ("London Policing Ethics Panel\nLive facial recognition: review, January to June 2024\nReport to MOPAC, "
            "October 2024\n\n3.5 Officers engaged with 586 people following an alert.")
    assert got(text, "2024-10-14") == [("engagements", 586, "2024-01-01", "2024-06-30", ())]


def test_a_member_of_the_set_then_the_set_again():
    text = ("LFR was first deployed in Romford town centre on 28 March 2024. Since then it has been deployed there eight "
            "times.\n\nThe most recent deployment, on South Street on 27 February 2025, resulted in six arrests.\n\n"
            "The deployments in 2024 accounted for 19 of the arrests; the two deployments in February 2025 accounted for "
            "the remaining ten.")
    assert got(text, "2025-03-10")[1:] == [
        ("arrests", 6, "2025-02-27", "2025-02-27", ("South Street",)),
        ("arrests", 19, "2024-01-01", "2024-12-31", ("Romford town centre",)),
        ("arrests", 10, "2025-02-01", "2025-02-28", ("Romford town centre",))]


def test_parts_that_make_the_whole_give_it_their_places():
    text = "The MPS deployed LFR six times in December 2023, at four sites in Croydon town centre and two near Selhurst Park."
    assert got(text, "2024-02-05")[0] == ("deployments", 6, "2023-12-01", "2023-12-31",
                                          ("Croydon town centre", "Selhurst Park"))
    assert got("One further deployment, in October, was stood down before going live.", "2024-11-05") == []


def test_the_previous_quarter_is_the_one_before_the_quarter_named():
    text = "In Quarter 3 2025/26 (October to December 2025), there were 60 deployments. In the previous quarter, there were 50 deployments."
    assert [c[2:4] for c in got(text, "2026-01-20")] == [("2025-10-01", "2025-12-31"), ("2025-07-01", "2025-09-30")]
    assert got("Alerts rose to 400 in Quarter 3 2025/26, from 300 in the previous quarter.", "2026-01-20")[1][2:4] == (
        "2025-07-01", "2025-09-30")
    # with no quarter named, the quarter before the statement's
    assert got("In the previous quarter, there were 48 deployments.", "2026-01-20")[0][2:4] == ("2025-10-01", "2025-12-31")


def test_periods_officials_state_that_are_easy_to_misread():
    assert got("LFR helped officers arrest 800 people last year, according to figures published by the Met today.",
               "2026-01-11") == [("arrests", 800, "2025-01-01", "2025-12-31", ())]
    text = ("In the year to date, officers have deployed LFR four times – compared with once in the same period last year "
            "– and those deployments have led to 15 arrests.")
    assert [(c[0], c[1], c[2], c[3]) for c in got(text, "2026-01-11") if c[1] != 1] == [
        ("deployments", 4, "2026-01-01", "2026-01-11"), ("arrests", 15, "2026-01-01", "2026-01-11")]
    assert got("In the 2025/26 financial year, which ended on 31 March, LFR was deployed 200 times.", "2026-06-26") == [
        ("deployments", 200, "2025-04-01", "2026-03-31", ())]
    assert got("Up to and including 30 April, the total for the 2026 calendar year was 70 deployments.", "2026-06-26") == [
        ("deployments", 70, "2026-01-01", "2026-04-30", ())]
    text = ("The MPS returned to North End on Wednesday 12 November 2025. In the 10 weeks since, LFR has been used there "
            "three times.")
    assert got(text, "2026-01-22") == [("deployments", 3, "2025-11-12", "2026-01-22", ("North End",))]
    assert got("Since we started using it in Croydon in December 2024, LFR has been deployed in the town centre 40 times.",
               "2026-03-10") == [("deployments", 40, "2024-12-01", "2026-03-10", ("Croydon town centre",))]
    text = ("LFR helped officers arrest 300 people across the summer, well above the 200 arrested in the same period "
            "last year.")
    assert [c[1:4] for c in got(text, "2026-09-10")] == [(300, "2026-06-01", "2026-08-31"),
                                                         (200, "2025-06-01", "2025-08-31")]
    text = "LFR has now led to more than 2,000 arrests in London, and in March alone the Met made 90 arrests."
    assert [c[1:4] for c in got(text, "2026-05-15")] == [(2001, None, "2026-05-15"), (90, "2026-03-01", "2026-03-31")]


def test_between_the_two_dates_the_question_named():
    (claim,) = extract_claims(
        "Between the two dates, the MPS deployed LFR 24 times.", D("2026-04-02"),
        question="The consultation opened on 3 February and closed on 17 March 2026. How many deployments took place?")
    assert (claim.period_start, claim.period_end, claim.period_source) == (D("2026-02-03"), D("2026-03-17"), "question")


def test_a_part_by_a_date_keeps_the_whole_for_the_same_period_last_year():
    text = ("Between 1 January and 30 April 2026 inclusive, LFR led to 400 arrests.\n\nBy the end of March, 300 of those "
            "arrests had already been made.\n\nThis compares with 200 arrests in the same period last year.")
    assert got(text, "2026-05-20")[-1][1:4] == (200, "2025-01-01", "2025-04-30")


def test_some_of_the_set_are_examples_not_its_scope():
    assert got("In December alone, officers used LFR six times, most of them in Croydon town centre.", "2026-01-05") == [
        ("deployments", 6, "2025-12-01", "2025-12-31", ())]
    text = ("Across this week's four deployments, which also took in Walthamstow Town Square and Walworth Road on "
            "Wednesday, officers made 18 arrests.")
    assert [c[:4] for c in got(text, "2026-01-24")] == [("deployments", 4, "2026-01-19", "2026-01-24"),
                                                        ("arrests", 18, "2026-01-19", "2026-01-24")]
    text = "LFR has now been deployed three times this month: at Stratford on 11 February and twice at Oxford Circus."
    assert got(text, "2026-02-28") == [("deployments", 3, "2026-02-01", "2026-02-28", ()),
                                       ("deployments", 2, "2026-02-01", "2026-02-28", ("Oxford Circus",))]


def test_a_turned_table_under_a_line_about_lfr_counts_its_bare_rows():
    text = ("The number of arrests following an LFR alert rose to 190.\n\n"
            "Measure                 Q2 2025/26    Q3 2025/26    Change\n"
            "Deployments             50            60            +20%\n"
            "Arrests                 150           190           +27%")
    assert [c[:4] for c in got(text, "2026-02-10")][1:] == [
        ("deployments", 50, "2025-07-01", "2025-09-30"), ("deployments", 60, "2025-10-01", "2025-12-31"),
        ("arrests", 150, "2025-07-01", "2025-09-30"), ("arrests", 190, "2025-10-01", "2025-12-31")]
    # under a line about another tactic, a bare "Arrests" row is not LFR's
    text = ("Stop and search continued across London.\n\nMeasure     Q2 2025/26    Q3 2025/26\n"
            "Arrests     150           190")
    assert got(text, "2026-02-10") == []


def test_a_count_spelled_out_by_places_and_days_before_what_they_led_to():
    text = ("In the year to date, the cameras have been used twice, on North End on 26 February and at West Croydon on "
            "4 March, resulting in 15 arrests.")
    assert got(text, "2026-03-10")[0] == ("deployments", 2, "2026-02-26", "2026-03-04", ("North End", "West Croydon"))


def test_lines_of_figures_labelled_by_month_with_a_dash():
    text = ("The Met has provided the following figures for Bromley, this financial year to date:\n\n"
            "April – 3 deployments, 9 arrests\nMay – 5 deployments, 12 arrests\nJune (to 20 June) – 1 deployment, 2 arrests")
    assert got(text, "2025-06-25") == [
        ("deployments", 3, "2025-04-01", "2025-04-30", ("Bromley",)), ("arrests", 9, "2025-04-01", "2025-04-30", ("Bromley",)),
        ("deployments", 5, "2025-05-01", "2025-05-31", ("Bromley",)), ("arrests", 12, "2025-05-01", "2025-05-31", ("Bromley",)),
        ("deployments", 1, "2025-06-01", "2025-06-20", ("Bromley",)), ("arrests", 2, "2025-06-01", "2025-06-20", ("Bromley",))]


def test_all_year_is_this_year_so_far_but_all_year_round_is_no_period():
    assert got("We have had nine false alerts all year.", "2025-11-10") == [
        ("false_alerts", 9, "2025-01-01", "2025-11-10", ())]
    assert got("The vans go out all year round, and officers made 40 arrests.", "2025-11-10")[0][2:4] == (None, None)


def test_a_part_of_a_pilots_count_in_its_first_fortnight():
    text = "Thirty-one. Six of those were made in the first fortnight."
    (whole, part) = extract_claims(text, D("2025-09-01"), question=(
        "How many arrests have there been since the LFR pilot began in Hounslow town centre on 2 June 2025?"))
    assert (part.metric, part.low, part.period_start, part.period_end) == ("arrests", 6, D("2025-06-02"), D("2025-06-15"))


def test_a_count_whose_noun_was_said_in_a_plan_before_a_dash():
    text = ("The MPS committed to 12 deployments during the trial - Seven have already taken place and the last five "
            "will follow in May.")
    assert got(text, "2019-04-10") == [("deployments", 7, None, "2019-04-10", ())]


def test_a_place_after_a_semicolon_belongs_to_that_clauses_figure():
    text = ("On Monday the cameras were in Ilford, and on Friday they were on South Street in Romford. The two "
            "deployments led to 21 alerts; three, all in Romford, were false.")
    assert [c[:4] for c in got(text, "2025-03-16")] == [("alerts_total", 21, "2025-03-10", "2025-03-14"),
                                                        ("false_alerts", 3, "2025-03-14", "2025-03-14")]
    # (a town's street said with a possessive is the street in that town)
    assert got("Officers made 4 arrests on Croydon's North End on Friday.", "2025-03-16") == [
        ("arrests", 4, "2025-03-14", "2025-03-14", ("North End, Croydon",))]


def test_a_season_in_the_lede_takes_the_days_the_next_paragraph_gives():
    text = ("Twenty-two people were arrested with the help of LFR in the run-up to Christmas.\n\n"
            "Between Monday 8 December and Tuesday 23 December, the cameras were used 11 times.")
    assert [c[:4] for c in got(text, "2025-12-29")] == [("arrests", 22, "2025-12-08", "2025-12-23"),
                                                        ("deployments", 11, "2025-12-08", "2025-12-23")]
    # a day or a week said after it is a part of the season, not its days
    text = ("Twenty-two people were arrested with the help of LFR over the festive period.\n\n"
            "This week alone, two deployments on Oxford Street led to nine arrests.")
    assert got(text, "2025-12-29")[0][2:4] == (None, None)


def test_a_release_as_reprinted_comparisons_titles_and_offences():
    text = ("In the 2024/25 financial year, the Met deployed LFR 190 times.\n\n"
            "That compares with 60 deployments in 2023/24.\n\nMore than 1.4 million faces were scanned over the year.")
    assert got(text, "2025-04-10")[-1][2:4] == ("2024-04-01", "2025-03-31")
    claims = extract_claims("Four people were arrested yesterday on Ilford High Street and on Romford's South Street.\n\n"
                            "Since the start of the year, the Met has arrested 240 people following an LFR alert.",
                            D("2025-04-02"), title="Four arrests in Ilford and Romford as LFR arrests pass 230 this year")
    assert (claims[-1].low, claims[-1].locations) == (240, ())
    text = ("Five people were arrested yesterday during two LFR deployments in Woolwich.\n\n"
            "Three of those arrested were wanted for theft offences, and one for a burglary in Eltham in 2021.")
    assert {c[2] for c in got(text, "2024-09-05")} == {"2024-09-04"}
    text = ("Officers used LFR yesterday on Ilford High Street and on Camden High Street. Camden High Street produced "
            "five alerts and two arrests.")
    assert got(text, "2025-04-02")[-1] == ("arrests", 2, "2025-04-01", "2025-04-01", ("Camden High Street",))


def test_the_year_after_two_years_named_apart_is_the_last_and_counts_listed_once_and_twice():
    text = ("Arrests rose from 40 in 2023 to 500 in 2024. There were 25 false alerts over the year, 20 of them in the "
            "first six months.")
    assert [c[2:4] for c in got(text, "2025-03-01")][2:] == [("2024-01-01", "2024-12-31"), ("2024-01-01", "2024-06-30")]
    # (after the two halves of one year, "over the year" is that whole year)
    text = "Arrests rose from 272 in the first half of the year to 300 in the second. Over the year, 26 alerts were false."
    assert got(text, "2025-02-12")[-1][2:4] == ("2024-01-01", "2024-12-31")
    text = "In 2022 to date the MPS has deployed LFR five times, once in January, twice in March and twice in July."
    assert [c[1:4] for c in got(text, "2022-09-15")] == [(5, "2022-01-01", "2022-09-15"), (1, "2022-01-01", "2022-01-31"),
                                                         (2, "2022-03-01", "2022-03-31"), (2, "2022-07-01", "2022-07-31")]


def test_a_places_share_of_the_years_whole():
    text = "In 2024 the Met made 570 arrests using LFR. Ilford town centre also accounted for 120 of the year's 570 arrests."
    assert got(text, "2025-03-01")[1:] == [("arrests", 120, "2024-01-01", "2024-12-31", ("Ilford town centre",)),
                                           ("arrests", 570, "2024-01-01", "2024-12-31", ())]


def test_a_plans_noun_carries_to_a_bare_count_in_the_next_sentence_and_the_most_alerts():
    text = ("Police committed to carrying out eight deployments as part of the trial. Six have already taken place and "
            "the last two will take place this month.")
    assert got(text, "2019-03-05") == [("deployments", 6, None, "2019-03-05", ())]
    text = "The MPS used LFR yesterday in Ilford and on Walworth Road. Ilford saw the most alerts yesterday, 12, and six arrests."
    assert [c[:2] for c in got(text, "2024-11-22")] == [("alerts_total", 12), ("arrests", 6)]


def test_places_named_by_what_they_are_and_named_days():
    text = ("Five people were arrested yesterday after officers used LFR near Wembley Stadium and in Harlesden town "
            "centre.\n\nThe deployment near the stadium generated seven alerts. Officers arrested two people there.")
    assert [c[4] for c in got(text, "2024-06-05")][1:] == [("Wembley Stadium",), ("Wembley Stadium",)]
    text = ("On 29 November 2024 officers deployed LFR at Westfield London, where seven people were arrested. An estimated "
            "39,000 people passed the cameras during the deployment, which took place on Black Friday.")
    assert got(text, "2025-01-16")[-1][2:4] == ("2024-11-29", "2024-11-29")
    assert got("LFR was used twice on The Broadway in Stratford on 9 and 17 October.", "2024-11-20")[0][4] != ()


def test_the_early_years_a_list_with_none_and_a_weekday_that_fixes_the_year():
    text = "The MPS has advised that it carried out two deployments in 2020, none in 2021, five in 2022 and 20 in 2023."
    assert [c[1:4] for c in got(text, "2024-02-20")] == [(2, "2020-01-01", "2020-12-31"), (0, "2021-01-01", "2021-12-31"),
                                                         (5, "2022-01-01", "2022-12-31"), (20, "2023-01-01", "2023-12-31")]
    text = ("Three people were arrested after officers used LFR at Oxford Circus yesterday (Friday 28 January), the first "
            "deployment of the technology in London since February 2020.")
    assert got(text, "2022-01-29")[0][2:4] == ("2022-01-28", "2022-01-28")


def test_that_year_is_the_year_of_the_date_just_named():
    text = "Use was paused during the pandemic and resumed in January 2022; there were five deployments that year."
    assert got(text, "2026-01-22")[0][2:4] == ("2022-01-01", "2022-12-31")
    assert got("In 2022 we deployed six times. We saw 150,000 faces that year.", "2023-03-01")[-1][2:4] == (
        "2022-01-01", "2022-12-31")
    text = "In November 2024, the busiest month of that year for the Met, it made 70 arrests."
    assert got(text, "2025-03-01")[0][2:4] == ("2024-11-01", "2024-11-30")


def test_dozens_and_rounded_millions():
    text = "In 2024/25 the cameras saw 1.5m faces. Two dozen alerts were false."
    assert [(c.metric, c.low, c.qualifier) for c in extract_claims(text, D("2025-04-10"))] == [
        ("faces_seen", 1425000, "approximately"), ("false_alerts", 24, "exact")]


def test_as_at_the_end_of_last_month_is_where_a_total_stopped():
    text = "As at the end of last month, the MPS had deployed LFR 60 times this year."
    assert got(text, "2025-05-19")[0][2:4] == ("2025-01-01", "2025-04-30")
    # (without "as", "at the end of last month" is its last days)
    assert got("At the end of last month, the MPS deployed LFR four times.", "2025-05-19")[0][2:4] == (
        "2025-04-24", "2025-04-30")
