"""publish_snapshot: the run's last step, a read-only copy of the warehouse for dashboards.

Orchestration only: warehouse/publish.py copies and renames. The pipeline
calls this at the end of a run that exits 0 or 2 (a failed run publishes
nothing: the previous snapshot stays). The snapshot is
`published/<file name>` beside the database (docs/architecture.md).

Proof: tests/test_publish.py.
"""

from __future__ import annotations

from pathlib import Path

from prefect import get_run_logger, task
from prefect.cache_policies import NONE

from warehouse.publish import snapshot_path, write_snapshot

__all__ = ["publish_snapshot", "snapshot_path"]


@task(name="publish-snapshot", cache_policy=NONE)
def publish_snapshot(db_path: Path) -> Path:
    """Publish the warehouse at `db_path` atomically; returns the snapshot's path (raises on failure)."""
    path = write_snapshot(db_path)
    get_run_logger().info("published the snapshot for dashboards: %s", path)
    return path
