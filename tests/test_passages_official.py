"""Reading the Met's figures where officials quote them among many other numbers: scrapers/claims.py.

Our own sentences in the shapes of Hansard, written questions, committee
evidence, Home Office releases, annual reports and laboratory summaries
(docs/claims.md), one construction each: what is someone else's figure or a
test's, what a written question or a title's dates set, and how periods said
loosely resolve.
"""

from __future__ import annotations

from datetime import date

import pytest

from scrapers.claims import extract_claims

D = date.fromisoformat


def claims_of(text: str, statement: str, **kw) -> list[tuple]:
    return [(c.metric, c.low, c.high, c.period_start and c.period_start.isoformat(),
             c.period_end and c.period_end.isoformat(), c.locations) for c in extract_claims(text, D(statement), **kw)]


@pytest.mark.parametrize("text", [
    # a campaign group's own figures, quoted by a member
    "Baroness Jones: My Lords, Big Brother Watch says its observers have attended 60 deployments in London and that "
    "89 per cent of the alerts generated were wrong.",
    "Big Brother Watch, whose volunteers have attended 40 deployments, estimates that more than 3 million faces have "
    "been scanned in London.",
    # someone else's count by watching
    "The audit included interviews with 14 members of staff and observation of two deployments by ICO auditors.",
    # a laboratory's test: its watchlist, its results at a setting, its volunteers' walks past the cameras
    "The National Physical Laboratory tested the algorithm at thresholds of 0.56 and 0.6 against a watchlist of "
    "10,000 images.",
    "At 0.56, 22 of 33 false positives involved Black subjects.",
    "At 0.56, the false positive identification rate was 0.03 per cent overall.",
    "The NPL tested the algorithm using 178,000 filler images and 400 volunteers, who walked past the cameras more "
    "than 2,000 times between September and December 2022.",
    # plans and targets
    "Images are deleted immediately, and we expect more than 100 deployments this year.",
    "Our target for 2025/26 is 100 deployments a quarter.",
    # all of policing's figures, not LFR's
    "In 2024/25 the Met answered 2.1 million 999 calls and made more than 80,000 arrests.",
    # another tactic's arrests, and a watchlist built for each deployment
    "Thanks to the council's CCTV team, who have also helped us make 6 arrests for shoplifting.",
    "Each watchlist is built for one deployment and deleted within 24 hours.",
])
def test_numbers_that_are_not_the_mets_lfr_figures(text):
    assert claims_of(text, "2025-07-10") == []


def test_a_committee_of_the_london_assembly_is_not_another_force():
    text = "Over the last year we have deployed it roughly 180 times."
    title = "London Assembly Police and Crime Committee — Live Facial Recognition: transcript"
    assert claims_of(text, "2025-02-05", title=title) == [("deployments", 171, 189, "2024-02-05", "2025-02-05", ())]


def test_a_release_by_the_met_and_another_force_keeps_the_mets_unnamed_sentences():
    title = "Met and South Wales Police publish independent accuracy testing of facial recognition technology"
    text = "At its most recent deployment, in Camden on Thursday 30 March, three people were arrested."
    assert claims_of(text, "2023-04-05", title=title) == [("arrests", 3, 3, "2023-03-30", "2023-03-30", ("Camden",))]


def test_a_figure_taken_back_before_its_noun():
    text = "In terms of arrests, we have made 540 - sorry, 560 - arrests following an alert."
    assert claims_of(text, "2025-02-05") == [("arrests", 560, 560, None, None, ())]


def test_the_sentence_after_disowns_the_arrests_before_it():
    text = ("Separately, Operation Eclipse in Greenwich, a month-long operation against street robbery, made 210 arrests. "
            "Those arrests were made using other tactics.")
    assert claims_of(text, "2024-10-17") == []


def test_arrests_by_every_tactic_are_not_lfrs():
    text = ('Superintendent Jane Doe said: "Since April our officers have made more than 1,900 arrests across the '
            'borough using every tactic available, and LFR is only one of them."')
    assert claims_of(text, "2025-05-03") == []


def test_an_earlier_answer_quoted_in_its_own_paragraph_states_nothing():
    text = ("In that answer I stated that the Metropolitan Police had deployed live facial recognition 171 times in 2024. "
            "The correct figure is 178.\n\nThe full answer previously given was:\n\n'The Metropolitan Police has "
            "informed the Home Office that it deployed LFR 171 times during 2024. The Met scanned around 3.2 million "
            "faces over the year.'")
    assert claims_of(text, "2025-02-24") == [("deployments", 178, 178, "2024-01-01", "2024-12-31", ())]


@pytest.mark.parametrize("text, statement, expected", [
    # a comparison's "since" is no period: "during the year" is the year named before
    ("In 2024/25 homicides were at their lowest level since 2014. LFR was deployed 231 times during the year.",
     "2025-07-10", ("2024-04-01", "2025-03-31")),
    # twelve months to a month's last day are whole months
    ("In the 12 months to 28 February 2025, the Met deployed LFR on 191 occasions.", "2025-03-11",
     ("2024-03-01", "2025-02-28")),
    ("Around 1,000 arrests since the start of last year.", "2025-05-20", ("2024-01-01", "2025-05-20")),
    # a period said inside another, right after it or inside "this year"
    ("In February this year alone the Met made over 100 arrests.", "2025-05-28", ("2025-02-01", "2025-02-28")),
    ("And this year it's even better: between January and April there were just five false alerts.", "2025-05-28",
     ("2025-01-01", "2025-04-30")),
    # "Last year there were three deployments - all in February": the year the count was given for
    ("Last year there were three deployments - all in February.", "2021-03-18", ("2020-01-01", "2020-12-31")),
    ("My Lords, since the Met first used the technology at Notting Hill Carnival in 2016, more than 1,000 people "
     "have been arrested.", "2025-07-03", ("2016-08-28", "2025-07-03")),
])
def test_periods_officials_state(text, statement, expected):
    first = claims_of(text, statement)[0]
    assert (first[3], first[4]) == expected


def test_the_sentences_own_period_stopped_by_up_to_the_end_of():
    text = ("In 2019 the Committee called for a moratorium.\n\nThe Met told us that it deployed live facial recognition "
            "117 times in 2024 up to the end of October, and that these deployments resulted in 434 arrests.")
    assert [c[3:5] for c in claims_of(text, "2025-01-28")] == [("2024-01-01", "2024-10-31")] * 2


def test_a_written_question_sets_the_period_and_the_titles_handling_dates_do_not():
    title = "Police: Facial Recognition — Question for Home Office, HL9876, tabled on 5 September 2023, answered on " \
            "19 September 2023"
    question = ("To ask His Majesty's Government how many times the Metropolitan Police has deployed live facial "
                "recognition technology since it resumed its use in July 2022.")
    text = "The Metropolitan Police Service has informed the Home Office that it has used LFR on 19 occasions over that period."
    assert claims_of(text, "2023-09-19", title=title, question=question) == [
        ("deployments", 19, 19, "2022-07-01", "2023-09-19", ())]


def test_lettered_parts_of_an_answer_are_sentences_with_their_own_periods():
    text = ("The MPS has provided the following information. (a) In 2023 the MPS recorded two false alerts across 24 "
            "deployments. (b) Between 1 January and 30 September 2024 it recorded 27 false alerts over 113 deployments.")
    assert claims_of(text, "2024-10-15") == [
        ("false_alerts", 2, 2, "2023-01-01", "2023-12-31", ()), ("deployments", 24, 24, "2023-01-01", "2023-12-31", ()),
        ("false_alerts", 27, 27, "2024-01-01", "2024-09-30", ()),
        ("deployments", 113, 113, "2024-01-01", "2024-09-30", ())]  # "over 113 deployments": across, not more than


def test_a_running_total_beside_today_and_an_earlier_day_with_its_own_places():
    text = ("The Home Secretary today joined officers in Ilford, as the Met confirmed it has now made more than 1,000 "
            "arrests using the technology.\n\nOn Saturday 10 May, officers deployed LFR on High Street, Ilford and in "
            "Barking. Across the two deployments the cameras generated 20 alerts.")
    assert [c[:5] for c in claims_of(text, "2025-05-15")] == [
        ("arrests", 1001, None, None, "2025-05-15"), ("alerts_total", 20, 20, "2025-05-10", "2025-05-10")]


@pytest.mark.parametrize("text, expected", [
    ("Out of roughly 3 million faces last year, there were ten or so false alerts.",
     [("faces_seen", 2850000, 3150000), ("false_alerts", 9, 11)]),
    ("In the second half of 2024, deployments rose slightly, to 90, and arrests rose to around 300.",
     [("deployments", 90, 90), ("arrests", 285, 315)]),
    ("False alerts fell sharply over the same months, to just two.", [("false_alerts", 2, 2)]),
    ("In March we were in Croydon town centre five times.", [("deployments", 5, 5)]),
    ("There were 24 false alerts, around 0.0016% of the faces scanned and around 1.6% of all alerts.",
     [("false_alerts", 24, 24), ("false_alert_rate_per_face", 0.0000152, 0.0000168),
      ("false_alert_rate_per_alert", 0.0152, 0.0168)]),
])
def test_figures_said_the_way_officials_say_them(text, expected):
    assert [(m, pytest.approx(lo), pytest.approx(hi) if hi is not None else None)
            for m, lo, hi, *_ in claims_of(text, "2025-01-22")] == expected


def test_parts_and_what_is_no_subset():
    text = "In December we made 47 arrests. Three of the arrests were of people wanted on recall to prison."
    (_, part) = extract_claims(text, D("2025-01-22"))
    assert (part.metric, part.low, part.subset) == ("arrests", 3, "people wanted on recall to prison")
    (alerts,) = extract_claims("The system generated 119 alerts that month.", D("2025-01-22"))
    assert alerts.subset is None  # "that month" is when, not a kind of alert


def test_no_arrests_after_a_false_alert_rate_is_a_principle_not_a_count():
    text = ("In 2024 the cameras generated fewer than 30 false alerts. That is a rate of around one in 33,000. "
            "No one was arrested as a result of any of those alerts.")
    assert [c[0] for c in claims_of(text, "2025-07-03")] == ["false_alerts", "false_alert_rate"]


def test_an_event_is_not_a_place():
    text = ("At Trooping the Colour on Saturday 17 June, LFR was used at two sites, on The Mall and on Birdcage Walk, "
            "where the cameras generated three alerts.")
    ((*_, places),) = claims_of(text, "2023-07-03")
    assert "Trooping" not in places and "Birdcage Walk" in places


@pytest.mark.parametrize("text", [
    # another force's own release that never names the Met
    "Essex Police officers arrested nine people after live facial recognition cameras were deployed in Chelmsford "
    "last week. The cameras generated 11 alerts, ten of which were confirmed as correct.",
    # shops' own systems, number plates
    "Facewatch has stated that its system is used in over 400 stores and sent more than 43,000 alerts to store staff.",
    "Drones were flown on 35 occasions, and ANPR cameras flagged 410 vehicles.",
    # a footnote defines, it states nothing
    "Over 2023/24, deployments resulted in 215 arrests.5 Of these, most were for violence.\n\n"
    "5 Arrests following an LFR alert; outcomes of arrests are not included.",
    # what became of people arrested, and a panel's meetings
    "Some 1,200 people arrested after alerts have since been charged.",
    "The LFR Independent Ethics Panel met four times during the year.",
])
def test_figures_that_are_someone_elses_or_no_lfr_count(text):
    got = claims_of(text, "2025-05-20")
    assert [c for c in got if c[1] not in (215,)] == []


