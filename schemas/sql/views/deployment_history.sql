-- requires: deployments, deployment_versions
-- Every distinct set of figures ever published for each deployment, in the
-- order we first saw them, with the publication that first carried them.
CREATE OR REPLACE VIEW deployment_history AS
SELECT
    v.deployment_id,
    row_number() OVER w AS version_no,
    count(*) OVER (PARTITION BY v.deployment_id) AS versions,
    coalesce(v.figures_sha256 = d.figures_sha256, false) AS is_current,
    v.deployment_date,
    v.location,
    v.note,
    v.status,
    v.duration_minutes,
    v.purpose,
    v.watchlist_size,
    v.threshold,
    v.alerts_total,
    v.true_alerts,
    v.true_alerts_confirmed,
    v.true_alerts_unconfirmed,
    v.false_alerts,
    v.false_alerts_confirmed,
    v.false_alerts_unconfirmed,
    v.true_alert_engagements,
    v.false_alert_engagements,
    v.arrests,
    v.other_disposals,
    v.no_action,
    v.faces_seen,
    v.false_alert_rate_printed,
    v.figures_sha256,
    v.first_document_url AS document_url,
    v.first_document_sha256 AS document_sha256,
    v.first_source_page AS source_page,
    v.first_source_row AS source_row,
    v.first_observed_at,
    v.last_observed_at,
    lead(v.first_observed_at) OVER w AS superseded_at
FROM deployment_versions v
LEFT JOIN deployments d USING (deployment_id)
WINDOW w AS (PARTITION BY v.deployment_id ORDER BY v.first_observed_at, v.figures_sha256);
