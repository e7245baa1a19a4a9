"""Figures that are a part, a share or a split of a figure named before them in the sentence.

Owns the rules that read a number against the whole it belongs to: "Among
these arrests are 50 individuals …", "Of those arrested, 11 were for
theft" (a part, `part_of`); "Officers arrested 211 people, 28 of them after
being flagged by LFR" (LFR's share of every tactic's arrests); "engaged with
22 of the people flagged" (engagements); "461 arrests, 198 of them in the
first quarter" (a part in a later period, `sub_period`); "26 arrests, with 15
of them in Croydon" (a split by place); "The Met alone made 587 of them" (a
share); "Of the total arrests, 41 were as a result of LFR alerts" (a part
its cause names); "Eleven of the 31 were wanted for …" (the whole again,
`restated`). Each rule takes the sentence's `Scan` and one number, and
returns True when it has read that number. Pure. Proof:
tests/test_claims.py, tests/test_passages.py.
"""

from __future__ import annotations

import re

from scrapers.claim_numbers import NUMBER_WORD, QUALIFIERS, Number
from scrapers.claim_scan import Scan
from scrapers.claim_words import FALSE_WORD, METRICS, NOUNS, PARTICIPLES, PERSON, Figure, last_metric_named, noun_at

FRONTED_NOUN = re.compile(rf"\bof (?:the|these|those|all(?: the)?|(?:this|last|that) (?:week|month|year)['’]s|today['’]s|"
                          rf"yesterday['’]s)\s+(?P<noun>[^,#.;]{{3,40}}),\s*(?:(?:{QUALIFIERS})\s+)?$")
# "… of the total arrests were as a result of / came from …": the part of a total that a cause named after it made
CAUSED_BY = re.compile(r"^\s+(?:(?:were|was|came|resulted)\s+(?:made\s+)?(?:(?:as )?(?:a|the) (?:direct )?result of|from|following|"
                       r"through|thanks to|due to|because of|after)|followed|came\s+after|stemmed\s+from)\s")
# (the whole may be a day's: "None of yesterday's 21 alerts was false", the day blanked)
PARENT = re.compile(r"#\d+#\s+of (?:the|these|those|all(?: the)?|\s*['’]s|yesterday['’]s|today['’]s|the (?:day|week|month|"
                    r"year)['’]s)\s+$")
_PERSON_FIRST_ANY = re.compile(rf"^\s+(?:[a-z-]+\s+){{0,3}}{PERSON}\b")
# "Among these arrests are 50 individuals …", "This included two people who …": part of the figure before.
_AMONG = re.compile(rf"\bamong (?:these|the|those|them|which)(?:\s+(?P<noun>[a-z ]{{0,25}}?))?,?\s+(?:are|were|is|was)\s+"
                    rf"(?:(?:{QUALIFIERS})\s+)?$")
# "Among those apprehended, 50 were registered sex offenders"
_AMONG_FRONTED = re.compile(r"\b(?:among (?:these|those|them|the)(?:\s+(?:(?P<p>arrested|detained|stopped|flagged)|[a-z]+)){0,3}|"
                            r"of (?:those|the people|the individuals|the \w+) (?P<p2>arrested|detained|stopped|apprehended)"
                            r"(?:\s+(?:in|at|on|during|across|over)\b[^,#.;]{0,50})?)\s*,\s*"
                            rf"(?:(?:{QUALIFIERS})\s+)?$")  # "Of those arrested, around 90 were …"
_INCLUDED = re.compile(rf"\b(?:(?:this|these|which|they|it|that|those)(?:\s+(?P<p>arrested|detained|stopped|apprehended))?"
                       rf"\s+(?:also\s+)?(?:included|includes|include|comprised|involved)|including)\s+(?:(?:{QUALIFIERS})\s+)?$")
# what happened to people after they were arrested: not a metric
_AFTERMATH = re.compile(r"^[^#;.]{0,40}?\b(?:charged|cautioned|convicted|released|remanded|bailed|sentenced|"
                        r"given words of advice|dealt with by)\b")
