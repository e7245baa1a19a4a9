"""The bundled sample: two deployment records and three Mayor's answers, every one labelled SAMPLE.

Owns what `lfrwatch demo` serves. The 2020 record carries the figures the
London Assembly members published in their 2020 letter (Stratford on 11
February: 4,600 faces, no alerts; Oxford Circus on 21 February stopped by
a technical fault; Oxford Circus on 27 February: 8,600 faces, 8 alerts, 7
of them false, one arrest); the 2025 record's figures are invented, and one
of its rows is deliberately wrong so the checks have something to find.
The answers are written for the demo: one agrees with the records, one
contradicts them, one needs a person. Nothing here is a Met document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from demo.typeset import FLAT_HEADER, FLAT_WIDTHS, GridTable, data_row, render_pdf

SAMPLE_NOTE = "SAMPLE data bundled with LFR Watch (lfrwatch demo): not a Met document"
LFR = "/SysSiteAssets/media/downloads/force-content/met/advice/lfr"
INDEX_PATH = "/advice/advice-and-information/fr/facial-recognition-technology/"
RECORD_2020 = f"{LFR}/new/lfr-deployment-grid-2020-2022.pdf"
RECORD_2025 = f"{LFR}/deployment-records/lfr-deployment-grid.pdf"
FIND = "/who-we-are/what-london-assembly-does/questions-mayor/find-an-answer"


def records() -> dict[str, bytes]:
    """The sample deployment records as PDFs, by their path on the Met's site."""
    letter = [
        data_row("Stratford", "11/02/20", true_confirmed="0", true_unconfirmed="0", false_confirmed="0",
                 false_unconfirmed="0", rate="0%", arrests="0", other="0", no_action="0", faces="4600",
                 watchlist="5816", threshold="0.6", duration="5h00m"),
        data_row("Oxford Circus\n(technical fault\nstopped deployment)", "21/02/20", total="N/A", true_confirmed="N/A",
                 true_unconfirmed="N/A", false_confirmed="N/A", false_unconfirmed="N/A", rate="N/A", arrests="N/A",
                 other="N/A", no_action="N/A", faces="N/A", watchlist="7316", threshold="0.6", duration="0h40m"),
        data_row("Oxford Circus", "27/02/20", true_confirmed="1", true_unconfirmed="0", false_confirmed="7",
                 false_unconfirmed="0", rate="0.08%", arrests="1", other="0", no_action="0", faces="8600",
                 watchlist="7292", threshold="0.6", duration="5h30m"),
    ]
    invented = [
        data_row("Croydon, North End", "14/01/25", true_confirmed="6", false_confirmed="0", false_unconfirmed="0",
                 true_unconfirmed="0", arrests="5", other="1", no_action="0", faces="5200", rate="0%"),
        data_row("Croydon, George St", "14/01/25", true_confirmed="4", false_confirmed="0", false_unconfirmed="0",
                 true_unconfirmed="0", arrests="3", other="1", no_action="0", faces="4100", rate="0%"),
        data_row("High St, Sutton", "22/01/25", true_confirmed="3", false_confirmed="1", false_unconfirmed="0",
                 true_unconfirmed="0", arrests="2", other="1", no_action="0", faces="3900", rate="0.03%"),
        data_row("Woolwich", "05/02/25", true_confirmed="7", false_confirmed="0", false_unconfirmed="0",
                 true_unconfirmed="1", arrests="6", other="1", no_action="0", faces="6100", rate="0%"),
        # Deliberately wrong: 9 alerts printed, its parts add up to 8 (the checks report it).
        data_row("Oxford Circus", "19/02/25", true_confirmed="7", false_confirmed="1", false_unconfirmed="0",
                 true_unconfirmed="0", total="9", arrests="4", other="2", no_action="1", faces="9400", rate="0.01%"),
        data_row("Bethnal Green", "04/03/25", true_confirmed="2", false_confirmed="0", false_unconfirmed="0",
                 true_unconfirmed="0", arrests="2", other="0", no_action="0", faces="2800", rate="0%"),
    ]
    return {
        RECORD_2020: render_pdf([GridTable([FLAT_HEADER, *letter], FLAT_WIDTHS, header_rows=1)],
                                title="SAMPLE MPS LFR DEPLOYMENTS 2020 (figures of the 2020 letter)"),
        RECORD_2025: render_pdf([GridTable([FLAT_HEADER, *invented], FLAT_WIDTHS, header_rows=1)],
                                title="SAMPLE MPS LFR DEPLOYMENTS 2025 (invented figures)"),
    }


