"""The lines of a pasted page that are the page's, not the statement's.

Owns what a user copies along with a statement and the reader must pass
over: a dateline on a line of its own ("Wednesday 23 April 2025",
"Published: 14 March 2025", "14 April 2025 | 11:02", a post's "Met Police
LFR @MetLFR · Mar 3, 2025") — when it was written, not what its figures
are about — and the site's furniture ("Skip to content", "Home > News >
Waltham Forest", "Page 3 of 7", "OFFICIAL"), and its labels ("Reference:
2025/4127", "Meeting date: 20 November 2025", "Prepared for the Board, 30
October 2025", "Answered by … on 20 January 2025"); and the heading of a
release's notes to editors, after which the story's scene holds again. Pure. Proof: tests/test_passages_official.py,
tests/test_passages_real_shapes.py.
"""

from __future__ import annotations

import re

_PAGE_FURNITURE = re.compile(r"(?i)skip to (?:main )?content|(?:home|news)\s*[>›»].{0,80}|share this (?:page|article|story).{0,60}|"
                             r"page \d{1,3} of \d{1,3}|official(?:[- ]sensitive)?|menu|search|back to top")
# "Wednesday 23 April 2025", "Published: 14 March 2025" on a line of its own
# … "14 April 2025 | 11:02", a post's "Met Police LFR @MetLFR · Mar 3, 2025"
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE_LINE = re.compile(rf"(?i)(?:[^.!?]{{0,60}}?@\w+\s*[·•|-]\s*)?(?:(?:published|updated|posted|last updated)\s*:?\s*(?:on\s+)?)?"
                        rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_WORD},?|"
                        rf"{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,)\s+\d{{4}}(?:\s*[,|·-]?\s*(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*"
                        rf"(?:am|pm)?)?\.?")


# "Reference: 2025/4127", "Meeting date: 20 November 2025", "Prepared for the Board, 30 October 2025": the page's labels
_LABELS = re.compile(r"(?:(?:(?:Reference|Question by|Asked by|Meeting date|Date|Answered by|Tabled|Answered|UIN|"
                     r"Question number|Session|Subject|Status|Report by|Paper by|Classification|Agenda item)\s*:\s*"
                     r"|(?:Prepared|Presented|Submitted|Written)\s+(?:for|to|by)\s+)[^.!?\n]{0,80}\s*)+")


# "Answered by Rachel Amory on 20 January 2025", "This question was answered on 13th May 2024", "Answered by Lord
# Hanson of Flint - Minister of State (Home Office)": a written answer's line of who and when, no label colon
_ANSWER_LINE = re.compile(rf"(?i)(?:this question was\s+)?(?:answered|tabled|asked|corrected)(?=\s+(?:by|on)\b)"
                          rf"(?:\s+by\s+[^.!?\n]{{1,100}}?)?(?:,?\s+on\s+(?:\w+day,?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_WORD},?"
                          rf"\s+\d{{4}})?\s*\.?")


def the_pages(text: str, claims_yet: bool) -> bool:
    """Whether a sentence is the page's: a date line before any claim (or one saying it was published or updated),
    lines of the page's labels, or lines that are all the site's furniture."""
    if _DATE_LINE.fullmatch(text.strip()) and (not claims_yet or re.match(r"(?i)\s*(?:published|updated|posted)", text)):
        return True
    if _LABELS.fullmatch(text.strip()) or _ANSWER_LINE.fullmatch(text.strip()):
        return True
    return all(_PAGE_FURNITURE.fullmatch(line.strip()) for line in text.splitlines() if line.strip())


# "Notes to editors:": what follows is read in the story's scene, not the last sentence's ("Background" goes on with
# the story: "LFR was first used again on Thursday 7 July … Across the two deployments, …")
_BACKGROUND = re.compile(r"(?i)\W*(?:notes?\s+(?:to|for)\s+editors?|editors?['’]?s?\s+notes?)\s*:?\s*")


def background_heading(text: str) -> bool:
    """Whether a line heads a release's notes to editors."""
    return bool(_BACKGROUND.fullmatch(text.strip()))
