"""The report page: a ReportData in, one self-contained HTML document out, through Jinja2 templates.

Owns the page's layout (report/templates/) and its escaping: the
environment autoescapes, so every value from the sources (locations,
notes, sentences, titles, error texts, URLs) is escaped by the template,
and nothing here builds markup by hand. Inserted unescaped, on purpose:
the charts of report/charts.py (which escape every value they
interpolate), and the page's own stylesheet, script and
Content-Security-Policy (report/style.py's constants: the style and script
must stay byte for byte what the policy's hashes were computed from). The policy allows
only that style and script, so even text that slipped through could not
run. Links go to the evidence: a document's page (`#page=N`) and row, a
question's page; `http_url` keeps only http(s) ones, anything else is
shown as text.

The functions here shape rows for the templates (text, numbers, rates,
links); the templates decide where everything goes.

Must not: read the warehouse (report/data.py does) or fetch anything.
Proof: tests/test_report.py (test_text_from_the_sources_cannot_inject_markup_or_script,
test_the_report_shows_the_charts_rates_and_evidence), tests/test_report_browser.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Callable, Iterable, NamedTuple
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from report.charts import Series, bar_chart, count, legend, percent
from report.style import CSP, SCRIPT, STYLE

if TYPE_CHECKING:
    from report.data import ReportData

SHOWN_LINKS = 4  # evidence links shown per alert; the rest fold away (a contradiction can name 179 rows)
ERA1_NOTE = "2020–22: arrests and other disposals together, as printed (not comparable with later years)"


def shown(value: Any) -> str:
    """A value as the page prints it: "—" for None (not published), times in UTC; the template escapes it."""
    if isinstance(value, datetime):
        value = value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return "—" if value is None else str(value)


def number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "—" if value is None else f"{value:,}"


def rate(value: float | None, decimals: int) -> str:
    return "—" if value is None else f"{value * 100:.{decimals}f}%"


def http_url(url: Any) -> str | None:
    """The URL when it is http(s), else None: the only links the page makes (no javascript:, data:, …)."""
    if isinstance(url, str) and url and urlsplit(url).scheme in ("http", "https"):
        return url
    return None


class Link(NamedTuple):
    href: str | None  # None: shown as text, not linked
    text: str


def link_to(url: str | None, text: str) -> Link:
    return Link(http_url(url), text)


def document_link(url: str | None, page: Any, row: Any) -> Link | None:
    """A link to a document's page, named by its file, page and row; None without a URL."""
    if not url:
        return None
    where = " ".join(p for p in (f"p. {page}" if page else "", f"row {row}" if row else "") if p)
    return link_to(f"{url}#page={page}" if page else url, f"{url.rsplit('/', 1)[-1]} {where}".strip())


def evidence_links(row: dict) -> list[Link]:
    """Links to every document (page, row), question and news release named by an alert's evidence, each once."""
    links = [document_link(row.get("document_url"), row.get("source_page"), row.get("source_row")),
             link_to(row.get("question_url"), "question") if row.get("question_url") else None]
    evidence = row.get("evidence")
    links.extend(_walk(json.loads(evidence) if isinstance(evidence, str) else evidence))
    # A link that would print nothing (no http(s) URL, no text) is left out.
    return list(dict.fromkeys(lk for lk in links if lk and (lk.href or lk.text)))


def _walk(node: Any) -> Iterable[Link | None]:
    if isinstance(node, dict):
        url = node.get("url") or node.get("document_url")
        if isinstance(url, str) and ("page" in node or "source_page" in node or "sha256" in node):
            page, row = node.get("page", node.get("source_page")), node.get("row", node.get("source_row"))
            yield document_link(url, page, row)
        if isinstance(node.get("question_url"), str):
            yield link_to(node["question_url"], "question")
        if isinstance(node.get("release_url"), str):
            yield link_to(node["release_url"], "news release")
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


@dataclass(frozen=True)
class Figure:
    """One chart of the page: what report/charts.py draws and the caption above it."""

    chart_id: str
    title: str
    caption: str
    note: str
    labels: list[str]
    series: list[Series]
    fmt: Callable[[float], str] = count
    label_every: int = 1
    hatched_note: str | None = None


def _months(monthly: list[dict]) -> list[date]:
    if not monthly:
        return []
    first, last, out = monthly[0]["month"], monthly[-1]["month"], []
    while first <= last:
        out.append(first)
        first = (first + timedelta(days=32)).replace(day=1)
    return out


