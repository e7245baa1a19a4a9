-- kind: release_changed
-- group: changes
-- lifecycle: event
-- A news release whose text changed since it was first read: the old text
-- is kept (release_versions), the new one is a new version. Always news.
WITH ordered AS (
    SELECT *, lag(text_sha256) OVER (PARTITION BY release_url ORDER BY first_observed_at, text_sha256) AS previous
    FROM release_versions
)
SELECT
    'release_changed:' || n.release_url || ':' || left(n.text_sha256, 16) AS finding_key,
    'release_changed' AS kind,
    'release:' || n.release_url AS subject,
    'alert' AS state,
    json_object('release_url', n.release_url, 'title', n.title,
                'old', release_ref(o), 'new', release_ref(n)) AS evidence,
    json_object() AS facts,
    NULL AS clears
FROM ordered n
JOIN release_versions o ON o.release_url = n.release_url AND o.text_sha256 = n.previous
ORDER BY n.release_url, n.first_observed_at;
