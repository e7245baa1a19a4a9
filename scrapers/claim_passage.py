"""Corrections a whole passage makes to the claims read sentence by sentence.

Owns what only the passage as a whole shows: a footnote line that defines
("5 Arrests following an LFR alert; …" after "… 215 arrests.5"); a
headline's places that are shorthand for a story naming more places on the
same days; a span pointed back to by its length ("over the three months")
that is the latest earlier period of that length, not the one named last;
a set wider than the places carried over ("Across yesterday's two
deployments" when one of yesterday's places was carried over). Used by the
passage reader (scrapers/claims.py). Pure.
Proof: tests/test_passages_official.py.
"""

from __future__ import annotations

import re
from dataclasses import replace

from schemas.claims import Claim
from scrapers.claim_frame import same_place, within
from scrapers.claim_period_patterns import SPAN_WORDS
from scrapers.claim_periods import Phrase
from scrapers.claim_words import Figure


def title_places_widened(claims: list[Claim]) -> list[Claim]:
    """A headline's places are shorthand when the story names other places for the same days ("… arrests in East
    Ham and Woolwich" over a story that also has Camberwell Green): a figure given for the days alone, placed only
    by the headline, is then for all of them."""
    out = []
    for c in claims:
        if c.places_source == "title" and c.period_start and c.period_end and any(
                o.places_source == "sentence" and o.period_start and o.period_end and c.period_start <= o.period_start
                and o.period_end <= c.period_end and any(not any(same_place(p, t) or within(p, t) for t in c.locations)
                                                         for p in o.locations) for o in claims):
            c = replace(c, locations=(), place_words=None, places_source=None)
        out.append(c)
    return out


def footnote(sentence: str, text: str) -> bool:
    """Whether a sentence is a footnote: it opens with a number the text uses as a marker ("… arrests.5 Of these")."""
    m = re.match(r"\[?(\d{1,2})\]?\s+[A-Z]", sentence)
    return bool(m) and bool(re.search(rf"[a-z%)][.,;]\[?{m[1]}\]?\s|\[{m[1]}\]", text.replace(sentence, "")))


_SPAN = re.compile(r"(?i)\b(?:those|these|the)\s+(?:same\s+)?(two|three|four|five|six|nine|twelve|\d{1,2})\s+(months|weeks)\b")


def set_wider_than_places(claims: list[Claim], counted: list[Figure]) -> list[Claim]:
    """ "Across yesterday's two deployments, around 21,000 faces were scanned." when only one place of yesterday was
    carried over: the set is more than those places, so its figures are for the days alone."""
    sizes = [int(f.number.value) for f in counted if f.metric == "deployments"]
    if not sizes:
        return claims
    return [replace(c, locations=(), place_words=None, places_source=None)
            if c.places_source not in (None, "sentence") and 0 < len(c.locations) < max(sizes) else c for c in claims]


def span_named_before(claims: list[Claim], earlier: list[Claim], phrases: list[Phrase], text: str) -> list[Claim]:
    """ "Between 1 September and 30 November … In October there were 18 deployments. In Croydon town centre,
    officers deployed the cameras six times over the three months": a span pointed back to by its length is the
    latest earlier period of that length, not the one named last."""
    span = next((m for p in phrases if p.anaphor and p.is_period and (m := _SPAN.search(text[p.start:p.end]))), None)
    if span is None:
        return claims
    n = int(span[1]) if span[1].isdigit() else SPAN_WORDS[span[1].lower()]
    days = n * (30.4 if span[2].lower() == "months" else 7)
    match = next((c for c in reversed(earlier) if c.period_start and c.period_end
                  and abs((c.period_end - c.period_start).days + 1 - days) <= max(3, n * 1.5)), None)
    if match is None:
        return claims
    return [replace(c, period_start=match.period_start, period_end=match.period_end,
                    period_words=match.period_words, period_source="earlier_sentence")
            if c.period_source not in ("sentence", None) and (c.period_start, c.period_end)
            != (match.period_start, match.period_end) else c for c in claims]