def index_page() -> bytes:
    """The Met's LFR page, as the sample serves it."""
    links = "".join(f'<li><a href="{path}">SAMPLE deployment record (PDF)</a></li>'
                    for path in (RECORD_2020, RECORD_2025))
    return (f"<!doctype html><html lang=\"en\"><head><title>Facial Recognition Technology (SAMPLE)</title></head>"
            f"<body><main><h1>Facial Recognition Technology</h1><p>{SAMPLE_NOTE}.</p><h2>Deployment records</h2>"
            f"<ul>{links}</ul></main></body></html>").encode()


@dataclass(frozen=True)
class Answer:
    slug: str
    title: str
    reference: str
    meeting: date
    question: str
    answered: date
    text: str  # HTML paragraphs

    @property
    def path(self) -> str:
        return f"{FIND}/{self.slug}"


ANSWERS = [
    Answer("sample-police-use-of-live-facial-recognition-6", "[SAMPLE] Police use of live facial recognition (6)",
           "2020/9001", date(2020, 3, 19), "How many faces were scanned in the first deployments of 2020, and how "
           "many people were misidentified?", date(2020, 3, 30),
           "<p>In the first two deployments of 2020, more than 13,000 faces were scanned, eight people caused a system "
           "alert, of whom seven were misidentified.</p>"),
    Answer("sample-live-facial-recognition-in-croydon", "[SAMPLE] Live facial recognition in Croydon", "2025/9002",
           date(2025, 1, 23), "What were the results of the deployments in Croydon in January?", date(2025, 2, 3),
           "<p>Officers deployed LFR at two sites in Croydon town centre on 14 January 2025.</p>"
           "<p>As a result of 12 alerts, ten people were arrested.</p>"),
    Answer("sample-live-facial-recognition-arrests", "[SAMPLE] Live facial recognition arrests", "2025/9003",
           date(2025, 3, 6), "How many arrests has live facial recognition led to?", date(2025, 3, 14),
           "<p>Well over 800 wanted people have now been arrested using the technology.</p>"),
]


def question_page(answer: Answer) -> bytes:
    """A question page in the site's current layout."""
    d = answer.answered
    return f"""<!doctype html><html lang="en"><head><title>{answer.title} | London City Hall</title>
<link rel="canonical" href="https://www.london.gov.uk{answer.path}"></head>
<body><main id="main-content" role="main"><div class="u-space-y-5">
<div class="section-title"><h2 class="section-title__heading">Question</h2></div>
<h3 class="page-section">{answer.title}</h3>
<div class="rich-text"><p>{answer.question}</p></div>
<table class="styled-table"><tbody>
<tr><td class="styled-table__label">Meeting:</td><td>Mayor's Question Time - {answer.meeting.day} {answer.meeting:%B %Y}</td></tr>
<tr><td class="styled-table__label">Question by:</td><td>Sample Member AM</td></tr>
<tr><td class="styled-table__label">Reference:</td><td>{answer.reference}</td></tr>
<tr><td class="styled-table__label">Asked of:</td><td>The Mayor</td></tr>
</tbody></table></div>
<div class="section-title"><h2 id="answer" class="section-title__heading">Answer</h2></div>
<div class="u-space-y-7"><div class="u-space-y-5"><span>Date:  {d:%A} {d.day} {d:%B %Y}</span>
<div class="rich-text">{answer.text}<p>({SAMPLE_NOTE}.)</p></div></div></div>
</main></body></html>""".encode()


def search_page(term: str, since: date, until: date, page: int) -> bytes:
    """The find-an-answer results for a search, ten a page."""
    hits = [a for a in ANSWERS if since <= a.meeting <= until and term.lower() in (a.title + a.text).lower()]
    shown = hits[page * 10:(page + 1) * 10]
    items = "".join(f'<li><h3><a href="{a.path}">{a.title}</a></h3><p>Reference: {a.reference}</p></li>' for a in shown)
    listing = f"<ul>{items}</ul>" if shown else "<p>No results found.</p>"
    return (f"<!doctype html><html><head><title>Find an answer (SAMPLE)</title></head><body><main><h1>Find an answer"
            f"</h1>{listing}</main></body></html>").encode()
