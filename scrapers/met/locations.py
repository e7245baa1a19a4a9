"""Stable deployment ids: date + place key + ordinal (ARCHITECTURE.md, `deployment_id`).

Owns how one place spelt several ways (`Croydon, Northend`, `North End,
Croydon`, `B’way` / `Broadway`) becomes one key, through the alias table
schemas/location_aliases.csv. The printed location itself is never
changed: the key is only for identity.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import date
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"[a-z0-9']+")


@lru_cache(maxsize=1)
def word_aliases() -> dict[str, str]:
    text = resources.files("schemas").joinpath("location_aliases.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))
    return {row["variant"]: row["canonical"] for row in rows if row["kind"] == "word"}


def location_key(location: str) -> str:
    """`North End, Croydon` and `Croydon, Northend` → `croydon-north-end`.

    Comma-separated parts are sorted so that their order does not matter;
    words go through the alias table; punctuation is dropped.
    """
    aliases = word_aliases()
    plain = location.lower().replace("’", "'").replace("‘", "'")
    parts = []
    for part in plain.split(","):
        found = _WORD.findall(part)
        # "St" opening a part is Saint (St Ann's, St John's Hill); elsewhere Street.
        words = [w if (i == 0 and w == "st" and len(found) > 1) else aliases.get(w, w) for i, w in enumerate(found)]
        words = [w.replace("'", "") for w in " ".join(words).split()]
        if words:
            parts.append("-".join(words))
    return "-".join(sorted(parts)) or "unknown"


def assign_ids(rows: list[tuple[date, str]]) -> list[str]:
    """One id per (date, location) row, in document order; rows sharing both get ordinals 1, 2, …"""
    seen: Counter[tuple[date, str]] = Counter()
    ids = []
    for day, location in rows:
        key = (day, location_key(location))
        seen[key] += 1
        ids.append(f"{day.isoformat()}-{key[1]}-{seen[key]}")
    return ids
