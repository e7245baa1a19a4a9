"""Re-derived claims: the archive's statements read again by the current reader.

Owns what `lfrwatch rederive` writes (flows/rederive.py reads the texts
with scrapers/claims.py; nothing here parses prose). Every stored version
of every statement (answer_versions, release_versions) keeps its text, so
its claims can be replaced by what the current reader finds, without
fetching anything:

- a version whose claims are unchanged is left alone (only its
  extractor_version is brought up to date);
- a version whose claims differ gets the new ones and one
  `derivation_changed` finding (state 'review'): what was added, removed or
  re-scoped, and by which reader version. A change of code is not news:
  no answer_new / answer_corrected / figure_revised follows from it;
- after the verdicts are re-evaluated (warehouse/contradictions.py),
  `mark_contradictions` tells a contradiction found for the first time
  (`rederived: 'first_found'`, still a finding and an alert) from one the
  old claims already raised (`'carried_over'`: recorded, never alerted
  again), and clears the findings of claims the reader no longer finds.

It also holds the comparisons of pages and documents read again
(`note_page_reading`, `note_document_reading`): a question page or a Met
PDF that reads differently is a `derivation_changed` finding; nothing
published is rewritten.

One transaction per batch of versions. Proof: tests/test_rederive.py.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime

import duckdb

from warehouse.db import transaction
from warehouse.findings import record_finding
from warehouse.questions_load import claim_rows, write_claim_rows

# What makes two readings of one claim the same (claim_id holds the version, order, metric and value).
_COMPARED = ("claim_id", "qualifier", "period_start", "period_end", "locations", "period_source", "places_source",
             "selection_words", "selection_count", "cumulative", "subset")


@dataclass(frozen=True)
class StatementVersion:
    """One stored text to read again, with its background."""

    source: str  # 'questions' | 'news'
    url: str
    position: int
    text_sha256: str
    statement_date: date | None
    title: str | None
    question: str | None
    text: str
    holding: bool = False


@dataclass
class RederiveReport:
    versions: int = 0
    changed: int = 0
    added: int = 0
    removed: int = 0
    rescoped: int = 0
    findings: int = 0
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"re-read {self.versions} statement versions: {self.changed} changed "
                f"({self.added} claims added, {self.removed} removed, {self.rescoped} re-scoped), "
                f"{self.findings} derivation_changed findings")


def statement_versions(con: duckdb.DuckDBPyConnection, sources: tuple[str, ...]) -> list[StatementVersion]:
    """Every stored version of the statements of `sources`, in a stable order."""
    out: list[StatementVersion] = []
    if "questions" in sources:
        out += [StatementVersion("questions", *r) for r in con.execute(
            "SELECT v.question_url, v.position, v.text_sha256, v.answer_date, q.title, q.question_text, v.text, "
            "v.holding FROM answer_versions v JOIN questions q USING (question_url) "
            "ORDER BY v.question_url, v.position, v.first_observed_at").fetchall()]
    if "news" in sources:
        out += [StatementVersion("news", r[0], 0, r[1], r[2], r[3], None, r[4]) for r in con.execute(
            "SELECT release_url, text_sha256, published_date, title, text FROM release_versions "
            "ORDER BY release_url, first_observed_at").fetchall()]
    return out


def _version_keys(versions: list[StatementVersion]) -> list[str]:
    return [f"{v.url}|{v.position}|{v.text_sha256}" for v in versions]


_IN_VERSIONS = "list_contains(?::VARCHAR[], question_url || '|' || position || '|' || text_sha256)"


def _stored(con, versions: list[StatementVersion]) -> dict[tuple, list[dict]]:
    cursor = con.execute(f"SELECT * FROM claims WHERE {_IN_VERSIONS} ORDER BY sentence_index", [_version_keys(versions)])
    names = [d[0] for d in cursor.description]
    out: dict[tuple, list[dict]] = {}
    for row in cursor.fetchall():
        r = dict(zip(names, row))
        out.setdefault((r["question_url"], r["position"], r["text_sha256"]), []).append(r)
    return out


def _signature(row: dict) -> tuple:
    values = []
    for name in _COMPARED:
        value = row.get(name)
        if name == "locations" and isinstance(value, str):
            value = tuple(json.loads(value))
        values.append(str(value) if isinstance(value, (date, datetime)) else value)
    return tuple(values)


def _short(row: dict) -> str:
    low, high = row["low"], row["high"]
    value = f"{low:g}" if low == high and low is not None else f"{low if low is not None else ''}–{high if high is not None else ''}"
    period = f"{row['period_start'] or '?'}..{row['period_end'] or '?'}"
    places = row["locations"] if isinstance(row["locations"], str) else json.dumps(list(row["locations"] or []))
    return f"{row['metric']} {value} {period} {places if places != '[]' else ''}".strip()


def _key(*parts) -> str:
    """The deterministic key of a derivation_changed finding: what was read again, by which version."""
    return "derivation_changed:" + hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:24]


def replace_claims(con: duckdb.DuckDBPyConnection, readings: list[tuple[StatementVersion, list]], *, at: datetime,
                   version: str, report: RederiveReport) -> None:
    """Store what the current reader found in each version (claims as scrapers/claims.py returns them): the
    batch's changed versions replaced in one statement each way, the unchanged ones' version noted in one."""
    stored = _stored(con, [v for v, _ in readings])
    same, changed, rows, notes = [], [], [], []
    for v, claims in readings:
        report.versions += 1
        new = claim_rows(v.url, v.position, v.text_sha256, v.statement_date, claims, at)
        old = stored.get((v.url, v.position, v.text_sha256), [])
        if {_signature(r) for r in old} == {_signature(r) for r in new}:
            if any(r["extractor_version"] != version for r in old):
                same.append(v)
            continue
        old_by_id = {r["claim_id"]: r for r in old}
        new_by_id = {r["claim_id"]: r for r in new}
        added = [r for k, r in new_by_id.items() if k not in old_by_id]
        removed = [r for k, r in old_by_id.items() if k not in new_by_id]
        rescoped = [(old_by_id[k], r) for k, r in new_by_id.items()
                    if k in old_by_id and _signature(old_by_id[k]) != _signature(r)]
        changed.append(v)
        rows += new
        report.changed += 1
        report.added += len(added)
        report.removed += len(removed)
        report.rescoped += len(rescoped)
        notes.append(dict(
            key=_key(v.url, v.position, v.text_sha256, version), kind="derivation_changed",
            subject=f"statement:{v.url}#{v.position}",
            summary=(f"Re-read by {version}: “{v.title or v.url}” ({v.statement_date or 'undated'}) "
                     f"{len(added)} figures added, {len(removed)} removed, {len(rescoped)} re-scoped"),
            evidence={
                "statement_url": v.url, "position": v.position, "text_sha256": v.text_sha256, "source": v.source,
                "title": v.title, "statement_date": v.statement_date, "version": version,
                "previous_versions": sorted({r["extractor_version"] or "unrecorded" for r in old}),
                "added": [_short(r) for r in added], "removed": [_short(r) for r in removed],
                "rescoped": [{"was": _short(a), "now": _short(b)} for a, b in rescoped]}))
    with transaction(con):
        if same:
            con.execute(f"UPDATE claims SET extractor_version = ? WHERE {_IN_VERSIONS}", [version, _version_keys(same)])
        if changed:
            con.execute(f"DELETE FROM claims WHERE {_IN_VERSIONS}", [_version_keys(changed)])
            write_claim_rows(con, rows)
        for note in notes:
            report.findings += record_finding(con, at=at, state="review", **note)


def stored_question_pages(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, bytes, list[str]]]:
    """Each archived question page version that answers were read from: (url, sha256, content, the answers first
    read from it as 'position:text sha256')."""
    return con.execute(
        "SELECT r.url, r.sha256, r.content, list(v.position || ':' || v.text_sha256 ORDER BY v.position) "
        "FROM raw_documents r JOIN answer_versions v ON v.document_sha256 = r.sha256 "
        "JOIN questions q ON q.question_url = v.question_url AND q.source_url = r.url "
        "WHERE r.source = 'questions' GROUP BY ALL ORDER BY r.url, r.sha256").fetchall()


def note_page_reading(con: duckdb.DuckDBPyConnection, *, url: str, sha: str, before: list[str], now: list[str],
                      version: str, at: datetime) -> bool:
    """Compare a page's answers as read now with those first read from it; a page that reads differently is a
    derivation_changed finding (nothing is rewritten). True when it reads differently."""
    if set(now) >= set(before):  # every answer first read from this version reads the same
        return False
    gone = sorted(set(before) - set(now))
    record_finding(con, key=_key(url, sha, version), kind="derivation_changed", subject=f"document:{url}", at=at,
                   state="review",
                   evidence={"document_url": url, "document_sha256": sha, "version": version,
                             "added": sorted(set(now) - set(before)), "removed": gone},
                   summary=(f"Re-read by {version}: question page {url.rsplit('/', 1)[-1]} reads differently "
                            f"({len(gone)} answer texts not found again; not applied: for review)"))
    return True


def mark_pages_read(con: duckdb.DuckDBPyConnection, version: str) -> None:
    """Record that every archived question page was read by `version`."""
    con.execute("UPDATE questions SET parser_version = ? WHERE parser_version IS DISTINCT FROM ? AND document_sha256 "
                "IN (SELECT sha256 FROM raw_documents WHERE source = 'questions')", [version, version])


def stored_met_documents(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, bytes]]:
    """Each loaded Met document version once (the first URL that served it): (url, sha256, content)."""
    return con.execute(
        "SELECT r.url, r.sha256, r.content FROM raw_documents r JOIN met_document_versions m "
        "ON m.document_sha256 = r.sha256 WHERE r.source = 'met' "
        "QUALIFY row_number() OVER (PARTITION BY r.sha256 ORDER BY r.fetched_at, r.url) = 1 "
        "ORDER BY r.fetched_at, r.url").fetchall()


def note_document_reading(con: duckdb.DuckDBPyConnection, *, url: str, sha: str, now: dict[str, str], version: str,
                          at: datetime) -> bool:
    """Compare a Met document's rows as read now (deployment id → figures sha256) with those loaded from it and
    record the version; a difference is a derivation_changed finding (the history is not rewritten). True when it
    reads differently."""
    before = dict(con.execute("SELECT deployment_id, figures_sha256 FROM deployment_observations "
                              "WHERE document_sha256 = ?", [sha]).fetchall())
    con.execute("UPDATE met_document_versions SET parser_version = ? WHERE document_sha256 = ? "
                "AND parser_version IS DISTINCT FROM ?", [version, sha, version])
    if now == before:
        return False
    refigured = sorted(k for k in now.keys() & before.keys() if now[k] != before[k])
    evidence = {"document_url": url, "document_sha256": sha, "version": version,
                "added": sorted(now.keys() - before.keys()), "removed": sorted(before.keys() - now.keys()),
                "refigured": refigured}
    record_finding(con, key=_key(sha, version), kind="derivation_changed", subject=f"document:{url}",
                   evidence=evidence, at=at, state="review",
                   summary=(f"Re-read by {version}: {url.rsplit('/', 1)[-1]} would give {len(evidence['added'])} "
                            f"deployments more, {len(evidence['removed'])} fewer, {len(refigured)} with other "
                            "figures (not applied: for review)"))
    return True


def mark_contradictions(con: duckdb.DuckDBPyConnection, *, at: datetime) -> tuple[int, int]:
    """After a re-derivation's verdicts: mark its new contradiction findings, clear those of vanished claims.

    Returns (first found, carried over).
    """
    with transaction(con):
        con.execute(
            "UPDATE findings SET state = 'cleared', cleared_at = ? WHERE kind = 'figure_contradicted' "
            "AND state <> 'cleared' AND raised_at < ? "
            "AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.claim_id = (findings.evidence->>'$.claim.claim_id'))",
            [at, at])
        # The same statement, metric, value and outcome raised before under the old reading: not news.
        carried = con.execute(
            """
            UPDATE findings SET evidence = json_merge_patch(evidence, '{"rederived": "carried_over"}')
            WHERE kind = 'figure_contradicted' AND raised_at = $at AND EXISTS (
                SELECT 1 FROM findings o WHERE o.kind = 'figure_contradicted' AND o.raised_at < $at
                  AND (o.evidence->>'$.claim.question_url') = (findings.evidence->>'$.claim.question_url')
                  AND (o.evidence->>'$.claim.position') = (findings.evidence->>'$.claim.position')
                  AND (o.evidence->>'$.metric') = (findings.evidence->>'$.metric')
                  AND (o.evidence->>'$.claim.low') IS NOT DISTINCT FROM (findings.evidence->>'$.claim.low')
                  AND (o.evidence->>'$.claim.high') IS NOT DISTINCT FROM (findings.evidence->>'$.claim.high')
                  AND o.state IN (findings.state, 'cleared'))
            RETURNING 1
            """, {"at": at}).fetchall()
        first = con.execute(
            "UPDATE findings SET evidence = json_merge_patch(evidence, '{\"rederived\": \"first_found\"}') "
            "WHERE kind = 'figure_contradicted' AND raised_at = ? AND (evidence->>'$.rederived') IS NULL RETURNING 1",
            [at]).fetchall()
    return len(first), len(carried)
