"""Reading whole statements in context: scrapers/claims.py with its frame (scrapers/claim_frame.py).

Each passage is our own prose in the shape of real Met releases and
Mayor's answers (the patterns of docs/claims.md; the real statements are
tests/evidence/). Each test names the construction it pins: where a
figure's period, places and deployments come from when its own sentence
does not say.
"""

from __future__ import annotations

from datetime import date

import pytest

from scrapers.claims import extract_claims
from scrapers.sentences import read_blocks

D = date.fromisoformat


def one(text: str, statement: str, metric: str, **kw):
    (claim,) = [c for c in extract_claims(text, D(statement), **kw) if c.metric == metric]
    return claim


def period(claim) -> tuple[str | None, str | None]:
    return (claim.period_start and claim.period_start.isoformat(), claim.period_end and claim.period_end.isoformat())


def test_the_scene_is_set_in_one_sentence_and_the_figures_follow():
    text = ("Officers deployed LFR at two sites in Kingston town centre on 3 March 2024. As a result of 14 alerts, "
            "nine people were arrested.")
    alerts, arrests = extract_claims(text, D("2024-03-05"))
    for claim in (alerts, arrests):
        assert period(claim) == ("2024-03-03", "2024-03-03")
        assert claim.locations == ("Kingston town centre",)
        assert (claim.period_words, claim.period_source) == ("on 3 March 2024", "earlier_sentence")
        assert (claim.place_words, claim.places_source) == ("in Kingston town centre", "earlier_sentence")
        assert (claim.selection.words, claim.selection.count, claim.selection.source) == (
            "at two sites", 2, "earlier_sentence")
        assert claim.sentence == "As a result of 14 alerts, nine people were arrested." and claim.sentence_index == 2
    assert (alerts.metric, alerts.low, arrests.metric, arrests.low) == ("alerts_total", 14, "arrests", 9)


@pytest.mark.parametrize("words, statement, day", [
    ("on Friday, 14 June", "2024-06-20", "2024-06-14"),
    ("on Wednesday (2 October)", "2024-10-04", "2024-10-02"),
    ("yesterday", "2024-10-04", "2024-10-03"),
    ("on Tuesday", "2024-10-04", "2024-10-01"),  # the latest Tuesday not after the statement
    ("on Friday", "2024-10-04", "2024-10-04"),  # the statement's own weekday is that day, not a week back
    ("on 14 December", "2025-01-10", "2024-12-14"),  # day and month: the latest not after the statement
    ("on the 14th of June", "2024-06-20", "2024-06-14"),
    ("on 3 March 2024", "2025-01-10", "2024-03-03"),
])
def test_a_day_is_resolved_against_the_statements_date(words, statement, day):
    claim = one(f"Officers made 7 arrests in Croydon {words}.", statement, "arrests")
    assert period(claim) == (day, day) and claim.period_source == "sentence"


def test_nothing_is_placed_after_the_statements_date():
    # 20 June 2024 is after a statement of 10 June 2024: the latest 20 June not after it is 2023's.
    assert period(one("On 20 June officers made 5 arrests.", "2024-06-10", "arrests")) == ("2023-06-20", "2023-06-20")
    # An explicit future date is no period at all.
    assert period(one("On 20 June 2024 officers made 5 arrests.", "2024-06-10", "arrests")) == (None, None)


def test_that_day_and_later_that_day_point_back():
    text = ("On Wednesday (2 October) officers deployed LFR in Westminster. Eight people were arrested that day. "
            "Later that day, a further two arrests were made in Camden.")
    eight, two = extract_claims(text, D("2024-10-04"))
    assert period(eight) == period(two) == ("2024-10-02", "2024-10-02")
    assert eight.period_words == two.period_words == "On Wednesday (2 October)"
    assert eight.period_source == two.period_source == "earlier_sentence"
    assert eight.locations == ("Westminster",) and two.locations == ("Camden",) and two.places_source == "sentence"


@pytest.mark.parametrize("words, start, end", [
    ("this year", "2024-01-01", "2024-10-04"),
    ("so far this year", "2024-01-01", "2024-10-04"),
    ("since January", "2024-01-01", "2024-10-04"),
    ("since the start of 2023", "2023-01-01", "2024-10-04"),
    ("in the last 12 months", "2023-10-04", "2024-10-04"),
    ("in the past fortnight", "2024-09-20", "2024-10-04"),
    ("in the last six months", "2024-04-04", "2024-10-04"),
    ("between April 2023 and March 2024", "2023-04-01", "2024-03-31"),
    ("so far in 2024", "2024-01-01", "2024-10-04"),
    ("last week", "2024-09-23", "2024-09-29"),
])
def test_periods(words, start, end):
    claim = one(f"The MPS made 300 arrests using LFR {words}.", "2024-10-04", "arrests")
    assert period(claim) == (start, end) and claim.period_words.lower().endswith(words.split()[-1].lower())


def test_a_named_set_of_deployments_carries_to_the_sentences_that_refer_to_it():
    text = ("The MPS deployed LFR at Stratford on 11 February 2020 and at Oxford Circus on 27 February 2020. "
            "Across the two deployments, 13,200 faces were scanned. These deployments resulted in one arrest.")
    faces, arrest = extract_claims(text, D("2020-03-30"))
    assert period(faces) == period(arrest) == ("2020-02-11", "2020-02-27")
    assert faces.locations == arrest.locations == ("Stratford", "Oxford Circus")
    assert faces.selection.words == "the two deployments" and faces.selection.count == 2
    assert arrest.places_source == "earlier_sentence"


