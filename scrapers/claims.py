"""Answer prose → figure claims (ARCHITECTURE.md "Claim shape").

Owns: splitting an answer into sentences, and reading from each sentence
the LFR figures it states (faces, alerts, true / false alerts, people
stopped, arrests, watchlist size, deployments, false-alert rates) with
their qualifier, period, places and scope words. Numbers and their ranges
are `claim_numbers`; periods, places and deployment selections are
`claim_periods`. Pure: text and the answer's date in, `Claim`s out; no
network, disk, clock or database. A sentence that states no LFR figure
(dates, references, money, other percentages) yields nothing. Proof:
tests/test_claims.py, and tests/claims_heldout.py for unseen prose.
"""

from __future__ import annotations

import re
from datetime import date

from schemas.claims import Claim
from scrapers.claim_numbers import (QUALIFIERS, Number, count_range, find_numbers, mask_non_figures,
                                    qualifier_of, rate_range)
from scrapers.claim_periods import Phrase, find_locations, find_periods, find_selections

_ABBREVIATIONS = set(
    "approx e.g i.e eg ie no nos st dr mr mrs ms cllr vs v c cf para paras sec s ss fig figs jan feb mar apr "
    "jun jul aug sep sept oct nov dec est incl ref govt dept p pp ca al rt hon prof sgt insp supt det cmdr".split())
_BOUNDARY = re.compile(r"[.!?]+[\"'’”)\]]*\s+(?=[\"'‘“(\[]?[A-Z0-9£])")
_BLOCKS = re.compile(r"\n\s*\n|\n(?=\s*[-•*–]\s)")

_MOD = (r"(?:(?:system|facial[- ]recognition|lfr|live|further|more|separate|additional|individual|different|"
        r"unique|total|potential|possible|confirmed|unconfirmed|recorded|reported|operational|such|other|new|"
        r"verified|subsequent|resulting|formal|positive)\s+)*")
_PERSON = (r"(?:people|persons|person|individuals|individual|members of the public|member of the public|men|"
           r"women|man|woman|suspects|images|names|entries|subjects)")
_FACE_NOUN = rf"(?:(?:{_PERSON}(?:'s|’s|'|’)\s+)?(?:faces?|facial images|face images|face scans)|biometric (?:images|templates))"
_ALERT_NOUN = r"(?:alerts?|matches|match|alarms?)"
# (category, what follows the number); first match wins.
_NOUNS = [(cat, re.compile(rf"^\s+{_MOD}(?:{noun})\b")) for cat, noun in [
    ("faces", _FACE_NOUN),
    ("false", rf"(?:false|incorrect|wrong|erroneous|mistaken|inaccurate)(?:[- ]positive)?\s+(?:{_ALERT_NOUN}|"
              r"identifications?|positives?)|mis-?identifications?|false positives?"),
    ("true", rf"(?:true|correct|genuine|accurate)(?:[- ]positive)?\s+(?:{_ALERT_NOUN}|identifications?)|true positives?"),
    ("alert", _ALERT_NOUN),
    ("engage", r"engagements?|stops|interventions"),
    ("arrest", r"arrests?"),
    ("deploy", r"deployments?"),
    ("occasion", r"times|occasions"),
]]
_PREDICATES = [
    ("false_engage", r"(?:wrongly|mistakenly|incorrectly|wrongfully) (?:stopped|engaged(?: with)?|detained)"),
    ("false", r"(?:an? )?(?:mis-?identified|(?:wrongly|incorrectly|falsely|mistakenly) (?:identified|matched|flagged|alerted)|"
              r"false(?: alerts?| positives?| matches?)?\b|incorrect\b|not (?:a (?:true )?match|the (?:person|people|"
              r"individuals?) (?:sought|wanted|on the watch ?-?list))|mis-?identification)"),
    ("true", r"(?:an? )?(?:correctly (?:identified|matched|flagged)|true(?: alerts?| positives?| matches?)?\b|"
             r"correct\b|genuine\b|(?:true|correct|genuine) match)"),
    ("arrest", r"arrested|(?:resulted|ended) in (?:an? |their |his |her )?arrests?|led to (?:an? |their |his |her )?arrests?"),
    ("engage", r"stopped|engaged(?: with)?|spoken to|approached|intercepted|intervened with|(?:resulted in|led to) "
               r"(?:an? |the )?(?:engagements?|stops?|(?:people|persons?|individuals?|the person|someone) being "
               r"(?:stopped|engaged))"),
    ("alert", rf"(?:caused|triggered|generated|prompted|produced|raised|resulted in) (?:an? |\w+ )?(?:system |lfr |"
              rf"facial recognition )?{_ALERT_NOUN}|flagged|matched (?:against|to|with)|(?:an? )?alerts?\b"),
    ("faces", r"scanned|seen|processed|captured|detected"),
    ("watchlist", r"(?:on|in|included in|held on|added to) (?:the|a|its|each|their) (?:lfr |deployment )?watch ?-?lists?"),
]
_PREDICATE = re.compile(
    rf"^(?P<rel>\s*,?\s*of (?:whom|which|these|them|those))?(?:\s+{_PERSON})?(?:\s+(?:who|that|which))?"
    r"(?:\s+(?:were|was|had been|have been|has been|are|is|had|have|got|being))?(?:\s+(?:subsequently|then|later|"
    r"all|also|actually|each|ultimately|eventually|found to be|confirmed as|identified as|deemed|shown to be))*\s+"
    + "(?:" + "|".join(f"(?P<{cat}>{p})" for cat, p in _PREDICATES) + ")")