# "Of these, 12 were of people wanted …", "85 of which were of people wanted for sexual offences": a part of the figure before
PART_OF_AFTER = re.compile(r"^\s+(?:of (?:which|whom|them|these|those (?P<p>arrested|stopped|flagged|detained))\s+)?(?:were|was)\s+"
                            r"(?:(?:wanted|sought|arrested|held)\s+)?(?:of|for|in connection with|on suspicion of|on recall|"
                            r"on (?:a\s+)?warrant)\s+"
                            # "Three of the people arrested were registered sex offenders", "One of yesterday's arrests was a
                            # man wanted on recall", "Two of the Peckham arrests were for shoplifting", "One of those
                            # arrested on 10 May was …" (the day blanked): a part of the arrests, narrowed by what follows
                            rf"|^\s+of\s+(?:the|these|those|yesterday['’]s|today['’]s|the\s+day['’]s|\s{{3,}}['’]s)(?:\s+(?!were\b|was\b)[a-z'’-]+)"
                            r"{0,2}?\s+(?:(?:people|individuals|persons)\s+)?(?P<w>arrested|arrests|detained|held)\b[^#.;]{0,40}?\s+"
                            r"(?:were|was)\s+(?:(?:(?:wanted|sought|held|detained)\s+)?(?:for|in connection with|on suspicion of|"
                            r"on recall|on (?:a\s+)?warrant)\s|(?:an?\s+)?(?:registered sex offenders?|(?:already\s+)?(?:on|in) (?:breach|bail|"
                            r"licence|recall))\b|an?\s+(?:[\w-]+-year-old\s+)?(?:man|woman|person|teenager|boy|girl|individual)\b"
                            r"[^#.;]{0,30}?\b(?:wanted|sought|who|found|in breach|on recall)\b)"
                            # "Twenty-one of those arrested were registered sex offenders"
                            r"|^\s+of (?:them|these|those (?:arrested|stopped|detained))\s+(?:were|was)\s+(?:registered sex "
                            r"offenders?|(?:already\s+)?(?:on|in) (?:breach|bail|licence|recall))\b"
                            # "88 people were arrested, 29 of them for offences linked to …", "three of whom had breached …"
                            r"|^\s+of (?:whom|them)\s+(?:for|in connection with|on suspicion of|(?:had|have)\s+(?:breached|"
                            r"been wanted|failed)|of\s+(?:people|persons|individuals|men|women)\s+(?:wanted|sought|who))\s"
                            # "…, 22 were wanted on recall to prison and nine had breached their orders"
                            r"|^\s+(?:had|have)\s+(?:breached|been\s+wanted|failed\s+to)\s")
_PART_OF_BEFORE = re.compile(r"\bof (?:these|them|those|which|whom),?\s*$")
# "officers engaged with two of the people concerned" (after false alerts): engagements after a false alert
_ENGAGED_BEFORE = re.compile(rf"\b(?:stopped|engaged(?: with)?|spoke to|approached)\s+(?:only\s+|just\s+|(?:{QUALIFIERS})\s+)?$")
_PEOPLE_CONCERNED = re.compile(r"^\s+of\s+(?:the|those|these)\s+(?:#\d+#\s+)?(?:people|persons|individuals)\b"
                               r"(?P<rest>[^#.;]{0,40})")
_PEOPLE_FLAGGED = re.compile(rf"^\s+(?:of\s+(?:the|those|these)\s+(?:#\d+#\s+)?)?(?:{PERSON})\s+(?:who\s+(?:were|had\s+been)\s+)?"
                             r"(?:flagged|alerted|matched)\b[^#.;]{0,40}")
# "Of those arrests, 12 were made in Croydon": the fronted noun says what the number counts
_MADE_AFTER = re.compile(r"^\s+(?:were|was)\s+(?:made|carried out|recorded|generated|raised)\b")
_WHOLE_BEFORE = re.compile(r"#(\d+)#[^.;]{0,100}?,\s*$")
_LFR_PART = re.compile(r"^\s+of\s+(?:them|whom|these|those)\b[^#.;]{0,80}?\b(?:lfr|live facial recognition|facial "
                       r"recognition|flagged|the cameras|the technology|an? alert)")
_NOT_COUNTED = re.compile(r"^\s+(?:[a-z-]+\s+){0,2}?(?:officers?|staff|vehicles|vans?|cameras?|images|volunteers)\b")
SHARE_VERB = re.compile(rf"\b(?:made|accounted for|carried out|contributed|recorded|conducted|undertook|was "
                        rf"responsible for|generated|saw|had|led to|resulted in)\s+(?:(?:{QUALIFIERS})\s+)?$")
