-- requires: alerts, deployments, questions
-- Alerts not resolved yet (open or acknowledged), newest first, with the
-- record their subject names: a deployment's document, page and row, or a
-- question's URL. The evidence object is as `lfrwatch alerts --json` gives it.
CREATE OR REPLACE VIEW open_alerts AS
SELECT
    a.alert_id AS id,
    a.kind,
    a.subject,
    split_part(a.subject, ':', 1) AS subject_kind,
    a.summary,
    a.evidence,
    a.state,
    a.raised_at,
    a.acknowledged_at,
    a.event,
    coalesce(d.document_url,
             CASE WHEN starts_with(a.subject, 'document:') THEN substr(a.subject, length('document:') + 1) END)
        AS document_url,
    d.source_page,
    d.source_row,
    d.deployment_date,
    d.location,
    (SELECT min(q.question_url) FROM questions q
     WHERE a.subject = 'question:' || q.question_url OR a.subject = 'question:' || q.reference) AS question_url
FROM alerts a
LEFT JOIN deployments d ON a.subject = 'deployment:' || d.deployment_id
WHERE a.state <> 'resolved'
ORDER BY a.raised_at DESC, a.alert_id DESC;
