import Foundation
import RolloutApp
import XCTest

/// The demo and the scale generator, played through the application layer.
final class ScenarioUseCaseTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rollout-scenario-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func testTheDemoPlaysAndVerifies() throws {
        let demo = try RolloutService.playDemo(into: folder.appendingPathComponent("demo.sqlite").path)
        XCTAssertTrue(demo.verification.passed)
        XCTAssertEqual(demo.boards.count, 2)
        XCTAssertGreaterThan(demo.refused, 0)
        XCTAssertEqual(demo.report.verification.head, demo.verification.head)
        XCTAssertThrowsError(try RolloutService.playDemo(into: folder.appendingPathComponent("demo.sqlite").path))
    }

    func testTheGeneratorChecksItsSizesAndBuildsAHistoryThatVerifies() throws {
        XCTAssertThrowsError(try RolloutService.generate(ScaleRequest(offices: 0), into: folder.appendingPathComponent("none.sqlite").path)) {
            XCTAssertEqual(cliMessage($0), "invalid --offices 0; expected 1 to 1000000")
        }
        let service = try RolloutService.generate(
            ScaleRequest(offices: 12, districts: 2, batches: 2), into: folder.appendingPathComponent("g.sqlite").path)
        XCTAssertTrue(try service.verify(expectHead: nil).passed)
        XCTAssertEqual(service.plan.offices.count, 12)
    }
}
