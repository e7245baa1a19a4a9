"""The kinds of finding: each one's evidence shape and its one-line summary — documented here, once.

A finding's `evidence` is JSON of the shape its kind declares below; the
rules (warehouse/rules/*.sql) build it, and messages, the report and
`lfrwatch findings` read it by these names. The summary is made from the
evidence (and a rule's few extra `facts`) by the kind's function, when the
finding is first recorded.

Pure: dictionaries in, text out. Proof: tests/test_findings_changes.py,
tests/test_findings_contradictions.py, tests/test_checks_flow.py.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, NotRequired, TypedDict
from urllib.parse import urlsplit

from warehouse.claim_text import range_text, short_date


class DocumentRef(TypedDict):
    """Where a figure was read: a document version (sha256), and the page and row when one row is meant."""

    url: str
    sha256: str
    page: int | None
    row: int | None
    observed_at: str | None


class AnswerRef(TypedDict):
    position: int
    answer_date: str | None
    answered_by: str | None
    text_sha256: str
    document_sha256: str
    excerpt: str  # the answer's first 400 characters


class DocumentNew(TypedDict):
    document: DocumentRef
    title: str | None
    pages: int
    deployment_rows: int
    first_date: str | None
    last_date: str | None
    new_deployments: int


class DocumentReplaced(TypedDict):
    old_document: DocumentRef
    new_document: DocumentRef
    kept: int
    previous: int
    no_longer_published: int
    title: str | None


class DeploymentNew(TypedDict):
    deployment_id: str
    deployment_date: str
    location: str
    figures: dict[str, Any]  # status, faces_seen, alerts_total, false_alerts, arrests
    document: DocumentRef


class FigureRevised(TypedDict):
    deployment_id: str
    field: str
    old: Any
    new: Any
    old_document: DocumentRef
    new_document: DocumentRef


class DeploymentWithdrawn(TypedDict):
    deployment_id: str
    old_document: DocumentRef  # with the page and row it was on
    new_document: DocumentRef
    still_published_in: list[str]


class AnswerNew(TypedDict):
    question_url: str
    reference: str
    title: str | None
    answer: AnswerRef
    claims: int  # figures stated in it


class AnswerCorrected(TypedDict):
    question_url: str
    reference: str
    title: str | None
    how: str  # 'later_answer' | 'text_changed'
    old: AnswerRef
    new: AnswerRef


class ReleaseRef(TypedDict):
    published_date: str | None
    title: str
    extractor: str  # what took the text from the page, e.g. 'trafilatura 2.3.1'
    text_sha256: str
    document_sha256: str
    excerpt: str  # the text's first 400 characters


class ReleaseNew(TypedDict):
    release_url: str
    title: str
    release: ReleaseRef
    claims: int  # figures stated in it


class ReleaseChanged(TypedDict):
    release_url: str
    title: str
    old: ReleaseRef
    new: ReleaseRef


class SourceStale(TypedDict):
    source: str
    last_changed_at: str
    last_ok_at: str
    urls: int
    stale_after_days: int


class ScopeWords(TypedDict):
    words: str | None
    # "from" is a keyword: 'sentence' | 'earlier_sentence' | 'later_sentence' | 'question' | 'title' | 'statement_date'


class ClaimRef(TypedDict):
    claim_id: str
    low: float | None
    high: float | None
    qualifier: str
    sentence: str
    question_url: str
    answer_date: str | None
    period_start: str | None
    period_end: str | None
    locations: list[str]
    scope_text: str | None
    position: int
    text_sha256: str
    sentence_index: int
    sentence_no: int | None
    reference: str
    scope: dict[str, Any]  # period, places: ScopeWords; selection; cumulative; subset (docs/claims.md)


class DeploymentValue(TypedDict):
    deployment_id: str
    deployment_date: str
    location: str
    value: float | None
    document: dict[str, Any]  # url, sha256, label ('2023–24 record'), page, row


class FigureContradicted(TypedDict):
    metric: str
    definition: str
    claim: ClaimRef
    computed: float | None  # the records' figure over the resolved rows
    computed_first_published: float | None
    records: str | None  # "13: Kingston 6 + Surbiton 7, 2023–24 record p.3 rows 12–13"
    scope_start: str | None
    scope_end: str | None
    deployment_ids: list[str]
    deployments: list[DeploymentValue]
    rates: dict[str, Any]  # deployments, per_face, per_alert over the same rows
    reasons: list[str]  # why 'review'; empty for a contradiction
    rederived: NotRequired[str]  # set by `lfrwatch rederive`: 'first_found', or 'carried_over' (never alerted)


class CheckRow(TypedDict):
    deployment_id: str | None
    deployment_date: str | None
    location: str | None
    document_url: str | None
    source_page: int | None
    source_row: int | None
    record_key: str | None
    observed: dict[str, Any]
    expected: str


class CheckFailed(TypedDict):
    suite: str
    rule: str
    level: str  # 'row' | 'document'
    rows: list[CheckRow]


class SourceBroken(TypedDict, total=False):
    """Recorded by the flows from a run's problems (not a rule): one of these, naming what failed."""

    url: str
    error: str
    problem: str
    errors: list[str]


