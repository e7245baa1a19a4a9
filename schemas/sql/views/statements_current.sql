-- requires: answers, questions, releases
-- Every statement whose figures are checked against the records, from every
-- source: each current answer to a Mayor's Question (position 1, 2, …) and
-- each current news release (position 0), with the date it was made. Claims
-- join it on (question_url, position, text_sha256).
CREATE OR REPLACE VIEW statements_current AS
SELECT
    'questions' AS source,
    a.question_url AS statement_url,
    a.position,
    a.text_sha256,
    q.reference,
    q.title,
    a.answer_date AS statement_date,
    a.holding,
    'question:' || coalesce(q.reference, q.question_url) AS subject
FROM answers a
JOIN questions q USING (question_url)
UNION ALL
SELECT
    'news' AS source,
    r.release_url,
    0,
    r.text_sha256,
    NULL,
    r.title,
    r.published_date,
    false,
    'release:' || r.release_url
FROM releases r;
