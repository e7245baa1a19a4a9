"""A statement's text as blocks (paragraphs, list items) of sentences.

Owns where sentences and blocks begin and end, so the passage reader
(scrapers/claims.py) can carry a context frame across sentences and keep
list items apart. Sentences are exact substrings of the text; abbreviations
("approx.", "St.", "No. 5"), initials, decimals and thousands never split.
A list is either lines with a bullet ("- ", "• ", "1. ", a report's "2.1 ") or a
label ("Alerts: 378", "January 2025: 16 deployments, 74 arrests"), or the
paragraphs after one that ends with a colon,
while they stay short.
Pure: no I/O. Proof: tests/test_claims.py (splitting) and
tests/test_passages.py (blocks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrapers.claim_tables import cells_of, is_table, split_row

_ABBREVIATIONS = set(
    "approx e.g i.e eg ie no nos st dr mr mrs ms cllr vs v c cf para paras sec s ss fig figs jan feb mar apr "
    "jun jul aug sep sept oct nov dec est incl ref govt dept p pp ca al rt hon prof sgt insp supt det cmdr ch "
    "supt insp pc ds dc dci dcs ac dac".split())
# a stop, closing quotes and brackets, and a footnote marker ("… on 11 February.7 They show", "… arrests.[15] The")
# … or an answer's next lettered part ("… the following information. (a) In 2020, …")
_BOUNDARY = re.compile(r"[.!?]+[\"'’”)\]]*(?:(?<=[A-Za-z%)’\"”][.!?])\d{1,3}|\[\d{1,3}\])?\s+"
                       r"(?=[\"'‘“(\[]?[A-Z0-9£]|\((?:[a-h]|[ivx]{1,4})\)\s)")
_LETTERED = re.compile(r"^\s*\([a-z]\)\s+")  # "(a) The MPS has advised …": an answer's part, running prose
_BULLET = re.compile(r"^\s*(?:[-•*–▪●]|\d{1,2}[.)/]|\d{1,2}(?:\.\d{1,2})+\.?(?=\s+[A-Z])|\([a-z0-9]{1,3}\))\s+")
# "Faces seen (estimate): 712,000" on a line of its own: a report's labelled figure, an item like a bulleted one
_LABEL_LINE = re.compile(r"^\s*[A-Z][\w ()'’/,-]{1,50}:\s*(?:approx(?:imately|\.)?\s+|around\s+|over\s+)?\d[\d,.]*\s*%?\s*$")
# "January 2025: 16 deployments, 168 alerts, 74 arrests", "2025 (to 31 May): 82 deployments", "Sutton: 4 deployments,
# 9 arrests": an answer's list of figures by month, year or place, one line each with no bullet
_FIGURE = r"(?:approx(?:imately|\.)?\s+|around\s+|over\s+)?\d[\d,.]*\s*%?(?:\s+[a-z]+(?:[ -][a-z]+){0,2})?"
# ("28 March 2024: 6 arrests": a day's line; "April – 4 deployments, 11 arrests": a dash for the colon)
_LABEL_FIGURES = re.compile(rf"^\s*(?:[A-Z][\w ()'’/,.-]{{0,50}}?|(?:19|20)\d{{2}}(?:/\d{{2}})?(?:\s*\([^)]{{1,30}}\))?|"
                            rf"\d{{1,2}}(?:st|nd|rd|th)?\s+[A-Z][a-z]+(?:\s+(?:19|20)\d{{2}})?)(?:\s*:|\s+[–—-])\s*"
                            # ("10 December 2024: Camden High Rd, 2 alerts, 1 arrest": the day's place, then its figures)
                            rf"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,4}}(?:,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}})?,\s*)?"
                            rf"{_FIGURE}(?:\s*[,;]\s*(?:and\s+)?{_FIGURE})*(?:\s*\([^()]{{1,80}}\))?\s*\.?\s*$")
# A list item after a colon is a fragment or one sentence, not a paragraph of prose.
_ITEM_MAX_CHARS = 300
_SENTENCE_MAX_CHARS = 3000


@dataclass(frozen=True)
class Sentence:
    """One sentence: its exact text, 1-based index in the statement, and its block."""

    text: str
    index: int
    block: int
    list_no: int | None  # the list it is an item of (items of one list share it), None in running prose
    header: tuple[str, ...] | None = None  # a table row: its table's header cells …
    cells: tuple[str, ...] | None = None  # … and its own (None for the header line and for prose)


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, each an exact (stripped) substring."""
    return [s.text for s in read_blocks(text)]


def _split_block(block: str) -> list[str]:
    sentences, start = [], 0
    for m in _BOUNDARY.finditer(block):
        word = re.search(r"([\w.]*)$", block[:m.start()])[1]
        if block[m.start()] == "." and (re.fullmatch(r"[A-Z]", word) or word.lower() in _ABBREVIATIONS
                                        and (word.lower() != "no" or block[m.end()].isdigit())):
            continue
        sentences.append(block[start:m.start() + len(m.group().rstrip())])
        start = m.end()
    sentences.append(block[start:])
    return [piece for s in sentences if s.strip() for piece in _bounded(s.strip())]


