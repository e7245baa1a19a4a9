-- kind: answer_new
-- group: changes
-- lifecycle: event
-- The first answer (not a holding reply) to a question. Noted, not alerted,
-- when first seen more than $fresh_days after its own date (a backfill, or
-- the first run over years of questions): history, not news.
WITH firsts AS (
    SELECT * FROM answer_versions WHERE NOT holding
    QUALIFY row_number() OVER (PARTITION BY question_url ORDER BY first_observed_at, position) = 1
)
SELECT
    'answer_new:' || v.question_url AS finding_key,
    'answer_new' AS kind,
    'question:' || coalesce(q.reference, q.question_url) AS subject,
    CASE WHEN coalesce(date_diff('day', v.answer_date, v.first_observed_at::DATE) <= $fresh_days, TRUE)
         THEN 'alert' ELSE 'noted' END AS state,
    json_object('question_url', v.question_url, 'reference', coalesce(q.reference, q.question_url), 'title', q.title,
                'answer', answer_ref(v),
                'claims', (SELECT count(*) FROM claims c WHERE c.question_url = v.question_url
                             AND c.position = v.position AND c.text_sha256 = v.text_sha256)) AS evidence,
    json_object() AS facts,
    NULL AS clears
FROM firsts v JOIN questions q USING (question_url)
ORDER BY v.answer_date NULLS LAST, v.question_url;
