"""Custom Great Expectations (GX 1.x) for rules GX does not ship.

Owns the row rules the Met's records need and GX lacks: sums checked
against other columns, a column copied throughout a document, the printed
false-alert rate against its counts, dates in document order, a figure
that jumps and falls back against its neighbours, a sentence found in a
text. Each is a Multicolumn Map Expectation over pandas (the DataFrame
route: GX's SQL path over DuckDB is unreliable, docs/architecture.md ("The stack, as measured")), so failing rows
come back by key like any built-in map expectation.

Rules that need a document's other rows (order, neighbours, copied
columns) receive every row (`ignore_row_if="never"`) and group by the
document column themselves. The logic lives in plain functions in
`schemas/expectations/row_rules.py`, so each can be read without GX.

Must not: touch DuckDB, the network or the clock. Importing this module
imports GX (seconds): import it lazily. Proof: tests/test_checks_expectations.py.
"""

from __future__ import annotations

from typing import ClassVar, List, Literal, Optional, Tuple

import pandas as pd
from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.expectation import MulticolumnMapExpectation
from great_expectations.expectations.metrics.map_metric_provider import (
    MulticolumnMapMetricProvider,
    multicolumn_condition_partial,
)

from schemas.expectations.row_rules import (
    COPIED_MIN_NONZERO_ROWS,
    copied_throughout,
    found_in,
    in_document_order,
    no_jump_and_fall_back,
    printed_rate_matches,
    sum_between,
)

_DOMAIN = ("batch_id", "table", "column_list", "row_condition", "condition_parser", "ignore_row_if")
_Ignore = Literal["all_values_are_missing", "any_value_is_missing", "never"]


# --- sums and bounds ---------------------------------------------------------------------------


class _SumBetweenColumns(MulticolumnMapMetricProvider):
    condition_metric_name = "multicolumn_values.lfrwatch_sum_between_columns"
    condition_domain_keys = _DOMAIN
    condition_value_keys = ("group_column", "addends", "at_least", "at_most", "count_copied_once")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, group_column, addends, at_least, at_most, count_copied_once, **kwargs):
        return sum_between(column_list, group_column, addends, at_least, at_most, count_copied_once)


class ExpectSumBetweenColumns(MulticolumnMapExpectation):
    """Expect, per row, `at_least` ≤ sum of `addends` ≤ `at_most` (columns; either bound optional).

    With `count_copied_once`, an addend that copies another addend on every
    row of its document (`group_column`) is counted once. Rows missing any
    value are not checked.
    """

    group_column: str
    addends: List[str]
    at_least: Optional[str] = None
    at_most: Optional[str] = None
    count_copied_once: bool = False
    ignore_row_if: _Ignore = "never"
    map_metric: ClassVar[str] = "multicolumn_values.lfrwatch_sum_between_columns"
    success_keys: ClassVar[Tuple[str, ...]] = ("mostly", "group_column", "addends", "at_least", "at_most", "count_copied_once")
    args_keys: ClassVar[Tuple[str, ...]] = ("column_list",)


class _BetweenColumns(MulticolumnMapMetricProvider):
    condition_metric_name = "multicolumn_values.lfrwatch_between_columns"
    condition_domain_keys = _DOMAIN
    condition_value_keys = ("value", "low", "high")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, value, low, high, **kwargs):
        v, lo, hi = column_list[value], column_list[low], column_list[high]
        return ((lo <= v) & (v <= hi)).fillna(False).astype(bool)


class ExpectColumnValuesBetweenColumns(MulticolumnMapExpectation):
    """Expect `low` ≤ `value` ≤ `high`, all three columns of the same row."""

    value: str
    low: str
    high: str
    ignore_row_if: _Ignore = "any_value_is_missing"
    map_metric: ClassVar[str] = "multicolumn_values.lfrwatch_between_columns"
    success_keys: ClassVar[Tuple[str, ...]] = ("mostly", "value", "low", "high")
    args_keys: ClassVar[Tuple[str, ...]] = ("column_list",)


# --- a column copied throughout a document -----------------------------------------------------


class _NotCopiedThroughout(MulticolumnMapMetricProvider):
    condition_metric_name = "multicolumn_values.lfrwatch_not_copied_throughout"
    condition_domain_keys = _DOMAIN
    condition_value_keys = ("group_column", "min_nonzero_rows")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, group_column, min_nonzero_rows, **kwargs):
        columns = [c for c in column_list.columns if c != group_column]
        ok = pd.Series(True, index=column_list.index)
        for i, a in enumerate(columns):
            for b in columns[i + 1:]:
                present = column_list[a].notna() & column_list[b].notna()
                ok &= ~(copied_throughout(column_list, group_column, a, b, min_nonzero_rows) & present)
        return ok


class ExpectColumnsNotCopiedThroughoutDocument(MulticolumnMapExpectation):
    """Expect no two of the columns after `group_column` to be equal on every row of a document.

    Separate outcomes (arrest, other disposal, no action) equal row after
    row, in a document where they are not all zero, are one column printed
    twice: every row of that document fails, so the failure is reported
    once, for the document. `min_nonzero_rows` keeps all-zero documents out.
    """

    group_column: str
    min_nonzero_rows: int = COPIED_MIN_NONZERO_ROWS
    ignore_row_if: _Ignore = "never"
    map_metric: ClassVar[str] = "multicolumn_values.lfrwatch_not_copied_throughout"
    success_keys: ClassVar[Tuple[str, ...]] = ("mostly", "group_column", "min_nonzero_rows")
    args_keys: ClassVar[Tuple[str, ...]] = ("column_list",)


