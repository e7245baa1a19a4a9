"""A claim's scope resolved to the concrete deployment rows of the records.

Owns which published deployments a claim is about: the rows of its period
(cut at the statement's date), of its places (a place matches a row when
all its words are in the row's location, or a part of the row's location
is all in the place: "Kingston town centre" is every Kingston row that
day, "Westfield Stratford City" takes a row printed "Stratford", but
"Stratford Broadway" does not take "Westfield, Stratford", a row that names
another site of the town; a borough
takes every row in it, through schemas/place_areas.csv: "Tower Hamlets" is
a row printed "Bethnal Green"), and of
its selection ("the first two deployments" are the first two completed
rows by date and row, and when the cut falls inside one day, whose rows the
records print in no time order, every other way of cutting it is kept as
an alternative; "two sites" must be exactly two rows). Place words
go through the alias table (schemas/places.py). Reads the scope as the
passage reader stored it; never parses prose.

Must not: decide verdicts (warehouse/contradictions.py) or write.
Proof: tests/test_findings_contradictions.py, tests/test_claim_scope.py.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date

import duckdb

from schemas.claims import MEASURED_COLUMNS
from schemas.places import area_named, areas_of, place_parts

FIGURE_FIELDS = MEASURED_COLUMNS  # the columns the measures of schemas/claims.py read


@dataclass(frozen=True)
class Row:
    """One deployment as published now, with its provenance."""

    deployment_id: str
    deployment_date: date
    location: str
    status: str
    figures: dict
    first_figures: dict  # as first published
    arrests_include_other_disposals: bool
    document_url: str
    document_sha256: str
    document_label: str
    page: int
    row: int
    parts: tuple[frozenset[str], ...]


@dataclass
class Records:
    """The published deployments and the period they cover."""

    rows: list[Row]
    covers: tuple[date, date] | None


@dataclass
class Resolution:
    """The rows a claim's scope resolves to, or why it does not resolve with confidence."""

    start: date | None
    end: date | None
    rows: list[Row] = field(default_factory=list)
    aborted: list[Row] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    alternatives: list[list[Row]] = field(default_factory=list)  # other rows the scope may mean (a day's order unknown)


def document_label(first_year: int, last_year: int) -> str:
    """'2020–22 record', '2025 record'."""
    return f"{first_year} record" if first_year == last_year else f"{first_year}–{str(last_year)[2:]} record"


def find_records(con: duckdb.DuckDBPyConnection) -> Records:
    """Every deployment published now (deployments_current), in date order, with each one's first figures."""
    fields = ", ".join(f"d.{f}" for f in FIGURE_FIELDS)
    first_fields = ", ".join(f"f.{f}" for f in FIGURE_FIELDS)
    cursor = con.execute(f"""
        WITH firsts AS (
            SELECT * FROM deployment_versions
            QUALIFY row_number() OVER (PARTITION BY deployment_id ORDER BY first_observed_at, figures_sha256) = 1
        ),
        labels AS (
            SELECT document_sha256, min(year(deployment_date)) AS y1, max(year(deployment_date)) AS y2
            FROM deployments GROUP BY document_sha256
        )
        SELECT d.deployment_id, d.deployment_date, d.location, d.status, d.arrests_include_other_disposals,
               d.document_url, d.document_sha256, l.y1, l.y2, d.source_page, d.source_row, {fields}, {first_fields}
        FROM deployments_current d JOIN labels l USING (document_sha256) LEFT JOIN firsts f USING (deployment_id)
        WHERE d.published_now
        ORDER BY d.deployment_date, d.document_url, d.source_row""")
    n = len(FIGURE_FIELDS)
    rows = []
    for r in cursor.fetchall():
        figures, firsts = dict(zip(FIGURE_FIELDS, r[11:11 + n])), dict(zip(FIGURE_FIELDS, r[11 + n:]))
        rows.append(Row(r[0], r[1], r[2], r[3], figures, firsts, bool(r[4]), r[5], r[6], document_label(r[7], r[8]),
                        r[9], r[10], tuple(place_parts(r[2]))))
    covers = (date(rows[0].deployment_date.year, 1, 1), rows[-1].deployment_date) if rows else None
    return Records(rows, covers)


_STREET_KIND = frozenset({"high", "street", "road", "lane", "avenue", "square", "parade", "way", "station"})


def place_matches(place: str, row: Row) -> bool:
    """Whether a place named in a statement is this row's place (module docstring)."""
    return _by_name(place, row) or _in_area(place, row)


def _by_name(place: str, row: Row) -> bool:
    words = frozenset().union(*place_parts(place)) if place_parts(place) else frozenset()
    if not words:
        return False
    everything = frozenset().union(*row.parts) if row.parts else frozenset()
    if words <= everything:
        return True
    if (pair := place.split(",")) and len(pair) == 2 and all(p.strip() for p in pair):
        # "Powis Street, Woolwich" (the reader's street with its town) for a row printed "Powis St,": the street, in
        # the town's borough
        street, town = (p.strip() for p in pair)
        street_words, town_words = frozenset().union(*place_parts(street)), frozenset().union(*place_parts(town))
        return bool(street_words) and street_words <= everything and bool(areas_of(town)) \
            and areas_of(town) <= areas_of(row.location) and all(part <= street_words | town_words for part in row.parts)
    # a part of the row that names only a kind of street ("High St" of "High St, Camden") names no place. A borough
    # named by its towns takes a row of either ("Barking and Dagenham": "Heathway, Dagenham"); any other place that
    # takes one part of a row must not leave out another site the row names: "Stratford Broadway" is not the row
    # "Westfield, Stratford"
    named = [part for part in row.parts if part - _STREET_KIND]
    return any(part <= words for part in named) and (area_named(place) is not None or all(part & words for part in named))


