"""A sentence's scope phrases, and which of them reach each of its figures.

Owns finding a sentence's periods, places and selections (claim_periods,
claim_places) with what is not scope set aside: when a report was
published, when and where an offence happened; and, for a sentence with
several figures, which part of the sentence scopes which figure ("in the
2023/24 financial year …, resulting in 312 arrests and three false alerts,
and … in the 2024/25 financial year …"); "the same period of 2024" after
another year's period; and the counts inside a selection phrase ("the 12
pilot deployments"). Pure. Proof: tests/test_passages.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from scrapers.claim_exclusions import (NOT_REAL, earlier_answer, not_done, omitted, policy_limit, set_aside,
                                       someone_elses)
from scrapers.claim_figures import SEGMENT
from scrapers.claim_frame import Frame
from scrapers.claim_numbers import NUMBER_WORD, find_numbers, mask_non_figures
from scrapers.claim_cues import CHANGED_TO
from scrapers.claim_words import Figure
from scrapers.claim_period_patterns import BARE_QUARTER, NTH_DAY
from scrapers.claim_asides import in_example
from scrapers.claim_periods import Phrase, find_periods
from scrapers.claim_period_refs import weekday_the_nth
from scrapers.claim_places import find_locations, find_selections

_OFFENCE_TIME = re.compile(r"(?i)\bwanted\s+$|\b(?:(?:wanted|sought) (?:for|in connection with|on suspicion of)|convicted|jailed|sentenced|"
                           r"charged|imprisoned|recalled to prison|unlawfully at large|committed|fail(?:ed|ing) to appear|"
                           # "The assault took place in Thornton Heath in August 2021"
                           r"(?:assault|robbery|burglary|attack|offence|stabbing|murder|rape|theft|crime)s?\s+(?:took place|"
                           r"happened|occurred|(?:was|were) committed)|"
                           # "Three … were wanted for theft offences, and one for a robbery in Plumstead in 2022"
                           r"\b(?:one|two|three|four|five|another|others?|\d{1,3})\s+for\s+(?:an?\s+)?(?:\w+\s+){0,2}?"
                           r"(?:assault|robbery|burglary|attack|offence|stabbing|murder|rape|theft|fraud|crime)s?)\b"
                           r"(?:(?!\b(?:was|were|is|are|has|have|had|after|when)\b)[^,;.:()]){0,80}$")

_INCIDENT_TIME = re.compile(r"(?i)\b(?:incidents?|disorder|violence|brawl|fight|stabbing|attack)(?:\s+of\s+\w+)?"
                            r"(?:\s+(?:a|an|one|two|three|\d+)\s+(?:days?|weeks?|months?)\s+(?:earlier|before))?\s*\(?\s*$")

# "the National Police Chiefs' Council said today": when something was said, not what its figures cover
_TOOK_TOTAL = re.compile(r"(?i)(?:['’]s\s+(?:deployments|arrests|operations?))?\s+(?:(?:has|have|had)\s+)?(?:taken|takes?|took|"
                         r"brought|brings?|pushed|push(?:es)?|lifted|lifts?|raised|raises?)\s+(?:our|the|its|their)\s+"
                         r"(?:\w+\s+)?(?:total|tally|number|count)\b")
_SAID_ON = re.compile(r"(?i)\b(?:said|says|announced|stated|confirmed|revealed|released\s+the\s+following|issued\s+(?:the\s+"
                      r"following\s+|a\s+)?statement|in\s+a\s+(?:statement|release|press\s+release)(?:\s+issued)?)\s+$")
_SAID = re.compile(r"(?i)\b(?:said|says|announced|published|confirmed|revealed|stated|reported|told [\w'’ ]{1,40}?)\s*,?\s*$")
_CONTRAST = re.compile(r"(?i)\b(?:compared|comparison|versus|against|whereas|while|than|up from|down from)\b")

_QUOTES = {ord(c): " " for c in '"“”'}
_SUPERLATIVE = re.compile(r"(?i)\b(?:best|busiest|biggest|highest|largest|worst|quietest|record|most\s+\w+)\s+(?:\w+\s+){0,3}$")
_FIRST_SINCE = re.compile(r"(?i)\b(?:the|its|their)\s+first\b(?:(?!\b(?:and|but|was|were|is|are|has|have|had)\b)[^,.;:]){0,80}$")
_HASHTAG = re.compile(r"#(?=[A-Za-z])")
_MARKERS = {ord(c): " " for c in "¹²³⁴⁵⁶⁷⁸⁹⁰"}
_CAMEL_LFR = re.compile(r"#?(?:LiveFacialRecognition|FacialRecognition)\b")

_PUBLISHED = re.compile(r"(?i)\b(?:published|released|issued|dated|written|commissioned)\s+(?:by\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?\s+)?$|"
                        # "according to figures published today (Tuesday, 21 January)": when they came out
                        # (and "… published by the Met today (Thursday 9 January)")
                        r"\b(?:published|released|issued|announced)\s+(?:by\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?\s+)?"
                        r"(?:today|yesterday|this\s+morning)\s*\(\s*$|"
                        # "In the 2024/25 financial year, which ended on 31 March, …": when the period ended, no period
                        r"\bwhich\s+(?:ended|ends|began|begins|started|closed|finished)\s+(?:on\s+)?$|\b(?:answer|response|reply|"
                        # "my answer to question 2024/3145 on 19 September" (but not "… 2025/1187 I gave the number of
                        # deployments in March as 15": what it gave)
                        r"letter)(?:\s+to\s+(?:(?!\b(?:I|we|it|gave|said|stated)\b)[^.;:,]){1,40}?)?\s+"
                        r"(?:(?:of|given\s+on|given|sent\s+on|on)\s+)?$|"
                        # "your request for information, which was received by the MPS on 14 October 2024": when it came
                        r"\b(?:request|question|letter|email|e-mail|correspondence|application|which|it)\b[^.;:\n]{0,30}?"
                        r"\b(?:received|tabled|submitted|lodged|dated)\s+(?:by\s+[^.;:,\n]{1,60}?\s+)?(?:on\s+)?$|"
                        # "In oral evidence on 9 October 2025, …": when it was said, not what it was about
                        r"\b(?:(?:oral|written)\s+)?evidence\s+(?:given\s+)?(?:on\s+)?$|"
                        # "MOPAC Oversight Board – 10 February 2025": when a body met
                        r"\b(?:board|committee|panel|meeting|council|assembly|sub-committee)\s*[–—-]\s*$|\b(?:hearing|session|meeting|interview|"
                        r"briefing|debate)\s+(?:held\s+)?(?:on\s+)?$|\b(?:told|wrote\s+to)\s+(?:us|the\s+committee|the\s+board)\s+"
                        r"(?:on\s+)?$|"
                        # "Prepared for the MOPAC Oversight Board, 30 October 2025", "were reported to the Board in May"
                        r"\b(?:prepared|presented|submitted)\s+(?:for|to)\s+[^.\n]{1,60}?,?\s*$|"
                        # "Report to MOPAC, October 2024": when a report was made
                        r"\breport\s+(?:to|for|by)\s+[^.\n,]{1,60},\s*$|"
                        r"\b(?:reported|presented|submitted)\s+to\s+(?:the\s+)?(?:\w+\s+){0,3}(?:board|committee|panel|assembly)\s+$|"
                        # a page's own dates: "Tabled: 1 July 2025", "Date: 22 September 2025", "debated on Wednesday 28
                        # January 2026", "last updated on …", "LONDON POLICING BOARD      22 October 2025"
                        r"\b(?:tabled|answered|date|meeting\s+date|published|updated|posted)\s*:\s*$|"
                        r"\b(?:debated|last\s+updated|page\s+updated)\s+(?:on\s+)?$|"
                        r"(?-i:(?:^|\n)[A-Z][A-Z0-9 &'’,.|-]{3,80}\s{3,}$)")


def blank(text: str, phrases: list[Phrase]) -> str:
    for p in phrases:
        text = text[:p.start] + " " * (p.end - p.start) + text[p.end:]
    return text


def scope_phrases(text: str, statement_date: date | None,
                  not_after: date | None = None) -> tuple[str, str, list[Phrase]]:
    """The sentence with non-figures masked, the same with periods blanked too, and its scope phrases."""
    masked = mask_non_figures(text).translate(_QUOTES)  # a quoted figure ("93 per cent") is a figure
    # "#LiveFacialRecognition deployments": LFR, as a hashtag spells it (and no "#", which marks the reader's own numbers)
    masked = _HASHTAG.sub(" ", _CAMEL_LFR.sub(lambda m: "LFR".ljust(len(m[0])), masked))
    masked = masked.translate(_MARKERS)  # "48 times¹", "183 arrests²": a footnote's marker, no part of the word
    # "a review published in July 2019 that found …": when a document came out is not what its figures cover
    found = weekday_the_nth(find_periods(masked, statement_date, not_after), text, statement_date)
    found += [Phrase(m.start(), m.end(), "nth_day", anaphor=True, days=tuple(int(d) for d in re.findall(r"\d+", m[0])))
              for m in NTH_DAY.finditer(text)
              if not any(p.start < m.end() and m.start() < p.end for p in found)]  # "on the 16th", "the 5th and the 21st"
    found = _nth_days_of_month(found)
    found += [Phrase(m.start(), m.end(), "bare_quarter", anaphor=True, days=(int(m["q"]),))
              for m in BARE_QUARTER.finditer(text) if not any(p.start < m.end() and m.start() < p.end for p in found)]
    # "… a man wanted for a knifepoint robbery in Hornchurch in 2022": when and where an offence happened is not
    # the figure's period or place, and its year is no default for the sentence's other dates
    if offences := [p for p in found if _OFFENCE_TIME.search(masked[:p.start])]:
        found = [p for p in find_periods(blank(masked, offences), statement_date, not_after)] + offences
    periods = [p for p in found if not _PUBLISHED.search(masked[:p.start]) and p not in offences
               # "in response to incident of violence a week earlier (Sunday 15 September)": the incident's day
               and not _INCIDENT_TIME.search(masked[:p.start])
               # "our best day there so far": a superlative's, no period of the figures
               # ("X's 20 alerts were the most at any deployment this month": a record's domain, when the sentence's
               # figure is the record; "Dalston was our busiest location this month. We went there twice" stays)
               and not ((p.kind == "to_date" or re.fullmatch(r"(?i)(?:so far )?this (?:year|month|week)(?: so far)?",
                                                             masked[p.start:p.end]) and re.search(r"\d", masked[:p.start]))
                        and _SUPERLATIVE.search(masked[:p.start]))
               # "the first deployment of the technology in London since February 2020": how long since, no period
               and not (p.kind == "since" and _FIRST_SINCE.search(masked[:p.start]))
               and not (_SAID.search(masked[:p.start]) and re.fullmatch(r"(?i)today|yesterday", masked[p.start:p.end]))
               # "The Met said on Monday (1 July) that …", "issued the following statement on Wednesday": when it was said
               and not (p.kind == "day" and _SAID_ON.search(masked[:p.start]) and re.match(r"(?i)on\s", masked[p.start:p.end]))]
    # "This week has taken our total for the year to 135": what added to a total, not the total's period
    periods = [p for p in periods if not _TOOK_TOTAL.match(masked[p.end:])]
    # "Over those six months of 2024": the year says which months were pointed back to, it is not the period
    periods = [p for p in periods if not (p.kind == "year" and any(
        q.kind == "anaphor_period" and q.end <= p.start and not masked[q.end:p.start].strip()
        and re.search(r"(?i)\b(?:those|these)\b", masked[q.start:q.end]) for q in periods))]
    # "Over the whole period since January 2024": the period the words go on to name, not one pointed back to
    periods = [p for p in periods if not (p.kind == "anaphor_period" and any(
        q.is_period and not q.anaphor and q.start >= p.end and not masked[p.end:q.start].strip() for q in periods)
        and not re.search(r"(?i)\b(?:those|these|that|same)\b", masked[p.start:p.end]))]
    rest = blank(masked, found)
    places = [p for p in find_locations(rest) if not _OFFENCE_TIME.search(masked[:p.start])] + [
        Phrase(p.start, p.end, "location", places=("Notting Hill Carnival",)) for p in periods if p.kind == "carnival"]
    # "Since LFR was first used in Croydon town centre on 7 December, 80 people have been arrested there": the place
    # inside a since is the figures' place too
    places += [Phrase(p.start + q.start, p.start + q.end, "location", places=q.places)
               for p in periods if p.kind in ("since", "to_date") for q in find_locations(masked[p.start:p.end])]
    selections = find_selections(blank(rest, places))
    return masked, rest, sorted(periods + places + selections, key=lambda p: p.start)


def clause(masked: str, num) -> str:
    """The clause a number stands in: from the punctuation before it to the punctuation after it."""
    start = max(masked.rfind(c, 0, num.start) for c in ".;:,—–") + 1
    ends = [i for i in (masked.find(c, num.end) for c in ".;:,—–") if i >= 0]
    clause = masked[start:min(ends) if ends else len(masked)]
    at = num.start - start
    cuts = [m for m in re.finditer(r"\s(?:and|but|while|whereas)\s", clause)]
    a = max([m.end() for m in cuts if m.end() <= at], default=0)
    b = min([m.start() for m in cuts if m.start() >= at], default=len(clause))
    return clause[a:b]


def _nth_days_of_month(found: list[Phrase]) -> list[Phrase]:
    """"two deployments in February: Stratford on the 11th and Oxford Circus on the 27th": days of the whole month the
    same sentence named before them, as days (so each place keeps its day), when the sentence names several."""
    found = sorted(found, key=lambda q: q.start)
    for i, p in enumerate(found[:-1]):  # "on the 7th and the 14th of December": the month of the day after it
        q = found[i + 1]
        if p.kind == "nth_day" and p.days and q.kind == "day" and q.first and q.first == q.last and q.start - p.end <= 9 \
                and max(p.days) < q.first.day:
            found[i] = replace(p, kind="day", first=q.first.replace(day=min(p.days)), last=q.first.replace(day=max(p.days)),
                               anaphor=False)
    if sum(p.kind == "nth_day" for p in found) < 2:
        return found  # (one "on the 16th" reads with the month and the place named before it: claim_build)
    out = []
    for p in found:
        month = next((q for q in reversed(out) if q.kind != "nth_day" and q.first and q.last and q.first.day == 1
                      and (q.first.year, q.first.month) == (q.last.year, q.last.month)
                      and (q.last + timedelta(days=1)).day == 1), None)
        if p.kind == "nth_day" and p.days and month is not None and max(p.days) <= month.last.day:
            p = replace(p, kind="day", first=month.first.replace(day=min(p.days)),
                        last=month.first.replace(day=max(p.days)), anaphor=False)
        out.append(p)
    return out


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
    for m in _ASIDE.finditer(masked):
        if any(at < f < m.start() for f in figures):
            out += [p for p in phrases if p.kind == "location" and m.start() <= p.start < m.end() and p not in out]
    return out


def _when_after_dash(masked: str, claim: int, claims: list[int], phrases: list[Phrase]) -> list[Phrase]:
    """The periods after a dash that a later figure's "when" clause is dated by ("That was 18 alerts …, and it was
    the second time – the first was on Friday the 11th, when we made seven arrests"): not the claim's before."""
    if not (dash := re.search(r"\s[–—]\s", masked[claim:])) or _ASIDE.search(masked[claim:]):
        return []
    after = claim + dash.end()
    return [p for p in phrases if p.is_period and p.start >= after and (when := re.match(
        r"[\s,]*(?:when|where)\b[^.;]*", masked[p.end:])) and any(
        p.end <= other < p.end + when.end() for other in claims if other != claim)]


