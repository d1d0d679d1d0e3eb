-- 001_initial: the first PostgreSQL schema of rollout, the counterpart of the
-- SQLite migrations Schema/001_initial.sql … Schema/011_reminder_sends.sql:
-- the same tables, columns (in the same order), keys, constraints, indexes and
-- append-only rules as a SQLite database after all eleven, in PostgreSQL's dialect.
-- TEXT is text, INTEGER is bigint (flags too: bigint with CHECK (x IN (0, 1)),
-- so the tool's SQL compares with 0 and 1 on both engines), BLOB is bytea.
-- Migrations are append-only: once shipped, a file is never edited; changes
-- come as new numbered files in this folder. The tool records the last applied
-- in its own version table.

-- Every plan version ever loaded; entries point to the one in force.
CREATE TABLE plan_versions (
    version   text PRIMARY KEY CHECK (length(version) = 64),
    document  text NOT NULL,              -- canonical JSON of the whole plan
    loaded_at text NOT NULL
);

CREATE TABLE offices (
    id       text PRIMARY KEY,
    name     text NOT NULL UNIQUE,
    position bigint NOT NULL UNIQUE
);

CREATE TABLE batches (
    id           text PRIMARY KEY,
    number       bigint NOT NULL UNIQUE,
    label        text NOT NULL,
    already_live bigint NOT NULL CHECK (already_live IN (0, 1))
);

CREATE TABLE milestones (
    id          text PRIMARY KEY,
    label       text NOT NULL,
    recorded_by text NOT NULL CHECK (recorded_by IN ('coordinator', 'office', 'auditor')),
    scope       text NOT NULL CHECK (scope IN ('district', 'office'))
);

-- The people register (current state; each row comes from a person_added entry).
-- A person is known by a unique login (a staff number or a mobile number); the
-- display name may repeat (two people called 王伟).
CREATE TABLE people (
    login     text PRIMARY KEY,
    name      text NOT NULL,
    role      text NOT NULL CHECK (role IN ('coordinator', 'office', 'auditor')),
    office_id text REFERENCES offices(id),
    CHECK ((role = 'office') = (office_id IS NOT NULL))
);

CREATE INDEX people_by_name ON people(name);
CREATE INDEX people_by_role ON people(role);

-- The history: append-only and hash-chained. Never updated, never deleted.
-- Entries of format 2 record who acted by login and how they were
-- authenticated (actor_login, auth); entries of format 1 have neither.
CREATE TABLE entries (
    seq             bigint PRIMARY KEY CHECK (seq > 0),
    kind            text NOT NULL CHECK (kind IN ('milestone', 'problem_opened', 'problem_resolved',
                        'blocked', 'unblocked', 'correction', 'person_added', 'person_removed', 'refused')),
    batch_id        text REFERENCES batches(id),
    office_id       text REFERENCES offices(id),
    milestone_id    text REFERENCES milestones(id),
    target          bigint REFERENCES entries(seq),
    actor           text NOT NULL,
    actor_role      text NOT NULL CHECK (actor_role IN ('coordinator', 'office', 'auditor')),
    effective       text NOT NULL CHECK (effective ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
    recorded_at     text NOT NULL,
    note            text NOT NULL,
    evidence        text NOT NULL,        -- canonical JSON list of {name, sha256, size}
    detail          text NOT NULL,        -- canonical JSON object of strings
    bulk            text,
    idempotency_key text UNIQUE,
    plan_version    text NOT NULL REFERENCES plan_versions(version),
    previous_hash   text NOT NULL CHECK (length(previous_hash) = 64),
    hash            text NOT NULL UNIQUE CHECK (length(hash) = 64),
    actor_login     text,
    auth            text CHECK (auth IN ('web_session', 'api_token', 'cli'))
);

-- One office's history; partial indexes of the few corrections, refusals and removals.
CREATE INDEX entries_by_office ON entries(office_id, seq) WHERE office_id IS NOT NULL;
CREATE INDEX entries_corrections ON entries(seq) WHERE kind = 'correction';
CREATE INDEX entries_refusals ON entries(seq) WHERE kind = 'refused';
CREATE INDEX entries_removals ON entries(seq) WHERE kind = 'person_removed';

-- The append-only rules. Each trigger passes its message to this one function,
-- which refuses the change with it (the same messages as the SQLite triggers).
CREATE FUNCTION rollout_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0];
END;
$$;

CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries FOR EACH ROW
    EXECUTE FUNCTION rollout_refuse('entries are append-only: an entry cannot be changed; record a correction instead');
CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries FOR EACH ROW
    EXECUTE FUNCTION rollout_refuse('entries are append-only: an entry cannot be deleted; record a correction instead');
-- SQLite has no TRUNCATE; here it would empty the table without firing the row triggers.
CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON entries FOR EACH STATEMENT
    EXECUTE FUNCTION rollout_refuse('entries are append-only: the history cannot be truncated; record a correction instead');

-- Current state, derived from the entries and kept for fast reads.
CREATE TABLE district_completions (
    batch_id     text NOT NULL REFERENCES batches(id),
    milestone_id text NOT NULL REFERENCES milestones(id),
    entry_seq    bigint NOT NULL REFERENCES entries(seq),
    effective    text NOT NULL,
    PRIMARY KEY (batch_id, milestone_id)
);

CREATE TABLE office_completions (
    batch_id     text NOT NULL REFERENCES batches(id),
    office_id    text NOT NULL REFERENCES offices(id),
    milestone_id text NOT NULL REFERENCES milestones(id),
    entry_seq    bigint NOT NULL REFERENCES entries(seq),
    effective    text NOT NULL,
    PRIMARY KEY (batch_id, office_id, milestone_id)
);

-- The overdue list as of a date: per (batch, milestone), the offices complete by then.
CREATE INDEX office_completions_by_milestone_date ON office_completions(batch_id, milestone_id, effective, office_id);

-- Block and unblock entries in effect per (batch, office); the last one decides.
CREATE TABLE block_changes (
    entry_seq bigint PRIMARY KEY REFERENCES entries(seq),
    batch_id  text NOT NULL REFERENCES batches(id),
    office_id text NOT NULL REFERENCES offices(id),
    blocked   bigint NOT NULL CHECK (blocked IN (0, 1)),
    effective text NOT NULL,
    reason    text NOT NULL
);

CREATE INDEX block_changes_by_track ON block_changes(batch_id, office_id, entry_seq);

CREATE TABLE problems (
    id             bigint PRIMARY KEY REFERENCES entries(seq),
    batch_id       text NOT NULL REFERENCES batches(id),
    office_id      text NOT NULL REFERENCES offices(id),
    opened         text NOT NULL,
    note           text NOT NULL,
    resolved_seq   bigint REFERENCES entries(seq),
    resolved       text,
    resolution     text
);

CREATE INDEX problems_by_track ON problems(batch_id, office_id);

-- A database made for tests and demos carries one row here, and only such a
-- database lets ROLLOUT_NOW set the recording time. The mark is written in the
-- same transaction as the first entry and can neither be added to a database
-- that already has a history nor changed or removed afterwards.
CREATE TABLE test_clock (
    id        bigint PRIMARY KEY CHECK (id = 1),
    marked_at text NOT NULL
);

-- A trigger's WHEN cannot hold a subquery in PostgreSQL: the function tests for a history.
CREATE FUNCTION test_clock_only_at_creation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM entries) THEN
        RAISE EXCEPTION 'a database with a history cannot be marked as a test database';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER test_clock_only_at_creation BEFORE INSERT ON test_clock FOR EACH ROW
    EXECUTE FUNCTION test_clock_only_at_creation();
