"""Benchmark: the figures of the speed issue (issue 13), each printed as a ratio measured in one run.

Prints figures, asserts nothing (docs/architecture.md, "Tests and benchmarks").

1. **Warm run / empty flow.** `lfrwatch run` over a local stand-in of all
   three sites (the real Met PDFs, N question pages, a newsroom feed) with
   LFRWATCH_MIN_INTERVAL=0 once cold, then warm runs (nothing changed)
   alternated with an empty Prefect flow run in a fresh process on the same
   kind of temporary API; the median ratio of the pairs.
2. **Backfill pages/s.** The questions subflow over N question pages from
   cold, in process (one Prefect flow run, no pause), against a bare httpx +
   lxml crawl of the same pages; then `rederive` of the same archive
   (pages/s read again from the warehouse, nothing fetched).
3. **PDF extraction.** `extract_document` over each real PDF against
   pdfplumber's own `extract_tables` on the same pages; per-page time per era.

    .venv/bin/python benchmarks/speed.py [--pages N] [--pairs K]

Needs ../shared/real-pages for 1 and 3 (skipped, and said, without it).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # tests/ is not an installed package

from benchmarks.met_pipeline import clean_env, lfrwatch_command  # noqa: E402
from tests.helpers.gla_site import QuestionPage, search_handler  # noqa: E402
from tests.helpers.met_site import INDEX_PATH, PATHS, index_html  # noqa: E402
from tests.helpers.real_pages import REAL_PAGES, REAL_PDFS  # noqa: E402
from tests.helpers.sites import LocalSite  # noqa: E402

EMPTY_FLOW = "from prefect import flow\n@flow\ndef empty():\n    return None\nempty()\n"


def question_pages(n: int) -> list[QuestionPage]:
    return [QuestionPage(f"facial-recognition-question-{i}", f"Facial recognition question ({i})", f"2024/{1000 + i}",
                         date(2024, 1 + i % 12, 1 + i % 27), f"How is live facial recognition used ({i})?",
                         [(date(2024, 1 + i % 12, 28), f"<p>The MPS used live facial recognition on {i} occasions "
                                                        "in the period.</p>")]) for i in range(n)]


def serve_all(site: LocalSite, pages: list[QuestionPage]) -> None:
    from scrapers.london_gov.search_page import FIND_AN_ANSWER_PATH

    have = {name: path for name, path in REAL_PDFS.items() if path.exists()}
    site.serve(INDEX_PATH, index_html([PATHS[name] for name in have]))
    for name, path in have.items():
        site.serve(PATHS[name], path.read_bytes(), content_type="application/pdf")
    site.serve_handler(FIND_AN_ANSWER_PATH, search_handler(pages))
    for page in pages:
        site.serve(page.path, page.render())
    site.serve("/rss/current_news/66871", b'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
                                          b"</channel></rss>", content_type="application/rss+xml")


def timed(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, int]:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=1200)
    return time.perf_counter() - started, done.returncode


def warm_run_ratio(pages: int, pairs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp, LocalSite() as site:
        folder = Path(tmp)
        serve_all(site, question_pages(pages))
        env = clean_env(folder / "prefect", 0.0) | {"LFRWATCH_MET_DOCUMENTS": ",".join(
            site.url(PATHS[n]) for n in REAL_PDFS if REAL_PDFS[n].exists())}
        run = [*lfrwatch_command(), "run", "--db", str(folder / "lfr.duckdb"), "--met-url", site.base_url,
               "--gla-url", site.base_url, "--news-url", site.base_url]
        cold, status = timed(run, env, folder)
        print(f"cold run: {cold:.1f} s (exit {status})")
        warm, empty = [], []
        for _ in range(pairs):
            warm.append(timed(run, env, folder)[0])
            empty.append(timed([sys.executable, "-c", EMPTY_FLOW], env, folder)[0])
        ratios = [w / e for w, e in zip(warm, empty)]
        print(f"warm run: median {statistics.median(warm):.1f} s over {pairs} runs; empty flow run: median "
              f"{statistics.median(empty):.1f} s")
        print(f"  RATIO warm run / empty flow run: {statistics.median(ratios):.2f}x (median of {pairs} alternated "
              f"pairs; goal <= 1.3x)")


def backfill_rate(pages: int) -> None:
    import httpx
    import lxml.html

    from flows.questions import mayors_questions
    from flows.rederive import rederive
    from prefect.testing.utilities import prefect_test_harness
    from tests.helpers.met_site import site_settings

    questions = question_pages(pages)
    with tempfile.TemporaryDirectory() as tmp, LocalSite() as site, prefect_test_harness(server_startup_timeout=120):
        serve_all(site, questions)
        settings = site_settings(site, Path(tmp) / "lfr.duckdb", question_search_terms=("facial recognition",),
                                 min_interval=0.0)
        started = time.perf_counter()
        report = mayors_questions(settings, date(2024, 1, 1), date(2024, 12, 31))
        ours = time.perf_counter() - started
        fetched = report.questions_fetched
        started = time.perf_counter()
        with httpx.Client() as client:
            for page in questions:
                lxml.html.fromstring(client.get(site.url(page.path)).content)
        bare = time.perf_counter() - started
        started = time.perf_counter()
        again = rederive(settings, ("questions",))
        reread = time.perf_counter() - started
    print(f"backfill of {fetched} question pages (questions subflow, {settings.fetch_concurrency} at once, no pause): "
          f"{ours:.1f} s = {fetched / ours:.1f} pages/s; bare httpx + lxml, one at a time: {bare:.2f} s = "
          f"{pages / bare:.0f} pages/s")
    print(f"  RATIO backfill pages/s / goal 60: {fetched / ours / 60:.2f}")
    print(f"rederive of the same archive ({again.claims.versions} answer versions of {fetched} pages, nothing "
          f"fetched): {reread:.1f} s = {fetched / reread:.1f} pages/s")
    print(f"  RATIO rederive pages/s / goal 100: {fetched / reread / 100:.2f}")


def pdf_ratio(rounds: int = 5) -> None:
    import pdfplumber

    from scrapers.met.records import extract_document

    for name, path in REAL_PDFS.items():
        if not path.exists():
            continue
        content = path.read_bytes()
        ours, theirs = [], []
        for _ in range(rounds):  # alternated, so a machine that slows down slows both alike
            started = time.perf_counter()
            document = extract_document(content, path.as_uri())
            ours.append(time.perf_counter() - started)
            started = time.perf_counter()
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    page.extract_tables()
            theirs.append(time.perf_counter() - started)
        a, b = statistics.median(ours), statistics.median(theirs)
        ratio = statistics.median(x / y for x, y in zip(ours, theirs))
        print(f"{name}: {document.pages} pages, {len(document.deployments)} rows: ours {a:.2f} s "
              f"({a / document.pages * 1000:.0f} ms a page), pdfplumber extract_tables {b:.2f} s "
              f"({b / document.pages * 1000:.0f} ms a page)")
        print(f"  RATIO extraction / pdfplumber extract_tables ({name}): {ratio:.2f}x (median of {rounds} alternated "
              f"pairs; goal <= 1.0x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000, help="question pages served (default 1000)")
    parser.add_argument("--pairs", type=int, default=5, help="alternated warm/empty pairs (default 5)")
    args = parser.parse_args()
    if not any(p.exists() for p in REAL_PDFS.values()):
        print(f"real Met PDFs not available ({REAL_PAGES}): runs without Met records, no PDF figures")
    print("== 3. PDF extraction")
    pdf_ratio()
    print("== 2. backfill")
    backfill_rate(args.pages)
    print("== 1. warm run")
    warm_run_ratio(min(args.pages, 50), args.pairs)


if __name__ == "__main__":
    main()
