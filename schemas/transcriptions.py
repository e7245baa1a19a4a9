"""A spreadsheet transcribed by hand from the Met's deployment records: its shape, and the place key both sides use.

Owns the typed rows `scrapers/transcription.py` reads out of a file and
`warehouse/transcription.py` checks against the records, the list of
figures a transcription may carry (`FIELDS`, the columns of
schemas/transcription_headers.csv). Places are compared by
schemas/places.py's `place_key`, the key of a deployment id's place part.

Must not: read files, parse cells, or touch the warehouse.
Proof: tests/test_compare.py (test_report_*).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


# The figures a transcription may carry, in report order (deployment columns: docs/data-model.md).
FIELDS: tuple[str, ...] = (
    "watchlist_size", "faces_seen", "alerts_total", "true_alerts", "false_alerts", "arrests", "other_disposals",
    "no_action",
)
REQUIRED: tuple[str, ...] = ("deployment_date", "location")


@dataclass(frozen=True)
class TranscribedRow:
    """One data row of the file: its number as a spreadsheet shows it (the header row is 1 when it comes first)."""

    row: int
    deployment_date: date
    location: str
    figures: dict[str, int | None]  # only the FIELDS the file has a column for; None is blank, N/A or "-"


@dataclass(frozen=True)
class Transcription:
    file_name: str
    sha256: str
    columns: dict[str, str]  # header as written → field (columns worded as `ignore` left out)
    rows: list[TranscribedRow] = field(default_factory=list)

    @property
    def fields(self) -> tuple[str, ...]:
        """The figures this file carries, in FIELDS order."""
        return tuple(f for f in FIELDS if f in self.columns.values())