CREATE TRIGGER test_clock_no_update BEFORE UPDATE ON test_clock FOR EACH ROW
    EXECUTE FUNCTION rollout_refuse('the test-database mark cannot be changed');
CREATE TRIGGER test_clock_no_delete BEFORE DELETE ON test_clock FOR EACH ROW
    EXECUTE FUNCTION rollout_refuse('the test-database mark cannot be removed');
CREATE TRIGGER test_clock_no_truncate BEFORE TRUNCATE ON test_clock FOR EACH STATEMENT
    EXECUTE FUNCTION rollout_refuse('the test-database mark cannot be removed');

-- Signing in to the shared service. None of this is history: credentials,
-- sessions and tokens change and expire, so they live beside the hash chain,
-- never in it. Secrets are stored as hashes only.

-- One row per person who may sign in, by the register's login. No row, or no
-- password hash: the person cannot sign in until a coordinator issues a code.
CREATE TABLE accounts (
    login          text PRIMARY KEY,
    password_hash  text,                      -- bcrypt; the first one is a one-time code's
    must_change    bigint NOT NULL CHECK (must_change IN (0, 1)),
    disabled       bigint NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    updated_at     text NOT NULL
);

-- Signed-in browsers: the cookie carries a random id; only its SHA-256 is kept.
CREATE TABLE sessions (
    id_hash     text PRIMARY KEY CHECK (length(id_hash) = 64),
    login       text NOT NULL REFERENCES accounts(login),
    created_at  text NOT NULL,
    last_seen   text NOT NULL
);
CREATE INDEX sessions_by_login ON sessions(login);

