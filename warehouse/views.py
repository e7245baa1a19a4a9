"""Dashboard views: create them from schemas/sql/views/, read and export them.

Owns applying the view files (one `CREATE OR REPLACE VIEW` per file, after
the migrations), and the reads the report and export make of them. Each
file names what it reads in a `-- requires: a, b` line: views are created
in dependency order, and a view whose tables do not exist yet is skipped
(so the views still apply on a warehouse migrated before its table arrived).
A view is replaced only when its file changed (its sha256 is kept as the
view's comment), so connecting does not rewrite the catalog every time.

Must not: create or change tables (migrations do), fetch, or render.
Proof: tests/test_views.py (real PDFs), tests/test_views_docs.py (docs/views.md).
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

log = logging.getLogger(__name__)

_REQUIRES = re.compile(r"^--\s*requires:\s*(.+)$", re.M)
EXPORT_FORMATS = ("csv", "parquet")


@dataclass(frozen=True)
class ViewFile:
    name: str
    sql: str
    requires: tuple[str, ...]

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.sql.encode()).hexdigest()


def view_files() -> list[ViewFile]:
    """Every schemas/sql/views/*.sql, by name; the view is named after its file."""
    folder = resources.files("schemas").joinpath("sql", "views")
    files = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".sql"):
            sql = entry.read_text(encoding="utf-8")
            needs = _REQUIRES.search(sql)
            requires = tuple(n.strip() for n in needs.group(1).split(",") if n.strip()) if needs else ()
            files.append(ViewFile(entry.name.removesuffix(".sql"), sql, requires))
    return files


def view_names() -> list[str]:
    return [f.name for f in view_files()]


def apply_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Create or replace every view whose requirements exist; returns the names now present.

    Raises duckdb.Error when a view's SQL is wrong (a skipped view is only
    one whose `requires` names a table that does not exist).
    """
    pending = {f.name: f for f in view_files()}
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()}
    comments = dict(con.execute("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall())
    done: list[str] = []
    progress = True
    while pending and progress:
        progress = False
        for name, view in list(pending.items()):
            if not all(r in tables or r in done for r in view.requires):
                continue
            if comments.get(name) != view.sha256:
                con.execute(view.sql)
                con.execute(f"COMMENT ON VIEW {name} IS '{view.sha256}'")
            done.append(name)
            del pending[name]
            progress = True
    for name, view in pending.items():
        missing = [r for r in view.requires if r not in tables and r not in done]
        log.info("view %s not created: %s missing", name, ", ".join(missing))
        if name in comments:
            con.execute(f"DROP VIEW IF EXISTS {name}")
    return done


def present_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The dashboard views this database has, in file order."""
    have = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    return [n for n in view_names() if n in have]


def find_rows(
    con: duckdb.DuckDBPyConnection, view: str, *, where: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """The rows of one dashboard view as dicts, in the view's own order; `where` is column = value."""
    if view not in view_names():
        raise ValueError(f"unknown view {view!r}; known: {view_names()}")
    where = where or {}
    columns = {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [view]).fetchall()}
    unknown = set(where) - columns
    if unknown:
        raise ValueError(f"view {view} has no column {sorted(unknown)}")
    sql = f"SELECT * FROM {view}"
    if where:
        sql += " WHERE " + " AND ".join(f"{c} IS NOT DISTINCT FROM ?" for c in where)
    cursor = con.execute(sql, list(where.values()))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def export_views(con: duckdb.DuckDBPyConnection, out_dir: Path, fmt: str) -> list[Path]:
    """Write every present view to `out_dir/<view>.<fmt>` (csv with a header, or parquet); returns the files."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; known: {', '.join(EXPORT_FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    options = "FORMAT csv, HEADER true" if fmt == "csv" else "FORMAT parquet"
    written = []
    for view in present_views(con):
        path = out_dir / f"{view}.{fmt}"
        select = _csv_safe_select(con, view) if fmt == "csv" else f"SELECT * FROM {view}"
        con.execute(f"COPY ({select}) TO '{_quote(path)}' ({options})")
        written.append(path)
    return written


# A text cell starting like a formula: = + - @, tab or carriage return.
_FORMULA_START = r"^[-=+@\t\r]"


def _csv_safe_select(con: duckdb.DuckDBPyConnection, view: str) -> str:
    """SELECT for a CSV that a spreadsheet will open: a text cell that starts like a formula (text read from a
    page) gets a leading apostrophe, so it shows as text and never runs (OWASP, "CSV injection").
    Parquet keeps every value exactly."""
    parts = []
    for name, kind, *_ in con.execute(f"SELECT * FROM {view} LIMIT 0").description:
        quoted = '"' + name.replace('"', '""') + '"'
        if str(kind) in ("VARCHAR", "JSON"):
            text = f"CAST({quoted} AS VARCHAR)"
            parts.append(f"CASE WHEN regexp_matches({text}, '{_FORMULA_START}') THEN chr(39) || {text} "
                         f"ELSE {text} END AS {quoted}")
        else:
            parts.append(quoted)
    return f"SELECT {', '.join(parts)} FROM {view}"


def snapshot_stamp(con: duckdb.DuckDBPyConnection) -> dict[str, date | datetime | int | bool | None]:
    """What a report says it was made from: deployments, latest deployment and latest observation,
    and `sample` when any document in it is one of `lfrwatch demo`'s SAMPLE records (titled SAMPLE …)."""
    n, last_date, last_seen = con.execute(
        "SELECT count(*), max(deployment_date), max(observed_at) FROM deployments_current").fetchall()[0]
    # deployments_current requires met_document_versions, so the table is there.
    sample = con.execute("SELECT EXISTS (SELECT 1 FROM met_document_versions WHERE title ILIKE 'SAMPLE%')").fetchone()[0]
    return {"deployments": n, "last_deployment_date": last_date, "last_observed_at": last_seen, "sample": sample}


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")