def figure_scope(masked: str, claim: int, claims: list[int], phrases: list[Phrase]) -> list[Phrase]:
    """The scope phrases for the claim at `claim`: all of them, or those of its part of the sentence."""
    # "318 deployments, up from 231 in the previous twelve months": what only compares scopes only its own part
    compares = _comparisons(masked, _parts(masked, phrases))
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
    parts = _parts(masked, phrases)
    compares = _comparisons(masked, parts)
    for i, (a, b) in enumerate(parts):
        if any(a <= c < b for c in claims):
            if a <= claim < b:
                dashes = [start + m.start() for m in re.finditer(r"\s[–—]\s", masked[start:claim])]
                if dashes and any(start <= c < dashes[-1] for c in claims) and not _ASIDE.search(masked[start:]):
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
                    dash = re.search(r"\s[–—]\s", masked[claim:a2]) if not _ASIDE.search(masked[claim:]) else None
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
# "…, compared with 83 in the same period of 2024": a part that only compares sets no period for the parts after it
_COMPARISON_PART = re.compile(r"(?i),?\s+(?:[–—]\s+)?\(?(?:compared (?:with|to)|(?:which|this|that)\s+compares\s+(?:with|to)|versus|up from|down from|after(?=\s+\d)|"
                              r"(?:exactly\s+|just\s+)?the\s+same\s+(?:number|figure|total|level)\s+as\b|"
                              r"(?:(?:more|less|fewer)\s+than\s+|almost\s+|nearly\s+|about\s+|around\s+)?(?:\w+|\d+)\s+times\s+"
                              r"(?:the\s+(?:number|total|figure)|as\s+many)\b|"
                              r"(?:well\s+|far\s+|just\s+)?(?:above|below|ahead\s+of|short\s+of)\s+(?:the\s+)?(?=\d))\s?")

