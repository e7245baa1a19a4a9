"""The records' side of a claim in words: figures, ranges and the rows behind a computed figure.

Owns how a verdict's evidence reads for people ("13: Kingston 6 + Surbiton
7, 2023–24 record p.3 rows 12–13", "≥ 13,001", "statement of 4 Mar 2024").
Pure: rows in, text out. Proof: tests/test_claim_scope.py.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from warehouse.claim_scope import Row


def show(metric: str, x) -> str:
    if x is None:
        return "?"
    if metric.startswith("false_alert_rate"):
        return f"{x * 100:.4g}%"
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"


def range_text(metric: str, low, high) -> str:
    """A claim's range for people: '= 8', '≥ 13,001', '≤ 99', '4,370–4,830'."""
    if low is not None and high is not None:
        return f"= {show(metric, low)}" if low == high else f"{show(metric, low)}–{show(metric, high)}"
    return f"≥ {show(metric, low)}" if low is not None else f"≤ {show(metric, high)}"


def records_text(metric: str, computed, rows: list[Row], value: Callable[[Row], float | None]) -> str:
    """"13: Kingston 6 + Surbiton 7, 2023–24 record p.3 rows 67–68" — the rows behind a computed figure."""
    if not rows:
        return f"{show(metric, computed)}: no deployment in scope"
    head = show(metric, computed)
    if len(rows) <= 4 and not metric.startswith("false_alert_rate"):
        values = [value(r) for r in rows]
        head += ": " + " + ".join(f"{r.location} {show(metric, v)}" for r, v in zip(rows, values))
    elif len(rows) > 1:
        head += f" over {len(rows)} deployments"
    docs = []
    for label in dict.fromkeys(r.document_label for r in rows):
        mine = [r for r in rows if r.document_label == label]
        pages = sorted({r.page for r in mine})
        numbers = sorted(r.row for r in mine)
        page = f"p.{pages[0]}" if len(pages) == 1 else f"pp.{pages[0]}–{pages[-1]}"
        row = f"row {numbers[0]}" if len(numbers) == 1 else f"rows {_runs(numbers) if len(numbers) <= 4 else f'{numbers[0]}–{numbers[-1]}'}"
        docs.append(f"{label} {page} {row}")
    return f"{head}, {'; '.join(docs)}"


def _runs(numbers: list[int]) -> str:
    """[20, 21, 47] → '20–21, 47'."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else f"{r[0]}" for r in runs)


def short_date(day: date | None) -> str:
    """4 Mar 2024: the day first, the month in letters, so no reader takes it for 3 April."""
    return f"{day.day} {day.strftime('%b %Y')}" if day else "?"
