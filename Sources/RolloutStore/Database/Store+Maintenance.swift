import RolloutCore

extension Store {
    /// The schema version, and whether this process can write (`GET /healthz`).
    package func health() throws -> StoreHealth { try engine.health() }

    /// The engine's own checks (SQLite: integrity and foreign keys; PostgreSQL:
    /// index and heap checks and foreign keys), then the full audit
    /// verification (chain, replay, stored state equals replay).
    package func check() throws -> CheckReport {
        let storage = try engine.storageProblems()
        return CheckReport(
            integrityProblems: storage.integrity, foreignKeyProblems: storage.foreignKeys, integrityCheckName: storage.integrityCheckName,
            foreignKeyCheckName: storage.foreignKeyCheckName, verification: try verify())
    }

    /// A consistent copy of the database taken online: writers may go on
    /// meanwhile; the copy holds every transaction committed before it began.
    /// SQLite writes a file (`VACUUM INTO`); PostgreSQL writes the tool's own
    /// export, which `rollout db copy` reads back into an empty database.
    /// The copy is written beside `destination` and moved into place when
    /// complete; an existing file is never replaced.
    package func backup(to destination: String) throws {
        if let sqlite = engine as? SQLiteEngine {
            try sqlite.backup(to: destination)
        } else {
            _ = try copy(to: destination)
        }
    }
}