@pytest.mark.parametrize("text, statement, expected", [
    ("Across England and Wales, forces made more than 1,000 arrests last year. The Metropolitan Police alone made 587 "
     "of them, and accounted for 180 of the 256 deployments recorded nationally.", "2025-02-18",
     [("arrests", 587), ("deployments", 180)]),
    ("Officers arrested 211 people during a week of action against knife crime across London, 28 of them after being "
     "flagged by live facial recognition cameras.", "2025-06-30", [("arrests", 28)]),
    ("In the first three months of this year, the Met's deployments led to 164 arrests, and between April and June "
     "there were a further 187.", "2025-10-20", [("arrests", 164), ("arrests", 187)]),
    ("In 2023 it deployed the technology on 23 occasions; in the 2024 calendar year, 180.", "2025-03-05",
     [("deployments", 23), ("deployments", 180)]),
    ("The Met's live facial recognition deployments rose from 23 in 2023 to 180 in the 2024 calendar year.",
     "2025-10-20", [("deployments", 23), ("deployments", 180)]),
    ("The number of false alerts over the last two financial years was 13.", "2025-04-24", [("false_alerts", 13)]),
])
def test_counts_said_as_shares_ellipses_and_changes(text, statement, expected):
    assert [c[:2] for c in claims_of(text, statement)] == expected


@pytest.mark.parametrize("text, statement, expected", [
    # a dateline is when it was written
    ("WALTHAMSTOW, 24 April — Ten people were arrested after the MPS deployed live facial recognition cameras outside "
     "Walthamstow Central station on Tuesday (22 April).", "2025-04-24", ("2025-04-22", "2025-04-22")),
    # each figure of "from … to …" with its own period; "the second" half of the one named
    ("Arrests rose from 31 in January to 58 in March.", "2024-04-10", ("2024-03-01", "2024-03-31")),
    ("Arrests rose from 272 in the first half of the year to 300 in the second.", "2025-02-20",
     ("2024-07-01", "2024-12-31")),
    ("In the latter half of 2024, the Met deployed LFR 96 times.", "2025-01-10", ("2024-07-01", "2024-12-31")),
    ("The 2024 false alert rate for the MPS, measured against the number of faces seen, was 0.0003%.", "2025-02-04",
     ("2024-01-01", "2024-12-31")),
    ("The busiest month of the quarter was November, when 75 people were arrested.", "2025-01-15",
     ("2024-11-01", "2024-11-30")),
    # a date's own "last year" is not the sentence's
    ("In Kingston town centre, the cameras were deployed on 2 and 10 May last year, and again on Clarence Street on 19 "
     "February. Across those three deployments, 23 alerts led to eight arrests.", "2025-03-03",
     ("2024-05-02", "2025-02-19")),
    ("Since that first deployment on 28 March, 25 people have been arrested in Woolwich.", "2024-04-29",
     ("2024-03-28", "2024-04-29")),
    ("In 2024, LFR alerts led to 572 arrests, of which 182 were made between January and June.", "2024-11-13",
     ("2024-01-01", "2024-06-30")),
])
def test_the_last_figures_period(text, statement, expected):
    assert claims_of(text, statement)[-1][3:5] == expected


def test_a_span_pointed_back_to_by_its_length_and_the_month_of_a_day():
    text = ("Between 1 September and 30 November 2024, live facial recognition was deployed 50 times. In October there "
            "were 18 deployments. In Croydon town centre, officers deployed the cameras six times over the three months.")
    assert claims_of(text, "2024-12-05")[-1][3:5] == ("2024-09-01", "2024-11-30")
    text = "On 27 March, eight people were arrested in Woolwich. The false alert rate across the month was 0.0008 per cent."
    assert claims_of(text, "2025-04-04")[-1][3:5] == ("2025-03-01", "2025-03-31")


def test_places_of_the_day_a_street_in_its_town_and_a_headline_as_shorthand():
    text = ("On Saturday (10 May) officers deployed LFR in Ilford and Barking. In Barking, six arrests were made. "
            "The watchlist used on the day contained 16,112 images.")
    assert claims_of(text, "2025-05-12")[-1][5] == ("Ilford", "Barking")
    text = ("On 8 January the cameras were deployed on East Ham High Street North and on Green Street, and on 10 January "
            "on Powis Street in Woolwich and at Camberwell Green. In Woolwich, 14 alerts led to five arrests.")
    assert claims_of(text, "2025-01-13")[-1][3:] == ("2025-01-10", "2025-01-10", ("Woolwich",))
    title = "Cameras lead to arrests in East Ham and Woolwich"
    text = ("The MPS has said 15 people were arrested after it used live facial recognition on 8 and 10 January. "
            "At Camberwell Green, officers made three arrests on 10 January.")
    assert claims_of(text, "2025-01-13", title=title)[0][5] == ()


def test_a_question_in_a_transcript_says_what_the_bare_answer_counts():
    text = ("Presenter: How many arrests since it was stepped up?\n\nMinister: Around 1,000 since the start of last "
            "year.")
    assert claims_of(text, "2025-08-14")[0][:2] == ("arrests", 950)


@pytest.mark.parametrize("text", [
    "At 0.56 there were 22 false positives out of 33, all from the same test.",
    "The study used 178,000 filler images and a watchlist of 10,000 images.",
    "Drones were used on 14 occasions to track suspects who fled from officers.",
    "We counted at least 18 deployments in boroughs where most residents are from ethnic minorities.",
    "The operation involved more than 400 officers and staff, including 32 officers from the Metropolitan Police.",
    "Some 1,500 officers were on duty on Saturday and they made 14 arrests, mostly for public order offences.",
    "One further person was arrested for assaulting an officer during the deployment; this arrest did not follow an "
    "LFR alert.",
])
def test_more_numbers_that_are_no_met_lfr_figure(text):
    assert claims_of(text, "2025-07-10") == []


@pytest.mark.parametrize("text, statement, question, expected", [
    ("Live Facial Recognition was deployed on eight occasions during the operation, and these deployments led to 27 "
     "of the arrests.", "2025-06-12", None, [("deployments", 8), ("arrests", 27)]),
    ("The Met and South Wales Police together made more than 1,100 arrests following live facial recognition alerts in "
     "2024/25; of these, the Metropolitan Police made 960.", "2025-06-10", None, [("arrests", 960)]),
    ("In Croydon, we were there 38 times last year.", "2025-02-05", None, [("deployments", 38)]),
    ("The Met has been to Hackney six times this year.", "2025-05-15", None, [("deployments", 6)]),
    ("The MPS has advised that it has not deployed LFR anywhere in London since February 2020.", "2021-06-17", None,
     [("deployments", 0)]),
    ("The Mayor: It's north of 400 this year, Susan.", "2024-11-21",
     "How many criminals has live facial recognition taken off the streets this year?", [("arrests", 401)]),
])
def test_counts_officials_give_in_passing(text, statement, question, expected):
    assert [c[:2] for c in claims_of(text, statement, question=question)] == expected


def test_the_week_beginning_a_date_is_that_week():
    question = ("How many live facial recognition alerts were generated at the deployments in Croydon and Lewisham "
                "during the week beginning 7 October 2024?")
    got = claims_of("The MPS has advised that 23 alerts were generated.", "2024-10-24", question=question)
    assert got[0][3:5] == ("2024-10-07", "2024-10-13")


@pytest.mark.parametrize("text, statement, expected", [
    ("The Metropolitan Police Service has advised that it deployed live facial recognition 16 times in March, 18 times "
     "in April and 17 times in May.", "2025-06-12",
     [("deployments", 16, "2025-03-01", "2025-03-31"), ("deployments", 18, "2025-04-01", "2025-04-30"),
      ("deployments", 17, "2025-05-01", "2025-05-31")]),
    ("LFR has been deployed 18 times in London since the start of the month.", "2025-04-25",
     [("deployments", 18, "2025-04-01", "2025-04-25")]),
    ("In the first quarter of this year, 48 deployments resulted in 231 arrests, with a false alert rate of one in "
     "around 147,000 faces.", "2025-04-02",
     [("deployments", 48, "2025-01-01", "2025-03-31"), ("arrests", 231, "2025-01-01", "2025-03-31"),
      ("false_alert_rate_per_face", pytest.approx(0.95 / 147000), "2025-01-01", "2025-03-31")]),
    ("Last month alone we deployed 16 times, the system generated 142 alerts and we made 65 - sorry, 63 arrests.",
     "2024-07-10", [("deployments", 16, "2024-06-01", "2024-06-30"), ("alerts_total", 142, "2024-06-01", "2024-06-30"),
                    ("arrests", 63, "2024-06-01", "2024-06-30")]),
    ("Since April we have deployed 158 times. In the previous financial year it was 63, so we have more than doubled. "
     "Over that period there have been 20 false alerts.", "2025-02-05",
     [("deployments", 158, "2024-04-01", "2025-02-05"), ("deployments", 63, "2023-04-01", "2024-03-31"),
      ("false_alerts", 20, "2024-04-01", "2025-02-05")]),
])
def test_lists_corrections_and_comparisons_keep_each_figure_its_own(text, statement, expected):
    assert [c[:2] + c[3:5] for c in claims_of(text, statement)] == expected


@pytest.mark.parametrize("text", [
    "Since 2022, Operation Sceptre has removed more than 1,500 knives from the streets of south London.",
    "Over the Easter weekend itself, officers across the Met made 212 arrests for all offences.",
    "We are on course for 100 deployments this year.",
    "Each watchlist this week held between 16,100 and 16,300 images.",
])
def test_knives_all_offences_plans_and_bounds_are_no_claims(text):
    assert claims_of(text, "2025-04-25") == []


def test_a_part_with_a_place_before_its_verb_and_the_first_of_a_set():
    text = "On Tuesday 5 March, officers in Tooting made four arrests from 12 alerts. Two of the alerts in Tooting were false."
    assert claims_of(text, "2024-03-08")[-1][:2] == ("false_alerts", 2)
    text = ("We deployed four times at Stratford in August. On 6 August, the first of the four, it was 15 alerts and "
            "seven arrests.")
    assert ("deployments", 4) not in [c[:2] for c in claims_of(text, "2024-10-24")[1:]]


def test_a_set_wider_than_the_places_carried_over_is_the_places_named_for_its_day():
    text = ("Six people were arrested yesterday after officers deployed LFR in Ilford town centre. On Thursday 7 "
            "November, 16 alerts led to ten arrests in Ilford. Yesterday officers were also on Walworth Road, where eight "
            "alerts resulted in four arrests. Across yesterday's two deployments, around 21,000 faces were scanned.")
    assert claims_of(text, "2024-11-22")[-1] == ("faces_seen", 19950, 22050, "2024-11-21", "2024-11-21",
                                                 ("Ilford town centre", "Walworth Road"))


def test_a_set_wider_than_the_places_named_for_its_day_is_for_the_day_alone():
    text = ("Six people were arrested yesterday after officers deployed LFR in Ilford town centre. "
            "Across yesterday's three deployments, around 21,000 faces were scanned.")
    assert claims_of(text, "2024-11-22")[-1][5] == ()


@pytest.mark.parametrize("text, statement, expected", [
    ("On Tuesday last week, officers were in Barking and neighbouring Dagenham, where nine arrests were made.",
     "2024-06-19", [("arrests", 9, "2024-06-11", "2024-06-11", ("Barking", "Dagenham"))]),
    ("Officers arrested 20 people this week. Across this week's four deployments, the system generated 52 alerts.",
     "2025-04-12", [("arrests", 20, "2025-04-07", "2025-04-12", ()), ("deployments", 4, "2025-04-07", "2025-04-12", ()),
                    ("alerts_total", 52, "2025-04-07", "2025-04-12", ())]),
    ("The operation led to the arrest of 22 people between Monday 10 February and Friday 14 February.", "2025-02-20",
     [("arrests", 22, "2025-02-10", "2025-02-14", ())]),
])
def test_days_weeks_and_places_followed_through_a_week(text, statement, expected):
    assert [c[:2] + c[3:] for c in claims_of(text, statement)] == expected


