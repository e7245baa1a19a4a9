"""Figure claims from answer prose: scrapers/claims.py.

Each case is one sentence in the style of a Mayor's answer (our own prose;
the 2020 figures are those of docs/sources.md §1.3) with every claim it must
yield: metric, low, high, qualifier, period, places and scope words, and
the exact sentence. The last group must yield nothing.
"""

from __future__ import annotations

from datetime import date

import pytest

from schemas.claims import METRICS, QUALIFIERS, Claim
from scrapers.claim_numbers import find_numbers, mask_non_figures
from scrapers.claims import extract_claims, split_sentences

D = date.fromisoformat
MARCH_2020 = D("2020-03-30")  # the answer date of the 2020 "Police use of live facial recognition" series
JAN_2025 = D("2025-01-15")


def c(metric, low, high, qualifier="exact", start=None, end=None, locations=(), scope=None):
    return (metric, low, high, qualifier, start and D(start), end and D(end), tuple(locations), scope)


CASES: list[tuple[str, date | None, list[tuple]]] = [
    # The founding letter's figures, as one sentence.
    ("In the first two deployments of 2020, more than 13,000 faces were scanned, eight people caused a system "
     "alert, of whom seven were misidentified, and six were stopped, of whom five were misidentified.", MARCH_2020, [
        # The period is 2020 up to the answer; the selection ("first two") narrows it to rows.
        c("faces_seen", 13001, None, "more_than", "2020-01-01", "2020-03-30", scope="the first two deployments of 2020"),
        c("alerts_total", 8, 8, "exact", "2020-01-01", "2020-03-30", scope="the first two deployments of 2020"),
        c("false_alerts", 7, 7, "exact", "2020-01-01", "2020-03-30", scope="the first two deployments of 2020"),
        c("engagements", 6, 6, "exact", "2020-01-01", "2020-03-30", scope="the first two deployments of 2020"),
        c("false_alert_engagements", 5, 5, "exact", "2020-01-01", "2020-03-30",
          scope="the first two deployments of 2020"),
    ]),
    ("Seven of the eight alerts were false.", MARCH_2020, [
        c("false_alerts", 7, 7), c("alerts_total", 8, 8)]),
    ("Seven of the eight were false.", MARCH_2020, [c("false_alerts", 7, 7)]),
    ("Of the eight alerts generated at Oxford Circus on 27 February 2020, seven were false alerts and one was a "
     "true alert.", MARCH_2020, [
        c("alerts_total", 8, 8, "exact", "2020-02-27", "2020-02-27", ["Oxford Circus"],
          "at Oxford Circus on 27 February 2020"),
        c("false_alerts", 7, 7, "exact", "2020-02-27", "2020-02-27", ["Oxford Circus"],
          "at Oxford Circus on 27 February 2020"),
        c("true_alerts", 1, 1, "exact", "2020-02-27", "2020-02-27", ["Oxford Circus"],
          "at Oxford Circus on 27 February 2020"),
    ]),
    ("At the deployment in Stratford on 11 February 2020, approximately 4,600 faces were seen and there were no "
     "alerts.", MARCH_2020, [
        c("faces_seen", 4370, 4830, "approximately", "2020-02-11", "2020-02-11", ["Stratford"],
          "the deployment in Stratford on 11 February 2020"),
        c("alerts_total", 0, 0, "exact", "2020-02-11", "2020-02-11", ["Stratford"],
          "the deployment in Stratford on 11 February 2020"),
    ]),
    ("Eight people caused a system alert, of whom seven were misidentified.", MARCH_2020, [
        c("alerts_total", 8, 8), c("false_alerts", 7, 7)]),
    ("Officers engaged with six people, five of whom had been misidentified.", MARCH_2020, [
        c("engagements", 6, 6), c("false_alert_engagements", 5, 5)]),
    ("Of the six people stopped, five had been misidentified.", MARCH_2020, [
        c("engagements", 6, 6), c("false_alert_engagements", 5, 5)]),
    ("Five of the six people stopped were misidentified.", MARCH_2020, [
        c("false_alert_engagements", 5, 5), c("engagements", 6, 6)]),
    ("Eight alerts were generated; seven of these were false alerts and one was a true alert.", MARCH_2020, [
        c("alerts_total", 8, 8), c("false_alerts", 7, 7), c("true_alerts", 1, 1)]),
    ("None of the alerts were false.", MARCH_2020, [c("false_alerts", 0, 0)]),
    ("No one was arrested.", MARCH_2020, [c("arrests", 0, 0)]),
    ("Officers stopped 6 people, none of whom were arrested.", MARCH_2020, [
        c("engagements", 6, 6), c("arrests", 0, 0)]),
    ("There were no false alerts at the deployment in Stratford.", MARCH_2020, [
        c("false_alerts", 0, 0, locations=["Stratford"], scope="the deployment in Stratford")]),
    ("A single person was arrested in Croydon on 3 March 2020.", MARCH_2020, [
        c("arrests", 1, 1, "exact", "2020-03-03", "2020-03-03", ["Croydon"], "in Croydon on 3 March 2020")]),
    # A count inside a phrase is a figure too ("the two deployments", "the 12 pilot deployments").
    ("During the two deployments this year, officers made a single arrest.", MARCH_2020, [
        c("deployments", 2, 2, "exact", "2020-01-01", "2020-03-30", scope="this year"),
        c("arrests", 1, 1, "exact", "2020-01-01", "2020-03-30", scope="the two deployments this year")]),
    ("A dozen arrests followed.", MARCH_2020, [c("arrests", 12, 12)]),
    ("Thirteen thousand faces were scanned.", MARCH_2020, [c("faces_seen", 13000, 13000)]),
    ("Two hundred and fifty people were engaged by officers last year.", JAN_2025, [
        c("engagements", 250, 250, "exact", "2024-01-01", "2024-12-31", scope="last year")]),
    ("The system scanned the faces of more than 13,000 people.", MARCH_2020, [
        c("faces_seen", 13001, None, "more_than")]),
    ("In the first deployment, on 11 February 2020, 4,600 faces were seen.", MARCH_2020, [
        c("faces_seen", 4600, 4600, "exact", "2020-02-11", "2020-02-11",
          scope="the first deployment, on 11 February 2020")]),
    ("At Stratford on 11 February and at Oxford Circus on 27 February 2020, a total of 13,200 faces were "
     "scanned.", MARCH_2020, [
        c("faces_seen", 13200, 13200, "exact", "2020-02-11", "2020-02-27", ["Stratford", "Oxford Circus"],
          "At Stratford on 11 February; at Oxford Circus on 27 February 2020")]),
    # Qualifiers.
    ("approx. 13,000 faces were scanned.", MARCH_2020, [c("faces_seen", 12350, 13650, "approximately")]),
    ("The system processed some 50,000 faces in Romford town centre.", MARCH_2020, [
        c("faces_seen", 47500, 52500, "approximately", locations=["Romford town centre"], scope="in Romford town centre")]),
    ("Just under 9,000 faces were scanned at Oxford Circus.", MARCH_2020, [
        c("faces_seen", 8550, 9000, "nearly", locations=["Oxford Circus"], scope="at Oxford Circus")]),
    ("In excess of 100,000 faces have been scanned since January 2020.", MARCH_2020, [
        c("faces_seen", 100001, None, "more_than", "2020-01-01", "2020-03-30", scope="since January 2020")]),
    ("At least five people were arrested at Westfield Stratford City in 2019.", MARCH_2020, [
        c("arrests", 5, None, "at_least", "2019-01-01", "2019-12-31", ["Westfield Stratford City"],
          "at Westfield Stratford City in 2019")]),
    ("Up to twelve people were stopped at Oxford Circus.", MARCH_2020, [
        c("engagements", None, 12, "at_most", locations=["Oxford Circus"], scope="at Oxford Circus")]),
    ("Fewer than 20 false alerts were recorded in 2019/20.", MARCH_2020, [
        c("false_alerts", None, 19, "fewer_than", "2019-04-01", "2020-03-30", scope="in 2019/20")]),
    ("Roughly 1.2 million faces were scanned in 2024.", JAN_2025, [
        c("faces_seen", 1140000, 1260000, "approximately", "2024-01-01", "2024-12-31", scope="in 2024")]),
    ("Between 4,000 and 5,000 faces were scanned in Stratford.", MARCH_2020, [
        c("faces_seen", 4000, 5000, "between", locations=["Stratford"], scope="in Stratford")]),
    ("The Met's watchlist for these deployments comprised more than 7,000 people.", MARCH_2020, [
        c("watchlist_size", 7001, None, "more_than", scope="these deployments")]),
    # Periods.
    ("The MPS has deployed LFR three times so far this year.", MARCH_2020, [
        c("deployments", 3, 3, "exact", "2020-01-01", "2020-03-30", scope="so far this year")]),
    ("The MPS has deployed LFR three times so far this year.", None, [
        c("deployments", 3, 3, scope="so far this year")]),
    ("More than thirteen thousand faces were scanned in January and February 2020.", MARCH_2020, [
        c("faces_seen", 13001, None, "more_than", "2020-01-01", "2020-02-29", scope="in January and February 2020")]),
    ("Between 1 January and 31 March 2020, the MPS scanned around 20,000 faces.", MARCH_2020, [
        c("faces_seen", 19000, 21000, "approximately", "2020-01-01", "2020-03-30",
          scope="Between 1 January and 31 March 2020")]),
    ("In 2019 the MPS carried out no LFR deployments.", MARCH_2020, [
        c("deployments", 0, 0, "exact", "2019-01-01", "2019-12-31", scope="In 2019")]),
    ("Last year, live facial recognition was deployed on ten occasions.", MARCH_2020, [
        c("deployments", 10, 10, "exact", "2019-01-01", "2019-12-31", scope="Last year")]),
    ("Nine arrests were made during the deployments in 2020.", MARCH_2020, [
        c("arrests", 9, 9, "exact", "2020-01-01", "2020-03-30", scope="the deployments in 2020")]),
    ("There were 10 deployments in 2019 and 2 deployments in 2020.", MARCH_2020, [
        c("deployments", 10, 10, "exact", "2019-01-01", "2019-12-31", scope="in 2019"),
        c("deployments", 2, 2, "exact", "2020-01-01", "2020-03-30", scope="in 2020")]),
    ("There were 10 deployments in 2019 compared with 2 in 2020.", MARCH_2020, [
        c("deployments", 10, 10, "exact", "2019-01-01", "2019-12-31", scope="in 2019"),
        c("deployments", 2, 2, "exact", "2020-01-01", "2020-03-30", scope="in 2020")]),
    ("Of the 28 alerts across all deployments to date, 9 led to an arrest.", MARCH_2020, [
        c("alerts_total", 28, 28, "exact", None, "2020-03-30", scope="all deployments to date"),
        c("arrests", 9, 9, "exact", None, "2020-03-30", scope="all deployments to date")]),
    ("Overall, 157,566 faces were scanned across the nine deployments in 2020, 2021 and 2022.", D("2023-01-10"), [
        c("faces_seen", 157566, 157566, "exact", "2020-01-01", "2022-12-31",
          scope="the nine deployments in 2020, 2021 and 2022"),
        c("deployments", 9, 9, "exact", "2020-01-01", "2022-12-31", scope="in 2020, 2021 and 2022")]),
    ("There have been 203 deployments in 2023 and 2024, resulting in 609 arrests.", D("2025-01-20"), [
        c("deployments", 203, 203, "exact", "2023-01-01", "2024-12-31", scope="in 2023 and 2024"),
        c("arrests", 609, 609, "exact", "2023-01-01", "2024-12-31", scope="203 deployments in 2023 and 2024")]),
    ("The 1,344 alerts generated in 2023 and 2024 included 1,275 true alerts.", D("2025-01-20"), [
        c("alerts_total", 1344, 1344, "exact", "2023-01-01", "2024-12-31", scope="in 2023 and 2024"),
        c("true_alerts", 1275, 1275, "exact", "2023-01-01", "2024-12-31", scope="in 2023 and 2024")]),
    ("The watchlists for the deployments this year held up to 8,000 people.", MARCH_2020, [
        c("watchlist_size", None, 8000, "at_most", "2020-01-01", "2020-03-30", scope="the deployments this year")]),
    ("The watchlist used at Oxford Circus contained 7,292 images.", MARCH_2020, [
        c("watchlist_size", 7292, 7292, locations=["Oxford Circus"], scope="at Oxford Circus")]),
    # Rates: fractions, per face and per alert kept apart.
    ("A false alert rate of 0.08% was recorded.", MARCH_2020, [c("false_alert_rate", 0.0008, 0.0008)]),
    ("Of all faces scanned, 0.08% resulted in a false alert.", MARCH_2020, [
        c("false_alert_rate_per_face", 0.0008, 0.0008)]),
    ("Across both deployments, 87.5% of alerts were false.", MARCH_2020, [
        c("false_alert_rate_per_alert", 0.875, 0.875, scope="both deployments")]),
    ("The false alert rate per alert was 87.5%.", MARCH_2020, [c("false_alert_rate_per_alert", 0.875, 0.875)]),
    ("This equates to one false alert in every 6,000 faces scanned.", MARCH_2020, [
        c("false_alert_rate_per_face", 1 / 6000, 1 / 6000)]),
    ("This is a false alert rate of around one in 6,000 faces.", MARCH_2020, [
        c("false_alert_rate_per_face", 0.95 / 6000, 1.05 / 6000, "approximately")]),
    ("Fewer than 0.09% of the faces scanned led to a false alert.", MARCH_2020, [
        c("false_alert_rate_per_face", None, 0.0008, "fewer_than")]),
    # Sentences that state no LFR figure.
    ("The answer was provided on 26 March 2020.", MARCH_2020, []),
    ("Please see my answer to Mayor's Question 2020/1034.", MARCH_2020, []),
    ("The cost of each deployment was approximately £200,000.", MARCH_2020, []),
    ("MOPAC allocated £1.5 million to the programme in 2019/20.", MARCH_2020, []),
    ("Around 15% of officers in the Met have received LFR training.", MARCH_2020, []),
    ("Some 70% of Londoners support the use of the technology.", MARCH_2020, []),
    ("The MPS first trialled the technology in 2016.", MARCH_2020, []),
    ("The third deployment, on 21 February 2020, was stopped by a technical fault.", MARCH_2020, []),
    ("The 2nd and 3rd deployments took place in Stratford and at Oxford Circus.", MARCH_2020, []),
    ("The Met is reviewing the results of its first two deployments of 2020.", MARCH_2020, []),
    ("For further information, please call 020 7983 4000.", MARCH_2020, []),
    ("This processing is lawful under section 35 of the Data Protection Act 2018.", MARCH_2020, []),
    ("Paragraph 4.2 of the guidance sets out how officers engage with 3 categories of people.", MARCH_2020, []),
    ("The threshold setting was 0.6 for these deployments.", MARCH_2020, []),
    ("An average of 4,000 faces were scanned per deployment.", MARCH_2020, []),
    ("Deployments lasted between five and six hours each.", MARCH_2020, []),
    ("In 2019, the MPS did not deploy LFR.", MARCH_2020, []),
]


