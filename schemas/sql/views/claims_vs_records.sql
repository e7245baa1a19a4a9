-- requires: claims, statements_current, claim_verdicts
-- Each figure stated in a current answer or news release (every source), where its scope came from, the
-- rows of the records it resolved to, and the verdict: agrees / contradicts /
-- review, or pending until the run's contradiction step has evaluated it.
--
-- The verdict is computed in one place (warehouse/contradictions.py) and
-- stored in claim_verdicts; this view only reads it.
CREATE OR REPLACE VIEW claims_vs_records AS
SELECT
    c.claim_id,
    c.question_url,
    s.reference,
    s.title AS question_title,
    c.position AS answer_position,
    c.answer_date,
    c.metric,
    c.low,
    c.high,
    c.qualifier,
    c.period_start,
    least(c.period_end, c.answer_date) AS period_end,
    c.locations,
    c.scope_text,
    c.period_words,
    c.period_source,
    c.place_words,
    c.places_source,
    c.selection_words,
    c.selection_count,
    c.cumulative,
    c.subset,
    c.sentence,
    c.sentence_no,
    v.computed,
    CAST(coalesce(json_array_length(v.deployment_ids), 0) AS BIGINT) AS deployments_counted,
    v.deployment_ids,
    v.records_text,
    coalesce(v.verdict, 'pending') AS verdict,
    nullif(array_to_string(json_extract_string(v.reasons, '$[*]'), '; '), '') AS review_reason,
    v.evaluated_at,
    s.source
FROM claims c
JOIN statements_current s
  ON s.statement_url = c.question_url AND s.position = c.position AND s.text_sha256 = c.text_sha256
LEFT JOIN claim_verdicts v ON v.claim_id = c.claim_id
WHERE NOT s.holding
ORDER BY c.answer_date, c.question_url, c.position, c.sentence_index, c.claim_id;
