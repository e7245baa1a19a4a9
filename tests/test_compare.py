"""`lfrwatch compare FILE`: spreadsheets transcribed from the real records, with known mistakes, against the records.

The transcriptions are made here from the real 2023–24 record (loaded from
../shared/real-pages into a real DuckDB file; skipped when absent), as CSV
and as XLSX, with one mistake of every kind the comparison names, clean
rows, a row for no deployment, a duplicated row and a missing one; the
report is asserted exactly. Reading, causes and bad files need no real data.
"""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime, timezone

import duckdb
import pytest
from typer.testing import CliRunner

from cli import app
from schemas.places import place_key
from scrapers.errors import SourceFormatError
from scrapers.met.locations import location_key
from scrapers.transcription import parse_count, parse_date, parse_transcription
from tests.helpers.real_pages import extract_real_documents, load_real_documents
from tests.helpers.spreadsheets import csv_bytes, xlsx_bytes
from warehouse.transcription_causes import date_cause, digits_cause, figure_cause

HEADER = ["Date", "Location", "Faces seen", "Total alerts", "True alerts", "Misidentifications", "Arrests / Disposals",
          "Watchlist size", "Notes"]
FIGURES = ("faces_seen", "alerts_total", "true_alerts", "false_alerts", "arrests", "watchlist_size")

# (date, location as written, deployment whose figures are copied, {figure: value written instead}, date as CSV text)
ROWS = [
    (date(2023, 6, 17), "Westminster", "2023-06-17-birdcage-walk-westminster-1", {}, "17/06/2023"),
    (date(2023, 6, 17), "St James's Park", "2023-06-17-the-mall-westminster-1", {}, "2023-06-17"),
    (date(2023, 8, 11), "Westminster", "2023-08-11-westminster-1", {}, "11/08/23"),
    (date(2023, 8, 18), "Westminster", "2023-08-18-westminster-1", {"faces_seen": 4870}, "18 August 2023"),
    (date(2023, 8, 9), "Camden", "2023-09-08-camden-1", {}, "09/08/2023"),  # 08/09 typed month first
    (date(2023, 9, 9), "Westminster", "2023-09-09-westminster-1", {"faces_seen": 32400}, "9 Sept 2023"),
    (date(2023, 9, 24), "Islington", "2023-09-24-islington-1", {"watchlist_size": 118940}, "24/09/2023"),
    (date(2023, 10, 1), "Oxford Circus", None, {"faces_seen": 1234, "alerts_total": 9, "true_alerts": 9,
                                               "false_alerts": 0, "arrests": 9, "watchlist_size": 12000}, "01/10/2023"),
    (date(2023, 11, 6), "Haringey, High Rd", "2023-11-06-haringey-high-road-1", {"faces_seen": 8285}, "06/11/2023"),
    (date(2023, 11, 6), "Love Lane, Haringey", "2023-11-06-haringey-love-lane-1", {}, "6/11/2023"),
    (date(2023, 11, 9), "Westminster", "2023-11-09-westminster-1", {}, "09/11/2023"),
    (date(2023, 11, 9), "Westminster", "2023-11-09-westminster-1", {}, "09/11/2023"),  # copied twice
    # 2023-11-16 Westminster left out
    (date(2023, 12, 8), "Croydon, George St", "2023-12-07-croydon-george-street-1", {}, "8 December 2023"),
    (date(2023, 12, 7), "North End, Croydon", "2023-12-07-croydon-north-end-1", {}, "07/12/2023"),
]

