"""Numbers that look like figures but state none: plans, rules, limits, averages, settings, corrections.

Owns the words around a number that make it no count of what happened:
what may happen ("might make 15 arrests"), what did not ("planned but did
not go ahead"), a rate of activity ("1,000 more each month"), an average,
a condition or a rule ("when there is no match", "no deployment takes
place without a plan"), missing data ("no arrest figures were recorded"),
a policy's limit, a bound on each of a group, a test's setting, a
threshold, and a figure an earlier answer gave that this one corrects.
Pure. Proof: tests/test_passages.py (each construction), tests/evidence/.
"""

from __future__ import annotations

import re

from scrapers.claim_numbers import QUALIFIERS, Number

# "we might make 15 arrests", "we have committed to 10 trials": what may happen is not a figure (up to the clause's end:
# a comma, a colon, a dash, "and" or "but"); "Members will have seen that …", "Will the Minister confirm that …" are
# no modal of the figure
NOT_REAL = re.compile(r"\b(?:(?:might|could|would|may|will)(?!\s+(?:all\s+)?have\s+(?:seen|heard|read|noticed)\b)"
                      r"(?![^,.;:]{0,40}\b(?:confirm|accept|agree|acknowledge|recogni[sz]e)\s+that\b)|shall|(?<!\bit )(?<!\bthis )(?<!\bthat )should(?!\s+have\s+(?:read|said|stated)\b)|must|plans? to|planned to|plans?(?=\s+(?:up\s+to|about|around|some|another|a\s+further|at\s+least)\b)|(?:is|are|was|were)\s+planning|aims? to|aimed to|committed to|"
                      r"(?:a |the )?targets? of|(?:our |the |a |its )(?:\w+['’]s\s+)?targets?\b[^,.;:]{0,30}?\b(?:is|was|are|were)|"
                      r"(?:an |the )?aim of|(?:an |the )?ambition of|"
                       r"expects? to|expected to|hopes? to|intends? to|if|whether|on (?:course|track) (?:for|to)|set to|"
                       r"(?:we|i|they|it|the met|the mps) (?:expects?|anticipates?|forecasts?|projects?))\b(?:(?!\b(?:and|but)\s+(?!#)|\s-\s)[^,.;:—–])*$")

# "… were planned for that week but did not go ahead", "ten times as many": not a count of what happened
_NOT_DONE_AFTER = re.compile(r"^(?:\s+[a-z-]+){0,3}?\s+(?:planned|scheduled|proposed)(?:\s+(?:for|in|at|on)\b|\s{4,}(?=(?:were|was)\s))|"
                             r"^(?:[\s,]+[a-z-]+){0,6}?[\s,]+(?:(?:were|was|are|is)\s+(?:planned|scheduled|cancelled|postponed|"
                             r"proposed|expected|stood\s+down|called\s+off|abandoned|scrapped)\b|did not (?:go ahead|take place))|^\s+times\s+(?:as many|as often|more|higher|"
                             r"greater|the|fewer|lower)\b")

_MODAL_AFTER = re.compile(r"^\s+[a-z-]+\s+(?:could|would|can|will|may|might|should|shall)\b")
# a rule or a condition, not a count: "A single deployment should not normally exceed 12 hours", "1 in 6,000 … when a
# watchlist of 10,000 images is used"
_RULE_AFTER = re.compile(r"^\s+deployments?\s+(?:should|must|shall|may|cannot|can)\s+(?:not\s+|never\s+)?(?:normally\s+)?"
                         r"(?:exceed|last|run|take|be)\b")
# "Last year there were weeks when we were out six times": how often in some weeks, not a count of a period
_WEEKS_WHEN = re.compile(r"\b(?:weeks|days|months|fortnights)\s+when\b[^.;:]{0,60}$")
# "for every 33,000 faces, we might expect one false alert": a rate's denominator, not faces seen
_FOR_EVERY = re.compile(r"\b(?:for|in)\s+(?:every|each)\s+$")
# "The Met said 32 other arrests were made by officers around the stadium", "the LFR arrest was separate from the 64
# arrests made during the wider operation": arrests by other means, not LFR's
_OTHER_ARRESTS = re.compile(r"^\s+(?:other|further\s+non-lfr)\s+arrests\b")
_SEPARATE_FROM = re.compile(r"\b(?:separate|apart|distinct)\s+from\s+(?:the\s+)?$")
# "Recent deployments include one in Islington on 24 September": one of a set, by example, no count
_ONE_INCLUDED = re.compile(r"\b(?:include|includes|included|including)\s+$")
_AT_A_PLACE = re.compile(r"^\s+(?:in|at|on|outside|near)\s")
# "one man arrested yesterday had been wanted since 2019": one of them described, not a count of arrests
_ONE_DESCRIBED = re.compile(r"^\s+(?:man|woman|person|individual|suspect)\s+"
                            r"(?:who\s+(?:was|were)\s+)?arrested\b[^.;,]{0,60}?\s(?:had been|was|is)\s+(?!arrested\b)")
