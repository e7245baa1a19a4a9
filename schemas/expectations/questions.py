"""The questions suite: each Mayor's Question as parsed from its page.

Required fields present (the URL is the key because supplementary
questions can lack a reference, docs/sources.md §2.2), values from their
vocabularies, a reference shaped `YYYY/NNNN`, a meeting date plausible:
not before the first Mayor's Question Time (2000) and not more than a
year after the run (questions are published ahead of their meeting).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from schemas.expectations import rule_meta

FIRST_MQT = datetime(2000, 5, 4)  # the first Mayor of London took office; no question is older


def expectations(today: date) -> list:
    import great_expectations as gx

    E = gx.expectations
    latest_meeting = datetime.combine(today + timedelta(days=366), datetime.min.time())
    out = [
        E.ExpectColumnValuesToBeUnique(column="question_url", meta=rule_meta("question_url_unique", "each question page once")),
    ]
    out += [
        E.ExpectColumnValuesToNotBeNull(column=c, meta=rule_meta(f"{c}_present", f"{c} is present"))
        for c in ("question_url", "title", "question_text")
    ]
    out += [
        E.ExpectColumnValueLengthsToBeBetween(column=c, min_value=1, meta=rule_meta(f"{c}_not_empty", f"{c} is not empty"))
        for c in ("title", "question_text")
    ]
    out += [
        E.ExpectColumnValuesToBeInSet(column="layout", value_set=["old", "new"],
                                      meta=rule_meta("layout_known", "layout is old or new")),
        E.ExpectColumnValuesToBeInSet(column="answer_state", value_set=["answered", "holding", "unanswered"],
                                      meta=rule_meta("answer_state_known", "answer_state is answered, holding or unanswered")),
        E.ExpectColumnValuesToMatchRegex(column="reference", regex=r"^\d{4}/\d{1,5}$",
                                         meta=rule_meta("reference_shaped", "a reference looks like 2020/1034")),
        E.ExpectColumnValuesToBeBetween(
            column="meeting_date", min_value=FIRST_MQT, max_value=latest_meeting,
            meta=rule_meta("meeting_date_plausible", f"2000-05-04 ≤ meeting date ≤ {latest_meeting.date().isoformat()}"),
        ),
    ]
    return out
