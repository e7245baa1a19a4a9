"""Claims against the records: one verdict per claim, stored, and the findings it makes.

Owns `claim_verdicts`: the one verdict per claim. For every
current claim (of an answer or a news release: `statements_current`) the scope is resolved to rows (warehouse/claim_scope.py) and
the claim is compared with the sum over exactly those rows, for the same
metric and definition (docs/claims.md):

- agrees: the records' figure is inside the range the claim's qualifier
  allows ("more than 13,000" is consistent with 13,200);
- contradicts: it is outside, over a scope resolved with confidence — an
  alert, with both sides' provenance;
- review, with the reason, when the scope or the definition is uncertain:
  no period, a period the records cover only in part, an unknown place, a
  selection the records do not match, a running total, a subset the
  records do not break down, a rate without a denominator, a figure the
  records do not publish for every row (engagements after 2022), arrests
  in the 2020–22 record (arrests and other disposals together), a
  watchlist over several deployments, a deployment count that matches
  only with aborted deployments or (over a week or less) only if each day's
  sites in one borough are one deployment, or records revised since the claim; a
  figure far from the records for a scope borrowed from another sentence,
  unless the same statement gave a figure for exactly that scope in its own
  words and the records confirmed it.

The verdict depends on the claim, its statement's other claims and the records only: identical data
gives the identical verdict, whatever was raised or cleared before. Each
run stores the verdicts (rows change only when a verdict's basis does),
each with the key of its finding; the rule
warehouse/rules/90_figure_contradicted.sql turns them into one finding per
claim and outcome: raised once, cleared when the outcome changes, reopened
if it comes back.
Must not: parse prose or raise alerts. Proof: tests/test_findings_contradictions.py.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import datetime

import duckdb

from schemas.claims import DEFINITIONS, MEASURES
from schemas.places import areas_of
from warehouse.claim_scope import Records, Resolution, Row, find_records, resolve
from warehouse.claim_text import records_text, show
from warehouse.db import transaction
from warehouse.rules import run_rules

VERDICT_STATES = {"contradicts": "alert", "review": "review"}


@dataclass
class Verdict:
    claim_id: str
    verdict: str
    reasons: list[str]
    computed: float | None
    computed_first_published: float | None
    resolution: Resolution
    rates: dict


def record_contradictions(con: duckdb.DuckDBPyConnection, *, at: datetime) -> int:
    """Evaluate every current claim, store the verdicts, keep the findings; returns how many findings are new."""
    records = find_records(con)
    claims = _claims(con)
    verdicts = _confirmed_scopes(claims, [evaluate(c, records) for c in claims])
    with transaction(con):
        _store(con, claims, verdicts, at)
    return run_rules(con, group="claims", at=at)


def _claims(con) -> list[dict]:
    cursor = con.execute("""
        SELECT c.*, coalesce(s.reference, s.statement_url) AS ref, s.title
        FROM claims c
        JOIN statements_current s
          ON s.statement_url = c.question_url AND s.position = c.position AND s.text_sha256 = c.text_sha256
        WHERE NOT s.holding
        ORDER BY c.question_url, c.position, c.sentence_index, c.claim_id""")
    names = [d[0] for d in cursor.description]
    claims = [dict(zip(names, row)) for row in cursor.fetchall()]
    for c in claims:
        c["locations"] = json.loads(c["locations"]) if c["locations"] else []
        c["cumulative"] = bool(c["cumulative"])
    return claims


def _sum(rows: list[Row], fields: tuple[str, ...], first: bool = False) -> tuple[float | None, int]:
    """The sum of `fields` over rows, and how many rows lack one of them."""
    total, missing = 0, 0
    for r in rows:
        figures = r.first_figures if first else r.figures
        values = [figures.get(f) for f in fields]
        if any(v is None for v in values):
            missing += 1
        else:
            total += sum(values)
    return total, missing


def _measure(metric: str, rows: list[Row], first: bool = False) -> tuple[float | None, int]:
    numerator, denominator = MEASURES[metric]
    if metric == "deployments":
        return len(rows), 0
    num, missing = _sum(rows, numerator, first)
    if denominator is None:
        return num, missing
    den, missing_den = _sum(rows, denominator, first)
    return (num / den if den else None), max(missing, missing_den)


def evaluate(c: dict, records: Records) -> Verdict:
    """The verdict on one claim against the records (module docstring)."""
    metric = c["metric"]
    scope = resolve(c, records)
    rows, reasons = scope.rows, list(scope.reasons)
    false_, _ = _sum(rows, ("false_alerts",))
    faces, _ = _sum(rows, ("faces_seen",))
    alerts, _ = _sum(rows, ("alerts_total",))
    rates = {"deployments": len(rows), "per_face": false_ / faces if faces else None,
             "per_alert": false_ / alerts if alerts else None}
    if metric not in MEASURES:
        reasons.append(f"the metric {metric} has no single definition in the records (denominator not stated)"
                       if metric == "false_alert_rate" else f"the records do not publish {metric}")
        return Verdict(c["claim_id"], "review", reasons, None, None, scope, rates)
    computed, missing = _measure(metric, rows)
    first, _ = _measure(metric, rows, first=True)
    if c["subset"]:
        reasons.append(f"the figure counts a subset ({c['subset']}) the records do not break down")
    if rows and missing:
        reasons.append(f"the records do not publish {metric} for {missing} of {len(rows)} deployments in scope")
    if metric == "arrests" and any(r.arrests_include_other_disposals for r in rows):
        reasons.append("the 2020–22 records count arrests and other disposals together")
    if metric == "watchlist_size" and len(rows) != 1:
        reasons.append("watchlist size is per deployment and the scope matches "
                       f"{'no' if not rows else len(rows)} deployments")
    if metric == "deployments" and not _inside(c, computed) and scope.aborted \
            and _inside(c, computed + len(scope.aborted)):
        reasons.append(f"the count matches only if the {len(scope.aborted)} aborted deployment(s) are counted")
    if metric == "deployments" and not reasons and not _inside(c, computed) and _within_a_week(c) \
            and _inside(c, sites := _outings(rows)):
        reasons.append(f"the count matches the records if each day's sites in one borough are one deployment ({sites}); "
                       f"the records list {computed} rows")
    if reasons:
        return Verdict(c["claim_id"], "review", reasons, computed, first, scope, rates)
    if _inside(c, computed):
        return Verdict(c["claim_id"], "agrees", [], computed, first, scope, rates)
    if any(_inside(c, _measure(metric, alt)[0]) for alt in scope.alternatives):
        return Verdict(c["claim_id"], "review", [
            f"the records list {len(scope.alternatives) + 1} ways to take '{c['selection_words']}' (they do not say in "
            f"which order one day's deployments came); the claim agrees with one of them, not with the first "
            f"printed ({show(metric, computed)})"], computed, first, scope, rates)
    if first != computed and _inside(c, first):
        return Verdict(c["claim_id"], "review", ["the claim agrees with the figures as first published; revised since"],
                       computed, first, scope, rates)
    if c["period_source"] in _BORROWED and _far(c, computed):
        # A scope read from another sentence is less certain than one the sentence states: a figure far from
        # the records for it is more likely about something else than a contradiction.
        return Verdict(c["claim_id"], "review", [
            f"{_FAR} {show(metric, computed)} for a scope taken from "
            f"{c['period_source'].replace('_', ' ')} (“{c['period_words']}”); it may be about something else"],
                       computed, first, scope, rates)
    return Verdict(c["claim_id"], "contradicts", [], computed, first, scope, rates)


def _within_a_week(c: dict) -> bool:
    return bool(c["period_start"] and c["period_end"] and (c["period_end"] - c["period_start"]).days <= 6)


def _outings(rows: list[Row]) -> int:
    """Deployments counted as a day's outing in one borough ("officers on North End and Church Street in Croydon town
    centre" on one day: two rows of the records, one deployment to a speaker)."""
    return len({(r.deployment_date, frozenset(areas_of(r.location)) or r.location) for r in rows})


