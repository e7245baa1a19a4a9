"""Notification text: one line saying what happened, then the evidence with links.

Owns the wording of messages (one alert, or a digest of many). Each kind's
evidence is read by its shape in warehouse/finding_kinds.py. Pure: alerts
in, text out; no SQL, no I/O.
Proof: tests/test_alerts_notify.py.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from warehouse.alerts import Alert
from warehouse.finding_kinds import (AnswerCorrected, AnswerNew, AnswerRef, CheckFailed, DeploymentNew,
                                     DeploymentWithdrawn, DocumentNew, DocumentRef, DocumentReplaced,
                                     FigureContradicted, FigureRevised, ReleaseChanged, ReleaseNew, ReleaseRef)

MAX_DEPLOYMENTS_LISTED = 5


def _doc(doc: DocumentRef | None) -> str:
    if not doc or not doc["url"]:
        return "?"
    where = ", ".join(f"{k} {doc[k]}" for k in ("page", "row") if doc.get(k) is not None)
    sha = (doc["sha256"] or "")[:12]
    return f"{doc['url']} (sha256 {sha}…{', ' + where if where else ''})"


def _answer(side: AnswerRef) -> str:
    return (f"answer {side['position']} of {side['answer_date']} by {side['answered_by'] or '?'}: "
            f"“{(side['excerpt'] or '')[:200]}”")


def _figure_revised(e: FigureRevised) -> list[str]:
    return [f"{e['field']}: {e['old']} → {e['new']}",
            f"before: {_doc(e['old_document'])}", f"now: {_doc(e['new_document'])}"]


def _deployment_withdrawn(e: DeploymentWithdrawn) -> list[str]:
    lines = [f"was in: {_doc(e['old_document'])}", f"missing from: {_doc(e['new_document'])}"]
    if e["still_published_in"]:
        lines.append("still published in: " + ", ".join(e["still_published_in"]))
    return lines


def _deployment_new(e: DeploymentNew) -> list[str]:
    return [", ".join(f"{k} {v}" for k, v in e["figures"].items()), f"in: {_doc(e['document'])}"]


def _document_new(e: DocumentNew) -> list[str]:
    return [f"document: {_doc(e['document'])}"]


def _document_replaced(e: DocumentReplaced) -> list[str]:
    return [f"document: {_doc(e['new_document'])}"]


def _answer_new(e: AnswerNew) -> list[str]:
    return [f"question: {e['question_url']}", _answer(e["answer"])]


def _answer_corrected(e: AnswerCorrected) -> list[str]:
    return [f"question: {e['question_url']}", "before: " + _answer(e["old"]), "now: " + _answer(e["new"])]


def _release(side: ReleaseRef) -> str:
    return f"release of {side['published_date']} ({side['extractor']}): “{(side['excerpt'] or '')[:200]}”"


def _release_new(e: ReleaseNew) -> list[str]:
    return [f"release: {e['release_url']}", _release(e["release"])]


def _release_changed(e: ReleaseChanged) -> list[str]:
    return [f"release: {e['release_url']}", "before: " + _release(e["old"]), "now: " + _release(e["new"])]


def _figure_contradicted(e: FigureContradicted) -> list[str]:
    claim, deployments = e["claim"], e["deployments"]
    scope = claim["scope"]
    lines = [f"claim: “{claim['sentence']}” ({claim['question_url']}, stated {claim['answer_date']})",
             f"claimed range: {claim['low']} to {claim['high']} ({claim['qualifier']}), "
             f"period {claim['period_start']} to {claim['period_end']}"]
    for part in ("period", "places"):
        words = scope[part]
        if words["words"] or words["from"]:
            lines.append(f"{part} set by: “{words['words'] or '—'}” ({words['from']})")
    lines.append(f"records: {e['records'] or e['computed']} ({e['definition']})")
    for d in deployments[:MAX_DEPLOYMENTS_LISTED]:
        lines.append(f"  {d['deployment_id']} {d['location']}: {d['value']} — {_doc(d['document'])}")
    if len(deployments) > MAX_DEPLOYMENTS_LISTED:
        lines.append(f"  … and {len(deployments) - MAX_DEPLOYMENTS_LISTED} more")
    return lines


def _check_failed(e: CheckFailed) -> list[str]:
    return [f"suite {e['suite']}, rule {e['rule']}, {len(e['rows'])} rows"]


# The evidence lines of each kind, read by the shapes of warehouse/finding_kinds.py.
_LINES: dict[str, Callable[[Any], list[str]]] = {
    "figure_revised": _figure_revised, "deployment_withdrawn": _deployment_withdrawn,
    "deployment_new": _deployment_new, "document_new": _document_new, "document_replaced": _document_replaced,
    "answer_new": _answer_new, "answer_corrected": _answer_corrected, "release_new": _release_new,
    "release_changed": _release_changed, "figure_contradicted": _figure_contradicted,
    "check_failed": _check_failed,
}


def evidence_lines(alert: Alert) -> list[str]:
    """The evidence of one alert as lines for people, both sides with provenance."""
    lines = _LINES.get(alert.kind)
    if lines is not None:
        return lines(alert.evidence)
    # source_broken, source_stale: flat facts (what failed, and why)
    return [f"{k}: {v}" for k, v in sorted(alert.evidence.items()) if not isinstance(v, (dict, list))]


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
