"""Places and deployment selections named in one sentence of a statement.

Owns the words that scope a figure to places ("at Oxford Circus", "at two
sites in Kingston town centre", "in Westminster", "the Hammersmith
deployment", "from the Lewisham deployment") and to a named set of
deployments ("the first two deployments of 2020", "the two deployments",
"these deployments", "both deployments", "at two sites"). A place is kept
as written, without generic trailers ("Borough", "Area"; "High Street"
stays: it is part of names such as "High St, Sutton"; so does "town
centre": "Croydon town centre" is the town, not the borough of Croydon,
which also holds Thornton Heath). Which rows a place means is
decided against the records (warehouse/claim_scope.py), not here.
Pure: no I/O. Proof: tests/test_claims.py, tests/test_passages.py.
"""

from __future__ import annotations

import re

from schemas.places import area_named, areas_of
from scrapers.claim_numbers import NUMBER_WORD
from scrapers.claim_periods import Phrase

_PLACE = (r"(?:St\.?\s+)?[A-Z][\w'’&-]*(?:\s+(?:upon\s+|on\s+(?=Thames)|de\s+|le\s+)?(?:[A-Z][\w'’-]*|&))*"
          r"(?:\s+town\s+cent(?:re|er)\b)?")  # "Croydon town centre": the town, not the borough
# "on Sutton High Street", "along Oxford Street": "on" names a place only before a street's name
_STREET = (r"(?:[A-Z][\w'’-]*\s+){1,3}(?:Street|St\b\.?|Road|Rd\b\.?|High\s+Street|High\s+Road|Lane|Avenue|Broadway|Parade|Way|Square|End|"
           r"Hill|Green|Walk|Row|Place|Terrace|Circus|Gate|Mall)\b")
_LIST_SEP = r"\s*,\s*and\s+(?:neighbouring\s+|nearby\s+)?|\s*,\s*|\s+and\s+(?:neighbouring\s+|nearby\s+)?"  # "Barking and neighbouring Dagenham"
# "in the London Boroughs of Lewisham and Greenwich", "in the borough of Croydon": the boroughs named
_BOROUGHS_OF = re.compile(rf"\b(?i:in|across|within)\s+(?i:the\s+)?(?:(?i:london)\s+)?(?i:boroughs?)\s+(?i:of)\s+"
                          rf"(?P<places>{_PLACE}(?:(?:{_LIST_SEP}){_PLACE})*)")
# "the following figures for Lewisham", "The breakdown for Croydon town centre is": the place the figures are for
_FIGURES_FOR = re.compile(rf"\b(?i:figures|data|numbers|statistics|breakdown|totals?)\s+(?i:for)\s+(?:(?i:the)\s+)?"
                          rf"(?P<places>{_PLACE}(?:(?:{_LIST_SEP}){_PLACE})*)")
# "Camden High Street produced six alerts and one arrest": a place that opens the sentence, as what produced them
# (after the places a preposition names: not the last of "in Oxford Circus, Wembley and Stratford generated …")
_PLACE_PRODUCED = re.compile(rf"^\s*(?:[A-Z][^:.]{{1,60}}:\s+)?(?!(?:The|This|That|These|Those|It|They|We)\b)"
                             rf"(?P<places>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*(?:\s+town\s+centre)?)(?=\s+(?:produced|generated|yielded)\b)")
