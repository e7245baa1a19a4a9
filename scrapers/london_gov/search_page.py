"""The new site's find-an-answer search → question URLs; old-site question URLs.

Owns: building the search URL (docs/sources.md §2.2), reading one results page
into `SearchResult`s, and recognising old-site question URLs
(`/questions/YYYY/NNNN`, §2.1). Pure: HTML and URL in, records out.

Results are found by their links (`…/find-an-answer/<slug>`), not by the
list's class names, which we have never seen; each result's labels are read
from the list item (or article) around its link, else from the largest
element around it that holds no other result. A page without
result links must say it has no results, otherwise the layout changed and
`SourceFormatError` is raised: a silent empty page would end a backfill.

Proof: tests/test_london_gov_parsers.py (search_* fixtures).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from schemas.questions import SearchPage, SearchResult
from scrapers.errors import SourceFormatError, never_crash
from scrapers.london_gov.names import normalise_person

FIND_AN_ANSWER_PATH = "/who-we-are/what-london-assembly-does/questions-mayor/find-an-answer"
RESULTS_PER_PAGE = 10  # a page with fewer is the last one

_RESULT_PATH_RE = re.compile(re.escape(FIND_AN_ANSWER_PATH) + r"/([^/?#]+)/?$")
_OLD_QUESTION_PATH_RE = re.compile(r"^/questions/(\d{4})/(\d{4,5})/?$")
_REFERENCE_RE = re.compile(r"Reference:\s*(\d{4}/\d+)", re.IGNORECASE)
_ASKED_BY_RE = re.compile(r"Question by:\s*([^\n]+)", re.IGNORECASE)
_MEETING_DATE_RE = re.compile(r"Meeting date:\s*([^\n]+)", re.IGNORECASE)
_NO_RESULTS_RE = re.compile(r"\bno (?:results|questions|answers) (?:were )?(?:found|match)|\b0 results\b", re.IGNORECASE)


def search_url(base_url: str, date_from: date, date_to: date, text: str, page: int) -> str:
    """The find-an-answer URL for one results page (`page` from 0) under `base_url` (scheme and host)."""
    query = urlencode(
        [
            ("date_from", date_from.isoformat()),
            ("date_to", date_to.isoformat()),
            ("question_text", text),
            ("sort_by", "date"),
            ("sort_order", "ASC"),
            ("page", str(page)),
        ]
    )
    return f"{base_url.rstrip('/')}{FIND_AN_ANSWER_PATH}?{query}"


def is_old_question_url(url: str) -> bool:
    """True for an old-site question URL, `/questions/YYYY/NNNN`."""
    return old_question_reference(url) is not None


def old_question_reference(url: str) -> str | None:
    """The reference `YYYY/NNNN` an old-site question URL carries; None for any other URL."""
    match = _OLD_QUESTION_PATH_RE.match(urlsplit(url).path)
    return f"{match.group(1)}/{match.group(2)}" if match else None


@never_crash("search page")
def parse_search(html: str | bytes, url: str) -> SearchPage:
    """The results of one search page, in page order; raises SourceFormatError when no results list is found."""
    soup = BeautifulSoup(html, "lxml")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    links: dict[str, list[Tag]] = {}
    for a in soup.find_all("a", href=True):
        if result_url := _result_url(a["href"], url):
            links.setdefault(result_url, []).append(a)
    if not links and not _NO_RESULTS_RE.search(" ".join(soup.get_text().split())):
        raise SourceFormatError(
            url, f'a[href*="{FIND_AN_ANSWER_PATH}/"]', "no result links and no 'no results' message"
        )
    results = [_result(anchors, result_url, url) for result_url, anchors in links.items()]
    return SearchPage(results=results, page=_page_number(url))


def _result(anchors: list[Tag], result_url: str, page_url: str) -> SearchResult:
    block = _result_block(anchors[0], result_url, page_url)
    title = next((t for t in (" ".join(a.get_text().split()) for a in anchors) if t), "")
    if not title and (heading := block.find(["h2", "h3", "h4"])):
        title = " ".join(heading.get_text().split())
    if not title:
        raise SourceFormatError(page_url, f'result "{result_url}"', "no title")
    text = block.get_text("\n")
    reference = _REFERENCE_RE.search(text)
    asked_by = _ASKED_BY_RE.search(text)
    meeting = _MEETING_DATE_RE.search(text)
    meeting_date = None
    if meeting:
        printed = " ".join(meeting.group(1).split())
        try:
            meeting_date = datetime.strptime(printed, "%d %B %Y").date()
        except ValueError:
            raise SourceFormatError(page_url, f'result "{result_url}" Meeting date:', f"unreadable date {printed!r}") from None
    return SearchResult(
        url=result_url,
        title=title,
        reference=reference.group(1) if reference else None,
        asked_by=normalise_person(asked_by.group(1)) if asked_by and asked_by.group(1).strip() else None,
        meeting_date=meeting_date,
    )


def _result_block(anchor: Tag, result_url: str, page_url: str) -> Tag:
    """The element around `anchor` that holds its result: the nearest list item or
    article, else the largest ancestor holding no other result and no page furniture
    (a form or the h1), so a page's only result doesn't swallow the page."""
    block = anchor
    while block.name not in ("li", "article", "tr") and block.parent is not None:
        parent = block.parent
        if parent.name in ("body", "html", "main", "[document]") or parent.find(["form", "h1"]):
            break
        if any(url != result_url for a in parent.find_all("a", href=True) if (url := _result_url(a["href"], page_url))):
            break
        block = parent
    return block


def _result_url(href: str, page_url: str) -> str | None:
    """The absolute question URL a result link points at (new `find-an-answer/<slug>` or old
    `/questions/YYYY/NNNN`); None for other links (facets carry a '?')."""
    href = href.strip()
    if "?" in href:
        return None
    absolute = urljoin(page_url, href).split("#", 1)[0]
    path = urlsplit(absolute).path
    return absolute if _RESULT_PATH_RE.search(path) or _OLD_QUESTION_PATH_RE.match(path) else None


def _page_number(url: str) -> int:
    values = parse_qs(urlsplit(url).query).get("page", ["0"])
    return int(values[0]) if values[0].isdigit() else 0
