-- requires: claims, answers, questions, findings, deployments_current
-- Each figure stated in a current answer, the figure the records give for
-- it, and a verdict: agrees / contradicts / review.
--
-- The verdict is the contradiction rule's (warehouse/contradictions.py, which
-- matches scopes such as places and "the first two deployments") wherever it
-- has one: an open figure_contradicted finding in state 'alert' contradicts,
-- in state 'review' needs a person; a claim whose findings were all cleared
-- agrees. A claim the rule has never flagged is checked here the simple way:
-- a count over completed deployments in the claim's period (cut at the
-- answer's date), 'agrees' when inside the claim's range, else 'review' (only
-- the rule says 'contradicts').
CREATE OR REPLACE VIEW claims_vs_records AS
WITH current_claims AS (
    SELECT c.*, least(c.period_end, c.answer_date) AS scope_end, q.reference, q.title
    FROM claims c
    JOIN answers a ON a.question_url = c.question_url AND a.position = c.position AND a.text_sha256 = c.text_sha256
    JOIN questions q ON q.question_url = c.question_url
    WHERE NOT a.holding
),
coverage AS (
    SELECT make_date(year(min(deployment_date)), 1, 1) AS first_day, max(deployment_date) AS last_day
    FROM deployments_current
),
scoped AS (
    SELECT c.claim_id, d.arrests_include_other_disposals,
           CASE c.metric
               WHEN 'deployments' THEN 1
               WHEN 'faces_seen' THEN d.faces_seen
               WHEN 'alerts_total' THEN d.alerts_total
               WHEN 'true_alerts' THEN d.true_alerts
               WHEN 'false_alerts' THEN d.false_alerts
               WHEN 'false_alert_engagements' THEN d.false_alert_engagements
               WHEN 'arrests' THEN d.arrests
           END AS value
    FROM current_claims c
    JOIN deployments_current d
      ON d.status = 'completed' AND d.published_now AND d.deployment_date BETWEEN c.period_start AND c.scope_end
),
sums AS (
    SELECT claim_id, count(*) AS deployments, sum(value) AS computed, count(*) - count(value) AS missing,
           bool_or(arrests_include_other_disposals) AS arrests_include_other_disposals
    FROM scoped
    GROUP BY claim_id
),
rule AS (
    SELECT split_part(finding_key, ':', 2) AS claim_id,
           arg_max(state, raised_at) FILTER (WHERE state <> 'cleared') AS state,
           arg_max(evidence, raised_at) FILTER (WHERE state <> 'cleared') AS evidence
    FROM findings
    WHERE kind = 'figure_contradicted'
    GROUP BY 1
),
simple AS (
    SELECT c.claim_id,
           CASE
               WHEN c.period_start IS NULL OR c.period_end IS NULL THEN 'the claim''s period is not known'
               WHEN c.metric NOT IN ('deployments', 'faces_seen', 'alerts_total', 'true_alerts', 'false_alerts',
                                     'false_alert_engagements', 'arrests')
                   THEN 'not a count the records sum (' || c.metric || ')'
               WHEN cov.last_day IS NULL OR c.period_start < cov.first_day OR c.scope_end > cov.last_day
                   THEN 'the records cover ' || coalesce(CAST(cov.first_day AS TEXT) || ' to ' || CAST(cov.last_day AS TEXT), 'nothing yet')
               WHEN coalesce(json_array_length(c.locations), 0) > 0 THEN 'the claim is scoped to places'
               WHEN s.deployments IS NULL THEN 'no completed deployment in the period'
               WHEN s.missing > 0 THEN 'the records do not publish ' || c.metric || ' for every deployment in the period'
               WHEN c.metric = 'arrests' AND s.arrests_include_other_disposals
                   THEN 'the 2020–22 records count arrests and other disposals together'
               WHEN (c.low IS NOT NULL AND s.computed < c.low) OR (c.high IS NOT NULL AND s.computed > c.high)
                   THEN 'the period''s total is outside the claim''s range; the contradiction rule has not confirmed it'
           END AS reason
    FROM current_claims c
    CROSS JOIN coverage cov
    LEFT JOIN sums s USING (claim_id)
)
SELECT
    c.claim_id,
    c.question_url,
    c.reference,
    c.title AS question_title,
    c.position AS answer_position,
    c.answer_date,
    c.metric,
    c.low,
    c.high,
    c.qualifier,
    c.period_start,
    c.scope_end AS period_end,
    c.locations,
    c.scope_text,
    c.sentence,
    coalesce(TRY_CAST(r.evidence ->> 'computed' AS DOUBLE), CAST(s.computed AS DOUBLE)) AS computed,
    CAST(coalesce(json_array_length(r.evidence -> 'deployment_ids'), s.deployments, 0) AS BIGINT) AS deployments_counted,
    CASE
        WHEN r.state = 'alert' THEN 'contradicts'
        WHEN r.state = 'review' THEN 'review'
        WHEN r.claim_id IS NOT NULL THEN 'agrees'
        WHEN simple.reason IS NOT NULL THEN 'review'
        ELSE 'agrees'
    END AS verdict,
    CASE WHEN r.claim_id IS NOT NULL THEN 'rule' ELSE 'sum' END AS verdict_source,
    CASE
        WHEN r.state IS NOT NULL THEN nullif(array_to_string(json_extract_string(r.evidence, '$.reasons[*]'), '; '), '')
        WHEN r.claim_id IS NULL THEN simple.reason
    END AS review_reason
FROM current_claims c
JOIN simple USING (claim_id)
LEFT JOIN sums s USING (claim_id)
LEFT JOIN rule r USING (claim_id)
ORDER BY c.answer_date, c.question_url, c.position, c.sentence_index, c.claim_id;
