"""Typed records for Mayor's Questions: a question page and a search page.

Owns the shapes only: no parsing, no SQL, no I/O. `Question.to_json_dict`
is the `lfrwatch parse-question` object of docs/architecture.md ("Command-line
contract") without `claims`, which the caller adds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Answer:
    """One answer on a question page, in page order (`position` is 1-based).

    `holding` marks a holding reply ("officers are drafting a response"):
    not an answer yet. `text` is the paragraphs and tables in page order,
    separated by blank lines, each table as tab-separated lines.
    """

    answered_by: str | None
    answer_date: date | None
    text: str
    paragraphs: list[str]
    tables: list[list[list[str]]]
    attachments: list[str]  # absolute URLs
    holding: bool
    position: int

    def to_json_dict(self) -> dict[str, Any]:
        """The contract's answer object (ISO date)."""
        return {
            "answered_by": self.answered_by,
            "answer_date": _iso(self.answer_date),
            "text": self.text,
            "holding": self.holding,
        }


@dataclass(frozen=True)
class Question:
    """One question page of either site era (`layout` is 'old' or 'new')."""

    url: str  # canonical
    title: str
    reference: str | None
    asked_by: str | None
    organisation: str | None
    asked_of: str | None
    meeting: str | None
    meeting_date: date | None
    question_text: str
    answers: list[Answer]
    layout: str

    def to_json_dict(self) -> dict[str, Any]:
        """The `parse-question` object without `claims`, keys in contract order."""
        return {
            "title": self.title,
            "reference": self.reference,
            "asked_by": self.asked_by,
            "organisation": self.organisation,
            "asked_of": self.asked_of,
            "meeting_date": _iso(self.meeting_date),
            "question_text": self.question_text,
            "url": self.url,
            "answers": [answer.to_json_dict() for answer in self.answers],
        }


@dataclass(frozen=True)
class SearchResult:
    """One result of the new site's find-an-answer search."""

    url: str  # absolute
    title: str
    reference: str | None
    asked_by: str | None
    meeting_date: date | None


@dataclass(frozen=True)
class SearchPage:
    """One page of search results; `page` counts from 0, as in the URL."""

    results: list[SearchResult]
    page: int


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None
