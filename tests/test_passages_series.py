"""The passage reader, on a scene's place in a series and the words that point back to it (eleventh session's rules):
"the second time this month", "the most at any deployment this month", a reprint's "In a statement …, the Met said:",
"Those five alerts" in a quote, a day that narrows the set named over a weekend, other tactics counted apart, a part's
own place, "both April deployments", "Friday the 11th", a correction "before correcting the figure to 75", "not had a
single false alert", the Met's share of a national whole and days listed inside the period in hand. Each wording is a
paraphrase of a shape found in a blind evidence set (verdicts 64 to 67)."""

from __future__ import annotations

from scrapers.claims import extract_claims
from tests.helpers.passages import D, got


def test_a_series_period_is_not_the_scenes():
    text = ("Live Facial Recognition was used on Wednesday in Barking town centre and in Ilford. It was the second "
            "deployment in Barking this month and the first time the technology had been used in Ilford. The two vans "
            "generated 19 alerts between them.")
    assert got(text, "2024-06-20") == [("alerts_total", 19, "2024-06-19", "2024-06-19", ("Barking", "Ilford"))]
    text = ("LFR was deployed on Tuesday outside Walthamstow Central station. It was the second time this month that the "
            "cameras had been used in Walthamstow. 27 alerts were generated.")
    assert got(text, "2025-04-23")[0][2:4] == ("2025-04-22", "2025-04-22")
    # … nor is a record's frame the period of its figure
    text = ("Officers used LFR on Wednesday on the Broadway in Stratford. In Stratford, the cameras generated 20 alerts, "
            "the highest number at a single deployment so far this month.")
    assert got(text, "2024-10-10") == [("alerts_total", 20, "2024-10-09", "2024-10-09", ("Stratford",))]
    text = "Walthamstow Central's 20 alerts on Tuesday were the most at any deployment this month."
    assert got(text, "2024-10-25")[0][2:4] == ("2024-10-22", "2024-10-22")
    text = ("The Met deployed LFR at Oxford Circus on Thursday, the second deployment since the technology returned to "
            "London's streets last week. One person was arrested.")
    assert got(text, "2022-07-15")[-1][2:4] == ("2022-07-14", "2022-07-14")
    # ("It was the fourth time … since April last year": not even the "last year" inside it)
    text = ("Two people were arrested in Sutton town centre yesterday (Tuesday 11 February). It was the fourth time LFR "
            "has been used in Sutton town centre since April last year. In Shepherd's Bush, eight alerts led to five "
            "arrests.")
    assert got(text, "2025-02-12")[-1][2:4] == ("2025-02-11", "2025-02-11")
    # … but "for the first time in December" is when it happened
    text = "The MPS used LFR in Croydon town centre for the first time in December, when four deployments led to 17 arrests."
    assert got(text, "2024-02-01")[0][2:4] == ("2023-12-01", "2023-12-31")


def test_a_reprints_lead_in_opens_the_statement_itself():
    text = ('In a statement on Thursday (14 November), the Met said:\n\n"Officers deployed Live Facial Recognition (LFR) '
            'on Wednesday on North End in Croydon.\n\n"The cameras generated 36 alerts, and 20 people were arrested.')
    assert got(text, "2024-11-18") == [("alerts_total", 36, "2024-11-13", "2024-11-13", ("North End",)),
                                       ("arrests", 20, "2024-11-13", "2024-11-13", ("North End",))]
    # (an earlier answer quoted back is still no claim)
    text = ("The full answer previously given was:\n\n'The Metropolitan Police has deployed LFR 180 times this "
            "year.'")
    assert 180 not in [c[1] for c in got(text, "2024-12-01")]


def test_those_figures_in_a_quote_point_back():
    text = ('Officers used LFR on Sunday at Northumberland Park. The van generated five alerts and one man was arrested. '
            'Inspector Claire Dobson said: "Those five alerts and one arrest, on a derby day, show the value."')
    assert [c[:2] for c in got(text, "2024-04-29")] == [("alerts_total", 5), ("arrests", 1)]
    # … while a fronted "Of those 58 arrested, 17 …" stays a claim of its own
    text = "Officers made 58 arrests in March. Of those 58 arrested, 17 were wanted for violent offences."
    assert ("arrests", 58) in [c[:2] for c in got(text, "2025-04-02")][1:]


