"""The words of periods: month, day, year and financial-year forms, and each period phrase's pattern.

`PATTERNS` lists (kind, regex) in the order they claim a stretch of a
sentence; claim_periods.py resolves each kind to dates. Pure vocabulary.
"""

from __future__ import annotations

import calendar
import re

from scrapers.claim_period_calendar import LATE_PATTERNS as LATE_CALENDAR_PATTERNS, PATTERNS as CALENDAR_PATTERNS

MONTH_NUMBERS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTH_NUMBERS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m} | {"sept": 9}
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?")
YEAR = r"(?:19|20)\d{2}(?!\d|[,/]\d)"
DAY = r"(?<![\d,.])\d{1,2}(?:st|nd|rd|th)?"
WEEKDAY_NAME = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
WEEKDAY = rf"(?:{WEEKDAY_NAME},?\s+)?"
PART_OF_DAY = r"(?:\s+(?i:morning|afternoon|evening|night))?"
DATE = (rf"(?:{WEEKDAY}{DAY}(?:\s+of)?\s+{MONTH}(?:,?\s+{YEAR})?|{WEEKDAY}{MONTH}\s+{DAY}(?!\d)(?:,?\s+{YEAR})?"
         r"|(?<![\d/])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])|\b(?:19|20)\d{2}-\d{2}-\d{2}\b"
         r"|(?<![\d.])\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}(?![\d.]))")  # ("12.03.2025")
PREP = r"(?i:in|during|throughout|for|over|across|within|of|by)"
# "Monday (2 June)": a weekday with its date in brackets
DATE_P = rf"(?:{WEEKDAY_NAME}\s*\(\s*{DATE}\s*\)|{DATE})"
SPAN_UNIT_WORDS = r"(?:12|twelve|six|three|nine|18|eighteen|24|twenty-four)"
FY = r"(?P<y>(?:19|20)\d{2})\s*(?:/|(?<=\d)[-–](?=\d\d\b))\s*(?P<y2>\d{2}|(?:19|20)\d{2})(?![\d/])"
SPAN_NUMBER = r"(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four)"
SPAN_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
               "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24}


def span_count(word: str) -> int:
    """The number a span's count is written as: "12" or "twelve"."""
    return int(word) if word.isdigit() else SPAN_WORDS[word.lower()]

# "Stratford - we went twice in January, … and on the 16th we had 24 alerts": that day of the month named (kind
# "nth_day"; read from the unmasked text, where ordinals are no figures)
_NTH = r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
NTH_DAY = re.compile(rf"(?i)(?:\bon\s+|(?<=\bon a single day,\s)|(?<=\bon one day,\s))the\s+{_NTH}(?:(?:,\s*(?:and\s+)?|\s+and\s+)(?:on\s+)?(?:the\s+)?{_NTH})*"
                     r"(?!\s+(?:of\s+|day|deployment|time|occasion|anniversary|floor|century))")

# "This compares with 41 deployments in Q2": a quarter of the year named before (kind "bare_quarter")
BARE_QUARTER = re.compile(r"\b(?:(?:in|during|over|for)\s+)?(?:Q|[Qq]uarter\s+)(?P<q>[1-4])\b"
                          r"(?!\s*(?:of\s+)?(?:(?:19|20)\d\d|FY|financial|the\s+(?:year|financial)))")

