-- kind: release_new
-- group: changes
-- lifecycle: event
-- A Met news release about LFR seen for the first time, with how many
-- figures it states. Noted, not alerted, when first seen more than
-- $fresh_days after its publication (a backfill over old releases).
WITH firsts AS (
    SELECT * FROM release_versions
    QUALIFY row_number() OVER (PARTITION BY release_url ORDER BY first_observed_at, text_sha256) = 1
)
SELECT
    'release_new:' || v.release_url AS finding_key,
    'release_new' AS kind,
    'release:' || v.release_url AS subject,
    CASE WHEN coalesce(date_diff('day', v.published_date, v.first_observed_at::DATE) <= $fresh_days, TRUE)
         THEN 'alert' ELSE 'noted' END AS state,
    json_object('release_url', v.release_url, 'title', v.title, 'release', release_ref(v),
                'claims', (SELECT count(*) FROM claims c WHERE c.question_url = v.release_url AND c.position = 0
                             AND c.text_sha256 = v.text_sha256)) AS evidence,
    json_object() AS facts,
    NULL AS clears
FROM firsts v
ORDER BY v.published_date NULLS LAST, v.release_url;
