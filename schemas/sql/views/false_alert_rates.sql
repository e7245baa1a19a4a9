-- requires: deployments_current
-- Both false-alert rates, side by side and never merged (docs/sources.md §1.2):
-- per face = false alerts / faces seen (the Met's printed rate);
-- per alert = false alerts / all alerts (7 of 8 = 0.875 at Oxford Circus, 27/02/20).
-- One row per completed deployment, calendar month, calendar year, and all time.
-- Each rate sums only deployments that publish both of its figures.
CREATE OR REPLACE VIEW false_alert_rates AS
WITH completed AS (
    SELECT * FROM deployments_current WHERE status = 'completed' AND published_now
),
keyed AS (
    SELECT 'deployment' AS period_kind, deployment_date AS period_start, deployment_date AS period_end,
           deployment_id, location, false_alert_rate_printed, completed.*
    FROM completed
    UNION ALL
    SELECT 'month', deployment_month, CAST(last_day(deployment_month) AS DATE), NULL, NULL, NULL, completed.*
    FROM completed
    UNION ALL
    SELECT 'year', make_date(deployment_year, 1, 1), make_date(deployment_year, 12, 31), NULL, NULL, NULL, completed.*
    FROM completed
    UNION ALL
    SELECT 'all', (SELECT min(deployment_date) FROM completed), (SELECT max(deployment_date) FROM completed),
           NULL, NULL, NULL, completed.*
    FROM completed
)
SELECT
    period_kind,
    period_start,
    period_end,
    deployment_id,
    location,
    count(*) AS deployments,
    CAST(sum(false_alerts) AS BIGINT) AS false_alerts,
    CAST(sum(faces_seen) AS BIGINT) AS faces_seen,
    CAST(sum(alerts_total) AS BIGINT) AS alerts_total,
    sum(false_alerts) FILTER (WHERE faces_seen IS NOT NULL)
        / nullif(sum(faces_seen) FILTER (WHERE false_alerts IS NOT NULL), 0) AS false_alert_rate_per_face,
    sum(false_alerts) FILTER (WHERE alerts_total IS NOT NULL)
        / nullif(sum(alerts_total) FILTER (WHERE false_alerts IS NOT NULL), 0) AS false_alert_rate_per_alert,
    any_value(false_alert_rate_printed) AS false_alert_rate_printed
FROM keyed
GROUP BY period_kind, period_start, period_end, deployment_id, location
ORDER BY CASE period_kind WHEN 'deployment' THEN 1 WHEN 'month' THEN 2 WHEN 'year' THEN 3 ELSE 4 END,
         period_start, deployment_id;
