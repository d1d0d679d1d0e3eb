-- 012_flash_messages: the line a page shows once after a form is sent
-- (recorded, refused and why, already recorded), kept with the session in the
-- database so that whichever server behind one address serves the next page
-- shows it, not only the one that took the form. Beside the history, not in
-- the hash chain; a message is deleted when it is shown.
CREATE TABLE flash_messages (
    id INTEGER PRIMARY KEY,
    -- SHA-256 of the session id, as sessions keep it
    session_hash TEXT NOT NULL,
    text TEXT NOT NULL,
    error INTEGER NOT NULL CHECK (error IN (0, 1)),
    -- UTC ISO 8601; messages never shown are dropped after a day
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX flash_messages_by_session ON flash_messages(session_hash, id);
