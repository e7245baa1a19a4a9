-- requires: monthly_totals
-- Totals per calendar year of the deployment date: the months of
-- monthly_totals added up (so both always agree). Figures sum completed
-- deployments only (aborted ones print N/A); the two kinds are counted apart;
-- a deployment withdrawn from every document no longer counts.
-- Arrests printed in the 2020-22 layout include other disposals: see arrests_include_other_disposals.
CREATE OR REPLACE VIEW yearly_totals AS
SELECT
    year,
    CAST(sum(deployments_completed) AS BIGINT) AS deployments_completed,
    CAST(sum(deployments_aborted) AS BIGINT) AS deployments_aborted,
    CAST(sum(faces_seen) AS BIGINT) AS faces_seen,
    CAST(sum(alerts_total) AS BIGINT) AS alerts_total,
    CAST(sum(true_alerts) AS BIGINT) AS true_alerts,
    CAST(sum(false_alerts) AS BIGINT) AS false_alerts,
    CAST(sum(arrests) AS BIGINT) AS arrests,
    bool_or(arrests_include_other_disposals) AS arrests_include_other_disposals,
    CAST(sum(other_disposals) AS BIGINT) AS other_disposals,
    CAST(sum(arrests_and_other_disposals) AS BIGINT) AS arrests_and_other_disposals,
    min(first_deployment_date) AS first_deployment_date,
    max(last_deployment_date) AS last_deployment_date
FROM monthly_totals
GROUP BY year
ORDER BY year;