# "I would also point to Thornton Heath: the Met went once": the place a speaker turns to
_TURN_TO = re.compile(rf"\b(?i:point\s+to|turn\s+to|look\s+at|come\s+to)\s+(?P<places>{_PLACE})(?=\s*:)")
# "on Rushey Green in Catford and George Street in Croydon": a list's street may say its town
_IN_TOWN_ITEM = rf"{_PLACE}(?:\s+in\s+{_PLACE}(?=\s*(?:[,.;:)]|\s+(?-i:[a-z])|$)))?"
_FIRST_IN_TOWN = rf"{_PLACE}(?:\s+in\s+{_PLACE}(?=\s+and\s+(?-i:[A-Z])))?"  # (the list goes on with another street)
_LOCATION = re.compile(
    rf"\b(?:(?i:at|in|outside|near|around|across|in\s+the\s+vicinity\s+of|close\s+to|next\s+to|visited|"
    rf"(?:returned|moved|went(?:\s+back)?|headed|travelled|came\s+back|(?:first\s+)?came|arrived|been(?:\s+back)?|brought\s+(?:it|lfr|them|the\s+(?:technology|"
    rf"cameras|vans))(?:\s+back)?|visits?|trips?|(?:taken|took|brought)\s+(?:(?:its|the|their|our)\s+(?:lfr\s+)?(?:vans?|cameras?)|lfr|live\s+facial\s+recognition"
    rf"(?:\s+\(lfr\))?|the\s+technology)(?:\s+back)?|this\s+time)\s+(?:to|into)|"
    # "The busiest location was Kingsland High Street in Dalston, where …"
    rf"(?:location|site|deployment|place|spot)\s+(?:was|is)(?=\s+(?!the\b|a\b|an\b)[A-Z]))(?:\s+(?i:neighbouring|nearby|neighboring))?|"
    rf"(?i:on|along)(?=\s+{_STREET}|\s+(?i:the)\s+Broadway\b))\s+(?:(?i:the)\s+)?"
    rf"(?P<places>{_FIRST_IN_TOWN}(?:(?:{_LIST_SEP}){_IN_TOWN_ITEM})*)")
# "the Hammersmith deployment", "from the Lewisham and Bromley deployments", "Croydon's deployment"
_NAMED_DEPLOYMENT = re.compile(
    rf"(?:\b(?i:the|a|an|its|our)|['’]s)\s+(?:(?P<n>(?i:two|three|four|five|six|\d{{1,2}}))\s+)?(?P<places>{_PLACE}(?:(?:{_LIST_SEP}){_PLACE})*)(?:['’]s)?\s+(?i:lfr\s+|live\s+facial\s+"
    r"recognition\s+|facial\s+recognition\s+)?(?i:deployments?|operations?|arrests|alerts)\b")
# "Croydon's fixed cameras went live on 1 October", "Hackney's deployments"
_POSSESSIVE = re.compile(rf"(?<![\w'’])(?P<places>{_PLACE})['’]s\s+(?=(?i:(?:fixed|static|permanent|new|lfr|live facial "
                         r"recognition|facial recognition)\s+)*(?i:cameras|deployments?|pilot|operations?|vans?)\b)")
# "Croydon (97), Lambeth (63) and Newham (58)": a place with its own count in brackets
_BRACKETED_COUNT = (rf"(?:\d[\d,]*|{NUMBER_WORD})\s+(?:lfr\s+)?(?:deployments?|arrests?|alerts?|false\s+alerts?)")
_BRACKETED = re.compile(rf"(?<![\w(])(?P<places>{_PLACE})(?=\s*\(\s*(?!(?:19|20)\d\d\s*\))(?:\d[\d,]*\s*|"
                        # "Newham (29 deployments)", "Wembley (four alerts, two arrests)"
                        rf"{_BRACKETED_COUNT}(?:\s*(?:,|and)\s*{_BRACKETED_COUNT})*\s*)\))")
_NUM = rf"(?!(?:19|20)\d\d\b)(?:\d[\d,]*|{NUMBER_WORD})\b"
# "Croydon 12 and Southwark nine", "(Croydon 14, Southwark 10)", "with Sutton on 15": places each with its count
# ("Stratford Broadway three times, Westfield Stratford once, East Ham four times": a count of times too)
_NUMT = rf"(?:{_NUM}(?:\s+times\b)?|(?i:once|twice)\b)"
_PLACE_COUNTS = re.compile(rf"(?<![\w'’])(?:{_PLACE})\s+{_NUMT}(?:(?:{_LIST_SEP})(?:{_PLACE})\s+{_NUMT})+|"
                           rf"\bwith\s+{_PLACE}\s+on\s+{_NUM}|"
                           rf"(?<=\band\s)(?=[A-Z][a-z]){_PLACE}\s+{_NUM}(?=\s*(?:[,.;)]|$))")  # "… 14 deployments and Southwark nine"