@pytest.mark.parametrize("text", [
    "SWP deployed the technology around 70 times between May 2017 and April 2019.",
    "Knife arches were used at West Croydon station on 4 occasions in the quarter.",
    "The Met's target is 100 deployments a quarter.",
    "At 0.64 and above, no false positives were recorded at all.",
])
def test_other_forces_abbreviated_other_tools_targets_and_settings(text):
    assert claims_of(text, "2025-08-01") == []


@pytest.mark.parametrize("text, statement, expected", [
    # the latest bank holiday weekend: Saturday to Monday (Easter's from Good Friday)
    ("Officers arrested 12 people over the bank holiday weekend.", "2025-05-28",
     [("arrests", 12, 12, "2025-05-24", "2025-05-26", ())]),
    ("Officers arrested 12 people over the bank holiday weekend.", "2025-04-25",
     [("arrests", 12, 12, "2025-04-18", "2025-04-21", ())]),
    ("Over the early May bank holiday weekend, five people were arrested.", "2025-05-28",
     [("arrests", 5, 5, "2025-05-03", "2025-05-05", ())]),
    # a quarter of the financial year the statement is in, or the one before
    ("In Q1 of this financial year, a further 70 deployments took place.", "2025-07-15",
     [("deployments", 70, 70, "2025-04-01", "2025-06-30", ())]),
    ("In the third quarter of last financial year, 40 deployments took place.", "2025-07-15",
     [("deployments", 40, 40, "2024-10-01", "2024-12-31", ())]),
    # months listed: the span from the first to the last
    ("In October, November and December alone it made 180 arrests.", "2025-01-20",
     [("arrests", 180, 180, "2024-10-01", "2024-12-31", ())]),
    # a month made the subject
    ("Commander: July was quieter: 12 deployments, and 50 arrests.", "2024-09-12",
     [("deployments", 12, 12, "2024-07-01", "2024-07-31", ()), ("arrests", 50, 50, "2024-07-01", "2024-07-31", ())]),
])
def test_periods_said_the_way_releases_and_answers_say_them(text, statement, expected):
    assert claims_of(text, statement) == expected


def test_the_week_before_is_the_calendar_week_before_the_frames():
    text = ("Nine people were arrested last week during three LFR deployments in Bromley. The deployments took place "
            "on Tuesday, Wednesday and Friday. The week before, two deployments in Bromley led to five arrests.")
    assert claims_of(text, "2025-03-14")[-2:] == [("deployments", 2, 2, "2025-02-24", "2025-03-02", ("Bromley",)),
                                                  ("arrests", 5, 5, "2025-02-24", "2025-03-02", ("Bromley",))]


def test_the_week_before_a_named_period_needs_that_period_in_the_frame():
    question = "How many LFR deployments did the Met carry out during the February half-term (17 to 21 February 2025)?"
    text = ("During half-term, the MPS deployed LFR on four occasions. In the week before half-term, there were three "
            "deployments across London.")
    got = claims_of(text, "2025-03-06", question=question)
    assert got[-1] == ("deployments", 3, 3, "2025-02-10", "2025-02-16", ())
    assert claims_of("Figures: two deployments in May. In the week before Easter, there were three deployments.",
                     "2025-06-06")[-1][3:5] != ("2025-04-28", "2025-05-04")  # not the week before May


def test_across_the_six_deployments_after_one_day_of_them_is_the_whole_set():
    text = ("Between Monday 23 December and Saturday 28 December, LFR was deployed six times across London. "
            "On Boxing Day alone, five arrests were made in Romford. "
            "Across the six deployments, the cameras generated 21 alerts, one of which was false.")
    assert claims_of(text, "2024-12-30")[-2:] == [("alerts_total", 21, 21, "2024-12-23", "2024-12-28", ()),
                                                  ("false_alerts", 1, 1, "2024-12-23", "2024-12-28", ())]


def test_across_both_deployments_after_one_place_of_the_day_is_both_places():
    text = ("Eleven people were arrested after officers deployed LFR in Romford and Croydon yesterday. "
            "In Romford, the cameras on South Street generated 12 alerts and five people were arrested. "
            "In Croydon, one of the 19 alerts generated on North End was false. "
            "Across both deployments the cameras scanned an estimated 40,000 faces.")
    assert claims_of(text, "2025-02-28")[-1] == ("faces_seen", 38000, 42000, "2025-02-27", "2025-02-27",
                                                 ("Romford", "Croydon"))


def test_the_two_deployments_are_the_two_places_named_for_the_day():
    text = ("Seven people were arrested after officers used LFR outside Walthamstow Central station on Friday (11 "
            "April). Officers also deployed LFR at King's Cross on the same day, where four people were arrested. "
            "Across the two deployments, the cameras scanned around 30,000 faces.")
    assert claims_of(text, "2025-04-12")[-1] == ("faces_seen", 28500, 31500, "2025-04-11", "2025-04-11",
                                                 ("Walthamstow Central", "King's Cross"))


def test_an_answers_lines_of_figures_by_month_year_and_place_are_items():
    text = ("The MPS has advised that the figures for each month are as follows:\n\n"
            "January 2025: 15 deployments, 160 alerts, 70 arrests\nMay 2025 (to date): 7 deployments, 70 alerts\n\n"
            "Over the first four months of the year, five alerts were false.")
    assert claims_of(text, "2025-05-22") == [
        ("deployments", 15, 15, "2025-01-01", "2025-01-31", ()), ("alerts_total", 160, 160, "2025-01-01", "2025-01-31", ()),
        ("arrests", 70, 70, "2025-01-01", "2025-01-31", ()), ("deployments", 7, 7, "2025-05-01", "2025-05-22", ()),
        ("alerts_total", 70, 70, "2025-05-01", "2025-05-22", ()), ("false_alerts", 5, 5, "2025-01-01", "2025-04-30", ())]
    text = "The MPS has advised the following:\n\n2023: 20 deployments, 80 alerts\n2025 (to 31 May): 80 deployments"
    assert claims_of(text, "2025-06-10") == [
        ("deployments", 20, 20, "2023-01-01", "2023-12-31", ()), ("alerts_total", 80, 80, "2023-01-01", "2023-12-31", ()),
        ("deployments", 80, 80, "2025-01-01", "2025-05-31", ())]
    text = "Since January 2024 LFR has been deployed as follows:\n\nSutton: 4 deployments, 9 arrests\nBromley: 2 deployments"
    assert [c[5] for c in claims_of(text, "2025-04-28")] == [("Sutton",), ("Sutton",), ("Bromley",)]


def test_a_noun_with_its_modifier_rises_from_one_figure_to_another():
    text = ("Its records show that arrests following an LFR alert rose from 270 in the first half of 2024 to 310 in the "
            "second. False alerts fell from 30 in the first half of the year to just five in the second.")
    assert claims_of(text, "2025-02-04") == [
        ("arrests", 270, 270, "2024-01-01", "2024-06-30", ()), ("arrests", 310, 310, "2024-07-01", "2024-12-31", ()),
        ("false_alerts", 30, 30, "2024-01-01", "2024-06-30", ()), ("false_alerts", 5, 5, "2024-07-01", "2024-12-31", ())]


def test_a_tactic_said_not_to_be_used_does_not_make_the_passage_mixed():
    text = ("Officers used LFR on North End in Croydon on Wednesday (13 November). In Croydon, 11 people were arrested.\n\n"
            "Notes to editors: No Section 60 order was in place.")
    assert claims_of(text, "2024-11-15") == [("arrests", 11, 11, "2024-11-13", "2024-11-13", ("Croydon",))]


def test_a_table_turned_on_its_side_counts_only_lfrs_rows_in_each_columns_place():
    text = ("Key figures, Q1 2025/26 (1 April – 30 June 2025)\nMeasure | Bromley | Croydon | Sutton\n"
            "Stop and search | 1,100 | 2,870 | 510\nLFR deployments | 5 | 12 | 2\n\n"
            "Across these deployments, the cameras scanned c.400,000 faces.")
    assert claims_of(text, "2025-08-08") == [
        ("deployments", 5, 5, "2025-04-01", "2025-06-30", ("Bromley",)),
        ("deployments", 12, 12, "2025-04-01", "2025-06-30", ("Croydon",)),
        ("deployments", 2, 2, "2025-04-01", "2025-06-30", ("Sutton",)),
        # (the faces "across these deployments" are the rows' places, as synthetic21's writer has them)
        ("faces_seen", 380000, 420000, "2025-04-01", "2025-06-30", ("Bromley", "Croydon", "Sutton"))]


@pytest.mark.parametrize("text", [
    # an operation's own results, in a release that reports its other work
    "Officers have arrested 80 people in the West End during a two-week crackdown on shoplifting.\n\nResults include:\n"
    "• 80 arrests, including 40 for shoplifting\n• 50 applications for Criminal Behaviour Orders",
    "Newham officers made 110 arrests during a week of action in Stratford earlier this month.",
    "The deployments were part of the Met's winter night-time economy operation, which has made more than 1,000 "
    "arrests for all offences since November.",
])
def test_an_operations_figures_are_not_lfrs(text):
    assert [c for c in claims_of(text, "2025-12-12") if c[0] == "arrests"] == []


def test_a_part_of_an_lfr_figure_counts_in_a_release_that_reports_other_tactics():
    text = ("SEVEN people were arrested after police used live facial recognition cameras in Camden Town over the "
            "weekend.\n\nFour of the seven people arrested were wanted for violent offences.\n\n"
            "Separately, a dispersal order covering NW1 was in force from 6pm on Saturday.")
    assert [c[:3] for c in claims_of(text, "2024-07-15")] == [("arrests", 7, 7), ("arrests", 4, 4)]


def test_deployments_as_part_of_a_week_of_action_are_a_count_not_a_rate():
    text = "Officers used LFR outside Lewisham station on three occasions last week as part of a week of action."
    assert claims_of(text, "2024-11-25") == [("deployments", 3, 3, "2024-11-18", "2024-11-24", ("Lewisham",))]


@pytest.mark.parametrize("text, expected", [
    ("Officers engaged with 1,000 people following an alert. Of those arrested, around 90 were wanted for shoplifting.",
     [("engagements", 1000, 1000), ("arrests", 85, 95)]),
    ("The cameras generated 25 alerts, only one of which turned out to be wrong.",
     [("alerts_total", 25, 25), ("false_alerts", 1, 1)]),
    ("In Croydon, one of the 19 alerts generated on North End was a false alert.",
     [("false_alerts", 1, 1), ("alerts_total", 19, 19)]),
])
def test_parts_said_loosely(text, expected):
    assert [c[:3] for c in claims_of(text, "2025-06-05")] == expected


def test_places_joined_after_a_station_share_the_day_after_them():
    text = ("Officers deployed LFR four times last week, at Westfield Stratford City and Wembley Central on Wednesday "
            "(9 April) and outside Walthamstow Central station and at King's Cross on Friday (11 April).\n\n"
            "At Walthamstow Central, officers made six arrests.")
    assert claims_of(text, "2025-04-14")[-1] == ("arrests", 6, 6, "2025-04-11", "2025-04-11", ("Walthamstow Central",))


def test_a_speakers_remit_is_not_where_the_figure_is_and_a_quoted_place_is():
    text = ('Chief Superintendent Jane Doe, who leads policing in Newham and Tower Hamlets, said: "Stratford has now seen '
            'five deployments since the start of August."')
    assert claims_of(text, "2024-10-18") == [("deployments", 5, 5, "2024-08-01", "2024-10-18", ("Stratford",))]
    text = ('Chief Superintendent Jane Doe, who leads policing in Barking and Dagenham, said: "Last year our false alert '
            'rate was roughly one in every 30,000 faces."')
    assert claims_of(text, "2025-02-07")[0][5] == ()


