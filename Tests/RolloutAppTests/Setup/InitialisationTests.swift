import Foundation
import RolloutApp
import XCTest

/// Creating a database through the application layer.
final class InitialisationTests: XCTestCase {
    func testTheBuiltInPlanIsLoadedAndBadValuesAreNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rollout-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let now = TemporaryService.time("2026-08-01T09:00:00+08:00")
        let path = folder.appendingPathComponent("yuzhong.sqlite").path
        XCTAssertThrowsError(try RolloutService.plan(fixtures: nil, year: 12)) {
            XCTAssertEqual(cliMessage($0), "invalid --year 12; expected a year such as 2026")
        }
        XCTAssertThrowsError(
            try RolloutService.create(
                location: path, plan: try RolloutService.plan(fixtures: nil, year: nil), coordinator: "  ", now: now, replace: false)
        ) {
            XCTAssertEqual("\($0)", "the coordinator's name is empty")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        let service = try RolloutService.create(
            location: path, plan: try RolloutService.plan(fixtures: nil, year: nil), coordinator: "王敏", now: now, replace: false)
        XCTAssertEqual(service.plan.items.count, 53)
        XCTAssertEqual(service.plan.offices.count, 11)
        XCTAssertEqual(try service.head().count, 1)
    }
}
