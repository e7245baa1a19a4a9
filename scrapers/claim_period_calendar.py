"""Periods named by the calendar people live in, counted from the statement's date.

Owns "a fortnight ago", "a year ago today", "the week before last", "last
weekend", "this time last year", "by the end of last month", "the twelve
months to the end of last month", "since the start of last year", "over the Easter weekend", "the August
bank holiday weekend", "on Boxing Day", "on New Year's Eve", "since the
clocks went back", seasons ("over the autumn"), "the first week of June", "the week beginning 7 October",
"the second half of last year", "in the same month last year", "the last
two financial years", and the words that name no days at all ("in
mid-March", "during the heatwave", "during the school summer holidays",
"in the run-up to Christmas"): a period the figure has, but not one the
records can be read over, so it is unknown rather than the one before it.
Pure: `resolve` takes the match and the statement's date.
Proof: tests/test_passages_scope.py.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from dateutil.easter import easter

MONTH_NAMES = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_NUMBER = r"(?P<n>\d{1,3}|two|three|four|five|six|seven|eight|nine|ten)"
_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

# (kind, pattern): each claims its words before the general period patterns do.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [(kind, re.compile(pattern)) for kind, pattern in [
    ("ago", rf"(?i)\b(?:a fortnight|a week|{_NUMBER} (?P<unit>days|weeks)) ago\b"),
    ("year_ago_today", r"(?i)\ba year ago today\b"),
    ("week_before_last", r"(?i)\b(?:in |during |over )?the week before last\b"),
    # "On Tuesday last week": that day of the week before the statement's
    ("weekday_last_week", r"(?i)\b(?:on )?(?P<w>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: of)? last week\b"),
    ("last_weekend", r"(?i)\b(?:over |at |during |on )?last weekend\b"),
    ("this_time_last_year", r"(?i)\bthis time last year\b"),
    ("end_of_last_month", r"(?i)\bby the end of last month\b"),
    ("since_start_of_last", r"(?i)\b(?:since|from) the (?:start|beginning) of last (?P<unit>year|month)\b"),
    ("since_start_of_this", r"(?i)\b(?:since|from) the (?:start|beginning) of (?:the|this) (?P<unit>month|week)\b"),
    ("months_to_last_month", rf"(?i)\b(?:in |over |during )?the (?:{_NUMBER}|twelve) months to the end of last month\b"),
    ("easter", r"(?i)\b(?:over |during |across |at )?(?:the )?easter (?:bank holiday )?weekend\b|"
               # "ran between Good Friday and Easter Monday", "over Easter"
               r"\b(?:between|from) good friday (?:and|to|until) easter monday\b|\b(?:over|during|across|at|throughout) easter\b"
               r"(?! (?:sunday|monday|saturday|day)\b)"),
    ("easter_day", r"(?i)\b(?:on )?(?P<day>good friday|easter saturday|easter sunday|easter day|easter monday)\b"),
    ("after_easter", r"(?i)\b(?:in |during |over )?the week after easter\b"),
    ("august_bank_holiday", r"(?i)\b(?:over |during |across )?the august bank holiday(?: weekend)?\b"),
    # "over the bank holiday weekend", "the May bank holiday weekend": the latest one (Saturday to Monday)
    ("bank_holiday_weekend", r"(?i)\b(?:over |during |across |at )?the (?P<which>(?:early |spring |late )?may )?bank holiday "
                             r"weekend\b"),
    # "since last March": from the start of the latest March before this month, to the statement
    ("since_last_month", rf"(?i)\bsince last (?P<month>{MONTH_NAMES})\b"),
    # "since New Year's Day", "since Christmas Day": from that day to the statement
    ("since_holiday", r"(?i)\bsince (?P<day>boxing day|christmas day|christmas eve|new year['’]s eve|new year['’]s day)\b"),
    ("holiday_day", r"(?i)\b(?:on |over )?(?P<day>boxing day|christmas day|christmas eve|new year['’]s eve|new year['’]s day)\b"),
    ("clocks", r"(?i)\bsince the clocks went (?P<way>back|forward)\b"),
    ("season", r"(?i)\b(?:over |during |in |across |throughout )?(?:the|this|last) (?P<season>autumn|spring|winter)\b"),
    ("first_week_of", rf"(?i)\b(?:in |during |over )?the (?P<which>first|last) week of (?P<month>{MONTH_NAMES})\b"),
    # "during the week beginning 7 October 2024": that day and the six after it
    # ("the week ending 10 November": that day and the six before it)
    ("week_beginning", rf"(?i)\b(?:in |during |over )?the week (?P<way>beginning|commencing|starting|ending)(?: on)? (?P<day>\d{{1,2}})"
                       rf"(?:st|nd|rd|th)? (?P<month>{MONTH_NAMES})(?: (?P<year>\d{{4}}))?\b"),
    ("half_of_year", r"(?i)\b(?:in |during |over )?the (?P<which>first|second) half of (?P<when>last|this) year\b"),
    ("quarter_of_year", r"(?i)\b(?:in |during |over )?the (?P<which>first|second|third|fourth|last|final) quarter of "
                        r"(?P<when>last|this) year\b"),
    # "In Q1 of this financial year", "the third quarter of last financial year": April to June, …
    ("fy_quarter", r"(?i)\b(?:in |during |over )?(?:Q(?P<q>[1-4])|the (?P<which>first|second|third|fourth|final|last) quarter) "
                   r"of (?P<when>this|the current|last|the last|the previous) financial year\b"),
    # "In the first two weeks of this month": from the month's first day
    # "In the first seven weeks of this year": from 1 January
    ("first_of_this_year", rf"(?i)\b(?:in |over |during |within )?the first {_NUMBER} (?P<unit>days|weeks) of (?:this|the "
                           r"current) year\b"),
    ("first_of_this_month", rf"(?i)\b(?:in |over |during |within )?the first {_NUMBER} (?P<unit>days|weeks) of (?:this|the "
                            rf"current) month\b"),
    ("same_month_last_year", r"(?i)\b(?:in |during )?the same month last year\b"),
    ("previous_quarter", r"(?i)\b(?:in |during |over )?the (?:previous|last) quarter\b"),
    # "Fifteen of this quarter's alerts": the quarter in hand (claim_focus), else the statement's so far
    ("this_quarter", r"(?i)\b(?:in |during |over )?this quarter(?=['’]s\b|\b)"),
    # "At the end of last month", "at the start of the month": that month's last or first seven days
    # (not "As at the end of last month": where a total stopped, claim_period_patterns.py)
    ("month_edge", r"(?i)(?<!\bas )\b(?:at|towards|toward) the (?P<edge>end|start|beginning) of (?P<which>last|this|the) month\b"),
    ("last_n_fys", rf"(?i)\b(?:in |over |during )?the (?:last|past|previous) {_NUMBER} (?:complete |full )?financial years\b"),
    ("vague", rf"(?i)\b(?:in |during |by )?(?:mid|early|late)[- ](?:{MONTH_NAMES}|last year|this year)\b|"
              r"\b(?:during|in|over|throughout) the (?:heatwave|school (?:summer )?holidays|half[- ]term|"
              r"run-up to christmas|festive (?:period|season))\b|"
              # "On the first day … the second day": which of the days named before is not said by a date
              r"(?<!since )\b(?:on |over )?the (?:first|second|third|final|last) (?:day|night|deployment)\b(?! of)|"
              # "On the first of those days": the first of the days just named
              r"(?<!since )\b(?:on |over )?the (?:first|second|third|final|last) of (?:those|these|the) (?:two |three )?"
              r"(?:days|dates|deployments)\b"),
]]
# … and those that come after every other pattern: "went live last October" is the latest October before the
# statement's month, but "since deployments there began last October" is a since (claim_period_patterns.py)
LATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("last_named_month", re.compile(rf"(?i)\b(?:in |during )?last (?P<month>{MONTH_NAMES})\b")),
]
KINDS = {kind for kind, _ in PATTERNS + LATE_PATTERNS}


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year_back(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return date(day.year - 1, 2, 28)


def _latest(month: int, day: int, s: date) -> date:
    this = date(s.year, month, day)
    return this if this <= s else date(s.year - 1, month, day)


def _bank_holiday_mondays(year: int, which: str) -> list[date]:
    """A year's Monday bank holidays (England): Easter Monday, early May, spring and August; `which` ("may",
    "early may", "spring may", "late may") narrows them."""
    first_may = date(year, 5, 1) + timedelta(days=(7 - date(year, 5, 1).weekday()) % 7)
    end_may = _end_of_month(year, 5)
    last_may = end_may - timedelta(days=end_may.weekday())
    end_august = _end_of_month(year, 8)
    days = {"easter": easter(year) + timedelta(days=1), "early may": first_may, "late may": last_may,
            "august": end_august - timedelta(days=end_august.weekday())}
    if which == "may":
        return [first_may, last_may]
    if which:
        return [days["late may" if which == "spring may" else which]]
    return list(days.values())


def _n(m: re.Match[str]) -> int:
    n = m.groupdict().get("n")
    return 12 if n is None else int(n) if n.isdigit() else _WORDS[n.lower()]


def resolve(kind: str, m: re.Match[str], s: date | None) -> tuple[date | None, date | None]:
    """(first, last) of a calendar period, from the statement's date `s`; (None, None) when no days are named."""
    if kind == "vague" or s is None:
        return None, None
    first_of_month = s.replace(day=1)
    last_month_end = first_of_month - timedelta(days=1)
    monday = s - timedelta(days=s.weekday())
    if kind == "ago":
        words = m[0].lower()
        days = 14 if "fortnight" in words else 7 if words.startswith("a week") else _n(m) * (7 if m["unit"] == "weeks" else 1)
        return s - timedelta(days=days), s - timedelta(days=days)
    if kind == "year_ago_today":
        return _year_back(s), _year_back(s)
    if kind == "weekday_last_week":
        day = monday - timedelta(days=7) + timedelta(days=list(calendar.day_name).index(m["w"].capitalize()))
        return day, day
    if kind == "week_before_last":
        return monday - timedelta(days=14), monday - timedelta(days=8)
    if kind == "last_weekend":
        saturday = monday - timedelta(days=2)
        return saturday, saturday + timedelta(days=1)
    if kind == "this_time_last_year":  # the year so far, a year ago
        return date(s.year - 1, 1, 1), _year_back(s)
    if kind == "end_of_last_month":
        return None, last_month_end
    if kind == "week_beginning":
        month, day = _MONTHS[m["month"].lower()], int(m["day"])
        try:
            start = date(int(m["year"]), month, day) if m["year"] else next(
                d for y in (s.year, s.year - 1) if (d := date(y, month, day)) <= s)
        except (ValueError, StopIteration):
            return None, None
        if m["way"].lower() == "ending":
            return start - timedelta(days=6), start
        return start, min(start + timedelta(days=6), s)
    if kind == "since_start_of_this":  # "18 times since the start of the month"
        return (first_of_month if m["unit"].lower() == "month" else monday), s
    if kind == "since_start_of_last":  # "Around 1,000 since the start of last year"
        return (date(s.year - 1, 1, 1) if m["unit"].lower() == "year" else last_month_end.replace(day=1)), s
    if kind == "months_to_last_month":
        n = _n(m)
        month = last_month_end.month - n
        start = date(last_month_end.year + (month // 12), month % 12 + 1, 1)
        return start, last_month_end
    if kind == "easter":
        sunday = easter(s.year)
        if sunday - timedelta(days=2) > s:
            sunday = easter(s.year - 1)
        return sunday - timedelta(days=2), min(sunday + timedelta(days=1), s)
    if kind == "easter_day":  # the latest one not after the statement
        shift = {"good friday": -2, "easter saturday": -1, "easter sunday": 0, "easter day": 0, "easter monday": 1}[
            m["day"].lower()]
        day = easter(s.year) + timedelta(days=shift)
        day = day if day <= s else easter(s.year - 1) + timedelta(days=shift)
        return day, day
    if kind == "after_easter":  # the Tuesday after Easter Monday to the next Sunday
        sunday = easter(s.year)
        if sunday + timedelta(days=2) > s:
            sunday = easter(s.year - 1)
        return sunday + timedelta(days=2), min(sunday + timedelta(days=7), s)
    if kind == "august_bank_holiday":
        year = s.year if date(s.year, 8, 24) <= s else s.year - 1
        monday_ = _end_of_month(year, 8)
        monday_ -= timedelta(days=monday_.weekday())  # the last Monday of August
        return monday_ - timedelta(days=2), min(monday_, s)
    if kind == "bank_holiday_weekend":
        mondays = [d for y in (s.year, s.year - 1) for d in _bank_holiday_mondays(y, (m["which"] or "").strip().lower())
                   if d - timedelta(days=2) <= s]
        if not mondays:
            return None, None
        monday_ = max(mondays)
        easter_ = monday_ == easter(monday_.year) + timedelta(days=1)  # from Good Friday
        return monday_ - timedelta(days=3 if easter_ else 2), min(monday_, s)
    if kind == "first_of_this_year":
        start = date(s.year, 1, 1)
        return start, min(start + timedelta(days=_n(m) * (7 if m["unit"].lower() == "weeks" else 1) - 1), s)
    if kind == "first_of_this_month":
        return first_of_month, min(first_of_month + timedelta(days=_n(m) * (7 if m["unit"].lower() == "weeks" else 1) - 1),
                                   s)
    if kind == "since_last_month":
        month = _MONTHS[m["month"].lower()]
        return date(s.year if month < s.month else s.year - 1, month, 1), s
    if kind == "last_named_month":
        month = _MONTHS[m["month"].lower()]
        year = s.year if month < s.month else s.year - 1
        return date(year, month, 1), _end_of_month(year, month)
    if kind == "fy_quarter":
        fy = (s.year if s.month >= 4 else s.year - 1) - (m["when"].lower() in ("last", "the last", "the previous"))
        q = int(m["q"]) if m["q"] else {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4,
                                        "last": 4}[m["which"].lower()]
        start = date(fy + (q == 4), 3 * q + 1 if q < 4 else 1, 1)
        return start, min(_end_of_month(start.year, start.month + 2), s)
    if kind in ("holiday_day", "since_holiday"):
        day = {"boxing day": (12, 26), "christmas day": (12, 25), "christmas eve": (12, 24),
               "new year's eve": (12, 31), "new year's day": (1, 1)}[m["day"].lower().replace("’", "'")]
        d = _latest(*day, s)
        return d, s if kind == "since_holiday" else d
    if kind == "clocks":  # the last Sunday of October (back) or March (forward)
        month = 10 if m["way"].lower() == "back" else 3
        year = s.year
        while True:
            end = _end_of_month(year, month)
            sunday = end - timedelta(days=(end.weekday() + 1) % 7)
            if sunday <= s:
                return sunday, s
            year -= 1
    if kind == "season":  # spring March to May, autumn September to November, winter December to February
        start_month = {"spring": 3, "autumn": 9, "winter": 12}[m["season"].lower()]
        year = s.year if date(s.year, start_month, 1) <= s else s.year - 1
        end_month = (start_month + 1) % 12 + 1
        last = _end_of_month(year + (end_month < start_month), end_month)
        if re.search(r"(?i)\blast\b", m[0]) and last >= s:  # "last winter" in the winter: the one before
            year -= 1
            last = _end_of_month(year + (end_month < start_month), end_month)
        return date(year, start_month, 1), min(last, s)
    if kind == "first_week_of":
        month = _MONTHS[m["month"].lower()]
        year = s.year if date(s.year, month, 1) <= s else s.year - 1
        if m["which"].lower() == "first":
            return date(year, month, 1), min(date(year, month, 7), s)
        end = _end_of_month(year, month)
        return end - timedelta(days=6), min(end, s)
    if kind == "half_of_year":
        year = s.year - (m["when"].lower() == "last")
        first_half = m["which"].lower() == "first"
        return date(year, 1 if first_half else 7, 1), min(date(year, 6, 30) if first_half else date(year, 12, 31), s)
    if kind == "quarter_of_year":
        year = s.year - (m["when"].lower() == "last")
        q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4, "final": 4}[m["which"].lower()]
        return date(year, 3 * q - 2, 1), min(_end_of_month(year, 3 * q), s)
    if kind == "month_edge":
        month_start = last_month_end.replace(day=1) if m["which"].lower() == "last" else first_of_month
        month_end = last_month_end if m["which"].lower() == "last" else min(
            _end_of_month(s.year, s.month), s)
        if m["edge"].lower() == "end":
            return max(month_start, month_end - timedelta(days=6)), month_end
        return month_start, min(month_start + timedelta(days=6), s)
    if kind == "this_quarter":
        return date(s.year, 3 * ((s.month - 1) // 3) + 1, 1), s
    if kind == "previous_quarter":  # the calendar quarter before the statement's
        q_start = date(s.year, 3 * ((s.month - 1) // 3) + 1, 1)
        end = q_start - timedelta(days=1)
        return date(end.year, end.month - 2, 1), end
    if kind == "same_month_last_year":
        return date(s.year - 1, s.month, 1), _end_of_month(s.year - 1, s.month)
    if kind == "last_n_fys":  # the last N complete financial years before the current one
        fy = s.year if s.month >= 4 else s.year - 1
        return date(fy - _n(m), 4, 1), date(fy, 3, 31)
    return None, None
