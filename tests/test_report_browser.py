"""The report in headless Chromium: charts drawn, no error logged, nothing loaded, no injected script run.

Driven by tests/helpers/browser.py; the screenshot goes to
$LFRWATCH_TEST_ARTIFACTS/report.png, else the test's temp folder (printed).
Skips when Chromium is not installed; `.ci/run` installs Debian's package.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from report.data import write_report
from tests.helpers.browser import CHROMIUM, DevTools
from tests.helpers.dashboard_data import build_report_warehouse
from warehouse.publish import open_snapshot
from warehouse.views import find_rows

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
CHARTS = ("deployments", "faces", "alerts", "rate-per-face", "rate-per-alert", "arrests")

MEASURE = """JSON.stringify({
  ready: document.documentElement.dataset.ready,
  charts: Array.from(document.querySelectorAll("svg.chart")).map(function (svg) {
    var box = svg.getBoundingClientRect();
    return {id: svg.id, width: box.width, height: box.height,
            bars: Array.from(svg.querySelectorAll("rect.bar")).filter(function (r) {
              return r.getBBox().height > 0 && r.getBoundingClientRect().width > 0; }).length};
  }),
  scripts: document.scripts.length,
  injected: Array.from(document.querySelectorAll("body script, img, iframe")).length - 1
})"""


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> tuple[Path, Path, int]:
    """(snapshot, report, how many bars the deployments chart must draw: one per month and kind)."""
    root = tmp_path_factory.mktemp("browser")
    snapshot = build_report_warehouse(root / "data" / "lfrwatch.duckdb")
    con = open_snapshot(snapshot)
    try:
        bars = len(find_rows(con, "monthly_totals")) + sum(
            1 for m in find_rows(con, "monthly_totals") if m["deployments_aborted"] and m["deployments_completed"])
    finally:
        con.close()
    return snapshot, write_report(snapshot, root / "report"), bars


def test_chromium_renders_the_report_with_charts_and_no_errors(published, tmp_path: Path):
    _, report_file, deployment_bars = published
    artifacts = Path(os.environ.get("LFRWATCH_TEST_ARTIFACTS") or tmp_path)
    artifacts.mkdir(parents=True, exist_ok=True)
    browser = DevTools(tmp_path / "profile", tmp_path / "chromium.log")
    try:
        browser.open(report_file.as_uri())
        measured = json.loads(browser.evaluate(MEASURE))
        # The page's one script sorts tables: "year" twice → descending, numbers compared as numbers.
        sort = ('var th = document.querySelector("table.sortable th"); th.click(); th.click(); '
                'Array.from(th.closest("table").tBodies[0].rows).map(function (r) { return r.cells[0].textContent; })')
        years = browser.evaluate(sort)
        browser.screenshot(artifacts / "report.png")
        problems = browser.settle()
    finally:
        browser.close()
    print(f"screenshot: {artifacts / 'report.png'}; charts: {measured['charts']}")

    assert problems == []
    assert measured["ready"] == str(len(CHARTS))  # the page's script ran to the end
    charts = {c["id"]: c for c in measured["charts"]}
    assert sorted(charts) == sorted(CHARTS)
    for chart in charts.values():
        assert chart["width"] > 600 and chart["height"] > 150, chart
        assert chart["bars"] > 0, chart
    assert charts["deployments"]["bars"] == deployment_bars  # every month with a deployment, aborted apart
    assert measured["scripts"] == 1 and measured["injected"] == 0
    assert years == sorted(years, reverse=True) and len(years) == 5
    assert (artifacts / "report.png").stat().st_size > 10_000
