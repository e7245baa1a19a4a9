"""Loads of Met news releases: every version of a release's text, the current one, and its claims.

Owns every write of parsed releases. A release is keyed by its URL as
requested. A changed text becomes a new row of `release_versions`; the old
one is kept. Its claims are stored like an answer's (position 0, the
publication date as the statement's date), so the same contradiction
engine checks them. One transaction per release.

Proof: tests/test_flow_news.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb

from schemas.claims import Claim
from schemas.releases import Release
from warehouse.db import transaction
from warehouse.questions_load import insert_claims, text_sha256

POSITION = 0  # a release's claims: position 0 of its URL (answers count from 1)


@dataclass(frozen=True)
class ReleaseLoad:
    """What loading one release page changed."""

    release_url: str
    new_release: bool
    changed: bool
    new_claims: int


def is_release_page_loaded(con: duckdb.DuckDBPyConnection, url: str, document_sha256: str) -> bool:
    """Whether this raw page version of the release was read already."""
    return bool(con.execute("SELECT count(*) FROM releases WHERE release_url = ? AND document_sha256 = ?",
                            [url, document_sha256]).fetchall()[0][0])


def load_release(con: duckdb.DuckDBPyConnection, release: Release, claims: list[Claim], *, document_sha256: str,
                 observed_at: datetime) -> ReleaseLoad:
    """Load one parsed release and its claims in one transaction."""
    url, sha = release.url, text_sha256(release.text)
    with transaction(con):
        known = {r[0] for r in con.execute("SELECT text_sha256 FROM release_versions WHERE release_url = ?",
                                           [url]).fetchall()}
        new_claims = 0
        if sha in known:
            con.execute("UPDATE release_versions SET last_observed_at = ? WHERE release_url = ? AND text_sha256 = ?",
                        [observed_at, url, sha])
        else:
            con.execute("INSERT INTO release_versions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [url, sha, release.title, release.published, release.text, release.extractor,
                         document_sha256, observed_at, observed_at])
            new_claims = insert_claims(con, url, POSITION, sha, release.published, claims, observed_at)
        con.execute(
            """
            INSERT INTO releases
            SELECT $url, $sha, $title, $published, count(*), $doc, $at, $at FROM release_versions WHERE release_url = $url
            ON CONFLICT (release_url) DO UPDATE SET
                text_sha256 = $sha, title = $title, published_date = $published, versions = excluded.versions,
                document_sha256 = $doc, last_parsed_at = $at
            """,
            {"url": url, "sha": sha, "title": release.title, "published": release.published, "doc": document_sha256,
             "at": observed_at},
        )
    return ReleaseLoad(url, not known, bool(known) and sha not in known, new_claims)
