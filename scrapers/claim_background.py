"""What a statement's title and question set before its first sentence.

Owns reading the background of an answer (scrapers/claims.py): the
question's or the title's period and places become the frame the answer
starts from; when a question was tabled or answered is not its period; a
question that names several periods in different parts ("in 2019 and how
many in 2020") leaves a frame only words pointing back reach, while a list
of days ("On Wednesday and Thursday last week, how many …") is one scope.
Pure. Proof: tests/test_passages.py, tests/test_passages_official.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from scrapers.claim_figures import SEGMENT
from scrapers.claim_frame import Frame, advance
from scrapers.claim_period_patterns import span_count
from scrapers.claim_periods import Phrase, find_periods
from scrapers.claim_phrases import scope_phrases

_HANDLED = re.compile(r"(?i)\b(?:tabled|answered|asked|published|debated|dated|issued|updated|laid|received|minutes,?|"
                      r"meeting(?: held)?|held)\s*(?:on\s*)?$")  # (… "minutes, 2 May 2024": when a body met)


def background_frame(frame: Frame, text: str, origin: str, statement_date: date | None,
                not_after: date | None = None) -> Frame:
    masked, _, phrases = scope_phrases(text, statement_date, not_after)
    # "… tabled on 5 September 2023, answered on 19 September 2023": when the question was handled, not its period
    phrases = [p for p in phrases if not (p.is_period and _HANDLED.search(text[:p.start]))]
    if origin == "question" and (whether := _AND_WHETHER.search(text)):
        # "… how many times … over the summer; and whether it was used at this year's Notting Hill Carnival": the
        # second part asks yes or no; its place and period are not the counts'
        phrases = [p for p in phrases if p.start < whether.start()]
    if statement_date and (each := _EACH_LAST.search(text)) and (years := _last_years(each, statement_date)):
        # "in each of the last three calendar years": three periods apart, for "21, 176 and 562 … respectively"
        return replace(frame, first=years[0][0], last=years[-1][1], period_words=each[0].strip(), period_origin=origin,
                       period_kind="union", cumulative=False, union_only=True, each=years)
    if origin == "title" and (cut := _AS_CLAUSE.search(text)) and any(
            p.kind == "location" and p.start < cut.start() for p in phrases) and any(
            p.is_period and p.start > cut.end() for p in phrases):
        # "Four arrests in Bromley and Camden as LFR arrests pass 230 this year": the places are the first fact's,
        # the period the second's; neither scopes the other
        phrases = [p for p in phrases if p.start > cut.end()]
    return advance(frame, text, phrases, origin, _periods_apart(masked, phrases))


_AND_WHETHER = re.compile(r"(?i)[;,]?\s+and\s+(?:whether|if)\s")
_AS_CLAUSE = re.compile(r"\s(?:as|while|after)\s(?=.*\b(?:pass|passes|tops?|reach(?:es)?|hits?|rises?|climbs?|total)\b)", re.I)


_EACH_LAST = re.compile(r"(?i)\b(?:in|for|during)?\s*each of the (?:last|past|previous) (?P<n>two|three|four|five|\d)\s+"
                        r"(?P<kind>calendar |financial )?years\b")


def _last_years(m: re.Match[str], statement_date: date) -> tuple[tuple[date, date, str], ...]:
    """The last n whole calendar (or financial) years before the statement's date, oldest first."""
    n = span_count(m["n"])
    if (m["kind"] or "").strip().lower() == "financial":
        end = statement_date.year if statement_date.month >= 4 else statement_date.year - 1  # the year the FY in hand began
        return tuple((date(y, 4, 1), date(y + 1, 3, 31), f"{y}/{str(y + 1)[2:]}") for y in range(end - n, end))
    return tuple((date(y, 1, 1), date(y, 12, 31), str(y)) for y in range(statement_date.year - n, statement_date.year))


def _periods_apart(text: str, phrases: list[Phrase]) -> bool:
    """Whether a background sentence names periods in different parts ("in 2019 and how many in 2020")."""
    periods = [p for p in phrases if p.is_period and not p.anaphor]
    if len(periods) < 2:
        return False
    # "On Wednesday and Thursday last week, how many …": a list of days is one scope
    return any(SEGMENT.search(text[a.end:b.start]) and not (_one_day(a) and _one_day(b) and re.fullmatch(
        r"\s*(?:,\s*)?(?:and|&)?\s*", text[a.end:b.start])) for a, b in zip(periods, periods[1:]))


def _one_day(p: Phrase) -> bool:
    return p.first is not None and p.first == p.last


_TWO_DATES = re.compile(r"(?i)\bbetween (?:the|those|these) (?:two )?dates\b")


def two_dates(frame: Frame, question: str | None, text: str, statement_date: date | None,
              not_after: date | None = None) -> Frame:
    """"Between the two dates, the MPS deployed LFR 24 times" answering a question whose preamble named them ("… opened
    on 3 February and closed on 17 March 2025"): from the first to the second, the question's words."""
    if frame.has_period or not question or not _TWO_DATES.search(text):
        return frame
    days = [p for p in find_periods(question, statement_date, not_after) if p.kind == "day" and p.first]
    if len(days) != 2:
        return frame
    words = "; ".join(question[p.start:p.end].strip() for p in days)
    return replace(frame, first=days[0].first, last=days[1].last, period_words=words, period_origin="question",
                   period_kind="range")
