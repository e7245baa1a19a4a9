"""Contradictions: figures stated in answers (claims) against the deployment records.

Owns the `figure_contradicted` findings. A claim is compared only with the
same metric, the same definition and the same period (SOURCES.md §3):

- the records are the deployments as published now (one withdrawn from
  every document no longer counts); the period is the claim's, cut at
  the answer's date, so deployments after the answer never count;
  aborted deployments never count; a claim about `deployments` counts
  completed ones;
- rates are computed both ways (false alerts per face seen, per alert)
  and a claim is compared only with its own definition;
- a claim outside the range its own qualifier allows ("more than 13,000"
  is consistent with 13,200) is state `alert`;
- where the scope cannot be matched with confidence — no period, a period
  the records do not cover, places the records do not name, a selection
  ("the first two deployments") the period does not pin down, a rate
  whose denominator is unknown, figures the records do not publish for
  the period, arrests across the 2020–22 definition, or records revised
  since the claim — the finding is state `review` for a person.

Each claim is re-evaluated every run; the finding key carries the outcome,
so a claim's finding changes when the records change (the old one is
cleared) and stays one finding while they don't.

Must not: parse answers (scrapers/claims.py does) or raise alerts.
Proof: tests/test_findings_contradictions.py.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date, datetime

import duckdb

from warehouse.db import transaction
from warehouse.findings import record_finding

# metric -> (numerator, denominator) over a deployments row `d`; None: not a sum.
_MEASURES: dict[str, tuple[str, str | None]] = {
    "deployments": ("1", None),
    "faces_seen": ("d.faces_seen", None),
    "alerts_total": ("d.alerts_total", None),
    "true_alerts": ("d.true_alerts", None),
    "false_alerts": ("d.false_alerts", None),
    "false_alert_engagements": ("d.false_alert_engagements", None),
    "engagements": ("d.true_alert_engagements + d.false_alert_engagements", None),
    "arrests": ("d.arrests", None),
    "watchlist_size": ("d.watchlist_size", None),
    "false_alert_rate_per_face": ("d.false_alerts", "d.faces_seen"),
    "false_alert_rate_per_alert": ("d.false_alerts", "d.alerts_total"),
}
DEFINITIONS = {
    "false_alert_rate_per_face": "false alerts ÷ faces seen",
    "false_alert_rate_per_alert": "false alerts ÷ all alerts",
    "deployments": "completed deployments (aborted ones excluded)",
}
_NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
# "the first two deployments", "the last 3 LFR deployments", "the first deployment"
_SELECTION = re.compile(
    r"\b(?P<end>first|initial|earliest|opening|last|latest|final|most recent)\s+"
    r"(?:(?P<count>\d+|" + "|".join(_NUMBER_WORDS) + r")\s+)?(?:[a-z]+\s+){0,3}?deployments?\b", re.I)
_ANAPHORA = re.compile(r"\b(?:these|those|both|each|either|such|same)\b[^.]*\bdeployments?\b", re.I)


# The records as published now: a deployment withdrawn from every document it was in no longer counts.
_PUBLISHED = """published AS (
    SELECT d.* FROM deployments d
    WHERE EXISTS (SELECT 1 FROM deployment_observations o JOIN source_urls s ON s.last_sha256 = o.document_sha256
                  WHERE o.deployment_id = d.deployment_id)
)"""


def _norm(sql: str) -> str:
    """SQL normalising a place name: lower case, no accents or apostrophes, words separated by one space."""
    return (f"trim(regexp_replace(lower(strip_accents(replace(replace({sql}, '’', ''), '''', ''))), "
            f"'[^a-z0-9]+', ' ', 'g'))")


def record_contradictions(con: duckdb.DuckDBPyConnection, *, at: datetime) -> int:
    """Evaluate every current claim against the records; returns how many findings are new."""
    start, end = con.execute(
        f"WITH {_PUBLISHED} SELECT min(deployment_date), max(deployment_date) FROM published").fetchall()[0]
    coverage = (date(start.year, 1, 1), end) if start else None
    new = 0
    with transaction(con):
        for claim in _claims(con):
            new += _record(con, claim, _evaluate(con, claim, coverage), at)
    return new


def _claims(con) -> list[dict]:
    cursor = con.execute("""
        SELECT c.claim_id, c.question_url, coalesce(q.reference, q.question_url) AS ref, q.title, c.position,
               c.text_sha256, c.answer_date, c.sentence_index, c.metric, c.low, c.high, c.qualifier,
               c.period_start, least(c.period_end, c.answer_date) AS period_end, c.locations, c.scope_text, c.sentence
        FROM claims c
        JOIN answers a ON a.question_url = c.question_url AND a.position = c.position AND a.text_sha256 = c.text_sha256
        JOIN questions q ON q.question_url = c.question_url
        WHERE NOT a.holding
        ORDER BY c.question_url, c.position, c.sentence_index, c.claim_id""")
    names = [d[0] for d in cursor.description]
    claims = [dict(zip(names, row)) for row in cursor.fetchall()]
    for c in claims:
        c["locations"] = json.loads(c["locations"]) if c["locations"] else []
    return claims


def _selection(scope_text: str | None) -> tuple[str, int] | str | None:
    """('first'|'last', N) for an ordinal selection, 'anaphora' for "these deployments", else None."""
    if not scope_text:
        return None
    m = _SELECTION.search(scope_text)
    if m:
        count = m["count"]
        n = 1 if count is None else int(count) if count.isdigit() else _NUMBER_WORDS[count.lower()]
        return ("first" if m["end"].lower() in ("first", "initial", "earliest", "opening") else "last", n)
    return "anaphora" if _ANAPHORA.search(scope_text) else None


def _evaluate(con, c: dict, coverage) -> dict:
    """The outcome for one claim: state ('alert', 'review' or 'agree'), computed values, reasons."""
    metric, reasons = c["metric"], []
    selection = _selection(c["scope_text"])
    if metric not in _MEASURES:
        reasons.append(f"the metric {metric} has no single definition in the records (denominator not stated)"
                       if metric == "false_alert_rate" else f"the records do not publish {metric}")
    if c["period_start"] is None or c["period_end"] is None:
        reasons.append("the claim's period is not known")
    elif coverage is None or c["period_start"] < coverage[0] or c["period_end"] > coverage[1]:
        reasons.append(f"the records cover {coverage[0]} to {coverage[1]}" if coverage else "no records loaded")
    if selection == "anaphora":
        reasons.append(f"the scope ({c['scope_text']}) refers to deployments named elsewhere")
    if reasons:
        return {"state": "review", "reasons": reasons, **_reference(con, c)}
    scope = _scope(con, c, selection)
    reasons += scope.pop("reasons")
    if reasons:
        return {"state": "review", "reasons": reasons, **scope}
    inside_now = _inside(c, scope["computed"])
    if inside_now:
        return {"state": "agree", "reasons": [], **scope}
    if scope["revised"] and _inside(c, scope["computed_first_published"]):
        return {"state": "review", "reasons": ["the claim agrees with the figures as first published; revised since"],
                **scope}
    return {"state": "alert", "reasons": [], **scope}


def _reference(con, c: dict) -> dict:
    """What the records say for the claim's period, for a person reviewing it (both rate definitions)."""
    if c["period_start"] is None or c["period_end"] is None:
        return {"computed": None, "deployments": [], "rates": None}
    rows = con.execute(f"""
        WITH {_PUBLISHED}
        SELECT count(*), sum(false_alerts), sum(faces_seen), sum(alerts_total) FROM published
        WHERE status = 'completed' AND deployment_date BETWEEN ? AND ?""",
                       [c["period_start"], c["period_end"]]).fetchall()[0]
    n, false, faces, alerts = rows
    return {"computed": None, "deployments": [], "rates": {
        "deployments": n, "per_face": false / faces if false is not None and faces else None,
        "per_alert": false / alerts if false is not None and alerts else None}}


