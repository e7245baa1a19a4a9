"""Parliamentary words read in context: written answers with their who-and-when lines, Lords questions that name
their asker, debates where members tell back each other's figures, and questions that state a figure.

The passages are written for these tests (none is quoted from a real answer).
"""

from __future__ import annotations

from scrapers.claims import extract_claims
from tests.helpers.passages import D, got


def _scoped(text: str, statement: str, question: str) -> list[tuple]:
    return [(c.metric, c.low, c.period_start.isoformat() if c.period_start else None,
             c.period_end.isoformat() if c.period_end else None) for c in
            extract_claims(text, D(statement), question=question)]


def test_a_written_answers_who_and_when_line_sets_no_period():
    question = ("To ask the Secretary of State for the Home Department, how many arrests followed live facial "
                "recognition alerts in London between 1 July and 30 September 2025.")
    text = ("Answered by Jo Brand-Evans on 14 October 2025\n\n"
            "The MPS has advised that 180 arrests were made in that period. Those arrests followed 390 alerts.")
    assert _scoped(text, "2025-10-14", question) == [("arrests", 180, "2025-07-01", "2025-09-30"),
                                                    ("alerts_total", 390, "2025-07-01", "2025-09-30")]


def test_a_lords_question_that_names_its_asker_scopes_the_table_below():
    question = ("Lord Example: To ask His Majesty's Government how many live facial recognition deployments each "
                "police force carried out in 2024.")
    text = ("Lord Minister: The following figures are from the forces' published records:\n\n"
            "| Force | Deployments |\n| Metropolitan Police Service | 180 |\n| Essex Police | 12 |")
    assert _scoped(text, "2025-03-01", question) == [("deployments", 180, "2024-01-01", "2024-12-31")]


def test_a_list_of_counts_each_with_its_financial_year():
    text = ("The MPS has advised that its system generated three false alerts in 2022-23 (use resumed in July 2022), "
            "ten in 2023-24 and 20 in 2024-25.")
    assert [c[1:4] for c in got(text, "2025-06-01")] == [(3, "2022-04-01", "2023-03-31"), (10, "2023-04-01", "2024-03-31"),
                                                         (20, "2024-04-01", "2025-03-31")]


def test_a_month_alone_and_a_part_of_a_count_on_a_day_of_its_own():
    text = ("Of those deployments, 60 took place between January and April; March alone saw 21 deployments, the "
            "busiest month so far.")
    assert got(text, "2025-06-20")[-1] == ("deployments", 21, "2025-03-01", "2025-03-31", ())
    text = "In July alone there were 14 deployments, three of them on a single day, 18 July, in Camden."
    assert got(text, "2025-09-01") == [("deployments", 14, "2025-07-01", "2025-07-31", ()),
                                       ("deployments", 3, "2025-07-18", "2025-07-18", ("Camden",))]


def test_ways_a_member_says_the_vans_went_out():
    assert got("In 2024 the Met took its vans out on 180 occasions.", "2025-03-01") == [
        ("deployments", 180, "2024-01-01", "2024-12-31", ())]
    assert got("The Met's vans were in Ilford town centre five times last year.", "2025-03-01") == [
        ("deployments", 5, "2024-01-01", "2024-12-31", ("Ilford town centre",))]
    assert got("Wembley has now seen the vans eight times since the start of last year.", "2025-03-01") == [
        ("deployments", 8, "2024-01-01", "2025-03-01", ("Wembley",))]
    # residents' sightings are not the Met's figures
    assert got("My constituents tell me they have seen LFR vans in Catford four times this spring.", "2025-05-01") == []


def test_a_figure_told_back_is_the_other_speakers_not_a_new_claim():
    assert got("The Minister mentions 57 deployments. How many of them were in Brent?", "2024-05-21") == []
    assert got("The hon. Member for Somewhere said the vans went out 180 times last year.", "2025-03-04") == []
    # … while a speaker's own words quoted after a colon are theirs
    assert got('The Minister said: "The Met made 40 arrests last week."', "2025-03-04")[0][:2] == ("arrests", 40)


def test_a_question_that_asks_to_confirm_a_figure_states_it():
    text = ("Will the Home Secretary confirm that the Met's own records show 50 deployments in 2024, and that those "
            "cameras scanned more than 800,000 faces?")
    assert [c[:2] for c in got(text, "2025-04-07")] == [("deployments", 50), ("faces_seen", 800001)]
    assert got("How many deployments were there in 2024, and were 50 of them in Croydon?", "2025-04-07") == []


