"""Dashboard views over the three real Met PDFs, loaded with the real loaders into a temp DuckDB file."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests.helpers.dashboard_data import (
    LOADED_AT, MET, founding_questions, load_documents, load_questions, real_documents, record_broken_source,
    revised_document,
)
from warehouse import alerts, findings
from warehouse.contradictions import record_contradictions
from warehouse.db import connect
from warehouse.views import apply_views, find_rows, view_files

LATER = datetime(2025, 7, 1, tzinfo=timezone.utc)
# docs/sources.md §1.3: each document's rows summed as printed.
DOCUMENT_TOTALS = {  # years: (rows, aborted, faces, alerts, arrests)
    (2020, 2021, 2022): (9, 1, 157_566, 28, 9),
    (2023, 2024): (203, 0, 1_229_140, 1_344, 609),
    (2025,): (74, 0, 1_142_325, 814, 342),
}


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    connection = connect(tmp_path_factory.mktemp("views") / "lfrwatch.duckdb")
    apply_views(connection)
    load_documents(connection, real_documents())
    yield connection
    connection.close()


def by(rows: list[dict], key: str) -> dict:
    return {r[key]: r for r in rows}


def test_yearly_totals_add_up_to_each_documents_printed_totals(con):
    years = by(find_rows(con, "yearly_totals"), "year")
    for span, (rows, aborted, faces, alerts_, arrests) in DOCUMENT_TOTALS.items():
        got = [years[y] for y in span if y in years]
        assert sum(y["deployments_completed"] + y["deployments_aborted"] for y in got) == rows
        assert sum(y["deployments_aborted"] for y in got) == aborted
        assert sum(y["faces_seen"] for y in got) == faces
        assert sum(y["alerts_total"] for y in got) == alerts_
        assert sum(y["arrests"] for y in got) == arrests
    # The founding complaint (docs/sources.md §1.3): 2020's two completed deployments, one aborted.
    y2020 = years[2020]
    assert (y2020["deployments_completed"], y2020["deployments_aborted"], y2020["faces_seen"], y2020["alerts_total"],
            y2020["true_alerts"], y2020["false_alerts"], y2020["arrests"]) == (2, 1, 13_200, 8, 1, 7, 1)
    assert {y: r["arrests_include_other_disposals"] for y, r in years.items()} == {
        2020: True, 2022: True, 2023: False, 2024: False, 2025: False}
    assert years[2020]["other_disposals"] is None and years[2024]["other_disposals"] is not None
    assert years[2024]["arrests_and_other_disposals"] == years[2024]["arrests"] + years[2024]["other_disposals"]


def test_monthly_totals_sum_to_the_yearly_totals(con):
    months = find_rows(con, "monthly_totals")
    for year in by(find_rows(con, "yearly_totals"), "year").values():
        of_year = [m for m in months if m["year"] == year["year"]]
        for column in ("deployments_completed", "deployments_aborted", "faces_seen", "alerts_total", "false_alerts",
                       "arrests"):
            assert sum(m[column] or 0 for m in of_year) == (year[column] or 0), (year["year"], column)
    assert all(m["month"].day == 1 for m in months)


def test_false_alert_rates_per_face_and_per_alert_are_kept_apart(con):
    [oxford] = find_rows(con, "false_alert_rates", where={"deployment_id": "2020-02-27-oxford-circus-1"})
    assert oxford["false_alert_rate_per_face"] == pytest.approx(7 / 8600)
    assert oxford["false_alert_rate_per_alert"] == pytest.approx(7 / 8)
    assert (oxford["period_kind"], oxford["false_alert_rate_printed"]) == ("deployment", "0.08%")
    for row in find_rows(con, "false_alert_rates", where={"period_kind": "year"}):
        assert row["false_alert_rate_per_face"] == pytest.approx(row["false_alerts"] / row["faces_seen"])
        assert row["false_alert_rate_per_alert"] == pytest.approx(row["false_alerts"] / row["alerts_total"])
        assert row["false_alert_rate_printed"] is None
    [everything] = find_rows(con, "false_alert_rates", where={"period_kind": "all"})
    assert everything["deployments"] == 285  # 286 printed rows, one aborted
    assert everything["false_alert_rate_per_alert"] == pytest.approx(44 / 2186)


def test_the_aborted_deployment_is_current_with_no_figures_and_no_rates(con):
    rows = find_rows(con, "deployments_current")
    assert len(rows) == 286
    [aborted] = [r for r in rows if r["status"] == "aborted"]
    assert aborted["deployment_date"].isoformat() == "2020-02-21"
    assert aborted["false_alert_rate_per_face"] is None and aborted["false_alert_rate_per_alert"] is None
    assert aborted["watchlist_size"] is not None
    assert not find_rows(con, "false_alert_rates", where={"deployment_id": aborted["deployment_id"]})


def test_a_revised_figure_is_a_second_version_in_the_history(tmp_path):
    con = connect(tmp_path / "lfrwatch.duckdb")
    apply_views(con)
    [first] = real_documents("2020-2022")
    load_documents(con, [first])
    oxford = next(i for i, d in enumerate(first.deployments) if d.deployment_id == "2020-02-27-oxford-circus-1")
    load_documents(con, [revised_document(first, oxford, faces_seen=8700)], LATER)
    history = find_rows(con, "deployment_history", where={"deployment_id": "2020-02-27-oxford-circus-1"})
    assert [(h["version_no"], h["faces_seen"], h["is_current"]) for h in history] == [(1, 8600, False), (2, 8700, True)]
    assert history[0]["superseded_at"] == LATER and history[1]["superseded_at"] is None
    assert history[0]["document_sha256"] == first.sha256 and history[0]["source_row"] == 3
    [current] = find_rows(con, "deployments_current", where={"deployment_id": "2020-02-27-oxford-circus-1"})
    assert (current["versions"], current["faces_seen"], current["first_observed_at"]) == (2, 8700, LOADED_AT)
    con.close()


def test_claims_show_the_one_stored_verdict(tmp_path):
    con = connect(tmp_path / "lfrwatch.duckdb")
    apply_views(con)
    load_documents(con, real_documents())
    load_questions(con, founding_questions())

    # Loaded, not evaluated yet: the view says so rather than computing a verdict of its own.
    before = by(find_rows(con, "claims_vs_records"), "reference")
    assert {r["verdict"] for r in before.values()} == {"pending"}
    assert all(r["computed"] is None and r["review_reason"] is None for r in before.values())

    record_contradictions(con, at=LOADED_AT)
    after = by(find_rows(con, "claims_vs_records"), "reference")
    assert (after["2024/0001"]["verdict"], after["2024/0001"]["computed"]) == ("agrees", 68)
    assert after["2024/0001"]["deployments_counted"] == 24 and after["2024/0001"]["period_words"] == "In 2023"
    assert after["2024/0001"]["period_source"] == "sentence"
    assert (after["2025/0002"]["verdict"], after["2025/0002"]["computed"]) == ("contradicts", 1276)
    assert after["2025/0002"]["deployments_counted"] == 179
    assert after["2025/0002"]["records_text"].startswith("1,276 over 179 deployments, 2023–24 record")
    # Places are matched to rows ("At Oxford Circus … this year"): a verdict of the rule, like every other.
    hostile = next(r for ref, r in after.items() if ref.startswith("2025/<script>"))
    assert hostile["verdict"] in ("contradicts", "review")
    con.close()


def test_open_alerts_name_the_evidence_and_drop_resolved_ones(con):
    deployment = "deployment:2020-02-27-oxford-circus-1"
    for n, subject in enumerate((deployment, f"document:{MET}gone.pdf")):
        findings.record_finding(con, key=f"figure_revised:test:{n}", kind="figure_revised", subject=subject,
                                summary="faces_seen 8600 → 8700", evidence={"field": "faces_seen", "old": 8600,
                                                                             "new": 8700}, at=LOADED_AT)
    raised = alerts.alerts_from_findings(con, at=LOADED_AT, channels=[])
    rows = by(find_rows(con, "open_alerts"), "subject")
    assert rows[deployment]["document_url"].endswith("met-lfr-deployment-grid-2020-2022.pdf")
    assert (rows[deployment]["source_page"], rows[deployment]["source_row"]) == (1, 3)
    assert rows[deployment]["subject_kind"] == "deployment"
    assert rows[f"document:{MET}gone.pdf"]["document_url"] == f"{MET}gone.pdf"
    alerts.resolve(con, raised[0].alert_id, at=LATER, note="checked")
    assert len(find_rows(con, "open_alerts")) == len(raised) - 1


def test_source_health_shows_each_url_and_each_source(con):
    broken = f"{MET}broken.pdf"
    record_broken_source(con, broken)
    rows = find_rows(con, "source_health")
    urls = by([r for r in rows if r["level"] == "url"], "url")
    assert urls[broken]["state"] == "failing" and urls[broken]["open_problems"] == 1
    assert "HTTP 500" in urls[broken]["last_error"] and urls[broken]["last_ok_at"] == LOADED_AT
    assert sum(r["state"] == "ok" for r in urls.values()) == 3
    [met] = [r for r in rows if r["level"] == "source"]
    assert (met["source"], met["state"], met["open_problems"]) == ("met", "failing", 1)
    assert met["last_fetched_at"] == LOADED_AT and "HTTP 500" in met["problem"]


def test_views_apply_once_and_skip_a_view_whose_table_is_missing():
    con = connect(":memory:")
    names = [v.name for v in view_files()]
    assert sorted(apply_views(con)) == sorted(names)
    comments = dict(con.execute("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall())
    assert comments == {v.name: v.sha256 for v in view_files()}
    con.execute("DROP TABLE alerts")
    assert sorted(apply_views(con)) == sorted(n for n in names if n != "open_alerts")
    have = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert "open_alerts" not in have
    con.close()
