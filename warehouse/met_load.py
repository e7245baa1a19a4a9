"""Met documents into the warehouse, with history: versions, observations and deployments.

Owns the writes of a parsed Met document. A document version counts as
done only once its deployments are loaded (`met_document_versions`), so a
version that failed to parse is parsed again next run. Each document loads
in one transaction.

Proof: tests/test_warehouse_load.py, tests/test_flow_met.py.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

import duckdb

from schemas.records import FIGURE_COLUMNS, MetDocument
from scrapers.versions import met_parser_version
from warehouse.db import fault_point, transaction
from warehouse.identity import stable_ids


@dataclass(frozen=True)
class MetLoad:
    """What loading one document version changed."""

    document_url: str
    deployments: int
    new: int
    revised: int


def figures_sha256(row: dict) -> str:
    """A stable hash of the figures a deployment row publishes (not its provenance)."""
    payload = {c: row[c] for c in FIGURE_COLUMNS}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def is_met_version_loaded(con: duckdb.DuckDBPyConnection, sha256: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM met_document_versions WHERE document_sha256 = ?", [sha256]).fetchall()[0][0])


def load_met_document(con: duckdb.DuckDBPyConnection, document: MetDocument, observed_at: datetime) -> MetLoad:
    """Load one parsed document version in one transaction; returns what changed."""
    hashes = [figures_sha256(d.__dict__) for d in document.deployments]
    rows = []
    # Rows that share a date and a place keep their stored ids by what they print, not by their ordinal.
    for deployment, deployment_id, sha in zip(document.deployments, stable_ids(con, document.deployments, hashes),
                                              hashes):
        row = deployment.__dict__.copy()
        row["deployment_id"] = deployment_id
        row["figures_sha256"] = sha
        row["observed_at"] = observed_at
        rows.append(row)
    import pandas as pd  # only a new document version pays for it

    incoming = pd.DataFrame(rows)
    legends = pd.DataFrame([r.__dict__ for r in document.purpose_references])
    con.register("incoming", incoming)
    con.register("legends", legends if not legends.empty else pd.DataFrame(columns=_LEGEND_COLUMNS))
    try:
        with transaction(con):
            new, revised = con.execute(
                """
                SELECT count(*) FILTER (WHERE d.deployment_id IS NULL),
                       count(*) FILTER (WHERE d.figures_sha256 <> i.figures_sha256)
                FROM incoming i LEFT JOIN deployments d USING (deployment_id)
                """
            ).fetchall()[0]
            _insert_versions(con, observed_at)
            con.execute(f"INSERT OR REPLACE INTO deployments SELECT {_DEPLOYMENT_SELECT} FROM incoming")
            fault_point("load")  # half a document written: a kill here must leave none of it
            con.execute(
                """
                INSERT OR REPLACE INTO deployment_observations
                SELECT deployment_id, document_sha256, document_url, figures_sha256, source_page, source_row, observed_at
                FROM incoming
                """
            )
            con.execute(
                """
                INSERT OR REPLACE INTO purpose_references
                SELECT ?, legend_no, legend_kind, code, meaning, policy_reference, source_page FROM legends
                """,
                [document.sha256],
            )
            con.execute(
                "INSERT OR REPLACE INTO met_document_versions VALUES (?, ?, ?, ?, ?, ?, ?)",
                [document.sha256, document.url, document.title, document.pages, len(rows), observed_at,
                 met_parser_version()],
            )
    finally:
        con.unregister("incoming")
        con.unregister("legends")
    return MetLoad(document.url, len(rows), new, revised)


def _insert_versions(con: duckdb.DuckDBPyConnection, observed_at: datetime) -> None:
    con.execute(
        "UPDATE deployment_versions v SET last_observed_at = ? FROM incoming i "
        "WHERE v.deployment_id = i.deployment_id AND v.figures_sha256 = i.figures_sha256",
        [observed_at],
    )
    figures = ", ".join(FIGURE_COLUMNS)
    con.execute(
        f"""
        INSERT INTO deployment_versions
        SELECT deployment_id, figures_sha256, {figures},
               document_sha256, document_url, source_page, source_row, observed_at, observed_at
        FROM incoming i
        WHERE NOT EXISTS (SELECT 1 FROM deployment_versions v
                          WHERE v.deployment_id = i.deployment_id AND v.figures_sha256 = i.figures_sha256)
        """
    )


_LEGEND_COLUMNS = ["legend_no", "legend_kind", "code", "meaning", "policy_reference", "source_page"]
_DEPLOYMENT_SELECT = ", ".join(
    ("deployment_id",) + FIGURE_COLUMNS + (
        "document_sha256", "document_url", "source_page", "source_row", "figures_sha256", "observed_at",
    )
)


def count_deployments(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT count(*) FROM deployments").fetchall()[0][0]
