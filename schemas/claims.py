"""The shape of a figure claim stated in a Mayor's answer (or any statement).

Owns the claim record, its scope (which words set its period, places and
deployment selection, and where those words came from) and its
vocabularies (metrics, qualifiers, scope sources), as documented in
docs/claims.md. No parsing here: the reader is `scrapers/claims.py`,
pinned by `tests/test_claims.py` and `tests/test_passages.py`.
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
    # per what. Choosing a denominator would be a guess, and docs/sources.md §3 shows
    # the two disagree by orders of magnitude; a person or a rule that knows the
    # source's definition decides.
    "false_alert_rate": "a false-alert rate whose denominator the sentence does not state, as a fraction",
}

# How the records measure each metric: the deployment columns summed for it, and for a rate the columns summed
# for its denominator. The one map from metric to columns: warehouse/claim_scope.py reads these columns and
# warehouse/contradictions.py computes verdicts with it. A metric not here ("false_alert_rate") is not in the records.
MEASURES: dict[str, tuple[tuple[str, ...], tuple[str, ...] | None]] = {
    "deployments": ((), None),
    "faces_seen": (("faces_seen",), None),
    "alerts_total": (("alerts_total",), None),
    "true_alerts": (("true_alerts",), None),
    "false_alerts": (("false_alerts",), None),
    "false_alert_engagements": (("false_alert_engagements",), None),
    "engagements": (("true_alert_engagements", "false_alert_engagements"), None),
    "arrests": (("arrests",), None),
    "watchlist_size": (("watchlist_size",), None),
    "false_alert_rate_per_face": (("false_alerts",), ("faces_seen",)),
    "false_alert_rate_per_alert": (("false_alerts",), ("alerts_total",)),
}
# The columns any measure reads, in a fixed order.
MEASURED_COLUMNS: tuple[str, ...] = tuple(dict.fromkeys(
    c for numerator, denominator in MEASURES.values() for c in (*numerator, *(denominator or ()))))
# How a verdict says the records' figure was computed, where the metric's name does not say it.
DEFINITIONS: dict[str, str] = {
    "false_alert_rate_per_face": "false alerts ÷ faces seen",
    "false_alert_rate_per_alert": "false alerts ÷ all alerts",
    "deployments": "completed deployments (aborted ones excluded)",
}

# qualifier -> the range it makes from a stated number N (docs/architecture.md).
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


# Where the words that set a claim's period or places came from.
SCOPE_SOURCES: dict[str, str] = {
    "sentence": "the claim's own sentence",
    "earlier_sentence": "an earlier sentence of the same statement (the context frame)",
    "later_sentence": "the next sentence, when it refers back ('This action from officers on Tuesday, 23 January …')",
    "question": "the question the answer replies to",
    "title": "the question's or release's title",
    "statement_date": "no words: a running total up to the statement's date ('have now been arrested')",
}


@dataclass(frozen=True)
class Selection:
    """A named set of deployments: "the first two deployments" (count 2, ordinal 'first'), "at two sites" (2)."""

    words: str
    count: int | None
    ordinal: str | None  # 'first' | 'last' | None
    source: str

    def to_json_dict(self) -> dict[str, Any]:
        return {"words": self.words, "count": self.count, "ordinal": self.ordinal, "from": self.source}


@dataclass(frozen=True)
class Claim:
    """One figure stated in an answer: metric, value range, period and scope.

    `low` / `high` None is an open bound; `period_start` / `period_end` None
    is unknown (never open), except that a running total (`cumulative`) has
    no start. `sentence` is the statement's exact sentence, `sentence_index`
    its 1-based place among the statement's sentences. The scope fields say
    which words set the period and the places and where they came from
    (`SCOPE_SOURCES`); `subset` holds words that narrow the figure to
    something the records do not break down ("for shoplifting").
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
    period_words: str | None = None
    period_source: str | None = None
    place_words: str | None = None
    places_source: str | None = None
    selection: Selection | None = None
    cumulative: bool = False
    subset: str | None = None
    sentence_index: int | None = None

    def __post_init__(self) -> None:
        if self.metric not in METRICS:
            raise ValueError(f"unknown claim metric {self.metric!r}; known: {sorted(METRICS)}")
        if self.qualifier not in QUALIFIERS:
            raise ValueError(f"unknown claim qualifier {self.qualifier!r}; known: {sorted(QUALIFIERS)}")
        for source in (self.period_source, self.places_source, self.selection and self.selection.source):
            if source is not None and source not in SCOPE_SOURCES:
                raise ValueError(f"unknown scope source {source!r}; known: {sorted(SCOPE_SOURCES)}")
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
            "sentence_index": self.sentence_index,
            "scope": self.scope_json(),
        }

    def scope_json(self) -> dict[str, Any]:
        """Where the claim's scope came from: period, places, selection, running total, subset."""
        return {
            "period": {"words": self.period_words, "from": self.period_source},
            "places": {"words": self.place_words, "from": self.places_source},
            "selection": self.selection.to_json_dict() if self.selection else None,
            "cumulative": self.cumulative,
            "subset": self.subset,
        }
