"""The words that tell the passage reader how a sentence stands to the ones around it.

Owns the cues scrapers/claims.py reads a sentence's place in a statement
by: a running total ("have now been arrested"), a present perfect with no
period, words that point back ("These deployments …", "This action …"),
people made the subject ("Those arrested were …"), a comparison that moves
no frame ("Compared with 2022/23 …", "In the previous reporting period …"),
a question's own questions ("How many …?") and the one figure a question
asks for ("How many times was LFR deployed …?": deployments), figures listed
one after another ("17 and 88"), the parts of a whole ("Of these, …"), a
set's parts in apposition, figures still to come ("will be published").
Pure vocabulary.
"""

from __future__ import annotations

import re

from scrapers.claim_numbers import NUMBER_WORD

# "have now been arrested", "now stands at": a running total up to the statement's date.
RUNNING_TOTAL = re.compile(r"(?i)\b(?:ha(?:ve|s) now|now (?:ha(?:ve|s)|stands?|totals?|exceeds?|reached)|"
                           r"ha(?:ve|s) (?:so far|to date|now)|ha(?:ve|s) since (?:been(?! (?:charged|cautioned|convicted|released|"
                           r"remanded|sentenced|jailed|bailed))|made|arrested|deployed|carried|"
                           r"generated|led|resulted|risen|grown|reached|produced|taken)|in total,? since|overall,? since|"
                           r"milestones?)\b")
# "Since the July return, …", "after the March relaunch": an event named by its month, which the reader does not
# date; a sentence that names its own period so is about that period, never the one carried from before
UNREAD_PERIOD = re.compile(r"(?i)\b(?:since|after|before|until)\s+(?:the|its|our|their|that|this)\s+(?:(?:january|february|"
                           r"march|april|may|june|july|august|september|october|november|december)(?:\s+\d{4})?|"
                           r"(?:19|20)\d\d)\s+(?!to\b|and\b)[a-z]+")
# "a total of 1,035 arrests have been made", "the MPS has carried out ten deployments": with no period named
# anywhere, a present perfect counts up to the statement's date.
PRESENT_PERFECT = re.compile(r"(?i)\b(?:have|has)\s+(?:\w+\s+){0,2}?(?:been|made|arrested|deployed|used|carried out|scanned|"
                             r"generated|resulted|led|produced|seen|triggered)\b")
# "rose to 572 in 2024, from 37 the year before": a change stated, the figure after ", from" only compares
CHANGED_TO = r"\b(?:rose|risen|increased|grew|climbed|jumped|fell|fallen|dropped|decreased|went (?:up|down))\s+to\b"
RESPECTIVELY = re.compile(r"(?i)\brespectively\b")
TOTAL_WORDS = re.compile(r"(?i)\b(?:so far|in total|a total of|overall|altogether|in all)\b")
OF_THE_TOTAL = re.compile(r"(?i)\bof (?:the|these|those) (?:total|overall)\b")
# "Across the six deployments, …", "across all the deployments": the set counted before, after sentences about one
# of its days or places ("On Boxing Day alone, …"); not "the first two deployments", a selection of its own
WHOLE_SET = re.compile(r"(?i)\b(?:across|over|from|during|for|in|at)\s+(?:all\s+(?:of\s+)?)?(?:the|these|those|all|both)\s+"
                     r"(?:(?P<n>\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)?deployments\b")
# "This action from officers on Tuesday, 23 January …", "These deployments …": words that point back
REFERS_BACK = re.compile(r"^\W*(?:this|that|it|these|those|the)\s+(?:action|deployments?|operation|activity|work|"
                         r"arrests?|results?|was|were|took place|happened)\b|"
                         r"^\W*(?:between|across|from|over)\s+(?:them|these|those|both)\b", re.I)  # "Between them the cameras …"
# "Those arrested were wanted for …": a sentence with no figure that makes arrests the subject ("Eleven of the 31 …")
SUBJECT = re.compile(r"^\W*(?:those|the people|the men|the women|the individuals|all those|everyone)\s+"
                     r"(arrested|detained|apprehended|flagged|stopped|engaged)\b", re.I)
