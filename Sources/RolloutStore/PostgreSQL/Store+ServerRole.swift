import RolloutCore

extension Store {
    /// The tables a server may only read and append to: the history, its
    /// evidence, the plan and the marks that must never change.
    static let appendOnlyTables = [
        "entries", "evidence_files", "evidence_kept_from", "plan_versions", "offices", "batches", "milestones", "test_clock",
        "rollout_schema_version",
    ]
    /// The current-state and credential tables a server keeps up to date.
    static let updatedTables = [
        "people", "district_completions", "office_completions", "block_changes", "problems", "accounts", "sessions", "api_tokens",
        "sign_in_attempts", "reminder_sends", "flash_messages",
    ]

    /// Grants a PostgreSQL role what `rollout serve` and the commands need and
    /// no more: SELECT and INSERT on the history and the other append-only
    /// tables (no UPDATE, DELETE or TRUNCATE, so even a server taken over
    /// cannot rewrite the chain), and full use of the state and credential
    /// tables. Run as the tables' owner; the role must exist (`CREATE ROLE … LOGIN`).
    package func grantServerRole(_ role: String) throws {
        guard engine is PostgresEngine else {
            throw StoreError.badLocation(
                path, why: "roles belong to PostgreSQL; a SQLite file is protected by its file permissions (see docs/deployment.md)")
        }
        guard !role.isEmpty, role.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw StoreError.invalid(InvalidAction("role name \"\(role)\" is not valid; expected letters, digits and _"))
        }
        try engine.write(appendsToHistory: false, commit: true) { db in
            guard try db.int("SELECT count(*) FROM pg_roles WHERE rolname = ?", [role]) ?? 0 > 0 else {
                throw StoreError.invalid(
                    InvalidAction("PostgreSQL has no role \"\(role)\"; expected a role made first with CREATE ROLE \(role) LOGIN PASSWORD '…'"))
            }
            try db.execute("GRANT USAGE ON SCHEMA public TO \(role)")
            try db.execute("GRANT SELECT, INSERT ON \(Self.appendOnlyTables.joined(separator: ", ")) TO \(role)")
            try db.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON \(Self.updatedTables.joined(separator: ", ")) TO \(role)")
            try db.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO \(role)")
        }
    }
}
