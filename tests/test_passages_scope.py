"""The passage reader on periods and scopes that the second verdicts and tenth synthetic sets taught it.

Pure reader tests: scrapers/claims.py on our own sentences (invented
figures), one construction each (docs/claims.md names them).
"""

from __future__ import annotations

import pytest

from scrapers.claims import extract_claims
from tests.helpers.passages import D, got


@pytest.mark.parametrize("text, statement, expected", [
    # a since whose start is named after a few words
    ("Since its introduction in 2021, the technology has supported 700 arrests.", "2024-05-01",
     ("2021-01-01", "2024-05-01")),
    ("Since it resumed the use of live facial recognition in July 2022, the Met has carried out 90 deployments.",
     "2023-07-30", ("2022-07-01", "2023-07-30")),
    # a since whose sentence goes on "to 99": not a range
    ("Three more arrests were made, taking the total since 1 March to 41.", "2025-06-10", ("2025-03-01", "2025-06-10")),
    # "over the last year" is the twelve months up to the statement, "last year" the calendar year
    ("Over the last year, the Met made 500 arrests.", "2025-08-13", ("2024-08-13", "2025-08-13")),
    ("Last year the Met made 500 arrests.", "2025-08-13", ("2024-01-01", "2024-12-31")),
])
def test_periods(text, statement, expected):
    ((_, _, first, last, _),) = [c for c in got(text, statement)][:1]
    assert (first, last) == expected


def test_the_year_before_is_the_year_before_the_one_named():
    assert got("In 2024 there were 300 arrests, up from 120 the year before.", "2025-03-01") == [
        ("arrests", 300, "2024-01-01", "2024-12-31", ()), ("arrests", 120, "2023-01-01", "2023-12-31", ())]


def test_a_part_in_a_period_named_after_of_them():
    assert got("In the first half of the year the Met made 400 arrests, 150 of them in the first quarter.",
               "2025-07-20") == [("arrests", 400, "2025-01-01", "2025-06-30", ()),
                                 ("arrests", 150, "2025-01-01", "2025-03-31", ())]


def test_the_same_quarter_last_year_is_a_year_before_the_quarter_in_the_frame():
    text = "Answer: The MPS deployed LFR on 30 occasions in the quarter, compared with eight in the same quarter last year."
    (this, last) = extract_claims(text, D("2025-01-30"), question="How many deployments were there in Q4 2024?")
    assert (last.low, last.period_start.isoformat(), last.period_end.isoformat()) == (8, "2023-10-01", "2023-12-31")
    assert (this.low, this.period_start.isoformat()) == (30, "2024-10-01")


def test_days_listed_with_one_month_are_each_a_day_at_their_place():
    text = ("Since January LFR has been used four times: on Acre Lane on 6 and 20 January, and at Tooting Broadway on "
            "13 and 27 January. At Tooting Broadway, 12 people were arrested.")
    assert got(text, "2025-02-03")[-1] == ("arrests", 12, "2025-01-13", "2025-01-27", ("Tooting Broadway",))


def test_places_joined_by_and_share_the_day_named_after_them():
    text = ("This week officers used LFR in Romford and Enfield on Tuesday (19 November), and on Walworth Road and in "
            "Ilford on Thursday (21 November). On Walworth Road, officers arrested four people.")
    assert got(text, "2024-11-22")[-1] == ("arrests", 4, "2024-11-21", "2024-11-21", ("Walworth Road",))


def test_a_day_of_the_set_takes_its_places_and_each_place_keeps_its_day():
    text = ("This week officers used LFR in Catford and Lewisham on Tuesday (26 March) and in Romford and Woolwich on "
            "Thursday (28 March). On Tuesday, five people were arrested. In Woolwich, officers made six arrests.")
    assert got(text, "2024-03-29") == [("arrests", 5, "2024-03-26", "2024-03-26", ("Catford", "Lewisham")),
                                       ("arrests", 6, "2024-03-28", "2024-03-28", ("Woolwich",))]


def test_an_example_after_a_total_scopes_neither_the_total_nor_what_follows():
    text = ("Between 2020 and 2022 it deployed LFR on nine occasions, including a deployment at Oxford Circus in "
            "February 2020 that was stopped early. Across those deployments there were 28 alerts.")
    assert got(text, "2022-12-12") == [("deployments", 9, "2020-01-01", "2022-12-12", ()),
                                       ("alerts_total", 28, "2020-01-01", "2022-12-12", ())]


