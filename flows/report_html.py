"""The report page: view rows in, one self-contained HTML document out.

Owns the page's layout and escaping (the inlined stylesheet and script
are flows/report_style.py's):
every value from the sources (locations, notes, sentences, titles, error
texts, URLs) goes through `_e` or `_link`, and the Content-Security-Policy
allows only this page's own style and script (by hash), so even text that
slipped through could not run. Links go to the evidence: a document's
page (`#page=N`) and row, a question's page. Only http(s) links are made.

Must not: read the warehouse (flows/report.py does) or fetch anything.
Proof: tests/test_report.py, tests/test_report_browser.py.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from html import escape
from typing import Any, Iterable
from urllib.parse import urlsplit

from flows.report_charts import Series, bar_chart, legend, percent
from flows.report_style import CSP, SCRIPT, STYLE

SHOWN_LINKS = 4  # evidence links shown per alert; the rest fold away (a contradiction can name 179 rows)
ERA1_NOTE = "2020–22: arrests and other disposals together, as printed (not comparable with later years)"


def _e(value: Any) -> str:
    if isinstance(value, datetime):
        value = value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return "—" if value is None else escape(str(value), quote=True)


def _n(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "—" if value is None else f"{value:,}"


def _rate(value: float | None, decimals: int) -> str:
    return "—" if value is None else f"{value * 100:.{decimals}f}%"


def _link(url: str | None, text: str) -> str:
    """An escaped link, or the escaped text alone when the URL is not http(s)."""
    if not url or urlsplit(url).scheme not in ("http", "https"):
        return escape(text)
    return f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer">{escape(text)}</a>'


def _document_link(url: str | None, page: Any, row: Any) -> str:
    if not url:
        return ""
    where = " ".join(p for p in (f"p. {page}" if page else "", f"row {row}" if row else "") if p)
    return _link(f"{url}#page={page}" if page else url, f"{url.rsplit('/', 1)[-1]} {where}".strip())


def _evidence_links(row: dict) -> str:
    """Links to every document (page, row) and question named by an alert's subject or evidence."""
    links = [_document_link(row.get("document_url"), row.get("source_page"), row.get("source_row")),
             _link(row.get("question_url"), "question") if row.get("question_url") else ""]
    evidence = row.get("evidence")
    for found in _walk(json.loads(evidence) if isinstance(evidence, str) else evidence):
        links.append(found)
    links = list(dict.fromkeys(link for link in links if link))
    if len(links) <= SHOWN_LINKS:
        return "<br>".join(links)
    rest = links[SHOWN_LINKS:]
    return ("<br>".join(links[:SHOWN_LINKS])
            + f"<details><summary>{len(rest)} more</summary>{'<br>'.join(rest)}</details>")


