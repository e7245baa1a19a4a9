"""Figures in a table inside a statement: one claim per figure cell, scoped by its row.

Owns reading a table that an answer states its figures in — rendered as
lines of cells ("Date – Location – Alerts – Arrests", or the tab-separated
rows the question-page parser keeps) — with a header row that names each
column. A column is a date, a place, a period or a metric by its header's
words (the table below); a row's date, period and place cells scope the
figures in its metric cells, and a row that names none takes the frame
(the period the sentence before the table set). A table turned on its side
("Measure | Bromley | Croydon | Sutton" over "LFR deployments | 4 | 11 |
3") counts its row's measure in each column's place or period, and only
LFR's measures ("Stop and search" is another tactic's row). "N/A" and empty cells are
no figure. Pure. Proof: tests/test_passages.py.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from schemas.claims import Claim
from scrapers.claim_frame import Frame, inherited_source
from scrapers.claim_period_combine import combined_period
from scrapers.claim_numbers import count_range, find_numbers, qualifier_of
from scrapers.claim_dates import latest_not_after
from scrapers.claim_periods import Phrase, find_periods
from schemas.places import area_named, areas_of
from scrapers.claim_places import street_in_town

SEPARATORS = ("\t", " – ", " — ", " | ", " - ", "  ", " ")
# (two spaces or more: a table pasted from a PDF, aligned by spaces; one space: its text extracted as words, the header
# a run of column names "Month Deployments Alerts Arrests" over rows "July 17 81 45", a label then figures)
# Header words → what the column holds; first match wins.
COLUMNS: list[tuple[str, re.Pattern[str]]] = [(role, re.compile(rf"(?i)^\s*(?:{words})\s*(?:\(.*\))?\s*$")) for role, words in [
    ("date", r"date|day|deployment date|date of deployment|when"),
    ("place", r"location|deployment location|deployment|place|site|area|borough|where|town(?: centre)?|station|street|"
              r"ward|venue"),
    ("period", r"year|period|financial year|calendar year|quarter|month|week"),
    ("false_alerts", r"false alerts?|false positives?|misidentifications?|incorrect (?:alerts|matches)"),
    ("true_alerts", r"true alerts?|correct (?:alerts|matches)|true positives?"),
    ("alerts_total", r"(?:total )?alerts?|(?:total )?matches|alerts generated"),
    ("arrests", r"arrests?|arrests made|number of arrests"),
    ("deployments", r"deployments?|number of deployments|times deployed"),
    ("faces_seen", r"faces(?: scanned| seen| processed)?|faces seen \(estimate\)|faces scanned \(estimate\)"),
    ("engagements", r"engagements?|people (?:stopped|engaged)|stops"),
    ("watchlist_size", r"watch ?-?list(?: size)?|size of watch ?-?list"),
]]


_FORCE_COLUMN = re.compile(r"(?i)^\s*(?:police\s+)?force\s*$")
_THE_MET = re.compile(r"(?i)\b(?:metropolitan|met|mps)\b")


_PIPE = re.compile(r"\s*\|\s*")
_MARKER = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡]+$|\[\d{1,2}\]$")
# A totals row's label: every place of the table, so no one place ("| Total | 179 | 572 |")
_TOTAL = re.compile(r"(?i)^\s*(?:\*\*)?(?:grand\s+)?(?:total|all(?:\s+locations|\s+boroughs)?|overall|"
                    r"(?:london(?:-wide)?|mps|met)(?:\s+total)?(?=\s*(?:\*\*)?\s*(?:\(|$)))\b")  # not "London Road, …"
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.lower(): i for i, m in enumerate(calendar.month_abbr) if m} | {"sept": 9}


def _month(cell: str, frame: Frame, statement_date: date | None) -> tuple[date, date] | None:
    """A bare month name in a period column ("March", or "Jan – Mar" for those months): that month in the year of the
    frame's period (one year), else the latest such month that has begun by the statement's date."""
    names = [n.strip().rstrip(".").lower() for n in re.split(r"\s*(?:–|-|\bto\b)\s*", cell.strip())]
    month, end = _MONTHS.get(names[0]), _MONTHS.get(names[-1])
    if month is None or end is None or len(names) > 2 or end < month:
        return None  # ("Jan – Mar": the months from the first to the last)
    if frame.first and frame.last and frame.first.year == frame.last.year:
        year = frame.first.year
    elif statement_date:
        year = statement_date.year if month <= statement_date.month else statement_date.year - 1
    else:
        return None
    first, last = date(year, month, 1), date(year, end, calendar.monthrange(year, end)[1])
    if statement_date and first > statement_date:
        return None
    return first, min(last, statement_date) if statement_date else last


def _month_within(cell: str, first: date, last: date) -> tuple[date, date] | None:
    """A bare month name inside the span another cell of the row names: that month in the span."""
    month = _MONTHS.get(cell.strip().rstrip(".").lower())
    for year in {first.year, last.year} if month else ():
        start = date(year, month, 1)
        end = start.replace(day=calendar.monthrange(year, month)[1])
        if first <= start and end <= last:
            return start, end
    return None


_FIGURE_CELL = re.compile(r"(?i)^(?:[\d,.]+%?|n/?a|nil|-|–|—)$")


def _worded_header(line: str) -> list[str] | None:
    """A header of column names set apart by single spaces ("Month Deployments Alerts Arrests", "Borough Faces seen
    Arrests"), split into its names (the longest name first at each word), or None where any word is no name; or a
    turned table's ("Measure October November December Total", "Measure Number")."""
    words, cells, i = line.split(), [], 0
    if len(words) >= 2 and _MEASURE.match(words[0]) and words[0].strip() and all(
            _MONTHS.get(w.lower().rstrip(".")) or _YEAR_CELL.match(w) or _PLAIN.match(w) or _TOTAL.match(w)
            for w in words[1:]):
        return words
    while i < len(words):
        n = next((n for n in (3, 2, 1) if i + n <= len(words) and any(
            pattern.match(" ".join(words[i:i + n])) for _, pattern in COLUMNS)), None)
        if n is None:
            return None
        cells.append(" ".join(words[i:i + n]))
        i += n
    return cells


def _year(cell: str, statement_date: date | None) -> tuple[date, date] | None:
    """A year in a turned table's header ("2024", "2024/25": a financial year), to the statement's date at most."""
    if not (m := _YEAR_CELL.match(cell)):
        return None
    y = int(m["y"])
    if m["y2"] and int(m["y2"]) != (y + 1) % 100:
        return None
    first, last = (date(y, 4, 1), date(y + 1, 3, 31)) if m["y2"] else (date(y, 1, 1), date(y, 12, 31))
    if statement_date and first > statement_date:
        return None
    return first, min(last, statement_date) if statement_date else last


def cells_of(line: str, sep: str, width: int = 0) -> list[str]:
    """A row's cells split by `sep`; a pipe table's may be empty ("Total | | 26,635") and framed ("| a | b |"). Split
    by single spaces, a row of `width` cells is its label then its last `width` - 1 words, each a figure."""
    if sep == " ":
        words = line.split()
        figures = words[len(words) - width + 1:] if width > 1 else []
        if len(words) < width or not all(_FIGURE_CELL.match(w) for w in figures):
            return [line.strip()]
        return [" ".join(words[:len(words) - width + 1]), *figures]
    if sep == " | ":
        return _PIPE.split(line.strip().removeprefix("|").removesuffix("|").strip())
    if sep == "  ":
        return [c.strip() for c in re.split(r"\s{2,}", line.strip())]
    return [c.strip() for c in line.split(sep)]


def _short_date(cell: str, statement_date: date | None) -> list[Phrase]:
    """A date cell with no year ("03/12", day first): the latest such day not after the statement."""
    if not (m := re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})\s*", cell)) or statement_date is None:
        return []
    try:
        day = latest_not_after(int(m[2]), int(m[1]), statement_date)
    except ValueError:  # 31/02: no date
        return []
    return [Phrase(0, len(cell), "day", day, day)]