_PRECEDING = [(cat, re.compile(rf"{p}\s+(?:(?:{QUALIFIERS})\s+)?$")) for cat, p in [
    ("faces", r"(?:faces of|scanned|processed)"),
    ("engage", r"(?:stopped|engaged(?: with)?|spoke to|approached)"),
    ("arrest", r"arrested"),
    ("alert", r"(?:flagged|alerted on|generated alerts (?:for|on))"),
    ("false", r"(?:misidentified|wrongly identified|incorrectly identified)"),
    ("watchlist", r"watch ?-?lists?\b(?:[^#;]{0,40}?\s)?(?:\s*(?:size|of|containing|contained|contains|comprising|comprised|"
                  r"included|includes|including|with|had|has|held|holds|numbered|was|were|is|stood at|totall?ed|"
                  r"consisted of|featured|at))+"),
]]
_METRICS = {"faces": "faces_seen", "alert": "alerts_total", "arrest": "arrests", "deploy": "deployments",
            "occasion": "deployments", "watchlist": "watchlist_size", "false_engage": "false_alert_engagements",
            "false": "false_alerts", "true": "true_alerts", "engage": "engagements"}
_RELATIVE_BEFORE = re.compile(r"of (?:whom|which|these|them|those)\s*$")
_FRONTED = re.compile(r"\bof (?:the|these|those|all(?: the)?)\s+(?:#(\d+)#\s+)?[^#;]*,\s*$")
_PARENT = re.compile(r"#\d+#\s+of (?:the|these|those|all(?: the)?)\s+$")
_PARTITIVE = re.compile(r"^\s+of (?:the|these|those|all(?: the)?|its|their)\s+(?:#(\d+)#)?")
_PERSON_FIRST = re.compile(rf"^\s+{_PERSON}\s+(?!were|was|had|have|has|are|is)\w")
_AVERAGE = re.compile(rf"(?:average(?: of)?|averaging|averaged|mean(?: of)?|median(?: of)?|typically)\s+(?:(?:{QUALIFIERS})\s+)?$")
_PER = re.compile(r"^[^#;]*?(?:\b(?:per|a|an|each|every)\s+(?:deployment|day|hour|week|month|operation|shift)\b"
                  r"|\bon average\b)")
_PER_EVERY = re.compile(r"^\s+(?:in|for|per|out of)\s+(?:every|each)\s+#(\d+)#")
_FALSE_RATE = re.compile(r"(?:(?:false|incorrect)(?:[- ](?:alert|positive|match|identification))?|misidentification)"
                         r"\s+rates?\b[^#;]{0,40}$")
_FALSE_WORD = re.compile(r"\b(?:false|mis-?identif|incorrect|wrong|mistaken)")
_DENOMINATOR = re.compile(rf"^\s+(?:of|per|in|for)?\s*(?:all\s+|the\s+|those\s+|every\s+|each\s+)?{_MOD}"
                          r"(?:(?P<face>faces?|people|persons|individuals|members of the public|passers-by)|"
                          rf"(?P<alert>{_ALERT_NOUN}))\b")
_SEGMENT = re.compile(r",?\s+(?:and|but|while|whereas|compared (?:with|to)|against|versus)\s+|;\s*")


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, each an exact (stripped) substring; abbreviations and decimals don't split."""
    sentences = []
    for block in _BLOCKS.split(text):
        start = 0
        for m in _BOUNDARY.finditer(block):
            word = re.search(r"([\w.]*)$", block[:m.start()])[1]
            if block[m.start()] == "." and (re.fullmatch(r"[A-Z]", word) or word.lower() in _ABBREVIATIONS
                                            and (word.lower() != "no" or block[m.end()].isdigit())):
                continue
            sentences.append(block[start:m.start() + len(m.group().rstrip())])
            start = m.end()
        sentences.append(block[start:])
    return [s for s in (re.sub(r"^\s*[-•*–]\s+", "", s).strip() for s in sentences) if s]