def _walk(node: Any) -> Iterable[str]:
    if isinstance(node, dict):
        url = node.get("url") or node.get("document_url")
        if isinstance(url, str) and ("page" in node or "source_page" in node or "sha256" in node):
            page, row = node.get("page", node.get("source_page")), node.get("row", node.get("source_row"))
            yield _document_link(url, page, row)
        if isinstance(node.get("question_url"), str):
            yield _link(node["question_url"], "question")
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _table(headers: list[str], rows: list[list[str]], numeric: set[int] = frozenset(),
           short: set[int] = frozenset()) -> str:
    """A sortable table of already-escaped cells; `numeric` columns align right, `short` ones never wrap."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    css = lambda i: ' class="n"' if i in numeric else ' class="s"' if i in short else ""  # noqa: E731
    body = "".join("<tr>" + "".join(f"<td{css(i)}>{c}</td>" for i, c in enumerate(r)) + "</tr>" for r in rows)
    return f'<table class="sortable"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _figure(chart: str, caption: str, note: str, key: str) -> str:
    return f"<figure><figcaption>{escape(caption)}<small>{escape(note)}</small></figcaption>{chart}{key}</figure>"


def _months(monthly: list[dict]) -> list[date]:
    if not monthly:
        return []
    first, last, out = monthly[0]["month"], monthly[-1]["month"], []
    while first <= last:
        out.append(first)
        first = (first + timedelta(days=32)).replace(day=1)
    return out


def _charts(data) -> str:
    by_month = {m["month"]: m for m in data.monthly}
    months = _months(data.monthly)
    labels = [m.strftime("%b %Y") for m in months]
    every = max(1, len(months) // 12)
    col = lambda key: [(by_month.get(m) or {}).get(key, 0) for m in months]  # noqa: E731
    deployments = [Series("completed", col("deployments_completed"), "completed"),
                   Series("aborted", col("deployments_aborted"), "aborted")]
    faces = [Series("faces seen (estimate)", col("faces_seen"), "faces")]
    alerts = [Series("true alerts", col("true_alerts"), "true"), Series("false alerts", col("false_alerts"), "false")]
    years = [str(y["year"]) for y in data.yearly]
    era1 = frozenset(i for i, y in enumerate(data.yearly) if y["arrests_include_other_disposals"])
    outcomes = [Series("arrests", [y["arrests"] for y in data.yearly], "arrests", era1),
                Series("other disposals (2023 on)", [y["other_disposals"] for y in data.yearly], "disposals")]
    rate_years = [str(r["period_start"].year) for r in data.yearly_rates]
    per_face = [Series("false alerts ÷ faces seen", [r["false_alert_rate_per_face"] for r in data.yearly_rates],
                       "per-face")]
    per_alert = [Series("false alerts ÷ all alerts", [r["false_alert_rate_per_alert"] for r in data.yearly_rates],
                        "per-alert")]
    return "".join([
        _figure(bar_chart("deployments", "Deployments per month", labels, deployments, label_every=every),
                "Deployments per month", "Aborted deployments are counted apart; their figures print N/A.",
                legend(deployments)),
        _figure(bar_chart("faces", "Faces scanned per month", labels, faces, label_every=every),
                "Faces scanned per month", "The Met's estimates, summed over completed deployments.", legend(faces)),
        _figure(bar_chart("alerts", "Alerts per month, true and false", labels, alerts, label_every=every),
                "Alerts per month, true and false", "Every alert is a person matched against the watchlist.",
                legend(alerts)),
        _figure(bar_chart("rate-per-face", "False-alert rate per face, by year", rate_years, per_face,
                          fmt=percent(4)),
                "False-alert rate per face scanned, by year", "False alerts ÷ faces seen: the rate the Met prints.",
                legend(per_face)),
        _figure(bar_chart("rate-per-alert", "False-alert rate per alert, by year", rate_years, per_alert,
                          fmt=percent(1)),
                "False-alert rate per alert, by year",
                "False alerts ÷ all alerts: how often an alert named the wrong person. A different measure from the "
                "rate per face: never compare one with the other.", legend(per_alert)),
        _figure(bar_chart("arrests", "Arrests and other disposals, by year", years, outcomes),
                "Arrests and other disposals, by year", ERA1_NOTE + ".", legend(outcomes, ERA1_NOTE)),
    ])


def _summary_cards(data) -> str:
    total = lambda key: sum(y[key] or 0 for y in data.yearly)  # noqa: E731
    rates = data.all_time_rates[0] if data.all_time_rates else {}
    cards = [("completed deployments", _n(total("deployments_completed"))),
             ("aborted deployments", _n(total("deployments_aborted"))),
             ("faces scanned (estimate)", _n(total("faces_seen"))),
             ("alerts: true / false", f"{_n(total('true_alerts'))} / {_n(total('false_alerts'))}"),
             ("false alerts per face", _rate(rates.get("false_alert_rate_per_face"), 4)),
             ("false alerts per alert", _rate(rates.get("false_alert_rate_per_alert"), 1)),
             ("arrests (2020–22 incl. disposals)", _n(total("arrests"))),
             ("open alerts", _n(len(data.open_alerts)))]
    return '<div class="cards">' + "".join(f"<div class=\"card\"><b>{v}</b><span>{escape(k)}</span></div>"
                                           for k, v in cards) + "</div>"


def _badge(state: Any) -> str:
    return f'<span class="badge {escape(str(state))}">{_e(state)}</span>'


def _claimed(c: dict) -> str:
    rate = (c["metric"] or "").startswith("false_alert_rate")
    show = (lambda v: _rate(v, 4)) if rate else _n
    low, high = c["low"], c["high"]
    if low is not None and high is not None:
        return f"= {show(low)}" if low == high else f"{show(low)}–{show(high)}"
    return f"≥ {show(low)}" if low is not None else (f"≤ {show(high)}" if high is not None else "—")


def _years(data) -> str:
    rates = {r["period_start"].year: r for r in data.yearly_rates}
    rows = []
    for y in data.yearly:
        r = rates.get(y["year"], {})
        star = " *" if y["arrests_include_other_disposals"] else ""
        rows.append([_e(y["year"]), _n(y["deployments_completed"]), _n(y["deployments_aborted"]), _n(y["faces_seen"]),
                     _n(y["alerts_total"]), _n(y["true_alerts"]), _n(y["false_alerts"]), _n(y["arrests"]) + star,
                     _n(y["other_disposals"]), _rate(r.get("false_alert_rate_per_face"), 4),
                     _rate(r.get("false_alert_rate_per_alert"), 1)])
    headers = ["year", "completed", "aborted", "faces seen", "alerts", "true", "false", "arrests*", "other disposals",
               "per face", "per alert"]
    return f"{_table(headers, rows, numeric=set(range(1, 11)))}<p class=\"note\">* {escape(ERA1_NOTE)}.</p>"


def _alerts(data) -> str:
    if not data.open_alerts:
        return "<p>No open alerts.</p>"
    rows = [[_e(a["id"]), _badge(a["state"]), _e(a["kind"]), _e(a["raised_at"].date()), _e(a["summary"]),
             _evidence_links(a)] for a in data.open_alerts]
    return _table(["id", "state", "kind", "raised", "summary", "evidence"], rows, short={0, 1, 2, 3})


_SOURCE_WORDS = {"sentence": "", "earlier_sentence": "earlier sentence", "later_sentence": "next sentence",
                 "question": "question", "title": "title", "statement_date": "statement's date"}


def _scope(c: dict) -> str:
    """The claim's period and places, each with where its words came from."""
    parts = []
    for kind, words, source in (("period", c["period_words"], c["period_source"]),
                                ("places", c["place_words"], c["places_source"]),
                                ("deployments", c["selection_words"], None)):
        if words or source:
            where = _SOURCE_WORDS.get(source or "", source or "")
            parts.append(f"{kind}: “{_e(words or 'up to the statement')}”" + (f" ({_e(where)})" if where else ""))
    if c["period_start"] or c["period_end"]:
        parts.append(f"{_e(c['period_start'] or '…')} – {_e(c['period_end'])}")
    return "<br>".join(parts) or "—"