def split_row(line: str) -> tuple[str, list[str]] | None:
    """(separator, cells) for a header line of at least two cells, none empty, else None."""
    for sep in SEPARATORS:
        cells = (_worded_header(line) or []) if sep == " " else cells_of(line, sep)
        if len(cells) >= 2 and all(cells):
            return sep, cells
    return None


def column_roles(header: list[str]) -> list[str | None] | None:
    """What each header cell names, or None when the line is not a header with at least one metric."""
    # (a header's footnote marker is no part of its name: "Arrests¹", "Alerts[2]")
    roles = [next((role for role, pattern in COLUMNS if pattern.match(_MARKER.sub("", cell))), None) for cell in header]
    if not any(r not in (None, "date", "place", "period") for r in roles):
        return None
    return roles


# A turned table's column of the figures themselves, for the frame's scope: "Measure | Number", "… | Total"
_ESTIMATED = re.compile(r"(?i)\bestimate[ds]?\b|\(est\.?\)")
_PLAIN = re.compile(r"(?i)^\s*(?:number|value|count|figures?|n)\s*$")
_LEADING_YEAR = re.compile(r"^\s*((?:19|20)\d\d(?:\s*[/-]\s*\d\d)?)(?![\d/-])")
_YEAR_CELL = re.compile(r"^\s*(?P<y>(?:19|20)\d\d)(?:\s*[/-]\s*(?P<y2>\d\d))?\s*$")
# A table turned on its side: "Measure | Bromley | Croydon | Sutton" over rows "LFR deployments | 4 | 11 | 3"
_MEASURE = re.compile(r"(?i)^\s*(?:measure|metric|indicator|category|figure|outcome|type|)\s*$")
_LFR = re.compile(r"(?i)\blfr\b|facial recognition")
_LFR_ONLY = {"alerts_total", "false_alerts", "true_alerts", "faces_seen", "watchlist_size"}


