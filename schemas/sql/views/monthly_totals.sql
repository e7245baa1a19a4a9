-- requires: deployments_current
-- Totals per calendar month of the deployment date. Figures sum completed
-- deployments only (aborted ones print N/A); the two kinds are counted apart.
-- Arrests printed in the 2020-22 layout include other disposals: see arrests_include_other_disposals.
CREATE OR REPLACE VIEW monthly_totals AS
SELECT
    deployment_month AS month,
    deployment_year AS year,
    count(*) FILTER (WHERE status = 'completed') AS deployments_completed,
    count(*) FILTER (WHERE status = 'aborted') AS deployments_aborted,
    CAST(sum(faces_seen) FILTER (WHERE status = 'completed') AS BIGINT) AS faces_seen,
    CAST(sum(alerts_total) FILTER (WHERE status = 'completed') AS BIGINT) AS alerts_total,
    CAST(sum(true_alerts) FILTER (WHERE status = 'completed') AS BIGINT) AS true_alerts,
    CAST(sum(false_alerts) FILTER (WHERE status = 'completed') AS BIGINT) AS false_alerts,
    CAST(sum(arrests) FILTER (WHERE status = 'completed') AS BIGINT) AS arrests,
    coalesce(bool_or(arrests_include_other_disposals) FILTER (WHERE status = 'completed' AND arrests IS NOT NULL), false)
        AS arrests_include_other_disposals,
    CAST(sum(other_disposals) FILTER (WHERE status = 'completed') AS BIGINT) AS other_disposals,
    -- Like for like across eras: 2020-22 "Arrests / Disposals", later Arrest + Other Disposal.
    CAST(sum(coalesce(arrests, 0) + coalesce(other_disposals, 0)) FILTER (
        WHERE status = 'completed' AND (arrests IS NOT NULL OR other_disposals IS NOT NULL)) AS BIGINT)
        AS arrests_and_other_disposals,
    min(deployment_date) AS first_deployment_date,
    max(deployment_date) AS last_deployment_date
FROM deployments_current
WHERE published_now  -- a deployment withdrawn from every document no longer counts
GROUP BY deployment_month, deployment_year
ORDER BY month;
