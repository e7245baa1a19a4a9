"""Whether the places in hand carry into a figure's new period, and words that point back to them.

Owns "deployed there" and "in that borough" (the place named before), a
part's place ("Of these, 14 were in Westminster": not the whole's, unless
the next sentence picks one of the part: "The most recent, …"), days
listed one by one ("on 5, 12 and 21 March"), and the rule for a new period
named without a place: a day or days there keep the frame's places, a wider
period that takes in the frame's zooms out, a period inside the one a
question asked about keeps the question's place. Reads a Frame
(claim_frame.py); pure. Proof: tests/test_passages_scene.py,
tests/test_passages_series.py.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from scrapers.claim_numbers import NUMBER_WORD
from scrapers.claim_periods import Phrase

if TYPE_CHECKING:
    from scrapers.claim_frame import Frame

# "We deployed there three times in March": the place named before
_THERE = re.compile(r"(?i)(?<!^)\bthere\b(?!\s+(?:is|are|was|were|have|has|had|will|would|be|been|being|remain|remains)\b)|"
                    r"\b(?:at|in) that (?:location|site|place|borough|town|town centre|area)\b|"
                    # "The busiest single deployment was on 5 December": one of those there
                    r"\bthe\s+(?:busiest|largest|biggest|quietest|best|most\s+\w+)\s+(?:single\s+)?(?:deployment|day)\s+"
                    r"(?:was|came)\b|"
                    # "The first two, both in April, accounted for six of them": the first of those there
                    r"^\W*the\s+(?:first|last|latest|earliest|final)\s+(?:two|three|four|five|six|\d{1,2}|one)\s*,|"
                    # "The last three deployments, on 22 January, 11 April and 22 April, generated 51 alerts": there
                    r"^\W*the\s+(?:first|last|latest|earliest|final|previous|most\s+recent)\s+(?:two|three|four|five|six|"
                    r"\d{1,2})\s+deployments\b(?!\s+(?:in|at|on|of)\s)|"
                    # "Across both April deployments, officers received 38 alerts": the two there, in that month
                    r"\bboth\s+(?:january|february|march|april|may|june|july|august|september|october|november|"
                    r"december)\s+deployments\b(?!\s+(?:in|at|on|of)\s)")


# "Of these, 14 were in Westminster", "14 of these deployments were in Westminster", "…, 61 of them in Westminster",
# "of which 14 were at Oxford Circus": a part's place, not the whole's (the whole in hand keeps its own)
_COUNT = rf"(?:\d[\d,]*|{NUMBER_WORD})"
_PART_PLACE = re.compile(rf"(?i)(?:\bof\s+(?:these|those|them|which|whom|the\s+[\d,]+\s+\w+)\s*,?\s+{_COUNT}|"
                         rf"\b{_COUNT}\s+of\s+(?:these|those|them|the\s+[\d,]+)(?:\s+(?:\w+\s+)?(?:deployments|arrests|alerts))?)"
                         r"\s+(?:(?:were|was|took\s+place|happened)\s+)?(?:(?:made|carried\s+out|held|recorded)\s+)?$")


def parts_place(text: str, place: Phrase) -> bool:
    """Whether a place phrase names where a part of the whole in hand was ("Of these, 14 were in Westminster")."""
    return bool(_PART_PLACE.search(text[max(0, place.start - 80):place.start]))


# "The most recent, on 11 February, …", "The first was on 3 May": one of the part named just before
_PICKS_ONE = re.compile(r"(?i)^\W*the\s+(?:most\s+recent|latest|last|first|earliest|busiest|largest|biggest|final|longest|"
                        r"second|quietest)\b(?!\s+(?:\w+\s+)?(?:year|month|week|quarter|financial|calendar|time)\b)")


def picks_one(text: str) -> bool:
    """Whether a sentence opens by picking one of the deployments just named ("The most recent, on 11 February")."""
    return bool(_PICKS_ONE.search(text))


def refers_to_place(text: str) -> bool:
    """Whether a sentence points back to the place named before ("deployed there", "in that borough")."""
    return bool(_THERE.search(text.strip()))


def days_listed(periods: list[Phrase]) -> bool:
    """Whether a figure's periods are days named one by one ("on 5, 12 and 21 March")."""
    days = [p for p in periods if p.is_period and not p.anaphor]
    return len(days) >= 2 and all(p.kind == "day" and p.first is not None and p.first == p.last for p in days)


def keeps_places(frame: Frame, first: date | None, last: date | None, said: str | None = None,
                 listed: bool = False) -> bool:
    """Whether figures for a new period of at most a week, named without a place, are still at the frame's places:
    a release about Tooting Broadway that goes on "On Tuesday, 5 March, the cameras generated 12 alerts" means
    Tooting Broadway, not every deployment in London that day. A longer period ("Compare that with 2024") stands
    alone."""
    if not (frame.places and first and last):
        return False
    # ("On Friday … at King's Cross and Westfield. This week the cameras have been used four times": a period
    # that takes in the frame's and is wider zooms out to every deployment in it)
    # (not "That's 10 arrests this week" after "… deployments in the East Area this week - South Street, Romford on
    # Tuesday and …": the week the frame was set in, said again)
    zooms_out = bool(frame.first and frame.last and first <= frame.first and frame.last <= last
                     and (first, last) != (frame.first, frame.last)
                     and not (said and frame.period_words and said.lower() in frame.period_words.lower()))
    if frame.places_origin in ("sentence", "title") and (last - first).days <= 6 and not zooms_out:
        return True
    # "How many … in Croydon town centre since the start of the financial year? — Three times since the start of
    # April …", "Croydon town centre is a good example. We went 15 times between January and March": a period
    # inside the one asked about (or set before the place was) keeps the place the question or sentence named
    if frame.places_origin == "question" and frame.asked and frame.asked[0] <= first and last <= frame.asked[1]:
        return True
    # "How many arrests … in Croydon since the permanent cameras went live? — Since the cameras went live on 1 October
    # 2025, there have been 93 arrests": a question with a place and no period it could date leaves the answer's
    # periods at its place
    if frame.places_origin == "question" and frame.asked is None and frame.first is None:
        return True
    # "… at Tooting Broadway on two occasions in March 2024 … the correct figure is three, on 5, 12 and 21 March": days
    # named one by one inside the period in hand are days there
    if listed and frame.first and frame.last and frame.first <= first and last <= frame.last:
        return True
    if frame.breakdown and frame.breakdown[0] <= first and last <= frame.breakdown[1]:
        return True
    return bool(frame.first and frame.last and frame.first <= first and last <= frame.last
                and (frame.places_origin == "question" or frame.topic
                     or (frame.places_origin == "sentence" and frame.period_origin in ("question", "title"))))
