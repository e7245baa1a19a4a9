"""The deployments suite: what must hold in every row the Met publishes, per era.

Rows are checked as each current document version prints them
(`warehouse.check_frames.find_check_frame`): one row per deployment
per document, `document_sha256` grouping a document and `source_row` its
order. What each era's columns mean (docs/sources.md §1.2, and the footnote of
the 2020–22 record: an unconfirmed true alert is one whose subject was not
engaged) decides the rules:

- every era: true + false alerts = total alerts; the printed false-alert
  rate = false alerts ÷ faces seen within one unit of its last printed digit;
- era 1 (2020–22): engagements never exceed the alerts they follow, and
  "Arrests / Disposals" never exceed true-alert engagements;
- eras 2–3 (2023 on): every confirmed true alert was engaged, so the
  outcomes (arrest + other + no action) are at least the confirmed true
  alerts and never more than all alerts. In the 2023–24 record "No
  Action" repeats "Other Disposal" on every row: that is reported once,
  for the document, and the copied column is counted once in the sum;
- dates in the years the title names and in document order; thresholds,
  durations and counts plausible; a watchlist or threshold that jumps
  away from the rows beside it and falls back is an outlier.

Era differences need no era flag: a rule over columns an era does not
publish (NULL) does not apply to that era's rows.
"""

from __future__ import annotations

from datetime import date, datetime

from schemas.expectations import rule_meta
from schemas.records import COUNT_COLUMNS

DOC = "document_sha256"
COUNTS = ("watchlist_size",) + COUNT_COLUMNS
ALERT_PARTS = ("true_alerts_confirmed", "true_alerts_unconfirmed", "false_alerts_confirmed", "false_alerts_unconfirmed")
OUTCOMES = ("arrests", "other_disposals", "no_action")
# NEC NeoFace match thresholds the Met has printed are 0.6–0.64; outside
# [0.5, 1) a setting is a typo, not a policy.
THRESHOLD_RANGE = (0.5, 0.99)
# The shortest real deployment is 33 minutes (16/11/23); a day-long one is not credible.
DURATION_MINUTES = (15, 12 * 60)
WATCHLIST_JUMP = 0.10  # watchlists drift by a few per cent a week; 19,199 among 16,1xx is 19 %
THRESHOLD_JUMP = 0.02  # a setting moving 0.60 → 0.64 → 0.60 between neighbours


