-- Met deployment records: raw archive, document versions, legends,
-- deployments with their full history. See docs/data-model.md.

CREATE TABLE IF NOT EXISTS raw_documents (
    url              TEXT NOT NULL,       -- as requested (after --met-url / --gla-url rebasing)
    sha256           TEXT NOT NULL,
    source           TEXT NOT NULL,       -- 'met' | 'questions'
    fetched_at       TIMESTAMPTZ NOT NULL, -- first fetch that returned these bytes
    http_status      INTEGER NOT NULL,
    etag             TEXT,
    last_modified    TEXT,
    content_type     TEXT,
    size_bytes       BIGINT NOT NULL,
    content          BLOB NOT NULL,
    PRIMARY KEY (url, sha256)
);

-- One row per URL the pipeline requests: the state conditional GET and
-- source health need. Updated on every fetch.
CREATE TABLE IF NOT EXISTS source_urls (
    url              TEXT PRIMARY KEY,
    source           TEXT NOT NULL,
    role             TEXT NOT NULL,       -- 'index' | 'document' | 'question' | 'search'
    first_seen_at    TIMESTAMPTZ NOT NULL,
    last_fetched_at  TIMESTAMPTZ,
    last_status      INTEGER,
    last_ok_at       TIMESTAMPTZ,
    last_changed_at  TIMESTAMPTZ,
    last_sha256      TEXT,
    etag             TEXT,
    last_modified    TEXT,
    last_error       TEXT,
    last_error_at    TIMESTAMPTZ
);

CREATE TABLE IF NOT EXISTS met_document_versions (
    document_sha256  TEXT PRIMARY KEY,
    document_url     TEXT NOT NULL,
    title            TEXT,
    pages            INTEGER NOT NULL,
    deployment_rows  INTEGER NOT NULL,
    parsed_at        TIMESTAMPTZ NOT NULL
);

CREATE TABLE IF NOT EXISTS purpose_references (
    document_sha256  TEXT NOT NULL,
    legend_no        INTEGER NOT NULL,
    legend_kind      TEXT NOT NULL,       -- 'purpose' | 'use_case'
    code             TEXT NOT NULL,
    meaning          TEXT NOT NULL,
    policy_reference TEXT,
    source_page      INTEGER NOT NULL,
    PRIMARY KEY (document_sha256, legend_no, code)
);

-- Every appearance of a deployment in a document version.
CREATE TABLE IF NOT EXISTS deployment_observations (
    deployment_id    TEXT NOT NULL,
    document_sha256  TEXT NOT NULL,
    document_url     TEXT NOT NULL,
    figures_sha256   TEXT NOT NULL,
    source_page      INTEGER NOT NULL,
    source_row       INTEGER NOT NULL,
    observed_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (deployment_id, document_sha256)
);

CREATE TABLE IF NOT EXISTS deployment_versions (
    deployment_id            TEXT NOT NULL,
    figures_sha256           TEXT NOT NULL,
    deployment_date          DATE NOT NULL,
    location                 TEXT NOT NULL,
    note                     TEXT,
    status                   TEXT NOT NULL,
    duration_minutes         INTEGER,
    purpose                  TEXT,
    watchlist_size           INTEGER,
    threshold                DOUBLE,
    alerts_total             INTEGER,
    true_alerts              INTEGER,
    true_alerts_confirmed    INTEGER,
    true_alerts_unconfirmed  INTEGER,
    false_alerts             INTEGER,
    false_alerts_confirmed   INTEGER,
    false_alerts_unconfirmed INTEGER,
    true_alert_engagements   INTEGER,
    false_alert_engagements  INTEGER,
    arrests                  INTEGER,
    other_disposals          INTEGER,
    no_action                INTEGER,
    faces_seen               INTEGER,
    false_alert_rate_printed TEXT,
    first_document_sha256    TEXT NOT NULL,  -- the publication that first carried these figures
    first_document_url       TEXT NOT NULL,
    first_source_page        INTEGER NOT NULL,
    first_source_row         INTEGER NOT NULL,
    first_observed_at        TIMESTAMPTZ NOT NULL,
    last_observed_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (deployment_id, figures_sha256)
);

-- Current: each deployment as its most recently loaded publication prints it.
CREATE TABLE IF NOT EXISTS deployments (
    deployment_id            TEXT PRIMARY KEY,
    deployment_date          DATE NOT NULL,
    location                 TEXT NOT NULL,
    note                     TEXT,
    status                   TEXT NOT NULL,
    duration_minutes         INTEGER,
    purpose                  TEXT,
    watchlist_size           INTEGER,
    threshold                DOUBLE,
    alerts_total             INTEGER,
    true_alerts              INTEGER,
    true_alerts_confirmed    INTEGER,
    true_alerts_unconfirmed  INTEGER,
    false_alerts             INTEGER,
    false_alerts_confirmed   INTEGER,
    false_alerts_unconfirmed INTEGER,
    true_alert_engagements   INTEGER,
    false_alert_engagements  INTEGER,
    arrests                  INTEGER,
    other_disposals          INTEGER,
    no_action                INTEGER,
    faces_seen               INTEGER,
    false_alert_rate_printed TEXT,
    document_sha256          TEXT NOT NULL,
    document_url             TEXT NOT NULL,
    source_page              INTEGER NOT NULL,
    source_row               INTEGER NOT NULL,
    figures_sha256           TEXT NOT NULL,
    observed_at              TIMESTAMPTZ NOT NULL
);

-- Everything noticed. key is deterministic, so a finding is raised once.
CREATE TABLE IF NOT EXISTS findings (
    finding_key      TEXT PRIMARY KEY,
    kind             TEXT NOT NULL,       -- e.g. 'source_broken', 'deployment_new'
    subject          TEXT NOT NULL,       -- 'document:<url>', 'source:<name>', 'deployment:<id>'
    state            TEXT NOT NULL,       -- 'alert' | 'review' | 'cleared'
    summary          TEXT NOT NULL,
    evidence         JSON,
    raised_at        TIMESTAMPTZ NOT NULL,
    cleared_at       TIMESTAMPTZ
);