# "A maximum watchlist size of 16,000 images applies to each deployment": a rule's bound, not a watchlist used
_RULE_BOUND_AFTER = re.compile(r"^\s+(?:[a-z-]+\s+){0,2}?(?:applies|apply|is allowed|are allowed|is permitted|are permitted)\b")
_IF_USED = re.compile(r"\b(?:when|if|where)\s+(?:a|the)\s+watch ?-?list\s+(?:of|with)\s+$")

# ("211 people during a week of action" is a count over that week)
_PER_PERIOD_AFTER = re.compile(r"^(?:\s+[a-z-]+){0,3}?\s+(?:each|every|per|(?<!during\s)(?<!over\s)(?<!in\s)(?<!within\s)"
                               r"(?<!for\s)a|in\s+any(?:\s+(?:one|single|given))?)\s+"
                               r"(?:calendar\s+)?(?:month|week|day|year|fortnight|quarter)\b")

# "Some 1,200 people arrested after alerts have since been charged": how many were charged, not a figure of ours
_CHARGED_AFTER = re.compile(r"^\s+(?:people|persons|individuals|of them|of those)\s+(?:[a-z]+\s+){0,5}?(?:have|has|had)\s+"
                            r"(?:since\s+|now\s+|subsequently\s+)?been\s+(?:charged|cautioned|convicted|remanded|sentenced|"
                            r"jailed|imprisoned)\b")
_AVERAGE = re.compile(rf"(?:average(?: of)?|averaging|averaged|mean(?: of)?|median(?: of)?|typically)\s+(?:(?:{QUALIFIERS})\s+)?$")

# "My answer to question 2024/1187 stated that there were 58 alerts": the earlier answer's figure, quoted to correct it
_REPORTED_EARLIER = re.compile(r"\b(?:my|the|an?|our|its) (?:previous |earlier |original |last |first )?(?:written |"
                               r"parliamentary )?(?:answer|reply|response|"
                               r"letter|version(?: of (?:this|the) \w+)?)\b[^#.;]{0,70}?\b(?:stated|said|gave|reported|suggested)\b[^.;]{0,160}$"
                               # "The figure given previously, 35, should have read 40"
                               r"|\bthe (?:figure|number|total)(?: of [a-z ]{1,30}?)? (?:given|stated|published|reported|quoted) "
                               r"(?:previously|earlier|originally|before|in (?:my|that|the) (?:previous |earlier )?answer),?\s*$"
                               # "In that letter I stated that LFR had been deployed on 14 occasions"
                               r"|\b(?:in|by) (?:that|my|the|this) (?:previous |earlier |original )?(?:answer|reply|response|"
                               r"letter)(?: (?:of|to|on) [^.;]{1,50}?)?,? (?:i|we) (?:stated|said|gave|reported|wrote)\b[^#.;]{0,80}$"
                               # "I also gave the number of alerts as 82; it should have read 80"
                               r"|\b(?:i|we) (?:also |previously |originally )?(?:gave|stated|reported) the (?:number|figure|total) "
                               r"(?:of [a-z ]{1,30}?)?\s*as\s+$")

# "at a face-match threshold of 0.6": a setting; and a rate in the same clause ("…, at which the false match rate
# is 1 in 6,000") is the setting's, not one measured
_THRESHOLD = re.compile(r"\bthreshold(?: setting)?(?: of| at| was| is)?\s+$")
_THRESHOLD_CLAUSE = re.compile(r"\bthreshold\b[^.;]{0,120}$")

# "the watchlists each contained between 14,000 and 15,500 images": a bound on each of a group
# ("Each watchlist this week held between 16,100 and 16,300 images")
_EACH_BEFORE = re.compile(rf"\beach\s+(?:watch\s?-?list\s+)?(?:\s{{6,}})?(?:contained|held|had|included|comprised|numbered)\s+"
                          rf"(?:(?:{QUALIFIERS}|between)\s+)?$"
                          # "The watchlist for each deployment held fewer than 16,000 images": a bound, in line with policy
                          rf"|\beach\s+deployment\s+(?:contained|held|had|included)\s+(?:fewer than|less than|no more than|"
                          rf"not more than|up to|under)\s+$")

