"""Periods named in one sentence of a statement, resolved against the statement's date.

Owns the words that set a figure's period: dates ("on 27 February 2020",
"on Friday, 14 June", "on Wednesday (2 October)", "yesterday", "on
Tuesday"), words that point back to a day named earlier ("that day",
"later that day"), months, years, financial years and ranges ("between
April 2023 and March 2024", "since January"), and relative periods ("this
year", "so far this year", "in the last 12 months", "last week", "to
date"). Places and deployment selections are `claim_places`; the phrases' patterns
are `claim_period_patterns`; a single date, month or year is `claim_dates`.

Rules (docs/claims.md): a day and month without a year take the year the
same sentence names, else the latest such date not after the statement's
date; "yesterday" and weekday names count back from the statement's date;
a period never extends past the statement's date, and one that starts
after it is unknown. Written dates are read by dateparser in claim_dates (it knows
"14th of June", "Sept. 3", "June 14th"); weekdays and "yesterday" are
counted here, because dateparser puts a weekday that is the statement's
own day a week back. What cannot be resolved stays None, never guessed.
Pure: the statement's date is an argument, never the clock.
Proof: tests/test_claims.py, tests/test_passages.py.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from scrapers.claim_dates import next_year, parse_point
from scrapers.claim_period_calendar import KINDS as CALENDAR_KINDS, resolve as resolve_calendar
from scrapers.claim_period_refs import DAY_STEP_KINDS, resolve_references, year_before as _year_before
from scrapers.claim_period_patterns import (FY, OPEN_START, PATTERNS, SPAN_WORDS, WEEKDAY_NAME, WEEKDAYS, YEAR,
                                           span_count)


@dataclass(frozen=True)
class Phrase:
    """A scope phrase: its span in the sentence and what it sets.

    kind: a period kind ('day', 'range', 'year', 'ytd', 'to_date', 'anaphor_day', ...),
    'location' (`places`), or 'selection' (`ordinal` 'first' / 'last', `count`).
    `first` / `last` is the period, already clipped to the statement's date.
    `anaphor`: the words point back to something named earlier ("that day",
    "these deployments"); `cumulative`: a running total ("to date"); `split`: see below.
    """

    start: int
    end: int
    kind: str
    first: date | None = None
    last: date | None = None
    places: tuple[str, ...] = ()
    ordinal: str | None = None
    count: int | None = None
    anaphor: bool = False
    cumulative: bool = False
    split: bool = False  # a place with its own count ("Croydon (12)"): it splits a figure, it sets no scene
    point_end: date | None = None  # a "since" phrase's point ends here ("since February 2020": 29 February 2020)
    days: tuple[int, ...] = ()  # "on the 5th, the 12th and the 21st": days of the month named before (kind nth_day)

    @property
    def is_period(self) -> bool:
        return self.kind not in ("location", "selection")


def carnival_days(year: int) -> tuple[date, date]:
    """Notting Hill Carnival's two main days: the Sunday and the Monday of the August bank holiday (its last Monday)."""
    monday = date(year, 8, 31) - timedelta(days=date(year, 8, 31).weekday())
    return monday - timedelta(days=1), monday