def figures(data: ReportData) -> list[Figure]:
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
    return [
        Figure("deployments", "Deployments per month", "Deployments per month",
               "Aborted deployments are counted apart; their figures print N/A.", labels, deployments,
               label_every=every),
        Figure("faces", "Faces scanned per month", "Faces scanned per month",
               "The Met's estimates, summed over completed deployments.", labels, faces, label_every=every),
        Figure("alerts", "Alerts per month, true and false", "Alerts per month, true and false",
               "Every alert is a person matched against the watchlist.", labels, alerts, label_every=every),
        Figure("rate-per-face", "False-alert rate per face, by year", "False-alert rate per face scanned, by year",
               "False alerts ÷ faces seen: the rate the Met prints.", rate_years, per_face, fmt=percent(4)),
        Figure("rate-per-alert", "False-alert rate per alert, by year", "False-alert rate per alert, by year",
               "False alerts ÷ all alerts: how often an alert named the wrong person. A different measure from the "
               "rate per face: never compare one with the other.", rate_years, per_alert, fmt=percent(1)),
        Figure("arrests", "Arrests and other disposals, by year", "Arrests and other disposals, by year",
               ERA1_NOTE + ".", years, outcomes, hatched_note=ERA1_NOTE),
    ]


def cards(data: ReportData) -> list[tuple[str, str]]:
    """(label, figure) of the summary cards, all time."""
    total = lambda key: sum(y[key] or 0 for y in data.yearly)  # noqa: E731
    rates = data.all_time_rates[0] if data.all_time_rates else {}
    return [("completed deployments", number(total("deployments_completed"))),
            ("aborted deployments", number(total("deployments_aborted"))),
            ("faces scanned (estimate)", number(total("faces_seen"))),
            ("alerts: true / false", f"{number(total('true_alerts'))} / {number(total('false_alerts'))}"),
            ("false alerts per face", rate(rates.get("false_alert_rate_per_face"), 4)),
            ("false alerts per alert", rate(rates.get("false_alert_rate_per_alert"), 1)),
            ("arrests (2020–22 incl. disposals)", number(total("arrests"))),
            ("open alerts", number(len(data.open_alerts)))]


def years(data: ReportData) -> list[tuple[dict, dict]]:
    """Each year's totals with its false-alert rates ({} when the year has none)."""
    rates = {r["period_start"].year: r for r in data.yearly_rates}
    return [(y, rates.get(y["year"], {})) for y in data.yearly]


def is_rate(metric: str | None) -> bool:
    return (metric or "").startswith("false_alert_rate")


def claimed(c: dict) -> str:
    """The figure a claim states: exact, a range, or a bound."""
    show = (lambda v: rate(v, 4)) if is_rate(c["metric"]) else number
    low, high = c["low"], c["high"]
    if low is not None and high is not None:
        return f"= {show(low)}" if low == high else f"{show(low)}–{show(high)}"
    return f"≥ {show(low)}" if low is not None else (f"≤ {show(high)}" if high is not None else "—")


def records(c: dict) -> str:
    """The records' figure for a claim: which rows were summed, or the computed rate."""
    if c["records_text"] and not is_rate(c["metric"]):
        return shown(c["records_text"])
    return rate(c["computed"], 4) if is_rate(c["metric"]) and c["computed"] is not None else number(c["computed"])


_SOURCE_WORDS = {"sentence": "", "earlier_sentence": "earlier sentence", "later_sentence": "next sentence",
                 "question": "question", "title": "title", "statement_date": "statement's date"}


def scope(c: dict) -> list[str]:
    """The claim's period and places, each with where its words came from (one line each; none: [])."""
    parts = []
    for kind, words, source in (("period", c["period_words"], c["period_source"]),
                                ("places", c["place_words"], c["places_source"]),
                                ("deployments", c["selection_words"], None)):
        if words or source:
            where = _SOURCE_WORDS.get(source or "", source or "")
            said = f"{kind}: “{shown(words or 'up to the statement')}”"
            parts.append(said + (f" ({shown(where)})" if where else ""))
    if c["period_start"] or c["period_end"]:
        parts.append(f"{shown(c['period_start'] or '…')} – {shown(c['period_end'])}")
    return parts


def newest_first(deployments: list[dict]) -> list[dict]:
    return sorted(deployments, key=lambda d: (d["deployment_date"], d["source_row"]), reverse=True)


_ENV = Environment(
    loader=PackageLoader("report", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_ENV.filters.update(shown=shown, number=number, rate=rate, http_url=http_url)
_ENV.globals.update(
    SHOWN_LINKS=SHOWN_LINKS, ERA1_NOTE=ERA1_NOTE, bar_chart=bar_chart, legend=legend, link_to=link_to,
    document_link=document_link, evidence_links=evidence_links, claimed=claimed, records=records, scope=scope,
    # The project's own constants, not text from any source: inserted as they are, so the page's style and
    # script stay exactly what the policy's hashes name (and the policy keeps its quotes).
    STYLE=Markup(STYLE), SCRIPT=Markup(SCRIPT), CSP=Markup(CSP),
)


def render_report(data: ReportData) -> str:
    """The whole page for a `report.data.ReportData`."""
    return _ENV.get_template("report.html.j2").render(
        data=data, stamp=data.stamp, sample=bool(data.stamp.get("sample")), cards=cards(data), figures=figures(data),
        years=years(data), flagged=[c for c in data.claims if c["verdict"] != "agrees"],
        agreeing=[c for c in data.claims if c["verdict"] == "agrees"],
        deployments=newest_first(data.deployments))