# "accounted for 180 of those deployments and 610 of the arrests": a second share after the first
# ("accounted for 180 of those deployments and for 572 of the 790 arrests": a count read inside its phrase stays digits)
SHARE_AND = re.compile(rf"{SHARE_VERB.pattern[:-1]}(?:#\d+#|\d[\d,]*)\s+of\s+(?:the|those|these)\s+[a-z ]{{3,30}}?,?\s+"
                       rf"and\s+(?:for\s+)?$")
# "198 of them in the first quarter", "321 of them in the final quarter (January to March 2025)": the period phrase
# after "of them" is masked out (blanks), perhaps after a part of the year the reader does not date by itself
_OF_THEM_IN = re.compile(r"^\s+of\s+(?:them|those|these)(?:\s+(?:in|during|over|across)\s+the\s+(?:final|last|first|second|third|"
                         r"fourth)\s+(?:quarter|half|month|week)\s*\(?)?\s{6,}")
_OF_WHICH_MADE = re.compile(r"^\s+(?:were|was)\s+(?:made|carried out|recorded|generated)?(?:\s+(?:in|during|over)\s+the\s+"
                            r"(?:final|last|first|second|third|fourth)\s+(?:quarter|half|month|week)\s*\(?)?\s{6,}\)?\s*[.;,]")
_OF_THEM = re.compile(r"^\s+of\s+(?:them|those|these)\b")
_OF_THEM_PLACE = re.compile(r"^\s+of\s+\w+\s+(?:(?:were|was)\s+)?(?:made\s+)?(?:in|at|on|from)\s")


def lfr_share_of_whole(s: Scan, num: Number, before: str, after: str) -> bool:
    """ "Officers arrested 211 people, 28 of them after being flagged by LFR cameras": the 211 are every tactic's
    arrests, the 28 are LFR's, so the 28 replaces the 211."""
    if not ((whole := _WHOLE_BEFORE.search(before)) and _LFR_PART.match(after)):
        return False
    if num.value == 0:  # "36 arrests …, none of them linked to facial recognition": not LFR's, and says so
        s.found = [f for f in s.found if f.number is not s.numbers[int(whole[1])]]
        return True
    total = next((f for f in s.found if f.number is s.numbers[int(whole[1])] and f.metric in ("arrests", "engagements")),
                 None)
    if total is None:
        return False
    s.found = [f for f in s.found if f is not total]
    return s.take(Figure(num, total.metric))


def part_among(s: Scan, num: Number, before: str, after: str) -> bool:
    """ "Among these arrests are 50 individuals …", "Of those arrested, …, and more than 200 were wanted for …",
    "1,018 alerts, including 2 false alerts": a part of the figure before, or of whom the words name."""
    m = _AMONG.search(before) or _INCLUDED.search(before) or _AMONG_FRONTED.search(before)
    participle = (m.groupdict().get("p") or m.groupdict().get("p2")) if m else None
    if not m or not (s.last_metric or participle):
        return False
    noun = m.groupdict().get("noun") or ""
    whom = METRICS[PARTICIPLES[participle]] if participle else None
    s.last_metric = whom or s.last_metric
    if _AFTERMATH.match(after) or _NOT_COUNTED.match(after):
        # "Of those arrested, 773 have been charged": what became of them; "… 400 officers and staff, including 32
        # officers from the Met": people who are not what we count
        return True
    metric = METRICS.get(noun_at(" " + noun)) if noun else None
    if not whom and (noun.split() or [""])[0] in PARTICIPLES:  # "Among those arrested (in Stratford) were 44 people …"
        whom = s.last_metric = METRICS[PARTICIPLES[noun.split()[0]]]
    metric = metric or whom
    # "1,018 alerts, including 2 false alerts": the part's own noun says what it counts
    metric = metric or next((METRICS[c] for c, p in NOUNS if p.match(after) and c in ("false", "true")), None)
    return s.take(Figure(num, metric or s.last_metric, part_of=True), names=False)


def engagement_of_flagged(s: Scan, i: int, num: Number, before: str, after: str) -> bool:
    """ "engaged with 22 of the people flagged at Stratford", "engaged with nine people flagged on 10 January":
    engagements after any alert, not alerts; "engaged with two of the people concerned" after false alerts:
    engagements after a false alert."""
    if not _ENGAGED_BEFORE.search(before):
        return False
    if (flagged := _PEOPLE_FLAGGED.match(after)) and not FALSE_WORD.search(flagged[0]):
        s.cats[i] = s.prev = "engage"
        return s.take(Figure(num, "engagements"))
    if (concerned := _PEOPLE_CONCERNED.match(after)) and (
            s.prev == "false" or s.last_metric == "false_alerts" or FALSE_WORD.search(concerned["rest"])):
        s.cats[i] = s.prev = "false_engage"
        return s.take(Figure(num, "false_alert_engagements"))
    return False


