"""Claims resolved to concrete deployment rows, and the one stored verdict per claim.

warehouse/claim_scope.py and warehouse/contradictions.py over the real
Met records (../shared/real-pages; skipped cleanly without them), with
claims read from statements written for these tests by the real reader and
loaded by the real loader. The 2020 letter's sentence is SOURCES' own
summary of it; the other statements are our own prose about real record
days (9 April 2024: High St, Sutton and Woolwich; 15 May 2024: Bethnal
Green and O2 Arena; 14 December 2023: two Croydon rows).
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
import typer
from typer.testing import CliRunner

from cli.alerts import findings
from schemas.places import area_named, areas_of, place_parts
from tests.helpers.findings_builders import T0, answer_page, rows
from tests.helpers.real_pages import extract_real_documents, load_real_documents
from warehouse.claim_scope import find_records, place_matches
from warehouse.contradictions import record_contradictions
from warehouse.db import connect

@pytest.fixture(scope="module")
def documents():
    """Each real document read once for the module (extraction takes seconds); loaded afresh per test."""
    return extract_real_documents()


@pytest.fixture()
def con(documents):
    con = connect(":memory:")
    load_real_documents(con, documents, T0)
    yield con
    con.close()


def verdicts(con, text: str, day: date, slug: str = "statement") -> list[dict]:
    """Load `text` as an answer of `day`, run the contradiction step, return each claim's stored verdict."""
    answer_page(con, slug, f"2099/{slug}", [(day, text)], T0)
    record_contradictions(con, at=T0)
    found = rows(con, """
        SELECT c.metric, c.low, v.verdict, v.computed, v.deployment_ids, v.reasons, v.records_text
        FROM claims c JOIN claim_verdicts v USING (claim_id) WHERE c.question_url LIKE ?
        ORDER BY c.sentence_index""", [f"%/{slug}"])
    return [{"metric": m, "low": low, "verdict": v, "computed": comp, "ids": json.loads(ids),
             "reasons": json.loads(reasons), "records": text} for m, low, v, comp, ids, reasons, text in found]


def test_the_2020_letter_agrees_with_the_record(con):
    letter = ("In the first two deployments of 2020, more than 13,000 faces were scanned, eight people caused a system "
              "alert, of whom seven were misidentified, and six were stopped, of whom five were misidentified.")
    found = verdicts(con, letter, date(2020, 3, 30))
    assert [(v["metric"], v["verdict"], v["computed"]) for v in found] == [
        ("faces_seen", "agrees", 13200), ("alerts_total", "agrees", 8), ("false_alerts", "agrees", 7),
        ("engagements", "agrees", 6), ("false_alert_engagements", "agrees", 5)]
    assert all(v["ids"] == ["2020-02-11-stratford-1", "2020-02-27-oxford-circus-1"] for v in found)
    assert rows(con, "SELECT count(*) FROM findings WHERE kind = 'figure_contradicted'")[0][0] == 0


def test_a_day_and_places_resolve_to_exactly_those_rows(con):
    text = ("Later that day officers made 11 arrests at two deployments in Sutton and Woolwich on Tuesday (9 April). "
            "As a result of 17 alerts, 11 people were arrested.")
    arrests, alerts, arrests_again = verdicts(con, text, date(2024, 4, 10))
    assert arrests["verdict"] == "agrees" and arrests["ids"] == ["2024-04-09-high-street-sutton-1",
                                                                 "2024-04-09-woolwich-1"]
    assert alerts["verdict"] == "agrees" and alerts["computed"] == 17
    assert arrests["records"] == "11: High St, Sutton 5 + Woolwich 6, 2023–24 record p.3 rows 67–68"


def test_a_clear_disagreement_over_a_resolved_scope_is_one_alert_with_both_sides(con):
    text = "Ten people were arrested in Croydon yesterday, 14 December, as a result of 22 alerts."
    found = verdicts(con, text, date(2023, 12, 15))
    assert [(v["metric"], v["verdict"], v["computed"]) for v in found] == [
        ("arrests", "contradicts", 8), ("alerts_total", "contradicts", 21)]
    ((summary, evidence),) = rows(con, "SELECT summary, evidence FROM findings WHERE state = 'alert' "
                                       "AND summary LIKE '%arrests%'")
    assert "statement of 15 Dec 2023" in summary and "records 8: Croydon, George St 3 + Croydon, Northend 5" in summary
    assert "2023–24 record p.2 rows 20–21" in summary
    evidence = json.loads(evidence)
    assert evidence["claim"]["scope"]["period"] == {"words": "yesterday, 14 December", "from": "sentence"}
    assert [d["document"]["row"] for d in evidence["deployments"]] == [20, 21]
    record_contradictions(con, at=T0 + timedelta(days=1))  # raised once
    assert rows(con, "SELECT count(*) FROM findings WHERE state = 'alert'")[0][0] == 2


