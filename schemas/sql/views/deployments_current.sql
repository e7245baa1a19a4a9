-- requires: deployments, deployment_versions, deployment_observations, published_documents
-- Each deployment as its most recently loaded publication prints it, with
-- both false-alert rates computed and the arrests definition flagged.
-- Documented in docs/views.md; column names are a contract for dashboards.
CREATE OR REPLACE VIEW deployments_current AS
WITH documents AS (
    -- Only the 2020-22 layout has no separate "Other Disposal" column: its
    -- "Arrests / Disposals" counts both together (docs/sources.md §1.2), so the
    -- flag follows the document the figures come from, not the date.
    SELECT document_sha256, NOT bool_or(other_disposals IS NOT NULL) AS arrests_include_other_disposals
    FROM deployments
    GROUP BY document_sha256
),
published AS (
    SELECT DISTINCT o.deployment_id FROM deployment_observations o JOIN published_documents l USING (document_sha256)
),
versions AS (
    SELECT deployment_id, count(*) AS versions, min(first_observed_at) AS first_observed_at
    FROM deployment_versions
    GROUP BY deployment_id
)
SELECT
    d.deployment_id,
    d.deployment_date,
    CAST(year(d.deployment_date) AS INTEGER) AS deployment_year,
    CAST(date_trunc('month', d.deployment_date) AS DATE) AS deployment_month,
    d.location,
    d.note,
    d.status,
    d.duration_minutes,
    d.purpose,
    d.watchlist_size,
    d.threshold,
    d.alerts_total,
    d.true_alerts,
    d.true_alerts_confirmed,
    d.true_alerts_unconfirmed,
    d.false_alerts,
    d.false_alerts_confirmed,
    d.false_alerts_unconfirmed,
    d.true_alert_engagements,
    d.false_alert_engagements,
    d.arrests,
    doc.arrests_include_other_disposals,
    d.other_disposals,
    d.no_action,
    d.faces_seen,
    d.false_alert_rate_printed,
    CASE WHEN d.faces_seen > 0 THEN d.false_alerts / d.faces_seen END AS false_alert_rate_per_face,
    CASE WHEN d.alerts_total > 0 THEN d.false_alerts / d.alerts_total END AS false_alert_rate_per_alert,
    d.document_url,
    d.document_sha256,
    d.source_page,
    d.source_row,
    coalesce(v.versions, 1) AS versions,
    p.deployment_id IS NOT NULL AS published_now,
    coalesce(v.first_observed_at, d.observed_at) AS first_observed_at,
    d.observed_at
FROM deployments d
JOIN documents doc USING (document_sha256)
LEFT JOIN versions v USING (deployment_id)
LEFT JOIN published p USING (deployment_id);