# row → (status, deployment, how, [(field, file, records, cause)])
EXPECTED = {
    2: ("matches", "2023-06-17-birdcage-walk-westminster-1", "date_and_place", []),
    3: ("differs", "2023-06-17-the-mall-westminster-1", "figures",
        [("location", "St James's Park", "Westminster, The Mall", None)]),
    4: ("matches", "2023-08-11-westminster-1", "date_and_place", []),
    5: ("differs", "2023-08-18-westminster-1", "date_and_place", [("faces_seen", 4870, 48700, "digit_dropped")]),
    6: ("differs", "2023-09-08-camden-1", "place_wrong_date",
        [("deployment_date", "2023-08-09", "2023-09-08", "day_month_swapped")]),
    7: ("differs", "2023-09-09-westminster-1", "date_and_place", [("faces_seen", 32400, 34200, "transposition")]),
    8: ("differs", "2023-09-24-islington-1", "date_and_place", [("watchlist_size", 118940, 11894, "digit_added")]),
    9: ("no_match", None, None, []),
    10: ("differs", "2023-11-06-haringey-high-road-1", "date_and_place",
         [("faces_seen", 8285, 45930, "neighbouring_row")]),
    11: ("matches", "2023-11-06-haringey-love-lane-1", "date_and_place", []),
    12: ("matches", "2023-11-09-westminster-1", "date_and_place", []),
    13: ("duplicate", "2023-11-09-westminster-1", None, [("row", 13, 12, "row_duplicated")]),
    14: ("differs", "2023-12-07-croydon-george-street-1", "place_wrong_date",
         [("deployment_date", "2023-12-08", "2023-12-07", None)]),
    15: ("matches", "2023-12-07-croydon-north-end-1", "date_and_place", []),
}
# Published deployments in the matched rows' range with no row: the one left out, and 11/07/23 Dalston (printed
# with the wrong year on p.4 of the 2023–24 record, so dated inside the range).
MISSING = [("2023-07-11-dalston-1", 4, 113), ("2023-11-16-westminster-1", 1, 17)]


@pytest.fixture(scope="module")
def real_db(tmp_path_factory):
    """A warehouse holding the three real Met records (skips when ../shared/real-pages is absent)."""
    documents = extract_real_documents()
    path = tmp_path_factory.mktemp("compare") / "real.duckdb"
    from warehouse.db import connect

    con = connect(path)
    load_real_documents(con, documents, datetime(2025, 6, 1, tzinfo=timezone.utc))
    figures = {r[0]: dict(zip(FIGURES, r[1:])) for r in con.execute(
        f"SELECT deployment_id, {', '.join(FIGURES)} FROM deployments_current").fetchall()}
    con.close()
    return path, figures


@pytest.fixture
def db(real_db, tmp_path):
    """A copy of the real warehouse for one test."""
    path = tmp_path / "lfrwatch.duckdb"
    shutil.copy(real_db[0], path)
    return path


def transcription_rows(figures: dict, *, as_text: bool) -> list[list]:
    rows = [HEADER]
    for day, location, deployment, changes, text in ROWS:
        values = {**(figures[deployment] if deployment else {}), **changes}
        numbers = [values[f] for f in FIGURES]
        if as_text:  # as people type them: thousands separators, stray spaces
            numbers = [f"{n:,}" if n >= 1000 else f" {n} " for n in numbers]
        rows.append([text if as_text else day, location, *numbers, "copied by hand"])
    return rows


def written(path, rows, kind: str):
    path.write_bytes(csv_bytes(rows) if kind == "csv" else xlsx_bytes(rows))
    return path


def compare(*args: str):
    return CliRunner().invoke(app, ["compare", *map(str, args)])


def table_counts(path) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                            "WHERE table_type = 'BASE TABLE'").fetchall()]
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_report_names_each_rows_deployment_and_each_differences_cause(real_db, db, tmp_path, kind):
    rows = transcription_rows(real_db[1], as_text=kind == "csv")
    result = compare(written(tmp_path / f"transcribed.{kind}", rows, kind), "--db", db, "--json")
    assert result.exit_code == 2, result.output
    report = json.loads(result.output)
    got = {r["row"]: (r["status"], r["match"] and r["match"]["deployment_id"], r["how"],
                      [(d["field"], d["file"], d["records"], d["cause"]) for d in r["differences"]])
           for r in report["rows"]}
    assert got == EXPECTED
    assert [(m["deployment_id"], m["source_page"], m["source_row"], m["cause"]) for m in report["missing"]] == [
        (d, p, r, "row_missing") for d, p, r in MISSING]
    assert report["summary"] == {"rows": 14, "matches": 5, "differs": 7, "no_match": 1, "duplicates": 1,
                                 "missing": 2, "differences": 8}
    (row5,) = [r for r in report["rows"] if r["row"] == 5]
    assert row5["match"] == {"deployment_id": "2023-08-18-westminster-1", "deployment_date": "2023-08-18",
                             "location": "Westminster", "source_page": 1, "source_row": 10,
                             "document_url": row5["match"]["document_url"],
                             "document_sha256": row5["match"]["document_sha256"]}
    assert row5["match"]["document_url"].endswith("lfr-deployment-grid-2023-to-2024.pdf")
    assert report["file"]["columns"]["Misidentifications"] == "false_alerts"
    assert "Notes" not in report["file"]["columns"]


