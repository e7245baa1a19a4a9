"""Words set off after a sentence's figures that scope only themselves: examples, reasons, comparisons.

Owns telling whether a scope phrase stands in an example ("…, including a
deployment at Oxford Circus in February 2020"), a reason ("because four
deployments in Westminster …"), what the figures are compared with ("more
than in the previous four years") or another tactic's words ("knife arches
at Barking station"): where and when that one was, not the figures' scope.
Pure. Proof: tests/test_passages_clauses.py, tests/test_passages_contexts.py.
"""

from __future__ import annotations

import re

from scrapers.claim_periods import Phrase


# "… on nine occasions, including a deployment at Oxford Circus in February 2020 that was stopped early": an example
# ("…, most recently on North End on Thursday 12 December": the last one's day, not the figures')
_EXAMPLE = re.compile(r"(?i),?\s+(?:including|such as|for example|among them|with the (?:most recent|latest|last|first)"
                      r"(?: one)?(?: being)?|most recently|the (?:most recent|latest) (?:being|on|in|at)|"
                      r"(?<=,\s)the (?:most recent|latest)(?: one)?|"
                      # "deployed 180 times, most often in Croydon": where many of them were, not all
                      r"most (?:often|frequently)|(?:beginning|starting)(?: (?:at|with|in))?|mostly|mainly|chiefly|largely|"
                      r"in particular|particularly|especially|"
                      # "made 17 arrests, most of them in Croydon town centre": where many were, not all
                      r"(?:most|many|the majority) of (?:them|these|those)|"
                      # "out four times this week, with colleagues at Oxford Circus on Tuesday …": some of them
                      r"with (?:our |other )?(?:colleagues|teams?|officers|vans?)(?: also)?|"
                      # "followed by Greenwich (8), where the vans have been used in Woolwich and, in May, outside the O2"
                      r"where (?:the |our |its )?(?:vans?|cameras?|teams?|officers) (?:have|has|had) (?:also )?been)"
                      r"\s[^.;:\d–—]*$")


# "… which also included additional patrols and knife arches at Barking and Ilford stations": another tactic's place
_TACTIC_BEFORE = re.compile(r"(?i)\b(?:knife arch(?:es)?|patrols?|stop and search(?:es)?|licensing visits?|weapons? sweeps?|"
                            r"dispersal orders?|section 60 orders?)\s+$")
# "179 times, more than in the previous four years combined": what a figure is compared with
_THAN = re.compile(r"(?i)\bthan\s+(?:in\s+|during\s+|over\s+|across\s+|for\s+)?(?:the\s+)?(?:(?:whole|entire|full)\s+(?:of\s+)?)?$")


def in_reason(between: str) -> bool:
    """Whether the words between a figure and a phrase after it open a reason ("the correct figure is 15, because four
    deployments in Westminster on 22 August had been recorded as three"): the reason's scope is not the figure's."""
    return bool(_BECAUSE.search(between))


_BECAUSE = re.compile(r"(?i)\bbecause\b")


def in_example(masked: str, phrase: Phrase) -> bool:
    """Whether a phrase stands in an example after the figures ("…, including a deployment at Oxford Circus"), or in
    what they are compared with ("more than in the previous four years"): where and when that one was, not the
    figures' scope nor the frame the sentences after it continue."""
    if phrase.is_period and re.search(r"(?i)\b(?:used|deployed|visited)\s+most\s+(?:often|frequently)\s+$", masked[:phrase.start]):
        return False  # "The locations used most often in the first four months of 2025 were:": when, for all of them
    return bool(_EXAMPLE.search(masked[:phrase.start]) or _THAN.search(masked[:phrase.start])
                # "36 arrests, including 11 on 29 May": the part's day, not the whole's
                or re.search(r"(?i),\s+including\s+(?:\d[\d,]*|[a-z]+)\s+(?:[a-z]+\s+){0,3}$", masked[:phrase.start])
                or _TACTIC_BEFORE.search(masked[:phrase.start]))
