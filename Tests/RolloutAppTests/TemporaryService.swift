import Foundation
import RolloutApp
import RolloutCore

/// A real database in a fresh temporary folder behind the application layer,
/// with the built-in Yuzhong plan, its first coordinator 王敏 and three staff.
struct TemporaryService {
    let folder: URL
    let service: RolloutService

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rollout-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        service = try RolloutService.create(
            location: folder.appendingPathComponent("app.sqlite").path, plan: try RolloutService.plan(fixtures: nil, year: nil), coordinator: "王敏",
            now: Self.time("2026-08-01T09:00:00+08:00"), replace: false)
        for (name, role, office) in [("李娜", "office", "解放碑"), ("赵强", "office", "daping"), ("刘芳", "auditor", nil)] {
            _ = try service.addPerson(name: name, role: role, office: office, by: .cli("王敏"), at: Self.time("2026-08-01T09:05:00+08:00"))
        }
    }

    /// A clock reading.
    static func time(_ text: String) -> Timestamp {
        Timestamp(iso8601: text) ?? Timestamp(seconds: 0)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

extension Identity {
    /// Someone acting at the command line.
    static func cli(_ login: String) -> Identity { Identity(login: login, authentication: .cli) }
}
