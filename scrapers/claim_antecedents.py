"""The words by which a number counts what was named before it, or answers what was asked.

Owns the vocabulary claim_figures.py reads a number's category from when
the number has no noun of its own: a total brought to ("bringing the total
to four"), "the number of arrests was 44", "arrests rose from 272 … to
300", "Dalston saw the most arrests, with eight", "there were a further
187", "it led to 571", "In the Met, the figure was 510", an answer that
opens with its count ("Three times since April."), "out of 360" after false
alerts. Pure vocabulary: patterns over a sentence whose other numbers are
"#n#" and whose scope phrases are blanked.
"""

from __future__ import annotations

import re

from scrapers.claim_numbers import QUALIFIERS

# "bringing the number of arrests from the deployment to four", "the total number of alerts was 52"
TOTAL_TO = re.compile(rf"\b(?:took|takes|take|brought|brings|bring|bringing|taking)\s+the\s+(?:overall\s+|running\s+)?"
                       rf"(?:total|number|tally|count)\b[^#;.]{{0,50}}?\bto\s+(?:(?:{QUALIFIERS})\s+)?$")
# "the total number of arrests was 44", "the highest number of arrests, 44,", "the number of arrests I gave, 19,"
# … "The number of deployments rose from 23 in 2023 to 180 in 2024": both
NUMBER_OF = re.compile(rf"\b(?:total|number|count|tally)\s+of\s+(?P<noun>[a-z ]{{3,30}}?)(?:\s+(?:[^#;.]{{0,40}}?\s)?"
                        rf"(?:was|were|is|are|stood at|stands at|reached|rose to|came to|to|as|"
                        rf"(?:rose|fell|increased|decreased|dropped|grew|climbed|went\s+up|went\s+down)(?:\s+[a-z]+){{0,3}}?\s*,?\s+"
                        rf"(?:from\s+#\d+#[^#;.]{{0,60}}?\s+)?(?:to|from))\s+|(?:\s+[a-z ]{{1,20}})?,\s*)"
                        rf"(?:(?:{QUALIFIERS})\s+)?$")
# "and the arrests were north of 120", "arrests totalled 120"
# … "deployments rose slightly, to 90", "False alerts fell sharply over the same months, to just two"
# "Dalston saw the most arrests, with eight"
MOST_WITH = re.compile(rf"\b(?:the\s+)?(?:most|highest\s+number\s+of|largest\s+number\s+of)\s+(?:lfr\s+)?(?P<noun>false alerts|alerts|"
                        rf"arrests|deployments)\b[^#.;]{{0,30}}?,?\s+with\s+(?:#\d+#\s*,?\s*(?:and\s+)?)*(?:(?:{QUALIFIERS})\s+)?$")
NOUN_WAS = re.compile(rf"(?:^|[,;:]\s+|\b(?:and|that|while|whereas)\s+|\bthe\s+|\s{{6}}|\b(?:lfr|recognition|its|our|their)\s+)"
                       rf"(?P<noun>arrests|alerts|false alerts|deployments)(?:,?\s{{6,}},?)?"
                       # "arrests following an LFR alert rose from 272 …"
                       rf"(?:\s+(?:following|after|from)\s+(?:an?\s+)?(?:lfr\s+|live facial recognition\s+)?"
                       rf"(?:alerts?|deployments?|matches?))?"
                       rf"\s+(?:were|are|numbered|"
                       rf"totall?ed|stood at|came to|reached|(?:rose|fell|increased|decreased|dropped|grew|climbed)"
                       # "… rose from 23 in 2023 to 180 in 2024": both
                       rf"(?:\s+[a-z]+){{0,5}}?\s*,?\s+(?:from\s+#\d+#[^#;.]{{0,60}}?\s+)?(?:to|from))\s+(?:just\s+|only\s+)?"
                       rf"(?:(?:{QUALIFIERS})\s+)?$")
# "… led to 164 arrests, and between April and June there were a further 187.": the figure before, again
FURTHER = re.compile(r"\bthere\s+(?:were|was|have\s+been|had\s+been)\s+(?:a\s+further|another|an\s+additional)\s+$")
# "it led to 571.", "it has led to a further 726.": a figure of what the sentence before counted
# "In the previous financial year it was 63": the figure before, for another scope
SUBJECT_NOUN = re.compile(r"^\W*(?:[a-z][a-z .'’()-]{1,60}:\s*)?(?:the\s+)?(?P<noun>false alerts|alerts|arrests|deployments)\b")
PLACE_BETWEEN = re.compile(r"^\s+(?:(?:in|at|on|from)\s+[^#,.;]{1,40}?|there|that day|then)(?=\s+(?:were|was)\b)")
IT_WAS = re.compile(rf"\b(?:(?:it|that)\s+(?:(?:has|had)\s+)?(?:now\s+)?(?:was|is|stood at|came to|made|recorded)|we\s+did|"
                     # "The figure given previously, 35, should have read 40": the figure in hand, corrected
                     rf"should\s+have\s+(?:read|said))\s+(?:(?:{QUALIFIERS})\s+)?$")