def _across(header: list[str], statement_date: date | None = None) -> bool:
    """Whether a header names places or periods across, after a first cell naming the row's measure."""
    return len(header) >= 2 and bool(_MEASURE.match(header[0])) and all(
        areas_of(cell) or area_named(cell) or find_periods(cell, statement_date) or _MONTHS.get(cell.strip().lower())
        or _YEAR_CELL.match(cell) or _PLAIN.match(cell) or _TOTAL.match(cell) or _CHANGE.match(cell) for cell in header[1:])


# "Measure | Q2 2024/25 | Q3 2024/25 | Change": a column of differences, no figures of its own
_CHANGE = re.compile(r"(?i)^\s*(?:%\s*)?(?:change|difference|variance|increase|decrease)(?:\s*\(%\))?\s*$")


def _row_metric(label: str, lfr: bool = False) -> str | None:
    """The metric a row of a turned table counts: LFR's only ("LFR deployments", "Arrests following an LFR alert",
    "Alerts", or "Arrests" under a line about LFR), never another tactic's row ("Stop and search")."""
    label = _MARKER.sub("", label.strip())  # "Arrests following an alert¹"
    bare = _LFR.sub("", label).strip(" :")
    bare = re.sub(r"(?i)^(?:live\s+)?|\s+(?:following|after)\s+(?:an?\s+)?(?:lfr\s+)?alerts?$", "", bare).strip()
    role = next((role for role, pattern in COLUMNS if pattern.match(bare)), None)
    # ("Arrests following an alert": an alert is LFR's)
    if role in (None, "date", "place", "period") or (role not in _LFR_ONLY and not _LFR.search(label) and not lfr
                                                     and not re.search(r"(?i)\balerts?\b", label)):
        return None
    return role


def is_table(lines: list[str]) -> bool:
    """A header line naming a metric column (or places or periods across, after a measure column), then rows with as
    many cells, split the same way."""
    if len(lines) < 2 or not (head := split_row(lines[0])) or (column_roles(head[1]) is None
                                                              and not _across(head[1])):
        return False
    sep, cells = head
    return all(len(cells_of(line, sep, len(cells))) == len(cells) for line in lines[1:])