def test_report_for_people_is_a_table_with_causes_and_the_missing_rows(real_db, db, tmp_path):
    rows = transcription_rows(real_db[1], as_text=True)
    result = compare(written(tmp_path / "transcribed.csv", rows, "csv"), "--db", db)
    assert result.exit_code == 2, result.output
    for text in ("faces_seen: 4,870 ≠ 48,700 (digit_dropped)", "(day_month_swapped)", "(transposition)",
                 "(digit_added)", "(neighbouring_row)", "duplicate of row 12", "no match", "matches",
                 "2023-11-16-westminster-1", "lfr-deployment-grid-2023-to-2024.pdf p.1 row 10",
                 "14 rows: 5 match, 7 differ (8 differences), 1 no match, 1 duplicated; 2 deployments missing"):
        assert text in result.output


def test_report_of_a_clean_transcription_says_matches_and_exits_0(real_db, db, tmp_path):
    rows = [r for r in transcription_rows(real_db[1], as_text=False) if r[0] in ("Date", date(2023, 8, 11))]
    result = compare(written(tmp_path / "clean.xlsx", rows, "xlsx"), "--db", db, "--json")
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.output)["rows"]
    assert (row["status"], row["match"]["deployment_id"], row["differences"]) == (
        "matches", "2023-08-11-westminster-1", [])


def test_without_record_the_warehouse_is_unchanged(real_db, db, tmp_path):
    before = table_counts(db)
    result = compare(written(tmp_path / "t.csv", transcription_rows(real_db[1], as_text=True), "csv"), "--db", db)
    assert result.exit_code == 2, result.output
    assert table_counts(db) == before
    assert before["transcription_comparisons"] == 0


def test_record_twice_raises_the_findings_once(real_db, db, tmp_path):
    path = written(tmp_path / "t.xlsx", transcription_rows(real_db[1], as_text=False), "xlsx")
    first = compare(path, "--db", db, "--record")
    assert first.exit_code == 2, first.output
    assert "recorded (11 new findings for review)" in first.output
    counts = table_counts(db)
    second = compare(path, "--db", db, "--record")
    assert "recorded (0 new findings for review)" in second.output
    assert table_counts(db) == counts
    con = duckdb.connect(str(db), read_only=True)
    try:
        findings = con.execute("SELECT subject, state, evidence, summary FROM findings "
                               "WHERE kind = 'transcription_differs' ORDER BY finding_key").fetchall()
        alerts = con.execute("SELECT count(*) FROM alerts").fetchone()[0]
        stored = con.execute("SELECT file_name, count(*), count(DISTINCT file_sha256) FROM transcription_comparisons "
                             "GROUP BY ALL").fetchall()
    finally:
        con.close()
    assert stored == [("t.xlsx", 11, 1)]
    assert len(findings) == 11 and {s for _, s, _, _ in findings} == {"review"} and alerts == 0
    causes = sorted((json.loads(e)["cause"] or "") for _, _, e, _ in findings)
    assert causes == sorted(["", "", "day_month_swapped", "digit_added", "digit_dropped", "neighbouring_row",
                             "no_match", "row_duplicated", "row_missing", "row_missing", "transposition"])
    (dropped,) = [(s, json.loads(e), t) for s, _, e, t in findings if json.loads(e)["cause"] == "digit_dropped"]
    assert dropped[0] == "deployment:2023-08-18-westminster-1"
    assert (dropped[1]["file_row"], dropped[1]["field"], dropped[1]["file"], dropped[1]["records"]) == (
        5, "faces_seen", 4870, 48700)
    assert (dropped[1]["document"]["page"], dropped[1]["document"]["row"]) == (1, 10)
    assert dropped[2] == ("Transcription t.xlsx row 5: faces_seen 4870, records 48700 (digit_dropped) "
                          "(2023-08-18 Westminster, lfr-deployment-grid-2023-to-2024.pdf p.1 row 10)")