def test_a_day_named_after_a_weekend_narrows_the_set_named():
    text = ("LFR was used at three locations in central London over the weekend. The cameras were placed on Piccadilly, "
            "at Savoy Place and on Westminster Bridge Street. They were in use on Saturday, the day of the Coronation. "
            "More than 68,000 faces passed the cameras across the three sites.")
    assert got(text, "2023-05-08")[-1][2:4] == ("2023-05-06", "2023-05-06")
    # (not "Twice - on the 11th, and again on Tuesday", which names some of the days)
    text = ("Q: How many times have the vans been at Walthamstow Central this month?\n\nA: Twice - on the 11th, and "
            "again on Tuesday.\n\nA: Tuesday was our best day there: 18 alerts and ten arrests. So across both, that's "
            "38 alerts and 17 arrests.")
    assert got(text, "2025-04-25")[-1][2:4] == ("2025-04-01", "2025-04-25")


def test_another_tactic_counted_apart_leaves_the_arrests_lfrs():
    text = ("Officers used LFR on Tuesday in Ilford and Romford town centres. Eight people were arrested, four of them "
            "in Romford. Officers also carried out 14 stop and searches.")
    assert [c[:2] for c in got(text, "2024-07-24")] == [("arrests", 8), ("arrests", 4)]


def test_a_parts_place_is_the_parts():
    text = ("Officers used LFR on Tuesday in Ilford and Romford town centres. The cameras generated 13 alerts, two of "
            "which, both in Ilford, were false. Eight people were arrested.")
    assert [c[4] for c in got(text, "2024-07-24")] == [("Ilford", "Romford"), ("Ilford",), ("Ilford", "Romford")]


def test_a_month_named_with_both_deployments_is_that_month_there():
    text = ("Ten people were arrested outside Walthamstow Central station on Tuesday (22 April). On Friday 11 April, 20 "
            "alerts there led to eight arrests. Across both April deployments, officers received 38 alerts.")
    assert got(text, "2025-04-25")[-1][2:] == ("2025-04-01", "2025-04-25", ("Walthamstow Central",))


def test_a_weekday_with_the_day_of_the_month_dates_its_own_clause():
    text = ("Yesterday, outside Walthamstow Central. That was 18 alerts and ten arrests, and it was the second time this "
            "month we have been there – the first was on Friday the 11th, when we made seven arrests.")
    assert [c[1:4] for c in got(text, "2025-04-23")] == [(18, "2025-04-22", "2025-04-22"), (10, "2025-04-22", "2025-04-22"),
                                                          (7, "2025-04-11", "2025-04-11")]


def test_a_correction_to_a_bare_number_replaces_the_figure():
    text = ("LFR had been deployed in Croydon town centre 18 times since the first deployment on 7 December 2023. He "
            "initially said that 80 arrests had resulted, before correcting the figure to 75.")
    assert [c[:2] for c in got(text, "2024-03-20")] == [("deployments", 18), ("arrests", 75)]


def test_not_a_single_false_alert_is_none():
    assert got("In fact we have not had a single false alert since the end of July.", "2024-11-19") == [
        ("false_alerts", 0, "2024-08-01", "2024-11-19", ())]


def test_the_mets_share_of_a_national_whole():
    text = ("In 2024, police forces in England and Wales deployed LFR 256 times, and the Metropolitan Police accounted "
            "for 572 of the 790 arrests that followed.")
    assert [c[:2] for c in got(text, "2025-03-03")] == [("arrests", 572)]
    # (a borough's share of the Met's whole keeps both)
    assert [c[:2] for c in got("In 2024 Croydon accounted for 120 of the 572 arrests.", "2025-03-03")] == [
        ("arrests", 120), ("arrests", 572)]


def test_places_named_with_the_start_of_a_since_and_after_this_time():
    text = "Since the cameras first came to Ilford in June last year, they have been used seven times."
    assert got(text, "2025-03-12") == [("deployments", 7, "2024-06-01", "2025-03-12", ("Ilford",))]
    text = "The vans returned on 19 February 2025, this time to Clarence Street, where nine alerts led to five arrests."
    assert got(text, "2025-03-01")[0][4] == ("Clarence Street",)


