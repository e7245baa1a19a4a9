"""Which numbers in one sentence state an LFR figure, and of which metric.

Owns the reading of a sentence's numbers as figures, one number at a time:
the category its words give it (number + noun "eight alerts", number +
verb "six were stopped", verb before number "scanned 4,600", "of whom",
"N of the M", fronted "Of the six people stopped, five ...", counts inside a
phrase "the 12 pilot deployments", "the number of people on that list was
610", labels "Deployments: 187") and the metric that category makes. The
rules are tried in a fixed order, each on the sentence's shared `Scan`
(claim_scan.py): parts, shares and splits of a figure named before are
claim_parts.py; rates are claim_rates.py; splits by place that name no
metric ("two from the Lewisham deployment and four from the Bromley
deployment") are claim_splits.py; the words by which a number with no noun
counts what was named before ("it led to 571", "there were a further 187")
are claim_antecedents.py. What is no figure at all (a plan, a rule,
a limit, a rhetorical "no") is claim_exclusions.py; the words for metrics
are claim_words.py; the scope of each figure is the passage reader's
(scrapers/claims.py). Pure: no I/O. Proof: tests/test_claims.py.
"""

from __future__ import annotations

import re

from scrapers.claim_antecedents import (BARE, BARE_FOR_PERIOD, ELLIPSIS, FURTHER, IT_WAS, LED_TO, MOST_WITH, NOUN_WAS,
                                         NUMBER_OF, OPENS, OUT_OF, PERIOD_THEN, PLACE_BETWEEN, PLACE_ELLIPSIS, SPEAKER_ONLY, SUBJECT_NOUN,
                                         THE_FIGURE, THERE_WERE, TOTAL_TO)
from scrapers.claim_exclusions import NOT_REAL, earlier_answer, not_a_count, set_aside, someone_elses
from scrapers.claim_numbers import NUMBER_WORD, QUALIFIERS, Number
from scrapers.claim_parts import (CAUSED_BY, PARENT, PART_OF_AFTER, SHARE_AND, SHARE_VERB, engagement_of_flagged, fronted_cause,
                                  lfr_share_of_whole, part_among, part_named_after, share_named_after)
from scrapers.claim_rates import per_every_rate, read_rate
from scrapers.claim_scan import Scan
from scrapers.claim_splits import bracketed_metric, splits_by_place
from scrapers.claim_words import (METRICS, NOUNS, PARTICIPLES, PERSON, PRECEDING, PREDICATE, PREDICATES, Figure,
                                  last_metric_named, noun_at)

_RELATIVE_BEFORE = re.compile(r"of (?:whom|which|these|them|those)\s+(?:only\s+|just\s+)?$")
_FRONTED = re.compile(r"\bof (?:the|these|those|all(?: the)?)\s+(?:#(\d+)#\s+)?[^#;]*,\s*$")
# "Of the 12 false alerts, officers engaged with five people": whom the verb before the number counts among
_FRONTED_VERB = re.compile(r"\bof (?:the|these|those|all(?: the)?)\s+(?:#(\d+)#\s+)?[^#;]*,\s*(?:[a-z]+\s+){0,4}$")
# ("accounted for 180 of the 256 deployments": a count read inside the phrase stays in digits)
# … "Eleven of the January arrests", "Five of Tuesday's arrests" (the day is blanked out: "of        's arrests")
_PARTITIVE = re.compile(r"^\s+of (?:(?:the|these|those|all(?: the)?|its|their)\s+|(?=\s*['’]s\s)|(?=[a-z]+day['’]s\s))"
                        r"(?:\s*['’]s\s+|[a-z]+day['’]s\s+|(?:day|week|month|year)['’]s\s+|(?:january|february|march|april|may|june|july|august|september|"
                        r"october|november|december)\s+(?=[a-z]))?(?:#(\d+)#|\d[\d,]*(?=\s))?")
_RELATIVE_BETWEEN = re.compile(r"^\s+(?:that\s+|which\s+)?(?:(?:its|the|their|our)\s+)?(?:[a-z]+\s+){0,2}?"
                               r"(?:generated|produced|triggered|raised|recorded|issued)\b(?=\s+(?:were|was)\b)")
_PERSON_FIRST = re.compile(rf"^\s+{PERSON}\s+(?!were|was|had|have|has|are|is)\w")
_PER = re.compile(r"^[^#;,.()—–]{0,40}?(?:\b(?<!part of )(?:per|a|an|each|every)\s+(?:deployment|day|hour|week|month|operation|shift)\b"
                  r"(?!\s+of\b)|\bon average\b)")  # not "as part of a week of action"
# "Four of those were last month", "two of them in March": a part of the figure before, by when it happened
# (the sentence's scope phrases are blanked out: "were" and then only spaces)
# ("Eight of those were made in the first fortnight": made, recorded, carried out)
_WHEN_PART = re.compile(r"^\s+(?:(?:were|was)(?:\s+(?:made|recorded|carried\s+out|generated|raised))?|took place|came)"
                        r"\s{4,}(?:[.,;:]|$)")