def extract_claims(text: str, answer_date: date | None) -> list[Claim]:
    """Every figure claim stated in `text` (an answer), in order; periods resolved against `answer_date`."""
    return [claim for sentence in split_sentences(text) for claim in _sentence_claims(sentence, answer_date)]


def _blank(text: str, phrases: list[Phrase]) -> str:
    for p in phrases:
        text = text[:p.start] + " " * (p.end - p.start) + text[p.end:]
    return text


def _sentence_claims(sentence: str, answer_date: date | None) -> list[Claim]:
    unblanked = mask_non_figures(sentence)
    periods = find_periods(unblanked, answer_date)
    masked = _blank(unblanked, periods)
    locations, selections = find_locations(masked), find_selections(masked)
    numbers = [n for n in find_numbers(masked) if not any(s.start <= n.start < s.end for s in selections)]
    ptext, spans, pos = "", [], 0
    for i, n in enumerate(numbers):
        ptext += masked[pos:n.start].lower()
        spans.append((len(ptext), len(ptext) + len(f"#{i}#")))
        ptext += f"#{i}#"
        pos = n.end
    ptext += masked[pos:].lower()
    found = _figures(ptext, spans, numbers)
    out = []
    for num, metric in found:
        qualifier, _ = qualifier_of(masked, num)
        bounds = rate_range(num, qualifier) if metric.startswith("false_alert_rate") else count_range(num, qualifier)
        if bounds is None:
            continue
        chosen = _scope(unblanked, num.start, [n.start for n, _ in found],
                        sorted(periods + locations + selections, key=lambda p: p.start))
        first, last = _period([p for p in chosen if p.kind not in ("location", "selection")],
                              any(p.ordinal for p in chosen))
        out.append(Claim(
            metric=metric, low=bounds[0], high=bounds[1], qualifier=qualifier, period_start=first, period_end=last,
            locations=tuple(place for p in chosen for place in p.places), scope_text=_scope_text(sentence, chosen),
            sentence=sentence))
    return out


def _period(periods: list[Phrase], ordinal: bool) -> tuple[date | None, date | None]:
    """The period the phrases cover together; unknown if any is unknown."""
    if not periods or any(p.first is None or p.last is None for p in periods):
        return None, (periods[0].last if len(periods) == 1 else None)
    if ordinal and any(p.kind != "day" for p in periods):
        return None, None  # "the first two deployments of 2020" do not cover all of 2020
    return min(p.first for p in periods), max(p.last for p in periods)


def _figures(ptext: str, spans: list[tuple[int, int]], numbers: list[Number]) -> list[tuple[Number, str]]:
    """(number, metric) for each number that states an LFR figure; `ptext` has `#i#` for numbers[i]."""
    found, cats, prev, skip = [], {}, None, set()
    for i, num in enumerate(numbers):
        before, after = ptext[:spans[i][0]], ptext[spans[i][1]:]
        if i in skip:
            continue
        if num.kind in ("percent", "ratio") or (num.decimals and num.value < 1):
            metric = _rate_metric(before, after)
            if metric:
                found.append((num, metric))
            continue
        if _AVERAGE.search(before):
            continue
        cat, marked, antecedent = None, False, prev
        if _PARENT.search(before):  # the eight in "seven of the eight": its own noun phrase, or nothing
            cat = next((c for c, p in _NOUNS if p.match(after)), None)
            if cat is None and _PERSON_FIRST.match(after):  # "five of the six people stopped"
                cat = (_predicate(after) or (None,))[0]
        elif part := _PARTITIVE.match(after):
            rest = " " + after[part.end():].lstrip()
            np = next(((c, m.end()) for c, p in _NOUNS if (m := p.match(rest))), None)
            if np is None and _PERSON_FIRST.match(rest):
                np = _predicate(rest)
            antecedent = np[0] if np else prev
            pred = _predicate(rest[np[1]:] if np else rest)
            cat, marked = (pred[0] if pred else None), True
        elif noun := next(((c, m.end()) for c, p in _NOUNS if (m := p.match(after))), None):
            cat = noun[0]
            if _PER.match(after[noun[1]:]):
                continue
            per = _PER_EVERY.match(after[noun[1]:])
            if per and cat == "false":  # "one false alert for every 6,000 faces" is a rate, not two counts
                d = numbers[int(per[1])]
                skip.add(int(per[1]))
                rate = Number(num.start, num.end, num.value / d.value, "ratio", per=d.value / num.value)
                found.append((rate, _rate_name(_DENOMINATOR.match(ptext[spans[int(per[1])][1]:]))))
                continue
        elif pred := _predicate(after):
            cat, marked = pred[0], pred[2] or bool(_RELATIVE_BEFORE.search(before))
            if fronted := _FRONTED.search(before):
                marked, antecedent = True, cats.get(int(fronted[1])) if fronted[1] else prev
        else:
            cat = next((c for c, p in _PRECEDING if p.search(before)), None)
        if cat == "occasion" and not re.search(r"\b(?:deploy|used?\b)", ptext):
            cat = None
        metric = _metric(cat, antecedent, marked)
        if cat:
            cats[i], prev = cat, cat
        if metric:
            found.append((num, metric))
    return found


