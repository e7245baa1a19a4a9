"""The newsroom's RSS feed → the releases it lists (feedparser; no hand-made XML parsing).

The newsroom's pages advertise the feed in `<link rel="alternate">`
(reported as `/rss/current_news/66871`): about 20 recent items. Release
URLs look like `/news/<slug>-<number>`. A document that is not a feed is
that feed's SourceFormatError.

Pure: bytes and a URL in, items out. Proof: tests/test_flow_news.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

import feedparser

from scrapers.errors import SourceFormatError, never_crash


@dataclass(frozen=True)
class FeedItem:
    url: str
    title: str
    published: date | None
    summary: str


@never_crash("feed", "not a readable RSS or Atom feed")
def parse_feed(content: bytes, url: str) -> list[FeedItem]:
    """Every item of the feed that links to a page, in feed order."""
    parsed = feedparser.parse(content, sanitize_html=True, resolve_relative_uris=True)
    version = parsed.get("version") or ""
    if not version and not parsed.entries:
        problem = parsed.get("bozo_exception") or "no <rss>, <feed> or <item> found"
        raise SourceFormatError(url, "feed", f"not an RSS or Atom feed ({problem})"[:300])
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        items.append(FeedItem(urljoin(url, link), (entry.get("title") or "").strip(),
                              date(*stamp[:3]) if stamp else None, (entry.get("summary") or "").strip()))
    return items
