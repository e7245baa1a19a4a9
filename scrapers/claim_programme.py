"""A pilot's or trial's start, named anywhere in a statement, as the period of figures about it.

"More than 100 wanted criminals have been arrested within the first three
months of a pioneering LFR pilot in Croydon. … The pilot, which ran from
October, has helped drive down crime …": the figures about the pilot run
from its start (October) to the statement, or over the first months named.
Only a figure with no period of its own, in a sentence naming the pilot,
takes it; only one start may be named. Pure.
Proof: tests/test_passages_clauses.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from schemas.claims import Claim
from scrapers.claim_frame import Frame
from scrapers.claim_frame_spans import opening_span
from scrapers.claim_phrases import scope_phrases
from scrapers.sentences import Sentence

PROGRAMME = re.compile(r"(?i)\b(?:pilot|trial|scheme|programme)\b")


def programme_start(sentences: list[Sentence], statement_date: date | None,
                    not_after: date | None = None) -> tuple[int, Frame] | None:
    """The one sentence that says when the pilot began ("The pilot, which ran from October, …"), with the period
    from then to the statement; None when no sentence or more than one does."""
    found = []
    for sentence in sentences:
        if not PROGRAMME.search(sentence.text):
            continue
        phrases = scope_phrases(sentence.text, statement_date, not_after)[2]
        starts = [p for p in phrases if p.kind == "since" and p.first and p.last
                  and PROGRAMME.search(sentence.text[max(0, p.start - 80):p.start])]
        found += [(sentence, p) for p in starts]
    if len(found) != 1:
        return None
    sentence, p = found[0]
    return sentence.index, Frame(p.first, p.last, sentence.text[p.start:p.end].strip(), "sentence", "since")


def dated_by_programme(claims: list[Claim], start: tuple[int, Frame] | None, statement_date: date | None,
                       not_after: date | None = None) -> list[Claim]:
    """Each claim with no period of its own whose sentence names the pilot, given the period from the pilot's start
    (or its first months: "within the first three months of a … pilot")."""
    if start is None:
        return claims
    index, frame = start
    out = []
    for c in claims:
        if c.period_start is None and c.sentence_index != index and PROGRAMME.search(c.sentence) \
                and c.period_source in (None, "statement_date"):
            first, last, words = frame.first, frame.last, frame.period_words
            months = next((p for p in scope_phrases(c.sentence, statement_date, not_after)[2]
                           if p.kind == "first_span_months"), None)
            if months is not None and (opening := opening_span(frame, months, frame.last)):
                (first, last), words = opening, f"{words}; {c.sentence[months.start:months.end].strip()}"
            c = replace(c, period_start=first, period_end=last, period_words=words, cumulative=False,
                        period_source="later_sentence" if index > c.sentence_index else "earlier_sentence")
        out.append(c)
    return out
