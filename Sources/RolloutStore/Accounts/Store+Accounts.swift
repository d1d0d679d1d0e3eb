import GRDB
import RolloutCore

/// Accounts, sessions, API tokens and sign-in attempts: the credentials of the
/// shared service. Each write is one transaction; none touches the history.
extension Store {
    /// The account of `login`, if one was ever issued.
    package func account(login: String) throws -> Account? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM accounts WHERE login = ?", arguments: [login]).map(Self.account) }
    }

    /// Every account, by login.
    package func accounts() throws -> [Account] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM accounts ORDER BY login").map(Self.account) }
    }

    /// Sets the password hash (a one-time code's when `mustChange`) and enables the account.
    /// Changing a password ends every session of the account but `keeping`.
    package func setPassword(login: String, hash: String, mustChange: Bool, at time: String, keeping session: String? = nil) throws {
        try writeCredentials { db in
            try db.execute(
                sql: """
                    INSERT INTO accounts (login, password_hash, must_change, disabled, updated_at) VALUES (?, ?, ?, 0, ?)
                    ON CONFLICT(login) DO UPDATE SET password_hash = excluded.password_hash, must_change = excluded.must_change,
                        disabled = 0, updated_at = excluded.updated_at
                    """, arguments: [login, hash, mustChange, time])
            try db.execute(sql: "DELETE FROM sessions WHERE login = ? AND id_hash IS NOT ?", arguments: [login, session])
        }
    }

    /// Disables an account, ends all its sessions and revokes its tokens, at once.
    package func disableAccount(login: String, at time: String) throws {
        try writeCredentials { db in
            try db.execute(sql: "UPDATE accounts SET disabled = 1, updated_at = ? WHERE login = ?", arguments: [time, login])
            try db.execute(sql: "DELETE FROM sessions WHERE login = ?", arguments: [login])
            try db.execute(sql: "UPDATE api_tokens SET revoked_at = ? WHERE login = ? AND revoked_at IS NULL", arguments: [time, login])
        }
    }

    // MARK: Sessions

    package func createSession(idHash: String, login: String, at time: String) throws {
        try writeCredentials { db in
            try db.execute(
                sql: "INSERT INTO sessions (id_hash, login, created_at, last_seen) VALUES (?, ?, ?, ?)", arguments: [idHash, login, time, time])
        }
    }

    package func session(idHash: String) throws -> SessionRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT id_hash, login, created_at, last_seen FROM sessions WHERE id_hash = ?", arguments: [idHash]).map {
                SessionRecord(idHash: $0[0], login: $0[1], createdAt: $0[2], lastSeen: $0[3])
            }
        }
    }

    package func touchSession(idHash: String, at time: String) throws {
        try writeCredentials { db in try db.execute(sql: "UPDATE sessions SET last_seen = ? WHERE id_hash = ?", arguments: [time, idHash]) }
    }

    package func endSession(idHash: String) throws {
        try writeCredentials { db in try db.execute(sql: "DELETE FROM sessions WHERE id_hash = ?", arguments: [idHash]) }
    }

    // MARK: API tokens

    /// Stores a new token's hash; returns its id.
    package func createToken(hash: String, login: String, name: String, at time: String, expiresAt: String) throws -> Int64 {
        try writeCredentials { db in
            try db.execute(
                sql: "INSERT INTO api_tokens (token_hash, login, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [hash, login, name, time, expiresAt])
            return db.lastInsertedRowID
        }
    }

    /// The token with this hash, revoked or not.
    package func token(hash: String) throws -> APIToken? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM api_tokens WHERE token_hash = ?", arguments: [hash]).map(Self.token) }
    }

    /// A person's tokens, newest first.
    package func tokens(login: String) throws -> [APIToken] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM api_tokens WHERE login = ? ORDER BY id DESC", arguments: [login]).map(Self.token) }
    }

    /// Revokes a person's token; false when they have no such live token.
    package func revokeToken(id: Int64, login: String, at time: String) throws -> Bool {
        try writeCredentials { db in
            try db.execute(
                sql: "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND login = ? AND revoked_at IS NULL", arguments: [time, id, login])
            return db.changesCount == 1
        }
    }

    // MARK: Sign-in attempts

    package func recordSignInAttempt(_ attempt: SignInAttempt) throws {
        try writeCredentials { db in
            try db.execute(
                sql: "INSERT INTO sign_in_attempts (login, address, at, succeeded) VALUES (?, ?, ?, ?)",
                arguments: [attempt.login, attempt.address, attempt.at, attempt.succeeded])
        }
    }

    /// Failed attempts for `login` (or from `address`) recorded at or after `since`, newest first.
    package func failedSignIns(login: String? = nil, address: String? = nil, since: String) throws -> [SignInAttempt] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT login, address, at, succeeded FROM sign_in_attempts
                    WHERE succeeded = 0 AND at >= ? AND (? IS NULL OR login = ?) AND (? IS NULL OR address = ?) ORDER BY id DESC
                    """, arguments: [since, login, login, address, address]
            ).map(Self.attempt)
        }
    }

    /// The newest sign-in attempts, for coordinators to review.
    package func signInAttempts(limit: Int) throws -> [SignInAttempt] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT login, address, at, succeeded FROM sign_in_attempts ORDER BY id DESC LIMIT ?", arguments: [limit]).map(
                Self.attempt)
        }
    }

    // MARK: Rows

    private static func account(_ row: Row) -> Account {
        Account(
            login: row["login"], passwordHash: row["password_hash"], mustChange: row["must_change"], disabled: row["disabled"],
            updatedAt: row["updated_at"])
    }

    private static func token(_ row: Row) -> APIToken {
        APIToken(
            id: row["id"], login: row["login"], name: row["name"], createdAt: row["created_at"], expiresAt: row["expires_at"],
            revokedAt: row["revoked_at"])
    }

    private static func attempt(_ row: Row) -> SignInAttempt {
        SignInAttempt(login: row[0], address: row[1], at: row[2], succeeded: row[3])
    }

    /// One immediate transaction on the credential tables.
    private func writeCredentials<T>(_ body: (Database) throws -> T) throws -> T {
        try WriteAccess.check(path)
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError.sqlite("the transaction on the accounts of \(path) produced no result") }
                return result
            }
        } catch let error as DatabaseError {
            throw Store.translate(error, path: path)
        }
    }
}
