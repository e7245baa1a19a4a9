"""Which numbers in one sentence state an LFR figure, and of which metric.

Owns the reading of a sentence's numbers as figures: number + noun ("eight
alerts"), number + verb ("six were stopped"), "of whom" / "of which"
clauses, "N of the M", fronted "Of the six people stopped, five ...",
verb before number ("scanned 4,600"), counts inside a phrase ("the 12
pilot deployments", "the number of people on that list was 610"), splits
by place ("two from the Lewisham deployment and four from the Bromley
deployment", taking the metric of the figure they split), and rates
(which rate: claim_rates.py). What is no figure at all (a plan, a rule, a
limit, a rhetorical "no") is claim_exclusions.py; the words for metrics
are claim_words.py; the scope of each figure is the passage reader's
(scrapers/claims.py). Pure: no I/O. Proof: tests/test_claims.py.
"""

from __future__ import annotations

import re
from dataclasses import replace

from scrapers.claim_exclusions import earlier_answer, not_a_count, set_aside, setting_rate
from scrapers.claim_numbers import NUMBER_WORD, QUALIFIERS, Number
from scrapers.claim_rates import DENOMINATOR, fronted_denominator, rate_metric, rate_name
from scrapers.claim_splits import bracketed_metric, splits_by_place
from scrapers.claim_words import (FALSE_WORD, METRICS, NOUNS, PARTICIPLES, PERSON, PRECEDING, PREDICATE, PREDICATES,
                                  Figure)

_RELATIVE_BEFORE = re.compile(r"of (?:whom|which|these|them|those)\s+(?:only\s+|just\s+)?$")
_FRONTED = re.compile(r"\bof (?:the|these|those|all(?: the)?)\s+(?:#(\d+)#\s+)?[^#;]*,\s*$")
# "Of the 12 false alerts, officers engaged with five people": whom the verb before the number counts among
_FRONTED_VERB = re.compile(r"\bof (?:the|these|those|all(?: the)?)\s+(?:#(\d+)#\s+)?[^#;]*,\s*(?:[a-z]+\s+){0,4}$")
_FRONTED_NOUN = re.compile(r"\bof (?:the|these|those|all(?: the)?)\s+(?P<noun>[a-z -]{3,40}),\s*$")
# "… of the total arrests were as a result of / came from …": the part of a total that a cause named after it made
_CAUSED_BY = re.compile(r"^\s+(?:were|was|came|resulted)\s+(?:made\s+)?(?:(?:as )?(?:a|the) (?:direct )?result of|from|following|"
                        r"through|thanks to|due to|because of|after)\s")
_PARENT = re.compile(r"#\d+#\s+of (?:the|these|those|all(?: the)?)\s+$")
_PARTITIVE = re.compile(r"^\s+of (?:the|these|those|all(?: the)?|its|their)\s+(?:#(\d+)#)?")
_PERSON_FIRST_ANY = re.compile(rf"^\s+(?:[a-z-]+\s+){{0,3}}{PERSON}\b")
_PERSON_FIRST = re.compile(rf"^\s+{PERSON}\s+(?!were|was|had|have|has|are|is)\w")
_PER = re.compile(r"^[^#;,.()—–]{0,40}?(?:\b(?:per|a|an|each|every)\s+(?:deployment|day|hour|week|month|operation|shift)\b"
                  r"|\bon average\b)")
_PER_EVERY = re.compile(r"^\s+(?:in|for|per|out of)\s+(?:every|each)\s+#(\d+)#")
SEGMENT = re.compile(r",?\s+(?:and|but|while|whereas|compared (?:with|to)|against|versus)\s+|,\s+(?:up|down) from\s+|[;:]\s*|"
                     rf",\s+with\s+(?=\d|(?:{NUMBER_WORD})\b)|"
                      r",\s+(?=(?:taking|bringing)\s+(?:the|its)\s+(?:overall\s+|running\s+)?total\b)")
