-- 008_accounts: signing in to the shared service. None of this is history:
-- credentials, sessions and tokens change and expire, so they live beside the
-- hash chain, never in it. Secrets are stored as hashes only.

-- One row per person who may sign in, by the register's login. No row, or no
-- password hash: the person cannot sign in until a coordinator issues a code.
CREATE TABLE accounts (
    login          TEXT PRIMARY KEY,
    password_hash  TEXT,                      -- bcrypt; the first one is a one-time code's
    must_change    INTEGER NOT NULL CHECK (must_change IN (0, 1)),
    disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    updated_at     TEXT NOT NULL
) STRICT;

-- Signed-in browsers: the cookie carries a random id; only its SHA-256 is kept.
CREATE TABLE sessions (
    id_hash     TEXT PRIMARY KEY CHECK (length(id_hash) = 64),
    login       TEXT NOT NULL REFERENCES accounts(login),
    created_at  TEXT NOT NULL,
    last_seen   TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_by_login ON sessions(login);

-- Bearer tokens of the JSON API: shown once, kept as SHA-256, with an owner and an expiry.
CREATE TABLE api_tokens (
    id          INTEGER PRIMARY KEY,
    token_hash  TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    login       TEXT NOT NULL REFERENCES accounts(login),
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    revoked_at  TEXT
) STRICT;

-- Every sign-in attempt, for throttling and for coordinators to review.
CREATE TABLE sign_in_attempts (
    id         INTEGER PRIMARY KEY,
    login      TEXT NOT NULL,
    address    TEXT NOT NULL,
    at         TEXT NOT NULL,
    succeeded  INTEGER NOT NULL CHECK (succeeded IN (0, 1))
) STRICT;
CREATE INDEX sign_in_attempts_by_login ON sign_in_attempts(login, at);
CREATE INDEX sign_in_attempts_by_address ON sign_in_attempts(address, at);
