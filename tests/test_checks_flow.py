"""The `checks` flow end to end: results and findings recorded once, rows kept, Data Docs, `lfrwatch checks`.

A real DuckDB file holds the generated documents of
tests/test_checks_expectations.py (clean and broken rows of every era, a
document with a copied column) plus a "to date" file that repeats a
broken row, and inserted questions; the real Prefect flow runs twice.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timezone

import duckdb
import pytest
import typer
from typer.testing import CliRunner

from flows.checks import run_checks
from cli.checks import checks
from tests.test_checks_expectations import LOADED_AT, insert_question_rows, document, generated_documents
from warehouse.alerts import alerts_from_findings
from warehouse.db import connect
from warehouse.met_load import load_met_document

pytestmark = pytest.mark.usefixtures("prefect_harness")

CONTRACT_KEYS = {"suite", "rule", "level", "deployment_id", "deployment_date", "location", "document_url",
                 "source_page", "source_row", "observed", "expected"}


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    folder = tmp_path_factory.mktemp("checks")
    db = folder / "lfrwatch.duckdb"
    con = connect(db)
    documents = generated_documents()
    for doc in documents:
        load_met_document(con, doc, LOADED_AT)
    # a "to date" file printing the same broken row (alerts_add_up) as era3broken, row 1 here
    broken = next(d for d in documents if d.url.endswith("era3broken.pdf"))
    load_met_document(con, document("todate", "MPS LFR DEPLOYMENTS 2025", [replace(broken.deployments[1], source_row=1),
                                                                          *broken.deployments[2:3]]), LOADED_AT)
    insert_question_rows(con)
    before = con.execute("SELECT * FROM deployments ORDER BY deployment_id").fetchall()
    con.close()
    docs = folder / "data-docs"
    first = run_checks(db, docs)
    second = run_checks(db, docs)
    return db, docs, before, first, second


def test_a_run_over_unchanged_data_carries_the_results_forward_and_a_change_is_checked_again(tmp_path):
    db = tmp_path / "w.duckdb"
    con = connect(db)
    for doc in generated_documents()[:2]:
        load_met_document(con, doc, LOADED_AT)
    con.close()
    first, second = run_checks(db, None), run_checks(db, None)
    assert (first.carried_forward, second.carried_forward) == (False, True)
    assert "nothing checked changed since the last run" in second.summary()
    assert (second.rules, second.rules_failed, second.row_failures) == (first.rules, first.rules_failed,
                                                                         first.row_failures)
    assert query(db, f"SELECT DISTINCT carried_from FROM check_results WHERE run_id = '{second.run_id}'") == [
        (first.run_id,)]
    con = connect(db)
    con.execute("UPDATE deployment_versions SET arrests = 99 WHERE deployment_id = "
                "(SELECT min(deployment_id) FROM deployment_versions)")
    con.close()
    third = run_checks(db, None)
    assert not third.carried_forward
    assert query(db, f"SELECT DISTINCT carried_from FROM check_results WHERE run_id = '{third.run_id}'") == [(None,)]


def query(db, sql: str):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_each_failure_is_one_finding_raised_once_across_runs(warehouse):
    db, _, _, first, second = warehouse
    keys = query(db, "SELECT DISTINCT finding_key FROM check_failures")
    assert first.new_findings == len(keys) > 0
    assert second.new_findings == 0
    assert query(db, "SELECT count(*) FROM findings WHERE kind = 'check_failed'") == [(len(keys),)]
    assert first.rules == second.rules and first.row_failures == second.row_failures


def test_results_name_every_rule_of_every_suite_per_run(warehouse):
    db, _, _, first, second = warehouse
    runs = dict(query(db, "SELECT run_id, count(*) FROM check_results GROUP BY run_id"))
    assert runs == {first.run_id: first.rules, second.run_id: second.rules}
    suites = {s for (s,) in query(db, "SELECT DISTINCT suite FROM check_results")}
    assert suites == {"deployments", "questions", "answers", "claims"}
    assert query(db, f"SELECT success, rows_failed FROM check_results WHERE run_id = '{first.run_id}' "
                     "AND rule = 'outcome_columns_distinct'") == [(False, 6)]


def test_the_same_broken_row_in_two_documents_is_one_finding_listing_both(warehouse):
    db, *_ = warehouse
    ((subject, evidence),) = query(
        db, "SELECT subject, evidence FROM findings WHERE finding_key = 'check_failed:deployments:alerts_add_up:2025-02-05-place-2-1'")
    evidence = json.loads(evidence)
    assert subject == "deployment:2025-02-05-place-2-1"
    assert (evidence["suite"], evidence["rule"], evidence["level"]) == ("deployments", "alerts_add_up", "row")
    assert sorted((r["document_url"].rsplit("/", 1)[-1], r["source_row"]) for r in evidence["rows"]) == [
        ("era3broken.pdf", 2), ("todate.pdf", 1)]


def test_a_systematic_quirk_is_one_document_finding(warehouse):
    db, *_ = warehouse
    rows = query(db, "SELECT subject, summary FROM findings WHERE finding_key LIKE 'check_failed:deployments:outcome_columns_distinct:%'")
    assert len(rows) == 1
    assert rows[0][0] == "document:https://example.test/lfr/copied.pdf"
    assert "every row (6)" in rows[0][1]


def test_question_suite_findings_name_the_question(warehouse):
    db, *_ = warehouse
    subjects = {s for (s,) in query(db, "SELECT subject FROM findings WHERE finding_key LIKE 'check_failed:claims:%'")}
    assert subjects == {"question:2020/1034"}


def test_failing_rows_are_kept_exactly_as_published(warehouse):
    db, _, before, *_ = warehouse
    assert query(db, "SELECT * FROM deployments ORDER BY deployment_id") == before


def test_findings_become_check_failed_alerts(warehouse, tmp_path):
    db, *_ = warehouse
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(db.read_bytes())
    con = connect(copy)
    alerts = alerts_from_findings(con, at=datetime.now(timezone.utc), channels=[])
    con.close()
    assert alerts and {a.event for a in alerts if a.kind == "check_failed"} == {"lfrwatch.check.failed"}


def test_data_docs_are_built_offline_into_the_folder(warehouse):
    _, docs, _, first, _ = warehouse
    assert first.data_docs_index == docs / "index.html"
    assert (docs / "index.html").exists()
    assert list((docs / "validations" / "deployments").rglob("*.html"))
    assert not list(docs.parent.glob(".data-docs.*"))


def test_cli_json_lists_the_latest_failures_in_the_contract_shape(warehouse):
    db, _, _, _, second = warehouse
    app = typer.Typer()
    app.command()(checks)
    result = CliRunner().invoke(app, ["--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    failures = json.loads(result.output)
    assert all(set(f) == CONTRACT_KEYS for f in failures)
    assert len(failures) == query(db, f"SELECT count(*) FROM check_failures WHERE run_id = '{second.run_id}'")[0][0]
    (quirk,) = [f for f in failures if f["level"] == "document" and f["rule"] == "outcome_columns_distinct"]
    assert quirk["deployment_id"] is None and quirk["source_row"] is None and quirk["observed"]["rows_failing"] == 6
    (row,) = [f for f in failures if f["rule"] == "watchlist_not_outlier"]
    assert (row["deployment_date"], row["location"], row["source_page"], row["source_row"]) == ("2025-02-19", "Place 9", 1, 9)
    assert row["observed"]["watchlist_size"] == 19000


def test_cli_text_for_people(warehouse):
    db, *_ = warehouse
    app = typer.Typer()
    app.command()(checks)
    result = CliRunner().invoke(app, ["--db", str(db)])
    assert result.exit_code == 0
    assert "outcome_columns_distinct: every row of copied.pdf" in result.output
    assert "watchlist_not_outlier: 2025-02-19 Place 9 (era3broken.pdf p.1 row 9)" in result.output


def test_cli_without_a_warehouse_says_so(tmp_path):
    app = typer.Typer()
    app.command()(checks)
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "no warehouse" in result.output
