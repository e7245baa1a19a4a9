"""Time per hostile document: the figures issue 10 asks for (worst time per document, crashes).

Feeds every generated hostile PDF (tests/helpers/hostile.py) through the budgeted
worker a run uses (flows/isolation.py) and every hostile question page
through the page parser and the claim reader, and prints how each ended
(a result, or the error it named; for a page, also an answer the claim
reader refused, which the run reports and loads without claims), the slowest ten, the worst time and the
count of crashes (anything other than a result or SourceFormatError).
Asserts nothing.

    .venv/bin/python benchmarks/hostile_inputs.py [--budget SECONDS]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from flows.isolation import extract_in_worker  # noqa: E402
from scrapers.claims import question_claims  # noqa: E402
from scrapers.errors import SourceFormatError  # noqa: E402
from scrapers.london_gov.question_page import parse_question  # noqa: E402
from tests.helpers.hostile import hostile_pages, hostile_pdfs  # noqa: E402


def _time(kind: str, name: str, read) -> tuple[str, str, float, str]:
    started = time.monotonic()
    try:
        problem = read()
        outcome = f"error: {problem}" if problem else "result"
    except SourceFormatError as exc:
        outcome = "error: " + exc.problem.split(" (")[0][:60]
    except Exception as exc:  # a crash: what the benchmark is here to count
        outcome = f"CRASH {type(exc).__name__}: {exc}"[:100]
    return kind, name, time.monotonic() - started, outcome


def _read_page(data: bytes, url: str) -> str | None:
    """As the questions flow reads a page: an answer the claim reader refuses is that answer's error."""
    refused: list[str] = []
    question_claims(parse_question(data, url), on_error=lambda position, exc: refused.append(
        f"answer {position} refused by the claim reader: {exc}"[:60]))
    return refused[0] if refused else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=float, default=120.0, help="seconds per PDF (a run's default: 120)")
    args = parser.parse_args()
    timings = []
    for name, data in hostile_pdfs():
        url = f"https://www.met.police.uk/{name}.pdf"
        timings.append(_time("pdf", name, lambda: extract_in_worker(data, url, max_pages=200, seconds=args.budget)))
    for name, data in hostile_pages():
        url = f"https://www.london.gov.uk/questions/2020/{abs(hash(name)) % 9999}"
        timings.append(_time("page", name, lambda: _read_page(data, url)))
    outcomes = Counter(("crash" if o.startswith("CRASH") else o.split(":")[0], k) for k, _, _, o in timings)
    print(f"{len(timings)} hostile documents ({sum(k == 'pdf' for k, *_ in timings)} PDFs, "
          f"{sum(k == 'page' for k, *_ in timings)} question pages), budget {args.budget:g} s per PDF")
    for (outcome, kind), n in sorted(outcomes.items()):
        print(f"  {kind:5} {outcome:7} {n}")
    print("slowest ten:")
    for kind, name, took, outcome in sorted(timings, key=lambda t: -t[2])[:10]:
        print(f"  {took:6.2f} s  {kind:5} {name:24} {outcome}")
    crashes = [t for t in timings if t[3].startswith("CRASH")]
    print(f"worst time per document: {max(t[2] for t in timings):.2f} s; crashes: {len(crashes)}")
    for kind, name, _, outcome in crashes:
        print(f"  {kind} {name}: {outcome}")


if __name__ == "__main__":
    main()
