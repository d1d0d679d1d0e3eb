import Foundation
import PostgresNIO
import RolloutCore

/// A store in a PostgreSQL database, for several servers over one history.
///
/// Reads run in a read-only repeatable-read transaction (one snapshot).
/// Writes run in a read-committed transaction; those that append to the
/// history first take a transaction-scoped advisory lock, so appends from any
/// number of processes go one at a time and each reads the head the last one
/// committed: the chain never forks. (The primary key on `entries.seq` would
/// refuse a fork anyway.)
struct PostgresEngine: StoreEngine {
    let connections: PostgresConnections

    /// How long one statement of `check` or of a migration may take: they read
    /// or rewrite whole tables. Every other statement has the pool's deadline.
    static let slowDeadline: Duration = .seconds(3600)

    /// The advisory lock key every writer of the chain takes ("roll").
    static let chainLock: Int64 = 0x726F_6C6C

    var location: String { connections.url.display }

    /// Opens a rollout database; `upgrading` applies newer migrations, else an
    /// older schema is refused as needing an upgrade.
    static func open(_ url: PostgresURL, upgrading: Bool) throws -> PostgresEngine {
        let engine = PostgresEngine(connections: PostgresConnections(url))
        let version = try engine.read { db in try PostgresMigrations.version(db) }
        guard let version else { throw StoreError.notARolloutDatabase(path: url.display, why: "it has no rollout schema") }
        guard version <= PostgresMigrations.latest else {
            throw StoreError.newerSchema(path: url.display, found: version, supported: PostgresMigrations.latest)
        }
        if version < PostgresMigrations.latest {
            guard upgrading else { throw StoreError.needsUpgrade(path: url.display, found: version, current: PostgresMigrations.latest) }
            try engine.write(appendsToHistory: true, commit: true, statementDeadline: slowDeadline) { db in try PostgresMigrations.migrate(db) }
        }
        return engine
    }

    /// Makes the schema and writes `seed` in one transaction, in the database the
    /// URL names; the database is created first (UTF-8, byte-order collation as
    /// SQLite compares text) when the server has none of that name. A database
    /// that already holds tables is refused: a PostgreSQL history is never replaced.
    static func create(_ url: PostgresURL, replace: Bool, seed: (any SQLExecutor) throws -> Void) throws {
        if replace {
            throw StoreError.replaceRefused(location: url.display)
        }
        let engine = PostgresEngine(connections: PostgresConnections(url))
        do {
            try engine.write(appendsToHistory: true, commit: true) { db in try build(db, url: url, seed: seed) }
        } catch StoreError.noDatabase {
            let server = PostgresEngine(connections: PostgresConnections(url.with(database: "postgres")))
            try server.outsideTransaction(
                "CREATE DATABASE \(quoted(url.database)) TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'")
            try engine.write(appendsToHistory: true, commit: true) { db in try build(db, url: url, seed: seed) }
        }
    }

    private static func build(_ db: any SQLExecutor, url: PostgresURL, seed: (any SQLExecutor) throws -> Void) throws {
        let tables = try db.int("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()") ?? 0
        guard tables == 0 else { throw StoreError.databaseExists(path: url.display) }
        try PostgresMigrations.migrate(db)
        try seed(db)
    }

    /// An identifier in double quotes.
    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    func health() throws -> StoreHealth {
        try read { db in
            let standby = try db.int("SELECT CASE WHEN pg_is_in_recovery() THEN 1 ELSE 0 END") == 1
            let readOnly = try db.int("SELECT CASE WHEN current_setting('default_transaction_read_only') = 'on' THEN 1 ELSE 0 END") == 1
            let role: StoreHealth.Role = standby ? .standby : readOnly ? .readOnly : .primary
            return StoreHealth(schema: try PostgresMigrations.version(db) ?? 0, role: role)
        }
    }