_PLACE_COUNT = re.compile(rf"(?P<places>{_PLACE})(?=\s+(?:on\s+)?{_NUMT})")
# "Croydon saw the most deployments (28)", "Croydon also recorded 44 arrests": a place the sentence is about
_SUBJECT_PLACE = re.compile(rf"(?:^(?:[A-Z][^:.]{{1,60}}:\s+)?|(?<=,\s)|(?<=\bthat\s)|(?<=\bwhile\s)|(?<=\bwhereas\s)|(?<=\bmeans\s)|(?<=:\s[\s\u201c\x22]))\s*(?!(?:We|They|There|It|This|That|These|Those|He|She|You|I|Officers|"
                            rf"Police)\b)(?P<places>[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+)*(?:\s+town\s+centre)?)"
                            # "Thornton Heath, outside the town centre, saw two further deployments"
                            rf"(?=(?:,\s+[a-z][^,.;:]{{1,40}},)?\s+(?:also\s+|alone\s+|again\s+|itself\s+)?(?:saw|recorded|had|hosted|accounted\s+for|topped|was|were|is|"
                            rf"has\s+(?:now\s+|also\s+)?(?:seen|had|hosted))\b)"
                            # "Walthamstow - we went twice in April", "The Mayor: Stratford - we went four times": a place
                            # the speaker turns to
                            # ("Results: Woolwich – 9 arrests; Catford – 6 arrests": each clause's)
                            rf"|(?:^\s*(?:[A-Z][^:.]{{1,60}}:\s+)?|(?<=;\s))(?P<topic>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)(?=\s+[-–—]\s)")
_NOT_PLACES = set(
    "january february march april may june july august september october november december jan feb mar apr jun "
    "jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday london greater uk "
    "england britain wales scotland europe the this that these those it its our my their his her we i he she "
    "they met mps metropolitan police mayor mayor's assembly gla lfr afr live facial automatic home government "
    "parliament court data information commissioner question section annex appendix table total answer my "
    "response addition particular order line future summary general practice public first second third last "
    "latest previous recent initial next final a an all each every both one two three four five six seven eight "
    "nine ten however overall officers as since during following its capital city country nation england's "
    "metropolitan met's figure figures page pages item items chart graph paragraph chapter part phase stage level tier "
    "week weeks day days year years month months quarter category group round wave option q trooping coronation "
    "jubilee university".split())  # events and institutions, not places
_TRAILERS = re.compile(r"(?<![Tt]own)\s+(?:Centre|Borough|Area)$")

_ORDINALS = {"first": "first", "initial": "first", "earliest": "first", "opening": "first", "last": "last",
             "latest": "last", "final": "last", "most recent": "last", "previous": "last"}
_ORDINAL = "|".join(sorted(_ORDINALS, key=len, reverse=True))
_COUNT_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_MODS = r"(?:(?:lfr|\(lfr\)|live facial recognition|facial recognition|operational|trial|pilot|separate|recent|further|" \
        r"different|individual|successful|previous|overt|completed|full|operational)\s+)*"
_SELECTION = re.compile(
    rf"(?i)\b(?P<det>the|these|those|both|its|their|our|all(?: of)?(?: the| its| these)?|each(?: of the| of these)?|every)\s+"
    rf"(?P<ordinal>(?:{_ORDINAL})\s+)?(?:(?P<count>\d+|{NUMBER_WORD})\s+)?{_MODS}(?P<noun>deployments?)\b")
_BARE_ORDINAL = re.compile(rf"(?i)(?<![\w'’])(?:from|after|in|of|during|at)\s+(?P<ordinal>first|last|latest|opening)\s+"
                           rf"(?:(?P<count>\d+|{NUMBER_WORD})\s+)?{_MODS}deployments\b")
