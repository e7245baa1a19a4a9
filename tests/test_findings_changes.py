"""Change findings over a real DuckDB with the real migrations and loaders (warehouse/rules/)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.helpers.findings_builders import FULL_YEAR, T0, TO_DATE, answer_page, dep, publish, rows
from warehouse.rules import record_change_findings
from warehouse.db import connect

DAY = timedelta(days=1)


@pytest.fixture()
def con():
    con = connect(":memory:")
    yield con
    con.close()


def changes(con, at, stale_after_days=60):
    return record_change_findings(con, at=at, stale_after_days=stale_after_days)


def found(con, state="alert"):
    return rows(con, "SELECT kind, subject FROM findings WHERE state = ? ORDER BY kind, subject", [state])


def evidence(con, kind):
    import json

    return [json.loads(e) for (e,) in rows(con, "SELECT evidence FROM findings WHERE kind = ? ORDER BY finding_key", [kind])]


V1 = [dep("2025-01-08", "Croydon"), dep("2025-01-15", "Oxford Circus", alerts_total=8, true_alerts=1, false_alerts=7),
      dep("2025-01-22", "Stratford")]


def test_a_new_document_is_one_alert_and_its_deployments_are_noted(con):
    publish(con, TO_DATE, V1, T0)

    assert changes(con, T0) == 4
    assert found(con) == [("document_new", f"document:{TO_DATE}")]
    assert [s for _, s in found(con, "noted")] == [f"deployment:{d.deployment_id}" for d in V1]
    (doc,) = evidence(con, "document_new")
    assert (doc["deployment_rows"], doc["new_deployments"], doc["first_date"], doc["last_date"]) == (
        3, 3, "2025-01-08", "2025-01-22")
    assert changes(con, T0 + DAY) == 0


def test_republished_to_date_file_added_revised_withdrawn_each_once(con):
    publish(con, TO_DATE, V1, T0)
    changes(con, T0)
    v2 = [dep("2025-01-08", "Croydon"), dep("2025-01-15", "Oxford Circus", alerts_total=9, true_alerts=2, false_alerts=7),
          dep("2025-01-29", "Walthamstow")]
    old_sha = rows(con, "SELECT last_sha256 FROM source_urls")[0][0]
    new_sha = publish(con, TO_DATE, v2, T0 + 7 * DAY)

    assert changes(con, T0 + 7 * DAY) == 4
    assert found(con) == [
        ("deployment_new", "deployment:2025-01-29-walthamstow-1"),
        ("deployment_withdrawn", "deployment:2025-01-22-stratford-1"),
        ("document_new", f"document:{TO_DATE}"),
        ("figure_revised", "deployment:2025-01-15-oxford-circus-1"),
        ("figure_revised", "deployment:2025-01-15-oxford-circus-1"),
    ]
    revised = {e["field"]: e for e in evidence(con, "figure_revised")}
    assert {f: (e["old"], e["new"]) for f, e in revised.items()} == {"alerts_total": (8, 9), "true_alerts": (1, 2)}
    both = revised["alerts_total"]
    assert (both["old_document"]["sha256"], both["old_document"]["page"], both["old_document"]["row"]) == (old_sha, 1, 2)
    assert (both["new_document"]["sha256"], both["new_document"]["row"]) == (new_sha, 2)
    (gone,) = evidence(con, "deployment_withdrawn")
    assert (gone["old_document"]["sha256"], gone["old_document"]["row"], gone["new_document"]["sha256"]) == (
        old_sha, 3, new_sha)
    assert gone["still_published_in"] == []
    # Again, and as a backfill would: nothing is raised twice.
    assert changes(con, T0 + 8 * DAY) == 0


def test_withdrawn_but_still_published_elsewhere_is_noted_not_alerted(con):
    publish(con, TO_DATE, V1, T0)
    publish(con, FULL_YEAR, V1, T0 + DAY)
    changes(con, T0 + DAY)
    publish(con, TO_DATE, V1[:2], T0 + 2 * DAY)

    changes(con, T0 + 2 * DAY)

    assert ("deployment_withdrawn", "deployment:2025-01-22-stratford-1") in found(con, "noted")
    assert "deployment_withdrawn" not in {k for k, _ in found(con)}
    assert evidence(con, "deployment_withdrawn")[0]["still_published_in"] == [FULL_YEAR]


def test_a_url_serving_a_different_record_is_one_alert_not_one_per_deployment(con):
    publish(con, TO_DATE, V1, T0)
    changes(con, T0)
    next_year = [dep("2026-01-07", "Ilford"), dep("2026-01-14", "Romford"), dep("2026-01-21", "Barking")]
    publish(con, TO_DATE, next_year, T0 + 30 * DAY)

    changes(con, T0 + 30 * DAY)

    assert found(con) == [("document_new", f"document:{TO_DATE}"), ("document_replaced", f"document:{TO_DATE}")]
    noted = {k for k, _ in found(con, "noted")}
    assert noted == {"deployment_new", "deployment_withdrawn"}


def test_figures_flipping_back_are_one_revision_not_two(con):
    a = [dep("2025-01-15", "Oxford Circus", faces_seen=8600)]
    b = [dep("2025-01-15", "Oxford Circus", faces_seen=8700)]
    publish(con, TO_DATE, a, T0)
    publish(con, FULL_YEAR, b, T0 + DAY)
    publish(con, TO_DATE, a + [dep("2025-02-01", "Ilford")], T0 + 2 * DAY)

    changes(con, T0 + 2 * DAY)

    assert [(e["field"], e["old"], e["new"]) for e in evidence(con, "figure_revised")] == [("faces_seen", 8600, 8700)]


def test_a_deployment_first_seen_in_a_new_full_year_file_is_covered_by_the_document_alert(con):
    publish(con, TO_DATE, V1, T0)
    publish(con, FULL_YEAR, V1 + [dep("2025-02-05", "Ilford")], T0 + DAY)

    changes(con, T0 + DAY)

    assert sorted(found(con)) == sorted([("document_new", f"document:{FULL_YEAR}"), ("document_new", f"document:{TO_DATE}")])
    new_counts = {e["document"]["url"]: e["new_deployments"] for e in evidence(con, "document_new")}
    assert new_counts == {TO_DATE: 3, FULL_YEAR: 1}


def test_answers_new_corrected_and_changed(con):
    today = T0.date()
    answer_page(con, "lfr-deployments", "2025/0101", [(today - 2 * DAY, "Holding: officers are drafting a response.")],
                T0, holding=(1,))
    answer_page(con, "lfr-costs", "2025/0102", [(today - 3 * DAY, "The MPS used LFR on 12 occasions.")], T0)
    answer_page(con, "lfr-history", "2019/14214", [(date(2019, 10, 1), "The first answer."),
                                                   (date(2019, 11, 5), "A later answer correcting the first.")], T0)
    changes(con, T0)
    assert found(con) == [("answer_new", "question:2025/0102")]
    assert found(con, "noted") == [("answer_corrected", "question:2019/14214"), ("answer_new", "question:2019/14214")]

    later = T0 + 7 * DAY
    answer_page(con, "lfr-deployments", "2025/0101",
                [(today - 2 * DAY, "Holding: officers are drafting a response."), (today + 5 * DAY, "There were 4 deployments.")],
                later, holding=(1,))
    answer_page(con, "lfr-costs", "2025/0102", [(today - 3 * DAY, "The MPS used LFR on 13 occasions.")], later)
    answer_page(con, "lfr-history", "2019/14214", [(date(2019, 10, 1), "The first answer."),
                                                   (date(2019, 11, 5), "A later answer correcting the first."),
                                                   (today + 6 * DAY, "A third answer, correcting again.")], later)
    changes(con, later)

    assert found(con) == [("answer_corrected", "question:2019/14214"), ("answer_corrected", "question:2025/0102"),
                          ("answer_new", "question:2025/0101"), ("answer_new", "question:2025/0102")]
    corrected = {e["reference"]: e for e in evidence(con, "answer_corrected") if e["how"] != "later_answer"
                 or e["new"]["position"] == 3}
    assert corrected["2025/0102"]["how"] == "text_changed"
    assert "12 occasions" in corrected["2025/0102"]["old"]["excerpt"]
    assert "13 occasions" in corrected["2025/0102"]["new"]["excerpt"]
    assert corrected["2019/14214"]["old"]["position"] == 2 and corrected["2019/14214"]["new"]["position"] == 3
    assert changes(con, later + DAY) == 0


def test_source_stale_once_then_cleared_when_it_changes(con):
    publish(con, TO_DATE, V1, T0)
    changes(con, T0)
    quiet = T0 + 61 * DAY
    publish(con, TO_DATE, V1, quiet)  # fetched, same bytes: answering but unchanged

    assert changes(con, quiet, stale_after_days=60) == 1
    assert ("source_stale", "source:met") in found(con)
    assert changes(con, quiet + DAY, stale_after_days=60) == 0

    publish(con, TO_DATE, V1 + [dep("2025-03-01", "Ilford")], quiet + 2 * DAY)
    changes(con, quiet + 2 * DAY, stale_after_days=60)
    assert rows(con, "SELECT state FROM findings WHERE kind = 'source_stale'") == [("cleared",)]
