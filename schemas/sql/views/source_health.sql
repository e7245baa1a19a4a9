-- requires: source_urls, findings
-- Each URL the pipeline requests, and each source summed over its URLs:
-- when last fetched, last read without error, last changed, the last error,
-- and the source_broken findings still open for it.
CREATE OR REPLACE VIEW source_health AS
WITH problems AS (
    SELECT subject, count(*) AS open_problems, arg_max(summary, raised_at) AS problem
    FROM findings
    WHERE kind = 'source_broken' AND state <> 'cleared'
    GROUP BY subject
),
urls AS (
    SELECT
        'url' AS level,
        u.source,
        u.role,
        u.url,
        CASE WHEN u.last_error IS NOT NULL AND u.last_ok_at IS NOT NULL THEN 'failing'
             WHEN u.last_ok_at IS NULL THEN 'never_read'
             ELSE 'ok' END AS state,
        u.first_seen_at,
        u.last_fetched_at,
        u.last_status,
        u.last_ok_at,
        u.last_changed_at,
        u.last_error,
        u.last_error_at,
        CAST(coalesce(p.open_problems, 0) AS BIGINT) AS open_problems,
        p.problem
    FROM source_urls u
    LEFT JOIN problems p ON p.subject = 'document:' || u.url
),
sources AS (
    SELECT
        'source' AS level,
        u.source,
        CAST(NULL AS TEXT) AS role,
        CAST(NULL AS TEXT) AS url,
        CASE WHEN bool_or(u.state = 'failing') OR any_value(sp.open_problems) > 0 THEN 'failing'
             WHEN bool_or(u.state = 'ok') THEN 'ok'
             ELSE 'never_read' END AS state,
        min(u.first_seen_at) AS first_seen_at,
        max(u.last_fetched_at) AS last_fetched_at,
        CAST(NULL AS INTEGER) AS last_status,
        max(u.last_ok_at) AS last_ok_at,
        max(u.last_changed_at) AS last_changed_at,
        arg_max(u.last_error, u.last_error_at) FILTER (WHERE u.last_error IS NOT NULL) AS last_error,
        max(u.last_error_at) FILTER (WHERE u.last_error IS NOT NULL) AS last_error_at,
        CAST(sum(u.open_problems) + coalesce(any_value(sp.open_problems), 0) AS BIGINT) AS open_problems,
        coalesce(any_value(sp.problem), arg_max(u.problem, u.last_fetched_at) FILTER (WHERE u.problem IS NOT NULL))
            AS problem
    FROM urls u
    -- Source-wide problems are named after the source ('source:met-index').
    LEFT JOIN (
        SELECT split_part(split_part(subject, ':', 2), '-', 1) AS source,
               sum(open_problems) AS open_problems, arg_max(problem, open_problems) AS problem
        FROM problems WHERE starts_with(subject, 'source:') GROUP BY 1
    ) sp ON sp.source = u.source
    GROUP BY u.source
)
SELECT * FROM sources
UNION ALL
SELECT * FROM urls
ORDER BY source, CASE level WHEN 'source' THEN 0 ELSE 1 END, role, url;
