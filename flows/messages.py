"""Notification text: one line saying what happened, then the evidence with links.

Owns the wording of messages (one alert, or a digest of many) and of the
run artifact's lines. Pure: alerts in, text out; no SQL, no I/O.
Proof: tests/test_alerts_notify.py.
"""

from __future__ import annotations

import re

from warehouse.alerts import Alert

MAX_DEPLOYMENTS_LISTED = 5


def _doc(doc: dict | None) -> str:
    if not doc or not doc.get("url"):
        return "?"
    where = ", ".join(f"{k} {doc[k]}" for k in ("page", "row") if doc.get(k) is not None)
    sha = (doc.get("sha256") or "")[:12]
    return f"{doc['url']} (sha256 {sha}…{', ' + where if where else ''})"


def _answer(side: dict) -> str:
    return (f"answer {side.get('position')} of {side.get('answer_date')} by {side.get('answered_by') or '?'}: "
            f"“{(side.get('excerpt') or '')[:200]}”")


def evidence_lines(alert: Alert) -> list[str]:
    """The evidence of one alert as lines for people, both sides with provenance."""
    e, kind = alert.evidence, alert.kind
    if kind == "figure_revised":
        return [f"{e.get('field')}: {e.get('old')} → {e.get('new')}",
                f"before: {_doc(e.get('old_document'))}", f"now: {_doc(e.get('new_document'))}"]
    if kind == "deployment_withdrawn":
        lines = [f"was in: {_doc(e.get('old_document'))}", f"missing from: {_doc(e.get('new_document'))}"]
        if e.get("still_published_in"):
            lines.append("still published in: " + ", ".join(e["still_published_in"]))
        return lines
    if kind == "deployment_new":
        figures = ", ".join(f"{k} {v}" for k, v in (e.get("figures") or {}).items())
        return [figures, f"in: {_doc(e.get('document'))}"]
    if kind in ("document_new", "document_replaced"):
        return [f"document: {_doc(e.get('document') or e.get('new_document'))}"]
    if kind in ("answer_new", "answer_corrected"):
        lines = [f"question: {e.get('question_url')}"]
        if e.get("old"):
            lines.append("before: " + _answer(e["old"]))
        lines.append(("now: " if e.get("old") else "") + _answer(e.get("new") or e.get("answer") or {}))
        return lines
    if kind == "figure_contradicted":
        claim = e.get("claim") or {}
        scope = claim.get("scope") or {}
        deployments = e.get("deployments") or []
        lines = [f"claim: “{claim.get('sentence')}” ({claim.get('question_url')}, stated {claim.get('answer_date')})",
                 f"claimed range: {claim.get('low')} to {claim.get('high')} ({claim.get('qualifier')}), "
                 f"period {claim.get('period_start')} to {claim.get('period_end')}"]
        for part in ("period", "places"):
            words = (scope.get(part) or {})
            if words.get("words") or words.get("from"):
                lines.append(f"{part} set by: “{words.get('words') or '—'}” ({words.get('from')})")
        lines.append(f"records: {e.get('records') or e.get('computed')} ({e.get('definition')})")
        for d in deployments[:MAX_DEPLOYMENTS_LISTED]:
            lines.append(f"  {d.get('deployment_id')} {d.get('location')}: {d.get('value')} — {_doc(d.get('document'))}")
        if len(deployments) > MAX_DEPLOYMENTS_LISTED:
            lines.append(f"  … and {len(deployments) - MAX_DEPLOYMENTS_LISTED} more")
        return lines
    if kind == "check_failed":
        return [f"suite {e.get('suite')}, rule {e.get('rule')}, {len(e.get('rows') or [])} rows"]
    return [f"{k}: {v}" for k, v in sorted(e.items()) if not isinstance(v, (dict, list))]


_MENTION = re.compile(r"@(?=\w)")
_MASKED_LINK = re.compile(r"\]\s*\(")


def neutralise(text: str) -> str:
    """Text that chat services show as text: no @everyone or @here pings, no <@user>/<!channel> mentions or
    <url|label> links, no [label](url) masked links. Source text reaches messages (place names, answers)."""
    text = _MENTION.sub("@\u200b", text)
    text = text.replace("<", "＜").replace(">", "＞")
    return _MASKED_LINK.sub("] (", text)


def compose(alerts: list[Alert]) -> tuple[str, str]:
    """(title, body): one alert as its own message; several as one digest, each alert kept whole."""
    title, body = _compose(alerts)
    return neutralise(title), neutralise(body)


def _compose(alerts: list[Alert]) -> tuple[str, str]:
    if len(alerts) == 1:
        alert = alerts[0]
        return f"LFR Watch: {alert.summary}", "\n".join(evidence_lines(alert) + [f"alert #{alert.alert_id}"])
    blocks = []
    for alert in alerts:
        lines = [f"#{alert.alert_id} {alert.summary}"] + [f"    {line}" for line in evidence_lines(alert)]
        blocks.append("\n".join(lines))
    kinds = sorted({a.kind for a in alerts})
    return f"LFR Watch: {len(alerts)} new alerts ({', '.join(kinds)})", "\n\n".join(blocks)
