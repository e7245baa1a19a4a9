-- kind: document_replaced
-- group: changes
-- lifecycle: event
-- A URL that now serves a different record (it keeps fewer than half of the
-- previous version's deployments): one alert, not one per vanished deployment.
SELECT
    'document_replaced:' || k.document_url || ':' || k.document_sha256 AS finding_key,
    'document_replaced' AS kind,
    'document:' || k.document_url AS subject,
    'alert' AS state,
    json_object(
        'old_document', doc_ref(k.document_url, k.previous_sha256, NULL, NULL, NULL),
        'new_document', doc_ref(k.document_url, k.document_sha256, NULL, NULL, k.fetched_at),
        'kept', k.kept_rows, 'previous', k.previous_rows, 'title', m.title,
        'no_longer_published', (
            SELECT count(*) FROM deployment_observations o1
            WHERE o1.document_sha256 = k.previous_sha256
              AND NOT EXISTS (SELECT 1 FROM deployment_observations o3
                              JOIN published_documents p ON p.document_sha256 = o3.document_sha256
                              WHERE o3.deployment_id = o1.deployment_id))
    ) AS evidence,
    json_object('deployment_rows', m.deployment_rows) AS facts,
    NULL AS clears
FROM document_lineage k
JOIN met_document_versions m ON m.document_sha256 = k.document_sha256
WHERE NOT k.continuation;
