"""Which of a sentence's scope phrases reach each of its figures.

Owns, for a sentence with several figures, which part scopes which figure
("in the 2023/24 financial year …, resulting in 312 arrests and three
false alerts, and … in the 2024/25 financial year …"): a part without a
figure frames the next one, a following part of places only continues the
figure's own, what follows a dash or a colon spells a figure out, places
after a semicolon belong to that clause's figure, a part that only
compares keeps its own period. Pure. Proof: tests/test_passages.py,
tests/test_passages_clauses.py.
"""

from __future__ import annotations

import re

from scrapers.claim_asides import in_example
from scrapers.claim_numbers import NUMBER_WORD
from scrapers.claim_periods import Phrase
from scrapers.claim_sentence_parts import ASIDE, comparisons, sentence_parts

_CONTRAST = re.compile(r"(?i)\b(?:compared|comparison|versus|against|whereas|while|than|up from|down from)\b")


def later_clause_places(masked: str, phrases: list[Phrase], at: int, figures: list[int]) -> list[Phrase]:
    """The places named after a semicolon that follows the figure at `at`, in a clause with a figure of its own: that
    figure's, not this one's ("The three deployments generated 29 alerts; two, both in Kingston, were false")."""
    semis = [m.start() for m in re.finditer(";", masked)] + [len(masked)]
    out = []
    for a, b in zip(semis, semis[1:]):
        if a > at and (any(a < f < b for f in figures)
                       # "13 alerts led to five arrests; the rest were made at Clapham Junction": the rest's place
                       or re.match(r"(?i);\s*(?:and\s+)?the\s+(?:rest|others|remainder|remaining\s+\w+)\b", masked[a:])):
            out += [p for p in phrases if p.kind == "location" and a < p.start < b]
    # "18 alerts led to eight arrests, and one alert – on North End – was a false alert": an aside after a later
    # figure says where that one was
    for m in ASIDE.finditer(masked):
        if any(at < f < m.start() for f in figures):
            out += [p for p in phrases if p.kind == "location" and m.start() <= p.start < m.end() and p not in out]
    return out


def _when_after_dash(masked: str, claim: int, claims: list[int], phrases: list[Phrase]) -> list[Phrase]:
    """The periods after a dash that a later figure's "when" clause is dated by ("That was 18 alerts …, and it was
    the second time – the first was on Friday the 11th, when we made seven arrests"): not the claim's before."""
    if not (dash := re.search(r"\s[–—]\s", masked[claim:])) or ASIDE.search(masked[claim:]):
        return []
    after = claim + dash.end()
    return [p for p in phrases if p.is_period and p.start >= after and (when := re.match(
        r"[\s,]*(?:when|where)\b[^.;]*", masked[p.end:])) and any(
        p.end <= other < p.end + when.end() for other in claims if other != claim)]


def figure_scope(masked: str, claim: int, claims: list[int], phrases: list[Phrase]) -> list[Phrase]:
    """The scope phrases for the claim at `claim`: all of them, or those of its part of the sentence."""
    chosen = _figure_scope(masked, claim, claims, phrases)
    return chosen + [p for p in _after_the_list(masked, claim, phrases) if p not in chosen]


def _after_the_list(masked: str, claim: int, phrases: list[Phrase]) -> list[Phrase]:
    """ "LFR was deployed in Croydon (9), Southwark (5) and Lewisham (3) last month": the period said after a list of
    places each with its count is every item's, when the list names no period inside it."""
    splits = [p for p in phrases if p.kind == "location" and p.split]
    if len(splits) < 2 or not splits[0].start <= claim or re.search(r"[.;:]", masked[splits[0].start:claim]):
        return []
    after = [p for p in phrases if p.is_period and p.start > splits[-1].end]
    if not after or any(p.is_period and p.start < splits[-1].end for p in phrases) \
            or re.search(r"[.;:\d#]|\b(?:compared|than|from|versus)\b",
                         re.sub(r"^\s*\([^()]*\)", "", masked[splits[-1].end:after[0].start])) \
            or claim > after[0].start:
        return []  # (not when the list has a period of its own, nor "…, compared with 50 in 2023")
    return after


