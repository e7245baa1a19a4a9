-- kind: deployment_withdrawn
-- group: changes
-- lifecycle: event
-- A deployment in the previous version of a document URL and missing from
-- the new one: an alert when the document continued and no other published
-- document has it; noted when it is still published elsewhere.
WITH gone AS (
    SELECT k.document_url, k.previous_sha256, k.document_sha256, k.fetched_at, k.continuation,
           o1.deployment_id, o1.source_page, o1.source_row, o1.observed_at, dv.deployment_date, dv.location,
           coalesce((SELECT list(DISTINCT p.document_url ORDER BY p.document_url)
                     FROM published_documents p
                     JOIN deployment_observations o3 ON o3.document_sha256 = p.document_sha256
                     WHERE o3.deployment_id = o1.deployment_id AND p.document_url <> k.document_url),
                    []) AS elsewhere
    FROM document_lineage k
    JOIN deployment_observations o1 ON o1.document_sha256 = k.previous_sha256
    LEFT JOIN deployment_observations o2 ON o2.document_sha256 = k.document_sha256 AND o2.deployment_id = o1.deployment_id
    JOIN deployment_versions dv ON dv.deployment_id = o1.deployment_id AND dv.figures_sha256 = o1.figures_sha256
    WHERE o2.deployment_id IS NULL
)
SELECT
    'deployment_withdrawn:' || deployment_id || ':' || document_sha256 AS finding_key,
    'deployment_withdrawn' AS kind,
    'deployment:' || deployment_id AS subject,
    CASE WHEN continuation AND len(elsewhere) = 0 THEN 'alert' ELSE 'noted' END AS state,
    json_object('deployment_id', deployment_id,
                'old_document', doc_ref(document_url, previous_sha256, source_page, source_row, observed_at),
                'new_document', doc_ref(document_url, document_sha256, NULL, NULL, fetched_at),
                'still_published_in', elsewhere) AS evidence,
    json_object('deployment_date', deployment_date, 'location', location) AS facts,
    NULL AS clears
FROM gone
ORDER BY deployment_date, deployment_id;
