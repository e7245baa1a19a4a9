"""Errors raised by parsers when a source stops looking as expected.

Every error names the document (URL), where in it (page, header, selector)
and what was expected, so a run can report which source broke and why.
"""

from __future__ import annotations


class SourceFormatError(ValueError):
    """A document or page whose layout the parser cannot read."""

    def __init__(self, url: str, where: str, problem: str) -> None:
        self.url = url
        self.where = where
        self.problem = problem
        super().__init__(f"{url}: {where}: {problem}")