def test_a_borough_resolves_to_the_rows_in_it(con):
    text = ("On Wednesday (15 May) officers made six arrests at deployments in Tower Hamlets and in Greenwich. "
            "Of the six arrests, three were from the Tower Hamlets deployment and three from the Greenwich deployment.")
    found = verdicts(con, text, date(2024, 5, 16))
    assert [(v["low"], v["verdict"], v["ids"]) for v in found] == [
        (6, "agrees", ["2024-05-15-bethnal-green-1", "2024-05-15-o2-arena-1"]),
        (6, "agrees", ["2024-05-15-bethnal-green-1", "2024-05-15-o2-arena-1"]),
        (3, "agrees", ["2024-05-15-bethnal-green-1"]), (3, "agrees", ["2024-05-15-o2-arena-1"])]


@pytest.mark.parametrize("text, day, reason", [
    # arrests in the 2020–22 record count other disposals with them
    ("At Oxford Circus on 27 February 2020, one person was arrested.", date(2020, 3, 30), "other disposals"),
    # a period the records cover only in part
    ("So far this year, 1,200 arrests have been made.", date(2025, 9, 1), "the records cover"),
    # a subset the records do not break down
    ("On 9 April officers made 3 arrests for shoplifting in Sutton.", date(2024, 4, 10), "subset"),
    # a rate whose denominator the statement does not give
    ("In 2024 the false alert rate was 0.0003%.", date(2025, 2, 1), "denominator"),
    # a running total from an unstated start
    ("Well over 800 wanted people have now been arrested using the technology.", date(2024, 11, 1), "running total"),
    # a place the records do not name that day
    ("On 9 April officers made 4 arrests in Brixton.", date(2024, 4, 10), "no deployment at Brixton"),
    # engagements are not published after 2022
    ("On 9 April officers stopped 9 people in Sutton.", date(2024, 4, 10), "do not publish engagements"),
    # the statement names more deployments than the records hold for its scope
    ("Officers deployed at three sites in Sutton on 9 April, making 5 arrests.", date(2024, 4, 10),
     "names 3 deployments"),
])
def test_uncertain_scope_is_for_review_not_an_alert(con, text, day, reason):
    found = verdicts(con, text, day)
    assert found and all(v["verdict"] == "review" for v in found), found
    assert any(reason in r for v in found for r in v["reasons"]), found
    assert rows(con, "SELECT count(*) FROM findings WHERE state = 'alert'")[0][0] == 0


def test_an_agreement_is_a_stored_verdict_and_history_does_not_change_it(con):
    agree = verdicts(con, "On 9 April officers made 11 arrests in Sutton and Woolwich.", date(2024, 4, 10))
    assert [v["verdict"] for v in agree] == ["agrees"]
    view = rows(con, "SELECT verdict, deployments_counted, records_text FROM claims_vs_records")
    assert view == [("agrees", 2, "11: High St, Sutton 5 + Woolwich 6, 2023–24 record p.3 rows 67–68")]
    before = rows(con, "SELECT * FROM claim_verdicts")
    # A finding raised and cleared for this claim in the past changes nothing: the verdict is the data's.
    con.execute("INSERT INTO findings SELECT 'figure_contradicted:' || claim_id || ':old', 'figure_contradicted', "
                "'question:x', 'cleared', 'old', NULL, ?, ? FROM claims", [T0, T0])
    record_contradictions(con, at=T0 + timedelta(days=3))
    assert rows(con, "SELECT * FROM claim_verdicts") == before
    assert rows(con, "SELECT verdict FROM claims_vs_records") == [("agrees",)]