def test_the_first_two_deployments_of_a_year_keep_their_selection():
    claim = one("In the first two deployments of 2020, more than 13,000 faces were scanned.", "2020-03-30",
                "faces_seen")
    assert period(claim) == ("2020-01-01", "2020-03-30")
    assert (claim.selection.count, claim.selection.ordinal) == (2, "first")


@pytest.mark.parametrize("sentence, places", [
    ("Officers deployed at two sites in Kingston town centre and made 9 arrests.", ("Kingston town centre",)),  # the town, not the borough
    ("In Westminster, 4 people were arrested.", ("Westminster",)),
    ("The Hammersmith deployment led to 3 arrests.", ("Hammersmith",)),
    ("Officers made 6 arrests in the vicinity of the O2 Arena.", ("O2 Arena",)),
])
def test_places(sentence, places):
    assert one(sentence, "2024-10-04", "arrests").locations == places


def test_a_new_period_drops_the_places_of_the_old_one():
    text = "On 3 March 2024 officers made 9 arrests in Kingston. So far this year, 120 arrests have been made."
    _, year = extract_claims(text, D("2024-03-05"))
    assert period(year) == ("2024-01-01", "2024-03-05") and year.locations == ()


def test_the_question_sets_the_scope_the_answer_leaves_out():
    claim = one("The number of people on that list was 610.", "2020-03-30", "watchlist_size",
                question="What was the size of the watchlist used at Oxford Circus on 27 February 2020?")
    assert period(claim) == ("2020-02-27", "2020-02-27") and claim.locations == ("Oxford Circus",)
    assert claim.period_source == claim.places_source == "question"


def test_a_questions_preamble_sets_no_scope():
    claim = one("The MPS carried out 10 trial deployments.", "2019-07-01", "deployments",
                question="On 17 June 2019, a newspaper reported on facial recognition. Has the MPS worked with retailers?")
    assert period(claim) == (None, None)


def test_the_title_is_background_too():
    claim = one("Officers made 9 arrests.", "2024-05-20", "arrests", title="LFR deployment in Croydon on 16 May")
    assert period(claim) == ("2024-05-16", "2024-05-16") and claim.period_source == "title"
    assert claim.locations == ("Croydon",)


def test_a_running_total_runs_to_the_statements_date_and_replaces_the_frame():
    text = ("On 3 March officers made 9 arrests in Kingston. Well over 800 wanted people have now been arrested "
            "using the technology.")
    _, total = extract_claims(text, D("2024-03-05"))
    assert (total.low, total.high, total.qualifier) == (801, None, "more_than")
    assert period(total) == (None, "2024-03-05") and total.cumulative and total.period_source == "statement_date"
    assert total.locations == ()


def test_a_later_sentence_that_refers_back_dates_the_one_before():
    text = ("For the second time in five days, the Met deployed LFR in Croydon, resulting in eight people being "
            "arrested. This action from officers on Tuesday, 23 January followed community concerns.")
    claim = one(text, "2024-01-24", "arrests")
    assert period(claim) == ("2024-01-23", "2024-01-23") and claim.period_source == "later_sentence"


def test_list_items_do_not_leak_their_scope():
    text = ("Officers deployed LFR in Croydon on 2 May.\n\nThe results were:\n\n- 4 arrests in Sutton on 9 May\n\n"
            "- 2 arrests\n\nOverall, 6 arrests were made.")
    first, second, overall = extract_claims(text, D("2024-05-20"))
    assert period(first) == ("2024-05-09", "2024-05-09") and first.locations == ("Sutton",)
    assert period(second) == ("2024-05-02", "2024-05-02") and second.locations == ("Croydon",)  # the list's frame
    assert period(overall) == ("2024-05-02", "2024-05-02") and overall.locations == ("Croydon",)


def test_paragraphs_keep_the_frame_as_releases_are_written():
    text = ("Ten people were arrested in Croydon yesterday, 14 December.\n\nThe deployment was part of a wider "
            "operation.\n\nAs a result of 22 alerts, ten people were arrested.")
    assert period(one(text.split("\n\n", 1)[1] and text, "2023-12-15", "alerts_total")) == (
        "2023-12-14", "2023-12-14")


# §4 of the issue: real patterns that were lost or invented.
def test_cumulative_total():
    claim = one("Well over 800 wanted people have now been arrested using the technology.", "2024-11-01", "arrests")
    assert (claim.low, claim.qualifier, claim.cumulative) == (801, "more_than", True)


def test_one_in_n_rates():
    claim = one("The technology generates a false alert for roughly one in 5,000 passers-by.", "2024-11-01",
                "false_alert_rate_per_face")
    assert claim.qualifier == "approximately" and claim.low == pytest.approx(0.95 / 5000)


@pytest.mark.parametrize("sentence, metric, value", [
    ("Its use was confined to the 12 pilot deployments.", "deployments", 12),
    ("The number of people on that list was 610.", "watchlist_size", 610),
])
def test_counts_inside_a_phrase(sentence, metric, value):
    assert one(sentence, "2020-03-30", metric).low == value


def test_splits_by_place_take_the_metric_of_the_figure_they_split():
    text = ("The Met deployed LFR in Lewisham and Bromley on Friday, 14 June. Six people were arrested: two were from "
            "the Lewisham deployment and four from the Bromley deployment.")
    six, two, four = extract_claims(text, D("2024-06-20"))
    assert [(c.metric, c.low, c.locations) for c in (six, two, four)] == [
        ("arrests", 6, ("Lewisham", "Bromley")), ("arrests", 2, ("Lewisham",)), ("arrests", 4, ("Bromley",))]
    assert all(period(c) == ("2024-06-14", "2024-06-14") for c in (six, two, four))


