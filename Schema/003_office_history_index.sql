-- 003_office_history_index: the history of one office (`rollout history --office`)
-- without scanning every entry; entries_by_track leads with the batch and cannot serve it.
CREATE INDEX entries_by_office ON entries(office_id, seq) WHERE office_id IS NOT NULL;
