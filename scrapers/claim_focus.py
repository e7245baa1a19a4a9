"""Which part of the frame a sentence's figures are read in, when the sentence names no period of its own.

Owns weekdays after "last week" (that week's days), "In Romford, …" after
places named with their own days (Romford's day), "across the two
deployments" / "across both days" (every place and day named before, or the
set named before while later sentences picked one of its members), "across
the week" after a day (that calendar week), "across the year" (the whole
year), "on the first day … the second day" (the days named before, in
order), "in the previous quarter" after a quarter named (the one before
it), "The month before, 17." after a month (the month before it), "the first three months of the year" in a
report about a year (that year's) and "the same period of 2024" or "the same quarter last year" (the period in hand,
moved). Works on the frame claim_frame.py keeps; pure.
Proof: tests/test_passages.py, tests/test_passages_scope.py.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from scrapers.claim_frame import Frame, same_place
from scrapers.claim_frame_spans import quarter_of_frame
from scrapers.claim_periods import Phrase, find_periods
from scrapers.claim_period_patterns import SPAN_WORDS, span_count

# "across the two days", "both deployments", "the three sites": every place-and-day pair named before
_ALL_PAIRS = re.compile(r"(?i)\b(?:(?:the|these|those)\s+(?:two|three|four|five|\d)\s+(?:days|deployments|sites|locations|"
                        r"boroughs|places|town centres)|"
                        r"both\s+(?:days|deployments|sites|locations)|(?<=across\s)both(?!\s+\w+\s+and\b)|"
                        r"(?:all\s+)?(?:the|these|those)\s+(?:[a-z]+\s+)?deployments|"
                        r"all\s+(?:[a-z]+\s+)?deployments|"
                        # "Across this week's deployments", "The watchlist for Wednesday's deployments"
                        r"(?:(?:this|last|the)\s+(?:week|month)|(?:mon|tues|wednes|thurs|fri|satur|sun)day)['’]s\s+deployments)\b")


_BOTH = re.compile(r"(?i)\b(?:both|all (?:two|three|four)) (?:teams|vans|sites|locations|places|deployments)\b|"
                   r"\bat the same time\b")
_WEEKDAY_ONLY = re.compile(r"(?i)(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:['’]s)?")


def in_named_week(frame: Frame, text: str, phrases: list[Phrase]) -> list[Phrase]:
    """Weekday names after "last week" (or any week or few days named before), or after a day named before, are that
    week's days ("… in Camden last week. The deployments took place on Tuesday, Wednesday and Friday"), not the latest
    such days before the statement."""
    phrases = _into_week_named_before(text, phrases)
    if not frame.first or not frame.last:
        return phrases
    # ("The week beginning 7 October … on the Wednesday", "The week before, … on the Tuesday": any week in hand)
    if frame.period_kind not in ("last_week", "this_week") and (frame.is_day or (frame.last - frame.first).days > 6):
        # "On Wednesday 26 June … Two of Wednesday's alerts were false": the day named before, by its weekday
        alone = sum(q.is_period and not q.anaphor for q in phrases) == 1  # no other period in the sentence
        out = []
        for p in phrases:
            if alone and frame.is_day and p.kind == "day" and p.first and p.first == p.last and p.first > frame.last \
                    and (p.first - frame.first).days < 28:
                words = text[p.start:p.end].strip()
                monday = frame.first - timedelta(days=frame.first.weekday())
                if p.first.weekday() == frame.first.weekday() and _WEEKDAY_ONLY.fullmatch(words):
                    p = replace(p, first=frame.first, last=frame.first)
                elif _WEEKDAY_ONLY.fullmatch(words) and re.search(r"(?i)\bthe\s+$", text[:p.start]):
                    # "… on the Wednesday. In Tooting on the Friday": that week's
                    day = monday + timedelta(days=p.first.weekday())
                    p = replace(p, first=day, last=day)
                elif _WEEKDAY_ONLY.fullmatch(words) and (week := frame.group) is not None and week.first and week.last \
                        and (week.last - week.first).days <= 6 and week.first <= frame.first <= week.last:
                    # "… in Sutton and Kingston last week. In Sutton, on Tuesday, …. In Kingston on Thursday, …": the
                    # week's Thursday, as the Tuesday was
                    day = week.first + timedelta(days=(p.first.weekday() - week.first.weekday()) % 7)
                    p = replace(p, first=day, last=day) if day <= week.last else p
            out.append(p)
        return out
    if frame.period_kind not in ("last_week", "this_week") and any(
            q.is_period and not q.anaphor and q.kind != "day" for q in phrases):
        return phrases  # ("on Tuesday this week" after "The week before": the sentence's own week)
    out = []
    for p in phrases:
        if p.kind == "day" and p.first and p.first == p.last and p.first > frame.last \
                and not re.search(r"\d", text[p.start:p.end]):
            day = p.first - timedelta(weeks=-(-(p.first - frame.last).days // 7))  # back whole weeks into it
            p = replace(p, first=day, last=day) if frame.first <= day <= frame.last else p
        out.append(p)
    return out


def _into_week_named_before(text: str, phrases: list[Phrase]) -> list[Phrase]:
    """"The week beginning 7 October we were out four times: Stratford on the Wednesday, …": weekdays after a week
    the same sentence named are that week's days."""
    out: list[Phrase] = []
    for p in phrases:
        weeks = [q for q in out if q.is_period and not q.anaphor and q.first and q.last and q.first < q.last
                 and (q.last - q.first).days <= 6]
        if weeks and p.kind == "day" and p.first and p.first == p.last and p.first > weeks[-1].last \
                and _WEEKDAY_ONLY.fullmatch(text[p.start:p.end].strip()):
            day = p.first - timedelta(weeks=-(-(p.first - weeks[-1].last).days // 7))
            p = replace(p, first=day, last=day) if weeks[-1].first <= day <= weeks[-1].last else p
        out.append(p)
    return out


def listed_in_order(text: str, phrases: list[Phrase]) -> list[Phrase]:
    """Days listed without a year that the latest-such-date rule puts out of order ("Further deployments followed on 5
    April, 23 April and 20 August, … and 20 December", read in June 2025: April 2025 before August 2024): the first
    ones are of the year before, so that the list runs in order."""
    days = [p for p in phrases if p.kind == "day" and p.first and p.first == p.last
            and not re.search(r"\b(?:19|20)\d\d\b|(?i:yesterday|today|day\b)", text[p.start:p.end])]
    if len(days) < 3 or all(a.first <= b.first for a, b in zip(days, days[1:])):
        return phrases
    try:  # each day after which the list steps back in time is a year earlier
        dates = [p.first.replace(year=p.first.year - 1) if p.first > min((q.first for q in days[i + 1:]), default=p.first)
                 else p.first for i, p in enumerate(days)]
    except ValueError:  # 29 February
        return phrases
    if any(a > b for a, b in zip(dates, dates[1:])):
        return phrases
    moved = dict(zip(map(id, days), dates))
    return [replace(p, first=moved[id(p)], last=moved[id(p)]) if id(p) in moved else p for p in phrases]


def focused(frame: Frame, text: str, phrases: list[Phrase], statement_date: date | None = None) -> Frame:
    """The frame a sentence naming no period reads its figures in, when places were named with their own days
    ("in Romford on Saturday (8 March) and in Ilford yesterday"): "In Romford, …" is Saturday; "Across the two
    deployments, …" is both days at both places."""
    if (own := [p for p in phrases if p.is_period and not p.anaphor]) and frame.pairs and _BOTH.search(text) \
            and not any(p.kind == "location" for p in phrases) and (day := own[0]).first and day.first == day.last:
        # "On 24 January alone, when both teams were out at the same time, …": every place out that day
        there = tuple(dict.fromkeys(name for name, first, last in frame.pairs if first <= day.first <= last))
        if len(there) >= 2:
            return replace(frame, places=there, place_words=", ".join(there))
    pairs = frame.pairs or (frame.group.pairs if frame.group is not None else ())
    if len(own) == 1 and pairs and not frame.topic and (day := own[0]).first and day.last \
            and (day.first == day.last or _ALL_PAIRS.search(text)) and not any(p.kind == "location" for p in phrases) \
            and (there := tuple(dict.fromkeys(name for name, first, last in pairs
                                              if day.first <= first and last <= day.last or first <= day.first <= last))):
        # "The cameras were on North End on Friday 19 January, on George Street and North End on Tuesday 23 January,
        # … ¶ On 23 January, 18 alerts led to eight arrests": the places named with that day; "Across this week's
        # deployments": every place named with a day of this week
        return replace(frame, places=there, place_words=", ".join(there))
    if own:
        group = frame.group  # "Across the five deployments this week": the set named before, inside this week
        if group is not None and group.places and _ALL_PAIRS.search(text) and all(p.first and p.last for p in own) \
                and min(p.first for p in own) <= group.first and group.last <= max(p.last for p in own) \
                and not any(p.kind == "location" for p in phrases):
            return replace(frame, places=group.places, place_words=group.place_words, places_origin=group.places_origin,
                           pairs=())
        return frame
    if frame.is_day and any(p.kind == "anaphor_period" and re.search(r"(?i)\b(?:across|over|during|throughout)\s+the\s+"
                                                                 r"(?:whole\s+|entire\s+)?week$", text[p.start:p.end])
                            for p in phrases):
        # "On Thursday, officers moved to Stratford … Across the week more than 46,000 faces were seen": the week's
        monday = frame.first - timedelta(days=frame.first.weekday())
        sunday = monday + timedelta(days=6)
        return replace(frame, first=monday, last=min(sunday, statement_date) if statement_date else sunday,
                       period_words=f"{frame.period_words}; the week", places=(), place_words=None, places_origin=None,
                       pairs=())
    if frame.first and frame.last and frame.first.year == frame.last.year and (frame.last - frame.first).days < 300 \
            and any(p.kind == "anaphor_period" and re.search(r"(?i)\byear$", text[p.start:p.end]) for p in phrases):
        # "Four of these took place in July …, the remaining two in December. Across the year, …": the whole year
        year_end = date(frame.first.year, 12, 31)
        return replace(frame, first=date(frame.first.year, 1, 1),
                       last=max(frame.last, min(year_end, statement_date)) if statement_date else frame.last)
    names = [name for p in phrases if p.kind == "location" and not p.split for name in p.places]
    if not frame.pairs:
        # "Across the three deployments …", "across both days" after sentences about one of them: the set named before
        group = frame.group
        if group is None or names or not _ALL_PAIRS.search(text) or not frame.first or not frame.last \
                or not (group.first <= frame.first and frame.last <= group.last) \
                or ((frame.first, frame.last) == (group.first, group.last) and set(group.places) <= set(frame.places)):
            return frame
        return replace(frame, first=group.first, last=group.last, period_words=group.period_words, places=group.places,
                       place_words=group.place_words, places_origin=group.places_origin, union_only=False)
    if names:
        paired = [(f, l) for name, f, l in frame.pairs if any(same_place(name, n) for n in names)]
    elif _ALL_PAIRS.search(text):
        paired = [(f, l) for _, f, l in frame.pairs]
        pair_places = tuple(dict.fromkeys(name for name, _, _ in frame.pairs))
        frame = replace(frame, places=pair_places, union_only=False)
    else:
        return frame
    if not paired:
        return frame
    return replace(frame, first=min(f for f, _ in paired), last=max(l for _, l in paired))


_NTH_DAY = re.compile(r"(?i)(?:on |over )?the (?P<n>first|second|third|fourth|final|last) (?:day|night|deployment|"
                      r"of (?:those|these|the) (?:two |three )?(?:days|dates|deployments))")
_NTH = {"first": 0, "second": 1, "third": 2, "fourth": 3, "final": -1, "last": -1}


def _unread_of_those(phrases: list[Phrase], text: str) -> list[Phrase]:
    """Without the days named one by one, "the last of those deployments" names no day: the set in hand stays."""
    return [p for p in phrases
            if not (p.kind == "vague" and re.search(r"(?i)\bof\s+(?:those|these|the)\b", text[p.start:p.end]))]


def nth_of_days(frame: Frame, text: str, phrases: list[Phrase], statement_date: date | None) -> list[Phrase]:
    """"On the first day …, and the second day …" after "on Friday 11 April and on Tuesday 22 April": each of the days
    named before, in order (unread where fewer than two days were named, or not that many)."""
    if not any(p.kind == "vague" for p in phrases) or not frame.period_words or not frame.first or not frame.last:
        return _unread_of_those(phrases, text)
    days = list(dict.fromkeys(q.first for q in find_periods(frame.period_words, statement_date)
                              if q.kind == "day" and q.first and q.first == q.last))
    if len(days) < 2 or not all(frame.first <= d <= frame.last for d in days):
        return _unread_of_those(phrases, text)
    out = []
    for p in phrases:
        if p.kind == "vague" and (m := _NTH_DAY.fullmatch(text[p.start:p.end].strip())) and _NTH[m["n"].lower()] < len(days):
            day = days[_NTH[m["n"].lower()]]
            p = replace(p, kind="day", first=day, last=day)
        out.append(p)
    return _unread_of_those(out, text)


def this_quarter(frame: Frame, phrases: list[Phrase]) -> list[Phrase]:
    """"Fifteen of this quarter's alerts" in a paper about a quarter named before (a board's quarterly report): that
    quarter, not the one the paper was written in."""
    if not (frame.first and frame.last and _whole_quarter(frame.first, frame.last)):
        return phrases
    return [replace(p, first=frame.first, last=frame.last) if p.kind == "this_quarter" else p for p in phrases]


def year_in_hand(frame: Frame, text: str, phrases: list[Phrase]) -> list[Phrase]:
    """"the first three months of the year" in a report about a year named before ("… between January and December
    2023"): that year's months, not the statement's year."""
    if not (frame.first and frame.last and frame.first.year == frame.last.year):
        return phrases
    year = frame.first.year
    out = []
    for p in phrases:
        if p.kind == "first_months" and p.first and p.last and p.first.year != year \
                and re.search(r"(?i)\bof\s+the\s+(?:calendar\s+)?year\b", text[p.start:p.end]):
            n = re.search(r"(?i)\bfirst\s+(\w+)\s+months", text[p.start:p.end])
            months = span_count(n[1]) if n and (n[1].isdigit() or n[1].lower() in SPAN_WORDS) else None
            if months and 1 <= months <= 12:
                p = replace(p, first=date(year, 1, 1), last=date(year, months, calendar.monthrange(year, months)[1]))
        out.append(p)
    return out


def quarter_before(frame: Frame, text: str, phrases: list[Phrase]) -> list[Phrase]:
    """"In the previous quarter, …" after a quarter named ("Quarter 3 2024/25 (October to December 2024)", in the
    sentence or before it): the quarter before that one, not before the statement's."""
    out = []
    for p in phrases:
        if p.kind == "previous_quarter" and re.search(r"(?i)\bprevious\b", text[p.start:p.end]) and not any(
                q.is_period and q.start > p.start and q.start - p.end <= 3 and not q.anaphor  # ("…, July to September, …"
                for q in phrases):  # but not "… and six in the same quarter last year", another figure's)
            named = [(q.first, q.last) for q in phrases if q.end <= p.start and q.first and _whole_quarter(q.first, q.last)]
            # (not the frame a "previous quarter" set: "And the previous quarter? — In the previous quarter, …"; nor
            # "rose on the previous quarter", a comparison)
            said = bool(re.search(r"(?i)previous\s+quarter", frame.period_words or "")) \
                or not re.match(r"(?i)(?:in|during|over|for)\s", text[p.start:p.end])
            first, last = named[-1] if named else (None, None) if said else (frame.first, frame.last)
            if first and last and _whole_quarter(first, last):
                end = first - timedelta(days=1)
                p = replace(p, first=date(end.year, end.month - 2, 1), last=end)
        out.append(p)
    return out


_FY_WORDS = re.compile(r"(?i)\bfinancial\b|\bFY\b|\b(?:19|20)\d\d\s*[/-]\s*\d\d\b")


def quarter_of_fy(frame: Frame, text: str, phrases: list[Phrase]) -> list[Phrase]:
    """"the other 50 were in the first quarter" inside a financial year in hand ("the first six months of the 2024/25
    financial year"): that year's quarter (April to June 2024), not the calendar's."""
    if not (frame.first and frame.first.month == 4 and frame.first.day == 1 and _FY_WORDS.search(frame.period_words or "")):
        return phrases
    out = []
    for p in phrases:
        words = text[p.start:p.end]
        if p.kind == "part_year" and re.search(r"(?i)\bquarter\b", words) and not re.search(r"(?i)\bof\b|\d", words) \
                and p.first and p.first.year in (frame.first.year, frame.first.year + 1):
            # (the calendar's quarter n is the financial year's quarter n)
            if span := quarter_of_frame(frame, (p.first.month - 1) // 3 + 1, None):
                p = replace(p, first=span[0], last=span[1])
        out.append(p)
    return out


_EQUIVALENT = re.compile(r"(?i)\b(?:equivalent|same|corresponding)\s+(?:quarter|month|period)\s+(?:(?:of|in)\s+)?$")


def equivalent_part(frame: Frame, text: str, phrases: list[Phrase]) -> list[Phrase]:
    """"In the equivalent quarter of 2023/24" after Quarter 3 of 2024/25: that quarter of the year named (October to
    December 2023), not the whole year."""
    out = []
    for p in phrases:
        # the part in hand: one the sentence named before ("In Quarter 3 2024/25 (October to December 2024), …,
        # compared with 10 in the same quarter of 2023/24"), else the frame's (not a single day, such as a paper's date)
        named = [q for q in phrases if q.end <= p.start and q.is_period and not q.anaphor and q.first and q.last]
        first, last = (named[-1].first, named[-1].last) if named else (frame.first, frame.last)
        if first and last and first < last and p.first and p.last and p.kind in ("fy", "year") \
                and _EQUIVALENT.search(text[:p.start]) and (p.last - p.first).days > (last - first).days:
            back = next((n for n in range(1, 10) if p.first <= first.replace(year=first.year - n) <= p.last), None)
            if back is not None:
                end = last.replace(day=1, year=last.year - back)
                p = replace(p, first=first.replace(year=first.year - back),
                            last=end.replace(day=calendar.monthrange(end.year, end.month)[1]))
        out.append(p)
    return out


def _span_back(first: date, last: date) -> date:
    """The first day of the span as long as first..last that ends the day before `first` (a year: the same date a
    year back)."""
    if 364 <= (last - first).days <= 366:
        return first.replace(year=first.year - 1, day=min(first.day, 28 if first.month == 2 else first.day))
    return first - timedelta(days=1) - (last - first)


def span_before(frame: Frame, text: str, phrases: list[Phrase]) -> list[Phrase]:
    """"There were 670 arrests, compared with 133 in the previous twelve months" when the last twelve months are
    already in hand (asked about, or named before), "661 arrests in the 12 months to the end of February …, compared
    with 97 in the 12 months before that": the twelve months before those."""
    out = []
    for p in phrases:
        held = [(q.first, q.last) for q in out if q.is_period and q.first] + [(frame.first, frame.last)]
        if p.first and p.last and (p.first, p.last) in held and p.kind in ("past_span", "months_to", "anaphor_period") \
                and (re.search(r"(?i)\b(?:previous|preceding|prior)\b", text[p.start:p.end])
                     or re.match(r"(?i)\s+before\s+(?:that|then|those|these)\b", text[p.end:])):
            p = replace(p, first=_span_back(p.first, p.last), last=p.first - timedelta(days=1))
        elif p.kind == "anaphor_period" and p.first is None and (spans := [(f, l) for f, l in held if f and l]) \
                and re.match(r"(?i)\s+before\s+(?:that|then|those|these)\b", text[p.end:]):
            first, last = spans[-2] if len(spans) > 1 and (frame.first, frame.last) == spans[-1] else spans[-1]
            p = replace(p, first=_span_back(first, last), last=first - timedelta(days=1), anaphor=False, kind="past_span")
        out.append(p)
    return out


def month_before(frame: Frame, phrases: list[Phrase]) -> list[Phrase]:
    """"Last month we were out 20 times. The month before, 17.": the month before the whole month in hand (one the
    same sentence named is read by claim_period_refs)."""
    if not (frame.first and frame.last and frame.first.day == 1 and (frame.first.year, frame.first.month)
            == (frame.last.year, frame.last.month) and (frame.last + timedelta(days=1)).day == 1):
        return phrases
    end = frame.first - timedelta(days=1)
    return [replace(p, first=end.replace(day=1), last=end) if p.kind == "month_before" and p.first is None else p
            for p in phrases]


def _whole_quarter(first: date, last: date) -> bool:
    return first.day == 1 and first.month in (1, 4, 7, 10) and (last - first).days <= 92 \
        and (last + timedelta(days=1)).day == 1 and (last + timedelta(days=1)).month == (first.month + 2) % 12 + 1


_SAME_PERIOD = re.compile(r"(?i)\bthe same (?:period|quarter|months?|weeks?|days?|time)\b")


def same_period_in(text: str, chosen: list[Phrase], periods: list[Phrase], phrases: list[Phrase],
                    frame: Frame) -> Phrase | None:
    """"the same period of 2024" after a period of another year: that period, moved to 2024; "In the same month last
    year" after a month: that month, a year back (not the statement's month)."""
    month = next((p for p in chosen if p.kind == "same_month_last_year"), None)
    if month and frame.first and frame.last and (frame.first.year, frame.first.month) == (frame.last.year,
                                                                                         frame.last.month):
        first = date(frame.first.year - 1, frame.first.month, 1)
        return replace(month, first=first, last=date(first.year, first.month,
                                                     calendar.monthrange(first.year, first.month)[1]))
    same = [p for p in chosen if p.anaphor and _SAME_PERIOD.search(text[p.start:p.end])]
    years = [p for p in periods if p.first and p.last and (p.kind in ("year", "last_year") and p.first.year == p.last.year
                                                          or p.kind == "fy" and (p.first.month, p.last.month) == (4, 3))]
    if not same or len(years) != 1:
        return None
    # (not "compared with 50 in the previous quarter and six in the same quarter last year": the quarter in hand's)
    earlier = [p for p in phrases if p.is_period and not p.anaphor and p.first and p.last and p.end <= same[0].start
               and p is not years[0] and p.kind != "previous_quarter"]
    first, last = (earlier[-1].first, earlier[-1].last) if earlier else (frame.first, frame.last)
    if not earlier and first and last and "quarter" in text[same[0].start:same[0].end].lower() \
            and (last - first).days > 92 and last.month % 3 == 0:
        # "compares Q3 2024/25 (October to December 2024) with the previous quarter. … In the same quarter last year
        # …": the latest quarter in hand, the one the paper reports
        first = date(last.year, last.month - 2, 1)
    if not first or not last or first.year != last.year:
        return None
    if "quarter" in text[same[0].start:same[0].end].lower() and (first.month - 1) // 3 == (last.month - 1) // 3:
        # "In September alone …. In the same quarter last year": the quarter September is in (calendar and financial
        # quarters share their edges)
        first = date(first.year, 3 * ((first.month - 1) // 3) + 1, 1)
        last = date(first.year, first.month + 2, calendar.monthrange(first.year, first.month + 2)[1])
    # "the same quarter last year": a year before the quarter named, whenever the statement was made; "the same quarter
    # of 2023/24" after October to December 2024: October to December 2023
    shift = -1 if years[0].kind == "last_year" else years[0].first.year - first.year \
        if years[0].kind != "fy" else years[0].first.year - (first.year if first.month >= 4 else first.year - 1)
    try:
        return replace(years[0], first=first.replace(year=first.year + shift), last=last.replace(year=last.year + shift))
    except ValueError:  # 29 February
        return None
