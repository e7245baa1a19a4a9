"""Warehouse states for the findings and alerts tests, built through the real loaders.

Met documents go through warehouse.fetch_state and warehouse.met_load (archive, load, fetch state) as
typed records, without a PDF, so a test states exactly which deployments a
version prints; question pages go through warehouse.questions_load with
claims from the real extractor (scrapers.claims). Every place and figure
here is invented.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

from schemas.questions import Answer, Question
from schemas.records import Deployment, MetDocument
from scrapers.claims import question_claims
from warehouse import fetch_state, met_load, questions_load

T0 = datetime(2025, 6, 2, 8, 0, tzinfo=timezone.utc)
MET = "https://www.met.police.uk/SysSiteAssets/media/downloads/force-content/met/advice/lfr/deployment-records"
TO_DATE = f"{MET}/lfr-deployment-grid.pdf"
FULL_YEAR = f"{MET}/live-facial-recognition-deployment-record-2025.pdf"
GLA = "https://www.london.gov.uk/who-we-are/what-london-assembly-does/questions-mayor/find-an-answer"


def dep(day: str, location: str, *, status: str = "completed", **figures) -> Deployment:
    """A completed era-3 style deployment; figures default to a small plausible row."""
    values = dict(alerts_total=4, true_alerts=3, false_alerts=1, faces_seen=9000, arrests=2, other_disposals=1,
                  no_action=1, watchlist_size=15000)
    if status == "aborted":
        values = {k: None for k in values} | {"watchlist_size": 15000}
    values |= figures
    key = re.sub(r"[^a-z0-9]+", "-", location.lower()).strip("-")
    return Deployment(
        deployment_id=f"{day}-{key}-1", deployment_date=date.fromisoformat(day), location=location,
        note="technical fault stopped deployment" if status == "aborted" else None, status=status,
        duration_minutes=300, purpose="Crime Hotspot", watchlist_size=values["watchlist_size"], threshold=0.64,
        alerts_total=values["alerts_total"], true_alerts=values["true_alerts"], true_alerts_confirmed=None,
        true_alerts_unconfirmed=None, false_alerts=values["false_alerts"], false_alerts_confirmed=None,
        false_alerts_unconfirmed=None, true_alert_engagements=values.get("true_alert_engagements"),
        false_alert_engagements=values.get("false_alert_engagements"), arrests=values["arrests"],
        other_disposals=values["other_disposals"], no_action=values["no_action"], faces_seen=values["faces_seen"],
        false_alert_rate_printed=None, document_sha256="", document_url="", source_page=1, source_row=1,
    )


def publish(con, url: str, deployments: list[Deployment], at: datetime, title: str = "MPS LFR DEPLOYMENTS TEST") -> str:
    """One version of a Met document at `url`, fetched and loaded at `at`; returns its sha256."""
    content = json.dumps([d.to_json_dict() for d in deployments], sort_keys=True).encode()
    sha, _ = fetch_state.archive_raw(con, url=url, source="met", content=content, fetched_at=at, http_status=200,
                              etag=None, last_modified=None, content_type="application/pdf")
    rows = [replace(d, document_sha256=sha, document_url=url, source_page=1 + (i - 1) // 20, source_row=i)
            for i, d in enumerate(deployments, 1)]
    if not met_load.is_met_version_loaded(con, sha):
        met_load.load_met_document(con, MetDocument(url, sha, title, 1 + len(rows) // 20, rows), at)
    fetch_state.record_fetch(con, url=url, source="met", role="document", at=at, status=200, sha256=sha)
    return sha


def answer_page(con, slug: str, reference: str | None, answers: list[tuple[date, str]], at: datetime,
                title: str | None = None, holding: tuple[int, ...] = ()) -> str:
    """A question page with `answers` [(date, text)] loaded at `at`, claims extracted from the text; its URL."""
    url = f"{GLA}/{slug}"
    parsed = [Answer(answered_by="The Mayor", answer_date=d, text=text, paragraphs=[text], tables=[], attachments=[],
                     holding=i in holding, position=i) for i, (d, text) in enumerate(answers, 1)]
    question = Question(url=url, title=title or slug.replace("-", " ").capitalize(), reference=reference,
                        asked_by="Siân Berry", organisation="Green", asked_of="The Mayor", meeting=None,
                        meeting_date=answers[0][0] - timedelta(days=10) if answers else None,
                        question_text="How is live facial recognition used?", answers=parsed, layout="new")
    claims = question_claims(question)
    page_sha = hashlib.sha256(json.dumps([url, answers], default=str).encode()).hexdigest()
    questions_load.load_question(con, question, claims, source_url=url, document_sha256=page_sha, observed_at=at)
    return url


def rows(con, sql: str, params=()) -> list[tuple]:
    return con.execute(sql, list(params)).fetchall()