def expectations(today: date) -> list:
    import great_expectations as gx
    from great_expectations.expectations.row_conditions import Column

    from schemas.expectations.custom import (
        ExpectColumnsNotCopiedThroughoutDocument,
        ExpectColumnValuesBetweenColumns,
        ExpectNoJumpAndFallBack,
        ExpectPrintedRateToMatchCounts,
        ExpectSumBetweenColumns,
        ExpectValuesInDocumentOrder,
    )

    E = gx.expectations
    out = [
        E.ExpectCompoundColumnsToBeUnique(
            column_list=[DOC, "deployment_id"],
            meta=rule_meta("deployment_id_unique", "each deployment_id once per document"),
        ),
        E.ExpectColumnValuesToBeInSet(
            column="status", value_set=["completed", "aborted"],
            meta=rule_meta("status_known", "status is completed or aborted"),
        ),
        E.ExpectColumnValuesToNotBeNull(
            column="alerts_total", row_condition=Column("status") == "completed",
            meta=rule_meta("completed_has_alerts", "a completed deployment publishes its total alerts"),
        ),
    ]
    out += [
        E.ExpectColumnValuesToBeBetween(column=c, min_value=0, meta=rule_meta(f"{c}_not_negative", f"{c} ≥ 0"))
        for c in COUNTS
    ]
    out += [
        ExpectSumBetweenColumns(
            column_list=[DOC, "true_alerts", "false_alerts", "alerts_total"], group_column=DOC,
            addends=["true_alerts", "false_alerts"], at_least="alerts_total", at_most="alerts_total",
            meta=rule_meta("alerts_add_up", "true alerts + false alerts = total alerts (confirmed and unconfirmed together)",
                           show=ALERT_PARTS),
        ),
        E.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="true_alerts", column_B="true_alert_engagements", or_equal=True, ignore_row_if="either_value_is_missing",
            meta=rule_meta("true_alert_engagements_within_true_alerts", "true-alert engagements ≤ true alerts (2020–22)"),
        ),
        E.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="false_alerts", column_B="false_alert_engagements", or_equal=True, ignore_row_if="either_value_is_missing",
            meta=rule_meta("false_alert_engagements_within_false_alerts", "false-alert engagements ≤ false alerts (2020–22)"),
        ),
        E.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="true_alert_engagements", column_B="arrests", or_equal=True, ignore_row_if="either_value_is_missing",
            meta=rule_meta("arrests_within_true_alert_engagements", "arrests / disposals ≤ true-alert engagements (2020–22)"),
        ),
        ExpectSumBetweenColumns(
            column_list=[DOC, *OUTCOMES, "true_alerts_confirmed", "alerts_total"], group_column=DOC,
            addends=list(OUTCOMES), at_least="true_alerts_confirmed", at_most="alerts_total", count_copied_once=True,
            meta=rule_meta(
                "outcomes_match_alerts",
                "confirmed true alerts ≤ arrest + other + no action ≤ total alerts (2023 on; a column copying "
                "another throughout the document counted once)",
                show=("true_alerts_unconfirmed", "false_alerts_confirmed"),
            ),
        ),
        ExpectColumnsNotCopiedThroughoutDocument(
            column_list=[DOC, *OUTCOMES], group_column=DOC,
            meta=rule_meta("outcome_columns_distinct",
                           "arrest, other disposal and no action are separate counts, not one column printed twice"),
        ),
        ExpectPrintedRateToMatchCounts(
            column_list=["false_alerts", "faces_seen", "false_alert_rate_printed"],
            numerator="false_alerts", denominator="faces_seen", printed="false_alert_rate_printed",
            meta=rule_meta("false_alert_rate_matches_counts",
                           "printed false alert rate = false alerts ÷ faces seen, within one unit of its last digit; "
                           "0% exactly when there are no false alerts"),
        ),
        E.ExpectColumnValuesToBeBetween(
            column="threshold", min_value=THRESHOLD_RANGE[0], max_value=THRESHOLD_RANGE[1],
            meta=rule_meta("threshold_plausible", f"{THRESHOLD_RANGE[0]} ≤ threshold ≤ {THRESHOLD_RANGE[1]}"),
        ),
        E.ExpectColumnValuesToBeBetween(
            column="duration_minutes", min_value=DURATION_MINUTES[0], max_value=DURATION_MINUTES[1],
            meta=rule_meta("duration_plausible", f"{DURATION_MINUTES[0]} min ≤ duration ≤ {DURATION_MINUTES[1] // 60} h"),
        ),
        E.ExpectColumnValuesToBeBetween(
            column="deployment_date", min_value=datetime(2016, 1, 1), max_value=datetime.combine(today, datetime.min.time()),
            meta=rule_meta("date_plausible", f"2016 (the Met's first LFR trials) ≤ date ≤ {today.isoformat()}"),
        ),
        ExpectColumnValuesBetweenColumns(
            column_list=["deployment_date", "document_period_start", "document_period_end"],
            value="deployment_date", low="document_period_start", high="document_period_end",
            meta=rule_meta("date_within_document_period",
                           "the date falls in the years the document's title names, and not after it was fetched"),
        ),
        ExpectValuesInDocumentOrder(
            column_list=[DOC, "source_row", "deployment_date"], group_column=DOC, order_column="source_row",
            value="deployment_date",
            meta=rule_meta("date_in_document_order", "dates never go back down the document (rows in date order)",
                           show=("previous_row_date", "next_row_date")),
        ),
        ExpectNoJumpAndFallBack(
            column_list=[DOC, "source_row", "deployment_date", "watchlist_size"], group_column=DOC,
            order_column="source_row", date_column="deployment_date", value="watchlist_size",
            min_relative_jump=WATCHLIST_JUMP, window_days=7,
            meta=rule_meta("watchlist_not_outlier",
                           f"a watchlist within {WATCHLIST_JUMP:.0%} of the rows beside it in the same week "
                           "when those two agree (no jump that falls back)",
                           show=("previous_row_watchlist_size", "next_row_watchlist_size")),
        ),
        ExpectNoJumpAndFallBack(
            column_list=[DOC, "source_row", "deployment_date", "threshold"], group_column=DOC,
            order_column="source_row", date_column="deployment_date", value="threshold",
            min_relative_jump=THRESHOLD_JUMP, window_days=7,
            meta=rule_meta("threshold_not_outlier",
                           "a threshold setting equal to the rows beside it in the same week when those two agree",
                           show=("previous_row_threshold", "next_row_threshold")),
        ),
    ]
    return out
