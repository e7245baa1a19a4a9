"""Which of a sentence's scope phrases reach one figure: its part of the sentence, less examples, reasons, lists
spelled out after a colon, a clause's own place, a part's or a whole's words, and the periods a total or a "when"
clause names.

Owns choosing a figure's phrases; scrapers/claim_build.py turns them into the claim's period, places and set.
Pure. Proof: tests/test_passages.py, tests/test_passages_scope.py, tests/test_passages_scene.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from scrapers.claim_asides import in_example, in_reason
from scrapers.claim_frame import Frame
from scrapers.claim_numbers import NUMBER_WORD
from scrapers.claim_period_refs import year_before
from scrapers.claim_periods import Phrase
from scrapers.claim_figure_scope import figure_scope
from scrapers.claim_words import Figure

_TAKES_TO = re.compile(r"(?i)\b(?:takes?|taking|took|brings?|bringing|brought)\s+(?:the|our|its|their)\s+(?:\w+\s+)?"
                       r"(?:number|total|tally|count)\b[^#.;]*\bto\s+(?:(?:more than|over|around|about|almost|nearly)\s+)?$")
_INCLUDING = re.compile(r"(?i)\bincluding\s+(?:(?:about|around|some|nearly|almost|more than|over)\s+)?$")
_WHERE_CLAUSE = re.compile(r",\s+where\s+[^,;:]*$")
_WHEN_CLAUSE = re.compile(r",\s+when\s+[^,;:]*$")
_YEAR_BEFORE = re.compile(r"(?i)\byear before|\bpreceding year|\btwelve months before")
_OF_THE_WHOLE_AFTER = re.compile(r"(?i)^\s+of\s+(?:the|all(?:\s+the)?)\s+(?:[a-z]+['’]s\s+)?\d[\d,]*\b")
# "In 2024/25 … In the previous financial year there were eight": the year before the one just discussed (not, as
# counted from the statement, that same year)
_PREVIOUS = re.compile(r"(?i)\bprevious (?:financial |calendar )?year\b")
_PREVIOUS_TWELVE = re.compile(r"(?i)\b(?:previous|preceding|prior)\s+(?:12|twelve)\s+months\b")
_COUNT_BEFORE = re.compile(rf"(?i)(?<!\bthe\s)(?<!\bthese\s)(?<!\bthose\s)(?:\b\d[\d,]*|\b(?:{NUMBER_WORD}))\s+$")  # (not
# "the three in Croydon accounted for 31 alerts": a set named by its count and place, whose figures those are)
# what lies between a whole and a part of it named after it: "180 times, including 46 …", "…, of which 46 …"
_ALSO_TOOK_IN = re.compile(r"(?i),\s+which\s+(?:also\s+)?(?:took\s+in|included|covered|visited|went\s+to)\b[^,.;:]*,")
_PART_AFTER = re.compile(r"(?i)^[^.;:\d]{0,40}?[,(–—]\s*(?:including|of\s+which|of\s+them|of\s+these|with)\s+(?:(?:some|about|around|"
                         r"nearly|almost|over|more\s+than|just)\s+)?$")

_OF_THOSE_NOUN = re.compile(r"(?i)(?:^|[.;:]\s*)\W*of\s+(?:those|these)\s+(?:arrests|alerts|deployments|people)\s*,\s*$")
_PART_FIRST = re.compile(r"^[^.;:\d]{0,40}?[,(–—]\s*$")
_PLACE_FOR = re.compile(r"(?i)\s+(?:(?:also\s+)?accounted\s+for|for)\s+(?:(?:about|around|some|nearly|almost|over|more\s+than)\s+)?")
_OF_WHICH = re.compile(r"(?i)\s+of\s+(?:which|whom|them|these|those)\b")


def part_after(masked: str, whole_end: int, part: Figure) -> bool:
    """Whether `part` names a part of the figure that ends at `whole_end`, after it: "180 times, including 46 …",
    "…, of which 46 …", "13 alerts, two of which, both in Ilford, were false" (the part's number first)."""
    between = masked[whole_end:part.number.start]
    return bool(_PART_AFTER.match(between) or _PART_FIRST.match(between) and _OF_WHICH.match(masked[part.number.end:]))


def _year_before_frame(phrase: Phrase, frame: Frame) -> Phrase:
    """ "Those deployments led to 685 arrests, compared with 125 the year before" after "in 2024/25": the whole year
    (or financial year) the frame holds, a year back; nothing when the frame is no whole year."""
    if not (frame.first and frame.last and 364 <= (frame.last - frame.first).days <= 365):
        return phrase
    return replace(phrase, first=year_before(frame.first),
                   last=year_before(frame.last + timedelta(days=1)) - timedelta(days=1))


def figure_phrases(unblanked: str, masked: str, text: str, figure: Figure, figures: list[Figure],
                   phrases: list[Phrase], frame: Frame) -> tuple[list[Phrase], list[Phrase], list[Phrase]]:
    """(the phrases that scope `figure`, its own periods among them, places set off as another figure's)."""
    num, metric = figure.number, figure.metric
    starts = [f.number.start for f in figures]
    chosen = figure_scope(unblanked, num.start, starts, phrases)
    if (sets := [p for p in phrases if p.kind == "selection" and p.anaphor and (p.count or 0) >= 2 and p.end <= num.start]) \
            and not any(sets[-1].end <= p.start < num.start for p in phrases) \
            and len(named := [p for p in phrases if p.start < sets[-1].start and (p.is_period or p.kind == "location")
                              and not in_example(masked, p)]) >= 2:
        # "… outside West Croydon station on 5 March and on North End on 22 March, and the two deployments led to 12
        # arrests": the set the sentence named, every place and day of it
        chosen = named + [sets[-1]]
    # "… on nine occasions, including a deployment at Oxford Circus": the example's place is not the nine's
    if _INCLUDING.search(masked[:num.start]) and (own := [
            p for p in phrases if num.end <= p.start and (p.is_period or p.kind == "location")
            and not re.search(r"[.;,]|#\d+#", masked[num.end:p.start])]):
        # "Ten of these occurred in June, including three at a single deployment in Brent on 28 June": the part's
        # own place and day, said after it
        # (the whole's period stays when the part names only a place: "231 times in 2025, including 38 in Croydon")
        chosen = [p for p in chosen if not (p.is_period and any(q.is_period for q in own)
                                            or p.kind == "location" and any(q.kind == "location" for q in own))] + own
    else:
        chosen = [p for p in chosen
                  if not (num.end <= p.start and (in_example(masked, p) or in_reason(masked[num.end:p.start])))]
    if (colon := masked.find(":", num.end)) >= 0 and not re.search(r"[.;]", masked[num.end:colon]):
        # "used six times: at Oxford Circus in January, in Leicester Square in March and, following …, again in July":
        # an item of the list with a time and no place, so the places are some of them, not the count's scope
        # (unlike "at Oxford Circus on 3 and 10 May, and at Stratford on 12 May")
        listed = [p for p in phrases if p.start > colon and p.is_period and not p.anaphor]
        if any(p.kind == "location" and p.start > colon for p in phrases) and any(
                not any(q.kind == "location" and a.end <= q.start < b.start for q in phrases)
                and not re.fullmatch(r"[\s,]*(?:and|&)?[\s,]*", masked[a.end:b.start]) for a, b in zip(listed, listed[1:])):
            chosen = [p for p in chosen if not (p.kind == "location" and p.start > colon)]
        if any(colon < f.number.start for f in figures):
            # "deployed three times this month: at Stratford on 11 February and twice at Oxford Circus": its parts'
            # days and places are theirs, not the count's
            chosen = [p for p in chosen if p.start < colon]
    elif (colon := masked.rfind(":", 0, num.start)) >= 0 and not re.search(r"[.;]", masked[colon:num.start]) \
            and any(f.number.end <= colon for f in figures):
        # "…: at Stratford on 11 February and twice at Oxford Circus": an item with no day of its own is in the
        # whole's period, not the item before's
        own_part = masked.rfind(" and ", colon, num.start)
        chosen = [p for p in chosen if not (p.is_period and colon < p.start < max(own_part, colon + 1))]
        if not any(p.is_period for p in chosen):
            chosen = chosen + [p for p in phrases if p.is_period and not p.anaphor and p.end <= colon]
    # phrases inside "…, which also took in Walthamstow Town Square and Walworth Road on Wednesday, …": some of the set
    also = [(m.start(), m.end()) for m in _ALSO_TOOK_IN.finditer(masked)]
    chosen = [p for p in chosen if not any(a < p.start < b for a, b in also)]
    # "180 times, … in Croydon (46 deployments)": a place with its own count after the figure is that count's
    chosen = [p for p in chosen if not (p.kind == "location" and p.split and not figure.bracketed and (
        num.end <= p.start or ")" in masked[p.end:num.start]))]  # … or one whose own bracket closed before the figure
    # "The first four deployments, two in Newham and two south of the river, led to 15 arrests": the place of a
    # count that is no figure is that count's
    chosen = [p for p in chosen if not (p.kind == "location" and (count := _COUNT_BEFORE.search(masked[:p.start]))
                                        and count.start() != num.start)]
    # "one false alert, at Walthamstow, out of something like 188,000 faces": a place set off by commas after another
    # figure is that figure's
    others = [p for p in chosen if p.kind == "location" and p.end <= num.start and any(
        f.number.end <= p.start and re.fullmatch(r"[^,.;#]{0,30},\s*", masked[f.number.end:p.start])
        and re.match(r"\s*,", masked[p.end:]) for f in figures if f is not figure)]
    chosen = [p for p in chosen if p not in others]
    # "Croydon accounted for 12 of these, Westminster for 8 and Lewisham for 5": a figure said with its own place takes
    # no other figure's (while "Stratford accounted for three of the deployments and 23 of the arrests" are both
    # Stratford's)
    if any(p.kind == "location" and _PLACE_FOR.fullmatch(masked[p.end:num.start]) for p in phrases):
        chosen = [p for p in chosen if not (p.kind == "location" and any(
            f is not figure and _PLACE_FOR.fullmatch(masked[p.end:f.number.start]) for f in figures))]
    # "180 times, including 46 in Croydon": the place of a part named after the whole is the part's
    chosen = [p for p in chosen if not (p.kind == "location" and any(
        num.end <= f.number.start < p.start and part_after(masked, num.end, f) for f in figures))]
    if not figure.split_by_place and (splits := [f.number.start for f in figures if f.split_by_place]):
        # "Of the six arrests, three were from the X deployment …": the places split the total, not scope it; but
        # "six times …, at four sites in Croydon town centre and two near Selhurst Park": the parts make the whole,
        # and so do their places
        parts = [f for f in figures if f.split_by_place and f.number.start > num.end]
        counted = [p for p in phrases if p.kind == "selection" and p.count and num.end <= p.start < min(splits)]
        if not (metric == "deployments" and parts and counted and sum(f.number.value for f in parts)
                + sum(p.count for p in counted) == num.value):
            chosen = [p for p in chosen if not (p.kind == "location" and (p.start > min(splits) or p.split))]
        else:
            chosen = chosen + [p for p in phrases if p.kind == "location" and p.start > num.end and p not in chosen]
    if metric == "deployments":  # a count of deployments is not scoped by the set it counts
        chosen = [p for p in chosen if not (p.kind == "selection" and p.start <= num.start < p.end)]
    if (where := _WHERE_CLAUSE.search(masked[:num.start])) and (anchor := [
            p for p in phrases if p.kind == "location" and p.end <= where.start()]) \
            and ((comma := masked.find(",", num.end)) > 0
                 and any(p.kind == "location" and p.start > comma for p in phrases)  # (the list goes on after the clause)
                 # "Four of those arrests were made in Croydon, where the cameras generated seven alerts": the place
                 # that split the figure before is the clause's too
                 or any(f.split_by_place and f.number.end <= anchor[-1].start for f in figures)):
        # "… at Stratford on 11 February 2020, where no alerts were generated from some 4,600 faces, at Leicester Square
        # in March 2022 …": the place the clause is about, with its own day
        own = [p for p in phrases if p.is_period and not p.anaphor and anchor[-1].start <= p.start < where.start()]
        chosen = [anchor[-1]] + own if own else [p for p in chosen if p.kind != "location"] + [anchor[-1]]
    periods = [p for p in chosen if p.is_period and not p.anaphor]
    if (take := _TAKES_TO.search(masked[:num.start])) and (inside := [p for p in periods if p.start >= take.start()]):
        # "This week's deployments take the number of arrests … so far this year to 541": the total's period
        periods = inside
    if (when := _WHEN_CLAUSE.search(masked[:num.start])) and (last := max(
            (p for p in phrases if p.is_period and not p.anaphor and p.end <= when.start()), default=None,
            key=lambda p: p.end)) and re.fullmatch(r"[\s)]*", masked[last.end:when.start()]):
        # "… four times since April last year, most recently on Tuesday 11 February, when two people were arrested":
        # the day the clause is about (the narrowest of the words that name it: "on Tuesday this week")
        day = min((p for p in phrases if p.is_period and not p.anaphor and p.first and p.last
                   and last.start - 25 <= p.start and p.end <= when.start()), default=None,
                  key=lambda p: p.last - p.first)
        if day and ((day.last - day.first).days < 7 or day is last and day.kind in ("month", "year")):
            periods = [day]  # ("… and before that in February 2020, when it deployed the technology three times")
    periods = [_year_before_frame(p, frame) if (p.kind == "year" and p.first is None and _YEAR_BEFORE.search(
        text[p.start:p.end])) or (_PREVIOUS.search(text[p.start:p.end]) and (p.first, p.last) == (frame.first, frame.last))
        # "In the 12 months to August 2025 … In the previous 12 months it was deployed 150 times": the twelve months
        # before those in hand (not the twelve counted back from the statement)
        or (_PREVIOUS_TWELVE.search(text[p.start:p.end]) and frame.last and p.last and frame.last < p.last)
        else p for p in periods]
    if figure.restated or re.search(r"(?i)(?:^|[.;:]\s*)\W*of\s+(?:the|these|those|all(?:\s+the)?)\s+$", masked[:num.start]) \
            or _OF_THOSE_NOUN.search(masked[:num.start]):  # ("Of those arrests, 18 were …, and ten … on 13 February")
        # "Of the 183 arrests, 61 were made in October, …": the whole, not its parts' periods (though "Of the 572
        # arrests made in 2024, …" names its own before the comma)
        cut = masked.find(",", num.end)
        periods = [p for p in periods if p.end <= num.start or cut < 0 or p.start < cut]
        if cut > 0 and re.match(r"(?i)\W*of\s", masked):  # ("Of the 32 deployments, 14 took place in Westminster": the
            chosen = [p for p in chosen if not (p.kind == "location" and p.start > cut)]  # part's place)
    elif re.search(r"(?i)(?:^|[.;:]\s*)\W*[\w-]+\s+of\s+(?:the|these|those|all(?:\s+the)?)\s+$", masked[:num.start]) \
            and (cut := masked.find(",", num.end)) > 0:
        # "One of the 81 alerts generated across the month, at Dagenham Heathway on 6 February, was a false alert": the
        # day and place set off after the whole are the part's
        periods = [p for p in periods if p.end <= num.start or p.start < cut]
        chosen = [p for p in chosen if not (p.kind == "location" and p.start > cut)]
    if figure.sub_period:  # "198 of them in the first quarter": that period only
        after = [p for p in phrases if p.is_period and not p.anaphor and num.end <= p.start]
        periods = after[:1] + [p for p in after[1:2] if p.kind == "as_of" and not masked[after[0].end:p.start].strip()] \
            or [p for p in phrases if p.is_period and not p.anaphor and p.end <= num.start  # "with April alone …"
                and not re.search(r"[,;:]", masked[p.end:num.start])][-1:]
        # ("… and 15 in 2024/25 up to the end of January": where that period stopped)
        if (fronted := [p for p in phrases if p.kind == "location" and not p.split and p.end <= num.start
                        and re.fullmatch(r"\W*(?:(?i:in|at|across)\s+)?", masked[:p.start] + " ")]) \
                and not any(p.kind == "location" for p in chosen):
            chosen = chosen + fronted  # "In Croydon town centre there were 19 … and 15 …": the sentence's place
    elif subs := [f.number.end for f in figures if f.sub_period and f.number.start > num.start]:
        periods = [p for p in periods if p.start < min(subs)]  # the whole, not its part's period
    elif parts := [f.number.end for f in figures if f.sub_period and f.number.end <= num.start]:
        # "… 32 times, 16 in January and 16 in February, and those deployments have led to 149 arrests": not the
        # parts' months
        owned = [next((p for p in phrases if p.is_period and not p.anaphor and end <= p.start), None) for end in parts]
        first_part = min(f.number.start for f in figures if f.sub_period)
        periods = [p for p in periods if p not in owned] or [
            p for p in phrases if p.is_period and not p.anaphor and p.end <= first_part] or periods
    if _OF_THE_WHOLE_AFTER.match(masked[num.end:]):
        # "those deployments accounted for 122 of the 572 arrests made … across London that year": the whole's place
        chosen = [p for p in chosen if not (p.kind == "location" and p.start > num.end)]
        if not any(p.kind == "location" for p in chosen) and re.search(r"(?i)\b(?:those|these|the)\s+(?:\w+\s+)?"
                                                                       r"deployments\s+accounted\s+for\s+$",
                                                                       masked[:num.start]):
            # ("in Croydon town centre 28 times; those deployments accounted for 122 of …": theirs)
            chosen += [p for p in phrases if p.kind == "location" and not p.split and p.end <= num.start][-1:]
    return chosen, periods, others