# "Of the 180 deployments, 46 and 31 took place in Croydon and Newham respectively": a list of the whole's parts
_RESPECTIVE_PARTS = re.compile(r"^(?:\s*,\s*#\d+#)*(?:\s*,?\s+and\s+#\d+#)?\s+(?:of\s+(?:them|these|those)\s+)?"
                               r"(?:took\s+place|were|was|came|happened)\b[^#.;]*\brespectively\b")
_PER_EVERY = re.compile(r"^\s+(?:in|for|per|out of)\s+(?:every|each)\s+#(\d+)#")
SEGMENT = re.compile(r",?\s+(?:and|but|while|whereas|compared (?:with|to)|(?:which|this|that)\s+compares\s+(?:with|to)|against|"
                     r"versus)\s+|,\s+(?:up|down) from\s+|[;:]\s*|"
                     # "66 times this year, with April alone accounting for 18": a part
                     r",\s+with\s+(?=[A-Za-z]+\s+alone\s+(?:accounting|responsible)\b)|"
                     # "48 times in Q4, the same number as in the previous quarter"
                     r",\s+(?=(?:exactly\s+|just\s+)?the\s+same\s+(?:number|figure|total|level)\s+as\b)|"
                     # "389 arrests, more than ten times the number in the whole of 2023, when there were 37"
                     rf",\s+(?=(?:(?:more|less|fewer)\s+than\s+|almost\s+|nearly\s+|about\s+|around\s+)?(?:\w+|\d+)\s+times\s+"
                     r"(?:the\s+(?:number|total|figure)|as\s+many)\b)|"
                     # "March was the busiest month, with 82 arrests, after 74 in January and 77 in February"
                     rf",\s+after\s+(?=(?:\d|(?:{NUMBER_WORD})\b)[^.;:]{{0,30}}?\b(?:in|on|during)\s)|"
                     rf",\s+from\s+(?=(?:just\s+|only\s+)?(?:\d|(?:{NUMBER_WORD})\b))|"  # "rose to 572 in 2024, from 37 …"
                     # "296 people across the summer, well above the 193 arrested in the same period last year"
                     rf",\s+(?=(?:well\s+|far\s+|just\s+)?(?:above|below|ahead\s+of|short\s+of)\s+(?:the\s+)?(?:\d|(?:{NUMBER_WORD})\b))|"
                     r"\s+\((?=compared\s+(?:with|to)\s|(?:up|down)\s+from\s)|"  # "(compared with 61 in the same period …)"
                     rf",\s+with\s+(?:the\s+)?(?=\d|(?:{NUMBER_WORD})\b)|"
                      r",\s+(?=(?:taking|bringing)\s+(?:the|its)\s+(?:overall\s+|running\s+)?total\b)|"
                     # "16 times in March, 18 times in April and 17 times in May", "six times, once in January, once in
                     # March and four times in July": a list of counts, each its own part
                     rf",\s+(?=(?:(?:\d[\d,]*|{NUMBER_WORD})\s+times|once|twice)\b)|"
                     # "15 deployments, four of them on a single day, 22 August": a part of it, with its own scope
                     rf",\s+(?=(?:\d[\d,]*|{NUMBER_WORD})\s+of\s+(?:them|these|those|which)\b)")
# "taken more than 1,300 dangerous offenders off the streets": arrests.
_OFF_STREETS_BEFORE = re.compile(rf"\b(?:take|taken|took|taking|removed|removing|remove)\s+(?:(?:{QUALIFIERS})\s+)?$")
_OFF_STREETS_AFTER = re.compile(r"^(?!(?:\s+[a-z-]+){0,3}?\s+(?:knives|knife|weapons?|blades?|guns?|firearms?|drugs)\b)"
                                 r"(?:\s+[a-z-]+){0,3}\s+(?:off|from)\s+(?:the\s+)?(?:[a-z’']+\s+)?streets")
_PARTICIPLE = re.compile(rf"^\s+(?P<p>{'|'.join(PARTICIPLES)})\b(?=\s+(?:were|was|have|has|had|are|is)\b)")
# "one alert was confirmed as a false alert", "one alert was a misidentification", "four alerts, all of which were
# correct": an alert noun whose own clause says which kind
# ("one alert, which proved to be false": the count of alerts stays; "three matches which were verified": true ones)
_ALERT_KIND = re.compile(r"^(?!,\s*(?:which|that)\b),?\s+(?:(?:in|at|on|from|during|over)\s[^#,.;:]{0,40}?\s*,?\s|,\s*)?(?:(?:all|both) of (?:which|them)\s+|"
                         r"(?:which|that)\s+)?"
                         r"(?:was|were|ha(?:ve|s|d) been|turned out to be|proved to be|proved|(?:were|was) (?:later )?found to be)\s+"
                         r"(?:\w+\s+){0,4}?(?:(?:as|to be)\s+)?(?:an?\s+)?"
                         r"(?:(?P<false>false|incorrect|inaccurate|wrong|mis-?identification)|(?P<true>true|correct|accurate|"
                         r"genuine|confirmed (?:as )?(?:true|correct)|(?:confirmed|verified) by (?:the )?(?:officers|police|an officer)"
                         r"(?!\s+(?:as|to be)\b)))\b")  # "three positive matches which were verified by officers"
