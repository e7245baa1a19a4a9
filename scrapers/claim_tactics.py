"""Whose figure it is: LFR's, another tactic's, or another force's.

Owns the rules that keep figures that are not the Met's LFR figures out of
the claims: arrests by every tactic in a passage about a whole operation,
arrests put down to something else, and another force's figures.
Pure. Proof: tests/test_passages.py, tests/evidence/ (benchmarks/claims_real.py).
"""

from __future__ import annotations

import re
from datetime import date

# "South Wales Police, which also uses the technology, made 30 arrests": another force's figures are not the Met's
# ("the Police and Crime Committee", "the London Assembly Police and Crime Committee" are London's own)
_OTHER_FORCE = re.compile(r"\b(?!Metropolitan\b|Met\b|The\b|London\b|Assembly\b|Mayor\b|National\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\s+"
                          r"(?:Police|Constabulary)\b(?!\s+Service|\s+and\s+Crime\b|\s+Chiefs)|\bCity of London Police\b|"
                          r"\b(?:SWP|GMP|BTP|TVP)\b")  # South Wales, Greater Manchester, British Transport, Thames Valley
# "98 arrests in the seven forces using them": the forces named after the figure
# (not a new clause's: "we made seven arrests and we know from those forces who have been using this technology …")
_FORCES_AFTER = re.compile(r"(?i)^(?:(?!\band\s+(?:we|i|it|they|officers)\b)[^#.;:]){0,40}?\b(?:in|by|across|among|from|for)\s+"
                           r"(?:the\s+)?(?:[\w-]+\s+)?(?:other\s+)?"
                           r"(?:police\s+)?forces\b|"
                           # "180 of the 256 deployments recorded nationally"
                           r"^(?:\s+[a-z-]+){1,3}?\s+(?:recorded|made|carried out|reported)\s+nationally\b")
# A release by another force ("Live Facial Recognition leads to 37 arrests in Essex"): its "our vans" are not the Met's
_FORCE_AREA = re.compile(r"\b(?:Essex|South Wales|North Wales|Gwent|Hampshire|Bedfordshire|Northamptonshire|Greater "
                         r"Manchester|West Yorkshire|South Yorkshire|Surrey|Sussex|Kent|Thames Valley|Cheshire|"
                         r"Leicestershire|Cambridgeshire|Hertfordshire|Suffolk|Norfolk|Merseyside|Lancashire|Northumbria|"
                         r"Avon and Somerset|Devon and Cornwall|West Midlands|Staffordshire|Nottinghamshire|"
                         r"Lincolnshire|Cardiff|Clacton|Chelmsford|Southend|Colchester|Basildon|Brighton|Luton|Swansea|"
                         r"Newport|Birmingham|Manchester|Liverpool|Leeds|Sheffield|Bristol|Glasgow|Edinburgh)\b(?!\s+(?:Road|Rd|Street|St|Quays|Lane|Way|Avenue|Gate|Square|Hill|"
                         r"House|Park|Circus|Heath)\b)")  # "on Essex Road", "at Surrey Quays": London streets
# A passage that reports other tactics too (a Carnival weekend: stop and search, knife arches) gives totals that
# are not LFR's: there, an arrest or a stop counts only when its own sentence ties it to LFR and to nothing else
# ("52 of the total arrests were as a result of LFR"). In any passage, a sentence that puts its arrests down to
# something else ("proactive arrests as part of the wider operation") states no LFR figure. Being "part of a wider
# policing operation" is how LFR deployments are described, and does not make a passage mixed.
_OTHER_TACTICS = re.compile(r"(?i)\b(?:stop(?:s)?[- ]and[- ]search(?:es)?|knife arch(?:es)?|dispersal orders?|"
                            r"section 60|search powers|"
                            # an operation's other work: "58 applications for Criminal Behaviour Orders",
                            # "searched 73 people and carried out 11 licensing visits"
                            r"licensing visits?|searched \d+ (?:people|vehicles)|"
                            r"(?:applications?\s+for|applied\s+for|secured|obtained|issued)\s+(?:\d+\s+)?criminal behaviour orders?|"
                            # (not "wanted for breaching a Criminal Behaviour Order": an offence)
                            r"test purchas(?:e|es|ing))\b")
_NOT_LFR = re.compile(r"(?i)\b(?:proactive arrests?|(?:wider|overall|whole|entire|policing)(?:\s+[a-z’']+)?\s+operation|"
                      r"weapons? sweeps?|"
                      r"plain[- ]clothes|ANPR|patrols?|CCTV (?:team|operators?|cameras?|control room)|"
                      # "the Met answered 2.1 million 999 calls … and made more than 80,000 arrests": all policing's
                      r"999 calls|emergency calls|calls for service|homicides?|response times?|public order|on duty)\b")