# "at two sites", "across two deployments", "two deployments in Sutton and Woolwich"
_COUNTED = re.compile(
    rf"(?i)\b(?:(?P<prep>at|across|during|over|in|from)\s+)?(?<![\d,.])(?!(?:19|20)\d\d\s+(?:trial|pilot|deployment))(?P<count>\d{{1,3}}(?:,\d{{3}})+|\d+|{NUMBER_WORD})\s+{_MODS}"
    r"(?P<noun>deployments|sites|locations)\b")


def _count(text: str | None) -> int | None:
    if not text:
        return None
    digits = text.replace(",", "")
    return int(digits) if digits.isdigit() else _COUNT_WORDS.get(text.lower())


# Boroughs whose names hold "and": one place, not two
_COMPOUND = re.compile(r"\b(?:Hammersmith and Fulham|Barking and Dagenham|Kensington and Chelsea)\b")


def street_in_town(places: list[str]) -> list[str]:
    """"North End, Croydon", "Croydon, George St": one place, a street with the town that says where it is (a town
    beside a street is no second place); other lists as they are."""
    street = [p for p in places if STREETISH.search(p) and area_named(p) is None]
    town = [p for p in places if p not in street and not STREETISH.search(p) and areas_of(p)]
    if len(places) == 2 and street and town:
        return [f"{street[0]}, {town[0]}"]
    # "Westfield, Stratford" (a table's cell, as the records print it): a place with the town it is in, one place
    if len(places) == 2 and area_named(places[0]) is None and (town_areas := areas_of(places[1])) \
            and not STREETISH.search(places[1]) and (not areas_of(places[0]) or areas_of(places[0]) & town_areas):
        return [f"{places[0]}, {places[1]}"]
    return list(places)


def _town_possessive(place: str) -> str:
    """"Romford's South Street", "Croydon's North End": the street, with its town."""
    m = re.fullmatch(r"(?P<town>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)['’]s\s+(?P<street>[A-Z].*)", place)
    return f"{m['street']}, {m['town']}" if m and STREETISH.search(m["street"]) and areas_of(m["town"]) else place


def _places(text: str) -> tuple[str, ...]:
    keep = {m[0].replace(" and ", " \x00 "): m[0] for m in _COMPOUND.finditer(text)}
    for joined in keep:
        text = text.replace(keep[joined], joined)
    places = [_TRAILERS.sub("", re.sub(r"['’]s$", "", p.strip())).replace(" \x00 ", " and ") for p in re.split(_LIST_SEP, text)]
    # "on Rushey Green in Catford and George Street in Croydon": each street with its town
    places = [(f"{m[1]}, {m[2]}" if STREETISH.search(m[1]) and areas_of(m[2]) else m[1])
              if (m := re.fullmatch(r"(.+?)\s+in\s+([A-Z].*)", p)) else p for p in places]
    # "Neighbouring Ilford saw 16 alerts": Ilford
    places = [_town_possessive(re.sub(r"^(?:Neighbouring|Neighboring|Nearby)\s+(?=[A-Z])", "", p)) for p in places]
    places = [p for p in places if not _NO_PLACE_WORDS.fullmatch(p)  # "the East Area" (a command unit), "the West"
              and not _BODY.search(p)]  # "Greenwich Safer Neighbourhood Board": who met, not where
    if re.fullmatch(r"[^,]+,\s*[^,]+", text.strip()):
        places = street_in_town(places)
    return tuple(p for p in places if p and (re.sub(r"['’]s$", "", p.split()[0].lower().rstrip(".")) not in _NOT_PLACES
                                             or re.match(r"(?i)seven (?:sisters|kings|dials)\b", p)
                                             or re.match(r"London (?:Road|Rd|Bridge|Fields|Wall)\b", p)  # streets
                                             or (p.startswith("The ") and bool(areas_of(p)))  # "The Mall"
                                             or re.fullmatch(r"The (?:Broadway|High Street|Parade|Green)", p)))


_BODY = re.compile(r"\b(?:Board|Committee|Panel|Council|Forum|Partnership|Group|Authority|Commission|Crown Court|"
                   r"Magistrates['’]? Court)$")
