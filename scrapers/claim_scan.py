"""One sentence's numbers as they are read in turn: the state every figure rule shares.

Owns `Scan`: the sentence (lower-cased, numbers as `#i#`), its numbers, the
figures found so far, the category each number was read as, and the metric
named last, which a figure that names none takes ("… 26 arrests, with 15 of
them in Croydon"). The rules that read it are claim_figures.py (categories
and the final metric), claim_parts.py (parts, shares and splits of a figure
named before) and claim_rates.py (rates). Pure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scrapers.claim_numbers import Number
from scrapers.claim_words import Figure


@dataclass
class Scan:
    """The figures of one sentence so far."""

    ptext: str  # the lower-cased sentence with `#i#` for numbers[i]
    spans: list[tuple[int, int]]  # where each `#i#` stands in ptext
    numbers: list[Number]
    place_starts: set[int]  # where place phrases begin in ptext
    antecedent: str | None  # the metric of the last figure before this sentence
    asked: str | None = None  # the metric the question asks for, when this sentence opens the answer
    found: list[Figure] = field(default_factory=list)
    cats: dict[int, str] = field(default_factory=dict)  # the category each number was read as
    prev: str | None = None  # the category read last
    skip: set[int] = field(default_factory=set)  # numbers already read as part of another (the N of "1 in N")
    last_metric: str | None = None

    def __post_init__(self) -> None:
        self.last_metric = self.antecedent

    def take(self, figure: Figure, *, names: bool = True) -> bool:
        """Keep `figure`; when it `names` its metric, later figures that name none take that metric. Always True,
        so a rule can end with `return scan.take(…)`."""
        self.found.append(figure)
        if names:
            self.last_metric = figure.metric
        return True