def _as_tuple(claim: Claim) -> tuple:
    return (claim.metric, claim.low, claim.high, claim.qualifier, claim.period_start, claim.period_end,
            claim.locations, claim.scope_text)


@pytest.mark.parametrize("sentence,answer_date,expected", CASES, ids=[s[:60] for s, _, _ in CASES])
def test_sentence_claims(sentence, answer_date, expected):
    claims = extract_claims(sentence, answer_date)
    got = [_as_tuple(claim) for claim in claims]
    assert len(got) == len(expected), got
    for g, e in zip(got, expected):
        assert g[0] == e[0] and g[3:] == e[3:], g
        for value, want in zip(g[1:3], e[1:3]):
            assert value == pytest.approx(want, rel=1e-12) if isinstance(want, float) else value == want, g
    assert all(claim.sentence == sentence for claim in claims)


def test_enough_cases():
    assert len(CASES) >= 40
    assert sum(1 for _, _, expected in CASES if not expected) >= 8


def test_counts_are_ints_and_rates_fractions():
    for sentence, answer_date, _ in CASES:
        for claim in extract_claims(sentence, answer_date):
            bounds = [b for b in (claim.low, claim.high) if b is not None]
            if claim.metric.startswith("false_alert_rate"):
                assert all(isinstance(b, float) and 0 <= b <= 1 for b in bounds)
            else:
                assert all(type(b) is int for b in bounds)


