"""A Mayor's Question page (either site era) → one `Question` with its answers.

Owns reading both london.gov.uk layouts (docs/sources.md §2.1 old Drupal site,
§2.2 new site from about December 2022), detected from the page itself,
never from the URL or a date. Pure: HTML and URL in, records out; no
network, disk, clock or database.

A page whose layout cannot be read (no title, neither layout, a login or
bot-check page) raises `SourceFormatError` naming the URL and what was
missing; it never yields a Question with empty fields. Reading answer
bodies, links, dates and names, which both eras share, is answer_body.py.

Proof: tests/test_london_gov_parsers.py over tests/fixtures/london_gov/.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from bs4 import BeautifulSoup, NavigableString, Tag

from schemas.questions import Answer, Question
from scrapers.errors import SourceFormatError, never_crash
from scrapers.london_gov.answer_body import (
    absolute_links,
    clean,
    date_or_error,
    make_answer,
    node_text,
    person_or_none,
    read_body,
)
from scrapers.london_gov.names import normalise_person
from scrapers.london_gov.search_page import old_question_reference


_OLD_LABELS = ("meeting", "session date", "reference", "question by", "organisation", "asked of", "answered by")
_OLD_LABEL_RE = re.compile(r"^\s*(" + "|".join(_OLD_LABELS) + r"):\s*$", re.IGNORECASE)
# New-site answers open with a line like "Date:  Tuesday 20 December 2022" (two spaces).
_NEW_ANSWER_DATE_RE = re.compile(r"^Date:\s*(?:[A-Za-z]+,?\s+)?(\d{1,2}\s+[A-Za-z]+\s+\d{4})")
_TRAILING_DATE_RE = re.compile(r"(\d{1,2}\s+[A-Za-z]+\s+\d{4})\s*$")
_ISO_DATE_RE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
_BOT_CHECK_RE = re.compile(
    r"just a moment|attention required|access denied|verify you are human|checking your browser"
    r"|captcha|sign in|log in|login",
    re.IGNORECASE,
)


@never_crash("page")
def parse_question(html: str | bytes, url: str) -> Question:
    """The question and its answers; raises SourceFormatError when the layout can't be read."""
    soup = BeautifulSoup(html, "lxml")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    canonical = soup.find("link", rel="canonical", href=True)
    canonical_url = urljoin(url, canonical["href"].strip()) if canonical else url
    if soup.select_one("table.styled-table, h3.page-section"):
        return _parse_new(soup, url, canonical_url)
    if soup.select_one("div.answers, article.node--answer, div.field--name-field-asked-by"):
        return _parse_old(soup, url, canonical_url)
    raise SourceFormatError(url, "page", _unreadable_page_problem(soup))


# --- new site (docs/sources.md §2.2) -------------------------------------------


def _parse_new(soup: BeautifulSoup, url: str, canonical_url: str) -> Question:
    title_el = None
    for section_title in soup.select("div.section-title"):
        title_el = section_title.find_next_sibling("h3", class_="page-section")
        if title_el is not None:
            break
    title = clean(title_el.get_text()) if title_el else ""
    if not title:
        raise SourceFormatError(url, "div.section-title + h3.page-section", "missing: no question title")
    question_el = title_el.find_next_sibling("div", class_="rich-text") or title_el.find_next(
        "div", class_="rich-text"
    )
    question_text = read_body(question_el.children, url).text if question_el else ""
    if not question_text:
        raise SourceFormatError(url, "div.rich-text after h3.page-section", "missing: no question text")

    fields = _new_table_fields(soup, url)
    for required in ("meeting", "question by"):
        if not fields.get(required):
            raise SourceFormatError(url, "table.styled-table", f"no '{required.capitalize()}:' row")
    meeting = fields["meeting"]
    match = _TRAILING_DATE_RE.search(meeting)
    meeting_date = date_or_error(match.group(1) if match else "", url, "table.styled-table 'Meeting:'", meeting)
    return Question(
        url=canonical_url,
        title=title,
        reference=fields.get("reference") or None,
        asked_by=normalise_person(fields["question by"]),
        organisation=fields.get("organisation") or None,
        asked_of=person_or_none(fields.get("asked of")),
        meeting=meeting,
        meeting_date=meeting_date,
        question_text=question_text,
        answers=_new_answers(soup, url),
        layout="new",
    )