# "taken more than 1,300 dangerous offenders off the streets": arrests.
_OFF_STREETS_BEFORE = re.compile(rf"\b(?:take|taken|took|taking|removed|removing|remove)\s+(?:(?:{QUALIFIERS})\s+)?$")
_OFF_STREETS_AFTER = re.compile(r"^(?:\s+[a-z-]+){0,3}\s+(?:off|from)\s+(?:the\s+)?(?:[a-z’']+\s+)?streets")
# "Among these arrests are 50 individuals …", "This included two people who …": part of the figure before.
_AMONG = re.compile(rf"\bamong (?:these|the|those|them|which)(?:\s+(?P<noun>[a-z ]{{0,25}}?))?,?\s+(?:are|were|is|was)\s+"
                    rf"(?:(?:{QUALIFIERS})\s+)?$")
# "Among those apprehended, 50 were registered sex offenders"
_AMONG_FRONTED = re.compile(r"\b(?:among (?:these|those|them|the)(?:\s+(?:(?P<p>arrested|detained|stopped|flagged)|[a-z]+)){0,3}|"
                            r"of (?:those|the people|the individuals|the \w+) (?P<p2>arrested|detained|stopped|apprehended)"
                            r"(?:\s+(?:in|at|on|during|across|over)\b[^,#.;]{0,50})?)\s*,\s*$")
_PARTICIPLE = re.compile(rf"^\s+(?P<p>{'|'.join(PARTICIPLES)})\b(?=\s+(?:were|was|have|has|had|are|is)\b)")
# "one alert was confirmed as a false alert", "one alert was a misidentification", "four alerts, all of which were
# correct": an alert noun whose own clause says which kind
_ALERT_KIND = re.compile(r"^,?\s+(?:(?:in|at|on|from|during|over)\s[^#,.;:]{0,40}?\s*,?\s)?(?:(?:all|both) of (?:which|them)\s+)?"
                         r"(?:was|were|ha(?:ve|s|d) been|turned out to be|proved to be|proved|(?:were|was) (?:later )?found to be)\s+"
                         r"(?:\w+\s+){0,4}?(?:(?:as|to be)\s+)?(?:an?\s+)?"
                         r"(?:(?P<false>false|incorrect|inaccurate|wrong|mis-?identification)|(?P<true>true|correct|accurate|"
                         r"genuine|confirmed (?:as )?(?:true|correct)))\b")
# "twelve accurate and one false", after a count of alerts
_KIND_WORD = re.compile(r"^\s+(?:(?:were|was)\s+)?(?:(?P<true>accurate|correct|genuine|true)|(?P<false>false|incorrect|inaccurate|"
                        r"wrong))\b(?!\s+(?:alert|match|positive))")
# "bringing the number of arrests from the deployment to four", "the total number of alerts was 52"
_TOTAL_TO = re.compile(rf"\b(?:took|takes|take|brought|brings|bring|bringing|taking)\s+the\s+(?:overall\s+|running\s+)?"
                       rf"total\b[^#;.]{{0,50}}?\bto\s+(?:(?:{QUALIFIERS})\s+)?$")
# "the total number of arrests was 44", "the highest number of arrests, 44,", "the number of arrests I gave, 19,"
_NUMBER_OF = re.compile(rf"\b(?:total|number|count|tally)\s+of\s+(?P<noun>[a-z ]{{3,30}}?)(?:\s+(?:[^#;.]{{0,40}}?\s)?"
                        rf"(?:was|were|is|are|stood at|stands at|reached|rose to|came to|to)\s+|(?:\s+[a-z ]{{1,20}})?,\s*)"
                        rf"(?:(?:{QUALIFIERS})\s+)?$")
# "and the arrests were north of 120", "arrests totalled 120"
_NOUN_WAS = re.compile(rf"(?:^|[,;:]\s+|\band\s+|\bthe\s+)(?P<noun>arrests|alerts|false alerts|deployments)\s+(?:were|are|numbered|"
                       rf"totall?ed|stood at|came to|reached)\s+(?:(?:{QUALIFIERS})\s+)?$")
# "it led to 571.", "it has led to a further 726.": a figure of what the sentence before counted
_LED_TO = re.compile(rf"\b(?:it|this|they|that|lfr|the technology)\s+(?:has\s+|have\s+|had\s+)?(?:led|resulted)\s+(?:to|in)\s+"
                     rf"(?:a further\s+|another\s+)?(?:(?:{QUALIFIERS})\s+)?$")
