"""extract_document over the three real Met deployment records (docs/sources.md §1.2–1.3).

The PDFs live outside the repository, in ../shared/real-pages (they are
third-party data and are never copied in); every test here skips when the
folder is absent. Each document is parsed once per module (2–7 s each).

Expected values were read off the rendered PDF pages, not off the
extractor's output: the spot-check rows cover every page that holds
deployments, both 2023–24 header variants, the 2025 pages printed without
a header, wrapped cells, the cell split over the page-6/7 break, and each
cell format of §1.2.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from schemas.records import DEPLOYMENT_COLUMNS, MetDocument
from scrapers.met.locations import location_key
from scrapers.met.records import extract_document

REAL_PAGES = Path(__file__).resolve().parents[2] / "shared" / "real-pages"  # beside the repository
FILES = {
    "2020-2022": "met-lfr-deployment-grid-2020-2022.pdf",
    "2023-2024": "met-lfr-deployment-grid-2023-to-2024.pdf",
    "2025": "met-lfr-deployment-grid-2025-08jan-to-10may.pdf",
}
BASE = "https://www.met.police.uk/SysSiteAssets/media/downloads/force-content/met/advice/lfr/"
# Where the Met published each document (docs/sources.md §1.1; the 2025 URL is one of several).
URLS = {
    "2020-2022": BASE + "new/lfr-deployment-grid-2020-2022.pdf",
    "2023-2024": BASE + "deployment-records/lfr-deployment-grid-2023-to-2024.pdf",
    "2025": BASE + "deployment-records/lfr-deployment-grid.pdf",
}
ERA_1_ONLY = ("true_alert_engagements", "false_alert_engagements")
ERAS_2_3_ONLY = (
    "duration_minutes",
    "threshold",
    "true_alerts_confirmed",
    "true_alerts_unconfirmed",
    "false_alerts_unconfirmed",
    "other_disposals",
    "no_action",
)


def real_pdf(name: str) -> bytes:
    """The bytes of one real record; skips the test when ../shared/real-pages is absent."""
    path = REAL_PAGES / FILES[name]
    if not path.is_file():
        pytest.skip(f"real Met PDFs not available ({path})")
    return path.read_bytes()


def _extract(name: str) -> MetDocument:
    return extract_document(real_pdf(name), URLS[name])


@pytest.fixture(scope="module")
def doc_2020() -> MetDocument:
    return _extract("2020-2022")


@pytest.fixture(scope="module")
def doc_2023() -> MetDocument:
    return _extract("2023-2024")


@pytest.fixture(scope="module")
def doc_2025() -> MetDocument:
    return _extract("2025")


@pytest.fixture(scope="module")
def documents(doc_2020, doc_2023, doc_2025) -> dict[str, MetDocument]:
    return {"2020-2022": doc_2020, "2023-2024": doc_2023, "2025": doc_2025}


def _row(doc: MetDocument, source_row: int):
    found = [d for d in doc.deployments if d.source_row == source_row]
    assert len(found) == 1, f"source_row {source_row} appears {len(found)} times"
    return found[0]


# --- whole documents -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "title", "pages", "rows", "faces", "alerts", "arrests"),
    [
        ("2020-2022", "MPS LFR DEPLOYMENTS 2020 – 2022", 2, 9, 157_566, 28, 9),
        ("2023-2024", "MPS LFR DEPLOYMENTS 2023 –Date", 10, 203, 1_229_140, 1_344, 609),
        ("2025", "MPS LFR DEPLOYMENTS 2025", 4, 74, 1_142_325, 814, 342),
    ],
    ids=["2020-2022", "2023-2024", "2025"],
)
def test_document_totals(documents, name, title, pages, rows, faces, alerts, arrests):
    doc = documents[name]
    assert doc.title == title
    assert doc.pages == pages
    assert len(doc.deployments) == rows
    assert sum(d.faces_seen or 0 for d in doc.deployments) == faces
    assert sum(d.alerts_total or 0 for d in doc.deployments) == alerts
    assert sum(d.arrests or 0 for d in doc.deployments) == arrests


@pytest.mark.parametrize("name", list(URLS))
def test_provenance_and_row_numbers(documents, name):
    doc = documents[name]
    url, sha256 = URLS[name], hashlib.sha256(real_pdf(name)).hexdigest()
    assert doc.url == url and doc.sha256 == sha256
    assert [d.source_row for d in doc.deployments] == list(range(1, len(doc.deployments) + 1))
    assert all(d.document_sha256 == sha256 and d.document_url == url for d in doc.deployments)
    assert list(doc.deployments[0].to_json_dict()) == list(DEPLOYMENT_COLUMNS)


@pytest.mark.parametrize(
    ("name", "rows_per_page"),
    [
        ("2020-2022", {1: 9}),
        # Page 5 ends the first header variant; page 9 is the use-case legend, page 10 blank.
        ("2023-2024", {1: 19, 2: 39, 3: 40, 4: 40, 5: 9, 6: 24, 7: 28, 8: 4}),
        # Pages 2-4 continue without a header.
        ("2025", {1: 16, 2: 25, 3: 25, 4: 8}),
    ],
)
def test_rows_per_page(documents, name, rows_per_page):
    assert dict(Counter(d.source_page for d in documents[name].deployments)) == rows_per_page


# --- the founding complaint (docs/sources.md §1.3) -------------------------------


def test_2020_letter_figures(doc_2020):
    first_two = [d for d in doc_2020.deployments if d.deployment_date in (date(2020, 2, 11), date(2020, 2, 27))]
    assert [d.location for d in first_two] == ["Stratford", "Oxford Circus"]
    assert sum(d.faces_seen for d in first_two) == 13_200
    assert sum(d.alerts_total for d in first_two) == 8
    assert sum(d.false_alerts for d in first_two) == 7
    assert sum(d.false_alert_engagements for d in first_two) == 5
    assert sum(d.false_alert_engagements + d.true_alert_engagements for d in first_two) == 6


def test_2020_aborted_deployment(doc_2020):
    aborted = [d for d in doc_2020.deployments if d.status == "aborted"]
    assert len(aborted) == 1
    row = aborted[0]
    assert (row.source_row, row.deployment_date, row.location) == (2, date(2020, 2, 21), "Oxford Circus")
    assert row.note == "technical fault stopped deployment"
    assert row.watchlist_size == 7316 and row.purpose == "1, 2"
    assert row.deployment_id == "2020-02-21-oxford-circus-1"
    for column in ("alerts_total", "true_alerts", "false_alerts", "false_alerts_confirmed", "arrests", "faces_seen"):
        assert getattr(row, column) is None, column  # N/A is null, never 0
    assert row.true_alert_engagements is None and row.false_alert_engagements is None
    assert row.false_alert_rate_printed is None
    assert all(d.status == "completed" and d.note is None for d in doc_2020.deployments if d is not row)


# --- spot checks, field by field --------------------------------------------

# (row, page, ISO date, location, purpose, watchlist, alerts, false, false-alert engagements,
#  true, true-alert engagements, arrests/disposals, faces, printed rate) — era 1 columns as printed.
ERA_1_ROWS = [
    (1, 1, "2020-02-11", "Stratford", "1, 2", 5816, 0, 0, 0, 0, 0, 0, 4600, "0.00%"),
    (3, 1, "2020-02-27", "Oxford Circus", "1, 2", 7292, 8, 7, 5, 1, 1, 1, 8600, "0.08%"),
    (4, 1, "2022-01-28", "Oxford Circus", "1, 2", 9756, 11, 1, 1, 10, 7, 4, 12120, "0.008%"),
    # Wrapped over two lines; day 10 ≤ 12, so MM/DD would read 3 October.
    (5, 1, "2022-03-10", "Leicester Square", "1, 2", 6793, 0, 0, 0, 0, 0, 0, 10740, "0.00%"),
    (7, 1, "2022-07-14", "Oxford Circus", "1, 2, 3", 6713, 3, 1, 1, 2, 2, 1, 34360, "0.003%"),
    (9, 1, "2022-07-28", "Piccadilly Circus", "1, 2, 3", 6858, 1, 0, 0, 1, 0, 0, 16440, "0.00%"),
]


@pytest.mark.parametrize("printed", ERA_1_ROWS, ids=lambda p: f"row{p[0]}")
def test_era_1_rows(doc_2020, printed):
    (row, page, day, location, purpose, watchlist, alerts, false, false_eng, true, true_eng, arrests, faces, rate) = printed
    expected = dict.fromkeys(ERAS_2_3_ONLY) | {
        "source_page": page,
        "deployment_date": date.fromisoformat(day),
        "location": location,
        "note": None,
        "status": "completed",
        "purpose": purpose,
        "watchlist_size": watchlist,
        "alerts_total": alerts,
        "false_alerts": false,
        "false_alerts_confirmed": false,
        "false_alert_engagements": false_eng,
        "true_alerts": true,
        "true_alert_engagements": true_eng,
        "arrests": arrests,
        "faces_seen": faces,
        "false_alert_rate_printed": rate,
    }
    found = _row(doc_2020, row)
    assert {k: getattr(found, k) for k in expected} == expected


# (row, page, ISO date, location, minutes, purpose, watchlist, threshold, alerts, true confirmed,
#  true unconfirmed, false confirmed, false unconfirmed, printed rate, arrests, other, no action, faces)
CRIME_HOTSPOT = "Crime Hotspot"
ERA_2_ROWS = [
    # Page 1, first header variant; `5h03m`.
    (1, 1, "2023-04-06", "Camden", 303, "1,2,3,4", 9764, 0.6, 1, 1, 0, 0, 0, "0%", 1, 0, 0, 5460),
    # `Westminster Bridge` / `Street` wrapped; `8h09m`.
    (4, 1, "2023-05-06", "Westminster Bridge Street", 489, "1,2,3,4", 10451, 0.6, 0, 0, 0, 0, 0, "0%", 0, 0, 0, 20578),
    # `8h0m`.
    (5, 1, "2023-05-06", "Westminster, Savoy Place", 480, "1,2,3,4", 10451, 0.6, 0, 0, 0, 0, 0, "0%", 0, 0, 0, 17250),
    # `5h40` (no `m`).
    (7, 1, "2023-06-17", "Westminster, The Mall", 340, "1,2,3,4", 10412, 0.6, 1, 1, 0, 0, 0, "0%", 0, 1, 1, 8630),
    (15, 1, "2023-11-06", "Haringey, Love Lane", 357, "1,2,3,4", 12187, 0.6, 2, 1, 0, 1, 0, "0.01%", 0, 1, 1, 8285),
    (19, 1, "2023-12-07", "Croydon, Northend", 225, "1,2,3,4", 12165, 0.6, 3, 3, 0, 0, 0, "0%", 3, 0, 0, 3820),
    # Page 2; `6h 07m`.
    (20, 2, "2023-12-14", "Croydon, George St", 367, "1,2,3,4", 12190, 0.6, 10, 10, 0, 0, 0, "0%", 3, 7, 7, 3015),
    (22, 2, "2023-12-21", "Selhurst Park, Holmesdale Rd", 94, "1,2,3,4", 12403, 0.6, 0, 0, 0, 0, 0, "0%", 0, 0, 0, 3600),
    # Printed as is although 1 + 1 exceeds 1 total alert (a real mistake, kept).
    (24, 2, "2024-01-10", "Westminster", 318, "1,2,3,4", 12418, 0.6, 1, 1, 1, 0, 0, "0%", 1, 0, 0, 14280),
    (42, 2, "2024-02-23", "London Bridge", 319, "1,2,3,4", 12439, 0.6, 4, 2, 0, 2, 0, "0.09%", 2, 2, 2, 2160),
    (58, 2, "2024-03-21", "Tooting Broadway", 419, "1,2,3,4", 12703, 0.6, 8, 7, 1, 0, 0, "0%", 3, 4, 4, 2003),
    # Page 3; typographic apostrophe kept.
    (59, 3, "2024-03-26", "Catford", 293, "1,2,3,4", 12790, 0.6, 6, 5, 1, 0, 0, "0%", 4, 2, 2, 697),
    (64, 3, "2024-04-03", "Ealing B’way Stn", 371, "1,2,3,4", 13204, 0.6, 4, 4, 0, 0, 0, "0%", 0, 4, 4, 2446),
    (73, 3, "2024-04-18", "Northend, Croydon", 378, "1,2,3,4", 13699, 0.6, 14, 11, 2, 1, 0, "0.07%", 0, 11, 11, 1330),
    # `4h 0m`.
    (98, 3, "2024-06-04", "Harlesden", 240, "1,2,3,4", 14921, 0.6, 6, 6, 0, 0, 0, "0%", 3, 3, 3, 442),
    # Page 4: threshold 0.62, and a year printed 23 among 2024 rows (kept as printed).
    (113, 4, "2023-07-11", "Dalston", 186, "1,2,3,4", 15695, 0.62, 10, 10, 0, 0, 0, "0%", 3, 7, 7, 602),
    (123, 4, "2024-07-25", "Dagenham", 354, "1,2,3,4", 15881, 0.64, 5, 5, 0, 0, 0, "0%", 3, 2, 2, 12480),
    (135, 4, "2024-08-22", "Westminster", 201, "1,2,3,4", 15771, 0.64, 6, 6, 0, 0, 0, "0%", 3, 3, 3, 14210),
    # Page 5: the last row of the first header variant, above the purpose legend.
    (147, 5, "2024-09-10", "Croydon", 344, "1,2,3,4", 15983, 0.64, 10, 10, 0, 0, 0, "0%", 3, 7, 7, 9985),
    # Page 6: second header variant (`Duration`, `LFR Use Case`).
    (148, 6, "2024-09-17", "Coventry St, Piccadilly", 355, CRIME_HOTSPOT, 15505, 0.64, 2, 2, 0, 0, 0, "0%", 1, 1, 1, 14245),
    # Three lines in one cell.
    (155, 6, "2024-09-26", "St John’s Hill, Clapham Junction", 304, CRIME_HOTSPOT, 15642, 0.64, 5, 5, 0, 0, 0, "0%", 1, 4, 4, 11065),
    # `Belvedere` ends page 6, `Rd, Waterloo` opens page 7.
    (171, 6, "2024-10-24", "Belvedere Rd, Waterloo", 250, CRIME_HOTSPOT, 14858, 0.64, 0, 0, 0, 0, 0, "0%", 0, 0, 0, 10520),
    (172, 7, "2024-10-30", "Ealing Broadway", 321, CRIME_HOTSPOT, 14415, 0.64, 5, 5, 0, 0, 0, "0%", 2, 3, 3, 10780),
    (180, 7, "2024-11-13", "North End, Croydon", 356, CRIME_HOTSPOT, 14457, 0.64, 24, 23, 1, 0, 0, "0%", 11, 12, 12, 12820),
    # Truncated by the page-7 break; its second line is never printed.
    (199, 7, "2024-12-12", "Powis St,", 360, CRIME_HOTSPOT, 15595, 0.64, 10, 10, 0, 0, 0, "0%", 3, 7, 7, 8940),
    # Page 8; spelling as printed.
    (200, 8, "2024-12-18", "Uxbridge Rd, Shepherds Buh", 360, CRIME_HOTSPOT, 15427, 0.64, 12, 12, 0, 0, 0, "0%", 5, 7, 7, 11560),
    (203, 8, "2024-12-20", "Rushey Green, Catford", 323, CRIME_HOTSPOT, 15229, 0.64, 3, 3, 0, 0, 0, "0%", 1, 2, 2, 5180),
]
ERA_3_ROWS = [
    # Page 1 (the only header); `4hr 47m`.
    (1, 1, "2025-01-08", "High St North, East Ham", 287, CRIME_HOTSPOT, 15095, 0.64, 10, 10, 0, 0, 0, "0%", 4, 3, 3, 9780),
    (9, 1, "2025-01-22", "Town Sq, Walthamstow", 262, CRIME_HOTSPOT, 14919, 0.64, 13, 12, 0, 1, 0, "0.008%", 6, 1, 5, 12120),
    (16, 1, "2025-01-30", "Leyton", 282, CRIME_HOTSPOT, 15135, 0.64, 5, 5, 0, 0, 0, "0%", 0, 3, 2, 5645),
    # Pages 2-4: no header.
    (17, 2, "2025-02-04", "South St, Romford", 368, CRIME_HOTSPOT, 16174, 0.64, 16, 16, 0, 0, 0, "0%", 5, 5, 6, 13110),
    # Faces printed `21,940`.
    (25, 2, "2025-02-19", "Hammersmith Broadway", 352, CRIME_HOTSPOT, 16364, 0.64, 13, 13, 0, 0, 0, "0%", 4, 0, 9, 21940),
    (30, 2, "2025-02-25", "Tooting B’Way", 381, CRIME_HOTSPOT, 16204, 0.64, 9, 9, 0, 0, 0, "0%", 3, 1, 5, 16380),
    (41, 2, "2025-03-19", "Seven Sisters Rd", 361, CRIME_HOTSPOT, 15728, 0.64, 10, 10, 0, 0, 0, "0%", 5, 0, 5, 7695),
    (42, 3, "2025-03-19", "High St North, East Ham", 319, CRIME_HOTSPOT, 15728, 0.64, 9, 9, 0, 0, 0, "0%", 3, 0, 6, 12083),
    (61, 3, "2025-04-22", "George St, Croydon", 286, CRIME_HOTSPOT, 15981, 0.64, 9, 6, 3, 0, 0, "0%", 3, 0, 3, 8030),
    (67, 4, "2025-05-02", "London Rd, Croydon", 364, CRIME_HOTSPOT, 16199, 0.64, 22, 21, 1, 0, 0, "0%", 6, 2, 13, 12210),
    (74, 4, "2025-05-10", "Barking", 325, CRIME_HOTSPOT, 16113, 0.64, 10, 10, 0, 0, 0, "0%", 6, 0, 4, 15001),
]


def _later_era_expected(printed) -> dict:
    (_, page, day, location, minutes, purpose, watchlist, threshold, alerts) = printed[:9]
    (true_c, true_u, false_c, false_u, rate, arrests, other, no_action, faces) = printed[9:]
    return dict.fromkeys(ERA_1_ONLY) | {
        "source_page": page,
        "deployment_date": date.fromisoformat(day),
        "location": location,
        "note": None,
        "status": "completed",
        "duration_minutes": minutes,
        "purpose": purpose,
        "watchlist_size": watchlist,
        "threshold": threshold,
        "alerts_total": alerts,
        "true_alerts": true_c + true_u,
        "true_alerts_confirmed": true_c,
        "true_alerts_unconfirmed": true_u,
        "false_alerts": false_c + false_u,
        "false_alerts_confirmed": false_c,
        "false_alerts_unconfirmed": false_u,
        "false_alert_rate_printed": rate,
        "arrests": arrests,
        "other_disposals": other,
        "no_action": no_action,
        "faces_seen": faces,
    }


@pytest.mark.parametrize("printed", ERA_2_ROWS, ids=lambda p: f"row{p[0]}")
def test_era_2_rows(doc_2023, printed):
    expected = _later_era_expected(printed)
    found = _row(doc_2023, printed[0])
    assert {k: getattr(found, k) for k in expected} == expected


@pytest.mark.parametrize("printed", ERA_3_ROWS, ids=lambda p: f"row{p[0]}")
def test_era_3_rows(doc_2025, printed):
    expected = _later_era_expected(printed)
    found = _row(doc_2025, printed[0])
    assert {k: getattr(found, k) for k in expected} == expected


# --- per-era shape ------------------------------------------------------------


def test_era_1_prints_no_split_and_no_duration(doc_2020):
    for d in doc_2020.deployments:
        assert all(getattr(d, c) is None for c in ERAS_2_3_ONLY), d.source_row
        assert d.false_alerts_confirmed == d.false_alerts
    assert {d.purpose for d in doc_2020.deployments} == {"1, 2", "1, 2, 3"}


@pytest.mark.parametrize("name", ["2023-2024", "2025"])
def test_later_eras_print_no_engagements(documents, name):
    for d in documents[name].deployments:
        assert d.true_alert_engagements is None and d.false_alert_engagements is None, d.source_row
        assert d.true_alerts == d.true_alerts_confirmed + d.true_alerts_unconfirmed
        assert d.false_alerts == d.false_alerts_confirmed + d.false_alerts_unconfirmed
        assert d.status == "completed" and d.duration_minutes > 0
        assert None not in (d.other_disposals, d.no_action, d.faces_seen, d.watchlist_size)


def test_2023_header_variants(doc_2023):
    # Up to 10/09/24 the purpose column prints codes; from 17/09/24 a use case.
    purposes = [d.purpose for d in doc_2023.deployments]
    assert purposes == ["1,2,3,4"] * 147 + [CRIME_HOTSPOT] * 56
    assert _row(doc_2023, 147).deployment_date == date(2024, 9, 10)
    assert _row(doc_2023, 148).deployment_date == date(2024, 9, 17)


@pytest.mark.parametrize(
    ("name", "thresholds"),
    [("2020-2022", {None}), ("2023-2024", {0.6, 0.62, 0.64}), ("2025", {0.64})],
)
def test_thresholds(documents, name, thresholds):
    assert {d.threshold for d in documents[name].deployments} == thresholds


def test_dates_read_day_first(doc_2023, doc_2025):
    # Read as MM/DD, every date with a day of 12 or less would land out of order.
    days = [d.deployment_date for d in doc_2023.deployments]
    backwards = [i + 1 for i in range(1, len(days)) if days[i] < days[i - 1]]
    assert backwards == [113]  # Dalston, printed 11/07/23 between June and July 2024
    assert _row(doc_2023, 24).to_json_dict()["deployment_date"] == "2024-01-10"  # printed 10/01/24
    assert min(days) == date(2023, 4, 6) and max(days) == date(2024, 12, 20)
    days = [d.deployment_date for d in doc_2025.deployments]
    assert days == sorted(days) and (days[0], days[-1]) == (date(2025, 1, 8), date(2025, 5, 10))


def test_typographic_apostrophes_kept(doc_2023, doc_2025):
    locations = {d.location for doc in (doc_2023, doc_2025) for d in doc.deployments}
    assert {"Ealing B’way Stn", "Tooting B’way", "Hammersmith B’way", "St Ann’s, Harrow", "Stratford B’way"} <= locations
    assert not any("'" in location for location in locations)


# --- deployment ids -------------------------------------------------------------


def test_same_date_same_place_groups(doc_2023):
    groups = Counter((d.deployment_date, location_key(d.location)) for d in doc_2023.deployments)
    repeated = {(day.isoformat(), key): n for (day, key), n in groups.items() if n > 1}
    assert repeated == {
        ("2024-02-23", "london-bridge"): 2,
        ("2024-02-28", "tottenham-court-road"): 2,
        ("2024-05-21", "hounslow"): 2,
        ("2024-05-23", "westminster"): 2,
        ("2024-06-06", "peckham"): 2,
        ("2024-07-13", "shepherds-bush"): 2,
        ("2024-08-22", "westminster"): 4,
        ("2024-08-30", "westminster"): 2,
        ("2024-09-04", "woolwich"): 2,
    }
    westminster = [d for d in doc_2023.deployments if d.deployment_date == date(2024, 8, 22)]
    assert [(d.source_row, d.faces_seen, d.deployment_id) for d in westminster] == [
        (133, 2864, "2024-08-22-westminster-1"),
        (134, 3233, "2024-08-22-westminster-2"),
        (135, 14210, "2024-08-22-westminster-3"),
        (136, 3657, "2024-08-22-westminster-4"),
    ]


@pytest.mark.parametrize("name", list(URLS))
def test_ids_unique_within_document(documents, name):
    ids = [d.deployment_id for d in documents[name].deployments]
    assert len(set(ids)) == len(ids)


def test_ids_stable_across_spellings_and_extractions(doc_2020, doc_2023, doc_2025):
    assert _row(doc_2020, 3).deployment_id == "2020-02-27-oxford-circus-1"
    # `Croydon, Northend`, `Northend, Croydon` and `North End, Croydon` are one place.
    assert _row(doc_2023, 19).deployment_id == "2023-12-07-croydon-north-end-1"
    assert _row(doc_2023, 73).deployment_id == "2024-04-18-croydon-north-end-1"
    assert _row(doc_2023, 180).deployment_id == "2024-11-13-croydon-north-end-1"
    assert _row(doc_2025, 32).deployment_id == "2025-02-27-croydon-north-end-1"
    assert _row(doc_2023, 171).deployment_id == "2024-10-24-belvedere-road-waterloo-1"
    assert _row(doc_2023, 64).deployment_id == "2024-04-03-ealing-broadway-station-1"
    again = _extract("2020-2022")
    assert [d.deployment_id for d in again.deployments] == [d.deployment_id for d in doc_2020.deployments]


# --- purpose legends -----------------------------------------------------------

USE_CASES = [
    ("1", "Use of LFR to support the policing of Crime Hotspots", "§2.3(a)"),
    ("2", "Use of LFR to support the policing of Missing Person Hotspots", "§2.3(b)"),
    ("3", "Use of LFR to support the protection of CNI PSOs", "§2.7(a)"),
    ("4", "Use of LFR to support the protection of Event PSOs", "§2.7(b)"),
    ("5", "Use of LFR in response to specific intelligence concerning the location of Sought Persons", "§2.9"),
]


def _legend(doc: MetDocument, number: int):
    return [p for p in doc.purpose_references if p.legend_no == number]


def test_2020_purpose_legend(doc_2020):
    legend = doc_2020.purpose_references
    # Codes 4-7 are printed with no meaning: not entries.
    assert [(p.legend_no, p.legend_kind, p.code, p.source_page) for p in legend] == [
        (1, "purpose", "1", 2),
        (1, "purpose", "2", 2),
        (1, "purpose", "3", 2),
    ]
    assert legend[0].meaning == (
        "Targeting violent and other serious crime, including violence, gun and knife crime, "
        "child sexual exploitation and helping protect the vulnerable."
    )
    assert legend[1].meaning == "Locating those wanted by the courts and subject to an outstanding warrant for their arrest."
    assert legend[2].meaning.startswith("To Pursue the Equitability study outlined in the ‘Facial Recognition")
    assert all(p.policy_reference is None for p in legend)


def test_2023_purpose_and_use_case_legends(doc_2023):
    assert {p.legend_no for p in doc_2023.purpose_references} == {1, 2}
    purposes = _legend(doc_2023, 1)
    assert [(p.legend_kind, p.code, p.source_page) for p in purposes] == [("purpose", c, 5) for c in "1234"]
    assert purposes[0].meaning.startswith("Locating those suspected of having committed, or where there are reasonable grounds")
    assert purposes[0].meaning.endswith("as well as other crime issues particular to the Deployment location.")
    assert purposes[1].meaning == "Locating those wanted by the courts and subject to an outstanding warrant for their arrest."
    assert purposes[3].meaning.startswith("Locating those subject to bail conditions")
    use_cases = _legend(doc_2023, 2)
    assert all((p.legend_kind, p.source_page) == ("use_case", 9) for p in use_cases)
    assert [(p.code, p.meaning, p.policy_reference) for p in use_cases] == USE_CASES


def test_2025_use_case_legend(doc_2025):
    legend = doc_2025.purpose_references
    assert all((p.legend_no, p.legend_kind, p.source_page) == (1, "use_case", 4) for p in legend)
    assert [(p.code, p.meaning, p.policy_reference) for p in legend] == USE_CASES


@pytest.mark.parametrize("name", list(URLS))
def test_legends_are_not_deployments(documents, name):
    doc = documents[name]
    legend_words = ("Reference", "Purpose", "Use Case", "Use of LFR", "Locating", "Targeting", "§", "PURPOSE")
    for d in doc.deployments:
        assert not any(word in d.location for word in legend_words), d
        assert 0 < len(d.location) < 40, d
    assert all(p.meaning == " ".join(p.meaning.split()) for p in doc.purpose_references)
