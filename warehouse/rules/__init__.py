"""The findings engine: every rule is one .sql file in this folder, and this folder is the list of rules.

A rule file starts with a header naming its `kind`, its `group`
('changes', 'claims' or 'checks': which step of a run runs it;
'transcriptions': `lfrwatch compare --record`) and its
`lifecycle`, then one SELECT returning the same columns as every rule:

    finding_key  TEXT  deterministic: the same fact always has the same key
    kind         TEXT
    subject      TEXT  'document:<url>', 'deployment:<id>', 'question:<ref>', 'source:<name>'
    state        TEXT  'alert' | 'review' | 'noted'
    evidence     JSON  the shape of warehouse/finding_kinds.py for the kind
    facts        JSON  the few inputs of the summary that are not evidence
    clears       TEXT  condition rules: the key prefix of what this row was evaluated
                       for (one claim, one source); NULL for events

A condition rule returns a row for everything it evaluates; a row whose
condition does not hold has no finding_key and only clears.

A rule may use named parameters ($at, $fresh_days, $stale_after_days,
$figure_columns) and the macros of `_macros.sql`.

The engine only runs the rules, records the findings it has not seen
(with their summary, warehouse/finding_kinds.py), and for a `condition`
rule (a state that holds or not, such as a contradiction) clears the
findings no longer returned and reopens those returned again. An `event`
rule's findings (something that happened) are never cleared. All in one
transaction per call: a failure leaves the findings as they were.

Must not: fetch, parse prose, or raise alerts (warehouse/alerts.py).
Proof: tests/test_findings_changes.py, tests/test_findings_contradictions.py, tests/test_findings_scenario.py.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources

import duckdb

from schemas.records import FIGURE_COLUMNS
from warehouse.db import transaction
from warehouse.finding_kinds import summary

FRESH_DAYS = 60  # an answer first seen more than this long after its date is history, not news
GROUPS = ("changes", "claims", "checks", "transcriptions")
LIFECYCLES = ("event", "condition")
_HEADER = re.compile(r"^--\s*(kind|group|lifecycle):\s*(\S+)\s*$", re.M)
_PARAMETER = re.compile(r"\$(\w+)")


@dataclass(frozen=True)
class Rule:
    name: str  # the file's name without .sql
    kind: str
    group: str
    lifecycle: str
    sql: str

    @property
    def parameters(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(_PARAMETER.findall(self.sql)))


@cache
def rules() -> tuple[Rule, ...]:
    """Every rule file, in file-name order (the order findings are recorded in)."""
    found = []
    for entry in sorted(resources.files(__package__).iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".sql") or entry.name.startswith("_"):
            continue
        sql = entry.read_text(encoding="utf-8")
        header = dict(_HEADER.findall(sql))
        rule = Rule(entry.name.removesuffix(".sql"), header.get("kind", ""), header.get("group", ""),
                    header.get("lifecycle", ""), sql.strip().rstrip(";"))
        if not rule.kind or rule.group not in GROUPS or rule.lifecycle not in LIFECYCLES:
            raise ValueError(f"rule {entry.name}: the header needs kind, group ({'/'.join(GROUPS)}) and "
                             f"lifecycle ({'/'.join(LIFECYCLES)})")
        found.append(rule)
    return tuple(found)


@cache
def _macros() -> str:
    return resources.files(__package__).joinpath("_macros.sql").read_text(encoding="utf-8")


def run_rules(
    con: duckdb.DuckDBPyConnection,
    *,
    group: str,
    at: datetime,
    stale_after_days: int = 45,
    fresh_days: int = FRESH_DAYS,
) -> int:
    """Run every rule of `group`; returns how many findings are new."""
    values = {"at": at, "stale_after_days": stale_after_days, "fresh_days": fresh_days,
              "figure_columns": list(FIGURE_COLUMNS)}
    con.execute(_macros())
    new = 0
    with transaction(con):
        for rule in rules():
            if rule.group == group:
                new += _apply(con, rule, {p: values[p] for p in rule.parameters}, at)
    return new


def record_change_findings(
    con: duckdb.DuckDBPyConnection, *, at: datetime, stale_after_days: int, fresh_days: int = FRESH_DAYS
) -> int:
    """What is new or different since the last run (documents, deployments, figures, answers, stale sources)."""
    return run_rules(con, group="changes", at=at, stale_after_days=stale_after_days, fresh_days=fresh_days)


def _apply(con: duckdb.DuckDBPyConnection, rule: Rule, parameters: dict, at: datetime) -> int:
    if rule.lifecycle == "event":
        # Only what is not recorded yet leaves the database: events are never cleared or reopened.
        sql = f"SELECT * FROM ({rule.sql}) r WHERE NOT EXISTS (SELECT 1 FROM findings f WHERE f.finding_key = r.finding_key)"
        return _insert(con, con.execute(sql, parameters).fetchall(), at)
    rows = con.execute(rule.sql, parameters).fetchall()
    current = {r[0]: r[3] for r in rows if r[0] is not None}
    evaluated = sorted({r[6] for r in rows if r[6] is not None})
    known = dict(con.execute("SELECT finding_key, state FROM findings WHERE kind = ?", [rule.kind]).fetchall())
    # What was evaluated and no longer holds is cleared; what was not evaluated (a claim no longer current) stays.
    con.execute(
        "UPDATE findings SET state = 'cleared', cleared_at = ? "
        "WHERE kind = ? AND state <> 'cleared' AND NOT list_contains(?::VARCHAR[], finding_key) "
        "AND len(list_filter(?::VARCHAR[], lambda p: starts_with(finding_key, p))) > 0",
        [at, rule.kind, list(current), evaluated],
    )
    for state in set(current.values()):
        back = [k for k, s in current.items() if s == state and known.get(k) == "cleared"]
        if back:  # the same outcome as before a change that was undone: that finding again, no new one
            con.execute("UPDATE findings SET state = ?, cleared_at = NULL WHERE list_contains(?::VARCHAR[], finding_key)",
                        [state, back])
    return _insert(con, [r for r in rows if r[0] is not None and r[0] not in known], at)


def _insert(con: duckdb.DuckDBPyConnection, rows: list[tuple], at: datetime) -> int:
    """Record new findings (key, kind, subject, state, evidence, facts, …) with their summaries, in one statement."""
    records = []
    for key, kind, subject, state, evidence, facts, *_ in rows:
        shown = json.loads(evidence)
        records.append((key, kind, subject, state, summary(kind, shown, json.loads(facts)), evidence, at))
    if not records:
        return 0
    return len(con.execute(
        "INSERT INTO findings SELECT r.*, NULL FROM (SELECT unnest(?::STRUCT(k VARCHAR, kind VARCHAR, subject VARCHAR, "
        "state VARCHAR, summary VARCHAR, evidence JSON, raised_at TIMESTAMPTZ)[], recursive := true)) r "
        "ON CONFLICT (finding_key) DO NOTHING RETURNING 1",
        [[dict(zip(("k", "kind", "subject", "state", "summary", "evidence", "raised_at"), r)) for r in records]],
    ).fetchall())
