"""Verdicts through the whole pipeline on invented prose about real deployments (tests/evidence/README.md).

The verdicts sets: each statement is loaded as an answer into a warehouse
holding the three real Met documents, the contradiction step runs, and the
stored verdicts are compared with the expected ones. Floors, not targets:
nothing invented, the deliberate disagreements raised, the agreements found.
(Split from tests/test_claims_real.py so the two run on different workers.)
"""

from __future__ import annotations

import pytest

from benchmarks.claims_real import real_records
from tests.helpers.real_pages import REAL_PDFS, REAL_PAGES
from tests.helpers.statements_eval import load_statements, score_verdicts


def test_prose_about_real_deployment_days_gets_the_verdicts_the_records_give():
    """Invented releases and answers about real deployment days (tests/evidence/README.md, the verdicts set):
    nothing invented, the deliberate disagreements raised, the agreements found."""
    if not all(p.exists() for p in REAL_PDFS.values()):
        pytest.skip(f"real Met PDFs not available ({REAL_PAGES})")
    con = real_records()  # a warehouse of its own: the development set's answers are not in it
    try:
        score = score_verdicts(con, load_statements("verdicts"))
    finally:
        con.close()
    assert score.invented == []
    assert score.raised >= 7, score.missed
    assert score.agree_found >= 0.85 * score.agree_expected


@pytest.mark.parametrize("name, raised, agreements, invented", [
    ("verdicts2", 31, 0.93, 0), ("verdicts3", 51, 0.92, 0), ("verdicts4", 34, 0.88, 1), ("verdicts5", 40, 0.90, 0),
    ("verdicts6", 29, 0.95, 0), ("verdicts7", 24, 0.88, 0), ("verdicts8", 17, 0.88, 0), ("verdicts9", 27, 0.95, 0),
    ("verdicts10", 31, 0.95, 0), ("verdicts11", 38, 0.90, 0), ("verdicts12", 28, 0.93, 0),
    ("verdicts13", 34, 0.90, 0), ("verdicts14", 21, 0.95, 0), ("verdicts15", 24, 0.88, 0),
    ("verdicts16", 30, 0.82, 0), ("verdicts17", 33, 0.92, 0), ("verdicts18", 32, 0.93, 0),
    ("verdicts19", 36, 0.86, 0), ("verdicts20", 31, 0.94, 0), ("verdicts21", 22, 0.86, 0), ("verdicts22", 14, 0.88, 0),
    ("verdicts23", 31, 0.88, 0), ("verdicts24", 24, 0.94, 0), ("verdicts25", 31, 0.93, 0),
    ("verdicts26", 30, 0.87, 0), ("verdicts27", 17, 0.79, 0),
    ("verdicts28", 22, 0.88, 3), ("verdicts29", 24, 0.90, 1), ("verdicts30", 14, 0.93, 0), ("verdicts31", 28, 0.95, 2),
    ("verdicts32", 27, 0.95, 0), ("verdicts33", 6, 0.95, 0), ("verdicts34", 25, 0.93, 0), ("verdicts35", 29, 0.91, 0),
    ("verdicts36", 16, 0.93, 0), ("verdicts37", 25, 0.90, 1), ("verdicts38", 19, 0.95, 0),
    ("verdicts39", 18, 0.93, 1), ("verdicts40", 28, 0.89, 4), ("verdicts41", 28, 0.96, 2), ("verdicts42", 27, 0.96, 3),
    ("verdicts43", 19, 0.88, 3), ("verdicts44", 18, 0.81, 3), ("verdicts45", 21, 0.88, 4), ("verdicts46", 23, 0.97, 0),
    ("verdicts47", 22, 0.90, 0), ("verdicts48", 18, 0.93, 0), ("verdicts49", 36, 0.91, 3), ("verdicts50", 12, 0.98, 0),
    ("verdicts51", 14, 0.82, 0), ("verdicts52", 22, 0.85, 1), ("verdicts53", 18, 0.94, 0), ("verdicts54", 25, 0.85, 4),
    ("verdicts55", 16, 0.90, 5), ("verdicts56", 19, 0.85, 2), ("verdicts57", 16, 0.90, 5), ("verdicts58", 11, 0.80, 3),
    ("verdicts59", 18, 0.92, 1), ("verdicts60", 21, 0.90, 0), ("verdicts61", 16, 0.95, 0), ("verdicts62", 10, 0.90, 0),
    ("verdicts63", 17, 0.88, 0), ("verdicts64", 18, 0.95, 0), ("verdicts65", 26, 0.92, 1), ("verdicts66", 26, 0.92, 0),
    ("verdicts67", 19, 0.88, 0), ("verdicts68", 17, 0.89, 1), ("verdicts69", 18, 0.89, 0)])