-- Bearer tokens of the JSON API: shown once, kept as SHA-256, with an owner and an expiry.
CREATE TABLE api_tokens (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    token_hash  text NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    login       text NOT NULL REFERENCES accounts(login),
    name        text NOT NULL,
    created_at  text NOT NULL,
    expires_at  text NOT NULL,
    revoked_at  text
);

-- Every sign-in attempt, for throttling and for coordinators to review.
CREATE TABLE sign_in_attempts (
    id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    login      text NOT NULL,
    address    text NOT NULL,
    at         text NOT NULL,
    succeeded  bigint NOT NULL CHECK (succeeded IN (0, 1))
);
CREATE INDEX sign_in_attempts_by_login ON sign_in_attempts(login, at);
CREATE INDEX sign_in_attempts_by_address ON sign_in_attempts(address, at);

-- The bytes of evidence files, kept by their SHA-256, in the same transaction
-- as the entry that first names them. A file is stored once however many
-- entries name it, and is never changed or removed.
CREATE TABLE evidence_files (
    sha256      text PRIMARY KEY CHECK (length(sha256) = 64),
    size        bigint NOT NULL CHECK (size >= 0),
    media_type  text NOT NULL,
    content     bytea NOT NULL,
    stored_at   text NOT NULL
);

CREATE TRIGGER evidence_files_no_update BEFORE UPDATE ON evidence_files FOR EACH ROW
    EXECUTE FUNCTION rollout_refuse('evidence files are kept as uploaded: a file cannot be changed');
CREATE TRIGGER evidence_files_no_delete BEFORE DELETE ON evidence_files FOR EACH ROW
    EXECUTE FUNCTION rollout_refuse('evidence files are kept as uploaded: a file cannot be removed');
CREATE TRIGGER evidence_files_no_truncate BEFORE TRUNCATE ON evidence_files FOR EACH STATEMENT
    EXECUTE FUNCTION rollout_refuse('evidence files are kept as uploaded: the files cannot be truncated');

-- Entries before SQLite migration 010 named evidence whose bytes were never
-- kept: only entries from this sequence number on must have their files here.
-- On a new database that is the first entry.
CREATE TABLE evidence_kept_from (
    id   bigint PRIMARY KEY CHECK (id = 1),
    seq  bigint NOT NULL
);
INSERT INTO evidence_kept_from (id, seq) SELECT 1, coalesce(max(seq), 0) + 1 FROM entries;

CREATE TRIGGER evidence_kept_from_no_update BEFORE UPDATE ON evidence_kept_from FOR EACH ROW
    EXECUTE FUNCTION rollout_refuse('where kept evidence begins cannot be changed');
CREATE TRIGGER evidence_kept_from_no_delete BEFORE DELETE ON evidence_kept_from FOR EACH ROW
    EXECUTE FUNCTION rollout_refuse('where kept evidence begins cannot be changed');
CREATE TRIGGER evidence_kept_from_no_truncate BEFORE TRUNCATE ON evidence_kept_from FOR EACH STATEMENT
    EXECUTE FUNCTION rollout_refuse('where kept evidence begins cannot be changed');

-- Every reminder digest sent or tried to a work group's webhook. Beside the
-- history, not in the hash chain. A digest is sent once per recipient, date and
-- content: a 'sent' row makes every later run that day with the same content
-- send nothing; a 'failed' row is kept and the next run tries again.
CREATE TABLE reminder_sends (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    -- 'coordinators', or the office id of an office's digest
    recipient text NOT NULL,
    -- the date the digest is as of, YYYY-MM-DD
    as_of text NOT NULL,
    -- SHA-256 of the message body posted
    content_sha256 text NOT NULL,
    -- generic, wecom or dingtalk
    format text NOT NULL,
    -- the webhook without its query (where group robots keep their key)
    destination text NOT NULL,
    status text NOT NULL CHECK (status IN ('sent', 'failed')),
    attempts bigint NOT NULL,
    -- the last HTTP status, when an answer came
    http_status bigint,
    -- why the last attempt failed
    error text,
    -- UTC ISO 8601, when the run began
    sent_at text NOT NULL
);
CREATE UNIQUE INDEX reminder_sends_once ON reminder_sends(recipient, as_of, content_sha256) WHERE status = 'sent';