def _bounded(sentence: str) -> list[str]:
    """A "sentence" longer than any prose has (a table or a list pasted without stops) in pieces cut at spaces."""
    pieces = []
    while len(sentence) > _SENTENCE_MAX_CHARS:
        cut = sentence.rfind(" ", 0, _SENTENCE_MAX_CHARS)
        cut = cut if cut > 0 else _SENTENCE_MAX_CHARS
        pieces.append(sentence[:cut].strip())
        sentence = sentence[cut:].strip()
    return [p for p in pieces + [sentence] if p]


def _paragraphs(text: str) -> list[list[str]]:
    """Paragraphs (blank-line separated), each a list of its lines, exactly as in the text."""
    return [[line for line in para.splitlines() if line.strip()] for para in re.split(r"\n\s*\n", text)
            if para.strip()]


def _join(text: str, first: str, last: str) -> str:
    """The exact stretch of `text` from line `first` to line `last` (both already in it, in order)."""
    a = text.index(first)
    return text[a:text.index(last, a) + len(last)].strip()


def _segments(text: str) -> list[tuple[list[str], bool]]:
    """Each paragraph's lines, with a table inside it apart from a caption before it and a source line after
    ("Table 1: …" / "Period | Deployments | Arrests" / rows / "Source: MPS …"): (lines, is a table)."""
    out = []
    for lines in _paragraphs(text):
        span = next(((i, j) for i in range(len(lines) - 1) if (j := _table_end(lines, i))), None)
        if span is None:
            out.append((lines, False))
            continue
        i, j = span
        out += [(part, table) for part, table in ((lines[:i], False), (lines[i:j], True), (lines[j:], False)) if part]
    return out


def _table_end(lines: list[str], i: int) -> int | None:
    """Where the table whose header is lines[i] ends (after at least one row), or None."""
    if not is_table(lines[i:i + 2]):
        return None
    sep, header = split_row(lines[i])
    j = i + 2
    while j < len(lines) and len(cells_of(lines[j], sep, len(header))) == len(header):
        j += 1
    return j


def read_blocks(text: str) -> list[Sentence]:
    """Every sentence in order, with its block and list membership."""
    blocks: list[tuple[str, int | None]] = []  # (exact block text, list number)
    tables: dict[int, tuple[tuple[str, ...], tuple[str, ...] | None]] = {}  # block → (header, cells)
    lists = 0
    open_list: int | None = None  # the list still going, and whether a colon opened it (plain items allowed)
    colon_items = False
    rest = text  # searched forward, so a repeated line maps to its own place
    for lines, table in _segments(text):
        if table:
            sep, header = split_row(lines[0])
            for i, line in enumerate(lines):
                block = _join(rest, line, line)
                rest = rest[rest.index(line) + len(line):]
                tables[len(blocks)] = (tuple(header), None if i == 0 else tuple(cells_of(block, sep, len(header))))
                blocks.append((block, None))
            open_list = None
            continue
        groups: list[tuple[list[str], bool]] = []  # runs of lines: (lines, is a list item)
        for line in lines:
            if _BULLET.match(line) or _LABEL_LINE.match(line) or _LABEL_FIGURES.match(line):
                groups.append(([line], True))
            elif groups and groups[-1][1] and not line[:1].isupper() and not line.rstrip().endswith(":"):
                groups[-1][0].append(line)  # an item's wrapped line
            elif groups and not groups[-1][1]:
                groups[-1][0].append(line)
            else:
                groups.append(([line], False))
        for group, item in groups:
            block = _join(rest, group[0], group[-1])
            rest = rest[rest.index(group[-1]) + len(group[-1]):]
            if item and _LETTERED.match(group[0]):  # "(b) These deployments …": answers to lettered sub-questions read on
                open_list = None
                blocks.append((_BULLET.sub("", block, count=1), None))
            elif item:
                if open_list is None or (blocks and blocks[-1][1] == open_list and blocks[-1][0].rstrip().endswith(":")):
                    lists += 1  # (items under an item that ends with a colon are a list of their own: its breakdown)
                    open_list = lists
                colon_items = False  # bullets mark the items: a plain paragraph after them ends the list
                blocks.append((_BULLET.sub("", block, count=1), open_list))
            elif open_list is not None and colon_items and len(block) <= _ITEM_MAX_CHARS \
                    and len(_split_block(block)) <= 1:
                blocks.append((block, open_list))
            else:
                open_list = None
                blocks.append((block, None))
                if block.endswith(":"):
                    lists += 1
                    open_list, colon_items = lists, True
    out: list[Sentence] = []
    for b, (block, list_no) in enumerate(blocks):
        if b in tables:  # a table line is one unit, never split at its full stops
            out.append(Sentence(block, len(out) + 1, b, None, *tables[b]))
            continue
        for sentence in _split_block(block):
            out.append(Sentence(sentence, len(out) + 1, b, list_no))
    return out
