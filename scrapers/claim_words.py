"""The words a figure's metric is read from: nouns after a number, who is counted, what an alert is called.

Shared by claim_figures.py (counts) and claim_rates.py (rates): which noun
after a number names which metric ("alerts", "false alerts", "faces"),
the modifiers that change nothing ("system alerts", "further arrests"),
the words for the people counted, and the words that mark a figure false.
Pure vocabulary: regexes and tables, no logic.
"""

from __future__ import annotations

import re

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
    ("alert", ALERT_NOUN),
    ("engage", r"engagements?|stops|interventions"),
    ("arrest", r"arrests?"),
    ("deploy", r"deployments?"),
    ("trial", r"(?:trials?|operations)\b(?= of| in| at| deployments?|[,.;]|$)"),
    ("occasion", r"times|occasions"),
]]

METRICS = {"faces": "faces_seen", "alert": "alerts_total", "arrest": "arrests", "deploy": "deployments", "trial": "deployments",
            "occasion": "deployments", "watchlist": "watchlist_size", "false_engage": "false_alert_engagements",
            "false": "false_alerts", "true": "true_alerts", "engage": "engagements"}

FALSE_WORD = re.compile(r"\b(?:false|mis-?identif|incorrect|inaccurate|wrong|mistaken|erroneous)")