def test_the_busiest_location_named_is_the_figures_place():
    text = "The busiest location was Kingsland High Street in Dalston, where officers arrested 13 people."
    assert claims_of(text, "2024-12-21")[0][5] == ("Kingsland High Street",)


@pytest.mark.parametrize("text, statement, expected", [
    ("LFR was first deployed in Croydon on 7 December 2023. In the months since, 30 arrests have been made there.",
     "2024-02-28", ("arrests", 30, 30, "2023-12-07", "2024-02-28", ("Croydon",))),
    ("LFR was first used in Haringey on 3 October 2024; since then, 50 arrests have been made in the borough.",
     "2024-11-28", ("arrests", 50, 50, "2024-10-03", "2024-11-28", ("Haringey",))),
    ("The cameras went live last October. In the months since, they have led to 200 arrests.",
     "2026-05-06", ("arrests", 200, 200, "2025-10-01", "2026-05-06", ())),
    ("Since the fixed cameras went in on North End last October, 90 arrests have been made in Croydon.",
     "2026-01-08", ("arrests", 90, 90, "2025-10-01", "2026-01-08", ("North End", "Croydon"))),
    ("In the last financial year, LFR led to 600 arrests, up from 170 the year before.",
     "2025-07-15", ("arrests", 170, 170, "2023-04-01", "2024-03-31", ())),
    ("We deployed it seven times since January; four of those were last month.",
     "2026-03-12", ("deployments", 4, 4, "2026-02-01", "2026-02-28", ())),
    ("In the past fortnight, LFR has been deployed six times in Hackney, leading to 18 arrests. Dalston saw the most "
     "arrests, with seven.", "2024-06-21", ("arrests", 7, 7, "2024-06-07", "2024-06-21", ("Dalston",))),
])
def test_periods_that_run_on_from_an_earlier_point_or_a_part_of_one(text, statement, expected):
    assert claims_of(text, statement)[-1] == expected


@pytest.mark.parametrize("text, statement, expected", [
    ("1/ New figures: in Q4 of 2025/26 (January to March) LFR was deployed 110 times.\n\n2/ That's up from 60 "
     "deployments in the same quarter last year.\n\n3/ Just 3 false alerts in the quarter.", "2026-04-10",
     [("deployments", 110, 110, "2026-01-01", "2026-03-31", ()), ("deployments", 60, 60, "2025-01-01", "2025-03-31", ()),
      ("false_alerts", 3, 3, "2026-01-01", "2026-03-31", ())]),
    ("LFR was deployed 38 times across London in April. In the same month last year, LFR was deployed 18 times.",
     "2025-05-02", [("deployments", 38, 38, "2025-04-01", "2025-04-30", ()),
                    ("deployments", 18, 18, "2024-04-01", "2024-04-30", ())]),
    ("They have led to 90 arrests. In the first two weeks of this month alone, there were another 14 or so.",
     "2025-03-26", [("arrests", 90, 90, None, "2025-03-26", ()), ("arrests", 13, 15, "2025-03-01", "2025-03-14", ())]),
])
def test_a_quarter_a_month_or_weeks_pointed_back_to(text, statement, expected):
    assert claims_of(text, statement) == expected


@pytest.mark.parametrize("text, statement, expected", [
    ("Croydon and Southwark also saw the most deployments, with eight and six respectively.", "2025-05-02",
     [("deployments", 8, 8, None, None, ("Croydon",)), ("deployments", 6, 6, None, None, ("Southwark",))]),
    ("At Oxford Circus, it's been six deployments, and a dozen of the arrests.", "2023-06-21",
     [("deployments", 6, 6, None, None, ("Oxford Circus",)), ("arrests", 12, 12, None, None, ("Oxford Circus",))]),
    ("Stratford, for example - we've been there between 10 and 12 times this year.", "2025-10-02",
     [("deployments", 10, 12, "2025-01-01", "2025-10-02", ())]),
    ("The Met advises that these figures exclude one deployment in Lewisham on 14 March that was stood down.",
     "2024-07-18", []),
])
def test_counts_said_in_passing(text, statement, expected):
    assert claims_of(text, statement) == expected


@pytest.mark.parametrize("text, statement, expected", [
    ("The MPS carried out 180 deployments in 2024/25. Those deployments led to 680 arrests, compared with 120 the year "
     "before.", "2025-06-05", ("arrests", 120, 120, "2023-04-01", "2024-03-31", ())),
    ("In 2024 the MPS deployed LFR 180 times. That compares with 60 deployments the year before.", "2025-02-01",
     ("deployments", 60, 60, "2023-01-01", "2023-12-31", ())),
    # "In the previous quarter" answers the question; "the same quarter last year" after it is that quarter a year back
    ("It deployed LFR 16 times in March, 18 times in April and 17 times in May.\n\nIn the previous quarter, the Met "
     "made 230 arrests.\n\nIn the same quarter last year, it made 180.", "2025-06-12",
     ("arrests", 180, 180, "2024-01-01", "2024-03-31", ())),
])
def test_the_year_or_quarter_before_the_one_the_frame_holds(text, statement, expected):
    assert claims_of(text, statement)[-1] == expected


def test_a_questions_list_of_days_is_one_scope_for_the_answer():
    question = ("On Wednesday and Thursday last week, how many times was live facial recognition deployed in East Ham "
                "and Stratford?")
    text = "The MPS has advised that LFR was deployed three times.\n\nIn East Ham, the system generated 15 alerts."
    assert claims_of(text, "2024-10-22", question=question)[-1] == ("alerts_total", 15, 15, "2024-10-16", "2024-10-17",
                                                                    ("East Ham",))


@pytest.mark.parametrize("text, expected", [
    ("The Mayor: Seven false alerts across London in that time, out of 350.",
     [("false_alerts", 7, 7), ("alerts_total", 350, 350)]),
    ("Presenter: Ten or so out of 3 million.", []),  # out of millions: faces, not alerts
])
def test_false_alerts_out_of_a_whole(text, expected):
    assert [c[:3] for c in claims_of(text, "2024-07-18")] == expected


@pytest.mark.parametrize("text, statement, expected", [
    # when an offence happened moves no frame: "On the same day" is still the deployment's day
    ("Dale was arrested on London Road on Friday 2 May after the cameras alerted officers.\n\nThe assault took place "
     "in Thornton Heath in August 2021.\n\nOn the same day, officers using LFR outside Bond Street station arrested "
     "four people.", "2025-06-20", ("arrests", 4, 4, "2025-05-02", "2025-05-02", ("Bond Street",))),
    ("Over the bank holiday weekend, officers using LFR in Soho arrested a further three people.", "2025-06-20",
     ("arrests", 3, 3, "2025-05-24", "2025-05-26", ("Soho",))),
    ("In 2024/25 the MPS recorded 24 false alerts.\n\nIn the previous financial year there were nine false alerts.",
     "2025-05-29", ("false_alerts", 9, 9, "2023-04-01", "2024-03-31", ())),
])
def test_an_offences_time_a_further_count_and_the_year_before_the_one_discussed(text, statement, expected):
    assert claims_of(text, statement)[-1] == expected


def test_a_part_of_a_fronted_whole_by_period_and_places_joined_after_their_town():
    text = ("It deployed LFR on 179 occasions in the 2024 calendar year, and these deployments led to more than 550 "
            "arrests. Of those arrests, around 300 were made in the first half of the year.")
    assert claims_of(text, "2025-02-10")[-1] == ("arrests", 285, 315, "2024-01-01", "2024-06-30", ())
    text = ("This week our LFR teams deployed four times: on North End in Croydon and on High Road in Wood Green on "
            "Wednesday, then in Barking and Dagenham on Friday.\n\nOn North End alone, 23 alerts led to 10 arrests.")
    assert claims_of(text, "2024-11-16")[-1] == ("arrests", 10, 10, "2024-11-13", "2024-11-13", ("North End",))


@pytest.mark.parametrize("text", [
    "A single deployment should not normally exceed 12 hours.",
    "The false positive identification rate was 0.02 per cent, equivalent to 1 in 5,000 passers-by when a watchlist "
    "of 10,000 images is used, or 1 in 50,000 with a watchlist of 1,000 images.",
])
def test_a_rule_and_a_condition_state_no_count(text):
    assert [c for c in claims_of(text, "2024-05-16") if c[0] in ("deployments", "watchlist_size")] == []
    assert not any(c[1] == 1 / 50_000 for c in claims_of(text, "2024-05-16"))


def test_a_comparison_in_brackets_neither_scopes_the_rest_nor_moves_the_frame():
    text = ("The Met publishes figures for the first half of 2025, during which LFR was deployed on 110 occasions "
            "(compared with 60 in the same period last year) and generated 1,100 alerts.\n\n"
            "Across the same six months, 400 people were arrested.")
    assert [c[:5] for c in claims_of(text, "2025-07-09")] == [
        ("deployments", 110, 110, "2025-01-01", "2025-06-30"), ("deployments", 60, 60, "2024-01-01", "2024-06-30"),
        ("alerts_total", 1100, 1100, "2025-01-01", "2025-06-30"), ("arrests", 400, 400, "2025-01-01", "2025-06-30")]


def test_a_total_split_by_day_between_dashes_in_a_release_about_a_whole_operation():
    text = ("Over the two days of Notting Hill Carnival, officers made 420 arrests for a range of offences.\n\n"
            "Live Facial Recognition cameras were deployed on both days on the approaches to the Carnival.\n\n"
            "They led to 45 arrests – 28 on Sunday and 17 on Monday – among them people wanted for rape.\n\n"
            "Twenty of those arrested were registered sex offenders.\n\nKnife arches detected 14 weapons.")
    assert [c[:5] for c in claims_of(text, "2025-08-26")] == [
        ("arrests", 45, 45, "2025-08-24", "2025-08-25"), ("arrests", 28, 28, "2025-08-24", "2025-08-24"),
        ("arrests", 17, 17, "2025-08-25", "2025-08-25"), ("arrests", 20, 20, "2025-08-24", "2025-08-25")]


@pytest.mark.parametrize("text", [
    "The Mayor: My answer to question 2024/1187 stated that there had been 50 alerts and 18 arrests in Sutton.",
    "The watchlist for each deployment held fewer than 16,000 images, in line with Met policy.",
    "I have also seen the figure of 3 million faces scanned cited by campaign groups.",
    "The Panel met four times during the quarter and reviewed 12 deployment plans.",
])
def test_what_an_earlier_answer_said_a_bound_a_campaigners_figure_and_plans_are_no_claims(text):
    assert claims_of(text, "2024-05-01") == []


def test_respectively_after_the_most_lfr_deployments_and_in_the_next_sentence():
    text = ("The Mayor: In 2025, Croydon and Westminster saw the most LFR deployments, with 40 and 36 respectively.\n\n"
            "Those deployments led to 160 and 110 arrests respectively.")
    assert [(c[0], c[1], c[5]) for c in claims_of(text, "2026-01-22")] == [
        ("deployments", 40, ("Croydon",)), ("deployments", 36, ("Westminster",)),
        ("arrests", 160, ("Croydon",)), ("arrests", 110, ("Westminster",))]


