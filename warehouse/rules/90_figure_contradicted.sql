-- kind: figure_contradicted
-- group: claims
-- lifecycle: condition
-- A figure stated in a current answer or news release that the records contradict over a
-- scope resolved with confidence (state alert), or that needs a person
-- (state review, with the reasons). Reads the one stored verdict per claim
-- (claim_verdicts, warehouse/contradictions.py): one finding per claim and
-- outcome, cleared when the outcome changes, reopened if it comes back.
SELECT
    v.finding_key,
    'figure_contradicted' AS kind,
    s.subject,
    CASE v.verdict WHEN 'contradicts' THEN 'alert' ELSE 'review' END AS state,
    json_object(
        'metric', c.metric,
        'definition', v.definition,
        'claim', json_object(
            'claim_id', c.claim_id, 'low', c.low, 'high', c.high, 'qualifier', c.qualifier, 'sentence', c.sentence,
            'question_url', c.question_url, 'answer_date', c.answer_date, 'period_start', c.period_start,
            'period_end', c.period_end, 'locations', coalesce(CAST(c.locations AS JSON), '[]'::JSON),
            'scope_text', c.scope_text, 'position', c.position, 'text_sha256', c.text_sha256,
            'sentence_index', c.sentence_index, 'sentence_no', c.sentence_no,
            'reference', coalesce(s.reference, s.statement_url),
            'scope', json_object(
                'period', json_object('words', c.period_words, 'from', c.period_source),
                'places', json_object('words', c.place_words, 'from', c.places_source),
                'selection', CASE WHEN coalesce(c.selection_words, '') <> '' THEN json_object(
                    'words', c.selection_words, 'count', c.selection_count, 'ordinal', c.selection_ordinal,
                    'from', c.selection_source) END,
                'cumulative', coalesce(c.cumulative, false),
                'subset', c.subset)),
        'computed', v.computed,
        'computed_first_published', v.computed_first_published,
        'records', v.records_text,
        'scope_start', v.scope_start,
        'scope_end', v.scope_end,
        'deployment_ids', v.deployment_ids,
        'deployments', v.deployments,
        'rates', v.rates,
        'reasons', v.reasons
    ) AS evidence,
    json_object('verdict', v.verdict, 'rows', json_array_length(v.deployment_ids)) AS facts,
    'figure_contradicted:' || c.claim_id || ':' AS clears
FROM claims c
JOIN statements_current s
  ON s.statement_url = c.question_url AND s.position = c.position AND s.text_sha256 = c.text_sha256
JOIN claim_verdicts v ON v.claim_id = c.claim_id
WHERE NOT s.holding
ORDER BY c.question_url, c.position, c.sentence_index, c.claim_id;
