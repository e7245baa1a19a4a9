"""Stable deployment ids: date + place key + ordinal (docs/architecture.md, `deployment_id`).

Owns how one place spelt several ways (`Croydon, Northend`, `North End,
Croydon`, `B’way` / `Broadway`) becomes one key, through the alias table
schemas/location_aliases.csv. The printed location itself is never
changed: the key is only for identity.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from schemas.places import place_key


def location_key(location: str) -> str:
    """`North End, Croydon` and `Croydon, Northend` → `croydon-north-end` (schemas/transcriptions.py `place_key`:
    comma-separated parts sorted so their order does not matter; words through the alias table; no punctuation)."""
    return place_key(location)


def assign_ids(rows: list[tuple[date, str]]) -> list[str]:
    """One id per (date, location) row, in document order; rows sharing both get ordinals 1, 2, …"""
    seen: Counter[tuple[date, str]] = Counter()
    ids = []
    for day, location in rows:
        key = (day, location_key(location))
        seen[key] += 1
        ids.append(f"{day.isoformat()}-{key[1]}-{seen[key]}")
    return ids