# "twelve accurate and one false", after a count of alerts
_KIND_WORD = re.compile(r"^\s+(?:(?:were|was)\s+)?(?:(?P<true>accurate|correct|genuine|true)|(?P<false>false|incorrect|inaccurate|"
                        r"wrong))\b(?!\s+(?:alert|match|positive))")
# "No one was arrested as a result of a false alert", "none of the false alerts resulted in an arrest": no wrongful
# arrests, a principle rather than a count the records hold
_WRONGFUL_ZERO = re.compile(r"(?:false|mis-?identif|wrong|incorrect|mistaken)")
_LED_TO_ARREST = re.compile(r"^\s+(?:of\s+the\s+)?false\s+(?:alerts?|matches?)\s+(?:\w+\s+){0,2}(?:led|resulted|ended)\s+"
                            r"(?:to|in)\s+(?:an?\s+|any\s+)?(?:wrongful\s+)?arrests?\b")
_NONE_OF_ARRESTED = re.compile(r"^\s+of\s+(?:the|those|these|them)\b[^#.;]{0,50}?\b(?:was|were)\s+(?:then\s+|subsequently\s+)?"
                               r"(?:arrested|detained)\b")
_NO_SET_LASTED = re.compile(r"^\s+(?:single\s+|one\s+)?(?:deployments?|operations?)\s+(?:has\s+|have\s+)?(?:lasted|exceeded|overran|"
                            r"ran\s+(?:for\s+)?(?:more|longer|over|beyond)|went\s+(?:on|over|beyond)|took\s+(?:longer|more))\b")
_POLICY_ZERO = re.compile(r"^\s+(?:\w+\s+)?(?:is|are)\s+(?:ever\s+)?(?:arrested|stopped|detained)\b")
# "Deployments: 187", "Arrests following an alert: 604": a report's label and its figure
_LABEL = re.compile(rf"(?:^|[-•*]\s*)(?P<label>[a-z][a-z ()'-]{{2,40}}):\s*(?:(?:{QUALIFIERS})\s+)?$")
_AFTER_FALSE = re.compile(r"^[^#;.]{0,40}?\b(?:following|after|as a result of|because of)\s+(?:an?\s+|their\s+|the\s+)?"
                          r"(?:false|incorrect|mistaken|wrong)\s+(?:alerts?|matches?|identifications?)")
_REACH = 400
# "At 0.56, the false positive identification rate was 0.03 per cent": a sentence about a threshold setting
_AT_SETTING = re.compile(r"\W*at\s+(?:an?\s+|the\s+)?(?:(?:[a-z-]+\s+){0,2}?(?:threshold|setting)\s+(?:of\s+)?)?#(\d+)#"
                         r"(?:\s+(?:or|and)\s+(?:above|below|higher|lower|more|less))?\s*(?:,|(?=\s+(?:there|the|it|we)\b))")
_FALSE_METRICS = ("false_alert",)  # false alerts, engagements after them, their rates
# "30, 22 and 14 deployments": numbers listed before the one noun they share
_SHARED_NOUN = re.compile(r"^(?:\s*,\s*#\d+#)*(?:\s*,)?\s+and\s+(?:#\d+#|\d[\d,]*(?=\s))")
_OF_THE = re.compile(r"(?:^|[^#\w])of (?:the|these|those)\s+$")
_WHOLE = {"true_alerts": "alerts_total", "false_alerts": "alerts_total"}  # what a kind of alert is part of
_QUOTED_NOUN = re.compile(r"[‘'\"“]((?:false |positive |true )?(?:alerts?|matches|arrests|deployments|hits))[’'\"”]")