# "The false alert rate is tiny. In the Met it's about one in 33,000 faces": a rate named, its figure after
RATE_SUBJECT = re.compile(r"(?i)\bthe\s+(?:false(?:[- ]alert|[- ]positive)?|misidentification|error)\s+rates?\b")
SUBJECT_METRICS = {"arrested": "arrests", "detained": "arrests", "apprehended": "arrests", "flagged": "alerts_total",
                   "stopped": "engagements", "engaged": "engagements"}
COMPARISON = re.compile(r"^\W*(?:compared? (?:(?:that|this|it) )?(?:with|to)|by comparison|in comparison|this compares with|"
                        r"in the (?:same|equivalent|corresponding) (?:period|quarter|months?|weeks?) (?:of |in )?"
                        r"(?:last year|(?:19|20)\d\d)|"
                        r"in the previous (?:reporting |financial |calendar )?(?:period|year)|a year (?:earlier|before)|(?:that|this)"
                        r"(?: is|['’]s) (?:up|down) from)\b", re.I)
# "The full answer previously given was:" — the next paragraph quotes an earlier answer
QUOTES_NEXT = re.compile(r"(?i)\b(?:answer|reply|response|letter|statement|text)\b[^.]{0,60}?\b(?:was|read|reads|stated|said|"
                         r"as follows)\s*:\s*$")
# ("Baroness Jones of Moulsecoomb: To ask His Majesty's Government …": a Lords question, its asker first)
ASKS = re.compile(r"\?\s*(?:\([^)]{0,30}\)\s*)?$|^\s*(?:[a-z][^:?.]{0,80}:\s*)?(?:how many|what (?:was|were|is|are|number)|please (?:provide|set out|state|list|give|tell|confirm|supply|send)|"
                  # "To ask the Secretary of State for the Home Department, how many …; and …." (a written question)
                  r"will you|can you|could you|would you|to ask)\b", re.I)

# The one metric a question's "how many" asks for, so that an answer which opens with the bare count ("Three times
# since the start of April.", "On four occasions.", "Twelve.") states it. The first that matches is the metric.
# "how many of those", "how many of this year's": which ones the question asks about
_OF_WHICH = r"(?:of\s+(?:(?:those|these|the|them|all(?:\s+the)?)\s+|(?:this|last|that)\s+(?:year|month|week)['’]s\s+))?"
_ASKED = ((re.compile(r"\bhow many (?:times|occasions)\b[^?]{0,120}?\b(?:deploy\w*|used|use|been out|switched on)\b|"
                      r"\bhow (?:many times|often)\b[^?]{0,80}?\b(?:deploy\w*|used|(?:were|was|are|is|have been|has been)\s+"
                      r"(?:the\s+)?(?:vans?|cameras?|the technology|it|they)\s+(?:out|used|deployed))\b|"
                      rf"\bhow many {_OF_WHICH}(?:lfr |live facial recognition |facial recognition )?"
                      r"deployments\b", re.I), "deployments"),
          (re.compile(rf"\bhow many {_OF_WHICH}(?:false|incorrect|wrong) (?:alerts|matches)\b", re.I),
           "false_alerts"),
          (re.compile(rf"\bhow many {_OF_WHICH}(?:arrests\b|(?:people|persons|individuals)\s+(?:\w+\s+){{0,2}}?(?:were|have been|had "
                      r"been|was)\s+arrested\b|(?:criminals|offenders|suspects|people|wanted people)\s+(?:has|have|did)\b"
                      r"[^?]{0,60}?\b(?:taken off the streets|arrested|caught|helped (?:to )?(?:catch|arrest)))", re.I), "arrests"),
          (re.compile(r"\bhow many (?:lfr |system )?alerts\b", re.I), "alerts_total"))
_HOW_MANY = re.compile(r"\bhow (?:many|often)\b", re.I)


# "And were there any false alerts?" — "One, in Walthamstow on the Wednesday.": a count asked for without "how many"
_ANY = ((re.compile(r"(?i)\b(?:were|was|have|has|had)\s+there\s+(?:been\s+)?any\s+(?:false|wrong|incorrect)\s+"
                    r"(?:alerts|matches)\b"), "false_alerts"),
        (re.compile(r"(?i)\b(?:were|was|have|has|had)\s+there\s+(?:been\s+)?any\s+arrests\b"), "arrests"))