def test_a_town_centre_is_kept_as_the_town():
    ((*_, places),) = got("Officers made 9 arrests in Croydon town centre on Friday.", "2024-05-11")
    assert places == ("Croydon town centre",)


@pytest.mark.parametrize("text, expected", [
    ("Ten people were arrested, three of whom had breached their conditions.", [10, 3]),
    ("In 2024, 88 people were arrested, 29 of them for offences linked to violence against women and girls.", [88, 29]),
    ("Forces made 700 arrests; the Met accounted for 180 of those deployments and 610 of the arrests.", [180, 610]),
    ("49 of the total arrests were the result of LFR alerts.", [49]),
    ("There were 23 deployments, and the arrests were north of 120.", [23, 121]),
    ("In 2024 it led to 571.", []),  # nothing before it says what 571 counts
])
def test_parts_shares_and_nouns_before_the_number(text, expected):
    assert [c.low for c in extract_claims(text, D("2025-03-01"))] == expected


def test_a_figure_with_no_noun_counts_what_the_sentence_before_counted():
    text = "Since January the technology has led to 261 arrests. In the whole of 2024 it led to 571."
    assert got(text, "2025-04-14")[-1] == ("arrests", 571, "2024-01-01", "2024-12-31", ())


def test_what_an_earlier_letter_stated_is_not_a_claim():
    text = "In that letter I stated that LFR had been deployed on 14 occasions in June. The correct figure is 16."
    assert [(c.metric, c.low) for c in extract_claims(text, D("2024-07-20"))] == [("deployments", 16)]


def test_a_month_table_row_is_that_month():
    text = "Between January and April 2025 there were 66 deployments.\n\nMonth\tDeployments\nJanuary\t16\nFebruary\t12"
    assert got(text, "2025-07-10")[1:] == [("deployments", 16, "2025-01-01", "2025-01-31", ()),
                                           ("deployments", 12, "2025-02-01", "2025-02-28", ())]


def test_a_totals_row_is_no_place():
    text = ("In 2024 LFR was deployed 179 times.\n\n| Location | Deployments |\n|---|---|\n| Ilford | 5 |\n"
            "| Total | 179 |")
    assert got(text, "2025-02-20")[-1] == ("deployments", 179, "2024-01-01", "2024-12-31", ())


@pytest.mark.parametrize("text, title", [
    # another force's own release: its "our vans" are not the Met's
    ("Our LFR vans have now been deployed 24 times since August, leading to 37 arrests.", "LFR leads to 37 arrests in Essex"),
    # what an MP asks states nothing
    ("Will the Minister say whether the reported figure of one wrong alert in every 1,000 is accurate?", None),
    # a laboratory's measure, not one of deployments
    ("The figure comes from testing of older software; the National Physical Laboratory found a false match rate of "
     "one in 5,800.", None),
    # other forces named after the figure; another force by name
    ("The ten vans funded by the Home Office have led to 98 arrests in the seven forces using them.", None),
    ("The City of London Police, a separate force, scanned some 31,000 faces in May.", None),
    # deployments planned that did not happen; "a single deployment" as any one
    ("Two further deployments planned for Croydon in December did not go ahead.", None),
    ("To understand the legal basis for a single deployment, the public must read many documents.", None),
    # an earlier written answer's figure, being corrected
    ("My Written Answer of 14 March stated that the Metropolitan Police Service made 10 arrests in 2020.", None),
])
def test_numbers_that_are_not_the_mets_figures(text, title):
    assert extract_claims(text, D("2025-01-09"), title=title) == []


def test_in_another_forces_release_a_sentence_naming_the_met_is_still_the_mets():
    text = "Our vans have been deployed 24 times. The Met made more than 500 arrests using LFR in 2024."
    assert [c.low for c in extract_claims(text, D("2025-01-09"), title="LFR leads to arrests in Essex")] == [501]


def test_lfr_arrests_among_a_whole_operations_arrests():
    text = ("Officers made 423 arrests over the two main days of this year's Notting Hill Carnival, 61 of them after "
            "being flagged by live facial recognition cameras.")
    assert [c.low for c in extract_claims(text, D("2025-08-27"))] == [61]


