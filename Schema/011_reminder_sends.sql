-- 011_reminder_sends: every reminder digest `rollout remind` (or the server's
-- daily run) sent or tried to send to a work group's webhook. Beside the
-- history, not in the hash chain: a send is not a fact about the rollout.
-- A digest is sent once per recipient, date and content: a 'sent' row makes
-- every later run that day with the same content send nothing; a 'failed'
-- row is kept and the next run tries again.
CREATE TABLE reminder_sends (
    id INTEGER PRIMARY KEY,
    -- 'coordinators', or the office id of an office's digest
    recipient TEXT NOT NULL,
    -- the date the digest is as of, YYYY-MM-DD
    as_of TEXT NOT NULL,
    -- SHA-256 of the message body posted
    content_sha256 TEXT NOT NULL,
    -- generic, wecom or dingtalk
    format TEXT NOT NULL,
    -- the webhook without its query (where group robots keep their key)
    destination TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('sent', 'failed')),
    attempts INTEGER NOT NULL,
    -- the last HTTP status, when an answer came
    http_status INTEGER,
    -- why the last attempt failed
    error TEXT,
    -- UTC ISO 8601, when the run began
    sent_at TEXT NOT NULL
);
CREATE UNIQUE INDEX reminder_sends_once ON reminder_sends(recipient, as_of, content_sha256) WHERE status = 'sent';
