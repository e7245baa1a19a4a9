"""What one sentence of a passage takes back from the sentences before it.

Owns four small readings: a figure said again ("Four of the seven were
wanted on recall" after "Seven people were arrested": the seven is no
second claim; "twice …, and the two deployments led to …": nor the two),
the figure that replaces an earlier answer's ("I gave the number of
deployments in March as 15; the correct figure is 16": March's), the day
"On the same day" means after a sentence about a span, and what a bare
"it's north of 700" counts after "it's led to just over 300 arrests". Used
by scrapers/claims.py. Pure. Proof: tests/test_passages_clauses.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from schemas.claims import Claim
from scrapers.claim_frame import Frame
from scrapers.claim_words import Figure

_OF_THE_BEFORE = re.compile(r"(?i)\bof\s+(?:the|these|those)\s+$")
_FRONTED = re.compile(r"(?i)^\W*of\s+(?:the|these|those|all(?:\s+the)?)\s+[\w,]+")
_SAME_DAY = re.compile(r"(?i)\b(?:on|later|earlier)\s+(?:that|the same)\s+day\b")
_IT_LED = re.compile(r"(?i)\bit(?:['’]s|\s+has|\s+had)\s+(?:now\s+|already\s+)?(?:led|resulted|helped)\b")
_IT_BARE = re.compile(r"(?i)\bit['’]s\s+(?:(?:north|south)\s+of|well\s+over|just\s+over|over|more\s+than|about|around|nearly|"
                      r"almost|roughly|at|on)?\s*(?:\d|a\s+thousand|one|two|three|four|five|six|seven|eight|nine|ten)")


def counted_again(counted: list[Figure], figures: list[Figure]) -> list[Figure]:
    """Counts inside a phrase, less those the sentence gave before it ("… twice in March, …, and the two deployments
    led to 12 arrests": the two is the twice again)."""
    return [f for f in counted if not any(g.metric == "deployments" and g.number.value == f.number.value
                                          and g.number.end <= f.number.start for g in figures)]


def wholes_again(figures: list[Figure], masked: str, text: str, said: dict) -> list[Figure]:
    """`figures` less a whole the passage stated before, named again inside its part's sentence ("Four of the seven
    (people arrested) were wanted on recall"); a fronted whole ("Of the 30 arrests, six …") stays a claim, as the
    real statements' readers count it."""
    return [f for f in figures if not ((f.restated or _OF_THE_BEFORE.search(masked[:f.number.start]))
                                       and said.get(f.number.value) == f.metric and not _FRONTED.match(text))]


def fronted_again(claims: list[Claim], earlier: list[Claim], text: str) -> list[Claim]:
    """A fronted whole the passage stated before ("Ten people were arrested in Peckham on Thursday … Of the ten people
    arrested following an alert, three …"): the first figure of the sentence and its parts, with the scope it was
    stated with."""
    if not claims or not earlier or not _FRONTED.match(text):
        return claims
    first = claims[0]
    said = next((c for c in reversed(earlier) if c.metric == first.metric and c.low == c.high == first.low == first.high
                 and c.period_source == "sentence"), None)
    if said is None or first.period_source == "sentence" or first.places_source == "sentence" or (
            first.period_start and first.period_end and said.period_start and said.period_end
            and first.period_start <= said.period_end and said.period_start <= first.period_end):
        return claims  # (a scene that still overlaps the whole's period has only been narrowed since: it stays)
    # (and its parts, "three were wanted on recall", unless they name a period or place of their own)
    return [replace(c, period_start=said.period_start, period_end=said.period_end, period_words=said.period_words,
                    period_source="earlier_sentence", locations=said.locations, place_words=said.place_words,
                    places_source="earlier_sentence" if said.locations else None)
            if c.period_source != "sentence" and c.places_source != "sentence" else c for c in claims]


def scope_of_replaced(claims: list[Claim], superseded: list[Figure], read: Callable[[Figure], Claim | None]) -> list[Claim]:
    """ "I gave the number of deployments in March as 15; the correct figure is 16": the figure that replaces an
    earlier answer's takes that figure's period and places (`read` reads a figure of the sentence as a claim)."""
    for old in superseded:
        said = read(replace(old, superseded=False))
        if said is None or said.period_source != "sentence":
            continue
        claims = [replace(c, period_start=said.period_start, period_end=said.period_end, period_words=said.period_words,
                          period_source=said.period_source, locations=said.locations or c.locations,
                          place_words=said.place_words or c.place_words, places_source=said.places_source or c.places_source)
                  if c.metric == old.metric and c.sentence_index == said.sentence_index and c.period_source != "sentence"
                  else c for c in claims]
    return claims


def back_to_the_day(frame: Frame, day: Frame | None, text: str) -> Frame:
    """ "… ten times since it was first used there on 7 December. On the same day, officers in Westminster …": the
    day the story was about (`day`, the frame of the last sentence about one day), not the span named since."""
    if day is None or frame.is_day or not _SAME_DAY.search(text):
        return frame
    return replace(frame, first=day.first, last=day.last, period_words=day.period_words, period_origin=day.period_origin,
                   period_kind=day.period_kind, cumulative=False)


def what_it_led_to(text: str, found: list[Claim], it_metric: str | None) -> str | None:
    """What "it" (the technology) was last said to have led to: "So far this year it's led to just over 300 arrests"
    gives arrests (a count of deployments said beside it is not what it led to)."""
    if found and _IT_LED.search(text):
        return next((c.metric for c in reversed(found) if c.metric != "deployments"), it_metric)
    return it_metric


def it_bare(text: str) -> bool:
    """Whether a sentence gives a bare figure about "it" ("In the past 12 months it's north of 700.")."""
    return bool(_IT_BARE.search(text))
