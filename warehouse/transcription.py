"""A transcribed spreadsheet against the records: each row matched to a published deployment, each difference diagnosed.

Owns reading the records a transcription is checked against
(`deployments_current WHERE published_now`, with the rows printed beside
each in its document), matching rows to deployments, and storing a
comparison (`transcription_comparisons`) on request. Matching, in passes,
each deployment taken at most once:

1. same date and place (place by its key, schemas/transcriptions.py
   `place_key`, or one place's words inside the other's: "Westminster" and
   "Westminster, Piccadilly"); several candidates go to the fewest differing figures;
2. same place, wrong date: the row's date with day and month swapped, the
   same day a year off, or within 14 days when most figures agree;
3. by figures alone: every figure agrees, two or more of them, one 100 or
   more, and no other deployment left fits as well.

A row repeating an earlier one (same date, place and figures), or left
unmatched with the date and place of a matched row, is `row_duplicated`; a
published deployment dated within the matched rows' range that no row
matched is `row_missing`. Causes: warehouse/transcription_causes.py.

Must not: read files (scrapers/transcription.py), print, or raise alerts.
Proof: tests/test_compare.py (test_report_*, test_record_*, test_without_record_*).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

import duckdb

from schemas.places import place_key, place_words
from schemas.transcriptions import FIELDS, TranscribedRow, Transcription
from warehouse.db import transaction
from warehouse.rules import run_rules
from warehouse.transcription_causes import date_cause, figure_cause, swapped

WINDOW_DAYS = 14
_RECORD_COLUMNS = ("deployment_id", "deployment_date", "location", "document_url", "document_sha256", "source_page",
                   "source_row")


@dataclass(frozen=True)
class Record:
    """A published deployment, and the same figures of the rows printed just above and below it."""

    deployment_id: str
    deployment_date: date
    location: str
    document_url: str
    document_sha256: str
    source_page: int
    source_row: int
    figures: dict[str, int | None]
    beside: tuple[dict[str, int | None], ...]

    def ref(self) -> dict:
        return {c: (getattr(self, c).isoformat() if c == "deployment_date" else getattr(self, c))
                for c in _RECORD_COLUMNS}


@dataclass(frozen=True)
class Difference:
    field: str
    file: object
    records: object
    cause: str | None


@dataclass
class RowReport:
    row: TranscribedRow
    match: Record | None = None
    how: str | None = None  # 'date_and_place' | 'place_wrong_date' | 'figures'
    differences: list[Difference] = field(default_factory=list)
    duplicate_of: int | None = None

    @property
    def status(self) -> str:
        if self.duplicate_of is not None:
            return "duplicate"
        if self.match is None:
            return "no_match"
        return "differs" if self.differences else "matches"


@dataclass
class Comparison:
    transcription: Transcription
    rows: list[RowReport]
    missing: list[Record]

    @property
    def clean(self) -> bool:
        return not self.missing and all(r.status == "matches" for r in self.rows)

    def summary(self) -> dict[str, int]:
        counts = Counter(r.status for r in self.rows)
        return {"rows": len(self.rows), "matches": counts["matches"], "differs": counts["differs"],
                "no_match": counts["no_match"], "duplicates": counts["duplicate"], "missing": len(self.missing),
                "differences": sum(len(r.differences) for r in self.rows)}

    def to_json(self) -> dict:
        """The `lfrwatch compare --json` shape (docs/architecture.md, command-line contract)."""
        t = self.transcription
        return {
            "file": {"name": t.file_name, "sha256": t.sha256, "columns": t.columns},
            "rows": [{"row": r.row.row, "deployment_date": r.row.deployment_date.isoformat(),
                      "location": r.row.location, "status": r.status, "how": r.how,
                      "match": r.match.ref() if r.match else None, "duplicate_of": r.duplicate_of,
                      "differences": [{"field": d.field, "file": _plain(d.file), "records": _plain(d.records),
                                       "cause": d.cause} for d in r.differences]} for r in self.rows],
            "missing": [{**m.ref(), "cause": "row_missing"} for m in self.missing],
            "summary": self.summary(),
        }


def _plain(value):
    return value.isoformat() if isinstance(value, date) else value


def find_published_records(con: duckdb.DuckDBPyConnection) -> list[Record]:
    """Every deployment published now, in date and document order, with its neighbours' figures."""
    columns = ", ".join(_RECORD_COLUMNS + FIELDS)
    rows = con.execute(f"SELECT {columns}, published_now FROM deployments_current "
                       "ORDER BY deployment_date, document_url, source_row").fetchall()
    n = len(_RECORD_COLUMNS)
    # What each row of each document version printed (a neighbour's current figures may come from another document).
    printed = {(r[0], r[1]): dict(zip(FIELDS, r[2:])) for r in con.execute(
        f"SELECT o.document_sha256, o.source_row, {', '.join('v.' + f for f in FIELDS)} "
        "FROM deployment_observations o JOIN deployment_versions v USING (deployment_id, figures_sha256)").fetchall()}
    return [Record(*r[:n], figures=dict(zip(FIELDS, r[n:n + len(FIELDS)])),
                   beside=tuple(printed[k] for k in ((r[4], r[6] - 1), (r[4], r[6] + 1)) if k in printed))
            for r in rows if r[-1]]