def test_places_each_after_its_day_take_the_day_before_them():
    text = ("On Monday (18 November) the cameras were outside Lewisham station, on Wednesday (20 November) they were on "
            "Rushey Green in Catford, and yesterday they were in Rye Lane, Peckham.\n\n"
            "In Catford, six alerts led to five arrests.\n\nAt Lewisham, four people were arrested.")
    assert [c[3:6] for c in claims_of(text, "2024-11-22")] == [
        ("2024-11-20", "2024-11-20", ("Catford",)), ("2024-11-20", "2024-11-20", ("Catford",)),
        ("2024-11-18", "2024-11-18", ("Lewisham",))]


def test_an_aside_between_dashes_neither_splits_the_sentence_nor_dates_it():
    text = ("Six people – among them a man wanted on recall to prison and a woman sought for a serious assault in "
            "Leyton in 2023 – were arrested on Thursday (13 March) after officers deployed LFR cameras on "
            "Walthamstow High Street.")
    assert claims_of(text, "2025-03-14") == [("arrests", 6, 6, "2025-03-13", "2025-03-13", ("Walthamstow High Street",))]


def test_a_table_by_date_under_a_place_keeps_the_place():
    text = ("The MPS has provided the following information on deployments on Powis Street, Woolwich in 2025:\n\n"
            "Date | Alerts | Arrests\n10 January | 13 | 4\n24 January | 10 | 5")
    assert [c[3:6] for c in claims_of(text, "2025-05-22")][:2] == [("2025-01-10", "2025-01-10", ("Powis Street, Woolwich",))] * 2


@pytest.mark.parametrize("text, statement, expected", [
    ("It recorded 180 deployments in the 2024/25 financial year, compared with 60 deployments and 170 arrests in "
     "2023/24.", "2025-06-03", [("deployments", 180, 180, "2024-04-01", "2025-03-31", ()),
                                ("deployments", 60, 60, "2023-04-01", "2024-03-31", ()),
                                ("arrests", 170, 170, "2023-04-01", "2024-03-31", ())]),
    ("Since the start of the year, officers have used the technology on 70 occasions – more than in the whole of 2023 "
     "– and made 320 arrests.", "2025-05-10", [("deployments", 70, 70, "2025-01-01", "2025-05-10", ()),
                                               ("arrests", 320, 320, "2025-01-01", "2025-05-10", ())]),
    ("Powis Street in Woolwich, where the cameras were deployed on 3 and 12 December, accounted for seven arrests.",
     "2024-12-23", [("arrests", 7, 7, "2024-12-03", "2024-12-12", ("Powis Street",))]),
])
def test_comparisons_listed_asides_and_a_street_opening_a_sentence(text, statement, expected):
    assert claims_of(text, statement) == expected


def test_what_follows_a_dash_spells_the_figure_out():
    text = ("Officers have deployed live facial recognition three times in Stratford this month – on Stratford Broadway "
            "on Thursday 3 April and again on Tuesday 15 April, and outside Westfield Stratford City on Wednesday 9 April.")
    assert claims_of(text, "2025-04-18")[0][:5] == ("deployments", 3, 3, "2025-04-03", "2025-04-15")


@pytest.mark.parametrize("text, expected", [
    # a whole, where most of it was, and each place's count in brackets
    ("In 2024 the Met deployed LFR 180 times, most often in Croydon (46 deployments) and Newham (29 deployments).",
     [("deployments", 180, 180, "2024-01-01", "2024-12-31", ()),
      ("deployments", 46, 46, "2024-01-01", "2024-12-31", ("Croydon",)),
      ("deployments", 29, 29, "2024-01-01", "2024-12-31", ("Newham",))]),
    # a part named after the whole
    ("In 2024 the Met deployed LFR 180 times, including 46 in Croydon.",
     [("deployments", 180, 180, "2024-01-01", "2024-12-31", ()),
      ("deployments", 46, 46, "2024-01-01", "2024-12-31", ("Croydon",))]),
    # the whole's parts "respectively", with no noun of their own
    ("Of the 180 deployments in 2024, 46 and 31 took place in Croydon and Newham respectively.",
     [("deployments", 180, 180, "2024-01-01", "2024-12-31", ()),
      ("deployments", 46, 46, "2024-01-01", "2024-12-31", ("Croydon",)),
      ("deployments", 31, 31, "2024-01-01", "2024-12-31", ("Newham",))]),
])
def test_a_whole_and_its_parts_by_place(text, expected):
    assert claims_of(text, "2025-06-01") == expected


def test_the_places_of_parts_set_no_scene_for_the_next_sentence():
    text = ("In 2024 the Met deployed LFR 180 times. Of these, 46 and 31 took place in Croydon and Newham respectively. "
            "There were 14 false alerts.")
    assert claims_of(text, "2025-06-01")[-1] == ("false_alerts", 14, 14, "2024-01-01", "2024-12-31", ())


def test_the_set_named_in_a_comparison_is_no_count_of_deployments():
    text = ("Between July 2022 and August 2023 the Met deployed LFR 17 times, most often in Westminster. Over that period "
            "26 people were arrested, compared with one arrest across the two deployments in 2020.")
    assert [c[:2] for c in claims_of(text, "2023-10-01")] == [("deployments", 17), ("arrests", 26), ("arrests", 1)]


def test_an_answers_lines_by_month_and_across_the_months_listed():
    question = "For each month of 2025 so far, how many times has the MPS deployed LFR, and how many arrests followed?"
    text = ("The MPS has provided the following figures:\n\nJanuary: 16 deployments, 39 arrests\n"
            "February: 19 deployments, 44 arrests\n\nFigures for March will be published once the month is complete.\n\n"
            "Across the two months, the MPS recorded two false alerts.")
    assert [c[:5] for c in claims_of(text, "2025-03-15", question=question)] == [
        ("deployments", 16, 16, "2025-01-01", "2025-01-31"), ("arrests", 39, 39, "2025-01-01", "2025-01-31"),
        ("deployments", 19, 19, "2025-02-01", "2025-02-28"), ("arrests", 44, 44, "2025-02-01", "2025-02-28"),
        ("false_alerts", 2, 2, "2025-01-01", "2025-02-28")]


@pytest.mark.parametrize("text, statement, expected", [
    # a comparison that goes on after "and"
    ("In January there were 119 arrests, up from 94 in December and 87 in November.", "2026-02-04",
     [("arrests", 119, 119, "2026-01-01", "2026-01-31", ()), ("arrests", 94, 94, "2025-12-01", "2025-12-31", ()),
      ("arrests", 87, 87, "2025-11-01", "2025-11-30", ())]),
    # parts of a fronted whole, the second by what they had done
    ("In January, of the 119 people arrested, 22 were wanted on recall to prison and nine had breached sexual harm "
     "prevention orders.", "2026-02-04",
     [("arrests", 119, 119, "2026-01-01", "2026-01-31", ()), ("arrests", 22, 22, "2026-01-01", "2026-01-31", ()),
      ("arrests", 9, 9, "2026-01-01", "2026-01-31", ())]),
    # when evidence was given is not what it was about
    ("In oral evidence on 9 October 2025, the Director told us that in the twelve months to the end of August the force "
     "had made 801 arrests following an LFR alert.", "2025-12-04",
     [("arrests", 801, 801, "2024-09-01", "2025-08-31", ())]),
    # a campaign group's figure, "according to"; a figure named again as "that figure"; what a figure is more than
    ("According to Big Brother Watch, the Met scanned more than 4 million faces last year.", "2025-11-19", []),
    ("Last year, the Met used LFR on 231 occasions. The year before, that figure was 180.", "2025-11-19",
     [("deployments", 231, 231, "2024-01-01", "2024-12-31", ()), ("deployments", 180, 180, "2023-01-01", "2023-12-31", ())]),
    ("Last year the Met used LFR 231 times. The year before, it was 180. Across those two years, fewer than 20 false "
     "alerts were recorded.", "2025-11-19",
     [("deployments", 231, 231, "2024-01-01", "2024-12-31", ()), ("deployments", 180, 180, "2023-01-01", "2023-12-31", ()),
      ("false_alerts", None, 19, "2023-01-01", "2024-12-31", ())]),
    ("This year, up to the end of October, there have been 246 deployments, already more than in the whole of last year.",
     "2025-11-19", [("deployments", 246, 246, "2025-01-01", "2025-10-31", ())]),
    # Easter's days
    ("The four deployments, in Stratford and Ilford, ran between Good Friday and Easter Monday.", "2025-04-23",
     [("deployments", 4, 4, "2025-04-18", "2025-04-21", ("Stratford", "Ilford"))]),
    ("On Easter Monday, officers arrested four people in Ilford.", "2025-04-23",
     [("arrests", 4, 4, "2025-04-21", "2025-04-21", ("Ilford",))]),
    # a place the sentence is about, with an aside before its verb
    ("Between January and May 2024 LFR was used 18 times in Croydon town centre. Thornton Heath, outside the town centre, "
     "saw two further deployments over the same period.", "2024-07-18",
     [("deployments", 18, 18, "2024-01-01", "2024-05-31", ("Croydon town centre",)),
      ("deployments", 2, 2, "2024-01-01", "2024-05-31", ("Thornton Heath",))]),
])
def test_comparisons_parts_campaigners_and_holidays(text, statement, expected):
    assert claims_of(text, statement) == expected


def test_a_quarter_spelled_out_in_a_title_and_the_same_quarter_last_year():
    title = "MOPAC Oversight Board: Live Facial Recognition performance, Quarter 2 2025/26"
    text = "Deployments: 71\n\nIn the same quarter last year there were 44 deployments."
    assert [c[3:5] for c in claims_of(text, "2025-11-27", title=title)] == [("2025-07-01", "2025-09-30"),
                                                                           ("2024-07-01", "2024-09-30")]


def test_figures_listed_for_the_years_a_question_asked_about_apart():
    question = ("How many LFR deployments took place in Westminster in 2023 and in 2024, and how many arrests resulted in "
                "each of those years?")
    text = "The MPS deployed LFR in Westminster 9 and 34 times respectively.\n\nThese deployments resulted in 17 and 88 arrests."
    assert claims_of(text, "2025-02-20", question=question) == [
        ("deployments", 9, 9, "2023-01-01", "2023-12-31", ("Westminster",)),
        ("deployments", 34, 34, "2024-01-01", "2024-12-31", ("Westminster",)),
        ("arrests", 17, 17, "2023-01-01", "2023-12-31", ("Westminster",)),
        ("arrests", 88, 88, "2024-01-01", "2024-12-31", ("Westminster",))]


def test_a_dateline_is_when_it_was_written_and_the_next_paragraph_dates_the_lede():
    text = ("Published: 14 March 2025\n\nSeven people have been arrested after officers used LFR in Walthamstow.\n\n"
            "The deployment, outside Walthamstow Central station on Thursday (13 March), ran until early evening.")
    assert claims_of(text, "2025-03-14")[0][3:5] == ("2025-03-13", "2025-03-13")


def test_a_plan_that_did_not_go_ahead_moves_no_frame_and_a_borough_holds_many_deployments():
    question = "How many times was LFR deployed in Hackney between January and September 2024?"
    text = ("It counted two deployments that were planned for Dalston in June but did not go ahead.\n\n"
            "The correct figure for the period requested is 10 deployments, which resulted in 27 arrests.")
    assert claims_of(text, "2024-12-12", question=question) == [
        ("deployments", 10, 10, "2024-01-01", "2024-09-30", ("Hackney",)),
        ("arrests", 27, 27, "2024-01-01", "2024-09-30", ("Hackney",))]


