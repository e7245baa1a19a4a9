"""One figure of a sentence → one `Claim`, with the scope that reaches it and where that scope came from.

Owns choosing, for one figure the sentence reader found, its bounds (from
its qualifier) and its period, places and deployment selection: its own
sentence's phrases that reach it (chosen by claim_build_scope.py), or the context frame's (claim_frame.py)
when it names none or refers back ("in that time", "these deployments"),
with each part's source (the sentence, an earlier sentence, the question,
the title, the statement's date). The passage reader is scrapers/claims.py.
Pure. Proof: tests/test_passages.py, tests/test_passages_scope.py.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from schemas.claims import Claim, Selection
from scrapers.claim_cues import PRESENT_PERFECT, RUNNING_TOTAL, UNREAD_PERIOD, WHOLE_OF
from scrapers.claim_frame import THE_PLACES, Frame, inherited_source, places_on, same_place, since_then_start, words
from scrapers.claim_frame_keeps import days_listed, keeps_places, refers_to_place
from scrapers.claim_frame_spans import days_of_frame_month, opening_span, quarter_of_frame
from scrapers.claim_period_combine import combined_period
from scrapers.claim_numbers import count_range, qualifier_of, rate_range
from scrapers.claim_period_refs import DAY_STEP_KINDS, day_step
from scrapers.claim_periods import Phrase
from scrapers.claim_build_scope import figure_phrases
from scrapers.claim_focus import same_period_in
from scrapers.claim_phrases import clause
from scrapers.claim_place_refs import in_the_town
from scrapers.claim_subsets import subset_of
from scrapers.claim_words import Figure
from scrapers.sentences import Sentence

_THE_MONTH = re.compile(r"(?i)\b(?:the|that|this)\s+(?:whole\s+|entire\s+|full\s+)?month\b")


_PART_OF_THOSE = re.compile(r"(?i)^\W*(?:[a-z]+(?:-[a-z]+)?|\d[\d,]*)\s+of\s+(?:those|these|them)\b")
_ONE_SPAN = re.compile(r"(?i)\b(?:the|that)\s+(year|month|quarter)$")  # "over the year": one of them, not all
_SHARE_OF_WHOLE = re.compile(r"(?i)\baccounted\s+for\s+(?:[\d,]+|[a-z-]+)\s+of\s+(?:the|all(?:\s+the)?)\s+"
                             r"(?:[a-z]+['’]s\s+)?$")
_UNIT_DAYS = {"year": range(365, 367), "month": range(28, 32), "quarter": range(90, 93)}


THEN_TO = re.compile(r"(?i)\b(?:between then and|from then (?:until|till|to|up to)|since then and (?:up )?(?:to|until))\b")
_SINCE_IT_BEGAN = re.compile(r"(?i)since (?:it|the (?:pilot|trial|scheme|programme)) (?:began|started)")


def _last_of_union(frame: Frame, text: str, phrases: list[Phrase]) -> Frame:
    """The last of several periods named apart, when the sentence points back to one of them ("… in 2023 to 527 in
    2024. There were 27 false alerts over the year, 23 of them in the first six months": 2024)."""
    if not (frame.union_only and len(frame.each) >= 2):
        return frame
    first, last, _ = frame.each[-1]
    for p in phrases:  # (periods of that unit: "over the year" after two halves of one is that whole year)
        if p.is_period and p.anaphor and (unit := _ONE_SPAN.search(text[p.start:p.end])) \
                and (last - first).days + 1 in _UNIT_DAYS[unit[1].lower()]:
            return replace(frame, first=first, last=last)
    return frame


_ROUGH_PER = re.compile(r"(?i)[^.;\d]{0,60}?\bfor\s+every\s+\d[\d,]*(?:\.\d+)?\s+or\s+(?:so|thereabouts)\b")


def inside_that_time(chosen: list[Phrase], frame: Frame, first: date | None, last: date | None, text: str) -> bool:
    """"There had been one false alert in that time, in April last year": a period inside the one pointed back to,
    at its places; "The deployments in 2024 accounted for 19 of the arrests" after Romford's since March 2024: the
    set's, in the part of its period named."""
    if not (first and last and frame.first and frame.last):
        return False
    if frame.first <= first and last <= frame.last and any(p.kind == "anaphor_period" for p in chosen):
        return True
    return bool(_THE_SET_IN.match(text)) and first <= frame.last and frame.first <= last


_THE_SET_IN = re.compile(r"(?i)^\W*(?:the|these|those)\s+(?:(?:two|three|four|five|six|\d{1,2})\s+)?deployments\s+"
                         r"(?:in|during|of)\b")


def figure_claim(sentence: Sentence, unblanked: str, masked: str, figure: Figure, figures: list[Figure],
                 phrases: list[Phrase], frame: Frame, statement_date: date | None) -> Claim | None:
    """The claim one figure makes in its sentence: its bounds, and the period, places and deployments that reach it
    (its own words, or the frame's), each with where it came from; None when its bounds or its place cannot be read."""
    num, metric, text = figure.number, figure.metric, sentence.text
    qualifier, _ = qualifier_of(masked, num)
    if qualifier == "exact" and metric.startswith("false_alert_rate") and re.search(
            r"(?i)\b(?:roughly|around|about|approximately|some)\b[^.;]*?,?\s+or\s+(?:about\s+)?$", masked[:num.start]):
        qualifier = "approximately"  # "roughly one false alert in every 33,000 faces, or one in 30 alerts": both rough
    if qualifier == "exact" and num.kind == "ratio" and _ROUGH_PER.match(masked, num.end):
        qualifier = "approximately"  # "one false alert this year for every 24,000 or so faces": a rough denominator
    bounds = rate_range(num, qualifier) if metric.startswith("false_alert_rate") else count_range(num, qualifier)
    if bounds is None:
        return None
    chosen, periods, others = figure_phrases(unblanked, masked, text, figure, figures, phrases, frame)
    places = [p for p in chosen if p.kind == "location"]
    if figure.split_by_place and not figure.bracketed:
        own = [p for p in phrases if p.kind == "location" and num.end <= p.start <= num.end + 30]
        own = [p for p in own if not any(num.end <= f.number.start < p.start for f in figures)]
        if not own and re.match(r"\s+(?:times\s+|of\s+(?:them|these|those)\s+)?(?:on|at|outside)\s+the\s+[A-Z]",
                                masked[num.end:]):
            return None  # "twice on the Broadway": a share whose place this reader does not know
        places = own[:1] or places  # "three times on Stratford Broadway" after "Stratford - we went four times"
    if not figure.bracketed and (own := [p for p in phrases if p.kind == "location" and p.split
                                         and re.fullmatch(r"\s*\([^()]*", masked[p.end:num.start])]):
        places = own  # "Newham (29 deployments)": the place the bracket is the count of
    if adjacent := [p for p in phrases if p.kind == "location" and p.split and 0 <= num.start - p.end <= 3]:
        places = adjacent  # "Stratford Broadway three times, Westfield Stratford once, …": each place its own count
    if figure.bracketed:  # "Croydon (12), Lewisham (7)", "Croydon saw the most deployments (28)": the place just before
        earlier = max((f.number.end for f in figures if f.number.end <= num.start), default=0)
        places = [p for p in phrases if p.kind == "location" and earlier <= p.start and p.end <= num.start][-1:]
        if not places:
            return None  # a part of something whose place this reader did not find: not a figure for its scope
    selection = next((p for p in reversed(chosen) if p.kind == "selection"), None)
    refers_back = any(p.anaphor for p in chosen if p.is_period) or (selection is not None and selection.anaphor) \
        or bool(_PART_OF_THOSE.match(text))  # "Twenty-one of those arrested were …": the whole named before
    cumulative = False
    since_then = any(p.kind == "since_then" for p in chosen)
    next_day = day_step(chosen)
    if (same := same_period_in(text, chosen, periods, phrases, frame)) is not None:
        periods = [same]  # "… in the first half of 2025, compared with 83 in the same period of 2024": 2024's first half
    if periods and all(p.start > num.end for p in periods) and RUNNING_TOTAL.search(masked[:num.start]) \
            and re.search(r",\s+and\s", masked[num.end:min(p.start for p in periods)]):
        periods = []  # "… has now led to more than 1,300 arrests in London, and in March alone …": a running total
    if periods and all(re.fullmatch(r"(?i)today|this (?:morning|afternoon|evening)", text[p.start:p.end].strip())
                       for p in periods) and RUNNING_TOTAL.search(clause(masked, num)):
        periods = []  # "The Home Secretary today joined officers …, as the Met confirmed it has now made more than
        # 1,000 arrests": a running total, not today's
    if periods and all(p.kind == "as_of" for p in periods) and (before := [
            p for p in phrases if p.is_period and not p.anaphor and p.kind != "as_of" and p.end <= periods[0].start]):
        # "deployed it 117 times in 2024 up to the end of October, and … these deployments resulted in 434 arrests":
        # the sentence's own period, stopped there, before any frame's
        periods = before + periods
    own_first, own_last = combined_period(periods) if periods else (None, None)
    if len(periods) == 1 and periods[0].kind == "to_date" and frame.period_kind == "since" and frame.first \
            and _SINCE_IT_BEGAN.fullmatch(text[periods[0].start:periods[0].end].strip()):
        # "The trial began in May 2026. Since it began, 40 people …": from the start just named
        own_first = frame.first
    if periods and all(p.kind == "as_of" for p in periods) and frame.first and frame.last \
            and frame.first <= own_last and not frame.union_only:
        # "By the end of October we'd done 231 deployments" after "This year …": the frame's period, stopped there
        first, last = frame.first, min(frame.last, own_last)
        period_words, period_source = f"{frame.period_words}; {words(text, periods)}", "sentence"
    elif periods and since_then and (then := next(p for p in chosen if p.kind == "since_then")) \
            and all(p.end <= then.start for p in periods):
        # "LFR was first used in Haringey on 3 October 2024; since then, 58 arrests …": from that day on
        first, last = own_first, statement_date
        period_words, period_source = f"{words(text, periods)}; since then", "sentence"
    elif periods and (nth := next((p for p in chosen if p.kind == "nth_day"), None)) is not None:
        # "we went twice in January, … and on the 16th we had 24 alerts": that day of the sentence's month
        first, last = days_of_frame_month(Frame(own_first, own_last), nth.days, statement_date)
        period_words = f"{words(text, periods)}; {text[nth.start:nth.end].strip()}" if first else None
        period_source = "sentence" if first else None
    elif periods and own_last and frame.first and (then := THEN_TO.search(text)) \
            and all(p.start >= then.end() for p in periods) and since_then_start(frame) <= own_last:
        # "first used in Croydon town centre on 7 December 2023. Between then and the end of March 2024, …": from the
        # day named before to the end named now
        first, last = since_then_start(frame), own_last
        period_words, period_source = f"{frame.period_words}; {text[then.start():then.end()].strip()} " \
                                      f"{words(text, periods)}", "sentence"
    elif periods and len(periods) == 1 and periods[0].kind == "since" and periods[0].first \
            and (months := next((p for p in chosen if p.kind == "first_span_months"), None)) and months.count:
        # "In its first year back, from July 2022, …": that many months from the start the sentence names
        first = periods[0].first
        end_month = first.month - 1 + months.count
        try:  # ("from 3 October": to 2 January)
            last = date(first.year + end_month // 12, end_month % 12 + 1, first.day) - timedelta(days=1)
        except ValueError:  # (31 January + one month)
            last = date(first.year + end_month // 12, end_month % 12 + 1, 1) - timedelta(days=1)
        last = min(last, statement_date) if statement_date else last
        period_words, period_source = words(text, [months, periods[0]]), "sentence"
    elif periods:
        first, last = own_first, own_last
        period_words, period_source = words(text, periods), "sentence"
        cumulative = any(p.cumulative for p in periods) or (first is None and last is not None)
    elif (months := next((p for p in chosen if p.kind == "first_span_months"), None)) \
            and (span := opening_span(_last_of_union(frame, text, phrases), months, statement_date)):
        first, last = span
        period_words = f"{frame.period_words}; {text[months.start:months.end].strip()}"
        period_source = inherited_source(frame.period_origin)
    elif (opening := next((p for p in chosen if p.kind == "first_days"), None)) and frame.first and frame.last:
        first, last = frame.first, min(frame.last, frame.first + timedelta(days=opening.count - 1))
        period_words = f"{frame.period_words}; {text[opening.start:opening.end].strip()}"
        period_source = inherited_source(frame.period_origin)
    elif (nth := next((p for p in chosen if p.kind == "nth_day"), None)) is not None:
        # "on the 16th": that day of the month the sentence named before it, else the frame's, else not known
        earlier = [p for p in phrases if p.is_period and not p.anaphor and p.end <= nth.start]
        month = Frame(*combined_period(earlier), words(text, earlier), "sentence") if earlier else frame
        places = places or [p for p in phrases if p.kind == "location" and p.end <= nth.start][-1:]  # "Stratford - …"
        first, last = days_of_frame_month(month, nth.days, statement_date)
        period_words = f"{month.period_words}; {text[nth.start:nth.end].strip()}" if first else None
        period_source = inherited_source(month.period_origin) if first else None
    elif (quarter := next((p for p in chosen if p.kind == "bare_quarter"), None)) is not None:
        # "This compares with 41 deployments in Q2": that quarter of the year the frame names
        first, last = quarter_of_frame(frame, quarter.days[0], statement_date) or (None, None)
        period_words = f"{frame.period_words}; {text[quarter.start:quarter.end].strip()}" if first else None
        period_source = inherited_source(frame.period_origin) if first else None
    elif next_day and frame.is_day:  # "A further four people were arrested in Sutton the following day"
        first = last = frame.first + timedelta(days=next_day)
        step_words = next(text[p.start:p.end].strip() for p in chosen if p.kind in DAY_STEP_KINDS)
        period_words = f"{frame.period_words}; {step_words}"
        period_source = inherited_source(frame.period_origin)
    elif since_then and frame.first is not None and statement_date is not None:
        first, last = since_then_start(frame), statement_date  # "resumed in April … Since then, 14 alerts"
        period_words, period_source = f"{frame.period_words}; since then", inherited_source(frame.period_origin)
    elif (earlier := [p for p in phrases if p.is_period and not p.anaphor and p.end <= num.start]) and refers_back:
        first, last = combined_period(earlier)  # "since January 2024 … and in that time …": the sentence's own
        period_words, period_source = words(text, earlier), "sentence"
    elif frame.has_period and not RUNNING_TOTAL.search(text) and (refers_back or not frame.union_only) \
            and not UNREAD_PERIOD.search(text):
        first, last = frame.first, frame.last
        period_words, period_source = frame.period_words, inherited_source(frame.period_origin)
        cumulative = frame.cumulative
        if (one := _last_of_union(frame, text, chosen)) is not frame:
            # "… from 37 in 2023 to 527 in 2024. There were 27 false alerts over the year": the last one named
            first, last, named = one.first, one.last, frame.each[-1][2]
            period_words = f"{named}; {words(text, [p for p in chosen if p.anaphor])}"
        if frame.is_day and any(p.is_period and p.anaphor and _THE_MONTH.search(text[p.start:p.end]) for p in chosen):
            # "On 27 March, eight people were arrested … The false alert rate across the month was …": its month
            first = frame.first.replace(day=1)
            last = min(frame.first.replace(day=calendar.monthrange(first.year, first.month)[1]),
                       statement_date or date.max)
            period_words = f"{frame.period_words}; {words(text, [p for p in chosen if p.anaphor])}"
    elif (RUNNING_TOTAL.search(text) or PRESENT_PERFECT.search(clause(masked, num))) and statement_date is not None:
        first, last, period_words, period_source, cumulative = None, statement_date, None, "statement_date", True
    else:
        first = last = period_words = period_source = None
    if figure.none_since and period_source == "sentence" and first is not None \
            and (since := next((p for p in periods if p.kind == "since" and p.point_end), None)):
        first = since.point_end + timedelta(days=1)  # nothing since February: from 1 March
    inherit = not periods and period_source not in (None, "statement_date")
    if places:
        locations = tuple(dict.fromkeys(pl for p in places for pl in p.places))
        place_words, places_source = words(text, places), "sentence"
        paired = [(f, l) for name, f, l in frame.pairs if any(same_place(name, n) for n in locations)]
        if paired and period_source not in (None, "sentence", "statement_date"):
            # "At Stratford, …" after "at Stratford on 11 February and at Oxford Circus on 27 February"
            first, last = min(f for f, _ in paired), max(l for _, l in paired)
    elif periods and frame.group and frame.group.places and (frame.group.first, frame.group.last) == (first, last):
        # "This week's four deployments …" after each day's places: the set named with this week
        group = frame.group
        locations, place_words, places_source = group.places, group.place_words, inherited_source(group.places_origin)
    elif refers_to_place(masked[num.start:]) and (there := [p for p in phrases if p.kind == "location" and not p.split
                                                           and p.places and p.end <= num.start]):
        # "Romford has now seen LFR three times since November, and 13 people have been arrested there": the place
        # the sentence named before the figure
        locations, place_words, places_source = there[-1].places, words(text, there[-1:]), "sentence"
    # (a period of its own drops them, unless it is a day or days there; "these three town centres accounted for 171"
    # names them, though not the whole "of the 572")
    elif ((inherit or refers_back and not periods)
          or (periods and (keeps_places(frame, first, last, period_words, days_listed(periods)) or refers_to_place(text)
                           or THE_PLACES.search(masked[:num.start]) and not WHOLE_OF.search(masked[:num.start])
                           or inside_that_time(chosen, frame, first, last, text)))) and frame.places:
        locations, place_words, places_source = frame.places, frame.place_words, inherited_source(frame.places_origin)
        if periods and first and last:  # "On Tuesday, …" after places each named with its day: Tuesday's
            locations = places_on(frame, first, last)
        elif first and last and any(p.kind == "anaphor_day" for p in chosen) and (
                day_places := tuple(dict.fromkeys(n for n, f, l in frame.pairs if f <= last and first <= l))
                or (frame.group.places if frame.group and (frame.group.first, frame.group.last) == (first, last)
                    else ())):
            locations = day_places  # "The watchlist used on the day …" after each place's figures: all of that day's
    elif figure.sub_period and frame.places:  # "Of the 10 deployments, five took place in October": the set's places
        locations, place_words, places_source = frame.places, frame.place_words, inherited_source(frame.places_origin)
    else:
        locations, place_words, places_source = (), None, None
    if others and places_source != "sentence":  # (nor the frame's: the sentence named its own, for another figure)
        locations, place_words, places_source = (), None, None
    locations = in_the_town(locations, place_words)
    if places_source == "sentence" and _SHARE_OF_WHOLE.search(masked[:num.start]):
        # "Croydon town centre accounted for 122 of the 572 arrests": the place is the share's; the whole is the year's
        locations, place_words, places_source = (), None, None
    named = None
    if selection is not None and not (selection.anaphor and frame.selection is not None and (inherit or refers_back)):
        named = Selection(text[selection.start:selection.end].strip(), selection.count, selection.ordinal, "sentence")
    elif (inherit or refers_back) and frame.selection is not None and not places:  # new places replace the set
        named = replace(frame.selection, source=inherited_source(frame.selection.source))
    scope_parts = [w for w in (period_words, place_words, named.words if named else None) if w]
    return Claim(
        metric=metric, low=bounds[0], high=bounds[1], qualifier=qualifier, period_start=first, period_end=last,
        locations=locations, scope_text=words(text, chosen) if chosen else ("; ".join(dict.fromkeys(scope_parts)) or None),
        sentence=text, period_words=period_words, period_source=period_source, place_words=place_words,
        places_source=places_source, selection=named, cumulative=cumulative,
        subset=subset_of(masked, figure), sentence_index=sentence.index)


