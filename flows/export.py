"""Export: every dashboard view of the published snapshot as a CSV or Parquet file.

Orchestration only: warehouse/views.py writes the files (DuckDB's COPY;
no pandas or pyarrow needed). Reads the published snapshot read-only, so
an export never blocks or waits for a run. Column names and meanings:
docs/views.md.

Proof: tests/test_report.py (export round trip).
"""

from __future__ import annotations

from pathlib import Path

from warehouse.publish import open_snapshot
from warehouse.views import EXPORT_FORMATS, export_views

__all__ = ["EXPORT_FORMATS", "export_snapshot"]


def export_snapshot(snapshot: Path, out_dir: Path, fmt: str) -> list[Path]:
    """Write `out_dir/<view>.<fmt>` for every view; returns the files (FileNotFoundError: nothing published)."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use {' or '.join(EXPORT_FORMATS)}")
    con = open_snapshot(snapshot)
    try:
        return export_views(con, out_dir, fmt)
    finally:
        con.close()