def _scope(con, c: dict, selection) -> dict:
    """Deployments in scope and the metric computed over them, now and as first published."""
    numerator, denominator = _MEASURES[c["metric"]]
    places = [p for p in c["locations"] if p.strip()]
    limit = ""
    if isinstance(selection, tuple):
        order = "ASC" if selection[0] == "first" else "DESC"
        limit = f"QUALIFY row_number() OVER (ORDER BY d.deployment_date {order}, d.source_row {order}) <= {int(selection[1])}"
    first = numerator.replace("d.", "f.")
    first_den = denominator.replace("d.", "f.") if denominator else "NULL"
    rows = con.execute(f"""
        WITH {_PUBLISHED},
        firsts AS (
            SELECT * FROM deployment_versions
            QUALIFY row_number() OVER (PARTITION BY deployment_id ORDER BY first_observed_at, figures_sha256) = 1
        ),
        scope AS (
            SELECT d.deployment_id, d.deployment_date, d.location, d.document_url, d.document_sha256, d.source_page,
                   d.source_row, d.other_disposals, d.false_alerts, d.faces_seen, d.alerts_total,
                   {numerator} AS num, {denominator or 'NULL'} AS den, {first} AS first_num, {first_den} AS first_den,
                   d.figures_sha256 <> f.figures_sha256 AS revised
            FROM published d JOIN firsts f USING (deployment_id)
            WHERE d.status = 'completed' AND d.deployment_date BETWEEN $start AND $end
              AND (len(CAST($places AS VARCHAR[])) = 0 OR len(list_filter(CAST($places AS VARCHAR[]), lambda p: contains({_norm('d.location')}, {_norm('p')}))) > 0)
            {limit}
        )
        SELECT count(*) AS n, sum(num) AS num, sum(den) AS den, count(num) AS known, count(den) AS known_den,
               sum(first_num) AS first_num, sum(first_den) AS first_den, count(other_disposals) AS split_arrests,
               bool_or(revised) AS revised, sum(false_alerts) AS false_sum, sum(faces_seen) AS faces,
               sum(alerts_total) AS alerts,
               list({{'deployment_id': deployment_id, 'deployment_date': deployment_date, 'location': location,
                     'value': num, 'document': {{'url': document_url, 'sha256': document_sha256, 'page': source_page,
                     'row': source_row}}}} ORDER BY deployment_date, source_row) AS deployments,
               (SELECT list(p) FROM unnest(CAST($places AS VARCHAR[])) AS t(p)
                 WHERE NOT EXISTS (SELECT 1 FROM published d2 WHERE d2.status = 'completed'
                   AND d2.deployment_date BETWEEN $start AND $end
                   AND contains({_norm('d2.location')}, {_norm('p')}))) AS unknown_places
        FROM scope""", {"start": c["period_start"], "end": c["period_end"], "places": places}).fetchall()
    (n, num, den, known, known_den, first_num, first_den, split, revised, false, faces, alerts,
     deployments, unknown_places) = rows[0]
    reasons = []
    if unknown_places:
        reasons.append(f"no deployment in the period at {', '.join(unknown_places)}")
    if n == 0:
        reasons.append("no completed deployment in the records matches the scope")
    elif isinstance(selection, tuple) and n < selection[1]:
        reasons.append(f"the records have only {n} completed deployments for '{c['scope_text']}'")
    missing = n - min(known, known_den if denominator else n)
    if n and missing:
        reasons.append(f"the records do not publish {c['metric']} for {missing} of {n} deployments in scope")
    if c["metric"] == "arrests" and split < n:
        reasons.append("the 2020–22 records count arrests and other disposals together")
    if c["metric"] == "watchlist_size" and n != 1:
        reasons.append("watchlist size is per deployment and the scope matches more than one")
    return {
        "reasons": reasons,
        "computed": _value(num, den, denominator),
        "computed_first_published": _value(first_num, first_den, denominator),
        "revised": bool(revised),
        "deployments": [dict(d) for d in deployments or []],
        "rates": {"per_face": false / faces if false is not None and faces else None,
                  "per_alert": false / alerts if false is not None and alerts else None},
    }


