"""Reading one printed cell of a Met deployment record into a typed value.

Owns the cell formats of docs/sources.md §1.2: DD/MM/YY dates (never MM/DD),
durations `5h03m` / `5h40` / `6h 07m` / `4hr 47m`, bare or comma-grouped
integers, `N/A` (→ None, never 0), thresholds, and a location cell whose
parenthesised note (`Oxford Circus (technical fault stopped deployment)`)
is moved out. A cell that matches none of its formats raises CellError.
"""

from __future__ import annotations

import re
from datetime import date

NOT_AVAILABLE = {"n/a", "na", "-", "–", ""}
_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_DURATION = re.compile(r"^(\d+)\s*h(?:rs?|ours?)?\s*(?:(\d+)\s*(?:m(?:ins?)?)?)?$", re.I)
_MINUTES_ONLY = re.compile(r"^(\d+)\s*m(?:ins?)?$", re.I)
_INTEGER = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
# float() alone would also take `nan`, `inf` and `1e3`: none is a printed threshold.
_DECIMAL = re.compile(r"^(?:\d+(?:\.\d+)?|\.\d+)$")
_NOTE = re.compile(r"^(?P<place>.*?)\s*\((?P<note>[^)]*)\)\s*(?P<rest>.*)$")


class CellError(ValueError):
    """A cell that does not match its column's format."""


def is_not_available(text: str | None) -> bool:
    return text is None or text.strip().lower() in NOT_AVAILABLE


def parse_date(text: str) -> date:
    """DD/MM/YY (or DD/MM/YYYY) → date. Two-digit years are 20YY."""
    match = _DATE.match(text.strip())
    if not match:
        raise CellError(f"date {text!r} is not DD/MM/YY")
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year + 2000 if year < 100 else year, month, day)
    except ValueError as exc:
        raise CellError(f"date {text!r}: {exc}") from None


def parse_duration(text: str | None) -> int | None:
    """`5h03m`, `5h40`, `6h 07m`, `4hr 47m`, `45m` → minutes; N/A → None."""
    if is_not_available(text):
        return None
    cleaned = text.strip()
    match = _DURATION.match(cleaned)
    if match:
        return int(match.group(1)) * 60 + int(match.group(2) or 0)
    match = _MINUTES_ONLY.match(cleaned)
    if match:
        return int(match.group(1))
    raise CellError(f"duration {text!r} is not like 5h03m")


def parse_count(text: str | None) -> int | None:
    """`34286` or `21,940` → int; N/A → None."""
    if is_not_available(text):
        return None
    cleaned = text.strip().replace(" ", "")
    if not _INTEGER.match(cleaned):
        raise CellError(f"count {text!r} is not a whole number")
    return int(cleaned.replace(",", ""))


def parse_threshold(text: str | None) -> float | None:
    """`0.6`, `0.62`, `0.64` → float; N/A → None."""
    if is_not_available(text):
        return None
    cleaned = text.strip()
    if not _DECIMAL.match(cleaned):
        raise CellError(f"threshold {text!r} is not a decimal number like 0.64")
    return float(cleaned)


def parse_text(text: str | None) -> str | None:
    """Whitespace normalised; N/A → None."""
    if is_not_available(text):
        return None
    return " ".join(text.split())


def split_location(text: str) -> tuple[str, str | None]:
    """(location, note): a parenthesised note moves out of the location cell."""
    cleaned = " ".join(text.split())
    match = _NOTE.match(cleaned)
    if not match:
        return cleaned, None
    place = " ".join(f"{match['place']} {match['rest']}".split())
    return place, match["note"].strip() or None
