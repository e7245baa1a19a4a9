"""A hand-transcribed spreadsheet of Met deployments (CSV, XLSX or ODS) → typed rows, or a clear error.

Owns reading the file (python-calamine for workbooks; the csv module, with
the delimiter sniffed, UTF-8 with or without BOM, else cp1252, for text),
finding the header row, mapping each header to a field by its wording
(schemas/transcription_headers.csv: a new wording is a line there, never
code), and reading cells: real date cells, ISO, DD/MM/YYYY, DD/MM/YY and
"3 March 2024", day first as in the UK (month first only when day first is
impossible: `12/13/2023`); counts like "4,870" and " 12 ", with blank,
"N/A" and "-" as missing. An unknown header, a missing date or location
column, or a cell that is not a date or a whole number raises
SourceFormatError naming the file, the row or header, and what was
expected. A row that only totals the others (no date, "Total") is left out.

Must not: touch the warehouse, the network or the clock; match rows to deployments (warehouse/transcription.py).
Proof: tests/test_compare.py (test_reads_*, test_unknown_header_*, test_missing_location_*).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources

from schemas.transcriptions import FIELDS, REQUIRED, TranscribedRow, Transcription
from scrapers.errors import SourceFormatError, never_crash

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_MISSING = frozenset({"", "n/a", "na", "n.a.", "-", "–", "—", "none", "nil"})
_MONTHS = {m: i + 1 for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$")
_WORDS = re.compile(r"^(?:[a-z]+day,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4}|\d{2})$")
_EXCEL_EPOCH = date(1899, 12, 30)


def normalise_header(text: str) -> str:
    """Lower case, punctuation dropped, spaces collapsed: "Arrests / Disposals" → "arrests disposals"."""
    return " ".join(_NON_WORD.sub(" ", str(text).lower().replace("’", "'").replace("'", "")).split())


@lru_cache(maxsize=1)
def header_wordings() -> dict[str, str]:
    """Normalised wording → field (or 'ignore'), from schemas/transcription_headers.csv."""
    text = resources.files("schemas").joinpath("transcription_headers.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))
    return {normalise_header(r["wording"]): r["column"] for r in rows}


@never_crash("file", "unreadable spreadsheet")
def parse_transcription(content: bytes, file_name: str) -> Transcription:
    """The file's rows, typed; raises SourceFormatError naming what is wrong and where."""
    sheets = _workbook_sheets(content, file_name) if _is_workbook(content, file_name) else [_csv_rows(content)]
    cells = next((s for s in sheets if _header_at(s, strict=True) is not None), sheets[0] if sheets else [])
    at = _header_at(cells, strict=False)
    if at is None:
        raise SourceFormatError(file_name, "header", "no header row: the file is empty")
    columns = _map_header(cells[at], file_name, at + 1)
    names = {f: str(cells[at][j]).strip() for j, f in columns.items()}
    rows = [r for i, line in enumerate(cells[at + 1:], start=at + 2)
            if (r := _row(line, columns, names, file_name, i)) is not None]
    if not rows:
        raise SourceFormatError(file_name, f"rows after header row {at + 1}", "no deployment rows")
    return Transcription(file_name=file_name, sha256=hashlib.sha256(content).hexdigest(),
                         columns={name: f for f, name in names.items()}, rows=rows)


def _is_workbook(content: bytes, file_name: str) -> bool:
    # Zip (XLSX, ODS) or OLE (XLS) by their first bytes, whatever the file is called.
    return file_name.lower().endswith(WORKBOOK_SUFFIXES) or content[:4] in (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


def _workbook_sheets(content: bytes, file_name: str) -> list[list[list]]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_filelike(io.BytesIO(content))
    # skip_empty_area=False keeps leading blank rows, so a row's index is its number in the sheet.
    return [book.get_sheet_by_index(i).to_python(skip_empty_area=False) for i in range(len(book.sheet_names))]


def _csv_rows(content: bytes) -> list[list]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:  # saved by Excel on Windows as "CSV" (ANSI)
        text = content.decode("cp1252", errors="replace")
    sample = "\n".join(text.splitlines()[:20])
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        sniffed = ","
    # The sniffer guesses from character counts: a title line or "Croydon, North End" can mislead it; the
    # delimiter that yields a header naming a date and a location column is the right one.
    tried = [[list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=d)]
             for d in dict.fromkeys((sniffed, ",", ";", "\t", "|"))]
    return next((rows for rows in tried if _header_at(rows, strict=True) is not None), tried[0])


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _header_at(cells: list[list], *, strict: bool) -> int | None:
    """The header row's index: the first row naming a date and a location column (strict), else the first
    row with two or more cells filled (a title line above it has one)."""
    wordings = header_wordings()
    for i, line in enumerate(cells[:20]):
        named = {wordings.get(normalise_header(c)) for c in line if not _blank(c)}
        if strict and set(REQUIRED) <= named:
            return i
        if not strict and sum(not _blank(c) for c in line) >= 2:
            return i
    return None