@pytest.mark.parametrize("sentence", [
    "No system is free of misidentifications.",
    "Images are discarded immediately when there is no match.",
    "There have been no wrongful arrests.",
    "We might make 15 arrests in a two-hour operation.",
    "The Met has committed to 10 trials during the coming months.",
])
def test_rhetorical_no_and_what_may_happen_yield_nothing(sentence):
    assert extract_claims(sentence, D("2024-06-20")) == []


def test_a_subset_the_records_do_not_break_down_is_marked():
    text = ("On Wednesday (15 May) officers made six arrests in Bethnal Green. This included two people who breached "
            "the terms of their sexual harm prevention order.")
    six, two = extract_claims(text, D("2024-05-16"))
    assert six.subset is None and two.metric == "arrests" and two.low == 2
    assert two.subset.startswith("who breached")
    assert one("The Met has arrested over 50 sex offenders who were in breach of their conditions this year.",
               "2024-12-06", "arrests").subset.startswith("sex offenders")


@pytest.mark.parametrize("second, low, subset", [
    ("One of yesterday's arrests was a man wanted on recall to prison.", 1, "a man wanted on recall to prison"),
    ("Two of the Peckham arrests were for shoplifting.", 2, "for shoplifting"),
    ("Three of the people arrested were registered sex offenders.", 3, "registered sex offenders"),
    ("One of those arrested on 10 May was a registered sex offender in breach of his notification requirements.", 1,
     "a registered sex offender in breach of his notification requirements"),
    ("Five of those arrested were wanted on warrant for failing to appear at court.", 5, "wanted on warrant"),
    ("Four of those arrested were held for offences linked to violence against women and girls.", 4,
     "for offences linked to violence against women and girls"),
])
def test_a_part_of_the_arrests_named_by_their_noun_is_a_subset_of_the_same_day(second, low, subset):
    """ "One of yesterday's arrests was …", "Two of the Peckham arrests were …": a part of the day's arrests, for review;
    what became of them ("Six of those arrested were charged") is no figure at all."""
    first = "Officers made seven arrests in Peckham on Saturday (10 May). "
    seven, part = extract_claims(first + second, D("2025-05-11"))
    assert (part.metric, part.low, part.period_start, part.locations) == ("arrests", low, D("2025-05-10"), ("Peckham",))
    assert seven.subset is None and part.subset.startswith(subset)
    assert len(extract_claims(first + "Six of those arrested were charged.", D("2025-05-11"))) == 1


def test_parts_of_a_whole_stated_before_survive_a_passage_about_other_tactics():
    """ "Four of the 20 were wanted for …, and six for …" (the second part's verb left out) are parts of LFR's 20
    arrests, even in a passage that also reports stop and search."""
    text = ("These deployments led to 20 arrests in Croydon town centre. Four of the 20 were wanted for shoplifting, and "
            "six for offences of violence against women and girls.\n\nSeparately, the town centre team made 58 arrests "
            "and carried out 112 stop and searches using other tactics.")
    got = [(c.metric, c.low, c.subset) for c in extract_claims(text, D("2025-03-27"))]
    assert got[:2] == [("arrests", 20, None), ("arrests", 4, "wanted for shoplifting")]
    assert ("arrests", 6, "for offences of violence against women and girls") in got
    assert all(low != 58 for _, low, _ in got)


def test_blocks_keep_lists_apart():
    sentences = read_blocks("Figures:\n- Eight alerts.\n- Seven false.\n\nAfter the list.")
    assert [(s.text, s.list_no is not None) for s in sentences] == [
        ("Figures:", False), ("Eight alerts.", True), ("Seven false.", True), ("After the list.", False)]
    assert len({s.block for s in sentences}) == 4


@pytest.mark.parametrize("sentence, statement, start, end", [
    ("In the 12 months to the end of March 2025, the Met made 587 arrests.", "2025-06-10", "2024-04-01", "2025-03-31"),
    ("In the year to 31 October 2025, the Met made 801 arrests.", "2025-12-03", "2024-11-01", "2025-10-31"),
    ("In the first nine months of 2024 the Met made 360 arrests.", "2024-10-29", "2024-01-01", "2024-09-30"),
    ("As of 30 April, 63 arrests had been made this year.", "2024-05-23", "2024-01-01", "2024-04-30"),
    ("As of 31 December 2024, 1,035 people had been arrested since the start of the year.", "2025-01-14",
     "2024-01-01", "2024-12-31"),
    ("Between Monday (2 June) and Friday (6 June) officers made 46 arrests.", "2025-06-07", "2025-06-02", "2025-06-06"),
])
def test_periods_that_end_on_a_named_date(sentence, statement, start, end):
    assert period(one(sentence, statement, "arrests")) == (start, end)


def test_since_then_and_the_same_period_point_back():
    text = ("Deployments resumed in April 2023. Since then, the system has generated 14 alerts. Over the same period, "
            "four people have been arrested.")
    alerts, arrests = extract_claims(text, D("2023-08-10"))
    assert period(alerts) == period(arrests) == ("2023-04-01", "2023-08-10")