@pytest.mark.parametrize("text, statement, expected", [
    ("LFR was deployed five times this week as part of an operation. The wider operation, which also included licensing "
     "visits, resulted in 97 arrests. Twenty-two of those arrests followed an alert from the LFR cameras.", "2024-11-22",
     [("deployments", 5, 5, "2024-11-18", "2024-11-22", ()), ("arrests", 22, 22, "2024-11-18", "2024-11-22", ())]),
    ("On Saturday 12 October nine people were arrested in Lewisham. Those arrested included three people wanted for "
     "robbery.", "2024-10-14", [("arrests", 9, 9, "2024-10-12", "2024-10-12", ("Lewisham",)),
                                ("arrests", 3, 3, "2024-10-12", "2024-10-12", ("Lewisham",))]),
    ("In August these deployments led to 61 arrests, 21 of them of people wanted for violent offences.", "2025-09-15",
     [("arrests", 61, 61, "2025-08-01", "2025-08-31", ()), ("arrests", 21, 21, "2025-08-01", "2025-08-31", ())]),
    ("This year we've deployed it something like 150 times. More than 100 of those arrested were registered sex "
     "offenders.", "2025-06-26", [("deployments", 142, 158, "2025-01-01", "2025-06-26", ()),
                                 ("arrests", 101, None, "2025-01-01", "2025-06-26", ())]),
    ("After deployments resumed in July 2022 the MPS used LFR six times before the end of that year, making nine "
     "arrests.", "2024-03-20", [("deployments", 6, 6, "2022-07-01", "2022-12-31", ()),
                                ("arrests", 9, 9, "2022-07-01", "2022-12-31", ())]),
    # a zero that is a principle, and a number after a sentence that said where its figure came from
    ("Since 1 September the figure has risen to 161 arrests, and not one of those arrests followed a false alert.",
     "2026-03-11", [("arrests", 161, 161, "2025-09-01", "2026-03-11", ())]),
    ("Last financial year it was 854 arrests from 231 deployments. This financial year we are on 712 so far.",
     "2025-11-25", [("arrests", 854, 854, "2024-04-01", "2025-03-31", ()),
                    ("deployments", 231, 231, "2024-04-01", "2025-03-31", ()),
                    ("arrests", 712, 712, "2025-04-01", "2025-11-25", ())]),
])
def test_parts_named_in_other_words_and_periods_ended_by_that_year(text, statement, expected):
    assert claims_of(text, statement) == expected


def test_an_answer_opening_with_we_are_after_a_question():
    text = ("Presenter: How many arrests has facial recognition led to this year?\n\n"
            "Commissioner: This year we're north of 400.")
    assert claims_of(text, "2025-06-26") == [("arrests", 401, None, "2025-01-01", "2025-06-26", ())]


def test_each_of_the_last_three_years_asked_and_answered_respectively():
    question = ("To ask the Secretary of State how many arrests the Metropolitan Police made following live facial "
                "recognition alerts in each of the last three calendar years.")
    text = "Its published records show 21, 176 and 562 arrests in those years respectively."
    assert [c[1:5] for c in claims_of(text, "2025-03-10", question=question)] == [
        (21, 21, "2022-01-01", "2022-12-31"), (176, 176, "2023-01-01", "2023-12-31"), (562, 562, "2024-01-01", "2024-12-31")]


def test_the_set_counted_with_no_place_is_the_whole_week_after_a_days_place():
    text = ("LFR was deployed five times in south London this week.\n\nIn Croydon, where the vans spent Wednesday and "
            "Thursday, nine people were arrested.\n\nAcross the five deployments the system generated 41 alerts.")
    assert claims_of(text, "2024-11-22")[-1] == ("alerts_total", 41, 41, "2024-11-18", "2024-11-22", ())


def test_a_correction_names_the_earlier_answer_and_a_reason_does_not_scope_the_corrected_figure():
    question = "Will you correct your answer to question 2024/3145 on live facial recognition in August 2024?"
    text = ("In my answer to question 2024/3145 on 19 September I stated that live facial recognition had been deployed "
            "14 times in August 2024. That was incorrect: the correct figure is 15, because four deployments in "
            "Westminster on 22 August had been recorded as three. The number of arrests I gave, 41, is unchanged. I also "
            "gave the number of alerts as 82; it should have read 80.")
    assert claims_of(text, "2024-10-17", question=question) == [
        ("deployments", 15, 15, "2024-08-01", "2024-08-31", ()),
        ("deployments", 4, 4, "2024-08-22", "2024-08-22", ("Westminster",)),
        ("arrests", 41, 41, "2024-08-01", "2024-08-31", ()),
        ("alerts_total", 80, 80, "2024-08-01", "2024-08-31", ())]


def test_a_post_with_places_each_after_its_day_and_lines_by_place():
    text = ("Two more #LiveFacialRecognition deployments in the East Area this week - South Street, Romford on Tuesday "
            "and Ilford High Street yesterday.\n\nRomford: 8 alerts, 4 arrests\n"
            "Ilford: 11 alerts, 8 arrests (incl. a man wanted for GBH since 2022)\n\nThat's 10 arrests this week.")
    assert claims_of(text, "2024-11-22") == [
        ("deployments", 2, 2, "2024-11-19", "2024-11-21", ("South Street, Romford", "Ilford High Street")),
        ("alerts_total", 8, 8, "2024-11-19", "2024-11-19", ("Romford",)),
        ("arrests", 4, 4, "2024-11-19", "2024-11-19", ("Romford",)),
        ("alerts_total", 11, 11, "2024-11-21", "2024-11-21", ("Ilford",)),
        ("arrests", 8, 8, "2024-11-21", "2024-11-21", ("Ilford",)),
        ("arrests", 10, 10, "2024-11-18", "2024-11-22", ("South Street, Romford", "Ilford High Street"))]


@pytest.mark.parametrize("text, statement, expected", [
    ("One alert, on 9 April, was false.", "2024-10-01", [("false_alerts", 1, 1, "2024-04-09", "2024-04-09", ())]),
    # the parts of a set in apposition are no figures, and their places are not the figure's
    ("The first four deployments of 2025, two in Newham and two south of the river, led to 15 arrests.", "2025-03-12",
     [("arrests", 15, 15, "2025-01-01", "2025-03-12", ())]),
    ("Since we brought LFR to Romford in March, there have been nearly 50 arrests in Romford and Ilford.", "2024-11-22",
     [("arrests", 47, 50, "2024-03-01", "2024-11-22", ("Romford", "Ilford"))]),
    # a round estimate is approximate
    ("In 2024:\n\nFaces seen (estimated): 902,000", "2025-03-12",
     [("faces_seen", 856900, 947100, "2024-01-01", "2024-12-31", ())]),
    # a modal is no figure, a correction's "it should have read" is
    ("In August there should have been 10 deployments.", "2024-10-17", []),
])
def test_kinds_sets_since_and_estimates(text, statement, expected):
    assert claims_of(text, statement) == expected


@pytest.mark.parametrize("text, statement, expected", [
    ("In January officers made 40 arrests in Croydon. Eleven of the January arrests were for theft.", "2024-07-10",
     [("arrests", 40, 40, "2024-01-01", "2024-01-31", ("Croydon",)), ("arrests", 11, 11, "2024-01-01", "2024-01-31", ("Croydon",))]),
    ("On Wednesday 26 June there were 9 alerts in Haringey. Two of Wednesday's alerts were false.", "2024-07-10",
     [("alerts_total", 9, 9, "2024-06-26", "2024-06-26", ("Haringey",)),
      ("false_alerts", 2, 2, "2024-06-26", "2024-06-26", ("Haringey",))]),
    ("This year we were on Stratford Broadway four times and at Westfield Stratford City three times.", "2025-05-08",
     [("deployments", 4, 4, "2025-01-01", "2025-05-08", ("Stratford Broadway",)),
      ("deployments", 3, 3, "2025-01-01", "2025-05-08", ("Westfield Stratford City",))]),
    ("North End has now hosted LFR three times this year.", "2025-03-24",
     [("deployments", 3, 3, "2025-01-01", "2025-03-24", ("North End",))]),
    ("Between October and March LFR was used in Woolwich once.", "2025-05-08",
     [("deployments", 1, 1, "2024-10-01", "2025-03-31", ("Woolwich",))]),
    ("In 2024 there were 700 arrests. Yesterday's arrests took the number made since January 2024 to 803.", "2025-03-28",
     [("arrests", 700, 700, "2024-01-01", "2024-12-31", ()), ("arrests", 803, 803, "2024-01-01", "2025-03-28", ())]),
    ("We will do it once the data is in.", "2025-05-08", []),
])
def test_parts_by_day_or_month_hosts_once_and_a_number_taken_to(text, statement, expected):
    assert claims_of(text, statement) == expected


def test_a_pasted_page_its_crumbs_dateline_and_headline():
    text = ("Skip to content\nHome > News > Waltham Forest\n\n14 April 2025 | 11:02\n\n"
            "Seven arrested after live facial recognition deployment in Walthamstow\n\n"
            "Seven people were arrested after officers deployed LFR outside Walthamstow Central station on Friday (11 April).")
    assert [c[3:5] for c in claims_of(text, "2025-04-14")] == [("2025-04-11", "2025-04-11")] * 2


def test_a_thread_its_header_a_colon_spelling_places_out_and_between_them():
    text = ("Met Police LFR @MetLFR · Mar 3, 2025\n\n1/ Round-up of last week's deployments\n\n"
            "2/ We deployed LFR 4 times last week: Tuesday at Oxford Circus and Tooting Broadway, Thursday on South Street "
            "in Romford and on North End in Croydon.\n\n3/ Between them the cameras generated 56 alerts.\n\n"
            "4/ Quietest spot was Tooting Broadway on Tuesday: 9 alerts, 4 arrests.")
    places = ("Oxford Circus", "Tooting Broadway", "South Street", "North End")
    assert claims_of(text, "2025-03-03") == [  # within a week, the days named
        ("deployments", 4, 4, "2025-02-25", "2025-02-27", places), ("alerts_total", 56, 56, "2025-02-25", "2025-02-27", places),
        ("alerts_total", 9, 9, "2025-02-25", "2025-02-25", ("Tooting Broadway",)),
        ("arrests", 4, 4, "2025-02-25", "2025-02-25", ("Tooting Broadway",))]


def test_a_table_by_town_centre_and_its_totals_row():
    text = ("The MPS has provided the following figures for Stratford, Ilford and Romford town centres for the period "
            "1 January to 31 March 2025:\n\nTown centre\tDeployments\tArrests\nStratford\t3\t23\nIlford\t2\t10\n"
            "Total\t5\t33")
    question = "How many times was LFR deployed in Stratford, Ilford and Romford town centres in Q4 2024/25?"
    assert [c[5] for c in claims_of(text, "2025-04-24", question=question)] == [("Stratford",)] * 2 + [("Ilford",)] * 2 + [
        ("Stratford", "Ilford", "Romford")] * 2


@pytest.mark.parametrize("text, statement, expected", [
    # an operation's arrests, a halted deployment, an institution, a remit
    ("LFR is one of several tactics used under Operation Nightingale, which has seen 86 arrests across the borough "
     "since January.", "2025-04-14", []),
    ("In 2020 the Met deployed LFR on three occasions, one of which was stopped because of a technical fault.",
     "2024-09-16", [("deployments", 3, 3, "2020-01-01", "2020-12-31", ())]),
    ("Between 2016 and 2019 it conducted 10 trial deployments, evaluated by researchers at the University of Essex.",
     "2024-09-16", [("deployments", 10, 10, "2016-01-01", "2019-12-31", ())]),
    ('Superintendent Jo Marsh, who leads neighbourhood policing in Waltham Forest, said: "Walthamstow has seen two '
     'deployments this year."', "2025-04-14", [("deployments", 2, 2, "2025-01-01", "2025-04-14", ("Walthamstow",))]),
    ("Eight people were arrested after officers deployed LFR in Romford town centre on Tuesday (4 February) and on "
     "Dagenham Heathway yesterday.", "2025-02-07",
     [("arrests", 8, 8, "2025-02-04", "2025-02-06", ("Romford town centre", "Dagenham Heathway"))]),
])
def test_operations_halts_institutions_remits_and_places_with_their_days(text, statement, expected):
    assert claims_of(text, statement) == expected