_NO_PLACE_WORDS = re.compile(r"(?i)(?:north|south|east|west|central)|q[1-4]|h[12]|fy")  # … and "In Q3", "In FY 2024-25"
# ("in the South East this week": a command unit's area, which no row names, is kept as a place so that the figure
# goes to review rather than being read for all London)
_WHOSE = re.compile(r"(?i)\b(?:officers|police|teams?|colleagues|neighbourhood officers)\s+$")
# "Chief Superintendent …, who leads policing in Barking and Dagenham, Havering and Redbridge, said": the speaker's
# remit, not where the figure is
_REMIT = re.compile(r"(?i)\b(?:who\s+(?:leads|heads|commands|oversees|runs|is responsible for)|responsible for|commander for|"
                    r"lead for)\s+(?:(?:local\s+|neighbourhood\s+|frontline\s+)?policing\s+)?(?:(?:in|for|across)\s+)?$")
# "Powis Street in Woolwich, where the cameras were deployed on 3 and 12 December, accounted for eight arrests"
_PLACE_WHERE = re.compile(rf"^\s*(?!(?:In|At|On|Outside|Near|Around|Across|Along)\b)(?P<places>{_PLACE})(?=(?:\s+in\s+[A-Z][\w'’-]+)?,\s+where\b)")
STREETISH = re.compile(r"\b(?:Street|St|Road|Rd|Lane|High|Broadway|B’way|Avenue|Ave|Square|Parade|Way|End|Green|Circus)\b")
# "… this week - South Street, Romford on Tuesday and Ilford High Street yesterday": places each with its day, after a
# dash or a colon
_PLACE_THEN_DAY = re.compile(rf"(?:(?<=[-–—:]\s)|(?<=\band\s)|(?<=\band\son\s)|(?<=\band\sat\s))(?P<places>{_PLACE}(?:,\s+{_PLACE})?)"
                             r"(?=\s{4,}(?:[.,;(]|and\b|$))")  # (the day is blanked out by then: only spaces)
# "on 5 April (Lewisham), 23 April and 20 August (both Catford)": each day's place in brackets after it (the days
# blanked out by then)
# "at the following locations: Brixton (3 February), Peckham (12 February) and Croydon (19 and 26 February)": each
# place with its days in brackets after it (the days blanked out by then)
_PLACE_THEN_BRACKETED_DAY = re.compile(rf"(?<![\w'’])(?P<places>{_PLACE})(?=\s*\((?:\s|,|and\b|&)*\s{{4}})")
_DAY_THEN_PLACE = re.compile(rf"(?<=\s{{4}})\(\s*(?:(?i:both|all|each|also)\s+)?(?P<places>{_PLACE}(?:,\s+{_PLACE})?)\s*\)")
# "Westminster accounted for 17 of the total, and Croydon town centre for 15": a place with its share, the verb elided
_AND_PLACE_FOR = re.compile(rf"(?:(?<=\band\s)|(?<=,\s))(?P<places>{_PLACE})(?=\s+for\s+(?:\d|(?i:{NUMBER_WORD})\b))")
# "Sutton: 4 deployments, 9 arrests": an answer's line of figures for a place
# "Dalston, 11 July 2023: 10 alerts", "Woolwich (Tuesday): 9 arrests", "Tuesday – Peckham, Rye Lane: 3 arrests" (the
# dates blanked out by then), after
# a speaker's name ("LINDSEY CHISWICK: Stratford Broadway, on the Wednesday: 20 alerts")
_LABEL_PLACE = re.compile(rf"^(?:[A-Z][A-Za-z .'’()-]{{1,60}}:\s+)?[\s,]*(?:[-–—]\s*)?(?P<places>{_PLACE}(?:,\s+{_PLACE})?)(?=,?(?:\s|,|\band\b|&|\bon\b|\bthe\b|\(\s*\))*:\s*(?:(?:approx\S*|around|over|"
                          rf"about)\s+)?\d)|"
                          # "Tuesday: North End.", "Yesterday: George Street and North End together.": a post's label line
                          rf"^\s*:\s+(?P<alone>{_PLACE}(?:(?:{_LIST_SEP}){_PLACE})*)(?=(?:\s+together)?\s*\.?\s*$)")