def _new_table_fields(soup: BeautifulSoup, url: str) -> dict[str, str]:
    """Label (lower case, colon dropped) → value, from the first table.styled-table (the question's)."""
    table = soup.select_one("table.styled-table")
    if table is None:
        raise SourceFormatError(url, "table.styled-table", "missing: no question details table")
    fields: dict[str, str] = {}
    for row in table.find_all("tr"):
        cells = row.find_all(["th", "td"])
        label = clean(cells[0].get_text()) if cells else ""
        if len(cells) >= 2 and label.endswith(":"):
            fields.setdefault(label[:-1].strip().lower(), clean(cells[1].get_text()))
    if not fields:
        raise SourceFormatError(url, "table.styled-table", "no label cells ending in ':'")
    return fields


def _new_answers(soup: BeautifulSoup, url: str) -> list[Answer]:
    heading = soup.find("h2", id="answer")
    if heading is None:
        return []
    container = heading.find_next("div", class_="u-space-y-7")
    if container is None:
        raise SourceFormatError(url, 'h2#answer then div.u-space-y-7', "answer heading without an answer list")
    # Outermost u-space-y-5 only: answer HTML may nest the same utility class.
    blocks = [b for b in container.find_all("div", class_="u-space-y-5") if not _nested_in(b, container)]
    answers = []
    for position, block in enumerate(blocks, start=1):
        where = f"div.u-space-y-7 > div.u-space-y-5 #{position}"
        nodes = [node for node in block.children if clean(node_text(node))]
        first_line = clean(node_text(nodes[0])) if nodes else ""
        match = _NEW_ANSWER_DATE_RE.match(first_line)
        if not match:
            expected = "a first line 'Date:  <weekday> <d Month yyyy>'"
            raise SourceFormatError(url, where, f"expected {expected}, found {first_line[:60]!r}")
        answer_date = date_or_error(match.group(1), url, where, first_line)
        body = read_body(nodes[1:], url, where)
        anchors = (a for node in nodes[1:] if isinstance(node, Tag) for a in node.find_all("a", href=True))
        # The new site has no attachments field: documents are linked from the answer's text.
        attachments = absolute_links(anchors, url, documents_only=True)
        answers.append(make_answer(None, answer_date, body, attachments, False, position))
    return answers


def _nested_in(block: Tag, container: Tag) -> bool:
    outer = block.find_parent("div", class_="u-space-y-5")
    return outer is not None and any(parent is container for parent in outer.parents)


# --- old site (docs/sources.md §2.1) -------------------------------------------


def _parse_old(soup: BeautifulSoup, url: str, canonical_url: str) -> Question:
    main = soup.find("div", attrs={"role": "main"}) or soup
    h1 = main.find("h1")
    title = clean(h1.get_text()) if h1 else ""
    if not title:
        raise SourceFormatError(url, 'div[role="main"] h1', "missing: no question title")
    labels = _old_labels(main, outside_answers=True)

    asker_el = main.select_one("div.field--name-field-asked-by div.field__item")
    asked_by = clean(asker_el.get_text()) if asker_el else labels.get("question by", "")
    body_el = next((el for el in main.select("div.field--name-body") if not _in_answers(el)), None)
    if body_el is not None:
        body_el = body_el.select_one("div.field__item") or body_el
    question_text = read_body(body_el.children, url).text if body_el else ""
    if not question_text:
        raise SourceFormatError(url, "div.field--name-body div.field__item", "missing: no question text")

    meeting = labels.get("meeting") or None
    if labels.get("session date"):
        meeting_date = date_or_error(labels["session date"], url, "'Session date:'", labels["session date"])
    elif meeting and (match := _ISO_DATE_RE.search(meeting)):
        meeting_date = date_or_error(match.group(1), url, "'Meeting:'", meeting)
    else:
        meeting_date = None  # 2017 pages print neither (docs/sources.md §2.1)
    return Question(
        url=canonical_url,
        title=title,
        # 2017 pages print no Reference: the old URL carries it (/questions/2017/3368 → 2017/3368).
        reference=labels.get("reference") or old_question_reference(canonical_url) or old_question_reference(url),
        asked_by=person_or_none(asked_by),
        organisation=labels.get("organisation") or None,
        asked_of=person_or_none(labels.get("asked of")),
        meeting=meeting,
        meeting_date=meeting_date,
        question_text=question_text,
        answers=_old_answers(main, url),
        layout="old",
    )


