"""A transcript's turns, and the sentences that state no figure of their own.

Owns who speaks in a transcript ("PRESENTER: …", "Q: …", "Nick Ferrari
(presenter): …": a turn runs from a speaker's name to the next name or the
end of its block, and an interviewer's own figures are not an official's),
which questions state their figures ("Will the Home Secretary confirm that
… 48 deployments …?") and which only ask, and a sentence that only
compares ("That compares with 63 deployments … in 2023/24."), which leaves
the period in hand for what follows. Pure.
Proof: tests/test_passages_parliament.py, tests/test_passages_clauses.py.
"""

from __future__ import annotations

import re

# "Will the Minister tell the House how often …, and whether the reported figure of one in 1,000 is accurate?"
QUESTION_MARK = re.compile(r"\?[\s\"'”’)]*$")
# "Will the Home Secretary confirm that the Met's own records show 48 deployments in that quarter?", "Does the hon. Lady
# accept that … close to 500 arrests …?": a question that states its figures
_ASSERTING = re.compile(r"(?i)\b(?:confirm|accept|acknowledge|agree)\s+that\b")
_COMPARES = re.compile(r"(?i)^\W*(?:(?:that|this|which)\s+(?:compares|is\s+compared)\s+(?:with|to)|by\s+comparison|in\s+comparison|"
                       r"compared\s+(?:with|to))\b")
# "PRESENTER: …", "Q: …", "Nick Ferrari (presenter): …": a transcript's speaker, and the press's own turns
_SPEAKER = re.compile(r"^\s*(?P<who>[A-Z][\w .'’()-]{0,60}?)\s*:\s")
_PRESS = re.compile(r"(?i)(?:the\s+)?(?:presenter|interviewer|reporter|host|anchor|journalist|q)|.{1,40}\((?:presenter|"
                    r"interviewer|reporter|host)\)")


def press_turn(text: str, press: bool, new_block: bool) -> bool:
    """Whether a sentence is an interviewer's: a speaker's name starts a turn, and a block with none ends it."""
    if (label := _SPEAKER.match(text)) or new_block:
        return bool(label and _PRESS.fullmatch(label["who"].strip()))
    return press


def asks_only(text: str) -> bool:
    """Whether a sentence is a question that states nothing (not "Will the Minister confirm that … 48 …?")."""
    return bool(QUESTION_MARK.search(text)) and not _ASSERTING.search(text)


def only_compares(text: str) -> bool:
    """Whether a sentence only compares with another period ("That compares with 63 deployments … in 2023/24.")."""
    return bool(_COMPARES.match(text))