# "10 December 2024: Camden High Rd, 2 alerts, 1 arrest", "12/12: North End, Croydon, 11 alerts": a day's line, its place
_DAY_LABEL_PLACE = re.compile(r"(?<=:\s)(?P<places>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}"
                              r"(?:,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})?)(?=,\s*\d)")
_DAY_LABEL = re.compile(r"^\s*(?:[-•*]\s*)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+(?:\s+(?:19|20)\d{2})?|"
                        r"\d{1,2}/\d{1,2}(?:/\d{2,4})?|\s{4,})\s*:\s$")  # (the day blanked, as a period)


def _known(places: tuple[str, ...]) -> tuple[str, ...]:
    """The places a bare name can be: those the gazetteer knows (schemas/place_areas.csv), as no preposition says
    that "Croydon 12" names a place."""
    return tuple(p for p in places if areas_of(p) or area_named(p))


# "Across the capital, the Met deployed the technology 50 times": all of London, not the places named before
_LONDON_WIDE = re.compile(r"(?i)\b(?:across|throughout|in|all over|around)\s+(?:the\s+(?:capital|city|whole of london|met)|"
                          r"(?:all of |the whole of |greater )?london)\b(?!\s+(?:borough|road|bridge))|\blondon-wide\b")


# "The cameras were sited on Piccadilly, at Savoy Place and …": "on" before a one-word street the gazetteer knows
_ON_KNOWN = re.compile(r"\b(?i:on|along)\s+(?P<places>(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
                       r"[A-Z][a-z]{3,})(?=\s*(?:[,.;:)]|\s+and\b|\s+(?:on|in|at)\s|$))")

# "The busiest was Stratford Broadway on the 16th, with 24 alerts": a known place named as the one that stood out
_STOOD_OUT = re.compile(rf"(?i:\b(?:busiest|biggest|largest|quietest|top|most\s+(?:productive|successful|effective))"
                        r"(?:\s+(?:deployment|site|day|location|place|one|of\s+(?:them|these|those|the\s+\w+)))?"
                        r"\s+(?:was|were)\s+(?:(?:at|in|on|outside)\s+)?(?:the\s+)?)"
                        rf"(?P<places>{_PLACE})")


def find_locations(text: str) -> list[Phrase]:
    """Places named after "at", "in", "outside", "near" or "around", before "deployment", or with a count in
    brackets ("Croydon (12)"); "across the capital" is all of London (a phrase with no places)."""
    found = [Phrase(m.start(), m.end(), "location", places=()) for m in _LONDON_WIDE.finditer(text)]
    counted: list[Phrase] = []  # the count a named set of deployments gives ("the two Newham deployments")
    for m in _PLACE_COUNTS.finditer(text):
        for each in _PLACE_COUNT.finditer(m.group()):
            if places := _known(_places(each["places"].removeprefix("with "))):
                found.append(Phrase(m.start() + each.start(), m.start() + each.end(), "location", places=places,
                                    split=True))
    for pattern in (_BOROUGHS_OF, _TURN_TO, _BRACKETED, _NAMED_DEPLOYMENT, _LABEL_PLACE, _DAY_LABEL_PLACE, _PLACE_WHERE,
                    _SUBJECT_PLACE, _POSSESSIVE, _LOCATION, _PLACE_THEN_DAY, _AND_PLACE_FOR, _DAY_THEN_PLACE,
                    _FIGURES_FOR, _PLACE_PRODUCED, _ON_KNOWN, _STOOD_OUT, _PLACE_THEN_BRACKETED_DAY):
        for m in pattern.finditer(text):
            if any(p.start < m.end() and m.start() < p.end for p in found):
                continue
            places = _places(m["places"] or m["topic"]) if pattern is _SUBJECT_PLACE else \
                _places(m["places"] or m["alone"]) if pattern is _LABEL_PLACE else _places(m["places"])
            if pattern in (_SUBJECT_PLACE, _PLACE_PRODUCED):  # a bare name at a sentence's start ("Cameras saw …" is none)
                places = _known(places)
            elif pattern is _LABEL_PLACE:  # a line's label: a street or a known place ("Total: 26" is none)
                places = tuple(p for p in places if STREETISH.search(p) or _known((p,)))
            elif pattern in (_ON_KNOWN, _STOOD_OUT):
                places = _known(places)
            elif pattern in (_PLACE_THEN_DAY, _AND_PLACE_FOR, _DAY_THEN_PLACE, _FIGURES_FOR, _PLACE_THEN_BRACKETED_DAY):  # a street or a known place, not any
                # capitalised words
                places = tuple(p for p in places if STREETISH.search(p) or _known((p,)))
            elif pattern is _DAY_LABEL_PLACE:  # only on a line a day labels
                places = tuple(p for p in places if STREETISH.search(p) or _known((p,))) \
                    if _DAY_LABEL.match(text[:m.start()]) else ()
            elif pattern is _PLACE_WHERE:
                places = tuple(p for p in places if STREETISH.search(p)) or _known(places)
            if places:
                found.append(Phrase(m.start(), m.end(), "location", places=places, split=pattern is _BRACKETED))
            if places and pattern is _NAMED_DEPLOYMENT and m["n"]:  # "the two Newham deployments": how many, too
                counted.append(Phrase(m.start(), m.end(), "selection", count=_count(m["n"]), anaphor=True))
    found.sort(key=lambda p: p.start)
    found = _whose_and_remit(found, text)
    return sorted(found + counted, key=lambda p: p.start)


