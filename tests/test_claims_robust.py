"""The passage reader never fails on odd prose, and what it returns always keeps its promises.

Generated from the development statements (tests/evidence/, dev and
synthetic): sentences cut, shuffled and joined, characters and table
separators thrown in, dates missing or on 29 February. Every claim must
quote an exact sentence of the text, and no period may end after the
statement's date. Seeded, so a failure reproduces.
"""

from __future__ import annotations

import random
from datetime import date

import pytest

from scrapers.claims import extract_claims
from tests.helpers.statements_eval import load_statements

NOISE = ["\t", " – ", "\n", "\n\n", "- ", "(", ")", "“", "”", ":", ";", "%", "£", "1 in ", " no ", " none of ", "..."]
DATES = [None, date(2024, 2, 29), date(2020, 1, 1), date(2025, 12, 31), date(2023, 3, 1)]


def texts() -> list[str]:
    return [s["text"] for name in ("dev", "synthetic", "synthetic2") for s in load_statements(name)]


def mutated(seed: int) -> tuple[str, date | None]:
    rng = random.Random(seed)
    pieces = rng.sample(texts(), 3)
    words = " ".join(pieces).split(" ")
    for _ in range(rng.randint(0, 12)):
        words.insert(rng.randrange(len(words) + 1), rng.choice(NOISE))
    cut = rng.randrange(len(words))
    return " ".join(words[cut:] + words[:cut]), rng.choice(DATES)


@pytest.mark.parametrize("seed", range(150))
def test_odd_prose_yields_claims_that_keep_their_promises(seed):
    text, day = mutated(seed)
    for claim in extract_claims(text, day, title=text[:60], question=text[-80:]):
        assert claim.sentence in text
        if day is not None and claim.period_end is not None:
            assert claim.period_end <= day
        if claim.period_start and claim.period_end:
            assert claim.period_start <= claim.period_end
        if claim.low is not None and claim.high is not None:
            assert claim.low <= claim.high


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "- \n- ", "Date – Location – Alerts\n–\n", "1" * 5000,
                                  "(" * 300 + ")" * 300, "no no no none nobody 0 0 0%", "\x00\x01 binary \ufffd"])
def test_degenerate_text(text):
    assert isinstance(extract_claims(text, date(2024, 1, 1)), list)
