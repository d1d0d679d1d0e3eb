import Foundation
import GRDB
import RolloutCore

/// A rollout database: the plan, the hash-chained history and the current
/// state derived from it. The only code that touches SQLite.
///
/// Every write runs in one immediate transaction with a busy timeout, so two
/// people acting at once never lose an update or fork the chain.
package struct Store: Sendable {
    let queue: DatabaseQueue
    /// The database file.
    package let path: String
    /// The plan version in force.
    package let plan: Plan
    let planVersion: String
    /// Made by `init --test-clock`, `demo` or `generate`: only such a database
    /// honours an injected clock (`ROLLOUT_NOW`); a real district's never does.
    package let isTestDatabase: Bool

    /// Opens an existing database, refusing files that are not rollout databases.
    package static func open(path: String) throws -> Store {
        try checkHeader(path: path)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration())
            let version = try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
            guard version > 0 else { throw StoreError.notARolloutDatabase(path: path, why: "it has no rollout schema") }
            guard version <= Migrations.latest else {
                throw StoreError.newerSchema(path: path, found: version, supported: Migrations.latest)
            }
            if version < Migrations.latest { try queue.writeWithoutTransaction(Migrations.migrate) }
            let (plan, planVersion, isTest) = try queue.read { db in
                let (plan, version) = try loadPlan(db, path: path)
                return (plan, version, try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM test_clock)") ?? false)
            }
            return Store(queue: queue, path: path, plan: plan, planVersion: planVersion, isTestDatabase: isTest)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw translate(error, path: path)
        }
    }

    /// Creates a database at `path` holding `plan` and its first coordinator.
    /// With `testClock` the database is marked as a test database, whose
    /// commands may take their time from an injected clock (`isTestDatabase`).
    ///
    /// The database is built in `PATH.init-PID` beside `path` and moved into
    /// place only when complete (`AtomicFile.build`), so a failure leaves nothing behind.
    package static func create(
        path: String, plan: Plan, coordinator: String, login: String? = nil, at moment: Moment, replace: Bool,
        testClock: Bool = false
    ) throws -> Store {
        let coordinator = Person(login: login ?? coordinator, name: coordinator, role: .coordinator, office: nil)
        if coordinator.login != coordinator.name, let problem = Person.loginProblem(coordinator.login) {
            throw StoreError.invalid(InvalidAction(problem))
        }
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
                    try Migrations.migrate(db)
                    try db.inTransaction(.immediate) {
                        if testClock {
                            try db.execute(sql: "INSERT INTO test_clock (id, marked_at) VALUES (1, ?)", arguments: [moment.recordedAt])
                        }
                        try Seeding.load(plan, coordinator: coordinator, at: moment, into: db)
                        return .commit
                    }
                }
                try queue.close()
                for suffix in ["-wal", "-shm"] { unlink(path + suffix) }
            }
        } catch let error as DatabaseError {
            throw translate(error, path: path)
        }
        return try open(path: path)
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

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
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

    private static func loadPlan(_ db: Database, path: String) throws -> (Plan, String) {
        guard let row = try Row.fetchOne(db, sql: "SELECT version, document FROM plan_versions ORDER BY rowid DESC LIMIT 1") else {
            throw StoreError.notARolloutDatabase(path: path, why: "it holds no plan")
        }
        let version: String = row["version"]
        let document: String = row["document"]
        do {
            var offices: [Office] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT id, name FROM offices ORDER BY position")
            while let row = try rows.next() { offices.append(Office(id: row[0], name: row[1])) }
            let plan = try PlanDocument.decode(document, offices: offices)
            return (plan, version)
        } catch {
            throw StoreError.notARolloutDatabase(path: path, why: "its stored plan cannot be read: \(error)")
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
