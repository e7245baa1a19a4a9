-- Checks over unchanged data are not run again (flows/checks.py): each run
-- records what it checked, and a run over the same inputs carries the last
-- results forward, saying so. See docs/data-model.md.

ALTER TABLE check_results ADD COLUMN input_sha256 TEXT;  -- the frames, the suites' code and the day checked
ALTER TABLE check_results ADD COLUMN carried_from TEXT;  -- the run whose results these are, when nothing changed