_FROM_PART = re.compile(rf"(?i),?\s+from\s+(?:(?:just|only)\s+)?(?:\d|(?:{NUMBER_WORD})\b)")

_PER_PERIOD = re.compile(r"^\s+(?:a|per|each|every|in\s+any(?:\s+(?:one|single|given))?)\s+(?:calendar\s+)?"
                         r"(?:week|day|month|year|fortnight|quarter)\b", re.I)


def _parts(masked: str, phrases: list[Phrase]) -> list[tuple[int, int]]:
    """The sentence's parts (start, end): cut where SEGMENT's words join them, never inside a scope phrase."""
    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(masked)]  # "Seven people – among them … and … – were"
    # "four times – compared with once in the same period last year – and …": an aside that compares is a part
    compared = [(a, b) for a, b in asides if _COMPARISON_PART.match(masked[a:b])]
    cuts = [m.start() for m in SEGMENT.finditer(masked) if not any(p.start <= m.start() < p.end for p in phrases)
            and not _between_days(masked, m, phrases) and not any(a < m.start() < b for a, b in asides)]
    # "Arrests rose from 31 in January to 58 in March": each figure with the period after it
    cuts = sorted(cuts + [m.start() for m in _FROM_TO.finditer(masked) if any(
        p.is_period and not masked[p.end:m.start()].strip() and _FROM_NUMBER.search(masked[:p.start]) for p in phrases)]
        + [edge for a, b in compared for edge in (a, b)])
    return list(zip([0] + cuts, cuts + [len(masked)]))


