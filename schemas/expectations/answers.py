"""The answers suite: each answer on a question page, as the page shows it now.

Required fields present, one answer per (question, position), an answer
date plausible: not before the first Mayor's Question Time and not after
the run.
"""

from __future__ import annotations

from datetime import date, datetime

from schemas.expectations import rule_meta
from schemas.expectations.questions import FIRST_MQT


def expectations(today: date) -> list:
    import great_expectations as gx

    E = gx.expectations
    return [
        E.ExpectCompoundColumnsToBeUnique(column_list=["question_url", "position"],
                                          meta=rule_meta("answer_position_unique", "one answer per question and position")),
        *[
            E.ExpectColumnValuesToNotBeNull(column=c, meta=rule_meta(f"{c}_present", f"{c} is present"))
            for c in ("question_url", "position", "text", "holding")
        ],
        E.ExpectColumnValuesToBeBetween(column="position", min_value=1,
                                        meta=rule_meta("position_positive", "positions count from 1")),
        E.ExpectColumnValuesToBeBetween(
            column="answer_date", min_value=FIRST_MQT, max_value=datetime.combine(today, datetime.min.time()),
            meta=rule_meta("answer_date_plausible", f"2000-05-04 ≤ answer date ≤ {today.isoformat()}"),
        ),
    ]