# "so no arrest figures were recorded": no data, not a count of none
_NO_RECORD = re.compile(r"^\s+(?:[a-z-]+\s+){0,2}?(?:figures?|data|records?|information|details|breakdown|statistics|numbers)\b")

# "No deployment takes place without a published plan": a rule, not a count
_RULE_NO = re.compile(r"^[^#.;]{0,60}?\b(?:without|unless)\b")

# "limits each watchlist to a maximum of 16,000 images", "capped at 10,000": a policy's bound, not a count
_LIMIT = re.compile(rf"\b(?:limits?|limited|limiting|caps?|capped|capping|restricts?|restricted)\b[^#.;]{{0,60}}?\b(?:to|at)\s+"
                    rf"(?:(?:{QUALIFIERS})\s+)?$|"
                    # "the watchlist, which contained no more than 16,000 images": the bound every watchlist keeps to
                    rf"\bwatch\s?-?lists?\b[^#.;]{{0,40}}?\b(?:contained|contains|held|holds|comprised|included|had)\s+"
                    rf"(?:no more than|not more than|a maximum of)\s+$")

# "fewer than five deployments each": a bound on every one of a group, not a total
_EACH_AFTER = re.compile(r"^\s+(?!were\b|was\b|are\b|is\b|have\b|had\b)[a-z-]+\s+each\b(?!\s+(?:of|other)\b)")

# "at a watchlist size of 10,000" in a test of the algorithm: a setting, not a watchlist that was used
_TEST_SETTING = re.compile(r"\b(?:at|with)\s+an?\s+watch\s?-?list\s+(?:size\s+)?of\s+$|"
                           # "The National Physical Laboratory tested … against a watchlist of 10,000 images"
                           r"\b(?:test(?:ed|ing|s)?|laboratory|npl)\b[^.;]{0,150}\b(?:for|against)\s+an?\s+watch\s?-?list\s+"
                           r"(?:size\s+)?of\s+$")

# "discarded when there is no match", "if someone passes a camera and there is no match": a condition, not a count
_CONDITION_NO = re.compile(r"\b(?:when|if|where|unless|whether|until|once)\s+(?:[^#.;:,]{0,80}?\s)?"
                           r"(?:there\s+(?:is|are|was|were|has been)\s+)?$")
# "If a person is not on the watchlist, there is no match": "there is no" (present, singular) states a rule, never a
# count of what happened ("there were no alerts", "there have been no arrests" are counts)
_THERE_IS_NO = re.compile(r"\bthere\s+is\s+$|\bthere['’]s\s+$")


# "MOPAC officers observed three deployments", "Big Brother Watch … had observed 40 deployments", "observation of
# two deployments by ICO auditors": someone else's count
_OBSERVED = re.compile(rf"\b(?:observed|attended|monitored|watched|observation of|observing|we counted)\s+(?:(?:{QUALIFIERS})\s+)?$")
# "Big Brother Watch says its observers have attended 60 deployments and that 89 per cent of …", "Big Brother Watch,
# whose volunteers …, estimates that more than 3 million faces …": a campaign group's own figures, not the Met's
_THEIR_WORDS = re.compile(r"\b(?:big brother watch|liberty|amnesty(?: international)?|privacy international|"
                          r"campaign(?:ers| groups?)|critics|civil liberties groups?|rights groups?)\b[^.;]{0,120}?"
                          r"\b(?:says?|said|estimates?|estimated|claims?|claimed|counts?|counted|calculates?|calculated|"
                          r"believes?|argues?|argued|tells? (?:me|us)|told (?:me|us))\b[^.;]{0,200}$")
# "The Minister mentions 57 deployments", "the hon. Member said the vans went out 180 times": another speaker's figure,
# told back in a debate (not their words quoted: no colon or quotation mark)
_MEMBER_SAID = re.compile(r"\b(?:the\s+(?:hon\.?|right\s+hon\.?|noble)\s+(?:and\s+\w+\s+)?(?:member|gentleman|lady|friend|lord|"
                          r"baroness|earl)|my\s+(?:hon\.?|right\s+hon\.?|noble)\s+(?:and\s+\w+\s+)?friend|the\s+minister)"
                          r"(?:\s+for\s+[a-z][\w\s'’-]{0,40}?)?\s+(?:has\s+|have\s+)?(?:said|says|mentioned|mentions|quoted|"
                          r"quotes|claimed|claims|cited|cites)\b[^.;:\"“‘']{0,160}$")
