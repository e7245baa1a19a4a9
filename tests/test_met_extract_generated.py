"""extract_document over generated PDFs: layouts and failures the real records lack.

The PDFs are built in memory by tests/helpers/pdf_factory.py (reportlab grid tables,
landscape A4, invented places and figures). Also the unit tests of the cell
formats (scrapers/met/cells.py) and of place keys and ordinals
(scrapers/met/locations.py).
"""

from __future__ import annotations

from datetime import date

import pytest

from scrapers.errors import SourceFormatError
from scrapers.met import cells
from scrapers.met.cells import CellError
from scrapers.met.locations import assign_ids, location_key
from scrapers.met.records import extract_document
from tests.helpers.pdf_factory import FLAT_HEADER, FLAT_WIDTHS, GridTable, data_row, render_pdf

URL = "https://example.test/lfr/generated-deployment-record.pdf"

# Distinct figures in every count column, so a column read into the wrong
# field shows up as a wrong value.
DISTINCT = dict(
    true_confirmed="7",
    true_unconfirmed="2",
    false_confirmed="1",
    false_unconfirmed="3",
    arrests="5",
    other="4",
    no_action="6",
    faces="12345",
    watchlist="16001",
    threshold="0.62",
    duration="6h 07m",
    rate="0.02%",
)
DISTINCT_FIGURES = dict(
    duration_minutes=367,
    watchlist_size=16001,
    threshold=0.62,
    alerts_total=13,
    true_alerts=9,
    true_alerts_confirmed=7,
    true_alerts_unconfirmed=2,
    false_alerts=4,
    false_alerts_confirmed=1,
    false_alerts_unconfirmed=3,
    arrests=5,
    other_disposals=4,
    no_action=6,
    faces_seen=12345,
    false_alert_rate_printed="0.02%",
    true_alert_engagements=None,
    false_alert_engagements=None,
)


def _figures(deployment) -> dict:
    return {k: getattr(deployment, k) for k in DISTINCT_FIGURES}


def _flat(rows: list[list[str]], header: list[str] = FLAT_HEADER, **options) -> GridTable:
    return GridTable([header, *rows], FLAT_WIDTHS, header_rows=1, **options)


def _rows(count: int, day0: int = 0) -> list[list[str]]:
    """`count` rows, one day apart from 1 March 2025 + `day0` days (28-day months)."""
    days = [day0 + n for n in range(count)]
    return [
        data_row(f"Testplace {n}, Northbury", f"{1 + day % 28:02d}/{3 + day // 28:02d}/25", faces=str(1000 + n))
        for n, day in enumerate(days)
    ]


# --- headers ------------------------------------------------------------------


def test_new_header_wording_is_an_error_naming_page_and_header():
    header = list(FLAT_HEADER)
    header[13] = "Outcome -\nCaution"
    pdf = render_pdf([_flat(_rows(3)), _flat(_rows(2, day0=10), header=header, new_page=True)])
    with pytest.raises(SourceFormatError) as caught:
        extract_document(pdf, URL)
    error = caught.value
    assert error.url == URL
    assert error.where == "page 2, header column 14"
    assert "unknown header 'Outcome - Caution'" in error.problem


def test_known_wording_in_other_case_and_wrapping_parses():
    header = list(FLAT_HEADER)
    header[0] = "DEPLOYMENT\nLOCATION"
    header[5] = "MIN\nTHRESHOLD\nSETTING"
    header[7] = "True\nAlerts\nconfirmed"
    header[12] = "OUTCOME -\nARREST"
    header[15] = "Faces\nSeen\n(Estimate)"
    doc = extract_document(render_pdf([_flat([data_row("Alpha Rd, Testham", "03/04/25", **DISTINCT)], header=header)]), URL)
    [row] = doc.deployments
    assert (row.location, row.deployment_date) == ("Alpha Rd, Testham", date(2025, 4, 3))
    assert _figures(row) == DISTINCT_FIGURES


