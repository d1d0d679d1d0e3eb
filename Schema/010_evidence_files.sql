-- 010_evidence_files: the bytes of evidence files, kept by their SHA-256.
-- Entries have always named their evidence ({name, sha256, size}); from this
-- release the content is kept too, in the same transaction as the entry that
-- first names it. A file is stored once however many entries name it, and is
-- never changed or removed: `audit verify` and `check` recompute each
-- referenced file's hash.
CREATE TABLE evidence_files (
    sha256      TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size        INTEGER NOT NULL CHECK (size >= 0),
    media_type  TEXT NOT NULL,
    content     BLOB NOT NULL,
    stored_at   TEXT NOT NULL
) STRICT;

CREATE TRIGGER evidence_files_no_update BEFORE UPDATE ON evidence_files
BEGIN
    SELECT RAISE(ABORT, 'evidence files are kept as uploaded: a file cannot be changed');
END;

CREATE TRIGGER evidence_files_no_delete BEFORE DELETE ON evidence_files
BEGIN
    SELECT RAISE(ABORT, 'evidence files are kept as uploaded: a file cannot be removed');
END;

-- Entries before this migration named evidence whose bytes were never kept:
-- only entries from this sequence number on must have their files here.
CREATE TABLE evidence_kept_from (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL
);
INSERT INTO evidence_kept_from (id, seq) SELECT 1, coalesce(max(seq), 0) + 1 FROM entries;

CREATE TRIGGER evidence_kept_from_no_update BEFORE UPDATE ON evidence_kept_from
BEGIN
    SELECT RAISE(ABORT, 'where kept evidence begins cannot be changed');
END;

CREATE TRIGGER evidence_kept_from_no_delete BEFORE DELETE ON evidence_kept_from
BEGIN
    SELECT RAISE(ABORT, 'where kept evidence begins cannot be changed');
END;