# "Of these, 12 were of people wanted …", "85 of which were of people wanted for sexual offences": a part of the figure before
_PART_OF_AFTER = re.compile(r"^\s+(?:of (?:which|whom|them|these|those (?P<p>arrested|stopped|flagged|detained))\s+)?(?:were|was)\s+"
                            r"(?:(?:wanted|sought|arrested)\s+)?(?:of|for|in connection with|on suspicion of|on recall)\s+"
                            # "88 people were arrested, 29 of them for offences linked to …", "three of whom had breached …"
                            r"|^\s+of (?:whom|them)\s+(?:for|in connection with|on suspicion of|(?:had|have)\s+(?:breached|"
                            r"been wanted|failed))\s")
_PART_OF_BEFORE = re.compile(r"\bof (?:these|them|those|which|whom),?\s*$")
_INCLUDED = re.compile(rf"\b(?:(?:this|these|which|they|it|that|those)\s+(?:also\s+)?(?:included|includes|include|"
                       rf"comprised|involved)|including)\s+(?:(?:{QUALIFIERS})\s+)?$")
# "No one was arrested as a result of a false alert", "none of the false alerts resulted in an arrest": no wrongful
# arrests, a principle rather than a count the records hold
_WRONGFUL_ZERO = re.compile(r"(?:false|mis-?identif|wrong|incorrect|mistaken)")
_POLICY_ZERO = re.compile(r"^\s+(?:\w+\s+)?(?:is|are)\s+(?:ever\s+)?(?:arrested|stopped|detained)\b")
# "officers engaged with two of the people concerned" (after false alerts): engagements after a false alert
_ENGAGED_BEFORE = re.compile(r"\b(?:stopped|engaged(?: with)?|spoke to|approached)\s+(?:only\s+|just\s+)?$")
_PEOPLE_CONCERNED = re.compile(r"^\s+of\s+(?:the|those|these)\s+(?:#\d+#\s+)?(?:people|persons|individuals)\b"
                               r"(?P<rest>[^#.;]{0,40})")
_PEOPLE_FLAGGED = re.compile(rf"^\s+(?:of\s+(?:the|those|these)\s+(?:#\d+#\s+)?)?(?:{PERSON})\s+(?:who\s+(?:were|had\s+been)\s+)?"
                             r"(?:flagged|alerted|matched)\b[^#.;]{0,40}")
# "Deployments: 187", "Arrests following an alert: 604": a report's label and its figure
_LABEL = re.compile(rf"(?:^|[-•*]\s*)(?P<label>[a-z][a-z ()'-]{{2,40}}):\s*(?:(?:{QUALIFIERS})\s+)?$")
_AFTER_FALSE = re.compile(r"^[^#;.]{0,40}?\b(?:following|after|as a result of|because of)\s+(?:an?\s+|their\s+|the\s+)?"
                          r"(?:false|incorrect|mistaken|wrong)\s+(?:alerts?|matches?|identifications?)")
_RESTATED = re.compile(rf"(?:[—–(-]|,|\bor|\bi\.e\.|\bwhich is|\bthat is|\bequivalent to)\s*(?:(?:{QUALIFIERS})\s+)?$")
# what happened to people after they were arrested: not a metric
_AFTERMATH = re.compile(r"^[^#;.]{0,40}?\b(?:charged|cautioned|convicted|released|remanded|bailed|sentenced|"
                        r"given words of advice|dealt with by)\b")
_REACH = 400
# "Of those arrests, 12 were made in Croydon": the fronted noun says what the number counts
_MADE_AFTER = re.compile(r"^\s+(?:were|was)\s+(?:made|carried out|recorded|generated|raised)\b")
_FALSE_METRICS = ("false_alerts", "false_alert_engagements")
_WHOLE_BEFORE = re.compile(r"#(\d+)#[^.;]{0,100}?,\s*$")
_LFR_PART = re.compile(r"^\s+of\s+(?:them|whom|these|those)\b[^#.;]{0,80}?\b(?:lfr|live facial recognition|facial "
                       r"recognition|flagged|the cameras|the technology|an? alert)")
