-- Mayor's Questions: questions, answers with their history, and the figures
-- stated in answers (claims). See docs/data-model.md.

CREATE TABLE IF NOT EXISTS questions (
    question_url     TEXT PRIMARY KEY,    -- canonical URL (the reference can be missing)
    source_url       TEXT NOT NULL,       -- the URL as requested (after --gla-url rebasing)
    reference        TEXT,
    title            TEXT NOT NULL,
    asked_by         TEXT,
    organisation     TEXT,
    asked_of         TEXT,
    meeting          TEXT,
    meeting_date     DATE,
    question_text    TEXT NOT NULL,
    layout           TEXT NOT NULL,       -- 'old' | 'new' site
    answer_state     TEXT NOT NULL,       -- 'answered' | 'holding' | 'unanswered'
    document_sha256  TEXT NOT NULL,       -- the raw page version last parsed
    first_seen_at    TIMESTAMPTZ NOT NULL,
    last_parsed_at   TIMESTAMPTZ NOT NULL
);

-- Every distinct text of every answer position; an answer whose text changes
-- gets a new version and the old one is kept.
CREATE TABLE IF NOT EXISTS answer_versions (
    question_url     TEXT NOT NULL,
    position         INTEGER NOT NULL,    -- 1-based, page order
    text_sha256      TEXT NOT NULL,
    answered_by      TEXT,
    answer_date      DATE,
    text             TEXT NOT NULL,
    holding          BOOLEAN NOT NULL,
    attachments      JSON,
    tables           JSON,
    document_sha256  TEXT NOT NULL,
    first_observed_at TIMESTAMPTZ NOT NULL,
    last_observed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (question_url, position, text_sha256)
);

-- The answers as the page shows them now.
CREATE TABLE IF NOT EXISTS answers (
    question_url     TEXT NOT NULL,
    position         INTEGER NOT NULL,
    text_sha256      TEXT NOT NULL,
    answered_by      TEXT,
    answer_date      DATE,
    text             TEXT NOT NULL,
    holding          BOOLEAN NOT NULL,
    versions         INTEGER NOT NULL,    -- how many texts this position has had
    document_sha256  TEXT NOT NULL,
    observed_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (question_url, position)
);

-- Figures stated in answers, one per (answer version, sentence, metric).
CREATE TABLE IF NOT EXISTS claims (
    claim_id         TEXT PRIMARY KEY,    -- sha256 of answer version + sentence index + metric + value
    question_url     TEXT NOT NULL,
    position         INTEGER NOT NULL,    -- the answer's position
    text_sha256      TEXT NOT NULL,       -- the answer version
    answer_date      DATE,
    sentence_index   INTEGER NOT NULL,    -- 1-based claim order within the answer
    metric           TEXT NOT NULL,
    low              DOUBLE,
    high             DOUBLE,
    qualifier        TEXT NOT NULL,
    period_start     DATE,
    period_end       DATE,
    locations        JSON,
    scope_text       TEXT,
    sentence         TEXT NOT NULL,
    observed_at      TIMESTAMPTZ NOT NULL
);
