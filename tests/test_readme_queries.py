"""The README's example dashboard queries run against a published snapshot (so the README cannot drift)."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from tests.helpers.dashboard_data import build_report_warehouse
from tests.helpers.real_pages import REPO


def test_every_example_query_in_the_readme_runs(tmp_path: Path):
    snapshot = build_report_warehouse(tmp_path / "data" / "lfrwatch.duckdb")
    blocks = re.findall(r"```sql\n(.*?)```", (REPO / "README.md").read_text(encoding="utf-8"), re.S)
    statements = [s.strip() for block in blocks for s in block.split(";") if s.strip() and not
                  all(line.strip().startswith("--") for line in s.strip().splitlines())]
    assert len(statements) >= 4
    con = duckdb.connect(str(snapshot), read_only=True)
    try:
        for sql in statements:
            con.execute(sql).fetchall()
    finally:
        con.close()
