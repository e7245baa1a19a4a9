"""Nothing from outside can crash a run or stall it: hostile PDFs and pages (tests/helpers/hostile.py).

Each generated input goes through the readers a run uses — a PDF through
the budgeted worker (flows/isolation.py), a question page through the page
parser and the claim reader — and must end in a result or a SourceFormatError
naming it, within its budget. A few go through `lfrwatch extract-pdf` and
`parse-question` as people run them, and a whole `lfrwatch run` reads a site
whose index links hostile PDFs and whose search finds hostile pages: it
loads what it can, says which documents broke, and exits 2.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import duckdb
import pytest

from flows.isolation import extract_in_worker
from scrapers.claims import question_claims
from scrapers.errors import SourceFormatError
from scrapers.london_gov.question_page import parse_question
from tests.helpers.gla_site import QuestionPage, search_handler
from tests.helpers.hostile import hostile_pages, hostile_pdfs
from tests.helpers.met_site import INDEX_PATH, LFR, index_html
from tests.helpers.pdf_factory import FLAT_HEADER, FLAT_WIDTHS, GridTable, data_row, render_pdf
from tests.helpers.sites import LocalSite

BUDGET = 5.0  # seconds per document in these tests (a run's default is 120; the real records read in under 2 s)
GRACE = 3.0  # starting the worker, killing it, reading its answer


def test_hostile_pdfs_end_in_a_clean_error_or_result_within_budget():
    worst, seen, kinds = 0.0, 0, set()
    for name, data in hostile_pdfs():
        started = time.monotonic()
        try:
            extract_in_worker(data, f"https://www.met.police.uk/{name}.pdf", max_pages=200, seconds=BUDGET)
        except SourceFormatError as exc:
            assert exc.url.endswith(f"{name}.pdf") and exc.problem, name
            kinds.add(exc.problem.split(" (")[0][:40])
        took = time.monotonic() - started
        assert took < BUDGET + GRACE, (name, took)
        worst, seen = max(worst, took), seen + 1
    print(f"{seen} hostile PDFs: worst time per document {worst:.2f} s (budget {BUDGET:g} s; "
          "benchmarks/hostile_inputs.py times them at a run's budget)")
    assert seen >= 120
    assert any("budget" in k for k in kinds) and any("pages" in k for k in kinds)  # the stall and the page cap


def test_hostile_pages_end_in_a_clean_error_or_result():
    seen = 0
    for name, data in hostile_pages():
        started = time.monotonic()
        try:
            question = parse_question(data, "https://www.london.gov.uk/who-we-are/x")
            failed = []
            question_claims(question, on_error=lambda position, exc: failed.append(exc))
            assert all(isinstance(e, ValueError) for e in failed), (name, failed)
        except SourceFormatError as exc:
            assert exc.url == "https://www.london.gov.uk/who-we-are/x" and exc.problem, name
        assert time.monotonic() - started < BUDGET, name
        seen += 1
    assert seen >= 100


def _lfrwatch(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    script = Path(sys.executable).with_name("lfrwatch")
    return subprocess.run([str(script), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory, prefect_api_url) -> dict[str, str]:
    from tests.helpers.cli import cli_environment

    return cli_environment(tmp_path_factory.mktemp("prefect-home"), prefect_api_url,
                           LFRWATCH_DOCUMENT_SECONDS=str(BUDGET))


def test_the_commands_say_which_file_broke_and_never_show_a_traceback(tmp_path, cli_env):
    pdfs = dict(hostile_pdfs())
    pages = dict(hostile_pages())
    for name in ("box-[0 0]", "box-[(a) (b) (c) (d)]", "shared-grid-150", "nested-100000"):
        path = tmp_path / "hostile.pdf"
        path.write_bytes(pdfs[name])
        done = _lfrwatch("extract-pdf", str(path), env=cli_env, cwd=tmp_path)
        assert done.returncode == 1 and f"cannot read {path}" in done.stderr, (name, done.stderr)
        assert "Traceback" not in done.stderr and done.stdout == ""
    for name in ("nested-new-10000", "binary-0", "utf16-no-bom"):
        path = tmp_path / "hostile.html"
        path.write_bytes(pages[name])
        done = _lfrwatch("parse-question", str(path), env=cli_env, cwd=tmp_path)
        assert done.returncode in (0, 1) and "Traceback" not in done.stderr, (name, done.stderr)
        if done.returncode == 0:
            json.loads(done.stdout)


def test_a_run_over_a_hostile_site_loads_what_it_can_and_exits_2(tmp_path, cli_env):
    pdfs = dict(hostile_pdfs())
    good = render_pdf([GridTable([FLAT_HEADER, data_row("Sample Street, Testtown", "02/05/25")], FLAT_WIDTHS,
                                 header_rows=1)])
    hostile = ["box-[0 0]", "box-[(a) (b) (c) (d)]", "shared-grid-150", "nested-100000", "bomb-300mb", "pages-2000"]
    good_page = QuestionPage("good", "Live facial recognition (1)", "2025/0001", date(2025, 5, 20),
                             "How many arrests?", [(date(2025, 5, 28), "<p>On 2 May 2025 officers made two arrests.</p>")])
    with LocalSite() as site:
        paths = [f"{LFR}/hostile-{i}.pdf" for i in range(len(hostile))] + [f"{LFR}/good.pdf"]
        site.serve(INDEX_PATH, index_html(paths))
        for path, name in zip(paths, hostile):
            site.serve(path, pdfs[name], content_type="application/pdf")
        site.serve(paths[-1], good, content_type="application/pdf")
        # The search finds a good page and two hostile ones (a page nested 10,000 deep, binary bytes).
        pages = [good_page, QuestionPage("deep", "Facial recognition (2)", None, date(2025, 5, 21), "x"),
                 QuestionPage("binary", "Facial recognition (3)", None, date(2025, 5, 22), "x")]
        site.serve_handler("/who-we-are/what-london-assembly-does/questions-mayor/find-an-answer",
                           search_handler(pages))
        site.serve(good_page.path, good_page.render())
        site.serve(pages[1].path, dict(hostile_pages())["nested-new-10000"])
        site.serve(pages[2].path, dict(hostile_pages())["binary-3"])
        db = tmp_path / "lfr.duckdb"
        env = cli_env | {"LFRWATCH_MET_DOCUMENTS": ",".join(site.url(p) for p in paths[-1:]),
                         "LFRWATCH_QUESTION_TERMS": "facial recognition"}
        started = time.monotonic()
        done = _lfrwatch("backfill", "--since", "2025-05-01", "--until", "2025-06-01", "--db", str(db), "--met-url",
                         site.base_url, "--gla-url", site.base_url, env=env, cwd=tmp_path)
        took = time.monotonic() - started
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    for i in range(len(hostile)):
        assert f"hostile-{i}.pdf" in done.stdout, done.stdout
    assert took < 300
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM deployments").fetchone()[0] == 1  # the good document
        assert con.execute("SELECT count(*) FROM questions").fetchone()[0] >= 1
        broken = {r[0] for r in con.execute("SELECT subject FROM findings WHERE kind = 'source_broken' "
                                            "AND state <> 'cleared'").fetchall()}
    finally:
        con.close()
    assert {f"document:{site.base_url}{p}" for p in paths[:-1]} <= broken