def test_days_listed_inside_the_period_in_hand_keep_its_place():
    claims = extract_claims(
        "In my answer I stated that LFR had been deployed at Tooting Broadway on two occasions in March 2024. The "
        "Metropolitan Police Service has since advised that the correct figure is three, on 5, 12 and 21 March. The "
        "number of arrests I gave, 10, is unchanged.", D("2024-05-20"))
    assert [(c.low, c.locations) for c in claims][-2:] == [(3, ("Tooting Broadway",)), (10, ("Tooting Broadway",))]


def test_the_first_of_those_days():
    text = ("Officers used LFR on Sutton High Street twice more: on 19 September 2024 and on 11 February 2025. On the "
            "first of those days, nine alerts led to one arrest.")
    assert got(text, "2025-06-20")[-2:] == [("alerts_total", 9, "2024-09-19", "2024-09-19", ("Sutton High Street",)),
                                           ("arrests", 1, "2024-09-19", "2024-09-19", ("Sutton High Street",))]


def test_when_figures_were_published_is_not_their_period():
    text = "LFR led to 572 arrests in 2024, according to figures published by the Met today (Thursday 9 January)."
    assert got(text, "2025-01-09") == [("arrests", 572, "2024-01-01", "2024-12-31", ())]


def test_a_place_counted_inside_a_month_set_before_is_a_part_of_it():
    text = ("Officers deployed LFR 18 times last month, leading to 58 arrests. The cameras were also used three times "
            "outside Tooting Broadway station. The system generated 163 alerts in March.")
    assert got(text, "2024-04-03")[-1] == ("alerts_total", 163, "2024-03-01", "2024-03-31", ())


def test_of_those_arrests_keeps_the_wholes_period():
    text = ("There were 16 deployments in February 2025 and 75 arrests. Of those arrests, 18 were of people wanted for "
            "breaching court orders, and ten were made in Barking on 13 February.")
    assert [c[1:] for c in got(text, "2025-03-27")][-2:] == [(18, "2025-02-01", "2025-02-28", ()),
                                                             (10, "2025-02-13", "2025-02-13", ("Barking",))]
    # ("the last of those deployments", with no days named one by one, keeps the period in hand)
    text = ("Between July 2022 and March 2023 LFR was deployed six times. The watchlist at the last of those deployments "
            "held 6,747 images.")
    assert got(text, "2023-06-01")[-1][2:4] == ("2022-07-01", "2023-03-31")


def test_the_previous_quarter_beside_the_same_quarter_last_year():
    text = ("LFR was deployed 42 times in Quarter 2 2024/25, compared with 50 in the previous quarter and six in the same "
            "quarter last year.")
    assert [c[1:4] for c in got(text, "2024-11-05")] == [(42, "2024-07-01", "2024-09-30"), (50, "2024-04-01", "2024-06-30"),
                                                          (6, "2023-07-01", "2023-09-30")]


def test_places_listed_then_which_together_led_to():
    text = ("Between January and March 2025, LFR had been deployed in Lewisham three times. In the final quarter of 2024, "
            "by comparison, there had been two deployments in the borough, on Lewisham High Street and in Catford, which "
            "together led to nine arrests.")
    both = ("Lewisham High Street", "Catford")
    assert got(text, "2025-04-29")[-2:] == [("deployments", 2, "2024-10-01", "2024-12-31", both),
                                            ("arrests", 9, "2024-10-01", "2024-12-31", both)]


def test_these_three_town_centres_after_a_table_are_its_rows():
    text = ("Table 2: LFR deployments and arrests in selected town centres, 2024\nTown centre | Deployments | Arrests\n"
            "Croydon town centre | 28 | 122\nRomford | 6 | 19\nIlford | 5 | 28\n\nTogether, these three town centres "
            "accounted for 171 of the 572 arrests that followed LFR alerts across London in 2024.")
    assert got(text, "2025-02-20")[-2:] == [
        ("arrests", 171, "2024-01-01", "2024-12-31", ("Croydon town centre", "Romford", "Ilford")),
        ("arrests", 572, "2024-01-01", "2024-12-31", ())]


def test_a_rough_denominator_makes_a_rough_rate():
    rough, = extract_claims("The Met's own figures show one false alert this year for every 24,000 or so faces.",
                            D("2025-06-01"))
    exact, = extract_claims("The Met's own figures show one false alert this year for every 24,000 faces.", D("2025-06-01"))
    assert rough.qualifier == "approximately" and rough.low < 1 / 24000 < rough.high
    assert exact.qualifier == "exact"