def find_figures(ptext: str, spans: list[tuple[int, int]], numbers: list[Number], *,
                 place_starts: set[int] = frozenset(), antecedent: str | None = None,
                 counted_at: dict[int, str] | None = None, split_place_ends: set[int] = frozenset(),
                 day_starts: set[int] = frozenset(), asked: str | None = None) -> list[Figure]:
    """Each number that states an LFR figure, with its metric; `ptext` is the lower-cased sentence with `#i#`
    for numbers[i]; `place_starts` are where place phrases begin in `ptext`; `antecedent` is the metric of the
    last figure before this sentence (for splits by place that name no metric of their own); `counted_at` the
    ptext offsets of counts read inside a phrase, with their metric; `split_place_ends` where places that each
    take a count end ("Croydon 12 and Southwark nine"); `asked` the metric the question asks for, when this
    sentence opens the answer ("How many times …? — Three times since April.")."""
    # "there were 11 ‘alerts’ created": a count's noun in quotation marks (same length: the spans stay true)
    ptext = _QUOTED_NOUN.sub(r" \1 ", ptext)
    s = Scan(ptext, spans, numbers, place_starts, antecedent, asked)
    if (setting := _AT_SETTING.match(ptext)) and numbers[int(setting[1])].value < 1:
        return []  # "At 0.56, 22 of 33 false positives involved Black subjects": results of a test at a setting
    counted_at = counted_at or {}  # where counts inside a phrase ("20 deployments in Hackney") stand, and their metric
    for i, num in enumerate(numbers):
        passed = [counted_at[c] for c in sorted(counted_at) if (spans[i - 1][1] if i else 0) <= c < spans[i][0]]
        s.last_metric = passed[-1] if passed else s.last_metric  # "… 20 deployments in Hackney and seven in Islington"
        # What a number's words can reach: a window either side, so a sentence with thousands of numbers (a
        # table pasted as prose) costs linear time, not quadratic.
        before, after = ptext[max(0, spans[i][0] - _REACH):spans[i][0]], ptext[spans[i][1]:spans[i][1] + _REACH]
        if i in s.skip or someone_elses(before) or lfr_share_of_whole(s, num, before, after):
            continue
        if num.kind in ("percent", "ratio") or (num.decimals and num.value < 1):
            if not NOT_REAL.search(before):  # ("I do not know whether that is one in 40,000 faces": no rate stated)
                read_rate(s, num, before, after)
            continue
        if not_a_count(num, before, after) or part_among(s, num, before, after) or _set_aside(s, num, before, after):
            continue
        if _OFF_STREETS_BEFORE.search(before) and _OFF_STREETS_AFTER.match(after):
            s.take(Figure(num, "arrests"))  # "taken more than 1,300 dangerous offenders off the streets"
            continue
        if engagement_of_flagged(s, i, num, before, after) or share_named_after(s, i, num, before, after, split_place_ends) \
                or fronted_cause(s, num, before, after):
            continue
        read = _category(s, i, num, before, after)
        if read is None:
            continue
        cat, marked, antecedent_cat, partitive_rest = read
        if cat is None and (s.prev in ("alert", "true", "false") or s.last_metric == "alerts_total") \
                and not PARENT.search(before) and (kind := _KIND_WORD.match(after)):  # "13 alerts — twelve accurate and one false"
            cat, marked = ("true" if kind["true"] else "false"), False
        if cat is None and (per := _PER_EVERY.match(after)) and "false_alerts" in (s.last_metric, METRICS.get(s.prev)):
            per_every_rate(s, num, int(per[1]))  # "ten false alerts — one for every 250,000 faces"
            continue
        if cat is None and part_named_after(s, num, before, after, partitive_rest):
            continue
        _conclude(s, i, num, before, after, cat, marked, antecedent_cat, day_starts)
    return s.found


# what "there were N" can count again: events, not faces seen, a watchlist's size or a rate ("… four false alerts from
# more than 737,000 faces. In the first half of the year there had been 21.": not faces)
_EVENT_METRICS = ("arrests", "alerts_total", "false_alerts", "true_alerts", "deployments", "engagements")
_DID_N = re.compile(r"(?:^|[.;:,]\s*|\b(?:and|but)\s+)(?:[a-z ]{0,30}\s)?(?:we|they|officers|the met|the mps)\s+(?:have\s+|had\s+)?"
                    r"(?:already\s+|now\s+)?(?:did|done)\s+$")
_MOST_NOUN = re.compile(r"\bthe\s+(?:most|highest\s+number\s+of|fewest)\s+(?P<noun>alerts|arrests|deployments|false alerts)"
                        r"\b[^#.;,]{0,40},\s*$")
_BUSIEST_FOR = re.compile(r"\b(?:busiest|biggest|best|highest|strongest|record)\s+(?:single\s+)?(?:month|week|day|quarter|"
                          r"deployment|year)\s+(?:yet\s+|so\s+far\s+)?for\s+(?P<noun>alerts|arrests|deployments|false alerts)\b"
                          r"[^#.;]{0,30}?,?\s+with\s+(?:(?:about|around|some|nearly|almost|over|more\s+than|just\s+over)\s+)?$")
_TAKEN_PLACE = re.compile(r"^\s+(?:have|has|had)\s+(?:already\s+|now\s+|so\s+far\s+)?(?:taken\s+place|been\s+carried\s+out|"
                         r"been\s+completed|gone\s+ahead)\b")
# ("Croydon accounted for 12 of these, Westminster for 8 and Lewisham for 5": each place's share, the verb elided)
_ACCOUNTED_AND = re.compile(r"\baccounted\s+for\s+#\d+#(?:(?:[^.;#]|#\d+#){0,40}?(?:,|\s+and)\s+[^.;#]{1,60}?\s+for\s+#\d+#)*"
                            r"(?:[^.;#]|#\d+#){0,40}?(?:,|,?\s+and)\s+(?:the\s+)?[^.;#]{1,60}?\s+for\s+$")