_ELSEWHERE = re.compile(r"(?i)\bproactive arrests?|\bas part of the (?:wider|overall|whole|entire) operation|"
                        # "over the two days of Carnival, where live facial recognition was not used"
                        r"\b(?:where|when|at which)\s+(?:live facial recognition|lfr|facial recognition)\s+was\s+not\s+used|"
                        r"\b(?:did not|didn't)\s+use\s+(?:live facial recognition|lfr|facial recognition)|"
                        r"\bwithout (?:the use of )?(?:live facial recognition|lfr)\b|"
                        # "this arrest did not follow an LFR alert"
                        r"\b(?:did not|didn't)\s+(?:follow|come from|result from)\s+(?:an?\s+)?(?:lfr\s+|live facial recognition\s+)?"
                        r"alerts?\b|"
                        r"\busing (?:other|conventional|traditional) (?:tactics|means|methods|powers)\b|"
                        r"\bby other (?:tactics|means)\b|"
                        r"\b(?:using|by|with|across) (?:all|every|a range of|a variety of) (?:tactics?|means|methods?|powers?)\b|"
                        # "… the Met's winter night-time economy operation, which has made more than 1,100 arrests for
                        # all offences": the operation's, all policing's ("a policing operation involving more than
                        # 11,500 officers, which made 64 arrests" too)
                        r"\boperation(?:\s+(?:involving|of|with|by|across)\b[^.;()]{0,80}?)?,?\s+(?:which|that)\s+"
                        r"(?:has\s+|have\s+|had\s+)?(?:now\s+|so far\s+)?(?:made|led to|"
                        r"resulted in)\b|\b(?:for|of) all (?:offences|crimes)\b|"
                        # "LFR is one of several tactics used under Operation Nightingale, which has seen 86 arrests"
                        r"\bone of (?:several|a number of|many|a range of|the) (?:tactics|tools|measures)\b[^.;]{0,80}?"
                        r"\b(?:which|that)\s+(?:has|have|had)\s+(?:now\s+|so far\s+)?(?:seen|made|led to|resulted in)\b")
_LFR_TIE = re.compile(r"(?i)\b(?:lfr|(?:live\s+)?facial[- ]recognition|the technology|the cameras?|the system|"
                      r"alerts?|flagged|identifications?|deployments?|watch ?-?lists?|the vans?)\b|"
                      # "officers deployed on Stratford Broadway and at Westfield, and twelve people were arrested"
                      r"\b(?:officers|teams?|we)\s+(?:were\s+)?deployed\s+(?:on|at|in|outside|to)\b|"
                      # "Live Facial Recognition cameras were deployed … They led to 47 arrests": things, not officers
                      r"^\W*(?:they|these|it)\s+(?:led|resulted|contributed)\s+(?:to|in)\b")
_AFTER_LFR_USE = re.compile(r"(?i)\barrested\b[^.;]{0,80}?\b(?:after|following)\s+(?:officers\s+|police\s+)?(?:used|deployed|"
                           r"using|deploying)\s+(?:live\s+facial\s+recognition|lfr)\b")
_GENERAL_METRICS = {"arrests", "engagements"}
# "Newham officers made 115 arrests during a week of action in Stratford": the operation's, unless tied to LFR
_OF_ACTION = re.compile(r"(?i)\b(?:weeks?|days?|month|fortnight) of (?:action|intensification)\b")
_CARNIVAL = re.compile(r"(?i)\bcarnival\b")


# "… made 210 arrests. Those arrests were made using other tactics.": the sentence after disowns the figure before
_DISOWNS = re.compile(r"(?i)^\W*(?:all\s+(?:of\s+)?)?(?:those|these|the|such)\s+(?P<noun>arrests|stops)\b[^.;]{0,40}?\b"
                      r"(?:(?:were|was)\s+(?:all\s+)?(?:made\s+)?(?:by\s+officers\b[^.;]{0,30}?\s)?(?:using|through|with|by)\s+"
                      r"(?:other|conventional|traditional|standard|routine)\s+(?:tactics|means|methods|policing|powers)|"
                      r"did\s+not\s+(?:involve|use|come from|follow)\s+(?:lfr|live facial recognition|facial recognition)|"
                      r"(?:were|was)\s+not\s+(?:linked|related|connected|due)\s+to\s+(?:lfr|live facial recognition|"
                      r"facial recognition))")


