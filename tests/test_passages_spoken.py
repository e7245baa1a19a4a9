"""Reading statements as officials speak and write them to committees and requesters: scrapers/claims.py.

Our own prose in the shapes of committee transcripts, FOI responses and
borough round-ups (docs/claims.md): a speaker taking a figure back, text
tables with a totals row, months named as a pair, days named in separate
sentences, limits that are no count.
"""

from __future__ import annotations

from datetime import date

import pytest

from scrapers.claims import extract_claims

D = date.fromisoformat


def claims_of(text: str, statement: str, **kw) -> list[tuple]:
    return [(c.metric, c.low, c.high, c.period_start and c.period_start.isoformat(),
             c.period_end and c.period_end.isoformat(), c.locations) for c in extract_claims(text, D(statement), **kw)]


@pytest.mark.parametrize("text, expected", [
    ("Inspector Hale: This year we have deployed 31 times — sorry, 37, not 31.",
     [("deployments", 37, 37, "2025-01-01", "2025-06-02", ())]),
    ("Inspector Hale: This year 19 people were arrested — I beg your pardon, 18 were arrested.",
     [("arrests", 18, 18, "2025-01-01", "2025-06-02", ())]),
    ("Inspector Hale: In May the cameras saw about 90,000 faces — sorry, about 95,000.",
     [("faces_seen", 90250, 99750, "2025-05-01", "2025-05-31", ())]),
])
def test_a_figure_taken_back_in_the_same_breath_is_replaced(text, expected):
    assert claims_of(text, "2025-06-02") == expected


def test_a_pipe_table_with_a_totals_row_and_an_empty_cell():
    text = ("The table below sets out each deployment in the period you asked about.\n\n"
            "Date | Borough | Faces scanned | Arrests\n"
            "3 March 2025 | Hounslow | 7,200 | 2\n"
            "| 17 March 2025 | Ealing | 5,150 | 1 |\n"
            "Total | | 12,350 | 3")
    got = claims_of(text, "2025-05-01", question="Please give each LFR deployment between 1 March 2025 and "
                                                 "31 March 2025.")
    assert got == [("faces_seen", 7200, 7200, "2025-03-03", "2025-03-03", ("Hounslow",)),
                   ("arrests", 2, 2, "2025-03-03", "2025-03-03", ("Hounslow",)),
                   ("faces_seen", 5150, 5150, "2025-03-17", "2025-03-17", ("Ealing",)),
                   ("arrests", 1, 1, "2025-03-17", "2025-03-17", ("Ealing",)),
                   ("faces_seen", 12350, 12350, "2025-03-01", "2025-03-31", ()),
                   ("arrests", 3, 3, "2025-03-01", "2025-03-31", ())]


@pytest.mark.parametrize("text, expected", [
    ("In September and October 2024 officers made 12 arrests.", ("2024-09-01", "2024-10-31")),
    ("Over June and July there were 12 arrests.", ("2025-06-01", "2025-07-31")),
    ("From 2 June to the end of July there were 12 arrests.", ("2025-06-02", "2025-07-31")),
    ("Results, 3 to 16 June:\n\n- Arrests: 12", ("2025-06-03", "2025-06-16")),
    ("In June officers made 9 arrests in Brent. Over those same two months there were 12 arrests.",
     ("2025-06-01", "2025-06-30")),  # a span pointing back takes the period named before
])
def test_months_and_days_named_as_a_span(text, expected):
    (claim,) = [c for c in extract_claims(text, D("2025-08-20")) if c.low == 12]
    assert (claim.period_start.isoformat(), claim.period_end.isoformat()) == expected


def test_days_named_in_separate_sentences_are_all_of_across_both_days():
    text = ("On Monday officers deployed LFR in Lewisham. On Tuesday they moved to Peckham. "
            "Across both days, 11 people were arrested. In Lewisham, 4 people were arrested.")
    assert claims_of(text, "2025-06-05") == [
        ("arrests", 11, 11, "2025-06-02", "2025-06-03", ("Lewisham", "Peckham")),
        ("arrests", 4, 4, "2025-06-02", "2025-06-02", ("Lewisham",))]