def test_unknown_header_exits_1_naming_it(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(csv_bytes([["Date", "Location", "Faces seen", "Camera van"], ["01/02/2024", "Croydon", 5, 1]]))
    result = compare(path, "--db", tmp_path / "none.duckdb")
    assert result.exit_code == 1
    assert "unknown column 'Camera van'" in result.output and "schemas/transcription_headers.csv" in result.output
    assert "Traceback" not in result.output


def test_missing_location_column_exits_1_naming_it(tmp_path):
    path = tmp_path / "t.xlsx"
    path.write_bytes(xlsx_bytes([["Deployment date", "Faces scanned"], [date(2024, 2, 1), 5]]))
    result = compare(path, "--db", tmp_path / "none.duckdb")
    assert result.exit_code == 1
    assert "no location column" in result.output and "Traceback" not in result.output


def test_reads_csv_with_semicolons_in_cp1252_and_a_title_line():
    text = "Deployments I copied\r\nDate;Site;Number of faces;Alerts;Arrests\r\n" \
           "3 March 2024;Croydon, North End \u2013 caf\u00e9;4.870;N/A;-\r\n;Total;9;;\r\n"
    t = parse_transcription(text.replace("4.870", "\u00a04 870 ").encode("cp1252", errors="replace"), "t.csv")
    (row,) = t.rows
    assert (row.row, row.deployment_date, row.figures) == (3, date(2024, 3, 3),
                                                          {"faces_seen": 4870, "alerts_total": None, "arrests": None})
    assert row.location == "Croydon, North End \u2013 caf\u00e9"


def test_reads_dates_day_first_and_counts_as_people_type_them():
    assert [parse_date(v, "f", "r") for v in ("2024-03-03", "03/04/2024", "3/4/24", "3 March 2024", "Sunday 3rd Mar 2024",
                                              "12/13/2023", datetime(2024, 3, 3, 0, 0), 45354.0)] == [
        date(2024, 3, 3), date(2024, 4, 3), date(2024, 4, 3), date(2024, 3, 3), date(2024, 3, 3),
        date(2023, 12, 13), date(2024, 3, 3), date(2024, 3, 3)]
    assert [parse_count(v, "f", "r") for v in ("4,870", " 12 ", "N/A", "-", "", None, 12.0, 7)] == [
        4870, 12, None, None, None, None, 12, 7]
    with pytest.raises(SourceFormatError, match=r"row 7: '31/02/2024' is not a date"):
        parse_date("31/02/2024", "t.csv", "row 7")
    with pytest.raises(SourceFormatError, match=r"'1\.5k' is not a whole number"):
        parse_count("1.5k", "t.csv", "row 7, column 'Alerts'")


def test_causes_of_a_differing_value():
    assert digits_cause(4870, 48700) == "digit_dropped"
    assert digits_cause(487, 4870) == "digit_dropped"
    assert digits_cause(48700, 4870) == "digit_added"
    assert digits_cause(4780, 4870) == "transposition"
    assert digits_cause(4800, 4870) is None
    assert figure_cause(28220, 48700, [28220, 28750]) == "neighbouring_row"
    assert figure_cause(None, 48700, [None]) is None
    assert date_cause(date(2023, 8, 9), date(2023, 9, 8)) == "day_month_swapped"
    assert date_cause(date(2023, 12, 8), date(2023, 12, 7)) is None


def test_place_key_is_the_deployment_id_place_key():
    for place in ("Croydon, Northend", "North End, Croydon", "B’way, Tooting", "St Ann's Road, Haringey",
                  "Bond St Stn", "Westminster, The Mall", "Haringey, High Rd"):
        assert place_key(place) == location_key(place)
    assert place_key("Croydon, Northend") == place_key("North End, Croydon")
