"""The passage reader and the verdicts on real official statements (tests/evidence/, the development set).

Floors, not targets: they fail when a change makes the reader lose claims,
invent them, misplace periods, or invent or miss a disagreement with the
real records on statements it was developed on. The held-out set's figures
are printed by benchmarks/claims_real.py and reported, never asserted here
(asserting them would invite tuning on them); only its "nothing invented"
is checked, since an invented contradiction is never acceptable.
"""

from __future__ import annotations

import pytest

from benchmarks.claims_real import real_records
from tests.helpers.real_pages import REAL_PDFS, REAL_PAGES
from tests.helpers.statements_eval import load_statements, score_claims, score_verdicts, short


@pytest.fixture(scope="module")
def dev() -> list[dict]:
    return load_statements("dev")


def test_the_evidence_is_whole(dev):
    for s in dev + load_statements("heldout"):
        assert s["url"] and "statement_date" in s and s["text"], s["id"]
        for c in s["claims"]:
            assert c["sentence_contains"] in s["text"], (s["id"], c["sentence_contains"])
            assert c["expect_verdict"] in ("agrees", "contradicts", "review")


def test_claims_on_the_development_set(dev):
    score = score_claims(dev)
    misses = [f"{sid}: {short(c)}" for sid, c in score.misses]
    extras = [f"{sid}: {short(c)}" for sid, c in score.extras]
    assert score.recall >= 0.93, misses
    assert score.precision >= 0.97, extras
    assert score.period_share >= 0.90, [f"{sid}: {short(g)} want {w['period_start']}..{w['period_end']}"
                                        for sid, g, w in score.wrong_periods]


@pytest.mark.parametrize("name, recall, precision, period", [
    ("synthetic", 0.93, 0.98, 0.95), ("synthetic2", 0.89, 0.96, 0.90), ("synthetic3", 0.87, 0.94, 0.89),
    ("synthetic4", 0.90, 0.95, 0.88), ("synthetic5", 0.85, 0.93, 0.92), ("synthetic6", 0.79, 0.92, 0.89),
    ("synthetic7", 0.87, 0.93, 0.92), ("synthetic8", 0.84, 0.89, 0.87), ("synthetic9", 0.84, 0.92, 0.85),
    ("synthetic10", 0.90, 0.94, 0.95), ("synthetic11", 0.93, 0.96, 0.95),
    ("synthetic12", 0.92, 0.94, 0.80), ("synthetic13", 0.91, 0.96, 0.84),
    ("synthetic14", 0.88, 0.95, 0.95), ("synthetic15", 0.95, 0.95, 0.95),
    ("synthetic16", 0.95, 0.95, 0.88), ("synthetic17", 0.95, 0.95, 0.95), ("synthetic18", 0.95, 0.92, 0.95),
    ("synthetic19", 0.95, 0.95, 0.95), ("synthetic20", 0.88, 0.84, 0.95),
    ("synthetic21", 0.91, 0.96, 0.95), ("synthetic22", 0.95, 0.95, 0.94), ("synthetic23", 0.94, 0.97, 0.95),
    ("synthetic24", 0.89, 0.93, 0.94), ("synthetic25", 0.96, 0.96, 0.94),
    ("synthetic26", 0.88, 0.91, 0.95), ("synthetic27", 0.81, 0.94, 0.76), ("synthetic28", 0.93, 0.94, 0.94),
    ("synthetic29", 0.86, 0.92, 0.89)])
def test_claims_on_the_synthetic_sets(name, recall, precision, period):
    score = score_claims(load_statements(name))
    assert score.recall >= recall, [f"{sid}: {short(c)}" for sid, c in score.misses]
    assert score.precision >= precision, [f"{sid}: {short(c)}" for sid, c in score.extras]
    assert score.period_share >= period


def test_the_other_forces_evidence_is_whole():
    """Real words of other forces, names swapped (tests/evidence/README.md): each records where it came from and
    what was swapped, and each claim's words are in its text."""
    for s in load_statements("otherforces") + load_statements("otherforces_heldout"):
        assert s["url"] and "statement_date" in s and s["text"] and "adapted" in s, s["id"]
        for c in s["claims"]:
            assert c["sentence_contains"] in s["text"], (s["id"], c["sentence_contains"])


def test_claims_on_the_other_forces_development_set():
    score = score_claims(load_statements("otherforces"))
    assert score.recall >= 0.84, [f"{sid}: {short(c)}" for sid, c in score.misses]
    assert score.precision >= 0.95, [f"{sid}: {short(c)}" for sid, c in score.extras]
    assert score.period_share >= 0.84, [f"{sid}: {short(g)} want {w['period_start']}..{w['period_end']}"
                                        for sid, g, w in score.wrong_periods]


@pytest.fixture(scope="module")
def records():
    if not all(p.exists() for p in REAL_PDFS.values()):
        pytest.skip(f"real Met PDFs not available ({REAL_PAGES})")
    con = real_records()
    yield con
    con.close()


def test_every_disagreement_on_the_development_set_is_raised_and_none_invented(dev, records):
    score = score_verdicts(records, dev)
    assert score.disagreements >= 6
    assert score.raised == score.disagreements, score.missed
    assert score.invented == []


def test_nothing_is_invented_on_the_held_out_set(records):
    assert score_verdicts(records, load_statements("heldout")).invented == []