@pytest.mark.parametrize("text", [
    "Force policy limits LFR to no more than 12 deployments in any week.",
    "The local plan allows no more than 6 LFR deployments in any calendar month.",
])
def test_a_limit_on_deployments_is_no_count(text):
    assert claims_of(text, "2025-06-05") == []


def test_a_count_limited_to_a_named_set_is_still_a_count():
    assert claims_of("The trial was limited to the 10 trial deployments.", "2019-06-05") == [
        ("deployments", 10, 10, None, None, ())]


def test_our_first_six_deployments_names_a_set_not_a_count():
    got = claims_of("In our first six deployments of 2023 we arrested 10 people.", "2023-06-07")
    assert got == [("arrests", 10, 10, "2023-01-01", "2023-06-07", ())]


def test_a_rate_across_the_faces_scanned_is_per_face():
    (claim,) = extract_claims("Across the faces scanned this year, the false alert rate is one in 20,000.",
                              D("2022-09-14"))
    assert (claim.metric, float(claim.low)) == ("false_alert_rate_per_face", 0.00005)


def test_places_each_with_their_count_split_the_figure_before():
    text = ("On Saturday 14 June officers deployed LFR in Harrow and in Brent. Together they made 15 arrests: "
            "Harrow 9 and Brent six.\n\nAlerts: 19 (Harrow 11, Brent 8)")
    assert claims_of(text, "2025-06-16") == [
        ("arrests", 15, 15, "2025-06-14", "2025-06-14", ("Harrow", "Brent")),
        ("arrests", 9, 9, "2025-06-14", "2025-06-14", ("Harrow",)),
        ("arrests", 6, 6, "2025-06-14", "2025-06-14", ("Brent",)),
        ("alerts_total", 19, 19, "2025-06-14", "2025-06-14", ("Harrow", "Brent")),
        ("alerts_total", 11, 11, "2025-06-14", "2025-06-14", ("Harrow",)),
        ("alerts_total", 8, 8, "2025-06-14", "2025-06-14", ("Brent",))]


def test_a_place_the_sentence_is_about_scopes_its_figures():
    text = ("Between 1 January and 30 June 2025 the North West BCU used LFR regularly. Harrow saw the most "
            "deployments (17), followed by Brent (9). Harrow also recorded the highest number of arrests, 31, "
            "with Brent on 12.")
    got = [(m, lo, places) for m, lo, _, a, b, places in claims_of(text, "2025-07-10")]
    assert got == [("deployments", 17, ("Harrow",)), ("deployments", 9, ("Brent",)), ("arrests", 31, ("Harrow",)),
                   ("arrests", 12, ("Brent",))]


@pytest.mark.parametrize("text", ["Table 2 and Figure 3 show the results.", "UIN 21457 was answered on 4 May."])
def test_labels_with_numbers_are_no_places(text):
    assert claims_of(text, "2025-06-05") == []


def test_a_written_correction_keeps_the_new_figure_and_drops_the_old():
    text = ("In my answer of 2 June I said that there had been 9 LFR deployments in Brent between 1 January and "
            "31 May 2025. The MPS has since advised that the correct figure is 11. The number of arrests I gave, "
            "23, is unchanged.")
    assert claims_of(text, "2025-07-01") == [
        ("deployments", 11, 11, "2025-01-01", "2025-05-31", ("Brent",)),
        ("arrests", 23, 23, "2025-01-01", "2025-05-31", ("Brent",))]


def test_the_words_an_earlier_answer_stated_are_not_claims():
    text = ("The answer stated: 'Between 1 May and 31 May 2025 the MPS scanned approximately 300,000 faces, "
            "generating 90 alerts.'\n\nThe correct answer should have been: 'Between 1 May and 31 May 2025 the MPS "
            "scanned approximately 330,000 faces, generating 90 alerts.'")
    assert [(m, lo) for m, lo, *_ in claims_of(text, "2025-07-01")] == [("faces_seen", 313500), ("alerts_total", 90)]


def test_the_year_of_a_trial_is_its_period_not_a_count():
    text = "MOPAC reviewed the MPS's 2019 trial deployments and found a false alert rate of one in 1,000 faces."
    assert claims_of(text, "2020-10-15") == [
        ("false_alert_rate_per_face", 0.001, 0.001, "2019-01-01", "2019-12-31", ())]


