-- 002_progress_indexes: lookups by (batch, milestone) for the overdue list and
-- the status summary at national scale (40,000 offices): which offices have
-- not yet reached a milestone is a range scan of this index, not of every track.
CREATE INDEX office_completions_by_milestone ON office_completions(batch_id, milestone_id, office_id);
