"""Figures dated by a later sentence: a story's opening figures, and the scene the next paragraph sets.

Owns when a sentence's undated claims take the days a later sentence names:
a lede with no period ("Thirty people were arrested … over the festive
period. ¶ Between Friday 20 December and …"), a present perfect only the
statement's date bounded ("Seven people have been arrested after officers
used LFR in Walthamstow. ¶ The deployment, … on Thursday (13 March), …"),
and on an undated page a lede's "last week", "yesterday" or weekday that
has no day to count from, when the later days are a week or less and hold
the weekday named. Never a running total ("have now been arrested", "since
it resumed use"). Pure. Proof: tests/test_passages.py,
tests/test_passages_real_shapes.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from schemas.claims import Claim
from scrapers.claim_cues import RUNNING_TOTAL
from scrapers.claim_frame import Frame
from scrapers.claim_period_patterns import WEEKDAY_NAME, WEEKDAYS

# "over the festive period", "in the run-up to Christmas": a season a later sentence may give the days of
_SEASON = re.compile(r"(?i)\b(?:festive (?:period|season)|run-up to christmas|school (?:summer )?holidays|half[- ]term|"
                     r"heatwave)\b")


def season_only(first: date | None, last: date | None, period_words: str | None) -> bool:
    """Whether a period is only a season named without its days ("over the festive period")."""
    return first is None and last is None and bool(_SEASON.search(period_words or ""))


# an undated page's "during a deployment in Romford last week": days a later sentence may name
_SHORT_RELATIVE = re.compile(rf"(?i)(?:(?:last|this|over\s+the|at\s+the)\s+(?:week|weekend)|(?:on\s+)?(?:yesterday|today|"
                             rf"{WEEKDAY_NAME}))")


def unresolved_days(claim: Claim) -> bool:
    """Whether a claim's own period is a few days counted from a statement date the page does not give."""
    return claim.period_source == "sentence" and claim.period_start is None and claim.period_end is None \
        and bool(claim.period_words) and bool(_SHORT_RELATIVE.fullmatch(claim.period_words.strip()))


def _weekday_within(words: str, first: date, last: date) -> bool:
    """Whether the weekday `words` name (if any) falls between `first` and `last`: "on Tuesday" is not 3 October 2024."""
    named = re.search(rf"(?i){WEEKDAY_NAME}", words)
    if named is None:
        return True
    want = WEEKDAYS[named[0].lower()]
    return any((first + timedelta(days=k)).weekday() == want for k in range((last - first).days + 1))


def date_back(claims: list[Claim], index: int, frame: Frame, perfect: bool = False) -> list[Claim]:
    """The undated claims of sentence `index`, dated by the frame a later sentence set; with `perfect`, so is a
    present perfect that only the statement's date bounded, when the later sentence names days ("Seven people have
    been arrested after officers used LFR in Walthamstow. ¶ The deployment, … on Thursday (13 March), …"), though not
    a running total ("have now been arrested", "since it resumed use")."""
    if frame.period_origin != "sentence" or frame.first is None:
        return claims
    perfect = perfect and frame.last is not None and (frame.last - frame.first).days < 7
    out = []
    for c in claims:
        # (only dates said as a span give a season's days: "This week alone" or "On Friday" is a part of it)
        season = c.period_source == "sentence" and season_only(c.period_start, c.period_end, c.period_words) \
            and frame.period_kind == "range" and not frame.is_day
        # (an undated "last week" takes days a later sentence names, not a year: "In 2024, LFR was used …")
        days = unresolved_days(c) and frame.last is not None and (frame.last - frame.first).days < 7 \
            and _weekday_within(c.period_words, frame.first, frame.last)
        if c.sentence_index == index and (c.period_source is None or season or days
                                          or perfect and c.period_source == "statement_date"
                                          and c.cumulative
                                          and not RUNNING_TOTAL.search(c.sentence)
                                          and not re.search(r"(?i)\bsince\b", c.sentence)):
            # ("… over the festive period. ¶ Between Friday 20 December and …": the season's days)
            c = replace(c, period_start=frame.first, period_end=frame.last, period_source="later_sentence",
                        period_words=f"{c.period_words}; {frame.period_words}" if season else frame.period_words)
            if not c.locations and frame.places:
                c = replace(c, locations=frame.places, place_words=frame.place_words, places_source="later_sentence")
        out.append(c)
    return out
