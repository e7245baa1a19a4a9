"""Periods, places and deployment selections named in one sentence of answer prose.

Owns the scope of a figure: explicit dates, months, years, financial years
and ranges ("on 27 February 2020", "in January 2020", "between 1 January and
31 March 2020", "in 2019/20"), relative periods resolved against the
answer's date ("this year", "last year", "so far this year", "to date"),
places after "at" / "in" ("at Oxford Circus", "in Stratford") and
deployment selections ("the first two deployments"). A period never extends
past the answer's date; what cannot be resolved stays None, never guessed
("to date" knows its end, the answer date, but not its start; "on 27
February" takes its year only from the same sentence).
Pure: the answer date is an argument, never the clock. Proof: tests/test_claims.py.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from scrapers.claim_numbers import NUMBER_WORD

_MONTH_NUMBERS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTH_NUMBERS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m} | {"sept": 9}
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?")
_YEAR = r"(?:19|20)\d{2}(?!\d|[,/]\d)"
_DAY = r"(?<![\d,.])\d{1,2}(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_DATE = (rf"(?:{_WEEKDAY}{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?|{_WEEKDAY}{_MONTH}\s+{_DAY}(?!\d)(?:,?\s+{_YEAR})?"
         r"|(?<![\d/])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])|\b(?:19|20)\d{2}-\d{2}-\d{2}\b)")
_PREP = r"(?i:in|during|throughout|for|over|across|within|of|by)"
_FY = r"(?P<y>(?:19|20)\d{2})\s*(?:/|(?<=\d)[-–](?=\d\d\b))\s*(?P<y2>\d{2}|(?:19|20)\d{2})(?![\d/])"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("range", re.compile(
        rf"(?i:between|from|in|during)\s+(?P<a>{_DATE}|{_DAY}|{_MONTH}(?:\s+{_YEAR})?|{_YEAR})\s+(?i:and|to|until|till|–|-)\s+"
        rf"(?P<b>{_DATE}|{_MONTH}(?:\s+{_YEAR})?|{_YEAR})")),
    ("since", re.compile(rf"(?i:since)\s+(?P<a>{_DATE}|{_MONTH}(?:\s+{_YEAR})?|{_YEAR})")),
    ("fy", re.compile(rf"(?:{_PREP}\s+)?(?:the\s+)?(?i:financial\s+year\s+)?{_FY}")),
    ("fy", re.compile(r"(?i)(?:(?:so far )?this financial year(?: so far| to date)?)")),
    ("last_fy", re.compile(r"(?i)(?:(?:in |during )?(?:the )?(?:last|previous) financial year)")),
    ("ytd", re.compile(r"(?i)(?:(?:so far )?this (?:calendar )?year(?: so far| to date)?|(?:the )?year to date)")),
    ("last_year", re.compile(r"(?i)(?:(?:in |during |over )?last (?:calendar )?year|(?:in |during )?the previous (?:calendar )?year)")),
    ("past_year", re.compile(r"(?i)(?:(?:in |over |during )?the (?:last|past) (?:twelve|12) months|(?:in |over |during )?the past year)")),
    ("this_month", re.compile(r"(?i)(?:so far )?this month")),
    ("last_month", re.compile(r"(?i)(?:in |during )?last month")),
    ("day", re.compile(rf"(?:(?i:on)\s+)?(?P<a>{_DATE})")),
    ("month", re.compile(rf"(?:(?:{_PREP}|(?i:since))\s+)?(?P<a>{_MONTH}\s+{_YEAR})|{_PREP}\s+(?P<b>{_MONTH})(?!\s*\d)")),
    ("year", re.compile(rf"(?:{_PREP}\s+(?:the\s+)?(?:(?i:calendar\s+)?year\s+)?|(?i:calendar\s+)year\s+)(?P<a>{_YEAR}(?:(?:,\s*|,?\s+and\s+){_YEAR})*)(?:\s+(?i:so far|to date))?")),
    ("to_date", re.compile(r"(?i)\b(?:to date|so far)\b")),
]

_PLACE = r"(?:St\.?\s+)?[A-Z][\w'’&-]*(?:\s+(?:upon\s+|on\s+(?=Thames)|de\s+|le\s+)?(?:[A-Z][\w'’-]*|&))*"
_LOCATION = re.compile(
    rf"\b(?i:at|in|outside|near|around)\s+(?P<places>{_PLACE}(?:(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+){_PLACE})*)")
_NOT_PLACES = set(
    "january february march april may june july august september october november december jan feb mar apr jun "
    "jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday london greater uk "
    "england britain wales scotland europe the this that these those it its our my their his her we i he she "
    "they met mps metropolitan police mayor mayor's assembly gla lfr afr live facial automatic home government "
    "parliament court data information commissioner question section annex appendix table total answer my "
    "response addition particular order line future summary general practice public".split())

_ORDINAL = r"(?:first|second|third|fourth|fifth|last|latest|previous|most recent|initial|next|final|earliest|opening)"
_SELECTION = re.compile(
    rf"(?i)\b(?:the|these|those|both|its|their|all(?: of)?(?: the| its)?|each(?: of the)?|every)\s+"
    rf"(?P<ordinal>{_ORDINAL}\s+)?(?:(?:\d+|{NUMBER_WORD})\s+)?"
    r"(?:(?:lfr|live facial recognition|facial recognition|operational|trial|separate|recent|further)\s+)*"
    r"deployments?\b")


@dataclass(frozen=True)
class Phrase:
    """A scope phrase: its span in the sentence and what it sets.

    kind: a period kind ('day', 'range', 'year', 'ytd', 'to_date', ...),
    'location' (`places`), or 'selection' (`ordinal` for "the first two").
    `first` / `last` is the period, already clipped to the answer date.
    """

    start: int
    end: int
    kind: str
    first: date | None = None
    last: date | None = None
    places: tuple[str, ...] = ()
    ordinal: bool = False


def _parse_point(text: str, default_year: int | None) -> tuple[date | None, date | None]:
    """First and last day of a date, month or year expression; (None, None) if its year is unknown."""
    text = re.sub(r"^[A-Za-z]+day,?\s+", "", text.strip())
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", text):
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        day = date(year, int(m[2]), int(m[1]))
        return day, day
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := re.fullmatch(r"\d{4}", text):
        return date(int(text), 1, 1), date(int(text), 12, 31)
    day_m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", text)
    month_m = re.search(r"[A-Za-z]+", text)
    year_m = re.search(r"\b(\d{4})\b", text)
    year = int(year_m[1]) if year_m else default_year
    if year is None or month_m is None or month_m[0].lower() not in _MONTH_NUMBERS:
        return None, None
    month = _MONTH_NUMBERS[month_m[0].lower()]
    if day_m:
        day = date(year, month, int(day_m[1]))
        return day, day
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _fy_start(day: date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def _year_before(day: date) -> date:
    """The day after the same date a year earlier: the start of "the past twelve months"."""
    try:
        return day.replace(year=day.year - 1) + timedelta(days=1)
    except ValueError:  # 29 February
        return date(day.year - 1, 3, 1)


def _resolve(kind: str, m: re.Match[str], answer_date: date | None,
             default_year: int | None) -> tuple[date | None, date | None]:
    if kind == "year":  # "in 2019", "in 2020, 2021 and 2022"
        years = [int(y) for y in re.findall(r"\d{4}", m["a"])]
        return date(min(years), 1, 1), date(max(years), 12, 31)
    if kind in ("range", "since", "day", "month"):
        a = m.group("a") or m.groupdict().get("b")
        b = m.groupdict().get("b") if kind == "range" else None
        if b is not None:
            b_first, b_last = _parse_point(b, default_year)
            end_year = b_last.year if b_last else default_year
            if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", a.strip()) and b_last:  # "between 11 and 27 February"
                return date(b_last.year, b_last.month, int(re.match(r"\d+", a.strip())[0])), b_last
            return _parse_point(a, end_year)[0], b_last
        first, last = _parse_point(a, default_year)
        return (first, answer_date) if kind == "since" else (first, last)
    if kind == "fy" and m.groupdict().get("y"):
        y, y2 = int(m["y"]), int(m["y2"])
        if y2 % 100 != (y + 1) % 100:
            return None, None
        return date(y, 4, 1), date(y + 1, 3, 31)
    if answer_date is None:
        return None, None
    a = answer_date
    return {
        "fy": (date(_fy_start(a), 4, 1), a),
        "last_fy": (date(_fy_start(a) - 1, 4, 1), date(_fy_start(a), 3, 31)),
        "ytd": (date(a.year, 1, 1), a),
        "last_year": (date(a.year - 1, 1, 1), date(a.year - 1, 12, 31)),
        "past_year": (_year_before(a), a),
        "this_month": (a.replace(day=1), a),
        "last_month": ((a.replace(day=1) - timedelta(days=1)).replace(day=1), a.replace(day=1) - timedelta(days=1)),
        "to_date": (None, a),
    }[kind]


def find_periods(text: str, answer_date: date | None) -> list[Phrase]:
    """Every period phrase in `text` (a masked sentence), clipped to `answer_date`, in order."""
    years = {int(y) for y in re.findall(rf"(?<!\d){_YEAR}", text)}
    default_year = years.pop() if len(years) == 1 else None
    found: list[Phrase] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(p.start < m.end() and m.start() < p.end for p in found):
                continue
            try:
                first, last = _resolve(kind, m, answer_date, default_year)
            except ValueError:  # 31 February: not a date, so not a period
                continue
            if answer_date and last and last > answer_date:
                last = answer_date
            if answer_date and first and first > answer_date:  # the future: no figure can cover it
                first = last = None
            found.append(Phrase(m.start(), m.end(), kind, first, last))
    return sorted(found, key=lambda p: p.start)


def find_locations(text: str) -> list[Phrase]:
    """Places named after "at", "in", "outside", "near" or "around", one phrase per list of places."""
    found = []
    for m in _LOCATION.finditer(text):
        places = [p.strip() for p in re.split(r"\s*,\s*and\s+|\s*,\s*|\s+and\s+", m["places"])]
        places = [p for p in places if p.split()[0].lower().rstrip(".") not in _NOT_PLACES]
        if places:
            found.append(Phrase(m.start(), m.end(), "location", places=tuple(places)))
    return found


def find_selections(text: str) -> list[Phrase]:
    """Deployment selections ("the first two deployments", "both deployments"): scope, not counts."""
    return [Phrase(m.start(), m.end(), "selection", ordinal=bool(m["ordinal"])) for m in _SELECTION.finditer(text)]