# "According to Big Brother Watch, the Met scanned more than 4 million faces"
_ACCORDING_TO = re.compile(r"\b(?:according to|in the view of|figures from|research by|analysis by)\s+(?:the\s+)?(?:big brother watch|liberty|"
                           r"amnesty(?: international)?|privacy international|campaign(?:ers| groups?)|critics|civil liberties "
                           r"groups?|rights groups?)\b[^.;]{0,200}$")
# "the watchlist for a typical deployment contained between 15,000 and 16,500": what is usual, not what happened
# "the figure of 3 million faces scanned cited by campaign groups": someone else's, said after the figure
CITED_BY = re.compile(r"^[^#.;]{0,40}?\b(?:cited|quoted|given|used|published|claimed)\s+by\s+(?:campaign(?:ers| groups?)|critics|"
                      r"big brother watch|liberty|the press|newspapers|some)\b")
_TYPICAL = re.compile(r"\b(?:typical(?:ly)?|usually|normally|generally|tends? to)\b[^#.;]{0,60}$")


# "… do not include arrests from the Met's wider summer policing operation, which made 1,240 arrests": that operation's
_WIDER_OPERATION = re.compile(rf"\b(?:wider|overall|whole|entire|policing)\b[^#.;]{{0,30}}?\boperation,?\s+(?:which|that)\s+"
                              rf"(?:\w+\s+){{0,2}}?(?:made|led to|resulted in|produced)\s+(?:(?:{QUALIFIERS})\s+)?$|"
                              # "The wider Coronation policing operation, which involved more than 11,500 officers,
                              # resulted in 64 arrests": the operation's people and its arrests
                              rf"\b(?:wider|overall|whole|entire)\b[^#.;]{{0,40}}?\boperation\b[^.;]{{0,80}}?\b(?:involved|"
                              rf"made|led to|resulted in|produced|deployed)\s+(?:(?:{QUALIFIERS})\s+)?$")


# "36 arrests …, none of them linked to facial recognition": a figure not LFR's, said to be not LFR's
_NONE_LINKED = re.compile(r"^\s+of\s+(?:them|those|these|which)\s+(?:(?:was|were)\s+)?(?:linked|related|connected|due|"
                          r"attributable|owed)\s+to\b")
# "no LFR deployments planned there before the summer": no plan, not a count of what happened
_NONE_PLANNED = re.compile(r"^\s+(?:[a-z-]+\s+){0,3}?(?:(?:are|were|is|was)\s+)?(?:planned|scheduled|proposed|expected)\b")


# "… as part of our response to incident of violence a week earlier (Sunday 15 September) where four people were
# arrested": the arrests of the incident the deployment answered
INCIDENT_NOUN = r"(?:incidents?|disorder|violence|brawl|fight|stabbing|attack)"  # what a deployment may answer
_INCIDENT = re.compile(rf"\b{INCIDENT_NOUN}\b[^#.;]{{0,80}}?"
                       rf"\b(?:where|in which|during which|after which)\s+(?:(?:{QUALIFIERS})\s+)?$")


# "our watch list here consists of two groups of people": kinds of something, not a count of it
_KINDS_AFTER = re.compile(r"^\s+(?:main\s+|broad\s+|distinct\s+|different\s+)?(?:groups|types|kinds|categories|sorts|classes)\s+of\b")


def not_a_count(num: Number, before: str, after: str) -> bool:
    """Whether the words around `num` (in the reader's marked-up sentence) make it no figure of what happened."""
    if _AVERAGE.search(before) or _PER_PERIOD_AFTER.match(after) or _CHARGED_AFTER.match(after):
        return True  # "an average of 4,000", "1,000 more offenders each month": not a count of a scope
    if num.value == 0 and (_CONDITION_NO.search(before) or _THERE_IS_NO.search(before) or _MODAL_AFTER.match(after) or _NO_RECORD.match(after)
                           or _RULE_NO.match(after) or _NONE_PLANNED.match(after) or _NONE_LINKED.match(after)):
        return True
    if num.value == 1 and (_ONE_DESCRIBED.match(after) or _ONE_INCLUDED.search(before) and _AT_A_PLACE.match(after)):
        return True  # "one man arrested yesterday had been wanted …", "Recent deployments include one in Islington"
    if _WEEKS_WHEN.search(before) or _FOR_EVERY.search(before) or _OTHER_ARRESTS.match(after) \
            or _SEPARATE_FROM.search(before) or _OMITTED.search(before):
        return True
    if _RULE_AFTER.match(after) or _RULE_BOUND_AFTER.match(after) or _IF_USED.search(before) or CITED_BY.match(after):
        return True  # "A single deployment should not normally exceed 12 hours", "when a watchlist of 10,000 is used"
    return bool(NOT_REAL.search(before) or _NOT_DONE_AFTER.match(after) or _LIMIT.search(before)
                or _EACH_AFTER.match(after) or _TEST_SETTING.search(before) or someone_elses(before)
                or _TYPICAL.search(before) or _WIDER_OPERATION.search(before) or _LAB.search(before)
                or _INCIDENT.search(before) or _KINDS_AFTER.match(after))


