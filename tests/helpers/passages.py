"""Reading a passage in a test: a day from its ISO text, and each claim as a short tuple.

Shared by the passage reader's tests (tests/test_passages_scope.py, tests/test_passages_clauses.py).
"""

from __future__ import annotations

from datetime import date

from scrapers.claims import extract_claims


def D(text: str) -> date:
    return date.fromisoformat(text)


def got(text: str, statement: str) -> list[tuple]:
    """Each claim of `text` stated on `statement`: (metric, low, first day, last day, places), days as ISO text."""
    return [(c.metric, c.low, c.period_start.isoformat() if c.period_start else None,
             c.period_end.isoformat() if c.period_end else None, c.locations) for c in extract_claims(text, D(statement))]