# (kind, pattern); the first pattern to claim a stretch of the sentence wins. The calendar's own words ("a
# fortnight ago", "over the Easter weekend", claim_period_calendar.py) come first.
PATTERNS: list[tuple[str, re.Pattern[str]]] = CALENDAR_PATTERNS + [
    ("range", re.compile(
        rf"(?i:between|from|in|for|during|over|across|throughout|months\s+of)\s+(?P<a>{DATE_P}|(?:{WEEKDAY_NAME}\s+)?{DAY}|{MONTH}(?:\s+{YEAR})?|{YEAR})"
        rf"(?:,\s+{MONTH}(?=,|\s+(?i:and)\s))*,?\s+"  # "in October, November and December": the months listed
        rf"(?i:and|to|until|till|–|-)\s+"
        rf"(?:(?i:the\s+end\s+of)\s+)?(?P<b>{DATE_P}|{MONTH}(?:\s+{YEAR})?|{YEAR})"
        rf"(?:(?P<ly>\s+(?i:last\s+year))|\s+(?i:this\s+year))?")),
    # "(1 September 2022 to 31 August 2023)": two whole dates
    ("range", re.compile(rf"(?<![\w-])(?P<a>{DATE})\s+(?i:to|until|–|-)\s+(?P<b>{DATE})")),
    # "Q1 2025/26" (April to June 2025), "Q3 2024" (July to September 2024)
    ("quarter", re.compile(rf"(?:{PREP}\s+)?(?:(?i:the)\s+)?\b(?i:Q|quarter\s+)(?P<q>[1-4])\s+(?:(?i:of)\s+)?(?:(?P<fy>{FY})|(?P<a>{YEAR}))")),
    # "compared with 50 in Q1 (April to June)": months in brackets, the latest such span by the statement's date
    ("range", re.compile(rf"(?<=\()(?P<a>{MONTH})\s+(?i:to|–|-)\s+(?P<b>{MONTH})(?=\))")),
    # "November and December 2024", "April to September 2024"
    ("range", re.compile(rf"(?<![\w-])(?P<a>{MONTH})\s+(?i:to|and|–|-)\s+(?P<b>{MONTH}\s+{YEAR})")),
    # "Results by location, 1 to 14 December"
    # ("5-6 April", "5th–6th April": a dash with no spaces too)
    ("range", re.compile(rf"(?<![\w-])(?P<a>{DAY})(?:\s+(?i:to|–|-)\s+|[–-])(?P<b>{DAY}\s+{MONTH}(?:\s+{YEAR})?)")),
    # "since the pilot began on 6 October", "since operational use began in 2020"
    # "since deployments resumed in July 2022", "since the fixed-camera pilot began in Croydon on 1 October 2025",
    # "since we started using LFR in east London in January"
    # ("The MPS has since advised that … the deployment … on 30 April": "since" there means "later")
    ("since", re.compile(rf"(?<!\bhas )(?<!\bhave )(?<!\bhad )(?i:since)\s+(?:[\w’'-]+\s+){{0,14}}?(?i:began|started|launched|resumed|restarted|"
                         rf"was (?:re)?launched|went (?:live|in)|was introduced|(?:was|were) (?:installed|introduced|reintroduced)|relaunched|"
                         rf"reintroduced|brought (?:it|them|lfr|the technology) back|introduction|reintroduction|launch|"
                         rf"(?:brought|took) (?:it|them|lfr|the technology|the cameras|the vans?|live facial recognition) to|"
                         # "since we first went there in December 2023"
                         rf"went there|first went|first visited|"
                         rf"entered service|came into service|went into service|resuming|starting|beginning|launching|"
                         rf"came back|returned|was brought back|start|beginning|first used|first deployed|"
                         rf"introducing|reintroducing|(?:first\s+|initial\s+)?deployment|"
                         rf"(?:was|were) first (?:used|deployed|switched on)"
                         rf"(?: operationally)?|(?:was|were) switched on|started using [\w ()]{{1,40}}?|began using [\w ()]{{1,40}}?)"
                         rf"(?:\s+(?!(?i:in|on|last)\b)[\w’'-]+){{0,7}}?"  # "since it resumed the use of live facial recognition in …"
                         rf"(?:\s+(?i:in|at|across|on|along|outside)\s+(?:[A-Z][\w'’-]*|east|west|north|south|central|"
                         # ("in the borough of Barking and Dagenham")
                         rf"the\s+(?:borough|area|town(?:\s+centre)?|capital|city)(?:\s+of(?=\s+[A-Z]))?)"
                         rf"(?:\s+(?:and\s+(?=[A-Z]))?[A-Z][\w'’-]*)*"
                         rf"(?:\s+town\s+cent(?:re|er))?)?"
                         rf"[,]?\s+(?:(?i:on|in)|(?i:last)(?=\s+{MONTH}))\s+(?P<a>{DATE_P}|{MONTH}(?:\s+{YEAR})?|{YEAR})"
                         rf"(?P<ly>\s+(?i:last\s+year))?(?:\s+(?i:this\s+year))?")),
    # "Since the first Croydon deployment of 2025, on North End on 27 February, …": from that day
    ("since", re.compile(rf"(?i:since)\s+(?i:the|its|our|their)\s+(?i:first)\s+(?:[\w’'-]+\s+){{0,4}}?(?i:deployment)"
                         rf"(?:\s+(?i:of)\s+{YEAR})?,?\s+(?:(?i:on|at|in|outside)\s+[^,;.]{{1,40}}?,?\s+)?(?i:on|in)\s+"
                         rf"(?P<a>{DATE_P}|{MONTH}(?:\s+{YEAR})?)")),
    # (before Carnival: "since the Met first used the technology at Notting Hill Carnival in 2016" is a since)
    # "Notting Hill Carnival 2017", "this year's Carnival": its two main days (the August bank holiday weekend)
    # ("days after the Notting Hill Carnival" is when, but not a period or place of the figures: no match)
    ("carnival", re.compile(rf"(?<!after )(?<!after the )(?<!before )(?<!before the )(?<!ahead of )(?<!ahead of the )"
                            rf"(?<!following )(?<!following the )(?<!Hill )(?:(?i:at|during|over|for|of|in)\s+)?"
                            rf"(?:(?i:the|this\s+year['’]s)\s+)?"
                            rf"(?:Notting\s+Hill\s+)?Carnival(?:\s+(?P<a>{YEAR}))?(?!\s+(?:Road|Street|route))")),
    # "The 2024 false alert rate for the MPS": a year said before a noun is that year
    # (a rate, figures or results of a year; "Nine of the 2023 arrests" stays a part of the year's arrests)
    ("year", re.compile(rf"(?:(?<=\bthe )|(?<=\bThe )|(?<=\bits )|(?<=\bour ))(?P<a>{YEAR})(?=\s+(?:(?i:false|overall|"
                        rf"annual)\s+)?(?:(?i:alert\s+)?rate|(?i:figures?|results?|data|statistics|totals?)\b))")),
    # "the first half of 2024", "the third quarter of 2025", "198 of them in the first quarter" (the year named),
    # "the latter half of 2024"
    ("part_year", re.compile(rf"(?i:in|during|over|for|across)?\s*(?i:the)\s+(?P<q>(?i:first|second|third|fourth|latter|former))\s+"
                             rf"(?P<unit>(?i:half|quarter))(?:\s+(?i:of)\s+(?:(?P<a>{YEAR})|(?i:the|this)\s+(?i:calendar\s+)?"
                             rf"(?i:year))|(?!\s+(?i:of)\b))")),
    # "the final quarter of the year", "the last quarter of 2024" (a bare "final quarter" may be a financial year's)
    ("part_year", re.compile(rf"(?i:in|during|over|for|across)?\s*(?i:the)\s+(?P<q>(?i:last|final))\s+"
                             rf"(?P<unit>(?i:half|quarter))\s+(?i:of)\s+(?:(?P<a>{YEAR})|(?i:the|this)\s+(?i:calendar\s+)?"
                             rf"(?i:year))")),
    # "in the 12 months to the end of March 2025", "in the year to 31 October 2025", "the financial year to March 2025",
    # "the two years to the end of 2024"
    ("months_to", re.compile(
        rf"(?i:in|over|during|for|within)?\s*(?i:the)\s+(?:(?P<n>{SPAN_UNIT_WORDS}|\d{{1,2}}|two|four|five|seven|eight|ten|eleven)"
        rf"\s+(?i:months)|(?P<years>two|three|four|five|[2-5])\s+(?i:(?:financial\s+)?years)|"
        rf"(?i:(?:financial\s+)?year|twelve-month period|12-month period))\s+(?i:to|ending|ended|up to|until)\s+"
        rf"(?:(?i:the\s+end\s+of)\s+)?"
        rf"(?P<a>{DATE}|{MONTH}(?:\s+{YEAR})?|(?<=end of ){YEAR})(?:\s+(?P<ty>(?i:this))\s+(?i:year)|"
        rf"\s+(?P<ly>(?i:last))\s+(?i:year))?")),
    # "the first nine months of 2024", "the first three months of last year"
    ("first_months", re.compile(
        rf"(?i:in|over|during|for)?\s*(?i:the)\s+(?i:first)\s+(?P<n>{SPAN_UNIT_WORDS}|two|four|five|seven|eight|ten|eleven|1[01]|[2-9])"
        rf"\s+(?i:months)\s+(?i:of)\s+(?:(?P<a>{YEAR})|(?P<ly>(?i:last))\s+(?i:year)|(?i:this|the)\s+(?i:calendar\s+)?(?i:year)"
        # "the first six months of the 2024/25 financial year", "… of this financial year"
        rf"(?!\s+(?i:financial))|(?i:the\s+)?{FY}\s+(?i:financial\s+year)|(?P<fy>(?i:this|the\s+current)\s+financial\s+year))")),
    # "as of 30 April", "as at 31 March 2024", "by the end of March": where a total stopped
    ("as_of", re.compile(rf"(?:(?i:(?:as of|as at|up to|until) the end of|(?:up\s+)?to and including|as of|as at|up to|by the end of|"
                         # ("231 was the figure at the end of March": where the total stood)
                         rf"(?<=\bfigure )at the end of|(?<=\btotal )at the end of|(?<=\bstood )at the end of|"
                         rf"to the end of|by)|"
                         rf"(?<=\()(?i:to))\s+(?P<a>{DATE}|{MONTH}(?:\s+{YEAR})?|{YEAR})")),
    # "by the end of last year, the Met had made 1,000 arrests": a running total, stopped at the end of last year
    ("as_of", re.compile(r"(?i:by|at|as at|as of|up to|until|to) (?i:the end of) (?P<ly>(?i:last))\s+(?i:(?:calendar\s+)?year)\b")),
    # "As at the end of last month, the MPS had deployed LFR 66 times this year": stopped at the end of last month
    ("as_of", re.compile(r"(?i:by|as at|as of|up to|until) (?i:the end of) (?P<lm>(?i:last))\s+(?i:month)\b")),
    # "since then", "over the same period", "during the week": the period named before
    ("since_then", re.compile(r"(?i)\bsince then\b|\b(?:in|over|during) the (?:(?:\d{1,2}|two|three|four|five|six|seven|eight|"
                              r"nine|ten|eleven|twelve)\s+)?(?:days|weeks|months|years) since\b(?!\s+\w)")),
    # "Between the two dates, the MPS deployed LFR 24 times": the span the two dates named before make
    ("anaphor_period", re.compile(r"(?i)\bbetween (?:the|those|these) (?:two )?dates\b")),
    # "resumed in January 2022; there were six deployments that year": the year of the date just named
    # (not "the busiest month of that year", "before the end of that year": a part of it, said by other words)
    ("that_year", re.compile(r"(?i)(?<!\bin )(?<!\bover )(?<!\bduring )(?<!\bfor )(?<!\bacross )(?<!\bof )"
                             r"\b(?:that|the same) year\b")),
    # "over the weekend" is the latest weekend (below), "that weekend" the one named before
    # ("across this week", "during this month": the statement's own week and month, not the ones named before)
    # ("compares this with the same quarter last year": the quarter in hand, a year back)
    ("anaphor_period", re.compile(r"(?i)(?:in|over|during|across|for|within|(?<!compared )with)\s+(?:(?:the same|that)\s+weekend|(?:the same|that|"
                                  r"the)\s+(?:(?:whole|entire|full)\s+)?(?:period|week|month|fortnight|time|year|quarter)|"
                                  r"this\s+(?:(?:whole|entire|full)\s+)?(?:period|time)|the same (?:months|weeks|days))\b"
                                  r"(?!\s+(?:to|ending|ended)\b)")),
    # "over those same two months", "across these three weeks": the span named before
    ("anaphor_period", re.compile(r"(?i)(?:in|over|during|across|for|within)\s+(?:those|these|the)\s+(?:same\s+)?"
                                  r"(?:two|three|four|five|six|\d{1,2})\s+(?:months|weeks|days|years)\b|"
                                  # "over that 12-month period"
                                  r"(?:in|over|during|across|for|within)\s+(?:that|the same|this)\s+(?:two|three|six|nine|twelve|"
                                  r"\d{1,2})[- ](?:month|week|year)\s+period\b")),
    ("ytd", re.compile(r"(?i)(?:since|from) the (?:start|beginning|turn) of (?:this|the) (?:calendar )?year")),
    ("fy", re.compile(r"(?i)(?:since|from) the (?:start|beginning) of (?:this|the) financial year")),
    ("since", re.compile(rf"(?i:since|from)\s+the\s+(?i:start|beginning)\s+of\s+(?P<a>{MONTH}(?:\s+{YEAR})?|{YEAR})")),
    # "no false alerts at all since the end of July": from the day after it
    ("since", re.compile(rf"(?i:since)\s+the\s+(?i:end)\s+of\s+(?P<a>{MONTH}(?:\s+{YEAR})?|{YEAR})")),
    # "after deployments resumed in July 2022, the MPS used LFR six times before the end of that year": from then
    # "In Ilford, where we first went in June last year, officers have now been out seven times": since then
    ("since", re.compile(rf"(?i:where)\s+(?:(?i:we|they|officers|police|it|lfr|the\s+(?:cameras|vans|technology))\s+)?"
                         rf"(?:(?i:were|was)\s+)?(?i:first)\s+(?i:went|came|deployed|used|brought\s+(?:it|lfr|them))\s+"
                         rf"(?i:in|on)\s+(?P<a>{DATE_P}|{MONTH}(?:\s+{YEAR})?|{YEAR})(?P<ly>\s+(?i:last\s+year))?")),
    # "since we first brought LFR here on 7 December": from that day
    ("since", re.compile(rf"(?i:since)\s+(?:(?i:we|they|officers|police|the\s+met|the\s+mps|(?:the|its|our)\s+(?:lfr\s+)?"
                         rf"(?:cameras|vans|technology)|lfr|it)\s+)?(?:(?i:were|was)\s+)?(?i:first\s+)?"
                         rf"(?i:brought|took|used|deployed|introduced|started\s+using|began\s+using|came|arrived|resumed|"
                         rf"restarted)\s+[^,.;:]{{0,60}}?"
                         rf"\s(?i:in|on)\s+(?P<a>{DATE_P}|{MONTH}(?:\s+{YEAR})?|{YEAR})(?P<ly>\s+(?i:last\s+year))?")),
    ("since", re.compile(rf"(?i:after)\s+(?:[\w’'-]+\s+){{0,6}}?(?i:resumed|restarted|returned|was\s+reintroduced|came\s+back)"
                         rf"\s+(?i:in|on)\s+(?P<a>{DATE_P}|{MONTH}(?:\s+{YEAR})?|{YEAR})")),
    # "… six times before the end of that year": the year of the period named with it, to its end
    ("year_end", re.compile(r"(?i)\b(?:before|by|until|up to|to) the end of (?:that|the same) year\b")),
    ("to_date", re.compile(r"(?i)since (?:(?:we|they|it|lfr|the technology|(?:the|its|our) (?:lfr )?(?:use|pilot|trials?)) "
                           r"(?:first )?(?:started|began)(?! using)\b|"
                           r"(?:it|lfr|the technology|the met|the mps|we|they|(?:the|our|its) (?:lfr )?(?:cameras|vans)) "
                           r"(?:was |were |first |began |started )*"
                           r"(?:introduced|reintroduced|resumed|restarted|brought back|deployed|used|using it|using (?:lfr|the technology)|"
                           r"came|arrived|went live)(?:\s+(?:to|in)\s+(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}))?|"
                           # ("Since the cameras first came to Ilford": the place too)
                           r"(?:its|the) (?:introduction|reintroduction|launch|first deployment|"
                           r"start|beginning)(?: of [\w ]{1,40}?(?=[,.;]|$))?)")),
    # "since 1 March", but not "from 1 March to 5 April" (a range); "the total since 1 March to 99" is a since
    ("since", re.compile(rf"(?<![Ff]indings )(?<![Ff]igures )(?<![Ll]essons )(?<![Rr]esults )(?<![Ee]vidence )"
                         rf"(?<![Ss]tatistics )(?<![Dd]ata )(?i:since|from)\s+(?P<a>{DATE}|{MONTH}(?:\s+{YEAR})?|{YEAR})(?P<ly>\s+(?i:last\s+year))?(?!\s+(?i:to|until)\s+(?!(?:\d+|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+ty(?:-[a-z]+)?))\b(?!\s+{MONTH}))|"
                         rf"\s+(?i:and)\s+(?:\d|{MONTH}))")),
    # "the 2024/25 financial year so far": from 1 April 2024 to the statement
    ("fy_so_far", re.compile(rf"(?:{PREP}\s+)?(?:the\s+)?{FY}\s+(?i:financial\s+year)\s+(?i:so\s+far|to\s+date)")),
    ("fy", re.compile(rf"(?:{PREP}\s+)?(?:the\s+)?(?i:financial\s+year\s+)?{FY}(?:\s+(?i:financial\s+year))?")),
    # ("the current financial year", "the financial year to date": this one, to the statement)
    ("fy", re.compile(r"(?i)(?:(?:so far )?(?:this|the current) financial year(?: so far| to date)?|"
                      r"the financial year (?:so far|to date))")),
    ("last_fy", re.compile(r"(?i)(?:(?:in |during )?(?:the )?(?:last|previous) financial year)")),
    # ("seven false alerts all year": this year so far; not "all year round")
    ("ytd", re.compile(r"(?i)(?:(?:so far )?this (?:calendar )?year(?: so far| to date)?|(?<!financial )(?:the )?year to date|"
                       # "This week has taken our total for the year to 135": this year's so far
                       r"(?<=total )for the year(?= to\b)|"
                       r"(?<=\s)all (?:this )?year(?! round| long)\b)")),
    # "On 6 May last year", "on 2 and 10 May last year": that day of last year
    ("day", re.compile(rf"(?:(?i:on)\s+)?(?P<a>{DAY}\s+(?:of\s+)?{MONTH})(?P<ly>\s+(?i:last\s+year))")),
    # "Compare that with February last year": February of last year, before "last year" alone claims its words
    ("month", re.compile(rf"(?:{PREP}\s+)?(?<!\d\s)(?P<b>{MONTH})(?P<ly>\s+(?i:last\s+year))")),  # (not "13 November last year")
    ("last_year", re.compile(r"(?i)(?:(?:in |during |over )?(?<!the )last (?:calendar )?year|(?:in |during )?the previous (?:calendar )?year)")),
    # "over the last year", "in the past year": the twelve months up to the statement ("last year" is the calendar year)
    ("past_year", re.compile(r"(?i)(?:(?:in |over |during )?the (?:last|past) (?:twelve|12) months|(?:in |over |during )?the (?:past|last) year)")),
    # "in the last 12 months", "the last three or four months" (the longer: the reading most favourable to it)
    ("past_span", re.compile(rf"(?i)(?:in |over |during |within )?the (?:last|past|previous) "
                             rf"(?:{SPAN_NUMBER.replace('?P<n>', '?P<shorter>')} or )?{SPAN_NUMBER} "
                             rf"(?P<unit>years|months|weeks|days|hours)")),
    # "in just two years, the Met has made 1,700 arrests": the span up to the statement
    ("past_span", re.compile(rf"(?i)(?:in|within|over)\s+(?:just|only)\s+(?:the\s+)?{SPAN_NUMBER}\s+(?P<unit>years|months|weeks|days)"
                             r"(?!['’]?\s*time)")),
    # "in the past week", "over the last month": the week or month up to the statement (not "the last week of March",
    # nor "last week", the calendar week before this one)
    ("past_span", re.compile(r"(?i)(?:in |over |during |within )?the (?:last|past) (?P<unit>week|month)\b(?!\s+of\b)(?!end)")),
    ("fortnight", re.compile(r"(?i)(?:in |over |during |within )?the (?:last|past|previous) fortnight")),
    ("this_month", re.compile(r"(?i)(?:so far )?this month")),
    ("last_month", re.compile(r"(?i)(?:in |during )?last month")),
    ("this_week", re.compile(r"(?i)(?:so far |earlier )?this week")),
    ("last_week", re.compile(r"(?i)(?:in |during |over )?last week(?!end)")),
    # "over the summer": June to August of the statement's year
    ("summer", re.compile(r"(?i)(?<!by )(?<!until )(?<!before )(?:over |during |in |across |throughout )?(?:the|this) summer"
                          r"(?: months)?(?![ -]holiday)")),  # "by the summer": when something will be done
    ("weekend", re.compile(r"(?i)(?:over |at |during )?(?:the|this|last) weekend")),
    # "in the first four days of the operation": the start of the period named before
    # "In the first ten days of May": that month's first days
    ("first_days_of", re.compile(rf"(?i:in |over |during |within )?(?i:the first)\s+{SPAN_NUMBER.replace('?P<n>', '?P<n>')}"
                                 rf"\s+(?i:days)\s+(?i:of)\s+(?P<a>{MONTH}(?:\s+{YEAR})?)")),
    # ("the first fortnight", "its first week": one of them)
    ("first_days", re.compile(rf"(?i)(?:in |over |during |within )?(?:the|its|their) first (?:{SPAN_NUMBER} (?P<unit>days|weeks)|"
                              r"(?P<unit1>week|fortnight)\b)"
                              r"(?: of (?:the|this|that) (?:operation|deployment|period|week|month|campaign|programme|"
                              r"pilot|scheme|trial))?")),
    # "Croydon's fixed cameras went live on 1 October. In the first three months, …": from the day named before
    ("first_span_months", re.compile(rf"(?i)(?:in |over |during |within )?(?:the|its|their) first {SPAN_NUMBER} months\b"
                                     r"(?!\s+of\s+(?:the|this|that)?\s*(?:year|19|20|financial))")),
    # "In its first year back on London's streets, from July 2022, …": twelve months from the start named with it
    ("first_span_months", re.compile(r"(?i)(?:in |over |during |within )?(?:the|its|their|our) first (?:full )?year"
                                     r"(?= back\b| of (?:use|operation|deployments?)\b| in (?:use|operation)\b|,? (?:from|after|since) )")),
    ("next_day", re.compile(r"(?i)(?:on )?(?:the following|the next) day|the day after")),
    # "Two days later, the vans moved to Enfield", "three days earlier": that many days after (before) the day in hand
    ("days_later", re.compile(r"(?i)(?P<n>two|three|four|five|six|[2-6])\s+days\s+(?P<dir>later|afterwards|after|earlier|before)"
                              r"(?!\s+(?:the|a|an|that|this|[a-z]+day)\b)")),
    # "The day before, officers on East Ham High Street …": the day before the one in hand
    ("prev_day", re.compile(r"(?i)(?:on )?the (?:day before|previous day|preceding day)(?!\s+(?:the|a|an|yesterday|[a-z]+day)\b)")),
    # "in 2024 … 587 arrests, up from 204 the year before": the year before the one just named
    ("year_before", re.compile(r"(?i)(?:in |during |over )?(?:the (?:year|twelve months) before|the preceding year)\b")),
    # "In August we … made 41 arrests; the month before, it was 35": the month before the one just named
    ("month_before", re.compile(r"(?i)(?:in |during |over )?the (?:month before|preceding month)\b(?!\s+(?:last|that|it)\b)")),
    ("anaphor_day", re.compile(r"(?i)(?:(?:later|earlier) )?(?:on )?(?:that|the same) (?:day|morning|afternoon|evening|night)|"
                               # "The watchlist used on the day …": the day just named
                               r"\bon the day\b(?!\s+(?:of|after|before|that|when|it|they|we)\b)")),
    ("yesterday", re.compile(rf"(?i)\byesterday{PART_OF_DAY}|\blast night")),
    ("today", re.compile(r"(?i)\b(?:today|tonight|this (?:morning|afternoon|evening))\b")),
    ("day", re.compile(rf"(?:(?i:on)\s+)?(?:(?:{WEEKDAY_NAME}){PART_OF_DAY}\s*\(\s*)?(?P<a>{DATE})(?:\s*\))?")),
    # "Since Monday, officers have made 15 arrests": from that day to the statement
    ("since_weekday", re.compile(rf"(?i:since)\s+(?P<last>(?i:last)\s+)?(?P<w>{WEEKDAY_NAME})\b")),
    # (not "on Black Friday", "Good Friday", "Easter Sunday": named days, not the latest such weekday)
    ("weekday", re.compile(rf"(?:(?i:on)\s+)?(?P<last>(?i:last)\s+)?(?<!Black )(?<!Good )(?<!Easter )(?<!Super )"
                           rf"(?P<w>{WEEKDAY_NAME}){PART_OF_DAY}\b")),
    ("year", re.compile(rf"(?i:so far in|in|during)\s+(?P<a>{YEAR})\s+(?i:so far|to date)|(?i:so far in)\s+(?P<c>{YEAR})")),
    # "The busiest month was November, when 75 people were arrested": the month the figures are for
    ("month", re.compile(rf"(?<=\bwas )(?P<a>{MONTH})(?=\s*,|\s+(?i:when|with)\b)")),
    # "July was quieter: 13 deployments": a month made the subject
    ("month", re.compile(rf"(?<![\d\w] )(?<![\d\w])(?P<a>{MONTH})(?=\s+(?:alone\s+)?(?:was|saw|had|brought|accounted\s+for|produced|recorded)\b)")),
    # "February to date: 15 deployments", "February so far": the month, up to the statement
    ("month", re.compile(rf"(?<![\d\w] )(?<![\d\w])(?P<a>{MONTH})(?=\s+(?i:to\s+date|so\s+far)\b)")),
    # "…, with April alone accounting for 18"
    ("month", re.compile(rf"(?<=\bwith )(?P<a>{MONTH})(?=\s+alone\s+(?:accounting|responsible)\s+for\b)")),
    # "February brought 75 arrests …, and March was the busiest month, with 82": the second month made the subject
    ("month", re.compile(rf"(?<=, and )(?P<a>{MONTH})(?=\s+(?:was|saw|had|brought)\b)")),
    ("month", re.compile(rf"(?:(?:{PREP}|(?i:since))\s+)?(?P<a>{MONTH}\s+{YEAR})|{PREP}\s+(?P<b>{MONTH})(?!\s*\d)")),
    ("year", re.compile(rf"(?:{PREP}\s+(?:the\s+)?(?:(?i:calendar\s+)?year\s+)?|(?i:calendar\s+)year\s+)(?P<a>{YEAR}(?:(?:,\s*|,?\s+and\s+){YEAR})*)(?:\s+(?i:calendar\s+year))?(?:\s+(?i:so far|to date))?")),
    # ("Eight have already taken place", "… has already been carried out": so far)
    ("to_date", re.compile(r"(?i)\b(?:to date|so far|up to now|until now|to this day)\b|"
                           r"(?:(?<=(?<!\bto )\bhave )|(?<=\bhas ))already(?= taken place\b| been (?:carried out|held|completed)\b)")),
    # "Compare that with 2024, when …": the year compared with
    ("year", re.compile(rf"(?i:compared?\s+(?:(?:that|this|it)\s+)?(?:with|to))\s+(?P<a>{YEAR})")),
    # "2023: 24 deployments, 86 alerts", "2025 (to 31 May): 82 deployments": an answer's line of figures for a year
    ("year", re.compile(rf"^\s*(?P<a>{YEAR})(?=\s*(?:\([^)]{{1,30}}\)\s*)?(?::|\s[–—-]\s*\d))")),
    # "Across the two March deployments in Wood Green", "Across both April deployments", "Eleven of the January
    # arrests": the month the set was in
    # ("The February deployments" after its days were named is those days: the set, not the month)
    ("month", re.compile(rf"(?:(?<=\bboth\s)|(?<=\btwo\s)|(?<=\bthree\s)|(?<=\bfour\s)|(?<=\bfive\s)|(?<=\bsix\s))"
                         rf"(?P<a>{MONTH})"
                         rf"(?=\s+(?:(?i:lfr|live facial recognition)\s+)?(?i:deployments?|operations?)\b)|"
                         rf"(?:(?<=\b[Tt]he\s)|(?<=\b[Tt]hose\s)|(?<=\b[Tt]hese\s))(?P<b>{MONTH})(?=\s+(?i:arrests|alerts|figures|numbers|"
                         rf"results|totals|data|statistics)\b)")),  # ("The January figures are as follows:")
    # "January: 16 deployments, 39 arrests", "April – 4 deployments", "July (to 15 July) – 2 deployments": an answer's
    # line of figures for a month (the latest such month)
    ("month", re.compile(rf"^\s*(?P<a>{MONTH})(?=\s*(?:\([^)]{{1,30}}\)\s*)?(?::|\s[–—-])\s*\d)")),
    # "Table 1: LFR deployments and arrests by force, 2024": a heading's year
    ("year", re.compile(rf"(?<=,\s)(?P<a>{YEAR})(?=\s*$)")),
    # "the MPS's 2019 trial deployments": the year of the trials
    ("year", re.compile(rf"(?P<a>{YEAR})(?=\s+(?i:trials?|pilots?|deployments?)\b)")),
] + LATE_CALENDAR_PATTERNS
# A phrase starts at a word's start: "on the following day" is not inside "Sutton the following day".
PATTERNS = [(kind, re.compile(r"(?<![\w'’])(?:" + (pattern.pattern[4:] if pattern.pattern.startswith("(?i)")
                                                      else pattern.pattern) + ")",
                               pattern.flags | (re.I if pattern.pattern.startswith("(?i)") else 0)))
             for kind, pattern in PATTERNS]
OPEN_START = {"to_date"}  # periods whose start is unknown: running totals