def test_a_place_named_again_takes_its_own_day():
    text = ("So far this year the MPS has deployed LFR twice: at Stratford on 11 February and at Oxford Circus on "
            "27 February. At Stratford, the system did not generate any alerts. At Oxford Circus, seven of the eight "
            "alerts were false.")
    twice, none, seven, eight = extract_claims(text, D("2020-03-19"))
    assert (twice.metric, twice.low, period(twice)) == ("deployments", 2, ("2020-01-01", "2020-03-19"))
    assert (none.metric, none.low, period(none)) == ("alerts_total", 0, ("2020-02-11", "2020-02-11"))
    assert period(seven) == period(eight) == ("2020-02-27", "2020-02-27")


def test_another_forces_figures_and_plans_are_not_the_mets():
    text = ("The Met made 360 arrests in 2024. South Wales Police, which also uses the technology, made 30 arrests. "
            "The Met will carry out up to ten deployments a week.")
    assert [(c.metric, c.low) for c in extract_claims(text, D("2025-01-10"))] == [("arrests", 360)]


def test_a_rate_restated_keeps_its_definition():
    text = ("It generated 2,077 alerts, of which 10 were false alerts. Expressed as a share of faces scanned, that is "
            "a false alert rate of 0.0003% — roughly 1 in 310,000. As a proportion of alerts, the rate was 0.48%.")
    rates = [(c.metric, c.qualifier) for c in extract_claims(text, D("2025-09-30")) if "rate" in c.metric]
    assert rates == [("false_alert_rate_per_face", "exact"), ("false_alert_rate_per_face", "approximately"),
                     ("false_alert_rate_per_alert", "exact")]


def test_a_passage_about_a_whole_operation_keeps_only_the_figures_tied_to_lfr():
    # A weekend of policing reported as a whole: its totals are every tactic's; only LFR's part is an LFR figure.
    text = ("The number of arrests on Sunday was 180, with 120 at the event itself and 60 on the approaches.\n\n"
            "Officers used stop and search, knife arches and live facial recognition to find 300 wanted people.\n\n"
            "Of the total arrests, 41 were as a result of alerts from live facial recognition cameras.\n\n"
            "45 of the total arrests were as a result of identifications using the technology.")
    claims = extract_claims(text, D("2025-08-26"))
    assert [(c.metric, c.low) for c in claims] == [("arrests", 41), ("arrests", 45)]


def test_a_release_about_one_deployment_in_a_wider_operation_keeps_its_arrests():
    text = ("Ten people were arrested in Sutton yesterday in a live facial recognition deployment. As part of a wider "
            "policing operation, the cameras were deployed alongside neighbourhood officers.\n\n"
            "Three further arrests were proactive arrests as part of the wider operation.")
    claims = extract_claims(text, D("2024-06-05"))
    assert [(c.metric, c.low, period(c)) for c in claims] == [("arrests", 10, ("2024-06-04", "2024-06-04"))]


def test_the_last_n_years_and_a_condition_with_no_match():
    (claim,) = extract_claims("In the last two years, the force made 1,300 arrests using facial recognition.",
                              D("2025-12-04"))
    assert (claim.metric, claim.low, period(claim)) == ("arrests", 1300, ("2023-12-04", "2025-12-04"))
    assert extract_claims("If a person passes in front of a camera and there is no match, their image is deleted "
                          "at once.", D("2025-12-04")) == []


def test_a_day_phrase_never_starts_inside_a_place_name():
    text = ("LFR was used in Bromley on Friday (7 March) and on Orpington High Street on Saturday (8 March). "
            "Officers arrested three people in Bromley. Two more were arrested in Orpington the following day.")
    bromley, orpington = [c for c in extract_claims(text, D("2025-03-10")) if c.metric == "arrests"]
    assert bromley.locations == ("Bromley",) and period(bromley) == ("2025-03-07", "2025-03-07")
    assert orpington.locations == ("Orpington",) and period(orpington) == ("2025-03-08", "2025-03-08")


def test_days_named_inside_a_wider_period_are_when_it_happened():
    text = ("In March the force used LFR twice: at Ealing Broadway on Tuesday 4 March and in Hounslow on "
            "Thursday 20 March. Across those deployments the cameras raised 9 alerts.")
    assert period(one(text, "2025-04-02", "alerts_total")) == ("2025-03-04", "2025-03-20")


@pytest.mark.parametrize("text, statement, start, end", [
    ("At Notting Hill Carnival 2016, the watchlist held 268 images.", "2016-09-20", "2016-08-28", "2016-08-29"),
    ("Over this year's Carnival, LFR led to 61 arrests.", "2025-08-27", "2025-08-24", "2025-08-25"),
    ("Ahead of Carnival, LFR led to 12 arrests.", "2025-08-20", None, None),
])
def test_carnival_is_its_two_main_days(text, statement, start, end):
    claim = next(c for c in extract_claims(text, D(statement)))
    assert period(claim) == (start, end)
    assert claim.locations == ("Notting Hill Carnival",)


def test_the_paragraph_after_the_lede_dates_the_story_s_opening_figures():
    text = ("Summer operation leads to 25 arrests\n\n"
            "Twenty-five people were arrested after LFR was used in north London over the summer holidays.\n\n"
            "Between Monday 21 July and Friday 29 August, LFR was deployed six times in Enfield and Barnet. "
            "Officers made 11 arrests in the first two weeks of the operation.")
    headline, lede, deployments, first = extract_claims(text, D("2025-09-01"))
    for claim in (headline, lede):
        assert (period(claim), claim.period_source) == (("2025-07-21", "2025-08-29"), "later_sentence")
    assert period(first) == ("2025-07-21", "2025-08-03")


def test_an_undated_statement_keeps_the_start_it_names():
    (claim,) = extract_claims("Since January 2024 the MPS has made 900 arrests using LFR.", None)
    assert period(claim) == ("2024-01-01", None)


