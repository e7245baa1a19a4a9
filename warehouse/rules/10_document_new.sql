-- kind: document_new
-- group: changes
-- lifecycle: event
-- A Met document URL loaded for the first time: one finding for all its
-- deployments (a first run over 286 deployments is three findings, not 286).
WITH first_obs AS (
    SELECT * FROM deployment_observations
    QUALIFY row_number() OVER (PARTITION BY deployment_id ORDER BY observed_at, document_sha256) = 1
),
firsts AS (
    SELECT v.document_url, v.document_sha256, v.fetched_at, m.title, m.pages, m.deployment_rows,
           min(dv.deployment_date) AS first_date, max(dv.deployment_date) AS last_date,
           count(f.deployment_id) AS new_deployments
    FROM document_lineage v
    JOIN met_document_versions m ON m.document_sha256 = v.document_sha256
    LEFT JOIN deployment_observations o ON o.document_sha256 = v.document_sha256
    LEFT JOIN deployment_versions dv ON dv.deployment_id = o.deployment_id AND dv.figures_sha256 = o.figures_sha256
    LEFT JOIN first_obs f ON f.deployment_id = o.deployment_id AND f.document_sha256 = v.document_sha256
    WHERE v.version = 1
    GROUP BY ALL
)
SELECT
    'document_new:' || document_url AS finding_key,
    'document_new' AS kind,
    'document:' || document_url AS subject,
    'alert' AS state,
    json_object('document', doc_ref(document_url, document_sha256, NULL, NULL, fetched_at), 'title', title,
                'pages', pages, 'deployment_rows', deployment_rows, 'first_date', first_date,
                'last_date', last_date, 'new_deployments', new_deployments) AS evidence,
    json_object() AS facts,
    NULL AS clears
FROM firsts
ORDER BY fetched_at, document_url;
