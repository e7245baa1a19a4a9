"""A figure a speaker takes back in the same breath, and the one that replaces it.

Owns spoken self-corrections: "we have deployed it 42 times — sorry, 52,
not 42", "24 were arrested — I beg your pardon, 23 were arrested", "roughly
400,000 faces — sorry, roughly 440,000", "there were 9 arrests; sorry,
eight arrests and one summons", "22 arrests, Chair - no, I tell a lie, 24",
"around 15,000 faces - actually I am told it was nearer 14,600", "we have made
540 - sorry, 560 - arrests" (the noun after both). The figure before the correction is
withdrawn; the number after it is the figure, with the withdrawn one's
metric when its own words name none, and a "not 42" that repeats the
withdrawn number is no figure. Pure. Proof: tests/test_passages.py.
"""

from __future__ import annotations

import re
from dataclasses import replace

from scrapers.claim_numbers import Number
from scrapers.claim_words import METRICS, Figure, noun_at

_MARKER = re.compile(r"(?i)(?:\s*[—–;,:-]+|\s*\.\.\.|\s*…)\s*(?:sorry|i beg your pardon|pardon me|i should say|i mean|"
                     r"correction|or rather|rather|no,\s+i tell a lie|i tell a lie|actually)\b[,:]?\s*"
                     r"(?:i\s+am\s+told\s+|i['’]m\s+told\s+)?"
                     r"(?:(?:that\s+)?should\s+(?:be|read|say)\s+|it\s+(?:was|is)\s+)?")
_REACH_BACK = 80  # the withdrawn figure is in the same breath: close before the marker
_REACH_ON = 30  # the replacement follows the marker at once
_NOT_OLD = re.compile(r"^\s*,?\s*(?:and\s+)?not\s+$")
_BETWEEN_DASHES = re.compile(r"^\s*[—–-]+")


def corrected(masked: str, numbers: list[Number], figures: list[Figure]) -> list[Figure]:
    """`figures` (sorted by position) with each figure taken back withdrawn and its replacement kept."""
    for m in _MARKER.finditer(masked):
        old = next((f for f in reversed(figures) if m.start() - _REACH_BACK <= f.number.end <= m.start()
                    and not re.search(r"[.?!]", masked[f.number.end:m.start()])), None)
        candidates = sorted(numbers + [f.number for f in figures], key=lambda n: n.start)  # "56 deployments" too
        new = next((n for n in candidates if m.end() <= n.start <= m.end() + _REACH_ON), None)
        said = next((n for n in reversed(numbers) if n.end <= m.start() and not masked[n.end:m.start()].strip(" ,")),
                    None)
        if said is not None and (old is None or old.number.start != said.start) and new is not None:
            # the number taken back is the one said right before the marker, not an earlier figure: "generated 142
            # alerts and we made 65 - sorry, 63 arrests" keeps the 142; "540 - sorry, 560 - arrests": the noun after
            old = _bare_before_noun(masked, said, m, new)
        if old is None or new is None:
            continue
        figures = [f for f in figures if f is not old]
        # ("sorry, 182, I am told it was 182": the replacement said again is still one figure)
        if not any(f.number.start == new.start or (f.number.value == new.value and f.metric == old.metric) for f in figures):
            figures.append(replace(old, number=new))
        # "52, not 42": the number taken back, said again
        figures = [f for f in figures if not (f.number.start > new.end and f.number.value == old.number.value
                                              and _NOT_OLD.match(masked[new.end:f.number.start]))]
    # "I said we had deployed 17 times in November; the correct figure is 18": the figure before, of the same metric,
    # withdrawn in the same sentence
    if (m := _CORRECT_WITHIN.search(masked)) and not any(f.number.start >= m.end() for f in figures) \
            and (bare := next((n for n in numbers if n.start >= m.end() and not masked[m.end():n.start].strip()), None)) \
            and (old := next((f for f in reversed(figures) if f.number.end <= m.start()), None)):
        figures = figures + [Figure(bare, old.metric)]  # "…, before correcting the figure to 75": the bare number
    if m and (new := next((f for f in figures if f.number.start >= m.end()), None)):
        old = next((f for f in reversed(figures) if f.number.end <= m.start()  # (not "across the two deployments")
                    and not re.search(r"(?i)\b(?:the|these|those|all|both)\s+$", masked[:f.number.start])), None)
        if old is not None and old.metric != new.metric and noun_at(" " + masked[new.number.end:].lstrip().lower()) is None:
            # "… 22 people had been arrested across the two deployments; the correct figure is 20": the bare number
            # replaces the figure just withdrawn, whatever an earlier noun suggested
            figures = [replace(f, metric=old.metric) if f is new else f for f in figures]
            new = replace(new, metric=old.metric)
        figures = [f for f in figures if not (f.number.end <= m.start() and f.metric == new.metric)]
    return sorted(figures, key=lambda f: f.number.start)


