"""Header wordings → deployment columns, as data (schemas/met_header_wordings.csv).

Owns the meaning of a header. One table of wordings serves every era:
a new wording is a new line in the CSV, never a new branch in code. An
unknown header is an error naming the document, page and header.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from scrapers.errors import SourceFormatError

_FOOTNOTE = re.compile(r"(?<=[a-z])\d+\b")  # "Alerts1": a footnote mark
_NON_WORD = re.compile(r"[^a-z0-9]+")

# Columns a deployment row must have, whatever the era.
REQUIRED = ("location", "deployment_date")


def normalise_wording(text: str) -> str:
    """Lower case, footnote marks and punctuation dropped, spaces collapsed."""
    lowered = _FOOTNOTE.sub("", text.lower().replace("’", "'"))
    return " ".join(_NON_WORD.sub(" ", lowered).split())


@lru_cache(maxsize=1)
def header_wordings() -> dict[str, str]:
    """The wording table: normalised wording → deployment column."""
    text = resources.files("schemas").joinpath("met_header_wordings.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))
    return {normalise_wording(row["wording"]): row["column"] for row in rows}


def map_header(header: list[str], url: str, page: int) -> list[str]:
    """The column name for each header cell; raises SourceFormatError for an unknown one."""
    wordings = header_wordings()
    columns: list[str] = []
    for position, text in enumerate(header, 1):
        column = wordings.get(normalise_wording(text))
        if column is None:
            raise SourceFormatError(
                url, f"page {page}, header column {position}", f"unknown header {text!r}: add its wording to met_header_wordings.csv"
            )
        if column in columns:
            raise SourceFormatError(url, f"page {page}, header column {position}", f"header {text!r} names {column} twice")
        columns.append(column)
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise SourceFormatError(url, f"page {page}, header", f"no column for {', '.join(missing)} in {header!r}")
    return columns