def _figure_scope(masked: str, claim: int, claims: list[int], phrases: list[Phrase]) -> list[Phrase]:
    # "318 deployments, up from 231 in the previous twelve months": what only compares scopes only its own part
    compares = comparisons(masked, sentence_parts(masked, phrases))
    if compares and not any(a <= claim < b for a, b in compares):
        phrases = [p for p in phrases if not any(a <= p.start < b for a, b in compares)]
    if later := later_clause_places(masked, phrases, claim, claims):
        phrases = [p for p in phrases if p not in later]
    if theirs := _when_after_dash(masked, claim, claims, phrases):
        phrases = [p for p in phrases if p not in theirs]
    if _TOGETHER.search(masked) and not any(p.kind == "location" and p.split for p in phrases):
        # "two deployments in the borough, on Lewisham High Street and in Catford, which together led to nine arrests":
        # the count and what the places led to together are the whole list's
        return phrases
    periods = [p for p in phrases if p.is_period]
    # "2022/23 (from July 2022)": periods side by side name one period
    period_groups = sum(1 for a, b in zip([None] + periods, periods) if a is None or masked[a.end:b.start].strip(" ,()"))
    if all(sum(p.kind == k for p in phrases) <= 1 for k in ("location", "selection")) and period_groups <= 1:
        return phrases
    # A part without a claim frames the next one ("At Stratford on 11 February and at Oxford Circus on ...,
    # 13,200 faces"); a last part without one is an elliptical comparison ("... compared with 2 in 2019").
    # A following part with places only continues the claim's own ("at X and in the vicinity of Y").
    start, last_scope = 0, []
    parts = sentence_parts(masked, phrases)
    compares = comparisons(masked, parts)
    for i, (a, b) in enumerate(parts):
        if any(a <= c < b for c in claims):
            if a <= claim < b:
                dashes = [start + m.start() for m in re.finditer(r"\s[–—]\s", masked[start:claim])]
                if dashes and any(start <= c < dashes[-1] for c in claims) and not ASIDE.search(masked[start:]):
                    start = dashes[-1]  # "six times – once in January": the whole's period is not the part's
                colon = None  # where a colon spelling the figure's places out begins
                for a2, b2 in parts[i + 1:]:
                    mine = [p for p in phrases if a2 <= p.start < b2]
                    # "… in Romford on Saturday (8 March) and in Ilford yesterday": another place with its day
                    place_and_day = re.match(r",?\s+and\s", masked[a2:]) and any(p.kind == "location" for p in mine)
                    # "three times in Stratford this month – on Stratford Broadway on Thursday 3 April and again on
                    # Tuesday 15 April, and outside Westfield …": what follows a dash spells the figure out
                    # (or a colon, for its places: "4 times last week: Tuesday at Oxford Circus …, Thursday on …")
                    colon = colon if colon is not None else (a2 if re.search(r":\s", masked[claim:a2 + 2]) else None)
                    dash = re.search(r"\s[–—]\s", masked[claim:a2]) if not ASIDE.search(masked[claim:]) else None
                    spelled_out = dash or colon is not None
                    # ("six times – once in January, …": the dash spells the figure out, its periods are the parts')
                    colon = claim + dash.start() if colon is None and dash and _COUNTED_PART.search(
                        masked[claim + dash.end():b2]) else colon
                    if place_and_day and (led := _LED_TO.search(masked, a2, b2)) and any(a2 <= c < b2 for c in claims) \
                            and not any(a2 <= c < led.start() for c in claims):
                        # "twice, on North End on 27 February and at West Croydon on 5 March, resulting in 15 arrests":
                        # the last place and day of the list, before what they led to
                        b = led.start()
                        break
                    if any(a2 <= c < b2 for c in claims) or not mine or (any(p.is_period for p in mine)
                                                                         and not place_and_day and not spelled_out) \
                            or (not spelled_out and any(not any(p.start <= a2 + m.start() < p.end for p in phrases)
                                                        for m in _A_COUNT.finditer(masked[a2:b2]))):
                        break  # (", and on Powis Street, where five people were held": that place's own count)
                    b = b2
                own = [q for q in phrases if q.is_period and start <= q.start < (colon or b)]
                # (the figure keeps its own period: "So far this year … twice: at Stratford on 11 February and …";
                # within a week, the days named: "four times this week: on Deptford High Street on Wednesday, …")
                mine = [p for p in phrases if start <= p.start < b and not (
                    colon is not None and p.start >= colon and p.is_period and any(
                        not (q.first and q.last) or (q.last - q.first).days > 7 for q in own))]
                if (a, parts[i][1]) in compares and not any(p.is_period for p in mine) and i + 1 < len(parts) \
                        and re.match(r",?\s+and\s", masked[parts[i + 1][0]:]) and (nxt := [
                            p for p in phrases if p.is_period and parts[i + 1][0] <= p.start < parts[i + 1][1]]):
                    return mine + nxt  # "compared with 63 deployments and 175 arrests in 2023/24": both in 2023/24
                if all(p.kind == "as_of" for p in mine if p.is_period) \
                        and (earlier := [p for p in phrases if p.is_period and p.end <= start and not in_example(masked, p)
                                         and not any(a3 <= p.start < b3 for a3, b3 in compares)]) \
                        and not _CONTRAST.search("".join(  # a part that only compares is set aside
                            masked[max(a3, earlier[-1].end):min(b3, start)] for a3, b3 in parts
                            if (a3, b3) not in compares and a3 < start and b3 > earlier[-1].end)):
                    # "in the 2023/24 financial year it deployed LFR 96 times, resulting in 312 arrests and three false
                    # alerts": a part with no period of its own (or only where it stopped: "by the end of October")
                    # continues the one before it
                    mine = [p for p in earlier if p.start >= earlier[-1].start] + mine
                if not [p for p in phrases if start <= p.start < b and not (p.kind == "selection" and p.anaphor)] \
                        and last_scope \
                        and re.match(rf"(?i),?\s+(?:and\s|(?:\d[\d,]*|{NUMBER_WORD})\s+of\s+(?:them|these|those|which)\b)",
                                     masked[start:]):
                    # "Redbridge saw nine alerts and five arrests", "… produced eight alerts, seven of them false": the
                    # five, the seven have the scope of the part before
                    return last_scope + ([] if any(p.is_period for p in last_scope) else [
                        p for p in phrases if p.is_period and p.end <= start
                        and not any(a3 <= p.start < b3 for a3, b3 in compares)])
                listed = [p for p in mine if not p.is_period or p.start >= start]
                if start < a and listed and all(p.kind == "location" and p.start < a for p in listed) \
                        and any(p.kind == "location" for p in last_scope) and re.match(r",\s+and\s", masked[a:]):
                    # "deployed in Lewisham three times, on Deptford High Street and on Lewisham High Street, and 12
                    # people had been arrested": the places listed after the figure before spell out its scope, which
                    # the 12 share
                    return last_scope + [p for p in mine if p not in last_scope]
                return mine
            last_scope = [p for p in phrases if start <= p.start < b and not in_example(masked, p)] or last_scope
            start = b
    return []


_COUNTED_PART = re.compile(rf"(?i)\b(?:once|twice|(?:\d+|{NUMBER_WORD})\s+times)\b")
_TOGETHER = re.compile(r"(?i),\s+which\s+(?:together|between\s+them|in\s+all|combined)\s+"
                       r"(?:led|resulted|generated|produced)\b")
_LED_TO = re.compile(r"(?i),\s+(?:resulting\s+in|leading\s+to|which\s+led\s+to)\s")
_A_COUNT = re.compile(rf"(?i)(?<![\w#])(?:\d[\d,]*|{NUMBER_WORD})\b(?!\s*(?:%|per\s*cent))")
