"""Which false-alert rate a percentage or a "1 in N" states: per face, per alert, or not said.

Owns reading a rate's denominator from the words around it ("of faces
seen", "of all alerts", "when measured against faces seen", "for every
33,000 people passing the cameras", "as a proportion of alerts") and from
who it is counted over ("a person not on a watchlist"). A rate whose
denominator the sentence does not give is `false_alert_rate`, never
guessed. Pure. Proof: tests/test_claims.py, tests/test_passages.py.
"""

from __future__ import annotations

import re

from dataclasses import replace

from scrapers.claim_exclusions import setting_rate
from scrapers.claim_numbers import QUALIFIERS, Number
from scrapers.claim_scan import Scan
from scrapers.claim_words import ALERT_NOUN, FALSE_WORD, MOD, Figure

_FALSE_RATE = re.compile(r"(?:(?:false|incorrect)(?:[- ](?:alert|positive|match|identification)){0,2}|misidentification)"
                         r"\s+rates?\b[^#;]{0,90}$")

DENOMINATOR = re.compile(rf"^\s+(?:(?:when\s+|if\s+)?(?:measured|calculated|counted|expressed)\s+(?:against|over|as a "
                          rf"(?:share|proportion|percentage) of)\s+|(?:of|per|in|for)?\s*)"
                          rf"(?:all\s+|the\s+|those\s+|every\s+|each\s+)?{MOD}"
                          r"(?:(?P<face>faces?|people|persons|individuals|members of the public|passers-by)|"
                          rf"(?P<alert>{ALERT_NOUN}))\b")

_FALSE_BEFORE = re.compile(rf"(?:false|mis-?identif|incorrect|wrong)\w*(?:\s+[a-z-]+){{0,5}}\s+(?:for|in|of|among|to)?\s*"
                           rf"(?:(?:{QUALIFIERS})\s+)?$")

_RATE_AFTER = re.compile(r"^\s+(?:(?:false|incorrect)(?:[- ](?:alert|positive|match|identification)){0,2}\s+|"
                         r"misidentification\s+)?rates?\b(?P<rest>[^#;]{0,40})")

_RATE_DENOMINATOR = re.compile(rf"^\s*(?:relative to|per|of|against|among|across|for)\s+(?:all\s+|the\s+)?{MOD}"
                               r"(?:(?P<face>faces?|people|persons|individuals|passers-by)|(?P<alert>alerts?|matches))\b")

# Who a per-face rate is counted over, when the sentence describes them instead of naming faces.
_PASSERS_BY = re.compile(r"(?P<face>\brecognition opportunities\b|\b(?:people|persons?|individuals|anyone|someone|members "
                         r"of the public)\s+(?:who (?:is|are)\s+)?not\s+(?:included\s+)?(?:on|in)\s+(?:a|the|any)\s+"
                         r"watch\s?-?lists?\b|\bpassers-by\b)", re.I)

# "As a proportion of alerts, the rate was 0.48%", "if you look at it against alerts, about 0.7%"
_FRONTED_RATE = re.compile(rf"\b(?:as a (?:share|proportion|percentage) of|measured against|relative to|compared (?:with|to)|"
                           rf"(?:look(?:ing|ed)? at it|measured|calculated|counted)\s+against|against|across|over)\s+(?:the\s+)?(?:number of\s+|total\s+)?(?:all\s+)?{MOD}(?:(?P<face>faces?|people|passers-by)|"
                           rf"(?P<alert>alerts?|matches))\b[^#;]*$")
# "0.0003% — roughly 1 in 310,000", "0.0006% of faces, or around 1% of all alerts": a rate said again
_RESTATED = re.compile(rf"(?:[—–(-]|,|\bor|\bi\.e\.|\bwhich is|\bthat is|\bequivalent to)\s*(?:(?:{QUALIFIERS})\s+)?$")


# "0.0016% of the faces scanned and around 1.6% of all alerts": the same false alerts, another denominator …
_AND_AGAIN = re.compile(rf"\band\s+(?:(?:{QUALIFIERS})\s+)?$")
# … unless the second is of something else ("… and 95% of alerts were accurate")
_TRUE_AFTER = re.compile(r"^[^#.;]{0,60}?\b(?:were|was)\s+(?:true|accurate|correct|confirmed|genuine)\b")


_IF_WATCHLIST = re.compile(r"^(?:\s+[a-z-]+){0,2}?\s+(?:when|if|with)\s+(?:a|the)\s+watch ?-?list\s+(?:of|with)\b")