@pytest.mark.parametrize("place, location, matches", [
    ("Kingston", "Clarence St, Kingston", True),
    ("Croydon", "Croydon, Northend", True),
    ("Westfield Stratford City", "Stratford", True),
    ("Tower Hamlets", "Bethnal Green", True),
    ("Greenwich", "O2 Arena", True),
    ("Westminster", "Oxford Circus", True),
    ("Haringey", "Tottenham Ct Rd", False),  # Tottenham Court Road is not Tottenham
    ("Sutton", "Woolwich", False),
    ("Croydon town centre", "Croydon, Northend", True),
    ("Croydon town centre", "Brigstock Rd, Thornton Heath", False),  # in the borough, not the town centre
    ("Croydon", "Brigstock Rd, Thornton Heath", True),
    ("Bromley High Street", "High St, Camden", False),  # "High St" names a kind of street, not a place
    ("Bromley High Street", "High St, Bromley", True),
    ("Stratford Broadway", "Westfield, Stratford", False),  # another site in the same town
    ("Stratford Broadway", "Stratford B’way", True),
    ("Westfield", "Westfield, Stratford", True),
    ("Barking and Dagenham", "Heathway, Dagenham", True),  # a borough named by its towns takes either
    # a street with its town, as the reader gives "Croydon, George St" and "Powis Street, Woolwich"
    ("George St, Croydon", "Croydon, George St", True),
    ("George St, Croydon", "Croydon, Northend", False),
    ("Powis Street, Woolwich", "Powis St,", True),  # the row prints the street alone: the town's borough holds it
    ("Powis Street, Woolwich", "Powis St, Croydon", False),
])
def test_place_matching(con, place, location, matches):
    row = replace(find_records(con).rows[0], location=location, parts=tuple(place_parts(location)))
    assert place_matches(place, row) is matches


def test_every_location_in_the_records_has_a_borough(con):
    assert [r.location for r in find_records(con).rows if not areas_of(r.location)] == []
    assert area_named("Tower Hamlets") == "Tower Hamlets" and area_named("Oxford Circus") is None


def test_findings_name_the_resolved_deployments(con, tmp_path):
    verdicts(con, "Ten people were arrested in Croydon yesterday, 14 December, as a result of 22 alerts.",
             date(2023, 12, 15))
    db = tmp_path / "lfr.duckdb"
    con.execute(f"ATTACH '{db}' AS copy")
    con.execute("COPY FROM DATABASE memory TO copy")
    con.execute("DETACH copy")
    app = typer.Typer()
    app.command("findings")(findings)
    app.command("other")(lambda: None)
    done = CliRunner().invoke(app, ["findings", "--db", str(db)])
    assert done.exit_code == 0, done.output
    assert ("records 8: Croydon, George St 3 + Croydon, Northend 5, 2023–24 record p.2 rows 20–21" in done.stdout)
    assert "deployments: 2023-12-14-croydon-george-street-1, 2023-12-14-croydon-north-end-1" in done.stdout


def test_a_figure_far_from_the_records_for_a_borrowed_scope_is_for_review(con):
    # The second figure names no day of its own; 540 arrests on one day of two deployments is more likely
    # a total for something else than a contradiction of the day's 11.
    text = "On 9 April officers made 11 arrests in Sutton and Woolwich. The Met made 540 arrests."
    eleven, total = verdicts(con, text, date(2024, 4, 10))
    assert eleven["verdict"] == "agrees"
    assert total["verdict"] == "review" and "may be about something else" in total["reasons"][0]


def test_a_far_figure_beside_one_the_records_confirm_for_the_same_borrowed_scope_contradicts(con):
    """26 June 2024 at Peckham: 9 alerts, 2 arrests. The nine alerts agree, so the five arrests of the same sentence
    are about that deployment too, and contradict it. Our own prose about a real day."""
    text = ("Officers used live facial recognition in Peckham and Haringey on Wednesday (26 June). "
            "In Peckham, nine alerts resulted in five arrests.")
    alerts, arrests = verdicts(con, text, date(2024, 6, 27), slug="peckham")
    assert (alerts["metric"], alerts["verdict"]) == ("alerts_total", "agrees")
    assert (arrests["metric"], arrests["verdict"], arrests["computed"]) == ("arrests", "contradicts", 2)


def test_a_place_printed_in_the_records_is_that_place_not_its_borough(con):
    """26 March 2024 has rows printed "Catford" and "Lewisham" (Catford is in the borough of Lewisham): "one from
    the Lewisham deployment" is the Lewisham row. Our own prose about a real day."""
    text = ("Officers used live facial recognition in Catford and in Lewisham on Tuesday (26 March). Five people were "
            "arrested: four were from the Catford deployment and one from the Lewisham deployment.")
    found = verdicts(con, text, date(2024, 3, 29))
    assert [(v["metric"], v["low"], v["verdict"], v["computed"]) for v in found] == [
        ("arrests", 5, "agrees", 5), ("arrests", 4, "agrees", 4), ("arrests", 1, "agrees", 1)]


