import Foundation
import GRDB
import TestSupport
import RolloutCore
import RolloutStore

/// A real database with the Yuzhong plan: a SQLite file in a fresh temporary
/// folder, or a fresh database on the PostgreSQL test server.
struct TemporaryStore {
    let engine: TestEngine
    let folder: URL
    /// The file, or the PostgreSQL URL.
    let path: String
    let store: Store

    static let repository = Repository.root

    static func plan() throws -> Plan {
        var files: [String: [UInt8]] = [:]
        for name in PlanLoader.fileNames {
            files[name] = Array(try Data(contentsOf: repository.appendingPathComponent("Fixtures/yuzhong/\(name)")))
        }
        return try PlanLoader.load(files: files)
    }

    init(engine: TestEngine = .sqlite) throws {
        self.engine = engine
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rollout-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = try engine.location(in: folder)
        store = try Store.create(path: path, plan: try Self.plan(), coordinator: "王敏", at: Self.moment("2026-08-01"), replace: false)
        _ = try store.perform(
            [
                .addPerson(name: "李娜", role: .office, office: "jiefangbei"),
                .addPerson(name: "赵强", role: .office, office: "daping"),
                .addPerson(name: "审计员", role: .auditor, office: nil),
            ], as: "王敏", at: Self.moment("2026-08-01"))
    }

    static func moment(_ day: String) -> Moment {
        Moment(recordedAt: "\(day)T01:00:00Z", today: LocalDate(day)!)
    }

    /// Runs SQL past the store's guards, as someone holding the file or the
    /// superuser role could: SQLite's append-only triggers dropped, PostgreSQL's disabled.
    func tamper(_ sql: String) throws {
        switch engine {
        case .sqlite:
            let db = try DatabaseQueue(path: path)
            try db.writeWithoutTransaction { db in
                try db.execute(sql: "DROP TRIGGER IF EXISTS entries_no_update; DROP TRIGGER IF EXISTS entries_no_delete")
                try db.execute(sql: sql)
            }
            try db.close()
        case .postgres:
            try PostgresTestServer.psql(
                "BEGIN; ALTER TABLE entries DISABLE TRIGGER USER; \(sql); ALTER TABLE entries ENABLE TRIGGER USER; COMMIT;", on: path)
        }
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
