"""`lfrwatch report` and `lfrwatch export` over a published snapshot: contents, evidence links, escaping."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from cli.dashboards import app
from tests.helpers.dashboard_data import HOSTILE, build_report_warehouse
from warehouse.db import connect
from warehouse.publish import write_snapshot
from warehouse.views import apply_views, view_names

runner = CliRunner()


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("report") / "data" / "lfrwatch.duckdb"
    build_report_warehouse(db)
    return db


@pytest.fixture(scope="module")
def page(warehouse: Path) -> str:
    out = warehouse.parent / "report-out"
    result = runner.invoke(app, ["report", "--db", str(warehouse), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "report written" in result.output
    return (out / "lfrwatch-report.html").read_text(encoding="utf-8")


def test_text_from_the_sources_cannot_inject_markup_or_script(page: str):
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # location, question title, summaries, errors
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page  # the note
    assert page.count("<script") == 1  # ours, allowed by its hash in the Content-Security-Policy
    assert not re.search(r'href="(?!https?://)', page)  # no javascript: (or any other scheme) links
    assert "javascript:alert(3)" in page  # shown as text, not linked


def test_the_page_is_self_contained(page: str):
    assert not re.search(r'<(?:link|img|iframe|object|embed)\b', page)
    assert not re.search(r'<[^>]*\ssrc=', page)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_the_report_shows_the_charts_rates_and_evidence(page: str):
    for chart in ("deployments", "faces", "alerts", "rate-per-face", "rate-per-alert", "arrests"):
        assert f'<svg class="chart" id="{chart}"' in page
    assert "0.0530%" in page and "87.5%" in page  # 2020: 7 ÷ 13,200 faces; 7 ÷ 8 alerts
    assert "arrests and other disposals together" in page
    # Evidence: the revised deployment's document, page and row; the contradicted answer's question page.
    assert 'href="https://www.met.police.uk/SysSiteAssets/media/downloads/force-content/met/advice/lfr/' \
           'deployment-records/met-lfr-deployment-grid-2020-2022.pdf#page=1"' in page
    assert "met-lfr-deployment-grid-2020-2022.pdf p. 1 row 3" in page
    assert 'href="https://www.london.gov.uk/who-we-are/what-london-assembly-does/questions-mayor/find-an-answer/' \
           'lfr-alerts-2024"' in page
    assert "contradicts" in page and "2,000" in page and "1,276" in page
    # Each claim says where its scope came from and which rows of which record the verdict summed.
    assert "period: “In 2023”" in page
    assert "68: " not in page and "68 over 24 deployments, 2023–24 record pp." in page


def test_report_without_a_published_snapshot_says_so(tmp_path: Path):
    result = runner.invoke(app, ["report", "--db", str(tmp_path / "lfrwatch.duckdb"), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "no published snapshot" in result.output


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_writes_every_view_as_a_file(warehouse: Path, tmp_path: Path, fmt: str):
    result = runner.invoke(app, ["export", "--db", str(warehouse), "--format", fmt, "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{v}.{fmt}" for v in view_names())
    snapshot = duckdb.connect(str(warehouse.parent / "published" / warehouse.name), read_only=True)
    reader = duckdb.connect()
    try:
        for view in view_names():
            path = tmp_path / f"{view}.{fmt}"
            expected = snapshot.execute(f"SELECT count(*) FROM {view}").fetchall()[0][0]
            columns = [d[0] for d in snapshot.execute(f"SELECT * FROM {view} LIMIT 0").description]
            if fmt == "csv":
                with path.open(newline="", encoding="utf-8") as f:
                    rows = list(csv.reader(f))
                assert rows[0] == columns and len(rows) - 1 == expected, view
            else:
                got = reader.execute(f"SELECT * FROM read_parquet('{path}')")
                assert [d[0] for d in got.description] == columns
                assert len(got.fetchall()) == expected, view
    finally:
        snapshot.close()
        reader.close()


def test_export_rejects_an_unknown_format(warehouse: Path, tmp_path: Path):
    result = runner.invoke(app, ["export", "--db", str(warehouse), "--format", "xlsx", "--out", str(tmp_path)])
    assert result.exit_code == 2 and "csv or parquet" in result.output


def test_a_snapshot_with_nothing_loaded_yet_still_makes_a_report(tmp_path: Path):
    db = tmp_path / "lfrwatch.duckdb"
    con = connect(db)
    apply_views(con)
    con.close()
    write_snapshot(db)
    result = runner.invoke(app, ["report", "--db", str(db)])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "report" / "lfrwatch-report.html").read_text(encoding="utf-8")
    assert page.count('<svg class="chart"') == 6 and "No open alerts." in page
