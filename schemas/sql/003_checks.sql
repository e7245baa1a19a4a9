-- Great Expectations checks: one row per expectation per run, and one row
-- per failure it names (a published row, or a whole document when the rule
-- fails on every row of it). Rows checked are never changed: a failure only
-- points at them. See docs/data-model.md and warehouse/checks.py.

CREATE TABLE IF NOT EXISTS check_results (
    run_id           TEXT NOT NULL,        -- one id per run of every suite
    checked_at       TIMESTAMPTZ NOT NULL,
    suite            TEXT NOT NULL,        -- 'deployments' | 'questions' | 'answers' | 'claims'
    rule             TEXT NOT NULL,        -- the expectation's name in its suite
    expectation_type TEXT NOT NULL,        -- the GX expectation, e.g. 'expect_column_values_to_be_between'
    success          BOOLEAN NOT NULL,
    rows_checked     INTEGER NOT NULL,     -- rows of the checked table the rule was run over
    rows_failed      INTEGER NOT NULL,
    expected         TEXT NOT NULL,        -- what should hold, for people
    error            TEXT,                 -- why the expectation could not run (then success is false)
    PRIMARY KEY (run_id, suite, rule)
);

CREATE TABLE IF NOT EXISTS check_failures (
    run_id           TEXT NOT NULL,
    suite            TEXT NOT NULL,
    rule             TEXT NOT NULL,
    level            TEXT NOT NULL,        -- 'row' | 'document' (failed on every row of the document)
    subject          TEXT NOT NULL,        -- 'deployment:<id>', 'document:<url>', 'question:<reference or url>'
    deployment_id    TEXT,
    deployment_date  DATE,
    location         TEXT,
    document_url     TEXT,                 -- the Met document, or the question page
    document_sha256  TEXT,
    source_page      INTEGER,
    source_row       INTEGER,
    record_key       TEXT,                 -- the failing row's key in its table
    observed         JSON,                 -- the values the rule looked at, as published
    expected         TEXT NOT NULL,
    finding_key      TEXT NOT NULL         -- the findings row it raised (once, across runs)
);