# An era-2 style header: groups over Confirmed | Unconfirmed and over Arrest | Other Disposal | No Action.
GROUP_TOP = ["Deployment\nLocation", "Date", "Duration of\nDeployment", "LFR Purpose\nReference /\nLFR Purpose"]
GROUP_TOP += ["Watchlist\nSize", "Min\nThreshold\nSetting", "Total\nAlerts", "True Alerts", "", "False Alerts", ""]
GROUP_TOP += ["False\nAlert\nRate", "Engagement Outcomes", "", "", "Faces\nseen\n(Estimate )"]
GROUP_SUB = [""] * 7 + ["Confirmed", "Unconfirmed", "Confirmed", "Unconfirmed", "", "Arrest", "Other\nDisposal", "No\nAction", ""]
GROUP_SPANS = [((c, 0), (c, 1)) for c in (0, 1, 2, 3, 4, 5, 6, 11, 15)]
GROUP_SPANS += [((7, 0), (8, 0)), ((9, 0), (10, 0)), ((12, 0), (14, 0))]


@pytest.mark.parametrize("align", ["CENTER", "LEFT"])
def test_two_level_header(align):
    rows = [
        data_row("Alpha Rd, Testham", "03/04/24", purpose="1,2,3,4", **DISTINCT),
        data_row("Beta St", "12/04/24", purpose="1,2"),
    ]
    table = GridTable(
        [GROUP_TOP, GROUP_SUB, *rows],
        FLAT_WIDTHS,
        header_rows=2,
        spans=GROUP_SPANS,
        extra_style=[("ALIGN", (7, 0), (14, 0), align)],
    )
    doc = extract_document(render_pdf([table]), URL)
    assert [(d.location, d.purpose) for d in doc.deployments] == [("Alpha Rd, Testham", "1,2,3,4"), ("Beta St", "1,2")]
    assert _figures(doc.deployments[0]) == DISTINCT_FIGURES


def test_header_on_first_page_only():
    doc = extract_document(render_pdf([_flat(_rows(40))]), URL)  # reportlab splits it over two pages
    assert len(doc.deployments) == 40
    on_page_2 = [d for d in doc.deployments if d.source_page == 2]
    assert 0 < len(on_page_2) < 40
    last = doc.deployments[-1]
    assert (last.source_row, last.location, last.deployment_date) == (40, "Testplace 39, Northbury", date(2025, 4, 12))
    assert (last.faces_seen, last.alerts_total, last.no_action, last.purpose) == (1039, 5, 1, "Crime Hotspot")


def test_rows_before_any_header_are_an_error():
    with pytest.raises(SourceFormatError, match="deployment rows before any header") as caught:
        extract_document(render_pdf([GridTable(_rows(2), FLAT_WIDTHS)]), URL)
    assert caught.value.where == "page 1"


def test_continuation_page_whose_columns_do_not_line_up_is_an_error():
    shifted = [140, *FLAT_WIDTHS[1:-3], 30, 30, 30]
    pdf = render_pdf([_flat(_rows(3)), GridTable(_rows(2, day0=10), shifted, new_page=True)])
    with pytest.raises(SourceFormatError, match="do not line up") as caught:
        extract_document(pdf, URL)
    assert caught.value.where == "page 2"


# --- rows -----------------------------------------------------------------------


def test_not_available_aborted_row():
    not_available = {k: "N/A" for k in DISTINCT if k not in ("watchlist", "threshold")}
    rows = [
        data_row("Gamma Sq\n(technical fault\nstopped\ndeployment)", "05/05/25", watchlist="15550", **not_available),
        data_row("Gamma Sq", "06/05/25"),
    ]
    aborted, completed = extract_document(render_pdf([_flat(rows)]), URL).deployments
    assert (aborted.location, aborted.note, aborted.status) == ("Gamma Sq", "technical fault stopped deployment", "aborted")
    assert (aborted.watchlist_size, aborted.threshold, aborted.purpose) == (15550, 0.64, "Crime Hotspot")
    figures = {k for k in DISTINCT_FIGURES if k not in ("watchlist_size", "threshold")}
    assert {k: v for k, v in _figures(aborted).items() if k in figures} == dict.fromkeys(figures)
    assert (completed.status, completed.alerts_total, completed.note) == ("completed", 5, None)
    assert aborted.deployment_id == "2025-05-05-gamma-square-1"


