"""Why a transcribed value differs from the records: the likely cause, where one is evident.

Pure and small: two values (and the figures printed just above and below
in the same document) in, a cause or None out. The causes, in the order
they are tried:

- `day_month_swapped` — a DD/MM date read as MM/DD (07/12 for 12/07);
- `digit_dropped` / `digit_added` — one digit fewer or more (4,870 for 48,700; 48,700 for 4,870);
- `transposition` — two adjacent digits swapped (4,780 for 4,870);
- `neighbouring_row` — the value of the deployment printed just above or below.

Must not: read the warehouse or decide which deployment a row is (warehouse/transcription.py).
Proof: tests/test_compare.py (test_causes_*, test_report_*).
"""

from __future__ import annotations

from datetime import date

CAUSES = ("day_month_swapped", "digit_dropped", "digit_added", "transposition", "neighbouring_row",
          "row_missing", "row_duplicated", "no_match")


def swapped(day: date) -> date | None:
    """The date with day and month exchanged (2023-07-12 → 2023-12-07), or None when that is no date or the same."""
    if day.day == day.month or day.day > 12:
        return None
    return date(day.year, day.day, day.month)


def date_cause(file: date, records: date) -> str | None:
    return "day_month_swapped" if swapped(file) == records else None


def _one_digit_less(longer: str, shorter: str) -> bool:
    return len(longer) == len(shorter) + 1 and any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def _adjacent_swap(a: str, b: str) -> bool:
    if len(a) != len(b) or a == b:
        return False
    at = [i for i in range(len(a)) if a[i] != b[i]]
    return len(at) == 2 and at[1] == at[0] + 1 and a[at[0]] == b[at[1]] and a[at[1]] == b[at[0]]


def digits_cause(file: int, records: int) -> str | None:
    """`digit_dropped`, `digit_added` or `transposition` when the two numbers' digits show it, else None."""
    f, r = str(file), str(records)
    if _one_digit_less(r, f):
        return "digit_dropped"
    if _one_digit_less(f, r):
        return "digit_added"
    if _adjacent_swap(f, r):
        return "transposition"
    return None


def figure_cause(file: int | None, records: int | None, beside: list[int | None]) -> str | None:
    """The likely cause of one differing figure; `beside` are the same figure of the rows printed above and below."""
    if file is None or records is None:
        return None  # left blank, or a figure the records do not publish: nothing to diagnose
    return digits_cause(file, records) or ("neighbouring_row" if file in [b for b in beside if b is not None] else None)
