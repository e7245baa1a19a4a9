"""Reading the parts of a question page both site eras share: answer bodies, links, dates, names.

Owns turning answer markup into paragraphs and tables (tables kept as rows
and as tab-separated text), absolute attachment links, printed dates in
every format either site uses, and normalised names. Pure: no network,
disk, clock or database. The page layouts themselves are question_page.py.

Proof: tests/test_london_gov_parsers.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urljoin, urlsplit

from bs4 import NavigableString, Tag

from schemas.questions import Answer
from scrapers.errors import SourceFormatError
from scrapers.london_gov.names import normalise_person

HOLDING_PHRASE = "officers are drafting a response"

_BLOCK_TAGS = [
    "p", "div", "section", "article", "ul", "ol", "li", "table", "blockquote",
    "h1", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd", "pre", "figure",
]
_DOCUMENT_SUFFIXES = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".csv", ".odt", ".ods", ".ppt", ".pptx", ".zip")
_WEEKDAY_RE = re.compile(r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+", re.IGNORECASE)
_DATE_FORMATS = ("%d %B %Y", "%B %d, %Y", "%B %d %Y", "%Y-%m-%d", "%d/%m/%Y", "%d %b %Y")


@dataclass
class Body:
    """An answer's text as paragraphs and tables, and as one string."""

    paragraphs: list[str]
    tables: list[list[list[str]]]
    text: str


def parse_printed_date(text: str) -> date:
    """A date as either site prints it ('30 March 2020', 'Monday, February 24, 2020', ...).

    Raises ValueError when no known format fits.
    """
    cleaned = _WEEKDAY_RE.sub("", clean(text))
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"unreadable date {text!r}")


def make_answer(
    answered_by: str | None, answer_date: date | None, body: Body, attachments: list[str], holding: bool, position: int
) -> Answer:
    return Answer(
        answered_by=answered_by,
        answer_date=answer_date,
        text=body.text,
        paragraphs=body.paragraphs,
        tables=body.tables,
        attachments=attachments,
        holding=holding or HOLDING_PHRASE in body.text.lower(),
        position=position,
    )


def read_body(nodes, url: str, where: str | None = None) -> Body:
    """Paragraphs and tables in page order; empty paragraphs dropped; raises if `where` is given and nothing is left."""
    blocks = _blocks(nodes)
    paragraphs = [b for b in blocks if isinstance(b, str)]
    tables = [b for b in blocks if isinstance(b, list)]
    text = "\n\n".join(b if isinstance(b, str) else "\n".join("\t".join(row) for row in b) for b in blocks)
    if where is not None and not text:
        raise SourceFormatError(url, where, "answer without text")
    return Body(paragraphs, tables, text)


def _blocks(nodes) -> list[str | list[list[str]]]:
    """Block texts and tables in page order, read with an explicit stack: a page nested thousands of
    elements deep (a hostile or broken page) must not exhaust Python's recursion limit."""
    blocks: list[str | list[list[str]]] = []
    inline: list[str] = []

    def flush() -> None:
        text = clean("".join(inline))
        inline.clear()
        if text:
            blocks.append(text)

    nodes = list(nodes)
    # Which elements hold a block element somewhere below: marked bottom-up once (each ancestor once), so a page
    # nested thousands deep costs one pass, not a search of every subtree at every level.
    holds_block: set[int] = set()
    for top in nodes:
        if isinstance(top, Tag):
            for element in top.find_all(_BLOCK_TAGS):
                parent = element.parent
                while parent is not None and id(parent) not in holds_block:
                    holds_block.add(id(parent))
                    parent = parent.parent
    stack = [iter(nodes)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            if stack:
                flush()  # the end of a block element
            continue
        if isinstance(node, Tag) and node.name in ("script", "style"):
            continue
        if isinstance(node, Tag) and node.name == "table":
            flush()
            rows = [[clean(c.get_text()) for c in tr.find_all(["th", "td"])] for tr in node.find_all("tr")]
            if rows := [row for row in rows if any(row)]:
                blocks.append(rows)
        elif isinstance(node, Tag) and (node.name in _BLOCK_TAGS or id(node) in holds_block):
            flush()
            if id(node) in holds_block:
                stack.append(iter(list(node.children)))
            elif text := clean(node.get_text()):
                blocks.append(text)
        else:
            inline.append(node_text(node))
    flush()
    return blocks


def absolute_links(anchors, url: str, documents_only: bool = False) -> list[str]:
    links: list[str] = []
    for a in anchors:
        link = urljoin(url, a["href"].strip())
        if documents_only and not urlsplit(link).path.lower().endswith(_DOCUMENT_SUFFIXES):
            continue
        if link not in links:
            links.append(link)
    return links


def node_text(node) -> str:
    if isinstance(node, Tag):
        return node.get_text()
    if type(node) is NavigableString:  # not comments, doctypes, CDATA
        return str(node)
    return ""


def clean(text: str) -> str:
    return " ".join(text.split())


def person_or_none(name: str | None) -> str | None:
    return normalise_person(name) if name and name.strip() else None


def date_or_error(text: str, url: str, where: str, found: str) -> date:
    try:
        return parse_printed_date(text)
    except ValueError:
        raise SourceFormatError(url, where, f"no readable date in {found!r}") from None