def disowned(sentence: str) -> str | None:
    """The metric a sentence says the figure before it was not LFR's ("Those arrests were made using other
    tactics."), or None."""
    m = _DISOWNS.match(sentence)
    return ("arrests" if m["noun"].lower() == "arrests" else "engagements") if m else None


_NO_SUCH = re.compile(r"(?i)\b(?:no|not|without|never)\s+(?:\w+\s+){0,2}$")


# "A separate knife arch operation … led to two further arrests", "Separately, the town centre team … using other
# tactics": a sentence that sets another tactic's work apart from LFR's leaves the passage's other figures LFR's
# ("Officers also carried out 11 stop and searches in the area": work beside the LFR deployment's, counted apart; not
# "Officers also used a knife arch", which may have made some of the arrests)
_SET_APART = re.compile(r"(?i)\bseparate(?:ly)?\b|\balso\s+(?:carried\s+out|made|conducted)\s+(?:a\s+further\s+)?\d+\b|"
                        r"\bother tactics\b|\bwithout (?:the use of )?(?:lfr|live facial recognition|facial recognition)\b")


def reports_other_tactics(text: str) -> bool:
    """Whether a passage reports tactics other than LFR (stop and search, knife arches…) with its own figures; "No
    Section 60 order was in place" reports none, and a sentence that sets them apart ("a separate knife arch
    operation") leaves the rest LFR's."""
    def set_apart(m: re.Match) -> bool:
        start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        end = min(e for e in (text.find(".", m.end()), text.find("\n", m.end()), len(text)) if e >= 0)
        return bool(_SET_APART.search(text[start:end]))
    return any(not _NO_SUCH.search(text[max(0, m.start() - 30):m.start()]) and not set_apart(m)
               for m in _OTHER_TACTICS.finditer(text))


# "Across England and Wales, forces made …", "eleven other forces": figures for more than the Met
_NATIONAL = re.compile(r"(?i)\b(?:other|all|several|many|eleven|ten|twelve|\d+)\s+(?:police\s+)?forces\b|"
                       r"\bacross (?:the country|england(?: and wales)?|the uk|great britain|britain)\b|"
                       r"(?:^|[.:;\"“]\s*)nationally\b|\bthat force\b|\bforces\b(?![’'])")
# "The Metropolitan Police alone made 587 of them": the Met named after the others, its own figure again
_THE_MET = re.compile(r"(?i)\b(?:the met|metropolitan police|the mps|in london|london['’]s)\b|(?-i:\bMet\b|\bMPS\b)")
# Retrospective and operator-initiated facial recognition are other tools: their figures are not LFR's
# (and shops' own systems: "Facewatch … sent more than 43,000 alerts to store staff")
_OTHER_FR = re.compile(r"(?i)\bretrospective\b|\boperator[- ]initiated\b|\bRFR\b|\bOIFR\b|\bfacewatch\b|\bstore staff\b|"
                       r"\bretailers?['’]?\s+(?:own\s+)?(?:systems?|cameras)\b|\bANPR\b|\bnumber[- ]plate|\bdrones?\b|"
                       r"\bknife arch(?:es)?\b")
_LIVE_FR = re.compile(r"(?i)\blive facial recognition\b|\bLFR\b")


_MET_PART = re.compile(r"[;:]|\bof (?:these|them|those)\b|\balone\b")


def another_forces(before: str) -> bool:
    """Whether the words before a figure make it another force's ("South Wales Police … made 30 arrests") or
    every force's ("across England and Wales, forces made …")."""
    others = list(_OTHER_FORCE.finditer(before))
    if others and _MET_PART.search(tail := before[others[-1].end():]) and _THE_MET.search(tail):
        # "The Met and South Wales Police together made 1,100 arrests; of these, the Met made 960" (but the whole of
        # "… the Met accounted for 572 of the 790 arrests" is theirs together)
        return bool(_SHARE_OF_WHOLE.search(before))
    if others or _FORCE_AREA.search(before.split(".")[-1]) and not _THE_MET.search(before):
        return True  # "… the South Wales figures later; they reported 3 alerts at the rugby in Cardiff"
    national = [m.end() for m in _NATIONAL.finditer(before)]
    if national and _SHARE_OF_WHOLE.search(before):
        return True  # "forces in England and Wales …; the Met accounted for … 572 of the 790 arrests": the whole is theirs
    return bool(national) and not _THE_MET.search(before[national[-1]:])  # unless the Met is named after them


