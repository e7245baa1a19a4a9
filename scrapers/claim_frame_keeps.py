"""Whether the places in hand carry into a figure's new period, and words that point back to them.

Owns "deployed there" and "in that borough" (the place named before), days
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
    # "… at Tooting Broadway on two occasions in March 2024 … the correct figure is three, on 5, 12 and 21 March": days
    # named one by one inside the period in hand are days there
    if listed and frame.first and frame.last and frame.first <= first and last <= frame.last:
        return True
    if frame.breakdown and frame.breakdown[0] <= first and last <= frame.breakdown[1]:
        return True
    return bool(frame.first and frame.last and frame.first <= first and last <= frame.last
                and (frame.places_origin == "question" or frame.topic
                     or (frame.places_origin == "sentence" and frame.period_origin in ("question", "title"))))