@pytest.mark.parametrize("text, statement, expected", [
    # the span up to the statement
    ("In London, in just two years, the Met has made 1,500 arrests.", "2026-01-26", ("2024-01-26", "2026-01-26")),
    # the half of the statement's year
    ("Five false alerts were recorded in the first half of the year.", "2025-07-23", ("2025-01-01", "2025-06-30")),
    # a year named only to compare is no default for the other dates
    ("The Met carried out 120 deployments between January and June, compared with 80 in the same period of 2024.",
     "2025-07-23", ("2025-01-01", "2025-06-30")),
    # a start named with "last year"
    ("Since we brought it back in July last year, we've deployed it 21 times.", "2023-10-19",
     ("2022-07-01", "2023-10-19")),
])
def test_spans_people_say(text, statement, expected):
    claim = extract_claims(text, D(statement))[0]
    assert (claim.period_start.isoformat(), claim.period_end.isoformat()) == expected


def test_a_part_after_a_comparison_continues_the_period_before_it():
    text = ("The Met carried out 120 deployments between January and June, compared with 80 in the same period of "
            "2024, and these resulted in 400 arrests.")
    got = claims_of(text, "2025-07-23")
    assert got[-1] == ("arrests", 400, 400, "2025-01-01", "2025-06-30", ())


def test_the_first_months_count_from_the_start_named_before():
    text = ("Lewisham's fixed cameras went live on 1 March. In the first three months, they flagged 90 people, and "
            "we've arrested 61 of them. We've had one false alert in that time. Compare that with 2024, when our vans "
            "had seven false alerts over the whole year.")
    got = [(m, lo, a, b, places) for m, lo, _, a, b, places in claims_of(text, "2025-07-01")]
    assert got == [("alerts_total", 90, "2025-03-01", "2025-05-31", ("Lewisham",)),
                   ("arrests", 61, "2025-03-01", "2025-05-31", ("Lewisham",)),
                   ("false_alerts", 1, "2025-03-01", "2025-05-31", ("Lewisham",)),
                   ("false_alerts", 7, "2024-01-01", "2024-12-31", ())]


def test_a_place_named_after_and_with_its_count_splits_the_metric_before():
    text = "In the first half of 2025 Lewisham had 14 deployments and Southwark nine."
    assert [(m, lo, places) for m, lo, *_, places in claims_of(text, "2025-07-23")] == [
        ("deployments", 14, ("Lewisham",)), ("deployments", 9, ("Southwark",))]


def test_quarters_of_a_financial_year_and_the_same_quarter_last_year():
    text = ("In Q1 2025/26 (April to June 2025), the MPS carried out 70 LFR deployments, up from 40 in Q1 2024/25. "
            "These deployments resulted in 250 arrests. In the same quarter last year there were 150 arrests. "
            "Three false alerts were recorded in the quarter.")
    got = [(m, lo, a, b) for m, lo, _, a, b, _ in claims_of(text, "2025-08-28")]
    assert got == [("deployments", 70, "2025-04-01", "2025-06-30"), ("deployments", 40, "2024-04-01", "2024-06-30"),
                   ("arrests", 250, "2025-04-01", "2025-06-30"), ("arrests", 150, "2024-04-01", "2024-06-30"),
                   ("false_alerts", 3, "2025-04-01", "2025-06-30")]


def test_a_comparison_sets_no_frame_for_the_sentences_after_it():
    text = ("2.1 The MPS deployed LFR on 200 occasions in 2024/25, compared with 100 in 2023/24.\n\n"
            "2.2 Over the year, the system generated 1,200 alerts.")
    got = [(m, lo, a, b) for m, lo, _, a, b, _ in claims_of(text, "2025-07-15")]
    assert got == [("deployments", 200, "2024-04-01", "2025-03-31"), ("deployments", 100, "2023-04-01", "2024-03-31"),
                   ("alerts_total", 1200, "2024-04-01", "2025-03-31")]


def test_a_report_section_about_the_previous_period_does_not_carry_into_the_next():
    text = ("This report covers LFR between 1 September 2023 and 31 August 2024.\n\n"
            "1.1 In the previous reporting period (1 September 2022 to 31 August 2023), the MPS deployed LFR on 19 "
            "occasions and made 26 arrests.\n\n2. Accuracy\n\n2.1 There were eight false alerts.")
    got = [(m, lo, a, b) for m, lo, _, a, b, _ in claims_of(text, "2024-10-31")]
    assert got == [("deployments", 19, "2022-09-01", "2023-08-31"), ("arrests", 26, "2022-09-01", "2023-08-31"),
                   ("false_alerts", 8, "2023-09-01", "2024-08-31")]


