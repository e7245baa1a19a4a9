"""Typed records passed between layers (scrapers → warehouse → flows).

Owns the shapes only: no parsing, no SQL, no I/O. The deployment columns
are the contract of docs/architecture.md ("Deployment columns") and of
`lfrwatch extract-pdf`; `DEPLOYMENT_COLUMNS` lists them in output order.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any

# The per-deployment figures compared between document versions: a change
# in any of these is a revision of the deployment.
FIGURE_COLUMNS: tuple[str, ...] = (
    "deployment_date",
    "location",
    "note",
    "status",
    "duration_minutes",
    "purpose",
    "watchlist_size",
    "threshold",
    "alerts_total",
    "true_alerts",
    "true_alerts_confirmed",
    "true_alerts_unconfirmed",
    "false_alerts",
    "false_alerts_confirmed",
    "false_alerts_unconfirmed",
    "true_alert_engagements",
    "false_alert_engagements",
    "arrests",
    "other_disposals",
    "no_action",
    "faces_seen",
    "false_alert_rate_printed",
)

# The whole-number figures of a deployment that `N/A` can blank out.
COUNT_COLUMNS: tuple[str, ...] = (
    "alerts_total",
    "true_alerts",
    "true_alerts_confirmed",
    "true_alerts_unconfirmed",
    "false_alerts",
    "false_alerts_confirmed",
    "false_alerts_unconfirmed",
    "true_alert_engagements",
    "false_alert_engagements",
    "arrests",
    "other_disposals",
    "no_action",
    "faces_seen",
)


@dataclass(frozen=True)
class Deployment:
    """One deployment row of a Met deployment record, normalised."""

    deployment_id: str
    deployment_date: date
    location: str
    note: str | None
    status: str  # 'completed' | 'aborted'
    duration_minutes: int | None
    purpose: str | None
    watchlist_size: int | None
    threshold: float | None
    alerts_total: int | None
    true_alerts: int | None
    true_alerts_confirmed: int | None
    true_alerts_unconfirmed: int | None
    false_alerts: int | None
    false_alerts_confirmed: int | None
    false_alerts_unconfirmed: int | None
    true_alert_engagements: int | None
    false_alert_engagements: int | None
    arrests: int | None
    other_disposals: int | None
    no_action: int | None
    faces_seen: int | None
    false_alert_rate_printed: str | None
    document_sha256: str
    document_url: str
    source_page: int
    source_row: int

    def to_json_dict(self) -> dict[str, Any]:
        """The row as JSON-ready values (ISO date), keys in contract order."""
        out = asdict(self)
        out["deployment_date"] = self.deployment_date.isoformat()
        return out


DEPLOYMENT_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Deployment))


@dataclass(frozen=True)
class PurposeReference:
    """One entry of a document's own legend of purpose codes / use cases."""

    legend_no: int  # 1-based position of the legend table in the document
    legend_kind: str  # 'purpose' or 'use_case', from the legend's header
    code: str
    meaning: str
    policy_reference: str | None
    source_page: int


@dataclass(frozen=True)
class MetDocument:
    """Everything extracted from one version of one Met deployment record."""

    url: str
    sha256: str
    title: str | None
    pages: int
    deployments: list[Deployment] = field(default_factory=list)
    purpose_references: list[PurposeReference] = field(default_factory=list)


@dataclass(frozen=True)
class DocumentLink:
    """A link to a deployment-record PDF found on an index page (or configured)."""

    url: str
    label: str | None
    found_on: str | None  # the index page URL, or None for configured documents
