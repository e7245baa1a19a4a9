-- kind: answer_corrected
-- group: changes
-- lifecycle: event
-- A later answer on the same question, or an answer whose text changed (a
-- new answer_versions row at the same position), with both texts, dates
-- and page versions. A changed text is always news (only a re-fetch sees
-- it); a later answer first seen more than $fresh_days after its date is noted.
WITH nh AS (
    SELECT question_url, position, text_sha256, first_observed_at,
           row_number() OVER (PARTITION BY question_url, position ORDER BY first_observed_at, text_sha256) AS k
    FROM answer_versions WHERE NOT holding
),
later_answer AS (  -- the first text at a position after an earlier answered position
    SELECT v.question_url, v.position, v.text_sha256, 'later_answer' AS how,
           o.position AS o_position, o.text_sha256 AS o_sha
    FROM nh v JOIN nh o
      ON o.question_url = v.question_url AND o.position < v.position AND o.first_observed_at <= v.first_observed_at
    WHERE v.k = 1
    QUALIFY row_number() OVER (PARTITION BY v.question_url, v.position
                               ORDER BY o.position DESC, o.first_observed_at DESC) = 1
),
text_changed AS (  -- a later text at the same position
    SELECT v.question_url, v.position, v.text_sha256, 'text_changed' AS how,
           o.position AS o_position, o.text_sha256 AS o_sha
    FROM nh v JOIN nh o ON o.question_url = v.question_url AND o.position = v.position AND o.k = v.k - 1
),
changes AS (SELECT * FROM later_answer UNION ALL SELECT * FROM text_changed)
SELECT
    'answer_corrected:' || c.question_url || ':' || c.position || ':' || left(c.text_sha256, 16) AS finding_key,
    'answer_corrected' AS kind,
    'question:' || coalesce(q.reference, q.question_url) AS subject,
    CASE WHEN c.how = 'text_changed'
              OR coalesce(date_diff('day', v.answer_date, v.first_observed_at::DATE) <= $fresh_days, TRUE)
         THEN 'alert' ELSE 'noted' END AS state,
    json_object('question_url', c.question_url, 'reference', coalesce(q.reference, q.question_url), 'title', q.title,
                'how', c.how, 'old', answer_ref(o), 'new', answer_ref(v)) AS evidence,
    json_object() AS facts,
    NULL AS clears
FROM changes c
JOIN answer_versions v USING (question_url, position, text_sha256)
JOIN answer_versions o ON o.question_url = c.question_url AND o.position = c.o_position AND o.text_sha256 = c.o_sha
JOIN questions q ON q.question_url = c.question_url
ORDER BY c.question_url, c.position;