@pytest.mark.parametrize("text, expected", [
    ("The MPS has not deployed LFR since February 2020.", ("2020-03-01", "2021-02-10")),
    ("It has not used live facial recognition since 27 February 2020.", ("2020-02-28", "2021-02-10")),
])
def test_not_deployed_since_is_none_from_just_after_that_point(text, expected):
    (claim,) = extract_claims(text, D("2021-02-10"))
    assert (claim.metric, claim.low, claim.high) == ("deployments", 0, 0)
    assert (claim.period_start.isoformat(), claim.period_end.isoformat()) == expected


def test_with_a_part_for_one_day_is_that_days_share_of_the_figure_before():
    text = "Between Monday 2 June and Friday 6 June officers made 26 arrests, with nine on Tuesday (3 June) alone."
    assert claims_of(text, "2025-06-07") == [("arrests", 26, 26, "2025-06-02", "2025-06-06", ()),
                                             ("arrests", 9, 9, "2025-06-03", "2025-06-03", ())]
    assert claims_of("LFR led to 26 arrests in June, with 15 officers trained.", "2025-07-07") == [
        ("arrests", 26, 26, "2025-06-01", "2025-06-30", ())]
    assert claims_of("LFR led to 26 arrests in June, with 15 of them in Croydon.", "2025-07-07") == [
        ("arrests", 26, 26, "2025-06-01", "2025-06-30", ()), ("arrests", 15, 15, "2025-06-01", "2025-06-30", ("Croydon",))]


def test_not_deployed_in_a_place_since_a_day_and_no_plans_after_it():
    (claim,) = extract_claims("The MPS has not deployed LFR in Croydon since 30 June and has no current plans to "
                              "do so.", D("2024-07-18"))
    assert (claim.metric, claim.low, claim.locations) == ("deployments", 0, ("Croydon",))
    assert (claim.period_start.isoformat(), claim.period_end.isoformat()) == ("2024-07-01", "2024-07-18")


def test_none_at_any_kind_of_event_is_a_zero_for_a_part_the_records_do_not_mark():
    (claim,) = extract_claims("We haven't used [LFR] on any protests so far, and I'm cautious about doing so.",
                              D("2025-09-16"))
    assert (claim.metric, claim.low, claim.high, claim.subset) == ("deployments", 0, 0, "on any protests")
    assert (claim.period_start, claim.period_end.isoformat(), claim.cumulative) == (None, "2025-09-16", True)


@pytest.mark.parametrize("text, expected", [
    ("Around 9,800 people walked past our cameras on Wednesday.", ("faces_seen", 9310, 10290)),
    ("About 4,300 people passed the cameras on Wednesday.", ("faces_seen", 4085, 4515)),
    ("On Wednesday the cameras saw an estimated 36,000 faces.", ("faces_seen", 34200, 37800)),
    ("On Wednesday an estimated 24,764 faces were scanned.", ("faces_seen", 24764, 24764)),  # counted, given exactly
    ("Only three alerts this year have been false.", ("false_alerts", 3, 3)),
    ("Just nine alerts this year turned out to be wrong.", ("false_alerts", 9, 9)),
])
def test_faces_and_false_alerts_in_other_words(text, expected):
    assert extract_claims(text, D("2024-03-14"))[0].metric == expected[0]
    assert (extract_claims(text, D("2024-03-14"))[0].low, extract_claims(text, D("2024-03-14"))[0].high) == expected[1:]


def test_alerts_both_of_which_were_false_are_both_figures():
    got = {(c.metric, c.low) for c in extract_claims("On 6 May the system generated two alerts, both of which were "
                                                       "false.", D("2023-05-07"))}
    assert got == {("false_alerts", 2), ("alerts_total", 2)}


