"""Which figures name only a part of what the records count.

Owns the words after a count that narrow it to a subset the records do
not break down ("3 arrests for shoplifting", "50 sex offenders who were
found in breach"), and parts of a figure named before ("This included two
people who …"). Such a claim is checked only for review
(docs/claims.md). Pure. Proof: tests/test_claims.py, tests/test_passages.py.
"""

from __future__ import annotations

import re

from scrapers.claim_figures import Figure

# Words after a count that narrow it to a subset the records do not break down ("3 arrests for shoplifting",
# "50 sex offenders who were found in breach", "100 individuals allegedly involved in …"); a list that follows
# ("arrested for the following:") or a range of offences describes all of them, and narrows nothing.
_GENERAL = (r"(?!a range|a variety|a number|various|a mix|a wide|offences including|crimes including|offences such|"
            r"crimes such|a list|a host|serious offences including|a series|the following|offences ranging|crimes ranging|"
            r"criminal offences|a breadth|offences from|a raft)")
_SUBSET = re.compile(
    r"^\s+(?:[a-z-]+\s+){0,3}?(?:(?:were|was|being|been|made|also)\s+)*(?P<words>(?:(?:wanted|arrested)\s+)?"
    rf"(?:for|on suspicion of|in connection with|allegedly involved in|involved in|subject to)\s+{_GENERAL}"
    # ("119 alerts that month": "that" points to a time, no clause)
    r"[^,.;:()#]{3,80}|(?:who|that)\s+(?!(?:month|day|week|fortnight|year|quarter|period|weekend|morning|afternoon|"
    r"evening|night|time|deployment|operation)\b)(?!(?:were|are|was|is)\s+(?:wanted|sought)(?:\s+by\s+(?:the\s+)?(?:police|courts)"
    r"(?:\s+(?:or|and)\s+(?:by\s+)?(?:the\s+)?(?:police|courts))?)?\s*(?:[,.;]|$)|"
    r"(?:were|was)\s+(?:arrested|stopped|identified)\b)[^,.;:()#]{3,80})")
_RESTRICTED = re.compile(r"^\s+(?:[a-z-]+\s+){0,2}?(?P<words>(?:registered\s+)?sex offenders|children|under[- ]18s?)\b")
_SUBSET_METRICS = {"arrests", "engagements", "alerts_total", "true_alerts"}
# "haven't used [LFR] on any protests so far": deployments of a kind the records do not mark
_ON_ANY = re.compile(r"^\s+(?P<words>(?:on|at|during)\s+any\s+[a-z][a-z -]{2,40}?)(?=\s+(?:so far|to date|yet|since|and|but)\b|\s{2,}|\s*[,.;]|$)")


# "For sex offenders found in breach of their conditions, it is around 40 arrests this year": a subset named first
_FOR_FRONTED = re.compile(r"(?:^|[.;]\s+)(?i:for|among|of|as for)\s+(?P<words>(?:registered\s+)?(?:sex offenders|people|those|"
                          r"individuals|offenders|suspects)\s+(?:wanted|found|who|in|on|with|under|for)\b[^,.;:#]{3,80}),"
                          r"\s+(?:it|that|the figure|the number)\s+(?:is|was|stands at|comes to)\s+(?:\w+\s+){0,2}$")


_OF_THOSE_WANTED = re.compile(r"(?i)^\s+of\s+(?:those|the people|the)\s+(?:arrested|stopped|detained)\b[^.;#]{0,40}?\b"
                              r"(?:were|was)\s+(?P<words>(?:wanted|sought)\s+[^,.;:()#]{3,80})")


_WHOLE_NAMED = re.compile(r"^\s+of\s+(?:the|these|those|yesterday['’]s|today['’]s|the\s+day['’]s|\s{3,}['’]s)"
                          r"(?:\s+[a-z'’-]+){0,2}?\s+(?:(?:people|individuals|persons)\s+)?(?:arrested|arrests|detained|held)\b"
                          r"[^#.;]{0,40}?(?=\s+(?:were|was)\s)", re.I)


def subset_of(masked: str, figure: Figure) -> str | None:
    """The words narrowing a count to a part the records do not break down ("for shoplifting"), or None."""
    num, after = figure.number, masked[figure.number.end:]
    if figure.metric in _SUBSET_METRICS and (fronted := _FOR_FRONTED.search(masked[:num.start])):
        return fronted["words"].strip()
    if figure.metric in _SUBSET_METRICS and (part := _OF_THOSE_WANTED.match(after)):
        return part["words"].strip()  # "Three of those arrested in Peckham were wanted on recall to prison"
    if figure.metric == "deployments" and num.value == 0 and (m := _ON_ANY.match(after.lower())):
        return after[after.lower().index(m["words"]):][:len(m["words"])]
    if figure.metric not in _SUBSET_METRICS or figure.restated:
        return None
    if figure.part_of:  # "Eleven of the 31 were wanted for …": what narrows it follows the whole it is part of
        after = re.sub(r"^\s+of\s+(?:the|these|those)\s+(?:[\d,]+|[a-z]+(?=\s+(?:were|was)\s))", "", after)
        # "One of yesterday's arrests was …", "Two of the Peckham arrests were …": the whole, named by its noun
        after = _WHOLE_NAMED.sub("", after)
    words = [m["words"].strip() for m in (_RESTRICTED.match(after.lower()), _SUBSET.match(after.lower())) if m]
    if words:
        return " ".join(after[after.lower().index(w):][:len(w)] for w in words)
    if figure.part_of:
        # "Three of the arrests were of people wanted on recall": "people wanted on recall"
        words = re.sub(r"^(?:were|was)\s+(?:of\s+)?", "", re.split(r"[,.;:()]", after, maxsplit=1)[0].strip())
        return words or "a part of the figure before"
    return None
