-- kind: figure_revised
-- group: changes
-- lifecycle: event
-- One finding per changed figure of a deployment ($figure_columns), with
-- both document versions (sha256, page, row). A figure that flips back is
-- a revision again only if its new figures were never published before.
WITH later AS (
    SELECT * FROM deployment_versions
    QUALIFY row_number() OVER (PARTITION BY deployment_id ORDER BY first_observed_at, figures_sha256) > 1
),
prev AS (
    SELECT l.deployment_id, l.deployment_date, l.location, l.figures_sha256 AS new_sha,
           l.first_document_url AS new_url, l.first_document_sha256 AS new_doc, l.first_source_page AS new_page,
           l.first_source_row AS new_row, l.first_observed_at AS new_at,
           o.figures_sha256 AS old_sha, o.document_url AS old_url, o.document_sha256 AS old_doc,
           o.source_page AS old_page, o.source_row AS old_row, o.observed_at AS old_at
    FROM later l JOIN deployment_observations o
      ON o.deployment_id = l.deployment_id AND o.observed_at < l.first_observed_at
    QUALIFY row_number() OVER (PARTITION BY l.deployment_id, l.figures_sha256
                               ORDER BY o.observed_at DESC, o.document_sha256 DESC) = 1
),
values AS (
    SELECT p.*, field,
           json_extract(to_json(a), '$.' || field) AS old, json_extract(to_json(b), '$.' || field) AS new
    FROM prev p
    JOIN deployment_versions a ON a.deployment_id = p.deployment_id AND a.figures_sha256 = p.old_sha
    JOIN deployment_versions b ON b.deployment_id = p.deployment_id AND b.figures_sha256 = p.new_sha
    CROSS JOIN (SELECT unnest($figure_columns::VARCHAR[]) AS field)
)
SELECT
    'figure_revised:' || deployment_id || ':' || field || ':' || left(new_sha, 16) AS finding_key,
    'figure_revised' AS kind,
    'deployment:' || deployment_id AS subject,
    'alert' AS state,
    json_object('deployment_id', deployment_id, 'field', field, 'old', old, 'new', new,
                'old_document', doc_ref(old_url, old_doc, old_page, old_row, old_at),
                'new_document', doc_ref(new_url, new_doc, new_page, new_row, new_at)) AS evidence,
    json_object('deployment_date', deployment_date, 'location', location) AS facts,
    NULL AS clears
FROM values
WHERE CAST(old AS VARCHAR) IS DISTINCT FROM CAST(new AS VARCHAR)
ORDER BY deployment_date, deployment_id, field;