def test_location_cut_by_page_break():
    page_1 = [*_rows(3), data_row("Delta", "10/03/25", faces="4321")]
    page_2 = [["Rd, Epsilonbury"] + [""] * 15, data_row("Zeta Lane", "12/03/25")]
    pdf = render_pdf([_flat(page_1), GridTable(page_2, FLAT_WIDTHS, new_page=True)])
    doc = extract_document(pdf, URL)
    assert [(d.source_row, d.source_page, d.location) for d in doc.deployments[3:]] == [
        (4, 1, "Delta Rd, Epsilonbury"),
        (5, 2, "Zeta Lane"),
    ]
    assert doc.deployments[3].faces_seen == 4321
    assert doc.deployments[3].deployment_id == "2025-03-10-delta-road-epsilonbury-1"


def test_legend_table_is_read_as_legend_not_rows():
    legend = GridTable(
        [["Reference", "Use Case", "LFR Policy Document Reference"], ["1.", "Use of LFR at\ninvented hotspots", "§9.1(a)"]],
        [60, 400, 160],
        header_rows=1,
        caption="MPS LFR PURPOSE REFERENCES",
    )
    doc = extract_document(render_pdf([_flat(_rows(2)), legend]), URL)
    assert len(doc.deployments) == 2
    [entry] = doc.purpose_references
    assert (entry.legend_no, entry.legend_kind, entry.code) == (1, "use_case", "1")
    assert (entry.meaning, entry.policy_reference, entry.source_page) == ("Use of LFR at invented hotspots", "§9.1(a)", 1)


# --- documents that are not deployment records ------------------------------------


def test_table_without_date_column_is_an_error():
    drop = 1  # the Date column
    rows = [[c for i, c in enumerate(r) if i != drop] for r in (FLAT_HEADER, *_rows(3))]
    table = GridTable(rows, FLAT_WIDTHS[:drop] + FLAT_WIDTHS[drop + 1 :], header_rows=1)
    with pytest.raises(SourceFormatError, match="no deployment rows found: .*DD/MM/YY"):
        extract_document(render_pdf([table]), URL)


def test_html_is_not_a_pdf():
    html = b"<!DOCTYPE html>\n<html><head><title>Access denied</title></head><body>403</body></html>"
    with pytest.raises(SourceFormatError, match="not a PDF") as caught:
        extract_document(html, URL)
    assert (caught.value.url, caught.value.where) == (URL, "document")


def test_truncated_pdf_is_an_error():
    whole = render_pdf([_flat(_rows(20))])
    with pytest.raises(SourceFormatError, match="unreadable PDF"):
        extract_document(whole[: len(whole) // 2], URL)


@pytest.mark.parametrize("title", [None, "MPS LFR DEPLOYMENTS TEST"])
def test_blank_pages_have_no_deployment_rows(title):
    with pytest.raises(SourceFormatError, match="no deployment rows"):
        extract_document(render_pdf([], title=title, blank_pages=1), URL)


# --- cells.py ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("11/02/20", date(2020, 2, 11)),
        ("10/01/24", date(2024, 1, 10)),  # day first, never MM/DD
        ("05/11/24", date(2024, 11, 5)),
        ("1/2/25", date(2025, 2, 1)),
        ("31/12/2024", date(2024, 12, 31)),
        (" 28/07/22 ", date(2022, 7, 28)),
    ],
)
def test_parse_date(printed, expected):
    assert cells.parse_date(printed) == expected


@pytest.mark.parametrize("printed", ["02/30/20", "31/02/24", "2024-01-10", "10.01.24", "10/01", "N/A", "", "10/01/202"])
def test_parse_date_rejects(printed):
    with pytest.raises(CellError):
        cells.parse_date(printed)