@pytest.mark.parametrize("text, low", [
    ('A review of the trials found "85 per cent" of supposed matches to be wrong.', 0.85),
    ("An audit found that 70% of matches were inaccurate.", 0.70),
])
def test_a_quoted_or_qualified_share_of_wrong_matches_is_a_per_alert_rate(text, low):
    (claim,) = extract_claims(text, D("2021-03-01"))
    assert (claim.metric, claim.low, claim.high) == ("false_alert_rate_per_alert", low, low)


def test_when_a_report_was_published_is_not_the_period_its_figures_cover():
    (claim,) = extract_claims("She cited a review published in May 2020 that found 40 false alerts.", D("2021-03-01"))
    assert claim.metric == "false_alerts" and period(claim) == (None, None)


@pytest.mark.parametrize("text, expected", [
    ("The vans alerted officers to three people on the watchlist.", [("alerts_total", 3)]),
    ("The deployment raised six false alerts, and officers engaged with four of the people concerned.",
     [("false_alerts", 6), ("false_alert_engagements", 4)]),
    ("Officers spoke to two of the five people who were wrongly flagged; none was arrested.",
     [("false_alert_engagements", 2), ("false_alerts", 5)]),
    ("Each alert is reviewed by an officer, and no one is arrested on the basis of an alert alone.", []),
    ("The quarter in figures:\n\n- Deployments: 96\n- Alerts: 410, including 3 false alerts",
     [("deployments", 96), ("alerts_total", 410), ("false_alerts", 3)]),
])
def test_labels_people_concerned_and_rules_that_are_not_counts(text, expected):
    assert [(c.metric, c.low) for c in extract_claims(text, D("2025-06-30"))] == expected


def test_the_following_day_in_the_sentence_that_names_a_day_is_the_day_after_it():
    text = ("Officers used LFR outside Ilford station on Friday 7 March and on Romford High Street the following day. "
            "In Romford, three people were arrested.")
    (claim,) = extract_claims(text, D("2025-03-12"))
    assert claim.locations == ("Romford",) and period(claim) == ("2025-03-08", "2025-03-08")


def test_counts_in_brackets_split_the_figure_by_place():
    text = ("LFR was deployed eight times across south London last week, leading to 31 arrests. Arrests were made in "
            "Croydon (12), Lewisham (7) and Sutton (5).")
    claims = extract_claims(text, D("2025-07-21"))
    assert [(c.metric, c.low, c.locations) for c in claims] == [
        ("deployments", 8, ()), ("arrests", 31, ()), ("arrests", 12, ("Croydon",)), ("arrests", 7, ("Lewisham",)),
        ("arrests", 5, ("Sutton",))]
    assert all(period(c) == ("2025-07-14", "2025-07-20") for c in claims)
    # The sentence's own metric noun, not the last figure's; a year or a bracket with no place is no figure
    text = ("In 2024 the cameras scanned 1.2 million faces. Three boroughs had more than a third of all arrests: "
            "Croydon (97), Lambeth (63) and Newham (58). LFR led to 5 arrests (2024).")
    assert [(c.metric, c.low, c.locations) for c in extract_claims(text, D("2025-01-10"))][1:] == [
        ("arrests", 97, ("Croydon",)), ("arrests", 63, ("Lambeth",)), ("arrests", 58, ("Newham",)), ("arrests", 5, ())]


def test_labelled_lines_without_bullets_are_items():
    text = "This report covers the 12 months to 31 March 2024.\n\nKey figures:\nDeployments: 96\nFaces seen (estimate): 712,000"
    claims = extract_claims(text, D("2024-09-30"))
    # a round estimate is approximate (docs/claims.md): 712,000 ± 5 %
    assert [(c.metric, c.low, c.high) for c in claims] == [("deployments", 96, 96), ("faces_seen", 676400, 747600)]
    assert all(period(c) == ("2023-04-01", "2024-03-31") for c in claims)


def test_an_undated_statements_weekday_and_date_give_the_latest_year_they_match():
    # 15 May fell on a Wednesday in 2024 (and in 2019 before it); no statement date to count back from
    (claim,) = extract_claims("On Wednesday (15 May) officers made six arrests in Bethnal Green.", None,
                              not_after=D("2026-11-30"))
    assert period(claim) == ("2024-05-15", "2024-05-15")
    (claim,) = extract_claims("On 15 May officers made six arrests in Bethnal Green.", None, not_after=D("2026-11-30"))
    assert period(claim) == (None, None)
    # Without knowing when the statement was read there is nothing to count back from: the reader keeps no clock
    (claim,) = extract_claims("On Wednesday (15 May) officers made six arrests in Bethnal Green.", None)
    assert period(claim) == (None, None)


@pytest.mark.parametrize("text, metric, low, high", [
    ("Tests indicate that when a person not on a watchlist walks in front of a camera, there is a maximum 1 in a 1000 "
     "chance that the system will generate a false alert.", "false_alert_rate_per_face", None, 0.001),
    ("The false positive identification rate was 1 in 1000 - the frequency of false alerts among recognition "
     "opportunities for individuals not included in the watch list.", "false_alert_rate_per_face", 0.001, 0.001),
])
def test_a_rate_over_people_not_on_the_watchlist_is_per_face(text, metric, low, high):
    (claim,) = extract_claims(text, D("2020-02-27"))
    assert (claim.metric, claim.low, claim.high) == (metric, low, high)


