"""Great Expectations suites: one per checked table, built in Python (GX 1.x).

Owns what must hold in each checked table, as GX expectations. Every
expectation carries `meta`: `rule` (its stable name: part of finding keys
and of `lfrwatch checks`), `expected` (what should hold, for people) and
optionally `show` (more columns to quote as the observed values).

The rows come from `warehouse.check_frames` (one DataFrame per suite, keyed
by `row_key`); `warehouse.checks` runs the suites. Importing a suite
imports GX (seconds): `build_suite` imports lazily.

Proof: tests/test_checks_expectations.py (each rule on generated rows),
tests/test_checks_real.py (the three real Met documents).
"""

from __future__ import annotations

from datetime import date
from importlib import import_module

# suite name -> the warehouse table it checks
SUITES: dict[str, str] = {
    "deployments": "deployments",
    "questions": "questions",
    "answers": "answers",
    "claims": "claims",
}


def build_suite(name: str, today: date) -> list:
    """The expectations of suite `name` (GX objects with meta); `today` bounds plausible dates."""
    if name not in SUITES:
        raise KeyError(f"unknown check suite {name!r}; known: {sorted(SUITES)}")
    expectations = import_module(f"schemas.expectations.{name}").expectations(today)
    rules = [e.meta["rule"] for e in expectations]
    duplicates = {r for r in rules if rules.count(r) > 1}
    if duplicates:
        raise ValueError(f"suite {name}: rule names must be unique, repeated: {sorted(duplicates)}")
    return expectations


def rule_meta(rule: str, expected: str, show: tuple[str, ...] = ()) -> dict:
    """The meta every expectation carries (see the module docstring)."""
    return {"rule": rule, "expected": expected, "show": list(show)}
