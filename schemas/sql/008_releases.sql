-- Met news releases about LFR (flows/news.py): every version of each
-- release's text, and the current one. Their figures are claims like an
-- answer's (claims.question_url is the release's URL, position 0). See
-- docs/data-model.md.

CREATE TABLE IF NOT EXISTS release_versions (
    release_url       TEXT NOT NULL,       -- as requested (after --news-url rebasing)
    text_sha256       TEXT NOT NULL,       -- of the extracted text
    title             TEXT NOT NULL,
    published_date    DATE,                -- the page's publication date; the claims' statement date
    text              TEXT NOT NULL,       -- the main text, paragraphs separated by blank lines
    extractor         TEXT NOT NULL,       -- what took the text from the page, e.g. 'trafilatura 2.3.1'
    document_sha256   TEXT NOT NULL,       -- the raw page version it was first read from
    first_observed_at TIMESTAMPTZ NOT NULL,
    last_observed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (release_url, text_sha256)
);

CREATE TABLE IF NOT EXISTS releases (
    release_url       TEXT PRIMARY KEY,
    text_sha256       TEXT NOT NULL,       -- the current version (release_versions)
    title             TEXT NOT NULL,
    published_date    DATE,
    versions          INTEGER NOT NULL,    -- how many texts this release has had
    document_sha256   TEXT NOT NULL,       -- the raw page version last read
    first_seen_at     TIMESTAMPTZ NOT NULL,
    last_parsed_at    TIMESTAMPTZ NOT NULL
);