_SHARE_VERB = re.compile(rf"\b(?:made|accounted for|carried out|contributed|recorded|conducted|undertook|was "
                         rf"responsible for|generated|saw|had)\s+(?:(?:{QUALIFIERS})\s+)?$")
# "198 of them in the first quarter", "321 of them in the final quarter (January to March 2025)": the period phrase
# after "of them" is masked out (blanks), perhaps after a part of the year the reader does not date by itself
_OF_THEM_IN = re.compile(r"^\s+of\s+(?:them|those|these)(?:\s+(?:in|during|over|across)\s+the\s+(?:final|last|first|second|third|"
                         r"fourth)\s+(?:quarter|half|month|week)\s*\(?)?\s{6,}")
# "accounted for 180 of those deployments and 610 of the arrests": a second share after the first
_SHARE_AND = re.compile(rf"{_SHARE_VERB.pattern[:-1]}#\d+#\s+of\s+(?:the|those|these)\s+[a-z ]{{3,30}}?,?\s+and\s+$")
# "In the Met, the figure was 510": the figure named before, for another scope
_THE_FIGURE = re.compile(rf"\bthe (?:equivalent |corresponding |comparable |correct |corrected |right |actual |revised |"
                         rf"accurate )?(?:figure|number|total)\s+(?:was|is|stood at|should have been|should be|"
                         rf"came to|were)\s+(?:(?:{QUALIFIERS})\s+)?$")