def test_lettered_answers_read_on_like_prose():
    text = ("(a) The MPS has advised that it has deployed LFR six times since deployments resumed on 7 July 2022.\n\n"
            "(b) These deployments generated 18 alerts in total.\n\n(c) Eleven people were arrested.")
    got = claims_of(text, "2022-11-17", question="(a) How many times has the MPS deployed LFR since deployments "
                                                  "resumed in July 2022? (b) How many alerts? (c) How many arrests?")
    assert [(m, a) for m, _, _, a, _, _ in got] == [("deployments", "2022-07-07"), ("alerts_total", "2022-07-07"),
                                                    ("arrests", "2022-07-07")]


def test_what_a_wider_operation_made_and_what_people_have_since_become_are_not_lfrs():
    text = ("In the twelve months to August 2025 we deployed LFR 231 times. Those deployments led to 947 arrests, and "
            "more than 600 of those people have since been charged. The figures do not include the wider summer "
            "policing operation, which made 1,240 arrests. Among those arrested were 44 people wanted for robbery.")
    got = [(m, lo, a, b) for m, lo, _, a, b, _ in claims_of(text, "2025-09-20")]
    assert got == [("deployments", 231, "2024-09-01", "2025-08-31"), ("arrests", 947, "2024-09-01", "2025-08-31"),
                   ("arrests", 44, "2024-09-01", "2025-08-31")]


def test_a_day_named_this_year_after_since():
    (claim,) = extract_claims("Since LFR was first used in Redbridge on 4 April this year, 17 deployments in the "
                              "borough have taken place.", D("2024-11-22"))
    assert (claim.period_start.isoformat(), claim.period_end.isoformat()) == ("2024-04-04", "2024-11-22")


def test_weekdays_after_last_week_are_that_weeks_days_and_keep_its_places():
    text = ("Officers arrested 14 people during three deployments in Camden Town last week. The deployments took "
            "place on Tuesday, Wednesday and Friday. Of the 19 alerts generated, 18 were true alerts.")
    got = claims_of(text, "2023-04-28")  # a Friday: last week is 17 to 23 April
    assert got[2:] == [("alerts_total", 19, 19, "2023-04-18", "2023-04-21", ("Camden Town",)),
                       ("true_alerts", 18, 18, "2023-04-18", "2023-04-21", ("Camden Town",))]


def test_footnote_markers_end_sentences_and_are_no_figures():
    text = ("Thank you for the figures supplied ahead of our meeting on 11 February.7 They show that in calendar "
            "year 2025 the Met completed 274 LFR deployments.[8] Officers made 1,121 arrests.9")
    got = [(m, lo, a, b) for m, lo, _, a, b, _ in claims_of(text, "2026-03-10")]
    assert got == [("deployments", 274, "2025-01-01", "2025-12-31"), ("arrests", 1121, "2025-01-01", "2025-12-31")]


def test_a_table_with_a_caption_and_a_source_line_in_its_paragraph():
    text = ("Table 1: MPS LFR deployments and arrests\nPeriod | Deployments | Arrests\nCalendar year 2023 | 23 | 26\n"
            "1 January - 29 February 2024 | 19 | 64\nSource: MPS LFR deployment records, accessed 1 March 2024")
    got = [(m, lo, a, b) for m, lo, _, a, b, _ in claims_of(text, "2024-03-05")]
    assert got == [("deployments", 23, "2023-01-01", "2023-12-31"), ("arrests", 26, "2023-01-01", "2023-12-31"),
                   ("deployments", 19, "2024-01-01", "2024-02-29"), ("arrests", 64, "2024-01-01", "2024-02-29")]


@pytest.mark.parametrize("text, expected", [
    ("This year the Met has carried out, I think, 58 deployments - sorry, 56 deployments.", ("deployments", 56, 56)),
    ("That led to 22 arrests in May, Chair - no, I tell a lie, 24 arrests.", ("arrests", 24, 24)),
    ("In May they scanned around 15,000 faces - actually I am told it was nearer 14,600.", ("faces_seen", 13870, 15330)),
])
def test_more_ways_of_taking_a_figure_back(text, expected):
    (claim,) = extract_claims(text, D("2024-06-20"))
    assert (claim.metric, claim.low, claim.high) == expected


def test_the_previous_period_compared_scopes_only_its_own_figure():
    text = "Headline figures: 1 September 2025 to 31 August 2026\n\n- 318 deployments, up from 231 the year before"
    (first, _) = extract_claims(text, D("2026-09-07"))
    assert (first.low, first.period_start.isoformat(), first.period_end.isoformat()) == (318, "2025-09-01", "2026-08-31")