_SUBJECT_ACCOUNTED = re.compile(r"(?:^|[.;:]\s*)\W*(?P<noun>deployments|arrests|alerts|false alerts)\b[^.;#]{0,60}?"
                                r"\baccounted\s+for\s+$")
_ITEM_PLACE = re.compile(r"\W*(?:\d{1,2}[.)]\s*)?[a-z][a-z '’.-]{1,40}\s*\(")


def _set_aside(s: Scan, num: Number, before: str, after: str) -> bool:
    """A figure set aside (an earlier answer's, a plan's): no claim, though an earlier answer's figure still says what
    "the correct figure is 14" counts."""
    if not set_aside(before):
        return False
    if earlier_answer(before) and ((noun := noun_at(after)) in METRICS or (
            (named := NUMBER_OF.search(before)) and (noun := noun_at(" " + named["noun"])) in METRICS)
                                   or (said := _predicate(after)) and (noun := said[0]) in METRICS):
        # "… 12 deployments", "… the number of alerts as 82", "… said 14 people had been arrested"
        s.take(Figure(num, METRICS[noun], superseded=True))
    return True


def _category(s: Scan, i: int, num: Number, before: str, after: str) -> tuple[str | None, bool, str | None, str | None] | None:
    """What the words around a number make it count: (category, marked relative, the category it counts among, the
    words after a partitive "of the"), or None when a rule here has already read the number."""
    cat, marked, antecedent_cat, partitive_rest = None, False, s.prev, None
    if PARENT.search(before):  # the eight in "seven of the eight": its own noun phrase, or nothing
        cat = noun_at(after)
        if cat is None and _PERSON_FIRST.match(after):  # "five of the six people stopped"
            cat = (_predicate(after) or (None,))[0]
    elif part := _PARTITIVE.match(after):
        rest = partitive_rest = " " + after[part.end():].lstrip()
        if participle := _PARTICIPLE.match(rest):  # "of those flagged were stopped": whom, then what
            s.prev = PARTICIPLES[participle["p"]]
            rest = rest[participle.end():]
        np = next(((c, m.end()) for c, p in NOUNS if (m := p.match(rest))), None)
        if np is None and _PERSON_FIRST.match(rest):
            np = _predicate(rest)
        antecedent_cat = np[0] if np else s.prev
        pred = _predicate(rest[np[1]:] if np else rest)
        if pred is None and np:  # "Two of the alerts in Tooting were false": a place between the noun and its verb
            pred = _predicate(PLACE_BETWEEN.sub("", rest[np[1]:], count=1))
        if pred is None and np:  # "27 of the alerts its cameras generated were false": a relative clause between
            pred = _predicate(_RELATIVE_BETWEEN.sub("", rest[np[1]:], count=1))
        cat, marked = (pred[0] if pred else None), True
        if pred is None and np and np[0] in METRICS and PART_OF_AFTER.match(rest[np[1]:]):
            s.take(Figure(num, METRICS[np[0]], part_of=True), names=False)  # "Three of the arrests were of people wanted …"
            return None
        if pred is None and np and np[0] in METRICS and re.match(r"^\s*(?:[.;]|$)", rest[np[1]:]):
            s.take(Figure(num, METRICS[np[0]]))  # "At Oxford Circus, it's been six deployments, and a dozen of the arrests."
            return None
        if pred is None and np and np[0] in METRICS and CAUSED_BY.match(rest[np[1]:]):
            if not (num.value == 0 and _WRONGFUL_ZERO.search(rest[np[1]:])):  # "not one of those arrests followed a
                s.take(Figure(num, METRICS[np[0]]))  # false alert": a principle; "52 of the total arrests were as a
            return None                                # result of LFR"
        if pred is None and np and np[0] in METRICS and splits_by_place(
                after, s.spans[i][1], s.place_starts, own=len(" " + after[part.end():].lstrip()) - len(rest) + np[1]
                + part.end() - 1):  # "Seven of the arrests were in Islington"
            s.take(Figure(num, METRICS[np[0]], split_by_place=True))
            return None
        if pred is None and np is None and (whole := s.last_metric or s.antecedent) and _WHEN_PART.match(rest):
            s.take(Figure(num, whole))  # "Seven since the start of the year. Four of those were last month"
            return None
        share = METRICS.get(np[0]) if np else s.last_metric if re.match(r"^\s+of\s+(?:them|those|these)\b", after) \
            else None
        if pred is None and share and (SHARE_VERB.search(before) or SHARE_AND.search(before)):
            # "The Metropolitan Police made 940 of those arrests", "accounted for 170 of those deployments",
            # "alone made 587 of them": the Met's share of a figure named before
            s.take(Figure(num, share))
            return None
    elif _OF_THE.search(before) and after.startswith(",") and s.last_metric \
            and not re.search(r"\b(?:first|second|third|last|latest|final)\s+of\s+the\s+$", before):  # "the first of the four"
        # the 34 in "Of the 34, 31 were confirmed as true alerts": the whole named before, again
        s.take(Figure(num, _WHOLE.get(s.last_metric, s.last_metric), restated=True), names=False)
        return None
    elif (as_noun := re.match(r"^\s+as(?=\s)", after)) and (kind := next(
            (c for c, p in NOUNS if p.match(after[as_noun.end():]) and c in ("true", "false")), None)):
        cat = kind  # "… and three as false alerts"
    elif (most := _MOST_NOUN.search(before)) and re.match(r"^\s*,", after):
        cat = noun_at(" " + most["noun"])  # "Ilford saw the most alerts yesterday, 11, and seven arrests": alerts
    elif (busiest := _BUSIEST_FOR.search(before)) and re.match(r"^\s*(?:[.;,)]|$)", after):
        cat = noun_at(" " + busiest["noun"])  # "June was the busiest month for arrests, with 68": arrests
    elif (shared := _SHARED_NOUN.match(after)) and (noun := next(
            ((c, m.end()) for c, p in NOUNS if (m := p.match(after[shared.end():]))), None)) \
            and noun[0] in ("deploy", "arrest", "alert", "false", "true", "engage", "faces", "occasion"):
        cat = noun[0]  # the 30 and 22 of "30, 22 and 14 deployments respectively": the noun the list ends with
        if _PER.match(after[shared.end() + noun[1]:]):
            return None
    elif noun := next(((c, m.end()) for c, p in NOUNS if (m := p.match(after))), None):
        cat = noun[0]
        if _PER.match(after[noun[1]:]):
            return None
        if cat == "alert" and (kind := _ALERT_KIND.match(after[noun[1]:])) and not re.search(r"\b(?:all|both) of\b",
                                                                                             kind.group()):
            cat = "true" if kind["true"] else "false"
        if (per := _PER_EVERY.match(after[noun[1]:])) and cat == "false":
            per_every_rate(s, num, int(per[1]))  # "one false alert for every 6,000 faces" is a rate, not two counts
            return None
    elif pred := _predicate(after):
        cat, marked = pred[0], pred[2] or bool(_RELATIVE_BEFORE.search(before))
        if cat == "watchlist" and (said := next((c for c, p in PRECEDING if p.search(before)), None)) in (
                "alert", "engage", "arrest"):
            cat = said  # "alerted officers to four people on the watchlist": alerts, about people on it
        if fronted := _FRONTED.search(before):
            marked, antecedent_cat = True, s.cats.get(int(fronted[1])) if fronted[1] else s.prev
    else:
        cat = next((c for c, p in PRECEDING if p.search(before)), None)
        if cat is None and (label := _LABEL.search(before)):  # "Deployments: 187"
            cat = noun_at(" " + label["label"].strip())
        if cat and (fronted := _FRONTED_VERB.search(before)):  # "Of the 12 false alerts, officers engaged with five"
            marked, antecedent_cat = True, s.cats.get(int(fronted[1])) if fronted[1] else s.prev
        if cat is None and (m := NUMBER_OF.search(before) or NOUN_WAS.search(before) or MOST_WITH.search(before)):
            cat = noun_at(" " + before[m.start("noun"):])
        if cat is None and s.last_metric and IT_WAS.search(before) and re.match(r"^\s*(?:again\b|too\b)?\s*(?:[.;,]|$)",
                                                                                 after):
            # "In the previous financial year it was 63."; "The alerts there - … it is something like 250": the
            # sentence's own subject; "sorry, 182, I am told it was 182": said again, no second figure
            if not any(f.number.value == num.value for f in s.found):
                subject = SUBJECT_NOUN.match(s.ptext)
                # ("We did 16 in January" after false alerts: what a force does is deploy)
                did = "deployments" if _DID_N.search(before) and s.last_metric not in ("arrests", "deployments") else None
                s.take(Figure(num, METRICS[noun_at(" " + subject["noun"])] if subject else did or s.last_metric))
            return None
        if cat is None and s.last_metric and (TOTAL_TO.search(before) or THE_FIGURE.search(before)
                                              or FURTHER.search(before) and BARE.match(after)
                                              or LED_TO.search(before) and re.match(r"^\s*(?:[.;]|$)", after)):
            # "took the total since January to 1,148", "In the Met, the figure was 510", "… and in the whole of
            # 2024 it led to 571."; "The week's arrests take the number made with LFR in March to 82": arrests
            total = TOTAL_TO.search(before)
            # ("the number of arrests … to 74": its own noun; "the number made following LFR alerts": the subject's)
            named = total and (last_metric_named(total[0]) if re.search(r"\b(?:total|number|tally|count)\s+of\s", total[0])
                               else last_metric_named(before[:total.start()]))
            s.take(Figure(num, named or s.last_metric))
            return None
    return cat, marked, antecedent_cat, partitive_rest


