"""docs/views.md and the database must agree: every view, every column, its type, in order."""

from __future__ import annotations

import re

from tests.helpers.real_pages import REPO
from warehouse.db import connect
from warehouse.views import apply_views, view_names

DOC = REPO / "docs" / "views.md"


def documented() -> dict[str, list[tuple[str, str]]]:
    views: dict[str, list[tuple[str, str]]] = {}
    current = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^## (\w+)$", line)
        if heading:
            current = views.setdefault(heading.group(1), [])
            continue
        row = re.match(r"^\| (\w+) \| (\w+) \|", line)
        if current is not None and row and row.group(1) != "column":
            current.append((row.group(1), row.group(2)))
    return views


def actual() -> dict[str, list[tuple[str, str]]]:
    con = connect(":memory:")
    apply_views(con)
    rows = con.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_name IN (SELECT view_name FROM duckdb_views() WHERE NOT internal) "
        "ORDER BY table_name, ordinal_position"
    ).fetchall()
    con.close()
    out: dict[str, list[tuple[str, str]]] = {}
    for view, column, kind in rows:
        kind = {"VARCHAR": "TEXT", "TIMESTAMP WITH TIME ZONE": "TIMESTAMPTZ"}.get(kind, kind)
        out.setdefault(view, []).append((column, kind))
    return out


def test_every_view_and_column_is_documented_with_its_type_in_order():
    assert documented() == actual()


def test_every_view_file_is_a_documented_view():
    assert sorted(documented()) == sorted(view_names())
