-- kind: deployment_new
-- group: changes
-- lifecycle: event
-- A deployment seen for the first time: an alert when it arrives in a
-- re-published version of a document we already had (the "to date" file
-- grew), noted when its document is new (document_new covers it).
WITH first_obs AS (
    SELECT * FROM deployment_observations
    QUALIFY row_number() OVER (PARTITION BY deployment_id ORDER BY observed_at, document_sha256) = 1
)
SELECT
    'deployment_new:' || f.deployment_id AS finding_key,
    'deployment_new' AS kind,
    'deployment:' || f.deployment_id AS subject,
    CASE WHEN EXISTS (SELECT 1 FROM document_lineage k WHERE k.document_sha256 = f.document_sha256 AND k.continuation)
         THEN 'alert' ELSE 'noted' END AS state,
    json_object(
        'deployment_id', f.deployment_id, 'deployment_date', dv.deployment_date, 'location', dv.location,
        'figures', json_object('status', dv.status, 'faces_seen', dv.faces_seen, 'alerts_total', dv.alerts_total,
                               'false_alerts', dv.false_alerts, 'arrests', dv.arrests),
        'document', doc_ref(f.document_url, f.document_sha256, f.source_page, f.source_row, f.observed_at)
    ) AS evidence,
    json_object() AS facts,
    NULL AS clears
FROM first_obs f
JOIN deployment_versions dv USING (deployment_id, figures_sha256)
ORDER BY dv.deployment_date, f.deployment_id;