def _whose_and_remit(found: list[Phrase], text: str) -> list[Phrase]:
    """The places left once whose officers, a speaker's remit and a place that only says where another is are out."""
    if len(found) > 1:  # "Officers in Wandsworth have used LFR … outside Tooting Broadway station": whose officers
        found = [p for p in found if not (_WHOSE.search(text[:p.start]) and re.match(r"(?i)in\s", text[p.start:p.end]))] \
            or found  # "Officers in Wandsworth": whose officers; "officers at Westfield": where they were
    found = [p for p in found if not _REMIT.search(text[max(0, p.start - 60):p.start])]
    # "on Oxford Street in the West End", "outside the station in Tooting": the second only says where the first is
    return [p for i, p in enumerate(found) if not (
        i and not p.split and not found[i - 1].split and re.fullmatch(r"\s*", text[found[i - 1].end:p.start])
        and re.match(r"(?i)in\s", text[p.start:p.end]))]


def find_selections(text: str) -> list[Phrase]:
    """Named sets of deployments ("the first two deployments", "both deployments", "at two sites")."""
    found = []
    for m in _SELECTION.finditer(text):
        det = m["det"].lower()
        count = _count(m["count"]) if m["count"] else (2 if det == "both" else None)
        if count is None and m["noun"].lower() == "deployment" and det in ("the", "this", "that"):
            count = 1
        ordinal = _ORDINALS[" ".join(m["ordinal"].lower().split())] if m["ordinal"] else None
        # ("across all four deployments": the set named before, like "both deployments")
        anaphor = ordinal is None and (det in ("the", "these", "those", "both") or det.startswith("all")) \
            or det.startswith("each of these")
        found.append(Phrase(m.start(), m.end(), "selection", ordinal=ordinal, count=count, anaphor=anaphor))
    for m in _BARE_ORDINAL.finditer(text):  # a headline's "from first live facial recognition deployments of 2025"
        if not any(p.start < m.end() and m.start() < p.end for p in found):
            found.append(Phrase(m.start(), m.end(), "selection", ordinal=_ORDINALS[m["ordinal"].lower()],
                                count=_count(m["count"]) if m["count"] else None))
    for m in _COUNTED.finditer(text):
        if any(p.start < m.end() and m.start() < p.end for p in found):
            continue
        if m["noun"].lower() != "deployments" and not m["prep"]:
            continue  # "two sites" scopes only as "at two sites"
        found.append(Phrase(m.start(), m.end(), "selection", count=_count(m["count"])))
    return sorted(found, key=lambda p: p.start)
