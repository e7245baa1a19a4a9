-- `lfrwatch compare FILE --record`: a transcribed spreadsheet checked against
-- the records, one row per difference, duplicated row, unmatched row or missing
-- deployment. See docs/data-model.md (transcription_comparisons).
CREATE TABLE transcription_comparisons (
    comparison_key TEXT PRIMARY KEY,  -- '<file sha256>:<row>:<field>', or '<file sha256>:missing:<deployment id>'
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    compared_at TIMESTAMPTZ NOT NULL,
    file_row INTEGER,                 -- NULL for a missing deployment
    field TEXT NOT NULL,              -- a figure, 'deployment_date', 'location', or 'row'
    file_value JSON,
    records_value JSON,
    cause TEXT,
    duplicate_of INTEGER,
    deployment_id TEXT,
    deployment_date DATE,
    location TEXT,
    document_url TEXT,
    document_sha256 TEXT,
    source_page INTEGER,
    source_row INTEGER
);
