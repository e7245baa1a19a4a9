"""Which version of our own reading code derived a row.

Owns the version names stored with derived rows (claims.extractor_version,
met_document_versions.parser_version, questions.parser_version): a short hash of the source of the
modules that do the reading, so a change to the reader is a new version
without anyone remembering to bump a number, and an unchanged reader keeps
its version across installs. `lfrwatch rederive` (flows/rederive.py)
re-reads the archive with the current versions.
Pure: reads only this package's own files. Proof: tests/test_rederive.py.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources

# The passage reader: claims.py, every claim_*.py module and sentences.py (a module split off later is in it too).
_CLAIM_READER = ("claims.py", "sentences.py")


def _digest(files) -> str:
    h = hashlib.sha256()
    for f in sorted(files, key=lambda f: f.name):
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:12]


@cache
def claim_reader_version() -> str:
    """The passage reader's version, e.g. 'claims-3f9a1c07b2de'."""
    return "claims-" + _digest(claim_reader_files())


def claim_reader_files() -> list:
    """The passage reader's source files."""
    return [f for f in resources.files("scrapers").iterdir()
            if f.name in _CLAIM_READER or (f.name.startswith("claim_") and f.name.endswith(".py"))]


@cache
def met_parser_version() -> str:
    """The Met PDF extractor's version, e.g. 'met-0c41d2a9e8f1'."""
    return "met-" + _digest([f for f in resources.files("scrapers.met").iterdir() if f.name.endswith(".py")])


@cache
def question_parser_version() -> str:
    """The london.gov.uk page reader's version, e.g. 'questions-5be0c1d2a3f4'."""
    return "questions-" + _digest([f for f in resources.files("scrapers.london_gov").iterdir() if f.name.endswith(".py")])
