"""The claims suite: each figure stated in an answer (docs/architecture.md, "Claim shape").

Required fields present, metric and qualifier from their vocabularies
(`schemas/claims.py`), ranges well formed (0 ≤ low ≤ high), periods well
formed and never past the answer's date, and every claim's sentence found
word for word in the answer version it was taken from.
"""

from __future__ import annotations

from datetime import date, datetime

from schemas.claims import METRICS, QUALIFIERS
from schemas.expectations import rule_meta
from schemas.expectations.questions import FIRST_MQT


def expectations(today: date) -> list:
    import great_expectations as gx

    from schemas.expectations.custom import ExpectColumnValuesFoundInColumn

    E = gx.expectations
    pair = dict(or_equal=True, ignore_row_if="either_value_is_missing")
    return [
        E.ExpectColumnValuesToBeUnique(column="claim_id", meta=rule_meta("claim_id_unique", "each claim once")),
        *[
            E.ExpectColumnValuesToNotBeNull(column=c, meta=rule_meta(f"{c}_present", f"{c} is present"))
            for c in ("claim_id", "question_url", "metric", "qualifier", "sentence")
        ],
        E.ExpectColumnValuesToBeInSet(column="metric", value_set=sorted(METRICS),
                                      meta=rule_meta("metric_known", "metric is in the claim vocabulary")),
        E.ExpectColumnValuesToBeInSet(column="qualifier", value_set=sorted(QUALIFIERS),
                                      meta=rule_meta("qualifier_known", "qualifier is in the claim vocabulary")),
        E.ExpectColumnValuesToBeBetween(column="low", min_value=0, meta=rule_meta("low_not_negative", "low ≥ 0")),
        E.ExpectColumnValuesToBeBetween(column="high", min_value=0, meta=rule_meta("high_not_negative", "high ≥ 0")),
        E.ExpectColumnPairValuesAToBeGreaterThanB(column_A="high", column_B="low", **pair,
                                                  meta=rule_meta("range_well_formed", "low ≤ high")),
        E.ExpectColumnPairValuesAToBeGreaterThanB(column_A="period_end", column_B="period_start", **pair,
                                                  meta=rule_meta("period_well_formed", "period start ≤ period end")),
        E.ExpectColumnPairValuesAToBeGreaterThanB(column_A="answer_date", column_B="period_end", **pair,
                                                  meta=rule_meta("period_not_after_answer",
                                                                 "a period never extends past the answer's date")),
        E.ExpectColumnValuesToBeBetween(
            column="period_start", min_value=FIRST_MQT.replace(month=1, day=1),
            max_value=datetime.combine(today, datetime.min.time()),
            meta=rule_meta("period_start_plausible", f"2000-01-01 ≤ period start ≤ {today.isoformat()}"),
        ),
        E.ExpectColumnValuesToBeBetween(
            column="answer_date", min_value=FIRST_MQT, max_value=datetime.combine(today, datetime.min.time()),
            meta=rule_meta("answer_date_plausible", f"2000-05-04 ≤ answer date ≤ {today.isoformat()}"),
        ),
        ExpectColumnValuesFoundInColumn(
            column_list=["sentence", "answer_text"], needle="sentence", haystack="answer_text",
            meta=rule_meta("sentence_in_answer", "the claim's sentence is found word for word in its answer"),
        ),
    ]
