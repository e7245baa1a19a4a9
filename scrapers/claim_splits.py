"""Figures that split or repeat another figure of the same sentence.

Owns a split by place ("two were from the Lewisham deployment"), a
"respectively" list ("in Croydon, Lewisham and Sutton … 30, 22 and 14
deployments respectively"), a count in brackets ("Croydon (12), Lewisham (7)", "the most deployments (28)")
and an elliptical comparison ("118 deployments, compared with 83 in the
same period of 2024"): each takes its metric from the figure or the noun
it goes with. Pure. Proof: tests/test_passages.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from schemas.claims import Claim
from scrapers.claim_numbers import QUALIFIERS, Number
from scrapers.claim_periods import Phrase
from scrapers.claim_cues import CHANGED_TO
from scrapers.claim_words import METRICS, NOUNS, Figure

# "... two were from the Lewisham deployment": what lies between a number and the place it is split by.
# ("14 took place in Westminster", "six were held at Oxford Circus")
_SPLIT_GAP = re.compile(r"^\s+(?:(?:(?:were|was|came|being)\s+)?(?:(?:made|held|carried\s+out|recorded)\s+)?|"
                        r"(?:took\s+place|happened)\s+)(?:(?:from|at|in|on)\s+)?$")



# "compared with 83 in the same period of 2024", "up from 44 in Q1", "rose to 572 in 2024, from 37 the year before": the
# figure before, for another period
_COMPARED_BEFORE = re.compile(rf"(?:\bcompared (?:with|to)|\bcompares\s+(?:with|to)|\b(?:up|down) from|,\s+after|{CHANGED_TO}[^.;:]{{0,60}}?,\s+from)\s+"
                              rf"(?:(?:{QUALIFIERS})\s+)?$", re.I)
_AND_ANOTHER = re.compile(r"[^.;:#\d]{0,40}?,?\s+and\s+(?:(?:" + QUALIFIERS + r")\s+)?")
# "26 arrests during the week, with nine on Tuesday (3 June) alone": a part of the figure before, for a day or place
_WITH_BEFORE = re.compile(rf",\s+with\s+(?:(?:{QUALIFIERS})\s+)?$", re.I)
_WITH_AFTER = re.compile(r"^\s*(?:(?:in|at|on)\s+(?:the\s+)?[A-Z]|alone\b|$)")




def bracketed_metric(before: str, start: int, place_starts: set[int], last_metric: str | None) -> str | None:
    """A count in brackets after a place ("Croydon (12)") is the figure in hand split by place; after a metric's
    noun ("the most deployments (28)") it is that metric's."""
    m = re.search(r"([a-z][a-z -]{0,40}?)\s*\($", before)
    if m is None:
        return None
    words = m[1].split()
    for k in range(1, min(4, len(words)) + 1):
        noun = next((c for c, p in NOUNS if p.fullmatch(" " + " ".join(words[-k:]))), None)
        if noun in METRICS:
            return METRICS[noun]
    phrase_start = start - len(before) + m.start(1)
    if not any(phrase_start - 30 <= s < start for s in place_starts):
        return None
    # "more than a third of all arrests in the quarter: Croydon (97)": the sentence's last metric noun, else the
    # figure in hand
    spaced = " " + before  # the sentence's first word too ("Arrests were made in Croydon (9)")
    # "Arrests following an alert were made in Croydon (14)": the noun the verb is said of, not one inside its phrase
    if (subject := re.search(r"(?:^|[.;:]\s*)\s*(?P<noun>[a-z]+)\b[^.;:#()]{0,60}?\b(?:were|was)\s+(?:made|recorded|carried "
                             r"out|generated|conducted)\b[^.;:]*$", before)) and (
            noun := next((c for c, p in NOUNS if p.fullmatch(" " + subject["noun"])), None)) in METRICS:
        return METRICS[noun]
    if re.search(r"\b(?:(?:was|were|been|is|are)\s+(?:\w+\s+)?deployed|(?:deployed|used)\s+(?:lfr|live facial recognition|"
                 r"it|the technology|the cameras|the vans))(?:\s+(?:most|most often|mostly|mainly))?\s+(?:in|at|on)\b"
                 r"[^.;:()#]*\($", before):
        return "deployments"  # "LFR was deployed in Croydon (9), Southwark (5) …", "The MPS deployed LFR in Croydon (12)"
    named = [(w.start(), c) for w in re.finditer(r"\s", spaced) for c, p in NOUNS if p.match(spaced[w.start():])]
    return METRICS.get(max(named)[1]) if named and max(named)[1] in METRICS else last_metric