def test_a_tables_heading_year_dates_its_rows():
    text = ("Table 1: LFR deployments and arrests by force, 2024\n| Force | Deployments | Arrests |\n"
            "| Metropolitan Police Service | 180 | 587 |\n| Essex Police | 21 | 31 |")
    assert got(text, "2025-03-20") == [("deployments", 180, "2024-01-01", "2024-12-31", ()),
                                       ("arrests", 587, "2024-01-01", "2024-12-31", ())]


def test_by_the_summer_is_no_period():
    text = ("The vans have led to 98 arrests since they entered service in November. A further 10 vans will be "
            "delivered by the summer. Over the same period, the Met made 412 arrests using LFR.")
    assert got(text, "2026-02-20")[-1] == ("arrests", 412, "2025-11-01", "2026-02-20", ())


@pytest.mark.parametrize("text, statement, expected", [
    ("In March 2025, LFR was deployed on four occasions in the London Boroughs of Lewisham and Greenwich.", "2025-05-02",
     [("deployments", 4, "2025-03-01", "2025-03-31", ("Lewisham", "Greenwich"))]),
    ("So in Hammersmith and Fulham in February we did three deployments.", "2025-03-19",
     [("deployments", 3, "2025-02-01", "2025-02-28", ("Hammersmith and Fulham",))]),
    ("In April, Newham alone was five deployments.", "2025-06-11",
     [("deployments", 5, "2025-04-01", "2025-04-30", ("Newham",))]),
    ("Walthamstow - we went twice in April, 38 alerts, 17 arrests.", "2025-06-11",
     [("deployments", 2, "2025-04-01", "2025-04-30", ("Walthamstow",)),
      ("alerts_total", 38, "2025-04-01", "2025-04-30", ("Walthamstow",)),
      ("arrests", 17, "2025-04-01", "2025-04-30", ("Walthamstow",))]),
    ("In neighbouring Bromley, officers deployed LFR twice in March, on 7 and 14 March, resulting in seven arrests.",
     "2024-04-04", [("deployments", 2, "2024-03-07", "2024-03-14", ("Bromley",)),
                    ("arrests", 7, "2024-03-07", "2024-03-14", ("Bromley",))]),
    ("Vans visited Romford and Ilford four times last month, leading to 20 arrests.", "2025-03-03",
     [("deployments", 4, "2025-02-01", "2025-02-28", ("Romford", "Ilford")),
      ("arrests", 20, "2025-02-01", "2025-02-28", ("Romford", "Ilford"))]),
    ("In the first ten days of May we did twelve deployments across London.", "2025-06-11",
     [("deployments", 12, "2025-05-01", "2025-05-10", ())]),
    ("Since it came back in 2022, it is well over 1,000 arrests now.", "2025-06-11",
     [("arrests", 1001, "2022-01-01", "2025-06-11", ())]),
    ("In 2024 the Met deployed LFR 179 times, more than in the previous four years combined.", "2025-03-05",
     [("deployments", 179, "2024-01-01", "2024-12-31", ())]),
    ("These deployments led to 572 arrests in 2024, of which 182 were made between January and June 2024.", "2025-03-05",
     [("arrests", 572, "2024-01-01", "2024-12-31", ()), ("arrests", 182, "2024-01-01", "2024-06-30", ())]),
    ("In 2024/25 they resulted in 685 arrests, 321 of them in the final quarter (January to March 2025).", "2025-07-15",
     [("arrests", 685, "2024-04-01", "2025-03-31", ()), ("arrests", 321, "2025-01-01", "2025-03-31", ())]),
    ("LFR was used four times in March, twice in Wood Green and once at Edmonton Green.", "2025-04-02",
     [("deployments", 4, "2025-03-01", "2025-03-31", ()),
      ("deployments", 2, "2025-03-01", "2025-03-31", ("Wood Green",)),
      ("deployments", 1, "2025-03-01", "2025-03-31", ("Edmonton Green",))]),
])
def test_places_and_periods_officials_use_for_boroughs_and_months(text, statement, expected):
    assert got(text, statement) == expected