def read_rate(s: Scan, num: Number, before: str, after: str) -> None:
    """A percentage or a ratio: the false-alert rate it states, if any, kept in `s`."""
    if setting_rate(before) or _IF_WATCHLIST.match(after):
        return  # "or 1 in 60,000 with a watchlist of 1,000 images": what a test would give under a condition
    found = s.found
    metric = rate_metric(before, after, s.last_metric)
    restating = bool(found and found[-1].metric.startswith("false_alert_rate") and (
        _RESTATED.search(before) or _AND_AGAIN.search(before) and not _TRUE_AFTER.match(after)))
    if restating and metric in (None, "false_alert_rate"):
        # "0.0003% — roughly 1 in 310,000": the same rate again; "0.0006% of faces, or around 1% of all
        # alerts": the same false alerts over another denominator
        den = DENOMINATOR.match(after)
        metric = rate_name(den) if den else fronted_denominator(before) or found[-1].metric
    if restating and found[-1].metric == "false_alert_rate" and metric not in (None, "false_alert_rate") \
            and re.search(r"[—–(-]\s*(?:(?:roughly|about|around|approximately|some)\s+)?$", before):
        found[-1] = replace(found[-1], metric=metric)  # "0.0003% — roughly 1 in 330,000 faces"
    if metric:
        s.take(Figure(num, metric), names=False)


def per_every_rate(s: Scan, num: Number, j: int) -> bool:
    """"one false alert for every 6,000 faces": numbers[j] is the denominator, so the two make one rate."""
    d = s.numbers[j]
    s.skip.add(j)
    rate = Number(num.start, num.end, num.value / d.value, "ratio", per=d.value / num.value)
    return s.take(Figure(rate, rate_name(DENOMINATOR.match(s.ptext[s.spans[j][1]:]))), names=False)


def rate_metric(before: str, after: str, antecedent: str | None = None) -> str | None:
    named = _RATE_AFTER.match(after)
    if named and (named.group().strip().startswith(("false", "incorrect", "misidentification"))
                  or FALSE_WORD.search(re.split(r"[;]", before)[-1])):
        return rate_name(_RATE_DENOMINATOR.match(named["rest"]))
    den = DENOMINATOR.match(after)
    fronted = re.search(rf"\bof (?:the|all(?: the)?)\s+(?:#\d+#\s+)?{MOD}(?:(?P<face>faces|people)|(?P<alert>"
                        rf"{ALERT_NOUN}))\b[^#;]*,\s*$", before)
    stated = _FALSE_RATE.search(before)
    if not den and (fronted_rate := _FRONTED_RATE.search(before)):  # "As a proportion of alerts, the rate was 0.48%"
        if stated or antecedent in ("false_alerts", "false_alert_rate", "false_alert_rate_per_face",
                                    "false_alert_rate_per_alert") or FALSE_WORD.search(before):
            return rate_name(fronted_rate)
    if not stated and antecedent == "false_alerts" and re.search(r"\brates?\b[^#;]*$", before):
        stated = re.search(r"\brates?\b[^#;]*$", before)  # "12 were false alerts. That is a rate of 0.38% of alerts"
    tail = after[den.end():] if den else after
    false_before = bool(_FALSE_BEFORE.search(re.split(r"[;#]", before)[-1])) or (
        antecedent == "false_alerts" and den is not None and den["face"] is not None)  # "nine false alerts — one in 33,000 faces"
    if not (stated or false_before or FALSE_WORD.search(re.split(r"[;#]", tail)[0])):
        if den and antecedent and antecedent.startswith("false_alert_rate") and (
                re.search(r"\brates?\b", before) or not re.search(r"#\d+#", before)):
            # "… The Met's own rate is one in 130,000 faces", "The false alert rate is tiny. In the Met it's about one
            # in 33,000 faces this year."
            return rate_name(den)  # "Nationally, the false alert rate is …. The Met's own rate is one in 130,000 faces"
        return None
    if not den and not fronted and (passers := _PASSERS_BY.search(f"{before} {after}")):
        # "when a person not on a watchlist walks past, there is a 1 in 1,000 chance of a false alert"
        return rate_name(passers)
    if not stated and not den and not fronted:
        return None
    if stated and not den:  # "the false alert rate per alert was 87.5%"
        den = re.search(r"\b(?:per|of|against)\s+(?:all\s+)?(?:the\s+)?(?:(?P<face>faces?|people)|(?P<alert>alerts?))\b",
                        stated.group())
    return rate_name(den or fronted)

def rate_name(den: re.Match[str] | None) -> str:
    if den and den["face"]:
        return "false_alert_rate_per_face"
    if den and den["alert"]:
        return "false_alert_rate_per_alert"
    return "false_alert_rate"


def fronted_denominator(before: str) -> str | None:
    """The rate a denominator named before the number makes ("or if you look at it against alerts, about 0.7%")."""
    fronted = _FRONTED_RATE.search(re.split(r"[;#]", before)[-1])
    return rate_name(fronted) if fronted else None
