"""A news release page → its title, publication date and main text, with a well-kept extractor.

The text is taken by trafilatura (main-content extraction: no hand-made
selectors, so a new newsroom layout keeps working), with the title and
date from the page's metadata. Which extractor and version produced each
text is recorded with it. A page with no main text or no title is the
page's SourceFormatError (a layout the extractor cannot read). A release
is about LFR when its title or text names live facial recognition.

Pure: bytes and a URL in, a Release out. Proof: tests/test_flow_news.py.
"""

from __future__ import annotations

import re
from datetime import date
from importlib.metadata import version

from schemas.releases import Release
from scrapers.errors import SourceFormatError, never_crash

EXTRACTOR = f"trafilatura {version('trafilatura')}"
MIN_TEXT = 80  # characters: less is a page without an article (a cookie wall, an error page, a changed layout)
_LFR = re.compile(r"(?i)\bfacial[- ]recognition\b|\bLFR\b")


def is_about_lfr(*texts: str) -> bool:
    """Facial recognition, LFR or live facial recognition named in any of `texts`."""
    return any(_LFR.search(t or "") for t in texts)


@never_crash("release", "not a readable news release")
def parse_release(content: bytes, url: str) -> Release:
    """The release on a newsroom page (module docstring)."""
    html = content.decode("utf-8", errors="replace")
    import trafilatura  # ~0.1 s to import: only when a release is read

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, favor_precision=True)
    found = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    title = " ".join((found.get("title") or "").split())
    text = found.get("text") or ""
    if not title:
        raise SourceFormatError(url, "release", "no title found (not a news release, or a layout the extractor "
                                                "cannot read)")
    paragraphs = [" ".join(p.split()) for p in text.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    if paragraphs and paragraphs[0].rstrip(".") == title.rstrip("."):  # the headline repeated as the first block
        paragraphs = paragraphs[1:]
    body = "\n\n".join(paragraphs)
    if len(body) < MIN_TEXT:
        raise SourceFormatError(url, "release", f"no article text found ({len(body)} characters; a layout the "
                                                "extractor cannot read, or not a release)")
    published = None
    if found.get("date"):
        try:
            published = date.fromisoformat(str(found["date"])[:10])
        except ValueError:
            published = None
    return Release(url, title, published, body, EXTRACTOR)