_BLANKED_FRONT = re.compile(rf"(?:^\s{{4,}}|^\W*of\s{{4,}}['’]s\s+)(?P<noun>[a-z' -]{{3,30}}),\s*(?:(?:{QUALIFIERS})\s+)?$")
_OF_THE_SET = re.compile(r"\bof\s+(?:the|these|those)\s+(?:#\d+#\s+)?(?:\w+\s+)?deployments,\s*$")
_DASH_SPLIT = re.compile(r"(?:[–—(]|\s-)\s*(?:#\d+#\s{4,}(?:,\s*|\s+and\s+))*$")
_COLON_SPLIT = re.compile(r"#\d+#[^#.;:]{0,60}:\s*(?:[^.;:]*?(?:,|\band)\s+)?$")
_TIMES_PERIOD_NEXT = re.compile(r"^\s+times\s{4,}(?:,|\s*and\b|[.;]|$)")
_OCCURRED_IN = re.compile(r"^\s+of\s+(?:these|those|them)\s+(?:occurred|happened|came|took\s+place)\s{4,}")
_NOUN_PART_IN = re.compile(r"^\s+of\s+(?:the|these|those)\s+(?P<noun>arrests|alerts|false alerts|deployments)\s+(?:were|was)\s+"
                           r"(?:made|recorded|generated|raised|carried out|held)\s{4,}(?:[.;,]|\s*and\b|$)")
# ("two false alerts in 2022-23, nine in 2023-24 and 24 in 2024-25": a list of them, each after a comma)
_AND_IN_ANOTHER = re.compile(rf"(?:#\d+#|\b\d[\d,]*|\b(?:{NUMBER_WORD}))\s+(?P<noun>arrests|alerts|false alerts|deployments|times)\b"
                             r"[^#.;:]{0,60}?\s{4,}"
                             r"(?:\s*\([^()#]{0,80}\))?(?:\s*,\s*(?:#\d+#|none)\s{4,})*\s*(?:,\s*(?:and\s+)?|and\s+)$")
_PART_NOUNS = {"arrests": "arrests", "alerts": "alerts_total", "false alerts": "false_alerts", "deployments": "deployments"}
_MADE_AND = re.compile(r"#\d+#\s+(?:were|was)\s+(?:made|recorded|carried out|generated|raised)\s{4,}(?:,\s*|\s+and\s+)$")
# ("Two of the alerts in that period were false alerts, one in January and one in February")
_COMMA_SPLIT = re.compile(r"#\d+#(?:\s+(?:times|deployments|arrests|alerts)|[^#.;,]{0,60}?\b(?:were|was)\s+(?:false\s+|true\s+)?"
                          r"(?:alerts|arrests|deployments))?,\s+(?:#\d+#\s{4,}(?:,\s*|\s+and\s+))*$")
_PERIOD_NEXT = re.compile(r"^\s{4,}(?:,|\s+and\b|\s*[–—)]|\s+-\s|[.;]|$)")


# "Of the 92, 42 took place between July and September; the other 50 were in the first quarter", "Of these, 42 …":
# parts of a whole said before, each in the period named after it (blanked); the verb says what the whole counts
_BARE_WHOLE = re.compile(r"(?:^|[.;:]\s*)\W*of\s+(?:these|those|them|the\s+#\d+#)\s*,\s*$|"
                         r"(?:^|[.;,]\s*)(?:and\s+|while\s+|with\s+)?(?P<other>the\s+(?:other|remaining))\s+$")
_ALONE_ACCOUNTING = re.compile(r",\s+with\s+(?:\s{3,}|[a-z]+\s+)alone\s+(?:accounting|responsible)\s+for\s+$")
_PART_VERB = re.compile(r"^\s+(?:(?P<d>took\s+place|were\s+(?:held|carried\s+out))|(?P<a>were\s+made)|"
                        r"(?P<al>were\s+(?:generated|raised|recorded))|were|came)\s{4,}(?:[.,;:]|\s*and\b|$)")


