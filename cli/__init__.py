"""The `lfrwatch` command: one typer app, one module per command group.

- cli/run.py — `run`, `backfill` (the pipeline flow)
- cli/read.py — `extract-pdf`, `parse-question` (one saved document)
- cli/alerts.py — `alerts` (list, ack, resolve), `findings`
- cli/checks.py — `checks`
- cli/compare.py — `compare` (a transcribed spreadsheet against the records)
- cli/dashboards.py — `report`, `export` (the published snapshot)
- cli/demo.py — `demo` (the whole job on a bundled SAMPLE)
- cli/rederive.py — `rederive` (the archive read again by the current code)

The contract (names, options, output formats, exit codes) is
docs/architecture.md's "Command-line contract"; keep it stable.
Proof: tests/test_cli.py.
"""

from __future__ import annotations

import typer

from cli.alerts import alerts_app, findings
from cli.checks import checks
from cli.compare import compare
from cli.dashboards import export, report
from cli.demo import demo
from cli.read import extract_pdf, parse_question_page
from cli.rederive import rederive
from cli.run import backfill, run

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="LFR Watch: Met LFR deployment records and Mayor's answers, versioned and checked.")

app.command()(run)
app.command()(backfill)
app.command("extract-pdf")(extract_pdf)
app.command("parse-question")(parse_question_page)
app.command("findings")(findings)
app.command("checks")(checks)
app.command("compare")(compare)
app.command("report")(report)
app.command("export")(export)
app.command("demo")(demo)
app.command("rederive")(rederive)
app.add_typer(alerts_app, name="alerts")
