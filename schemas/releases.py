"""The shape of a Met news release as read from its page (scrapers/met_news/release.py → warehouse).

Shapes only: no parsing, no SQL, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Release:
    url: str  # as requested
    title: str
    published: date | None  # the statement's date for its claims
    text: str  # the main text, paragraphs separated by blank lines
    extractor: str  # what took the text from the page, e.g. 'trafilatura 2.3.1'