_BORROWED = {"earlier_sentence", "later_sentence", "question", "title"}
_FAR = "the figure is far from the records'"


def _confirmed_scopes(claims: list[dict], verdicts: list[Verdict]) -> list[Verdict]:
    """A figure far from the records for a borrowed scope is a contradiction after all when its statement gave,
    in its own words, a figure for exactly that scope that the records confirm ("in 2024 live facial recognition
    was deployed … three times at Clapham Junction. … the Clapham Junction deployments led to 12 arrests": the
    three agree, so the 12 is about those deployments, and the records have 5). Only a figure that names its
    place itself: a bare count borrowing the whole scope may still be about something else."""
    agreed = {_scope_key(c) for c, v in zip(claims, verdicts) if v.verdict == "agrees" and c["period_source"] == "sentence"}
    # … or a figure beside it in the same sentence or table row ("Stratford | 3 | 25 | 23" under a period named
    # before the table: the 3 deployments and 23 arrests agree, so the 25 alerts are for those deployments too)
    beside = {(_scope_key(c), c["sentence"]) for c, v in zip(claims, verdicts) if v.verdict == "agrees"}
    return [replace(v, verdict="contradicts", reasons=[])
            if v.verdict == "review" and len(v.reasons) == 1 and v.reasons[0].startswith(_FAR)
            and (_scope_key(c) in agreed or (_scope_key(c), c["sentence"]) in beside)
            and c["places_source"] == "sentence" and c["locations"]  # the far figure names the place itself
            else v for c, v in zip(claims, verdicts)]