def _bare_before_noun(masked: str, said: Number, marker: re.Match[str], new: Number) -> Figure | None:
    """`said`, the number right before the marker, when the noun comes only after its replacement, set off by dashes
    ("540 - sorry, 560 - arrests"), as a figure of that noun's metric; None otherwise."""
    dash = _BETWEEN_DASHES.match(masked[new.end:])
    if masked[said.end:marker.start()].strip() or dash is None:
        return None
    noun = noun_at(" " + masked[new.end + dash.end():].lstrip().lower())
    return Figure(said, METRICS[noun]) if noun in METRICS else None


# "In my evidence I said that LFR had been deployed 117 times … The correct figure is 131.", "I told Members that there
# had been 32 false alerts … That was wrong: the correct figure is 27.": the figure of the sentence before, withdrawn
_CORRECT_WITHIN = re.compile(r"(?i)[;,:—–]\s*(?:but\s+)?(?:the\s+)?(?:correct|right|accurate|actual)\s+(?:figure|number|total|count)\s+"
                             r"(?:is|was|should\s+have\s+been)\b|"
                             # "He initially said that 80 arrests had resulted, before correcting the figure to 75."
                             r"[;,:—–]?\s+(?:and\s+|but\s+)?(?:(?:before|then|later|subsequently)\s+)?correct(?:ing|ed)\s+"
                             r"(?:it|this|that|the\s+(?:figure|number|total)|himself|herself|themselves)\s+to\b")
_CORRECT_FIGURE = re.compile(r"(?i)^\W*(?:(?:that|this)\s+(?:was|is)\s+(?:wrong|incorrect|an error)\W+)?(?:the\s+)?"
                             r"(?:correct|right|accurate|actual)\s+(?:figure|number|total|count)\s+(?:is|was|should\s+have\s+been)\b")


def correction_clause(masked: str, figures: list[Figure]) -> int | None:
    """Where "the correct figure is …" begins in a sentence that gives no figure before it ("That figure omitted the
    deployment of 25 February 2025; the correct figure is three."): what comes before says why, not the figure's
    scope."""
    m = _CORRECT_WITHIN.search(masked)
    return m.start() if m and figures and all(f.number.start >= m.end() for f in figures) else None


def withdrawn_before(sentence: str, found: list, earlier: list, index: int | None) -> list:
    """The claims stated so far less those of sentence `index` that `sentence` replaces ("The correct figure is 131"
    after "I said that LFR had been deployed 117 times"): the ones of the metric it gives anew."""
    if index is None or not found or not _CORRECT_FIGURE.match(sentence):
        return earlier
    metrics = {c.metric for c in found}
    return [c for c in earlier if not (c.sentence_index == index and c.metric in metrics)]


# "The answer previously given was:" before the words of an answer being corrected: those words state nothing now
_PREVIOUSLY_GIVEN = re.compile(r"(?i)\b(?:answer|reply|response|figures?|statement|text)\s+(?:previously|originally|first)\s+"
                               r"(?:given|published|stated|provided|issued)\s+(?:was|were|read)\s*:?\s*$")


def previously_given(sentence: str) -> bool:
    """Whether a sentence introduces the words of an earlier answer that a correction replaces."""
    return bool(_PREVIOUSLY_GIVEN.search(sentence.strip()))
