"""Scoring the passage reader and the verdicts on real official statements (tests/evidence/).

Each line of tests/evidence/statements_*.jsonl is one real statement (a
Met news release or its reprint, a Mayor's answer, a Parliamentary
answer…) with its source URL and date, and the claims a careful reader
finds in it, written by hand before the extractor was run on it: metric,
range, period, places, and the verdict against the Met's published records
(agrees / contradicts / review) with the deployment rows it resolves to.
`statements_dev.jsonl` may be used to improve the reader;
`statements_heldout.jsonl` never is (see tests/evidence/README.md).

Two measures:
- `score_claims`: the reader alone — recall and precision of claims
  (metric and range, in the right sentence) and how many matched claims
  got their period right;
- `score_verdicts`: the whole pipeline — every statement loaded as an
  answer by the real loader, the real records loaded from the real PDFs,
  the real contradiction step run; how many real disagreements were
  raised, and how many were invented.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from schemas.claims import Claim
from schemas.questions import Answer, Question
from scrapers.claims import extract_claims

EVIDENCE = Path(__file__).resolve().parents[1] / "evidence"
AT = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)


def load_statements(name: str) -> list[dict]:
    """The statements of tests/evidence/statements_<name>.jsonl."""
    path = EVIDENCE / f"statements_{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _norm(text: str) -> str:
    return " ".join(text.replace("•", " ").replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').split()).lower()


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if 0 < abs(float(b)) < 1:  # a rate: writers round its bounds to three or four significant figures
        return abs(float(a) - float(b)) <= 5e-3 * abs(float(b))
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))


def _matches(claim: dict, expected: dict) -> bool:
    """Same metric and range, in the sentence the expectation names."""
    return (claim["metric"] == expected["metric"] and _same(claim["low"], expected["low"])
            and _same(claim["high"], expected["high"])
            and _MARKER.sub("", _norm(expected["sentence_contains"])) in _norm(claim["sentence"]))


# "(b) These deployments generated 57 alerts": an answer's part letter, which the reader keeps apart from the sentence
_MARKER = re.compile(r"^\((?:[a-z]|[ivx]+)\)\s+")


def pair(found: list[dict], expected: list[dict]) -> list[tuple[dict | None, dict | None]]:
    """Found and expected claims paired one to one (None where one side has no partner)."""
    left = list(range(len(found)))
    pairs: list[tuple[dict | None, dict | None]] = []
    for e in expected:
        i = next((i for i in left if _matches(found[i], e)), None)
        if i is None:
            pairs.append((None, e))
        else:
            left.remove(i)
            pairs.append((found[i], e))
    pairs += [(found[i], None) for i in left]
    return pairs


def claims_of(statement: dict) -> list[Claim]:
    return extract_claims(statement["text"], _day(statement["statement_date"]), title=statement.get("title"),
                          question=statement.get("question"), not_after=AT.date())  # collected on AT


def _period_right(claim: dict, expected: dict) -> bool:
    return (str(claim["period_start"]) if claim["period_start"] else None) == expected["period_start"] and \
        (str(claim["period_end"]) if claim["period_end"] else None) == expected["period_end"]


@dataclass
class ClaimScore:
    expected: int = 0
    found: int = 0
    matched: int = 0
    period_right: int = 0
    misses: list[tuple[str, dict]] = field(default_factory=list)
    extras: list[tuple[str, dict]] = field(default_factory=list)
    wrong_periods: list[tuple[str, dict, dict]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def period_share(self) -> float:
        return self.period_right / self.matched if self.matched else 1.0


def score_claims(statements: list[dict]) -> ClaimScore:
    score = ClaimScore()
    for s in statements:
        found = [c.to_json_dict() for c in claims_of(s)]
        score.expected += len(s["claims"])
        score.found += len(found)
        for got, want in pair(found, s["claims"]):
            if got is None:
                score.misses.append((s["id"], want))
            elif want is None:
                score.extras.append((s["id"], got))
            else:
                score.matched += 1
                if _period_right(got, want):
                    score.period_right += 1
                else:
                    score.wrong_periods.append((s["id"], got, want))
    return score


@dataclass
class VerdictScore:
    disagreements: int = 0  # expected 'contradicts' among matched claims
    raised: int = 0  # of those, the pipeline said 'contradicts'
    invented: list[tuple[str, dict]] = field(default_factory=list)  # 'contradicts' where the expectation is not
    missed: list[tuple[str, dict, str]] = field(default_factory=list)
    agree_expected: int = 0
    agree_found: int = 0
    agree_missed: list[tuple[str, dict, str]] = field(default_factory=list)  # expected 'agrees', found otherwise
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)


def _question(statement: dict) -> Question:
    url = f"https://www.london.gov.uk/evidence/{statement['id']}"
    answer = Answer(answered_by=None, answer_date=_day(statement["statement_date"]), text=statement["text"],
                    paragraphs=statement["text"].split("\n\n"), tables=[], attachments=[], holding=False, position=1)
    return Question(url=url, title=statement.get("title") or statement["id"], reference=statement["id"],
                    asked_by=None, organisation=None, asked_of=None, meeting=None,
                    meeting_date=_day(statement["statement_date"]), question_text=statement.get("question") or "",
                    answers=[answer], layout="new")


def score_verdicts(con, statements: list[dict]) -> VerdictScore:
    """Load every statement as an answer into `con` (which holds the real records), run the contradiction
    step, and compare each matched claim's stored verdict with the expected one."""
    from scrapers.claims import question_claims
    from warehouse.contradictions import record_contradictions
    from warehouse.questions_load import load_question

    for s in statements:
        q = _question(s)
        load_question(con, q, question_claims(q, not_after=AT.date()), source_url=q.url, document_sha256="0" * 64,
                      observed_at=AT)
    record_contradictions(con, at=AT)
    rows = con.execute("""
        SELECT c.question_url, c.metric, c.low, c.high, c.sentence, v.verdict, v.computed, v.reasons
        FROM claims c JOIN claim_verdicts v USING (claim_id) ORDER BY c.question_url, c.sentence_index""").fetchall()
    by_url: dict[str, list[dict]] = {}
    for url, metric, low, high, sentence, verdict, computed, reasons in rows:
        by_url.setdefault(url, []).append({"metric": metric, "low": low, "high": high, "sentence": sentence,
                                           "verdict": verdict, "computed": computed, "reasons": json.loads(reasons)})
    score = VerdictScore()
    for s in statements:
        for got, want in pair(by_url.get(_question(s).url, []), s["claims"]):
            if got is not None and got["verdict"] == "contradicts" and (want is None
                                                                        or want["expect_verdict"] != "contradicts"):
                score.invented.append((s["id"], got))
            if got is None or want is None:
                continue
            key = (want["expect_verdict"], got["verdict"])
            score.confusion[key] = score.confusion.get(key, 0) + 1
            if want["expect_verdict"] == "contradicts":
                score.disagreements += 1
                if got["verdict"] == "contradicts":
                    score.raised += 1
                else:
                    score.missed.append((s["id"], got, want.get("note") or ""))
            score.agree_expected += want["expect_verdict"] == "agrees"
            score.agree_found += want["expect_verdict"] == "agrees" and got["verdict"] == "agrees"
            if want["expect_verdict"] == "agrees" and got["verdict"] != "agrees":
                score.agree_missed.append((s["id"], got, want.get("note") or ""))
    return score


def short(claim: dict) -> str:
    """One line for a claim, found or expected."""
    period = f"{claim.get('period_start')}..{claim.get('period_end')}"
    sentence = re.sub(r"\s+", " ", claim.get("sentence") or claim.get("sentence_contains") or "")[:90]
    return f"{claim['metric']} [{claim['low']}, {claim['high']}] {period} {claim.get('locations') or ''} « {sentence} »"