def test_one_rate_over_two_denominators():
    text = ("In 2024 the false alert rate was 0.0006% when measured against faces seen, or around 1% of all alerts. "
            "In 2025 the false alert rate was 0.0003% — roughly 1 in 330,000 faces.")
    assert [c.metric for c in extract_claims(text, D("2025-12-19"))] == [
        "false_alert_rate_per_face", "false_alert_rate_per_alert", "false_alert_rate_per_face",
        "false_alert_rate_per_face"]


@pytest.mark.parametrize("sentence", [
    "After the riots of 2011 we arrested 5,500 people over 18 months from CCTV footage.",  # before LFR existed
    "The policy limits each watchlist to a maximum of 16,000 images.",
    "Other boroughs had fewer than five deployments each during the year.",
    "The deployment ended early, so no arrest figures were recorded.",
    "No deployment takes place without a published deployment plan.",
    "In testing, the algorithm produced a false alert in one in 6,000 cases at a watchlist size of 10,000.",
])
def test_limits_rules_tests_and_figures_from_before_lfr_are_not_claims(sentence):
    assert extract_claims(sentence, D("2025-06-30")) == []


def test_the_one_on_the_watchlist_is_a_pronoun():
    text = "Two were false alerts, and in both cases the person was not the one on the watchlist."
    assert [(c.metric, c.low) for c in extract_claims(text, D("2025-06-30"))] == [("false_alerts", 2)]


def test_a_comparison_moves_no_frame_and_so_far_beside_a_period_only_caps_it():
    text = ("This report covers the 12 months to 31 March 2024, when LFR was used 96 times. Compared with 2022/23 (from "
            "July 2022), when LFR was used on six occasions and led to four arrests, this is a big increase. Over the "
            "year, 203 arrests followed an alert.")
    claims = extract_claims(text, D("2024-09-30"))
    assert [(c.low, period(c)) for c in claims] == [
        (96, ("2023-04-01", "2024-03-31")), (6, ("2022-07-01", "2023-03-31")), (4, ("2022-07-01", "2023-03-31")),
        (203, ("2023-04-01", "2024-03-31"))]
    (claim,) = extract_claims("There have so far been 52 LFR arrests over the two main days of Notting Hill Carnival.",
                              D("2025-08-25"))
    assert period(claim) == ("2025-08-24", "2025-08-25")


@pytest.mark.parametrize("text, expected", [
    ("In 2024 there were 14 alerts in Croydon. Three alerts in Croydon over this period were confirmed as false.",
     [("alerts_total", 14, None), ("false_alerts", 3, None)]),
    ("On Thursday the cameras alerted officers to 15 people. The remaining alert was a false alert.",
     [("alerts_total", 15, None), ("false_alerts", 1, None)]),
    ("Two were false alerts. Those arrested were wanted for offences including robbery. Eleven of the 31 were wanted "
     "for offences linked to violence against women and girls.",
     [("false_alerts", 2, None), ("arrests", 11, "wanted for offences linked to violence against women and girls"),
      ("arrests", 31, None)]),
])
def test_the_remaining_one_an_alerts_kind_and_the_whole_a_part_is_of(text, expected):
    assert [(c.metric, c.low, c.subset) for c in extract_claims(text, D("2025-07-21"))] == expected


@pytest.mark.parametrize("sentence", [
    "In total, 423 arrests were made by officers during the Carnival weekend using all tactics.",
    "Across England and Wales, police forces made 1,200 arrests after facial recognition alerts in 2024.",
    "Retrospective facial recognition identified 149 suspects in 2023.",
])
def test_other_tactics_other_forces_and_other_tools_are_not_the_mets_lfr(sentence):
    assert extract_claims(sentence, D("2025-09-01")) == []


@pytest.mark.parametrize("text, expected", [
    ("The deployments generated 34 alerts. Of the 34, 31 were confirmed as true alerts and three as false alerts.",
     [("alerts_total", 34), ("alerts_total", 34), ("true_alerts", 31), ("false_alerts", 3)]),
    ("The system matched 14 people against the watchlist. Thirteen of the matches were confirmed by officers.",
     [("alerts_total", 14), ("true_alerts", 13)]),
    ("Six people wanted by the police were arrested.", [("arrests", 6)]),
    ("Of the 12 false alerts, officers engaged with five people.",
     [("false_alerts", 12), ("false_alert_engagements", 5)]),
])
def test_restated_wholes_elliptical_kinds_matches_and_whom_a_verb_counts_among(text, expected):
    assert [(c.metric, c.low) for c in extract_claims(text, D("2025-07-21"))] == expected


def test_a_part_made_at_a_place_splits_by_place():
    claims = extract_claims("LFR led to 20 arrests. Nine of the arrests were made in Whitechapel.", D("2025-07-21"))
    assert [(c.low, c.locations) for c in claims] == [(20, ()), (9, ("Whitechapel",))]


def test_every_tactics_arrests_with_lfrs_part_named_after_them():
    (claim,) = extract_claims("Officers arrested 211 people, 28 of them after being flagged by facial recognition "
                              "cameras.", D("2025-08-25"))
    assert (claim.metric, claim.low, claim.subset) == ("arrests", 28, None)


@pytest.mark.parametrize("text, statement, start, end", [
    ("Since deployments resumed in July 2022, LFR has been used 41 times.", "2023-11-16", "2022-07-01", "2023-11-16"),
    ("Since the fixed-camera pilot began in Croydon on 1 October 2025, the cameras have been used 34 times.",
     "2026-01-22", "2025-10-01", "2026-01-22"),
    ("Since we started using LFR in east London in January, officers have made 74 arrests.", "2024-03-22",
     "2024-01-01", "2024-03-22"),
    ("There have been 1,240 arrests since the start of the financial year.", "2026-01-22", "2025-04-01", "2026-01-22"),
])
def test_since_an_event_named_with_its_date(text, statement, start, end):
    (claim,) = extract_claims(text, D(statement))
    assert period(claim) == (start, end)


