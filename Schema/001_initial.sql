-- 001_initial: the first schema of rollout.
-- Migrations are append-only: once shipped, a file is never edited; changes
-- come as new numbered files. PRAGMA user_version records the last applied.

-- Every plan version ever loaded; entries point to the one in force.
CREATE TABLE plan_versions (
    version   TEXT PRIMARY KEY CHECK (length(version) = 64),
    document  TEXT NOT NULL,              -- canonical JSON of the whole plan
    loaded_at TEXT NOT NULL
) STRICT;

CREATE TABLE offices (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL UNIQUE
) STRICT;

CREATE TABLE batches (
    id           TEXT PRIMARY KEY,
    number       INTEGER NOT NULL UNIQUE,
    label        TEXT NOT NULL,
    already_live INTEGER NOT NULL CHECK (already_live IN (0, 1))
) STRICT;

CREATE TABLE milestones (
    id          TEXT PRIMARY KEY,
    label       TEXT NOT NULL,
    recorded_by TEXT NOT NULL CHECK (recorded_by IN ('coordinator', 'office', 'auditor')),
    scope       TEXT NOT NULL CHECK (scope IN ('district', 'office'))
) STRICT;

-- The people register (current state; each row comes from a person_added entry).
CREATE TABLE people (
    name      TEXT PRIMARY KEY,
    role      TEXT NOT NULL CHECK (role IN ('coordinator', 'office', 'auditor')),
    office_id TEXT REFERENCES offices(id),
    CHECK ((role = 'office') = (office_id IS NOT NULL))
) STRICT;

-- The history: append-only and hash-chained. Never updated, never deleted.
CREATE TABLE entries (
    seq             INTEGER PRIMARY KEY CHECK (seq > 0),
    kind            TEXT NOT NULL CHECK (kind IN ('milestone', 'problem_opened', 'problem_resolved',
                        'blocked', 'unblocked', 'correction', 'person_added', 'person_removed', 'refused')),
    batch_id        TEXT REFERENCES batches(id),
    office_id       TEXT REFERENCES offices(id),
    milestone_id    TEXT REFERENCES milestones(id),
    target          INTEGER REFERENCES entries(seq),
    actor           TEXT NOT NULL,
    actor_role      TEXT NOT NULL CHECK (actor_role IN ('coordinator', 'office', 'auditor')),
    effective       TEXT NOT NULL CHECK (effective GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    recorded_at     TEXT NOT NULL,
    note            TEXT NOT NULL,
    evidence        TEXT NOT NULL,        -- canonical JSON list of {name, sha256, size}
    detail          TEXT NOT NULL,        -- canonical JSON object of strings
    bulk            TEXT,
    idempotency_key TEXT UNIQUE,
    plan_version    TEXT NOT NULL REFERENCES plan_versions(version),
    previous_hash   TEXT NOT NULL CHECK (length(previous_hash) = 64),
    hash            TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
) STRICT;

CREATE INDEX entries_by_track ON entries(batch_id, office_id, seq);
CREATE INDEX entries_by_target ON entries(target) WHERE target IS NOT NULL;
CREATE INDEX entries_by_kind ON entries(kind, seq);

CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
BEGIN
    SELECT RAISE(ABORT, 'entries are append-only: an entry cannot be changed; record a correction instead');
END;

CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
BEGIN
    SELECT RAISE(ABORT, 'entries are append-only: an entry cannot be deleted; record a correction instead');
END;

-- Current state, derived from the entries and kept for fast reads.
CREATE TABLE district_completions (
    batch_id     TEXT NOT NULL REFERENCES batches(id),
    milestone_id TEXT NOT NULL REFERENCES milestones(id),
    entry_seq    INTEGER NOT NULL REFERENCES entries(seq),
    effective    TEXT NOT NULL,
    PRIMARY KEY (batch_id, milestone_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE office_completions (
    batch_id     TEXT NOT NULL REFERENCES batches(id),
    office_id    TEXT NOT NULL REFERENCES offices(id),
    milestone_id TEXT NOT NULL REFERENCES milestones(id),
    entry_seq    INTEGER NOT NULL REFERENCES entries(seq),
    effective    TEXT NOT NULL,
    PRIMARY KEY (batch_id, office_id, milestone_id)
) STRICT, WITHOUT ROWID;

-- Block and unblock entries in effect per (batch, office); the last one decides.
CREATE TABLE block_changes (
    entry_seq INTEGER PRIMARY KEY REFERENCES entries(seq),
    batch_id  TEXT NOT NULL REFERENCES batches(id),
    office_id TEXT NOT NULL REFERENCES offices(id),
    blocked   INTEGER NOT NULL CHECK (blocked IN (0, 1)),
    effective TEXT NOT NULL,
    reason    TEXT NOT NULL
) STRICT;

CREATE INDEX block_changes_by_track ON block_changes(batch_id, office_id, entry_seq);

CREATE TABLE problems (
    id             INTEGER PRIMARY KEY REFERENCES entries(seq),
    batch_id       TEXT NOT NULL REFERENCES batches(id),
    office_id      TEXT NOT NULL REFERENCES offices(id),
    opened         TEXT NOT NULL,
    note           TEXT NOT NULL,
    resolved_seq   INTEGER REFERENCES entries(seq),
    resolved       TEXT,
    resolution     TEXT
) STRICT;

CREATE INDEX problems_by_track ON problems(batch_id, office_id);
