-- kind: source_stale
-- group: changes
-- lifecycle: condition
-- A source whose documents (Met) or question pages have not changed for
-- more than $stale_after_days while it keeps answering. Cleared when it
-- changes again. Every source is evaluated: a row
-- with no key clears the source's stale finding.
WITH sources AS (
    SELECT source, max(last_changed_at) AS changed, max(last_ok_at) AS ok, count(*) AS urls
    FROM source_urls WHERE role IN ('document', 'question')
    GROUP BY source
),
stale AS (
    SELECT *, changed IS NOT NULL AND ok IS NOT NULL AND ok > changed
              AND changed < $at::TIMESTAMPTZ - to_days(CAST($stale_after_days AS INTEGER)) AS is_stale
    FROM sources
)
SELECT
    CASE WHEN is_stale THEN 'source_stale:' || source || ':' || iso_key(changed) END AS finding_key,
    'source_stale' AS kind,
    'source:' || source AS subject,
    'alert' AS state,
    json_object('source', source, 'last_changed_at', changed, 'last_ok_at', ok, 'urls', urls,
                'stale_after_days', $stale_after_days) AS evidence,
    json_object('days', CAST(floor((epoch($at::TIMESTAMPTZ) - epoch(changed)) / 86400) AS BIGINT),
                'changed', strftime(changed, '%Y-%m-%d'), 'ok', strftime(ok, '%Y-%m-%d')) AS facts,
    'source_stale:' || source || ':' AS clears
FROM stale
ORDER BY source;
