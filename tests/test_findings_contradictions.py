"""Claims in answers against the deployment records (warehouse/contradictions.py).

The 2020 letter (docs/sources.md §1.3) against the real 2020–2022 record; the
claims come from the real extractor (scrapers.claims) reading sentences
written for these tests, and are loaded by the real question loader.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from schemas.records import MetDocument
from scrapers.met.records import extract_document
from tests.helpers.findings_builders import T0, TO_DATE, answer_page, dep, publish, rows
from tests.helpers.real_pages import real_pdf
from warehouse import fetch_state, met_load
from warehouse.contradictions import record_contradictions
from warehouse.db import connect

RECORD_2020 = "https://www.met.police.uk/SysSiteAssets/media/downloads/force-content/met/advice/lfr/new/lfr-deployment-grid-2020-2022.pdf"
LETTER_DAY = date(2020, 3, 30)
FIRST_TWO = "Between 1 January and 27 February 2020, {faces} faces were scanned, eight people caused a system alert and seven of them were misidentified."


@pytest.fixture(scope="module")
def record_2020() -> tuple[bytes, MetDocument]:
    content = real_pdf("2020-2022")
    return content, extract_document(content, RECORD_2020)


@pytest.fixture()
def con(record_2020):
    content, document = record_2020
    con = connect(":memory:")
    fetch_state.archive_raw(con, url=RECORD_2020, source="met", content=content, fetched_at=T0, http_status=200, etag=None,
                     last_modified=None, content_type="application/pdf")
    met_load.load_met_document(con, document, T0)
    fetch_state.record_fetch(con, url=RECORD_2020, source="met", role="document", at=T0, status=200, sha256=document.sha256)
    yield con
    con.close()


def say(con, text: str, day: date = LETTER_DAY, slug: str = "police-use-live-facial-recognition-6") -> list[dict]:
    """Answer 2020/1034 with `text`, evaluate every claim, return the findings (state, evidence)."""
    answer_page(con, slug, "2020/1034", [(day, text)], T0)
    record_contradictions(con, at=T0)
    return [{"state": s, **json.loads(e)} for s, e in rows(
        con, "SELECT state, evidence FROM findings WHERE kind = 'figure_contradicted' AND state <> 'cleared' "
             "ORDER BY finding_key")]


def test_the_2020_letter_agrees_with_the_record(con):
    assert say(con, FIRST_TWO.format(faces="more than 13,000")) == []
    assert rows(con, "SELECT count(*) FROM claims")[0][0] == 3


def test_twelve_thousand_faces_is_one_contradiction_with_provenance(con):
    (finding,) = say(con, FIRST_TWO.format(faces="twelve thousand"))

    assert finding["state"] == "alert"
    assert (finding["metric"], finding["computed"], finding["claim"]["low"], finding["claim"]["high"]) == (
        "faces_seen", 13200, 12000, 12000)
    # The aborted 21/02/20 deployment is not counted; each side carries its provenance.
    assert finding["deployment_ids"] == ["2020-02-11-stratford-1", "2020-02-27-oxford-circus-1"]
    sha = rows(con, "SELECT sha256 FROM raw_documents")[0][0]
    assert [d["document"]["sha256"] for d in finding["deployments"]] == [sha, sha]
    assert all(d["document"]["page"] >= 1 and d["document"]["row"] >= 1 for d in finding["deployments"])
    assert finding["claim"]["sentence"].startswith("Between 1 January")
    assert finding["claim"]["question_url"].endswith("police-use-live-facial-recognition-6")
    assert finding["claim"]["answer_date"] == "2020-03-30"
    summary = rows(con, "SELECT summary FROM findings WHERE kind = 'figure_contradicted'")[0][0]
    assert "2020/1034" in summary and "13,200" in summary and "12,000" in summary


def test_the_period_stops_at_the_answer_date(con):
    # "this year" answered on 20 February 2020: only Stratford (4,600 faces) had happened.
    (early,) = say(con, "This year more than 13,000 faces were scanned.", day=date(2020, 2, 20), slug="early")
    assert early["state"] == "alert" and early["computed"] == 4600
    assert early["claim"]["period_end"] == "2020-02-20"


def test_deployments_count_completed_ones_only(con):
    assert say(con, "In 2020 there were 2 deployments.") == []
    # Three is right only if the aborted 21/02/20 deployment counts: a person decides, no alert.
    (three,) = say(con, "In 2020 there were 3 deployments.", slug="three")
    assert three["state"] == "review" and three["computed"] == 2
    assert any("aborted" in r for r in three["reasons"])
    (four,) = [f for f in say(con, "In 2020 there were 4 deployments.", slug="four") if "4" in f["claim"]["sentence"]]
    assert four["state"] == "alert" and four["computed"] == 2


def test_rates_are_compared_only_with_their_own_definition(con):
    # 7 ÷ 13,200 faces = 0.05% at the claim's precision; 7 ÷ 8 alerts = 87.5%. Crossed, both would "contradict".
    assert say(con, "This year the false alert rate was 0.05% of faces scanned and 87.5% of alerts were false.") == []
    (wrong,) = say(con, "This year 50% of alerts were false.", slug="half")
    assert (wrong["state"], wrong["metric"], wrong["computed"]) == ("alert", "false_alert_rate_per_alert", 0.875)
    assert wrong["definition"] == "false alerts ÷ all alerts"


@pytest.mark.parametrize("text, reason", [
    ("The false alert rate was 0.08% this year.", "denominator"),
    ("In these deployments more than 13,000 faces were scanned.", "period"),
    ("At Trafalgar Square on 27 February 2020, 8,600 faces were scanned.", "Trafalgar Square"),
    ("In 2019, 50,000 faces were scanned.", "the records cover"),
])
def test_a_scope_that_cannot_be_matched_is_for_review_not_an_alert(con, text, reason):
    (finding,) = say(con, text)
    assert finding["state"] == "review"
    assert any(reason in r for r in finding["reasons"]), finding["reasons"]
    assert rows(con, "SELECT count(*) FROM findings WHERE state = 'alert'")[0][0] == 0


def test_a_located_claim_counts_that_place_only(con):
    assert say(con, "At Oxford Circus on 27 February 2020, 8,600 faces were scanned.") == []


def test_records_that_change_clear_the_old_finding_and_raise_once(con):
    say(con, FIRST_TWO.format(faces="twelve thousand"))
    record_contradictions(con, at=T0 + timedelta(days=1))
    assert rows(con, "SELECT count(*) FROM findings WHERE kind = 'figure_contradicted'")[0][0] == 1

    # The records are re-published with Stratford revised to 3,400 faces: 12,000 now agrees.
    publish(con, TO_DATE, [dep("2020-02-11", "Stratford", faces_seen=3400, alerts_total=0, true_alerts=0,
                               false_alerts=0)], T0 + timedelta(days=2))
    record_contradictions(con, at=T0 + timedelta(days=2))
    assert rows(con, "SELECT state FROM findings WHERE kind = 'figure_contradicted'") == [("cleared",)]