def share_named_after(s: Scan, i: int, num: Number, before: str, after: str, split_place_ends: set[int]) -> bool:
    """A share of the figure named last, for a period, a place or a force named after it."""
    if _ALONE_ACCOUNTING.search(before) and (whole := s.last_metric):
        return s.take(Figure(num, whole, sub_period=True))  # "66 times this year, with April alone accounting for 18"
    if (bare := _BARE_WHOLE.search(before)) and (verb := _PART_VERB.match(after)) \
            and (whole := "deployments" if verb["d"] else "arrests" if verb["a"] else "alerts_total" if verb["al"]
                 else s.last_metric if bare["other"] else s.antecedent or s.last_metric):
        return s.take(Figure(num, whole, sub_period=True))
    # (before any figure of its own, the sentence's noun: "Newham saw the most deployments …, five of them in January")
    if named := _NOUN_PART_IN.match(after):
        # "Eleven of those arrests were made on 16 January": the part in the period named after it (blanked)
        return s.take(Figure(num, _PART_NOUNS[named["noun"]], sub_period=True))
    whole = s.last_metric if s.found else (last_metric_named(before) or s.last_metric)
    if not whole:
        return False
    if _OF_THEM_IN.match(after) or (re.search(r"\bof\s+(?:which|whom)\s+$", before) and _OF_WHICH_MADE.match(after)) \
            or ((which := re.match(r"^\s+of\s+(?:which|whom)(?=\s)", after)) and _OF_WHICH_MADE.match(after[which.end():])):
        # "572 arrests in 2024, of which 182 were made between January and June 2024", "572 arrests, 183 of which
        # were made in the final quarter of the year"
        # "461 arrests, 198 of them in the first quarter": the period phrase after "of them" is masked out
        return s.take(Figure(num, whole, sub_period=True))
    if _OF_THE_SET.search(before) and re.match(r"^\s+(?:took\s+place|were\s+(?:held|carried\s+out)|happened)\b", after):
        # "of the 17 deployments, 6 took place in December 2023": the part in the period named after it
        return s.take(Figure(num, "deployments", sub_period=True))
    if _COLON_SPLIT.search(before) and _TIMES_PERIOD_NEXT.match(after):
        # "on six occasions in 2022: twice in January, once in March and three times in July": each month's share
        return s.take(Figure(num, whole, sub_period=True))
    if _OCCURRED_IN.match(after):
        # "Fifteen of the alerts … were false alerts. Ten of these occurred in June": the part in the month named after
        return s.take(Figure(num, whole, sub_period=True))
    if _MADE_AND.search(before) and _PERIOD_NEXT.match(after):
        # "Of those arrests, 74 were made in January and 86 in April": the second month's, its verb left out
        return s.take(Figure(num, whole, sub_period=True))
    if (chain := _AND_IN_ANOTHER.search(before)) and _PERIOD_NEXT.match(after):
        # "155 arrests were made following an LFR alert in 2023-24 and 685 in 2024-25": the same count, another period
        # (the first figure's noun, not one named after it: "36 arrests following a deployment in 2023 and 572 in 2024")
        return s.take(Figure(num, _PART_NOUNS.get(chain["noun"], whole), sub_period=True))
    if _COMMA_SPLIT.search(before) and _PERIOD_NEXT.match(after):
        # "we have deployed it 32 times, 16 in January and 16 in February": each month's share of the whole
        return s.take(Figure(num, whole, sub_period=True))
    if _DASH_SPLIT.search(before) and _PERIOD_NEXT.match(after):
        # "They led to 47 arrests – 29 on Sunday and 18 on Monday –": each day's share (the period phrase is blanks)
        return s.take(Figure(num, whole, sub_period=True))
    if (_OF_THEM.match(after) and re.search(r",\s+with\s+$", before)) or (
            re.match(r"^\s+of\s+(?:them|those|these|which|whom)\b", after) and _OF_THEM_PLACE.match(after)):
        # "26 arrests, with 15 of them in Croydon", "Sixteen people were arrested, ten of them in Barking", "412 arrests,
        # 98 of which were in Croydon"
        return s.take(Figure(num, whole, split_by_place=True))
    if re.search(r"\baccounted\s+for\s+the\s+(?:remaining|other|last)\s+$", before) and re.match(r"^\s*(?:[.;]|$)", after):
        return s.take(Figure(num, whole))  # "…; the two deployments in February accounted for the remaining ten."
    if SHARE_VERB.search(before) and re.match(r"^\s+of\s+(?:them|those|these)\b(?!\s+[a-z])", after):
        if whole == "faces_seen" and num.value < 1000:
            return True  # ("… the roughly 141,000 faces seen. June alone accounted for twelve of them.": not faces)
        return s.take(Figure(num, whole))  # "The Metropolitan Police alone made 587 of them": its share
    if SHARE_VERB.search(before) and re.search(r"\bof\s+(?:(?:these|them|those),|which\s+(?:the\s+)?(?:met|mps|metropolitan)\b)", before) and re.match(r"^\s*(?:[.;]|$)",
                                                                                                     after):
        return s.take(Figure(num, whole))  # "…; of these, the Metropolitan Police made 960.", "…, of which the MPS made 572."
    if any(re.fullmatch(r"\s+(?:on\s+)?", s.ptext[e:s.spans[i][0]]) for e in split_place_ends) and not any(
            p.match(after) for _, p in NOUNS):
        return s.take(Figure(num, whole, split_by_place=True, bracketed=True))  # the 12 of "Croydon 12"
    return False