def _scope_key(c: dict) -> tuple:
    return (c["question_url"], c["position"], c["text_sha256"], c["period_start"], c["period_end"],
            tuple(sorted(c["locations"])))


def _far(c: dict, computed) -> bool:
    """More than twice, or less than half, the records' figure."""
    bound = c["low"] if c["low"] is not None else c["high"]
    if computed is None or bound is None:
        return False
    if computed == 0 or bound == 0:
        return max(computed, bound) > 2
    return not 0.5 <= bound / computed <= 2


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


def _records(metric: str, computed, rows: list[Row]) -> str:
    return records_text(metric, computed, rows, lambda r: _measure(metric, [r])[0])


def _deployment_json(metric: str, r: Row) -> dict:
    value = None if metric not in MEASURES else _measure(metric, [r])[0]
    return {"deployment_id": r.deployment_id, "deployment_date": r.deployment_date, "location": r.location,
            "value": value, "document": {"url": r.document_url, "sha256": r.document_sha256,
                                         "label": r.document_label, "page": r.page, "row": r.row}}


def _basis(c: dict, v: Verdict) -> str:
    rows = [(r.deployment_id, sorted(r.figures.items()), sorted(r.first_figures.items())) for r in v.resolution.rows]
    claim = [c[k] for k in ("claim_id", "metric", "low", "high", "period_start", "period_end", "answer_date")]
    return hashlib.sha256(json.dumps([claim, v.verdict, v.reasons, v.computed, rows], default=str).encode()).hexdigest()


def _finding_key(c: dict, v: Verdict) -> str | None:
    """The key of the verdict's finding: one per claim and outcome (None when it agrees)."""
    if v.verdict == "agrees":
        return None
    basis = json.dumps([VERDICT_STATES[v.verdict], v.computed, v.reasons,
                        [r.deployment_id for r in v.resolution.rows]], default=str, sort_keys=True)
    return f"figure_contradicted:{c['claim_id']}:" + hashlib.sha256(basis.encode()).hexdigest()[:16]


def _store(con, claims: list[dict], verdicts: list[Verdict], at: datetime) -> None:
    """Write the verdicts that are new or whose basis changed; drop those of claims no longer current."""
    known = dict(con.execute("SELECT claim_id, basis_sha256 FROM claim_verdicts").fetchall())
    current = {v.claim_id for v in verdicts}
    gone = [k for k in known if k not in current]
    if gone:
        con.execute("DELETE FROM claim_verdicts WHERE list_contains(?, claim_id)", [gone])
    changed = []
    for c, v in zip(claims, verdicts):
        basis = _basis(c, v)
        if known.get(v.claim_id) == basis:
            continue
        rows, metric = v.resolution.rows, c["metric"]
        changed.append({
            "claim_id": v.claim_id, "verdict": v.verdict, "reasons": json.dumps(v.reasons), "computed": v.computed,
            "deployment_ids": json.dumps([r.deployment_id for r in rows]),
            "deployments": json.dumps([_deployment_json(metric, r) for r in rows], default=str),
            "records_text": _records(metric, v.computed, rows) if metric in MEASURES else None,
            "scope_start": v.resolution.start, "scope_end": v.resolution.end, "basis_sha256": basis,
            "evaluated_at": at, "computed_first_published": v.computed_first_published,
            "rates": json.dumps(v.rates, default=str), "definition": DEFINITIONS.get(metric, metric),
            "finding_key": _finding_key(c, v)})
    if changed:
        con.execute("INSERT OR REPLACE INTO claim_verdicts BY NAME SELECT unnest(?::STRUCT(" + _VERDICT_TYPES
                    + ")[], recursive := true)", [changed])


_VERDICT_TYPES = ("claim_id VARCHAR, verdict VARCHAR, reasons JSON, computed DOUBLE, deployment_ids JSON, "
                  "deployments JSON, records_text VARCHAR, scope_start DATE, scope_end DATE, basis_sha256 VARCHAR, "
                  "evaluated_at TIMESTAMPTZ, computed_first_published DOUBLE, rates JSON, definition VARCHAR, "
                  "finding_key VARCHAR")
