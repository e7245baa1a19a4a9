"""The row rules behind the custom expectations, as plain pandas functions (no GX).

Owns the logic of `schemas/expectations/custom.py`: each function takes
the rows (a DataFrame or single values) and says which pass. Rules that
need a document's other rows group by the document column themselves.
A row missing a value a rule needs passes: the rule does not apply to it.

Must not: import GX, touch DuckDB, the network or the clock.
Proof: tests/test_checks_expectations.py.
"""

from __future__ import annotations

import bisect
from decimal import Decimal, InvalidOperation

import pandas as pd

# A pair of columns equal on every row counts as one column printed twice
# only when they are non-zero on at least this many rows of the document.
COPIED_MIN_NONZERO_ROWS = 3


def copied_throughout(frame: pd.DataFrame, group: str, a: str, b: str, min_nonzero_rows: int) -> pd.Series:
    """True on every row of each document where `a` equals `b` on all rows having both (and ≥ N non-zero)."""
    both = frame[a].notna() & frame[b].notna()
    equal = (frame[a] == frame[b]).where(both, True).astype(bool)
    nonzero = (both & (frame[a].fillna(0) != 0)).astype(int)
    per_doc = pd.DataFrame({"g": frame[group], "eq": equal, "nz": nonzero, "both": both.astype(int)}).groupby("g", dropna=False)
    copied = (per_doc["eq"].transform("all")) & (per_doc["nz"].transform("sum") >= min_nonzero_rows)
    return copied.astype(bool)


def sum_between(frame, group, addends, at_least, at_most, count_copied_once) -> pd.Series:
    """Row-wise at_least ≤ Σ addends ≤ at_most; rows missing a value pass (not applicable)."""
    copied_cols: dict[str, pd.Series] = {}
    if count_copied_once:
        for i, a in enumerate(addends):
            for b in addends[i + 1:]:
                copied_cols.setdefault(b, pd.Series(False, index=frame.index))
                copied_cols[b] = copied_cols[b] | copied_throughout(frame, group, a, b, COPIED_MIN_NONZERO_ROWS)
    total = pd.Series(0, index=frame.index, dtype="float64")
    for c in addends:
        part = frame[c].astype("Float64")
        if c in copied_cols:
            part = part.where(~copied_cols[c], 0)
        total = total + part
    bounds = [c for c in (at_least, at_most) if c]
    missing = frame[list(addends) + bounds].isna().any(axis=1)
    ok = pd.Series(True, index=frame.index)
    if at_least:
        ok &= (total >= frame[at_least].astype("Float64")).fillna(True).astype(bool)
    if at_most:
        ok &= (total <= frame[at_most].astype("Float64")).fillna(True).astype(bool)
    return (ok | missing).astype(bool)


def printed_rate_matches(numerator, denominator, printed) -> bool:
    """Whether a printed percentage agrees with numerator ÷ denominator (see ExpectPrintedRateToMatchCounts)."""
    if _missing(numerator) or _missing(denominator) or _missing(printed):
        return True
    try:
        shown = Decimal(str(printed).strip().rstrip("%").strip())
    except InvalidOperation:
        return False
    numerator, denominator = int(numerator), int(denominator)
    if (shown == 0) != (numerator == 0):
        return False
    if numerator == 0:
        return True
    if denominator <= 0:
        return False
    unit = Decimal(1).scaleb(shown.as_tuple().exponent)
    computed = Decimal(numerator) * 100 / Decimal(denominator)
    return abs(computed - shown) <= unit


def in_document_order(frame, group, order, value) -> pd.Series:
    """False for rows outside the longest non-decreasing run of `value` through their document."""
    ok = pd.Series(True, index=frame.index)
    for _, doc in frame.groupby(group, dropna=False, sort=False):
        doc = doc.sort_values(order)
        doc = doc[doc[value].notna()]
        keep = _longest_non_decreasing(list(doc[value]))
        for position, index in enumerate(doc.index):
            ok[index] = position in keep
    return ok


def no_jump_and_fall_back(frame, group, order, date, value, min_jump, window_days) -> pd.Series:
    """False for rows whose value jumps away from two agreeing neighbours within the window."""
    ok = pd.Series(True, index=frame.index)
    window = pd.Timedelta(days=window_days)
    for _, doc in frame.groupby(group, dropna=False, sort=False):
        doc = doc.sort_values(order)
        values, dates, index = list(doc[value]), list(doc[date]), list(doc.index)
        for i in range(1, len(doc) - 1):
            p, v, n = values[i - 1], values[i], values[i + 1]
            if any(_missing(x) or x <= 0 for x in (p, v, n)) or any(_missing(d) for d in dates[i - 1:i + 2]):
                continue
            if abs(dates[i] - dates[i - 1]) > window or abs(dates[i + 1] - dates[i]) > window:
                continue
            up, down = (v - p) / p, (v - n) / n
            neighbours_agree = abs(p - n) / max(p, n) <= min_jump
            if neighbours_agree and abs(up) > min_jump and abs(down) > min_jump and (up > 0) == (down > 0):
                ok[index[i]] = False
    return ok


def found_in(needle, haystack) -> bool:
    """Whether `needle` occurs in `haystack`, whitespace runs compared as one space."""
    if _missing(needle):
        return True
    if _missing(haystack):
        return False
    return " ".join(str(needle).split()) in " ".join(str(haystack).split())


def _longest_non_decreasing(values: list) -> set[int]:
    """Positions of one longest non-decreasing subsequence (patience sorting)."""
    tails: list = []  # smallest tail value of a run of each length
    tail_pos: list[int] = []
    parent = [-1] * len(values)
    for i, v in enumerate(values):
        k = bisect.bisect_right(tails, v)
        if k == len(tails):
            tails.append(v)
            tail_pos.append(i)
        else:
            tails[k], tail_pos[k] = v, i
        parent[i] = tail_pos[k - 1] if k else -1
    keep, i = set(), tail_pos[-1] if tail_pos else -1
    while i != -1:
        keep.add(i)
        i = parent[i]
    return keep


def _missing(x) -> bool:
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False
