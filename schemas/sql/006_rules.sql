-- The findings engine (warehouse/rules/): each stored verdict carries what
-- its finding shows, and the key of that finding. See docs/data-model.md.

ALTER TABLE claim_verdicts ADD COLUMN computed_first_published DOUBLE;  -- the records' figure as first published
ALTER TABLE claim_verdicts ADD COLUMN rates JSON;                       -- deployments, per_face, per_alert over the rows
ALTER TABLE claim_verdicts ADD COLUMN definition TEXT;                  -- how the records' figure is computed
ALTER TABLE claim_verdicts ADD COLUMN finding_key TEXT;                 -- its figure_contradicted finding; NULL when it agrees
-- Verdicts stored before these columns existed are evaluated again on the next run.
UPDATE claim_verdicts SET basis_sha256 = 'before 006_rules';
