"""Periods worked out from the context frame rather than read from words alone.

Owns: the frame after a table (its rows' union, or the frame it only broke
down), a day of the frame's month ("on the 16th"), a quarter of the year it
names ("in Q2" after "Quarter 3 2024/25"), and the first months from the
day it names ("In the first three months" after "went live on 1 October").
Pure. Proof: tests/test_passages_official.py, tests/test_passages.py.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from scrapers.claim_frame import Frame
from scrapers.claim_period_patterns import DATE
from scrapers.claim_periods import Phrase

_A_DAY = re.compile(DATE)


def table_frame(frame: Frame, rows: list) -> Frame:
    """The frame after a table whose rows each named their period: all of them, for "these deployments"."""
    firsts = [c.period_start for c in rows if c.period_start]
    lasts = [c.period_end for c in rows if c.period_end]
    if not firsts or not lasts:
        return frame
    places = tuple(dict.fromkeys(p for c in rows for p in c.locations))
    return Frame(min(firsts), max(lasts), "the table's rows", "sentence", "union", False, places,
                 "the table's rows" if places else None, "sentence" if places else None, None, ())


def breaks_down(frame: Frame, rows: list) -> bool:
    """Whether a table's rows only break the frame's period down ("seven times during September" over rows 2 to 30
    Sept): after it, "Three alerts were false" is still September's, and only "these deployments" are its rows."""
    firsts = [c.period_start for c in rows if c.period_start]
    lasts = [c.period_end for c in rows if c.period_end]
    return bool(firsts and lasts and frame.first and frame.last and frame.first < frame.last
                and frame.first <= min(firsts) and max(lasts) <= frame.last)


def days_of_frame_month(frame: Frame, days: tuple[int, ...], statement_date: date | None) -> tuple[date | None,
                                                                                                date | None]:
    """"on the 16th", "on the 4th and the 27th": the first to the last of those days of the one month the frame lies
    in (never after the statement); (None, None) where the first cannot be placed."""
    first = _day_of_frame_month(frame, min(days), statement_date)
    return first, _day_of_frame_month(frame, max(days), statement_date) if first else None


def _day_of_frame_month(frame: Frame, day: int, statement_date: date | None) -> date | None:
    if not (frame.first and frame.last and (frame.first.year, frame.first.month) == (frame.last.year, frame.last.month)):
        return None
    try:
        found = frame.first.replace(day=day)
    except ValueError:  # "the 31st" of a shorter month
        return None
    return found if statement_date is None or found <= statement_date else None


def quarter_of_frame(frame: Frame, quarter: int, statement_date: date | None) -> tuple[date, date] | None:
    """"in Q2": that quarter of the financial year the frame names ("Quarter 3 2024/25": July to September 2024), else
    of its calendar year; None without a frame or for a quarter not begun by the statement's date."""
    if frame.first is None:
        return None
    financial = bool(re.search(r"(?i)\d{4}\s*[/-]\s*\d{2}\b|financial|\bFY", frame.period_words or ""))
    year = (frame.first.year if frame.first.month >= 4 else frame.first.year - 1) if financial else frame.first.year
    month = (4 + 3 * (quarter - 1)) if financial else 1 + 3 * (quarter - 1)
    first = date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    last = date(first.year + (first.month + 2 > 12), (first.month + 2 - 1) % 12 + 1, 1)
    last = date(last.year, last.month, calendar.monthrange(last.year, last.month)[1])
    if statement_date and first > statement_date:
        return None
    return first, min(last, statement_date) if statement_date else last


def opening_span(frame: Frame, phrase: Phrase, statement_date: date | None) -> tuple[date, date] | None:
    """"In the first three months" after "went live on 1 October": from the frame's start, that many months (to the
    statement's date at most); inside a longer period, its start."""
    if frame.first is None or phrase.count is None:
        return None
    month = frame.first.month - 1 + phrase.count
    if frame.period_kind == "since" and not _A_DAY.search(frame.period_words or ""):
        # "began in October": any day of October, so its first three months end at the latest on 31 January
        month += 1
        end = date(frame.first.year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return frame.first, min(end, statement_date) if statement_date else end
    try:
        end = date(frame.first.year + month // 12, month % 12 + 1, frame.first.day) - timedelta(days=1)
    except ValueError:  # 31 January + one month
        end = date(frame.first.year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    cap = statement_date if frame.is_day or frame.last is None else frame.last
    return frame.first, min(end, cap) if cap else end