    func read<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
        try read(statementDeadline: nil, body)
    }

    func write<T>(appendsToHistory: Bool, commit: Bool, _ body: (any SQLExecutor) throws -> T) throws -> T {
        try write(appendsToHistory: appendsToHistory, commit: commit, statementDeadline: nil, body)
    }

    /// A read whose statements may each take `statementDeadline` (the pool's when nil).
    private func read<T>(statementDeadline: Duration?, _ body: (any SQLExecutor) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", commit: true, statementDeadline: statementDeadline, body)
    }

    /// A write whose statements may each take `statementDeadline` (the pool's when nil).
    private func write<T>(appendsToHistory: Bool, commit: Bool, statementDeadline: Duration?, _ body: (any SQLExecutor) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL READ COMMITTED", commit: commit, statementDeadline: statementDeadline) { db in
            if appendsToHistory { try db.execute("SELECT pg_advisory_xact_lock(?)", [Self.chainLock]) }
            return try body(db)
        }
    }

    private func transaction<T>(
        _ begin: String, commit: Bool, statementDeadline: Duration?, _ body: (any SQLExecutor) throws -> T
    ) throws -> T {
        do {
            return try connections.withSession(statementDeadline: statementDeadline) { session in
                try session.execute(begin)
                do {
                    let result = try body(session)
                    try session.execute(commit ? "COMMIT" : "ROLLBACK")
                    return result
                } catch {
                    if session.reusable { try? session.execute("ROLLBACK") }
                    throw error
                }
            }
        } catch let error as PSQLError {
            throw PostgresErrors.translate(error, location: location)
        } catch let stalled as PostgresWait.Stalled {
            throw StoreError.unavailable(path: location, why: stalled.why)
        }
    }

    /// A statement PostgreSQL runs only outside a transaction (`CREATE DATABASE`).
    func outsideTransaction(_ sql: String) throws {
        do {
            try connections.withSession { session in try session.execute(sql) }
        } catch let error as PSQLError {
            throw PostgresErrors.translate(error, location: location)
        } catch let stalled as PostgresWait.Stalled {
            throw StoreError.unavailable(path: location, why: stalled.why)
        }
    }

    /// Indexes and tables checked with `amcheck` (when the extension is installed),
    /// and every foreign key checked row by row (constraints can be disabled by an owner).
    func storageProblems() throws -> StorageCheck {
        try read(statementDeadline: Self.slowDeadline) { db in
            var integrity: [String] = []
            let amcheck = try db.int("SELECT count(*) FROM pg_extension WHERE extname = 'amcheck'") ?? 0 > 0
            let mayRun =
                try amcheck
                && db.int(
                    """
                    SELECT count(*) FROM pg_proc WHERE proname IN ('bt_index_check', 'verify_heapam')
                    AND has_function_privilege(oid, 'EXECUTE')
                    """) ?? 0 >= 2
            if amcheck && !mayRun {
                integrity.append(
                    "\(connections.url.user) may not run amcheck's functions, so PostgreSQL's index and table checks did not run (a superuser: GRANT EXECUTE ON FUNCTION bt_index_check(regclass, boolean), verify_heapam(regclass, boolean, boolean, text, bigint, bigint) TO \(connections.url.user))"
                )
            } else if amcheck {
                for row in try db.rows(
                    """
                    SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
                    WHERE a.amname = 'btree' AND c.relnamespace = CAST(current_schema() AS regnamespace) ORDER BY c.relname
                    """)
                {
                    let index = row.string(0) ?? ""
                    try db.execute("SELECT bt_index_check(CAST(? AS regclass), true)", [index])
                }
                for row in try db.rows(
                    """
                    SELECT c.relname, v.blkno, v.msg FROM pg_class c, LATERAL verify_heapam(c.oid) v
                    WHERE c.relkind = 'r' AND c.relnamespace = CAST(current_schema() AS regnamespace)
                    """)
                {
                    integrity.append("\(row.string(0) ?? "?") block \(row.int(1) ?? 0): \(row.string(2) ?? "")")
                }
            } else {
                integrity.append(
                    "the amcheck extension is not installed, so PostgreSQL's index and table checks did not run (CREATE EXTENSION amcheck as the owner)"
                )
            }
            var foreignKeys: [String] = []
            for key in try db.rows(
                """
                SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text, f.attname
                FROM pg_constraint c
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                JOIN pg_attribute f ON f.attrelid = c.confrelid AND f.attnum = c.confkey[1]
                WHERE c.contype = 'f' AND c.connamespace = CAST(current_schema() AS regnamespace) ORDER BY 1, 2
                """)
            {
                let (table, column, parent, parentColumn) = (key.string(0) ?? "", key.string(1) ?? "", key.string(2) ?? "", key.string(3) ?? "")
                let broken =
                    try db.int(
                        """
                        SELECT count(*) FROM \(table) AS t WHERE t.\(column) IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM \(parent) AS p WHERE p.\(parentColumn) = t.\(column))
                        """) ?? 0
                if broken > 0 { foreignKeys.append("\(table).\(column) → \(parent): \(broken) rows point nowhere") }
            }
            return StorageCheck(
                integrityCheckName: "PostgreSQL amcheck (every index and table)", integrity: integrity,
                foreignKeyCheckName: "PostgreSQL foreign keys, row by row", foreignKeys: foreignKeys)
        }
    }
}
