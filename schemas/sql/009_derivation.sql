-- Which version of our reading code derived each row (scrapers/versions.py),
-- so `lfrwatch rederive` can tell a change of code from a change of source.
-- NULL: derived before versions were recorded. See docs/data-model.md.

ALTER TABLE claims ADD COLUMN extractor_version TEXT;             -- the passage reader that read the claim
ALTER TABLE met_document_versions ADD COLUMN parser_version TEXT; -- the PDF extractor that read the document
ALTER TABLE questions ADD COLUMN parser_version TEXT;             -- the page reader that read its last version