def test_an_answer_in_a_transcript_opens_with_the_count_asked_and_that_period_points_back():
    text = ("Dan Howarth: In the 12 months to 31 March 2025 we deployed live facial recognition 188 times.\n\n"
            "Q48 Chair: How many of those deployments were in the first three months of this year?\n\n"
            "Dan Howarth: Forty-eight, between January and March, with 213 arrests. We are running at twice last "
            "year's rate.\n\nDan Howarth: Over that 12-month period there were 24 false alerts.")
    assert [c[:5] for c in claims_of(text, "2025-06-11")] == [
        ("deployments", 188, 188, "2024-04-01", "2025-03-31"), ("deployments", 48, 48, "2025-01-01", "2025-03-31"),
        ("arrests", 213, 213, "2025-01-01", "2025-03-31"), ("false_alerts", 24, 24, "2024-04-01", "2025-03-31")]


@pytest.mark.parametrize("text, statement, expected", [
    ("Last week c. 87k faces scanned.", "2025-03-03", [("faces_seen", 82650, 91350, "2025-02-24", "2025-03-02", ())]),
    ("Last week 9.5k faces scanned.", "2025-03-03", [("faces_seen", 9025, 9975, "2025-02-24", "2025-03-02", ())]),
    ("The MPS did not deploy LFR in 2021.", "2025-04-07", [("deployments", 0, 0, "2021-01-01", "2021-12-31", ())]),
    ("The cameras were not used over the Easter bank holiday weekend.", "2025-04-07",
     [("deployments", 0, 0, "2024-03-29", "2024-04-01", ())]),
    ("It was not used because of rain.", "2025-04-07", []),
    ("Members asked about the O2 – no LFR deployments planned there before the summer.", "2025-04-07", []),
    ("In Q3 of the previous year (October to December 2023), LFR was used ten times.", "2025-01-23",
     [("deployments", 10, 10, "2023-10-01", "2023-12-31", ())]),
])
def test_thousands_abbreviated_counts_of_none_and_dates_in_brackets(text, statement, expected):
    assert claims_of(text, statement) == expected


def test_a_table_aligned_by_spaces_with_a_footnote_marker_in_its_header():
    text = ("Table 1: MPS LFR deployments, 2020\nDate          Location             Faces seen   Alerts   Arrests¹\n"
            "11/02/2020    Stratford            4,600        0        0\n"
            "27/02/2020    Oxford Circus        8,600        8        1")
    assert [c[:6] for c in claims_of(text, "2025-04-07")][3:] == [
        ("faces_seen", 8600, 8600, "2020-02-27", "2020-02-27", ("Oxford Circus",)),
        ("alerts_total", 8, 8, "2020-02-27", "2020-02-27", ("Oxford Circus",)),
        ("arrests", 1, 1, "2020-02-27", "2020-02-27", ("Oxford Circus",))]


@pytest.mark.parametrize("text, statement, expected", [
    ("In Q3 2024/25 the MPS deployed LFR 48 times¹, generating 183 arrests².", "2025-02-10",
     [("deployments", 48, 48, "2024-10-01", "2024-12-31", ()), ("arrests", 183, 183, "2024-10-01", "2024-12-31", ())]),
    ("The cameras were back in Wood Green on Tuesday 25 March, when nine people were arrested. Across the two March "
     "deployments in Wood Green, 14 people were arrested.", "2025-04-02",
     [("arrests", 9, 9, "2025-03-25", "2025-03-25", ("Wood Green",)),
      ("arrests", 14, 14, "2025-03-01", "2025-03-31", ("Wood Green",))]),
    ("In March Haringey's neighbourhood teams made a further 36 arrests, none of them linked to facial recognition.",
     "2025-04-02", []),
    ("In January the two Westminster deployments produced one arrest, whereas the three in Croydon accounted for 31 "
     "alerts.", "2024-06-10", [("arrests", 1, 1, "2024-01-01", "2024-01-31", ("Westminster",)),
                               ("alerts_total", 31, 31, "2024-01-01", "2024-01-31", ("Croydon",))]),
    ("LFR has been deployed in Woolwich 4 times since the first deployment on 28 March.", "2024-05-02",
     [("deployments", 4, 4, "2024-03-28", "2024-05-02", ("Woolwich",))]),
    ("Thursday was a quieter day in Wembley (four alerts, two arrests) than in the West End, where 13 alerts at Oxford "
     "Circus ended with seven arrests.", "2025-04-25",
     [("alerts_total", 4, 4, "2025-04-24", "2025-04-24", ("Wembley",)), ("arrests", 2, 2, "2025-04-24", "2025-04-24", ("Wembley",)),
      ("alerts_total", 13, 13, "2025-04-24", "2025-04-24", ("West End", "Oxford Circus")),
      ("arrests", 7, 7, "2025-04-24", "2025-04-24", ("West End", "Oxford Circus"))]),
])
def test_markers_months_of_a_set_sets_by_count_and_place_and_since_the_first(text, statement, expected):
    assert claims_of(text, statement) == expected


def test_both_teams_out_the_same_day_are_every_place_out_that_day():
    text = ("LFR was used four times over the past three weeks: on Powis Street in Woolwich on Friday 10 January and "
            "Friday 24 January, and on High Street North in East Ham on Wednesday 8 January and on Friday 24 January.\n\n"
            "On 24 January alone, when both teams were out at the same time, the cameras raised 24 alerts.")
    assert set(claims_of(text, "2025-01-27")[-1][5]) >= {"Powis Street", "High Street North"}


def test_a_meeting_title_dates_no_figure_and_a_board_is_no_place():
    title = "Greenwich Safer Neighbourhood Board – minutes, 2 May 2024"
    text = "LFR deployed in Woolwich town centre 4 times since 28 March.\n\n48 alerts in total; 24 arrests."
    assert [c[3:6] for c in claims_of(text, "2024-05-02", title=title)][1] == ("2024-03-28", "2024-05-02", ("Woolwich town centre",))


def test_a_table_pasted_as_words_one_space_apart():
    question = "For each month from April to June 2024, how many LFR deployments, alerts and arrests were there?"
    text = "The MPS has provided the table below.\n\nMonth Deployments Alerts Arrests\nApril 9 40 21\nMay 11 52 30\n" \
           "Total 20 92 51\n\nSource: MPS deployment records, as at 31 July 2024"
    got = claims_of(text, "2024-08-20", question=question)
    assert got[:3] == [("deployments", 9, 9, "2024-04-01", "2024-04-30", ()), ("alerts_total", 40, 40, "2024-04-01",
                       "2024-04-30", ()), ("arrests", 21, 21, "2024-04-01", "2024-04-30", ())]
    assert got[-1] == ("arrests", 51, 51, "2024-04-01", "2024-06-30", ())  # the totals row: the question's period
    # a sentence of words that happen to be column names is no table
    assert claims_of("Arrests\nThere were 12 arrests in May 2024.", "2024-08-20") == [
        ("arrests", 12, 12, "2024-05-01", "2024-05-31", ())]


def test_a_table_that_breaks_a_month_down_leaves_the_month_and_these_deployments_are_its_rows():
    text = ("Officers deployed LFR five times during October 2025.\n\nDate\tLocation\tAlerts\tArrests\n"
            "7 Oct\tMare Street\t4\t2\n21 Oct\tHolloway Road\t6\t3\n\nSource: MPS\n\n"
            "Two alerts were false.\n\nAcross these deployments 40,000 faces were scanned.")
    got = claims_of(text, "2025-11-03")
    assert got[-2][:5] == ("false_alerts", 2, 2, "2025-10-01", "2025-10-31")
    assert got[-1][3:5] == ("2025-10-07", "2025-10-21")


def test_one_member_or_a_part_of_a_set_dated_on_its_own_leaves_the_set():
    question = "How many times has the MPS deployed LFR in Bromley town centre since 1 June 2024?"
    text = ("Six. The MPS advises that the most recent of these was on Bromley High Street on Friday 8 November.\n\n"
            "These deployments resulted in 19 arrests.")
    assert claims_of(text, "2024-11-20", question=question)[-1][:5] == ("arrests", 19, 19, "2024-06-01", "2024-11-20")
    question = "How many LFR deployments were carried out in (a) Brent and (b) Harrow between 1 October 2023 and 31 March 2024?"
    text = ("Over the period in question LFR was deployed in Brent (7) and Harrow (4); of the 11 deployments, 3 took place "
            "in January 2024. These deployments led to 30 arrests.")
    assert claims_of(text, "2024-04-15", question=question) == [
        ("deployments", 7, 7, "2023-10-01", "2024-03-31", ("Brent",)),
        ("deployments", 4, 4, "2023-10-01", "2024-03-31", ("Harrow",)),
        ("deployments", 11, 11, "2023-10-01", "2024-03-31", ()),
        ("deployments", 3, 3, "2024-01-01", "2024-01-31", ()),
        ("arrests", 30, 30, "2023-10-01", "2024-03-31", ())]


def test_a_correction_note_withdraws_the_old_figure_and_its_date_is_no_period():
    text = ("Nine people were arrested after LFR was deployed in Ealing on Saturday 4 October.\n\n"
            "Correction (7 October): An earlier version of this release said 10 people had been arrested; the correct "
            "figure is nine.")
    assert claims_of(text, "2025-10-06") == [("arrests", 9, 9, "2025-10-04", "2025-10-04", ("Ealing",))] * 2


def test_a_list_under_an_lfr_lead_in_is_lfrs_in_a_passage_that_reports_other_tactics():
    text = ("This week LFR was deployed on three occasions.\n\n▪ Monday – Brixton: 3 arrests\n▪ Tuesday – Peckham: "
            "2 arrests\n\nOfficers also carried out 30 stop and searches across the same boroughs.")
    got = claims_of(text, "2025-11-21")
    assert [c[:2] for c in got] == [("deployments", 3), ("arrests", 3), ("arrests", 2)]


def test_a_numbered_list_of_places_takes_the_metric_its_lead_in_names():
    text = "In 2024 the boroughs with the most LFR deployments were:\n1) Croydon (31)\n2) Newham (22)"
    assert claims_of(text, "2025-02-01") == [("deployments", 31, 31, "2024-01-01", "2024-12-31", ("Croydon",)),
                                             ("deployments", 22, 22, "2024-01-01", "2024-12-31", ("Newham",))]


def test_a_restated_count_of_another_tool_is_that_tools():
    text = ("Officers used operator initiated facial recognition 150 times in May, identifying 41 people.\n\n"
            "Of the 41, 12 were arrested.")
    assert claims_of(text, "2025-06-10") == []


def test_an_adverb_between_the_part_and_its_verb():
    text = "At Highbury Corner on 22 May five people were arrested. One of the alerts there was false."
    assert claims_of(text, "2024-05-24")[-1] == ("false_alerts", 1, 1, "2024-05-22", "2024-05-22", ("Highbury Corner",))