def _old_answers(main: Tag, url: str) -> list[Answer]:
    answers_el = main.find("div", class_="answers")
    if answers_el is None:
        raise SourceFormatError(url, "div.answers", "missing: no answers section")
    answers: list[Answer] = []
    for node in answers_el.find_all(["article", "p"]):
        position = len(answers) + 1
        in_article = node.find_parent("article", class_="node--answer") is not None
        if node.name == "p" and "holding" in node.get("class", []) and not in_article:
            # Awaiting an answer: the page says so instead of printing one.
            body = read_body([node], url)
            answers.append(make_answer(None, None, body, [], True, position))
        elif node.name == "article" and "node--answer" in node.get("class", []):
            answers.append(_old_answer(node, url, position))
    return answers  # div.no-answer alone: no answers


def _old_answer(article: Tag, url: str, position: int) -> Answer:
    where = f"div.answers article.node--answer #{position}"
    by_el = article.select_one("div.field--name-field-answered-by div.field__item")
    answered_by = clean(by_el.get_text()) if by_el else _old_labels(article).get("answered by")
    date_el = article.select_one("div.field--name-post-date div.field__item")
    if date_el is None:
        raise SourceFormatError(url, f"{where} div.field--name-post-date div.field__item", "missing: no answer date")
    answer_date = date_or_error(date_el.get_text(), url, where, clean(date_el.get_text()))
    body_el = article.select_one("div.field--name-body")
    if body_el is None:
        raise SourceFormatError(url, f"{where} div.field--name-body", "missing: no answer text")
    body_el = body_el.select_one("div.field__item") or body_el
    body = read_body(body_el.children, url, where)
    attachments = absolute_links(article.select("div.field--name-field-attachments a[href]"), url)
    holding = article.select_one("p.holding") is not None
    return make_answer(person_or_none(answered_by), answer_date, body, attachments, holding, position)


def _old_labels(root: Tag, outside_answers: bool = False) -> dict[str, str]:
    """Label → value, each value being the first non-empty node after its label's element."""
    values: dict[str, str] = {}
    for label in root.find_all(string=_OLD_LABEL_RE):
        if outside_answers and _in_answers(label):
            continue
        el, value = label.parent, ""
        while el is not None and el is not root and not value:
            value = next((t for t in (clean(node_text(n)) for n in el.next_siblings) if t), "")
            el = el.parent
        values.setdefault(_OLD_LABEL_RE.match(label).group(1).lower(), value)
    return values


def _in_answers(el: Tag | NavigableString) -> bool:
    return any(parent.name == "div" and "answers" in parent.get("class", []) for parent in el.parents)


def _unreadable_page_problem(soup: BeautifulSoup) -> str:
    title = clean(soup.title.get_text()) if soup.title else ""
    problem = (
        "neither question layout found (new: table.styled-table / h3.page-section; "
        f"old: div.answers / article.node--answer); page title {title!r}"
    )
    page_text = title + " " + clean(soup.get_text())[:2000]
    if soup.select_one("input[type=password]") or _BOT_CHECK_RE.search(page_text):
        problem += "; looks like a login or bot-check page"
    return problem
