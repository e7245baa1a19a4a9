-- Helpers the rules share, created as temporary macros before each run of the rules.

-- A document version as evidence: where a figure was read.
CREATE OR REPLACE TEMP MACRO doc_ref(url, sha, page, row_no, observed) AS
    json_object('url', url, 'sha256', sha, 'page', page, 'row', row_no, 'observed_at', observed);

-- A timestamp as Python's isoformat() writes it ('2026-01-31T07:00:00+00:00'): part of stable finding keys.
CREATE OR REPLACE TEMP MACRO iso_key(ts) AS
    strftime(ts, '%Y-%m-%dT%H:%M:%S')
    || CASE WHEN microsecond(ts) % 1000000 <> 0
            THEN '.' || lpad(CAST(microsecond(ts) % 1000000 AS VARCHAR), 6, '0') ELSE '' END
    || CASE WHEN length(strftime(ts, '%z')) = 3 THEN strftime(ts, '%z') || ':00' ELSE strftime(ts, '%z') END;


-- An answer version as evidence (an answer_versions row): its date, author, text hash and an excerpt.
CREATE OR REPLACE TEMP MACRO answer_ref(a) AS
    json_object('position', a.position, 'answer_date', a.answer_date, 'answered_by', a.answered_by,
                'text_sha256', a.text_sha256, 'document_sha256', a.document_sha256,
                'excerpt', left(coalesce(a.text, ''), 400));

-- A news release version as evidence (a release_versions row): its date, title, extractor, text hash and an excerpt.
CREATE OR REPLACE TEMP MACRO release_ref(r) AS
    json_object('published_date', r.published_date, 'title', r.title, 'extractor', r.extractor,
                'text_sha256', r.text_sha256, 'document_sha256', r.document_sha256,
                'excerpt', left(coalesce(r.text, ''), 400));
