"""Place words: one spelling for the many ways a place is written.

Owns reading schemas/location_aliases.csv (word variants such as `Stn` →
`station`, `Northend` → `north end`) and turning a place as written into
its plain words, and schemas/place_areas.csv (which borough a place is in,
so "in Tower Hamlets" finds a row printed "Bethnal Green"). Used for stable deployment ids (scrapers/met/locations.py)
and for matching a place named in a statement to the records' locations
(warehouse/claim_scope.py). No parsing of prose here: a place comes in
already picked out.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"[a-z0-9']+")
# Words that say what kind of place it is, not which: "Kingston town centre" is Kingston.
GENERIC_WORDS = frozenset({"town", "centre", "center", "area", "borough", "district", "the", "of", "london"})


@lru_cache(maxsize=1)
def word_aliases() -> dict[str, str]:
    text = resources.files("schemas").joinpath("location_aliases.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))
    return {row["variant"]: row["canonical"] for row in rows if row["kind"] == "word"}


def part_words(part: str) -> list[str]:
    """The words of one comma-separated part of a place, through the alias table.

    "St" opening a part is Saint (St Ann's, St John's Hill); elsewhere Street.
    """
    aliases = word_aliases()
    found = _WORD.findall(part.lower().replace("’", "'").replace("‘", "'"))
    words = [w if (i == 0 and w == "st" and len(found) > 1) else aliases.get(w, w) for i, w in enumerate(found)]
    return [w.replace("'", "") for w in " ".join(words).split()]


# What kind of street: a place left with only these is no place ("London Road" less "London" would be any road)
_STREET_KINDS = frozenset({"road", "street", "lane", "avenue", "way", "high", "square", "parade", "broadway", "hill",
                           "gardens", "place", "terrace", "station", "park"})


def _which(words: list[str]) -> frozenset[str]:
    kept = frozenset(w for w in words if w not in GENERIC_WORDS)
    return kept if not kept or not kept <= _STREET_KINDS else frozenset(w for w in words if w not in ("the", "of"))


def place_parts(place: str) -> list[frozenset[str]]:
    """Each comma-separated part of a place as a set of plain words, generic words left out (unless only a kind of
    street would be left: "London Road" keeps "london")."""
    parts = [_which(part_words(p)) for p in place.split(",")]
    return [p for p in parts if p]


def _sequence(place: str) -> tuple[str, ...]:
    return tuple(w for p in place.split(",") for w in part_words(p))


@lru_cache(maxsize=1)
def _areas() -> tuple[tuple[tuple[str, ...], str], ...]:
    text = resources.files("schemas").joinpath("place_areas.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))
    return tuple((_sequence(row["place"]), row["area"]) for row in rows)


@lru_cache(maxsize=1)
def _area_by_words() -> dict[tuple[str, ...], str]:
    """Each borough by its own words (the first spelling in place_areas.csv)."""
    found: dict[tuple[str, ...], str] = {}
    for _, area in _areas():
        found.setdefault(_sequence(area), area)
    return found


@lru_cache(maxsize=4096)
def area_named(place: str) -> str | None:
    """The borough a place names itself ("Tower Hamlets", "the Greenwich area"), or None: "Croydon town centre"
    is the town, not the borough (Thornton Heath is in the borough of Croydon, not in its town centre)."""
    sequence = _sequence(place)
    if any(sequence[i:i + 2] in (("town", "centre"), ("town", "center")) for i in range(len(sequence) - 1)):
        return None
    words = tuple(w for w in sequence if w not in GENERIC_WORDS)
    return _area_by_words().get(words) if words else None


@lru_cache(maxsize=4096)
def areas_of(location: str) -> frozenset[str]:
    """The boroughs a printed location is in, by the places it names (the longest name wins:
    "Tottenham Ct Rd" is Tottenham Court Road, not Tottenham)."""
    found: set[str] = set()
    for part in location.split(","):
        words = tuple(part_words(part))
        spans = []
        for place, area in _areas():
            n = len(place)
            spans += [(i, i + n, area) for i in range(len(words) - n + 1) if words[i:i + n] == place]
        found |= {area for a, b, area in spans
                  if not any(a2 <= a and b <= b2 and (b2 - a2) > (b - a) for a2, b2, _ in spans)}
    return frozenset(found)


def place_key(location: str) -> str:
    """`North End, Croydon` and `Croydon, Northend` → `croydon-north-end`: a deployment id's place part
    (a deployment id's place part: scrapers/met/locations.py `location_key`)."""
    parts = ["-".join(words) for part in location.split(",") if (words := part_words(part))]
    return "-".join(sorted(parts)) or "unknown"


def place_words(location: str) -> frozenset[str]:
    """The words that say which place (`Croydon, George St` → croydon, george, street), generic words left out."""
    return frozenset(w for part in location.split(",") for w in _which(part_words(part)))
