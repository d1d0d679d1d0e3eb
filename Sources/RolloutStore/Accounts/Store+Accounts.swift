import RolloutCore

/// Accounts, sessions, API tokens and sign-in attempts: the credentials of the
/// shared service. Each write is one transaction; none touches the history.
extension Store {
    /// The account of `login`, if one was ever issued.
    package func account(login: String) throws -> Account? {
        try read { db in try db.row("SELECT \(Self.accountColumns) FROM accounts WHERE login = ?", [login]).map(Self.account) }
    }

    /// Every account, by login.
    package func accounts() throws -> [Account] {
        try read { db in try db.rows("SELECT \(Self.accountColumns) FROM accounts ORDER BY login").map(Self.account) }
    }

    /// Sets the password hash (a one-time code's when `mustChange`) and enables the account.
    /// Changing a password ends every session of the account but `keeping`.
    package func setPassword(login: String, hash: String, mustChange: Bool, at time: String, keeping session: String? = nil) throws {
        try writeCredentials { db in
            try db.execute(
                """
                INSERT INTO accounts (login, password_hash, must_change, disabled, updated_at) VALUES (?, ?, ?, 0, ?)
                ON CONFLICT (login) DO UPDATE SET password_hash = excluded.password_hash, must_change = excluded.must_change,
                    disabled = 0, updated_at = excluded.updated_at
                """, [login, hash, mustChange, time])
            try db.execute("DELETE FROM sessions WHERE login = ? AND id_hash IS DISTINCT FROM ?", [login, session])
        }
    }

    /// Disables an account, ends all its sessions and revokes its tokens, at once.
    package func disableAccount(login: String, at time: String) throws {
        try writeCredentials { db in
            try db.execute("UPDATE accounts SET disabled = 1, updated_at = ? WHERE login = ?", [time, login])
            try db.execute("DELETE FROM sessions WHERE login = ?", [login])
            try db.execute("UPDATE api_tokens SET revoked_at = ? WHERE login = ? AND revoked_at IS NULL", [time, login])
        }
    }

    // MARK: Sessions

    package func createSession(idHash: String, login: String, at time: String) throws {
        try writeCredentials { db in
            try db.execute("INSERT INTO sessions (id_hash, login, created_at, last_seen) VALUES (?, ?, ?, ?)", [idHash, login, time, time])
        }
    }

    package func session(idHash: String) throws -> SessionRecord? {
        try read { db in
            try db.row("SELECT id_hash, login, created_at, last_seen FROM sessions WHERE id_hash = ?", [idHash]).map {
                SessionRecord(idHash: $0.string(0) ?? "", login: $0.string(1) ?? "", createdAt: $0.string(2) ?? "", lastSeen: $0.string(3) ?? "")
            }
        }
    }

    package func touchSession(idHash: String, at time: String) throws {
        try writeCredentials { db in try db.execute("UPDATE sessions SET last_seen = ? WHERE id_hash = ?", [time, idHash]) }
    }

    package func endSession(idHash: String) throws {
        try writeCredentials { db in try db.execute("DELETE FROM sessions WHERE id_hash = ?", [idHash]) }
    }

    // MARK: API tokens