def test_answer_keeps_each_claims_exact_sentence():
    answer = ("Thank you for your question. The MPS deployed LFR at Stratford on 11 February 2020, where approx. "
              "4,600 faces were scanned, e.g. by the van's cameras. The false alert rate was 0.08% of faces seen.\n\n"
              "At Oxford Circus on 27 February 2020, 8,600 faces were scanned. See Question No. 5 for more.")
    claims = extract_claims(answer, MARCH_2020)
    assert [(c.metric, c.low, c.sentence) for c in claims] == [
        ("faces_seen", 4370, "The MPS deployed LFR at Stratford on 11 February 2020, where approx. 4,600 faces "
                             "were scanned, e.g. by the van's cameras."),
        ("false_alert_rate_per_face", 0.0008, "The false alert rate was 0.08% of faces seen."),
        ("faces_seen", 8600, "At Oxford Circus on 27 February 2020, 8,600 faces were scanned."),
    ]
    assert all(c.sentence in answer for c in claims)


def test_sentence_splitting_keeps_abbreviations_decimals_and_thousands():
    text = ("Approx. 13,200 faces were seen, e.g. at Oxford Circus. The rate was 0.08%. See Question No. 5 "
            "and St. Pancras. Was it lawful? Yes!\n- Eight alerts.\n- Seven false.")
    assert split_sentences(text) == [
        "Approx. 13,200 faces were seen, e.g. at Oxford Circus.", "The rate was 0.08%.",
        "See Question No. 5 and St. Pancras.", "Was it lawful?", "Yes!", "Eight alerts.", "Seven false."]