def test_the_set_named_before_is_what_across_the_three_deployments_points_back_to():
    text = ("LFR was used four times in March, twice in Wood Green and once at Edmonton Green. At Edmonton Green on "
            "Tuesday 11 March, seven alerts led to two arrests. Across the three deployments, 21 people were arrested.")
    assert got(text, "2025-04-02")[-1] == ("arrests", 21, "2025-03-01", "2025-03-31", ("Wood Green", "Edmonton Green"))


@pytest.mark.parametrize("text, expected", [
    ("In January there were 31 arrests. Of those arrests, 11 were for theft from shops.", [("arrests", 31), ("arrests", 11)]),
    ("Of those arrested in 2024/25, 112 were wanted for violent offences and 38 were registered sex offenders.",
     [("arrests", 112), ("arrests", 38)]),
    ("The wider Coronation policing operation, which involved more than 11,500 officers, resulted in 64 arrests.", []),
    ("We will come back to the South Wales figures later; they reported 3 alerts at the rugby in Cardiff.", []),
    ("Each deployment used a watchlist, which contained no more than 16,000 images.", []),
])
def test_what_a_figure_counts(text, expected):
    assert [(c.metric, c.low) for c in extract_claims(text, D("2025-07-15"))] == expected


def test_a_subset_named_before_the_figure():
    (claim,) = extract_claims("For sex offenders found in breach of their conditions, it is around 40 arrests this year.",
                              D("2025-03-19"))
    assert claim.subset == "sex offenders found in breach of their conditions"


@pytest.mark.parametrize("text, statement, expected", [
    ("The Mayor: Stratford - we went four times in April, three times on Stratford Broadway and once at Westfield.",
     "2025-05-15", [("deployments", 4, "2025-04-01", "2025-04-30", ("Stratford",)),
                    ("deployments", 3, "2025-04-01", "2025-04-30", ("Stratford Broadway",)),
                    ("deployments", 1, "2025-04-01", "2025-04-30", ("Westfield",))]),
    ("What I can say is that Stratford has now seen 13 deployments since the Met first used LFR there in 2020.",
     "2025-05-15", [("deployments", 13, "2020-01-01", "2025-05-15", ("Stratford",))]),
    ("Since LFR was first used in Croydon town centre on 7 December, 80 people have been arrested there.", "2024-03-22",
     [("arrests", 80, "2023-12-07", "2024-03-22", ("Croydon town centre",))]),
    ("In Westminster, officers deployed on Wednesday and twice on Friday.", "2024-08-31",
     [("deployments", 2, "2024-08-30", "2024-08-30", ("Westminster",))]),
    ("At the end of last month, at Westfield Stratford, officers made five arrests.", "2025-05-09",
     [("arrests", 5, "2025-04-24", "2025-04-30", ("Westfield Stratford",))]),
    ("In the week after Easter, in Walthamstow, 18 alerts led to ten arrests.", "2025-05-09",
     [("alerts_total", 18, "2025-04-22", "2025-04-27", ("Walthamstow",)),
      ("arrests", 10, "2025-04-22", "2025-04-27", ("Walthamstow",))]),
    ("Between September and November, Croydon town centre saw six deployments, Stratford three and Ilford two. Across "
     "the capital, the Met deployed the technology 50 times over those three months.", "2024-12-06",
     [("deployments", 6, "2024-09-01", "2024-11-30", ("Croydon town centre",)),
      ("deployments", 3, "2024-09-01", "2024-11-30", ("Stratford",)),
      ("deployments", 2, "2024-09-01", "2024-11-30", ("Ilford",)),
      ("deployments", 50, "2024-09-01", "2024-11-30", ())]),
])
def test_question_time_weekdays_and_edges_of_months(text, statement, expected):
    assert got(text, statement) == expected


def test_weekdays_joined_by_and_stay_with_their_place():
    text = ("Officers used LFR in Croydon town centre on Tuesday and Thursday this week, and outside Tooting Broadway "
            "station on Thursday. In Croydon, the cameras generated 42 alerts across the two days.")
    assert got(text, "2024-03-22")[-1] == ("alerts_total", 42, "2024-03-19", "2024-03-21", ("Croydon",))


def test_across_the_week_after_a_day_is_that_week():
    text = ("Officers used LFR at four locations this week. On Thursday, officers moved to Stratford. Across the week "
            "19 people were arrested.")
    assert got(text, "2024-10-18")[-1] == ("arrests", 19, "2024-10-14", "2024-10-18", ())