    /// Stores a new token's hash; returns its id.
    package func createToken(hash: String, login: String, name: String, at time: String, expiresAt: String) throws -> Int64 {
        try writeCredentials { db in
            guard
                let id = try db.int(
                    "INSERT INTO api_tokens (token_hash, login, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                    [hash, login, name, time, expiresAt])
            else { throw StoreError.sqlite("the new token of \(login) was given no id") }
            return id
        }
    }

    /// The token with this hash, revoked or not.
    package func token(hash: String) throws -> APIToken? {
        try read { db in try db.row("SELECT \(Self.tokenColumns) FROM api_tokens WHERE token_hash = ?", [hash]).map(Self.token) }
    }

    /// A person's tokens, newest first.
    package func tokens(login: String) throws -> [APIToken] {
        try read { db in try db.rows("SELECT \(Self.tokenColumns) FROM api_tokens WHERE login = ? ORDER BY id DESC", [login]).map(Self.token) }
    }

    /// Revokes a person's token; false when they have no such live token.
    package func revokeToken(id: Int64, login: String, at time: String) throws -> Bool {
        try writeCredentials { db in
            try db.execute("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND login = ? AND revoked_at IS NULL", [time, id, login])
            return try db.changes == 1
        }
    }

    // MARK: Sign-in attempts

    /// Counts the failed attempts for the attempt's login and from its address
    /// since `since` and, when both are under their limits, records the attempt
    /// as failed: one step, in one transaction that holds the write lock, so
    /// parallel tries cannot all pass the count before any of them is recorded.
    package func claimSignInAttempt(_ attempt: SignInAttempt, since: String, perLogin: Int, perAddress: Int) throws -> SignInClaim {
        try writeCredentials { db in
            if db.dialect == .postgres { try db.execute("SELECT pg_advisory_xact_lock(?)", [Self.signInLock]) }
            for (login, address, limit) in [(attempt.login, nil, perLogin), (nil, attempt.address, perAddress)] {
                let failures = try db.rows(
                    """
                    SELECT login, address, at, succeeded FROM sign_in_attempts
                    WHERE succeeded = 0 AND at >= ?1 AND (login = ?2 OR ?2 IS NULL) AND (address = ?3 OR ?3 IS NULL) ORDER BY id DESC LIMIT ?4
                    """, [since, login, address, limit]
                ).map(Self.attempt)
                if failures.count >= limit { return .throttled(failures: failures, limit: limit) }
            }
            guard
                let id = try db.int(
                    "INSERT INTO sign_in_attempts (login, address, at, succeeded) VALUES (?, ?, ?, 0) RETURNING id",
                    [attempt.login, attempt.address, attempt.at])
            else { throw StoreError.sqlite("the sign-in attempt was not recorded") }
            return .claimed(id: id)
        }
    }

    /// Marks a claimed attempt as the successful sign-in it turned out to be.
    package func markSignInSucceeded(id: Int64) throws {
        try writeCredentials { db in try db.execute("UPDATE sign_in_attempts SET succeeded = 1 WHERE id = ?", [id]) }
    }

    /// The advisory lock sign-in claims take on PostgreSQL ("sign").
    private static let signInLock: Int64 = 0x7369_676E

    /// The newest sign-in attempts, for coordinators to review.
    package func signInAttempts(limit: Int) throws -> [SignInAttempt] {
        try read { db in
            try db.rows("SELECT login, address, at, succeeded FROM sign_in_attempts ORDER BY id DESC LIMIT ?", [limit]).map(Self.attempt)
        }
    }

    // MARK: Rows

    private static let accountColumns = "login, password_hash, must_change, disabled, updated_at"

    private static func account(_ row: StoredRow) -> Account {
        Account(
            login: row.string(0) ?? "", passwordHash: row.string(1), mustChange: row.bool(2) ?? true, disabled: row.bool(3) ?? true,
            updatedAt: row.string(4) ?? "")
    }

    private static let tokenColumns = "id, login, name, created_at, expires_at, revoked_at"

    private static func token(_ row: StoredRow) -> APIToken {
        APIToken(
            id: row.int(0) ?? 0, login: row.string(1) ?? "", name: row.string(2) ?? "", createdAt: row.string(3) ?? "",
            expiresAt: row.string(4) ?? "", revokedAt: row.string(5))
    }

    private static func attempt(_ row: StoredRow) -> SignInAttempt {
        SignInAttempt(login: row.string(0) ?? "", address: row.string(1) ?? "", at: row.string(2) ?? "", succeeded: row.bool(3) ?? false)
    }

    /// One transaction on the credential tables.
    private func writeCredentials<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
        try engine.write(appendsToHistory: false, commit: true, body)
    }
}