def _conclude(s: Scan, i: int, num: Number, before: str, after: str, cat: str | None, marked: bool,
              antecedent_cat: str | None, day_starts: set[int]) -> None:
    """The figure a number's category makes, once no rule for parts, shares or rates has read it."""
    ptext, last_metric = s.ptext, s.last_metric
    opens = bool(s.asked and OPENS.fullmatch(before))  # the answer opens with this count
    if cat is None and _DID_N.search(before) and (BARE_FOR_PERIOD.match(after) or BARE.match(after)):
        s.take(Figure(num, "deployments"))  # "We did 16 in January. This month we have already done six": deployments
        return
    if cat is None and _TAKEN_PLACE.match(after) and ("deployments" in (last_metric, s.antecedent)
                                                      or re.search(r"\bdeployments\b", before)):
        s.take(Figure(num, "deployments"))  # "10 deployments … - Eight have already taken place": the noun elided
        return
    if cat is None and OUT_OF.search(before) and BARE.match(after) and num.value < 100_000 \
            and (last_metric or "").startswith(("false_alerts", "true_alerts")):  # "out of 3 million": faces
        s.take(Figure(num, "alerts_total"))
        return
    if cat is None and (subject := _SUBJECT_ACCOUNTED.search(before)):
        s.take(Figure(num, METRICS[noun_at(" " + subject["noun"])]))  # "Deployments in Westminster accounted for 17 of …"
        return
    if cat is None and (s.found or last_metric) and (accounted := _ACCOUNTED_AND.search(before)) and (
            BARE.match(after) or re.match(r"\s+and\s", after)):
        # "… accounted for 23 of the arrests, and the three East Ham deployments for 12": what the first share counted
        # (not "… accounted for seven arrests from 13 alerts, and Deptford for one": the alerts)
        first = s.numbers[int(re.search(r"#(\d+)#", accounted[0])[1])]
        s.take(Figure(num, next((f.metric for f in s.found if f.number is first),
                                s.found[-1].metric if s.found else last_metric)))
        return
    if cat is None and last_metric and ELLIPSIS.search(before) and BARE.match(after):
        s.take(Figure(num, last_metric))  # "In 2023 it deployed the technology on 23 occasions; in the 2024 calendar
        return                            # year, 180."
    if cat is None and not s.found and s.antecedent in _EVENT_METRICS and len(s.numbers) == 1 and BARE.match(after) and (
            there := THERE_WERE.match(before)) and (there["place"] is None or s.spans[i][0] - len(before)
                                                   + there.start("place") in s.place_starts):
        s.take(Figure(num, s.antecedent))  # "In Lewisham there were 40.", "Across London there were 587."
        return
    if cat is None and last_metric and BARE.match(after) and (ellipsis := PLACE_ELLIPSIS.search(before)) \
            and s.spans[i][0] - len(before) + ellipsis.start("place") in s.place_starts:
        s.take(Figure(num, last_metric))  # "In Lewisham, 8 people were arrested; in Catford, 6."
        return
    if cat is None and not s.asked and s.antecedent and not s.antecedent.startswith("false_alert_rate") \
            and num.kind == "count" and (len(s.numbers) == 1 and (
                OPENS.fullmatch(before) and BARE_FOR_PERIOD.match(after) or PERIOD_THEN.fullmatch(before) and BARE.match(after))
                or i == 0 and num.value > 0 and SPEAKER_ONLY.fullmatch(before) and re.match(r"^,", after)):
        # "… over 580 arrests in the past 12 months. Around 1,000 since the start of last year.", "In the first two
        # weeks of this year, another 50": the figure before, for another period; "Q48 Chair: How many of those
        # deployments …? — Dan Howarth: Forty-eight, between January and March, with 213 arrests.": the count asked for
        s.take(Figure(num, s.antecedent))
        return
    if cat == "occasion" and not (opens and s.asked == "deployments") and (not re.search(r"\b(?:deploy\w*|used?|using|trial(?:l?ed|l?ing)|visit\w*|went|been out|been to|been there|(?:were|was) out|(?:we|officers|they) (?:were|have been) (?:in|at|on|outside|there)|host(?:ed|s)?|(?:taken|took|brought) (?:(?:its|the|their|our) (?:lfr )?(?:vans?|cameras?)|lfr|live facial recognition|the technology) to|"
                                            # "took its vans out on 24 occasions", "the vans were in Romford six times",
                                            # "Stratford has seen the vans nine times"
                                            r"(?:take|takes|taken|took)\s+(?:(?:its|the|their|our)\s+(?:lfr\s+)?(?:vans?|cameras?)|them)\s+out|"
                                            r"(?:vans?|cameras?)\s+(?:were|was|have\s+been|has\s+been)\s+(?:in|at|on|outside|to|there)|"
                                            # (a place has seen them; not "they have seen LFR vans": people's sightings)
                                            r"(?<!they have )(?<!we have )(?<!i have )(?<!they )(?<!we )(?<!i )"
                                            r"(?:seen|had|hosted)\s+(?:(?:the|its|lfr)\s+(?:vans?|cameras?)|lfr|live facial recognition|the technology)|"
                                            r"switched on|turned on)\b",
                                            re.split(r"[.;]", before)[-1]) or re.search(r"\b(?:met|convened|sat)\s+(?:on\s+)?$", before)
                               or re.search(r"\bretrospective\b|\boperator[- ]initiated\b", ptext)):
        cat = None  # "the Panel met on five occasions" counts no deployments
    if cat == "trial" and not re.search(r"\b(?:lfr|facial recognition|the technology)\b", ptext):
        cat = None
    if cat is None and last_metric and splits_by_place(after, s.spans[i][1], s.place_starts):
        if re.search(r"\b(?:the|these|those)\s+$", before):
            return  # "the three in Croydon accounted for 31 alerts": deployments named by their count and place
        s.take(Figure(num, last_metric, split_by_place=True))
        return
    if cat is None and after.startswith(")") and not (num.decimals == 0 and 1990 <= num.value <= 2040) \
            and (bracket := bracketed_metric(before, s.spans[i][0], s.place_starts, last_metric or (
                s.antecedent if _ITEM_PLACE.fullmatch(before) else None))):  # "1) Croydon (18)" under "… the most deployments:"
        s.take(Figure(num, bracket, split_by_place=True, bracketed=True))  # "Croydon (12), Lewisham (7)", "deployments (28)"
        return
    if cat is None and (whole := last_metric or s.antecedent) and _RESPECTIVE_PARTS.match(after) \
            and not whole.startswith("false_alert_rate"):
        s.take(Figure(num, whole))
        return
    if cat is None and opens and BARE.match(after):
        s.take(Figure(num, s.asked))  # "How many people were arrested …? — Twelve.", "It's north of 400 this year"
        return
    metric = _metric(cat, antecedent_cat, marked)
    if metric == "engagements" and _AFTER_FALSE.match(after):  # "engaged with five people following a false alert"
        metric = "false_alert_engagements"
    if num.value == 0 and (_NONE_OF_ARRESTED.match(after) or _NO_SET_LASTED.match(after)):
        # "none of those wrongly flagged was arrested": no wrongful arrests; "no deployment lasted more than six
        # hours": a limit kept, not a count
        return
    if metric == "false_alerts" and num.value == 0 and _LED_TO_ARREST.match(after):
        return  # "No false alert led to an arrest": no wrongful arrests, not a count of false alerts
    if metric == "arrests" and num.value == 0 and any(m and m.startswith(_FALSE_METRICS)
                                                      for m in (last_metric, s.antecedent)):
        return  # "… were engaged by officers and none was arrested": no wrongful arrests, a principle
    if metric == "arrests" and num.value == 0 and (_AFTER_FALSE.match(after) or _WRONGFUL_ZERO.search(
            re.split(r"[.;:,]", before)[-1] + re.split(r"[.;:,]", after)[0])
            or _POLICY_ZERO.match(after) or _WRONGFUL_ZERO.search(re.split(r"[.]", before)[-1])):
        # "no one was arrested as a result of a false alert", "… who were falsely flagged; none was arrested":
        # no wrongful arrests, not a count; "no one is arrested on the strength of an alert alone": a rule
        return
    if cat == "alert" and (kind := _ALERT_KIND.match(after[len(" alerts"):] if after.startswith(" alerts") else "")) \
            and re.search(r"\b(?:all|both) of\b", kind.group()):  # "three alerts, all of which were correct": both figures
        s.take(Figure(num, "true_alerts" if kind["true"] else "false_alerts"), names=False)
    if cat:
        s.cats[i] = s.prev = cat
    if not metric:
        return
    # "four times in March, twice in Wood Green and once at Edmonton Green": each count after the first is
    # its place's share of the one before
    if cat == "occasion" and re.match(r"^\s+times\s{5,}[.,;]", after) and any(
            0 <= d - s.spans[i][1] - len(" times") <= 2 for d in day_starts):
        s.take(Figure(num, metric, sub_period=True))  # "twice on Friday": that day's
        return
    split = bool(s.found and s.found[-1].metric == metric and cat == "occasion"
                 and re.search(r"(?:,|\band)\s+$", before) and (
                     splits_by_place(after, s.spans[i][1], s.place_starts, own=len(" times"))
                     # "twice on the Broadway": a place this reader does not know is still a share's place
                     or re.match(r"^\s+times\s+(?:on|at|outside)\s+the\s+[a-z]", after)))
    s.take(Figure(num, metric, split_by_place=split))


def _predicate(after: str) -> tuple[str, int, bool] | None:
    m = PREDICATE.match(after)
    if not m:
        return None
    return next(c for c, _ in PREDICATES if m.group(c)), m.end(), bool(m["rel"])


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
    if marked and cat == "engage" and antecedent in ("deploy", "occasion"):
        return None  # "three occasions, one of which was stopped because of a technical fault": a deployment halted
    return METRICS[cat]
