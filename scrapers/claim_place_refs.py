"""Scopes a sentence names only by pointing back to one named before.

Owns "in the town centre" after "Live Facial Recognition in Croydon town
centre" (the title, the question or an earlier sentence): the town centre
named last, and "in the borough" the borough; "on the same two streets": the
set named before; "the Westfield deployments" after "Westfield Stratford
City": the fuller name; a bare "the Broadway", or "Westfield" in "in Stratford: …, at Westfield", the town's
in hand; and "Of the 37 arrests, nine were …" after "They
resulted in 37 arrests": the 37 again, with the scope it was stated with
(not that of the parts named in between). Pure. Proof:
tests/test_passages_official.py, tests/test_passages_clauses.py, tests/test_passages_scene.py.
"""

from __future__ import annotations

import re
from dataclasses import replace

from schemas.claims import Claim
from schemas.places import area_named, areas_of
from scrapers.claim_frame_keeps import refers_to_place
from scrapers.claim_numbers import find_numbers
from scrapers.claim_places import STREETISH

_TOWN = re.compile(r"(?i)\btown\s+cent(?:re|er)$")
# each kind of place a sentence may point back to: whether a named place is one, and the words that point back
_KINDS = {
    "town centre": (lambda p: bool(_TOWN.search(p)),
                    # ("Last year as a whole, the town centre saw 28 deployments")
                    re.compile(r"(?i)\b(?:(?:in|at|around|across|to|into)\s+the\s+town\s+cent(?:re|er)\b|"
                               r"the\s+town\s+cent(?:re|er)\s+(?:saw|had|recorded|hosted|has\s+seen)\b)")),
    "borough": (lambda p: area_named(p) is not None,
                re.compile(r"(?i)\b(?:in|across|within|throughout|to)\s+the\s+borough\b(?!\s+of\b)")),
}


def last_named(kind: str, places: tuple[str, ...], held: tuple[str, str] | None,
               origin: str | None) -> tuple[str, str] | None:
    """The place of `kind` ("town centre", "borough") named last, with where its words came from: one of `places`
    (named by `origin`), else the one `held` before."""
    named = [p for p in places if _KINDS[kind][0](p)]
    return (named[-1], origin or "sentence") if named else held


def named_again(kind: str, claims: list[Claim], text: str, held: tuple[str, str] | None) -> list[Claim]:
    """Claims of a sentence that says "in the town centre" or "in the borough" and names no place of their own: the
    one of that kind named before ("… to Barking and Dagenham nine times … 13 arrests in the borough")."""
    if not (m := _KINDS[kind][1].search(text)):
        return claims
    if kind == "town centre":
        # "Since we started using it in Croydon …, LFR has been deployed in the town centre 34 times": Croydon's
        claims = [replace(c, locations=(f"{c.locations[0]} town centre",), place_words=m[0].strip())
                  if len(c.locations) == 1 and _bare_town(c.locations[0]) else c for c in claims]
    if held is None:
        return claims
    source = "earlier_sentence" if held[1] == "sentence" else held[1]
    return [replace(c, locations=(held[0],), place_words=m[0].strip(), places_source=source) if not c.locations else c
            for c in claims]


