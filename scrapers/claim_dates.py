"""One written date, month or year → its first and last day, resolved against the statement's date.

Owns the rules for a single point in time: "14 June 2024", "Friday, 14
June", "June", "2024", "14/06/24"; a day and month without a year take the
year given, else the latest such date not after the statement's date, else
(an undated statement) the latest year in which it fell on the weekday named
beside it. Written dates are read by dateparser ("14th of June", "Sept.
3"). Periods made of these points are claim_periods.py. Pure.
Proof: tests/test_claims.py, tests/test_passages.py.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from functools import lru_cache

import dateparser

from scrapers.claim_period_patterns import MONTH, MONTH_NUMBERS, WEEKDAY_NAME


@lru_cache(maxsize=4096)
def _dateparser(text: str, base: date | None) -> date | None:
    settings = {"DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"],
                "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def latest_not_after(month: int, day: int, statement_date: date) -> date:
    """The latest `day` `month` that is not after `statement_date` (ValueError for 31 February)."""
    year = statement_date.year
    for y in (year, year - 1, year - 2, year - 3, year - 4):
        try:
            candidate = date(y, month, day)
        except ValueError:  # 29 February in a common year
            continue
        if candidate <= statement_date:
            return candidate
    raise ValueError(f"no {day}/{month} before {statement_date}")


def _year_from_weekday(month: int, day: int, weekday: str, not_after: date) -> date | None:
    """An undated statement's "Wednesday (15 May)": the latest such date, not after `not_after` (when the statement
    was read), that fell on that weekday (a weekday repeats on a date every 5 to 11 years, so the most recent one
    is the likely one)."""
    target = [name.lower() for name in calendar.day_name].index(weekday.lower())
    for year in range(not_after.year, not_after.year - 12, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= not_after and candidate.weekday() == target:
            return candidate
    return None


def next_year(day: date) -> date:
    """The same day a year later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def parse_point(text: str, default_year: int | None, statement_date: date | None,
                 weekday: str | None = None, not_after: date | None = None) -> tuple[date | None, date | None]:
    """First and last day of a date, month or year expression; (None, None) if its year is unknown.
    `weekday` is one named beside the date ("Wednesday (15 May)") when the text itself does not start with it."""
    if named := re.match(rf"(?i:{WEEKDAY_NAME})", text.strip()):
        weekday = named[0]
    text = re.sub(rf"^(?:{WEEKDAY_NAME}),?\s*", "", text.strip()).strip("() ")
    if m := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})", text):
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        day = date(year, int(m[2]), int(m[1]))
        return day, day
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 1, 1), date(int(text), 12, 31)
    has_day = re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", text)
    month_m = re.search(MONTH, text)
    year_m = re.search(r"\b(\d{4})\b", text)
    if month_m is None:
        return None, None
    month = MONTH_NUMBERS[month_m[0].lower().rstrip(".")]
    year = int(year_m[1]) if year_m else default_year
    if has_day:
        parsed = _dateparser(text if year_m or year is None else f"{text} {year}", statement_date)
        if parsed is None:
            raise ValueError(f"not a date: {text!r}")
        if not year_m and year is None:
            if statement_date is None:
                day = _year_from_weekday(parsed.month, parsed.day, weekday, not_after) if weekday and not_after else None
                return day, day
            parsed = latest_not_after(parsed.month, parsed.day, statement_date)
        elif not year_m and weekday and statement_date is not None:
            # "yesterday (Friday 28 January), the first … since February 2020": the weekday says which year, not the
            # year another phrase of the sentence names
            target = [name.lower() for name in calendar.day_name].index(weekday.lower())
            latest = latest_not_after(parsed.month, parsed.day, statement_date)
            if parsed.weekday() != target and latest.weekday() == target:
                parsed = latest
        return parsed, parsed
    if year is None:
        if statement_date is None:
            return None, None
        year = statement_date.year if month <= statement_date.month else statement_date.year - 1
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
