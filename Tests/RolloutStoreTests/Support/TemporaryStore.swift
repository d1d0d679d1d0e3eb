import Foundation
import TestSupport
import RolloutCore
import RolloutStore

/// A real SQLite database in a fresh temporary folder, with the Yuzhong plan.
struct TemporaryStore {
    let folder: URL
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

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rollout-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("test.sqlite").path
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

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