@pytest.mark.parametrize("text", [
    "The Met made 349 arrests over the two days of Carnival, where live facial recognition was not used.",
])
def test_arrests_where_lfr_was_not_used_are_not_its(text):
    assert extract_claims(text, D("2024-08-31")) == []


def test_the_ten_named_before_and_its_part():
    text = ("Ten people were arrested in Ilford yesterday. The cameras generated 16 alerts. Four of the ten were wanted "
            "for violent offences.")
    assert [(c.metric, c.low) for c in extract_claims(text, D("2024-11-08"))] == [
        ("arrests", 10), ("alerts_total", 16), ("arrests", 4)]  # the ten said again: no second claim


@pytest.mark.parametrize("text, statement, expected", [
    ("On Saturday 22 March officers at Westfield Stratford City made nine arrests.", "2025-04-10",
     [("arrests", 9, "2025-03-22", "2025-03-22", ("Westfield Stratford City",))]),
    ("Last week Redbridge saw nine alerts and five arrests, while Barking and Dagenham recorded 15 alerts and three "
     "arrests.", "2025-02-10",
     [("alerts_total", 9, "2025-02-03", "2025-02-09", ("Redbridge",)),
      ("arrests", 5, "2025-02-03", "2025-02-09", ("Redbridge",)),
      ("alerts_total", 15, "2025-02-03", "2025-02-09", ("Barking and Dagenham",)),
      ("arrests", 3, "2025-02-03", "2025-02-09", ("Barking and Dagenham",))]),
    ("In November 2024 arrests following an alert were made in Croydon (14) and Redbridge (21).", "2024-12-12",
     [("arrests", 14, "2024-11-01", "2024-11-30", ("Croydon",)), ("arrests", 21, "2024-11-01", "2024-11-30", ("Redbridge",))]),
    ("Commander: Tooting Broadway is a good example. We deployed there three times in March.", "2024-04-17",
     [("deployments", 3, "2024-03-01", "2024-03-31", ("Tooting Broadway",))]),
])
def test_long_sentences_subjects_and_there(text, statement, expected):
    assert got(text, statement) == expected


@pytest.mark.parametrize("text, expected", [
    ("Officers engaged with 22 of the people flagged at Stratford.", [("engagements", 22)]),
    ("Only one alert, at Westfield Stratford City on Saturday 22 March, was false.", [("false_alerts", 1)]),
    ("We deployed three times in March. Across those three deployments we had 31 alerts.",
     [("deployments", 3), ("alerts_total", 31)]),
])
def test_what_is_counted_in_long_answers(text, expected):
    assert [(c.metric, c.low) for c in extract_claims(text, D("2025-04-10"))] == expected


def test_the_first_day_is_the_first_of_the_days_named_before():
    text = ("Officers used LFR outside Walthamstow Central on Friday 11 April and on Tuesday 22 April. On the first day "
            "the cameras generated 20 alerts, and the second day brought 24 alerts.")
    first, second = extract_claims(text, D("2025-04-25"))
    assert (first.low, first.period_start, first.period_end, first.locations) == (
        20, D("2025-04-11"), D("2025-04-11"), ("Walthamstow Central",))
    assert (second.low, second.period_start, second.locations) == (24, D("2025-04-22"), ("Walthamstow Central",))
    # one day named before: which day "the first day" is, is not said
    (claim,) = extract_claims("Officers used LFR in Sutton in April. On the first day the cameras generated 20 alerts.",
                              D("2025-04-25"))
    assert (claim.low, claim.period_start, claim.period_end) == (20, None, None)


@pytest.mark.parametrize("text, expected", [
    ("It used LFR on six occasions, scanning an estimated 144,000 faces.",
     [("deployments", 6, 6), ("faces_seen", 136800, 151200)]),
    ("The cameras saw an estimated 247,764 faces.", [("faces_seen", 247764, 247764)]),
    ("The fixed cameras were switched on 26 times.", [("deployments", 26, 26)]),
    ("The Mayor has set a target of 100 deployments a quarter.", []),
    ("Officers in the town centre made 112 arrests using other tactics.", []),
])
def test_other_officials_words(text, expected):
    assert [(c.metric, c.low, c.high) for c in extract_claims(text, D("2025-11-20"))] == expected


