import Foundation
import GRDB
import XCTest
@testable import RolloutStore

/// The schema protects the history itself, whatever code talks to the file.
final class SchemaTests: XCTestCase {
    private var temporary: TemporaryStore!

    override func setUpWithError() throws { temporary = try TemporaryStore() }
    override func tearDown() { temporary.remove() }

    private func raw() throws -> DatabaseQueue { try DatabaseQueue(path: temporary.path) }

    func testUpdatesAndDeletesOfTheHistoryAreAborted() throws {
        let db = try raw()
        XCTAssertThrowsError(try db.write { try $0.execute(sql: "UPDATE entries SET note = 'x' WHERE seq = 1") }) { error in
            XCTAssertTrue("\(error)".contains("entries are append-only: an entry cannot be changed"), "\(error)")
        }
        XCTAssertThrowsError(try db.write { try $0.execute(sql: "DELETE FROM entries WHERE seq = 1") }) { error in
            XCTAssertTrue("\(error)".contains("entries are append-only: an entry cannot be deleted"), "\(error)")
        }
        XCTAssertEqual(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM entries") }, 4)
    }

    func testTablesAreStrictAndClosedSetsAreChecked() throws {
        let db = try raw()
        XCTAssertThrowsError(try db.write { try $0.execute(sql: "INSERT INTO offices (id, name, position) VALUES ('x', 'y', 'not a number')") })
        XCTAssertThrowsError(try db.write { try $0.execute(sql: "INSERT INTO people (login, name, role) VALUES ('x', 'x', 'mayor')") })
        XCTAssertThrowsError(
            try db.write { try $0.execute(sql: "INSERT INTO people (login, name, role) VALUES ('x', 'x', 'office')") },
            "office staff need an office")
    }

    func testTheBinaryCarriesEveryMigrationInSchema() throws {
        let folder = TemporaryStore.repository.appendingPathComponent("Schema")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        XCTAssertEqual(
            EmbeddedSchema.files.map(\.name), files,
            "the embedded schema is stale: after adding a file to Schema/, touch Package.swift so the build plugin sees it")
        XCTAssertEqual(SQLiteMigrations.all.map(\.version), Array(1...files.count), "migrations are numbered 1, 2, 3, ... without gaps")
        for file in EmbeddedSchema.files {
            XCTAssertEqual(file.contents, try String(contentsOf: folder.appendingPathComponent(file.name), encoding: .utf8))
        }
    }

    func testAnOlderDatabaseIsMigratedOnOpenOnceEvenByConcurrentOpeners() throws {
        // The database the previous release wrote (schema 5), taken back to the schema of 001.
        let path = temporary.folder.appendingPathComponent("older.sqlite").path
        try FileManager.default.copyItem(
            atPath: TemporaryStore.repository.appendingPathComponent("Fixtures/compat/release-1.sqlite").path, toPath: path)
        let db = try DatabaseQueue(path: path)
        // In WAL mode, as every database the release left behind (the fixture is kept as one self-contained file).
        try db.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
        try db.write { db in
            // Back to the schema of 001: undo 005, 004, 003 and 002 (whose index 004 replaced).
            try db.execute(
                sql: """
                    DROP INDEX entries_corrections; DROP INDEX entries_refusals; DROP INDEX entries_removals;
                    CREATE INDEX entries_by_track ON entries(batch_id, office_id, seq); CREATE INDEX entries_by_kind ON entries(kind, seq);
                    CREATE INDEX entries_by_target ON entries(target) WHERE target IS NOT NULL;
                    DROP INDEX office_completions_by_milestone_date; DROP INDEX entries_by_office; PRAGMA user_version = 1
                    """)
        }
        try db.close()
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do { _ = try Store.open(path: path) } catch { failures.add("\(error)") }
        }
        XCTAssertEqual(failures.all, [], "every concurrent opener succeeds")
        let reopened = try DatabaseQueue(path: path)
        XCTAssertEqual(try reopened.read { try Int.fetchOne($0, sql: "PRAGMA user_version") }, SQLiteMigrations.latest)
        let indexes = try reopened.read {
            try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name")
        }
        XCTAssertEqual(
            indexes,
            [
                "block_changes_by_track", "entries_by_office", "entries_corrections", "entries_refusals",
                "entries_removals", "flash_messages_by_session", "office_completions_by_milestone_date", "people_by_name", "people_by_role",
                "problems_by_track",
                "reminder_sends_once", "sessions_by_login",
                "sign_in_attempts_by_address", "sign_in_attempts_by_login",
            ])
        XCTAssertTrue(try Store.open(path: path).verify().passed)
        XCTAssertEqual(
            try Store.open(path: path).people().map(\.login).sorted(), try Store.open(path: path).people().map(\.name).sorted(),
            "people registered by name get their name as their login")
    }

