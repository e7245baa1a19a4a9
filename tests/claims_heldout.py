"""Held-out sentences for scrapers/claims.py: written after the extractor, never used to tune it.

Not a pytest module (the extractor is not expected to get all of these
right): run `python -m tests.claims_heldout` for per-sentence pass/fail and
a summary. A sentence passes when its claims equal the expected ones
exactly (every field, order ignored). When the extractor is improved
using one of these, move that sentence to tests/test_claims.py and write
a fresh one here, so this stays a measure of unseen prose.
"""

from __future__ import annotations

import sys
from datetime import date

from scrapers.claims import extract_claims

D = date.fromisoformat


def c(metric, low, high, qualifier="exact", start=None, end=None, locations=(), scope=None):
    return (metric, low, high, qualifier, start and D(start), end and D(end), tuple(locations), scope)


HELDOUT: list[tuple[str, date, list[tuple]]] = [
    ("Since the start of this year, officers have made 14 arrests following LFR alerts.", D("2024-06-10"), [
        c("arrests", 14, 14, "exact", "2024-01-01", "2024-06-10", scope="Since the start of this year")]),
    ("The deployment at King's Cross on 5 March 2024 led to 3 arrests from 4 true alerts.", D("2024-04-01"), [
        c("arrests", 3, 3, "exact", "2024-03-05", "2024-03-05", ["King's Cross"],
          "The deployment at King's Cross on 5 March 2024"),
        c("true_alerts", 4, 4, "exact", "2024-03-05", "2024-03-05", ["King's Cross"],
          "The deployment at King's Cross on 5 March 2024")]),
    ("Across the 2023 calendar year, the system generated 518 alerts, fewer than ten of which were false.",
     D("2024-02-01"), [
        c("alerts_total", 518, 518, "exact", "2023-01-01", "2023-12-31", scope="Across the 2023 calendar year"),
        c("false_alerts", None, 9, "fewer_than", "2023-01-01", "2023-12-31", scope="Across the 2023 calendar year")]),
    ("Roughly one in every 33,000 people scanned was falsely alerted.", D("2025-01-15"), [
        c("false_alert_rate_per_face", 0.95 / 33000, 1.05 / 33000, "approximately")]),
    ("In total, 74 deployments took place between 8 January and 10 May 2025.", D("2025-06-01"), [
        c("deployments", 74, 74, "exact", "2025-01-08", "2025-05-10", scope="between 8 January and 10 May 2025")]),
    ("Nobody was misidentified at the Croydon deployment.", D("2025-03-01"), [
        c("false_alerts", 0, 0, locations=["Croydon"], scope="the Croydon deployment")]),
    ("The MPS estimates that about 1,142,000 faces have been scanned this year.", D("2025-05-10"), [
        c("faces_seen", 1084900, 1199100, "approximately", "2025-01-01", "2025-05-10", scope="this year")]),
    ("Of the 814 alerts so far in 2025, 10 were false alerts.", D("2025-05-10"), [
        c("alerts_total", 814, 814, "exact", "2025-01-01", "2025-05-10", scope="so far in 2025"),
        c("false_alerts", 10, 10, "exact", "2025-01-01", "2025-05-10", scope="so far in 2025")]),
    ("There were 12 false alerts in the financial year 2023/24, or 0.001% of all faces scanned.", D("2024-07-01"), [
        c("false_alerts", 12, 12, "exact", "2023-04-01", "2024-03-31", scope="in the financial year 2023/24"),
        c("false_alert_rate_per_face", 0.00001, 0.00001, "exact", "2023-04-01", "2024-03-31",
          scope="in the financial year 2023/24")]),
    ("Officers spoke to 29 people after alerts, and 17 of them were arrested.", D("2024-01-01"), [
        c("engagements", 29, 29), c("arrests", 17, 17)]),
    ("LFR was used at Notting Hill Carnival in 2016 and 2017, with one arrest made.", D("2018-01-10"), [
        c("arrests", 1, 1, "exact", "2016-01-01", "2017-12-31", ["Notting Hill Carnival"],
          "at Notting Hill Carnival in 2016 and 2017")]),
    ("A watchlist of just over 16,000 people was used at each deployment in Croydon.", D("2025-03-01"), [
        c("watchlist_size", 16001, None, "more_than", locations=["Croydon"], scope="each deployment in Croydon")]),
    ("Just two of the 41 people engaged after an alert had been wrongly identified.", D("2025-03-01"), [
        c("false_alert_engagements", 2, 2), c("engagements", 41, 41)]),
    ("Three deployments in Lewisham in February 2025 produced no arrests.", D("2025-03-01"), [
        c("deployments", 3, 3, "exact", "2025-02-01", "2025-02-28", ["Lewisham"], "in Lewisham in February 2025"),
        c("arrests", 0, 0, "exact", "2025-02-01", "2025-02-28", ["Lewisham"], "in Lewisham in February 2025")]),
    ("In 2024 the false alert rate stood at 0.0003%, which is around one in 300,000 faces.", D("2025-01-15"), [
        c("false_alert_rate", 0.000003, 0.000003, "exact", "2024-01-01", "2024-12-31", scope="In 2024"),
        c("false_alert_rate_per_face", 0.95 / 300000, 1.05 / 300000, "approximately", "2024-01-01", "2024-12-31",
          scope="In 2024")]),
]


def _key(claim: tuple) -> tuple:
    """A claim tuple comparable across float noise (12 significant digits) and sortable."""
    return tuple(float(f"{v:.12g}") if isinstance(v, float) else v for v in claim)


def score() -> tuple[int, list[tuple[str, list, list]]]:
    """(passed, [(sentence, missing, unexpected) for each failing sentence])."""
    failures = []
    for sentence, answer_date, expected in HELDOUT:
        got = [_key((x.metric, x.low, x.high, x.qualifier, x.period_start, x.period_end, x.locations,
                     x.scope_text)) for x in extract_claims(sentence, answer_date)]
        want = [_key(e) for e in expected]
        missing = [w for w in want if w not in got]
        unexpected = [g for g in got if g not in want]
        if missing or unexpected:
            failures.append((sentence, missing, unexpected))
    return len(HELDOUT) - len(failures), failures


def main() -> int:
    passed, failures = score()
    failed = {s for s, _, _ in failures}
    for sentence, _, _ in HELDOUT:
        print(f"{'FAIL' if sentence in failed else 'pass'}  {sentence}")
    for sentence, missing, unexpected in failures:
        print(f"\n{sentence}")
        for m in missing:
            print(f"  expected, not found: {m}")
        for u in unexpected:
            print(f"  found, not expected: {u}")
    print(f"\nheld-out: {passed}/{len(HELDOUT)} sentences passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
