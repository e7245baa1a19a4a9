-- kind: check_failed
-- group: checks
-- lifecycle: event
-- A Great Expectations rule failing on a published row (or on every row of
-- a document), under a key of suite, rule and the row's identity: a
-- deployment failing the same rule in two documents (a "to date" file and
-- the full-year file) is one finding whose evidence lists both rows, as
-- first seen; later runs over the same rows raise nothing new.
WITH runs AS (
    SELECT run_id, min(checked_at) AS checked_at FROM check_results GROUP BY run_id
),
failures AS (
    SELECT f.*, f.rowid AS n
    FROM check_failures f JOIN runs r USING (run_id)
    QUALIFY dense_rank() OVER (PARTITION BY f.finding_key ORDER BY r.checked_at, f.run_id) = 1
)
SELECT
    finding_key,
    'check_failed' AS kind,
    arg_min(subject, n) AS subject,
    'alert' AS state,
    json_object('suite', arg_min(suite, n), 'rule', arg_min(rule, n), 'level', arg_min(level, n),
                'rows', to_json(list(json_object(
                    'deployment_id', deployment_id, 'deployment_date', deployment_date, 'location', location,
                    'document_url', document_url, 'source_page', source_page, 'source_row', source_row,
                    'record_key', record_key, 'observed', observed, 'expected', expected) ORDER BY n))) AS evidence,
    json_object() AS facts,
    NULL AS clears
FROM failures
GROUP BY finding_key
ORDER BY min(n);