    func testCommitsAreFullySyncedAndOpeningToReadWritesNothing() throws {
        let queue = try XCTUnwrap((temporary.store.engine as? SQLiteEngine)?.queue)
        XCTAssertEqual(
            try queue.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") }, 2, "FULL: a reported write survives power loss")
        XCTAssertEqual(try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }, "wal")
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: temporary.path))
        for _ in 0..<3 {
            let store = try Store.open(path: temporary.path)
            _ = try store.currentState()
            try XCTUnwrap((store.engine as? SQLiteEngine)?.queue).close()
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: temporary.path)), before, "reading must not change the file")
    }

    func testTheSchemaVersionIsRecordedAndANewerOneRefused() throws {
        let db = try raw()
        XCTAssertEqual(try db.read { try Int.fetchOne($0, sql: "PRAGMA user_version") }, SQLiteMigrations.latest)
        try db.write { try $0.execute(sql: "PRAGMA user_version = 99") }
        try db.close()
        XCTAssertThrowsError(try Store.open(path: temporary.path)) { error in
            XCTAssertEqual(error as? StoreError, .newerSchema(path: temporary.path, found: 99, supported: SQLiteMigrations.latest))
        }
    }

    func testFilesThatAreNotRolloutDatabasesAreRefusedUntouched() throws {
        let empty = temporary.folder.appendingPathComponent("empty.sqlite").path
        XCTAssertTrue(FileManager.default.createFile(atPath: empty, contents: Data()))
        XCTAssertThrowsError(try Store.open(path: empty)) { error in
            XCTAssertEqual("\(error)", "\(empty) is not a rollout database (the file is empty); expected a file made by `rollout init`")
        }
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int, 0)
        let text = temporary.folder.appendingPathComponent("notes.txt").path
        XCTAssertTrue(FileManager.default.createFile(atPath: text, contents: Data("hello".utf8)))
        XCTAssertThrowsError(try Store.open(path: text)) { error in
            XCTAssertTrue("\(error)".contains("it is not an SQLite file"), "\(error)")
        }
        let missing = temporary.folder.appendingPathComponent("missing.sqlite").path
        XCTAssertThrowsError(try Store.open(path: missing)) { error in
            XCTAssertEqual(error as? StoreError, .noDatabase(path: missing))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
    }

    func testCreateRefusesAnExistingDatabaseUnlessReplacing() throws {
        XCTAssertThrowsError(
            try Store.create(
                path: temporary.path, plan: TemporaryStore.plan(), coordinator: "x",
                at: TemporaryStore.moment("2026-08-01"), replace: false)
        ) { error in
            XCTAssertEqual(error as? StoreError, .databaseExists(path: temporary.path))
        }
        let replaced = try Store.create(
            path: temporary.path, plan: TemporaryStore.plan(), coordinator: "新主任",
            at: TemporaryStore.moment("2026-08-01"), replace: true)
        XCTAssertEqual(try replaced.people().map(\.name), ["新主任"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: temporary.folder.path).filter { $0.contains(".init-") }
        XCTAssertEqual(leftovers, [])
    }

    /// Errors collected from concurrent openers.
    private final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func add(_ item: String) { lock.lock(); items.append(item); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
    }
}