def _fy_start(day: date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def _months_before(day: date, months: int, *, inclusive: bool = False) -> date:
    """The day after the same date `months` earlier ("the 12 months to 31 March 2025" starts on 1 April 2024);
    a month's last day counts whole months back ("the 12 months to 28 February 2025" starts on 1 March 2024);
    `inclusive`: that date itself ("the last two years", counted back from a statement of 4 December 2025,
    starts on 4 December 2023, the way people count back from today)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    if not inclusive and day.day == calendar.monthrange(day.year, day.month)[1]:
        # "the 12 months to 28 February 2025", "the three months to 30 November": whole months, from 1 March 2024
        return date(year, month + 1, last) + timedelta(days=1)
    return date(year, month + 1, min(day.day, last)) + timedelta(days=0 if inclusive else 1)


def _weekday(m: re.Match[str], statement_date: date) -> date:
    target = WEEKDAYS[m["w"].lower()]
    back = (statement_date.weekday() - target) % 7
    if m["last"] and back == 0:
        back = 7
    return statement_date - timedelta(days=back)


def _shift(m: re.Match[str]) -> int:
    """ "Two days later": +2; "three days earlier": -3."""
    n = int(m["n"]) if m["n"].isdigit() else span_count(m["n"])
    return -n if m["dir"].lower() in ("earlier", "before") else n


def _relative(kind: str, m: re.Match[str], s: date) -> tuple[date | None, date | None]:
    """Periods that count from the statement's date."""
    if kind == "fortnight":
        return s - timedelta(days=14), s
    if kind == "past_span":
        n = span_count(m["n"]) if m.groupdict().get("n") else 1  # ("the past week": one)
        unit = m["unit"].lower().rstrip("s") + "s"
        if unit in ("months", "years"):
            first = _months_before(s, n * (12 if unit == "years" else 1), inclusive=True)
        elif unit == "hours":  # "over the past 48 hours": the days those hours reach back into
            first = s - timedelta(days=-(-n // 24))
        else:
            first = s - timedelta(days=n * (7 if unit == "weeks" else 1))
        return first, s
    if kind == "weekday":
        day = _weekday(m, s)
        return day, day
    if kind == "since_weekday":
        return _weekday(m, s), s
    monday = s - timedelta(days=s.weekday())
    saturday = s - timedelta(days=(s.weekday() - 5) % 7)
    return {
        "fy": (date(_fy_start(s), 4, 1), s),
        "last_fy": (date(_fy_start(s) - 1, 4, 1), date(_fy_start(s), 3, 31)),
        "ytd": (date(s.year, 1, 1), s),
        "last_year": (date(s.year - 1, 1, 1), date(s.year - 1, 12, 31)),
        "past_year": (_year_before(s), s),
        "this_month": (s.replace(day=1), s),
        "last_month": ((s.replace(day=1) - timedelta(days=1)).replace(day=1), s.replace(day=1) - timedelta(days=1)),
        "this_week": (monday, s),
        "last_week": (monday - timedelta(days=7), monday - timedelta(days=1)),
        "weekend": (saturday, min(saturday + timedelta(days=1), s)),
        "summer": (date(s.year if s.month >= 6 else s.year - 1, 6, 1),
                   min(date(s.year if s.month >= 6 else s.year - 1, 8, 31), s)),
        "yesterday": (s - timedelta(days=1), s - timedelta(days=1)),
        "today": (s, s),
        "to_date": (None, s),
    }[kind]


def _resolve(kind: str, m: re.Match[str], statement_date: date | None, default_year: int | None,
             not_after: date | None = None) -> tuple[date | None, ...]:
    """(first, last) of a period phrase; a "since" phrase adds where its point ends."""
    if kind == "year":  # "in 2019", "in 2020, 2021 and 2022", "so far in 2025"
        years = [int(y) for y in re.findall(r"\d{4}", m["a"] or m["c"])]
        return date(min(years), 1, 1), date(max(years), 12, 31)
    if kind in ("months_to", "first_months"):
        n = m["n"]
        if kind == "months_to" and m["years"]:
            n = str(12 * span_count(m["years"]))
        n = 12 if n is None else int(n) if n.isdigit() else SPAN_WORDS.get(n.lower(), {"nine": 9, "four": 4, "five": 5,
                                                                                    "seven": 7, "eight": 8}.get(n.lower()))
        if kind == "first_months" and (m["y"] or m["fy"]):  # "the first six months of the 2024/25 financial year"
            year = int(m["y"]) if m["y"] else statement_date.year - (statement_date.month < 4) if statement_date else None
            if year is None:
                return None, None
            end = date(year + (n + 3 > 12), (n + 3 - 1) % 12 + 1, 1)
            return date(year, 4, 1), end.replace(day=calendar.monthrange(end.year, end.month)[1])
        if kind == "first_months":  # "the first nine months of 2024", "… of this year"
            year = int(m["a"]) if m["a"] else statement_date.year - bool(m["ly"]) if statement_date else None
            if year is None:
                return None, None
            return date(year, 1, 1), date(year, n, calendar.monthrange(year, n)[1])
        if statement_date and (m["ty"] or m["ly"]):  # "the 12 months to the end of February this year"
            default_year = statement_date.year - bool(m["ly"])
        last = parse_point(m["a"], default_year, statement_date)[1]
        return (_months_before(last, n), last) if last else (None, None)
    if kind == "quarter":  # "Q1 2025/26" is April to June 2025; "Q1 2025" January to March
        n = int(m["q"])
        if m["fy"]:
            y = int(m["y"])
            if int(m["y2"][-2:]) != (y + 1) % 100:
                return None, None
            start = date(y, 4, 1) if n < 4 else date(y + 1, 1, 1)
            start = start.replace(month=start.month + 3 * (n - 1)) if n < 4 else start
        else:
            start = date(int(m["a"]), 3 * n - 2, 1)
        end_month = start.month + 2
        return start, date(start.year, end_month, calendar.monthrange(start.year, end_month)[1])
    if kind == "part_year":
        if not m["a"] and statement_date is None:
            return None, None
        year = int(m["a"]) if m["a"] else default_year or statement_date.year
        months = 6 if m["unit"].lower() == "half" else 3
        q = {"latter": "second", "former": "first", "last": "second" if months == 6 else "fourth",
             "final": "second" if months == 6 else "fourth"}.get(m["q"].lower(), m["q"].lower())
        n = ["first", "second", "third", "fourth"].index(q)
        start_month, end_month = 1 + n * months, (n + 1) * months
        if end_month > 12:
            return None, None
        if not m["a"] and statement_date and date(year, end_month, 1) > statement_date \
                and not re.search(r"(?i)\bthis\b", m[0]):
            year -= 1  # "the final quarter of the year" said in January, "the first half of the year" said in February:
            # a part of the year not over yet is last year's
        return date(year, start_month, 1), date(year, end_month, calendar.monthrange(year, end_month)[1])
    if kind == "carnival":  # with no year named, this year's, once it has begun
        year = int(m["a"]) if m["a"] else statement_date.year if statement_date else None
        if year is None or (not m["a"] and carnival_days(year)[0] > statement_date):
            return None, None
        return carnival_days(year)
    if kind in CALENDAR_KINDS:
        return resolve_calendar(kind, m, statement_date)
    if kind == "fy_so_far":
        y, y2 = int(m["y"]), int(m["y2"])
        if y2 % 100 != (y + 1) % 100 or statement_date is None:
            return None, None
        return date(y, 4, 1), min(date(y + 1, 3, 31), statement_date)
    if kind == "first_days_of":  # "the first ten days of May": 1 May to 10 May
        first = parse_point(m["a"], default_year, statement_date)[0]
        n = span_count(m["n"])
        return (first, first + timedelta(days=n - 1)) if first else (None, None)
    if kind == "as_of":
        if m.groupdict().get("ly"):  # "by the end of last year"
            return (None, date(statement_date.year - 1, 12, 31)) if statement_date else (None, None)
        if m.groupdict().get("lm"):  # "As at the end of last month"
            return (None, statement_date.replace(day=1) - timedelta(days=1)) if statement_date else (None, None)
        return None, parse_point(m["a"], default_year, statement_date)[1]
    if kind == "year_end":  # which year's end is the other period's (scrapers/claim_period_combine.py)
        return None, None
    if kind in ("range", "since", "day", "month"):
        a = m.groupdict().get("a") or m.groupdict().get("b")
        if m.groupdict().get("ly"):  # "in July last year"
            if statement_date is None:
                return None, None
            default_year = statement_date.year - 1
        b = m.groupdict().get("b") if kind == "range" else None
        if b is not None:
            # (an undated page's "between Thursday (19 September) and Sunday (22 September)": the weekday says the year)
            b_first, b_last = parse_point(b, default_year, statement_date, not_after=not_after)
            end_year = b_last.year if b_last else default_year
            bare = re.sub(rf"^(?i:{WEEKDAY_NAME})\s+", "", a.strip())  # "from Friday 19 to Thursday 25 January"
            if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", bare) and b_last:  # "between 11 and 27 February"
                return date(b_last.year, b_last.month, int(re.match(r"\d+", bare)[0])), b_last
            first = parse_point(a, end_year, None if end_year else statement_date)[0]
            if first and b_last and first > b_last and not re.search(r"\d{4}", a):  # "from November to February"
                first = first.replace(year=first.year - 1)
            elif first and b_last and first > b_last and not re.search(r"\d{4}", b):  # "from 1 September 2023 to 31 August"
                b_last = next_year(b_last)
            return (first, b_last) if not (first and b_last and first > b_last) else (None, None)
        named = re.search(rf"(?i:{WEEKDAY_NAME})", m[0]) if kind == "day" else None
        first, last = parse_point(a, default_year, statement_date, named[0] if named else None, not_after)
        if kind == "since" and first and re.fullmatch(r"\d{4}", a.strip()) and re.search(r"(?i)\bcarnival\b", m[0]):
            first = carnival_days(first.year)[0]  # "since it was first used at Notting Hill Carnival in 2016"
        if kind == "since" and first and last and re.match(r"(?i)since\s+the\s+end\s+of\b", m[0]):
            first = last + timedelta(days=1)  # "since the end of July": from 1 August
        return (first, statement_date, last) if kind == "since" else (first, last)
    if kind == "fy" and m.groupdict().get("y"):
        y, y2 = int(m["y"]), int(m["y2"])
        if y2 % 100 != (y + 1) % 100:
            return None, None
        return date(y, 4, 1), date(y + 1, 3, 31)
    if kind in ("anaphor_day", "since_then", "anaphor_period", *DAY_STEP_KINDS, "first_days", "first_span_months",
                "year_before", "month_before", "that_year") or statement_date is None:
        return None, None
    return _relative(kind, m, statement_date)


_LAST_YEAR_ALONE = re.compile("".join(f"(?<!{m} )" for m in calendar.month_name[1:]) + r"\b(?i:last (?:calendar )?year)\b")
_FULL_MONTH_STOP = re.compile(r"(?i)\b(?:january|february|march|april|may|june|july|august|september|october|november|"
                              r"december)\.$")
_SUPERLATIVE = re.compile(r"(?i)\b(?:lowest|highest|fewest|most|least|best|worst|biggest|largest|smallest|longest|"
                         r"first time)\b[^.,;:]{0,30}$")
_SUPERLATIVE_SO_FAR = re.compile(r"(?i),\s+(?:the|its|our)\s+(?:highest|lowest|largest|biggest|smallest|most|fewest|best|"
                                 r"busiest)\b[^.,;:]{0,60}$")
# "the highest number at a single deployment so far this month", "the most at any deployment this month": a record's
# frame, not the period of its figures
_MOST_AT_ANY = re.compile(r"(?i)\b(?:the|its|our)\s+(?:highest|lowest|largest|biggest|most|fewest|busiest)\b[^.,;:]{0,40}?"
                          r"\b(?:at|of|for|in|on)\s+(?:any|a\s+single|one|each|a)\s+(?:\w+\s+){0,2}?"
                          r"(?:deployment|site|day|location|operation)s?\s*$")
# "It was the second time this month that …", "It was the fourth time LFR has been used in Sutton since April last
# year", "… on Thursday, the second deployment since … last week", "the first time this year": the scene's place in a
# series; the series' period is not the scene's
_NTH = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
_IT_IS = r"\b(?:it|this|that|which)\s+(?:was|is|marks|marked|became)\s+(?:also\s+)?"
_IN_A_SERIES = re.compile(rf"(?i)(?:{_IT_IS}|,\s+)"
                          rf"(?:the|its|our|their)\s+(?:\w+\s+)?{_NTH}\s+(?:\w+\s+)?(?:deployment|visit|operation|time|"
                          r"occasion)\b"
                          r"[^.,;:]{0,70}$")
# (but "for the first time in December" is when it happened)
_NTH_TIME = re.compile(rf"(?i)\b(?:the|its|our|their)\s+(?:{_NTH}|first|only)\s+(?:time|occasion)\b[^.,;:]{{0,70}}$")
_IT_WAS = re.compile(rf"(?i){_IT_IS}$")
_COMPARED = re.compile(r"(?i)\b(?:compared (?:with|to)|up from|down from|than (?:in|during|the))\b")


_SO_FAR_KINDS = ("ytd", "to_date", "this_month", "this_week")
_SERIES_KINDS = ("ytd", "to_date", "this_month", "this_week", "last_week", "last_month", "since", "year", "month")


def _span(m: re.Match[str]) -> int:
    return span_count(m["n"]) if m.groupdict().get("n") else 12  # ("its first year": twelve months)


def _days(m: re.Match[str]) -> int:
    if m["unit1"]:  # "the first fortnight", "the first week"
        return 14 if m["unit1"].lower() == "fortnight" else 7
    n = span_count(m["n"])
    return n * (7 if m["unit"].lower() == "weeks" else 1)


def find_periods(text: str, statement_date: date | None, not_after: date | None = None) -> list[Phrase]:
    """Every period phrase in `text` (a masked sentence), clipped to `statement_date`, in order. `not_after`: when
    a statement of unknown date was read (it was made no later), for its "Wednesday (15 May)"."""
    # "… between January and June, compared with 83 in the same period of 2024": a year named for a comparison is
    # no default for the sentence's other dates
    compared = _COMPARED.search(text)
    own = text[:compared.start()] if compared else text
    years = {int(y) for y in re.findall(rf"(?<!\d){YEAR}", own)}
    for fy in re.finditer(FY, own):  # "2023/24" names two years: no one year is the sentence's
        years |= {int(fy["y"]), int(fy["y"][:2] + fy["y2"][-2:])}
    default_year = years.pop() if len(years) == 1 else None
    if not years and default_year is None and statement_date is not None:
        # "Last year there were three deployments, all in February": February of last year
        # ("on 2 and 10 May last year, and again on 19 February": a date's own "last year" is not the sentence's)
        if _LAST_YEAR_ALONE.search(own):
            default_year = statement_date.year - 1
        elif re.search(r"(?i)\bthis (?:calendar )?year\b", own):
            default_year = statement_date.year
    found: list[Phrase] = []
    series: list[tuple[int, int]] = []  # where a series' period was set aside
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(p.start < m.end() and m.start() < p.end for p in found) \
                    or any(a < m.end() and m.start() < b for a, b in series):
                continue
            if kind == "since" and _SUPERLATIVE.search(text[max(0, m.start() - 60):m.start()]):
                continue  # "homicides were at their lowest level since 2014": a comparison, no period of figures
            if kind in ("ytd", "to_date") and _SUPERLATIVE_SO_FAR.search(text[max(0, m.start() - 80):m.start()]):
                continue  # "22 alerts, the highest number at a single Croydon deployment so far this year": a record
            if kind in _SERIES_KINDS and (
                    _MOST_AT_ANY.search(text[max(0, m.start() - 80):m.start()])
                    or _IN_A_SERIES.search(text[max(0, m.start() - 110):m.start()])
                    or kind in _SO_FAR_KINDS and _NTH_TIME.search(text[max(0, m.start() - 90):m.start()])):
                series.append((m.start(), m.end()))  # (nor is "last year" inside "since April last year")
                continue  # "the most at any deployment this month", "the second time this month": a series' period
            if kind == "vague" and _IT_WAS.search(text[max(0, m.start() - 30):m.start()]):
                continue  # "It was the second deployment in Barking this month": the scene's place in a series
            if kind == "ytd" and default_year is not None and re.fullmatch(r"(?i)all\s+year", m.group().strip()) \
                    and (statement_date is None or default_year != statement_date.year):
                continue  # "In 2022 we used this technology six times all year": the whole of the year named
            try:
                first, last, *point = _resolve(kind, m, statement_date, default_year, not_after)
            except ValueError:  # 31 February: not a date, so not a period
                continue
            if statement_date and last and last > statement_date:
                last = statement_date
            if statement_date and first and first > statement_date:  # the future: no figure can cover it
                first = last = None
            # "between January and June.": the sentence's full stop is not the month's abbreviation point
            end = m.end() - 1 if _FULL_MONTH_STOP.search(m.group()) else m.end()
            found.append(Phrase(m.start(), end, "day" if kind in ("weekday", "yesterday", "today") else kind,
                                first, last, count=_days(m) if kind == "first_days" else _shift(m) if kind == "days_later"
                                else _span(m) if kind ==
                                "first_span_months" else None,
                                anaphor=kind in ("anaphor_day", "since_then", "anaphor_period", *DAY_STEP_KINDS,
                                                 "first_days", "first_span_months")
                                or (kind == "carnival" and first is None),  # "at Carnival": the one named before
                                cumulative=kind in OPEN_START, point_end=point[0] if point else None))
    return resolve_references(text, [_started(text, p, statement_date) for p in found], statement_date)


# "The pilot began in October 2025", "the trial started on 1 October": a programme's start, and the period from it on
_PROGRAMME_BEGAN = re.compile(r"(?i)\b(?:pilot|trial|scheme|programme|project)\b[^.;:]{0,60}?\b(?:began|begun|started|"
                              r"launched|commenced|went live|got under way|went operational)\s*$")


def _started(text: str, phrase: Phrase, statement_date: date | None) -> Phrase:
    if phrase.kind not in ("month", "year", "day") or phrase.first is None or statement_date is None \
            or not _PROGRAMME_BEGAN.search(text[:phrase.start]) or not re.match(r"(?i)(?:in|on)\b", text[phrase.start:]):
        return phrase
    return replace(phrase, kind="since", last=statement_date, point_end=phrase.last)
