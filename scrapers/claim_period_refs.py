"""Period phrases that take their dates from another one in the same sentence.

Owns "on 8 and 24 January" (the 8th takes the month named last), "up from
204 the year before" (the year before the whole year named just before; "the
month before", the month before the one named just before) and
"on Tuesday 10 February and in Sutton the following day" (the day after the
day named just before), "on Friday the 11th" (the Friday that was an 11th)
and "from 272 in the first half of the year to 300 in the second" (the
year's other half). Works on the phrases claim_periods.find_periods
found, in order; pure. Proof: tests/test_passages_scope.py, tests/test_passages.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

_DAYS_BEFORE = re.compile(r"(?<![\w,])((?:\d{1,2}(?:st|nd|rd|th)?\s*,\s*)*\d{1,2}(?:st|nd|rd|th)?)\s+and\s+$")


def year_before(day: date) -> date:
    """The same date a year earlier: the start of "the past twelve months" counted back from a statement."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return date(day.year - 1, 2, 28)


_THE_NTH_AFTER = re.compile(r"\s+the\s+(?P<n>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?!\s+of\b)")


def weekday_the_nth(found: list, text: str, statement_date: date | None) -> list:
    """"On Friday the 11th": the latest Friday that fell on an 11th, not after the statement (the weekday alone would
    be the latest Friday). `text` is the sentence unmasked (its ordinals are blanked in the masked one)."""
    out = []
    for p in found:
        if p.kind == "day" and p.first is not None and p.first == p.last and statement_date is not None \
                and re.search(r"(?i)day\s*$", text[p.start:p.end]) and (m := _THE_NTH_AFTER.match(text, p.end)):
            day = p.first
            while day.day != int(m["n"]) and (p.first - day).days < 400:
                day -= timedelta(days=7)
            if day.day == int(m["n"]):
                p = replace(p, first=day, last=day, end=m.end())
        out.append(p)
    return out


def resolve_references(text: str, found: list, statement_date: date | None) -> list:
    """`found` (a sentence's period phrases) with listed days added and "the year before" and "the following day"
    resolved against the phrase named before them; sorted by position."""
    found = sorted(found + _listed_days(text, found, statement_date) + _other_parts(text, found), key=lambda p: p.start)
    for i, p in enumerate(found):  # "the year before": the whole year (or financial year) named just before, a year back
        if p.kind == "year_before":
            year = next((y for y in reversed(found[:i]) if y.kind in ("year", "fy", "last_year", "last_fy") and y.first and y.last
                         and y.last.year - y.first.year <= 1 and (y.last - y.first).days in range(364, 366)), None)
            found[i] = replace(p, kind="year", first=year_before(year.first) if year else None,
                               last=year_before(year.last + timedelta(days=1)) - timedelta(days=1) if year else None)
    for i, p in enumerate(found):  # "… in January 2022; there were six deployments that year": that date's year
        if p.kind == "that_year":
            named = next((q for q in reversed(found[:i]) if q.first and q.kind != "that_year"), None)
            found[i] = replace(p, kind="year", first=date(named.first.year, 1, 1), last=min(
                date(named.first.year, 12, 31), statement_date or date.max), anaphor=False) if named else replace(
                p, kind="anaphor_period", anaphor=True)
    for i, p in enumerate(found):  # "the month before": the whole month named just before, a month back
        if p.kind == "month_before":
            month = next((m for m in reversed(found[:i]) if m.first and m.last and m.first.day == 1
                          and (m.first.year, m.first.month) == (m.last.year, m.last.month)
                          and (m.last + timedelta(days=1)).day == 1), None)
            if month:  # (else the month in hand: claim_focus.month_before)
                last = month.first - timedelta(days=1)
                found[i] = replace(p, kind="month", first=last.replace(day=1), last=last)
    # "on Tuesday 10 February and on Walthamstow High Street the following day": the day after the one just named
    for i, p in enumerate(found):
        day = next((d for d in reversed(found[:i]) if d.kind == "day" and d.first and d.first == d.last), None)
        if p.kind in DAY_STEP_KINDS and day is not None:
            after = day.first + timedelta(days=day_step([p]))
            if not statement_date or after <= statement_date:
                found[i] = replace(p, kind="day", first=after, last=after, anaphor=False)
    return found


_ELLIPTIC_PART = re.compile(r"(?i)\b(?:in|during|over)\s+the\s+(first|second|third|fourth|latter)(?=\s*(?:[.,;)]|$))")
_ORDER = {"first": 0, "second": 1, "third": 2, "fourth": 3, "latter": 1}


def _other_parts(text: str, found: list) -> list:
    """ "… in the first half of the year to 300 in the second": the same year's other half (or quarter)."""
    out = []
    for m in _ELLIPTIC_PART.finditer(text):
        part = next((p for p in reversed(found) if p.kind == "part_year" and p.end <= m.start() and p.first and p.last),
                    None)
        if part is None or any(p.start < m.end() and m.start() < p.end for p in found):
            continue
        months = part.last.month - part.first.month + 1
        start_month = 1 + _ORDER[m[1].lower()] * months
        if start_month + months - 1 > 12:
            continue
        first = date(part.first.year, start_month, 1)
        last = (date(part.first.year + (start_month + months > 12), (start_month + months - 1) % 12 + 1, 1)
                - timedelta(days=1))
        out.append(replace(part, start=m.start(), end=m.end(), first=first, last=last))
    return out


def _listed_days(text: str, found: list, statement_date: date | None) -> list:
    """The other days of "on 8 and 24 January", "on 2, 9 and 16 May": each its own day, in the month named last."""
    out = []
    for p in found:
        if p.kind != "day" or not p.first or p.first != p.last or not (m := _DAYS_BEFORE.search(text[:p.start])):
            continue
        for n in re.finditer(r"\d{1,2}(?:st|nd|rd|th)?", m[1]):  # ("on 5th and 6th April": the suffix too)
            try:
                day = p.first.replace(day=int(n[0].rstrip("stndrh")))
            except ValueError:
                continue
            if day < p.first and not (statement_date and day > statement_date):
                start = m.start(1) + n.start()
                out.append(replace(p, start=start, end=start + len(n[0]), first=day, last=day, anaphor=False,
                                   count=None, cumulative=False, point_end=None))
    return out


# The phrases that move the day in hand: "the following day", "the day before", "Two days later"
DAY_STEP_KINDS = ("next_day", "prev_day", "days_later")


def day_step(phrases: list) -> int:
    """How many days after (before) the day in hand a sentence's words move it: "the following day" 1, "the day
    before" -1, "Two days later" 2; 0 when they do not."""
    return next((1 if p.kind == "next_day" else -1 if p.kind == "prev_day" else p.count for p in phrases
                 if p.kind in DAY_STEP_KINDS), 0)
