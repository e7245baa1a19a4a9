"""Counts of none stated without a number: "The MPS has not deployed LFR since February 2020", "did not deploy LFR in 2021".

Owns the negated present perfect of deploying: no deployments from just
after the point "since" names (the month, day or year that still had
deployments) up to the statement's date; none "on any protests" (a part of
the deployments the records do not mark: claim_subsets); "did not deploy LFR in
Hackney in 2024", "LFR has not been used in Hackney this year": none in the
period named after the place. "did not falsely identify anyone" is no false
alerts. "No arrests were made" and "did not lead to any arrests" are read
as zero counts by claim_figures. Pure.
Proof: tests/test_passages_spoken.py, tests/test_passages_real_shapes.py.
"""

from __future__ import annotations

import re
from decimal import Decimal

from scrapers.claim_numbers import Number
from scrapers.claim_periods import Phrase
from scrapers.claim_words import Figure

_NOT = r"(?:(?:has|have|had)\s+not|hasn['’]t|haven['’]t|hadn['’]t)"
_OBJECT = r"(?:\s+\[?(?:lfr|live facial recognition|facial recognition|the technology|it|any deployments)\]?)?"
# "We haven't used [LFR] on any protests so far": none at such events, a part the records do not mark
_NOT_AT_ANY = re.compile(rf"(?i)\b{_NOT}\s+(?:yet\s+)?(?:deployed|used)\b{_OBJECT}(?=\s+(?:on|at|during)\s+any\s+[a-z])")
_NOT_DEPLOYED = re.compile(rf"(?i)\b{_NOT}\s+(?:been\s+)?(?:deployed|used|carried out)\b{_OBJECT}"
                           # ("has not deployed LFR anywhere in London since February 2020")
                           r"(?=(?:\s+anywhere)?(?:\s+(?:in|at|on)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?\s+since\b)")


# "The MPS did not deploy LFR in 2021", "The technology was not used in 2021", "The cameras were not used over the Easter
# bank holiday weekend": none in the period named right after
_NOT_IN = re.compile(rf"(?i)\b(?:(?:did\s+not|didn['’]t)\s+(?:deploy|use)\b{_OBJECT}|"
                     r"(?:lfr|live facial recognition|facial recognition|the technology|the cameras|it)\s+(?:(?:was|were)\s+not|"
                     r"(?:has|have)\s+not\s+been)\s+(?:deployed|used)\b)(?:\s+at\s+all)?")  # ("LFR has not been used in …")


def not_deployed(masked: str, phrases: list[Phrase]) -> list[Figure]:
    """"has not deployed LFR since February 2020": no deployments since (from the day after the point "since" names,
    its phrase's `point_end`: scrapers/claims.py)."""
    out = []
    for m in _NOT_DEPLOYED.finditer(masked):
        if any(p.kind == "since" and 0 <= p.start - m.end() <= 60 and not masked[m.end():p.start].strip(" ,").count(",")
               for p in phrases):
            out.append(Figure(Number(m.start(), m.end(), Decimal(0)), "deployments", none_since=True))
    out += [Figure(Number(m.start(), m.end(), Decimal(0)), "deployments") for m in _NOT_AT_ANY.finditer(masked)]
    out += [Figure(Number(m.start(), m.end(), Decimal(0)), "deployments") for m in _NOT_IN.finditer(masked)
            if any(p.is_period and p.kind not in ("since", "to_date")
                   and (0 <= p.start - m.end() <= 3 or 0 <= p.start - _after_place(m.end(), phrases) <= 3)
                   for p in phrases)]
    return out


# "The trial … notably did not falsely identify anyone": no false alerts
_NONE_FALSE = re.compile(r"(?i)\b(?:did\s+not|didn['’]t|(?:has|have|had)\s+not|hasn['’]t|haven['’]t|never)\s+"
                         r"(?:falsely|wrongly|incorrectly|mistakenly)\s+(?:identif(?:y|ied)|match(?:ed)?|flag(?:ged)?)\s+"
                         r"(?:anyone|anybody|any(?:\s+members?\s+of\s+the\s+public|\s+one)|a\s+single\s+person)\b")


def none_false(masked: str) -> list[Figure]:
    """"did not falsely identify anyone": a count of no false alerts said without a number."""
    return [Figure(Number(m.start(), m.end(), Decimal(0)), "false_alerts") for m in _NONE_FALSE.finditer(masked)]


def _after_place(end: int, phrases: list[Phrase]) -> int:
    """Where the words after `end` go on once past a place named right there ("did not deploy LFR in Hackney in
    2024": the period after Hackney is the one named right after the verb)."""
    place = next((p for p in phrases if p.kind == "location" and 0 <= p.start - end <= 3), None)
    return place.end if place else end