# --- printed rate ------------------------------------------------------------------------------


class _PrintedRateMatches(MulticolumnMapMetricProvider):
    condition_metric_name = "multicolumn_values.lfrwatch_printed_rate_matches"
    condition_domain_keys = _DOMAIN
    condition_value_keys = ("numerator", "denominator", "printed")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, numerator, denominator, printed, **kwargs):
        rows = zip(column_list[numerator], column_list[denominator], column_list[printed])
        return pd.Series([printed_rate_matches(n, d, p) for n, d, p in rows], index=column_list.index)


class ExpectPrintedRateToMatchCounts(MulticolumnMapExpectation):
    """Expect a printed percentage (`0.08%`) to agree with numerator ÷ denominator.

    Agreement is within one unit of the last printed digit, so both the
    Met's truncation (1/1123 = 0.089% printed `0.08%`) and rounding pass.
    A printed zero must go with a zero numerator, and a zero numerator
    with a printed zero: `0%` beside a false alert is wrong at any precision.
    """

    numerator: str
    denominator: str
    printed: str
    ignore_row_if: _Ignore = "any_value_is_missing"
    map_metric: ClassVar[str] = "multicolumn_values.lfrwatch_printed_rate_matches"
    success_keys: ClassVar[Tuple[str, ...]] = ("mostly", "numerator", "denominator", "printed")
    args_keys: ClassVar[Tuple[str, ...]] = ("column_list",)


# --- order and neighbours within a document ----------------------------------------------------


class _InDocumentOrder(MulticolumnMapMetricProvider):
    condition_metric_name = "multicolumn_values.lfrwatch_in_document_order"
    condition_domain_keys = _DOMAIN
    condition_value_keys = ("group_column", "order_column", "value")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, group_column, order_column, value, **kwargs):
        return in_document_order(column_list, group_column, order_column, value)


class ExpectValuesInDocumentOrder(MulticolumnMapExpectation):
    """Expect `value` (a date) not to decrease down a document (`order_column` within `group_column`).

    The rows out of order are those outside the longest non-decreasing run
    through the document, so one misdated row is the one flagged, not the
    row after it.
    """

    group_column: str
    order_column: str
    value: str
    ignore_row_if: _Ignore = "never"
    map_metric: ClassVar[str] = "multicolumn_values.lfrwatch_in_document_order"
    success_keys: ClassVar[Tuple[str, ...]] = ("mostly", "group_column", "order_column", "value")
    args_keys: ClassVar[Tuple[str, ...]] = ("column_list",)


class _NoJumpAndFallBack(MulticolumnMapMetricProvider):
    condition_metric_name = "multicolumn_values.lfrwatch_no_jump_and_fall_back"
    condition_domain_keys = _DOMAIN
    condition_value_keys = ("group_column", "order_column", "date_column", "value", "min_relative_jump", "window_days")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, group_column, order_column, date_column, value, min_relative_jump, window_days, **kwargs):
        return no_jump_and_fall_back(column_list, group_column, order_column, date_column, value, min_relative_jump, window_days)


class ExpectNoJumpAndFallBack(MulticolumnMapExpectation):
    """Expect no `value` that jumps away from both rows beside it in its document and falls back.

    A row fails when the previous and next rows (document order, both within
    `window_days` of it) agree with each other within `min_relative_jump`,
    and the row differs from both by more than that, in the same direction:
    a watchlist of 19,199 between two of 16,199 and 16,189.
    """

    group_column: str
    order_column: str
    date_column: str
    value: str
    min_relative_jump: float = 0.10
    window_days: int = 7
    ignore_row_if: _Ignore = "never"
    map_metric: ClassVar[str] = "multicolumn_values.lfrwatch_no_jump_and_fall_back"
    success_keys: ClassVar[Tuple[str, ...]] = (
        "mostly", "group_column", "order_column", "date_column", "value", "min_relative_jump", "window_days",
    )
    args_keys: ClassVar[Tuple[str, ...]] = ("column_list",)


# --- text --------------------------------------------------------------------------------------


class _FoundIn(MulticolumnMapMetricProvider):
    condition_metric_name = "multicolumn_values.lfrwatch_found_in"
    condition_domain_keys = _DOMAIN
    condition_value_keys = ("needle", "haystack")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, needle, haystack, **kwargs):
        rows = zip(column_list[needle], column_list[haystack])
        return pd.Series([found_in(n, h) for n, h in rows], index=column_list.index)


class ExpectColumnValuesFoundInColumn(MulticolumnMapExpectation):
    """Expect each `needle` text to occur in the same row's `haystack` text (whitespace-insensitive).

    A missing haystack fails: a claim whose answer is not there is not found.
    """

    needle: str
    haystack: str
    ignore_row_if: _Ignore = "never"
    map_metric: ClassVar[str] = "multicolumn_values.lfrwatch_found_in"
    success_keys: ClassVar[Tuple[str, ...]] = ("mostly", "needle", "haystack")
    args_keys: ClassVar[Tuple[str, ...]] = ("column_list",)