def test_the_first_deployments_without_a_count_go_to_review(con):
    """"first … deployments of 2025" says first but not how many: no rows are picked, nothing contradicted."""
    (found,) = verdicts(con, "Twelve arrests from the first deployments of 2025.", date(2025, 1, 13))
    assert found["verdict"] == "review"
    assert any("does not say how many" in r for r in found["reasons"])



def test_the_first_deployments_among_several_places_are_the_first_by_date():
    """ "The first four deployments of this year, in East Ham, Newham, Woolwich and Camberwell": rows matched place by
    place are put in date order before the first four are taken (Stratford, in Newham, came a week later)."""
    from warehouse.claim_scope import Records, Row, resolve

    places = [("2025-01-08", "East Ham High Street North"), ("2025-01-08", "Green Street, Newham"),
              ("2025-01-10", "Powis Street, Woolwich"), ("2025-01-10", "Camberwell Green"),
              ("2025-01-16", "Stratford Broadway, Newham")]
    rows = [Row(f"r{i}", date.fromisoformat(day), where, "completed", {"arrests": 1}, {"arrests": 1}, False, "u", "s",
                "2025 record", 1, i, tuple(place_parts(where))) for i, (day, where) in enumerate(places)]
    claim = {"period_start": date(2025, 1, 1), "period_end": date(2025, 1, 23), "answer_date": date(2025, 2, 1),
             "cumulative": False, "locations": ["East Ham", "Newham", "Woolwich", "Camberwell"], "metric": "arrests",
             "selection_count": 4, "selection_ordinal": "first", "selection_words": "The first four deployments"}
    got = resolve(claim, Records(rows, (date(2020, 1, 1), date(2025, 5, 10))))
    assert [r.location for r in got.rows] == [where for _, where in places[:4]]


def test_the_first_n_deployments_cut_inside_one_day_are_every_way_of_cutting_it(con):
    """The records print 1 February 2024's two rows (Westminster 0 arrests, Church St 3) in no time order, and the
    tenth and eleventh of the year fall on it: 31 or 34 arrests. A claim one way agrees with is for review; one
    no way agrees with still contradicts."""
    text = "Our first ten deployments of 2024 were all in Croydon and Westminster, and between them they led to {}."
    (found,) = verdicts(con, text.format("34 arrests"), date(2025, 4, 29), "first-ten-34")
    assert (found["verdict"], found["computed"]) == ("review", 31)
    assert "2 ways to take" in found["reasons"][0]
    (found,) = verdicts(con, text.format("more than 40 arrests"), date(2025, 4, 29), "first-ten-40")
    assert (found["verdict"], found["computed"]) == ("contradicts", 31)


def test_a_days_sites_in_one_town_counted_as_one_deployment_go_to_review(con):
    # 14 December 2023: two Croydon rows (George Street and North End); a speaker may call that day one deployment
    once = verdicts(con, "On Thursday 14 December officers deployed live facial recognition once in Croydon town centre.",
                    date(2023, 12, 15), "once")
    assert [(v["metric"], v["low"], v["verdict"], v["computed"]) for v in once] == [("deployments", 1, "review", 2)]
    assert "each day's sites in one borough are one deployment (1)" in once[0]["reasons"][0]
    # a count that neither reading gives is still a contradiction
    thrice = verdicts(con, "On Thursday 14 December officers deployed live facial recognition three times in Croydon "
                           "town centre.", date(2023, 12, 15), "thrice")
    assert [(v["verdict"], v["computed"]) for v in thrice] == [("contradicts", 2)]


def test_a_borough_one_row_also_prints_is_the_borough_when_that_gives_the_count_named(con):
    # 15 April 2025 Stratford Broadway (4 arrests) and 17 April 2025 "Green St, Newham" (5): both in Newham
    found = verdicts(con, "That's 9 arrests from the two Newham deployments this week.", date(2025, 4, 18), "newham")
    assert [(v["metric"], v["verdict"], v["computed"]) for v in found] == [("arrests", "agrees", 9)]
