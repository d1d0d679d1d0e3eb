-- 005_lean_entry_indexes: every entry pays for every index on `entries`, so
-- keep only those a query needs. The state on a date is now read from the
-- current-state tables, so the history no longer needs `entries_by_track`
-- (batch, office, seq): one office's history uses `entries_by_office` (003).
-- `entries_by_kind` indexed a million milestones to find a few corrections,
-- refusals and removals; partial indexes of just those serve the same queries.
-- `entries_by_target` served the state on a date, which no longer reads entries.
DROP INDEX entries_by_track;
DROP INDEX entries_by_kind;
DROP INDEX entries_by_target;
CREATE INDEX entries_corrections ON entries(seq) WHERE kind = 'correction';
CREATE INDEX entries_refusals ON entries(seq) WHERE kind = 'refused';
CREATE INDEX entries_removals ON entries(seq) WHERE kind = 'person_removed';