@pytest.mark.parametrize(
    ("printed", "minutes"),
    [
        ("5h03m", 303),
        ("5h40", 340),
        ("6h 07m", 367),
        ("0h33m", 33),
        ("4hr 47m", 287),
        ("5hr 37m", 337),
        ("8h0m", 480),
        ("4h 0m", 240),
        ("6H07M", 367),
        ("3h", 180),
        ("45m", 45),
        ("5 hours 3 mins", 303),
        ("N/A", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_duration(printed, minutes):
    assert cells.parse_duration(printed) == minutes


@pytest.mark.parametrize("printed", ["five hours", "5:40", "h40", "5h40s", "0.5", "6h 07m 30s"])
def test_parse_duration_rejects(printed):
    with pytest.raises(CellError):
        cells.parse_duration(printed)


@pytest.mark.parametrize(
    ("printed", "count"),
    [("34286", 34286), ("21,940", 21940), ("1,229,140", 1229140), ("0", 0), (" 7 ", 7)]
    + [("N/A", None), ("n/a", None), ("-", None), ("–", None), ("", None), (None, None)],
)
def test_parse_count(printed, count):
    assert cells.parse_count(printed) == count


@pytest.mark.parametrize("printed", ["21,94", "1,2", "2194,0", "3.5", "12a", "-3", "0%", "seven"])
def test_parse_count_rejects(printed):
    with pytest.raises(CellError):
        cells.parse_count(printed)


@pytest.mark.parametrize(("printed", "value"), [("0.6", 0.6), ("0.62", 0.62), ("0.64", 0.64), (".64", 0.64), ("N/A", None)])
def test_parse_threshold(printed, value):
    assert cells.parse_threshold(printed) == value


@pytest.mark.parametrize("printed", ["high", "nan", "inf", "1e3", "0,64", "64%"])
def test_parse_threshold_rejects(printed):
    with pytest.raises(CellError):
        cells.parse_threshold(printed)


def test_parse_text():
    assert cells.parse_text(" 1,  2,\n3 ") == "1, 2, 3"
    assert cells.parse_text("Crime\nHotspot") == "Crime Hotspot"
    assert cells.parse_text("N/A") is None


@pytest.mark.parametrize(
    ("printed", "location", "note"),
    [
        ("Oxford Circus (technical fault stopped deployment)", "Oxford Circus", "technical fault stopped deployment"),
        ("Oxford Circus\n(technical fault\nstopped\ndeployment)", "Oxford Circus", "technical fault stopped deployment"),
        ("Stratford B’way", "Stratford B’way", None),
        ("Westminster Bridge\nStreet", "Westminster Bridge Street", None),
        ("Powis St,", "Powis St,", None),
        ("Kings Cross (partial) Stn", "Kings Cross Stn", "partial"),
    ],
)
def test_split_location(printed, location, note):
    assert cells.split_location(printed) == (location, note)


# --- locations.py -------------------------------------------------------------------


@pytest.mark.parametrize(
    "spellings",
    [
        ["Croydon, Northend", "North End, Croydon", "Northend, Croydon", "croydon ,  north end"],
        ["Stratford B’way", "Stratford B'way", "Stratford Broadway"],
        ["Ealing B’way Stn", "Ealing Broadway Station"],
        ["Clapham Junc", "Clapham Junction", "Clapham Jct"],
        ["Powis St, Woolwich", "Woolwich, Powis Street"],
        ["Shepherd’s Bush", "Shepherds Bush"],
    ],
)
def test_location_key_same_place(spellings):
    keys = {location_key(s) for s in spellings}
    assert len(keys) == 1, keys


def test_location_key_values():
    assert location_key("North End, Croydon") == "croydon-north-end"
    assert location_key("Belvedere Rd, Waterloo") == "belvedere-road-waterloo"
    # `St` opening a part is Saint; elsewhere it is Street.
    assert location_key("St Ann’s, Harrow") == "harrow-st-anns"
    assert location_key("Powis St,") == "powis-street"
    assert location_key("") == "unknown"


def test_location_key_different_places():
    assert location_key("Croydon, George St") != location_key("Croydon, Church St")
    assert location_key("Westminster") != location_key("Westminster Bridge Street")


def test_assign_ids_ordinals_in_document_order():
    day, other_day = date(2024, 8, 22), date(2024, 8, 23)
    rows = [
        (day, "Westminster"),
        (day, "Camden"),
        (day, "Westminster"),
        (other_day, "Westminster"),
        (day, "Westminster"),
        (day, "North End, Croydon"),
        (day, "Croydon, Northend"),
    ]
    assert assign_ids(rows) == [
        "2024-08-22-westminster-1",
        "2024-08-22-camden-1",
        "2024-08-22-westminster-2",
        "2024-08-23-westminster-1",
        "2024-08-22-westminster-3",
        "2024-08-22-croydon-north-end-1",
        "2024-08-22-croydon-north-end-2",
    ]