def compare_transcription(con: duckdb.DuckDBPyConnection, transcription: Transcription) -> Comparison:
    """Match and diagnose every row of `transcription` against the published records."""
    return match_rows(transcription, find_published_records(con))


def _place_level(row: TranscribedRow, record: Record) -> int:
    """2: the same place key; 1: one place's words contain the other's; 0: another place."""
    if place_key(row.location) == place_key(record.location):
        return 2
    a, b = place_words(row.location), place_words(record.location)
    return 1 if a and b and (a <= b or b <= a) else 0


def _figures(row: TranscribedRow, record: Record) -> tuple[int, int]:
    """(differing, agreeing) figures of the row's columns; agreeing counts only printed values."""
    differ = sum(row.figures[f] != record.figures[f] for f in row.figures)
    agree = sum(row.figures[f] is not None and row.figures[f] == record.figures[f] for f in row.figures)
    return differ, agree


def _near_date(row: date, record: date) -> str | None:
    if swapped(row) == record:
        return "swapped"
    if (row.month, row.day) == (record.month, record.day) and abs(row.year - record.year) == 1:
        return "year"
    return "window" if abs((row - record).days) <= WINDOW_DAYS else None


def match_rows(transcription: Transcription, records: list[Record]) -> Comparison:
    """The comparison of `transcription` with `records` (pure: the passes of the module docstring)."""
    reports = [RowReport(r) for r in transcription.rows]
    free = set(range(len(records)))
    _mark_repeats(reports, records)

    def assign(candidates: list[tuple[tuple, int, int, str]]) -> None:
        for _, i, j, how in sorted(candidates):
            if reports[i].match is None and j in free:
                reports[i].match, reports[i].how = records[j], how
                free.discard(j)

    def open_rows() -> list[int]:
        return [i for i, r in enumerate(reports) if r.match is None and r.duplicate_of is None]

    assign([((-level, *_figures(reports[i].row, records[j])[:1], i, j), i, j, "date_and_place")
            for i in open_rows() for j in free
            if records[j].deployment_date == reports[i].row.deployment_date
            and (level := _place_level(reports[i].row, records[j]))])
    wrong_date = []
    for i in open_rows():
        for j in free:
            row, record = reports[i].row, records[j]
            near = _near_date(row.deployment_date, record.deployment_date)
            differ, agree = _figures(row, record)
            if near and _place_level(row, record) and (near != "window" or agree > differ):
                distance = abs((row.deployment_date - record.deployment_date).days)
                wrong_date.append(((near == "window", differ, distance, i, j), i, j, "place_wrong_date"))
    assign(wrong_date)
    for i in open_rows():
        fits = [j for j in free if _figures(reports[i].row, records[j]) == (0, len(reports[i].row.figures))
                and len(reports[i].row.figures) >= 2
                and any((v or 0) >= 100 for v in reports[i].row.figures.values())]
        if len(fits) == 1:
            assign([((), i, fits[0], "figures")])
    for r in reports:
        if r.match is not None:
            r.differences = _differences(r.row, r.match)
    _mark_unmatched_repeats(reports)
    matched = [r.match.deployment_date for r in reports if r.match is not None and r.duplicate_of is None]
    missing = [records[j] for j in sorted(free) if matched and min(matched) <= records[j].deployment_date <= max(matched)]
    return Comparison(transcription, reports, missing)


