"""Stable deployment ids across document versions (warehouse/identity.py), through the real loader.

Three rows share a day and a place (as four Westminster rows shared
22/08/24 in the 2023–24 record). A new row printed ahead of them, a row
deleted, and the rows reordered must each leave every existing row under
its own id: no false revision, no new row filed under an old id.
Places and figures are invented.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

import pytest

from tests.helpers.findings_builders import T0, TO_DATE, dep, publish, rows
from warehouse.rules import record_change_findings
from warehouse.db import connect

DAY = timedelta(days=1)


def same_place(*faces: int, revised: dict | None = None):
    """Rows of one day and one place, ordinals by print order as the extractor gives them."""
    out = []
    for i, n in enumerate(faces, 1):
        d = dep("2025-03-04", "Sample Square", faces_seen=n, alerts_total=n // 500, true_alerts=n // 500,
                false_alerts=0, arrests=n // 1000)
        out.append(replace(d, deployment_id=f"2025-03-04-sample-square-{i}"))
    return out


@pytest.fixture()
def con():
    con = connect(":memory:")
    publish(con, TO_DATE, same_place(1000, 2000), T0)
    record_change_findings(con, at=T0, stale_after_days=60)
    yield con
    con.close()


def by_faces(con) -> dict[int, str]:
    return {faces: i for i, faces in rows(con, "SELECT deployment_id, faces_seen FROM deployments")}


def new_findings(con, at) -> list[tuple[str, str]]:
    record_change_findings(con, at=at, stale_after_days=60)
    return rows(con, "SELECT kind, subject FROM findings WHERE raised_at = ? ORDER BY kind, subject", [at])


def test_a_row_inserted_ahead_keeps_the_others_ids(con):
    before = by_faces(con)
    publish(con, TO_DATE, same_place(500, 1000, 2000), T0 + DAY)  # the new row takes ordinal 1 in print
    after = by_faces(con)
    assert after[1000] == before[1000] and after[2000] == before[2000]
    assert after[500] not in before.values()
    raised = new_findings(con, T0 + DAY)
    assert ("figure_revised", f"deployment:{before[1000]}") not in raised
    assert not [k for k, _ in raised if k == "figure_revised"]
    assert ("deployment_new", f"deployment:{after[500]}") in raised


def test_a_deleted_row_is_withdrawn_and_the_other_keeps_its_id(con):
    before = by_faces(con)
    publish(con, TO_DATE, same_place(2000), T0 + DAY)  # the first row is gone: 2000 is now ordinal 1 in print
    assert by_faces(con)[2000] == before[2000]
    raised = new_findings(con, T0 + DAY)
    assert not [k for k, _ in raised if k == "figure_revised"]
    assert ("deployment_withdrawn", f"deployment:{before[1000]}") in raised


def test_reordered_rows_keep_their_ids(con):
    before = by_faces(con)
    publish(con, TO_DATE, same_place(2000, 1000), T0 + DAY)
    assert by_faces(con) == before
    assert not [k for k, _ in new_findings(con, T0 + DAY) if k == "figure_revised"]


def test_a_revised_row_among_its_neighbours_is_one_revision_of_the_right_row(con):
    before = by_faces(con)
    rows_ = same_place(1000, 2000)
    rows_[1] = replace(rows_[1], arrests=3)  # 2000-face row: 2 arrests → 3
    publish(con, TO_DATE, rows_, T0 + DAY)
    assert by_faces(con) == before
    raised = new_findings(con, T0 + DAY)
    assert [s for k, s in raised if k == "figure_revised"] == [f"deployment:{before[2000]}"]
    (evidence,) = [json.loads(e) for (e,) in rows(con, "SELECT evidence FROM findings WHERE kind = 'figure_revised'")]
    assert (evidence["field"], evidence["old"], evidence["new"]) == ("arrests", 2, 3)