def test_a_part_with_no_period_continues_the_one_before_and_the_year_is_the_whole_year():
    text = ("The MPS has advised that in the 2023/24 financial year it deployed LFR on 96 occasions, resulting in 312 "
            "arrests and three false alerts, and that in the 2024/25 financial year it deployed the technology on 201 "
            "occasions, resulting in 688 arrests and 10 false alerts.")
    assert [(c.low, period(c)[0]) for c in extract_claims(text, D("2025-06-10"))] == [
        (96, "2023-04-01"), (312, "2023-04-01"), (3, "2023-04-01"), (201, "2024-04-01"), (688, "2024-04-01"),
        (10, "2024-04-01")]
    text = ("The MPS carried out six deployments in 2022. Four took place in July 2022 at Oxford Circus, and the "
            "remaining two at Leicester Square in December. Across the year, there were 14 alerts.")
    assert period(extract_claims(text, D("2023-01-19"))[-1]) == ("2022-01-01", "2022-12-31")


def test_places_each_with_a_day_in_parts_of_one_sentence():
    text = ("On Saturday 13 May officers were on Camden High Street, and on Thursday 25 May at Highbury Corner. In "
            "Camden, four people were arrested. At Highbury Corner, the system generated three alerts.")
    four, three = extract_claims(text, D("2023-06-15"))
    assert period(four) == ("2023-05-13", "2023-05-13") and period(three) == ("2023-05-25", "2023-05-25")


def test_when_and_where_an_offence_happened_is_not_the_figures_scope():
    text = ("Officers deployed LFR in Romford on Saturday (16 March). Six were arrested, including a man wanted for a "
            "robbery in Hornchurch in 2022. Every one of them was wanted by the courts.")
    (claim,) = extract_claims(text, D("2024-03-22"))
    assert (claim.low, period(claim), claim.locations) == (6, ("2024-03-16", "2024-03-16"), ("Romford",))
    (claim,) = extract_claims("A man wanted for robbery was arrested on Monday (7 April) in Catford; officers made "
                              "three arrests that day.", D("2025-04-09"))
    assert period(claim) == ("2025-04-07", "2025-04-07")


@pytest.mark.parametrize("text, expected", [
    ("In 2025 LFR led to 1,514 arrests from 2,187 alerts, and of those arrested, 118 were registered sex offenders, "
     "while a further 85 were wanted in connection with domestic abuse.",
     [("alerts_total", 2187), ("arrests", 118), ("arrests", 85), ("arrests", 1514)]),
    ("In 2023 it made 54 arrests. Of those arrests, 12 were made in Croydon during October and November 2023.",
     [("arrests", 54), ("arrests", 12)]),
    ("My answer to question 2024/1187 stated that there were 58 alerts in Croydon. The correct figure is 61 alerts.",
     [("alerts_total", 61)]),
    ("Four false alerts were recorded. All four people were engaged by officers and none was arrested.",
     [("false_alerts", 4), ("engagements", 4)]),
    ("The MPS operates the algorithm at a face-match threshold of 0.6, at which the false match rate is 1 in 6,000.", []),
    ("Across both days the watchlists each contained between 14,000 and 15,500 images.", []),
    ("More than 60 arrests were made during the wider Coronation operation.", []),
    ("Overall, the MPS made 423 arrests during Carnival, the majority for possession of weapons.", []),
    ("Arrests were made in Croydon (9), Lewisham (6) and Peckham (4).",
     [("arrests", 9), ("arrests", 6), ("arrests", 4)]),
])
def test_whom_a_part_counts_corrections_settings_and_whole_operations(text, expected):
    assert sorted((c.metric, c.low) for c in extract_claims(text, D("2026-03-10"))) == sorted(expected)


def test_a_releases_headline_is_a_claim_dated_by_its_lede():
    from scrapers.claims import release_claims

    claims = release_claims("Four arrested during facial recognition deployment in Tottenham",
                            "Four people were arrested when officers deployed LFR outside Seven Sisters station in "
                            "Tottenham on Tuesday (17 October).", D("2023-10-20"))
    assert [(c.low, c.sentence_index, period(c), c.locations) for c in claims] == [
        (4, 1, ("2023-10-17", "2023-10-17"), ("Tottenham",)),
        (4, 2, ("2023-10-17", "2023-10-17"), ("Seven Sisters", "Tottenham"))]
    # A headline the text already opens with is read once
    assert len(release_claims("Four arrested in Tottenham", "Four arrested in Tottenham\n\nOfficers used LFR on "
                              "Tuesday (17 October).", D("2023-10-20"))) == 1


@pytest.mark.parametrize("text, statement, expected", [
    ("Since we started, it's north of 1,400 arrests.", "2025-06-18", [("arrests", 1401, None, "more_than")]),
    ("In 2024 we've done getting on for 200 deployments.", "2025-06-18", [("deployments", 190, 200, "nearly")]),
    ("In 2024 the cameras saw something like 2.4 million faces.", "2025-06-18",
     [("faces_seen", 2280000, 2520000, "approximately")]),
    ("In 2024 we did 180 deployments, roughly, across London.", "2025-06-18",
     [("deployments", 171, 189, "approximately")]),
    ("In 2024 the cameras saw around half a million faces.", "2025-06-18",
     [("faces_seen", 475000, 525000, "approximately")]),
    ("In Croydon, since October, we've had a couple of hundred arrests.", "2026-03-04", []),
])
def test_spoken_qualifiers_and_vague_amounts(text, statement, expected):
    assert [(c.metric, c.low, c.high, c.qualifier) for c in extract_claims(text, D(statement))] == expected


