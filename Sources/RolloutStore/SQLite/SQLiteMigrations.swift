import GRDB

/// Applies the embedded SQLite migrations (`Schema/NNN_name.sql`) in order and tracks the
/// version in `PRAGMA user_version`.
package enum SQLiteMigrations {
    /// (version, SQL) pairs from the generated `EmbeddedSchema`.
    static let all: [(version: Int, sql: String)] = EmbeddedSchema.files.compactMap { file in
        Int(file.name.prefix { $0.isNumber }).map { ($0, file.contents) }
    }.sorted { $0.version < $1.version }

    /// The schema version this build writes.
    package static var latest: Int { all.last?.version ?? 0 }

    /// Applies every migration newer than the database's version, in one
    /// transaction each. The version is read again inside each transaction, so
    /// two processes opening an older database at once apply each migration once.
    static func migrate(_ db: Database) throws {
        for migration in all {
            try db.inTransaction(.immediate) {
                let current = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                guard migration.version > current else { return .commit }
                try db.execute(sql: migration.sql)
                try db.execute(sql: "PRAGMA user_version = \(migration.version)")
                return .commit
            }
        }
    }
}
