/// Applies the embedded PostgreSQL migrations (`Schema/PostgreSQL/NNN_name.sql`)
/// in order, inside the caller's transaction (PostgreSQL's DDL is
/// transactional), and records each in `rollout_schema_version`, PostgreSQL's
/// stand-in for SQLite's `PRAGMA user_version`.
package enum PostgresMigrations {
    /// (version, SQL) pairs from the generated `EmbeddedPostgresSchema`.
    static let all: [(version: Int, sql: String)] = EmbeddedPostgresSchema.files.compactMap { file in
        Int(file.name.prefix { $0.isNumber }).map { ($0, file.contents) }
    }.sorted { $0.version < $1.version }

    /// The schema version this build writes.
    package static var latest: Int { all.last?.version ?? 0 }

    /// The version of the database's schema; nil when it has no rollout schema.
    static func version(_ db: any SQLExecutor) throws -> Int? {
        guard try db.int("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'rollout_schema_version'") ?? 0 > 0
        else { return nil }
        return Int(try db.int("SELECT max(version) FROM rollout_schema_version") ?? 0)
    }

    /// Applies every migration newer than the database's version. The caller
    /// holds the chain lock, so two processes opening an older database apply each migration once.
    static func migrate(_ db: any SQLExecutor) throws {
        let existing = try version(db)
        if existing == nil {
            try db.execute("CREATE TABLE rollout_schema_version (version bigint PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
            // Index and heap checks for `rollout check`, where the connecting role may install them.
            try db.execute("SAVEPOINT amcheck")
            do {
                try db.execute("CREATE EXTENSION IF NOT EXISTS amcheck")
                try db.execute("RELEASE SAVEPOINT amcheck")
            } catch {
                try db.execute("ROLLBACK TO SAVEPOINT amcheck")
            }
        }
        let current = existing ?? 0
        for migration in all where migration.version > current {
            for statement in PostgresScript.statements(migration.sql) { try db.execute(statement) }
            try db.execute("INSERT INTO rollout_schema_version (version) VALUES (?)", [migration.version])
        }
    }
}