def splits_by_place(after: str, end: int, place_starts: set[int], own: int = 0) -> bool:
    """Whether a place phrase follows the number with nothing but "were from" between (after `own` characters
    of the number's own noun phrase, "of the arrests")."""
    return any(start > end + own and _SPLIT_GAP.match(after[own:start - end]) for start in place_starts)



def compared_figures(masked: str, numbers: list[Number], figures: list[Figure]) -> list[Figure]:
    """Numbers no other rule read that a comparison gives the metric of the figure before them."""
    taken = {f.number.start for f in figures}
    out = []
    for k, n in enumerate(numbers):
        if n.start in taken or n.kind != "count":
            continue
        # "up from 94 in December and 87 in November": the comparison goes on
        goes_on = out and k and out[-1].number is numbers[k - 1] and _AND_ANOTHER.fullmatch(
            masked[out[-1].number.end:n.start])
        if not (goes_on or _COMPARED_BEFORE.search(masked[:n.start]) or (
                _WITH_BEFORE.search(masked[:n.start]) and _WITH_AFTER.match(masked[n.end:].lstrip(" ")))):
            continue
        prior = max((f for f in figures + out if f.number.start < n.start), key=lambda f: f.number.start, default=None)
        if prior is not None:
            out.append(Figure(n, prior.metric))
    return out


def each_year(text: str, periods: list[Phrase]) -> list[tuple[date, date, str]]:
    """The periods of a sentence one by one, a list of years split into each year ("in 2023, 2024 and 2025": three)."""
    out = []
    for p in periods:
        years = re.findall(r"\b(?:19|20)\d\d\b", text[p.start:p.end])
        listed = p.kind == "range" and re.fullmatch(r"(?i)(?:in|during|for|over|across)\s+(?:19|20)\d\d\s+and\s+(?:19|20)\d\d",
                                                    text[p.start:p.end].strip())  # "in 2023 and 2024 respectively"
        if (p.kind == "year" or listed) and len(years) >= 2:
            out += [(date(int(y), 1, 1), date(int(y), 12, 31), y) for y in years]
        elif p.first and p.last:
            out.append((p.first, p.last, text[p.start:p.end].strip()))
    return out


def respectively(claims: list[Claim], places: list[Phrase], before: tuple[str, ...] = (),
                 periods: tuple[tuple[date, date, str], ...] = (), source: str | None = None,
                 drop: bool = True, own_periods: bool = False) -> list[Claim]:
    """"In Croydon, Lewisham and Sutton … 30, 22 and 14 deployments respectively": each figure of a metric listed
    as often as a place list has places takes its place, in order; with no place list in the sentence, the places
    named before (`before`: "Croydon and Westminster … Those deployments led to 166 and 118 arrests
    respectively"); with the periods a question asked about apart (`periods`: "in 2023 and in 2024"), each its
    period ("9 and 34 times respectively", and with `drop` False, "resulted in 17 and 88 arrests"), or with
    `own_periods` the sentence's own ("17, 180 and 246 times in 2023, 2024 and 2025 respectively"). A list that
    cannot be paired so is dropped: read whole, each figure would be compared with
    every place's records."""
    out = list(claims)
    for metric in dict.fromkeys(c.metric for c in claims):
        listed = [i for i, c in enumerate(claims) if c.metric == metric]
        if len(listed) < 2:
            continue
        names = next((p.places for p in places if len(p.places) == len(listed)), None) or (
            before if not places and len(before) == len(listed) else None)
        if names is None and (names := next((p.places for p in places if len(p.places) == len(listed) - 1 > 1), None)):
            # "Of the 180 deployments, 46 and 31 took place in Croydon and Newham respectively": the whole, then its
            # parts; the places are the parts', not the whole's
            whole = claims[listed[0]]
            out[listed[0]] = replace(whole, locations=tuple(p for p in whole.locations if p not in names),
                                     place_words=None if set(whole.locations) <= set(names) else whole.place_words)
            listed = listed[1:]
        if names is None and len(periods) == len(listed) and (own_periods or all(claims[i].period_source != "sentence"
                                                                                  for i in listed)):
            # "How many … in 2023 and in 2024?" — "9 and 34 times respectively": each figure its period, in order
            for k, i in enumerate(listed):
                out[i] = replace(claims[i], period_start=periods[k][0], period_end=periods[k][1],
                                 period_words=periods[k][2], period_source=source)
            continue
        for k, i in enumerate(listed):
            out[i] = replace(claims[i], locations=(names[k],), place_words=names[k]) if names else (
                None if drop else claims[i])
    return [c for c in out if c is not None]
