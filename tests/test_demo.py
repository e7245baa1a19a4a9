"""`lfrwatch demo`: the whole job on the bundled SAMPLE, with nothing but 127.0.0.1.

The real CLI command, run in-process on the session's Prefect API: it serves
demo/sample.py itself, loads both SAMPLE records and the three SAMPLE answers,
checks them (one invented row does not add up), raises the alerts (two new
records, the failed check, two contradicted figures), publishes, and writes
a report that says SAMPLE. A second run changes nothing. Where Chromium is
installed the report is opened and screenshotted (demo-report.png).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from cli import app
from tests.helpers.browser import CHROMIUM, DevTools


COUNTED = ("raw_documents", "met_document_versions", "deployment_versions", "answer_versions", "claims", "alerts",
           "findings")


def _counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}
    finally:
        con.close()


@pytest.fixture(scope="module")
def demo_run(prefect_harness, tmp_path_factory):
    """(warehouse, first run, second run, row counts after each)."""
    from prefect.logging.configuration import setup_logging

    setup_logging()  # Prefect's console handler on pytest's stderr, not on a CliRunner stream closed after invoke
    db = tmp_path_factory.mktemp("demo") / "demo" / "lfrwatch.duckdb"
    first = CliRunner().invoke(app, ["demo", "--db", str(db)])
    after_first = _counts(db)
    second = CliRunner().invoke(app, ["demo", "--db", str(db)])
    return db, first, second, (after_first, _counts(db))


def test_the_demo_runs_the_whole_job_on_the_sample(demo_run):
    db, first, _, _ = demo_run
    assert first.exit_code == 0, first.output
    out = first.output
    assert "a SAMPLE of both sites" in out
    assert "2 documents checked, 2 new versions, 9 deployments loaded (9 new, 0 revised)" in out
    assert "3 new questions, 3 new answers" in out and "6 new claims" in out
    assert "alerts: 5 new" in out
    assert "SAMPLE report:" in out and "SAMPLE warehouse:" in out

    con = duckdb.connect(str(db), read_only=True)
    try:
        titles = [t for (t,) in con.execute("SELECT title FROM met_document_versions ORDER BY 1").fetchall()]
        questions = [t for (t,) in con.execute("SELECT title FROM questions").fetchall()]
        alerts = dict(con.execute("SELECT kind, count(*) FROM alerts GROUP BY 1").fetchall())
        verdicts = con.execute("SELECT reference, metric, verdict FROM claims_vs_records ORDER BY 1, 2").fetchall()
        failed = con.execute("SELECT count(*) FROM check_results WHERE NOT success").fetchone()[0]
    finally:
        con.close()
    assert len(titles) == 2 and all(t.startswith("SAMPLE") for t in titles)  # labelled as a sample everywhere
    assert len(questions) == 3 and all(t.startswith("[SAMPLE]") for t in questions)
    assert alerts == {"document_new": 2, "check_failed": 1, "figure_contradicted": 2}
    # The 2020 letter's figures agree with the re-typeset 2020 record; the invented Croydon answer does not.
    assert [v for v in verdicts if v[0] == "2020/9001"] == [
        ("2020/9001", "alerts_total", "agrees"), ("2020/9001", "faces_seen", "agrees"),
        ("2020/9001", "false_alerts", "agrees")]
    assert [v for v in verdicts if v[0] == "2025/9002"] == [
        ("2025/9002", "alerts_total", "contradicts"), ("2025/9002", "arrests", "contradicts")]
    assert failed >= 1


def test_a_second_demo_run_changes_nothing(demo_run):
    _, _, second, (after_first, after_second) = demo_run
    assert second.exit_code == 0, second.output
    assert "0 new versions" in second.output and "alerts: 0 new" in second.output
    assert after_second == after_first  # the SAMPLE PDFs are typeset byte for byte the same each time


def test_the_demo_report_says_sample_and_shows_the_contradictions(demo_run, tmp_path: Path):
    db, _, _, _ = demo_run
    report = db.parent / "report" / "lfrwatch-report.html"
    html = report.read_text()
    assert "<title>SAMPLE LFR Watch report</title>" in html
    assert "SAMPLE DATA: this report was made by <code>lfrwatch demo</code>" in html
    assert "contradicts" in html and "Croydon" in html

    if CHROMIUM is None:
        pytest.skip("chromium is not installed (.ci/run installs it): the screenshot was not taken")
    artifacts = Path(os.environ.get("LFRWATCH_TEST_ARTIFACTS") or tmp_path)
    artifacts.mkdir(parents=True, exist_ok=True)
    browser = DevTools(tmp_path / "profile", tmp_path / "chromium.log")
    try:
        browser.open(report.as_uri(), height=2400)
        banner = browser.evaluate(
            'JSON.stringify((function (b) { var r = b.getBoundingClientRect();'
            ' return {text: b.textContent, top: r.top, height: r.height}; })(document.querySelector(".sample")))')
        browser.screenshot(artifacts / "demo-report.png")
        problems = browser.settle()
    finally:
        browser.close()
    print(f"screenshot: {artifacts / 'demo-report.png'}")
    banner = json.loads(banner)
    assert problems == []
    assert banner["text"].startswith("SAMPLE DATA") and banner["top"] < 50 and banner["height"] > 10