def _bare_town(place: str) -> bool:
    """A town named alone ("Croydon", "Romford"): no street, no town centre, no borough's other words."""
    return bool(re.fullmatch(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?", place)) and bool(areas_of(place)) \
        and not re.search(r"\b(?:Street|Road|Lane|High|Broadway|Avenue|Square|Parade|Way|End|Green|Circus|Park)\b", place)


def short_name_again(claims: list[Claim], earlier: list[Claim]) -> list[Claim]:
    """A place name no single area has ("Westfield", "the Broadway") that begins a fuller one said before in the
    statement ("three times at Westfield Stratford City … The Westfield deployments …"): that fuller place."""
    named = [p for c in earlier for p in c.locations]

    def fuller(place: str) -> str:
        if areas_of(place):
            return place  # ("Stratford" after "Stratford Broadway" is the town)
        longer = {p for p in named if p.lower().startswith(place.lower() + " ") and areas_of(p)}
        return longer.pop() if len(longer) == 1 else place
    return [replace(c, locations=tuple(dict.fromkeys(fuller(p) for p in c.locations)))
            if any(fuller(p) != p for p in c.locations) else c for c in claims]


# "The deployment near the stadium generated eight alerts" after "near Wembley Stadium and in Harlesden": that one
_GENERIC = re.compile(r"(?i)\b(?:near|at|outside|in|by|around)\s+the\s+(stadium|station|arena|market|shopping\s+centre|"
                      r"centre|mall)\b")


def generic_place(text: str, earlier: list[Claim]) -> tuple[str, str] | None:
    """The place a sentence names only by what it is ("near the stadium", "outside the station"): the one place said
    before whose name ends so ("Wembley Stadium"), with the words that named it; None when none or several do."""
    if not (m := _GENERIC.search(text)):
        return None
    kind = re.sub(r"\s+", " ", m[1].lower())
    named = {p for c in earlier for p in c.locations if p.lower().endswith(kind)}
    return (named.pop(), m[0].strip()) if len(named) == 1 else None


def generic_again(claims: list[Claim], generic: tuple[str, str] | None) -> list[Claim]:
    """Claims of a sentence that names a place only by what it is, and no place of its own: that place."""
    if generic is None:
        return claims
    return [replace(c, locations=(generic[0],), place_words=generic[1], places_source="earlier_sentence")
            if c.places_source != "sentence" else c for c in claims]


_SAME_PLACES = re.compile(r"(?i)\b(?:on|at|in|from)\s+the\s+same\s+(?:two|three|four|five|\d\s+)?\s*(?:streets|sites|"
                          r"locations|places|spots)\b")


def same_places_again(claims: list[Claim], text: str, group: tuple[str, ...]) -> list[Claim]:
    """Claims of a sentence that says "on the same two streets" (and names no place of its own): the places of the set
    named before (`group`), not the one place the sentence before it was about."""
    if not group or not (m := _SAME_PLACES.search(text)):
        return claims
    return [replace(c, locations=group, place_words=m[0].strip(), places_source="earlier_sentence")
            if c.places_source != "sentence" else c for c in claims]


_OF_THE_WHOLE = re.compile(r"(?i)^\W*of\s+(?:the|these|those|all(?:\s+the)?)\s+(?P<n>[\w,]+)\s")


def whole_again(claims: list[Claim], text: str, earlier: list[Claim]) -> list[Claim]:
    """A sentence's fronted whole ("Of the 37 arrests, …") that repeats a figure stated before, with that figure's
    period and places."""
    if not (m := _OF_THE_WHOLE.match(text)) or not claims:
        return claims
    first = claims[0]
    said = next((c for c in reversed(earlier) if c.metric == first.metric and c.low == first.low == first.high == c.high
                 and c.sentence_index < first.sentence_index), None)
    named = find_numbers(m["n"])
    if said is None or not named or named[0].value != first.low:
        return claims  # (the fronted number is the figure said again …)
    parts = {c.locations for c in earlier if c.sentence_index > said.sentence_index and c.metric == said.metric}
    if len(parts - {()}) < 2:
        return claims  # (… and the places named since were its parts: "23 of the arrests in Stratford, … 12 in East Ham")
    # (and its parts named with it, "nine were of people wanted for shoplifting", are parts of that whole)
    return [replace(c, period_start=said.period_start, period_end=said.period_end, period_words=said.period_words,
                    period_source="earlier_sentence", locations=said.locations, place_words=said.place_words,
                    places_source="earlier_sentence" if said.locations else None)
            if (c.period_start, c.period_end, c.locations) == (first.period_start, first.period_end, first.locations) else c
            for c in claims]



def there_again(claims: list[Claim], text: str, last: tuple[tuple[str, ...], str | None] | None) -> list[Claim]:
    """Claims of a sentence that points back to a place ("On 11 April, the first deployment there, 20 alerts …") but got
    none, after a sentence that named only a time ("It was our second visit this month."): the places last named."""
    if not last or not last[0] or not refers_to_place(text):
        return claims
    if own := next((c for c in claims if c.locations and c.places_source == "sentence"), None):
        # ("Walthamstow Central has now hosted LFR twice this month; the first deployment, …": the sentence's own)
        return [replace(c, locations=own.locations, place_words=own.place_words, places_source="sentence")
                if not c.locations else c for c in claims]
    return [replace(c, locations=last[0], place_words=last[1], places_source="earlier_sentence")
            if not c.locations else c for c in claims]


# "on the Broadway": a street many towns have, so the one the passage named ("Stratford Broadway") or the town the
# sentence names
_BARE_STREET = re.compile(r"(?i)(?:the\s+)?broadway")
_STREET_WORD = re.compile(r"(?i)\b(?:street|st|road|rd|lane|broadway|avenue|parade|way|square|end|green|circus|mall|station)\b")


def bare_streets_in_town(found: list[Claim], earlier: list[Claim], places: tuple[str, ...]) -> list[Claim]:
    """Claims placed on a bare "Broadway" in a passage about one town's ("… on Stratford Broadway. … four of them on
    the Broadway", "at both ends of Stratford – on the Broadway and …"): that town's Broadway, not every Broadway."""
    if not any(_BARE_STREET.fullmatch(p) for c in found for p in c.locations):
        return found
    said = [p for p in [*(p for c in earlier for p in c.locations), *places]
            if re.search(r"(?i)\bbroadway\b", p) and not _BARE_STREET.fullmatch(p)]
    towns = [p for c in found for p in c.locations if not _STREET_WORD.search(p) and areas_of(p) and not area_named(p)
             and "," not in p]  # (a town, not "Westfield, Stratford")
    if len(set(said)) == 1:
        named = said[0]
    elif towns:
        named = "Broadway, " + towns[-1]
    else:
        return found
    return [replace(c, locations=tuple(dict.fromkeys(named if _BARE_STREET.fullmatch(p) else p for p in c.locations)))
            for c in found]


# Places the records print in more than one town: Westfield London (Shepherd's Bush) and Westfield Stratford City
_IN_SEVERAL_TOWNS = frozenset({"westfield"})


def in_the_town(locations: tuple[str, ...], place_words: str | None) -> tuple[str, ...]:
    """"five times in Stratford: on the Broadway …, at Westfield on 17 October …": a place found in several towns,
    named with one town, is that town's."""
    towns = [place for place in locations if areas_of(place) and "," not in place and not STREETISH.search(place)
             and area_named(place) is None]  # (a town: not a street, nor a borough the records never print)
    if len(towns) != 1 or len({frozenset(areas_of(place)) for place in locations} - {frozenset()}) != 1 \
            or not re.search(rf"(?i)\bin\s+{re.escape(towns[0])}\b", place_words or ""):
        return locations  # (the town named as where the rest are: "in Stratford: …"; not "at King's Cross and at …")
    return tuple(f"{place}, {towns[0]}" if place.lower() in _IN_SEVERAL_TOWNS else place for place in locations)


# "The watchlist for Wednesday's deployments", "Across this week's deployments": every deployment of that day or week
_PERIODS_DEPLOYMENTS = re.compile(r"(?i)\b(?:(?:this|last|the)\s+(?:week|month)|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                                  r"the\s+day)['’]s\s+deployments\b")


def period_places_again(found: list[Claim], text: str, earlier: list[Claim]) -> list[Claim]:
    """Claims of a sentence about a day's or a week's deployments that names no place: every place the passage gave
    a figure for inside that period ("… in Woolwich on Wednesday (29 May) … The same day, officers in Croydon … The
    watchlist for Wednesday's deployments held 14,323 images": both)."""
    if not _PERIODS_DEPLOYMENTS.search(text):
        return found
    out = []
    for c in found:
        names = () if c.places_source == "sentence" or not (c.period_start and c.period_end) \
            or (c.period_end - c.period_start).days > 31 else tuple(dict.fromkeys(
            p for e in earlier if e.period_start and e.period_end and c.period_start <= e.period_start
            and e.period_end <= c.period_end for p in e.locations))
        every = tuple(dict.fromkeys(c.locations + names))
        out.append(replace(c, locations=every, places_source="earlier_sentence") if len(every) > len(c.locations) else c)
    return out