def fronted_cause(s: Scan, num: Number, before: str, after: str) -> bool:
    """ "Of the total arrests, 41 were as a result of LFR alerts", "Of those arrests, 12 were made in Croydon": the
    fronted noun says what the number counts."""
    if not (CAUSED_BY.match(after) or _MADE_AFTER.match(after)) or not (fronted := FRONTED_NOUN.search(before)):
        return False
    noun = _fronted(fronted["noun"])
    return noun in METRICS and s.take(Figure(num, METRICS[noun]))


def _fronted(words: str) -> str | None:
    """The category of a fronted noun phrase ("those arrests", "the March arrests": its last words' noun)."""
    split = words.split()
    return next((noun for k in range(len(split)) if (noun := noun_at(" " + " ".join(split[k:]))) is not None), None)


# "Four of the 20 were wanted for shoplifting, and six for offences of violence …": a second part, its verb left out
_AND_ANOTHER = re.compile(r"(?:,|\band|,\s+and)\s+(?:a\s+further\s+|another\s+)?$")
_ELLIPTIC_PART = re.compile(r"^\s+(?:for|on suspicion of|in connection with|on recall|on (?:a\s+)?warrant)\s")


def part_named_after(s: Scan, num: Number, before: str, after: str, partitive_rest: str | None) -> bool:
    """For a number no noun or verb placed: the whole again ("Eleven of the 31 were wanted for …" reads the 31), or
    a part of the figure before ("100 of those arrested were wanted for …")."""
    if not s.last_metric:
        return False
    if PARENT.search(before) and PART_OF_AFTER.match(after):
        return s.take(Figure(num, s.last_metric, restated=True))  # the 31 in "Eleven of the 31 were wanted for …"
    if partitive_rest and PART_OF_AFTER.match(partitive_rest):
        return s.take(Figure(num, s.last_metric, part_of=True))  # the eleven: a part, wanted for something
    pa = PART_OF_AFTER.match(after)
    if not (pa or _PART_OF_BEFORE.search(before) and re.match(r"^\s+(?:were|was)\s+(?:of|for)\s", after)
            or s.found and s.found[-1].part_of and _PERSON_FIRST_ANY.match(after)
            or _AND_ANOTHER.search(before) and _ELLIPTIC_PART.match(after)
            and any(f.part_of for f in s.found if not f.restated)):
        return False
    # "100 of those arrested were wanted for …", "four of the Woolwich arrests were …": arrests, whatever came before
    participle = (pa["p"] or ("arrested" if pa["w"] else None)) if pa else None
    if pa and participle is None and (named := re.match(r"^\s+of those (arrested|stopped|detained)\b", after)):
        participle = named[1]  # "More than 100 of those arrested were registered sex offenders"
    # "Of those arrests, 11 were for theft from shops": arrests ("Of the 2023/24 arrests, 46 …": its period blanked)
    fronted = FRONTED_NOUN.search(before) or _BLANKED_FRONT.search(before)
    noun = _fronted(fronted["noun"]) if fronted else None
    # "…, and a further 86 were registered sex offenders": a part of the same whole as the part before it
    whole = s.found[-1].metric if s.found and s.found[-1].part_of else s.last_metric
    metric = METRICS[PARTICIPLES[participle]] if participle else METRICS.get(noun, whole)
    return s.take(Figure(num, metric, part_of=True), names=False)