def _map_header(header: list, file_name: str, row: int) -> dict[int, str]:
    """Column index → field, 'ignore' columns dropped; raises for an unknown, repeated or missing column."""
    wordings, columns, seen = header_wordings(), {}, {}
    for j, cell in enumerate(header):
        if _blank(cell):
            continue
        field = wordings.get(normalise_header(cell))
        if field is None:
            raise SourceFormatError(file_name, f"header row {row}", f"unknown column {str(cell).strip()!r}: add its "
                                    f"wording to schemas/transcription_headers.csv, or rename it (e.g. 'Faces seen')")
        if field == "ignore":
            continue
        if field in seen:
            raise SourceFormatError(file_name, f"header row {row}", f"columns {seen[field]!r} and "
                                    f"{str(cell).strip()!r} both mean {field}")
        seen[field] = str(cell).strip()
        columns[j] = field
    for required, example in (("deployment_date", "'Date'"), ("location", "'Location'")):
        if required not in columns.values():
            raise SourceFormatError(file_name, f"header row {row}", f"no {required.split('_')[-1]} column "
                                    f"(a header such as {example}; found {[str(c).strip() for c in header if not _blank(c)]})")
    if not set(columns.values()) & set(FIELDS):
        raise SourceFormatError(file_name, f"header row {row}", "no figure column (faces seen, alerts, arrests, …)")
    return columns


def _row(line: list, columns: dict[int, str], names: dict[str, str], file_name: str, row: int) -> TranscribedRow | None:
    values = {f: (line[j] if j < len(line) else None) for j, f in columns.items()}
    if all(_blank(v) for v in values.values()):
        return None
    location = "" if _blank(values["location"]) else " ".join(str(values["location"]).split())
    if _blank(values["deployment_date"]):
        if normalise_header(location) in ("", "total", "totals", "grand total"):
            return None  # a totals line, not a deployment
        raise SourceFormatError(file_name, f"row {row}", "no date")
    if not location:
        raise SourceFormatError(file_name, f"row {row}", "no location")
    figures = {f: parse_count(values[f], file_name, f"row {row}, column {names[f]!r}") for f in FIELDS if f in values}
    return TranscribedRow(row, parse_date(values["deployment_date"], file_name, f"row {row}"), location, figures)


def parse_date(value, file_name: str, where: str) -> date:
    """A date cell or text, day first; raises SourceFormatError for anything else."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20000 <= value <= 80000:
        return _EXCEL_EPOCH + timedelta(days=int(value))  # a date typed into a cell formatted as a number
    text = " ".join(str(value).lower().split())
    try:
        if m := _ISO.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _NUMERIC.match(text):
            day, month, year = int(m[1]), int(m[2]), _year(m[3])
            if month > 12 >= day:  # impossible day first: 12/13/2023 can only be month first
                day, month = month, day
            return date(year, month, day)
        if (m := _WORDS.match(text)) and m[2][:3] in _MONTHS:
            return date(_year(m[3]), _MONTHS[m[2][:3]], int(m[1]))
    except ValueError:
        pass
    raise SourceFormatError(file_name, where, f"{str(value).strip()!r} is not a date (expected e.g. 03/03/2024, "
                            "2024-03-03 or 3 March 2024)")


def _year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


def parse_count(value, file_name: str, where: str) -> int | None:
    """A whole number ("4,870", " 12 ", 12.0), or None for blank, N/A or "-"; raises SourceFormatError otherwise."""
    if isinstance(value, bool):
        raise SourceFormatError(file_name, where, f"{value!r} is not a whole number")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = "" if value is None else str(value).strip().lower()
    if text in _MISSING:
        return None
    digits = re.sub(r"[,\s\u00a0\u202f']", "", text)
    if m := re.fullmatch(r"(\d+)(?:\.0+)?", digits):
        return int(m[1])
    raise SourceFormatError(file_name, where, f"{str(value).strip()!r} is not a whole number")
