import Foundation
import RolloutApp
import RolloutCore
import XCTest

/// The hand-written JSON of boards is exactly what Foundation's encoder writes.
final class BoardsJSONTests: XCTestCase {
    func testTheHandWrittenJSONEqualsFoundationsForEveryKindOfCell() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rollout-boards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The demo has done, late, due, overdue, blocked and not-applicable cells, problems and a block reason.
        let demo = try RolloutService.playDemo(into: folder.appendingPathComponent("demo.sqlite").path)
        let now = Timestamp(iso8601: "2026-11-20T02:00:00Z") ?? Timestamp(seconds: 0)
        let statusBoards =
            try demo.service.boards(StatusRequest(batches: ["0", "1", "2"]), now: now)
            + demo.service.boards(StatusRequest(batches: ["2"], asOf: "2026-12-01"), now: now)
        let boards = statusBoards.map(BoardView.init)
        let states = Set(boards.flatMap { $0.rows.flatMap { $0.cells.values.map(\.state) } })
        XCTAssertEqual(states, ["done", "due", "overdue", "blocked", "not_applicable"])
        XCTAssertTrue(boards.contains { $0.rows.contains { $0.blocked != nil } })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        XCTAssertEqual(String(decoding: BoardsJSON.bytes(statusBoards), as: UTF8.self), String(decoding: try encoder.encode(boards), as: UTF8.self))
        XCTAssertEqual(String(decoding: BoardsJSON.bytes([]), as: UTF8.self), "[]")
    }
}
