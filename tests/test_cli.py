"""The `lfrwatch` command as people run it: a subprocess, the real Met PDFs, a local site, a DuckDB file.

Contract: docs/architecture.md "Command-line contract". `extract-pdf` prints
JSON Lines in the deployment-column order; `run` prints what changed and
exits 0 (fine), 2 (a source broken, nothing lost) or 1 (failed). Every
`run` pays Prefect's ephemeral start-up (~7–17 s), so the run story —
cold, warm, broken — is one test of three runs sharing a PREFECT_HOME.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from schemas.records import DEPLOYMENT_COLUMNS
from tests.helpers.met_site import INDEX_PATH, PATHS, index_html
from tests.helpers.real_pages import real_pdf
from tests.helpers.sites import LocalSite

COUNT_COLUMNS = ("alerts_total", "true_alerts", "false_alerts", "false_alerts_confirmed", "true_alert_engagements",
                 "false_alert_engagements", "arrests", "faces_seen", "false_alert_rate_printed")


def lfrwatch(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    """Run the installed `lfrwatch` script (or `python -m cli` where it isn't installed)."""
    script = Path(sys.executable).with_name("lfrwatch")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "cli"]
    return subprocess.run([*command, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory) -> dict[str, str]:
    """This environment minus the user's LFRWATCH_* and Prefect API settings; a PREFECT_HOME of our own."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("LFRWATCH_") and k not in ("PREFECT_API_URL", "PREFECT_API_KEY", "PREFECT_PROFILE")}
    env.update(PREFECT_HOME=str(tmp_path_factory.mktemp("prefect-home")), LFRWATCH_MIN_INTERVAL="0",
               PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1",
               # The first start of Prefect's temporary server on a fresh PREFECT_HOME takes 16-23 s on these
               # machines, against a default limit of 20 s: a busy machine would fail the cold run with exit 1.
               PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120")
    return env


# ---------------------------------------------------------------- parse-question

def test_parse_question_shows_where_each_claims_scope_came_from(tmp_path, cli_env):
    page = Path(__file__).parent / "fixtures" / "london_gov" / "new_answer_with_figures_in_words.html"
    done = lfrwatch("parse-question", str(page), "--url", "https://www.london.gov.uk/x", env=cli_env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    claims = json.loads(done.stdout)["claims"]
    engaged = next(c for c in claims if c["metric"] == "false_alert_engagements")
    # "Officers engaged with five people following a false alert …" names no day or place of its own.
    assert (engaged["low"], engaged["period_start"], engaged["locations"]) == (5, "2020-02-27", ["Oxford Circus"])
    assert engaged["scope"]["period"] == {"words": "on 27 February", "from": "earlier_sentence"}
    assert engaged["scope"]["places"] == {"words": "At Oxford Circus", "from": "earlier_sentence"}
    first_two = next(c for c in claims if c["metric"] == "faces_seen" and c["qualifier"] == "more_than")
    assert first_two["scope"]["selection"] == {"words": "the first two completed deployments", "count": 2,
                                               "ordinal": "first", "from": "sentence"}
    assert all(set(c) >= {"metric", "low", "high", "qualifier", "period_start", "period_end", "locations",
                          "scope_text", "sentence", "sentence_index", "scope", "answer_position"} for c in claims)


# ---------------------------------------------------------------- extract-pdf

def test_extract_pdf_prints_json_lines_in_contract_order(tmp_path, cli_env):
    pdf = tmp_path / "grid.pdf"
    pdf.write_bytes(real_pdf("2020-2022"))

    done = lfrwatch("extract-pdf", str(pdf), env=cli_env, cwd=tmp_path)

    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]  # stdout holds JSON Lines and nothing else
    assert len(rows) == 9
    assert all(list(row) == list(DEPLOYMENT_COLUMNS) for row in rows)
    assert [row["source_row"] for row in rows] == list(range(1, 10))
    assert {row["source_page"] for row in rows} == {1}  # page 2 holds the purpose legend
    assert all(date.fromisoformat(row["deployment_date"]).isoformat() == row["deployment_date"] for row in rows)
    by_date = {row["deployment_date"]: row for row in rows}
    # DD/MM/YY read day first: 11/02/20 and 27/02/20 (docs/sources.md §1.3), not November and nonsense.
    assert by_date["2020-02-11"]["faces_seen"] == 4600
    assert by_date["2020-02-27"]["alerts_total"] == 8
    aborted = by_date["2020-02-21"]
    assert aborted["status"] == "aborted"
    assert "technical fault" in aborted["note"]
    assert aborted["watchlist_size"] is not None  # still printed for the aborted row
    assert {column: aborted[column] for column in COUNT_COLUMNS} == dict.fromkeys(COUNT_COLUMNS)  # null, never 0
    assert "9 deployments" in done.stderr


def test_extract_pdf_keys_are_deployments_columns_in_table_order():
    from warehouse.db import connect

    con = connect(":memory:")
    try:
        table = [name for (name,) in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'deployments' "
            "ORDER BY ordinal_position").fetchall()]
    finally:
        con.close()
    assert [name for name in table if name in DEPLOYMENT_COLUMNS] == list(DEPLOYMENT_COLUMNS)
    assert DEPLOYMENT_COLUMNS[-2:] == ("source_page", "source_row")


@pytest.mark.parametrize(
    "content, cause",
    [
        (lambda: b"<!doctype html><html><body><h1>Access denied</h1></body></html>", "not a PDF"),
        (lambda: real_pdf("2025")[:20000], "unreadable PDF"),
    ],
    ids=["html-page", "truncated-pdf"],
)
def test_extract_pdf_on_an_unreadable_file_exits_1_naming_file_and_cause(tmp_path, cli_env, content, cause):
    path = tmp_path / "downloaded-record.pdf"
    path.write_bytes(content())

    done = lfrwatch("extract-pdf", str(path), env=cli_env, cwd=tmp_path)

    assert done.returncode == 1, (done.stdout, done.stderr)
    assert done.stdout == ""
    assert str(path) in done.stderr and cause in done.stderr, done.stderr


# ---------------------------------------------------------------- run

def test_run_with_an_unknown_source_exits_1_before_doing_anything(tmp_path, cli_env):
    db = tmp_path / "lfr.duckdb"

    done = lfrwatch("run", "--sources", "met,hansard", "--db", str(db), env=cli_env, cwd=tmp_path)

    assert done.returncode == 1
    assert "hansard" in done.stderr and "met" in done.stderr
    assert not db.exists()


def snapshot(db: Path) -> dict:
    """What must never be lost: the deployments per document, their versions, the loaded document versions."""
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            "per_document": con.execute(
                "SELECT document_url, count(*), sum(faces_seen), sum(alerts_total), sum(arrests) "
                "FROM deployments GROUP BY 1 ORDER BY 1").fetchall(),
            "versions": con.execute("SELECT count(*) FROM deployment_versions").fetchall(),
            "documents": con.execute("SELECT count(*) FROM met_document_versions").fetchall(),
        }


def broken_subjects(db: Path) -> set[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {s for (s,) in con.execute(
            "SELECT subject FROM findings WHERE kind = 'source_broken' AND state = 'alert'").fetchall()}


def test_run_says_what_changed_then_nothing_then_which_sources_broke(tmp_path, cli_env, prefect_api_url):
    pdfs = {name: real_pdf(name) for name in PATHS}
    db = tmp_path / "lfr.duckdb"
    with LocalSite() as site:
        site.serve(INDEX_PATH, index_html(list(PATHS.values())))
        for name, path in PATHS.items():
            site.serve(path, pdfs[name], content_type="application/pdf")
        args = ("run", "--sources", "met", "--db", str(db), "--met-url", site.base_url)

        # The cold run starts Prefect's temporary server, as a person's first run does; the later ones talk to
        # the session's test server, as a scheduled deployment does (each temporary start costs ~8 s).
        cold = lfrwatch(*args, env=cli_env, cwd=tmp_path)
        shared = {**cli_env, "PREFECT_API_URL": prefect_api_url}

        assert cold.returncode == 0, cold.stdout + cold.stderr
        assert "3 new versions" in cold.stdout
        assert "286 deployments loaded (286 new" in cold.stdout
        loaded = snapshot(db)
        assert sum(count for _, count, *_ in loaded["per_document"]) == 286

        warm = lfrwatch(*args, env=shared, cwd=tmp_path)

        assert warm.returncode == 0, warm.stdout + warm.stderr
        assert "0 new versions" in warm.stdout and "0 deployments loaded" in warm.stdout
        assert snapshot(db) == loaded

        # The index page blocked, one record gone, one truncated file, one transfer cut short.
        site.script(INDEX_PATH, [(403, {}, b"<html><body>Access denied</body></html>")])
        site.remove(PATHS["2020-2022"])
        site.serve(PATHS["2023-2024"], pdfs["2023-2024"][: len(pdfs["2023-2024"]) // 3], content_type="application/pdf")
        site.serve(PATHS["2025"], pdfs["2025"][: len(pdfs["2025"]) // 3], content_type="application/pdf",
                   headers={"Content-Length": str(len(pdfs["2025"]))})
        urls = {key: site.url(path) for key, path in {"index": INDEX_PATH, **PATHS}.items()}

        broken = lfrwatch(*args, env={**shared, "LFRWATCH_ATTEMPTS": "1"}, cwd=tmp_path)

    assert broken.returncode == 2, broken.stdout + broken.stderr
    problems = [line for line in broken.stdout.splitlines() if line.startswith("problem: ")]
    for key, cause in [("index", "HTTP 403"), ("2020-2022", "HTTP 404"), ("2023-2024", "unreadable PDF"),
                       ("2025", "connection failed")]:
        assert any(urls[key] in p and cause in p for p in problems), (key, broken.stdout)
    assert any("no Met index page" in p for p in problems), broken.stdout
    assert snapshot(db) == loaded  # nothing lost
    assert broken_subjects(db) == {"source:met-index"} | {f"document:{url}" for url in urls.values()}
