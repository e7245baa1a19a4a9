"""The parts of a sentence: where its clauses part, and which parts only compare.

Owns cutting a sentence with several figures into parts where SEGMENT's
words join them (never inside a scope phrase, an aside between dashes, or
"between 11 and 27 February"), and which parts only compare ("…, compared
with 102 in 2023/24", "up from 231", "from 12 to 20"): claim_figure_scope
reads a figure's scope from its part, claim_phrases sets aside counts that
only compare. Pure. Proof: tests/test_passages.py, tests/test_passages_clauses.py.
"""

from __future__ import annotations

import re

from scrapers.claim_cues import CHANGED_TO
from scrapers.claim_figures import SEGMENT
from scrapers.claim_numbers import NUMBER_WORD
from scrapers.claim_periods import Phrase

# "…, compared with 83 in the same period of 2024": a part that only compares sets no period for the parts after it
COMPARISON_PART = re.compile(r"(?i),?\s+(?:[–—]\s+)?\(?(?:compared (?:with|to)|(?:which|this|that)\s+compares\s+(?:with|to)|versus|up from|down from|after(?=\s+\d)|"
                              r"(?:exactly\s+|just\s+)?the\s+same\s+(?:number|figure|total|level)\s+as\b|"
                              r"(?:(?:more|less|fewer)\s+than\s+|almost\s+|nearly\s+|about\s+|around\s+)?(?:\w+|\d+)\s+times\s+"
                              r"(?:the\s+(?:number|total|figure)|as\s+many)\b|"
                              r"(?:well\s+|far\s+|just\s+)?(?:above|below|ahead\s+of|short\s+of)\s+(?:the\s+)?(?=\d))\s?")

_FROM_PART = re.compile(rf"(?i),?\s+from\s+(?:(?:just|only)\s+)?(?:\d|(?:{NUMBER_WORD})\b)")

def sentence_parts(masked: str, phrases: list[Phrase]) -> list[tuple[int, int]]:
    """The sentence's parts (start, end): cut where SEGMENT's words join them, never inside a scope phrase."""
    asides = [(m.start(), m.end()) for m in ASIDE.finditer(masked)]  # "Seven people – among them … and … – were"
    # "four times – compared with once in the same period last year – and …": an aside that compares is a part
    compared = [(a, b) for a, b in asides if COMPARISON_PART.match(masked[a:b])]
    cuts = [m.start() for m in SEGMENT.finditer(masked) if not any(p.start <= m.start() < p.end for p in phrases)
            and not _between_days(masked, m, phrases) and not any(a < m.start() < b for a, b in asides)]
    # "Arrests rose from 31 in January to 58 in March": each figure with the period after it
    cuts = sorted(cuts + [m.start() for m in _FROM_TO.finditer(masked) if any(
        p.is_period and not masked[p.end:m.start()].strip() and _FROM_NUMBER.search(masked[:p.start]) for p in phrases)]
        + [edge for a, b in compared for edge in (a, b)])
    return list(zip([0] + cuts, cuts + [len(masked)]))


ASIDE = re.compile(r"\s[–—]\s[^–—.;]{1,160}?\s[–—](?=\s)")
_FROM_TO = re.compile(rf"\s+to\s+(?:(?:just|only|around|about|nearly|almost)\s+)?(?=\d|(?:{NUMBER_WORD})\b)", re.I)
_FROM_NUMBER = re.compile(rf"\bfrom\s+(?:\d[\d,.]*|(?:{NUMBER_WORD}))\b(?:\s+[a-z]+)?\s+$", re.I)


def _between_days(masked: str, m: re.Match[str], phrases: list[Phrase]) -> bool:
    """Whether a cut would fall inside a list of days ("on 7 and 14 March"): the days of one list are one period."""
    return any(p.end == m.start() and p.kind == "day" for p in phrases) and any(
        p.start == m.end() and p.kind == "day" for p in phrases)


def comparisons(masked: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts that only compare ("…, compared with 102 in 2023/24", "…, up from 44 in Q1 2024/25")."""
    out = []
    for a, b in parts:
        # "…, up from 94 in December and 87 in November": the comparison goes on
        if COMPARISON_PART.match(masked[a:b]) or (out and out[-1][1] == a and _AND_FIGURE.match(masked[a:b])) or (
                _FROM_PART.match(masked[a:b]) and re.search(rf"(?i){CHANGED_TO}[^.;:]{{0,60}}$", masked[:a])):
            # ("rose to 572 in 2024, from 37 the year before")
            out.append((a, b))
    return out


_AND_FIGURE = re.compile(rf"(?i),?\s+and\s+(?:(?:just|only|around|about|nearly|almost)\s+)?(?:\d|(?:{NUMBER_WORD})\b)")


def outside_comparisons(masked: str, phrases: list[Phrase]) -> list[Phrase]:
    """The phrases not in a part that only compares ("…, compared with 102 in 2023/24"): what the next sentence's
    "over the year" can point back to."""
    compares = comparisons(masked, sentence_parts(masked, phrases))
    return [p for p in phrases if not any(a <= p.start < b for a, b in compares)]