EVIDENCE: dict[str, type] = {
    "document_new": DocumentNew, "document_replaced": DocumentReplaced, "deployment_new": DeploymentNew,
    "figure_revised": FigureRevised, "deployment_withdrawn": DeploymentWithdrawn, "answer_new": AnswerNew,
    "answer_corrected": AnswerCorrected, "release_new": ReleaseNew, "release_changed": ReleaseChanged,
    "source_stale": SourceStale, "figure_contradicted": FigureContradicted,
    "check_failed": CheckFailed, "source_broken": SourceBroken,
}


def file_name(url: str | None) -> str:
    """The last part of a URL's path: how people name a Met document."""
    return (url or "").rstrip("/").rsplit("/", 1)[-1]


def _document_new(e: DocumentNew, f: dict) -> str:
    return (f"New Met deployment record {file_name(e['document']['url'])}: {e['title'] or 'untitled'}, "
            f"{e['deployment_rows']} deployments {e['first_date']} to {e['last_date']} "
            f"({e['new_deployments']} not seen before)")


def _document_replaced(e: DocumentReplaced, f: dict) -> str:
    return (f"{file_name(e['new_document']['url'])} now serves a different record ({e['title'] or 'untitled'}, "
            f"{f['deployment_rows']} deployments): {e['kept']} of the previous {e['previous']} kept, "
            f"{e['no_longer_published']} no longer published anywhere")


def _deployment_new(e: DeploymentNew, f: dict) -> str:
    g = e["figures"]
    return (f"New deployment {e['deployment_date']} {e['location']} in {file_name(e['document']['url'])} "
            f"({g['status']}; faces {g['faces_seen']}, alerts {g['alerts_total']}, false {g['false_alerts']})")


def _figure_revised(e: FigureRevised, f: dict) -> str:
    return (f"Revised: {f['deployment_date']} {f['location']} {e['field']} {e['old']} → {e['new']} "
            f"({file_name(e['old_document']['url'])} → {file_name(e['new_document']['url'])})")


def _deployment_withdrawn(e: DeploymentWithdrawn, f: dict) -> str:
    old = e["old_document"]
    text = (f"Withdrawn: {f['deployment_date']} {f['location']} is no longer in {file_name(old['url'])} "
            f"(was page {old['page']}, row {old['row']})")
    if e["still_published_in"]:
        text += f"; still published in {', '.join(file_name(u) for u in e['still_published_in'])}"
    return text


def _answer_new(e: AnswerNew, f: dict) -> str:
    return (f"New answer to {e['reference']} “{e['title']}” ({e['answer']['answer_date']}, "
            f"{e['claims']} figures stated)")


def _answer_corrected(e: AnswerCorrected, f: dict) -> str:
    new = e["new"]
    what = "a later answer" if e["how"] == "later_answer" else f"answer {new['position']} changed its text"
    return f"Answer to {e['reference']} “{e['title']}” corrected: {what} ({new['answer_date']})"


def _release_new(e: ReleaseNew, f: dict) -> str:
    return (f"New Met news release on LFR “{e['title']}” ({e['release']['published_date']}, "
            f"{e['claims']} figures stated)")


def _release_changed(e: ReleaseChanged, f: dict) -> str:
    return f"Met news release “{e['title']}” changed its text ({file_name(e['release_url'])})"


def _source_stale(e: SourceStale, f: dict) -> str:
    return (f"Source {e['source']} unchanged for {f['days']} days (last change {f['changed']}, "
            f"last checked {f['ok']})")


def _figure_contradicted(e: FigureContradicted, f: dict) -> str:
    c, metric = e["claim"], e["metric"]
    said = c["answer_date"]
    stated = (f"{metric} {range_text(metric, c['low'], c['high'])} "
              f"(statement of {short_date(date.fromisoformat(said) if said else None)})")
    if f["verdict"] == "contradicts":
        return f"Contradiction: {c['reference']} states {stated}; records {e['records']}"
    text = f"Review: {c['reference']} states {stated}: {'; '.join(e['reasons'])}"
    if f["rows"] and e["records"] is not None:
        text += f"; records {e['records']}"
    return text