@pytest.mark.parametrize("text, statement, expected", [
    # a day of the month named before, alone or listed
    ("Romford - we went twice in March, and on the 12th we had 20 alerts.", "2025-04-02",
     [("deployments", 2, 2, "2025-03-01", "2025-03-31", ("Romford",)),
      ("alerts_total", 20, 20, "2025-03-12", "2025-03-12", ("Romford",))]),
    ("We were in Ilford three times in February, on the 4th, the 11th and the 25th.", "2025-04-02",
     [("deployments", 3, 3, "2025-02-04", "2025-02-25", ("Ilford",))]),
    # years listed, figures listed, respectively
    ("LFR was deployed 12, 90 and 150 times in 2022, 2023 and 2024 respectively.", "2025-04-02",
     [("deployments", 12, 12, "2022-01-01", "2022-12-31", ()), ("deployments", 90, 90, "2023-01-01", "2023-12-31", ()),
      ("deployments", 150, 150, "2024-01-01", "2024-12-31", ())]),
    # a since with the borough and "last year"; months listed after "the months of"; an as-of end of a month
    ("The cameras have been used in Hounslow 14 times since they were first deployed in the borough in May last year.",
     "2025-04-02", [("deployments", 14, 14, "2024-05-01", "2025-04-02", ("Hounslow",))]),
    ("Over the winter months of December, January and February there were 39 deployments.", "2025-04-02",
     [("deployments", 39, 39, "2024-12-01", "2025-02-28", ())]),
    ("As of the end of February, the Met had made 210 arrests this year.", "2025-04-02",
     [("arrests", 210, 210, "2025-01-01", "2025-02-28", ())]),
    ("There were 30 deployments, compared with 24 in Q1 (April to June).", "2024-10-28",
     [("deployments", 30, 30, None, None, ()), ("deployments", 24, 24, "2024-04-01", "2024-06-30", ())]),
])
def test_days_of_a_month_years_listed_and_periods_said_loosely(text, statement, expected):
    assert claims_of(text, statement) == expected


def test_a_quarter_named_alone_is_of_the_year_named_before():
    title = "Live Facial Recognition – Quarter 3 2024/25 update"
    text = "In the quarter the MPS deployed LFR 50 times.\n\nThis compares with 38 deployments in Q2."
    assert [c[:5] for c in claims_of(text, "2025-02-10", title=title)] == [
        ("deployments", 50, 50, "2024-10-01", "2024-12-31"), ("deployments", 38, 38, "2024-07-01", "2024-09-30")]


def test_the_busiest_place_and_the_town_centre_named_again():
    text = ("LFR has been deployed in Bromley 12 times since January, leading to 40 arrests.\n\n"
            "The busiest location was the High Street, where officers made 20 arrests.\n\n"
            "Across all of these deployments the cameras raised 70 alerts.")
    assert claims_of(text, "2025-04-02")[-1][3:] == ("2025-01-01", "2025-04-02", ("Bromley",))
    title = "Live Facial Recognition in Kingston town centre"
    text = "Since 1 March we have deployed LFR six times in the town centre."
    assert claims_of(text, "2025-04-02", title=title) == [
        ("deployments", 6, 6, "2025-03-01", "2025-04-02", ("Kingston town centre",))]


def test_a_bare_count_after_the_pages_labels_answers_the_question():
    question = "How many arrests followed an LFR alert in Sutton in 2024?"
    text = "Reference: 2025/0101\nMeeting date: 20 February 2025\n\nAnswered by: The Mayor\n\nThirty-one."
    assert claims_of(text, "2025-02-20", question=question) == [
        ("arrests", 31, 31, "2024-01-01", "2024-12-31", ("Sutton",))]


def test_the_subject_says_what_a_running_number_counts_and_a_fronted_noun_what_a_part_counts():
    text = ("Officers deployed LFR in March on 16 occasions.\n\n"
            "The week's arrests take the number made with LFR in March to 70. Of the March arrests, 20 were of people "
            "wanted for violent offences.")
    assert [c[:2] for c in claims_of(text, "2025-03-28")] == [("deployments", 16), ("arrests", 70), ("arrests", 20)]
    # a share on "the Broadway" of the town the sentence names is that town's Broadway, not every Broadway in London
    assert claims_of("Stratford has now seen six deployments this year, four of them on the Broadway.", "2025-04-02") == [
        ("deployments", 6, 6, "2025-01-01", "2025-04-02", ("Stratford",)),
        ("deployments", 4, 4, "2025-01-01", "2025-04-02", ("Broadway, Stratford",))]
    # a share at a place this reader does not know is no figure
    assert claims_of("Stratford has now seen six deployments this year, four of them on the Promenade.", "2025-04-02") == [
        ("deployments", 6, 6, "2025-01-01", "2025-04-02", ("Stratford",))]


def test_shares_told_by_accounted_for_and_the_whole_said_again_after_them():
    text = ("The MPS deployed LFR in Brent eight times between 1 January and 31 March 2025. They resulted in 30 arrests. "
            "The Wembley deployments accounted for 18 of the arrests, and the two Kilburn deployments for 7. "
            "Of the 30 arrests, six were of people wanted for robbery.")
    got = claims_of(text, "2025-04-20")
    assert [c[:2] + c[5:] for c in got[2:4]] == [("arrests", 18, ("Wembley",)), ("arrests", 7, ("Kilburn",))]
    assert got[4][:2] + got[4][5:] == ("arrests", 30, ("Brent",))  # the whole again, with its own place
    text = "Deployments in Westminster accounted for 12 of the quarter's total, and Croydon town centre for 9."
    assert [(c[0], c[1], c[5]) for c in claims_of(text, "2025-04-20")] == [
        ("deployments", 12, ("Westminster",)), ("deployments", 9, ("Croydon town centre",))]


def test_a_place_set_off_after_one_figure_is_not_the_next_ones():
    text = "In January there was one false alert, at Walthamstow, out of roughly 150,000 faces."
    assert [(c[0], c[5]) for c in claims_of(text, "2025-02-10")] == [("false_alerts", ("Walthamstow",)),
                                                                      ("faces_seen", ())]


def test_a_turned_table_pasted_as_words_and_a_rule_that_is_no_count():
    text = ("Table 1: Activity by month, October to December 2025\nMeasure October November December Total\n"
            "LFR deployments 3 4 5 12\nArrests following an alert¹ 20 25 30 75\nStop and search 100 90 80 270\n\n"
            "Table 2: Outcomes in the period\nMeasure Number\nFaces seen (estimated) 500,000\nFalse alerts 2\n\n"
            "No false alert led to an arrest.")
    got = claims_of(text, "2026-02-16")
    assert got[:2] == [("deployments", 3, 3, "2025-10-01", "2025-10-31", ()), ("deployments", 4, 4, "2025-11-01", "2025-11-30", ())]
    assert ("arrests", 75, 75, "2025-10-01", "2025-12-31", ()) in got
    assert not [c for c in got if c[1] in (100, 270)]  # another tactic's row
    assert ("faces_seen", 475000, 525000, "2025-10-01", "2025-12-31", ()) in got  # an estimate
    assert got[-1][:2] == ("false_alerts", 2)  # and "No false alert led to an arrest" is no count of false alerts


@pytest.mark.parametrize("text, statement, expected", [
    ("Chair: Any false alerts? Commander: None in Newham.\n\nCommander: We did 16 in January.", "2025-02-12",
     ("deployments", 16, 16, "2025-01-01", "2025-01-31", ())),
    ("In the previous quarter, Q1 2025/26 (April to June 2025), there were 214 deployments.", "2025-10-30",
     ("deployments", 214, 214, "2025-04-01", "2025-06-30", ())),
    ("In January, two deployments on Powis St, on the 10th and 24th, led to 11 arrests.", "2025-05-09",
     ("arrests", 11, 11, "2025-01-10", "2025-01-24", ("Powis St",))),
    ("So far this year the Met has taken its vans to Sutton 12 times, and those deployments have produced 40 arrests.",
     "2024-11-14", ("arrests", 40, 40, "2024-01-01", "2024-11-14", ("Sutton",))),
])
def test_transcripts_board_papers_and_posts(text, statement, expected):
    assert claims_of(text, statement)[-1] == expected


def test_a_list_of_places_each_with_its_times_and_a_pages_preparation_line():
    text = "Since October we have been out ten times: Stratford Broadway three times, East Ham four times and Green Street once."
    assert [(c[1], c[5]) for c in claims_of(text, "2025-02-12")] == [
        (10, ()), (3, ("Stratford Broadway",)), (4, ("East Ham",)), (1, ("Green Street",))]
    title = "LFR quarterly report, Quarter 2 2025/26"
    text = ("Quarter 2 2025/26 (July to September 2025)\nPrepared for the Oversight Board, 30 October 2025\n\n"
            "This compares with 40 deployments in the same quarter of 2024.")
    assert claims_of(text, "2025-10-30", title=title)[-1][3:5] == ("2024-07-01", "2024-09-30")


def test_a_pages_own_dates_are_no_period_and_a_part_in_the_final_quarter_leaves_the_year():
    question = "How many LFR deployments did the MPS carry out in the 2023/24 financial year?"
    text = ("Question No: 2024/1111\nTabled: 1 July 2024   Answered: 14 July 2024\n\n"
            "(a) In the 2023/24 financial year the MPS deployed LFR on 80 occasions.\n\n"
            "(b) These deployments resulted in 300 arrests, of which 90 were made in the final quarter (January to March "
            "2024). Over the year, around 900,000 faces were scanned.")
    got = claims_of(text, "2024-07-14", question=question)
    assert [c[:5] for c in got] == [
        ("deployments", 80, 80, "2023-04-01", "2024-03-31"), ("arrests", 300, 300, "2023-04-01", "2024-03-31"),
        ("arrests", 90, 90, "2024-01-01", "2024-03-31"), ("faces_seen", 855000, 945000, "2023-04-01", "2024-03-31")]
    text = ("Lords Chamber\nVolume 851: debated on Wednesday 28 January 2026\n\nMy Lords, the cameras in Sutton went live "
            "on 1 October last year. In their first three months, they were used on 12 occasions.")
    assert claims_of(text, "2026-01-28")[-1][3:5] == ("2025-10-01", "2025-12-31")
    text = "LONDON POLICING BOARD                22 October 2025\n\nLFR was deployed 90 times in the quarter."
    title = "Live Facial Recognition - quarterly update (Q2 2025/26)"
    assert claims_of(text, "2025-10-22", title=title) == [("deployments", 90, 90, "2025-07-01", "2025-09-30", ())]


def test_days_listed_without_a_year_run_in_order():
    text = "Further deployments followed on 5 April, 23 April and 20 August (both Catford) and 5 December (Lewisham)."
    text += " Across those four deployments, 40 people were arrested."
    got = claims_of(text, "2025-06-19")
    assert got[-1][:5] == ("arrests", 40, 40, "2024-04-05", "2024-12-05")


def test_a_tables_year_column_dates_its_rows():
    text = "The table below sets out LFR deployments and arrests by year.\n\nYear Deployments Arrests\n2023 23 60\n" \
           "2024/25 180 587\n2025 (to 30 June) 98 520"
    assert [c[:5] for c in claims_of(text, "2025-07-20")] == [
        ("deployments", 23, 23, "2023-01-01", "2023-12-31"), ("arrests", 60, 60, "2023-01-01", "2023-12-31"),
        ("deployments", 180, 180, "2024-04-01", "2025-03-31"), ("arrests", 587, 587, "2024-04-01", "2025-03-31"),
        ("deployments", 98, 98, "2025-01-01", "2025-06-30"), ("arrests", 520, 520, "2025-01-01", "2025-06-30")]
    # a year not yet begun dates nothing
    assert claims_of("Year | Deployments\n2027 | 4", "2025-07-20") == [("deployments", 4, 4, None, None, ())]


def test_a_totals_row_under_dated_rows_is_all_of_their_days_and_places():
    text = "The deployments were as follows.\n\nDate\tLocation\tAlerts\tArrests\n03/12/2024\tCroydon\t12\t8\n" \
           "10/12/2024\tLewisham\t5\t3\nTotal\t\t17\t11"
    assert claims_of(text, "2025-07-20")[-1] == ("arrests", 11, 11, "2024-12-03", "2024-12-10", ("Croydon", "Lewisham"))