def _claim_rows(claims: list[dict]) -> list[list[str]]:
    rows = []
    for c in claims:
        rate = c["metric"].startswith("false_alert_rate")
        computed = _rate(c["computed"], 4) if rate and c["computed"] is not None else _n(c["computed"])
        question = _link(c["question_url"], c["reference"] or c["question_title"] or "question")
        records = _e(c["records_text"]) if c["records_text"] and not rate else computed
        rows.append([_badge(c["verdict"]), question, _e(c["answer_date"]), _e(c["sentence"]), _e(c["metric"]),
                     _claimed(c), _scope(c), records, _e(c["review_reason"] or "")])
    return rows


def _claims(data) -> str:
    headers = ["verdict", "question", "stated", "sentence", "metric", "claimed", "scope", "records (rows)", "why review"]
    flagged = [c for c in data.claims if c["verdict"] != "agrees"]
    agreeing = [c for c in data.claims if c["verdict"] == "agrees"]
    out = ("<p class=\"note\">Each figure stated in a Mayor's answer, read in context (where its period and places "
           "came from), the records' figure summed over exactly the deployments its scope resolves to, and the "
           "verdict. 'review': the scope or the definition could not be matched with confidence.</p>")
    out += (_table(headers, _claim_rows(flagged), short={0, 2, 4, 5}) if flagged
            else "<p>No claim contradicts the records or awaits review.</p>")
    if agreeing:
        agree = "1 claim agrees" if len(agreeing) == 1 else f"{len(agreeing)} claims agree"
        out += (f"<details><summary>{agree} with the records</summary>"
                f"{_table(headers, _claim_rows(agreeing), short={0, 2, 4, 5})}</details>")
    return out


