"""When a reprinted statement was made: "The Met said on Friday (8 November):" at the top of a local paper's copy.

Owns reading, from a statement's opening words, the day the quoted
statement was issued when the text itself says so ("In a statement on
Thursday (20 June), the Met said:", "The Met's statement of 10 October
said:", "Police released the following on Friday (20 September):", "The
Metropolitan Police said on Monday (1 July) that …"). The words the
statement quotes ("yesterday", "on Tuesday", "this month") count from that
day, not from the day the paper printed them. The day is the latest such
day not after the date the statement is known by. Pure.
Proof: tests/test_passages_contexts.py.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from scrapers.claim_periods import find_periods

_WHO = r"(?:the\s+)?(?:met(?:ropolitan)?(?:\s+police)?(?:\s+service)?|mps|police|the\s+force|scotland\s+yard)"
_RELEASED_ON = re.compile(
    rf"(?i)^\W*(?:{_WHO}\s+(?:said|says|announced|stated|confirmed|issued\s+(?:the\s+following\s+|a\s+)?statement|"
    rf"released\s+the\s+following|added)\s+(?P<on>on\s+[^:,.]{{3,40}}?)(?:\s*:|\s+that\b|,)|"
    rf"in\s+a\s+(?:statement|release|press\s+release|news\s+release)\s+(?:issued\s+|published\s+|released\s+|dated\s+)?"
    rf"(?P<on2>(?:on\s+)?[^:,.]{{3,40}}?),\s+{_WHO}\s+(?:said|says|added)|"
    rf"{_WHO}['’]s?\s+(?:statement|release)\s+of\s+(?P<of>[^:,.]{{3,30}}?)\s+(?:said|says|read))")


# "Three people were arrested in Kingston town centre yesterday (Friday 10 May)" in a copy printed days later: the
# words were written the day after 10 May
_YESTERDAY_DATED = re.compile(r"(?i)\b(?P<rel>yesterday|today)\s*\(\s*(?P<day>(?:[a-z]+day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+"
                              r"[a-z]+|[a-z]+\s+\d{1,2}(?:st|nd|rd|th)?)(?:,?\s+\d{4})?)\s*\)")


# "…, the Metropolitan Police said on Wednesday (24 January).", "according to figures released by the force on Friday
# (3 January)", "The Metropolitan Police confirmed in a statement on Monday (8 May) that …": anywhere in the opening
_SAID_ON_DAY = re.compile(
    rf"(?i)(?:{_WHO}\s+(?:said|says|confirmed|announced|stated|revealed)(?:\s+in\s+a\s+statement)?|"
    rf"(?:figures|data|statistics)\s+(?:released|published)\s+by\s+(?:the\s+)?[a-z ]{{2,40}}?)\s+"
    rf"(?P<on>on\s+(?:[a-z]+day\s*\(\s*\d{{1,2}}\s+[a-z]+\s*\)|[a-z]+day,?\s+\d{{1,2}}\s+[a-z]+|\d{{1,2}}\s+[a-z]+|"
    rf"(?:mon|tues|wednes|thurs|fri|satur|sun)day))"
    rf"(?=\s*[:.,;\"]|\s+(?:that|show|shows)\b|$)")


def introduces_release(sentence: str) -> bool:
    """Whether a sentence opens the quoted words of the statement a paper reprints ("In a statement on Thursday (14
    November), the Met said:"): what follows is the statement itself, not an earlier answer quoted back."""
    return bool(_RELEASED_ON.match(sentence) or re.search(rf"(?i)\b{_WHO}\s+(?:said|says|stated)\s*:\s*$", sentence))


def release_date(text: str, statement_date: date | None, not_after: date | None = None) -> date | None:
    """The day the quoted statement was issued, when the opening words name it; None when they do not."""
    if statement_date is None and not_after is None:
        return None
    # (an undated statement dates itself only by a day and month, its weekday fixing the year: "yesterday (Thursday 9
    # November)" with no page date is 10 November 2023)
    if (dated := _YESTERDAY_DATED.search(text[:400])) and (day := _one_day("on " + dated["day"], statement_date, not_after)):
        written = day + timedelta(days=1 if dated["rel"].lower() == "yesterday" else 0)
        return written if statement_date is None and re.search(r"(?i)[a-z]+day", dated["day"]) \
            or statement_date is not None and written < statement_date else None
    if statement_date is None:
        return None
    # (in the first or second paragraph: a paper's own first line may come before it)
    if not (m := next((m for para in text.split("\n\n")[:2] if (m := _RELEASED_ON.match(para[:200]))), None)):
        said = _SAID_ON_DAY.search(text.split("\n\n")[0][:400])
        return _one_day(said["on"], statement_date, not_after) if said else None
    words = m["on"] or m["on2"] or m["of"]
    return _one_day(words if re.match(r"(?i)on\s", words) else "on " + words, statement_date, not_after)


def _one_day(words: str, statement_date: date | None, not_after: date | None) -> date | None:
    days = [p for p in find_periods(words.strip(), statement_date, not_after)
            if p.kind == "day" and p.first is not None and p.first == p.last]
    return days[0].first if days and days[0].first <= (statement_date or not_after or days[0].first) else None
