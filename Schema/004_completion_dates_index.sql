-- 004_completion_dates_index: the overdue list as of a past date counts, per
-- (batch, milestone), the offices whose completion is effective by that date.
-- With the effective date in the index that is a range scan; the index of 002
-- (batch, milestone, office) is a prefix of this one's needs and is replaced.
DROP INDEX office_completions_by_milestone;
CREATE INDEX office_completions_by_milestone_date ON office_completions(batch_id, milestone_id, effective, office_id);
