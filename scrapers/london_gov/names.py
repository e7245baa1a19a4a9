"""People's names as london.gov.uk prints them → one spelling per person.

Owns: stripping honorifics and role suffixes, typographic apostrophes, and
the table of known spelling variants (docs/sources.md §2.3: `Sian Berry` in
2019, `Siân Berry` from 2020). Pure: no I/O. "The Mayor" stays as printed:
who held the office on a date is the caller's business.

Proof: tests/test_london_gov_parsers.py (names tests, and the
`old_question_asker_sian_berry.html` fixture).
"""

from __future__ import annotations

import re
import unicodedata

# Applied repeatedly until none matches, so "Dr Jane Doe OBE AM" loses all three.
_STRIP_PATTERNS = (
    re.compile(r"\s+AM$"),
    re.compile(r"\s+[CMO]BE$"),
    re.compile(r"\s*\(Chair\)$"),
    re.compile(r"\s*\(Chairman\)$"),
    re.compile(r"\s*\(Mayor of London\)$"),
    re.compile(r"^Dr\.?\s+"),
)

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'"})

# Spelling as printed (after stripping) → the spelling we keep. Add a row
# when a person turns up under two spellings; cite where it was seen.
SPELLING_VARIANTS: dict[str, str] = {
    "Sian Berry": "Siân Berry",  # 2019 pages (e.g. 2019/14217); 2020 pages print Siân
}


def normalise_person(name: str) -> str:
    """The person's name without honorifics or suffixes, in its one kept spelling."""
    cleaned = unicodedata.normalize("NFC", " ".join(name.split())).translate(_APOSTROPHES)
    previous = None
    while cleaned != previous:
        previous = cleaned
        for pattern in _STRIP_PATTERNS:
            cleaned = pattern.sub("", cleaned).strip()
    return SPELLING_VARIANTS.get(cleaned, cleaned)