@pytest.mark.parametrize("text, expected", [
    ("Across England and Wales, forces made more than 1,000 arrests last year. The Metropolitan Police alone made "
     "587 of them, from 180 deployments.", [("arrests", 587), ("deployments", 180)]),
    ("Forces deployed LFR on 260 occasions between January and October 2024, the NPCC said today. The Metropolitan "
     "Police accounted for 170 of those deployments. Across all forces, 720 arrests followed an alert. In the Met, "
     "the figure was 510.", [("deployments", 170), ("arrests", 510)]),
    ("Force\tDeployments\tArrests\nMetropolitan Police\t190\t601\nSouth Wales Police\t38\t64\nTotal\t228\t665",
     [("deployments", 190), ("arrests", 601)]),
    ("MOPAC officers observed three deployments during the quarter.", []),
    ("Members heard that the watchlist for a typical deployment contained between 15,000 and 16,500 images.", []),
])
def test_the_mets_share_of_national_figures_and_other_peoples_counts(text, expected):
    assert [(c.metric, c.low) for c in extract_claims(text, D("2024-12-10"))] == expected


@pytest.mark.parametrize("text, statement, start, end", [
    ("In the first nine months of this year the Met deployed LFR 208 times.", "2025-10-14", "2025-01-01", "2025-09-30"),
    ("There were two false alerts over the summer.", "2025-09-20", "2025-06-01", "2025-08-31"),
    ("Since the Met resumed live facial recognition in July 2022, it has made 1,001 arrests.", "2025-04-08",
     "2022-07-01", "2025-04-08"),
    ("Since the fixed cameras went in last October, we've had 96 arrests.", "2026-03-04", "2025-10-01", "2026-03-04"),
    ("It had deployed LFR 26 times in 2023/24 up to the end of January.", "2024-03-20", "2023-04-01", "2024-01-31"),
    ("This year we're on track for more: by the end of October we'd done 231 deployments.", "2025-11-20",
     "2025-01-01", "2025-10-31"),
])
def test_spoken_and_reported_periods(text, statement, start, end):
    (claim,) = extract_claims(text, D(statement))
    assert period(claim) == (start, end)


def test_a_comparison_gives_the_figure_before_another_period():
    claims = extract_claims("In the first half of 2025 the Met carried out 118 deployments, compared with 83 in the "
                            "same period of 2024.", D("2025-12-21"))
    assert [(c.metric, c.low, period(c)) for c in claims] == [
        ("deployments", 118, ("2025-01-01", "2025-06-30")), ("deployments", 83, ("2024-01-01", "2024-06-30"))]
    assert extract_claims("Arrests rose by 20 per cent compared with 2023.", D("2025-12-21")) == []


@pytest.mark.parametrize("text, expected", [
    ("Of those, 1,999 were confirmed as matches and 11 were false alerts.", [("true_alerts", 1999), ("false_alerts", 11)]),
    ("Nationally, the false alert rate is around one in 40,000 faces. The Met's own rate is lower still, at about one "
     "in every 130,000 faces.", [("false_alert_rate_per_face", None)]),
])
def test_matches_confirmed_and_the_mets_own_rate(text, expected):
    assert [(c.metric, None if c.metric.startswith("false_alert_rate") else c.low)
            for c in extract_claims(text, D("2025-07-21"))] == expected


def test_of_the_total_points_back_to_the_total():
    text = ("There have so far been 423 arrests over the two main days of Notting Hill Carnival.\n\n"
            "The number of arrests on Monday was 223.\n\nThe number of arrests on Sunday was 200.\n\n"
            "52 of the total arrests were as a result of identifications using Live Facial Recognition.")
    claim = [c for c in extract_claims(text, D("2025-08-25")) if c.low == 52][0]
    assert period(claim) == ("2025-08-24", "2025-08-25")


def test_a_split_after_a_count_inside_a_phrase_takes_its_metric():
    claims = extract_claims("In 2024 there were 20 deployments in Hackney and seven in Islington.", D("2025-07-21"))
    assert [(c.metric, c.low, c.locations) for c in claims] == [
        ("deployments", 20, ("Hackney",)), ("deployments", 7, ("Islington",))]


@pytest.mark.parametrize("text, expected", [
    ("In 2024 deployments in Croydon, Lewisham and Sutton numbered 30, 22 and 14 deployments respectively.",
     [(30, ("Croydon",)), (22, ("Lewisham",)), (14, ("Sutton",))]),
    ("In 2024 the Met made 30 and 40 arrests in Croydon and Sutton respectively.", [(30, ("Croydon",)), (40, ("Sutton",))]),
    # places this reader cannot find: the list is dropped rather than compared with all of London's records
    ("In 2024 the busiest boroughs were Croydon, Lewisham and Sutton, which had 30, 22 and 14 deployments "
     "respectively.", []),
    ("In 2024 there were 5, 6 or 7 deployments a week.", []),
])
def test_respectively_pairs_a_list_of_figures_with_a_list_of_places(text, expected):
    assert [(c.low, c.locations) for c in extract_claims(text, D("2025-07-21"))] == expected