@pytest.mark.parametrize("text,values", [
    ("thirteen thousand", [13000]), ("eight", [8]), ("seven of the eight", [7, 8]),
    ("two hundred and fifty", [250]), ("13,200", [13200]), ("a dozen", [12]), ("1.2 million", [1200000]),
    ("twenty-one thousand four hundred", [21400]), ("no", [0]), ("a single", [1]),
])
def test_number_words(text, values):
    assert [int(n.value) for n in find_numbers(text)] == values


def test_non_figures_are_blanked():
    text = "Question 2020/1034 cost £200,000; call 020 7983 4000 (section 6) at 10:30am."
    assert [n.value for n in find_numbers(mask_non_figures(text))] == []


def test_period_never_extends_past_answer_date():
    (claim,) = extract_claims("In 2020, 13,200 faces were scanned.", D("2020-02-28"))
    assert (claim.period_start, claim.period_end) == (D("2020-01-01"), D("2020-02-28"))


def test_claim_json_and_vocabulary():
    (claim,) = extract_claims("At Oxford Circus on 27 February 2020, 8,600 faces were scanned.", MARCH_2020)
    assert claim.to_json_dict() == {
        "metric": "faces_seen", "low": 8600, "high": 8600, "qualifier": "exact",
        "period_start": "2020-02-27", "period_end": "2020-02-27", "locations": ["Oxford Circus"],
        "scope_text": "At Oxford Circus on 27 February 2020",
        "sentence": "At Oxford Circus on 27 February 2020, 8,600 faces were scanned.", "sentence_index": 1,
        "scope": {"period": {"words": "on 27 February 2020", "from": "sentence"},
                  "places": {"words": "At Oxford Circus", "from": "sentence"}, "selection": None,
                  "cumulative": False, "subset": None}}
    assert {"false_alert_rate_per_face", "false_alert_rate_per_alert", "faces_seen"} <= set(METRICS)
    assert "between" in QUALIFIERS
    with pytest.raises(ValueError, match="unknown claim metric"):
        Claim("faces", 1, 1, "exact", None, None, (), None, "x")
