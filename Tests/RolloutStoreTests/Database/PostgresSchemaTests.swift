import Foundation
import GRDB
import RolloutCore
import TestSupport
import XCTest

@testable import RolloutStore

/// What only PostgreSQL needs proving: that its migrations make the schema
/// SQLite's make, that its history refuses change even from the tables' owner
/// and that a server's role cannot change it at all, and that histories move
/// between the engines hash for hash.
final class PostgresSchemaTests: XCTestCase {
    private var temporary: TemporaryStore!

    override func setUpWithError() throws {
        guard try TestEngine.available().contains(.postgres) else { throw XCTSkip("no PostgreSQL server (ROLLOUT_TEST_POSTGRES)") }
        temporary = try TemporaryStore(engine: .postgres)
    }

    override func tearDown() { temporary?.remove() }

    /// One column as both engines can describe it.
    private struct Column: Hashable, CustomStringConvertible {
        var table: String, name: String, type: String, notNull: Bool
        var description: String { "\(table).\(name) \(type)\(notNull ? " NOT NULL" : "")" }
    }

    func testBothEnginesEndWithTheSameTablesColumnsKeysAndConstraints() throws {
        let sqlite = try TemporaryStore(engine: .sqlite)
        defer { sqlite.remove() }
        let db = try DatabaseQueue(path: sqlite.path)
        defer { try? db.close() }
        let sqliteTypes = ["TEXT": "text", "INTEGER": "bigint", "BLOB": "bytea"]
        var liteColumns = Set<Column>(), litePrimaryKeys = Set<String>(), liteForeignKeys = Set<String>(), liteUniques = Set<String>()
        var liteChecks: [String: Int] = [:]
        try db.read { db in
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") {
                var primaryKey: [(Int, String)] = []
                for row in try Row.fetchAll(db, sql: "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)", arguments: [table]) {
                    let name: String = row[0], pk: Int = row[3]
                    // SQLite lets an INTEGER PRIMARY KEY be NULL on insert (it picks the rowid); PostgreSQL says NOT NULL.
                    liteColumns.insert(Column(table: table, name: name, type: sqliteTypes[row[1]] ?? row[1], notNull: row[2] || pk > 0))
                    if pk > 0 { primaryKey.append((pk, name)) }
                }
                litePrimaryKeys.insert("\(table)(\(primaryKey.sorted { $0.0 < $1.0 }.map(\.1).joined(separator: ",")))")
                for row in try Row.fetchAll(db, sql: "SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(?)", arguments: [table]) {
                    let to: String? = row[2]
                    liteForeignKeys.insert("\(table).\(row[0] as String) → \(row[1] as String).\(to ?? "?")")
                }
                for index in try Row.fetchAll(
                    db, sql: "SELECT name, origin, partial FROM pragma_index_list(?) WHERE \"unique\" = 1", arguments: [table])
                where (index[1] as String) != "pk" {
                    let columns = try String.fetchAll(
                        db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno", arguments: [index[0] as String])
                    liteUniques.insert("\(table)(\(columns.joined(separator: ",")))\((index[2] as Bool) ? " partial" : "")")
                }
                let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [table]) ?? ""
                liteChecks[table] = sql.components(separatedBy: "CHECK (").count - 1
            }
        }
        func rows(_ sql: String) throws -> [[String]] {
            try PostgresTestServer.psql(sql, on: temporary.path).split(separator: "\n").map {
                $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            }
        }
        let schema = "table_schema = current_schema() AND table_name <> 'rollout_schema_version'"
        let pgColumns = Set(
            try rows("SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE \(schema)").map {
                Column(table: $0[0], name: $0[1], type: $0[2], notNull: $0[3] == "NO")
            })
        XCTAssertEqual(pgColumns.subtracting(liteColumns).map(\.description).sorted(), [], "columns only PostgreSQL has")
        XCTAssertEqual(liteColumns.subtracting(pgColumns).map(\.description).sorted(), [], "columns only SQLite has")
        let constraint = """
            SELECT c.conrelid::regclass::text, c.contype, array_to_string(ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o), ','),
                coalesce(c.confrelid::regclass::text, ''), coalesce((SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.confrelid AND a.attnum = c.confkey[1]), '')
            FROM pg_constraint c WHERE c.connamespace = CAST(current_schema() AS regnamespace) AND c.conrelid::regclass::text <> 'rollout_schema_version'
            """
        let constraints = try rows(constraint)
        XCTAssertEqual(Set(constraints.filter { $0[1] == "p" }.map { "\($0[0])(\($0[2]))" }), litePrimaryKeys)
        XCTAssertEqual(Set(constraints.filter { $0[1] == "f" }.map { "\($0[0]).\($0[2]) → \($0[3]).\($0[4])" }), liteForeignKeys)
        let pgUniqueIndexes = try rows(
            """
            SELECT t.relname, array_to_string(ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(n, o)
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o), ','), i.indpred IS NOT NULL
            FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
            WHERE i.indisunique AND NOT i.indisprimary AND t.relnamespace = CAST(current_schema() AS regnamespace) AND t.relname <> 'rollout_schema_version'
            """
        ).map { "\($0[0])(\($0[1]))\($0[2] == "t" ? " partial" : "")" }
        XCTAssertEqual(Set(pgUniqueIndexes), liteUniques)
        var pgChecks: [String: Int] = [:]
        for row in constraints where row[1] == "c" { pgChecks[row[0], default: 0] += 1 }
        XCTAssertEqual(pgChecks.filter { $0.value > 0 }, liteChecks.filter { $0.value > 0 }, "CHECK constraints per table")
        XCTAssertEqual(PostgresMigrations.latest, 2, "001 made the tables of SQLite's 001-011; 002 adds 012's")
    }

    func testTheHistoryRefusesChangeEvenFromTheTablesOwner() throws {
        for (sql, message) in [
            ("UPDATE entries SET note = 'x' WHERE seq = 1", "an entry cannot be changed"),
            ("DELETE FROM entries WHERE seq = 1", "an entry cannot be deleted"),
            ("TRUNCATE entries CASCADE", "entries are append-only"),
            ("UPDATE evidence_kept_from SET seq = 9", "cannot be changed"),
        ] {
            XCTAssertThrowsError(try PostgresTestServer.psql(sql, on: temporary.path), sql) { error in
                XCTAssertTrue("\(error)".contains(message), "\(sql): \(error)")
            }
        }
        XCTAssertEqual(try temporary.store.head().count, 4)
    }

    func testAServersRoleMayAppendButNeverUpdateDeleteOrDisableTheGuards() throws {
        let role = "rollout_server_" + UUID().uuidString.prefix(8).lowercased()
        let admin = try XCTUnwrap(PostgresTestServer.adminURL)
        try PostgresTestServer.psql("CREATE ROLE \(role) LOGIN", on: admin)
        try temporary.store.grantServerRole(role)
        var components = try XCTUnwrap(URLComponents(string: temporary.path))
        components.user = role
        let asServer = try XCTUnwrap(components.string)
        let server = try Store.open(path: asServer)
        let outcomes = try server.perform(
            [.record(milestone: "guides_written", batch: "batch1", office: nil, effective: LocalDate("2026-07-20")!, note: "", evidence: [])],
            as: "王敏", at: TemporaryStore.moment("2026-08-01"))
        guard case .recorded = outcomes.first?.result else { return XCTFail("the server role could not append: \(outcomes)") }
        try server.setPassword(login: "王敏", hash: "$2b$12$hash", mustChange: false, at: "2026-08-01T01:00:00Z")
        try server.createSession(idHash: String(repeating: "a", count: 64), login: "王敏", at: "2026-08-01T01:00:00Z")
        for sql in [
            "UPDATE entries SET note = 'x' WHERE seq = 1", "DELETE FROM entries WHERE seq = 1", "TRUNCATE entries CASCADE",
            "ALTER TABLE entries DISABLE TRIGGER USER", "UPDATE evidence_files SET size = 0", "DROP TABLE entries CASCADE",
        ] {
            XCTAssertThrowsError(try PostgresTestServer.psql(sql, on: asServer), sql) { error in
                XCTAssertTrue("\(error)".contains("permission denied") || "\(error)".contains("must be owner"), "\(sql): \(error)")
            }
        }
        XCTAssertTrue(try server.verify().passed)
        XCTAssertThrowsError(try TemporaryStore(engine: .sqlite).store.grantServerRole(role)) { error in
            XCTAssertTrue("\(error)".contains("roles belong to PostgreSQL"), "\(error)")
        }
    }

    func testAHistoryMovesBetweenTheEnginesHashForHash() throws {
        let original = try TemporaryStore(engine: .sqlite)
        defer { original.remove() }
        let report = EvidenceContent(mediaType: "application/pdf", bytes: Array("%PDF-1.4 网络验收".utf8))
        _ = try original.store.perform(
            [
                .record(
                    milestone: "network_built", batch: "batch1", office: "jiefangbei", effective: LocalDate("2026-08-05")!, note: "验收",
                    evidence: [report.evidence(name: "验收.pdf")])
            ], as: "李娜", at: TemporaryStore.moment("2026-08-05"), options: WriteOptions(evidence: [report]))
        try original.store.setPassword(login: "李娜", hash: "$2b$12$hash", mustChange: false, at: "2026-08-05T01:00:00Z")
        let token = try original.store.createToken(
            hash: String(repeating: "b", count: 64), login: "李娜", name: "脚本", at: "2026-08-05T01:00:00Z", expiresAt: "2027-08-05T01:00:00Z")
        let head = try original.store.head()

        let postgres = try original.store.copy(to: temporary.path.replacingOccurrences(of: "rollout_test_", with: "rollout_copy_"))
        XCTAssertEqual(try postgres.head(), head)
        XCTAssertEqual(try postgres.allEntries(), try original.store.allEntries())
        XCTAssertEqual(try postgres.evidence(sha256: report.sha256)?.content.bytes, report.bytes)
        XCTAssertEqual(try postgres.accounts(), try original.store.accounts())
        XCTAssertEqual(try postgres.tokens(login: "李娜").map(\.id), [token])
        let next = try postgres.createToken(
            hash: String(repeating: "c", count: 64), login: "李娜", name: "新", at: "2026-08-06T01:00:00Z", expiresAt: "2027-08-06T01:00:00Z")
        XCTAssertGreaterThan(next, token, "new ids follow the copied ones")

        let back = try postgres.copy(to: original.folder.appendingPathComponent("back.sqlite").path)
        XCTAssertEqual(try back.head().hash, try postgres.head().hash)
        XCTAssertTrue(try back.check().passed)
        XCTAssertEqual(try back.state(asOf: LocalDate("2026-08-06")!), try original.store.state(asOf: LocalDate("2026-08-06")!))

        XCTAssertThrowsError(try original.store.copy(to: postgres.path)) { error in
            XCTAssertTrue("\(error)".contains("a database is already there"), "\(error)")
        }
        XCTAssertThrowsError(try postgres.copy(to: original.path)) { error in
            XCTAssertEqual(
                error as? StoreError,
                .unsuitableTarget(
                    path: original.path, why: "a database is already there; a copy goes only into a new file or an empty PostgreSQL database"))
        }
    }

    func testTwoStoresWritingAtOnceNeverForkTheChain() throws {
        let second = try Store.open(path: temporary.path)
        let offices = temporary.store.plan.offices.map(\.id)
        let stores = [temporary.store, second]
        let errors = Errors()
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            let store = stores[worker % 2]
            for round in 0..<10 {
                let office = offices[(worker * 10 + round) % offices.count]
                do {
                    _ = try store.perform(
                        [.addPerson(name: "员工\(worker)-\(round)", role: .office, office: office)],
                        as: "王敏", at: TemporaryStore.moment("2026-08-05"), options: WriteOptions(idempotencyKey: "w\(worker)-r\(round)"))
                } catch {
                    errors.add("\(error)")
                }
            }
        }
        XCTAssertEqual(errors.all, [])
        let entries = try second.allEntries()
        XCTAssertEqual(entries.count, 4 + 80)
        XCTAssertEqual(Set(entries.compactMap(\.idempotencyKey)).count, 80, "each action once")
        for (previous, entry) in zip(entries, entries.dropFirst()) { XCTAssertEqual(entry.previousHash, previous.hash) }
        XCTAssertTrue(try temporary.store.verify().passed)
    }

    /// Errors collected from several threads.
    private final class Errors: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        var all: [String] { lock.withLock { list } }
        func add(_ error: String) { lock.withLock { list.append(error) } }
    }
}