LED_TO = re.compile(rf"\b(?:it|this|they|that|lfr|the technology)\s+(?:has\s+|have\s+|had\s+)?(?:led|resulted)\s+(?:to|in)\s+"
                     rf"(?:a further\s+|another\s+)?(?:(?:{QUALIFIERS})\s+)?$")
# An answer that opens with its count ("Three times since the start of April.", "On four occasions.", "Twelve.")
# "the mayor: …", "lindsey chiswick: …", "lindsey chiswick (director of intelligence, mps): …"
SPEAKER = r"(?:[a-z][a-z .'’-]{1,40}(?:\s*\([^()]{1,60}\))?:\s*)?"
OPENS = re.compile(rf"\s*{SPEAKER}(?:and\s+)?(?:(?:it|that)(?:['’]s| is| was)\s+|we(?:['’]re| are)\s+(?:at\s+)?)?"
                    rf"(?:(?:on|in|just|only|a total of)\s+)?"
                    rf"(?:(?:{QUALIFIERS})\s+)?")  # after a speaker's name
SPEAKER_ONLY = re.compile(rf"\s*{SPEAKER}")  # nothing before the number but who is speaking
ELLIPSIS = re.compile(r"(?:[;:]|,\s+and|\band)\s{6,},?\s*(?:(?:another|a further)\s+)?$")
# "In Lewisham there were 40.", "In 2023 there were 40.", "Across London there were 587.": the figure before, for the
# place or period the sentence opens with (blanked, when a period)
THERE_WERE = re.compile(rf"^\W*(?:(?P<place>(?:in|at|across|on|for)\s+[^#.;:,]{{1,40}}?)|\s{{4,}}),?\s*there\s+"
                        rf"(?:were|was|have\s+been|had\s+been)\s+(?:(?:{QUALIFIERS})\s+)?$")
# "In Lewisham, 8 people were arrested; in Catford, 6.": the figure before, for another place (the place phrase
# must be one the sentence's places were read from)
PLACE_ELLIPSIS = re.compile(r"(?:;|,\s+and|\band|\bwhile|\bwhereas)\s+(?:and\s+)?(?P<place>(?:in|at|from|for)\s+[^#;:.,]{1,40}?)"
                            r"\s*,\s*(?:(?:another|a further)\s+)?$")
PERIOD_THEN = re.compile(rf"\s*{SPEAKER}(?:and\s+)?(?:\s{{6,}}(?:of|in))*\s{{6,}},?\s*(?:(?:another|a further)\s+)?"
                          r"(?:(?:we|it)(?:['’]re|['’]s| are| is)\s+)?"  # "This year we're north of 400"
                          rf"(?:(?:{QUALIFIERS})\s+)?")
BARE_FOR_PERIOD = re.compile(r"^\s{6,}(?:[.;:!]|$)")  # the period phrase is masked out: blanks
# "Seven false alerts across London in that time, out of 360.": the alerts they were among
OUT_OF = re.compile(r"\bout of\s+(?:a total of\s+)?$")
BARE = re.compile(r"^\s*(?:or so\b|or thereabouts\b)?\s*(?:(?:people|persons|individuals)\s*)?(?:,\s*[a-z]+\s*)?(?:(?:in total|altogether|overall|so far|to date)\s*)?"
                   r"(?:[.;:,!—–-]|$)")
# "In the Met, the figure was 510": the figure named before, for another scope
THE_FIGURE = re.compile(rf"\b(?:(?:it|this|that) should have (?:read|said|been)\s+(?:(?:{QUALIFIERS})\s+)?$|"
                        rf"(?:the|that|this) (?:equivalent |corresponding |comparable |correct |corrected |right |actual |revised |"
                         rf"accurate )?(?:figure|number|total)\s+(?:was|is|stood at|should have been|should be|"
                         rf"came to|were)\s+(?:(?:{QUALIFIERS})\s+)?$)")
