"""The words a figure's metric is read from: nouns after a number, who is counted, what an alert is called.

Shared by claim_figures.py (counts) and claim_rates.py (rates): which noun
after a number names which metric ("alerts", "false alerts", "faces"),
the modifiers that change nothing ("system alerts", "further arrests"),
the words for the people counted, and the words that mark a figure false.
Pure vocabulary: regexes and tables, `noun_at` to look a noun up in them, and
`Figure`, a number read as a metric, which the figure readers share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrapers.claim_numbers import QUALIFIERS, Number

MOD = (r"(?:(?:system|facial[- ]recognition|lfr|\(lfr\)|live|further|more|separate|additional|individual|different|"
        r"supposed|apparent|possible|"
        r"unique|total|potential|possible|confirmed|unconfirmed|recorded|reported|operational|such|other|new|"
        r"verified|subsequent|resulting|formal|positive)\s+)*")

# Words that describe the people counted without making them a subset the records lack.
PERSON_ADJ = (r"(?:wanted|suspected|dangerous|violent|known|different|individual|separate|other|more|further|"
               r"registered|sex|serious|prolific|high-harm|outstanding)")

PERSON = (r"(?:people|persons|person|individuals|individual|members of the public|member of the public|men|"
           r"women|man|woman|suspects|images|names|entries|subjects|criminals|offenders)")

FACE_NOUN = rf"(?:(?:{PERSON}(?:'s|’s|'|’)\s+)?(?:faces?|facial images|face images|face scans)|biometric (?:images|templates))"

ALERT_NOUN = r"(?:alerts?|matches|match|alarms?)"

# (category, what follows the number); first match wins.
NOUNS = [(cat, re.compile(rf"^\s+{MOD}(?:{noun})\b")) for cat, noun in [
    ("faces", FACE_NOUN),
    ("false", rf"(?:false|incorrect|wrong|erroneous|mistaken|inaccurate)(?:[- ]positive)?\s+(?:{ALERT_NOUN}|"
              r"identifications?|positives?)|mis-?identifications?|false positives?"),
    ("true", rf"(?:true|correct|genuine|accurate)(?:[- ]positive)?\s+(?:{ALERT_NOUN}|identifications?)|true positives?"),
    ("alert", rf"{ALERT_NOUN}|identifications"),  # "three positive identifications were made"
    ("engage", r"engagements?|stops|interventions"),
    ("arrest", r"arrests?"),
    ("deploy", r"deployments?(?!\s+(?:plans?|records?|forms?|documents?|reviews?|assessments?|notices?|requests?)\b)"),
    ("trial", r"(?:trials?|operations)\b(?=\s*(?:of\b|in\b|at\b|deployments?\b|[,.;]|$))"),  # (a scope blanked after it)
    ("occasion", r"times|occasions"),
]]



def noun_at(text: str) -> str | None:
    """The category of the noun `text` opens with (after its leading space: " false alerts …"), or None."""
    return next((c for c, p in NOUNS if p.match(text)), None)


METRICS = {"faces": "faces_seen", "alert": "alerts_total", "arrest": "arrests", "deploy": "deployments", "trial": "deployments",
            "occasion": "deployments", "watchlist": "watchlist_size", "false_engage": "false_alert_engagements",
            "false": "false_alerts", "true": "true_alerts", "engage": "engagements"}

def last_metric_named(text: str) -> str | None:
    """The metric of the last metric noun in `text` ("the boroughs with the most deployments were:"), or None."""
    spaced = " " + text.lower()
    named = [(w.start(), c) for w in re.finditer(r"\s", spaced) for c, p in NOUNS if p.match(spaced[w.start():])]
    return METRICS.get(max(named)[1]) if named else None


FALSE_WORD = re.compile(r"\b(?:false|mis-?identif|incorrect|inaccurate|wrong|mistaken|erroneous)")


# What a verb after a number counts ("six were stopped"), and a verb before it ("scanned 4,600").
PREDICATES = [
    ("false_engage", r"(?:wrongly|mistakenly|incorrectly|wrongfully) (?:stopped|engaged(?: with)?|detained)"),
    ("false", r"(?:an? )?(?:mis-?identified|(?:wrongly|incorrectly|falsely|mistakenly) (?:identified|matched|flagged|alerted)|"
              r"false(?: alerts?| positives?| matches?)?\b|incorrect\b|inaccurate\b|wrong\b|not (?:a (?:true )?match|the (?:person|people|"
              r"individuals?) (?:sought|wanted|on the watch ?-?list))|mis-?identification)"),
    ("true", r"(?:an? )?(?:correctly (?:identified|matched|flagged)|(?:identified|matched) correctly|true(?: alerts?| positives?| matches?)?\b|"
             r"correct\b|genuine\b|accurate\b|(?:true|correct|genuine) match|(?<!false )(?<!false-)positive match(?:es)?|"
             r"confirmed by (?:the )?(?:officers|police|an officer)\b(?!\s+(?:as|to be)\b)|confirmed as (?:true |genuine |"
             r"correct )?matches)"),
    ("arrest", r"arrested|apprehended|detained|taken into custody|taken off (?:the |london['’]s )?streets|(?:resulted|ended) in (?:an? |their |his |her )?arrests?|led to (?:an? |their |his |her )?arrests?"),
    ("engage", r"stopped|engaged(?: with)?|spoken to|approached|intercepted|intervened with|(?:resulted in|led to) "
               r"(?:an? |the )?(?:engagements?|stops?|(?:people|persons?|individuals?|the person|someone) being "
               r"(?:stopped|engaged))"),
    ("alert", rf"(?:caused|triggered|generated|prompted|produced|raised|resulted in) (?:an? |\w+ )?(?:system |lfr |"
              rf"facial recognition )?{ALERT_NOUN}|flagged|matched (?:against|to|with)|(?:an? )?alerts?\b|"
              # "39 people on the watchlist were identified": found by the cameras
              r"(?:on|from) (?:the|a|its|their) watch ?-?lists? (?:were|was|had been|have been) (?:identified|spotted|"
              r"detected|recogni[sz]ed|picked up|located|found)\b"),
    ("faces", r"scanned|seen|processed|captured|detected|(?:walked|passed|went|walking|passing) (?:(?:past|through|by|in "
              r"front of) )?(?:the|our|its) (?:lfr |facial recognition )?(?:cameras?|vans?|system|zone|deployment)|"
              r"(?:walked|walking|passed|passing|went) (?:past|by) them\b"),  # ("The cameras generated 24 alerts, and
    # an estimated 25,000 people walked past them")
    # (not "39 people on the watchlist were identified": people the cameras found, alerts)
    ("watchlist", r"(?:on|in|included in|held on|added to) (?:the|a|its|each|their) (?:lfr |deployment )?watch ?-?lists?"
                  r"(?!\s+(?:were|was|had been|have been)\s+(?:identified|flagged|spotted|detected|recogni[sz]ed|picked up|"
                  r"matched|located|found)\b)"),
]

PREDICATE = re.compile(
    rf"^(?P<rel>\s*,?\s*of (?:whom|which|these|them|those))?(?:(?:\s+{PERSON_ADJ})*\s+(?:{PERSON}|more|others))?"
    # "540 individuals wanted for offences ranging from shoplifting to rape have been apprehended",
    # "four people who also had other court conditions were identified correctly"
    r"(?:\s+(?:wanted|sought|suspected)\s+(?:for|of|in connection with)\s+[^#;.]{1,80}?"
    # "Six people wanted by the police", "Nine people wanted by police or the courts"
    r"|\s+(?:wanted|sought)\s+by\s+(?:the\s+)?(?:police|met|mps|officers|courts?)(?:\s+(?:or|and)\s+(?:by\s+)?(?:the\s+)?"
    r"(?:police|courts?))?"
    r"|\s+(?:who|that)\s+(?:also\s+)?(?:had|have|has)\s+[^#;.]{1,60}?"
    # "all five people who were flagged were engaged": the relative clause names whom, the verb after it what
    r"|\s+(?:who|that)\s+(?:were|was)\s+(?:flagged|alerted|identified|matched|scanned)(?:\s+by\s+[a-z ]{1,30}?)?"
    r"|\s*,[^,#;.]{1,60},|\s+[–—][^–—#;.]{1,120}[–—])?"  # "Seven people – among them … – were arrested"
    r"(?:\s+(?:who|that|which))?"
    r"(?:\s+(?:generated|raised|recorded|produced|triggered|issued)(?:\s+(?:by|on|at|in)\s+[A-Za-z'’ ]{1,30}?)?(?=\s))?"
    r"(?:\s+(?:were|was|had|have|has|are|is|got|being|been|now|already|since|so far|to date|subsequently|then|later|"
    r"all|also|actually|each|ultimately|eventually|found to be|confirmed as|confirmed to be|identified as|deemed|"
    r"shown to be|judged to be|judged by officers to be|assessed as|confirmed by officers as|later found to be|"
    r"proved to be|proven to be|turned out to be|proved|"
    # "two offenders were identified and subsequently arrested": what was done before the arrest
    r"(?:identified|located|traced|found|stopped|spoken to) and))*\s+"
    + "(?:" + "|".join(f"(?P<{cat}>{p})" for cat, p in PREDICATES) + ")")

PRECEDING = [(cat, re.compile(rf"{p}\s+(?:a further\s+|another\s+|an additional\s+)?(?:(?:{QUALIFIERS}|between|only|just)\s+)?$")) for cat, p in [
    ("faces", r"(?:faces of|scanned|processed)"),
    ("engage", r"(?:stopped|engaged(?: with)?|spoke to|approached)"),
    ("arrest", r"(?:arrest(?:ed|ing)?|apprehended|detained|the arrests? of)"),  # "leading to the arrest of 22 people"
    ("alert", r"alerted (?:officers |police )?to"),
    ("alert", r"(?:flagged|alerted on|generated alerts (?:for|on)|(?:system|cameras?|technology|it) matched)"),
    # "The cameras identified 14 people on the watchlist": people the cameras found, alerts
    ("alert", r"(?:system|cameras?|technology|lfr|vans?)\s+(?:identified|spotted|detected|picked out|recogni[sz]ed|located)"),
    ("false", r"(?:misidentified|wrongly identified|incorrectly identified)"),
    ("watchlist", r"number of (?:people|persons|names|images|individuals|entries) (?:on|in) (?:the|that|this|each|its|their)"
                  r" (?:watch ?-?)?lists? (?:was|is|were|stood at|totall?ed)"),
    ("watchlist", r"watch ?-?lists?\b(?:[^#;]{0,40}?\s)?(?:\s*(?:size|of|containing|contained|contains|comprising|comprised|"
                  r"included|includes|including|with|had|has|held|holds|numbered|was|were|is|stood at|totall?ed|"
                  r"consisted of|featured|at|ranged|ranged in size|in size))+"),
]]

PARTICIPLES = {"flagged": "alert", "alerted": "alert", "identified": "alert", "matched": "alert",
                "arrested": "arrest", "detained": "arrest", "apprehended": "arrest", "stopped": "engage",
                "engaged": "engage", "scanned": "faces"}


@dataclass(frozen=True)
class Figure:
    """A number that states an LFR figure, and its metric."""

    number: Number
    metric: str
    split_by_place: bool = False  # "two from the Lewisham deployment": the metric was taken from the figure it splits
    part_of: bool = False  # "Among these arrests are 50 individuals involved in …": a part of the figure before
    bracketed: bool = False  # "Croydon (12)": the place named right before the bracket is the figure's
    restated: bool = False  # the 31 in "Eleven of the 31 were wanted for …": the whole again, narrowed by nothing
    none_since: bool = False  # "has not deployed LFR since February 2020": none, from just after that point
    superseded: bool = False  # the 12 in "My answer of 3 May said 12 deployments": no claim, but what "the correct figure" means
    sub_period: bool = False  # "461 arrests, 198 of them in the first quarter": the part in the period named right after