# "How many of the people wrongly flagged were arrested?": arrests after false alerts, which the records do not count
_WRONGLY = re.compile(r"(?i)\b(?:wrongly|wrongful(?:ly)?|falsely|incorrectly|mistaken(?:ly)?|misidentified|"
                      r"false(?:ly)?\s+(?:alerts?|match(?:es|ed)?|identifi\w*|flagged))\b")


def asked_metric(question: str | None) -> str | None:
    """The metric a question asks for when it asks for exactly one ("How many times …?", "Were there any false
    alerts?"), else None ("How many deployments and how many arrests …?" asks for two, so a bare count answers
    neither)."""
    if question and not _HOW_MANY.search(question):
        return next((metric for pattern, metric in _ANY if pattern.search(question)), None) or _noun_asked(question)
    if not question or len(_HOW_MANY.findall(question)) != 1:
        return None
    metric = next((metric for pattern, metric in _ASKED if pattern.search(question)), None)
    return None if metric == "arrests" and _WRONGLY.search(question) else metric

# "And false alerts?", "Arrests?": a short question that only names what it asks for
_NOUN_ASKED = ((re.compile(r"(?i)^\W*(?:and\s+|what\s+about\s+|how\s+about\s+)?(?:the\s+)?(?:false|wrong|incorrect)\s+"
                           r"(?:alerts|matches)\s*\?\s*$"), "false_alerts"),
               (re.compile(r"(?i)^\W*(?:and\s+|what\s+about\s+|how\s+about\s+)?(?:the\s+)?arrests\s*\?\s*$"), "arrests"),
               (re.compile(r"(?i)^\W*(?:and\s+|what\s+about\s+|how\s+about\s+)?(?:the\s+)?deployments\s*\?\s*$"),
                "deployments"),
               (re.compile(r"(?i)^\W*(?:and\s+|what\s+about\s+|how\s+about\s+)?(?:the\s+)?alerts\s*\?\s*$"), "alerts_total"))


def _noun_asked(question: str) -> str | None:
    turn = re.sub(r"^[^:?]{1,80}:\s*", "", question.strip())  # ("Marcus Tully AM: And false alerts?")
    return next((metric for pattern, metric in _NOUN_ASKED if pattern.match(turn)), None)


# "… 22 of the 179 deployments", "122 of the 572 arrests made … across London": the words before a share's whole
WHOLE_OF = re.compile(r"(?i)\bof\s+(?:the|all(?:\s+the)?)\s+$")
FROM_DEPLOYMENTS = re.compile(rf"(?i)\b(?:from|in|across|over)\s+(?:\d[\d,]*|{NUMBER_WORD})\s+(?:lfr\s+)?deployments\s*[.;]?$")
SET_PARTS = re.compile(r"(?i)\bdeployments(?:\s+(?:of|in)\s+[^,.;:]{1,20})?,\s*(?:(?:\w+\s+){1,4}?(?:in|at|on)\s+[^,.;:\d]{1,40}?"
                        r"\s+and\s+)?$")
# "In the first two weeks of this month alone, there were another 14": a part of a total, not the day it was made
ANOTHER = re.compile(r"(?i)\b(?:another|a further|alone)\b")
# "17 and 88", "21, 176 and 562": figures listed one after another
NUMBER_LIST = re.compile(rf"(?i)(?:\b\d[\d,]*|\b(?:{NUMBER_WORD}))(?:\s*,\s*(?:\d[\d,]*|(?:{NUMBER_WORD})))*,?\s+and\s+"
                          rf"(?:\d[\d,]*|(?:{NUMBER_WORD}))\b")
# figures still to come: the period they will cover is not the one the figures before and after are for
NOT_YET = re.compile(r"(?i)\b(?:will be (?:published|released|available|provided|made available|reported)|(?:is|are) not yet "
                      r"(?:available|published|complete)|not yet been (?:published|finalised|validated)|to follow\b|"
                      # "It counted two deployments that were planned for Dalston in June but did not go ahead"
                      r"did not go ahead|(?:were|was) (?:cancelled|called off|stood down|postponed))")
# "Of these, …", "… 46 and 31 of them …": a sentence about the parts of a whole named before
PARTS_OF = re.compile(r"(?i)(?:^\W*of\s+(?:these|those|them|which|the)\b|\bof\s+(?:them|these|those)\s+(?:took|were|was|came))")