_SHARE_OF_WHOLE = re.compile(r"(?i)\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten)\s+of\s+"
                             r"(?:the|all(?:\s+the)?)\s+$")


def forces_after(after: str) -> bool:
    """Whether the words after a figure give it to other forces ("98 arrests in the seven forces using them")."""
    return bool(_FORCES_AFTER.match(after))


def another_forces_story(text: str) -> bool:
    """Whether a statement that never names the Met opens with another force doing something ("Essex Police
    officers arrested nine people after …"): its figures are that force's."""
    return bool(_OTHER_FORCE.match(text.lstrip()[:80]) or _FORCE_AREA.match(text.lstrip()[:80])) \
        and not _THE_MET.search(text)


def another_forces_statement(title: str | None) -> bool:
    """Whether a statement is another force's own (its title names another force or its area, not the Met)."""
    return bool(title) and bool(_OTHER_FORCE.search(title) or _FORCE_AREA.search(title)) and not _THE_MET.search(title)


def names_the_met(sentence: str) -> bool:
    return bool(_THE_MET.search(sentence))


def another_tool(sentence: str) -> bool:
    """Whether a sentence reports retrospective or operator-initiated facial recognition and not LFR."""
    return bool(_OTHER_FR.search(sentence)) and not _LIVE_FR.search(sentence)


# "It's a separate tool from Live Facial Recognition": LFR named only to be set apart
_APART = re.compile(r"(?i)\b(?:separate|different|distinct|unlike|rather than|not|n['’]t)\b")


def tool_talk(sentence: str, block: int, held: int | None) -> int | None:
    """The paragraph (`block`) that speaks of another tool: from a sentence that names one and not LFR ("That's
    operator-initiated facial recognition, OIFR. It's a separate tool from Live Facial Recognition. … In the pilot,
    officers used it 93 times"), through sentences that set LFR apart, until LFR is named for itself or the paragraph
    ends. Its figures that name nothing of LFR's are that tool's."""
    if another_tool(sentence):
        return block
    if held != block or (_LIVE_FR.search(sentence) and not _APART.search(sentence)):
        return None
    return held


def of_tool_talk(sentence: str, block: int, held: int | None) -> bool:
    return held == block and not _LFR_TIE.search(sentence)


def other_tactics_only(sentence: str) -> bool:
    """Whether a sentence speaks only of other tactics ("During the operation, officers carried out 22 stop and
    searches, …, and a dispersal order was authorised for Friday and Saturday evenings"): its days set no scene for
    LFR's figures."""
    return bool(_OTHER_TACTICS.search(sentence)) and not _LFR_TIE.search(sentence)


def tied_to_lfr(sentence: str) -> bool:
    """Whether a sentence speaks of LFR (a list it opens is LFR's: "LFR was deployed on five occasions: ▪ Monday –
    Lewisham: 4 arrests …")."""
    return bool(_LFR_TIE.search(sentence)) and not _OTHER_TACTICS.search(sentence)


def lfr_figure(metric: str, sentence: str, mixed: bool) -> bool:
    """Whether a sentence's figure of `metric` is LFR's: arrests and stops only when tied to it (see
    _OTHER_TACTICS) in a `mixed` passage, and never when put down to something else."""
    if metric not in _GENERAL_METRICS:
        return True
    if _OTHER_TACTICS.search(sentence) or _ELSEWHERE.search(sentence):
        return False
    if _OF_ACTION.search(sentence) and not _LFR_TIE.search(sentence):
        return False
    if _CARNIVAL.search(sentence) and not _LFR_TIE.search(sentence):
        return False  # "the MPS made 423 arrests during Carnival": a whole operation's arrests, unless tied to LFR
    if _NOT_LFR.search(sentence):  # other means named beside: LFR must be named apart from them
        # ("Eight people were arrested … after officers used Live Facial Recognition as part of a wider operation":
        # the arrests the LFR use led to, whatever operation it was part of)
        return (not mixed or bool(_AFTER_LFR_USE.search(sentence))) and bool(_LFR_TIE.search(_NOT_LFR.sub(" ", sentence)))
    return not mixed or bool(_LFR_TIE.search(sentence))


# The Met first used LFR at Notting Hill Carnival in August 2016: a figure wholly before then ("after the riots of
# 2011 … we arrested 5,500 people over 18 months") is another tactic's, whatever the passage goes on to discuss.
LFR_FIRST_USED = date(2016, 8, 1)


def before_lfr(period_end: date | None) -> bool:
    """Whether a figure's period ends before the Met ever used LFR."""
    return period_end is not None and period_end < LFR_FIRST_USED