def _in_area(place: str, row: Row) -> bool:
    area = area_named(place)
    return area is not None and area in areas_of(row.location)


def rows_at(place: str, rows: list[Row], *, days: int) -> list[Row]:
    """The rows at a place. Within a week, those printed with its name, and only when there are none those in the
    borough it names ("one from the Lewisham deployment" on a day with rows printed "Lewisham" and "Catford" is the
    Lewisham row); over a longer period, a borough's name is the borough ("in the borough of Croydon (31)" in 2024
    takes Thornton Heath too)."""
    named = [r for r in rows if _by_name(place, r)]
    if named and days <= 7:
        return named
    return [r for r in rows if r in named or _in_area(place, r)]


def resolve(claim: dict, records: Records) -> Resolution:
    """The rows of `claim` (a claims row: period, locations, selection_*, cumulative, answer_date)."""
    end = claim["period_end"]
    if end is not None and claim["answer_date"] is not None:
        end = min(end, claim["answer_date"])
    start = claim["period_start"]
    out = Resolution(start, end)
    covers = records.covers
    if claim["cumulative"] and start is None and end is not None and covers:
        out.start = start = covers[0]
        out.reasons.append(f"a running total from an unstated start; the records begin {covers[0]}")
    if start is None or end is None:
        out.reasons.append("the claim's period is not known")
        return out
    if covers is None:
        out.reasons.append("no records loaded")
        return out
    if start < covers[0] or end > covers[1]:
        out.reasons.append(f"the records cover {covers[0]} to {covers[1]}, not all of {start} to {end}")
    in_period = [r for r in records.rows if start <= r.deployment_date <= end]
    places = [p for p in claim["locations"] if p.strip()]
    count = claim["selection_count"]
    if places:
        matched = []
        for place in places:
            rows = rows_at(place, in_period, days=(end - start).days + 1)
            if not [r for r in rows if r.status == "completed"]:
                out.reasons.append(f"no deployment at {place} in the records for {_period_text(start, end)}")
            matched += [r for r in rows if r not in matched]
        if count is not None and len([r for r in matched if r.status == "completed"]) != count:
            # "the two Newham deployments this week": a borough whose name one row also prints ("Green St, Newham") is
            # the borough when that is what gives the count the statement names
            wide = []
            for place in places:
                wide += [r for r in rows_at(place, in_period, days=366) if r not in wide]
            if len([r for r in wide if r.status == "completed"]) == count:
                matched = wide
        in_period = matched
    completed = [r for r in in_period if r.status == "completed"]
    out.aborted = [r for r in in_period if r.status != "completed"]
    ordinal = claim["selection_ordinal"]
    plural = (claim["selection_words"] or "").lower().endswith("deployments")
    if ordinal and count is None and plural:
        # "the first deployments of 2025": first, but how many is not said
        out.reasons.append(f"the statement does not say how many deployments '{claim['selection_words']}' are")
    elif ordinal:
        n = count or 1
        # in date order: rows matched place by place ("in East Ham, Newham, Woolwich and Camberwell") come in the
        # order of the places named, not of the days
        by_date = sorted(completed, key=lambda r: (r.deployment_date, r.row))
        ordered = by_date if ordinal == "first" else by_date[::-1]
        if len(completed) < n:
            out.reasons.append(f"the records have only {len(completed)} completed deployments for "
                               f"'{claim['selection_words']}'")
        if 0 < n < len(ordered) and ordered[n - 1].deployment_date == ordered[n].deployment_date:
            # "our first ten deployments of 2024" when the tenth and the eleventh fell on one day: the records do not
            # say which of that day's deployments came first, so any of them may be among the ten
            out.alternatives = _same_day_choices(ordered, n)
        completed = sorted(ordered[:n], key=lambda r: (r.deployment_date, r.row))
    elif count == 1 and completed and len({r.deployment_date for r in completed}) == 1 and not plural:
        pass  # "the deployment" of one day at a town centre the records print as a row per site
    elif count is not None and claim["metric"] != "deployments" and len(completed) != count and completed:
        out.reasons.append(f"the statement names {count} deployments ('{claim['selection_words']}'); the records have "
                           f"{len(completed)} for that scope")
    out.rows = completed
    return out


def _same_day_choices(ordered: list[Row], n: int, most: int = 20) -> list[list[Row]]:
    """The other ways to take `n` rows from `ordered` when the n-th row's day holds rows on both sides of the cut."""
    day = ordered[n - 1].deployment_date
    fixed = [r for r in ordered[:n] if r.deployment_date != day]
    tied = [r for r in ordered if r.deployment_date == day]
    taken = {r.deployment_id for r in ordered[:n] if r.deployment_date == day}  # the tied rows the printed order took
    others = (fixed + list(pick) for pick in itertools.combinations(tied, n - len(fixed))
              if {r.deployment_id for r in pick} != taken)
    return list(itertools.islice(others, most))


def _period_text(start: date, end: date) -> str:
    return f"{start}" if start == end else f"{start} to {end}"