_ASIDE = re.compile(r"\s[–—]\s[^–—.;]{1,160}?\s[–—](?=\s)")
_FROM_TO = re.compile(rf"\s+to\s+(?:(?:just|only|around|about|nearly|almost)\s+)?(?=\d|(?:{NUMBER_WORD})\b)", re.I)
_FROM_NUMBER = re.compile(rf"\bfrom\s+(?:\d[\d,.]*|(?:{NUMBER_WORD}))\b(?:\s+[a-z]+)?\s+$", re.I)


def _between_days(masked: str, m: re.Match[str], phrases: list[Phrase]) -> bool:
    """Whether a cut would fall inside a list of days ("on 7 and 14 March"): the days of one list are one period."""
    return any(p.end == m.start() and p.kind == "day" for p in phrases) and any(
        p.start == m.end() and p.kind == "day" for p in phrases)


def _comparisons(masked: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts that only compare ("…, compared with 102 in 2023/24", "…, up from 44 in Q1 2024/25")."""
    out = []
    for a, b in parts:
        # "…, up from 94 in December and 87 in November": the comparison goes on
        if _COMPARISON_PART.match(masked[a:b]) or (out and out[-1][1] == a and _AND_FIGURE.match(masked[a:b])) or (
                _FROM_PART.match(masked[a:b]) and re.search(rf"(?i){CHANGED_TO}[^.;:]{{0,60}}$", masked[:a])):
            # ("rose to 572 in 2024, from 37 the year before")
            out.append((a, b))
    return out


_AND_FIGURE = re.compile(rf"(?i),?\s+and\s+(?:(?:just|only|around|about|nearly|almost)\s+)?(?:\d|(?:{NUMBER_WORD})\b)")


def outside_comparisons(masked: str, phrases: list[Phrase]) -> list[Phrase]:
    """The phrases not in a part that only compares ("…, compared with 102 in 2023/24"): what the next sentence's
    "over the year" can point back to."""
    compares = _comparisons(masked, _parts(masked, phrases))
    return [p for p in phrases if not any(a <= p.start < b for a, b in compares)]


def selection_counts(masked: str, selections: list[Phrase], frame: Frame, said: set = frozenset()) -> list[Figure]:
    """Counts inside a phrase ("the 12 pilot deployments") are figures; an ordinal set or a repeat is not (`said`:
    the deployment counts the statement gave before)."""
    out = []
    for s in selections:
        phrase = masked[s.start:s.end]
        if s.count is None or s.ordinal or not re.search(r"(?i)deployments\b", phrase) \
                or re.search(rf"(?i:\d+|\b(?:{NUMBER_WORD}))\s+(?!LFR|Live|Facial|Met\b|MPS|Operational|Pilot|Trial)[A-Z]", phrase):
            continue  # (nor "the two Westminster deployments": a set named by its place, said to select it)
        if re.match(r"(?i)at\s", phrase):
            continue  # "at two deployments in Sutton and Woolwich" names where, like "at two sites"
        before = masked[:s.start].lower()
        numbers = find_numbers(phrase)
        if earlier_answer(before) and numbers:  # "My answer said there had been 12 deployments": what is corrected
            n = numbers[0]
            out.append(Figure(replace(n, start=n.start + s.start, end=n.end + s.start), "deployments", superseded=True))
            continue
        if _PER_PERIOD.match(masked[s.end:]) or NOT_REAL.search(before) or someone_elses(before) or set_aside(before) \
                or omitted(before) and not re.match(r"(?i)the\b", phrase) \
                or policy_limit(before) or not_done(masked[s.end:].lower()) \
                or re.match(r"\s+each\b(?!\s+(?:of|other)\b)", masked[s.end:], re.I):
            continue  # "up to ten deployments a week", "will carry out 10 deployments", "five deployments each"
        share_of = re.search(rf"(?i)\b(?:\d[\d,]*|{NUMBER_WORD})\s+of\s+$", before)  # "22 of the 179 deployments"
        if s.anaphor and (frame.selection is not None and frame.selection.count == s.count
                          or frame.places and not share_of
                          or s.count in said or _COMPARISON_PART.search(before)
                          or re.match(r"(?i)(?:across\s+|over\s+|during\s+|in\s+)?(?:those|these)\b", phrase)):
            continue  # "the two deployments" again: the set named earlier, not a new figure
        if numbers:
            n = numbers[0]
            out.append(Figure(replace(n, start=n.start + s.start, end=n.end + s.start), "deployments"))
    return out