def test_numbers_a_speaker_only_wonders_about_or_an_earlier_answer_gave():
    assert got("I do not know whether that is one in 40,000 faces or one in 40,000 something else.", "2024-12-10") == []
    text = ("The answer stated that the Metropolitan Police had carried out 15 live facial recognition deployments in "
            "February 2025, generating 158 alerts. The correct figures are 16 deployments and 185 alerts.")
    assert [c[:2] for c in got(text, "2025-04-03")] == [("deployments", 16), ("alerts_total", 185)]
    assert got("Everyone will have seen the Met's announcement that it has now made more than 1,000 arrests.",
               "2025-06-11")[0][:2] == ("arrests", 1001)


def test_interview_turns_a_bare_count_answers_the_question_just_asked():
    text = ("PRESENTER: How many arrests were there in January?\n\nCOMMANDER: Twenty-two.\n\n"
            "PRESENTER: And how often were the vans out in February?\n\nCOMMANDER: About 30.")
    assert got(text, "2025-03-10") == [("arrests", 22, "2025-01-01", "2025-01-31", ()),
                                       ("deployments", 28, "2025-02-01", "2025-02-28", ())]


def test_weekdays_of_a_week_named_and_a_place_labelled_after_a_speakers_name():
    text = ("PRESENTER: The week beginning 3 March - how many times were the vans out?\n\n"
            "OFFICER: That week we were out three times: Ilford on the Tuesday, Romford and Barking on the Thursday.\n\n"
            "PRESENTER: Which was the busiest?\n\n"
            "OFFICER: Ilford, on the Tuesday: 12 alerts and five arrests. In Barking on the Thursday it was two arrests.")
    claims = got(text, "2025-03-20")
    assert claims[0] == ("deployments", 3, "2025-03-04", "2025-03-06", ())  # (the days named, within the week)
    assert claims[1:] == [("alerts_total", 12, "2025-03-04", "2025-03-04", ("Ilford",)),
                          ("arrests", 5, "2025-03-04", "2025-03-04", ("Ilford",)),
                          ("arrests", 2, "2025-03-06", "2025-03-06", ("Barking",))]


def test_the_month_before_and_none_said_with_a_verb():
    text = "OFFICER: Last month we were out 20 times. The month before, 17."
    assert [c[1:4] for c in got(text, "2024-11-06")] == [(20, "2024-10-01", "2024-10-31"), (17, "2024-09-01", "2024-09-30")]
    assert got("In May we made 30 arrests; the month before, it was 25.", "2025-06-10")[-1][1:4] == (
        25, "2025-04-01", "2025-04-30")
    assert got("At Ilford on 4 March the system did not generate a single alert.", "2025-03-10") == [
        ("alerts_total", 0, "2025-03-04", "2025-03-04", ("Ilford",))]
    text = ("We completed two deployments in March: Ilford on the 4th and Romford on the 19th. At Romford the system "
            "generated 6 alerts.")
    assert got(text, "2025-04-01")[-1] == ("alerts_total", 6, "2025-03-19", "2025-03-19", ("Romford",))


def test_since_then_is_since_the_last_time_named_and_days_before_a_dated_day():
    text = ("OFFICER: We came back in January with one deployment, then another in March, and we resumed properly in "
            "June. Since then we have deployed nine times.")
    assert got(text, "2025-10-01")[-1][:4] == ("deployments", 9, "2025-06-01", "2025-10-01")
    text = "OFFICER: We went into Ilford town centre on the 3rd and the 10th of December, so four deployments in all."
    assert got(text, "2025-01-10") == [("deployments", 4, "2024-12-03", "2024-12-10", ("Ilford town centre",))]


def test_an_interviewers_own_figures_and_a_correction_within_the_sentence():
    text = ("OFFICER: About 9,000 faces passed the cameras.\n\n"
            "PRESENTER: The last time, in February 2020, it got seven out of eight wrong.\n\n"
            "OFFICER: The algorithm has been improved.")
    assert [c[:2] for c in got(text, "2022-01-31")] == [("faces_seen", 8550)]
    text = "Q: How often are you using it?\nA: Around 120 deployments so far this year."
    assert [c[:2] for c in got(text, "2025-07-02")] == [("deployments", 114)]
    text = ("OFFICER: The January figures are as follows:\n\nDeployments: 16\n\nAlerts: 168\n\n"
            "I should correct something I told the Board: I said we had deployed 17 times in November; the correct "
            "figure is 18.")
    assert got(text, "2025-02-12") == [("deployments", 16, "2025-01-01", "2025-01-31", ()),
                                       ("alerts_total", 168, "2025-01-01", "2025-01-31", ()),
                                       ("deployments", 18, "2024-11-01", "2024-11-30", ())]


def test_a_yes_or_no_question_asks_for_a_count_too():
    text = ("OFFICER: We were in Ilford on Monday and in Romford on the Wednesday.\n\n"
            "PRESENTER: And were there any false alerts?\n\nOFFICER: One, in Romford on the Wednesday.")
    assert got(text, "2025-03-14")[-1] == ("false_alerts", 1, "2025-03-12", "2025-03-12", ("Romford",))