def _check_failed(e: CheckFailed, f: dict) -> str:
    """Which rule, which row of which document, what it shows (the first row the finding names)."""
    r = e["rows"][0]
    document = urlsplit(r["document_url"] or "").path.rsplit("/", 1)[-1] or r["document_url"]
    if e["level"] == "document":
        return (f"{e['suite']} check {e['rule']} fails on every row ({r['observed'].get('rows_failing')}) "
                f"of {document}: {r['expected']}")
    where = f"{document} p.{r['source_page']} row {r['source_row']}" if r["source_row"] else (r["record_key"] or "")
    what = " ".join(x for x in (r["location"], r["deployment_date"]) if x)
    values = ", ".join(f"{k}={v}" for k, v in r["observed"].items())
    return f"{e['suite']} check {e['rule']} fails: {what} ({where}): {values}; expected {r['expected']}".replace("  ", " ")


SUMMARIES: dict[str, Callable[[Any, dict], str]] = {
    "document_new": _document_new, "document_replaced": _document_replaced, "deployment_new": _deployment_new,
    "figure_revised": _figure_revised, "deployment_withdrawn": _deployment_withdrawn, "answer_new": _answer_new,
    "answer_corrected": _answer_corrected, "release_new": _release_new, "release_changed": _release_changed,
    "source_stale": _source_stale,
    "figure_contradicted": _figure_contradicted, "check_failed": _check_failed,
}


def summary(kind: str, evidence: dict, facts: dict) -> str:
    """The one line people read first, for a finding of `kind`."""
    return SUMMARIES[kind](evidence, facts)


class TranscriptionDiffers(TypedDict):
    """A transcribed spreadsheet against the records (`lfrwatch compare --record`, transcription_comparisons)."""

    file_name: str
    file_sha256: str
    file_row: int | None  # the row's number in the file; None for a missing deployment
    field: str  # a figure, 'deployment_date', 'location', or 'row' (a duplicated, unmatched or missing row)
    file: Any  # the value as transcribed; for a row, its date and location as written
    records: Any  # the value as published; for a missing row, the deployment's date and location
    cause: str | None  # warehouse/transcription_causes.py CAUSES, or None when none is evident
    duplicate_of: int | None  # the row a duplicated row repeats
    deployment_id: str | None
    deployment_date: str | None
    location: str | None
    document: DocumentRef | None


def _transcription_differs(e: TranscriptionDiffers, f: dict) -> str:
    where = (f" ({e['deployment_date']} {e['location']}, {file_name(e['document']['url'])} "
             f"p.{e['document']['page']} row {e['document']['row']})" if e["document"] else "")
    name, row = e["file_name"], e["file_row"]
    if e["cause"] == "row_missing":
        return f"Transcription {name} has no row for a published deployment{where}"
    if e["cause"] == "row_duplicated":
        return f"Transcription {name} row {row} repeats row {e['duplicate_of']}{where}"
    if e["cause"] == "no_match":
        return f"Transcription {name} row {row} ({e['file']['deployment_date']} {e['file']['location']}) " \
               f"matches no published deployment"
    cause = f" ({e['cause']})" if e["cause"] else ""
    return f"Transcription {name} row {row}: {e['field']} {e['file']}, records {e['records']}{cause}{where}"


EVIDENCE["transcription_differs"] = TranscriptionDiffers
SUMMARIES["transcription_differs"] = _transcription_differs


class DerivationChanged(TypedDict, total=False):
    """Recorded by `lfrwatch rederive` (warehouse/rederive.py, flows/rederive.py), always for review: what the
    current code reads differently from a stored version. A statement version names its claims; a Met document
    the deployments whose rows would change."""

    version: str  # scrapers/versions.py
    statement_url: str
    position: int
    text_sha256: str
    source: str  # 'questions' | 'news'
    title: str | None
    statement_date: str | None
    previous_versions: list[str]
    added: list[str]  # "arrests 9 2025-05-20..2025-05-20 ["Croydon"]"; for a document, deployment ids
    removed: list[str]
    rescoped: list[dict[str, str]]  # {"was": …, "now": …}
    document_url: str
    document_sha256: str
    refigured: list[str]  # deployment ids whose figures would change


EVIDENCE["derivation_changed"] = DerivationChanged