def _mark_repeats(reports: list[RowReport], records: list[Record]) -> None:
    """A row repeating an earlier one is a duplicate, unless the records print that many identical deployments."""
    seen: dict[tuple, list[int]] = {}
    for report in reports:
        row = report.row
        key = (row.deployment_date, place_key(row.location), tuple(sorted(row.figures.items())))
        rows = seen.setdefault(key, [])
        identical = sum(r.deployment_date == row.deployment_date and place_key(r.location) == key[1]
                        and all(r.figures[f] == v for f, v in row.figures.items()) for r in records)
        if rows and len(rows) >= max(1, identical):
            report.duplicate_of = rows[0]
        else:
            rows.append(row.row)


def _mark_unmatched_repeats(reports: list[RowReport]) -> None:
    """An unmatched row with the date and place of a matched row repeats it (edited after copying)."""
    taken = {(r.row.deployment_date, place_key(r.row.location)): r for r in reports if r.match is not None}
    for report in reports:
        seen = taken.get((report.row.deployment_date, place_key(report.row.location)))
        if report.match is None and report.duplicate_of is None and seen is not None:
            report.duplicate_of = seen.row.row
    by_row = {r.row.row: r for r in reports}
    for report in reports:
        if report.duplicate_of is not None:
            report.match, report.how = by_row[report.duplicate_of].match, None
            report.differences = [Difference("row", report.row.row, report.duplicate_of, "row_duplicated")]


def _differences(row: TranscribedRow, record: Record) -> list[Difference]:
    found = []
    if row.deployment_date != record.deployment_date:
        found.append(Difference("deployment_date", row.deployment_date, record.deployment_date,
                                date_cause(row.deployment_date, record.deployment_date)))
    if not _place_level(row, record):
        found.append(Difference("location", row.location, record.location, None))
    for f in FIELDS:
        if f in row.figures and row.figures[f] != record.figures[f]:
            cause = figure_cause(row.figures[f], record.figures[f], [b[f] for b in record.beside])
            found.append(Difference(f, row.figures[f], record.figures[f], cause))
    return found


def _stored_rows(comparison: Comparison, at: datetime) -> list[dict]:
    t = comparison.transcription
    out = []

    def add(key: str, row: int | None, fld: str, file, records, cause: str | None, record: Record | None,
            duplicate_of: int | None = None) -> None:
        ref = record.ref() if record else dict.fromkeys(_RECORD_COLUMNS)
        out.append({"comparison_key": f"{t.sha256}:{key}", "file_name": t.file_name, "file_sha256": t.sha256,
                    "compared_at": at, "file_row": row, "field": fld,
                    "file_value": None if file is None else json.dumps(_plain(file), ensure_ascii=False),
                    "records_value": None if records is None else json.dumps(_plain(records), ensure_ascii=False),
                    "cause": cause, "duplicate_of": duplicate_of, **ref})

    for r in comparison.rows:
        written = {"deployment_date": r.row.deployment_date.isoformat(), "location": r.row.location}
        if r.status == "duplicate":
            add(f"{r.row.row}:row", r.row.row, "row", written, None, "row_duplicated", r.match, r.duplicate_of)
        elif r.status == "no_match":
            add(f"{r.row.row}:row", r.row.row, "row", {**written, **r.row.figures}, None, "no_match", None)
        for d in (r.differences if r.status == "differs" else []):
            add(f"{r.row.row}:{d.field}", r.row.row, d.field, d.file, d.records, d.cause, r.match)
    for m in comparison.missing:
        add(f"missing:{m.deployment_id}", None, "row", None,
            {"deployment_date": m.deployment_date.isoformat(), "location": m.location}, "row_missing", m)
    return out


def record_comparison(con: duckdb.DuckDBPyConnection, comparison: Comparison, at: datetime) -> int:
    """Store the comparison (what is already stored for this file is kept as first recorded) and raise its
    `transcription_differs` findings; returns how many findings are new."""
    rows = _stored_rows(comparison, at)
    if rows:
        with transaction(con):
            con.execute(
                "INSERT INTO transcription_comparisons BY NAME SELECT * FROM (SELECT unnest(?::STRUCT("
                "comparison_key VARCHAR, file_name VARCHAR, file_sha256 VARCHAR, compared_at TIMESTAMPTZ, "
                "file_row INTEGER, field VARCHAR, file_value JSON, records_value JSON, cause VARCHAR, "
                "duplicate_of INTEGER, deployment_id VARCHAR, deployment_date DATE, location VARCHAR, "
                "document_url VARCHAR, document_sha256 VARCHAR, source_page INTEGER, source_row INTEGER)[], "
                "recursive := true)) ON CONFLICT (comparison_key) DO NOTHING", [rows])
    return run_rules(con, group="transcriptions", at=at)