def row_claims(row: str, header: tuple[str, ...], cells: tuple[str, ...], index: int, frame: Frame,
               statement_date: date | None, lfr: bool = False, not_after: date | None = None) -> list[Claim]:
    """The claims of one table row (`row` is its exact line). In a table by force, only the Met's row is the Met's
    (not another force's, nor the total of them all). `lfr`: the line before the table speaks of LFR, so a turned
    table's bare "Deployments" and "Arrests" rows are LFR's."""
    if column_roles(list(header)) is None and _across(list(header), statement_date):
        return _across_claims(row, header, cells, index, frame, statement_date, lfr)
    roles = column_roles(list(header)) or []
    if any(_FORCE_COLUMN.match(h) for h in header) and not any(_THE_MET.search(c) for c in cells):
        return []
    dated = [(cell, find_periods(cell, statement_date, not_after)) for cell, role in zip(cells, roles)
             if role in ("date", "period")]
    periods = [p for cell, found in dated for p in found or _short_date(cell, statement_date) if not p.anaphor]
    months = [m for cell, role in zip(cells, roles) if role in ("date", "period") and (m := _month(cell, frame,
                                                                                                    statement_date))]
    # "2023 | 23 | 60" under "Year", "2025 (to 30 June) | 98": the year a row's period cell opens with
    years = [y for cell, role in zip(cells, roles) if role in ("date", "period")
             and (lead := _LEADING_YEAR.match(cell)) and (y := _year(lead[1], statement_date))]
    places = tuple(place for cell, role in zip(cells, roles) if role == "place" and not _TOTAL.match(cell)
                   for place in street_in_town([part.strip() for part in cell.split(",") if part.strip()]))
    if not periods and months:  # a row "January | 16 | 74" under "Month": that month of the table's year
        first, last = months[0]
        words, source = "; ".join(c for c, r in zip(cells, roles) if r in ("date", "period")), "sentence"
    elif periods:
        first, last = combined_period(periods)
        # ("| Q4 2024/25 | January | 16 |": the month of the quarter the row names)
        inside = [m for cell, found in dated if not found and first and last and (m := _month_within(cell, first, last))]
        first, last = inside[0] if inside else (first, last)
        if first is None and last is not None and years and years[0][0] <= last <= years[0][1]:
            first = years[0][0]  # "2025 (to 30 June)": from the start of 2025
        words, source = "; ".join(c for c, r in zip(cells, roles) if r in ("date", "period")), "sentence"
    elif years:
        first, last = years[0]
        words, source = "; ".join(c for c, r in zip(cells, roles) if r in ("date", "period")), "sentence"
    elif frame.has_period:
        first, last, words, source = frame.first, frame.last, frame.period_words, inherited_source(frame.period_origin)
    else:
        first = last = words = source = None
    where = _named_here(places)
    if frame.places and ("place" not in roles or is_total_row(cells)):
        # "… on Powis Street, Woolwich in 2025:" over rows by date only; the totals row of a table of the places named
        # above it ("for Stratford, Ilford and Romford town centres: …  Total | 7 | 109 | 44"), or of the rows above it
        where = (frame.places, frame.place_words, inherited_source(frame.places_origin))
    out = []
    for cell, role in zip(cells, roles):
        if role not in (None, "date", "place", "period") and (claim := _cell_claim(
                cell, role, row, index, (first, last, words, source), where)):
            out.append(claim)
    return out


def is_total_row(cells: tuple[str, ...] | list[str]) -> bool:
    """Whether a row is the table's totals row ("Total | | 17 | 11")."""
    return any(_TOTAL.match(cell) for cell in cells)


def _named_here(places: tuple[str, ...]) -> tuple:
    """(places, their words, source) for places the row itself names."""
    return places, ", ".join(places) or None, "sentence" if places else None


def _cell_claim(cell: str, metric: str, row: str, index: int, period: tuple, where: tuple,
                rough: bool = False) -> Claim | None:
    """The claim of one figure cell, or None for "N/A", a blank or words; `where` is (places, their words, source);
    `rough`: its row or column says the figures are estimates ("Faces seen (estimated)")."""
    first, last, words, source = period
    places, place_words, places_source = where
    numbers = find_numbers(cell)
    if not numbers or numbers[0].kind != "count":
        return None
    qualifier, _ = qualifier_of(cell, numbers[0])
    qualifier = "approximately" if rough and qualifier == "exact" else qualifier
    if (bounds := count_range(numbers[0], qualifier)) is None:
        return None
    return Claim(
        metric=metric, low=bounds[0], high=bounds[1], qualifier=qualifier, period_start=first, period_end=last,
        locations=places, scope_text="; ".join(x for x in (words, ", ".join(places)) if x) or None, sentence=row,
        period_words=words, period_source=source, place_words=place_words, places_source=places_source,
        cumulative=first is None and last is not None, sentence_index=index)


def _across_claims(row: str, header: tuple[str, ...], cells: tuple[str, ...], index: int, frame: Frame,
                   statement_date: date | None, lfr: bool = False) -> list[Claim]:
    """The claims of a row of a turned table: its measure (the first cell) in each column's place or period."""
    if len(cells) != len(header) or (metric := _row_metric(cells[0], lfr)) is None:
        return []
    frame_period = (frame.first, frame.last, frame.period_words, inherited_source(frame.period_origin)) \
        if frame.has_period else (None, None, None, None)
    out, rough = [], bool(_ESTIMATED.search(cells[0]))  # "Faces seen (estimated)"
    for head, cell in zip(header[1:], cells[1:]):
        if _CHANGE.match(head):
            continue
        periods = [p for p in find_periods(head, statement_date) if not p.anaphor]
        own = _month(head, frame, statement_date) or _year(head, statement_date) or (
            combined_period(periods) if periods else None)
        period = (*own, head.strip(), "sentence") if own else frame_period
        places = () if own or _TOTAL.match(head) or _PLAIN.match(head) else (head.strip(),)
        if claim := _cell_claim(cell, metric, row, index, period, _named_here(places), rough=rough):
            out.append(claim)
    return out
