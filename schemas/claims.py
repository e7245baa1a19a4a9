"""The shape of a figure claim stated in a Mayor's answer.

Owns the claim record and its two vocabularies (metrics, qualifiers), as
described in ARCHITECTURE.md ("Claim shape"). No parsing here: the
extractor is `scrapers/claims.py`, pinned by `tests/test_claims.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

# One vocabulary: the deployment column names where one exists.
METRICS: dict[str, str] = {
    "deployments": "number of LFR deployments (completed ones unless the sentence says otherwise)",
    "faces_seen": "faces scanned, seen or processed by the system",
    "alerts_total": "system alerts (matches against the watchlist), true and false together",
    "true_alerts": "alerts that correctly matched a person on the watchlist",
    "false_alerts": "alerts that misidentified someone (false alerts, false positives, misidentifications)",
    "engagements": "people stopped or engaged by officers after an alert",
    "false_alert_engagements": "people stopped or engaged after a false alert (misidentified and stopped)",
    "arrests": "arrests (the 2020-22 records count arrests and other disposals together)",
    "watchlist_size": "people or images on the watchlist",
    "false_alert_rate_per_face": "false alerts divided by faces seen, as a fraction (0.0008, not 0.08%)",
    "false_alert_rate_per_alert": "false alerts divided by all alerts, as a fraction (0.875)",
    # Extension: answers quote "a false alert rate of 0.08%" without saying
    # per what. Choosing a denominator would be a guess, and SOURCES.md §3 shows
    # the two disagree by orders of magnitude; a person or a rule that knows the
    # source's definition decides.
    "false_alert_rate": "a false-alert rate whose denominator the sentence does not state, as a fraction",
}

# qualifier -> the range it makes from a stated number N (ARCHITECTURE.md).
QUALIFIERS: dict[str, str] = {
    "exact": "[N, N]",
    "more_than": "[N+1, null] ('more than', 'over', 'in excess of'); rates: the next value at the printed precision",
    "at_least": "[N, null] ('at least', 'no fewer than', 'N or more')",
    "fewer_than": "[null, N-1] ('fewer than', 'less than', 'under'); rates: the previous value at the printed precision",
    "at_most": "[null, N] ('up to', 'no more than', 'N or fewer')",
    "approximately": "[0.95N, 1.05N] rounded outwards ('around', 'about', 'approximately', 'roughly', 'some')",
    "nearly": "[0.95N, N] ('nearly', 'almost', 'just under')",
    # Extension: "between 4,000 and 5,000 faces" states both bounds.
    "between": "[N, M] ('between N and M')",
}


@dataclass(frozen=True)
class Claim:
    """One figure stated in an answer: metric, value range, period and scope.

    `low` / `high` None is an open bound; `period_start` / `period_end` None
    is unknown (never open). `sentence` is the answer's exact sentence.
    """

    metric: str
    low: float | int | None
    high: float | int | None
    qualifier: str
    period_start: date | None
    period_end: date | None
    locations: tuple[str, ...]
    scope_text: str | None
    sentence: str

    def __post_init__(self) -> None:
        if self.metric not in METRICS:
            raise ValueError(f"unknown claim metric {self.metric!r}; known: {sorted(METRICS)}")
        if self.qualifier not in QUALIFIERS:
            raise ValueError(f"unknown claim qualifier {self.qualifier!r}; known: {sorted(QUALIFIERS)}")
        object.__setattr__(self, "locations", tuple(self.locations))

    def to_json_dict(self) -> dict[str, Any]:
        """The claim as JSON-ready values: ISO dates, locations as a list."""
        return {
            "metric": self.metric,
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier,
            "period_start": self.period_start.isoformat() if self.period_start else None,
            "period_end": self.period_end.isoformat() if self.period_end else None,
            "locations": list(self.locations),
            "scope_text": self.scope_text,
            "sentence": self.sentence,
        }
