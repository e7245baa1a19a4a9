"""A run on a machine that reaches neither site: fast, one line per host, exit 2, a hint, nothing lost.

Both sites are pointed at names under `.invalid` (RFC 2606: they never
resolve), as the live names fail on a machine with no network. The first
request to each host fails on name resolution; every other URL of that host
is given up without a request (no retries, no waiting), and the summary
says so in one line per host, with the pointer to `lfrwatch demo`.
"""

from __future__ import annotations

import re

import duckdb
import pytest

from flows.pipeline import lfr_watch
from flows.settings import Settings

pytestmark = pytest.mark.usefixtures("prefect_harness")


def test_a_run_with_no_network_says_one_line_per_host_and_exits_2(tmp_path, caplog):
    db = tmp_path / "lfrwatch.duckdb"
    settings = Settings(db_path=db, met_url="http://met.lfrwatch.invalid", gla_url="http://gla.lfrwatch.invalid",
                        min_interval=0.0, attempts=6, notify=False)

    report = lfr_watch(settings, ("met", "questions"))

    assert report.exit_status == 2
    problems = [line for line in report.summary().splitlines() if line.startswith("problem:")]
    print(report.summary())
    # The index pages together, then each configured document; each search term's first page.
    met_sources = 1 + len(settings.met_known_documents)
    gla_sources = len(settings.question_search_terms)
    assert len(problems) == 2, problems
    for host, n in (("met.lfrwatch.invalid", met_sources), ("gla.lfrwatch.invalid", gla_sources)):
        assert re.fullmatch(rf"problem: {re.escape(host)} unreachable \(DNS lookup failed: [^)]+\); "
                            rf"{n} source\(s\) not read", next(p for p in problems if host in p)), problems
    assert "hint: this machine may have no network; `lfrwatch demo`" in report.summary()
    # One failed lookup per host: with 6 attempts configured, nothing was retried.
    lookups = [r.getMessage() for r in caplog.records if "no further requests to it in this run" in r.getMessage()]
    assert len({m.split("host ")[1].split(" ")[0] for m in lookups}) == 2
    assert not [r for r in caplog.records if "attempts" in r.getMessage() and "unreachable" in r.getMessage()]
    con = duckdb.connect(str(db), read_only=True)
    try:
        broken = con.execute("SELECT subject FROM findings WHERE kind = 'source_broken' ORDER BY 1").fetchall()
    finally:
        con.close()
    assert ("source:met-index",) in broken  # said once, kept until the sites answer again
