-- Claims read in context (docs/claims.md): which words set each claim's
-- period, places and deployment selection, and where they came from; and
-- the one stored verdict per current claim. See docs/data-model.md.

ALTER TABLE claims ADD COLUMN sentence_no INTEGER;          -- 1-based sentence of the answer the claim is in
ALTER TABLE claims ADD COLUMN period_words TEXT;            -- the words that set the period
ALTER TABLE claims ADD COLUMN period_source TEXT;           -- 'sentence' | 'earlier_sentence' | 'question' | 'title' | 'statement_date'
ALTER TABLE claims ADD COLUMN place_words TEXT;
ALTER TABLE claims ADD COLUMN places_source TEXT;
ALTER TABLE claims ADD COLUMN selection_words TEXT;         -- "the first two deployments", "at two sites"
ALTER TABLE claims ADD COLUMN selection_count INTEGER;
ALTER TABLE claims ADD COLUMN selection_ordinal TEXT;       -- 'first' | 'last'
ALTER TABLE claims ADD COLUMN selection_source TEXT;
ALTER TABLE claims ADD COLUMN cumulative BOOLEAN DEFAULT false;  -- a running total up to the answer's date
ALTER TABLE claims ADD COLUMN subset TEXT;                  -- words narrowing the figure ("for shoplifting")

-- The verdict on each current claim against the records: computed in one
-- place (warehouse/contradictions.py) from the claim and the records alone,
-- so identical data always gives the identical verdict; every view, finding
-- and message reads it from here.
CREATE TABLE IF NOT EXISTS claim_verdicts (
    claim_id         TEXT PRIMARY KEY,
    verdict          TEXT NOT NULL,       -- 'agrees' | 'contradicts' | 'review'
    reasons          JSON NOT NULL,       -- why 'review' (list of sentences); empty otherwise
    computed         DOUBLE,              -- the records' figure over the resolved rows
    deployment_ids   JSON NOT NULL,       -- the rows the scope resolved to
    deployments      JSON NOT NULL,       -- each row: id, date, location, value, document {url, sha256, label, page, row}
    records_text     TEXT,                -- "Kingston 6 + Surbiton 7, 2023–24 record p.3 rows 12–13"
    scope_start      DATE,                -- the period the rows were taken from
    scope_end        DATE,
    basis_sha256     TEXT NOT NULL,       -- of the claim and the figures the verdict was computed from
    evaluated_at     TIMESTAMPTZ NOT NULL -- when this verdict was first reached on this basis
);