def test_a_year_before_deployments_is_when_not_how_many():
    assert claims_of("The MPS used a setting of 0.55 during its 2020 deployments.", "2022-05-16") == []


@pytest.mark.parametrize("text, statement, expected", [
    ("In the three months from July to September this year, the Met deployed LFR on 74 occasions.", "2025-11-25",
     ("2025-07-01", "2025-09-30")),
    ("Last year there were, if memory serves, three deployments in total - all in February.", "2021-03-18",
     ("2020-01-01", "2020-12-31")),
])
def test_this_year_and_last_year_give_the_year_of_months_named_without_one(text, statement, expected):
    (claim,) = extract_claims(text, D(statement))
    assert (claim.period_start.isoformat(), claim.period_end.isoformat()) == expected


def test_a_day_named_later_in_a_release_about_a_place_is_still_at_that_place():
    text = ("Officers in Wandsworth have used LFR twice this month outside Tooting Broadway station.\n\n"
            "On Tuesday, 5 March, the cameras generated 12 alerts and four people were arrested. Two of the alerts "
            "that day were false alerts.\n\nCompare that with 2023, when the Met made 180 arrests.")
    got = [(m, lo, a, b, places) for m, lo, _, a, b, places in claims_of(text, "2024-03-14")]
    assert got == [("deployments", 2, "2024-03-01", "2024-03-14", ("Tooting Broadway",)),
                   ("alerts_total", 12, "2024-03-05", "2024-03-05", ("Tooting Broadway",)),
                   ("arrests", 4, "2024-03-05", "2024-03-05", ("Tooting Broadway",)),
                   ("false_alerts", 2, "2024-03-05", "2024-03-05", ("Tooting Broadway",)),
                   ("arrests", 180, "2023-01-01", "2023-12-31", ())]


def test_streets_without_street_in_their_name_and_a_place_said_to_be_in_another():
    text = ("LFR was used in Croydon town centre on Tuesday (23 January). Cameras were set up on North End and on "
            "George Street. Eight people were arrested.\n\nOn Thursday (25 January) LFR was used on Oxford Street in "
            "the West End. Sixteen people were arrested, ten of them on Oxford Street.")
    got = [(m, lo, places) for m, lo, _, _, _, places in claims_of(text, "2024-01-26")]
    assert got == [("arrests", 8, ("North End", "George Street")), ("arrests", 16, ("Oxford Street",)),
                   ("arrests", 10, ("Oxford Street",))]


_TIMES = "How many times has live facial recognition been deployed in Croydon town centre since the start of April?"
_ARRESTED = "How many people were arrested after LFR alerts in Lewisham in 2024?"


@pytest.mark.parametrize("question, text, expected", [
    (_TIMES, "The Mayor: Three times since the start of April.",
     [("deployments", 3, 3, "2025-04-01", "2025-07-18", ("Croydon town centre",))]),
    (_TIMES, "On four occasions.", [("deployments", 4, 4, "2025-04-01", "2025-07-18", ("Croydon town centre",))]),
    (_ARRESTED, "Twelve.", [("arrests", 12, 12, "2024-01-01", "2024-12-31", ("Lewisham",))]),
    (_ARRESTED, "Twelve people in total.", [("arrests", 12, 12, "2024-01-01", "2024-12-31", ("Lewisham",))]),
])
def test_an_answer_that_opens_with_the_bare_count_states_what_the_question_asked(question, text, expected):
    assert claims_of(text, "2025-07-18", question=question) == expected


@pytest.mark.parametrize("question, text", [
    # the question asks for two figures: a bare count answers neither
    ("How many times was LFR deployed in Lewisham in 2024, and how many arrests were made?", "Four times."),
    # no "how many": nothing asked
    ("Will the Mayor publish the results of LFR in Lewisham?", "Twelve."),
    # the count does not open the answer
    (_ARRESTED, "We will publish this in due course; the review covers 12 months."),
])
def test_a_bare_count_states_nothing_unless_it_answers_one_how_many(question, text):
    assert [c for c in claims_of(text, "2025-07-18", question=question) if c[1] in (4, 12)] == []
