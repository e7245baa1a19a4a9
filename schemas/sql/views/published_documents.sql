-- requires: raw_documents, met_document_versions, source_urls
-- What the Met publishes now: for each URL that served a loaded Met
-- document, the version it served last — the one its source_urls row names
-- when that version was loaded, otherwise the latest loaded one it served.
-- The same bytes at two URLs (a "to date" file and the full-year file) are
-- published at both. The one definition of "published now":
-- deployments_current, the change rules (warehouse/rules/) and the claim
-- scope all read this view.
CREATE OR REPLACE VIEW published_documents AS
WITH served AS (
    SELECT r.url AS document_url, r.sha256 AS document_sha256, r.fetched_at AS served_at
    FROM raw_documents r JOIN met_document_versions m ON m.document_sha256 = r.sha256
    UNION
    SELECT document_url, document_sha256, parsed_at FROM met_document_versions
),
latest AS (
    SELECT document_url, arg_max(document_sha256, served_at) AS latest_sha256
    FROM served
    GROUP BY document_url
)
SELECT
    l.document_url,
    CASE WHEN m.document_sha256 IS NOT NULL THEN s.last_sha256 ELSE l.latest_sha256 END AS document_sha256
FROM latest l
LEFT JOIN source_urls s ON s.url = l.document_url
LEFT JOIN (SELECT DISTINCT document_sha256 FROM met_document_versions) m ON m.document_sha256 = s.last_sha256;