def _value(num, den, denominator: str | None):
    if denominator is None:
        return num
    return num / den if num is not None and den else None


def _decimals(x: float) -> int:
    text = f"{x:.12f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def _inside(c: dict, value) -> bool:
    """Within the claim's range, a rate compared at the claim's printed precision."""
    if value is None:
        return False
    if c["metric"] in ("false_alert_rate_per_face", "false_alert_rate_per_alert"):
        value = round(value, max(_decimals(b) for b in (c["low"], c["high"]) if b is not None))
    return (c["low"] is None or value >= c["low"] - 1e-12) and (c["high"] is None or value <= c["high"] + 1e-12)


def _show(metric: str, x) -> str:
    if x is None:
        return "?"
    if metric.startswith("false_alert_rate"):
        return f"{x * 100:.4g}%"
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"


def range_text(metric: str, low, high) -> str:
    """A claim's range for people: '= 8', '≥ 13,001', '≤ 99', '4,370–4,830'."""
    if low is not None and high is not None:
        return f"= {_show(metric, low)}" if low == high else f"{_show(metric, low)}–{_show(metric, high)}"
    return f"≥ {_show(metric, low)}" if low is not None else f"≤ {_show(metric, high)}"


def _record(con, c: dict, outcome: dict, at: datetime) -> int:
    prefix = f"figure_contradicted:{c['claim_id']}:"
    key = None
    if outcome["state"] != "agree":
        basis = json.dumps([outcome["state"], outcome["computed"], outcome["reasons"],
                            [d["deployment_id"] for d in outcome["deployments"]]], default=str, sort_keys=True)
        key = prefix + hashlib.sha256(basis.encode()).hexdigest()[:16]
    con.execute(
        "UPDATE findings SET state = 'cleared', cleared_at = ? WHERE kind = 'figure_contradicted' "
        "AND starts_with(finding_key, ?) AND finding_key IS DISTINCT FROM ? AND state <> 'cleared'",
        [at, prefix, key],
    )
    if key is None:
        return 0
    # The same outcome as before a change that was undone: open that finding again, no new one.
    con.execute("UPDATE findings SET state = ?, cleared_at = NULL WHERE finding_key = ? AND state = 'cleared'",
                [outcome["state"], key])
    metric, period = c["metric"], f"{c['period_start']} to {c['period_end']}"
    claimed = range_text(metric, c["low"], c["high"])
    if outcome["state"] == "alert":
        summary = (f"Contradiction: {c['ref']} states {metric} {claimed} for {period}; the records give "
                   f"{_show(metric, outcome['computed'])} ({len(outcome['deployments'])} deployments)")
    else:
        summary = f"Review: {c['ref']} states {metric} {claimed}: {'; '.join(outcome['reasons'])}"
    evidence = {
        "metric": metric,
        "definition": DEFINITIONS.get(metric, metric),
        "claim": {k: c[k] for k in ("claim_id", "low", "high", "qualifier", "sentence", "question_url", "answer_date",
                                    "period_start", "period_end", "locations", "scope_text", "position",
                                    "text_sha256", "sentence_index")} | {"reference": c["ref"]},
        "computed": outcome["computed"],
        "computed_first_published": outcome.get("computed_first_published"),
        "deployment_ids": [d["deployment_id"] for d in outcome["deployments"]],
        "deployments": outcome["deployments"],
        "rates": outcome.get("rates"),
        "reasons": outcome["reasons"],
    }
    return record_finding(con, key=key, kind="figure_contradicted", subject=f"question:{c['ref']}", summary=summary,
                          evidence=evidence, at=at, state=outcome["state"])
