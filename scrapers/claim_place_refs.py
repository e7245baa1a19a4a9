"""Places a sentence names only by pointing back to one named before.

Owns "in the town centre" after "Live Facial Recognition in Croydon town
centre" (the title, the question or an earlier sentence): the town centre
named last. Pure. Proof: tests/test_passages_official.py.
"""

from __future__ import annotations

import re
from dataclasses import replace

from schemas.claims import Claim

_TOWN = re.compile(r"(?i)\btown\s+cent(?:re|er)$")
_THE_TOWN_CENTRE = re.compile(r"(?i)\b(?:in|at|around|across|to|into)\s+the\s+town\s+cent(?:re|er)\b")


def last_town(places: tuple[str, ...], town: tuple[str, str] | None, origin: str | None) -> tuple[str, str] | None:
    """The town centre named last, with where its words came from: one of `places` (named by `origin`), else
    `town`."""
    named = [p for p in places if _TOWN.search(p)]
    return (named[-1], origin or "sentence") if named else town


def town_centre_again(claims: list[Claim], text: str, town: tuple[str, str] | None) -> list[Claim]:
    """Claims of a sentence that says "in the town centre" and names no place: the town centre named before."""
    if town is None or not (m := _THE_TOWN_CENTRE.search(text)):
        return claims
    source = "earlier_sentence" if town[1] == "sentence" else town[1]
    return [replace(c, locations=(town[0],), place_words=m[0].strip(), places_source=source) if not c.locations else c
            for c in claims]
