"""The report in headless Chromium: charts drawn, no error logged, nothing loaded, no injected script run.

Driven over the Chrome DevTools protocol (a websocket to 127.0.0.1) so the
test sees exceptions, console and log errors, every network request and
any dialog an injected `alert()` would open, and takes a screenshot:
$LFRWATCH_TEST_ARTIFACTS/report.png, else the test's temp folder (printed).
Skips when Chromium is not installed; `.ci/run` installs Debian's package.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from flows.report import write_report
from tests.dashboard_data import build_report_warehouse
from warehouse.publish import open_snapshot
from warehouse.views import find_rows

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
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


class DevTools:
    """Just enough of the Chrome DevTools protocol: call a method, keep every event."""

    def __init__(self, profile: Path, log: Path):
        from websockets.sync.client import connect

        self.log = log.open("w")
        self.process = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--no-first-run", "--no-default-browser-check", f"--user-data-dir={profile}",
             "--remote-debugging-port=0", "--window-size=1280,2000", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=self.log)
        port_file, deadline = profile / "DevToolsActivePort", time.monotonic() + 60
        while not (port_file.exists() and port_file.read_text().count("\n") >= 1):
            assert self.process.poll() is None, f"chromium exited: {log.read_text()[-2000:]}"
            assert time.monotonic() < deadline, "chromium did not open its DevTools port"
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as response:
            page = next(t for t in json.load(response) if t["type"] == "page")
        self.ws = connect(page["webSocketDebuggerUrl"], max_size=None, open_timeout=30)
        self.events: list[dict] = []
        self.next_id = 0

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv(timeout=60))
            if message.get("id") == self.next_id:
                assert "error" not in message, f"{method}: {message['error']}"
                return message["result"]
            self.events.append(message)

    def wait_for(self, event: str, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while not any(e.get("method") == event for e in self.events):
            self.events.append(json.loads(self.ws.recv(timeout=max(deadline - time.monotonic(), 0.1))))

    def problems(self) -> list[str]:
        found = []
        for e in self.events:
            method, params = e.get("method"), e.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(f"exception: {params['exceptionDetails'].get('text')} "
                             f"{params['exceptionDetails'].get('exception', {}).get('description', '')}")
            elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert", "warning"):
                found.append(f"console.{params['type']}: {[a.get('value') for a in params['args']]}")
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
                found.append(f"log {params['entry']['level']}: {params['entry']['text']}")
            elif method == "Page.javascriptDialogOpening":
                found.append(f"a dialog opened: {params.get('message')!r} (injected script ran)")
            elif method == "Network.requestWillBeSent" and not params["request"]["url"].startswith(("file:", "data:")):
                found.append(f"network request: {params['request']['url']}")
        return found

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.log.close()


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
        for domain in ("Page", "Runtime", "Log", "Network"):
            browser.call(f"{domain}.enable")
        browser.call("Emulation.setDeviceMetricsOverride", width=1280, height=2000, deviceScaleFactor=1, mobile=False)
        browser.call("Page.navigate", url=report_file.as_uri())
        browser.wait_for("Page.loadEventFired")
        measured = json.loads(
            browser.call("Runtime.evaluate", expression=MEASURE, returnByValue=True)["result"]["value"])
        # The page's one script sorts tables: "year" twice → descending, numbers compared as numbers.
        sort = ('var th = document.querySelector("table.sortable th"); th.click(); th.click(); '
                'Array.from(th.closest("table").tBodies[0].rows).map(function (r) { return r.cells[0].textContent; })')
        years = browser.call("Runtime.evaluate", expression=sort, returnByValue=True)["result"]["value"]
        shot = browser.call("Page.captureScreenshot", format="png")
        (artifacts / "report.png").write_bytes(base64.b64decode(shot["data"]))
        time.sleep(0.2)  # let late console messages arrive
        browser.call("Runtime.evaluate", expression="1")
        problems = browser.problems()
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
