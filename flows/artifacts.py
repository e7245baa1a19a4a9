"""The run's Prefect markdown artifact: what changed, in a form a person reads in the Prefect UI.

Orchestration only: reads through warehouse/ (alerts, findings) and writes
one artifact under the key `lfr-watch-run`, so the UI keeps its history
run after run. Proof: tests/test_alerts.py (test_run_artifact_*).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from pathlib import Path

from prefect.artifacts import create_markdown_artifact

from warehouse.alerts import count_deliveries, find_alerts
from warehouse.db import connect
from warehouse.findings import find_findings

ARTIFACT_KEY = "lfr-watch-run"


_MARKDOWN = re.compile(r"([\\`*_\[\]<>!#|~])")


def _cell(text: str) -> str:
    """Source text as literal markdown: every character markdown acts on escaped, one line."""
    return _MARKDOWN.sub(r"\\\1", " ".join(str(text).split()))


def _fence(text: str) -> str:
    """A code fence longer than any run of backticks in `text`, so the text cannot close it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def run_summary_markdown(db_path: str | Path, *, since: datetime, run_summary: str = "") -> str:
    """Markdown: the run's own summary, alerts raised since `since`, new findings to review, deliveries."""
    con = connect(db_path)
    try:
        alerts = find_alerts(con, include_closed=True, since=since)
        review = [f for f in find_findings(con) if f.state == "review" and f.raised_at >= since]
        deliveries = Counter()
        for (_, state), n in count_deliveries(con).items():
            deliveries[state] += n
    finally:
        con.close()
    lines = ["# LFR Watch run", ""]
    if run_summary:
        fence = _fence(run_summary)
        lines += [fence, run_summary, fence, ""]
    kinds = Counter(a.kind for a in alerts)
    lines.append(f"## {len(alerts)} new alerts" + (f" ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))})"
                                                   if alerts else ""))
    lines.append("")
    if alerts:
        lines += ["| id | kind | subject | what happened |", "|---|---|---|---|"]
        lines += [f"| {a.alert_id} | {a.kind} | {_cell(a.subject)} | {_cell(a.summary)} |" for a in alerts]
    else:
        lines.append("Nothing new was published, and nothing stopped adding up.")
    lines += ["", f"## {len(review)} new findings for a person to review", ""]
    lines += [f"- {_cell(f.summary)}" for f in review] or ["None."]
    lines += ["", "## Notifications", "",
              ", ".join(f"{n} {state}" for state, n in sorted(deliveries.items())) or "No channel configured."]
    return "\n".join(lines) + "\n"


def publish_run_artifact(db_path: str | Path, *, since: datetime, run_summary: str = "") -> str:
    """Create the run's markdown artifact (key `lfr-watch-run`); returns its markdown."""
    markdown = run_summary_markdown(db_path, since=since, run_summary=run_summary)
    create_markdown_artifact(markdown=markdown, key=ARTIFACT_KEY, description="What this LFR Watch run found")
    return markdown