def _sources(data) -> str:
    rows = [[_e(s["source"]), _link(s["url"], s["url"]) if s["url"] else "<b>all URLs</b>", _badge(s["state"]),
             _e(s["last_fetched_at"]), _e(s["last_changed_at"]), _e(s["last_error"] or ""), _n(s["open_problems"])]
            for s in data.sources]
    headers = ["source", "url", "state", "last fetched", "last changed", "last error", "open problems"]
    return _table(headers, rows, numeric={6}, short={0, 2})


def _deployments(data) -> str:
    rows = []
    for d in sorted(data.deployments, key=lambda d: (d["deployment_date"], d["source_row"]), reverse=True):
        note = f' <span class="note">({_e(d["note"])})</span>' if d["note"] else ""
        star = " *" if d["arrests_include_other_disposals"] and d["arrests"] is not None else ""
        rows.append([_e(d["deployment_date"]), _e(d["location"]) + note, _e(d["status"]), _n(d["faces_seen"]),
                     _n(d["alerts_total"]), _n(d["true_alerts"]), _n(d["false_alerts"]), _n(d["arrests"]) + star,
                     _rate(d["false_alert_rate_per_face"], 4), _rate(d["false_alert_rate_per_alert"], 1),
                     _document_link(d["document_url"], d["source_page"], d["source_row"])])
    headers = ["date", "location", "status", "faces seen", "alerts", "true", "false", "arrests", "per face",
               "per alert", "evidence"]
    return (f"<details><summary>All {len(data.deployments)} deployments, with the page and row of each</summary>"
            f"{_table(headers, rows, numeric={3, 4, 5, 6, 7, 8, 9}, short={0, 2})}</details>")


def _sections(data) -> str:
    return (f"<h2>Year by year</h2>{_years(data)}<h2>Open alerts</h2>{_alerts(data)}"
            f"<h2>Answers against the records</h2>{_claims(data)}<h2>Sources</h2>{_sources(data)}{_deployments(data)}")


def render_report(data) -> str:
    """The whole page for a `flows.report.ReportData`."""
    stamp, made = data.stamp, f"snapshot published {_e(data.published_at)}, report made {_e(data.generated_at)}"
    sample = ('<p class="sample">SAMPLE DATA: this report was made by <code>lfrwatch demo</code> from re-typeset '
              "and invented SAMPLE records and answers. None of it is a Met document or a Mayor's answer.</p>"
              if stamp.get("sample") else "")
    missing = (f'<p class="note">Not in this snapshot yet: {_e(", ".join(data.missing_views))}.</p>'
               if data.missing_views else "")
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{'SAMPLE ' if sample else ''}LFR Watch report</title><style>{STYLE}</style></head><body><main>"
        f"{sample}<h1>LFR Watch: Met Police live facial recognition</h1>"
        f'<p class="meta">{_n(stamp.get("deployments"))} deployments published up to '
        f'{_e(stamp.get("last_deployment_date"))}; {made}.</p>{missing}'
        f"{_summary_cards(data)}{_charts(data)}{_sections(data)}"
        '<p class="note">"—" means not published (N/A, or not printed in that era), never zero. Figures are the '
        "Met's as printed; the documents contain mistakes, which the checks report.</p>"
        f"</main><script>{SCRIPT}</script></body></html>\n"
    )
