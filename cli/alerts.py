"""`lfrwatch alerts [--json] [--all]`, `alerts ack ID`, `alerts resolve ID --note TEXT`, `lfrwatch findings`.

The contract is docs/architecture.md's "Command-line contract"; keep names,
options and output formats stable. Registered on the main app by
cli/__init__.py. Proof: tests/test_alerts.py (test_cli_*).
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

import typer

from cli.common import DB_HELP, connect_or_exit

alerts_app = typer.Typer(add_completion=False, invoke_without_command=True,
                         help="Open alerts (or all); acknowledge or resolve one.")

def _dump(objects: list[dict]) -> None:
    typer.echo(json.dumps(objects, ensure_ascii=False, indent=2, default=str))


@alerts_app.callback()
def alerts(
    ctx: typer.Context,
    db: Optional[Path] = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="A JSON list of alert objects."),
    include_all: bool = typer.Option(False, "--all", help="Resolved alerts too."),
) -> None:
    """List open and acknowledged alerts, oldest first (with --all, resolved ones too)."""
    if ctx.invoked_subcommand is not None:
        return
    from warehouse.alerts import find_alerts

    con = connect_or_exit(db)
    try:
        found = find_alerts(con, include_closed=include_all)
    finally:
        con.close()
    if as_json:
        _dump([a.to_json_dict() for a in found])
        return
    for a in found:
        typer.echo(f"#{a.alert_id:<5} {a.state:<12} {a.kind:<20} {a.raised_at:%Y-%m-%d %H:%M}  {a.summary}")
    typer.echo(f"{len(found)} alerts" + ("" if include_all else " open or acknowledged"), err=True)


def _review_step(alert_id: int, db: Optional[Path], step) -> None:
    from warehouse.alerts import AlertStateError

    con = connect_or_exit(db)
    try:
        alert = step(con, alert_id, datetime.now(timezone.utc))
    except AlertStateError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1)
    finally:
        con.close()
    typer.echo(f"#{alert.alert_id} {alert.state}: {alert.summary}")


@alerts_app.command("ack")
def ack(
    alert_id: int = typer.Argument(..., help="The alert's id."),
    db: Optional[Path] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Acknowledge an open alert: someone is looking at it."""
    from warehouse.alerts import acknowledge

    _review_step(alert_id, db, lambda con, i, at: acknowledge(con, i, at=at))


@alerts_app.command("resolve")
def resolve(
    alert_id: int = typer.Argument(..., help="The alert's id."),
    note: str = typer.Option(..., "--note", help="Why it is resolved (kept with the alert)."),
    db: Optional[Path] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Resolve an alert, saying why."""
    from warehouse.alerts import resolve as resolve_alert

    _review_step(alert_id, db, lambda con, i, at: resolve_alert(con, i, at=at, note=note))


def findings(
    db: Optional[Path] = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="A JSON list of finding objects."),
    review: bool = typer.Option(False, "--review", help="Only findings waiting for a person (state review)."),
) -> None:
    """All findings (everything noticed), or with --review those a person should look at."""
    from warehouse.findings import find_findings

    con = connect_or_exit(db)
    try:
        found = [f for f in find_findings(con) if not review or f.state == "review"]
    finally:
        con.close()
    if as_json:
        _dump([{"key": f.finding_key, "kind": f.kind, "subject": f.subject, "state": f.state, "summary": f.summary,
                "evidence": f.evidence, "raised_at": f.raised_at.isoformat()} for f in found])
        return
    for f in found:
        typer.echo(f"{f.state:<8} {f.kind:<20} {f.raised_at:%Y-%m-%d}  {f.summary}")
        if f.kind == "figure_contradicted" and f.evidence.get("deployment_ids"):
            ids = f.evidence["deployment_ids"]
            typer.echo(" " * 40 + "deployments: " + ", ".join(ids[:8]) + (f" … ({len(ids)} in all)" if len(ids) > 8 else ""))
    typer.echo(f"{len(found)} findings" + (" to review" if review else ""), err=True)
