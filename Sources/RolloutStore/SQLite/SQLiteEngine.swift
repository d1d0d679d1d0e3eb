import Foundation
import GRDB
import RolloutCore

/// A store in one SQLite file, through one GRDB connection: WAL, full
/// synchronous commits, and immediate transactions with a busy timeout for
/// every write, so two processes writing at once never lose an update or fork the chain.
struct SQLiteEngine: StoreEngine {
    let queue: DatabaseQueue
    /// The database file.
    let path: String

    var location: String { path }

    /// Opens an existing database, refusing files that are not rollout
    /// databases. `upgrading` applies newer migrations; without it the file is
    /// opened read-only (not even its journal mode is set) and one of an older
    /// schema is refused as needing an upgrade.
    static func open(path: String, upgrading: Bool) throws -> SQLiteEngine {
        try checkHeader(path: path)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: !upgrading))
            let version = try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
            guard version > 0 else { throw StoreError.notARolloutDatabase(path: path, why: "it has no rollout schema") }
            guard version <= SQLiteMigrations.latest else {
                throw StoreError.newerSchema(path: path, found: version, supported: SQLiteMigrations.latest)
            }
            if version < SQLiteMigrations.latest {
                guard upgrading else { throw StoreError.needsUpgrade(path: path, found: version, current: SQLiteMigrations.latest) }
                try queue.writeWithoutTransaction(SQLiteMigrations.migrate)
            }
            return SQLiteEngine(queue: queue, path: path)
        } catch let error as DatabaseError {
            throw translate(error, path: path)
        }
    }

    /// Builds a new database at `path` with every migration applied and `seed`
    /// written in one transaction. The file is built as `PATH.init-PID` and
    /// moved into place only when complete (`AtomicFile.build`), so a failure leaves nothing behind.
    static func create(path: String, replace: Bool, seed: (any SQLExecutor) throws -> Void) throws {
        guard case .file = try WriteTarget.inspect(path, streams: false) else {
            throw StoreError.unsuitableTarget(path: path, why: "expected a file name")
        }
        if FileManager.default.fileExists(atPath: path) && !replace { throw StoreError.databaseExists(path: path) }
        try WriteAccess.check(path)
        removeAbandonedInitFiles(for: path)
        do {
            try AtomicFile.build(path, tag: "init", replace: replace, sidecars: ["-wal", "-shm", "-journal"]) { temporary in
                let queue = try DatabaseQueue(path: temporary, configuration: configuration())
                try queue.writeWithoutTransaction { db in
                    try SQLiteMigrations.migrate(db)
                    try db.inTransaction(.immediate) {
                        try seed(db)
                        return .commit
                    }
                }
                try queue.close()
                for suffix in ["-wal", "-shm"] { unlink(path + suffix) }
            }
        } catch let error as DatabaseError {
            throw translate(error, path: path)
        }
    }

    func health() throws -> StoreHealth {
        let schema = try read { db in try db.int("PRAGMA user_version") ?? 0 }
        let writable = (try? WriteAccess.check(path)) != nil && !queue.configuration.readonly
        return StoreHealth(schema: Int(schema), role: writable ? .primary : .readOnly)
    }

    func read<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
        do {
            return try queue.read { db in try body(db) }
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    func write<T>(appendsToHistory: Bool, commit: Bool, _ body: (any SQLExecutor) throws -> T) throws -> T {
        if commit { try WriteAccess.check(path) }
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                // Immediate: the write lock is taken before the head is read, so writers queue on the busy timeout.
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return commit ? .commit : .rollback
                }
                guard let result else { throw StoreError.sqlite("the transaction on \(path) produced no result") }
                return result
            }
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    func storageProblems() throws -> StorageCheck {
        try read { executor in
            let integrity = try executor.strings("PRAGMA integrity_check").filter { $0 != "ok" }
            let foreignKeys = try executor.rows("PRAGMA foreign_key_check").map { row in
                "\(row.string(0) ?? "?") row \(row.int(1) ?? 0) → \(row.string(2) ?? "?")"
            }
            return StorageCheck(
                integrityCheckName: "SQLite integrity_check", integrity: integrity, foreignKeyCheckName: "SQLite foreign_key_check",
                foreignKeys: foreignKeys)
        }
    }

    /// `VACUUM INTO` a file beside `destination`, moved into place when complete; an existing file is never replaced.
    func backup(to destination: String) throws {
        do {
            try AtomicFile.build(destination, tag: "partial", replace: false) { partial in
                try queue.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [partial]) }
            }
        } catch let error as DatabaseError {
            throw Self.translate(error, path: destination)
        }
    }

    /// Removes `PATH.init-PID*` files left by an `init` that was killed (its process no longer exists).
    private static func removeAbandonedInitFiles(for path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + ".init-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = Int32(digits), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: (folder.isEmpty ? "." : folder) + "/" + name)
        }
    }

    private static func configuration(readOnly: Bool = false) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        if readOnly {
            configuration.readonly = true
            return configuration
        }
        configuration.prepareDatabase { db in
            // WAL: readers and the writer never block each other. The mode is
            // recorded in the file, so asking again on open is only a read. Set
            // here rather than with GRDB's `journalMode` option, which lowers
            // `synchronous` to NORMAL and writes a transaction on every open.
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            guard mode == "wal" else { throw DatabaseError(message: "could not switch the database to WAL mode (it stays in \(mode ?? "?") mode)") }
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return configuration
    }

    /// Refuses a missing, empty or non-SQLite file before SQLite touches it.
    private static func checkHeader(path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw StoreError.noDatabase(path: path) }
        guard !isDirectory.boolValue else { throw StoreError.notARolloutDatabase(path: path, why: "it is a folder") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.notARolloutDatabase(path: path, why: "it cannot be read")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { throw StoreError.notARolloutDatabase(path: path, why: "the file is empty") }
        guard header == Data("SQLite format 3\0".utf8) else {
            throw StoreError.notARolloutDatabase(path: path, why: "it is not an SQLite file")
        }
    }

    static func translate(_ error: DatabaseError, path: String) -> StoreError {
        // A full disk shows as SQLITE_FULL when a page cannot be written, and as
        // SQLITE_IOERR_SHMSIZE when not even the WAL index can grow (opening a database on a disk with no room left).
        if error.extendedResultCode == .SQLITE_IOERR_SHMSIZE { return .diskFull(path: path) }
        return switch error.resultCode {
        case .SQLITE_NOTADB: .notARolloutDatabase(path: path, why: "it is not an SQLite file")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM: .readOnly(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: .busy(path: path)
        case .SQLITE_FULL: .diskFull(path: path)
        default: .sqlite(error.message ?? "\(error)")
        }
    }
}