def _predicate(after: str) -> tuple[str, int, bool] | None:
    m = _PREDICATE.match(after)
    if not m:
        return None
    return next(c for c, _ in _PREDICATES if m.group(c)), m.end(), bool(m["rel"])


def _metric(cat: str | None, antecedent: str | None, marked: bool) -> str | None:
    """The metric of a category; "of whom" / "N of the M" make it relative to what it counts among."""
    if cat is None:
        return None
    if marked and cat == "false" and antecedent in ("engage", "false_engage"):
        return "false_alert_engagements"
    if marked and cat == "engage" and antecedent == "false":
        return "false_alert_engagements"
    if marked and cat == "true" and antecedent == "engage":
        return None  # true-alert engagements: not a claim metric
    return _METRICS[cat]


def _rate_metric(before: str, after: str) -> str | None:
    den = _DENOMINATOR.match(after)
    fronted = re.search(rf"\bof (?:the|all(?: the)?)\s+(?:#\d+#\s+)?{_MOD}(?:(?P<face>faces|people)|(?P<alert>"
                        rf"{_ALERT_NOUN}))\b[^#;]*,\s*$", before)
    stated = _FALSE_RATE.search(before)
    tail = after[den.end():] if den else after
    if not (stated or _FALSE_WORD.search(re.split(r"[;#]", tail)[0])):
        return None
    if not stated and not den and not fronted:
        return None
    if stated and not den:  # "the false alert rate per alert was 87.5%"
        den = re.search(r"\b(?:per|of|against)\s+(?:all\s+)?(?:the\s+)?(?:(?P<face>faces?|people)|(?P<alert>alerts?))\b",
                        stated.group())
    return _rate_name(den or fronted)


def _rate_name(den: re.Match[str] | None) -> str:
    if den and den["face"]:
        return "false_alert_rate_per_face"
    if den and den["alert"]:
        return "false_alert_rate_per_alert"
    return "false_alert_rate"


def _scope(masked: str, claim: int, claims: list[int], phrases: list[Phrase]) -> list[Phrase]:
    """The scope phrases for the claim at `claim`: all of them, or those of its part of the sentence."""
    if all(sum(p.kind == k for p in phrases) <= 1 for k in ("location", "selection")) \
            and sum(p.kind not in ("location", "selection") for p in phrases) <= 1:
        return phrases
    cuts = [m.start() for m in _SEGMENT.finditer(masked) if not any(p.start <= m.start() < p.end for p in phrases)]
    bounds = [0] + cuts + [len(masked)]
    # A part without a claim frames the next one ("At Stratford on 11 February and at Oxford Circus on ...,
    # 13,200 faces"); a last part without one is an elliptical comparison ("... compared with 2 in 2019").
    start = 0
    for a, b in zip(bounds, bounds[1:]):
        if any(a <= c < b for c in claims):
            if a <= claim < b:
                return [p for p in phrases if start <= p.start < b]
            start = b
    return []


def _scope_text(sentence: str, phrases: list[Phrase]) -> str | None:
    """The sentence's words for the chosen phrases: adjacent ones as one run, others joined by '; '."""
    runs: list[list[int]] = []
    for p in phrases:
        if runs and re.fullmatch(r"[\s,]*", sentence[runs[-1][1]:p.start]):
            runs[-1][1] = max(runs[-1][1], p.end)
        else:
            runs.append([p.start, p.end])
    return "; ".join(sentence[a:b].strip(" ,") for a, b in runs) or None