# "That answer omitted two deployments.": what an earlier figure left out, a difference, not a count of a period
_OMITTED = re.compile(r"(?i)\b(?:omitted|omits|left\s+out|leaves\s+out|did\s+not\s+include|missed\s+out|excluded)\s+"
                      r"(?:(?:a\s+further|another|some)\s+)?$")  # (not "omitted the two deployments in Hounslow on 21 May")


def omitted(before: str) -> bool:
    """Whether the words before a count say it is what an earlier figure left out ("That answer omitted two")."""
    return bool(_OMITTED.search(before))


def someone_elses(before: str) -> bool:
    """A count someone else made by watching ("MOPAC officers observed three deployments"), or a campaign group's
    own figure ("Big Brother Watch says … 89 per cent of the alerts …"), or another speaker's told back in a debate
    ("The Minister mentions 57 deployments")."""
    return bool(_OBSERVED.search(before) or _THEIR_WORDS.search(before) or _ACCORDING_TO.search(before)
                or _MEMBER_SAID.search(before))


# "The answer stated: 'In the period … approximately 610,000 faces …, generating 211 alerts.'": the words quoted
_QUOTED_EARLIER = re.compile(r"\b(?:answer|reply|response|letter)\s+(?:stated|said|read|gave)\s*:?\s*['‘\"“][^'’\"”]*$")


def earlier_answer(before: str) -> bool:
    """A figure an earlier answer gave, quoted to correct it ("My answer of 3 May said that there had been 12")."""
    return bool(_REPORTED_EARLIER.search(before) or _QUOTED_EARLIER.search(before))


# "these figures exclude one deployment in Lewisham on 14 March that was stood down": what the figures leave out
_LEFT_OUT = re.compile(r"\b(?:exclude|excludes|excluding|do not include|does not include|not including)\s+(?:the\s+)?$")


def set_aside(before: str) -> bool:
    """A figure an earlier answer gave (and this one corrects), a threshold, a bound on each, what the figures leave
    out."""
    return bool(earlier_answer(before) or _THRESHOLD.search(before) or _EACH_BEFORE.search(before)
                or _LEFT_OUT.search(before))


# "… comes from testing of an older version …; the National Physical Laboratory found that … one in 5,800", "the chance
# of a false match was one in 6,500": a laboratory's measure, not one of deployments
# "The NPL tested the algorithm using 178,000 filler images and 400 volunteers, who walked past the cameras 2,000
# times": a laboratory's test, not a count of what happened in use
_LAB = re.compile(r"\b(?:npl|national physical laboratory|laboratory|filler images|accuracy test(?:ing|s)?|(?:the|a|this|that) "
                  r"(?:live facial recognition |lfr |algorithm |field )?(?:test|trial of the algorithm))\b[^.]{0,200}$")
# (and a study's "filler images")
_TESTED = re.compile(r"(?i)\b(?:testing|tested|laboratory|npl|chance of a false match|the study|filler images)\b[^.]{0,200}$")


def not_done(after: str) -> bool:
    """Deployments planned that did not happen ("Two further deployments planned for Croydon … did not go ahead")."""
    return bool(_NOT_DONE_AFTER.match(after))


def setting_rate(before: str) -> bool:
    """A rate stated for a threshold setting or measured in testing, not measured in use."""
    clause = re.split(r",\s+(?:and|but|while|whereas)\s+|;", before)[-1]  # "…, and the Met's false alert rate …": its own
    return bool(_THRESHOLD_CLAUSE.search(clause) or _TESTED.search(clause))


_LIMIT_BOUND = re.compile(r"\b(?:limits?|limited|limiting|caps?|capped|capping|restricts?|restricted|allows?|allowed|"
                          r"permits?|permitted)\b[^#.;]{0,60}?\b(?:(?:to|at)\s+)?(?:no more than|not more than|a maximum of|"
                          r"up to|at most)\s+$")


def policy_limit(before: str) -> bool:
    """A policy's bound on a count ("limits LFR to no more than 10 deployments in any week", "allows no more than 8
    deployments"), not "was limited to the 10 trial deployments" (a count)."""
    return bool(_LIMIT_BOUND.search(before))