# "30, 22 and 14 deployments": numbers listed before the one noun they share
_SHARED_NOUN = re.compile(r"^(?:\s*,\s*#\d+#)*(?:\s*,)?\s+and\s+(?:#\d+#|\d[\d,]*(?=\s))")
_OF_THE = re.compile(r"(?:^|[^#\w])of (?:the|these|those)\s+$")
_WHOLE = {"true_alerts": "alerts_total", "false_alerts": "alerts_total"}  # what a kind of alert is part of
def find_figures(ptext: str, spans: list[tuple[int, int]], numbers: list[Number], *,
                 place_starts: set[int] = frozenset(), antecedent: str | None = None,
                 counted_at: dict[int, str] | None = None, split_place_ends: set[int] = frozenset(),
                 day_starts: set[int] = frozenset()) -> list[Figure]:
    """Each number that states an LFR figure, with its metric; `ptext` is the lower-cased sentence with `#i#`
    for numbers[i]; `place_starts` are where place phrases begin in `ptext`; `antecedent` is the metric of the
    last figure before this sentence (for splits by place that name no metric of their own); `counted_at` the
    ptext offsets of counts read inside a phrase, with their metric; `split_place_ends` where places that each
    take a count end ("Croydon 12 and Southwark nine")."""
    found: list[Figure] = []
    cats: dict[int, str] = {}
    prev, skip = None, set()
    last_metric = antecedent
    counted_at = counted_at or {}  # where counts inside a phrase ("20 deployments in Hackney") stand, and their metric
    for i, num in enumerate(numbers):
        passed = [counted_at[c] for c in sorted(counted_at) if (spans[i - 1][1] if i else 0) <= c < spans[i][0]]
        last_metric = passed[-1] if passed else last_metric  # "… 20 deployments in Hackney and seven in Islington"
        # What a number's words can reach: a window either side, so a sentence with thousands of numbers (a
        # table pasted as prose) costs linear time, not quadratic.
        before, after = ptext[max(0, spans[i][0] - _REACH):spans[i][0]], ptext[spans[i][1]:spans[i][1] + _REACH]
        if i in skip:
            continue
        if (whole := _WHOLE_BEFORE.search(before)) and _LFR_PART.match(after) and (
                total := next((f for f in found if f.number is numbers[int(whole[1])]
                               and f.metric in ("arrests", "engagements")), None)):
            # "Officers arrested 211 people, 28 of them after being flagged by LFR cameras": the 211 are every
            # tactic's arrests, the 28 are LFR's
            found = [f for f in found if f is not total]
            found.append(Figure(num, total.metric))
            last_metric = total.metric
            continue
        if num.kind in ("percent", "ratio") or (num.decimals and num.value < 1):
            if setting_rate(before):
                continue
            metric = rate_metric(before, after, last_metric)
            restating = bool(found and found[-1].metric.startswith("false_alert_rate") and _RESTATED.search(before))
            if restating and metric in (None, "false_alert_rate"):
                # "0.0003% — roughly 1 in 310,000": the same rate again; "0.0006% of faces, or around 1% of all
                # alerts": the same false alerts over another denominator
                den = DENOMINATOR.match(after)
                metric = rate_name(den) if den else fronted_denominator(before) or found[-1].metric
            if restating and found[-1].metric == "false_alert_rate" and metric not in (None, "false_alert_rate") \
                    and re.search(r"[—–(-]\s*(?:(?:roughly|about|around|approximately|some)\s+)?$", before):
                found[-1] = replace(found[-1], metric=metric)  # "0.0003% — roughly 1 in 330,000 faces"
            if metric:
                found.append(Figure(num, metric))
            continue
        if not_a_count(num, before, after):
            continue
        if (m := _AMONG.search(before) or _INCLUDED.search(before) or _AMONG_FRONTED.search(before)) \
                and (last_metric or m.groupdict().get("p") or m.groupdict().get("p2")):
            noun = m.groupdict().get("noun") or ""
            participle = m.groupdict().get("p") or m.groupdict().get("p2")
            whom = METRICS[PARTICIPLES[participle]] if participle else None
            last_metric = whom or last_metric  # "Of those arrested, …, and more than 200 were wanted for …": arrests
            if _AFTERMATH.match(after):
                continue  # "Of those arrested, 773 have been charged": what became of them, not a figure of ours
            metric = next((METRICS[c] for c, p in NOUNS if p.match(" " + noun)), None) if noun else None
            if not whom and noun.strip() in PARTICIPLES:  # "Among those arrested were 44 people wanted for …"
                whom = last_metric = METRICS[PARTICIPLES[noun.strip()]]
            metric = metric or whom
            # "1,018 alerts, including 2 false alerts": the part's own noun says what it counts
            metric = metric or next((METRICS[c] for c, p in NOUNS if p.match(after) and c in ("false", "true")), None)
            found.append(Figure(num, metric or last_metric, part_of=True))
            continue
        if set_aside(before):
            if earlier_answer(before) and (noun := next((c for c, p in NOUNS if p.match(after)), None)) in METRICS:
                found.append(Figure(num, METRICS[noun], superseded=True))  # "… the correct figure is 14" reads it
                last_metric = METRICS[noun]
            continue
        if _OFF_STREETS_BEFORE.search(before) and _OFF_STREETS_AFTER.match(after):
            found.append(Figure(num, "arrests"))
            last_metric = "arrests"
            continue
        if _ENGAGED_BEFORE.search(before) and (flagged := _PEOPLE_FLAGGED.match(after)) \
                and not FALSE_WORD.search(flagged[0]):
            # "engaged with 22 of the people flagged at Stratford", "engaged with nine people flagged on 10 January":
            # engagements after any alert, not alerts
            found.append(Figure(num, "engagements"))
            cats[i], prev, last_metric = "engage", "engage", "engagements"
            continue
        if (concerned := _PEOPLE_CONCERNED.match(after)) and _ENGAGED_BEFORE.search(before) and (
                prev == "false" or last_metric == "false_alerts" or FALSE_WORD.search(concerned["rest"])):
            found.append(Figure(num, "false_alert_engagements"))  # "engaged with two of the people concerned"
            cats[i], prev, last_metric = "false_engage", "false_engage", "false_alert_engagements"
            continue
        if last_metric and (_OF_THEM_IN.match(after) or (
                re.search(r"\bof\s+(?:which|whom)\s+$", before)
                and re.match(r"^\s+(?:were|was)\s+(?:made|carried out|recorded|generated)?\s{6,}[.;,]", after))):
            # "572 arrests in 2024, of which 182 were made between January and June 2024"
            # "461 arrests, 198 of them in the first quarter": the period phrase after "of them" is masked out
            found.append(Figure(num, last_metric, sub_period=True))
            continue
        if last_metric and re.match(r"^\s+of\s+(?:them|those|these)\b", after) and (
                re.search(r",\s+with\s+$", before) or re.match(r"^\s+of\s+\w+\s+(?:(?:were|was)\s+)?(?:made\s+)?(?:in|at|on|from)\s",
                                                               after)):
            # "26 arrests, with 15 of them in Croydon", "Sixteen people were arrested, ten of them in Barking"
            found.append(Figure(num, last_metric, split_by_place=True))
            continue
        if last_metric and _SHARE_VERB.search(before) and re.match(r"^\s+of\s+(?:them|those|these)\b(?!\s+[a-z])", after):
            found.append(Figure(num, last_metric))  # "The Metropolitan Police alone made 587 of them": its share
            continue
        if last_metric and any(re.fullmatch(r"\s+(?:on\s+)?", ptext[e:spans[i][0]]) for e in split_place_ends) and not any(
                p.match(after) for _, p in NOUNS):
            found.append(Figure(num, last_metric, split_by_place=True, bracketed=True))  # the 12 of "Croydon 12"
            continue
        cat, marked, antecedent_cat, partitive_rest = None, False, prev, None
        if (_CAUSED_BY.match(after) or _MADE_AFTER.match(after)) and (fronted := _FRONTED_NOUN.search(before)) and (
                noun := next((c for c, p in NOUNS if p.match(" " + fronted["noun"])), None)) in METRICS:
            found.append(Figure(num, METRICS[noun]))  # "Of the total arrests, 41 were as a result of LFR alerts"
            last_metric = METRICS[noun]
            continue
        if _PARENT.search(before):  # the eight in "seven of the eight": its own noun phrase, or nothing
            cat = next((c for c, p in NOUNS if p.match(after)), None)
            if cat is None and _PERSON_FIRST.match(after):  # "five of the six people stopped"
                cat = (_predicate(after) or (None,))[0]
        elif part := _PARTITIVE.match(after):
            rest = partitive_rest = " " + after[part.end():].lstrip()
            if participle := _PARTICIPLE.match(rest):  # "of those flagged were stopped": whom, then what
                prev = PARTICIPLES[participle["p"]]
                rest = rest[participle.end():]
            np = next(((c, m.end()) for c, p in NOUNS if (m := p.match(rest))), None)
            if np is None and _PERSON_FIRST.match(rest):
                np = _predicate(rest)
            antecedent_cat = np[0] if np else prev
            pred = _predicate(rest[np[1]:] if np else rest)
            cat, marked = (pred[0] if pred else None), True
            if pred is None and np and np[0] in METRICS and _CAUSED_BY.match(rest[np[1]:]):
                found.append(Figure(num, METRICS[np[0]]))  # "52 of the total arrests were as a result of LFR"
                last_metric = METRICS[np[0]]
                continue
            if pred is None and np and np[0] in METRICS and splits_by_place(
                    after, spans[i][1], place_starts, own=len(" " + after[part.end():].lstrip()) - len(rest) + np[1]
                    + part.end() - 1):  # "Seven of the arrests were in Islington"
                found.append(Figure(num, METRICS[np[0]], split_by_place=True))
                last_metric = METRICS[np[0]]
                continue
            share = METRICS.get(np[0]) if np else last_metric if re.match(r"^\s+of\s+(?:them|those|these)\b", after) \
                else None
            if pred is None and share and (_SHARE_VERB.search(before) or _SHARE_AND.search(before)):
                # "The Metropolitan Police made 940 of those arrests", "accounted for 170 of those deployments",
                # "alone made 587 of them": the Met's share of a figure named before
                found.append(Figure(num, share))
                last_metric = share
                continue
        elif _OF_THE.search(before) and after.startswith(",") and last_metric:
            # the 34 in "Of the 34, 31 were confirmed as true alerts": the whole named before, again
            found.append(Figure(num, _WHOLE.get(last_metric, last_metric), restated=True))
            continue
        elif (as_noun := re.match(r"^\s+as(?=\s)", after)) and (kind := next(
                (c for c, p in NOUNS if p.match(after[as_noun.end():]) and c in ("true", "false")), None)):
            cat = kind  # "… and three as false alerts"
        elif (shared := _SHARED_NOUN.match(after)) and (noun := next(
                ((c, m.end()) for c, p in NOUNS if (m := p.match(after[shared.end():]))), None)) \
                and noun[0] in ("deploy", "arrest", "alert", "false", "true", "engage", "faces"):
            cat = noun[0]  # the 30 and 22 of "30, 22 and 14 deployments respectively": the noun the list ends with
            if _PER.match(after[shared.end() + noun[1]:]):
                continue
        elif noun := next(((c, m.end()) for c, p in NOUNS if (m := p.match(after))), None):
            cat = noun[0]
            if _PER.match(after[noun[1]:]):
                continue
            if cat == "alert" and (kind := _ALERT_KIND.match(after[noun[1]:])) and not re.search(r"\b(?:all|both) of\b",
                                                                                                 kind.group()):
                cat = "true" if kind["true"] else "false"
            per = _PER_EVERY.match(after[noun[1]:])
            if per and cat == "false":  # "one false alert for every 6,000 faces" is a rate, not two counts
                d = numbers[int(per[1])]
                skip.add(int(per[1]))
                rate = Number(num.start, num.end, num.value / d.value, "ratio", per=d.value / num.value)
                found.append(Figure(rate, rate_name(DENOMINATOR.match(ptext[spans[int(per[1])][1]:]))))
                continue
        elif pred := _predicate(after):
            cat, marked = pred[0], pred[2] or bool(_RELATIVE_BEFORE.search(before))
            if cat == "watchlist" and (said := next((c for c, p in PRECEDING if p.search(before)), None)) in (
                    "alert", "engage", "arrest"):
                cat = said  # "alerted officers to four people on the watchlist": alerts, about people on it
            if fronted := _FRONTED.search(before):
                marked, antecedent_cat = True, cats.get(int(fronted[1])) if fronted[1] else prev
        else:
            cat = next((c for c, p in PRECEDING if p.search(before)), None)
            if cat is None and (label := _LABEL.search(before)):  # "Deployments: 187"
                cat = next((c for c, p in NOUNS if p.match(" " + label["label"].strip())), None)
            if cat and (fronted := _FRONTED_VERB.search(before)):  # "Of the 12 false alerts, officers engaged with five"
                marked, antecedent_cat = True, cats.get(int(fronted[1])) if fronted[1] else prev
            if cat is None and (m := _NUMBER_OF.search(before) or _NOUN_WAS.search(before)):
                cat = next((c for c, p in NOUNS if p.match(" " + m["noun"])), None)
            if cat is None and last_metric and (_TOTAL_TO.search(before) or _THE_FIGURE.search(before)
                                                or _LED_TO.search(before) and re.match(r"^\s*(?:[.;]|$)", after)):
                # "took the total since January to 1,148", "In the Met, the figure was 510", "… and in the whole of
                # 2024 it led to 571."
                found.append(Figure(num, last_metric))
                continue
        if cat is None and (prev in ("alert", "true", "false") or last_metric == "alerts_total") \
                and not _PARENT.search(before) and (kind := _KIND_WORD.match(after)):  # "13 alerts — twelve accurate and one false"
            cat, marked = ("true" if kind["true"] else "false"), False
        if cat is None and (per := _PER_EVERY.match(after)) and "false_alerts" in (last_metric, METRICS.get(prev)):
            d = numbers[int(per[1])]  # "ten false alerts — one for every 250,000 faces"
            skip.add(int(per[1]))
            rate = Number(num.start, num.end, num.value / d.value, "ratio", per=d.value / num.value)
            found.append(Figure(rate, rate_name(DENOMINATOR.match(ptext[spans[int(per[1])][1]:]))))
            continue
        if cat is None and last_metric and _PARENT.search(before) and _PART_OF_AFTER.match(after):
            found.append(Figure(num, last_metric, restated=True))  # the 31 in "Eleven of the 31 were wanted for …"
            continue
        if cat is None and last_metric and partitive_rest and _PART_OF_AFTER.match(partitive_rest):
            found.append(Figure(num, last_metric, part_of=True))  # the eleven: a part, wanted for something
            continue
        if cat is None and last_metric and ((pa := _PART_OF_AFTER.match(after)) or _PART_OF_BEFORE.search(before) and
                                            re.match(r"^\s+(?:were|was)\s+(?:of|for)\s", after)
                                            or found and found[-1].part_of and _PERSON_FIRST_ANY.match(after)):
            participle = pa["p"] if pa else None  # "100 of those arrested were wanted for …": arrests, whatever came before
            fronted = _FRONTED_NOUN.search(before)  # "Of those arrests, 11 were for theft from shops": arrests
            noun = next((c for c, p in NOUNS if p.match(" " + fronted["noun"])), None) if fronted else None
            # "…, and a further 86 were registered sex offenders": a part of the same whole as the part before it
            whole = found[-1].metric if found and found[-1].part_of else last_metric
            metric = METRICS[PARTICIPLES[participle]] if participle else METRICS.get(noun, whole)
            found.append(Figure(num, metric, part_of=True))
            continue
        if cat == "occasion" and (not re.search(r"\b(?:deploy\w*|used?|using|visit\w*|went|been out|(?:were|was) out|"
                                                r"switched on|turned on)\b",
                                                re.split(r"[.;]", before)[-1])
                                   or re.search(r"\bretrospective\b|\boperator[- ]initiated\b", ptext)):
            cat = None  # "the Panel met on five occasions" counts no deployments
        if cat == "trial" and not re.search(r"\b(?:lfr|facial recognition|the technology)\b", ptext):
            cat = None
        if cat is None and last_metric and splits_by_place(after, spans[i][1], place_starts):
            found.append(Figure(num, last_metric, split_by_place=True))
            continue
        if cat is None and after.startswith(")") and not (num.decimals == 0 and 1990 <= num.value <= 2040) \
                and (bracket := bracketed_metric(before, spans[i][0], place_starts, last_metric)):
            found.append(Figure(num, bracket, split_by_place=True, bracketed=True))  # "Croydon (12), Lewisham (7)", "deployments (28)"
            last_metric = bracket
            continue
        metric = _metric(cat, antecedent_cat, marked)
        if metric == "engagements" and _AFTER_FALSE.match(after):  # "engaged with five people following a false alert"
            metric = "false_alert_engagements"
        if metric == "arrests" and num.value == 0 and (last_metric in _FALSE_METRICS or antecedent in _FALSE_METRICS):
            continue  # "… were engaged by officers and none was arrested": no wrongful arrests, a principle
        if metric == "arrests" and num.value == 0 and (_AFTER_FALSE.match(after) or _WRONGFUL_ZERO.search(
                re.split(r"[.;:,]", before)[-1] + re.split(r"[.;:,]", after)[0])
                or _POLICY_ZERO.match(after) or _WRONGFUL_ZERO.search(re.split(r"[.]", before)[-1])):
            # "no one was arrested as a result of a false alert", "… who were falsely flagged; none was arrested":
            # no wrongful arrests, not a count; "no one is arrested on the strength of an alert alone": a rule
            continue
        if cat == "alert" and (kind := _ALERT_KIND.match(after[len(" alerts"):] if after.startswith(" alerts") else "")) \
                and re.search(r"\b(?:all|both) of\b", kind.group()):  # "three alerts, all of which were correct": both figures
            found.append(Figure(num, "true_alerts" if kind["true"] else "false_alerts"))
        if cat:
            cats[i], prev = cat, cat
        if metric:
            # "four times in March, twice in Wood Green and once at Edmonton Green": each count after the first is
            # its place's share of the one before
            if cat == "occasion" and re.match(r"^\s+times\s{5,}[.,;]", after) and any(0 <= d - spans[i][1] - len(" times") <= 2 for d in day_starts):
                found.append(Figure(num, metric, sub_period=True))  # "twice on Friday": that day's
                last_metric = metric
                continue
            split = bool(found and found[-1].metric == metric and cat == "occasion"
                         and re.search(r"(?:,|\band)\s+$", before) and (
                             splits_by_place(after, spans[i][1], place_starts, own=len(" times"))
                             # "twice on the Broadway": a place this reader does not know is still a share's place
                             or re.match(r"^\s+times\s+(?:on|at|outside)\s+the\s+[a-z]", after)))
            found.append(Figure(num, metric, split_by_place=split))
            last_metric = metric
    return found


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
    return METRICS[cat]
