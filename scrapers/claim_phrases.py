"""A sentence's scope phrases.

Owns finding a sentence's periods, places and selections (claim_periods,
claim_places) with what is not scope set aside: when a report was
published, when and where an offence happened or an incident the
deployment answered; "the same period of 2024" after another year's
period; and the counts inside a selection phrase ("the 12 pilot
deployments"). Which of them reach each figure is claim_figure_scope's.
Pure. Proof: tests/test_passages.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from scrapers.claim_exclusions import (INCIDENT_NOUN, NOT_REAL, earlier_answer, not_done, omitted, policy_limit,
                                       set_aside, someone_elses)
from scrapers.claim_frame import Frame
from scrapers.claim_numbers import NUMBER_WORD, find_numbers, mask_non_figures
from scrapers.claim_words import Figure
from scrapers.claim_period_patterns import BARE_QUARTER, NTH_DAY
from scrapers.claim_periods import Phrase, find_periods
from scrapers.claim_period_refs import weekday_the_nth
from scrapers.claim_places import find_locations, find_selections
from scrapers.claim_sentence_parts import COMPARISON_PART

_OFFENCE_TIME = re.compile(r"(?i)\bwanted\s+$|\b(?:(?:wanted|sought) (?:for|in connection with|on suspicion of)|convicted|jailed|sentenced|"
                           r"charged|imprisoned|recalled to prison|unlawfully at large|committed|fail(?:ed|ing) to appear|"
                           # "The assault took place in Thornton Heath in August 2021"
                           r"(?:assault|robbery|burglary|attack|offence|stabbing|murder|rape|theft|crime)s?\s+(?:took place|"
                           r"happened|occurred|(?:was|were) committed)|"
                           # "Three … were wanted for theft offences, and one for a robbery in Plumstead in 2022"
                           r"\b(?:one|two|three|four|five|another|others?|\d{1,3})\s+for\s+(?:an?\s+)?(?:\w+\s+){0,2}?"
                           r"(?:assault|robbery|burglary|attack|offence|stabbing|murder|rape|theft|fraud|crime)s?)\b"
                           r"(?:(?!\b(?:was|were|is|are|has|have|had|after|when)\b)[^,;.:()]){0,80}$")

_INCIDENT_TIME = re.compile(rf"(?i)\b{INCIDENT_NOUN}(?:\s+of\s+\w+)?"
                            r"(?:\s+(?:a|an|one|two|three|\d+)\s+(?:days?|weeks?|months?)\s+(?:earlier|before))?\s*\(?\s*$")

# "the National Police Chiefs' Council said today": when something was said, not what its figures cover
_TOOK_TOTAL = re.compile(r"(?i)(?:['’]s\s+(?:deployments|arrests|operations?))?\s+(?:(?:has|have|had)\s+)?(?:taken|takes?|took|"
                         r"brought|brings?|pushed|push(?:es)?|lifted|lifts?|raised|raises?)\s+(?:our|the|its|their)\s+"
                         r"(?:\w+\s+)?(?:total|tally|number|count)\b")
_SAID_ON = re.compile(r"(?i)\b(?:said|says|announced|stated|confirmed|revealed|released\s+the\s+following|issued\s+(?:the\s+"
                      r"following\s+|a\s+)?statement|in\s+a\s+(?:statement|release|press\s+release)(?:\s+issued)?)\s+$")
_SAID = re.compile(r"(?i)\b(?:said|says|announced|published|confirmed|revealed|stated|reported|told [\w'’ ]{1,40}?)\s*,?\s*$")

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


_PER_PERIOD = re.compile(r"^\s+(?:a|per|each|every|in\s+any(?:\s+(?:one|single|given))?)\s+(?:calendar\s+)?"
                         r"(?:week|day|month|year|fortnight|quarter)\b", re.I)


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
                          or s.count in said or COMPARISON_PART.search(before)
                          or re.match(r"(?i)(?:across\s+|over\s+|during\s+|in\s+)?(?:those|these)\b", phrase)):
            continue  # "the two deployments" again: the set named earlier, not a new figure
        if numbers:
            n = numbers[0]
            out.append(Figure(replace(n, start=n.start + s.start, end=n.end + s.start), "deployments"))
    return out
