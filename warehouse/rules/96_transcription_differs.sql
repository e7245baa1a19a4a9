-- kind: transcription_differs
-- group: transcriptions
-- lifecycle: event
-- A hand-transcribed spreadsheet that differs from the records, stored by
-- `lfrwatch compare FILE --record` (transcription_comparisons): one finding
-- per difference, duplicated row, unmatched row or missing deployment, keyed
-- by the file's sha256, the row and the field, so recording the same file
-- again adds nothing. Always `review`: the records are not what is wrong.
SELECT
    'transcription_differs:' || comparison_key AS finding_key,
    'transcription_differs' AS kind,
    CASE WHEN deployment_id IS NOT NULL THEN 'deployment:' || deployment_id
         ELSE 'transcription:' || file_sha256 END AS subject,
    'review' AS state,
    json_object('file_name', file_name, 'file_sha256', file_sha256, 'file_row', file_row, 'field', field,
                'file', file_value, 'records', records_value, 'cause', cause, 'duplicate_of', duplicate_of,
                'deployment_id', deployment_id, 'deployment_date', deployment_date, 'location', location,
                'document', CASE WHEN document_url IS NOT NULL
                                 THEN doc_ref(document_url, document_sha256, source_page, source_row, NULL) END
    ) AS evidence,
    json_object() AS facts,
    NULL AS clears
FROM transcription_comparisons
ORDER BY compared_at, file_sha256, file_row NULLS LAST, field, deployment_id;
