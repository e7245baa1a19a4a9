-- requires: raw_documents, met_document_versions, deployment_observations
-- Every loaded version of each Met document URL in publication order and,
-- for each re-publication, how many of the previous version's deployments
-- it kept: a "to date" file that grew keeps them all (a continuation); a
-- URL that now serves a different record keeps fewer than half.
CREATE OR REPLACE VIEW document_lineage AS
WITH versions AS (
    SELECT r.url AS document_url, r.sha256 AS document_sha256, r.fetched_at,
           row_number() OVER (PARTITION BY r.url ORDER BY r.fetched_at, r.sha256) AS version
    FROM raw_documents r JOIN met_document_versions m ON m.document_sha256 = r.sha256
    WHERE r.source = 'met'
),
pairs AS (
    SELECT *, lag(document_sha256) OVER (PARTITION BY document_url ORDER BY version) AS previous_sha256
    FROM versions
),
kept AS (
    SELECT p.document_url, p.document_sha256,
           count(*) AS previous_rows, count(o2.deployment_id) AS kept_rows
    FROM pairs p
    JOIN deployment_observations o1 ON o1.document_sha256 = p.previous_sha256
    LEFT JOIN deployment_observations o2 ON o2.document_sha256 = p.document_sha256 AND o2.deployment_id = o1.deployment_id
    GROUP BY ALL
)
SELECT
    p.document_url,
    CAST(p.version AS INTEGER) AS version,
    p.document_sha256,
    p.previous_sha256,
    p.fetched_at,
    k.previous_rows,
    k.kept_rows,
    k.kept_rows * 2 >= k.previous_rows AS continuation
FROM pairs p
LEFT JOIN kept k USING (document_url, document_sha256);