def test_answers_and_summaries_about_real_deployments_get_the_verdicts_the_records_give(name, raised, agreements,
                                                                                     invented):
    """The verdicts sets 2 to 69 (tests/evidence/README.md): Mayor's answers with tables by place and by month,
    Parliamentary answers, releases about several deployments, corrections, FOI replies, committee transcripts,
    Assembly reports, newspaper reprints and rates, all about real deployments. Each still-invented contradiction is
    counted here so that none is added unseen, the goal staying none: verdicts 28 three ("over the earlier period, and
    none over the later one"; "Walthamstow Central, where two deployments …, and Stratford, where four deployments …"),
    verdicts 29 one ("Neighbouring Ilford saw 16 alerts … on Thursday 7 November, and 11 alerts … on Thursday 21
    November"), verdicts 31 two ("Westfield had tens of thousands of visitors …" in a quote, a short name the reader
    does not know as a place, then "there"; "October saw 18 deployments, November 18 and December 14", the counts
    read as dates), verdicts 37 one ("used twice, on North End on 27 February and at West Croydon on 5 March, resulting
    in 15 arrests": the arrests read with the last day and place only), verdicts 39 one ("He said the vans went out 180
    times last year": another member's figure told back with a bare "he said", which in a release introduces an
    officer's own words), verdicts 40 four ("… with one van on the Broadway and one at Westfield, and made 12 arrests
    there": the second "one" read as an arrest; "Since then we have deployed four times, three times at Oxford Circus
    and once at Piccadilly Circus, which makes seven …": the four read at Oxford Circus; "seven alerts there and three
    arrests, so six arrests across the two sites that day": the six read at one site; "Nine times since April, and
    this was the first time in Hackney": the count read at the borough of the day before), verdicts 41 two ("Around
    1,450 faces passed the cameras across the two sites" read at one of them; "That compares with 45 arrests over
    January and February" read at the two streets of the sentence before, not the town centre), verdicts 42 three
    ("We also understand that the Brent watchlist contained 15,589 images" read at the Barnet deployment named just
    before; in numbered minutes, "Tooting Broadway had been visited four times since February, …, with 15 arrests
    across those visits" read without the place, and "operator-initiated facial recognition … had led to 6 arrests"
    read as LFR's), verdicts 43 three ("two deployments this year, at Stratford and at Oxford Circus, where the number
    of faces seen was 4,600 and 6,800 respectively": the count read at Stratford, the faces at Oxford Circus; "We came
    back in January 2022 at Oxford Circus, and over the whole of last year we deployed six times": the count read at
    Oxford Circus), verdicts 44 three ("used twice in the borough of Croydon this week: on Brigstock Road …" read at one
    of its places; in a Mayor's answer about Tooting in 2024, "Three of those
    were in March" and "… outside the station on 25 February, when three people were arrested" read for another
    month or place than its writer meant), verdicts 45 four (in Mayor's answers: "on Lewisham High Street on three
    occasions" read at all of Lewisham's rows; "All six deployments took place in February" read for all London, not
    the three boroughs asked about; "Over the same period, LFR was deployed 36 times across London" read for October
    only, after "all of them in October"; "These four town centres accounted for 22 of the 179 deployments" read
    without the four town centres), verdicts 48 one ("Eight of those deployments were on North End, … Over the same
    period the cameras generated 205 alerts": the alerts read at North End, not the town centre asked about),
    verdicts 49 three ("Twenty-two people were arrested … in east London on two days this month": the month's, not
    the two days the next paragraph names; "…, and did not deploy LFR at all in 2021" read with the sentence's
    January 2022 too; "Three of yesterday's arrests in Romford were of people wanted for violent offences" not read
    as a subset), verdicts 52 one ("both times on 6 November: on the High Road, …" read at one of the two sites),
    verdicts 54 four, 55 five, 56 three, 57 five and 58 three, from the ninth session's last sets, named here by their
    sentences and not yet diagnosed one by one (tests/evidence/README.md), verdicts 59 one ("With yesterday's two
    deployments it is 235": a running total's bare number read as a count of deployments), verdicts 65 one ("LFR was
    last used near the stadium in November, when the cameras on Love Lane and on the High Road generated three alerts":
    the High Road not read as a place; a bare "the High Road" would match every High Road in London), verdicts 68 one
    ("In the same month last year, the rate was one in 9,000 faces": read as an exact rate, its writer's as rough):
    verdicts 55 "Officers made nine arrests on Tuesday after LFR cameras deployed at Oxford Circus and …",
    "… made ten arrests between them", "One of the 20 alerts in Croydon was
    a false alert", "Walthamstow Central's 20 alerts were the most …, and seven of those flagged …" (two figures);
    verdicts 56 "… of 222 alerts since December, …", "We went out 16 times in January …" (its arrests), "On 6 May
    last year, the day of the Coronation, the Met carried out three LFR deployments …";
    verdicts 57 "Woolwich, where the cameras flagged 12 people, accounted for the other six", "A separate deployment in
    Lewisham on the same day as yesterday's led to two arrests", "… so far this year, the town centre had seen five
    deployments", "… at Tooting Broadway three times this month, most recently yesterday, leading to ten arrests",
    "Three of the 31 alerts at Tooting Broadway this month were false"; verdicts 58 "We were in Catford and Lewisham on
    Tuesday 26 March, twelve alerts across the two and five …" (its two), "In the first week of this month it was 15
    arrests", "The cameras generated 21 alerts and three people were arrested, all of them on the Broadway";
    verdicts 54 "… its own records show a deployment …" (two figures), "Once at Oxford Circus in January, once in
    Leicester Square in March, and four times in July" (its three),
    "Between the first deployment of 2024, in Westminster on 10 January, and the end of this quarter …" (its 803 arrests), and
    verdicts 4 one that is a judgement, not a
    misreading: "15 in 2024/25 up to the end of January"
    in Croydon town centre, 13 in the records, which its writer sent to review because the records have no row from
    21 December 2024 to 7 January 2025; the warehouse counts the records as covering every day between their first
    and last rows."""
    if not all(p.exists() for p in REAL_PDFS.values()):
        pytest.skip(f"real Met PDFs not available ({REAL_PAGES})")
    con = real_records()
    try:
        score = score_verdicts(con, load_statements(name))
    finally:
        con.close()
    assert len(score.invented) <= invented, score.invented
    assert score.raised >= raised, score.missed
    assert score.agree_found >= agreements * score.agree_expected, score.agree_missed