def test_a_count_that_brings_the_total_restates_and_a_rate_restated_is_rough_too():
    text = ("On Stratford Broadway the cameras generated 22 alerts, leading to three arrests. The three arrests bring the "
            "total number of arrests since the start of the year to 74. That is roughly one false alert in every 33,000 "
            "faces, or one in 30 alerts.")
    found = [(c.metric, c.low, c.qualifier) for c in extract_claims(text, D("2025-01-31"))]
    assert ("arrests", 3, "exact") in found and found.count(("arrests", 3, "exact")) == 1
    assert ("arrests", 74, "exact") in found
    assert [q for m, _, q in found if m.startswith("false_alert_rate")] == ["approximately", "approximately"]


def test_a_share_at_a_place_the_reader_does_not_know_is_no_claim():
    text = "The Mayor: Stratford - we went four times in April, twice on the Promenade and twice at Westfield."
    assert [(c.low, c.locations) for c in extract_claims(text, D("2025-05-15"))] == [(4, ("Stratford",)), (2, ("Westfield",))]
    # "on the Broadway" in a sentence about Stratford: Stratford's Broadway
    text = "The Mayor: Stratford - we went four times in April, twice on the Broadway and twice at Westfield."
    assert [(c.low, c.locations) for c in extract_claims(text, D("2025-05-15"))] == [
        (4, ("Stratford",)), (2, ("Broadway, Stratford",)), (2, ("Westfield",))]


def test_the_arrests_are_in_the_region_of_and_a_place_a_speaker_turns_to():
    text = ("Since January we have deployed it 16 times in Croydon town centre. The arrests are in the region of 65. "
            "Something like 20 of those were wanted for violent offences. I would also point to Thornton Heath: the Met "
            "went there last Friday, and eight people were arrested there.")
    assert [(c.metric, c.low, c.locations) for c in extract_claims(text, D("2024-04-17"))][1:] == [
        ("arrests", 61, ("Croydon town centre",)), ("arrests", 19, ("Croydon town centre",)),
        ("arrests", 8, ("Thornton Heath",))]


@pytest.mark.parametrize("text, expected", [
    ("On Essex Road officers made 5 arrests in March.", [5]),  # a London street, not another force
    ("At Surrey Quays, 4 people were arrested in February.", [4]),
    ("Essex Police made 40 arrests in 2024.", []),
])
def test_a_london_street_named_after_a_county_is_not_another_force(text, expected):
    assert [c.low for c in extract_claims(text, D("2025-03-01"))] == expected


def test_the_question_place_and_a_topic_sentence_keep_their_place():
    (d, a) = extract_claims("Three times since the start of April, and those deployments led to seven arrests.",
                            D("2024-07-18"), question="How many times has LFR been deployed in Croydon town centre "
                                                       "since the start of the financial year?")
    assert (d.metric, d.low, d.locations) == ("deployments", 3, ("Croydon town centre",))  # the count asked for
    assert (a.metric, a.low, a.locations) == ("arrests", 7, ("Croydon town centre",))
    text = ("So far this year the Met has deployed it 85 times. Croydon town centre is a good example. We went 15 times "
            "between January and March.")
    assert got(text, "2024-06-20")[-1] == ("deployments", 15, "2024-01-01", "2024-03-31", ("Croydon town centre",))


@pytest.mark.parametrize("text, expected", [
    ("In the previous quarter, LFR was deployed 35 times.", [("deployments", 35, "2024-10-01", "2024-12-31", ())]),
    ("Officers engaged with nine people flagged on 10 January.", [("engagements", 9, "2025-01-10", "2025-01-10", ())]),
])
def test_previous_quarter_and_people_flagged(text, expected):
    assert got(text, "2025-02-14") == expected


def test_those_arrested_somewhere_wanted_for_something_is_a_subset():
    text = "Four people were arrested in Peckham. Three of those arrested in Peckham were wanted on recall to prison."
    assert [c.subset for c in extract_claims(text, D("2025-01-20"))] == [None, "wanted on recall to prison"]


def test_a_calendar_period_with_its_dates_said_after_it_is_those_dates():
    assert got("In the previous quarter, October to December 2024, there had been 36 deployments.", "2025-04-28") == [
        ("deployments", 36, "2024-10-01", "2024-12-31", ())]
