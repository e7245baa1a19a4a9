"""The one period several period phrases of one figure cover together.

Owns combining a figure's period phrases: "as of 30 April" caps the others;
"so far" beside a named period only says the count runs to the statement;
"2022-23 (from July 2022)" narrows; "In the previous quarter, October to
December 2024" is those dates; "In February this year" is February; days
named inside a wider period ("Last month, … on 11 February and … on 27
February") are when it happened; otherwise the union, unknown if any part
is. Used by the frame (claim_frame.py) and a figure's claim
(claim_build.py). Pure. Proof: tests/test_passages_scope.py.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from scrapers.claim_periods import Phrase


def combined_period(periods: list[Phrase]) -> tuple[date | None, date | None]:
    """The period several phrases cover together; unknown if any is unknown (a running total keeps its end).

    "as of 30 April" caps the others ("this year, as of 30 April" ends on 30 April).
    """
    if any(p.kind != "vague" and (p.first or p.last) for p in periods):  # "Since 2016, … in mid-February": 2016 on
        periods = [p for p in periods if p.kind != "vague"]
    # "On Thursday 13 March this year" in an undated statement: the weekday dated the day; "this year" adds nothing
    if any(p.kind == "ytd" and p.first is None and p.last is None for p in periods) \
            and any(p.kind == "day" and p.first for p in periods):
        periods = [p for p in periods if not (p.kind == "ytd" and p.first is None and p.last is None)]
    caps = [p.last for p in periods if p.kind == "as_of" and p.last]
    # "since July 2022 … before the end of that year": to the end of the year the period starts in
    if any(p.kind == "year_end" for p in periods) and (starts := [p.first for p in periods if p.first]):
        caps.append(date(min(starts).year, 12, 31))
    periods = [p for p in periods if p.kind not in ("as_of", "year_end")]
    # "there have so far been 423 arrests over the two main days of Carnival": "so far" beside a named period
    # only says the count runs up to the statement's date
    open_ended = [p for p in periods if p.kind == "to_date" and p.first is None and p.last]
    if open_ended and any(p.first and p.last for p in periods if p not in open_ended):
        caps += [p.last for p in open_ended]
        periods = [p for p in periods if p not in open_ended]
    # "2022-23 (from July 2022)": a start named right after a period narrows it
    for i, p in enumerate(periods[:-1]):
        nxt = periods[i + 1]
        if nxt.kind == "since" and nxt.start - p.end <= 3 and p.first and p.last and nxt.first and p.first <= nxt.first <= p.last:
            periods = periods[:i] + [replace(p, first=nxt.first)] + periods[i + 2:]
            break
    # "In the previous quarter, October to December 2024": a period the calendar counts from the statement, with its
    # dates said right after it, is those dates
    # ("In Q3 of the previous year (October to December 2023)": whatever the words before, the dates said; "In the
    # previous quarter, Q1 2025/26 (April to June 2025)": the quarter named)
    periods = [p for i, p in enumerate(periods) if not (
        p.kind not in ("since", "to_date", "as_of", "day", "range", "month") and i + 1 < len(periods)
        and periods[i + 1].start - p.end <= 3
        and periods[i + 1].kind in ("range", "month", "day", "quarter") and periods[i + 1].first and periods[i + 1].last)]
    # "Q1 2025-26 (April to June 2025)": a period narrowed by the one right after it is the narrower one
    periods = [p for i, p in enumerate(periods) if not (
        i + 1 < len(periods) and periods[i + 1].start - p.end <= 3 and p.first and p.last and periods[i + 1].first
        and periods[i + 1].last and p.first <= periods[i + 1].first and periods[i + 1].last <= p.last
        and (p.first, p.last) != (periods[i + 1].first, periods[i + 1].last))]
    # "In February this year", "this year it's even better: between January and April": of two periods, one inside
    # the other (said right after it, or "this year" around it), the narrower is the figure's; "Last year there were
    # three deployments - all in February" keeps the year the count was given for
    if len(periods) == 2 and all(p.first and p.last and p.kind not in ("since", "to_date", "day") for p in periods):
        a, b = periods
        inner, outer = (b, a) if a.first <= b.first and b.last <= a.last else (a, b)
        if (a.first, a.last) != (b.first, b.last) and outer.first <= inner.first and inner.last <= outer.last \
                and (outer.kind == "ytd" or b.start - a.end <= 3
                     # "In one week in January alone — from Friday 19 to Thursday 25 January —": the dates after a dash
                     or (inner is b and b.kind == "range" and b.start - a.end <= 12)):
            periods = [inner]
    # "Last month, … in Stratford on 11 February and at Oxford Circus on 27 February": the days named inside
    # a wider period are when it happened
    days = [p for p in periods if p.kind == "day" and p.first]
    wider = [p for p in periods if p not in days]
    if days and len(wider) == 1 and wider[0].first and wider[0].last and wider[0].kind not in ("since", "to_date") \
            and all(wider[0].first <= d.first and d.last <= wider[0].last for d in days):
        periods = days
    if not periods:
        return None, (min(caps) if caps else None)
    if len(periods) == 1:  # "since January 2024" in an undated statement: its start is known, its end is not
        first, last = periods[0].first, periods[0].last
    elif any(p.first is None or p.last is None for p in periods):
        first, last = None, (periods[0].last if len(periods) == 1 else None)
    else:
        first, last = min(p.first for p in periods), max(p.last for p in periods)
    if caps and last:
        last = min([last] + caps)
        if first and first > last:  # "as of 31 December 2024, … since the start of the year": that year's start
            first = date(last.year, 1, 1) if any(p.kind == "ytd" for p in periods) else None
    return first, last
