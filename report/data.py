"""The report's data and its file: read the published snapshot's views into a ReportData, write the page.

Owns what the page is made from (ReportData) and how the file appears:
warehouse/views.py reads the views (read-only, from the snapshot, so a
report never blocks or waits for a run), report/render.py turns them into
the page, and `write_report` renames the finished file into place. The
page has every style and script inlined and loads nothing: it renders
offline, attached to an email.

Must not: lay out or escape anything (report/render.py and its templates
do), or open the live warehouse.
Proof: tests/test_report.py (test_report_without_a_published_snapshot_says_so,
test_a_snapshot_with_nothing_loaded_yet_still_makes_a_report), tests/test_report_browser.py
(headless Chromium: charts drawn, no console errors, a screenshot).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from report.render import render_report
from warehouse.publish import open_snapshot
from warehouse.views import find_rows, present_views, snapshot_stamp

REPORT_FILE = "lfrwatch-report.html"


@dataclass(frozen=True)
class ReportData:
    """Everything the page shows, as rows of the views (docs/views.md)."""

    snapshot: Path
    published_at: datetime
    generated_at: datetime
    stamp: dict[str, Any]
    yearly: list[dict]
    monthly: list[dict]
    yearly_rates: list[dict]
    all_time_rates: list[dict]
    deployments: list[dict]
    open_alerts: list[dict]
    claims: list[dict]
    sources: list[dict]
    missing_views: list[str]


def read_report_data(snapshot: Path) -> ReportData:
    """The views of a published snapshot (FileNotFoundError when none is published)."""
    con = open_snapshot(snapshot)
    try:
        have = set(present_views(con))

        def rows(view: str, **where) -> list[dict]:
            return find_rows(con, view, where=where) if view in have else []

        return ReportData(
            snapshot=snapshot,
            published_at=datetime.fromtimestamp(os.stat(snapshot).st_mtime, timezone.utc),
            generated_at=datetime.now(timezone.utc),
            stamp=snapshot_stamp(con) if "deployments_current" in have else {},
            yearly=rows("yearly_totals"),
            monthly=rows("monthly_totals"),
            yearly_rates=rows("false_alert_rates", period_kind="year"),
            all_time_rates=rows("false_alert_rates", period_kind="all"),
            deployments=rows("deployments_current"),
            open_alerts=rows("open_alerts"),
            claims=rows("claims_vs_records"),
            sources=rows("source_health"),
            missing_views=sorted(
                {"yearly_totals", "monthly_totals", "false_alert_rates", "deployments_current", "open_alerts",
                 "claims_vs_records", "source_health"} - have),
        )
    finally:
        con.close()


def write_report(snapshot: Path, out_dir: Path) -> Path:
    """Write `out_dir/lfrwatch-report.html` from the snapshot; returns its path.

    The page is written to a new file and renamed over the old one, so a
    browser never opens half a report.
    """
    html = render_report(read_report_data(snapshot))
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / REPORT_FILE
    staging = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    staging.write_text(html, encoding="utf-8")
    os.replace(staging, target)
    return target
