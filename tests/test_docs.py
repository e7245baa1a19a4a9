"""docs/data-model.md and the database must agree: every table and column, with its type."""

from __future__ import annotations

import re

from tests.real_pages import REPO
from warehouse.db import connect

DOC = REPO / "docs" / "data-model.md"


def documented() -> dict[str, dict[str, str]]:
    tables: dict[str, dict[str, str]] = {}
    current = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^## (\w+)$", line)
        if heading:
            current = tables.setdefault(heading.group(1), {})
            continue
        row = re.match(r"^\| (\w+) \| (\w+) \|", line)
        if current is not None and row and row.group(1) != "column":
            current[row.group(1)] = row.group(2)
    return tables


def actual() -> dict[str, dict[str, str]]:
    con = connect(":memory:")
    rows = con.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = 'main' AND table_name IN "
        "(SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE') "
        "ORDER BY table_name, ordinal_position"
    ).fetchall()
    out: dict[str, dict[str, str]] = {}
    for table, column, kind in rows:
        kind = {"VARCHAR": "TEXT", "TIMESTAMP WITH TIME ZONE": "TIMESTAMPTZ"}.get(kind, kind)
        out.setdefault(table, {})[column] = kind
    return out


def test_every_table_and_column_is_documented_with_its_type():
    assert documented() == actual()
